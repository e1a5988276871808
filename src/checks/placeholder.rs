//! placeholder-mismatch: a placeholder or inline tag of the source that the target lacks, one
//! the target adds, or one the target puts in an order that breaks it.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::ingest::inline::{self, TagKind};
use crate::model::{Finding, Severity, Span};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

pub struct PlaceholderMismatch;

static RULE: Rule = Rule {
    id: "placeholder-mismatch",
    category: "fluency/markup",
    severity: Severity::Major,
    summary: "A placeholder or inline tag is missing, added, or out of order in the target.",
    explanation: "Placeholders are code, not text: a translation must keep every one of them. \
Compared between source and target: the inline tags of bilingual files (XLIFF `<g>`, `<x/>`, \
`<bx/>`/`<ex/>`, `<ph>`, `<pc>`, `<sc/>`/`<ec/>`, TMX `<bpt>`/`<ept>`, `<ph>`, `<it>`, `<hi>`, \
shown as `<1>`, `</1>`, `<2/>` numbered per unit), printf conversions (`%s`, `%1$d`, `%(name)s`), \
braces (`{0}`, `{name}`, `{{name}}`), `${name}`, escapes (`\\n`, `\\t`), the accelerators of \
menu labels (`&File` ↔ `&Fichier`: one for one, whatever their letter; not `AT&T` nor `&amp;`) \
and HTML-like tags written in the text. Angle \
brackets around words are read as a tag only when they look like markup: a closing tag, a \
self-closing tag, attributes (`<a href=…>`), an HTML element (`<br>`, `<b>`), or an opening tag \
closed in the same segment; `<Basislager>` alone is a quotation, as German texts typed without \
„…“ write it. A placeholder the target lacks is reported on the source, one it adds on the \
target. Order matters where the code depends on it: unnumbered printf conversions take their \
arguments in order, and a closing tag cannot come before its opening tag.",
    example: RuleExample {
        source: "Click {0} to delete %d files.",
        bad: "Cliquez pour supprimer %d fichiers.",
        good: "Cliquez sur {0} pour supprimer %d fichiers.",
        glossary: "",
        context: None,
    },
};

/// Placeholders written in the text itself: printf conversions (C, POSIX positional and
/// Python named), braces (.NET, ICU, Python, Mustache), `${…}`, and HTML/XML-like tags.
static TEXT_PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"%(?:[1-9][0-9]*\$)?[-+#0]*(?:[0-9]+|\*)?(?:\.(?:[0-9]+|\*))?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGaAcspn@]",
        r"|%\([A-Za-z_][A-Za-z0-9_]*\)[-+#0]*[0-9]*(?:\.[0-9]+)?[diouxXeEfFgGcrsa]",
        r"|\{\{[A-Za-z0-9_.# /^-]+\}\}",
        r"|\{[A-Za-z0-9_.]+(?:[,:][^{}]*)?\}",
        r"|\$\{[A-Za-z_][A-Za-z0-9_.]*\}",
        r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>",
        r"|\\[nrt]",
    ))
    .expect("the placeholder pattern compiles")
});

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Tag(TagKind, u32),
    /// A printf conversion that takes the next argument (`%s`, not `%1$s`).
    UnnumberedPrintf,
    /// The `&` that marks a menu's access key (`&File`): its letter is the translation's.
    Accelerator,
    Other,
}

/// The key of every accelerator: the letter it marks is the target language's choice.
const ACCELERATOR_KEY: &str = "&";

#[derive(Debug, Clone)]
struct Placeholder {
    /// What it reads as, and what the two sides are compared by.
    key: String,
    span: Span,
    kind: Kind,
}

fn placeholders(text: &str) -> Vec<Placeholder> {
    let mut found = tag_placeholders(text);
    found.extend(
        TEXT_PLACEHOLDER
            .find_iter(text)
            .filter(|m| !m.as_str().starts_with('<') || is_markup_tag(m.as_str(), text))
            .map(|m| {
                let key = m.as_str().to_string();
                let unnumbered =
                    key.starts_with('%') && !key.contains('$') && !key.starts_with("%(");
                Placeholder {
                    span: Span::new(m.start(), m.end()),
                    kind: if unnumbered {
                        Kind::UnnumberedPrintf
                    } else {
                        Kind::Other
                    },
                    key,
                }
            }),
    );
    found.extend(accelerators(text));
    found.sort_by_key(|p| p.span.start);
    found
}

/// The accelerators of a UI string (`&File`, `E&xit`, `Save &As`): an `&` before a letter, but
/// not an entity (`&amp;`, `&#233;`) nor the ampersand that joins two names or a capitals'
/// abbreviation (`AT&T`, `R&D`, `Procter&Gamble`), a letter before it and a capital after.
fn accelerators(text: &str) -> Vec<Placeholder> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (i, _) in text.match_indices('&') {
        let after = &text[i + 1..];
        let Some(letter) = after.chars().next().filter(|c| c.is_alphabetic()) else {
            continue;
        };
        let entity_name = after.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
        if entity_name.starts_with(';') {
            continue;
        }
        let joins = text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && letter.is_uppercase();
        if joins {
            continue;
        }
        found.push(Placeholder {
            key: ACCELERATOR_KEY.to_string(),
            span: Span::new(i, i + 1 + letter.len_utf8()),
            kind: Kind::Accelerator,
        });
    }
    found
}

