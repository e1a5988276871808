//! A mutation fuzzer for transcheck's input parsers that runs on the stable toolchain (cargo
//! fuzz needs nightly). One target per parser:
//!
//!     cargo run --example fuzz_ingest -- TARGET [--seconds N] [--seed S] [--pipeline-every K]
//!
//! TARGET is one of tsv, csv, tmx, xliff, po, jsonl (bilingual files) and tbx, glossary-csv,
//! glossary-tsv (glossaries). Seeds are the seed article converted to every format
//! (corpora/afp-facebook-banks/formats), the fixtures under tests/fixtures/formats, and
//! hostile snippets below. Each round mutates an input (byte flips, insertions of tokens the
//! format cares about, deletions, duplications, splices, truncation), parses it to the end and
//! checks invariants: no panic, errors name a line and column, every unit character maps to a
//! position in the file. Inputs with an outcome not seen before (kind of error, unit count)
//! join the corpus, a cheap stand-in for coverage feedback. Every K-th parsed input also runs
//! through the whole checking pipeline. A panicking input is saved under fuzz/crashes/ and
//! the run exits with status 1.

use std::collections::HashSet;
use std::io::BufRead;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use transcheck::CheckOptions;
use transcheck::glossary::Glossary;
use transcheck::ingest::{InputFormat, Languages, Unit, open_reader};

/// Inputs are kept small so that each round is quick; size bugs are the benchmark's job.
const MAX_INPUT: usize = 64 * 1024;
const MAX_CORPUS: usize = 4096;
/// Inputs that went through the whole pipeline.
static PIPELINES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

#[derive(Clone, Copy, PartialEq)]
enum Target {
    Units(InputFormat),
    Tbx,
    GlossaryCsv,
    GlossaryTsv,
}

impl Target {
    fn parse(name: &str) -> Option<Target> {
        Some(match name {
            "tsv" => Target::Units(InputFormat::Tsv),
            "csv" => Target::Units(InputFormat::Csv),
            "tmx" => Target::Units(InputFormat::Tmx),
            "xliff" => Target::Units(InputFormat::Xliff),
            "po" => Target::Units(InputFormat::Po),
            "jsonl" => Target::Units(InputFormat::Jsonl),
            "tbx" => Target::Tbx,
            "glossary-csv" => Target::GlossaryCsv,
            "glossary-tsv" => Target::GlossaryTsv,
            _ => return None,
        })
    }

