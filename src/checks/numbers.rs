//! Pairs the numbers of a source segment with those of its translation, by value, for the
//! number checks.

use super::codes::{codes, ends_code_in};
use super::{BeadContext, SideText};
use crate::locale::calendar::{CalendarKind, DateOrder};
use crate::locale::date::{Day, NumericDate, find_written_dates};
use crate::locale::number::{
    AMOUNT_SPACES, NumberMention, SKIPPED_COMPOUND_PART, Written, find_numbers,
    find_numbers_and_dates, same_value, time_unit_end,
};
use crate::locale::{Language, Unit};
use crate::model::{Side, Span};
use crate::textutil::{fold, is_capitalized, word_iter};

/// The outcome of pairing numbers by value.
#[derive(Debug, Default)]
pub struct NumberPairing {
    /// Digit numbers of the source with no counterpart in the target.
    pub missing: Vec<NumberMention>,
    /// Digit numbers of the target with no counterpart in the source.
    pub added: Vec<NumberMention>,
    /// Target numbers whose value is right only under the other separator convention, or
    /// written with the other convention's decimal mark.
    pub misformatted: Vec<Misformatted>,
    /// Afternoon hours given as the same hour of a 24-hour clock, either way.
    pub hours_apart: Vec<HoursApart>,
    /// Ordinals in words left without a counterpart on each side, paired in order: the
    /// target's says another rank than the source's (`third` → `quatrième`).
    pub ordinals_changed: Vec<(NumberMention, NumberMention)>,
    /// Cardinals and fractions in words left without a counterpart on each side, paired in
    /// order: the target's says another count than the source's (`three` → `quatre`, `half` →
    /// `le quart`).
    pub cardinals_changed: Vec<(NumberMention, NumberMention)>,
    /// Numbers of the same value whose units measure the same quantity but differ in size:
    /// `30 miles` given as `30 km`.
    pub unit_changed: Vec<UnitChange>,
    /// The source and target numbers paired by their value (read as written, in the other
    /// convention, or joined where a tokenizer split them), each as its span (scale word
    /// included): what the currency check compares.
    pub same_value: Vec<(Span, Span)>,
    /// Spans of the numbers written in words that found a counterpart, on each side
    /// (`mil neuf cent vingt et un` for `1921`): their words are accounted for.
    pub paired_words: (Vec<Span>, Vec<Span>),
    /// Dates, one side's in digits, that name another day than the other side's
    /// (`25.12.2026` ↔ `24 décembre 2026`).
    pub dates_changed: Vec<DateChange>,
    /// Target dates in digits that make a day only in the source language's order, the
    /// source's day (`12/25/2026` ↔ `12/25/2026` in French, which reads the day first).
    pub dates_misordered: Vec<DateChange>,
    /// Source dates in digits none of whose numbers the target has.
    pub dates_missing: Vec<Span>,
    /// Target dates in digits none of whose numbers the source has.
    pub dates_added: Vec<Span>,
}

/// A source and a target date, as written, and the source's day written as the target's
/// date is, when it can be.
#[derive(Debug, Clone)]
pub struct DateChange {
    pub source: Span,
    pub target: Span,
    pub suggestion: Option<String>,
}

/// A target number written in the other convention, and the source number it stands for.
#[derive(Debug, Clone)]
pub struct Misformatted {
    pub source: NumberMention,
    pub target: NumberMention,
    /// What the target's writer meant: the source's value, or its measure in the target's
    /// unit (`2,735 km` for `1,700 miles` means 2735, not 1700).
    pub meant: f64,
}

/// A number carried over with its unit changed for another of the same quantity.
#[derive(Debug, Clone)]
pub struct UnitChange {
    pub source: NumberMention,
    pub target: NumberMention,
    /// The source's measure as written: number and unit (`30 miles`), or the words that imply
    /// the unit and the number (`aged 42`).
    pub source_written: String,
    /// The target's measure as written.
    pub target_written: String,
    pub target_unit: String,
    /// The source's measure in the target's unit.
    pub converted: f64,
}

/// An hour of the afternoon on one side given as the same hour of a 24-hour clock on the
/// other (`3 p.m.` ↔ `3 h`, which is 3 in the morning).
#[derive(Debug, Clone)]
pub struct HoursApart {
    pub source: NumberMention,
    pub target: NumberMention,
    /// Each side's time as written, marker or time word included (`3 p.m.`, `3 h`).
    pub source_written: String,
    pub target_written: String,
    /// Whether the source is the side that says afternoon.
    pub afternoon_in_source: bool,
}

impl NumberPairing {
    /// Whether the word at `span` of `side` belongs to a number in words that found its
    /// counterpart.
    pub fn accounts_for(&self, side: Side, span: Span) -> bool {
        let spans = match side {
            Side::Source => &self.paired_words.0,
            Side::Target => &self.paired_words.1,
        };
        spans.iter().any(|s| s.contains(span))
    }
}

