//! `transcheck rules` and `transcheck explain`, generated from the rule registry.

use anyhow::{Context, bail};
use std::fmt::Write;
use transcheck::checks::{rule, rules};

pub fn list() -> String {
    let mut out = String::new();
    for r in rules() {
        let _ = writeln!(
            out,
            "{:<24} {:<40} {:<9} {}",
            r.id,
            r.category,
            r.severity.as_str(),
            r.summary
        );
    }
    out
}

pub fn explain(id: &str) -> anyhow::Result<String> {
    let Some(r) = rule(id) else {
        let known: Vec<&str> = rules().map(|r| r.id).collect();
        bail!("unknown rule `{id}` (known rules: {})", known.join(", "));
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n\ncategory: {}\ndefault severity: {}\n\n{}\n\n{}",
        r.id, r.category, r.severity, r.summary, r.explanation
    );
    let ex = &r.example;
    if let Some((source, target)) = ex.context {
        let _ = writeln!(
            out,
            "\nearlier in the document\n  source: {source}\n  target: {target}"
        );
    }
    let _ = writeln!(
        out,
        "\nexample\n  source: {}\n  bad:    {}\n  good:   {}",
        ex.source, ex.bad, ex.good
    );
    if !ex.glossary.is_empty() {
        let line = ex
            .glossary
            .lines()
            .next()
            .context("example glossary line")?;
        let _ = writeln!(out, "  with glossary entry: {}", line.replace('\t', " → "));
    }
    Ok(out)
}