    /// Extensions of the seed files for this target.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Target::Units(InputFormat::Tsv) | Target::GlossaryTsv => &["tsv"],
            Target::Units(InputFormat::Csv) | Target::GlossaryCsv => &["csv"],
            Target::Units(InputFormat::Tmx) => &["tmx"],
            Target::Units(InputFormat::Xliff) => &["xlf", "xliff", "sdlxliff"],
            Target::Units(InputFormat::Po) => &["po"],
            Target::Units(InputFormat::Jsonl) => &["jsonl"],
            Target::Tbx => &["tbx"],
        }
    }

    /// Tokens the format gives meaning to, inserted by mutations.
    fn tokens(self) -> &'static [&'static str] {
        const XML: &[&str] = &[
            "<",
            ">",
            "/>",
            "</",
            "&",
            "&amp;",
            "&#x1F600;",
            "&#0;",
            "&#xD800;",
            "&lol;",
            "\"",
            "'",
            "<![CDATA[",
            "]]>",
            "<!--",
            "-->",
            "<?xml version=\"1.0\"?>",
            "<!DOCTYPE x [<!ENTITY lol \"lol\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            "<g id=\"1\">",
            "</g>",
            "<x id=\"2\"/>",
            "<bx id=\"3\"/>",
            "<ex id=\"3\"/>",
            "<ph id=\"4\">{0}</ph>",
            "<bpt i=\"1\">&lt;b></bpt>",
            "<ept i=\"1\">&lt;/b></ept>",
            "<it pos=\"begin\"/>",
            "<hi>",
            "</hi>",
            "<pc id=\"1\">",
            "</pc>",
            "<sc id=\"1\"/>",
            "<ec startRef=\"1\"/>",
            "<cp hex=\"1F\"/>",
            "<cp hex=\"zz\"/>",
            "<mrk mtype=\"seg\" mid=\"1\">",
            "</mrk>",
            "<target/>",
            "<target>",
            "</target>",
            "<source>",
            "</source>",
            "<seg-source>",
            "<segment>",
            "</segment>",
            "<tuv xml:lang=\"fr\">",
            "<seg>",
            "</seg>",
            "<tu>",
            "</tu>",
            "<alt-trans>",
            "</alt-trans>",
            "translate=\"no\"",
            "state=\"needs-review-translation\"",
            "xmlns:sdl=\"x\"",
            "<sdl:x>",
            "</sdl:x>",
            "<termEntry>",
            "</termEntry>",
            "<langSet xml:lang=\"fr\">",
            "<term>",
            "</term>",
            "<termNote type=\"administrativeStatus\">forbidden</termNote>",
            "\u{F0001}",
            "\u{FEFF}",
            "\r\n",
            "\n",
            "\u{301}",
        ];
        match self {
            Target::Units(InputFormat::Tmx | InputFormat::Xliff) | Target::Tbx => XML,
            Target::Units(InputFormat::Po) => &[
                "\"",
                "\\",
                "\\n",
                "\\\"",
                "\\x",
                "msgid ",
                "msgstr ",
                "msgstr[1] ",
                "msgstr[99999999999] ",
                "msgid_plural ",
                "msgctxt ",
                "#, fuzzy\n",
                "#: a.c:1\n",
                "#~ ",
                "\n\n",
                "\n",
                "\r\n",
                "\t",
                "\u{F0001}",
                "\u{FEFF}",
                "\u{301}",
                "\u{0}",
            ],
            Target::Units(InputFormat::Jsonl) => &[
                "{",
                "}",
                "\"",
                "\\u0000",
                "\\ud800",
                "\\n",
                ",",
                ":",
                "null",
                "1e999",
                "\"id\":",
                "\"source\":",
                "\"target\":",
                "[",
                "]",
                "\n",
                "\r\n",
                "\u{F0001}",
                "\u{FEFF}",
            ],
            _ => &[
                "\t",
                ",",
                "\"",
                "\"\"",
                "\n",
                "\r\n",
                "|",
                "#",
                "id",
                "source",
                "target",
                "\u{F0001}",
                "\u{FEFF}",
                "\u{301}",
                "\u{0}",
            ],
        }
    }
}

/// Hostile snippets every target starts with, whatever its format.
const SNIPPETS: &[&str] = &[
    "",
    "\u{FEFF}",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>&lol2;</seg></tuv></tu></body></tmx>\n",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"fr\"><body><trans-unit id=\"1\"><source>&xxe;</source><target>a</target></trans-unit></body></file></xliff>\n",
    "<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"><file id=\"f\"><unit id=\"u\"><segment><source>A <pc id=\"1\">b</pc> <ph id=\"2\"/>c<sc id=\"3\"/>d<ec startRef=\"3\"/></source><target>A <ph id=\"2\"/><pc id=\"1\">b</pc></target></segment><segment><source>x<cp hex=\"9\"/></source></segment></unit></file></xliff>",
    "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\nmsgstr[1] \"bs\"\n",
    "{\"id\": 1, \"source\": \"a\\tb\", \"target\": null}\n",
    "a\tb\n\"c\td\"\n",
    "id,source,target\n1,\"a\nb\",c\n",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: fast, and reproducible from --seed.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(input: &[u8], corpus: &[Vec<u8>], target: Target, rng: &mut Rng) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(8) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => data.insert(at, rng.next() as u8),
            2 | 3 => {
                let tokens = target.tokens();
                let token = tokens[rng.below(tokens.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
            4 if !data.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            5 if !data.is_empty() => {
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(256)).min(data.len());
                let copy = data[start..end].to_vec();
                data.splice(at..at, copy);
            }
            6 if !corpus.is_empty() => {
                let other = &corpus[rng.below(corpus.len())];
                let start = rng.below(other.len() + 1);
                let end = (start + rng.below(512)).min(other.len());
                data.splice(at..at, other[start..end].iter().copied());
            }
            7 => data.truncate(at),
            _ => {}
        }
    }
    data.truncate(MAX_INPUT);
    data
}

