//! Small text helpers shared by the checks: word tokens with spans, and folding for
//! comparisons that ignore case and accents.

use crate::model::Span;

/// A word of a text with its byte span in that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub span: Span,
}

/// Words: runs of letters and digits, keeping inner `-`, `.`, `&` (`Coca-Cola`, `U.S`, `AT&T`),
/// split at apostrophes so that `l'AFP` and `AFP's` both give `AFP`.
pub fn words(text: &str) -> Vec<Word<'_>> {
    // The iterator cannot tell how many words it holds, and growing the vector from nothing
    // reallocates it four or five times a segment. A word and the space after it take about
    // six bytes in European prose: a quarter of the length is room enough for nearly every
    // text, and one more growth for the rest.
    let mut words = Vec::with_capacity(text.len() / 4 + 4);
    words.extend(word_iter(text));
    words
}

/// [`words`] one at a time, for a caller that only counts or looks at them in passing: no
/// vector is allocated.
pub fn word_iter(text: &str) -> WordIter<'_> {
    WordIter { text, at: 0 }
}

/// The iterator of [`word_iter`].
pub struct WordIter<'a> {
    text: &'a str,
    /// Byte where the search for the next word starts.
    at: usize,
}

impl<'a> Iterator for WordIter<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        // Called by most checks on every segment: ASCII bytes are classified without decoding,
        // in two tight loops (to the word's first character, then past its last).
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.at;
        let start = loop {
            let Some(&byte) = bytes.get(i) else {
                self.at = i;
                return None;
            };
            if is_ascii_letter_or_digit(byte) {
                break i;
            }
            if byte.is_ascii() {
                i += 1;
                continue;
            }
            let (c, len) = char_at(text, i);
            if is_letter_or_digit(c) {
                break i;
            }
            i += len;
        };
        let mut end = start;
        while let Some(&byte) = bytes.get(end) {
            if is_ascii_letter_or_digit(byte) {
                end += 1;
                continue;
            }
            let (c, len) = char_at(text, end);
            let inner_joiner = matches!(c, '-' | '.' | '&')
                && end + len < bytes.len()
                && is_letter_or_digit(char_at(text, end + len).0);
            if inner_joiner || (!c.is_ascii() && is_letter_or_digit(c)) {
                end += len;
                continue;
            }
            self.at = end + len;
            return Some(Word {
                text: &text[start..end],
                span: Span::new(start, end),
            });
        }
        self.at = end;
        Some(Word {
            text: &text[start..],
            span: Span::new(start, end),
        })
    }
}

/// What each byte is to the word scanners: [`ASCII_LETTER`], [`ASCII_DIGIT`] or neither (0).
/// One load answers what `u8::is_ascii_alphanumeric` answers with range tests, and the
/// scanners ask it of every byte of every segment.
static BYTE_CLASSES: [u8; 256] = byte_classes();
const ASCII_LETTER: u8 = 1;
const ASCII_DIGIT: u8 = 2;

const fn byte_classes() -> [u8; 256] {
    let mut classes = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        classes[byte] = if b.is_ascii_alphabetic() {
            ASCII_LETTER
        } else if b.is_ascii_digit() {
            ASCII_DIGIT
        } else {
            0
        };
        byte += 1;
    }
    classes
}

/// `byte.is_ascii_alphanumeric()`, by [`BYTE_CLASSES`].
#[inline]
pub(crate) fn is_ascii_letter_or_digit(byte: u8) -> bool {
    BYTE_CLASSES[usize::from(byte)] != 0
}

/// `byte.is_ascii_alphabetic()`, by [`BYTE_CLASSES`].
#[inline]
pub(crate) fn is_ascii_letter(byte: u8) -> bool {
    BYTE_CLASSES[usize::from(byte)] == ASCII_LETTER
}

/// `c.is_alphabetic()`, answered without the Unicode tables for the letters of Latin-1 and
/// Latin Extended-A (`é`, `ß`, `œ`, `ł`: U+00C0–U+017F but `×` and `÷`), which European
/// languages write all the time: a table lookup costs about a hundred instructions.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if ('\u{C0}'..='\u{17F}').contains(&c) {
        return c != '×' && c != '÷';
    }
    c.is_alphabetic()
}

/// `c.is_alphanumeric()`, with [`is_letter`]'s shortcut.
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_letter(c) || c.is_numeric()
}

/// The character starting at byte `at` (a char boundary) and its length in bytes.
#[inline]
pub(crate) fn char_at(text: &str, at: usize) -> (char, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        return (char::from(byte), 1);
    }
    let c = text[at..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8())
}

/// The first two bytes of a list's words, as bits of a 2¹⁶-bit set: every word of every
/// segment is looked up in lists of a few hundred words at most, and this turns nearly all
/// away before a hash is made. A word of one byte counts as padded with zero.
#[derive(Debug, Clone, Default)]
pub struct FirstTwoBytes {
    bits: Vec<u64>,
}

