//! Knowledge about a language pair: false friends and machine-translation pitfalls, and names
//! that the two languages write differently. Embedded from `data/<a>-<b>/`, parsed once.

use super::opposites::Opposites;
use super::prefilter::PatternPrefilter;
use crate::model::Severity;
use crate::textutil::{fold, short_key};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Debug, thiserror::Error)]
pub enum PairError {
    #[error("data/{pair}/false-friends.toml: {source}")]
    BadFalseFriends {
        pair: &'static str,
        source: toml::de::Error,
    },
    #[error("data/{pair}/names.tsv: line {line}: expected two tab-separated columns")]
    BadNames { pair: &'static str, line: usize },
    #[error(transparent)]
    BadOpposites(#[from] super::opposites::OppositesError),
}

/// A pair's data files as `build.rs` finds them under `data/<a>-<b>/`; a file the pair lacks
/// is empty.
pub(crate) struct EmbeddedPair {
    /// The two languages in the order their data is written (`en`, `fr`).
    languages: (&'static str, &'static str),
    name: &'static str,
    false_friends: &'static str,
    names: &'static str,
    translated_names: &'static str,
    name_endings: &'static str,
    name_spellings: &'static str,
    lexicon: &'static str,
    /// Hand-written general vocabulary, `forms|forms<TAB>forms|forms` a line: what the
    /// Europarl-trained lexicon misses of everyday words.
    vocabulary: &'static str,
    /// The aligner's word list ([`crate::align::lexicon`]).
    align_lexicon: &'static str,
    /// How often each content word's stem has a trace on the other side of a clean
    /// translation: `lang<TAB>stem<TAB>traced<TAB>seen` a line.
    trace_rates: &'static str,
    /// Words of opposite meaning ([`super::opposites`]).
    opposites: &'static str,
}

/// Every pair under `data/`, found by `build.rs`.
const EMBEDDED: &[EmbeddedPair] = include!(concat!(env!("OUT_DIR"), "/pairs.rs"));

/// The embedded pair of `source` and `target`, whichever order its data is written in: its
/// index in [`EMBEDDED`] and the direction that reads it from `source`.
fn embedded_pair(source: &str, target: &str) -> Option<(usize, Direction)> {
    EMBEDDED.iter().enumerate().find_map(|(index, pair)| {
        [Direction::Forward, Direction::Reverse]
            .into_iter()
            .find(|direction| direction.orient(pair.languages) == (source, target))
            .map(|direction| (index, direction))
    })
}

/// The aligner's word list of the pair (`data/<a>-<b>/align-lexicon.tsv`), and whether it is
/// written from `target` to `source`; `None` when the pair has no data.
pub(crate) fn align_lexicon(source: &str, target: &str) -> Option<(&'static str, bool)> {
    let (index, direction) = embedded_pair(source, target)?;
    Some((
        EMBEDDED[index].align_lexicon,
        direction == Direction::Reverse,
    ))
}

/// Example attached to a knowledge entry; the tests check that it is flagged.
#[derive(Debug, Clone, Deserialize)]
pub struct Example {
    pub source: String,
    pub bad: String,
    pub good: String,
}

#[derive(Debug, Deserialize)]
struct FalseFriendFile {
    /// None when the pair has no false-friend file (embedded as empty).
    #[serde(default)]
    entry: Vec<FalseFriendEntry>,
}

#[derive(Debug, Deserialize)]
struct FalseFriendEntry {
    id: String,
    severity: Severity,
    #[serde(flatten)]
    sense: Sense,
    /// The same false friend read in the pair's other direction.
    reverse: Option<Sense>,
}

/// What a false friend entry says for one direction.
#[derive(Debug, Deserialize)]
struct Sense {
    source: String,
    context: Option<String>,
    unless: Option<String>,
    wrong: String,
    right: String,
    note: String,
    example: Example,
    inject: Option<(String, String)>,
}

/// A false friend of one direction. Its patterns are compiled at their first use: compiling
/// is most of a short run's start-up, and a document needs few entries (those whose source
/// sense it has, see [`PairKnowledge::false_friends_for`]) and few patterns of each.
#[derive(Debug)]
pub struct FalseFriend {
    pub id: String,
    /// Replacement template for the text matched by `wrong`; empty when there is none.
    pub right: String,
    pub severity: Severity,
    pub note: String,
    pub example: Example,
    /// (right word, wrong word) that the evaluator swaps to plant this error.
    pub inject: Option<(String, String)>,
    patterns: Patterns,
}

/// The patterns of a false friend.
#[derive(Debug)]
struct Patterns {
    /// The source word in the sense that makes `wrong` a mistake…
    source: Pattern,
    /// …in a segment that also matches this, if given…
    context: Option<Pattern>,
    /// …and not this.
    unless: Option<Pattern>,
    /// The mistranslation in the target.
    wrong: Pattern,
}

/// One pattern as the data writes it, compiled (case-insensitive) at its first use, apart
/// from the entry's others: a segment with the source word needs `context` and `unless` to
/// tell its sense, `wrong` only when the sense is the false friend's, and `source` itself
/// only to point at a finding (the set of [`PairKnowledge::false_friends_for`] found it).
/// Each case-insensitive Unicode pattern costs a million instructions or more to compile.
#[derive(Debug)]
struct Pattern {
    text: String,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    fn new(text: String) -> Self {
        Pattern {
            text,
            compiled: OnceLock::new(),
        }
    }

    fn compile(&self) -> Result<Regex, regex::Error> {
        case_insensitive(&self.text)
    }

    /// The compiled pattern of the false friend `id`. The data is embedded and
    /// `every_false_friend_compiles` tests every pattern, so a failure here is a bug of the
    /// data, not of the input.
    fn regex(&self, id: &str) -> &Regex {
        self.compiled.get_or_init(|| {
            self.compile()
                .unwrap_or_else(|e| panic!("false friend `{id}`: {e}"))
        })
    }
}

impl FalseFriend {
    fn new(id: String, severity: Severity, sense: Sense) -> FalseFriend {
        FalseFriend {
            id,
            right: sense.right,
            severity,
            note: sense.note,
            example: sense.example,
            inject: sense.inject,
            patterns: Patterns {
                source: Pattern::new(sense.source),
                context: sense.context.map(Pattern::new),
                unless: sense.unless.map(Pattern::new),
                wrong: Pattern::new(sense.wrong),
            },
        }
    }

    /// Whether a source segment that matches the `source` pattern is in the sense that makes
    /// `wrong` a mistake: it matches `context`, if given, and not `unless`.
    fn sense_holds_in(&self, source: &str) -> bool {
        let p = &self.patterns;
        p.context
            .as_ref()
            .is_none_or(|c| c.regex(&self.id).is_match(source))
            && !p
                .unless
                .as_ref()
                .is_some_and(|u| u.regex(&self.id).is_match(source))
    }

    /// The source word in the sense that makes `wrong` a mistake.
    pub fn source_pattern(&self) -> &Regex {
        self.patterns.source.regex(&self.id)
    }

    /// The mistranslation in the target.
    pub fn wrong_pattern(&self) -> &Regex {
        self.patterns.wrong.regex(&self.id)
    }

    /// Compiles every pattern of the entry (for the tests: use compiles them one by one).
    #[cfg(test)]
    fn compile(&self) -> Result<(), regex::Error> {
        let p = &self.patterns;
        let optional = p.context.iter().chain(&p.unless);
        for pattern in [&p.source, &p.wrong].into_iter().chain(optional) {
            pattern.compile()?;
        }
        Ok(())
    }
}

fn case_insensitive(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).case_insensitive(true).build()
}

/// One class of equivalent names: the forms each language uses.
#[derive(Debug)]
pub struct NameClass {
    pub source_forms: Vec<NameForm>,
    pub target_forms: Vec<NameForm>,
}

/// A folded name, possibly a prefix (`américain*`).
#[derive(Debug, Clone)]
pub struct NameForm {
    pub folded: String,
    pub prefix: bool,
}

impl NameForm {
    pub(crate) fn parse(form: &str) -> Self {
        let (text, prefix) = match form.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (form, false),
        };
        NameForm {
            folded: fold(text.trim()).replace('.', ""),
            prefix,
        }
    }

