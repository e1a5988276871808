//! A set of words told by one bit each, for the checks that first ask whether two sides may
//! share words before they compare them.

use crate::textutil::short_key;

/// A set of words that may answer yes for a word it lacks, never no for one it holds: one bit
/// of 256 a word, chosen by the word's [`short_key`], so that telling takes no string hashing
/// or comparison.
pub struct WordFilter([u64; 4]);

impl WordFilter {
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut bits = [0; 4];
        for word in words {
            let bit = Self::bit(word);
            bits[bit / 64] |= 1 << (bit % 64);
        }
        WordFilter(bits)
    }

    pub fn may_hold(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.0[bit / 64] & 1 << (bit % 64) != 0
    }

    /// The word's bit: the top byte of its key mixed by a multiplication, since a short
    /// word's key is its bytes.
    fn bit(word: &str) -> usize {
        (short_key(word).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_filter_holds_every_word_put_in_it() {
        let words = [
            "le",
            "chat",
            "est",
            "sur",
            "la",
            "table",
            "anticonstitutionnellement",
            "été",
        ];
        let filter = WordFilter::of(words);
        assert!(words.iter().all(|w| filter.may_hold(w)));
        let others = ["dog", "house", "garden", "window", "river", "mountain"];
        assert!(others.iter().any(|w| !filter.may_hold(w)));
    }
}
