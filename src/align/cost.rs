//! The cost of a bead: −log prior of its shape, plus a Gale–Church length term, minus the
//! weight of the anchors its two sides share. Summed along a path, the anchor term rewards the
//! alignment that pairs up the most anchor weight; the prior keeps beads from merging
//! sentences just to collect chance matches.

use super::Params;
use super::anchors::SideAnchors;

/// A bead shape: how many source and target sentences it joins, with its prior probability.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    pub(crate) source: usize,
    pub(crate) target: usize,
    pub(crate) prior: f64,
}

const fn shape(source: usize, target: usize, prior: f64) -> Shape {
    Shape {
        source,
        target,
        prior,
    }
}

/// Shapes searched at sentence level. Priors are symmetric (either language may be the
/// source) and set by hand, then scaled by [`Params`] — tuned on the Text+Berg dev document.
pub(crate) const SENTENCE_SHAPES: &[Shape] = &[
    shape(1, 1, 0.70),
    shape(1, 0, 0.02),
    shape(0, 1, 0.02),
    shape(2, 1, 0.06),
    shape(1, 2, 0.06),
    shape(2, 2, 0.02),
    shape(1, 3, 0.01),
    shape(3, 1, 0.01),
    shape(2, 3, 0.004),
    shape(3, 2, 0.004),
    shape(1, 4, 0.003),
    shape(4, 1, 0.003),
    shape(3, 3, 0.002),
    shape(1, 5, 0.001),
    shape(5, 1, 0.001),
];

/// Shapes searched between blocks of sentences when aligning coarsely.
pub(crate) const BLOCK_SHAPES: &[Shape] = &[
    shape(1, 1, 0.80),
    shape(1, 0, 0.02),
    shape(0, 1, 0.02),
    shape(2, 1, 0.06),
    shape(1, 2, 0.06),
    shape(2, 2, 0.04),
];

/// The largest number of units a bead takes from one side, at sentence and at block level.
const SENTENCE_MAX_SPAN: usize = 5;
const BLOCK_MAX_SPAN: usize = 2;

/// The size of each unit of one side: characters (for the length term) and letters.
#[derive(Debug, Clone, Default)]
pub(crate) struct UnitSizes {
    pub(crate) chars: Vec<f64>,
    pub(crate) letters: Vec<u32>,
}

impl UnitSizes {
    pub(crate) fn of(sentences: &[&str]) -> UnitSizes {
        UnitSizes {
            chars: sentences.iter().map(|s| s.chars().count() as f64).collect(),
            letters: sentences
                .iter()
                .map(|s| s.chars().filter(|c| c.is_alphabetic()).count() as u32)
                .collect(),
        }
    }
}

/// Which side of the pair a [`Side`] is: beads read the target's anchors span by span, so
/// only the target keeps every span's anchor list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Role {
    Source,
    Target,
}

/// One side of a level of the search: unit lengths and anchors; on the target side, the
/// anchors of every span of up to `max_span` consecutive units, precomputed.
#[derive(Debug, Clone)]
pub(crate) struct Side {
    role: Role,
    /// `prefix[i]` = total length of units `0..i`.
    prefix: Vec<f64>,
    units: Vec<Vec<(u32, u32)>>,
    max_span: usize,
    /// All span anchor lists, one after the other…
    span_anchors: Vec<(u32, u32)>,
    /// …the list of units `end - size..end` starting at `span_starts[end * max_span + size - 1]`
    /// and ending where the next one starts.
    span_starts: Vec<usize>,
    /// `weight_prefix[i]` = total anchor weight of units `0..i`, to bound what a bead can share.
    weight_prefix: Vec<f64>,
    /// Letters per unit: a unit with almost none (OCR debris, a stray page number) is cheap
    /// to leave unaligned.
    letters: Vec<u32>,
}

impl Side {
    pub(crate) fn new(
        role: Role,
        sizes: &UnitSizes,
        anchors: &SideAnchors,
        weights: &[f64],
    ) -> Side {
        Side::from_units(
            role,
            sizes.clone(),
            anchors.sentences.clone(),
            weights,
            SENTENCE_MAX_SPAN,
        )
    }

