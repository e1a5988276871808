//! Words of opposite meaning in a language pair (`rose` ↔ `a baissé`), from
//! `data/<pair>/opposites.toml`: the forms of each sense in each language, matched on the
//! folded words of a segment, read in either direction.

use crate::textutil::{FirstTwoBytes, fold};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Clone, thiserror::Error)]
pub enum OppositesError {
    #[error("data/{pair}/opposites.toml: {source}")]
    Syntax {
        pair: &'static str,
        source: toml::de::Error,
    },
    #[error("data/{pair}/opposites.toml: pair {index} has no `{lang}` forms")]
    MissingForms {
        pair: &'static str,
        index: usize,
        lang: String,
    },
    #[error(
        "data/{pair}/opposites.toml: `{form}`: a form starts with a word, an open ending after \
         three letters at least"
    )]
    BadForm { pair: &'static str, form: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OppositesFile {
    /// Language code → phrases whose words are none of the forms (`after all`).
    #[serde(default)]
    idioms: HashMap<String, Vec<String>>,
    #[serde(default)]
    pair: Vec<PairEntry>,
}

#[derive(Debug, Deserialize)]
struct PairEntry {
    /// Language code → the forms of the first sense.
    #[serde(flatten)]
    forms: HashMap<String, Vec<String>>,
    /// Language code → the forms of its opposite.
    opposite: HashMap<String, Vec<String>>,
}

/// The opposites of one direction of a pair: the source language's forms and the target's.
#[derive(Debug, Default)]
pub struct Opposites {
    source: Forms,
    target: Forms,
}

/// Where a segment says one of the senses: words `first..end` of its side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The pair's index, times two, plus one for the opposite sense.
    sense: u32,
    pub first: usize,
    pub end: usize,
}

impl Mention {
    /// The sense said: the pair's index, times two, plus one for the opposite sense.
    pub fn sense(&self) -> u32 {
        self.sense
    }

    /// The pair of senses the mention belongs to.
    pub fn pair(&self) -> u32 {
        self.sense / 2
    }

    /// Whether it says the pair's second sense (`fell`) rather than its first (`rose`).
    pub fn is_opposite(&self) -> bool {
        self.sense % 2 == 1
    }
}

impl Opposites {
    /// Reads `text` (the pair's `opposites.toml`) for `source` → `target`.
    pub fn parse(
        text: &str,
        pair: &'static str,
        source: &str,
        target: &str,
    ) -> Result<Self, OppositesError> {
        if text.is_empty() {
            return Ok(Self::default());
        }
        let file: OppositesFile =
            toml::from_str(text).map_err(|source| OppositesError::Syntax { pair, source })?;
        Ok(Opposites {
            source: Forms::of_language(&file, source, pair)?,
            target: Forms::of_language(&file, target, pair)?,
        })
    }

    /// The senses the source says, in the order of its words; `word(i)` is word `i` folded.
    pub fn in_source<'w>(&self, count: usize, word: impl Fn(usize) -> &'w str) -> Vec<Mention> {
        self.source.mentions(count, word)
    }

    /// For the evaluator: when the target's `folded` word is a whole form of one of the senses,
    /// that sense and a whole one-word form of its opposite, as the data writes it (`augmenté`
    /// → `diminué`'s pair's first such form).
    pub fn target_opposite(&self, folded: &str) -> Option<(u32, &str)> {
        let forms = &self.target.forms;
        let whole_word = |form: &&Form| form.words.len() == 1 && !form.open_ending;
        let sense = (forms.iter().filter(whole_word))
            .find(|form| form.words[0] == folded)?
            .sense?;
        let opposite =
            (forms.iter().filter(whole_word)).find(|form| form.sense == Some(sense ^ 1))?;
        Some((sense, opposite.written.as_str()))
    }

    /// The senses the target says, in the order of its words.
    pub fn in_target<'w>(&self, count: usize, word: impl Fn(usize) -> &'w str) -> Vec<Mention> {
        self.target.mentions(count, word)
    }
}

