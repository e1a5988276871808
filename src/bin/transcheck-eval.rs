//! `transcheck-eval SOURCE TARGET`: error-injection evaluation on clean line-aligned bitext.
//!
//! Checks the clean pairs (every finding above `info` on them is a false alarm), then, for each
//! error type, plants that error in up to `--per-type` randomly chosen pairs (fixed seed) and
//! counts how many of them get a new finding from the rules expected to catch it. Prints recall
//! per type and false alarms per 1,000 pairs, as text or JSON.

use anyhow::{Context, bail};
use std::collections::BTreeMap;
use std::path::PathBuf;
use transcheck::inject::{ErrorType, Injector, Rng};
use transcheck::locale::Language;
use transcheck::locale::pair::{PairKnowledge, lexicon_stem};
use transcheck::pipeline::source_word_traces;
use transcheck::{CheckOptions, Report, Severity, check_texts};

struct Args {
    source: PathBuf,
    target: PathBuf,
    from: String,
    to: String,
    per_type: usize,
    seed: u64,
    json: bool,
    /// Rules left out of the false-alarm count (typography on tokenized text).
    exclude: Vec<String>,
    /// Folder to write each type's injected corpus to, for reading the misses.
    dump: Option<PathBuf>,
    /// Instead of evaluating, count how often each source word has a trace in the target.
    traces: bool,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args {
        source: PathBuf::new(),
        target: PathBuf::new(),
        from: "en".into(),
        to: "fr".into(),
        per_type: 200,
        seed: 42,
        json: false,
        exclude: Vec::new(),
        dump: None,
        traces: false,
    };
    let mut positional = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().with_context(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--from" => args.from = value("--from")?,
            "--to" => args.to = value("--to")?,
            "--per-type" => args.per_type = value("--per-type")?.parse()?,
            "--seed" => args.seed = value("--seed")?.parse()?,
            "--exclude" => {
                args.exclude = value("--exclude")?.split(',').map(str::to_string).collect()
            }
            "--json" => args.json = true,
            "--dump" => args.dump = Some(PathBuf::from(value("--dump")?)),
            "--traces" => args.traces = true,
            "-h" | "--help" => {
                println!(
                    "usage: transcheck-eval SOURCE TARGET [--from en] [--to fr] [--per-type 200] [--seed 42] [--exclude RULES] [--dump DIR] [--json]\n       transcheck-eval SOURCE TARGET --traces [--from en] [--to fr]   (per source stem: times traced, times seen)"
                );
                std::process::exit(0);
            }
            _ if arg.starts_with('-') => bail!("unknown option {arg}"),
            _ => positional.push(PathBuf::from(arg)),
        }
    }
    let [source, target] = <[PathBuf; 2]>::try_from(positional)
        .map_err(|_| anyhow::anyhow!("give SOURCE and TARGET"))?;
    args.source = source;
    args.target = target;
    Ok(args)
}

fn read_lines(path: &std::path::Path) -> anyhow::Result<Vec<String>> {
    let text = transcheck::ingest::read_text(path)?;
    Ok(text
        .lines()
        .map(|l| l.trim_end_matches('\r').to_string())
        .collect())
}

/// Messages of the findings above `info` per input line (0-based), by rule.
fn findings_by_line(report: &Report, lines: usize) -> Vec<BTreeMap<&'static str, Vec<String>>> {
    let mut out: Vec<BTreeMap<&'static str, Vec<String>>> = vec![BTreeMap::new(); lines];
    for f in report
        .findings
        .iter()
        .filter(|f| f.severity > Severity::Info)
    {
        let segment = &report.segments[f.segment];
        let line = report
            .target
            .lines(&segment.bead.target)
            .first()
            .or(report.source.lines(&segment.bead.source).first())
            .copied();
        if let Some(line) = line.filter(|l| *l >= 1 && *l <= lines) {
            out[line - 1]
                .entry(f.rule)
                .or_default()
                .push(f.message.clone());
        }
    }
    out
}

fn check(source: &[String], target: &[String], options: &CheckOptions) -> anyhow::Result<Report> {
    Ok(check_texts(
        ("source", source.join("\n")),
        ("target", target.join("\n")),
        options,
    )?)
}

/// Writes `<type>.source`, `<type>.target` and `<type>.lines` (1-based injected lines).
fn dump(
    dir: &std::path::Path,
    kind: ErrorType,
    source: &[String],
    target: &[String],
    injected: &[usize],
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let name = kind.name().replace(' ', "-");
    std::fs::write(dir.join(format!("{name}.source")), source.join("\n"))?;
    std::fs::write(dir.join(format!("{name}.target")), target.join("\n"))?;
    let lines: Vec<String> = injected.iter().map(|i| (i + 1).to_string()).collect();
    std::fs::write(dir.join(format!("{name}.lines")), lines.join("\n"))?;
    Ok(())
}

/// Prints, for each lexicon stem of the source's content words, how many times the target has
/// a trace of it and how many times it occurs: `stem<TAB>traced<TAB>seen`, by stem.
/// `scripts/mine-trace-rates.py` sums these over clean bitext into `data/<pair>/trace-rates.tsv`.
fn print_traces(
    source: Vec<String>,
    target: Vec<String>,
    options: &CheckOptions,
) -> anyhow::Result<()> {
    let traces = source_word_traces(source.join("\n"), target.join("\n"), options)?;
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (word, traced) in traces {
        let entry = counts.entry(lexicon_stem(&word)).or_default();
        entry.0 += usize::from(traced);
        entry.1 += 1;
    }
    for (stem, (traced, seen)) in counts {
        println!("{stem}\t{traced}\t{seen}");
    }
    Ok(())
}

