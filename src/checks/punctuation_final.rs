//! punctuation-final: the target ends with other punctuation than the source (`?` → `.`).

use super::{BeadContext, Check, Rule, RuleExample, SideText};
use crate::model::{Finding, Severity, Span};
use crate::segment::is_closing;
use crate::textutil::fold;

pub struct PunctuationFinal;

static RULE: Rule = Rule {
    id: "punctuation-final",
    category: "fluency/punctuation",
    severity: Severity::Minor,
    summary: "The segment's final punctuation differs between source and target.",
    explanation: "A question that becomes a statement (`?` → `.`), or a sentence whose final \
mark disappears, usually means a mistranslation or a truncated segment. A question mark on one \
side only is minor; a final mark on one side only is reported as info, since captions and \
headings often differ there. Closing quotes and brackets are looked through, and a period \
after a quotation that ends with its own `?` or `!` (`… ? » .`) counts as that mark; `!` \
against `.` is left alone (languages differ in how often they exclaim), and so are segments \
where either side ends in a colon or an ellipsis, and a question that one side puts \
indirectly and the other asks outright (`But why?` ↔ `Je me demande pourquoi.`: the words are \
each language's `indirect_question` in `data/<lang>/locale.toml`). A source sentence that opens \
as a direct question but lost its `?` (`Est-ce que cela ajoute … .`, `May I suggest … .`) may \
get it back in the target: its opening words are `question_openers`, and a verb with its \
subject pronoun after it (`Pouvez-vous`, `réforme-t-on`) opening the sentence is one of \
`question_inversions`.",
    example: RuleExample {
        source: "Is anyone here?",
        bad: "Quelqu'un est ici.",
        good: "Quelqu'un est-il ici ?",
        glossary: "",
        context: None,
    },
};

/// The last sentence mark of a text, looking through the closing quotes and brackets the
/// sentence splitter looks through ([`is_closing`]). A period after a closed quotation that
/// ends with its own `?` or `!` (`… ? » .`) only closes the sentence around it: the quotation's
/// mark is the one read.
fn final_mark(text: &str) -> (Option<char>, usize) {
    let closed = |c: char| c.is_whitespace() || is_closing(c);
    let trimmed = text.trim_end_matches(closed);
    if let Some(before_period) = trimmed.strip_suffix('.') {
        // Quotation marks only: a bracket closes an aside within the sentence (`(why ?) .`).
        let quote = |c: char| c.is_whitespace() || (is_closing(c) && !matches!(c, ')' | ']'));
        let before_quote = before_period.trim_end_matches(char::is_whitespace);
        let inner = before_quote.trim_end_matches(quote);
        if inner.len() < before_quote.len()
            && let Some(mark @ ('?' | '!')) = inner.chars().next_back()
        {
            return (Some(mark), inner.len() - 1);
        }
    }
    match trimmed.chars().next_back() {
        Some(c) if matches!(c, '.' | '!' | '?' | ':' | ';' | '…') => {
            (Some(c), trimmed.len() - c.len_utf8())
        }
        Some(c) if c == '？' || c == '！' => (Some(c), trimmed.len() - c.len_utf8()),
        _ => (None, trimmed.len()),
    }
}

impl Check for PunctuationFinal {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        if ctx.source.text.trim().is_empty() || ctx.target.text.trim().is_empty() {
            return;
        }
        let (source_mark, source_at) = final_mark(ctx.source.text);
        let (target_mark, target_at) = final_mark(ctx.target.text);
        let question = |m: Option<char>| m == Some('?');
        let terminal = |m: Option<char>| matches!(m, Some('.' | '!' | '?'));
        let loose = |m: Option<char>| matches!(m, Some(':' | ';' | '…'));
        if loose(source_mark) || loose(target_mark) {
            return;
        }
        // A question put indirectly (`But why?` → `Je me demande pourquoi.`) ends with a period,
        // and one the source puts indirectly may be asked outright (`I wonder who did this.`
        // → `Qui en est responsable ?`).
        if question(source_mark) && target_mark == Some('.') && asks_indirectly(&ctx.target) {
            return;
        }
        if source_mark == Some('.')
            && question(target_mark)
            && (asks_indirectly(&ctx.source) || opens_as_question(&ctx.source))
        {
            return;
        }
        let question_mismatch = question(source_mark) != question(target_mark);
        if !question_mismatch && terminal(source_mark) == terminal(target_mark) {
            return;
        }
        let describe =
            |m: Option<char>| m.map_or("no final punctuation".to_string(), |c| format!("`{c}`"));
        // A final period more or less is common in captions and headings: a hint only.
        let severity = if question_mismatch {
            RULE.severity
        } else {
            Severity::Info
        };
        let mut finding = ctx
            .finding(
                &RULE,
                format!(
                    "the source ends with {}, the target with {}",
                    describe(source_mark),
                    describe(target_mark)
                ),
            )
            .with_severity(severity)
            .with_source(ctx.source_span(mark_span(ctx.source.text, source_mark, source_at)))
            .with_target(ctx.target_span(mark_span(ctx.target.text, target_mark, target_at)));
        if let Some(mark) = source_mark {
            finding = finding.with_suggestion(mark.to_string());
        }
        out.push(finding);
    }
}

