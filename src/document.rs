//! The document: an input's bytes, kept untouched, and their decoded text.
//!
//! Takes: an id (the path, or `-`) and the input's bytes. Gives: a [`Document`] that
//! owns the raw bytes, their decoding (UTF-8 BOM skipped, invalid sequences read as
//! U+FFFD) and the map from decoded positions back to raw byte offsets, plus any
//! [`Warning`]s. Line ends (LF, CRLF, lone CR) are left as they are: the repair stage
//! reads all three as line ends.
//!
//! What is not UTF-8 is sorted out here, once, before any stage sees the text:
//!
//! - UTF-16 with a byte-order mark (as Windows tools write it) is decoded to UTF-8, like
//!   ripgrep does; that decoding becomes the document's [`raw`](Document::raw) bytes, so
//!   spans are byte offsets into it and `text == raw[span]` still holds. A
//!   [`Warning::DecodedUtf16`] says so;
//! - UTF-16 without a byte-order mark (a NUL at every other byte) and UTF-32 are refused
//!   with an error that says how to convert them;
//! - anything else holding a NUL byte is binary, and refused.

use crate::encoding::Encoding;
use crate::error::{Error, Warning};
use crate::offsets::OffsetMap;
use std::borrow::Cow;
use std::io::Read;
use std::ops::Range;

const BOM: &[u8] = b"\xEF\xBB\xBF";
const BOM_UTF16LE: &[u8] = b"\xFF\xFE";
const BOM_UTF16BE: &[u8] = b"\xFE\xFF";
const BOM_UTF32LE: &[u8] = b"\xFF\xFE\0\0";
const BOM_UTF32BE: &[u8] = b"\0\0\xFE\xFF";

/// One input document.
#[derive(Clone, Debug)]
pub struct Document {
    id: String,
    bytes: Bytes,
    map: OffsetMap,
    warnings: Vec<Warning>,
    encoding: Encoding,
    source_len: usize,
}

/// The raw bytes and their decoding: one buffer when the raw bytes are UTF-8 (the
/// decoding is then the raw text past a byte-order mark), two when they had to be read
/// lossily.
#[derive(Clone, Debug)]
enum Bytes {
    /// Valid UTF-8: the raw bytes, and where the text starts (past a BOM).
    Utf8(String, usize),
    /// Invalid UTF-8 read lossily: the raw bytes and their decoding.
    Lossy(Vec<u8>, String),
}

impl Document {
    /// Reads `raw` as the document `id`.
    ///
    /// ```
    /// use bluebook::{Document, Encoding};
    /// let doc = Document::from_bytes("a.txt", b"\xEF\xBB\xBFHi\n".to_vec()).unwrap();
    /// assert_eq!(doc.text(), "Hi\n");
    /// assert_eq!(doc.raw_span(0..2), 3..5); // the BOM still counts
    /// assert!(Document::from_bytes("b.bin", b"a\0b".to_vec()).is_err());
    ///
    /// // UTF-16 with a byte-order mark is decoded; spans count bytes of the decoding.
    /// let doc = Document::from_bytes("w.txt", b"\xFF\xFEH\0\xE9\0\n\0".to_vec()).unwrap();
    /// assert_eq!(doc.encoding(), Encoding::Utf16Le);
    /// assert_eq!(doc.raw(), "H\u{e9}\n".as_bytes());
    /// assert_eq!(doc.raw_span(0..3), 0..3);
    /// assert_eq!(doc.source_len(), 8);
    /// ```
    pub fn from_bytes(id: impl Into<String>, raw: Vec<u8>) -> Result<Self, Error> {
        let id = id.into();
        let source_len = raw.len();
        for (bom, name) in [(BOM_UTF32LE, "UTF-32LE"), (BOM_UTF32BE, "UTF-32BE")] {
            if raw.starts_with(bom) {
                return Err(Error::UnsupportedEncoding {
                    path: id,
                    encoding: name,
                });
            }
        }
        for (bom, encoding) in [
            (BOM_UTF16LE, Encoding::Utf16Le),
            (BOM_UTF16BE, Encoding::Utf16Be),
        ] {
            if let Some(units) = raw.strip_prefix(bom) {
                return Self::from_utf16(id, units, encoding, source_len);
            }
        }
        if let Some(offset) = memchr::memchr(0, &raw) {
            return Err(match utf16_without_bom(&raw) {
                Some(encoding) => Error::Utf16WithoutBom { path: id, encoding },
                None => Error::Binary { path: id, offset },
            });
        }
        let body_start = if raw.starts_with(BOM) { BOM.len() } else { 0 };
        let (bytes, map, warnings) = match String::from_utf8(raw) {
            // The common case: the text is the raw bytes themselves, kept once.
            Ok(s) => {
                let mut map = OffsetMap::new();
                map.copy(body_start, s.len() - body_start);
                (Bytes::Utf8(s, body_start), map, Vec::new())
            }
            Err(e) => {
                let raw = e.into_bytes();
                let (text, map, warnings) = decode(&raw, body_start);
                (Bytes::Lossy(raw, text), map, warnings)
            }
        };
        Ok(Self {
            id,
            bytes,
            map,
            warnings,
            encoding: Encoding::Utf8,
            source_len,
        })
    }

