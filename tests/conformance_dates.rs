//! Date conformance: the date suites of Microsoft Recognizers-Text and Facebook
//! Duckling, read as data from the directory named by `BLUEBOOK_CONFORMANCE_DIR` (by
//! default `../shared/conformance/`; see `common::conformance_dir`, which skips the test
//! where the suites are absent) and run through the whole pipeline, each case against
//! its own reference time.
//!
//! In scope: calendar dates and months, with or without a year, years in a date
//! position, and ranges and lists of them — the dates reports write. Every case is
//! sorted by the rule in [`scope`]; out-of-scope cases are counted by reason, never
//! run. Every in-scope case must pass, negatives (cases expecting nothing) included.
//! `cargo test --test conformance_dates -- --nocapture` prints the table that the
//! README quotes.
//!
//! Reading the suites:
//!
//! - Recognizers-Text extractor suites (`DateExtractor.json`, `DatePeriodExtractor.json`)
//!   give spans only. `DateExtractor` expects single days: it is compared with the
//!   day-level date records that are not ranges; `DatePeriodExtractor` expects
//!   months, years and ranges: it is compared with the other records. A case passes
//!   when the records and the expected spans pair up one to one, in order, each pair
//!   overlapping and writing the same numbers and month names (`the month of Jan`
//!   and `Jan` do).
//! - `DateTimeModel.json` gives resolutions. A case passes when the values of the
//!   records, in order, are the expected ones (a date without a year may match any
//!   of the years the suite lists for it) and the spans overlap. The suite writes a
//!   range's end as the first day of its last unit (`2014-2018` ends `2018-01-01`,
//!   `from March to May` ends `05-01`); bluebook includes both ends, so its range is
//!   compared by the first day of each end.
//! - Duckling's `Time/EN/Corpus.hs` groups inputs under one value each: a case
//!   passes when exactly one date record comes out with that value. Duckling's
//!   intervals end the day after their last day (`July 13-15` is `[07-13, 07-16)`).
//!   Its reference time is 2013-02-12 04:30 UTC-2 (`testContext`).
//!
//! Both suites are US English: numeric dates read month first
//! (`Config::with_numeric_order`), and the reference year is the case's.

mod common;

use bluebook::{Config, Document, NumericOrder, Record, extract};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

// ---- the cases ---------------------------------------------------------------------

/// What a case expects.
#[derive(Debug, Clone)]
enum Expect {
    /// Extractor spans (char offsets, end exclusive) and texts; `day` for
    /// `DateExtractor`, else `DatePeriodExtractor`.
    Spans {
        day: bool,
        spans: Vec<(usize, usize, String)>,
    },
    /// Model results: span (char offsets) and the accepted values of each.
    Values(Vec<(usize, usize, Vec<String>)>),
    /// Duckling: one date with this value (in the form [`canonical_duckling`] gives).
    One(String),
    /// Nothing at all.
    Nothing,
}

#[derive(Debug, Clone)]
struct Case {
    suite: &'static str,
    input: String,
    year: i32,
    expect: Expect,
    /// Why the case is out of scope, if it is.
    out: Option<&'static str>,
}

fn read_json(dir: &Path, name: &str) -> Vec<Value> {
    let path = dir
        .join("recognizers-text/Specs/DateTime/English")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("suite is readable");
    let text = text.trim_start_matches('\u{feff}');
    serde_json::from_str(text).expect("suite is JSON")
}

fn reference_year(case: &Value) -> i32 {
    case.pointer("/Context/ReferenceDateTime")
        .and_then(Value::as_str)
        .and_then(|s| s.get(..4))
        .and_then(|y| y.parse().ok())
        .unwrap_or(2016)
}

/// Char offsets of a Recognizers-Text result (`Start` with `Length` or an inclusive
/// `End`).
fn char_span(r: &Value) -> (usize, usize) {
    let start = r["Start"].as_u64().unwrap_or(0) as usize;
    let end = match (r.get("Length"), r.get("End")) {
        (Some(l), _) => start + l.as_u64().unwrap_or(0) as usize,
        (None, Some(e)) => e.as_u64().unwrap_or(0) as usize + 1,
        _ => start,
    };
    (start, end)
}

