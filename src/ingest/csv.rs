//! Delimited bilingual files: TSV (`source<TAB>target`, no quoting: the tab cannot occur in a
//! field) and CSV (comma-separated, RFC 4180 quotes, quoted fields may span lines). Two
//! columns are source and target, three are id, source and target; a first line naming
//! `source` and `target` is a header that says which column is which (`id` optional).

use super::lines::Lines;
use super::{IngestError, Unit, UnitText};
use crate::normalize::Position;
use std::io::BufRead;
use std::path::PathBuf;

/// Which column holds what.
#[derive(Debug, Clone, Copy)]
struct Columns {
    id: Option<usize>,
    source: usize,
    target: usize,
    count: usize,
}

struct Delimited {
    lines: Lines,
    delimiter: char,
    columns: Option<Columns>,
}

pub(crate) fn units(
    path: PathBuf,
    input: Box<dyn BufRead>,
    delimiter: u8,
) -> impl Iterator<Item = Result<Unit, IngestError>> {
    let mut reader = Delimited {
        lines: Lines::new(path, input),
        delimiter: delimiter as char,
        columns: None,
    };
    std::iter::from_fn(move || reader.next_unit().transpose())
}

/// The non-blank records of a delimited file, each with the line it starts on and its fields
/// (for readers other than units, such as glossaries).
pub(crate) fn records(
    path: PathBuf,
    input: Box<dyn BufRead>,
    delimiter: u8,
) -> impl Iterator<Item = Result<(usize, Vec<String>), IngestError>> {
    let mut reader = Delimited {
        lines: Lines::new(path, input),
        delimiter: delimiter as char,
        columns: None,
    };
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        let record = reader.read_record().transpose()?;
        failed = record.is_err();
        Some(record.map(|(line, fields)| (line, fields.into_iter().map(|f| f.text).collect())))
    })
}

impl Delimited {
    fn next_unit(&mut self) -> Result<Option<Unit>, IngestError> {
        loop {
            let Some((line, fields)) = self.read_record()? else {
                return Ok(None);
            };
            let columns = match self.columns {
                Some(columns) => columns,
                None => {
                    let (columns, is_header) = self.columns_from(&fields)?;
                    self.columns = Some(columns);
                    if is_header {
                        continue;
                    }
                    columns
                }
            };
            if fields.len() > columns.count {
                return Err(self.lines.error(
                    1,
                    format!("{} columns, expected {}", fields.len(), columns.count),
                ));
            }
            let field = |i: usize| {
                fields
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| UnitText::at(Position { line, column: 1 }))
            };
            let id = match columns.id {
                Some(i) => field(i).text,
                None => line.to_string(),
            };
            return Ok(Some(Unit {
                id,
                source: field(columns.source),
                target: field(columns.target),
                fuzzy: false,
            }));
        }
    }

    /// The columns, from a header or from the first record's width.
    fn columns_from(&self, fields: &[UnitText]) -> Result<(Columns, bool), IngestError> {
        let names: Vec<String> = fields
            .iter()
            .map(|f| f.text.trim().to_lowercase())
            .collect();
        let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
        if let (Some(source), Some(target)) = (find(&["source", "src"]), find(&["target", "tgt"])) {
            let id = find(&["id", "key", "name"]);
            let count = fields.len();
            return Ok((
                Columns {
                    id,
                    source,
                    target,
                    count,
                },
                true,
            ));
        }
        let columns = match fields.len() {
            2 => Columns {
                id: None,
                source: 0,
                target: 1,
                count: 2,
            },
            3 => Columns {
                id: Some(0),
                source: 1,
                target: 2,
                count: 3,
            },
            n => {
                return Err(self.lines.error(
                    1,
                    format!("{n} columns: expected source and target, or id, source and target"),
                ));
            }
        };
        Ok((columns, false))
    }

    /// The next non-blank record and the line it starts on.
    fn read_record(&mut self) -> Result<Option<(usize, Vec<UnitText>)>, IngestError> {
        loop {
            let Some(line) = self.lines.next_line()? else {
                return Ok(None);
            };
            if line.trim().is_empty() {
                continue;
            }
            let number = self.lines.number;
            let fields = if self.delimiter == '\t' {
                split_plain(&line, number, '\t')
            } else {
                self.split_quoted(line)?
            };
            return Ok(Some((number, fields)));
        }
    }

    /// RFC 4180 fields: a field that starts with `"` is quoted, `""` inside it is a quote,
    /// and it may go on over the next lines.
    fn split_quoted(&mut self, first: String) -> Result<Vec<UnitText>, IngestError> {
        let mut fields = Vec::new();
        let mut line = first;
        let mut number = self.lines.number;
        let mut chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        loop {
            let start = Position {
                line: number,
                column: i + 1,
            };
            let mut field = UnitText::at(start);
            if chars.get(i) == Some(&'"') {
                i += 1;
                loop {
                    match chars.get(i) {
                        Some('"') if chars.get(i + 1) == Some(&'"') => {
                            field.push_char(
                                '"',
                                Position {
                                    line: number,
                                    column: i + 1,
                                },
                            );
                            i += 2;
                        }
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some(&c) => {
                            field.push_char(
                                c,
                                Position {
                                    line: number,
                                    column: i + 1,
                                },
                            );
                            i += 1;
                        }
                        None => {
                            let Some(next) = self.lines.next_line()? else {
                                return Err(IngestError::Syntax {
                                    path: self.lines.path.clone(),
                                    line: start.line,
                                    column: start.column,
                                    message: "quoted field is not closed".into(),
                                });
                            };
                            field.push_char(
                                '\n',
                                Position {
                                    line: number,
                                    column: i + 1,
                                },
                            );
                            line = next;
                            chars = line.chars().collect();
                            number = self.lines.number;
                            i = 0;
                        }
                    }
                }
                fields.push(field);
                match chars.get(i) {
                    None => return Ok(fields),
                    Some(&c) if c == self.delimiter => i += 1,
                    Some(_) => {
                        return Err(self
                            .lines
                            .error(i + 1, "unexpected character after a closing quote".into()));
                    }
                }
            } else {
                while let Some(&c) = chars.get(i).filter(|c| **c != self.delimiter) {
                    field.push_char(
                        c,
                        Position {
                            line: number,
                            column: i + 1,
                        },
                    );
                    i += 1;
                }
                let at_end = i >= chars.len();
                i += 1;
                fields.push(field);
                if at_end {
                    return Ok(fields);
                }
            }
        }
    }
}

