//! `transcheck align SOURCE TARGET`: print the sentence alignment of a text and its
//! translation; or, for a corpus (two directories, or `--manifest FILE`), write one alignment
//! per pair of documents into `--output-dir`, all aligned with one self-trained lexicon.

use super::Documents;
use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transcheck::Bead;
use transcheck::align::{Aligner, align_documents};
use transcheck::batch::Pair;
use transcheck::ingest::read_text;
use transcheck::locale::Language;
use transcheck::model::Sentence;
use transcheck::normalize::Document;
use transcheck::segment::{lines_as_sentences, split_document};

#[derive(Args)]
pub struct AlignArgs {
    /// The source text (one paragraph per line, or one sentence per line with --presegmented),
    /// or a directory of them.
    #[arg(required_unless_present = "manifest")]
    source: Option<PathBuf>,
    /// Its translation, or a directory with the same file names.
    #[arg(required_unless_present = "manifest")]
    target: Option<PathBuf>,
    /// Align the pairs listed in FILE (`SOURCE<TAB>TARGET` a line, relative to FILE).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["source", "target"])]
    manifest: Option<PathBuf>,
    /// Where a corpus's alignments go, one file per pair: the source file's path (relative to
    /// its directory, or its name for a manifest) with `.beads`, `.tsv` or `.json` added.
    #[arg(long, value_name = "DIR")]
    output_dir: Option<PathBuf>,
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
    /// Every sentence's text.
    fn all_text(&self) -> Vec<&str> {
        self.text(&(0..self.sentences.len()))
    }

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
    let pair = match Documents::named(
        args.manifest.as_ref(),
        args.source.as_ref(),
        args.target.as_ref(),
    )? {
        Documents::Corpus(pairs) => return align_corpus(&args, &aligner, &pairs),
        Documents::Files(pair) => pair,
    };
    if args.output_dir.is_some() {
        bail!("--output-dir is for a corpus: two directories or --manifest FILE");
    }
    let source = read_side(&pair.source, &args.from, args.presegmented)?;
    let target = read_side(&pair.target, &args.to, args.presegmented)?;
    let beads = align_documents(
        &source.document,
        &source.sentences,
        &target.document,
        &target.sentences,
        &aligner,
    );
    let output = render(args.format, &beads, &source, &target)?;
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

/// Where the alignment of `pair` goes under `--output-dir`, before its extension: the source
/// file's path relative to the source directory, or its name for a manifest.
fn output_name(args: &AlignArgs, pair: &Pair) -> PathBuf {
    args.source
        .as_ref()
        .and_then(|dir| pair.source.strip_prefix(dir).ok())
        .map(Path::to_path_buf)
        .or_else(|| pair.source.file_name().map(PathBuf::from))
        .unwrap_or_default()
}

/// Aligns every pair of the corpus with one self-trained lexicon
/// ([`Aligner::align_corpus`]) and writes each alignment under `--output-dir`.
fn align_corpus(args: &AlignArgs, aligner: &Aligner, pairs: &[Pair]) -> anyhow::Result<ExitCode> {
    let Some(output_dir) = &args.output_dir else {
        bail!("a corpus writes one alignment per pair: give --output-dir DIR");
    };
    let extension = match args.format {
        AlignFormat::Beads => "beads",
        AlignFormat::Tsv => "tsv",
        AlignFormat::Json => "json",
    };
    // No input is ever overwritten, and no output twice.
    let inputs: std::collections::HashSet<PathBuf> = pairs
        .iter()
        .flat_map(|pair| [&pair.source, &pair.target])
        .filter_map(|path| path.canonicalize().ok())
        .collect();
    let mut outputs = std::collections::HashSet::new();
    let sides = pairs
        .iter()
        .map(|pair| {
            let mut file_name = output_name(args, pair).into_os_string();
            file_name.push(format!(".{extension}"));
            let output = output_dir.join(file_name);
            if !outputs.insert(output.clone()) {
                bail!("two pairs would both write {}", output.display());
            }
            if output
                .canonicalize()
                .is_ok_and(|path| inputs.contains(&path))
            {
                bail!(
                    "{} is an input: choose another --output-dir",
                    output.display()
                );
            }
            let source = read_side(&pair.source, &args.from, args.presegmented)?;
            let target = read_side(&pair.target, &args.to, args.presegmented)?;
            Ok((source, target, output))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let documents: Vec<(Vec<&str>, Vec<&str>)> = sides
        .iter()
        .map(|(source, target, _)| (source.all_text(), target.all_text()))
        .collect();
    let alignments = aligner.align_corpus(&documents);
    for ((source, target, output), beads) in sides.iter().zip(alignments) {
        if let Some(parent) = output.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let text = render(args.format, &beads, source, target)?;
        std::fs::write(output, text)
            .with_context(|| format!("cannot write {}", output.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn render(
    format: AlignFormat,
    beads: &[Bead],
    source: &Side,
    target: &Side,
) -> anyhow::Result<String> {
    Ok(match format {
        AlignFormat::Beads => render_beads(beads),
        AlignFormat::Tsv => render_tsv(beads, source, target),
        AlignFormat::Json => render_json(beads, source, target)?,
    })
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
