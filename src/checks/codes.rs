//! Codes: words that start with letters and go on with digits (`A380`, `G-7`, `F-16`, `H1N1`,
//! `A5-0123`), the model numbers, summits and procedure numbers a translation carries over
//! unchanged. The number reading leaves digits glued to letters alone (`A380` is a name, not
//! 380 of something), so codes are compared whole here: the same code written with or
//! without its hyphen is the same (`G-7` ↔ `G7`), and one whose digits changed
//! (`A380` → `A390`) is a number error the entity checks would only note as a missing word.
//! Digits with dots that are no number, versions, sections and addresses (`2.4.1`,
//! `192.168.1.1`), are codes too, and so are digits with a dot after a version word (`version
//! 10.15`).

use crate::locale::Language;
use crate::locale::number::{is_dotted_identifier, is_version_number};
use crate::model::Span;
use crate::textutil::Word;

/// A code of a text: where it is and what it is compared by.
#[derive(Debug, Clone, PartialEq)]
pub struct Code<'a> {
    pub word: Word<'a>,
    /// Upper case, hyphens and dots left out: `G-7` and `g7` are `G7`.
    key: String,
}

impl Code<'_> {
    /// Its family: codes that differ only in their digits (`A380`, `A390`).
    fn family(&self) -> String {
        family(&self.key)
    }
}

/// `key` with each run of digits as `#`.
fn family(key: &str) -> String {
    let mut family = String::with_capacity(key.len());
    for c in key.chars() {
        if !(c.is_ascii_digit() && family.ends_with('#')) {
            family.push(if c.is_ascii_digit() { '#' } else { c });
        }
    }
    family
}

/// The key a code is compared by, if `word` is one: ASCII letters, then a digit, and so on —
/// or capitals, a hyphen and a digit (`G-7`; `mid-1990s` and `top-10` are words) — or two
/// numbers glued by an `x` (`4x4`, `1920x1080`), or digits with dots that are no number
/// (`2.4.1`, [`is_dotted_identifier`]).
fn code_key(word: &str) -> Option<String> {
    // Dots kept: `2.4.1` is not `24.1`.
    if is_dotted_identifier(word) {
        return Some(word.to_string());
    }
    if let Some((a, b)) = word.split_once(['x', 'X'])
        && [a, b]
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(format!("{a}X{b}"));
    }
    let letters = word.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = match word[letters..].strip_prefix('-') {
        Some(rest) if word[..letters].bytes().all(|b| b.is_ascii_uppercase()) => rest,
        Some(_) => return None,
        None => &word[letters..],
    };
    if letters == 0 || !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(
        word.chars()
            .filter(|c| !matches!(c, '-' | '.'))
            .flat_map(char::to_uppercase)
            .collect(),
    )
}

