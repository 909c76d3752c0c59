//! Errors and warnings, each naming the input they are about.

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
    /// A gazetteer file is malformed or unreadable.
    #[error(transparent)]
    Gazetteer(#[from] crate::gazetteer::GazetteerError),
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
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte offset {offset}; read lossily (bad bytes read as U+FFFD)"
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
