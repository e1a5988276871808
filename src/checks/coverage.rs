//! Word-level evidence that one side of a bead says what the other says: each content word of
//! one side is "covered" when the other side has the same word, a cognate, or a translation the
//! pair's lexicon knows. Shared by the omission and addition checks.

use super::{BeadContext, SideText};
use crate::locale::pair::{LEXICON_STEM_CHARS, StemLexicon};
use crate::model::{Side, Span};
use crate::textutil::{Word, short_key};

use super::positions::KeyedPositions;
use super::side_words::SideWords;

/// Letters two words must share at the start to count as cognates (`banque`/`bank` do not,
/// `transaction`/`transactions` do).
const COGNATE_PREFIX: usize = 5;

/// A content word and whether the other side has a trace of it.
#[derive(Debug, Clone, Copy)]
pub struct CoveredWord {
    pub span: Span,
    pub covered: bool,
}

/// The content words of side `from` of the bead (not function words, at least three letters),
/// each with whether the other side covers it.
pub fn coverage(ctx: &BeadContext, from: Side) -> Vec<CoveredWord> {
    let (from_words, to_words) = (ctx.coverage_keys(from), ctx.coverage_keys(from.other()));
    let partners = ctx.partners(from);
    // A number in words whose value the other side gives (`vingt et un` for `21`).
    let numbers = ctx.numbers();
    let covered = from_words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.content)
        .map(|(i, w)| {
            // A trace counts near where the word would be translated: a word repeated
            // elsewhere in the sentence does not cover a dropped clause.
            let here = place(i, from_words.len());
            let there = |j: u32| place(j as usize, to_words.len());
            let near = |j: u32| (here - there(j)).abs() <= POSITION_WINDOW;
            // Partners are in order: those left of the window, those in it, those right of
            // it. A binary search skips those left of it rather than trying each (a word a long
            // segment repeats has thousands of partners); the next one is in it, or none is.
            let positions = partners.of(i);
            let first = positions.partition_point(|&j| there(j) < here && !near(j));
            let covered = positions.get(first).is_some_and(|&j| near(j))
                || numbers.accounts_for(from, w.span)
                || currency_sign_across(ctx, from, w.span);
            CoveredWord {
                span: w.span,
                covered,
            }
        });
    // Sized for every word at once: collected from a filter, the vector would start small and
    // be reallocated as it grows, several times a bead.
    let mut words = Vec::with_capacity(from_words.len());
    words.extend(covered);
    cover_acronym_expansions(ctx, from, &mut words);
    words
}

/// Where the other side traces the word of side `from` at `span`: of the words it matches
/// ([`BeadContext::partners`]), the one whose place in its sentence is nearest the word's.
pub fn trace_of(ctx: &BeadContext, from: Side, span: Span) -> Option<Span> {
    let (from_words, to_words) = (ctx.coverage_keys(from), ctx.coverage_keys(from.other()));
    let i = from_words.iter().position(|w| w.span == span)?;
    let here = place(i, from_words.len());
    let distance = |j: u32| (place(j as usize, to_words.len()) - here).abs();
    let nearest = ctx
        .partners(from)
        .of(i)
        .iter()
        .copied()
        .min_by(|&a, &b| distance(a).total_cmp(&distance(b)))?;
    Some(to_words[nearest as usize].span)
}

/// Where word `k` of `of` stands in its sentence, as a share of its length (its middle).
fn place(k: usize, of: usize) -> f64 {
    (k as f64 + 0.5) / of.max(1) as f64
}

/// Content words an expansion may have (`Chasse, Pêche, Nature, Traditions ( CPNT )`).
const MAX_EXPANSION_WORDS: usize = 6;

/// Marks as covered the words that spell out an acronym the other side writes too: those just
/// before `( BVG )`, or inside the brackets after `BVG`. One side spelling it out and the other
/// giving the acronym alone (`Berlin Transport Authority ( BVG )` ↔ `BVG`, `ČTK` ↔ `Agence de
/// presse tchèque ( CTK )`) is a translator's choice, not a clause left out or added.
fn cover_acronym_expansions(ctx: &BeadContext, from: Side, words: &mut [CoveredWord]) {
    let text = ctx.side(from).text;
    let shared_acronym = |word: &str| is_short_acronym(word) && written_across(ctx, from, word);
    for (open, _) in text.match_indices('(') {
        let Some(close) = text[open..].find(')').map(|at| open + at) else {
            break;
        };
        let word_before = text[..open].trim_end().rsplit(char::is_whitespace).next();
        if shared_acronym(text[open + 1..close].trim()) {
            cover_backwards_from(text, open, words);
        } else if word_before.is_some_and(shared_acronym) {
            for word in words
                .iter_mut()
                .filter(|w| open < w.span.start && w.span.end <= close)
            {
                word.covered = true;
            }
        }
    }
}