/// How a finding names a placeholder: an accelerator by its letter (`&O`), the others by what
/// they read as.
fn described(p: &Placeholder, text: &str) -> String {
    match p.kind {
        Kind::Accelerator => format!("the accelerator `{}`", &text[p.span.range()]),
        _ => format!("`{}`", p.key),
    }
}

/// The placeholder characters of inline tags in `text`: none in most texts, which one search
/// tells without decoding their characters.
fn tag_placeholders(text: &str) -> Vec<Placeholder> {
    if !inline::may_hold_placeholders(text) {
        return Vec::new();
    }
    text.char_indices()
        .filter_map(|(i, c)| {
            let (kind, number) = inline::decode(c)?;
            Some(Placeholder {
                key: inline::display(kind, number),
                span: Span::new(i, i + c.len_utf8()),
                kind: Kind::Tag(kind, number),
            })
        })
        .collect()
}

/// HTML elements: void ones (`<br>`) take no closing tag, and the others may open in one
/// segment and close in the next when a document was split into sentences.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "area",
    "b",
    "base",
    "big",
    "blockquote",
    "br",
    "cite",
    "code",
    "col",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "link",
    "mark",
    "meta",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "td",
    "th",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Whether `tag`, found in `text` by the tag pattern, is markup rather than words put between
/// angle brackets as quotation marks: a closing tag, a self-closing tag, a tag with
/// attributes, an HTML element, or an opening tag whose closing tag follows in `text`.
fn is_markup_tag(tag: &str, text: &str) -> bool {
    let inner = &tag[1..tag.len() - 1];
    if inner.starts_with('/') || inner.ends_with('/') || inner.contains('=') {
        return true;
    }
    let name = inner.split_whitespace().next().unwrap_or(inner);
    HTML_ELEMENTS.contains(&name.to_ascii_lowercase().as_str())
        || text.contains(&format!("</{name}>"))
}

/// The placeholders of `side` that `other` does not match one for one, in order.
fn unmatched<'a>(side: &'a [Placeholder], other: &[Placeholder]) -> Vec<&'a Placeholder> {
    let mut available: HashMap<&str, usize> = HashMap::new();
    for p in other {
        *available.entry(p.key.as_str()).or_default() += 1;
    }
    side.iter()
        .filter(|p| match available.get_mut(p.key.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

impl Check for PlaceholderMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let source = placeholders(ctx.source.text);
        let target = placeholders(ctx.target.text);
        if source.is_empty() && target.is_empty() {
            return;
        }
        // An empty target is the untranslated check's finding, not one per placeholder.
        if ctx.target.text.trim().is_empty() {
            return;
        }
        let missing = unmatched(&source, &target);
        let added = unmatched(&target, &source);
        for p in &missing {
            out.push(
                ctx.finding(
                    &RULE,
                    format!("{} is missing in the target", described(p, ctx.source.text)),
                )
                .with_source(ctx.source_span(p.span)),
            );
        }
        for p in &added {
            out.push(
                ctx.finding(
                    &RULE,
                    format!("{} is not in the source", described(p, ctx.target.text)),
                )
                .with_target(ctx.target_span(p.span)),
            );
        }
        if missing.is_empty() && added.is_empty() {
            self.check_order(ctx, &source, &target, out);
        }
        self.check_tag_pairs(ctx, &target, out);
    }
}

impl PlaceholderMismatch {
    /// Unnumbered printf conversions take their arguments in order: the target must keep it.
    fn check_order(
        &self,
        ctx: &BeadContext,
        source: &[Placeholder],
        target: &[Placeholder],
        out: &mut Vec<Finding>,
    ) {
        let sequence = |side: &[Placeholder]| -> Vec<Placeholder> {
            side.iter()
                .filter(|p| p.kind == Kind::UnnumberedPrintf)
                .cloned()
                .collect()
        };
        let (source, target) = (sequence(source), sequence(target));
        if let Some((s, t)) = source.iter().zip(&target).find(|(s, t)| s.key != t.key) {
            out.push(
                ctx.finding(
                    &RULE,
                    format!(
                        "`{}` stands where the source has `{}`: unnumbered printf arguments \
                         cannot be reordered",
                        t.key, s.key
                    ),
                )
                .with_source(ctx.source_span(s.span))
                .with_target(ctx.target_span(t.span))
                .with_suggestion(s.key.clone()),
            );
        }
    }

