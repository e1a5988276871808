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
case telling them apart (`la radio Radio Liberty`, `l'Est est`). A phrase of two to six words \
said twice in a row is a slip too (`la pauvreté la pauvreté`, a machine translation's stutter). \
The copies must read alike with the marks around them (`blessé. blessé.`, `, qui ont, qui ont`; \
not `non merci. Non merci, encore`). Said three times (`words, words, words`, `on and on and \
on`) is emphasis, and an idiom joining a word to itself may be followed by its link (`de plus \
en plus en été`, `from time to time to`; the idioms are data).",
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
            if !punctuation_repeats(ctx.target.text, target.words(), first, 1)
                || said_three_times(target, first, 1)
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
const MAX_PHRASE: usize = 6;

/// The phrases of two to [`MAX_PHRASE`] words written twice in a row, the same letters and
/// punctuation (`la pauvreté la pauvreté`), each as its first word and its length in words.
fn repeated_phrases(text: &str, starts: &RepeatStarts, lang: &Language) -> Vec<(usize, usize)> {
    let words = starts.words;
    let all = words.words();
    let mut found = Vec::new();
    let mut next_free = 0;
    for &(first, len) in &starts.starts {
        if first < next_free || len < 2 {
            continue;
        }
        let second = first + len;
        if !(0..len).all(|k| same_word(starts.words, first + k, second + k)) {
            continue;
        }
        let copy = |from: usize| &text[all[from].span.start..all[from + len - 1].span.end];
        let phrase = (copy(first).to_lowercase() == copy(second).to_lowercase()
            && punctuation_repeats(text, all, first, len)
            && !an_idiom_joining_a_word_to_itself(words, first, len, lang)
            && !said_three_times(words, first, len)
            && copy(first).chars().any(char::is_alphabetic))
        .then_some(len);
        if let Some(len) = phrase {
            found.push((first, len));
            next_free = first + 2 * len;
        }
    }
    found
}

/// Whether the punctuation between the two copies of the `len` words from `first` is what
/// stands around them, so that the copies read alike with it: none (`la la`), the marks after
/// the second (`lac de Zurich, lac de Zurich,`, `blessé. blessé.`), those before the first
/// (`, qui ont , qui ont`), or both (`(Eddie Vedder) (Eddie Vedder)`). A sentence end between
/// copies that differ in their punctuation (`non merci. Non merci, encore`) is no repeat.
fn punctuation_repeats(text: &str, words: &[Word], first: usize, len: usize) -> bool {
    let second = first + len;
    let last = second + len - 1;
    let marks = |from: usize, to: usize| -> String {
        text[from..to]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let between = marks(words[second - 1].span.end, words[second].span.start);
    if between.is_empty() {
        return true;
    }
    let before_first = marks(
        first.checked_sub(1).map_or(0, |i| words[i].span.end),
        words[first].span.start,
    );
    let after_second = marks(
        words[last].span.end,
        words.get(last + 1).map_or(text.len(), |w| w.span.start),
    );
    (0..=between.len())
        .filter(|&cut| between.is_char_boundary(cut))
        .any(|cut| {
            after_second.starts_with(&between[..cut]) && before_first.ends_with(&between[cut..])
        })
}

/// Whether the `len` words from `first`, said twice, stand a third time right before or after
/// (`words, words, words`), or two words alternate one word further (`on and on and on`):
/// emphasis, where a slip says them twice.
fn said_three_times(words: &SideWords, first: usize, len: usize) -> bool {
    let copy_at = |start: usize| {
        start + len <= words.len() && (0..len).all(|k| same_word(words, first + k, start + k))
    };
    let after = first + 2 * len;
    let alternation_goes_on = len == 2
        && ((after < words.len() && same_word(words, first, after))
            || (first > 0 && same_word(words, first - 1, first + 1)));
    first.checked_sub(len).is_some_and(copy_at) || copy_at(after) || alternation_goes_on
}

/// Whether the `len` words from `first`, said twice, are an idiom that joins a word to itself
/// (`de … en …`, `from … to …`), the link then starting what follows: `de plus en plus en été`,
/// `from time to time to`.
fn an_idiom_joining_a_word_to_itself(
    words: &SideWords,
    first: usize,
    len: usize,
    lang: &Language,
) -> bool {
    len == 2
        && first > 0
        && (lang.repeat_links.iter()).any(|(opener, link)| {
            words.folded(first - 1) == opener && words.folded(first + 1) == link
        })
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
    use crate::checks::testing::{run, run_from_french};

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
        // A copy ending on function words.
        let found = run(
            &RepeatedWord,
            "It has never been his strength.",
            "Le corps n'a corps n'a jamais été son atout.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "corps n'a corps n'a");
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
    fn copies_read_alike_with_the_marks_around_them() {
        let slips = [
            // The marks after the second copy: a stutter at the end of the sentence.
            (
                "He was badly injured.",
                "Il a été grièvement blessé. blessé.",
            ),
            (
                "The results of the company.",
                "Les résultats de la société. de la société.",
            ),
            // The marks before the first copy.
            (
                "Those who have most often worn it.",
                "Ceux, qui ont, qui ont le plus souvent porté.",
            ),
            // Both: a bracket closed after the first copy and opened before the second.
            (
                "Its singer (Eddie Vedder) joined us.",
                "Son chanteur (Eddie Vedder) (Eddie Vedder) nous a rejoints.",
            ),
            // Five words, elision splitting them.
            (
                "I do not sit down.",
                "Je ne m'assieds pas. je ne m'assieds pas.",
            ),
        ];
        for (source, target) in slips {
            assert_eq!(run(&RepeatedWord, source, target).len(), 1, "{target}");
        }
    }

    #[test]
    fn emphasis_and_idioms_are_no_slip() {
        let clean = [
            (
                "Ce seront des paroles et encore des paroles.",
                "It will be just words, words, words.",
            ),
            ("Cette situation perdure.", "It goes on, and on, and on."),
            (
                "On s'en sert parfois pour ébranler les consommateurs.",
                "It is used from time to time to upset consumers.",
            ),
        ];
        for (source, target) in clean {
            let found = run_from_french(&RepeatedWord, source, target);
            assert!(found.is_empty(), "{target}: {found:?}");
        }
        assert!(
            run(
                &RepeatedWord,
                "It melts more and more in summer.",
                "Elle fond de plus en plus en été."
            )
            .is_empty()
        );
        // A link said twice without the idiom's opener is a slip.
        let found = run(
            &RepeatedWord,
            "I got up at 6 every morning.",
            "Je me levais à levais à 6 h tous les matins.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "levais à levais à");
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
