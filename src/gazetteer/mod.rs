//! Gazetteers: the lists the extraction stages look up — countries, offices and the
//! honours written after a name, organizations, the words that name events, name
//! words, family names, photo credits, currency forms — and the one phrase set that
//! finds all of their phrases in a text.
//!
//! **Takes** the data files of `gazetteers/` (embedded in the binary at build time,
//! optionally extended at run time by a directory holding files of the same names;
//! `source` has the one table of files) and, per call, a text.
//!
//! **Gives** the loaded lists ([`Country`], [`Office`], [`Org`], word sets) and the
//! `PhraseSet` compiled once over every searched list, which the per-document
//! analysis runs once over the whole view; plus conveniences that search a short
//! string for one list ([`Gazetteers::countries`], [`Gazetteers::offices`],
//! [`Gazetteers::organizations`]).
//!
//! The layout: `source` reads files and rows (the table of files), `load` turns rows
//! into lists and phrase tables, `matcher` is the reusable phrase matcher (phrases
//! looked up by first word at a text's word starts; whole words, leftmost-longest,
//! runs of whitespace, offsets into the text).

pub(crate) mod currency;
mod load;
pub(crate) mod matcher;
pub(crate) mod metrics;
pub(crate) mod source;
#[cfg(test)]
mod tests;

pub use crate::vocab::{EventKind, MentionKind, OfficeCategory};
pub(crate) use matcher::{CapitalStarts, Found, Lines, PhraseSet, WordIndex};

use foldhash::{HashMap, HashSet};
use matcher::{Entry, Mode, PhraseTable};
use serde::{Deserialize, Serialize};
use source::Layer;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, LazyLock};

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
    /// The branch it belongs to.
    pub category: OfficeCategory,
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

impl Org {
    /// How events and people name it: the acronym, or the name for a body without one.
    pub fn key(&self) -> &str {
        if self.acronym.is_empty() {
            &self.name
        } else {
            &self.acronym
        }
    }
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
        /// Which phrases.
        gazetteer: String,
        /// The reason given by the automaton builder.
        message: String,
    },
}

/// The tables of the one phrase search, in [`PhraseSet`] order.
pub(crate) mod table {
    /// Countries ([`super::Gazetteers::country_ref`] values).
    pub const COUNTRY: usize = 0;
    /// Offices (indexes of [`super::Gazetteers::office`]).
    pub const OFFICE: usize = 1;
    /// Organizations (indexes of [`super::Gazetteers::org`]).
    pub const ORG: usize = 2;
    /// Words naming an action (indexes of [`crate::vocab::EventKind::ALL`]).
    pub const EVENT_WORD: usize = 3;
    /// The phrases of `event-context.tsv` that are searched: words before a name that
    /// make the person the one honoured (value [`super::CONTEXT_HONOURED`]) and verbs
    /// that name aid when an amount follows them ([`super::CONTEXT_FUNDS`]).
    pub const EVENT_CONTEXT: usize = 4;
    /// The European Union (value 1) and groups of countries or regions (value 0).
    pub const PARTNER_GROUP: usize = 5;
    /// Honours and offices written after a name (`post-nominals.tsv`; indexes of
    /// [`super::Gazetteers::office`]).
    pub const POST_NOMINAL: usize = 6;
}

/// The value of an `honoured` phrase in [`table::EVENT_CONTEXT`].
pub(crate) const CONTEXT_HONOURED: u32 = 0;
/// The value of a `funds` verb in [`table::EVENT_CONTEXT`].
pub(crate) const CONTEXT_FUNDS: u32 = 1;

/// Words listed by role (`name-words.tsv`, `sentence-words.tsv`): each word with the
/// bits of its roles, so that a word is looked up once for all of them.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordRoles {
    roles: HashMap<String, u8>,
    /// One bit per [`WordRoles::sketch`] of the listed words: set for every word
    /// listed. Most words asked for (a capitalised run's) are not listed, and a clear
    /// bit says so for a few instructions, where hashing the word costs about 70.
    listed: [u64; 32],
}

impl WordRoles {
    /// The roles of `word`, as written: the bits of the roles it is listed with.
    ///
    /// The look at the bit is inlined where it is asked, the hashed look-up kept out of
    /// line: a word ruled out then costs no call.
    #[inline]
    pub fn roles(&self, word: &str) -> u8 {
        let bit = Self::sketch(word);
        if self.listed[bit / 64] >> (bit % 64) & 1 == 0 {
            return 0;
        }
        self.roles_listed(word)
    }

