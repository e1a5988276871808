//! Ingest: read a file as UTF-8 text, tolerating a byte-order mark, and reject anything else
//! with an error that names the file and the byte offset. Bilingual files (TSV/CSV, TMX,
//! XLIFF 1.2 and 2.x, gettext PO, JSON Lines) are read as a stream of [`Unit`]s, each with its
//! id and the line and column in the file where its source and target text start.

pub(crate) mod csv;
pub mod inline;
mod jsonl;
mod lines;
mod po;
mod position;
mod tmx;
mod utf16;
mod xliff;
pub(crate) mod xml;

pub use position::{Anchor, locate};

use crate::normalize::Position;
use std::io::BufRead;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    /// A malformed bilingual file: where and why.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: cannot tell the format of this file; name it with --input-format \
         (tsv, csv, tmx, xliff, po, jsonl)"
    )]
    UnknownFormat { path: PathBuf },
}

pub(crate) const UTF8_BOM: &str = "\u{FEFF}";

/// Reads `path` as UTF-8 and returns its text without a leading byte-order mark.
pub fn read_text(path: &Path) -> Result<String, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(path, bytes)
}

/// Decodes bytes already in memory, UTF-8 or UTF-16 with a byte-order mark (Windows tools'
/// "Unicode" text); `path` only names them in errors.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, IngestError> {
    if let Some(big_endian) = utf16::detect(&bytes) {
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut utf16::Utf16Reader::new(&bytes[2..], big_endian),
            &mut text,
        )
        .map_err(|source| io_error(path, source))?;
        return Ok(text);
    }
    let text = String::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(match text.strip_prefix(UTF8_BOM) {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Formats of bilingual files that `transcheck check FILE` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// `source<TAB>target` or `id<TAB>source<TAB>target`, optional header.
    Tsv,
    /// Comma-separated like TSV, with RFC 4180 quoting.
    Csv,
    /// TMX 1.4b translation memory.
    Tmx,
    /// XLIFF 1.2 or 2.x.
    Xliff,
    /// gettext PO.
    Po,
    /// JSON Lines: `{"id": …, "source": …, "target": …}` per line.
    Jsonl,
}

impl InputFormat {
    /// The format a file's extension names, if any.
    pub fn from_extension(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "tsv" | "tab" => InputFormat::Tsv,
            "csv" => InputFormat::Csv,
            "tmx" => InputFormat::Tmx,
            "xlf" | "xliff" | "sdlxliff" | "mxliff" | "mqxliff" => InputFormat::Xliff,
            "po" | "pot" => InputFormat::Po,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            _ => return None,
        })
    }

    /// The format the first bytes of a file suggest, if any.
    pub fn from_content(head: &[u8]) -> Option<InputFormat> {
        let head = String::from_utf8_lossy(head);
        let text = head.trim_start_matches(UTF8_BOM).trim_start();
        if text.starts_with('<') {
            return if text.contains("<tmx") {
                Some(InputFormat::Tmx)
            } else if text.contains("<xliff") {
                Some(InputFormat::Xliff)
            } else {
                None
            };
        }
        if text.starts_with('{') {
            return Some(InputFormat::Jsonl);
        }
        if text
            .lines()
            .any(|l| l.starts_with("msgid ") || l.starts_with("msgctxt "))
        {
            return Some(InputFormat::Po);
        }
        text.lines()
            .next()
            .filter(|l| l.contains('\t'))
            .map(|_| InputFormat::Tsv)
    }

    /// Detects a file's format from its extension, then from its first bytes.
    pub fn detect(path: &Path) -> Result<InputFormat, IngestError> {
        if let Some(format) = InputFormat::from_extension(path) {
            return Ok(format);
        }
        let mut head = Vec::with_capacity(4096);
        let file = std::fs::File::open(path).map_err(|source| io_error(path, source))?;
        std::io::Read::read_to_end(&mut std::io::Read::take(file, 4096), &mut head)
            .map_err(|source| io_error(path, source))?;
        if let Some(big_endian) = utf16::detect(&head) {
            let reader = utf16::Utf16Reader::new(&head[2..head.len() & !1], big_endian);
            let mut text = Vec::new();
            // The head may end inside a character: what decodes is enough to tell.
            let _ = std::io::Read::read_to_end(&mut std::io::Read::take(reader, 4096), &mut text);
            head = text;
        }
        InputFormat::from_content(&head).ok_or_else(|| IngestError::UnknownFormat {
            path: path.to_path_buf(),
        })
    }
}

