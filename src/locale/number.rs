//! Locale-aware number reading: digits with the language's decimal and thousands separators,
//! scale words (`1.3 billion`, `1,3 milliard`) and number words (`three thousand`).

use super::Language;
use crate::model::Span;
use crate::textutil::{char_at, fold, word_iter};
use regex::Regex;
use std::sync::OnceLock;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Digits,
    Words,
}

/// One number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte span in the text that was read, scale word included.
    pub span: Span,
    pub value: f64,
    pub written: Written,
    /// The separators follow the other common convention (`1.3` in French, `1,5` in English).
    pub foreign_format: bool,
    /// The value the digits would have under the other convention (`1,300`: 1.3 or 1300).
    pub other_reading: Option<f64>,
    /// The value before the start of a range took the scale word of its end (`2` of `2 to 3
    /// million`): the other language may not share the scale (`deux à trois millions`).
    pub before_range_scale: Option<f64>,
}

/// The spaces that may stand between a number and what goes with it (its unit, sign or scale
/// word), no-break ones included.
pub(crate) const AMOUNT_SPACES: [char; 3] = [' ', '\u{00A0}', '\u{202F}'];

/// Two values are the same number when they agree to nine significant digits.
pub fn same_value(a: f64, b: f64) -> bool {
    let scale = a.abs().max(b.abs()).max(1e-12);
    (a - b).abs() / scale < 1e-9
}

/// Runs of ASCII digits with their separators. ASCII only: other digits (`３`, `٣`) were never
/// read as values, and a class of ten bytes lets the regex engine skip the text between them
/// (2% of a whole run on Europarl, against Unicode `\d`).
fn digit_run() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[0-9]+(?:[.,\u{00A0}\u{202F} ][0-9]+)*").expect("static regex"))
}

/// Spans of the words of letters in `text`, hyphenated compounds whole (`twenty-one`): what
/// [`WORD_TOKEN`] matches, scanned by hand since every segment goes through it.
fn letter_words(text: &str) -> impl Iterator<Item = Span> + '_ {
    // Called on every segment: ASCII bytes are classified without decoding, in two tight
    // loops (to the word's first letter, then past its last).
    let bytes = text.as_bytes();
    let letter_at = move |i: usize| -> Option<usize> {
        let (c, len) = char_at(text, i);
        crate::textutil::is_letter(c).then_some(len)
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let &byte = bytes.get(i)?;
            if crate::textutil::is_ascii_letter(byte) {
                break i;
            }
            if byte.is_ascii() {
                i += 1;
                continue;
            }
            let (c, len) = char_at(text, i);
            if crate::textutil::is_letter(c) {
                break i;
            }
            i += len;
        };
        while let Some(&byte) = bytes.get(i) {
            if crate::textutil::is_ascii_letter(byte) {
                i += 1;
            } else if byte == b'-' {
                // A hyphen joins two letters (`twenty-one`), and ends the word otherwise.
                if i + 1 < bytes.len() && letter_at(i + 1).is_some() {
                    i += 1;
                } else {
                    break;
                }
            } else if byte.is_ascii() {
                break;
            } else if let Some(len) = letter_at(i) {
                i += len;
            } else {
                break;
            }
        }
        Some(Span::new(start, i))
    })
}

/// The pattern of a word of letters, a hyphenated compound whole (`twenty-one`).
const WORD_TOKEN: &str = r"\p{L}+(?:-\p{L}+)*";

/// The word of letters (a hyphenated compound whole) that `text` starts with, if any. The
/// search is anchored: unanchored, it would look through the rest of the segment for a word
/// that does not start the text, only to drop it.
fn word_at_start(text: &str) -> Option<regex::Match<'_>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!("^(?:{WORD_TOKEN})")).expect("static regex"))
        .find(text)
}

/// All numbers of `text`, in order: digit numbers first read in the language's convention.
pub fn find_numbers(text: &str, lang: &Language) -> Vec<NumberMention> {
    find_numbers_and_dates(text, lang).0
}

/// [`find_numbers`], and the dates in digits whose fields are among the numbers.
pub fn find_numbers_and_dates(
    text: &str,
    lang: &Language,
) -> (Vec<NumberMention>, Vec<super::date::NumericDate>) {
    let fractions = slash_fractions(text, lang);
    let mut out = find_digit_numbers(text, lang, &fractions);
    out.extend(
        fractions
            .into_iter()
            .map(|fraction| fraction.mention(text, lang)),
    );
    out.extend(find_lone_vulgar_fractions(text, &out));
    out.extend(find_word_numbers(text, lang, &out));
    out.extend(find_articles_before_units(text, lang, &out));
    out.extend(find_roman_ordinals(text, lang));
    out.sort_by_key(|m| m.span.start);
    let dates = super::date::split_numeric_dates(text, &mut out);
    (out, dates)
}

/// Digit numbers, but for the digits of `fractions` (read apart).
fn find_digit_numbers(
    text: &str,
    lang: &Language,
    fractions: &[SlashFraction],
) -> Vec<NumberMention> {
    let mut out = Vec::new();
    // The last number read, if it is plain digits with no scale: a range may share the scale
    // word of its end (`entre 2,5 et 4,5 milliards`).
    let mut range_start: Option<usize> = None;
    for run in digit_run().find_iter(text) {
        let Some(run) = run_before_fraction(text, run, fractions) else {
            continue;
        };
        // Digits glued to letters on the left (`A380`, `COVID19`) are names, not quantities;
        // `1h45` is a time.
        let mut before = text[..run.start].chars().rev();
        if before.next().is_some_and(|c| c.is_alphabetic())
            && !(text[..run.start].ends_with('h')
                && before.next().is_some_and(|c| c.is_ascii_digit()))
        {
            continue;
        }
        // A version, section or address (`2.4.1`, `version 10.15`) is compared whole, as a
        // code.
        if is_dotted_identifier(run.text) || is_version_number(text, run.start, run.text, lang) {
            continue;
        }
        // Two numbers glued by an `x` (`4x4`, `3x1`) name a vehicle, a format or a
        // programme: a code (see `checks::codes`), not quantities. (`1920 × 1080` is two
        // numbers, however written.)
        if is_times_code_part(text, run.start, run.end) {
            continue;
        }
        // The `00` of `5h00` is no quantity.
        if text[..run.start].ends_with('h') && run.text.bytes().all(|b| b == b'0') {
            continue;
        }
        for parsed in split_run(run.text, lang) {
            let start = run.start + parsed.offset;
            // Already read as the tail of `9 mille 200`.
            if out
                .last()
                .is_some_and(|m: &NumberMention| m.span.end > start)
            {
                continue;
            }
            let span = Span::new(start, start + parsed.len);
            match clock_time(text, span, lang) {
                // A full hour has no minutes to carry over: `11.00 a.m.` is `11 heures`.
                Some((hour, minute)) if minute.value == 0.0 => out.push(hour),
                Some((hour, minute)) => out.extend([hour, minute]),
                None => {
                    let (parsed, span) = with_vulgar_fraction(text, parsed, span);
                    let literal = parsed.value;
                    let mention = with_scale_word(text, span, parsed, lang);
                    let scale = if literal > 0.0 {
                        mention.value / literal
                    } else {
                        1.0
                    };
                    if let Some(k) = range_start
                        && scale >= 1000.0
                        && scale.log10().fract().abs() < 1e-9
                        && joined_as_range(text, &out[k], &mention, literal, lang)
                    {
                        out[k].scale_by(scale);
                    }
                    range_start = (scale == 1.0).then_some(out.len());
                    out.push(with_minus_sign(text, mention));
                    continue;
                }
            }
            range_start = None;
        }
    }
    out
}

