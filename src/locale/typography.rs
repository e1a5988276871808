//! Typography conventions of a language, per variant (`fr` default, `strict`, `CA`), from
//! `data/<lang>/typography.toml`.

use crate::model::Severity;
use serde::Deserialize;
use std::collections::HashMap;

/// What may stand between a word and a punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Spacing {
    /// U+00A0 or U+202F.
    NoBreak,
    /// U+00A0 only.
    Nbsp,
    /// U+202F only.
    Narrow,
    /// No space at all.
    None,
}

impl Spacing {
    /// Whether `space` (the characters between word and mark) satisfies the convention.
    pub fn accepts(self, space: &str) -> bool {
        match self {
            Spacing::NoBreak => space == "\u{00A0}" || space == "\u{202F}",
            Spacing::Nbsp => space == "\u{00A0}",
            Spacing::Narrow => space == "\u{202F}",
            Spacing::None => space.is_empty(),
        }
    }

    /// The character to suggest, if any.
    pub fn suggested(self) -> &'static str {
        match self {
            Spacing::NoBreak | Spacing::Nbsp => "\u{00A0}",
            Spacing::Narrow => "\u{202F}",
            Spacing::None => "",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Spacing::NoBreak => "a no-break space",
            Spacing::Nbsp => "a no-break space (U+00A0)",
            Spacing::Narrow => "a narrow no-break space (U+202F)",
            Spacing::None => "no space",
        }
    }
}

/// The spacing rules of one variant.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypographyVariant {
    /// Severity of a plain space where a no-break one is required.
    pub plain_space: Severity,
    /// Spacing required between the preceding word and these marks.
    pub before: rustc_hash::FxHashMap<char, Spacing>,
    /// Spacing required between these marks and the following word.
    pub after: rustc_hash::FxHashMap<char, Spacing>,
    /// [`TypographyVariant::marks`], made on first use.
    #[serde(skip)]
    marks: std::sync::OnceLock<MarkSet>,
}

/// A few marks, found in a text without decoding it: the first bytes of their UTF-8 forms in a
/// table, the marks themselves in a short list.
#[derive(Debug, Clone)]
pub struct MarkSet {
    first_bytes: [bool; 256],
    marks: Vec<char>,
}

impl Default for MarkSet {
    fn default() -> Self {
        MarkSet {
            first_bytes: [false; 256],
            marks: Vec::new(),
        }
    }
}

impl MarkSet {
    pub fn insert(&mut self, mark: char) {
        let mut utf8 = [0; 4];
        self.first_bytes[usize::from(mark.encode_utf8(&mut utf8).as_bytes()[0])] = true;
        if !self.marks.contains(&mark) {
            self.marks.push(mark);
        }
    }

    pub fn contains(&self, c: char) -> bool {
        self.marks.contains(&c)
    }

    /// Whether `text` holds one of the marks.
    pub fn any_in(&self, text: &str) -> bool {
        let mut at = 0;
        while let Some(candidate) = self.next_candidate(text, at) {
            let c = text[candidate..]
                .chars()
                .next()
                .expect("a candidate starts a character");
            if self.contains(c) {
                return true;
            }
            at = candidate + c.len_utf8();
        }
        false
    }

    /// The first byte from `at` on of `text` that may start one of the marks (a character
    /// boundary, since no UTF-8 form starts with a continuation byte).
    pub fn next_candidate(&self, text: &str, at: usize) -> Option<usize> {
        let bytes = text.as_bytes().get(at..)?;
        let offset = bytes
            .iter()
            .position(|&b| self.first_bytes[usize::from(b)])?;
        Some(at + offset)
    }
}

impl TypographyVariant {
    /// The marks this variant spaces before or after, and `:` (a space that splits a time
    /// before its colon is reported in any language).
    pub fn marks(&self) -> &MarkSet {
        self.marks.get_or_init(|| {
            let mut marks = MarkSet::default();
            marks.insert(':');
            for &mark in self.before.keys().chain(self.after.keys()) {
                marks.insert(mark);
            }
            marks
        })
    }
}