fn extractor_cases(dir: &Path, name: &'static str, day: bool) -> Vec<Case> {
    read_json(dir, name)
        .iter()
        .map(|c| {
            let input = c["Input"].as_str().unwrap_or_default().to_string();
            let results = c["Results"].as_array().cloned().unwrap_or_default();
            let spans: Vec<(usize, usize, String)> = results
                .iter()
                .map(|r| {
                    let (s, e) = char_span(r);
                    (s, e, r["Text"].as_str().unwrap_or_default().to_string())
                })
                .collect();
            let out = spans.iter().find_map(|(_, _, t)| scope(t));
            let expect = if spans.is_empty() {
                Expect::Nothing
            } else {
                Expect::Spans { day, spans }
            };
            Case {
                suite: name,
                year: reference_year(c),
                input,
                expect,
                out,
            }
        })
        .collect()
}

fn model_cases(dir: &Path) -> Vec<Case> {
    read_json(dir, "DateTimeModel.json")
        .iter()
        .map(|c| {
            let input = c["Input"].as_str().unwrap_or_default().to_string();
            let results = c["Results"].as_array().cloned().unwrap_or_default();
            let mut out = None;
            let mut expected = Vec::new();
            for r in &results {
                let type_name = r["TypeName"].as_str().unwrap_or_default();
                let text = r["Text"].as_str().unwrap_or_default();
                if !matches!(type_name, "datetimeV2.date" | "datetimeV2.daterange") {
                    out = out.or(Some(out_of_scope_type(type_name)));
                    continue;
                }
                out = out.or(scope(text));
                let values = r
                    .pointer("/Resolution/values")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let accepted: Vec<String> = values.iter().filter_map(canonical_rt).collect();
                if accepted.is_empty() {
                    out = out.or(Some(REASON_UNRESOLVED));
                }
                let (s, e) = char_span(r);
                expected.push((s, e, accepted));
            }
            let expect = if results.is_empty() {
                Expect::Nothing
            } else {
                Expect::Values(expected)
            };
            Case {
                suite: "DateTimeModel.json",
                year: reference_year(c),
                input,
                expect,
                out,
            }
        })
        .collect()
}

/// A Recognizers-Text resolution value in the comparison form: `2016-11-07`,
/// `2017-04`, `2008`, or `2016-01-12..2016-01-22` for a range (first days of its
/// ends).
fn canonical_rt(v: &Value) -> Option<String> {
    let timex = v["timex"].as_str()?;
    match v["type"].as_str()? {
        "date" => v["value"].as_str().map(str::to_string),
        "daterange" => {
            let start = v["start"].as_str()?;
            let end = v["end"].as_str()?;
            if timex.starts_with('(') {
                return Some(format!("{start}..{end}"));
            }
            let month_or_year = timex.len() == 7 || timex.len() == 4;
            month_or_year.then(|| start[..timex.len()].to_string())
        }
        _ => None,
    }
}

// ---- Duckling ----------------------------------------------------------------------

/// The sections of Duckling's corpus file, in file order.
const DUCKLING_SECTIONS: &[(&str, &str)] = &[
    ("defaultCorpus ::", "Duckling custom (defaultCorpus)"),
    ("negativeCorpus ::", "Duckling negativeCorpus"),
    ("latentCorpus ::", "Duckling latentCorpus"),
    ("diffContext ::", "Duckling diffCorpus"),
    ("allExamples ::", "Duckling allExamples"),
];