/// Whether digits with a dot at `start` follow one of the language's version words (`version
/// 10.15`, `v 2.1`): a version, which keeps its dot in every language, not a decimal.
pub(crate) fn is_version_number(text: &str, start: usize, run: &str, lang: &Language) -> bool {
    if !run.contains('.') || run.contains([',', ' ', '\u{00A0}', '\u{202F}']) {
        return false;
    }
    let before = text[..start].trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    !word.is_empty() && before.len() < start && lang.version_words.iter().any(|v| *v == fold(word))
}

/// Whether a run of digits is an identifier with dots, not a quantity: a version, a section or
/// an address (`2.4.1`, `3.2.1`, `192.168.1.1`). Three groups or more, neither thousands
/// grouped (`1.234.567`) nor a date (`3.12.2026`).
pub(crate) fn is_dotted_identifier(run: &str) -> bool {
    // Every digit run of every segment is asked: most have fewer than two dots, and are
    // answered without splitting them.
    if run.bytes().filter(|&b| b == b'.').count() < 2 {
        return false;
    }
    let groups: Vec<&str> = run.split('.').collect();
    let digits_only = groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    if groups.len() < 3 || !digits_only {
        return false;
    }
    let thousands = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    let value = |g: &str| g.parse::<u32>().unwrap_or(0);
    let date = groups.len() == 3
        && (1..=31).contains(&value(groups[0]))
        && (1..=12).contains(&value(groups[1]))
        && matches!(groups[2].len(), 2 | 4);
    !thousands && !date
}

/// The number negated when a minus sign stands right before it, itself after a space, an
/// opening bracket or nothing (`-5 °C`, `(−0.3 %)`): not the hyphen of a range (`10-15`) or a
/// code (`G-7`), nor a dash set off by spaces (`2005 - 2010`).
fn with_minus_sign(text: &str, mut mention: NumberMention) -> NumberMention {
    let before = &text[..mention.span.start];
    let Some(sign) = ['-', '\u{2212}'].into_iter().find(|&c| before.ends_with(c)) else {
        return mention;
    };
    let before_sign = &before[..before.len() - sign.len_utf8()];
    if before_sign.is_empty() || before_sign.ends_with([' ', '(', '\u{00A0}']) {
        mention.value = -mention.value;
        mention.other_reading = mention.other_reading.map(|v| -v);
        mention.span.start -= sign.len_utf8();
    }
    mention
}

/// Whether the digits at `start..end` of `text` are one side of a code of two numbers glued
/// by an `x` (`4x4`).
fn is_times_code_part(text: &str, start: usize, end: usize) -> bool {
    let times = |c: char| matches!(c, 'x' | 'X');
    let mut after = text[end..].chars();
    let digits_after =
        after.next().is_some_and(times) && after.next().is_some_and(|c| c.is_ascii_digit());
    let mut before = text[..start].chars().rev();
    let digits_before =
        before.next().is_some_and(times) && before.next().is_some_and(|c| c.is_ascii_digit());
    digits_after || digits_before
}

/// Roman numerals alone of two letters or more (`camp III`, `World War II`) or with an
/// ordinal ending of the language (`XIXe siècle`, `Ve République`, `François Ier`), read as
/// their value. Only `I`, `V` and `X` are read: `L`, `C`, `D` and `M` with an ending are words
/// (`Le`, `Ce`, `De`), and centuries, ranks and numbered camps need no more; a lone `I` is a
/// pronoun.
fn find_roman_ordinals(text: &str, lang: &Language) -> Vec<NumberMention> {
    if !may_hold_roman_numeral(
        text,
        !lang.roman_ordinal_suffixes.is_empty(),
        lang.lone_i_numeral,
    ) {
        return Vec::new();
    }
    letter_words(text)
        .filter_map(|span| {
            let word = &text[span.range()];
            let alone = (word.len() >= 2 || (lang.lone_i_numeral && word == "I")).then_some(word);
            let numeral = alone.filter(|w| roman_value(w).is_some()).or_else(|| {
                lang.roman_ordinal_suffixes
                    .iter()
                    .find_map(|suffix| word.strip_suffix(suffix.as_str()))
            })?;
            let value = roman_value(numeral)?;
            Some(NumberMention {
                span,
                value: f64::from(value),
                written: Written::Words,
                foreign_format: false,
                other_reading: None,
                before_range_scale: None,
            })
        })
        .collect()
}

/// Whether a word of `text` may be a Roman numeral [`find_roman_ordinals`] reads, judged on
/// bytes: a run of `I`, `V`, `X` starting a word and either ending it after two letters or
/// more, or followed by what may start an ordinal ending. Every English sentence holds an `I`
/// or an `In`; this keeps them from being split into words for nothing.
fn may_hold_roman_numeral(text: &str, endings: bool, lone_i: bool) -> bool {
    let bytes = text.as_bytes();
    let is_numeral_letter = |b: u8| matches!(b, b'I' | b'V' | b'X');
    // A letter, digit or part of a non-ASCII character: inside a word.
    let in_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let mut i = 0;
    // Jumps from one numeral letter to the next: most bytes are none.
    while let Some(found) = memchr::memchr3(b'I', b'V', b'X', &bytes[i..]) {
        i += found;
        let word_start = i == 0 || !in_word(bytes[i - 1]);
        if !word_start {
            i += 1;
            continue;
        }
        let run = bytes[i..]
            .iter()
            .take_while(|&&b| is_numeral_letter(b))
            .count();
        match bytes.get(i + run) {
            None => return run >= 2 || lone_i,
            Some(&b) if !in_word(b) && (run >= 2 || lone_i) => {
                return true;
            }
            Some(&b) if endings && (b == b'e' || b == b'r' || b >= 0x80) => return true,
            _ => i += run,
        }
    }
    false
}

/// The value of a Roman numeral of `I`, `V` and `X` in its canonical form (`XIX`, not `XVIIII`
/// nor `IXX`), if it is one.
fn roman_value(numeral: &str) -> Option<u32> {
    if numeral.is_empty() || !numeral.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    (1..40).find(|&value| canonical_roman(value) == numeral)
}

/// `value` (1–39) written in Roman numerals.
fn canonical_roman(value: u32) -> String {
    let tens = "X".repeat((value / 10) as usize);
    let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][(value % 10) as usize];
    tens + units
}

/// The end of one of the language's time words (`h`, `heures`, `hrs`) that follows byte `at`,
/// after spaces, as a word of its own (`15 h`, `15h30`).
pub(crate) fn time_unit_end(text: &str, at: usize, lang: &Language) -> Option<usize> {
    let rest = text[at..].trim_start_matches(AMOUNT_SPACES);
    let start = text.len() - rest.len();
    let lower = rest.chars().take(12).collect::<String>().to_lowercase();
    lang.time_units.iter().find_map(|unit| {
        let after = lower.strip_prefix(unit.as_str())?;
        // Time words are ASCII: their length in the text is their length in lower case.
        (!after.starts_with(char::is_alphabetic)).then(|| start + unit.len())
    })
}