/// A language's typography file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Typography {
    /// Quotation marks the language uses.
    pub quotes: Vec<char>,
    /// Which quotation marks open and close together, by kind of quotes (see [`QuoteKind`]).
    pub quote_pairs: Vec<QuoteKind>,
    /// Whether straight double quotes are acceptable.
    pub straight_quotes_ok: bool,
    /// Present when the language also quotes with single marks (`'`, `‘ ’`) that double as
    /// its apostrophe (English `He said: 'Not yet.'`): a single mark that is no apostrophe
    /// may open or close a quotation.
    #[serde(default)]
    pub single_quotes_quote: Option<SingleQuotes>,
    pub variant: HashMap<String, TypographyVariant>,
    /// [`Typography::quotation_marks`], made on first use.
    #[serde(skip)]
    quotation_marks: std::sync::OnceLock<MarkSet>,
}

/// What tells an apostrophe from a single quotation mark, besides standing between two
/// letters (`don't`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SingleQuotes {
    /// Words an apostrophe starts after a space, in tokenized text (`John 's`, `we 're`).
    pub apostrophe_words: Vec<String>,
    /// Endings of the words after which an apostrophe before a lower-case word marks a plural
    /// possessive (`members' votes`).
    pub possessive_endings: Vec<String>,
}

/// One kind of quotation marks: its opening and closing mark, or several ways of writing it
/// when usage varies (German „…“ or “…”, »…« or Swiss «…»). Written in the data as the two
/// marks, ways separated by `|`: `"„“|“”"`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "String")]
pub struct QuoteKind {
    /// (opening, closing) marks, the usual way first.
    pub ways: Vec<(char, char)>,
}

impl TryFrom<String> for QuoteKind {
    type Error = String;

    fn try_from(entry: String) -> Result<Self, String> {
        let ways = entry
            .split('|')
            .map(|way| match way.chars().collect::<Vec<_>>()[..] {
                [open, close] => Ok((open, close)),
                _ => Err(format!(
                    "quote pair `{way}` is not an opening and a closing mark"
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(QuoteKind { ways })
    }
}

impl QuoteKind {
    /// Whether `mark` belongs to this kind.
    pub fn holds(&self, mark: char) -> bool {
        self.ways.iter().any(|&(o, c)| o == mark || c == mark)
    }
}

impl Typography {
    /// Every mark of [`Typography::quote_pairs`], and the straight double quote.
    pub fn quotation_marks(&self) -> &MarkSet {
        self.quotation_marks.get_or_init(|| {
            let mut marks = MarkSet::default();
            marks.insert('"');
            for &(open, close) in self.quote_pairs.iter().flat_map(|kind| &kind.ways) {
                marks.insert(open);
                marks.insert(close);
            }
            marks
        })
    }

    /// The rules of a variant (`strict`, `CA`), or the default ones.
    pub fn variant(&self, name: Option<&str>) -> &TypographyVariant {
        name.and_then(|n| self.variant.get(n))
            .or_else(|| self.variant.get("default"))
            .expect("every typography file has a default variant (tested)")
    }

    /// Variant names, for error messages.
    pub fn variant_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.variant.keys().map(String::as_str).collect();
        names.sort_unstable();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_set_finds_its_marks_and_only_them() {
        let mut marks = MarkSet::default();
        for mark in ['"', '«', '»', '€', ':'] {
            marks.insert(mark);
        }
        // `é`, `’` and the no-break space share a first byte with marks; none is one.
        let text = "Été\u{a0}’x « 3 € » : \"";
        let found: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| marks.contains(c))
            .collect();
        let mut by_candidates = Vec::new();
        let mut at = 0;
        while let Some(candidate) = marks.next_candidate(text, at) {
            let c = text[candidate..].chars().next().unwrap();
            if marks.contains(c) {
                by_candidates.push((candidate, c));
            }
            at = candidate + c.len_utf8();
        }
        assert_eq!(by_candidates, found);
        assert!(marks.any_in(text));
        assert!(!marks.any_in("Été\u{a0}’x\u{202f}ok"));
        assert!(!marks.any_in(""));
    }
}
