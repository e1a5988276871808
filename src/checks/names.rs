//! Names in a source segment that its translation should carry over: brands, people,
//! places, acronyms. Shared by the entity checks.

use super::BeadContext;
use super::positions::KeyedPositions;
use super::side_words::SideWords;
use crate::locale::pair::{NameClass, NameForm, PairKnowledge};
use crate::model::{Side, Span};
use crate::textutil::{Word, fold};

/// A name of the source segment.
#[derive(Debug, Clone)]
pub struct SourceName<'a> {
    pub text: &'a str,
    /// Span relative to the bead's source text.
    pub span: Span,
    pub folded: String,
}

/// A target word (or two joined) close to a source name but different: a likely misspelling.
#[derive(Debug, Clone, PartialEq)]
pub struct Misspelling {
    pub span: Span,
    pub text: String,
    /// The same letters with a space or hyphen more or less (`JP Morgan` for `JPMorgan`).
    pub spacing_only: bool,
}

/// Capitalised words of the source that are names: not sentence-initial unless the document
/// uses them as names elsewhere, not function words, not words the document writes in lower
/// case.
pub fn source_names<'a>(ctx: &BeadContext<'a>) -> Vec<SourceName<'a>> {
    source_words(ctx, |w, folded| is_name_like(ctx, w, folded))
}

/// Every capitalised word of the source that is not a function word, wherever it stands: the
/// candidates a misspelling in the target may come from. Wider than [`source_names`], since a
/// target word close to a sentence-initial `Boeing` is as suspicious as one close to a
/// mid-sentence one.
pub fn capitalized_source_words<'a>(ctx: &BeadContext<'a>) -> Vec<SourceName<'a>> {
    source_words(ctx, |w, folded| {
        w.text.chars().next().is_some_and(char::is_uppercase)
            && w.text.chars().count() >= 2
            && !ctx.source.lang.stopwords.contains(folded)
    })
}

fn source_words<'a>(
    ctx: &BeadContext<'a>,
    keep: impl Fn(&Word, &str) -> bool,
) -> Vec<SourceName<'a>> {
    ctx.words(Side::Source)
        .iter()
        .filter(|(w, folded)| keep(w, folded))
        .map(|(w, folded)| SourceName {
            text: w.text,
            span: w.span,
            folded: without_dots(folded),
        })
        .collect()
}

/// A folded name without its dots: `U.S.` and `US` are one name.
fn without_dots(folded: &str) -> String {
    if folded.contains('.') {
        folded.replace('.', "")
    } else {
        folded.to_string()
    }
}

fn is_name_like(ctx: &BeadContext, w: &Word, folded: &str) -> bool {
    let text = w.text;
    // Most words are lower-case ASCII: told by their bytes, without decoding.
    let two_with_a_capital = if text.is_ascii() {
        text.len() >= 2 && text.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        text.chars().count() >= 2 && text.chars().any(char::is_uppercase)
    };
    if !two_with_a_capital {
        return false;
    }
    if !text.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    if ctx.source.lang.stopwords.contains(folded) {
        return false;
    }
    let distinctive =
        is_acronym(text) || has_inner_capital(text) || text.chars().any(|c| c.is_ascii_digit());
    if distinctive {
        return true;
    }
    if ctx.source.lang.nouns_capitalized && !ctx.document.target_writes_capitalized(folded) {
        // Every noun has a capital (German `Umsatz`): a name is a word the target document
        // writes with one too, having carried it over somewhere.
        return false;
    }
    if ctx.document.lowercase.contains(folded) {
        return false;
    }
    !ctx.source.starts_sentence_at(w.span.start) || ctx.document.names.contains(folded)
}

/// `AFP`, `CNBC`, `U.S`: two or more capitals and no lower-case letter.
pub fn is_acronym(text: &str) -> bool {
    text.chars().filter(|c| c.is_uppercase()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// `JPMorgan`, `iPhone`, `McDonald`: a capital after a lower-case letter.
fn has_inner_capital(text: &str) -> bool {
    text.chars()
        .zip(text.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// The target's words as the names of a bead are compared with them (folded, without dots),
/// when dropping dots changes any: else the target's folded words serve as they are
/// ([`BeadContext::name_target`]), without a copy.
pub fn dotless_target_words<'a>(ctx: &BeadContext<'a>) -> Option<SideWords<'a>> {
    let target = ctx.words(Side::Target);
    if !target.any_folded_holds('.') {
        return None;
    }
    // Folding rarely lengthens a text: one allocation for the buffer, and most words have
    // no dot to drop and are copied whole.
    let buffer = String::with_capacity(ctx.target.text.len() + 8);
    let words = SideWords::build(target.words().to_vec(), buffer, |i, _, out| {
        let folded = target.folded(i);
        if folded.contains('.') {
            out.extend(folded.chars().filter(|&c| c != '.'))
        } else {
            out.push_str(folded)
        }
    });
    Some(words)
}

/// What the names of one bead look up, found once for all of them: the target's words folded
/// and, when the bead is long, an index of them by first letter and of how often the source
/// has each name. A short bead scans its few words instead; both ways give the same answers,
/// but on a document held in one line, scanning every target word for each of thousands of
/// names grows with the square of its length.
pub struct NameLookup<'t> {
    names: &'t [SourceName<'t>],
    /// The target's words as written (`words` holds them folded).
    written: &'t [Word<'t>],
    words: Vec<&'t str>,
    index: std::cell::OnceCell<LongBeadIndex<'t>>,
    /// The source names' folded forms ([`NameLookup::is_source_name`]).
    source_names: std::cell::OnceCell<rustc_hash::FxHashSet<&'t str>>,
    /// The positions of the target words written with a capital, ascending: a short bead's
    /// names scan these rather than every word where only such a word can answer.
    capitalized: std::cell::OnceCell<Vec<u32>>,
    /// The positions of the folded target words with a hyphen, ascending: only those can be
    /// a name without one respaced ([`NameLookup::first_respaced`]).
    hyphenated: std::cell::OnceCell<Vec<u32>>,
}

