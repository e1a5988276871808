//! `transcheck.toml`: project settings found next to the checked files or given with
//! `--config`. Command-line flags override them.

use crate::model::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "transcheck.toml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Parse {
        path: PathBuf,
        source: toml::de::Error,
    },
    #[error("{path}: `{rule}` is not a rule id (see `transcheck rules`)")]
    UnknownRule { path: PathBuf, rule: String },
}

/// Settings of a `transcheck.toml`; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    pub from: Option<String>,
    pub to: Option<String>,
    /// Typography variant of the target language (`strict`, `CA`).
    pub variant: Option<String>,
    pub aligned: Option<bool>,
    pub fail_on: Option<Severity>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    /// Glossary files, relative to the configuration file.
    #[serde(default)]
    pub glossary: Vec<PathBuf>,
    /// Severity overrides by rule id.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

impl Config {
    /// Reads a configuration file; glossary paths become relative to its folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config: Config = toml::from_str(&text).map_err(|source| ConfigError::Parse {
            path: path.to_path_buf(),
            source,
        })?;
        for rule in config.severity.keys() {
            if crate::checks::rule(rule).is_none() {
                return Err(ConfigError::UnknownRule {
                    path: path.to_path_buf(),
                    rule: rule.clone(),
                });
            }
        }
        let base = path.parent().unwrap_or(Path::new(""));
        config.glossary = config.glossary.iter().map(|g| base.join(g)).collect();
        Ok(config)
    }

    /// The first `transcheck.toml` in the folders of the given files, if any.
    pub fn discover(files: &[&Path]) -> Option<PathBuf> {
        files
            .iter()
            .filter_map(|f| f.parent())
            .map(|dir| {
                if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                }
            })
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_settings_and_resolves_glossaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "to = \"fr\"\nvariant = \"strict\"\nfail-on = \"minor\"\nglossary = [\"g.tsv\"]\n[severity]\nwhitespace-mismatch = \"minor\"\n").unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(config.variant.as_deref(), Some("strict"));
        assert_eq!(config.fail_on, Some(Severity::Minor));
        assert_eq!(config.glossary, vec![dir.path().join("g.tsv")]);
        assert_eq!(config.severity["whitespace-mismatch"], Severity::Minor);
        assert_eq!(Config::discover(&[&dir.path().join("fr.txt")]), Some(path));
    }

    #[test]
    fn unknown_keys_and_rules_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "colour = true\n").unwrap();
        assert!(
            Config::load(&path)
                .unwrap_err()
                .to_string()
                .contains("colour")
        );
        std::fs::write(&path, "[severity]\nnope = \"minor\"\n").unwrap();
        assert!(
            Config::load(&path)
                .unwrap_err()
                .to_string()
                .contains("`nope` is not a rule id")
        );
    }
}
