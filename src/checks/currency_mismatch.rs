//! currency-mismatch: an amount keeps its value but changes its currency (`$5 million` →
//! `5 millions d'euros`).

use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::number::{AMOUNT_SPACES, is_range_word, scale_word_after};
use crate::locale::{Language, Money};
use crate::model::{Finding, Severity, Span};
use crate::textutil::{is_capitalized, word_iter};

pub struct CurrencyMismatch;

static RULE: Rule = Rule {
    id: "currency-mismatch",
    category: "accuracy/mistranslation",
    severity: Severity::Major,
    summary: "An amount is given in another currency in the target than in the source.",
    explanation: "Each number of the source paired with a target number of the same value (as \
number-mismatch pairs them) is looked at with the currency written beside it: a sign or code \
right before or after it (`$5`, `5 €`, `USD 5`), or a currency's name after it, past a filler or \
a capitalised qualifier (`5 million dollars`, `5 millions de dollars`, `5 million US dollars`); \
an amount with none takes that of the other end of its range (`80 à 100 dollars`, `EUR 80-100`, \
the range words of `data/<lang>/locale.toml`). \
The signs, codes and names are each language's `[money.signs]` (`data/<lang>/locale.toml`); a \
code (three capitals) says which currency is meant, and a sign stands for every currency that \
writes it (`$`: dollars and pesos, `¥`: yen and yuan), so only currencies that cannot be the \
same are reported. An amount with a currency on one side only is left alone: the other side may \
leave it to the context. The amount's value is number-mismatch's.",
    example: RuleExample {
        source: "The bank lost $2 billion in the third quarter.",
        bad: "La banque a perdu 2 milliards d'euros au troisième trimestre.",
        good: "La banque a perdu 2 milliards de dollars au troisième trimestre.",
        glossary: "",
        context: None,
    },
};

/// A currency written beside an amount: where, and the codes of the currencies it may be.
#[derive(Debug, PartialEq)]
struct CurrencyMention<'m> {
    span: Span,
    codes: Vec<&'m str>,
}

impl CurrencyMention<'_> {
    /// Whether the two mentions may name the same currency.
    fn may_match(&self, other: &CurrencyMention) -> bool {
        self.codes.iter().any(|code| other.codes.contains(code))
    }
}

impl Check for CurrencyMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let pairs = &ctx.numbers().same_value;
        if pairs.is_empty() {
            return;
        }
        // The ends of a range share one currency on each side: reported once.
        let mut reported: Vec<(Span, Span)> = Vec::new();
        for &(source_number, target_number) in pairs {
            let Some(source) = currency_of(ctx.source.text, source_number, ctx.source.lang) else {
                continue;
            };
            let Some(target) = currency_of(ctx.target.text, target_number, ctx.target.lang) else {
                continue;
            };
            if source.may_match(&target) || reported.contains(&(source.span, target.span)) {
                continue;
            }
            reported.push((source.span, target.span));
            let (source_text, target_text) = (
                &ctx.source.text[source.span.range()],
                &ctx.target.text[target.span.range()],
            );
            out.push(
                ctx.finding(
                    &RULE,
                    format!(
                        "`{target_text}` in the target is another currency than `{source_text}` \
                         in the source"
                    ),
                )
                .with_source(ctx.source_span(source.span))
                .with_target(ctx.target_span(target.span)),
            );
        }
    }
}

/// The currency of the amount at `number` of `text`, if any: the one beside it, else the one
/// beside the other end of the range it opens or closes (`80 à 100 dollars`, `EUR 80-100`).
fn currency_of<'m>(text: &str, number: Span, lang: &'m Language) -> Option<CurrencyMention<'m>> {
    currency_beside(text, number, lang).or_else(|| {
        let other_end = range_end_after(text, number.end, lang)
            .or_else(|| range_start_before(text, number.start, lang))?;
        currency_beside(text, other_end, lang)
    })
}

