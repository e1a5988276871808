//! untranslated: a target segment left in the source language, copied from the source, or
//! empty.

use super::side_words::SideWords;
use super::word_filter::WordFilter;
use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Side, Span};
use crate::textutil::fold;

pub struct Untranslated;

static RULE: Rule = Rule {
    id: "untranslated",
    category: "accuracy/untranslated",
    severity: Severity::Major,
    summary: "The target segment is empty, a copy of the source, or in the source language.",
    explanation: "A segment counts as untranslated when its target is empty while the source \
has words; when it is nearly identical to the source and at least half of its own words, names \
aside, are the source's (names, numbers and codes are legitimately copied: a list of names \
with its few words translated is no copy); or when language detection, \
restricted to the pair's two languages, finds the source language and most target words also \
occur in the source — unless the target holds two function words or more of its own language \
that the source language lacks (`our`, `who`, `were`), which no text in the source language has.",
    example: RuleExample {
        source: "The social network is now bracing for cooler growth.",
        bad: "The social network is now bracing for cooler growth.",
        good: "Le réseau social s'attend désormais à une croissance plus modérée.",
        glossary: "",
        context: None,
    },
};

/// Similarity of folded texts above which the target is taken for a copy of the source.
const COPY_SIMILARITY: f64 = 0.9;
/// Share of target words found in the source above which a source-language target is a copy.
const COPIED_WORD_SHARE: f64 = 0.5;
/// Function words of the target language (and not of the source's) from which a target is in
/// the target language, whatever the detector says.
const TARGET_FUNCTION_WORDS: usize = 2;
/// Lower-case words a target must have before its language is judged.
const MIN_WORDS: usize = 3;
/// Lower-case words a copy of the source must have (`Tom left.` copied is still a copy; `OK.`
/// or a name is not).
const MIN_COPIED_WORDS: usize = 2;

impl Check for Untranslated {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let source = ctx.source.text;
        let target = ctx.target.text;
        if target.trim().is_empty() {
            // Any word counts here, names included: a unit of a bilingual file whose target
            // is empty (`Cancel`, `ACME Cloud`) is untranslated. Without line alignment, an
            // empty target is a sentence left out: `omission`'s.
            if ctx.line_aligned && source.chars().any(char::is_alphabetic) {
                out.push(
                    ctx.finding(&RULE, "the target is empty")
                        .with_source(ctx.source_span(Span::new(0, source.len()))),
                );
            }
            return;
        }
        let target_words = lowercase_words(ctx.words(Side::Target));
        if target_words.len() < MIN_COPIED_WORDS || ctx.source.lang.code == ctx.target.lang.code {
            return;
        }
        let source_words = lowercase_words(ctx.words(Side::Source));
        // Most targets share few words with their source: a filter of the source's words
        // bounds the share from above (a word it may hold can still be missing, none it lacks
        // is there), and below the share that counts the words are not looked up one by one.
        let filter = WordFilter::of(source_words.iter().copied());
        let at_most = target_words.iter().filter(|w| filter.may_hold(w)).count();
        if (at_most as f64 / target_words.len() as f64) < COPIED_WORD_SHARE {
            return;
        }
        let in_source: rustc_hash::FxHashSet<&str> = source_words.iter().copied().collect();
        let copied = target_words
            .iter()
            .filter(|w| in_source.contains(*w))
            .count();
        let copied_share = copied as f64 / target_words.len() as f64;
        // Close as characters go, a target of names with their own few words translated (`Il
        // sera composé de Leszek Balcerowicz, …` → `It will be composed of Leszek
        // Balcerowicz, …`) is no copy: the source's words must be the target's too.
        let is_copy =
            copied_share >= COPIED_WORD_SHARE && is_near_copy(&fold(source), &fold(target));
        let message = if is_copy {
            "the target is a copy of the source"
        } else if target_words.len() >= MIN_WORDS
            && copied_share >= COPIED_WORD_SHARE
            && in_source_language(ctx)
        {
            "the target is still in the source language"
        } else {
            return;
        };
        out.push(
            ctx.finding(&RULE, message)
                .with_source(ctx.source_span(Span::new(0, source.len())))
                .with_target(ctx.target_span(Span::new(0, target.len()))),
        );
    }
}

