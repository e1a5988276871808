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
            .map(|i| lo[i.saturating_sub(width)].saturating_sub(width))
            .collect();
        let widened_hi = (0..=n)
            .map(|i| (hi[(i + width).min(n)] + width).min(m))
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

/// Aligns two sides, coarse to fine when the grid is too large to search whole.
pub(crate) fn search(
    source: &Side,
    target: &Side,
    weights: &[f64],
    shapes: &[Shape],
    params: &Params,
) -> Vec<Step> {
    let (n, m) = (source.len(), target.len());
    let corridor = if (n + 1) * (m + 1) <= params.full_search_cells || n <= 1 || m <= 1 {
        Corridor::full(n, m)
    } else {
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
    };
    let mut scorer = Scorer::new(source, target, weights, shapes, params);
    best_path(&mut scorer, &corridor)
}

/// The cells a path visits, from (0, 0).
fn path_nodes(path: &[Step]) -> Vec<(usize, usize)> {
    std::iter::once((0, 0))
        .chain(path.iter().map(|s| (s.i, s.j)))
        .collect()
}

/// The posterior probability of each bead of `path`: the share of all alignments (weighted by
/// exp(−cost / temperature)) in a narrow corridor around the path that use that very bead.
pub(crate) fn posteriors(
    scorer: &mut Scorer,
    path: &[Step],
    width: usize,
    temperature: f64,
) -> Vec<f64> {
    let (n, m) = (scorer.source.len(), scorer.target.len());
    let corridor = Corridor::around_path(&path_nodes(path), 1, (n, m), width);
    let shapes = scorer.shapes.len();
    // Scaled cost of every bead that ends in the corridor and starts in it.
    let mut costs = vec![f64::INFINITY; corridor.cells() * shapes];
    let mut alpha = vec![f64::NEG_INFINITY; corridor.cells()];
    alpha[0] = 0.0;
    for i in 0..corridor.rows() {
        scorer.load_row(i);
        for j in corridor.lo[i]..=corridor.hi[i] {
            let here = corridor.offsets[i] + j - corridor.lo[i];
            let mut terms = LogSum::default();
            for k in 0..shapes {
                let Some(previous) = predecessor(&corridor, i, j, &scorer.shapes[k]) else {
                    continue;
                };
                if alpha[previous] == f64::NEG_INFINITY {
                    continue;
                }
                if let Some(cost) = scorer.cost_below(k, i, j, f64::INFINITY) {
                    costs[here * shapes + k] = cost / temperature;
                    terms.add(alpha[previous] - cost / temperature);
                }
            }
            if here > 0 {
                alpha[here] = terms.value();
            }
        }
    }
    let mut beta = vec![f64::NEG_INFINITY; corridor.cells()];
    beta[corridor.cells() - 1] = 0.0;
    for i in (0..corridor.rows()).rev() {
        for j in (corridor.lo[i]..=corridor.hi[i]).rev() {
            let here = corridor.offsets[i] + j - corridor.lo[i];
            let mut terms = LogSum::default();
            for (k, shape) in scorer.shapes.iter().enumerate() {
                if i + shape.source > n {
                    continue;
                }
                if let Some(next) = corridor.index(i + shape.source, j + shape.target) {
                    terms.add(beta[next] - costs[next * shapes + k]);
                }
            }
            if here + 1 < corridor.cells() {
                beta[here] = terms.value();
            }
        }
    }
    let total = alpha[corridor.cells() - 1];
    path.iter()
        .map(|step| {
            let shape = &scorer.shapes[step.shape];
            let (Some(end), Some(start)) = (
                corridor.index(step.i, step.j),
                predecessor(&corridor, step.i, step.j, shape),
            ) else {
                return 0.0;
            };
            let log_p = alpha[start] - costs[end * shapes + step.shape] + beta[end] - total;
            log_p.exp().clamp(0.0, 1.0)
        })
        .collect()
}

/// ln Σ exp(x) accumulated one term at a time without overflow; −∞ for no terms.
#[derive(Default)]
struct LogSum {
    terms: [f64; 16],
    len: usize,
}

impl LogSum {
    fn add(&mut self, x: f64) {
        if x > f64::NEG_INFINITY && self.len < self.terms.len() {
            self.terms[self.len] = x;
            self.len += 1;
        }
    }

    fn value(&self) -> f64 {
        let terms = &self.terms[..self.len];
        let max = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if max == f64::NEG_INFINITY {
            return max;
        }
        max + terms.iter().map(|t| (t - max).exp()).sum::<f64>().ln()
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
    fn corridor_around_a_diagonal_path_is_a_band() {
        let path: Vec<(usize, usize)> = (0..=50).map(|k| (k, k)).collect();
        let c = Corridor::around_path(&path, 2, (100, 100), 3);
        assert!(c.index(50, 50).is_some());
        assert!(c.index(50, 60).is_none());
        assert!(c.index(100, 100).is_some());
        assert!(c.cells() < 101 * 20);
    }
}
