//! The character encodings an input is read in.
//!
//! Takes nothing; gives [`Encoding`], which the document stage detects and decodes, and
//! which its errors and warnings name. Kept apart from both so that neither imports the
//! other for it.

/// The character encoding an input was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark (invalid sequences are read lossily).
    /// The raw bytes are the input's own.
    Utf8,
    /// UTF-16, little-endian, announced by its byte-order mark `FF FE`. The raw bytes
    /// are its decoding to UTF-8, byte-order mark dropped.
    Utf16Le,
    /// UTF-16, big-endian, announced by its byte-order mark `FE FF`. The raw bytes are
    /// its decoding to UTF-8, byte-order mark dropped.
    Utf16Be,
}

impl Encoding {
    /// The encoding's name, as `iconv` knows it: `UTF-8`, `UTF-16LE`, `UTF-16BE`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
