//! Finding the figures of one line: amounts of money and percentages, their ranges,
//! qualifiers, vague forms and bracketed equivalents. Works on the line's text alone;
//! what a figure is about (metric, partner, year) is read elsewhere.
//!
//! A number becomes an amount when a currency form stands next to it (see
//! [`super::currency`](mod@super::currency)): before it (`US$ 543.9 billion`, `VND 5
//! billion`), after it (`800 billion USD`, `20 euros`, `10$`) or both (`US$3.84
//! billion USD`), with an optional scale word between (`million`, `bn`, `m`, `k`,
//! `lakh`). A currency sign or code between two numbers belongs to the second (`In
//! 2020 US$ 5 million`), unless the second carries its own sign or another currency
//! after it (`10 $ 30 $`, `10 rmb 20 usd`). A number is no figure when it is part of a word or name (`COVID-19`, `G20`,
//! `A350`), a date or ratio (`2/14/2021`, `192/193`), a time, or inside a link (`%20`).
//!
//! Figures without digits are read too: percentages in words (`sixty-five percent`),
//! vague amounts (`tens of billions of USD`, `multi-million-euro`, a bare `billions`
//! where the words around it speak of money). `from X to Y` after a word of change is
//! two levels, two figures; a range otherwise. A page number the view left between a
//! figure and its scale word (`US$ 39.62 12 billion`) is read over.

use super::words::{WordSet, is_space, word_before_space_at, word_ending};
use crate::gazetteer::currency::{Kind, Lexicon, Meaning};
use crate::number::Decimal;
use crate::scan::{HIGH, ascii_regex, next_digit, with_buffer};
use memchr::memmem;
use regex::Regex;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::LazyLock;

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    /// Money in a currency.
    Money(Meaning),
    /// A percentage.
    Percent,
    /// A change of a rate, in percentage points.
    PercentagePoint,
}

/// A figure found in a line; ranges are relative to the line.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Found {
    /// The figure's text: sign or code, number, scale word, trailing code or `%`; for a
    /// range, both ends; for a vague amount, the whole phrase.
    pub range: Range<usize>,
    /// Money or percentage.
    pub unit: Unit,
    /// The value (null for ranges and vague figures).
    pub value: Option<Decimal>,
    /// A range's lower end.
    pub min: Option<Decimal>,
    /// A range's upper end.
    pub max: Option<Decimal>,
    /// A figure without a number (`tens of billions of USD`).
    pub vague: bool,
    /// `approx`, `over` or `under`, and the words as written.
    pub qualifier: Option<(&'static str, Range<usize>)>,
    /// The index (in the line's figures) of the amount this one restates in another
    /// currency.
    pub equivalent_of: Option<usize>,
}

/// What a number turned out to be.
#[derive(Clone, Copy, Debug, PartialEq)]
enum AtomKind {
    Money {
        cur: Meaning,
        /// A currency form after the number (or its scale word).
        suffixed: bool,
    },
    Percent {
        points: bool,
    },
    /// A plain number: kept only as the first end of a range (`10-20 dollars`).
    Bare,
}

/// A number with what surrounds it.
#[derive(Clone, Copy, Debug)]
struct Atom {
    start: usize,
    end: usize,
    /// The number as written, signed, before any scale.
    raw: Decimal,
    /// Powers of ten from a scale word (`million`: 6).
    scale: Option<u32>,
    kind: AtomKind,
    /// A plain integer of four digits from 1800 to 2099.
    year_like: bool,
}

impl Atom {
    fn value(&self, extra_scale: Option<u32>) -> Option<Decimal> {
        let cur_scale = match self.kind {
            AtomKind::Money { cur, .. } => cur.scale,
            _ => 0,
        };
        let scale = self.scale.or(extra_scale).unwrap_or(0) + cur_scale;
        self.raw.shift(scale)
    }
}

/// [`next_digit`], sixteen bytes at a time: the position of the first ASCII digit of
/// `hay` at or after `from`, or its length. The figure scanner walks every paragraph
/// to its numbers, and the years' readers every sentence with a figure, a hundred
/// bytes or so between two numbers: two words looked at in one turn of the loop halve
/// its bounds checks and branches, most of what a word costs.
pub(super) fn next_digit_wide(hay: &[u8], from: usize) -> usize {
    // The high bit of the first byte of `w` that is an ASCII digit, and perhaps of bytes
    // after it: a digit turned by `^ 0x30` into a byte below 10 borrows in `- 10`, no
    // other byte does unless one before it borrowed, and a byte that is not ASCII keeps
    // its high bit through `^` and is left out by `!x`. Only the first is read.
    const ONES: u64 = 0x0101_0101_0101_0101;
    let digits = |w: u64| {
        let x = w ^ (ONES * 0x30);
        x.wrapping_sub(ONES * 10) & !x & HIGH
    };
    let mut i = from;
    while let Some(chunk) = hay.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let (Some(lo), Some(hi)) = (chunk.first_chunk::<8>(), chunk.last_chunk::<8>()) else {
            break;
        };
        let (lo, hi) = (
            digits(u64::from_le_bytes(*lo)),
            digits(u64::from_le_bytes(*hi)),
        );
        if lo | hi != 0 {
            let (at, w) = if lo != 0 { (i, lo) } else { (i + 8, hi) };
            return at + (w.trailing_zeros() / 8) as usize;
        }
        i += 16;
    }
    next_digit(hay, i)
}

/// The numbers of a line, in order: `3,490,000`, `543.9`, and dot-grouped `1.000.000`
/// (two groups at least, so `1.000` stays a decimal). At each digit run the first of
/// these that fits wins: dot-grouped (`\d{1,3}(\.\d{3}){2,}(,\d+)?`), comma-grouped
/// (`\d{1,3}(,\d{3})+(\.\d+)?`), plain (`\d+(\.\d+)?`).
fn numbers(line: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = line.as_bytes();
    let digit = move |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let run = move |mut i: usize| {
        while digit(i) {
            i += 1;
        }
        i
    };
    // `sep` and three digits, as many times as they come: the end and the count.
    let groups = move |mut j: usize, sep: u8| {
        let mut n = 0;
        while b.get(j) == Some(&sep) && (1..=3).all(|k| digit(j + k)) {
            j += 4;
            n += 1;
        }
        (j, n)
    };
    // `sep` and digits, if they come.
    let tail = move |j: usize, sep: u8| {
        if b.get(j) == Some(&sep) && digit(j + 1) {
            run(j + 1)
        } else {
            j
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        i = next_digit_wide(b, i);
        if i >= b.len() {
            return None;
        }
        let start = i;
        let lead = run(i);
        let short = lead - i <= 3;
        i = match (groups(lead, b'.'), groups(lead, b',')) {
            ((j, n), _) if short && n >= 2 => tail(j, b','),
            (_, (j, n)) if short && n >= 1 => tail(j, b'.'),
            _ => tail(lead, b'.'),
        };
        Some(start..i)
    })
}
/// A decimal comma before a scale word (`US$ 1,5 billion`): read as `1.5 billion`, never
/// as 1 with a stray `5`.
static DECIMAL_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"^,(\d{1,2})\s?(?i:thousand|million|billion|trillion|bn|mn|tn)\b")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:https?://|ftp://|www\.)[^\s<>"')\]]+"#).expect("valid regex")
});
/// Whether `line` may hold a match of [`URL`]: every match holds `://` or `www.` (in
/// any ASCII case; no other character is a `w` in any case). Most lines with a figure
/// hold neither, and the look costs a fraction of the search.
fn may_hold_url(line: &str) -> bool {
    static SCHEME: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("://"));
    let b = line.as_bytes();
    SCHEME.find(b).is_some()
        || memchr::memchr_iter(b'.', b)
            .any(|i| i >= 3 && b[i - 3..i].iter().all(|c| c.eq_ignore_ascii_case(&b'w')))
}

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?ix)^(?:\s|-)?(?:
            (?P<points> percentage[\s-]+points? | percent(?:age)?[\s-]+points? | %\s*points? | pp\b | p\.p\. | ppts?\b )
          | (?P<percent> % | percents?\b | per\s+cent\b | per-cent\b | pct\b | percentage\b )
        )",
    )
});
/// Whether a whole match of [`PERCENT`] is one of its `points`: after the space or dash
/// it may open with, `...point(s)`, or `pp`, `p.p.`, `ppt(s)`; none of its percents
/// holds `point` or opens so.
fn percent_points(matched: &str) -> bool {
    let b = matched.as_bytes();
    let core = match b.first() {
        Some(&c) if c == b'-' || c == 0x0b || c.is_ascii_whitespace() => &b[1..],
        _ => b,
    };
    let opens = |p: &[u8]| core.get(..2).is_some_and(|o| o.eq_ignore_ascii_case(p));
    opens(b"pp") || opens(b"p.") || core.windows(5).any(|w| w.eq_ignore_ascii_case(b"point"))
}

/// Scale words, and abbreviations glued to the number (`10K`, `5bn`, `3.5m`, `5Bn`) or,
/// after a currency, spaced (`GBP 40 M`, `US$ 5 bn`): what [`scale_word`] reads, written
/// as the expression its tests hold it to.
#[cfg(test)]
static SCALE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"^(?:\s?(?P<word>(?i:thousands?|millions?|billions?|trillions?|quadrillions?|hundreds?|lakhs?|crores?))\b|(?P<glued>(?i:mln|mn|bn|bln|tn|trn)|MM|k|K|m|M|b|B)\b|\s(?P<spaced>(?i:mln|mn|bn|bln|tn|trn)|m|k|b|M|K|B)\b)",
    )
});
static SCALE_WORD_AFTER_CODE: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"^\s+(?i:thousand|million|billion|trillion|quadrillion)s?\b"));
static YEAR_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)\b(?:in|of|constant|real|fiscal)\s+$"));
/// The `between` before a range, read by [`between_start`].
#[cfg(test)]
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"(?i)\bbetween\s+$"));

/// Where the match of [`BETWEEN`] in `before` starts: read by [`word_ending`], a few
/// byte comparisons where the expression cost more to compile than the texts it read.
fn between_start(before: &str) -> Option<usize> {
    word_ending(before, "between")
}
/// `from` at the end of the text before a range, with the verb of change before it:
/// what [`from_before`] reads, kept as the expression its tests hold it to.
#[cfg(test)]
static FROM: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?:\b(?P<verb>rose|risen|rise|rising|increased|increasing|grew|grown|growing|fell|fallen|falling|decreased|decreasing|dropped|dropping|declined|declining|jumped|climbed|surged|soared|slid|plunged|shrank|up|down|went|moved|changed|raised|cut|reduced|expanded|upgraded|revised)\s+)?\bfrom\s+$",
    )
});
/// The verbs of change that may stand right before `from` (`rose from`, `cut from`):
/// the `verb` group of [`FROM`].
const FROM_VERBS: [&str; 36] = [
    "rose",
    "risen",
    "rise",
    "rising",
    "increased",
    "increasing",
    "grew",
    "grown",
    "growing",
    "fell",
    "fallen",
    "falling",
    "decreased",
    "decreasing",
    "dropped",
    "dropping",
    "declined",
    "declining",
    "jumped",
    "climbed",
    "surged",
    "soared",
    "slid",
    "plunged",
    "shrank",
    "up",
    "down",
    "went",
    "moved",
    "changed",
    "raised",
    "cut",
    "reduced",
    "expanded",
    "upgraded",
    "revised",
];
/// A word of change in the clause before `from` (`reduce its tariffs on goods from
/// 32% to 19%`, `an increase in funding from $2 million to $3 million`): the two
/// figures are levels before and after, not a range (`from 10 to 20 dollars`).
///
/// It is only asked whether it matches. A stem's word needs no `\w*\b` after it: the
/// rest of the word always ends at a word boundary, so a stem at a word's start
/// matches whenever the stem with the rest of its word does, and the Unicode word
/// class was a third of what the expression cost to compile (`CHANGE_WORD_WHOLE` in
/// the tests is the expression with it).
static CHANGE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{}|(?:{})\b)",
        CHANGE_STEMS.join("|"),
        CHANGE_WHOLE_WORDS.join("|")
    ))
    .expect("valid regex")
});
/// The stems of [`CHANGE_WORD`]: a word opening with one is a word of change.
const CHANGE_STEMS: [&str; 34] = [
    "increas", "decreas", "reduc", "lower", "rais", "rose", "grow", "grew", "fall", "fell", "drop",
    "declin", "climb", "jump", "expan", "shrink", "shrunk", "shrank", "chang", "doubl", "tripl",
    "halv", "boost", "slash", "adjust", "revis", "upgrad", "downgrad", "lift", "hik", "trim",
    "narrow", "widen", "cut",
];
/// The whole words of [`CHANGE_WORD`]: a word of change only as the whole word.
const CHANGE_WHOLE_WORDS: [&str; 16] = [
    "rise", "rises", "risen", "rising", "surge", "surges", "surged", "surging", "went", "gone",
    "go", "goes", "going", "move", "moved", "moving",
];

