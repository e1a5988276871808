//! Align: pair the sentences of a text with those of its translation, as beads of 0 to 4
//! consecutive sentences per side, without any language model.
//!
//! A bead's cost joins a Gale–Church length term with lexical evidence that needs no
//! dictionary: numbers, names and cognates (folded words sharing a prefix), acronyms and
//! punctuation that occur on both sides (see [`anchors`]), plus the entries of a bilingual
//! word list when `data/` has one for the pair (see [`Lexicon`]). The search is dynamic programming
//! over bead shapes, coarse to fine so that time and memory grow linearly (see [`dp`]); each
//! bead's confidence is its posterior probability over all paths in the searched corridor.
//!
//! Documents long enough to learn from are aligned twice: the confident 1-1 beads of the
//! first pass teach a small lexicon of the document's own words (see [`bootstrap`]), whose
//! pairs are extra anchors for a second pass near the first path.

mod anchors;
mod bootstrap;
mod cost;
mod dp;
mod lexicon;

use crate::model::{Bead, Sentence};
use crate::normalize::Document;
use anchors::{AnchorTable, RawAnchors};
use cost::{Role, SENTENCE_SHAPES, Scorer, Side, UnitSizes};
use dp::Alignment;
pub use lexicon::Lexicon;

/// Tunable constants of the aligner. The defaults were tuned on the Text+Berg development
/// document only.
#[derive(Debug, Clone)]
pub struct Params {
    /// Folded words of at least this many letters are compared by this many first letters.
    pub prefix_length: usize,
    /// Weight of the shared anchors against the length and prior terms.
    pub lexical_weight: f64,
    /// Weight of the Gale–Church length term.
    pub length_weight: f64,
    /// Gale–Church variance of target length per source character.
    pub variance: f64,
    pub number_weight: f64,
    pub word_weight: f64,
    pub punctuation_weight: f64,
    /// Weight of bilingual word-list entries.
    pub lexicon_weight: f64,
    /// Subtracted from an anchor's log inverse frequency: anchors commoner than this carry
    /// no weight.
    pub idf_floor: f64,
    /// Times ln(source sentences × target sentences) is taken off the weight of the anchors
    /// a bead shares: chance matches grow with the bead.
    pub chance_discount: f64,
    /// Cost per sentence of a bead whose sides share nothing, falling to zero as the Dice
    /// coefficient of their anchor weights rises to one.
    pub dice_weight: f64,
    /// Added to the denominator of the Dice coefficient: sentences with little anchor weight
    /// cannot look alike.
    pub dice_prior: f64,
    /// Anchors weighing no more than this are dropped (they are everywhere; dropping them
    /// keeps anchor lists short).
    pub min_anchor_weight: f64,
    /// Extra cost per sentence beyond one on each side of a bead.
    pub merge_cost: f64,
    /// Extra cost of an insertion or deletion.
    pub skip_cost: f64,
    /// Grids up to this many cells are searched whole.
    pub full_search_cells: usize,
    /// Blocks of the coarse search keep only anchors of at least this weight.
    pub block_anchor_weight: f64,
    /// Half-width, in sentences, of the corridor around a projected coarse path.
    pub corridor_width: usize,
    /// Temperature of the posterior that gives bead confidences.
    pub temperature: f64,
    /// Weight of the word pairs learned from the document's own confident beads (see
    /// [`bootstrap`]); 0 aligns in one pass.
    pub learned_weight: f64,
    /// First-pass 1-1 beads at least this confident are the beads the lexicon learns from.
    pub learned_min_confidence: f64,
    /// A learned pair's words each occur in, and share, at least this many training beads:
    /// a pair seen once is chance.
    pub learned_min_count: usize,
    /// A learned pair's Dice coefficient over the training beads is at least this.
    pub learned_min_dice: f64,
    /// Documents with fewer sentences on either side are aligned in one pass: too few beads
    /// to learn from, and `check` sub-aligns many tiny segments that must stay fast.
    pub realign_min_sentences: usize,
    /// Half-width, in sentences, of the corridor around the first path that the second pass
    /// searches…
    pub realign_width: usize,
    /// …near the first pass's beads less confident than this; beads at least this confident
    /// are kept (so the second pass costs little where the first was sure).
    pub realign_settled: f64,
    /// The second pass prices bead shapes by how often the first pass used each in this
    /// document, with the hand priors counted as this many beads besides (see
    /// [`cost::Scorer::adapt_priors`]); 0 keeps the hand priors.
    pub prior_beads: f64,
    /// A sentence with fewer letters than this is debris (OCR noise, a page number)…
    pub debris_letters: f64,
    /// …and costs this much to leave unaligned, instead of an ordinary insertion's cost.
    pub debris_skip_cost: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            prefix_length: 4,
            lexical_weight: 0.7,
            length_weight: 1.0,
            variance: 6.8,
            number_weight: 3.0,
            word_weight: 1.5,
            punctuation_weight: 1.0,
            lexicon_weight: 0.25,
            idf_floor: 0.0,
            chance_discount: 0.25,
            dice_weight: 1.0,
            dice_prior: 1.0,
            min_anchor_weight: 0.0,
            merge_cost: 0.75,
            skip_cost: 2.0,
            full_search_cells: 20_000,
            block_anchor_weight: 3.0,
            corridor_width: 2,
            temperature: 1.0,
            learned_weight: 2.0,
            learned_min_confidence: 0.9,
            learned_min_count: 2,
            learned_min_dice: 0.3,
            realign_min_sentences: 20,
            realign_width: 2,
            realign_settled: 0.99,
            prior_beads: 20.0,
            debris_letters: 4.0,
            debris_skip_cost: 1.25,
        }
    }
}

