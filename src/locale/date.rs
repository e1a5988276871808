//! Dates written in digits (`25.12.2026`, `12/25/2026`, `2026-12-25`) and dates written with a
//! month name and a day in digits (`25 décembre 2026`, `December 25, 2026`), read as the days
//! they may name: the number checks compare a date with the same day written another way
//! instead of comparing `25.12` with `25`.

use super::Language;
use super::calendar::{Calendar, CalendarKind, DateOrder};
use super::number::{NumberMention, Written};
use crate::model::Span;
use crate::textutil::{fold, word_iter};
use regex::Regex;
use std::sync::OnceLock;

/// A year as written: four digits, or the last two (`25/12/26`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year {
    pub value: u16,
    pub short: bool,
}

impl Year {
    /// Whether two years may be the same: equal, or one the other's last two digits.
    fn agrees_with(self, other: Year) -> bool {
        match (self.short, other.short) {
            (false, false) | (true, true) => self.value == other.value,
            _ => self.value % 100 == other.value % 100,
        }
    }
}

/// A day of the calendar, its year left open when the text does not give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub year: Option<Year>,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

impl Day {
    /// Whether two dates may name the same day: a year missing on one side agrees.
    pub fn agrees_with(&self, other: &Day) -> bool {
        self.month == other.month
            && self.day == other.day
            && match (self.year, other.year) {
                (Some(a), Some(b)) => a.agrees_with(b),
                _ => true,
            }
    }
}

/// A date in digits as written: its three fields in the order written, and the separator.
#[derive(Debug, Clone)]
pub struct NumericDate {
    pub span: Span,
    /// Each field's span and value, in the order written.
    pub fields: [(Span, u16); 3],
    /// Whether the year comes first (`2026-12-25`).
    pub year_first: bool,
    pub separator: char,
}

impl NumericDate {
    /// The days the date may name in a language that writes dates in `orders`: a date with the
    /// year first is read year, month, day; one with dots day first; the others in each of the
    /// language's orders that gives a real day (`12/25/2026` only month first).
    pub fn readings(&self, orders: &[DateOrder]) -> Vec<(DateOrder, Day)> {
        let orders: &[DateOrder] = if self.year_first {
            &[DateOrder::YearMonthDay]
        } else if self.separator == '.' {
            &[DateOrder::DayMonthYear]
        } else {
            orders
        };
        orders
            .iter()
            .filter_map(|&order| Some((order, self.read(order)?)))
            .collect()
    }

    /// The day in one order, if the fields so read make one.
    fn read(&self, order: DateOrder) -> Option<Day> {
        let [a, b, c] = self.fields.map(|(_, value)| value);
        let (year, month, day) = match order {
            DateOrder::DayMonthYear => (c, b, a),
            DateOrder::MonthDayYear => (c, a, b),
            DateOrder::YearMonthDay => (a, b, c),
        };
        let year_span = match order {
            DateOrder::YearMonthDay => self.fields[0].0,
            _ => self.fields[2].0,
        };
        let year = Year {
            value: year,
            short: year_span.len() == 2,
        };
        is_real_day(year, month, day).then_some(Day {
            year: Some(year),
            month: month as u8,
            day: day as u8,
        })
    }

    /// `day` written as this date is: the same separator and year length, in `order`.
    pub fn rewritten(&self, day: &Day, order: DateOrder) -> String {
        let year = match day.year {
            Some(year) if self.year_length() == 2 => format!("{:02}", year.value % 100),
            Some(year) => year.value.to_string(),
            None => String::new(),
        };
        // Each field keeps the width written (`03/12` stays two digits a field).
        let width = |i: usize| self.fields[i].0.len();
        let field = |value: u8, i: usize| format!("{value:0width$}", width = width(i).min(2));
        let sep = self.separator;
        match order {
            DateOrder::DayMonthYear => {
                format!(
                    "{}{sep}{}{sep}{year}",
                    field(day.day, 0),
                    field(day.month, 1)
                )
            }
            DateOrder::MonthDayYear => {
                format!(
                    "{}{sep}{}{sep}{year}",
                    field(day.month, 0),
                    field(day.day, 1)
                )
            }
            DateOrder::YearMonthDay => {
                format!(
                    "{year}{sep}{}{sep}{}",
                    field(day.month, 1),
                    field(day.day, 2)
                )
            }
        }
    }

