//! A lexicon the document teaches itself (after Moore 2002 and hunalign's realign): the
//! confident 1-1 beads of a first pass are a small parallel corpus; word keys that keep
//! turning up in the same beads translate each other (`Gipfel` / `sommet`, `Wand` / `paroi`),
//! and a second pass uses those pairs as extra anchors. No outside data, so it works for any
//! pair of languages whose words the anchors can read.

use super::Params;
use super::anchors::{LearnedPair, RawAnchors};

/// How strongly two word keys go together in the training beads.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Association {
    source: u32,
    target: u32,
    /// Beads holding both.
    together: u32,
    /// Dice coefficient: 2 × together / (beads with the source + beads with the target).
    dice: f64,
}

/// Word pairs that the `training` beads (pairs of a source and a target sentence number)
/// translate by each other, each with its Dice coefficient as strength. Words are compared as
/// the anchors compare them (folded prefixes, see [`RawAnchors`]). Pairs are linked one to
/// one, strongest first (Melamed's competitive linking), so that a frequent neighbour cannot
/// claim a word that has a better partner. A word spelt alike on both sides (a cognate,
/// already an anchor) takes part in the linking but is not returned. Sorted by word ids, so
/// the result never depends on hashing.
pub(crate) fn learn_pairs(
    raw: &RawAnchors,
    training: &[(usize, usize)],
    params: &Params,
) -> Vec<LearnedPair> {
    let beads: Vec<(Vec<u32>, Vec<u32>)> = training
        .iter()
        .map(|&(i, j)| (raw.source_words(i), raw.target_words(j)))
        .collect();
    let mut associations = associations(&beads, raw.ids(), params);
    let mut pairs: Vec<LearnedPair> = competitive_linking(&mut associations, raw.ids())
        .into_iter()
        .filter(|a| a.source != a.target)
        .map(|a| LearnedPair {
            source: a.source,
            target: a.target,
            strength: a.dice,
        })
        .collect();
    pairs.sort_unstable_by_key(|p| (p.source, p.target));
    pairs
}

/// Every pair of words that shares at least `learned_min_count` beads and reaches
/// `learned_min_dice`, in order of word ids.
fn associations(beads: &[(Vec<u32>, Vec<u32>)], ids: usize, params: &Params) -> Vec<Association> {
    let min_count = params.learned_min_count.max(1) as u32;
    let source_count = bead_frequency(beads.iter().map(|(s, _)| s), ids);
    let target_count = bead_frequency(beads.iter().map(|(_, t)| t), ids);
    co_occurrences(beads, &source_count, &target_count, min_count)
        .into_iter()
        .map(|(source, target, together)| {
            let seen = source_count[source as usize] + target_count[target as usize];
            Association {
                source,
                target,
                together,
                dice: 2.0 * f64::from(together) / f64::from(seen),
            }
        })
        .filter(|a| a.dice >= params.learned_min_dice)
        .collect()
}

/// In how many of the beads' sides (lists of distinct ids) each id occurs.
fn bead_frequency<'a>(sides: impl Iterator<Item = &'a Vec<u32>>, ids: usize) -> Vec<u32> {
    let mut counts = vec![0; ids];
    for side in sides {
        for &id in side {
            counts[id as usize] += 1;
        }
    }
    counts
}

/// `(source word, target word, beads holding both)` of every pair of words that share at least
/// `min_count` beads, in order. Counted word by word of the source side into a dense array,
/// which is faster than sorting every co-occurrence of a long document.
fn co_occurrences(
    beads: &[(Vec<u32>, Vec<u32>)],
    source_count: &[u32],
    target_count: &[u32],
    min_count: u32,
) -> Vec<(u32, u32, u32)> {
    let ids = source_count.len();
    // Words seen in fewer beads cannot share enough of them.
    let mut beads_of = vec![Vec::new(); ids];
    let mut targets = Vec::with_capacity(beads.len());
    for (b, (source, target)) in beads.iter().enumerate() {
        for &s in source
            .iter()
            .filter(|&&s| source_count[s as usize] >= min_count)
        {
            beads_of[s as usize].push(b);
        }
        let frequent = target
            .iter()
            .filter(|&&t| target_count[t as usize] >= min_count);
        targets.push(frequent.copied().collect::<Vec<u32>>());
    }
    let mut together = vec![0u32; ids];
    let mut partners = Vec::new();
    let mut out = Vec::new();
    for (s, source_beads) in beads_of.iter().enumerate() {
        for &t in source_beads.iter().flat_map(|&b| &targets[b]) {
            if together[t as usize] == 0 {
                partners.push(t);
            }
            together[t as usize] += 1;
        }
        partners.sort_unstable();
        for t in partners.drain(..) {
            let count = std::mem::take(&mut together[t as usize]);
            if count >= min_count {
                out.push((s as u32, t, count));
            }
        }
    }
    out
}

