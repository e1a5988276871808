//! verbatim-mismatch: URLs, e-mail addresses, file names, code and handles that must be
//! carried over exactly, missing or changed in the target.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Span};
use regex::{Regex, RegexSet};
use serde::Deserialize;
use std::sync::OnceLock;

pub struct Verbatim;

static RULE: Rule = Rule {
    id: "verbatim-mismatch",
    category: "accuracy/do-not-translate",
    severity: Severity::Major,
    summary: "A URL, e-mail address, file name or code span changed or missing in the target.",
    explanation: "Addresses, file names, inline code and social handles are copied, not \
translated: one changed character breaks a link. Each is matched exactly between source and \
target; a source item without its copy is reported as changed when the target has another \
item of the same kind (with the source's as suggestion) and as missing otherwise; a target \
item the source lacks is reported as added (minor). The patterns are data: \
`data/common/verbatim.toml`.",
    example: RuleExample {
        source: "Read the terms at https://example.com/terms before signing.",
        bad: "Lisez les conditions sur https://example.com/termes avant de signer.",
        good: "Lisez les conditions sur https://example.com/terms avant de signer.",
        glossary: "",
        context: None,
    },
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindFile {
    kind: Vec<KindEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindEntry {
    name: String,
    pattern: String,
    trim: String,
}

struct Kind {
    name: String,
    pattern_text: String,
    /// Compiled on first use: most runs meet few kinds, and the set already tells which.
    pattern: OnceLock<Regex>,
    trim: Vec<char>,
}

/// The kinds, and their patterns as one set: most segments hold no item of any kind, which a
/// single scan of the set tells.
fn compiled() -> &'static (Vec<Kind>, RegexSet) {
    static KINDS: OnceLock<(Vec<Kind>, RegexSet)> = OnceLock::new();
    KINDS.get_or_init(|| {
        let file: KindFile = toml::from_str(include_str!("../../data/common/verbatim.toml"))
            .expect("data/common/verbatim.toml parses (tested)");
        let set = RegexSet::new(file.kind.iter().map(|k| &k.pattern))
            .expect("data/common/verbatim.toml patterns compile (tested)");
        let kinds = file
            .kind
            .into_iter()
            .map(|k| Kind {
                pattern_text: k.pattern,
                pattern: OnceLock::new(),
                name: k.name,
                trim: k.trim.chars().collect(),
            })
            .collect();
        (kinds, set)
    })
}

/// Whether `text` may hold an item of some kind, by a character that each kind's pattern
/// needs: `@` (an e-mail address, a handle), `#` (a hashtag), `` ` `` (code), `:/` (`https://`)
/// or a `.` with more than a space after it (`www.afp.com`, `report.pdf`). Most segments have
/// none of them, only a final period, and are spared the scan of the set; `false` means that
/// no pattern matches (`every_kind_needs_a_clue` tries an item of each).
fn may_hold_item(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(b'@', b'#', b'`', bytes).is_some()
        || memchr::memchr2_iter(b'.', b':', bytes).any(|i| match (bytes[i], bytes.get(i + 1)) {
            (b':', Some(b'/')) => true,
            (b'.', Some(next)) => !next.is_ascii_whitespace(),
            _ => false,
        })
}

/// Items of one kind in a text: (span, text).
fn items<'t>(kind: &Kind, text: &'t str) -> Vec<(Span, &'t str)> {
    kind.pattern
        .get_or_init(|| {
            // The set of the same patterns compiled, so this one does.
            Regex::new(&kind.pattern_text)
                .expect("data/common/verbatim.toml patterns compile (tested)")
        })
        .find_iter(text)
        .map(|m| {
            let raw = m.as_str();
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim_start().trim_end_matches(kind.trim.as_slice());
            let start = m.start() + lead;
            (Span::new(start, start + trimmed.len()), trimmed)
        })
        .filter(|(s, _)| !s.is_empty())
        .collect()
}

