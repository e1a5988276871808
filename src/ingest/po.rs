//! gettext PO: `msgid`/`msgstr` entries, `msgid_plural` with `msgstr[n]` (one unit per
//! plural form, id suffixed `[n]`), `#, fuzzy` entries flagged as such, the first `#:`
//! reference as the id (else `msgctxt`, else the entry's line). The header entry gives the
//! target language; obsolete `#~` entries are skipped.

use super::lines::Lines;
use super::{IngestError, Languages, Unit, UnitText, primary_language};
use crate::normalize::Position;
use std::collections::VecDeque;
use std::io::BufRead;
use std::path::PathBuf;

pub(crate) struct PoUnits {
    lines: Lines,
    languages: Languages,
    queue: VecDeque<Unit>,
    /// A line read past the end of the entry it ends, to start the next one.
    pending: Option<String>,
    done: bool,
}

/// Which string a continuation line `"…"` extends.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Context,
    Id,
    Plural,
    Str(usize),
}

#[derive(Default)]
struct Entry {
    line: usize,
    reference: Option<String>,
    fuzzy: bool,
    context: Option<UnitText>,
    id: Option<UnitText>,
    plural: Option<UnitText>,
    strs: Vec<(usize, UnitText)>,
    last: Option<Field>,
}

impl PoUnits {
    /// Reads the header entry, if any, for the target language.
    pub fn new(path: PathBuf, input: Box<dyn BufRead>) -> Result<Self, IngestError> {
        let mut reader = PoUnits {
            lines: Lines::new(path, input),
            languages: Languages::default(),
            queue: VecDeque::new(),
            pending: None,
            done: false,
        };
        reader.fill()?;
        Ok(reader)
    }

    pub fn languages(&self) -> Languages {
        self.languages.clone()
    }

    /// Reads entries until units are queued or the file ends.
    fn fill(&mut self) -> Result<(), IngestError> {
        while self.queue.is_empty() && !self.done {
            match self.read_entry()? {
                Some(entry) => self.emit(entry),
                None => self.done = true,
            }
        }
        Ok(())
    }

    fn next_line(&mut self) -> Result<Option<String>, IngestError> {
        match self.pending.take() {
            Some(line) => Ok(Some(line)),
            None => self.lines.next_line(),
        }
    }

    /// The next entry; `None` at the end of the file.
    fn read_entry(&mut self) -> Result<Option<Entry>, IngestError> {
        let mut entry = Entry::default();
        let mut started = false;
        while let Some(line) = self.next_line()? {
            let number = self.lines.number;
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            if trimmed.is_empty() {
                if entry.id.is_some() {
                    break;
                }
                continue;
            }
            if let Some(comment) = trimmed.strip_prefix('#') {
                if !entry.strs.is_empty() {
                    self.pending = Some(line);
                    break;
                }
                if let Some(references) = comment.strip_prefix(':') {
                    if entry.reference.is_none() {
                        entry.reference = references.split_whitespace().next().map(String::from);
                    }
                } else if let Some(flags) = comment.strip_prefix(',') {
                    entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
                }
                started = true;
                continue;
            }
            if trimmed.starts_with('"') {
                let Some(field) = entry.last else {
                    return Err(self
                        .lines
                        .error(indent + 1, "string outside an entry".into()));
                };
                let at = Position {
                    line: number,
                    column: line[..indent].chars().count() + 1,
                };
                let text = entry.field(field);
                parse_string(trimmed, at, text)
                    .map_err(|(column, message)| self.lines.error(column, message))?;
                continue;
            }
            let (keyword, rest) = trimmed.split_once([' ', '\t']).unwrap_or((trimmed, ""));
            let field = match keyword {
                "msgctxt" => Field::Context,
                "msgid" => Field::Id,
                "msgid_plural" => Field::Plural,
                "msgstr" => Field::Str(0),
                _ => match keyword
                    .strip_prefix("msgstr[")
                    .and_then(|k| k.strip_suffix(']'))
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    Some(n) if n < 100 => Field::Str(n),
                    _ => {
                        return Err(self
                            .lines
                            .error(indent + 1, format!("unexpected `{keyword}`")));
                    }
                },
            };
            let starts_new_entry = matches!(field, Field::Context | Field::Id);
            if starts_new_entry
                && (!entry.strs.is_empty() || (field == Field::Context && entry.id.is_some()))
            {
                self.pending = Some(line);
                break;
            }
            if !started {
                entry.line = number;
                started = true;
            }
            if entry.line == 0 {
                entry.line = number;
            }
            let string = rest.trim_start();
            let column = line.len() - string.len();
            let at = Position {
                line: number,
                column: line[..column].chars().count() + 1,
            };
            let text = entry.start_field(field, at);
            parse_string(string, at, text)
                .map_err(|(column, message)| self.lines.error(column, message))?;
            entry.last = Some(field);
        }
        if entry.id.is_none() {
            if entry.strs.is_empty() && entry.context.is_none() {
                return Ok(None);
            }
            return Err(self.lines.error(1, "entry without msgid".into()));
        }
        Ok(Some(entry))
    }

    /// Queues the units of an entry; the header entry sets the languages instead.
    fn emit(&mut self, entry: Entry) {
        let Some(id_text) = entry.id else {
            return;
        };
        if id_text.text.is_empty() && entry.context.is_none() {
            for line in entry
                .strs
                .first()
                .map(|(_, s)| s.text.as_str())
                .unwrap_or("")
                .lines()
            {
                if let Some(lang) = line.strip_prefix("Language:") {
                    let lang = lang.trim();
                    if !lang.is_empty() {
                        self.languages.target = Some(primary_language(lang));
                    }
                }
            }
            return;
        }
        let id = entry
            .reference
            .or_else(|| entry.context.map(|c| c.text))
            .unwrap_or_else(|| format!("line {}", entry.line));
        let plural = entry.plural;
        let mut strs = entry.strs;
        if strs.is_empty() {
            strs.push((0, UnitText::at(id_text.anchors[0].position)));
        }
        let forms = plural.is_some();
        for (n, target) in strs {
            let source = match (&plural, n) {
                (Some(plural), n) if n > 0 => plural.clone(),
                _ => id_text.clone(),
            };
            self.queue.push_back(Unit {
                id: if forms {
                    format!("{id}[{n}]")
                } else {
                    id.clone()
                },
                source,
                target,
                fuzzy: entry.fuzzy,
            });
        }
    }
}

