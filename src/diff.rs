//! Differences between two JSON reports (`transcheck/report/v1`, or `transcheck/reports/v1`
//! for several document pairs): which findings are new, which were fixed, which remain.
//!
//! Findings are matched by their content fingerprint (see [`crate::baseline`]), so that a
//! finding that only moved is unchanged. Reports written before fingerprints were added are
//! matched on rule, document and flagged texts instead.

use crate::baseline::fingerprint_of;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

pub const SCHEMA: &str = "transcheck/diff/v1";

#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a transcheck JSON report: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path}: schema `{found}` is not a transcheck JSON report")]
    Schema { path: PathBuf, found: String },
}

/// A finding as a JSON report gives it, with the path of its target document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportedFinding {
    pub fingerprint: String,
    pub document: String,
    pub rule: String,
    pub severity: String,
    pub message: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub text: String,
}

/// What changed between two reports. Each list keeps the order of its report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportDiff {
    pub schema: &'static str,
    pub new: Vec<ReportedFinding>,
    pub fixed: Vec<ReportedFinding>,
    pub unchanged: Vec<ReportedFinding>,
}

/// The parts of a v1 report the diff reads; everything else is ignored.
#[derive(Deserialize)]
struct ReportJson {
    schema: String,
    #[serde(default)]
    target: Option<DocumentJson>,
    #[serde(default)]
    findings: Vec<FindingJson>,
    #[serde(default)]
    documents: Vec<ReportJson>,
}

#[derive(Deserialize)]
struct DocumentJson {
    path: String,
}

#[derive(Deserialize)]
struct FindingJson {
    #[serde(default)]
    fingerprint: Option<String>,
    rule: String,
    severity: String,
    message: String,
    source: Option<LocationJson>,
    target: Option<LocationJson>,
}

#[derive(Deserialize)]
struct LocationJson {
    line: u64,
    column: u64,
    text: String,
}

