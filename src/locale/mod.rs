//! Language profiles: the per-language knowledge under `data/<lang>/`, embedded at compile
//! time and parsed once. Adding a language is adding its data files: `build.rs` finds every
//! folder of `data/` with a `locale.toml` and lists it in [`EMBEDDED`].

pub mod calendar;
pub mod date;
pub mod negation;
pub mod number;
pub mod opposites;
pub mod pair;
pub mod prefilter;
pub mod typography;

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::textutil::{fold, short_key};

#[derive(Debug, thiserror::Error)]
pub enum LocaleError {
    #[error("unsupported language `{0}` (supported: {1})")]
    Unsupported(String, String),
    #[error("embedded language data is broken: {0}")]
    Broken(String),
    #[error("data/{lang}/locale.toml: {source}")]
    BadData {
        lang: &'static str,
        source: toml::de::Error,
    },
    #[error("data/{lang}/typography.toml: {source}")]
    BadTypography {
        lang: &'static str,
        source: toml::de::Error,
    },
    #[error("data/{lang}/locale.toml: unknown whatlang code `{code}`")]
    BadWhatlang { lang: &'static str, code: String },
    #[error("data/{lang}/locale.toml: write_scale word `{word}` is not in [scale]")]
    UnknownScaleWord { lang: &'static str, word: String },
    #[error("data/{lang}/locale.toml: [implied_units] unit `{word}` is not in [units]")]
    UnknownImpliedUnit { lang: &'static str, word: String },
    #[error("data/{lang}/unlikely-bigrams.txt: `{line}` is not two words")]
    BadBigram { lang: &'static str, line: String },
    #[error("data/{lang}/locale.toml: age_after_name unit `{word}` is not in [units]")]
    UnknownAgeUnit { lang: &'static str, word: String },
    #[error("data/{lang}/locale.toml: {message}")]
    BadCalendar { lang: &'static str, message: String },
    #[error("data/{lang}/locale.toml: [repeats] link `{idiom}` is not `opener … link`")]
    BadRepeatLink { lang: &'static str, idiom: String },
}

struct EmbeddedLanguage {
    code: &'static str,
    locale: &'static str,
    abbreviations: &'static str,
    stopwords: &'static str,
    vocabulary: &'static str,
    typography: &'static str,
    unlikely_bigrams: &'static str,
}

/// Every language under `data/`, found by `build.rs`.
const EMBEDDED: &[EmbeddedLanguage] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleFile {
    name: String,
    whatlang: String,
    decimal: char,
    group: Vec<char>,
    space_before_percent: bool,
    scale_plural: ScalePlural,
    write_scale: Vec<String>,
    afternoon: Vec<String>,
    number_joiners: Vec<String>,
    #[serde(default)]
    fraction_joiners: Vec<String>,
    time_units: Vec<String>,
    #[serde(default)]
    roman_ordinal_suffixes: Vec<String>,
    #[serde(default)]
    ordinal_word_endings: Vec<String>,
    #[serde(default)]
    ordinals_counted_apart: Vec<String>,
    #[serde(default)]
    counting_words: Vec<String>,
    #[serde(default)]
    version_words: Vec<String>,
    #[serde(default)]
    round_plurals: Vec<String>,
    #[serde(default)]
    name_case_endings: Vec<String>,
    #[serde(default)]
    money: Money,
    #[serde(default)]
    percent: Vec<String>,
    #[serde(default)]
    teen_tens: Vec<f64>,
    #[serde(default)]
    measure_fillers: Vec<String>,
    /// Words after a unit → the fraction of a unit they add.
    #[serde(default)]
    measure_fractions: HashMap<String, f64>,
    /// Measures in words, in lower case, that say a round number of a larger unit → their
    /// value in the quantity's base unit (`quinze jours`: two weeks, 14 days).
    #[serde(default)]
    rounded_measures: HashMap<String, f64>,
    /// Quantity → unit word → size in the quantity's base unit.
    #[serde(default)]
    units: HashMap<String, HashMap<String, f64>>,
    /// Quantity → unit word → size, for units that measure only a number written in words.
    #[serde(default)]
    word_units: HashMap<String, HashMap<String, f64>>,
    /// Articles read as one before a unit (`an hour and a half`).
    #[serde(default)]
    one_before_unit: Vec<String>,
    /// Unit word → the words before a number that leave that unit unsaid.
    #[serde(default)]
    implied_units: HashMap<String, Vec<String>>,
    /// The unit (a word of [units]) of a bare number set off after a name: an age.
    #[serde(default)]
    age_after_name: Option<String>,
    #[serde(default)]
    square_units: SquareUnits,
    scale: HashMap<String, f64>,
    /// Number words that count exactly (`three`); read as [`LocaleFile::words`] are.
    #[serde(default)]
    cardinals: HashMap<String, f64>,
    words: HashMap<String, f64>,
    multipliers: HashMap<String, f64>,
    repeats: Repeats,
    #[serde(default)]
    negation: negation::NegationFile,
    #[serde(default)]
    elision: Elision,
    #[serde(default)]
    indefinite_article: Option<IndefiniteArticle>,
    #[serde(default)]
    nouns_capitalized: bool,
    #[serde(default)]
    number_words_glued: bool,
    #[serde(default)]
    ordinal_dot: bool,
    #[serde(default)]
    lone_i_numeral: bool,
    #[serde(default)]
    range_words: Vec<String>,
    #[serde(default)]
    months: Vec<String>,
    #[serde(default)]
    calendar: calendar::CalendarFile,
    #[serde(default)]
    indirect_question: Vec<String>,
    #[serde(default)]
    variant_endings: Vec<(String, String)>,
    #[serde(default)]
    question_openers: Vec<String>,
    #[serde(default)]
    question_inversions: Vec<String>,
}

/// Scale abbreviations written only after an amount of money (`£435m`, `ECU 35m`), where they
/// cannot be units (`35m` alone may be metres); and the names of currencies with their signs.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Money {
    /// Currency signs and codes written before an amount.
    pub currencies: Vec<String>,
    /// Abbreviation glued to the amount → its value.
    pub scale: HashMap<String, f64>,
    /// A currency's name in lower case (`dollars`) → the signs and codes that write it (`$`,
    /// `USD`): the other language may give the amount with the sign (`67,94 dollars` ↔
    /// `$ 67.94`). A code (three capitals) says which currency is meant; a sign may write
    /// several (`$`: dollars and pesos).
    pub signs: HashMap<String, Vec<String>>,
    /// Words that may stand between an amount and the name of its currency (`de` in `5
    /// millions de dollars`).
    pub name_fillers: Vec<String>,
    /// Every sign and code of [`Money::signs`], longest first (`US$` before `$`), gathered
    /// once when the language is read.
    #[serde(skip)]
    signs_longest_first: Vec<String>,
}

impl Money {
    /// The codes of the currencies that `name` (in lower case) names, if it names one.
    pub fn codes_of_name(&self, name: &str) -> Option<Vec<&str>> {
        let signs = self.signs.get(name)?;
        Some(
            signs
                .iter()
                .map(String::as_str)
                .filter(|s| is_code(s))
                .collect(),
        )
    }

    /// The codes of the currencies that `sign` writes: itself when it is a code, else those of
    /// every name it writes.
    pub fn codes_of_sign(&self, sign: &str) -> Vec<&str> {
        let wanted = |code: &str| is_code(code) && (!is_code(sign) || code == sign);
        let mut codes: Vec<&str> = (self.signs.values())
            .filter(|signs| signs.iter().any(|s| s == sign))
            .flat_map(|signs| signs.iter().map(String::as_str).filter(|s| wanted(s)))
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    }

    /// Every sign and code of [`Money::signs`], longest first (`US$` before `$`).
    pub fn all_signs(&self) -> &[String] {
        &self.signs_longest_first
    }

    /// The table as read, with its signs gathered longest first.
    fn prepared(mut self) -> Self {
        let mut all: Vec<String> = self.signs.values().flatten().cloned().collect();
        all.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        all.dedup();
        self.signs_longest_first = all;
        self
    }

    /// Whether `word` (in lower case) names a currency that `other` writes with its sign or
    /// code.
    pub fn sign_in(&self, word: &str, other: &str) -> bool {
        self.signs
            .get(word)
            .is_some_and(|signs| signs.iter().any(|sign| other.contains(sign.as_str())))
    }
}

/// Whether `sign` is a currency code: three capital letters (`USD`).
fn is_code(sign: &str) -> bool {
    sign.len() == 3 && sign.bytes().all(|b| b.is_ascii_uppercase())
}

/// Words a language elides before a vowel (`l'`, `qu'`), and the letters that make them elide.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Elision {
    pub words: Vec<String>,
    /// Lower-case letters a word elides before.
    pub before: String,
    /// The full forms of the elided words (`le`, `que`), which never stand before a word that
    /// starts with one of [`Elision::full_never_before`] ...
    #[serde(default)]
    pub full: Vec<String>,
    /// ... these lower-case letters (the vowels; not `h` nor `y`, which vary) ...
    #[serde(default)]
    pub full_never_before: String,
    /// ... unless the word is one of these (`le un`, `le onze`).
    #[serde(default)]
    pub full_before_exceptions: Vec<String>,
    /// Full forms whose elision writers often leave undone by a slip before these words
    /// (`parce que en`): the elision rule reports them, but they are no sign of words cut out
    /// (`que avait`, whose subject is gone, is).
    #[serde(default)]
    pub slips: rustc_hash::FxHashMap<String, Vec<String>>,
    /// Full forms that elide before these words only, whatever their letters: `si` before
    /// `il` (`s'il`, but `si elle`), `ce` before `est` (`c'est`, but `et ce alors`).
    #[serde(default)]
    pub full_before_only: rustc_hash::FxHashMap<String, Vec<String>>,
    /// Words that give way to another form before a vowel (`sa` → `son`: `son amie`), like
    /// the full forms before [`Elision::full_never_before`] and its exceptions.
    #[serde(default)]
    pub replaced_before_vowel: rustc_hash::FxHashMap<String, String>,
}

impl Elision {
    /// Whether `first` (in lower case) before `second` is a common slip ([`Elision::slips`]).
    pub fn is_slip(&self, first: &str, second: &str) -> bool {
        self.slips
            .get(first)
            .is_some_and(|words| words.iter().any(|w| w.eq_ignore_ascii_case(second)))
    }

    /// Whether `first` then `second`, with `between` between them, break the language's
    /// elision: an elided word before a consonant (`l' type`), or a full form before a vowel
    /// (`la appris`). `first` is in lower case; `second` is as written, and a capitalized one
    /// (a name, an acronym) is passed over.
    pub fn broken(&self, first: &str, between: &str, second: &str) -> bool {
        let Some(initial) = second.chars().next().filter(|c| c.is_lowercase()) else {
            return false;
        };
        if between.contains(['\'', '’']) {
            self.words.iter().any(|w| w == first) && !self.before.contains(initial)
        } else if let Some(only) = self.full_before_only.get(first) {
            only.iter().any(|w| w == second)
        } else {
            self.full.iter().any(|w| w == first) && self.bars_full_forms(second)
        }
    }

    /// Whether no full form may stand before `second`: it starts with one of
    /// [`Elision::full_never_before`] and is none of [`Elision::full_before_exceptions`].
    fn bars_full_forms(&self, second: &str) -> bool {
        second
            .chars()
            .next()
            .is_some_and(|initial| self.full_never_before.contains(initial))
            && !self.full_before_exceptions.iter().any(|w| w == second)
    }

    /// Whether the language has no word whose form changes before a vowel.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.full.is_empty()
            && self.full_before_only.is_empty()
            && self.replaced_before_vowel.is_empty()
    }

    /// The form that `first` (in lower case) gives way to before `second` (as written), if it
    /// is one of [`Elision::replaced_before_vowel`] and `second` starts with a vowel.
    pub fn replacement(&self, first: &str, second: &str) -> Option<&str> {
        let replacement = self.replaced_before_vowel.get(first)?;
        self.bars_full_forms(second).then_some(replacement.as_str())
    }
}

/// The two forms of an indefinite article chosen by the sound the next word starts with
/// (English `a` and `an`), from `[indefinite_article]` of `data/<lang>/locale.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndefiniteArticle {
    /// The form before a consonant sound (`a`) ...
    pub before_consonant: String,
    /// ... and before a vowel sound (`an`).
    pub before_vowel: String,
    /// Lower-case letters that start a vowel sound ...
    pub vowel_letters: String,
    /// ... but in words that start with these (`euro`, `unit`) ...
    pub consonant_sound_starts: Vec<String>,
    /// ... or are these (`one`).
    pub consonant_sound_words: Vec<String>,
    /// Words said with a vowel sound although a consonant letter starts them (`hour`).
    pub vowel_sound_starts: Vec<String>,
    /// Letters before which both forms are in use (`a historic`, `an historic`).
    pub either_before: String,
}

impl IndefiniteArticle {
    /// The form `word` (in lower case, the first part of a compound) takes, or `None` when
    /// either is in use before it.
    pub fn form_before(&self, word: &str) -> Option<&str> {
        let starts = |list: &[String]| list.iter().any(|start| word.starts_with(start.as_str()));
        let initial = word.chars().next()?;
        if starts(&self.vowel_sound_starts) {
            Some(&self.before_vowel)
        } else if self.either_before.contains(initial) {
            None
        } else if self.vowel_letters.contains(initial)
            && !starts(&self.consonant_sound_starts)
            && !self.consonant_sound_words.iter().any(|w| w == word)
        {
            Some(&self.before_vowel)
        } else {
            Some(&self.before_consonant)
        }
    }
}

/// Words that make a unit of length one of area (`square metres`, `mètres carrés`, `mile ²`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SquareUnits {
    /// Words before the unit of length, in lower case (`square`).
    #[serde(default)]
    pub before: Vec<String>,
    /// Words or signs after it (`carrés`, `²`).
    #[serde(default)]
    pub after: Vec<String>,
}

/// Quantity of the `[units]` tables whose units [`SquareUnits`] square.
const LENGTH: &str = "length";
/// Quantity of the squared units, in the base unit of length squared (square metres).
const AREA: &str = "area";

/// Each unit of length squared: a unit of area of the size's square (`km` → 1,000,000 m²).
fn squared_units(
    units: &rustc_hash::FxHashMap<String, Unit>,
) -> rustc_hash::FxHashMap<String, Unit> {
    units
        .iter()
        .filter(|(_, unit)| unit.quantity == LENGTH)
        .map(|(word, unit)| {
            let area = Unit {
                quantity: AREA.to_string(),
                size: unit.size * unit.size,
            };
            (word.clone(), area)
        })
        .collect()
}

/// A unit of measure: the quantity it measures (`length`) and its size in that quantity's
/// base unit (a mile is 1,609.344 metres).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub quantity: String,
    pub size: f64,
}

/// The `[units.QUANTITY]` tables as one map from unit word to unit.
fn units_by_word(
    tables: HashMap<String, HashMap<String, f64>>,
) -> rustc_hash::FxHashMap<String, Unit> {
    tables
        .into_iter()
        .flat_map(|(quantity, words)| {
            words.into_iter().map(move |(word, size)| {
                let quantity = quantity.clone();
                (word, Unit { quantity, size })
            })
        })
        .collect()
}

/// Words before a number that give it a unit the text leaves unsaid (`aged 42` is 42 years).
#[derive(Debug, Clone)]
pub struct ImpliedUnit {
    /// The words, in lower case (`age of`).
    pub before: String,
    /// The unit's word, a key of [`Language::units`] (`years`).
    pub unit: String,
}

/// The `[implied_units]` table, longest words first (`aged between` before `aged`), each
/// unit checked against `units`.
fn implied_units(
    table: HashMap<String, Vec<String>>,
    units: &rustc_hash::FxHashMap<String, Unit>,
    lang: &'static str,
) -> Result<Vec<ImpliedUnit>, LocaleError> {
    let mut implied = Vec::new();
    for (unit, befores) in table {
        if !units.contains_key(&unit) {
            return Err(LocaleError::UnknownImpliedUnit { lang, word: unit });
        }
        implied.extend(befores.into_iter().map(|before| ImpliedUnit {
            before: before.to_lowercase(),
            unit: unit.clone(),
        }));
    }
    implied.sort_by(|a, b| {
        b.before
            .len()
            .cmp(&a.before.len())
            .then(a.before.cmp(&b.before))
    });
    Ok(implied)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Repeats {
    allowed: Vec<String>,
    links: Vec<String>,
}

/// An idiom's opener and link written `opener … link`, folded.
fn opener_and_link(idiom: &str) -> Option<(String, String)> {
    let (opener, link) = idiom.split_once('…')?;
    Some((fold(opener.trim()), fold(link.trim())))
}

/// Everything the pipeline knows about one language.
#[derive(Debug)]
pub struct Language {
    pub code: &'static str,
    pub name: String,
    pub whatlang: whatlang::Lang,
    /// Words ending in a period after which a sentence does not end (`Mr.`, `p.`).
    pub abbreviations: rustc_hash::FxHashSet<String>,
    /// Function words, folded (lower case, no accents).
    pub stopwords: rustc_hash::FxHashSet<String>,
    /// Common words of the language, folded (`scripts/mine-vocabulary.py`): a word outside it
    /// is a name, a rare word or a misspelling. The embedded lines themselves: the lists hold
    /// some ten thousand words a language, each of which a copy would allocate at start-up.
    pub vocabulary: rustc_hash::FxHashSet<&'static str>,
    /// Endings of spelling variants the vocabulary leaves out, each with the ending of the form
    /// it holds (`er` → `re`: `center`, `centre`), folded; see [`Language::knows`].
    variant_endings: Vec<(String, String)>,
    /// Common words never seen side by side (`les dans`), as pairs of [`short_key`]s of their
    /// lower-case forms (`scripts/mine-bigrams.py`); empty for a language without the file.
    unlikely_bigrams: rustc_hash::FxHashSet<(u64, u64)>,
    pub decimal: char,
    pub group: Vec<char>,
    pub space_before_percent: bool,
    pub scale_plural: ScalePlural,
    /// Scale words for writing numbers, smallest first.
    pub write_scale: Vec<ScaleWord>,
    /// Words after a 12-hour clock time meaning afternoon or evening (`p.m`).
    pub afternoon: Vec<String>,
    /// Words allowed inside a number written in words (`and`, `a`, `et`).
    pub number_joiners: Vec<String>,
    /// Words between a fraction and the scale word it takes (`a quarter of a million`).
    pub fraction_joiners: Vec<String>,
    /// Tens after which the language counts on up to nineteen (`soixante et onze` is 71).
    pub teen_tens: Vec<f64>,
    /// Words after a time of day written with a decimal mark (`20.45 hrs`).
    pub time_units: Vec<String>,
    /// Endings that make a Roman numeral an ordinal (`XIXe siècle`); none: such ordinals are
    /// not read.
    pub roman_ordinal_suffixes: Vec<String>,
    /// Endings of the ordinals written in words that are no other word (`third`, `fourth`,
    /// `troisième`; not `first` or `second`, which are as often adverbs or units): such
    /// ordinals must agree with the other side's.
    pub ordinal_word_endings: Vec<String>,
    /// Words after an ordinal that countries count from different starts (`fifth floor` ↔
    /// `quatrième étage`: American floors count the ground floor, French ones do not): the
    /// ordinals may differ by one.
    pub ordinals_counted_apart: Vec<String>,
    pub money: Money,
    /// Signs and words after a number that make it a percentage (`%`, `per cent`).
    pub percent: Vec<String>,
    pub scale: rustc_hash::FxHashMap<String, f64>,
    /// Units of measure by their word (`decade`, `km`, `miles`): a number of them is a
    /// measure that the other side may give in another unit.
    pub units: rustc_hash::FxHashMap<String, Unit>,
    /// Units that measure a number written in words only (`une heure et quart`, `half an
    /// hour`): after digits the same word is as often a time of day (`à 15 heures`), which
    /// the other side writes without a unit (`at 3 p.m.`).
    pub word_units: rustc_hash::FxHashMap<String, Unit>,
    /// Articles read as one when a unit follows (`a year and a half`, `an hour`), in lower
    /// case: a language whose article is a number word (`un an`) needs none.
    pub one_before_unit: Vec<String>,
    /// Words that may stand between a number and its unit (`half a century`, `les 18 derniers
    /// mois`).
    pub measure_fillers: Vec<String>,
    /// Words after a unit that add a fraction of a unit (`un an et demi`, `an hour and a
    /// quarter`), with that fraction; the longest first.
    pub measure_fractions: Vec<(String, f64)>,
    /// Measures in words, in lower case, that say a round number of a larger unit, and their
    /// value in the quantity's base unit (`quinze jours`: 14 days).
    pub rounded_measures: rustc_hash::FxHashMap<String, f64>,
    /// Words before a number that give it a unit left unsaid (`aged 42`: years), in lower
    /// case, each with that unit's word (a key of [`Language::units`]).
    pub implied_units: Vec<ImpliedUnit>,
    /// The unit word (a key of [`Language::units`]) of a whole number set off after a name,
    /// between brackets or commas (`Josef Rychtář (53)`, `Giffords, 41, said`): an age in
    /// years, where the language's press writes ages so.
    pub age_after_name: Option<String>,
    /// Words that make a unit of length one of area.
    pub square_units: SquareUnits,
    /// The units of length by their word, squared (`metres` of `square metres`).
    squared_units: rustc_hash::FxHashMap<String, Unit>,
    /// Every number word and its value, the cardinals among them.
    pub words: rustc_hash::FxHashMap<String, f64>,
    /// The number words that count exactly (`three`, `soixante-dix`; not `one`, `dozen` or
    /// `first`), in lower case: number-mismatch compares those left unpaired on both sides.
    pub cardinals: rustc_hash::FxHashSet<String>,
    /// Number words that count as a cardinal does without being a number (`both`, `twice`),
    /// in lower case: compared as the cardinals are.
    pub counting_words: rustc_hash::FxHashSet<String>,
    /// Words after which digits with a dot name a version, not a decimal (`version 10.15`),
    /// folded: they keep their dot in every language and are compared whole, as codes.
    pub version_words: Vec<String>,
    /// The plurals of round counts (`hundreds`, `des milliers`), in lower case: number-mismatch
    /// compares those left unpaired on both sides by their order of magnitude.
    pub round_plurals: rustc_hash::FxHashSet<String>,
    /// Endings a name takes by grammar (the German genitive `s`: `Caspar Hausers`): the
    /// name so ended is the same name.
    pub name_case_endings: Vec<String>,
    pub multipliers: rustc_hash::FxHashMap<String, f64>,
    /// The first two letters of the number words, multipliers, scale words and joiners: most
    /// words of a text start otherwise and are passed over without a lookup.
    pub number_starts: NumberStarts,
    /// The first letters of the words that may open a number in words: the number words,
    /// multipliers and scale words, not the joiners (`and`, `et`), which only continue one.
    number_openers: NumberStarts,
    /// Words that may stand twice in a row (`nous nous`).
    pub allowed_repeats: HashSet<String>,
    /// The opener and the link of the idioms that join a word to itself (`de plus en plus`,
    /// `from time to time`), which the link may follow again (`de plus en plus en été`).
    /// Folded.
    pub repeat_links: Vec<(String, String)>,
    /// Words that negate what follows them (`not`, `n't`'s `t`, `pas`, `jamais`), folded.
    pub negators: rustc_hash::FxHashSet<String>,
    /// How the language makes a clause negative, and the words that say any negation.
    pub clause_negation: negation::ClauseNegation,
    /// Words written elided, with an apostrophe, before a vowel (`l'`, `qu'`).
    pub elision: Elision,
    /// The indefinite article's two forms, for a language whose article changes before a
    /// vowel sound (English `a`, `an`).
    pub indefinite_article: Option<IndefiniteArticle>,
    /// The lengths and first letters of the words whose form changes with the next word
    /// ([`Language::may_change_form`]).
    changing_forms: LengthInitials,
    /// Whether every noun is written with a capital (German): a capital then says little
    /// about a name.
    pub nouns_capitalized: bool,
    /// Whether numbers in words are written as one word (German `dreihundertzwanzig`).
    pub number_words_glued: bool,
    /// Whether a period after a number makes it an ordinal (German `am 3. Mai`), so that it
    /// ends no sentence.
    pub ordinal_dot: bool,
    /// Whether a lone capital `I` is the Roman numeral one (French `la tranche I`), the
    /// language having no word `I`.
    pub lone_i_numeral: bool,
    /// Words that join the two ends of a range of numbers (`2 to 3 million`), which then share
    /// the scale word of its end.
    pub range_words: Vec<String>,
    /// Month names and abbreviations, in lower case (`september`, `sept`).
    pub months: Vec<String>,
    /// The months and days of the week, numbered alike in every language.
    pub calendar: calendar::Calendar,
    /// Words that turn a question into a statement (`je me demande si`, `I wonder whether`),
    /// folded, each matched at the start of a word: a translation with one may end the source's
    /// question with a period.
    pub indirect_question: Vec<String>,
    /// Words that open a direct question (`est-ce que`, `may i`), folded, with a space where a
    /// word must end: a sentence they open is a question whatever its final mark.
    pub question_openers: Vec<String>,
    /// Endings of a verb with its subject pronoun after it (`-vous`, `-t-il`), folded: such a
    /// verb opening a sentence asks a question (`Pouvez-vous …`).
    pub question_inversions: Vec<String>,
    pub typography: typography::Typography,
}

/// After which numbers a scale word takes its plural form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScalePlural {
    /// `2 million`.
    Never,
    /// `1,5 million`, `2 millions`.
    FromTwo,
    /// `eine Milliarde`, `1,3 Milliarden`.
    AboveOne,
}

impl ScalePlural {
    /// Whether the scale word after `count` (`1.3` of `1.3 billion`) is plural.
    pub fn after(self, count: f64) -> bool {
        match self {
            ScalePlural::Never => false,
            ScalePlural::FromTwo => count >= 2.0,
            ScalePlural::AboveOne => count > 1.0,
        }
    }
}

/// A scale word for writing round numbers, with its value and its two forms.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleWord {
    pub value: f64,
    pub singular: String,
    /// The same as `singular` when the data gives no plural.
    pub plural: String,
}