/// Pairs numbers: first digits with equal values (those in the same unit before the others),
/// then values that agree once the target's separators are read the other way, then digits
/// with number words on the other side, then measures in other units; and notes the numbers
/// carried over with their unit changed.
pub fn pair_numbers(ctx: &BeadContext) -> NumberPairing {
    let (source, source_dates) = find_numbers_and_dates(ctx.source.text, ctx.source.lang);
    let (target, target_dates) = find_numbers_and_dates(ctx.target.text, ctx.target.lang);
    let mut used = Used {
        source: vec![false; source.len()],
        target: vec![false; target.len()],
    };
    let mut pairing = NumberPairing::default();
    // Dates first: their fields are not numbers to pair with any other (`25.12.2026` ↔ `25
    // décembre 2026`).
    let unpaired_dates = if !source_dates.is_empty() || !target_dates.is_empty() {
        used.pair_dates(
            ctx,
            (&source, source_dates),
            (&target, target_dates),
            &mut pairing,
        )
    } else {
        Default::default()
    };
    // Digits, and numbers in words that reach a million (`ten billion`, `des milliards`),
    // must find their counterpart; smaller number words only help digits find theirs, since
    // `one` and `un` are as often pronouns and articles as numbers.
    let digits = |m: &NumberMention| m.written == Written::Digits || m.value >= 1e6;

    // 12-hour times that say p.m. (`3 p.m.`), and whole hours of a 24-hour clock (`3 h`): the
    // two agree only twelve hours apart.
    let afternoons = |side: &SideText, mentions: &[NumberMention]| -> Vec<bool> {
        (mentions.iter())
            .map(|m| digits(m) && is_afternoon(side.text, m, &side.lang.afternoon))
            .collect()
    };
    let (source_afternoons, target_afternoons) = (
        afternoons(&ctx.source, &source),
        afternoons(&ctx.target, &target),
    );
    let clock_hour = |side: &SideText, m: &NumberMention| {
        digits(m)
            && m.value >= 1.0
            && m.value < 12.0
            && !are_minutes(side.text, m)
            && time_unit_end(side.text, m.span.end, side.lang).is_some()
    };
    // An afternoon hour against the same hour of a 24-hour clock (`3 p.m.` ↔ `3 h`, which is
    // 3 in the morning): the same digits, not the same time. Not the minutes after the hour
    // (`3 : 05 pm` ↔ `15 : 05 heures`).
    let hours_apart = |i: usize, j: usize| {
        let (s, t) = (&source[i], &target[j]);
        let afternoon_hour = |text: &str, m: &NumberMention| !are_minutes(text, m);
        (source_afternoons[i]
            && afternoon_hour(ctx.source.text, s)
            && !target_afternoons[j]
            && clock_hour(&ctx.target, t))
            || (target_afternoons[j]
                && afternoon_hour(ctx.target.text, t)
                && !source_afternoons[i]
                && clock_hour(&ctx.source, s))
    };
    // A source and a target number with their units, when both have one. Each number's
    // measure is found once: a pass may compare it with every number of the other side.
    let (source_measures, target_measures) = (
        Measures::new(ctx.source.text, &source, ctx.source.lang),
        Measures::new(ctx.target.text, &target, ctx.target.lang),
    );
    let measures =
        |s: &NumberMention, t: &NumberMention| source_measures.of(s).zip(target_measures.of(t));
    // Both numbers with a unit, the two units measuring the same quantity.
    let same_quantity = |s: &NumberMention, t: &NumberMention| {
        measures(s, t).is_some_and(|(a, b)| a.quantity == b.quantity)
    };
    // The same value in the same unit first (`3 metres … 3 days` ↔ `3 jours … 3 mètres`), so
    // that a unit changed on one of them (`3 kilomètres`) is not hidden by the other. Each
    // number's own unit: a range's start that borrows its end's (`de 8 à 14 jours`) could
    // take the counterpart of a number whose own unit was changed (`8 days` ↔ `8 semaines`).
    let same_unit = used.pass_indexed(|i, j| {
        let (s, t) = (&source[i], &target[j]);
        digits(s)
            && digits(t)
            && same_value(s.value, t.value)
            && !hours_apart(i, j)
            && measures(s, t)
                .is_some_and(|(a, b)| !a.borrowed && !b.borrowed && a.agrees_with(&b, b.value))
    });
    // Then the same value in units of the same quantity (`3 mètres … trois jours` ↔ `3 days …
    // 3 kilometers`), so that the changed unit is compared with the unit it replaced.
    let same_value_and_quantity = used.pass_indexed(|i, j| {
        let (s, t) = (&source[i], &target[j]);
        digits(s)
            && digits(t)
            && same_value(s.value, t.value)
            && same_quantity(s, t)
            && !hours_apart(i, j)
    });
    let same_number = used.pass_indexed(|i, j| {
        let (s, t) = (&source[i], &target[j]);
        digits(s) && digits(t) && same_value(s.value, t.value) && !hours_apart(i, j)
    });
    for &(i, j) in same_unit
        .iter()
        .chain(&same_value_and_quantity)
        .chain(&same_number)
    {
        if target[j].foreign_format {
            pairing.misformatted.push(Misformatted {
                source: source[i].clone(),
                target: target[j].clone(),
                meant: target[j].value,
            });
        }
    }
    // The unit change between a source and a target number paired by value, if any.
    let unit_change = |s: &NumberMention, t: &NumberMention| {
        measures(s, t).and_then(|(a, b)| UnitChange::of(s, t, &a, &b, b.value))
    };
    // Notes the pairs of equal value, and the unit changes among them.
    let mut check_units = |pairs: &[(usize, usize)]| {
        for &(i, j) in pairs {
            pairing.same_value.push((source[i].span, target[j].span));
            pairing
                .unit_changed
                .extend(unit_change(&source[i], &target[j]));
        }
    };
    check_units(&same_unit);
    check_units(&same_value_and_quantity);
    check_units(&same_number);
    // Values that agree when the target is read with the other convention (`1,300` for 1300).
    let reread = |s: &NumberMention, t: &NumberMention| {
        digits(s) && digits(t) && t.other_reading.is_some_and(|v| same_value(s.value, v))
    };
    // Unit changes of numbers paired once read another way (the other convention, a decimal
    // a tokenizer split), reported after the others.
    let mut unit_changes_read_again = Vec::new();
    let mut paired_read_again = Vec::new();
    for (i, j) in used.pass(&source, &target, reread) {
        let (s, t) = (&source[i], &target[j]);
        paired_read_again.push((s.span, t.span));
        pairing.misformatted.push(Misformatted {
            source: s.clone(),
            target: t.clone(),
            meant: s.value,
        });
        // Read as the source reads it, the target's measure may still be in another unit
        // (`700,000 barrels` ↔ `700,000 hl`).
        let change = measures(s, t).and_then(|(a, b)| {
            let reread = b.other_reading?;
            UnitChange::of(s, t, &a, &b, reread)
        });
        unit_changes_read_again.extend(change);
    }
    // A source written in the other convention (`5.352 pesos` for 5352), compared in its
    // unit as the target reads it.
    let source_reread = used.pass(&source, &target, |s, t| {
        digits(s) && digits(t) && s.other_reading.is_some_and(|v| same_value(v, t.value))
    });
    for (i, j) in source_reread {
        let (s, t) = (&source[i], &target[j]);
        paired_read_again.push((s.span, t.span));
        let change =
            measures(s, t).and_then(|(a, b)| UnitChange::of(s, t, &a.reread()?, &b, b.value));
        unit_changes_read_again.extend(change);
    }
    // A decimal a tokenizer split at its mark (`0 , 5 %` for `0,5 %`), or a number at its
    // thousands separator (`10 , 000`), on either side: before the number words, which could
    // take a piece (`3 , 2 millions` ~ `3.2 million`, the `3` of which is also `three years`).
    // Each is compared in its unit (`21.75 mm` ↔ `21 , 75 cm`).
    for (joined, i) in used.pair_split_decimals(ctx.target.text, &target, &source, Side::Target) {
        paired_read_again.push((source[i].span, joined.span));
        unit_changes_read_again.extend(unit_change(&source[i], &joined));
    }
    for (joined, j) in used.pair_split_decimals(ctx.source.text, &source, &target, Side::Source) {
        paired_read_again.push((joined.span, target[j].span));
        unit_changes_read_again.extend(unit_change(&joined, &target[j]));
    }
    // The same digits grouped another way (`031/43 36 11` ↔ `031/433611`).
    used.pair_regrouped_digits((ctx.source.text, &source), (ctx.target.text, &target));
    // The start of a range read with its end's scale word, against a number the other side
    // leaves without it (`between 12 and 14 thousand` ↔ `entre douze et quatorze mille`).
    used.pass(&source, &target, |s, t| {
        s.before_range_scale.is_some_and(|v| same_value(v, t.value))
            || t.before_range_scale.is_some_and(|v| same_value(v, s.value))
    });
    // Digits on one side, words on the other (`3,000` ↔ `trois mille`): first those whose
    // units measure the same quantity (`three months` ↔ `3 ans`, not the `third` of
    // `third-country` before it).
    let digits_and_words_measured = used.pass(&source, &target, |s, t| {
        digits(s) != digits(t) && same_value(s.value, t.value) && same_quantity(s, t)
    });
    check_units(&digits_and_words_measured);
    let digits_and_words = used.pass(&source, &target, |s, t| {
        digits(s) != digits(t) && same_value(s.value, t.value)
    });
    check_units(&digits_and_words);
    pairing.unit_changed.extend(unit_changes_read_again);
    pairing.same_value.extend(paired_read_again);
    // The passes below compare every unpaired number of one side with every one of the
    // other, thousands of each in a long segment: what they ask of one number is found once,
    // by its index.
    // A percentage and a fraction in words (`50 %` ↔ `la moitié`, `a quarter` ↔ `25 %`).
    let fractions = |side: Side, mentions: &[NumberMention]| -> Vec<Option<f64>> {
        let text = ctx.side(side);
        (mentions.iter())
            .map(|m| fraction_of_percentage(text.text, m, text.lang))
            .collect()
    };
    let (source_fractions, target_fractions) = (
        fractions(Side::Source, &source),
        fractions(Side::Target, &target),
    );
    used.pass_indexed(|i, j| {
        let (s, t) = (&source[i], &target[j]);
        (t.written == Written::Words && source_fractions[i].is_some_and(|v| same_value(v, t.value)))
            || (s.written == Written::Words
                && target_fractions[j].is_some_and(|v| same_value(v, s.value)))
    });
    // A measure given in another unit (`30 years` ↔ `trois décennies`, `one and a half years`
    // ↔ `18 mois`, `a 1,700-mile pipeline` ↔ `un oléoduc de 2 736 km`) — or in another unit
    // and the other convention's separators, on either side (`2,735 km`, read 2.735 in
    // French): a target so written is misformatted, a source so written is the source's
    // slip, which the translation mends.
    let reread_agrees =
        |a: &Measure, b: &Measure| b.other_reading.is_some_and(|v| a.agrees_with(b, v));
    let source_reread_agrees =
        |a: &Measure, b: &Measure| a.reread().is_some_and(|a| a.agrees_with(b, b.value));
    let converted = used.pass_indexed(|i, j| {
        let Some(a) = source_measures.at(i) else {
            return false;
        };
        target_measures.at(j).is_some_and(|b| {
            a.agrees_with(b, b.value) || reread_agrees(a, b) || source_reread_agrees(a, b)
        })
    });
    for (i, j) in converted {
        let measured = source_measures.at(i).zip(target_measures.at(j));
        if measured.is_some_and(|(a, b)| !a.agrees_with(b, b.value) && reread_agrees(a, b))
            && let Some(meant) = target[j].other_reading
        {
            pairing.misformatted.push(Misformatted {
                source: source[i].clone(),
                target: target[j].clone(),
                meant,
            });
        }
    }
    // Years and their short forms (`the 1960s` ↔ `les années 60`, `2011/12` ↔ `2011/2012`).
    used.pass(&source, &target, |s, t| {
        short_year(s.value, t.value) || short_year(t.value, s.value)
    });
    // A year of another century by its last two digits, that century named beside them (`the
    // 1880s` ↔ `les années 80 du XIXe siècle`, `du dix-neuvième siècle`). Only a century in
    // words or Roman numerals is measured (not `19e siècle`), and those need no counterpart:
    // the century itself is left unpaired.
    // Most beads have no unpaired year: their numbers' measures are not needed.
    let unpaired_year = |mentions: &[NumberMention], used: &[bool]| {
        (mentions.iter().zip(used)).any(|(m, &used)| !used && shortenable_year(m.value))
    };
    if unpaired_year(&source, &used.source) || unpaired_year(&target, &used.target) {
        let source_centuries = centuries(&source, &source_measures);
        let target_centuries = centuries(&target, &target_measures);
        used.pass_indexed(|i, j| {
            let (s, t) = (source[i].value, target[j].value);
            (year_of_century(s, t) && target_centuries.contains(&century_of(s)))
                || (year_of_century(t, s) && source_centuries.contains(&century_of(t)))
        });
    }
    // 12-hour times that say p.m., and their 24-hour hour on the other side (`2 p.m.` ↔ `14
    // heures`).
    used.pass_indexed(|i, j| {
        source_afternoons[i] && same_value(source[i].value + 12.0, target[j].value)
    });
    // … and the other way (`à 21 heures` ↔ `at 9 p.m.`).
    used.pass_indexed(|i, j| {
        target_afternoons[j] && same_value(target[j].value + 12.0, source[i].value)
    });
    // The same hour on a 12-hour and a 24-hour clock, twelve hours apart.
    let apart =
        used.pass_indexed(|i, j| same_value(source[i].value, target[j].value) && hours_apart(i, j));
    for (i, j) in apart {
        let written = |side: &SideText, m: &NumberMention, afternoon: bool| {
            let end = if afternoon {
                afternoon_end(side.text, m, &side.lang.afternoon)
            } else {
                time_unit_end(side.text, m.span.end, side.lang)
            };
            side.text[m.span.start..end.unwrap_or(m.span.end)].to_string()
        };
        pairing.hours_apart.push(HoursApart {
            source: source[i].clone(),
            target: target[j].clone(),
            source_written: written(&ctx.source, &source[i], source_afternoons[i]),
            target_written: written(&ctx.target, &target[j], target_afternoons[j]),
            afternoon_in_source: source_afternoons[i],
        });
    }

    // The digits of a hyphenated code whose family the other side has (`G-7` ↔ `G7`, `G-8`):
    // codes are compared whole (number-mismatch, with `super::codes`).
    used.pair_code_digits(ctx, &source, &target);
    // A length of time in hours and minutes (`5h30`) and the same in hours or minutes on the
    // other side (`a 5 1 / 2-hour argument`, `90 minutes` for `1h30`).
    used.pair_durations(ctx, &source, &target);

    pairing.paired_words = (
        paired_word_spans(&source, &used.source),
        paired_word_spans(&target, &used.target),
    );
    // Ordinals in words that found no counterpart, when both sides have some.
    let counted_apart = |s: &NumberMention, t: &NumberMention| {
        (s.value - t.value).abs() == 1.0
            && (counts_apart(&ctx.source, s) || counts_apart(&ctx.target, t))
    };
    pairing.ordinals_changed = changed_in_words(
        ctx,
        (&source, &target),
        &used,
        is_ordinal_word,
        is_ordinal_word,
    )
    .into_iter()
    .filter(|(s, t)| !counted_apart(s, t))
    .collect();
    // And the cardinals (`three` → `quatre`), the fractions (`half` → `un quart`) and the
    // plurals of round counts (`hundreds` → `des milliers`), each with what may agree with it.
    type WordKind = fn(&SideText, &NumberMention) -> bool;
    let counts: [(WordKind, WordKind); 3] = [
        (is_cardinal_word, any_number_word),
        (is_fraction_word, is_fraction_word),
        (is_round_plural, any_number_word),
    ];
    for (is_kind, may_agree) in counts {
        (pairing.cardinals_changed).extend(changed_in_words(
            ctx,
            (&source, &target),
            &used,
            is_kind,
            may_agree,
        ));
    }
    // A date in digits none of whose numbers found a counterpart is missing whole; one whose
    // other numbers did has its month in the other side's month name (`3.12.2026 to
    // 5.12.2026` ↔ `du 3 au 5 décembre 2026`).
    let (unpaired_source, unpaired_target) = unpaired_dates;
    pairing.dates_missing = used.whole_dates(Side::Source, &source, &unpaired_source, &ctx.target);
    pairing.dates_added = used.whole_dates(Side::Target, &target, &unpaired_target, &ctx.source);
    pairing.missing = unused(&source, &used.source)
        .filter(|m| digits(m) && !said_again(m, &target))
        .collect();
    pairing.added = unused(&target, &used.target)
        .filter(|m| digits(m) && !said_again(m, &source))
        .collect();
    pairing
}

