//! The pipeline: the stages in order, and the one place that makes records.
//!
//! Takes: a [`Document`] and a [`Config`]. Gives: its records in document order. The
//! stages run in this order, each taking what the previous ones gave:
//!
//! 1. [`View::build`] — repair (page breaks, captions, footnotes, markup);
//! 2. [`Sentences::split`] — sentences of every view line;
//! 3. [`Sections::build`] — the section tree (reads sentences for headings that are a
//!    paragraph's opening sentence);
//! 4. [`Reference::find`] — the document's reference year and numeric date
//!    convention (reads the title, a date line, a front-matter `date:`);
//! 5. extractors, each reading the [`Analysis`] and the records made before it:
//!    structure (sections, footnotes), dates, places (countries), organizations,
//!    people, events, then figures (money and percentages, attributed to a metric,
//!    partner and year).
//!
//! Record spans are only ever made by [`Analysis::common`], through the view's offset
//! map and the document's decoding map, so `text == raw[span]` holds by construction.

use crate::document::Document;
use crate::error::Error;
use crate::extractors;
use crate::gazetteer::Gazetteers;
use crate::record::{Common, Record};
use crate::reference::{NumericOrder, Reference};
use crate::repair::{CaptionRules, LineKind, View};
use crate::sections::{SectionKind, Sections};
use crate::sentences::Sentences;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// The embedded gazetteers, shared by every default configuration.
static EMBEDDED: LazyLock<Arc<Gazetteers>> =
    LazyLock::new(|| Arc::new(Gazetteers::embedded().clone()));

/// What the pipeline runs with: gazetteers, caption rules, the record types to keep,
/// and optionally the reference year and numeric date convention to read dates
/// against.
#[derive(Clone, Debug)]
pub struct Config {
    gazetteers: Arc<Gazetteers>,
    captions: Cow<'static, CaptionRules>,
    types: Option<BTreeSet<String>>,
    reference_year: Option<i32>,
    numeric_order: Option<NumericOrder>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            gazetteers: EMBEDDED.clone(),
            captions: Cow::Borrowed(CaptionRules::embedded()),
            types: None,
            reference_year: None,
            numeric_order: None,
        }
    }
}

impl Config {
    /// Uses the embedded gazetteers with the files of `dir` added on top (see
    /// [`Gazetteers::with_dir`]); the photo credits of the result recognise captions.
    pub fn with_gazetteer_dir(mut self, dir: &std::path::Path) -> Result<Self, Error> {
        let gazetteers = Gazetteers::with_dir(dir)?;
        self.captions = Cow::Owned(CaptionRules::new(gazetteers.photo_credits()));
        self.gazetteers = Arc::new(gazetteers);
        Ok(self)
    }

    /// Keeps only records of these types (names as in [`crate::record::TYPE_NAMES`]).
    pub fn with_types(mut self, types: impl IntoIterator<Item = String>) -> Self {
        self.types = Some(types.into_iter().collect());
        self
    }

    /// Uses these photo credits to recognise captions.
    pub fn with_photo_credits<S: AsRef<str>>(mut self, credits: &[S]) -> Self {
        self.captions = Cow::Owned(CaptionRules::new(credits));
        self
    }

    /// Reads dates without a year against `year`, whatever the document says (see
    /// [`Reference`]).
    pub fn with_reference_year(mut self, year: i32) -> Self {
        self.reference_year = Some(year);
        self
    }

    /// Reads numeric dates in this order (`3/4/2020`), whatever the document's own
    /// numeric dates show.
    pub fn with_numeric_order(mut self, order: NumericOrder) -> Self {
        self.numeric_order = Some(order);
        self
    }

    fn keeps(&self, record: &Record) -> bool {
        self.types
            .as_ref()
            .is_none_or(|t| t.contains(record.type_name()))
    }
}

