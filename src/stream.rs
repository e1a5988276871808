//! Streaming: a pair of line-aligned texts checked batch by batch, so that memory does not grow
//! with the input. Each batch of lines is checked as a document of its own: document-level
//! facts (the length ratio omission and addition expect, the names seen in capitals) and the
//! consistency checks look within a batch, not across the whole corpus.

use crate::pipeline::{CheckError, CheckOptions, Report, check_texts};
use crate::report::jsonl::Offsets;
use std::io::BufRead;

/// Lines checked per batch by default: large enough for the document-level facts to be
/// reliable, small enough to keep memory low.
pub const BATCH_LINES: usize = 2000;

#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error("{name}: cannot read: {source}")]
    Read {
        name: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Check(#[from] CheckError),
}

/// One side of the input.
pub struct LineSource<R> {
    pub name: String,
    pub reader: R,
}

/// Checks `source` against `target` line by line (`options.aligned` should be set), `batch_lines` lines at a time,
/// and hands each batch's report to `emit` with the number of lines it covers and where it
/// stands in the input. Stops at the first error `emit` returns.
pub fn check_aligned_batches<R1: BufRead, R2: BufRead, E: From<StreamError>>(
    mut source: LineSource<R1>,
    mut target: LineSource<R2>,
    options: &CheckOptions,
    batch_lines: usize,
    mut emit: impl FnMut(&Report, usize, Offsets) -> Result<(), E>,
) -> Result<(), E> {
    let mut offsets = Offsets::default();
    loop {
        let mut source_lines = read_lines(&mut source, batch_lines.max(1))?;
        let mut target_lines = read_lines(&mut target, batch_lines.max(1))?;
        if offsets.lines == 0 {
            // As `ingest::read_text` does for whole files.
            for text in [&mut source_lines.0, &mut target_lines.0] {
                if text.starts_with('\u{FEFF}') {
                    text.drain(..'\u{FEFF}'.len_utf8());
                }
            }
        }
        let lines = source_lines.1.max(target_lines.1);
        if lines == 0 {
            return Ok(());
        }
        let report = check_texts(
            (&source.name, source_lines.0),
            (&target.name, target_lines.0),
            options,
        )
        .map_err(StreamError::from)?;
        emit(&report, lines, offsets)?;
        offsets.lines += lines;
        offsets.segments += report.summary.segments;
    }
}

/// Up to `count` lines, and how many were read.
fn read_lines<R: BufRead>(
    side: &mut LineSource<R>,
    count: usize,
) -> Result<(String, usize), StreamError> {
    let mut text = String::new();
    let mut read = 0;
    while read < count {
        let before = text.len();
        let n = side
            .reader
            .read_line(&mut text)
            .map_err(|source| StreamError::Read {
                name: side.name.clone(),
                source,
            })?;
        if n == 0 {
            break;
        }
        if !text.ends_with('\n') {
            text.push('\n');
        }
        debug_assert!(text.len() > before);
        read += 1;
    }
    Ok((text, read))
}
