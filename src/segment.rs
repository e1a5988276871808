//! Segment: paragraphs are lines; a paragraph is split into sentences at `.`, `!`, `?` or `…`
//! followed by white space and a capital, digit or opening quote — unless the word before the
//! period is an abbreviation of the language, an initial or a dotted acronym.

use crate::locale::Language;
use crate::model::{Sentence, Span};
use crate::normalize::Document;

/// Splits every paragraph of the document into sentences.
pub fn split_document(doc: &Document, lang: &Language) -> Vec<Sentence> {
    doc.paragraphs()
        .into_iter()
        .enumerate()
        .flat_map(|(paragraph, (_, span))| {
            split_sentences(doc.slice(span), lang)
                .into_iter()
                .map(move |s| Sentence {
                    span: s.offset(span.start),
                    paragraph,
                })
        })
        .collect()
}

/// Each line of the document as one sentence, for pre-segmented input: sentence `k` is line
/// `k`, so that indices match the line numbers of alignment files. A blank line is an empty
/// sentence; a final line break does not start one more.
pub fn lines_as_sentences(doc: &Document) -> Vec<Sentence> {
    let text = doc.text.strip_suffix('\n').unwrap_or(&doc.text);
    if text.is_empty() {
        return Vec::new();
    }
    let mut start = 0;
    text.split('\n')
        .enumerate()
        .map(|(line, content)| {
            let span = Span::new(start, start + content.len());
            start += content.len() + 1;
            Sentence {
                span: trim_span(&doc.text, span),
                paragraph: line,
            }
        })
        .collect()
}

/// Sentence spans of one paragraph, relative to it, trimmed of surrounding white space.
pub fn split_sentences(text: &str, lang: &Language) -> Vec<Span> {
    if holds_one_sentence(text) {
        let whole = trim_span(text, Span::new(0, text.len()));
        return if whole.is_empty() {
            Vec::new()
        } else {
            vec![whole]
        };
    }
    scan_sentences(text, lang)
}

/// [`split_sentences`] character by character.
fn scan_sentences(text: &str, lang: &Language) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if is_terminator(c) {
            let mut j = i + 1;
            while j < chars.len() && (is_terminator(chars[j].1) || is_closing(chars[j].1)) {
                j += 1;
            }
            // French puts a space before a closing guillemet: `« Oui. » Il`.
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            if k < chars.len() && chars[k].1 == '»' {
                j = k + 1;
            }
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            // A period closed by a quote ends the quoted sentence even after `No.` or `etc.`.
            let closed_by_quote = chars[i + 1..j]
                .iter()
                .any(|&(_, q)| q != ')' && q != ']' && is_closing(q));
            let abbreviation = c == '.'
                && !closed_by_quote
                && (is_abbreviation(text, at, lang) || is_ordinal(text, at, lang));
            if followed_by_space && starts_sentence(&chars[j..]) && !abbreviation {
                let end = chars[j].0;
                spans.push(trim_span(text, Span::new(start, end)));
                start = end;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    spans.push(trim_span(text, Span::new(start, text.len())));
    spans.retain(|s| !s.is_empty());
    spans
}

/// Whether the text cannot be split: after its first final mark come only final marks, white
/// space and closing marks that cannot open a sentence, so no mark is followed by the start
/// of another sentence. Most lines of a line-aligned corpus are one sentence that ends with
/// its only mark; this spares them the character-by-character scan.
fn holds_one_sentence(text: &str) -> bool {
    let Some(first) = first_terminator(text) else {
        return true;
    };
    text[first..].chars().all(|c| {
        is_terminator(c) || c.is_whitespace() || matches!(c, '\'' | '”' | '’' | ')' | ']' | '»')
    })
}

/// Where the first final mark ([`is_terminator`]) of `text` stands, found by its bytes without
/// decoding the characters before it (memchr's vector scans): `.`, `!`, `?`, and `…` by its
/// three bytes, which UTF-8 lets no other character contain.
fn first_terminator(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mark = memchr::memchr3(b'.', b'!', b'?', bytes);
    let before = mark.map_or(bytes, |at| &bytes[..at]);
    static ELLIPSIS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("…"));
    ELLIPSIS.find(before).or(mark)
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Marks that may close a sentence after its final mark, German `“` and `«` among them
/// (`„Ja.“ Er ging.`, `»Ja.« Er ging.`).
pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '“' | '«' | '‘'
    )
}

/// After the white space: a capital, a digit or an opening quote or bracket.
fn starts_sentence(rest: &[(usize, char)]) -> bool {
    rest.iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '«' | '“' | '"' | '(' | '[' | '‘' | '¿' | '¡' | '—' | '–' | '-'
                )
        })
}

/// Whether the period at byte `dot` closes an abbreviation rather than the sentence.
fn is_abbreviation(text: &str, dot: usize, lang: &Language) -> bool {
    let word_start = text[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '[' | '«' | '“' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &text[word_start..=dot];
    let letters = word.trim_end_matches('.');
    if letters.is_empty() {
        return false;
    }
    lang.is_abbreviation(word) || is_initial(letters) || is_dotted_acronym(word)
}

/// Whether the period at byte `dot` makes the number before it an ordinal, in a language that
/// writes them so (`am 3. Mai`): one to three digits, standing alone.
pub(crate) fn is_ordinal(text: &str, dot: usize, lang: &Language) -> bool {
    if !lang.ordinal_dot {
        return false;
    }
    let before = &text[..dot];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let standing_alone = before[..before.len() - digits]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '«' | '„' | '"'));
    (1..=3).contains(&digits) && standing_alone
}