/// One language's forms, indexed by the first three bytes of their first word: a segment's
/// words are each looked at once, and hardly any starts like a form.
#[derive(Debug, Default)]
struct Forms {
    forms: Vec<Form>,
    by_start: rustc_hash::FxHashMap<[u8; 3], Vec<u32>>,
    /// The first two bytes of each form's first word, which turn most words away unhashed.
    first_two: FirstTwoBytes,
}

#[derive(Debug)]
struct Form {
    /// As the data writes it, without its open ending's `*`.
    written: String,
    /// Folded words; the last one a beginning when `open_ending`.
    words: Vec<String>,
    open_ending: bool,
    /// `None` for an idiom, whose words say none of the senses.
    sense: Option<u32>,
}

impl Form {
    /// Whether the form matches the words from `first`.
    fn matches_at<'w>(&self, first: usize, count: usize, word: &impl Fn(usize) -> &'w str) -> bool {
        if first + self.words.len() > count {
            return false;
        }
        let last = self.words.len() - 1;
        self.words.iter().enumerate().all(|(k, form_word)| {
            let word = word(first + k);
            if form_word == NUMBER {
                word.starts_with(|c: char| c.is_ascii_digit())
            } else if k == last && self.open_ending {
                word.starts_with(form_word.as_str())
            } else {
                word == form_word
            }
        })
    }
}

impl Forms {
    fn of_language(
        file: &OppositesFile,
        lang: &str,
        pair: &'static str,
    ) -> Result<Self, OppositesError> {
        let mut forms = Forms::default();
        for idiom in file.idioms.get(lang).into_iter().flatten() {
            forms.add(idiom, None, pair)?;
        }
        for (index, entry) in file.pair.iter().enumerate() {
            let missing = || OppositesError::MissingForms {
                pair,
                index: index + 1,
                lang: lang.to_string(),
            };
            let first = entry.forms.get(lang).ok_or_else(missing)?;
            let opposite = entry.opposite.get(lang).ok_or_else(missing)?;
            let sense = 2 * index as u32;
            for form in first {
                forms.add(form, Some(sense), pair)?;
            }
            for form in opposite {
                forms.add(form, Some(sense + 1), pair)?;
            }
        }
        Ok(forms)
    }

    fn add(
        &mut self,
        text: &str,
        sense: Option<u32>,
        pair: &'static str,
    ) -> Result<(), OppositesError> {
        let (body, open_ending) = match text.strip_suffix('*') {
            Some(body) => (body, true),
            None => (text, false),
        };
        // `#` stands for a number written in digits (`over #`: `over 40`, not `over the years`).
        let words: Vec<String> = body
            .split_whitespace()
            .flat_map(|part| match part {
                NUMBER => vec![NUMBER.to_string()],
                _ => (crate::textutil::words(part).iter())
                    .map(|w| fold(w.text))
                    .collect(),
            })
            .collect();
        let too_short = |w: &String| w.len() < KEY_BYTES;
        let starts_with_word = words.first().is_some_and(|w| w != NUMBER);
        if !starts_with_word || (open_ending && words.last().is_some_and(too_short)) {
            return Err(OppositesError::BadForm {
                pair,
                form: text.to_string(),
            });
        }
        let key = start_key(&words[0]);
        self.by_start
            .entry(key)
            .or_default()
            .push(self.forms.len() as u32);
        self.first_two.insert(&words[0]);
        self.forms.push(Form {
            written: body.to_string(),
            words,
            open_ending,
            sense,
        });
        Ok(())
    }

