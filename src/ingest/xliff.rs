//! XLIFF 1.2 (`<trans-unit>` with `<source>`/`<target>`, or `<seg-source>` split by
//! `<mrk mtype="seg">`) and XLIFF 2.x (`<unit>`/`<segment>`). Only the unit's own source and
//! target are read: `<alt-trans>`, match candidates, notes, original data and tool-specific
//! (prefixed) elements are skipped. Units marked `translate="no"` are not checked.
//!
//! Inline codes become placeholders: 1.2 `<g>`, `<x/>`, `<bx/>`/`<ex/>`, `<ph>`, `<bpt>`/
//! `<ept>`, `<it>`; 2.x `<pc>`, `<ph/>`, `<sc/>`/`<ec/>`; `<cp hex>` is the character.

use super::inline::TagKind;
use super::xml::{XmlInput, is_prefixed, local_name};
use super::{IngestError, Languages, Unit, UnitText, primary_language};
use crate::normalize::Position;
use quick_xml::events::{BytesStart, Event};
use std::collections::VecDeque;
use std::io::BufRead;
use std::path::PathBuf;

pub(crate) struct XliffUnits {
    xml: XmlInput,
    languages: Languages,
    ordinal: usize,
    queue: VecDeque<Unit>,
    done: bool,
}

/// One side read from `<source>`, `<target>` or `<seg-source>`: the whole text and, when it
/// is split by `<mrk mtype="seg">`, each segment by its `mid`.
struct Side {
    whole: UnitText,
    segments: Vec<(String, UnitText)>,
    /// Index in `segments` of the segment being read, until its `<mrk>` ends.
    current: Option<usize>,
}

