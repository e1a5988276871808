//! Check: the rule registry and the context every check reads. One check per file; each
//! implements [`Check`] and is listed once in [`REGISTRY`] with its rule metadata, from which
//! `transcheck rules`, `transcheck explain` and the reports take ids, categories and docs.

mod addition;
mod codes;
mod consistency;
mod coverage;
mod currency_mismatch;
mod date_mismatch;
mod double_space;
mod elision;
mod entity_missing;
mod entity_misspelt;
mod false_friend;
mod glossary_term;
mod inconsistent_source;
mod inconsistent_translation;
mod junctions;
mod lowercase_start;
pub mod names;
mod negation_missing;
mod number_format;
mod number_mismatch;
pub mod numbers;
mod omission;
mod opposite_meaning;
mod placeholder;
mod positions;
mod punctuation_final;
mod punctuation_unbalanced;
mod repeated_word;
pub mod side_words;
mod typography_quotes;
mod typography_spacing;
mod unpaired;
mod untranslated;
mod untranslated_fragment;
mod verbatim;
mod whitespace_edges;
mod word_filter;
mod word_gaps;

use crate::glossary::Glossary;
use crate::locale::Language;
use crate::locale::pair::{PairKnowledge, StemLexicon};
use crate::locale::typography::TypographyVariant;
use crate::model::{Bead, Finding, Severity, Side, Span};
use crate::textutil::{fold_into, is_capitalized, word_iter, words};
use side_words::SideWords;
use std::sync::OnceLock;

/// Static description of a rule: what `transcheck rules` lists and `explain` prints.
#[derive(Debug)]
pub struct Rule {
    /// Stable identifier used in reports, baselines and `--select`/`--ignore`.
    pub id: &'static str,
    /// MQM category path, e.g. `accuracy/mistranslation`.
    pub category: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub example: RuleExample,
}

/// A source with a bad and a good translation, shown by `explain` and tested.
#[derive(Debug)]
pub struct RuleExample {
    pub source: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
    /// Glossary (TSV) the example needs; empty for most rules.
    pub glossary: &'static str,
    /// An earlier segment (source, target) of the same document, for document-level rules.
    pub context: Option<(&'static str, &'static str)>,
}

/// A check reads aligned text and appends findings. Checks never print, never read files and
/// never panic on odd text.
pub trait Check: Sync {
    fn rule(&self) -> &'static Rule;

    /// Looks at one bead (aligned source and target sentences). Document-level checks need
    /// none.
    fn check_bead(&self, _ctx: &BeadContext, _out: &mut Vec<Finding>) {}

    /// Looks at the whole document, bead by bead in order, for checks that compare segments
    /// (consistency). Most checks need only [`Check::check_bead`].
    fn check_document(&self, _beads: &[BeadContext], _out: &mut Vec<Finding>) {}

    /// Whether [`Check::check_document`] compares the beads' normalized text, which the bead
    /// pass then keeps ([`BeadContext::keep_normalized_text`]).
    fn compares_normalized_text(&self) -> bool {
        false
    }
}

/// Every check, in the order findings are reported within a segment.
pub static REGISTRY: &[&dyn Check] = &[
    &entity_misspelt::EntityMisspelt,
    &entity_missing::EntityMissing,
    &number_mismatch::NumberMismatch,
    &number_format::NumberFormat,
    &currency_mismatch::CurrencyMismatch,
    &date_mismatch::DateMismatch,
    &opposite_meaning::OppositeMeaning,
    &negation_missing::NegationMissing,
    &false_friend::FalseFriendCheck,
    &glossary_term::GlossaryTerm,
    &placeholder::PlaceholderMismatch,
    &untranslated::Untranslated,
    &untranslated_fragment::UntranslatedFragment,
    &omission::Omission,
    &addition::Addition,
    &verbatim::Verbatim,
    &punctuation_final::PunctuationFinal,
    &punctuation_unbalanced::PunctuationUnbalanced,
    &typography_spacing::TypographySpacing,
    &typography_quotes::TypographyQuotes,
    &repeated_word::RepeatedWord,
    &elision::ElisionCheck,
    &double_space::DoubleSpace,
    &lowercase_start::LowercaseStart,
    &whitespace_edges::WhitespaceEdges,
    &inconsistent_translation::InconsistentTranslation,
    &inconsistent_source::InconsistentSource,
];

/// Metadata of every rule, in registry order.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    REGISTRY.iter().map(|c| c.rule())
}

