//! Check: the rule registry and the context every check reads. One check per file; each
//! implements [`Check`] and is listed once in [`REGISTRY`] with its rule metadata, from which
//! `transcheck rules`, `transcheck explain` and the reports take ids, categories and docs.

mod entity_missing;
mod entity_misspelt;
mod false_friend;
mod glossary_term;
pub mod names;
mod number_format;
mod number_mismatch;
pub mod numbers;
mod placeholder;
mod untranslated;

use crate::glossary::Glossary;
use crate::locale::Language;
use crate::locale::pair::PairKnowledge;
use crate::model::{Bead, Finding, Severity, Span};
use crate::textutil::{fold, is_capitalized, words};
use std::collections::HashSet;

/// Static description of a rule: what `transcheck rules` lists and `explain` prints.
#[derive(Debug)]
pub struct Rule {
    /// Stable identifier used in reports, baselines and `--select`/`--ignore`.
    pub id: &'static str,
    /// MQM category path, e.g. `accuracy/mistranslation`.
    pub category: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub example: RuleExample,
}

/// A source with a bad and a good translation, shown by `explain` and tested.
#[derive(Debug)]
pub struct RuleExample {
    pub source: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
    /// Glossary (TSV) the example needs; empty for most rules.
    pub glossary: &'static str,
}

/// A check reads aligned text and appends findings. Checks never print, never read files and
/// never panic on odd text.
pub trait Check: Sync {
    fn rule(&self) -> &'static Rule;

    /// Looks at one bead (aligned source and target sentences).
    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>);
}

/// Every check, in the order findings are reported within a segment.
pub static REGISTRY: &[&dyn Check] = &[
    &entity_misspelt::EntityMisspelt,
    &entity_missing::EntityMissing,
    &number_mismatch::NumberMismatch,
    &number_format::NumberFormat,
    &false_friend::FalseFriendCheck,
    &glossary_term::GlossaryTerm,
    &placeholder::PlaceholderMismatch,
    &untranslated::Untranslated,
];

/// Metadata of every rule, in registry order.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    REGISTRY.iter().map(|c| c.rule())
}

/// The rule with this id, if any.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().find(|r| r.id == id)
}

/// One side of a bead: its text, where that text starts in the document, and its language.
#[derive(Debug, Clone)]
pub struct SideText<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the document's normalized text.
    pub offset: usize,
    pub lang: &'static Language,
    /// Byte offsets in `text` where its sentences start.
    pub sentence_starts: Vec<usize>,
}

impl SideText<'_> {
    /// Whether the word at `at` opens a sentence or a quotation, where capitals say nothing.
    pub fn starts_sentence_at(&self, at: usize) -> bool {
        if self.sentence_starts.contains(&at) {
            return true;
        }
        let before = self.text[..at].trim_end();
        before.is_empty()
            || before.ends_with([':', '"', '“', '«', '‘', '(', '—', '–', '.', '!', '?'])
            || (before.ends_with('\'')
                && !before[..before.len() - 1].ends_with(char::is_alphabetic))
    }
}

/// Facts about the whole source document that single beads cannot see.
#[derive(Debug, Default)]
pub struct DocumentFacts {
    /// Folded words seen with a capital where a capital is not required: names.
    pub names: HashSet<String>,
    /// Folded words seen in lower case: ordinary words, even when a sentence starts with them.
    pub lowercase: HashSet<String>,
}

impl DocumentFacts {
    pub fn from_sides<'a>(sides: impl IntoIterator<Item = &'a SideText<'a>>) -> Self {
        let mut facts = DocumentFacts::default();
        for side in sides {
            for w in words(side.text) {
                if is_capitalized(w.text) {
                    if !side.starts_sentence_at(w.span.start) {
                        facts.names.insert(fold(w.text));
                    }
                } else if w.text.chars().any(char::is_alphabetic) {
                    facts.lowercase.insert(fold(w.text));
                }
            }
        }
        facts
    }
}

