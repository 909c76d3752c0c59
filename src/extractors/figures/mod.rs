//! Figures: amounts of money and percentages.
//!
//! Takes: every view line except the table of contents, its sentences, the section
//! tree and the countries gazetteer of the [`Analysis`]. Gives: one [`Record::Money`]
//! per stated amount (single, range, vague, or restated in brackets in another
//! currency) and one [`Record::Percent`] per percentage or change in percentage
//! points, each attributed so that a table can be built without reading the text:
//!
//! - what it measures (`metric`): the words right after an amount (`a US$20 million
//!   grant`, `US$2.34 million in aid`, `in registered capital`), else the nearest
//!   metric word before it in its sentence (`the bilateral trade turnover reached ...`,
//!   `Viet Nam's import was worth ...`); for a share, the words of what it is a share
//!   of;
//! - the partner (`counterpart`) and for flows the giver and receiver (`direction`),
//!   see [`partners`];
//! - the year (`period`): the nearest year of the sentence that is not a comparison
//!   base (`against 2019`), else the nearest of the paragraph before it, the section
//!   titles, or the year on the document's title page or headline; `stock` when the
//!   sentence speaks of a total to date (`by the end of 2020`, `in total`), else
//!   `flow`; none for a span of years (`for 2018 - 2021`);
//! - for percentages, whether they are a change (`a 7% decrease`) or a share (`33.9%
//!   of Viet Nam's total rice export volume`); the items of a list (`5.3% for Japan;
//!   8% for India`) share what the first says.

mod partners;
mod scan;
mod words;

use super::{Earlier, Part};
use crate::analysis::Analysis;
use crate::gazetteer::currency;
use crate::record::{
    Change, Common, Direction, Metric, MoneyRecord, PercentRecord, PercentUnit, PeriodKind,
    Qualifier, Record,
};
use crate::scan::ascii_regex;
use crate::sections::SectionKind;
use crate::text;
use aho_corasick::AhoCorasick;
use foldhash::HashMap;
use partners::{Mention, Place};
use regex::Regex;
use scan::{Found, Unit};
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::sync::LazyLock;

/// What the words around a figure say about it.
#[derive(Clone, Debug, Default)]
struct Reading {
    metric: Option<&'static str>,
    counterpart: Option<String>,
    direction: Option<Direction>,
    period: Option<u16>,
    period_kind: Option<&'static str>,
    change: Option<&'static str>,
    share_of: Option<String>,
}

/// A statement that `$` means another dollar (`all amounts are in Australian
/// dollars`).
static DOLLAR_IS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(?:amounts?|figures?|prices?|values?|dollars?|\$)\s+(?:are\s+|is\s+)?(?:(?:given|expressed|stated|shown)\s+)?(?:in|refers?\s+to|denotes?|means?)\s+(?P<c>US|U\.S\.|American|Australian|Canadian|New\s+Zealand|Singapore|Hong\s+Kong|Taiwan|Brunei)\s+dollars?",
    )
});
/// A year that directly follows a figure: `in 2020`, `during 2020`, `for the year 2020`.
/// Read by [`is_adjacent_year`]: over ASCII text without compiling it.
static ADJACENT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:in|during|for|throughout)\s+(?:the\s+(?:year\s+)?)?(?:\w+\s+)?$")
        .expect("valid regex")
});
/// Words between two items of a list of percentages (`5.3% for Japan; 8%`), any
/// number of them ([`is_list_gap`] counts).
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,;]*(?:(?:for|in|from|of|which|came|with|to|the|and|or)\b[\s,;]*|[A-Z][\w'.-]*[\s,;]*)*$")
        .expect("valid regex")
});

/// Whether `gap` is a [`LIST_GAP`] of at most eight words (runs between its spaces,
/// commas and semicolons). Each word needs a repetition of the expression, so the
/// bound is counted here: written in the expression, it would compile the Unicode word
/// class eight times. An ASCII gap is read by [`is_ascii_list_gap`]: the expression,
/// which the Unicode word class makes costly to compile, is built only for a gap with
/// another character.
fn is_list_gap(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .nth(8)
        .is_none()
        && if gap.is_ascii() {
            is_ascii_list_gap(gap.as_bytes())
        } else {
            LIST_GAP.is_match(gap)
        }
}

