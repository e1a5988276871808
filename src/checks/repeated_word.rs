//! repeated-word: the same word twice in a row in the target (`le le`).

use super::side_words::SideWords;
use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Side, Span};
use crate::textutil::{Word, fold};

pub struct RepeatedWord;

static RULE: Rule = Rule {
    id: "repeated-word",
    category: "fluency/grammar",
    severity: Severity::Minor,
    summary: "A word repeated twice in a row in the target.",
    explanation: "`le le`, `the the`: a classic typing or machine-translation slip. Repeats \
that the language allows (`nous nous`, `had had`) are data in `data/<lang>/locale.toml`; a \
segment whose source repeats a word itself is left alone, and so is a word that two words of \
the source translate (`a pink rose` → `une rose rose`) or a name beside the word it is made of, \
case telling them apart (`la radio Radio Liberty`, `l'Est est`).",
    example: RuleExample {
        source: "The bank refused.",
        bad: "La la banque a refusé.",
        good: "La banque a refusé.",
        glossary: "",
        context: None,
    },
};

impl Check for RepeatedWord {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        if has_repeat(ctx.words(Side::Source)) {
            // The source repeats on purpose (`very very`); so may the translation.
            return;
        }
        let target = ctx.words(Side::Target);
        for i in 1..target.len() {
            let (a, b) = (&target.words()[i - 1], &target.words()[i]);
            if !same_word(target, i - 1, i) {
                continue;
            }
            let only_space = ctx.target.text[a.span.end..b.span.start]
                .chars()
                .all(char::is_whitespace);
            if !only_space
                || !a.text.chars().any(char::is_alphabetic)
                || ctx
                    .target
                    .lang
                    .allowed_repeats
                    .contains(&a.text.to_lowercase())
                || a_name_beside_its_word(ctx, a, b)
                || two_source_words_for(ctx, target.folded(i))
            {
                continue;
            }
            out.push(
                ctx.finding(&RULE, format!("`{}` is repeated", b.text))
                    .with_target(ctx.target_span(Span::new(a.span.start, b.span.end)))
                    .with_suggestion(a.text),
            );
        }
    }
}

/// Whether one of the two copies is a name and the other the word it is made of, their case
/// telling them apart: the second with a capital its first lacks (`la radio Radio Liberty`), or
/// the first with a capital inside a sentence, where its second has none (`l'Est est`). Not a
/// function word written again before a name (`the The Hague`), a slip.
fn a_name_beside_its_word(ctx: &BeadContext, first: &Word, second: &Word) -> bool {
    let capital = |w: &Word| w.text.starts_with(char::is_uppercase);
    let name_after = !capital(first)
        && capital(second)
        && !ctx.target.lang.stopwords.contains(&fold(first.text));
    let name_before =
        capital(first) && !capital(second) && !ctx.target.starts_sentence_at(first.span.start);
    name_after || name_before
}

/// Whether two different content words of the source each translate as the target's `folded`
/// word, which then rightly stands twice (`a pink rose` → `une rose rose`).
fn two_source_words_for(ctx: &BeadContext, folded: &str) -> bool {
    if ctx.target.lang.stopwords.contains(folded) {
        return false;
    }
    let source = ctx.words(Side::Source);
    let mut translating: Vec<&str> = Vec::new();
    for (word, source_folded) in source.iter() {
        if !translating.contains(&source_folded)
            && !ctx.source.lang.stopwords.contains(source_folded)
            && ctx.pair.lexicon.translates(word.text, folded)
        {
            translating.push(source_folded);
        }
    }
    translating.len() >= 2
}

/// Whether the text has a word twice in a row.
fn has_repeat(words: &SideWords) -> bool {
    (1..words.len()).any(|i| same_word(words, i - 1, i))
}

/// Whether words `i` and `j` are the same word, case aside: their accents count, for they
/// tell words apart (`il y a à manger`, `c'est là la mission`).
fn same_word(words: &SideWords, i: usize, j: usize) -> bool {
    // The folded forms are at hand and rarely equal; only then is case compared.
    words.same_folded(i, j)
        && words.words()[i].text.to_lowercase() == words.words()[j].text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn repeated_words() {
        assert_eq!(run(&RepeatedWord, "The bank", "la la banque")[0].1, "la la");
        assert!(run(&RepeatedWord, "We met", "nous nous sommes vus").is_empty());
        assert!(run(&RepeatedWord, "very very good", "très très bon").is_empty());
        assert!(run(&RepeatedWord, "in 2012 2013", "en 12 12").is_empty());
        // Accents tell words apart; case does not.
        assert!(run(&RepeatedWord, "There is food", "Il y a à manger").is_empty());
        assert!(run(&RepeatedWord, "That is the task", "C'est là la mission").is_empty());
        assert_eq!(run(&RepeatedWord, "The bank", "La la banque")[0].1, "La la");
    }

    #[test]
    fn a_name_next_to_its_word_is_no_repeat() {
        let clean = [
            ("Radio Liberty said so.", "La radio Radio Liberty l'a dit."),
            ("The East is poorer.", "L'Est est plus pauvre."),
        ];
        for (source, target) in clean {
            assert!(run(&RepeatedWord, source, target).is_empty(), "{target}");
        }
        // A function word written again before a name is still a slip, and so is a repeat
        // at the start of a sentence.
        assert_eq!(
            run(&RepeatedWord, "He read Le Monde.", "Il lit le Le Monde.")[0].1,
            "le Le"
        );
        assert_eq!(
            run(
                &RepeatedWord,
                "It ended. The bank paid.",
                "C'est fini. La la banque a payé."
            )[0]
            .1,
            "La la"
        );
    }

    #[test]
    fn two_source_words_may_share_a_translation() {
        assert!(
            run(
                &RepeatedWord,
                "A bee lands on a pink rose.",
                "Une abeille se pose sur une rose rose."
            )
            .is_empty()
        );
        // One source word does not make two.
        assert_eq!(
            run(
                &RepeatedWord,
                "A bee lands on a rose.",
                "Une abeille se pose sur une rose rose."
            )[0]
            .1,
            "rose rose"
        );
    }
}
