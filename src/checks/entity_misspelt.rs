//! entity-misspelt: a name of the source appears in the target with a slightly different
//! spelling (`Facebrook` for `Facebook`).

use super::names::{Misspelling, NameLookup, capitalized_source_words, misspelt_variant};
use super::{BeadContext, Check, Rule, RuleExample};
use crate::model::{Finding, Severity};

pub struct EntityMisspelt;

static RULE: Rule = Rule {
    id: "entity-misspelt",
    category: "fluency/spelling",
    severity: Severity::Major,
    summary: "A name, brand or acronym of the source is misspelt in the target.",
    explanation: "Proper names, brands and acronyms are carried over unchanged unless the \
language has its own form for them (countries, cities, institutions: `London` → `Londres`). \
This rule looks for a target word that is close to a source name without being it — one or \
two letters added, dropped or swapped, or a space inserted — and suggests the source spelling. \
A variant is reported even when the name is also written right elsewhere in the segment. A \
word the target language's vocabulary knows in any of its spellings (`Center` as well as \
`Centre`, `data/<lang>/locale.toml`) and the name is not, or that the target document also \
writes in lower case, is a word of the language, not a misspelt name; a form the source \
document itself writes as a name elsewhere is its usual spelling, the source strays \
(`Gifffords` once where the article writes `Giffords`); and a target that adds the space \
after an initial that the source left out (`J.Hunt` → `J. Hunt`) writes the name right. \
Names the pair's data lists as translated are never reported, nor names adapted the target \
language's way: an ending (`Colombia` → `Colombie`, `data/<pair>/name-endings.tsv`; not after \
a given name carried over unchanged, for a person's name keeps its ending, `Tim Cook` → `Tim \
Cooke`, but for its grammar's case endings, `name_case_endings`: German `Caspar Hausers`) or a \
transliteration (`Bishkek` → `Bichkek`, `Khodorkovsky` → `Khodorkovski`, \
`data/<pair>/name-spellings.tsv`). Nor is a name with a letter spelt out the way its language \
allows (`Schröder` → `Schroeder`, `data/common/letter-spellings.tsv`).",
    example: RuleExample {
        source: "Reports that Facebook asked banks for data raised eyebrows.",
        bad: "Les informations selon lesquelles Facebrook a demandé des données aux banques ont surpris.",
        good: "Les informations selon lesquelles Facebook a demandé des données aux banques ont surpris.",
        glossary: "",
        context: None,
    },
};

impl Check for EntityMisspelt {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_bead(&self, ctx: &BeadContext, out: &mut Vec<Finding>) {
        let names = capitalized_source_words(ctx);
        let target = ctx.name_target();
        let lookup = NameLookup::new(&names, target);
        let mut reported = Vec::new();
        for name in &names {
            // A misspelling is one whether or not the name is also there: whether it is, which
            // the entity-missing check asks, is not looked into.
            let Some(Misspelling {
                span, spacing_only, ..
            }) = misspelt_variant(ctx, name, target, &lookup)
            else {
                continue;
            };
            if reported.contains(&span) || source_document_writes(ctx, span) {
                continue;
            }
            let written = &ctx.target.text[span.range()];
            if spacing_only && mends_source_typography(name.text, written) {
                continue;
            }
            reported.push(span);
            let (message, severity) = if spacing_only {
                (
                    format!("`{}` is written `{written}` in the target", name.text),
                    Severity::Minor,
                )
            } else {
                (
                    format!("`{written}` looks like a misspelling of `{}`", name.text),
                    RULE.severity,
                )
            };
            out.push(
                ctx.finding(&RULE, message)
                    .with_severity(severity)
                    .with_source(ctx.source_span(name.span))
                    .with_target(ctx.target_span(span))
                    .with_suggestion(name.text),
            );
        }
    }
}

/// Whether `written` (the target's form of the source name `name`) is the name with the
/// space after its initials that the source left out (`J.Hunt` → `J. Hunt`): the translation
/// is right there, the source is not. (A hyphen before a lower-case letter looks like a line
/// break's too, `Birchen-gang`, but is also how names are romanized: `Shui-bian`, `Jong-un`.)
fn mends_source_typography(name: &str, written: &str) -> bool {
    let mut mended = String::with_capacity(name.len() + 4);
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        mended.push(c);
        if c == '.' && chars.peek().is_some_and(|n| n.is_uppercase()) {
            mended.push(' ');
        }
    }
    mended != name && mended == written
}

