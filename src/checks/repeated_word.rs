//! repeated-word: the same word twice in a row in the target (`le le`).

use super::side_words::SideWords;
use super::{BeadContext, Check, Rule, RuleExample};
use crate::locale::Language;
use crate::model::{Finding, Severity, Side, Span};
use crate::textutil::{Word, fold};

pub struct RepeatedWord;

static RULE: Rule = Rule {
    id: "repeated-word",
    category: "fluency/grammar",
    severity: Severity::Minor,
    summary: "A word or phrase repeated twice in a row in the target.",
    explanation: "`le le`, `the the`: a classic typing or machine-translation slip. Repeats \
that the language allows (`nous nous`, `had had`) are data in `data/<lang>/locale.toml`; a \
segment whose source repeats a word itself is left alone, and so is a word that two words of \
the source translate (`a pink rose` → `une rose rose`) or a name beside the word it is made of, \
case telling them apart (`la radio Radio Liberty`, `l'Est est`). A phrase of two to four words \
said twice in a row is a slip too (`la pauvreté la pauvreté`, a machine translation's stutter) \
when its copy ends on a content word or holds two: `de plus en plus en été` and `from time to \
time to` repeat a function word after an idiom's own repeat. The copies must read alike to \
their punctuation, inside one sentence.",
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
        let found_before = out.len();
        self.find_repeats(ctx, out);
        if out.len() > found_before && has_repeat(&RepeatStarts::of(ctx.words(Side::Source))) {
            // The source repeats on purpose (`very very`, `never again, never again`); so may
            // the translation.
            out.truncate(found_before);
        }
    }
}

impl RepeatedWord {
    /// The target's repeats, whatever the source says.
    fn find_repeats(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let target = ctx.words(Side::Target);
        let starts = RepeatStarts::of(target);
        let word_repeats = starts.starts.iter().filter(|&&(_, len)| len == 1);
        for &(first, _) in word_repeats {
            let i = first + 1;
            let (a, b) = (&target.words()[first], &target.words()[i]);
            if !same_word(starts.words, first, i) {
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
        for (first, len) in repeated_phrases(ctx.target.text, &starts, ctx.target.lang) {
            let words = target.words();
            let copy = &ctx.target.text[words[first].span.start..words[first + len - 1].span.end];
            let both = Span::new(words[first].span.start, words[first + 2 * len - 1].span.end);
            out.push(
                ctx.finding(&RULE, format!("`{copy}` is repeated"))
                    .with_target(ctx.target_span(both))
                    .with_suggestion(copy),
            );
        }
    }
}

/// Longest phrase looked for twice in a row.
const MAX_PHRASE: usize = 4;

/// The phrases of two to [`MAX_PHRASE`] words written twice in a row, the same letters and
/// punctuation (`la pauvreté la pauvreté`), each as its first word and its length in words. A
/// copy ends on a content word or holds two: `de plus en plus en été`, `from time to time to`
/// repeat a function word after an idiom's own repeat.
fn repeated_phrases(text: &str, starts: &RepeatStarts, lang: &Language) -> Vec<(usize, usize)> {
    let words = starts.words;
    let all = words.words();
    let mut found = Vec::new();
    let mut next_free = 0;
    for &(first, len) in &starts.starts {
        if first < next_free || len < 2 {
            continue;
        }
        let (last, second) = (first + len - 1, first + len);
        if !(0..len).all(|k| same_word(starts.words, first + k, second + k)) {
            continue;
        }
        let copy = |from: usize| &text[all[from].span.start..all[from + len - 1].span.end];
        // The punctuation between the copies follows the second too (`lac de Zurich, lac de
        // Zurich,`), and ends no sentence.
        let between = text[all[last].span.end..all[second].span.start].trim();
        let after_second = text[all[second + len - 1].span.end..].trim_start();
        let phrase = (copy(first).to_lowercase() == copy(second).to_lowercase()
            && after_second.starts_with(between)
            && !between.contains(['.', '!', '?'])
            && (!lang.stopwords.contains(words.folded(last))
                || (first..=last)
                    .filter(|&i| !lang.stopwords.contains(words.folded(i)))
                    .count()
                    >= 2)
            && copy(first).chars().any(char::is_alphabetic))
        .then_some(len);
        if let Some(len) = phrase {
            found.push((first, len));
            next_free = first + 2 * len;
        }
    }
    found
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

/// Whether the text has a word or a phrase of up to [`MAX_PHRASE`] words twice in a row,
/// whatever punctuation stands between (`never again, never again`).
fn has_repeat(starts: &RepeatStarts) -> bool {
    (starts.starts.iter())
        .any(|&(first, len)| (0..len).all(|k| same_word(starts.words, first + k, first + len + k)))
}

/// The words of a side with the places where a repeat may start: looking for phrases said
/// twice compares every word with the four after it, and most beads have none.
struct RepeatStarts<'w, 'a> {
    words: &'w SideWords<'a>,
    /// (first word, length) of each phrase of up to [`MAX_PHRASE`] words whose first word's
    /// folded form comes again right after it, by first word and length.
    starts: Vec<(usize, usize)>,
}

impl<'w, 'a> RepeatStarts<'w, 'a> {
    fn of(words: &'w SideWords<'a>) -> Self {
        let mut starts = Vec::new();
        for first in 0..words.len() {
            for len in (1..=MAX_PHRASE).take_while(|len| first + 2 * len <= words.len()) {
                if words.same_folded(first, first + len) {
                    starts.push((first, len));
                }
            }
        }
        RepeatStarts { words, starts }
    }
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
    fn a_phrase_said_twice_is_a_slip() {
        let found = run(
            &RepeatedWord,
            "Nearly one in five children lives in poverty.",
            "Près d'un enfant sur cinq vit dans la pauvreté la pauvreté.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "la pauvreté la pauvreté");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("la pauvreté"));
        // The same punctuation after each copy.
        let found = run(
            &RepeatedWord,
            "On Lake Zurich, the boat sank.",
            "Sur le lac de Zurich, lac de Zurich, le bateau a coulé.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "lac de Zurich, lac de Zurich");
        // A copy ending on a function word counts when it holds two content words.
        let found = run(
            &RepeatedWord,
            "The managing director has resigned.",
            "Le directeur général a le directeur général a démissionné.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let clean = [
            // Idioms that repeat a word, then a function word after them (Europarl).
            (
                "The ice melts more and more in summer.",
                "La glace fond de plus en plus en été.",
            ),
            (
                "We will go from country to country applying the rules.",
                "Nous irons de pays en pays en appliquant les règles.",
            ),
            // Punctuation after one copy only: no repeat.
            (
                "There is this and that, and we pay.",
                "Il y a cela et cela, et nous payons.",
            ),
            // The source says it twice too.
            ("Never again, never again.", "Plus jamais plus jamais."),
            // Across a sentence end.
            (
                "He said no. No again.",
                "Il a dit non merci. Non merci, encore.",
            ),
        ];
        for (source, target) in clean {
            let found = run(&RepeatedWord, source, target);
            assert!(found.is_empty(), "{target}: {found:?}");
        }
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
