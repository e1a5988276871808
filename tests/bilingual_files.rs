//! Bilingual files on the command line: every format yields the plain pair's findings with
//! unit ids and file positions; hostile and malformed files end in a clear error, exit 2.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn seed(file: &str) -> PathBuf {
    root().join("corpora/afp-facebook-banks").join(file)
}

fn fixture(file: &str) -> PathBuf {
    root().join("tests/fixtures/formats").join(file)
}

fn transcheck() -> Command {
    let mut cmd = Command::cargo_bin("transcheck").unwrap();
    cmd.env_remove("NO_COLOR").env("COLUMNS", "100");
    cmd
}

fn json(args: &[&std::ffi::OsStr]) -> Value {
    let out = transcheck()
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// What a finding says, wherever it is.
fn gist(f: &Value) -> (String, String, String, String, String, String) {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    (
        s(&f["rule"]),
        s(&f["severity"]),
        s(&f["message"]),
        s(&f["suggestion"]),
        s(&f["source"]["text"]),
        s(&f["target"]["text"]),
    )
}

/// The text at a reported line and column of a file, with XML/JSON/PO escapes of the
/// seed (`&amp;`, `\"`, `""`) undone well enough to compare a prefix.
fn text_at(path: &Path, line: u64, column: u64) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let line = text.lines().nth(line as usize - 1).unwrap();
    line.chars()
        .skip(column as usize - 1)
        .collect::<String>()
        .replace("&amp;", "&")
        .replace("\\\"", "\"")
        .replace("\"\"", "\"")
}

const SEED_FORMATS: &[&str] = &[
    "seed.tsv",
    "seed.csv",
    "seed.jsonl",
    "seed.tmx",
    "seed.xlf",
    "seed.xliff2.xlf",
    "seed.po",
];

#[test]
fn seed_in_every_format_gives_the_plain_pairs_findings_with_ids_and_positions() {
    let plain = json(&[
        seed("en.txt").as_os_str(),
        seed("fr.txt").as_os_str(),
        "--aligned".as_ref(),
    ]);
    let expected: Vec<_> = plain["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(gist)
        .collect();
    assert!(expected.len() >= 5, "the seed has findings to compare");
    for name in SEED_FORMATS {
        let path = seed("formats").join(name);
        let report = json(&[path.as_os_str()]);
        let findings = report["findings"].as_array().unwrap();
        let got: Vec<_> = findings.iter().map(gist).collect();
        assert_eq!(got, expected, "{name}: findings differ from the plain pair");
        assert_eq!(
            report["summary"]["segments"], plain["summary"]["segments"],
            "{name}"
        );
        assert_eq!(
            report["summary"]["source_words"], plain["summary"]["source_words"],
            "{name}"
        );
        for (f, p) in findings.iter().zip(plain["findings"].as_array().unwrap()) {
            // Unit pN is line N of the plain pair.
            let plain_line = p["target"]["line"]
                .as_u64()
                .or(p["source"]["line"].as_u64());
            assert_eq!(
                f["unit"],
                format!("p{}", plain_line.unwrap()),
                "{name}: {f}"
            );
            for side in ["source", "target"] {
                let at = &f[side];
                if at.is_null() {
                    continue;
                }
                let found = text_at(
                    &path,
                    at["line"].as_u64().unwrap(),
                    at["column"].as_u64().unwrap(),
                );
                let wanted: String = at["text"].as_str().unwrap().chars().take(20).collect();
                assert!(
                    found.starts_with(&wanted),
                    "{name}: {side} at {}:{} reads {found:?}, not {wanted:?}",
                    at["line"],
                    at["column"]
                );
            }
        }
        let segment = &report["segments"][0];
        assert_eq!(segment["unit"], "p1", "{name}");
    }
}

#[test]
fn input_format_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("seed.txt");
    std::fs::copy(seed("formats/seed.tmx"), &renamed).unwrap();
    // Detected from the content…
    let report = json(&[renamed.as_os_str()]);
    assert_eq!(report["segments"][0]["unit"], "p1");
    // …or named.
    std::fs::copy(seed("formats/seed.po"), &renamed).unwrap();
    let report = json(&[
        renamed.as_os_str(),
        "--input-format".as_ref(),
        "po".as_ref(),
    ]);
    assert_eq!(report["segments"][0]["unit"], "p1");
    transcheck()
        .arg("check")
        .arg(&renamed)
        .args(["--input-format", "tmx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("seed.txt:1:"));
}

#[test]
fn billion_laughs_is_refused_without_expansion() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    transcheck()
        .arg("check")
        .arg(fixture("billion-laughs.tmx"))
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "billion-laughs.tmx:18:38: entity `&lol9;` is not expanded",
        ));
    assert!(!out.exists(), "nothing is written on error");
}

