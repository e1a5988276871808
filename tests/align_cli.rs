//! `transcheck align`: formats, pre-segmented input, errors. Uses only files written here.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::PathBuf;
use tempfile::TempDir;

fn transcheck() -> Command {
    Command::cargo_bin("transcheck").unwrap()
}

/// Writes `text` to `name` under `dir`, creating its directories (`en/sub/b.txt`).
fn write(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

const EN: &str = "The Commission met on 12 May 2004 in Brussels.
Mr Barroso presented the report on fisheries.
Is that acceptable?
The vote will take place tomorrow at 12 noon.
";

/// The second English sentence is translated by two French sentences.
const FR: &str = "La Commission s'est réunie le 12 mai 2004 à Bruxelles.
M. Barroso a présenté le rapport. Il concerne la pêche.
Est-ce acceptable ?
Le vote aura lieu demain à 12 heures.
";

#[test]
fn presegmented_beads_use_line_numbers() {
    let dir = TempDir::new().unwrap();
    let fr_lines = FR.replace("rapport. Il", "rapport.\nIl");
    let (en, fr) = (write(&dir, "en.txt", EN), write(&dir, "fr.txt", &fr_lines));
    transcheck()
        .args(["align", "--presegmented"])
        .arg(&en)
        .arg(&fr)
        .assert()
        .success()
        .stdout("[0]:[0]\n[1]:[1, 2]\n[2]:[3]\n[3]:[4]\n");
}

#[test]
fn splits_sentences_when_not_presegmented() {
    let dir = TempDir::new().unwrap();
    let (en, fr) = (write(&dir, "en.txt", EN), write(&dir, "fr.txt", FR));
    transcheck()
        .arg("align")
        .arg(&en)
        .arg(&fr)
        .assert()
        .success()
        .stdout("[0]:[0]\n[1]:[1, 2]\n[2]:[3]\n[3]:[4]\n");
}

#[test]
fn tsv_puts_sentences_side_by_side_with_a_confidence() {
    let dir = TempDir::new().unwrap();
    let (en, fr) = (write(&dir, "en.txt", EN), write(&dir, "fr.txt", FR));
    let out = transcheck()
        .args(["align", "--format", "tsv"])
        .arg(&en)
        .arg(&fr)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[1][1],
        "M. Barroso a présenté le rapport. Il concerne la pêche."
    );
    for row in rows {
        let confidence: f64 = row[2].parse().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
    }
}

#[test]
fn json_lists_indices_texts_and_confidence() {
    let dir = TempDir::new().unwrap();
    let (en, fr) = (write(&dir, "en.txt", EN), write(&dir, "fr.txt", FR));
    let out = transcheck()
        .args(["align", "--format", "json"])
        .arg(&en)
        .arg(&fr)
        .output()
        .unwrap();
    let beads: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(beads[2]["source"], serde_json::json!([2]));
    assert_eq!(
        beads[2]["target_text"],
        serde_json::json!(["Est-ce acceptable ?"])
    );
}

#[test]
fn a_language_without_profile_works_presegmented_only() {
    let dir = TempDir::new().unwrap();
    let (de, fr) = (
        write(&dir, "de.txt", "Der Everest ist 8848 m hoch.\n"),
        write(&dir, "fr.txt", "L'Everest mesure 8848 m.\n"),
    );
    transcheck()
        .args(["align", "--presegmented", "--from", "xx"])
        .arg(&de)
        .arg(&fr)
        .assert()
        .success()
        .stdout("[0]:[0]\n");
    transcheck()
        .args(["align", "--from", "xx"])
        .arg(&de)
        .arg(&fr)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unsupported language `xx`"));
}

#[test]
fn an_empty_side_gives_insertions_only() {
    let dir = TempDir::new().unwrap();
    let (empty, fr) = (
        write(&dir, "empty.txt", ""),
        write(&dir, "fr.txt", "Un.\nDeux.\n"),
    );
    transcheck()
        .args(["align", "--presegmented"])
        .arg(&empty)
        .arg(&fr)
        .assert()
        .success()
        .stdout("[]:[0]\n[]:[1]\n");
}

#[test]
fn a_missing_file_is_an_error() {
    transcheck()
        .args(["align", "no-such-file.txt", "no-such-file.fr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-file.txt"));
}

#[test]
fn a_corpus_writes_one_alignment_per_pair() {
    let dir = TempDir::new().unwrap();
    let fr_lines = FR.replace("rapport. Il", "rapport.\nIl");
    write(&dir, "en/a.txt", EN);
    write(&dir, "fr/a.txt", &fr_lines);
    write(&dir, "en/sub/b.txt", "Is that acceptable?\n");
    write(&dir, "fr/sub/b.txt", "Est-ce acceptable ?\n");
    let out = dir.path().join("out");
    transcheck()
        .args(["align", "--presegmented", "--output-dir"])
        .arg(&out)
        .arg(dir.path().join("en"))
        .arg(dir.path().join("fr"))
        .assert()
        .success()
        .stdout("");
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    assert_eq!(
        read("a.txt.beads"),
        "[0]:[0]\n[1]:[1, 2]\n[2]:[3]\n[3]:[4]\n"
    );
    assert_eq!(read("sub/b.txt.beads"), "[0]:[0]\n");
    // The same pairs from a manifest, named after the source files.
    let manifest = write(
        &dir,
        "pairs.tsv",
        "en/a.txt\tfr/a.txt\nen/sub/b.txt\tfr/sub/b.txt\n",
    );
    let listed = dir.path().join("listed");
    transcheck()
        .args(["align", "--presegmented", "--format", "tsv", "--manifest"])
        .arg(&manifest)
        .arg("--output-dir")
        .arg(&listed)
        .assert()
        .success();
    let tsv = std::fs::read_to_string(listed.join("b.txt.tsv")).unwrap();
    assert!(
        tsv.starts_with("Is that acceptable?\tEst-ce acceptable ?\t"),
        "{tsv}"
    );
}

#[test]
fn a_corpus_needs_an_output_directory_and_two_files_do_not() {
    let dir = TempDir::new().unwrap();
    write(&dir, "en/a.txt", EN);
    write(&dir, "fr/a.txt", FR);
    transcheck()
        .arg("align")
        .arg(dir.path().join("en"))
        .arg(dir.path().join("fr"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output-dir"));
    transcheck()
        .args(["align", "--output-dir"])
        .arg(dir.path().join("out"))
        .arg(dir.path().join("en/a.txt"))
        .arg(dir.path().join("fr/a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("for a corpus"));
}

#[test]
fn a_corpus_never_writes_over_an_input() {
    let dir = TempDir::new().unwrap();
    write(&dir, "en/a", EN);
    write(&dir, "fr/a", FR);
    // The target directory holds a file named as the output would be.
    write(&dir, "en/a.beads", EN);
    let kept = write(&dir, "fr/a.beads", FR);
    transcheck()
        .args(["align", "--output-dir"])
        .arg(dir.path().join("fr"))
        .arg(dir.path().join("en"))
        .arg(dir.path().join("fr"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is an input"));
    assert_eq!(std::fs::read_to_string(kept).unwrap(), FR);
}