    /// The roles of `word` from the map: [`WordRoles::roles`] past the look at its bit.
    #[inline(never)]
    fn roles_listed(&self, word: &str) -> u8 {
        self.roles.get(word).copied().unwrap_or(0)
    }

    /// A bit (below 2048) for `word`, from its first and last bytes and its length: the
    /// same for a word each time, so a word whose bit is clear in `listed` is not
    /// listed. A product spreads the three over the bits.
    #[inline]
    fn sketch(word: &str) -> usize {
        let b = word.as_bytes();
        let (first, last) = (
            b.first().copied().unwrap_or(0),
            b.last().copied().unwrap_or(0),
        );
        // The length's low bits suffice: it only spreads the words further.
        let key = u32::from(first) | u32::from(last) << 8 | (b.len() as u32 & 0xff) << 16;
        (key.wrapping_mul(0x9E37_79B1) >> 21) as usize
    }

    /// Whether `word` has one of the roles `roles` (bits).
    pub fn is(&self, word: &str, roles: u8) -> bool {
        self.roles(word) & roles != 0
    }

    /// The words and their roles.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u8)> {
        self.roles.iter().map(|(w, &r)| (w.as_str(), r))
    }

    /// Lists `word` with the role `role` (a bit), beside the roles it has.
    pub(super) fn add(&mut self, word: String, role: u8) {
        let bit = Self::sketch(&word);
        self.listed[bit / 64] |= 1 << (bit % 64);
        *self.roles.entry(word).or_default() |= role;
    }
}

/// The roles of `name-words.tsv`, as bits of [`WordRoles`].
pub(crate) mod name_role {
    /// A word that ends the name of an institution.
    pub const INSTITUTION: u8 = 1;
    /// A word that joins the parts of a complement.
    pub const CONNECTOR: u8 = 1 << 1;
    /// A lowercase particle that may stand inside a name.
    pub const PARTICLE: u8 = 1 << 2;
    /// A capitalised word that is not a word of a name.
    pub const NOT_NAME: u8 = 1 << 3;
    /// A noun for a person that a country adjective before it makes a national
    /// (`Australian philanthropist`).
    pub const PERSON_NOUN: u8 = 1 << 4;
    /// A noun that makes a country adjective before it the state, its government or
    /// its people (`the U.S. government`).
    pub const STATE_NOUN: u8 = 1 << 5;
}

/// The roles of `sentence-words.tsv`, as bits of [`WordRoles`].
pub(crate) mod sentence_role {
    /// An abbreviation that a period after it does not end a sentence with.
    pub const ABBREVIATION: u8 = 1;
    /// An abbreviation that ends a sentence when an opener follows it (read so when
    /// listed as an abbreviation too).
    pub const FINAL_ABBREVIATION: u8 = 1 << 1;
    /// A word that opens sentences far more often than it continues a name.
    pub const OPENER: u8 = 1 << 2;
}

/// The words of `sentence-words.tsv`: what the sentence splitter reads at a period.
/// Words as written, without their final period.
#[derive(Debug, Default, Clone)]
pub(crate) struct SentenceWords {
    /// The words by [`sentence_role`].
    pub roles: WordRoles,
    /// The byte length of the longest abbreviation of either role: a longer token is
    /// none, without a look-up.
    pub longest: usize,
}

/// Loaded gazetteers with their phrase set (built once).
#[derive(Clone)]
pub struct Gazetteers {
    countries: Vec<Country>,
    country_by_code: HashMap<String, usize>,
    country_phrases: PhraseTable,
    offices: Vec<Office>,
    /// The ids of the honours written after a name (`post-nominals.tsv` rows of the
    /// categories `royal_or_honorific` and `other`): titles, but no office held.
    honours: HashSet<String>,
    orgs: Vec<Org>,
    org_phrases: PhraseTable,
    photo_credits: Vec<String>,
    family_names: HashMap<String, String>,
    news_agencies: HashMap<String, String>,
    name_words: WordRoles,
    sentence_words: SentenceWords,
    figure_leads: Vec<String>,
    body_words: HashSet<String>,
    metric_words: metrics::MetricWords,
    phrases: PhraseSet,
    currency: Arc<currency::Lexicon>,
}

