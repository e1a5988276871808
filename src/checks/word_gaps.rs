//! Omitted or added stretches found between word anchors. Words of the two sides of a bead
//! that are the same, cognates or lexicon translations are chained in order (the longest
//! monotone chain); between two consecutive anchors, one side may have several content words
//! while the other has next to nothing. That is the signature of a dropped (or added) clause:
//! in a free translation the untraced words of one side face untraced words of the other,
//! while after an omission the neighbours of the missing stretch stand side by side in the
//! translation.

use super::BeadContext;
use super::coverage::{CoveredWord, Partners, WordKey};
use crate::model::{Side, Span};

/// Content words a stretch needs before its absence on the other side counts, unless the
/// caller has other evidence ([`unanchored_gaps`]'s `min_content_words`).
pub const MIN_GAP_CONTENT_WORDS: usize = 3;
/// Content words the other side may still have between the same anchors (a connective).
const MAX_FACING_CONTENT_WORDS: usize = 1;
/// Share of the expected length the other side's stretch may have at most.
const MAX_FACING_LENGTH_SHARE: f64 = 0.4;
/// Anchors the bead needs before its gaps mean anything.
const MIN_ANCHORS: usize = 2;

/// A stretch of side `from` with no counterpart between the anchors around it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    /// From the first to the last content word of the stretch, in `from`'s bead text.
    pub span: Span,
    pub content_words: usize,
}

/// Stretches of side `from` of the bead, of `min_content_words` content words at least, that
/// the other side skips; `ratio` is the expected length of the other side per character of
/// `from`.
pub fn unanchored_gaps(
    ctx: &BeadContext,
    from: Side,
    ratio: f64,
    coverage: &[CoveredWord],
    min_content_words: usize,
) -> Vec<Gap> {
    let (mine, other) = (ctx.coverage_keys(from), ctx.coverage_keys(from.other()));
    let (my_text, other_text) = (ctx.side(from).text, ctx.side(from.other()).text);
    let Some(matches) = word_matches(mine, other, ctx.partners(from)) else {
        return Vec::new();
    };
    let mut matched = vec![false; mine.len()];
    for &(i, _) in &matches {
        matched[i] = true;
    }
    let chain = longest_monotone_chain(&matches);
    if chain.len() < MIN_ANCHORS {
        return Vec::new();
    }
    // Sentinels before the first and after the last word of both sides.
    let bounds = std::iter::once(None)
        .chain(chain.iter().copied().map(Some))
        .chain(std::iter::once(None));
    let bounds: Vec<Option<(usize, usize)>> = bounds.collect();
    let mut gaps = Vec::new();
    for pair in bounds.windows(2) {
        let (before, after) = (pair[0], pair[1]);
        let my_range = (
            before.map_or(0, |(i, _)| i + 1),
            after.map_or(mine.len(), |(i, _)| i),
        );
        let other_range = (
            before.map_or(0, |(_, j)| j + 1),
            after.map_or(other.len(), |(_, j)| j),
        );
        // A word of the stretch found elsewhere on the other side: the stretch was moved
        // (`Portugal got off … in Lisbon` → `À Lisbonne, le Portugal …`), not left out.
        if matched[my_range.0..my_range.1.max(my_range.0)].contains(&true) {
            continue;
        }
        let Some(gap) = untraced_stretch(mine, my_range, coverage) else {
            continue;
        };
        if gap.content_words < min_content_words {
            continue;
        }
        let facing = other[other_range.0..other_range.1.max(other_range.0)]
            .iter()
            .filter(|w| w.is_content())
            .count();
        let my_chars = stretch_chars(my_text, mine, my_range);
        let other_chars = stretch_chars(other_text, other, other_range);
        if facing <= MAX_FACING_CONTENT_WORDS
            && (other_chars as f64) <= my_chars as f64 * ratio * MAX_FACING_LENGTH_SHARE
        {
            gaps.push(gap);
        }
    }
    gaps
}

/// Matches beyond which a bead has no usable anchors: a sentence's content words match a few
/// words each, while a long line of repeated words matches every pair (millions of pairs, and
/// as many megabytes), none of which can place a gap.
const MAX_MATCHES: usize = 20_000;