/// Whether `text` holds a word of change: `CHANGE_WORD.is_match(text)`, read by hand
/// over its runs of ASCII word characters, where the expression cost more to compile
/// than the few clauses before a `from` it read. A match opens a run (a word boundary
/// before a letter) and lies in it; a whole word ends it. Where the character next to
/// such a run is not ASCII, whether it is a word character (Unicode) decides the
/// boundary, and the expression reads the text; so it does where the text holds `ſ` or
/// the Kelvin sign, which Unicode case folding reads as `s` and `k`.
fn has_change_word(text: &str) -> bool {
    let b = text.as_bytes();
    if memmem::find(b, "\u{17f}".as_bytes()).is_some()
        || memmem::find(b, "\u{212a}".as_bytes()).is_some()
    {
        return CHANGE_WORD.is_match(text);
    }
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        if !is_word(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && is_word(b[i]) {
            i += 1;
        }
        let run = &b[start..i];
        let opens = |w: &&str| {
            run.get(..w.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(w.as_bytes()))
        };
        let stem = CHANGE_STEMS.iter().any(opens);
        let whole = CHANGE_WHOLE_WORDS
            .iter()
            .any(|w| run.eq_ignore_ascii_case(w.as_bytes()));
        if !(stem || whole) {
            continue;
        }
        let wide_before = start > 0 && !b[start - 1].is_ascii();
        let wide_after = b.get(i).is_some_and(|c| !c.is_ascii());
        if wide_before || (!stem && wide_after) {
            return CHANGE_WORD.is_match(text);
        }
        return true;
    }
    false
}
static CONNECTOR: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)^(?:\s*-\s*|\s+(?P<word>to|and)\s+)$"));
/// A qualifier that ends the words before a figure, at the start of the text or after
/// a character that is not a word character: a word boundary before the words (each
/// opens with a letter), no word boundary before `~`. Written with the class, `(?:^|[^\w])`,
/// the Unicode word class was a third of what the expression cost to compile
/// (`QUALIFIER_WITH_CLASS` in the tests); only the `q` group is read.
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?P<q> \b(?:
            approximately | approx\.? | around | about | nearly | almost | roughly | some
          | close\s+to | circa | ca\. | an\s+estimated | estimated(?:\s+at)?
          | just\s+over | just\s+under | more\s+than | no\s+less\s+than | not\s+less\s+than
          | at\s+least | upwards\s+of | in\s+excess\s+of | over | above | exceeding | exceeded
          | exceeds | exceed | surpassing | surpassed | less\s+than | no\s+more\s+than
          | not\s+more\s+than | at\s+most | up\s+to | under | below | lower\s+than
          | fewer\s+than | as\s+much\s+as
        ) | \B~ )\s*$",
    )
    .expect("valid regex")
});
/// Verbs that take `over` as a particle (`handing over US$ 50,000`): no qualifier.
/// Read by [`phrasal_over`]; kept as the expression its tests hold it to.
#[cfg(test)]
static PHRASAL_OVER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(?:hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taking|taken|pass|passes|passed|passing|carry|carries|carried|carrying|win|won|winning|fork|forked|sign|signed|signing|make|made|making)\s+$",
    )
});
/// The verbs of [`PHRASAL_OVER`].
const PHRASAL_OVER_VERBS: [&str; 32] = [
    "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take", "takes",
    "took", "taking", "taken", "pass", "passes", "passed", "passing", "carry", "carries",
    "carried", "carrying", "win", "won", "winning", "fork", "forked", "sign", "signed", "signing",
    "make", "made", "making",
];

/// Whether `text` ends with a verb of [`PHRASAL_OVER`] and spaces: where the expression
/// matches, read by [`word_of_ending`] where it cost more to compile than the few texts
/// before an `over` it read.
fn phrasal_over(text: &str) -> bool {
    word_of_ending(text, &PHRASAL_OVER_VERBS).is_some()
}

/// Where one of `words` (ASCII letters, in any ASCII case) starts when `text` ends with
/// it and one or more ASCII spaces, and no ASCII letter, digit or `_` stands before it:
/// where `(?i)\b(?:words)\s+$`, compiled without Unicode, matches `text`. The word is
/// the whole run of letters before the spaces: a match ends there and opens after a
/// byte that is no word character.
fn word_of_ending(text: &str, words: &[&str]) -> Option<usize> {
    let b = text.as_bytes();
    let (at, w) = word_before_space_at(text)?;
    let glued = at
        .checked_sub(1)
        .is_some_and(|p| b[p].is_ascii_alphanumeric() || b[p] == b'_');
    (!glued && words.iter().any(|v| v.as_bytes().eq_ignore_ascii_case(w))).then_some(at)
}

static EQUIVALENT_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)^\s*(?:[(\[]\s*(?:(?:equivalent|equal)\s+to\s+|i\.e\.,?\s+|or\s+)?|,?\s+(?:or|i\.e\.,?|(?:which\s+is\s+)?(?:equivalent|equal)\s+to)\s+)$",
    )
});
static CLOSE_PAREN: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"^\s*[)\]]"));
/// The words of a vague amount before its currency: `tens of millions of`,
/// `several billion` (`millions of dollars`, `several billion euros`). The currency is
/// read after them ([`vague_amounts`]). `of` is a group where it may be left out.
static VAGUE_MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?i:
            (?:(?:tens|hundreds|dozens)\s+of\s+)?(?:thousands|millions|billions|trillions)\s+of\s+
          | (?:several|a\s+few|a\s+couple\s+of|many|multiple)\s+(?:hundred\s+)?(?:thousand|million|billion|trillion)s?\s+(?P<of>of\s+)?
        )",
    )
    .expect("valid regex")
});

/// A currency form of a vague amount at the start of a text, ending a word (the
/// lexicon's codes and names, [`Lexicon::vague_tail`]): one expression for both kinds
/// of vague amount, the currency names being most of what it costs to compile.
fn vague_tail(lex: &Lexicon) -> &Regex {
    lex.derived(|tail| Regex::new(&format!(r"^(?:{tail})\b")).expect("valid regex"))
}

/// Where the currency form of a vague amount that opens `rest` ends, as [`vague_tail`]
/// reads it. That expression runs only where a form of the lexicon opens `rest`
/// ([`Lexicon::after_end`], of every form, so finds one wherever it does): most
/// openings of a vague amount have none after them (`millions of people`), and the
/// expression, compiled for the figures grammar alone, is then never compiled.
fn vague_tail_end(lex: &Lexicon, rest: &str) -> Option<usize> {
    lex.after_end(rest)?;
    vague_tail(lex).find(rest).map(|m| m.end())
}

/// The vague amounts in `hay` whose words before the currency `opening` finds
/// ([`VAGUE_MONEY`], [`VAGUE_ADJECTIVE`]) and whose currency `tail` finds, where it
/// ends in the text it opens ([`vague_tail_end`]): each whole, and its currency's
/// range. They are those the one expression of the opening then the currency would
/// find, searching from end to end: an opening ends in one place (its `of` group
/// aside, at which the currency is tried next), so the currency is tried right after
/// it, and where there is none the search goes on from the opening's next character.
fn vague_amounts(
    opening: &Regex,
    tail: impl Fn(&str) -> Option<usize>,
    hay: &str,
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = opening.captures_at(hay, at) {
        let Some(m) = c.get(0) else { break };
        let currency = [Some(m.end()), c.name("of").map(|of| of.start())]
            .into_iter()
            .flatten()
            .find_map(|e| tail(&hay[e..]).map(|t| e..e + t));
        match currency {
            Some(cur) => {
                at = cur.end;
                out.push((m.start()..cur.end, cur));
            }
            None => at = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

static VAGUE_PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(?:a\s+few|several|tens\s+of|a\s+couple\s+of)\s+(?:(?P<points>percentage\s+points?)|percent\b|per\s+cent\b)",
    )
});

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

fn is_hex_pair(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0].is_ascii_hexdigit() && b[1].is_ascii_hexdigit()
}

/// A currency form that a matcher found, with its place in the line.
#[derive(Clone, Copy, Debug)]
struct Form {
    start: usize,
    end: usize,
    meaning: Meaning,
}

/// The currency form ending right before `at` (one space allowed), starting at or
/// after `floor`.
fn form_before(lex: &Lexicon, line: &str, at: usize, floor: usize) -> Option<Form> {
    let from = floor_boundary(line, at.saturating_sub(32)).max(floor);
    let window = &line[from..at];
    let start = lex.before_start(window)?;
    let text = window[start..].trim_end();
    let meaning = lex.meaning(text)?;
    Some(Form {
        start: from + start,
        end: from + start + text.len(),
        meaning,
    })
}

/// The currency form starting right at `at` (one space allowed), if it ends on a word
/// boundary.
fn form_after(lex: &Lexicon, line: &str, at: usize) -> Option<Form> {
    let rest = &line[at..];
    let m = lex.after_end(rest)?;
    let text = rest[..m].trim_start();
    let end = at + m;
    let ends_in_letter = text.chars().next_back().is_some_and(char::is_alphanumeric);
    if ends_in_letter && char_at(line, end).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let meaning = lex.meaning(text)?;
    Some(Form {
        start: end - text.len(),
        end,
        meaning,
    })
}

/// A page number between a figure and its scale word: one to three digits alone.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"^\s+\d{1,3}\b"));

/// A scale after the number ending at `e` that is not written in capitals (`4.5
/// million`, `5bn`, `40 M`; in a line in capitals, `ADD 5 MILLION`, three letters
/// before a number are no code).
fn lower_scale(line: &str, e: usize) -> bool {
    scale_after(line, e, true).is_some_and(|(end, _)| {
        let w = line[e..end].trim();
        w.len() == 1 || !w.bytes().all(|b| b.is_ascii_uppercase())
    })
}

/// A code the lexicon does not list ([`Lexicon::shaped_code`]) ending right before
/// `at` (one space allowed), starting at or after `floor`, not glued to a word.
fn shaped_before(lex: &Lexicon, line: &str, at: usize, floor: usize) -> Option<Form> {
    let end = if line[..at].ends_with(' ') {
        at - 1
    } else {
        at
    };
    let start = end.checked_sub(3).filter(|&s| s >= floor)?;
    let word = line.get(start..end)?;
    if char_before(line, start).is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        return None;
    }
    let meaning = lex.shaped_code(word)?;
    Some(Form {
        start,
        end,
        meaning,
    })
}

/// A code the lexicon does not list starting right at `at` (one space allowed), not
/// glued to a word.
fn shaped_after(lex: &Lexicon, line: &str, at: usize) -> Option<Form> {
    let start = at + usize::from(line[at..].starts_with(' '));
    let word = line.get(start..start + 3)?;
    if char_at(line, start + 3).is_some_and(|c| c.is_alphanumeric() || c == '-') {
        return None;
    }
    let meaning = lex.shaped_code(word)?;
    Some(Form {
        start,
        end: start + 3,
        meaning,
    })
}

/// The scale word or abbreviation right after a number: its end and power of ten.
fn scale_after(line: &str, at: usize, prefixed: bool) -> Option<(usize, u32)> {
    let (form, word, exp) = scale_word(&line[at..])?;
    // `US$ 5 m`, but not `a 5 m wall`: a spaced abbreviation needs a currency before.
    if form == ScaleForm::Spaced && !prefixed {
        return None;
    }
    Some((at + word.end, exp))
}

/// The scale words, in any ASCII case, with their powers of ten.
const SCALE_WORDS: [(&str, u32); 16] = [
    ("thousand", 3),
    ("thousands", 3),
    ("million", 6),
    ("millions", 6),
    ("billion", 9),
    ("billions", 9),
    ("trillion", 12),
    ("trillions", 12),
    ("quadrillion", 15),
    ("quadrillions", 15),
    ("hundred", 2),
    ("hundreds", 2),
    ("lakh", 5),
    ("lakhs", 5),
    ("crore", 7),
    ("crores", 7),
];

/// The abbreviations read in any ASCII case, glued to the number or after a space.
const SCALE_ABBREVIATIONS: [(&str, u32); 6] = [
    ("mln", 6),
    ("mn", 6),
    ("bn", 9),
    ("bln", 9),
    ("tn", 12),
    ("trn", 12),
];

/// The abbreviations read only as written: `MM` glued to the number, one letter glued
/// or after a space.
const SCALE_LETTERS: [(&str, u32); 7] = [
    ("MM", 6),
    ("k", 3),
    ("K", 3),
    ("m", 6),
    ("M", 6),
    ("b", 9),
    ("B", 9),
];

/// How a scale word stands after its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScaleForm {
    /// A word, glued or after one space (`5 million`, `5million`).
    Word,
    /// An abbreviation glued to the number (`5bn`, `10K`).
    Glued,
    /// An abbreviation after one space (`5 bn`, `40 M`).
    Spaced,
}