    /// Whether this form matches a folded word or phrase.
    pub fn matches(&self, folded: &str) -> bool {
        if self.prefix {
            folded.starts_with(&self.folded)
        } else {
            folded == self.folded
        }
    }
}

/// Everything known about one direction of a language pair.
#[derive(Debug, Default)]
pub struct PairKnowledge {
    false_friends: Vec<FalseFriend>,
    /// The source patterns of the false friends in one set, compiled at its first use: a
    /// segment is scanned once for all of them, and most segments match none.
    false_friend_sources: OnceLock<regex::RegexSet>,
    /// What the source patterns' matches start with, scanned for before the set: cheaper to
    /// build, several times faster to scan, and most segments have none of it.
    false_friend_beginnings: OnceLock<PatternPrefilter>,
    pub names: Vec<NameClass>,
    /// Indices of the name classes by the first byte of each of their source forms: every
    /// capitalised source word is looked up, and the classes are hundreds.
    names_by_first_byte: Vec<Vec<u32>>,
    /// Folded capitalised source words that translations usually do not carry over as they
    /// are (`czech` → `tchèque`), mined from parallel text.
    pub translated_words: HashSet<String>,
    /// (source ending, target ending) pairs of adapted place names (`burg` → `bourg`).
    pub name_endings: Vec<(String, String)>,
    /// (source letters, target letters) of names transliterated the target language's way
    /// (`sh` → `ch`: `Bishkek` → `Bichkek`).
    pub name_spellings: Vec<(String, String)>,
    /// Source word stem → target stems that translate it (see [`lexicon_stem`]).
    pub lexicon: StemLexicon,
    /// `data/<pair>/trace-rates.tsv` and the source language, whose lines it reads.
    trace_table: (&'static str, &'static str),
    /// Source word stem key ([`short_key`] of [`lexicon_stem`]) → (times a clean translation
    /// traced it, times seen), read from `trace_table` at the first question: few segments
    /// ask one, and reading the table is a sixth of a small run's start-up.
    trace_counts: OnceLock<rustc_hash::FxHashMap<u64, (u32, u32)>>,
    /// Words of opposite meaning, source language's and target's (`rose` ↔ `baissé`).
    pub opposites: Opposites,
}

