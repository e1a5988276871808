//! untranslated-fragment: a run of source-language words copied into an otherwise translated
//! target.

use super::positions::KeyedPositions;
use super::word_filter::WordFilter;
use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::pair::lexicon_stem;
use crate::model::{Finding, Severity, Side, Span};
use crate::textutil::{Word, is_capitalized, short_key};

pub struct UntranslatedFragment;

static RULE: Rule = Rule {
    id: "untranslated-fragment",
    category: "accuracy/untranslated",
    severity: Severity::Major,
    summary: "Part of the target is left in the source language.",
    explanation: "Finds a run of at least five consecutive target words that stand in the same \
order in the source and include at least two function words of the source language (`the`, \
`of`, `and`) — or, when the run does not start with a capital as a title kept in the original \
does, one such word in a run of six or more, or half its words ones the pair's lexicon always \
translates into others (`angry young workers demanded higher wages`): a clause the translation \
skipped. Runs of capitalised words (titles of works, \
names of organisations kept in the original) are left alone, and so is a name given with its \
acronym in brackets, whose words' initials spell it (`l'Observatoire syrien des droits de \
l'homme (OSDH)`); a wholly untranslated segment is the `untranslated` rule's.",
    example: RuleExample {
        source: "The bank said it would not share the data with these platforms.",
        bad: "La banque a dit it would not share the data with ces plateformes.",
        good: "La banque a dit qu'elle ne partagerait pas les données avec ces plateformes.",
        glossary: "",
        context: None,
    },
};

const MIN_RUN: usize = 5;
const MIN_FUNCTION_WORDS: usize = 2;

impl Check for UntranslatedFragment {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        if ctx.source.lang.code == ctx.target.lang.code {
            return;
        }
        let source_words = ctx.words(Side::Source);
        let target_words = ctx.words(Side::Target);
        // A filter of the source's words answers first: a stretch it says no to is none the
        // source's words would say yes to, and most targets have none, without a word hashed
        // or compared.
        let filter = WordFilter::of(source_words.iter().map(|(_, f)| f));
        if !has_stretch(target_words.iter().map(|(_, f)| f), |w| filter.may_hold(w)) {
            return;
        }
        let source: Vec<&str> = source_words.iter().map(|(_, f)| f).collect();
        let target = target_words.words();
        let folded: Vec<&str> = target_words.iter().map(|(_, f)| f).collect();
        if !may_share_a_run(&source, &folded) {
            return;
        }
        let Some((start, end)) = longest_shared_run(&source, &folded) else {
            return;
        };
        let run = &target[start..end];
        let whole_target = end - start == target.len();
        if end - start < MIN_RUN
            || whole_target
            || !looks_untranslated(ctx, run, &folded[start..end])
        {
            return;
        }
        let span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
        if names_its_acronym(ctx, run, &folded[start..end], span) {
            return;
        }
        out.push(
            ctx.finding(
                &RULE,
                format!("{} words left in {}", end - start, ctx.source.lang.name),
            )
            .with_target(ctx.target_span(span)),
        );
    }
}

/// Whether `target` has [`MIN_RUN`] consecutive words that each stand somewhere in `source`:
/// no shared run is longer than such a stretch, and most translations have none, which this
/// tells at the cost of a lookup a word rather than a comparison a pair of words.
fn may_share_a_run(source: &[&str], target: &[&str]) -> bool {
    let in_source: rustc_hash::FxHashSet<&str> = source.iter().copied().collect();
    has_stretch(target.iter().copied(), |word| in_source.contains(word))
}

/// Whether [`MIN_RUN`] consecutive words of `target` are each `held`.
fn has_stretch<'w>(mut target: impl Iterator<Item = &'w str>, held: impl Fn(&str) -> bool) -> bool {
    let mut stretch = 0;
    target.any(|word| {
        stretch = if held(word) { stretch + 1 } else { 0 };
        stretch >= MIN_RUN
    })
}

/// The longest run of consecutive target words that also stand consecutively in the source:
/// the first found of the longest, source word by source word, then target word by target
/// word. Long sides visit only the pairs of equal words: the cost then grows with the words a
/// side has and the pairs that are equal, not with the product of the sides' lengths, which a
/// document on one line makes huge.
fn longest_shared_run(source: &[&str], target: &[&str]) -> Option<(usize, usize)> {
    if source.len() * target.len() <= EVERY_PAIR_UP_TO {
        longest_shared_run_every_pair(source, target)
    } else {
        longest_shared_run_sparse(source, target)
    }
}

