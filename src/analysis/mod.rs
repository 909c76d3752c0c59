//! The analysis of one document: everything the extractors read, built once.
//!
//! **Takes** a [`Document`] and a [`Config`]. **Gives** an [`Analysis`]: the repaired
//! view, its sentences and section tree, the reference date, the home state, the
//! document's own glossary, and every hit of **one search** over the view for all
//! the searched lists at once (countries, offices, organizations, event words, the
//! words that mark a person honoured or name aid, partner groups, honours written
//! after a name), sorted per list and looked up
//! by range. Extractors never search the text again: they ask for the hits inside a
//! range ([`Analysis::countries_in`], [`Analysis::offices_in`], ...). The partner of a
//! section — the state a country paragraph is about — is one rule here
//! ([`Analysis::section_partner`]). Several documents can be analysed together
//! ([`Analysis::new_many`]), each stage over all of them before the next: what a
//! batch of small documents does.
//!
//! Below the extractors, above the stages it reads (document, repair, sentences,
//! sections, reference, gazetteers): it imports none of the extractors.

mod hits;

use crate::config::Config;
use crate::document::Document;
use crate::gazetteer::{
    CONTEXT_FUNDS, CONTEXT_HONOURED, CapitalStarts, Country, CountryHit, EventKind, Found,
    Gazetteers, Glossary, Lines, OfficeHit, Org, OrgHit, WordIndex, table,
};
use crate::record::{Aside, Common};
use crate::reference::Reference;
use crate::repair::{LineKind, View};
use crate::sections::{SectionKind, Sections};
use crate::sentences::Sentences;
use hits::Hits;
use std::borrow::Cow;
use std::cmp::Reverse;
use std::ops::{Range, RangeInclusive};
use std::sync::Arc;

/// The longest paragraph the stages read as one, in bytes of the view: longer lines
/// are read as runs of whole sentences (see [`Analysis::paragraphs`]).
pub const PARAGRAPH_MAX: usize = 8 * 1024;

/// What the title of a section says it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Partner<C> {
    /// A state other than the home state.
    Country(C),
    /// The European Union.
    Eu,
    /// A group of countries or a region: no single partner.
    Group,
    /// Only the home state.
    Home,
}

/// A document with its view, sentences, section tree, reference and the hits of the
/// one search: what every extractor reads.
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
    gazetteers: Arc<Gazetteers>,
    glossary: Option<Glossary>,
    /// Where the view's words that open with a capital start: what the document's own
    /// word indexes (its glossary, the names it introduces) are looked up at.
    capital_starts: CapitalStarts,
    hits: Hits,
    home: String,
    /// Per section: what its title says it is about, if anything (countries by
    /// their country table value).
    partners: Vec<Option<Partner<u32>>>,
    /// The lines longer than [`PARAGRAPH_MAX`], with their paragraphs, by line index.
    long_lines: Vec<(usize, Vec<Range<usize>>)>,
}

impl<'d> Analysis<'d> {
    /// Runs the stages before the extractors on `doc`: repair, sentences, sections,
    /// reference, the one search, the glossary, the section partners.
    pub fn new(doc: &'d Document, config: &Config) -> Self {
        let mut one = Self::new_many(std::slice::from_ref(&doc), config);
        match one.pop() {
            Some(a) if one.is_empty() => a,
            _ => unreachable!("one analysis for one document"),
        }
    }