fn duckling_cases(dir: &Path) -> Vec<Case> {
    let path = dir.join("duckling/Duckling/Time/EN/Corpus.hs");
    let src = std::fs::read_to_string(path).expect("corpus is readable");
    let starts: Vec<(usize, &'static str)> = DUCKLING_SECTIONS
        .iter()
        .map(|(marker, name)| (src.find(marker).expect("section marker"), *name))
        .collect();
    let section_at = |pos: usize| {
        starts
            .iter()
            .rev()
            .find(|(s, _)| *s <= pos)
            .map_or("Duckling", |(_, n)| *n)
    };
    let mut cases = Vec::new();
    // Positive groups: `examples (VALUE) [ "...", ... ]`.
    let mut at = 0;
    while let Some(found) = src[at..].find("examples (") {
        let open = at + found + "examples ".len();
        let Some(close) = matching_paren(&src, open) else {
            break;
        };
        let value = &src[open + 1..close];
        let Some((strings, end)) = string_list(&src, close + 1) else {
            at = close;
            continue;
        };
        at = end;
        let section = section_at(open);
        let (expected, out) = duckling_value(value);
        for input in strings {
            let out = match section {
                "Duckling latentCorpus" => Some(REASON_LATENT),
                "Duckling diffCorpus" => Some(REASON_RELATIVE),
                _ => out.or_else(|| scope(&input)),
            };
            cases.push(Case {
                suite: section,
                input,
                year: 2013,
                expect: Expect::One(expected.clone()),
                out,
            });
        }
    }
    // The negative list: `examples = [ "...", ... ]` in `negativeCorpus`.
    let neg = starts[1].0;
    let list = neg + src[neg..].find("examples =").expect("negative list");
    let (strings, _) = string_list(&src, list + "examples =".len()).expect("negative strings");
    for input in strings {
        cases.push(Case {
            suite: "Duckling negativeCorpus",
            input,
            year: 2013,
            expect: Expect::Nothing,
            out: None,
        });
    }
    cases
}

/// The index of the `)` closing the `(` at `open`.
fn matching_paren(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The string literals of the `[ ... ]` list after `from` (comments skipped), and
/// the index after it.
fn string_list(s: &str, from: usize) -> Option<(Vec<String>, usize)> {
    let b = s.as_bytes();
    let mut i = from;
    // Up to the opening bracket: only blanks and comments.
    loop {
        match b.get(i)? {
            b' ' | b'\n' | b'\r' | b'\t' => i += 1,
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while b.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            b'[' => break,
            _ => return None,
        }
    }
    i += 1;
    let mut out = Vec::new();
    while let Some(&c) = b.get(i) {
        match c {
            b']' => return Some((out, i + 1)),
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while b.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            b'"' => {
                let mut lit = String::new();
                i += 1;
                loop {
                    let c = *b.get(i)?;
                    match c {
                        b'\\' => {
                            lit.push(char::from(*b.get(i + 1)?));
                            i += 2;
                        }
                        b'"' => {
                            i += 1;
                            break;
                        }
                        _ => {
                            let ch = s[i..].chars().next()?;
                            lit.push(ch);
                            i += ch.len_utf8();
                        }
                    }
                }
                out.push(lit);
            }
            _ => i += 1,
        }
    }
    None
}

/// A Duckling value in the comparison form, or why it is out of scope.
fn duckling_value(value: &str) -> (String, Option<&'static str>) {
    let words: Vec<&str> = value
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let numbers: Vec<i64> = words.iter().filter_map(|w| w.parse().ok()).collect();
    let grain = words
        .iter()
        .rev()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase))
        .copied()
        .unwrap_or_default();
    let constructor = words.first().copied().unwrap_or_default();
    let out = match constructor {
        "datetimeHoliday" | "datetimeIntervalHoliday" => Some(REASON_HOLIDAY),
        "datetimeOpenInterval" => Some(REASON_OPEN),
        _ => match grain {
            "Day" | "Month" | "Year" => None,
            "Week" | "Quarter" => Some(REASON_WEEKS),
            _ => Some(REASON_TIME),
        },
    };
    let date = |n: &[i64]| format!("{:04}-{:02}-{:02}", n[0], n[1], n[2]);
    let canonical = match (constructor, numbers.len()) {
        ("datetime", 6..) => match grain {
            "Year" => format!("{:04}", numbers[0]),
            "Month" => format!("{:04}-{:02}", numbers[0], numbers[1]),
            _ => date(&numbers),
        },
        ("datetimeInterval", 12..) => format!("{}..{}", date(&numbers), date(&numbers[6..])),
        _ => String::new(),
    };
    (canonical, out)
}

