//! Anchors: the language-independent clues that a source and a target sentence say the same
//! thing — numbers, cognates and names (folded words sharing a prefix), acronyms and telling
//! punctuation. Only anchors that occur on both sides of the document pair are kept: a word
//! with no look-alike on the other side says nothing about where it belongs.

use super::Params;
use super::lexicon::Lexicon;
use crate::textutil::{fold, words};
use rustc_hash::FxHashMap as HashMap;

/// Kinds of anchor, weighted separately because numbers are surer than look-alike words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Number,
    Word,
    Acronym,
    Punctuation,
    /// An entry of a bilingual word list, by number.
    Lexicon,
    /// A word pair the document's own confident beads translate by each other.
    Learned,
}

/// One anchor occurrence before interning: its kind and its key.
type Key = (Kind, String);

/// The anchors of every sentence of one side, as sorted `(anchor id, count)` lists.
#[derive(Debug, Default, Clone)]
pub(crate) struct SideAnchors {
    pub(crate) sentences: Vec<Vec<(u32, u32)>>,
}

/// Anchors of both sides with the weight of each anchor id.
#[derive(Debug, Clone)]
pub(crate) struct AnchorTable {
    pub(crate) source: SideAnchors,
    pub(crate) target: SideAnchors,
    pub(crate) weights: Vec<f64>,
}

/// Numbers every distinct anchor in order of first appearance (so that runs are
/// reproducible). Word-list concepts take the first ids.
struct Interner {
    ids: HashMap<Key, u32>,
    kinds: Vec<Kind>,
    /// The key of every id (empty for word-list concepts), to show what was learned.
    keys: Vec<String>,
}

impl Interner {
    fn new(concepts: usize) -> Interner {
        Interner {
            ids: HashMap::default(),
            kinds: vec![Kind::Lexicon; concepts],
            keys: vec![String::new(); concepts],
        }
    }

    fn id(&mut self, key: Key) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.kinds.len() as u32;
        self.kinds.push(key.0);
        self.keys.push(key.1.clone());
        self.ids.insert(key, id);
        id
    }
}

/// Every sentence's anchors before weighing: interned ids, with repeats, sorted. Kept apart
/// from the weighed [`AnchorTable`] so that a second pass can add the anchors it learned from
/// the first (see [`super::bootstrap`]) without reading the text again.
#[derive(Debug, Clone)]
pub(crate) struct RawAnchors {
    kinds: Vec<Kind>,
    /// What each id's weight is multiplied by: 1, or how strongly a learned pair associates.
    strengths: Vec<f64>,
    /// The key of every id (empty for word-list concepts), to show what was learned.
    keys: Vec<String>,
    source: Vec<Vec<u32>>,
    target: Vec<Vec<u32>>,
}

impl RawAnchors {
    /// Extracts and interns the anchors of two documents, shared or not.
    pub(crate) fn extract(
        source: &[&str],
        target: &[&str],
        lexicon: &Lexicon,
        params: &Params,
    ) -> RawAnchors {
        let index = lexicon.index(params.prefix_length);
        let mut interner = Interner::new(lexicon.concepts());
        let source = side_ids(source, &index.source, &mut interner, params);
        let target = side_ids(target, &index.target, &mut interner, params);
        RawAnchors {
            strengths: vec![1.0; interner.kinds.len()],
            kinds: interner.kinds,
            keys: interner.keys,
            source,
            target,
        }
    }

    /// The anchors of source sentences `source` and target sentences `target` alone, with the
    /// ids of the whole: one document of a corpus whose anchors were extracted together.
    pub(crate) fn part(
        &self,
        source: std::ops::Range<usize>,
        target: std::ops::Range<usize>,
    ) -> RawAnchors {
        RawAnchors {
            kinds: self.kinds.clone(),
            strengths: self.strengths.clone(),
            keys: self.keys.clone(),
            source: self.source[source].to_vec(),
            target: self.target[target].to_vec(),
        }
    }

    /// Number of distinct ids.
    pub(crate) fn ids(&self) -> usize {
        self.kinds.len()
    }

    /// The key an id was interned from: a folded word prefix, a number, a punctuation mark.
    pub(crate) fn key(&self, id: u32) -> &str {
        &self.keys[id as usize]
    }

    /// The distinct words (folded prefixes, as cognates are compared) of source sentence
    /// `i`: what a self-trained lexicon pairs up.
    pub(crate) fn source_words(&self, i: usize) -> Vec<u32> {
        self.distinct_words(&self.source[i])
    }