/// Parses an input to the end; returns a short description of the outcome, or a broken
/// invariant.
fn run(target: Target, input: &[u8], pipeline: bool) -> Result<String, String> {
    let path = Path::new("fuzz-input");
    match target {
        Target::Units(format) => {
            let reader: Box<dyn BufRead> = Box::new(std::io::Cursor::new(input.to_vec()));
            let wanted = Languages::default();
            let units = match open_reader(path, reader, format, &wanted) {
                Ok(units) => units,
                Err(e) => return error_outcome(&e.to_string()),
            };
            let mut parsed = Vec::new();
            for unit in units {
                match unit {
                    Ok(unit) => {
                        check_unit(&unit)?;
                        parsed.push(unit);
                    }
                    Err(e) => return error_outcome(&e.to_string()),
                }
            }
            if pipeline {
                PIPELINES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let options = CheckOptions::new("en", "fr");
                transcheck::check_units("fuzz-input", parsed.iter().cloned().map(Ok), &options)
                    .map_err(|e| format!("pipeline error on parsed units: {e}"))?;
            }
            let tags = parsed
                .iter()
                .flat_map(|u| u.source.text.chars().chain(u.target.text.chars()))
                .filter(|c| transcheck::ingest::inline::decode(*c).is_some())
                .count();
            let fuzzy = parsed.iter().any(|u| u.fuzzy);
            Ok(format!(
                "ok {} units {} tags fuzzy {fuzzy}",
                parsed.len().min(8),
                tags.min(8)
            ))
        }
        Target::Tbx | Target::GlossaryCsv | Target::GlossaryTsv => {
            let Ok(text) = std::str::from_utf8(input) else {
                return Ok("not utf-8".into());
            };
            let glossary = match target {
                Target::Tbx => Glossary::parse_tbx(path, text, "en", "fr"),
                Target::GlossaryCsv => Glossary::parse_csv(path, text),
                _ => Glossary::parse(path, text),
            };
            match glossary {
                Ok(g) => Ok(format!("ok {}", g.terms.len().min(8))),
                Err(e) => error_outcome(&e.to_string()),
            }
        }
    }
}

/// Errors must say where: `fuzz-input:LINE:COLUMN: message` (or name the file for I/O and
/// UTF-8 errors). The outcome keeps the message without its numbers.
fn error_outcome(message: &str) -> Result<String, String> {
    let Some(rest) = message.strip_prefix("fuzz-input") else {
        return Err(format!("error does not name the file: {message}"));
    };
    let located = rest
        .strip_prefix(':')
        .and_then(|r| r.split_once(':'))
        .and_then(|(line, r)| Some((line.parse::<usize>().ok()?, r.split_once(':')?)))
        .and_then(|(line, (column, _))| Some((line, column.parse::<usize>().ok()?)));
    if let Some((line, column)) = located
        && (line == 0 || column == 0)
    {
        return Err(format!("error at line or column 0: {message}"));
    }
    // The kind of error: its first plain words after the location, up to the first name, so that the corpus grows with new kinds of outcome, not with every new name.
    let text = rest.trim_start_matches(|c: char| c == ':' || c.is_ascii_digit());
    let shape: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_end_matches([':', ',', ';']))
        .take_while(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
        .take(4)
        .map(String::from)
        .collect();
    Ok(format!("err {}", shape.join(" ")))
}

