//! inconsistent-source: different source segments given the same translation.

use super::consistency::report_divergent;
use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Side};

pub struct InconsistentSource;

static RULE: Rule = Rule {
    id: "inconsistent-source",
    category: "fluency/inconsistency",
    severity: Severity::Minor,
    summary: "Different source segments share one translation in a document.",
    explanation: "Two source segments that say different things but received the same \
translation often mean a translation memory match applied where it does not fit. Segments \
are compared after folding case and accents and ignoring punctuation; segments of fewer than \
four words are left alone, and so is a segment whose target traces none of its source's content \
words: a free rendering (`It bears no relation` → `Cela n'a rien à voir`, which also renders \
`It is no such thing`) or a misalignment. Each later segment is reported against the \
first.",
    example: RuleExample {
        source: "Delete the selected files in the folder.",
        bad: "Supprimer tous les fichiers du dossier.",
        good: "Supprimer les fichiers sélectionnés du dossier.",
        glossary: "",
        context: Some((
            "Delete all files in the folder.",
            "Supprimer tous les fichiers du dossier.",
        )),
    },
};

impl Check for InconsistentSource {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn compares_normalized_text(&self) -> bool {
        true
    }

    fn check_document(&self, beads: &[BeadContext], out: &mut Vec<Finding>) {
        report_divergent(
            beads,
            Side::Target,
            &RULE,
            |first| {
                format!(
                    "same translation as segment {}, whose source differs",
                    first
                )
            },
            false,
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run_document;
    use crate::glossary::Glossary;

    #[test]
    fn free_renderings_of_one_idea_are_no_reused_translation() {
        let glossary = Glossary::default();
        let run = |pairs: &[(&str, &str)]| {
            run_document(&InconsistentSource, pairs, "en", "fr", &glossary)
        };
        // Europarl: neither target traces a content word of its source.
        let free = run(&[
            ("It bears no relation.", "Cela n'a rien à voir."),
            ("It is no such thing.", "Cela n'a rien à voir."),
        ]);
        assert!(free.is_empty(), "{free:?}");
        // A translation memory match reused where one word differs is still reported.
        let reused = run(&[
            (
                "Delete all files in the folder.",
                "Supprimer tous les fichiers du dossier.",
            ),
            (
                "Delete the selected files in the folder.",
                "Supprimer tous les fichiers du dossier.",
            ),
        ]);
        assert_eq!(reused.len(), 1, "{reused:?}");
        // newstest2012 gives one headline's translation to another, whose words it traces
        // in part, away from where they stand.
        let reused = run(&[
            (
                "Drunk driver seriously injured",
                "Conducteur ivre gravement blessé",
            ),
            (
                "25-year-old seriously injured in a car accident",
                "Conducteur ivre gravement blessé",
            ),
        ]);
        assert_eq!(reused.len(), 1, "{reused:?}");
    }
}