/// [`NameLookup`]'s index of a long bead.
struct LongBeadIndex<'t> {
    /// Positions of the target words by their first letter, ascending. The words that start
    /// with no letter (a hyphen, or nothing left once folded) are in every list, and make the
    /// list of a letter no word starts with.
    by_initial: rustc_hash::FxHashMap<char, Vec<u32>>,
    no_initial: Vec<u32>,
    /// How many hyphenated target words (compounds) have each part.
    part_counts: rustc_hash::FxHashMap<&'t str, usize>,
    /// How many of the source's names have each folded form.
    name_counts: rustc_hash::FxHashMap<&'t str, usize>,
    /// [`closest_variant`] of each folded name looked up so far: a long bead repeats its
    /// names (`Commission`, `Parliament`), and each search scans every target word that
    /// starts as the name does.
    closest: std::cell::RefCell<rustc_hash::FxHashMap<String, Option<Misspelling>>>,
    /// The positions of [`LongBeadIndex::by_initial`] whose word is written with a capital:
    /// where a misspelt name can stand.
    capitalized_by_initial: std::cell::OnceCell<rustc_hash::FxHashMap<char, Vec<u32>>>,
    capitalized_no_initial: std::cell::OnceCell<Vec<u32>>,
    /// The words of [`LongBeadIndex::by_initial`] and [`LongBeadIndex::no_initial`], each
    /// once.
    distinct: std::cell::OnceCell<DistinctWords<'t>>,
    /// [`NameLookup::holds_adaptation`] of each folded name looked up so far, for the same
    /// reason.
    adapted: std::cell::RefCell<rustc_hash::FxHashMap<String, bool>>,
    /// The hyphen-separated parts of the target words, in order, and the positions of each
    /// part among them: where multi-word forms are looked for.
    parts: std::cell::OnceCell<WordParts<'t>>,
    /// The positions of each target word.
    by_word: std::cell::OnceCell<KeyedPositions<&'t str>>,
    /// Each compound's form without hyphens, with the position of the first compound so.
    compounds: std::cell::OnceCell<rustc_hash::FxHashMap<String, u32>>,
}

impl<'t> LongBeadIndex<'t> {
    /// The positions of each of `words` (the bead's target words).
    fn positions_by_word(&self, words: &[&'t str]) -> &KeyedPositions<&'t str> {
        self.by_word
            .get_or_init(|| KeyedPositions::new(words.iter().copied().zip(0..)))
    }
}

/// [`LongBeadIndex::distinct`]: each list's words once, in the order they first stand.
struct DistinctWords<'t> {
    by_initial: rustc_hash::FxHashMap<char, Vec<&'t str>>,
    no_initial: Vec<&'t str>,
}

/// [`LongBeadIndex::parts`].
struct WordParts<'t> {
    parts: Vec<&'t str>,
    positions: KeyedPositions<&'t str>,
}

/// Target words up to which a bead's names scan them all.
const SCANNED_WORDS: usize = 64;