impl XliffUnits {
    /// Reads up to the first `<file>`, so that the declared languages are known.
    pub fn new(path: PathBuf, input: Box<dyn BufRead>) -> Result<Self, IngestError> {
        let mut reader = XliffUnits {
            xml: XmlInput::new(path, input),
            languages: Languages::default(),
            ordinal: 0,
            queue: VecDeque::new(),
            done: false,
        };
        let mut root = true;
        loop {
            match reader.xml.next()? {
                Event::Text(t) if root && !t.xml10_content().trim().is_empty() => {
                    return Err(reader
                        .xml
                        .error("not a XLIFF file: text before the root element".into()));
                }
                Event::Start(e) if root => {
                    if local_name(&e) != "xliff" {
                        return Err(reader.xml.error(format!(
                            "not an XLIFF file: the root is <{}>",
                            local_name(&e)
                        )));
                    }
                    reader.declare(&e, "srcLang", "trgLang")?;
                    root = false;
                }
                Event::Start(e) if local_name(&e) == "file" => {
                    reader.declare(&e, "source-language", "target-language")?;
                    break;
                }
                Event::Eof | Event::Empty(_) if root => {
                    return Err(reader.xml.error("not an XLIFF file".into()));
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

    fn declare(&mut self, e: &BytesStart, source: &str, target: &str) -> Result<(), IngestError> {
        if let Some(lang) = self.xml.attribute(e, source)? {
            self.languages.source = Some(primary_language(&lang));
        }
        if let Some(lang) = self.xml.attribute(e, target)? {
            self.languages.target = Some(primary_language(&lang));
        }
        Ok(())
    }

    pub fn languages(&self) -> Languages {
        self.languages.clone()
    }

    /// Reads until units are queued or the file ends.
    fn fill(&mut self) -> Result<(), IngestError> {
        while self.queue.is_empty() {
            match self.xml.next()? {
                Event::Start(e) if local_name(&e) == "trans-unit" && !is_prefixed(&e) => {
                    self.ordinal += 1;
                    self.read_trans_unit(&e)?;
                }
                Event::Start(e) if local_name(&e) == "unit" && !is_prefixed(&e) => {
                    self.ordinal += 1;
                    self.read_unit(&e)?;
                }
                // Containers (`<body>`, `<group>`, `<file>`) are walked through.
                Event::Start(e) if is_container(&e) => {}
                Event::Start(_) => self.xml.skip_element()?,
                Event::Eof => {
                    self.done = true;
                    return Ok(());
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn unit_id(&self, e: &BytesStart) -> Result<String, IngestError> {
        Ok(self
            .xml
            .attribute(e, "id")?
            .unwrap_or_else(|| self.ordinal.to_string()))
    }

    /// An XLIFF 1.2 `<trans-unit>`: one unit, or one per `<mrk mtype="seg">`.
    fn read_trans_unit(&mut self, e: &BytesStart) -> Result<(), IngestError> {
        let id = self.unit_id(e)?;
        if self.xml.attribute(e, "translate")?.as_deref() == Some("no") {
            return self.xml.skip_element();
        }
        let start = self.xml.position;
        let (mut source, mut target, mut seg_source) = (None, None, None);
        let mut fuzzy = false;
        loop {
            match self.xml.next()? {
                Event::Start(e) if is_prefixed(&e) => self.xml.skip_element()?,
                Event::Start(e) => match local_name(&e).as_str() {
                    "source" => source = Some(self.read_side()?),
                    "seg-source" => seg_source = Some(self.read_side()?),
                    "target" => {
                        fuzzy = self
                            .xml
                            .attribute(&e, "state")?
                            .is_some_and(|s| s.starts_with("needs-") && s != "needs-translation");
                        target = Some(self.read_side()?);
                    }
                    _ => self.xml.skip_element()?,
                },
                Event::Empty(e) if local_name(&e) == "target" && !is_prefixed(&e) => {
                    target = Some(self.empty_side());
                }
                Event::End(_) => break,
                _ => {}
            }
        }
        let target = target.unwrap_or_else(|| Side::empty(start));
        match seg_source.filter(|s| !s.segments.is_empty()) {
            Some(segmented) => {
                let mut target_segments = target.segments;
                for (mid, source) in segmented.segments {
                    let target = match target_segments.iter().position(|(m, _)| *m == mid) {
                        Some(i) => target_segments.swap_remove(i).1,
                        None => UnitText::at(start),
                    };
                    self.queue.push_back(Unit {
                        id: format!("{id}#{mid}"),
                        source,
                        target,
                        fuzzy,
                    });
                }
            }
            None => {
                let source = source.unwrap_or_else(|| Side::empty(start));
                self.queue.push_back(Unit {
                    id,
                    source: source.whole,
                    target: target.whole,
                    fuzzy,
                });
            }
        }
        Ok(())
    }

    /// An XLIFF 2.x `<unit>`: one unit per `<segment>`; a unit of one segment keeps its id.
    fn read_unit(&mut self, e: &BytesStart) -> Result<(), IngestError> {
        let id = self.unit_id(e)?;
        if self.xml.attribute(e, "translate")?.as_deref() == Some("no") {
            return self.xml.skip_element();
        }
        let mut segments: Vec<(Option<String>, Unit)> = Vec::new();
        loop {
            match self.xml.next()? {
                Event::Start(e) if local_name(&e) == "segment" && !is_prefixed(&e) => {
                    let segment_id = self.xml.attribute(&e, "id")?;
                    let state = self.xml.attribute(&e, "state")?;
                    let unit = self.read_segment(state.as_deref() == Some("initial"))?;
                    segments.push((segment_id, unit));
                }
                Event::Start(_) => self.xml.skip_element()?,
                Event::End(_) => break,
                _ => {}
            }
        }
        let single = segments.len() == 1;
        for (index, (segment_id, mut unit)) in segments.into_iter().enumerate() {
            unit.id = if single {
                id.clone()
            } else {
                format!(
                    "{id}#{}",
                    segment_id.unwrap_or_else(|| (index + 1).to_string())
                )
            };
            self.queue.push_back(unit);
        }
        Ok(())
    }

    /// A 2.x `<segment>`; `initial` marks a target that is a draft.
    fn read_segment(&mut self, initial: bool) -> Result<Unit, IngestError> {
        let start = self.xml.position;
        let (mut source, mut target) = (None, None);
        loop {
            match self.xml.next()? {
                Event::Start(e) if !is_prefixed(&e) && local_name(&e) == "source" => {
                    source = Some(self.read_side()?.whole);
                }
                Event::Start(e) if !is_prefixed(&e) && local_name(&e) == "target" => {
                    target = Some(self.read_side()?.whole);
                }
                Event::Empty(e) if !is_prefixed(&e) && local_name(&e) == "target" => {
                    target = Some(UnitText::at(self.xml.position));
                }
                Event::Start(_) => self.xml.skip_element()?,
                Event::End(_) => break,
                _ => {}
            }
        }
        let target = target.unwrap_or_else(|| UnitText::at(start));
        Ok(Unit {
            id: String::new(),
            fuzzy: initial && !target.is_blank(),
            source: source.unwrap_or_else(|| UnitText::at(start)),
            target,
        })
    }

    fn empty_side(&self) -> Side {
        Side::empty(self.xml.position)
    }

    /// Text and inline codes up to the end of the element just started.
    fn read_side(&mut self) -> Result<Side, IngestError> {
        let mut side = Side::empty(self.xml.position);
        // For each open element: the identity of the tag its end closes, and whether it
        // opened a `<mrk mtype="seg">` segment.
        let mut open: Vec<(Option<String>, bool)> = Vec::new();
        let mut ordinal = 0usize;
        loop {
            self.xml.check_size(&side.whole)?;
            let event = self.xml.next()?;
            let at = self.xml.position;
            match event {
                Event::Text(t) => side.push_str(&t.xml10_content(), at),
                Event::CData(t) => side.push_str(&t.xml10_content(), at),
                Event::GeneralRef(r) => side.push_char(self.xml.reference(&r)?, at),
                Event::Start(e) => {
                    ordinal += 1;
                    let name = local_name(&e);
                    match name.as_str() {
                        "g" | "pc" => {
                            let identity = format!(
                                "{name}:{}",
                                self.xml.attribute_or_ordinal(&e, "id", ordinal)?
                            );
                            side.push_tag(TagKind::Open, identity.clone(), at);
                            open.push((Some(identity), false));
                        }
                        "ph" | "it" => {
                            let identity = format!(
                                "{name}:{}",
                                self.xml.attribute_or_ordinal(&e, "id", ordinal)?
                            );
                            side.push_tag(TagKind::Standalone, identity, at);
                            self.xml.skip_element()?;
                        }
                        "bpt" | "ept" => {
                            let key = self.pair_key(&e, ordinal)?;
                            let kind = if name == "bpt" {
                                TagKind::Open
                            } else {
                                TagKind::Close
                            };
                            side.push_tag(kind, format!("bpt:{key}"), at);
                            self.xml.skip_element()?;
                        }
                        "mrk" if self.xml.attribute(&e, "mtype")?.as_deref() == Some("seg") => {
                            let mid = self.xml.attribute_or_ordinal(
                                &e,
                                "mid",
                                side.segments.len() + 1,
                            )?;
                            side.segments.push((mid, UnitText::at(at)));
                            side.current = Some(side.segments.len() - 1);
                            open.push((None, true));
                        }
                        "sub" => self.xml.skip_element()?,
                        _ => open.push((None, false)),
                    }
                }
                Event::Empty(e) => {
                    ordinal += 1;
                    let name = local_name(&e);
                    let tag = match name.as_str() {
                        "x" | "ph" | "it" => Some((
                            TagKind::Standalone,
                            format!(
                                "{name}:{}",
                                self.xml.attribute_or_ordinal(&e, "id", ordinal)?
                            ),
                        )),
                        "bx" => {
                            Some((TagKind::Open, format!("bx:{}", self.pair_key(&e, ordinal)?)))
                        }
                        "ex" => Some((
                            TagKind::Close,
                            format!("bx:{}", self.pair_key(&e, ordinal)?),
                        )),
                        "sc" => Some((
                            TagKind::Open,
                            format!("sc:{}", self.xml.attribute_or_ordinal(&e, "id", ordinal)?),
                        )),
                        "ec" => {
                            let key = match self.xml.attribute(&e, "startRef")? {
                                Some(key) => key,
                                None => self.xml.attribute_or_ordinal(&e, "id", ordinal)?,
                            };
                            Some((TagKind::Close, format!("sc:{key}")))
                        }
                        "g" | "pc" => {
                            let identity = format!(
                                "{name}:{}",
                                self.xml.attribute_or_ordinal(&e, "id", ordinal)?
                            );
                            side.push_tag(TagKind::Open, identity.clone(), at);
                            Some((TagKind::Close, identity))
                        }
                        "cp" => {
                            let c = self.code_point(&e)?;
                            side.push_char(c, at);
                            None
                        }
                        _ => None,
                    };
                    if let Some((kind, identity)) = tag {
                        side.push_tag(kind, identity, at);
                    }
                }
                Event::End(_) => match open.pop() {
                    Some((Some(identity), _)) => side.push_tag(TagKind::Close, identity, at),
                    Some((None, true)) => side.current = None,
                    Some((None, false)) => {}
                    None => return Ok(side),
                },
                Event::Eof => return Err(self.xml.error("unexpected end of file".into())),
                _ => {}
            }
        }
    }

    /// `<bx/>`/`<ex/>` and `<bpt>`/`<ept>` pair by `rid` when they have one, else by `id`.
    fn pair_key(&self, e: &BytesStart, ordinal: usize) -> Result<String, IngestError> {
        match self.xml.attribute(e, "rid")? {
            Some(rid) => Ok(rid),
            None => self.xml.attribute_or_ordinal(e, "id", ordinal),
        }
    }

    /// The character of a 2.x `<cp hex="…"/>`.
    fn code_point(&self, e: &BytesStart) -> Result<char, IngestError> {
        let hex = self.xml.attribute(e, "hex")?.unwrap_or_default();
        u32::from_str_radix(&hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| {
                self.xml
                    .error(format!("<cp hex=\"{hex}\"/> is not a character"))
            })
    }
}

impl Side {
    fn empty(at: Position) -> Side {
        Side {
            whole: UnitText::at(at),
            segments: Vec::new(),
            current: None,
        }
    }

    fn push_str(&mut self, text: &str, at: Position) {
        self.whole.push_str(text, at);
        if let Some((_, segment)) = self.open_segment() {
            segment.push_str(text, at);
        }
    }

    fn push_char(&mut self, c: char, at: Position) {
        self.whole.push_char(c, at);
        if let Some((_, segment)) = self.open_segment() {
            segment.push_char(c, at);
        }
    }

    fn push_tag(&mut self, kind: TagKind, identity: String, at: Position) {
        if let Some((_, segment)) = self.open_segment() {
            segment.push_tag(kind, identity.clone(), at);
        }
        self.whole.push_tag(kind, identity, at);
    }

    fn open_segment(&mut self) -> Option<&mut (String, UnitText)> {
        self.segments.get_mut(self.current?)
    }
}

fn is_container(e: &BytesStart) -> bool {
    !is_prefixed(e) && matches!(local_name(e).as_str(), "file" | "body" | "group")
}

impl Iterator for XliffUnits {
    type Item = Result<Unit, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.queue.is_empty()
            && !self.done
            && let Err(e) = self.fill()
        {
            self.done = true;
            self.queue.clear();
            return Some(Err(e));
        }
        self.queue.pop_front().map(Ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::inline::decode;

    fn read(xml: &str) -> Result<Vec<Unit>, IngestError> {
        let input: Box<dyn BufRead> = Box::new(std::io::Cursor::new(xml.as_bytes().to_vec()));
        XliffUnits::new(PathBuf::from("t.xlf"), input)?.collect()
    }

    #[test]
    fn segmented_trans_unit_and_positions() {
        let xml = "<xliff version=\"1.2\"><file source-language=\"en-GB\" target-language=\"fr\"><body>\n\
<trans-unit id=\"7\"><source>A. B.</source>\n\
<seg-source><mrk mtype=\"seg\" mid=\"1\">A.</mrk> <mrk mtype=\"seg\" mid=\"2\">B<x id=\"1\"/>.</mrk></seg-source>\n\
<target><mrk mtype=\"seg\" mid=\"2\">Bé.</mrk></target>\n\
<alt-trans><target>ignored</target></alt-trans></trans-unit>\n\
</body></file></xliff>";
        let input: Box<dyn BufRead> = Box::new(std::io::Cursor::new(xml.as_bytes().to_vec()));
        let reader = XliffUnits::new(PathBuf::from("t.xlf"), input).unwrap();
        assert_eq!(reader.languages().source.as_deref(), Some("en"));
        let units: Vec<Unit> = reader.collect::<Result<_, _>>().unwrap();
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["7#1", "7#2"]);
        assert!(units[0].target.text.is_empty());
        assert_eq!(units[1].target.text, "Bé.");
        assert_eq!(
            units[1]
                .source
                .text
                .chars()
                .filter(|c| decode(*c).is_some())
                .count(),
            1
        );
        let at = units[1].target.position(0).unwrap();
        assert_eq!((at.line, at.column), (4, 34));
    }

    #[test]
    fn bad_code_point_and_non_xliff_root_are_errors() {
        let err = read("<xliff version=\"2.0\" srcLang=\"en\"><file id=\"f\"><unit id=\"u\"><segment><source>a<cp hex=\"D800\"/></source></segment></unit></file></xliff>").unwrap_err();
        assert!(err.to_string().contains("is not a character"), "{err}");
        let err = read("<tmx/>").unwrap_err();
        assert!(
            err.to_string().starts_with("t.xlf:1:1: not an XLIFF file"),
            "{err}"
        );
    }
}
