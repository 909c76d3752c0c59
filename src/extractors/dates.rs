//! Date records: one `date` record per date expression of the text.
//!
//! Takes: the [`Analysis`]'s view lines (all but the table of contents), its
//! sentences and its [`crate::Reference`] (reference year and numeric convention).
//! Gives: [`Record::Date`] records, through [`dates`], whose [`Date`]s keep the view
//! range and the values for the stages after this one (events).
//!
//! The calendar grammar ([`crate::dates`]) reads each paragraph; this stage gives a year
//! to the dates written without one: the nearest date in the same sentence that
//! writes a year (a year the text only compares with, `against 2019`, does not
//! count), else the nearest one in the paragraph, else the document's reference
//! year. A day that recurs every year (`declare December 27 as the International Day
//! of ...`) takes none: `--12-27`. A date the text counts from the document's (`later
//! this year`, `last October`) takes its year from the reference year and month, and
//! is left out when the document has no date. A bare month's year follows the tense of
//! its sentence ([`tense_shift`]). Dates inside an `http(s)://` link are no dates of
//! the text.

use super::{Earlier, Part};
use crate::analysis::Analysis;
use crate::dates::{Found, Item, Point, Relative, scan};
use crate::record::{DateRecord, Granularity, Record, YearFrom};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A date found in the view, with its values resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Date {
    /// Its range in the view.
    pub view: Range<usize>,
    /// ISO 8601 values, as in [`DateRecord::values`].
    pub values: Vec<String>,
    /// First and last day covered.
    pub start: Option<String>,
    pub end: Option<String>,
    pub granularity: Granularity,
    pub year_from: Option<YearFrom>,
    pub ambiguous: bool,
    /// A day that recurs every year (`declare December 27 as the International Day
    /// of ...`): it dates no event. A day whose year is only unknown does.
    pub recurring: bool,
}

/// One record per date of `part`, its values left empty: the stages after this one
/// (events) still read them from the part's [`Date`]s, and [`hand_over`] moves them
/// into the records once those stages are done, instead of a copy of each.
pub(crate) fn extract<'a>(
    a: &'a Analysis,
    earlier: &Earlier,
    part: &Part,
    out: &mut Vec<Record<'a>>,
) {
    let records = of_part(&earlier.dates, part).map(|d| {
        Record::Date(DateRecord {
            common: a.common(d.view.clone()),
            values: Vec::new(),
            start: None,
            end: None,
            granularity: d.granularity,
            year_from: d.year_from,
            ambiguous: d.ambiguous,
        })
    });
    out.extend(records);
}

/// Moves the values of the dates of `part` into its date records among `records`,
/// which [`extract`] made in the same order with their values left empty; the dates
/// keep their ranges and lose their values (no stage reads them after the part's
/// stages are done).
pub(crate) fn hand_over(dates: &mut [Date], part: &Part, records: &mut [Record<'_>]) {
    let first = dates.partition_point(|d| d.view.start < part.view.start);
    let mut dates = dates[first..]
        .iter_mut()
        .take_while(|d| part.holds(d.view.start));
    for r in records {
        if let Record::Date(r) = r {
            // One date for each record: a record left without one would lose its values.
            let next = dates.next();
            debug_assert!(next.is_some(), "a date record with no date of its part");
            let Some(d) = next else {
                continue;
            };
            r.values = std::mem::take(&mut d.values);
            r.start = d.start.take();
            r.end = d.end.take();
        }
    }
}

/// The dates of `part` among `dates` (in view order).
fn of_part<'d>(dates: &'d [Date], part: &Part) -> impl Iterator<Item = &'d Date> {
    let first = dates.partition_point(|d| d.view.start < part.view.start);
    dates[first..]
        .iter()
        .take_while(|d| part.holds(d.view.start))
}

