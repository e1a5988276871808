//! entity-missing: a name of the source has no trace in the target.

use super::names::{NameLookup, is_missing_in_target, source_names};
use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity};

pub struct EntityMissing;

static RULE: Rule = Rule {
    id: "entity-missing",
    category: "accuracy/omission",
    severity: Severity::Info,
    summary: "A name, brand or acronym of the source does not appear in the target.",
    explanation: "A proper name that the translation drops usually means a dropped piece of \
meaning (who said it, which company). It is informational by default: on clean news translations \
most missing names are legitimate choices (a pronoun, a description, a local form such as \
`Pilsen` → `Plzeň`), so it points a reviewer at them without counting as an error; names the pair's data lists as translated \
(`Germany` → `Allemagne`) count as present when one of their forms appears, and so does a word \
written in the other spelling of the language (`Center` for `Centre`).",
    example: RuleExample {
        source: "Facebook held talks with Citibank and Wells Fargo.",
        bad: "Facebook a eu des discussions avec Citibank.",
        good: "Facebook a eu des discussions avec Citibank et Wells Fargo.",
        glossary: "",
        context: None,
    },
};

impl Check for EntityMissing {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let names = source_names(ctx);
        let target = ctx.name_target();
        let lookup = NameLookup::new(&names, target);
        let mut reported: Vec<&str> = Vec::new();
        for name in &names {
            if reported.contains(&name.folded.as_str())
                || !is_missing_in_target(ctx, name, target, &lookup)
            {
                continue;
            }
            reported.push(&name.folded);
            out.push(
                ctx.finding(
                    &RULE,
                    format!("`{}` does not appear in the target", name.text),
                )
                .with_source(ctx.source_span(name.span)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{run, same_alone_and_long};

    #[test]
    fn reports_each_missing_name_once() {
        let found = run(
            &EntityMissing,
            "Wells Fargo and Citibank met Wells Fargo.",
            "Citibank a rencontré la banque.",
        );
        let texts: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(texts, vec!["Wells", "Fargo"]);
    }

    #[test]
    fn a_long_segment_finds_what_its_sentence_alone_finds() {
        // Past 64 target words, a name's adaptations are looked for among the target words
        // that start as the name or one of its spellings does (`Yusupov` → `Iousoupov`).
        let source = "Then Khodorkovsky flew from Bishkek to Colombia with Yusupov and Gazprom.";
        let target = "Puis Khodorkovski a volé de Bichkek en Colombie avec Iousoupov.";
        let found = same_alone_and_long(&EntityMissing, source, target);
        let texts: Vec<String> = found.into_iter().map(|(_, text)| text).collect();
        assert_eq!(texts, vec!["Gazprom"]);
    }

    #[test]
    fn a_name_in_the_other_spelling_of_english_is_there() {
        // An American source's `Center` is the French (and British) `Centre`, and the other
        // way an American translation writes `Center` for it.
        let found = run(
            &EntityMissing,
            "They met at the Carter Center and the Lincoln Theater.",
            "Ils se sont rencontrés au Centre Carter et au Théâtre Lincoln.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = crate::checks::testing::run_from_french(
            &EntityMissing,
            "Ils se sont rencontrés au Centre Carter et au Théâtre Lincoln.",
            "They met at the Carter Center and the Lincoln Theater.",
        );
        assert!(found.is_empty(), "{found:?}");
        // A word that is no other spelling still goes missing.
        let found = run(
            &EntityMissing,
            "They met at the Carter Center.",
            "Ils se sont rencontrés chez Carter.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        assert!(
            run(
                &EntityMissing,
                "Privacy concerns grew.",
                "Les inquiétudes ont grandi."
            )
            .is_empty()
        );
    }

    #[test]
    fn german_nouns_are_not_names_for_their_capital() {
        // German writes every noun with a capital: `Umsatz` and `Euro` are words, translated.
        let glossary = crate::glossary::Glossary::default();
        let pairs = [(
            "Der Umsatz von Siemens stieg auf 3 Milliarden Euro.",
            "Le chiffre d'affaires de Siemens a atteint 3 milliards d'euros.",
        )];
        let found =
            crate::checks::testing::run_document(&EntityMissing, &pairs, "de", "fr", &glossary);
        assert!(found.is_empty(), "{found:?}");
        // A name the target document writes elsewhere and leaves out here is still missing.
        let pairs = [
            ("Siemens baut Züge.", "Siemens construit des trains."),
            (
                "Der Umsatz von Siemens stieg.",
                "Le chiffre d'affaires a augmenté.",
            ),
        ];
        let found =
            crate::checks::testing::run_document(&EntityMissing, &pairs, "de", "fr", &glossary);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.segment, 1);
    }
}
