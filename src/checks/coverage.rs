//! Word-level evidence that one side of a bead says what the other says: each content word of
//! one side is "covered" when the other side has the same word, a cognate, or a translation the
//! pair's lexicon knows. Shared by the omission and addition checks.

use super::{BeadContext, SideText};
use crate::locale::pair::LEXICON_STEM_CHARS;
use crate::model::{Side, Span};
use crate::textutil::short_key;

use super::side_words::SideWords;

/// Letters two words must share at the start to count as cognates (`banque`/`bank` do not,
/// `transaction`/`transactions` do).
const COGNATE_PREFIX: usize = 5;

/// A content word and whether the other side has a trace of it.
#[derive(Debug, Clone, Copy)]
pub struct CoveredWord {
    pub span: Span,
    pub covered: bool,
}

/// The content words of side `from` of the bead (not function words, at least three letters),
/// each with whether the other side covers it.
pub fn coverage(ctx: &BeadContext, from: Side) -> Vec<CoveredWord> {
    let lexicon = ctx.lexicon_from(from);
    let (from_words, to_words) = (ctx.coverage_keys(from), ctx.coverage_keys(from.other()));
    let (n, m) = (from_words.len().max(1) as f64, to_words.len().max(1) as f64);
    // A number in words whose value the other side gives (`vingt et un` for `21`).
    let numbers = ctx.numbers();
    from_words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.content)
        .map(|(i, w)| {
            let translations = lexicon.translations_of(w.stem);
            // A trace counts near where the word would be translated: a word repeated
            // elsewhere in the sentence does not cover a dropped clause.
            let near =
                |j: usize| ((i as f64 + 0.5) / n - (j as f64 + 0.5) / m).abs() <= POSITION_WINDOW;
            let covered = to_words
                .iter()
                .enumerate()
                .any(|(j, t)| near(j) && w.matches(t, translations))
                || numbers.accounts_for(from, w.span);
            CoveredWord {
                span: w.span,
                covered,
            }
        })
        .collect()
}

/// How far apart (as a share of sentence length) a word and its trace may stand.
const POSITION_WINDOW: f64 = 0.35;

/// A word as coverage compares it: keys ([`short_key`]) of its folded prefixes.
#[derive(Debug, Clone, Copy)]
pub struct WordKey {
    span: Span,
    /// Key of the lexicon stem ([`crate::locale::pair::lexicon_stem`]).
    stem: u64,
    /// Key of the first [`COGNATE_PREFIX`] letters, when the word has that many.
    cognate: Option<u64>,
    /// Whether it is a content word: letters only, at least three, not a function word.
    content: bool,
    /// Whether it starts with a digit (a number, which anchors as well as a content word).
    number: bool,
}

impl WordKey {
    /// Keys of every word of a side.
    pub fn all(words: &SideWords, side: &SideText) -> Vec<WordKey> {
        words
            .iter()
            .map(|(word, folded)| {
                let prefix = |chars: usize| {
                    folded
                        .char_indices()
                        .nth(chars)
                        .map_or(folded, |(at, _)| &folded[..at])
                };
                let letters = folded.chars().count();
                WordKey {
                    span: word.span,
                    stem: short_key(prefix(LEXICON_STEM_CHARS)),
                    cognate: (letters >= COGNATE_PREFIX).then(|| short_key(prefix(COGNATE_PREFIX))),
                    content: is_content_word(word.text, folded, side),
                    number: word.text.starts_with(|c: char| c.is_ascii_digit()),
                }
            })
            .collect()
    }

    pub fn span(&self) -> Span {
        self.span
    }

    pub fn is_content(&self) -> bool {
        self.content
    }

    /// Whether the word can anchor the two sides: a content word or a number.
    pub fn is_anchor_candidate(&self) -> bool {
        self.content || self.number
    }

    /// Whether `other` (a word of the other side) is this word, a cognate or a translation
    /// (`translations`: what the lexicon gives for this word's stem).
    pub fn matches(&self, other: &WordKey, translations: &[u64]) -> bool {
        self.stem == other.stem || self.is_cognate(other) || translations.contains(&other.stem)
    }

    /// Key of the word's lexicon stem.
    pub fn stem(&self) -> u64 {
        self.stem
    }

    /// Both words have at least [`COGNATE_PREFIX`] letters and start with the same ones
    /// (`transaction`/`transactions`, not `banque`/`bank`).
    fn is_cognate(&self, other: &WordKey) -> bool {
        self.cognate.is_some() && self.cognate == other.cognate
    }
}

fn is_content_word(word: &str, folded: &str, side: &SideText) -> bool {
    word.chars().all(char::is_alphabetic)
        && word.chars().count() >= 3
        && !side.lang.stopwords.contains(folded)
}

/// A run of consecutive uncovered content words.
#[derive(Debug, Clone, Copy)]
pub struct UncoveredRun {
    /// How many content words it has.
    pub words: usize,
    /// From the first one's start to the last one's end.
    pub span: Span,
}

/// The longest run of consecutive uncovered content words.
pub fn longest_uncovered_run(words: &[CoveredWord]) -> Option<UncoveredRun> {
    let (start, len) = longest_uncovered_indices(words)?;
    Some(UncoveredRun {
        words: len,
        span: Span::new(words[start].span.start, words[start + len - 1].span.end),
    })
}

/// [`longest_uncovered_run`] as (first index, length).
fn longest_uncovered_indices(words: &[CoveredWord]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for (i, w) in words.iter().enumerate() {
        match (w.covered, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                if best.is_none_or(|(_, len)| i - s > len) {
                    best = Some((s, i - s));
                }
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start
        && best.is_none_or(|(_, len)| words.len() - s > len)
    {
        best = Some((s, words.len() - s));
    }
    best
}
