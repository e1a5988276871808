//! inconsistent-translation: the same source segment translated differently within a document.

use super::consistency::report_divergent;
use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Side};

pub struct InconsistentTranslation;

static RULE: Rule = Rule {
    id: "inconsistent-translation",
    category: "fluency/inconsistency",
    severity: Severity::Minor,
    summary: "The same source segment is translated in different ways in one document.",
    explanation: "Repeated segments (headings, UI strings, boilerplate) should read the same \
everywhere. Segments are compared after folding case and accents and ignoring punctuation; \
segments of fewer than four words are left alone, and so is a segment whose target traces none \
of its source's content words (a free rendering or a misalignment). Every translation that \
differs from the first one is reported, with the first as suggestion.",
    example: RuleExample {
        source: "Click Save to keep your changes.",
        bad: "Cliquez sur Enregistrer pour garder vos modifications.",
        good: "Cliquez sur Enregistrer pour conserver vos modifications.",
        glossary: "",
        context: Some((
            "Click Save to keep your changes.",
            "Cliquez sur Enregistrer pour conserver vos modifications.",
        )),
    },
};

impl Check for InconsistentTranslation {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn compares_normalized_text(&self) -> bool {
        true
    }

    fn check_document(&self, beads: &[BeadContext], out: &mut Vec<Finding>) {
        report_divergent(
            beads,
            Side::Source,
            &RULE,
            |first| format!("translated differently from segment {}", first),
            true,
            out,
        );
    }
}
