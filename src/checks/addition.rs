//! addition: target content with no counterpart in the source — a whole sentence (a 0-1 bead)
//! or a clause added inside a bead.

use super::coverage::{coverage, longest_uncovered_run};
use super::omission::{MIN_RUN, side_holds_more};
use super::unpaired::{one_against_one, unpaired_sentences};
use super::{BeadContext, Check, Rule, RuleExample};

/// How many standard deviations longer than predicted the target must be; tuned like the
/// omission rule's (about 4 false alarms per 1,000 clean news pairs).
const MIN_LENGTH_DEVIATION: f64 = 2.0;
use crate::model::{Finding, Severity, Side, Span};

pub struct Addition;

static RULE: Rule = Rule {
    id: "addition",
    category: "accuracy/addition",
    severity: Severity::Major,
    summary: "The target says something the source does not: an added sentence or clause.",
    explanation: "The mirror of `omission`: a target sentence the aligner could pair with no \
source sentence is reported whole, and so is, in a segment with more target than source \
sentences, one that says something else than the source: none or hardly any of its content \
words has a trace in the source, while the other target sentences trace most of the source's \
content words, or the lengths agree only without it and the other target sentences have \
already used the traces it has (each source word traces one target word). The last test also \
holds when both sides have as many sentences, two or more: a translator may merge two source \
sentences into one, and the sentence added beside them evens the count. A short label that \
opens a segment before a dash, as transcripts write them (`on behalf of the PPE Group. - …`), \
counts as no sentence, on either side; a source sentence whose two clauses a lone dash sets \
apart counts as two when the target makes a sentence of each, a word of the second traced in a \
later target sentence (`… taste - it comes down to trying …` → `… goût. Il s'agit d'essayer \
…`). Inside a segment, a run of target content words with no trace in the source (same word, cognate or lexicon translation) is reported when the target is \
also two standard deviations longer than the document's own length ratio predicts. Words that \
spell out an acronym both sides write count as traced (`ČTK` ↔ `Agence de presse tchèque ( CTK \
)`): explaining an acronym adds no content.",
    example: RuleExample {
        source: "Facebook held talks with several banks.",
        bad: "Facebook a eu des discussions avec plusieurs banques. Le temps était magnifique ce jour-là sur toute la côte ouest.",
        good: "Facebook a eu des discussions avec plusieurs banques.",
        glossary: "",
        context: None,
    },
};

impl Check for Addition {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let target = ctx.target.text;
        if target.trim().is_empty() {
            return;
        }
        if !side_holds_more(ctx, Side::Target, MIN_LENGTH_DEVIATION)
            && one_against_one(ctx, Side::Target)
        {
            // Most beads: nothing below can fire, and the word-by-word coverage is the
            // costliest part of the check.
            return;
        }
        let words = coverage(ctx, Side::Target);
        if words.is_empty() {
            return;
        }
        if ctx.source.text.trim().is_empty() {
            // In line-aligned input a target line against an empty source line is a
            // translation with no source, which an aligner would have called an addition too.
            if !ctx.line_aligned || ctx.bead.source.is_empty() {
                out.push(
                    ctx.finding(
                        &RULE,
                        "no source sentence is translated by this target sentence",
                    )
                    .with_target(ctx.target_span(Span::new(0, target.len()))),
                );
            }
            return;
        }
        let unpaired = unpaired_sentences(ctx, Side::Target, &words);
        if !unpaired.is_empty() {
            for span in unpaired {
                out.push(
                    ctx.finding(
                        &RULE,
                        "no source sentence is translated by this target sentence",
                    )
                    .with_target(ctx.target_span(span)),
                );
            }
            return;
        }
        let Some(run) = longest_uncovered_run(&words) else {
            return;
        };
        if run.words < MIN_RUN || !side_holds_more(ctx, Side::Target, MIN_LENGTH_DEVIATION) {
            return;
        }
        let span = run.span;
        out.push(
            ctx.finding(
                &RULE,
                format!(
                    "`{}` has no counterpart in the source",
                    &target[span.range()]
                ),
            )
            .with_target(ctx.target_span(span)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{run, run_from_french};

    #[test]
    fn a_label_before_a_dash_is_no_added_sentence() {
        let source = "Ce rapport évalue le rapport annuel de la Banque centrale européenne et les \
                      travaux de la banque durant cette année.";
        let labelled = "On behalf of the PPE Group. - This report evaluates the annual report of \
                        the European Central Bank and the work done by the bank during that year.";
        assert!(run_from_french(&Addition, source, labelled).is_empty());
        let added = "The rapporteur comes from Ireland and has worked on it for years. This \
                     report evaluates the annual report of the European Central Bank and the work \
                     done by the bank during that year.";
        let found = run_from_french(&Addition, source, added);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            "The rapporteur comes from Ireland and has worked on it for years."
        );
    }

    #[test]
    fn added_sentence_is_reported_on_the_target() {
        let ex = &RULE.example;
        let found = run(&Addition, ex.source, ex.bad);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("magnifique"), "{}", found[0].1);
    }