/// A date of one side: in digits, or a month's name with its day in digits.
#[derive(Clone)]
struct SideDate {
    span: Span,
    /// The days it may name: one but for a date in digits whose order the language leaves
    /// open (`3/12/2026` in English), none for one that names no day in the language's orders.
    days: Vec<Day>,
    /// The order of the first day, for a date in digits.
    order: Option<DateOrder>,
    /// The spans of its numbers.
    numbers: Vec<Span>,
    numeric: Option<NumericDate>,
}

/// The dates of one side: those in digits, and, when the other side has some in digits, those
/// written with a month's name.
fn side_dates(
    side: &SideText,
    mentions: &[NumberMention],
    numeric: Vec<NumericDate>,
    other_numeric: bool,
) -> Vec<SideDate> {
    let orders = &side.lang.calendar.numeric_orders;
    let mut dates: Vec<SideDate> = (numeric.into_iter())
        .map(|date| {
            let readings = date.readings(orders);
            SideDate {
                span: date.span,
                days: readings.iter().map(|(_, day)| *day).collect(),
                order: readings.first().map(|(order, _)| *order),
                numbers: date.fields.iter().map(|(span, _)| *span).collect(),
                numeric: Some(date),
            }
        })
        .collect();
    if other_numeric {
        dates.extend(
            find_written_dates(side.text, side.lang, mentions)
                .into_iter()
                .map(|date| SideDate {
                    span: date.span,
                    days: vec![date.day],
                    order: None,
                    numbers: date.numbers,
                    numeric: None,
                }),
        );
        dates.sort_by_key(|d| d.span.start);
    }
    dates
}

/// Whether the field at `span` of a date in digits is its month in one of its `days`.
fn is_month_field(date: &NumericDate, span: Span, days: &[Day]) -> bool {
    let field = |i: usize| date.fields[i].0 == span;
    days.iter().any(|day| {
        let value = |i: usize| date.fields[i].1 == u16::from(day.month);
        (field(1) && value(1)) || (!date.year_first && field(0) && value(0))
    })
}

/// Whether the text names the month (1 to 12).
fn names_month(side: &SideText, month: u8) -> bool {
    word_iter(side.text).any(|word| {
        (side.lang.calendar.name(&fold(word.text)))
            .is_some_and(|name| name.kind == CalendarKind::Month && name.index + 1 == month)
    })
}

/// A target date in digits that names no day in the target language's orders but the source
/// date's day in one of the source language's (`12/25/2026` kept in French): the date, and the
/// day.
fn day_in_source_order<'t>(
    source: &SideDate,
    target: &'t SideDate,
    source_orders: &[DateOrder],
) -> Option<(&'t NumericDate, Day)> {
    let date = target.numeric.as_ref().filter(|_| target.days.is_empty())?;
    let day = (date.readings(source_orders).into_iter())
        .map(|(_, day)| day)
        .find(|day| source.days.iter().any(|d| d.agrees_with(day)))?;
    Some((date, day))
}

/// The source date's day written as the target's date is, when both are known: in the target's
/// digits and order, or in its words with the day's digits replaced. An ambiguous source date
/// (`1/2/2026`) is read as the target's month has it.
fn date_suggestion(
    target_text: &str,
    source: &SideDate,
    target: &SideDate,
    target_order: DateOrder,
) -> Option<String> {
    let same_month: Vec<&Day> = (source.days.iter())
        .filter(|d| target.days.iter().any(|t| t.month == d.month))
        .collect();
    let day = match (&source.days[..], &same_month[..]) {
        ([day], _) => day,
        (_, [day]) => *day,
        _ => return None,
    };
    match &target.numeric {
        Some(date) => Some(date.rewritten(day, target.order.unwrap_or(target_order))),
        None => day_corrected(target_text, target, day),
    }
}

/// A date with a month's name, `day` given for its day when only the day differs (`26 décembre
/// 2026` for the 25th): the text with the day's digits replaced.
fn day_corrected(text: &str, date: &SideDate, day: &Day) -> Option<String> {
    let written = date.days.first()?;
    let same_month_and_year = written.month == day.month
        && (written.year, day.year) != (None, None)
        && Day {
            day: day.day,
            ..*written
        }
        .agrees_with(day);
    if !same_month_and_year {
        return None;
    }
    let digits = date.numbers.first()?;
    Some(format!(
        "{}{}{}",
        &text[date.span.start..digits.start],
        day.day,
        &text[digits.end..date.span.end]
    ))
}

/// Which mentions of each side are already paired.
struct Used {
    source: Vec<bool>,
    target: Vec<bool>,
}

impl Used {
    /// Pairs each unpaired source mention with the first unpaired target mention `accept`s.
    fn pass(
        &mut self,
        source: &[NumberMention],
        target: &[NumberMention],
        accept: impl Fn(&NumberMention, &NumberMention) -> bool,
    ) -> Vec<(usize, usize)> {
        self.pass_indexed(|i, j| accept(&source[i], &target[j]))
    }

    /// [`Used::pass`], `accept` given the indices of a source and a target mention.
    fn pass_indexed(&mut self, accept: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for i in 0..self.source.len() {
            if self.source[i] {
                continue;
            }
            let found = (0..self.target.len()).find(|&j| !self.target[j] && accept(i, j));
            if let Some(j) = found {
                self.source[i] = true;
                self.target[j] = true;
                pairs.push((i, j));
            }
        }
        pairs
    }