/// A bilingual lexicon of word stems ([`lexicon_stem`]), keyed by [`short_key`]: the coverage
/// checks look up every content word of every bead, so a lookup must not allocate.
#[derive(Debug, Default)]
pub struct StemLexicon {
    /// Source stem key → the range of its translations in `targets`.
    ranges: rustc_hash::FxHashMap<u64, (u32, u32)>,
    /// Target stem keys, grouped by source stem.
    targets: Vec<u64>,
}

impl StemLexicon {
    /// The lexicon of `(source stem key, target stem key)` pairs, repeats dropped. The pairs
    /// are bucketed by source stem (a counting sort: one pass counts each stem's pairs, one
    /// places them), then each stem's few translations are sorted: a sort of all the pairs
    /// took a quarter of a small run's start-up.
    fn from_pairs(pairs: impl IntoIterator<Item = (u64, u64)>) -> StemLexicon {
        let pairs: Vec<(u64, u64)> = pairs.into_iter().collect();
        // Per source stem: (start of its bucket, where its next pair goes).
        let mut buckets: rustc_hash::FxHashMap<u64, (u32, u32)> = Default::default();
        for &(from, _) in &pairs {
            buckets.entry(from).or_default().1 += 1;
        }
        let mut next = 0;
        for bucket in buckets.values_mut() {
            let count = bucket.1;
            *bucket = (next, next);
            next += count;
        }
        let mut placed = vec![0; pairs.len()];
        for (from, to) in pairs {
            let cursor = &mut buckets.get_mut(&from).expect("counted above").1;
            placed[*cursor as usize] = to;
            *cursor += 1;
        }
        // Each bucket sorted and its repeats dropped, packed into `targets`.
        let mut targets = Vec::with_capacity(placed.len());
        let mut ranges = rustc_hash::FxHashMap::default();
        ranges.reserve(buckets.len());
        for (from, (start, end)) in buckets {
            let bucket = &mut placed[start as usize..end as usize];
            bucket.sort_unstable();
            let first = targets.len();
            for (k, &to) in bucket.iter().enumerate() {
                if k == 0 || bucket[k - 1] != to {
                    targets.push(to);
                }
            }
            ranges.insert(from, (first as u32, targets.len() as u32));
        }
        StemLexicon { ranges, targets }
    }

