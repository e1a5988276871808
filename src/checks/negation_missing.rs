//! negation-missing: the source negates a clause and the target, which keeps what the clause
//! says, negates nothing at all (`It does not work` → `Cela fonctionne`).

use super::coverage::{CoveredWord, coverage, trace_of};
use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::negation::NegationAt;
use crate::locale::pair::lexicon_stem;
use crate::model::{Finding, Severity, Side, Span};
use crate::textutil::{fold, short_key};

pub struct NegationMissing;

static RULE: Rule = Rule {
    id: "negation-missing",
    category: "accuracy/mistranslation",
    severity: Severity::Major,
    summary: "The source negates a clause; the target says it without any negation.",
    explanation: "How each language makes a clause negative is data (`[negation]` in \
`data/<lang>/locale.toml`): English `not`, `n't`, `cannot`, `never`; French `pas`, `jamais`, \
`rien`, `plus`… after `ne` or `n'`; German `nicht`, `kein`, `nie`…, less the phrases that \
negate nothing (`not only`, `whether or not`, `ne … plus que`) and the negations a next word \
cancels (`not without`, `pas moins`, `n'ont pas cessé`). A segment is reported when its source \
negates a clause, the word it negates (the first content word after the negation, passing over \
words that clean translations often leave untraced, `going` of `not going to happen`: \
`data/<pair>/trace-rates.tsv`; in German, when none follows, the nearest before, `Der Zug kam \
gestern nicht`) has its translation in the target, and the target holds no word \
that says a negation of any kind: `not`, `no`, `without`, `ne`, `sans`, `aucun`, `nicht`, \
`ohne`…, a word whose meaning negates (`fail`, `lack`, `empêcher`, `manque`), a word of the \
vocabulary with a negative prefix (`unhappy`, `injuste`, `unmöglich`), or the negated word so \
prefixed (`not acceptable` → `inacceptable`). A translator who puts a negation in other words \
rewords the negated word too (`not easy` → `difficile`, `cannot cope` → `impuissants`), which \
then has no trace, and is left alone; a translation that keeps the word and loses every \
negation says the opposite. A target that keeps another negation elsewhere is left alone too: \
the rule catches about half of the negations dropped, not every one.",
    example: RuleExample {
        source: "The new system does not work in winter.",
        bad: "Le nouveau système fonctionne en hiver.",
        good: "Le nouveau système ne fonctionne pas en hiver.",
        glossary: "",
        context: None,
    },
};

/// How many words after the negation the word it negates may stand (`did not really work`).
const NEGATED_WORD_REACH: usize = 3;

impl Check for NegationMissing {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let (source_negation, target_negation) = (
            &ctx.source.lang.clause_negation,
            &ctx.target.lang.clause_negation,
        );
        if !source_negation.is_known() || !target_negation.is_known() {
            return;
        }
        let source_words = ctx.words(Side::Source);
        let after_apostrophe = |i: usize| {
            let before = &ctx.source.text[..source_words.words()[i].span.start];
            before.trim_end().ends_with(['\'', '’'])
        };
        let negations = source_negation.find(
            source_words.len(),
            |i| source_words.folded(i),
            after_apostrophe,
        );
        if negations.is_empty() {
            return;
        }
        let target_words = ctx.words(Side::Target);
        if target_words.is_empty()
            || target_negation.says_any(
                target_words.len(),
                |i| target_words.folded(i),
                |word| ctx.target.lang.knows(word),
            )
        {
            return;
        }
        // Coverage weighs every word of the bead: asked only of the few beads whose source
        // negates and whose target does not.
        let words = coverage(ctx, Side::Source);
        let kept_without_negation = negations.iter().find_map(|&negation| {
            let negated = negated_words(ctx, negation, &words);
            let word = negated_word(ctx, &negated)?;
            (!negative_form_in_target(ctx, &negated)).then_some((negation, word))
        });
        if let Some((negation, word)) = kept_without_negation {
            out.push(finding(ctx, negation, word));
        }
    }
}

/// The content words a negation may negate: those after its first word (after `ne` in `ne
/// fonctionne pas`, after `not` in `does not work`), the clause word aside (`jamais` in `n'a
/// jamais accepté`), no further than [`NEGATED_WORD_REACH`] words after the clause word; in a
/// language whose negation may end its clause, when none follows, those before it.
fn negated_words(
    ctx: &BeadContext,
    negation: NegationAt,
    content: &[CoveredWord],
) -> Vec<CoveredWord> {
    let words = ctx.words(Side::Source).words();
    let after = words[negation.first].span.end;
    let clause_word = words[negation.last].span;
    let limit = (words.get(negation.last + NEGATED_WORD_REACH))
        .map_or(ctx.source.text.len(), |w| w.span.end);
    let following: Vec<CoveredWord> = (content.iter().copied())
        .filter(|w| w.span != clause_word && w.span.start >= after && w.span.end <= limit)
        .collect();
    if !following.is_empty() || !ctx.source.lang.clause_negation.may_end_clause {
        return following;
    }
    // Nothing after it: a negation that ends its clause negates what stands before it, the
    // nearest first (`Er kam nicht`).
    let from = words[negation.first.saturating_sub(NEGATED_WORD_REACH)]
        .span
        .start;
    let before = words[negation.first].span.start;
    (content.iter().rev().copied())
        .filter(|w| w.span.start >= from && w.span.end <= before)
        .collect()
}

