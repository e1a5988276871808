//! The CI workflow from the command line: baselines, `diff`, `test` over corpora, several
//! document pairs and their errors.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn seed(file: &str) -> PathBuf {
    root().join("corpora/afp-facebook-banks").join(file)
}

fn transcheck() -> Command {
    let mut cmd = Command::cargo_bin("transcheck").unwrap();
    cmd.env("COLUMNS", "100");
    cmd
}

/// Number of findings in a JSON report file (one pair or several).
fn finding_count(report: &Path) -> usize {
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(report).unwrap()).unwrap();
    match json["documents"].as_array() {
        Some(docs) => docs
            .iter()
            .map(|d| d["findings"].as_array().unwrap().len())
            .sum(),
        None => json["findings"].as_array().unwrap().len(),
    }
}

/// A copy of the seed pair in a temporary directory, to edit.
fn seed_copy() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (en, fr) = (dir.path().join("en.txt"), dir.path().join("fr.txt"));
    std::fs::copy(seed("en.txt"), &en).unwrap();
    std::fs::copy(seed("fr.txt"), &fr).unwrap();
    (dir, en, fr)
}

#[test]
fn a_baseline_accepts_known_findings_and_fails_on_new_ones() {
    let (dir, en, fr) = seed_copy();
    let baseline = dir.path().join("baseline.json");
    let report = dir.path().join("report.json");
    transcheck()
        .arg("check")
        .args([&en, &fr])
        .args(["--format", "json", "--output"])
        .arg(&report)
        .assert()
        .code(1);
    let all = finding_count(&report);
    transcheck()
        .arg("check")
        .args([&en, &fr])
        .arg("--write-baseline")
        .arg(&baseline)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!(
            "wrote {all} accepted findings"
        )));
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&baseline).unwrap()).unwrap();
    assert_eq!(written["schema"], "transcheck/baseline/v1");
    assert_eq!(written["findings"].as_array().unwrap().len(), all);

    // Nothing new: clean exit, even though the findings are still there.
    transcheck()
        .arg("check")
        .args([&en, &fr])
        .arg("--baseline")
        .arg(&baseline)
        .args(["--fail-on", "minor"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!(
            "{all} findings accepted by the baseline"
        )));

    // A new paragraph at the top moves every line; one new error is the only finding.
    let prepend = |path: &Path, line: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, format!("{line}\n{text}")).unwrap();
    };
    prepend(&en, "Analysts said that Citibank lent 3 million dollars.");
    prepend(
        &fr,
        "Les analystes ont dit que Citibank a prêté 30 millions de dollars.",
    );
    let out = transcheck()
        .arg("check")
        .args([&en, &fr])
        .arg("--baseline")
        .arg(&baseline)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["rule"], "number-mismatch");
    assert_eq!(findings[0]["target"]["line"], 1);
}

#[test]
fn fixed_findings_leave_stale_baseline_entries() {
    let (dir, en, fr) = seed_copy();
    let baseline = dir.path().join("baseline.json");
    transcheck()
        .arg("check")
        .args([&en, &fr])
        .arg("--write-baseline")
        .arg(&baseline)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&fr).unwrap();
    std::fs::write(&fr, text.replace("Facebrook", "Facebook")).unwrap();
    transcheck()
        .arg("check")
        .args([&en, &fr])
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .stderr(predicate::str::contains("stale baseline entries"))
        .stderr(predicate::str::contains("entity-misspelt `Facebrook`"));
}

#[test]
fn a_broken_baseline_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    std::fs::write(&baseline, "{\"schema\": \"other\", \"findings\": []}").unwrap();
    transcheck()
        .arg("check")
        .args([seed("en.txt"), seed("fr.txt")])
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not `transcheck/baseline/v1`"));
    transcheck()
        .arg("check")
        .args([seed("en.txt"), seed("fr.txt")])
        .arg("--write-baseline")
        .arg(seed("fr.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to overwrite"));
}