impl Entry {
    fn start_field(&mut self, field: Field, at: Position) -> &mut UnitText {
        let text = UnitText::at(at);
        match field {
            Field::Context => self.context.insert(text),
            Field::Id => self.id.insert(text),
            Field::Plural => self.plural.insert(text),
            Field::Str(n) => {
                self.strs.retain(|(m, _)| *m != n);
                self.strs.push((n, text));
                &mut self.strs.last_mut().expect("just pushed").1
            }
        }
    }

    fn field(&mut self, field: Field) -> &mut UnitText {
        let at = Position {
            line: self.line,
            column: 1,
        };
        match field {
            Field::Context => self.context.get_or_insert_with(|| UnitText::at(at)),
            Field::Id => self.id.get_or_insert_with(|| UnitText::at(at)),
            Field::Plural => self.plural.get_or_insert_with(|| UnitText::at(at)),
            Field::Str(n) => {
                if let Some(i) = self.strs.iter().position(|(m, _)| *m == n) {
                    &mut self.strs[i].1
                } else {
                    self.strs.push((n, UnitText::at(at)));
                    &mut self.strs.last_mut().expect("just pushed").1
                }
            }
        }
    }
}

/// Appends the content of a C string literal `"…"` that starts at `at` (the quote) to
/// `text`; on error, the column and the message.
fn parse_string(literal: &str, at: Position, text: &mut UnitText) -> Result<(), (usize, String)> {
    let mut chars = literal.chars().enumerate().peekable();
    if chars.next().map(|(_, c)| c) != Some('"') {
        return Err((at.column, "expected a string in double quotes".into()));
    }
    let column = |i: usize| at.column + i;
    while let Some((i, c)) = chars.next() {
        let position = Position {
            line: at.line,
            column: column(i),
        };
        match c {
            '"' => {
                return match chars.find(|(_, c)| !c.is_whitespace()) {
                    None => Ok(()),
                    Some((j, _)) => Err((column(j), "unexpected text after the string".into())),
                };
            }
            '\\' => {
                let Some((_, escaped)) = chars.next() else {
                    break;
                };
                let c = match escaped {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    other => other,
                };
                text.push_char(c, position);
            }
            c => text.push_char(c, position),
        }
    }
    Err((at.column, "string is not closed".into()))
}

impl Iterator for PoUnits {
    type Item = Result<Unit, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Err(e) = self.fill() {
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

    fn read(text: &str) -> Result<(Languages, Vec<Unit>), IngestError> {
        let input: Box<dyn BufRead> = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        let reader = PoUnits::new(PathBuf::from("t.po"), input)?;
        let languages = reader.languages();
        Ok((languages, reader.collect::<Result<_, _>>()?))
    }

    const PO: &str = r#"# header comment
msgid ""
msgstr ""
"Language: fr_FR\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#: src/app.c:12 src/app.c:40
#, fuzzy, c-format
msgid "Hello \"%s\""
msgstr "Bonjour « %s »"

msgctxt "menu"
msgid ""
"Open "
"file"
msgstr ""

#: src/app.c:20
msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d fichier"
msgstr[1] "%d fichiers"

#~ msgid "old"
#~ msgstr "vieux"
"#;

    #[test]
    fn reads_entries_plurals_fuzzy_and_header() {
        let (languages, units) = read(PO).unwrap();
        assert_eq!(languages.target.as_deref(), Some("fr"));
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(
            ids,
            ["src/app.c:12", "menu", "src/app.c:20[0]", "src/app.c:20[1]"]
        );
        assert!(units[0].fuzzy && !units[1].fuzzy);
        assert_eq!(units[0].source.text, "Hello \"%s\"");
        assert_eq!(
            units[0].target.position(0),
            Some(Position {
                line: 10,
                column: 9
            })
        );
        assert_eq!(units[1].source.text, "Open file");
        assert_eq!(
            units[1].source.position(5),
            Some(Position {
                line: 15,
                column: 2
            })
        );
        assert!(units[1].target.text.is_empty());
        assert_eq!(units[3].source.text, "%d files");
        assert_eq!(units[3].target.text, "%d fichiers");
    }

    #[test]
    fn malformed_entry_is_an_error_with_line_and_column() {
        let err = read("msgid \"a\"\nmsgstr \"b\nmsgid \"c\"\n").unwrap_err();
        assert_eq!(err.to_string(), "t.po:2:8: string is not closed");
        let err = read("msgid \"a\"\nbogus \"b\"\n").unwrap_err();
        assert!(
            err.to_string().starts_with("t.po:2:1: unexpected `bogus`"),
            "{err}"
        );
    }
}
