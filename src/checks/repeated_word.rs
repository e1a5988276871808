//! repeated-word: the same word twice in a row in the target (`le le`).

use super::side_words::SideWords;
use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Side, Span};

pub struct RepeatedWord;

static RULE: Rule = Rule {
    id: "repeated-word",
    category: "fluency/grammar",
    severity: Severity::Minor,
    summary: "A word repeated twice in a row in the target.",
    explanation: "`le le`, `the the`: a classic typing or machine-translation slip. Repeats \
that the language allows (`nous nous`, `had had`) are data in `data/<lang>/locale.toml`; a \
segment whose source repeats a word itself is left alone.",
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
}