/// The scale word or abbreviation that `rest` (the text after a number) opens with:
/// how it stands, its range and its power of ten. At most one ASCII space before it;
/// it is the whole run of ASCII letters there, ending at a byte that is no digit or `_`
/// (a word boundary). A word ([`SCALE_WORDS`]) goes glued or spaced; an abbreviation
/// ([`SCALE_ABBREVIATIONS`], [`SCALE_LETTERS`]) is glued or spaced by what is before it,
/// and `MM` only glued. Read by hand: most numbers are followed by one, and the
/// expression with its groups cost several times this look.
fn scale_word(rest: &str) -> Option<(ScaleForm, Range<usize>, u32)> {
    let b = rest.as_bytes();
    let spaced = b.first().is_some_and(|&c| is_space(c));
    let from = usize::from(spaced);
    let end = from
        + b[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    if end == from || b.get(end).is_some_and(|&c| c.is_ascii_digit() || c == b'_') {
        return None;
    }
    let run = &b[from..end];
    // Every word and abbreviation of the lists opens with one of these letters in some
    // case and is at most twelve letters long: most words after a number (`the`, `of`,
    // `percent`, `USD`) are ruled out here, not compared with each of the lists' 29.
    if run.len() > 12
        || !matches!(
            run[0].to_ascii_lowercase(),
            b't' | b'm' | b'b' | b'q' | b'h' | b'l' | b'c' | b'k'
        )
    {
        return None;
    }
    let any_case = |list: &[(&str, u32)]| {
        list.iter()
            .find(|(w, _)| w.as_bytes().eq_ignore_ascii_case(run))
            .map(|p| p.1)
    };
    if let Some(exp) = any_case(&SCALE_WORDS) {
        return Some((ScaleForm::Word, from..end, exp));
    }
    let exp = any_case(&SCALE_ABBREVIATIONS).or_else(|| {
        SCALE_LETTERS
            .iter()
            .find(|(w, _)| w.as_bytes() == run && !(spaced && *w == "MM"))
            .map(|p| p.1)
    })?;
    let form = if spaced {
        ScaleForm::Spaced
    } else {
        ScaleForm::Glued
    };
    Some((form, from..end, exp))
}

/// Whether `rest` may open with what [`PERCENT`] reads: `%` or a `p` in either case,
/// after at most one ASCII space or hyphen. Most numbers with a cue after them have
/// none (`5 billion VND`, `2020 ODA`), and the expression costs more than this look.
fn may_open_percent(rest: &str) -> bool {
    let b = rest.as_bytes();
    let from = usize::from(b.first().is_some_and(|&c| c == b'-' || is_space(c)));
    matches!(b.get(from), Some(b'%' | b'p' | b'P'))
}

/// The number starting at `at` (one space allowed) and whether a currency form of its
/// own follows it (the second number of `10 $ 30 $`): that form.
fn next_number_suffix(lex: &Lexicon, line: &str, at: usize) -> Option<Option<Form>> {
    let skip = usize::from(line[at..].starts_with(' '));
    let start = at + skip;
    let m = numbers(&line[start..]).next().filter(|m| m.start == 0)?;
    let mut pos = start + m.end;
    if let Some((end, _)) = scale_after(line, pos, true) {
        pos = end;
    }
    Some(form_after(lex, line, pos))
}

/// Scans one line.
#[cfg(test)]
pub(super) fn scan(lex: &Lexicon, line: &str) -> Vec<Found> {
    scan_with(lex, line, Cues::of(line))
}

/// Scans one line, whose cue words for figures without digits are `cues` ([`Cues::of`]
/// the line, or read from the [`TextCues`] of the text it is part of).
pub(super) fn scan_with(lex: &Lexicon, line: &str, cues: Cues) -> Vec<Found> {
    thread_local! {
        static BEFORE_CUE: RefCell<Vec<Range<usize>>> = const { RefCell::new(Vec::new()) };
    }
    with_buffer(&BEFORE_CUE, KEPT_NUMBERS, |before_cue| {
        scan_keeping(lex, line, cues, before_cue)
    })
}

/// The most numbers before the first with a cue that a thread keeps room for.
const KEPT_NUMBERS: usize = 1 << 12;

/// [`scan_with`], keeping the numbers before the first with a cue in `before_cue`
/// (empty): they are read into atoms after it is found, and are not searched for
/// again.
fn scan_keeping(
    lex: &Lexicon,
    line: &str,
    cues: Cues,
    before_cue: &mut Vec<Range<usize>>,
) -> Vec<Found> {
    // Most numbers are dates and counts: a line none of whose numbers has a currency
    // or percent form next to it holds no figure but perhaps a vague one.
    let sides = |m: &Range<usize>| lex.cue_sides(line, m.start, m.end);
    let mut numbers = numbers(line);
    let (first, first_sides) = loop {
        let Some(m) = numbers.next() else {
            return finish(lex, line, &cues, Vec::new());
        };
        let sides = sides(&m);
        if sides != (false, false) {
            break (m, sides);
        }
        before_cue.push(m);
    };
    let urls: Vec<Range<usize>> = if may_hold_url(line) {
        URL.find_iter(line).map(|m| m.range()).collect()
    } else {
        Vec::new()
    };
    // Room for the atoms of most lines with a figure, allocated once.
    let mut atoms: Vec<Atom> = Vec::with_capacity(8);
    let mut consumed = 0usize;
    let first_cue = before_cue.len();
    let all = before_cue
        .iter()
        .cloned()
        .chain(std::iter::once(first))
        .chain(numbers);
    for (k, m) in all.enumerate() {
        let (s, e) = (m.start, m.end);
        if s < consumed || urls.iter().any(|u| u.start <= s && s < u.end) {
            continue;
        }
        // The numbers before the first with a cue were looked at: they have none.
        let sides = match k.cmp(&first_cue) {
            std::cmp::Ordering::Less => (false, false),
            std::cmp::Ordering::Equal => first_sides,
            std::cmp::Ordering::Greater => sides(&m),
        };
        if let Some(atom) = atom(lex, line, s, e, sides, consumed) {
            consumed = atom.end;
            atoms.push(atom);
        }
    }
    let figures = ranges(line, &atoms);
    let mut found: Vec<Found> = Vec::with_capacity(figures.len());
    found.extend(
        figures
            .into_iter()
            .filter_map(|(start, end, unit, value, min, max)| {
                Some(Found {
                    range: start..end,
                    unit,
                    value,
                    min,
                    max,
                    vague: false,
                    qualifier: None,
                    equivalent_of: None,
                })
                .filter(|f| f.value.is_some() || f.min.is_some())
            }),
    );
    finish(lex, line, &cues, found)
}

/// Adds the figures written without digits (vague amounts, percentages in words) to
/// the figures `found`, and reads their qualifiers and equivalents.
fn finish(lex: &Lexicon, line: &str, cues: &Cues, found: Vec<Found>) -> Vec<Found> {
    let mut found = spelled(lex, line, cues, vague(lex, line, cues, found));
    for f in &mut found {
        f.qualifier = qualifier(line, f.range.start, f.min.is_some());
    }
    equivalents(line, &mut found);
    found
}

/// The atom of the number at `s..e`, whose [`Lexicon::cue_sides`] are `sides`, or none
/// when the number is part of something else.
fn atom(
    lex: &Lexicon,
    line: &str,
    s: usize,
    e: usize,
    sides: (bool, bool),
    consumed: usize,
) -> Option<Atom> {
    let number_end = e;
    let written = &line[s..e];
    // The number's separators, counted once: it is ASCII digits, commas and dots.
    let dots = written.bytes().filter(|&b| b == b'.').count();
    let comma = written.bytes().any(|b| b == b',');
    let (raw, e) = if dots > 1 {
        // Dot-grouped thousands, comma decimals.
        let plain = written.replace('.', "").replace(',', ".");
        (Decimal::from_grouped(&plain)?, e)
    } else if !comma
        && dots == 0
        && line[e..].starts_with(',')
        // Every match has a digit after its comma: most commas after a number (`In
        // 2020, ...`) have none, and capturing costs thousands of instructions.
        && line.as_bytes().get(e + 1).is_some_and(u8::is_ascii_digit)
        && let Some(c) = DECIMAL_COMMA.captures(&line[e..])
    {
        let fraction = c.get(1)?;
        let plain = format!("{written}.{}", fraction.as_str());
        (Decimal::from_grouped(&plain)?, e + fraction.end())
    } else {
        (Decimal::from_grouped(written)?, e)
    };
    let before = char_before(line, s);
    let after = char_at(line, e);
    let after2 = line[e..].chars().nth(1);
    // Dates, ratios and times: 2/14/2021, 192/193, 9:23:48.
    if matches!(after, Some('/' | ':')) && after2.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(c @ ('/' | ':' | '.' | ',')) = before
        && char_before(line, s - c.len_utf8()).is_some_and(|p| p.is_ascii_digit())
    {
        return None;
    }
    // Inside links, markup and identifiers.
    if matches!(
        before,
        Some('%' | '=' | '&' | '#' | '?' | '@' | '_' | '\\' | '/')
    ) {
        return None;
    }
    // A sign, or the dash of a range (`2-3`), or a hyphenated name (`COVID-19`).
    let mut start = s;
    let mut negative = false;
    if let Some(c @ ('-' | '+')) = before {
        match char_before(line, s - 1) {
            Some(p) if p.is_alphabetic() => return None,
            Some(p) if p.is_ascii_digit() => {}
            _ => {
                start = s - 1;
                negative = c == '-';
            }
        }
    }
    let raw = if negative { raw.negated() } else { raw };
    let grouped = comma || dots > 1;
    let year_like = !grouped
        && dots == 0
        && e - s == 4
        && (1800..2100).contains(&written.parse::<u32>().unwrap_or(0));

    // The big matchers run only on a side of the number that holds a cue.
    let (cue_before, cue_after) = if e == number_end {
        sides
    } else {
        // A decimal comma read on: the side after it is looked at from its end.
        lex.cue_sides(line, s, e)
    };
    // A percentage.
    if cue_after
        && may_open_percent(&line[e..])
        && let Some(m) = PERCENT.find(&line[e..])
    {
        let tail = &line[e + m.end()..];
        let is_sign = m.as_str().trim_start() == "%";
        if is_sign && is_hex_pair(tail) {
            return None;
        }
        if !(before.is_some_and(char::is_alphanumeric)) {
            return Some(Atom {
                start,
                end: e + m.end(),
                raw,
                scale: None,
                kind: AtomKind::Percent {
                    points: percent_points(m.as_str()),
                },
                year_like: false,
            });
        }
    }

    // The currency before it; a code the lexicon does not list only before a scale
    // word or grouped digits (`ZWG 4.5 million`).
    let pre = if negative || !cue_before {
        None
    } else {
        form_before(lex, line, s, consumed).or_else(|| {
            shaped_before(lex, line, s, consumed).filter(|_| grouped || lower_scale(line, e))
        })
    };
    if before.is_some_and(char::is_alphanumeric) && pre.is_none() {
        return None;
    }
    // The scale word, a code standing between number and scale (`75 USD million`), and
    // the currency after it.
    let mut pos = e;
    let mut scale = None;
    let mut between: Option<Form> = None;
    if let Some((end, exp)) = scale_after(line, pos, pre.is_some()) {
        scale = Some(exp);
        pos = end;
    } else if cue_after
        && let Some(f) = form_after(lex, line, pos).filter(|f| f.meaning.kind == Kind::Code)
        && SCALE_WORD_AFTER_CODE.is_match(&line[f.end..])
        && let Some((end, exp)) = scale_after(line, f.end, true)
    {
        between = Some(f);
        scale = Some(exp);
        pos = end;
    }
    let mut suf = if between.is_some() || !cue_after {
        None
    } else {
        form_after(lex, line, pos).or_else(|| {
            // `4.5 million ZWG`: a code the lexicon does not list, after a scale word.
            (pre.is_none() && scale.is_some() && lower_scale(line, e))
                .then(|| shaped_after(lex, line, pos))
                .flatten()
        })
    };
    if let Some(f) = suf {
        let m = f.meaning;
        let bare_name = m.kind == Kind::Name;
        let word = line[f.start..f.end].to_ascii_lowercase();
        let reject =
            // `won`, `dong` alone need a scale word or grouping: `2020 won` is no amount.
            (m.needs_scale && scale.is_none() && !grouped)
            // `5,000 pounds of rice` is a weight.
            || (bare_name && word.starts_with("pound") && line[f.end..].trim_start().to_ascii_lowercase().starts_with("of "))
            // `in 2020 dollars` is a price base, not an amount.
            || (year_like && scale.is_none() && YEAR_CONTEXT.is_match(&line[..start]))
            // A different currency after a prefixed amount belongs to what follows.
            || pre.is_some_and(|p| p.meaning.iso != m.iso);
        if reject {
            suf = None;
        } else if m.kind != Kind::Name
            && let Some(second) = next_number_suffix(lex, line, f.end)
        {
            // A sign or code between two numbers: it is the second one's prefix unless
            // the second carries its own sign or another currency after it.
            let keep = pre.is_none()
                && second
                    .is_some_and(|s2| s2.meaning.kind == Kind::Sign || s2.meaning.iso != m.iso);
            if !keep {
                suf = None;
            }
        }
    }
    if let Some(f) = suf {
        pos = f.end;
    }
    // `US$ 39.62 12 billion`: a page number the view left between the halves of a
    // figure that a page break cut.
    if scale.is_none()
        && between.is_none()
        && suf.is_none()
        && pre.is_some_and(|p| p.meaning.scale == 0)
        && let Some(m) = PAGE_NUMBER.find(&line[pos..])
        && let Some((end, exp)) = scale_after(line, pos + m.end(), false)
        && line[pos + m.end()..end].trim().len() > 2
    {
        scale = Some(exp);
        pos = end;
    }
    let cur = between.or(pre).or(suf).map(|f| f.meaning);
    let kind = match cur {
        Some(cur) => AtomKind::Money {
            cur,
            suffixed: suf.is_some(),
        },
        None => {
            // Words glued to a plain number (`19th`, `3D`) or compounds (`10-year`).
            if after.is_some_and(char::is_alphabetic) && scale.is_none() {
                return None;
            }
            if after == Some('-') && after2.is_some_and(char::is_alphabetic) {
                return None;
            }
            AtomKind::Bare
        }
    };
    let money_start = match pre {
        Some(p) if cur.is_some() => p.start,
        _ => start,
    };
    Some(Atom {
        start: money_start,
        end: if cur.is_some() {
            pos
        } else {
            scale.map_or(e, |_| pos)
        },
        raw,
        scale,
        kind,
        year_like,
    })
}

/// A figure: span, unit, value, min, max.
type Figure = (
    usize,
    usize,
    Unit,
    Option<Decimal>,
    Option<Decimal>,
    Option<Decimal>,
);

/// Joins ranges (`US$ 2-3 million`, `between $2 million and $3 million`, `10-20
/// dollars`, `2-3%`) and keeps the atoms that are figures. `from X to Y` is a change
/// from one level to another: two figures, the first taking the unit and scale of
/// the second when it writes none (`from 5 to 7 percent`, `from US$ 2 to 3 million`).
fn ranges(line: &str, atoms: &[Atom]) -> Vec<Figure> {
    let mut out = Vec::with_capacity(atoms.len());
    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        if let Some(b) = atoms.get(i + 1)
            && let Some((fig, change)) = range(line, a, b)
        {
            match change {
                false => out.push(fig),
                true => {
                    let (_, _, unit, _, min, max) = fig;
                    out.push((a.start, a.end, unit, min, None, None));
                    out.push((b.start, b.end, unit, max, None, None));
                }
            }
            i += 2;
            continue;
        }
        match a.kind {
            AtomKind::Money { cur, .. } => {
                out.push((a.start, a.end, Unit::Money(cur), a.value(None), None, None));
            }
            AtomKind::Percent { points } => {
                let unit = if points {
                    Unit::PercentagePoint
                } else {
                    Unit::Percent
                };
                out.push((a.start, a.end, unit, a.value(None), None, None));
            }
            AtomKind::Bare => {}
        }
        i += 1;
    }
    out
}