    fn from_units(
        role: Role,
        UnitSizes { chars, letters }: UnitSizes,
        units: Vec<Vec<(u32, u32)>>,
        weights: &[f64],
        max_span: usize,
    ) -> Side {
        let mut weight_prefix = Vec::with_capacity(units.len() + 1);
        weight_prefix.push(0.0);
        for unit in &units {
            let total: f64 = unit
                .iter()
                .map(|&(id, n)| weights[id as usize] * n as f64)
                .sum();
            weight_prefix.push(weight_prefix.last().copied().unwrap_or(0.0) + total);
        }
        let mut prefix = Vec::with_capacity(chars.len() + 1);
        prefix.push(0.0);
        for l in &chars {
            prefix.push(prefix.last().copied().unwrap_or(0.0) + l);
        }
        let (span_anchors, span_starts) = match role {
            Role::Target => all_spans(&units, max_span),
            Role::Source => (Vec::new(), Vec::new()),
        };
        Side {
            role,
            prefix,
            letters,
            units,
            max_span,
            span_anchors,
            span_starts,
            weight_prefix,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.units.len()
    }

    /// The side with consecutive pairs of units merged into one: half as many units. Blocks
    /// keep only anchors of at least `min_weight`: common anchors cannot place a block but
    /// would make its anchor list long.
    pub(crate) fn coarsened(&self, weights: &[f64], min_weight: f64) -> Side {
        let sizes = UnitSizes {
            chars: (0..self.len().div_ceil(2))
                .map(|k| self.prefix[(2 * k + 2).min(self.len())] - self.prefix[2 * k])
                .collect(),
            letters: self
                .letters
                .chunks(2)
                .map(|pair| pair.iter().fold(0u32, |a, &b| a.saturating_add(b)))
                .collect(),
        };
        let units = self
            .units
            .chunks(2)
            .map(|pair| {
                let mut block = match pair {
                    [a, b] => merge(a, b),
                    [a] => a.clone(),
                    _ => Vec::new(),
                };
                block.retain(|&(id, _)| weights[id as usize] >= min_weight);
                block
            })
            .collect();
        Side::from_units(self.role, sizes, units, weights, BLOCK_MAX_SPAN)
    }

    fn anchor_weight(&self, end: usize, size: usize) -> f64 {
        self.weight_prefix[end] - self.weight_prefix[end - size]
    }

    fn length(&self, end: usize, size: usize) -> f64 {
        self.prefix[end] - self.prefix[end - size]
    }

    /// Anchors of units `end - size..end` (target side only).
    fn anchors(&self, end: usize, size: usize) -> &[(u32, u32)] {
        let k = end * self.max_span + size - 1;
        &self.span_anchors[self.span_starts[k]..self.span_starts[k + 1]]
    }
}

/// The anchor lists of every span of up to `max_span` units, flattened (see [`Side`]).
fn all_spans(units: &[Vec<(u32, u32)>], max_span: usize) -> (Vec<(u32, u32)>, Vec<usize>) {
    let mut anchors = Vec::new();
    let mut starts = Vec::with_capacity((units.len() + 1) * max_span + 1);
    starts.resize(max_span, 0);
    // Two buffers reused for every span: the span one unit longer merges into the other.
    let (mut merged, mut longer) = (Vec::new(), Vec::new());
    for end in 1..=units.len() {
        merged.clear();
        for size in 1..=max_span {
            starts.push(anchors.len());
            if size <= end {
                merge_into(&merged, &units[end - size], &mut longer);
                std::mem::swap(&mut merged, &mut longer);
                anchors.extend_from_slice(&merged);
            }
        }
    }
    starts.push(anchors.len());
    (anchors, starts)
}

/// Sum of two sorted `(id, count)` lists.
fn merge(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    merge_into(a, b, &mut out);
    out
}

/// [`merge`] into `out`, which is cleared first (so that a caller can reuse its allocation).
fn merge_into(a: &[(u32, u32)], b: &[(u32, u32)], out: &mut Vec<(u32, u32)>) {
    out.clear();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

/// Everything needed to price a bead at one level of the search.
pub(crate) struct Scorer<'a> {
    pub(crate) source: &'a Side,
    pub(crate) target: &'a Side,
    pub(crate) weights: &'a [f64],
    pub(crate) shapes: &'a [Shape],
    /// Target length per unit of source length.
    pub(crate) ratio: f64,
    pub(crate) params: &'a Params,
    /// −log prior of each shape, precomputed.
    prior_costs: Vec<f64>,
    /// What each shape takes off every anchor's weight: the more sentences a bead holds, the
    /// likelier its sides share an anchor by chance.
    discounts: Vec<f64>,
    /// `row_counts[size - 1][id]`: count of anchor `id` in the source span of `size` units
    /// ending at the current row, so that a bead's shared anchors cost one pass over its
    /// target side.
    row_counts: Vec<Vec<u32>>,
    row: Option<usize>,
}

impl<'a> Scorer<'a> {
    pub(crate) fn new(
        source: &'a Side,
        target: &'a Side,
        weights: &'a [f64],
        shapes: &'a [Shape],
        params: &'a Params,
    ) -> Scorer<'a> {
        let (s, t) = (source.prefix[source.len()], target.prefix[target.len()]);
        let ratio = if s > 0.0 && t > 0.0 {
            (t / s).clamp(0.25, 4.0)
        } else {
            1.0
        };
        let prior_costs = shapes.iter().map(|s| prior_cost(s, params)).collect();
        let discounts = shapes
            .iter()
            .map(|s| params.chance_discount * ((s.source * s.target).max(1) as f64).ln())
            .collect();
        Scorer {
            source,
            target,
            weights,
            shapes,
            ratio,
            params,
            prior_costs,
            discounts,
            row_counts: vec![vec![0; weights.len()]; source.max_span],
            row: None,
        }
    }

