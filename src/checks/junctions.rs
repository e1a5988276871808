//! Junctions a cut leaves behind: two common words side by side that the language never puts
//! together (`ses dans`, `the able`). A clause cut out of a sentence often leaves one, where a
//! free translation, however loose, stays grammatical.

use super::BeadContext;
use super::side_words::SideWords;
use crate::locale::Language;
use crate::model::{Side, Span};

/// The first two neighbouring words of `side` (only spaces or apostrophes between them) that
/// its language's `data/<lang>/unlikely-bigrams.txt` says never stand side by side: the span
/// from the first one's start to the second one's end.
pub fn unlikely_junction(ctx: &BeadContext, side: Side) -> Option<Span> {
    let text = ctx.side(side);
    if !text.lang.knows_unlikely_bigrams() {
        return None;
    }
    junction_in(text.text, ctx.words(side), text.lang)
}

/// [`unlikely_junction`] in `text`, split into `words`.
fn junction_in(text: &str, words: &SideWords, lang: &Language) -> Option<Span> {
    let all = words.words();
    (1..all.len()).find_map(|i| {
        let (first, second) = (&all[i - 1], &all[i]);
        let between = &text[first.span.end..second.span.start];
        (adjacent(between) && lang.unlikely_bigram(words.folded(i - 1), words.folded(i)))
            .then(|| Span::new(first.span.start, second.span.end))
    })
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
        // `la` where French elides before a vowel.
        assert_eq!(
            junction("fr", "Il rit de la autres fois.").as_deref(),
            Some("la autres")
        );
    }

    #[test]
    fn a_language_without_the_table_has_no_junctions() {
        let german = Language::get("de").unwrap();
        assert!(!german.knows_unlikely_bigrams());
    }
}