    /// Keys of the target stems that translate the source stem with key `from`.
    pub fn translations_of(&self, from: u64) -> &[u64] {
        self.ranges.get(&from).map_or(&[], |&(start, end)| {
            &self.targets[start as usize..end as usize]
        })
    }

    /// Whether the lexicon pairs the stems of these two words.
    pub fn translates(&self, from_word: &str, to_word: &str) -> bool {
        let to = short_key(&lexicon_stem(to_word));
        self.translations_of(short_key(&lexicon_stem(from_word)))
            .contains(&to)
    }
}

/// The stem of a word list's form; a form of several words (`pomme de terre`) by its longest.
fn form_stem(form: &str) -> String {
    let longest = form.split_whitespace().max_by_key(|w| w.chars().count());
    lexicon_stem(longest.unwrap_or(form))
}

/// Letters a lexicon stem keeps: the crude stemmer `scripts/train-lexicon.py` uses too.
pub const LEXICON_STEM_CHARS: usize = 6;

/// A word as the lexicon knows it: folded and cut to [`LEXICON_STEM_CHARS`] letters.
pub fn lexicon_stem(word: &str) -> String {
    let mut stem = fold(word);
    if let Some((cut, _)) = stem.char_indices().nth(LEXICON_STEM_CHARS) {
        stem.truncate(cut);
    }
    stem
}

impl PairKnowledge {
    /// How likely a clean translation is to leave a trace of a source word whose stem has key
    /// `stem` ([`short_key`] of [`lexicon_stem`]): (traced + 1) / (seen + 2) over the counts
    /// of `data/<pair>/trace-rates.tsv`, an even chance for a stem it does not list.
    pub fn trace_rate(&self, stem: u64) -> f64 {
        let counts = self.trace_counts.get_or_init(|| {
            let (table, language) = self.trace_table;
            parse_trace_counts(table, language)
        });
        let (traced, seen) = counts.get(&stem).copied().unwrap_or((0, 0));
        (f64::from(traced) + 1.0) / (f64::from(seen) + 2.0)
    }

    /// Whether the pair's word coverage was measured on clean translations
    /// (`data/<pair>/trace-rates.tsv`): only then is a target whose words mostly go untraced
    /// unusual (a pair with no trained lexicon, `de-fr`, leaves most words of any translation
    /// untraced).
    pub fn has_trace_rates(&self) -> bool {
        crate::locale::data_lines(self.trace_table.0)
            .next()
            .is_some()
    }

