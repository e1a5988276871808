//! Error injection for evaluation: takes a clean line-aligned pair and plants one error of a
//! known type at a known place in the translation, reproducibly from a seed. The
//! `transcheck-eval` binary uses it to measure recall per error type and false alarms on the
//! pairs left untouched.

use crate::locale::Language;
use crate::locale::calendar::CalendarName;
use crate::locale::pair::PairKnowledge;
use regex::Regex;
use std::sync::OnceLock;

/// The kinds of error the evaluator plants, and the rules expected to catch each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorType {
    ChangedNumber,
    ScaleWord,
    UnitSwapped,
    MisspeltName,
    DroppedSentence,
    DroppedClause,
    AddedSentence,
    Untranslated,
    FalseFriend,
    ChangedUrl,
    BrokenQuotes,
    BrokenSpacing,
    BrokenElision,
    DateSwapped,
    PhraseRepeated,
    OppositeSwapped,
    CurrencySwapped,
    NumberWordChanged,
    NegationDropped,
}

impl ErrorType {
    pub const ALL: [ErrorType; 19] = [
        ErrorType::ChangedNumber,
        ErrorType::ScaleWord,
        ErrorType::MisspeltName,
        ErrorType::DroppedSentence,
        ErrorType::DroppedClause,
        ErrorType::AddedSentence,
        ErrorType::Untranslated,
        ErrorType::FalseFriend,
        ErrorType::ChangedUrl,
        ErrorType::BrokenQuotes,
        ErrorType::BrokenSpacing,
        // Last, so that adding them left the other types' seeds (their index) as they were.
        ErrorType::UnitSwapped,
        ErrorType::BrokenElision,
        ErrorType::DateSwapped,
        ErrorType::PhraseRepeated,
        ErrorType::OppositeSwapped,
        ErrorType::CurrencySwapped,
        ErrorType::NumberWordChanged,
        ErrorType::NegationDropped,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ErrorType::ChangedNumber => "changed number",
            ErrorType::ScaleWord => "scale word swapped",
            ErrorType::UnitSwapped => "unit swapped",
            ErrorType::MisspeltName => "misspelt name",
            ErrorType::DroppedSentence => "dropped sentence",
            ErrorType::DroppedClause => "dropped clause",
            ErrorType::AddedSentence => "added sentence",
            ErrorType::Untranslated => "untranslated sentence",
            ErrorType::FalseFriend => "false friend",
            ErrorType::ChangedUrl => "URL changed",
            ErrorType::BrokenQuotes => "quotes broken",
            ErrorType::BrokenSpacing => "no-break spaces broken",
            ErrorType::BrokenElision => "elision broken",
            ErrorType::DateSwapped => "month or day swapped",
            ErrorType::PhraseRepeated => "phrase repeated",
            ErrorType::OppositeSwapped => "opposite swapped",
            ErrorType::CurrencySwapped => "currency swapped",
            ErrorType::NumberWordChanged => "number word changed",
            ErrorType::NegationDropped => "negation dropped",
        }
    }

    /// Rules whose finding on the injected segment counts as catching the error.
    pub fn expected_rules(self) -> &'static [&'static str] {
        match self {
            ErrorType::ChangedNumber
            | ErrorType::ScaleWord
            | ErrorType::UnitSwapped
            | ErrorType::NumberWordChanged => &["number-mismatch"],
            ErrorType::MisspeltName => &["entity-misspelt"],
            ErrorType::DroppedSentence | ErrorType::DroppedClause => &["omission"],
            ErrorType::AddedSentence => &["addition"],
            ErrorType::Untranslated => &["untranslated", "untranslated-fragment"],
            ErrorType::FalseFriend => &["term-false-friend"],
            ErrorType::ChangedUrl => &["verbatim-mismatch"],
            ErrorType::BrokenQuotes => &["typography-quotes", "punctuation-unbalanced"],
            ErrorType::BrokenSpacing => &["typography-spacing"],
            ErrorType::BrokenElision => &["elision"],
            ErrorType::DateSwapped => &["date-mismatch"],
            ErrorType::PhraseRepeated => &["repeated-word"],
            ErrorType::OppositeSwapped => &["opposite-meaning"],
            ErrorType::CurrencySwapped => &["currency-mismatch"],
            ErrorType::NegationDropped => &["negation-missing"],
        }
    }
}

/// A deterministic pseudo-random generator (SplitMix64): the same seed gives the same
/// injections on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Shuffles in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// One pair after injection.
#[derive(Debug, Clone, PartialEq)]
pub struct Injected {
    pub source: String,
    pub target: String,
}

/// What the injector needs to know about the pair's languages.
pub struct Injector<'a> {
    pub source_lang: &'a Language,
    pub target_lang: &'a Language,
    pub pair: &'a PairKnowledge,
    /// Target sentences of other pairs, to add as unrelated content.
    pub pool: &'a [String],
    /// Source sentences of other pairs, for sentences the target leaves out.
    pub source_pool: &'a [String],
}

