//! The SARIF output validates against the SARIF 2.1.0 JSON schema (vendored, see
//! `tests/schemas/README.md`; no network at test time).

use assert_cmd::Command;
use serde_json::Value;

/// The schema's `language` patterns (of `run` and `toolComponent`) have a stray `]`, a literal
/// in JavaScript regexes but rejected by the validator's regex check; escaping it keeps the
/// meaning. transcheck writes no `language`, so this changes nothing the tests check.
const LANGUAGE_PATTERN: &str = r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
const LANGUAGE_PATTERN_ESCAPED: &str = r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\]?$";

fn schema() -> jsonschema::Validator {
    let text = include_str!("schemas/sarif-2.1.0-rtm.5.json");
    let mut schema: Value = serde_json::from_str(text).unwrap();
    for definition in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][definition]["properties"]["language"]["pattern"];
        assert_eq!(language, LANGUAGE_PATTERN, "the vendored schema changed");
        *language = LANGUAGE_PATTERN_ESCAPED.into();
    }
    jsonschema::draft4::new(&schema).expect("the SARIF schema compiles")
}

fn sarif(args: &[&str]) -> Value {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("check")
        .args(args)
        .args(["--format", "sarif"])
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn seed_report_is_valid_sarif_2_1_0() {
    let log = sarif(&[
        "corpora/afp-facebook-banks/en.txt",
        "corpora/afp-facebook-banks/fr.txt",
    ]);
    let validator = schema();
    assert_eq!(errors(&validator, &log), Vec::<String>::new());
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), transcheck::checks::rules().count());
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
    }
}

#[test]
fn a_report_without_findings_is_valid_too() {
    let log = sarif(&[
        "corpora/afp-facebook-banks/en.txt",
        "corpora/afp-facebook-banks/en.txt",
        "--from",
        "en",
        "--to",
        "en",
        "--select",
        "number-mismatch",
    ]);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(errors(&schema(), &log), Vec::<String>::new());
}

#[test]
fn the_schema_rejects_what_sarif_forbids() {
    // Guards the test itself: a validator that accepted anything would prove nothing.
    let mut log = sarif(&[
        "corpora/afp-facebook-banks/en.txt",
        "corpora/afp-facebook-banks/fr.txt",
    ]);
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    log["version"] = "2.0.0".into();
    assert_eq!(errors(&schema(), &log).len(), 2);
}
