//! Snapshots of every output format on the seed corpus (and of the multi-document formats on
//! two small pairs). Paths are relative to the crate root, so snapshots name no machine path.

use assert_cmd::Command;

const SEED: [&str; 2] = [
    "corpora/afp-facebook-banks/en.txt",
    "corpora/afp-facebook-banks/fr.txt",
];
const PAIRS: [&str; 2] = ["tests/fixtures/pairs/en", "tests/fixtures/pairs/fr"];

fn transcheck() -> Command {
    let mut cmd = Command::cargo_bin("transcheck").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100");
    cmd
}

/// Standard output of `check` (exit 1: the inputs have findings).
fn check(inputs: &[&str], format: &str) -> String {
    let out = transcheck()
        .arg("check")
        .args(inputs)
        .args(["--format", format])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

macro_rules! seed_snapshot {
    ($name:ident, $format:literal) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(concat!("seed_", $format), check(&SEED, $format));
        }
    };
}

seed_snapshot!(seed_text, "text");
seed_snapshot!(seed_json, "json");
seed_snapshot!(seed_html, "html");
seed_snapshot!(seed_sarif, "sarif");
seed_snapshot!(seed_junit, "junit");
seed_snapshot!(seed_github, "github");
seed_snapshot!(seed_tsv, "tsv");
seed_snapshot!(seed_csv, "csv");
seed_snapshot!(seed_markdown, "markdown");

#[test]
fn several_pairs_text_and_json() {
    insta::assert_snapshot!("pairs_text", check(&PAIRS, "text"));
    insta::assert_snapshot!("pairs_json", check(&PAIRS, "json"));
    insta::assert_snapshot!("pairs_junit", check(&PAIRS, "junit"));
}

#[test]
fn a_manifest_gives_the_same_report_as_the_directories() {
    let manifest = check(&["--manifest", "tests/fixtures/pairs/manifest.tsv"], "json");
    assert_eq!(manifest, check(&PAIRS, "json"));
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let run = |threads: &str, format: &str| {
        let out = transcheck()
            .env("RAYON_NUM_THREADS", threads)
            .arg("check")
            .args(PAIRS)
            .args(["--format", format])
            .output()
            .unwrap();
        out.stdout
    };
    for format in ["json", "sarif", "html"] {
        assert_eq!(run("1", format), run("4", format), "{format}");
    }
}

#[test]
fn html_is_self_contained() {
    let html = check(&SEED, "html");
    for external in [
        "src=",
        "href=\"http",
        "url(",
        "@import",
        "http://",
        "https://",
    ] {
        assert!(!html.contains(external), "the page refers to {external}");
    }
    assert!(html.contains("<script>") && html.contains("<style>"));
    // Every finding is listed once and highlighted in the text.
    let findings =
        serde_json::from_str::<serde_json::Value>(&check(&SEED, "json")).unwrap()["findings"]
            .as_array()
            .unwrap()
            .len();
    assert_eq!(html.matches("<li class=\"finding ").count(), findings);
    assert!(html.contains("data-f=\"f0-0\" title=\"major entity-misspelt"));
}

#[test]
fn csv_and_tsv_have_one_row_per_finding() {
    let json: serde_json::Value = serde_json::from_str(&check(&SEED, "json")).unwrap();
    let findings = json["findings"].as_array().unwrap().len();
    assert_eq!(check(&SEED, "tsv").lines().count(), findings + 1);
    assert_eq!(check(&SEED, "csv").matches("\r\n").count(), findings + 1);
    assert_eq!(check(&SEED, "github").lines().count(), findings);
}