    /// [`Analysis::new`] for each of `docs`, in order, each stage run over all of them
    /// before the next: a stage's tables and code stay warm from one document to the
    /// next instead of being read again after every other stage (160 one-copy documents
    /// of the bluebook in the batch's groups: 39.0 MB/s with each analysis run whole,
    /// 41.9 with each stage over the group).
    pub fn new_many(docs: &[&'d Document], config: &Config) -> Vec<Self> {
        let views: Vec<View> = docs
            .iter()
            .map(|doc| View::build(doc, &config.captions))
            .collect();
        let sentences: Vec<Sentences> = views
            .iter()
            .map(|view| Sentences::split(view, &config.gazetteers))
            .collect();
        let sections: Vec<Sections> = views
            .iter()
            .zip(&sentences)
            .map(|(view, sentences)| Sections::build(view, sentences))
            .collect();
        let references: Vec<Reference> = docs
            .iter()
            .zip(&views)
            .zip(&sections)
            .map(|((doc, view), sections)| {
                Reference::find(
                    doc,
                    view,
                    sections,
                    config.reference_year,
                    config.numeric_order,
                )
            })
            .collect();
        let searched: Vec<(CapitalStarts, Hits)> = views
            .iter()
            .map(|view| {
                let mut tables = Vec::new();
                let capital_starts = config.gazetteers.phrases().find_listing_capitals(
                    view.text(),
                    Lines::Apart,
                    &mut tables,
                );
                let mut hits = Hits::new(tables);
                hits.shrink();
                drop_toc_hits(view, &mut hits, 0..=table::PARTNER_GROUP);
                drop_times_of_day(view, &mut hits);
                (capital_starts, hits)
            })
            .collect();
        let mut all: Vec<Analysis> = docs
            .iter()
            .zip(views)
            .zip(sentences)
            .zip(sections)
            .zip(references)
            .zip(searched)
            .map(
                |(((((doc, view), sentences), sections), reference), (capital_starts, hits))| {
                    Analysis {
                        doc,
                        view,
                        sentences,
                        sections,
                        reference,
                        gazetteers: config.gazetteers.clone(),
                        glossary: None,
                        capital_starts,
                        hits,
                        home: String::new(),
                        partners: Vec::new(),
                        long_lines: Vec::new(),
                    }
                },
            )
            .collect();
        for a in &mut all {
            a.home = match &config.home_country {
                Some(code) => code.clone(),
                None => a.read_home(),
            };
        }
        for a in &mut all {
            a.long_lines = long_lines(&a.view, &a.sentences);
        }
        for a in &mut all {
            a.add_glossary();
        }
        for a in &mut all {
            a.partners = (0..a.sections.all().len())
                .map(|id| a.read_partner(id))
                .collect();
        }
        all
    }

    /// The gazetteers of the configuration.
    pub fn gazetteers(&self) -> &Gazetteers {
        &self.gazetteers
    }

    /// The ISO 3166-1 alpha-2 code of the state the document speaks for.
    pub fn home(&self) -> &str {
        &self.home
    }

    /// The state the document speaks for, read from the document: the country of
    /// the web address in its front matter (`source_url: https://www.mofa.gov.vn/...`
    /// is Viet Nam's; a `.gov` or `.mil` address the United States'), else the state
    /// of the news agency its dateline names (`Canberra (VNA) – ...`: Viet Nam's,
    /// `gazetteers/news-agencies.tsv`), else the country its prose names most (the
    /// first named on a tie). Empty when it names none.
    fn read_home(&self) -> String {
        if let Some(code) = crate::reference::front_matter_field(
            self.doc.text(),
            &["source_url", "url", "canonical_url", "link"],
        )
        .and_then(|url| url_country(&url))
        .filter(|c| self.gazetteers.country(c).is_some())
        {
            return code;
        }
        if let Some((text, dateline)) = crate::reference::opening_dateline(&self.view, None)
            && let Some(agency) = dateline.agency
            && let Some(code) = self.gazetteers.news_agency_country(&text[agency])
        {
            return code.to_string();
        }
        // One gazetteer entry per code: entries are told apart by address, not by
        // comparing their codes (a document names a country thousands of times).
        let mut counts: Vec<(&Country, usize, usize)> = Vec::new();
        for (k, hit) in self.countries_in(0..self.view.text().len()).enumerate() {
            match counts.iter_mut().find(|c| std::ptr::eq(c.0, hit.country)) {
                Some(c) => c.1 += 1,
                None => counts.push((hit.country, 1, k)),
            }
        }
        counts
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
            .map(|c| c.0.code.to_string())
            .unwrap_or_default()
    }

    /// The view text of line `i`.
    pub fn line_text(&self, i: usize) -> &str {
        &self.view.text()[self.view.lines()[i].range.clone()]
    }

    /// The matches of a document's own word index (the names it introduces) in view
    /// line `i`, with offsets into the line, looked up at the line's words that open
    /// with a capital. `cursor` (0 at first) is moved on by each call: lines asked for
    /// in order are found without bisecting the document's list each time.
    pub(crate) fn index_in_line(
        &self,
        index: &WordIndex,
        i: usize,
        cursor: &mut usize,
        lines: Lines,
    ) -> Vec<Found> {
        let range = self.view.lines()[i].range.clone();
        index.find_at(
            &self.view.text()[range.clone()],
            range.start,
            &self.capital_starts,
            cursor,
            lines,
        )
    }

    /// The lines that hold prose (body, captions, footnotes): what extractors scan.
    pub fn prose_lines(&self) -> impl Iterator<Item = (usize, &crate::repair::Line)> {
        self.view
            .lines()
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind.is_prose())
    }