impl Check for Verbatim {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let (kinds, set) = compiled();
        // Most segments hold no item: a plain match test stops early, the set of matches does not.
        let holds_item = |text: &str| may_hold_item(text) && set.is_match(text);
        if !holds_item(ctx.source.text) && !holds_item(ctx.target.text) {
            return;
        }
        let (in_source, in_target) = (set.matches(ctx.source.text), set.matches(ctx.target.text));
        let mut claimed: Vec<Span> = Vec::new();
        for (k, kind) in kinds.iter().enumerate() {
            if !in_source.matched(k) && !in_target.matched(k) {
                // No item of this kind on either side: nothing to compare, nothing claimed.
                continue;
            }
            let source: Vec<_> = items(kind, ctx.source.text);
            // An e-mail's domain is not a URL too, nor a file's path a handle.
            let target: Vec<_> = items(kind, ctx.target.text)
                .into_iter()
                .filter(|(s, _)| !claimed.iter().any(|t| t.overlaps(*s)))
                .collect();
            claimed.extend(target.iter().map(|(s, _)| *s));
            let mut target_used = vec![false; target.len()];
            let mut missing = Vec::new();
            for (span, text) in &source {
                match target
                    .iter()
                    .enumerate()
                    .position(|(j, (_, t))| !target_used[j] && t == text)
                {
                    Some(j) => target_used[j] = true,
                    None => missing.push((*span, *text)),
                }
            }
            let mut added = target
                .iter()
                .zip(&target_used)
                .filter(|(_, u)| !**u)
                .map(|(t, _)| *t);
            for (span, text) in missing {
                let finding = match added.next() {
                    Some((target_span, changed)) => ctx
                        .finding(&RULE, format!("{} `{text}` became `{changed}`", kind.name))
                        .with_target(ctx.target_span(target_span))
                        .with_suggestion(text),
                    None => ctx.finding(
                        &RULE,
                        format!("{} `{text}` is missing in the target", kind.name),
                    ),
                };
                out.push(finding.with_source(ctx.source_span(span)));
            }
            for (span, text) in added {
                out.push(
                    ctx.finding(
                        &RULE,
                        format!("{} `{text}` is not in the source", kind.name),
                    )
                    .with_severity(Severity::Minor)
                    .with_target(ctx.target_span(span)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::run;

    #[test]
    fn urls_emails_and_files() {
        let found = run(
            &Verbatim,
            "See www.afp.com, or mail info@afp.com.",
            "Voir www.afp.fr ou écrire à info@afp.com.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "www.afp.fr");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("www.afp.com"));
        assert_eq!(
            run(&Verbatim, "Open report.pdf now.", "Ouvrez le rapport.").len(),
            1
        );
        assert!(
            run(
                &Verbatim,
                "Run `cargo test` then see https://x.io/a?b=1.",
                "Lancez `cargo test` puis voyez https://x.io/a?b=1."
            )
            .is_empty()
        );
    }

    #[test]
    fn every_kind_needs_a_clue() {
        let (_, set) = compiled();
        let items = [
            "see http://x.io",
            "HTTPS://X.IO",
            "ftp://files",
            "www.afp.com",
            "mail info@afp.com",
            "open report.pdf",
            "run `ls`",
            "follow @afp",
            "tag #news",
        ];
        for text in items {
            assert!(set.is_match(text), "{text}");
            assert!(may_hold_item(text), "{text}");
        }
        for text in [
            "It is already history .",
            "Mr. President, 3 : 1 .",
            "www. afp",
        ] {
            assert!(!may_hold_item(text), "{text}");
            assert!(!set.is_match(text), "{text}");
        }
    }

    #[test]
    fn every_kind_compiles() {
        let (kinds, _) = compiled();
        assert_eq!(kinds.len(), 5);
        // Each kind's own pattern is compiled on first use, at check time: try them all here.
        for kind in kinds {
            assert!(items(kind, "").is_empty(), "{}", kind.name);
        }
    }
}