/// Whether ASCII `gap` matches [`LIST_GAP`]: its words (runs of letters, digits, `_`,
/// `'`, `.` and `-`) stand between spaces, commas and semicolons, and each opens with a
/// letter. That is the expression's language: its listed words are words that open
/// with a letter, and a word opening with a letter takes in the rest of its run. Over
/// ASCII, its Unicode classes and case folding read what the ASCII ones do.
fn is_ascii_list_gap(gap: &[u8]) -> bool {
    let mut in_word = false;
    for &c in gap {
        if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'.' | b'-') {
            if !in_word && !c.is_ascii_alphabetic() {
                return false;
            }
            in_word = true;
        } else if text::is_ascii_space(c) || c == b',' || c == b';' {
            in_word = false;
        } else {
            return false;
        }
    }
    true
}

/// Whether `gap`, the text between a figure and a year after it, matches
/// [`ADJACENT_YEAR`]. An ASCII gap is read word by word: spaces, the preposition, and
/// then at most `the`, `year` and one other word, the last of them followed by spaces
/// too. Over ASCII the expression's Unicode classes and case folding read what the
/// ASCII ones do; it is built, its word class costly to compile, only for a gap with
/// another character.
fn is_adjacent_year(gap: &str) -> bool {
    if !gap.is_ascii() {
        return ADJACENT_YEAR.is_match(gap);
    }
    let b = gap.as_bytes();
    let spaced = |i: usize| b.get(i).is_some_and(|&c| text::is_ascii_space(c));
    if !spaced(0) || !spaced(b.len().wrapping_sub(1)) {
        return false;
    }
    let mut words = b
        .split(|&c| text::is_ascii_space(c))
        .filter(|w| !w.is_empty());
    let is = |w: &[u8], word: &str| w.eq_ignore_ascii_case(word.as_bytes());
    let is_word = |w: &[u8]| w.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_');
    let Some(prep) = words.next() else {
        return false;
    };
    if !["in", "during", "for", "throughout"]
        .iter()
        .any(|p| is(prep, p))
    {
        return false;
    }
    match (words.next(), words.next(), words.next(), words.next()) {
        (None, ..) => true,
        (Some(w), None, ..) => is_word(w),
        (Some(the), Some(w), None, _) => is(the, "the") && is_word(w),
        (Some(the), Some(year), Some(w), None) => is(the, "the") && is(year, "year") && is_word(w),
        _ => false,
    }
}

fn dollar_iso(word: &str) -> &'static str {
    match word
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<String>()
        .as_str()
    {
        "australian" => "AUD",
        "canadian" => "CAD",
        "newzealand" => "NZD",
        "singapore" => "SGD",
        "hongkong" => "HKD",
        "taiwan" => "TWD",
        "brunei" => "BND",
        _ => "USD",
    }
}

/// The year a document is about: the year on its title page, or in its headline.
fn document_year(a: &Analysis) -> Option<u16> {
    for (id, s) in a.sections.all().iter().enumerate() {
        match s.kind {
            SectionKind::TitlePage => {
                let lines = (s.line..a.view.lines().len())
                    .take_while(|&j| a.sections.of_line(j) == Some(id));
                for j in lines {
                    if let Some(&(_, y)) = words::years(a.line_text(j)).0.first() {
                        return Some(y);
                    }
                }
            }
            SectionKind::Headline => return words::years(&s.title).0.first().map(|p| p.1),
            _ => {}
        }
    }
    None
}

/// The document-wide meaning of a bare `$`, when the document states one, or writes
/// one dollar other than the U.S. dollar with its sign and no other.
fn document_dollar(a: &Analysis) -> Option<&'static str> {
    static DOLLAR: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["dollar"])
            .expect("valid automaton")
    });
    // Only lines that name a dollar can say what `$` means.
    let lines = || {
        a.view
            .lines()
            .iter()
            .map(|l| &a.view.text()[l.range.clone()])
    };
    let stated = lines()
        .filter(|t| DOLLAR.is_match(*t))
        .find_map(|t| DOLLAR_IS.captures(t).and_then(|c| c.name("c")))
        .map(|m| dollar_iso(m.as_str()));
    if stated.is_some() {
        return stated;
    }
    // Else the one dollar the document writes with its sign, when it writes no other
    // (an Australian brief's `A$24.9 billion`, then `$9.7 billion`).
    let mut named = lines()
        .filter(|t| memchr::memchr(b'$', t.as_bytes()).is_some())
        .flat_map(|t| EXPLICIT_DOLLAR.captures_iter(t))
        // The sign's forms alone: a code or a name (`AUD 12.4 million [$8 million]`)
        // says nothing of what a bare `$` elsewhere is.
        .filter(|c| c.name("code").is_none() && c.name("name").is_none())
        .map(|c| explicit_iso(&c));
    let first = named.next()?;
    (first != "USD" && named.all(|d| d == first)).then_some(first)
}