/// `20.45 hrs`, `15.30 heures`: a time of day written with a decimal mark, read as its hour and
/// its minutes, the way `20h45` and `15:30` are.
fn clock_time(text: &str, span: Span, lang: &Language) -> Option<(NumberMention, NumberMention)> {
    let literal = &text[span.range()];
    let (hour, minute) = literal.rsplit_once(['.', ','])?;
    let (h, m): (u32, u32) = (hour.parse().ok()?, minute.parse().ok()?);
    if hour.is_empty() || hour.len() > 2 || minute.len() != 2 || h > 24 || m > 59 {
        return None;
    }
    time_unit_end(text, span.end, lang)?;
    let mention = |start: usize, end: usize, value: u32| NumberMention {
        span: Span::new(start, end),
        value: f64::from(value),
        written: Written::Digits,
        foreign_format: false,
        other_reading: None,
        before_range_scale: None,
    };
    let minute_start = span.end - minute.len();
    Some((
        mention(span.start, span.start + hour.len(), h),
        mention(minute_start, span.end, m),
    ))
}

/// One number read out of a run of digits and separators.
#[derive(Debug)]
struct ParsedDigits {
    offset: usize,
    len: usize,
    value: f64,
    foreign_format: bool,
    other_reading: Option<f64>,
}

/// A run of digits, cut before the slash fraction whose digits it runs into (`2012` of `2012
/// 1/2`); none when the fraction starts it.
fn run_before_fraction<'t>(
    text: &'t str,
    run: regex::Match<'t>,
    fractions: &[SlashFraction],
) -> Option<DigitRun<'t>> {
    let (start, end) = (run.start(), run.end());
    let end = match fractions
        .iter()
        .find(|f| f.span.start < end && f.span.end > start)
    {
        Some(fraction) if fraction.span.start <= start => return None,
        Some(fraction) => start + text[start..fraction.span.start].trim_end().len(),
        None => end,
    };
    Some(DigitRun {
        start,
        end,
        text: &text[start..end],
    })
}

/// A run of digits and separators at bytes `start..end` of a text.
struct DigitRun<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

/// A fraction written with a slash (`3/4`, `1 / 2` as tokenizers write it), perhaps after a
/// whole number (`2 1/2`).
#[derive(Debug)]
struct SlashFraction {
    span: Span,
    value: f64,
    /// Whether a whole number comes first (`2 1/2`): then it is a number in digits; alone it
    /// reads as the words it stands for (`3/4 of voters`: `three quarters`).
    mixed: bool,
}

impl SlashFraction {
    fn mention(&self, text: &str, lang: &Language) -> NumberMention {
        let parsed = ParsedDigits {
            offset: 0,
            len: self.span.len(),
            value: self.value,
            foreign_format: false,
            other_reading: None,
        };
        let mut mention = with_scale_word(text, self.span, parsed, lang);
        if !self.mixed {
            mention.written = Written::Words;
        }
        mention
    }
}

/// The denominators read as a fraction's: `9/11` and `24/7` are no fractions.
const DENOMINATORS: [u32; 9] = [2, 3, 4, 5, 6, 8, 10, 12, 16];

fn slash_fraction_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:\b([0-9]{1,3})[ \u{00A0}])?\b([0-9]{1,2}) ?/ ?([0-9]{1,2})\b")
            .expect("static regex")
    })
}

/// The slash fractions of `text` (see [`SlashFraction`]): a numerator smaller than a
/// denominator of [`DENOMINATORS`], not part of a date — a longer run of slashes
/// (`3/4/2012`) or days before a month (`les 9/10 septembre`).
fn slash_fractions(text: &str, lang: &Language) -> Vec<SlashFraction> {
    if !text.contains('/') {
        return Vec::new();
    }
    slash_fraction_pattern()
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            let (numerator, denominator) = (number(2)?, number(3)?);
            let fraction = numerator >= 1 && numerator < denominator;
            let after = text[whole.end()..].trim_start();
            let dated = text[..whole.start()].trim_end().ends_with('/')
                || after.starts_with('/')
                || starts_with_month(after, lang);
            if !fraction || !DENOMINATORS.contains(&denominator) || dated {
                return None;
            }
            let value = f64::from(numerator) / f64::from(denominator);
            Some(SlashFraction {
                span: Span::new(whole.start(), whole.end()),
                value: number(1).map_or(value, |w| f64::from(w) + value),
                mixed: caps.get(1).is_some(),
            })
        })
        .collect()
}

/// Whether `text` starts with a month name of the language (`September 1988`, `sept.`).
fn starts_with_month(text: &str, lang: &Language) -> bool {
    word_iter(text)
        .next()
        .is_some_and(|word| word.span.start == 0 && lang.months.contains(&word.text.to_lowercase()))
}

/// The vulgar fractions of Unicode and their values (`½`, `¾`).
const VULGAR_FRACTIONS: [(char, f64); 15] = [
    ('½', 1.0 / 2.0),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 1.0 / 4.0),
    ('¾', 3.0 / 4.0),
    ('⅕', 1.0 / 5.0),
    ('⅖', 2.0 / 5.0),
    ('⅗', 3.0 / 5.0),
    ('⅘', 4.0 / 5.0),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 1.0 / 8.0),
    ('⅜', 3.0 / 8.0),
    ('⅝', 5.0 / 8.0),
    ('⅞', 7.0 / 8.0),
];

/// The value of a vulgar fraction sign.
fn vulgar_fraction(c: char) -> Option<f64> {
    VULGAR_FRACTIONS
        .iter()
        .find_map(|&(sign, value)| (sign == c).then_some(value))
}

/// The number with the vulgar fraction that follows it, glued or after one space, added
/// (`1½`, `1 ½ m` is 1.5 metres).
fn with_vulgar_fraction(text: &str, parsed: ParsedDigits, span: Span) -> (ParsedDigits, Span) {
    let rest = &text[span.end..];
    let after_space = rest.strip_prefix(AMOUNT_SPACES).unwrap_or(rest);
    let Some(c) = after_space.chars().next() else {
        return (parsed, span);
    };
    let Some(fraction) = vulgar_fraction(c) else {
        return (parsed, span);
    };
    let len = rest.len() - after_space.len() + c.len_utf8();
    let parsed = ParsedDigits {
        len: parsed.len + len,
        value: parsed.value + fraction,
        other_reading: parsed.other_reading.map(|v| v + fraction),
        ..parsed
    };
    (parsed, Span::new(span.start, span.end + len))
}

/// Articles that the language reads as one before a unit ([`Language::one_before_unit`]) and
/// that a unit follows after spaces (`an hour and a half`, `a year ago`), neither part of a
/// number already read (`half a century`) nor right after one (`2.50 a month`).
fn find_articles_before_units(
    text: &str,
    lang: &Language,
    taken: &[NumberMention],
) -> Vec<NumberMention> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut firsts: Vec<u8> = (lang.one_before_unit.iter())
        .map(|article| article.as_bytes()[0].to_ascii_lowercase())
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    for first in firsts {
        // Found by its first letter in both cases (`memchr`'s vector search: the articles
        // are looked for in every segment of the language); most such letters are inside a
        // word, which the byte before tells.
        let starts = memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes);
        for at in starts.filter(|&at| at == 0 || !bytes[at - 1].is_ascii_alphanumeric()) {
            let end = at
                + bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
            let word = &text[at..end];
            let is_article = (lang.one_before_unit.iter()).any(|a| a.eq_ignore_ascii_case(word))
                && text[end..].starts_with(char::is_whitespace)
                && !text[..at].ends_with(char::is_alphanumeric);
            if !is_article {
                continue;
            }
            let rest = &text[end..];
            let unit_follows = word_iter(rest).next().is_some_and(|next| {
                rest[..next.span.start].chars().all(char::is_whitespace)
                    && lang.unit_after_words(next.text).is_some()
            });
            // After a number the article means each (`2.50 a month`, `5 an hour`).
            let after_number =
                |m: &NumberMention| m.span.end <= at && text[m.span.end..at].trim().is_empty();
            let span = Span::new(at, end);
            let free = !taken
                .iter()
                .any(|m| m.span.contains(span) || after_number(m));
            if unit_follows && free {
                out.push(NumberMention::in_words(span, 1.0));
            }
        }
    }
    out
}