/// Every (index in `mine`, index in `other`) pair of words that match, in order; `None` when
/// there are more than [`MAX_MATCHES`].
fn word_matches(
    mine: &[WordKey],
    other: &[WordKey],
    partners: &Partners,
) -> Option<Vec<(usize, usize)>> {
    let mut matches = Vec::new();
    for (i, _) in mine
        .iter()
        .enumerate()
        .filter(|(_, w)| w.is_anchor_candidate())
    {
        for &j in partners.of(i) {
            if other[j as usize].is_anchor_candidate() {
                matches.push((i, j as usize));
            }
        }
        if matches.len() > MAX_MATCHES {
            return None;
        }
    }
    Some(matches)
}

/// The longest chain of matches in the same order on both sides (both indices increasing).
fn longest_monotone_chain(matches: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Each match extends the best chain that ends before it on both sides; of equally long
    // ones, the chain ending at the earliest match. A Fenwick tree over the other side's
    // positions answers "best chain ending left of j" in log time, so a long sentence of
    // repeated words (where every pair matches) costs O(M log M), not O(M²).
    let columns = matches.iter().map(|&(_, j)| j + 1).max().unwrap_or(0);
    let mut best_before = BestChains::new(columns);
    let mut length = vec![1usize; matches.len()];
    let mut previous = vec![usize::MAX; matches.len()];
    // Matches come row by row (`word_matches`); a row's matches enter the tree only after the
    // whole row is priced, since a chain needs strictly increasing rows too.
    let mut row_start = 0;
    for row in matches.chunk_by(|a, b| a.0 == b.0) {
        let in_row = row_start..row_start + row.len();
        for k in in_row.clone() {
            if let Some((chain, end)) = best_before.best_up_to(matches[k].1) {
                length[k] = chain + 1;
                previous[k] = end;
            }
        }
        for k in in_row {
            best_before.offer(matches[k].1, (length[k], k));
        }
        row_start += row.len();
    }
    read_back_longest(matches, &length, &previous)
}

/// The longest chain (of equally long ones, the one ending at the earliest match), read back
/// from its last match through `previous`; `length[k]` is that of the best chain ending at
/// match `k`.
fn read_back_longest(
    matches: &[(usize, usize)],
    length: &[usize],
    previous: &[usize],
) -> Vec<(usize, usize)> {
    let Some(mut k) = (0..matches.len()).max_by_key(|&k| (length[k], usize::MAX - k)) else {
        return Vec::new();
    };
    let mut chain = vec![matches[k]];
    while previous[k] != usize::MAX {
        k = previous[k];
        chain.push(matches[k]);
    }
    chain.reverse();
    chain
}

/// For [`longest_monotone_chain`]: per column, the best (longest, then earliest-ending) chain
/// seen so far, with prefix queries (a Fenwick tree of maxima).
struct BestChains {
    tree: Vec<Option<(usize, usize)>>,
}

impl BestChains {
    fn new(columns: usize) -> BestChains {
        BestChains {
            tree: vec![None; columns + 1],
        }
    }

    /// The longer chain, or of two as long the one that ends at the earlier match.
    fn better(a: Option<(usize, usize)>, b: Option<(usize, usize)>) -> Option<(usize, usize)> {
        match (a, b) {
            (Some(x), Some(y)) => Some(if y.0 > x.0 || (y.0 == x.0 && y.1 < x.1) {
                y
            } else {
                x
            }),
            (x, None) => x,
            (None, y) => y,
        }
    }

    /// Records a chain of `(length, last match)` ending in column `column`.
    fn offer(&mut self, column: usize, chain: (usize, usize)) {
        let mut at = column + 1;
        while at < self.tree.len() {
            self.tree[at] = BestChains::better(self.tree[at], Some(chain));
            at += at & at.wrapping_neg();
        }
    }

    /// The best chain ending in a column before `column`.
    fn best_up_to(&self, column: usize) -> Option<(usize, usize)> {
        let mut best = None;
        let mut at = column;
        while at > 0 {
            best = BestChains::better(best, self.tree[at]);
            at -= at & at.wrapping_neg();
        }
        best
    }
}

/// The content words of `words[range]` that have no trace on the other side (`coverage`), as
/// a gap, if there are any.
fn untraced_stretch(
    words: &[WordKey],
    (start, end): (usize, usize),
    coverage: &[CoveredWord],
) -> Option<Gap> {
    let (from, to) = (
        words.get(start).map_or(usize::MAX, |w| w.span().start),
        if end == 0 {
            0
        } else {
            words[end - 1].span().end
        },
    );
    let untraced: Vec<&CoveredWord> = coverage
        .iter()
        .filter(|c| !c.covered && from <= c.span.start && c.span.end <= to)
        .collect();
    let (first, last) = (untraced.first()?, untraced.last()?);
    Some(Gap {
        span: Span::new(first.span.start, last.span.end),
        content_words: untraced.len(),
    })
}