/// What the figures of a document read of the whole document, once, when first
/// needed.
#[derive(Debug, Default)]
pub(crate) struct DocumentFacts {
    /// The year the document is about.
    year: OnceCell<Option<u16>>,
    /// What a bare `$` means in it.
    dollar: OnceCell<Option<&'static str>>,
    /// The bytes of the metric words its figures are read with.
    metric_bytes: OnceCell<words::MetricBytes>,
}

/// One record per figure of every line that is not the table of contents.
pub(crate) fn extract<'a>(
    a: &'a Analysis,
    earlier: &Earlier,
    part: &Part,
    out: &mut Vec<Record<'a>>,
) {
    // Read once per document, when first needed: the year it is about, and what a bare
    // `$` means in it.
    let facts = &earlier.figures;
    let dollar = &facts.dollar;
    let paragraphs = a
        .paragraphs_in(part.lines.clone(), part.view.clone())
        .filter(|(i, _)| a.view.lines()[*i].kind.is_prose());
    // The words of figures without digits, looked for once in the part.
    let cues = scan::TextCues::of(&a.view.text()[part.view.clone()], part.view.start);
    for (i, paragraph) in paragraphs {
        let text = &a.view.text()[paragraph.clone()];
        let found = scan::scan_with(
            a.gazetteers().currency(),
            text,
            cues.line(paragraph.clone()),
        );
        if found.is_empty() {
            continue;
        }
        let year = *facts.year.get_or_init(|| document_year(a));
        let base = paragraph.start;
        let rejoined = page_break(a, i, &paragraph, text, &found);
        let figures = LineFigures {
            a,
            index: i,
            base,
            text,
            mentions: partners::mentions_in(a, base, text, figures_span(a, base, &found)),
            found,
            doc_year: year,
            sentence_years: RefCell::default(),
            year_shapes: OnceCell::new(),
            metric_bytes: &facts.metric_bytes,
            carried: RefCell::default(),
        };
        let mut readings: Vec<Reading> = Vec::with_capacity(figures.found.len());
        let mut commons: Vec<Common> = Vec::with_capacity(figures.found.len());
        // What the figures of one sentence share, kept while the figures are in it.
        let mut shared = SentenceFacts::default();
        // The figures whose reading a later one restating them takes whole
        // (`equivalent_of`): only theirs keep their strings once their record is made.
        let mut taken = vec![false; figures.found.len()];
        for b in figures.found.iter().filter_map(|f| f.equivalent_of) {
            taken[b] = true;
        }
        for (k, f) in figures.found.iter().enumerate() {
            let sentence = figures.sentence_of(&f.range);
            if shared.range != sentence {
                shared = SentenceFacts {
                    range: sentence.clone(),
                    ..SentenceFacts::default()
                };
            }
            let mut reading = match f.equivalent_of {
                Some(b) => readings[b].clone(),
                None => figures.read(k, &shared, &readings),
            };
            // The partner and direction move into the record unless a later figure
            // takes this reading: only a reading's change and share are read again.
            let (counterpart, direction) = if taken[k] {
                (reading.counterpart.clone(), reading.direction.clone())
            } else {
                (reading.counterpart.take(), reading.direction.take())
            };
            let mut common = a.common(figures.base + f.range.start..figures.base + f.range.end);
            let mut value = f.value;
            if let Some((_, end, exp)) = rejoined.filter(|r| r.0 == k) {
                common = a.common(figures.base + f.range.start..end);
                value = f.value.and_then(|v| v.shift(exp));
            }
            let (qualifier, qualifier_text) = match &f.qualifier {
                Some((q, r)) => (Qualifier::from_name(q), Some(text[r.clone()].to_string())),
                None => (None, None),
            };
            let metric = reading.metric.and_then(Metric::from_name);
            let period_kind = reading.period_kind.and_then(PeriodKind::from_name);
            let record = match f.unit {
                Unit::Money(m) => {
                    let document = || *dollar.get_or_init(|| document_dollar(a));
                    let (currency, assumed) = match f.equivalent_of {
                        // A bare `$` restating an amount in another currency (`AUD 12.4
                        // million [$8 million]`) is not the dollar that amount names:
                        // the document's.
                        Some(_) if m.assumed && m.iso == "USD" => {
                            (document().unwrap_or("USD"), true)
                        }
                        _ => currency(
                            m,
                            &text[sentence.clone()],
                            f.range.start - sentence.start,
                            document,
                        ),
                    };
                    Record::Money(MoneyRecord {
                        common: common.clone(),
                        amount: value,
                        currency: currency.to_string(),
                        currency_assumed: assumed,
                        qualifier,
                        qualifier_text,
                        min: f.min,
                        max: f.max,
                        vague: f.vague,
                        equivalent_of: f.equivalent_of.map(|b| commons[b].span),
                        metric,
                        counterpart,
                        direction,
                        period: reading.period,
                        period_kind,
                    })
                }
                Unit::Percent | Unit::PercentagePoint => Record::Percent(PercentRecord {
                    common: common.clone(),
                    value: f.value,
                    min: f.min,
                    max: f.max,
                    vague: f.vague,
                    unit: if f.unit == Unit::Percent {
                        PercentUnit::Percent
                    } else {
                        PercentUnit::PercentagePoint
                    },
                    change: reading.change.and_then(Change::from_name),
                    metric,
                    counterpart,
                    share_of: reading.share_of.clone(),
                    qualifier,
                    qualifier_text,
                    period: reading.period,
                    period_kind,
                }),
            };
            readings.push(reading);
            commons.push(common);
            out.push(record);
        }
    }
}

