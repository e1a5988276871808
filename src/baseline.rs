//! Baselines: findings a team has accepted, so that CI fails only on new ones.
//!
//! A finding is identified by a content fingerprint — its rule, the whitespace-normalized
//! source and target text of its segment and the flagged text — never by offsets or line
//! numbers, so that edits elsewhere in a document do not invalidate the baseline. Identical
//! fingerprints are counted: a baseline entry accepts one finding.

use crate::model::Finding;
use crate::pipeline::Report;
use crate::score;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const SCHEMA: &str = "transcheck/baseline/v1";

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a transcheck baseline: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path}: schema `{found}` is not `{SCHEMA}`")]
    Schema { path: PathBuf, found: String },
}

/// One accepted finding. Only `fingerprint` is used for matching; the other fields tell a
/// person reading the file (or a stale-entry message) what was accepted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule: String,
    /// Path of the document the finding was in when it was accepted.
    pub document: String,
    /// The flagged text.
    pub text: String,
}

/// A set of accepted findings, as read from or written to a baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub schema: String,
    pub findings: Vec<BaselineEntry>,
}

/// What applying a baseline did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaselineOutcome {
    /// Findings removed from the reports because the baseline accepts them.
    pub accepted: usize,
    /// Baseline entries that matched no finding: fixed, or changed beyond recognition.
    pub stale: Vec<BaselineEntry>,
}

impl Baseline {
    /// A baseline accepting every finding of the reports.
    pub fn from_reports(reports: &[Report]) -> Baseline {
        let mut findings: Vec<BaselineEntry> = reports
            .iter()
            .flat_map(|r| {
                let prints = Fingerprinter::new(r);
                r.findings.iter().map(move |f| entry(r, f, &prints))
            })
            .collect();
        findings.sort();
        Baseline {
            schema: SCHEMA.to_string(),
            findings,
        }
    }

    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let baseline: Baseline =
            serde_json::from_str(&text).map_err(|source| BaselineError::Parse {
                path: path.to_path_buf(),
                source,
            })?;
        if baseline.schema != SCHEMA {
            return Err(BaselineError::Schema {
                path: path.to_path_buf(),
                found: baseline.schema,
            });
        }
        Ok(baseline)
    }

    /// The baseline file's text: pretty JSON, entries sorted, so that it diffs well in review.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).expect("baseline serializes");
        out.push('\n');
        out
    }

    /// Removes the findings this baseline accepts from the reports (rescoring them) and
    /// returns how many were accepted and which entries matched nothing.
    pub fn apply(&self, reports: &mut [Report]) -> BaselineOutcome {
        let mut remaining: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &self.findings {
            *remaining.entry(e.fingerprint.as_str()).or_default() += 1;
        }
        let mut accepted = 0;
        for report in reports.iter_mut() {
            let prints = Fingerprinter::new(report);
            let keep: Vec<bool> = report
                .findings
                .iter()
                .map(|f| match remaining.get_mut(prints.of(f).as_str()) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                })
                .collect();
            let before = report.findings.len();
            let mut keep = keep.into_iter();
            report.findings.retain(|_| keep.next().unwrap_or(true));
            accepted += before - report.findings.len();
            rescore(report);
        }
        // Entries left over are stale; the last ones of a fingerprint are reported.
        let mut stale = Vec::new();
        for e in self.findings.iter().rev() {
            if let Some(n) = remaining.get_mut(e.fingerprint.as_str())
                && *n > 0
            {
                *n -= 1;
                stale.push(e.clone());
            }
        }
        stale.reverse();
        BaselineOutcome { accepted, stale }
    }
}

fn entry(report: &Report, f: &Finding, prints: &Fingerprinter) -> BaselineEntry {
    BaselineEntry {
        fingerprint: prints.of(f),
        rule: f.rule.to_string(),
        document: report.target.path.clone(),
        text: flagged_text(report, f).to_string(),
    }
}

/// Recomputes segment scores and the summary after findings were removed.
fn rescore(report: &mut Report) {
    let scores: Vec<f64> = report
        .segments
        .iter()
        .map(|s| {
            score::total_penalty(&report.findings[crate::report::segment_findings(report, s.id)])
        })
        .collect();
    for (segment, score) in report.segments.iter_mut().zip(scores) {
        segment.score = score;
    }
    let penalty = score::total_penalty(&report.findings);
    report.summary.findings = report.findings.len();
    report.summary.mqm_penalty = penalty;
    report.summary.mqm_per_100_words =
        score::per_hundred_words(penalty, report.summary.source_words);
}

