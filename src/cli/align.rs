//! `transcheck align SOURCE TARGET`: print the sentence alignment of a text and its
//! translation.

use anyhow::Context;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transcheck::Bead;
use transcheck::align::{Aligner, align_documents};
use transcheck::ingest::read_text;
use transcheck::locale::Language;
use transcheck::model::Sentence;
use transcheck::normalize::Document;
use transcheck::segment::{lines_as_sentences, split_document};

#[derive(Args)]
pub struct AlignArgs {
    /// The source text (one paragraph per line, or one sentence per line with --presegmented).
    source: PathBuf,
    /// Its translation.
    target: PathBuf,
    /// Source language (ISO 639-1); only needed to split sentences.
    #[arg(long, default_value = "en")]
    from: String,
    /// Target language (ISO 639-1); only needed to split sentences.
    #[arg(long, default_value = "fr")]
    to: String,
    /// One sentence per line: do not split lines further. Sentence k is line k (0-based).
    #[arg(long)]
    presegmented: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AlignFormat::Beads)]
    format: AlignFormat,
    /// Override an aligner parameter, NAME=VALUE (for tuning experiments).
    #[arg(long = "param", value_name = "NAME=VALUE", hide = true)]
    params: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum AlignFormat {
    /// One bead per line, `[i, j]:[k]` with 0-based sentence indices (Vecalign/Bleualign).
    Beads,
    /// Source sentences, target sentences and the bead's confidence, tab-separated.
    Tsv,
    /// A JSON array of beads with indices, texts and confidence.
    Json,
}

/// One side, read and segmented.
struct Side {
    document: Document,
    sentences: Vec<Sentence>,
}

impl Side {
    fn text(&self, sentences: &std::ops::Range<usize>) -> Vec<&str> {
        self.sentences[sentences.clone()]
            .iter()
            .map(|s| self.document.slice(s.span))
            .collect()
    }
}

pub fn run(args: AlignArgs) -> anyhow::Result<ExitCode> {
    let mut aligner = Aligner::for_pair(&args.from, &args.to);
    for assignment in &args.params {
        aligner.params.set(assignment)?;
    }
    let source = read_side(&args.source, &args.from, args.presegmented)?;
    let target = read_side(&args.target, &args.to, args.presegmented)?;
    let beads = align_documents(
        &source.document,
        &source.sentences,
        &target.document,
        &target.sentences,
        &aligner,
    );
    let output = match args.format {
        AlignFormat::Beads => render_beads(&beads),
        AlignFormat::Tsv => render_tsv(&beads, &source, &target),
        AlignFormat::Json => render_json(&beads, &source, &target)?,
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(output.as_bytes())
        .and_then(|_| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(e).context("cannot write to standard output");
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads a file and splits it into sentences; a language profile is needed only to split.
fn read_side(path: &Path, lang: &str, presegmented: bool) -> anyhow::Result<Side> {
    let document = Document::new(read_text(path)?);
    let sentences = if presegmented {
        lines_as_sentences(&document)
    } else {
        let language = Language::get(lang).with_context(|| {
            format!(
                "cannot split {} into sentences (or pass --presegmented)",
                path.display()
            )
        })?;
        split_document(&document, language)
    };
    Ok(Side {
        document,
        sentences,
    })
}

fn indices(range: &std::ops::Range<usize>) -> String {
    let list: Vec<String> = range.clone().map(|i| i.to_string()).collect();
    format!("[{}]", list.join(", "))
}

fn render_beads(beads: &[Bead]) -> String {
    beads
        .iter()
        .map(|b| format!("{}:{}\n", indices(&b.source), indices(&b.target)))
        .collect()
}

/// Sentences of one side of a bead on one line, without tabs or line breaks.
fn one_line(sentences: Vec<&str>) -> String {
    sentences.join(" ").replace(['\t', '\n', '\r'], " ")
}

fn render_tsv(beads: &[Bead], source: &Side, target: &Side) -> String {
    beads
        .iter()
        .map(|b| {
            format!(
                "{}\t{}\t{:.3}\n",
                one_line(source.text(&b.source)),
                one_line(target.text(&b.target)),
                b.confidence
            )
        })
        .collect()
}

fn render_json(beads: &[Bead], source: &Side, target: &Side) -> anyhow::Result<String> {
    let items: Vec<serde_json::Value> = beads
        .iter()
        .map(|b| {
            serde_json::json!({
                "source": b.source.clone().collect::<Vec<_>>(),
                "target": b.target.clone().collect::<Vec<_>>(),
                "confidence": b.confidence,
                "source_text": source.text(&b.source),
                "target_text": target.text(&b.target),
            })
        })
        .collect();
    Ok(serde_json::to_string_pretty(&items)? + "\n")
}
