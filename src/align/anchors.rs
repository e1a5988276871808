//! Anchors: the language-independent clues that a source and a target sentence say the same
//! thing — numbers, cognates and names (folded words sharing a prefix), acronyms and telling
//! punctuation. Only anchors that occur on both sides of the document pair are kept: a word
//! with no look-alike on the other side says nothing about where it belongs.

use super::Params;
use crate::textutil::{fold, words};
use std::collections::HashMap;

/// Kinds of anchor, weighted separately because numbers are surer than look-alike words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Number,
    Word,
    Acronym,
    Punctuation,
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

impl AnchorTable {
    /// Extracts and interns the anchors of two documents, keeping only those both share, each
    /// weighted by how rare it is (an anchor found in every sentence places nothing).
    pub(crate) fn build(source: &[&str], target: &[&str], params: &Params) -> AnchorTable {
        let source_keys: Vec<Vec<Key>> = source.iter().map(|s| anchor_keys(s, params)).collect();
        let target_keys: Vec<Vec<Key>> = target.iter().map(|s| anchor_keys(s, params)).collect();
        let source_df = document_frequency(&source_keys);
        let target_df = document_frequency(&target_keys);
        let sentences = (source.len() + target.len()).max(1) as f64;
        let mut ids: HashMap<&Key, u32> = HashMap::new();
        let mut weights = Vec::new();
        for (key, &df_s) in &source_df {
            let Some(&df_t) = target_df.get(key) else {
                continue;
            };
            let weight = kind_weight(key.0, params)
                * ((sentences / (df_s + df_t) as f64).ln() - params.idf_floor).max(0.0);
            if weight > 0.0 {
                ids.insert(key, weights.len() as u32);
                weights.push(weight);
            }
        }
        AnchorTable {
            source: intern(&source_keys, &ids),
            target: intern(&target_keys, &ids),
            weights,
        }
    }
}

fn kind_weight(kind: Kind, params: &Params) -> f64 {
    match kind {
        Kind::Number => params.number_weight,
        Kind::Word => params.word_weight,
        Kind::Acronym => params.word_weight,
        Kind::Punctuation => params.punctuation_weight,
    }
}

/// In how many sentences each key occurs.
fn document_frequency(keys: &[Vec<Key>]) -> HashMap<&Key, usize> {
    let mut df: HashMap<&Key, usize> = HashMap::new();
    for sentence in keys {
        let mut seen: Vec<&Key> = sentence.iter().collect();
        seen.sort_by(|a, b| a.1.cmp(&b.1).then((a.0 as u8).cmp(&(b.0 as u8))));
        seen.dedup();
        for key in seen {
            *df.entry(key).or_default() += 1;
        }
    }
    df
}

fn intern(keys: &[Vec<Key>], ids: &HashMap<&Key, u32>) -> SideAnchors {
    let sentences = keys
        .iter()
        .map(|sentence| {
            let mut found: Vec<u32> = sentence
                .iter()
                .filter_map(|k| ids.get(k).copied())
                .collect();
            found.sort_unstable();
            counted(&found)
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

/// The anchor keys of one sentence.
fn anchor_keys(text: &str, params: &Params) -> Vec<Key> {
    let mut keys = Vec::new();
    for word in words(text) {
        for part in word_parts(word.text) {
            if let Some(key) = part_key(part, params) {
                keys.push(key);
            }
        }
    }
    keys.extend(
        text.chars()
            .filter_map(punctuation_key)
            .map(|p| (Kind::Punctuation, p.to_string())),
    );
    keys
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

fn part_key(part: &str, params: &Params) -> Option<Key> {
    if part.bytes().all(|b| b.is_ascii_digit()) {
        let digits = part.trim_start_matches('0');
        return Some((Kind::Number, digits.to_string()));
    }
    let folded = fold(part);
    let length = folded.chars().count();
    if length >= params.prefix_length {
        // Cognates and names share their beginning more than their endings:
        // `Expedition` / `expédition`, `Himalaya` / `himalayen`.
        return Some((
            Kind::Word,
            folded.chars().take(params.prefix_length).collect(),
        ));
    }
    let all_caps = part.chars().count() >= 2 && part.chars().all(char::is_uppercase);
    all_caps.then_some((Kind::Acronym, folded))
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
        anchor_keys(text, &Params::default())
            .into_iter()
            .map(|(_, k)| k)
            .collect()
    }

    #[test]
    fn numbers_words_acronyms_and_punctuation() {
        assert_eq!(
            keys("Die Expedition ( AACZ ) erreichte 8222m ?"),
            vec!["exped", "aacz", "errei", "8222", "(", "?"]
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
            &Params::default(),
        );
        assert_eq!(table.weights.len(), 2, "everest and 8848");
        assert_eq!(table.source.sentences[0].len(), 2);
        assert!(table.source.sentences[1].is_empty());
    }

    #[test]
    fn splits_letters_from_digits() {
        assert_eq!(word_parts("8222m"), vec!["8222", "m"]);
        assert_eq!(word_parts("G.O.Dyhrenfurth"), vec!["G", "O", "Dyhrenfurth"]);
    }
}
