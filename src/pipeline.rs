//! The pipeline, end to end: ingest → normalize → segment → align → check → score. Reports
//! are views of the [`Report`] it returns.

use crate::align::{Aligner, align_documents};
use crate::checks::{BeadContext, Check, DocumentFacts, REGISTRY, SideText};
use crate::glossary::Glossary;
use crate::ingest::{Anchor, IngestError, Unit, read_text};
use crate::locale::pair::{PairError, PairKnowledge};
use crate::locale::{Language, LocaleError};
use crate::model::{Bead, Finding, Sentence, Span};
use crate::normalize::{Document, Position};
use crate::score;
use crate::segment::split_document;
use crate::textutil::count_words;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Locale(#[from] LocaleError),
    #[error(transparent)]
    Pair(#[from] PairError),
    #[error("unknown typography variant `{variant}` for `{lang}` (known: {known})")]
    UnknownVariant {
        variant: String,
        lang: String,
        known: String,
    },
}

/// What to check and how.
#[derive(Debug, Default)]
pub struct CheckOptions {
    pub from: String,
    pub to: String,
    /// Line i of the source translates line i of the target: no alignment.
    pub aligned: bool,
    pub glossary: Glossary,
    /// Rule ids or category prefixes to run (all when empty).
    pub select: Vec<String>,
    /// Rule ids or category prefixes not to run.
    pub ignore: Vec<String>,
    /// Typography variant of the target language (`strict`, `CA`); the default one if unset.
    pub variant: Option<String>,
    /// Severity overrides by rule id.
    pub severity: std::collections::BTreeMap<String, crate::model::Severity>,
}

impl CheckOptions {
    pub fn new(from: &str, to: &str) -> Self {
        CheckOptions {
            from: from.to_string(),
            to: to.to_string(),
            ..Default::default()
        }
    }

    fn runs(&self, rule_id: &str, category: &str) -> bool {
        let matches =
            |pattern: &String| pattern == rule_id || category.starts_with(pattern.as_str());
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }
}

/// One side of a checked pair.
#[derive(Debug)]
pub struct CheckedDocument {
    pub path: String,
    pub lang: &'static Language,
    pub document: Document,
    pub sentences: Vec<Sentence>,
    /// For a side of a bilingual file, whose text holds one unit a line: where each line's
    /// characters are in that file. Empty for a plain text.
    pub origin: Vec<Vec<Anchor>>,
}

impl CheckedDocument {
    /// Text covered by a range of sentences, and where it starts.
    fn bead_text(&self, sentences: &std::ops::Range<usize>) -> (Span, Vec<usize>) {
        let Some(first) = self
            .sentences
            .get(sentences.start)
            .filter(|_| !sentences.is_empty())
        else {
            return (Span::new(0, 0), Vec::new());
        };
        let last = &self.sentences[sentences.end - 1];
        let span = Span::new(first.span.start, last.span.end);
        let starts = self.sentences[sentences.clone()]
            .iter()
            .map(|s| s.span.start - span.start)
            .collect();
        (span, starts)
    }

    /// 1-based lines of the original file that a range of sentences covers.
    pub fn lines(&self, sentences: &std::ops::Range<usize>) -> Vec<usize> {
        let lines: BTreeSet<usize> = self.sentences[sentences.clone()]
            .iter()
            .map(|s| self.position(s.span.start).line)
            .collect();
        lines.into_iter().collect()
    }

    /// Line and column in the user's file of a normalized byte offset: in the text itself,
    /// or, for a side of a bilingual file, in that file.
    pub fn position(&self, offset: usize) -> Position {
        let position = self.document.position(offset);
        self.origin
            .get(position.line - 1)
            .and_then(|anchors| crate::ingest::locate(anchors, position.column - 1))
            .unwrap_or(position)
    }
}

/// An aligned segment with its MQM penalty.
#[derive(Debug, Clone)]
pub struct Segment {
    pub id: usize,
    pub bead: Bead,
    pub source_span: Span,
    pub target_span: Span,
    pub score: f64,
    /// The id of the unit of a bilingual file that this segment is.
    pub unit: Option<String>,
    /// The unit is marked as needing review (PO `fuzzy`, XLIFF draft states).
    pub fuzzy: bool,
}

/// Totals over the findings of a report.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub segments: usize,
    pub source_words: usize,
    pub findings: usize,
    pub mqm_penalty: f64,
    pub mqm_per_100_words: f64,
}

