//! Parallel checking must not change reports: the JSON report of a run on one thread is byte
//! for byte the report of a run on several.

use std::path::Path;
use transcheck::report::{self, Format, RenderOptions};
use transcheck::{CheckOptions, check_texts};

/// The seed corpus repeated, with every repetition a little different, so that the beads are
/// many enough for rayon to split the work and the findings many enough to be shuffled.
fn corpus(repeats: usize) -> (String, String) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/afp-facebook-banks");
    let en = std::fs::read_to_string(seed.join("en.txt")).unwrap();
    let fr = std::fs::read_to_string(seed.join("fr.txt")).unwrap();
    let (mut source, mut target) = (String::new(), String::new());
    for k in 0..repeats {
        for (i, (s, t)) in en.lines().zip(fr.lines()).enumerate() {
            source.push_str(s);
            source.push('\n');
            // Every seventh line is left untranslated, at a different place in each repetition.
            target.push_str(if (i + k) % 7 == 0 { s } else { t });
            target.push('\n');
        }
    }
    (source, target)
}

fn json_report_on(threads: usize, aligned: bool) -> String {
    let (source, target) = corpus(20);
    let options = CheckOptions {
        aligned,
        ..CheckOptions::new("en", "fr")
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let report = pool
        .install(|| check_texts(("en.txt", source), ("fr.txt", target), &options))
        .unwrap();
    report::render(&[report], Format::Json, RenderOptions::default())
}

#[test]
fn reports_are_identical_on_one_and_on_four_threads() {
    for aligned in [true, false] {
        let sequential = json_report_on(1, aligned);
        assert!(
            sequential.matches("\"rule\"").count() > 20,
            "too few findings"
        );
        assert_eq!(sequential, json_report_on(4, aligned), "aligned: {aligned}");
    }
}
