//! entity-missing: a name of the source has no trace in the target.

use super::names::{NameStatus, source_names, status_in_target};
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
(`Germany` → `Allemagne`) count as present when one of their forms appears.",
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
        let mut reported: Vec<&str> = Vec::new();
        for name in &names {
            if reported.contains(&name.folded.as_str())
                || status_in_target(ctx, name, &names, target) != NameStatus::Missing
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
    use crate::checks::testing::run;

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
}
