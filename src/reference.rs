//! The document's reference year and numeric date convention: what a date written
//! without a year, or as bare numbers, is read against.
//!
//! Takes: the [`Document`] (for a front-matter block), the [`View`] and the
//! [`Sections`], and what the caller fixed in the [`crate::Config`]. Gives: a
//! [`Reference`], computed once per document.
//!
//! The year, first found wins:
//!
//! 1. the year the caller gives ([`crate::Config::with_reference_year`]);
//! 2. a front-matter `date:` field (a `---` block opening the input);
//! 3. an article's date line among the opening lines: a line holding a date with its
//!    year and nothing else but a weekday, a time of day and separators
//!    (`9:23:48 AM | 2/14/2021` gives 2021, `Wednesday, July 20, 2022 08:20` 2022,
//!    `27/06/2023` 2023); else a news dateline opening one of the first paragraphs: a
//!    place in capitalised words, a comma, a date with its day and year, maybe the
//!    agency in brackets, and a dash (`HANOI, March 3, 2024 - ...`, `Hanoi, 15 May
//!    2024 (VNA) – ...`);
//! 4. the title: among the opening lines, a title-page or headline line, or a line in
//!    capitals, ending with a year or holding one in a date position
//!    (`DIPLOMATIC BLUEBOOK 2020`), or a year alone on the line after a line in
//!    capitals (`DIPLOMATIC BLUEBOOK` then `2020`). A publisher's imprint
//!    (`Hanoi - 2021`) is neither.
//!
//! The opening lines are the first twelve lines of the view outside the table of
//! contents, up to the first paragraph of prose (a line over 200 bytes).
//!
//! The numeric convention: the order that the document's own numeric dates settle
//! (`24/01/2021` can only be day/month, `2/14/2021` only month/day); the majority if
//! they disagree; none if they tie or there are none. The caller may fix it
//! ([`crate::Config::with_numeric_order`]).

use crate::dates::{Item, scan};
use crate::document::Document;
use crate::repair::{View, all_caps};
use crate::sections::{SectionKind, Sections};
use memchr::memchr3_iter;
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

pub use crate::vocab::NumericOrder;

/// Where the reference year was read.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceFrom {
    /// Given by the caller.
    Config,
    /// A front-matter `date:` field.
    FrontMatter,
    /// An article's date line.
    DateLine,
    /// The title.
    Title,
}

/// What dates without a year, and numeric dates, are read against.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reference {
    /// The reference year, if the document (or the caller) gives one.
    pub year: Option<i32>,
    /// The month (1-12) of the document's date, when a front-matter field or a date
    /// line gives one: with the tense of a clause, it places a bare month before or
    /// after it (`pledged in October` in a March text is the year before's).
    pub month: Option<u8>,
    /// Where the year was read.
    pub from: Option<ReferenceFrom>,
    /// The text it was read from (the title line, the date line, the front-matter
    /// value).
    pub source: Option<String>,
    /// The document's numeric date convention, if it shows one.
    pub numeric_order: Option<NumericOrder>,
}

/// How many opening lines are read for a date line or a title.
const OPENING_LINES: usize = 12;

/// A line longer than this is prose: the opening lines end before it.
const PROSE: usize = 200;

impl Reference {
    /// Reads the reference of a document. `year` and `order`, when given, win over
    /// what the document says.
    pub fn find(
        doc: &Document,
        view: &View,
        sections: &Sections,
        year: Option<i32>,
        order: Option<NumericOrder>,
    ) -> Reference {
        let numeric_order = order.or_else(|| numeric_order(view));
        let mut reference = Reference {
            numeric_order,
            ..Reference::default()
        };
        if let Some(y) = year {
            reference.year = Some(y);
            reference.from = Some(ReferenceFrom::Config);
            return reference;
        }
        let found = front_matter(doc.text(), numeric_order)
            .map(|(y, s)| (y, s, ReferenceFrom::FrontMatter))
            .or_else(|| {
                let lines = opening_lines(view);
                date_line(view, &lines, numeric_order)
                    .or_else(|| dateline_year(view, numeric_order))
                    .map(|(y, s)| (y, s, ReferenceFrom::DateLine))
                    .or_else(|| {
                        title(view, sections, &lines).map(|(y, s)| (y, s, ReferenceFrom::Title))
                    })
            });
        if let Some((y, source, from)) = found {
            if from != ReferenceFrom::Title {
                reference.month = scan(&source, numeric_order)
                    .first()
                    .and_then(|f| f.items.first())
                    .and_then(|item| item.ends().0.month)
                    .filter(|_| source.len() < 200);
            }
            reference.year = Some(y);
            reference.from = Some(from);
            reference.source = Some(source);
        }
        reference
    }
}