/// The rule with this id, if any.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().find(|r| r.id == id)
}

/// Each content word of the bead's source with whether its target holds a trace of it (see
/// [`coverage::coverage`]); nothing for a bead with an empty side, where the omission check
/// reads no coverage either. What `data/<pair>/trace-rates.tsv` is mined from.
pub fn source_word_traces(ctx: &BeadContext) -> Vec<(String, bool)> {
    if ctx.source.text.trim().is_empty() || ctx.target.text.trim().is_empty() {
        return Vec::new();
    }
    coverage::coverage(ctx, Side::Source)
        .into_iter()
        .map(|w| (ctx.source.text[w.span.range()].to_string(), w.covered))
        .collect()
}

/// One side of a bead: its text, where that text starts in the document, and its language.
#[derive(Debug, Clone)]
pub struct SideText<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the document's normalized text.
    pub offset: usize,
    pub lang: &'static Language,
    /// Byte offsets in `text` where its sentences start.
    pub sentence_starts: Vec<usize>,
    /// White space between the start of the line and `text`, when `text` starts its line.
    pub leading: &'a str,
    /// White space between `text` and the end of its line, when `text` ends its line.
    pub trailing: &'a str,
}

/// Words a label before a dash may have (`on behalf of the Verts / ALE Group`).
const MAX_LABEL_WORDS: usize = 8;

impl SideText<'_> {
    /// The sentences of the bead's text that have at least two words of letters (not a stray
    /// closing quote split off by the segmenter) and are no label, with their spans in it.
    pub fn substantial_sentences(&self) -> Vec<(Span, &str)> {
        let sentences = self.sentences();
        let label = sentences
            .first()
            .is_some_and(|(span, first)| self.introduces_speech(*span, first));
        sentences
            .into_iter()
            .skip(usize::from(label))
            .filter(|(_, s)| {
                words(s)
                    .iter()
                    .filter(|w| w.text.chars().all(char::is_alphabetic))
                    .count()
                    >= 2
            })
            .collect()
    }

    /// Whether `first`, the text's first sentence at `span`, is a label for what a dash
    /// introduces after it, as transcripts write them (`in writing. - …`, `on behalf of the PPE
    /// Group. - …`): a short sentence, which one side may give and the other leave out.
    fn introduces_speech(&self, span: Span, first: &str) -> bool {
        let rest = self.text[span.end..].trim_start();
        rest.starts_with(['-', '–', '—']) && crate::textutil::count_words(first) <= MAX_LABEL_WORDS
    }

    /// The sentences of the bead's text, with their spans in it.
    pub fn sentences(&self) -> Vec<(Span, &str)> {
        self.sentence_iter().collect()
    }

    /// [`SideText::sentences`] one by one: counting them (most beads have one a side) needs
    /// no vector.
    pub fn sentence_iter(&self) -> impl Iterator<Item = (Span, &str)> + '_ {
        // The text's start opens a sentence even when the segmenter did not list it.
        let listed_first = self.sentence_starts.first() == Some(&0);
        let starts = (!listed_first)
            .then_some(0)
            .into_iter()
            .chain(self.sentence_starts.iter().copied());
        let ends = self
            .sentence_starts
            .iter()
            .copied()
            .skip(usize::from(listed_first))
            .chain(std::iter::once(self.text.len()));
        starts
            .zip(ends)
            .map(|(start, end)| {
                let trimmed = self.text[start..end].trim_end();
                (Span::new(start, start + trimmed.len()), trimmed)
            })
            .filter(|(span, _)| !span.is_empty())
    }

    /// Whether the word at `at` opens a sentence or a quotation, where capitals say nothing.
    pub fn starts_sentence_at(&self, at: usize) -> bool {
        if self.sentence_starts.contains(&at) {
            return true;
        }
        let before = self.text[..at].trim_end();
        // A straight quote opens a quotation when an even number of quotes stand before it.
        let opening_straight_quote = before.ends_with('"') && before.matches('"').count() % 2 == 1;
        before.is_empty()
            || opening_straight_quote
            || before.ends_with([':', '“', '«', '‘', '(', '—', '–', '.', '!', '?'])
            || (before.ends_with('\'')
                && !before[..before.len() - 1].ends_with(char::is_alphabetic))
    }
}