impl<'t> NameLookup<'t> {
    /// `target`: [`BeadContext::name_target`].
    pub fn new(names: &'t [SourceName<'t>], target: &'t SideWords<'t>) -> Self {
        NameLookup {
            names,
            written: target.words(),
            words: target.iter().map(|(_, folded)| folded).collect(),
            index: std::cell::OnceCell::new(),
            source_names: std::cell::OnceCell::new(),
            capitalized: std::cell::OnceCell::new(),
            hyphenated: std::cell::OnceCell::new(),
        }
    }

    /// [`NameLookup::capitalized`].
    fn capitalized_positions(&self) -> &[u32] {
        self.capitalized.get_or_init(|| {
            (0..)
                .zip(self.written)
                .filter(|(_, w)| w.text.chars().next().is_some_and(char::is_uppercase))
                .map(|(j, _)| j)
                .collect()
        })
    }

    /// The target's words, folded and without dots.
    fn words(&self) -> &[&'t str] {
        &self.words
    }

    fn long_bead_index(&self) -> Option<&LongBeadIndex<'t>> {
        (self.words.len() > SCANNED_WORDS).then(|| self.index.get_or_init(|| self.build_index()))
    }

    fn build_index(&self) -> LongBeadIndex<'t> {
        let mut by_initial: rustc_hash::FxHashMap<char, Vec<u32>> = Default::default();
        let mut no_initial = Vec::new();
        let mut part_counts: rustc_hash::FxHashMap<&'t str, usize> = Default::default();
        for (j, word) in self.words.iter().enumerate() {
            match word.chars().next() {
                Some(c) if c != '-' => by_initial.entry(c).or_default().push(j as u32),
                _ => no_initial.push(j as u32),
            }
            if word.contains('-') {
                let mut parts: Vec<&str> = word.split('-').collect();
                parts.sort_unstable();
                parts.dedup();
                for part in parts {
                    *part_counts.entry(part).or_default() += 1;
                }
            }
        }
        if !no_initial.is_empty() {
            for positions in by_initial.values_mut() {
                positions.extend(&no_initial);
                positions.sort_unstable();
            }
        }
        let mut name_counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for name in self.names {
            *name_counts.entry(name.folded.as_str()).or_default() += 1;
        }
        LongBeadIndex {
            by_initial,
            no_initial,
            part_counts,
            name_counts,
            closest: Default::default(),
            capitalized_by_initial: Default::default(),
            capitalized_no_initial: Default::default(),
            distinct: Default::default(),
            adapted: Default::default(),
            parts: Default::default(),
            by_word: Default::default(),
            compounds: Default::default(),
        }
    }

    /// Positions, ascending, of the target words that may start as `folded` does, in a long
    /// bead; `None` in a short one, whose words are all scanned.
    fn starting_like(&self, folded: &str) -> Option<&[u32]> {
        let index = self.long_bead_index()?;
        let initial = folded.chars().next()?;
        Some(index.by_initial.get(&initial).unwrap_or(&index.no_initial))
    }

    /// [`NameLookup::starting_like`], only the words written with a capital.
    fn capitalized_starting_like(&self, folded: &str) -> Option<&[u32]> {
        let index = self.long_bead_index()?;
        let initial = folded.chars().next()?;
        let capitalized = |positions: &[u32]| -> Vec<u32> {
            let written = |j: u32| self.written[j as usize].text;
            positions
                .iter()
                .copied()
                .filter(|&j| written(j).chars().next().is_some_and(char::is_uppercase))
                .collect()
        };
        let by_initial = index.capitalized_by_initial.get_or_init(|| {
            index
                .by_initial
                .iter()
                .map(|(&c, positions)| (c, capitalized(positions)))
                .collect()
        });
        Some(match by_initial.get(&initial) {
            Some(positions) => positions,
            None => index
                .capitalized_no_initial
                .get_or_init(|| capitalized(&index.no_initial)),
        })
    }

    /// Whether a target word is the folded name adapted to the target language
    /// ([`Adaptations`]). A long bead remembers the answer for each name, which it repeats.
    fn holds_adaptation(&self, folded: &str, pair: &PairKnowledge) -> bool {
        let search = || {
            let adaptations = Adaptations::of(folded, pair);
            self.any_starting_like(adaptations.initials(), |t| adaptations.match_word(t))
        };
        let Some(index) = self.long_bead_index() else {
            return search();
        };
        if let Some(&known) = index.adapted.borrow().get(folded) {
            return known;
        }
        let found = search();
        index.adapted.borrow_mut().insert(folded.to_string(), found);
        found
    }

    /// Whether `folded` is one of the bead's source names, folded: a set built on the first
    /// question, since most beads ask none.
    fn is_source_name(&self, folded: &str) -> bool {
        self.source_names
            .get_or_init(|| self.names.iter().map(|n| n.folded.as_str()).collect())
            .contains(folded)
    }

    /// Whether a target word that starts with one of `initials` (`None`: with no letter)
    /// passes `test`, which no other word can (an adaptation starts as the name or one of its
    /// spellings does): in a long bead, the words that start so are looked up; in a short
    /// one, every word's first character is compared before `test`.
    fn any_starting_like(
        &self,
        initials: impl Iterator<Item = Option<char>>,
        test: impl Fn(&str) -> bool,
    ) -> bool {
        let Some(index) = self.long_bead_index() else {
            let initials: Vec<Option<char>> = initials.collect();
            return self
                .words
                .iter()
                .any(|t| initials.contains(&t.chars().next()) && test(t));
        };
        let mut initials: Vec<Option<char>> = initials.collect();
        initials.sort_unstable();
        initials.dedup();
        // Each word once: `test` is asked of a word, not of where it stands.
        let distinct = index.distinct.get_or_init(|| {
            let distinct = |positions: &[u32]| -> Vec<&'t str> {
                let mut seen = rustc_hash::FxHashSet::default();
                let words = positions.iter().map(|&j| self.words[j as usize]);
                words.filter(|w| seen.insert(*w)).collect()
            };
            DistinctWords {
                by_initial: (index.by_initial.iter())
                    .map(|(&c, positions)| (c, distinct(positions)))
                    .collect(),
                no_initial: distinct(&index.no_initial),
            }
        });
        initials.into_iter().any(|initial| {
            let words = initial
                .and_then(|c| distinct.by_initial.get(&c))
                .unwrap_or(&distinct.no_initial);
            words.iter().any(|w| test(w))
        })
    }

    /// The hyphen-separated parts of the folded target words, in order.
    fn word_parts(&self) -> Vec<&'t str> {
        self.words.iter().flat_map(|t| t.split('-')).collect()
    }

    /// Whether a (possibly multi-word) form stands among the folded target words: one word,
    /// or a run of the words' hyphen-separated parts joined by spaces or by hyphens. A match
    /// starts as the form does, and a run with the form's whole first part (a part has no
    /// space or hyphen to end it sooner): a long bead tries only the words and parts that do.
    fn holds_form(&self, form: &NameForm) -> bool {
        let mut pieces = form.folded.split([' ', '-']);
        let head = pieces.next().unwrap_or("");
        let count = 1 + pieces.count();
        if count == 1 {
            return match self.starting_like(&form.folded) {
                Some(positions) => positions
                    .iter()
                    .any(|&j| form.matches(self.words[j as usize])),
                None => self.words.iter().any(|t| form.matches(t)),
            };
        }
        let Some(index) = self.long_bead_index() else {
            let parts = self.word_parts();
            let starts = (0..parts.len()).filter(|&i| parts[i] == head);
            return run_matches(form, &parts, count, starts);
        };
        let parts = index.parts.get_or_init(|| {
            let parts = self.word_parts();
            let positions = KeyedPositions::new(parts.iter().copied().zip(0..));
            WordParts { parts, positions }
        });
        let starts = parts.positions.of(head).map(|i| i as usize);
        run_matches(form, &parts.parts, count, starts)
    }

    /// The first target word that is the folded name with a hyphen more or less
    /// ([`is_respaced`]). A long bead finds it through the words' forms: a compound without its
    /// hyphens for a name without one, the word without hyphens for a name with one.
    fn first_respaced(&self, name: &str) -> Option<usize> {
        let Some(index) = self.long_bead_index() else {
            if name.contains('-') {
                return (0..self.words.len()).find(|&j| is_respaced(self.words[j], name, true));
            }
            // A bead's names each ask: its few hyphenated words are found once.
            let hyphenated = self.hyphenated.get_or_init(|| {
                (0..)
                    .zip(&self.words)
                    .filter(|(_, w)| w.contains('-'))
                    .map(|(j, _)| j)
                    .collect()
            });
            return hyphenated
                .iter()
                .map(|&j| j as usize)
                .find(|&j| is_respaced(self.words[j], name, false));
        };
        let position = if name.contains('-') {
            let joined: String = unhyphenated(name).collect();
            index.positions_by_word(&self.words).of(&joined).next()
        } else {
            let compounds = index.compounds.get_or_init(|| {
                let mut first = rustc_hash::FxHashMap::default();
                for (j, word) in self.words.iter().enumerate() {
                    if word.contains('-') {
                        first
                            .entry(unhyphenated(word).collect())
                            .or_insert(j as u32);
                    }
                }
                first
            });
            compounds.get(name).copied()
        };
        position.map(|j| j as usize)
    }

    /// The first target word `i` for which `splits(i)`: the first of two words that join into
    /// the name ([`splits_name`]). A long bead looks up the words equal to each beginning of
    /// the name.
    fn first_split(&self, name: &str, splits: impl Fn(usize) -> bool) -> Option<usize> {
        let Some(index) = self.long_bead_index() else {
            // The second word of a split name has its capital (`splits_name`).
            let seconds = self.capitalized_positions().iter().filter(|&&j| j > 0);
            return seconds.map(|&j| j as usize - 1).find(|&i| splits(i));
        };
        let by_word = index.positions_by_word(&self.words);
        let beginnings = name.char_indices().map(|(at, _)| at).chain([name.len()]);
        beginnings
            .filter_map(|at| {
                by_word
                    .of(&name[..at])
                    .map(|i| i as usize)
                    .find(|&i| splits(i))
            })
            .min()
    }

    /// How many of the bead's source names are folded as `folded`.
    fn source_count(&self, folded: &str) -> usize {
        match self.long_bead_index() {
            Some(index) => index.name_counts.get(folded).copied().unwrap_or(0),
            None => self.names.iter().filter(|n| n.folded == folded).count(),
        }
    }

    /// How many target words hold the folded name ([`holds_name`]).
    fn count_holding(&self, name: &str) -> usize {
        let Some(index) = self.long_bead_index() else {
            return self.words.iter().filter(|t| holds_name(t, name)).count();
        };
        // The words that are the name, and the compounds one of whose parts is (a compound is
        // never one of its own parts).
        let words = index.positions_by_word(&self.words).of(name).count();
        words + index.part_counts.get(name).copied().unwrap_or(0)
    }
}

