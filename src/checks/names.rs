//! Names in a source segment that its translation should carry over: brands, people,
//! places, acronyms. Shared by the entity checks.

use super::BeadContext;
use crate::locale::pair::NameClass;
use crate::model::Span;
use crate::textutil::{Word, fold, words};

/// A name of the source segment.
#[derive(Debug, Clone)]
pub struct SourceName<'a> {
    pub text: &'a str,
    /// Span relative to the bead's source text.
    pub span: Span,
    pub folded: String,
}

/// How a source name fares in the target.
#[derive(Debug, Clone, PartialEq)]
pub enum NameStatus {
    /// Written the same (case and accents aside) or translated as the pair's data expects.
    Present,
    /// A target word (or two joined) close to the name but different: a likely misspelling.
    Misspelt {
        span: Span,
        text: String,
        spacing_only: bool,
    },
    /// No trace of it.
    Missing,
}

/// Capitalised words of the source that are names: not sentence-initial unless the document
/// uses them as names elsewhere, not function words, not words the document writes in lower
/// case.
pub fn source_names<'a>(ctx: &BeadContext<'a>) -> Vec<SourceName<'a>> {
    let side = &ctx.source;
    words(side.text)
        .into_iter()
        .filter(|w| is_name_like(ctx, w))
        .map(|w| SourceName {
            text: w.text,
            span: w.span,
            folded: fold(w.text).replace('.', ""),
        })
        .collect()
}

fn is_name_like(ctx: &BeadContext, w: &Word) -> bool {
    let text = w.text;
    if text.chars().count() < 2 || !text.chars().any(char::is_uppercase) {
        return false;
    }
    if !text.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let folded = fold(text);
    if ctx.source.lang.stopwords.contains(&folded) {
        return false;
    }
    let distinctive =
        is_acronym(text) || has_inner_capital(text) || text.chars().any(|c| c.is_ascii_digit());
    if distinctive {
        return true;
    }
    if ctx.document.lowercase.contains(&folded) {
        return false;
    }
    !ctx.source.starts_sentence_at(w.span.start) || ctx.document.names.contains(&folded)
}

/// `AFP`, `CNBC`, `U.S`: two or more capitals and no lower-case letter.
pub fn is_acronym(text: &str) -> bool {
    text.chars().filter(|c| c.is_uppercase()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// `JPMorgan`, `iPhone`, `McDonald`: a capital after a lower-case letter.
fn has_inner_capital(text: &str) -> bool {
    text.chars()
        .zip(text.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// Looks for the name in the target.
pub fn status_in_target(ctx: &BeadContext, name: &SourceName, names: &[SourceName]) -> NameStatus {
    let target_words = words(ctx.target.text);
    let folded_target: Vec<String> = target_words
        .iter()
        .map(|w| fold(w.text).replace('.', ""))
        .collect();
    if folded_target.contains(&name.folded) {
        return NameStatus::Present;
    }
    if ctx.pair.translated_words.contains(&name.folded)
        || classes_of(ctx, name, names).next().is_some()
    {
        // A name the languages write differently: present or not, the entity checks leave it
        // to the omission checks.
        return NameStatus::Present;
    }
    if folded_target
        .iter()
        .any(|t| is_adaptation(&name.folded, t, &ctx.pair.name_endings))
    {
        // Adapted to the target language (`Colombia` → `Colombie`, `Salzburg` → `Salzbourg`).
        return NameStatus::Present;
    }
    closest_variant(name, &target_words, &folded_target, names).unwrap_or(NameStatus::Missing)
}

/// Name classes that hold this name alone or as part of a run of capitalised words around it
/// (`White House`, `Prime Minister`).
fn classes_of<'c>(
    ctx: &'c BeadContext,
    name: &SourceName,
    names: &[SourceName],
) -> impl Iterator<Item = &'c NameClass> {
    let at = names.iter().position(|n| n.span == name.span).unwrap_or(0);
    let mut phrases = vec![name.folded.clone()];
    for len in 2..=3 {
        for start in at.saturating_sub(len - 1)..=at {
            if let Some(run) = names.get(start..start + len)
                && run.windows(2).all(|p| {
                    ctx.source.text[p[0].span.end..p[1].span.start]
                        .trim()
                        .is_empty()
                })
            {
                phrases.push(
                    run.iter()
                        .map(|n| n.folded.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
    }
    ctx.pair.names.iter().filter(move |c| {
        phrases
            .iter()
            .any(|p| c.source_forms.iter().any(|f| f.matches(p)))
    })
}

/// Minimum similarity (normalized Damerau–Levenshtein on folded text) of a misspelling.
const MISSPELLING_SIMILARITY: f64 = 0.8;

fn closest_variant(
    name: &SourceName,
    target_words: &[Word],
    folded_target: &[String],
    names: &[SourceName],
) -> Option<NameStatus> {
    if name.folded.chars().count() < 4 {
        return None;
    }
    // The same letters with a hyphen or space more or less (`Miskolc-Tapolca`).
    let unhyphenated = |t: &str| t.replace('-', "");
    for (w, t) in target_words.iter().zip(folded_target) {
        if t.contains('-') != name.folded.contains('-')
            && unhyphenated(t) == unhyphenated(&name.folded)
        {
            return Some(NameStatus::Misspelt {
                span: w.span,
                text: w.text.to_string(),
                spacing_only: true,
            });
        }
    }
    // Two target words joined (`JP Morgan` for `JPMorgan`).
    for (i, pair) in folded_target.windows(2).enumerate() {
        if format!("{}{}", pair[0], pair[1]) == name.folded {
            let span = Span::new(target_words[i].span.start, target_words[i + 1].span.end);
            return Some(NameStatus::Misspelt {
                span,
                text: String::new(),
                spacing_only: true,
            });
        }
    }
    let is_source_name = |t: &str| names.iter().any(|n| n.folded == t);
    target_words
        .iter()
        .zip(folded_target)
        .filter(|(w, t)| {
            w.text.chars().next().is_some_and(char::is_uppercase)
                && t.chars().next() == name.folded.chars().next()
                && !is_source_name(t)
        })
        .map(|(w, t)| (w, strsim::normalized_damerau_levenshtein(t, &name.folded)))
        .filter(|(_, sim)| *sim >= MISSPELLING_SIMILARITY)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(w, _)| NameStatus::Misspelt {
            span: w.span,
            text: w.text.to_string(),
            spacing_only: false,
        })
}

/// `kurds`/`kurdes`, `colombia`/`colombie`, `revolutionary`/`revolutionnaire`: the same
/// stem with another ending, as names take when a language adapts them, or an ending the
/// pair's data lists (`salzburg`/`salzbourg`). A changed letter inside the word (`facebrook`)
/// is not an adaptation.
fn is_adaptation(source: &str, target: &str, endings: &[(String, String)]) -> bool {
    let common = source
        .chars()
        .zip(target.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let shorter = source.chars().count().min(target.chars().count());
    let same_stem = common >= 4 && (common + 1 >= shorter || common * 10 >= shorter * 7);
    same_stem
        || endings.iter().any(|(from, to)| {
            source.strip_suffix(from.as_str()).is_some_and(|stem| {
                stem.len() >= 3 && target.strip_suffix(to.as_str()) == Some(stem)
            })
        })
}