    /// Prices each shape by how often an earlier pass over this document used it (`used`:
    /// the shape index of each of its beads), with the hand prior counted as `prior_beads`
    /// beads besides. Documents differ: one with many untranslated captions or split
    /// sentences needs insertions or 1-2 beads to be cheaper than the hand priors make them,
    /// and the first pass, even where it errs, counts them (a self-trained estimate, like the
    /// re-estimated priors of Moore's aligner). Every shape keeps a share of the hand prior,
    /// so none becomes impossible.
    pub(crate) fn adapt_priors(&mut self, used: impl Iterator<Item = usize>, prior_beads: f64) {
        let mut counts = vec![0.0; self.shapes.len()];
        for shape in used {
            counts[shape] += 1.0;
        }
        let total: f64 = counts.iter().sum();
        let params = self.params;
        self.prior_costs = self
            .shapes
            .iter()
            .zip(&counts)
            .map(|(shape, count)| {
                let prior = (count + prior_beads * shape.prior) / (total + prior_beads);
                prior_cost(&Shape { prior, ..*shape }, params)
            })
            .collect();
    }

    /// Prepares the source spans ending at unit `i` for [`Scorer::cost_below`].
    pub(crate) fn load_row(&mut self, i: usize) {
        if let Some(previous) = self.row.take() {
            self.count_row(previous, false);
        }
        self.count_row(i, true);
        self.row = Some(i);
    }

    /// Adds (or clears) the counts of the source spans ending at unit `i`: unit `i - back`
    /// belongs to every span of at least `back` units.
    fn count_row(&mut self, i: usize, add: bool) {
        let max_span = self.source.max_span;
        for back in 1..=max_span.min(i) {
            for &(id, count) in &self.source.units[i - back] {
                for counts in &mut self.row_counts[back - 1..max_span] {
                    counts[id as usize] = if add { counts[id as usize] + count } else { 0 };
                }
            }
        }
    }

