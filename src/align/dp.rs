//! The search: dynamic programming over bead shapes inside a corridor of cells. Small pairs
//! search every cell; larger ones are first aligned at half resolution (pairs of sentences
//! merged into blocks), recursively, and the fine search only visits a corridor around the
//! projected coarse path — so time and memory grow linearly with the documents.

use super::Params;
use super::cost::{BLOCK_SHAPES, SENTENCE_SHAPES, Scorer, Shape, Side};

// Posterior sums hold one term per shape on the stack.
const _: () = assert!(SENTENCE_SHAPES.len() <= 16 && BLOCK_SHAPES.len() <= 16);

/// For every row `i` (source prefix length, `0..=n`) the inclusive range of columns (target
/// prefix lengths) the search visits.
#[derive(Debug, Clone)]
pub(crate) struct Corridor {
    lo: Vec<usize>,
    hi: Vec<usize>,
    /// Index of the first cell of each row in the flat cell arrays.
    offsets: Vec<usize>,
}

impl Corridor {
    fn new(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Corridor {
        let n = lo.len() - 1;
        lo[0] = 0;
        hi[n] = m;
        // Monotone bounds, and rows that overlap their predecessor, keep every cell of the
        // corridor reachable from (0, 0) and (n, m) reachable from it.
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]).min(m);
        }
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            lo[i] = lo[i].min(hi[i - 1]);
        }
        let mut offsets = Vec::with_capacity(n + 2);
        let mut total = 0;
        for i in 0..=n {
            offsets.push(total);
            total += hi[i] - lo[i] + 1;
        }
        offsets.push(total);
        Corridor { lo, hi, offsets }
    }

    /// Every cell of an `n` × `m` grid.
    pub(crate) fn full(n: usize, m: usize) -> Corridor {
        Corridor::new(vec![0; n + 1], vec![m; n + 1], m)
    }

    /// The cells a path passes through, widened by `width` rows and columns; the path's
    /// coordinates are multiplied by `scale` (2 for a path found at half resolution).
    fn around_path(
        path: &[(usize, usize)],
        scale: usize,
        (n, m): (usize, usize),
        width: usize,
    ) -> Corridor {
        Corridor::around_path_by_row(path, scale, (n, m), |_| width)
    }

    /// [`Corridor::around_path`] with a width chosen row by row.
    fn around_path_by_row(
        path: &[(usize, usize)],
        scale: usize,
        (n, m): (usize, usize),
        width: impl Fn(usize) -> usize,
    ) -> Corridor {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        let fine: Vec<(usize, usize)> = path
            .iter()
            .map(|&(i, j)| ((scale * i).min(n), (scale * j).min(m)))
            .collect();
        for step in fine.windows(2) {
            let ((r0, c0), (r1, c1)) = (step[0], step[1]);
            for r in r0..=r1 {
                lo[r] = lo[r].min(c0);
                hi[r] = hi[r].max(c1);
            }
        }
        if let Some(&(r, c)) = fine.first() {
            lo[r] = lo[r].min(c);
            hi[r] = hi[r].max(c);
        }
        // Rows a rounded path skipped inherit their neighbours' bounds through monotonicity.
        for i in 1..=n {
            if lo[i] == usize::MAX {
                lo[i] = lo[i - 1];
            }
            hi[i] = hi[i].max(hi[i - 1]);
        }
        let widened_lo = (0..=n)
            .map(|i| {
                let width = width(i);
                lo[i.saturating_sub(width)].saturating_sub(width)
            })
            .collect();
        let widened_hi = (0..=n)
            .map(|i| {
                let width = width(i);
                (hi[(i + width).min(n)] + width).min(m)
            })
            .collect();
        Corridor::new(widened_lo, widened_hi, m)
    }

    pub(crate) fn cells(&self) -> usize {
        *self.offsets.last().unwrap_or(&0)
    }

    fn rows(&self) -> usize {
        self.lo.len()
    }

    /// Flat index of cell (i, j), if the corridor holds it.
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.lo[i] && j <= self.hi[i]).then(|| self.offsets[i] + j - self.lo[i])
    }
}

/// One step of a path: the bead of shape `shape` that ends at cell (i, j).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Step {
    pub(crate) i: usize,
    pub(crate) j: usize,
    pub(crate) shape: usize,
}