    /// The paragraphs of view line `i`, as view ranges: the line itself, or, when it is
    /// longer than `PARAGRAPH_MAX` (8 KB; a text dump with no line breaks), runs of whole
    /// sentences of at most that size. Stages that look back "in the paragraph" look
    /// back within one of these, so their work per line stays linear.
    pub fn paragraphs(&self, i: usize) -> &[Range<usize>] {
        let at = self.long_lines.partition_point(|(line, _)| *line < i);
        match self.long_lines.get(at) {
            Some((line, paragraphs)) if *line == i => paragraphs,
            _ => std::slice::from_ref(&self.view.lines()[i].range),
        }
    }

    /// The paragraphs of view lines `lines` that start inside the view range `within`.
    pub fn paragraphs_in(
        &self,
        lines: Range<usize>,
        within: Range<usize>,
    ) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        lines.flat_map(move |i| {
            let within = within.clone();
            self.paragraphs(i)
                .iter()
                .filter(move |p| within.contains(&p.start) || p.start == within.start)
                .map(move |p| (i, p.clone()))
        })
    }

    /// The raw byte range of a view range.
    pub fn raw_span(&self, view: Range<usize>) -> Range<usize> {
        self.doc.raw_span(self.view.source_span(view))
    }

    /// The raw byte range of a view range, and the input's text there. Where the view
    /// copied the input's bytes as they are, its own bytes are that text: read where an
    /// extractor just read them, not from the input, which a large document has long
    /// pushed out of the cache.
    pub fn raw_text(&self, view: Range<usize>) -> (Range<usize>, Cow<'_, str>) {
        let (decoded, copied) = self.view.source_span_verbatim(view.clone());
        let (span, read_as_is) = self.doc.raw_span_verbatim(decoded);
        let text = match self.view.text().get(view) {
            Some(own) if copied && read_as_is => Cow::Borrowed(own),
            _ => self.doc.raw_text(span.clone()),
        };
        (span, text)
    }

    /// The provenance fields of a record made from the view range `view`, with the
    /// sentence it sits in.
    pub fn common(&self, view: Range<usize>) -> Common<'_> {
        let mut common = self.mention(view.clone());
        common.sentence = self
            .sentences
            .at(view.start)
            .map(|s| self.raw_span(s).into());
        common
    }

    /// The provenance fields of a record made from the view range `view`, without its
    /// sentence (mentions, headings, footnotes: the span says it all).
    pub fn mention(&self, view: Range<usize>) -> Common<'_> {
        let (span, text) = self.raw_text(view.clone());
        let line = self.view.line_at(view.start);
        let section = self.sections.of_line(line).map(|id| id as u32);
        Common {
            doc: Cow::Borrowed(self.doc.id()),
            text,
            span: span.into(),
            section,
            sentence: None,
            aside: match self.view.lines().get(line).map(|l| l.kind) {
                Some(LineKind::Caption) => Some(Aside::Caption),
                Some(LineKind::Footnote) => Some(Aside::Footnote),
                _ => None,
            },
        }
    }

    /// Country mentions wholly inside the view range `range`, in order.
    pub fn countries_in(
        &self,
        range: Range<usize>,
    ) -> impl DoubleEndedIterator<Item = CountryHit<'_>> {
        self.hits.within(table::COUNTRY, range).map(|f| {
            let (country, kind) = self.gazetteers.country_ref(f.value);
            CountryHit {
                start: f.start,
                end: f.end,
                country,
                kind,
            }
        })
    }

    /// Office phrases wholly inside `range`, in order.
    pub fn offices_in(
        &self,
        range: Range<usize>,
    ) -> impl DoubleEndedIterator<Item = OfficeHit<'_>> {
        self.hits.within(table::OFFICE, range).map(|f| OfficeHit {
            start: f.start,
            end: f.end,
            office: self.gazetteers.office(f.value),
        })
    }

    /// Honours and offices written after a name (`AO`, `MP`) wholly inside `range`, in
    /// order: titles only right after a person's name.
    pub fn post_nominals_in(
        &self,
        range: Range<usize>,
    ) -> impl DoubleEndedIterator<Item = OfficeHit<'_>> {
        self.hits
            .within(table::POST_NOMINAL, range)
            .map(|f| OfficeHit {
                start: f.start,
                end: f.end,
                office: self.gazetteers.office(f.value),
            })
    }

    /// Organization mentions (the document's glossary included) wholly inside `range`.
    pub fn orgs_in(&self, range: Range<usize>) -> impl DoubleEndedIterator<Item = OrgHit<'_>> {
        self.hits.within(table::ORG, range).map(|f| OrgHit {
            start: f.start,
            end: f.end,
            org: self.org(f.value),
        })
    }

    /// The kinds of action the words inside `range` name, with each word's range.
    pub fn event_words_in(
        &self,
        range: Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, EventKind)> + '_ {
        self.hits
            .within(table::EVENT_WORD, range)
            .map(|f| (f.start..f.end, EventKind::ALL[f.value as usize]))
    }

    /// Whether a phrase that makes the person after it the one honoured (`the funeral
    /// of`) lies wholly inside `range`.
    pub fn honours_in(&self, range: Range<usize>) -> bool {
        self.hits
            .within(table::EVENT_CONTEXT, range)
            .any(|f| f.value == CONTEXT_HONOURED)
    }

    /// The verbs inside `range` that name aid when an amount follows them (`committed`,
    /// `invest`), with their ranges.
    pub fn funds_in(&self, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
        self.hits
            .within(table::EVENT_CONTEXT, range)
            .filter(|f| f.value == CONTEXT_FUNDS)
            .map(|f| f.start..f.end)
    }

    /// Partner groups inside `range`: the European Union (`true`) or a group of
    /// countries or a region (`false`), with their ranges.
    pub fn groups_in(
        &self,
        range: Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
        self.hits
            .within(table::PARTNER_GROUP, range)
            .map(|f| (f.start..f.end, f.value == 1))
    }

    /// What the innermost section holding line `line` whose title names a state or a
    /// group is about, and that section; `None` when no enclosing title names one.
    pub(crate) fn section_partner(&self, line: usize) -> Option<(usize, Partner<&Country>)> {
        let mut id = self.sections.of_line(line);
        while let Some(i) = id {
            if let Some(p) = self.partners[i] {
                return Some((
                    i,
                    match p {
                        Partner::Country(value) => {
                            Partner::Country(self.gazetteers.country_ref(value).0)
                        }
                        Partner::Eu => Partner::Eu,
                        Partner::Group => Partner::Group,
                        Partner::Home => Partner::Home,
                    },
                ));
            }
            id = self.sections.all()[i].parent;
        }
        None
    }

    /// The organization of an organization value (the glossary's after the
    /// gazetteers').
    fn org(&self, value: u32) -> &Org {
        let base = self.gazetteers.orgs();
        let i = value as usize;
        match base.get(i) {
            Some(org) => org,
            None => {
                &self
                    .glossary
                    .as_ref()
                    .expect("glossary values need a glossary")
                    .orgs[i - base.len()]
            }
        }
    }

    /// What the title of section `id` is about: the first state or group it names
    /// other than the home state, else the home state if it names it.
    fn read_partner(&self, id: usize) -> Option<Partner<u32>> {
        let heading = self.sections.all()[id].heading.clone();
        let mut first: Option<(usize, Partner<u32>)> = None;
        let mut home = false;
        for f in self.hits.within(table::COUNTRY, heading.clone()) {
            if *self.gazetteers.country_ref(f.value).0.code == *self.home {
                home = true;
            } else {
                first = Some((f.start, Partner::Country(f.value)));
                break;
            }
        }
        if let Some((range, eu)) = self
            .groups_in(heading)
            .find(|(r, _)| self.countries_in(r.clone()).next().is_none())
            && first.is_none_or(|(at, _)| range.start < at)
        {
            first = Some((range.start, if eu { Partner::Eu } else { Partner::Group }));
        }
        first.map(|(_, p)| p).or(home.then_some(Partner::Home))
    }

    /// Reads the document's own glossary and, when it adds organizations, searches the
    /// view once more for its phrases only, merging them into the organizations.
    fn add_glossary(&mut self) {
        let pairs = glossary_pairs(self);
        if pairs.is_empty() {
            return;
        }
        let Some(glossary) = Glossary::new(&self.gazetteers, &pairs) else {
            return;
        };
        let local = glossary.find(self.view.text(), &self.capital_starts, Lines::Apart);
        // The document's phrases win a tie; then leftmost-longest over both.
        let mut all: Vec<(Found, bool)> = local.into_iter().map(|f| (f, false)).collect();
        all.extend(self.hits.all(table::ORG).iter().map(|&f| (f, true)));
        all.sort_by_key(|&(f, base)| (f.start, Reverse(f.end), base));
        let mut next_free = 0;
        let merged = all
            .into_iter()
            .filter(|(f, _)| {
                let keep = f.start >= next_free;
                if keep {
                    next_free = f.end;
                }
                keep
            })
            .map(|(f, _)| f)
            .collect();
        self.hits.set(table::ORG, merged);
        // Only the organizations are new: the other tables were cleared of such hits.
        drop_toc_hits(&self.view, &mut self.hits, table::ORG..=table::ORG);
        self.glossary = Some(glossary);
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

/// The lines longer than [`PARAGRAPH_MAX`] and their paragraphs: runs of whole
/// sentences of at most that size (a sentence longer than that is one alone).
fn long_lines(view: &View, sentences: &Sentences) -> Vec<(usize, Vec<Range<usize>>)> {
    let all = sentences.ranges();
    let mut out = Vec::new();
    for (i, line) in view.lines().iter().enumerate() {
        let line = line.range.clone();
        if line.len() <= PARAGRAPH_MAX {
            continue;
        }
        let first = all.partition_point(|s| s.start < line.start);
        let mut paragraphs = Vec::new();
        let mut start = line.start;
        for s in all[first..].iter().take_while(|s| s.start < line.end) {
            if s.start > start && s.end - start > PARAGRAPH_MAX {
                paragraphs.push(start..s.start);
                start = s.start;
            }
        }
        paragraphs.push(start..line.end);
        out.push((i, paragraphs));
    }
    out
}

/// The country a web address belongs to: its country-code top-level domain (`.vn`,
/// `.uk` is `GB`), or the United States for `.gov` and `.mil`.
fn url_country(url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', ':', '?', '#'])
        .next()?;
    let tld = host.rsplit('.').next()?.to_ascii_lowercase();
    match tld.as_str() {
        "gov" | "mil" => Some("US".into()),
        "uk" => Some("GB".into()),
        t if t.len() == 2 && t.bytes().all(|b| b.is_ascii_lowercase()) => {
            Some(t.to_ascii_uppercase())
        }
        _ => None,
    }
}

/// Removes the hits of `tables` that sit in table-of-contents or front-matter lines:
/// only prose is read.
fn drop_toc_hits(view: &View, hits: &mut Hits, tables: RangeInclusive<usize>) {
    let toc: Vec<Range<usize>> = view
        .lines()
        .iter()
        .filter(|l| !l.kind.is_prose())
        .map(|l| l.range.clone())
        .collect();
    if toc.is_empty() {
        return;
    }
    for t in tables {
        // A table's hits are sorted (see `Hits`), and so are the lines: one walk along
        // both, not a search of the lines for every hit.
        let mut outside = Outside::new(&toc);
        hits.retain(t, |f: &Found| outside.holds(f.start));
    }
}

/// Whether positions asked for in order lie outside sorted, disjoint ranges: a cursor
/// on the ranges that only moves on, so a run of positions costs what a walk along the
/// positions and the ranges together costs.
struct Outside<'r> {
    ranges: &'r [Range<usize>],
    /// The first range that may hold a position not yet asked for.
    next: usize,
}

