//! opposite-meaning: the target says the opposite of the source (`rose` → `a baissé`, `more
//! than` → `moins de`, `South America` → `Amérique du Nord`).

use super::side_words::SideWords;
use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::Language;
use crate::locale::opposites::Mention;
use crate::model::{Finding, Severity, Side, Span};

pub struct OppositeMeaning;

static RULE: Rule = Rule {
    id: "opposite-meaning",
    category: "accuracy/mistranslation",
    severity: Severity::Major,
    summary: "The target says the opposite of the source (`rose` → `a baissé`).",
    explanation: "Words of opposite meaning are data, the forms of each sense in each language \
(`data/<pair>/opposites.toml`: rise and fall, more than and less than, north and south, \
import and export, win and lose, men and women…). A segment is reported when its source says \
one sense more often than its target does while the target says the opposite more often than \
the source (`Unemployment rose` → `Le chômage a baissé`); a target that says both as often as \
the source, or neither, is left alone, for a translator may well put it in other words. A \
negation shortly before any of the pair's words, on either side (`failed` ↔ `n'a pas réussi`, \
`less wealthy` ↔ `plus pauvre`; `[negation]` in `data/<lang>/locale.toml`), leaves the pair \
unjudged in that segment, and idioms whose words are no such sense are listed apart (`sooner \
or later`, `droits de l'homme`).",
    example: RuleExample {
        source: "Unemployment rose sharply in the second quarter.",
        bad: "Le chômage a fortement baissé au deuxième trimestre.",
        good: "Le chômage a fortement augmenté au deuxième trimestre.",
        glossary: "",
        context: None,
    },
};

/// How many words before a sense a negation reverses it (`did not really rise`).
const NEGATION_REACH: usize = 6;

impl Check for OppositeMeaning {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let opposites = &ctx.pair.opposites;
        let source_words = ctx.words(Side::Source);
        let source = opposites.in_source(source_words.len(), |i| source_words.folded(i));
        if source.is_empty() {
            return;
        }
        let target_words = ctx.words(Side::Target);
        let target = opposites.in_target(target_words.len(), |i| target_words.folded(i));
        let mut judged: Vec<u32> = Vec::new();
        for pair in source.iter().map(Mention::pair) {
            if judged.contains(&pair) {
                continue;
            }
            judged.push(pair);
            let pair_negated = |mentions: &[Mention], words: &SideWords, lang: &Language| {
                (mentions.iter())
                    .filter(|m| m.pair() == pair)
                    .any(|m| negated(m, words, lang))
            };
            if pair_negated(&source, source_words, ctx.source.lang)
                || pair_negated(&target, target_words, ctx.target.lang)
            {
                continue;
            }
            if let Some(finding) = reversal(ctx, pair, &source, &target) {
                out.push(finding);
            }
        }
    }
}

/// The finding when the target turns one of the pair's senses the source says into its
/// opposite: the source says it more often than the target, the target its opposite more
/// often than the source. On the first such words of each side.
fn reversal(
    ctx: &BeadContext,
    pair: u32,
    source: &[Mention],
    target: &[Mention],
) -> Option<Finding> {
    let saying = |mentions: &[Mention], opposite: bool| {
        (mentions.iter())
            .filter(move |m| m.pair() == pair && m.is_opposite() == opposite)
            .copied()
            .collect::<Vec<_>>()
    };
    [false, true].into_iter().find_map(|said| {
        let (source_said, target_said) = (saying(source, said), saying(target, said));
        let (source_other, target_other) = (saying(source, !said), saying(target, !said));
        if source_said.len() <= target_said.len() || target_other.len() <= source_other.len() {
            return None;
        }
        let source_span = words_span(ctx.words(Side::Source), &source_said[0]);
        let target_span = words_span(ctx.words(Side::Target), &target_other[0]);
        let quoted = |text: &str, span: Span| text[span.start..span.end].to_string();
        Some(
            ctx.finding(
                &RULE,
                format!(
                    "`{}` says the opposite of `{}`",
                    quoted(ctx.target.text, target_span),
                    quoted(ctx.source.text, source_span)
                ),
            )
            .with_source(ctx.source_span(source_span))
            .with_target(ctx.target_span(target_span)),
        )
    })
}

/// Whether a negation stands shortly before the mention's words.
fn negated(mention: &Mention, words: &SideWords, lang: &Language) -> bool {
    let from = mention.first.saturating_sub(NEGATION_REACH);
    (from..mention.first).any(|i| lang.negators.contains(words.folded(i)))
}

/// The text span of a mention's words.
fn words_span(words: &SideWords, mention: &Mention) -> Span {
    let all = words.words();
    Span::new(all[mention.first].span.start, all[mention.end - 1].span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{run, run_from_french};

    #[test]
    fn a_sense_turned_into_its_opposite_is_reported() {
        let found = run(
            &OppositeMeaning,
            "Unemployment rose sharply in the second quarter.",
            "Le chômage a fortement baissé au deuxième trimestre.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "baissé");
        assert_eq!(found[0].0.message, "`baissé` says the opposite of `rose`");
        let found = run(
            &OppositeMeaning,
            "Profits rose by more than 20% last year.",
            "Les bénéfices ont augmenté de moins de 20 % l'an dernier.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "moins de");
        let found = run_from_french(
            &OppositeMeaning,
            "Les conflits régionaux en Amérique du Sud.",
            "Regional conflicts in North America.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "North");
        // German is data too.
        let found = crate::checks::testing::run_with(
            &OppositeMeaning,
            "Die Exporte nach China stiegen.",
            "Les importations vers la Chine ont augmenté.",
            "de",
            "fr",
            &crate::glossary::Glossary::default(),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "importations");
    }

    #[test]
    fn both_senses_negations_and_idioms_are_left_alone() {
        let clean = [
            // The right sense.
            ("Unemployment rose.", "Le chômage a augmenté."),
            // Both senses on both sides, in another order.
            (
                "Prices fell while wages rose.",
                "Les salaires ont augmenté tandis que les prix ont baissé.",
            ),
            // The sense negated.
            (
                "Valley failed to convince the jury.",
                "Valley n'a pas réussi à convaincre le jury.",
            ),
            (
                "The other bank was less wealthy.",
                "L'autre banque était plus pauvre.",
            ),
            // An idiom.
            (
                "Women's rights are human rights, and women know it.",
                "Les droits des femmes sont des droits de l'homme, et elles le savent.",
            ),
        ];
        for (source, target) in clean {
            let found = run(&OppositeMeaning, source, target);
            assert!(found.is_empty(), "{target}: {found:?}");
        }
        // The opposite alone, where the source says neither: nothing to compare.
        assert!(run(&OppositeMeaning, "Prices moved.", "Les prix ont baissé.").is_empty());
    }
}
