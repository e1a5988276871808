//! verbatim-mismatch: URLs, e-mail addresses, file names, code and handles that must be
//! carried over exactly, missing or changed in the target.

use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity, Span};
use regex::{Regex, RegexSet};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

pub struct Verbatim;

static RULE: Rule = Rule {
    id: "verbatim-mismatch",
    category: "accuracy/do-not-translate",
    severity: Severity::Major,
    summary: "A URL, e-mail address, file name or path, code, option or shortcut changed or \
missing in the target.",
    explanation: "Addresses, file names and paths, inline code, command-line options \
(`--verbose`) and social handles are copied, not translated: one changed character breaks a \
link. Each is matched exactly between source and target, but for key combinations, compared \
key by key whatever the case and the spaces, with each language's names for the keys \
(`Strg+C` and `Ctrl + c` are `Ctrl+C`, `Ctrl+Maj+S` is `Ctrl+Shift+S`; the suggestion keeps \
the target's names); a source item without its copy is reported as changed when the target has another \
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
    #[serde(default)]
    case_insensitive: bool,
    #[serde(default)]
    aliases: HashMap<String, String>,
}

struct Kind {
    name: String,
    pattern_text: String,
    /// Compiled on first use: most runs meet few kinds, and the set already tells which.
    pattern: OnceLock<Regex>,
    trim: Vec<char>,
    case_insensitive: bool,
    /// Each other name of a word, folded to lower case, and the word it names.
    aliases: HashMap<String, String>,
}

impl Kind {
    /// Whether items are compared by their words rather than character for character.
    fn compares_words(&self) -> bool {
        self.case_insensitive || !self.aliases.is_empty()
    }

    /// What two items of the kind must share: the text itself, or for a kind compared by its
    /// words, each word in lower case as its alias names it, spaces left out (`Strg + c` and
    /// `Ctrl+C` are one key combination).
    fn key(&self, item: &str) -> String {
        if !self.compares_words() {
            return item.to_string();
        }
        let mut key = String::with_capacity(item.len());
        for (word, is_word) in word_runs(item) {
            if !is_word {
                key.extend(word.chars().filter(|c| !c.is_whitespace()));
                continue;
            }
            let lower = if self.case_insensitive {
                word.to_lowercase()
            } else {
                word.to_string()
            };
            key.push_str(self.aliases.get(&lower).map_or(&lower, |named| named));
        }
        key
    }

    /// The source's item as the target would write it: each of its words that the target's
    /// item writes another way (`Ctrl` as `Strg`) so written, without spaces if it has none.
    /// Items compared character for character are suggested as they are.
    fn suggestion(&self, source: &str, target: &str) -> String {
        if !self.compares_words() {
            return source.to_string();
        }
        let target_words: Vec<&str> = (word_runs(target).filter(|(_, is_word)| *is_word))
            .map(|(word, _)| word)
            .collect();
        // Spaced as the target's item is (`Ctrl + C` suggested as `Ctrl+C` after `Ctrl+V`).
        let spaced = target.contains(char::is_whitespace);
        word_runs(source)
            .map(|(word, is_word)| {
                let same = |t: &&&str| is_word && self.key(t) == self.key(word);
                target_words.iter().find(same).copied().unwrap_or(word)
            })
            .filter(|run| spaced || !run.trim().is_empty())
            .map(|run| if spaced { run } else { run.trim() })
            .collect()
    }
}

/// The runs of letters and digits of a text and the runs between them, each with whether it
/// is a word.
fn word_runs(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let is_word = first.is_alphanumeric();
        let end = rest
            .find(|c: char| c.is_alphanumeric() != is_word)
            .unwrap_or(rest.len());
        let (run, after) = rest.split_at(end);
        rest = after;
        Some((run, is_word))
    })
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
                case_insensitive: k.case_insensitive,
                aliases: (k.aliases.into_iter())
                    .map(|(alias, word)| (alias.to_lowercase(), word))
                    .collect(),
            })
            .collect();
        (kinds, set)
    })
}

