//! UTF-16 input (Excel's "Unicode text" TSV, TMX and XLIFF from some CAT tools), recognised
//! by its byte-order mark and decoded to UTF-8 as it is read, so that every reader sees
//! UTF-8 and memory does not grow with the file.

use std::io::{BufRead, Read};

/// Which UTF-16 a byte-order mark announces, if any.
pub(crate) fn detect(head: &[u8]) -> Option<bool> {
    match head {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// Decodes UTF-16 (big- or little-endian, after the byte-order mark) into UTF-8.
pub(crate) struct Utf16Reader<R> {
    inner: R,
    big_endian: bool,
    /// Bytes read but not decoded yet: an odd byte, or a high surrogate awaiting its pair.
    pending: Vec<u8>,
    decoded: Vec<u8>,
    position: usize,
}

impl<R: BufRead> Utf16Reader<R> {
    /// `inner` must start right after the byte-order mark.
    pub fn new(inner: R, big_endian: bool) -> Self {
        Utf16Reader {
            inner,
            big_endian,
            pending: Vec::new(),
            decoded: Vec::new(),
            position: 0,
        }
    }

    /// Decodes the next chunk; false at the end of the input.
    fn refill(&mut self) -> std::io::Result<bool> {
        self.decoded.clear();
        self.position = 0;
        while self.decoded.is_empty() {
            let chunk = self.inner.fill_buf()?;
            let at_end = chunk.is_empty();
            self.pending.extend_from_slice(chunk);
            let consumed = chunk.len();
            self.inner.consume(consumed);
            if at_end && self.pending.is_empty() {
                return Ok(false);
            }
            let mut units: Vec<u16> = self
                .pending
                .chunks_exact(2)
                .map(|pair| {
                    let bytes = [pair[0], pair[1]];
                    if self.big_endian {
                        u16::from_be_bytes(bytes)
                    } else {
                        u16::from_le_bytes(bytes)
                    }
                })
                .collect();
            let mut keep = self.pending.len() % 2;
            // A high surrogate at the end of a chunk waits for the low one.
            if !at_end && units.last().is_some_and(|u| (0xD800..0xDC00).contains(u)) {
                units.pop();
                keep += 2;
            }
            if at_end && keep > 0 {
                return Err(invalid("UTF-16 input ends in the middle of a character"));
            }
            for c in char::decode_utf16(units) {
                let c = c.map_err(|_| invalid("invalid UTF-16 (unpaired surrogate)"))?;
                let mut utf8 = [0; 4];
                self.decoded
                    .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            }
            let decoded_bytes = self.pending.len() - keep;
            self.pending.drain(..decoded_bytes);
            if at_end {
                break;
            }
        }
        Ok(!self.decoded.is_empty())
    }
}

fn invalid(message: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message.to_string())
}

impl<R: BufRead> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.position == self.decoded.len() && !self.refill()? {
            return Ok(0);
        }
        let n = (self.decoded.len() - self.position).min(buf.len());
        buf[..n].copy_from_slice(&self.decoded[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], big_endian: bool) -> std::io::Result<String> {
        // A tiny buffer splits surrogate pairs and code units across chunks.
        let inner = std::io::BufReader::with_capacity(3, bytes);
        let mut out = String::new();
        Utf16Reader::new(inner, big_endian).read_to_string(&mut out)?;
        Ok(out)
    }

    #[test]
    fn decodes_both_byte_orders_across_chunks() {
        let text = "a\tb 😀 é\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le, false).unwrap(), text);
        assert_eq!(decode(&be, true).unwrap(), text);
        assert_eq!(detect(&[0xFF, 0xFE, 0x61]), Some(false));
        assert_eq!(detect(b"<?xml"), None);
    }

    #[test]
    fn broken_input_is_an_error() {
        assert!(decode(&[0x00, 0xD8, 0x61, 0x00], false).is_err());
        assert!(decode(&[0x61, 0x00, 0x62], false).is_err());
    }
}