    /// The senses said by the `count` words, each word in one form at most (the longest that
    /// starts there; an idiom's words in none).
    fn mentions<'w>(&self, count: usize, word: impl Fn(usize) -> &'w str) -> Vec<Mention> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < count {
            if !self.first_two.may_hold(word(i)) {
                i += 1;
                continue;
            }
            let longest = (self.by_start.get(&start_key(word(i))).into_iter().flatten())
                .map(|&f| &self.forms[f as usize])
                .filter(|form| form.matches_at(i, count, &word))
                .max_by_key(|form| form.words.len());
            match longest {
                Some(form) => {
                    let end = i + form.words.len();
                    if let Some(sense) = form.sense {
                        found.push(Mention {
                            sense,
                            first: i,
                            end,
                        });
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}

/// A form's word that matches any number written in digits.
const NUMBER: &str = "#";

/// How many bytes of a word's start index the forms.
const KEY_BYTES: usize = 3;

/// The first [`KEY_BYTES`] bytes of a folded word (a shorter word padded with zero).
fn start_key(word: &str) -> [u8; KEY_BYTES] {
    let mut key = [0; KEY_BYTES];
    for (slot, byte) in key.iter_mut().zip(word.bytes()) {
        *slot = byte;
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = r#"
[idioms]
en = ["more than ever"]
fr = ["plus de mal"]

[[pair]]
en = ["rise", "increas*"]
fr = ["hausse", "augment*"]
opposite.en = ["fall", "fell"]
opposite.fr = ["baisse", "diminu*"]

[[pair]]
en = ["more than", "over #"]
fr = ["plus de"]
opposite.en = ["less than"]
opposite.fr = ["moins de"]
"#;

    fn mentions(opposites: &Opposites, text: &str, source: bool) -> Vec<(u32, bool, String)> {
        let words: Vec<String> = crate::textutil::words(text)
            .iter()
            .map(|w| fold(w.text))
            .collect();
        let found = if source {
            opposites.in_source(words.len(), |i| words[i].as_str())
        } else {
            opposites.in_target(words.len(), |i| words[i].as_str())
        };
        found
            .iter()
            .map(|m| (m.pair(), m.is_opposite(), words[m.first..m.end].join(" ")))
            .collect()
    }

    #[test]
    fn forms_are_matched_folded_longest_first_idioms_aside() {
        let opposites = Opposites::parse(DATA, "en-fr", "en", "fr").unwrap();
        assert_eq!(
            mentions(&opposites, "Prices fell by more than 5%.", true),
            vec![(0, true, "fell".into()), (1, false, "more than".into())]
        );
        assert_eq!(
            mentions(&opposites, "Les prix ont Augmenté de moins de 5 %.", false),
            vec![(0, false, "augmente".into()), (1, true, "moins de".into())]
        );
        // An idiom's words say none of the senses.
        assert!(mentions(&opposites, "More than ever.", true).is_empty());
        // `#` is a number in digits.
        assert_eq!(
            mentions(&opposites, "Over 40 of them, over the years.", true),
            vec![(1, false, "over 40".into())]
        );
        assert!(mentions(&opposites, "Il a plus de mal.", false).is_empty());
        // Read the other way, French is the source.
        let reverse = Opposites::parse(DATA, "en-fr", "fr", "en").unwrap();
        assert_eq!(
            mentions(&reverse, "Une baisse.", true),
            vec![(0, true, "baisse".into())]
        );
    }

    #[test]
    fn bad_data_is_an_error() {
        let missing = "[[pair]]\nen = [\"rise\"]\nopposite.en = [\"fall\"]\n";
        assert!(matches!(
            Opposites::parse(missing, "en-fr", "en", "fr"),
            Err(OppositesError::MissingForms { .. })
        ));
        let short =
            "[[pair]]\nen = [\"r*\"]\nfr = [\"a\"]\nopposite.en = [\"f\"]\nopposite.fr = [\"b\"]\n";
        assert!(matches!(
            Opposites::parse(short, "en-fr", "en", "fr"),
            Err(OppositesError::BadForm { .. })
        ));
    }
}