    /// Pairs the dates of the two sides, at least one of each pair in digits, by the day they
    /// name; then a target date in digits that makes a day only in the source's order with the
    /// source date it names so, and the dates left on each side in order: those are noted in
    /// `pairing`. The numbers of each date paired are used.
    fn pair_dates(
        &mut self,
        ctx: &BeadContext,
        (source, source_numeric): (&[NumberMention], Vec<NumericDate>),
        (target, target_numeric): (&[NumberMention], Vec<NumericDate>),
        pairing: &mut NumberPairing,
    ) -> (Vec<SideDate>, Vec<SideDate>) {
        // A date in words matters only against one in digits on the other side.
        let source_in_digits = !source_numeric.is_empty();
        let source_dates = side_dates(
            &ctx.source,
            source,
            source_numeric,
            !target_numeric.is_empty(),
        );
        let target_dates = side_dates(&ctx.target, target, target_numeric, source_in_digits);
        let mut target_paired = vec![false; target_dates.len()];
        let mut source_left = Vec::new();
        for s in &source_dates {
            let found = (target_dates.iter().enumerate()).position(|(j, t)| {
                !target_paired[j]
                    && (s.numeric.is_some() || t.numeric.is_some())
                    && (s.days.iter()).any(|a| t.days.iter().any(|b| a.agrees_with(b)))
            });
            match found {
                Some(j) => {
                    target_paired[j] = true;
                    self.use_date_numbers((source, s), (target, &target_dates[j]));
                }
                None => source_left.push(s),
            }
        }
        let mut target_left: Vec<&SideDate> = (target_dates.iter().zip(&target_paired))
            .filter(|(_, paired)| !**paired)
            .map(|(t, _)| t)
            .collect();
        // A target date in digits that names no day in the target's orders but the source's
        // day in the source's (`12/25/2026` kept in French).
        let source_orders = &ctx.source.lang.calendar.numeric_orders;
        let target_order = ctx.target.lang.calendar.usual_order();
        source_left.retain(|s| {
            let misordered = (target_left.iter().enumerate())
                .find_map(|(j, t)| Some((j, day_in_source_order(s, t, source_orders)?)));
            let Some((j, (date, day))) = misordered else {
                return true;
            };
            let t = target_left.remove(j);
            pairing.dates_misordered.push(DateChange {
                source: s.span,
                target: t.span,
                suggestion: Some(date.rewritten(&day, target_order)),
            });
            self.use_date_numbers((source, s), (target, t));
            false
        });
        // The dates left, in order, at least one of each pair in digits.
        let mut target_left = target_left.into_iter().peekable();
        let mut source_unpaired = Vec::new();
        for s in source_left {
            let Some(t) = target_left.next_if(|t| s.numeric.is_some() || t.numeric.is_some())
            else {
                source_unpaired.push(s.clone());
                continue;
            };
            pairing.dates_changed.push(DateChange {
                source: s.span,
                target: t.span,
                suggestion: date_suggestion(ctx.target.text, s, t, target_order),
            });
            self.use_date_numbers((source, s), (target, t));
        }
        let in_digits = |d: &SideDate| d.numeric.is_some();
        (
            source_unpaired.into_iter().filter(in_digits).collect(),
            target_left.filter(|t| in_digits(t)).cloned().collect(),
        )
    }

    /// The spans of the `dates` of `side` none of whose numbers was paired, those numbers then
    /// used; of the others, the month is used when the `other` side names it.
    fn whole_dates(
        &mut self,
        side: Side,
        mentions: &[NumberMention],
        dates: &[SideDate],
        other: &SideText,
    ) -> Vec<Span> {
        let used = self.side_used_mut(side);
        let mut whole = Vec::new();
        for date in dates {
            let fields: Vec<usize> = (mentions.iter().enumerate())
                .filter(|(_, m)| date.numbers.contains(&m.span))
                .map(|(i, _)| i)
                .collect();
            if fields.iter().all(|&i| !used[i]) {
                whole.push(date.span);
                fields.iter().for_each(|&i| used[i] = true);
                continue;
            }
            for &i in &fields {
                let is_month = (date.numeric.as_ref())
                    .is_some_and(|n| is_month_field(n, mentions[i].span, &date.days));
                if is_month && names_month(other, mentions[i].value as u8) {
                    used[i] = true;
                }
            }
        }
        whole
    }

    /// Marks the numbers of a source and a target date used.
    fn use_date_numbers(
        &mut self,
        (source, s): (&[NumberMention], &SideDate),
        (target, t): (&[NumberMention], &SideDate),
    ) {
        for (mentions, date, used) in [(source, s, &mut self.source), (target, t, &mut self.target)]
        {
            for (m, used) in mentions.iter().zip(used.iter_mut()) {
                if date.numbers.contains(&m.span) {
                    *used = true;
                }
            }
        }
    }

    /// Pairs a decimal of the `whole` side with two consecutive unpaired digit runs of the
    /// `split` side separated by ` , ` or ` . ` whose joined value it is. Tokenized corpora
    /// (MT training data) put spaces around every comma, decimal marks included. Returns each
    /// pair: the two runs read as one number, and the index of the `whole` number.
    fn pair_split_decimals(
        &mut self,
        split_text: &str,
        split: &[NumberMention],
        whole: &[NumberMention],
        split_side: Side,
    ) -> Vec<(NumberMention, usize)> {
        let mut pairs = Vec::new();
        let (split_used, whole_used) = match split_side {
            Side::Target => (&mut self.target, &mut self.source),
            Side::Source => (&mut self.source, &mut self.target),
        };
        for k in 1..split.len() {
            let (integer, fraction) = (&split[k - 1], &split[k]);
            if split_used[k - 1] || split_used[k] {
                continue;
            }
            let Some((decimal, thousands)) = joined_decimal(split_text, integer, fraction) else {
                continue;
            };
            // A number in words can only be the thousands reading (`96 , 000` for
            // `quatre-vingt-seize mille`): words hold no decimal mark to split.
            let found = first_unused(whole, whole_used, |w| {
                let as_thousands = thousands.is_some_and(|v| same_value(w.value, v));
                match w.written {
                    Written::Digits => same_value(w.value, decimal) || as_thousands,
                    Written::Words => as_thousands,
                }
            });
            if let Some(w) = found {
                whole_used[w] = true;
                split_used[k - 1] = true;
                split_used[k] = true;
                let joined = NumberMention {
                    span: Span::new(integer.span.start, fraction.span.end),
                    value: whole[w].value,
                    other_reading: None,
                    before_range_scale: None,
                    ..fraction.clone()
                };
                pairs.push((joined, w));
            }
        }
        pairs
    }

    /// Marks the unpaired digit numbers of each side that end a hyphenated code of a family
    /// the other side has (`G-7` ↔ `G7`, see [`super::codes`]): codes are compared whole.
    fn pair_code_digits(
        &mut self,
        ctx: &BeadContext,
        source: &[NumberMention],
        target: &[NumberMention],
    ) {
        for (side, mentions, used) in [
            (Side::Source, source, &mut self.source),
            (Side::Target, target, &mut self.target),
        ] {
            let text = ctx.side(side).text;
            let after_hyphen = |m: &NumberMention| text[..m.span.start].ends_with('-');
            if !mentions
                .iter()
                .zip(used.iter())
                .any(|(m, &u)| !u && after_hyphen(m))
            {
                continue;
            }
            let other = side.other();
            let other_codes = codes(
                ctx.side(other).text,
                ctx.words(other).words(),
                ctx.side(other).lang,
            );
            for (m, u) in mentions.iter().zip(used.iter_mut()) {
                if !*u && after_hyphen(m) && ends_code_in(text, m.span, &other_codes) {
                    *u = true;
                }
            }
        }
    }

    /// Pairs an unpaired time in hours and minutes written the French way (`5h30`: two
    /// numbers, the hours and the minutes) with an unpaired number of the other side that
    /// gives the same length of time in hours (`5 1/2`, `5.5 hours`) or in a unit of time
    /// (`330 minutes`).
    fn pair_durations(
        &mut self,
        ctx: &BeadContext,
        source: &[NumberMention],
        target: &[NumberMention],
    ) {
        for side in [Side::Source, Side::Target] {
            let (mine, other) = match side {
                Side::Source => (source, target),
                Side::Target => (target, source),
            };
            let (text, other_side) = (ctx.side(side).text, ctx.side(side.other()));
            for k in 1..mine.len() {
                let Some(hours) = self.hours_and_minutes(side, text, mine, k) else {
                    continue;
                };
                let same_time = |o: &NumberMention| {
                    same_value(o.value, hours)
                        || measure(other_side.text, o, other_side.lang).is_some_and(|m| {
                            m.quantity == TIME && same_value(m.value, hours / HOURS_PER_DAY)
                        })
                };
                let other_used = self.side_used(side.other());
                let found = (0..other.len()).find(|&j| !other_used[j] && same_time(&other[j]));
                if let Some(j) = found {
                    self.side_used_mut(side.other())[j] = true;
                    self.side_used_mut(side)[k - 1] = true;
                    self.side_used_mut(side)[k] = true;
                }
            }
        }
    }