/// The word of the unit of `lang` that measures `unit`'s quantity with the next larger size
/// (the next smaller, for the largest), alphabetically first among equals.
fn other_unit<'l>(lang: &'l Language, unit: &crate::locale::Unit) -> Option<&'l str> {
    let mut others: Vec<(&str, f64)> = lang
        .units
        .iter()
        .filter(|(_, u)| u.quantity == unit.quantity && u.size != unit.size)
        .map(|(word, u)| (word.as_str(), u.size))
        .collect();
    others.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(b.0)));
    let larger = others.iter().find(|(_, size)| *size > unit.size);
    let smaller = others.iter().rev().find(|(_, size)| *size < unit.size);
    larger.or(smaller).map(|(word, _)| *word)
}

/// Whether `text` writes a currency sign, code or name of `lang`.
fn writes_a_currency(text: &str, lang: &Language) -> bool {
    let money = &lang.money;
    money
        .all_signs()
        .iter()
        .any(|sign| text.contains(sign.as_str()))
        || crate::textutil::word_iter(text)
            .any(|w| money.codes_of_name(&w.text.to_lowercase()).is_some())
}

/// The name (alphabetically first, in the number asked) of the currency with `code` in
/// `money`'s table.
fn other_currency_name<'m>(
    money: &'m crate::locale::Money,
    code: &str,
    plural: bool,
) -> Option<&'m str> {
    (money.signs.iter())
        .filter(|(name, signs)| signs.iter().any(|s| s == code) && name.ends_with('s') == plural)
        .map(|(name, _)| name.as_str())
        .min()
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("static regex"))
}