    fn year_length(&self) -> usize {
        if self.year_first {
            self.fields[0].0.len()
        } else {
            self.fields[2].0.len()
        }
    }
}

/// Whether the year, month and day make a day of the Gregorian calendar.
fn is_real_day(year: Year, month: u16, day: u16) -> bool {
    let full_year = if year.short {
        2000 + year.value
    } else {
        year.value
    };
    let leap = full_year % 4 == 0 && (full_year % 100 != 0 || full_year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap || year.short => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A date in digits: two fields of one or two digits and a year of two or four, or a
/// four-digit year first with hyphens. ASCII word boundaries: the digits are ASCII.
fn numeric_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?-u:\b)(?:([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})|([0-9]{1,2})([./-])([0-9]{1,2})([./-])([0-9]{4}|[0-9]{2}))(?-u:\b)",
        )
        .expect("static regex")
    })
}

/// The dates in digits of a text. Not a longer chain of the same separators (`1.2.3.4`, an
/// address or a version), nor fields that make no day in any order.
pub fn find_numeric_dates(text: &str) -> Vec<NumericDate> {
    if !has_two_separated_digits(text) {
        return Vec::new();
    }
    let chained = |at: usize, ahead: bool| {
        let bytes = text.as_bytes();
        let (mark, digit) = if ahead {
            (bytes.get(at), bytes.get(at + 1))
        } else if at >= 2 {
            (bytes.get(at - 1), bytes.get(at - 2))
        } else {
            (None, None)
        };
        matches!(mark, Some(b'.' | b'/' | b'-')) && digit.is_some_and(u8::is_ascii_digit)
    };
    let mut dates = Vec::new();
    for caps in numeric_date().captures_iter(text) {
        let whole = caps.get(0).expect("the whole match");
        if chained(whole.start(), false) || chained(whole.end(), true) {
            continue;
        }
        let field = |i: usize| {
            let m = caps.get(i).expect("a field of the matched branch");
            (
                Span::new(m.start(), m.end()),
                m.as_str().parse().unwrap_or(0),
            )
        };
        let date = if caps.get(1).is_some() {
            NumericDate {
                span: Span::new(whole.start(), whole.end()),
                fields: [field(1), field(2), field(3)],
                year_first: true,
                separator: '-',
            }
        } else {
            if caps[5] != caps[7] {
                continue;
            }
            NumericDate {
                span: Span::new(whole.start(), whole.end()),
                fields: [field(4), field(6), field(8)],
                year_first: false,
                separator: caps[5].chars().next().expect("one separator"),
            }
        };
        let orders = [DateOrder::DayMonthYear, DateOrder::MonthDayYear];
        if !date.readings(&orders).is_empty() {
            dates.push(date);
        }
    }
    dates
}

/// Whether a date in digits may be in the text: two of `.`, `/`, `-` each between two digits.
/// Every segment is asked, and nearly all have none: a scan for the separators spares them the
/// regex.
fn has_two_separated_digits(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    memchr::memchr3_iter(b'.', b'/', b'-', bytes)
        .filter(|&i| i > 0 && digit_at(i - 1) && digit_at(i + 1))
        .nth(1)
        .is_some()
}

/// `mentions` with the numbers read inside each date in digits replaced by the date's three
/// fields (`25.12.2026` is not the decimal `25.12` and the year `2026`); the dates.
pub fn split_numeric_dates(text: &str, mentions: &mut Vec<NumberMention>) -> Vec<NumericDate> {
    let dates = find_numeric_dates(text);
    if dates.is_empty() {
        return dates;
    }
    mentions.retain(|m| !dates.iter().any(|d| d.span.overlaps(m.span)));
    for date in &dates {
        mentions.extend(date.fields.iter().map(|&(span, value)| NumberMention {
            span,
            value: f64::from(value),
            written: Written::Digits,
            foreign_format: false,
            other_reading: None,
            before_range_scale: None,
        }));
    }
    mentions.sort_by_key(|m| m.span.start);
    dates
}

