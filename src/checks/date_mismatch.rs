//! date-mismatch: the target names another month or day of the week than the source
//! (`Monday` → `mardi`, `March 3` → `3 avril`).

use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::calendar::{CalendarKind, CalendarName};
use crate::model::{Finding, Severity, Side, Span};
use crate::segment::is_ordinal;
use crate::textutil::{is_capitalized, match_case};

pub struct DateMismatch;

static RULE: Rule = Rule {
    id: "date-mismatch",
    category: "accuracy/mistranslation",
    severity: Severity::Major,
    summary: "The target names another month or day of the week than the source.",
    explanation: "Months and days of the week are listed, numbered alike, in each language's \
`[calendar]` (`data/<lang>/locale.toml`). Each month or day the source names takes one the \
target names for the same date; a source date left over while the target has one left over \
(`from January to March` → `de mars à mars`) is reported on the target's word, with the \
source's as the suggestion. The numbers of a date are `number-mismatch`'s. A target that names \
no month or day at all is left alone (`on Monday` → `hier` may be right, and a dropped date is \
an omission). A night spans two days and a day may be named from the next, so when either side \
has such a word (`Saturday night` → `dans la nuit de dimanche`, `a day after Sunday's vote` → \
`le lundi suivant`; `day_shift` in `[calendar]`) the day before or after counts as the same. \
A word counts only in the case the language writes these names (a capital in English and \
German, lower case in French but at a sentence start: `Mars` is the planet), and a form that \
is also a common word or name (`May I`, `Theresa May`, `August Bebel`) only inside a sentence \
with no capitalised word right beside it.",
    example: RuleExample {
        source: "The talks will resume on Monday, March 3.",
        bad: "Les pourparlers reprendront le mardi 3 mars.",
        good: "Les pourparlers reprendront le lundi 3 mars.",
        glossary: "",
        context: None,
    },
};

/// A month or day named in a text, with where its word stands.
#[derive(Debug, Clone, Copy)]
struct Mention<'t> {
    name: CalendarName,
    span: Span,
    text: &'t str,
}

impl Check for DateMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let source = mentions(ctx, Side::Source);
        if source.is_empty() {
            return;
        }
        let target = mentions(ctx, Side::Target);
        if target.is_empty() {
            return;
        }
        let day_apart = may_shift_a_day(ctx, Side::Source) || may_shift_a_day(ctx, Side::Target);
        let (missing, extra) = unmatched(&source, &target, day_apart);
        for kind in [CalendarKind::Month, CalendarKind::Weekday] {
            let of_kind = |m: &&Mention<'_>| m.name.kind == kind;
            let pairs = missing
                .iter()
                .filter(of_kind)
                .zip(extra.iter().filter(of_kind));
            for (wanted, written) in pairs {
                // The target's word is in the case its language writes the names in.
                let suggestion =
                    match_case(ctx.target.lang.calendar.form(wanted.name), written.text);
                out.push(
                    ctx.finding(
                        &RULE,
                        format!(
                            "`{}` in the target does not match `{}` in the source",
                            written.text, wanted.text
                        ),
                    )
                    .with_source(ctx.source_span(wanted.span))
                    .with_target(ctx.target_span(written.span))
                    .with_suggestion(suggestion),
                );
            }
        }
    }
}