impl ScaleWord {
    /// Reads `singular|plural` (or a word alone), its value looked up in the language's scale
    /// table.
    fn parse(entry: &str, scale: &HashMap<String, f64>) -> Option<ScaleWord> {
        let (singular, plural) = entry.split_once('|').unwrap_or((entry, entry));
        let value = *scale.get(&crate::textutil::fold(singular))?;
        Some(ScaleWord {
            value,
            singular: singular.to_string(),
            plural: plural.to_string(),
        })
    }

    /// The form that follows `count`.
    pub fn form_after(&self, count: f64, rule: ScalePlural) -> &str {
        if rule.after(count) {
            &self.plural
        } else {
            &self.singular
        }
    }
}

/// A table's entries, the longest words first (then in order): where one entry starts
/// another (`and a half`, `and a halfpenny`), the longer is tried first, and the order does
/// not depend on the table's hashing.
fn longest_first(table: HashMap<String, f64>) -> Vec<(String, f64)> {
    let mut entries: Vec<(String, f64)> = table.into_iter().collect();
    entries.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    entries
}

impl Language {
    /// The profile for an ISO 639-1 code such as `en` or `fr`.
    pub fn get(code: &str) -> Result<&'static Language, LocaleError> {
        let index = EMBEDDED
            .iter()
            .position(|e| e.code == code)
            .ok_or_else(|| {
                LocaleError::Unsupported(code.to_string(), supported_codes().join(", "))
            })?;
        loaded_language(index)
            .as_ref()
            .map_err(|e| LocaleError::Broken(e.to_string()))
    }

    pub fn is_abbreviation(&self, word_with_period: &str) -> bool {
        self.abbreviations.contains(word_with_period)
    }
}