/// Whether `gap` is a [`CONNECTOR`], and its `word` group in lower case: read from
/// `core` (the gap less its ASCII spaces), which is `-` for its other branch, and not
/// captured, several times what the match costs.
fn connector_word(gap: &str, core: &str) -> Option<Option<String>> {
    CONNECTOR
        .is_match(gap)
        .then(|| (core != "-").then(|| core.to_ascii_lowercase()))
}

/// Where the match of [`FROM`] in `before` starts, and whether its `verb` group takes
/// part: read from the match, not captured. A match without the verb opens with
/// `from`, and none of the verbs does.
///
/// Read by hand, [`word_ending`] and the word before it: the expression cost more to
/// compile than the few texts before a range it read. `from` ends the text, after a
/// word boundary and before spaces; the verb, a whole word, ends where the spaces before
/// `from` start.
fn from_before(before: &str) -> Option<(usize, bool)> {
    let from = word_ending(before, "from")?;
    Some(word_of_ending(&before[..from], &FROM_VERBS).map_or((from, false), |at| (at, true)))
}

/// The range that atoms `a` and `b` make, if they make one, and whether it is a
/// change between two levels (`from $2 million to $3 million`) rather than a range.
fn range(line: &str, a: &Atom, b: &Atom) -> Option<(Figure, bool)> {
    // A dash, `to` or `and` between spaces: the words between most two numbers are
    // none of them, and the look costs a fraction of a run.
    let gap = &line[a.end..b.start];
    let core = gap.trim_matches(|c: char| c.is_ascii() && is_space(c as u8));
    if !(core == "-" || core.eq_ignore_ascii_case("to") || core.eq_ignore_ascii_case("and")) {
        return None;
    }
    let before_a = &line[..a.start];
    let change = match connector_word(gap, core)? {
        Some(w) if w == "and" && between_start(before_a).is_none() => return None,
        // `rose from 5 to 7 percent`, `cut tariffs from 46% to 20%`: two levels.
        Some(w) if w == "to" => from_before(before_a).is_some_and(|(from, verb)| {
            verb || {
                let clause_start = before_a[..from]
                    .rfind(['.', ';', ':', '!', '?'])
                    .map_or(0, |p| p + 1)
                    .max(floor_boundary(before_a, from.saturating_sub(120)));
                has_change_word(&before_a[clause_start..from])
            }
        }),
        _ => false,
    };
    // Two levels each with its unit are two figures as they stand.
    if change && !matches!(a.kind, AtomKind::Bare) {
        return None;
    }
    use AtomKind::{Bare, Money, Percent};
    let (unit, carry_from_b) = match (a.kind, b.kind) {
        (Bare, Money { cur, .. }) => (Unit::Money(cur), true),
        (
            Money {
                cur,
                suffixed: false,
            },
            Bare,
        ) => {
            if b.scale.is_none() && (a.scale.is_some() || b.year_like) {
                return None;
            }
            (Unit::Money(cur), true)
        }
        (Money { cur: ca, .. }, Money { cur: cb, .. }) if ca.iso == cb.iso => {
            (Unit::Money(ca), true)
        }
        (Bare | Percent { points: false }, Percent { points: false }) => (Unit::Percent, true),
        (Bare | Percent { points: true }, Percent { points: true }) => {
            (Unit::PercentagePoint, true)
        }
        _ => return None,
    };
    let carry = if carry_from_b && a.scale.is_none() {
        b.scale
    } else {
        None
    };
    let cur_scale = match unit {
        Unit::Money(m) if matches!(a.kind, Bare) => m.scale,
        _ => 0,
    };
    let min = a.value(carry)?.shift(cur_scale)?;
    let max = match (a.kind, b.kind, unit) {
        (Money { .. }, Bare, Unit::Money(m)) => b.raw.shift(b.scale.unwrap_or(0) + m.scale)?,
        _ => b.value(None)?,
    };
    if (!change && min.to_f64() > max.to_f64()) || (a.year_like && b.year_like) {
        return None;
    }
    Some(((a.start, b.end, unit, None, Some(min), Some(max)), change))
}

/// A number from zero to a hundred written in words (`fifty`, `sixty-five`, `twenty
/// five`, `one hundred`), and the ones after a tens word.
const NUMBER_WORDS: &str = r"(?:(?:one|a)\s+)?hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

/// A percentage in words: `sixty-five percent`, `twenty-five per cent`, `three
/// percentage points`.
static PERCENT_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?i)\b(?P<n>{NUMBER_WORDS})[\s-]+(?:(?P<points>percentage[\s-]+points?)|per[\s-]?cent\b)"
    ))
});

/// The value of a number in words matched by [`NUMBER_WORDS`].
fn number_in_words(words: &str) -> Option<u32> {
    // `hundred`, `a hundred`, `one hundred`.
    if words.to_ascii_lowercase().ends_with("hundred") {
        return Some(100);
    }
    let mut total = 0;
    for w in words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        total += match w.to_ascii_lowercase().as_str() {
            "zero" => 0,
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            _ => return None,
        };
    }
    Some(total)
}

/// The words of an amount written as an adjective, before its currency:
/// `multi-million-euro`, `multibillion-dollar`, `multi-million dollar`
/// ([`vague_amounts`]).
static VAGUE_ADJECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?i:multi-?(?:million|billion|trillion))[\s-]").expect("valid regex")
});

/// `billions`, `millions`, `tens of billions`, with no currency: an amount when the
/// words around it speak of money (see [`money_context`]).
static BARE_SCALE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\b(?:(?:tens|hundreds)\s+of\s+)?(?:millions|billions|trillions)\b")
});
/// Verbs and words of money right before a bare `billions` (`deliver billions`,
/// `worth billions`, `invest billions more`).
static MONEY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?ix)\b(?:
            (?:deliver|invest|spend|rais|pledg|commit|mobili[sz]|generat|cost|sav|earn|bring|pour
              |ow|inject|allocat|unlock|attract|los|provid|lend|borrow)(?:e|es|s|ed|ing)?
          | committed | committing | spent | brought | lost | lent | worth
        )(?:\s+(?:up\s+to|over|nearly|almost|some|about|around|more\s+than))?\s+$",
    )
});
/// What follows a bare `billions` that makes it money (`billions in investment`,
/// `billions more in aid`, `billions of dollars` being read elsewhere).
static MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?ix)^\s+(?:more\s+)?(?:in|into|worth\s+of)\s+
        (?:new\s+|additional\s+|annual\s+|private\s+|public\s+|foreign\s+)?
        (?:investments? | revenues? | funding | funds | trade | sales | purchases | aid | loans?
          | assistance | contracts? | deals? | exports | imports | financing | capital | spending
          | subsidies | grants? | commitments | procurement | orders)\b",
    )
});

/// Whether the words around a bare `billions` at `m` speak of money: a verb of money
/// before it, or what it is counted in after it; never `billions of` something else
/// (`millions of women`).
fn money_context(line: &str, m: Range<usize>) -> bool {
    let after = &line[m.end..];
    if after.trim_start().to_ascii_lowercase().starts_with("of ") {
        return false;
    }
    let from = floor_boundary(line, m.start.saturating_sub(60));
    MONEY_BEFORE.is_match(&line[from..m.start]) || MONEY_AFTER.is_match(after)
}

/// The words a figure written without digits holds, looked for in a line: a line
/// with none of them holds no such figure, and the expressions that need them are not
/// tried. Each is a part of the words, in any case, so that it is found wherever one
/// of them is written (`illion` in `millions`, `ercent` in `Percent`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Cues {
    /// `million`, `billion`, `trillion` and their plurals.
    scale: bool,
    /// The plurals alone (`millions`): what a bare scale word needs.
    scales: bool,
    /// `thousand`, `thousands`.
    thousand: bool,
    /// Where `illion` and `housand` stand in the line, in order: what a vague amount
    /// is looked for around.
    scale_at: Vec<usize>,
    /// `multi` (`multi-million-euro`).
    multi: bool,
    /// `percent`, `per cent`, `per-cent`.
    percent: bool,
}

impl Cues {
    /// The cues of `line`, looked for in it alone: the line as a stretch of its own
    /// ([`TextCues`]), read whole.
    #[cfg(test)]
    fn of(line: &str) -> Cues {
        TextCues::of(line, 0).line(0..line.len())
    }
}

/// The longest text whose lowered copy a thread keeps for the next one.
const KEPT_BYTES: usize = 1 << 20;

/// Where the parts of the [`Cues`] words stand in a stretch of text (a part of a
/// document), found in one pass for all its lines: each line's [`Cues`] are then read
/// from them by its range, as [`Cues::of`] the line would find them (none of the parts
/// can overlap itself, so the stretch's matches inside a line are the line's).
#[derive(Debug, Default)]
pub(super) struct TextCues {
    /// `illion`: where, and whether an `s` follows.
    illion: Vec<(usize, bool)>,
    /// `housand`, `multi`: where.
    housand: Vec<usize>,
    multi: Vec<usize>,
    /// `cent` with `er`, `er ` or `er-` before it: where, and that prefix's length.
    cent: Vec<(usize, usize)>,
    /// Per part (`illion`, `housand`, `multi`, `cent`), where the matches inside the
    /// range last read begin: the lines of a text are read in order, so the next
    /// line's begin at or after it, found by stepping on from there, not by a binary
    /// search of all the matches for each line.
    from: Cell<[usize; 4]>,
}

