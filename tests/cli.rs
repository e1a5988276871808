//! The `transcheck` command line: exit codes, formats, errors.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn seed(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora/afp-facebook-banks")
        .join(file)
}

fn transcheck() -> Command {
    let mut cmd = Command::cargo_bin("transcheck").unwrap();
    cmd.env_remove("NO_COLOR").env("COLUMNS", "100");
    cmd
}

fn json_report(args: &[&str]) -> serde_json::Value {
    let out = transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(seed("fr.txt"))
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn seed_findings_have_exact_spans_and_suggestions() {
    let report = json_report(&[]);
    assert_eq!(report["schema"], "transcheck/report/v1");
    let findings = report["findings"].as_array().unwrap();
    let find = |text: &str| {
        findings
            .iter()
            .find(|f| f["target"]["text"] == text)
            .unwrap_or_else(|| panic!("no finding on {text:?}"))
    };
    let facebrook = find("Facebrook");
    assert_eq!(facebrook["rule"], "entity-misspelt");
    assert_eq!(facebrook["suggestion"], "Facebook");
    assert_eq!(facebrook["target"]["line"], 1);
    assert_eq!(facebrook["target"]["column"], 18);
    let partages = find("Les partages");
    assert_eq!(partages["rule"], "term-false-friend");
    assert_eq!(partages["suggestion"], "Les actions");
    assert_eq!(partages["target"]["line"], 17);
    for sms in ["plateforme de SMS", "service de SMS"] {
        assert!(
            find(sms)["suggestion"]
                .as_str()
                .unwrap()
                .contains("messagerie")
        );
    }
    let summary = &report["summary"];
    assert_eq!(
        summary["findings"].as_u64().unwrap() as usize,
        findings.len()
    );
}

#[test]
fn exit_codes_follow_fail_on() {
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(seed("fr.txt"))
        .assert()
        .code(1);
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(seed("fr.txt"))
        .args(["--fail-on", "critical"])
        .assert()
        .code(0);
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(seed("en.txt"))
        .args(["--from", "en", "--to", "en", "--fail-on", "minor"])
        .assert()
        .code(0);
}

#[test]
fn text_report_marks_spans_without_color_when_piped() {
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(seed("fr.txt"))
        .assert()
        .stdout(predicate::str::contains("[[Facebrook]]"))
        .stdout(predicate::str::contains("\x1b[").not())
        .stdout(predicate::str::contains("summary:"));
}

#[test]
fn invalid_utf8_is_an_error_naming_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Bonjour\n\xC3\x28 le monde").unwrap();
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.txt: invalid UTF-8 at byte offset 8",
        ));
}

#[test]
fn missing_file_unknown_language_and_bad_flags_exit_2() {
    transcheck()
        .arg("check")
        .arg("nope.txt")
        .arg(seed("fr.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.txt"));
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(seed("fr.txt"))
        .args(["--to", "xx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unsupported language `xx`"));
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(seed("fr.txt"))
        .args(["--format", "pdf"])
        .assert()
        .code(2);
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(seed("fr.txt"))
        .args(["--select", "nonsense"])
        .assert()
        .code(2);
}

#[test]
fn output_file_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("fr.txt");
    std::fs::copy(seed("fr.txt"), &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(&target)
        .arg("--output")
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to overwrite"));
    assert_eq!(std::fs::read(&target).unwrap(), before);
    let out = dir.path().join("report.json");
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .arg(&target)
        .args(["--format", "json", "--output"])
        .arg(&out)
        .assert()
        .code(1);
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap();
    assert_eq!(written["schema"], "transcheck/report/v1");
}

#[test]
fn crlf_and_bom_inputs_give_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let en = std::fs::read_to_string(seed("en.txt")).unwrap();
    let fr = std::fs::read_to_string(seed("fr.txt")).unwrap();
    let en_crlf = dir.path().join("en.txt");
    let fr_bom = dir.path().join("fr.txt");
    std::fs::write(&en_crlf, en.replace('\n', "\r\n")).unwrap();
    std::fs::write(&fr_bom, format!("\u{FEFF}{}", fr.replace('\n', "\r\n"))).unwrap();
    let plain = json_report(&[]);
    let out = transcheck()
        .arg("check")
        .arg(&en_crlf)
        .arg(&fr_bom)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let converted: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plain["findings"], converted["findings"]);
}

#[test]
fn aligned_mode_pairs_lines() {
    let report = json_report(&["--aligned"]);
    let segments = report["segments"].as_array().unwrap();
    assert_eq!(segments.len(), 18);
    assert_eq!(segments[7]["source"], serde_json::json!([8]));
    assert_eq!(segments[7]["target"], serde_json::json!([8]));
}