/// A document with its view, sentences, section tree and reference: what every
/// extractor reads.
#[derive(Debug)]
pub struct Analysis<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Its repaired view.
    pub view: View,
    /// The sentences of the view.
    pub sentences: Sentences,
    /// The section tree.
    pub sections: Sections,
    /// The reference year and numeric date convention.
    pub reference: Reference,
    /// The gazetteers of the configuration.
    base: Arc<Gazetteers>,
    /// The same with the document's own glossary of acronyms added, when it has one.
    local: Option<Gazetteers>,
}

impl<'d> Analysis<'d> {
    /// Runs the stages before the extractors (repair, sentences, sections,
    /// reference, glossary) on `doc`.
    pub fn new(doc: &'d Document, config: &Config) -> Self {
        let view = View::build(doc, &config.captions);
        let sentences = Sentences::split(&view);
        let sections = Sections::build(&view, &sentences);
        let reference = Reference::find(
            doc,
            &view,
            &sections,
            config.reference_year,
            config.numeric_order,
        );
        let acronyms = glossary(&view, &sections, &config.gazetteers);
        let local = (!acronyms.is_empty()).then(|| config.gazetteers.with_acronyms(&acronyms));
        Analysis {
            doc,
            view,
            sentences,
            sections,
            reference,
            base: config.gazetteers.clone(),
            local,
        }
    }

    /// The gazetteers, with the document's own glossary of acronyms added.
    pub fn gazetteers(&self) -> &Gazetteers {
        self.local.as_ref().unwrap_or(&self.base)
    }

    /// The view text of line `i`.
    pub fn line_text(&self, i: usize) -> &str {
        &self.view.text()[self.view.lines()[i].range.clone()]
    }

    /// The lines that hold prose (body, captions, footnotes): what extractors scan.
    pub fn prose_lines(&self) -> impl Iterator<Item = (usize, &crate::repair::Line)> {
        self.view
            .lines()
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind != LineKind::Toc)
    }

    /// The raw byte range of a view range.
    pub fn raw_span(&self, view: Range<usize>) -> Range<usize> {
        self.doc.raw_span(self.view.source_span(view))
    }

    /// The provenance fields of a record made from the view range `view`.
    pub fn common(&self, view: Range<usize>) -> Common {
        let span = self.raw_span(view.clone());
        let line = self.view.line_at(view.start);
        let section = self
            .sections
            .of_line(line)
            .map(|id| self.sections.path(id).to_vec())
            .unwrap_or_default();
        Common {
            doc: self.doc.id().to_string(),
            text: self.doc.raw_text(span.clone()),
            span: span.into(),
            section,
            sentence: self
                .sentences
                .at(view.start)
                .map(|s| self.raw_span(s).into()),
            caption: self
                .view
                .lines()
                .get(line)
                .is_some_and(|l| l.kind == LineKind::Caption),
        }
    }

    /// The section tree as indented text, one heading a line, with the input line
    /// number where each heading starts: for a person to read.
    pub fn outline(&self) -> String {
        let raw = self.doc.raw();
        let mut out = String::new();
        let (mut line_no, mut counted) = (1, 0);
        for s in self.sections.all() {
            let at = self.raw_span(s.heading.clone()).start;
            line_no += raw[counted..at].iter().filter(|&&b| b == b'\n').count();
            counted = at;
            let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
            let number = match (&s.number, s.kind) {
                (Some(n), SectionKind::Chapter) => format!("CHAPTER {n}: "),
                (Some(n), SectionKind::LetteredItem) => format!("{n}) "),
                (Some(n), _) => format!("{n}. "),
                (None, _) => String::new(),
            };
            out.push_str(&format!("{indent}{number}{}  [line {line_no}]\n", s.title));
        }
        out
    }
}