/// Whether `name` (one of the bead's names) is missing from `target`, whose words `lookup` has
/// folded for all the names: no trace of it and no misspelling. The traces are looked for
/// first: most names have one, and the search for a misspelling is the dearest test.
pub fn is_missing_in_target(
    ctx: &BeadContext,
    name: &SourceName,
    target: &SideWords,
    lookup: &NameLookup,
) -> bool {
    !has_trace_in_target(ctx, name, lookup) && misspelt_variant(ctx, name, target, lookup).is_none()
}

/// Whether the target has `name` other than misspelt: whole, written the target language's
/// way, adapted to it, rendered some other way, or with a letter spelt out.
fn has_trace_in_target(ctx: &BeadContext, name: &SourceName, lookup: &NameLookup) -> bool {
    // As often in the target as in the source (`Boeing said … six Boeing 787s`).
    let source_count = lookup.source_count(&name.folded).max(1);
    if lookup.count_holding(&name.folded) >= source_count {
        return true;
    }
    let (own, phrase) = classes_of(ctx, name, lookup.names);
    // A class reached through a longer name (`European Union`) is there in its own forms, not
    // in the prefix forms meant for one word (`européen*`): `Uniion européenne` has the
    // adjective but misspells the name.
    let written_so = own
        .iter()
        .any(|c| c.target_forms.iter().any(|f| lookup.holds_form(f)))
        || phrase.iter().any(|c| {
            c.target_forms
                .iter()
                .any(|f| !f.prefix && lookup.holds_form(f))
        });
    if written_so || lookup.holds_adaptation(&name.folded, ctx.pair) {
        // Written the target language's way (`London` → `Londres`) or adapted to it
        // (`Colombia` → `Colombie`, `Salzburg` → `Salzbourg`).
        return true;
    }
    let has_class = !own.is_empty() || !phrase.is_empty();
    if has_class || ctx.pair.translated_words.contains(&name.folded) {
        // A name the languages write differently and that the target renders some other way
        // (a pronoun, a paraphrase): the omission checks' business, not the entity checks'.
        return true;
    }
    // `Schroeder` for `Schröder`, `Center` for `Centre`.
    lookup
        .written
        .iter()
        .zip(&lookup.words)
        .any(|(w, folded)| same_name_spelt_out(name.text, w.text) || respelt(ctx, name, folded))
}

/// Whether the target's word `written` (folded) is the name, a common word, in another
/// spelling of one of the two languages: the target language's (`Centre` → `Center`, which an
/// American translation writes) or the source language's own (`Center` → `Centre`, the
/// French word being the British spelling).
fn respelt(ctx: &BeadContext, name: &SourceName, written: &str) -> bool {
    ctx.target.lang.respells(written, &name.folded)
        || ctx.source.lang.respells(&name.folded, written)
}

/// `data/common/letter-spellings.tsv`: the letters names are also written without, each with
/// the letters that stand for it (`ö`, `oe`).
fn letter_spellings() -> &'static [(char, &'static str)] {
    static SPELLINGS: std::sync::OnceLock<Vec<(char, &'static str)>> = std::sync::OnceLock::new();
    SPELLINGS.get_or_init(|| {
        parse_letter_spellings(include_str!("../../data/common/letter-spellings.tsv"))
    })
}

fn parse_letter_spellings(text: &'static str) -> Vec<(char, &'static str)> {
    crate::locale::data_lines(text)
        .map(|line| {
            let (letter, spelt) = line
                .split_once('\t')
                .expect("letter-spellings.tsv: letter <TAB> letters (tested)");
            let mut letters = letter.chars();
            let first = letters.next().expect("a letter (tested)");
            assert!(letters.next().is_none(), "one letter a line (tested)");
            (first, spelt)
        })
        .collect()
}

/// The letters that stand for the lower-case letter `c` in [`letter_spellings`], if any.
fn spelling_of(c: char) -> Option<&'static str> {
    letter_spellings()
        .iter()
        .find(|(letter, _)| *letter == c)
        .map(|&(_, spelt)| spelt)
}

/// Whether two different spellings are one name once the letters of
/// [`letter_spellings`] are spelt out: `Schröder` and `Schroeder`, `Søren` and `Soeren`.
fn same_name_spelt_out(a: &str, b: &str) -> bool {
    // Plain ASCII has no such letter: most words stop here. (Other accents are the folding's
    // business: `Fédération` is not spelt out.)
    let has_letter = |word: &str| {
        !word.is_ascii()
            && word
                .chars()
                .flat_map(char::to_lowercase)
                .any(|c| spelling_of(c).is_some())
    };
    if a == b || !(has_letter(a) || has_letter(b)) {
        return false;
    }
    let spelt_out = |word: &str| {
        let mut out = String::with_capacity(word.len() + 4);
        for c in word.chars().flat_map(char::to_lowercase) {
            match spelling_of(c) {
                Some(spelt) => out.push_str(spelt),
                None => out.push(c),
            }
        }
        fold(&out)
    };
    spelt_out(a) == spelt_out(b)
}

