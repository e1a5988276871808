//! Bilingual word lists: optional extra anchors for language pairs the project has data for
//! (`data/<src>-<tgt>/align-lexicon.tsv`), and for glossary terms. An entry is an anchor that
//! both sides can hold, one in either language.

use crate::locale::data_lines;
use crate::textutil::fold;
use std::collections::HashMap;

/// Word lists embedded at compile time, by language pair.
const EMBEDDED: &[(&str, &str, &str)] = &[
    (
        "en",
        "fr",
        include_str!("../../data/en-fr/align-lexicon.tsv"),
    ),
    (
        "de",
        "fr",
        include_str!("../../data/de-fr/align-lexicon.tsv"),
    ),
];

/// Word pairs, indexed by the key of each word on each side.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// `(source word, target word)` of every entry.
    entries: Vec<(String, String)>,
}

impl Lexicon {
    /// The embedded list for a language pair, in either direction; empty when there is none.
    pub fn embedded(from: &str, to: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for &(a, b, text) in EMBEDDED {
            if (a, b) == (from, to) {
                lexicon.add_list(text, false);
            } else if (b, a) == (from, to) {
                lexicon.add_list(text, true);
            }
        }
        lexicon
    }

    /// Adds a pair of words or terms; a multi-word term is represented by its longest word.
    pub fn add(&mut self, source: &str, target: &str) {
        let (Some(s), Some(t)) = (longest_word(source), longest_word(target)) else {
            return;
        };
        self.entries.push((s.to_string(), t.to_string()));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Lines `word<TAB>translation|translation`, `#` comments; `reversed` swaps the columns.
    fn add_list(&mut self, text: &str, reversed: bool) {
        for line in data_lines(text) {
            let Some((left, right)) = line.split_once('\t') else {
                continue;
            };
            for translation in right.split('|') {
                if reversed {
                    self.add(translation, left);
                } else {
                    self.add(left, translation);
                }
            }
        }
    }

    /// Entry numbers of every word key on each side (`key` turns a word into its key).
    pub(crate) fn index(
        &self,
        key: impl Fn(&str) -> String,
    ) -> (HashMap<String, Vec<u32>>, HashMap<String, Vec<u32>>) {
        let mut source: HashMap<String, Vec<u32>> = HashMap::new();
        let mut target: HashMap<String, Vec<u32>> = HashMap::new();
        for (n, (s, t)) in self.entries.iter().enumerate() {
            source.entry(key(&fold(s))).or_default().push(n as u32);
            target.entry(key(&fold(t))).or_default().push(n as u32);
        }
        (source, target)
    }
}

fn longest_word(term: &str) -> Option<&str> {
    term.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .max_by_key(|w| w.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_work_in_both_directions() {
        let en_fr = Lexicon::embedded("en", "fr");
        let fr_en = Lexicon::embedded("fr", "en");
        assert!(en_fr.len() > 100);
        assert_eq!(en_fr.len(), fr_en.len());
        assert_eq!(en_fr.entries[0].0, fr_en.entries[0].1);
        assert!(Lexicon::embedded("xx", "fr").is_empty());
    }

    #[test]
    fn terms_are_represented_by_their_longest_word() {
        let mut lexicon = Lexicon::default();
        lexicon.add("first ascent", "première ascension");
        lexicon.add("", "rien");
        assert_eq!(
            lexicon.entries,
            vec![("ascent".to_string(), "ascension".to_string())]
        );
    }
}