/// The word the negation negates, when the target traces it: the first of `negated` that the
/// target traces, passing over untraced words that translations often leave untraced (`going`
/// of `not going to happen`, `aurais` of `n'aurais jamais dû`), and none when a word that
/// translations carry over goes untraced before it (the negation reworded with it: `not easy`
/// → `difficile`).
fn negated_word(ctx: &BeadContext, negated: &[CoveredWord]) -> Option<Span> {
    let source = ctx.source.text;
    negated
        .iter()
        .find(|w| w.covered || usually_traced(ctx, &source[w.span.range()]))
        .filter(|w| w.covered)
        .map(|w| w.span)
}

/// Whether clean translations trace `word` at least half the time
/// (`data/<pair>/trace-rates.tsv`; a word it does not list counts as traced).
fn usually_traced(ctx: &BeadContext, word: &str) -> bool {
    ctx.pair.trace_rate(short_key(&lexicon_stem(word))) >= USUALLY_TRACED
}

/// The trace rate from which an untraced word counts as reworded, not as left aside.
const USUALLY_TRACED: f64 = 0.5;

/// Whether the target writes one of the negated words with a negative prefix (`not
/// acceptable` → `inacceptable`, `n'est pas capable` → `incapable`).
fn negative_form_in_target(ctx: &BeadContext, negated: &[CoveredWord]) -> bool {
    let target_negation = &ctx.target.lang.clause_negation;
    let target_words = ctx.words(Side::Target);
    negated.iter().any(|word| {
        let negated = fold(&ctx.source.text[word.span.range()]);
        (0..target_words.len())
            .any(|i| target_negation.negative_form_of(target_words.folded(i), &negated))
    })
}

/// The finding on the source's negation, and the target's trace of the negated word.
fn finding(ctx: &BeadContext, negation: NegationAt, negated: Span) -> Finding {
    let words = ctx.words(Side::Source).words();
    let source = ctx.source.text;
    let negation_span = Span::new(
        words[negation.first].span.start,
        words[negation.last].span.end,
    );
    let negated_text = &source[negated.range()];
    let negation_text = &source[negation_span.range()];
    let trace = trace_of(ctx, Side::Source, negated);
    let message = match trace {
        Some(trace) => format!(
            "the source negates `{negated_text}` (`{negation_text}`); the target says `{}` with no negation",
            &ctx.target.text[trace.range()]
        ),
        None => format!(
            "the source negates `{negated_text}` (`{negation_text}`); the target has no negation"
        ),
    };
    let finding = ctx
        .finding(&RULE, message)
        .with_source(ctx.source_span(negation_span));
    match trace {
        Some(trace) => finding.with_target(ctx.target_span(trace)),
        None => finding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{run, run_from_french, run_with};

    #[test]
    fn a_negation_dropped_with_the_negated_word_kept_is_reported() {
        let found = run(
            &NegationMissing,
            "The new system does not work in winter.",
            "Le nouveau système fonctionne en hiver.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "fonctionne");
        assert_eq!(
            found[0].0.message,
            "the source negates `work` (`not`); the target says `fonctionne` with no negation"
        );
        let found = run_from_french(
            &NegationMissing,
            "Le gouvernement n'a jamais accepté cette proposition.",
            "The government accepted this proposal.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "accepted");
    }

    #[test]
    fn a_german_negation_that_ends_its_clause_negates_the_word_before_it() {
        let found = run_with(
            &NegationMissing,
            "Der Zug kam gestern nicht.",
            "Le train est arrivé hier.",
            "de",
            "fr",
            &crate::glossary::Glossary::default(),
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_negation_kept_or_reworded_is_not_reported() {
        let cases = [
            (
                "The new system does not work in winter.",
                "Le nouveau système ne fonctionne pas en hiver.",
            ),
            // The negated word reworded with the negation: `easy` has no trace.
            (
                "It is not easy to find a rule.",
                "Il est difficile de trouver une règle.",
            ),
            // Another word that says a negation.
            (
                "He did not leave a message.",
                "Il est parti sans laisser de message.",
            ),
            // A phrase with `not` that negates nothing.
            (
                "This concerns not only farmers but also consumers.",
                "Cela concerne les agriculteurs et aussi les consommateurs.",
            ),
        ];
        for (source, target) in cases {
            assert_eq!(run(&NegationMissing, source, target).len(), 0, "{target}");
        }
        let found = run_from_french(
            &NegationMissing,
            "Il ne reste plus que deux places.",
            "Only two seats remain.",
        );
        assert_eq!(found.len(), 0, "{found:?}");
    }
}
