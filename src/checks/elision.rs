//! elision: a word whose form depends on the sound that follows it has the wrong one in the
//! target. French elides before a vowel (`qu'il`, not `que il`; `le type`, not `l' type`) and
//! writes `son` for `sa` there (`son amie`); the English article is `an` before a vowel sound
//! and `a` before a consonant sound.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::{IndefiniteArticle, Language};
use crate::model::{Finding, Side, Span};
use crate::textutil::{Word, match_case};

pub struct ElisionCheck;

static RULE: Rule = Rule {
    id: "elision",
    category: "fluency/grammar",
    severity: crate::model::Severity::Minor,
    summary: "A word that changes its form before a vowel sound has the wrong form in the target.",
    explanation: "French elides `le`, `de`, `que`… before a vowel (`que il` → `qu'il`, `la \
appris` is also what a cut clause leaves behind) and never before a consonant (`l' type`), and \
writes `mon`, `ton`, `son` for `ma`, `ta`, `sa` there (`sa amie` → `son amie`); \
English writes `an` before a vowel sound and `a` before a consonant sound (`a empty` → `an \
empty`). The words and the exceptions are data: `[elision]` and `[indefinite_article]` of \
`data/<lang>/locale.toml` (`le un`, `si elle`, `a European`, `an hour`). A French word before \
a capital is passed over (`de Obama` may follow the name's own convention), and so are \
acronyms, single letters and digits after an English article (`an FBI agent` is said letter by \
letter), and a pair of words the source itself writes (a title left as it is). Before an `h` \
either English form is accepted (`an historic`).",
    example: RuleExample {
        source: "He said that it was empty.",
        bad: "Il a dit que il était vide.",
        good: "Il a dit qu'il était vide.",
        glossary: "",
        context: None,
    },
};

impl Check for ElisionCheck {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let lang = ctx.target.lang;
        if lang.elision.is_empty() && lang.indefinite_article.is_none() {
            return;
        }
        let text = ctx.target.text;
        for pair in ctx.words(Side::Target).words().windows(2) {
            let (first, second) = (&pair[0], &pair[1]);
            let Some(slip) = wrong_form(text, lang, first, second) else {
                continue;
            };
            let span = Span::new(first.span.start, second.span.end);
            if ctx.source.text.contains(&text[span.range()]) {
                continue;
            }
            let mut finding = ctx
                .finding(&RULE, slip.message)
                .with_target(ctx.target_span(span));
            if let Some(suggestion) = slip.suggestion {
                finding = finding.with_suggestion(suggestion);
            }
            out.push(finding);
        }
    }
}

/// What is wrong with two neighbouring words, and how to write them.
struct Slip {
    message: String,
    suggestion: Option<String>,
}

/// The slip of `first` then `second` in `text`, if their forms do not agree.
fn wrong_form(text: &str, lang: &Language, first: &Word, second: &Word) -> Option<Slip> {
    // Every word whose form changes is short and ASCII (`a`, `an`, `que`, `lorsque`): most
    // pairs are passed over before anything else is looked at.
    if !lang.may_change_form(first.text) {
        return None;
    }
    let mut buffer = [0; LONGEST_CHANGING_WORD];
    let lower = short_ascii_lowercase(first.text, &mut buffer)?;
    let between = &text[first.span.end..second.span.start];
    lang.indefinite_article
        .as_ref()
        .and_then(|article| wrong_article(text, article, first, lower, between, second))
        .or_else(|| wrong_elision(text, lang, first, lower, between, second))
}

/// Bytes of the longest word whose form changes (`lorsque`, `puisque`).
const LONGEST_CHANGING_WORD: usize = 7;

/// `word` in lower case (written in `buffer` when it has a capital), when it is ASCII and fits.
fn short_ascii_lowercase<'w>(
    word: &'w str,
    buffer: &'w mut [u8; LONGEST_CHANGING_WORD],
) -> Option<&'w str> {
    let lower = buffer.get_mut(..word.len())?;
    if !word.is_ascii() {
        return None;
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(word);
    }
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// Whether `word` is a common word whose first letter tells its sound: letters only, no
/// capital after the first (`FBI`, `eEurope` are passed over).
fn plain_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.all(|c| !c.is_uppercase() && (c.is_alphabetic() || c == '-'))
}

