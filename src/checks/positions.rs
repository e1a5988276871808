//! Positions of a side's words looked up by a key of each word (its stem, its text): the index
//! that lets the checks of a long segment visit the pairs of words that match instead of every
//! pair.

/// Each word's position under its key, sorted: a key's positions stand together, ascending.
#[derive(Debug)]
pub struct KeyedPositions<K> {
    sorted: Vec<(K, u32)>,
}

impl<K: Ord + Copy> KeyedPositions<K> {
    /// The index of `keys`: (key, position) pairs, in any order.
    pub fn new(keys: impl Iterator<Item = (K, u32)>) -> Self {
        // Sized once for the most keys there can be: collected from a filter (the words with a
        // cognate key), the vector would start small and be reallocated as it grows.
        let mut sorted = Vec::with_capacity(keys.size_hint().1.unwrap_or(0));
        sorted.extend(keys);
        sorted.sort_unstable();
        KeyedPositions { sorted }
    }

    /// The positions of the words under `key`, ascending.
    pub fn of(&self, key: K) -> impl DoubleEndedIterator<Item = u32> + '_ {
        let first = self.sorted.partition_point(|&(k, _)| k < key);
        // Counted one by one rather than found by a second binary search: most keys looked up
        // (a word's translations) have no position, where the count stops at once, and the
        // caller visits every position of the others anyway.
        let under_key = self.sorted[first..].iter().take_while(|&&(k, _)| k == key);
        let end = first + under_key.count();
        self.sorted[first..end].iter().map(|&(_, j)| j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_come_by_key_in_order() {
        let words = ["la", "banque", "et", "la", "bourse", "la"];
        let index = KeyedPositions::new(words.iter().copied().zip(0..));
        assert_eq!(index.of("la").collect::<Vec<_>>(), [0, 3, 5]);
        assert_eq!(index.of("la").rev().collect::<Vec<_>>(), [5, 3, 0]);
        assert_eq!(index.of("bourse").collect::<Vec<_>>(), [4]);
        assert_eq!(index.of("absent").count(), 0);
    }
}