    /// Shared anchor weight of the loaded row's source span of `size` units and `target`.
    fn shared_with_row(&self, size: usize, target: &[(u32, u32)], discount: f64) -> f64 {
        let counts = &self.row_counts[size - 1];
        let mut total = 0.0;
        // Branch-free: an anchor the source lacks, or one the discount cancels, adds 0.0,
        // which leaves the sum exactly as skipping it would. The branches were unpredictable:
        // dropping them removed 17.7 M branches and 11.2 M mispredictions (valgrind's branch
        // simulation, 5,000 Europarl sentences a side).
        for &(id, count) in target {
            let source_count = counts[id as usize];
            let weight = (self.weights[id as usize] - discount).max(0.0);
            total += weight * source_count.min(count) as f64;
        }
        total
    }

    /// Cost of the bead of shape `k` that ends at source unit `i` (the loaded row) and target
    /// unit `j`, or `None` when it cannot be below `bound` (which spares computing the shared
    /// anchors).
    pub(crate) fn cost_below(&self, k: usize, i: usize, j: usize, bound: f64) -> Option<f64> {
        let shape = self.shapes[k];
        let params = self.params;
        let sentences = (shape.source + shape.target) as f64;
        let mut cost = self.prior_costs[k];
        if shape.source == 0 || shape.target == 0 {
            let letters = if shape.source == 1 {
                self.source.letters[i - 1]
            } else {
                self.target.letters[j - 1]
            };
            if (letters as f64) < params.debris_letters {
                cost = params.debris_skip_cost;
            } else {
                cost += params.dice_weight * sentences;
            }
            return (cost < bound).then_some(cost);
        }
        let source_weight = self.source.anchor_weight(i, shape.source);
        let target_weight = self.target.anchor_weight(j, shape.target);
        let lexical = |shared: f64| {
            let dice = 2.0 * shared / (source_weight + target_weight + params.dice_prior);
            params.dice_weight * sentences * (1.0 - dice) - params.lexical_weight * shared
        };
        // Cheapest bounds first: even sharing every anchor, can this bead win?
        let best_lexical = lexical(source_weight.min(target_weight));
        if cost + best_lexical >= bound {
            return None;
        }
        let ls = self.source.length(i, shape.source);
        let lt = self.target.length(j, shape.target);
        cost += params.length_weight * length_cost(ls, lt, self.ratio, params.variance);
        if cost + best_lexical >= bound {
            return None;
        }
        debug_assert_eq!(self.row, Some(i));
        let shared = self.shared_with_row(
            shape.source,
            self.target.anchors(j, shape.target),
            self.discounts[k],
        );
        let total = cost + lexical(shared);
        (total < bound).then_some(total)
    }
}

fn prior_cost(shape: &Shape, params: &Params) -> f64 {
    let extra = (shape.source + shape.target).saturating_sub(2) as f64;
    let skip = if shape.source == 0 || shape.target == 0 {
        params.skip_cost
    } else {
        0.0
    };
    -shape.prior.ln() + extra * params.merge_cost + skip
}

/// −log of the two-tailed probability that `lt` target characters translate `ls` source
/// characters (Gale & Church 1993), computed in log space so that it never saturates.
pub(crate) fn length_cost(ls: f64, lt: f64, ratio: f64, variance: f64) -> f64 {
    let mean = (ls + lt / ratio) / 2.0;
    if mean <= 0.0 {
        return 0.0;
    }
    let delta = ((lt - ls * ratio) / (mean * variance).sqrt()).abs();
    -(2.0f64.ln() + log_normal_tail(delta))
}