impl Injector<'_> {
    /// Plants one error of `kind` in the pair, or `None` when the pair offers no place for it.
    pub fn inject(
        &self,
        kind: ErrorType,
        source: &str,
        target: &str,
        rng: &mut Rng,
    ) -> Option<Injected> {
        let keep_source = |t: String| Injected {
            source: source.to_string(),
            target: t,
        };
        match kind {
            ErrorType::ChangedNumber => change_number(target, rng).map(keep_source),
            ErrorType::ScaleWord => self.swap_scale(target).map(keep_source),
            ErrorType::UnitSwapped => self.swap_unit(target).map(keep_source),
            ErrorType::MisspeltName => misspell_name(source, target, rng).map(keep_source),
            ErrorType::DroppedSentence => self.drop_sentence(source, rng).map(|s| Injected {
                source: s,
                target: target.to_string(),
            }),
            ErrorType::DroppedClause => drop_clause(target, rng).map(keep_source),
            ErrorType::AddedSentence => self.add_sentence(target, rng).map(keep_source),
            ErrorType::Untranslated => (word_count(source) >= 3 && source.trim() != target.trim())
                .then(|| keep_source(source.to_string())),
            ErrorType::FalseFriend => self.false_friend(source, target).map(keep_source),
            ErrorType::ChangedUrl => Some(change_url(source, target, rng)),
            ErrorType::BrokenQuotes => self.break_quotes(target).map(keep_source),
            ErrorType::BrokenSpacing => self.break_spacing(target).map(keep_source),
            ErrorType::BrokenElision => self.break_elision(target, rng).map(keep_source),
            ErrorType::DateSwapped => self.swap_date(source, target, rng).map(keep_source),
            ErrorType::PhraseRepeated => repeat_phrase(target, rng).map(keep_source),
            ErrorType::OppositeSwapped => self.swap_opposite(source, target, rng).map(keep_source),
            ErrorType::CurrencySwapped => self.swap_currency(source, target).map(keep_source),
            ErrorType::NumberWordChanged => self.change_number_word(target, rng).map(keep_source),
            ErrorType::NegationDropped => self.drop_negation(source, target, rng).map(keep_source),
        }
    }

    fn swap_scale(&self, target: &str) -> Option<String> {
        // Swap for the next larger scale word of the language (million → milliard), in the
        // same number (millions → milliards).
        let words = &self.target_lang.write_scale;
        for (i, word) in words.iter().enumerate() {
            let Some(next) = words.get(i + 1).or(words.first()).filter(|n| *n != word) else {
                continue;
            };
            // The plural first: at the same place, the longer form is the word.
            let pattern = format!(
                r"\b(?:{}|{})\b",
                regex::escape(&word.plural),
                regex::escape(&word.singular)
            );
            if let Some(m) = Regex::new(&pattern).expect("escaped words").find(target) {
                let replacement = if m.as_str() == word.plural {
                    &next.plural
                } else {
                    &next.singular
                };
                return Some(format!(
                    "{}{replacement}{}",
                    &target[..m.start()],
                    &target[m.end()..]
                ));
            }
        }
        None
    }

    /// The first unit of measure after a number in the target (`30 km`) replaced by another
    /// unit of the same quantity, the number kept (`30 miles`): a conversion forgotten or
    /// made twice. The unit taken is the next larger one the language lists (the smaller, for
    /// its largest), so that the swap is the same on every run.
    fn swap_unit(&self, target: &str) -> Option<String> {
        let lang = self.target_lang;
        static NUMBER_THEN_WORD: OnceLock<Regex> = OnceLock::new();
        let number_then_word = regex(&NUMBER_THEN_WORD, r"\d[-\s]?(\p{L}+[²2]?)");
        number_then_word.captures_iter(target).find_map(|c| {
            let word = c.get(1)?;
            // An elided word is no unit (`l'épisode 21 m'a`).
            if target[word.end()..].starts_with(['\'', '’']) {
                return None;
            }
            let unit = lang.unit(word.as_str())?;
            let other = other_unit(lang, unit)?;
            Some(format!(
                "{}{other}{}",
                &target[..word.start()],
                &target[word.end()..]
            ))
        })
    }

    /// The first currency of the target written right beside a number (a sign, a code before
    /// it, or a name after it: `$ 5`, `5 €`, `EUR 5`, `5 millions de dollars`) given as another: euros as dollars,
    /// any other as euros, when the source writes a currency too (else the source would not
    /// say which currency is meant).
    fn swap_currency(&self, source: &str, target: &str) -> Option<String> {
        if !writes_a_currency(source, self.source_lang) {
            return None;
        }
        let money = &self.target_lang.money;
        static AMOUNT_AND_CURRENCY: OnceLock<Regex> = OnceLock::new();
        let amount_and_currency = regex(
            &AMOUNT_AND_CURRENCY,
            r"\b(EUR|USD|GBP)\s?\d|([$€£¥])\s?\d|\d\s?([$€£¥])|\d(?:\s\p{L}+)?\s(?:d['’]\s?|de\s)?(\p{L}+)",
        );
        amount_and_currency.captures_iter(target).find_map(|c| {
            let sign = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3));
            let (found, is_sign) = match (sign, c.get(4)) {
                (Some(sign), _) => (sign, true),
                (None, name) => (name?, false),
            };
            let written = found.as_str();
            let codes = if is_sign {
                money.codes_of_sign(written)
            } else {
                money.codes_of_name(&written.to_lowercase())?
            };
            if codes.is_empty() {
                return None;
            }
            let wanted = if codes.contains(&"EUR") { "USD" } else { "EUR" };
            let code = is_sign && written.chars().all(|c| c.is_ascii_uppercase());
            let other = match (is_sign, wanted) {
                (true, _) if code => wanted,
                (true, "EUR") => "€",
                (true, _) => "$",
                (false, _) => other_currency_name(money, wanted, written.ends_with('s'))?,
            };
            Some(format!(
                "{}{other}{}",
                &target[..found.start()],
                &target[found.end()..]
            ))
        })
    }

    /// A sentence the target leaves out: the source gains a sentence of another pair (before
    /// or after its own) that the target does not translate — the mirror of
    /// [`Injector::add_sentence`]. Dropping one of the target's own sentences instead would
    /// rarely leave a source sentence out: most lines hold one sentence a side, and where the
    /// target holds more, the extra one is often an addition or half of a split sentence.
    fn drop_sentence(&self, source: &str, rng: &mut Rng) -> Option<String> {
        if source.trim().is_empty() {
            return None;
        }
        let extra = self.unrelated(self.source_pool, source, rng)?;
        Some(if rng.below(2) == 0 {
            join_sentences(extra, source)
        } else {
            join_sentences(source, extra)
        })
    }

    /// A line of `pool` of at least five words that is not `line`, if ten tries find one.
    fn unrelated<'p>(&self, pool: &'p [String], line: &str, rng: &mut Rng) -> Option<&'p str> {
        if pool.is_empty() {
            return None;
        }
        (0..10)
            .map(|_| pool[rng.below(pool.len())].as_str())
            .find(|extra| word_count(extra) >= 5 && *extra != line)
    }

    fn add_sentence(&self, target: &str, rng: &mut Rng) -> Option<String> {
        if target.trim().is_empty() {
            return None;
        }
        let extra = self.unrelated(self.pool, target, rng)?;
        // A sentence of its own, with a full stop before it where the target has no final
        // mark (a caption), as for a dropped sentence: not a run-on of the target's.
        Some(join_sentences(target, extra))
    }

    fn false_friend(&self, source: &str, target: &str) -> Option<String> {
        self.pair
            .false_friends_for(source)
            .into_iter()
            .find_map(|e| {
                e.inject
                    .as_ref()
                    .and_then(|(right, wrong)| replace_word(target, right, wrong))
            })
    }

    fn break_quotes(&self, target: &str) -> Option<String> {
        let typography = &self.target_lang.typography;
        if !typography.straight_quotes_ok {
            // `« … »` → `"…"`.
            if !target.contains('«') {
                return None;
            }
            let broken = target
                .replace("«\u{00A0}", "\"")
                .replace("«\u{202F}", "\"")
                .replace("« ", "\"")
                .replace('«', "\"");
            return Some(
                broken
                    .replace("\u{00A0}»", "\"")
                    .replace("\u{202F}»", "\"")
                    .replace(" »", "\"")
                    .replace('»', "\""),
            );
        }
        // Languages that accept straight quotes: leave a quotation unclosed.
        let last = target.rfind(['"', '”'])?;
        let mark_len = target[last..].chars().next().map_or(1, char::len_utf8);
        (target.matches(['"', '“', '”']).count() >= 2)
            .then(|| format!("{}{}", &target[..last], &target[last + mark_len..]))
    }

    /// One word of the target written in the form the next word's sound rules out: an elided
    /// French word written whole (`qu'il` → `que il`), an English `an` written `a` or `a`
    /// written `an` (`an hour` → `a hour`). The word after it is a common one in lower case.
    fn break_elision(&self, target: &str, rng: &mut Rng) -> Option<String> {
        let lang = self.target_lang;
        let words = crate::textutil::words(target);
        let places: Vec<(crate::model::Span, String)> = words
            .windows(2)
            .filter(|pair| pair[1].text.starts_with(|c: char| c.is_lowercase()))
            .filter_map(|pair| {
                let (first, second) = (&pair[0], &pair[1]);
                let between = &target[first.span.end..second.span.start];
                let replaced = match &lang.indefinite_article {
                    Some(article) => other_article(article, first.text, between, second.text)?,
                    None => full_form(&lang.elision, first.text, between, second.text)?,
                };
                Some((
                    crate::model::Span::new(first.span.start, second.span.start),
                    replaced,
                ))
            })
            .collect();
        if places.is_empty() {
            return None;
        }
        let (span, replaced) = &places[rng.below(places.len())];
        Some(format!(
            "{}{replaced}{}",
            &target[..span.start],
            &target[span.end..]
        ))
    }

    /// A cardinal in words of the target, from two to twelve, given as the next (twelve as
    /// two), its first letter's case kept (`trois` → `quatre`, `Seven` → `Eight`).
    /// Removes one clause negation of the target (`ne … pas`, `not`), opener and all, in a pair
    /// whose source negates a clause too: `ne fonctionne pas` → `fonctionne`, `does not work` →
    /// `does work`. A contraction's remnant (`don't`) is left, as removing it leaves no word.
    fn drop_negation(&self, source: &str, target: &str, rng: &mut Rng) -> Option<String> {
        // Each negation's opener (or clause word), clause word and where the word after the
        // opener starts. Contractions are not read (no apostrophe test): `don't` counts on
        // neither side.
        let negations = |lang: &Language, text: &str| {
            let words = crate::checks::side_words::SideWords::of(text);
            let all = words.words();
            let found = lang
                .clause_negation
                .find(words.len(), |i| words.folded(i), |_| false);
            (found.into_iter())
                .map(|n| {
                    (
                        all[n.first].span,
                        all[n.last].span,
                        all.get(n.first + 1).map(|w| w.span.start),
                    )
                })
                .collect::<Vec<_>>()
        };
        if negations(self.source_lang, source).is_empty() {
            return None;
        }
        let found = negations(self.target_lang, target);
        if found.is_empty() {
            return None;
        }
        let (first, last, after_first) = found[rng.below(found.len())];
        // The clause word with the spaces after it; before it, its opener up to the next word
        // (`ne `, `n'`).
        let clause_end =
            last.end + (target[last.end..].len() - target[last.end..].trim_start().len());
        let mut dropped = format!("{}{}", &target[..last.start], &target[clause_end..]);
        if first != last {
            let opener_end = after_first.unwrap_or(first.end);
            dropped = format!("{}{}", &dropped[..first.start], &dropped[opener_end..]);
        }
        Some(dropped)
    }

    fn change_number_word(&self, target: &str, rng: &mut Rng) -> Option<String> {
        let lang = self.target_lang;
        let count = |word: &str| {
            let lower = word.to_lowercase();
            (lang.cardinals.contains(&lower))
                .then(|| lang.words.get(&lower).copied())
                .flatten()
                .filter(|v| (2.0..=12.0).contains(v))
        };
        let words: Vec<_> = (crate::textutil::word_iter(target))
            .filter_map(|w| Some((w.span, count(w.text)?)))
            .collect();
        if words.is_empty() {
            return None;
        }
        let (span, value) = words[rng.below(words.len())];
        let next = if value < 12.0 { value + 1.0 } else { 2.0 };
        let replacement = (lang.cardinals.iter())
            .filter(|w| lang.words.get(*w) == Some(&next))
            .min()?;
        let replacement = crate::textutil::match_case(replacement, &target[span.range()]);
        Some(format!(
            "{}{replacement}{}",
            &target[..span.start],
            &target[span.end..]
        ))
    }

    /// Replaces a month or day of the week that both sides name by another of its kind.
    fn swap_date(&self, source: &str, target: &str, rng: &mut Rng) -> Option<String> {
        let source_names: Vec<CalendarName> = calendar_words(self.source_lang, source)
            .map(|(_, name)| name)
            .collect();
        let places: Vec<(crate::model::Span, CalendarName)> =
            calendar_words(self.target_lang, target)
                .filter(|(_, name)| source_names.contains(name))
                .collect();
        if places.is_empty() {
            return None;
        }
        let (span, name) = places[rng.below(places.len())];
        let count = name.kind.count();
        let other = CalendarName {
            index: (name.index + 1 + rng.below(usize::from(count) - 1) as u8) % count,
            ..name
        };
        let written = &target[span.range()];
        let replacement =
            crate::textutil::match_case(self.target_lang.calendar.form(other), written);
        Some(format!(
            "{}{replacement}{}",
            &target[..span.start],
            &target[span.end..]
        ))
    }

    /// Replaces a target word that says a sense the source says too (`augmenté` for `rose`) by
    /// a word of the opposite sense (`diminué`), from the pair's opposites.
    fn swap_opposite(&self, source: &str, target: &str, rng: &mut Rng) -> Option<String> {
        let opposites = &self.pair.opposites;
        let source_words = crate::checks::side_words::SideWords::of(source);
        let source_mentions = opposites.in_source(source_words.len(), |i| source_words.folded(i));
        let source_senses: Vec<u32> = source_mentions.iter().map(|m| m.sense()).collect();
        let places: Vec<(crate::model::Span, &str)> = crate::textutil::words(target)
            .into_iter()
            .filter_map(|word| {
                let (sense, opposite) =
                    opposites.target_opposite(&crate::textutil::fold(word.text))?;
                source_senses
                    .contains(&sense)
                    .then_some((word.span, opposite))
            })
            .collect();
        if places.is_empty() {
            return None;
        }
        let (span, opposite) = places[rng.below(places.len())];
        let replacement = crate::textutil::match_case(opposite, &target[span.range()]);
        Some(format!(
            "{}{replacement}{}",
            &target[..span.start],
            &target[span.end..]
        ))
    }

    fn break_spacing(&self, target: &str) -> Option<String> {
        let rules = self.target_lang.typography.variant(None);
        let chars: Vec<(usize, char)> = target.char_indices().collect();
        for (k, &(at, mark)) in chars.iter().enumerate() {
            let Some(&spacing) = rules.before.get(&mark) else {
                continue;
            };
            if !matches!(mark, '?' | '!' | ':' | ';') || k < 2 {
                continue;
            }
            let (space_at, space) = chars[k - 1];
            let needs_space = spacing != crate::locale::typography::Spacing::None;
            if needs_space
                && matches!(space, ' ' | '\u{00A0}' | '\u{202F}')
                && chars[k - 2].1.is_alphanumeric()
            {
                // French: the space before `?` removed.
                return Some(format!("{}{}", &target[..space_at], &target[at..]));
            }
            if !needs_space && space.is_alphanumeric() {
                // English: a space slipped in before `?`.
                return Some(format!("{} {}", &target[..at], &target[at..]));
            }
        }
        None
    }
}