    /// Knowledge for translating `source` into `target`; empty when the pair has no data.
    pub fn get(source: &str, target: &str) -> Result<&'static PairKnowledge, PairError> {
        static EMPTY: OnceLock<PairKnowledge> = OnceLock::new();
        let Some((index, direction)) = embedded_pair(source, target) else {
            return Ok(EMPTY.get_or_init(PairKnowledge::default));
        };
        let (forward, reverse) = loaded_pair(index).as_ref().map_err(Clone::clone)?;
        Ok(match direction {
            Direction::Forward => forward,
            Direction::Reverse => reverse,
        })
    }

    /// The pair's false friends in this direction, in the order of the data.
    pub fn false_friends(&self) -> &[FalseFriend] {
        &self.false_friends
    }

    /// The false friends whose sense the source segment has (it matches their `source`
    /// pattern, and their `context` and `unless` patterns allow it), in the order of the data.
    pub fn false_friends_for(&self, source: &str) -> Vec<&FalseFriend> {
        let beginnings = self.false_friend_beginnings.get_or_init(|| {
            PatternPrefilter::new(
                self.false_friends
                    .iter()
                    .map(|e| e.patterns.source.text.as_str()),
            )
        });
        // Most segments match none, and most of those have none of the patterns' beginnings.
        if !beginnings.may_match(source) {
            return Vec::new();
        }
        let sources = self.false_friend_sources.get_or_init(|| {
            let patterns = self.false_friends.iter().map(|e| &e.patterns.source.text);
            regex::RegexSetBuilder::new(patterns)
                .case_insensitive(true)
                .build()
                .expect("false-friend source patterns compile (tested)")
        });
        // A plain match test stops early, the set of matches does not.
        if !sources.is_match(source) {
            return Vec::new();
        }
        sources
            .matches(source)
            .into_iter()
            .map(|i| &self.false_friends[i])
            // The set's match is the entry's `source` pattern's: only its sense is left to tell.
            .filter(|e| e.sense_holds_in(source))
            .collect()
    }

    /// Name classes holding a form that matches the folded source word or phrase.
    pub fn name_classes_for(&self, folded: &str) -> impl Iterator<Item = &NameClass> {
        self.name_classes_matching(&[folded]).into_iter()
    }

    /// Name classes holding a form that matches any of the folded words or phrases, in the
    /// order of the data.
    pub fn name_classes_matching(&self, phrases: &[&str]) -> Vec<&NameClass> {
        let mut candidates: Vec<u32> = phrases
            .iter()
            .filter_map(|p| p.as_bytes().first())
            .filter_map(|&b| self.names_by_first_byte.get(usize::from(b)))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .map(|i| &self.names[i as usize])
            .filter(|c| {
                phrases
                    .iter()
                    .any(|p| c.source_forms.iter().any(|f| f.matches(p)))
            })
            .collect()
    }
}

impl Clone for PairError {
    fn clone(&self) -> Self {
        match self {
            PairError::BadFalseFriends { pair, source } => PairError::BadFalseFriends {
                pair,
                source: source.clone(),
            },
            PairError::BadNames { pair, line } => PairError::BadNames { pair, line: *line },
            PairError::BadOpposites(error) => PairError::BadOpposites(error.clone()),
        }
    }
}

/// Both directions of a pair, or what is wrong with its data.
type LoadedPair = Result<(PairKnowledge, PairKnowledge), PairError>;