/// The flagged text of a finding: its target span, else its source span, else nothing.
fn flagged_text<'a>(report: &'a Report, f: &Finding) -> &'a str {
    match (f.target, f.source) {
        (Some(span), _) => report.target.document.slice(span),
        (None, Some(span)) => report.source.document.slice(span),
        (None, None) => "",
    }
}

/// The content fingerprints of one report's findings: 16 hex digits each, stable across runs,
/// machines and versions as long as the rule, the segment's text and the flagged text are the
/// same. The hash reads the rule, then the segment's source and target, then the flagged
/// text: findings of one rule in one segment share all but the last part, hashed once per
/// (segment, rule) here. Hashing it for each finding made a segment holding a whole document
/// cost its length times its findings.
pub struct Fingerprinter<'r> {
    report: &'r Report,
    /// The hash state after the rule and the segment's text, by (segment id, rule).
    prefixes: rustc_hash::FxHashMap<(usize, &'static str), Fnv>,
}

impl<'r> Fingerprinter<'r> {
    pub fn new(report: &'r Report) -> Self {
        let mut keys: Vec<(usize, &'static str)> = report
            .findings
            .iter()
            .map(|f| (f.segment, f.rule))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let prefixes = keys
            .into_par_iter()
            .map(|(segment, rule)| ((segment, rule), segment_prefix(report, segment, rule)))
            .collect();
        Fingerprinter { report, prefixes }
    }

    /// The fingerprint of `f`, a finding of the report.
    pub fn of(&self, f: &Finding) -> String {
        let mut hash = match self.prefixes.get(&(f.segment, f.rule)) {
            Some(prefix) => *prefix,
            None => segment_prefix(self.report, f.segment, f.rule),
        };
        hash.separator();
        hash.collapsed(flagged_text(self.report, f));
        hash.hex()
    }
}

/// The hash of the rule and the segment's source and target: the same as [`fingerprint_of`]
/// over the parts with their white space collapsed, without copying the segment's text.
fn segment_prefix(report: &Report, segment: usize, rule: &str) -> Fnv {
    // The segment ids of a batch of a bilingual file start where the previous batch ended.
    let first_id = report.segments.first().map_or(0, |s| s.id);
    let (source, target) = segment
        .checked_sub(first_id)
        .and_then(|i| report.segments.get(i))
        .map(|s| {
            (
                report.source.document.slice(s.source_span),
                report.target.document.slice(s.target_span),
            )
        })
        .unwrap_or(("", ""));
    let mut hash = Fnv::new();
    hash.part(rule);
    for part in [source, target] {
        hash.separator();
        hash.collapsed(part);
    }
    hash
}

/// Hash of text parts (FNV-1a, 64 bits), written out by hand because the value must never
/// change with a dependency's version. A 0xFF byte, which UTF-8 never contains, separates the
/// parts so that `("ab", "c")` and `("a", "bc")` differ.
pub fn fingerprint_of(parts: &[&str]) -> String {
    let mut hash = Fnv::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash.separator();
        }
        hash.part(part);
    }
    hash.hex()
}