/// A date given by a month's name and a day in digits, and maybe a year (`25 décembre 2026`,
/// `December 25th, 2026`, `25. Dezember`).
#[derive(Debug, Clone)]
pub struct WrittenDate {
    pub span: Span,
    pub day: Day,
    /// The spans of the day's and the year's digits.
    pub numbers: Vec<Span>,
}

/// The dates of a text written with a month's name, its day in digits beside it.
pub fn find_written_dates(
    text: &str,
    lang: &Language,
    mentions: &[NumberMention],
) -> Vec<WrittenDate> {
    let whole_number = |m: &&NumberMention, range: std::ops::RangeInclusive<f64>| {
        m.written == Written::Digits && m.value.fract() == 0.0 && range.contains(&m.value)
    };
    let mut dates = Vec::new();
    for word in word_iter(text) {
        let Some(name) = lang.calendar.name(&fold(word.text)) else {
            continue;
        };
        if name.kind != CalendarKind::Month {
            continue;
        }
        // The day right before the month (`25 décembre`, `25. Dezember`, `1er mai`, `the 4th of
        // July`) or right after it (`December 25`, `December 25th`).
        let before = mentions.iter().rev().find(|m| {
            m.span.end <= word.span.start
                && whole_number(m, 1.0..=31.0)
                && is_day_suffix(&text[m.span.end..word.span.start], &lang.calendar)
        });
        let after = || {
            mentions.iter().find(|m| {
                m.span.start >= word.span.end
                    && whole_number(m, 1.0..=31.0)
                    && text[word.span.end..m.span.start].trim().is_empty()
                    && !text[word.span.end..m.span.start].is_empty()
            })
        };
        let Some(day) = before.or_else(after) else {
            continue;
        };
        let end = day.span.end.max(word.span.end);
        // The year after the day and month, a comma maybe between (`December 25, 2026`).
        let year = mentions.iter().find(|m| {
            m.span.start >= end
                && m.span.len() == 4
                && whole_number(m, 1000.0..=2999.0)
                && is_year_gap(&text[end..m.span.start])
        });
        let mut numbers = vec![day.span];
        numbers.extend(year.map(|y| y.span));
        let start = day.span.start.min(word.span.start);
        dates.push(WrittenDate {
            span: Span::new(start, year.map_or(end, |y| y.span.end)),
            day: Day {
                year: year.map(|y| Year {
                    value: y.value as u16,
                    short: false,
                }),
                month: name.index + 1,
                day: day.value as u8,
            },
            numbers,
        });
    }
    dates
}

/// Whether the text between a day's digits and the month after them only ends the day: spaces,
/// a dot, one of the language's `day_endings` (`th`, `er`), a `day_month_links` word (`of`).
fn is_day_suffix(between: &str, calendar: &Calendar) -> bool {
    let rest = between.trim_start_matches(['.', ' ', '\u{00A0}']);
    let rest = (calendar.day_endings.iter())
        .find_map(|ending| rest.strip_prefix(ending.as_str()))
        .unwrap_or(rest);
    let rest = rest.trim_start_matches(['.', ' ', '\u{00A0}']);
    let rest = (calendar.day_month_links.iter())
        .find_map(|link| rest.strip_prefix(link.as_str())?.strip_prefix(' '))
        .unwrap_or(rest);
    !between.is_empty() && rest.trim().is_empty() && between.len() <= 8
}