/// The target word closest to `name` that misspells it, if any: not the name, not an
/// adaptation of it, not a word of the target language. A near variant is a misspelling however
/// else the target writes the name (`la Commission … la Commmission`).
pub fn misspelt_variant(
    ctx: &BeadContext,
    name: &SourceName,
    target: &SideWords,
    lookup: &NameLookup,
) -> Option<Misspelling> {
    // Compounds are split where the target language joins nouns to names with a hyphen
    // (`Manaslu-Gletscher`); elsewhere a part is rather a combining form (`Germano-turcs`).
    let split_compounds = ctx.target.lang.nouns_capitalized;
    let words = target.words();
    let long_bead = (
        lookup.capitalized_starting_like(&name.folded),
        lookup.long_bead_index(),
    );
    let variant = match long_bead {
        (Some(positions), Some(index)) => {
            // A function of the folded name alone, found once per bead.
            let known = index.closest.borrow().get(&name.folded).cloned();
            known.unwrap_or_else(|| {
                let candidates = positions.iter().map(|&j| j as usize);
                let found = closest_variant(name, words, lookup, split_compounds, candidates);
                let mut closest = index.closest.borrow_mut();
                closest.insert(name.folded.clone(), found.clone());
                found
            })
        }
        _ => {
            // Only a word written with a capital can be chosen.
            let candidates = lookup.capitalized_positions().iter().map(|&j| j as usize);
            closest_variant(name, words, lookup, split_compounds, candidates)
        }
    }?;
    let text = &variant.text;
    let folded = fold(text);
    let word_of_the_language = translates_common_word(ctx, name, text, &folded)
        || same_name_spelt_out(name.text, text)
        || ctx.document.target_writes_in_lower_case(&folded)
        || adapted(ctx, name, &variant, &folded)
        || is_other_word(ctx, name, &folded)
        || is_known_form(ctx, name, lookup.names, &folded);
    // A translated common word the lexicon knows, one the target document also writes in lower
    // case elsewhere (`Center` → `Centre`, `Blues` → `Bleus`), an adaptation, another word of
    // the target language (`Cech` → `Czech`), the pair's own form of the name (`Brandebourg`)
    // or the name with a letter spelt out (`Schroeder`): not a misspelt name.
    (!word_of_the_language).then_some(variant)
}

/// Whether the folded variant is the name adapted the target language's way ([`Adaptations`]).
/// Not a changed ending alone after a given name carried over unchanged (`Tim Cook` → `Tim
/// Cooke`): a person's name keeps its ending where places and peoples adapt theirs (`Colombia`
/// → `Colombie`, `South Carolina` → `Caroline du Sud`), but for its grammar's case endings
/// (`Caspar Hausers`, [`declined`]); a transliterated one may take the target language's
/// (`Boris Yeltsin` → `Boris Eltsine`).
fn adapted(ctx: &BeadContext, name: &SourceName, variant: &Misspelling, folded: &str) -> bool {
    let adaptations = Adaptations::of(&name.folded, ctx.pair);
    if adaptations.transliterated(folded) {
        return true;
    }
    adaptations.match_word(folded)
        && (declined(ctx, &name.folded, folded)
            || !same_name_before(
                (ctx.source.text, name.span.start),
                (ctx.target.text, variant.span.start),
            ))
}

/// Whether one of the folded forms is the other with a case ending of its side's language
/// (`hausers`, German genitive, for `hauser`).
fn declined(ctx: &BeadContext, source: &str, target: &str) -> bool {
    let ends = |long: &str, short: &str, lang: &crate::locale::Language| {
        (lang.name_case_endings.iter())
            .any(|ending| long.strip_suffix(ending.as_str()) == Some(short))
    };
    ends(target, source, ctx.target.lang) || ends(source, target, ctx.source.lang)
}

/// Whether the words just before byte `at` of the source and of the target, each after
/// nothing but spaces, are the same capitalised word (`Tim` of `Tim Cook` and `Tim Cooke`).
fn same_name_before((source, at): (&str, usize), (target, target_at): (&str, usize)) -> bool {
    fn before(text: &str, at: usize) -> Option<&str> {
        let text = &text[..at];
        let trimmed = text.trim_end();
        let word = trimmed.rsplit(char::is_whitespace).next()?;
        (trimmed.len() < text.len()
            && word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic))
        .then_some(word)
    }
    before(source, at).is_some_and(|word| before(target, target_at) == Some(word))
}

/// Whether the folded variant is a form the pair's name data gives for the name (`Brandebourg`
/// for `Brandenburg`, `Pékin` for `Peking`). A form ending in `*` stands for the words made on
/// it (`afghan*`: `afghane`, `afghans`), not for a misspelling of the class's whole name that
/// starts the same way (`Afghannistan`).
fn is_known_form(ctx: &BeadContext, name: &SourceName, names: &[SourceName], folded: &str) -> bool {
    let (own, phrase) = classes_of(ctx, name, names);
    let target = ctx.target.lang;
    own.iter().chain(&phrase).any(|c| {
        c.target_forms.iter().any(|f| {
            f.matches(folded)
                && (!f.prefix || target.knows(folded) || !misspells_whole_form(c, folded))
        })
    })
}

/// Whether `folded` is a near variant of one of the class's whole (not `*`) target forms.
fn misspells_whole_form(class: &NameClass, folded: &str) -> bool {
    class.target_forms.iter().any(|f| {
        !f.prefix
            && f.folded != folded
            && misspelling_similarity(&f.folded, folded) >= MISSPELLING_SIMILARITY
    })
}

/// Whether the folded variant is a word the target language knows and the name is not: a typo
/// rarely makes a real word, while a name next to a word of the language (`Cech`, the
/// goalkeeper, and `Czech`) is another word.
fn is_other_word(ctx: &BeadContext, name: &SourceName, folded: &str) -> bool {
    let target = ctx.target.lang;
    target.knows(folded) && !target.knows(&name.folded)
}

