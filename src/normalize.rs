//! Normalize: NFC-compose the text and drop the `\r` of CRLF line ends, keeping a map from
//! every normalized byte offset back to the original line and column, so that findings point
//! at the file the user has.

use crate::model::Span;
use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Where a normalized run starts, and where the same run starts in the original text.
#[derive(Debug, Clone, Copy)]
struct Breakpoint {
    normalized: usize,
    original: usize,
    /// Whether normalization changed this run, so that offsets inside it do not map 1:1.
    rewritten: bool,
}

/// A position in the original file: 1-based line and 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One input text, normalized, with the way back to the original.
#[derive(Debug, Clone)]
pub struct Document {
    pub original: String,
    /// NFC text with `\n` line ends; every span in the pipeline indexes this string.
    pub text: String,
    breakpoints: Vec<Breakpoint>,
    original_line_starts: Vec<usize>,
    /// Characters of `original` before every [`CHAR_MARK_STEP`]-th byte, counted on the first
    /// column asked on a long line ([`Document::chars_before`]).
    char_marks: std::sync::OnceLock<Vec<usize>>,
}

/// Bytes between two marks of [`Document::char_marks`]: a column costs at most counting the
/// characters of this many bytes twice, however long its line.
const CHAR_MARK_STEP: usize = 4096;

impl Document {
    pub fn new(original: String) -> Self {
        let (text, breakpoints) = normalize_with_map(&original);
        let original_line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', original.as_bytes()).map(|i| i + 1))
            .collect();
        Document {
            original,
            text,
            breakpoints,
            original_line_starts,
            char_marks: std::sync::OnceLock::new(),
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The run (breakpoint index) that holds a normalized byte offset.
    fn run_at(&self, normalized: usize) -> usize {
        self.breakpoints
            .partition_point(|b| b.normalized <= normalized)
            .saturating_sub(1)
    }

    /// Maps a normalized byte offset to the byte offset it came from in the original text.
    /// Inside a run that normalization rewrote, offsets cannot be mapped one to one: they map
    /// to the run's start.
    pub fn original_offset(&self, normalized: usize) -> usize {
        let b = self.breakpoints[self.run_at(normalized)];
        if b.rewritten {
            b.original
        } else {
            (b.original + (normalized - b.normalized)).min(self.original.len())
        }
    }

    /// Line and column in the original file of a normalized byte offset.
    pub fn position(&self, normalized: usize) -> Position {
        let offset = self.original_offset(normalized);
        let line_index = self
            .original_line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let line_start = self.original_line_starts[line_index];
        let end = floor_char_boundary(&self.original, offset);
        // A document held in one line has thousands of findings on it: counting from the
        // line's start for each would grow with the square of its length.
        let chars = if end - line_start <= CHAR_MARK_STEP {
            self.original[line_start..end].chars().count()
        } else {
            self.chars_before(end) - self.chars_before(line_start)
        };
        let column = chars + 1;
        Position {
            line: line_index + 1,
            column,
        }
    }

    /// Characters of the original text before `offset`, a character boundary: counted from the
    /// last mark before it.
    fn chars_before(&self, offset: usize) -> usize {
        let mark_start = |k: usize| floor_char_boundary(&self.original, k * CHAR_MARK_STEP);
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = vec![0];
            for k in 1..=self.original.len() / CHAR_MARK_STEP {
                let counted = self.original[mark_start(k - 1)..mark_start(k)]
                    .chars()
                    .count();
                marks.push(marks[k - 1] + counted);
            }
            marks
        });
        let k = offset / CHAR_MARK_STEP;
        marks[k] + self.original[mark_start(k)..offset].chars().count()
    }

    /// The original text covered by a normalized span (what the user's file says).
    pub fn original_slice(&self, span: Span) -> &str {
        let start = floor_char_boundary(&self.original, self.original_offset(span.start));
        let end = if span.is_empty() {
            start
        } else {
            self.original_end(span.end)
        };
        &self.original[start..end.max(start)]
    }