/// Whether the text between a date's day and month and a year is a space, a comma maybe before.
fn is_year_gap(between: &str) -> bool {
    let rest = between.strip_prefix(',').unwrap_or(between);
    !rest.is_empty() && rest.trim().is_empty() && rest.len() <= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::number::find_numbers;

    fn day(year: u16, month: u8, day: u8) -> Day {
        Day {
            year: Some(Year {
                value: year,
                short: year < 100,
            }),
            month,
            day,
        }
    }

    fn readings(text: &str, orders: &[DateOrder]) -> Vec<Day> {
        let dates = find_numeric_dates(text);
        assert_eq!(dates.len(), 1, "{text}");
        dates[0]
            .readings(orders)
            .into_iter()
            .map(|(_, d)| d)
            .collect()
    }

    #[test]
    fn dates_in_digits_are_read_in_the_orders_that_make_a_day() {
        let both = [DateOrder::MonthDayYear, DateOrder::DayMonthYear];
        let day_first = [DateOrder::DayMonthYear];
        assert_eq!(readings("on 12/25/2026.", &both), [day(2026, 12, 25)]);
        assert!(readings("on 12/25/2026.", &day_first).is_empty());
        assert_eq!(
            readings("on 3/12/2026", &both),
            [day(2026, 3, 12), day(2026, 12, 3)]
        );
        // Dots are read day first, a year first year, month, day, whatever the language.
        assert_eq!(readings("am 3.12.2026", &both), [day(2026, 12, 3)]);
        assert_eq!(readings("le 2026-12-03", &day_first), [day(2026, 12, 3)]);
        assert_eq!(readings("le 25/12/26", &day_first), [day(26, 12, 25)]);
        assert!(day(26, 12, 25).agrees_with(&day(2026, 12, 25)));
        assert!(!day(2025, 12, 25).agrees_with(&day(2026, 12, 25)));
    }

    #[test]
    fn versions_addresses_and_impossible_days_are_no_dates() {
        for text in [
            "version 10.15.3",
            "at 192.168.1.1",
            "the 31/02/2026 slot",
            "page 1.2.3.4",
            "v1.2.10",
            "score 3-1-2",
        ] {
            assert!(find_numeric_dates(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_date_in_digits_is_three_numbers() {
        let lang = Language::get("de").unwrap();
        let text = "Die Sitzung ist am 25.12.2026.";
        let mut mentions = find_numbers(text, lang);
        split_numeric_dates(text, &mut mentions);
        let values: Vec<f64> = mentions.iter().map(|m| m.value).collect();
        assert_eq!(values, [25.0, 12.0, 2026.0]);
    }

    #[test]
    fn a_month_with_its_day_and_year_is_a_date() {
        for (lang, text, expected) in [
            ("fr", "le 25 décembre 2026 à midi", day(2026, 12, 25)),
            ("en", "on December 25, 2026.", day(2026, 12, 25)),
            ("de", "am 3. Dezember 2026", day(2026, 12, 3)),
            ("en", "the 4th of July 1776", day(1776, 7, 4)),
        ] {
            let lang = Language::get(lang).unwrap();
            let mentions = find_numbers(text, lang);
            let dates = find_written_dates(text, lang, &mentions);
            assert_eq!(dates.len(), 1, "{text}");
            assert_eq!(dates[0].day, expected, "{text}");
            assert_eq!(dates[0].numbers.len(), 2, "{text}");
        }
        let lang = Language::get("fr").unwrap();
        let text = "le 1er mai";
        let dates = find_written_dates(text, lang, &find_numbers(text, lang));
        assert_eq!(dates.len(), 1);
        assert_eq!(dates[0].day.year, None);
    }

    #[test]
    fn a_date_is_rewritten_as_the_other_was_written() {
        let date = &find_numeric_dates("le 12/25/2026")[0];
        assert_eq!(
            date.rewritten(&day(2026, 12, 25), DateOrder::DayMonthYear),
            "25/12/2026"
        );
        let date = &find_numeric_dates("am 03.04.26")[0];
        assert_eq!(
            date.rewritten(&day(2026, 12, 5), DateOrder::DayMonthYear),
            "05.12.26"
        );
    }
}