/// The mentions of the source and of the target left over when each source mention takes
/// a target mention of the same date, the same name first and then, when `day_apart`, a day
/// before or after: `du lundi au mardi` has a `mardi` left over against `from Monday to
/// Monday`.
fn unmatched<'t>(
    source: &[Mention<'t>],
    target: &[Mention<'t>],
    day_apart: bool,
) -> (Vec<Mention<'t>>, Vec<Mention<'t>>) {
    let mut source_matched = vec![false; source.len()];
    let mut target_used = vec![false; target.len()];
    for loosely in [false, day_apart] {
        for (s, matched) in source.iter().zip(&mut source_matched) {
            if *matched {
                continue;
            }
            let free = target
                .iter()
                .zip(&mut target_used)
                .find(|(t, used)| !**used && same_date(s.name, t.name, loosely));
            if let Some((_, used)) = free {
                (*used, *matched) = (true, true);
            }
        }
    }
    let left = |mentions: &[Mention<'t>], taken: &[bool]| -> Vec<Mention<'t>> {
        (mentions.iter().zip(taken))
            .filter(|(_, taken)| !**taken)
            .map(|(m, _)| *m)
            .collect()
    };
    (left(source, &source_matched), left(target, &target_used))
}

/// Whether two names are the same date: the same, or for days a day apart when `day_apart`.
fn same_date(a: CalendarName, b: CalendarName, day_apart: bool) -> bool {
    if a.kind != b.kind {
        return false;
    }
    let apart = (a.index + a.kind.count() - b.index) % a.kind.count();
    apart == 0 || (day_apart && a.kind == CalendarKind::Weekday && (apart == 1 || apart == 6))
}

/// Whether a side speaks of a night or names a day from another (`the following Monday`).
fn may_shift_a_day(ctx: &BeadContext, side: Side) -> bool {
    let words = ctx.words(side);
    let calendar = &ctx.side(side).lang.calendar;
    (0..words.words().len()).any(|i| calendar.shifts_a_day(words.folded(i)))
}

/// The months and days a side names, in order. A hyphenated word is read part by part
/// (`mid-March`, `mi-mars`).
fn mentions<'t>(ctx: &BeadContext<'t>, side: Side) -> Vec<Mention<'t>> {
    let text = ctx.side(side);
    let calendar = &text.lang.calendar;
    let words = ctx.words(side);
    let mut found = Vec::new();
    for (i, word) in words.words().iter().enumerate() {
        let folded = words.folded(i);
        if calendar.name(folded).is_none() && !folded.as_bytes().contains(&b'-') {
            continue;
        }
        let mut offset = 0;
        for part in folded.split('-') {
            let at = offset;
            offset += part.len() + 1;
            let Some(name) = calendar.name(part) else {
                continue;
            };
            // Folding keeps the length of the word's ASCII letters; a part of a word with
            // other letters is pointed at whole.
            let span = match folded.len() == word.text.len() {
                true => Span::new(word.span.start + at, word.span.start + at + part.len()),
                false => word.span,
            };
            let written = &text.text[span.range()];
            if names_a_date(ctx, side, i, span, written, part) {
                found.push(Mention {
                    name,
                    span,
                    text: written,
                });
            }
        }
    }
    found
}