impl TextCues {
    /// The cue parts of `text`, which starts at offset `base`.
    pub(super) fn of(text: &str, base: usize) -> TextCues {
        // Searched for in the text lowered to ASCII lower case: one fast substring
        // search each, a fraction of a byte's work per byte. `illions` is an `illion`
        // with an `s` after it, and the three spellings of percent a `cent` with `er`,
        // `er ` or `er-` before it: four searches for the seven parts.
        static PARTS: LazyLock<[memmem::Finder<'static>; 4]> =
            LazyLock::new(|| ["illion", "housand", "multi", "cent"].map(memmem::Finder::new));
        thread_local! {
            static LOWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        with_buffer(&LOWER, KEPT_BYTES, |low| {
            low.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
            let low: &[u8] = low;
            let er = |at: usize| {
                let before = &low[..at];
                if before.ends_with(b"er") {
                    Some(2)
                } else if before.ends_with(b"er ") || before.ends_with(b"er-") {
                    Some(3)
                } else {
                    None
                }
            };
            TextCues {
                illion: PARTS[0]
                    .find_iter(low)
                    .map(|at| (base + at, low.get(at + "illion".len()) == Some(&b's')))
                    .collect(),
                housand: PARTS[1].find_iter(low).map(|at| base + at).collect(),
                multi: PARTS[2].find_iter(low).map(|at| base + at).collect(),
                cent: PARTS[3]
                    .find_iter(low)
                    .filter_map(|at| er(at).map(|n| (base + at, n)))
                    .collect(),
                from: Cell::default(),
            }
        })
    }

    /// The [`Cues`] of the line at `range` (offsets as this stretch's).
    pub(super) fn line(&self, range: Range<usize>) -> Cues {
        let mut from = self.from.get();
        let illions = inside(&self.illion, |x| x.0, "illion".len(), &range, &mut from[0]);
        let housands = inside(&self.housand, |&x| x, "housand".len(), &range, &mut from[1]);
        let mut scale_at: Vec<usize> = illions.iter().map(|x| x.0 - range.start).collect();
        scale_at.extend(housands.iter().map(|x| x - range.start));
        if !illions.is_empty() && !housands.is_empty() {
            scale_at.sort_unstable();
        }
        let cues = Cues {
            scale: !illions.is_empty(),
            // The `s` must be the line's.
            scales: illions
                .iter()
                .any(|&(at, s)| s && at + "illion".len() < range.end),
            thousand: !housands.is_empty(),
            scale_at,
            multi: !inside(&self.multi, |&x| x, "multi".len(), &range, &mut from[2]).is_empty(),
            // The `er` before must be the line's.
            percent: inside(&self.cent, |x| x.0, "cent".len(), &range, &mut from[3])
                .iter()
                .any(|&(at, n)| at >= range.start + n),
        };
        self.from.set(from);
        cues
    }
}

/// The matches of one part (`v`, in order of `at`, each `len` bytes long) that lie
/// wholly in `r`. `from` is where those of the range read before began: looked for
/// from there when the matches before it all start before `r` (the lines of a text
/// are read in order, and most lines hold few matches), else from the first; set to
/// where these begin.
fn inside<'v, T>(
    v: &'v [T],
    at: impl Fn(&T) -> usize,
    len: usize,
    r: &Range<usize>,
    from: &mut usize,
) -> &'v [T] {
    let mut i = *from;
    if i > v.len() || (i > 0 && at(&v[i - 1]) >= r.start) {
        i = 0;
    }
    let i = step_while(v, i, |x| at(x) < r.start);
    *from = i;
    // In order of start, all of one length: in order of end too.
    let to = step_while(v, i, |x| at(x) + len <= r.end);
    &v[i..to]
}

/// The first index at or after `i` of `v` whose item `before` is false for, `before`
/// holding for a prefix of `v`: a few steps, then a binary search of the rest, so
/// that a far one costs no more than a search.
fn step_while<T>(v: &[T], mut i: usize, before: impl Fn(&T) -> bool) -> usize {
    for _ in 0..8 {
        match v.get(i) {
            Some(x) if before(x) => i += 1,
            _ => return i,
        }
    }
    i + v[i..].partition_point(before)
}

/// Adds the figures written without digits that overlap no figure found: amounts
/// written as adjectives (`multi-million-euro`), bare `billions` where the words speak
/// of money (its currency that of the nearest amount of the line, else the dollar the
/// context gives), and percentages in words (`sixty-five percent`).
fn spelled(lex: &Lexicon, line: &str, cues: &Cues, found: Vec<Found>) -> Vec<Found> {
    let Cues {
        scales: scale,
        multi,
        percent,
        ..
    } = *cues;
    if !(scale || multi || percent) {
        return found;
    }
    let mut extra = Vec::new();
    let figure = |range: Range<usize>, unit: Unit, value: Option<Decimal>| Found {
        range,
        unit,
        value,
        min: None,
        max: None,
        vague: value.is_none(),
        qualifier: None,
        equivalent_of: None,
    };
    // An adjective amount holds a scale word (`multi-million`), whose `illion` the cues
    // found: most lines with `multi` have none (`multilateral`).
    if multi && cues.scale {
        let tail = |rest: &str| vague_tail_end(lex, rest);
        for (whole, cur) in vague_amounts(&VAGUE_ADJECTIVE, tail, line) {
            if let Some(meaning) = lex.meaning(&line[cur]) {
                extra.push(figure(whole, Unit::Money(meaning), None));
            }
        }
    }
    if scale {
        let money: Vec<&Found> = found
            .iter()
            .filter(|f| matches!(f.unit, Unit::Money(_)))
            .collect();
        for m in BARE_SCALE.find_iter(line) {
            if !money_context(line, m.range()) {
                continue;
            }
            // The currency of the nearest amount of the line, before it first.
            let i = money.partition_point(|f| f.range.end <= m.start());
            let near = i.checked_sub(1).map(|b| money[b]).or_else(|| {
                money[i..]
                    .iter()
                    .copied()
                    .find(|f| f.range.start >= m.end())
            });
            let meaning = match near.map(|f| f.unit) {
                Some(Unit::Money(meaning)) => meaning,
                _ => Meaning {
                    iso: "USD",
                    assumed: true,
                    kind: Kind::Sign,
                    scale: 0,
                    needs_scale: false,
                },
            };
            extra.push(figure(m.range(), Unit::Money(meaning), None));
        }
    }
    if percent {
        for c in PERCENT_IN_WORDS.captures_iter(line) {
            let (Some(m), Some(n)) = (c.get(0), c.name("n")) else {
                continue;
            };
            let Some(value) = number_in_words(n.as_str()) else {
                continue;
            };
            let unit = if c.name("points").is_some() {
                Unit::PercentagePoint
            } else {
                Unit::Percent
            };
            extra.push(figure(
                m.range(),
                unit,
                Some(Decimal::new(i128::from(value), 0)),
            ));
        }
    }
    add_apart(found, extra)
}

/// `found` (in line order, no two overlapping) with the figures of `extra` that
/// overlap none of it, in line order. Each is checked against the one figure that
/// could overlap it, found by binary search.
fn add_apart(mut found: Vec<Found>, extra: Vec<Found>) -> Vec<Found> {
    let kept: Vec<Found> = extra
        .into_iter()
        .filter(|f| {
            let i = found.partition_point(|g| g.range.start < f.range.end);
            i == 0 || found[i - 1].range.end <= f.range.start
        })
        .collect();
    if kept.is_empty() {
        return found;
    }
    found.extend(kept);
    found.sort_by_key(|f| f.range.start);
    found
}

/// Adds the vague amounts (`tens of billions of USD`, `a few percent`) that overlap no
/// figure found, in line order.
fn vague(lex: &Lexicon, line: &str, cues: &Cues, found: Vec<Found>) -> Vec<Found> {
    // A vague amount holds a scale word (`tens of billions`, `several million`), a
    // vague percentage the word percent; most lines hold neither.
    let scale = cues.scale || cues.thousand;
    let percent = cues.percent;
    if !scale && !percent {
        return found;
    }
    let mut extra = Vec::new();
    let money = if scale {
        vague_money_in(lex, line, &cues.scale_at)
    } else {
        Vec::new()
    };
    for (range, cur) in money {
        let Some(meaning) = lex.meaning(cur) else {
            continue;
        };
        extra.push(Found {
            range,
            unit: Unit::Money(meaning),
            value: None,
            min: None,
            max: None,
            vague: true,
            qualifier: None,
            equivalent_of: None,
        });
    }
    let percents: Vec<regex::Captures> = if percent && VAGUE_PERCENT.is_match(line) {
        VAGUE_PERCENT.captures_iter(line).collect()
    } else {
        Vec::new()
    };
    for c in percents {
        let Some(m) = c.get(0) else { continue };
        extra.push(Found {
            range: m.range(),
            unit: if c.name("points").is_some() {
                Unit::PercentagePoint
            } else {
                Unit::Percent
            },
            value: None,
            min: None,
            max: None,
            vague: true,
            qualifier: None,
            equivalent_of: None,
        });
    }
    add_apart(found, extra)
}

/// The vague amounts of `line` (`tens of billions of USD`): each whole and its
/// currency, as [`vague_amounts`] finds them searching the line from end to end. It
/// searches only the stretches around the line's scale words (`scale_at`: where
/// [`Cues`] found `illion` and `housand`, their ASCII letters in any case), each
/// reaching over as many whitespace-separated words before and after as a vague amount
/// can hold: every match holds a scale word, so none is lost, and the expression
/// (Unicode word boundaries around thousands of currency names) never runs over a
/// whole text dump on one line, where a character that is not ASCII sends the regex
/// engine to its slowest matcher.
fn vague_money_in<'l>(
    lex: &Lexicon,
    line: &'l str,
    scale_at: &[usize],
) -> Vec<(Range<usize>, &'l str)> {
    let mut out = Vec::new();
    // `of` and the currency after the scale word's own.
    for r in scale_stretches(line, scale_at, 1 + lex.vague_tail_words) {
        let hay = &line[r.clone()];
        // Most stretches hold no vague amount: ask before capturing.
        if !VAGUE_MONEY.is_match(hay) {
            continue;
        }
        for (whole, cur) in vague_amounts(&VAGUE_MONEY, |rest| vague_tail_end(lex, rest), hay) {
            let at = |x: usize| r.start + x;
            out.push((
                at(whole.start)..at(whole.end),
                &line[at(cur.start)..at(cur.end)],
            ));
        }
    }
    out
}

/// The whitespace-separated words a vague amount can hold before its scale word (`a
/// couple of hundred million`).
const WORDS_BEFORE_SCALE: usize = 4;

/// The stretches of `line` around the scale words at `scale_at` (in order), merged
/// where they meet: from [`WORDS_BEFORE_SCALE`] words before the word holding one to
/// `after` words after it, words being what ASCII whitespace separates. Each starts
/// and ends at the line's ends or next to whitespace, so a word boundary at its ends
/// reads as in the line.
fn scale_stretches(line: &str, scale_at: &[usize], after: usize) -> Vec<Range<usize>> {
    let b = line.as_bytes();
    let space = |c: u8| c.is_ascii_whitespace();
    let mut out: Vec<Range<usize>> = Vec::new();
    for &at in scale_at {
        // To the start of the word holding `at`, then back over whole words.
        let mut s = at;
        for k in 0..=WORDS_BEFORE_SCALE {
            if k > 0 {
                while s > 0 && space(b[s - 1]) {
                    s -= 1;
                }
            }
            while s > 0 && !space(b[s - 1]) {
                s -= 1;
            }
        }
        let mut e = at;
        for k in 0..=after {
            if k > 0 {
                while e < b.len() && space(b[e]) {
                    e += 1;
                }
            }
            while e < b.len() && !space(b[e]) {
                e += 1;
            }
        }
        match out.last_mut() {
            Some(last) if s <= last.end => last.end = last.end.max(e),
            _ => out.push(s..e),
        }
    }
    out
}

/// The qualifier right before a figure starting at `at` (before `between`/`from` for a
/// range): its value and the range of its words.
fn qualifier(line: &str, at: usize, range: bool) -> Option<(&'static str, Range<usize>)> {
    let mut head = &line[..at];
    if range {
        let marker = between_start(head).or_else(|| from_before(head).map(|(start, _)| start));
        if let Some(start) = marker {
            head = &line[..start];
        }
    }
    qualifier_ending(head, true)
}

/// The qualifier that `head` ends with: its value and the range of its words. With
/// `look`, the expression runs only where [`may_end_qualifier`] lets it (what its
/// tests compare with the expression alone).
fn qualifier_ending(head: &str, look: bool) -> Option<(&'static str, Range<usize>)> {
    let from = floor_boundary(head, head.len().saturating_sub(40));
    let window = &head[from..];
    if look && !may_end_qualifier(window) {
        return None;
    }
    let q = qualifier_words(window)?;
    let words = window[q.clone()].to_ascii_lowercase();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if words == "over" && phrasal_over(&window[..q.start]) {
        return None;
    }
    let value = match words.as_str() {
        "more than" | "no less than" | "not less than" | "at least" | "upwards of"
        | "in excess of" | "over" | "above" | "exceeding" | "exceeded" | "exceeds" | "exceed"
        | "surpassing" | "surpassed" | "just over" => "over",
        "less than" | "no more than" | "not more than" | "at most" | "up to" | "under"
        | "below" | "lower than" | "fewer than" | "just under" | "as much as" => "under",
        _ => "approx",
    };
    Some((value, from + q.start..from + q.end))
}

