//! `transcheck test DIR`: runs every regression case under DIR and reports pass or fail.

use super::EXIT_FINDINGS;
use clap::Args;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use transcheck::corpus::{CaseResult, find_cases, run_case};

#[derive(Args)]
pub struct TestArgs {
    /// A corpora directory (each case a subdirectory with `expected.toml`), or one case.
    dir: PathBuf,
    /// Also list findings that match no annotated error.
    #[arg(long)]
    verbose: bool,
}

/// Exit 1 when any case fails.
pub fn run(args: TestArgs) -> anyhow::Result<ExitCode> {
    let cases = find_cases(&args.dir)?;
    if cases.is_empty() {
        anyhow::bail!(
            "{}: no case (a directory with expected.toml)",
            args.dir.display()
        );
    }
    let (mut passed, mut failed) = (0, 0);
    for case in &cases {
        let result = run_case(case)?;
        if result.passed() {
            passed += 1;
        } else {
            failed += 1;
        }
        print!("{}", describe(&result, args.verbose));
    }
    println!("{passed} passed, {failed} failed");
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    })
}

fn describe(result: &CaseResult, verbose: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}: recall {}/{} ({:.2}), {} extra findings",
        if result.passed() { "PASS" } else { "FAIL" },
        result.name,
        result.found,
        result.errors,
        result.recall(),
        result.extra.len()
    );
    for e in &result.regressions {
        let _ = writeln!(
            out,
            "  missed (annotated found): line {}: `{}`",
            e.line, e.text
        );
    }
    for e in &result.improvements {
        let _ = writeln!(
            out,
            "  found (annotated missed, update expected.toml): line {}: `{}`",
            e.line, e.text
        );
    }
    for (line, rule, text) in &result.clean_line_findings {
        let _ = writeln!(
            out,
            "  finding on a clean line: line {line}: {rule} `{text}`"
        );
    }
    if verbose {
        for (severity, rule, line, text) in &result.extra {
            let _ = writeln!(out, "  extra: {severity} {rule} line {line}: `{text}`");
        }
    }
    out
}