impl fmt::Debug for Gazetteers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteers")
            .field("countries", &self.countries.len())
            .field("country_phrases", &self.country_phrases.len())
            .field("offices", &self.offices.len())
            .field("orgs", &self.orgs.len())
            .field("org_phrases", &self.org_phrases.len())
            .field("photo_credits", &self.photo_credits.len())
            .finish()
    }
}

static EMBEDDED: LazyLock<Gazetteers> = LazyLock::new(|| {
    Gazetteers::load(&[Layer::embedded()])
        .unwrap_or_else(|e| panic!("the embedded gazetteers are malformed: {e}"))
});

impl Gazetteers {
    /// The gazetteers embedded in the binary (include_str! of gazetteers/*), parsed and
    /// compiled once per process.
    ///
    /// # Panics
    ///
    /// If the embedded files are malformed, which the unit tests rule out.
    pub fn embedded() -> &'static Gazetteers {
        &EMBEDDED
    }

    /// The embedded gazetteers, with the files found in `dir` added on top: a file in
    /// `dir` with the name of an embedded one adds its rows; a row whose key (phrase)
    /// is already present replaces the embedded meaning of that phrase. The key of a
    /// `countries.tsv` row is its alpha-2 code; files of other names are ignored.
    ///
    /// # Errors
    ///
    /// [`GazetteerError::Io`] if `dir` is not a readable directory or a file in it
    /// cannot be read as UTF-8; [`GazetteerError::Malformed`] naming the file and
    /// line of the first bad row.
    pub fn with_dir(dir: &Path) -> Result<Gazetteers, GazetteerError> {
        Gazetteers::load(&[Layer::embedded(), Layer::dir(dir)?])
    }

    /// Parse and compile the given layers, later layers on top of earlier ones.
    fn load(layers: &[Layer]) -> Result<Gazetteers, GazetteerError> {
        let (countries, country_by_code, country_phrases) = load::countries(layers)?;
        let (offices, office_phrases, post_nominals) = load::offices(layers)?;
        let (orgs, org_phrases) = load::orgs(layers)?;
        let event_words = load::event_words(layers)?;
        let (context, figure_leads) = load::event_context(layers)?;
        let groups = load::partner_groups(layers)?;
        let tables = [
            (&country_phrases, Mode::LeftmostLongest),
            (&office_phrases, Mode::LeftmostLongest),
            (&org_phrases, Mode::LeftmostLongest),
            (&event_words, Mode::All),
            (&context, Mode::All),
            (&groups, Mode::LeftmostLongest),
            (&post_nominals, Mode::LeftmostLongest),
        ];
        let honours = post_nominals
            .iter()
            .filter_map(|(_, e)| match e {
                Entry::Hit(i) => Some(&offices[i as usize]),
                Entry::Stop => None,
            })
            .filter(|o| {
                matches!(
                    o.category,
                    OfficeCategory::RoyalOrHonorific | OfficeCategory::Other
                )
            })
            .map(|o| o.id.clone())
            .collect();
        let phrases =
            PhraseSet::build(&tables, false).map_err(|message| GazetteerError::Build {
                gazetteer: "gazetteers".to_string(),
                message,
            })?;
        Ok(Gazetteers {
            family_names: load::names_of_states(layers, &country_by_code, source::FAMILY_NAMES)?,
            news_agencies: load::names_of_states(layers, &country_by_code, source::NEWS_AGENCIES)?,
            name_words: load::name_words(layers)?,
            sentence_words: load::sentence_words(layers)?,
            body_words: load::word_set(layers, source::BODY_WORDS)?,
            metric_words: load::metric_words(layers)?,
            photo_credits: load::photo_credits(layers)?,
            countries,
            country_by_code,
            country_phrases,
            offices,
            honours,
            orgs,
            org_phrases,
            figure_leads,
            phrases,
            currency: Arc::new(currency::Lexicon::build(&currency::load(layers)?)),
        })
    }

    /// The currency lexicon: signs, codes and names, and the matchers around a number.
    pub(crate) fn currency(&self) -> &currency::Lexicon {
        &self.currency
    }

    /// The words that tell what a figure measures.
    pub(crate) fn metric_words(&self) -> &metrics::MetricWords {
        &self.metric_words
    }

    /// The one phrase set over every searched list (tables in [`table`] order).
    pub(crate) fn phrases(&self) -> &PhraseSet {
        &self.phrases
    }

    /// The country and mention kind of a country table value.
    pub(crate) fn country_ref(&self, value: u32) -> (&Country, MentionKind) {
        let kind = if value & 1 == 1 {
            MentionKind::Adjective
        } else {
            MentionKind::Name
        };
        (&self.countries[(value >> 1) as usize], kind)
    }

    /// Whether an office id is an honour written after a name (`AO`, `KC`): a title
    /// of the person, not an office they hold.
    pub(crate) fn is_honour(&self, id: &str) -> bool {
        self.honours.contains(id)
    }

    /// The office of an office table value.
    pub(crate) fn office(&self, value: u32) -> &Office {
        &self.offices[value as usize]
    }

    /// The organizations, indexed by organization table values.
    pub(crate) fn orgs(&self) -> &[Org] {
        &self.orgs
    }

    /// Country mentions in `text`: leftmost-longest, whole words only, in text order.
    pub fn countries<'a>(&'a self, text: &str) -> impl Iterator<Item = CountryHit<'a>> + 'a {
        self.phrases
            .find_table(text, table::COUNTRY)
            .into_iter()
            .map(move |f| {
                let (country, kind) = self.country_ref(f.value);
                CountryHit {
                    start: f.start,
                    end: f.end,
                    country,
                    kind,
                }
            })
    }

    /// Office phrases in `text`, same matching rules.
    pub fn offices<'a>(&'a self, text: &str) -> impl Iterator<Item = OfficeHit<'a>> + 'a {
        self.phrases
            .find_table(text, table::OFFICE)
            .into_iter()
            .map(move |f| OfficeHit {
                start: f.start,
                end: f.end,
                office: self.office(f.value),
            })
    }

    /// Organization mentions (acronyms and names), same matching rules.
    pub fn organizations<'a>(&'a self, text: &str) -> impl Iterator<Item = OrgHit<'a>> + 'a {
        self.phrases
            .find_table(text, table::ORG)
            .into_iter()
            .map(move |f| OrgHit {
                start: f.start,
                end: f.end,
                org: &self.orgs[f.value as usize],
            })
    }

    /// Look up a country by ISO alpha-2 code, without regard to ASCII case (`vn`
    /// finds Viet Nam).
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_by_code
            .get(&code.to_ascii_uppercase())
            .map(|&i| &self.countries[i])
    }

    /// Whether `phrase` is a country phrase (or stop-phrase) as listed.
    pub(crate) fn is_country_phrase(&self, phrase: &str) -> bool {
        self.country_phrases.contains(phrase)
    }

    /// The organization a phrase names, as listed.
    pub(crate) fn org_of_phrase(&self, phrase: &str) -> Option<usize> {
        match self.org_phrases.get(phrase) {
            Some(Entry::Hit(i)) => Some(i as usize),
            _ => None,
        }
    }

    /// The photo credits, in file order.
    pub fn photo_credits(&self) -> &[String] {
        &self.photo_credits
    }

    /// The country whose family name opens a name (folded to ASCII, title case).
    pub(crate) fn family_name_country(&self, family: &str) -> Option<&str> {
        self.family_names.get(family).map(String::as_str)
    }

    /// The state a news agency speaks for (`VNA`: Viet Nam), by its name as listed.
    pub(crate) fn news_agency_country(&self, agency: &str) -> Option<&str> {
        self.news_agencies.get(agency).map(String::as_str)
    }

    /// The name words by role.
    pub(crate) fn name_words(&self) -> &WordRoles {
        &self.name_words
    }

    /// The sentence splitter's words by role.
    pub(crate) fn sentence_words(&self) -> &SentenceWords {
        &self.sentence_words
    }

    /// Words right before a date that make it the date of a figure.
    pub(crate) fn figure_leads(&self) -> &[String] {
        &self.figure_leads
    }

    /// Whether a word makes a glossary expansion the name of a body.
    pub(crate) fn is_body_word(&self, word: &str) -> bool {
        self.body_words.contains(word)
    }
}

