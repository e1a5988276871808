//! punctuation-unbalanced: brackets or quotation marks opened and not closed in the target
//! while the source's are balanced.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Span};

pub struct PunctuationUnbalanced;

static RULE: Rule = Rule {
    id: "punctuation-unbalanced",
    category: "fluency/punctuation",
    severity: Severity::Minor,
    summary: "Unbalanced brackets or quotation marks in the target.",
    explanation: "Counts `( )`, `[ ]`, `{ }`, `« »`, `“ ”` and straight double quotes in each \
segment. A pair that is balanced in the source but not in the target is reported at the first \
unmatched mark; segments whose source is itself unbalanced (a quotation running over several \
sentences) are left alone.",
    example: RuleExample {
        source: "JPMorgan (the largest bank) declined.",
        bad: "JPMorgan (la plus grande banque a refusé.",
        good: "JPMorgan (la plus grande banque) a refusé.",
        glossary: "",
        context: None,
    },
};

const BRACKETS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('{', '}')];
const QUOTES: [(char, char); 2] = [('«', '»'), ('“', '”')];

impl Check for PunctuationUnbalanced {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let source = ctx.source.text;
        // Languages quote with different marks, so a quotation counts as balanced in the
        // source when all its quotation marks are.
        let source_quotes_balanced = source.matches('"').count().is_multiple_of(2)
            && QUOTES
                .iter()
                .all(|&(open, close)| unmatched(source, open, close).is_none());
        for (open, close) in BRACKETS {
            if unmatched(source, open, close).is_none()
                && let Some(at) = unmatched(ctx.target.text, open, close)
            {
                report(ctx, out, at);
            }
        }
        if !source_quotes_balanced {
            return;
        }
        for (open, close) in QUOTES {
            if let Some(at) = unmatched(ctx.target.text, open, close) {
                report(ctx, out, at);
            }
        }
        if !ctx.target.text.matches('"').count().is_multiple_of(2) {
            let at = ctx
                .target
                .text
                .rfind('"')
                .expect("an odd count is at least one");
            report(ctx, out, at);
        }
    }
}

fn report(ctx: &BeadContext, out: &mut Vec<Finding>, at: usize) {
    let mark = ctx.target.text[at..]
        .chars()
        .next()
        .expect("index of a mark");
    out.push(
        ctx.finding(
            &RULE,
            format!("`{mark}` has no matching mark in the target"),
        )
        .with_target(ctx.target_span(Span::new(at, at + mark.len_utf8()))),
    );
}

/// Byte index of the first unmatched mark of the pair, if any.
fn unmatched(text: &str, open: char, close: char) -> Option<usize> {
    // Most texts hold neither mark; searching a char is a memchr, decoding every one is not.
    if !text.contains(open) && !text.contains(close) {
        return None;
    }
    let mut stack = Vec::new();
    for (i, c) in text.char_indices() {
        if c == open {
            stack.push(i);
        } else if c == close && stack.pop().is_none() {
            return Some(i);
        }
    }
    stack.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn reports_unclosed_marks() {
        assert_eq!(run(&PunctuationUnbalanced, "a (b) c", "a (b c")[0].1, "(");
        assert_eq!(
            run(&PunctuationUnbalanced, "say \"no\"", "dire « non")[0].1,
            "«"
        );
        assert_eq!(
            run(&PunctuationUnbalanced, "say \"no\"", "dire \"non")[0].1,
            "\""
        );
        assert!(run(&PunctuationUnbalanced, "say \"no", "dire « non").is_empty());
        assert!(run(&PunctuationUnbalanced, "a (b) \"c\"", "a (b) « c »").is_empty());
    }
}