/// Reads every finding of a JSON report file.
pub fn read_findings(path: &Path) -> Result<Vec<ReportedFinding>, DiffError> {
    let text = std::fs::read_to_string(path).map_err(|source| DiffError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let report: ReportJson = serde_json::from_str(&text).map_err(|source| DiffError::Parse {
        path: path.to_path_buf(),
        source,
    })?;
    match report.schema.as_str() {
        crate::report::json::SCHEMA => Ok(findings_of(report)),
        crate::report::json::MULTI_SCHEMA => {
            Ok(report.documents.into_iter().flat_map(findings_of).collect())
        }
        _ => Err(DiffError::Schema {
            path: path.to_path_buf(),
            found: report.schema,
        }),
    }
}

fn findings_of(report: ReportJson) -> Vec<ReportedFinding> {
    let document = report.target.map(|t| t.path).unwrap_or_default();
    report
        .findings
        .into_iter()
        .map(|f| {
            let source_text = f.source.as_ref().map_or("", |l| l.text.as_str());
            let target_text = f.target.as_ref().map_or("", |l| l.text.as_str());
            let fingerprint = f
                .fingerprint
                .clone()
                .unwrap_or_else(|| fingerprint_of(&[&f.rule, &document, source_text, target_text]));
            let at = f.target.as_ref().or(f.source.as_ref());
            ReportedFinding {
                fingerprint,
                document: document.clone(),
                rule: f.rule,
                severity: f.severity,
                message: f.message,
                line: at.map(|l| l.line),
                column: at.map(|l| l.column),
                text: at.map(|l| l.text.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// Matches the findings of two reports, counting duplicates: first by fingerprint, then the
/// rest by document, rule, flagged text and message. The second pass keeps a finding
/// unchanged when an edit elsewhere in its segment changed its fingerprint (fixing one of two
/// errors in a sentence does not make the other one new).
pub fn diff(old: Vec<ReportedFinding>, new: Vec<ReportedFinding>) -> ReportDiff {
    let mut old_matched = vec![false; old.len()];
    let mut new_matched = vec![false; new.len()];
    match_pass(&old, &new, &mut old_matched, &mut new_matched, |f| {
        f.fingerprint.clone()
    });
    match_pass(&old, &new, &mut old_matched, &mut new_matched, |f| {
        format!(
            "{}\u{0}{}\u{0}{}\u{0}{}",
            f.document, f.rule, f.text, f.message
        )
    });
    let (mut unchanged, mut added) = (Vec::new(), Vec::new());
    for (f, matched) in new.into_iter().zip(new_matched) {
        if matched {
            unchanged.push(f);
        } else {
            added.push(f);
        }
    }
    ReportDiff {
        schema: SCHEMA,
        new: added,
        fixed: old
            .into_iter()
            .zip(old_matched)
            .filter(|(_, matched)| !matched)
            .map(|(f, _)| f)
            .collect(),
        unchanged,
    }
}

/// Pairs still-unmatched findings with equal keys, in report order.
fn match_pass(
    old: &[ReportedFinding],
    new: &[ReportedFinding],
    old_matched: &mut [bool],
    new_matched: &mut [bool],
    key: impl Fn(&ReportedFinding) -> String,
) {
    let mut waiting: BTreeMap<String, std::collections::VecDeque<usize>> = BTreeMap::new();
    for (i, f) in old.iter().enumerate().filter(|(i, _)| !old_matched[*i]) {
        waiting.entry(key(f)).or_default().push_back(i);
    }
    for (j, f) in new.iter().enumerate() {
        if new_matched[j] {
            continue;
        }
        if let Some(i) = waiting.get_mut(&key(f)).and_then(|q| q.pop_front()) {
            old_matched[i] = true;
            new_matched[j] = true;
        }
    }
}

impl ReportDiff {
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).expect("diff serializes");
        out.push('\n');
        out
    }

    /// New and fixed findings one a line, then the counts.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (mark, list) in [("+ new  ", &self.new), ("- fixed", &self.fixed)] {
            for f in list {
                let _ = writeln!(out, "{mark} {}", describe(f));
            }
        }
        let _ = writeln!(
            out,
            "{} new, {} fixed, {} unchanged",
            self.new.len(),
            self.fixed.len(),
            self.unchanged.len()
        );
        out
    }
}

fn describe(f: &ReportedFinding) -> String {
    let at = match (f.line, f.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", f.document),
        _ => f.document.clone(),
    };
    format!("{:<8} {:<18} {at}  {}", f.severity, f.rule, f.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(fingerprint: &str, line: u64) -> ReportedFinding {
        ReportedFinding {
            fingerprint: fingerprint.into(),
            document: "fr.txt".into(),
            rule: "entity-misspelt".into(),
            severity: "major".into(),
            message: "m".into(),
            line: Some(line),
            column: Some(1),
            text: format!("text of {fingerprint}"),
        }
    }

    #[test]
    fn a_finding_whose_segment_changed_elsewhere_is_unchanged() {
        let mut edited = finding("changed-by-edit", 1);
        edited.text = "same text".into();
        let mut before = finding("original", 1);
        before.text = "same text".into();
        let d = diff(vec![before], vec![edited]);
        assert_eq!((d.new.len(), d.fixed.len(), d.unchanged.len()), (0, 0, 1));
    }

    #[test]
    fn moved_findings_are_unchanged_and_duplicates_count() {
        let old = vec![finding("a", 1), finding("b", 2), finding("b", 3)];
        let new = vec![finding("a", 10), finding("b", 20), finding("c", 30)];
        let d = diff(old, new);
        assert_eq!(d.unchanged.len(), 2);
        assert_eq!(d.unchanged[0].line, Some(10));
        assert_eq!(d.new.len(), 1);
        assert_eq!(d.new[0].fingerprint, "c");
        assert_eq!(d.fixed.len(), 1);
        assert_eq!(d.fixed[0].line, Some(3));
        assert!(d.to_text().ends_with("1 new, 1 fixed, 2 unchanged\n"));
    }
}