/// A document's own glossary of acronyms, as organizations on top of the gazetteers.
///
/// Pairs are read like [`Gazetteers`] rows: a pair whose acronym already names an
/// organization with that acronym adds the document's wording as another name of it
/// (so "APEC" stays one body); a pair whose acronym or name the countries list knows is
/// left out ("UAE" / "United Arab Emirates" stays a country, "USD" a currency); else
/// the pair is a new organization, and its phrases take precedence over the embedded
/// ones. Pairs with an empty side are ignored.
#[derive(Clone, Debug)]
pub(crate) struct Glossary {
    /// The organizations the glossary adds, numbered after the gazetteers' own.
    pub orgs: Vec<Org>,
    /// Its phrases, whose values index the gazetteers' organizations followed by
    /// [`Glossary::orgs`]: looked up by first word, or in an automaton when one does
    /// not begin with a word character.
    phrases: Result<WordIndex, PhraseSet>,
}

impl Glossary {
    /// The glossary of these (acronym, expansion) pairs, or none when it adds nothing.
    pub fn new(g: &Gazetteers, pairs: &[(String, String)]) -> Option<Glossary> {
        let mut table = PhraseTable::default();
        let mut orgs: Vec<Org> = Vec::new();
        let mut known: HashMap<String, usize> = HashMap::default();
        for (acronym, name) in pairs {
            let acronym = matcher::normalize_space(acronym);
            let name = matcher::normalize_space(name);
            if acronym.is_empty() || name.is_empty() {
                continue;
            }
            if g.is_country_phrase(&acronym) || g.is_country_phrase(&name) {
                continue;
            }
            let existing = known.get(&acronym).copied().or_else(|| {
                g.org_of_phrase(&acronym)
                    .filter(|&i| *g.orgs[i].acronym == *acronym)
            });
            let index = existing.unwrap_or_else(|| {
                orgs.push(Org {
                    acronym: acronym.as_str().into(),
                    name: name.as_str().into(),
                });
                g.orgs.len() + orgs.len() - 1
            });
            known.insert(acronym.clone(), index);
            for phrase in [&acronym, &name] {
                let listed = g.org_of_phrase(phrase) == Some(index)
                    || table.get(phrase) == Some(Entry::Hit(index as u32));
                if !listed {
                    table.insert(phrase, Entry::Hit(index as u32));
                }
            }
        }
        if table.len() == 0 {
            return None;
        }
        let index = WordIndex::new(table.iter().filter_map(|(p, e)| match e {
            Entry::Hit(v) => Some((p, v)),
            Entry::Stop => None,
        }));
        let phrases = match index {
            Some(index) => Ok(index),
            // A glossary is small and well formed; the automaton builder only fails
            // on pattern sets far beyond its size.
            None => Err(PhraseSet::build(&[(&table, Mode::LeftmostLongest)], true).ok()?),
        };
        Some(Glossary { orgs, phrases })
    }

