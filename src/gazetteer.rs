//! Gazetteers: the lists of countries, offices, organizations and photo credits
//! that the extraction stages look up, and the matchers that find them in text.
//!
//! **Takes** the data files of `gazetteers/` (embedded in the binary at build
//! time, optionally extended at run time by a directory holding files of the
//! same names) and, per call, a text.
//!
//! **Gives** the country, office and organization mentions in that text, in
//! text order, each with its byte range in the text as given and the record it
//! refers to (a [`Country`] with its ISO code, an [`Office`] with its category,
//! an [`Org`] with its acronym); plus look-up of a country by ISO code and the
//! list of photo credits.
//!
//! Matching rules, the same for all three matchers:
//!
//! - Phrases are matched case-sensitively as listed, so `US` never matches the
//!   pronoun "us". The loader adds an ALL-CAPS variant of every phrase that has
//!   a lowercase letter or a space (so the heading `VIET NAM` matches), and a
//!   variant with `’` for every `'` and the reverse.
//! - Whole words only: when a phrase begins (ends) with a letter or digit, the
//!   character before (after) the match must not be a letter or digit. A phrase
//!   ending in punctuation (`U.S.`, `ADMM+`) needs no check at that end.
//!   Superscript digits are footnote markers, not word characters, so
//!   `Viet Nam⁷` is a mention of Viet Nam.
//! - Leftmost-longest among the whole-word matches: `Deputy Prime Minister` is
//!   one office, and `Papua New Guinea` is not `Guinea`.
//! - A run of whitespace in the text (spaces, tabs, line breaks) matches the
//!   single space of a phrase, so a title broken over two lines still matches;
//!   the reported range covers the text as it is.
//! - Stop-phrases (`gazetteers/stop-phrases.tsv`) take part in the matching and,
//!   when they win, hide the phrase inside them: `South China Sea` yields no
//!   country, `US$` no United States.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

/// A country or territory of ISO 3166-1.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, e.g. `VN`.
    pub code: String,
    /// ISO 3166-1 alpha-3 code, e.g. `VNM`.
    pub alpha3: String,
    /// Canonical short everyday English name, e.g. "Viet Nam", "Republic of
    /// Korea", "United States".
    pub name: String,
}

/// How a country is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// By a name: "Viet Nam", "Lao PDR", "ROK".
    Name,
    /// By an adjective or demonym: "Vietnamese", "Lao", "Filipino".
    Adjective,
}

/// A country mention found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CountryHit<'a> {
    /// Byte offset of the first byte of the mention in the text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The country mentioned.
    pub country: &'a Country,
    /// Whether it is mentioned by name or by adjective.
    pub kind: MentionKind,
}

/// An office, title, rank or honorific.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Office {
    /// Identifier, e.g. `foreign_minister`.
    pub id: String,
    /// One of [`OFFICE_CATEGORIES`], e.g. `foreign_minister`.
    pub category: String,
    /// Canonical wording, e.g. "Minister of Foreign Affairs".
    pub canonical: String,
}

/// An office phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OfficeHit<'a> {
    /// Byte offset of the first byte of the phrase in the text.
    pub start: usize,
    /// Byte offset just past the phrase.
    pub end: usize,
    /// The office the phrase names.
    pub office: &'a Office,
}

/// An international organization, grouping, mechanism or agreement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Org {
    /// Acronym, e.g. `ASEAN`; empty when the body has none in common use.
    pub acronym: String,
    /// Full name, e.g. "Association of Southeast Asian Nations".
    pub name: String,
}

/// An organization mention (by acronym, name or alias) found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OrgHit<'a> {
    /// Byte offset of the first byte of the mention in the text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The organization mentioned.
    pub org: &'a Org,
}

/// The office categories, in the order of `gazetteers/offices.tsv`.
pub const OFFICE_CATEGORIES: [&str; 10] = [
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "minister",
    "party",
    "parliament",
    "military",
    "diplomat",
    "royal_or_honorific",
    "other",
];

/// A gazetteer file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// A line of a gazetteer file is malformed: wrong column count, unknown
    /// kind, category or country code, and the like.
    #[error("{file}:{line}: {message}")]
    Malformed {
        /// The file, as `gazetteers/<name>` for embedded files, else its path.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// A gazetteer file or directory cannot be read.
    #[error("cannot read {file}: {source}")]
    Io {
        /// The file or directory.
        file: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The phrases of a gazetteer could not be compiled into a matcher.
    #[error("cannot build the {gazetteer} matcher: {message}")]
    Build {
        /// `countries`, `offices` or `organizations`.
        gazetteer: String,
        /// The reason given by the automaton builder.
        message: String,
    },
}

/// Loaded gazetteers with their matching automata (built once).
#[derive(Clone)]
pub struct Gazetteers {
    /// Everything `with_acronyms` does not change, shared between copies.
    shared: Arc<Shared>,
    orgs: Vec<Org>,
    org_phrases: PhraseTable<usize>,
    org_matcher: Matcher<usize>,
    /// The phrases `with_acronyms` added, matched on top of `org_matcher`: a small
    /// automaton per document instead of a rebuilt large one.
    local_orgs: Option<Arc<Matcher<usize>>>,
}

struct Shared {
    countries: Vec<Country>,
    country_by_code: HashMap<String, usize>,
    country_phrases: PhraseTable<CountryRef>,
    country_matcher: Matcher<CountryRef>,
    offices: Vec<Office>,
    office_matcher: Matcher<usize>,
    photo_credits: Vec<String>,
}

impl fmt::Debug for Gazetteers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteers")
            .field("countries", &self.shared.countries.len())
            .field("country_phrases", &self.shared.country_phrases.len())
            .field("offices", &self.shared.offices.len())
            .field("office_phrases", &self.shared.office_matcher.entries.len())
            .field("orgs", &self.orgs.len())
            .field("org_phrases", &self.org_phrases.len())
            .field("photo_credits", &self.shared.photo_credits.len())
            .finish()
    }
}

static EMBEDDED: LazyLock<Gazetteers> = LazyLock::new(|| {
    Gazetteers::load(&[embedded_layer()])
        .unwrap_or_else(|e| panic!("the embedded gazetteers are malformed: {e}"))
});

