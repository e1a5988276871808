//! One side of a bead split into words and folded once. Most checks look at the same words,
//! and folding (decomposition, case) is the dearest thing they do to them, so a bead folds
//! each side once, into one buffer, and the checks share it (see [`super::BeadContext`]).

use crate::textutil::{Word, fold_into, words};

/// The words of a text with their folded forms.
#[derive(Debug)]
pub struct SideWords<'a> {
    words: Vec<Word<'a>>,
    /// The folded words; word `i` is `folded[bounds[i].0..bounds[i].1]` (both ends kept: one
    /// lookup a word, which the checks make by the hundred a bead). [`SideWords::of`] keeps
    /// the text lower-cased in front, with what lies between the words; [`SideWords::build`]
    /// holds the words only, one after another.
    folded: String,
    bounds: Vec<(usize, usize)>,
    /// How many bytes at the buffer's start are the text lower-cased (0 when built with
    /// [`SideWords::build`]).
    in_place: usize,
}

impl<'a> SideWords<'a> {
    pub fn of(text: &'a str) -> Self {
        // An ASCII word folds to its lower case, which has its length and place: the buffer
        // starts as the whole text lower-cased (one pass, no copy a word), and such a word's
        // folded form is its own span of it. Only the words with other letters are folded
        // one by one, after the text.
        let mut folded = String::with_capacity(text.len() + text.len() / 4 + 8);
        folded.push_str(text);
        folded.make_ascii_lowercase();
        let words = words(text);
        let bounds = words
            .iter()
            .map(|w| {
                if w.text.is_ascii() {
                    return (w.span.start, w.span.end);
                }
                let start = folded.len();
                fold_into(w.text, &mut folded);
                (start, folded.len())
            })
            .collect();
        SideWords {
            words,
            folded,
            bounds,
            in_place: text.len(),
        }
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
            in_place: 0,
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

    /// Whether words `i` and `j` have the same folded form: lengths and first bytes first,
    /// which tell most pairs of words apart without a comparison of the whole.
    pub fn same_folded(&self, i: usize, j: usize) -> bool {
        let ((a_start, a_end), (b_start, b_end)) = (self.bounds[i], self.bounds[j]);
        let bytes = self.folded.as_bytes();
        a_end - a_start == b_end - b_start
            && bytes.get(a_start) == bytes.get(b_start)
            && bytes[a_start..a_end] == bytes[b_start..b_end]
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

    /// Whether a folded word holds `c`: one search of the buffer, not one per word. In the
    /// lower-cased text [`SideWords::of`] keeps in front, a match counts only inside a word
    /// folded in place: the `.` that ends a sentence is no word's.
    pub fn any_folded_holds(&self, c: char) -> bool {
        let counts = |i: usize| i >= self.in_place || self.word_folded_in_place_at(i);
        if c.is_ascii() {
            // memchr's scan: the text's own marks (a `.` a sentence) are many matches, each
            // of which the string searcher would restart for.
            return memchr::memchr_iter(c as u8, self.folded.as_bytes()).any(counts);
        }
        self.folded.match_indices(c).any(|(i, _)| counts(i))
    }

    /// Whether byte `i` of the text lies in a word whose folded form is that span.
    fn word_folded_in_place_at(&self, i: usize) -> bool {
        let k = self.words.partition_point(|w| w.span.end <= i);
        self.words
            .get(k)
            .is_some_and(|w| w.span.start <= i && self.bounds[k].0 < self.in_place)
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

    #[test]
    fn two_words_are_the_same_folded_as_their_folded_forms_say() {
        let side = SideWords::of("Le le LÉ lé la l'été été, Ete ab ba");
        for i in 0..side.len() {
            for j in 0..side.len() {
                assert_eq!(side.same_folded(i, j), side.folded(i) == side.folded(j));
            }
        }
    }

    #[test]
    fn a_folded_word_holds_a_character_as_its_folded_form_does() {
        let texts = [
            "The end.",
            "The U.S. banks.",
            "Les É.-U. et l'été.",
            "Café. Zürich's straße",
            "",
            "...",
        ];
        for text in texts {
            let side = SideWords::of(text);
            let by_word: Vec<&str> = side.iter().map(|(_, f)| f).collect();
            for c in ['.', 'e', 'é', 'u', 's', '\'', ' '] {
                let expected = by_word.iter().any(|f| f.contains(c));
                assert_eq!(side.any_folded_holds(c), expected, "{text:?} {c:?}");
            }
        }
    }
}
