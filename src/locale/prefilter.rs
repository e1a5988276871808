//! A cheap test of whether any of several case-insensitive patterns may match a text, built
//! from the literals their matches must start with. The false friends' source patterns are
//! asked of every source segment and most segments match none: one scan of an ASCII segment
//! for all their beginnings settles most segments, where the set of the patterns themselves
//! scans several times slower.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Class, HirKind};

/// Characters of a beginning kept: a shorter beginning is still one, and the beginnings of
/// the patterns cut so are few and share much (`cool g`, `cooler` for `cool growth`,
/// `cooler growth` and more), which keeps the automaton small and quick to build, while
/// hardly a segment more passes.
const BEGINNING_CHARS: usize = 6;

/// Most spellings one beginning may have once each character's ASCII case variants are
/// spelt out (the Kelvin sign is also `k`): past this, the prefilter passes every text.
const MAX_SPELLINGS: usize = 64;

/// Whether any of a list of patterns (compiled elsewhere case-insensitively, with `regex`'s
/// default syntax) may match a text.
#[derive(Debug)]
pub struct PatternPrefilter {
    /// Every beginning a match of a pattern in an ASCII text may have, matched ignoring ASCII
    /// case; `None` when some pattern has none to give (a match may start anywhere).
    beginnings: Option<AhoCorasick>,
}

impl PatternPrefilter {
    pub fn new<'p>(patterns: impl IntoIterator<Item = &'p str>) -> PatternPrefilter {
        let mut beginnings = Vec::new();
        for pattern in patterns {
            match ascii_beginnings(pattern) {
                Some(spelt) => beginnings.extend(spelt),
                None => return PatternPrefilter { beginnings: None },
            }
        }
        let beginnings = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // A few dozen short literals make a small DFA, several times faster to scan than
            // the default NFA, and every segment is scanned.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&beginnings)
            .ok();
        PatternPrefilter { beginnings }
    }

    /// Whether a pattern may match `text`: false only when none does. A text beyond ASCII
    /// always may (its letters' case variants are not spelt out, `ſ` for `s`).
    pub fn may_match(&self, text: &str) -> bool {
        match &self.beginnings {
            Some(beginnings) => !text.is_ascii() || beginnings.is_match(text),
            None => true,
        }
    }
}

/// The strings, matched ignoring ASCII case, that a match of the case-insensitive `pattern`
/// in an ASCII text starts with: the literal beginnings of the pattern as written (the
/// case-sensitive pattern's), each character also as the ASCII letters case-insensitive
/// matching takes for it. `None` when a match may start anywhere, the spellings are too many
/// or the pattern does not parse (its own compilation reports that).
fn ascii_beginnings(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::parse(pattern).ok()?;
    let seq = Extractor::new().extract(&hir);
    let mut spelt = Vec::new();
    for literal in seq.literals()? {
        let text = whole_chars(literal.as_bytes());
        if text.is_empty() {
            return None;
        }
        let cut = text
            .char_indices()
            .nth(BEGINNING_CHARS)
            .map_or(text.len(), |(at, _)| at);
        spelt.extend(ascii_spellings(&text[..cut])?);
    }
    spelt.sort_unstable();
    spelt.dedup();
    Some(spelt)
}

/// The longest prefix of `bytes` made of whole UTF-8 characters: a literal cut to a length
/// may end inside one, and a shorter beginning is still a beginning.
fn whole_chars(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid up to there"),
    }
}

/// Every spelling of `text` with each character also as its [`ascii_variants`]. `None` past
/// [`MAX_SPELLINGS`].
fn ascii_spellings(text: &str) -> Option<Vec<String>> {
    let mut spellings = vec![String::new()];
    for c in text.chars() {
        let variants = ascii_variants(c);
        if spellings.len() * variants.len() > MAX_SPELLINGS {
            return None;
        }
        spellings = spellings
            .iter()
            .flat_map(|s| {
                variants.iter().map(move |&v| {
                    let mut longer = s.clone();
                    longer.push(v);
                    longer
                })
            })
            .collect();
    }
    Some(spellings)
}

