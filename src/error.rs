//! Errors and warnings, each naming the input they are about.

use crate::encoding::Encoding;
use std::path::PathBuf;

/// Why an input could not be processed.
///
/// Every kind names the input (its path, or `-` for standard input) and, where it helps,
/// the byte offset. New kinds may be added without a breaking change.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The input's path.
        path: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The input holds NUL bytes: it is binary, not text.
    #[error("{path}: binary file (NUL byte at byte offset {offset}); no records")]
    Binary {
        /// The input's path.
        path: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Extracting the records of the input failed on a bug of this tool (a panic);
    /// the batch went on with the other inputs.
    #[error("{path}: internal error ({message}); {}; please report it with the input", written_note(*.written))]
    Internal {
        /// The input's path.
        path: String,
        /// Where and why it failed.
        message: String,
        /// How many bytes of its records had already been written (a large input's
        /// records are written part by part).
        written: usize,
    },
    /// The input looks like UTF-16 text without a byte-order mark (a NUL at every
    /// other byte). Without the mark its byte order is a guess, so it is not read.
    #[error(
        "{path}: looks like {encoding} text without a byte-order mark (a NUL byte at every \
         other byte); convert it to UTF-8 first, e.g. iconv -f {encoding} -t UTF-8 '{path}' \
         > converted.txt"
    )]
    Utf16WithoutBom {
        /// The input's path.
        path: String,
        /// The byte order its NUL bytes suggest.
        encoding: Encoding,
    },
    /// The input's byte-order mark announces an encoding that is not read (UTF-32).
    #[error(
        "{path}: {encoding} text (by its byte-order mark) is not read; convert it to UTF-8 \
         first, e.g. iconv -f {encoding} -t UTF-8 '{path}' > converted.txt"
    )]
    UnsupportedEncoding {
        /// The input's path.
        path: String,
        /// The encoding's name, as `iconv` knows it.
        encoding: &'static str,
    },
    /// The input is not a regular file (a FIFO, a device, a socket): reading it could
    /// block forever or never end, so it is refused. Standard input is read as `-`.
    #[error(
        "{path}: not a regular file ({kind}); only regular files, directories and - \
         (standard input) are read"
    )]
    NotAFile {
        /// The input's path.
        path: String,
        /// What it is instead (`FIFO`, `character device`...).
        kind: &'static str,
    },
    /// A directory given by name holds no `*.txt` file, even in its subdirectories:
    /// nothing to read there. Not a failed input, but the batch ends with status 2.
    #[error("{path}: no .txt files in this directory; nothing to read")]
    NoText {
        /// The directory's path.
        path: String,
    },
    /// A gazetteer file is malformed or unreadable.
    #[error(transparent)]
    Gazetteer(#[from] crate::gazetteer::GazetteerError),
    /// A line of a JSON-Lines input that is not a document.
    #[error("{path}: line {line}: {message}")]
    BadLine {
        /// The input's path (`-` for standard input).
        path: String,
        /// The 1-based line.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A home state given by code that the country gazetteer does not know.
    #[error("{code:?} is not an ISO 3166-1 alpha-2 code of the country gazetteer")]
    UnknownCountry {
        /// The code as given.
        code: String,
    },
    /// An output file could not be written.
    #[error("{path}: cannot write: {source}", path = .path.display())]
    Write {
        /// The output's path.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// The input the error is about (its path, or `-`), when it is about one input.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Read { path, .. }
            | Error::Binary { path, .. }
            | Error::Utf16WithoutBom { path, .. }
            | Error::UnsupportedEncoding { path, .. }
            | Error::NotAFile { path, .. }
            | Error::NoText { path }
            | Error::Internal { path, .. }
            | Error::BadLine { path, .. } => Some(path),
            Error::Gazetteer(_) | Error::Write { .. } | Error::UnknownCountry { .. } => None,
        }
    }
}

/// Something worth telling about an input that was still processed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// The input is not valid UTF-8; it was read lossily (each bad sequence reads as
    /// U+FFFD) and records still point at the raw bytes.
    InvalidUtf8 {
        /// Byte offset of the first bad sequence.
        offset: usize,
    },
    /// The input is UTF-16 with a byte-order mark: it was decoded to UTF-8, and spans
    /// are byte offsets into that decoding (the document's [`raw`](crate::Document::raw)),
    /// not into the file.
    DecodedUtf16 {
        /// The input's encoding.
        encoding: Encoding,
    },
    /// The UTF-16 input holds a code unit that is not part of a valid character (a lone
    /// surrogate, or an odd final byte); it reads as U+FFFD.
    InvalidUtf16 {
        /// Byte offset in the input file of the first bad code unit.
        offset: usize,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte offset {offset}; read lossily (bad bytes read as U+FFFD)"
            ),
            Warning::DecodedUtf16 { encoding } => write!(
                f,
                "decoded from {encoding}; spans are offsets into its UTF-8 decoding"
            ),
            Warning::InvalidUtf16 { offset } => write!(
                f,
                "invalid UTF-16 at byte offset {offset} of the file; read as U+FFFD"
            ),
        }
    }
}

/// What an internal error left of an input's records.
fn written_note(written: usize) -> String {
    if written == 0 {
        "no records for this input".to_string()
    } else {
        format!("only the first {written} bytes of its records were written")
    }
}