impl Gazetteers {
    /// The gazetteers embedded in the binary (include_str! of gazetteers/*), parsed and
    /// compiled once per process (LazyLock).
    ///
    /// # Panics
    ///
    /// If the embedded files are malformed, which the unit tests rule out.
    pub fn embedded() -> &'static Gazetteers {
        &EMBEDDED
    }

    /// The embedded gazetteers, with the files found in `dir` added on top: a file in `dir`
    /// with the same name as an embedded one (countries.tsv, country-names.tsv,
    /// offices.tsv, organizations.tsv, photo-credits.txt) adds its rows; a row whose key
    /// (phrase) is already present replaces the embedded meaning of that phrase.
    ///
    /// `stop-phrases.tsv` is read the same way. The key of a `countries.tsv` row is
    /// its alpha-2 code; files of other names in `dir` are ignored.
    ///
    /// # Errors
    ///
    /// [`GazetteerError::Io`] if `dir` is not a readable directory or a file in it
    /// cannot be read as UTF-8; [`GazetteerError::Malformed`] naming the file and
    /// line of the first bad row.
    pub fn with_dir(dir: &Path) -> Result<Gazetteers, GazetteerError> {
        Gazetteers::load(&[embedded_layer(), dir_layer(dir)?])
    }

    /// Country mentions in `text`: leftmost-longest, whole words only (the characters
    /// before and after the match are not letters or digits), in text order.
    pub fn countries<'a>(&'a self, text: &'a str) -> impl Iterator<Item = CountryHit<'a>> + 'a {
        let shared = &*self.shared;
        shared
            .country_matcher
            .find(text)
            .into_iter()
            .map(move |(start, end, r)| CountryHit {
                start,
                end,
                country: &shared.countries[r.country],
                kind: r.kind,
            })
    }

    /// Office phrases in `text`, same matching rules.
    pub fn offices<'a>(&'a self, text: &'a str) -> impl Iterator<Item = OfficeHit<'a>> + 'a {
        let shared = &*self.shared;
        shared
            .office_matcher
            .find(text)
            .into_iter()
            .map(move |(start, end, &i)| OfficeHit {
                start,
                end,
                office: &shared.offices[i],
            })
    }

    /// Organization mentions (acronyms and names), same matching rules.
    pub fn organizations<'a>(&'a self, text: &'a str) -> impl Iterator<Item = OrgHit<'a>> + 'a {
        let base = self.org_matcher.find(text);
        let hits = match &self.local_orgs {
            None => base,
            Some(local) => {
                // The document's phrases first, so they win a tie; then leftmost-longest
                // over both.
                let mut all = local.find(text);
                all.extend(base);
                all.sort_by_key(|&(start, end, _)| (start, Reverse(end)));
                let mut next_free = 0;
                all.retain(|&(start, end, _)| {
                    let keep = start >= next_free;
                    if keep {
                        next_free = end;
                    }
                    keep
                });
                all
            }
        };
        hits.into_iter().map(move |(start, end, &i)| OrgHit {
            start,
            end,
            org: &self.orgs[i],
        })
    }

    /// Look up a country by ISO alpha-2 code.
    ///
    /// The code is compared without regard to ASCII case (`vn` finds Viet Nam).
    pub fn country(&self, code: &str) -> Option<&Country> {
        let shared = &*self.shared;
        shared
            .country_by_code
            .get(&code.to_ascii_uppercase())
            .map(|&i| &shared.countries[i])
    }

    /// The photo credits, in file order.
    pub fn photo_credits(&self) -> &[String] {
        &self.shared.photo_credits
    }

    /// A copy with document-local acronyms added as organizations (from a document's own
    /// glossary of acronyms), e.g. ("AMM", "ASEAN Foreign Ministers' Meeting").
    ///
    /// A pair whose acronym already names an organization with that acronym adds
    /// the document's wording as another name of it (so "APEC" stays one body). A
    /// pair whose acronym or name the country matcher knows is left out: "UAE" /
    /// "United Arab Emirates" stays a country, and "USD" / "United States Dollar"
    /// (a currency, listed as a country stop-phrase) is no organization. Otherwise
    /// the pair is a new organization, and its phrases take precedence over the
    /// embedded ones. Pairs with an empty side are ignored.
    pub fn with_acronyms(&self, pairs: &[(String, String)]) -> Gazetteers {
        let mut copy = self.clone();
        let mut local = PhraseTable::new();
        let mut changed = false;
        for (acronym, name) in pairs {
            let acronym = normalize_space(acronym);
            let name = normalize_space(name);
            if acronym.is_empty() || name.is_empty() {
                continue;
            }
            let country_phrases = &self.shared.country_phrases;
            if country_phrases.contains(&acronym) || country_phrases.contains(&name) {
                continue;
            }
            let existing = match copy.org_phrases.get(&acronym) {
                Some(Entry::Hit(i)) if copy.orgs[*i].acronym == acronym => Some(*i),
                _ => None,
            };
            let index = existing.unwrap_or_else(|| {
                copy.orgs.push(Org {
                    acronym: acronym.clone(),
                    name: name.clone(),
                });
                copy.orgs.len() - 1
            });
            for phrase in [&acronym, &name] {
                let known =
                    matches!(copy.org_phrases.get(phrase), Some(Entry::Hit(i)) if *i == index);
                if !known {
                    copy.org_phrases.insert(phrase, Entry::Hit(index));
                    local.insert(phrase, Entry::Hit(index));
                    changed = true;
                }
            }
        }
        if changed {
            // Document-local acronyms are few and well formed; the automaton
            // builder only fails on pattern sets far beyond a glossary's size.
            if let Ok(matcher) = Matcher::build(&local, AhoCorasickKind::ContiguousNFA) {
                copy.local_orgs = Some(Arc::new(matcher));
            }
        }
        copy
    }

    /// Parse and compile the given layers, later layers on top of earlier ones.
    fn load(layers: &[Layer]) -> Result<Gazetteers, GazetteerError> {
        let (countries, country_by_code, country_phrases) = load_countries(layers)?;
        let (offices, office_phrases) = load_offices(layers)?;
        let (orgs, org_phrases) = load_orgs(layers)?;
        let photo_credits = load_photo_credits(layers);

        let shared = Shared {
            country_matcher: Matcher::build(&country_phrases, AhoCorasickKind::DFA)
                .map_err(|message| build_error("countries", message))?,
            office_matcher: Matcher::build(&office_phrases, AhoCorasickKind::DFA)
                .map_err(|message| build_error("offices", message))?,
            countries,
            country_by_code,
            country_phrases,
            offices,
            photo_credits,
        };
        Ok(Gazetteers {
            org_matcher: Matcher::build(&org_phrases, AhoCorasickKind::DFA)
                .map_err(|message| build_error("organizations", message))?,
            local_orgs: None,
            shared: Arc::new(shared),
            orgs,
            org_phrases,
        })
    }
}

fn build_error(gazetteer: &str, message: String) -> GazetteerError {
    GazetteerError::Build {
        gazetteer: gazetteer.to_string(),
        message,
    }
}

// ---------------------------------------------------------------------------
// Sources: the embedded files and a run-time directory.

const COUNTRIES: &str = "countries.tsv";
const COUNTRY_NAMES: &str = "country-names.tsv";
const OFFICES: &str = "offices.tsv";
const ORGANIZATIONS: &str = "organizations.tsv";
const STOP_PHRASES: &str = "stop-phrases.tsv";
const PHOTO_CREDITS: &str = "photo-credits.txt";

/// The file names a layer may hold.
const FILE_NAMES: [&str; 6] = [
    COUNTRIES,
    COUNTRY_NAMES,
    OFFICES,
    ORGANIZATIONS,
    STOP_PHRASES,
    PHOTO_CREDITS,
];

const EMBEDDED_FILES: [(&str, &str); 6] = [
    (COUNTRIES, include_str!("../gazetteers/countries.tsv")),
    (
        COUNTRY_NAMES,
        include_str!("../gazetteers/country-names.tsv"),
    ),
    (OFFICES, include_str!("../gazetteers/offices.tsv")),
    (
        ORGANIZATIONS,
        include_str!("../gazetteers/organizations.tsv"),
    ),
    (STOP_PHRASES, include_str!("../gazetteers/stop-phrases.tsv")),
    (
        PHOTO_CREDITS,
        include_str!("../gazetteers/photo-credits.txt"),
    ),
];

/// One file's text and the name to report it by.
struct Source {
    file: String,
    text: Cow<'static, str>,
}

/// The files of one layer (the embedded set, or a directory), by file name.
struct Layer {
    files: HashMap<&'static str, Source>,
}

impl Layer {
    fn get(&self, name: &str) -> Option<&Source> {
        self.files.get(name)
    }
}

fn embedded_layer() -> Layer {
    let files = EMBEDDED_FILES
        .iter()
        .map(|&(name, text)| {
            let source = Source {
                file: format!("gazetteers/{name}"),
                text: Cow::Borrowed(text),
            };
            (name, source)
        })
        .collect();
    Layer { files }
}

fn dir_layer(dir: &Path) -> Result<Layer, GazetteerError> {
    let io_error = |path: &Path, source| GazetteerError::Io {
        file: path.display().to_string(),
        source,
    };
    if !dir.is_dir() {
        let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory");
        return Err(io_error(dir, source));
    }
    let mut files = HashMap::new();
    for name in FILE_NAMES {
        let path = dir.join(name);
        if !path.exists() {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
        let source = Source {
            file: path.display().to_string(),
            text: Cow::Owned(text),
        };
        files.insert(name, source);
    }
    Ok(Layer { files })
}

/// The data lines of a file with their 1-based numbers: no blank lines, no
/// `#` comment lines, no line ends or byte-order mark.
fn data_lines(source: &Source) -> impl Iterator<Item = (usize, &str)> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim_start();
        (!trimmed.is_empty() && !trimmed.starts_with('#')).then_some((i + 1, line))
    })
}