/// The codes among `words` (of [`crate::textutil::words`] on `text`), in order. A decimal
/// comma goes on with the code (`PM2,5` is `PM2.5`): words end at commas.
pub fn codes<'a>(text: &'a str, words: &[Word<'a>], lang: &Language) -> Vec<Code<'a>> {
    words
        .iter()
        .filter(|word| word.text.bytes().any(|b| b.is_ascii_digit()))
        .filter_map(|&word| {
            let version = is_version_number(text, word.span.start, word.text, lang)
                && word.text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            let mut key = if version {
                word.text.to_string()
            } else {
                code_key(word.text)?
            };
            let decimals = text[word.span.end..]
                .strip_prefix(',')
                .map(|rest| rest.bytes().take_while(u8::is_ascii_digit).count())
                .filter(|&n| n > 0 && key.ends_with(|c: char| c.is_ascii_digit()));
            let word = match decimals {
                Some(n) => {
                    let end = word.span.end + 1 + n;
                    key.push_str(&text[word.span.end + 1..end]);
                    Word {
                        text: &text[word.span.start..end],
                        span: Span::new(word.span.start, end),
                    }
                }
                None => word,
            };
            Some(Code { key, word })
        })
        .collect()
}

/// Whether the digits at `span` of `text` end a hyphenated code (`G-7`) of a family that
/// `codes` (of the other side) holds, with or without its hyphen (`G7`, `G-8`): the other
/// side has a code there, not a number, and the codes are compared by [`changed_codes`].
pub fn ends_code_in(text: &str, span: Span, codes: &[Code]) -> bool {
    let Some(before) = text[..span.start].strip_suffix('-') else {
        return false;
    };
    let letters = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let start = before.len() - letters;
    let glued_before = before[..start].ends_with(|c: char| c.is_alphanumeric());
    if letters == 0 || glued_before {
        return false;
    }
    code_key(&text[start..span.end]).is_some_and(|key| {
        let family = family(&key);
        codes.iter().any(|c| c.family() == family)
    })
}

/// Codes of the source that the target does not carry, each with the target code of the
/// same family (`A380` → `A390`) that stands in its place, in order.
pub fn changed_codes<'s, 't>(
    source: &[Code<'s>],
    target: &[Code<'t>],
) -> Vec<(Word<'s>, Word<'t>)> {
    let mut target_left: Vec<&Code> = target.iter().collect();
    let mut source_left = Vec::new();
    for code in source {
        match target_left.iter().position(|t| t.key == code.key) {
            Some(k) => {
                target_left.remove(k);
            }
            None => source_left.push(code),
        }
    }
    let mut changed = Vec::new();
    for code in source_left {
        let family = code.family();
        if let Some(k) = target_left.iter().position(|t| t.family() == family) {
            changed.push((code.word, target_left.remove(k).word));
        }
    }
    changed
}

/// Codes of digits with dots (`version 10.15`, `2.4.1`) of the source with no code of their
/// family in the target: dropped, since such digits are read as no number.
pub fn dropped_dotted_codes<'s>(source: &[Code<'s>], target: &[Code]) -> Vec<Word<'s>> {
    source
        .iter()
        .filter(|c| c.key.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .filter(|c| !target.iter().any(|t| t.family() == c.family()))
        .map(|c| c.word)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textutil::words;

    fn codes_of(text: &str) -> Vec<Code<'_>> {
        codes(text, &words(text), Language::get("en").unwrap())
    }

    fn keys(text: &str) -> Vec<String> {
        codes_of(text).into_iter().map(|c| c.key).collect()
    }

    #[test]
    fn codes_start_with_letters_and_go_on_with_digits() {
        assert_eq!(
            keys("The A380, the G-7, l'F-16, H1N1 and A5-0123/2001 in the 1960s."),
            ["A380", "G7", "F16", "H1N1", "A50123"]
        );
        assert!(keys("mid-1990s, top-10, 21st, Covid").is_empty());
        assert_eq!(keys("un 4x4, 1920x1080"), ["4X4", "1920X1080"]);
        // A decimal comma goes on with the code, a comma and a space do not.
        assert_eq!(keys("PM2,5 et PM10, 5 fois"), ["PM25", "PM10"]);
    }

    #[test]
    fn a_code_whose_digits_changed_is_paired_with_its_family() {
        let changed = |s: &str, t: &str| -> Vec<(String, String)> {
            changed_codes(&codes_of(s), &codes_of(t))
                .into_iter()
                .map(|(a, b)| (a.text.to_string(), b.text.to_string()))
                .collect()
        };
        assert_eq!(
            changed("The A380 flew.", "L'A390 a volé."),
            [("A380".into(), "A390".into())]
        );
        assert!(changed("The G-7 met.", "Le G7 s'est réuni.").is_empty());
        assert!(changed("The G7 and the A380.", "L'A380 et le G7.").is_empty());
        // Another family, or none in the target: nothing to compare with.
        assert!(changed("The A380 flew.", "Le B747 a volé.").is_empty());
        assert!(changed("The A380 flew.", "L'avion a volé.").is_empty());
    }

    #[test]
    fn digits_after_a_hyphen_end_a_code_of_a_family_the_other_side_has() {
        let glued = codes_of("The G7 met.");
        let text = "Le G-7 s'est réuni, 7 fois.";
        let seven = text.find('7').unwrap();
        assert!(ends_code_in(text, Span::new(seven, seven + 1), &glued));
        let later = text.rfind('7').unwrap();
        assert!(!ends_code_in(text, Span::new(later, later + 1), &glued));
        assert!(ends_code_in(
            text,
            Span::new(seven, seven + 1),
            &codes_of("The G8 met.")
        ));
        assert!(!ends_code_in(
            text,
            Span::new(seven, seven + 1),
            &codes_of("The EU15 met.")
        ));
    }
}