/// [`longest_shared_run`], visiting the pairs of equal words only (dynamic programming over
/// common substrings, kept sparse).
fn longest_shared_run_sparse(source: &[&str], target: &[&str]) -> Option<(usize, usize)> {
    let positions = KeyedPositions::new(target.iter().copied().zip(0..));
    // run[j]: length of the shared run ending just before target word j, as found at source
    // word row[j]; an entry from an older row is a run that has ended.
    let mut run = vec![0usize; target.len() + 1];
    let mut row = vec![usize::MAX; target.len() + 1];
    let mut best: Option<(usize, usize)> = None;
    for (i, word) in source.iter().enumerate() {
        let mut longest_here: Option<(usize, usize)> = None;
        // From the last match back, so that run[j], read at this row, is still the last row's.
        for j in positions.of(*word).rev() {
            let j = j as usize;
            let before = if i > 0 && row[j] == i - 1 { run[j] } else { 0 };
            run[j + 1] = before + 1;
            row[j + 1] = i;
            // Of equal lengths in a row, the leftmost, as a left-to-right scan finds first.
            if longest_here.is_none_or(|(len, _)| before + 1 >= len) {
                longest_here = Some((before + 1, j + 1));
            }
        }
        if let Some((len, end)) = longest_here
            && best.is_none_or(|(a, b)| b - a < len)
        {
            best = Some((end - len, end));
        }
    }
    best
}