/// The indices of the opening lines of the view.
fn opening_lines(view: &View) -> Vec<usize> {
    view.lines()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind.is_prose())
        .take_while(|(_, l)| l.range.len() <= PROSE)
        .take(OPENING_LINES)
        .map(|(i, _)| i)
        .collect()
}

/// The value of the first of `keys` in a YAML front-matter block opening `text` (a
/// `---` line, up to the `---` or `...` that closes it), quotes removed.
pub(crate) fn front_matter_field(text: &str, keys: &[&str]) -> Option<String> {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for line in lines.take(60) {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            break;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        if keys.contains(&key.trim()) {
            return Some(value.trim().trim_matches(['"', '\'']).to_string());
        }
    }
    None
}

/// The year of a front-matter `date:` (else `published_time:`, `published:`) field,
/// and its value.
fn front_matter(text: &str, order: Option<NumericOrder>) -> Option<(i32, String)> {
    let value = front_matter_field(text, &["date", "published_time", "published"])?;
    let year = scan(&value, order)
        .iter()
        .flat_map(|f| f.items.iter())
        .find_map(|item| item.ends().0.year);
    year.map(|y| (y, value))
}

/// What a date line may hold besides its date: weekdays, times of day, zones,
/// separators.
static DATE_LINE_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            \s | [|,:;/()\[\]-]
          | (?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?
          | \d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?
          | (?:gmt|utc|ict)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?
          | updated | posted | published | last\ modified
        )*$",
    )
    .expect("date line pattern is valid")
});

/// The year of an article's date line among the opening lines, and the line.
fn date_line(view: &View, lines: &[usize], order: Option<NumericOrder>) -> Option<(i32, String)> {
    lines.iter().find_map(|&i| {
        let text = &view.text()[view.lines()[i].range.clone()];
        let found = scan(text, order);
        let [date] = found.as_slice() else {
            return None;
        };
        let Some(Item::At(p)) = date.items.first() else {
            return None;
        };
        let year = p
            .year
            .filter(|_| p.day.is_some() && date.items.len() == 1)?;
        let rest = format!("{}{}", &text[..date.range.start], &text[date.range.end..]);
        DATE_LINE_REST
            .is_match(&rest)
            .then(|| (year, text.to_string()))
    })
}

/// How far into a paragraph a news dateline may end.
const DATELINE_REACH: usize = 100;

/// A news dateline opening a paragraph ([`dateline`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// Where the paragraph's text after it starts (its dash and the space after).
    pub len: usize,
    /// Where its date ends, if it has one.
    pub date_end: Option<usize>,
    /// The year of its date, when the date gives its day and year.
    pub year: Option<i32>,
    /// Where the agency it names in brackets stands, if it names one (`VNA`).
    pub agency: Option<Range<usize>>,
}

/// The news dateline opening `text` (a paragraph), if it opens with one: a place in
/// words that open with a capital (`HANOI`, `Washington, D.C.`), then a comma and a
/// date, or the agency in brackets, or both — or a place in capitals alone — then a
/// spaced dash: `HANOI, March 3, 2024 - ...`, `Hanoi, 15 May 2024 (VNA) – ...`,
/// `Canberra (VNA) – ...`, `WASHINGTON — ...`.
pub(crate) fn dateline(text: &str, order: Option<NumericOrder>) -> Option<Dateline> {
    if !text.starts_with(char::is_uppercase) {
        return None;
    }
    let head = crate::text::after(text, 0, DATELINE_REACH);
    // The first dash (`-`, `--`, or `–` or `—`, which open with 0xE2) with a space or
    // a bracket before it and a space after it.
    let dash = memchr::memchr2_iter(b'-', 0xE2, head.as_bytes())
        .filter_map(|i| {
            let d = head[i..].chars().next()?;
            let len = match d {
                '-' if head[i + 1..].starts_with('-') => 2,
                '-' | '\u{2013}' | '\u{2014}' => d.len_utf8(),
                _ => return None,
            };
            Some((i, i + len))
        })
        .find(|&(i, end)| {
            head[..i].ends_with(|c: char| c.is_whitespace() || c == ')')
                && head[end..].starts_with(char::is_whitespace)
        })?;
    let lead = head[..dash.0].trim_end();
    // The agency, in brackets closing the lead.
    let (lead, agency) = match lead.strip_suffix(')') {
        Some(open) => {
            let at = open.rfind('(')?;
            let name = open[at + 1..].trim();
            let start = at + 1 + (open[at + 1..].len() - open[at + 1..].trim_start().len());
            (open[..at].trim_end(), Some(start..start + name.len()))
        }
        None => (lead, None),
    };
    // The place's words (up to a comma, at least) open with a capital and hold no
    // digit; without an agency or a date after a comma they are in capitals. Told
    // before the date grammar runs: most paragraphs fail here.
    let is_place = |place: &str| {
        let words: Vec<&str> = place.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        (1..=5).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) && !w.contains(char::is_numeric))
    };
    if !is_place(lead.split(',').next().unwrap_or(lead))
        || (agency.is_none() && !lead.contains(',') && !all_caps(lead))
    {
        return None;
    }
    // The date, after the place and a comma.
    let found = scan(lead, order);
    let (place, date_end, year) = match found.first() {
        Some(date) if date.range.end == lead.len() => {
            let Some(Item::At(p)) = date.items.first() else {
                return None;
            };
            let year = p.year.filter(|_| p.day.is_some() && date.items.len() == 1);
            let place = lead[..date.range.start].trim_end().strip_suffix(',')?;
            (place, Some(date.range.end), year)
        }
        Some(_) => return None,
        None => (lead, None, None),
    };
    (is_place(place) && (date_end.is_some() || agency.is_some() || all_caps(place))).then(|| {
        Dateline {
            len: text.len() - text[dash.1..].trim_start().len(),
            date_end,
            year,
            agency,
        }
    })
}

