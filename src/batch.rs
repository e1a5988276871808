//! Several document pairs in one run: pairs from two parallel directories or a manifest,
//! checked in parallel, reports returned in input order whatever the thread scheduling.

use crate::pipeline::{CheckError, CheckOptions, Report, check_files};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: no translation at {expected}")]
    MissingTarget { path: PathBuf, expected: PathBuf },
    #[error("{path}: line {line}: expected `SOURCE<TAB>TARGET`")]
    ManifestLine { path: PathBuf, line: usize },
    #[error("{path}: no document pair found")]
    Empty { path: PathBuf },
    #[error(transparent)]
    Check(#[from] CheckError),
}

/// A source document and its translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub source: PathBuf,
    pub target: PathBuf,
}

/// Every file under `source_dir` (recursively, hidden entries skipped), paired with the file
/// of the same relative path under `target_dir`. Sorted by path.
pub fn pairs_in_directories(source_dir: &Path, target_dir: &Path) -> Result<Vec<Pair>, BatchError> {
    let mut files = Vec::new();
    collect_files(source_dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(BatchError::Empty {
            path: source_dir.to_path_buf(),
        });
    }
    files
        .into_iter()
        .map(|source| {
            let relative = source.strip_prefix(source_dir).unwrap_or(&source);
            let target = target_dir.join(relative);
            if target.is_file() {
                Ok(Pair { source, target })
            } else {
                Err(BatchError::MissingTarget {
                    path: source.clone(),
                    expected: target,
                })
            }
        })
        .collect()
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), BatchError> {
    let io = |source| BatchError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads a manifest: one pair a line, `SOURCE<TAB>TARGET`, paths relative to the manifest's
/// directory; blank lines and lines starting with `#` are skipped.
pub fn read_manifest(path: &Path) -> Result<Vec<Pair>, BatchError> {
    let text = std::fs::read_to_string(path).map_err(|source| BatchError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let base = path.parent().unwrap_or(Path::new(""));
    let pairs = parse_manifest(&text, base).map_err(|line| BatchError::ManifestLine {
        path: path.to_path_buf(),
        line,
    })?;
    if pairs.is_empty() {
        return Err(BatchError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(pairs)
}

/// The pairs of a manifest's text, or the 1-based number of its first malformed line.
fn parse_manifest(text: &str, base: &Path) -> Result<Vec<Pair>, usize> {
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        match fields.as_slice() {
            [source, target] if !source.is_empty() && !target.is_empty() => pairs.push(Pair {
                source: base.join(source),
                target: base.join(target),
            }),
            _ => return Err(i + 1),
        }
    }
    Ok(pairs)
}

/// Checks every pair, in parallel across documents. `on_done` is called once per finished
/// pair (from any thread), for progress. The first failing pair in input order is the error.
pub fn check_pairs(
    pairs: &[Pair],
    options: &CheckOptions,
    on_done: &(dyn Fn() + Sync),
) -> Result<Vec<Report>, BatchError> {
    let results: Vec<Result<Report, CheckError>> = pairs
        .par_iter()
        .map(|p| {
            let result = check_files(&p.source, &p.target, options);
            on_done();
            result
        })
        .collect();
    results
        .into_iter()
        .map(|r| r.map_err(BatchError::from))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_lines_are_relative_to_the_manifest() {
        let pairs = parse_manifest("# pairs\n\na/en.txt\ta/fr.txt\n", Path::new("m")).unwrap();
        assert_eq!(
            pairs,
            vec![Pair {
                source: PathBuf::from("m/a/en.txt"),
                target: PathBuf::from("m/a/fr.txt"),
            }]
        );
        assert_eq!(parse_manifest("ok\tok\nonly-one\n", Path::new("")), Err(2));
    }

    #[test]
    fn directories_pair_by_relative_path() {
        let dir = tempfile::tempdir().unwrap();
        let (en, fr) = (dir.path().join("en"), dir.path().join("fr"));
        for d in [&en, &fr] {
            std::fs::create_dir_all(d.join("sub")).unwrap();
            std::fs::write(d.join("b.txt"), "x").unwrap();
            std::fs::write(d.join("sub/a.txt"), "x").unwrap();
        }
        std::fs::write(en.join(".hidden"), "x").unwrap();
        let pairs = pairs_in_directories(&en, &fr).unwrap();
        let names: Vec<_> = pairs.iter().map(|p| p.target.clone()).collect();
        assert_eq!(names, vec![fr.join("b.txt"), fr.join("sub/a.txt")]);
        std::fs::write(en.join("c.txt"), "x").unwrap();
        assert!(matches!(
            pairs_in_directories(&en, &fr),
            Err(BatchError::MissingTarget { .. })
        ));
    }
}
