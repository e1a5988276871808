//! whitespace-mismatch: leading or trailing white space of a segment that differs between
//! source and target.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Span};

pub struct WhitespaceEdges;

static RULE: Rule = Rule {
    id: "whitespace-mismatch",
    category: "fluency/punctuation",
    severity: Severity::Info,
    summary: "Leading or trailing white space differs between source and target.",
    explanation: "In software strings and CAT-tool segments, white space at the edges is often \
meaningful (it joins the segment to the next one). A segment whose source starts or ends with \
white space and whose target does not — or the reverse — is reported, as info by default since \
in prose it is mere sloppiness; raise it with a severity override in `transcheck.toml` for \
software strings.",
    example: RuleExample {
        source: "Total: ",
        bad: "Total :",
        good: "Total\u{00A0}: ",
        glossary: "",
        context: None,
    },
};

impl Check for WhitespaceEdges {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        if ctx.source.text.is_empty() || ctx.target.text.is_empty() {
            return;
        }
        let edges = |text: &str, leading: &str, trailing: &str| {
            (
                !leading.is_empty() || text.starts_with(char::is_whitespace),
                !trailing.is_empty() || text.ends_with(char::is_whitespace),
            )
        };
        let (source_lead, source_trail) =
            edges(ctx.source.text, ctx.source.leading, ctx.source.trailing);
        let (target_lead, target_trail) =
            edges(ctx.target.text, ctx.target.leading, ctx.target.trailing);
        let first = ctx.target.text.chars().next().map_or(0, char::len_utf8);
        let last = ctx
            .target
            .text
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let len = ctx.target.text.len();
        if source_lead != target_lead {
            out.push(self.finding(ctx, "leading", source_lead, Span::new(0, first)));
        }
        if source_trail != target_trail {
            out.push(self.finding(ctx, "trailing", source_trail, Span::new(len - last, len)));
        }
    }
}

impl WhitespaceEdges {
    fn finding(&self, ctx: &BeadContext, edge: &str, source_has: bool, at: Span) -> Finding {
        let message = if source_has {
            format!("the source has {edge} white space, the target none")
        } else {
            format!("the target has {edge} white space, the source none")
        };
        ctx.finding(&RULE, message).with_target(ctx.target_span(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn edges_differ() {
        assert_eq!(run(&WhitespaceEdges, "Total: ", "Total :").len(), 1);
        assert!(run(&WhitespaceEdges, "Total:", "Total :").is_empty());
    }
}