/// Everything the pipeline learned about one document pair.
#[derive(Debug)]
pub struct Report {
    pub source: CheckedDocument,
    pub target: CheckedDocument,
    pub segments: Vec<Segment>,
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

/// Checks a source file against its translation.
pub fn check_files(
    source: &Path,
    target: &Path,
    options: &CheckOptions,
) -> Result<Report, CheckError> {
    let source_text = read_text(source)?;
    let target_text = read_text(target)?;
    check_texts(
        (&source.display().to_string(), source_text),
        (&target.display().to_string(), target_text),
        options,
    )
}

/// Checks texts already in memory; the paths only name them in the report.
pub fn check_texts(
    source: (&str, String),
    target: (&str, String),
    options: &CheckOptions,
) -> Result<Report, CheckError> {
    check_pair(source, target, options, options.aligned)
}

/// Checks the units of a bilingual file, read as they come: one unit is one segment, and
/// findings point into the file and name their unit. `path` names the file in the report.
pub fn check_units(
    path: &str,
    units: impl IntoIterator<Item = Result<Unit, IngestError>>,
    options: &CheckOptions,
) -> Result<Report, CheckError> {
    let (mut source, mut target) = (String::new(), String::new());
    let (mut source_origin, mut target_origin) = (Vec::new(), Vec::new());
    let mut ids = Vec::new();
    for unit in units {
        let unit = unit?;
        push_line(&mut source, &unit.source.text);
        push_line(&mut target, &unit.target.text);
        source_origin.push(unit.source.anchors);
        target_origin.push(unit.target.anchors);
        ids.push((unit.id, unit.fuzzy));
    }
    let mut report = check_pair((path, source), (path, target), options, true)?;
    for segment in &mut report.segments {
        let line = (report.source.lines(&segment.bead.source).first())
            .or(report.target.lines(&segment.bead.target).first())
            .copied();
        if let Some((id, fuzzy)) = line.and_then(|line| ids.get(line - 1)) {
            segment.unit = Some(id.clone());
            segment.fuzzy = *fuzzy;
        }
    }
    report.source.origin = source_origin;
    report.target.origin = target_origin;
    Ok(report)
}

/// Checks a bilingual file `batch` units at a time and hands each batch's report to `emit`,
/// so that memory stays bounded however big the file is. Segment ids run on across batches;
/// document-wide facts (which words are names) are learnt per batch. Stops at the first
/// error, of the file or of `emit`.
pub fn check_unit_batches<E: From<CheckError>>(
    path: &str,
    units: impl IntoIterator<Item = Result<Unit, IngestError>>,
    options: &CheckOptions,
    batch: usize,
    mut emit: impl FnMut(Report) -> Result<(), E>,
) -> Result<(), E> {
    let mut units = units.into_iter().peekable();
    let mut first_segment = 0;
    let mut emitted = false;
    while !emitted || units.peek().is_some() {
        let mut report = check_units(path, units.by_ref().take(batch.max(1)), options)?;
        for segment in &mut report.segments {
            segment.id += first_segment;
        }
        for finding in &mut report.findings {
            finding.segment += first_segment;
        }
        first_segment += report.segments.len();
        emit(report)?;
        emitted = true;
    }
    Ok(())
}

/// Appends a unit's text as one line: a line break inside a unit becomes a space (of the same
/// length, so that offsets into the unit's text still hold).
fn push_line(text: &mut String, unit: &str) {
    text.extend(
        unit.chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
    );
    text.push('\n');
}

fn check_pair(
    source: (&str, String),
    target: (&str, String),
    options: &CheckOptions,
    aligned: bool,
) -> Result<Report, CheckError> {
    let (source, target, knowledge) = prepare_pair(source, target, options)?;
    let (findings, segments) =
        with_bead_contexts(&source, &target, knowledge, options, aligned, |contexts| {
            check_contexts(contexts, options)
        })?;
    // Words never span a line break, so the lines are counted in parallel.
    let source_words: usize = source.document.text.par_split('\n').map(count_words).sum();
    let mqm_penalty = score::total_penalty(&findings);
    let summary = Summary {
        segments: segments.len(),
        source_words,
        findings: findings.len(),
        mqm_penalty,
        mqm_per_100_words: score::per_hundred_words(mqm_penalty, source_words),
    };
    Ok(Report {
        source,
        target,
        segments,
        findings,
        summary,
    })
}

/// The pair's knowledge read from source to target, and from target to source.
type PairKnowledgeBothWays = (&'static PairKnowledge, &'static PairKnowledge);

/// Both sides normalized and segmented, and the pair's knowledge loaded (once per process),
/// at the same time.
fn prepare_pair(
    source: (&str, String),
    target: (&str, String),
    options: &CheckOptions,
) -> Result<(CheckedDocument, CheckedDocument, PairKnowledgeBothWays), CheckError> {
    let (source_lang, target_lang) = (Language::get(&options.from)?, Language::get(&options.to)?);
    let ((source, target), (pair, reverse_pair)) = rayon::join(
        || {
            rayon::join(
                || prepare(source.0, source.1, source_lang),
                || prepare(target.0, target.1, target_lang),
            )
        },
        || {
            (
                PairKnowledge::get(&options.from, &options.to),
                PairKnowledge::get(&options.to, &options.from),
            )
        },
    );
    Ok((source, target, (pair?, reverse_pair?)))
}

/// Aligns the two sides (or pairs their lines, `aligned`) and hands `inspect` the context of
/// every bead, in bead order: what the checks see.
fn with_bead_contexts<R>(
    source: &CheckedDocument,
    target: &CheckedDocument,
    (pair, reverse_pair): PairKnowledgeBothWays,
    options: &CheckOptions,
    aligned: bool,
    inspect: impl FnOnce(&mut [BeadContext]) -> R,
) -> Result<R, CheckError> {
    let typography = target_typography(target.lang, options.variant.as_deref())?;
    let aligner = aligner_with_glossary(options);
    let beads = if aligned {
        align_by_line(source, target)
    } else {
        align_documents(
            &source.document,
            &source.sentences,
            &target.document,
            &target.sentences,
            &aligner,
        )
    };
    let sides: Vec<(SideText, SideText)> = beads
        .iter()
        .map(|b| (side_text(source, &b.source), side_text(target, &b.target)))
        .collect();
    let facts = DocumentFacts::from_beads(&sides);
    let mut contexts: Vec<BeadContext> = beads
        .iter()
        .zip(sides)
        .enumerate()
        .map(|(id, (bead, (source_side, target_side)))| BeadContext {
            segment: id,
            bead,
            source: source_side,
            target: target_side,
            pair,
            reverse_pair,
            glossary: &options.glossary,
            document: &facts,
            typography,
            aligner: &aligner,
            line_aligned: aligned,
            cache: Default::default(),
            normalized: None,
        })
        .collect();
    Ok(inspect(&mut contexts))
}

/// The findings of the selected checks on every bead, in segment order, and the segments with
/// their scores.
fn check_contexts(
    contexts: &mut [BeadContext],
    options: &CheckOptions,
) -> (Vec<Finding>, Vec<Segment>) {
    let checks: Vec<_> = REGISTRY
        .iter()
        .filter(|c| options.runs(c.rule().id, c.rule().category))
        .collect();
    let mut findings = check_beads_in_parallel(contexts, &checks);
    for check in &checks {
        check.check_document(contexts, &mut findings);
    }
    // Segment order, then registry order within a segment (the sort is stable).
    findings.sort_by_key(|f| f.segment);
    for f in &mut findings {
        if let Some(&severity) = options.severity.get(f.rule) {
            f.severity = severity;
        }
    }
    let mut penalties = vec![0.0; contexts.len()];
    for f in &findings {
        penalties[f.segment] += score::penalty(f);
    }
    let segments: Vec<Segment> = contexts
        .iter()
        .zip(penalties)
        .map(|(ctx, score)| Segment {
            id: ctx.segment,
            bead: ctx.bead.clone(),
            source_span: side_span(&ctx.source),
            target_span: side_span(&ctx.target),
            score,
            unit: None,
            fuzzy: false,
        })
        .collect();
    (findings, segments)
}

/// Each content word of the source of every line pair (line i of `source` translates line i of
/// `target`), with whether the target holds a trace of it: the word-by-word coverage the
/// omission check reads. `transcheck-eval --traces` counts it over clean bitext to mine how
/// reliably each word is translated (`data/<pair>/trace-rates.tsv`).
pub fn source_word_traces(
    source: String,
    target: String,
    options: &CheckOptions,
) -> Result<Vec<(String, bool)>, CheckError> {
    let (source, target, knowledge) =
        prepare_pair(("source", source), ("target", target), options)?;
    with_bead_contexts(&source, &target, knowledge, options, true, |contexts| {
        contexts
            .par_iter()
            .flat_map_iter(crate::checks::source_word_traces)
            .collect()
    })
}

/// Runs the bead checks on every bead, beads spread over rayon's threads. The findings come
/// back in bead order, registry order within a bead: exactly what a sequential loop gives, so
/// reports do not depend on the number of threads.
fn check_beads_in_parallel(contexts: &mut [BeadContext], checks: &[&&dyn Check]) -> Vec<Finding> {
    let keep_normalized_text = checks.iter().any(|c| c.compares_normalized_text());
    contexts
        .par_iter_mut()
        .flat_map_iter(|ctx| {
            let mut out = Vec::new();
            for check in checks {
                check.check_bead(ctx, &mut out);
            }
            if keep_normalized_text {
                ctx.keep_normalized_text();
            }
            // What the checks shared is done with: memory must not grow with the document.
            ctx.cache = Default::default();
            out
        })
        .collect()
}

fn side_span(side: &SideText) -> Span {
    Span::new(side.offset, side.offset + side.text.len())
}

/// The pair's aligner; approved glossary translations are extra anchors.
fn aligner_with_glossary(options: &CheckOptions) -> Aligner {
    let mut aligner = Aligner::for_pair(&options.from, &options.to);
    for term in &options.glossary.terms {
        aligner.lexicon.add(&term.source, &term.approved);
    }
    aligner
}

fn prepare(path: &str, text: String, lang: &'static Language) -> CheckedDocument {
    let document = Document::new(text);
    let sentences = split_document(&document, lang);
    CheckedDocument {
        path: path.to_string(),
        lang,
        document,
        sentences,
        origin: Vec::new(),
    }
}

fn side_text<'a>(doc: &'a CheckedDocument, sentences: &std::ops::Range<usize>) -> SideText<'a> {
    let (span, sentence_starts) = doc.bead_text(sentences);
    let text = &doc.document.text;
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let only_space = |s: &'a str| if s.trim().is_empty() { s } else { "" };
    SideText {
        text: doc.document.slice(span),
        offset: span.start,
        lang: doc.lang,
        sentence_starts,
        leading: only_space(&text[line_start..span.start]),
        trailing: only_space(&text[span.end..line_end]),
    }
}