impl FirstTwoBytes {
    pub fn insert(&mut self, word: &str) {
        if self.bits.is_empty() {
            self.bits = vec![0; 1 << 10];
        }
        let bit = Self::bit(word);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether some word of the list starts with `word`'s first two bytes (always false for
    /// an empty list).
    pub fn may_hold(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.bits
            .get(bit / 64)
            .is_some_and(|bits| bits & (1 << (bit % 64)) != 0)
    }

    fn bit(word: &str) -> usize {
        match *word.as_bytes() {
            [] => 0,
            [first] => usize::from(first) << 8,
            [first, second, ..] => usize::from(first) << 8 | usize::from(second),
        }
    }
}

/// Lower case without diacritics: `Été` → `ete`, `Zürich` → `zurich`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appended to `out`: lets a caller fold many words into one buffer.
pub fn fold_into(text: &str, out: &mut String) {
    // Fast path: ASCII has no accents to fold.
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    // Folding is char by char (the canonical reordering NFD would do only moves combining
    // marks, which are dropped), so each character is decomposed alone: most of a French
    // text is ASCII and skips the decomposition.
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if let Some(folded) = LatinFold::of(c) {
            folded.push_into(out);
            continue;
        }
        fold_char(c, out);
    }
}

/// `word` with its first letter a capital when `model`'s is (`le` → `Le` to replace `La`).
pub fn match_case(word: &str, model: &str) -> String {
    if !model.starts_with(char::is_uppercase) {
        return word.to_string();
    }
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Folds one non-ASCII character: its canonical decomposition without combining marks, each
/// letter folded.
fn fold_char(c: char, out: &mut String) {
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !unicode_normalization::char::is_combining_mark(d) {
            push_folded_letter(d, out);
        }
    });
}

/// The folded form of a letter of Latin-1 or Latin Extended-A (`é`, `ß`, `œ`: U+00C0–U+017F),
/// when it is at most two ASCII bytes: the accented letters of European text, which would
/// each cost a decomposition table lookup. The table is filled by [`fold_char`] itself, so
/// that it gives exactly what the decomposition gives.
#[derive(Debug, Clone, Copy)]
struct LatinFold {
    bytes: [u8; 2],
    len: u8,
}

/// The first character [`LatinFold`] covers, and how many it covers.
const LATIN_FIRST: u32 = 0xC0;
const LATIN_COUNT: usize = 0x180 - 0xC0;

impl LatinFold {
    fn of(c: char) -> Option<LatinFold> {
        let index = usize::try_from(u32::from(c).checked_sub(LATIN_FIRST)?).ok()?;
        if index >= LATIN_COUNT {
            return None;
        }
        static TABLE: std::sync::OnceLock<[Option<LatinFold>; LATIN_COUNT]> =
            std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            std::array::from_fn(|i| {
                let c = char::from_u32(LATIN_FIRST + i as u32).expect("no surrogate here");
                let mut folded = String::new();
                fold_char(c, &mut folded);
                LatinFold::from_folded(&folded)
            })
        })[index]
    }

    /// `folded` as a table entry, unless it is longer than two bytes or not ASCII (`×`).
    fn from_folded(folded: &str) -> Option<LatinFold> {
        if !folded.is_ascii() || folded.len() > 2 {
            return None;
        }
        let mut bytes = [0; 2];
        bytes[..folded.len()].copy_from_slice(folded.as_bytes());
        Some(LatinFold {
            bytes,
            len: folded.len() as u8,
        })
    }

    fn push_into(self, out: &mut String) {
        for &b in &self.bytes[..usize::from(self.len)] {
            out.push(char::from(b));
        }
    }
}