/// A line that opens with what a page break cut from a figure: a page number and
/// the scale word (`12 billion, up 5% ...`), or the page number alone.
static PAGE_THEN_SCALE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"^(?:\d{1,3}(?:\s+|$))?(?P<scale>(?i:thousand|million|billion|trillion))s?\b")
});

/// The figure of a paragraph that a page break cut (`... reached US$ 39.62` / `12` /
/// `billion, up 5% ...`): the last figure of the line, an amount that ends it, its
/// number last, and the next line opening with a page number and a scale word (or the
/// page number alone, and the line after with the scale word). Gives the figure's
/// index, where its scale word ends in the view and its power of ten: the figure is
/// read whole, over the page number.
fn page_break(
    a: &Analysis,
    i: usize,
    paragraph: &Range<usize>,
    text: &str,
    found: &[Found],
) -> Option<(usize, usize, u32)> {
    let lines = a.view.lines();
    let (k, f) = found.iter().enumerate().next_back()?;
    let ends_line = paragraph.end == lines[i].range.end
        && matches!(f.unit, Unit::Money(_))
        && f.value.is_some()
        && f.range.end == text.trim_end().len()
        && text[f.range.clone()].ends_with(|c: char| c.is_ascii_digit());
    if !ends_line {
        return None;
    }
    let prose = |j: usize| {
        lines
            .get(j)
            .filter(|l| l.kind == crate::repair::LineKind::Body)
    };
    let next = prose(i + 1)?;
    let next_text = &a.view.text()[next.range.clone()];
    let (line, m) = match PAGE_THEN_SCALE.captures(next_text) {
        Some(c)
            if c.get(0)?.start() == 0 && next_text.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            (next, c.name("scale")?)
        }
        _ => {
            // The page number alone on its line, the scale word opening the next.
            let lone = next_text.len() <= 3 && next_text.bytes().all(|b| b.is_ascii_digit());
            let after = prose(i + 2).filter(|_| lone)?;
            let c = PAGE_THEN_SCALE.captures(&a.view.text()[after.range.clone()])?;
            (after, c.name("scale").filter(|m| m.start() == 0)?)
        }
    };
    let exp = match m.as_str().to_ascii_lowercase().as_str() {
        "thousand" => 3,
        "million" => 6,
        "billion" => 9,
        _ => 12,
    };
    Some((k, line.range.start + m.end(), exp))
}