    /// A document from the UTF-16 code units after a byte-order mark: their UTF-8
    /// decoding is its raw bytes, mapped one to one onto its text.
    fn from_utf16(
        id: String,
        units: &[u8],
        encoding: Encoding,
        source_len: usize,
    ) -> Result<Self, Error> {
        let (text, bad) =
            decode_utf16(units, encoding == Encoding::Utf16Le).map_err(|at| Error::Binary {
                path: id.clone(),
                offset: at + BOM_UTF16LE.len(),
            })?;
        let mut warnings = vec![Warning::DecodedUtf16 { encoding }];
        if let Some(at) = bad {
            warnings.push(Warning::InvalidUtf16 {
                offset: at + BOM_UTF16LE.len(),
            });
        }
        let mut map = OffsetMap::new();
        map.copy(0, text.len());
        Ok(Self {
            id,
            bytes: Bytes::Utf8(text, 0),
            map,
            warnings,
            encoding,
            source_len,
        })
    }

    /// Reads the file at `path`; the document's id is the path as given.
    ///
    /// Only a regular file (or a symbolic link to one) is read: a FIFO, a device or a
    /// socket is refused before it is opened, since reading it could block forever.
    pub fn read(path: &std::path::Path) -> Result<Self, Error> {
        let id = path.display().to_string();
        let read_error = |source| Error::Read {
            path: id.clone(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(|e| read_error(explain(path, e)))?;
        if !meta.is_file() {
            return Err(Error::NotAFile {
                path: id,
                kind: file_kind(&meta.file_type()),
            });
        }
        let mut file = std::fs::File::open(path).map_err(read_error)?;
        // Between the look and the open the path may have become something else.
        let meta = file.metadata().map_err(read_error)?;
        if !meta.is_file() {
            return Err(Error::NotAFile {
                path: id,
                kind: file_kind(&meta.file_type()),
            });
        }
        let mut raw = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        file.read_to_end(&mut raw).map_err(read_error)?;
        Self::from_bytes(id, raw)
    }

    /// The document's id: its path as given, or `-` for standard input.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The bytes that spans count: the input bytes, untouched — or, for an input in
    /// UTF-16, their decoding to UTF-8 (see [`encoding`](Self::encoding)).
    pub fn raw(&self) -> &[u8] {
        match &self.bytes {
            Bytes::Utf8(s, _) => s.as_bytes(),
            Bytes::Lossy(raw, _) => raw,
        }
    }

    /// The encoding the input was read in.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The size of the input in bytes, as read (before any decoding).
    pub fn source_len(&self) -> usize {
        self.source_len
    }

    /// The decoded text (BOM skipped, invalid UTF-8 read as U+FFFD).
    pub fn text(&self) -> &str {
        match &self.bytes {
            Bytes::Utf8(s, start) => &s[*start..],
            Bytes::Lossy(_, text) => text,
        }
    }

    /// What was noticed while reading (invalid UTF-8, a UTF-16 decoding).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The raw byte range of a range of the decoded text.
    pub fn raw_span(&self, decoded: Range<usize>) -> Range<usize> {
        self.map.span(decoded)
    }

    /// [`Document::raw_span`], and whether the raw bytes of the span are the decoded
    /// bytes of `decoded` (it lies in one stretch read as it is).
    pub(crate) fn raw_span_verbatim(&self, decoded: Range<usize>) -> (Range<usize>, bool) {
        self.map.span_verbatim(decoded)
    }

    /// The raw bytes of `span`, decoded (lossily, if they are not valid UTF-8): borrowed
    /// where they are.
    pub fn raw_text(&self, span: Range<usize>) -> Cow<'_, str> {
        match &self.bytes {
            Bytes::Utf8(s, _) => s.get(span.clone()).map_or_else(
                || String::from_utf8_lossy(&s.as_bytes()[span]),
                Cow::Borrowed,
            ),
            Bytes::Lossy(raw, _) => String::from_utf8_lossy(&raw[span]),
        }
    }
}

/// An I/O error on `path` said more plainly when `path` is a symbolic link that cannot be
/// followed: dangling (its target is missing) or part of a loop.
pub(crate) fn explain(path: &std::path::Path, e: std::io::Error) -> std::io::Error {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return e;
    }
    let target = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    if e.kind() == std::io::ErrorKind::NotFound {
        std::io::Error::new(
            e.kind(),
            format!("dangling symbolic link (its target {target} does not exist)"),
        )
    } else {
        std::io::Error::new(
            e.kind(),
            format!("symbolic link to {target} cannot be followed: {e}"),
        )
    }
}