/// The tab-separated fields of a line, trimmed, checked for their count (at
/// least `required`, at most one per column) and for emptiness (the columns
/// at the indexes `nonempty`). Missing optional trailing fields come back empty.
fn split_fields<'l>(
    source: &Source,
    line_no: usize,
    line: &'l str,
    columns: &[&str],
    required: usize,
    nonempty: &[usize],
) -> Result<Vec<&'l str>, GazetteerError> {
    let mut fields: Vec<&str> = line.split('\t').map(|f| f.trim()).collect();
    if fields.len() < required || fields.len() > columns.len() {
        let expected = if required == columns.len() {
            format!("{required}")
        } else {
            format!("{required} to {}", columns.len())
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
    if let Some(&i) = nonempty.iter().find(|&&i| fields[i].is_empty()) {
        return Err(malformed(source, line_no, format!("empty {}", columns[i])));
    }
    Ok(fields)
}

fn malformed(source: &Source, line: usize, message: impl Into<String>) -> GazetteerError {
    GazetteerError::Malformed {
        file: source.file.clone(),
        line,
        message: message.into(),
    }
}

// ---------------------------------------------------------------------------
// Phrase tables and matchers.

/// What a phrase means: something to report, or a stop-phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry<V> {
    Hit(V),
    Stop,
}

/// A country phrase's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CountryRef {
    country: usize,
    kind: MentionKind,
}

/// Whether a phrase was listed or derived from a listed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Listed,
    Variant,
}

/// Phrases and their meanings, in insertion order. A listed phrase replaces
/// any earlier meaning of the same phrase; a variant never replaces a listed
/// phrase.
#[derive(Debug, Clone)]
struct PhraseTable<V> {
    phrases: Vec<(String, Entry<V>, Origin)>,
    index: HashMap<String, usize>,
}

impl<V: Copy> PhraseTable<V> {
    fn new() -> Self {
        PhraseTable {
            phrases: Vec::new(),
            index: HashMap::new(),
        }
    }

    fn len(&self) -> usize {
        self.phrases.len()
    }

    fn get(&self, phrase: &str) -> Option<&Entry<V>> {
        self.index.get(phrase).map(|&i| &self.phrases[i].1)
    }

    fn contains(&self, phrase: &str) -> bool {
        self.index.contains_key(phrase)
    }

    /// Add a listed phrase (whitespace normalised) and its variants.
    fn insert(&mut self, phrase: &str, entry: Entry<V>) {
        let phrase = normalize_space(phrase);
        for variant in variants(&phrase) {
            self.set(variant, entry, Origin::Variant);
        }
        self.set(phrase, entry, Origin::Listed);
    }

    fn set(&mut self, phrase: String, entry: Entry<V>, origin: Origin) {
        match self.index.get(&phrase) {
            Some(&i) => {
                let slot = &mut self.phrases[i];
                if origin == Origin::Listed || slot.2 == Origin::Variant {
                    slot.1 = entry;
                    slot.2 = origin;
                }
            }
            None => {
                self.index.insert(phrase.clone(), self.phrases.len());
                self.phrases.push((phrase, entry, origin));
            }
        }
    }
}

/// The derived forms of a phrase: its ALL-CAPS form when it has a lowercase
/// letter or a space, and the forms of both with the other apostrophe.
fn variants(phrase: &str) -> Vec<String> {
    let mut forms = vec![phrase.to_string()];
    if phrase.chars().any(|c| c.is_lowercase() || c == ' ') {
        forms.push(phrase.to_uppercase());
    }
    let mut out = Vec::new();
    for form in forms {
        for (from, to) in [("'", "\u{2019}"), ("\u{2019}", "'")] {
            if form.contains(from) {
                out.push(form.replace(from, to));
            }
        }
        out.push(form);
    }
    out.retain(|form| form != phrase);
    out
}

/// A phrase with runs of whitespace collapsed to one space, trimmed.
fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Letters and digits, except superscript and subscript digits: those are
/// footnote markers ("Viet Nam⁷") and do not extend a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '¹' | '²' | '³' | '⁰'..='⁹' | '₀'..='₉')
}

/// An automaton over a phrase table, with what each pattern means.
#[derive(Debug, Clone)]
struct Matcher<V> {
    /// All matches, overlapping: the slow path, when a match cuts a word.
    automaton: AhoCorasick,
    /// Leftmost-longest matches: the fast path. When each of its matches keeps to
    /// word boundaries, they are exactly what the slow path would choose.
    fast: AhoCorasick,
    /// Per pattern: its meaning, and whether its first and last characters
    /// are word characters (and so need a boundary check).
    entries: Vec<(Entry<V>, bool, bool)>,
}

impl<V: Copy> Matcher<V> {
    /// Compiles a phrase table. The base lists, built once per process and searched in
    /// every line, are worth a DFA; a document's own small list is built each time and
    /// wants a contiguous NFA.
    fn build(table: &PhraseTable<V>, kind: AhoCorasickKind) -> Result<Self, String> {
        let patterns: Vec<&str> = table.phrases.iter().map(|(p, _, _)| p.as_str()).collect();
        let automaton = AhoCorasick::builder()
            .kind(Some(kind))
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        let fast = AhoCorasick::builder()
            .kind(Some(kind))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        let entries = table
            .phrases
            .iter()
            .map(|(p, entry, _)| {
                let first = p.chars().next().is_some_and(is_word_char);
                let last = p.chars().next_back().is_some_and(is_word_char);
                (*entry, first, last)
            })
            .collect();
        Ok(Matcher {
            automaton,
            fast,
            entries,
        })
    }

    /// The reported matches in `text`: (start, end, meaning), in text order,
    /// with offsets into `text` itself.
    fn find(&self, text: &str) -> Vec<(usize, usize, &V)> {
        let norm = Normalized::new(text);
        let hay: &str = &norm.text;
        let cuts_word = |start: usize, end: usize, pattern: usize| {
            let (_, check_start, check_end) = &self.entries[pattern];
            let before = hay[..start].chars().next_back().is_some_and(is_word_char);
            let after = hay[end..].chars().next().is_some_and(is_word_char);
            (*check_start && before) || (*check_end && after)
        };
        // Fast path: the leftmost-longest matches, when none of them cuts a word, are
        // the leftmost-longest whole-word matches.
        let mut fast = Vec::new();
        let mut clean = true;
        for m in self.fast.find_iter(hay) {
            let (start, end, pattern) = (m.start(), m.end(), m.pattern().as_usize());
            if cuts_word(start, end, pattern) {
                clean = false;
                break;
            }
            if let Entry::Hit(value) = &self.entries[pattern].0 {
                fast.push((norm.original(start), norm.original_end(end), value));
            }
        }
        if clean {
            return fast;
        }
        let mut candidates: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(hay)
            .filter_map(|m| {
                let (start, end, pattern) = (m.start(), m.end(), m.pattern().as_usize());
                (!cuts_word(start, end, pattern)).then_some((start, end, pattern))
            })
            .collect();
        candidates.sort_unstable_by_key(|&(start, end, _)| (start, Reverse(end)));

        let mut out = Vec::new();
        let mut next_free = 0;
        for (start, end, pattern) in candidates {
            if start < next_free {
                continue;
            }
            next_free = end;
            if let Entry::Hit(value) = &self.entries[pattern].0 {
                out.push((norm.original(start), norm.original_end(end), value));
            }
        }
        out
    }
}