    #[test]
    fn an_added_sentence_after_a_terse_translation_is_reported() {
        // The lengths agree; the words do not: the first sentence says what the source says.
        let source = "It is of course intended to have a deterrent effect on product pirates and \
                      counterfeiters.";
        let target = "Elle a bien sûr pour but de dissuader les pirates et les contrefacteurs. \
                      Votre mandat n'a pas encore pris fin.";
        let found = run(&Addition, source, target);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("Votre mandat"), "{}", found[0].1);
        // A sentence split in two is no addition.
        let split = "Elle a bien sûr pour but de dissuader les pirates. Elle vise aussi les \
                     contrefacteurs.";
        assert!(run(&Addition, source, split).is_empty());
    }

    #[test]
    fn clauses_a_dash_sets_apart_may_become_two_sentences() {
        // newstest2012: the dash's two clauses, two sentences of the translation.
        let source = "Ultimately it comes down to taste - it comes down to trying to expose \
                      yourself to the best stuff humans have done, and then trying to bring \
                      those things in to what you're doing.";
        let target = "Enfin, les décisions sont prises par goût personnel. Il s'agit d'essayer de \
                      vous exposer aux meilleurs produits que les hommes ont créés, et d'essayer \
                      d'apporter ces choses au produit que vous créez.";
        let found = run(&Addition, source, target);
        assert!(found.is_empty(), "{found:?}");
        // A sentence that owes nothing to the clause after the dash is still added.
        let source = "Ultimately it comes down to taste - the taste of the people who decide.";
        let target = "Enfin, tout est affaire de goût, celui des gens qui décident. Votre mandat \
                      n'a pas encore pris fin.";
        let found = run(&Addition, source, target);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_number_in_words_for_digits_is_no_addition() {
        let found = run(
            &Addition,
            "They came in 1921.",
            "Ils sont venus en mil neuf cent vingt et un.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_added_sentence_may_share_a_word_by_chance() {
        // `rouge` translates `red`, but the lengths single the second sentence out.
        let found = run(
            &Addition,
            "A female figure skater in a red jacket is practicing her moves.",
            "Une patineuse en veste rouge répète ses mouvements. Un vieux Japonais tente de \
             réparer une petite machine rouge et grise.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].1.starts_with("Un vieux Japonais"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn an_added_sentence_cannot_borrow_the_traces_of_the_translation() {
        // `parler` translates `talk`, but `talk` is the first sentence's `parlé`: each source
        // word traces one target word, so the added sentence has no trace left.
        let source = "I didn't talk to anybody.";
        let found = run(
            &Addition,
            source,
            "Je n'ai parlé à personne. Il me faut quelqu'un à qui je puisse parler.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("Il me faut"), "{}", found[0].1);
        // The lengths agree with both sentences of a split translation.
        let split = run(
            &Addition,
            "I didn't talk to anybody because I needed some quiet.",
            "Je n'ai parlé à personne. J'avais besoin de calme.",
        );
        assert!(split.is_empty(), "{split:?}");
    }

    #[test]
    fn an_added_sentence_after_two_sentences_merged_into_one_is_reported() {
        // Two sentences a side, but the first target sentence translates both source
        // sentences: the lengths single out the second, which has no trace in the source.
        let source = "We set off at dawn with two porters. The path was steep and covered in ice.";
        let merged = "Nous sommes partis à l'aube avec deux porteurs sur un sentier raide et \
                      couvert de glace. Le gouvernement a promis une réforme des impôts.";
        let found = run(&Addition, source, merged);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("Le gouvernement"), "{}", found[0].1);
        // Two sentences translated by two: nothing added.
        let whole = "Nous sommes partis à l'aube avec deux porteurs. Le sentier était raide et \
                     couvert de glace.";
        assert!(run(&Addition, source, whole).is_empty());
    }

    #[test]
    fn a_longer_target_needs_its_translation_traced_only_half() {
        // The lexicon traces about half of the source in the first sentence (`élus`,
        // `crédits`, `houleux` it does not know); the target is longer than predicted, so
        // that is enough to single out the second sentence, which has no trace at all.
        let source = "The committee approved the budget for rural schools and small hospitals \
                      after a long and bitter debate on Tuesday.";
        let translation = "Mardi, les élus ont voté les crédits des écoles rurales et des petits \
                           hôpitaux au terme d'un débat houleux.";
        let found = run(
            &Addition,
            source,
            &format!("{translation} Les choses changent vite."),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("Les choses"), "{}", found[0].1);
        assert!(run(&Addition, source, translation).is_empty());
    }
}
