//! How a language negates: the words that negate what follows them (read by opposite-meaning),
//! the words that make a clause negative (`not`, `ne … pas`, `nicht`), the idioms built on one
//! of those that negate nothing (`not only`), and every word that says a negation of any kind
//! (`no`, `without`, `sans`). From `[negation]` in `data/<lang>/locale.toml`.

use crate::textutil::{FirstTwoBytes, fold};
use rustc_hash::FxHashSet;
use serde::Deserialize;

/// `[negation]` as the data writes it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NegationFile {
    /// Words that negate what follows them, shortly after (`not`, `pas`, `less`).
    pub(super) words: Vec<String>,
    /// Words that make the clause they stand in negative (`not`, `never`; `pas`, `jamais`).
    #[serde(default)]
    clause: Vec<String>,
    /// Words a clause word needs shortly before it to negate (French `ne`, `n'`): `pas` alone
    /// is also `step`, `personne` also `person`.
    #[serde(default)]
    clause_openers: Vec<String>,
    /// Words that, between an opener and a clause word, make them no negation (French `que`:
    /// `n'est qu'à un pas` is `is but one step`).
    #[serde(default)]
    clause_breakers: Vec<String>,
    /// Clause words that count only right after an apostrophe, what a contraction leaves
    /// (`t` of `don't`, `don 't`), not standing alone (`[ T ] he`).
    #[serde(default)]
    contracted: Vec<String>,
    /// Phrases with a clause word that negate nothing (`not only`, `whether or not`).
    #[serde(default)]
    not_negating: Vec<String>,
    /// Whether a clause word may end its clause and negate what stands before it (German
    /// `Er kam nicht`).
    #[serde(default)]
    may_end_clause: bool,
    /// Words that, just after a clause word, cancel its negation (`not without`, `pas moins`).
    #[serde(default)]
    cancelling: Vec<String>,
    /// Other words that say a negation (`no`, `nothing`, `without`; `sans`, `aucun`), not the
    /// words of `words` that only weaken (`less`, `moins`).
    #[serde(default)]
    marks: Vec<String>,
    /// Beginnings of words that say a negation in their meaning, whatever their ending (`fail`:
    /// `failed`, `failure`; `empêch`: `empêche`, `empêcher`).
    #[serde(default)]
    mark_stems: Vec<String>,
    /// Prefixes that negate the word they start (`un` of `unable`, `in` of `inacceptable`).
    #[serde(default)]
    negative_prefixes: Vec<String>,
    /// Those of them that negate nearly every word whose rest is a word of the language too
    /// (`unhappy`, `injuste`; not `im` of `important`): each such word says a negation.
    #[serde(default)]
    vocabulary_prefixes: Vec<String>,
}

/// How many words may stand between an opener and its clause word (`ne se le sont pas`).
const OPENER_REACH: usize = 5;

/// Letters a word must have after a prefix that negates it (`unwise`; not `union`).
const MIN_PREFIXED_REST: usize = 4;

/// How many words after a clause word a word may cancel it (`not entirely without`).
const CANCEL_REACH: usize = 2;

/// Letters a negated word and a negative form must share after the prefix (`toler` of
/// `tolerated` and `intolérable`, accents folded).
const COGNATE_LETTERS: usize = 5;

/// The clause negations of a language and the words that say any negation, folded.
#[derive(Debug, Default)]
pub struct ClauseNegation {
    clause: FxHashSet<String>,
    /// The clause words' first two bytes: most words of a source start otherwise and are
    /// passed over without a hash.
    clause_starts: FirstTwoBytes,
    openers: FxHashSet<String>,
    breakers: FxHashSet<String>,
    contracted: FxHashSet<String>,
    not_negating: Vec<Vec<String>>,
    cancelling: FxHashSet<String>,
    /// Whether a clause word may end its clause and negate what stands before it.
    pub may_end_clause: bool,
    /// Every word that says a negation: the marks, the openers, and the clause words of a
    /// language that needs no opener.
    any: FxHashSet<String>,
    mark_stems: Vec<String>,
    negative_prefixes: Vec<String>,
    vocabulary_prefixes: Vec<String>,
}

/// The words of a list, folded, in the collection asked for.
fn folded<T: FromIterator<String>>(words: &[String]) -> T {
    words.iter().map(|word| fold(word)).collect()
}

/// Where a clause is negated: words `first..=last` of its side, from the opener (if the
/// language needs one) to the clause word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NegationAt {
    pub first: usize,
    pub last: usize,
}