/// `c` and the ASCII characters `regex`'s case-insensitive matching takes for it, less those
/// that differ from it in ASCII case only (the search ignores ASCII case): `k` for the Kelvin
/// sign, nothing for `é`.
fn ascii_variants(c: char) -> Vec<char> {
    let mut variants = vec![c];
    // The ASCII characters an ASCII character matches differ from it in ASCII case only
    // (tested): only the others are worth parsing for, and the beginnings are mostly ASCII.
    if c.is_ascii() {
        return variants;
    }
    let mut escaped = String::from("(?i)");
    escaped.push_str(&regex_syntax::escape(c.encode_utf8(&mut [0; 4])));
    if let Ok(HirKind::Class(Class::Unicode(class))) =
        regex_syntax::parse(&escaped).map(|hir| hir.into_kind())
    {
        let ascii = class.iter().flat_map(|range| range.start()..=range.end());
        variants.extend(ascii.filter(|v| v.is_ascii() && !v.eq_ignore_ascii_case(&c)));
    }
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> bool {
        regex::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .unwrap()
            .is_match(text)
    }

    #[test]
    fn a_text_any_pattern_matches_may_match() {
        let patterns = [
            r"\bshares?\b",
            r"\bpréjudices?\b",
            r"\b(texting|chat) (app|service)s?\b",
            "\\b\u{212A}elvin\\b",
        ];
        let prefilter = PatternPrefilter::new(patterns);
        let texts = [
            "SHARES rose.",
            "ſhares rose.",
            "Sans PRÉJUDICE de rien.",
            "A CHAT APPS war.",
            "Lord kelvin.",
            "The \u{212A}elvin scale.",
            "Nothing here.",
            "",
        ];
        for text in texts {
            let any = patterns.iter().any(|p| matches(p, text));
            assert!(!any || prefilter.may_match(text), "{text:?}");
        }
        assert!(!prefilter.may_match("Nothing here."));
        assert!(!prefilter.may_match("Sharing a word."));
    }

    #[test]
    fn a_pattern_that_may_match_anywhere_passes_every_text() {
        let prefilter = PatternPrefilter::new([r"\bshares?\b", r"\w+ing\b"]);
        assert!(prefilter.may_match("Nothing here."));
    }

    #[test]
    fn characters_are_also_spelt_as_the_ascii_letters_they_match() {
        assert_eq!(ascii_variants('s'), ['s']);
        assert_eq!(ascii_variants('é'), ['é']);
        assert_eq!(ascii_variants('\u{212A}'), ['\u{212A}', 'K', 'k']);
        assert_eq!(ascii_spellings("\u{212A}\u{212A}").unwrap().len(), 9);
        assert!(ascii_spellings(&"\u{212A}".repeat(4)).is_none());
        assert_eq!(whole_chars(&"pré".as_bytes()[..3]), "pr");
    }

    #[test]
    fn an_ascii_character_matches_no_other_ascii_character_than_its_case_variant() {
        for c in (0u8..128).map(char::from) {
            let escaped = format!("(?i){}", regex_syntax::escape(&c.to_string()));
            let hir = regex_syntax::parse(&escaped).unwrap();
            let others: Vec<char> = match hir.into_kind() {
                HirKind::Class(Class::Unicode(class)) => class
                    .iter()
                    .flat_map(|range| range.start()..=range.end())
                    .filter(|v| v.is_ascii() && !v.eq_ignore_ascii_case(&c))
                    .collect(),
                _ => Vec::new(),
            };
            assert!(others.is_empty(), "{c:?}: {others:?}");
        }
    }

    #[test]
    fn beginnings_are_cut_and_each_given_once() {
        let beginnings = ascii_beginnings(r"\bcool(er|ing)? (growth|economy)\b").unwrap();
        assert_eq!(beginnings, ["cool e", "cool g", "cooler", "coolin"]);
    }
}