#[test]
fn external_entities_are_never_resolved() {
    transcheck()
        .arg("check")
        .arg(fixture("xxe.xlf"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "xxe.xlf:11:25: entity `&xxe;` is not expanded",
        ))
        .stderr(predicate::str::contains("root:").not());
}

#[test]
fn malformed_xml_names_file_line_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.txt");
    transcheck()
        .arg("check")
        .arg(fixture("malformed.xlf"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("malformed.xlf:10:"))
        .stderr(predicate::str::contains("</g>"));
    assert!(!out.exists());
}

#[test]
fn unknown_format_is_an_error() {
    transcheck()
        .arg("check")
        .arg(seed("en.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--input-format"));
}

/// `(unit, rule, message)` of every finding of a fixture.
fn findings(file: &str, extra: &[&str]) -> Vec<(String, String, String)> {
    let path = fixture(file);
    let mut args: Vec<&std::ffi::OsStr> = vec![path.as_os_str()];
    args.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
    json(&args)["findings"]
        .as_array()
        .unwrap()
        .iter()
        // Informational findings (a breakable space before `:`) are hints, not what these
        // tests are about.
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["unit"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(found: &[(String, String, String)], unit: &str, rule: &str, message: &str) -> bool {
    found
        .iter()
        .any(|(u, r, m)| u == unit && r == rule && m.contains(message))
}

#[test]
fn trados_segmented_units_and_tags() {
    let report = json(&[fixture("trados.sdlxliff").as_os_str()]);
    let units: Vec<&str> = report["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["unit"].as_str().unwrap())
        .collect();
    assert_eq!(
        units,
        ["a1b2c3#1", "a1b2c3#2", "d4e5f6#3"],
        "translate=no is skipped"
    );
    let found = findings("trados.sdlxliff", &[]);
    assert!(
        has(
            &found,
            "d4e5f6#3",
            "placeholder-mismatch",
            "`<1/>` is missing"
        ),
        "{found:?}"
    );
    assert!(
        !has(&found, "a1b2c3#1", "placeholder-mismatch", ""),
        "{found:?}"
    );
}

#[test]
fn memoq_states_alt_trans_and_empty_targets() {
    let report = json(&[fixture("memoq.xlf").as_os_str()]);
    let fuzzy: Vec<bool> = report["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["fuzzy"].as_bool().unwrap_or(false))
        .collect();
    assert_eq!(fuzzy, [false, true, false, false]);
    let found = findings("memoq.xlf", &[]);
    assert!(
        has(&found, "2", "placeholder-mismatch", "`<1/>` is missing"),
        "{found:?}"
    );
    assert!(has(&found, "3", "untranslated", "empty"), "{found:?}");
    // The alt-trans target ("Salut !") is not the unit's target.
    assert!(!has(&found, "1", "", ""), "{found:?}");
}

#[test]
fn xliff2_segments_states_and_tag_order() {
    let report = json(&[fixture("okapi.xliff2.xlf").as_os_str()]);
    let segments = report["segments"].as_array().unwrap();
    let units: Vec<&str> = segments
        .iter()
        .map(|s| s["unit"].as_str().unwrap())
        .collect();
    assert_eq!(units, ["u1#s1", "u1#s2", "u3"]);
    assert_eq!(segments[1]["fuzzy"], true);
    let found = findings("okapi.xliff2.xlf", &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(has(
        &found,
        "u1#s2",
        "placeholder-mismatch",
        "`</1>` closes a tag before it is opened"
    ));
}

#[test]
fn tmx_languages_and_inline_codes() {
    let found = findings("omegat.tmx", &[]);
    assert!(
        has(&found, "t1", "placeholder-mismatch", "`<2/>` is missing"),
        "{found:?}"
    );
    assert!(has(&found, "t3", "untranslated", "empty"), "{found:?}");
    assert!(!has(&found, "t2", "", ""), "{found:?}");
    // With the languages swapped, French is the source and the English ph is added.
    let found = findings("omegat.tmx", &["--from", "fr", "--to", "en"]);
    assert!(
        has(
            &found,
            "t1",
            "placeholder-mismatch",
            "`<2/>` is not in the source"
        ),
        "{found:?}"
    );
}

#[test]
fn po_plurals_fuzzy_and_printf_order() {
    let report = json(&[fixture("app.po").as_os_str()]);
    let segments = report["segments"].as_array().unwrap();
    let flagged: Vec<(&str, bool)> = segments
        .iter()
        .map(|s| {
            (
                s["unit"].as_str().unwrap(),
                s["fuzzy"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    assert_eq!(
        flagged,
        [
            ("src/main.c:10", false),
            ("src/main.c:22", false),
            ("src/files.c:5[0]", true),
            ("src/files.c:5[1]", true),
            ("src/files.c:9", false)
        ]
    );
    let found = findings("app.po", &[]);
    assert!(has(
        &found,
        "src/main.c:22",
        "placeholder-mismatch",
        "cannot be reordered"
    ));
    assert!(has(
        &found,
        "src/files.c:5[0]",
        "placeholder-mismatch",
        "`%d` is missing"
    ));
    assert!(has(&found, "src/files.c:9", "untranslated", "empty"));
    let at = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["unit"] == "src/main.c:22")
        .unwrap();
    assert_eq!(
        (
            at["target"]["line"].as_u64(),
            at["target"]["column"].as_u64()
        ),
        (Some(18), Some(9))
    );
}

#[test]
fn quoted_csv() {
    let found = findings("quoted.csv", &[]);
    assert_eq!(
        found,
        [(
            "q3".to_string(),
            "untranslated".to_string(),
            "the target is empty".to_string()
        )]
    );
}

#[test]
fn tbx_and_csv_glossaries_flag_forbidden_terms() {
    for glossary in ["termbase.tbx", "glossary.csv", "glossary.tsv"] {
        let report = json(&[
            seed("formats/seed.xlf").as_os_str(),
            "--glossary".as_ref(),
            fixture(glossary).as_os_str(),
        ]);
        let forbidden: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "term-glossary")
            .filter_map(|f| f["target"]["text"].as_str())
            .collect();
        assert!(!forbidden.is_empty(), "{glossary}: {report}");
        assert!(
            forbidden
                .iter()
                .all(|t| t.ends_with("partages") || *t == "plateforme de SMS"),
            "{glossary}: {forbidden:?}"
        );
    }
}

#[test]
fn text_report_names_units() {
    transcheck()
        .arg("check")
        .arg(fixture("app.po"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("unit src/files.c:5[0] (fuzzy)"))
        .stdout(predicate::str::contains("app.po"));
}

#[test]
fn utf16_files_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.txt");
    let text = "\u{FEFF}id\tsource\ttarget\r\nk1\tCancel\t\r\nk2\tShares rose.\tLes partages ont augmenté.\r\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(&path, bytes).unwrap();
    let found = json(&[path.as_os_str()]);
    let findings: Vec<(&str, &str)> = found["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["unit"].as_str().unwrap(), f["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(
        findings,
        [("k1", "untranslated"), ("k2", "term-false-friend")]
    );
    let partages = &found["findings"][1]["target"];
    assert_eq!(
        (partages["line"].as_u64(), partages["column"].as_u64()),
        (Some(3), Some(17))
    );
}

/// Plain texts from Windows tools ("Unicode text") are UTF-16 too: read whole for a document
/// check, and line by line when the check streams.
#[test]
fn utf16_plain_texts_are_decoded_whole_and_streamed() {
    let dir = tempfile::tempdir().unwrap();
    let (source, target) = (dir.path().join("en.txt"), dir.path().join("fr.txt"));
    let utf16 = |text: &str, big_endian: bool| -> Vec<u8> {
        format!("\u{FEFF}{text}")
            .encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect()
    };
    std::fs::write(
        &source,
        utf16("Shares rose by 3%.\r\nThe bank closed.\r\n", false),
    )
    .unwrap();
    let target_text = "Les partages ont augmenté de 3 %.\r\nLa banque a fermé.\r\n";
    std::fs::write(&target, utf16(target_text, true)).unwrap();
    for extra in [
        &["--format", "json"][..],
        &["--aligned", "--format", "jsonl"][..],
    ] {
        let output = Command::cargo_bin("transcheck")
            .unwrap()
            .args(["check", "--from", "en", "--to", "fr"])
            .args(extra)
            .arg(&source)
            .arg(&target)
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(1), "{extra:?}: {stdout}");
        assert!(stdout.contains("term-false-friend"), "{extra:?}: {stdout}");
        assert!(!stdout.contains("invalid"), "{extra:?}: {stdout}");
    }
}
