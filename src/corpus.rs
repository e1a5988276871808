//! Regression corpora: a directory per case with a source, a target and `expected.toml`, the
//! annotation of every error a reviewer marks in the target. Running a case compares the
//! findings with the annotation: recall, regressions, unrecorded improvements, extra findings.

use crate::glossary::Glossary;
use crate::model::Severity;
use crate::pipeline::{CheckError, CheckOptions, Report, check_files};
use crate::report::Location;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Annotation {
        path: PathBuf,
        source: toml::de::Error,
    },
    #[error("{path}: line {line}: `{text}` is not on that line of the target")]
    TextNotFound {
        path: PathBuf,
        line: usize,
        text: String,
    },
    #[error(transparent)]
    Glossary(#[from] crate::glossary::GlossaryError),
    #[error(transparent)]
    Check(#[from] CheckError),
}

/// What the annotation says transcheck does today about an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    Found,
    Missed,
}

/// One annotated error of the target.
#[derive(Debug, Clone, Deserialize)]
pub struct AnnotatedError {
    pub line: usize,
    pub text: String,
    pub category: String,
    pub severity: Severity,
    pub note: String,
    pub expect: Expect,
}

#[derive(Debug, Deserialize)]
struct Annotation {
    source: String,
    target: String,
    from: String,
    to: String,
    #[serde(default)]
    aligned: bool,
    #[serde(default)]
    glossary: Vec<String>,
    #[serde(default)]
    clean_lines: Vec<usize>,
    #[serde(default)]
    error: Vec<AnnotatedError>,
}

/// The outcome of one case.
#[derive(Debug)]
pub struct CaseResult {
    pub name: String,
    pub errors: usize,
    pub found: usize,
    /// Errors annotated `found` that were not found.
    pub regressions: Vec<AnnotatedError>,
    /// Errors annotated `missed` that are now found: update the annotation.
    pub improvements: Vec<AnnotatedError>,
    /// Findings above `info` on lines annotated clean: (line, rule, text).
    pub clean_line_findings: Vec<(usize, &'static str, String)>,
    /// Findings matching no annotated error: (severity, rule, line, text).
    pub extra: Vec<(Severity, &'static str, usize, String)>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.regressions.is_empty()
            && self.improvements.is_empty()
            && self.clean_line_findings.is_empty()
    }

    pub fn recall(&self) -> f64 {
        if self.errors == 0 {
            1.0
        } else {
            self.found as f64 / self.errors as f64
        }
    }
}

/// Every case directory (one holding `expected.toml`) under `root`, sorted.
pub fn find_cases(root: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let io = |source| CorpusError::Io {
        path: root.to_path_buf(),
        source,
    };
    if root.join("expected.toml").is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(root).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.join("expected.toml").is_file() {
            cases.push(path);
        }
    }
    cases.sort();
    Ok(cases)
}

/// Runs one case directory.
pub fn run_case(dir: &Path) -> Result<CaseResult, CorpusError> {
    let path = dir.join("expected.toml");
    let text = std::fs::read_to_string(&path).map_err(|source| CorpusError::Io {
        path: path.clone(),
        source,
    })?;
    let annotation: Annotation =
        toml::from_str(&text).map_err(|source| CorpusError::Annotation {
            path: path.clone(),
            source,
        })?;
    let glossaries: Vec<PathBuf> = annotation.glossary.iter().map(|g| dir.join(g)).collect();
    let options = CheckOptions {
        aligned: annotation.aligned,
        glossary: Glossary::load(&glossaries)?,
        ..CheckOptions::new(&annotation.from, &annotation.to)
    };
    let report = check_files(
        &dir.join(&annotation.source),
        &dir.join(&annotation.target),
        &options,
    )?;
    compare(dir, &path, &annotation, &report)
}

/// A finding's target location as (line, first column, last column), 1-based, in characters.
fn target_extent(
    report: &Report,
    finding: &crate::model::Finding,
) -> Option<(usize, usize, usize)> {
    let span = finding.target?;
    let at = Location::of(&report.target, span);
    Some((
        at.line,
        at.column,
        at.column + at.text.chars().count().max(1) - 1,
    ))
}

fn compare(
    dir: &Path,
    path: &Path,
    annotation: &Annotation,
    report: &Report,
) -> Result<CaseResult, CorpusError> {
    let target_lines: Vec<&str> = report.target.document.original.lines().collect();
    let mut matched = vec![false; report.findings.len()];
    let mut result = CaseResult {
        name: dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        errors: annotation.error.len(),
        found: 0,
        regressions: Vec::new(),
        improvements: Vec::new(),
        clean_line_findings: Vec::new(),
        extra: Vec::new(),
    };
    for error in &annotation.error {
        let line = target_lines.get(error.line - 1).copied().unwrap_or("");
        let Some(byte) = line.find(&error.text) else {
            return Err(CorpusError::TextNotFound {
                path: path.to_path_buf(),
                line: error.line,
                text: error.text.clone(),
            });
        };
        let first = line[..byte].chars().count() + 1;
        let last = first + error.text.chars().count() - 1;
        let mut found = false;
        for (k, f) in report.findings.iter().enumerate() {
            if let Some((l, a, b)) = target_extent(report, f)
                && l == error.line
                && a <= last
                && first <= b
            {
                matched[k] = true;
                found = true;
            }
        }
        match (found, error.expect) {
            (true, _) => result.found += 1,
            (false, Expect::Found) => result.regressions.push(error.clone()),
            (false, Expect::Missed) => {}
        }
        if found && error.expect == Expect::Missed {
            result.improvements.push(error.clone());
        }
    }
    for (k, f) in report.findings.iter().enumerate() {
        let at = f
            .target
            .map(|s| Location::of(&report.target, s))
            .or_else(|| f.source.map(|s| Location::of(&report.source, s)));
        let (line, text) = at.map_or((0, String::new()), |l| (l.line, l.text));
        let target_line = target_extent(report, f).map(|e| e.0);
        let segment_lines = report
            .segments
            .get(f.segment)
            .map(|s| report.target.lines(&s.bead.target))
            .unwrap_or_default();
        let on_clean_line = target_line.map_or_else(
            || {
                segment_lines
                    .iter()
                    .any(|l| annotation.clean_lines.contains(l))
            },
            |l| annotation.clean_lines.contains(&l),
        );
        if on_clean_line && f.severity > Severity::Info {
            result
                .clean_line_findings
                .push((line, f.rule, text.clone()));
        }
        if !matched[k] {
            result.extra.push((f.severity, f.rule, line, text));
        }
    }
    Ok(result)
}