/// Marks as covered the untraced content words that run up to `end` of `text`, with no
/// punctuation between them, [`MAX_EXPANSION_WORDS`] at most.
fn cover_backwards_from(text: &str, end: usize, words: &mut [CoveredWord]) {
    let mut boundary = end;
    let before = words.iter_mut().rev().skip_while(|w| w.span.end > end);
    for word in before.take(MAX_EXPANSION_WORDS) {
        let between = &text[word.span.end..boundary];
        if word.covered || between.contains([',', ';', ':', '.', ')']) {
            break;
        }
        word.covered = true;
        boundary = word.span.start;
    }
}

/// An acronym ([`super::names::is_acronym`]) of one short token: two to six letters, with
/// nothing but letters, digits, `-` and `&` (`BVG`, `ČTK`).
fn is_short_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && super::names::is_acronym(word)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '&')
}

/// Whether the other side of the bead writes `word`, accents aside, alone or in a compound
/// (`CPNT-EDD`, `BVG-collègue`).
fn written_across(ctx: &BeadContext, from: Side, word: &str) -> bool {
    let wanted = crate::textutil::fold(word);
    ctx.words(from.other())
        .iter()
        .any(|(_, folded)| folded.split('-').any(|part| part == wanted))
}

/// Whether the word at `span` of side `from` names a currency whose sign or code the other
/// side writes (`dollars` ↔ `$`): the lexicon pairs words, and a sign is none.
fn currency_sign_across(ctx: &BeadContext, from: Side, span: Span) -> bool {
    let side = ctx.side(from);
    let signs = &side.lang.money.signs;
    if signs.is_empty() {
        return false;
    }
    let word = side.text[span.range()].to_lowercase();
    side.lang.money.sign_in(&word, ctx.side(from.other()).text)
}

/// How far apart (as a share of sentence length) a word and its trace may stand.
const POSITION_WINDOW: f64 = 0.35;

/// A word as coverage compares it: keys ([`short_key`]) of its folded prefixes.
#[derive(Debug, Clone, Copy)]
pub struct WordKey {
    span: Span,
    /// Key of the lexicon stem ([`crate::locale::pair::lexicon_stem`]).
    stem: u64,
    /// Key of the first [`COGNATE_PREFIX`] letters, when the word has that many.
    cognate: Option<u64>,
    /// Whether it is a content word: letters only, at least three, not a function word.
    content: bool,
    /// Whether it starts with a digit (a number, which anchors as well as a content word).
    number: bool,
}

impl WordKey {
    /// Keys of every word of a side; a compound of letters joined by hyphens gives a key per
    /// part (`États-Unis` is `États` and `Unis`, which `United States` traces), as the
    /// lexicon was trained on such parts.
    pub fn all(words: &SideWords, side: &SideText) -> Vec<WordKey> {
        let mut keys = Vec::with_capacity(words.len());
        for (word, folded) in words.iter() {
            if !is_hyphenated_compound(word.text) || !push_parts(&mut keys, word, folded, side) {
                keys.push(WordKey::of(word.text, folded, word.span, side));
            }
        }
        keys
    }

    fn of(text: &str, folded: &str, span: Span, side: &SideText) -> WordKey {
        let (stem, cognate) = stem_and_cognate_lengths(folded);
        WordKey {
            span,
            stem: short_key(&folded[..stem]),
            cognate: cognate.map(|cognate| short_key(&folded[..cognate])),
            content: is_content_word(text, folded, side),
            number: text.starts_with(|c: char| c.is_ascii_digit()),
        }
    }

    pub fn span(&self) -> Span {
        self.span
    }

    pub fn is_content(&self) -> bool {
        self.content
    }

    /// Whether the word can anchor the two sides: a content word or a number.
    pub fn is_anchor_candidate(&self) -> bool {
        self.content || self.number
    }

    /// Whether `other` (a word of the other side) is this word, a cognate or a translation
    /// (`translations`: what the lexicon gives for this word's stem): what [`Partners`] finds
    /// for every word at once, and the tests compare it with.
    #[cfg(test)]
    pub fn matches(&self, other: &WordKey, translations: &[u64]) -> bool {
        self.stem == other.stem || self.is_cognate(other) || translations.contains(&other.stem)
    }

    /// Both words have at least [`COGNATE_PREFIX`] letters and start with the same ones
    /// (`transaction`/`transactions`, not `banque`/`bank`).
    #[cfg(test)]
    fn is_cognate(&self, other: &WordKey) -> bool {
        self.cognate.is_some() && self.cognate == other.cognate
    }
}