/// `elided` and the apostrophe after it written in full (`qu'` → `que `), when `second`
/// starts with a letter the full form never stands before.
fn full_form(
    elision: &crate::locale::Elision,
    elided: &str,
    between: &str,
    second: &str,
) -> Option<String> {
    let spaces = between.strip_prefix(['\'', '’'])?;
    if !spaces.chars().all(|c| c == ' ') {
        return None;
    }
    // The full form is the elided one and a vowel (`qu` → `que`).
    let lower = elided.to_lowercase();
    let full = elision
        .full
        .iter()
        .find(|full| full.len() == lower.len() + 1 && full.starts_with(lower.as_str()))?;
    // The full form with the elided word's case (`L'` → `Le`).
    elision
        .broken(full, " ", second)
        .then(|| format!("{elided}{} ", &full[lower.len()..]))
}

/// The other form of the indefinite article `first` (`an` → `a `), followed by a space, when
/// `first` is the only form `second` takes (not before `historic`, which takes both).
fn other_article(
    article: &crate::locale::IndefiniteArticle,
    first: &str,
    between: &str,
    second: &str,
) -> Option<String> {
    let head = second.split('-').next().unwrap_or(second);
    if between != " " || article.form_before(head) != Some(first) {
        return None;
    }
    // `first` is one of the two forms: the one `second` takes.
    let other = if first == article.before_vowel {
        &article.before_consonant
    } else {
        &article.before_vowel
    };
    Some(format!("{other} "))
}

