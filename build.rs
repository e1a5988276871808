//! Finds the language knowledge under `data/` and writes the tables that embed it, so that a
//! new language (`data/<code>/`) or a new pair (`data/<a>-<b>/`) is data, not code:
//! - `languages.rs`: every `data/<code>/` that holds a `locale.toml`, with its five files and
//!   its optional ones (`""` where it has none);
//! - `pairs.rs`: every `data/<a>-<b>/`, each of its files or `""` where the pair has none.
//!
//! The tables name the files through `CARGO_MANIFEST_DIR`, so no machine path is written.

use std::fs;
use std::path::Path;

/// The files of a language, each required: (table field, file name).
const LANGUAGE_FILES: &[(&str, &str)] = &[
    ("locale", "locale.toml"),
    ("abbreviations", "abbreviations.txt"),
    ("stopwords", "stopwords.txt"),
    ("vocabulary", "vocabulary.txt"),
    ("typography", "typography.toml"),
];

/// The files a language may do without, `""` where it has none: (table field, file name).
const OPTIONAL_LANGUAGE_FILES: &[(&str, &str)] = &[("unlikely_bigrams", "unlikely-bigrams.txt")];

/// The files of a pair, each optional: (table field, file name).
const PAIR_FILES: &[(&str, &str)] = &[
    ("false_friends", "false-friends.toml"),
    ("names", "names.tsv"),
    ("translated_names", "translated-names.tsv"),
    ("name_endings", "name-endings.tsv"),
    ("name_spellings", "name-spellings.tsv"),
    ("lexicon", "lexicon.tsv"),
    ("vocabulary", "vocabulary-pairs.tsv"),
    ("align_lexicon", "align-lexicon.tsv"),
    ("trace_rates", "trace-rates.tsv"),
    ("opposites", "opposites.toml"),
];

fn main() {
    let data = Path::new("data");
    println!("cargo::rerun-if-changed=data");
    let mut languages = Vec::new();
    let mut pairs = Vec::new();
    for name in sorted_dirs(data) {
        println!("cargo::rerun-if-changed=data/{name}");
        match name.split_once('-') {
            Some((first, second)) => pairs.push(pair_entry(data, &name, first, second)),
            None if data.join(&name).join("locale.toml").is_file() => {
                languages.push(language_entry(data, &name))
            }
            None => {} // shared data (`common/`), embedded by the module that reads it
        }
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    write(&out, "languages.rs", &languages);
    write(&out, "pairs.rs", &pairs);
}

/// Names of the folders of `dir`, sorted so that the tables do not depend on the file system.
fn sorted_dirs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("data/ is readable")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

fn language_entry(data: &Path, code: &str) -> String {
    let fields: String = LANGUAGE_FILES
        .iter()
        .map(|(field, file)| {
            assert!(
                data.join(code).join(file).is_file(),
                "data/{code}/{file} is missing: a language needs {}",
                LANGUAGE_FILES
                    .iter()
                    .map(|(_, f)| *f)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            format!("{field}: {},\n", embedded(code, file))
        })
        .collect();
    let optional = optional_fields(data, code, OPTIONAL_LANGUAGE_FILES);
    format!("EmbeddedLanguage {{\ncode: {code:?},\n{fields}{optional}}}")
}

fn pair_entry(data: &Path, name: &str, first: &str, second: &str) -> String {
    let fields = optional_fields(data, name, PAIR_FILES);
    format!("EmbeddedPair {{\nlanguages: ({first:?}, {second:?}),\nname: {name:?},\n{fields}}}")
}

/// The table fields of `files` in `data/<dir>/`, each embedded or `""` where it is missing.
fn optional_fields(data: &Path, dir: &str, files: &[(&str, &str)]) -> String {
    files
        .iter()
        .map(|(field, file)| {
            let text = if data.join(dir).join(file).is_file() {
                embedded(dir, file)
            } else {
                "\"\"".to_string()
            };
            format!("{field}: {text},\n")
        })
        .collect()
}

/// The expression that embeds `data/<dir>/<file>`.
fn embedded(dir: &str, file: &str) -> String {
    println!("cargo::rerun-if-changed=data/{dir}/{file}");
    format!("include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/{dir}/{file}\"))")
}

fn write(out: &str, file: &str, entries: &[String]) {
    let table = format!("&[\n{}]\n", entries.join(",\n"));
    fs::write(Path::new(out).join(file), table).expect("OUT_DIR is writable");
}