    /// The length in hours of unpaired mentions `k - 1` and `k` of `side` when they are hours
    /// and minutes glued by an `h` (`5h30`, `5 h 30`).
    fn hours_and_minutes(
        &self,
        side: Side,
        text: &str,
        mentions: &[NumberMention],
        k: usize,
    ) -> Option<f64> {
        let used = self.side_used(side);
        let (hour, minute) = (&mentions[k - 1], &mentions[k]);
        let between = text.get(hour.span.end..minute.span.start)?.trim();
        let glued = matches!(between, "h" | "H");
        let minutes = minute.span.len() == 2 && minute.value < 60.0 && minute.value.fract() == 0.0;
        (!used[k - 1] && !used[k] && glued && minutes).then(|| hour.value + minute.value / 60.0)
    }

    fn side_used(&self, side: Side) -> &[bool] {
        match side {
            Side::Source => &self.source,
            Side::Target => &self.target,
        }
    }

    fn side_used_mut(&mut self, side: Side) -> &mut [bool] {
        match side {
            Side::Source => &mut self.source,
            Side::Target => &mut self.target,
        }
    }

    /// Pairs runs of unpaired digit numbers that spell the same digits, at least one side
    /// grouping them in two or more numbers: a telephone or account number that the languages
    /// group differently (`01 23 45 67 89` ↔ `0123456789`). Short runs are left alone: `1 2`
    /// against `12` is more likely an error than a grouping.
    fn pair_regrouped_digits(
        &mut self,
        (source_text, source): (&str, &[NumberMention]),
        (target_text, target): (&str, &[NumberMention]),
    ) {
        let source_runs = digit_runs(source_text, source, &self.source);
        let target_runs = digit_runs(target_text, target, &self.target);
        for s in &source_runs {
            let Some(t) = target_runs.iter().find(|t| {
                t.digits == s.digits
                    && s.members.len().max(t.members.len()) >= 2
                    && t.members.iter().all(|&j| !self.target[j])
            }) else {
                continue;
            };
            for &i in &s.members {
                self.source[i] = true;
            }
            for &j in &t.members {
                self.target[j] = true;
            }
        }
    }
}

/// Unpaired digit numbers in a row with only spaces, hyphens or points between them, and the
/// digits they spell together.
struct DigitRun {
    members: Vec<usize>,
    digits: String,
}

/// Digits a run must spell before its grouping is trusted to be a grouping.
const MIN_REGROUPED_DIGITS: usize = 5;

fn digit_runs(text: &str, mentions: &[NumberMention], used: &[bool]) -> Vec<DigitRun> {
    let plain = |k: usize| {
        let m = &mentions[k];
        !used[k]
            && m.written == Written::Digits
            && text[m.span.range()].bytes().all(|b| b.is_ascii_digit())
    };
    let mut runs: Vec<DigitRun> = Vec::new();
    for k in 0..mentions.len() {
        if !plain(k) {
            continue;
        }
        let written = &text[mentions[k].span.range()];
        let joins_previous = runs.last().is_some_and(|run| {
            let previous = *run.members.last().expect("runs are never empty");
            previous + 1 == k
                && text
                    .get(mentions[previous].span.end..mentions[k].span.start)
                    .is_some_and(|between| {
                        !between.is_empty()
                            && between.len() <= 3
                            && between
                                .chars()
                                .all(|c| matches!(c, ' ' | '-' | '.' | '\u{A0}' | '\u{202F}'))
                    })
        });
        match runs.last_mut() {
            Some(run) if joins_previous => {
                run.members.push(k);
                run.digits.push_str(written);
            }
            _ => runs.push(DigitRun {
                members: vec![k],
                digits: written.to_string(),
            }),
        }
    }
    runs.retain(|run| run.digits.len() >= MIN_REGROUPED_DIGITS);
    runs
}

/// The value of `integer` and `fraction` read as one decimal, when only ` , ` or ` . ` stands
/// between them and both are plain digit runs (the second perhaps with its scale word) — and,
/// when `fraction` is three digits, as one number with a thousands separator (`10 , 000`).
fn joined_decimal(
    text: &str,
    integer: &NumberMention,
    fraction: &NumberMention,
) -> Option<(f64, Option<f64>)> {
    let between = text.get(integer.span.end..fraction.span.start)?;
    if !matches!(between, " , " | " . ") {
        return None;
    }
    let digits = |m: &NumberMention| {
        let written = &text[m.span.range()];
        (m.written == Written::Digits && written.bytes().all(|b| b.is_ascii_digit()))
            .then_some(written)
    };
    let whole = digits(integer)?;
    // The decimals may carry the scale word (`1 , 2 trillion`, `5 , 2 millions`).
    let written = &text[fraction.span.range()];
    let decimals = &written[..written.bytes().take_while(u8::is_ascii_digit).count()];
    if fraction.written != Written::Digits || decimals.is_empty() {
        return None;
    }
    let scale = if decimals.len() == written.len() {
        1.0
    } else {
        fraction.value / decimals.parse::<f64>().ok().filter(|v| *v > 0.0)?
    };
    let decimal = format!("{whole}.{decimals}").parse::<f64>().ok()? * scale;
    let thousands = (decimals.len() == 3 && scale == 1.0)
        .then(|| format!("{whole}{decimals}").parse().ok())
        .flatten();
    Some((decimal, thousands))
}

/// `year` is a year of the 20th or 21st century and `short` its last two digits.
fn short_year(year: f64, short: f64) -> bool {
    (1900.0..2100.0).contains(&year) && year.fract() == 0.0 && short == year % 100.0
}

/// A year of the second millennium not ending in `00`, which its last two digits may stand for
/// when its century is named beside them.
fn shortenable_year(year: f64) -> bool {
    (1000.0..2100.0).contains(&year) && year.fract() == 0.0 && year % 100.0 > 0.0
}

/// `short` is the last two digits of `year`, a [`shortenable_year`].
fn year_of_century(year: f64, short: f64) -> bool {
    shortenable_year(year) && short == year % 100.0
}

/// The century a year falls in, as the languages count them (1880 in the 19th).
fn century_of(year: f64) -> f64 {
    (year / 100.0).floor() + 1.0
}

/// For each of `mentions`, the century it names (`XIXe siècle`, `dix-neuvième siècle`), or 0.
fn centuries(mentions: &[NumberMention], measures: &Measures) -> Vec<f64> {
    (0..mentions.len())
        .map(|k| match measures.at(k) {
            Some(m) if m.quantity == TIME && m.unit_size == DAYS_PER_CENTURY => mentions[k].value,
            _ => 0.0,
        })
        .collect()
}

/// The fraction a percentage below 100 stands for (`50 %` → 0.5). Not 100 %: `one` and `un`
/// are as often articles as numbers.
fn fraction_of_percentage(text: &str, m: &NumberMention, lang: &Language) -> Option<f64> {
    (m.written == Written::Digits && m.value < 100.0 && is_percentage(text, m, &lang.percent))
        .then_some(m.value / 100.0)
}

impl UnitChange {
    /// The change of unit between a source number and the target number of the same value
    /// paired with it, measured `a` and `b` (the target's measure read as `b_value`), if their
    /// units measure the same quantity and differ in size (`30 miles` ↔ `30 km`). A range's
    /// start in its end's unit is one too (`entre 5 et 10 km` ↔ `zwischen 5 und 10 Meilen`):
    /// each number has its conversion to suggest.
    fn of(
        source: &NumberMention,
        target: &NumberMention,
        a: &Measure,
        b: &Measure,
        b_value: f64,
    ) -> Option<Self> {
        (a.quantity == b.quantity && !a.agrees_with(b, b_value)).then(|| UnitChange {
            source: source.clone(),
            target: target.clone(),
            source_written: a.written.to_string(),
            target_written: b.written.to_string(),
            target_unit: b.unit_word.to_string(),
            converted: a.value / b.unit_size,
        })
    }
}

/// The [`measure`] of each number of one side, found at its first use.
struct Measures<'a> {
    text: &'a str,
    lang: &'a Language,
    /// The side's numbers, in order of their start (as [`find_numbers`] gives them).
    numbers: &'a [NumberMention],
    measures: Vec<std::cell::OnceCell<Option<Measure<'a>>>>,
}

impl<'a> Measures<'a> {
    fn new(text: &'a str, numbers: &'a [NumberMention], lang: &'a Language) -> Self {
        Measures {
            text,
            lang,
            numbers,
            measures: vec![std::cell::OnceCell::new(); numbers.len()],
        }
    }