/// The news dateline ([`dateline`]) opening one of the first paragraphs (the opening
/// lines and the first of prose), and that paragraph.
pub(crate) fn opening_dateline(
    view: &View,
    order: Option<NumericOrder>,
) -> Option<(&str, Dateline)> {
    let paragraphs = view.lines().iter().filter(|l| l.kind.is_prose());
    paragraphs.take(OPENING_LINES + 1).find_map(|l| {
        let text = &view.text()[l.range.clone()];
        dateline(text, order).map(|d| (text, d))
    })
}

/// The year of the news dateline opening one of the first paragraphs
/// ([`opening_dateline`]), and the dateline up to its date.
fn dateline_year(view: &View, order: Option<NumericOrder>) -> Option<(i32, String)> {
    let (text, d) = opening_dateline(view, order)?;
    Some((d.year?, text[..d.date_end?].to_string()))
}

/// A line ending with a year: `DIPLOMATIC BLUEBOOK 2020`.
static ENDS_WITH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}]\s+(1\d{3}|2[01]\d{2})$").expect("year pattern is valid")
});

/// A line that is only a year.
static ONLY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(1\d{3}|2[01]\d{2})$").expect("year pattern is valid"));

/// The year of the title among the opening lines, and the title line.
fn title(view: &View, sections: &Sections, lines: &[usize]) -> Option<(i32, String)> {
    let text = |i: usize| view.text()[view.lines()[i].range.clone()].trim();
    let heading_lines: Vec<usize> = sections
        .all()
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::TitlePage | SectionKind::Headline))
        .map(|s| s.line)
        .collect();
    for (k, &i) in lines.iter().enumerate() {
        let line = text(i);
        let caps = all_caps(line);
        if caps || heading_lines.contains(&i) {
            if let Some(c) = ENDS_WITH_YEAR.captures(line) {
                if let Ok(y) = c[1].parse() {
                    return Some((y, line.to_string()));
                }
            }
            let year = scan(line, None)
                .iter()
                .filter(|f| f.items.len() == 1)
                .find_map(|f| f.items[0].ends().0.year);
            if let Some(y) = year {
                return Some((y, line.to_string()));
            }
        }
        if ONLY_YEAR.is_match(line) && k > 0 && all_caps(text(lines[k - 1])) {
            if let Ok(y) = line.parse() {
                return Some((y, format!("{} {line}", text(lines[k - 1]))));
            }
        }
    }
    None
}

/// A numeric date `a/b/y` (same separator: `/`, `-` or `.`), not part of a longer
/// number (a full stop may end the sentence after it).
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\d./-])(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})(?:$|[^\d./-]|\.(?:$|\D))",
    )
    .expect("numeric date pattern is valid")
});

/// The position of the next separator at or after `from` that could be the first
/// separator of a [`NUMERIC_DATE`]: a separator between digits, then one or two
/// digits, a separator and a digit again. Most lines hold none, and this is much
/// cheaper to ask than the pattern. Any byte beyond ASCII counts as a digit (the
/// pattern's digits are Unicode digits, and an ASCII separator ends a run of them).
fn date_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let digit = |b: &u8| b.is_ascii_digit() || !b.is_ascii();
    let separator = |b: &u8| matches!(b, b'/' | b'.' | b'-');
    memchr3_iter(b'/', b'.', b'-', bytes.get(from..)?)
        .map(|n| from + n)
        .find(|&at| {
            let digits = bytes[at + 1..].iter().take_while(|b| digit(b)).count();
            at > 0
                && digit(&bytes[at - 1])
                && (1..=8).contains(&digits)
                && bytes.get(at + 1 + digits).is_some_and(separator)
                && bytes.get(at + 2 + digits).is_some_and(digit)
        })
}