/// Whether `variant` (folded: `folded`) is a translation of a capitalised common word the
/// lexicon knows (`Department` → `Département`, `Consider` → `Considérez`). Not when the target
/// language writes the source word as it is (`commission` is a French word too) and does not
/// know the variant: the lexicon's stems are first letters, blind to `Commission` →
/// `Commissioon`.
fn translates_common_word(
    ctx: &BeadContext,
    name: &SourceName,
    variant: &str,
    folded: &str,
) -> bool {
    let target = ctx.target.lang;
    let misspelt_word = target.knows(&name.folded) && !target.knows(folded);
    // Nor when a name — no word of the source language, written with a capital inside a
    // sentence of the source document and never in lower case — has a variant closer to it
    // than a misspelling needs, and no word of the target language either: `Himalayya` shares
    // its stem with `Himalaya`, a translation of itself, as any typo after the stem would. A
    // capitalised common word (`Interviewed` → `Interviewée` opening a sentence) is
    // translated, not misspelt.
    let common_word = ctx.source.lang.knows(&name.folded)
        || ctx.document.lowercase.contains(&name.folded)
        || !ctx.document.names.contains(&name.folded);
    let near_typo = !target.knows(folded)
        && !common_word
        && misspelling_similarity(&name.folded, folded) > MISSPELLING_SIMILARITY;
    ctx.pair.lexicon.translates(name.text, variant) && !misspelt_word && !near_typo
}

/// Whether `form` is a run of `count` of the target's word parts that starts at one of
/// `starts`, joined by spaces or by hyphens.
fn run_matches(
    form: &NameForm,
    parts: &[&str],
    count: usize,
    mut starts: impl Iterator<Item = usize>,
) -> bool {
    let mut joined = String::new();
    starts.any(|start| {
        let Some(run) = parts.get(start..start + count) else {
            return false;
        };
        [" ", "-"].iter().any(|separator| {
            joined.clear();
            for (k, part) in run.iter().enumerate() {
                if k > 0 {
                    joined.push_str(separator);
                }
                joined.push_str(part);
            }
            form.matches(&joined)
        })
    })
}

/// Name classes that hold this name alone, and those that hold it only as part of a run of
/// capitalised words around it (`White House`, `Prime Minister`).
fn classes_of<'c>(
    ctx: &'c BeadContext,
    name: &SourceName,
    names: &[SourceName],
) -> (Vec<&'c NameClass>, Vec<&'c NameClass>) {
    let at = names.iter().position(|n| n.span == name.span).unwrap_or(0);
    let mut phrases = Vec::new();
    for len in 2..=3 {
        for start in at.saturating_sub(len - 1)..=at {
            if let Some(run) = names.get(start..start + len)
                && run.windows(2).all(|p| {
                    ctx.source.text[p[0].span.end..p[1].span.start]
                        .trim()
                        .is_empty()
                })
            {
                phrases.push(
                    run.iter()
                        .map(|n| n.folded.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
    }
    let own = ctx.pair.name_classes_matching(&[&name.folded]);
    let phrases: Vec<&str> = phrases.iter().map(String::as_str).collect();
    let mut phrase = ctx.pair.name_classes_matching(&phrases);
    phrase.retain(|c| !own.iter().any(|o| std::ptr::eq(*o, *c)));
    (own, phrase)
}

/// Minimum similarity (normalized Damerau–Levenshtein on folded text) of a misspelling.
const MISSPELLING_SIMILARITY: f64 = 0.8;

/// `strsim::normalized_damerau_levenshtein(a, b)`, or 0 without computing it when
/// [`may_be_misspelling`] rules out that it reaches [`MISSPELLING_SIMILARITY`].
fn misspelling_similarity(a: &str, b: &str) -> f64 {
    if !may_be_misspelling(a, b) {
        return 0.0;
    }
    strsim::normalized_damerau_levenshtein(a, b)
}

/// Whether two words may be [`MISSPELLING_SIMILARITY`] alike, by a bound cheaper than their
/// distance: every edit (a letter added, dropped, replaced, or two swapped) changes the count
/// of at most one letter of each word's over the other's, so the distance is at least the
/// larger of the two surpluses (the bag distance; counted here by 32 buckets of letters,
/// which only lowers it), and the similarity at most 1 − that / the longer length. Most
/// candidates of a name are ruled out so, without the distance's table.
fn may_be_misspelling(a: &str, b: &str) -> bool {
    let mut counts = [0i32; 32];
    let (mut a_chars, mut b_chars) = (0, 0);
    for c in a.chars() {
        counts[c as usize % 32] += 1;
        a_chars += 1;
    }
    for c in b.chars() {
        counts[c as usize % 32] -= 1;
        b_chars += 1;
    }
    let a_surplus: i32 = counts.iter().filter(|&&n| n > 0).sum();
    let b_surplus: i32 = -counts.iter().filter(|&&n| n < 0).sum::<i32>();
    let at_least = a_surplus.max(b_surplus);
    let at_most = 1.0 - f64::from(at_least) / f64::from(a_chars.max(b_chars));
    // Two empty words give 0 / 0: no bound, and strsim calls them alike.
    at_most.is_nan() || at_most >= MISSPELLING_SIMILARITY
}

/// The target word (or two joined) that misspells `name` most closely: written with a hyphen
/// more or less, split in two, or else the closest among the positions `candidates` gives
/// (every target word written with a capital that starts as the name does, at least: only
/// those can be chosen).
fn closest_variant(
    name: &SourceName,
    target_words: &[Word],
    lookup: &NameLookup,
    split_compounds: bool,
    candidates: impl Iterator<Item = usize>,
) -> Option<Misspelling> {
    if name.folded.chars().count() < 4 {
        return None;
    }
    let folded_target = lookup.words();
    // The same letters with a hyphen or space more or less (`Miskolc-Tapolca`).
    if let Some(j) = lookup.first_respaced(&name.folded) {
        let w = &target_words[j];
        return Some(Misspelling {
            span: w.span,
            text: w.text.to_string(),
            spacing_only: true,
        });
    }
    // Two target words joined (`JP Morgan` for `JPMorgan`). The second keeps its capital in a
    // name split in two; in lower case it is a word of the language (`Apart` → `à part`).
    let splits = |i: usize| splits_name(target_words, folded_target, i, &name.folded);
    if let Some(i) = lookup.first_split(&name.folded, splits) {
        let span = Span::new(target_words[i].span.start, target_words[i + 1].span.end);
        // The two words as one form, so that a form the pair's data gives (`Viet Nam`
        // for `Vietnam`) is recognised as the name.
        let text = format!("{} {}", target_words[i].text, target_words[i + 1].text);
        return Some(Misspelling {
            span,
            text,
            spacing_only: true,
        });
    }
    let words = candidates.map(|j| {
        (
            target_words[j],
            std::borrow::Cow::Borrowed(folded_target[j]),
        )
    });
    let hyphenated = name.folded.contains('-');
    let compounds = if split_compounds && !hyphenated {
        target_words
    } else {
        &[]
    };
    let parts = compounds
        .iter()
        .filter(|w| w.text.contains('-'))
        .flat_map(compound_parts)
        .map(|w| (w, std::borrow::Cow::Owned(fold(w.text))));
    // A word a long bead repeats (`Commission`) is compared with the name once.
    let mut similarities: rustc_hash::FxHashMap<String, f64> = Default::default();
    let mut similarity = |t: &str| {
        if !may_be_misspelling(t, &name.folded) {
            return 0.0;
        }
        match similarities.get(t) {
            Some(&known) => known,
            None => {
                let found = strsim::normalized_damerau_levenshtein(t, &name.folded);
                similarities.insert(t.to_string(), found);
                found
            }
        }
    };
    words
        .chain(parts)
        .filter(|(w, t)| {
            w.text.chars().next().is_some_and(char::is_uppercase)
                && t.chars().next() == name.folded.chars().next()
                && !lookup.is_source_name(t)
        })
        .map(|(w, t)| (w, similarity(&t)))
        .filter(|(_, sim)| *sim >= MISSPELLING_SIMILARITY)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(w, _)| Misspelling {
            span: w.span,
            text: w.text.to_string(),
            spacing_only: false,
        })
}

/// Whether the folded target word is the folded name with a hyphen more or less
/// (`Miskolc-Tapolca`, `Miskolctapolca`); `name_hyphenated`, whether the name has one, is
/// found once for all the words.
fn is_respaced(word: &str, name: &str, name_hyphenated: bool) -> bool {
    word.contains('-') != name_hyphenated && unhyphenated(word).eq(unhyphenated(name))
}

/// Whether target words `i` and `i + 1` joined are the folded name (`JP Morgan` for
/// `JPMorgan`), the second with its capital: in lower case it is a word of the language
/// (`Apart` → `à part`).
fn splits_name(target_words: &[Word], folded_target: &[&str], i: usize, name: &str) -> bool {
    i + 1 < folded_target.len()
        && target_words[i + 1]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && name
            .strip_prefix(folded_target[i])
            .is_some_and(|rest| rest == folded_target[i + 1])
}

/// The letters of `text` without its hyphens.
fn unhyphenated(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|&c| c != '-')
}

/// Whether a folded target word is the folded name, or a compound one of whose parts is
/// (`manaslu-gletscher` holds `manaslu`).
fn holds_name(word: &str, name: &str) -> bool {
    word == name || (word.contains('-') && word.split('-').any(|part| part == name))
}

/// The parts of a hyphenated word, each with its own span.
fn compound_parts<'a>(word: &Word<'a>) -> impl Iterator<Item = Word<'a>> {
    let start = word.span.start;
    word.text.split('-').scan(0, move |at, part| {
        let offset = *at;
        *at += part.len() + 1;
        Some(Word {
            text: part,
            span: Span::new(start + offset, start + offset + part.len()),
        })
    })
}

