//! SARIF 2.1.0: one run, every rule of the registry as rule metadata, one result per finding
//! located in the target (or source) file, with the other side as a related location.

use super::{Anchor, Location, RenderOptions};
use crate::checks::{Rule, rules};
use crate::model::{Finding, Severity};
use crate::pipeline::{CheckedDocument, Report};
use serde_json::{Value, json};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(reports: &[Report], _options: &RenderOptions) -> String {
    let results: Vec<Value> = super::all_fingerprinted(reports)
        .map(|(report, f, fingerprint)| result(report, f, fingerprint))
        .collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver() },
            // Columns count characters, as in every transcheck report.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).expect("SARIF serializes");
    out.push('\n');
    out
}

fn driver() -> Value {
    json!({
        "name": "transcheck",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules().map(rule_metadata).collect::<Vec<_>>(),
    })
}

fn rule_metadata(rule: &Rule) -> Value {
    let example = &rule.example;
    let help = format!(
        "{}\n\nSource: {}\nBad:    {}\nGood:   {}",
        rule.explanation, example.source, example.bad, example.good
    );
    json!({
        "id": rule.id,
        "name": rule.id,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": rule.explanation },
        "help": { "text": help },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": {
            "category": rule.category,
            "severity": rule.severity.as_str(),
            "tags": [rule.category],
        },
    })
}

/// SARIF has three levels: transcheck's major and critical are errors.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::Major => "error",
        Severity::Minor => "warning",
        Severity::Info => "note",
    }
}

fn result(report: &Report, f: &Finding, fingerprint: String) -> Value {
    let rule_index = rules().position(|r| r.id == f.rule);
    let mut message = f.message.clone();
    if let Some(s) = &f.suggestion {
        message.push_str(&format!(" (suggestion: {s})"));
    }
    let mut result = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": message },
        "locations": [],
        "partialFingerprints": { "transcheck/content/v1": fingerprint },
        "properties": {
            "category": f.category,
            "severity": f.severity.as_str(),
            "segment": f.segment + 1,
            "suggestion": f.suggestion,
        },
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    match Anchor::of(report, f) {
        Some(anchor) => result["locations"] = json!([physical_location(&anchor)]),
        None => result["locations"] = json!([artifact_only(&report.target)]),
    }
    // The source side, when the finding is anchored in the target, is where to compare.
    if let (Some(_), Some(span)) = (f.target, f.source) {
        let at = Location::of(&report.source, span);
        result["relatedLocations"] = json!([{
            "id": 1,
            "message": { "text": "source" },
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&report.source.path) },
                "region": {
                    "startLine": at.line,
                    "startColumn": at.column,
                    "snippet": { "text": at.text },
                },
            },
        }]);
    }
    result
}

fn physical_location(anchor: &Anchor) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&anchor.doc.path) },
            "region": {
                "startLine": anchor.start.line,
                "startColumn": anchor.start.column,
                "endLine": anchor.end_line,
                "endColumn": anchor.end_column,
                "snippet": { "text": anchor.start.text },
            },
        },
    })
}

fn artifact_only(doc: &CheckedDocument) -> Value {
    json!({ "physicalLocation": { "artifactLocation": { "uri": uri(&doc.path) } } })
}

/// A path as a URI reference: relative paths stay relative (code scanning resolves them
/// against the repository), separators become `/`, and characters URIs reserve are escaped.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for c in path.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' | ':' => out.push(c),
            _ => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uris_escape_what_they_must() {
        assert_eq!(uri("docs/fr.txt"), "docs/fr.txt");
        assert_eq!(uri("a b\\é.txt"), "a%20b/%C3%A9.txt");
        assert_eq!(uri("/tmp/x.txt"), "file:///tmp/x.txt");
    }
}
