//! Shared helpers of the consistency checks: segments keyed by their normalized text.

use super::{BeadContext, Rule};
use crate::model::Side;
use crate::model::{Finding, Span};
use crate::textutil::{fold_into, words};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Minimum words for a segment to take part in consistency checks: short ones (`Yes.`,
/// `Thank you.`) are rightly translated in many ways.
pub const MIN_WORDS: usize = 4;

/// Folded words joined by single spaces: case, accents, punctuation and spacing aside.
pub fn normalized(text: &str) -> Option<String> {
    let words = words(text);
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut joined = String::with_capacity(text.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        fold_into(w.text, &mut joined);
    }
    Some(joined)
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
    let mut groups: FxHashMap<&str, Vec<(&BeadContext, &str)>> = FxHashMap::default();
    let mut order = Vec::new();
    for (ctx, bead) in beads.iter().zip(normalized_beads(beads)) {
        let (key, other) = match by {
            Side::Source => (&bead.source, &bead.target),
            Side::Target => (&bead.target, &bead.source),
        };
        let (Some(k), Some(o)) = (key, other) else {
            continue;
        };
        let group = groups.entry(k.as_str()).or_default();
        if group.is_empty() {
            order.push(k.as_str());
        }
        group.push((ctx, o.as_str()));
    }
    order
        .into_iter()
        .filter_map(|k| groups.remove(k))
        .filter(|g| g.iter().any(|(_, o)| *o != g[0].1))
        .collect()
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
