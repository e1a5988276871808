//! punctuation-unbalanced: brackets or quotation marks opened and not closed in the target
//! while the source's are balanced — unless a nearby segment closes the quotation.

use super::{BeadContext, Check, Rule, RuleExample, SideText};
use crate::locale::Elision;
use crate::locale::typography::{QuoteKind, SingleQuotes};
use crate::model::{Finding, Severity, Span};

pub struct PunctuationUnbalanced;

static RULE: Rule = Rule {
    id: "punctuation-unbalanced",
    category: "fluency/punctuation",
    severity: Severity::Minor,
    summary: "Unbalanced brackets or quotation marks in the target.",
    explanation: "Counts `( )`, `[ ]`, `{ }`, straight double quotes and the quotation marks of \
each language (`quote_pairs` in `data/<lang>/typography.toml`: `« »` and `“ ”` in English and \
French; `„ “` or `“ ”`, `» «` or `« »` in German) in each segment. A pair that is balanced in \
the source but not in the target is reported at the first unmatched mark. A quotation may run over several sentences: a quotation mark left open in one \
segment and closed within the next three (or closed after being opened in the three before) is \
not reported — straight quotes count as opening or closing by the words and spaces around \
them, and a tokenized one that could be either (`limites , \" a ajouté`) pairs with nothing — \
and segments whose source is itself unbalanced are left alone, counting in a language that \
also quotes with single marks (English: `single_quotes_quote` in its typography file) every \
`'`, `‘` or `’` that is no apostrophe (`He said: 'Not yet.`, but not `don't` or `members' \
votes`). A straight quote and a curly \
one may open and close the same quotation (`\" How ? ” he asked`): mixed styles, a whole \
quotation. A straight quote after a word the language elides (`l \" équipe`, from \
`data/<lang>/locale.toml`) is reported as the apostrophe it stands for in the target, and \
quotes nothing in the source.",
    example: RuleExample {
        source: "JPMorgan (the largest bank) declined.",
        bad: "JPMorgan (la plus grande banque a refusé.",
        good: "JPMorgan (la plus grande banque) a refusé.",
        glossary: "",
        context: None,
    },
};

const BRACKETS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('{', '}')];

impl Check for PunctuationUnbalanced {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        // Most targets hold no bracket, and then no pair is unmatched in them (`unmatched`
        // finds nothing in a text without either mark): one scan for all six marks spares
        // the twelve searches below.
        if !holds_bracket(ctx.target.text) {
            return;
        }
        for (open, close) in BRACKETS {
            if unmatched(ctx.source.text, open, close).is_none()
                && let Some(at) = unmatched(ctx.target.text, open, close)
            {
                report(ctx, out, at);
            }
        }
    }

    /// Quotation marks are checked across segments: a quotation may run over several
    /// sentences, opened in one segment and closed in a later one.
    fn check_document(&self, beads: &[BeadContext], out: &mut Vec<Finding>) {
        let gaps: Vec<Vec<QuoteGap>> = beads
            .iter()
            .map(|b| {
                // Most segments hold no quotation mark: each kind's scans are spared them.
                let marks = b.target.lang.typography.quotation_marks();
                if marks.any_in(b.target.text) {
                    quote_gaps(b.target.text, quote_kinds(&b.target))
                } else {
                    Vec::new()
                }
            })
            .collect();
        for (k, bead) in beads.iter().enumerate() {
            if gaps[k].is_empty() || !source_quotes_balanced(&bead.source) {
                continue;
            }
            let kinds = quote_kinds(&bead.target);
            for gap in &gaps[k] {
                if !continued_nearby(&gaps, k, gap, kinds) {
                    report(bead, out, gap.at);
                }
            }
        }
    }
}

/// Languages quote with different marks, so a quotation counts as balanced in the source when
/// all its quotation marks are; straight quotes that stand for apostrophes (`C " était`)
/// quote nothing.
fn source_quotes_balanced(source: &SideText) -> bool {
    // A quotation in single marks (`He said: 'Not yet.`) is one the target renders with its
    // own marks, left as open as the source leaves it.
    if let Some(single) = &source.lang.typography.single_quotes_quote
        && !single_quotation_marks(source.text, single).is_multiple_of(2)
    {
        return false;
    }
    let kinds = quote_kinds(source);
    let apostrophes: Vec<usize> = mistyped_apostrophes(source.text, &source.lang.elision)
        .map(|(at, ..)| at)
        .collect();
    if apostrophes.is_empty() {
        return quote_gaps(source.text, kinds).is_empty();
    }
    let mut quotes_only = source.text.to_string();
    for at in apostrophes {
        quotes_only.replace_range(at..at + 1, "'");
    }
    quote_gaps(&quotes_only, kinds).is_empty()
}