// ---- scope -------------------------------------------------------------------------

const REASON_TIME: &str = "times of day, durations, sets (`3pm`, `for 2 hours`, `each week`)";
const REASON_WEEKDAY: &str = "weekdays (`friday`, `Monday, Feb 18`)";
const REASON_RELATIVE: &str =
    "relative expressions (`today`, `next june`, `this week`, `two weeks from now`)";
const REASON_HOLIDAY: &str = "holidays (`thanksgiving`, `Eid al-Fitr 2018`)";
const REASON_OPEN: &str = "open-ended ranges (`since August`, `before 2018`, `2018 or later`)";
const REASON_WEEKS: &str = "weeks, quarters, seasons, decades, centuries, and a week or month named by a day in it (`week 31`, `Q3`, `summer 2016`, `the 1970s`, `month of september.15th`)";
const REASON_PARTS: &str =
    "parts of a month or year (`early March`, `end of 2012`, `mid-November`)";
const REASON_WORDS: &str = "numbers written in words (`march first`, `twenty second of june`, `two thousand and eighteen`)";
const REASON_DAY_ALONE: &str = "a day of the month alone (`the 27th`, `on 15`)";
const REASON_NO_YEAR: &str = "numeric month/day without a year (`2/15`, `4-22`, `from 10/1 to 11/7`): in prose, ratios, ranges and votes (`192/193`, `10-20 visits`)";
const REASON_TWO_DIGIT: &str = "a two-digit year after a month name (`August 99`, `14th April 15`): in prose, a count (`in August 45 people ...`)";
const REASON_COMPACT: &str = "dates without separators (`20200701`): in prose, an identifier";
const REASON_DOT_MONTH: &str = "a year and month with a dot (`2015.3`): in prose, a decimal";
const REASON_SPACED: &str = "numeric month and year spaced around the separator (`11 / 2016`, `2016 - 11`): in prose, arithmetic or a range";
const REASON_YEAR_COMMA_MONTH: &str = "a year, a comma, then a month (`2016, nov`): in prose, two phrases (`In 2019, May's government ...`)";
const REASON_ORDER: &str =
    "a year between day and month (`September-2020-23`, `2020/23/Sep`): no English order";
const REASON_SPACES: &str =
    "numeric dates written with spaces only (`2016 10 16`): in prose, a list of numbers";
const REASON_LATENT: &str = "Duckling's latent readings (a bare `1974`, `May`, `the 24`, `1960 - 1961`): Duckling itself makes them only on request";
const REASON_OTHER: &str = "other wording (`the ides of march`, `the day`, `year 247`)";
const REASON_UNRESOLVED: &str = "no resolved value in the suite";

fn out_of_scope_type(type_name: &str) -> &'static str {
    match type_name {
        "datetimeV2.set"
        | "datetimeV2.duration"
        | "datetimeV2.time"
        | "datetimeV2.timerange"
        | "datetimeV2.datetime"
        | "datetimeV2.datetimerange" => REASON_TIME,
        _ => REASON_OTHER,
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const CONNECTIVES: &[&str] = &[
    "on", "in", "of", "the", "from", "to", "till", "until", "through", "thru", "between", "and",
    "or", "during", "month", "year",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "weekday",
    "weekdays",
];
const RELATIVE: &[&str] = &[
    "today",
    "tomorrow",
    "tmrw",
    "yesterday",
    "now",
    "next",
    "last",
    "this",
    "that",
    "these",
    "ago",
    "later",
    "coming",
    "past",
    "previous",
    "following",
    "upcoming",
    "current",
    "same",
    "tonight",
    "hence",
    "future",
    "after",
    "before",
    "prior",
    "earlier",
    "recent",
    "day",
    "days",
    "weeks",
    "months",
    "years",
];
const OPEN: &[&str] = &[
    "since", "starting", "greater", "later", "onwards", "onward", "than",
];
const PERIODS: &[&str] = &[
    "week",
    "weekend",
    "wkend",
    "quarter",
    "qtr",
    "q1",
    "q2",
    "q3",
    "q4",
    "summer",
    "winter",
    "spring",
    "fall",
    "autumn",
    "decade",
    "decades",
    "century",
    "centuries",
    "s",
    "w",
    "h1",
    "h2",
];
const PARTS: &[&str] = &[
    "early",
    "mid",
    "middle",
    "late",
    "end",
    "beginning",
    "start",
    "rest",
    "half",
    "eoy",
];
const NUMBER_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fifteenth",
    "seventeenth",
    "twentieth",
    "thirtieth",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fifteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "hundred",
    "thousand",
    "zero",
    "nineteenth",
    "fifteen",
    "seventies",
    "nineties",
    "ninety",
    "seventy",
    "eighty",
    "sixty",
    "fifty",
    "forty",
    "noughties",
    "tens",
    "twenties",
];