#[test]
fn select_and_ignore_filter_rules() {
    let only = json_report(&["--select", "entity-misspelt"]);
    assert!(
        only["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] == "entity-misspelt")
    );
    let without = json_report(&["--ignore", "accuracy"]);
    assert!(
        without["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["category"].as_str().unwrap().starts_with("accuracy"))
    );
}

#[test]
fn glossary_terms_are_enforced() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("glossary.tsv");
    std::fs::write(
        &glossary,
        "source\ttarget\tforbidden\ncustomer data\tdonnées des clients\tdonnées clients\n",
    )
    .unwrap();
    let report = json_report(&["--glossary", glossary.to_str().unwrap()]);
    let hit = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "term-glossary")
        .unwrap()
        .clone();
    assert_eq!(hit["target"]["text"], "données clients");
    assert_eq!(hit["suggestion"], "données des clients");
}

#[test]
fn rules_and_explain_come_from_the_registry() {
    transcheck()
        .arg("rules")
        .assert()
        .success()
        .stdout(predicate::str::contains("entity-misspelt"))
        .stdout(predicate::str::contains("term-false-friend"));
    transcheck()
        .args(["explain", "number-mismatch"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1,3 milliard"));
    transcheck()
        .args(["explain", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule"));
}

#[test]
fn config_file_next_to_the_files_sets_rules_and_severities() {
    let dir = tempfile::tempdir().unwrap();
    let (en, fr) = (dir.path().join("en.txt"), dir.path().join("fr.txt"));
    std::fs::write(&en, "Is it late? Shares rose 3.6% today.\n").unwrap();
    std::fs::write(
        &fr,
        "Est-il tard\u{00A0}? Les actions ont gagné 3,6% aujourd'hui.\n",
    )
    .unwrap();
    let rules = |args: &[&str]| -> Vec<(String, String)> {
        let out = transcheck()
            .arg("check")
            .arg(&en)
            .arg(&fr)
            .args(["--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert!(rules(&[]).contains(&("typography-spacing".into(), "minor".into())));
    std::fs::write(
        dir.path().join("transcheck.toml"),
        "ignore = [\"locale-convention\"]\n",
    )
    .unwrap();
    assert!(rules(&[]).iter().all(|(r, _)| r != "typography-spacing"));
    std::fs::write(
        dir.path().join("transcheck.toml"),
        "[severity]\ntypography-spacing = \"major\"\n",
    )
    .unwrap();
    assert!(rules(&[]).contains(&("typography-spacing".into(), "major".into())));
    transcheck().arg("check").arg(&en).arg(&fr).assert().code(1);
    std::fs::write(
        dir.path().join("transcheck.toml"),
        "fail-on = \"critical\"\n",
    )
    .unwrap();
    transcheck().arg("check").arg(&en).arg(&fr).assert().code(0);
    std::fs::write(dir.path().join("transcheck.toml"), "fail_on = 3\n").unwrap();
    transcheck()
        .arg("check")
        .arg(&en)
        .arg(&fr)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("transcheck.toml"));
}

#[test]
fn canadian_french_has_no_space_before_question_marks() {
    let dir = tempfile::tempdir().unwrap();
    let (en, fr) = (dir.path().join("en.txt"), dir.path().join("fr.txt"));
    std::fs::write(&en, "Is it late?\n").unwrap();
    std::fs::write(&fr, "Est-il tard?\n").unwrap();
    let count = |args: &[&str]| {
        let out = transcheck()
            .arg("check")
            .arg(&en)
            .arg(&fr)
            .args(["--format", "json", "--select", "typography-spacing"])
            .args(args)
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["findings"].as_array().unwrap().len()
    };
    assert_eq!(count(&[]), 1);
    assert_eq!(count(&["--to", "fr-CA"]), 0);
    assert_eq!(count(&["--variant", "CA"]), 0);
    transcheck()
        .arg("check")
        .arg(&en)
        .arg(&fr)
        .args(["--variant", "XX"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown typography variant"));
}

#[test]
fn german_is_checked_from_its_data_files_alone() {
    // data/de/ and data/de-fr/ hold German; no code names the language.
    let dir = tempfile::tempdir().unwrap();
    let (de, fr) = (dir.path().join("de.txt"), dir.path().join("fr.txt"));
    std::fs::write(&de, "Der Umsatz stieg auf 1,3 Milliarden Euro.\n").unwrap();
    std::fs::write(
        &fr,
        "Le chiffre d'affaires a atteint 13 millions d'euros.\n",
    )
    .unwrap();
    let out = transcheck()
        .arg("check")
        .arg(&de)
        .arg(&fr)
        .args(["--from", "de", "--to", "fr", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["rule"], "number-mismatch");
    assert_eq!(findings[0]["source"]["text"], "1,3 Milliarden");
}

#[test]
fn cargo_run_runs_the_checker_as_the_readme_says() {
    // With two binaries (transcheck, transcheck-eval), `cargo run -- check …` needs a default.
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    assert!(manifest.contains("default-run = \"transcheck\""));
}
