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

/// Batches checked at the same time. A batch's document checks run on one core; a second
/// batch checked meanwhile keeps the other cores busy.
const BATCHES_IN_FLIGHT: usize = 2;

/// Checks `source` against `target` line by line (`options.aligned` should be set), `batch_lines` lines at a time,
/// and hands each batch's report to `emit` with the number of lines it covers and where it
/// stands in the input. Stops at the first error `emit` returns.
///
/// Up to [`BATCHES_IN_FLIGHT`] batches are checked at once, each on a thread of its own, while
/// this one reads the next batch and hands finished reports to `emit`: the check's steps that
/// use one core (the document checks) overlap with another batch's, and with reading and
/// writing. Reports still reach `emit` in input order, so the output does not depend on how
/// the checks interleave.
pub fn check_aligned_batches<R1: BufRead, R2: BufRead, E: From<StreamError>>(
    mut source: LineSource<R1>,
    mut target: LineSource<R2>,
    options: &CheckOptions,
    batch_lines: usize,
    mut emit: impl FnMut(&Report, usize, Offsets) -> Result<(), E>,
) -> Result<(), E> {
    let batch_lines = batch_lines.max(1);
    let names = (source.name.clone(), target.name.clone());
    // Where the next report starts in the input, advanced by each report handed over.
    let mut offsets = Offsets::default();
    let mut hand_over = |checked: Result<Report, CheckError>, lines: usize| {
        let report = checked.map_err(StreamError::from)?;
        emit(&report, lines, offsets)?;
        offsets.lines += lines;
        offsets.segments += report.summary.segments;
        Ok::<(), E>(())
    };
    std::thread::scope(|scope| {
        let join = |checking: std::thread::ScopedJoinHandle<'_, _>| {
            checking
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        let mut in_flight = std::collections::VecDeque::with_capacity(BATCHES_IN_FLIGHT);
        let mut first = true;
        let mut read_error = None;
        loop {
            let (source_text, target_text, lines) =
                match read_batch(&mut source, &mut target, batch_lines, first) {
                    Ok(Some(batch)) => batch,
                    Ok(None) => break,
                    Err(error) => {
                        read_error = Some(error);
                        break;
                    }
                };
            first = false;
            let names = &names;
            let checking = scope.spawn(move || {
                check_texts((&names.0, source_text), (&names.1, target_text), options)
            });
            in_flight.push_back((checking, lines));
            if in_flight.len() == BATCHES_IN_FLIGHT
                && let Some((checking, lines)) = in_flight.pop_front()
            {
                hand_over(join(checking), lines)?;
            }
        }
        // What was read before a read error is reported, as when reading came first.
        for (checking, lines) in in_flight {
            hand_over(join(checking), lines)?;
        }
        read_error.map_or(Ok(()), |error| Err(error.into()))
    })
}

/// The next batch of both sides (their texts and the number of lines), or `None` at the end.
/// The first batch loses a byte-order mark, as `ingest::read_text` does for whole files.
fn read_batch<R1: BufRead, R2: BufRead>(
    source: &mut LineSource<R1>,
    target: &mut LineSource<R2>,
    batch_lines: usize,
    first: bool,
) -> Result<Option<(String, String, usize)>, StreamError> {
    let (mut source_text, source_lines) = read_lines(source, batch_lines)?;
    let (mut target_text, target_lines) = read_lines(target, batch_lines)?;
    if first {
        for text in [&mut source_text, &mut target_text] {
            if text.starts_with('\u{FEFF}') {
                text.drain(..'\u{FEFF}'.len_utf8());
            }
        }
    }
    let lines = source_lines.max(target_lines);
    Ok((lines > 0).then_some((source_text, target_text, lines)))
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
