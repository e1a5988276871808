//! TSV for spreadsheets and `cut`/`awk`: the CSV columns, tab-separated, one finding a row.
//! Tabs and line breaks inside a field become `\t`, `\n` (and `\` becomes `\\`).

use super::RenderOptions;
use super::csv::{COLUMNS, rows};
use crate::pipeline::Report;

pub fn render(reports: &[Report], _options: &RenderOptions) -> String {
    let mut out = COLUMNS.join("\t");
    out.push('\n');
    for row in rows(reports) {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

fn field(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

#[cfg(test)]
mod tests {
    #[test]
    fn separators_inside_fields_are_escaped() {
        assert_eq!(super::field("a\tb\nc\\"), "a\\tb\\nc\\\\");
    }
}