/// [`longest_shared_run`] by plain dynamic programming over every pair of words: cheaper than
/// building the sparse search's index when the sides are short, as most are.
fn longest_shared_run_every_pair(source: &[&str], target: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut previous = vec![0usize; target.len() + 1];
    let mut current = vec![0usize; target.len() + 1];
    for s in source {
        for (j, t) in target.iter().enumerate() {
            current[j + 1] = 0;
            if s == t {
                current[j + 1] = previous[j] + 1;
                let len = current[j + 1];
                if best.is_none_or(|(a, b)| b - a < len) {
                    best = Some((j + 1 - len, j + 1));
                }
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

/// Pairs of words up to which comparing every pair costs less than indexing the target.
const EVERY_PAIR_UP_TO: usize = 64 * 64;

fn looks_untranslated(ctx: &BeadContext, run: &[Word], folded: &[&str]) -> bool {
    let function_words = folded
        .iter()
        .filter(|w| {
            ctx.source.lang.stopwords.contains(**w) && !ctx.target.lang.stopwords.contains(**w)
        })
        .count();
    let capitalised = run.iter().filter(|w| is_capitalized(w.text)).count();
    let letters = run
        .iter()
        .filter(|w| w.text.chars().all(char::is_alphabetic))
        .count();
    // Words the pair's lexicon always translates into another (`angry`, `workers`, `wages`).
    let lexicon = &ctx.pair.lexicon;
    let translated_away = folded
        .iter()
        .filter(|w| {
            w.len() >= 3
                && w.chars().all(char::is_alphabetic)
                && !ctx.target.lang.stopwords.contains(**w)
        })
        .filter(|w| {
            let stem = short_key(&lexicon_stem(w));
            let translations = lexicon.translations_of(stem);
            !translations.is_empty() && !translations.contains(&stem)
        })
        .count();
    // A longer run with one function word, or one of mostly words translated away, is a
    // clause left untranslated unless it starts with a capital, as the title of a work kept in
    // the original does (`Cent plus belles courses des Alpes valaisannes`).
    let weaker_signs = (function_words >= 1 && run.len() > MIN_RUN)
        || (translated_away >= 3 && translated_away * 2 >= run.len());
    (function_words >= MIN_FUNCTION_WORDS || (weaker_signs && !is_capitalized(run[0].text)))
        && capitalised * 3 <= run.len()
        && letters * 4 >= run.len() * 3
}

/// Whether the run is the name of an organisation given with its acronym in brackets, after it
/// (`l'Observatoire syrien des droits de l'homme ( OSDH )`) or before it (`OSDH (Observatoire
/// syrien des droits de l'homme)`), the acronym inside the run or beside it: the initials of
/// the run's other words, the source language's function words aside, spell the acronym. A
/// name kept in the original beside its acronym is a translator's choice, as a name in
/// capitals is.
fn names_its_acronym(ctx: &BeadContext, run: &[Word], folded: &[&str], span: Span) -> bool {
    let text = ctx.target.text;
    let is_acronym =
        |word: &str| word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase());
    let stopwords = &ctx.source.lang.stopwords;
    let initials: String = run
        .iter()
        .zip(folded)
        .filter(|(w, f)| !stopwords.contains(**f) && !is_acronym(w.text))
        .filter_map(|(w, _)| w.text.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .collect();
    let bracketed_after = text[span.end..]
        .trim_start()
        .strip_prefix('(')
        .and_then(|rest| rest.split_once(')'))
        .map(|(inside, _)| inside.trim());
    let bracketed_before = text[..span.start]
        .trim_end()
        .strip_suffix('(')
        .and_then(|rest| rest.split_whitespace().next_back());
    let mut candidates = run
        .iter()
        .map(|w| w.text)
        .chain(bracketed_after)
        .chain(bracketed_before);
    candidates.any(|word| is_acronym(word) && word == initials)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn sparse_shared_run_agrees_with_every_pair_compared() {
        // Few distinct words, so that runs, repeats and ties abound.
        let vocabulary = ["a", "b", "c", "d"];
        let mut rng = crate::inject::Rng::new(7);
        for _ in 0..2_000 {
            let mut words = |n: usize| -> Vec<&str> {
                (0..rng.below(n))
                    .map(|_| vocabulary[rng.below(4)])
                    .collect()
            };
            let (source, target) = (words(12), words(12));
            let longest = longest_shared_run_every_pair(&source, &target);
            assert_eq!(
                longest_shared_run_sparse(&source, &target),
                longest,
                "{source:?} / {target:?}"
            );
            // The early exit never hides a run long enough to report.
            if longest.is_some_and(|(start, end)| end - start >= MIN_RUN) {
                assert!(may_share_a_run(&source, &target), "{source:?} / {target:?}");
            }
        }
        assert!(!may_share_a_run(
            &["a", "b", "c", "d", "e"],
            &["a", "b", "x", "c", "d", "e"]
        ));
    }

    #[test]
    fn copied_clause() {
        let ex = &RULE.example;
        let found = run(&UntranslatedFragment, ex.source, ex.bad);
        assert_eq!(found[0].1, "it would not share the data with");
        assert!(
            run(
                &UntranslatedFragment,
                "He sang The Sun Will Come Out Tomorrow on TV.",
                "Il a chanté The Sun Will Come Out Tomorrow à la télé."
            )
            .is_empty()
        );
        // A French name kept beside its acronym (newstest2012), after or before it.
        for (source, target) in [
            (
                "Pendant ce temps , 16 civils ont péri , a annoncé l' Observatoire syrien des droits de l' homme ( OSDH ) .",
                "Meanwhile , 16 civilians died , announced the Observatoire syrien des droits de l' homme ( OSDH ) .",
            ),
            (
                "Pendant ce temps , 16 civils ont péri , a annoncé l' OSDH ( Observatoire syrien des droits de l' homme ) .",
                "Meanwhile , 16 civilians died , announced the OSDH ( Observatoire syrien des droits de l' homme ) .",
            ),
        ] {
            let found =
                crate::checks::testing::run_from_french(&UntranslatedFragment, source, target);
            assert!(found.is_empty(), "{found:?}");
        }
        // The same run with another acronym, or none, is reported.
        let found = crate::checks::testing::run_from_french(
            &UntranslatedFragment,
            "Il a parlé avec le ministre des droits de l' homme hier soir .",
            "He spoke with the ministre des droits de l' homme last night .",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_clause_with_one_function_word_or_words_translated_away_is_copied() {
        // Six words, one of them an English function word (`to`; `a` is French too).
        let found = run(
            &UntranslatedFragment,
            "The government announced a new plan to reduce emissions.",
            "Le gouvernement a annoncé a new plan to reduce emissions.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "a new plan to reduce emissions");
        // No function word, but words the lexicon always translates into others.
        let found = run(
            &UntranslatedFragment,
            "Yesterday angry young workers demanded higher wages in Paris.",
            "Hier, angry young workers demanded higher wages à Paris.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        // A title kept in the original starts with a capital.
        let found = crate::checks::testing::run_with(
            &UntranslatedFragment,
            "dank der Lektüre der Cent plus belles courses des Alpes valaisannes schlecht informiert",
            "mal renseignés par la lecture des Cent plus belles courses des Alpes valaisannes",
            "de",
            "fr",
            &crate::glossary::Glossary::default(),
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
