//! number-mismatch: a number whose value differs between source and target, or that one side
//! lacks.

use super::codes::{changed_codes, codes, dropped_dotted_codes};
use super::numbers::is_afternoon;
use super::verbatim::item_spans;
use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::number::{NumberMention, format_number};
use crate::model::{Finding, Severity, Side, Span};
use std::cell::OnceCell;

pub struct NumberMismatch;

static RULE: Rule = Rule {
    id: "number-mismatch",
    category: "accuracy/mistranslation",
    severity: Severity::Major,
    summary: "A number of the source has a different value in the target, or no counterpart.",
    explanation: "Numbers are compared by value after reading each side with its own conventions: \
decimal and thousands separators (`1.3` ↔ `1,3`, `12,500` ↔ `12 500`), a minus sign right \
before the digits (`-5 °C`; not the hyphen of a range, `10-15`), scale words (`1.3 billion` \
↔ `1,3 milliard`; the French `billion` is 10^12) and number words (`three thousand` ↔ `3 000`), \
fractions (`1 ½`, `1 1/2` ↔ `1,5`; one alone, `3/4 of`, is compared as the words it stands for), \
and Roman ordinals where the language writes them (`19th century` ↔ `XIXe siècle`); a year may \
be given by its last two digits (`the 1960s` ↔ `les années 60`), in another century only with \
that century named beside them (`the 1880s` ↔ `les années 80 du XIXe siècle`); a measure may \
be given in another unit of its quantity: exactly between units that are whole multiples of each \
other (`30 years` ↔ `trois décennies`, `one and a half years` ↔ `18 mois`, `1.5 km` ↔ `1 500 m`), \
to within 5% between systems, which translators round (`a 1,700-mile pipeline` ↔ `un oléoduc de 2 \
736 km`, `30 miles` ↔ `50 km`); the units are the `[units]` tables of `data/<lang>/locale.toml`, \
where the `[square_units]` words make a unit of length one of area (`square metres` ↔ `mètres \
carrés`, `km ²`); hours and minutes glued by an `h` give a length of time (`5h30` ↔ `5 1/2 \
hours`, `1h30` ↔ `90 minutes`), and so do hours after a number in words, the `[word_units]` \
tables (`une heure et quart` ↔ `75 minutes`, `half an hour` ↔ `30 minutes`; after digits \
`heures` is as often a time of day, `à 15 heures` ↔ `at 3 p.m.`), where an English article \
before a unit is one (`a year and a half` ↔ `18 mois`: `one_before_unit`); and words before \
a number may give it a unit left unsaid (`aged 42` is 42 years: `[implied_units]`), and so \
may a name before it where the press writes ages so \
(`Giffords, 41,`: `age_after_name`), and the end of a range the number starts, which says the \
unit once for both (`8501 à 8510 m`: `range_words`); a source written with the other \
language's separators is read both ways (`2,735 km` ↔ `1,700-mile`). Codes (letters then \
digits: `A380`, `G-7`; two numbers glued by an `x`: `4x4`; digits with dots that are no number, \
versions and addresses: `2.4.1`, `192.168.1.1`, and digits with one dot after a version word, \
`version_words`: `version 10.15`) are compared whole, with or without their hyphen: one whose digits changed \
(`A380` → `A390`) is a mismatch, and so is a dotted one the target drops. A number changed in value is reported on the target with the \
source value as suggestion, an hour on the target's clock (`14 h` → `4 p.m.`: `2`); a number \
one side lacks is reported on the side that has it; a number \
carried over with its unit changed for another of the same quantity (`30 miles` → `30 km`) is \
reported with the conversion as suggestion, and an afternoon hour given as the same hour of a \
24-hour clock (`6 p.m.` → `6 heures`, which is six in the morning; `afternoon` and `time_units` \
in `data/<lang>/locale.toml`) with the 24-hour hour when the source has it (`18`). Ordinals in \
words from the third on (`ordinal_word_endings`: `third`, `troisième`) must find one of the \
same rank on the other side when it has any (`third quarter` → `quatrième trimestre`), but for \
a floor, which America counts from the ground (`fifth floor` ↔ `quatrième étage`: \
`ordinals_counted_apart`). So must cardinals in words (the `[cardinals]` tables: `three`, \
`soixante-dix`; not `one`, an article as often, nor the approximate `dozen`, `vingtaine`) and \
words that count as they do (`counting_words`: `both`, `twice`, and the multiples, `doubled`, \
`triplé`, `verdoppelt`): with another count on the \
other side in words and none of theirs (`one in three` → `un sur quatre`, `both sides` → `les \
trois côtés`), they are reported, and so are fractions in words (`half` → `le quart`) and the plurals of round counts, by their \
order of magnitude (`round_plurals`: `hundreds` → `des milliers`; `dozens` ↔ `des dizaines` agree); a count the other side gives in other words is left alone \
(`the two of them` ↔ `ensemble`), and so are a half said after the times (`four and a half \
times` ↔ `quatre fois et demie`) and an idiom's round count (`zwei Wochen` ↔ `quinze jours`: \
`[rounded_measures]`). A date in digits is read as the day it names, in the orders the \
language writes (`numeric_orders` in `[calendar]`: `12/25/2026` is month first in English, \
`25.12.2026` day first everywhere, `2026-12-25` year first), and agrees with the same day in \
digits or with a month's name on the other side (`25 décembre 2026`); one naming another day \
is reported whole, with the source's day written the target's way as suggestion.",
    example: RuleExample {
        source: "The smartphone texting service has 1.3 billion users.",
        bad: "Le service de messagerie compte 1,3 billion d'utilisateurs.",
        good: "Le service de messagerie compte 1,3 milliard d'utilisateurs.",
        glossary: "",
        context: None,
    },
};

