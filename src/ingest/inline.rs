//! Inline tags (`<g>`, `<x/>`, `<bpt>`, `<ph>`, `<pc>`…) become placeholder characters in a
//! unit's text, one character per tag, from a private-use range no real text uses. Other
//! checks read them as neither words nor numbers; the placeholder check compares them between
//! source and target. A tag's number is shared by both sides of a unit: tags with the same
//! identity (element kind and id) get the same number, numbered in order of first appearance.

use super::{Unit, UnitText};
use crate::normalize::Position;

/// What a tag does in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    /// Opens a span (`<g>`, `<bpt>`, `<bx/>`, `<pc>`, `<sc/>`).
    Open,
    /// Closes the span of the open tag with the same number.
    Close,
    /// Stands alone (`<x/>`, `<ph>`, `<it>`).
    Standalone,
}

const BASE: u32 = 0xF0000;
/// Tags of one kind a unit can number; later ones share the last number.
const PER_KIND: u32 = 0x1000;
const KINDS: [TagKind; 3] = [TagKind::Open, TagKind::Close, TagKind::Standalone];
/// Written where a tag is until the unit is complete and its tags can be numbered; every
/// placeholder is 4 bytes in UTF-8, so numbering rewrites it in place.
const PENDING: char = '\u{F0000}';

/// A tag recorded while a side of a unit is read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PendingTag {
    byte: usize,
    kind: TagKind,
    identity: String,
}

/// The placeholder character of tag `number` (1-based) of a kind.
pub fn placeholder(kind: TagKind, number: u32) -> char {
    let index = KINDS.iter().position(|k| *k == kind).unwrap_or(0) as u32;
    let code = BASE + index * PER_KIND + number.clamp(1, PER_KIND - 1);
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The first byte of every placeholder character in UTF-8: they are all in plane 15
/// (U+F0000–U+FFFFF), which UTF-8 writes in four bytes starting with 0xF3.
const LEAD_BYTE: u8 = 0xF3;

/// Whether `text` may hold a placeholder character: one search for their first byte, which
/// spares decoding every character of the many texts that hold none.
pub fn may_hold_placeholders(text: &str) -> bool {
    memchr::memchr(LEAD_BYTE, text.as_bytes()).is_some()
}

/// The tag a placeholder character stands for.
pub fn decode(c: char) -> Option<(TagKind, u32)> {
    let code = (c as u32).checked_sub(BASE)?;
    let kind = *KINDS.get((code / PER_KIND) as usize)?;
    Some((kind, code % PER_KIND))
}

/// How a placeholder reads in messages: `<1>`, `</1>`, `<1/>`.
pub fn display(kind: TagKind, number: u32) -> String {
    match kind {
        TagKind::Open => format!("<{number}>"),
        TagKind::Close => format!("</{number}>"),
        TagKind::Standalone => format!("<{number}/>"),
    }
}

/// The text with its placeholders spelt out (`<1>`, `</1>`, `<2/>`), for people to read.
pub fn readable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| decode(c).is_some()) {
        return text.into();
    }
    text.chars()
        .map(|c| match decode(c) {
            Some((kind, number)) => display(kind, number),
            None => c.to_string(),
        })
        .collect::<String>()
        .into()
}

/// Characters that would pass for placeholders are replaced in the text of a file.
pub(crate) fn is_reserved(c: char) -> bool {
    decode(c).is_some() || c == PENDING
}

impl UnitText {
    /// Appends a tag at `position`; `identity` pairs it with the same tag on the other side
    /// (and an open tag with its close tag).
    pub fn push_tag(&mut self, kind: TagKind, identity: String, position: Position) {
        self.tags.push(PendingTag {
            byte: self.text.len(),
            kind,
            identity,
        });
        self.push_char(PENDING, position);
    }
}

/// Numbers the tags of both sides of a unit, source first.
pub(crate) fn number_tags(mut unit: Unit) -> Unit {
    let mut identities: Vec<String> = Vec::new();
    for side in [&mut unit.source, &mut unit.target] {
        for tag in std::mem::take(&mut side.tags) {
            let number = match identities.iter().position(|i| *i == tag.identity) {
                Some(i) => i + 1,
                None => {
                    identities.push(tag.identity);
                    identities.len()
                }
            };
            let c = placeholder(tag.kind, number as u32);
            let mut encoded = [0u8; 4];
            c.encode_utf8(&mut encoded);
            // Both characters are 4 bytes long, so the rewrite moves no other offset.
            let range = tag.byte..tag.byte + 4;
            if side.text.get(range.clone()) == Some(PENDING.encode_utf8(&mut [0u8; 4])) {
                side.text.replace_range(range, c.encode_utf8(&mut encoded));
            }
        }
    }
    unit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_round_trip() {
        for kind in KINDS {
            let c = placeholder(kind, 7);
            assert_eq!(decode(c), Some((kind, 7)));
            assert_eq!(c.len_utf8(), 4);
        }
        assert_eq!(decode('a'), None);
        assert_eq!(display(TagKind::Close, 2), "</2>");
    }

    #[test]
    fn every_placeholder_starts_with_the_lead_byte() {
        let last = BASE + KINDS.len() as u32 * PER_KIND;
        for c in (BASE..last).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            assert_eq!(c.encode_utf8(&mut utf8).as_bytes()[0], LEAD_BYTE, "{c:?}");
            assert!(may_hold_placeholders(&format!("a {c} b")));
        }
        assert!(!may_hold_placeholders("Été à Zürich 👍🏽"));
    }

    #[test]
    fn both_sides_share_numbers() {
        let at = Position { line: 1, column: 1 };
        let mut source = UnitText::at(at);
        source.push_tag(TagKind::Open, "g1".into(), at);
        source.push_str("a", at);
        source.push_tag(TagKind::Close, "g1".into(), at);
        source.push_tag(TagKind::Standalone, "x2".into(), at);
        let mut target = UnitText::at(at);
        target.push_tag(TagKind::Standalone, "x2".into(), at);
        target.push_str("b", at);
        let unit = number_tags(Unit {
            id: "1".into(),
            source,
            target,
            fuzzy: false,
        });
        let decoded = |t: &str| t.chars().filter_map(decode).collect::<Vec<_>>();
        assert_eq!(
            decoded(&unit.source.text),
            [
                (TagKind::Open, 1),
                (TagKind::Close, 1),
                (TagKind::Standalone, 2)
            ]
        );
        assert_eq!(decoded(&unit.target.text), [(TagKind::Standalone, 2)]);
    }
}