/// The dollar a sentence names explicitly (`US$`, `AU$`, `NZD`, `Canadian dollars`):
/// a bare `$` near it is that dollar.
static EXPLICIT_DOLLAR: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"\b(?:(?P<us>US|U\.S\.?|USD)|(?P<au>AU|A|AUD)|(?P<nz>NZ|NZD)|(?P<ca>C|CA|CAN|CAD)|(?P<sg>S|SG|SGD)|(?P<hk>HK|HKD)|(?P<tw>NT|TWD)|(?P<bn>B|BND))\s?\$|\b(?P<code>USD|AUD|NZD|CAD|SGD|HKD|TWD|BND)\b|(?i:\b(?P<name>US|U\.S\.|American|Australian|Canadian|New\s+Zealand|Singapore|Hong\s+Kong|Taiwan|Brunei)\s+dollars?\b)",
    )
});

/// The currency of an amount at `at` in `sentence`: a bare `$` (or `dollars`) is the
/// dollar the sentence names explicitly nearest before it (`AU$10.5 million ... and $2
/// million`), else nearest after it, else the document's, else USD.
fn currency(
    m: currency::Meaning,
    sentence: &str,
    at: usize,
    document: impl FnOnce() -> Option<&'static str>,
) -> (&'static str, bool) {
    if !(m.assumed && m.iso == "USD") {
        return (m.iso, m.assumed);
    }
    let named: Vec<(usize, &'static str)> = EXPLICIT_DOLLAR
        .captures_iter(sentence)
        .filter_map(|c| c.get(0).map(|m| (m.start(), explicit_iso(&c))))
        .filter(|&(p, _)| p != at)
        .collect();
    let nearest = named
        .iter()
        .rev()
        .find(|(p, _)| *p < at)
        .or_else(|| named.iter().find(|(p, _)| *p > at))
        .map(|p| p.1);
    (nearest.or_else(document).unwrap_or("USD"), true)
}

/// The dollar a match of [`EXPLICIT_DOLLAR`] names.
fn explicit_iso(c: &regex::Captures) -> &'static str {
    if let Some(code) = c.name("code") {
        return match code.as_str() {
            "AUD" => "AUD",
            "NZD" => "NZD",
            "CAD" => "CAD",
            "SGD" => "SGD",
            "HKD" => "HKD",
            "TWD" => "TWD",
            "BND" => "BND",
            _ => "USD",
        };
    }
    if let Some(name) = c.name("name") {
        return dollar_iso(name.as_str());
    }
    [
        ("au", "AUD"),
        ("nz", "NZD"),
        ("ca", "CAD"),
        ("sg", "SGD"),
        ("hk", "HKD"),
        ("tw", "TWD"),
        ("bn", "BND"),
    ]
    .iter()
    .find(|(g, _)| c.name(g).is_some())
    .map_or("USD", |p| p.1)
}

/// The part of a line (relative to it) that the sentences holding figures cover.
fn figures_span(a: &Analysis, base: usize, found: &[Found]) -> Range<usize> {
    let sentence = |at: usize| {
        a.sentences
            .at(base + at)
            .map(|s| s.start - base..s.end - base)
    };
    let start = found
        .first()
        .and_then(|f| sentence(f.range.start))
        .map_or(0, |s| s.start);
    let end = found
        .iter()
        .map(|f| sentence(f.range.start).map_or(f.range.end, |s| s.end.max(f.range.end)))
        .max()
        .unwrap_or(0);
    start..end
}

/// How far the text a figure is read in reaches on either side of it when no sentence
/// holds it (sentences are at most [`crate::sentences::LONGEST_SENTENCE`] bytes).
const SENTENCE_REACH: usize = 2048;

/// The figures of one view line, with what reading them needs.
struct LineFigures<'a, 'd> {
    a: &'a Analysis<'d>,
    /// The line's index in the view.
    index: usize,
    /// Where the line starts in the view.
    base: usize,
    text: &'a str,
    mentions: Vec<Mention>,
    found: Vec<Found>,
    doc_year: Option<u16>,
    /// Per sentence start: whether it speaks of a total to date, and its years.
    sentence_years: RefCell<HashMap<usize, SentenceYears>>,
    /// The line's year-shaped numbers, found when first needed.
    year_shapes: OnceCell<Vec<Range<usize>>>,
    /// The bytes of the metric words, found when first needed.
    metric_bytes: &'a OnceCell<words::MetricBytes>,
    /// Per sentence (by its range in the line) that a year of a figure's period was
    /// read from: what it carries over.
    carried: RefCell<HashMap<(usize, usize), Carried>>,
}

