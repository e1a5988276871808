//! Streaming (`check --aligned --format jsonl`) and `merge`: the reports of consecutive shards,
//! merged, are byte for byte the report of one run over the whole input; and, when pyspark is
//! installed, the Spark demo (`scripts/spark-check.py`) gives that same report.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn seed_lines(file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora/afp-facebook-banks")
        .join(file);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The seed repeated: 4 × its lines, every seventh target left untranslated.
fn write_corpus(dir: &Path) -> (Vec<String>, Vec<String>) {
    let (en, fr) = (seed_lines("en.txt"), seed_lines("fr.txt"));
    let (mut source, mut target) = (Vec::new(), Vec::new());
    for k in 0..4 {
        for (i, (s, t)) in en.iter().zip(&fr).enumerate() {
            source.push(s.clone());
            target.push(if (i + k) % 7 == 0 {
                s.clone()
            } else {
                t.clone()
            });
        }
    }
    write_lines(&dir.join("all.en"), &source);
    write_lines(&dir.join("all.fr"), &target);
    (source, target)
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(
        path,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .unwrap();
}

fn check_jsonl(dir: &Path, name: &str, batch_lines: usize) -> PathBuf {
    let out = dir.join(format!("{name}.jsonl"));
    let status = Command::cargo_bin("transcheck")
        .unwrap()
        .arg("check")
        .arg(dir.join(format!("{name}.en")))
        .arg(dir.join(format!("{name}.fr")))
        .args(["--aligned", "--format", "jsonl", "--batch-lines"])
        .arg(batch_lines.to_string())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap()
        .status;
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
    out
}

#[test]
fn merged_shard_reports_equal_the_report_of_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (source, target) = write_corpus(dir.path());
    let batch = 10;
    let whole = std::fs::read_to_string(check_jsonl(dir.path(), "all", batch)).unwrap();
    assert!(whole.lines().count() > 10, "too few findings:\n{whole}");
    // Shards cut at batch boundaries, the last one shorter.
    let mut shards = Vec::new();
    for (k, start) in (0..source.len()).step_by(3 * batch).enumerate() {
        let end = (start + 3 * batch).min(source.len());
        let name = format!("shard{k}");
        write_lines(&dir.path().join(format!("{name}.en")), &source[start..end]);
        write_lines(&dir.path().join(format!("{name}.fr")), &target[start..end]);
        shards.push(check_jsonl(dir.path(), &name, batch));
    }
    assert!(shards.len() >= 3);
    let merged = Command::cargo_bin("transcheck")
        .unwrap()
        .arg("merge")
        .args(&shards)
        .output()
        .unwrap();
    assert!(merged.status.success());
    assert_eq!(String::from_utf8(merged.stdout).unwrap(), whole);
}

#[test]
fn a_bilingual_file_streams_as_json_lines_with_unit_ids() {
    let dir = tempfile::tempdir().unwrap();
    let (en, fr) = (seed_lines("en.txt"), seed_lines("fr.txt"));
    let units: String = en
        .iter()
        .zip(&fr)
        .enumerate()
        .map(|(i, (s, t))| {
            let unit = serde_json::json!({"id": format!("u{i}"), "source": s, "target": t});
            format!("{unit}\n")
        })
        .collect();
    let file = dir.path().join("units.jsonl");
    std::fs::write(&file, units).unwrap();
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .arg("check")
        .arg(&file)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (summary, findings) = records.split_last().unwrap();
    assert_eq!(summary["summary"]["findings"], findings.len());
    assert!(!findings.is_empty());
    for f in findings {
        let segment = f["segment"].as_u64().unwrap();
        assert_eq!(f["unit"], format!("u{segment}"), "{f}");
    }
}

#[test]
fn merge_rejects_a_truncated_shard() {
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("cut.jsonl");
    std::fs::write(&shard, "{\"rule\":\"omission\"").unwrap();
    Command::cargo_bin("transcheck")
        .unwrap()
        .arg("merge")
        .arg(&shard)
        .assert()
        .code(2);
}

/// Runs only when pyspark is installed (`pip install pyspark`) and the release binary is built;
/// says so and passes otherwise.
#[test]
fn spark_demo_equals_a_single_process_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let has_pyspark = std::process::Command::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    let binary = Command::cargo_bin("transcheck").unwrap();
    let binary = PathBuf::from(binary.get_program());
    if !has_pyspark {
        eprintln!("skipped: pyspark is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let status = std::process::Command::new("python3")
        .arg(root.join("scripts/spark-check.py"))
        .arg("--binary")
        .arg(&binary)
        .arg("--batch-lines")
        .arg("10")
        .arg("--shards")
        .arg("3")
        .arg(dir.path().join("all.en"))
        .arg(dir.path().join("all.fr"))
        .arg(dir.path().join("spark.jsonl"))
        .status()
        .unwrap();
    assert!(status.success(), "{status}");
    let whole = std::fs::read_to_string(check_jsonl(dir.path(), "all", 10)).unwrap();
    let spark = std::fs::read_to_string(dir.path().join("spark.jsonl")).unwrap();
    assert_eq!(spark, whole);
}