impl ClauseNegation {
    pub(super) fn new(file: &NegationFile) -> Self {
        let (clause, openers): (FxHashSet<String>, FxHashSet<String>) =
            (folded(&file.clause), folded(&file.clause_openers));
        // A clause word that needs an opener says nothing alone (`plus`, `personne`).
        let alone = if openers.is_empty() {
            &clause
        } else {
            &openers
        };
        let mut any: FxHashSet<String> = folded(&file.marks);
        any.extend(alone.iter().cloned());
        let not_negating = (file.not_negating.iter())
            .map(|phrase| phrase.split_whitespace().map(fold).collect())
            .collect();
        let mut clause_starts = FirstTwoBytes::default();
        clause.iter().for_each(|word| clause_starts.insert(word));
        ClauseNegation {
            clause,
            clause_starts,
            openers,
            breakers: folded(&file.clause_breakers),
            contracted: folded(&file.contracted),
            not_negating,
            cancelling: folded(&file.cancelling),
            may_end_clause: file.may_end_clause,
            any,
            mark_stems: folded(&file.mark_stems),
            negative_prefixes: folded(&file.negative_prefixes),
            vocabulary_prefixes: folded(&file.vocabulary_prefixes),
        }
    }

    /// Whether the language's data says how it negates a clause.
    pub fn is_known(&self) -> bool {
        !self.clause.is_empty()
    }