/// A `--param NAME=VALUE` the aligner does not understand.
#[derive(Debug, thiserror::Error)]
pub enum ParamError {
    #[error("`{0}` is not NAME=VALUE")]
    Syntax(String),
    #[error("unknown aligner parameter `{0}`")]
    Unknown(String),
    #[error("aligner parameter `{0}`: `{1}` is not a non-negative number")]
    Value(String, String),
}

impl Params {
    /// Sets one parameter from `name=value` (for tuning experiments; the defaults are tuned).
    pub fn set(&mut self, assignment: &str) -> Result<(), ParamError> {
        let (name, value) = assignment
            .split_once('=')
            .ok_or_else(|| ParamError::Syntax(assignment.to_string()))?;
        let bad_value = || ParamError::Value(name.to_string(), value.to_string());
        let number: f64 = value
            .trim()
            .parse()
            .ok()
            .filter(|n: &f64| n.is_finite() && *n >= 0.0)
            .ok_or_else(bad_value)?;
        let count = || -> Result<usize, ParamError> {
            (number.fract() == 0.0)
                .then_some(number as usize)
                .ok_or_else(bad_value)
        };
        match name.trim() {
            "prefix_length" => self.prefix_length = count()?.max(1),
            "lexical_weight" => self.lexical_weight = number,
            "length_weight" => self.length_weight = number,
            "variance" => self.variance = number,
            "number_weight" => self.number_weight = number,
            "word_weight" => self.word_weight = number,
            "punctuation_weight" => self.punctuation_weight = number,
            "lexicon_weight" => self.lexicon_weight = number,
            "idf_floor" => self.idf_floor = number,
            "min_anchor_weight" => self.min_anchor_weight = number,
            "chance_discount" => self.chance_discount = number,
            "dice_weight" => self.dice_weight = number,
            "dice_prior" => self.dice_prior = number,
            "merge_cost" => self.merge_cost = number,
            "skip_cost" => self.skip_cost = number,
            "full_search_cells" => self.full_search_cells = count()?,
            "block_anchor_weight" => self.block_anchor_weight = number,
            "corridor_width" => self.corridor_width = count()?,
            "temperature" if number > 0.0 => self.temperature = number,
            "temperature" => return Err(bad_value()),
            "learned_weight" => self.learned_weight = number,
            "learned_min_confidence" => self.learned_min_confidence = number,
            "learned_min_count" => self.learned_min_count = count()?,
            "learned_min_dice" => self.learned_min_dice = number,
            "realign_min_sentences" => self.realign_min_sentences = count()?,
            "realign_width" => self.realign_width = count()?,
            "realign_settled" => self.realign_settled = number,
            "prior_beads" => self.prior_beads = number,
            "debris_letters" => self.debris_letters = number,
            "debris_skip_cost" => self.debris_skip_cost = number,
            other => return Err(ParamError::Unknown(other.to_string())),
        }
        Ok(())
    }
}