/// The document's own glossary of acronyms: the lines of a front-matter section named
/// like a glossary, each an acronym and its expansion (`ASEM\tAsia - Europe Meeting`,
/// `ASEM - Asia-Europe Meeting`, `ASEM: Asia-Europe Meeting`).
fn glossary(view: &View, sections: &Sections, gazetteers: &Gazetteers) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (i, line) in view.lines().iter().enumerate() {
        let in_glossary = sections.of_line(i).is_some_and(|id| {
            let s = &sections.all()[id];
            s.kind == SectionKind::FrontMatter
                && (s.title.contains("GLOSSARY")
                    || s.title.contains("ACRONYMS")
                    || s.title.contains("ABBREVIATIONS"))
        });
        if !in_glossary || line.kind != LineKind::Body {
            continue;
        }
        let t = &view.text()[line.range.clone()];
        let split = t
            .split_once('\t')
            .or_else(|| t.split_once(" - "))
            .or_else(|| t.split_once(": "));
        if let Some((acronym, name)) = split {
            let acronym = acronym.trim();
            let is_acronym = (2..=12).contains(&acronym.len())
                && acronym
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "+-&".contains(c))
                && acronym.chars().any(|c| c.is_ascii_uppercase());
            if is_acronym && names_a_body(name.trim(), gazetteers) {
                pairs.push((acronym.to_string(), name.trim().to_string()));
            }
        }
    }
    pairs
}

/// Whether a glossary expansion names a body or mechanism (`Asia - Europe Meeting`,
/// `EU - Viet Nam Free Trade Agreement`) rather than a notion (`Foreign Direct
/// Investment`, `Free Trade Agreement`, `Non-governmental Organization`): only those
/// become organizations.
fn names_a_body(expansion: &str, gazetteers: &Gazetteers) -> bool {
    const BODY_WORDS: &[&str] = &[
        "Association",
        "Forum",
        "Meeting",
        "Summit",
        "Union",
        "Council",
        "Assembly",
        "Nations",
        "Community",
        "Commission",
        "Committee",
        "Bank",
        "Fund",
        "Conference",
        "Partnership",
        "Cooperation",
        "Group",
        "Movement",
        "Organization",
        "Organisation",
        "Secretariat",
        "Court",
        "Parliament",
    ];
    let names_a_state_or_body = gazetteers.countries(expansion).next().is_some()
        || gazetteers.organizations(expansion).next().is_some();
    let body_word = expansion
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| BODY_WORDS.contains(&w));
    !expansion.is_empty() && !expansion.starts_with("Non-") && (names_a_state_or_body || body_word)
}

/// Runs the whole pipeline on `doc`: its records, in document order.
///
/// ```
/// use bluebook::{Config, Document, extract};
/// let raw = b"CHAPTER ONE\n\nTHE LANDSCAPE\n\nI. The global economy\n\nTrade fell.\n".to_vec();
/// let doc = Document::from_bytes("d.txt", raw).unwrap();
/// let records = extract(&doc, &Config::default());
/// let part = records[1].common();
/// assert_eq!(part.span, bluebook::Span(28, 49));
/// assert_eq!(part.text, "I. The global economy");
/// assert_eq!(part.section, ["THE LANDSCAPE", "The global economy"]);
/// ```
pub fn extract(doc: &Document, config: &Config) -> Vec<Record> {
    let analysis = Analysis::new(doc, config);
    let mut records = Vec::new();
    records.extend(extractors::structure::sections(&analysis));
    records.extend(extractors::structure::footnotes(&analysis));
    let dates = extractors::dates::dates(&analysis);
    records.extend(extractors::dates::records(&analysis, &dates));
    records.extend(extractors::places::extract(&analysis));
    records.extend(extractors::organizations::extract(&analysis));
    let people = extractors::people::find(&analysis);
    records.extend(people.iter().map(|p| Record::Person(p.record.clone())));
    // Events read the dates and people found above.
    records.extend(extractors::events::extract(&analysis, &dates, &people));
    let figures = extractors::figures::extract(&analysis, &records);
    records.extend(figures);
    records.retain(|r| config.keeps(r));
    // Document order: by position in the input. The sort is stable, so records at the
    // same position keep the order of the stages that made them.
    records.sort_by_key(|r| (r.common().span.0, r.common().span.1));
    records
}

/// Writes records as JSON Lines.
pub fn write_jsonl(records: &[Record], out: &mut Vec<u8>) {
    for r in records {
        // Serializing plain data into a Vec cannot fail.
        if serde_json::to_writer(&mut *out, r).is_ok() {
            out.push(b'\n');
        }
    }
}