/// Whether `strsim::normalized_levenshtein(a, b) >= COPY_SIMILARITY`, computed without the
/// full quadratic edit distance: two texts that far apart in length cannot be copies, and the
/// distance is only needed up to the largest value a copy allows.
fn is_near_copy(a: &str, b: &str) -> bool {
    if a.is_empty() && b.is_empty() {
        return true;
    }
    let longest = a.chars().count().max(b.chars().count());
    // One more than the largest distance of a copy, with room for rounding: any distance
    // above it gives a similarity below COPY_SIMILARITY.
    let bound = (longest as f64 * (1.0 - COPY_SIMILARITY)).ceil() as usize + 1;
    // Most pairs are translations, which the bag of characters already tells apart: the
    // characters are collected for the edit distance only when it has to be computed.
    if bag_distance(a.chars(), b.chars()) > bound {
        return false;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    bounded_levenshtein(&a, &b, bound).is_some_and(|distance| {
        // The very formula of `strsim::normalized_levenshtein`, so that the decision is its.
        1.0 - (distance as f64) / (longest as f64) >= COPY_SIMILARITY
    })
}

/// A lower bound of the Levenshtein distance, in one pass: each edit changes the count of at
/// most one character on either side, so the distance is at least the larger of the characters
/// `a` has in excess of `b` and those `b` has in excess of `a`. Characters are counted in 64
/// buckets; sharing a bucket can only hide differences, so the bound stays a lower one.
fn bag_distance(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    let mut counts = [0i32; 64];
    for c in a {
        counts[c as usize % 64] += 1;
    }
    for c in b {
        counts[c as usize % 64] -= 1;
    }
    let excess_a: i32 = counts.iter().filter(|&&n| n > 0).sum();
    let excess_b: i32 = -counts.iter().filter(|&&n| n < 0).sum::<i32>();
    excess_a.max(excess_b) as usize
}

/// The Levenshtein distance of `a` and `b` when it is at most `bound`, else `None`. Only the
/// diagonal band of half-width `bound` of the edit matrix can hold such a path (Ukkonen).
fn bounded_levenshtein(a: &[char], b: &[char], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    const FAR: usize = usize::MAX / 2;
    // previous[j]: distance of a[..i] and b[..j]; FAR outside the band.
    let mut previous: Vec<usize> = (0..=b.len())
        .map(|j| if j <= bound { j } else { FAR })
        .collect();
    let mut current = vec![FAR; b.len() + 1];
    for i in 1..=a.len() {
        let low = i.saturating_sub(bound).max(1);
        let high = (i + bound).min(b.len());
        // The cell left of the band still holds a value of two rows ago.
        current[low - 1] = FAR;
        current[0] = if i <= bound { i } else { FAR };
        let mut row_min = current[0];
        for j in low..=high {
            let substitution = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let value = substitution.min(previous[j] + 1).min(current[j - 1] + 1);
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > bound {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= bound)
}

/// Folded words made of letters, names (capitalised words) left out since they are copied in
/// any language.
fn lowercase_words<'w>(words: &'w SideWords) -> Vec<&'w str> {
    // Sized for every word: most are lower case, and a filtered iterator gives no size hint,
    // so collecting would grow the vector from nothing.
    let mut lowercase = Vec::with_capacity(words.len());
    lowercase.extend(
        words
            .iter()
            .filter(|(w, _)| {
                w.text.chars().next().is_some_and(char::is_lowercase)
                    && w.text.chars().all(crate::textutil::is_letter)
            })
            .map(|(_, folded)| folded),
    );
    lowercase
}

/// whatlang restricted to the pair's two languages says the target is in the source language,
/// and the target has fewer than [`TARGET_FUNCTION_WORDS`] function words of its own language
/// that the source language lacks: a sentence in the target language tells itself by them
/// where the detector, reading letters, may be swayed by shared words (`Our parents represent
/// a generation who were a post-war generation twice over` is no French, with `our`, `who`,
/// `were`).
fn in_source_language(ctx: &BeadContext) -> bool {
    let own_function_words = ctx
        .words(Side::Target)
        .iter()
        .filter(|(_, folded)| {
            ctx.target.lang.stopwords.contains(*folded)
                && !ctx.source.lang.stopwords.contains(*folded)
        })
        .count();
    if own_function_words >= TARGET_FUNCTION_WORDS {
        return false;
    }
    let detector = whatlang::Detector::with_allowlist(vec![
        ctx.source.lang.whatlang,
        ctx.target.lang.whatlang,
    ]);
    detector
        .detect(ctx.target.text)
        .is_some_and(|info| info.lang() == ctx.source.lang.whatlang && info.confidence() > 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn copies_and_english_targets_are_flagged() {
        assert_eq!(
            run(
                &Untranslated,
                "He said it was late.",
                "He said it was late."
            )
            .len(),
            1
        );
        assert_eq!(
            run(
                &Untranslated,
                "Facebook and Citigroup did not immediately respond to requests.",
                "Facebook and Citigroup did not respond to the requests."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_target_with_its_own_function_words_is_in_its_language() {
        // Europarl: words shared with the French source sway the detector.
        let source = "Nos parents font partie d'une génération qui a été deux fois de la génération d'après-guerre.";
        let target =
            "Our parents represent a generation who were a post-war generation twice over.";
        let found = crate::checks::testing::run_from_french(&Untranslated, source, target);
        assert!(found.is_empty(), "{found:?}");
        // A target left in French is still reported.
        let found = crate::checks::testing::run_from_french(
            &Untranslated,
            source,
            "Nos parents font partie d'une génération qui a été la génération d'après-guerre.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn names_numbers_and_short_lines_are_not() {
        assert!(run(&Untranslated, "© 2018 AFP", "© 2018 AFP").is_empty());
        assert!(
            run(
                &Untranslated,
                "Wells Fargo, JPMorgan Chase",
                "Wells Fargo, JPMorgan Chase"
            )
            .is_empty()
        );
        assert!(
            run(
                &Untranslated,
                "He went to the Silicon Valley.",
                "Il est allé dans la Silicon Valley."
            )
            .is_empty()
        );
    }

    #[test]
    fn names_with_their_few_words_translated_are_no_copy() {
        // Europarl, tokenized.
        let source = "It will be composed of Leszek Balcerowicz , Otmar Issing , Rainer Masera \
, Callum McCarthy , Lars Nyberg , José Pérez Fernández and Ono Ruding .";
        let target = "Il sera composé de Leszek Balcerowicz , Otmar Issing , Rainer Masera , \
Callum McCarthy , Lars Nyberg , José Pérez Fernández et Ono Ruding .";
        assert!(is_near_copy(&fold(source), &fold(target)));
        assert!(run(&Untranslated, source, target).is_empty());
    }

    #[test]
    fn near_copy_decides_as_strsim_does() {
        let texts = [
            "",
            "a",
            "abc",
            "the bank said no",
            "the banks said no",
            "the bank said so.",
            "la banque a dit non",
            "he said it was late",
            "he said it was too late",
            "facebook and citigroup did not respond to requests",
            "facebook and citigroup did not immediately respond to requests",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
            "baaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "été à zürich",
            "ete a zurich",
        ];
        for a in texts {
            for b in texts {
                let expected = strsim::normalized_levenshtein(a, b) >= COPY_SIMILARITY;
                assert_eq!(is_near_copy(a, b), expected, "{a:?} {b:?}");
                for bound in 0..8 {
                    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                    let distance = strsim::generic_levenshtein(&a, &b);
                    let bag = bag_distance(a.iter().copied(), b.iter().copied());
                    assert!(bag <= distance, "{a:?} {b:?}");
                    let within = (distance <= bound).then_some(distance);
                    assert_eq!(bounded_levenshtein(&a, &b, bound), within, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn empty_target_is_untranslated() {
        assert_eq!(run(&Untranslated, "Hello there.", "   ").len(), 1);
    }
}