/// What a sentence a period is read from carries over to a figure: the metrics of its
/// metric words when it speaks of a total to date, none when it does not.
type Carried = Option<Vec<&'static str>>;

/// What the figures of one sentence read of it, found when the first of them needs it
/// and kept for the others: the sentence is searched once, not once per figure.
#[derive(Default)]
struct SentenceFacts {
    /// The sentence ([`LineFigures::sentence_of`] a figure), relative to the line.
    range: Range<usize>,
    /// Where its clauses break ([`words::clause_breaks`]).
    breaks: OnceCell<Vec<Range<usize>>>,
    /// Per clause: whether it names a span of years.
    spans: RefCell<HashMap<usize, bool>>,
}

impl SentenceFacts {
    /// The clause (relative to the sentence) holding byte `at` of `line`.
    fn clause(&self, line: &str, at: usize) -> Range<usize> {
        let s = &line[self.range.clone()];
        let breaks = self.breaks.get_or_init(|| words::clause_breaks(s));
        words::clause(breaks, s.len(), at - self.range.start)
    }
}

/// What a sentence says about years: a total to date, the years, a span of years.
#[derive(Clone)]
struct SentenceYears {
    stock: bool,
    years: Vec<(usize, u16)>,
}

impl LineFigures<'_, '_> {
    /// The sentence holding a figure's start (relative to the line), stretched over the
    /// figure when the splitter cut it (`Rs. 20`); where no sentence holds it, the line
    /// within [`SENTENCE_REACH`] bytes of it.
    fn sentence_of(&self, r: &Range<usize>) -> Range<usize> {
        match self.a.sentences.at(self.base + r.start) {
            Some(s) => s.start - self.base..(s.end - self.base).max(r.end),
            None => {
                text::ceil(self.text, r.start.saturating_sub(SENTENCE_REACH))
                    ..text::floor(self.text, r.end.saturating_add(SENTENCE_REACH)).max(r.end)
            }
        }
    }

    /// Reads figure `k` of the sentence `shared` holds: metric, partner, direction,
    /// year, change, share. `earlier` holds the readings of the figures before it.
    fn read(&self, k: usize, shared: &SentenceFacts, earlier: &[Reading]) -> Reading {
        let (line, found) = (self.text, &self.found);
        let sentence = &shared.range;
        let f = &found[k];
        let money = matches!(f.unit, Unit::Money(_));
        let in_sentence =
            |g: &Found| sentence.start <= g.range.start && g.range.end <= sentence.end;
        // The figures are in line order: those after the sentence's end, or before
        // its start, are not looked at.
        let next_figure = found[k + 1..]
            .iter()
            .take_while(|g| g.range.start < sentence.end)
            .find(|g| in_sentence(g))
            .map_or(sentence.end, |g| g.range.start);

        let mut reading = Reading::default();
        // Change and share, for percentages; the items of a list share the first's.
        if !money {
            let head_end = f.qualifier.as_ref().map_or(f.range.start, |q| q.1.start);
            reading.change = words::change(
                &line[sentence.start..head_end],
                &line[f.range.end..sentence.end],
            );
            reading.share_of = words::share_of(&line[f.range.end..sentence.end]).map(|p| {
                if p.is_empty() {
                    // `41.3% of which`: a share of the amount named before.
                    found[..k]
                        .iter()
                        .rev()
                        .take_while(|g| g.range.start >= sentence.start)
                        .find(|g| in_sentence(g) && matches!(g.unit, Unit::Money(_)))
                        .map_or_else(
                            || "which".to_string(),
                            |g| line[g.range.clone()].to_string(),
                        )
                } else {
                    p
                }
            });
            let previous = (0..k)
                .rev()
                .take_while(|&j| found[j].range.start >= sentence.start)
                .find(|&j| in_sentence(&found[j]) && !matches!(found[j].unit, Unit::Money(_)));
            if let Some(j) = previous
                && reading.change.is_none()
                && reading.share_of.is_none()
                && is_list_gap(&line[found[j].range.end..head_end])
            {
                reading.change = earlier[j].change;
                reading.share_of = earlier[j].share_of.clone();
            }
        }

        // Metric: for a share, what it is a share of first.
        let rel = f.range.start - sentence.start..f.range.end - sentence.start;
        let m = self.a.gazetteers().metric_words();
        let of_share = reading.share_of.as_deref().and_then(|p| {
            words::metric_words(m, p)
                .into_iter()
                .find(|w| !w.2)
                .map(|w| w.1)
        });
        reading.metric = Some(of_share.unwrap_or_else(|| {
            words::metric(
                m,
                self.metric_bytes.get_or_init(|| words::MetricBytes::of(m)),
                &line[sentence.clone()],
                rel,
                next_figure - sentence.start,
                money,
            )
        }));

        let place = Place {
            line,
            mentions: partners::of_sentence(&self.mentions, sentence),
            sentence: sentence.clone(),
            figure: f.range.clone(),
            next_figure,
            home: self.a.home(),
        };
        reading.counterpart = partners::counterpart(self.a, self.index, self.base, &place);
        if money {
            let (from, to) = partners::direction(
                reading.metric.unwrap_or("other"),
                reading.counterpart.as_deref(),
                &place,
                || sentence.start + shared.clause(line, f.range.start).start,
            );
            if from.is_some() || to.is_some() {
                reading.direction = Some(Direction { from, to });
            }
        }
        (reading.period, reading.period_kind) = self.period(shared, &f.range, reading.metric);
        reading
    }

