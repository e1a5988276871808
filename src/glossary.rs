//! Glossaries given with `--glossary`: tab-separated `source term`, `approved target`,
//! optional `forbidden targets` (separated by `|`), one entry a line; `#` starts a comment and
//! a first line starting with `source` is a header.

use regex::{Regex, RegexBuilder};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum GlossaryError {
    #[error(transparent)]
    Read(#[from] crate::ingest::IngestError),
    #[error("{path}:{line}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// One glossary entry, compiled.
#[derive(Debug)]
pub struct Term {
    pub source: String,
    pub approved: String,
    pub forbidden: Vec<String>,
    pub source_pattern: Regex,
    pub approved_pattern: Regex,
    pub forbidden_patterns: Vec<Regex>,
}

#[derive(Debug, Default)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

impl Glossary {
    /// Reads and merges glossary files in order.
    pub fn load(paths: &[PathBuf]) -> Result<Glossary, GlossaryError> {
        let mut glossary = Glossary::default();
        for path in paths {
            let text = crate::ingest::read_text(path)?;
            glossary.terms.extend(parse(path, &text)?);
        }
        Ok(glossary)
    }

    /// Parses glossary text; `path` only names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Glossary, GlossaryError> {
        Ok(Glossary {
            terms: parse(path, text)?,
        })
    }
}

fn parse(path: &Path, text: &str) -> Result<Vec<Term>, GlossaryError> {
    let mut terms = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty()
            || line.starts_with('#')
            || (index == 0 && line.to_lowercase().starts_with("source"))
        {
            continue;
        }
        let error = |message: &str| GlossaryError::Syntax {
            path: path.to_path_buf(),
            line: index + 1,
            message: message.to_string(),
        };
        let mut columns = line.split('\t').map(str::trim);
        let source = columns
            .next()
            .filter(|s| !s.is_empty())
            .ok_or_else(|| error("empty source term"))?;
        let approved = columns.next().filter(|s| !s.is_empty()).ok_or_else(|| {
            error("expected `source<TAB>approved target[<TAB>forbidden|targets]`")
        })?;
        let forbidden: Vec<String> = columns
            .next()
            .map(|c| {
                c.split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        terms.push(Term {
            source_pattern: term_pattern(source),
            approved_pattern: term_pattern(approved),
            forbidden_patterns: forbidden.iter().map(|f| term_pattern(f)).collect(),
            source: source.to_string(),
            approved: approved.to_string(),
            forbidden,
        });
    }
    Ok(terms)
}

/// Matches a term as whole words, case-insensitively, each word allowing a short inflection
/// (`plateforme` matches `plateformes`).
fn term_pattern(term: &str) -> Regex {
    let words: Vec<String> = term
        .split_whitespace()
        .map(|w| format!(r"{}\w{{0,2}}", regex::escape(w)))
        .collect();
    RegexBuilder::new(&format!(r"\b{}\b", words.join(r"[\s\u{00A0}-]+")))
        .case_insensitive(true)
        .build()
        .expect("escaped words always compile")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_and_skips_header_and_comments() {
        let g = Glossary::parse(
            Path::new("g.tsv"),
            "source\ttarget\tforbidden\n# c\nshare\taction\tpartage|part\n",
        )
        .unwrap();
        assert_eq!(g.terms.len(), 1);
        assert_eq!(g.terms[0].forbidden, vec!["partage", "part"]);
        assert!(g.terms[0].approved_pattern.is_match("Les Actions"));
    }

    #[test]
    fn missing_target_is_an_error_with_line() {
        let err = Glossary::parse(Path::new("g.tsv"), "a\tb\nlonely\n").unwrap_err();
        assert!(err.to_string().starts_with("g.tsv:2:"), "{err}");
    }
}
