//! The document: an input's raw bytes, kept untouched, and their decoded text.
//!
//! Takes: an id (the path, or `-`) and the input's bytes. Gives: a [`Document`] that
//! owns the raw bytes, their decoding (UTF-8 BOM skipped, invalid sequences read as
//! U+FFFD) and the map from decoded positions back to raw byte offsets, plus any
//! [`Warning`]s. Rejects binary input (NUL bytes). Line ends (LF, CRLF, lone CR) are
//! left as they are: the repair stage reads all three as line ends.

use crate::error::{Error, Warning};
use crate::offsets::OffsetMap;
use std::ops::Range;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One input document.
#[derive(Clone, Debug)]
pub struct Document {
    id: String,
    raw: Vec<u8>,
    text: String,
    map: OffsetMap,
    warnings: Vec<Warning>,
}

impl Document {
    /// Reads `raw` as the document `id`.
    ///
    /// ```
    /// let doc = bluebook::Document::from_bytes("a.txt", b"\xEF\xBB\xBFHi\n".to_vec()).unwrap();
    /// assert_eq!(doc.text(), "Hi\n");
    /// assert_eq!(doc.raw_span(0..2), 3..5); // the BOM still counts
    /// assert!(bluebook::Document::from_bytes("b.bin", b"a\0b".to_vec()).is_err());
    /// ```
    pub fn from_bytes(id: impl Into<String>, raw: Vec<u8>) -> Result<Self, Error> {
        let id = id.into();
        if let Some(offset) = raw.iter().position(|&b| b == 0) {
            return Err(Error::Binary { path: id, offset });
        }
        let body_start = if raw.starts_with(BOM) { BOM.len() } else { 0 };
        let (text, map, warnings) = decode(&raw, body_start);
        Ok(Self {
            id,
            raw,
            text,
            map,
            warnings,
        })
    }

    /// Reads the file at `path`; the document's id is the path as given.
    pub fn read(path: &std::path::Path) -> Result<Self, Error> {
        let id = path.display().to_string();
        match std::fs::read(path) {
            Ok(raw) => Self::from_bytes(id, raw),
            Err(source) => Err(Error::Read { path: id, source }),
        }
    }

    /// The document's id: its path as given, or `-` for standard input.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The input bytes, untouched.
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// The decoded text (BOM skipped, invalid UTF-8 read as U+FFFD).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What was noticed while reading (invalid UTF-8).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The raw byte range of a range of the decoded text.
    pub fn raw_span(&self, decoded: Range<usize>) -> Range<usize> {
        self.map.span(decoded)
    }

    /// The raw bytes of `span`, decoded (lossily, if they are not valid UTF-8).
    pub fn raw_text(&self, span: Range<usize>) -> String {
        String::from_utf8_lossy(&self.raw[span]).into_owned()
    }
}

/// Decodes `raw[start..]`, mapping each decoded byte back to its raw bytes.
fn decode(raw: &[u8], start: usize) -> (String, OffsetMap, Vec<Warning>) {
    let mut text = String::with_capacity(raw.len() - start);
    let mut map = OffsetMap::new();
    let mut warnings = Vec::new();
    let mut pos = start;
    while pos < raw.len() {
        match std::str::from_utf8(&raw[pos..]) {
            Ok(s) => {
                text.push_str(s);
                map.copy(pos, s.len());
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY-free: the prefix was just validated.
                text.push_str(std::str::from_utf8(&raw[pos..pos + good]).unwrap_or_default());
                map.copy(pos, good);
                let bad_at = pos + good;
                let bad_len = e.error_len().unwrap_or(raw.len() - bad_at);
                if warnings.is_empty() {
                    warnings.push(Warning::InvalidUtf8 { offset: bad_at });
                }
                text.push(char::REPLACEMENT_CHARACTER);
                map.replace(char::REPLACEMENT_CHARACTER.len_utf8(), bad_at, bad_len);
                pos = bad_at + bad_len;
            }
        }
    }
    (text, map, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_read_lossily_and_mapped_to_the_bad_bytes() {
        let doc = Document::from_bytes("x", b"ab\xFFcd".to_vec()).unwrap();
        assert_eq!(doc.text(), "ab\u{FFFD}cd");
        assert_eq!(doc.warnings(), &[Warning::InvalidUtf8 { offset: 2 }]);
        assert_eq!(doc.raw_span(2..5), 2..3);
        assert_eq!(doc.raw_span(0..7), 0..5);
    }

    #[test]
    fn empty_input_is_fine() {
        let doc = Document::from_bytes("e", Vec::new()).unwrap();
        assert_eq!(doc.text(), "");
        assert!(doc.warnings().is_empty());
    }
}
