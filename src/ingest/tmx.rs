//! TMX 1.4b: `<tu>` units holding one `<tuv xml:lang>` per language, each with a `<seg>`.
//! The source language is `--from`, else the header's `srclang`; the target is `--to`, else
//! the first other language. Inline `<bpt>/<ept>/<ph>/<it>/<ut>` (whose content is native
//! code) and `<hi>` become placeholders.

use super::inline::TagKind;
use super::xml::{XmlInput, local_name};
use super::{IngestError, Languages, Unit, UnitText, primary_language};
use quick_xml::events::{BytesStart, Event};
use std::io::BufRead;
use std::path::PathBuf;

pub(crate) struct TmxUnits {
    xml: XmlInput,
    wanted: Languages,
    srclang: Option<String>,
    ordinal: usize,
    done: bool,
}

impl TmxUnits {
    /// Reads up to the body, so that the header's languages are known.
    pub fn new(
        path: PathBuf,
        input: Box<dyn BufRead>,
        wanted: &Languages,
    ) -> Result<Self, IngestError> {
        let mut reader = TmxUnits {
            xml: XmlInput::new(path, input),
            wanted: wanted.clone(),
            srclang: None,
            ordinal: 0,
            done: false,
        };
        let mut root = true;
        loop {
            match reader.xml.next()? {
                Event::Text(t) if root && !t.xml10_content().trim().is_empty() => {
                    return Err(reader
                        .xml
                        .error("not a TMX file: text before the root element".into()));
                }
                Event::Start(e) | Event::Empty(e) if root => {
                    if local_name(&e) != "tmx" {
                        return Err(reader
                            .xml
                            .error(format!("not a TMX file: the root is <{}>", local_name(&e))));
                    }
                    root = false;
                }
                Event::Start(e) | Event::Empty(e) if local_name(&e) == "header" => {
                    reader.srclang = reader
                        .xml
                        .attribute(&e, "srclang")?
                        .filter(|l| l != "*all*");
                }
                Event::Start(e) if local_name(&e) == "body" => break,
                Event::Eof if root => {
                    return Err(reader.xml.error("not a TMX file: no <tmx> element".into()));
                }
                Event::Eof => {
                    reader.done = true;
                    break;
                }
                _ => {}
            }
        }
        Ok(reader)
    }

    pub fn languages(&self) -> Languages {
        Languages {
            source: self.srclang.as_deref().map(primary_language),
            target: None,
        }
    }

    fn next_unit(&mut self) -> Result<Option<Unit>, IngestError> {
        loop {
            match self.xml.next()? {
                Event::Start(e) if local_name(&e) == "tu" => {
                    self.ordinal += 1;
                    if let Some(unit) = self.read_tu(&e)? {
                        return Ok(Some(unit));
                    }
                }
                Event::Start(_) => self.xml.skip_element()?,
                Event::End(_) | Event::Eof => return Ok(None),
                _ => {}
            }
        }
    }

    /// A `<tu>` as a unit; `None` when it has no variant in the source language.
    fn read_tu(&mut self, tu: &BytesStart) -> Result<Option<Unit>, IngestError> {
        let id = self
            .xml
            .attribute(tu, "tuid")?
            .unwrap_or_else(|| self.ordinal.to_string());
        let start = self.xml.position;
        let mut variants: Vec<(String, UnitText)> = Vec::new();
        loop {
            match self.xml.next()? {
                Event::Start(e) if local_name(&e) == "tuv" => {
                    let lang = match self.xml.attribute(&e, "xml:lang")? {
                        Some(lang) => lang,
                        None => self.xml.attribute(&e, "lang")?.unwrap_or_default(),
                    };
                    let text = self.read_tuv()?;
                    variants.push((primary_language(&lang), text));
                }
                Event::Start(_) => self.xml.skip_element()?,
                Event::End(_) => break,
                Event::Eof => return Err(self.xml.error("unexpected end of file in <tu>".into())),
                _ => {}
            }
        }
        let source_lang = self
            .wanted
            .source
            .as_deref()
            .or(self.srclang.as_deref())
            .map(primary_language);
        let source_index = match &source_lang {
            Some(lang) => variants.iter().position(|(l, _)| l == lang),
            None => (!variants.is_empty()).then_some(0),
        };
        let Some(source_index) = source_index else {
            return Ok(None);
        };
        let (source_code, source) = variants.remove(source_index);
        let target_lang = self.wanted.target.as_deref().map(primary_language);
        let target = variants
            .into_iter()
            .find(|(l, _)| match &target_lang {
                Some(lang) => l == lang,
                None => *l != source_code,
            })
            .map(|(_, text)| text)
            .unwrap_or_else(|| UnitText::at(start));
        Ok(Some(Unit {
            id,
            source,
            target,
            fuzzy: false,
        }))
    }

    /// The text of the `<seg>` of a `<tuv>`.
    fn read_tuv(&mut self) -> Result<UnitText, IngestError> {
        let mut text = UnitText::at(self.xml.position);
        loop {
            match self.xml.next()? {
                Event::Start(e) if local_name(&e) == "seg" => {
                    text = UnitText::at(self.xml.position);
                    self.read_seg(&mut text)?;
                }
                Event::Start(_) => self.xml.skip_element()?,
                Event::End(_) => return Ok(text),
                Event::Eof => return Err(self.xml.error("unexpected end of file in <tuv>".into())),
                _ => {}
            }
        }
    }

