//! Positions in a bilingual file: anchors that map characters of a unit's text back to the
//! file, and a reader that counts lines and columns as a parser consumes its input.

use crate::normalize::Position;
use std::io::{BufRead, Read};

/// Character `at` of a unit's text is at `position` in the file; the characters after it,
/// up to the next anchor, follow on the same line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub at: usize,
    pub position: Position,
}

/// Where character `at` is, from the last anchor at or before it.
pub fn locate(anchors: &[Anchor], at: usize) -> Option<Position> {
    let index = anchors.partition_point(|a| a.at <= at).checked_sub(1)?;
    let anchor = anchors[index];
    Some(Position {
        line: anchor.position.line,
        column: anchor.position.column + (at - anchor.at),
    })
}

/// Wraps a buffered reader and keeps the line and column of the next byte to be consumed.
pub struct CountingReader<R> {
    inner: R,
    line: usize,
    column: usize,
    /// Bytes consumed since the last `<`, and how many are allowed (XML only): a text node
    /// or a tag is buffered whole by the XML parser, so its size must be bounded.
    since_markup: usize,
    max_between_markup: usize,
}

impl<R: BufRead> CountingReader<R> {
    pub fn new(inner: R) -> Self {
        CountingReader {
            inner,
            line: 1,
            column: 1,
            since_markup: 0,
            max_between_markup: usize::MAX,
        }
    }

    /// Refuses input with more than `limit` bytes between two `<`.
    pub fn with_markup_limit(mut self, limit: usize) -> Self {
        self.max_between_markup = limit;
        self
    }

    /// Line and column (in characters) of the next byte the parser will read.
    pub fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }
}

/// The line and column after `bytes`, starting from `(line, column)`.
fn advance((mut line, mut column): (usize, usize), bytes: &[u8]) -> (usize, usize) {
    for &b in bytes {
        if b == b'\n' {
            line += 1;
            column = 1;
        } else if b & 0xC0 != 0x80 {
            // Continuation bytes of a UTF-8 character do not start a new column.
            column += 1;
        }
    }
    (line, column)
}

impl<R: BufRead> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for CountingReader<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.since_markup > self.max_between_markup {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "more than {} bytes of text or of one tag: refused",
                    self.max_between_markup
                ),
            ));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        // The bytes being consumed are still at the front of the inner buffer.
        if let Ok(buffer) = self.inner.fill_buf() {
            let n = amount.min(buffer.len());
            let consumed = &buffer[..n];
            (self.line, self.column) = advance((self.line, self.column), consumed);
            self.since_markup = match consumed.iter().rposition(|&b| b == b'<') {
                Some(at) => n - at - 1,
                None => self.since_markup.saturating_add(n),
            };
        }
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_characters_after_anchors() {
        let anchors = [
            Anchor {
                at: 0,
                position: Position { line: 3, column: 9 },
            },
            Anchor {
                at: 5,
                position: Position { line: 4, column: 1 },
            },
        ];
        assert_eq!(
            locate(&anchors, 2),
            Some(Position {
                line: 3,
                column: 11
            })
        );
        assert_eq!(locate(&anchors, 6), Some(Position { line: 4, column: 2 }));
        assert_eq!(locate(&[], 0), None);
    }

    #[test]
    fn refuses_long_runs_without_markup() {
        // The limit is checked whenever the buffer is refilled: small buffers here.
        let read = |text: &'static str| {
            let inner = std::io::BufReader::with_capacity(2, text.as_bytes());
            let mut reader = CountingReader::new(inner).with_markup_limit(5);
            reader.read_to_end(&mut Vec::new())
        };
        assert!(read("<a>0123456789<b>").is_err());
        assert!(read("<a>012<b>012</b>").is_ok());
    }

    #[test]
    fn counts_lines_and_characters() {
        let mut reader = CountingReader::new("é\nab".as_bytes());
        let mut text = String::new();
        reader.read_line(&mut text).unwrap();
        assert_eq!(reader.position(), Position { line: 2, column: 1 });
        reader.consume(1);
        assert_eq!(reader.position(), Position { line: 2, column: 2 });
    }
}