/// A text with runs of whitespace collapsed to one space, and the way back to
/// the original byte offsets.
struct Normalized<'t> {
    text: Cow<'t, str>,
    /// For each byte of `text`, the offset of the byte it came from; `None`
    /// when nothing was collapsed.
    origin: Option<Vec<usize>>,
}

impl<'t> Normalized<'t> {
    fn new(text: &'t str) -> Self {
        let plain = if text.is_ascii() {
            // The common case, checked a byte at a time.
            !text
                .bytes()
                .any(|b| matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
                && !text.contains("  ")
        } else {
            let mut previous_space = false;
            text.chars().all(|c| {
                let ok = !c.is_whitespace() || (c == ' ' && !previous_space);
                previous_space = c == ' ';
                ok
            })
        };
        if plain {
            return Normalized {
                text: Cow::Borrowed(text),
                origin: None,
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut in_space = false;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    out.push(' ');
                    origin.push(i);
                }
                in_space = true;
            } else {
                out.push(c);
                origin.extend(i..i + c.len_utf8());
                in_space = false;
            }
        }
        Normalized {
            text: Cow::Owned(out),
            origin: Some(origin),
        }
    }

    /// The original offset of the match start `i`.
    fn original(&self, i: usize) -> usize {
        self.origin.as_ref().map_or(i, |o| o[i])
    }

    /// The original offset of the match end `i` (exclusive). A match never
    /// ends in whitespace, so its last byte was copied as is.
    fn original_end(&self, i: usize) -> usize {
        self.origin.as_ref().map_or(i, |o| o[i - 1] + 1)
    }
}

// ---------------------------------------------------------------------------
// Loading each gazetteer.

type CountryTables = (
    Vec<Country>,
    HashMap<String, usize>,
    PhraseTable<CountryRef>,
);

/// A parsed `countries.tsv` row.
struct IsoRow {
    code: String,
    alpha3: String,
    name: String,
    official_name: String,
    common_name: String,
}

fn parse_countries(source: &Source) -> Result<Vec<IsoRow>, GazetteerError> {
    const COLUMNS: [&str; 5] = ["alpha2", "alpha3", "name", "official_name", "common_name"];
    let mut rows = Vec::new();
    for (line_no, line) in data_lines(source) {
        let f = split_fields(source, line_no, line, &COLUMNS, 3, &[0, 1, 2])?;
        let upper_ascii =
            |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase());
        if !upper_ascii(f[0], 2) {
            let message = format!("alpha2 must be two capital letters, not {:?}", f[0]);
            return Err(malformed(source, line_no, message));
        }
        if !upper_ascii(f[1], 3) {
            let message = format!("alpha3 must be three capital letters, not {:?}", f[1]);
            return Err(malformed(source, line_no, message));
        }
        rows.push(IsoRow {
            code: f[0].to_string(),
            alpha3: f[1].to_string(),
            name: normalize_space(f[2]),
            official_name: normalize_space(f[3]),
            common_name: normalize_space(f[4]),
        });
    }
    Ok(rows)
}

/// The ISO names of a row usable as match phrases: not inverted ("Korea,
/// Republic of"), no parenthesis, no leading article.
fn iso_phrases(row: &IsoRow) -> impl Iterator<Item = &str> {
    [&row.name, &row.official_name, &row.common_name]
        .into_iter()
        .map(|s| s.strip_prefix("the ").unwrap_or(s))
        .filter(|s| !s.is_empty() && !s.contains(',') && !s.contains('('))
}

/// A parsed `stop-phrases.tsv` row.
struct StopRow<'s> {
    source: &'s Source,
    line: usize,
    phrase: String,
    hides: String,
}

const GAZETTEER_NAMES: [&str; 3] = ["countries", "offices", "organizations"];

/// The stop rows of a layer for one gazetteer.
fn parse_stops<'s>(layer: &'s Layer, gazetteer: &str) -> Result<Vec<StopRow<'s>>, GazetteerError> {
    const COLUMNS: [&str; 3] = ["gazetteer", "phrase", "hides"];
    let Some(source) = layer.get(STOP_PHRASES) else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for (line_no, line) in data_lines(source) {
        let f = split_fields(source, line_no, line, &COLUMNS, 3, &[0, 1, 2])?;
        if !GAZETTEER_NAMES.contains(&f[0]) {
            let message = format!(
                "unknown gazetteer {:?} (expected one of {})",
                f[0],
                GAZETTEER_NAMES.join(", ")
            );
            return Err(malformed(source, line_no, message));
        }
        let (phrase, hides) = (normalize_space(f[1]), normalize_space(f[2]));
        if !phrase.contains(&hides) {
            let message = format!("{hides:?} does not occur in {phrase:?}");
            return Err(malformed(source, line_no, message));
        }
        if f[0] == gazetteer {
            rows.push(StopRow {
                source,
                line: line_no,
                phrase,
                hides,
            });
        }
    }
    Ok(rows)
}

/// Add stop rows to a table, each checked to hide a phrase the table has.
fn add_stops<V: Copy>(
    table: &mut PhraseTable<V>,
    stops: Vec<StopRow<'_>>,
) -> Result<(), GazetteerError> {
    for stop in stops {
        if !table.contains(&stop.hides) {
            let message = format!("{:?} is not a phrase of this gazetteer", stop.hides);
            return Err(malformed(stop.source, stop.line, message));
        }
        table.insert(&stop.phrase, Entry::Stop);
    }
    Ok(())
}

fn load_countries(layers: &[Layer]) -> Result<CountryTables, GazetteerError> {
    const COLUMNS: [&str; 3] = ["code", "phrase", "kind"];

    // All countries first, so that every layer's names can refer to them.
    let mut countries: Vec<Country> = Vec::new();
    let mut by_code: HashMap<String, usize> = HashMap::new();
    let mut iso_rows: Vec<Vec<IsoRow>> = Vec::new();
    for layer in layers {
        let rows = match layer.get(COUNTRIES) {
            Some(source) => parse_countries(source)?,
            None => Vec::new(),
        };
        for row in &rows {
            let everyday = if row.common_name.is_empty() {
                &row.name
            } else {
                &row.common_name
            };
            let country = Country {
                code: row.code.clone(),
                alpha3: row.alpha3.clone(),
                name: everyday.clone(),
            };
            match by_code.get(&row.code) {
                Some(&i) => countries[i] = country,
                None => {
                    by_code.insert(row.code.clone(), countries.len());
                    countries.push(country);
                }
            }
        }
        iso_rows.push(rows);
    }

    let mut table = PhraseTable::new();
    let mut canonical: HashMap<usize, String> = HashMap::new();
    for (layer, rows) in layers.iter().zip(&iso_rows) {
        for row in rows {
            let entry = Entry::Hit(CountryRef {
                country: by_code[&row.code],
                kind: MentionKind::Name,
            });
            for phrase in iso_phrases(row) {
                table.insert(phrase, entry);
            }
        }
        if let Some(source) = layer.get(COUNTRY_NAMES) {
            for (line_no, line) in data_lines(source) {
                let f = split_fields(source, line_no, line, &COLUMNS, 3, &[0, 1, 2])?;
                let Some(&country) = by_code.get(f[0]) else {
                    let message = format!("unknown country code {:?} (not in countries.tsv)", f[0]);
                    return Err(malformed(source, line_no, message));
                };
                let kind = match f[2] {
                    "name" => MentionKind::Name,
                    "adjective" => MentionKind::Adjective,
                    other => {
                        let message =
                            format!("unknown kind {other:?} (expected name or adjective)");
                        return Err(malformed(source, line_no, message));
                    }
                };
                if f[1].starts_with("the ") || f[1].starts_with("The ") {
                    let message = format!(
                        "drop the leading article of {:?}: phrases match without it",
                        f[1]
                    );
                    return Err(malformed(source, line_no, message));
                }
                if kind == MentionKind::Name {
                    canonical
                        .entry(country)
                        .or_insert_with(|| normalize_space(f[1]));
                }
                table.insert(f[1], Entry::Hit(CountryRef { country, kind }));
            }
        }
        add_stops(&mut table, parse_stops(layer, "countries")?)?;
    }
    for (country, name) in canonical {
        countries[country].name = name;
    }
    Ok((countries, by_code, table))
}