/// A configured aligner: parameters and bilingual word list.
#[derive(Debug, Clone, Default)]
pub struct Aligner {
    pub params: Params,
    pub lexicon: Lexicon,
}

impl Aligner {
    /// The aligner for a language pair: default parameters and the pair's word list, if the
    /// project has one (any pair works without).
    pub fn for_pair(from: &str, to: &str) -> Aligner {
        Aligner {
            params: Params::default(),
            lexicon: Lexicon::embedded(from, to),
        }
    }

    /// Aligns two lists of sentences. Every sentence lands in exactly one bead, in order.
    pub fn align(&self, source: &[&str], target: &[&str]) -> Vec<Bead> {
        let params = &self.params;
        let mut raw = RawAnchors::extract(source, target, &self.lexicon, params);
        let lengths = (UnitSizes::of(source), UnitSizes::of(target));
        let first = align_pass(&raw, &lengths, params, None);
        if !self.realigns(source.len(), target.len()) {
            return first.beads();
        }
        let training = first.confident_one_to_one(params.learned_min_confidence);
        let pairs = bootstrap::learn_pairs(&raw, &training, params);
        if pairs.is_empty() {
            return first.beads();
        }
        raw.add_learned(&pairs);
        align_pass(&raw, &lengths, params, Some(&first)).beads()
    }

    /// Aligns several pairs of documents (a corpus), each pair on its own, but with one
    /// self-trained lexicon learnt from the confident beads of all of them: a short document
    /// has too few beads to teach one alone. The first pass and each document's anchor weights
    /// are those of [`Aligner::align`], and a document too short for a second pass of its own
    /// keeps its first; one pair gives the same beads as `align`.
    pub fn align_corpus(&self, documents: &[(Vec<&str>, Vec<&str>)]) -> Vec<Vec<Bead>> {
        let params = &self.params;
        let all_source: Vec<&str> = documents.iter().flat_map(|(s, _)| s.clone()).collect();
        let all_target: Vec<&str> = documents.iter().flat_map(|(_, t)| t.clone()).collect();
        // Anchors extracted together share their ids, so that what one document teaches about
        // a word holds in the others.
        let mut raw = RawAnchors::extract(&all_source, &all_target, &self.lexicon, params);
        let ranges = document_ranges(documents);
        let lengths: Vec<(UnitSizes, UnitSizes)> = documents
            .iter()
            .map(|(s, t)| (UnitSizes::of(s), UnitSizes::of(t)))
            .collect();
        let part = |raw: &RawAnchors, (s, t): &DocumentRanges| raw.part(s.clone(), t.clone());
        let firsts: Vec<Alignment> = ranges
            .iter()
            .zip(&lengths)
            .map(|(r, l)| align_pass(&part(&raw, r), l, params, None))
            .collect();
        let all_beads =
            |alignments: &[Alignment]| alignments.iter().map(Alignment::beads).collect();
        if !self.realigns(all_source.len(), all_target.len()) {
            return all_beads(&firsts);
        }
        let training: Vec<(usize, usize)> = firsts
            .iter()
            .zip(&ranges)
            .flat_map(|(first, (s, t))| {
                first
                    .confident_one_to_one(params.learned_min_confidence)
                    .into_iter()
                    .map(move |(i, j)| (i + s.start, j + t.start))
            })
            .collect();
        let pairs = bootstrap::learn_pairs(&raw, &training, params);
        if pairs.is_empty() {
            return all_beads(&firsts);
        }
        raw.add_learned(&pairs);
        firsts
            .iter()
            .zip(&ranges)
            .zip(&lengths)
            .map(|((first, r), l)| {
                if self.realigns(r.0.len(), r.1.len()) {
                    align_pass(&part(&raw, r), l, params, Some(first)).beads()
                } else {
                    first.beads()
                }
            })
            .collect()
    }