/// Where the `q` group of [`QUALIFIER`]'s match in `window` stands: the match less the
/// spaces that end it. Every word of the group ends with a letter, `.` or `~`, so its
/// `\s*` takes all of the match's trailing spaces (Unicode's, as `trim_end` trims), and
/// the match alone is found without running the capturing engine, several times the
/// search's cost.
fn qualifier_words(window: &str) -> Option<Range<usize>> {
    let m = QUALIFIER.find(window)?;
    Some(m.start()..m.start() + m.as_str().trim_end().len())
}

/// The last words of the qualifiers of [`QUALIFIER`] (`close to`, `at least`).
const QUALIFIER_ENDS: [&str; 27] = [
    "approximately",
    "approx",
    "around",
    "about",
    "nearly",
    "almost",
    "roughly",
    "some",
    "to",
    "circa",
    "estimated",
    "at",
    "over",
    "under",
    "than",
    "least",
    "of",
    "above",
    "exceeding",
    "exceeded",
    "exceeds",
    "exceed",
    "surpassing",
    "surpassed",
    "most",
    "below",
    "as",
];

/// Whether `window` (the words before a figure) may end with what [`QUALIFIER`]
/// reads: before its last spaces, `~`, a dot (`approx.`, `ca.`), or one of
/// [`QUALIFIER_ENDS`] in any case. The expression reads Unicode, where `ſ` and the
/// Kelvin sign are an `s` and a `k` in any case: a word with a character that is not
/// ASCII is let through. Most figures have no qualifier, and the look costs a
/// fraction of a run.
fn may_end_qualifier(window: &str) -> bool {
    static ENDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&QUALIFIER_ENDS));
    let b = window.trim_end().as_bytes();
    let Some(&last) = b.last() else {
        return false;
    };
    if matches!(last, b'~' | b'.') || !last.is_ascii() {
        return true;
    }
    let from = b.len()
        - b.iter()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    (from > 0 && !b[from - 1].is_ascii()) || ENDS.holds(&b[from..])
}

