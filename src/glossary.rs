//! Glossaries given with `--glossary`: tab-separated `source term`, `approved target`,
//! optional `forbidden targets` (separated by `|`), one entry a line; `#` starts a comment and
//! a first line starting with `source` is a header. The same columns comma-separated (`.csv`,
//! RFC 4180 quotes), and TBX termbases (see [`tbx`]), are read too.

mod tbx;

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
    /// Reads and merges glossary files in order, for a language pair (which TBX termbases,
    /// holding many languages, need). The format is told by the extension (`.tbx`, `.csv`,
    /// else TSV) or a first `<`.
    pub fn load_for(paths: &[PathBuf], from: &str, to: &str) -> Result<Glossary, GlossaryError> {
        let mut glossary = Glossary::default();
        for path in paths {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let text = crate::ingest::read_text(path)?;
            let terms = if ext.as_deref() == Some("tbx") || text.trim_start().starts_with('<') {
                tbx::parse(path, &text, from, to)?
            } else if ext.as_deref() == Some("csv") {
                parse_csv(path, &text)?
            } else {
                parse(path, &text)?
            };
            glossary.terms.extend(terms);
        }
        Ok(glossary)
    }

    /// Parses a TBX termbase already in memory for a language pair; `path` names it in errors.
    pub fn parse_tbx(
        path: &Path,
        text: &str,
        from: &str,
        to: &str,
    ) -> Result<Glossary, GlossaryError> {
        Ok(Glossary {
            terms: tbx::parse(path, text, from, to)?,
        })
    }

    /// Parses a CSV glossary already in memory; `path` names it in errors.
    pub fn parse_csv(path: &Path, text: &str) -> Result<Glossary, GlossaryError> {
        Ok(Glossary {
            terms: parse_csv(path, text)?,
        })
    }

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

/// A CSV glossary: the TSV columns, comma-separated, RFC 4180 quotes.
fn parse_csv(path: &Path, text: &str) -> Result<Vec<Term>, GlossaryError> {
    let input: Box<dyn std::io::BufRead> = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
    let mut terms = Vec::new();
    for record in crate::ingest::csv::records(path.to_path_buf(), input, b',') {
        let (line, fields) = record?;
        let first = fields.first().map(|f| f.trim()).unwrap_or_default();
        if first.starts_with('#') || (line == 1 && first.to_lowercase().starts_with("source")) {
            continue;
        }
        let error = |message: &str| GlossaryError::Syntax {
            path: path.to_path_buf(),
            line,
            message: message.to_string(),
        };
        let source = Some(first)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| error("empty source term"))?;
        let approved = fields
            .get(1)
            .map(|f| f.trim())
            .filter(|s| !s.is_empty())
            .ok_or_else(|| error("expected `source,approved target[,forbidden|targets]`"))?;
        let forbidden = fields
            .get(2)
            .map(|f| split_forbidden(f))
            .unwrap_or_default();
        terms.push(Term::new(source, approved, forbidden).map_err(|e| error(&e))?);
    }
    Ok(terms)
}

fn split_forbidden(column: &str) -> Vec<String> {
    column
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl Term {
    /// A compiled entry; `Err` describes a term too long to compile into a pattern.
    pub fn new(source: &str, approved: &str, forbidden: Vec<String>) -> Result<Term, String> {
        let compile = |term: &str| {
            term_pattern(term).map_err(|_| {
                format!(
                    "term `{}…` is too long to match",
                    term.chars().take(40).collect::<String>()
                )
            })
        };
        Ok(Term {
            source_pattern: compile(source)?,
            approved_pattern: compile(approved)?,
            forbidden_patterns: forbidden
                .iter()
                .map(|f| compile(f))
                .collect::<Result<_, _>>()?,
            source: source.to_string(),
            approved: approved.to_string(),
            forbidden,
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
        let forbidden = columns.next().map(split_forbidden).unwrap_or_default();
        terms.push(Term::new(source, approved, forbidden).map_err(|e| error(&e))?);
    }
    Ok(terms)
}

/// Matches a term as whole words, case-insensitively, each word allowing a short inflection
/// (`plateforme` matches `plateformes`). A term too long for the regex size limit is an error,
/// not a panic: glossaries are user input.
fn term_pattern(term: &str) -> Result<Regex, regex::Error> {
    let words: Vec<String> = term
        .split_whitespace()
        .map(|w| format!(r"{}\w{{0,2}}", regex::escape(w)))
        .collect();
    RegexBuilder::new(&format!(r"\b{}\b", words.join(r"[\s\u{00A0}-]+")))
        .case_insensitive(true)
        .build()
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
    fn csv_glossary_with_quotes() {
        let terms = parse_csv(
            Path::new("g.csv"),
            "source,target,forbidden\n\"share, noun\",action,\"partage|part\"\n",
        )
        .unwrap();
        assert_eq!(terms.len(), 1);
        assert_eq!(terms[0].source, "share, noun");
        assert_eq!(terms[0].forbidden, vec!["partage", "part"]);
    }

    #[test]
    fn a_huge_term_is_an_error_not_a_panic() {
        let text = format!("{}\tb\n", "word ".repeat(20_000));
        let err = Glossary::parse(Path::new("g.tsv"), &text).unwrap_err();
        assert!(err.to_string().starts_with("g.tsv:1: term `word"), "{err}");
    }

    #[test]
    fn missing_target_is_an_error_with_line() {
        let err = Glossary::parse(Path::new("g.tsv"), "a\tb\nlonely\n").unwrap_err();
        assert!(err.to_string().starts_with("g.tsv:2:"), "{err}");
    }
}