impl<'r> Outside<'r> {
    fn new(ranges: &'r [Range<usize>]) -> Self {
        Outside { ranges, next: 0 }
    }

    /// Whether `at`, at or after every position asked for before, lies in none of the
    /// ranges.
    fn holds(&mut self, at: usize) -> bool {
        while self.ranges.get(self.next).is_some_and(|r| r.end <= at) {
            self.next += 1;
        }
        self.ranges.get(self.next).is_none_or(|r| r.start > at)
    }
}

/// Drops the office hits that are a time of day: a title in capitals right after a
/// number (`at 3 PM Hanoi time`, `10:30 PM`), which opens no name.
fn drop_times_of_day(view: &View, hits: &mut Hits) {
    let text = view.text();
    hits.retain(table::OFFICE, |f: &Found| {
        !(text[f.start..f.end].bytes().all(|b| b.is_ascii_uppercase())
            && text[..f.start]
                .trim_end_matches(' ')
                .ends_with(|c: char| c.is_ascii_digit()))
    });
}

/// The document's own glossary of acronyms: the lines of a front-matter section named
/// like a glossary, each an acronym and its expansion (`ASEM\tAsia - Europe Meeting`,
/// `ASEM - Asia-Europe Meeting`, `ASEM: Asia-Europe Meeting`), whose expansion names a
/// body rather than a notion.
fn glossary_pairs(a: &Analysis) -> Vec<(String, String)> {
    let sections = &a.sections;
    // Whether each section is such a glossary: told once a section, not once a line.
    let glossaries: Vec<bool> = sections
        .all()
        .iter()
        .map(|s| {
            s.kind == SectionKind::FrontMatter
                && (s.title.contains("GLOSSARY")
                    || s.title.contains("ACRONYMS")
                    || s.title.contains("ABBREVIATIONS"))
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, line) in a.view.lines().iter().enumerate() {
        let in_glossary = sections
            .of_line(i)
            .is_some_and(|id| glossaries.get(id) == Some(&true));
        if !in_glossary || line.kind != LineKind::Body {
            continue;
        }
        let t = &a.view.text()[line.range.clone()];
        let split = [("\t", 1), (" - ", 3), (": ", 2)]
            .iter()
            .find_map(|&(sep, len)| t.find(sep).map(|at| (at, len)));
        let Some((at, len)) = split else { continue };
        let acronym = t[..at].trim();
        let name_range = line.range.start + at + len..line.range.end;
        let name = a.view.text()[name_range.clone()].trim();
        let is_acronym = (2..=12).contains(&acronym.len())
            && acronym
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "+-&".contains(c))
            && acronym.chars().any(|c| c.is_ascii_uppercase());
        if is_acronym && names_a_body(a, name, name_range) {
            pairs.push((acronym.to_string(), name.to_string()));
        }
    }
    pairs
}