/// The currency written beside the amount at `number` of `text`, if any: a sign or code just
/// before it, else one just after it (or after its scale word, which the digits of a range's
/// end leave out: `4,5` of `2,5 à 4,5 milliards d'euros`), else a currency's name after it.
fn currency_beside<'m>(
    text: &str,
    number: Span,
    lang: &'m Language,
) -> Option<CurrencyMention<'m>> {
    let money = &lang.money;
    let signs = money.all_signs();
    let number = match scale_word_after(text, number.end, lang) {
        Some((end, _)) => Span::new(number.start, end),
        None => number,
    };
    sign_before(text, number.start, signs)
        .or_else(|| sign_after(text, number.end, signs))
        .map(|span| CurrencyMention {
            span,
            codes: money.codes_of_sign(&text[span.range()]),
        })
        .or_else(|| name_after(text, number.end, money))
}

/// The digits that close a range opened by the amount ending at `at`: `100 dollars` of `80 à 100 dollars`.
fn range_end_after(text: &str, at: usize, lang: &Language) -> Option<Span> {
    let rest = &text[at..];
    let digits_at = rest.find(|c: char| c.is_ascii_digit())?;
    if !is_range_word(&rest[..digits_at], lang) {
        return None;
    }
    let start = at + digits_at;
    let digits_end = text[start..]
        .find(|c: char| !is_digit_or_separator(c))
        .map_or(text.len(), |n| start + n);
    Some(Span::new(start, digits_end))
}

/// The digits that open a range closed by the amount starting at `at`: `80` of `EUR 80-100`.
fn range_start_before(text: &str, at: usize, lang: &Language) -> Option<Span> {
    let before = &text[..at];
    let digits_end = before.rfind(|c: char| c.is_ascii_digit())? + 1;
    if !is_range_word(&before[digits_end..], lang) {
        return None;
    }
    let start = before[..digits_end]
        .trim_end_matches(is_digit_or_separator)
        .len();
    Some(Span::new(start, digits_end))
}

/// A character of a number's digits as a range writes them (`2.5`, `1,000`).
fn is_digit_or_separator(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

/// The longest of `signs` ending right before `at` (spaces aside), standing alone: a code
/// must not end a longer word (`XEUR 300`), a sign of marks may touch one (`a$5`).
fn sign_before(text: &str, at: usize, signs: &[String]) -> Option<Span> {
    let before = text[..at].trim_end_matches(AMOUNT_SPACES);
    signs.iter().find_map(|sign| {
        let start = before.strip_suffix(sign)?.len();
        let glued = before[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() && sign.starts_with(char::is_alphabetic));
        (!glued).then(|| Span::new(start, before.len()))
    })
}

/// The longest of `signs` starting right after `at` (spaces aside), standing alone: `USD5`
/// is no code, `$5` is a sign.
fn sign_after(text: &str, at: usize, signs: &[String]) -> Option<Span> {
    let rest = text[at..].trim_start_matches(AMOUNT_SPACES);
    let start = text.len() - rest.len();
    signs.iter().find_map(|sign| {
        let glued = rest
            .strip_prefix(sign)?
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() && sign.ends_with(char::is_alphabetic));
        (!glued).then(|| Span::new(start, start + sign.len()))
    })
}

/// How many words after an amount may come before its currency's name: fillers (`de`) or
/// capitalised qualifiers (`US`, `Canadian`).
const MAX_WORDS_BEFORE_NAME: usize = 2;