/// Why a text (an expected entity, or a Duckling input) is outside bluebook's date
/// scope, or none. The rule: every word is a month name, a number in digits (with
/// its ordinal suffix) or one of a few connectives (`on`, `in`, `of`, `the`, `from`,
/// `to`, `till`, `until`, `through`, `between`, `and`, `or`, `during`, `month`,
/// `year`); a month or a year is written; and the text is none of the forms bluebook
/// leaves alone on purpose (numeric month/day without a year, two-digit years after
/// a month name, dates without separators, `2015.3`, spaced numeric months, a year,
/// a comma, then a month).
fn scope(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = token_re().find_iter(&lower).map(|m| m.as_str()).collect();
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.chars().next().is_some_and(|c| c.is_alphabetic()))
        .collect();
    let in_list = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if regex_is(
        r"\d:\d|\b\d+\s*(am|pm|a\.m|p\.m|a|p)\b|\bnoon\b|\bmorning|\bnight|\bevening|\bafternoon|\bhours?\b|\bminutes?\b",
        &lower,
    ) {
        return Some(REASON_TIME);
    }
    if in_list(WEEKDAYS) {
        return Some(REASON_WEEKDAY);
    }
    if in_list(OPEN) || regex_is(r"\bafter \d{4}|\bbefore \d{4}|\bor later\b", &lower) {
        return Some(REASON_OPEN);
    }
    if in_list(RELATIVE) || regex_is(r"\d+\s+(year|month)s?\b", &lower) {
        return Some(REASON_RELATIVE);
    }
    if in_list(PERIODS)
        || regex_is(
            r"\d{2,4}'?s\b|\bw\d|\bq\d|\d+q\d|\bmonth of [a-z]+\.?\s*\d",
            &lower,
        )
    {
        return Some(REASON_WEEKS);
    }
    if in_list(PARTS) {
        return Some(REASON_PARTS);
    }
    if in_list(NUMBER_WORDS) || lower.contains("twenty-") || lower.contains("thirty-") {
        return Some(REASON_WORDS);
    }
    let symbol = tokens.iter().any(|t| {
        t.chars().count() == 1
            && !t
                .chars()
                .all(|c| c.is_alphanumeric() || "/-.,'~()".contains(c))
    });
    if symbol
        || words
            .iter()
            .any(|w| !MONTHS.contains(w) && !CONNECTIVES.contains(w) && !is_ordinal(w))
    {
        return Some(REASON_OTHER);
    }
    let month = in_list(MONTHS);
    let year4 = regex_is(r"(^|\D)\d{4}(\D|$)", &lower);
    let numeric_triple = regex_is(
        r"(^|[^\d/.-])(\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}-\d{1,2}-\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4})($|[^\d/.-])",
        &lower,
    );
    if regex_is(r"\d{8}", &lower) {
        return Some(REASON_COMPACT);
    }
    if regex_is(r"(^|\D)(\d{3}|\d{5,})(\D|$)", &lower) {
        return Some(REASON_OTHER);
    }
    if !month && !year4 && !numeric_triple {
        return Some(if regex_is(r"\d\s*[/.-]\s*\d", &lower) {
            REASON_NO_YEAR
        } else {
            REASON_DAY_ALONE
        });
    }
    if regex_is(
        r"\d{4}[/.-]\d{1,2}[/.-][a-z]|[a-z][/.-]\d{4}[/.-]\d|\d[/.-]\d{4}[/.-][a-z]",
        &lower,
    ) {
        return Some(REASON_ORDER);
    }
    if regex_is(
        r"\d{4}\s+\d{1,2}\s+\d{1,2}|\d{1,2}\s+\d{1,2}\s+\d{4}",
        &lower,
    ) {
        return Some(REASON_SPACES);
    }
    if regex_is(r"^\D*\d{4}\.\d{1,2}\D*$", &lower) {
        return Some(REASON_DOT_MONTH);
    }
    let spaced = r"(^|[^\d/.-])(\d{1,2}\s+[/-]\s*\d{4}|\d{1,2}\s*[/-]\s+\d{4}|\d{4}\s+[/-]\s*\d{1,2}|\d{4}\s*[/-]\s+\d{1,2})($|[^\d/.-])";
    if regex_is(spaced, &lower) {
        return Some(REASON_SPACED);
    }
    if regex_is(r"\d{4}\s*,\s*[a-z]", &lower) {
        return Some(REASON_YEAR_COMMA_MONTH);
    }
    if month && !year4 && !numeric_triple {
        // A month name and numbers, but no four-digit year: a two-digit year after the
        // month (`august 99`, `14th april 15`, `april of 87`)?
        let after_month = regex_captures(
            &format!(r"{MONTH_RE}\.?\s+(?:of\s+)?(\d{{2}})(?:\D|$)"),
            &lower,
        )
        .and_then(|n| n.parse::<u32>().ok());
        let day_before = regex_is(
            &format!(r"\d+(st|nd|rd|th)?\s+(of\s+)?{MONTH_RE}\.?\s+(of\s+)?\d{{2}}(\D|$)"),
            &lower,
        );
        if after_month.is_some_and(|n| n > 31 || day_before) {
            return Some(REASON_TWO_DIGIT);
        }
    }
    // `between 2015 and 2018`, `2014-2018` with no month: years, in scope; bare
    // numeric pairs without a year and no month were caught above.
    if !month && !year4 && numeric_triple {
        return None;
    }
    if !month && year4 && regex_is(r"^\D*\d{1,2}\s*[/.-]\s*\d{1,2}\D*$", &lower) {
        return Some(REASON_NO_YEAR);
    }
    None
}

fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].contains(&&w[digits.len()..])
}

/// A month name, for the patterns above.
const MONTH_RE: &str = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

fn token_re() -> &'static regex::Regex {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\d+(?:st|nd|rd|th)\b|[^\W\d_]+|\d+|\S").expect("valid")
    });
    &RE
}

/// A pattern of the scope rule, compiled once.
fn re(pattern: &str) -> regex::Regex {
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<String, regex::Regex>> =
            Default::default();
    }
    CACHE.with(|c| {
        c.borrow_mut()
            .entry(pattern.to_string())
            .or_insert_with(|| regex::Regex::new(pattern).expect("valid pattern"))
            .clone()
    })
}

fn regex_is(pattern: &str, s: &str) -> bool {
    re(pattern).is_match(s)
}

fn regex_captures(pattern: &str, s: &str) -> Option<String> {
    re(pattern)
        .captures(s)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

// ---- running -----------------------------------------------------------------------

/// A date record as the comparison sees it: char span, text, values, granularity.
#[derive(Debug)]
struct Got {
    start: usize,
    end: usize,
    text: String,
    values: Vec<String>,
    day: bool,
}

fn run(input: &str, year: i32) -> Vec<Got> {
    let doc = Document::from_bytes("case.txt", input.as_bytes().to_vec()).expect("text input");
    let config = Config::default()
        .with_reference_year(year)
        .with_numeric_order(NumericOrder::MonthFirst);
    extract(&doc, &config)
        .into_iter()
        .filter_map(|r| match r {
            Record::Date(d) => Some(d),
            _ => None,
        })
        .map(|d| {
            let (s, e) = (d.common.span.0, d.common.span.1);
            let start = input[..s].chars().count();
            let end = start + input[s..e].chars().count();
            let single = d.values.iter().all(|v| !v.contains('/'));
            Got {
                start,
                end,
                text: d.common.text.to_string(),
                day: single && d.granularity == bluebook::record::Granularity::Day,
                values: d.values,
            }
        })
        .collect()
}

/// The numbers and month names a text writes, for comparing spans.
fn material(text: &str) -> Vec<String> {
    token_re()
        .find_iter(&text.to_lowercase())
        .map(|m| m.as_str().to_string())
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()) || MONTHS.contains(&t.as_str()))
        .map(|t| match MONTHS.iter().position(|m| *m == t) {
            Some(i) => format!(
                "m{}",
                [
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12
                ][i]
            ),
            None => t.trim_start_matches('0').to_string(),
        })
        .collect()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// A bluebook value in Recognizers-Text's comparison form.