/// ln(1 − Φ(x)) for x ≥ 0, by Abramowitz–Stegun 26.2.17 written in log space.
fn log_normal_tail(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.2316419 * x);
    let poly = t
        * (0.319381530
            + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    -x * x / 2.0 - (2.0 * std::f64::consts::PI).sqrt().ln() + poly.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_tail_is_accurate() {
        assert!((log_normal_tail(0.0).exp() - 0.5).abs() < 1e-7);
        assert!((log_normal_tail(1.96).exp() - 0.025).abs() < 1e-4);
        // Far in the tail the cost keeps growing instead of saturating.
        assert!(length_cost(10.0, 400.0, 1.0, 6.8) > length_cost(10.0, 200.0, 1.0, 6.8));
    }

    #[test]
    fn equal_lengths_cost_nothing() {
        assert!(length_cost(50.0, 50.0, 1.0, 6.8).abs() < 1e-6);
    }

    /// Units of these lengths, each with letters enough to be no debris.
    fn sizes(chars: &[f64]) -> UnitSizes {
        UnitSizes {
            chars: chars.to_vec(),
            letters: vec![10; chars.len()],
        }
    }

    #[test]
    fn merging_and_intersecting_anchor_lists() {
        assert_eq!(
            merge(&[(1, 1), (3, 2)], &[(2, 1), (3, 1)]),
            vec![(1, 1), (2, 1), (3, 3)]
        );
        let weights = [0.0, 2.0, 0.0, 0.5];
        let source = Side::from_units(
            Role::Source,
            sizes(&[1.0, 1.0]),
            vec![vec![(3, 1)], vec![(1, 2)]],
            &weights,
            4,
        );
        let target = Side::from_units(
            Role::Target,
            sizes(&[1.0]),
            vec![vec![(1, 1), (3, 4)]],
            &weights,
            4,
        );
        let params = Params::default();
        let mut scorer = Scorer::new(&source, &target, &weights, SENTENCE_SHAPES, &params);
        scorer.load_row(2);
        assert_eq!(scorer.shared_with_row(1, target.anchors(1, 1), 0.0), 2.0);
        assert_eq!(scorer.shared_with_row(2, target.anchors(1, 1), 0.0), 2.5);
        assert_eq!(scorer.shared_with_row(2, target.anchors(1, 1), 1.0), 1.0);
        scorer.load_row(1);
        assert_eq!(scorer.shared_with_row(1, target.anchors(1, 1), 0.0), 0.5);
    }

    #[test]
    fn adapted_priors_follow_the_shapes_a_document_uses() {
        let side = Side::from_units(Role::Target, sizes(&[1.0]), vec![vec![]], &[], 1);
        let params = Params::default();
        let mut scorer = Scorer::new(&side, &side, &[], SENTENCE_SHAPES, &params);
        let index = |source, target| {
            SENTENCE_SHAPES
                .iter()
                .position(|s| (s.source, s.target) == (source, target))
                .unwrap()
        };
        let hand = scorer.prior_costs.clone();
        // A document of 60 beads, a third of them insertions (untranslated captions).
        let used = (0..60).map(|k| if k % 3 == 0 { index(0, 1) } else { index(1, 1) });
        scorer.adapt_priors(used, 20.0);
        let (insertion, one_to_one, unused) = (index(0, 1), index(1, 1), index(1, 5));
        assert!(scorer.prior_costs[insertion] < hand[insertion] - 1.0);
        // Two thirds of 1-1 beads, fewer than the hand prior's 70 %: 1-1 costs a little more.
        assert!(scorer.prior_costs[one_to_one] > hand[one_to_one]);
        // A shape the first pass never used costs more, but stays possible.
        assert!(scorer.prior_costs[unused] > hand[unused]);
        assert!(scorer.prior_costs[unused].is_finite());
        // Counted as many beads as the document, the hand priors hold half the weight.
        let mut even = Scorer::new(&side, &side, &[], SENTENCE_SHAPES, &params);
        even.adapt_priors(std::iter::repeat_n(one_to_one, 60), 60.0);
        // A shape never used keeps half its prior: its cost rises by ln 2.
        assert!((even.prior_costs[unused] - hand[unused] - 2f64.ln()).abs() < 1e-9);
    }

    #[test]
    fn coarsening_halves_the_units() {
        let weights = [1.0];
        let side = Side::from_units(
            Role::Target,
            sizes(&[1.0, 2.0, 3.0]),
            vec![vec![(0, 1)], vec![(0, 1)], vec![]],
            &weights,
            4,
        );
        let coarse = side.coarsened(&weights, 0.0);
        assert_eq!(coarse.len(), 2);
        assert_eq!(coarse.length(1, 1), 3.0);
        assert_eq!(coarse.anchors(1, 1), &[(0, 2)]);
    }
}