/// The dates of the paragraphs of `part`, in view order.
pub(crate) fn dates(a: &Analysis, part: &Part) -> Vec<Date> {
    let text = a.view.text();
    let order = a.reference.numeric_order;
    let mut out = Vec::new();
    let paragraphs = a
        .paragraphs_in(part.lines.clone(), part.view.clone())
        .filter(|(i, _)| a.view.lines()[*i].kind.is_prose());
    for (i, paragraph) in paragraphs {
        let line = &text[paragraph.clone()];
        let mut found = scan(line, order);
        // A date in a link (`https://example.org/2024/09/21/...`) is no date of the
        // text.
        let urls = urls(line);
        if !urls.is_empty() {
            found.retain(|f| {
                !urls
                    .iter()
                    .any(|u| u.start < f.range.end && f.range.start < u.end)
            });
        }
        let base = paragraph.start;
        // `on August` / `25. Later, ...`: the day opens the next line, where the view
        // took it for the number of a list item.
        let mut last_end = None;
        if let Some((day, end)) = day_on_next_line(a, i, &paragraph, line, found.last())
            && let Some(Item::At(p)) = found.last_mut().and_then(|f| f.items.first_mut())
        {
            p.day = Some(day);
            last_end = Some(end);
        }
        let sentences: Vec<Option<Range<usize>>> = found
            .iter()
            .map(|f| a.sentences.at(base + f.range.start))
            .collect();
        for (k, f) in found.iter().enumerate() {
            let counted;
            let f = match f.relative.map(|r| (r, a.reference.year)) {
                // `next month`: the month is the document's, moved.
                Some((r @ Relative::Month(_), Some(y))) => {
                    let Some(month) = r.month(y, a.reference.month) else {
                        continue;
                    };
                    let mut moved = f.clone();
                    moved.items = vec![Item::At(Point {
                        month: Some(month),
                        ..Point::default()
                    })];
                    counted = moved;
                    &counted
                }
                _ => f,
            };
            let (year, year_from) = if let Some(relative) = f.relative {
                // Counted from the document's date: without one, no date can be read.
                let Some(y) = a.reference.year else { continue };
                let month = f.items.first().and_then(|i| i.ends().0.month);
                (
                    Some(relative.year(y, a.reference.month, month)),
                    Some(YearFrom::Document),
                )
            } else if !f.needs_year() {
                (None, f.year_written.then_some(YearFrom::Text))
            } else if let Some(y) = context_year(k, &found, &sentences, a.reference.year.is_some())
            {
                (Some(y), Some(YearFrom::Context))
            } else if let Some(y) = a.reference.year {
                let sentence = sentences[k].clone().map_or(paragraph.clone(), |s| s);
                let since = since(&line[..f.range.start]);
                let shift = tense_shift(f, a.reference.month, &text[sentence], since);
                (Some(y + shift), Some(YearFrom::Document))
            } else {
                (None, None)
            };
            let mut view = base + f.range.start..base + f.range.end;
            if k + 1 == found.len()
                && let Some(end) = last_end
            {
                view.end = end;
            }
            out.push(resolve(f, view, year, year_from));
        }
    }
    out
}

/// The day that opens the view line after line `i` when the paragraph ends with a
/// bare month (`... met on August` / `25. Later, ...`): a wrapped line that opens
/// with `25.` reads as a list item, and the view does not join it. Gives the day and
/// where it ends in the view.
fn day_on_next_line(
    a: &Analysis,
    i: usize,
    paragraph: &Range<usize>,
    line: &str,
    last: Option<&Found>,
) -> Option<(u8, usize)> {
    let f = last.filter(|f| f.relative.is_none() && f.range.end == line.trim_end().len())?;
    let [Item::At(p)] = f.items.as_slice() else {
        return None;
    };
    let month = p.month.filter(|_| p.day.is_none() && p.year.is_none())?;
    let lines = a.view.lines();
    if paragraph.end != lines[i].range.end {
        return None;
    }
    let next = lines
        .get(i + 1)
        .filter(|l| l.kind == crate::repair::LineKind::Body)?;
    let text = &a.view.text()[next.range.clone()];
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let day: u8 = text.get(..digits).filter(|_| digits <= 2)?.parse().ok()?;
    let suffix = ["st", "nd", "rd", "th"]
        .iter()
        .find(|s| text[digits..].starts_with(*s))
        .map_or(0, |s| s.len());
    let rest = &text[digits + suffix..];
    let stop = rest.starts_with('.') && rest[1..].chars().next().is_none_or(char::is_whitespace);
    (stop && (1..=crate::dates::days_in(None, month)).contains(&day))
        .then_some((day, next.range.start + digits + suffix))
}

/// Links in a line: `https://...`, `http://...`, `ftp://...`, up to the next space.
/// (A link without its scheme, `www.example.com/archive-2018-09-23`, is read: the
/// date conformance suites date such pages by it.)
fn urls(line: &str) -> Vec<Range<usize>> {
    static URL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:https?|ftp)://\S+").expect("URL pattern is valid"));
    // Most lines have none: one fast substring search rules them out.
    static SCHEME: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("://"));
    if SCHEME.find(line.as_bytes()).is_none() {
        return Vec::new();
    }
    URL.find_iter(line).map(|m| m.range()).collect()
}

/// Whether the text before a date ends with `since` (`held since July`): the
/// date is past, whatever the tense of the sentence.
fn since(before: &str) -> bool {
    let before = before.trim_end();
    before.len() >= 5
        && before.is_char_boundary(before.len() - 5)
        && before[before.len() - 5..].eq_ignore_ascii_case("since")
        && !before[..before.len() - 5].ends_with(char::is_alphanumeric)
}