/// Facts about the whole document that single beads cannot see.
#[derive(Debug, Default)]
pub struct DocumentFacts {
    /// Folded source words seen with a capital where a capital is not required: names.
    pub names: rustc_hash::FxHashSet<String>,
    /// Folded source words seen in lower case: ordinary words, even when a sentence starts
    /// with them.
    pub lowercase: rustc_hash::FxHashSet<String>,
    /// Folded target words seen in lower case: words of the target language, not names.
    pub target_lowercase: rustc_hash::FxHashSet<String>,
    /// Folded target words seen with a capital, gathered only when the source language
    /// capitalizes its nouns ([`crate::locale::Language::nouns_capitalized`]): its names are
    /// those the target writes with a capital too.
    pub target_capitalized: rustc_hash::FxHashSet<String>,
    /// Median target/source length ratio (in characters) of the document's beads, if it has
    /// enough of them to tell.
    pub length_ratio: Option<f64>,
}

/// The folded words of `sides` that `keep` keeps (as written).
fn folded_words<'a>(
    sides: impl IntoIterator<Item = &'a SideText<'a>>,
    keep: impl Fn(&str) -> bool,
) -> rustc_hash::FxHashSet<String> {
    let mut set = rustc_hash::FxHashSet::default();
    let mut folded = String::new();
    for side in sides {
        for w in word_iter(side.text).filter(|w| keep(w.text)) {
            insert_folded(&mut set, w.text, &mut folded);
        }
    }
    set
}

/// A word with letters and no capital first: an ordinary word of the language.
fn written_in_lower_case(word: &str) -> bool {
    !is_capitalized(word) && word.chars().any(char::is_alphabetic)
}

/// Adds the folded `word` to `set`, allocating only for a word not seen before (most words of
/// a document are).
fn insert_folded(set: &mut rustc_hash::FxHashSet<String>, word: &str, buffer: &mut String) {
    // Most words of a document are ASCII in lower case already, which folding leaves as they
    // are: those are looked up as written, without copying them into the buffer.
    let folded = if is_folded_ascii(word) {
        word
    } else {
        buffer.clear();
        fold_into(word, buffer);
        buffer.as_str()
    };
    if !set.contains(folded) {
        set.insert(folded.to_string());
    }
}

/// Whether `word` is ASCII without a capital: its own folded form.
fn is_folded_ascii(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Beads needed before the document's own length ratio is trusted.
const MIN_BEADS_FOR_RATIO: usize = 5;

impl DocumentFacts {
    pub fn from_beads(beads: &[(SideText, SideText)]) -> Self {
        // The two sides' word sets are independent: built side by side.
        let (mut facts, target_lowercase) = rayon::join(
            || DocumentFacts::from_sides(beads.iter().map(|(s, _)| s)),
            || folded_words(beads.iter().map(|(_, t)| t), written_in_lower_case),
        );
        facts.target_lowercase = target_lowercase;
        if beads.first().is_some_and(|(s, _)| s.lang.nouns_capitalized) {
            let targets = beads.iter().map(|(_, t)| t);
            facts.target_capitalized = folded_words(targets, is_capitalized);
        }
        let mut ratios: Vec<f64> = beads
            .iter()
            .filter(|(s, t)| s.text.len() >= 20 && t.text.len() >= 20)
            .map(|(s, t)| t.text.chars().count() as f64 / s.text.chars().count() as f64)
            .collect();
        if ratios.len() >= MIN_BEADS_FOR_RATIO {
            ratios.sort_by(f64::total_cmp);
            facts.length_ratio = Some(ratios[ratios.len() / 2]);
        }
        facts
    }

    /// Whether the target document writes the folded word with a capital somewhere (known
    /// only when the source language capitalizes its nouns).
    pub fn target_writes_capitalized(&self, folded: &str) -> bool {
        self.target_capitalized.contains(folded)
    }

    /// Whether the target document writes the folded word in lower case somewhere.
    pub fn target_writes_in_lower_case(&self, folded: &str) -> bool {
        self.target_lowercase.contains(folded)
    }

    fn from_sides<'a>(sides: impl IntoIterator<Item = &'a SideText<'a>>) -> Self {
        let mut facts = DocumentFacts::default();
        let mut folded = String::new();
        for side in sides {
            for w in word_iter(side.text) {
                if is_capitalized(w.text) {
                    if !side.starts_sentence_at(w.span.start) {
                        insert_folded(&mut facts.names, w.text, &mut folded);
                    }
                } else if written_in_lower_case(w.text) {
                    insert_folded(&mut facts.lowercase, w.text, &mut folded);
                }
            }
        }
        facts
    }
}