    /// Whether a pair of documents gets a second pass with a self-trained lexicon.
    fn realigns(&self, n: usize, m: usize) -> bool {
        let params = &self.params;
        params.learned_weight > 0.0 && n.min(m) >= params.realign_min_sentences
    }
}

/// Where each document's sentences stand in the corpus, source and target.
type DocumentRanges = (std::ops::Range<usize>, std::ops::Range<usize>);

fn document_ranges(documents: &[(Vec<&str>, Vec<&str>)]) -> Vec<DocumentRanges> {
    let (mut source, mut target) = (0, 0);
    documents
        .iter()
        .map(|(s, t)| {
            let ranges = (source..source + s.len(), target..target + t.len());
            (source, target) = (ranges.0.end, ranges.1.end);
            ranges
        })
        .collect()
}

/// One pass of the aligner over given anchors: the whole grid, coarse to fine, or only near
/// an `earlier` alignment.
fn align_pass(
    raw: &RawAnchors,
    (source_sizes, target_sizes): &(UnitSizes, UnitSizes),
    params: &Params,
    earlier: Option<&Alignment>,
) -> Alignment {
    let table = AnchorTable::weigh(raw, params);
    let source = Side::new(Role::Source, source_sizes, &table.source, &table.weights);
    let target = Side::new(Role::Target, target_sizes, &table.target, &table.weights);
    let mut scorer = Scorer::new(&source, &target, &table.weights, SENTENCE_SHAPES, params);
    match earlier {
        None => dp::align(&mut scorer, params, params.temperature),
        Some(earlier) => {
            if params.prior_beads > 0.0 {
                let shapes = earlier.steps.iter().map(|step| step.shape);
                scorer.adapt_priors(shapes, params.prior_beads);
            }
            dp::realign(
                &mut scorer,
                earlier,
                params.realign_settled,
                params.realign_width,
                params.temperature,
            )
        }
    }
}

impl Alignment {
    /// The 1-1 beads at least `min_confidence` sure, as (source, target) sentence numbers:
    /// the beads a self-trained lexicon learns from.
    fn confident_one_to_one(&self, min_confidence: f64) -> Vec<(usize, usize)> {
        self.steps
            .iter()
            .zip(&self.confidences)
            .filter(|&(step, &confidence)| {
                let shape = SENTENCE_SHAPES[step.shape];
                (shape.source, shape.target) == (1, 1) && confidence >= min_confidence
            })
            .map(|(step, _)| (step.i - 1, step.j - 1))
            .collect()
    }

    fn beads(&self) -> Vec<Bead> {
        self.steps
            .iter()
            .zip(&self.confidences)
            .map(|(step, &confidence)| {
                let shape = SENTENCE_SHAPES[step.shape];
                Bead {
                    source: step.i - shape.source..step.i,
                    target: step.j - shape.target..step.j,
                    confidence,
                }
            })
            .collect()
    }
}

/// Aligns two lists of sentences of any language pair, with no word list.
pub fn align_sentences(source: &[&str], target: &[&str]) -> Vec<Bead> {
    Aligner::default().align(source, target)
}

