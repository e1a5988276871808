//! Sentences of a multi-sentence segment that have no counterpart on the other side: the
//! whole-sentence evidence of the omission and addition checks.

use super::BeadContext;
use super::coverage::CoveredWord;
use crate::model::{Side, Span};

/// Confidence the aligner must have in a sentence-to-nothing bead inside a segment.
const MIN_SUB_BEAD_CONFIDENCE: f64 = 0.8;
/// Share (in tenths) of a sentence's content words that must have no trace for the whole
/// sentence to count as unpaired.
const UNTRACED_SENTENCE_TENTHS: usize = 9;
/// Content words a sentence needs before its lack of traces means anything.
const MIN_CONTENT_WORDS: usize = 3;

/// When `side` has more sentences than the other side, the spans (in `side`'s bead text) of
/// its sentences that the aligner confidently pairs with nothing — or, failing that, of
/// which nearly no content word (`words`, the coverage of `side`) has a trace.
pub fn unpaired_sentences(ctx: &BeadContext, side: Side, words: &[CoveredWord]) -> Vec<Span> {
    let (mine, other) = match side {
        Side::Source => (&ctx.source, &ctx.target),
        Side::Target => (&ctx.target, &ctx.source),
    };
    let mine = mine.substantial_sentences();
    let other = other.substantial_sentences();
    if mine.len() <= other.len() {
        return Vec::new();
    }
    let aligned = if other.is_empty() {
        Vec::new()
    } else {
        left_out_by_aligner(ctx, side, &mine, &other)
    };
    if !aligned.is_empty() {
        return aligned;
    }
    mine.iter()
        .map(|(span, _)| *span)
        .filter(|span| {
            let inside: Vec<&CoveredWord> = words
                .iter()
                .filter(|w| span.start <= w.span.start && w.span.end <= span.end)
                .collect();
            let untraced = inside.iter().filter(|w| !w.covered).count();
            inside.len() >= MIN_CONTENT_WORDS
                && untraced * 10 >= inside.len() * UNTRACED_SENTENCE_TENTHS
        })
        .collect()
}

/// Sentences of `mine` in beads that the aligner pairs with nothing, confidently.
fn left_out_by_aligner(
    ctx: &BeadContext,
    side: Side,
    mine: &[(Span, &str)],
    other: &[(Span, &str)],
) -> Vec<Span> {
    let mine_texts: Vec<&str> = mine.iter().map(|(_, t)| *t).collect();
    let other_texts: Vec<&str> = other.iter().map(|(_, t)| *t).collect();
    let beads = match side {
        Side::Source => ctx.aligner.align(&mine_texts, &other_texts),
        Side::Target => ctx.aligner.align(&other_texts, &mine_texts),
    };
    beads
        .into_iter()
        .filter(|b| b.confidence >= MIN_SUB_BEAD_CONFIDENCE)
        .filter_map(|b| match side {
            Side::Source => b.target.is_empty().then_some(b.source),
            Side::Target => b.source.is_empty().then_some(b.target),
        })
        .flat_map(|range| {
            mine[range]
                .iter()
                .map(|(span, _)| *span)
                .collect::<Vec<_>>()
        })
        .collect()
}