/// What a check sees of one bead.
pub struct BeadContext<'a> {
    pub segment: usize,
    pub bead: &'a Bead,
    pub source: SideText<'a>,
    pub target: SideText<'a>,
    pub pair: &'a PairKnowledge,
    /// Knowledge of the pair read from target to source (its lexicon, for additions).
    pub reverse_pair: &'a PairKnowledge,
    pub glossary: &'a Glossary,
    pub document: &'a DocumentFacts,
    /// Typography rules of the target language's chosen variant.
    pub typography: &'a TypographyVariant,
    /// The pair's sentence aligner, for checks that look inside a multi-sentence bead.
    pub aligner: &'a crate::align::Aligner,
    /// The bead pairs a line (or unit) with a line, as the input said, rather than sentences
    /// the aligner paired: an empty side is then an empty line, not a left-out sentence.
    pub line_aligned: bool,
    /// What several checks compute from the bead, computed once.
    pub cache: BeadCache<'a>,
    /// The bead's sides normalized for the consistency checks, kept from the bead pass when a
    /// check needs them ([`BeadContext::keep_normalized_text`]).
    pub normalized: Option<consistency::NormalizedBead>,
}

/// Results several checks need from the same bead, computed by the first that asks.
#[derive(Debug, Default)]
pub struct BeadCache<'a> {
    numbers: OnceLock<numbers::NumberPairing>,
    source_words: OnceLock<SideWords<'a>>,
    target_words: OnceLock<SideWords<'a>>,
    source_keys: OnceLock<Vec<coverage::WordKey>>,
    target_keys: OnceLock<Vec<coverage::WordKey>>,
    source_partners: OnceLock<coverage::Partners>,
    target_partners: OnceLock<coverage::Partners>,
    /// The target's words without dots, when any has one ([`BeadContext::name_target`]).
    name_target: OnceLock<Option<SideWords<'a>>>,
    length_deviation: OnceLock<f64>,
}

impl<'a> BeadContext<'a> {
    /// The bead's numbers paired by value (read by number-mismatch and number-format).
    pub fn numbers(&self) -> &numbers::NumberPairing {
        self.cache
            .numbers
            .get_or_init(|| numbers::pair_numbers(self))
    }

    /// The pair's lexicon read from `side`'s language into the other side's.
    pub fn lexicon_from(&self, side: Side) -> &'a StemLexicon {
        match side {
            Side::Source => &self.pair.lexicon,
            Side::Target => &self.reverse_pair.lexicon,
        }
    }

    /// One side of the bead.
    pub fn side(&self, side: Side) -> &SideText<'a> {
        match side {
            Side::Source => &self.source,
            Side::Target => &self.target,
        }
    }

    /// The words of one side of the bead, folded.
    pub fn words(&self, side: Side) -> &SideWords<'a> {
        match side {
            Side::Source => self
                .cache
                .source_words
                .get_or_init(|| SideWords::of(self.source.text)),
            Side::Target => self
                .cache
                .target_words
                .get_or_init(|| SideWords::of(self.target.text)),
        }
    }

    /// The target's words as the entity checks compare names with them: folded, without
    /// dots ([`names::dotless_target_words`]).
    pub fn name_target(&self) -> &SideWords<'a> {
        let dotless = self
            .cache
            .name_target
            .get_or_init(|| names::dotless_target_words(self));
        // Most beads: no dot to drop, the folded words are the names' already.
        dotless.as_ref().unwrap_or_else(|| self.words(Side::Target))
    }

    /// The words of one side as the coverage checks compare them.
    pub fn coverage_keys(&self, side: Side) -> &[coverage::WordKey] {
        let (cell, text) = match side {
            Side::Source => (&self.cache.source_keys, &self.source),
            Side::Target => (&self.cache.target_keys, &self.target),
        };
        cell.get_or_init(|| coverage::WordKey::all(self.words(side), text))
    }

    /// For each word of `side` ([`BeadContext::coverage_keys`]), the words of the other side
    /// it matches.
    pub fn partners(&self, side: Side) -> &coverage::Partners {
        let cell = match side {
            Side::Source => &self.cache.source_partners,
            Side::Target => &self.cache.target_partners,
        };
        cell.get_or_init(|| {
            coverage::Partners::new(
                self.coverage_keys(side),
                self.coverage_keys(side.other()),
                self.lexicon_from(side),
            )
        })
    }
}