/// Two sentences one after the other, with a full stop after the first if it has no final
/// mark (Multi30k's captions have none), so that a segmenter sees two.
fn join_sentences(first: &str, second: &str) -> String {
    let first = first.trim();
    let ends = first.ends_with(['.', '!', '?', '…', '"', '»', '”']);
    format!("{first}{} {}", if ends { "" } else { "." }, second.trim())
}

fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// Changes one digit of a number of the target (`1,3 milliard` → `1,8 milliard`).
fn change_number(target: &str, rng: &mut Rng) -> Option<String> {
    static NUMBER: OnceLock<Regex> = OnceLock::new();
    let numbers: Vec<_> = regex(&NUMBER, r"\b\d+\b").find_iter(target).collect();
    if numbers.is_empty() {
        return None;
    }
    let m = numbers[rng.below(numbers.len())];
    let digits: Vec<char> = m.as_str().chars().collect();
    let position = rng.below(digits.len());
    let old = digits[position].to_digit(10).expect("a digit");
    // Never a leading zero, never the same digit.
    let lowest = if position == 0 && digits.len() > 1 {
        1
    } else {
        0
    };
    let choices: Vec<u32> = (lowest..10).filter(|d| *d != old).collect();
    let new = choices[rng.below(choices.len())];
    let mut changed = digits.clone();
    changed[position] = char::from_digit(new, 10).expect("a digit");
    let changed: String = changed.into_iter().collect();
    Some(format!(
        "{}{}{}",
        &target[..m.start()],
        changed,
        &target[m.end()..]
    ))
}

