//! transcheck: a bilingual translation-quality checker.
//!
//! The pipeline is the architecture: [`ingest`] → [`normalize`] → [`segment`] → [`align`] →
//! [`checks`] → [`score`] → [`report`], run end to end by [`check_files`] / [`check_texts`].

pub mod align;
pub mod baseline;
pub mod batch;
pub mod checks;
pub mod config;
pub mod corpus;
pub mod diff;
pub mod glossary;
pub mod ingest;
pub mod inject;
pub mod locale;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod report;
pub mod score;
pub mod segment;
pub mod stream;
pub mod textutil;

pub use model::{Bead, Finding, Severity, Span};
pub use pipeline::{CheckError, CheckOptions, Report, check_files, check_texts, check_units};
