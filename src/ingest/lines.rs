//! Line-by-line reading for the line-based formats (TSV/CSV, PO, JSON Lines): bounded line
//! length, UTF-8 checked per line, so that an error names its line.

use super::IngestError;
use std::io::{BufRead, Read};
use std::path::PathBuf;

/// Longer lines are refused rather than buffered: memory must not be an attacker's to choose.
const MAX_LINE_BYTES: u64 = 16 * 1024 * 1024;

pub(crate) struct Lines {
    input: Box<dyn BufRead>,
    pub path: PathBuf,
    /// 1-based number of the last line read.
    pub number: usize,
    buf: Vec<u8>,
}

impl Lines {
    pub fn new(path: PathBuf, input: Box<dyn BufRead>) -> Self {
        Lines {
            input,
            path,
            number: 0,
            buf: Vec::new(),
        }
    }

    /// The next line without its line end, and its number; `None` at the end of the file.
    pub fn next_line(&mut self) -> Result<Option<String>, IngestError> {
        self.buf.clear();
        let read = (&mut self.input)
            .take(MAX_LINE_BYTES + 1)
            .read_until(b'\n', &mut self.buf)
            .map_err(|source| IngestError::Io {
                path: self.path.clone(),
                source,
            })?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        if self.buf.len() as u64 > MAX_LINE_BYTES {
            return Err(self.error(1, format!("line longer than {MAX_LINE_BYTES} bytes")));
        }
        while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
            self.buf.pop();
        }
        let mut line = match std::str::from_utf8(&self.buf) {
            Ok(line) => line.to_string(),
            Err(e) => {
                let column = String::from_utf8_lossy(&self.buf[..e.valid_up_to()])
                    .chars()
                    .count()
                    + 1;
                return Err(self.error(column, "invalid UTF-8".into()));
            }
        };
        if self.number == 1 && line.starts_with(super::UTF8_BOM) {
            line.drain(..super::UTF8_BOM.len());
        }
        Ok(Some(line))
    }

    /// An error on the last line read.
    pub fn error(&self, column: usize, message: String) -> IngestError {
        IngestError::Syntax {
            path: self.path.clone(),
            line: self.number,
            column,
            message,
        }
    }
}