#[derive(serde::Serialize)]
struct TypeResult {
    error: &'static str,
    eligible: usize,
    injected: usize,
    detected: usize,
    recall: Option<f64>,
}

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let source = read_lines(&args.source)?;
    let target = read_lines(&args.target)?;
    if source.len() != target.len() {
        bail!(
            "{} has {} lines, {} has {}",
            args.source.display(),
            source.len(),
            args.target.display(),
            target.len()
        );
    }
    let options = CheckOptions {
        aligned: true,
        ..CheckOptions::new(&args.from, &args.to)
    };
    if args.traces {
        return print_traces(source, target, &options);
    }
    let clean = check(&source, &target, &options)?;
    let clean_by_line = findings_by_line(&clean, source.len());
    let injector = Injector {
        source_lang: Language::get(&args.from)?,
        target_lang: Language::get(&args.to)?,
        pair: PairKnowledge::get(&args.from, &args.to)?,
        pool: &target,
        source_pool: &source,
    };
    let mut results = Vec::new();
    for (k, kind) in ErrorType::ALL.iter().enumerate() {
        let mut rng = Rng::new(args.seed ^ ((k as u64 + 1) << 32));
        let mut order: Vec<usize> = (0..source.len()).collect();
        rng.shuffle(&mut order);
        let (mut src, mut tgt) = (source.clone(), target.clone());
        let mut injected = Vec::new();
        let mut eligible = 0;
        for &i in &order {
            if let Some(result) = injector.inject(*kind, &source[i], &target[i], &mut rng) {
                eligible += 1;
                if injected.len() < args.per_type {
                    src[i] = result.source;
                    tgt[i] = result.target;
                    injected.push(i);
                }
            }
        }
        if let Some(dir) = &args.dump {
            dump(dir, *kind, &src, &tgt, &injected)?;
        }
        let report = check(&src, &tgt, &options)?;
        let by_line = findings_by_line(&report, source.len());
        let expected = kind.expected_rules();
        // A new finding: one of the expected rules says something on the line that it did not
        // say on the clean line (a number already mismatched that the error changes again
        // gets a new message, not a second finding).
        let has_new_finding = |i: usize| {
            expected.iter().any(|rule| {
                let mut clean: Vec<&String> =
                    clean_by_line[i].get(rule).into_iter().flatten().collect();
                by_line[i].get(rule).into_iter().flatten().any(|message| {
                    match clean.iter().position(|c| *c == message) {
                        Some(k) => {
                            clean.swap_remove(k);
                            false
                        }
                        None => true,
                    }
                })
            })
        };
        let detected = injected.iter().filter(|&&i| has_new_finding(i)).count();
        results.push(TypeResult {
            error: kind.name(),
            eligible,
            injected: injected.len(),
            detected,
            recall: (!injected.is_empty()).then(|| detected as f64 / injected.len() as f64),
        });
    }
    let mut false_alarms: BTreeMap<&str, usize> = BTreeMap::new();
    for per_line in &clean_by_line {
        for (rule, messages) in per_line {
            if !args.exclude.iter().any(|e| e == rule) {
                *false_alarms.entry(rule).or_default() += messages.len();
            }
        }
    }
    let pairs = source.len();
    let total: usize = false_alarms.values().sum();
    let content: usize = false_alarms
        .iter()
        .filter(|(rule, _)| !FORM_RULES.contains(rule))
        .map(|(_, n)| n)
        .sum();
    let per_thousand = |n: usize| 1000.0 * n as f64 / pairs.max(1) as f64;
    if args.json {
        let json = serde_json::json!({
            "pairs": pairs,
            "recall": results,
            "false_alarms": {
                "total": total,
                "per_1000_pairs": per_thousand(total),
                "content_rules": content,
                "content_rules_per_1000_pairs": per_thousand(content),
                "by_rule": false_alarms,
            },
        });
        println!("{}", serde_json::to_string_pretty(&json)?);
        return Ok(());
    }
    println!(
        "{pairs} pairs, {} → {}, seed {}, up to {} injections per type",
        args.from, args.to, args.seed, args.per_type
    );
    println!(
        "{:<24} {:>8} {:>8} {:>8} {:>7}",
        "error", "eligible", "injected", "detected", "recall"
    );
    for r in &results {
        let recall = r.recall.map_or("—".to_string(), |x| format!("{x:.3}"));
        println!(
            "{:<24} {:>8} {:>8} {:>8} {:>7}",
            r.error, r.eligible, r.injected, r.detected, recall
        );
    }
    println!(
        "false alarms above info on the clean pairs: {total} ({:.1} per 1,000 pairs)",
        per_thousand(total)
    );
    for (rule, n) in &false_alarms {
        println!("  {rule:<24} {n:>6} {:>7.1} / 1,000", per_thousand(*n));
    }
    println!(
        "of which content rules (rules of form left out): {content} ({:.1} per 1,000 pairs)",
        per_thousand(content)
    );
    Ok(())
}

/// Rules of form: typography, punctuation, spaces, case, repeated words and elision. On human reference
/// translations their findings are defects of the references (straight quotes, apostrophes
/// typed as `"`, lines that start in lower case), so the content rules' false alarms are also
/// counted without them.
const FORM_RULES: &[&str] = &[
    "typography-spacing",
    "typography-quotes",
    "punctuation-final",
    "punctuation-unbalanced",
    "double-space",
    "whitespace-mismatch",
    "lowercase-start",
    "repeated-word",
    "elision",
];

#[cfg(test)]
mod tests {
    use super::FORM_RULES;
    use transcheck::checks::REGISTRY;

    #[test]
    fn form_rules_are_rules() {
        for id in FORM_RULES {
            assert!(
                REGISTRY.iter().any(|check| check.rule().id == *id),
                "{id} is no rule"
            );
        }
    }
}
