//! The calendar grammar: finding dates in a line of text and reading their values.
//!
//! Takes: one line of text (a paragraph of the view, a date line, a front-matter
//! value) and the document's numeric convention (day/month or month/day), if known.
//! Gives: [`Found`] dates, each with its byte range in the line and its [`Item`]s —
//! calendar points or ranges of them — as written: a year the text does not give is
//! left out, for the caller to take from the context ([`Found::resolve`]).
//!
//! It knows nothing of documents, sentences or records: the date extractor and the
//! reference stage both read lines through it. What it reads:
//!
//! - days: `29 July 2020`, `1st August 2020`, `the 4th of July`, `September 10, 2023`,
//!   `Dec. 31, 1994`, `December 27`, `2/14/2021`, `27/06/2023`, `2015-03-03`,
//!   `31-Oct-74`;
//! - months: `November 2020`, `Jan, 2001`, `2014-10`, `3/2015`, a bare month in a
//!   date position (`In November, ...`, `the month of May`);
//! - years in a date position: `in 2020`, `by the end of 2020`, `2020 was ...`;
//! - lists sharing a year: `January and December 2020`, `March, May and August 2020`,
//!   `18 and 19 June`;
//! - ranges: `4-6 December 2020`, `18 January 1950 - 18 January 2020`, `from October
//!   30 to November 1, 2022`, `April 10-11, 2023`, `Jan-Feb 2017`, `the 2016-2020
//!   period`, `between 2015 and 2018`;
//! - parts of a year and decades: `the first half of 2022` (`2022-01/2022-06`), `the
//!   third quarter of 2021`, `Q1 2022`, `H2 2021`, `the 2020s` (`2020/2029`);
//! - years and months counted from the document's date ([`Relative`]): `this year`,
//!   `later this year`, `early next year`, `last year`, `last October`, `next March`,
//!   `the first half of next year`.
//!
//! What it leaves alone: years inside names (`Vision 2040`, `the 2030 Agenda`,
//! `Resolution 2254`, `the Trade Act of 1974`, `Clean Energy Transition in the 2030s`), numbers
//! that are part of a bigger number or code (`6,107.31`, `138-2010-2015`,
//! `2013/QD-TTg`), numeric month/day pairs without a year (`192/193`, `10-20 visits`),
//! times, weekdays and days counted from the document's (`today`, `next week`).

mod grammar;
mod lexer;

pub(crate) use grammar::scan;

use crate::vocab::NumericOrder;
use std::cmp::Ordering;
use std::ops::Range;

/// A calendar point as written: year, month and day, any of which may be missing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Point {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Point {
    pub(crate) fn year(y: i32) -> Point {
        Point {
            year: Some(y),
            ..Point::default()
        }
    }

    /// Its precision: 3 day, 2 month, 1 year.
    pub(crate) fn precision(self) -> u8 {
        if self.day.is_some() {
            3
        } else if self.month.is_some() {
            2
        } else {
            1
        }
    }

    /// Whether it names a day that exists (a point without a day always does).
    pub(crate) fn valid(self) -> bool {
        match (self.month, self.day) {
            (Some(m), Some(d)) => d >= 1 && d <= days_in(self.year, m),
            (Some(m), None) => (1..=12).contains(&m),
            _ => true,
        }
    }

    /// Compares two points by month and day only (for ranges within a year).
    fn cmp_in_year(self, other: Point) -> Ordering {
        (self.month.unwrap_or(1), self.day.unwrap_or(1))
            .cmp(&(other.month.unwrap_or(1), other.day.unwrap_or(1)))
    }

    /// The ISO 8601 form: `2020`, `2020-11`, `2020-07-29`, and without a year
    /// `--11` and `--12-27`.
    pub(crate) fn iso(self) -> String {
        let mut s = String::with_capacity(10);
        match self.year {
            Some(y) => push_year(&mut s, y),
            None => s.push('-'),
        }
        if let Some(m) = self.month {
            s.push('-');
            push_two(&mut s, m);
            if let Some(d) = self.day {
                s.push('-');
                push_two(&mut s, d);
            }
        }
        s
    }

    /// The first day it covers, as `YYYY-MM-DD` (none without a year).
    pub(crate) fn first_day(self) -> Option<String> {
        let y = self.year?;
        Some(day_iso(y, self.month.unwrap_or(1), self.day.unwrap_or(1)))
    }

    /// The last day it covers, as `YYYY-MM-DD` (none without a year).
    pub(crate) fn last_day(self) -> Option<String> {
        let y = self.year?;
        let m = self.month.unwrap_or(12);
        let d = self.day.unwrap_or_else(|| days_in(Some(y), m));
        Some(day_iso(y, m, d))
    }
}