/// What a check sees of one bead.
pub struct BeadContext<'a> {
    pub segment: usize,
    pub bead: &'a Bead,
    pub source: SideText<'a>,
    pub target: SideText<'a>,
    pub pair: &'a PairKnowledge,
    pub glossary: &'a Glossary,
    pub document: &'a DocumentFacts,
}

impl BeadContext<'_> {
    /// A finding of `rule` on this segment, with the rule's default severity and no span yet.
    pub fn finding(&self, rule: &'static Rule, message: impl Into<String>) -> Finding {
        Finding {
            rule: rule.id,
            category: rule.category,
            severity: rule.severity,
            message: message.into(),
            suggestion: None,
            segment: self.segment,
            source: None,
            target: None,
        }
    }

    /// Converts a span of the bead's source text into document coordinates.
    pub fn source_span(&self, relative: Span) -> Span {
        relative.offset(self.source.offset)
    }

    /// Converts a span of the bead's target text into document coordinates.
    pub fn target_span(&self, relative: Span) -> Span {
        relative.offset(self.target.offset)
    }
}

impl Finding {
    pub fn with_source(mut self, span: Span) -> Self {
        self.source = Some(span);
        self
    }

    pub fn with_target(mut self, span: Span) -> Self {
        self.target = Some(span);
        self
    }

    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one check on a single source/target pair, for the checks' unit tests.
    use super::*;
    use crate::model::Bead;

    pub fn run(check: &dyn Check, source: &str, target: &str) -> Vec<(Finding, String)> {
        run_with(check, source, target, "en", "fr", &Glossary::default())
    }

    pub fn run_with(
        check: &dyn Check,
        source: &str,
        target: &str,
        from: &str,
        to: &str,
        glossary: &Glossary,
    ) -> Vec<(Finding, String)> {
        let side = |text: &'static str, lang: &str| SideText {
            text,
            offset: 0,
            lang: Language::get(lang).unwrap(),
            sentence_starts: crate::segment::split_sentences(text, Language::get(lang).unwrap())
                .iter()
                .map(|s| s.start)
                .collect(),
        };
        let source: &'static str = Box::leak(source.to_string().into_boxed_str());
        let target: &'static str = Box::leak(target.to_string().into_boxed_str());
        let bead = Bead {
            source: 0..1,
            target: 0..1,
            confidence: 1.0,
        };
        let source_side = side(source, from);
        let target_side = side(target, to);
        let facts = DocumentFacts::from_sides([&source_side]);
        let ctx = BeadContext {
            segment: 0,
            bead: &bead,
            source: source_side,
            target: target_side,
            pair: PairKnowledge::get(from, to).unwrap(),
            glossary,
            document: &facts,
        };
        let mut out = Vec::new();
        check.check_bead(&ctx, &mut out);
        out.into_iter()
            .map(|f| {
                let text = f
                    .target
                    .or(f.source)
                    .map(|s| {
                        if f.target.is_some() {
                            target[s.range()].to_string()
                        } else {
                            source[s.range()].to_string()
                        }
                    })
                    .unwrap_or_default();
                (f, text)
            })
            .collect()
    }

    /// Every rule's own example: the bad translation is flagged, the good one is not.
    pub fn assert_example(check: &dyn Check) {
        let rule = check.rule();
        let ex = &rule.example;
        let glossary = Glossary::parse(std::path::Path::new("example"), ex.glossary).unwrap();
        let run = |target| run_with(check, ex.source, target, "en", "fr", &glossary);
        assert!(
            !run(ex.bad).is_empty(),
            "{}: bad example not flagged",
            rule.id
        );
        let good = run(ex.good);
        assert!(
            good.is_empty(),
            "{}: good example flagged: {good:?}",
            rule.id
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        let mut seen = HashSet::new();
        for r in rules() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(
                r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.id
            );
            assert!(
                r.category.contains('/'),
                "{}: category is an MQM path",
                r.id
            );
            assert!(!r.summary.is_empty() && !r.explanation.is_empty());
        }
    }

    #[test]
    fn every_rule_flags_its_bad_example_and_not_its_good_one() {
        for check in REGISTRY {
            testing::assert_example(*check);
        }
    }
}
