//! Align: pair the sentences of a text with those of its translation, as beads of 0 to 4
//! consecutive sentences per side, without any language model.
//!
//! A bead's cost joins a Gale–Church length term with lexical evidence that needs no
//! dictionary: numbers, names and cognates (folded words sharing a prefix), acronyms and
//! punctuation that occur on both sides (see [`anchors`]). The search is dynamic programming
//! over bead shapes, coarse to fine so that time and memory grow linearly (see [`dp`]); each
//! bead's confidence is its posterior probability over all paths in the searched corridor.

mod anchors;
mod cost;
mod dp;
mod lexicon;

use crate::model::{Bead, Sentence};
use crate::normalize::Document;
use anchors::AnchorTable;
use cost::{SENTENCE_SHAPES, Side};
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
    /// Extra cost per sentence beyond one on each side of a bead.
    pub merge_cost: f64,
    /// Extra cost of an insertion or deletion.
    pub skip_cost: f64,
    /// Grids up to this many cells are searched whole.
    pub full_search_cells: usize,
    /// Half-width, in sentences, of the corridor around a projected coarse path.
    pub corridor_width: usize,
    /// Temperature of the posterior that gives bead confidences.
    pub temperature: f64,
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
            merge_cost: 0.75,
            skip_cost: 2.0,
            full_search_cells: 20_000,
            corridor_width: 6,
            temperature: 1.0,
        }
    }
}

impl Params {
    /// Overrides from `TRANSCHECK_ALIGN_PARAMS` (`name=value,...`), for tuning only.
    pub fn from_env() -> Params {
        let mut p = Params::default();
        let Ok(spec) = std::env::var("TRANSCHECK_ALIGN_PARAMS") else {
            return p;
        };
        for item in spec.split(',').filter(|s| !s.is_empty()) {
            let (name, value) = item.split_once('=').unwrap_or((item, ""));
            let v: f64 = value.parse().unwrap_or(0.0);
            match name {
                "prefix_length" => p.prefix_length = v as usize,
                "lexical_weight" => p.lexical_weight = v,
                "length_weight" => p.length_weight = v,
                "variance" => p.variance = v,
                "number_weight" => p.number_weight = v,
                "word_weight" => p.word_weight = v,
                "punctuation_weight" => p.punctuation_weight = v,
                "lexicon_weight" => p.lexicon_weight = v,
                "idf_floor" => p.idf_floor = v,
                "merge_cost" => p.merge_cost = v,
                "dice_weight" => p.dice_weight = v,
                "dice_prior" => p.dice_prior = v,
                "chance_discount" => p.chance_discount = v,
                "skip_cost" => p.skip_cost = v,
                "full_search_cells" => p.full_search_cells = v as usize,
                "corridor_width" => p.corridor_width = v as usize,
                "temperature" => p.temperature = v,
                _ => {}
            }
        }
        p
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
            params: Params::from_env(),
            lexicon: Lexicon::embedded(from, to),
        }
    }

    /// Aligns two lists of sentences. Every sentence lands in exactly one bead, in order.
    pub fn align(&self, source: &[&str], target: &[&str]) -> Vec<Bead> {
        let params = &self.params;
        let table = AnchorTable::build(source, target, &self.lexicon, params);
        let source_side = Side::new(char_lengths(source), &table.source, &table.weights);
        let target_side = Side::new(char_lengths(target), &table.target, &table.weights);
        let (steps, _corridor) = dp::search(
            &source_side,
            &target_side,
            &table.weights,
            SENTENCE_SHAPES,
            params,
        );
        steps
            .iter()
            .map(|step| {
                let shape = SENTENCE_SHAPES[step.shape];
                Bead {
                    source: step.i - shape.source..step.i,
                    target: step.j - shape.target..step.j,
                    confidence: 1.0,
                }
            })
            .collect()
    }
}

/// Aligns two lists of sentences of any language pair, with no word list.
pub fn align_sentences(source: &[&str], target: &[&str]) -> Vec<Bead> {
    Aligner::default().align(source, target)
}

fn char_lengths(sentences: &[&str]) -> Vec<f64> {
    sentences.iter().map(|s| s.chars().count() as f64).collect()
}

/// Aligns the sentences of two segmented documents.
pub fn align_documents(
    source: &Document,
    source_sentences: &[Sentence],
    target: &Document,
    target_sentences: &[Sentence],
    aligner: &Aligner,
) -> Vec<Bead> {
    let texts = |doc: &'_ Document, sentences: &[Sentence]| -> Vec<String> {
        sentences
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    };
    let (src, tgt) = (
        texts(source, source_sentences),
        texts(target, target_sentences),
    );
    let src: Vec<&str> = src.iter().map(String::as_str).collect();
    let tgt: Vec<&str> = tgt.iter().map(String::as_str).collect();
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