/// How many single marks (`'`, `‘`, `’`) of a text are no apostrophe, and so may open or
/// close a quotation.
fn single_quotation_marks(text: &str, single: &SingleQuotes) -> usize {
    if !text.contains(['\'', '‘', '’']) {
        return 0;
    }
    text.char_indices()
        .filter(|&(at, c)| matches!(c, '\'' | '‘' | '’') && !is_apostrophe(text, at, c, single))
        .count()
}

/// Whether the single mark `mark` at byte `at` is an apostrophe: between two letters
/// (`don't`, `O’Neill`), a tokenized contraction (`John 's`, `we 're`), or a plural possessive
/// before a lower-case word (`members' votes`, tokenized `members ' votes`); the words and
/// endings are the language's ([`SingleQuotes`]).
fn is_apostrophe(text: &str, at: usize, mark: char, single: &SingleQuotes) -> bool {
    let (before, rest) = (&text[..at], &text[at + mark.len_utf8()..]);
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    if letter(before.chars().next_back()) && letter(rest.chars().next()) {
        return true;
    }
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let contraction = before.ends_with(char::is_whitespace)
        && single
            .apostrophe_words
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w));
    let stem = before.trim_end_matches(' ').as_bytes();
    let possessive = single.possessive_endings.iter().any(|ending| {
        stem.len() >= ending.len()
            && stem[stem.len() - ending.len()..].eq_ignore_ascii_case(ending.as_bytes())
    }) && rest.starts_with(' ')
        && rest.trim_start_matches(' ').starts_with(char::is_lowercase);
    contraction || possessive
}

/// The kinds of quotation marks of a side's language (`data/<lang>/typography.toml`).
fn quote_kinds<'a>(side: &SideText<'a>) -> &'a [QuoteKind] {
    &side.lang.typography.quote_pairs
}

/// Segments within which the two halves of a quotation running over several sentences are
/// looked for.
const QUOTATION_REACH: usize = 3;

/// Which way an unmatched quotation mark points.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Direction {
    /// An opening mark never closed: the quotation may go on in a later segment.
    Opens,
    /// A closing mark never opened: the quotation may have begun in an earlier segment.
    Closes,
    /// A straight quote, which opens and closes alike.
    Either,
}

/// An unmatched quotation mark of a segment.
#[derive(Debug, Clone, Copy, PartialEq)]
struct QuoteGap {
    at: usize,
    mark: char,
    direction: Direction,
}

/// The unmatched quotation marks of a text: at most one per kind of quotes.
fn quote_gaps(text: &str, kinds: &[QuoteKind]) -> Vec<QuoteGap> {
    let mut gaps: Vec<QuoteGap> = kinds.iter().filter_map(|k| kind_gap(text, k)).collect();
    if !text.matches('"').count().is_multiple_of(2) {
        let (first, last) = (
            text.find('"').expect("an odd count is at least one"),
            text.rfind('"').expect("an odd count is at least one"),
        );
        // A straight quote points the way its neighbours say: `"Trust me` opens, `me."`
        // closes; in tokenized text (`" Trust me . "`) it could be either.
        let (opens, closes) = (
            straight_quote_opens(text, last),
            straight_quote_closes(text, first),
        );
        let (at, direction) = match (opens, closes) {
            (true, false) => (last, Direction::Opens),
            (false, true) => (first, Direction::Closes),
            _ => (last, Direction::Either),
        };
        gaps.push(QuoteGap {
            at,
            mark: '"',
            direction,
        });
    }
    pair_mixed_quotes(text, &mut gaps);
    gaps
}

