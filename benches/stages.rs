//! Criterion benchmarks of the hot stages: segmentation, alignment, each check (run alone over
//! the whole pipeline), and JSON rendering; on the seed corpus and, when `../shared/data` is
//! there, on the first 2,000 pairs of the Europarl sample (skipped otherwise).
//!
//!     cargo bench --bench stages [-- FILTER]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use transcheck::align::Aligner;
use transcheck::locale::Language;
use transcheck::normalize::Document;
use transcheck::report::{self, Format, RenderOptions};
use transcheck::segment::split_document;
use transcheck::{CheckOptions, check_texts};

/// Europarl pairs benchmarked: enough for stable figures, few enough for quick runs.
const EUROPARL_PAIRS: usize = 2000;

/// (name, source, target) of every available corpus.
fn corpora() -> Vec<(&'static str, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("corpora/afp-facebook-banks");
    let read = |p: &Path| std::fs::read_to_string(p).expect("seed corpus is readable");
    let mut out = vec![(
        "seed",
        read(&seed.join("en.txt")),
        read(&seed.join("fr.txt")),
    )];
    let europarl =
        root.join("../shared/data/europarl-en-fr/europarl-v7.fr-en.sample20k.tok.unescaped");
    let head = |ext: &str| {
        std::fs::read_to_string(europarl.with_extension(ext))
            .ok()
            .map(|text| {
                text.lines()
                    .take(EUROPARL_PAIRS)
                    .map(|l| format!("{l}\n"))
                    .collect::<String>()
            })
    };
    match (head("en"), head("fr")) {
        (Some(en), Some(fr)) => out.push(("europarl-2k", en, fr)),
        _ => eprintln!("skipping Europarl: ../shared/data is absent"),
    }
    out
}

fn stages(c: &mut Criterion) {
    let (en, fr) = (Language::get("en").unwrap(), Language::get("fr").unwrap());
    for (name, source, target) in corpora() {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        group.bench_function("segment", |b| {
            b.iter(|| split_document(&Document::new(black_box(source.clone())), en))
        });
        let (source_doc, target_doc) =
            (Document::new(source.clone()), Document::new(target.clone()));
        let source_sentences = split_document(&source_doc, en);
        let target_sentences = split_document(&target_doc, fr);
        let texts = |doc: &Document, sentences: &[transcheck::model::Sentence]| -> Vec<String> {
            sentences
                .iter()
                .map(|s| doc.slice(s.span).to_string())
                .collect()
        };
        let (s, t) = (
            texts(&source_doc, &source_sentences),
            texts(&target_doc, &target_sentences),
        );
        let (s, t): (Vec<&str>, Vec<&str>) = (
            s.iter().map(String::as_str).collect(),
            t.iter().map(String::as_str).collect(),
        );
        let aligner = Aligner::for_pair("en", "fr");
        group.bench_function("align", |b| {
            b.iter(|| aligner.align(black_box(&s), black_box(&t)))
        });
        let check = |select: Vec<String>| {
            let options = CheckOptions {
                aligned: true,
                select,
                ..CheckOptions::new("en", "fr")
            };
            check_texts(("en", source.clone()), ("fr", target.clone()), &options).unwrap()
        };
        group.bench_function("check-all", |b| b.iter(|| check(Vec::new())));
        // The pipeline without checks: what to subtract from each `check-<rule>` figure.
        let every_rule: Vec<String> = transcheck::checks::rules()
            .map(|r| r.id.to_string())
            .collect();
        group.bench_function("check-none", |b| {
            b.iter(|| {
                let options = CheckOptions {
                    aligned: true,
                    ignore: every_rule.clone(),
                    ..CheckOptions::new("en", "fr")
                };
                check_texts(("en", source.clone()), ("fr", target.clone()), &options).unwrap()
            })
        });
        for rule in transcheck::checks::rules() {
            group.bench_function(format!("check-{}", rule.id), |b| {
                b.iter(|| check(vec![rule.id.to_string()]))
            });
        }
        let reports = [check(Vec::new())];
        group.bench_function("render-json", |b| {
            b.iter(|| report::render(black_box(&reports), Format::Json, RenderOptions::default()))
        });
        group.bench_function("render-jsonl", |b| {
            b.iter(|| report::render(black_box(&reports), Format::Jsonl, RenderOptions::default()))
        });
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