#[test]
fn diff_reports_new_fixed_and_unchanged_findings() {
    let (dir, en, fr) = seed_copy();
    let report = |name: &str| {
        let path = dir.path().join(name);
        transcheck()
            .arg("check")
            .args([&en, &fr])
            .args(["--format", "json", "--output"])
            .arg(&path)
            .assert()
            .code(1);
        path
    };
    let old = report("old.json");
    let text = std::fs::read_to_string(&fr).unwrap();
    let edited = format!(
        "Les analystes ont dit que Citibank a prêté 30 millions de dollars.\n{}",
        text.replace("Facebrook", "Facebook")
    );
    std::fs::write(&fr, edited).unwrap();
    let text = std::fs::read_to_string(&en).unwrap();
    std::fs::write(
        &en,
        format!("Analysts said that Citibank lent 3 million dollars.\n{text}"),
    )
    .unwrap();
    let new = report("new.json");
    // The edit fixes one finding and adds one; everything else is unchanged.
    let unchanged = finding_count(&old) - 1;
    transcheck()
        .arg("diff")
        .args([&old, &new])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+ new   major    number-mismatch"))
        .stdout(predicate::str::contains("- fixed major    entity-misspelt"))
        .stdout(predicate::str::contains(format!(
            "1 new, 1 fixed, {unchanged} unchanged"
        )));
    let out = transcheck()
        .arg("diff")
        .args([&old, &new])
        .args(["--format", "json"])
        .output()
        .unwrap();
    let diff: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(diff["schema"], "transcheck/diff/v1");
    assert_eq!(diff["fixed"][0]["text"], "Facebrook");
    // Against itself: nothing new, exit 0.
    transcheck()
        .arg("diff")
        .args([&old, &old])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "0 new, 0 fixed, {} unchanged",
            finding_count(&old)
        )));
    transcheck()
        .arg("diff")
        .arg(&old)
        .arg(seed("fr.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a transcheck JSON report"));
}

#[test]
fn test_runs_the_project_corpora() {
    transcheck()
        .arg("test")
        .arg(root().join("corpora"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("PASS afp-facebook-banks"))
        .stdout(predicate::str::contains("1 passed, 0 failed"));
}

#[test]
fn test_fails_when_a_case_regresses() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("broken");
    std::fs::create_dir(&case).unwrap();
    std::fs::write(
        case.join("en.txt"),
        "Investors said that Facebook met Citibank.\n",
    )
    .unwrap();
    std::fs::write(
        case.join("fr.txt"),
        "Les investisseurs ont dit que Facebook a rencontré Citibank.\n",
    )
    .unwrap();
    std::fs::write(
        case.join("expected.toml"),
        r#"source = "en.txt"
target = "fr.txt"
from = "en"
to = "fr"

[[error]]
line = 1
text = "Citibank"
category = "fluency/spelling"
severity = "major"
note = "annotated as found, but the text is right: a regression"
expect = "found"
"#,
    )
    .unwrap();
    transcheck()
        .arg("test")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FAIL broken"))
        .stdout(predicate::str::contains(
            "missed (annotated found): line 1: `Citibank`",
        ))
        .stdout(predicate::str::contains("0 passed, 1 failed"));
    transcheck()
        .arg("test")
        .arg(dir.path().join("nowhere"))
        .assert()
        .code(2);
}

#[test]
fn directory_and_manifest_errors_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let (en, fr) = (dir.path().join("en"), dir.path().join("fr"));
    std::fs::create_dir(&en).unwrap();
    std::fs::create_dir(&fr).unwrap();
    std::fs::copy(seed("en.txt"), en.join("a.txt")).unwrap();
    transcheck()
        .arg("check")
        .args([&en, &fr])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no translation at"));
    transcheck()
        .arg("check")
        .arg(&en)
        .arg(seed("fr.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "both be files or both be directories",
        ));
    let manifest = dir.path().join("pairs.tsv");
    std::fs::write(&manifest, "a.txt b.txt\n").unwrap();
    transcheck()
        .arg("check")
        .arg("--manifest")
        .arg(&manifest)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 1: expected `SOURCE<TAB>TARGET`",
        ));
}

#[test]
fn diff_reads_reports_of_several_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("pairs.json");
    transcheck()
        .current_dir(root())
        .args([
            "check",
            "tests/fixtures/pairs/en",
            "tests/fixtures/pairs/fr",
        ])
        .args(["--format", "json", "--output"])
        .arg(&report)
        .assert()
        .code(1);
    transcheck()
        .arg("diff")
        .args([&report, &report])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "0 new, 0 fixed, {} unchanged",
            finding_count(&report)
        )));
}