impl Check for NumberMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let pairing = ctx.numbers();
        let source_text =
            |m: &crate::locale::number::NumberMention| &ctx.source.text[m.span.range()];
        let target_text =
            |m: &crate::locale::number::NumberMention| &ctx.target.text[m.span.range()];
        for change in &pairing.unit_changed {
            let converted = format_number(to_significant(change.converted), ctx.target.lang);
            out.push(
                ctx.finding(
                    &RULE,
                    format!(
                        "{} (about {converted} {})",
                        does_not_match(&change.target_written, &change.source_written),
                        change.target_unit,
                    ),
                )
                .with_source(ctx.source_span(change.source.span))
                .with_target(ctx.target_span(change.target.span))
                .with_suggestion(converted),
            );
        }
        for apart in &pairing.hours_apart {
            let mut finding = ctx.finding(
                &RULE,
                format!(
                    "`{}` in the target is twelve hours off `{}` in the source",
                    apart.target_written, apart.source_written
                ),
            );
            if apart.afternoon_in_source {
                // The 24-hour hour of the source's afternoon time.
                let hour = format_number(apart.source.value + 12.0, ctx.target.lang);
                finding = finding.with_suggestion(hour);
            }
            out.push(
                finding
                    .with_source(ctx.source_span(apart.source.span))
                    .with_target(ctx.target_span(apart.target.span)),
            );
        }
        for (s, t) in (pairing.ordinals_changed.iter()).chain(&pairing.cardinals_changed) {
            out.push(
                ctx.finding(&RULE, does_not_match(target_text(t), source_text(s)))
                    .with_source(ctx.source_span(s.span))
                    .with_target(ctx.target_span(t.span)),
            );
        }
        for change in &pairing.dates_changed {
            let (source, target) = (
                &ctx.source.text[change.source.range()],
                &ctx.target.text[change.target.range()],
            );
            let mut finding = ctx
                .finding(&RULE, format!("date {}", does_not_match(target, source)))
                .with_source(ctx.source_span(change.source))
                .with_target(ctx.target_span(change.target));
            finding.suggestion = change.suggestion.clone();
            out.push(finding);
        }
        for &date in &pairing.dates_missing {
            out.push(one_sided(ctx, Side::Source, date, "date "));
        }
        for &date in &pairing.dates_added {
            out.push(one_sided(ctx, Side::Target, date, "date "));
        }
        // A number inside a URL or a path is verbatim-mismatch's, which reports the item.
        let items = VerbatimItems::default();
        let outside_items = |numbers: &[NumberMention], side: Side| -> Vec<NumberMention> {
            (numbers.iter())
                .filter(|m| !items.hold(ctx, side, m.span))
                .cloned()
                .collect()
        };
        let missing = outside_items(&pairing.missing, Side::Source);
        let added = outside_items(&pairing.added, Side::Target);
        let changed = missing.len().min(added.len());
        for (s, t) in missing.iter().zip(&added) {
            out.push(
                ctx.finding(&RULE, does_not_match(target_text(t), source_text(s)))
                    .with_source(ctx.source_span(s.span))
                    .with_target(ctx.target_span(t.span))
                    .with_suggestion(format_number(suggested_value(ctx, s, t), ctx.target.lang)),
            );
        }
        for s in &missing[changed..] {
            out.push(one_sided(ctx, Side::Source, s.span, ""));
        }
        for t in &added[changed..] {
            out.push(one_sided(ctx, Side::Target, t.span, ""));
        }
        self.check_codes(ctx, &items, out);
    }
}

impl NumberMismatch {
    /// A code whose digits changed (`A380` → `A390`), or digits with dots dropped (`version
    /// 10.15`): the number reading leaves codes alone.
    fn check_codes(&self, ctx: &BeadContext, items: &VerbatimItems, out: &mut Vec<Finding>) {
        let source = codes(
            ctx.source.text,
            ctx.words(Side::Source).words(),
            ctx.source.lang,
        );
        if source.is_empty() {
            return;
        }
        let target = codes(
            ctx.target.text,
            ctx.words(Side::Target).words(),
            ctx.target.lang,
        );
        // A code inside a URL, a file name or a key combination is verbatim-mismatch's, which
        // reports the whole item (`report2.pdf`, `Alt+F4`).
        for (s, t) in changed_codes(&source, &target) {
            if items.hold(ctx, Side::Source, s.span) || items.hold(ctx, Side::Target, t.span) {
                continue;
            }
            out.push(
                ctx.finding(&RULE, does_not_match(t.text, s.text))
                    .with_source(ctx.source_span(s.span))
                    .with_target(ctx.target_span(t.span))
                    .with_suggestion(s.text.to_string()),
            );
        }
        for s in dropped_dotted_codes(&source, &target) {
            if !items.hold(ctx, Side::Source, s.span) {
                out.push(one_sided(ctx, Side::Source, s.span, ""));
            }
        }
    }
}

/// The spans of verbatim-mismatch's items on each side, found when first asked: most beads
/// have no number or code left unpaired to ask about.
#[derive(Default)]
struct VerbatimItems {
    source: OnceCell<Vec<Span>>,
    target: OnceCell<Vec<Span>>,
}

impl VerbatimItems {
    /// Whether `span` of `side` overlaps an item.
    fn hold(&self, ctx: &BeadContext, side: Side, span: Span) -> bool {
        let cell = match side {
            Side::Source => &self.source,
            Side::Target => &self.target,
        };
        (cell.get_or_init(|| item_spans(ctx.side(side).text)).iter()).any(|i| i.overlaps(span))
    }
}

/// A finding on what one side has and the other lacks, quoted (`kind` names it: `date `, or
/// nothing for a number or a code): reported on the side that has it.
fn one_sided(ctx: &BeadContext, side: Side, span: Span, kind: &str) -> Finding {
    let written = &ctx.side(side).text[span.range()];
    match side {
        Side::Source => ctx
            .finding(
                &RULE,
                format!("{kind}`{written}` of the source is missing in the target"),
            )
            .with_source(ctx.source_span(span)),
        Side::Target => ctx
            .finding(
                &RULE,
                format!("{kind}`{written}` in the target is not in the source"),
            )
            .with_target(ctx.target_span(span)),
    }
}

/// The value to suggest for target number `t`, which stands for source number `s`: the source's,
/// on the target's clock when one side tells the time on 12 hours (`14 h` → `2 p.m.`, not `14
/// p.m.`; `4 p.m.` → `16 h`).
fn suggested_value(ctx: &BeadContext, s: &NumberMention, t: &NumberMention) -> f64 {
    let afternoon = |side: &super::SideText, m: &NumberMention| {
        is_afternoon(side.text, m, &side.lang.afternoon)
    };
    let afternoon_hour = |value: f64| (13.0..24.0).contains(&value);
    if afternoon(&ctx.target, t) && afternoon_hour(s.value) {
        s.value - 12.0
    } else if afternoon(&ctx.source, s) && afternoon_hour(t.value) && s.value < 12.0 {
        s.value + 12.0
    } else {
        s.value
    }
}

