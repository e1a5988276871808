//! Shared helpers of the consistency checks: segments keyed by their normalized text.

use super::side_words::SideWords;
use super::{BeadContext, Rule};
use crate::model::Side;
use crate::model::{Finding, Span};
use rayon::prelude::*;

/// Minimum words for a segment to take part in consistency checks: short ones (`Yes.`,
/// `Thank you.`) are rightly translated in many ways.
pub const MIN_WORDS: usize = 4;

/// Folded words joined by single spaces: case, accents, punctuation and spacing aside. The
/// words are the bead's, split and folded once for all its checks.
fn normalized(words: &SideWords) -> Option<String> {
    (words.len() >= MIN_WORDS).then(|| words.joined())
}

/// A bead's source and target as [`normalized`] gives them.
#[derive(Debug)]
pub struct NormalizedBead {
    source: Option<String>,
    target: Option<String>,
}

impl NormalizedBead {
    pub fn of(ctx: &BeadContext) -> Self {
        NormalizedBead {
            source: normalized(ctx.words(Side::Source)),
            target: normalized(ctx.words(Side::Target)),
        }
    }
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
    // The bead pass keeps every bead's normalized text when a consistency check runs.
    debug_assert!(beads.iter().all(|b| b.normalized.is_some()));
    let mut keyed: Vec<(&str, usize, &str)> = beads
        .iter()
        .enumerate()
        .filter_map(|(i, ctx)| {
            let bead = ctx.normalized.as_ref()?;
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
        .filter(|run| diverges(run.iter().map(|&(_, _, other)| other)))
        .filter_map(|run| {
            // A member whose target traces none of its source's content words is a free
            // rendering or a misalignment: it says nothing of a translation reused where it
            // does not fit, and two free renderings of one idea may well be one sentence
            // (Europarl's `It bears no relation` and `It is no such thing`, both `Cela n'a rien
            // à voir`).
            let members: Vec<(&BeadContext, &str)> = run
                .iter()
                .map(|&(_, i, other)| (&beads[i], other))
                .filter(|(ctx, _)| translates_each_other(ctx))
                .collect();
            diverges(members.iter().map(|&(_, other)| other))
                .then(|| (members[0].0.segment, members))
        })
        .collect();
    // Groups in the order of their first members.
    groups.sort_unstable_by_key(|&(first, _)| first);
    groups.into_iter().map(|(_, members)| members).collect()
}

/// Whether the texts hold at least two different ones.
fn diverges<'t>(mut texts: impl Iterator<Item = &'t str>) -> bool {
    let Some(first) = texts.next() else {
        return false;
    };
    texts.any(|text| text != first)
}

/// Whether a content word of the bead's source has a trace anywhere in its target (the same
/// word, a cognate, a translation the lexicon knows), or the source has none to trace.
fn translates_each_other(ctx: &BeadContext) -> bool {
    let keys = ctx.coverage_keys(Side::Source);
    let partners = ctx.partners(Side::Source);
    let mut content = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| k.is_content())
        .peekable();
    content.peek().is_none() || content.any(|(i, _)| !partners.of(i).is_empty())
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