    /// The distinct words of target sentence `j`.
    pub(crate) fn target_words(&self, j: usize) -> Vec<u32> {
        self.distinct_words(&self.target[j])
    }

    fn distinct_words(&self, sorted: &[u32]) -> Vec<u32> {
        let mut words: Vec<u32> = sorted
            .iter()
            .copied()
            .filter(|&id| self.kinds[id as usize] == Kind::Word)
            .collect();
        words.dedup();
        words
    }

    /// Adds one learned anchor per pair of words: every occurrence of the source word in a
    /// source sentence, and of the target word in a target sentence, holds it. Each word may
    /// belong to at most one pair.
    pub(crate) fn add_learned(&mut self, pairs: &[LearnedPair]) {
        let mut source_concept = vec![None; self.ids()];
        let mut target_concept = vec![None; self.ids()];
        for pair in pairs {
            let concept = self.kinds.len() as u32;
            self.kinds.push(Kind::Learned);
            self.strengths.push(pair.strength);
            let key = format!("{}={}", self.key(pair.source), self.key(pair.target));
            self.keys.push(key);
            source_concept[pair.source as usize] = Some(concept);
            target_concept[pair.target as usize] = Some(concept);
        }
        add_concepts(&mut self.source, &source_concept);
        add_concepts(&mut self.target, &target_concept);
    }
}

/// Adds to every sentence the concept of each of its ids that has one, keeping it sorted.
fn add_concepts(sentences: &mut [Vec<u32>], concept_of: &[Option<u32>]) {
    for ids in sentences {
        let before = ids.len();
        for k in 0..before {
            if let Some(concept) = concept_of[ids[k] as usize] {
                ids.push(concept);
            }
        }
        if ids.len() > before {
            ids.sort_unstable();
        }
    }
}

/// Two words, one of each side, that translate each other, and how strongly (a factor of the
/// anchor's weight, up to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LearnedPair {
    pub(crate) source: u32,
    pub(crate) target: u32,
    pub(crate) strength: f64,
}

impl AnchorTable {
    /// Extracts, interns and weighs the anchors of two documents (see [`AnchorTable::weigh`]).
    #[cfg(test)]
    pub(crate) fn build(
        source: &[&str],
        target: &[&str],
        lexicon: &Lexicon,
        params: &Params,
    ) -> AnchorTable {
        AnchorTable::weigh(
            &RawAnchors::extract(source, target, lexicon, params),
            params,
        )
    }

    /// Keeps only the anchors both sides share, each weighted by how rare it is (an anchor
    /// found in every sentence places nothing).
    pub(crate) fn weigh(raw: &RawAnchors, params: &Params) -> AnchorTable {
        let source_df = document_frequency(&raw.source, raw.ids());
        let target_df = document_frequency(&raw.target, raw.ids());
        let sentences = (raw.source.len() + raw.target.len()).max(1) as f64;
        // Shared anchors with a positive weight get compact ids; the others are dropped.
        let mut compact = vec![u32::MAX; raw.ids()];
        let mut weights = Vec::new();
        for (id, kind) in raw.kinds.iter().enumerate() {
            let (df_s, df_t) = (source_df[id], target_df[id]);
            if df_s == 0 || df_t == 0 {
                continue;
            }
            let weight = kind_weight(*kind, params)
                * raw.strengths[id]
                * ((sentences / (df_s + df_t) as f64).ln() - params.idf_floor).max(0.0);
            if weight > params.min_anchor_weight {
                compact[id] = weights.len() as u32;
                weights.push(weight);
            }
        }
        AnchorTable {
            source: renumber(&raw.source, &compact),
            target: renumber(&raw.target, &compact),
            weights,
        }
    }
}

/// Sorted anchor ids (with repeats) of every sentence of one side.
fn side_ids(
    sentences: &[&str],
    lexicon: &HashMap<String, Vec<u32>>,
    interner: &mut Interner,
    params: &Params,
) -> Vec<Vec<u32>> {
    sentences
        .iter()
        .map(|text| {
            let mut ids = Vec::new();
            for anchor in anchor_keys(text, lexicon, params) {
                match anchor {
                    Anchor::Concept(id) => ids.push(id),
                    Anchor::Key(key) => ids.push(interner.id(key)),
                }
            }
            ids.sort_unstable();
            ids
        })
        .collect()
}

