//! Where gazetteer files come from: the one table of files, the embedded set, a
//! run-time directory layered on top, and reading their rows.
//!
//! **Takes** the file table [`FILES`] (name, columns, how many are required, which
//! must not be empty, the embedded text) and optionally a directory. **Gives** the
//! checked rows of each file, layer by layer (embedded first), each with the file
//! and line it came from, so a loader can report `file:line: message`.
//!
//! Adding a gazetteer file is a row in [`FILES`] plus the file in `gazetteers/`; its
//! loader reads its rows with [`Layer::rows`].

use super::GazetteerError;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

/// One gazetteer file: its name, its columns and the embedded copy.
#[derive(Debug)]
pub(crate) struct FileSpec {
    /// The file name, in `gazetteers/` and in a `--gazetteers` directory.
    pub name: &'static str,
    /// The column names, in order (a `.txt` file has one).
    pub columns: &'static [&'static str],
    /// How many leading columns a row must have.
    pub required: usize,
    /// The indexes of the columns that must not be empty.
    pub nonempty: &'static [usize],
    /// The embedded text.
    pub embedded: &'static str,
}

macro_rules! embedded {
    ($name:literal) => {
        include_str!(concat!("../../gazetteers/", $name))
    };
}

/// Every gazetteer file. A file not listed here is never read.
pub(crate) const FILES: &[FileSpec] = &[
    FileSpec {
        name: COUNTRIES,
        columns: &["alpha2", "alpha3", "name", "official_name", "common_name"],
        required: 3,
        nonempty: &[0, 1, 2],
        embedded: embedded!("countries.tsv"),
    },
    FileSpec {
        name: COUNTRY_NAMES,
        columns: &["code", "phrase", "kind"],
        required: 3,
        nonempty: &[0, 1, 2],
        embedded: embedded!("country-names.tsv"),
    },
    FileSpec {
        name: OFFICES,
        columns: &["office_id", "category", "phrase"],
        required: 3,
        nonempty: &[0, 1, 2],
        embedded: embedded!("offices.tsv"),
    },
    FileSpec {
        name: POST_NOMINALS,
        columns: &["office_id", "category", "phrase"],
        required: 3,
        nonempty: &[0, 1, 2],
        embedded: embedded!("post-nominals.tsv"),
    },
    FileSpec {
        name: ORGANIZATIONS,
        columns: &["acronym", "name", "aliases"],
        required: 2,
        nonempty: &[1],
        embedded: embedded!("organizations.tsv"),
    },
    FileSpec {
        name: STOP_PHRASES,
        columns: &["gazetteer", "phrase", "hides"],
        required: 3,
        nonempty: &[0, 1, 2],
        embedded: embedded!("stop-phrases.tsv"),
    },
    FileSpec {
        name: PHOTO_CREDITS,
        columns: &["credit"],
        required: 1,
        nonempty: &[0],
        embedded: embedded!("photo-credits.txt"),
    },
    FileSpec {
        name: FAMILY_NAMES,
        columns: &["code", "family_name"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("family-names.tsv"),
    },
    FileSpec {
        name: NEWS_AGENCIES,
        columns: &["code", "agency"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("news-agencies.tsv"),
    },
    FileSpec {
        name: NAME_WORDS,
        columns: &["role", "word"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("name-words.tsv"),
    },
    FileSpec {
        name: EVENT_WORDS,
        columns: &["kind", "phrase"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("event-words.tsv"),
    },
    FileSpec {
        name: EVENT_CONTEXT,
        columns: &["role", "phrase"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("event-context.tsv"),
    },
    FileSpec {
        name: PARTNER_GROUPS,
        columns: &["code", "phrase"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("partner-groups.tsv"),
    },
    FileSpec {
        name: CURRENCIES,
        columns: &["code", "numeric", "name"],
        required: 1,
        nonempty: &[0],
        embedded: embedded!("currencies.tsv"),
    },
    FileSpec {
        name: CURRENCY_CODES,
        columns: &["role", "code", "means"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("currency-codes.tsv"),
    },
    FileSpec {
        name: CURRENCY_SIGNS,
        columns: &["sign", "code", "options"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("currency-signs.tsv"),
    },
    FileSpec {
        name: CURRENCY_NAMES,
        columns: &["code", "singular", "plural", "adjectives", "options"],
        required: 3,
        nonempty: &[0, 1, 2],
        embedded: embedded!("currency-names.tsv"),
    },
    FileSpec {
        name: METRIC_WORDS,
        columns: &["metric", "phrase", "options"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("metric-words.tsv"),
    },
    FileSpec {
        name: SENTENCE_WORDS,
        columns: &["role", "word"],
        required: 2,
        nonempty: &[0, 1],
        embedded: embedded!("sentence-words.tsv"),
    },
    FileSpec {
        name: BODY_WORDS,
        columns: &["word"],
        required: 1,
        nonempty: &[0],
        embedded: embedded!("body-words.txt"),
    },
];

pub(crate) const COUNTRIES: &str = "countries.tsv";
pub(crate) const COUNTRY_NAMES: &str = "country-names.tsv";
pub(crate) const OFFICES: &str = "offices.tsv";
pub(crate) const POST_NOMINALS: &str = "post-nominals.tsv";
pub(crate) const ORGANIZATIONS: &str = "organizations.tsv";
pub(crate) const STOP_PHRASES: &str = "stop-phrases.tsv";
pub(crate) const PHOTO_CREDITS: &str = "photo-credits.txt";
pub(crate) const FAMILY_NAMES: &str = "family-names.tsv";
pub(crate) const NEWS_AGENCIES: &str = "news-agencies.tsv";
pub(crate) const NAME_WORDS: &str = "name-words.tsv";
pub(crate) const EVENT_WORDS: &str = "event-words.tsv";
pub(crate) const EVENT_CONTEXT: &str = "event-context.tsv";
pub(crate) const BODY_WORDS: &str = "body-words.txt";
pub(crate) const PARTNER_GROUPS: &str = "partner-groups.tsv";
pub(crate) const CURRENCIES: &str = "currencies.tsv";
pub(crate) const CURRENCY_CODES: &str = "currency-codes.tsv";
pub(crate) const CURRENCY_SIGNS: &str = "currency-signs.tsv";
pub(crate) const CURRENCY_NAMES: &str = "currency-names.tsv";
pub(crate) const METRIC_WORDS: &str = "metric-words.tsv";
pub(crate) const SENTENCE_WORDS: &str = "sentence-words.tsv";

/// The spec of a listed file.
///
/// # Panics
///
/// If `name` is not in [`FILES`]: a programming error the unit tests rule out.
pub(crate) fn spec(name: &str) -> &'static FileSpec {
    FILES
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name} is not in the table of gazetteer files"))
}

/// One file's text and the name to report it by.
#[derive(Debug)]
pub(crate) struct Source {
    pub file: String,
    pub text: Cow<'static, str>,
}

/// The files of one layer (the embedded set, or a directory), by file name.
#[derive(Debug, Default)]
pub(crate) struct Layer {
    pub files: HashMap<&'static str, Source>,
}

/// A checked data row: its fields (missing optional ones empty), and where it is.
#[derive(Debug)]
pub(crate) struct Row<'s> {
    pub source: &'s Source,
    pub line: usize,
    pub fields: Vec<&'s str>,
}

impl<'s> Row<'s> {
    /// A malformed-row error for this row.
    pub fn error(&self, message: impl Into<String>) -> GazetteerError {
        malformed(self.source, self.line, message)
    }

    /// The comma-separated options of column `column` (none when it is empty or
    /// missing), each checked against `known`.
    pub fn options(&self, column: usize, known: &[&str]) -> Result<Vec<&'s str>, GazetteerError> {
        let field = self.fields.get(column).copied().unwrap_or("");
        let mut out = Vec::new();
        for o in field.split(',').map(str::trim).filter(|o| !o.is_empty()) {
            if !known.contains(&o) {
                return Err(self.error(format!(
                    "unknown option {o:?} (expected {})",
                    known.join(", ")
                )));
            }
            out.push(o);
        }
        Ok(out)
    }
}

impl Layer {
    /// The embedded files.
    pub fn embedded() -> Layer {
        let files = FILES
            .iter()
            .map(|spec| {
                let source = Source {
                    file: format!("gazetteers/{}", spec.name),
                    text: Cow::Borrowed(spec.embedded),
                };
                (spec.name, source)
            })
            .collect();
        Layer { files }
    }

    /// The files of `dir` that have a name of the table; others are ignored.
    pub fn dir(dir: &Path) -> Result<Layer, GazetteerError> {
        let io_error = |path: &Path, source| GazetteerError::Io {
            file: path.display().to_string(),
            source,
        };
        if !dir.is_dir() {
            let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory");
            return Err(io_error(dir, source));
        }
        let mut files = HashMap::new();
        for spec in FILES {
            let path = dir.join(spec.name);
            if !path.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
            let source = Source {
                file: path.display().to_string(),
                text: Cow::Owned(text),
            };
            files.insert(spec.name, source);
        }
        Ok(Layer { files })
    }

    /// The source of a file, when this layer has it.
    pub fn get(&self, name: &str) -> Option<&Source> {
        self.files.get(name)
    }

    /// The checked rows of file `name` in this layer (none when the layer lacks it).
    pub fn rows(&self, name: &str) -> Result<Vec<Row<'_>>, GazetteerError> {
        let spec = spec(name);
        let Some(source) = self.get(name) else {
            return Ok(Vec::new());
        };
        data_lines(source)
            .map(|(line, text)| {
                let fields = split_fields(source, line, text, spec)?;
                Ok(Row {
                    source,
                    line,
                    fields,
                })
            })
            .collect()
    }
}

/// The data lines of a file with their 1-based numbers: no blank lines, no
/// `#` comment lines, no line ends or byte-order mark.
pub(crate) fn data_lines(source: &Source) -> impl Iterator<Item = (usize, &str)> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim_start();
        (!trimmed.is_empty() && !trimmed.starts_with('#')).then_some((i + 1, line))
    })
}

/// The tab-separated fields of a line, trimmed, checked for their count (at least
/// `required`, at most one per column) and for emptiness. Missing optional trailing
/// fields come back empty. A one-column file takes the whole line as its field.
fn split_fields<'l>(
    source: &Source,
    line_no: usize,
    line: &'l str,
    spec: &FileSpec,
) -> Result<Vec<&'l str>, GazetteerError> {
    let columns = spec.columns;
    let mut fields: Vec<&str> = if columns.len() == 1 {
        vec![line.trim()]
    } else {
        line.split('\t').map(str::trim).collect()
    };
    if fields.len() < spec.required || fields.len() > columns.len() {
        let expected = if spec.required == columns.len() {
            format!("{}", spec.required)
        } else {
            format!("{} to {}", spec.required, columns.len())
        };
        return Err(malformed(
            source,
            line_no,
            format!(
                "expected {expected} tab-separated columns ({}), found {}",
                columns.join(", "),
                fields.len()
            ),
        ));
    }
    fields.resize(columns.len(), "");
    if let Some(&i) = spec.nonempty.iter().find(|&&i| fields[i].is_empty()) {
        return Err(malformed(source, line_no, format!("empty {}", columns[i])));
    }
    Ok(fields)
}

/// A malformed-line error naming the file and line.
pub(crate) fn malformed(
    source: &Source,
    line: usize,
    message: impl Into<String>,
) -> GazetteerError {
    GazetteerError::Malformed {
        file: source.file.clone(),
        line,
        message: message.into(),
    }
}
