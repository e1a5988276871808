//! Word-level evidence that one side of a bead says what the other says: each content word of
//! one side is "covered" when the other side has the same word, a cognate, or a translation the
//! pair's lexicon knows. Shared by the omission and addition checks.

use super::SideText;
use crate::locale::pair::LEXICON_STEM_CHARS;
use crate::model::Span;
use crate::textutil::{fold, words};
use std::collections::HashMap;

/// Letters two words must share at the start to count as cognates (`banque`/`bank` do not,
/// `transaction`/`transactions` do).
const COGNATE_PREFIX: usize = 5;

/// A content word and whether the other side has a trace of it.
#[derive(Debug, Clone, Copy)]
pub struct CoveredWord {
    pub span: Span,
    pub covered: bool,
}

/// The content words of `from` (not function words, at least three letters), each with whether
/// `to` covers it.
pub fn coverage(
    from: &SideText,
    to: &SideText,
    lexicon: &HashMap<String, Vec<String>>,
) -> Vec<CoveredWord> {
    // Every pair of words is compared: fold each word once, not once per comparison.
    let to_words: Vec<WordKeys> = words(to.text)
        .iter()
        .map(|w| WordKeys::of(w.text))
        .collect();
    let from_words = words(from.text);
    let (n, m) = (from_words.len().max(1) as f64, to_words.len().max(1) as f64);
    from_words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let keys = WordKeys::of(w.text);
            is_content_word(w.text, &keys.folded, from).then_some((i, w, keys))
        })
        .map(|(i, w, keys)| {
            let stem = keys.stem();
            let translations = lexicon.get(stem);
            // A trace counts near where the word would be translated: a word repeated
            // elsewhere in the sentence does not cover a dropped clause.
            let near =
                |j: usize| ((i as f64 + 0.5) / n - (j as f64 + 0.5) / m).abs() <= POSITION_WINDOW;
            let covered = to_words.iter().enumerate().any(|(j, t)| {
                near(j)
                    && (t.stem() == stem
                        || keys.is_cognate(t)
                        || translations.is_some_and(|ts| ts.iter().any(|x| x == t.stem())))
            });
            CoveredWord {
                span: w.span,
                covered,
            }
        })
        .collect()
}

/// How far apart (as a share of sentence length) a word and its trace may stand.
const POSITION_WINDOW: f64 = 0.35;

/// A word folded once, with the prefixes the comparisons look at.
struct WordKeys {
    folded: String,
    /// Byte length of the lexicon stem ([`crate::locale::pair::lexicon_stem`]) in `folded`.
    stem_len: usize,
    /// Byte length of the first [`COGNATE_PREFIX`] letters, when the word has that many.
    cognate_len: Option<usize>,
}

impl WordKeys {
    fn of(word: &str) -> Self {
        let folded = fold(word);
        let prefix_len = |chars: usize| {
            folded
                .char_indices()
                .nth(chars)
                .map_or(folded.len(), |(at, _)| at)
        };
        let stem_len = prefix_len(LEXICON_STEM_CHARS);
        let cognate_len =
            (folded.chars().count() >= COGNATE_PREFIX).then(|| prefix_len(COGNATE_PREFIX));
        WordKeys {
            stem_len,
            cognate_len,
            folded,
        }
    }

    fn stem(&self) -> &str {
        &self.folded[..self.stem_len]
    }

    /// Both words have at least [`COGNATE_PREFIX`] letters and start with the same ones
    /// (`transaction`/`transactions`, not `banque`/`bank`).
    fn is_cognate(&self, other: &WordKeys) -> bool {
        match (self.cognate_len, other.cognate_len) {
            (Some(a), Some(b)) => self.folded[..a] == other.folded[..b],
            _ => false,
        }
    }
}

fn is_content_word(word: &str, folded: &str, side: &SideText) -> bool {
    word.chars().all(char::is_alphabetic)
        && word.chars().count() >= 3
        && !side.lang.stopwords.contains(folded)
}

/// The longest run of consecutive uncovered content words: (first index, length).
pub fn longest_uncovered_run(words: &[CoveredWord]) -> Option<(usize, usize)> {
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
