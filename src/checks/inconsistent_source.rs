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
four words are left alone. Each later segment is reported against the first.",
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