    /// Text and inline tags up to the end of the `<seg>`.
    fn read_seg(&mut self, text: &mut UnitText) -> Result<(), IngestError> {
        // For each open element: the identity of the tag it closes (`<hi>`), if any.
        let mut open: Vec<Option<String>> = Vec::new();
        let mut ordinal = 0usize;
        loop {
            self.xml.check_size(text)?;
            let event = self.xml.next()?;
            let at = self.xml.position;
            match event {
                Event::Text(t) => text.push_str(&t.xml10_content(), at),
                Event::CData(t) => text.push_str(&t.xml10_content(), at),
                Event::GeneralRef(r) => text.push_char(self.xml.reference(&r)?, at),
                Event::Start(e) if is_code(&e) => {
                    ordinal += 1;
                    let (kind, identity) = self.code_tag(&e, ordinal)?;
                    text.push_tag(kind, identity, at);
                    // The content of a code element is the native code, not text.
                    self.xml.skip_element()?;
                }
                Event::Empty(e) if is_code(&e) => {
                    ordinal += 1;
                    let (kind, identity) = self.code_tag(&e, ordinal)?;
                    text.push_tag(kind, identity, at);
                }
                Event::Start(e) if local_name(&e) == "hi" => {
                    ordinal += 1;
                    let identity =
                        format!("hi:{}", self.xml.attribute_or_ordinal(&e, "x", ordinal)?);
                    text.push_tag(TagKind::Open, identity.clone(), at);
                    open.push(Some(identity));
                }
                Event::Start(_) => open.push(None),
                Event::End(_) => match open.pop() {
                    Some(Some(identity)) => text.push_tag(TagKind::Close, identity, at),
                    Some(None) => {}
                    None => return Ok(()),
                },
                Event::Eof => return Err(self.xml.error("unexpected end of file in <seg>".into())),
                _ => {}
            }
        }
    }

    /// The placeholder of a code element: `<bpt>`/`<ept>` pair by `i`, `<ph>`/`<it>`/`<ut>`
    /// stand alone and are told apart by `x`, else by their order in the segment.
    fn code_tag(&self, e: &BytesStart, ordinal: usize) -> Result<(TagKind, String), IngestError> {
        let name = local_name(e);
        Ok(match name.as_str() {
            "bpt" => (
                TagKind::Open,
                format!("bpt:{}", self.xml.attribute_or_ordinal(e, "i", ordinal)?),
            ),
            "ept" => (
                TagKind::Close,
                format!("bpt:{}", self.xml.attribute_or_ordinal(e, "i", ordinal)?),
            ),
            _ => (
                TagKind::Standalone,
                format!("{name}:{}", self.xml.attribute_or_ordinal(e, "x", ordinal)?),
            ),
        })
    }
}

fn is_code(e: &BytesStart) -> bool {
    matches!(local_name(e).as_str(), "bpt" | "ept" | "ph" | "it" | "ut")
}

impl Iterator for TmxUnits {
    type Item = Result<Unit, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.next_unit().transpose();
        self.done = !matches!(next, Some(Ok(_)));
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::inline::{TagKind, decode};

    fn read(xml: &str, wanted: Languages) -> Result<Vec<Unit>, IngestError> {
        let input: Box<dyn BufRead> = Box::new(std::io::Cursor::new(xml.as_bytes().to_vec()));
        let reader = crate::ingest::open_reader(
            std::path::Path::new("t.tmx"),
            input,
            crate::ingest::InputFormat::Tmx,
            &wanted,
        )?;
        reader.collect()
    }

    const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
  <body>
    <tu tuid="a1">
      <prop type="x-context">ctx</prop>
      <tuv xml:lang="fr-FR"><seg>Cliquez <bpt i="1">&lt;b&gt;</bpt>ici<ept i="1">&lt;/b&gt;</ept> &amp; voilà</seg></tuv>
      <tuv xml:lang="en-US"><note>n</note><seg>Click <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept> &amp; done<ph x="2"/></seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US"><seg>Only source</seg></tuv>
    </tu>
  </body>
</tmx>
"#;

    #[test]
    fn reads_units_tags_and_positions() {
        let units = read(TMX, Languages::default()).unwrap();
        assert_eq!(units.len(), 2);
        let unit = &units[0];
        assert_eq!(unit.id, "a1");
        let tags: Vec<_> = unit.source.text.chars().filter_map(decode).collect();
        assert_eq!(
            tags,
            [
                (TagKind::Open, 1),
                (TagKind::Close, 1),
                (TagKind::Standalone, 2)
            ]
        );
        let plain: String = unit
            .target
            .text
            .chars()
            .filter(|c| decode(*c).is_none())
            .collect();
        assert_eq!(plain, "Cliquez ici & voilà");
        let here = unit.source.text.chars().position(|c| c == 'h').unwrap();
        let at = unit.source.position(here).unwrap();
        assert_eq!(at.line, 8);
        let line = TMX.lines().nth(7).unwrap();
        assert_eq!(line.chars().nth(at.column - 1), Some('h'));
        assert_eq!(units[1].id, "2");
        assert!(units[1].target.text.is_empty());
    }

    #[test]
    fn languages_from_options_override_the_header() {
        let wanted = Languages {
            source: Some("fr".into()),
            target: Some("en".into()),
        };
        let units = read(TMX, wanted).unwrap();
        assert_eq!(units.len(), 1, "the second tu has no French");
        assert!(units[0].source.text.starts_with("Cliquez"));
    }

    #[test]
    fn malformed_file_is_an_error_with_line() {
        let err = read(
            "<tmx><header/><body><tu><tuv xml:lang=\"en\"><seg>x</tuv></tu></body></tmx>",
            Languages::default(),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("t.tmx:1:"), "{err}");
    }
}