/// Letters with a hyphen between them, and nothing else (`États-Unis`, not `COVID-19`).
fn is_hyphenated_compound(word: &str) -> bool {
    word.contains('-')
        && word
            .chars()
            .all(|c| c == '-' || crate::textutil::is_letter(c))
}

/// Pushes a key for each part of the hyphenated `word`; false (nothing pushed) when its folded
/// form does not split into as many parts.
fn push_parts(keys: &mut Vec<WordKey>, word: &Word, folded: &str, side: &SideText) -> bool {
    if word.text.matches('-').count() != folded.matches('-').count() {
        return false;
    }
    let mut start = word.span.start;
    for (part, folded_part) in word.text.split('-').zip(folded.split('-')) {
        let span = Span::new(start, start + part.len());
        keys.push(WordKey::of(part, folded_part, span, side));
        start = span.end + 1;
    }
    true
}

/// Byte lengths of the first [`LEXICON_STEM_CHARS`] letters of `folded` (all of it when it
/// is shorter) and of its first [`COGNATE_PREFIX`] (`None` when it has fewer): one pass over
/// its first letters, as every word of a bead needs both.
fn stem_and_cognate_lengths(folded: &str) -> (usize, Option<usize>) {
    const LONGEST: usize = if LEXICON_STEM_CHARS > COGNATE_PREFIX {
        LEXICON_STEM_CHARS
    } else {
        COGNATE_PREFIX
    };
    // `ends[k]`: byte length of the first `k` letters; the whole word once it has run out.
    let mut ends = [folded.len(); LONGEST + 1];
    let mut letters = 0;
    for (at, _) in folded.char_indices().take(LONGEST + 1) {
        ends[letters] = at;
        letters += 1;
    }
    let cognate = (letters >= COGNATE_PREFIX).then_some(ends[COGNATE_PREFIX]);
    (ends[LEXICON_STEM_CHARS], cognate)
}

fn is_content_word(word: &str, folded: &str, side: &SideText) -> bool {
    letters_only_and_at_least(word, 3) && !side.lang.stopwords.contains(folded)
}

/// Whether `word` is made of letters only, `min` of them at least: one pass, where testing
/// the letters and counting them would walk it twice.
fn letters_only_and_at_least(word: &str, min: usize) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if !c.is_alphabetic() {
            return false;
        }
        letters += 1;
    }
    letters >= min
}

/// For each word of one side that may anchor ([`WordKey::is_anchor_candidate`]), the
/// positions of the other side's words it matches ([`WordKey::matches`]), in order. Found
/// through the other side's words sorted by key, so that a long segment costs the words
/// times their few partners, not the words of one side times those of the other.
#[derive(Debug, Default)]
pub struct Partners {
    /// Each word's range in `positions`. The partners of a word depend on its keys alone:
    /// words with the same keys share one range, so that a word a long segment repeats
    /// (`Commission`) keeps its thousands of partners once, not once per occurrence.
    ranges: Vec<(u32, u32)>,
    positions: Vec<u32>,
}

impl Partners {
    /// The partners of each word of `mine` among `other`; `lexicon` translates from `mine`'s
    /// language.
    pub fn new(mine: &[WordKey], other: &[WordKey], lexicon: &StemLexicon) -> Self {
        let by_stem = KeyedPositions::new(other.iter().zip(0..).map(|(w, j)| (w.stem, j)));
        let by_cognate = KeyedPositions::new(
            (other.iter().zip(0..)).filter_map(|(w, j)| w.cognate.map(|c| (c, j))),
        );
        let mut ranges = Vec::with_capacity(mine.len());
        // Sized once, for every word's keys and a few partners a word: grown word by word, both
        // would be reallocated several times a bead.
        let mut positions = Vec::with_capacity(mine.len() + other.len());
        let mut found: rustc_hash::FxHashMap<(u64, Option<u64>), (u32, u32)> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(mine.len(), Default::default());
        for w in mine {
            if !w.is_anchor_candidate() {
                ranges.push((0, 0));
                continue;
            }
            let range = *found.entry((w.stem, w.cognate)).or_insert_with(|| {
                let first = positions.len();
                positions.extend(by_stem.of(w.stem));
                if let Some(cognate) = w.cognate {
                    positions.extend(by_cognate.of(cognate));
                }
                for &translation in lexicon.translations_of(w.stem) {
                    positions.extend(by_stem.of(translation));
                }
                sort_and_dedup_from(&mut positions, first);
                (first as u32, positions.len() as u32)
            });
            ranges.push(range);
        }
        Partners { ranges, positions }
    }

