//! typography-spacing: the space before `: ; ! ? %` (and inside `« »`) that the target
//! language's typography asks for — a no-break space in French, none in English.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::typography::Spacing;
use crate::model::{Finding, Severity, Span};
use crate::textutil::char_at;

pub struct TypographySpacing;

static RULE: Rule = Rule {
    id: "typography-spacing",
    category: "locale-convention/typography",
    severity: Severity::Minor,
    summary: "Missing, extra or breakable space around punctuation for the target locale.",
    explanation: "French puts a no-break space before `: ; ! ?`, `%` and currency signs and \
inside `« »`; Canadian French (`--variant CA`) has none before `; ! ?`; the `strict` variant \
asks for the narrow no-break space (U+202F) where printers use it. English has no space before \
these marks. A missing space, or a space where none belongs, is minor; a plain space where a \
no-break one belongs only risks a bad line break and is reported at the variant's \
`plain_space` severity (info by default, minor in `strict`). The rules are data: \
`data/<lang>/typography.toml`. Colons inside times and URLs (`14:30`, `https://`) are left \
alone, but a space that splits a time before its colon (`6 :51`) is reported in any language.",
    example: RuleExample {
        source: "Shares were trading 3.6% higher.",
        bad: "Les actions s'échangeaient en hausse de 3,6%.",
        good: "Les actions s'échangeaient en hausse de 3,6\u{202F}%.",
        glossary: "",
        context: None,
    },
};

const SPACES: [char; 3] = [' ', '\u{00A0}', '\u{202F}'];

impl Check for TypographySpacing {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let text = ctx.target.text;
        let marks = ctx.typography.marks();
        // Most characters are letters, digits and spaces, which no language spaces around
        // (tested): the bytes that may start a mark are found first, and a character is
        // decoded only there.
        let mut at = 0;
        while let Some(candidate) = marks.next_candidate(text, at) {
            let (mark, len) = char_at(text, candidate);
            if marks.contains(mark) {
                check_mark(ctx, out, candidate, mark);
            }
            at = candidate + len;
        }
    }
}

/// Reports the spacing around `mark`, at byte `at` of the target.
fn check_mark(ctx: &BeadContext, out: &mut Vec<Finding>, at: usize, mark: char) {
    let text = ctx.target.text;
    if let Some(space_start) = (mark == ':').then(|| time_split_at(text, at)).flatten() {
        report_split_time(ctx, out, space_start, at);
        return;
    }
    if let Some(&spacing) = ctx.typography.before.get(&mark)
        && applies_before(text, at, mark)
    {
        let space_start = text[..at].trim_end_matches(SPACES).len();
        report(
            ctx,
            out,
            mark,
            spacing,
            Span::new(space_start, at),
            "before",
        );
    }
    let after = at + mark.len_utf8();
    if let Some(&spacing) = ctx.typography.after.get(&mark)
        && after < text.len()
    {
        let space_end = text.len() - text[after..].trim_start_matches(SPACES).len();
        report(
            ctx,
            out,
            mark,
            spacing,
            Span::new(after, space_end),
            "after",
        );
    }
}

/// Whether the mark ends a word here: not inside `14:30` or `https://`, not a second mark of
/// `?!`, and (for `%` and currency signs) right after a number.
fn applies_before(text: &str, at: usize, mark: char) -> bool {
    let before = text[..at].trim_end_matches(SPACES);
    let Some(previous) = before.chars().next_back() else {
        return false;
    };
    let next = text[at + mark.len_utf8()..].chars().next();
    match mark {
        '%' | '$' | '€' => previous.is_ascii_digit(),
        '»' => true,
        _ => {
            // A closing quote of any language, or a closing bracket, may follow the mark:
            // German closes `„…“`, `‚…‘`, `»…«` and `›…‹`.
            let ends_clause = next.is_none_or(|n| {
                n.is_whitespace()
                    || matches!(
                        n,
                        '"' | '»' | '”' | '“' | '«' | '›' | '‹' | '‘' | ')' | ']' | '\'' | '’'
                    )
            });
            ends_clause
                && !matches!(previous, '!' | '?' | ':' | ';' | '.' | '…' | '«' | '(')
                && !(mark == ';' && ends_entity(&text[..at]))
        }
    }
}

/// Whether the text before a `;` is an HTML entity's name or number (`&amp`, `&#233`): the
/// semicolon closes it, it ends no clause.
fn ends_entity(before: &str) -> bool {
    let name = before.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
    let name = name.strip_suffix('#').unwrap_or(name);
    name.len() < before.len() && name.ends_with('&')
}

/// Where the space starts, when the colon at `at` stands after a space that splits a time
/// (`6 :51`): a digit before the space, one right after the colon. No language spaces there,
/// whatever it asks before a colon that ends a clause.
fn time_split_at(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].trim_end_matches(SPACES);
    (before.len() < at
        && before.ends_with(|c: char| c.is_ascii_digit())
        && text[at + 1..].starts_with(|c: char| c.is_ascii_digit()))
    .then_some(before.len())
}

