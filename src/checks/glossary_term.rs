//! term-glossary: a glossary term of the source not rendered with its approved translation,
//! or rendered with a forbidden one.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Span};

pub struct GlossaryTerm;

static RULE: Rule = Rule {
    id: "term-glossary",
    category: "terminology/inconsistent-with-termbase",
    severity: Severity::Major,
    summary: "A glossary term is not translated with its approved target term.",
    explanation: "Given glossaries (`--glossary FILE`, tab-separated: source term, approved \
target, forbidden targets separated by `|`), every source segment that uses a term must use \
the approved target term. A forbidden target term is reported where it stands, with the \
approved term as suggestion; otherwise the missing approved term is reported on the source \
term. Terms match as whole words, ignoring case, with short inflections.",
    example: RuleExample {
        source: "Facebook's texting platform",
        bad: "la plateforme de SMS de Facebook",
        good: "la plateforme de messagerie de Facebook",
        glossary: "texting platform\tplateforme de messagerie\tplateforme de SMS\n",
        context: None,
    },
};

impl Check for GlossaryTerm {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        for term in &ctx.glossary.terms {
            let Some(used) = term.source_pattern.find(ctx.source.text) else {
                continue;
            };
            let source_span = ctx.source_span(Span::new(used.start(), used.end()));
            let forbidden: Vec<_> = term
                .forbidden_patterns
                .iter()
                .flat_map(|p| p.find_iter(ctx.target.text))
                .collect();
            for m in &forbidden {
                out.push(
                    ctx.finding(
                        &RULE,
                        format!(
                            "`{}` is a forbidden translation of `{}`",
                            m.as_str(),
                            term.source
                        ),
                    )
                    .with_source(source_span)
                    .with_target(ctx.target_span(Span::new(m.start(), m.end())))
                    .with_suggestion(&term.approved),
                );
            }
            if forbidden.is_empty() && !term.approved_pattern.is_match(ctx.target.text) {
                out.push(
                    ctx.finding(
                        &RULE,
                        format!(
                            "`{}` should be translated `{}`",
                            used.as_str(),
                            term.approved
                        ),
                    )
                    .with_source(source_span)
                    .with_suggestion(&term.approved),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run_with;
    use crate::glossary::Glossary;
    use std::path::Path;

    fn run(source: &str, target: &str) -> Vec<(Finding, String)> {
        let glossary = Glossary::parse(Path::new("g"), RULE.example.glossary).unwrap();
        run_with(&GlossaryTerm, source, target, "en", "fr", &glossary)
    }

    #[test]
    fn flags_forbidden_and_missing_terms() {
        let ex = &RULE.example;
        let bad = run(ex.source, ex.bad);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].1, "plateforme de SMS");
        assert!(run(ex.source, ex.good).is_empty());
        let missing = run(ex.source, "la messagerie de Facebook");
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].1, "texting platform");
    }
}