/// Aligns the sentences of two segmented documents.
pub fn align_documents<'a>(
    source: &'a Document,
    source_sentences: &[Sentence],
    target: &'a Document,
    target_sentences: &[Sentence],
    aligner: &Aligner,
) -> Vec<Bead> {
    let texts = |doc: &'a Document, sentences: &[Sentence]| -> Vec<&'a str> {
        sentences.iter().map(|s| doc.slice(s.span)).collect()
    };
    let (src, tgt) = (
        texts(source, source_sentences),
        texts(target, target_sentences),
    );
    aligner.align(&src, &tgt)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn covers_in_order(beads: &[Bead], n: usize, m: usize) {
        let (mut i, mut j) = (0, 0);
        for b in beads {
            assert_eq!(b.source.start, i);
            assert_eq!(b.target.start, j);
            assert!(!b.source.is_empty() || !b.target.is_empty());
            assert!((0.0..=1.0).contains(&b.confidence));
            i = b.source.end;
            j = b.target.end;
        }
        assert_eq!((i, j), (n, m));
    }

    #[test]
    fn identical_documents_align_on_the_diagonal() {
        let text = [
            "The committee met on 3 May.",
            "It adopted the report.",
            "Questions?",
            "None were asked, and the meeting closed at 18:00.",
        ];
        let beads = align_sentences(&text, &text);
        covers_in_order(&beads, 4, 4);
        assert!(beads.iter().all(|b| b.kind().to_string() == "1-1"));
    }

    /// A small deterministic generator (xorshift) so that property tests need no crate.
    struct Random(u64);

    impl Random {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }

        fn sentences(&mut self, count: usize) -> Vec<String> {
            const WORDS: &[&str] = &[
                "the",
                "commission",
                "Parliament",
                "vote",
                "report",
                "is",
                "2004",
                "Brussels",
                "?",
                "policy",
                "and",
                "of",
                "12",
                "fisheries",
                "le",
                "rapport",
                "de",
            ];
            (0..count)
                .map(|_| {
                    let length = self.below(25);
                    let words: Vec<&str> = (0..length)
                        .map(|_| WORDS[self.below(WORDS.len())])
                        .collect();
                    words.join(" ")
                })
                .collect()
        }
    }

    #[test]
    fn every_sentence_lands_in_exactly_one_bead_in_order() {
        let mut random = Random(0x9E37_79B9_7F4A_7C15);
        for case in 0..120 {
            // Every tenth case is large enough to be aligned coarse to fine.
            let scale = if case % 10 == 0 { 300 } else { 30 };
            let (n, m) = (random.below(scale), random.below(scale));
            let (source, target) = (random.sentences(n), random.sentences(m));
            let source: Vec<&str> = source.iter().map(String::as_str).collect();
            let target: Vec<&str> = target.iter().map(String::as_str).collect();
            // The second pass too: one that learns from every 1-1 bead and searches the
            // whole corridor again.
            let mut eager = Aligner::for_pair("en", "fr");
            for setting in [
                "learned_min_confidence=0",
                "learned_min_dice=0",
                "realign_settled=2",
            ] {
                eager.params.set(setting).unwrap();
            }
            for aligner in [Aligner::for_pair("en", "fr"), eager] {
                let beads = aligner.align(&source, &target);
                covers_in_order(&beads, n, m);
                assert!(
                    beads
                        .iter()
                        .all(|b| b.source.len() <= 5 && b.target.len() <= 5)
                );
            }
        }
    }

    #[test]
    fn ocr_debris_is_left_unaligned_rather_than_merged() {
        let source = [
            "Der Gipfel wurde am 9. Mai 1956 erreicht.",
            "Die Expedition kehrte im Juni zurück.",
        ];
        let target = [
            "Le sommet fut atteint le 9 mai 1956.",
            "- _- .....",
            "L'expédition est rentrée en juin.",
        ];
        let beads = Aligner::for_pair("de", "fr").align(&source, &target);
        let shapes: Vec<(Vec<usize>, Vec<usize>)> = beads
            .iter()
            .map(|b| (b.source.clone().collect(), b.target.clone().collect()))
            .collect();
        assert_eq!(
            shapes,
            vec![(vec![0], vec![0]), (vec![], vec![1]), (vec![1], vec![2])]
        );
        // Without the debris rule the stray line joins a neighbour.
        let mut plain = Aligner::for_pair("de", "fr");
        plain.params.set("debris_letters=0").unwrap();
        assert!(
            plain
                .align(&source, &target)
                .iter()
                .all(|b| !b.target.is_empty())
        );
    }

    #[test]
    fn clear_pairs_are_confident_and_an_addition_does_not_shift_the_rest() {
        let source = [
            "The committee met on 3 May 2004 in Brussels.",
            "It adopted the report on fisheries by 420 votes to 12.",
            "The next meeting is on 15 June.",
            "Mr Barroso asked a question about the budget.",
            "The Commission will answer in writing.",
        ];
        let target = [
            "Le comité s'est réuni le 3 mai 2004 à Bruxelles.",
            "Il a adopté le rapport sur la pêche par 420 voix contre 12.",
            "Les enfants jouaient dehors sous un ciel gris.",
            "La prochaine réunion aura lieu le 15 juin.",
            "M. Barroso a posé une question sur le budget.",
            "La Commission répondra par écrit.",
        ];
        let beads = Aligner::for_pair("en", "fr").align(&source, &target);
        covers_in_order(&beads, 5, 6);
        // The added sentence may become an insertion or join its neighbour's bead; either way
        // the sentences after it keep their translations.
        let tail: Vec<(Vec<usize>, Vec<usize>)> = beads[beads.len() - 3..]
            .iter()
            .map(|b| (b.source.clone().collect(), b.target.clone().collect()))
            .collect();
        assert_eq!(
            tail,
            vec![(vec![2], vec![3]), (vec![3], vec![4]), (vec![4], vec![5])]
        );
        // Clear pairs are confident; the bead that took the addition is the least sure.
        let (with_addition, clear): (Vec<&Bead>, Vec<&Bead>) =
            beads.iter().partition(|b| b.target.contains(&2));
        assert!(clear.iter().all(|b| b.confidence > 0.8), "{beads:?}");
        assert!(with_addition[0].confidence < 0.8, "{beads:?}");
    }

    #[test]
    fn a_larger_identical_document_aligns_on_the_diagonal_coarse_to_fine() {
        let mut random = Random(42);
        let text = random.sentences(400);
        let text: Vec<&str> = text.iter().map(String::as_str).collect();
        let beads = align_sentences(&text, &text);
        covers_in_order(&beads, 400, 400);
        let diagonal = beads
            .iter()
            .filter(|b| b.kind().to_string() == "1-1" && b.source == b.target)
            .count();
        // Empty or identical neighbours may merge; nearly everything is on the diagonal.
        assert!(diagonal >= 380, "{diagonal} of 400 on the diagonal");
    }

    /// A made-up translation with no cognates: the words of each source sentence, translated
    /// one by one, and a number on both sides so that the first pass is sure of its beads.
    fn cipher_translation(count: usize) -> (Vec<String>, Vec<String>) {
        const VOCABULARY: &[(&str, &str)] = &[
            ("Gipfel", "sommet"),
            ("Wand", "paroi"),
            ("Seil", "corde"),
            ("Lager", "camp"),
            ("Schnee", "neige"),
            ("Gletscher", "glacier"),
            ("Grat", "arête"),
            ("Sturm", "tempête"),
            ("Nebel", "brouillard"),
            ("Hütte", "refuge"),
        ];
        let mut random = Random(2002);
        (0..count)
            .map(|k| {
                let (mut source, mut target) = (String::new(), String::new());
                for _ in 0..2 + random.below(6) {
                    let (s, t) = VOCABULARY[random.below(VOCABULARY.len())];
                    source += &format!("{s} ");
                    target += &format!("{t} ");
                }
                (format!("{source}{k} ."), format!("{target}{k} ."))
            })
            .unzip()
    }

    #[test]
    fn a_document_teaches_the_aligner_its_own_word_pairs() {
        let (source, target) = cipher_translation(40);
        let source: Vec<&str> = source.iter().map(String::as_str).collect();
        let target: Vec<&str> = target.iter().map(String::as_str).collect();
        let params = Params::default();
        let raw = RawAnchors::extract(&source, &target, &Lexicon::default(), &params);
        let lengths = (UnitSizes::of(&source), UnitSizes::of(&target));
        let first = align_pass(&raw, &lengths, &params, None);
        let training = first.confident_one_to_one(params.learned_min_confidence);
        assert!(training.len() >= 30, "{} training beads", training.len());
        let learned: Vec<String> = bootstrap::learn_pairs(&raw, &training, &params)
            .iter()
            .map(|p| format!("{}={}", raw.key(p.source), raw.key(p.target)))
            .collect();
        for pair in ["gipf=somm", "wand=paro", "glet=glac", "hutt=refu"] {
            assert!(learned.iter().any(|l| l == pair), "{pair} in {learned:?}");
        }
    }

    #[test]
    fn realigning_an_identical_document_keeps_the_diagonal() {
        let mut random = Random(7);
        let text = random.sentences(60);
        let text: Vec<&str> = text.iter().map(String::as_str).collect();
        // Search the whole corridor again, not only near unsure beads.
        let params = Params {
            realign_settled: 2.0,
            ..Params::default()
        };
        let mut raw = RawAnchors::extract(&text, &text, &Lexicon::default(), &params);
        let lengths = (UnitSizes::of(&text), UnitSizes::of(&text));
        let first = align_pass(&raw, &lengths, &params, None);
        let word = |key: &str| (0..raw.ids() as u32).find(|&id| raw.key(id) == key);
        // Pretend that two of the document's words were learned as translations.
        let (Some(source), Some(target)) = (word("poli"), word("fish")) else {
            panic!("the generator's words are missing");
        };
        raw.add_learned(&[anchors::LearnedPair {
            source,
            target,
            strength: 1.0,
        }]);
        let second = align_pass(&raw, &lengths, &params, Some(&first));
        assert_eq!(second.steps, first.steps);
        let beads = second.beads();
        covers_in_order(&beads, 60, 60);
        let diagonal = beads.iter().filter(|b| b.source == b.target).count();
        assert!(diagonal >= 55, "{diagonal} of 60 on the diagonal");
    }

    #[test]
    fn a_corpus_is_aligned_document_by_document_with_one_lexicon() {
        let mut random = Random(11);
        let (a, b) = (random.sentences(30), random.sentences(25));
        let (cipher_source, cipher_target) = cipher_translation(40);
        fn view(v: &[String]) -> Vec<&str> {
            v.iter().map(String::as_str).collect()
        }
        let documents = vec![
            (view(&a), view(&a)),
            (view(&cipher_source), view(&cipher_target)),
            (view(&b[..20]), view(&b)),
        ];
        let aligner = Aligner::default();
        let alignments = aligner.align_corpus(&documents);
        assert_eq!(alignments.len(), 3);
        for (beads, (source, target)) in alignments.iter().zip(&documents) {
            covers_in_order(beads, source.len(), target.len());
        }
        // A corpus of one document is that document aligned alone.
        let (source, target) = &documents[1];
        assert_eq!(
            aligner.align_corpus(&documents[1..2])[0],
            aligner.align(source, target)
        );
    }

    #[test]
    fn short_documents_are_aligned_in_one_pass() {
        let aligner = Aligner::default();
        assert!(!aligner.realigns(19, 500));
        assert!(aligner.realigns(20, 20));
        let mut one_pass = Aligner::default();
        one_pass.params.set("learned_weight=0").unwrap();
        assert!(!one_pass.realigns(500, 500));
    }

    #[test]
    fn parameters_are_set_by_name() {
        let mut params = Params::default();
        params.set("merge_cost=1.5").unwrap();
        params.set("corridor_width=4").unwrap();
        assert_eq!((params.merge_cost, params.corridor_width), (1.5, 4));
        assert!(params.set("corridor_width=2.5").is_err());
        assert!(params.set("temperature=0").is_err());
        assert!(params.set("merge_cost=NaN").is_err());
        assert!(params.set("merge_cost=-1").is_err());
        assert!(params.set("no_such=1").is_err());
        assert!(params.set("merge_cost").is_err());
    }

    #[test]
    fn empty_sides_give_only_insertions_or_deletions() {
        let beads = align_sentences(&[], &["Un.", "Deux."]);
        covers_in_order(&beads, 0, 2);
        assert!(beads.iter().all(|b| b.source.is_empty()));
        let beads = align_sentences(&["One.", "Two."], &[]);
        covers_in_order(&beads, 2, 0);
        assert!(beads.iter().all(|b| b.target.is_empty()));
        assert!(align_sentences(&[], &[]).is_empty());
    }
}
