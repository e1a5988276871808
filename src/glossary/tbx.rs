//! TBX termbases (TBX-Basic / TBX 2 `<termEntry>/<langSet>/<tig>/<term>`, and TBX 3
//! `<conceptEntry>/<langSec>/<termSec>`): per concept, the source-language terms, the first
//! admitted target term as the approved one, and the target terms whose administrative status
//! is forbidden or deprecated as forbidden ones. Read with the same safe XML reader as TMX and
//! XLIFF: no DTD, no external or custom entity.

use super::{GlossaryError, Term};
use crate::ingest::primary_language;
use crate::ingest::xml::{XmlInput, local_name};
use quick_xml::events::Event;
use std::path::Path;

/// One term of a concept, and whether it must not be used.
struct ConceptTerm {
    lang: String,
    text: String,
    forbidden: bool,
}

pub(super) fn parse(
    path: &Path,
    text: &str,
    from: &str,
    to: &str,
) -> Result<Vec<Term>, GlossaryError> {
    let input: Box<dyn std::io::BufRead> = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
    let mut xml = XmlInput::new(path.to_path_buf(), input);
    let (from, to) = (primary_language(from), primary_language(to));
    let mut terms = Vec::new();
    // The language of the `<langSet>` being read, the term being read, its text so far, and
    // whether an administrative status note is being read.
    let mut lang = String::new();
    let mut concept: Vec<ConceptTerm> = Vec::new();
    let mut term: Option<String> = None;
    let mut status: Option<String> = None;
    loop {
        match xml.next()? {
            Event::Start(e) => match local_name(&e).as_str() {
                "termEntry" | "conceptEntry" => concept.clear(),
                "langSet" | "langSec" => {
                    lang = primary_language(&xml.attribute(&e, "xml:lang")?.unwrap_or_default());
                }
                "term" => term = Some(String::new()),
                "termNote" | "descrip"
                    if xml.attribute(&e, "type")?.as_deref() == Some("administrativeStatus") =>
                {
                    status = Some(String::new());
                }
                _ => {}
            },
            Event::Text(t) => {
                let content = t.xml10_content();
                if let Some(text) = status.as_mut().or(term.as_mut()) {
                    text.push_str(&content);
                }
            }
            Event::GeneralRef(r) => {
                let c = xml.reference(&r)?;
                if let Some(text) = status.as_mut().or(term.as_mut()) {
                    text.push(c);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "term" => {
                    if let Some(text) = term.take() {
                        concept.push(ConceptTerm {
                            lang: lang.clone(),
                            text: text.trim().to_string(),
                            forbidden: false,
                        });
                    }
                }
                "termNote" | "descrip" => {
                    if let Some(value) = status.take() {
                        let value = value.to_ascii_lowercase();
                        if (value.contains("forbidden") || value.contains("deprecated"))
                            && let Some(last) = concept.last_mut()
                        {
                            last.forbidden = true;
                        }
                    }
                }
                "termEntry" | "conceptEntry" => {
                    terms.extend(concept_terms(&concept, &from, &to).map_err(|e| xml.error(e))?);
                    concept.clear();
                }
                _ => {}
            },
            Event::Eof => return Ok(terms),
            _ => {}
        }
    }
}

/// The glossary entries of one concept: one per source term, when the concept has an
/// approved target term.
fn concept_terms(concept: &[ConceptTerm], from: &str, to: &str) -> Result<Vec<Term>, String> {
    let targets = concept
        .iter()
        .filter(|t| t.lang == to && !t.text.is_empty());
    let forbidden: Vec<String> = targets
        .clone()
        .filter(|t| t.forbidden)
        .map(|t| t.text.clone())
        .collect();
    let Some(approved) = targets.clone().find(|t| !t.forbidden) else {
        return Ok(Vec::new());
    };
    concept
        .iter()
        .filter(|t| t.lang == from && !t.forbidden && !t.text.is_empty())
        .map(|source| Term::new(&source.text, &approved.text, forbidden.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TBX: &str = r#"<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en-US">
 <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
 <text><body>
  <termEntry id="c1">
   <descrip type="definition">A unit of ownership of a company.</descrip>
   <langSet xml:lang="en-US"><tig><term>share</term></tig></langSet>
   <langSet xml:lang="fr-FR">
    <tig><term>action</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>partage</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <tig><term>part</term><termNote type="administrativeStatus">forbidden</termNote></tig>
   </langSet>
  </termEntry>
  <termEntry id="c2">
   <langSet xml:lang="en"><tig><term>R&amp;D</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>
"#;

    #[test]
    fn reads_approved_and_forbidden_terms() {
        let terms = parse(Path::new("g.tbx"), TBX, "en", "fr").unwrap();
        assert_eq!(terms.len(), 1, "c2 has no French term");
        assert_eq!(terms[0].source, "share");
        assert_eq!(terms[0].approved, "action");
        assert_eq!(terms[0].forbidden, vec!["partage", "part"]);
    }

    #[test]
    fn entities_from_a_dtd_are_refused() {
        let tbx = "<!DOCTYPE martif [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>";
        let err = parse(Path::new("g.tbx"), tbx, "en", "fr").unwrap_err();
        assert!(err.to_string().contains("g.tbx:2:"), "{err}");
        assert!(err.to_string().contains("`&x;` is not expanded"), "{err}");
    }
}