fn load_offices(layers: &[Layer]) -> Result<(Vec<Office>, PhraseTable<usize>), GazetteerError> {
    const COLUMNS: [&str; 3] = ["office_id", "category", "phrase"];
    let mut offices: Vec<Office> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut table = PhraseTable::new();
    for layer in layers {
        if let Some(source) = layer.get(OFFICES) {
            for (line_no, line) in data_lines(source) {
                let f = split_fields(source, line_no, line, &COLUMNS, 3, &[0, 1, 2])?;
                let (id, category, phrase) = (f[0], f[1], f[2]);
                let valid_id = id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                if !valid_id {
                    let message = format!("office_id {id:?} must use only a-z, 0-9 and _");
                    return Err(malformed(source, line_no, message));
                }
                if !OFFICE_CATEGORIES.contains(&category) {
                    let message = format!(
                        "unknown category {category:?} (expected one of {})",
                        OFFICE_CATEGORIES.join(", ")
                    );
                    return Err(malformed(source, line_no, message));
                }
                let index = match by_id.get(id) {
                    Some(&i) if offices[i].category != category => {
                        let message = format!(
                            "office {id:?} is in category {:?}, not {category:?}",
                            offices[i].category
                        );
                        return Err(malformed(source, line_no, message));
                    }
                    Some(&i) => i,
                    None => {
                        by_id.insert(id.to_string(), offices.len());
                        offices.push(Office {
                            id: id.to_string(),
                            category: category.to_string(),
                            canonical: normalize_space(phrase),
                        });
                        offices.len() - 1
                    }
                };
                table.insert(phrase, Entry::Hit(index));
            }
        }
        add_stops(&mut table, parse_stops(layer, "offices")?)?;
    }
    Ok((offices, table))
}

fn load_orgs(layers: &[Layer]) -> Result<(Vec<Org>, PhraseTable<usize>), GazetteerError> {
    const COLUMNS: [&str; 3] = ["acronym", "name", "aliases"];
    let mut orgs: Vec<Org> = Vec::new();
    let mut table = PhraseTable::new();
    for layer in layers {
        if let Some(source) = layer.get(ORGANIZATIONS) {
            for (line_no, line) in data_lines(source) {
                // The acronym may be empty; the aliases column may be left out.
                let f = split_fields(source, line_no, line, &COLUMNS, 2, &[1])?;
                let (acronym, name) = (normalize_space(f[0]), normalize_space(f[1]));
                let index = orgs.len();
                orgs.push(Org {
                    acronym: acronym.clone(),
                    name: name.clone(),
                });
                let aliases = f[2].split('|').map(str::trim).filter(|a| !a.is_empty());
                let phrases = [acronym.as_str(), name.as_str()].into_iter().chain(aliases);
                for phrase in phrases.filter(|p| !p.is_empty()) {
                    table.insert(phrase, Entry::Hit(index));
                }
            }
        }
        add_stops(&mut table, parse_stops(layer, "organizations")?)?;
    }
    Ok((orgs, table))
}