/// Whether the source document itself writes the target's form as a name elsewhere: then the
/// source, not the translation, strays from the document's spelling (`Gifffords` once in an
/// article that writes `Giffords` twelve times).
fn source_document_writes(ctx: &BeadContext, target_span: crate::model::Span) -> bool {
    let written = crate::textutil::fold(&ctx.target.text[target_span.range()]);
    ctx.document.names.contains(&written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{run, run_document, same_alone_and_long};
    use crate::glossary::Glossary;

    #[test]
    fn a_name_with_a_letter_spelt_out_is_the_same_name() {
        let entity = |source: &str, target: &str| {
            let mut found = run(&EntityMisspelt, source, target);
            found.extend(run(
                &super::super::entity_missing::EntityMissing,
                source,
                target,
            ));
            found
        };
        let same = [
            (
                "Chancellor Schröder spoke.",
                "Le chancelier Schroeder a parlé.",
            ),
            (
                "Chancellor Schroeder spoke.",
                "Le chancelier Schröder a parlé.",
            ),
            (
                "The Oesterreichische Alpenzeitung wrote.",
                "L'Österreichische Alpenzeitung a écrit.",
            ),
            (
                "Minister Søren Pind spoke.",
                "Le ministre Soeren Pind a parlé.",
            ),
        ];
        for (source, target) in same {
            assert!(entity(source, target).is_empty(), "{target}");
        }
        // Spelt out, still misspelt.
        let found = entity(
            "Chancellor Schröder spoke.",
            "Le chancelier Schroederr a parlé.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Schroederr");
    }

    #[test]
    fn words_of_a_name_adapted_by_their_ending_are_not_misspelt() {
        // `data/en-fr/name-endings.tsv`: `-ties` → `-ités`. (`-er` → `-re` would be the
        // commonest typo of all, `Petre` for `Peter`.)
        let source = "He works at the Medical Center of Specialties in Puebla.";
        let adapted = "Il travaille au Medical Center des Spécialités de Puebla.";
        let found = run(&EntityMisspelt, source, adapted);
        assert!(found.is_empty(), "{found:?}");
        let misspelt = "Il travaille au Medical Center des Spécalités de Puebla.";
        let found = run(&EntityMisspelt, source, misspelt);
        let texts: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(texts, ["Spécalités"]);
    }

    #[test]
    fn a_target_that_mends_the_source_typography_is_right() {
        assert!(mends_source_typography("J.Hunt", "J. Hunt"));
        assert!(mends_source_typography(
            "G.O.Dyhrenfurth",
            "G. O. Dyhrenfurth"
        ));
        assert!(!mends_source_typography("Shui-bian", "Shuibian"));
        assert!(!mends_source_typography("Facebook", "Face book"));
        assert!(!mends_source_typography("J. Hunt", "J.Hunt"));
        let found = run(
            &EntityMisspelt,
            "Der Expedition gehörten J.Hunt und E.Hillary an.",
            "L'expédition comprenait J. Hunt et E. Hillary.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_long_segment_finds_what_its_sentence_alone_finds() {
        // Past 64 target words, the names look themselves up through an index of the target's
        // words by first letter: the findings must be the same as a plain scan's.
        let source = "JPMorgan and Goldman-Sachs told Facebook that Boeing would wait.";
        let target = "JP Morgan et GoldmanSachs ont dit à Facebrook que Boieng attendrait.";
        let alone = same_alone_and_long(&EntityMisspelt, source, target);
        assert_eq!(alone.len(), 4, "{alone:?}");
    }

    #[test]
    fn a_long_segment_finds_the_names_written_with_a_hyphen_more_or_less() {
        // Past 64 target words, such a spelling is looked up by the words' forms with their
        // hyphens dropped, and a split name by the words that begin it.
        let source = "They met at Miskolctapolca, then at the Wells-Fargo office of JPMorgan.";
        let target = "Ils se sont vus à Miskolc-Tapolca, puis au bureau WellsFargo de JP Morgan.";
        let found = same_alone_and_long(&EntityMisspelt, source, target);
        let messages: Vec<String> = found.into_iter().map(|(message, _)| message).collect();
        assert_eq!(
            messages,
            [
                "`Miskolctapolca` is written `Miskolc-Tapolca` in the target",
                "`Wells-Fargo` is written `WellsFargo` in the target",
                "`JPMorgan` is written `JP Morgan` in the target"
            ]
        );
    }

    #[test]
    fn flags_facebrook_with_suggestion() {
        let found = run(
            &EntityMisspelt,
            "Reports that Facebook asked banks.",
            "Les rapports que Facebrook a demandé aux banques.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "Facebrook");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("Facebook"));
    }

    #[test]
    fn a_name_whose_class_has_a_prefix_form_can_still_be_misspelt() {
        // `afghan*` (data/en-fr/names.tsv) covers `afghane`, not `Afghannistan`.
        let source = "Some believe that Afghanistan is a country in turmoil.";
        let found = run(
            &EntityMisspelt,
            source,
            "Certains pensent que l'Afghannistan est un pays en crise.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.suggestion.as_deref(), Some("Afghanistan"));
        assert!(
            run(
                &EntityMisspelt,
                "The Afghan government met.",
                "Le gouvernement afghan s'est réuni.",
            )
            .is_empty()
        );
    }

    #[test]
    fn a_typo_after_the_stem_is_no_translation() {
        // The German–French word list pairs `Himalaya` with itself: its stem `himala` then
        // translates any `Himala…`, a typo too.
        let pairs = [
            (
                "Diese Flüsse sind älter als der Himalaya.",
                "Ces fleuves sont plus anciens que l'Himalayya.",
            ),
            (
                "Sie kamen aus dem Himalaya zurück.",
                "Ils revinrent de l'Himalaya.",
            ),
        ];
        let found = run_document(&EntityMisspelt, &pairs, "de", "fr", &Glossary::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Himalayya");
    }

    #[test]
    fn a_typo_of_the_source_is_no_misspelling_of_the_translation() {
        let pairs = [
            (
                "Rep. Gabrielle Gifffords appeared on television.",
                "La représentante Gabrielle Giffords est apparue à la télévision.",
            ),
            ("Then Giffords sang along.", "Puis Giffords a chanté."),
        ];
        let glossary = Glossary::default();
        assert!(run_document(&EntityMisspelt, &pairs, "en", "fr", &glossary).is_empty());
        // Alone, the segment cannot tell which side strays.
        assert_eq!(run(&EntityMisspelt, pairs[0].0, pairs[0].1).len(), 1);
    }

    #[test]
    fn a_word_the_document_writes_in_lower_case_is_no_misspelt_name() {
        // `Hussars` → `Hussards`: a near variant that no word list pairs.
        let pairs = [
            (
                "The Hussars won the final.",
                "Les Hussards ont gagné la finale.",
            ),
            ("The cavalry charged.", "Les hussards chargeaient."),
        ];
        let glossary = Glossary::default();
        assert!(run_document(&EntityMisspelt, &pairs, "en", "fr", &glossary).is_empty());
        // Alone, the segment gives no such evidence.
        assert_eq!(run(&EntityMisspelt, pairs[0].0, pairs[0].1).len(), 1);
        // A word of the target language's vocabulary is one without the document's help, and
        // so is a translation the pair's word lists know (`blues` → `bleus`).
        assert!(run(&EntityMisspelt, "The Blues won.", "Les Bleus ont gagné.").is_empty());
        assert!(
            run(
                &EntityMisspelt,
                "He works at the National Medical Center.",
                "Il travaille au Centre médical national.",
            )
            .is_empty()
        );
    }

    #[test]
    fn names_transliterated_the_french_way_are_no_misspellings() {
        for (source, target) in [
            ("He flew to Bishkek.", "Il s'est envolé pour Bichkek."),
            (
                "Khodorkovsky is in Murmansk.",
                "Khodorkovski est à Mourmansk.",
            ),
            ("The Games are in Sochi.", "Les Jeux ont lieu à Sotchi."),
            (
                "As Cicero wrote to Cato.",
                "Comme Cicéron l'écrivit à Caton.",
            ),
            ("The Philistines came.", "Les Philistins vinrent."),
        ] {
            assert!(run(&EntityMisspelt, source, target).is_empty(), "{target}");
        }
        // Two words of the language, not a name split in two.
        assert!(run(&EntityMisspelt, "Apart from that, no.", "À part cela, non.").is_empty());
        // Transliteration explains some changes, not a letter left out.
        let found = run(&EntityMisspelt, "He is in Murmansk.", "Il est à Murmask.");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_misspelt_copy_next_to_a_right_one_is_flagged() {
        let found = run(
            &EntityMisspelt,
            "The Commission agreed.",
            "La Commission, puis la Commmission, ont approuvé.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Commmission");
        // Also when the name is written the target language's way elsewhere.
        let found = run(
            &EntityMisspelt,
            "the Commission and the European Commission",
            "la Commission et la Commmission européenne",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Commmission");
        // The pair's own form of a name is no misspelling of it.
        assert!(run(&EntityMisspelt, "in Brandenburg", "dans le Brandebourg").is_empty());
        // Split as the pair's data writes it: no spacing variant.
        assert!(
            run(
                &EntityMisspelt,
                "the border with Vietnam",
                "la frontière avec le Viet Nam"
            )
            .is_empty()
        );
        assert_eq!(
            run(&EntityMisspelt, "JPMorgan said", "JP Morgan a dit").len(),
            1
        );
        // Plural and adapted forms beside the name are no misspellings, nor is a word of the
        // target language that looks like the name.
        for (source, target) in [
            (
                "The Commission agreed.",
                "La Commission et les Commissions ont approuvé.",
            ),
            (
                "Cech saved twice.",
                "Cech, the Czech goalkeeper, saved twice.",
            ),
        ] {
            let (from, to) = if target.starts_with("La") {
                ("en", "fr")
            } else {
                ("fr", "en")
            };
            let glossary = Glossary::default();
            let found = run_document(&EntityMisspelt, &[(source, target)], from, to, &glossary);
            assert!(found.is_empty(), "{found:?}");
        }
    }

    #[test]
    fn flags_inserted_space_as_minor() {
        let found = run(
            &EntityMisspelt,
            "talks with Chase, JPMorgan and Citibank",
            "des discussions avec Chase, JP Morgan et Citibank",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "JP Morgan");
        assert_eq!(found[0].0.severity, Severity::Minor);
    }

    #[test]
    fn a_person_keeps_the_ending_of_his_name() {
        let found = run(
            &EntityMisspelt,
            "Apple CEO Tim Cook presented the phone.",
            "Le PDG d'Apple, Tim Cooke, a présenté le téléphone.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Cooke");
        // Places adapt their ending after a name carried over or not; a transliterated name
        // may take the target language's ending.
        for (source, target) in [
            (
                "The governor of South Carolina spoke.",
                "Le gouverneur de la Caroline du Sud a parlé.",
            ),
            ("Boris Yeltsin resigned.", "Boris Eltsine a démissionné."),
            ("He flew to Costa Rica.", "Il est allé au Costa Rica."),
        ] {
            assert!(run(&EntityMisspelt, source, target).is_empty(), "{target}");
        }
        // A German name's genitive is the same name.
        let genitive = crate::checks::testing::run_with(
            &EntityMisspelt,
            "Caspar Hausers Schilderung.",
            "La description de Caspar Hauser.",
            "de",
            "fr",
            &Glossary::default(),
        );
        assert!(genitive.is_empty(), "{genitive:?}");
    }

    #[test]
    fn translated_and_adapted_names_are_not_misspellings() {
        assert!(
            run(
                &EntityMisspelt,
                "He flew to London and met the Kurds.",
                "Il est allé à Londres et a rencontré les Kurdes."
            )
            .is_empty()
        );
        assert!(
            run(
                &EntityMisspelt,
                "the European Parliament",
                "le Parlement européen"
            )
            .is_empty()
        );
        // Endings the pair's data lists (`ey` → `e`, `ed` → `é`), on a kept stem.
        for (source, target) in [
            (
                "Once again Cauca Valley won.",
                "De nouveau Valle del Cauca a gagné.",
            ),
            (
                "Filmed before the iPod, it is prescient.",
                "Filmé avant l'iPod, il est prescient.",
            ),
        ] {
            assert!(run(&EntityMisspelt, source, target).is_empty(), "{target}");
        }
        // The other way: a country's name and its people's adjective side by side.
        let adjective = crate::checks::testing::run_from_french(
            &EntityMisspelt,
            "Le gouvernement roumain et l'ONG Focus on Romania.",
            "The Romanian Government and the NGO Focus on Romania.",
        );
        assert!(adjective.is_empty(), "{adjective:?}");
    }

    #[test]
    fn an_american_spelling_of_a_translated_word_is_no_misspelling() {
        // The English vocabulary is British (`centre`, `organisation`); an American
        // translation writes them its way.
        let found = crate::checks::testing::run_from_french(
            &EntityMisspelt,
            "Le Centre national et l'Organisation mondiale ont publié le Programme.",
            "The National Center and the World Organization published the Program.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = crate::checks::testing::run_from_french(
            &EntityMisspelt,
            "Le Centre national a publié un rapport.",
            "The National Cnetre published a report.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_misspelt_word_keeps_its_stem_but_is_no_word() {
        // The lexicon stems (`commis`) and the name class of `European Union` (which holds
        // the adjective `européen*`) must not hide these.
        for (source, target, written) in [
            ("the Commission said", "la Commissuon a dit", "Commissuon"),
            ("the European Union", "l'Uniion européenne", "Uniion"),
        ] {
            let found = run(&EntityMisspelt, source, target);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].1, written);
        }
        for (source, target) in [
            ("the European Union", "l'Union européenne"),
            ("the Department said", "le Département a dit"),
        ] {
            assert!(run(&EntityMisspelt, source, target).is_empty(), "{target}");
        }
    }

    #[test]
    fn a_name_misspelt_inside_a_german_compound_is_found() {
        let glossary = Glossary::default();
        let source = "Ils ont atteint le glacier du Manaslu.";
        let misspelt = [(source, "Sie erreichten den Manasul-Gletscher.")];
        let found = run_document(&EntityMisspelt, &misspelt, "fr", "de", &glossary);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Manasul");
        let right = [(source, "Sie erreichten den Manaslu-Gletscher.")];
        let found = run_document(&EntityMisspelt, &right, "fr", "de", &glossary);
        assert!(found.is_empty(), "{found:?}");
    }
}