/// The pair `EMBEDDED[index]`, loaded at its first use: a run needs one pair, and loading one
/// is most of a small run's time.
fn loaded_pair(index: usize) -> &'static LoadedPair {
    static LOADED: [OnceLock<LoadedPair>; EMBEDDED.len()] =
        [const { OnceLock::new() }; EMBEDDED.len()];
    LOADED[index].get_or_init(|| {
        let pair = &EMBEDDED[index];
        // The directions are independent: loaded side by side, on a thread of their own rather
        // than with `rayon::join`. A rayon thread waiting for its other half runs queued jobs
        // meanwhile, and one of them (another batch or document of the same pair) would wait
        // for this very initialization on the thread that is doing it: a deadlock.
        // Both directions' lexicons hold the same stem pairs, one the other's mirror: the
        // data is parsed and stemmed once.
        let stem_pairs = lexicon_stem_pairs(pair);
        let (forward, reverse) = std::thread::scope(|scope| {
            let reverse = scope.spawn(|| load_direction(pair, Direction::Reverse, &stem_pairs));
            let forward = load_direction(pair, Direction::Forward, &stem_pairs);
            let reverse = reverse
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (forward, reverse)
        });
        Ok((forward?, reverse?))
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Forward,
    Reverse,
}

impl Direction {
    /// A (first language, second language) pair of the data as (source, target).
    fn orient<T>(self, (first, second): (T, T)) -> (T, T) {
        match self {
            Direction::Forward => (first, second),
            Direction::Reverse => (second, first),
        }
    }
}

/// One direction of a pair; `stem_pairs` are its lexicon's pairs as [`lexicon_stem_pairs`]
/// gives them, in the order the data is written.
fn load_direction(
    pair: &EmbeddedPair,
    direction: Direction,
    stem_pairs: &[(u64, u64)],
) -> Result<PairKnowledge, PairError> {
    let names = parse_names(pair, direction)?;
    let false_friends = parse_false_friends(pair, direction)?;
    let (source_language, target_language) = direction.orient(pair.languages);
    let opposites = Opposites::parse(pair.opposites, pair.name, source_language, target_language)?;
    let translated_words = crate::locale::data_lines(pair.translated_names)
        .filter_map(|line| line.split_once('\t'))
        .filter(|(lang, _)| *lang == source_language)
        .map(|(_, word)| word.to_string())
        .collect();
    let name_endings = letter_pairs(pair.name_endings, direction);
    let name_spellings = letter_pairs(pair.name_spellings, direction);
    let lexicon = StemLexicon::from_pairs(stem_pairs.iter().map(|&p| direction.orient(p)));
    Ok(PairKnowledge {
        false_friends,
        false_friend_sources: OnceLock::new(),
        false_friend_beginnings: OnceLock::new(),
        names_by_first_byte: index_by_first_byte(&names),
        names,
        translated_words,
        name_endings,
        name_spellings,
        lexicon,
        trace_table: (pair.trace_rates, source_language),
        trace_counts: OnceLock::new(),
        opposites,
    })
}

/// The lines of `data/<pair>/trace-rates.tsv` about `language`'s words, by stem key.
fn parse_trace_counts(table: &str, language: &str) -> rustc_hash::FxHashMap<u64, (u32, u32)> {
    crate::locale::data_lines(table)
        .filter_map(|line| {
            let rest = line.strip_prefix(language)?.strip_prefix('\t')?;
            let mut fields = rest.split('\t');
            let stem = fields.next()?;
            let traced = fields.next()?.parse().ok()?;
            let seen = fields.next()?.parse().ok()?;
            Some((short_key(stem), (traced, seen)))
        })
        .collect()
}

/// `source<TAB>target` lines of letters, oriented for `direction`. Lines are not trimmed: an
/// empty column is an empty ending (`Kurd` → `Kurde`).
fn letter_pairs(text: &str, direction: Direction) -> Vec<(String, String)> {
    text.lines()
        .filter(|line| !line.starts_with('#') && line.contains('\t'))
        .filter_map(|line| line.split_once('\t'))
        .map(|(a, b)| direction.orient((a.to_string(), b.to_string())))
        .collect()
}

/// The word-level evidence of the coverage checks: the stem keys ([`short_key`]) of the
/// pair's IBM Model 1 lexicon and of its hand-written vocabulary, as (first language's,
/// second language's) in the order the data is written, repeats kept, without pairs that
/// involve a function word. Whether a pair is kept does not depend on the direction (each
/// stem is tested against its own language's function words), so one list serves both.
fn lexicon_stem_pairs(pair: &EmbeddedPair) -> Vec<(u64, u64)> {
    let (first_language, second_language) = pair.languages;
    let function_stems = |code: &str| -> rustc_hash::FxHashSet<String> {
        crate::locale::Language::get(code)
            .map(|lang| lang.stopwords.iter().map(|w| lexicon_stem(w)).collect())
            .unwrap_or_default()
    };
    let (first_function, second_function) = (
        function_stems(first_language),
        function_stems(second_language),
    );
    let mut pairs = Vec::new();
    let mut insert = |first: &str, second: &str| pairs.push((short_key(first), short_key(second)));
    // IBM Model 1 pairs rare words with function words (`camera` → `les`, `woman` → `une`),
    // and a list's line may hold one: such a pair would let any sentence cover the word.
    let content_first = |stem: &str| !first_function.contains(stem);
    let content_second = |stem: &str| !second_function.contains(stem);
    for line in crate::locale::data_lines(pair.lexicon) {
        let mut columns = line.split('\t');
        if let (Some(first), Some(second)) = (columns.next(), columns.next())
            && content_first(first)
            && content_second(second)
        {
            insert(first, second);
        }
    }
    for line in crate::locale::data_lines(pair.vocabulary) {
        let Some((first, second)) = line.split_once('\t') else {
            continue;
        };
        let stems = |forms: &str| forms.split('|').map(form_stem).collect::<Vec<_>>();
        let mut seconds = stems(second);
        seconds.retain(|stem| content_second(stem));
        for first in stems(first).iter().filter(|stem| content_first(stem)) {
            for second in &seconds {
                insert(first, second);
            }
        }
    }
    pairs
}

/// [`PairKnowledge::names_by_first_byte`]. A form with no letters would match every phrase
/// that starts with it, i.e. every phrase: such a class goes into every bucket.
fn index_by_first_byte(names: &[NameClass]) -> Vec<Vec<u32>> {
    let mut buckets = vec![Vec::new(); 256];
    for (i, class) in names.iter().enumerate() {
        for form in &class.source_forms {
            match form.folded.as_bytes().first() {
                Some(&b) => buckets[usize::from(b)].push(i as u32),
                None => buckets.iter_mut().for_each(|bucket| bucket.push(i as u32)),
            }
        }
    }
    for bucket in &mut buckets {
        bucket.dedup();
    }
    buckets
}

/// False friends for one direction: the entries as written, or their `reverse` sections.
fn parse_false_friends(
    pair: &EmbeddedPair,
    direction: Direction,
) -> Result<Vec<FalseFriend>, PairError> {
    let file: FalseFriendFile =
        toml::from_str(pair.false_friends).map_err(|source| PairError::BadFalseFriends {
            pair: pair.name,
            source,
        })?;
    let specs = file.entry.into_iter().filter_map(|e| match direction {
        Direction::Forward => Some(FalseFriend::new(e.id, e.severity, e.sense)),
        Direction::Reverse => e.reverse.map(|r| FalseFriend::new(e.id, e.severity, r)),
    });
    Ok(specs.collect())
}

fn parse_names(pair: &EmbeddedPair, direction: Direction) -> Result<Vec<NameClass>, PairError> {
    let mut classes = Vec::new();
    for (index, line) in pair.names.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (a, b) = line.split_once('\t').ok_or(PairError::BadNames {
            pair: pair.name,
            line: index + 1,
        })?;
        let forms = |column: &str| column.split('|').map(NameForm::parse).collect::<Vec<_>>();
        let (source_forms, target_forms) = direction.orient((forms(a), forms(b)));
        classes.push(NameClass {
            source_forms,
            target_forms,
        });
    }
    Ok(classes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_directions_load() {
        let en_fr = PairKnowledge::get("en", "fr").unwrap();
        assert!(!en_fr.false_friends().is_empty());
        let fr_en = PairKnowledge::get("fr", "en").unwrap();
        assert!(fr_en.name_classes_for("londres").next().is_some());
    }

    #[test]
    fn only_a_pair_with_mined_trace_rates_has_them() {
        assert!(PairKnowledge::get("en", "fr").unwrap().has_trace_rates());
        assert!(PairKnowledge::get("fr", "en").unwrap().has_trace_rates());
        assert!(!PairKnowledge::get("de", "fr").unwrap().has_trace_rates());
    }

    #[test]
    fn trace_rates_are_read_for_the_source_language() {
        let rate = |from: &str, to: &str, word: &str| {
            PairKnowledge::get(from, to)
                .unwrap()
                .trace_rate(short_key(&lexicon_stem(word)))
        };
        // Nearly always translated, both ways.
        assert!(rate("en", "fr", "woman") > 0.9);
        assert!(rate("fr", "en", "femme") > 0.9);
        // Each direction reads its own language's lines: `femme` is no English word.
        assert_eq!(rate("en", "fr", "femme"), 0.5);
        // A stem the table does not list: an even chance.
        assert_eq!(rate("en", "fr", "zzyzx"), 0.5);
        // A pair without the table.
        assert_eq!(rate("de", "fr", "Frau"), 0.5);
    }

    #[test]
    fn lexicon_translates_both_ways() {
        let en_fr = PairKnowledge::get("en", "fr").unwrap();
        assert!(en_fr.lexicon.translates("growth", "croissance"));
        assert!(!en_fr.lexicon.translates("growth", "banque"));
        let fr_en = PairKnowledge::get("fr", "en").unwrap();
        assert!(fr_en.lexicon.translates("croissance", "growth"));
    }

    #[test]
    fn the_vocabulary_list_adds_everyday_words_both_ways() {
        let en_fr = PairKnowledge::get("en", "fr").unwrap();
        // Words Europarl hardly has: only the hand-written list pairs them.
        assert!(en_fr.lexicon.translates("couches", "canapé"));
        assert!(en_fr.lexicon.translates("sat", "assise"));
        let fr_en = PairKnowledge::get("fr", "en").unwrap();
        assert!(fr_en.lexicon.translates("canapés", "sofa"));
        // Scene words of image captions (`bench`, `sidewalk`), and `faisant du vélo` for a ride.
        assert!(en_fr.lexicon.translates("bench", "banc"));
        assert!(fr_en.lexicon.translates("trottoir", "sidewalk"));
        assert!(en_fr.lexicon.translates("riding", "faisant"));
        // `east` → `est` is listed, but `est` is a French function word (`is`): the pair
        // would let any sentence cover `east`.
        assert!(!en_fr.lexicon.translates("east", "est"));
        assert!(en_fr.lexicon.translates("east", "oriental"));
    }

    #[test]
    fn every_false_friend_compiles() {
        assert!(EMBEDDED.len() >= 2);
        let pairs = EMBEDDED.iter().flat_map(|pair| {
            let (first, second) = pair.languages;
            [(first, second), (second, first)]
        });
        for (source, target) in pairs {
            let knowledge = PairKnowledge::get(source, target).unwrap();
            for entry in knowledge.false_friends() {
                let compiled = entry.compile();
                assert!(
                    compiled.is_ok(),
                    "{source}->{target} {}: {compiled:?}",
                    entry.id
                );
            }
            // The set of source patterns compiles too (a text beyond ASCII passes the
            // prefilter that stands before it).
            knowledge.false_friends_for("é");
        }
    }

    #[test]
    fn stem_lexicon_groups_translations_by_source_stem() {
        let lexicon = StemLexicon::from_pairs(vec![(7, 1), (3, 9), (7, 2), (7, 1), (3, 9)]);
        let mut of_seven = lexicon.translations_of(7).to_vec();
        of_seven.sort_unstable();
        assert_eq!(of_seven, [1, 2]);
        assert_eq!(lexicon.translations_of(3), [9]);
        assert!(lexicon.translations_of(5).is_empty());
    }

    #[test]
    fn a_pair_with_only_some_files_loads_the_rest_empty() {
        // data/de-fr/ has names and an aligner's list, but no false friends and no lexicon.
        let de_fr = PairKnowledge::get("de", "fr").unwrap();
        assert!(de_fr.false_friends().is_empty());
        assert!(de_fr.name_classes_for("genf").next().is_some());
        let pair = EMBEDDED
            .iter()
            .find(|p| p.languages == ("de", "fr"))
            .unwrap();
        assert!(pair.lexicon.is_empty() && !pair.align_lexicon.is_empty());
    }

    #[test]
    fn unknown_pair_has_no_knowledge() {
        let k = PairKnowledge::get("en", "xx").unwrap();
        assert!(k.false_friends().is_empty() && k.names.is_empty());
    }

    #[test]
    fn prefix_forms_match_inflections() {
        let en_fr = PairKnowledge::get("en", "fr").unwrap();
        let class = en_fr.name_classes_for("us").next().unwrap();
        assert!(class.target_forms.iter().any(|f| f.matches("americaines")));
    }
}