fn target_typography(
    lang: &'static Language,
    variant: Option<&str>,
) -> Result<&'static crate::locale::typography::TypographyVariant, CheckError> {
    if let Some(name) = variant
        && !lang.typography.variant.contains_key(name)
    {
        return Err(CheckError::UnknownVariant {
            variant: name.to_string(),
            lang: lang.code.to_string(),
            known: lang.typography.variant_names().join(", "),
        });
    }
    Ok(lang.typography.variant(variant))
}

/// `--aligned`: the sentences of line i of the source against those of line i of the target.
fn align_by_line(source: &CheckedDocument, target: &CheckedDocument) -> Vec<Bead> {
    let (src, tgt) = (sentences_by_line(source), sentences_by_line(target));
    (0..src.len().max(tgt.len()))
        .map(|line| (range_at(&src, line, source), range_at(&tgt, line, target)))
        .filter(|(s, t)| !s.is_empty() || !t.is_empty())
        .map(|(source, target)| Bead {
            source,
            target,
            confidence: 1.0,
        })
        .collect()
}

/// For every line of the document, the range of its sentences (empty for a blank line,
/// placed where the line's sentences would be).
fn sentences_by_line(doc: &CheckedDocument) -> Vec<std::ops::Range<usize>> {
    let paragraphs = doc.document.paragraphs();
    let line_count = paragraphs.last().map_or(0, |(line, _)| line + 1);
    let mut ranges = Vec::with_capacity(line_count);
    let mut next_sentence = 0;
    let mut paragraph = 0;
    for line in 0..line_count {
        if paragraphs.get(paragraph).is_some_and(|(l, _)| *l == line) {
            let start = next_sentence;
            while doc
                .sentences
                .get(next_sentence)
                .is_some_and(|s| s.paragraph == paragraph)
            {
                next_sentence += 1;
            }
            ranges.push(start..next_sentence);
            paragraph += 1;
        } else {
            ranges.push(next_sentence..next_sentence);
        }
    }
    ranges
}

fn range_at(
    ranges: &[std::ops::Range<usize>],
    line: usize,
    doc: &CheckedDocument,
) -> std::ops::Range<usize> {
    ranges
        .get(line)
        .cloned()
        .unwrap_or(doc.sentences.len()..doc.sentences.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_word_traces_tell_traced_words_from_missing_ones() {
        let options = CheckOptions::new("en", "fr");
        let traces = source_word_traces(
            "A woman in a blue dress reads a book.\nThe cat sleeps.".into(),
            "Une femme lit un livre.\n".into(),
            &options,
        )
        .unwrap();
        let traced = |word: &str| traces.iter().find(|(w, _)| w == word).map(|(_, t)| *t);
        assert_eq!(traced("woman"), Some(true));
        assert_eq!(traced("book"), Some(true));
        assert_eq!(traced("blue"), Some(false));
        assert_eq!(traced("dress"), Some(false));
        // A line with an empty side is left out, as the omission check leaves it.
        assert_eq!(traced("cat"), None);
    }
}
