//! typography-quotes: quotation marks of the wrong language — straight `"` in French where
//! `« »` belong, `« »` in English.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Span};

pub struct TypographyQuotes;

static RULE: Rule = Rule {
    id: "typography-quotes",
    category: "locale-convention/typography",
    severity: Severity::Minor,
    summary: "Quotation marks that the target language does not use.",
    explanation: "French quotes with guillemets `« … »` (with no-break spaces inside); \
English with `“ … ”` or straight quotes. Straight double quotes in a French target, or \
guillemets in an English one, are reported once per segment with the language's marks as \
suggestion. The accepted marks are data: `data/<lang>/typography.toml`.",
    example: RuleExample {
        source: "because \"everyone cares about privacy\".",
        bad: "car \"tout le monde se soucie de la confidentialité\".",
        good: "car « tout le monde se soucie de la confidentialité ».",
        glossary: "",
        context: None,
    },
};

impl Check for TypographyQuotes {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let typography = &ctx.target.lang.typography;
        let text = ctx.target.text;
        if !may_hold_quotation_mark(text) {
            return;
        }
        let foreign = |c: char| {
            (c == '"' && !typography.straight_quotes_ok)
                || (QUOTATION_MARKS.contains(&c) && !typography.quotes.contains(&c) && c != '"')
        };
        let Some((at, mark)) = text.char_indices().find(|&(_, c)| foreign(c)) else {
            return;
        };
        let count = text.chars().filter(|&c| foreign(c)).count();
        let marks: String = typography
            .quotes
            .iter()
            .take(2)
            .map(|q| q.to_string())
            .collect::<Vec<_>>()
            .join(" … ");
        out.push(
            ctx.finding(
                &RULE,
                format!(
                    "{count} quotation mark(s) like `{mark}`: {} quotes with {marks}",
                    ctx.target.lang.name
                ),
            )
            .with_target(ctx.target_span(Span::new(at, at + mark.len_utf8())))
            .with_suggestion(marks),
        );
    }
}

/// The curly quotation marks a language may not quote with.
const QUOTATION_MARKS: [char; 5] = ['«', '»', '“', '”', '„'];

/// Whether `text` holds a byte that starts `"` or one of [`QUOTATION_MARKS`] (`"`, 0xC2 for
/// `«` and `»`, 0xE2 for the others): a text without any holds no quotation mark, so most
/// targets are passed over by one scan rather than decoded character by character.
fn may_hold_quotation_mark(text: &str) -> bool {
    memchr::memchr3(b'"', 0xC2, 0xE2, text.as_bytes()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quotation_mark_starts_with_a_byte_searched_for() {
        for mark in QUOTATION_MARKS.into_iter().chain(['"']) {
            assert!(may_hold_quotation_mark(&format!("a {mark} b")), "{mark}");
        }
        assert!(!may_hold_quotation_mark("plain text, l'été (tokenised) ."));
    }
    use crate::checks::testing::{run, run_with};
    use crate::glossary::Glossary;

    #[test]
    fn straight_quotes_in_french_once_per_segment() {
        let found = run(&TypographyQuotes, "x", "a dit :\"Nous ne\" non \"à");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "\"");
        assert!(run(&TypographyQuotes, "x", "a dit : « Nous »").is_empty());
    }

    #[test]
    fn guillemets_in_english() {
        let found = run_with(
            &TypographyQuotes,
            "x",
            "He said « no ».",
            "fr",
            "en",
            &Glossary::default(),
        );
        assert_eq!(found.len(), 1);
        assert!(
            run_with(
                &TypographyQuotes,
                "x",
                "He said \"no\" and “yes”.",
                "fr",
                "en",
                &Glossary::default()
            )
            .is_empty()
        );
    }
}