/// The message of a target number, measure or code that stands for another of the source.
fn does_not_match(target: &str, source: &str) -> String {
    format!("`{target}` in the target does not match `{source}` in the source")
}

/// `value` rounded to three significant digits: a conversion suggested to a translator is
/// rounded as theirs would be (48.3, not 48.28032).
fn to_significant(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = 10f64.powf(value.abs().log10().floor() - 2.0);
    (value / magnitude).round() * magnitude
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{assert_finding_counts, run, run_from_french, run_with};

    fn flagged(source: &str, target: &str) -> Vec<String> {
        run(&NumberMismatch, source, target)
            .into_iter()
            .map(|f| f.1)
            .collect()
    }

    /// How many findings a French source and its English translation get.
    fn french_to_english(source: &str, target: &str) -> usize {
        run_from_french(&NumberMismatch, source, target).len()
    }

    /// Asserts that the pair gets one finding, whose message quotes `quoted`.
    fn one_finding_quoting(source: &str, target: &str, quoted: &str) {
        let found = run(&NumberMismatch, source, target);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].0.message.contains(quoted),
            "{}",
            found[0].0.message
        );
    }

    #[test]
    fn an_afternoon_hour_given_as_the_same_hour_of_a_24_hour_clock_is_flagged() {
        let found = run(
            &NumberMismatch,
            "The vote will take place this evening at 6 p.m.",
            "Le vote aura lieu ce soir, à 6 heures.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .0
                .message
                .contains("`6 heures` in the target is twelve hours off `6 p.m.`")
        );
        assert_eq!(found[0].0.suggestion.as_deref(), Some("18"));
        // The other way, the afternoon in the target: no hour to suggest.
        let found = run_from_french(&NumberMismatch, "Il arrive à 9 h.", "He arrives at 9 pm.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.suggestion, None);
        // The right hour, and the minutes after an hour, are no mismatch.
        assert_finding_counts(
            &NumberMismatch,
            &[
                ("The vote is at 6 p.m.", "Le vote a lieu à 18 heures.", 0),
                (
                    "Kick-off is at 3 : 05 pm.",
                    "Le coup d'envoi est à 15 : 05 heures.",
                    0,
                ),
                ("The debate lasted 3 hours.", "Le débat a duré 3 heures.", 0),
            ],
        );
    }

    #[test]
    fn a_minus_sign_lost_or_added_is_flagged() {
        one_finding_quoting(
            "Temperatures fell to -5°C overnight.",
            "Les températures sont tombées à 5 °C pendant la nuit.",
            "`5` in the target does not match `-5`",
        );
        assert_finding_counts(
            &NumberMismatch,
            &[
                (
                    "Growth was -0.3% (−0.3%).",
                    "La croissance a été de -0,3 % (-0,3 %).",
                    0,
                ),
                ("It rose by 3%.", "Elle a augmenté de -3 %.", 1),
                // A range, a code and a dash between spaces are no signs.
                (
                    "It took 10-15 days in 2005 - 2010.",
                    "Il a fallu 10-15 jours en 2005 - 2010.",
                    0,
                ),
                ("The G-7 met.", "Le G7 s'est réuni.", 0),
            ],
        );
    }

    #[test]
    fn a_cardinal_in_words_of_another_count_is_flagged() {
        one_finding_quoting(
            "One in three children lives in poverty.",
            "Un enfant sur quatre vit dans la pauvreté.",
            "`quatre` in the target does not match `three`",
        );
        one_finding_quoting(
            "Seventeen soldiers were killed.",
            "Soixante-dix soldats ont été tués.",
            "`Soixante-dix` in the target does not match `Seventeen`",
        );
        assert_finding_counts(
            &NumberMismatch,
            &[
                (
                    "Two thousand people marched.",
                    "Trois mille personnes ont défilé.",
                    1,
                ),
                // `both` counts two; `les deux` is its translation.
                (
                    "It requires changes on both sides.",
                    "Il faut des changements des trois côtés.",
                    1,
                ),
                (
                    "It requires changes on both sides.",
                    "Il faut des changements des deux côtés.",
                    0,
                ),
                ("The six-month chain.", "La chaîne de sept mois.", 1),
                (
                    "He spent nine and a half years there.",
                    "Il y a passé dix ans et demi.",
                    1,
                ),
                // The half said after the times, not in the number.
                (
                    "It was four and a half times as much.",
                    "C'était quatre fois et demie plus.",
                    0,
                ),
                // `cents` is a multiplier or money: the count before it may be all.
                (
                    "It will cost three to four cents more.",
                    "Il coûtera trois à quatre cents de plus.",
                    0,
                ),
                // A number in words on one side only may well be put in other words.
                ("The two of them left.", "Ils sont partis ensemble.", 0),
                ("Three-quarters of the soil.", "Les trois quarts du sol.", 0),
                (
                    "Six people came with two dogs.",
                    "Six personnes sont venues avec deux chiens.",
                    0,
                ),
                ("Six people came.", "6 personnes sont venues.", 0),
            ],
        );
        // Fractions in words are compared with the other side's.
        assert_finding_counts(
            &NumberMismatch,
            &[
                (
                    "Half of the voters abstained.",
                    "Le quart des électeurs s'est abstenu.",
                    1,
                ),
                (
                    "Half of the voters abstained.",
                    "La moitié des électeurs s'est abstenue.",
                    0,
                ),
                ("A quarter of an hour.", "Un quart d'heure.", 0),
            ],
        );
        // The French count of weeks in days: `quinze jours` are two weeks.
        let weeks = |target: &str| {
            run_with(
                &NumberMismatch,
                "Seit zwei Wochen.",
                target,
                "de",
                "fr",
                &Default::default(),
            )
        };
        assert!(weeks("Depuis quinze jours.").is_empty());
        assert_eq!(weeks("Depuis trois semaines.").len(), 1);
    }

    #[test]
    fn an_ordinal_in_words_of_another_rank_is_flagged() {
        one_finding_quoting(
            "The bank lost money in the third quarter.",
            "La banque a perdu de l'argent au quatrième trimestre.",
            "`quatrième` in the target does not match `third`",
        );
        assert_eq!(
            run_from_french(
                &NumberMismatch,
                "Il a été fondé au dix-huitième siècle.",
                "It was founded in the nineteenth century.",
            )
            .len(),
            1
        );
        assert_finding_counts(
            &NumberMismatch,
            &[
                ("In the third quarter.", "Au troisième trimestre.", 0),
                // Floors are counted from the ground in America, from the first in France.
                (
                    "Take the elevator to the fifth floor.",
                    "Prenez l'ascenseur au quatrième étage.",
                    0,
                ),
                // A fraction, not a rank; `first` and `second` are as often other words.
                (
                    "Today, one-fifth of it is blended.",
                    "Aujourd'hui, un cinquième est coupé.",
                    0,
                ),
                (
                    "First, the second point.",
                    "D'abord, le troisième point.",
                    0,
                ),
            ],
        );
    }

    #[test]
    fn equal_values_in_both_conventions_pass() {
        assert!(
            flagged(
                "1.3 billion users, 3.6% higher at $184.24",
                "1,3 milliard d'utilisateurs, en hausse de 3,6 % à 184,24 $"
            )
            .is_empty()
        );
        assert!(
            flagged(
                "some $100 billion and 87 million users in 2016",
                "quelque 100 milliards de dollars et 87 millions d'utilisateurs en 2016"
            )
            .is_empty()
        );
        assert!(flagged("3,000 meters", "trois mille mètres").is_empty());
        assert!(flagged("1 000 light years away", "à un millier d'années-lumière").is_empty());
        assert!(flagged("12,500 people", "12 500 personnes").is_empty());
        assert!(
            flagged(
                "in the 1960s and at 2 p.m.",
                "dans les années 60 et à 14 heures"
            )
            .is_empty()
        );
        assert!(flagged("until 1:45 a.m.", "jusqu'à 1h45").is_empty());
        assert!(flagged("about 8.30 p.m.", "vers 20 heures 30").is_empty());
        assert_eq!(
            french_to_english(
                "Le vote aura lieu à 18 heures.",
                "The vote will take place at 6 p.m."
            ),
            0
        );
        assert_eq!(
            french_to_english(
                "Le vote aura lieu à 18 heures.",
                "The vote will take place at 7 p.m."
            ),
            1
        );
        // A range shares the scale word of its end, whether or not the other side says it.
        assert!(
            flagged(
                "between EUR 2.5 billion and EUR 4.5 billion",
                "entre 2,5 et 4,5 milliards d'euros"
            )
            .is_empty()
        );
        assert!(
            flagged(
                "between 12 and 14 thousand people",
                "entre douze et quatorze mille personnes"
            )
            .is_empty()
        );
        assert_eq!(
            flagged("between 2.5 and 4.5 billion", "entre 2,5 et 4,5 millions"),
            vec!["2,5", "4,5 millions"]
        );
        // A telephone number grouped the other language's way.
        assert!(flagged("Call 0123456789 now.", "Appelez le 01 23 45 67 89.").is_empty());
        assert!(!flagged("Call 0123456789 now.", "Appelez le 01 23 45 67 88.").is_empty());
        assert_eq!(flagged("about 8.30 p.m.", "vers 21 heures 30"), vec!["21"]);
    }

    #[test]
    fn a_wrong_hour_is_suggested_on_the_target_clock() {
        let suggestion = |found: Vec<(Finding, String)>| found[0].0.suggestion.clone();
        let found = run(
            &NumberMismatch,
            "The vote is at 4 p.m.",
            "Le vote a lieu à 14 h.",
        );
        assert_eq!(suggestion(found).as_deref(), Some("16"));
        let found = run_from_french(
            &NumberMismatch,
            "Le vote a lieu à 14 h.",
            "The vote is at 4 p.m.",
        );
        assert_eq!(suggestion(found).as_deref(), Some("2"));
        // Morning hours keep the source's value.
        let found = run_from_french(&NumberMismatch, "Il arrive à 9 h.", "He arrives at 10 a.m.");
        assert_eq!(suggestion(found).as_deref(), Some("9"));
    }

    #[test]
    fn a_year_of_another_century_is_short_only_with_its_century_named() {
        for target in [
            "l'histoire remonte aux années 80 du XIXe siècle",
            "l'histoire remonte aux années 80 du dix-neuvième siècle",
            // The hyphen left out, as newstest2012's reference does.
            "l'histoire remonte aux années 80 du dix neuvième siècle",
        ] {
            assert!(flagged("the history goes back to the 1880s", target).is_empty());
        }
        // The century named is another one, or none: 80 reads as 1980.
        for target in [
            "l'histoire remonte aux années 80 du XVIIIe siècle",
            "l'histoire remonte aux années 80",
        ] {
            assert_eq!(
                flagged("the history goes back to the 1880s", target),
                ["80"]
            );
        }
    }

    #[test]
    fn wrong_scale_and_wrong_value_are_flagged() {
        assert_eq!(
            flagged("1.3 billion users", "1,3 billion d'utilisateurs"),
            vec!["1,3 billion"]
        );
        assert_eq!(
            flagged("1.3 billion users", "13 millions d'utilisateurs"),
            vec!["13 millions"]
        );
        let found = run(
            &NumberMismatch,
            "1.3 billion users",
            "13 millions d'utilisateurs",
        );
        assert_eq!(found[0].0.suggestion.as_deref(), Some("1,3 milliard"));
    }

    #[test]
    fn missing_and_added_numbers() {
        assert_eq!(
            flagged("It fell 5% on Monday.", "Il a chuté lundi."),
            vec!["5"]
        );
        assert_eq!(
            flagged("It fell on Monday.", "Il a chuté de 5 % lundi."),
            vec!["5"]
        );
    }

    #[test]
    fn a_value_said_again_on_one_side_is_no_mismatch() {
        assert!(
            flagged(
                "what we wanted in 2008, or did in 2008.",
                "ce que nous voulions en 2008."
            )
            .is_empty()
        );
        assert!(flagged("food 24 hours a day", "à manger 24 heures sur 24").is_empty());
        // Digits repeat for different things: a changed score is still a mismatch.
        let changed = flagged("after 0 : 3, a 0 : 0 draw", "après le 0 : 3, un 4 : 0");
        assert_eq!(changed.len(), 1, "{changed:?}");
    }

    #[test]
    fn codes_are_compared_whole_with_or_without_their_hyphen() {
        one_finding_quoting(
            "The A380 flew over Toulouse.",
            "L'A390 a survolé Toulouse.",
            "`A390` in the target does not match `A380`",
        );
        assert_finding_counts(
            &NumberMismatch,
            &[
                ("The G7 met in 1975.", "Le G-7 s'est réuni en 1975.", 0),
                ("The G-7 met in 1975.", "Le G7 s'est réuni en 1975.", 0),
                ("The A380 and the B747.", "Le B747 et l'A380.", 0),
                ("The G-7 met.", "Le G-8 s'est réuni.", 1),
                ("The G-7 met.", "Le G8 s'est réuni.", 1),
                // A hyphenated code of no family of the other side is read as numbers.
                ("The EU-15 grew.", "L'UE à 15 a grandi.", 0),
                (
                    "Prices of the mid-1990s.",
                    "Les prix du milieu des années 1990.",
                    0,
                ),
                // Versions and addresses are codes; thousands grouped and dates are numbers.
                ("Version 2.4.1 is out.", "La version 2.4.1 est sortie.", 0),
                ("Version 2.4.1 is out.", "La version 2.4.2 est sortie.", 1),
                (
                    "The server 192.168.1.1 is down.",
                    "Le serveur 192.168.1.1 est en panne.",
                    0,
                ),
                (
                    "It has 1,234,567 people.",
                    "Il compte 1.234.567 habitants.",
                    0,
                ),
                (
                    "It has 1,234,567 people.",
                    "Il compte 1.234.568 habitants.",
                    1,
                ),
            ],
        );
    }

    #[test]
    fn a_length_of_time_may_be_counted_in_another_unit() {
        let none: Vec<String> = Vec::new();
        let same = [
            (
                "In a space of 50 years, the industry had three incidents.",
                "En un demi-siècle, l'industrie a connu trois accidents.",
            ),
            (
                "He worked for 30 years in a Soviet centre.",
                "Il a travaillé pendant trois décennies dans un centre soviétique.",
            ),
            (
                "She travelled over the last one and a half years.",
                "Elle a voyagé pendant les 18 derniers mois.",
            ),
            ("It took half a century.", "Cela a pris 50 ans."),
            (
                "Dock dues have existed for 150 years.",
                "L'octroi de mer existe depuis un siècle et demi.",
            ),
            ("It took 18 months.", "Cela a pris un an et demi."),
            ("It took 15 months.", "Cela a pris un an et quart."),
            ("It took one year and a quarter.", "Cela a pris 15 mois."),
            ("It lasted two weeks.", "Cela a duré 14 jours."),
            ("A 90-second clip.", "Un extrait d'une minute et demie."),
        ];
        for (source, target) in same {
            assert_eq!(flagged(source, target), none, "{source}");
        }
        // Another length is still another number.
        assert_eq!(
            flagged(
                "He came to power 41 years ago.",
                "Il a pris le pouvoir il y a quatre décennies."
            ),
            vec!["41"]
        );
        assert_eq!(
            flagged(
                "He worked for 30 years.",
                "Il a travaillé pendant trois ans."
            ),
            vec!["30"]
        );
    }

    #[test]
    fn a_measure_converted_to_another_system_is_the_same_number() {
        let none: Vec<String> = Vec::new();
        let same = [
            (
                "The 1,700-mile pipeline would extend from Canada.",
                "L'oléoduc de 2 736 km s'étendrait du Canada.",
            ),
            // Rounded as translators round.
            ("The road is 30 miles long.", "La route fait 50 km."),
            ("The wall is 10 feet high.", "Le mur fait 3 mètres de haut."),
            ("He weighs 200 pounds.", "Il pèse 91 kilos."),
            (
                "They pumped 2 million barrels.",
                "Ils ont pompé 2 millions de barils.",
            ),
            // Units that are whole multiples of each other convert exactly.
            ("The track is 1.5 km long.", "La piste fait 1 500 mètres."),
        ];
        for (source, target) in same {
            assert_eq!(flagged(source, target), none, "{source}");
        }
        // Beyond rounding, or off between whole multiples, it is another number.
        assert_eq!(
            flagged("The road is 30 miles long.", "La route fait 40 km."),
            vec!["40"]
        );
        assert_eq!(
            flagged("It took 1 year.", "Cela a pris 13 mois."),
            vec!["13"]
        );
        // A source written with the other language's separators (newstest's French `2,735
        // km`, 2 735 km) is converted right; the same number in the source's unit is not.
        let source = "L'oléoduc de 2,735 km s'étendrait du Canada.";
        assert_eq!(
            french_to_english(source, "The 1,700-mile pipeline would extend from Canada."),
            0
        );
        assert_eq!(
            french_to_english(source, "The 1,700-km pipeline would extend from Canada."),
            1
        );
    }

    #[test]
    fn a_unit_changed_without_converting_is_flagged_with_the_conversion() {
        one_finding_quoting(
            "After spending 72 days in jail, he will be free.",
            "Après avoir passé 72 ans en prison, il sera libre.",
            "`72 ans` in the target does not match `72 days`",
        );
        one_finding_quoting(
            "The road is 30 miles long and 3 metres wide.",
            "La route fait 30 km de long et 3 mètres de large.",
            "about 48,3 km",
        );
        // The unit is read on a compound too (`32-year-old`), and a number with the same unit
        // is paired first: the changed one is found whichever comes first.
        let found = run(
            &NumberMismatch,
            "The 32-year-old walked 3 metres in 3 days.",
            "La femme de 32 mois a marché 3 kilomètres en 3 jours.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        // A number without a unit does not take the pair of a changed unit's number.
        one_finding_quoting(
            "After three complete days at 3 metres per second, it arrives.",
            "Après 3 jours complets à 3 kilomètres par seconde, il arrive.",
            "3 kilomètres",
        );
        // A number written the other language's way is compared in its unit too (its format
        // is number-format's).
        one_finding_quoting(
            "It would carry 700,000 barrels a day.",
            "Il transporterait 700,000 hl par jour.",
            "`700,000 hl`",
        );
        assert!(
            flagged(
                "It would carry 700,000 barrels a day.",
                "Il transporterait 700,000 barils par jour."
            )
            .is_empty()
        );
        // And so is a decimal that a tokenizer split at its mark.
        one_finding_quoting(
            "The coin , at 21.75 mm , is as large .",
            "La pièce , de 21 , 75 centimètres , est aussi grande .",
            "`21 , 75 centimètres`",
        );
        assert!(
            flagged(
                "The coin , at 21.75 mm , is as large .",
                "La pièce , de 21 , 75 mm , est aussi grande ."
            )
            .is_empty()
        );
        // And so is a source number written the other way.
        assert_eq!(
            french_to_english(
                "Il transporterait 700,000 barils par jour.",
                "It would carry 700,000 gallons a day."
            ),
            1
        );
        assert_eq!(
            french_to_english(
                "Il transporterait 700,000 barils par jour.",
                "It would carry 700,000 barrels a day."
            ),
            0
        );
    }

    #[test]
    fn the_start_of_a_range_takes_the_unit_said_after_its_end() {
        // Text+Berg: `8501 à 8510 m` ↔ `8501 m bzw. ca. 8510 m`.
        one_finding_quoting(
            "The summit is between 8501 and 8510 m high.",
            "Le sommet culmine entre 8501 km et 8510 m.",
            "`8501 km`",
        );
        assert_finding_counts(
            &NumberMismatch,
            &[
                (
                    "The summit is between 8501 and 8510 m high.",
                    "Le sommet culmine entre 8501 m et 8510 m.",
                    0,
                ),
                ("It is 5 to 10 miles long.", "Il fait de 8 à 16 km.", 0),
                (
                    "He has 2 sons and 3 daughters.",
                    "Il a 2 fils et 3 filles.",
                    0,
                ),
            ],
        );
        // A number in its own unit keeps its counterpart in the same unit: the range's start
        // that borrows `jours` does not take it (newstest).
        let found = run(
            &NumberMismatch,
            "37 % lasted less than 8 days.",
            "37 % duraient moins de 8 semaines, 22 % de 8 à 14 jours.",
        );
        assert!(
            found[0]
                .0
                .message
                .starts_with("`8 semaines` in the target does not match `8 days`"),
            "{found:?}"
        );
    }

    #[test]
    fn a_unit_the_source_leaves_unsaid_is_read_from_the_words_before_it() {
        // `aged 42` is 42 years; so is the end of a range after such words, and a number
        // word compounded with its unit. The finding quotes the source as written.
        for (source, target, quoted) in [
            (
                "A man aged 42 was kidnapped.",
                "Un homme de 42 décennies a été enlevé.",
                "`aged 42`",
            ),
            (
                "The youngest was a three-year-old child.",
                "Le plus jeune était un enfant de 3 décennies.",
                "`three-year-old`",
            ),
            (
                "Rocco, a young man of 31, was accused.",
                "Rocco, un jeune homme de 31 décennies, a été accusé.",
                "`man of 31`",
            ),
            // The press gives an age after a name, between brackets or commas, and after
            // `he's`.
            (
                "Josef Rychtář (53) became her bodyguard.",
                "Josef Rychtář (53 décennies) est devenu son garde du corps.",
                "`Rychtář (53)`",
            ),
            (
                "Asked how she feels, Giffords, 41, responded.",
                "Interrogée, Giffords, 41 décennies, a répondu.",
                "`Giffords, 41,`",
            ),
            (
                "She was 21 when she went in.",
                "Elle avait 21 décennies quand elle est entrée.",
                "`She was 21`",
            ),
            (
                "I thought, no, he's 19.",
                "Je me suis dit : non, il a 19 décennies.",
                "`he's 19`",
            ),
            // An age bound, and an age by the decade of one's life (Europarl).
            (
                "Five million of them are under 25.",
                "Cinq millions d'entre eux ont moins de 25 décennies.",
                "`are under 25`",
            ),
            (
                "Most smokers started under 18.",
                "La plupart des fumeurs ont commencé avant 18 décennies.",
                "`under 18`",
            ),
            (
                "I am now in my 40s and have been to many funerals.",
                "J'ai plus de 40 décennies et j'ai assisté à bien des funérailles.",
                "`in my 40`",
            ),
            // The measured number is paired first, not the ordinal of `third-country`.
            (
                "A third-country national may stay for three months.",
                "Un ressortissant d'un pays tiers peut rester 3 ans.",
                "`three months`",
            ),
        ] {
            one_finding_quoting(source, target, quoted);
        }
        // The target's range says its unit once, after its end: both numbers are in the wrong
        // unit, each with its conversion to suggest.
        for (source, target, quoted) in [
            (
                "It helps women aged between 50 and 69.",
                "Elle aide les femmes de 50 à 69 décennies.",
                ["`50 à 69 décennies`", "`aged between 50 and 69`"],
            ),
            (
                "A third of children between 9 and 13 are overweight.",
                "Un tiers des enfants de 9 à 13 décennies sont en surpoids.",
                ["`9 à 13 décennies`", "`children between 9 and 13`"],
            ),
        ] {
            let found = run(&NumberMismatch, source, target);
            let messages: Vec<&str> = found.iter().map(|f| f.0.message.as_str()).collect();
            assert_eq!(messages.len(), 2, "{messages:?}");
            assert!(messages[0].contains(quoted[0]), "{messages:?}");
            assert!(messages[1].contains(quoted[1]), "{messages:?}");
        }
        assert_finding_counts(
            &NumberMismatch,
            &[
                (
                    "A man aged 42 was kidnapped.",
                    "Un homme de 42 ans a été enlevé.",
                    0,
                ),
                (
                    "It helps women aged between 50 and 69.",
                    "Elle aide les femmes de 50 à 69 ans.",
                    0,
                ),
                (
                    "Josef Rychtář (53) became her bodyguard.",
                    "Josef Rychtář (53 ans) est devenu son garde du corps.",
                    0,
                ),
                // Not after a name, not a whole number, or not set off: no age.
                (
                    "The group, 41, left.",
                    "Le groupe, 41 décennies, est parti.",
                    0,
                ),
                (
                    "Model X (2.5) is sold.",
                    "Le modèle X (2,5 km) est vendu.",
                    0,
                ),
                (
                    "Giffords 41 responded.",
                    "Giffords 41 décennies a répondu.",
                    0,
                ),
                // A no-break space before the start of a range is a space like any other.
                (
                    "Women aged between\u{202f}50 and 69.",
                    "Les femmes de 50 à 69 ans.",
                    0,
                ),
                ("Aged\u{a0}50 - 69 mm.", "De 50 à 69 mm.", 0),
                // Without such words the number has no unit to compare.
                (
                    "The score was 21 when she went in.",
                    "Le score était de 21 décennies.",
                    0,
                ),
            ],
        );
    }

    #[test]
    fn french_measures_with_an_elided_filler_and_in_miles_are_read() {
        let about_twenty = "Ils négocient depuis une vingtaine d'années.";
        assert_eq!(
            french_to_english(about_twenty, "They have talked for some 20 years."),
            0
        );
        assert_eq!(
            french_to_english(about_twenty, "They have talked for some 20 decades."),
            1
        );
        let fifty = "Des eaux à 50 milles de la côte.";
        assert_eq!(
            french_to_english(fifty, "Waters within 50 miles of the coast."),
            0
        );
        assert_eq!(
            french_to_english(fifty, "Waters within 50 km of the coast."),
            1
        );
    }

    #[test]
    fn a_fraction_adds_to_its_number() {
        let deep = "The water was 1½ metres deep.";
        assert!(flagged(deep, "L'eau était profonde de 1,50 m.").is_empty());
        assert_eq!(flagged(deep, "L'eau était profonde de 1 m."), vec!["1"]);
        let served = "He served 2 1/2 years in prison.";
        assert!(flagged(served, "Il a passé deux ans et demi en prison.").is_empty());
        assert!(flagged(served, "Il a passé 2,5 ans en prison.").is_empty());
        assert_eq!(
            flagged(served, "Il a passé 3,5 ans en prison."),
            vec!["3,5"]
        );
    }

    #[test]
    fn hours_and_minutes_match_the_same_length_of_time() {
        assert!(flagged("a landmark 5 1/2-hour argument", "un argument de 5h30").is_empty());
        assert!(flagged("The film lasts 90 minutes.", "Le film dure 1h30.").is_empty());
        assert!(flagged("The film lasts 1.5 hours.", "Le film dure 1 h 30.").is_empty());
        assert_eq!(
            french_to_english("Le film dure 1h30.", "The film lasts 90 minutes."),
            0
        );
        assert_eq!(
            flagged("The film lasts 80 minutes.", "Le film dure 1h30."),
            vec!["1", "30"]
        );
    }

    #[test]
    fn hours_in_words_match_minutes_and_an_article_before_a_unit_is_one() {
        let none: Vec<String> = Vec::new();
        let same = [
            (
                "It was complete about 75 minutes later.",
                "C'était terminé environ une heure et quart plus tard.",
            ),
            (
                "The meeting lasted 90 minutes.",
                "La réunion a duré une heure et demie.",
            ),
            ("He waited 30 minutes.", "Il a attendu une demi-heure."),
            (
                "The train leaves in 15 minutes.",
                "Le train part dans un quart d'heure.",
            ),
            (
                "He waited 45 minutes.",
                "Il a attendu trois quarts d'heure.",
            ),
            (
                "He waited three quarters of an hour.",
                "Il a attendu 45 minutes.",
            ),
            (
                "Three quarters of the population voted.",
                "75 % de la population a voté.",
            ),
            (
                "They walked for an hour and a half.",
                "Ils ont marché 90 minutes.",
            ),
            ("It lasted half an hour.", "Cela a duré 30 minutes."),
            (
                "The flight lasts two and a half hours.",
                "Le vol dure 150 minutes.",
            ),
            ("It lasted a year and a half.", "Cela a duré 18 mois."),
            // After digits `heures` stays a time of day.
            ("The vote is at 3 p.m.", "Le vote a lieu à 15 heures."),
        ];
        for (source, target) in same {
            assert_eq!(flagged(source, target), none, "{source}");
        }
        assert_eq!(
            flagged("He waited 45 minutes.", "Il a attendu une demi-heure."),
            vec!["45"]
        );
        assert_eq!(
            flagged("It lasted a year.", "Cela a duré 18 mois."),
            vec!["18"]
        );
    }

    #[test]
    fn a_unit_of_length_squared_is_a_unit_of_area() {
        let shops = "Carrefour arrives with 20 000 square metres.";
        assert!(flagged(shops, "Carrefour arrive avec 20 000 mètres carrés.").is_empty());
        let found = run(
            &NumberMismatch,
            shops,
            "Carrefour arrive avec 20 000 kilomètres carrés.",
        );
        assert_eq!(found.len(), 1);
        let message = &found[0].0.message;
        assert!(
            message.contains("(about 0,02 kilomètres carrés)"),
            "{message}"
        );
        // Squared by a sign, as a tokenizer leaves it, and converted between systems.
        let bank = "So far, 164 km2 of the West Bank.";
        assert!(flagged(bank, "À ce jour, 164 km ² de la Cisjordanie.").is_empty());
        assert_eq!(
            flagged(bank, "À ce jour, 164 mile ² de la Cisjordanie.").len(),
            1
        );
        assert!(flagged("It covers 30 square miles.", "Il couvre 78 km².").is_empty());
        assert_eq!(
            flagged("It covers 30 square miles.", "Il couvre 30 km².").len(),
            1
        );
        // A unit of length that nothing squares stays one of length.
        assert!(
            flagged(
                "A room 30 metres square.",
                "Une salle de 30 mètres de côté."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_percentage_matches_its_fraction_in_words() {
        assert!(flagged("It fell by 50 per cent.", "Elle a chuté de moitié.").is_empty());
        assert!(
            flagged(
                "It kills a quarter of smokers.",
                "Elle tue 25 % des fumeurs."
            )
            .is_empty()
        );
        assert_eq!(
            flagged("It fell by 40 per cent.", "Elle a chuté de moitié.").len(),
            1
        );
        // Not 100 % against an article.
        assert_eq!(
            flagged("It is 100 % sure.", "C'est une certitude.").len(),
            1
        );
    }

    #[test]
    fn a_decimal_split_by_a_tokenizer_still_matches() {
        assert!(flagged("grew by 0.5 % .", "une croissance de 0 , 5 % .").is_empty());
        assert!(flagged("grew by 0 . 5 % .", "une croissance de 0,5 % .").is_empty());
        assert!(flagged("about 10 , 000 settlers", "environ 10 000 colons").is_empty());
        assert!(flagged("risen to 4.5 million .", "passé à 4 , 5 millions .").is_empty());
        // A piece of the split decimal is also a number word elsewhere (`three years`).
        assert!(
            flagged(
                "spent USD 3.2 million over three years .",
                "dépensé 3 , 2 millions de dollars en trois ans .",
            )
            .is_empty()
        );
        assert_eq!(
            flagged("risen to 4.5 million .", "passé à 4 , 6 millions .").len(),
            2
        );
        assert!(flagged("some 60 , 000 people", "quelque 60000 personnes").is_empty());
        assert_eq!(
            flagged("about 10 , 000 settlers", "environ 10 500 colons").len(),
            2
        );
        // A list is not a decimal, and a wrong decimal stays wrong.
        assert_eq!(
            flagged("chapters 3 , 4 and 5", "les chapitres 3 , 4 et 6"),
            vec!["6"]
        );
        assert_eq!(
            flagged("grew by 0.5 % .", "une croissance de 0 , 6 % ."),
            vec!["0", "6"]
        );
    }

    #[test]
    fn a_date_in_digits_agrees_with_the_same_day_written_any_way() {
        let source = "The meeting is on 12/25/2026.";
        assert_finding_counts(
            &NumberMismatch,
            &[
                (source, "La réunion a lieu le 25 décembre 2026.", 0),
                (source, "La réunion a lieu le 25/12/2026.", 0),
                (
                    "The meeting is on 2026-12-25.",
                    "La réunion a lieu le 25 décembre 2026.",
                    0,
                ),
                (
                    "The meeting is on December 25, 2026.",
                    "La réunion a lieu le 25.12.2026.",
                    0,
                ),
                // An English date may be either order: the French one picks.
                (
                    "We met on 1/2/2026.",
                    "Nous nous sommes vus le 1er février 2026.",
                    0,
                ),
                // The month of a range's first date is named once (`3 au 5 décembre`).
                (
                    "It runs from 3.12.2026 to 5.12.2026.",
                    "Elle dure du 3 au 5 décembre 2026.",
                    0,
                ),
            ],
        );
    }

    #[test]
    fn a_date_naming_another_day_is_reported_whole() {
        let found = run(
            &NumberMismatch,
            "The meeting is on 12/25/2026.",
            "La réunion a lieu le 26 décembre 2026.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "26 décembre 2026");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("25 décembre 2026"));
        let found = run(
            &NumberMismatch,
            "Due on December 25, 2026.",
            "À rendre le 25/11/2026.",
        );
        assert_eq!(found[0].0.suggestion.as_deref(), Some("25/12/2026"));
        let found = run_with(
            &NumberMismatch,
            "Die Sitzung ist am 25.12.2026.",
            "La réunion a lieu le 24/12/2026.",
            "de",
            "fr",
            &Default::default(),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("25/12/2026"));
        // A date dropped is one finding, not three numbers.
        let found = run(&NumberMismatch, "Due on 25.12.2026.", "À rendre demain.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "25.12.2026");
    }

    #[test]
    fn numbers_and_codes_inside_a_verbatim_item_are_left_to_it() {
        assert_finding_counts(
            &NumberMismatch,
            &[
                (
                    "See https://example.com/2012/page2 now.",
                    "Voir https://example.com/2013/page3.",
                    0,
                ),
                (
                    "Open report2.pdf or press Alt+F4.",
                    "Ouvrez report3.pdf ou appuyez sur Alt+F2.",
                    0,
                ),
                // Outside an item, the same change is this rule's.
                (
                    "Page 2 of the 2012 report.",
                    "Page 3 du rapport de 2013.",
                    2,
                ),
            ],
        );
    }

    #[test]
    fn a_version_is_compared_whole_and_missed_when_dropped() {
        let source = "Update to version 10.15 now.";
        assert_finding_counts(
            &NumberMismatch,
            &[
                (source, "Passez à la version 10.15 maintenant.", 0),
                (source, "Passez à la version 10.16 maintenant.", 1),
                (source, "Passez maintenant à la nouvelle version.", 1),
            ],
        );
    }

    #[test]
    fn a_multiple_is_compared_as_a_count() {
        assert_finding_counts(
            &NumberMismatch,
            &[
                (
                    "Sales doubled last year.",
                    "Les ventes ont triplé l'an dernier.",
                    1,
                ),
                (
                    "Sales doubled last year.",
                    "Les ventes ont doublé l'an dernier.",
                    0,
                ),
                (
                    "Sales doubled.",
                    "Les ventes ont été multipliées par deux.",
                    0,
                ),
                (
                    "A threefold increase.",
                    "Une hausse multipliée par quatre.",
                    1,
                ),
            ],
        );
    }

    #[test]
    fn round_plurals_are_compared_by_their_size() {
        assert_finding_counts(
            &NumberMismatch,
            &[
                (
                    "Hundreds of people came.",
                    "Des milliers de personnes sont venues.",
                    1,
                ),
                (
                    "Hundreds of people came.",
                    "Des centaines de personnes sont venues.",
                    0,
                ),
                (
                    "Dozens of people came.",
                    "Des dizaines de personnes sont venues.",
                    0,
                ),
                (
                    "Tens of thousands fled.",
                    "Des dizaines de milliers ont fui.",
                    0,
                ),
                (
                    "Tens of thousands fled.",
                    "Des centaines de milliers ont fui.",
                    1,
                ),
            ],
        );
    }
}