/// A French word elided before a consonant (`l' type`), or left whole before a vowel (`que
/// il`, `la appris`). `lower` is `first` in lower case.
fn wrong_elision(
    text: &str,
    lang: &Language,
    first: &Word,
    lower: &str,
    between: &str,
    second: &Word,
) -> Option<Slip> {
    // A capital second word is a name, whose article follows its own convention.
    if !second.text.starts_with(char::is_lowercase) || !joined_by_space_or_apostrophe(between) {
        return None;
    }
    if let Some(replacement) = lang.elision.replacement(lower, second.text)
        && spaces_only(between)
        && plain_word(second.text)
    {
        let replacement = match_case(replacement, first.text);
        return Some(Slip {
            message: format!(
                "`{} {}`: `{replacement}` goes before a vowel",
                first.text, second.text
            ),
            suggestion: Some(format!("{replacement} {}", second.text)),
        });
    }
    if !lang.elision.broken(lower, between, second.text) || !plain_word(second.text) {
        return None;
    }
    // `rock'n'roll`: a letter glued to the apostrophe before it is no French elided word.
    if text[..first.span.start].ends_with(['\'', '’']) {
        return None;
    }
    let pair = &text[first.span.start..second.span.end];
    if between.contains(['\'', '’']) {
        return Some(Slip {
            message: format!("`{pair}`: `{}'` is elided before a consonant", first.text),
            suggestion: None,
        });
    }
    // Every full form ends with the vowel its elided form drops (`que` → `qu'`, `si` → `s'`).
    let elided = &first.text[..first.text.len() - 1];
    Some(Slip {
        message: format!("`{pair}` is not elided"),
        suggestion: Some(format!("{elided}'{}", second.text)),
    })
}

/// Only spaces between two words, or an apostrophe and spaces.
fn joined_by_space_or_apostrophe(between: &str) -> bool {
    between
        .strip_prefix(['\'', '’'])
        .map_or(spaces_only(between), |rest| rest.bytes().all(|b| b == b' '))
}

/// One space or more, and nothing else.
fn spaces_only(between: &str) -> bool {
    !between.is_empty() && between.bytes().all(|b| b == b' ')
}

/// An indefinite article of the wrong form for the word after it (`a empty`, `an man`).
/// `lower` is `first` in lower case.
fn wrong_article(
    text: &str,
    article: &IndefiniteArticle,
    first: &Word,
    lower: &str,
    between: &str,
    second: &Word,
) -> Option<Slip> {
    if (lower != article.before_consonant && lower != article.before_vowel)
        || !spaces_only(between)
        || !plain_word(second.text)
    {
        return None;
    }
    // A capital `A` inside a sentence is a label (`Class A`, `Annex A`), not the article.
    if first.text.starts_with(char::is_uppercase) && !starts_sentence(&text[..first.span.start]) {
        return None;
    }
    // A single letter is said by its name (`an F`, `a U-turn`), which its letter does not tell.
    let next = second.text.to_lowercase();
    let head = next.split('-').next().unwrap_or(&next);
    head.chars().nth(1)?;
    let wanted = article.form_before(head)?;
    if wanted == lower {
        return None;
    }
    let wanted = match_case(wanted, first.text);
    Some(Slip {
        message: format!(
            "`{} {}`: `{wanted}` goes before this word",
            first.text, second.text
        ),
        suggestion: Some(format!("{wanted} {}", second.text)),
    })
}