/// Fields separated by `delimiter`, each anchored at its column.
fn split_plain(line: &str, number: usize, delimiter: char) -> Vec<UnitText> {
    let mut column = 1;
    line.split(delimiter)
        .map(|field| {
            let at = Position {
                line: number,
                column,
            };
            column += field.chars().count() + 1;
            let mut text = UnitText::at(at);
            text.push_str(field, at);
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, delimiter: u8) -> Result<Vec<Unit>, IngestError> {
        let input: Box<dyn BufRead> = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        units(PathBuf::from("t"), input, delimiter).collect()
    }

    #[test]
    fn tsv_with_header_and_id_column() {
        let units = read(
            "ID\tSource\tTarget\nu1\tHello\tBonjour\n\nu2\tBye\t\n",
            b'\t',
        )
        .unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].id, "u1");
        assert_eq!(units[0].target.text, "Bonjour");
        assert_eq!(
            units[0].target.position(0),
            Some(Position {
                line: 2,
                column: 10
            })
        );
        assert!(units[1].target.text.is_empty());
    }

    #[test]
    fn tsv_without_header_uses_line_numbers() {
        let units = read("\"Quoted\" start\tDébut \"cité\"\n", b'\t').unwrap();
        assert_eq!(units[0].id, "1");
        assert_eq!(units[0].source.text, "\"Quoted\" start");
    }

    #[test]
    fn csv_quotes_and_multiline_fields() {
        let units = read("1,\"a, \"\"b\"\"\",\"x\ny\"\n2,c,d\n", b',').unwrap();
        assert_eq!(units[0].source.text, "a, \"b\"");
        assert_eq!(units[0].target.text, "x\ny");
        assert_eq!(
            units[0].target.position(2),
            Some(Position { line: 2, column: 1 })
        );
        assert_eq!(units[1].id, "2");
    }

    #[test]
    fn errors_name_the_line() {
        let err = read("a\tb\nc\td\te\tf\n", b'\t').unwrap_err();
        assert!(err.to_string().starts_with("t:2:1:"), "{err}");
        let err = read("1,\"open\n", b',').unwrap_err();
        assert!(err.to_string().starts_with("t:1:3: quoted"), "{err}");
    }
}
