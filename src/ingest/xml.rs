//! Safe XML reading for TMX and XLIFF, on `quick-xml`'s pull parser: events are read one at a
//! time from a buffered stream, so memory does not grow with the file.
//!
//! Safety: the document type declaration is skipped, never parsed, so no DTD is loaded and no
//! external entity is fetched. Only the five predefined entities and character references are
//! expanded; a reference to any other entity (billion laughs, XXE) is an error that names the
//! entity, the line and the column. Nesting is bounded.

use super::IngestError;
use super::position::CountingReader;
use crate::normalize::Position;
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::io::BufRead;
use std::path::PathBuf;

/// Longer text nodes, tags or units are refused: the parser buffers each whole, and no
/// translation unit is anywhere near this long.
pub(crate) const MAX_RUN_BYTES: usize = 16 * 1024 * 1024;

/// Elements deeper than this are refused: no bilingual format needs them, and an unbounded
/// element stack is memory an attacker controls.
const MAX_DEPTH: usize = 256;

pub(crate) struct XmlInput {
    reader: quick_xml::Reader<CountingReader<Box<dyn BufRead>>>,
    buf: Vec<u8>,
    path: PathBuf,
    depth: usize,
    /// Where the last event returned by [`XmlInput::next`] starts.
    pub position: Position,
}

impl XmlInput {
    pub fn new(path: PathBuf, input: Box<dyn BufRead>) -> Self {
        let counting = CountingReader::new(input).with_markup_limit(MAX_RUN_BYTES);
        let mut reader = quick_xml::Reader::from_reader(counting);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        XmlInput {
            reader,
            buf: Vec::new(),
            path,
            depth: 0,
            position: Position { line: 1, column: 1 },
        }
    }

    /// The next event, owned; `Eof` at the end. Comments, processing instructions, the XML
    /// declaration and the document type declaration are skipped.
    pub fn next(&mut self) -> Result<Event<'static>, IngestError> {
        loop {
            self.buf.clear();
            self.position = self.reader.get_ref().position();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event.into_owned(),
                Err(e) => {
                    let at = self.reader.get_ref().position();
                    return Err(self.error_at(at, format!("malformed XML: {e}")));
                }
            };
            match &event {
                Event::Start(_) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(self.error(format!("elements nested deeper than {MAX_DEPTH}")));
                    }
                }
                Event::End(_) => self.depth = self.depth.saturating_sub(1),
                Event::Comment(_) | Event::PI(_) | Event::Decl(_) | Event::DocType(_) => continue,
                Event::Eof if self.depth > 0 => {
                    return Err(
                        self.error("unexpected end of file: elements are not closed".into())
                    );
                }
                _ => {}
            }
            return Ok(event);
        }
    }

    /// An error at the start of the last event.
    pub fn error(&self, message: String) -> IngestError {
        self.error_at(self.position, message)
    }

    fn error_at(&self, at: Position, message: String) -> IngestError {
        IngestError::Syntax {
            path: self.path.clone(),
            line: at.line,
            column: at.column,
            message,
        }
    }

    /// Refuses a unit's text once it outgrows [`MAX_RUN_BYTES`] (many short text events).
    pub fn check_size(&self, text: &super::UnitText) -> Result<(), IngestError> {
        if text.text.len() > MAX_RUN_BYTES {
            return Err(self.error(format!("unit text longer than {MAX_RUN_BYTES} bytes")));
        }
        Ok(())
    }

    /// The value of attribute `name` (its qualified name, e.g. `xml:lang`), unescaped.
    pub fn attribute(
        &self,
        element: &BytesStart,
        name: &str,
    ) -> Result<Option<String>, IngestError> {
        for attribute in element.attributes() {
            let attribute =
                attribute.map_err(|e| self.error(format!("malformed attribute: {e}")))?;
            if attribute.key.as_ref() == name {
                let value = attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| {
                        self.error(format!(
                        "attribute `{name}`: {e} (transcheck expands no entity declared in a DTD)"
                    ))
                    })?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// The value of attribute `name`, or `#ordinal` when the element has none: an identity for
    /// inline tags that TMX and XLIFF let go unnamed.
    pub fn attribute_or_ordinal(
        &self,
        element: &BytesStart,
        name: &str,
        ordinal: usize,
    ) -> Result<String, IngestError> {
        Ok(self
            .attribute(element, name)?
            .unwrap_or_else(|| format!("#{ordinal}")))
    }

    /// The character an entity or character reference stands for.
    pub fn reference(&self, reference: &BytesRef) -> Result<char, IngestError> {
        if let Some(c) = reference
            .resolve_char_ref()
            .map_err(|e| self.error(format!("bad character reference: {e}")))?
        {
            return Ok(c);
        }
        let name: &str = reference.as_ref();
        match name {
            "lt" => Ok('<'),
            "gt" => Ok('>'),
            "amp" => Ok('&'),
            "apos" => Ok('\''),
            "quot" => Ok('"'),
            _ => Err(self.error(format!(
                "entity `&{name};` is not expanded: transcheck never reads DTDs nor resolves \
                 external or custom entities"
            ))),
        }
    }
}

/// The element's name without its namespace prefix.
pub(crate) fn local_name(element: &BytesStart) -> String {
    element.local_name().as_ref().to_string()
}

/// Whether the element's name has a namespace prefix (a CAT tool's extension element).
pub(crate) fn is_prefixed(element: &BytesStart) -> bool {
    element.name().prefix().is_some()
}

impl XmlInput {
    /// Reads past the end of the element whose start was the last event.
    pub fn skip_element(&mut self) -> Result<(), IngestError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.error("unexpected end of file".into())),
                _ => {}
            }
        }
        Ok(())
    }
}