    /// The measure of `m`: one of the side's numbers, or a number made of some of them (a
    /// decimal a tokenizer split), whose measure is not kept.
    fn of(&self, m: &NumberMention) -> Option<Measure<'a>> {
        let found = self
            .numbers
            .binary_search_by_key(&m.span.start, |n| n.span.start);
        match found {
            Ok(i) if self.numbers[i] == *m => self.at(i).cloned(),
            _ => measure(self.text, m, self.lang),
        }
    }

    /// The measure of the side's number `i`.
    fn at(&self, i: usize) -> Option<&Measure<'a>> {
        self.measures[i]
            .get_or_init(|| measure(self.text, &self.numbers[i], self.lang))
            .as_ref()
    }
}

/// A number with its unit of measure: its value in the quantity's base unit, and the same
/// under the other convention's separators, if the digits can be read so.
#[derive(Debug, Clone, PartialEq)]
struct Measure<'a> {
    quantity: &'a str,
    /// The unit as written.
    unit_word: &'a str,
    /// The number with its unit, or with the words that imply it, as written.
    written: &'a str,
    unit_size: f64,
    value: f64,
    other_reading: Option<f64>,
    /// Whether the unit is the one a range says once, after its end (`8501 à 8510 m` for
    /// `8501`).
    borrowed: bool,
}

/// Share by which a measure converted between units of different systems may differ from the
/// exact conversion: translators round (`30 miles` ↔ `50 km` is 3.5% off).
const CONVERSION_TOLERANCE: f64 = 0.05;

/// The quantity of the `[units.time]` tables, whose base unit is the day.
const TIME: &str = "time";
const HOURS_PER_DAY: f64 = 24.0;
/// The size of a century in the `[units.time]` tables.
const DAYS_PER_CENTURY: f64 = 36_525.0;

impl<'a> Measure<'a> {
    /// The measure with its digits read under the other convention's separators (`5.352
    /// pesos` as 5 352), if they can be read so.
    fn reread(&self) -> Option<Measure<'a>> {
        Some(Measure {
            value: self.other_reading?,
            ..self.clone()
        })
    }

    /// Whether this measure and `other` (read as `other_value`) are the same amount: exactly,
    /// in units that are whole multiples of each other (years and decades, metres and
    /// kilometres), or to [`CONVERSION_TOLERANCE`] between systems (miles and kilometres).
    fn agrees_with(&self, other: &Measure, other_value: f64) -> bool {
        if self.quantity != other.quantity {
            return false;
        }
        let (small, large) = if self.unit_size <= other.unit_size {
            (self.unit_size, other.unit_size)
        } else {
            (other.unit_size, self.unit_size)
        };
        let multiple = large / small;
        if (multiple - multiple.round()).abs() < 1e-9 {
            return same_value(self.value, other_value);
        }
        let largest = self.value.abs().max(other_value.abs());
        largest > 0.0 && (self.value - other_value).abs() <= largest * CONVERSION_TOLERANCE
    }
}

/// The measure `m` gives when a unit of the language ([`Language::units`]) ends it
/// (`demi-siècle`) or follows it — after a hyphen (`1,700-mile`) or spaces, perhaps after one
/// filler word or two (`half a century`, `les 18 derniers mois`, `three quarters of an hour`)
/// and perhaps with half a unit more after it (`un siècle et demi`) — or, with none after it,
/// when words before it imply one (`aged 42`, [`Language::implied_units`]).
fn measure<'a>(text: &'a str, m: &NumberMention, lang: &'a Language) -> Option<Measure<'a>> {
    if lang.units.is_empty() {
        return None;
    }
    let own = unit_after(text, m.span, m.written == Written::Words, lang)
        .or_else(|| unit_implied_before(text, m, lang))
        .or_else(|| age_after_name(text, m, lang));
    let borrowed = own.is_none();
    let found = own.or_else(|| unit_of_range_end(text, m.span, lang))?;
    let (unit, fraction) = (found.unit, found.fraction);
    Some(Measure {
        quantity: &unit.quantity,
        unit_word: found.word,
        written: &text[found.written.range()],
        unit_size: unit.size,
        value: (m.value + fraction) * unit.size,
        other_reading: m.other_reading.map(|v| (v + fraction) * unit.size),
        borrowed,
    })
}

/// The unit of a measure, found by [`measure`].
struct FoundUnit<'a> {
    /// The unit's word, as written or as the language's data writes it.
    word: &'a str,
    unit: &'a Unit,
    /// The fraction of a unit said after it (`a year and a half`: 0.5), or 0.
    fraction: f64,
    /// The number with its unit or the words that imply it.
    written: Span,
}

/// The unit of the number that ends the range number `span` starts, the unit said once for
/// both (`8501 à 8510 m`, `5 to 10 km`, `8153 et 8189 m`): a range word of the language, then
/// digits with their unit.
fn unit_of_range_end<'a>(text: &'a str, span: Span, lang: &'a Language) -> Option<FoundUnit<'a>> {
    let rest = &text[span.end..];
    let after_space = rest.trim_start();
    let joiner = (lang.range_words.iter()).find(|joiner| {
        after_space.starts_with(joiner.as_str())
            && !(joiner.ends_with(char::is_alphabetic)
                && after_space[joiner.len()..].starts_with(char::is_alphanumeric))
    })?;
    let after_joiner = &after_space[joiner.len()..];
    let end_text = after_joiner.trim_start();
    let end_start = span.end + (rest.len() - end_text.len());
    let end_len = digits_with_marks_len(end_text);
    if end_len == 0 {
        return None;
    }
    let found = unit_after(text, Span::new(end_start, end_start + end_len), false, lang)?;
    Some(FoundUnit {
        written: Span::new(span.start, found.written.end),
        ..found
    })
}

/// The length of the digits `text` starts with, decimal and thousands marks between digits
/// included (`8,5`, `1.500`).
fn digits_with_marks_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut len = 0;
    while len < bytes.len() {
        let digit = bytes[len].is_ascii_digit();
        let mark_between = len > 0
            && matches!(bytes[len], b',' | b'.')
            && bytes.get(len + 1).is_some_and(u8::is_ascii_digit);
        if !(digit || mark_between) {
            break;
        }
        len += 1;
    }
    len
}

/// A unit that ends the number at `span` or follows it (see [`measure`]); one of the
/// language's units for numbers in words too ([`Language::word_units`]) when the number is
/// written in `words`.
fn unit_after<'a>(
    text: &'a str,
    span: Span,
    words: bool,
    lang: &'a Language,
) -> Option<FoundUnit<'a>> {
    let unit_of = |word: &str| {
        if words {
            lang.unit_after_words(word)
        } else {
            lang.unit(word)
        }
    };
    // A compound number word with its unit (`demi-siècle`, `seven-year-old`).
    let own_unit = text[span.range()]
        .split('-')
        .skip(1)
        .find_map(|word| Some((word, unit_of(word)?)));
    if let Some((word, unit)) = own_unit {
        return Some(FoundUnit {
            word,
            unit,
            fraction: 0.0,
            written: span,
        });
    }
    let mut at = span.end;
    // Up to two fillers before the unit: `of an` in `a quarter of an hour`.
    for filler in 0..3 {
        let rest = &text[at..];
        // The next word, with only spaces (or, right after the number, a hyphen) before it.
        let word = word_iter(rest).next()?;
        let before = &rest[..word.span.start];
        if !(before.chars().all(char::is_whitespace) || (filler == 0 && before == "-")) {
            return None;
        }
        // A compound counts by its first part (`32-year-old`, `a 5-year-old`).
        let unit_word = word.text.split('-').next().unwrap_or(word.text);
        let unit_start = at + word.span.start;
        if let Some(found) = squared_unit(text, unit_start, unit_word, lang) {
            return Some(FoundUnit {
                written: Span::new(span.start, found.written.end),
                ..found
            });
        }
        if let Some(unit) = unit_of(unit_word) {
            return Some(FoundUnit {
                word: unit_word,
                unit,
                fraction: fraction_after(&rest[word.span.end..], &lang.measure_fractions),
                written: Span::new(span.start, at + word.span.start + unit_word.len()),
            });
        }
        let after = &rest[word.span.end..];
        let elision = after
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '’'))
            .filter(|_| is_filler(&lang.measure_fillers, word.text, true));
        if elision.is_none() && !is_filler(&lang.measure_fillers, word.text, false) {
            return None;
        }
        at += word.span.end + elision.map_or(0, char::len_utf8);
    }
    None
}

/// A unit of length squared, starting with `word` at byte `start` of `text`: after a word that
/// squares it (`square metres`) or before one (`mètres carrés`, `mile ²`). Its word is the
/// whole unit as written, and `written` the unit alone.
fn squared_unit<'a>(
    text: &'a str,
    start: usize,
    word: &str,
    lang: &'a Language,
) -> Option<FoundUnit<'a>> {
    let square = &lang.square_units;
    let found = |end: usize, unit: &'a Unit| FoundUnit {
        word: &text[start..end],
        unit,
        fraction: 0.0,
        written: Span::new(start, end),
    };
    let after = start + word.len();
    if square.before.iter().any(|b| b.eq_ignore_ascii_case(word)) {
        // `square metres`, `sq km`
        let rest = &text[after..];
        let next = word_iter(rest).next()?;
        let spaces_only = rest[..next.span.start].chars().all(char::is_whitespace);
        let unit = lang.squared_unit(next.text).filter(|_| spaces_only)?;
        return Some(found(after + next.span.end, unit));
    }
    let unit = lang.squared_unit(word)?;
    let rest = &text[after..];
    let gap = rest.len() - rest.trim_start().len();
    square.after.iter().find_map(|sign| {
        let tail = rest[gap..].strip_prefix(sign.as_str())?;
        let whole_word = !tail.chars().next().is_some_and(char::is_alphanumeric);
        whole_word.then(|| found(after + gap + sign.len(), unit))
    })
}