/// Changes one inner letter of a name that source and target share (`Facebook` → `Facebcok`).
fn misspell_name(source: &str, target: &str, rng: &mut Rng) -> Option<String> {
    static NAME: OnceLock<Regex> = OnceLock::new();
    let names: Vec<_> = regex(&NAME, r"\b\p{Lu}\p{Ll}{4,}\b")
        .find_iter(target)
        .filter(|m| {
            m.start() > 0
                && crate::textutil::words(source)
                    .iter()
                    .any(|w| w.text == m.as_str())
        })
        .collect();
    if names.is_empty() {
        return None;
    }
    let m = names[rng.below(names.len())];
    let mut letters: Vec<char> = m.as_str().chars().collect();
    let position = 1 + rng.below(letters.len() - 2);
    letters[position] = match rng.below(3) {
        // Swap with the next letter, double it, or replace it.
        0 if letters[position] != letters[position + 1] => {
            letters.swap(position, position + 1);
            letters[position]
        }
        1 => {
            letters.insert(position, letters[position]);
            letters[position]
        }
        _ => "aeioubcdmnrst"
            .chars()
            .filter(|c| *c != letters[position])
            .nth(rng.below(12))
            .expect("12 letters"),
    };
    let misspelt: String = letters.into_iter().collect();
    (misspelt != m.as_str())
        .then(|| format!("{}{}{}", &target[..m.start()], misspelt, &target[m.end()..]))
}

/// Removes a clause: the words between two commas, or a run of words in the middle of the
/// sentence, keeping the final punctuation.
fn drop_clause(target: &str, rng: &mut Rng) -> Option<String> {
    let words: Vec<&str> = target.split_whitespace().collect();
    if words.len() < 10 {
        return None;
    }
    let commas: Vec<usize> = target.match_indices(',').map(|(i, _)| i).collect();
    for pair in commas.windows(2) {
        let clause = &target[pair[0]..pair[1]];
        if word_count(clause) >= 4 {
            return Some(format!("{}{}", &target[..pair[0]], &target[pair[1]..]));
        }
    }
    // A run of about a third of the words, not the first two nor the last one.
    let len = (words.len() / 3).max(4);
    let start = 2 + rng.below(words.len().saturating_sub(len + 3).max(1));
    let mut kept: Vec<&str> = words[..start].to_vec();
    kept.extend(&words[(start + len).min(words.len() - 1)..]);
    Some(kept.join(" "))
}

/// Writes a run of two to four words of the target twice, as a machine translation stutters
/// (`dans la pauvreté la pauvreté`): any run, punctuation and function words included, in a
/// target of six words or more.
fn repeat_phrase(target: &str, rng: &mut Rng) -> Option<String> {
    let words: Vec<&str> = target.split_whitespace().collect();
    if words.len() < 6 {
        return None;
    }
    let len = 2 + rng.below(3);
    let start = rng.below(words.len() - len + 1);
    let mut stuttered = words[..start + len].to_vec();
    stuttered.extend(&words[start..]);
    Some(stuttered.join(" "))
}

/// Adds the same URL to both sides, then changes one character of the target's copy.
fn change_url(source: &str, target: &str, rng: &mut Rng) -> Injected {
    let id = rng.below(9000) + 1000;
    let url = format!("https://example.org/docs/page-{id}.html");
    let wrong = url.replace(&id.to_string(), &(id + 1 + rng.below(8)).to_string());
    Injected {
        source: format!("{} ({url})", source.trim_end()),
        target: format!("{} ({wrong})", target.trim_end()),
    }
}

/// The words of `text` that name a month or day of the week unambiguously: in the case its
/// language writes them (capitalised or not), and not forms that are common words too.
fn calendar_words<'t>(
    lang: &'t Language,
    text: &'t str,
) -> impl Iterator<Item = (crate::model::Span, CalendarName)> + 't {
    let calendar = &lang.calendar;
    crate::textutil::words(text)
        .into_iter()
        .filter_map(move |word| {
            let folded = crate::textutil::fold(word.text);
            let in_its_case = word.text.starts_with(char::is_uppercase) == calendar.capitalized;
            (in_its_case && !calendar.is_ambiguous(&folded))
                .then(|| calendar.name(&folded))
                .flatten()
                .map(|name| (word.span, name))
        })
}

