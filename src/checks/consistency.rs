//! Shared helpers of the consistency checks: segments keyed by their normalized text.

use super::{BeadContext, Rule};
use crate::model::Side;
use crate::model::{Finding, Span};
use crate::textutil::{fold_into, word_iter};
use rayon::prelude::*;

/// Minimum words for a segment to take part in consistency checks: short ones (`Yes.`,
/// `Thank you.`) are rightly translated in many ways.
pub const MIN_WORDS: usize = 4;

/// Folded words joined by single spaces: case, accents, punctuation and spacing aside.
pub fn normalized(text: &str) -> Option<String> {
    let mut joined = String::with_capacity(text.len());
    let mut count = 0;
    for w in word_iter(text) {
        if count > 0 {
            joined.push(' ');
        }
        fold_into(w.text, &mut joined);
        count += 1;
    }
    (count >= MIN_WORDS).then_some(joined)
}

/// A bead's source and target as [`normalized`] gives them.
#[derive(Debug)]
pub struct NormalizedBead {
    source: Option<String>,
    target: Option<String>,
}

/// The normalized sides of every bead, computed once for both consistency checks.
fn normalized_beads<'c>(beads: &'c [BeadContext]) -> &'c [NormalizedBead] {
    let Some(first) = beads.first() else {
        return &[];
    };
    // In parallel: the document-level checks run after the beads', on one thread.
    first.document.normalized_beads.get_or_init(|| {
        beads
            .par_iter()
            .map(|ctx| NormalizedBead {
                source: normalized(ctx.source.text),
                target: normalized(ctx.target.text),
            })
            .collect()
    })
}

/// Beads grouped by the normalized text of side `by`, in document order: the groups with at
/// least two members whose other side has at least two normalized forms. Each member comes
/// with its other side's normalized text.
pub fn divergent_groups<'c, 'a>(
    beads: &'c [BeadContext<'a>],
    by: Side,
) -> Vec<Vec<(&'c BeadContext<'a>, &'c str)>> {
    // (key, bead index, other side) sorted by key then index: each group is a run, its
    // members in document order. Sorting spares a hash map entry and a vector per bead.
    let mut keyed: Vec<(&str, usize, &str)> = normalized_beads(beads)
        .iter()
        .enumerate()
        .filter_map(|(i, bead)| {
            let (key, other) = match by {
                Side::Source => (&bead.source, &bead.target),
                Side::Target => (&bead.target, &bead.source),
            };
            Some((key.as_deref()?, i, other.as_deref()?))
        })
        .collect();
    keyed.par_sort_unstable_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
    let mut groups: Vec<(usize, Vec<(&BeadContext, &str)>)> = keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.iter().any(|&(_, _, other)| other != run[0].2))
        .map(|run| {
            let members = run
                .iter()
                .map(|&(_, i, other)| (&beads[i], other))
                .collect();
            (run[0].1, members)
        })
        .collect();
    // Groups in the order of their first members.
    groups.sort_unstable_by_key(|&(first, _)| first);
    groups.into_iter().map(|(_, members)| members).collect()
}

/// Reports every member of a divergent group after the first, on both its sides, with
/// `message(first segment number)`; `suggest` puts the first member's target as suggestion.
pub fn report_divergent(
    beads: &[BeadContext],
    by: Side,
    rule: &'static Rule,
    message: impl Fn(usize) -> String,
    suggest: bool,
    out: &mut Vec<Finding>,
) {
    for group in divergent_groups(beads, by) {
        let (first, first_other) = &group[0];
        for (ctx, _) in group
            .iter()
            .skip(1)
            .filter(|(_, other)| other != first_other)
        {
            let mut finding = ctx
                .finding(rule, message(first.segment + 1))
                .with_source(ctx.source_span(Span::new(0, ctx.source.text.len())))
                .with_target(ctx.target_span(Span::new(0, ctx.target.text.len())));
            if suggest {
                finding = finding.with_suggestion(first.target.text);
            }
            out.push(finding);
        }
    }
}