    /// Maps the exclusive end of a span: the end of the original text of its last character.
    fn original_end(&self, normalized_end: usize) -> usize {
        let last_char = self.text[..normalized_end]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        let run = self.run_at(last_char);
        if self.breakpoints[run].rewritten {
            return self
                .breakpoints
                .get(run + 1)
                .map_or(self.original.len(), |b| b.original);
        }
        let start = self.original_offset(last_char);
        start
            + self.original[start..]
                .chars()
                .next()
                .map_or(0, char::len_utf8)
    }

    /// Paragraphs are lines: the spans of the non-blank lines with their 0-based line index.
    pub fn paragraphs(&self) -> Vec<(usize, Span)> {
        let mut out = Vec::new();
        let mut start = 0;
        // The lines as `split('\n')` gives them, found with a vectorized search: a document
        // is scanned whole here, and the standard library's char search is byte by byte.
        let line_ends = memchr::memchr_iter(b'\n', self.text.as_bytes())
            .chain(std::iter::once(self.text.len()));
        for (index, end) in line_ends.enumerate() {
            if !self.text[start..end].trim().is_empty() {
                out.push((index, Span::new(start, end)));
            }
            start = end + 1;
        }
        out
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Splits the text into runs that NFC treats independently (a starter and the combining marks
/// after it), normalizes each, and records a breakpoint wherever runs stop mapping one to one.
fn normalize_with_map(original: &str) -> (String, Vec<Breakpoint>) {
    let mut breakpoints = vec![Breakpoint {
        normalized: 0,
        original: 0,
        rewritten: false,
    }];
    // Most files are NFC already and have Unix line ends: nothing to rewrite, nothing to map.
    if memchr::memchr(b'\r', original.as_bytes()).is_none() && surely_nfc(original) {
        return (original.to_string(), breakpoints);
    }
    let mut text = String::with_capacity(original.len());
    let mut run_start = 0;
    let mut previous: Option<char> = None;
    let boundaries = original
        .char_indices()
        .filter_map(|(i, c)| {
            // An ASCII character is a starter that composes with nothing before it (no
            // canonical composition has an ASCII second character): skip the table look-ups.
            let composes = |p: char| {
                if c.is_ascii() {
                    p == '\r' && c == '\n'
                } else {
                    compose(p, c).is_some()
                }
            };
            let starts_run = i > 0
                && (c.is_ascii() || canonical_combining_class(c) == 0)
                && !previous.is_some_and(composes);
            previous = Some(c);
            starts_run.then_some(i)
        })
        .chain(std::iter::once(original.len()));
    for run_end in boundaries {
        if run_end == run_start {
            continue;
        }
        let run = &original[run_start..run_end];
        let normalized_start = text.len();
        if run == "\r\n" {
            text.push('\n');
        } else if run.len() == 1 {
            // One ASCII character: NFC leaves it as it is.
            text.push_str(run);
        } else {
            text.extend(run.nfc());
        }
        let rewritten =
            text.len() - normalized_start != run.len() || run != &text[normalized_start..];
        let last = *breakpoints.last().expect("starts with one breakpoint");
        if rewritten != last.rewritten || rewritten {
            let breakpoint = Breakpoint {
                normalized: normalized_start,
                original: run_start,
                rewritten,
            };
            match breakpoints.last_mut() {
                Some(last) if last.normalized == normalized_start => *last = breakpoint,
                _ => breakpoints.push(breakpoint),
            }
        }
        run_start = run_end;
    }
    (text, breakpoints)
}

/// Whether NFC's quick check says yes to `text`. An ASCII character is a starter that NFC
/// allows, after which the check starts afresh: only the runs of other characters are
/// decoded and looked up, each on its own, where most of a European text is ASCII.
fn surely_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(start) = first_not_ascii(bytes, at) {
        // Both ends are character boundaries: a byte that is not ASCII after one that is
        // starts a character, and an ASCII byte is a character.
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |length| start + length);
        if unicode_normalization::is_nfc_quick(text[start..end].chars()) != IsNormalized::Yes {
            return false;
        }
        at = end;
    }
    true
}

/// The first byte from `at` on that is not ASCII. Sixteen bytes at a time while they are all
/// ASCII (`is_ascii` reads a slice by machine words), then one by one.
fn first_not_ascii(bytes: &[u8], mut at: usize) -> Option<usize> {
    const CHUNK: usize = 16;
    while bytes.get(at..at + CHUNK).is_some_and(<[u8]>::is_ascii) {
        at += CHUNK;
    }
    bytes[at..]
        .iter()
        .position(|b| !b.is_ascii())
        .map(|offset| at + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_is_told_by_the_runs_of_characters_that_are_not_ascii() {
        let texts = [
            "",
            "plain ASCII.",
            "déjà vu",
            "de\u{301}ja\u{300} vu",
            "\u{301}leading mark",
            "e\u{301}",
            "a\u{323}\u{302} tail",
            "a\u{302}\u{323} tail",
            "Å and \u{212B}",
            "한국어 and \u{1100}\u{1161}",
            "naïve café\n",
            "a longer line of plain ASCII text, then é\u{301} and more ASCII after it é",
        ];
        for text in texts {
            let whole = unicode_normalization::is_nfc_quick(text.chars()) == IsNormalized::Yes;
            assert_eq!(surely_nfc(text), whole, "{text:?}");
        }
    }

    #[test]
    fn no_canonical_composition_ends_with_an_ascii_character() {
        // What the ASCII fast path of `normalize_with_map` relies on.
        for p in (0..0x3_0000).filter_map(char::from_u32) {
            for c in (0..0x80u8).map(char::from) {
                assert_eq!(compose(p, c), None, "{p:?} + {c:?}");
            }
        }
    }

    #[test]
    fn composes_decomposed_accents_and_maps_back() {
        let doc = Document::new("e\u{301}te\u{301} x\nsecond".to_string());
        assert_eq!(doc.text, "été x\nsecond");
        let x = doc.text.find('x').unwrap();
        // Columns count the original file's characters, combining marks included.
        assert_eq!(doc.position(x), Position { line: 1, column: 7 });
        let second = doc.text.find("second").unwrap();
        assert_eq!(doc.position(second), Position { line: 2, column: 1 });
        let ete = Span::new(0, "été".len());
        assert_eq!(doc.original_slice(ete), "e\u{301}te\u{301}");
    }

    #[test]
    fn drops_carriage_returns_and_keeps_lines() {
        let doc = Document::new("one\r\ntwo\r\nthree".to_string());
        assert_eq!(doc.text, "one\ntwo\nthree");
        let three = doc.text.find("three").unwrap();
        assert_eq!(doc.position(three), Position { line: 3, column: 1 });
        let span = Span::new(three, three + 5);
        assert_eq!(doc.original_slice(span), "three");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let doc = Document::new("déjà vu Facebrook".to_string());
        let at = doc.text.find("Facebrook").unwrap();
        assert_eq!(doc.position(at).column, 9);
        assert_eq!(doc.original_slice(Span::new(at, at + 9)), "Facebrook");
    }

    #[test]
    fn columns_on_long_lines_count_every_character() {
        // Lines longer than a mark step, with characters of two and three bytes that straddle
        // the marks, after a short first line.
        let line = "é€ déjà vu ".repeat(2_000);
        let doc = Document::new(format!("first\n{line}\n{line}"));
        let mut offsets: Vec<usize> = (0..doc.text.len()).step_by(997).collect();
        offsets.extend([0, 6, doc.text.len()]);
        for offset in offsets {
            let offset = floor_char_boundary(&doc.text, offset);
            let line_start = doc.text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = doc.text[line_start..offset].chars().count() + 1;
            assert_eq!(doc.position(offset).column, expected, "at byte {offset}");
        }
    }

    #[test]
    fn paragraphs_skip_blank_lines() {
        let doc = Document::new("a\n\n  \nb".to_string());
        let lines: Vec<usize> = doc.paragraphs().iter().map(|p| p.0).collect();
        assert_eq!(lines, vec![0, 3]);
    }
}
