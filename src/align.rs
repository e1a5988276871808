//! Align: paragraphs first, then the sentences inside each aligned paragraph group, by dynamic
//! programming over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2) with the Gale–Church length cost,
//! searched in a band around the diagonal so that time and memory grow linearly.

use crate::model::{Bead, Sentence};
use crate::normalize::Document;

/// Bead shapes the search may use, with Gale & Church's prior probabilities.
const SHAPES: &[(usize, usize, f64)] = &[
    (1, 1, 0.89),
    (1, 0, 0.0099 / 2.0),
    (0, 1, 0.0099 / 2.0),
    (2, 1, 0.089 / 2.0),
    (1, 2, 0.089 / 2.0),
    (2, 2, 0.011),
];

/// Variance of target length per source character (Gale & Church 1993).
const VARIANCE_PER_CHAR: f64 = 6.8;

/// Aligns two segmented documents: paragraphs by length, then sentences within paragraphs.
pub fn align_documents(
    source: &Document,
    source_sentences: &[Sentence],
    target: &Document,
    target_sentences: &[Sentence],
) -> Vec<Bead> {
    let paragraph_lengths = |doc: &Document, sentences: &[Sentence]| -> Vec<usize> {
        let count = sentences.last().map_or(0, |s| s.paragraph + 1);
        let mut lengths = vec![0; count];
        for s in sentences {
            lengths[s.paragraph] += doc.slice(s.span).chars().count();
        }
        lengths
    };
    let src_par = paragraph_lengths(source, source_sentences);
    let tgt_par = paragraph_lengths(target, target_sentences);
    let ratio = length_ratio(&src_par, &tgt_par);
    let paragraph_beads = align_lengths(&src_par, &tgt_par, ratio);

    let sentence_range = |sentences: &[Sentence], paragraphs: &std::ops::Range<usize>| {
        let start = sentences.partition_point(|s| s.paragraph < paragraphs.start);
        let end = sentences.partition_point(|s| s.paragraph < paragraphs.end);
        start..end
    };
    let lengths = |doc: &Document, sentences: &[Sentence]| -> Vec<usize> {
        sentences
            .iter()
            .map(|s| doc.slice(s.span).chars().count())
            .collect()
    };
    let mut beads = Vec::new();
    for pb in paragraph_beads {
        let src = sentence_range(source_sentences, &pb.source);
        let tgt = sentence_range(target_sentences, &pb.target);
        let src_len = lengths(source, &source_sentences[src.clone()]);
        let tgt_len = lengths(target, &target_sentences[tgt.clone()]);
        for b in align_lengths(&src_len, &tgt_len, ratio) {
            beads.push(Bead {
                source: b.source.start + src.start..b.source.end + src.start,
                target: b.target.start + tgt.start..b.target.end + tgt.start,
                confidence: b.confidence.min(pb.confidence.max(0.5)),
            });
        }
    }
    beads
}

/// Target characters per source character over the whole document.
fn length_ratio(source: &[usize], target: &[usize]) -> f64 {
    let s: usize = source.iter().sum();
    let t: usize = target.iter().sum();
    if s == 0 || t == 0 {
        1.0
    } else {
        (t as f64 / s as f64).clamp(0.5, 2.0)
    }
}