/// Whether a calendar word, as written where it stands, names the month or day: in the case
/// its language writes them, and for a form that is also a common word or name, inside a
/// sentence with no capitalised word beside it.
fn names_a_date(
    ctx: &BeadContext,
    side: Side,
    index: usize,
    span: Span,
    written: &str,
    folded: &str,
) -> bool {
    let text = ctx.side(side);
    let calendar = &text.lang.calendar;
    // German writes the day as an ordinal, whose period ends no sentence (`am 26. August`).
    let before = text.text[..span.start].trim_end();
    let after_ordinal = (before.strip_suffix('.'))
        .is_some_and(|number| is_ordinal(text.text, number.len(), text.lang));
    let opens_sentence = text.starts_sentence_at(span.start) && !after_ordinal;
    let capital = is_capitalized(written);
    let in_its_case = match calendar.capitalized {
        true => capital && written.chars().skip(1).all(|c| !c.is_uppercase()),
        false => !written.chars().any(char::is_uppercase) || opens_sentence,
    };
    if !in_its_case {
        return false;
    }
    if !calendar.is_ambiguous(folded) {
        return true;
    }
    // A capitalised word right beside it makes a name (`Theresa May`), unless it is a date
    // too (`Monday March 3`) or a function word opening the sentence (`In May`).
    let words = ctx.words(side);
    let capital_beside = |i: Option<usize>| {
        i.filter(|&i| i < words.words().len()).is_some_and(|i| {
            let (word, folded) = (&words.words()[i], words.folded(i));
            let between = match word.span.start < span.start {
                true => &text.text[word.span.end..span.start],
                false => &text.text[span.end..word.span.start],
            };
            between.chars().all(char::is_whitespace)
                && is_capitalized(word.text)
                && calendar.name(folded).is_none()
                && !(text.starts_sentence_at(word.span.start)
                    && text.lang.stopwords.contains(folded))
        })
    };
    !opens_sentence && !capital_beside(index.checked_sub(1)) && !capital_beside(Some(index + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{run, run_from_french, run_with};
    use crate::glossary::Glossary;

    #[test]
    fn another_day_or_month_is_reported_on_the_target_word() {
        let found = run(
            &DateMismatch,
            "The talks will resume on Monday, March 3.",
            "Les pourparlers reprendront le mardi 3 avril.",
        );
        let flagged: Vec<&str> = found.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(flagged, ["avril", "mardi"]);
        assert_eq!(found[0].0.suggestion.as_deref(), Some("mars"));
        assert_eq!(found[1].0.suggestion.as_deref(), Some("lundi"));
        let found = run_from_french(
            &DateMismatch,
            "Il part le 1er février.",
            "He leaves on 1 January.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("February"));
        // A date the target names twice where the source names two (newstest2012, injected).
        let found = run_from_french(
            &DateMismatch,
            "Observée de janvier à mars.",
            "Observed from March to March.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "March");
        // A comma parts an ambiguous month from the name after it.
        let found = run_from_french(
            &DateMismatch,
            "Un Président depuis septembre, souligne Pelta.",
            "A President since August, Pelta said.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn the_same_dates_in_other_words_pass() {
        let clean = [
            (
                "The works last until mid-March.",
                "Les travaux durent jusqu'à la mi-mars.",
            ),
            ("From Monday to Friday.", "Du lundi au vendredi."),
            (
                "Shops close on Sundays.",
                "Les magasins ferment le dimanche.",
            ),
            ("He left on Tuesday.", "Mardi, il est parti."),
            // No date in the target: not this rule's business.
            ("He left on Tuesday.", "Il est parti hier."),
            // A night spans two days.
            (
                "A fire broke out on Saturday night.",
                "Un incendie a éclaté dans la nuit de dimanche.",
            ),
            (
                "He spoke a day after Sunday's vote.",
                "Il a parlé le lundi suivant le vote.",
            ),
        ];
        for (source, target) in clean {
            let found = run(&DateMismatch, source, target);
            assert!(found.is_empty(), "{target}: {found:?}");
        }
    }

    #[test]
    fn a_name_or_a_verb_is_no_month() {
        let clean = [
            (
                "Theresa May spoke in June.",
                "Theresa May a parlé en juillet dernier, en juin.",
            ),
            (
                "May I ask a question in June?",
                "Puis-je poser une question en juin ?",
            ),
            ("They will march on Sunday.", "Ils défileront dimanche."),
        ];
        for (source, target) in clean {
            let found = run(&DateMismatch, source, target);
            assert!(found.is_empty(), "{target}: {found:?}");
        }
        // `Mars` with a capital inside a French sentence is the planet.
        let found = run_from_french(
            &DateMismatch,
            "La sonde atteindra Mars en mai.",
            "The probe will reach Mars in May.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = run(
            &DateMismatch,
            "The vote is in May.",
            "Le vote a lieu en juin.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn german_names_count_too() {
        let found = run_with(
            &DateMismatch,
            "Die Sitzung findet am Montag statt.",
            "La séance a lieu jeudi.",
            "de",
            "fr",
            &Glossary::default(),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("lundi"));
        // After a day written as an ordinal, the month is inside the sentence.
        let found = run_with(
            &DateMismatch,
            "Le 7 juillet, il aperçut deux points noirs.",
            "Am 7. August entdeckte er zwei dunkle Pünktchen.",
            "fr",
            "de",
            &Glossary::default(),
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