/// Vulgar fractions that no number before them took (`½ litre`), read as the fraction words
/// they stand for (`half`).
fn find_lone_vulgar_fractions(text: &str, taken: &[NumberMention]) -> Vec<NumberMention> {
    // The signs are encoded from byte 0xC2 (`½`: U+00BD) or 0xE2 (`⅓`: U+2153): the scan
    // jumps between those bytes rather than decoding every character.
    memchr::memchr2_iter(0xC2, 0xE2, text.as_bytes())
        .filter_map(|at| {
            let c = text[at..].chars().next()?;
            let value = vulgar_fraction(c)?;
            let span = Span::new(at, at + c.len_utf8());
            (!taken.iter().any(|m| m.span.contains(span)))
                .then(|| NumberMention::in_words(span, value))
        })
        .collect()
}

/// A run such as `2016 20` or `1,300.5` may hold one number or several; read them left to
/// right following the language's separators.
fn split_run(run: &str, lang: &Language) -> Vec<ParsedDigits> {
    let pieces = run_pieces(run);
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let (offset, first) = pieces[i].1;
        if let Some(parsed) = foreign_grouped(&pieces[i..], lang) {
            i += parsed.len;
            out.push(parsed.digits);
            continue;
        }
        let mut integer = first.to_string();
        let mut fraction: Option<String> = None;
        let mut foreign_format = false;
        let mut other_reading = None;
        let mut end = offset + first.len();
        let mut j = i + 1;
        while j < pieces.len() {
            let (sep, (group_offset, group)) = pieces[j];
            let is_group = lang.group.contains(&sep)
                && group.len() == 3
                && fraction.is_none()
                && (j > i + 1 || integer.len() <= 3);
            if sep == lang.decimal && fraction.is_none() && !is_group {
                if group.len() == 3 && integer.len() <= 3 {
                    // `1,300` in French: 1.3 here, 1300 elsewhere.
                    other_reading = format!("{integer}{group}").parse().ok();
                }
                fraction = Some(group.to_string());
            } else if is_group {
                integer.push_str(group);
            } else if is_foreign_decimal(sep, lang) && fraction.is_none() && group.len() != 3 {
                // `1.3` in French or `1,5` in English: a decimal written the other way.
                fraction = Some(group.to_string());
                foreign_format = true;
            } else {
                break;
            }
            end = group_offset + group.len();
            j += 1;
        }
        let literal = match &fraction {
            Some(f) => format!("{integer}.{f}"),
            None => integer,
        };
        if let Ok(value) = literal.parse::<f64>() {
            out.push(ParsedDigits {
                offset,
                len: end - offset,
                value,
                foreign_format,
                other_reading,
            });
        }
        i = j;
    }
    out
}

/// A number read from several pieces of a digit run, and how many pieces it took.
struct PiecesRead {
    digits: ParsedDigits,
    len: usize,
}

/// `5.143.312` in English, `5,143,312` or `1,234,567.89` in French: the decimal mark written
/// twice or more before groups of three digits can only separate thousands, in the other
/// convention, whose decimal mark may follow.
fn foreign_grouped(pieces: &[(char, (usize, &str))], lang: &Language) -> Option<PiecesRead> {
    let (offset, first) = pieces.first()?.1;
    let groups = pieces[1..]
        .iter()
        .take_while(|(sep, (_, group))| *sep == lang.decimal && group.len() == 3)
        .count();
    if groups < 2 || first.len() > 3 {
        return None;
    }
    let mut digits: String = pieces[..=groups].iter().map(|(_, (_, g))| *g).collect();
    let mut taken = groups + 1;
    match pieces.get(taken) {
        Some((sep, _)) if *sep == lang.decimal => return None,
        Some((sep, (_, fraction))) if is_foreign_decimal(*sep, lang) => {
            digits = format!("{digits}.{fraction}");
            taken += 1;
        }
        _ => {}
    }
    let (last_offset, last) = pieces[taken - 1].1;
    Some(PiecesRead {
        digits: ParsedDigits {
            offset,
            len: last_offset + last.len() - offset,
            value: digits.parse().ok()?,
            foreign_format: true,
            other_reading: None,
        },
        len: taken,
    })
}

fn is_foreign_decimal(sep: char, lang: &Language) -> bool {
    matches!(sep, '.' | ',') && sep != lang.decimal
}

/// Splits `1,300.5` into `('\0', (0, "1")), (',', (2, "300")), ('.', (6, "5"))`.
fn run_pieces(run: &str) -> Vec<(char, (usize, &str))> {
    let mut pieces = Vec::new();
    let mut sep = '\0';
    let mut group_start = 0;
    for (i, c) in run.char_indices() {
        if !c.is_ascii_digit() {
            pieces.push((sep, (group_start, &run[group_start..i])));
            sep = c;
            group_start = i + c.len_utf8();
        }
    }
    pieces.push((sep, (group_start, &run[group_start..])));
    pieces
}

/// Extends a number over a following scale word (`1,3 milliard`).
fn with_scale_word(text: &str, span: Span, parsed: ParsedDigits, lang: &Language) -> NumberMention {
    let mut mention = NumberMention {
        span,
        value: parsed.value,
        written: Written::Digits,
        foreign_format: parsed.foreign_format,
        other_reading: parsed.other_reading,
        before_range_scale: None,
    };
    // `1.3 billion`, `18-billion`, `11,3 thousand million`.
    let mut last_scale = None;
    while let Some((word_end, scale)) = scale_word_after(text, mention.span.end, lang) {
        mention.scale_to(word_end, scale);
        last_scale = Some(scale);
    }
    // `£435m`: a money scale abbreviation, glued to an amount in a currency.
    if last_scale.is_none()
        && let Some((word_end, scale)) = money_scale_after(text, span, lang)
    {
        mention.scale_to(word_end, scale);
    }
    // `9 mille 200`, `5 millions 143 mille 312`: smaller groups right after the scale word
    // add to it, each with a smaller scale word of its own or none.
    let mut limit = last_scale;
    while let Some(scale) = limit
        && let Some((end, small, small_scale)) = smaller_group_after(text, mention.span.end, lang)
        && small * small_scale < scale
    {
        mention.value += small * small_scale;
        mention.span.end = end;
        limit = (small_scale > 1.0).then_some(small_scale);
    }
    mention
}

/// The plain digits that follow `at` after at most a space, with the scale word after them if
/// any: where the group ends, its digits' value and its scale (1 without a scale word).
fn smaller_group_after(text: &str, at: usize, lang: &Language) -> Option<(usize, f64, f64)> {
    let rest = digit_run().find(&text[at..])?;
    let gap = &text[at..at + rest.start()];
    if rest.start() > 3
        || !gap
            .chars()
            .all(|c| matches!(c, ' ' | '\u{00A0}' | '\u{202F}'))
    {
        return None;
    }
    let small = rest.as_str().parse::<f64>().ok()?;
    let end = at + rest.end();
    Some(match scale_word_after(text, end, lang) {
        Some((word_end, scale)) => (word_end, small, scale),
        None => (end, small, 1.0),
    })
}

