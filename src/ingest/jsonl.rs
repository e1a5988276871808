//! JSON Lines: one object a line, `{"id": …, "source": "…", "target": "…"}`. `id` (a string
//! or a number) is optional and defaults to the line number; a missing or null `target` is an
//! empty one.

use super::lines::Lines;
use super::{IngestError, Unit, UnitText};
use crate::normalize::Position;
use serde_json::Value;
use std::io::BufRead;
use std::path::PathBuf;

pub(crate) fn units(
    path: PathBuf,
    input: Box<dyn BufRead>,
) -> impl Iterator<Item = Result<Unit, IngestError>> {
    let mut lines = Lines::new(path, input);
    std::iter::from_fn(move || read_unit(&mut lines).transpose())
}

fn read_unit(lines: &mut Lines) -> Result<Option<Unit>, IngestError> {
    loop {
        let Some(line) = lines.next_line()? else {
            return Ok(None);
        };
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(&line)
            .map_err(|e| lines.error(e.column().max(1), format!("invalid JSON: {e}")))?;
        let Value::Object(object) = value else {
            return Err(lines.error(1, "expected an object with `source` and `target`".into()));
        };
        let id = match object.get("id") {
            None | Some(Value::Null) => lines.number.to_string(),
            Some(Value::String(id)) => id.clone(),
            Some(Value::Number(id)) => id.to_string(),
            Some(_) => return Err(lines.error(1, "`id` must be a string or a number".into())),
        };
        let text = |key: &str, required: bool| -> Result<UnitText, IngestError> {
            match object.get(key) {
                Some(Value::String(s)) => Ok(located(&line, lines.number, s)),
                None | Some(Value::Null) if !required => Ok(UnitText::at(Position {
                    line: lines.number,
                    column: 1,
                })),
                _ => Err(lines.error(1, format!("`{key}` must be a string"))),
            }
        };
        return Ok(Some(Unit {
            id,
            source: text("source", true)?,
            target: text("target", false)?,
            fuzzy: false,
        }));
    }
}

/// The text, anchored where its JSON string starts on the line when it can be found there
/// verbatim; at the line's start otherwise (escapes make columns approximate).
fn located(line: &str, number: usize, text: &str) -> UnitText {
    let encoded = serde_json::to_string(text).unwrap_or_default();
    let column = line
        .find(&encoded)
        .map_or(1, |byte| line[..byte].chars().count() + 2);
    let at = Position {
        line: number,
        column,
    };
    let mut unit_text = UnitText::at(at);
    unit_text.push_str(text, at);
    unit_text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<Unit>, IngestError> {
        let input: Box<dyn BufRead> = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        units(PathBuf::from("t.jsonl"), input).collect()
    }

    #[test]
    fn reads_ids_texts_and_columns() {
        let units = read(
            "{\"id\": \"a\", \"source\": \"Hello\", \"target\": \"Bonjour\"}\n\n{\"source\": \"x\"}\n",
        )
        .unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].id, "a");
        assert_eq!(units[0].target.text, "Bonjour");
        assert_eq!(
            units[0].target.position(0),
            Some(Position {
                line: 1,
                column: 43
            })
        );
        assert_eq!(units[1].id, "3");
        assert!(units[1].target.text.is_empty());
    }

    #[test]
    fn bad_line_is_an_error_with_its_number() {
        let err = read("{\"source\": \"a\"}\n{\"source\": 3}\n").unwrap_err();
        assert!(err.to_string().starts_with("t.jsonl:2:1:"), "{err}");
        let err = read("{\"source\": \"a\",\n").unwrap_err();
        assert!(err.to_string().starts_with("t.jsonl:1:"), "{err}");
    }
}