fn report_split_time(ctx: &BeadContext, out: &mut Vec<Finding>, space_start: usize, at: usize) {
    out.push(
        ctx.finding(&RULE, "unexpected space before `:` inside a time")
            .with_target(ctx.target_span(Span::new(space_start, at + 1)))
            .with_suggestion(":"),
    );
}

fn report(
    ctx: &BeadContext,
    out: &mut Vec<Finding>,
    mark: char,
    spacing: Spacing,
    space: Span,
    side: &str,
) {
    let found = &ctx.target.text[space.range()];
    if spacing.accepts(found) {
        return;
    }
    let plain_instead_of_no_break =
        spacing != Spacing::None && !found.is_empty() && found.chars().all(|c| c == ' ');
    let severity = if plain_instead_of_no_break {
        ctx.typography.plain_space
    } else {
        RULE.severity
    };
    let what = match (found.is_empty(), plain_instead_of_no_break) {
        (true, _) => format!("missing space {side} `{mark}`"),
        (false, true) => format!("breakable space {side} `{mark}`"),
        (false, false) => format!("unexpected space {side} `{mark}`"),
    };
    // Point at the mark with the space next to it, so the finding has a visible extent.
    let mark_span = ctx.target.text[space.end..]
        .chars()
        .next()
        .filter(|_| side == "before")
        .map_or(
            Span::new(space.start.saturating_sub(mark.len_utf8()), space.end),
            |c| Span::new(space.start, space.end + c.len_utf8()),
        );
    let suggestion = if side == "before" {
        format!("{}{mark}", spacing.suggested())
    } else {
        format!("{mark}{}", spacing.suggested())
    };
    out.push(
        ctx.finding(
            &RULE,
            format!(
                "{what}: {} wants {}",
                ctx.target.lang.name,
                spacing.describe()
            ),
        )
        .with_severity(severity)
        .with_target(ctx.target_span(mark_span))
        .with_suggestion(suggestion),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{run, run_from_french, run_with};
    use crate::glossary::Glossary;

    fn texts(target: &str) -> Vec<(String, Severity)> {
        run(&TypographySpacing, "x", target)
            .into_iter()
            .map(|(f, t)| (t, f.severity))
            .collect()
    }

    #[test]
    fn no_language_spaces_around_letters_digits_or_spaces() {
        // `check_bead` skips them without looking them up.
        for code in crate::locale::supported_codes() {
            let typography = &crate::locale::Language::get(code).unwrap().typography;
            for name in typography.variant_names() {
                let variant = typography.variant(Some(name));
                for mark in variant.before.keys().chain(variant.after.keys()) {
                    assert!(
                        !mark.is_ascii_alphanumeric() && *mark != ' ',
                        "{code} {name}: `{mark}`"
                    );
                }
            }
        }
    }

    #[test]
    fn french_spacing() {
        assert_eq!(
            texts("hausse de 3,6%."),
            vec![("%".into(), Severity::Minor)]
        );
        assert_eq!(texts("Vraiment ?"), vec![(" ?".into(), Severity::Info)]);
        assert!(texts("Vraiment\u{202F}? Oui\u{00A0}! À 14:30, voir https://x.fr\u{00A0}: «\u{00A0}Non\u{00A0}»").is_empty());
        assert_eq!(texts("disant :\"Nous")[0].0, " :");
        assert_eq!(texts("«Non»").len(), 2);
    }

    #[test]
    fn a_space_that_splits_a_time_is_reported_in_any_language() {
        assert_eq!(texts("Il est 6 :51."), vec![(" :".into(), Severity::Minor)]);
        let english = |target: &str| run_from_french(&TypographySpacing, "x", target).len();
        assert_eq!(english("The clock reads 6 :51 now."), 1);
        assert_eq!(english("The clock reads 6:51 now."), 0);
    }

    #[test]
    fn a_space_before_a_mark_that_a_closing_quote_follows_is_reported() {
        let german = |target: &str| {
            run_with(
                &TypographySpacing,
                "x",
                target,
                "fr",
                "de",
                &Glossary::default(),
            )
            .len()
        };
        assert_eq!(german("„Komm her !“ rief er."), 1);
        assert_eq!(german("„Komm her!“ rief er."), 0);
        assert_eq!(german("(Kommst du [wirklich ?])"), 1);
    }

    #[test]
    fn english_has_no_space_before_marks() {
        let found = run_from_french(&TypographySpacing, "Vraiment ?", "Really ? Yes!");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, " ?");
    }

    #[test]
    fn the_semicolon_of_an_entity_ends_no_clause() {
        assert!(run(&TypographySpacing, "Tom &amp; Jerry", "Tom &amp; Jerry").is_empty());
        assert!(run(&TypographySpacing, "Caf&#233; list", "Caf&#233; liste").is_empty());
        assert_eq!(run(&TypographySpacing, "Tom; Jerry", "Tom; Jerry").len(), 1);
    }
}