/// Whether `word` is one of the language's `fillers` (`de`), or, `elided`, one written with an
/// apostrophe (`d'` of `une vingtaine d'années`).
fn is_filler(fillers: &[String], word: &str, elided: bool) -> bool {
    fillers.iter().any(|filler| {
        let filler = if elided {
            filler.strip_suffix(['\'', '’'])
        } else {
            Some(filler.as_str())
        };
        filler.is_some_and(|f| f.eq_ignore_ascii_case(word))
    })
}

/// The unit that the words right before number `m` imply (`aged 42`, `the age of five`:
/// years), or before the start of the range that `m` ends (`aged between 15 and 25`), with
/// the implied unit's word as written in the language's data.
fn unit_implied_before<'a>(
    text: &str,
    m: &NumberMention,
    lang: &'a Language,
) -> Option<FoundUnit<'a>> {
    let before = text[..m.span.start].trim_end();
    let (start, word, unit) = unit_implied_by_end(before, lang)
        .or_else(|| unit_implied_by_end(before_range_start(before, lang)?, lang))?;
    Some(FoundUnit {
        word,
        unit,
        fraction: 0.0,
        written: Span::new(start, m.span.end),
    })
}

/// The oldest age the press gives after a name.
const OLDEST_AGE: f64 = 120.0;

/// An age set off after a name, where the language's press writes ages so
/// ([`Language::age_after_name`]): a whole number of digits between brackets (`Josef Rychtář
/// (53)`) or commas (`Giffords, 41, said`) right after a capitalized word.
fn age_after_name<'a>(text: &str, m: &NumberMention, lang: &'a Language) -> Option<FoundUnit<'a>> {
    let (word, unit) = lang.units.get_key_value(lang.age_after_name.as_ref()?)?;
    let digits = &text[m.span.range()];
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !(1.0..=OLDEST_AGE).contains(&m.value) {
        return None;
    }
    let before = text[..m.span.start].trim_end();
    let close = match before.chars().last()? {
        '(' => ')',
        ',' => ',',
        _ => return None,
    };
    let after = &text[m.span.end..];
    let close_at = m.span.end + after.len() - after.trim_start().len();
    if !after.trim_start().starts_with(close) {
        return None;
    }
    let name_part = before[..before.len() - 1].trim_end();
    let name = word_iter(name_part).last()?;
    let ends_with_name = name.span.end == name_part.len() && is_capitalized(name.text);
    ends_with_name.then(|| FoundUnit {
        word,
        unit,
        fraction: 0.0,
        written: Span::new(name.span.start, close_at + close.len_utf8()),
    })
}

/// The unit that the words `before` ends with imply: where those words start, the unit's
/// word and the unit.
fn unit_implied_by_end<'a>(before: &str, lang: &'a Language) -> Option<(usize, &'a str, &'a Unit)> {
    lang.implied_units.iter().find_map(|implied| {
        let start = before.len().checked_sub(implied.before.len())?;
        let words = before.get(start..)?;
        let whole_words = !before[..start].ends_with(char::is_alphanumeric);
        (whole_words && words.eq_ignore_ascii_case(&implied.before))
            .then(|| lang.units.get_key_value(&implied.unit))
            .flatten()
            .map(|(word, unit)| (start, word.as_str(), unit))
    })
}

/// When `before` ends with the start of a range and the word that joins it to its end
/// (`aged between 15 and`, `aged 15-`), the text before that start (`aged between`).
fn before_range_start<'t>(before: &'t str, lang: &Language) -> Option<&'t str> {
    let joiner = lang.range_words.iter().find(|joiner| {
        before.len() > joiner.len()
            && before.ends_with(joiner.as_str())
            && !(joiner.starts_with(char::is_alphabetic)
                && before[..before.len() - joiner.len()].ends_with(char::is_alphanumeric))
    })?;
    let rest = before[..before.len() - joiner.len()].trim_end();
    // After the last space, which may be a no-break one of two or three bytes.
    let start = rest
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(at, c)| at + c.len_utf8());
    let number = &rest[start..];
    let is_number = number.starts_with(|c: char| c.is_ascii_digit())
        || lang.words.contains_key(&number.to_lowercase());
    is_number.then(|| rest[..start].trim_end())
}

/// The fraction of a unit that `after` (the text after a unit) starts by adding in the
/// language's words (`un siècle et demi`: 0.5, `une heure et quart`: 0.25), or 0.
fn fraction_after(after: &str, fractions: &[(String, f64)]) -> f64 {
    let after = after.trim_start();
    fractions
        .iter()
        .find(|(words, _)| {
            starts_with_marker(after, words)
                && !after[words.len()..].starts_with(char::is_alphanumeric)
        })
        .map_or(0.0, |&(_, fraction)| fraction)
}

/// The markers `text` starts with, case aside (ASCII).
fn markers_at_start<'m>(text: &str, markers: &'m [String]) -> impl Iterator<Item = &'m str> {
    markers
        .iter()
        .map(String::as_str)
        .filter(move |marker| starts_with_marker(text, marker))
}

/// Whether `text` starts with `marker`, case aside (ASCII).
fn starts_with_marker(text: &str, marker: &str) -> bool {
    text.get(..marker.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(marker))
}

/// Whether an unpaired value of 10 or more is said elsewhere on the other side: a value said
/// again on one side and once on the other names the same thing (`in 2008 … in 2008` ↔ `en
/// 2008`, `24 hours a day` ↔ `24 heures sur 24`). Not a digit, which a sentence may hold
/// several times for different things (scores: `0 : 0`).
fn said_again(m: &NumberMention, other: &[NumberMention]) -> bool {
    m.value >= 10.0 && other.iter().any(|o| same_value(o.value, m.value))
}

/// Spans of the paired mentions written in words.
fn paired_word_spans(mentions: &[NumberMention], used: &[bool]) -> Vec<Span> {
    mentions
        .iter()
        .zip(used)
        .filter(|(m, u)| **u && m.written == Written::Words)
        .map(|(m, _)| m.span)
        .collect()
}

/// A number followed by one of the language's percentage signs or words (`%`, `per cent`).
fn is_percentage(text: &str, m: &NumberMention, markers: &[String]) -> bool {
    let after = text[m.span.end..].trim_start_matches(AMOUNT_SPACES);
    markers_at_start(after, markers).next().is_some()
}

/// A clock time followed by one of the language's afternoon markers (`p.m.`), its minutes
/// written after a colon or, in British style, a point (`8:30 p.m.`, `8.30 p.m.`).
pub(super) fn is_afternoon(text: &str, m: &NumberMention, markers: &[String]) -> bool {
    afternoon_end(text, m, markers).is_some()
}

/// The numbers in words of one kind (`is_kind`: ordinals, cardinals) that found no
/// counterpart, when both sides have some. Each agrees with an unpaired number in words of the
/// other side that `may_agree` accepts (of the kind, or of any: `two` ↔ the `deux` of `les
/// deux`, `both`) and has its value or its measure (`zwei Wochen` ↔ `quinze jours`); the
/// others, in order, do not.
fn changed_in_words(
    ctx: &BeadContext,
    (source, target): (&[NumberMention], &[NumberMention]),
    used: &Used,
    is_kind: fn(&SideText, &NumberMention) -> bool,
    may_agree: fn(&SideText, &NumberMention) -> bool,
) -> Vec<(NumberMention, NumberMention)> {
    let candidates = |side: &SideText, mentions: &[NumberMention], used: &[bool]| {
        unused(mentions, used)
            .filter(|m| m.written == Written::Words && may_agree(side, m))
            .collect::<Vec<_>>()
    };
    let source_words = candidates(&ctx.source, source, &used.source);
    if !source_words.iter().any(|m| is_kind(&ctx.source, m)) {
        return Vec::new();
    }
    let mut target_words = candidates(&ctx.target, target, &used.target);
    // The same value; a whole count and the same and a half, whose half the times leave out
    // (`four and a half times` ↔ `quatre fois et demie`); the count before a multiplier that
    // may be a word of another sense (`four cents` ↔ `quatre cents`); or the same measure once
    // an idiom's round count is read (`zwei Wochen` ↔ `quinze jours`).
    let agree = |s: &NumberMention, t: &NumberMention| {
        same_value(s.value, t.value)
            || same_count_and_a_half(s.value, t.value)
            || value_before_multiplier(&ctx.source, s).is_some_and(|v| same_value(v, t.value))
            || value_before_multiplier(&ctx.target, t).is_some_and(|v| same_value(s.value, v))
            || (rounded_measure(&ctx.source, s).zip(rounded_measure(&ctx.target, t)))
                .is_some_and(|(a, b)| a.agrees_with(&b, b.value))
    };
    // Plurals of round counts agree within their order of magnitude (`dozens` ↔ `des
    // dizaines`).
    let agree = |s: &NumberMention, t: &NumberMention| {
        agree(s, t)
            || (is_round_plural(&ctx.source, s)
                && is_round_plural(&ctx.target, t)
                && s.value.max(t.value) / s.value.min(t.value) < 1.5)
    };
    // Each target word agrees with one source word at most.
    let mut changed = Vec::new();
    for s in source_words {
        match (target_words.iter()).position(|t| agree(&s, t)) {
            Some(k) => drop(target_words.remove(k)),
            None if is_kind(&ctx.source, &s) => changed.push(s),
            None => {}
        }
    }
    let target_changed = (target_words.into_iter()).filter(|t| is_kind(&ctx.target, t));
    changed.into_iter().zip(target_changed).collect()
}

