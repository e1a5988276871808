//! Plain data shared by every pipeline stage: spans, sentences, beads and findings.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// A byte range in a document's normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies within this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Shifts a span relative to a sentence into document coordinates.
    pub fn offset(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// One sentence of a document: its span and the paragraph (input line) it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// The shape of a bead: how many source and target sentences it joins (`2-1`, `0-1`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BeadKind {
    pub source: usize,
    pub target: usize,
}

impl fmt::Display for BeadKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.source, self.target)
    }
}

/// An alignment unit: consecutive source sentences translated by consecutive target sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub source: Range<usize>,
    pub target: Range<usize>,
    /// How sure the aligner is of this bead, in [0, 1].
    pub confidence: f64,
}

impl Bead {
    pub fn kind(&self) -> BeadKind {
        BeadKind {
            source: self.source.len(),
            target: self.target.len(),
        }
    }
}

/// How much a finding matters, from informational to blocking.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    #[default]
    Minor,
    Major,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::Major,
        Severity::Minor,
        Severity::Info,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown severity `{0}` (expected critical, major, minor or info)")]
pub struct UnknownSeverity(pub String);

impl FromStr for Severity {
    type Err = UnknownSeverity;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Ok(Severity::Info),
            "minor" => Ok(Severity::Minor),
            "major" => Ok(Severity::Major),
            "critical" => Ok(Severity::Critical),
            _ => Err(UnknownSeverity(s.to_string())),
        }
    }
}

/// Which document of the pair a span belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Source,
    Target,
}

impl Side {
    /// The other document of the pair.
    pub fn other(self) -> Side {
        match self {
            Side::Source => Side::Target,
            Side::Target => Side::Source,
        }
    }
}

/// One issue a reviewer should look at. Plain data: every report format is a view of a list of
/// these.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub category: &'static str,
    pub severity: Severity,
    pub message: String,
    pub suggestion: Option<String>,
    /// Index of the segment (bead) the finding belongs to.
    pub segment: usize,
    pub source: Option<Span>,
    pub target: Option<Span>,
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn spans_contain_and_overlap() {
        let clause = Span::new(4, 10);
        assert!(clause.contains(Span::new(4, 10)) && clause.contains(Span::new(5, 7)));
        assert!(!clause.contains(Span::new(3, 7)) && !clause.contains(Span::new(8, 11)));
        assert!(clause.overlaps(Span::new(9, 12)) && clause.overlaps(Span::new(0, 5)));
        assert!(!clause.overlaps(Span::new(10, 12)) && !clause.overlaps(Span::new(0, 4)));
    }
}
