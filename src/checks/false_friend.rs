//! term-false-friend: a target word that looks like the source word but means something else
//! in this context (`Les partages` for stock-market shares), from the pair's data.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Span};
use crate::textutil::match_case;

pub struct FalseFriendCheck;

static RULE: Rule = Rule {
    id: "term-false-friend",
    category: "accuracy/mistranslation",
    severity: Severity::Major,
    summary: "A false friend or known machine-translation pitfall in the target.",
    explanation: "Each entry of `data/<pair>/false-friends.toml` names a source pattern, the \
sense it must be used in (a context pattern, and one that rules it out), the wrong target \
rendering and the right one. The finding points at the wrong words and suggests the right \
ones with the original capitalization; the entry sets the severity.",
    example: RuleExample {
        source: "Shares in the social network regained ground, trading 3.6% higher.",
        bad: "Les partages sur le réseau social ont regagné du terrain, en hausse de 3,6 %.",
        good: "Les actions du réseau social ont regagné du terrain, en hausse de 3,6 %.",
        glossary: "",
        context: None,
    },
};

impl Check for FalseFriendCheck {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        for entry in ctx.pair.false_friends_for(ctx.source.text) {
            for captures in entry.wrong_pattern().captures_iter(ctx.target.text) {
                let whole = captures.get(0).expect("group 0 always matches");
                let mut finding = ctx
                    .finding(&RULE, format!("`{}`: {}", whole.as_str(), entry.note))
                    .with_severity(entry.severity)
                    .with_target(ctx.target_span(Span::new(whole.start(), whole.end())));
                if let Some(m) = entry.source_pattern().find(ctx.source.text) {
                    finding = finding.with_source(ctx.source_span(Span::new(m.start(), m.end())));
                }
                if !entry.right.is_empty() {
                    let mut right = String::new();
                    captures.expand(&entry.right, &mut right);
                    finding = finding.with_suggestion(match_case(&right, whole.as_str()));
                }
                out.push(finding);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{assert_finding_counts, run, run_from_french};
    use crate::locale::pair::PairKnowledge;

    #[test]
    fn every_entry_flags_its_bad_example_and_not_its_good_one() {
        for entry in PairKnowledge::get("en", "fr").unwrap().false_friends() {
            let ex = &entry.example;
            let bad = run(&FalseFriendCheck, &ex.source, &ex.bad);
            assert!(
                bad.iter().any(|f| f.0.message.contains(&entry.note)),
                "{}: bad example not flagged",
                entry.id
            );
            let good = run(&FalseFriendCheck, &ex.source, &ex.good);
            assert!(
                good.is_empty(),
                "{}: good example flagged: {good:?}",
                entry.id
            );
        }
    }

    #[test]
    fn every_reverse_entry_flags_its_bad_example_from_french() {
        let entries = PairKnowledge::get("fr", "en").unwrap().false_friends();
        assert!(entries.len() >= 10);
        for entry in entries {
            let ex = &entry.example;
            let run = |target: &str| run_from_french(&FalseFriendCheck, &ex.source, target);
            assert!(
                !run(&ex.bad).is_empty(),
                "{}: reverse bad example not flagged",
                entry.id
            );
            assert!(
                run(&ex.good).is_empty(),
                "{}: reverse good example flagged",
                entry.id
            );
        }
    }

    #[test]
    fn keeps_the_determiner_and_its_case() {
        let found = run(
            &FalseFriendCheck,
            "Shares in the social network regained ground, trading 3.6% higher at $184.24.",
            "Les partages sur le réseau social ont regagné du terrain.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "Les partages");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("Les actions"));
    }

    #[test]
    fn words_in_a_sense_the_languages_share_are_not_flagged() {
        // The legal phrase and the verb: « sans préjudice de », « porter préjudice ».
        assert_finding_counts(
            &FalseFriendCheck,
            &[
                (
                    "Without prejudice to their powers.",
                    "Sans préjudice de leurs compétences.",
                    0,
                ),
                (
                    "It would not prejudice the rights of others.",
                    "Cela ne porterait pas préjudice aux droits des autres.",
                    0,
                ),
                (
                    "Nobody is pretending that it is perfect.",
                    "Personne ne prétend qu'elle est parfaite.",
                    0,
                ),
                (
                    "We must reduce prejudice against them.",
                    "Nous devons réduire les préjudices qu'ils subissent.",
                    1,
                ),
            ],
        );
        let french_to_english =
            |source: &str, target: &str| run_from_french(&FalseFriendCheck, source, target).len();
        assert_eq!(
            french_to_english(
                "Personne ne prétend que la Constitution est parfaite.",
                "Nobody is pretending that it is perfect."
            ),
            0
        );
        assert_eq!(
            french_to_english(
                "Sans préjudice de leurs compétences.",
                "Without prejudice to their powers."
            ),
            0
        );
    }

    #[test]
    fn sharing_in_its_own_sense_is_not_flagged() {
        assert!(
            run(
                &FalseFriendCheck,
                "He shares his photos with friends.",
                "Il partage ses photos ; les partages sont nombreux."
            )
            .is_empty()
        );
    }
}