/// The cheapest path from (0, 0) to (n, m) through the corridor, as its beads in order.
pub(crate) fn best_path(scorer: &mut Scorer, corridor: &Corridor) -> Vec<Step> {
    let mut cost = vec![f64::INFINITY; corridor.cells()];
    let mut back = vec![u8::MAX; corridor.cells()];
    cost[0] = 0.0;
    for i in 0..corridor.rows() {
        scorer.load_row(i);
        for j in corridor.lo[i]..=corridor.hi[i] {
            let here = corridor.offsets[i] + j - corridor.lo[i];
            for (k, shape) in scorer.shapes.iter().enumerate() {
                let Some(previous) = predecessor(corridor, i, j, shape) else {
                    continue;
                };
                let before = cost[previous];
                if before.is_infinite() {
                    continue;
                }
                if let Some(bead) = scorer.cost_below(k, i, j, cost[here] - before) {
                    cost[here] = before + bead;
                    back[here] = k as u8;
                }
            }
        }
    }
    backtrace(scorer.shapes, corridor, &back)
}

/// Flat index of the cell a bead of `shape` ending at (i, j) starts from.
fn predecessor(corridor: &Corridor, i: usize, j: usize, shape: &Shape) -> Option<usize> {
    if shape.source > i || shape.target > j {
        return None;
    }
    corridor.index(i - shape.source, j - shape.target)
}

fn backtrace(shapes: &[Shape], corridor: &Corridor, back: &[u8]) -> Vec<Step> {
    let n = corridor.rows() - 1;
    let mut i = n;
    let mut j = corridor.hi[n];
    let mut steps = Vec::new();
    while i > 0 || j > 0 {
        let Some(k) = corridor
            .index(i, j)
            .map(|c| back[c])
            .filter(|&k| k != u8::MAX)
        else {
            // Unreachable by construction; degrade to deletions and insertions, never panic.
            steps.extend(fallback_steps(shapes, i, j));
            break;
        };
        let k = k as usize;
        steps.push(Step { i, j, shape: k });
        i -= shapes[k].source;
        j -= shapes[k].target;
    }
    steps.reverse();
    steps
}

/// Steps that delete every source unit before `i` and insert every target unit before `j`,
/// in reverse order (they are appended to a reversed path).
fn fallback_steps(shapes: &[Shape], i: usize, j: usize) -> Vec<Step> {
    let deletion = shapes.iter().position(|s| s.source == 1 && s.target == 0);
    let insertion = shapes.iter().position(|s| s.source == 0 && s.target == 1);
    let (Some(del), Some(ins)) = (deletion, insertion) else {
        return Vec::new();
    };
    let insertions = (1..=j).rev().map(|t| Step {
        i,
        j: t,
        shape: ins,
    });
    let deletions = (1..=i).rev().map(|s| Step {
        i: s,
        j: 0,
        shape: del,
    });
    insertions.chain(deletions).collect()
}

/// The cheapest path of blocks, coarse to fine when the grid is too large to search whole:
/// the coarse levels of [`align`], which only need a path.
fn search(
    source: &Side,
    target: &Side,
    weights: &[f64],
    shapes: &[Shape],
    params: &Params,
) -> Vec<Step> {
    let corridor = search_corridor(source, target, weights, params);
    let mut scorer = Scorer::new(source, target, weights, shapes, params);
    best_path(&mut scorer, &corridor)
}

/// The cells worth searching: the whole grid when it is small, else a corridor around the
/// path found at half resolution (recursively).
fn search_corridor(source: &Side, target: &Side, weights: &[f64], params: &Params) -> Corridor {
    let (n, m) = (source.len(), target.len());
    if (n + 1) * (m + 1) <= params.full_search_cells || n <= 1 || m <= 1 {
        return Corridor::full(n, m);
    }
    let (coarse_source, coarse_target) = (
        source.coarsened(weights, params.block_anchor_weight),
        target.coarsened(weights, params.block_anchor_weight),
    );
    let coarse = search(
        &coarse_source,
        &coarse_target,
        weights,
        BLOCK_SHAPES,
        params,
    );
    Corridor::around_path(&path_nodes(&coarse), 2, (n, m), params.corridor_width)
}

/// The cells a path visits, from (0, 0).
fn path_nodes(path: &[Step]) -> Vec<(usize, usize)> {
    std::iter::once((0, 0))
        .chain(path.iter().map(|s| (s.i, s.j)))
        .collect()
}