/// Whether a word after `before` starts a sentence: nothing but an opening mark or a
/// sentence's end before it.
fn starts_sentence(before: &str) -> bool {
    let before = before.trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '"', '“', '«', '(', '—', '–'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{run, run_from_french};

    fn french(target: &str) -> Vec<String> {
        run(&ElisionCheck, "He said it.", target)
            .into_iter()
            .map(|(_, span)| span)
            .collect()
    }

    fn english(target: &str) -> Vec<String> {
        run_from_french(&ElisionCheck, "Il l'a dit.", target)
            .into_iter()
            .map(|(_, span)| span)
            .collect()
    }

    #[test]
    fn french_full_forms_before_a_vowel_are_slips() {
        assert_eq!(french("Il a dit que il viendra."), ["que il"]);
        assert_eq!(french("Sur la appris à diriger."), ["la appris"]);
        assert_eq!(french("Il ne me a rien dit."), ["me a"]);
        let found = run(&ElisionCheck, "His wife came.", "Sa épouse est venue.");
        assert_eq!(found[0].1, "Sa épouse");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("Son épouse"));
        assert_eq!(french("Que elle vienne."), ["Que elle"]);
        let found = run(&ElisionCheck, "If he comes.", "Si il vient.");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("S'il"));
        assert_eq!(found[0].1, "Si il");
    }

    #[test]
    fn french_elisions_the_language_makes_are_left_alone() {
        for good in [
            "Il a dit qu'il viendra.",
            "Il a dit qu' il viendra.",
            "Si elle vient, lorsque autour de nous tout dort.",
            "Le un, le onze, de un à trois, à la une, son amie, sa une, sa hache.",
            "Et ce alors que rien.",
            "Puis-je entrer ? dis-je encore.",
            "Le héros de Obama, la eEurope, le hêtre.",
            "Il a vu le rock'n'roll.",
        ] {
            assert!(french(good).is_empty(), "{good}: {:?}", french(good));
        }
    }

    #[test]
    fn a_french_word_elided_before_a_consonant_is_a_slip() {
        let found = run(&ElisionCheck, "The type.", "L' type est là.");
        assert_eq!(found[0].1, "L' type");
        assert_eq!(found[0].0.suggestion, None);
        assert!(french("C' est l' hiver, j' y vais.").is_empty());
    }

    #[test]
    fn the_english_article_follows_the_sound_of_the_next_word() {
        assert_eq!(english("A man in a empty room."), ["a empty"]);
        assert_eq!(
            english("An man walks. A older man sits."),
            ["An man", "A older"]
        );
        let found = run_from_french(&ElisionCheck, "Une heure.", "It took a hour.");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("an hour"));
        for good in [
            "A European union, a unit, a useful and a one-off payment.",
            "An hour, an honest man, an historic step, a historic step.",
            "An FBI agent wrote a UN report in an 8-hour day, a u-turn, an x.",
            "Class A is an unusual case, and an umbrella is a once-in-a-lifetime thing.",
        ] {
            assert!(english(good).is_empty(), "{good}: {:?}", english(good));
        }
    }

    #[test]
    fn a_pair_the_source_writes_is_left_as_it_is() {
        assert!(
            run(
                &ElisionCheck,
                "the song que imagina",
                "la chanson que imagina"
            )
            .is_empty()
        );
    }

    #[test]
    fn every_word_whose_form_changes_fits_the_lowercasing_buffer() {
        for code in crate::locale::supported_codes() {
            let lang = Language::get(code).unwrap();
            let elision = &lang.elision;
            let article = lang.indefinite_article.iter();
            let words = (elision.words.iter().chain(&elision.full))
                .chain(elision.full_before_only.keys())
                .chain(elision.replaced_before_vowel.keys())
                .chain(article.flat_map(|a| [&a.before_consonant, &a.before_vowel]));
            for word in words {
                let mut buffer = [0; LONGEST_CHANGING_WORD];
                assert_eq!(
                    short_ascii_lowercase(word, &mut buffer),
                    Some(word.as_str()),
                    "{code}: `{word}`"
                );
            }
        }
    }

    #[test]
    fn german_has_neither_rule() {
        let found = crate::checks::testing::run_with(
            &ElisionCheck,
            "Il a dit que il viendra.",
            "Er sagte, a empty Raum.",
            "fr",
            "de",
            &crate::glossary::Glossary::default(),
        );
        assert!(found.is_empty());
    }
}