/// `YYYY-MM-DD`.
fn day_iso(y: i32, m: u8, d: u8) -> String {
    let mut s = String::with_capacity(10);
    push_year(&mut s, y);
    s.push('-');
    push_two(&mut s, m);
    s.push('-');
    push_two(&mut s, d);
    s
}

/// The numbers below 100 written with two digits, one after the other: `00`, `01`,
/// ... `99`.
const PAIRS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

/// Number `n` (below 100) with two digits, borrowed from [`PAIRS`]: two digits are
/// copied at once, not pushed a character at a time.
fn pair(n: u16) -> &'static str {
    let at = usize::from(n) * 2;
    &PAIRS[at..at + 2]
}

/// Writes a year with at least four digits (`0987`), as `{y:04}` does; dates are
/// written for every record, so without the formatting machinery.
fn push_year(s: &mut String, y: i32) {
    match u16::try_from(y) {
        Ok(y) if y <= 9999 => {
            s.push_str(pair(y / 100));
            s.push_str(pair(y % 100));
        }
        _ => s.push_str(&format!("{y:04}")),
    }
}

/// Writes a month or day with at least two digits (`07`), as `{n:02}` does.
fn push_two(s: &mut String, n: u8) {
    if n >= 100 {
        s.push_str(&n.to_string());
        return;
    }
    s.push_str(pair(u16::from(n)));
}

/// The number of days of month `m` (29 for February when the year is not known).
pub(crate) fn days_in(year: Option<i32>, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// One date of a [`Found`]: a point, or a range of two points (both ends included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item {
    /// A single day, month or year.
    At(Point),
    /// From the first point to the second, both included.
    Span(Point, Point),
}

impl Item {
    /// The ISO 8601 value: a point, or an interval `start/end`.
    pub(crate) fn iso(self) -> String {
        match self {
            Item::At(p) => p.iso(),
            Item::Span(a, b) => {
                let mut s = a.iso();
                s.push('/');
                s.push_str(&b.iso());
                s
            }
        }
    }

    /// The first and the last point.
    pub(crate) fn ends(self) -> (Point, Point) {
        match self {
            Item::At(p) => (p, p),
            Item::Span(a, b) => (a, b),
        }
    }

    fn points_mut(&mut self) -> impl Iterator<Item = &mut Point> {
        let (a, b) = match self {
            Item::At(p) => (p, None),
            Item::Span(a, b) => (a, Some(b)),
        };
        std::iter::once(a).chain(b)
    }
}

/// A date the text counts from the document's date instead of writing its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relative {
    /// A year counted from the document's: `this year` (0), `next year` (1), `last
    /// year` (-1), `this October` (0).
    Year(i32),
    /// The month named, the last time it came before the document's month: `last
    /// October`, `this past October`.
    LastMonth,
    /// The month named, the next time it comes after the document's month: `next
    /// March`, `this coming March`.
    NextMonth,
    /// A month counted from the document's: `this month` (0), `next month` (1), `last
    /// month` (-1). Its point names no month: [`Relative::month`] gives it.
    Month(i32),
}

impl Relative {
    /// The year and month `n` months from month `month` of `year`.
    fn months(year: i32, month: u8, n: i32) -> (i32, u8) {
        let index = year * 12 + i32::from(month) - 1 + n;
        (index.div_euclid(12), index.rem_euclid(12) as u8 + 1)
    }

    /// The month of a date counted in months (`next month`) from the document's month
    /// `doc_month` of `year`; none for the other kinds, or without the document's
    /// month.
    pub(crate) fn month(self, year: i32, doc_month: Option<u8>) -> Option<u8> {
        match self {
            Relative::Month(n) => Some(Self::months(year, doc_month?, n).1),
            _ => None,
        }
    }

    /// The year of a date that names `month` (if any), in a document of `year` and
    /// `doc_month` (if known). Without the document's month, `last October` is the year
    /// before's and `next March` the year after's.
    pub(crate) fn year(self, year: i32, doc_month: Option<u8>, month: Option<u8>) -> i32 {
        match (self, doc_month, month) {
            (Relative::Year(n), _, _) => year + n,
            (Relative::Month(n), Some(d), _) => Self::months(year, d, n).0,
            (Relative::Month(_), None, _) => year,
            (Relative::LastMonth, Some(d), Some(m)) if m < d => year,
            (Relative::LastMonth, _, _) => year - 1,
            (Relative::NextMonth, Some(d), Some(m)) if m > d => year,
            (Relative::NextMonth, _, _) => year + 1,
        }
    }
}

