//! Ingest: read a file as UTF-8 text, tolerating a byte-order mark, and reject anything else
//! with an error that names the file and the byte offset.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { path: PathBuf, offset: usize },
}

const UTF8_BOM: &str = "\u{FEFF}";

/// Reads `path` as UTF-8 and returns its text without a leading byte-order mark.
pub fn read_text(path: &Path) -> Result<String, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(path, bytes)
}

/// Decodes bytes already in memory; `path` only names them in errors.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, IngestError> {
    let text = String::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(match text.strip_prefix(UTF8_BOM) {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom() {
        let text = decode(Path::new("x"), b"\xEF\xBB\xBFhello".to_vec()).unwrap();
        assert_eq!(text, "hello");
    }

    #[test]
    fn reports_offset_of_invalid_byte() {
        let err = decode(Path::new("bad.txt"), b"abc\xFFdef".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "bad.txt: invalid UTF-8 at byte offset 3");
    }
}
