//! Report: every output format is a view of the same [`Report`].

pub mod json;
pub mod text;

use crate::model::Span;
use crate::pipeline::{CheckedDocument, Report};

/// Output formats of `transcheck check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Side-by-side text for people; colored on a terminal.
    Text,
    /// The stable `transcheck/report/v1` JSON document.
    Json,
}

/// Options that change how a report looks, not what it says.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub color: bool,
    /// Terminal width for the text format.
    pub width: usize,
    /// Show segments without findings too.
    pub all_segments: bool,
}

/// Renders a report in a format.
pub fn render(report: &Report, format: Format, options: RenderOptions) -> String {
    match format {
        Format::Text => text::render(report, options),
        Format::Json => json::render(report),
    }
}

/// Writes the reports of consecutive batches of one bilingual file as one report (see
/// [`crate::pipeline::check_unit_batches`]).
pub enum Stream<W: std::io::Write> {
    Text(text::TextStream<W>),
    Json(json::JsonStream<W>),
}

impl<W: std::io::Write> Stream<W> {
    pub fn new(out: W, format: Format, options: RenderOptions) -> std::io::Result<Self> {
        Ok(match format {
            Format::Text => Stream::Text(text::TextStream::new(out, options)),
            Format::Json => Stream::Json(json::JsonStream::new(out)?),
        })
    }

    pub fn batch(&mut self, report: &Report) -> std::io::Result<()> {
        match self {
            Stream::Text(stream) => stream.batch(report),
            Stream::Json(stream) => stream.batch(report),
        }
    }

    /// Ends the report; returns the output.
    pub fn finish(self) -> std::io::Result<W> {
        match self {
            Stream::Text(stream) => stream.finish(),
            Stream::Json(stream) => stream.finish(),
        }
    }
}

/// Where a span is in the user's file, and what it says there.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub text: String,
}

impl Location {
    pub fn of(doc: &CheckedDocument, span: Span) -> Location {
        let position = doc.position(span.start);
        Location {
            line: position.line,
            column: position.column,
            text: crate::ingest::inline::readable(doc.document.original_slice(span)).into_owned(),
        }
    }
}