/// What a file that is not a regular file is, in words.
fn file_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// The byte order of text that looks like UTF-16 without a byte-order mark: in its
/// first 4 KiB at least half the code units have a NUL byte on one side (the high byte
/// of Latin characters) and few have one on the other.
fn utf16_without_bom(raw: &[u8]) -> Option<Encoding> {
    let sample = &raw[..raw.len().min(4096)];
    let units = sample.len() / 2;
    let (mut first, mut second) = (0, 0);
    for unit in sample.chunks_exact(2) {
        first += usize::from(unit[0] == 0);
        second += usize::from(unit[1] == 0);
    }
    if units == 0 {
        None
    } else if second * 2 >= units && first * 8 <= second {
        Some(Encoding::Utf16Le)
    } else if first * 2 >= units && second * 8 <= first {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Decodes UTF-16 code units (the bytes after the byte-order mark). Gives the text and
/// the byte offset (into `units`) of the first invalid code unit, which reads as U+FFFD;
/// or, as an error, the byte offset of the first NUL character: binary, not text.
fn decode_utf16(units: &[u8], little_endian: bool) -> Result<(String, Option<usize>), usize> {
    let code_units = units.chunks_exact(2).map(|u| {
        if little_endian {
            u16::from_le_bytes([u[0], u[1]])
        } else {
            u16::from_be_bytes([u[0], u[1]])
        }
    });
    let mut text = String::with_capacity(units.len());
    let mut bad = None;
    let mut at = 0;
    for c in char::decode_utf16(code_units) {
        match c {
            Ok('\0') => return Err(at),
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => {
                bad.get_or_insert(at);
                text.push(char::REPLACEMENT_CHARACTER);
                at += 2;
            }
        }
    }
    if units.len() % 2 == 1 {
        bad.get_or_insert(units.len() - 1);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Ok((text, bad))
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
    fn utf16_with_a_bom_is_decoded_in_either_byte_order() {
        let le = b"\xFF\xFEA\0\x3D\xD8\x00\xDE\n\0".to_vec(); // "A😀\n"
        let be = b"\xFE\xFF\0A\xD8\x3D\xDE\x00\0\n".to_vec();
        for (raw, encoding) in [(le, Encoding::Utf16Le), (be, Encoding::Utf16Be)] {
            let doc = Document::from_bytes("w", raw).unwrap();
            assert_eq!(doc.text(), "A\u{1F600}\n");
            assert_eq!(doc.raw(), doc.text().as_bytes());
            assert_eq!(doc.encoding(), encoding);
            assert_eq!(doc.warnings(), &[Warning::DecodedUtf16 { encoding }]);
            assert_eq!(doc.source_len(), 10);
        }
    }

    #[test]
    fn a_lone_surrogate_and_an_odd_last_byte_read_as_replacement_characters() {
        let doc = Document::from_bytes("w", b"\xFF\xFEA\0\x3D\xD8B\0\n".to_vec()).unwrap();
        assert_eq!(doc.text(), "A\u{FFFD}B\u{FFFD}");
        assert_eq!(doc.warnings()[1], Warning::InvalidUtf16 { offset: 4 });
    }

    #[test]
    fn a_nul_character_in_utf16_is_binary() {
        let err = Document::from_bytes("w", b"\xFF\xFEA\0\0\0".to_vec()).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 4, .. }), "{err}");
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_by_its_nul_bytes() {
        let le: Vec<u8> = "Hello, world\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Hello, world\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16_without_bom(&le), Some(Encoding::Utf16Le));
        assert_eq!(utf16_without_bom(&be), Some(Encoding::Utf16Be));
        assert_eq!(
            utf16_without_bom(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01"),
            None
        );
        let err = Document::from_bytes("w", le).unwrap_err();
        assert!(
            err.to_string().contains("iconv -f UTF-16LE -t UTF-8"),
            "{err}"
        );
    }

    #[test]
    fn utf32_is_refused_with_a_way_to_convert_it() {
        let err = Document::from_bytes("w", b"\xFF\xFE\0\0A\0\0\0".to_vec()).unwrap_err();
        assert!(err.to_string().contains("iconv -f UTF-32LE"), "{err}");
    }

    #[test]
    fn empty_input_is_fine() {
        let doc = Document::from_bytes("e", Vec::new()).unwrap();
        assert_eq!(doc.text(), "");
        assert!(doc.warnings().is_empty());
    }
}
