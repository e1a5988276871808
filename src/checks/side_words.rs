//! One side of a bead split into words and folded once. Most checks look at the same words,
//! and folding (decomposition, case) is the dearest thing they do to them, so a bead folds
//! each side once, into one buffer, and the checks share it (see [`super::BeadContext`]).

use crate::textutil::{Word, fold_into, words};

/// The words of a text with their folded forms.
#[derive(Debug)]
pub struct SideWords<'a> {
    words: Vec<Word<'a>>,
    /// The folded words one after another; word `i` is `folded[bounds[i].0..bounds[i].1]`
    /// (both ends kept: one lookup a word, which the checks make by the hundred a bead).
    folded: String,
    bounds: Vec<(usize, usize)>,
}

impl<'a> SideWords<'a> {
    pub fn of(text: &'a str) -> Self {
        let folded = String::with_capacity(text.len() + 8);
        Self::build(words(text), folded, |_, w, out| fold_into(w.text, out))
    }

    /// `words` with the forms `form(i, word, buffer)` appends to one buffer: the folded forms,
    /// or a variant of them (the entity checks drop dots).
    pub fn build(
        words: Vec<Word<'a>>,
        mut buffer: String,
        mut form: impl FnMut(usize, &Word<'a>, &mut String),
    ) -> Self {
        let bounds = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let start = buffer.len();
                form(i, w, &mut buffer);
                (start, buffer.len())
            })
            .collect();
        SideWords {
            words,
            folded: buffer,
            bounds,
        }
    }

    pub fn words(&self) -> &[Word<'a>] {
        &self.words
    }

    /// Word `i` folded ([`crate::textutil::fold`]), or in the form given to [`Self::build`].
    pub fn folded(&self, i: usize) -> &str {
        let (start, end) = self.bounds[i];
        &self.folded[start..end]
    }

    /// Each word with its folded form.
    pub fn iter(&self) -> impl Iterator<Item = (&Word<'a>, &str)> {
        self.words
            .iter()
            .zip(&self.bounds)
            .map(|(w, &(start, end))| (w, &self.folded[start..end]))
    }

    /// The folded words joined by single spaces.
    pub fn joined(&self) -> String {
        let mut joined = String::with_capacity(self.folded.len() + self.len());
        for i in 0..self.len() {
            if i > 0 {
                joined.push(' ');
            }
            joined.push_str(self.folded(i));
        }
        joined
    }

    /// Whether a folded word holds `c`: one search of the buffer, not one per word.
    pub fn any_folded_holds(&self, c: char) -> bool {
        self.folded.contains(c)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textutil::fold;

    #[test]
    fn folds_every_word_like_fold_does() {
        let text = "L'Été à Zürich, Straße 12 — AT&T.";
        let side = SideWords::of(text);
        let expected: Vec<String> = words(text).iter().map(|w| fold(w.text)).collect();
        let got: Vec<&str> = side.iter().map(|(_, f)| f).collect();
        assert_eq!(got, expected);
        assert_eq!(side.len(), expected.len());
        assert!(SideWords::of("  ").is_empty());
    }
}
