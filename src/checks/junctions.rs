//! Junctions a cut leaves behind: two common words side by side that the language never puts
//! together (`les dans`, `the are`), or an elision broken (`la appris`, `l' type`). A clause cut
//! out of a sentence often leaves one, where a free translation, however loose, stays
//! grammatical.

use std::borrow::Cow;

use super::BeadContext;
use super::side_words::SideWords;
use crate::locale::Language;
use crate::model::{Side, Span};

/// The first two neighbouring words of `side` (only spaces or apostrophes between them) that
/// its language's `data/<lang>/unlikely-bigrams.txt` says never stand side by side, or that
/// break its elision (`[elision]` of `data/<lang>/locale.toml`): the span from the first one's
/// start to the second one's end.
pub fn unlikely_junction(ctx: &BeadContext, side: Side) -> Option<Span> {
    let text = ctx.side(side);
    junction_in(text.text, ctx.words(side), text.lang)
}

/// [`unlikely_junction`] in `text`, split into `words`.
fn junction_in(text: &str, words: &SideWords, lang: &Language) -> Option<Span> {
    let all = words.words();
    (1..all.len()).find_map(|i| {
        let (first, second) = (&all[i - 1], &all[i]);
        let between = &text[first.span.end..second.span.start];
        let seam = adjacent(between)
            && common_word(first.text)
            && common_word(second.text)
            && seam_between(lang, &lower(first.text), between, second.text);
        seam.then(|| Span::new(first.span.start, second.span.end))
    })
}

/// Whether `first` (in lower case) and `second` (as written), `between` between them, are a
/// pair the language never joins or an elision broken, unless by a common slip.
fn seam_between(lang: &Language, first: &str, between: &str, second: &str) -> bool {
    let elision = &lang.elision;
    lang.unlikely_bigram(first, &lower(second))
        || (elision.broken(first, between, second) && !elision.is_slip(first, second))
}

/// Whether `word` may be a common word: one with a lower-case letter (`N`, `UE` are initials
/// and acronyms, which the table leaves out).
fn common_word(word: &str) -> bool {
    word.chars().any(char::is_lowercase)
}

/// `word` in lower case, copied only when it has a capital.
fn lower(word: &str) -> Cow<'_, str> {
    if crate::textutil::has_uppercase(word) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Whether two words with `between` between them are neighbours in the sense of the mined
/// table: only spaces and apostrophes (`l' histoire`) part them; any other mark breaks the
/// sentence there.
fn adjacent(between: &str) -> bool {
    between
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '\'' | '’'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn junction(lang: &str, text: &str) -> Option<String> {
        let lang = Language::get(lang).unwrap();
        junction_in(text, &SideWords::of(text), lang).map(|span| text[span.range()].to_string())
    }

    #[test]
    fn a_cut_clause_leaves_an_unlikely_junction() {
        assert_eq!(
            junction("fr", "Tom retira ses vêtements et les dans la machine.").as_deref(),
            Some("les dans")
        );
        let whole = "Tom retira ses vêtements et les mit dans la machine.";
        assert_eq!(junction("fr", whole), None);
        assert_eq!(
            junction("en", "Most of the are poor.").as_deref(),
            Some("the are")
        );
    }

    #[test]
    fn only_spaces_and_apostrophes_join_two_words() {
        assert_eq!(junction("fr", "Il les prit (les) dans la boîte."), None);
        assert_eq!(junction("fr", "Il prit les, dans la boîte."), None);
        assert_eq!(
            junction("fr", "Il prit les   dans la boîte.").as_deref(),
            Some("les   dans")
        );
    }

    #[test]
    fn a_broken_elision_is_a_seam() {
        assert_eq!(
            junction("fr", "Sur la appris à diriger.").as_deref(),
            Some("la appris")
        );
        assert_eq!(
            junction("fr", "La Reine souligne la place de l' type de finances.").as_deref(),
            Some("l' type")
        );
        for whole in [
            "Sur la manière dont il a appris à diriger.",
            "Il vint le onze, puis le héros de la Hongrie.",
            "Le jardin de Anna, de l'Iowa et de Obama.",
            // A slip, not a cut: the elision rule's, not a seam.
            "Il est parti parce que en hiver il a froid.",
        ] {
            assert_eq!(junction("fr", whole), None, "{whole}");
        }
    }

    #[test]
    fn a_language_without_the_table_has_no_junctions() {
        let text = "Er sah les dans der Stadt.";
        assert_eq!(junction("fr", text).as_deref(), Some("les dans"));
        assert_eq!(junction("de", text), None);
    }
}