/// Gale–Church alignment of two sequences of lengths, in a band around the diagonal.
pub fn align_lengths(source: &[usize], target: &[usize], ratio: f64) -> Vec<Bead> {
    let (n, m) = (source.len(), target.len());
    let band = band_width(n, m);
    let diagonal = |i: usize| -> usize { (i * m).checked_div(n).unwrap_or(0) };
    let in_band = |i: usize, j: usize| diagonal(i).abs_diff(j) <= band;
    // cost[i][j - lo(i)] for j within the band of row i.
    let lo = |i: usize| diagonal(i).saturating_sub(band);
    let hi = |i: usize| (diagonal(i) + band).min(m);
    let mut cost: Vec<Vec<f64>> = (0..=n)
        .map(|i| vec![f64::INFINITY; hi(i) - lo(i) + 1])
        .collect();
    let mut back: Vec<Vec<u8>> = (0..=n).map(|i| vec![0; hi(i) - lo(i) + 1]).collect();
    cost[0][0] = 0.0;
    let prefix = |v: &[usize]| -> Vec<usize> {
        std::iter::once(0)
            .chain(v.iter().scan(0, |acc, &x| {
                *acc += x;
                Some(*acc)
            }))
            .collect()
    };
    let (ps, pt) = (prefix(source), prefix(target));
    for i in 0..=n {
        for j in lo(i)..=hi(i) {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (f64::INFINITY, 0u8);
            for (k, &(ds, dt, prior)) in SHAPES.iter().enumerate() {
                if ds > i
                    || dt > j
                    || !in_band(i - ds, j - dt)
                    || j - dt > hi(i - ds)
                    || j - dt < lo(i - ds)
                {
                    continue;
                }
                let previous = cost[i - ds][j - dt - lo(i - ds)];
                if previous.is_infinite() {
                    continue;
                }
                let ls = ps[i] - ps[i - ds];
                let lt = pt[j] - pt[j - dt];
                let c = previous + bead_cost(ls, lt, ratio, prior);
                if c < best.0 {
                    best = (c, k as u8);
                }
            }
            cost[i][j - lo(i)] = best.0;
            back[i][j - lo(i)] = best.1;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (ds, dt, _) = SHAPES[back[i][j - lo(i)] as usize];
        let ls = ps[i] - ps[i - ds];
        let lt = pt[j] - pt[j - dt];
        beads.push(Bead {
            source: i - ds..i,
            target: j - dt..j,
            confidence: length_fit(ls, lt, ratio),
        });
        i -= ds;
        j -= dt;
    }
    beads.reverse();
    beads
}

fn band_width(n: usize, m: usize) -> usize {
    (n.abs_diff(m) + 20).max(n.max(m) / 10)
}

/// −log P(bead) for a bead of `ls` source and `lt` target characters.
fn bead_cost(ls: usize, lt: usize, ratio: f64, prior: f64) -> f64 {
    -prior.ln() - length_fit(ls, lt, ratio).max(1e-12).ln()
}

/// Two-tailed probability that `lt` target characters translate `ls` source characters.
fn length_fit(ls: usize, lt: usize, ratio: f64) -> f64 {
    if ls == 0 && lt == 0 {
        return 1.0;
    }
    if ls == 0 || lt == 0 {
        // An insertion or deletion: the prior already says how rare it is.
        return 0.5;
    }
    let mean = (ls as f64 + lt as f64 / ratio) / 2.0;
    let delta = (lt as f64 - ls as f64 * ratio) / (mean * VARIANCE_PER_CHAR).sqrt();
    2.0 * (1.0 - standard_normal_cdf(delta.abs()))
}

/// Φ(x), by the Abramowitz–Stegun 26.2.17 approximation (error < 7.5e-8).
fn standard_normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.2316419 * x.abs());
    let poly = t
        * (0.319381530
            + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    let tail = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 { 1.0 - tail } else { tail }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covers_in_order(beads: &[Bead], n: usize, m: usize) {
        let (mut i, mut j) = (0, 0);
        for b in beads {
            assert_eq!(b.source.start, i);
            assert_eq!(b.target.start, j);
            i = b.source.end;
            j = b.target.end;
        }
        assert_eq!((i, j), (n, m));
    }

    #[test]
    fn identical_lengths_align_on_the_diagonal() {
        let lengths = [40, 80, 12, 100, 55];
        let beads = align_lengths(&lengths, &lengths, 1.0);
        assert_eq!(beads.len(), 5);
        assert!(beads.iter().all(|b| b.kind().to_string() == "1-1"));
    }

    #[test]
    fn finds_a_merge() {
        let beads = align_lengths(&[50, 40, 45, 60], &[50, 88, 60], 1.0);
        covers_in_order(&beads, 4, 3);
        assert_eq!(beads[1].kind().to_string(), "2-1");
    }

    #[test]
    fn empty_sides_give_only_insertions_or_deletions() {
        let beads = align_lengths(&[], &[10, 20], 1.0);
        covers_in_order(&beads, 0, 2);
        assert!(beads.iter().all(|b| b.source.is_empty()));
        let beads = align_lengths(&[10, 20], &[], 1.0);
        assert!(beads.iter().all(|b| b.target.is_empty()));
    }

    #[test]
    fn normal_cdf_is_accurate() {
        assert!((standard_normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((standard_normal_cdf(1.96) - 0.975).abs() < 1e-4);
    }
}