/// The FNV-1a state of [`fingerprint_of`].
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Fnv(Self::OFFSET)
    }

    fn byte(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(Self::PRIME);
    }

    fn part(&mut self, part: &str) {
        part.bytes().for_each(|b| self.byte(b));
    }

    fn separator(&mut self) {
        self.byte(0xFF);
    }

    /// The text trimmed, each run of white space as one space: reflowing a line is not a
    /// change.
    fn collapsed(&mut self, text: &str) {
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                self.byte(b' ');
            }
            self.part(word);
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{CheckOptions, check_texts};

    #[test]
    fn a_fingerprint_hashes_the_parts_with_their_white_space_collapsed() {
        let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        // Two findings of one rule in one segment share the hashed rule and segment text.
        let report = check_texts(
            (
                "en",
                "  Facebook  asked\tBoeing and the banks. ".to_string(),
            ),
            (
                "fr",
                "Facebrook a  demandé à Boieng et aux   banques.".to_string(),
            ),
            &CheckOptions::new("en", "fr"),
        )
        .unwrap();
        let misspelt = report
            .findings
            .iter()
            .filter(|f| f.rule == "entity-misspelt");
        assert_eq!(misspelt.count(), 2, "{:?}", report.findings);
        let prints = Fingerprinter::new(&report);
        for f in &report.findings {
            let s = &report.segments[f.segment];
            let (source, target) = (
                report.source.document.slice(s.source_span),
                report.target.document.slice(s.target_span),
            );
            let parts = [source, target, flagged_text(&report, f)].map(collapse);
            let expected = fingerprint_of(&[f.rule, &parts[0], &parts[1], &parts[2]]);
            assert_eq!(prints.of(f), expected, "{f:?}");
        }
    }

    #[test]
    fn fingerprints_do_not_depend_on_where_a_batch_starts() {
        let mut report = check_texts(
            ("en", EN.to_string()),
            ("fr", FR.to_string()),
            &CheckOptions::new("en", "fr"),
        )
        .unwrap();
        assert!(!report.findings.is_empty());
        let fingerprints = |r: &Report| -> Vec<String> {
            let prints = Fingerprinter::new(r);
            r.findings.iter().map(|f| prints.of(f)).collect()
        };
        let first_batch = fingerprints(&report);
        // What `check_unit_batches` does to a later batch.
        for s in &mut report.segments {
            s.id += 2000;
        }
        for f in &mut report.findings {
            f.segment += 2000;
        }
        assert_eq!(fingerprints(&report), first_batch);
    }

    const EN: &str = "Reports say that Facebook shares rose.\nThe bank lent 3 million dollars.\n";
    const FR: &str = "Les informations disent que les partages de Facebook ont monté.\n\
                      La banque a prêté 3 millions de dollars.\n";

    fn report(source: &str, target: &str) -> Report {
        check_texts(
            ("en.txt", source.to_string()),
            ("fr.txt", target.to_string()),
            &CheckOptions {
                // Line by line, so that the test does not depend on the aligner.
                aligned: true,
                ..CheckOptions::new("en", "fr")
            },
        )
        .unwrap()
    }

    #[test]
    fn fingerprints_separate_parts_and_are_stable() {
        assert_ne!(fingerprint_of(&["ab", "c"]), fingerprint_of(&["a", "bc"]));
        // The empty input hashes to the FNV-1a offset basis: the algorithm is the published one.
        assert_eq!(fingerprint_of(&[]), "cbf29ce484222325");
        assert_eq!(fingerprint_of(&["a"]), "af63dc4c8601ec8c");
    }

    #[test]
    fn edits_elsewhere_keep_fingerprints() {
        let before = report(EN, FR);
        assert!(!before.findings.is_empty());
        let edited_fr = format!("Une phrase ajoutée en tête.\n{FR}");
        let edited_en = format!("A sentence added at the top.\n{EN}");
        let after = report(&edited_en, &edited_fr);
        let prints = |r: &Report| {
            let prints = Fingerprinter::new(r);
            let mut p: Vec<String> = r.findings.iter().map(|f| prints.of(f)).collect();
            p.sort();
            p
        };
        assert_eq!(prints(&before), prints(&after));
    }

    #[test]
    fn baseline_accepts_known_findings_and_reports_stale_entries() {
        let mut reports = vec![report(EN, FR)];
        let total = reports[0].findings.len();
        let mut baseline = Baseline::from_reports(&reports);
        baseline.findings.push(BaselineEntry {
            fingerprint: "0000000000000000".into(),
            rule: "entity-misspelt".into(),
            document: "fr.txt".into(),
            text: "gone".into(),
        });
        let outcome = baseline.apply(&mut reports);
        assert_eq!(outcome.accepted, total);
        assert_eq!(outcome.stale.len(), 1);
        assert_eq!(outcome.stale[0].text, "gone");
        assert!(reports[0].findings.is_empty());
        assert_eq!(reports[0].summary.findings, 0);
        assert_eq!(reports[0].summary.mqm_penalty, 0.0);
    }

    #[test]
    fn only_findings_of_changed_segments_are_new() {
        let baseline = Baseline::from_reports(&[report(EN, FR)]);
        // A new sentence with a new error, and the old ones untouched but moved down.
        let en = format!("Investors said that Facebook met Citibank.\n{EN}");
        let fr = format!("Les investisseurs ont dit que Facebrook a rencontré Citibank.\n{FR}");
        let mut reports = vec![report(&en, &fr)];
        let outcome = baseline.apply(&mut reports);
        assert_eq!(outcome.accepted, baseline.findings.len());
        assert!(outcome.stale.is_empty());
        let new = &reports[0].findings;
        assert!(!new.is_empty());
        assert!(new.iter().all(|f| f.segment == 0), "{new:?}");
        // The file round-trips through JSON.
        let back: Baseline = serde_json::from_str(&baseline.to_json()).unwrap();
        assert_eq!(back, baseline);
    }
}