/// Calls `each` with the [`NUMERIC_DATE`]s of `text`, as `captures_iter` finds them,
/// without running the pattern over all of the text, only near [`date_candidate`]s.
///
/// A date's first separator is a candidate, at most 12 bytes after the date's start
/// (a character before it, two digits: 4 bytes each at most), and a date is at most
/// 43 bytes long. So for a candidate at `p`, the pattern runs from 12 bytes before it
/// (or where the last date ended) on the text up to 44 bytes after it: any date
/// starting before `p` lies wholly inside that window, where the pattern reads it as
/// in the whole text. A date found there starting before `p` is the next one; finding
/// none says that no date has its first separator at `p`.
fn numeric_dates<'t>(text: &'t str, mut each: impl FnMut(&Captures<'t>)) {
    const LEAD: usize = 12;
    const LONGEST: usize = 43;
    let bytes = text.as_bytes();
    // No date starts before `pos` that has not been found; candidates before `from`
    // have been tried.
    let (mut pos, mut from) = (0, 0);
    while let Some(p) = date_candidate(bytes, from) {
        let mut start = pos.max(p.saturating_sub(LEAD));
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = text.len().min(p + LONGEST + 1);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        // Most candidates open no date: the match alone is asked for first (no
        // captures to allocate, the fast engines), the groups only of a date found.
        let found = NUMERIC_DATE
            .find_at(&text[..end], start)
            .filter(|m| m.start() < p)
            .and_then(|_| NUMERIC_DATE.captures_at(&text[..end], start));
        match found {
            Some(c) => {
                each(&c);
                pos = c.get(0).map_or(p + 1, |m| m.end());
                from = pos;
            }
            None => from = p + 1,
        }
    }
}

/// The day/month order the document's unambiguous numeric dates show.
fn numeric_order(view: &View) -> Option<NumericOrder> {
    let (mut day_first, mut month_first) = (0, 0);
    for line in view.lines().iter().filter(|l| l.kind.is_prose()) {
        let text = &view.text()[line.range.clone()];
        numeric_dates(text, |c| {
            if c[2] != c[4] {
                return;
            }
            let (a, b): (u32, u32) = match (c[1].parse(), c[3].parse()) {
                (Ok(a), Ok(b)) => (a, b),
                _ => return,
            };
            match (a, b) {
                (13..=31, 1..=12) => day_first += 1,
                (1..=12, 13..=31) => month_first += 1,
                _ => {}
            }
        });
    }
    match day_first.cmp(&month_first) {
        std::cmp::Ordering::Greater => Some(NumericOrder::DayFirst),
        std::cmp::Ordering::Less => Some(NumericOrder::MonthFirst),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dates as [`numeric_dates`] finds them, and as the pattern does.
    fn both_ways(text: &str) -> (Vec<String>, Vec<String>) {
        let mut found = Vec::new();
        numeric_dates(text, |c| found.push(format!("{:?}", c.get(0))));
        let all = NUMERIC_DATE
            .captures_iter(text)
            .map(|c| format!("{:?}", c.get(0)))
            .collect();
        (found, all)
    }

    #[test]
    fn numeric_dates_are_found_as_the_pattern_finds_them() {
        // Every string of up to five parts from these: digits in and beyond ASCII,
        // separators, spaces and letters.
        let parts = ["1", "12", "2020", "٣", "３", "/", ".", "-", " ", "a", "é"];
        let mut texts = vec![String::new()];
        let mut dates = 0;
        for _ in 0..5 {
            texts = texts
                .iter()
                .flat_map(|t| parts.iter().map(move |p| format!("{t}{p}")))
                .collect();
            for t in &texts {
                let (found, all) = both_ways(t);
                assert_eq!(found, all, "{t:?}");
                dates += all.len();
            }
        }
        assert!(dates > 200, "{dates}");
        // Long texts: dates packed close, far apart, next to false candidates.
        let pieces = [
            "1/2/2020",
            " ",
            "5.3",
            "12-12-12",
            "x",
            "٣/٣/٢٠٢٠",
            ".",
            "3.4.5.6.2021",
            "-",
            "on 2/14/2021.",
            "2020-2025",
            "   ",
            "07/06/23",
            "(1.2.34)",
            "a1/2/33b",
        ];
        let mut seed = 7_u64;
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..40 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let (found, all) = both_ways(&t);
            assert_eq!(found, all, "{t:?}");
        }
    }
}