impl BeadContext<'_> {
    /// Keeps the bead's normalized text for the document checks, from the words its checks
    /// have split and folded already: the cache that holds them is dropped after the bead.
    pub fn keep_normalized_text(&mut self) {
        self.normalized = Some(consistency::NormalizedBead::of(self));
    }

    /// A finding of `rule` on this segment, with the rule's default severity and no span yet.
    pub fn finding(&self, rule: &'static Rule, message: impl Into<String>) -> Finding {
        Finding {
            rule: rule.id,
            category: rule.category,
            severity: rule.severity,
            message: message.into(),
            suggestion: None,
            segment: self.segment,
            source: None,
            target: None,
        }
    }

    /// Converts a span of the bead's source text into document coordinates.
    pub fn source_span(&self, relative: Span) -> Span {
        relative.offset(self.source.offset)
    }

    /// Converts a span of the bead's target text into document coordinates.
    pub fn target_span(&self, relative: Span) -> Span {
        relative.offset(self.target.offset)
    }
}

impl Finding {
    pub fn with_source(mut self, span: Span) -> Self {
        self.source = Some(span);
        self
    }

    pub fn with_target(mut self, span: Span) -> Self {
        self.target = Some(span);
        self
    }

    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one check on small documents, for the checks' unit tests.
    use super::*;
    use crate::model::Bead;

    /// The rule of a test probe: a check written for a test, to report what a helper finds.
    pub const fn probe_rule(id: &'static str) -> Rule {
        Rule {
            id,
            category: "test",
            severity: Severity::Minor,
            summary: "",
            explanation: "",
            example: RuleExample {
                source: "",
                bad: "",
                good: "",
                glossary: "",
                context: None,
            },
        }
    }

    /// An en→fr pair with eight sentences of filler before it: a segment past the 64 target
    /// words up to which the name checks scan every word instead of indexing them.
    pub fn long_segment(source: &str, target: &str) -> (String, String) {
        let filler_en = "The weather was fine and we walked along the river for an hour. ";
        let filler_fr = "Il faisait beau et nous avons marché le long de la rivière une heure. ";
        let long = (filler_en.repeat(8) + source, filler_fr.repeat(8) + target);
        assert!(long.1.split_whitespace().count() > 64);
        long
    }

    /// The findings of `check` on an en→fr pair as (message, flagged text), once asserted the
    /// same for the pair at the end of a [`long_segment`], whose words the checks index where
    /// they scan a short segment's.
    pub fn same_alone_and_long(
        check: &dyn Check,
        source: &str,
        target: &str,
    ) -> Vec<(String, String)> {
        let described = |found: Vec<(Finding, String)>| -> Vec<(String, String)> {
            found
                .into_iter()
                .map(|(f, text)| (f.message, text))
                .collect()
        };
        let alone = described(run(check, source, target));
        let (long_source, long_target) = long_segment(source, target);
        assert_eq!(described(run(check, &long_source, &long_target)), alone);
        alone
    }

    /// Findings of `check` on one en→fr pair, each with the text it flags.
    pub fn run(check: &dyn Check, source: &str, target: &str) -> Vec<(Finding, String)> {
        run_with(check, source, target, "en", "fr", &Glossary::default())
    }

    /// Asserts that `check` finds as many issues as given in each en→fr (source, target) pair.
    pub fn assert_finding_counts(check: &dyn Check, cases: &[(&str, &str, usize)]) {
        for &(source, target, expected) in cases {
            let found = run(check, source, target);
            assert_eq!(found.len(), expected, "{source} → {target}: {found:?}");
        }
    }

    /// Findings of `check` on one fr→en pair.
    pub fn run_from_french(
        check: &dyn Check,
        source: &str,
        target: &str,
    ) -> Vec<(Finding, String)> {
        run_with(check, source, target, "fr", "en", &Glossary::default())
    }

    pub fn run_with(
        check: &dyn Check,
        source: &str,
        target: &str,
        from: &str,
        to: &str,
        glossary: &Glossary,
    ) -> Vec<(Finding, String)> {
        run_document(check, &[(source, target)], from, to, glossary)
    }