/// The first unmatched mark of one kind of quotes. A kind written several ways is balanced
/// when one way accounts for all its marks in the text (`„Ja“`, or `“Ja”`, not `„Ja”`);
/// otherwise the usual way tells which mark is unmatched, or else the first mark it does not
/// know.
fn kind_gap(text: &str, kind: &QuoteKind) -> Option<QuoteGap> {
    let (open, close) = kind.ways[0];
    let usual = unmatched(text, open, close);
    if kind.ways.len() == 1 {
        return usual.map(|at| QuoteGap::at_mark(text, at, open));
    }
    let marks: Vec<(usize, char)> = text
        .char_indices()
        .filter(|&(_, c)| kind.holds(c))
        .collect();
    let accounts_for_all = |&(open, close): &(char, char)| {
        marks.iter().all(|&(_, c)| c == open || c == close)
            && unmatched(text, open, close).is_none()
    };
    if kind.ways.iter().any(accounts_for_all) {
        return None;
    }
    let stray = || {
        marks
            .iter()
            .find(|&&(_, c)| c != open && c != close)
            .map(|&(at, _)| at)
    };
    usual
        .or_else(stray)
        .map(|at| QuoteGap::at_mark(text, at, open))
}

impl QuoteGap {
    /// The mark at byte `at`: an opening mark of the usual way opens, any other closes.
    fn at_mark(text: &str, at: usize, usual_open: char) -> QuoteGap {
        let mark = text[at..].chars().next().expect("index of a mark");
        let direction = if mark == usual_open {
            Direction::Opens
        } else {
            Direction::Closes
        };
        QuoteGap {
            at,
            mark,
            direction,
        }
    }
}

/// Drops an unmatched curly quote and the odd straight one when they can open and close the
/// same quotation (`" How do you know ? ” he asked`): the styles are mixed, which the
/// typography rules judge, but the quotation is whole.
fn pair_mixed_quotes(text: &str, gaps: &mut Vec<QuoteGap>) {
    let curly = gaps.iter().position(|g| matches!(g.mark, '“' | '”' | '„'));
    let straight = gaps.iter().position(|g| g.mark == '"');
    let (Some(curly), Some(straight)) = (curly, straight) else {
        return;
    };
    let at = gaps[curly].at;
    let pairs = match gaps[curly].direction {
        Direction::Closes => text[..at].contains('"'),
        Direction::Opens => text[at..].contains('"'),
        Direction::Either => false,
    };
    if pairs {
        gaps.remove(curly.max(straight));
        gaps.remove(curly.min(straight));
    }
}

/// Whether the straight quote at `at` opens a quotation: `"Trust`, or in tokenized text
/// (spaces on both sides) at the start of the segment or after a colon (`: " Trust`).
fn straight_quote_opens(text: &str, at: usize) -> bool {
    let (before, after) = neighbours(text, at);
    match (before, after) {
        (Some(b), Some(a)) if !b.is_whitespace() || !a.is_whitespace() => {
            b.is_whitespace() && a.is_alphanumeric()
        }
        _ => {
            let (before, after) = tokenized_neighbours(text, at);
            after.is_some_and(char::is_alphanumeric) && before.is_none_or(|b| b == ':')
        }
    }
}

/// Whether the straight quote at `at` closes a quotation: `me."`, or in tokenized text at the
/// end of the segment, after a final mark or before one (`me . "`, `me " .`).
fn straight_quote_closes(text: &str, at: usize) -> bool {
    let (before, after) = neighbours(text, at);
    match (before, after) {
        (Some(b), Some(a)) if !b.is_whitespace() || !a.is_whitespace() => {
            !b.is_whitespace() && a.is_whitespace()
        }
        (Some(b), None) => !b.is_whitespace() || tokenized_neighbours(text, at).0.is_some(),
        _ => {
            let (before, after) = tokenized_neighbours(text, at);
            let is_final = |c: char| matches!(c, '.' | '!' | '?' | '…');
            before.is_some() && (after.is_none_or(is_final) || before.is_some_and(is_final))
        }
    }
}

/// The characters right before and after byte `at` (a one-byte mark).
fn neighbours(text: &str, at: usize) -> (Option<char>, Option<char>) {
    (
        text[..at].chars().next_back(),
        text[at + 1..].chars().next(),
    )
}

/// The nearest characters before and after byte `at` that are not spaces.
fn tokenized_neighbours(text: &str, at: usize) -> (Option<char>, Option<char>) {
    (
        text[..at].trim_end().chars().next_back(),
        text[at + 1..].trim_start().chars().next(),
    )
}

