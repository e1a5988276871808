//! Odd text never panics: every rule runs, in every supported direction, on lines assembled at
//! random (fixed seed) from the pieces the checks look for — numbers and units, ranges, codes,
//! tags, quotes, names — glued with multi-byte spaces, combining marks and emoji, where byte
//! arithmetic goes wrong (a no-break space before a range once cut a character in two).

use transcheck::{CheckOptions, check_texts};

/// Pieces the checks parse, and characters whose UTF-8 length is not one.
const PIECES: &[&str] = &[
    "aged",
    "between",
    "and",
    "to",
    "million",
    "milliard",
    "km",
    "mm",
    "ans",
    "years",
    "days",
    "he's",
    "Giffords",
    "(",
    "53",
    ")",
    ",",
    ".",
    "G-7",
    "4x4",
    "PM2,5",
    "quarter",
    "of",
    "a",
    "<b>",
    "</b>",
    "<Basislager>",
    "%s",
    "{0}",
    "http://x.org/a",
    "Mr.",
    "M.",
    "l'",
    "d'",
    "un",
    "deux",
    "vingt",
    "et",
    "demi",
    "Alter",
    "von",
    "Facebook",
    "Facebrook",
    "«",
    "»",
    "„",
    "“",
    "?",
    "!",
    "...",
    "–",
    "1,5",
    "1.5",
    "12 500",
    "3 : 05",
    "15h30",
    "XIXe",
    "II",
    "½",
    "1½",
    "⅞",
    "1/2",
    "/",
    "septembre",
    "square",
    "sq",
    "metres",
    "carrés",
    "²",
    "€",
    "%",
    "ß",
    "É",
    "中",
    "🙂",
    "\u{301}",
    "İ",
    "ﬁ",
    "x",
    "X",
    "-",
    "'",
    "’",
    "\"",
];
const SPACES: &[&str] = &[
    " ", " ", "", "\u{a0}", "\u{202f}", "\u{2009}", "\u{3000}", "  ",
];

/// A small linear congruential generator: the lines are the same on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn line(&mut self) -> String {
        let mut line = String::new();
        for _ in 0..self.below(24) {
            line.push_str(PIECES[self.below(PIECES.len())]);
            line.push_str(SPACES[self.below(SPACES.len())]);
        }
        line
    }

    fn text(&mut self, lines: usize) -> String {
        (0..lines).map(|_| self.line() + "\n").collect()
    }
}

#[test]
fn every_rule_reads_odd_text_in_every_direction_without_panicking() {
    let mut lcg = Lcg(7);
    for (from, to) in [("en", "fr"), ("fr", "en"), ("de", "fr"), ("fr", "de")] {
        let (source, target) = (lcg.text(400), lcg.text(400));
        for aligned in [true, false] {
            let options = CheckOptions {
                aligned,
                ..CheckOptions::new(from, to)
            };
            let report = check_texts(
                ("source.txt", source.clone()),
                ("target.txt", target.clone()),
                &options,
            );
            assert!(report.is_ok(), "{from}→{to}, aligned {aligned}");
        }
    }
}