fn push_folded_letter(c: char, out: &mut String) {
    // Letters that NFD does not decompose but that spelling variants swap freely.
    match c {
        'ß' => out.push_str("ss"),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// A number standing for a short string, to compare and hash words cheaply: strings of up to
/// seven bytes are packed into it exactly (with their length, so no two differ only in
/// trailing zeros); longer ones are hashed, with the top bit set so that they never equal a
/// packed one.
pub fn short_key(text: &str) -> u64 {
    let bytes = text.as_bytes();
    if bytes.len() < 8 {
        let mut packed = [0u8; 8];
        packed[..bytes.len()].copy_from_slice(bytes);
        packed[7] = bytes.len() as u8;
        return u64::from_le_bytes(packed);
    }
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish() | 1 << 63
}

/// Whether the word has a capital letter anywhere.
pub fn has_uppercase(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

/// Whether a word starts with a capital letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Number of words made of letters (the unit MQM scores are normalized by).
pub fn count_words(text: &str) -> usize {
    word_iter(text)
        .filter(|w| w.text.chars().any(is_letter))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_two_bytes_turn_away_words_no_entry_starts_like() {
        let mut starts = FirstTwoBytes::default();
        assert!(!starts.may_hold("mars"), "an empty list holds nothing");
        starts.insert("mars");
        starts.insert("y");
        assert!(starts.may_hold("mardi"));
        assert!(!starts.may_hold("lundi"));
        assert!(starts.may_hold("y"));
        assert!(!starts.may_hold("yeux"));
    }

    #[test]
    fn latin_letters_fold_as_their_decomposition() {
        for c in ('\u{80}'..='\u{24F}').chain(['a', 'Z', '€', 'ǅ']) {
            let mut by_table = String::new();
            match LatinFold::of(c) {
                Some(folded) => folded.push_into(&mut by_table),
                None => fold_char(c, &mut by_table),
            }
            let mut by_decomposition = String::new();
            fold_char(c, &mut by_decomposition);
            assert_eq!(by_table, by_decomposition, "{c:?}");
        }
        assert!(LatinFold::of('é').is_some() && LatinFold::of('\u{180}').is_none());
        assert_eq!(
            fold("Été, Straße, cœur, Łódź, ×"),
            "ete, strasse, coeur, lodz, ×"
        );
    }

    #[test]
    fn the_letter_shortcuts_agree_with_the_unicode_tables() {
        for c in ('\0'..='\u{2FFF}').chain(['\u{1F600}', '\u{10400}', '\u{FF21}']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn match_case_capitalises_as_the_model_does() {
        assert_eq!(match_case("le", "La"), "Le");
        assert_eq!(match_case("éventuellement", "Eventually"), "Éventuellement");
        assert_eq!(match_case("Le", "la"), "Le");
        assert_eq!(match_case("", "A"), "");
    }

    #[test]
    fn the_byte_classes_agree_with_the_ascii_tests() {
        for byte in 0..=u8::MAX {
            assert_eq!(is_ascii_letter(byte), byte.is_ascii_alphabetic(), "{byte}");
            assert_eq!(
                is_ascii_letter_or_digit(byte),
                byte.is_ascii_alphanumeric(),
                "{byte}"
            );
        }
    }

    #[test]
    fn splits_elisions_and_possessives() {
        let w: Vec<&str> = words("l'AFP's U.S. banks, Coca-Cola")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, vec!["l", "AFP", "s", "U.S", "banks", "Coca-Cola"]);
    }

    /// The straightforward definition of [`words`], to check the fast one against.
    fn reference_words(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let inner_joiner = matches!(c, '-' | '.' | '&')
                && start.is_some()
                && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
            if c.is_alphanumeric() || inner_joiner {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push(Word {
                    text: &text[s..i],
                    span: Span::new(s, i),
                });
            }
        }
        if let Some(s) = start {
            out.push(Word {
                text: &text[s..],
                span: Span::new(s, text.len()),
            });
        }
        out
    }

    #[test]
    fn fast_words_are_the_reference_words() {
        let texts = [
            "",
            "-",
            "a-",
            "-a",
            "l'AFP's U.S. banks, Coca-Cola AT&T",
            "Été à Zürich—déjà vu… 3,5 % ½ x² Ⅻ",
            "end.é a.1 b-ß c&日本 日本語のテキスト",
            "tab\there\nnew line  «guillemets»",
            "emoji 👍🏽 a‑b (non-breaking hyphen) e\u{301}t\u{301}e\u{301}",
        ];
        for text in texts {
            assert_eq!(words(text), reference_words(text), "{text:?}");
        }
    }

    #[test]
    fn short_keys_tell_strings_apart() {
        let keys: Vec<u64> = [
            "", "a", "a\0", "ab", "abcdefg", "abcdefgh", "abcdefgi", "été",
        ]
        .iter()
        .map(|s| short_key(s))
        .collect();
        let distinct: std::collections::HashSet<&u64> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len());
        assert_eq!(short_key("banque"), short_key(&String::from("banque")));
    }

    #[test]
    fn folding_char_by_char_equals_folding_the_decomposed_text() {
        use unicode_normalization::UnicodeNormalization;
        let reference = |text: &str| -> String {
            let mut out = String::new();
            for c in text
                .nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            {
                push_folded_letter(c, &mut out);
            }
            out
        };
        for text in [
            "Été À Zürich",
            "e\u{0301}\u{0327}a\u{0323}\u{0302} ÉCOLE",
            "한국어 Ǆemal ΣΊΣΥΦΟΣ Œuvre Łódź ﬁn",
            "Ångström ḱ ṩ ǖ ǘ İstanbul",
        ] {
            assert_eq!(fold(text), reference(text), "{text}");
        }
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Été À Zürich"), "ete a zurich");
        assert_eq!(fold("Straße Œuvre"), "strasse oeuvre");
    }
}