/// Keeps the strongest association of every word, one to one: in order of falling Dice
/// (ties: more beads together, then ids), an association is kept if neither of its words is
/// taken yet.
fn competitive_linking(associations: &mut [Association], ids: usize) -> Vec<Association> {
    associations.sort_unstable_by(|a, b| {
        b.dice
            .total_cmp(&a.dice)
            .then(b.together.cmp(&a.together))
            .then(a.source.cmp(&b.source))
            .then(a.target.cmp(&b.target))
    });
    let mut source_taken = vec![false; ids];
    let mut target_taken = vec![false; ids];
    let mut linked = Vec::new();
    for a in associations.iter() {
        let (s, t) = (a.source as usize, a.target as usize);
        if source_taken[s] || target_taken[t] {
            continue;
        }
        source_taken[s] = true;
        target_taken[t] = true;
        linked.push(*a);
    }
    linked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Lexicon;

    fn learned_words(source: &[&str], target: &[&str], params: &Params) -> Vec<(String, String)> {
        let raw = RawAnchors::extract(source, target, &Lexicon::default(), params);
        let training: Vec<(usize, usize)> = (0..source.len()).map(|k| (k, k)).collect();
        learn_pairs(&raw, &training, params)
            .into_iter()
            .map(|p| (raw.key(p.source).to_string(), raw.key(p.target).to_string()))
            .collect()
    }

    #[test]
    fn learns_a_pair_that_keeps_meeting_in_confident_beads() {
        let source = [
            "Die Wand war steil .",
            "Wir querten die Wand am Morgen .",
            "Der Schnee lag tief .",
            "Abends erreichten wir das Lager .",
        ];
        let target = [
            "La paroi était raide .",
            "Nous avons traversé la paroi le matin .",
            "La neige était profonde .",
            "Le soir nous avons atteint le camp .",
        ];
        let pairs = learned_words(&source, &target, &Params::default());
        assert!(
            pairs.contains(&("wand".to_string(), "paro".to_string())),
            "{pairs:?}"
        );
        // A word seen once is no evidence.
        assert!(!pairs.iter().any(|(s, _)| s == "lage"), "{pairs:?}");
    }

    #[test]
    fn cognates_are_linked_but_not_learned_again() {
        let source = ["Die Expedition kam .", "Die Expedition ging ."];
        let target = ["L' expédition arriva .", "L' expédition partit ."];
        assert!(learned_words(&source, &target, &Params::default()).is_empty());
    }

    #[test]
    fn co_occurrences_count_the_beads_two_words_share() {
        let beads = vec![
            (vec![0, 1], vec![2, 3]),
            (vec![0], vec![2]),
            (vec![1], vec![3, 4]),
        ];
        let source_count = [2, 2, 0, 0, 0];
        let target_count = [0, 0, 2, 2, 1];
        assert_eq!(
            co_occurrences(&beads, &source_count, &target_count, 2),
            vec![(0, 2, 2), (1, 3, 2)]
        );
        assert_eq!(
            co_occurrences(&beads, &source_count, &target_count, 1),
            vec![(0, 2, 2), (0, 3, 1), (1, 2, 1), (1, 3, 2), (1, 4, 1)]
        );
    }

    #[test]
    fn competitive_linking_keeps_the_strongest_partner_only() {
        let association = |source, target, dice| Association {
            source,
            target,
            together: 2,
            dice,
        };
        let mut all = vec![
            association(0, 1, 0.5),
            association(0, 2, 0.9),
            association(3, 2, 0.6),
            association(3, 1, 0.4),
        ];
        let linked: Vec<(u32, u32)> = competitive_linking(&mut all, 4)
            .iter()
            .map(|a| (a.source, a.target))
            .collect();
        assert_eq!(linked, vec![(0, 2), (3, 1)]);
    }
}