    /// The clause negations among `len` words, `folded(i)` giving the i-th folded and
    /// `after_apostrophe(i)` whether an apostrophe stands just before it: each clause word
    /// with its opener before it, when the language needs one, and neither inside a phrase
    /// that negates nothing, nor cancelled by a word just after it (`pas sans`), nor a
    /// contraction's remnant standing alone.
    pub fn find<'w>(
        &self,
        len: usize,
        folded: impl Fn(usize) -> &'w str,
        after_apostrophe: impl Fn(usize) -> bool,
    ) -> Vec<NegationAt> {
        (0..len)
            .filter(|&i| {
                let word = folded(i);
                self.clause_starts.may_hold(word) && self.clause.contains(word)
            })
            .filter(|&i| !self.contracted.contains(folded(i)) || after_apostrophe(i))
            .filter(|&i| !self.in_not_negating_phrase(i, len, &folded))
            .filter(|&i| !self.cancelled(i, len, &folded))
            .filter_map(|last| self.opened(last, &folded))
            .collect()
    }

    /// Whether a word just after the clause word at `at` cancels it (`pas sans`).
    fn cancelled<'w>(&self, at: usize, len: usize, folded: &impl Fn(usize) -> &'w str) -> bool {
        (at + 1..len.min(at + 1 + CANCEL_REACH)).any(|j| self.cancelling.contains(folded(j)))
    }

    /// The negation the clause word at `last` ends: from its opener, when the language needs
    /// one (none without an opener shortly before, or with a breaker between), else from itself.
    fn opened<'w>(&self, last: usize, folded: &impl Fn(usize) -> &'w str) -> Option<NegationAt> {
        if self.openers.is_empty() {
            return Some(NegationAt { first: last, last });
        }
        let from = last.saturating_sub(OPENER_REACH + 1);
        let first = (from..last)
            .rev()
            .find(|&i| self.openers.contains(folded(i)))?;
        let broken = (first + 1..last).any(|i| self.breakers.contains(folded(i)));
        (!broken).then_some(NegationAt { first, last })
    }

    /// Whether any of `len` words says a negation of any kind: a word of the lists, one that
    /// starts as a word that says one in its meaning does, or a word the language `knows`
    /// with a prefix that negates it (`unhappy`: `happy`).
    pub fn says_any<'w>(
        &self,
        len: usize,
        folded: impl Fn(usize) -> &'w str,
        knows: impl Fn(&str) -> bool,
    ) -> bool {
        (0..len).any(|i| self.says_negation(folded(i), &knows))
    }

    /// Whether a folded word says a negation.
    fn says_negation(&self, word: &str, knows: &impl Fn(&str) -> bool) -> bool {
        self.any.contains(word)
            || self.mark_stems.iter().any(|s| word.starts_with(s.as_str()))
            || self.vocabulary_prefixes.iter().any(|prefix| {
                word.strip_prefix(prefix.as_str())
                    .is_some_and(|rest| rest.chars().count() >= MIN_PREFIXED_REST && knows(rest))
            })
    }

    /// Whether `word` (folded) is `negated` (a word of the other language, folded) with one
    /// of the language's negative prefixes: `unacceptable` for `acceptable`, `intolérable`
    /// for `tolerated` (the same first [`COGNATE_LETTERS`] letters after the prefix, or the
    /// whole word when it is shorter: `unable` for `able`).
    pub fn negative_form_of(&self, word: &str, negated: &str) -> bool {
        // A shorter word must be the whole rest (`able` of `unable`).
        let end = (negated.char_indices().nth(COGNATE_LETTERS)).map_or(negated.len(), |(at, _)| at);
        self.negative_prefixes.iter().any(|prefix| {
            word.strip_prefix(prefix.as_str()).is_some_and(|rest| {
                if end == negated.len() {
                    rest == negated
                } else {
                    rest.get(..end) == Some(&negated[..end])
                }
            })
        })
    }

    /// Whether the clause word at `at` belongs to a phrase that negates nothing.
    fn in_not_negating_phrase<'w>(
        &self,
        at: usize,
        len: usize,
        folded: &impl Fn(usize) -> &'w str,
    ) -> bool {
        let word = folded(at);
        self.not_negating.iter().any(|phrase| {
            (phrase.iter().enumerate())
                .filter(|(_, w)| *w == word)
                .any(|(k, _)| {
                    at >= k
                        && at - k + phrase.len() <= len
                        && (phrase.iter().enumerate()).all(|(n, w)| folded(at - k + n) == w)
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn negation(clause: &[&str], openers: &[&str], not_negating: &[&str]) -> ClauseNegation {
        let owned = |words: &[&str]| words.iter().map(|w| w.to_string()).collect();
        ClauseNegation::new(&NegationFile {
            words: vec![],
            clause: owned(clause),
            clause_openers: owned(openers),
            clause_breakers: owned(&["que", "qu"]),
            contracted: owned(&["t"]),
            not_negating: owned(not_negating),
            cancelling: owned(&["without"]),
            may_end_clause: false,
            marks: owned(&["without"]),
            mark_stems: owned(&["fail"]),
            negative_prefixes: owned(&["un", "in"]),
            vocabulary_prefixes: owned(&["un"]),
        })
    }

    fn find(negation: &ClauseNegation, text: &str) -> Vec<(usize, usize)> {
        let words: Vec<String> = text.split_whitespace().map(fold).collect();
        let after_apostrophe = |i: usize| i > 0 && words[i - 1].ends_with('\'');
        (negation.find(words.len(), |i| &words[i], after_apostrophe))
            .into_iter()
            .map(|n| (n.first, n.last))
            .collect()
    }

    #[test]
    fn a_clause_word_negates_alone_unless_the_language_needs_an_opener() {
        let english = negation(&["not", "never", "t"], &[], &["not only", "whether or not"]);
        assert_eq!(find(&english, "it don' t work"), vec![(2, 2)]);
        assert_eq!(find(&english, "[ t ] he"), vec![]);
        assert_eq!(find(&english, "it does not work"), vec![(2, 2)]);
        assert_eq!(find(&english, "not only this but never that"), vec![(4, 4)]);
        assert_eq!(find(&english, "whether or not it rains"), vec![]);
        assert_eq!(find(&english, "not entirely without risk"), vec![]);
        let french = negation(&["pas", "jamais"], &["ne", "n"], &[]);
        assert_eq!(find(&french, "il ne le fait pas"), vec![(1, 4)]);
        assert_eq!(find(&french, "pas à pas"), vec![]);
        assert_eq!(find(&french, "n a jamais"), vec![(0, 2)]);
        assert_eq!(find(&french, "il n est qu à un pas"), vec![]);
    }

    #[test]
    fn every_word_of_the_lists_says_a_negation() {
        let english = negation(&["not"], &[], &[]);
        let says = |text: &str| {
            let words: Vec<String> = text.split_whitespace().map(fold).collect();
            english.says_any(words.len(), |i| &words[i], |w| w == "happy")
        };
        assert!(says("Not now"));
        assert!(says("a life without fear"));
        assert!(says("it failed"));
        assert!(says("we are unhappy"));
        assert!(!says("we unite"));
        assert!(!says("it works"));
    }

    #[test]
    fn a_negative_prefix_before_the_negated_word_says_a_negation() {
        let english = negation(&["not"], &[], &[]);
        assert!(english.negative_form_of("unacceptable", "acceptable"));
        assert!(english.negative_form_of("intolerable", "tolere"));
        assert!(english.negative_form_of("unable", "able"));
        assert!(!english.negative_form_of("unstable", "able"));
        assert!(!english.negative_form_of("intended", "tolere"));
    }
}