/// The ways the target language may adapt a folded name: a changed ending
/// ([`adapted_ending`]), letters transliterated the target language's way
/// (`bishkek`/`bichkek`), or both (`danilishin`/`danilichine`: `sh` → `ch`, then an added
/// `e`). Any other change (`facebrook`, `boeinng`) is not an adaptation. The transliterations
/// are spelt once for all the target words the name is compared with.
struct Adaptations<'a> {
    source: &'a str,
    spelt: Vec<String>,
    endings: &'a [(String, String)],
}

impl<'a> Adaptations<'a> {
    fn of(source: &'a str, pair: &'a PairKnowledge) -> Self {
        Adaptations {
            source,
            spelt: transliterations(source, &pair.name_spellings),
            endings: &pair.name_endings,
        }
    }

    /// Whether the folded target word is the name with some letters transliterated (and
    /// perhaps its ending adapted too).
    fn transliterated(&self, target: &str) -> bool {
        self.spelt
            .iter()
            .any(|spelt| spelt == target || adapted_ending(spelt, target, self.endings))
    }

    /// Whether the folded target word is the name adapted to the target language.
    fn match_word(&self, target: &str) -> bool {
        adapted_ending(self.source, target, self.endings) || self.transliterated(target)
    }

    /// The first letters an adaptation can start with: the name's and its spellings' (`None`
    /// for an empty one). An adapted ending keeps the first three letters, a spelling is the
    /// word itself.
    fn initials(&self) -> impl Iterator<Item = Option<char>> + '_ {
        std::iter::once(self.source)
            .chain(self.spelt.iter().map(String::as_str))
            .map(|form| form.chars().next())
    }
}

/// At most this many places of a name are tried with and without each spelling.
const MAX_SPELLING_PLACES: usize = 6;

