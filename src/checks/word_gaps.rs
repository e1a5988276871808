//! Omitted or added stretches found between word anchors. Words of the two sides of a bead
//! that are the same, cognates or lexicon translations are chained in order (the longest
//! monotone chain); between two consecutive anchors, one side may have several content words
//! while the other has next to nothing. That is the signature of a dropped (or added) clause:
//! in a free translation the untraced words of one side face untraced words of the other,
//! while after an omission the neighbours of the missing stretch stand side by side in the
//! translation.

use super::BeadContext;
use super::coverage::{CoveredWord, WordKey};
use crate::locale::pair::StemLexicon;
use crate::model::{Side, Span};

/// Content words a stretch needs before its absence on the other side counts.
const MIN_GAP_CONTENT_WORDS: usize = 3;
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

/// Stretches of side `from` of the bead that the other side skips; `ratio` is the expected
/// length of the other side per character of `from`.
pub fn unanchored_gaps(
    ctx: &BeadContext,
    from: Side,
    ratio: f64,
    coverage: &[CoveredWord],
) -> Vec<Gap> {
    let lexicon = ctx.lexicon_from(from);
    let (mine, other) = (ctx.coverage_keys(from), ctx.coverage_keys(from.other()));
    let (my_text, other_text) = (ctx.side(from).text, ctx.side(from.other()).text);
    let matches = word_matches(mine, other, lexicon);
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
        if gap.content_words < MIN_GAP_CONTENT_WORDS {
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

/// Every (index in `mine`, index in `other`) pair of words that match, in order.
fn word_matches(mine: &[WordKey], other: &[WordKey], lexicon: &StemLexicon) -> Vec<(usize, usize)> {
    let mut matches = Vec::new();
    for (i, w) in mine
        .iter()
        .enumerate()
        .filter(|(_, w)| w.is_anchor_candidate())
    {
        let translations = lexicon.translations_of(w.stem());
        for (j, t) in other.iter().enumerate() {
            if t.is_anchor_candidate() && w.matches(t, translations) {
                matches.push((i, j));
            }
        }
    }
    matches
}

/// The longest chain of matches in the same order on both sides (both indices increasing).
fn longest_monotone_chain(matches: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Longest increasing chain, quadratic in the matches (a few dozen per bead).
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
    use super::super::{BeadContext, Check, Rule, RuleExample};
    use super::*;
    use crate::checks::testing::run;
    use crate::model::{Finding, Severity};

    static PROBE: Rule = Rule {
        id: "gap-probe",
        category: "test",
        severity: Severity::Minor,
        summary: "",
        explanation: "",
        example: RuleExample {
            source: "",
            bad: "",
            good: "",
            glossary: "",
            context: None,
        },
    };

    /// Reports every gap of the source, whatever the lengths say.
    struct GapProbe;

    impl Check for GapProbe {
        fn rule(&self) -> &'static Rule {
            &PROBE
        }

        fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
            let words = coverage(ctx, Side::Source);
            for gap in unanchored_gaps(ctx, Side::Source, 1.1, &words) {
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
}
