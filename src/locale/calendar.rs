//! The names of the months and of the days of the week (`[calendar]` in
//! `data/<lang>/locale.toml`), numbered alike in every language so that the `date-mismatch`
//! check can tell `Monday` ↔ `lundi` from `Monday` ↔ `mardi`.

use crate::textutil::{FirstTwoBytes, fold};
use serde::Deserialize;

/// The `[calendar]` table as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CalendarFile {
    /// Twelve entries, January first, each the forms of one month separated by `|`.
    months: Vec<String>,
    /// Seven entries, Monday first.
    weekdays: Vec<String>,
    /// Whether the language writes them with a capital (English, German).
    #[serde(default)]
    capitalized: bool,
    /// Forms that are common words or names too (English `may`, `march`).
    #[serde(default)]
    ambiguous: Vec<String>,
    /// Words with which the other language may name the day before or after: the night
    /// spans two days (`Saturday night`, `la nuit de dimanche`), `the following Monday`.
    #[serde(default)]
    day_shift: Vec<String>,
    /// How the language orders a date in digits whose year comes last (`25/12/2026`): `dmy`,
    /// `mdy`, the usual first. Dates with the year first (`2026-12-25`) are read `ymd` in every
    /// language, and with dots (`25.12.2026`) `dmy`.
    #[serde(default)]
    numeric_orders: Vec<String>,
    /// The letters that end a day's digits before its month (`25th`, `1er`).
    #[serde(default)]
    day_endings: Vec<String>,
    /// The words between a day and the month after it (`the 4th of July`).
    #[serde(default)]
    day_month_links: Vec<String>,
}

/// The order of the day, month and year in a date written in digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
}

impl DateOrder {
    fn parse(code: &str) -> Option<Self> {
        match code {
            "dmy" => Some(DateOrder::DayMonthYear),
            "mdy" => Some(DateOrder::MonthDayYear),
            "ymd" => Some(DateOrder::YearMonthDay),
            _ => None,
        }
    }
}

/// What a calendar name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CalendarKind {
    Month,
    Weekday,
}

impl CalendarKind {
    /// How many there are: days wrap around the week.
    pub fn count(self) -> u8 {
        match self {
            CalendarKind::Month => 12,
            CalendarKind::Weekday => 7,
        }
    }
}

/// One month or day of the week: its kind and number (January and Monday are 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarName {
    pub kind: CalendarKind,
    pub index: u8,
}

/// The calendar names of a language, by folded form; empty for a language without the table.
#[derive(Debug, Default)]
pub struct Calendar {
    names: rustc_hash::FxHashMap<String, CalendarName>,
    /// The first two bytes of every form and the forms' shortest and longest lengths: every
    /// word of every segment is looked up, and these turn nearly all away before a hash is
    /// made.
    first_bytes: FirstTwoBytes,
    lengths: (usize, usize),
    /// The first form of each month, then of each day, as written.
    first_forms: Vec<String>,
    pub capitalized: bool,
    ambiguous: rustc_hash::FxHashSet<String>,
    day_shift: Vec<String>,
    /// `numeric_orders` read; day first when the table says nothing.
    pub numeric_orders: Vec<DateOrder>,
    pub day_endings: Vec<String>,
    pub day_month_links: Vec<String>,
}