/// Whether a glossary expansion names a body or mechanism (`Asia - Europe Meeting`,
/// `EU - Viet Nam Free Trade Agreement`) rather than a notion (`Foreign Direct
/// Investment`, `Non-governmental Organization`): only those become organizations.
fn names_a_body(a: &Analysis, expansion: &str, range: Range<usize>) -> bool {
    let names_a_state_or_body =
        a.countries_in(range.clone()).next().is_some() || a.orgs_in(range).next().is_some();
    let body_word = expansion
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| a.gazetteers.is_body_word(w));
    !expansion.is_empty() && !expansion.starts_with("Non-") && (names_a_state_or_body || body_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::gallop;

    /// [`Outside::holds`] as `drop_toc_hits` asked before the cursor: galloping on
    /// from the last answer.
    fn outside_by_gallop(ranges: &[Range<usize>], positions: &[usize]) -> Vec<bool> {
        let mut i = 0;
        positions
            .iter()
            .map(|&at| {
                i = gallop(ranges, i, |r| r.end <= at);
                ranges.get(i).is_none_or(|r| r.start > at)
            })
            .collect()
    }

    #[test]
    fn the_cursor_tells_what_a_gallop_tells() {
        // Sorted, disjoint ranges (empty ones, touching ones) and sorted positions
        // (repeated ones), before, among and after them.
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(4000));
        runner
            .run(
                &(
                    proptest::collection::vec((0..6usize, 0..6usize), 0..12),
                    proptest::collection::vec(0..80usize, 0..40),
                ),
                |(gaps, mut positions)| {
                    let mut ranges = Vec::new();
                    let mut at = 0;
                    for (gap, len) in gaps {
                        ranges.push(at + gap..at + gap + len);
                        at += gap + len;
                    }
                    positions.sort_unstable();
                    let mut outside = Outside::new(&ranges);
                    let got: Vec<bool> = positions.iter().map(|&p| outside.holds(p)).collect();
                    proptest::prop_assert_eq!(&got, &outside_by_gallop(&ranges, &positions));
                    let naive: Vec<bool> = positions
                        .iter()
                        .map(|p| !ranges.iter().any(|r| r.contains(p)))
                        .collect();
                    proptest::prop_assert_eq!(got, naive);
                    Ok(())
                },
            )
            .unwrap();
    }
}