/// Marks an amount restated in another currency right after another (`VND 5 billion
/// (over US$ 300,000)`, `AUD 12.4 million [$8 million]`, `..., equivalent to US$
/// 216,000`).
fn equivalents(line: &str, found: &mut [Found]) {
    for i in 1..found.len() {
        let (prev, this) = (&found[i - 1], &found[i]);
        let (Unit::Money(a), Unit::Money(b)) = (prev.unit, this.unit) else {
            continue;
        };
        if a.iso == b.iso || prev.range.end > this.range.start {
            continue;
        }
        let gap_end = this
            .qualifier
            .as_ref()
            .map_or(this.range.start, |q| q.1.start);
        let Some(gap) = line.get(prev.range.end..gap_end) else {
            continue;
        };
        if !EQUIVALENT_OPEN.is_match(gap) {
            continue;
        }
        let bracketed = gap.contains(['(', '[']);
        if bracketed && !CLOSE_PAREN.is_match(&line[this.range.end..]) {
            continue;
        }
        found[i].equivalent_of = Some(i - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_texts_cues_read_by_line_are_each_lines_own() {
        let mut texts = vec![
            "Multi-million deals: 5 Million, several THOUSANDS and 3 per-cent; percent, \
             per cent, Percentage, billions and millions.\nillions\ner\ncent er cent"
                .to_string(),
        ];
        for f in ["diplomatic-bluebook-2020.txt", "communist-review-2021.txt"] {
            let path = format!("{}/fixtures/{f}", env!("CARGO_MANIFEST_DIR"));
            texts.push(std::fs::read_to_string(path).unwrap());
        }
        let mut nonempty = 0;
        for text in &texts {
            let base = 7;
            let cues = TextCues::of(text, base);
            // Every line, and ranges that cut words and parts anywhere.
            let mut ranges: Vec<Range<usize>> = Vec::new();
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                ranges.push(at..at + line.trim_end().len());
                at += line.len();
            }
            let step = (text.len() / 3000).max(1);
            for start in (0..text.len()).step_by(step * 7) {
                for len in [0, 1, 5, 13, 40, 300] {
                    ranges.push(start..(start + len).min(text.len()));
                }
            }
            for r in ranges {
                let (start, end) = (
                    crate::text::floor(text, r.start),
                    crate::text::floor(text, r.end),
                );
                let want = Cues::of(&text[start..end]);
                nonempty += usize::from(want != Cues::default());
                assert_eq!(cues.line(base + start..base + end), want, "{start}..{end}");
            }
        }
        assert!(nonempty > 100, "{nonempty}");
    }

    /// [`inside`] as it was: two binary searches of all the matches.
    fn inside_by_search<'v, T>(
        v: &'v [T],
        at: impl Fn(&T) -> usize,
        len: usize,
        r: &Range<usize>,
    ) -> &'v [T] {
        let from = v.partition_point(|x| at(x) < r.start);
        let to = v.partition_point(|x| at(x) + len <= r.end);
        &v[from..to.max(from)]
    }

    proptest! {
        /// The matches in a range, looked for from where those of the range before
        /// began, are those two binary searches find, in any order of ranges.
        #[test]
        fn the_matches_inside_ranges_read_in_turn_are_those_searched_for(
            mut starts in prop::collection::vec(0usize..200, 0..40),
            len in 1usize..8,
            ranges in prop::collection::vec((0usize..220, 0usize..60), 0..30),
            ordered in any::<bool>(),
        ) {
            starts.sort_unstable();
            starts.dedup();
            let mut ranges: Vec<Range<usize>> = ranges.into_iter().map(|(s, l)| s..s + l).collect();
            if ordered {
                ranges.sort_by_key(|r| r.start);
            }
            let mut from = 0;
            for r in &ranges {
                prop_assert_eq!(
                    inside(&starts, |&x| x, len, r, &mut from),
                    inside_by_search(&starts, |&x| x, len, r),
                    "{:?}", r
                );
            }
        }
    }

    #[test]
    fn cues_are_what_the_lowered_line_holds() {
        // The plain reading: each of the seven parts searched for in the lowered line.
        let plain = |line: &str| {
            let low = line.to_ascii_lowercase();
            let at =
                |part: &str| -> Vec<usize> { low.match_indices(part).map(|(i, _)| i).collect() };
            let mut scale_at = at("illion");
            scale_at.extend(at("housand"));
            scale_at.sort_unstable();
            (
                (!at("illion").is_empty(), !at("illions").is_empty()),
                !at("housand").is_empty(),
                scale_at,
                !at("multi").is_empty(),
                ["ercent", "er cent", "er-cent"]
                    .iter()
                    .any(|p| low.contains(p)),
            )
        };
        let ours = |line: &str| {
            let c = Cues::of(line);
            (
                (c.scale, c.scales),
                c.thousand,
                c.scale_at,
                c.multi,
                c.percent,
            )
        };
        let mut lines: Vec<String> = [
            "US$ 5 MILLION and 3 Thousand",
            "millions of them",
            "a Multi-billion fund",
            "Per Cent",
            "PER-CENT",
            "10 percent",
            "percentage",
            "decent, recent, centre, central",
            "per  cent",
            "cent at the start",
            "er cent",
            "thousands of millions, a thousand million, ILLIONS",
            "illion housand multi cent",
            "",
            "Thế giới: 5 triệu USD, mười phần trăm",
        ]
        .map(String::from)
        .to_vec();
        lines.extend(crate::testing::fixture_lines());
        let mut with_cues = 0;
        for line in &lines {
            let (o, p) = (ours(line), plain(line));
            assert_eq!(o, p, "{line}");
            with_cues += usize::from(o.0.0 || o.1 || o.3 || o.4);
        }
        assert!(with_cues > 50, "{with_cues} lines with cues");
    }

    #[test]
    fn vague_amounts_are_found_around_scale_words_as_in_the_whole_line() {
        let lex = crate::gazetteer::Gazetteers::embedded().currency();
        let whole_re = vague_money_whole(lex);
        let whole = |line: &str| -> Vec<(Range<usize>, String)> {
            whole_re
                .captures_iter(line)
                .filter_map(|c| Some((c.get(0)?.range(), c.name("a")?.as_str().to_string())))
                .collect()
        };
        let stretched = |line: &str| -> Vec<(Range<usize>, String)> {
            vague_money_in(lex, line, &Cues::of(line).scale_at)
                .into_iter()
                .map(|(r, cur)| (r, cur.to_string()))
                .collect()
        };
        // Every paragraph of the fixtures, then all of each fixture as one line (line
        // ends made spaces), then lines made to stress the stretches' ends.
        let mut lines: Vec<String> = Vec::new();
        for (_, text) in crate::testing::fixture_texts() {
            lines.extend(text.split("\n\n").map(str::to_string));
            lines.push(text.replace('\n', " "));
        }
        for line in [
            "tens of  millions of\tUSD, a couple\u{a0}of hundred thousand euros; xmillions of USD",
            "Đà Nẵng got several hundred million US $ and (billions of dollars) and MILLIONS OF VND.",
            "a few   thousand\n\n  U.S.   dollars; many billion pounds sterling; multiple trillions",
            "millions of",
            "thousands",
            "",
        ] {
            lines.push(line.to_string());
            lines.push(format!("{} {line} ễ", "word ".repeat(3000)));
        }
        let mut found = 0;
        for line in &lines {
            let want = whole(line);
            found += want.len();
            assert_eq!(stretched(line), want, "{line:.200}");
        }
        assert!(found > 10, "{found} vague amounts");
    }

    /// The one expression of a vague amount that [`VAGUE_MONEY`] and the currency
    /// after it ([`vague_amounts`]) stand for: the currency group is `a`.
    fn vague_money_whole(lex: &Lexicon) -> Regex {
        vague_money_whole_of(&lex.vague_tail)
    }

    /// [`vague_money_whole`] of the currency forms `tail`.
    fn vague_money_whole_of(tail: &str) -> Regex {
        Regex::new(&format!(
            r"(?x)
            \b(?i:
                (?:(?:tens|hundreds|dozens)\s+of\s+)?(?:thousands|millions|billions|trillions)\s+of\s+
              | (?:several|a\s+few|a\s+couple\s+of|many|multiple)\s+(?:hundred\s+)?(?:thousand|million|billion|trillion)s?\s+(?:of\s+)?
            )(?P<a>{tail})\b"
        ))
        .unwrap()
    }

    /// The one expression of an adjective amount that [`VAGUE_ADJECTIVE`] and the
    /// currency after it stand for: the currency group is `a`.
    fn vague_adjective_whole(lex: &Lexicon) -> Regex {
        Regex::new(&format!(
            r"(?x)\b(?i:multi-?(?:million|billion|trillion))[\s-](?P<a>{})\b",
            lex.vague_tail
        ))
        .unwrap()
    }

    /// Texts of vague amounts' words, currency forms of the lexicon, words like them,
    /// and separators, in any order.
    fn vague_text() -> impl Strategy<Value = String> {
        crate::scan::texts_of(
            &[
                "tens",
                "of",
                "millions",
                "MILLIONS",
                "several",
                "a few",
                "a couple of",
                "hundred",
                "thousand",
                "thousands",
                "billions",
                "multi",
                "multi-",
                "million",
                "billion",
                "dollars",
                "dollar",
                "USD",
                "US$",
                "euros",
                "EUR",
                "VND",
                "đồng",
                "dong",
                "pounds sterling",
                "U.S. dollars",
                "yuan",
                "X",
                "ofx",
                "s",
                " ",
                " ",
                " ",
                "  ",
                "-",
                "\u{a0}",
                "\n",
                ",",
                "ễ",
                "$",
            ],
            24,
        )
    }

    /// A vague-amount search's (whole, currency) pairs by a combined expression.
    fn by_expression(re: &Regex, t: &str) -> Vec<(Range<usize>, Range<usize>)> {
        re.captures_iter(t)
            .filter_map(|c| Some((c.get(0)?.range(), c.name("a")?.range())))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]

        /// The openings with the currency read after them find what the expressions of
        /// both in one found.
        #[test]
        fn vague_amounts_are_found_as_by_one_expression(t in vague_text()) {
            static WHOLE: LazyLock<[Regex; 2]> = LazyLock::new(|| {
                let lex = crate::gazetteer::Gazetteers::embedded().currency();
                [vague_money_whole(lex), vague_adjective_whole(lex)]
            });
            let lex = crate::gazetteer::Gazetteers::embedded().currency();
            let [money, adjective] = &*WHOLE;
            // With the lexicon's look before the expression, and with the expression
            // alone.
            let looked = |rest: &str| vague_tail_end(lex, rest);
            let alone = |rest: &str| vague_tail(lex).find(rest).map(|m| m.end());
            // An adjective amount is looked for only where the cues found a scale word.
            prop_assert!(!VAGUE_ADJECTIVE.is_match(&t) || Cues::of(&t).scale, "{:?}", t);
            for (opening, whole) in [(&*VAGUE_MONEY, money), (&*VAGUE_ADJECTIVE, adjective)] {
                let want = by_expression(whole, &t);
                prop_assert_eq!(&vague_amounts(opening, looked, &t), &want);
                prop_assert_eq!(&vague_amounts(opening, alone, &t), &want);
            }
        }
    }

    /// [`QUALIFIER`] as first written, with the word class before its words.
    static QUALIFIER_WITH_CLASS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)(?:^|[^\w])(?P<q>
                approximately | approx\.? | around | about | nearly | almost | roughly | some
              | close\s+to | circa | ca\. | an\s+estimated | estimated(?:\s+at)?
              | just\s+over | just\s+under | more\s+than | no\s+less\s+than | not\s+less\s+than
              | at\s+least | upwards\s+of | in\s+excess\s+of | over | above | exceeding | exceeded
              | exceeds | exceed | surpassing | surpassed | less\s+than | no\s+more\s+than
              | not\s+more\s+than | at\s+most | up\s+to | under | below | lower\s+than
              | fewer\s+than | as\s+much\s+as | ~
            )\s*$",
        )
        .unwrap()
    });
    /// [`CHANGE_WORD`] as first written, each stem with the rest of its word.
    static CHANGE_WORD_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)\b(?:
                (?:increas|decreas|reduc|lower|rais|rose|grow|grew|fall|fell|drop|declin|climb|jump
                  |expan|shr[iu]nk|shrank|chang|doubl|tripl|halv|boost|slash|adjust|revis|upgrad
                  |downgrad|lift|hik|trim|narrow|widen|cut)\w*
              | ris(?:e|es|en|ing) | surg(?:e|es|ed|ing)
              | went | gone | go | goes | going | moved? | moving
            )\b",
        )
        .unwrap()
    });

    /// The `q` group of `re`'s captures in `t`: how the qualifier's words were read
    /// before [`qualifier_words`] read them from the match alone.
    fn qualifier_group(re: &Regex, t: &str) -> Option<Range<usize>> {
        re.captures(t).and_then(|c| c.name("q")).map(|q| q.range())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]

        /// The qualifier without the word class reads the words the expression with it
        /// read, where it read them.
        #[test]
        fn a_qualifier_is_read_as_with_the_word_class(
            t in crate::scan::texts_of(&[
                "about", "ABOUT", "ſome", "some", "approx", ".", "at", "least", "more", "than",
                "no", "over", "handed", "~", "x", "é", "ễ", "5", "_", "-", " ", "  ", "\n",
                "\u{a0}", "\u{2028}", "(", "as much as", "close to", "ca", "in excess of",
            ], 12)
        ) {
            prop_assert_eq!(qualifier_group(&QUALIFIER, &t), qualifier_group(&QUALIFIER_WITH_CLASS, &t), "{:?}", t);
        }

        /// The qualifier's words read from its match alone are its `q` group.
        #[test]
        fn a_qualifiers_words_are_its_group(
            t in crate::scan::texts_of(&[
                "about", "ABOUT", "ſome", "some", "approx", "approx.", ".", "at", "least", "more",
                "than", "close", "to", "estimated", "over", "~", "x", "é", "5", "_", "-", " ",
                "  ", "\t", "\n", "\u{a0}", "\u{2028}", "\u{3000}", "\u{85}", "(",
                "as much as", "ca", "in excess of",
            ], 12)
        ) {
            prop_assert_eq!(qualifier_words(&t), qualifier_group(&QUALIFIER, &t), "{:?}", t);
        }

        /// A change word is found where the expression with the rest of each stem's word
        /// found one.
        #[test]
        fn a_change_word_is_found_as_with_its_whole_word(
            t in crate::scan::texts_of(&[
                "increas", "ed", "ing", "INCREASE", "cut", "cuts", "ris", "e", "es", "en", "go",
                "went", "move", "moved", "surg", "ſlash", "shrunk", "x", "é", "ễ", "_", "5",
                "-", " ", "\u{a0}", "'", "K", "hik", "ſ",
            ], 10)
        ) {
            prop_assert_eq!(CHANGE_WORD.is_match(&t), CHANGE_WORD_WHOLE.is_match(&t), "{:?}", t);
        }

        /// A verb taking `over` is read by hand where the expression reads one.
        #[test]
        fn a_phrasal_over_is_read_as_the_expression_reads_it(
            t in crate::scan::texts_of(&[
                "hand", "HANDED", "Taking", "took", "won", "win", "s", "x", "_", "5", "ễ", " ",
                "  ", "\t", "\u{b}", "\n", "\u{a0}", "-", "over", "made",
            ], 8)
        ) {
            prop_assert_eq!(phrasal_over(&t), PHRASAL_OVER.is_match(&t), "{:?}", t);
        }

        /// A change word read by hand is found where the expression finds one.
        #[test]
        fn a_change_word_is_found_by_hand_as_by_the_expression(
            t in crate::scan::texts_of(&[
                "increas", "ed", "ing", "INCREASE", "cut", "cuts", "ris", "e", "es", "en", "go",
                "went", "move", "moved", "Moving", "surg", "ſlash", "shrunk", "shr", "ink", "x",
                "é", "ễ", "_", "5", "-", " ", "\u{a0}", "'", "K", "hik", "ſ", "\u{212a}", "İ",
                "ı", "’", "Go", "downgrad", "s", "\u{300}",
            ], 10)
        ) {
            prop_assert_eq!(has_change_word(&t), CHANGE_WORD.is_match(&t), "{:?}", t);
        }
    }

    #[test]
    fn the_fixtures_qualifiers_and_change_words_are_read_as_before() {
        let mut qualifiers = 0;
        let mut changes = 0;
        for line in crate::testing::fixture_lines() {
            for (at, _) in line
                .char_indices()
                .filter(|&(i, c)| i > 0 && c.is_ascii_digit())
            {
                let head = &line[..at];
                let q = qualifier_group(&QUALIFIER_WITH_CLASS, head);
                assert_eq!(qualifier_group(&QUALIFIER, head), q, "{head:?}");
                assert_eq!(qualifier_words(head), q, "{head:?}");
                qualifiers += usize::from(q.is_some());
                let from = floor_boundary(head, at.saturating_sub(120));
                let c = CHANGE_WORD_WHOLE.is_match(&head[from..]);
                assert_eq!(CHANGE_WORD.is_match(&head[from..]), c, "{head:?}");
                assert_eq!(has_change_word(&head[from..]), c, "{head:?}");
                let captured = FROM
                    .captures(head)
                    .map(|f| (f.get(0).map_or(0, |m| m.start()), f.name("verb").is_some()));
                assert_eq!(from_before(head), captured, "{head:?}");
                assert_eq!(phrasal_over(head), PHRASAL_OVER.is_match(head), "{head:?}");
                changes += usize::from(c);
            }
        }
        assert!(qualifiers > 0 && changes > 0, "{qualifiers} {changes}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The `between` before a range is read by hand where the expression reads it.
        #[test]
        fn a_between_is_read_as_the_expression_reads_it(
            t in crate::scan::texts_of(&[
                "between", "BETWEEN", "Between", "betwee", "n", "x", "_", "5", "ễ", " ", "  ",
                "\t", "\u{b}", "\n", "\u{a0}", "-",
            ], 8)
        ) {
            prop_assert_eq!(between_start(&t), BETWEEN.find(&t).map(|m| m.start()), "{:?}", t);
        }

        /// A connector's word and the `from` before a range are read from their matches
        /// as their captures read them.
        #[test]
        fn a_connector_and_a_from_are_read_as_captured(
            t in crate::scan::texts_of(&[
                "from", "FROM", "From", "rose", "up", "cut", "revised", "to", "To", "and", "AND",
                "-", " ", "  ", "\t", "\u{b}", "\u{a0}", "x", "ễ", "5", "fromage", "went",
                "_", "Rising", "shrank", "\n",
            ], 8)
        ) {
            let core = t.trim_matches(|c: char| c.is_ascii() && is_space(c as u8));
            if core == "-" || core.eq_ignore_ascii_case("to") || core.eq_ignore_ascii_case("and") {
                let captured = CONNECTOR
                    .captures(&t)
                    .map(|c| c.name("word").map(|w| w.as_str().to_ascii_lowercase()));
                prop_assert_eq!(connector_word(&t, core), captured, "{:?}", t);
            }
            let captured = FROM
                .captures(&t)
                .map(|f| (f.get(0).map_or(0, |m| m.start()), f.name("verb").is_some()));
            prop_assert_eq!(from_before(&t), captured, "{:?}", t);
        }

        /// A line the look rules out holds no link.
        #[test]
        fn a_line_with_a_link_may_hold_one(
            t in crate::scan::texts_of(&[
                "http", "https", "HTTPS", "httpſ", "ftp", "://", ":/", "/", ":", "www", "WwW",
                "ww", "w", ".", "x", " ", "5", "%20", "ễ", ")",
            ], 16)
        ) {
            prop_assert!(!URL.is_match(&t) || may_hold_url(&t), "{:?}", t);
        }

        /// A decimal comma's expression matches only where a digit follows the comma:
        /// the byte looked at before it is asked for its captures.
        #[test]
        fn a_decimal_comma_has_a_digit_after_it(
            t in crate::scan::texts_of(&[
                ",", "5", "05", "1", " ", "\u{a0}", "million", "Bn", "mn", "thousand", "x", "ễ", ".",
            ], 8)
        ) {
            let digit = t.as_bytes().get(1).is_some_and(u8::is_ascii_digit);
            prop_assert!(!DECIMAL_COMMA.is_match(&t) || digit, "{:?}", t);
        }
    }

    #[test]
    fn the_fixtures_links_stand_where_the_look_lets_them() {
        let mut links = 0;
        for line in crate::testing::fixture_lines() {
            let found = URL.is_match(&line);
            links += usize::from(found);
            assert!(!found || may_hold_url(&line), "{line:?}");
        }
        assert!(may_hold_url("see WWW.example.org") && !may_hold_url("US$ 5 million."));
        assert!(links > 0, "{links}");
    }

    #[test]
    fn an_adjective_amount_stands_where_the_cues_found_a_scale_word() {
        let mut lines = crate::testing::fixture_lines();
        lines.extend(
            [
                "a MULTI-Billion-dollar deal",
                "multitrillion euro",
                "multi-million dollar",
                "multi",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for line in &lines {
            if VAGUE_ADJECTIVE.is_match(line) {
                found += 1;
                assert!(Cues::of(line).scale, "{line:?}");
            }
        }
        assert!(found >= 3, "{found}");
    }

    /// A currency form that opens with `of` (no embedded one does): after an opening
    /// whose last `of` may be left out, the form is read from that `of` when it is
    /// not right after it, as the one expression would backtrack to it.
    #[test]
    fn a_currency_opening_with_of_is_read_from_an_optional_of() {
        for forms in [
            r"(?-u:\b)(?i-u:of(?-u:\s)+gold)",
            r"(?-u:\b)(?i-u:of(?-u:\s)+gold)|(?-u:\b)(?i-u:gold)",
        ] {
            let tail = Regex::new(&format!(r"^(?:{forms})\b")).unwrap();
            let whole = vague_money_whole_of(forms);
            for t in [
                "several thousand of gold",
                "several thousand of of gold",
                "many million gold, a few billions of gold and tens of millions of of gold",
            ] {
                let found = vague_amounts(&VAGUE_MONEY, |r| tail.find(r).map(|m| m.end()), t);
                assert_eq!(found, by_expression(&whole, t), "{t}");
            }
        }
        let tail = Regex::new(r"^(?:(?-u:\b)(?i-u:of(?-u:\s)+gold))\b").unwrap();
        assert_eq!(
            vague_amounts(
                &VAGUE_MONEY,
                |r| tail.find(r).map(|m| m.end()),
                "several thousand of gold"
            ),
            [(0..24, 17..24)]
        );
    }

    /// What the expression [`SCALE`] reads at the start of `rest`, as [`scale_word`]
    /// gives it.
    fn scale_by_expression(rest: &str) -> Option<(ScaleForm, Range<usize>, u32)> {
        let c = SCALE.captures(rest)?;
        let (form, m) = match (c.name("word"), c.name("glued"), c.name("spaced")) {
            (Some(m), _, _) => (ScaleForm::Word, m),
            (_, Some(m), _) => (ScaleForm::Glued, m),
            (_, _, Some(m)) => (ScaleForm::Spaced, m),
            _ => return None,
        };
        let w = m.as_str().to_ascii_lowercase();
        let exp = match w.trim_end_matches('s') {
            "thousand" | "k" => 3,
            "hundred" => 2,
            "lakh" => 5,
            "crore" => 7,
            "million" | "m" | "mn" | "mln" | "mm" => 6,
            "billion" | "b" | "bn" | "bln" => 9,
            "trillion" | "tn" | "trn" => 12,
            "quadrillion" => 15,
            _ => return None,
        };
        Some((form, m.range(), exp))
    }

    #[test]
    fn scale_words_are_read_as_the_expression_reads_them() {
        let mut words: Vec<&str> = SCALE_WORDS.iter().map(|p| p.0).collect();
        words.extend(SCALE_ABBREVIATIONS.iter().map(|p| p.0));
        words.extend(SCALE_LETTERS.iter().map(|p| p.0));
        words.extend(["Mm", "mil", "bnx", "thousandth", "s", ""]);
        let mut read = 0;
        for w in words {
            for form in [w.to_string(), w.to_uppercase(), w.to_lowercase()] {
                for gap in ["", " ", "\u{a0}", "\t", "\u{b}", "\n", "  "] {
                    for end in [" dollars", "", "1", "_", "-", "s", "ễ", "$", ".", "x"] {
                        let rest = format!("{gap}{form}{end}");
                        let want = scale_by_expression(&rest);
                        read += usize::from(want.is_some());
                        assert_eq!(scale_word(&rest), want, "{rest:?}");
                    }
                }
            }
        }
        assert!(read > 500, "{read}");
        // After every number of the fixtures.
        let mut after_numbers = 0;
        for line in crate::testing::fixture_lines() {
            for m in numbers(&line) {
                let rest = &line[m.end..];
                let want = scale_by_expression(rest);
                after_numbers += usize::from(want.is_some());
                assert_eq!(scale_word(rest), want, "{rest:?}");
            }
        }
        assert!(after_numbers > 50, "{after_numbers}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The first digit found sixteen bytes at a time is the one found eight at a
        /// time, from every byte of the text.
        #[test]
        fn the_next_digit_is_found_as_eight_bytes_at_a_time_find_it(
            t in crate::scan::texts_of(&[
                "a", "Z", " ", "/", ":", "0", "9", "5", "ễ", "\u{ff}", "٢", "\u{a0}", "x y z ",
                "abcdefghijklmnop", "                ",
            ], 40)
        ) {
            let b = t.as_bytes();
            for from in 0..=b.len() {
                prop_assert_eq!(next_digit_wide(b, from), next_digit(b, from), "{:?} {}", t, from);
            }
            prop_assert_eq!(next_digit_wide(b, b.len() + 3), next_digit(b, b.len() + 3));
        }

        /// The scale word after a number is read as the expression reads it, over words
        /// the look by first letter and length lets through and words it rules out.
        #[test]
        fn a_scale_word_is_read_as_the_expression_reads_it(
            t in crate::scan::texts_of(&[
                "thousand", "MILLION", "Billions", "trillion", "quadrillions", "quadrillionss",
                "hundred", "lakh", "Crores", "mln", "MN", "bn", "Bln", "tn", "trn", "MM", "Mm",
                "k", "K", "m", "M", "b", "B", "the", "of", "percent", "USD", "x", "s", " ", "  ",
                "\t", "\u{a0}", "5", "_", "-", "ễ", "$", ".",
            ], 4)
        ) {
            prop_assert_eq!(scale_word(&t), scale_by_expression(&t), "{:?}", t);
        }
    }

    #[test]
    fn the_qualifier_and_connector_looks_rule_out_no_match() {
        // Every word of the qualifiers that can end one.
        let inside = [
            "ix", "P", "q", "s", "b", "B", "close", "ca", "an", "just", "more", "no", "less",
            "not", "upwards", "in", "excess", "up", "lower", "fewer", "much",
        ];
        for w in QUALIFIER
            .as_str()
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
        {
            assert!(QUALIFIER_ENDS.contains(&w) || inside.contains(&w), "{w}");
        }
        let mut lines = crate::testing::fixture_lines();
        for q in [
            "approximately",
            "approx.",
            "approx",
            "around",
            "ABOUT",
            "nearly",
            "almost",
            "roughly",
            "some",
            "ſome",
            "close  to",
            "circa",
            "ca.",
            "an estimated",
            "estimated at",
            "just over",
            "just under",
            "more than",
            "no less than",
            "not less than",
            "at least",
            "upwards of",
            "in excess of",
            "over",
            "above",
            "exceeding",
            "exceeded",
            "exceeds",
            "exceed",
            "surpassing",
            "surpassed",
            "less than",
            "no more than",
            "not more than",
            "at most",
            "up to",
            "under",
            "below",
            "lower than",
            "fewer than",
            "as much as",
            "~",
            "handed over",
            "handsome",
            "xabout",
            "ễabout",
            "the",
            "",
        ] {
            for gap in ["", " ", "\u{a0}", "\u{2028}", "\t "] {
                lines.push(format!(
                    "worth {q}{gap}US$ 5 million, {q}{gap}10-20% and {q}{gap}7"
                ));
            }
        }
        let mut read = 0;
        for line in &lines {
            for (at, _) in line.match_indices(|c: char| c.is_ascii_digit() || c == '$') {
                let want = qualifier_ending(&line[..at], false);
                read += usize::from(want.is_some());
                assert_eq!(qualifier(line, at, false), want, "{line:?} at {at}");
            }
            for (i, _) in line.match_indices(|c: char| c.is_ascii_digit()) {
                for (j, _) in line[i..]
                    .match_indices(|c: char| c.is_ascii_digit())
                    .take(8)
                {
                    let gap = &line[i + 1..(i + j).max(i + 1)];
                    let core = gap.trim_matches(|c: char| c.is_ascii() && is_space(c as u8));
                    let looked = core == "-"
                        || core.eq_ignore_ascii_case("to")
                        || core.eq_ignore_ascii_case("and");
                    assert!(looked || !CONNECTOR.is_match(gap), "{gap:?}");
                }
            }
        }
        assert!(read > 100, "{read}");
        for gap in [
            " - ", "-", " to ", " TO\t", "  and  ", " \u{b}-", "to", " - - ", " , ",
        ] {
            let core = gap.trim_matches(|c: char| c.is_ascii() && is_space(c as u8));
            let looked =
                core == "-" || core.eq_ignore_ascii_case("to") || core.eq_ignore_ascii_case("and");
            assert!(looked || !CONNECTOR.is_match(gap), "{gap:?}");
        }
    }

    #[test]
    fn the_percent_look_lets_through_whatever_the_expression_reads() {
        for rest in [
            "%",
            " %",
            "-%",
            "% points",
            " percent",
            "-per cent",
            " Per-cent",
            " PCT",
            " pp",
            "p.p.",
            " ppts",
            " percentage points",
            "\u{b}%",
            "\u{a0}%",
            "--%",
            " -%",
            "",
            " ",
            " of",
            "P",
        ] {
            assert!(
                !PERCENT.is_match(rest) || may_open_percent(rest),
                "{rest:?}"
            );
        }
        assert!(!may_open_percent("  %"));
        assert!(!may_open_percent(" billion"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Scale words are read as [`SCALE`] reads them, and the look before
        /// [`PERCENT`] rules out only what it cannot read.
        #[test]
        fn scale_words_and_the_percent_look_agree_with_their_expressions(
            t in crate::scan::texts_of(&[
                " ", "\t", "\u{b}", "\u{a0}", "-", "%", "p", "P", "p.", "ercent", "er cent",
                "ct", "oints", "OINT", "t", "-cent", "million", "Billion", "s", "k", "M", "m", "B", "b", "n", "ln",
                "lakh", "crore", "hundred", "1", "_", "ễ", ".", "age",
            ], 6)
        ) {
            prop_assert_eq!(scale_word(&t), scale_by_expression(&t), "{:?}", t);
            prop_assert!(!PERCENT.is_match(&t) || may_open_percent(&t), "{:?}", t);
            prop_assert_eq!(
                PERCENT.find(&t).map(|m| (m.range(), percent_points(m.as_str()))),
                PERCENT
                    .captures(&t)
                    .and_then(|c| Some((c.get(0)?.range(), c.name("points").is_some()))),
                "{:?}", t
            );
        }
    }

    /// `text|amount or min-max|ISO or %|qualifier|equivalent` for each figure.
    fn show(line: &str) -> Vec<String> {
        scan(crate::gazetteer::Gazetteers::embedded().currency(), line)
            .iter()
            .map(|f| {
                let value = match (f.value, f.min, f.max) {
                    (Some(v), _, _) => v.to_string(),
                    (None, Some(a), Some(b)) => format!("{a}-{b}"),
                    _ => "?".to_string(),
                };
                let unit = match f.unit {
                    Unit::Money(m) => m.iso.to_string(),
                    Unit::Percent => "%".to_string(),
                    Unit::PercentagePoint => "pp".to_string(),
                };
                let q = f.qualifier.as_ref().map_or("", |q| q.0);
                let eq = f.equivalent_of.map_or(String::new(), |i| format!("={i}"));
                format!("{}|{value}|{unit}|{q}{eq}", &line[f.range.clone()])
            })
            .collect()
    }

    #[test]
    fn amounts_in_the_forms_reports_use() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Total imports and exports reached US$ 543.9 billion.",
                &["US$ 543.9 billion|543900000000|USD|"],
            ),
            (
                "reached US$39.62 billion",
                &["US$39.62 billion|39620000000|USD|"],
            ),
            (
                "provide AU$78.9 million in ODA",
                &["AU$78.9 million|78900000|AUD|"],
            ),
            ("with NZ$170,000 for people", &["NZ$170,000|170000|NZD|"]),
            (
                "test kits worth VND 5 billion (over US$ 300,000).",
                &[
                    "VND 5 billion|5000000000|VND|",
                    "US$ 300,000|300000|USD|over=0",
                ],
            ),
            (
                "exceeded 600 billion USD.",
                &["600 billion USD|600000000000|USD|over"],
            ),
            ("only 900 million USD", &["900 million USD|900000000|USD|"]),
            (
                "capital of US$3.84 billion USD, ranking",
                &["US$3.84 billion USD|3840000000|USD|"],
            ),
            ("AUD $85 million", &["AUD $85 million|85000000|AUD|"]),
            ("US$ 2-3 million", &["US$ 2-3 million|2000000-3000000|USD|"]),
            (
                "between $2 million and $3 million",
                &["$2 million and $3 million|2000000-3000000|USD|"],
            ),
            ("In 2020 US$ 5 million", &["US$ 5 million|5000000|USD|"]),
            ("10 $ 30 $", &["10 $|10|USD|", "30 $|30|USD|"]),
            ("10 rmb 20 usd", &["10 rmb|10|CNY|", "20 usd|20|USD|"]),
            (
                "$ 20,000.00 $ 37,305.97",
                &["$ 20,000.00|20000|USD|", "$ 37,305.97|37305.97|USD|"],
            ),
            ("nearly US$ 300,000", &["US$ 300,000|300000|USD|approx"]),
            ("handing over US$ 50,000 as", &["US$ 50,000|50000|USD|"]),
            (
                "tens of billions of USD",
                &["tens of billions of USD|?|USD|"],
            ),
            ("GDP grew by 2.91% in 2020", &["2.91%|2.91|%|"]),
            ("recession (-3.5%), with", &["-3.5%|-3.5|%|"]),
            (
                "17 percent and 98.37 per cent",
                &["17 percent|17|%|", "98.37 per cent|98.37|%|"],
            ),
            (
                "rose 0.5 percentage points",
                &["0.5 percentage points|0.5|pp|"],
            ),
            ("2-3% of", &["2-3%|2-3|%|"]),
            ("7-9 lakh rupees", &["7-9 lakh rupees|700000-900000|INR|"]),
            ("$10K and 10k$", &["$10K|10000|USD|", "10k$|10000|USD|"]),
            ("30 MUSD", &["30 MUSD|30000000|USD|"]),
            (
                "VND 1.000.000 and VND 2.500.000,5",
                &[
                    "VND 1.000.000|1000000|VND|",
                    "VND 2.500.000,5|2500000.5|VND|",
                ],
            ),
            ("US$ 1,5 billion", &["US$ 1,5 billion|1500000000|USD|"]),
        ];
        for (line, want) in cases {
            assert_eq!(&show(line), want, "{line}");
        }
    }

    #[test]
    fn numbers_are_read_whole() {
        let line = "1,190,000 masks, 543.9, 1.000.000,5 and 1.000, 2020-2021, 12,34 or 10K";
        let got: Vec<&str> = numbers(line).map(|r| &line[r]).collect();
        assert_eq!(
            got,
            [
                "1,190,000",
                "543.9",
                "1.000.000,5",
                "1.000",
                "2020",
                "2021",
                "12",
                "34",
                "10"
            ]
        );
    }

    #[test]
    fn numbers_that_are_no_figures() {
        for line in [
            "Viet Nam gifted Japan with 1,190,000 medical face masks.",
            "Due to COVID-19, the G20 met in 2020 with 192/193 votes at 9:23:48 AM | 2/14/2021.",
            "See http://a.com/q?x=30%25%2020%20and%20y for 10-20 visits.",
            "the 26th United Nations Climate Change Conference (COP 26)",
            "All 70 of us. ALL 5 solutions are wrong. I tried to call Bob 3 times.",
            "Viet Nam in 2020 won the vote; 5,000 pounds of rice.",
            "a 10-year plan for 3D printing in the 19th century",
        ] {
            assert_eq!(show(line), Vec::<String>::new(), "{line}");
        }
    }
}