/// Whether the quotation left open (or closed) in segment `k` is closed (or opened) by a
/// segment nearby, with the marks of the same kind. A straight quote that could open as well
/// as close (tokenized text, `limites , " a ajouté`) pairs with nothing: two such marks a few
/// segments apart are as likely two errors as one quotation.
fn continued_nearby(gaps: &[Vec<QuoteGap>], k: usize, gap: &QuoteGap, kinds: &[QuoteKind]) -> bool {
    let (partners, wanted) = match gap.direction {
        Direction::Opens => (
            k + 1..gaps.len().min(k + 1 + QUOTATION_REACH),
            Direction::Closes,
        ),
        Direction::Closes => (k.saturating_sub(QUOTATION_REACH)..k, Direction::Opens),
        Direction::Either => return false,
    };
    gaps[partners]
        .iter()
        .flatten()
        .any(|other| other.direction == wanted && same_kind(other.mark, gap.mark, kinds))
}

fn same_kind(a: char, b: char, kinds: &[QuoteKind]) -> bool {
    let kind = |c: char| kinds.iter().position(|k| k.holds(c));
    a == b || (kind(a).is_some() && kind(a) == kind(b))
}

fn report(ctx: &BeadContext, out: &mut Vec<Finding>, at: usize) {
    let mark = ctx.target.text[at..]
        .chars()
        .next()
        .expect("index of a mark");
    if mark == '"'
        && let Some((span, elided)) = mistyped_apostrophe(ctx.target.text, &ctx.target.lang.elision)
    {
        out.push(
            ctx.finding(
                &RULE,
                format!("`\"` stands where an apostrophe belongs: `{elided}'`"),
            )
            .with_target(ctx.target_span(span))
            .with_suggestion(format!("{elided}'")),
        );
        return;
    }
    out.push(
        ctx.finding(
            &RULE,
            format!("`{mark}` has no matching mark in the target"),
        )
        .with_target(ctx.target_span(Span::new(at, at + mark.len_utf8()))),
    );
}

/// The first straight double quote typed for an apostrophe after a word the language elides
/// (`l " équipe`, `qu"il`, as some tokenizers and keyboards leave them): the span from that
/// word to the next one, and the word.
fn mistyped_apostrophe<'t>(text: &'t str, elision: &Elision) -> Option<(Span, &'t str)> {
    mistyped_apostrophes(text, elision)
        .next()
        .map(|(_, span, word)| (span, word))
}

/// Every straight double quote typed for an apostrophe (see [`mistyped_apostrophe`]): its
/// index, the span from the elided word to the next one, and the word.
fn mistyped_apostrophes<'t, 'e>(
    text: &'t str,
    elision: &'e Elision,
) -> impl Iterator<Item = (usize, Span, &'t str)> + use<'t, 'e> {
    // A language that elides nothing has no apostrophe to mistype: nothing to search.
    let searched = if elision.words.is_empty() { "" } else { text };
    searched.match_indices('"').filter_map(move |(at, _)| {
        let before = text[..at].trim_end_matches(' ');
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_start..];
        let after = text[at + 1..].trim_start_matches(' ');
        let next_elides = after.chars().next().is_some_and(|c| {
            elision
                .before
                .contains(c.to_lowercase().next().unwrap_or(c))
        });
        let elided = elision.words.iter().any(|e| e.eq_ignore_ascii_case(word));
        (elided && next_elides).then(|| (at, Span::new(word_start, text.len() - after.len()), word))
    })
}

/// Whether `text` holds a mark of [`BRACKETS`], all of them ASCII, searched as bytes.
fn holds_bracket(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(b'(', b'[', b'{', bytes).is_some()
        || memchr::memchr3(b')', b']', b'}', bytes).is_some()
}