    /// Positions on the other side of the words that word `i` matches, ascending.
    pub fn of(&self, i: usize) -> &[u32] {
        let (start, end) = self.ranges[i];
        &self.positions[start as usize..end as usize]
    }
}

/// Sorts `positions[first..]` and leaves each position once.
fn sort_and_dedup_from(positions: &mut Vec<u32>, first: usize) {
    positions[first..].sort_unstable();
    let mut kept = first;
    for k in first..positions.len() {
        if kept == first || positions[k] != positions[kept - 1] {
            positions[kept] = positions[k];
            kept += 1;
        }
    }
    positions.truncate(kept);
}

/// A run of consecutive uncovered content words.
#[derive(Debug, Clone, Copy)]
pub struct UncoveredRun {
    /// How many content words it has.
    pub words: usize,
    /// From the first one's start to the last one's end.
    pub span: Span,
}

/// The longest run of consecutive uncovered content words.
pub fn longest_uncovered_run(words: &[CoveredWord]) -> Option<UncoveredRun> {
    let (start, len) = longest_uncovered_indices(words)?;
    Some(UncoveredRun {
        words: len,
        span: Span::new(words[start].span.start, words[start + len - 1].span.end),
    })
}

/// [`longest_uncovered_run`] as (first index, length).
fn longest_uncovered_indices(words: &[CoveredWord]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for (i, w) in words.iter().enumerate() {
        match (w.covered, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                if best.is_none_or(|(_, len)| i - s > len) {
                    best = Some((s, i - s));
                }
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start
        && best.is_none_or(|(_, len)| words.len() - s > len)
    {
        best = Some((s, words.len() - s));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::{BeadContext, Check, Rule};
    use super::*;
    use crate::checks::testing::{probe_rule, run};
    use crate::model::Finding;

    static PROBE: Rule = probe_rule("partners-probe");

    /// Reports each word, of either side, whose partners differ from what comparing it with
    /// every word of the other side ([`WordKey::matches`]) gives, or whose coverage differs
    /// from trying each of its partners.
    struct PartnersProbe;

    impl Check for PartnersProbe {
        fn rule(&self) -> &'static Rule {
            &PROBE
        }

        fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
            for side in [Side::Source, Side::Target] {
                let (mine, other) = (ctx.coverage_keys(side), ctx.coverage_keys(side.other()));
                let lexicon = ctx.lexicon_from(side);
                for (i, w) in mine.iter().enumerate() {
                    let translations = lexicon.translations_of(w.stem);
                    let expected: Vec<u32> = (0..other.len() as u32)
                        .filter(|_| w.is_anchor_candidate())
                        .filter(|&j| w.matches(&other[j as usize], translations))
                        .collect();
                    if ctx.partners(side).of(i) != expected {
                        let text = ctx.side(side).text;
                        out.push(ctx.finding(&PROBE, text[w.span.range()].to_string()));
                    }
                }
                // Coverage, which skips the partners left of a word's window, against
                // trying every partner.
                let (n, m) = (mine.len().max(1) as f64, other.len().max(1) as f64);
                let content = mine.iter().enumerate().filter(|(_, w)| w.content);
                for ((i, w), found) in content.zip(coverage(ctx, side)) {
                    let near = |j: u32| {
                        ((i as f64 + 0.5) / n - (j as f64 + 0.5) / m).abs() <= POSITION_WINDOW
                    };
                    let expected = ctx.partners(side).of(i).iter().any(|&j| near(j))
                        || ctx.numbers().accounts_for(side, w.span);
                    if found.covered != expected {
                        let text = ctx.side(side).text;
                        let message = format!("coverage of {}", &text[w.span.range()]);
                        out.push(ctx.finding(&PROBE, message));
                    }
                }
            }
        }
    }

    static UNTRACED: Rule = probe_rule("untraced-probe");

    /// Reports each content word of the source without a trace in the target.
    struct UntracedProbe;

    impl Check for UntracedProbe {
        fn rule(&self) -> &'static Rule {
            &UNTRACED
        }

        fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
            for w in coverage(ctx, Side::Source).iter().filter(|w| !w.covered) {
                let word = &ctx.source.text[w.span.range()];
                out.push(ctx.finding(&UNTRACED, word.to_string()));
            }
        }
    }

    fn untraced(source: &str, target: &str) -> Vec<String> {
        let found = run(&UntracedProbe, source, target);
        found.into_iter().map(|(f, _)| f.message).collect()
    }

    #[test]
    fn the_spelt_out_form_of_an_acronym_both_sides_write_is_covered() {
        let spelt = ["Berlin", "Transport", "Authority"].map(String::from);
        let source = "The Berlin Transport Authority ( BVG ) worker had to stop .";
        let found = untraced(source, "La collègue de la BVG a dû s' arrêter .");
        assert!(!found.iter().any(|w| spelt.contains(w)), "{found:?}");
        // In a compound on the other side, and spelt out inside the brackets.
        let found = untraced(source, "La BVG-collègue a dû s' arrêter .");
        assert!(!found.iter().any(|w| spelt.contains(w)), "{found:?}");
        let inside = "The BVG ( Berlin Transport Authority ) worker had to stop .";
        let found = untraced(inside, "La collègue de la BVG a dû s' arrêter .");
        assert!(!found.iter().any(|w| spelt.contains(w)), "{found:?}");
        // An acronym the other side does not write covers nothing, nor does a comma's far side.
        let found = untraced(source, "La collègue a dû s' arrêter .");
        assert!(spelt.iter().all(|w| found.contains(w)), "{found:?}");
        let found = untraced(
            "Berlin Transport , Authority ( BVG ) workers stopped .",
            "Les collègues de la BVG se sont arrêtés .",
        );
        assert!(found.contains(&spelt[1]), "{found:?}");
    }

    #[test]
    fn stem_and_cognate_prefixes_count_letters_not_bytes() {
        fn cut(word: &str) -> (&str, Option<&str>) {
            let (stem, cognate) = stem_and_cognate_lengths(word);
            (&word[..stem], cognate.map(|c| &word[..c]))
        }
        assert_eq!(cut("transactions"), ("transa", Some("trans")));
        assert_eq!(cut("banque"), ("banque", Some("banqu")));
        assert_eq!(cut("bank"), ("bank", None));
        assert_eq!(cut("étude"), ("étude", Some("étude")));
        assert_eq!(cut("éééééééé"), ("éééééé", Some("ééééé")));
        assert_eq!(cut(""), ("", None));
    }

    #[test]
    fn a_currency_sign_traces_the_currency_name() {
        let source = "The shares rose to 67.94 dollars.";
        assert!(!untraced(source, "Les actions ont atteint $ 67,94.").contains(&"dollars".into()));
        assert!(untraced(source, "Les actions ont atteint 67,94.").contains(&"dollars".into()));
    }

    #[test]
    fn content_words_are_letters_only_three_at_least() {
        assert!(letters_only_and_at_least("été", 3));
        assert!(!letters_only_and_at_least("le", 3));
        assert!(!letters_only_and_at_least("abc1", 3));
        assert!(!letters_only_and_at_least("", 3));
    }

    #[test]
    fn the_parts_of_a_hyphenated_compound_are_words_of_their_own() {
        let source = "Relations between the United States and the Middle East.";
        assert!(
            untraced(
                source,
                "Les relations entre les États-Unis et le Moyen-Orient."
            )
            .is_empty()
        );
        // Each part is a content word of its own, traced or not.
        let found = untraced("The writer-director spoke.", "Le cinéaste a parlé.");
        assert_eq!(found, ["writer", "director"]);
        // A word with digits stays whole, and is no content word.
        assert!(untraced("The COVID-19 cases spoke.", "Les cas ont parlé.").is_empty());
    }

    #[test]
    fn partners_are_the_words_each_word_matches() {
        let pairs = [
            (
                "The bank said the banks would lend the bank's money to other banks.",
                "La banque a dit que les banques prêteraient l'argent de la banque à d'autres banques.",
            ),
            (
                "Transactions and transaction costs: 12 transactions in 2012, said the government.",
                "Les transactions et les coûts de transaction : 12 transactions en 2012, a dit le gouvernement.",
            ),
            (
                // Cognates (the same first five letters) with different stems, which no
                // lexicon pairs.
                "The zorblax station is near the zorblix of the zorblax city.",
                "La gare zorblix est près du zorblax de la ville, au zorblux.",
            ),
            (
                "Money money money, the house, the houses and the house.",
                "L'argent, l'argent, la maison, les maisons et la maison.",
            ),
            (
                // A long segment whose words have partners before, inside and after their
                // windows, and words with none near (the bridge, told only at the start).
                &format!(
                    "The new bridge will open. {}",
                    "The council met the bank and the mayor in the house. ".repeat(30)
                ),
                &format!(
                    "{} Le pont ouvrira.",
                    "Le conseil a reçu la banque et le maire dans la maison. ".repeat(30)
                ),
            ),
        ];
        for (source, target) in pairs {
            let found = run(&PartnersProbe, source, target);
            assert!(found.is_empty(), "{found:?}");
        }
    }
}
