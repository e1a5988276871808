//! Bilingual word lists: optional extra anchors for language pairs the project has data for
//! (`data/<src>-<tgt>/align-lexicon.tsv`), and for glossary terms. An entry is an anchor that
//! both sides can hold, one in either language.

use crate::locale::data_lines;
use crate::textutil::fold;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Word pairs. Pairs from one line of a list share a concept: `the` ↔ `le|la|les` is one
/// anchor, whichever of the French words a sentence uses.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// `(source word, target word, concept)` of every entry.
    entries: Vec<(String, String, u32)>,
    concepts: u32,
    /// The entries indexed by word key, built at the first alignment: `check` aligns the
    /// sentences of many small segments, and indexing the whole list for each cost more than
    /// aligning them.
    index: OnceLock<LexiconIndex>,
}

/// Concepts of every word key ([`Lexicon::index`]) on each side.
#[derive(Debug, Clone)]
pub(crate) struct LexiconIndex {
    /// Letters a word key keeps.
    prefix_length: usize,
    pub source: HashMap<String, Vec<u32>>,
    pub target: HashMap<String, Vec<u32>>,
}

impl Lexicon {
    /// The embedded list for a language pair, in either direction; empty when there is none.
    pub fn embedded(from: &str, to: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        if let Some((list, reversed)) = crate::locale::pair::align_lexicon(from, to) {
            lexicon.add_list(list, reversed);
        }
        lexicon
    }

    /// Adds a pair of words or terms; a multi-word term is represented by its longest word.
    pub fn add(&mut self, source: &str, target: &str) {
        self.concepts += 1;
        self.add_to_concept(source, target, self.concepts - 1);
    }

    fn add_to_concept(&mut self, source: &str, target: &str, concept: u32) {
        let (Some(s), Some(t)) = (longest_word(source), longest_word(target)) else {
            return;
        };
        self.index = OnceLock::new();
        self.entries.push((s.to_string(), t.to_string(), concept));
    }

    /// Number of concepts: anchor ids `0..concepts()` are the list's.
    pub(crate) fn concepts(&self) -> usize {
        self.concepts as usize
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
            let concept = self.concepts;
            self.concepts += 1;
            for translation in right.split('|') {
                if reversed {
                    self.add_to_concept(translation, left, concept);
                } else {
                    self.add_to_concept(left, translation, concept);
                }
            }
        }
    }

    /// Concepts of every word key on each side, a key being the first `prefix_length` letters
    /// of the folded word. Built once (for the first prefix length asked).
    pub(crate) fn index(&self, prefix_length: usize) -> Cow<'_, LexiconIndex> {
        let cached = self.index.get_or_init(|| self.build_index(prefix_length));
        if cached.prefix_length == prefix_length {
            Cow::Borrowed(cached)
        } else {
            Cow::Owned(self.build_index(prefix_length))
        }
    }

    fn build_index(&self, prefix_length: usize) -> LexiconIndex {
        let mut source: HashMap<String, Vec<u32>> = HashMap::default();
        let mut target: HashMap<String, Vec<u32>> = HashMap::default();
        for (s, t, concept) in &self.entries {
            for (index, word) in [(&mut source, s), (&mut target, t)] {
                let key = fold(word).chars().take(prefix_length).collect();
                let concepts = index.entry(key).or_default();
                if !concepts.contains(concept) {
                    concepts.push(*concept);
                }
            }
        }
        LexiconIndex {
            prefix_length,
            source,
            target,
        }
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
            vec![("ascent".to_string(), "ascension".to_string(), 0)]
        );
    }
}