/// Characters of `text` between the word before `range` and the word after it.
fn stretch_chars(text: &str, words: &[WordKey], (start, end): (usize, usize)) -> usize {
    let from = if start == 0 {
        0
    } else {
        words[start - 1].span().end
    };
    let to = words.get(end).map_or(text.len(), |w| w.span().start);
    text[from..to.max(from)].chars().count()
}

#[cfg(test)]
mod tests {
    use super::super::coverage::coverage;
    use super::super::{BeadContext, Check, Rule};
    use super::*;
    use crate::checks::testing::{probe_rule, run};
    use crate::model::Finding;

    static PROBE: Rule = probe_rule("gap-probe");

    /// Reports every gap of the source, whatever the lengths say.
    struct GapProbe;

    impl Check for GapProbe {
        fn rule(&self) -> &'static Rule {
            &PROBE
        }

        fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
            let words = coverage(ctx, Side::Source);
            for gap in unanchored_gaps(ctx, Side::Source, 1.1, &words, MIN_GAP_CONTENT_WORDS) {
                out.push(
                    ctx.finding(&PROBE, "gap")
                        .with_source(ctx.source_span(gap.span)),
                );
            }
        }
    }

    fn gaps(source: &str, target: &str) -> Vec<String> {
        run(&GapProbe, source, target)
            .into_iter()
            .map(|(f, _)| source[f.source.unwrap().range()].to_string())
            .collect()
    }

    const SOURCE: &str = "The president announced a national program of investment, financed by \
European funds and private banks, for the hospitals of the region.";

    #[test]
    fn a_clause_whose_neighbours_meet_in_the_target_is_a_gap() {
        let dropped = "Le président a annoncé un programme national d'investissement pour les \
hôpitaux de la région.";
        assert_eq!(
            gaps(SOURCE, dropped),
            ["financed by European funds and private banks"]
        );
    }

    #[test]
    fn a_clause_translated_in_other_words_is_not() {
        let whole = "Le président a annoncé un programme national d'investissement, payé par \
l'argent de l'Union et des établissements privés, pour les hôpitaux de la région.";
        assert!(gaps(SOURCE, whole).is_empty());
    }

    #[test]
    fn a_clause_moved_elsewhere_is_not() {
        let source = "Portugal got off to a perfect start in Lisbon's Estadio da Luz tonight.";
        let moved =
            "À l'Estádio da Luz de Lisbonne, ce soir, le Portugal a pris un départ parfait.";
        assert!(gaps(source, moved).is_empty(), "{:?}", gaps(source, moved));
    }

    /// The straightforward quadratic search the Fenwick tree replaced: same lengths and
    /// predecessors, ties included (the earliest predecessor).
    fn quadratic_chain(matches: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let mut length = vec![1usize; matches.len()];
        let mut previous = vec![usize::MAX; matches.len()];
        for k in 0..matches.len() {
            for l in 0..k {
                if matches[l].0 < matches[k].0
                    && matches[l].1 < matches[k].1
                    && length[l] + 1 > length[k]
                {
                    length[k] = length[l] + 1;
                    previous[k] = l;
                }
            }
        }
        read_back_longest(matches, &length, &previous)
    }

    #[test]
    fn the_chain_is_the_one_the_quadratic_search_finds() {
        let mut rng = crate::inject::Rng::new(7);
        for _ in 0..500 {
            let (rows, columns) = (1 + rng.below(12), 1 + rng.below(12));
            let density = 1 + rng.below(4);
            // Row by row, columns increasing: the order `word_matches` gives.
            let matches: Vec<(usize, usize)> = (0..rows)
                .flat_map(|i| (0..columns).map(move |j| (i, j)))
                .filter(|_| rng.below(density) == 0)
                .collect();
            assert_eq!(
                longest_monotone_chain(&matches),
                quadratic_chain(&matches),
                "{matches:?}"
            );
        }
    }

    #[test]
    fn a_long_line_of_repeated_words_has_no_anchors() {
        // Every word matches every word: 250,000 pairs, none of which can place a gap.
        let source = "house ".repeat(500);
        let target = "maison ".repeat(500);
        assert!(gaps(&source, &target).is_empty());
    }
}