/// Replaces the first whole-word `right` by `wrong`, keeping the first letter's case.
fn replace_word(text: &str, right: &str, wrong: &str) -> Option<String> {
    let pattern = regex::RegexBuilder::new(&format!(r"\b{}\b", regex::escape(right)))
        .case_insensitive(true)
        .build()
        .ok()?;
    let m = pattern.find(text)?;
    Some(format!(
        "{}{}{}",
        &text[..m.start()],
        crate::textutil::match_case(wrong, m.as_str()),
        &text[m.end()..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn injector() -> Injector<'static> {
        Injector {
            source_lang: Language::get("en").unwrap(),
            target_lang: Language::get("fr").unwrap(),
            pair: PairKnowledge::get("en", "fr").unwrap(),
            pool: &[],
            source_pool: &[],
        }
    }

    #[test]
    fn a_stutter_writes_a_run_of_words_twice() {
        let target = "Près d'un enfant sur cinq vit dans la pauvreté.";
        for seed in 0..20 {
            let stuttered = repeat_phrase(target, &mut Rng::new(seed)).unwrap();
            let (before, after) = (target.split(' ').count(), stuttered.split(' ').count());
            assert!((before + 2..=before + 4).contains(&after), "{stuttered}");
        }
        assert!(repeat_phrase("Trop court ici.", &mut Rng::new(1)).is_none());
    }

    #[test]
    fn a_clause_negation_is_dropped_opener_and_all() {
        let inj = injector();
        let drop = |source: &str, target: &str| {
            (inj.inject(ErrorType::NegationDropped, source, target, &mut Rng::new(1)))
                .map(|injected| injected.target)
        };
        assert_eq!(
            drop("It does not work.", "Cela ne fonctionne pas en hiver.").as_deref(),
            Some("Cela fonctionne en hiver.")
        );
        assert_eq!(
            drop("He never came.", "Il n'est jamais venu.").as_deref(),
            Some("Il est venu.")
        );
        // Both sides must negate a clause.
        assert_eq!(drop("It works.", "Cela ne fonctionne pas."), None);
        assert_eq!(drop("It does not work.", "Cela échoue."), None);
    }

    #[test]
    fn a_sense_both_sides_say_is_swapped_for_its_opposite() {
        let inj = injector();
        let swapped = inj
            .inject(
                ErrorType::OppositeSwapped,
                "Imports rose sharply.",
                "Les importations sont en forte hausse.",
                &mut Rng::new(3),
            )
            .unwrap();
        assert_eq!(swapped.target, "Les importations sont en forte baisse.");
        // A sense the source does not say is left alone.
        let none = inj.inject(
            ErrorType::OppositeSwapped,
            "Imports were stable.",
            "La hausse des importations a cessé.",
            &mut Rng::new(3),
        );
        assert!(none.is_none());
    }

    #[test]
    fn a_currency_beside_an_amount_is_given_as_another() {
        let inj = injector();
        let swap = |source: &str, target: &str| {
            inj.inject(ErrorType::CurrencySwapped, source, target, &mut Rng::new(1))
                .map(|injected| injected.target)
        };
        assert_eq!(
            swap("It lost $2 billion.", "Il a perdu 2 milliards de dollars.").as_deref(),
            Some("Il a perdu 2 milliards de euros.")
        );
        assert_eq!(
            swap("It cost EUR 30.", "Cela a coûté 30 €.").as_deref(),
            Some("Cela a coûté 30 $.")
        );
        // No currency in the source: nothing says which the amount is in.
        assert_eq!(
            swap("It lost 2 billion.", "Il a perdu 2 milliards d'euros."),
            None
        );
    }

    #[test]
    fn a_cardinal_in_words_is_given_as_the_next() {
        let inj = injector();
        let change = |target: &str| {
            inj.inject(ErrorType::NumberWordChanged, "", target, &mut Rng::new(1))
                .map(|injected| injected.target)
        };
        assert_eq!(
            change("Trois hommes et un chien.").as_deref(),
            Some("Quatre hommes et un chien.")
        );
        assert_eq!(change("Il a douze ans.").as_deref(), Some("Il a deux ans."));
        // Not `un`, an article as often as a number; not the approximate `dizaine`.
        assert_eq!(change("Un homme et une dizaine de chiens."), None);
    }

    #[test]
    fn a_date_both_sides_name_is_swapped_for_another() {
        let inj = injector();
        let source = "The shop opens on Monday, May 4.";
        let target = "Le magasin ouvre le lundi 4 mai.";
        for seed in 0..20 {
            let swapped = inj
                .inject(ErrorType::DateSwapped, source, target, &mut Rng::new(seed))
                .unwrap();
            assert_ne!(swapped.target, target);
            assert_eq!(swapped.target.split(' ').count(), target.split(' ').count());
        }
        // `May` alone is ambiguous, and `Monday` → `hier` names no day on both sides.
        let none = inj.inject(
            ErrorType::DateSwapped,
            "He left on Monday.",
            "Il est parti hier.",
            &mut Rng::new(1),
        );
        assert!(none.is_none());
    }

    #[test]
    fn a_curly_closing_quote_is_removed_whole() {
        let inj = Injector {
            source_lang: Language::get("fr").unwrap(),
            target_lang: Language::get("en").unwrap(),
            pair: PairKnowledge::get("fr", "en").unwrap(),
            pool: &[],
            source_pool: &[],
        };
        let broken = inj
            .inject(
                ErrorType::BrokenQuotes,
                "« Comment le sais-tu ? » a-t-il demandé.",
                "\"How do you know?” he asked.",
                &mut Rng::new(1),
            )
            .unwrap()
            .target;
        assert_eq!(broken, "\"How do you know? he asked.");
    }

    #[test]
    fn an_elision_is_broken_where_the_next_word_rules_the_full_form_out() {
        let break_in = |to: &str, target: &str| {
            let inj = Injector {
                source_lang: Language::get("en").unwrap(),
                target_lang: Language::get(to).unwrap(),
                pair: PairKnowledge::get("en", "fr").unwrap(),
                pool: &[],
                source_pool: &[],
            };
            inj.inject(ErrorType::BrokenElision, "", target, &mut Rng::new(1))
                .map(|i| i.target)
        };
        assert_eq!(
            break_in("fr", "Il a dit qu'il viendra.").as_deref(),
            Some("Il a dit que il viendra.")
        );
        assert_eq!(break_in("fr", "L'un et le onze.").as_deref(), None);
        assert_eq!(
            break_in("fr", "Il n’a rien.").as_deref(),
            Some("Il ne a rien.")
        );
        assert_eq!(
            break_in("en", "It took an hour.").as_deref(),
            Some("It took a hour.")
        );
        // Both forms are in use before `historic`: no error to plant there.
        assert_eq!(break_in("en", "It is a historic step.").as_deref(), None);
    }

    #[test]
    fn a_unit_is_swapped_for_the_next_larger_of_its_quantity() {
        let inj = injector();
        let swap = |target: &str| {
            inj.inject(ErrorType::UnitSwapped, "", target, &mut Rng::new(1))
                .map(|i| i.target)
        };
        assert_eq!(
            swap("La route fait 30 km de long.").as_deref(),
            Some("La route fait 30 mile de long.")
        );
        assert_eq!(
            swap("Il a 12 ans et pèse 40 kilos.").as_deref(),
            Some("Il a 12 décennie et pèse 40 kilos.")
        );
        // A number without a unit, and a unit without a number, offer no place.
        assert_eq!(swap("Il a 12 frères et des kilomètres à faire."), None);
        // Nor an elided word that reads like a unit (`m'a`).
        assert_eq!(swap("L'épisode 21 m'a fait rire."), None);
    }

    #[test]
    fn injections_change_the_target_as_described() {
        let inj = injector();
        let mut rng = Rng::new(1);
        let src = "Facebook has 1.3 billion users, the company said on Monday.";
        let tgt = "Facebook compte 1,3 milliard d'utilisateurs, a indiqué l'entreprise lundi.";
        let changed = inj
            .inject(ErrorType::ChangedNumber, src, tgt, &mut rng)
            .unwrap()
            .target;
        assert_ne!(changed, tgt);
        assert_eq!(changed.len(), tgt.len());
        assert!(
            inj.inject(ErrorType::ScaleWord, src, tgt, &mut rng)
                .unwrap()
                .target
                .contains("1,3 billion")
        );
        let misspelt = inj
            .inject(
                ErrorType::MisspeltName,
                "He met Facebook.",
                "Il a vu Facebook.",
                &mut rng,
            )
            .unwrap()
            .target;
        assert!(!misspelt.contains("Facebook"), "{misspelt}");
        assert_eq!(
            inj.inject(ErrorType::Untranslated, src, tgt, &mut rng)
                .unwrap()
                .target,
            src
        );
        let url = inj
            .inject(ErrorType::ChangedUrl, src, tgt, &mut rng)
            .unwrap();
        assert!(url.source.contains("https://") && url.target.contains("https://"));
        assert_eq!(
            inj.inject(
                ErrorType::BrokenQuotes,
                src,
                "Il a dit «\u{00A0}non\u{00A0}».",
                &mut rng
            )
            .unwrap()
            .target,
            "Il a dit \"non\"."
        );
        assert_eq!(
            inj.inject(ErrorType::BrokenSpacing, src, "Vraiment\u{202F}?", &mut rng)
                .unwrap()
                .target,
            "Vraiment?"
        );
        assert!(
            inj.inject(ErrorType::DroppedSentence, src, tgt, &mut rng)
                .is_none()
        );
    }

    #[test]
    fn a_dropped_sentence_is_a_source_sentence_the_target_lacks() {
        let others = ["The weather was cold that winter".to_string()];
        let inj = Injector {
            source_pool: &others,
            ..injector()
        };
        let target = "Le train est parti.";
        let mut seen = Vec::new();
        for seed in 0..8 {
            let injected = inj
                .inject(
                    ErrorType::DroppedSentence,
                    "The train left.",
                    target,
                    &mut Rng::new(seed),
                )
                .unwrap();
            assert_eq!(injected.target, target);
            seen.push(injected.source);
        }
        // Before or after the pair's own sentence, with a full stop between.
        assert!(seen.contains(&"The weather was cold that winter. The train left.".to_string()));
        assert!(seen.contains(&"The train left. The weather was cold that winter".to_string()));
        // No other pair to take a sentence from: nothing to inject.
        assert!(
            injector()
                .inject(
                    ErrorType::DroppedSentence,
                    "The train left.",
                    target,
                    &mut Rng::new(1)
                )
                .is_none()
        );
    }

    #[test]
    fn an_added_sentence_follows_a_full_stop() {
        let others = ["Une femme fait du vélo".to_string()];
        let inj = Injector {
            pool: &others,
            ..injector()
        };
        let injected = inj
            .inject(
                ErrorType::AddedSentence,
                "Two men",
                "Deux hommes",
                &mut Rng::new(1),
            )
            .unwrap();
        assert_eq!(injected.target, "Deux hommes. Une femme fait du vélo");
    }

    #[test]
    fn same_seed_same_injection() {
        let inj = injector();
        let tgt = "Il y a 12 pommes et 345 poires dans les 6 paniers de la 2e rangée.";
        let a = inj.inject(ErrorType::ChangedNumber, "x", tgt, &mut Rng::new(7));
        let b = inj.inject(ErrorType::ChangedNumber, "x", tgt, &mut Rng::new(7));
        assert_eq!(a, b);
    }
}