/// Whether `text` may hold an item of some kind, by a character that each kind's pattern
/// needs: `@` (an e-mail address, a handle), `#` (a hashtag), `` ` `` (code), `+` (a key
/// combination), `:/` (`https://`), `:\` (`C:\Users`), a `.` with more than a space after it
/// (`www.afp.com`, `report.pdf`), `--` before a letter (`--verbose`) or a `/` after no letter
/// or digit and before one (`/etc/hosts`, `~/notes`). Most segments have none of them, only a
/// final period, and are spared the scan of the set; `false` means that no pattern matches
/// (`every_kind_needs_a_clue` tries an item of each).
fn may_hold_item(text: &str) -> bool {
    let bytes = text.as_bytes();
    let alphanumeric_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let alphabetic_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    memchr::memchr3(b'@', b'#', b'`', bytes).is_some()
        || memchr::memchr3_iter(b'.', b':', b'+', bytes).any(|i| {
            match (bytes[i], bytes.get(i + 1)) {
                (b':', Some(b'/' | b'\\')) | (b'+', _) => true,
                (b'.', Some(next)) => !next.is_ascii_whitespace(),
                _ => false,
            }
        })
        || memchr::memchr2_iter(b'-', b'/', bytes).any(|i| match bytes[i] {
            b'-' => bytes.get(i + 1) == Some(&b'-') && alphabetic_at(i + 2),
            _ => (i == 0 || !alphanumeric_at(i - 1)) && alphanumeric_at(i + 1),
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

/// The spans of the items of every kind in a text: what other checks leave to this one (a
/// code inside a URL, `page2`).
pub(crate) fn item_spans(text: &str) -> Vec<Span> {
    let (kinds, set) = compiled();
    if !may_hold_item(text) {
        return Vec::new();
    }
    let matched = set.matches(text);
    let mut claimed = Vec::new();
    for (k, kind) in kinds.iter().enumerate() {
        if matched.matched(k) {
            unclaimed_items(kind, text, &mut claimed);
        }
    }
    claimed
}

/// The items of one kind in a text that overlap no item of a kind before, now claimed too.
fn unclaimed_items<'t>(
    kind: &Kind,
    text: &'t str,
    claimed: &mut Vec<Span>,
) -> Vec<(Span, &'t str)> {
    let found: Vec<_> = (items(kind, text).into_iter())
        .filter(|(s, _)| !claimed.iter().any(|c| c.overlaps(*s)))
        .collect();
    claimed.extend(found.iter().map(|(s, _)| *s));
    found
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
        // Spans of the items found, on each side: an e-mail's domain is not a URL too, nor a
        // file's path a handle.
        let mut claimed: (Vec<Span>, Vec<Span>) = (Vec::new(), Vec::new());
        for (k, kind) in kinds.iter().enumerate() {
            if !in_source.matched(k) && !in_target.matched(k) {
                // No item of this kind on either side: nothing to compare, nothing claimed.
                continue;
            }
            let source = unclaimed_items(kind, ctx.source.text, &mut claimed.0);
            let target = unclaimed_items(kind, ctx.target.text, &mut claimed.1);
            let target_keys: Vec<String> = target.iter().map(|(_, t)| kind.key(t)).collect();
            let mut target_used = vec![false; target.len()];
            let mut missing = Vec::new();
            for (span, text) in &source {
                let key = kind.key(text);
                match (target_keys.iter().enumerate())
                    .position(|(j, t)| !target_used[j] && *t == key)
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
                        .with_suggestion(kind.suggestion(text, changed)),
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
    fn paths_options_and_key_combinations() {
        let found = run(
            &Verbatim,
            "Edit /etc/hosts, then run ./configure --prefix=/opt.",
            "Modifiez /etc/host, puis lancez ./configure --prefixe=/opt.",
        );
        let flagged: Vec<&str> = found.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(flagged, ["/etc/host", "--prefixe=/opt"]);
        // A slash inside a word or between spaces is no path.
        assert!(run(&Verbatim, "In km/h and/or 1 / 2.", "En km/h et/ou 1 / 2.").is_empty());
        let found = run(&Verbatim, "Press Ctrl+C.", "Appuyez sur Ctrl+V.");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("Ctrl+C"));
    }

    #[test]
    fn key_combinations_are_compared_key_by_key_in_each_language() {
        let press = "Press Ctrl + Shift + s to save.";
        assert!(run(&Verbatim, press, "Appuyez sur Ctrl+Maj+S pour enregistrer.").is_empty());
        let found = run(&Verbatim, press, "Appuyez sur Ctrl+Maj+D pour enregistrer.");
        assert_eq!(found.len(), 1);
        // The suggestion names the keys as the target does.
        assert_eq!(found[0].0.suggestion.as_deref(), Some("Ctrl+Maj+s"));
        let german = |target: &str| {
            crate::checks::testing::run_with(
                &Verbatim,
                "Press Ctrl+C to copy.",
                target,
                "en",
                "de",
                &Default::default(),
            )
        };
        assert!(german("Drücken Sie Strg+C zum Kopieren.").is_empty());
        assert_eq!(
            german("Drücken Sie Strg+V.")[0].0.suggestion.as_deref(),
            Some("Strg+C")
        );
    }

    #[test]
    fn an_item_inside_another_is_compared_once() {
        // The URL's path is no file path of its own, on either side.
        let found = run(
            &Verbatim,
            "See https://example.com/a/b now.",
            "Voir https://example.com/a/c maintenant.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.message.starts_with("URL"));
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
            "edit /etc/hosts",
            "see ~/notes",
            "run ./configure",
            r"open C:\Users",
            "use --verbose",
            "press Ctrl+C",
        ];
        for text in items {
            assert!(set.is_match(text), "{text}");
            assert!(may_hold_item(text), "{text}");
        }
        for text in [
            "It is already history .",
            "Mr. President, 3 : 1 .",
            "www. afp",
            "and/or 50 km/h , 1 / 2",
            "a well-known - and -- cheap - fix",
        ] {
            assert!(!may_hold_item(text), "{text}");
            assert!(!set.is_match(text), "{text}");
        }
    }

    #[test]
    fn every_kind_compiles() {
        let (kinds, _) = compiled();
        assert_eq!(kinds.len(), 8);
        // Each kind's own pattern is compiled on first use, at check time: try them all here.
        for kind in kinds {
            assert!(items(kind, "").is_empty(), "{}", kind.name);
        }
    }
}
