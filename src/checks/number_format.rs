//! number-format: a number with the right value written in the other language's convention.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::number::format_number;
use crate::model::{Finding, Severity};

pub struct NumberFormat;

static RULE: Rule = Rule {
    id: "number-format",
    category: "locale-convention/number-format",
    severity: Severity::Minor,
    summary: "A number keeps the source language's decimal or thousands separator, or a date its order.",
    explanation: "French writes `1,3` and `12 500` where English writes `1.3` and `12,500`. A \
target number that only matches the source when read with the source's separators is \
written in the wrong convention — and may be misread: `1,300` is one thousand three hundred \
in English but one point three in French. So is a date in digits that names the source's day \
only in the source language's order (`12/25/2026` kept in French, which reads the day first: \
`numeric_orders` in `[calendar]`).",
    example: RuleExample {
        source: "The service has 1.3 billion users.",
        bad: "Le service compte 1.3 milliard d'utilisateurs.",
        good: "Le service compte 1,3 milliard d'utilisateurs.",
        glossary: "",
        context: None,
    },
};

impl Check for NumberFormat {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        for wrong in &ctx.numbers().misformatted {
            let (s, t) = (&wrong.source, &wrong.target);
            let written = &ctx.target.text[t.span.range()];
            let expected = with_written_zeros(
                format_number(wrong.meant, ctx.target.lang),
                written,
                ctx.target.lang.decimal,
            );
            out.push(
                ctx.finding(
                    &RULE,
                    format!(
                        "`{written}` follows the source's number format; {} writes `{expected}`",
                        ctx.target.lang.name
                    ),
                )
                .with_source(ctx.source_span(s.span))
                .with_target(ctx.target_span(t.span))
                .with_suggestion(expected),
            );
        }
        for misordered in &ctx.numbers().dates_misordered {
            let written = &ctx.target.text[misordered.target.range()];
            let expected = misordered.suggestion.as_deref().unwrap_or_default();
            let mut finding = ctx
                .finding(
                    &RULE,
                    format!(
                        "`{written}` keeps the source's date order; {} writes `{expected}`",
                        ctx.target.lang.name
                    ),
                )
                .with_source(ctx.source_span(misordered.source))
                .with_target(ctx.target_span(misordered.target));
            finding.suggestion = misordered.suggestion.clone();
            out.push(finding);
        }
    }
}

/// `expected` with the trailing zeros of the decimals `written` gives (`1,3570` is `1.3570`, not
/// `1.357`: an exchange rate keeps its four decimals). Only when `expected` has decimals, whose
/// mark `decimal` then stands for the last separator of `written`'s digits; an integer's last
/// separator groups thousands (`1,000`).
fn with_written_zeros(expected: String, written: &str, decimal: char) -> String {
    let Some((_, shown)) = expected.rsplit_once(decimal) else {
        return expected;
    };
    let digits_end = written
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
        .unwrap_or(written.len());
    let Some((_, decimals)) = written[..digits_end].rsplit_once(['.', ',']) else {
        return expected;
    };
    match decimals.strip_prefix(shown) {
        Some(zeros) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => {
            format!("{expected}{zeros}")
        }
        _ => expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    /// The suggestions of the findings for `target`, translating `source` from English to
    /// French.
    fn suggestions(source: &str, target: &str) -> Vec<String> {
        let found = run(&NumberFormat, source, target);
        found
            .into_iter()
            .filter_map(|(f, _)| f.suggestion)
            .collect()
    }

    #[test]
    fn flags_english_separators_in_french() {
        let source = "It costs 1,300 euros.";
        assert_eq!(suggestions(source, "Il coûte 1,300 euros."), ["1300"]);
        assert!(run(&NumberFormat, source, "Il coûte 1 300 euros.").is_empty());
        // A version is no number.
        let version = "La version 2.4.1 est sortie.";
        assert!(run(&NumberFormat, "Version 2.4.1 is out.", version).is_empty());
    }

    #[test]
    fn the_written_decimal_zeros_are_kept() {
        let found = suggestions(
            "The euro was worth 1.3570 dollars.",
            "L'euro valait 1.3570 dollar.",
        );
        assert_eq!(found, ["1,3570"]);
        assert_eq!(with_written_zeros("1000".into(), "1,000", '.'), "1000");
        assert_eq!(
            with_written_zeros("2.5".into(), "2,50 million", '.'),
            "2.50"
        );
        assert_eq!(with_written_zeros("2.5".into(), "2,51", '.'), "2.5");
    }

    #[test]
    fn a_measure_in_another_unit_is_suggested_in_its_own_value() {
        // 1,700 miles are 2,736 km: the writer meant 2735 km, not 1700.
        let found = suggestions(
            "The 1,700-mile pipeline would extend from Canada.",
            "L'oléoduc de 2,735 km s'étendrait du Canada.",
        );
        assert_eq!(found, ["2735"]);
    }

    #[test]
    fn a_date_kept_in_the_source_order_is_written_the_target_way() {
        let source = "The meeting is on 12/25/2026.";
        assert_eq!(
            suggestions(source, "La réunion a lieu le 12/25/2026."),
            ["25/12/2026"]
        );
        assert!(run(&NumberFormat, source, "La réunion a lieu le 25/12/2026.").is_empty());
        // Either order makes a day: the French reader's is taken as meant.
        assert!(run(&NumberFormat, "On 3/12/2026.", "Le 3/12/2026.").is_empty());
    }

    #[test]
    fn a_version_keeps_its_dot() {
        let source = "Update to version 10.15 now.";
        assert!(
            run(
                &NumberFormat,
                source,
                "Passez à la version 10.15 maintenant."
            )
            .is_empty()
        );
        // Without a version word, the same digits are a decimal.
        assert_eq!(
            suggestions("It weighs 10.15 kg.", "Il pèse 10.15 kg."),
            ["10,15"]
        );
    }
}