/// The best path through the search corridor, with each bead's posterior probability: the
/// share of all alignments in the corridor (weighted by exp(−cost / temperature)) that use
/// that very bead. One forward pass gives both, so no bead is priced twice.
pub(crate) fn align(scorer: &mut Scorer, params: &Params, temperature: f64) -> Alignment {
    let corridor = search_corridor(scorer.source, scorer.target, scorer.weights, params);
    let lattice = Lattice::new(scorer, corridor, temperature);
    let steps = backtrace(scorer.shapes, &lattice.corridor, &lattice.best_shape);
    let confidences = steps
        .iter()
        .map(|step| lattice.posterior(step, scorer.shapes))
        .collect();
    Alignment { steps, confidences }
}

/// A path with the posterior probability of each of its beads.
pub(crate) struct Alignment {
    pub(crate) steps: Vec<Step>,
    pub(crate) confidences: Vec<f64>,
}

/// Aligns again near an earlier alignment, with each bead's posterior: a second pass with more
/// evidence corrects the first locally. Only where the earlier beads are less sure than
/// `settled` is the corridor `width` cells wide; elsewhere it holds the earlier path alone,
/// and a bead found again there keeps its earlier confidence. One sweep prices every bead once
/// for both the best path and the posteriors.
pub(crate) fn realign(
    scorer: &mut Scorer,
    earlier: &Alignment,
    settled: f64,
    width: usize,
    temperature: f64,
) -> Alignment {
    let (n, m) = (scorer.source.len(), scorer.target.len());
    let mut wide = vec![false; n + 1];
    for (step, &confidence) in earlier.steps.iter().zip(&earlier.confidences) {
        if confidence < settled {
            let first = (step.i - scorer.shapes[step.shape].source).saturating_sub(width);
            wide[first..=(step.i + width).min(n)].fill(true);
        }
    }
    let nodes = path_nodes(&earlier.steps);
    let row_width = |i: usize| if wide[i] { width } else { 0 };
    let corridor = Corridor::around_path_by_row(&nodes, 1, (n, m), row_width);
    let lattice = Lattice::new(scorer, corridor, temperature);
    let steps = backtrace(scorer.shapes, &lattice.corridor, &lattice.best_shape);
    let mut kept = earlier.steps.iter().zip(&earlier.confidences).peekable();
    let confidences = steps
        .iter()
        .map(|step| {
            // Both paths run through the grid in order of i + j.
            while kept.next_if(|(e, _)| e.i + e.j < step.i + step.j).is_some() {}
            match kept.peek() {
                Some(&(e, &confidence)) if *e == *step && confidence >= settled => confidence,
                _ => lattice.posterior(step, scorer.shapes),
            }
        })
        .collect();
    Alignment { steps, confidences }
}

/// Every bead of a corridor priced once, with forward and backward sums over the paths
/// through it (in log space, costs divided by the temperature) and the cheapest way into
/// each cell.
struct Lattice {
    corridor: Corridor,
    shapes: usize,
    /// Scaled cost of every bead that ends in the corridor and starts in it, by cell and
    /// shape; infinite for the others.
    costs: Vec<f64>,
    /// ln of the summed weight of the paths from (0, 0) to each cell…
    alpha: Vec<f64>,
    /// …and from each cell to (n, m).
    beta: Vec<f64>,
    /// Shape of the last bead of the cheapest path into each cell (`u8::MAX`: none).
    best_shape: Vec<u8>,
}

impl Lattice {
    fn new(scorer: &mut Scorer, corridor: Corridor, temperature: f64) -> Lattice {
        let shapes = scorer.shapes.len();
        let cells = corridor.cells();
        let mut lattice = Lattice {
            corridor,
            shapes,
            costs: vec![f64::INFINITY; cells * shapes],
            alpha: vec![f64::NEG_INFINITY; cells],
            beta: vec![f64::NEG_INFINITY; cells],
            best_shape: vec![u8::MAX; cells],
        };
        lattice.forward(scorer, temperature);
        lattice.backward(scorer);
        lattice
    }

    /// Prices the beads and sums the paths into every cell, keeping the cheapest.
    fn forward(&mut self, scorer: &mut Scorer, temperature: f64) {
        let corridor = &self.corridor;
        let shapes = self.shapes;
        let mut best = vec![f64::INFINITY; corridor.cells()];
        best[0] = 0.0;
        self.alpha[0] = 0.0;
        for i in 0..corridor.rows() {
            scorer.load_row(i);
            for j in corridor.lo[i]..=corridor.hi[i] {
                let here = corridor.offsets[i] + j - corridor.lo[i];
                let mut terms = LogSum::default();
                for k in 0..shapes {
                    let Some(previous) = predecessor(corridor, i, j, &scorer.shapes[k]) else {
                        continue;
                    };
                    if self.alpha[previous] == f64::NEG_INFINITY {
                        continue;
                    }
                    // A bead whose paths weigh e^NEGLIGIBLE less than the heaviest so far
                    // cannot move the sum: no need to price it.
                    let bound = temperature * (self.alpha[previous] - terms.max + NEGLIGIBLE);
                    if let Some(cost) = scorer.cost_below(k, i, j, bound) {
                        let scaled = cost / temperature;
                        self.costs[here * shapes + k] = scaled;
                        terms.add(self.alpha[previous] - scaled);
                        if best[previous] + scaled < best[here] {
                            best[here] = best[previous] + scaled;
                            self.best_shape[here] = k as u8;
                        }
                    }
                }
                if here > 0 {
                    self.alpha[here] = terms.value();
                }
            }
        }
    }