/// A date found in a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// Byte range in the line.
    pub range: Range<usize>,
    /// The dates, one per coordinated date (`January and December 2020` has two).
    pub items: Vec<Item>,
    /// The text writes a year (shared ones included: `4-6 December 2020`).
    pub year_written: bool,
    /// A numeric date whose day/month order neither its numbers nor the document
    /// settle (`3/4/2020` with no convention known).
    pub ambiguous: bool,
    /// A day that recurs every year (`declare December 27 as the International Day
    /// of ...`): it takes no year.
    pub recurring: bool,
    /// The year this date lends to year-less dates near it: a single written year
    /// that sets the time of what the text says (not one it compares with, `against
    /// 2019`).
    pub context: Option<i32>,
    /// The date is counted from the document's date (`next year`, `last October`):
    /// its points have no year, which [`Relative::year`] gives.
    pub relative: Option<Relative>,
}

impl Found {
    /// Whether every point names a day that exists (`31 February 2020` does not).
    pub(crate) fn valid(&self) -> bool {
        self.items.iter().all(|i| {
            let (a, b) = i.ends();
            a.valid() && b.valid()
        })
    }

    /// Whether any point lacks the year.
    pub(crate) fn needs_year(&self) -> bool {
        !self.recurring
            && self.items.iter().any(|i| {
                let (a, b) = i.ends();
                a.year.is_none() || b.year.is_none()
            })
    }

    /// The items with `year` given to the points that lack one; a range whose end
    /// would come before its start ends in the following year (`November to
    /// February`).
    pub(crate) fn resolve(&self, year: Option<i32>) -> Vec<Item> {
        let mut items = self.items.clone();
        let Some(year) = year.filter(|_| !self.recurring) else {
            return items;
        };
        for item in &mut items {
            for p in item.points_mut() {
                if p.year.is_none() {
                    // February 29 without a year: the latest leap year up to `year`.
                    let leap_day = p.month == Some(2) && p.day == Some(29);
                    let mut y = year;
                    while leap_day && days_in(Some(y), 2) == 28 {
                        y -= 1;
                    }
                    p.year = Some(y);
                }
            }
            if let Item::Span(a, b) = item {
                if a.year == b.year && a.cmp_in_year(*b) == Ordering::Greater {
                    b.year = b.year.map(|y| y + 1);
                }
            }
        }
        items
    }
}

/// The document's day/month convention, when a caller has one to give.
pub(crate) type Order = Option<NumericOrder>;

#[cfg(test)]
mod tests {
    use super::{Point, day_iso, push_two, push_year};
    use proptest::prelude::*;

    /// The year as it was written before [`super::PAIRS`], a digit at a time: the
    /// reference.
    fn push_year_by_digits(s: &mut String, y: i32) {
        match u16::try_from(y) {
            Ok(y) if y <= 9999 => {
                for div in [1000, 100, 10, 1] {
                    s.push(char::from(b'0' + (y / div % 10) as u8));
                }
            }
            _ => s.push_str(&format!("{y:04}")),
        }
    }

    /// A month or day as it was written before [`super::PAIRS`]: the reference.
    fn push_two_by_digits(s: &mut String, n: u8) {
        if n >= 100 {
            s.push_str(&n.to_string());
            return;
        }
        s.push(char::from(b'0' + n / 10));
        s.push(char::from(b'0' + n % 10));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Years, months and days are written as a digit at a time writes them, and a
        /// point's ISO form and a day's as the formatting machinery writes them.
        #[test]
        fn numbers_are_written_as_digit_by_digit(
            y in prop_oneof![-20000i32..20000, any::<i32>()],
            m in any::<u8>(),
            d in any::<u8>(),
        ) {
            let (mut ours, mut theirs) = (String::new(), String::new());
            push_year(&mut ours, y);
            push_year_by_digits(&mut theirs, y);
            prop_assert_eq!(&ours, &theirs);
            let (mut ours, mut theirs) = (String::new(), String::new());
            push_two(&mut ours, m);
            push_two_by_digits(&mut theirs, m);
            prop_assert_eq!(&ours, &theirs);
            prop_assert_eq!(day_iso(y, m, d), format!("{y:04}-{m:02}-{d:02}"));
            let point = Point { year: Some(y), month: Some(m), day: Some(d) };
            prop_assert_eq!(point.iso(), format!("{y:04}-{m:02}-{d:02}"));
            let point = Point { year: None, month: Some(m), day: None };
            prop_assert_eq!(point.iso(), format!("--{m:02}"));
        }
    }

    #[test]
    fn numbers_are_written_as_the_padded_formats() {
        for y in [-12345, -5, 0, 7, 987, 1000, 2020, 9999, 10000, 123456] {
            let mut s = String::new();
            push_year(&mut s, y);
            assert_eq!(s, format!("{y:04}"), "year {y}");
        }
        for n in 0..=u8::MAX {
            let mut s = String::new();
            push_two(&mut s, n);
            assert_eq!(s, format!("{n:02}"), "{n}");
        }
    }
}