/// Whether the text has one of its language's words for a question put indirectly
/// ([`crate::locale::Language::indirect_question`]) at the start of a word.
fn asks_indirectly(side: &SideText) -> bool {
    let folded = fold(side.text);
    side.lang.indirect_question.iter().any(|words| {
        folded
            .match_indices(words.as_str())
            .any(|(at, _)| !folded[..at].ends_with(char::is_alphanumeric))
    })
}

/// Whether the last sentence of `side` opens as a direct question does, whatever its final
/// mark (`Est-ce que cela ajoute un peu de pression .`, `May I suggest that we pause .`): a
/// question that lost its `?`, which a translation rightly gives back. Opening words are
/// [`crate::locale::Language::question_openers`]; a verb with its subject pronoun after it
/// ([`crate::locale::Language::question_inversions`]) counts first or after one word and a
/// comma (`Aussi, réforme-t-on à tous vents .`), not later, where it is a reporting clause
/// (`…, a-t-il dit`).
fn opens_as_question(side: &SideText) -> bool {
    let Some((_, sentence)) = side.sentence_iter().last() else {
        return false;
    };
    let folded = fold(sentence);
    let start = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lang = side.lang;
    if lang
        .question_openers
        .iter()
        .any(|o| start.starts_with(o.as_str()))
    {
        return true;
    }
    let tokens: Vec<&str> = start.split_whitespace().take(3).collect();
    let after_comma = match tokens.as_slice() {
        [first, second, ..] if first.ends_with(',') => Some(*second),
        [_, ",", third, ..] => Some(*third),
        _ => None,
    };
    let inverted = |word: &str| {
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        lang.question_inversions
            .iter()
            .any(|ending| word.ends_with(ending.as_str()))
    };
    tokens.first().is_some_and(|w| inverted(w)) || after_comma.is_some_and(inverted)
}

/// The mark itself, or the last character when there is none.
fn mark_span(text: &str, mark: Option<char>, at: usize) -> Span {
    match mark {
        Some(c) => Span::new(at, at + c.len_utf8()),
        None => {
            let last = text[..at].char_indices().next_back().map_or(0, |(i, _)| i);
            Span::new(last, at)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{assert_finding_counts, run, run_with};
    use crate::glossary::Glossary;

    #[test]
    fn german_closing_quotes_are_looked_through() {
        let found = run_with(
            &PunctuationFinal,
            "Er sagte: „Wir kommen morgen.“",
            "Il a dit : « Nous venons demain. »",
            "de",
            "fr",
            &Glossary::default(),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_source_question_that_lost_its_mark_may_get_it_back() {
        // Europarl and newstest2012: the source asks outright but ends with a period.
        assert_finding_counts(
            &PunctuationFinal,
            &[
                (
                    "May I suggest that we pause for a moment.",
                    "Puis-je suggérer de faire une pause ?",
                    0,
                ),
                ("Perhaps you can advise me.", "Vous pouvez me le dire ?", 1),
            ],
        );
        let from_french = |source: &str, target: &str| {
            crate::checks::testing::run_from_french(&PunctuationFinal, source, target).len()
        };
        assert_eq!(
            from_french(
                "Est-ce que cela ajoute un peu de pression à votre visite.",
                "Does this add a bit of pressure on your visit?"
            ),
            0
        );
        assert_eq!(
            from_french(
                "Aussi, réforme-t-on à tous vents.",
                "So, are we reforming in all directions?"
            ),
            0
        );
        // A reporting clause is no question.
        assert_eq!(
            from_french(
                "« Nous gagnerons », a-t-il dit.",
                "\"Will we win?\" he said?"
            ),
            1
        );
    }

    #[test]
    fn indirect_questions_and_quoted_questions_end_as_they_may() {
        assert_finding_counts(
            &PunctuationFinal,
            &[
                ("But why?", "Et je me demande pourquoi.", 0),
                (
                    "My question is: do you want it?",
                    "Ma question est de savoir si vous le voulez.",
                    0,
                ),
                ("But why?", "Mais c'est ainsi.", 1),
                // … and the other way: an indirect question of the source asked outright.
                (
                    "I wonder who did this.",
                    "Je me pose la question : qui en est responsable ?",
                    0,
                ),
                (
                    "It is quite ironic really.",
                    "C'est ironique, n'est-ce pas ?",
                    1,
                ),
                // `demande` must start a word.
                ("Why?", "Il redemande.", 1),
                // A period after a quotation's own mark, not after an aside in brackets.
                (
                    "She asked: \"Do you know where?\"",
                    "Elle a demandé : « Sais-tu où ? » .",
                    0,
                ),
                (
                    "She said: \"It is there.\"",
                    "Elle a dit : « Est-ce là ? » .",
                    1,
                ),
                (
                    "It burnt down (was it the gas?).",
                    "Elle a brûlé (le gaz ?).",
                    0,
                ),
            ],
        );
    }

    #[test]
    fn question_and_missing_marks() {
        assert_eq!(
            run(&PunctuationFinal, "Is it late?", "Il est tard.").len(),
            1
        );
        assert_eq!(
            run(&PunctuationFinal, "It is late.", "Il est tard").len(),
            1
        );
        assert!(run(&PunctuationFinal, "He said \"no.\"", "Il a dit « non ».").is_empty());
        assert!(run(&PunctuationFinal, "Stop it.", "Arrête !").is_empty());
        assert!(
            run(
                &PunctuationFinal,
                "Privacy concerns",
                "Inquiétudes sur la vie privée"
            )
            .is_empty()
        );
    }
}
