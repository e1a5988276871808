//! Word-level evidence that one side of a bead says what the other says: each content word of
//! one side is "covered" when the other side has the same word, a cognate, or a translation the
//! pair's lexicon knows. Shared by the omission and addition checks.

use super::SideText;
use crate::locale::pair::lexicon_stem;
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
    let to_words: Vec<(String, String)> = words(to.text)
        .iter()
        .map(|w| (lexicon_stem(w.text), fold(w.text)))
        .collect();
    let from_words = words(from.text);
    let (n, m) = (from_words.len().max(1) as f64, to_words.len().max(1) as f64);
    from_words
        .iter()
        .enumerate()
        .filter(|(_, w)| is_content_word(w.text, from))
        .map(|(i, w)| {
            let stem = lexicon_stem(w.text);
            let folded = fold(w.text);
            let translations = lexicon.get(&stem);
            // A trace counts near where the word would be translated: a word repeated
            // elsewhere in the sentence does not cover a dropped clause.
            let near =
                |j: usize| ((i as f64 + 0.5) / n - (j as f64 + 0.5) / m).abs() <= POSITION_WINDOW;
            let covered = to_words.iter().enumerate().any(|(j, (t_stem, t_folded))| {
                near(j)
                    && (*t_stem == stem
                        || is_cognate(&folded, t_folded)
                        || translations.is_some_and(|ts| ts.contains(t_stem)))
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

fn is_cognate(a: &str, b: &str) -> bool {
    a.chars().count() >= COGNATE_PREFIX
        && b.chars().count() >= COGNATE_PREFIX
        && a.chars()
            .take(COGNATE_PREFIX)
            .eq(b.chars().take(COGNATE_PREFIX))
}

fn is_content_word(word: &str, side: &SideText) -> bool {
    word.chars().all(char::is_alphabetic)
        && word.chars().count() >= 3
        && !side.lang.stopwords.contains(&fold(word))
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