/// The name of a currency after the amount ending at `at`, past at most
/// [`MAX_WORDS_BEFORE_NAME`] fillers or qualifiers, with only spaces or apostrophes between.
fn name_after<'m>(text: &str, at: usize, money: &'m Money) -> Option<CurrencyMention<'m>> {
    let mut end = at;
    for (n, word) in word_iter(&text[at..]).enumerate() {
        let span = Span::new(at + word.span.start, at + word.span.end);
        let between = &text[end..span.start];
        if !between
            .chars()
            .all(|c| AMOUNT_SPACES.contains(&c) || c == '\'' || c == '’')
        {
            return None;
        }
        let lower = word.text.to_lowercase();
        if let Some(codes) = money.codes_of_name(&lower) {
            return Some(CurrencyMention { span, codes });
        }
        let passable = money.name_fillers.contains(&lower) || is_capitalized(word.text);
        if n >= MAX_WORDS_BEFORE_NAME || !passable {
            return None;
        }
        end = span.end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    /// The target text of each finding.
    fn flagged(source: &str, target: &str) -> Vec<String> {
        run(&CurrencyMismatch, source, target)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    #[test]
    fn an_amount_in_another_currency_is_reported() {
        let found = flagged(
            "The bank lost $2 billion in the third quarter.",
            "La banque a perdu 2 milliards d'euros au troisième trimestre.",
        );
        assert_eq!(found, ["euros"]);
    }

    #[test]
    fn the_same_currency_as_sign_name_or_code_is_no_mismatch() {
        for target in [
            "La banque a perdu 2 milliards de dollars au troisième trimestre.",
            "La banque a perdu 2 milliards de dollars américains au troisième trimestre.",
            "La banque a perdu 2 milliards $ au troisième trimestre.",
            "La banque a perdu 2 milliards USD au troisième trimestre.",
        ] {
            let found = flagged("The bank lost $2 billion in the third quarter.", target);
            assert!(found.is_empty(), "{target}: {found:?}");
        }
    }

    #[test]
    fn signs_and_codes_are_read_on_either_side_of_the_amount() {
        assert_eq!(
            flagged("He paid £300 for the ticket.", "Il a payé 300 $ le billet."),
            ["$"]
        );
        assert_eq!(
            flagged("He paid EUR 300.", "Il a payé 300\u{a0}USD."),
            ["USD"]
        );
        assert_eq!(flagged("It cost US$ 40.", "Cela a coûté 40 €."), ["€"]);
    }

    #[test]
    fn a_sign_several_currencies_write_matches_each() {
        // `$` writes pesos as well as dollars.
        assert!(flagged("They paid 5,000 pesos.", "Ils ont payé 5 000 $.").is_empty());
        assert_eq!(
            flagged("They paid 5,000 pesos.", "Ils ont payé 5 000 euros."),
            ["euros"]
        );
    }

    #[test]
    fn the_end_of_a_range_gives_its_currency_to_the_other() {
        assert_eq!(
            flagged(
                "It will cost EUR 80-100 per barrel.",
                "Il coûtera 80 à 100 dollars le baril."
            ),
            ["dollars"]
        );
        assert_eq!(
            flagged(
                "It costs 2.5 to 4.5 billion dollars.",
                "Il coûte de 2,5 à 4,5 milliards d'euros."
            ),
            ["euros"]
        );
        assert!(flagged("It costs $80-100.", "Il coûte 80 à 100 dollars.").is_empty());
        // A range after a character of several bytes (a thin space).
        assert_eq!(
            flagged(
                "It costs\u{2009}80-100 dollars.",
                "Il coûte\u{2009}80-100 euros."
            ),
            ["euros"]
        );
    }

    #[test]
    fn a_currency_on_one_side_only_is_left_alone() {
        assert!(
            flagged(
                "Sales reached $5 million.",
                "Les ventes ont atteint 5 millions."
            )
            .is_empty()
        );
        assert!(
            flagged(
                "Sales reached 5 million.",
                "Les ventes ont atteint 5 millions d'euros."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_code_glued_to_a_word_or_a_name_past_other_words_is_no_currency() {
        assert!(
            flagged(
                "Flight XEUR 300 leaves.",
                "Le vol XEUR 300 part, 300 dollars."
            )
            .is_empty()
        );
        assert!(
            flagged(
                "He paid €300 for the car.",
                "Il a payé 300 pour la voiture en dollars."
            )
            .is_empty()
        );
    }
}