fn io_error(path: &Path, source: std::io::Error) -> IngestError {
    IngestError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One side of a unit: its text, with inline tags replaced by placeholder characters (see
/// [`inline`]), and anchors that map character indices of the text back to the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitText {
    pub text: String,
    /// Sorted by `at`; the first anchor is at character 0.
    pub anchors: Vec<Anchor>,
    chars: usize,
    pub(crate) tags: Vec<inline::PendingTag>,
}

impl UnitText {
    /// Empty text that starts at `position` in the file.
    pub fn at(position: Position) -> Self {
        UnitText {
            anchors: vec![Anchor { at: 0, position }],
            ..Default::default()
        }
    }

    /// Appends text that the file holds verbatim at `position`.
    pub fn push_str(&mut self, text: &str, position: Position) {
        self.anchor(position);
        let mut line = position.line;
        for c in text.chars() {
            let c = if inline::is_reserved(c) {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            };
            self.text.push(c);
            self.chars += 1;
            if c == '\n' {
                line += 1;
                self.anchor(Position { line, column: 1 });
            }
        }
    }

    /// Appends one character that the file spells at `position` (an escape, an entity).
    pub fn push_char(&mut self, c: char, position: Position) {
        self.anchor(position);
        self.text.push(c);
        self.chars += 1;
    }

    fn anchor(&mut self, position: Position) {
        let at = self.chars;
        // An anchor that the previous one already implies is not stored.
        if self.position(at) == Some(position) {
            return;
        }
        match self.anchors.last_mut() {
            Some(last) if last.at == at => last.position = position,
            _ => self.anchors.push(Anchor { at, position }),
        }
    }

    /// Where the character at index `at` of the text is in the file.
    pub fn position(&self, at: usize) -> Option<Position> {
        position::locate(&self.anchors, at)
    }

    /// Whether the text has anything but white space and tags.
    pub fn is_blank(&self) -> bool {
        self.text
            .chars()
            .all(|c| c.is_whitespace() || inline::decode(c).is_some())
    }
}

/// One translation unit (or one segment of a segmented unit) of a bilingual file.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The id the file gives the unit (TMX `tuid`, XLIFF `id`, PO reference…), or its
    /// 1-based ordinal when it has none.
    pub id: String,
    pub source: UnitText,
    pub target: UnitText,
    /// Marked as needing review (PO `fuzzy`, XLIFF `needs-*`/`initial` states).
    pub fuzzy: bool,
}

/// The languages a bilingual file declares, and the ones the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    pub source: Option<String>,
    pub target: Option<String>,
}

/// The primary language subtag of a tag such as `en-US` or `pt_BR`, lower-cased.
pub fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// A stream of units read from a bilingual file; after an error it ends.
pub struct UnitReader {
    /// Languages: those asked for, else those the file declares (known once the header has
    /// been read, which `open_units` does).
    pub languages: Languages,
    units: Box<dyn Iterator<Item = Result<Unit, IngestError>>>,
    failed: bool,
}

impl Iterator for UnitReader {
    type Item = Result<Unit, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let next = self.units.next();
        self.failed = matches!(next, Some(Err(_)));
        next.map(|r| r.map(inline::number_tags))
    }
}

/// Opens a bilingual file and reads its header; units are read as the reader is iterated, so
/// memory does not grow with the file.
pub fn open_units(
    path: &Path,
    format: InputFormat,
    wanted: &Languages,
) -> Result<UnitReader, IngestError> {
    open_reader(path, open_as_utf8(path)?, format, wanted)
}

/// Opens a file for reading as UTF-8: UTF-16 with a byte-order mark is decoded as it is read.
pub fn open_as_utf8(path: &Path) -> Result<Box<dyn BufRead + Send>, IngestError> {
    let file = std::fs::File::open(path).map_err(|source| io_error(path, source))?;
    let mut input = std::io::BufReader::with_capacity(64 * 1024, file);
    let head = input.fill_buf().map_err(|source| io_error(path, source))?;
    Ok(match utf16::detect(head) {
        Some(big_endian) => {
            input.consume(2);
            let decoded = utf16::Utf16Reader::new(input, big_endian);
            Box::new(std::io::BufReader::with_capacity(64 * 1024, decoded))
        }
        None => Box::new(input),
    })
}

/// Like [`open_units`], for input already opened; `path` only names it in errors.
pub fn open_reader(
    path: &Path,
    input: Box<dyn BufRead>,
    format: InputFormat,
    wanted: &Languages,
) -> Result<UnitReader, IngestError> {
    let path = path.to_path_buf();
    let (languages, units): (Languages, Box<dyn Iterator<Item = _>>) = match format {
        InputFormat::Tsv => (
            Languages::default(),
            Box::new(csv::units(path, input, b'\t')),
        ),
        InputFormat::Csv => (
            Languages::default(),
            Box::new(csv::units(path, input, b',')),
        ),
        InputFormat::Jsonl => (Languages::default(), Box::new(jsonl::units(path, input))),
        InputFormat::Po => {
            let reader = po::PoUnits::new(path, input)?;
            (reader.languages(), Box::new(reader))
        }
        InputFormat::Tmx => {
            let reader = tmx::TmxUnits::new(path, input, wanted)?;
            (reader.languages(), Box::new(reader))
        }
        InputFormat::Xliff => {
            let reader = xliff::XliffUnits::new(path, input)?;
            (reader.languages(), Box::new(reader))
        }
    };
    Ok(UnitReader {
        languages: Languages {
            source: wanted.source.clone().or(languages.source),
            target: wanted.target.clone().or(languages.target),
        },
        units,
        failed: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom() {
        let text = decode(Path::new("x"), b"\xEF\xBB\xBFhello".to_vec()).unwrap();
        assert_eq!(text, "hello");
    }

    #[test]
    fn decodes_utf16_with_a_byte_order_mark() {
        let text = "\u{FEFF}Les actions ont augmenté.\n";
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [little, big] {
            let decoded = decode(Path::new("x"), bytes).unwrap();
            assert_eq!(decoded, "Les actions ont augmenté.\n");
        }
        let unpaired = decode(Path::new("bad.txt"), vec![0xFF, 0xFE, 0x00, 0xD8]).unwrap_err();
        assert!(
            unpaired.to_string().starts_with("bad.txt: cannot read: "),
            "{unpaired}"
        );
    }

    #[test]
    fn reports_offset_of_invalid_byte() {
        let err = decode(Path::new("bad.txt"), b"abc\xFFdef".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "bad.txt: invalid UTF-8 at byte offset 3");
    }
}