/// Whether `start` opens a range that `end` (read as `literal` before its scale word) closes:
/// only a range word of the language stands between them (`2,5 et 4,5 milliards`, `2 to 3
/// million`), and the range rises (`2010 and 2 million` is no range).
fn joined_as_range(
    text: &str,
    start: &NumberMention,
    end: &NumberMention,
    literal: f64,
    lang: &Language,
) -> bool {
    let between = text.get(start.span.end..end.span.start).unwrap_or("");
    start.value < literal && is_range_word(between, lang)
}

/// Whether `between` (spaces around it aside) is one of the language's words that join the two
/// ends of a range (`to`, `à`, `-`).
pub(crate) fn is_range_word(between: &str, lang: &Language) -> bool {
    let word = between.trim_matches(AMOUNT_SPACES);
    lang.range_words
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

impl NumberMention {
    /// A number written in words (`half`, `½`, `an` before a unit), of value `value`.
    fn in_words(span: Span, value: f64) -> Self {
        NumberMention {
            span,
            value,
            written: Written::Words,
            foreign_format: false,
            other_reading: None,
            before_range_scale: None,
        }
    }

    /// Multiplies the number by a scale word that stands elsewhere (the end of its range).
    fn scale_by(&mut self, scale: f64) {
        self.before_range_scale = Some(self.value);
        self.value *= scale;
        self.other_reading = self.other_reading.map(|v| v * scale);
    }

    /// Multiplies the number by the scale word that ends at `word_end`, which joins its span.
    fn scale_to(&mut self, word_end: usize, scale: f64) {
        self.value *= scale;
        self.other_reading = self.other_reading.map(|v| v * scale);
        self.span.end = word_end;
    }
}

/// A money scale abbreviation glued to the digits at `span` (`m` in `£435m`) when a currency
/// of the language stands before them: its end and value.
fn money_scale_after(text: &str, span: Span, lang: &Language) -> Option<(usize, f64)> {
    let word = word_at_start(&text[span.end..])?;
    let scale = lang.money.scale.get(word.as_str())?;
    let before = text[..span.start].trim_end();
    let currency = lang
        .money
        .currencies
        .iter()
        .any(|c| before.ends_with(c.as_str()));
    currency.then_some((span.end + word.end(), *scale))
}

/// A scale word starting after at most one space (or a hyphen) at byte `at`: its end and value.
pub(crate) fn scale_word_after(text: &str, at: usize, lang: &Language) -> Option<(usize, f64)> {
    let rest = &text[at..];
    let after_space = rest.trim_start_matches([' ', '\u{00A0}', '\u{202F}', '-']);
    let gap = rest.len() - after_space.len();
    if rest[..gap].chars().count() > 1 {
        return None;
    }
    let word = word_at_start(after_space)?;
    let scale = lang.scale.get(&word.as_str().to_lowercase())?;
    Some((at + gap + word.end(), *scale))
}

/// Numbers written as words (`three thousand`, `quatre-vingt-dix`). `taken` holds digit
/// numbers whose scale words must not be read again.
fn find_word_numbers(text: &str, lang: &Language, taken: &[NumberMention]) -> Vec<NumberMention> {
    let mut out = Vec::new();
    // The number being read: where it starts, where its last number word ends, where a
    // joining word after it (`and`, `a` in `half a million`) ends, and its value so far.
    let mut open: Option<(usize, usize, usize, WordNumber)> = None;
    let close = |open: &mut Option<(usize, usize, usize, WordNumber)>,
                 out: &mut Vec<NumberMention>| {
        if let Some((start, end, _, n)) = open.take() {
            out.push(n.mention(Span::new(start, end)));
        }
    };
    // One buffer for every word's lower-case form.
    let mut lower = String::new();
    for span in letter_words(text) {
        let word = &text[span.range()];
        // Neither a number word nor a joiner (what the lookups below would find), or part of
        // a number already read. The cheap test first: most words are no number word, and a
        // long text has many numbers to compare each with. While no number is open, only a
        // word that may open one matters: the joiners (`and`, `de`), among the commonest
        // words, would be looked up for nothing.
        let may_matter = if open.is_some() {
            lang.may_be_number_word(word)
        } else {
            lang.may_open_number(word)
        };
        if !may_matter || taken.iter().any(|m| m.span.contains(span)) {
            close(&mut open, &mut out);
            continue;
        }
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        let adjacent = open
            .as_ref()
            .is_some_and(|(_, _, joined, _)| text[*joined..span.start].trim().is_empty());
        match (open.as_mut(), number_word(&lower, lang)) {
            // A fraction joins a count only after a joining word (`two and a half`, `deux et
            // demi`): `une demi-heure` is half an hour.
            (Some((_, end, joined, n)), Some(w))
                if adjacent && n.accepts(w, lang) && (!w.is_fraction() || *joined > *end) =>
            {
                n.push(w);
                *end = span.end;
                *joined = span.end;
            }
            (Some((_, _, joined, n)), None)
                if adjacent
                    && (lang.number_joiners.contains(&lower)
                        || (n.is_fraction() && lang.fraction_joiners.contains(&lower))) =>
            {
                *joined = span.end;
            }
            (_, Some(w)) => {
                close(&mut open, &mut out);
                let mut n = WordNumber::default();
                n.push(w);
                open = Some((span.start, span.end, span.end, n));
            }
            _ => close(&mut open, &mut out),
        }
    }
    close(&mut open, &mut out);
    out
}

#[derive(Debug, Clone, Copy)]
enum NumberWord {
    Unit(f64),
    Multiplier(f64),
    Scale(f64),
}

impl NumberWord {
    /// `half`, `demi`, `quarter`.
    fn is_fraction(self) -> bool {
        matches!(self, NumberWord::Unit(v) if v < 1.0)
    }
}

fn number_word(lower: &str, lang: &Language) -> Option<NumberWord> {
    if let Some(word) = number_table_word(lower, lang) {
        return Some(word);
    }
    hyphenated_number(lower, lang)
        .or_else(|| glued_number(lower, lang))
        .map(NumberWord::Unit)
}

/// A number written as one word made of number words (`dreihundertzwanzig`,
/// `zweitausendvierundfünfzig`), in a language that writes them so
/// ([`Language::number_words_glued`]): the longest listed word at each place, read as words in
/// a row would be.
fn glued_number(lower: &str, lang: &Language) -> Option<f64> {
    if !lang.number_words_glued {
        return None;
    }
    let mut number = WordNumber::default();
    let mut rest = lower;
    while !rest.is_empty() {
        let (end, word) = rest
            .char_indices()
            .map(|(at, c)| at + c.len_utf8())
            .rev()
            .find_map(|end| Some((end, number_table_word(&rest[..end], lang)?)))?;
        if number.words > 0 && !number.accepts(word, lang) {
            return None;
        }
        number.push(word);
        rest = &rest[end..];
    }
    (number.words >= 2).then_some(number.total + number.current)
}

/// A word of the language's number tables: a multiplier, a number word or a scale word.
fn number_table_word(lower: &str, lang: &Language) -> Option<NumberWord> {
    if let Some(&v) = lang.multipliers.get(lower) {
        return Some(NumberWord::Multiplier(v));
    }
    if let Some(&v) = lang.words.get(lower) {
        return Some(NumberWord::Unit(v));
    }
    lang.scale.get(lower).map(|&v| NumberWord::Scale(v))
}

/// The part that [`hyphenated_number`] passes over in a compound (`vingt-et-un`).
pub(crate) const SKIPPED_COMPOUND_PART: &str = "et";

/// Hyphenated compounds not listed whole (`twenty-one`, `quatre-vingt-deux`), or a number
/// leading a compound (`seven-year-old`): the longest listed prefixes, summed — and times a
/// scale word that ends the compound (`demi-milliard`, `half-million`).
fn hyphenated_number(lower: &str, lang: &Language) -> Option<f64> {
    if !lower.contains('-') {
        return None;
    }
    let parts: Vec<&str> = lower
        .split('-')
        .filter(|p| *p != SKIPPED_COMPOUND_PART)
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let mut value = 0.0;
    let mut i = 0;
    while i < parts.len() {
        let longest = (i + 1..=parts.len())
            .rev()
            .find_map(|end| lang.words.get(&parts[i..end].join("-")).map(|v| (end, *v)));
        match longest {
            Some((end, v)) => {
                value += v;
                i = end;
            }
            None => {
                if i > 0
                    && i + 1 == parts.len()
                    && let Some(scale) = lang.scale.get(parts[i])
                {
                    value *= scale;
                }
                break;
            }
        }
    }
    (i > 0).then_some(value)
}

/// Accumulates `three hundred twenty thousand` into 320 000.
#[derive(Debug, Default)]
struct WordNumber {
    total: f64,
    current: f64,
    words: usize,
    /// The largest scale read so far (`thousand` in `three thousand million`).
    largest_scale: f64,
}

impl WordNumber {
    /// Whether all read so far is a fraction (`a quarter`), which may take a scale word after
    /// a fraction joiner (`of a million`).
    fn is_fraction(&self) -> bool {
        self.total == 0.0 && self.current > 0.0 && self.current < 1.0
    }

    fn accepts(&self, w: NumberWord, lang: &Language) -> bool {
        match w {
            // `two and a half (million)`: a fraction after a whole count.
            _ if w.is_fraction() => self.current.fract() == 0.0,
            NumberWord::Unit(v) => {
                let tens = self.current % 100.0;
                self.current == 0.0
                    || (tens == 0.0 && v < 100.0)
                    // `twenty one`, `vingt et un`, and `soixante et onze` where the language
                    // counts on past some tens (`teen_tens` in data/<lang>/locale.toml).
                    || (tens >= 20.0 && tens % 10.0 == 0.0 && v < 10.0)
                    || (lang.teen_tens.contains(&tens) && v < 20.0)
            }
            NumberWord::Multiplier(m) if m < 1000.0 => true,
            // A scale multiplies a count read since the last one, or all read so far when it
            // is larger (`three thousand million`); another `millions` right after `millions`
            // is a second vague number (`millions and millions`), not one of two million.
            NumberWord::Multiplier(m) | NumberWord::Scale(m) => {
                self.current != 0.0 || m > self.largest_scale
            }
        }
    }

    fn push(&mut self, w: NumberWord) {
        self.words += 1;
        match w {
            // `deux millions et demi`, `a million and a half`: half of the scale just read.
            NumberWord::Unit(v)
                if w.is_fraction() && self.current == 0.0 && self.largest_scale > 0.0 =>
            {
                self.total += v * self.largest_scale;
            }
            NumberWord::Unit(v) => self.current += v,
            NumberWord::Multiplier(m) if m < 1000.0 => {
                let count = if self.current == 0.0 {
                    1.0
                } else {
                    self.current
                };
                self.current = count * m;
            }
            NumberWord::Multiplier(m) | NumberWord::Scale(m) => {
                if self.current == 0.0 && self.total > 0.0 && m > self.largest_scale {
                    // `three thousand million`: the new scale multiplies all read so far.
                    self.total *= m;
                } else {
                    // A scale alone (`millions`) counts once.
                    let count = if self.current == 0.0 {
                        1.0
                    } else {
                        self.current
                    };
                    self.total += count * m;
                }
                self.largest_scale = self.largest_scale.max(m);
                self.current = 0.0;
            }
        }
    }

    fn mention(&self, span: Span) -> NumberMention {
        NumberMention::in_words(span, self.total + self.current)
    }
}

/// Writes a value the way the language writes numbers: its decimal separator, its first
/// thousands separator, and a scale word for round millions and above (`1,3 milliard`).
pub fn format_number(value: f64, lang: &Language) -> String {
    for word in lang.write_scale.iter().rev() {
        let mantissa = value / word.value;
        if mantissa >= 1.0 && (mantissa * 1000.0).fract().abs() < 1e-6 {
            let form = word.form_after(mantissa, lang.scale_plural);
            return format!("{} {form}", format_digits(mantissa, lang));
        }
    }
    format_digits(value, lang)
}

fn format_digits(value: f64, lang: &Language) -> String {
    // Rounded to a millionth: what arithmetic on the value added (`1.2999999999999998`)
    // goes, the decimals a number is written with stay (`1,35705` was once `1.357`).
    let text = format!("{}", (value * 1e6).round() / 1e6);
    let (integer, fraction) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let grouped = if integer.len() > 4 {
        let sep = lang.group.first().copied().unwrap_or(',');
        let digits: Vec<char> = integer.chars().collect();
        let mut out = String::new();
        for (i, c) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(*c);
        }
        out
    } else {
        integer
    };
    match fraction {
        Some(f) => format!("{grouped}{}{f}", lang.decimal),
        None => grouped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_words_are_the_word_token_matches() {
        let text = "Twenty-one élèves -- quatre-vingt-deux, 3-year-old x- -y; l'été A-B-";
        let by_hand: Vec<&str> = letter_words(text).map(|s| &text[s.range()]).collect();
        let word_token = Regex::new(WORD_TOKEN).unwrap();
        let by_regex: Vec<&str> = word_token.find_iter(text).map(|m| m.as_str()).collect();
        assert_eq!(by_hand, by_regex);
        // The word a text starts with is the first match when it starts at the first byte.
        for at in 0..text.len() {
            let Some(rest) = text.get(at..) else {
                continue;
            };
            let first = word_token.find(rest).filter(|m| m.start() == 0);
            assert_eq!(
                word_at_start(rest).map(|m| m.range()),
                first.map(|m| m.range())
            );
        }
    }

    fn values(text: &str, lang: &str) -> Vec<(String, f64)> {
        let lang = Language::get(lang).unwrap();
        find_numbers(text, lang)
            .into_iter()
            .map(|m| (text[m.span.range()].to_string(), m.value))
            .collect()
    }

    /// The values read in `text`, in order.
    fn read(text: &str, lang: &str) -> Vec<f64> {
        values(text, lang).into_iter().map(|(_, v)| v).collect()
    }

    #[test]
    fn vulgar_fractions_add_to_the_number_before_them_or_stand_alone() {
        assert_eq!(
            values("etwa 1 ½ m tief, 2¾ Stunden", "de"),
            vec![("1 ½".to_string(), 1.5), ("2¾".to_string(), 2.75)]
        );
        assert_eq!(one("1½ million people", "en").value, 1_500_000.0);
        let lone = one("add ½ cup", "en");
        assert_eq!((lone.value, lone.written), (0.5, Written::Words));
        // Not after a comma: `1, ½` are two numbers.
        assert_eq!(
            values("room 1, ⅓ price", "en"),
            vec![("1".to_string(), 1.0), ("⅓".to_string(), 1.0 / 3.0)]
        );
    }

    #[test]
    fn slash_fractions_are_read_whole_and_dates_are_not() {
        assert_eq!(
            values("he served 2 1/2 years, a 5 1 / 2-hour wait", "en"),
            vec![("2 1/2".to_string(), 2.5), ("5 1 / 2".to_string(), 5.5)]
        );
        let lone = one("some 3/4 of voters", "en");
        assert_eq!((lone.value, lone.written), (0.75, Written::Words));
        assert_eq!(one("1/2 million", "en").value, 500_000.0);
        // Dates, a score, a number of days in the week: no fractions.
        for text in [
            "le 3/4/2012",
            "les 9/10 septembre",
            "open 24/7",
            "after 9/11",
        ] {
            assert!(
                values(text, "fr").iter().all(|(_, v)| v.fract() == 0.0),
                "{text}: {:?}",
                values(text, "fr")
            );
        }
        // A year before a fraction is no whole number of it, and keeps its digits.
        assert_eq!(
            values("in 2012 1/2 of them", "en"),
            vec![("2012".to_string(), 2012.0), ("1/2".to_string(), 0.5)]
        );
    }

    #[test]
    fn english_decades_are_read() {
        assert_eq!(
            values("in the sixties and the nineties", "en"),
            vec![
                ("sixties".to_string(), 60.0),
                ("nineties".to_string(), 90.0)
            ]
        );
    }

    #[test]
    fn ordinal_words_are_read() {
        assert_eq!(one("le quinzième anniversaire", "fr").value, 15.0);
        assert_eq!(one("the fifteenth anniversary", "en").value, 15.0);
        assert_eq!(one("le vingt et unième siècle", "fr").value, 21.0);
        assert_eq!(one("the twenty-first century", "en").value, 21.0);
        assert_eq!(one("la quatre-vingt-dixième fois", "fr").value, 90.0);
    }

    #[test]
    fn tens_and_units_written_apart_are_one_number() {
        assert_eq!(one("il a vingt et un ans", "fr").value, 21.0);
        assert_eq!(one("soixante et onze pays", "fr").value, 71.0);
        // `dix-neuf` with its hyphen left out, as `vingt deux` may be.
        assert_eq!(one("il a dix neuf ans", "fr").value, 19.0);
        assert_eq!(one("au dix neuvième siècle", "fr").value, 19.0);
        assert_eq!(values("ten nine", "en").len(), 2);
        assert_eq!(one("twenty one years", "en").value, 21.0);
        assert_eq!(one("en mil neuf cent vingt et un", "fr").value, 1921.0);
        // Not after a unit, nor twice.
        assert_eq!(values("one two", "en").len(), 2);
        assert_eq!(values("twenty one two", "en").len(), 2);
    }

    #[test]
    fn scale_abbreviations_and_vague_millions_are_read() {
        assert_eq!(one("a multi-million fine", "en").value, 1e6);
        assert_eq!(one("a multibillion-dollar deal", "en").value, 1e9);
        assert_eq!(one("a total of £435m", "en").value, 435e6);
        assert_eq!(one("ECU 35m", "en").value, 35e6);
        assert_eq!(one("la réserve de 100 Mécus", "fr").value, 100e6);
        // `m` after no currency may be metres.
        assert_eq!(one("it is 35m high", "en").value, 35.0);
    }

    #[test]
    fn times_of_day_are_read() {
        assert_eq!(one("à midi", "fr").value, 12.0);
        assert_eq!(one("at noon", "en").value, 12.0);
        assert!(values("l'après-midi", "fr").is_empty());
    }

    #[test]
    fn french_roman_ordinals_are_read() {
        assert_eq!(
            values("au XIXe siècle, puis au XXIᵉ, sous la Ve République", "fr"),
            vec![
                ("XIXe".to_string(), 19.0),
                ("XXIᵉ".to_string(), 21.0),
                ("Ve".to_string(), 5.0)
            ]
        );
        assert_eq!(values("François Ier", "fr"), vec![("Ier".to_string(), 1.0)]);
        // Words, not numerals: `Le`, `Ce`, an ill-formed numeral, an ending English lacks.
        assert!(values("Le Ce IIXe IVX", "fr").is_empty());
        assert!(values("the XIXe century", "en").is_empty());
        // A numeral of two letters or more stands alone (`camp III`); a lone `I` is a pronoun.
        assert_eq!(
            values("le camp III et la tranche II", "fr"),
            vec![("III".to_string(), 3.0), ("II".to_string(), 2.0)]
        );
        assert!(values("I think so", "en").is_empty());
        // French has no word `I`: there it is one.
        assert_eq!(values("la tranche I", "fr"), vec![("I".to_string(), 1.0)]);
    }

    fn one(text: &str, lang: &str) -> NumberMention {
        let lang = Language::get(lang).unwrap();
        let all = find_numbers(text, lang);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn english_and_french_conventions() {
        assert_eq!(
            values("1.3 billion users", "en"),
            vec![("1.3 billion".into(), 1.3e9)]
        );
        assert_eq!(
            values("1,3 milliard d'utilisateurs", "fr"),
            vec![("1,3 milliard".into(), 1.3e9)]
        );
        assert_eq!(
            values("1,3 billion", "fr"),
            vec![("1,3 billion".into(), 1.3e12)]
        );
        assert_eq!(
            values("13 millions", "fr"),
            vec![("13 millions".into(), 1.3e7)]
        );
        assert_eq!(values("$184.24 and 3.6%", "en")[0].1, 184.24);
        assert_eq!(values("184,24 $ et 3,6 %", "fr")[1].1, 3.6);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(values("12,500 people", "en")[0].1, 12500.0);
        assert_eq!(values("12 500 personnes", "fr")[0].1, 12500.0);
        assert_eq!(values("12\u{202F}500 personnes", "fr")[0].1, 12500.0);
        assert_eq!(values("12\u{00A0}500,5", "fr")[0].1, 12500.5);
        assert_eq!(values("1,234,567.8", "en")[0].1, 1234567.8);
    }

    #[test]
    fn separate_numbers_stay_separate() {
        assert_eq!(
            values("in 2016 20 people", "en"),
            vec![("2016".into(), 2016.0), ("20".into(), 20.0)]
        );
        assert_eq!(values("en 2016 1 500 personnes", "fr").len(), 2);
    }

    #[test]
    fn foreign_decimal_is_flagged_with_its_value() {
        let m = one("1.3 milliard", "fr");
        assert!(m.foreign_format);
        assert_eq!(m.value, 1.3e9);
        let m = one("1,5 million", "en");
        assert!(m.foreign_format);
        assert_eq!(m.value, 1.5e6);
    }

    #[test]
    fn ambiguous_group_keeps_the_other_reading() {
        let m = one("1,300 euros", "fr");
        assert_eq!(m.value, 1.3);
        assert_eq!(m.other_reading, Some(1300.0));
    }

    #[test]
    fn number_words() {
        assert_eq!(values("three thousand meters", "en")[0].1, 3000.0);
        assert_eq!(values("trois mille mètres", "fr")[0].1, 3000.0);
        assert_eq!(values("twenty-one", "en")[0].1, 21.0);
        assert_eq!(values("quatre-vingt-dix", "fr")[0].1, 90.0);
        assert_eq!(values("trente-deux ans", "fr")[0].1, 32.0);
        assert_eq!(values("two hundred and", "en")[0].1, 200.0);
        assert_eq!(values("deux millions", "fr")[0].1, 2e6);
        assert_eq!(values("quatre-vingt-deux", "fr")[0].1, 82.0);
        assert_eq!(values("a seven-year-old", "en")[0].1, 7.0);
        assert_eq!(values("three thousand million", "en")[0].1, 3e9);
        assert_eq!(values("half a million people", "en")[0].1, 5e5);
        assert_eq!(values("des millions de personnes", "fr")[0].1, 1e6);
    }

    #[test]
    fn chained_scales_and_composite_numbers() {
        assert_eq!(values("11,3 thousand million euros", "en")[0].1, 11.3e9);
        assert_eq!(
            values("9 mille 200 pieds", "fr"),
            vec![("9 mille 200".into(), 9200.0)]
        );
        assert_eq!(
            values("aux 5 millions 143 mille 312 dollars", "fr"),
            vec![("5 millions 143 mille 312".into(), 5_143_312.0)]
        );
        // A group no smaller than the scale before it is a number of its own.
        assert_eq!(read("2 mille 3 millions", "fr"), vec![2000.0, 3e6]);
    }

    #[test]
    fn the_decimal_mark_written_twice_groups_thousands_the_other_way() {
        let en = one("the 5.143.312 dollars", "en");
        assert_eq!((en.value, en.foreign_format), (5_143_312.0, true));
        let fr = one("1,234,567.89 euros", "fr");
        assert_eq!((fr.value, fr.foreign_format), (1_234_567.89, true));
        // Once is a decimal still; with a group of four, no thousands group, the dots make an
        // identifier, which is no number (`2.4.1`, `192.168.1.1`).
        assert_eq!(read("5.143 and 1.234.5678", "en"), vec![5.143]);
        assert_eq!(
            read("version 2.4.1 at 192.168.1.1", "en"),
            Vec::<f64>::new()
        );
        // A date is its three fields (`locale::date`).
        assert_eq!(read("am 3.12.2026", "de"), vec![3.0, 12.0, 2026.0]);
    }

    #[test]
    fn clock_times_with_a_decimal_mark() {
        // A full hour is the hour alone: `11.00 a.m.` is `11 heures`.
        assert_eq!(values("at 11.00 a.m.", "en"), vec![("11".into(), 11.0)]);
        assert_eq!(
            values("at 20.45 hrs", "en"),
            vec![("20".into(), 20.0), ("45".into(), 45.0)]
        );
        assert_eq!(
            values("à 15.30 heures", "fr"),
            vec![("15".into(), 15.0), ("30".into(), 30.0)]
        );
        assert_eq!(
            values("grew 20.45 percent", "en"),
            vec![("20.45".into(), 20.45)]
        );
        assert_eq!(
            values("at 7.30 p.m. today", "en"),
            vec![("7".into(), 7.0), ("30".into(), 30.0)]
        );
        assert_eq!(
            values("costs 2.50 a month", "en"),
            vec![("2.50".into(), 2.5)]
        );
        assert_eq!(
            values("costs 2.50 a month, for a year", "en"),
            vec![("2.50".into(), 2.5), ("a".into(), 1.0)]
        );
    }

    #[test]
    fn times_and_hyphenated_scales() {
        assert_eq!(
            values("avant 1h45", "fr"),
            vec![("1".into(), 1.0), ("45".into(), 45.0)]
        );
        assert_eq!(values("a $18-billion order", "en")[0].1, 18e9);
    }

    #[test]
    fn formats_in_the_language_convention() {
        let fr = Language::get("fr").unwrap();
        let en = Language::get("en").unwrap();
        assert_eq!(format_number(1.3e9, fr), "1,3 milliard");
        assert_eq!(format_number(1e11, fr), "100 milliards");
        assert_eq!(format_number(184.24, fr), "184,24");
        assert_eq!(format_number(1.35705, en), "1.35705");
        assert_eq!(format_number(0.1 + 0.2, en), "0.3");
        assert_eq!(format_number(12500.0, en), "12,500");
        assert_eq!(format_number(87e6, en), "87 million");
        let de = Language::get("de").unwrap();
        assert_eq!(format_number(1.3e9, de), "1,3 Milliarden");
        assert_eq!(format_number(1e9, de), "1 Milliarde");
        assert_eq!(format_number(12500.0, de), "12.500");
    }

    #[test]
    fn a_range_shares_the_scale_word_of_its_end() {
        assert_eq!(read("entre 2,5 et 4,5 milliards", "fr"), vec![2.5e9, 4.5e9]);
        assert_eq!(read("2 to 3 million people", "en"), vec![2e6, 3e6]);
        // No range: a year, then a number; a falling pair.
        assert_eq!(read("in 2010 and 2 million", "en"), vec![2010.0, 2e6]);
        assert_eq!(read("5 or 3 million", "en"), vec![5.0, 3e6]);
    }

    #[test]
    fn a_compound_ending_in_a_scale_word_is_scaled() {
        assert_eq!(read("ce demi-milliard de fans", "fr"), vec![5e8]);
        assert_eq!(read("a half-million fans", "en"), vec![5e5]);
        // A fraction joins a count after `et`/`and` only.
        assert_eq!(read("une demi-heure", "fr"), vec![1.0, 0.5]);
        assert_eq!(read("deux et demi", "fr"), vec![2.5]);
        assert_eq!(read("two and a half million", "en"), vec![2.5e6]);
    }

    #[test]
    fn german_numbers_written_as_one_word_are_read() {
        assert_eq!(read("dreihundertzwanzig Meter", "de"), vec![320.0]);
        assert_eq!(read("zweitausendvierundfünfzig", "de"), vec![2054.0]);
        assert_eq!(read("achtzehnhundert", "de"), vec![1800.0]);
        assert_eq!(read("dreihundert Millionen", "de"), vec![3e8]);
        // Not every word that starts like a number is one (`Achtung`, `Dreieck`).
        assert!(read("Achtung vor dem Dreieck", "de").is_empty());
        // Only where the language glues its number words: English `fourteen` is listed whole.
        assert!(read("the sevenfold", "en").is_empty());
    }

    #[test]
    fn and_a_half_is_read_with_its_number() {
        assert_eq!(
            read("keeping two and a half million people", "en"),
            vec![2.5e6]
        );
        assert_eq!(
            read("Deux millions et demi de personnes", "fr"),
            vec![2.5e6]
        );
        assert_eq!(read("un million et demi", "fr"), vec![1.5e6]);
        assert_eq!(read("half a million", "en"), vec![0.5e6]);
        assert_eq!(read("one and a half hours", "en"), vec![1.5]);
    }

    #[test]
    fn a_fraction_of_a_scale_word_is_read_whole() {
        assert_eq!(read("a quarter of a million people", "en"), vec![250_000.0]);
        // (The article `un` is read as one, as everywhere.)
        assert_eq!(read("un quart de million", "fr"), vec![1.0, 250_000.0]);
        // Only a fraction takes its scale word so: `one of a million` is two numbers.
        assert_eq!(read("one of a million", "en"), vec![1.0, 1e6]);
        assert_eq!(read("a quarter of the votes", "en"), vec![0.25]);
    }

    #[test]
    fn a_scale_word_again_is_another_vague_number() {
        assert_eq!(
            read("millions and millions of orphans", "en"),
            vec![1e6, 1e6]
        );
        assert_eq!(read("three thousand million", "en"), vec![3e9]);
        assert_eq!(
            read("two million three hundred thousand", "en"),
            vec![2.3e6]
        );
    }

    #[test]
    fn two_numbers_glued_by_an_x_are_a_code() {
        assert!(read("Le 4x4 tente de sortir du fossé.", "fr").is_empty());
        assert!(read("An image of 1920x1080 pixels", "en").is_empty());
        assert_eq!(read("1920×1080", "en"), vec![1920.0, 1080.0]);
        assert_eq!(read("4 x 4 is 16", "en"), vec![4.0, 4.0, 16.0]);
    }

    #[test]
    fn digits_glued_to_letters_are_names() {
        assert!(values("the A380 and COVID19", "en").is_empty());
    }
}