    /// The leftmost-longest whole-word matches of the glossary's phrases in `text`,
    /// whose word starts that open with a capital are `starts`.
    pub fn find(&self, text: &str, starts: &CapitalStarts, lines: Lines) -> Vec<Found> {
        match &self.phrases {
            Ok(index) => index.find_at(text, 0, starts, &mut 0, lines),
            Err(set) => {
                let mut out = Vec::new();
                set.find(text, lines, &mut out);
                out.swap_remove(0)
            }
        }
    }
}

#[cfg(test)]
mod word_roles_tests {
    use super::*;
    use proptest::prelude::*;

    /// The roles as the map alone gives them: the reference for [`WordRoles::roles`].
    fn by_map(w: &WordRoles, word: &str) -> u8 {
        w.roles.get(word).copied().unwrap_or(0)
    }

    #[test]
    fn every_listed_word_and_every_fixture_word_has_the_roles_the_map_gives() {
        let g = Gazetteers::embedded();
        for w in [g.name_words(), &g.sentence_words().roles] {
            for (word, roles) in w.iter() {
                assert_eq!(w.roles(word), roles, "{word:?}");
            }
            for line in crate::testing::fixture_lines() {
                for word in line.split(|c: char| !c.is_alphanumeric() && c != '.') {
                    assert_eq!(w.roles(word), by_map(w, word), "{word:?}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn a_word_has_the_roles_the_map_gives(
            listed in proptest::collection::vec(("\\PC{0,6}", 1..=255u8), 0..40),
            asked in proptest::collection::vec("\\PC{0,6}", 0..40),
        ) {
            let mut w = WordRoles::default();
            for (word, role) in &listed {
                w.add(word.clone(), *role);
            }
            for word in listed.iter().map(|(word, _)| word).chain(&asked) {
                prop_assert_eq!(w.roles(word), by_map(&w, word), "{:?}", word);
            }
        }
    }
}