fn kind_weight(kind: Kind, params: &Params) -> f64 {
    match kind {
        Kind::Number => params.number_weight,
        Kind::Word => params.word_weight,
        Kind::Acronym => params.word_weight,
        Kind::Punctuation => params.punctuation_weight,
        Kind::Lexicon => params.lexicon_weight,
        Kind::Learned => params.learned_weight,
    }
}

/// In how many sentences each id occurs.
fn document_frequency(sentences: &[Vec<u32>], ids: usize) -> Vec<u32> {
    let mut df = vec![0; ids];
    for sentence in sentences {
        let mut previous = None;
        for &id in sentence {
            if previous != Some(id) {
                df[id as usize] += 1;
                previous = Some(id);
            }
        }
    }
    df
}

/// Keeps the ids that have a compact number, renumbered and counted.
fn renumber(sentences: &[Vec<u32>], compact: &[u32]) -> SideAnchors {
    let sentences = sentences
        .iter()
        .map(|ids| {
            let mut kept: Vec<u32> = ids
                .iter()
                .map(|&id| compact[id as usize])
                .filter(|&id| id != u32::MAX)
                .collect();
            kept.sort_unstable();
            counted(&kept)
        })
        .collect();
    SideAnchors { sentences }
}

/// Run-length counts of a sorted id list.
fn counted(sorted: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &id in sorted {
        match out.last_mut() {
            Some((last, count)) if *last == id => *count += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// An anchor of a sentence: a word-list concept, or a key to intern.
#[derive(Debug, PartialEq)]
enum Anchor {
    Concept(u32),
    Key(Key),
}

/// The anchors of one sentence; `lexicon` maps word keys to word-list concepts.
fn anchor_keys(text: &str, lexicon: &HashMap<String, Vec<u32>>, params: &Params) -> Vec<Anchor> {
    let mut keys: Vec<Anchor> = numbers(text)
        .into_iter()
        .map(|n| Anchor::Key((Kind::Number, n)))
        .collect();
    for word in words(text) {
        for part in word_parts(word.text) {
            if part.bytes().all(|b| b.is_ascii_digit()) {
                continue; // already read by `numbers`
            }
            let folded = fold(part);
            let key = word_key(&folded, params);
            if let Some(concepts) = lexicon.get(&key) {
                keys.extend(concepts.iter().map(|&c| Anchor::Concept(c)));
            }
            if let Some(anchor) = word_anchor(part, key, params) {
                keys.push(Anchor::Key(anchor));
            }
        }
    }
    keys.extend(
        text.chars()
            .filter_map(punctuation_key)
            .map(|p| Anchor::Key((Kind::Punctuation, p.to_string()))),
    );
    keys
}

/// Numbers, with groups of three digits joined across the separators languages differ on:
/// `4 000`, `4,000` and `4.000` all give `4000`; `8839,8` gives `8839` and `8`.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        while i < chars.len() && chars[i].is_ascii_digit() {
            digits.push(chars[i]);
            i += 1;
        }
        // Only a run of one to three digits can start a grouped number (`1956 123` is two).
        let grouped = digits.len() <= 3;
        while grouped
            && i < chars.len()
            && is_group_separator(chars[i])
            && three_digit_group(&chars[i + 1..])
        {
            digits.extend(&chars[i + 1..i + 4]);
            i += 4;
        }
        let trimmed = digits.trim_start_matches('0');
        out.push(if trimmed.is_empty() { "0" } else { trimmed }.to_string());
    }
    out
}

fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | ',' | '.' | '\'' | '’')
}

/// Exactly three digits, not followed by a fourth.
fn three_digit_group(rest: &[char]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(char::is_ascii_digit)
        && !rest.get(3).is_some_and(char::is_ascii_digit)
}

/// The key a folded word is compared by: its first letters.
fn word_key(folded: &str, params: &Params) -> String {
    folded.chars().take(params.prefix_length).collect()
}

/// Splits a word at its inner joiners and at letter–digit boundaries: `8222m` → `8222`, `m`;
/// `G.O.Dyhrenfurth` → `G`, `O`, `Dyhrenfurth`.
fn word_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut previous_digit: Option<bool> = None;
    for (i, c) in word.char_indices() {
        if !c.is_alphanumeric() {
            if start < i {
                parts.push(&word[start..i]);
            }
            start = i + c.len_utf8();
            previous_digit = None;
            continue;
        }
        let digit = c.is_ascii_digit();
        if previous_digit.is_some_and(|p| p != digit) && start < i {
            parts.push(&word[start..i]);
            start = i;
        }
        previous_digit = Some(digit);
    }
    if start < word.len() {
        parts.push(&word[start..]);
    }
    parts
}