/// How a year-less month or day moves from the document's year, by the tense of its
/// sentence: a month after the document's month in a sentence told in the past
/// (`pledged in October`, in a March text) is the year before's; a month before it
/// in a sentence about the future (`will host in February`) the year after's, unless
/// `since` puts it in the past (`will free those held since July`).
/// Otherwise, or when the document's month is unknown, the document's year.
fn tense_shift(f: &Found, doc_month: Option<u8>, sentence: &str, since: bool) -> i32 {
    let Some(doc_month) = doc_month else {
        return 0;
    };
    let Some(month) = f
        .items
        .first()
        .and_then(|i| i.ends().0.month)
        .filter(|_| f.items.len() == 1)
    else {
        return 0;
    };
    let future = !since && FUTURE.is_match(sentence);
    if month < doc_month && future {
        1
    } else if month > doc_month && (since || (!future && past(sentence))) {
        -1
    } else {
        0
    }
}

/// Words that put a clause in the future.
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|shall|plans?\s+to|planning\s+to|intends?\s+to|expects?\s+to|is\s+to\s+be|are\s+to\s+be|to\s+be\s+held|scheduled|upcoming|next|later\s+this|going\s+to|looks?\s+forward)\b",
    )
    .expect("future pattern is valid")
});

/// Whether a sentence is told in the past: a past auxiliary, a common irregular past,
/// or a lowercase word ending in `-ed`.
fn past(sentence: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "was", "were", "had", "did", "met", "held", "took", "made", "led", "gave", "sent", "paid",
        "spoke", "went", "came", "began", "saw", "won", "brought", "bought", "sold", "told",
        "said", "wrote", "became", "left", "hosted", "agreed",
    ];
    sentence.split(|c: char| !c.is_alphabetic()).any(|w| {
        IRREGULAR.contains(&w)
            || (w.len() >= 5 && w.ends_with("ed") && w.starts_with(char::is_lowercase))
    })
}

/// The year that the nearest date writing one lends to date `k`: in its sentence
/// (the earlier one when two are as near), else in an earlier sentence of its
/// paragraph, else — when the document gives no year (`document_year` false) — in a
/// later one. A later sentence tells of another time as often as not (`... last met in
/// May. Kishida visited Hanoi in May 2022.`): the document's date reads a bare date
/// better than it.
fn context_year(
    k: usize,
    found: &[Found],
    sentences: &[Option<Range<usize>>],
    document_year: bool,
) -> Option<i32> {
    let at = found[k].range.start;
    let nearest = |in_sentence: &dyn Fn(usize) -> bool| {
        found
            .iter()
            .enumerate()
            .filter(|&(j, f)| j != k && f.context.is_some() && in_sentence(j))
            .min_by_key(|(_, f)| (f.range.start.abs_diff(at), f.range.start))
            .and_then(|(_, f)| f.context)
    };
    nearest(&|j| sentences[j] == sentences[k])
        .or_else(|| nearest(&|j| j < k))
        .or_else(|| nearest(&|_| !document_year))
}

/// The record values of a found date given the year it lacks.
fn resolve(f: &Found, view: Range<usize>, year: Option<i32>, year_from: Option<YearFrom>) -> Date {
    let items = f.resolve(year);
    let precision = items
        .iter()
        .map(|i| {
            let (a, b) = i.ends();
            a.precision().max(b.precision())
        })
        .max()
        .unwrap_or(1);
    let granularity = match precision {
        3 => Granularity::Day,
        2 => Granularity::Month,
        _ => Granularity::Year,
    };
    let valid = f.valid();
    let values: Vec<String> = if valid {
        items.iter().map(|i| i.iso()).collect()
    } else {
        Vec::new()
    };
    let (start, end) = if valid {
        span_days(&items)
    } else {
        (None, None)
    };
    Date {
        view,
        values,
        start,
        end,
        granularity,
        year_from: if year_from.is_some() && (year.is_some() || f.year_written) {
            year_from
        } else {
            None
        },
        ambiguous: f.ambiguous,
        recurring: f.recurring,
    }
}

/// The first day of the earliest value and the last day of the latest, when every
/// value has a year.
fn span_days(items: &[Item]) -> (Option<String>, Option<String>) {
    let mut first: Option<String> = None;
    let mut last: Option<String> = None;
    for item in items {
        let (a, b) = item.ends();
        let (Some(s), Some(e)) = (a.first_day(), b.last_day()) else {
            return (None, None);
        };
        if first.as_ref().is_none_or(|f| &s < f) {
            first = Some(s);
        }
        if last.as_ref().is_none_or(|l| &e > l) {
            last = Some(e);
        }
    }
    (first, last)
}