    fn backward(&mut self, scorer: &Scorer) {
        let corridor = &self.corridor;
        let (n, shapes) = (corridor.rows() - 1, self.shapes);
        self.beta[corridor.cells() - 1] = 0.0;
        for i in (0..corridor.rows()).rev() {
            for j in (corridor.lo[i]..=corridor.hi[i]).rev() {
                let here = corridor.offsets[i] + j - corridor.lo[i];
                let mut terms = LogSum::default();
                for (k, shape) in scorer.shapes.iter().enumerate() {
                    if i + shape.source > n {
                        continue;
                    }
                    if let Some(next) = corridor.index(i + shape.source, j + shape.target) {
                        terms.add(self.beta[next] - self.costs[next * shapes + k]);
                    }
                }
                if here + 1 < corridor.cells() {
                    self.beta[here] = terms.value();
                }
            }
        }
    }

    /// The posterior probability of one bead: the share of the paths' weight through it.
    fn posterior(&self, step: &Step, shapes: &[Shape]) -> f64 {
        let corridor = &self.corridor;
        let (Some(end), Some(start)) = (
            corridor.index(step.i, step.j),
            predecessor(corridor, step.i, step.j, &shapes[step.shape]),
        ) else {
            return 0.0;
        };
        let total = self.alpha[corridor.cells() - 1];
        let log_p =
            self.alpha[start] - self.costs[end * self.shapes + step.shape] + self.beta[end] - total;
        log_p.exp().clamp(0.0, 1.0)
    }
}

/// How many nats below the heaviest term of a log sum a term may be left out: e^−20 ≈ 2·10⁻⁹,
/// far below the three decimals a confidence is shown with.
const NEGLIGIBLE: f64 = 20.0;

/// ln Σ exp(x) accumulated one term at a time without overflow; −∞ for no terms.
struct LogSum {
    terms: [f64; 16],
    len: usize,
    /// The largest term so far.
    max: f64,
}

impl Default for LogSum {
    fn default() -> Self {
        LogSum {
            terms: [0.0; 16],
            len: 0,
            max: f64::NEG_INFINITY,
        }
    }
}

impl LogSum {
    fn add(&mut self, x: f64) {
        if x > f64::NEG_INFINITY && self.len < self.terms.len() {
            self.terms[self.len] = x;
            self.len += 1;
            self.max = self.max.max(x);
        }
    }

    fn value(&self) -> f64 {
        let max = self.max;
        if max == f64::NEG_INFINITY {
            return max;
        }
        max + self.terms[..self.len]
            .iter()
            .map(|t| (t - max).exp())
            .sum::<f64>()
            .ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_corridor_holds_every_cell() {
        let c = Corridor::full(3, 4);
        assert_eq!(c.cells(), 20);
        assert_eq!(c.index(3, 4), Some(19));
    }

    #[test]
    fn a_corridor_can_be_wide_in_some_rows_only() {
        let path: Vec<(usize, usize)> = (0..=100).map(|k| (k, k)).collect();
        let c = Corridor::around_path_by_row(&path, 1, (100, 100), |i| if i >= 50 { 3 } else { 0 });
        assert!(c.index(20, 20).is_some());
        assert!(c.index(20, 22).is_none());
        assert!(c.index(70, 73).is_some());
        assert!(c.index(100, 100).is_some());
    }

    #[test]
    fn corridor_around_a_diagonal_path_is_a_band() {
        let path: Vec<(usize, usize)> = (0..=50).map(|k| (k, k)).collect();
        let c = Corridor::around_path(&path, 2, (100, 100), 3);
        assert!(c.index(50, 50).is_some());
        assert!(c.index(50, 60).is_none());
        assert!(c.index(100, 100).is_some());
        assert!(c.cells() < 101 * 20);
    }
}