    /// The year a figure refers to and whether it is a flow of that year or a stock.
    fn period(
        &self,
        shared: &SentenceFacts,
        figure: &Range<usize>,
        metric: Option<&'static str>,
    ) -> (Option<u16>, Option<&'static str>) {
        let line = self.text;
        let sentence = &shared.range;
        let s = &line[sentence.clone()];
        let mut known = self.sentence_years.borrow_mut();
        let SentenceYears { stock, years } =
            &*known
                .entry(sentence.start)
                .or_insert_with(|| SentenceYears {
                    stock: words::is_stock(s),
                    years: words::years(s).0,
                });
        let stock = *stock;
        let kind = |stock: bool| Some(if stock { "stock" } else { "flow" });
        let at = figure.start - sentence.start;
        let end = figure.end - sentence.start;
        // A year right after the figure (`US$ 5 billion in 2020`), else the nearest
        // before it, else one after it in the same clause (`grew by 2.91% in 2020`, not
        // `..., doubling the funding in 2019`).
        let after = |(p, _): &&(usize, u16)| *p >= end && !s[end..*p].contains([',', ';']);
        let nearest = years
            .iter()
            .find(|y| after(y) && is_adjacent_year(&s[end..y.0]))
            .or_else(|| years.iter().rev().find(|(p, _)| *p < at))
            .or_else(|| years.iter().find(after));
        if let Some(&(_, y)) = nearest {
            return (Some(y), kind(stock));
        }
        // A span of years in the figure's clause (`ODA ... for 2018 - 2021`).
        let clause = shared.clause(line, figure.start);
        let spans = *shared
            .spans
            .borrow_mut()
            .entry(clause.start)
            .or_insert_with(|| words::names_span(&s[clause]));
        if spans {
            return (None, None);
        }
        // The paragraph before. A total to date there (`In total, by the end of 2020, X
        // had 644 investment projects ...`) carries over to a figure of the same metric
        // (`Viet Nam had 20 investment projects in X, worth ...`).
        let shapes = self.year_shapes.get_or_init(|| words::year_shapes(line));
        if let Some((p, y)) = words::last_year_before(line, shapes, sentence.start) {
            let carried = self.a.sentences.at(self.base + p).is_some_and(|r| {
                let r = r.start - self.base..r.end - self.base;
                let mut known = self.carried.borrow_mut();
                let metrics = known.entry((r.start, r.end)).or_insert_with(|| {
                    let named_in = &line[r];
                    words::is_stock(named_in).then(|| {
                        words::metric_words(self.a.gazetteers().metric_words(), named_in)
                            .into_iter()
                            .map(|w| w.1)
                            .collect()
                    })
                });
                metrics
                    .as_ref()
                    .is_some_and(|ms| ms.iter().any(|&w| Some(w) == metric))
            });
            return (Some(y), kind(stock || carried));
        }
        let from_sections = self
            .a
            .sections
            .ancestry(self.index)
            .find_map(|s| words::years(&s.title).0.first().map(|p| p.1));
        match from_sections.or(self.doc_year) {
            Some(y) => (Some(y), kind(stock)),
            None => (None, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// A gap's words counted after the expression accept what the expression with
        /// the count written in it did.
        #[test]
        fn a_counted_list_gap_is_one_the_bounded_expression_accepts(
            t in crate::scan::texts_of(&[
                "for", "in", "the", "and", "Japan", "U.S.", "K", "ſ", "Việt", "2020", "x_y",
                "'s", "-", ".", " ", "  ", ",", ";", "\n", "\u{a0}", "%", "(",
            ], 26)
        ) {
            static BOUNDED: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)^[\s,;]*(?:(?:for|in|from|of|which|came|with|to|the|and|or)\b[\s,;]*|[A-Z][\w'.-]*[\s,;]*){0,8}$").unwrap()
            });
            prop_assert_eq!(is_list_gap(&t), BOUNDED.is_match(&t));
        }

        /// An ASCII gap read without the expression is one it matches.
        #[test]
        fn an_ascii_list_gap_is_one_the_expression_matches(
            t in crate::scan::texts_of(&[
                "for", "in", "the", "and", "Japan", "U.S.", "k", "5", "x_y", "_", "'s", "-", ".",
                " ", "\t", "\x0b", ",", ";", "\n", "%", "(", ":", "Q1",
            ], 14)
        ) {
            prop_assert_eq!(is_ascii_list_gap(t.as_bytes()), LIST_GAP.is_match(&t), "{:?}", t);
        }

        /// A year is read as adjacent to a figure where the expression reads it so.
        #[test]
        fn an_adjacent_year_is_one_the_expression_matches(
            t in crate::scan::texts_of(&[
                "in", "IN", "during", "for", "throughout", "the", "The", "year", "YEAR", "fiscal",
                "x_1", "5", "-", ".", " ", "  ", "\t", "\x0b", "\n", ",", "ễ", "ſ", "\u{a0}",
                "\u{2028}", "é",
            ], 9)
        ) {
            prop_assert_eq!(is_adjacent_year(&t), ADJACENT_YEAR.is_match(&t), "{:?}", t);
        }
    }

    #[test]
    fn the_fixtures_gaps_are_read_as_by_the_expressions() {
        let mut adjacent = 0;
        for line in crate::testing::fixture_lines() {
            // Each text of up to 30 bytes before a number.
            let numbers = line.char_indices().filter(|&(i, c)| {
                c.is_ascii_digit() && !line[..i].ends_with(|c: char| c.is_ascii_digit())
            });
            for (at, _) in numbers {
                let starts = (at.saturating_sub(30)..at).filter(|&i| line.is_char_boundary(i));
                for gap in starts.map(|i| &line[i..at]) {
                    assert_eq!(
                        gap.is_ascii() && is_ascii_list_gap(gap.as_bytes()),
                        gap.is_ascii() && LIST_GAP.is_match(gap),
                        "{gap:?}"
                    );
                    let y = is_adjacent_year(gap);
                    assert_eq!(y, ADJACENT_YEAR.is_match(gap), "{gap:?}");
                    adjacent += usize::from(y);
                }
            }
        }
        assert!(adjacent > 0, "{adjacent}");
    }

    #[test]
    fn a_bare_dollar_follows_the_sentence_then_the_document() {
        let m = |iso, assumed| currency::Meaning {
            iso,
            assumed,
            kind: currency::Kind::Sign,
            scale: 0,
            needs_scale: false,
        };
        let usd = m("USD", true);
        let none = || None;
        assert_eq!(currency(usd, "a $5 grant", 2, none), ("USD", true));
        let s = "AU$10.5 million and $2 million";
        assert_eq!(currency(usd, s, 20, none), ("AUD", true));
        let s = "US$ 2 million, $3 million and S$ 5 million";
        assert_eq!(currency(usd, s, 15, none), ("USD", true));
        assert_eq!(currency(usd, "$2", 0, || Some("NZD")), ("NZD", true));
        let aud = m("AUD", false);
        assert_eq!(currency(aud, "AU$5", 0, || Some("NZD")), ("AUD", false));
    }
}
