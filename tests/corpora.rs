//! Runs every regression case under `corpora/` and compares the findings with its annotation.

use std::path::Path;
use transcheck::corpus::{find_cases, run_case};

#[test]
fn every_corpus_case_matches_its_annotation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let cases = find_cases(&root).unwrap();
    assert!(!cases.is_empty(), "no cases under {}", root.display());
    let mut failures = Vec::new();
    for case in cases {
        let result = run_case(&case).unwrap();
        println!(
            "{}: recall {}/{} ({:.2}), {} extra findings",
            result.name,
            result.found,
            result.errors,
            result.recall(),
            result.extra.len()
        );
        for (severity, rule, line, text) in &result.extra {
            println!("  extra: {severity} {rule} line {line}: {text:?}");
        }
        if !result.passed() {
            failures.push(format!(
                "{}: regressions {:?}; found but annotated missed {:?}; on clean lines {:?}",
                result.name,
                result
                    .regressions
                    .iter()
                    .map(|e| (e.line, &e.text))
                    .collect::<Vec<_>>(),
                result
                    .improvements
                    .iter()
                    .map(|e| (e.line, &e.text))
                    .collect::<Vec<_>>(),
                result.clean_line_findings
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