/// Every way of writing `name` with some of its letters transliterated by `spellings`
/// (`source letters`, `target letters`), the name itself left out.
fn transliterations(name: &str, spellings: &[(String, String)]) -> Vec<String> {
    // Places where a spelling applies, left to right, not overlapping.
    let mut places: Vec<(usize, &str, &str)> = Vec::new();
    let mut at = 0;
    while at < name.len() && places.len() < MAX_SPELLING_PLACES {
        let found = spellings
            .iter()
            .filter(|(from, _)| !from.is_empty() && name[at..].starts_with(from.as_str()))
            .max_by_key(|(from, _)| from.len());
        match found {
            Some((from, to)) => {
                places.push((at, from, to));
                at += from.len();
            }
            None => at += name[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    (1..1usize << places.len())
        .map(|chosen| {
            let mut spelt = String::with_capacity(name.len() + 4);
            let mut copied = 0;
            for (k, &(at, from, to)) in places.iter().enumerate() {
                if chosen & (1 << k) != 0 {
                    spelt.push_str(&name[copied..at]);
                    spelt.push_str(to);
                    copied = at + from.len();
                }
            }
            spelt.push_str(&name[copied..]);
            spelt
        })
        .collect()
}

/// `kurds`/`kurdes`, `colombia`/`colombie`, `revolutionary`/`revolutionnaire`, `salzburg`/
/// `salzbourg`: the same stem with an ending the pair's data lists as the way the target
/// language adapts names.
fn adapted_ending(source: &str, target: &str, endings: &[(String, String)]) -> bool {
    // An adaptation keeps a stem of at least three letters (or, in a compound, a first part
    // kept or adapted): the first three characters agree. Most word pairs stop here.
    if !source.chars().take(3).eq(target.chars().take(3)) {
        return false;
    }
    // Compounds adapt part by part (`bosnia-herzegovina` → `bosnie-herzegovine`).
    let (source_parts, target_parts): (Vec<&str>, Vec<&str>) =
        (source.split('-').collect(), target.split('-').collect());
    if source_parts.len() > 1 && source_parts.len() == target_parts.len() {
        return source_parts
            .iter()
            .zip(&target_parts)
            .all(|(s, t)| s == t || adapted_ending(s, t, endings));
    }
    endings.iter().any(|(from, to)| {
        source.strip_suffix(from.as_str()).is_some_and(|stem| {
            stem.chars().count() >= 3 && target.strip_suffix(to.as_str()) == Some(stem)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Check, Rule};
    use super::*;
    use crate::checks::testing::{long_segment, probe_rule, run};
    use crate::model::Finding;

    static PROBE: Rule = probe_rule("forms-probe");

    #[test]
    fn a_bound_rules_out_only_words_too_far_apart_to_be_misspellings() {
        let words = [
            "",
            "a",
            "ab",
            "facebook",
            "facebrook",
            "fcebook",
            "facebooks",
            "face",
            "book",
            "boeing",
            "boieng",
            "commission",
            "commissioon",
            "conseil",
            "zurich",
            "zürich",
            "miskolc-tapolca",
            "miskolctapolca",
            "jpmorgan",
            "morgan",
            "ab-cd",
            "abcd",
            "parliament",
            "presidency",
            "parlament",
            "parliment",
            "prliament",
            "aparliment",
            "abcdefghij",
            "bacdefghji",
            "qrstuvwxyz",
            "abcdefghiz",
        ];
        for a in words {
            for b in words {
                let exact = strsim::normalized_damerau_levenshtein(a, b);
                let bounded = misspelling_similarity(a, b);
                assert_eq!(
                    bounded >= MISSPELLING_SIMILARITY,
                    exact >= MISSPELLING_SIMILARITY,
                    "{a:?} {b:?}"
                );
                assert_eq!(
                    bounded > MISSPELLING_SIMILARITY,
                    exact > MISSPELLING_SIMILARITY,
                    "{a:?} {b:?}"
                );
                if bounded != 0.0 {
                    assert_eq!(bounded, exact, "{a:?} {b:?}");
                }
            }
        }
    }

    const FORMS: &[&str] = &[
        "Union européenne",
        "Maison-Blanche",
        "États-Unis",
        "européen*",
        "Pays de Galles",
        "Nations unies",
        "Proche-Orient",
        "Cour suprême",
    ];

    /// Reports each of [`FORMS`] the target holds.
    struct FormsProbe;

    impl Check for FormsProbe {
        fn rule(&self) -> &'static Rule {
            &PROBE
        }

        fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
            let names = capitalized_source_words(ctx);
            let lookup = NameLookup::new(&names, ctx.name_target());
            for form in FORMS {
                if lookup.holds_form(&NameForm::parse(form)) {
                    out.push(ctx.finding(&PROBE, *form));
                }
            }
        }
    }

    /// Every window of the words' parts, joined both ways: what [`NameLookup::holds_form`]
    /// finds by looking only where a form can start.
    fn held_by_every_window(form: &str, target: &str) -> bool {
        let form = NameForm::parse(form);
        let words: Vec<String> = crate::textutil::words(target)
            .iter()
            .map(|w| fold(w.text).replace('.', ""))
            .collect();
        let count = form.folded.split([' ', '-']).count();
        if count == 1 {
            return words.iter().any(|t| form.matches(t));
        }
        let parts: Vec<&str> = words.iter().flat_map(|t| t.split('-')).collect();
        parts
            .windows(count)
            .any(|w| form.matches(&w.join(" ")) || form.matches(&w.join("-")))
    }

    #[test]
    fn every_letter_spelling_is_one_letter_and_the_letters_for_it() {
        let spellings = letter_spellings();
        assert!(spellings.len() >= 8);
        assert!(
            spellings
                .iter()
                .all(|(_, spelt)| spelt.chars().count() >= 2)
        );
        assert!(same_name_spelt_out("Staempfli", "Stämpfli"));
        assert!(!same_name_spelt_out("Stempfli", "Stämpfli"));
        assert!(!same_name_spelt_out("Boeing", "Boing"));
        // Other accents are folded, not spelt out.
        assert!(!same_name_spelt_out("Fédération", "Federation"));
    }

    #[test]
    fn a_form_is_held_in_a_long_segment_as_in_its_sentence_alone() {
        let target = "Le porte-parole de la Maison Blanche a parlé aux États-Unis puis à \
                      l'Union européenne, pas au pays de Galles.";
        let (_, long_target) = long_segment("", target);
        let held = |target: &str| -> Vec<String> {
            run(&FormsProbe, "The White House spoke.", target)
                .into_iter()
                .map(|(f, _)| f.message)
                .collect()
        };
        let expected: Vec<String> = FORMS
            .iter()
            .filter(|form| held_by_every_window(form, target))
            .map(|form| form.to_string())
            .collect();
        assert_eq!(
            expected,
            [
                "Union européenne",
                "Maison-Blanche",
                "États-Unis",
                "européen*",
                "Pays de Galles"
            ]
        );
        assert_eq!(held(target), expected);
        assert_eq!(held(&long_target), expected);
    }
}