    /// A closing tag before its opening tag breaks the markup.
    fn check_tag_pairs(&self, ctx: &BeadContext, target: &[Placeholder], out: &mut Vec<Finding>) {
        for (i, p) in target.iter().enumerate() {
            let Kind::Tag(TagKind::Close, number) = p.kind else {
                continue;
            };
            let opens_later = target[i + 1..]
                .iter()
                .any(|q| q.kind == Kind::Tag(TagKind::Open, number));
            let opened_before = target[..i]
                .iter()
                .any(|q| q.kind == Kind::Tag(TagKind::Open, number));
            if opens_later && !opened_before {
                out.push(
                    ctx.finding(
                        &RULE,
                        format!("`{}` closes a tag before it is opened", p.key),
                    )
                    .with_target(ctx.target_span(p.span)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;
    use crate::ingest::inline::placeholder;

    fn flagged(source: &str, target: &str) -> Vec<String> {
        run(&PlaceholderMismatch, source, target)
            .into_iter()
            .map(|(f, _)| f.message)
            .collect()
    }

    #[test]
    fn same_placeholders_in_any_order_pass() {
        assert!(flagged("{0} of {1}", "{1} sur {0}").is_empty());
        assert!(flagged("%1$s by %2$s", "%2$s par %1$s").is_empty());
        assert!(flagged("Hello <b>%(name)s</b>", "Bonjour <b>%(name)s</b>").is_empty());
        assert!(flagged("It rose 5% in 2018.", "Il a augmenté de 5 % en 2018.").is_empty());
        assert!(flagged("No code here.", "Pas de code ici.").is_empty());
    }

    #[test]
    fn missing_and_added_are_flagged() {
        assert_eq!(
            flagged("Delete %d files?", "Supprimer les fichiers ?"),
            ["`%d` is missing in the target"]
        );
        assert_eq!(
            flagged("Save", "Enregistrer {name}"),
            ["`{name}` is not in the source"]
        );
    }

    #[test]
    fn words_between_angle_brackets_are_quotations_not_tags() {
        assert!(flagged("Zurück zum <Basislager> .", "Retour au camp de base .").is_empty());
        assert!(flagged("<lch will euch sagen , wie>", "Je vais vous dire comment").is_empty());
        assert!(flagged("Il dit <<Bonjour>> .", "He said \"Hello\" .").is_empty());
    }

    #[test]
    fn markup_tags_are_compared() {
        let cases: [(&str, &[&str]); 6] = [
            ("Line<br>break", &["<br>"]),
            ("Split <B>across segments", &["<B>"]),
            ("A <a href=\"x\">link</a>", &["<a href=\"x\">", "</a>"]),
            (
                "An <Emphasis>old</Emphasis> tag",
                &["<Emphasis>", "</Emphasis>"],
            ),
            ("Text <x id=\"1\"/> here", &["<x id=\"1\"/>"]),
            ("Closing </b> only", &["</b>"]),
        ];
        for (source, tags) in cases {
            let expected: Vec<String> = tags
                .iter()
                .map(|tag| format!("`{tag}` is missing in the target"))
                .collect();
            assert_eq!(flagged(source, "Du texte"), expected, "{source}");
        }
    }

    #[test]
    fn unnumbered_printf_order_matters() {
        assert_eq!(flagged("%s has %d items", "%d éléments pour %s").len(), 1);
    }

    #[test]
    fn inline_tags_are_compared_and_must_open_before_closing() {
        let (open, close, x) = (
            placeholder(TagKind::Open, 1),
            placeholder(TagKind::Close, 1),
            placeholder(TagKind::Standalone, 2),
        );
        let source = format!("Click {open}here{close}{x}");
        assert_eq!(
            flagged(&source, &format!("Cliquez {open}ici{close}")),
            ["`<2/>` is missing in the target"]
        );
        assert_eq!(
            flagged(&source, &format!("Cliquez {close}ici{open}{x}")),
            ["`</1>` closes a tag before it is opened"]
        );
        assert!(flagged(&source, &format!("{x}Cliquez {open}ici{close}")).is_empty());
    }

    #[test]
    fn empty_target_is_left_to_the_untranslated_check() {
        assert!(flagged("Delete %d files?", "").is_empty());
    }

    #[test]
    fn accelerators_are_matched_one_for_one_whatever_their_letter() {
        assert!(run(&PlaceholderMismatch, "&File", "&Fichier").is_empty());
        assert!(run(&PlaceholderMismatch, "E&xit", "&Quitter").is_empty());
        let found = run(&PlaceholderMismatch, "Save &As", "Enregistrer sous");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0.message,
            "the accelerator `&A` is missing in the target"
        );
        // An ampersand joining names, and an entity, are no accelerators.
        for (source, target) in [
            (
                "R&D and AT&T spending.",
                "Les dépenses de R-D et d'AT et T.",
            ),
            ("Procter&Gamble &amp; co", "Procter & Gamble et cie"),
        ] {
            assert!(
                run(&PlaceholderMismatch, source, target).is_empty(),
                "{source}"
            );
        }
    }

    #[test]
    fn escapes_are_kept() {
        let found = run(
            &PlaceholderMismatch,
            r"Line one\nLine two",
            "Ligne un Ligne deux",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.message, r"`\n` is missing in the target");
        assert!(run(&PlaceholderMismatch, r"Name:\tValue", r"Nom :\tValeur").is_empty());
    }
}