/// Every character of both sides maps to a position at line 1 or later.
fn check_unit(unit: &Unit) -> Result<(), String> {
    for side in [&unit.source, &unit.target] {
        if side.anchors.first().map(|a| a.at) != Some(0) {
            return Err(format!("unit {}: no anchor at character 0", unit.id));
        }
        if !side.anchors.windows(2).all(|w| w[0].at < w[1].at) {
            return Err(format!("unit {}: anchors out of order", unit.id));
        }
        let chars = side.text.chars().count();
        for at in 0..chars {
            match side.position(at) {
                Some(p) if p.line >= 1 && p.column >= 1 => {}
                other => return Err(format!("unit {}: char {at} at {other:?}", unit.id)),
            }
        }
    }
    Ok(())
}

fn seeds(target: Target) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds: Vec<Vec<u8>> = SNIPPETS.iter().map(|s| s.as_bytes().to_vec()).collect();
    for dir in [
        "corpora/afp-facebook-banks/formats",
        "tests/fixtures/formats",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if target.extensions().contains(&ext)
                && let Ok(bytes) = std::fs::read(&path)
            {
                seeds.push(bytes);
            }
        }
    }
    seeds
}

struct Args {
    target: Target,
    name: String,
    seconds: u64,
    seed: u64,
    pipeline_every: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let name = args
        .next()
        .ok_or("usage: fuzz_ingest TARGET [--seconds N] [--seed S] [--pipeline-every K]")?;
    let target = Target::parse(&name).ok_or_else(|| format!("unknown target {name}"))?;
    let mut parsed = Args {
        target,
        name,
        seconds: 60,
        seed: 0x5EED,
        pipeline_every: 50,
    };
    while let Some(flag) = args.next() {
        let value: u64 = args
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("{flag} needs a number"))?;
        match flag.as_str() {
            "--seconds" => parsed.seconds = value,
            "--seed" => parsed.seed = value.max(1),
            "--pipeline-every" => parsed.pipeline_every = value.max(1),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(parsed)
}

fn main() -> std::process::ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(2);
        }
    };
    std::panic::set_hook(Box::new(|_| {}));
    let mut corpus = seeds(args.target);
    let mut outcomes = HashSet::new();
    let mut rng = Rng(args.seed);
    let (start, limit) = (Instant::now(), Duration::from_secs(args.seconds));
    let (mut runs, mut failures, mut parsed) = (0u64, 0u64, 0u64);
    // Seeds first, unmutated.
    let mut queue: Vec<Vec<u8>> = corpus.clone();
    while start.elapsed() < limit {
        let input = queue.pop().unwrap_or_else(|| {
            let base = &corpus[rng.below(corpus.len())];
            mutate(base, &corpus, args.target, &mut rng)
        });
        runs += 1;
        let pipeline = (parsed + 1).is_multiple_of(args.pipeline_every);
        let outcome = catch_unwind(AssertUnwindSafe(|| run(args.target, &input, pipeline)));
        let failure = match outcome {
            Ok(Ok(outcome)) => {
                parsed += u64::from(outcome.starts_with("ok"));
                if outcomes.insert(outcome) && corpus.len() < MAX_CORPUS {
                    corpus.push(input);
                }
                continue;
            }
            Ok(Err(invariant)) => invariant,
            Err(panic) => format!(
                "panic: {}",
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            ),
        };
        failures += 1;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/crashes");
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join(format!("{}-{failures}.bin", args.name));
        let _ = std::fs::write(&file, &input);
        eprintln!("FAILURE {failure}\n  input saved to {}", file.display());
        if failures >= 10 {
            break;
        }
    }
    println!(
        "target {}: {} runs in {:.0} s ({} parsed without error, {} through the pipeline), {} distinct outcomes, corpus {}, {} failures",
        args.name,
        runs,
        start.elapsed().as_secs_f64(),
        parsed,
        PIPELINES.load(std::sync::atomic::Ordering::Relaxed),
        outcomes.len(),
        corpus.len(),
        failures
    );
    if std::env::var_os("FUZZ_SHOW_OUTCOMES").is_some() {
        let mut shown: Vec<&String> = outcomes.iter().collect();
        shown.sort();
        for outcome in shown {
            println!("  {outcome}");
        }
    }
    if failures > 0 {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}