impl Calendar {
    /// The table checked and indexed; the error says what is wrong with it.
    pub(super) fn build(file: CalendarFile) -> Result<Self, String> {
        let numeric_orders = (file.numeric_orders.iter())
            .map(|code| {
                DateOrder::parse(code)
                    .ok_or_else(|| format!("[calendar] numeric_orders: unknown order `{code}`"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let numeric_orders = if numeric_orders.is_empty() {
            vec![DateOrder::DayMonthYear]
        } else {
            numeric_orders
        };
        if file.months.is_empty() && file.weekdays.is_empty() {
            return Ok(Calendar {
                numeric_orders,
                ..Calendar::default()
            });
        }
        let (day_endings, day_month_links) = (file.day_endings, file.day_month_links);
        if file.months.len() != 12 || file.weekdays.len() != 7 {
            return Err(format!(
                "[calendar] needs 12 months and 7 weekdays, not {} and {}",
                file.months.len(),
                file.weekdays.len()
            ));
        }
        let mut calendar = Calendar {
            lengths: (usize::MAX, 0),
            capitalized: file.capitalized,
            ambiguous: file.ambiguous.iter().map(|w| fold(w)).collect(),
            day_shift: file.day_shift.iter().map(|w| fold(w)).collect(),
            numeric_orders,
            day_endings,
            day_month_links,
            ..Calendar::default()
        };
        let entries = (file.months.iter().map(|e| (CalendarKind::Month, e)))
            .chain(file.weekdays.iter().map(|e| (CalendarKind::Weekday, e)));
        let mut counts = [0u8; 2];
        for (kind, entry) in entries {
            let index = &mut counts[kind as usize];
            let name = CalendarName {
                kind,
                index: *index,
            };
            *index += 1;
            let forms: Vec<&str> = entry.split('|').map(str::trim).collect();
            calendar.first_forms.push(forms[0].to_string());
            for form in forms {
                let folded = fold(form);
                calendar.first_bytes.insert(&folded);
                calendar.lengths = (
                    calendar.lengths.0.min(folded.len()),
                    calendar.lengths.1.max(folded.len()),
                );
                if calendar.names.insert(folded, name).is_some() {
                    return Err(format!("[calendar] lists `{form}` twice"));
                }
            }
        }
        Ok(calendar)
    }

    /// The month or day a folded word names, if any.
    pub fn name(&self, folded: &str) -> Option<CalendarName> {
        let (shortest, longest) = self.lengths;
        if !(shortest..=longest).contains(&folded.len()) {
            return None;
        }
        if !self.first_bytes.may_hold(folded) {
            return None;
        }
        self.names.get(folded).copied()
    }

    /// The usual form of a month or day, as the table writes it.
    pub fn form(&self, name: CalendarName) -> &str {
        let offset = match name.kind {
            CalendarKind::Month => 0,
            CalendarKind::Weekday => 12,
        };
        &self.first_forms[offset + usize::from(name.index)]
    }

    /// Whether a folded form is also a common word or part of a name (`may`).
    pub fn is_ambiguous(&self, folded: &str) -> bool {
        self.ambiguous.contains(folded)
    }

    /// The order the language writes a date in digits with first (day first when it says
    /// none).
    pub fn usual_order(&self) -> DateOrder {
        (self.numeric_orders.first()).map_or(DateOrder::DayMonthYear, |order| *order)
    }

    /// Whether a folded word may move a date by a day (`night`, `lendemain`).
    pub fn shifts_a_day(&self, folded: &str) -> bool {
        self.day_shift.iter().any(|n| n == folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(months: usize, weekdays: usize) -> CalendarFile {
        CalendarFile {
            months: (0..months).map(|i| format!("m{i}|mm{i}")).collect(),
            weekdays: (0..weekdays).map(|i| format!("d{i}")).collect(),
            ..CalendarFile::default()
        }
    }

    #[test]
    fn names_are_numbered_in_order_with_every_form() {
        let calendar = Calendar::build(file(12, 7)).unwrap();
        let march = CalendarName {
            kind: CalendarKind::Month,
            index: 2,
        };
        assert_eq!(calendar.name("mm2"), Some(march));
        assert_eq!(calendar.form(march), "m2");
        let sunday = calendar.name("d6").unwrap();
        assert_eq!((sunday.kind, sunday.index), (CalendarKind::Weekday, 6));
        assert_eq!(calendar.form(sunday), "d6");
    }

    #[test]
    fn a_short_or_repeated_table_is_an_error() {
        assert!(Calendar::build(file(11, 7)).is_err());
        let mut twice = file(12, 7);
        twice.weekdays[1] = "d0".to_string();
        assert!(Calendar::build(twice).is_err());
        assert!(Calendar::build(file(0, 0)).unwrap().name("m0").is_none());
        let mut unknown_order = file(12, 7);
        unknown_order.numeric_orders = vec!["dym".to_string()];
        assert!(Calendar::build(unknown_order).is_err());
    }
}