/// A single capital letter: `J.` in `J. Smith`.
fn is_initial(letters: &str) -> bool {
    let mut chars = letters.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// `U.S.`, `e.g.`, `i.e.`, `J.-C.`: letters each followed by a period.
fn is_dotted_acronym(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            let p = p.trim_start_matches('-');
            p.chars().count() == 1 && p.chars().all(char::is_alphabetic)
        })
}

fn trim_span(text: &str, span: Span) -> Span {
    let slice = &text[span.range()];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_terminator_is_the_first_final_mark() {
        for text in [
            "",
            "No mark here",
            "Mr. Smith",
            "Déjà vu… Oui",
            "En – dash — and ‘quotes’… then?",
            "Why? Because!",
            "…",
            "a€b",
        ] {
            assert_eq!(first_terminator(text), text.find(is_terminator), "{text}");
        }
    }

    fn split(text: &str, lang: &str) -> Vec<String> {
        let lang = Language::get(lang).unwrap();
        split_sentences(text, lang)
            .into_iter()
            .map(|s| text[s.range()].to_string())
            .collect()
    }

    #[test]
    fn one_sentence_lines_split_as_the_full_scan_does() {
        let lang = Language::get("fr").unwrap();
        let texts = [
            ("", true),
            ("   ", true),
            ("Pas de point", true),
            ("Une phrase.", true),
            ("  Une phrase ?! ", true),
            ("Il a dit « oui. »", true),
            ("Il a dit « oui. » ", true),
            ("(Voir plus haut.)", true),
            ("Fin. «", false),
            ("Fin. \"Oui\"", false),
            ("Fin. -", false),
            ("Deux phrases. Ici.", false),
            ("Le 3. Mai.", false),
            ("M. Dupont est là.", false),
            ("Quoi… Rien", false),
        ];
        for (text, one) in texts {
            assert_eq!(holds_one_sentence(text), one, "{text:?}");
            assert_eq!(
                split_sentences(text, lang),
                scan_sentences(text, lang),
                "{text:?}"
            );
        }
    }

    #[test]
    fn splits_at_sentence_ends() {
        assert_eq!(
            split(
                "It rose. The smartphone texting service has 1.3 billion users.",
                "en"
            ),
            vec![
                "It rose.",
                "The smartphone texting service has 1.3 billion users."
            ]
        );
        assert_eq!(
            split("Vraiment ? Oui !  Bien.", "fr"),
            vec!["Vraiment ?", "Oui !", "Bien."]
        );
    }

    #[test]
    fn a_german_ordinal_ends_no_sentence() {
        assert_eq!(
            split(
                "Am 3. Mai 1956 erreichten sie den Gipfel. Im 19. Jahrhundert war er unbekannt.",
                "de"
            ),
            vec![
                "Am 3. Mai 1956 erreichten sie den Gipfel.",
                "Im 19. Jahrhundert war er unbekannt."
            ]
        );
        // A year ends a sentence; English has no ordinal period.
        assert_eq!(split("Das war 1956. Dann kam er.", "de").len(), 2);
        assert_eq!(split("He was 25. Then he left.", "en").len(), 2);
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones in the U.S. today.", "en").len(),
            1
        );
        assert_eq!(split("J. R. R. Tolkien wrote it.", "en").len(), 1);
        assert_eq!(split("Shares rose 3.6% to $184.24 today.", "en").len(), 1);
        assert_eq!(split("M. Dupont, p. ex. Le reste.", "fr").len(), 1);
        assert_eq!(
            split("Des pommes, des poires, etc. Rien d'autre.", "fr").len(),
            1
        );
        assert_eq!(split("Le titre vaut 184,24 $. Il monte.", "fr").len(), 2);
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(split("See fig. and the table. then more", "en").len(), 1);
    }

    #[test]
    fn quotes_close_the_sentence_they_end() {
        assert_eq!(
            split("He said: \"No.\" Then he left.", "en"),
            vec!["He said: \"No.\"", "Then he left."]
        );
        assert_eq!(
            split("Il a dit : « Non. » Puis il est parti.", "fr"),
            vec!["Il a dit : « Non. »", "Puis il est parti."]
        );
    }

    #[test]
    fn presegmented_lines_keep_their_numbers() {
        let doc = Document::new("One.\n\n  Three.  \n".to_string());
        let lines: Vec<&str> = lines_as_sentences(&doc)
            .iter()
            .map(|s| doc.slice(s.span))
            .collect();
        assert_eq!(lines, vec!["One.", "", "Three."]);
        assert!(lines_as_sentences(&Document::new(String::new())).is_empty());
    }

    #[test]
    fn no_text_no_sentence() {
        assert!(split("   ", "en").is_empty());
    }
}