/// Any number in words may agree with a cardinal (`both` ↔ `les deux`, `deux fois` ↔ `twice`).
fn any_number_word(_: &SideText, _: &NumberMention) -> bool {
    true
}

/// The measure of the number in words `m` of `side` ([`measure`]), its value the round one the
/// language's idiom means by it ([`Language::rounded_measures`]: `quinze jours`, two weeks).
fn rounded_measure<'a>(side: &SideText<'a>, m: &NumberMention) -> Option<Measure<'a>> {
    let mut found = measure(side.text, m, side.lang)?;
    if let Some(&value) = (side.lang.rounded_measures).get(&found.written.to_lowercase()) {
        found.value = value;
    }
    Some(found)
}

/// Whether `a` and `b` differ by a half only, one of them whole (`four and a half times` ↔
/// `quatre fois et demie`, whose half the times leave out of the number).
fn same_count_and_a_half(a: f64, b: f64) -> bool {
    (a - b).abs() == 0.5 && a.floor() == b.floor()
}

/// The value of the words of `m` before its last, when that last is a multiplier (`quatre` of
/// `quatre cents`).
fn value_before_multiplier(side: &SideText, m: &NumberMention) -> Option<f64> {
    let text = side.text[m.span.range()].trim_end();
    let (before, last) = text.rsplit_once([' ', '\u{00A0}'])?;
    side.lang
        .multipliers
        .contains_key(&last.to_lowercase())
        .then(|| find_numbers(before, side.lang).first().map(|n| n.value))
        .flatten()
}

/// Whether `m` of `side` is a cardinal in words (`three`, `soixante-dix`, `twenty-one`, `deux
/// cents`, `two and a half`, `six-month`): from two on, whole or and a half, led by one of the
/// language's [`Language::cardinals`] or [`Language::counting_words`] (`both`, `twice`). Its
/// other words are cardinals, multipliers, joiners, `one` or fractions (`vingt et un`); a
/// hyphenated compound may go on with a word that is no number (`six-month`), not with another
/// number word, which it is not read with (`three-quarters`, `two-third`). Not `one` alone,
/// nor the approximate `dozen`, `hundreds`, `vingtaine`.
fn is_cardinal_word(side: &SideText, m: &NumberMention) -> bool {
    if m.written != Written::Words || m.value < 2.0 || !matches!(m.value.fract(), 0.0 | 0.5) {
        return false;
    }
    let lang = side.lang;
    let lower = side.text[m.span.range()].to_lowercase();
    let leads = |w: &str| lang.cardinals.contains(w) || lang.counting_words.contains(w);
    if lower.contains([' ', '\u{00A0}']) {
        let mut words = lower
            .split([' ', '-', '\u{00A0}'])
            .filter(|w| !w.is_empty());
        let other_word = |w: &str| {
            lang.cardinals.contains(w)
                || lang.multipliers.contains_key(w)
                || lang.number_joiners.iter().any(|j| j == w)
                || lang.words.get(w).is_some_and(|&v| v <= 1.0)
        };
        return words.next().is_some_and(leads) && words.all(other_word);
    }
    let mut parts = lower.split('-').filter(|p| *p != SKIPPED_COMPOUND_PART);
    let counts = |p: &str| lang.cardinals.contains(p) || lang.words.get(p) == Some(&1.0);
    parts.next().is_some_and(leads)
        && (parts.find(|p| !counts(p))).is_none_or(|after| {
            !(lang.words.contains_key(after) || lang.multipliers.contains_key(after))
        })
}

/// Whether `m` of `side` is the plural of a round count alone (`hundreds`, `milliers`).
fn is_round_plural(side: &SideText, m: &NumberMention) -> bool {
    m.written == Written::Words
        && (side.lang.round_plurals).contains(&side.text[m.span.range()].to_lowercase())
}

/// Whether `m` of `side` is a fraction in words alone (`half`, `la moitié`, `a quarter`).
fn is_fraction_word(_: &SideText, m: &NumberMention) -> bool {
    m.written == Written::Words && m.value > 0.0 && m.value < 1.0
}

/// Whether `m` of `side` is an ordinal in words that is no other word (`third`, `troisième`):
/// one word ending as [`Language::ordinal_word_endings`] say, a rank from the third, and when
/// hyphenated one led by tens (`twenty-third`, `dix-septième`; not the fraction `one-fifth`).
fn is_ordinal_word(side: &SideText, m: &NumberMention) -> bool {
    let lower = side.text[m.span.range()].to_lowercase();
    let led_by_tens = |first: &str| {
        (find_numbers(first, side.lang).first()).is_some_and(|tens| tens.value >= 10.0)
    };
    m.value >= 3.0
        && !lower.contains(' ')
        && (side.lang.ordinal_word_endings.iter()).any(|end| lower.ends_with(end.as_str()))
        && lower
            .split_once('-')
            .is_none_or(|(first, _)| led_by_tens(first))
}

/// Whether the word after the ordinal `m` of `side` is one that countries count from different
/// starts ([`Language::ordinals_counted_apart`]: `floor`).
fn counts_apart(side: &SideText, m: &NumberMention) -> bool {
    word_iter(&side.text[m.span.end..])
        .next()
        .is_some_and(|next| {
            let lower = next.text.to_lowercase();
            side.lang.ordinals_counted_apart.contains(&lower)
        })
}

/// Whether `m` gives the minutes of a time, after its hour and a colon (`3 : 05`, `15:05`).
fn are_minutes(text: &str, m: &NumberMention) -> bool {
    text[..m.span.start]
        .trim_end_matches(AMOUNT_SPACES)
        .ends_with(':')
}

/// The end of the afternoon marker after the clock time `m` ([`is_afternoon`]).
fn afternoon_end(text: &str, m: &NumberMention, markers: &[String]) -> Option<usize> {
    let after = text[m.span.end..]
        .trim_start_matches(|c: char| matches!(c, ' ' | ':' | '.') || c.is_ascii_digit());
    let start = text.len() - after.len();
    let lower: String = after.chars().take(20).collect::<String>().to_lowercase();
    // Lower case keeps the length of the markers' letters (ASCII, `é`).
    let marker = markers
        .iter()
        .find(|marker| lower.starts_with(marker.as_str()))?;
    let end = start + marker.len();
    // An abbreviation's last point (`p.m.`), which the markers leave out.
    let point = marker.contains('.') && text[end..].starts_with('.');
    Some(end + usize::from(point))
}

fn first_unused(
    mentions: &[NumberMention],
    used: &[bool],
    accept: impl Fn(&NumberMention) -> bool,
) -> Option<usize> {
    mentions
        .iter()
        .enumerate()
        .position(|(k, m)| !used[k] && accept(m))
}

fn unused<'a>(
    mentions: &'a [NumberMention],
    used: &'a [bool],
) -> impl Iterator<Item = NumberMention> + 'a {
    mentions
        .iter()
        .zip(used)
        .filter(|(_, u)| !**u)
        .map(|(m, _)| m.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_has_the_measure_it_would_have_alone() {
        let lang = Language::get("en").unwrap();
        let text = "It rose 3 metres in 2 days, then 3 metres more, along 1,700 miles.";
        let numbers = find_numbers(text, lang);
        assert_eq!(numbers.len(), 4, "{numbers:?}");
        let measures = Measures::new(text, &numbers, lang);
        for m in &numbers {
            let alone = measure(text, m, lang);
            assert!(alone.is_some(), "{m:?}");
            // Found, then kept.
            assert_eq!(measures.of(m), alone);
            assert_eq!(measures.of(m), alone);
        }
        // A number made of some of the side's (a split decimal joined) is measured as itself.
        let joined = NumberMention {
            span: Span::new(numbers[1].span.start, numbers[1].span.end + 5),
            ..numbers[1].clone()
        };
        assert_ne!(measure(text, &joined, lang), measures.of(&numbers[1]));
        assert_eq!(measures.of(&joined), measure(text, &joined, lang));
    }
}