/// Byte index of the first unmatched mark of the pair, if any.
fn unmatched(text: &str, open: char, close: char) -> Option<usize> {
    // Most texts hold neither mark; searching a char is a memchr, decoding every one is not.
    if !text.contains(open) && !text.contains(close) {
        return None;
    }
    let mut stack = Vec::new();
    for (i, c) in text.char_indices() {
        if c == open {
            stack.push(i);
        } else if c == close && stack.pop().is_none() {
            return Some(i);
        }
    }
    stack.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_without_brackets_has_none_unmatched() {
        let marks: String = BRACKETS.iter().flat_map(|&(o, c)| [o, c]).collect();
        assert_eq!(marks, "()[]{}");
        for text in [
            "",
            "plain text",
            "(a",
            "a)",
            "[b",
            "b]",
            "{c",
            "c}",
            "(é)",
            "« a »",
        ] {
            let any_unmatched = BRACKETS
                .iter()
                .any(|&(open, close)| unmatched(text, open, close).is_some());
            assert!(holds_bracket(text) || !any_unmatched, "{text:?}");
            assert_eq!(
                holds_bracket(text),
                text.contains(['(', ')', '[', ']', '{', '}'])
            );
        }
    }
    use crate::checks::testing::{run, run_document};
    use crate::glossary::Glossary;

    #[test]
    fn german_quotes_close_with_their_own_marks() {
        let german = |source: &str, target: &str| {
            let found = run_document(
                &PunctuationUnbalanced,
                &[(source, target)],
                "fr",
                "de",
                &Glossary::default(),
            );
            found.into_iter().map(|(_, text)| text).collect::<Vec<_>>()
        };
        let source = "Il a dit : « Nous venons demain. »";
        // „…“, “…” and the guillemets both ways are German quotations.
        for target in [
            "Er sagte: „Wir kommen morgen.“",
            "Er sagte: “Wir kommen morgen.”",
            "Er sagte: »Wir kommen morgen.«",
            "Er sagte: «Wir kommen morgen.»",
        ] {
            assert!(german(source, target).is_empty(), "{target}");
        }
        assert_eq!(german(source, "Er sagte: „Wir kommen morgen."), vec!["„"]);
    }

    #[test]
    fn a_quotation_in_single_marks_left_open_by_the_source_is_left_alone() {
        // Europarl quotes with single marks, and a quotation runs over lines that a sample
        // of the corpus does not keep together.
        let open_in_source = [
            (
                "He said : ' A great victory is a great danger .",
                "Il a dit : « une grande victoire est un grand danger .",
            ),
            (
                "I only have this country and I cannot vote.'",
                "Je n'ai que ce pays et je ne peux pas voter. »",
            ),
            (
                "He said to me: ‘Mr Fatuzzo, you must vote.",
                "Il m'a dit : « Monsieur Fatuzzo, vous devez voter.",
            ),
        ];
        for (source, target) in open_in_source {
            assert!(run_segments(&[(source, target)]).is_empty(), "{source}");
        }
        // Apostrophes quote nothing: the source stays balanced and the target is reported.
        let apostrophes_only = [
            (
                "Don't say 'no' to the members' votes.",
                "Ne dites pas « non aux votes des membres.",
            ),
            (
                "John 's report is n't ready , we 're told .",
                "Le rapport de John n' est pas prêt , « dit-on .",
            ),
            ("O’Neill’s report.", "Le rapport « d’O’Neill."),
        ];
        for (source, target) in apostrophes_only {
            assert_eq!(run_segments(&[(source, target)]).len(), 1, "{source}");
        }
    }

    #[test]
    fn single_marks_that_may_quote() {
        let english = crate::locale::Language::get("en").unwrap();
        let single = english.typography.single_quotes_quote.as_ref().unwrap();
        let count = |text: &str| single_quotation_marks(text, single);
        assert_eq!(count("He said: 'Not yet.'"), 2);
        assert_eq!(count("' So , even so ' ."), 2);
        assert_eq!(count("don't, O’Neill, John 's, members' votes"), 0);
        assert_eq!(count("the citizens ' , he said"), 1);
    }

    #[test]
    fn reports_unclosed_marks() {
        assert_eq!(run(&PunctuationUnbalanced, "a (b) c", "a (b c")[0].1, "(");
        assert_eq!(
            run(&PunctuationUnbalanced, "say \"no\"", "dire « non")[0].1,
            "«"
        );
        assert_eq!(
            run(&PunctuationUnbalanced, "say \"no\"", "dire \"non")[0].1,
            "\""
        );
        assert!(run(&PunctuationUnbalanced, "say \"no", "dire « non").is_empty());
        assert!(run(&PunctuationUnbalanced, "a (b) \"c\"", "a (b) « c »").is_empty());
    }

    #[test]
    fn a_straight_and_a_curly_quote_close_one_quotation() {
        let mixed = [
            (
                "\"How do you know?\" he asked.",
                "\" How do you know ? ” he asked .",
            ),
            ("\"Stay.\"", "“ Stay . \""),
        ];
        for (source, target) in mixed {
            assert!(run_segments(&[(source, target)]).is_empty(), "{target}");
        }
        // The curly quote closes nothing when the straight one follows it.
        let found = run_segments(&[("\"No.\" \"Yes.\"", "” No . \" Yes .")]);
        assert_eq!(found.len(), 2, "{found:?}");
        // With its closing mark gone, the mixed quotation is open again.
        let found = run_segments(&[("\"Stay.\" he said.", "\" Stay . he said .")]);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn quotes_typed_for_apostrophes_leave_the_source_balanced() {
        let pair = [(
            "\" C \" était un signal d' alarme \" déclare Lyman .",
            "\" A red flag went up , Lyman says .",
        )];
        let found = run_document(
            &PunctuationUnbalanced,
            &pair,
            "fr",
            "en",
            &Glossary::default(),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        // Read as English, the same source has three quotation marks: unbalanced, left alone.
        assert!(run_segments(&pair).is_empty());
    }

    #[test]
    fn an_apostrophe_typed_as_a_quote_is_named_so() {
        let found = run(
            &PunctuationUnbalanced,
            "The team won.",
            "L \" équipe a gagné.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "L \" ");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("L'"));
        assert!(found[0].0.message.contains("apostrophe"));
        // A quotation left open after a word that is no elision stays a quotation.
        let quote = run(&PunctuationUnbalanced, "He said \"no\".", "Il a dit \"non.");
        assert!(quote[0].0.message.contains("no matching mark"), "{quote:?}");
    }

    fn run_segments(pairs: &[(&str, &str)]) -> Vec<(usize, String)> {
        run_document(
            &PunctuationUnbalanced,
            pairs,
            "en",
            "fr",
            &Glossary::default(),
        )
        .into_iter()
        .map(|(f, text)| (f.segment, text))
        .collect()
    }

    #[test]
    fn a_quotation_may_run_over_several_segments() {
        let quoted_per_sentence = [
            ("\"We waited.\"", "« Nous avons attendu."),
            ("\"Nobody came.\"", "Personne n'est venu. »"),
        ];
        assert!(run_segments(&quoted_per_sentence).is_empty());
        let straight = [
            ("\"We waited.\"", "\"Nous avons attendu."),
            ("Then we left.", "Puis nous sommes partis."),
            ("\"Nobody came.\"", "Personne n'est venu.\""),
        ];
        assert!(run_segments(&straight).is_empty());
        // A closing mark does not close a quotation opened after it, nor one too far away.
        let backwards = [
            ("\"We waited.\"", "Nous avons attendu. »"),
            ("\"Nobody came.\"", "« Personne n'est venu."),
        ];
        assert_eq!(
            run_segments(&backwards),
            vec![(0, "»".to_string()), (1, "«".to_string())]
        );
        let far = [
            ("\"A.\"", "\"A."),
            ("B.", "B."),
            ("C.", "C."),
            ("D.", "D."),
            ("\"E.\"", "E.\""),
        ];
        // Two quotations left open one after the other are two errors, not one quotation.
        let both_open = [
            ("Spell \"pretty\".", "Épelle \"joli."),
            ("The word \"Muiriel\".", "Le mot \"Muiriel."),
        ];
        assert_eq!(run_segments(&both_open).len(), 2);
        // Tokenized text: the position in the segment tells an opening quote from a closing one.
        let tokenized = [
            ("\" He shot . \"", "\" Il a tiré ."),
            ("\" He left . \"", "Il est parti . \""),
        ];
        assert!(run_segments(&tokenized).is_empty());
        let tokenized_both_open = [
            ("\" He shot . \"", "\" Il a tiré ."),
            ("\" He left . \"", "\" Il est parti ."),
        ];
        assert_eq!(run_segments(&tokenized_both_open).len(), 2);
        assert_eq!(
            run_segments(&far),
            vec![(0, "\"".to_string()), (4, "\"".to_string())]
        );
    }
}