fn as_rt(value: &str) -> String {
    match value.split_once('/') {
        Some((a, b)) => format!("{}..{}", first_day(a), first_day(b)),
        None => value.to_string(),
    }
}

/// A bluebook value in Duckling's comparison form (intervals end the day after).
fn as_duckling(value: &str) -> String {
    match value.split_once('/') {
        Some((a, b)) => format!("{}..{}", first_day(a), day_after_last(b)),
        None => value.to_string(),
    }
}

fn first_day(v: &str) -> String {
    match v.len() {
        4 => format!("{v}-01-01"),
        7 => format!("{v}-01"),
        _ => v.to_string(),
    }
}

fn day_after_last(v: &str) -> String {
    let n: Vec<i32> = v.split('-').filter_map(|p| p.parse().ok()).collect();
    let (y, m, d) = match n.as_slice() {
        [y] => return format!("{:04}-01-01", y + 1),
        [y, m] => {
            return if *m == 12 {
                format!("{:04}-01-01", y + 1)
            } else {
                format!("{y:04}-{:02}-01", m + 1)
            };
        }
        [y, m, d] => (*y, *m, *d),
        _ => return v.to_string(),
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if d < days[(m - 1) as usize] {
        format!("{y:04}-{m:02}-{:02}", d + 1)
    } else if m < 12 {
        format!("{y:04}-{:02}-01", m + 1)
    } else {
        format!("{:04}-01-01", y + 1)
    }
}

/// Whether a case passes; the reason when not.
fn check(case: &Case) -> Result<(), String> {
    let got = run(&case.input, case.year);
    match &case.expect {
        Expect::Nothing => {
            // The extractor suites expect nothing of their own kind.
            let relevant: Vec<&Got> = got
                .iter()
                .filter(|g| match case.suite {
                    "DateExtractor.json" => g.day,
                    "DatePeriodExtractor.json" => !g.day,
                    _ => true,
                })
                .collect();
            if relevant.is_empty() {
                Ok(())
            } else {
                Err(format!("expected nothing, got {relevant:?}"))
            }
        }
        Expect::Spans { day, spans } => {
            let mine: Vec<&Got> = got.iter().filter(|g| g.day == *day).collect();
            if mine.len() != spans.len() {
                return Err(format!("expected {spans:?}, got {mine:?}"));
            }
            for (g, (s, e, text)) in mine.iter().zip(spans) {
                if !overlaps((g.start, g.end), (*s, *e)) || material(&g.text) != material(text) {
                    return Err(format!("expected {text:?} at {s}, got {g:?}"));
                }
            }
            Ok(())
        }
        Expect::Values(expected) => {
            // A day that does not exist: the suite has `not resolved`, bluebook no value.
            let values: Vec<String> = got
                .iter()
                .flat_map(|g| {
                    if g.values.is_empty() {
                        vec!["not resolved".to_string()]
                    } else {
                        g.values.iter().map(|v| as_rt(v)).collect()
                    }
                })
                .collect();
            let ok = values.len() == expected.len()
                && values
                    .iter()
                    .zip(expected)
                    .all(|(v, (_, _, accepted))| accepted.contains(v))
                && expected
                    .iter()
                    .all(|(s, e, _)| got.iter().any(|g| overlaps((g.start, g.end), (*s, *e))))
                && got.iter().all(|g| {
                    expected
                        .iter()
                        .any(|(s, e, _)| overlaps((g.start, g.end), (*s, *e)))
                });
            if ok {
                Ok(())
            } else {
                Err(format!("expected {expected:?}, got {got:?}"))
            }
        }
        Expect::One(value) => match got.as_slice() {
            [g] if g.values.len() == 1 && as_duckling(&g.values[0]) == *value => Ok(()),
            _ => Err(format!("expected {value}, got {got:?}")),
        },
    }
}

#[derive(Default)]
struct Tally {
    cases: usize,
    in_scope: usize,
    passed: usize,
    out: BTreeMap<&'static str, usize>,
}

#[test]
fn every_in_scope_date_case_passes() {
    let Some(dir) = common::conformance_dir() else {
        return;
    };
    let mut cases = extractor_cases(&dir, "DateExtractor.json", true);
    cases.extend(extractor_cases(&dir, "DatePeriodExtractor.json", false));
    cases.extend(model_cases(&dir));
    cases.extend(duckling_cases(&dir));

    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        let t = tallies.entry(case.suite).or_default();
        t.cases += 1;
        if let Some(reason) = case.out {
            *t.out.entry(reason).or_default() += 1;
            continue;
        }
        t.in_scope += 1;
        if std::env::var_os("CONFORMANCE_SHOW_IN").is_some() {
            println!("IN [{}] {:?} {:?}", case.suite, case.input, case.expect);
        }
        match check(case) {
            Ok(()) => t.passed += 1,
            Err(e) => failures.push(format!("[{}] {:?}: {e}", case.suite, case.input)),
        }
    }

    println!("| suite | cases | in scope | passed | pass rate |");
    println!("|---|---|---|---|---|");
    for (suite, t) in &tallies {
        let rate = if t.in_scope == 0 {
            "-".to_string()
        } else {
            format!("{:.1}%", 100.0 * t.passed as f64 / t.in_scope as f64)
        };
        println!(
            "| {suite} | {} | {} | {} | {rate} |",
            t.cases, t.in_scope, t.passed
        );
    }
    let mut reasons: BTreeMap<&'static str, BTreeMap<&'static str, usize>> = BTreeMap::new();
    for (suite, t) in &tallies {
        for (reason, n) in &t.out {
            *reasons.entry(reason).or_default().entry(suite).or_default() += n;
        }
    }
    println!("\n| out of scope | cases |");
    println!("|---|---|");
    for (reason, by_suite) in &reasons {
        let detail: Vec<String> = by_suite.iter().map(|(s, n)| format!("{s} {n}")).collect();
        println!("| {reason} | {} |", detail.join(", "));
    }
    if std::env::var_os("CONFORMANCE_SHOW_OUT").is_some() {
        for case in cases.iter().filter(|c| c.out.is_some()) {
            println!(
                "OUT [{}] {:?}: {}",
                case.suite,
                case.input,
                case.out.unwrap_or_default()
            );
        }
    }
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} in-scope cases fail",
        failures.len()
    );
}

#[test]
fn the_scope_rule_reads_as_documented() {
    assert_eq!(scope("29 July 2020"), None);
    assert_eq!(scope("from 4 to 22 January, 2017"), None);
    assert_eq!(scope("the month of Jan"), None);
    assert_eq!(scope("2/15"), Some(REASON_NO_YEAR));
    assert_eq!(scope("the 27th"), Some(REASON_DAY_ALONE));
    assert_eq!(scope("next june"), Some(REASON_RELATIVE));
    assert_eq!(scope("Monday, Feb 18"), Some(REASON_WEEKDAY));
    assert_eq!(scope("August 99"), Some(REASON_TWO_DIGIT));
    assert_eq!(scope("14th April 15"), Some(REASON_TWO_DIGIT));
    assert_eq!(scope("April 15"), None);
    assert_eq!(scope("march first"), Some(REASON_WORDS));
}
