//! lowercase-start: the target starts in lower case while the source starts with a capital.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Span};

pub struct LowercaseStart;

static RULE: Rule = Rule {
    id: "lowercase-start",
    category: "fluency/spelling",
    severity: Severity::Minor,
    summary: "The target starts with a lower-case letter where the source starts with a capital.",
    explanation: "Sentences and headings start with a capital in both languages. Words that \
are lower case by nature in the source (`iPhone`, `eBay`) do not trigger the rule, nor does a \
target starting with such a word, a capital inside it (`iPhone sales` for `Les ventes \
d'iPhone`); neither do segments starting with a digit or punctuation. A list marker of one \
letter and a bracket (`a)`, `b )`) is looked past: the sentence starts after it.",
    example: RuleExample {
        source: "Privacy concerns",
        bad: "soucis de confidentialité",
        good: "Inquiétudes sur la vie privée",
        glossary: "",
        context: None,
    },
};

/// The first letter of the text (byte index and letter), past a list marker; none when the
/// text starts with a digit.
fn first_letter(text: &str) -> Option<(usize, char)> {
    let from = list_marker_end(text);
    text[from..]
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .filter(|(_, c)| c.is_alphabetic())
        .map(|(at, c)| (from + at, c))
}

/// The end of a list marker (`a)`, `b )`) at the start of the text, or 0.
fn list_marker_end(text: &str) -> usize {
    let trimmed = text.trim_start();
    let Some(letter) = trimmed.chars().next().filter(|c| c.is_alphabetic()) else {
        return 0;
    };
    let rest = &trimmed[letter.len_utf8()..];
    match rest.trim_start_matches(' ').strip_prefix(')') {
        Some(after) => text.len() - after.len(),
        None => 0,
    }
}

impl Check for LowercaseStart {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let (Some((_, source)), Some((at, target))) =
            (first_letter(ctx.source.text), first_letter(ctx.target.text))
        else {
            return;
        };
        if !(source.is_uppercase() && target.is_lowercase()) {
            return;
        }
        let word_end = ctx.target.text[at..]
            .find(|c: char| !c.is_alphanumeric() && c != '-')
            .map_or(ctx.target.text.len(), |i| at + i);
        let word = &ctx.target.text[at..word_end];
        // A name with a capital inside (`iPhone`, `eBay`) is written so wherever it stands.
        if word.chars().skip(1).any(char::is_uppercase) {
            return;
        }
        let mut chars = word.chars();
        let capitalised: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        out.push(
            ctx.finding(&RULE, format!("`{word}` starts the segment in lower case"))
                .with_target(ctx.target_span(Span::new(at, word_end)))
                .with_suggestion(capitalised),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn lower_case_start() {
        let found = run(
            &LowercaseStart,
            "Privacy concerns",
            "soucis de confidentialité",
        );
        assert_eq!(found[0].1, "soucis");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("Soucis"));
        assert!(run(&LowercaseStart, "iPhone sales", "les ventes d'iPhone").is_empty());
        assert!(run(&LowercaseStart, "Les ventes d'iPhone", "iPhone sales").is_empty());
        assert!(run(&LowercaseStart, "Le groupe eBay", "eBay group").is_empty());
        assert!(run(&LowercaseStart, "\"Yes\"", "« oui »").len() == 1);
        assert!(run(&LowercaseStart, "3 days", "trois jours").is_empty());
        // A list marker is no word of the sentence.
        assert!(run(&LowercaseStart, "The reports", "a ) Les rapports").is_empty());
        assert!(run(&LowercaseStart, "a) The reports", "a) Les rapports").is_empty());
        assert_eq!(
            run(&LowercaseStart, "The reports", "a) les rapports")[0].1,
            "les"
        );
    }
}
