//! double-space: two or more spaces in a row inside the target.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Span};

pub struct DoubleSpace;

static RULE: Rule = Rule {
    id: "double-space",
    category: "fluency/punctuation",
    severity: Severity::Minor,
    summary: "Two or more consecutive spaces inside the target.",
    explanation: "Repeated spaces are invisible in most editors and end up in print. Only \
runs inside the segment count; the source having the same run is not an excuse, since it is \
a fault there too, but such segments are left alone to avoid reporting what the translator \
was asked to keep.",
    example: RuleExample {
        source: "The bank refused.",
        bad: "La banque  a refusé.",
        good: "La banque a refusé.",
        glossary: "",
        context: None,
    },
};

impl Check for DoubleSpace {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let text = ctx.target.text;
        // The target first: most hold no run of spaces, and then the source need not be
        // searched (both searches are pure, so the order changes no finding).
        if !text.contains("  ") || ctx.source.text.contains("  ") {
            return;
        }
        let mut search = 0;
        while let Some(found) = text[search..].find("  ") {
            let start = search + found;
            let end = start + text[start..].len() - text[start..].trim_start_matches(' ').len();
            out.push(
                ctx.finding(&RULE, format!("{} spaces in a row", end - start))
                    .with_target(ctx.target_span(Span::new(start, end)))
                    .with_suggestion(" "),
            );
            search = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn runs_of_spaces() {
        let found = run(&DoubleSpace, "a b c", "a  b   c");
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].1, "   ");
        assert!(run(&DoubleSpace, "a b", "a b").is_empty());
    }
}