/// A cognate or name (`Expedition` / `expédition`, `Himalaya` / `himalayen`: look-alikes
/// share their beginning more than their endings), or a short acronym.
fn word_anchor(part: &str, key: String, params: &Params) -> Option<Key> {
    if key.chars().count() >= params.prefix_length {
        return Some((Kind::Word, key));
    }
    let all_caps = part.chars().count() >= 2 && part.chars().all(char::is_uppercase);
    all_caps.then_some((Kind::Acronym, key))
}

/// Punctuation that translators keep: questions, exclamations, colons, brackets, quotes.
fn punctuation_key(c: char) -> Option<char> {
    match c {
        '?' | '!' | ':' | ';' | '(' | '%' => Some(c),
        '"' | '«' | '»' | '“' | '”' | '„' => Some('"'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        anchor_keys(text, &HashMap::default(), &Params::default())
            .into_iter()
            .filter_map(|a| match a {
                Anchor::Key((_, k)) => Some(k),
                Anchor::Concept(_) => None,
            })
            .collect()
    }

    #[test]
    fn numbers_words_acronyms_and_punctuation() {
        assert_eq!(
            keys("Die Expedition ( AACZ ) erreichte 8222m ?"),
            vec!["8222", "expe", "aacz", "erre", "(", "?"]
        );
    }

    #[test]
    fn accents_are_folded_so_cognates_meet() {
        assert_eq!(keys("Expédition"), keys("Expedition"));
    }

    #[test]
    fn only_shared_anchors_are_kept() {
        let table = AnchorTable::build(
            &["Der Everest ist 8848 m hoch .", "Ein anderer Satz ."],
            &["L' Everest mesure 8848 m .", "Une autre phrase ."],
            &Lexicon::default(),
            &Params::default(),
        );
        assert_eq!(table.weights.len(), 2, "everest and 8848");
        assert_eq!(table.source.sentences[0].len(), 2);
        assert!(table.source.sentences[1].is_empty());
    }

    #[test]
    fn digit_groups_are_joined_across_separators() {
        assert_eq!(numbers("4 000 m, 4,000 ft"), vec!["4000", "4000"]);
        assert_eq!(
            numbers("8839,8 m en 1956/57"),
            vec!["8839", "8", "1956", "57"]
        );
        assert_eq!(numbers("007 and 12 345 678"), vec!["7", "12345678"]);
        assert_eq!(numbers("in 1956 123 men"), vec!["1956", "123"]);
    }

    #[test]
    fn word_lists_add_anchors() {
        let mut lexicon = Lexicon::default();
        lexicon.add("Gipfel", "sommet");
        let table = AnchorTable::build(
            &["Der Gipfel .", "Nichts .", "Nichts ."],
            &["Le sommet .", "Rien .", "Rien ."],
            &lexicon,
            &Params::default(),
        );
        assert_eq!(table.weights.len(), 1);
        assert_eq!(table.source.sentences[0], table.target.sentences[0]);
    }

    #[test]
    fn learned_pairs_become_anchors_weighted_by_their_strength() {
        let source = ["Der Gipfel .", "Nichts .", "Nichts ."];
        let target = ["Le sommet .", "Rien .", "Rien ."];
        let params = Params::default();
        let mut raw = RawAnchors::extract(&source, &target, &Lexicon::default(), &params);
        let word = |key: &str| {
            (0..raw.ids() as u32)
                .find(|&id| raw.key(id) == key)
                .unwrap()
        };
        let pair = LearnedPair {
            source: word("gipf"),
            target: word("somm"),
            strength: 0.5,
        };
        assert!(AnchorTable::weigh(&raw, &params).weights.is_empty());
        raw.add_learned(&[pair]);
        let table = AnchorTable::weigh(&raw, &params);
        assert_eq!(table.source.sentences[0], vec![(0, 1)]);
        assert_eq!(table.source.sentences[0], table.target.sentences[0]);
        let full = params.learned_weight * (6.0f64 / 2.0).ln();
        assert!((table.weights[0] - 0.5 * full).abs() < 1e-9);
        assert_eq!(raw.key(raw.ids() as u32 - 1), "gipf=somm");
    }

    #[test]
    fn splits_letters_from_digits() {
        assert_eq!(word_parts("8222m"), vec!["8222", "m"]);
        assert_eq!(word_parts("G.O.Dyhrenfurth"), vec!["G", "O", "Dyhrenfurth"]);
    }
}