    /// Findings of `check` on a document of several (source, target) segments.
    pub fn run_document(
        check: &dyn Check,
        pairs: &[(&str, &str)],
        from: &str,
        to: &str,
        glossary: &Glossary,
    ) -> Vec<(Finding, String)> {
        let (from_lang, to_lang) = (Language::get(from).unwrap(), Language::get(to).unwrap());
        let side = |text: &str, lang: &'static Language| -> SideText<'static> {
            let text: &'static str = Box::leak(text.to_string().into_boxed_str());
            SideText {
                text,
                offset: 0,
                lang,
                sentence_starts: crate::segment::split_sentences(text, lang)
                    .iter()
                    .map(|s| s.start)
                    .collect(),
                leading: "",
                trailing: "",
            }
        };
        let bead: &'static Bead = Box::leak(Box::new(Bead {
            source: 0..1,
            target: 0..1,
            confidence: 1.0,
        }));
        let sides: Vec<(SideText, SideText)> = pairs
            .iter()
            .map(|(s, t)| (side(s, from_lang), side(t, to_lang)))
            .collect();
        let facts = DocumentFacts::from_beads(&sides);
        let mut contexts: Vec<BeadContext> = sides
            .iter()
            .enumerate()
            .map(|(segment, (source, target))| BeadContext {
                segment,
                bead,
                source: source.clone(),
                target: target.clone(),
                pair: PairKnowledge::get(from, to).unwrap(),
                reverse_pair: PairKnowledge::get(to, from).unwrap(),
                glossary,
                document: &facts,
                typography: to_lang.typography.variant(None),
                aligner: Box::leak(Box::new(crate::align::Aligner::for_pair(from, to))),
                cache: BeadCache::default(),
                normalized: None,
                line_aligned: true,
            })
            .collect();
        let mut out = Vec::new();
        for ctx in &mut contexts {
            check.check_bead(ctx, &mut out);
            if check.compares_normalized_text() {
                ctx.keep_normalized_text();
            }
        }
        check.check_document(&contexts, &mut out);
        out.into_iter()
            .map(|f| {
                let (source, target) = (&contexts[f.segment].source, &contexts[f.segment].target);
                let text = match (f.target, f.source) {
                    (Some(t), _) => target.text[t.range()].to_string(),
                    (None, Some(s)) => source.text[s.range()].to_string(),
                    (None, None) => String::new(),
                };
                (f, text)
            })
            .collect()
    }

    /// Every rule's own example: the bad translation is flagged, the good one is not.
    pub fn assert_example(check: &dyn Check) {
        let rule = check.rule();
        let ex = &rule.example;
        let glossary = Glossary::parse(std::path::Path::new("example"), ex.glossary).unwrap();
        let run = |target: &'static str| {
            let mut pairs: Vec<(&str, &str)> = ex.context.into_iter().collect();
            pairs.push((ex.source, target));
            run_document(check, &pairs, "en", "fr", &glossary)
        };
        assert!(
            !run(ex.bad).is_empty(),
            "{}: bad example not flagged",
            rule.id
        );
        let good = run(ex.good);
        assert!(
            good.is_empty(),
            "{}: good example flagged: {good:?}",
            rule.id
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn sentences_cover_the_text_from_its_start_without_trailing_space() {
        let lang = Language::get("en").unwrap();
        let side = |text: &'static str, sentence_starts: Vec<usize>| SideText {
            text,
            offset: 0,
            lang,
            sentence_starts,
            leading: "",
            trailing: "",
        };
        let texts = |side: &SideText| -> Vec<String> {
            side.sentences()
                .iter()
                .map(|(span, text)| format!("{}..{} {text}", span.start, span.end))
                .collect()
        };
        assert_eq!(
            texts(&side("One. Two.  ", vec![0, 5])),
            ["0..4 One.", "5..9 Two."]
        );
        assert_eq!(
            texts(&side("One. Two.", vec![5])),
            ["0..4 One.", "5..9 Two."]
        );
        assert_eq!(texts(&side("One.", vec![])), ["0..4 One."]);
        assert!(texts(&side("   ", vec![0])).is_empty());
        assert_eq!(
            side("One. Two. Three.", vec![0, 5, 10])
                .sentence_iter()
                .count(),
            3
        );
    }

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        let mut seen = HashSet::new();
        for r in rules() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(
                r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.id
            );
            assert!(
                r.category.contains('/'),
                "{}: category is an MQM path",
                r.id
            );
            assert!(!r.summary.is_empty() && !r.explanation.is_empty());
        }
    }

    #[test]
    fn every_rule_flags_its_bad_example_and_not_its_good_one() {
        for check in REGISTRY {
            testing::assert_example(*check);
        }
    }
}