fn load_photo_credits(layers: &[Layer]) -> Vec<String> {
    let mut credits: Vec<String> = Vec::new();
    for source in layers.iter().filter_map(|l| l.get(PHOTO_CREDITS)) {
        for (_, line) in data_lines(source) {
            let credit = normalize_space(line);
            if !credits.contains(&credit) {
                credits.push(credit);
            }
        }
    }
    credits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> &'static Gazetteers {
        Gazetteers::embedded()
    }

    /// A country hit as the tests spell it: (matched text, code, kind).
    type CountryCase<'t> = (&'t str, &'t str, MentionKind);

    /// (matched text, code, kind) of the country hits in `text`.
    fn countries_in(text: &str) -> Vec<CountryCase<'_>> {
        gaz()
            .countries(text)
            .map(|h| (&text[h.start..h.end], h.country.code.as_str(), h.kind))
            .collect()
    }

    /// (matched text, office id) of the office hits in `text`.
    fn offices_in(text: &str) -> Vec<(&str, &str)> {
        gaz()
            .offices(text)
            .map(|h| (&text[h.start..h.end], h.office.id.as_str()))
            .collect()
    }

    /// (matched text, acronym or name) of the organization hits in `text`.
    fn orgs_in<'t>(g: &'t Gazetteers, text: &'t str) -> Vec<(&'t str, &'t str)> {
        g.organizations(text)
            .map(|h| {
                let key = if h.org.acronym.is_empty() {
                    &h.org.name
                } else {
                    &h.org.acronym
                };
                (&text[h.start..h.end], key.as_str())
            })
            .collect()
    }

    /// A fresh directory under the system temp dir, removed on drop.
    struct TempDir(std::path::PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let path = std::env::temp_dir()
                .join(format!("bluebook-gazetteer-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).unwrap();
            TempDir(path)
        }

        fn write(&self, file: &str, text: &str) -> &Self {
            std::fs::write(self.0.join(file), text).unwrap();
            self
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn embedded_source(name: &str) -> Source {
        embedded_layer().files.remove(name).unwrap()
    }

    #[test]
    fn embedded_files_parse() {
        let g = Gazetteers::load(&[embedded_layer()]).expect("embedded gazetteers parse");
        assert_eq!(g.shared.countries.len(), 249);
        assert!(g.shared.offices.len() > 150, "{g:?}");
        assert!(g.orgs.len() > 80, "{g:?}");
        assert_eq!(g.photo_credits().first().map(String::as_str), Some("VNA"));
        assert!(
            g.photo_credits()
                .iter()
                .any(|c| c == "The World and Viet Nam Report")
        );
    }

    #[test]
    fn every_iso_code_is_present() {
        let rows = parse_countries(&embedded_source(COUNTRIES)).unwrap();
        assert_eq!(rows.len(), 249);
        for row in &rows {
            let country = gaz()
                .country(&row.code)
                .unwrap_or_else(|| panic!("{} missing", row.code));
            assert_eq!(country.alpha3, row.alpha3);
            assert!(!country.name.is_empty());
        }
        assert_eq!(gaz().country("vn").map(|c| c.alpha3.as_str()), Some("VNM"));
        assert_eq!(gaz().country("XX"), None);
    }

    #[test]
    fn canonical_names_are_everyday_forms() {
        let cases = [
            ("VN", "Viet Nam"),
            ("KR", "Republic of Korea"),
            ("KP", "Democratic People's Republic of Korea"),
            ("US", "United States"),
            ("GB", "United Kingdom"),
            ("LA", "Laos"),
            ("RU", "Russia"),
            ("IR", "Iran"),
            ("BO", "Bolivia"),
            ("VA", "Holy See"),
            ("TW", "Taiwan"),
            ("FR", "France"),
            ("AQ", "Antarctica"),
        ];
        for (code, name) in cases {
            assert_eq!(gaz().country(code).unwrap().name, name, "{code}");
        }
    }

    #[test]
    fn every_unmatchable_iso_name_has_an_everyday_form() {
        let rows = parse_countries(&embedded_source(COUNTRIES)).unwrap();
        let names = embedded_source(COUNTRY_NAMES);
        let hand_named: Vec<&str> = data_lines(&names)
            .map(|(_, l)| l.split('\t').collect::<Vec<_>>())
            .filter(|f| f[2] == "name")
            .map(|f| f[0])
            .collect();
        for row in &rows {
            if row.name.contains(',') || row.name.contains('(') {
                assert!(
                    hand_named.contains(&row.code.as_str()),
                    "{} {:?}",
                    row.code,
                    row.name
                );
                let canonical = &gaz().country(&row.code).unwrap().name;
                assert!(!canonical.ends_with(" of"), "{canonical}");
            }
        }
    }

    /// Within the embedded files a phrase has one meaning: a second row for
    /// the same phrase would silently replace the first.
    #[test]
    fn embedded_phrases_are_not_listed_twice() {
        fn check(file: &str, rows: impl Iterator<Item = (String, String)>) {
            let mut seen: HashMap<String, String> = HashMap::new();
            for (phrase, meaning) in rows {
                if let Some(earlier) = seen.insert(phrase.clone(), meaning.clone()) {
                    panic!("{file}: {phrase:?} listed twice ({earlier} and {meaning})");
                }
            }
        }
        let fields = |name: &str| -> Vec<Vec<String>> {
            data_lines(&embedded_source(name))
                .map(|(_, l)| l.split('\t').map(str::to_string).collect())
                .collect()
        };
        check(
            COUNTRY_NAMES,
            fields(COUNTRY_NAMES)
                .into_iter()
                .map(|f| (f[1].clone(), f[0].clone())),
        );
        check(
            OFFICES,
            fields(OFFICES)
                .into_iter()
                .map(|f| (f[2].clone(), f[0].clone())),
        );
        check(
            ORGANIZATIONS,
            fields(ORGANIZATIONS).into_iter().flat_map(|f| {
                let key = format!("{}/{}", f[0], f[1]);
                let mut phrases = vec![f[0].clone(), f[1].clone()];
                phrases.extend(
                    f.get(2)
                        .into_iter()
                        .flat_map(|a| a.split('|').map(str::to_string)),
                );
                phrases.sort();
                phrases.dedup();
                phrases
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .map(move |p| (p, key.clone()))
            }),
        );
        check(
            STOP_PHRASES,
            fields(STOP_PHRASES)
                .into_iter()
                .map(|f| (format!("{}:{}", f[0], f[1]), f[2].clone())),
        );

        // A hand-kept name may repeat an ISO name, but only for the same country.
        let rows = parse_countries(&embedded_source(COUNTRIES)).unwrap();
        let iso: HashMap<&str, &str> = rows
            .iter()
            .flat_map(|r| iso_phrases(r).map(|p| (p, r.code.as_str())))
            .collect();
        for f in fields(COUNTRY_NAMES) {
            if let Some(code) = iso.get(f[1].as_str()) {
                assert_eq!(*code, f[0], "{:?} is an ISO name of {code}", f[1]);
            }
        }
    }

    #[test]
    fn offices_match_leftmost_longest() {
        let text = "Minister of Foreign Affairs Motegi Toshimitsu";
        let hits: Vec<_> = gaz().offices(text).collect();
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].start, hits[0].end), (0, 27));
        assert_eq!(hits[0].office.id, "foreign_minister");
        assert_eq!(hits[0].office.category, "foreign_minister");
        assert_eq!(hits[0].office.canonical, "Minister of Foreign Affairs");

        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Prime Minister Nguyen Xuan Phuc and Deputy Prime Minister Pham Binh Minh",
                &[
                    ("Prime Minister", "prime_minister"),
                    ("Deputy Prime Minister", "deputy_prime_minister"),
                ],
            ),
            (
                "Deputy Prime Minister, Minister of Foreign Affairs Pham Binh Minh",
                &[
                    ("Deputy Prime Minister", "deputy_prime_minister"),
                    ("Minister of Foreign Affairs", "foreign_minister"),
                ],
            ),
            (
                "Secretary of State for Foreign, Commonwealth and Development Affairs Dominic Raab",
                &[(
                    "Secretary of State for Foreign, Commonwealth and Development Affairs",
                    "foreign_secretary",
                )],
            ),
            (
                "Secretary of State Michael R. Pompeo",
                &[("Secretary of State", "secretary_of_state")],
            ),
            (
                "Parliamentary Under Secretary of State Heather Wheeler",
                &[(
                    "Parliamentary Under Secretary of State",
                    "parliamentary_under_secretary",
                )],
            ),
            (
                "Member of the Politburo, Minister of Public Security, General To Lam",
                &[
                    ("Member of the Politburo", "politburo_member"),
                    ("Minister of Public Security", "public_security_minister"),
                    ("General", "general"),
                ],
            ),
            (
                "General Secretary, President Nguyen Phu Trong",
                &[
                    ("General Secretary", "general_secretary"),
                    ("President", "president"),
                ],
            ),
            (
                "President of the National Assembly Nguyen Thi Kim Ngan",
                &[(
                    "President of the National Assembly",
                    "national_assembly_president",
                )],
            ),
            (
                "Chair of the National Assembly",
                &[(
                    "Chair of the National Assembly",
                    "national_assembly_president",
                )],
            ),
            (
                "His Majesty King Abdullah",
                &[("His Majesty", "his_majesty"), ("King", "king")],
            ),
            (
                "Second Minister of Defense cum Chairman of the National Security Committee Dato Paduka Seri Haji",
                &[
                    ("Second Minister of Defense", "second_defence_minister"),
                    (
                        "Chairman of the National Security Committee",
                        "national_security_council_chairman",
                    ),
                    ("Dato Paduka Seri", "dato_paduka_seri"),
                ],
            ),
            (
                "Secretary-General of ASEAN",
                &[("Secretary-General of ASEAN", "asean_secretary_general")],
            ),
            // Not offices: a plural that is not listed, a word inside a longer word,
            // and bodies named with an office word.
            ("the Presidency and the Ministerial meeting", &[]),
            (
                "the UN General Assembly and the General Statistics Office",
                &[],
            ),
            ("the ASEAN Foreign Ministers' Meeting", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(offices_in(text), *expected, "in {text:?}");
        }
    }

    #[test]
    fn office_categories() {
        let cases = [
            ("Secretary of State", "foreign_minister"),
            ("Deputy Foreign Minister", "foreign_minister"),
            ("Speaker of the House of Representatives", "parliament"),
            ("Vice Presidents of the National Assembly", "parliament"),
            ("Vice President", "head_of_state"),
            ("Chancellor", "head_of_government"),
            ("State Counsellor", "head_of_government"),
            ("Samdech", "royal_or_honorific"),
            ("Senior Lieutenant General", "military"),
            ("Consul General", "diplomat"),
            ("Director-General", "other"),
            ("First Secretary", "party"),
            (
                "Head of the Central Party Committee's Commission for External Relations",
                "party",
            ),
            ("State Councilor", "minister"),
        ];
        for (text, category) in cases {
            let hits: Vec<_> = gaz().offices(text).collect();
            assert_eq!(hits.len(), 1, "{text:?}");
            assert_eq!((hits[0].start, hits[0].end), (0, text.len()), "{text:?}");
            assert_eq!(hits[0].office.category, category, "{text:?}");
        }
    }

    #[test]
    fn countries_match_whole_words_leftmost_longest() {
        use MentionKind::{Adjective, Name};
        let cases: &[(&str, &[CountryCase])] = &[
            (
                "the U.S. and the ROK",
                &[("U.S.", "US", Name), ("ROK", "KR", Name)],
            ),
            ("1. Lao PDR:", &[("Lao PDR", "LA", Name)]),
            (
                "between Viet Nam and Laos",
                &[("Viet Nam", "VN", Name), ("Laos", "LA", Name)],
            ),
            (
                "the Vietnamese diplomacy",
                &[("Vietnamese", "VN", Adjective)],
            ),
            ("Lao students", &[("Lao", "LA", Adjective)]),
            (
                "SOCIALIST REPUBLIC OF VIET NAM",
                &[("SOCIALIST REPUBLIC OF VIET NAM", "VN", Name)],
            ),
            ("VIET NAM", &[("VIET NAM", "VN", Name)]),
            (
                "Papua New Guinea and Guinea",
                &[("Papua New Guinea", "PG", Name), ("Guinea", "GN", Name)],
            ),
            (
                "Nigeria, not Niger",
                &[("Nigeria", "NG", Name), ("Niger", "NE", Name)],
            ),
            ("Nigerians", &[("Nigerians", "NG", Adjective)]),
            (
                "Chinatown, Omani-owned, Indiana",
                &[("Omani", "OM", Adjective)],
            ),
            ("let us talk", &[]),
            ("Ho Chi Minh City", &[]),
            (
                "citizens from Equatorial Guinea",
                &[("Equatorial Guinea", "GQ", Name)],
            ),
            (
                "the Republic of Korea (ROK)",
                &[("Republic of Korea", "KR", Name), ("ROK", "KR", Name)],
            ),
            ("Meet Korea 2020", &[("Korea", "KR", Name)]),
            ("Korean tourists", &[("Korean", "KR", Adjective)]),
            (
                "the Democratic People's Republic of Korea",
                &[("Democratic People's Republic of Korea", "KP", Name)],
            ),
            (
                "the Democratic People\u{2019}s Republic of Korea",
                &[("Democratic People\u{2019}s Republic of Korea", "KP", Name)],
            ),
            ("the DPRK", &[("DPRK", "KP", Name)]),
            ("the Workers' Party of Korea", &[]),
            ("the nuclear issue on the Korean Peninsula", &[]),
            ("the South China Sea and the East China Sea", &[]),
            ("US$ 28.53 billion and US$39.62 billion", &[]),
            ("US\\$ 859 billion", &[]),
            (
                "in Viet Nam⁷ and Japan²",
                &[("Viet Nam", "VN", Name), ("Japan", "JP", Name)],
            ),
            ("European and US markets", &[("US", "US", Name)]),
            ("the U.S FDI", &[("U.S", "US", Name)]),
            ("USAID and the USS Theodore Roosevelt", &[]),
            (
                "the United States of America",
                &[("United States of America", "US", Name)],
            ),
            ("American volunteers", &[("American", "US", Adjective)]),
            ("Latin American countries", &[]),
            ("American Samoa", &[("American Samoa", "AS", Name)]),
            (
                "the Russian Federation",
                &[("Russian Federation", "RU", Name)],
            ),
            ("the Czech Republic", &[("Czech Republic", "CZ", Name)]),
            (
                "Côte d'Ivoire, Cote d'Ivoire, Ivory Coast",
                &[
                    ("Côte d'Ivoire", "CI", Name),
                    ("Cote d'Ivoire", "CI", Name),
                    ("Ivory Coast", "CI", Name),
                ],
            ),
            ("Brunei Darussalam", &[("Brunei Darussalam", "BN", Name)]),
            ("With the Maldives,", &[("Maldives", "MV", Name)]),
            (
                "Türkiye (Turkey)",
                &[("Türkiye", "TR", Name), ("Turkey", "TR", Name)],
            ),
            ("the Holy See", &[("Holy See", "VA", Name)]),
            ("Viet Nam's", &[("Viet Nam", "VN", Name)]),
            ("Laos' Luang Prabang", &[("Laos", "LA", Name)]),
            (
                "the Viet Nam - UK FTA",
                &[("Viet Nam", "VN", Name), ("UK", "GB", Name)],
            ),
            ("Chinese Taipei", &[("Chinese Taipei", "TW", Name)]),
            ("Guinea-Bissau", &[("Guinea-Bissau", "GW", Name)]),
            (
                "Filipino and Philippine",
                &[
                    ("Filipino", "PH", Adjective),
                    ("Philippine", "PH", Adjective),
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(countries_in(text), *expected, "in {text:?}");
        }
    }

    #[test]
    fn whitespace_runs_match_one_space_and_offsets_stay_true() {
        let text = "Deputy Prime Minister, Minister\n\nof National Defense Tea Banh";
        let hits: Vec<_> = gaz().offices(text).collect();
        assert_eq!(hits.len(), 2);
        assert_eq!(
            &text[hits[1].start..hits[1].end],
            "Minister\n\nof National Defense"
        );
        assert_eq!(hits[1].office.id, "defence_minister");

        let text = "Viet\u{a0}Nam and\tthe United\r\nStates";
        assert_eq!(
            countries_in(text),
            [
                ("Viet\u{a0}Nam", "VN", MentionKind::Name),
                ("United\r\nStates", "US", MentionKind::Name)
            ]
        );
    }

    #[test]
    fn organizations_match() {
        let g = gaz();
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("ASEAN", &[("ASEAN", "ASEAN")]),
            (
                "the UN Security Council",
                &[("UN Security Council", "UNSC")],
            ),
            (
                "the Security Council and the UN",
                &[("Security Council", "UNSC"), ("UN", "UN")],
            ),
            (
                "the European Union (EU)",
                &[("European Union", "EU"), ("EU", "EU")],
            ),
            (
                "the ASEAN Regional Forum (ARF)",
                &[("ASEAN Regional Forum", "ARF"), ("ARF", "ARF")],
            ),
            (
                "ADMM+ and ADMM-Plus",
                &[("ADMM+", "ADMM+"), ("ADMM-Plus", "ADMM+")],
            ),
            (
                "the ASEAN Defense Ministers\u{2019} Meeting Plus",
                &[("ASEAN Defense Ministers\u{2019} Meeting Plus", "ADMM+")],
            ),
            ("ASEAN+3", &[("ASEAN+3", "APT")]),
            (
                "the 5th Mekong - Lancang Cooperation",
                &[("Mekong - Lancang Cooperation", "MLC")],
            ),
            ("the World Bank", &[("World Bank", "WB")]),
            ("UNCLOSED", &[]),
            (
                "the UN-ASEAN UNCLOS",
                &[("UN", "UN"), ("ASEAN", "ASEAN"), ("UNCLOS", "UNCLOS")],
            ),
            ("SOCIALIST REPUBLIC OF VIET NAM", &[]),
            (
                "the Non-Aligned Movement (NAM)",
                &[("Non-Aligned Movement", "NAM"), ("NAM", "NAM")],
            ),
            ("the National Security Council of Brunei", &[]),
            ("AU$10.5 million from the AU", &[("AU", "AU")]),
            ("the Francophonie", &[("Francophonie", "OIF")]),
        ];
        for (text, expected) in cases {
            assert_eq!(orgs_in(g, text), *expected, "in {text:?}");
        }
    }

    #[test]
    fn with_acronyms_adds_document_glossary() {
        let pairs: Vec<(String, String)> = [
            ("SOM", "Senior Officials' Meeting"),
            ("APEC", "Asia-Pacific Economic Cooperation Forum"),
            ("UAE", "United Arab Emirates"),
            ("", "Nothing"),
        ]
        .iter()
        .map(|(a, n)| (a.to_string(), n.to_string()))
        .collect();
        let g = gaz().with_acronyms(&pairs);
        let text = "the ASEM SOM and the Senior Officials\u{2019} Meeting of APEC";
        assert_eq!(
            orgs_in(&g, text),
            [
                ("ASEM", "ASEM"),
                ("SOM", "SOM"),
                ("Senior Officials\u{2019} Meeting", "SOM"),
                ("APEC", "APEC")
            ]
        );
        let som = g.organizations("SOM").next().unwrap().org;
        assert_eq!(som.name, "Senior Officials' Meeting");
        // APEC stays the one embedded body, with the glossary wording as a name.
        let apec: Vec<_> = g
            .organizations("APEC, Asia-Pacific Economic Cooperation Forum")
            .map(|h| h.org.clone())
            .collect();
        assert_eq!(apec.len(), 2);
        assert_eq!(apec[0], apec[1]);
        assert_eq!(apec[0].name, "Asia-Pacific Economic Cooperation");
        // Countries stay countries; the original is untouched.
        assert!(g.organizations("UAE").next().is_none());
        assert!(gaz().organizations("SOM").next().is_none());
        assert_eq!(countries_in("UAE"), [("UAE", "AE", MentionKind::Name)]);
    }

    #[test]
    fn with_dir_adds_and_replaces_phrases() {
        let dir = TempDir::new("adds");
        dir.write(COUNTRIES, "XK\tXKX\tKosovo\t\t\n")
            .write(COUNTRY_NAMES, "# local names\nVN\tNước Việt\tname\nKP\tKorea\tname\nXK\tKosovar\tadjective\n")
            .write(OFFICES, "foreign_minister\tforeign_minister\tTop Diplomat\nchief_scout\tother\tChief Scout\n")
            .write(ORGANIZATIONS, "MSF\tMédecins Sans Frontières\tDoctors Without Borders\n")
            .write(STOP_PHRASES, "countries\tGeorgia\tGeorgia\n")
            .write(PHOTO_CREDITS, "Dân Trí\nVNA\n");
        let g = Gazetteers::with_dir(&dir.0).unwrap();
        let names = |text: &str| -> Vec<String> {
            g.countries(text).map(|h| h.country.code.clone()).collect()
        };
        assert_eq!(names("Nước Việt and Viet Nam"), ["VN", "VN"]);
        assert_eq!(names("Korea and KOREA"), ["KP", "KP"]);
        assert_eq!(names("Kosovo and the Kosovar side"), ["XK", "XK"]);
        assert_eq!(names("Georgia"), Vec::<String>::new());
        assert_eq!(g.country("XK").unwrap().name, "Kosovo");
        assert_eq!(g.country("VN").unwrap().name, "Viet Nam");

        let offices: Vec<_> = g
            .offices("Top Diplomat and Chief Scout")
            .map(|h| h.office.id.clone())
            .collect();
        assert_eq!(offices, ["foreign_minister", "chief_scout"]);
        let orgs: Vec<_> = g
            .organizations("MSF (Doctors Without Borders)")
            .map(|h| h.org.acronym.clone())
            .collect();
        assert_eq!(orgs, ["MSF", "MSF"]);
        assert_eq!(
            g.photo_credits().last().map(String::as_str),
            Some("Dân Trí")
        );
        assert_eq!(g.photo_credits().iter().filter(|c| *c == "VNA").count(), 1);

        // The embedded gazetteers are untouched.
        assert_eq!(countries_in("Korea"), [("Korea", "KR", MentionKind::Name)]);
    }

    #[test]
    fn with_dir_reports_malformed_lines_with_file_and_line() {
        let cases = [
            (
                COUNTRY_NAMES,
                "# header\n\nVN\tViet Nam\n",
                3,
                "expected 3 tab-separated columns",
            ),
            (
                COUNTRY_NAMES,
                "VN\tViet Nam\tname\nZZ\tZedland\tname\n",
                2,
                "unknown country code \"ZZ\"",
            ),
            (
                COUNTRY_NAMES,
                "VN\tVietnamese\tdemonym\n",
                1,
                "unknown kind \"demonym\"",
            ),
            (
                COUNTRY_NAMES,
                "MV\tthe Maldives\tname\n",
                1,
                "leading article",
            ),
            (
                OFFICES,
                "envoy\tdiplomats\tEnvoy\n",
                1,
                "unknown category \"diplomats\"",
            ),
            (OFFICES, "Envoy\tdiplomat\tEnvoy\n", 1, "office_id"),
            (
                OFFICES,
                "envoy\tother\tEnvoy\n",
                1,
                "is in category \"diplomat\"",
            ),
            (
                ORGANIZATIONS,
                "ASEAN\n",
                1,
                "expected 2 to 3 tab-separated columns",
            ),
            (COUNTRIES, "Vn\tVNM\tViet Nam\t\t\n", 1, "alpha2"),
            (
                STOP_PHRASES,
                "countries\tNew Guinea\tPapua\n",
                1,
                "does not occur",
            ),
            (
                STOP_PHRASES,
                "countries\tGreat Barrier Reef\tBarrier\n",
                1,
                "not a phrase of this gazetteer",
            ),
            (
                STOP_PHRASES,
                "places\tNew Guinea\tGuinea\n",
                1,
                "unknown gazetteer",
            ),
        ];
        for (i, (file, text, line, message)) in cases.into_iter().enumerate() {
            let dir = TempDir::new(&format!("malformed-{i}"));
            dir.write(file, text);
            let err = Gazetteers::with_dir(&dir.0).expect_err(text);
            let shown = err.to_string();
            let path = dir.0.join(file).display().to_string();
            assert!(shown.starts_with(&format!("{path}:{line}: ")), "{shown}");
            assert!(shown.contains(message), "{shown}");
            match err {
                GazetteerError::Malformed {
                    file: f, line: l, ..
                } => assert_eq!((f, l), (path, line)),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn with_dir_needs_a_directory() {
        let missing = std::env::temp_dir().join("bluebook-gazetteer-no-such-dir");
        let err = Gazetteers::with_dir(&missing).unwrap_err();
        assert!(matches!(err, GazetteerError::Io { .. }), "{err:?}");
        assert!(
            err.to_string().contains("bluebook-gazetteer-no-such-dir"),
            "{err}"
        );
    }

    /// The bluebook fixture: what a reader sees in it is what the matchers find.
    #[test]
    fn bluebook_fixture_mentions() {
        let text = include_str!("../fixtures/diplomatic-bluebook-2020.txt");
        let g = gaz();

        let countries: Vec<_> = g.countries(text).collect();
        let count = |code: &str| countries.iter().filter(|h| h.country.code == code).count();
        assert!(count("VN") > 300, "{}", count("VN"));
        for code in [
            "LA", "KH", "CN", "JP", "KR", "KP", "US", "GB", "RU", "DE", "FR", "CU", "CI", "AE",
            "GQ", "MV",
        ] {
            assert!(count(code) > 0, "{code} not found");
        }
        // "US$" is a currency, not a mention of the United States.
        assert!(text.contains("US\\$"));
        assert!(
            countries
                .iter()
                .all(|h| !text[h.end..].starts_with('$') && !text[h.end..].starts_with("\\$"))
        );
        // Offsets are char boundaries of the original text.
        for h in &countries {
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        }

        let offices: Vec<_> = g.offices(text).collect();
        let fm = text.matches("Minister of Foreign Affairs").count()
            - text.matches("Deputy Minister of Foreign Affairs").count();
        let found = offices
            .iter()
            .filter(|h| &text[h.start..h.end] == "Minister of Foreign Affairs")
            .count();
        assert_eq!(found, fm);
        for id in [
            "first_deputy_foreign_minister",
            "secretary_of_state",
            "foreign_secretary",
            "speaker",
            "chancellor",
            "samdech",
            "samdech_krolahom",
            "dato_paduka_seri",
            "his_majesty",
            "party_external_relations_head",
            "party_organization_head",
            "first_secretary",
            "national_assembly_vice_president",
            "european_commission_president",
            "governor_general",
            "special_envoy",
        ] {
            assert!(offices.iter().any(|h| h.office.id == id), "{id} not found");
        }

        let orgs: Vec<_> = g.organizations(text).collect();
        for acronym in [
            "ASEAN", "UN", "UNSC", "UNGA", "WTO", "APEC", "ASEM", "EU", "WHO", "UNESCO", "AIPA",
            "G20", "OECD", "OIF", "ILO", "UNHRC", "RCEP", "EAS", "ARF", "ADMM", "ADMM+", "ACMECS",
            "MLC", "APPF", "IPU", "AU", "GCC", "WB", "NAM", "MRC", "SCO", "ICAPP", "IMCWP",
            "UNCTAD", "UNCITRAL", "ECOSOC",
        ] {
            assert!(
                orgs.iter().any(|h| h.org.acronym == acronym),
                "{acronym} not found"
            );
        }
    }
}