/// Codes of every embedded language.
pub fn supported_codes() -> Vec<&'static str> {
    EMBEDDED.iter().map(|e| e.code).collect()
}

/// The language `EMBEDDED[index]`, parsed at its first use: a run needs two languages.
fn loaded_language(index: usize) -> &'static Result<Language, LocaleError> {
    static LOADED: [OnceLock<Result<Language, LocaleError>>; EMBEDDED.len()] =
        [const { OnceLock::new() }; EMBEDDED.len()];
    LOADED[index].get_or_init(|| parse_language(&EMBEDDED[index]))
}

fn parse_language(embedded: &EmbeddedLanguage) -> Result<Language, LocaleError> {
    let file: LocaleFile =
        toml::from_str(embedded.locale).map_err(|source| LocaleError::BadData {
            lang: embedded.code,
            source,
        })?;
    let whatlang =
        whatlang::Lang::from_code(&file.whatlang).ok_or_else(|| LocaleError::BadWhatlang {
            lang: embedded.code,
            code: file.whatlang.clone(),
        })?;
    let number_starts = NumberStarts::of(
        (file.scale.keys())
            .chain(file.words.keys())
            .chain(file.cardinals.keys())
            .chain(file.multipliers.keys())
            .chain(&file.number_joiners)
            .chain(&file.fraction_joiners),
        file.number_words_glued,
    );
    // A hyphenated compound may start with the part that compounds pass over (`et-un`):
    // it opens a number if what follows that part does.
    let skipped_part = format!("{}-", number::SKIPPED_COMPOUND_PART);
    let number_openers = NumberStarts::of(
        (file.scale.keys())
            .chain(file.words.keys())
            .chain(file.cardinals.keys())
            .chain(file.multipliers.keys())
            .chain(std::iter::once(&skipped_part)),
        file.number_words_glued,
    );
    let units = units_by_word(file.units);
    let word_units = units_by_word(file.word_units);
    let squared_units = squared_units(&units);
    let write_scale = file
        .write_scale
        .iter()
        .map(|entry| {
            ScaleWord::parse(entry, &file.scale).ok_or_else(|| LocaleError::UnknownScaleWord {
                lang: embedded.code,
                word: entry.clone(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let implied_units = implied_units(file.implied_units, &units, embedded.code)?;
    let repeat_links = file
        .repeats
        .links
        .iter()
        .map(|idiom| {
            opener_and_link(idiom).ok_or_else(|| LocaleError::BadRepeatLink {
                lang: embedded.code,
                idiom: idiom.clone(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(word) = file
        .age_after_name
        .as_ref()
        .filter(|w| !units.contains_key(*w))
    {
        return Err(LocaleError::UnknownAgeUnit {
            lang: embedded.code,
            word: word.clone(),
        });
    }
    Ok(Language {
        code: embedded.code,
        name: file.name,
        whatlang,
        abbreviations: data_lines(embedded.abbreviations)
            .map(str::to_string)
            .collect(),
        // Looked up with folded words (`été` is read as `ete`), so kept folded.
        stopwords: data_lines(embedded.stopwords)
            .map(crate::textutil::fold)
            .collect(),
        vocabulary: data_lines(embedded.vocabulary).collect(),
        variant_endings: file.variant_endings,
        unlikely_bigrams: unlikely_bigrams(embedded.unlikely_bigrams, embedded.code)?,
        decimal: file.decimal,
        group: file.group,
        space_before_percent: file.space_before_percent,
        scale_plural: file.scale_plural,
        write_scale,
        afternoon: file.afternoon,
        number_joiners: file.number_joiners,
        fraction_joiners: file.fraction_joiners,
        time_units: file.time_units,
        roman_ordinal_suffixes: file.roman_ordinal_suffixes,
        ordinal_word_endings: file.ordinal_word_endings,
        ordinals_counted_apart: file.ordinals_counted_apart,
        money: file.money.prepared(),
        percent: file.percent,
        teen_tens: file.teen_tens,
        scale: file.scale.into_iter().collect(),
        units,
        word_units,
        one_before_unit: file.one_before_unit,
        implied_units,
        age_after_name: file.age_after_name,
        square_units: file.square_units,
        squared_units,
        measure_fillers: file.measure_fillers,
        measure_fractions: longest_first(file.measure_fractions),
        rounded_measures: file.rounded_measures.into_iter().collect(),
        cardinals: file.cardinals.keys().cloned().collect(),
        counting_words: file.counting_words.into_iter().collect(),
        version_words: file.version_words.iter().map(|w| fold(w)).collect(),
        round_plurals: file
            .round_plurals
            .iter()
            .map(|w| w.to_lowercase())
            .collect(),
        name_case_endings: file.name_case_endings,
        words: (file.words.into_iter()).chain(file.cardinals).collect(),
        multipliers: file.multipliers.into_iter().collect(),
        number_starts,
        number_openers,
        allowed_repeats: file.repeats.allowed.into_iter().collect(),
        repeat_links,
        negators: file.negation.words.iter().map(|word| fold(word)).collect(),
        clause_negation: negation::ClauseNegation::new(&file.negation),
        changing_forms: LengthInitials::of_changing_forms(&file.elision, &file.indefinite_article),
        elision: file.elision,
        indefinite_article: file.indefinite_article,
        nouns_capitalized: file.nouns_capitalized,
        number_words_glued: file.number_words_glued,
        ordinal_dot: file.ordinal_dot,
        lone_i_numeral: file.lone_i_numeral,
        range_words: file.range_words,
        months: file.months,
        calendar: calendar::Calendar::build(file.calendar).map_err(|message| {
            LocaleError::BadCalendar {
                lang: embedded.code,
                message,
            }
        })?,
        indirect_question: file
            .indirect_question
            .iter()
            .map(|words| crate::textutil::fold(words))
            .collect(),
        question_openers: file
            .question_openers
            .iter()
            .map(|words| crate::textutil::fold(words))
            .collect(),
        question_inversions: file
            .question_inversions
            .iter()
            .map(|words| crate::textutil::fold(words))
            .collect(),
        typography: toml::from_str(embedded.typography).map_err(|source| {
            LocaleError::BadTypography {
                lang: embedded.code,
                source,
            }
        })?,
    })
}

/// The first letters that the words of a list start with: a word whose first letters are none
/// of them is none of the words, nor a compound made on one of them (`vingt-deux`, German
/// `dreihundert`). A bit set of 128 × 128 pairs of [`letter_bucket`]s rejects most words at
/// once; the first three letters, looked up after it, most of the rest (`the`, `des`, which
/// start as `three` and `deux` do).
#[derive(Debug, Clone)]
pub struct NumberStarts {
    pairs: Box<[u64; 256]>,
    /// The first three buckets of the words ([`triple`]), 0 past a word's end.
    triples: rustc_hash::FxHashSet<u32>,
    /// First two buckets after which any third passes: a short word that longer ones are made
    /// on (`a-…`; where numbers are glued, `ein…`).
    open_pairs: rustc_hash::FxHashSet<u32>,
}

impl NumberStarts {
    /// The starts of `words`. A word of one letter starts compounds too (`y-…`), and, where
    /// number words are glued (`glued`), a word shorter than three letters starts longer words
    /// with any next letter.
    fn of<'a>(words: impl Iterator<Item = &'a String>, glued: bool) -> Self {
        let mut starts = NumberStarts {
            pairs: Box::new([0u64; 256]),
            triples: Default::default(),
            open_pairs: Default::default(),
        };
        for word in words {
            let mut chars = word.chars().map(letter_bucket);
            let Some(first) = chars.next() else {
                continue;
            };
            match (chars.next(), chars.next()) {
                (None, _) => {
                    starts.triples.insert(triple(first, 0, 0));
                    let seconds = if glued { 0..128 } else { b'-'..b'-' + 1 };
                    for second in seconds {
                        starts.set_pair(first, second);
                        starts.open_pairs.insert(triple(first, second, 0));
                    }
                    starts.set_pair(first, 0);
                }
                (Some(second), None) => {
                    starts.set_pair(first, second);
                    starts.triples.insert(triple(first, second, 0));
                    starts.triples.insert(triple(first, second, b'-'));
                    if glued {
                        starts.open_pairs.insert(triple(first, second, 0));
                    }
                }
                (Some(second), Some(third)) => {
                    starts.set_pair(first, second);
                    starts.triples.insert(triple(first, second, third));
                }
            }
        }
        starts
    }

    fn set_pair(&mut self, first: u8, second: u8) {
        let (word, bit) = pair_bit(first, second);
        self.pairs[word] |= bit;
    }

    /// Whether `word` may be one of the words, or made on one, judged by its first letters.
    fn may_start(&self, word: &str) -> bool {
        if word.is_empty() {
            return true;
        }
        let [first, second, third] = first_buckets(word);
        let (bits, bit) = pair_bit(first, second);
        if self.pairs[bits] & bit == 0 {
            return false;
        }
        self.triples.contains(&triple(first, second, third))
            || self.open_pairs.contains(&triple(first, second, 0))
    }
}

/// The [`letter_bucket`]s of the first three characters of `word`, 0 past its end. Every word
/// of every segment is judged by them: ASCII bytes, nearly all of them, are read as they are,
/// without decoding.
fn first_buckets(word: &str) -> [u8; 3] {
    let bytes = word.as_bytes();
    // 0 past the end, as a bucket is.
    let head = [0, 1, 2].map(|i| bytes.get(i).copied().unwrap_or(0));
    if (head[0] | head[1] | head[2]).is_ascii() {
        return head.map(|b| b.to_ascii_lowercase());
    }
    let mut chars = word.chars().map(letter_bucket);
    [(); 3].map(|()| chars.next().unwrap_or(0))
}

/// Three letter buckets packed into one key.
fn triple(first: u8, second: u8, third: u8) -> u32 {
    u32::from(first & 0x7f) << 16 | u32::from(second & 0x7f) << 8 | u32::from(third & 0x7f)
}

/// Where the pair of two letter buckets lies in [`NumberStarts`]: which `u64`, which bit.
fn pair_bit(first: u8, second: u8) -> (usize, u64) {
    let i = usize::from(first & 0x7f) << 7 | usize::from(second & 0x7f);
    (i / 64, 1 << (i % 64))
}

/// Where a letter goes in [`NumberStarts`]: its lower case when that is one ASCII character,
/// else one bucket (0x7f) shared by every other letter (`é`, `ß`). 0 stands for the end of a
/// word.
fn letter_bucket(c: char) -> u8 {
    if c.is_ascii() {
        return c.to_ascii_lowercase() as u8;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.is_ascii() => l as u8,
        _ => 0x7f,
    }
}

impl Language {
    /// Whether `folded` (a folded word) is a common word of the language: one of its
    /// vocabulary, or a spelling variant of one whose ending `variant_endings` of its
    /// `locale.toml` replaces (`center`, `organization` for a vocabulary mined from British
    /// text, which writes `centre`, `organisation`).
    pub fn knows(&self, folded: &str) -> bool {
        self.vocabulary.contains(folded)
            || self
                .respellings(folded)
                .any(|known| self.vocabulary.contains(known.as_str()))
    }

    /// Whether folded `variant` is the vocabulary's folded word `known` spelt another way the
    /// language allows (`center` and `centre`; see [`Language::knows`]).
    pub fn respells(&self, variant: &str, known: &str) -> bool {
        self.vocabulary.contains(known) && self.respellings(variant).any(|r| r == known)
    }

    /// The words folded `variant` may be a spelling variant of: its stem with each ending
    /// `variant_endings` gives for its own.
    fn respellings<'a>(&'a self, variant: &'a str) -> impl Iterator<Item = String> + 'a {
        self.variant_endings
            .iter()
            .filter_map(move |(ending, known)| {
                let stem = variant.strip_suffix(ending.as_str())?;
                (!stem.is_empty()).then(|| format!("{stem}{known}"))
            })
    }

    /// Whether the words `first` then `second`, in lower case, are a pair the language's text
    /// never shows side by side.
    pub fn unlikely_bigram(&self, first: &str, second: &str) -> bool {
        !self.unlikely_bigrams.is_empty()
            && self
                .unlikely_bigrams
                .contains(&(short_key(first), short_key(second)))
    }

    /// The unit `word` names, looked up as written and, when longer than two letters, in
    /// lower case (`Kilometer`, `Miles`; but `M.` is no metre).
    pub fn unit(&self, word: &str) -> Option<&Unit> {
        unit_in(&self.units, word)
    }

    /// The unit `word` names after a number written in words: one of [`Language::unit`] or of
    /// [`Language::word_units`].
    pub fn unit_after_words(&self, word: &str) -> Option<&Unit> {
        self.unit(word).or_else(|| unit_in(&self.word_units, word))
    }

    /// The unit of area that unit of length `word` makes when squared (`metres` of `square
    /// metres`), looked up as [`Language::unit`] looks up units.
    pub fn squared_unit(&self, word: &str) -> Option<&Unit> {
        unit_in(&self.squared_units, word)
    }

    /// Whether `word` may be a number word, a multiplier, a scale word or a joiner, judged by
    /// its first two letters (never false for one that is).
    pub fn may_be_number_word(&self, word: &str) -> bool {
        self.number_starts.may_start(word)
    }

    /// Whether `word` may open a number in words: be a number word, multiplier or scale word,
    /// or a compound or (where numbers are glued) a word made on one, judged by its first
    /// letters as [`Language::may_be_number_word`] judges them (never false for one that is).
    pub fn may_open_number(&self, word: &str) -> bool {
        self.number_openers.may_start(word)
    }

    /// Whether `word`, an ASCII word, may be one whose form changes with the next word: an
    /// elided word, its full form, a word replaced before a vowel or the indefinite article
    /// (`l'`, `que`, `sa`, `an`), case aside. Never false for one of them; most words have
    /// no such length and first letter, and are passed over without a lookup.
    pub fn may_change_form(&self, word: &str) -> bool {
        self.changing_forms.may_hold(word)
    }
}

/// The words whose form changes with the next word: the elided words, their full forms, the
/// words replaced before a vowel and the indefinite article's forms.
fn changing_form_words<'e>(
    elision: &'e Elision,
    article: &'e Option<IndefiniteArticle>,
) -> impl Iterator<Item = &'e String> {
    let articles = article
        .iter()
        .flat_map(|a| [&a.before_consonant, &a.before_vowel]);
    elision
        .words
        .iter()
        .chain(&elision.full)
        .chain(elision.full_before_only.keys())
        .chain(elision.replaced_before_vowel.keys())
        .chain(articles)
}

/// Which lengths (up to [`LengthInitials::LONGEST`] bytes) and ASCII first characters, case
/// aside, a few words have: a bit a (length, character).
#[derive(Debug, Default)]
struct LengthInitials([u128; LengthInitials::LONGEST + 1]);

impl LengthInitials {
    const LONGEST: usize = 8;

    fn of_changing_forms(elision: &Elision, article: &Option<IndefiniteArticle>) -> Self {
        let mut set = LengthInitials::default();
        changing_form_words(elision, article).for_each(|word| set.insert(word));
        set
    }

    fn insert(&mut self, word: &str) {
        if let Some((length, bit)) = Self::bit(word) {
            self.0[length] |= bit;
        }
    }

    /// Never false for a word inserted, case aside: a word too long or not starting with an
    /// ASCII character, which no inserted word of the set's lengths and letters can equal, is
    /// said to be held as well.
    fn may_hold(&self, word: &str) -> bool {
        Self::bit(word).is_none_or(|(length, bit)| self.0[length] & bit != 0)
    }

    fn bit(word: &str) -> Option<(usize, u128)> {
        let &first = word.as_bytes().first()?;
        (word.len() <= Self::LONGEST && first.is_ascii())
            .then(|| (word.len(), 1 << first.to_ascii_lowercase()))
    }
}

/// The unit of `word` in `units`: as written, or in lower case when longer than two letters
/// (`M` is no metre).
fn unit_in<'u>(units: &'u rustc_hash::FxHashMap<String, Unit>, word: &str) -> Option<&'u Unit> {
    units.get(word).or_else(|| {
        (word.chars().nth(2).is_some())
            .then(|| units.get(&word.to_lowercase()))
            .flatten()
    })
}

/// The pairs of `data/<lang>/unlikely-bigrams.txt`: two lower-case words a line.
fn unlikely_bigrams(
    text: &str,
    lang: &'static str,
) -> Result<rustc_hash::FxHashSet<(u64, u64)>, LocaleError> {
    data_lines(text)
        .map(|line| match line.split_once(' ') {
            Some((first, second)) if !second.contains(' ') => {
                Ok((short_key(first), short_key(second)))
            }
            _ => Err(LocaleError::BadBigram {
                lang,
                line: line.to_string(),
            }),
        })
        .collect()
}

/// The meaningful lines of a data file: trimmed, without blanks and `#` comments.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn american_spellings_of_the_vocabulary_s_british_words_are_words() {
        let english = Language::get("en").unwrap();
        for word in [
            "center",
            "centers",
            "organization",
            "labor",
            "program",
            "defense",
        ] {
            assert!(english.knows(word), "{word}");
        }
        // Only a stem the vocabulary holds with the other ending: no ending makes a word.
        for not_a_word in ["cnter", "er", "facebrook", "organizashun"] {
            assert!(!english.knows(not_a_word), "{not_a_word}");
        }
        assert!(english.respells("center", "centre"));
        assert!(
            !english.respells("centre", "center"),
            "the vocabulary's form is the second"
        );
        assert!(
            !english.respells("peter", "petre"),
            "no word of the vocabulary"
        );
        // French has no variant endings: its vocabulary alone.
        assert!(!Language::get("fr").unwrap().knows("organization"));
    }

    #[test]
    fn every_word_whose_form_changes_passes_the_length_and_initial_filter() {
        for code in supported_codes() {
            let lang = Language::get(code).unwrap();
            for word in changing_form_words(&lang.elision, &lang.indefinite_article) {
                let capital = crate::textutil::match_case(word, "X");
                assert!(lang.may_change_form(word), "{code}: {word}");
                assert!(lang.may_change_form(&capital), "{code}: {capital}");
            }
            // A word longer than the filter's reach, or not ASCII, is never ruled out.
            assert!(lang.may_change_form("extraordinarily"));
            assert!(lang.may_change_form("été"));
        }
        let french = Language::get("fr").unwrap();
        for passed_over in ["les", "des", "pour", "Nous", "et"] {
            assert!(!french.may_change_form(passed_over), "{passed_over}");
        }
    }

    #[test]
    fn every_number_word_passes_the_first_letters_filter() {
        for code in supported_codes() {
            let lang = Language::get(code).unwrap();
            let listed = (lang.words.keys())
                .chain(lang.scale.keys())
                .chain(lang.multipliers.keys())
                .chain(&lang.number_joiners)
                .chain(&lang.fraction_joiners);
            for word in listed {
                assert!(lang.may_be_number_word(word), "{code}: {word}");
                assert!(
                    lang.may_be_number_word(&word.to_uppercase()),
                    "{code}: {word}"
                );
            }
            assert!(!lang.may_be_number_word("xylophone"), "{code}");
            assert!(!lang.may_be_number_word("Xe"), "{code}");
            assert!(!lang.may_be_number_word("Été"), "{code}");
        }
    }

    #[test]
    fn every_word_that_opens_a_number_passes_the_openers_filter() {
        for code in supported_codes() {
            let lang = Language::get(code).unwrap();
            let openers = (lang.words.keys())
                .chain(lang.scale.keys())
                .chain(lang.multipliers.keys());
            for word in openers {
                for form in [word.clone(), word.to_uppercase(), format!("{word}-x")] {
                    assert!(lang.may_open_number(&form), "{code}: {form}");
                }
                let skipped = format!("{}-{word}", number::SKIPPED_COMPOUND_PART);
                assert!(lang.may_open_number(&skipped), "{code}: {skipped}");
            }
            assert!(!lang.may_open_number("xylophone"), "{code}");
        }
        // Joiners continue a number but open none.
        let en = Language::get("en").unwrap();
        assert!(!en.may_open_number("and"));
        assert!(!en.may_open_number("the"));
    }

    #[test]
    fn first_buckets_read_bytes_as_letter_bucket_reads_characters() {
        for word in [
            "",
            "a",
            "Un",
            "ten",
            "Vingt-deux",
            "Été",
            "dEUx",
            "ÄB",
            "x-É",
            "zéro",
        ] {
            let mut chars = word.chars().map(letter_bucket);
            let expected = [(); 3].map(|()| chars.next().unwrap_or(0));
            assert_eq!(first_buckets(word), expected, "{word}");
        }
    }

    #[test]
    fn every_embedded_language_parses() {
        for code in supported_codes() {
            let lang = Language::get(code).unwrap();
            assert!(!lang.abbreviations.is_empty(), "{code}");
            assert!(!lang.words.is_empty(), "{code}");
            assert!(lang.typography.variant.contains_key("default"), "{code}");
        }
    }

    #[test]
    fn unknown_language_is_an_error_naming_the_supported_ones() {
        let err = Language::get("xx").unwrap_err().to_string();
        assert!(err.contains("en, fr"), "{err}");
    }

    #[test]
    fn function_words_are_kept_folded_as_the_checks_look_them_up() {
        let french = Language::get("fr").unwrap();
        for folded in ["ete", "apres", "tres", "deja"] {
            assert!(french.stopwords.contains(folded), "{folded}");
        }
        assert!(!french.stopwords.contains("été"));
    }

    #[test]
    fn a_misspelt_key_in_a_data_file_is_an_error() {
        // Adding a language is writing data: a key the code does not read must not pass unseen.
        let english = EMBEDDED.iter().find(|e| e.code == "en").unwrap();
        assert!(toml::from_str::<LocaleFile>(english.locale).is_ok());
        // `scale_plurals` for `scale_plural`, the real key left as it is.
        let misspelt =
            english
                .locale
                .replacen("\nname = ", "\nscale_plurals = \"never\"\nname = ", 1);
        assert!(toml::from_str::<LocaleFile>(&misspelt).is_err());
        let extra = format!("{}\nspace_before_colon = true\n", english.typography);
        assert!(toml::from_str::<typography::Typography>(&extra).is_err());
    }

    #[test]
    fn every_language_writes_scale_words_it_can_read() {
        // `parse_language` fails on a write_scale word missing from [scale]; check each loads.
        for code in supported_codes() {
            let lang = Language::get(code).unwrap();
            assert!(!lang.write_scale.is_empty(), "{code}");
        }
        let german = Language::get("de").unwrap();
        let milliard = &german.write_scale[1];
        assert_eq!(milliard.value, 1e9);
        assert_eq!(milliard.form_after(1.0, german.scale_plural), "Milliarde");
        assert_eq!(milliard.form_after(1.3, german.scale_plural), "Milliarden");
        let french = Language::get("fr").unwrap();
        assert_eq!(
            french.write_scale[1].form_after(1.3, french.scale_plural),
            "milliard"
        );
    }

    #[test]
    fn no_unit_word_measures_two_quantities() {
        // `units_by_word` keeps one quantity per word: a word listed under two would silently
        // lose one of them.
        for embedded in EMBEDDED {
            let file: LocaleFile = toml::from_str(embedded.locale).unwrap();
            let mut seen: HashMap<&str, &str> = HashMap::new();
            for (quantity, words) in &file.units {
                for word in words.keys() {
                    let before = seen.insert(word, quantity);
                    assert!(
                        before.is_none(),
                        "{}: `{word}` is in [units.{quantity}] and [units.{}]",
                        embedded.code,
                        before.unwrap_or_default()
                    );
                }
            }
        }
    }

    #[test]
    fn units_are_found_as_written_and_longer_ones_in_lower_case() {
        let french = Language::get("fr").unwrap();
        assert_eq!(french.unit("km").unwrap().size, 1000.0);
        assert_eq!(french.unit("Kilomètres").unwrap().quantity, "length");
        assert!(french.unit("M").is_none(), "`M.` is Monsieur");
        let german = Language::get("de").unwrap();
        assert_eq!(german.unit("Jahrzehnte").unwrap().size, 3652.5);
    }

    #[test]
    fn french_billion_is_a_trillion() {
        assert_eq!(Language::get("fr").unwrap().scale["billion"], 1e12);
        assert_eq!(Language::get("en").unwrap().scale["billion"], 1e9);
    }
}
