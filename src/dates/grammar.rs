//! The date grammar over tokens: points, lists and ranges, and the rules that keep
//! numbers and names from reading as dates.
//!
//! At each token the scanner tries, in order: a range (`4-6 December 2020`, `from
//! October 30 to November 1, 2022`, `the 2016-2020 period`), a list sharing its year
//! (`March, May and August 2020`), a single date, then a bare month or year in a date
//! position. The first that reads wins and the scan goes on after it. A reading is
//! dropped when its edges are glued to a bigger number or code (`6,107.31`,
//! `138-2010-2015`, `ARMY-2020`).

use super::lexer::{Kind, Token, lex_into, lowered};
use super::{Found, Item, Order, Point, Relative};
use crate::scan::with_buffer;
use crate::vocab::NumericOrder;
use std::cell::RefCell;

/// The dates of `text`, in order. `order` is the document's day/month convention.
pub(crate) fn scan(text: &str, order: Order) -> Vec<Found> {
    // Tokens hold their ranges as `u32`s: a longer text (no paragraph is) is read in
    // pieces.
    if text.len() > u32::MAX as usize {
        return in_pieces(text, u32::MAX as usize, |piece| scan(piece, order));
    }
    thread_local! {
        static TOKENS: RefCell<Vec<Token>> = const { RefCell::new(Vec::new()) };
        static CUES: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    }
    with_buffer(&TOKENS, KEPT_TOKENS, |toks| {
        with_buffer(&CUES, KEPT_TOKENS, |cues| {
            lex_into(text, toks, cues);
            // Every reading holds a number, a month or a calendar noun ([`read`]): a
            // paragraph with none of them is not read. Its lexing costs about what a
            // look for digits and cue words before it did, and a paragraph with cues
            // is no longer looked through twice.
            if cues.is_empty() {
                return Vec::new();
            }
            read(text, toks, cues, order)
        })
    })
}

/// The dates `scan` finds in the pieces of `text` of at most `most` bytes (cut after
/// the last whitespace that leaves a piece no longer, else at a character boundary),
/// their ranges in `text`.
fn in_pieces(text: &str, most: usize, scan: impl Fn(&str) -> Vec<Found>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let rest = &text[from..];
        let mut cut = rest.len();
        if cut > most {
            cut = match rest.as_bytes()[..most]
                .iter()
                .rposition(u8::is_ascii_whitespace)
            {
                Some(k) => k + 1,
                None => (1..=most)
                    .rev()
                    .find(|&k| rest.is_char_boundary(k))
                    .unwrap_or(0),
            };
            if cut == 0 {
                cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
            }
        }
        out.extend(scan(&rest[..cut]).into_iter().map(|mut f| {
            f.range = f.range.start + from..f.range.end + from;
            f
        }));
        from += cut;
    }
    out
}

/// The most tokens whose buffer a thread keeps between paragraphs.
const KEPT_TOKENS: usize = 1 << 16;

/// The dates of the tokens `toks` of `text`, whose cues ([`Token::is_cue`]) are the
/// tokens at `cues`, in order.
fn read(text: &str, toks: &[Token], cues: &[u32], order: Order) -> Vec<Found> {
    let p = Parser {
        text,
        t: toks,
        order,
    };
    // Every reading holds a number, a month or one of the calendar nouns within its
    // first five tokens (`the end of the year`, `later this month`, `the first half
    // of`): a token with none of them that near opens nothing. So the scan goes from
    // cue to cue, and tries the tokens from five before each cue up to it; and, as a
    // cue past the last, the last five tokens. `i` only moves on: a reading that ends
    // past a cue passes the tokens before it over.
    let mut out = Vec::new();
    let mut i = 0;
    // Each cue's index and the index after the last token tried for it.
    let cues = cues.iter().map(|&k| (k as usize, k as usize + 1));
    for (cue, end) in cues.chain([(toks.len(), toks.len())]) {
        i = i.max(cue.saturating_sub(CUE_REACH));
        while i < end {
            if may_open(text, &toks[i])
                && let Some((found, next)) = p.expr(i)
            {
                out.push(found);
                i = next;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// How many tokens after its first a reading's first number, month or calendar noun
/// may come, at most: `the end of this year` (4), with one to spare.
const CUE_REACH: usize = 5;

/// The first words of [`Parser::period`]'s rules, in lower case (`the`, a season, an
/// ordinal, a small count, `early`/`late`/`mid`, `this`/`next`/`last`, the codes `Q`
/// and `H`).
const PERIOD_OPENERS: [&str; 32] = [
    "the", "spring", "summer", "autumn", "fall", "first", "second", "third", "fourth", "last",
    "final", "latter", "q", "h", "a", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "early", "earlier", "late", "later", "mid", "this", "next",
];

/// The words besides [`PERIOD_OPENERS`] that open a reading of [`Parser::expr`]
/// before its first number or month: the openers of a range (`from 3 to 5 May`,
/// `between March and June`).
const RANGE_OPENERS: [&str; 2] = ["from", "between"];

/// Whether a word, in any ASCII case, may open a [`Parser::period`]: one of
/// [`PERIOD_OPENERS`], matched by length and bytes (a test holds the two lists equal)
/// instead of compared with each in turn.
fn opens_period(word: &str) -> bool {
    let Some((low, len)) = lowered::<7>(word.as_bytes()) else {
        return false;
    };
    matches!(
        &low[..len],
        b"the"
            | b"spring"
            | b"summer"
            | b"autumn"
            | b"fall"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"last"
            | b"final"
            | b"latter"
            | b"q"
            | b"h"
            | b"a"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"early"
            | b"earlier"
            | b"late"
            | b"later"
            | b"mid"
            | b"this"
            | b"next"
    )
}

/// How many words open a reading before any number or month ([`opener`]).
const OPENERS: usize = PERIOD_OPENERS.len() + RANGE_OPENERS.len();

/// The `k`th word of [`PERIOD_OPENERS`] then [`RANGE_OPENERS`], for the tables built
/// when compiling.
const fn opener(k: usize) -> &'static [u8] {
    if k < PERIOD_OPENERS.len() {
        PERIOD_OPENERS[k].as_bytes()
    } else {
        RANGE_OPENERS[k - PERIOD_OPENERS.len()].as_bytes()
    }
}

/// Per first letter (lowered), the lengths (as bits) of the words that may open a
/// reading ([`PERIOD_OPENERS`], [`RANGE_OPENERS`]): a word of another shape opens
/// none, and [`read`] passes it over without trying the rules.
static OPENER_SHAPES: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut k = 0;
    while k < OPENERS {
        let w = opener(k);
        table[w[0] as usize] |= 1 << w.len();
        k += 1;
    }
    table
};

/// Whether the token `t` of `text` may open a reading: a number, a month's name, or
/// one of the words that open one ([`is_opener`], asked only of a word of the shape of
/// one of them, [`OPENER_SHAPES`]). For any other token [`Parser::expr`] finds
/// nothing at once: a word of an opener's shape that is none (`that`, `they`, `their`)
/// is passed over here, without the call.
#[inline]
fn may_open(text: &str, t: &Token) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => false,
        Kind::Word => {
            let len = t.len();
            t.month > 0
                || (len < 16
                    && OPENER_SHAPES[usize::from(text.as_bytes()[t.start()] | 0x20)] & (1 << len)
                        != 0
                    && is_opener(text.as_bytes(), t))
        }
    }
}

/// The multiplier of [`opener_slot`]'s hash: one under which no two words of
/// [`OPENER_KEYS`] share a slot (its table would not build otherwise).
const OPENER_HASH: u64 = 0x5561_ca8c_867d_7d3d;

/// The slot of [`OPENER_KEYS`] a word's key ([`word_key`]) is looked for at.
#[inline]
const fn opener_slot(key: u64) -> usize {
    (key.wrapping_mul(OPENER_HASH) >> 58) as usize
}

/// The words that open a reading before any number or month ([`PERIOD_OPENERS`],
/// [`RANGE_OPENERS`]), each as its key ([`word_key`]) at its slot ([`opener_slot`]);
/// 0, no word's key, in the other slots. One look-up tells a word from all of them.
static OPENER_KEYS: [u64; 64] = {
    let mut table = [0u64; 64];
    let mut k = 0;
    while k < OPENERS {
        let w = opener(k);
        let mut key = 0u64;
        let mut j = 0;
        while j < w.len() {
            key |= (w[j] as u64) << (8 * j);
            j += 1;
        }
        let slot = opener_slot(key);
        assert!(table[slot] == 0, "two openers share a slot");
        table[slot] = key;
        k += 1;
    }
    table
};

/// The key of the word token `t` of `text`: its bytes, with each byte's 0x20 bit set,
/// as a little-endian number; none for a word of more than eight bytes. Setting the bit
/// lowers an ASCII letter and leaves a byte of another script above 0x7f, so two words
/// have the same key when they are equal in any ASCII case, and a word of another
/// script's letters has the key of no lower-case ASCII word.
#[inline]
fn word_key(text: &[u8], t: &Token) -> Option<u64> {
    let len = t.len();
    if len == 0 || len > 8 {
        return None;
    }
    let w = crate::scan::word_at(text, t.start()).unwrap_or_else(|| {
        text[t.start()..t.end()]
            .iter()
            .rev()
            .fold(0, |w, &c| w << 8 | u64::from(c))
    });
    Some((w | 0x2020_2020_2020_2020) & (u64::MAX >> (64 - 8 * len)))
}

/// Whether the word token `t` of `text` is, in any ASCII case, one that
/// [`Parser::expr`] reads a date from before any number or month: one of
/// [`PERIOD_OPENERS`] or of [`RANGE_OPENERS`] ([`OPENER_KEYS`]).
#[inline]
fn is_opener(text: &[u8], t: &Token) -> bool {
    word_key(text, t).is_some_and(|key| OPENER_KEYS[opener_slot(key)] == key)
}

/// The lowest and highest years read as years.
const YEARS: std::ops::RangeInclusive<u32> = 1000..=2199;

/// What a point is, as far as the rules around it care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// A date that stands on its own: `29 July 2020`, `November 2020`, `April 22`.
    Full,
    /// A month without day or year: `November`.
    Month,
    /// A year alone: `2020`.
    Year,
    /// A day alone: `4` in `4-6 December`.
    Day,
    /// A numeric day and month without a year: `5/1` in `5/1-5/7, 2020`.
    NumericPair,
}

/// A point read at some token, and the token after it.
#[derive(Clone, Copy, Debug)]
struct Pt {
    p: Point,
    form: Form,
    next: usize,
    /// The first token is upper-case (a month name: `May`).
    cap: bool,
    /// Written with numbers only (`2/14/2021`).
    numeric: bool,
    ambiguous: bool,
}

impl Pt {
    fn new(p: Point, form: Form, next: usize) -> Pt {
        Pt {
            p,
            form,
            next,
            cap: false,
            numeric: false,
            ambiguous: false,
        }
    }
}

/// The word that opens a range, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opener {
    None,
    From,
    Between,
}

/// Words after which a bare month or year is a date (`in November`, `by 2020`).
const CUES: Words = Words::new(&[
    "in",
    "during",
    "throughout",
    "since",
    "until",
    "till",
    "by",
    "before",
    "after",
    "from",
    "to",
    "through",
    "thru",
    "of",
    "for",
    "between",
    "around",
    "within",
    "beyond",
    "early",
    "mid",
    "late",
    "against",
    "than",
    "with",
    "year",
]);

/// The cues after which a bare month is a date (`to` and `for` are not: `to march`).
const MONTH_CUES: &[&str] = &[
    "in",
    "during",
    "throughout",
    "since",
    "until",
    "till",
    "by",
    "before",
    "after",
    "from",
    "through",
    "thru",
    "of",
    "between",
    "around",
    "within",
    "early",
    "mid",
    "late",
];

/// Words after which a lower-case `may` or `march` before a number is a month.
const DATE_PREPOSITIONS: Words = Words::new(&[
    "on", "in", "by", "until", "till", "from", "since", "before", "after", "of", "to", "through",
    "between", "and", "or", "the", "during",
]);

/// `the` and the possessives: before a year and a lower-case word, a date (`the 2019
/// figure`, `their 2030 goal`); before a capitalised one, a name (`the 2030 Agenda`,
/// `our 2020 ASEAN Chairmanship`).
const DETERMINERS: Words = Words::new(&["the", "our", "their", "its", "his", "her", "your", "my"]);

/// Words of quantity before a number: `an estimated 2000 people` is a count.
const QUANTITY: Words = Words::new(&[
    "estimated",
    "additional",
    "extra",
    "further",
    "remaining",
    "total",
    "mere",
    "whopping",
    "staggering",
    "approximate",
    "another",
    "other",
    "more",
    "fewer",
    "less",
    "least",
    "most",
    "some",
    "nearly",
    "almost",
    "about",
    "around",
    "over",
    "under",
    "only",
    "just",
    "first",
    "last",
    "next",
    "top",
]);

/// Nouns of people after a number: a count (`the remaining 2000 people`).
const PEOPLE: Words = Words::new(&[
    "people",
    "staff",
    "personnel",
    "children",
    "women",
    "men",
    "persons",
]);

/// The last word of a capitalised name of a gathering, which a year opening the name
/// dates (`the 2018 Singapore Summit`, `the 2023 APEC Leaders’ Meeting`), where a year
/// opening another name is part of it (`the 2030 Agenda`).
const GATHERINGS: Words = Words::new(&[
    "Summit",
    "Meeting",
    "Conference",
    "Forum",
    "Dialogue",
    "Congress",
    "Games",
    "Olympics",
    "Expo",
    "Session",
    "Talks",
    "Visit",
]);

/// Cues after which a year is one the text compares with, not the time it speaks of.
const COMPARING: &[&str] = &["against", "than", "with", "since"];

/// Words that make a following month relative (`next June`): not read.
const RELATIVE: Words = Words::new(&[
    "next",
    "last",
    "this",
    "coming",
    "past",
    "previous",
    "following",
    "every",
    "each",
]);

/// Verbs ending in `s` that may follow a year (`2020 was`); another lower-case word
/// ending in `s` after a number makes it a count (`2000 pieces`).
const S_VERBS: &[&str] = &[
    "was",
    "has",
    "is",
    "does",
    "remains",
    "continues",
    "sees",
    "marks",
    "means",
    "shows",
];

/// A list of words, compared in any ASCII case, with the shapes of its words (first
/// letter and length) in a table: most words are ruled out by one look in it before
/// the list is searched.
struct Words {
    list: &'static [&'static str],
    /// One bit per first letter (its low five bits, the same in either case) and
    /// length (below 16): set for those of the list's words.
    shapes: [u64; 8],
}

impl Words {
    /// The words of `list` (each of one to fifteen bytes).
    const fn new(list: &'static [&'static str]) -> Words {
        let mut shapes = [0u64; 8];
        let mut k = 0;
        while k < list.len() {
            let w = list[k].as_bytes();
            assert!(!w.is_empty() && w.len() < 16);
            let bit = (w[0] & 0x1f) as usize * 16 + w.len();
            shapes[bit / 64] |= 1 << (bit % 64);
            k += 1;
        }
        Words { list, shapes }
    }

    /// The word of the list `word` is, in any ASCII case. A word that equals one of
    /// the list in any ASCII case has its length and its first byte's low five bits.
    fn find(&self, word: &[u8]) -> Option<&'static str> {
        let bit = match *word {
            [a, ..] if word.len() < 16 => usize::from(a & 0x1f) * 16 + word.len(),
            _ => return None,
        };
        if self.shapes[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.list
            .iter()
            .copied()
            .find(|w| w.as_bytes().eq_ignore_ascii_case(word))
    }
}

struct Parser<'a> {
    text: &'a str,
    t: &'a [Token],
    order: Order,
}

impl Parser<'_> {
    // ---- token tests -------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Token> {
        self.t.get(i)
    }

    fn str(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &self.text[t.start()..t.end()])
    }

    /// The bytes of token `t`: words are compared as bytes, without the character
    /// boundary checks of slicing a `str`.
    fn bytes(&self, t: &Token) -> &[u8] {
        &self.text.as_bytes()[t.start()..t.end()]
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == Kind::Word && self.bytes(t).eq_ignore_ascii_case(w.as_bytes())
        })
    }

    /// The word of `words` token `i` is, in any ASCII case.
    fn word_in(&self, i: usize, words: &'static Words) -> Option<&'static str> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        words.find(self.bytes(t))
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// Token `i` is a noun of the calendar (`year`, `half`, a season).
    fn calendar(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::calendar)
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued())
    }

    /// A plain number (no ordinal suffix) at `i`.
    fn num(&self, i: usize) -> Option<&Token> {
        self.tok(i).filter(|t| t.kind == Kind::Num && !t.ordinal())
    }

    /// A year: four digits, 1000 to 2199.
    fn year(&self, i: usize) -> Option<i32> {
        self.num(i)
            .filter(|t| t.digits == 4 && YEARS.contains(&t.value))
            .map(|t| t.value as i32)
    }

    /// A day of the month: one or two digits (`4`, `04`, `4th`), 1 to 31.
    fn day(&self, i: usize) -> Option<u8> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Num && t.digits <= 2 && (1..=31).contains(&t.value))
            .map(|t| t.value as u8)
    }

    /// A month name at `i`, and the token after it (a period after an abbreviation,
    /// `Oct. 2001`, `Dec. 31`, belongs to it when a number follows, and so does one
    /// before the word or dash of a range: `from 1 Jan. to 5 Feb. 2024`).
    fn month(&self, i: usize) -> Option<(u8, usize)> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Word && t.month > 0)?;
        let mut next = i + 1;
        if self.is_punct(next, '.') && self.glued(next) {
            if let Some(n) = self.tok(next + 1).filter(|n| n.kind == Kind::Num) {
                if t.abbr() || n.digits <= 2 {
                    next += 1;
                }
            } else if t.abbr() && self.range_sep(next + 1, Opener::Between).is_some() {
                next += 1;
            }
        }
        Some((t.month, next))
    }

    /// A year after a date: `2020`, `, 2020`, `of 2020`, `in 2020`, and an editor's
    /// `[2022]`; with the token after it.
    fn trailing_year(&self, j: usize) -> (Option<i32>, usize) {
        if let Some(y) = self.year(j) {
            return (Some(y), j + 1);
        }
        if let Some(y) = self.bracketed_year(j) {
            return (Some(y), j + 3);
        }
        if self.is_punct(j, ',') || self.is_word(j, "of") || self.is_word(j, "in") {
            if let Some(y) = self.year(j + 1) {
                return (Some(y), j + 2);
            }
        }
        (None, j)
    }

    /// A year an editor put in brackets at `j`: `[2021]` (`in June <s>2019</s>
    /// [2021]`).
    fn bracketed_year(&self, j: usize) -> Option<i32> {
        if self.is_punct(j, '[') && self.is_punct(j + 2, ']') {
            self.year(j + 1)
        } else {
            None
        }
    }

    // ---- points ------------------------------------------------------------------

    /// A date that stands on its own, or a numeric day/month pair.
    fn point(&self, i: usize) -> Option<Pt> {
        let numeric = self.numeric(i);
        if numeric.is_some_and(|p| p.form == Form::Full) {
            return numeric;
        }
        self.day_month(i)
            .or_else(|| self.month_day(i))
            .or_else(|| self.month_year(i))
            .or_else(|| self.year_month(i))
            .or(numeric)
    }

    /// Numeric dates: `2015-03-03`, `2019-sep-1`, `2/14/2021`, `27/06/2023`,
    /// `11/12,2016`, `31-Oct-74`, `Sep-23-2020`, `2014-10`, `3/2015`, `1-jan`, and the
    /// pair `5/1` (only ever part of a range that writes its year).
    fn numeric(&self, i: usize) -> Option<Pt> {
        let first = self.tok(i)?;
        let sep = self
            .tok(i + 1)
            .filter(|t| t.glued() && t.kind == Kind::Punct && matches!(t.ch(), '/' | '-' | '.'))?
            .ch();
        let second = self.tok(i + 2).filter(|t| t.glued())?;
        // The third part, glued to the second by the same separator.
        let third = (self.is_punct(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4))
            .then(|| self.num(i + 4))
            .flatten();
        let with = |p: Point, form: Form, next: usize, numeric: bool, ambiguous: bool| {
            let mut pt = Pt::new(p, form, next);
            pt.numeric = numeric;
            pt.ambiguous = ambiguous;
            pt
        };
        let date = |y: Option<i32>, m: u8, d: u8| Point {
            year: y,
            month: Some(m),
            day: Some(d),
        };
        // `Sep-23-2020`, `Sep/23/2020`: a month name, then day and year.
        if first.kind == Kind::Word {
            if first.month == 0 || sep == '.' {
                return None;
            }
            let d = self.day(i + 2).filter(|_| !second.ordinal())?;
            let y = expand_year(third?)?;
            return Some(with(
                date(Some(y), first.month, d),
                Form::Full,
                i + 5,
                false,
                false,
            ));
        }
        let a = self.num(i)?;
        if a.digits == 4 {
            // Year first: Y-M-D, Y-Mon-D, Y-M.
            let y = YEARS.contains(&a.value).then_some(a.value as i32)?;
            let (m, numeric) = match second.kind {
                Kind::Num if second.digits <= 2 && !second.ordinal() => {
                    (u8::try_from(second.value).ok()?, true)
                }
                Kind::Word if second.month > 0 && sep != '.' => (second.month, false),
                _ => return None,
            };
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(c) = third {
                let p = date(Some(y), m, u8::try_from(c.value).ok()?);
                return (c.digits <= 2 && (1..=31).contains(&c.value))
                    .then(|| with(p, Form::Full, i + 5, numeric, false));
            }
            if sep == '.' || !numeric {
                return None;
            }
            let p = Point {
                year: Some(y),
                month: Some(m),
                day: None,
            };
            return Some(with(p, Form::Full, i + 3, true, false));
        }
        if a.digits > 2 {
            return None;
        }
        if second.kind == Kind::Word {
            // D-Mon-Y, D/Mon/Y, D-Mon.
            if second.month == 0 || sep == '.' {
                return None;
            }
            let d = u8::try_from(a.value)
                .ok()
                .filter(|d| (1..=31).contains(d))?;
            let (year, next) = match third {
                Some(c) => (Some(expand_year(c)?), i + 5),
                None => (None, i + 3),
            };
            return Some(with(
                date(year, second.month, d),
                Form::Full,
                next,
                false,
                false,
            ));
        }
        let b = self.num(i + 2)?;
        if let Some(c) = third {
            // D/M/Y or M/D/Y.
            let y = expand_year(c)?;
            if b.digits > 2 {
                return None;
            }
            let (m, d, ambiguous) = self.day_and_month(a.value, b.value, Some(y))?;
            return Some(with(
                date(Some(y), m, d),
                Form::Full,
                i + 5,
                true,
                ambiguous,
            ));
        }
        if sep == '.' {
            return None;
        }
        if b.digits == 4 {
            // M/YYYY.
            let y = YEARS.contains(&b.value).then_some(b.value as i32)?;
            let m = u8::try_from(a.value)
                .ok()
                .filter(|m| (1..=12).contains(m))?;
            let p = Point {
                year: Some(y),
                month: Some(m),
                day: None,
            };
            return Some(with(p, Form::Full, i + 3, true, false));
        }
        if b.digits > 2 {
            return None;
        }
        // A day/month pair: with a year glued on by a comma (`11/12,2016`), a date;
        // without one, only ever part of a range that writes its year.
        if sep == '/' && self.is_punct(i + 3, ',') && self.glued(i + 3) {
            if let Some(c) = self.num(i + 4).filter(|c| c.digits == 4 && c.glued()) {
                let y = expand_year(c)?;
                let (m, d, ambiguous) = self.day_and_month(a.value, b.value, Some(y))?;
                return Some(with(
                    date(Some(y), m, d),
                    Form::Full,
                    i + 5,
                    true,
                    ambiguous,
                ));
            }
        }
        let (m, d, ambiguous) = self.day_and_month(a.value, b.value, None)?;
        Some(with(
            date(None, m, d),
            Form::NumericPair,
            i + 3,
            true,
            ambiguous,
        ))
    }

    /// Month and day of a numeric pair `a`/`b`: by validity first (`27/06` can only
    /// be day/month), then by the document's convention; with neither, day/month,
    /// flagged ambiguous. A pair that can only be read as a day the month does not
    /// have (`2/29/2019`) is kept as written: the date is recognised, not valid.
    fn day_and_month(&self, a: u32, b: u32, year: Option<i32>) -> Option<(u8, u8, bool)> {
        let shape = |d: u32, m: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
        let reading = |d: u32, m: u32, valid: bool| -> Option<(u8, u8)> {
            let (d8, m8) = (u8::try_from(d).ok()?, u8::try_from(m).ok()?);
            let p = Point {
                year,
                month: Some(m8),
                day: Some(d8),
            };
            (shape(d, m) && (!valid || p.valid())).then_some((m8, d8))
        };
        let pick = |df: Option<(u8, u8)>, mf: Option<(u8, u8)>| match (df, mf) {
            (Some(r), None) | (None, Some(r)) => Some((r.0, r.1, false)),
            (Some(df), Some(mf)) if df == mf => Some((df.0, df.1, false)),
            (Some(df), Some(mf)) => match self.order {
                Some(NumericOrder::DayFirst) => Some((df.0, df.1, false)),
                Some(NumericOrder::MonthFirst) => Some((mf.0, mf.1, false)),
                None => Some((df.0, df.1, true)),
            },
            (None, None) => None,
        };
        pick(reading(a, b, true), reading(b, a, true))
            .or_else(|| pick(reading(a, b, false), reading(b, a, false)))
    }

    /// `29 July 2020`, `1st August 2020`, `the 4th of July`, `14april 2015`,
    /// `16. nov. 2016`, `26th june of 2020`, `4 December`.
    fn day_month(&self, i: usize) -> Option<Pt> {
        let mut j = i;
        if self.is_word(j, "the") {
            j += 1;
        }
        let d = self.day(j)?;
        let ordinal = self.tok(j).is_some_and(|t| t.ordinal());
        j += 1;
        if self.is_punct(j, '.') && self.glued(j) && self.month(j + 1).is_some() {
            j += 1;
        }
        let of = self.is_word(j, "of");
        if of {
            j += 1;
        }
        let month_at = j;
        let (m, j) = self.month(j)?;
        let (year, next) = self.trailing_year(j);
        // `Article 2 may be amended`: a lower-case `may` after a plain number is a
        // verb unless a year follows (`the 4th of march` is a date).
        if year.is_none() && !ordinal && !of && self.lower_may_march(month_at) {
            return None;
        }
        let p = Point {
            year,
            month: Some(m),
            day: Some(d),
        };
        Some(Pt::new(p, Form::Full, next))
    }

    /// Token `i` is `may` or `march` in lower case.
    fn lower_may_march(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| matches!(t.month, 3 | 5) && !t.abbr() && !t.cap())
    }

    /// Token `i` is `may` or `march` in lower case after a word that is not a
    /// preposition: a verb (`they march 3 km`, `it may 2 ...`), where `on march 3`
    /// and a text opening `march 3` are dates.
    fn verb_month(&self, i: usize) -> bool {
        let lower = self.lower_may_march(i);
        let after_word = i.checked_sub(1).is_some_and(|b| {
            self.tok(b).is_some_and(|t| t.kind == Kind::Word)
                && self.word_in(b, &DATE_PREPOSITIONS).is_none()
        });
        lower && after_word
    }

    /// `September 10, 2023`, `Dec. 31 , 1994`, `october, 1st`, `february the 15th`,
    /// `jan-1`, `oct/2`, `Dec31`, `December 27`.
    fn month_day(&self, i: usize) -> Option<Pt> {
        let (m, mut j) = self.month(i)?;
        if (self.is_punct(j, '-') || self.is_punct(j, '/')) && self.glued(j) && self.glued(j + 1) {
            let d = self.day(j + 1)?;
            let p = Point {
                year: None,
                month: Some(m),
                day: Some(d),
            };
            return Some(Pt::new(p, Form::Full, j + 2));
        }
        // A comma between month and day only before an ordinal or with a year after
        // the day: `October, 1st`, `July, 14, 2021`, but `In October, 12 countries
        // ...` is no date.
        let comma = self.is_punct(j, ',');
        if comma {
            j += 1;
        }
        if self.is_word(j, "the") {
            j += 1;
        }
        let d = self.day(j)?;
        let ordinal = self.tok(j).is_some_and(|t| t.ordinal());
        let (year, next) = self.trailing_year(j + 1);
        if comma && !ordinal && year.is_none() {
            return None;
        }
        // `they march 3 km`, `it may 2 ...`: verbs.
        if self.verb_month(i) && !ordinal && year.is_none() {
            return None;
        }
        let p = Point {
            year,
            month: Some(m),
            day: Some(d),
        };
        Some(Pt::new(p, Form::Full, next))
    }

    /// `November 2020`, `Jan, 2001`, `Oct. 2001`, `Dec-2018`, `Dec/2018`, `June of 2019`,
    /// `April in 2016`, `May [2022]`.
    fn month_year(&self, i: usize) -> Option<Pt> {
        let (m, mut j) = self.month(i)?;
        if let Some(y) = self.bracketed_year(j) {
            let p = Point {
                year: Some(y),
                month: Some(m),
                day: None,
            };
            return Some(Pt::new(p, Form::Full, j + 3));
        }
        let dashed =
            (self.is_punct(j, '-') || self.is_punct(j, '/')) && self.glued(j) && self.glued(j + 1);
        if self.is_punct(j, ',') || self.is_word(j, "of") || self.is_word(j, "in") || dashed {
            j += 1;
        }
        let y = self.year(j)?;
        let p = Point {
            year: Some(y),
            month: Some(m),
            day: None,
        };
        Some(Pt::new(p, Form::Full, j + 1))
    }

    /// `2016 November`, not followed by a day.
    fn year_month(&self, i: usize) -> Option<Pt> {
        let y = self.year(i)?;
        if self.glued(i + 1) {
            return None;
        }
        let (m, j) = self.month(i + 1)?;
        if self.day(j).is_some() {
            return None;
        }
        let p = Point {
            year: Some(y),
            month: Some(m),
            day: None,
        };
        Some(Pt::new(p, Form::Full, j))
    }

    /// A bare month, a bare year or a bare day (with `the`), for ranges and lists.
    fn bare(&self, i: usize) -> Option<Pt> {
        if let Some((m, next)) = self.month(i) {
            let p = Point {
                month: Some(m),
                ..Point::default()
            };
            let mut pt = Pt::new(p, Form::Month, next);
            pt.cap = self.tok(i).is_some_and(|t| t.cap());
            return Some(pt);
        }
        if let Some(y) = self.year(i) {
            return Some(Pt::new(Point::year(y), Form::Year, i + 1));
        }
        let j = if self.is_word(i, "the") { i + 1 } else { i };
        let d = self.day(j)?;
        // A day glued to more of a number is no day (`6,107.31`, `4.22`, `10:30`).
        let more = self.tok(j + 1).is_some_and(|t| {
            t.glued() && t.kind == Kind::Punct && matches!(t.ch(), '.' | ',' | ':')
        }) && self
            .tok(j + 2)
            .is_some_and(|t| t.glued() && t.kind == Kind::Num);
        if more || (self.is_punct(j + 1, '%') && self.glued(j + 1)) {
            return None;
        }
        let p = Point {
            day: Some(d),
            ..Point::default()
        };
        Some(Pt::new(p, Form::Day, j + 1))
    }

    // ---- expressions -------------------------------------------------------------

    /// The date starting at token `i`, and the token after it.
    fn expr(&self, i: usize) -> Option<(Found, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Word && t.month == 0 {
            if let Some((found, next)) = self.period(i) {
                if self.edges_free(i, next, &found) {
                    return Some((found, next));
                }
            }
        }
        // Only a number, a month name, or `from`, `between`, `the` before one can
        // open a date: everything else is passed over at once.
        let opens_date = |t: &Token, at: usize| match t.kind {
            Kind::Num if t.digits == 4 => YEARS.contains(&t.value) && !self.in_bigger_number(at),
            Kind::Num if t.digits <= 2 => !self.in_bigger_number(at) && self.calendar_ahead(at),
            Kind::Word => t.month > 0,
            _ => false,
        };
        let starts_date = match t.kind {
            Kind::Word if t.month == 0 => {
                // `the` before a number, or a word that opens a range (`from`,
                // `between`) before a number, a month or `the`.
                let next = self.tok(i + 1);
                if self.is_word(i, "the") {
                    next.is_some_and(|n| n.kind == Kind::Num && opens_date(n, i + 1))
                } else if RANGE_OPENERS.iter().any(|w| self.is_word(i, w)) {
                    next.is_some_and(|n| opens_date(n, i + 1) || self.is_word(i + 1, "the"))
                } else {
                    false
                }
            }
            _ => opens_date(t, i),
        };
        if !starts_date {
            return None;
        }
        // The point at `i`, which a range opening there and a single date both read:
        // read once.
        let point = self.point(i);
        let (found, next) = self
            .range(i, point)
            .or_else(|| self.list(i))
            .or_else(|| self.single(i, point))?;
        self.edges_free(i, next, &found).then_some((found, next))
    }

    // ---- parts of years, decades, relative dates ---------------------------------

    /// A date named by its place in the calendar or counted from the document's date,
    /// opening at the word `i`: `the first half of 2022`, `the 2020s`, `Q1 2022`,
    /// `later this year`, `next March`. Most words are ruled out by their length and
    /// first letter.
    fn period(&self, i: usize) -> Option<(Found, usize)> {
        // `the`, the commonest opener, opens only a part of a year, a decade or a
        // year's edge: the other rules want a code, a count or a relative word first.
        if self.is_word(i, "the") {
            // Each of the three wants a calendar noun one, two or four tokens on or a
            // number of four digits one to three on: most `the`s have none.
            let four_digits = |k: usize| {
                self.tok(k)
                    .is_some_and(|t| t.kind == Kind::Num && t.digits == 4)
            };
            if !(self.calendar(i + 1)
                || self.calendar(i + 2)
                || self.calendar(i + 4)
                || (i + 1..=i + 3).any(four_digits))
            {
                return None;
            }
            return self
                .part_of_year(i)
                .or_else(|| self.decade(i))
                .or_else(|| self.year_edge(i));
        }
        let t = self.tok(i)?;
        let opens = t.kind == Kind::Num || opens_period(&self.text[t.start()..t.end()]);
        if !opens {
            return None;
        }
        self.part_of_year(i)
            .or_else(|| self.decade(i))
            .or_else(|| self.quarter_code(i))
            .or_else(|| self.relative_year(i))
            .or_else(|| self.year_edge(i))
            .or_else(|| self.relative_month(i))
    }

    /// A small count at `i`, in figures or words (`a`, `one` to `ten`, `2`).
    fn count(&self, i: usize) -> Option<i32> {
        if let Some(t) = self.num(i).filter(|t| t.digits <= 2 && !t.ordinal()) {
            return i32::try_from(t.value).ok().filter(|&n| n > 0);
        }
        const WORDS: [&str; 11] = [
            "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ];
        let w = self.word_in(i, const { &Words::new(&WORDS) })?;
        WORDS.iter().position(|x| *x == w).map(|p| p.max(1) as i32)
    }

    /// `this` (0), `next` (1) or `last` (-1) at `j`: a year counted from the
    /// document's.
    fn year_offset(&self, j: usize) -> Option<i32> {
        Some(
            match self.word_in(j, const { &Words::new(&["this", "next", "last"]) })? {
                "this" => 0,
                "next" => 1,
                _ => -1,
            },
        )
    }

    /// The year of a part of a year, at `j`: `2022`, `this year`, `next year`, `last
    /// year`, or `the year` (the year the context gives); with the token after it.
    fn year_spec(&self, j: usize) -> Option<(Option<i32>, Option<Relative>, usize)> {
        if let Some(y) = self.year(j) {
            return Some((Some(y), None, j + 1));
        }
        if !self.is_word(j + 1, "year") {
            return None;
        }
        if self.is_word(j, "the") {
            return Some((None, None, j + 2));
        }
        let n = self.year_offset(j)?;
        Some((None, Some(Relative::Year(n)), j + 2))
    }

    /// `the end of the year` (its December: `2025-12` in a document of 2025), `the end
    /// of next year`, `the beginning of this year` (its January): a year's edge, the
    /// year in words — `the year` is the one the context gives. A written year (`the
    /// end of 2020`) is read as the year itself, after its cue.
    fn year_edge(&self, i: usize) -> Option<(Found, usize)> {
        // `year`, a calendar noun, comes four tokens on (`the end of next year`).
        if !self.calendar(i + 4) || !self.is_word(i, "the") || !self.is_word(i + 2, "of") {
            return None;
        }
        let month =
            match self.word_in(i + 1, const { &Words::new(&["end", "beginning", "start"]) })? {
                "end" => 12,
                _ => 1,
            };
        if self.year(i + 3).is_some() {
            return None;
        }
        let (year, relative, next) = self.year_spec(i + 3)?;
        let point = Point {
            year,
            month: Some(month),
            day: None,
        };
        let mut found = self.found(i, next, vec![Item::At(point)], false, None);
        found.relative = relative;
        Some((found, next))
    }

    /// `the first half of 2022` (`2022-01/2022-06`), `the second half of next year`,
    /// `the third quarter of 2021` (`2021-07/2021-09`), `the last quarter of the year`.
    fn part_of_year(&self, i: usize) -> Option<(Found, usize)> {
        let j = if self.is_word(i, "the") { i + 1 } else { i };
        // A season at `j`, or `half` or `quarter` after it: calendar nouns, which the
        // lexer marks.
        if !(self.calendar(j) || self.calendar(j + 1)) {
            return None;
        }
        if let Some(season) = self.word_in(
            j,
            const { &Words::new(&["spring", "summer", "autumn", "fall"]) },
        ) && self.is_word(j + 1, "of")
        {
            return self.season(i, season, j + 2);
        }
        let ordinal = match self.word_in(
            j,
            const {
                &Words::new(&[
                    "first", "second", "third", "fourth", "last", "final", "latter",
                ])
            },
        ) {
            Some("first") => 1,
            Some("second") => 2,
            Some("third") => 3,
            Some("fourth") => 4,
            Some("latter") => 5,
            Some(_) => 0,
            None => self
                .tok(j)
                .filter(|t| t.kind == Kind::Num && t.ordinal() && t.digits == 1)
                .map(|t| t.value)?,
        };
        let half = self.is_word(j + 1, "half");
        if !(half || self.is_word(j + 1, "quarter")) || !self.is_word(j + 2, "of") {
            return None;
        }
        let (first, last) = match (half, ordinal) {
            (true, 1) => (1, 6),
            (true, 0 | 2 | 5) => (7, 12),
            (false, 1..=4) => (ordinal as u8 * 3 - 2, ordinal as u8 * 3),
            (false, 0) => (10, 12),
            _ => return None,
        };
        self.months_of_year(i, first, last, j + 3)
    }

    /// `the summer of 2021` (`2021-06/2021-08`), `the spring of next year`: a season of
    /// the northern year (spring March to May, summer June to August, autumn or fall
    /// September to November; a winter spans two years and is not read), its year at
    /// `j`.
    fn season(&self, i: usize, season: &str, j: usize) -> Option<(Found, usize)> {
        let (first, last) = match season {
            "spring" => (3, 5),
            "summer" => (6, 8),
            _ => (9, 11),
        };
        self.months_of_year(i, first, last, j)
    }

    /// The months `first` to `last` of the year written at `j` (`2022`, `next year`,
    /// `the year`), as a date opening at `i`: a half, a quarter, a season.
    fn months_of_year(&self, i: usize, first: u8, last: u8, j: usize) -> Option<(Found, usize)> {
        let (year, relative, next) = self.year_spec(j)?;
        let point = |m: u8| Point {
            year,
            month: Some(m),
            day: None,
        };
        let context = year.filter(|_| self.comparing(i).is_none());
        let mut found = self.found(
            i,
            next,
            vec![Item::Span(point(first), point(last))],
            year.is_some(),
            context,
        );
        found.relative = relative;
        Some((found, next))
    }

    /// `Q1 2022`, `Q3 of 2021`, `H2 2021`: a quarter or half of a year written as a
    /// code.
    fn quarter_code(&self, i: usize) -> Option<(Found, usize)> {
        let half = match self.str(i) {
            "Q" => false,
            "H" => true,
            _ => return None,
        };
        let n = self
            .num(i + 1)
            .filter(|t| t.glued() && t.digits == 1)
            .and_then(|t| u8::try_from(t.value).ok())?;
        let (first, last) = match (half, n) {
            (false, 1..=4) => (n * 3 - 2, n * 3),
            (true, 1 | 2) => (n * 6 - 5, n * 6),
            _ => return None,
        };
        let mut j = i + 2;
        if self.is_word(j, "of") || self.is_punct(j, ',') {
            j += 1;
        }
        let y = self.year(j)?;
        let point = |m: u8| Point {
            year: Some(y),
            month: Some(m),
            day: None,
        };
        let found = self.found(
            i,
            j + 1,
            vec![Item::Span(point(first), point(last))],
            true,
            Some(y),
        );
        Some((found, j + 1))
    }

    /// `the 2020s` (`2020/2029`), `the early 1990s`, `the mid-2020s`: a decade, unless
    /// it ends the name of a body or text ([`Parser::decade_in_name`]).
    fn decade(&self, i: usize) -> Option<(Found, usize)> {
        if !self.is_word(i, "the") {
            return None;
        }
        // The decade's four digits come at most three tokens on (`the mid-2020s`).
        if !(i + 1..=i + 3).any(|k| {
            self.tok(k)
                .is_some_and(|t| t.kind == Kind::Num && t.digits == 4)
        }) {
            return None;
        }
        let mut j = i + 1;
        if self
            .word_in(j, const { &Words::new(&["early", "mid", "late"]) })
            .is_some()
        {
            j += 1;
            if self.is_punct(j, '-') && self.glued(j) {
                j += 1;
            }
        }
        let d = self
            .num(j)
            .filter(|t| t.digits == 4 && YEARS.contains(&t.value) && t.value % 10 == 0)?
            .value as i32;
        let plural = self
            .tok(j + 1)
            .is_some_and(|t| t.kind == Kind::Word && t.glued())
            && self.str(j + 1) == "s";
        if !plural || self.decade_in_name(i) {
            return None;
        }
        let items = vec![Item::Span(Point::year(d), Point::year(d + 9))];
        Some((self.found(i, j + 2, items, true, None), j + 2))
    }

    /// The decade after `the` at `the` ends a name: `in` comes before it, and three
    /// capitalised words or more before that, small words between them allowed (`the
    /// Task Force on Clean Energy Transition in the 2030s`; not `emissions in the
    /// 2020s`).
    fn decade_in_name(&self, the: usize) -> bool {
        let Some(mut k) = the.checked_sub(1).filter(|&k| self.is_word(k, "in")) else {
            return false;
        };
        let mut capitalised = 0;
        for _ in 0..12 {
            let Some(p) = k.checked_sub(1) else { break };
            let t = &self.t[p];
            if t.kind != Kind::Word {
                break;
            }
            if t.cap() {
                capitalised += 1;
            } else if self
                .word_in(
                    p,
                    const { &Words::new(&["of", "on", "for", "and", "the", "to"]) },
                )
                .is_none()
            {
                break;
            }
            k = p;
        }
        capitalised >= 3
    }

    /// `this year`, `next year`, `last year`, `later this year`, `earlier this year`,
    /// `early next year`, `mid-next year`: a year counted from the document's; `this
    /// month`, `last month`, `later this month`: a month counted from the document's.
    /// Not `the last year` or `the next year` (a span of time, or the year after
    /// another the text speaks of).
    fn relative_year(&self, i: usize) -> Option<(Found, usize)> {
        // `two years ago`, `3 years ago`, `a year ago`.
        if let Some(n) = self.count(i)
            && self
                .word_in(i + 1, const { &Words::new(&["year", "years"]) })
                .is_some()
            && self.is_word(i + 2, "ago")
        {
            let mut found = self.found(i, i + 3, vec![Item::At(Point::default())], false, None);
            found.relative = Some(Relative::Year(-n));
            return Some((found, i + 3));
        }
        let mut j = i;
        if self
            .word_in(
                j,
                const { &Words::new(&["early", "earlier", "late", "later", "mid"]) },
            )
            .is_some()
        {
            j += 1;
            if self.is_punct(j, '-') && self.glued(j) {
                j += 1;
            }
        }
        let n = self.year_offset(j)?;
        let year = self.is_word(j + 1, "year");
        if !(year || self.is_word(j + 1, "month")) {
            return None;
        }
        if j == i && n != 0 && i > 0 && self.is_word(i - 1, "the") {
            return None;
        }
        let mut found = self.found(i, j + 2, vec![Item::At(Point::default())], false, None);
        found.relative = Some(if year {
            Relative::Year(n)
        } else {
            Relative::Month(n)
        });
        Some((found, j + 2))
    }

    /// `last October`, `this past October`, `next March`, `this coming March`, `this
    /// October`: a month counted from the document's. The month is capitalised, and no
    /// number follows it (`last October 2020`, `next March 3` are read otherwise).
    fn relative_month(&self, i: usize) -> Option<(Found, usize)> {
        let word = self.word_in(i, const { &Words::new(&["this", "next", "last"]) })?;
        if word != "this" && i > 0 && self.is_word(i - 1, "the") {
            return None;
        }
        let mut j = i + 1;
        let mut relative = match word {
            "this" => Relative::Year(0),
            "next" => Relative::NextMonth,
            _ => Relative::LastMonth,
        };
        if word == "this" {
            if self.is_word(j, "past") {
                relative = Relative::LastMonth;
                j += 1;
            } else if self.is_word(j, "coming") {
                relative = Relative::NextMonth;
                j += 1;
            }
        }
        if !self.tok(j).is_some_and(|t| t.cap()) {
            return None;
        }
        let (m, next) = self.month(j)?;
        if self.tok(next).is_some_and(|t| t.kind == Kind::Num) {
            return None;
        }
        let p = Point {
            month: Some(m),
            ..Point::default()
        };
        let mut found = self.found(i, next, vec![Item::At(p)], false, None);
        found.relative = Some(relative);
        Some((found, next))
    }

    /// A range: `4-6 December 2020`, `from October 30 to November 1, 2022`, `April
    /// 10-11, 2023`, `Jan-Feb 2017`, `(1950-2020)`, `between 2015 and 2018`. `point`
    /// is [`Parser::point`] at `i`.
    fn range(&self, i: usize, point: Option<Pt>) -> Option<(Found, usize)> {
        if let Some(found) = self.month_between(i).or_else(|| self.short_year_range(i)) {
            return Some(found);
        }
        let (opener, j) = if self.is_word(i, "from") {
            (Opener::From, i + 1)
        } else if self.is_word(i, "between") {
            (Opener::Between, i + 1)
        } else {
            (Opener::None, i)
        };
        let start = if j == i { point } else { self.point(j) };
        let starts = [start, self.bare(j)];
        for s in starts.into_iter().flatten() {
            let Some((word_sep, k)) = self.range_sep(s.next, opener) else {
                continue;
            };
            let ends = [self.point(k), self.bare(k)];
            for e in ends.into_iter().flatten() {
                if let Some((a, b, next)) = self.join(opener, word_sep, &s, &e) {
                    let year_written = [a, b].iter().any(|p| p.year.is_some());
                    let found = Found {
                        range: self.t[i].start()..self.t[next - 1].end(),
                        items: vec![Item::Span(a, b)],
                        year_written,
                        ambiguous: s.ambiguous || e.ambiguous,
                        recurring: false,
                        context: None,
                        relative: None,
                    };
                    return Some((found, next));
                }
            }
        }
        None
    }

    /// A day-sized number at `i` can open a date only with a month name or a year
    /// soon after it (`4-6 December 2020`, `18 and 19 June`, `from 13 to 15 of
    /// July`) or a numeric date glued to it (`2/14/2021`, `5/1-5/7, 2020`): most
    /// numbers (`33 calls`, `10%`) are passed over here.
    fn calendar_ahead(&self, i: usize) -> bool {
        let glued_date = self.glued(i + 1)
            && self
                .tok(i + 1)
                .is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch(), '/' | '-' | '.' | ','));
        glued_date
            || self.t[i + 1..]
                .iter()
                .take(6)
                .any(|t| t.month > 0 || (t.kind == Kind::Num && t.digits == 4))
    }

    /// The number at `i` continues a bigger one: `500` in `1,500`, `7` in `13.7`.
    fn in_bigger_number(&self, i: usize) -> bool {
        i >= 2
            && self.glued(i)
            && self
                .tok(i - 1)
                .is_some_and(|p| p.kind == Kind::Punct && p.glued() && matches!(p.ch(), ',' | '.'))
            && self.tok(i - 2).is_some_and(|n| n.kind == Kind::Num)
    }

    /// `2021-25`, `2009-10`: a year and the last two digits of one up to ten years
    /// later. Where the two digits could also be a month (`2010-11`) the range is
    /// read, flagged ambiguous; `2014-10` and `2020-05` can only be months, `2015-32`
    /// is neither.
    fn short_year_range(&self, i: usize) -> Option<(Found, usize)> {
        let y = self.year(i)?;
        if !(self.is_punct(i + 1, '-') && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let t = self.num(i + 2).filter(|t| t.digits == 2)?;
        let yy = t.value as i32;
        let zero = self.text.as_bytes()[t.start()] == b'0';
        // Part of a longer number or date (`2002-10-09`)?
        let longer = self.tok(i + 3).is_some_and(|p| {
            p.glued() && p.kind == Kind::Punct && matches!(p.ch(), '-' | '/' | '.')
        }) && self
            .tok(i + 4)
            .is_some_and(|n| n.glued() && n.kind == Kind::Num);
        if longer || yy <= y % 100 || yy - y % 100 > 10 || (zero && yy <= 12) {
            return None;
        }
        let end = y - y % 100 + yy;
        let found = Found {
            range: self.t[i].start()..t.end(),
            items: vec![Item::Span(Point::year(y), Point::year(end))],
            year_written: true,
            ambiguous: yy <= 12,
            recurring: false,
            context: None,
            relative: None,
        };
        Some((found, i + 3))
    }

    /// `November between 19 and 20`: a month, then a range of its days.
    fn month_between(&self, i: usize) -> Option<(Found, usize)> {
        let (m, j) = self.month(i)?;
        if !self.is_word(j, "between") {
            return None;
        }
        let d1 = self.day(j + 1)?;
        let (_, k) = self.range_sep(j + 2, Opener::Between)?;
        let d2 = self.day(k)?;
        let (year, next) = self.trailing_year(k + 1);
        let point = |d| Point {
            year,
            month: Some(m),
            day: Some(d),
        };
        let (a, b) = (point(d1), point(d2));
        if d1 >= d2 {
            return None;
        }
        let found = Found {
            range: self.t[i].start()..self.t[next - 1].end(),
            items: vec![Item::Span(a, b)],
            year_written: year.is_some(),
            ambiguous: false,
            recurring: false,
            context: None,
            relative: None,
        };
        Some((found, next))
    }

    /// The separator of a range at `k`: a dash (`-`, `~`), or `to`, `till`, `until`,
    /// `through`, `thru`, or `and` after `between`. Gives whether it is a word, and
    /// the token after it.
    fn range_sep(&self, k: usize, opener: Opener) -> Option<(bool, usize)> {
        if self.is_punct(k, '-') || self.is_punct(k, '~') {
            return Some((false, k + 1));
        }
        let words: &[&str] = if opener == Opener::Between {
            &["and", "to", "till", "until", "through", "thru"]
        } else {
            &["to", "till", "until", "through", "thru"]
        };
        words
            .iter()
            .any(|w| self.is_word(k, w))
            .then_some((true, k + 1))
    }

    /// The two ends of a range read from a start and an end, with the years they
    /// share; none when they do not make a range.
    fn join(
        &self,
        opener: Opener,
        word_sep: bool,
        s: &Pt,
        e: &Pt,
    ) -> Option<(Point, Point, usize)> {
        use Form::*;
        let (mut a, mut b) = (s.p, e.p);
        let mut next = e.next;
        match (s.form, e.form) {
            // `4-6 December 2020`, `from the 13th to the 15th of July`.
            (Day, Full) if b.month.is_some() && b.day.is_some() => {
                a.month = b.month;
                a.year = b.year;
            }
            // `April 10-11, 2023`, `November 19 to 20`.
            (Full, Day) if a.month.is_some() && a.day.is_some() => {
                b.month = a.month;
                if a.year.is_none() {
                    let (y, n) = self.trailing_year(next);
                    if y.is_some() {
                        a.year = y;
                        next = n;
                    }
                }
                b.year = a.year;
            }
            // `5/1-5/7, 2020`, `5/1-5/7/2020`: a year must be written.
            (NumericPair, NumericPair) => {
                let (y, n) = self.trailing_year(next);
                a.year = Some(y?);
                b.year = y;
                next = n;
            }
            (NumericPair, Full) if e.numeric && b.year.is_some() && b.day.is_some() => {}
            (Full, NumericPair) => return None,
            (Full, Full) => {}
            // `Jan-Feb 2017`, `Nov-Feb 5th, 2017`, `from March to May`.
            (Month, Full) => {}
            (Month, Month) => {
                let dashed = !word_sep && e.cap == s.cap;
                if opener == Opener::None && !(s.cap || dashed) {
                    return None;
                }
            }
            (Full, Month) if a.day.is_none() && a.year.is_some() => {}
            // `the 2016-2020 period`, `between 2015 and Feb 2018`, `2014 through May 2018`.
            (Year, Year) => {
                let (ya, yb) = (a.year?, b.year?);
                if !(ya < yb && yb - ya <= 100) {
                    return None;
                }
            }
            (Year, Full) if b.year.is_some() => {}
            (Full, Year) if a.year.is_some() => {}
            _ => return None,
        }
        // A year written at one end only belongs to both; an end that would come
        // before the start moves to the adjacent year (`Nov-Feb 2017`: November 2016).
        match (a.year, b.year) {
            (None, Some(y)) => {
                a.year = Some(y);
                if a.cmp_in_year(b).is_gt() {
                    a.year = Some(y - 1);
                }
            }
            (Some(y), None) => {
                b.year = Some(y);
                if a.cmp_in_year(b).is_gt() {
                    b.year = Some(y + 1);
                }
            }
            (Some(_), Some(_)) => {
                let start = a.first_day()?;
                let end = b.first_day()?;
                if start >= end && !(a.precision() < b.precision() && start == end) {
                    return None;
                }
            }
            (None, None) => {
                // `from April to June in 2017`, `26 June to 28 June in 2020`.
                let (y, n) = self.trailing_year(next);
                if let Some(y) = y {
                    next = n;
                    b.year = Some(y);
                    a.year = Some(if a.cmp_in_year(b).is_gt() { y - 1 } else { y });
                }
            }
        }
        Some((a, b, next))
    }

    /// A list sharing its year or month: `January and December 2020`, `March, May and
    /// August 2020`, `18 and 19 June`, `June 18 and 19, 2020`, `in 2007 and 2009`.
    fn list(&self, i: usize) -> Option<(Found, usize)> {
        self.month_list(i)
            .or_else(|| self.day_list(i))
            .or_else(|| self.month_day_list(i))
            .or_else(|| self.year_list(i))
    }

    /// A separator between the members of a list at `j`: `,`, `and`, `or`, `, and`.
    fn list_sep(&self, j: usize) -> Option<(usize, bool)> {
        if self.is_punct(j, ',') {
            if self.is_word(j + 1, "and") || self.is_word(j + 1, "or") {
                return Some((j + 2, true));
            }
            return Some((j + 1, false));
        }
        (self.is_word(j, "and") || self.is_word(j, "or")).then_some((j + 1, true))
    }

    fn month_list(&self, i: usize) -> Option<(Found, usize)> {
        let (first, mut j) = self.month(i)?;
        if self.day(j).is_some() {
            return None;
        }
        // No list without a separator after its first member: asked before allocating.
        self.list_sep(j)?;
        let mut months = vec![first];
        let mut joined = false;
        while let Some((k, and)) = self.list_sep(j) {
            match self.month(k) {
                Some((m, n)) if self.day(n).is_none() => {
                    months.push(m);
                    joined |= and;
                    j = n;
                }
                _ => break,
            }
        }
        if months.len() < 2 || !joined {
            return None;
        }
        let (year, next) = self.trailing_year(j);
        if year.is_none() && !self.month_cue(i) {
            return None;
        }
        let items = months
            .iter()
            .map(|&m| {
                Item::At(Point {
                    year,
                    month: Some(m),
                    day: None,
                })
            })
            .collect();
        Some((self.found(i, next, items, year.is_some(), year), next))
    }

    fn day_list(&self, i: usize) -> Option<(Found, usize)> {
        let mut j = i;
        if self.is_word(j, "the") {
            j += 1;
        }
        let first = self.day(j)?;
        j += 1;
        self.list_sep(j)?;
        let mut days = vec![first];
        let mut joined = false;
        while let Some((k, and)) = self.list_sep(j) {
            let k = if self.is_word(k, "the") { k + 1 } else { k };
            match self.day(k) {
                Some(d) if !self.glued(k) => {
                    days.push(d);
                    joined |= and;
                    j = k + 1;
                }
                _ => break,
            }
        }
        if days.len() < 2 || !joined {
            return None;
        }
        if self.is_word(j, "of") {
            j += 1;
        }
        let (m, j) = self.month(j)?;
        Some(self.days_of_month(i, &days, m, j))
    }

    /// The days `days` of month `m`, as a list opening at `i`, with the year written at
    /// `j` if one is (`4 and 6 May 2020`, `May 4 and 6, 2020`).
    fn days_of_month(&self, i: usize, days: &[u8], m: u8, j: usize) -> (Found, usize) {
        let (year, next) = self.trailing_year(j);
        let items = days
            .iter()
            .map(|&d| {
                Item::At(Point {
                    year,
                    month: Some(m),
                    day: Some(d),
                })
            })
            .collect();
        (self.found(i, next, items, year.is_some(), year), next)
    }

    fn month_day_list(&self, i: usize) -> Option<(Found, usize)> {
        let (m, mut j) = self.month(i)?;
        let first = self.day(j)?;
        j += 1;
        self.list_sep(j)?;
        let mut days = vec![first];
        let mut joined = false;
        while let Some((k, and)) = self.list_sep(j) {
            match self.day(k) {
                Some(d) if self.month(k + 1).is_none() && self.year(k).is_none() => {
                    days.push(d);
                    joined |= and;
                    j = k + 1;
                }
                _ => break,
            }
        }
        if days.len() < 2 || !joined {
            return None;
        }
        Some(self.days_of_month(i, &days, m, j))
    }

    /// `in 2007 and 2009`: years in a date position.
    fn year_list(&self, i: usize) -> Option<(Found, usize)> {
        let first = self.year(i)?;
        let mut j = i + 1;
        self.list_sep(j)?;
        let mut years = vec![first];
        let mut joined = false;
        while let Some((k, and)) = self.list_sep(j) {
            match self.year(k) {
                Some(y) if self.month(k + 1).is_none() => {
                    years.push(y);
                    joined |= and;
                    j = k + 1;
                }
                _ => break,
            }
        }
        if years.len() < 2 || !joined || !self.year_position(i, j) {
            return None;
        }
        let items = years.iter().map(|&y| Item::At(Point::year(y))).collect();
        Some((self.found(i, j, items, true, None), j))
    }

    /// A single date, or a bare month or year in a date position. `point` is
    /// [`Parser::point`] at `i`.
    fn single(&self, i: usize, point: Option<Pt>) -> Option<(Found, usize)> {
        if let Some(pt) = point.filter(|p| p.form == Form::Full) {
            let mut found = self.found(
                i,
                pt.next,
                vec![Item::At(pt.p)],
                pt.p.year.is_some(),
                pt.p.year,
            );
            found.ambiguous = pt.ambiguous;
            found.recurring = pt.p.year.is_none() && pt.p.day.is_some() && self.recurs(i, pt.next);
            return Some((found, pt.next));
        }
        if let Some((m, next)) = self.month(i) {
            let t = self.tok(i)?;
            // A bare month: after a cue (`in November`), or a capitalised full name
            // that no capitalised word touches (`I'll be out September`).
            let named = t.cap()
                && !t.abbr()
                && t.month != 5
                && !self.cap_word(i.wrapping_sub(1))
                && !self.cap_word(next);
            if !(self.month_cue(i) || (named && self.relative(i).is_none())) {
                return None;
            }
            let p = Point {
                month: Some(m),
                ..Point::default()
            };
            return Some((self.found(i, next, vec![Item::At(p)], false, None), next));
        }
        let y = self.year(i)?;
        if !self.year_position(i, i + 1) {
            return None;
        }
        let context = self.comparing(i).is_none().then_some(y);
        Some((
            self.found(i, i + 1, vec![Item::At(Point::year(y))], true, context),
            i + 1,
        ))
    }

    fn found(
        &self,
        i: usize,
        next: usize,
        items: Vec<Item>,
        year_written: bool,
        context: Option<i32>,
    ) -> Found {
        Found {
            range: self.t[i].start()..self.t[next - 1].end(),
            items,
            year_written,
            ambiguous: false,
            recurring: false,
            context,
            relative: None,
        }
    }

    // ---- positions ---------------------------------------------------------------

    /// The cue word before token `i` (one `the` between them allowed: `in the
    /// April`), lower-case.
    fn cue(&self, i: usize) -> Option<&'static str> {
        let before = i.checked_sub(1)?;
        let at = if self.is_word(before, "the") {
            before.checked_sub(1)?
        } else {
            before
        };
        // `mid-2020`, `mid-November`.
        if self.is_punct(at, '-') && self.glued(at) && self.glued(at + 1) {
            return at
                .checked_sub(1)
                .and_then(|w| self.word_in(w, const { &Words::new(&["mid", "early", "late"]) }));
        }
        self.word_in(at, &CUES)
    }

    /// The relative word before token `i` (`next`, `last`, `this` ...).
    fn relative(&self, i: usize) -> Option<&'static str> {
        let before = i.checked_sub(1)?;
        self.word_in(before, &RELATIVE)
    }

    /// A bare month at `i` is in a date position: after a cue that is not relative
    /// (`in November`, `the month of May`, `until March`; not `next June`), and for
    /// `may` and `march` in lower case only after `in`, `during`, `until` or `of`.
    fn month_cue(&self, i: usize) -> bool {
        let Some(cue) = self.cue(i) else {
            return false;
        };
        if self.relative(i).is_some() || !MONTH_CUES.contains(&cue) {
            return false;
        }
        let verb_like = self
            .tok(i)
            .is_some_and(|t| !t.cap() && matches!(t.month, 3 | 5));
        !verb_like || matches!(cue, "in" | "during" | "until" | "of")
    }

    /// The cue before `i` marks a year the text compares with (`against 2019`,
    /// `compared to 2019`, `that of 2019`, `since 2013`).
    fn comparing(&self, i: usize) -> Option<()> {
        let cue = self.cue(i)?;
        if COMPARING.contains(&cue) {
            return Some(());
        }
        let before = self.cue_index(i)?.checked_sub(1)?;
        let comparing = match cue {
            "to" => ["compared", "similar", "relative", "equal"]
                .iter()
                .any(|w| self.is_word(before, w)),
            "of" => self.is_word(before, "that"),
            _ => false,
        };
        comparing.then_some(())
    }

    fn cue_index(&self, i: usize) -> Option<usize> {
        let before = i.checked_sub(1)?;
        Some(if self.is_word(before, "the") {
            before.checked_sub(1)?
        } else {
            before
        })
    }

    /// A year (or list of years) from token `i` to `next` stands where a date stands:
    /// after a cue (`in 2020`, `by the end of 2020`, `against 2019`), before `'s`
    /// (`2021's`), alone in parentheses (`(2019)`), as the subject of a sentence or
    /// clause (`2020 was ...`, `For Viet Nam, 2020 was ...`), or after `the` before a
    /// lower-case word (`the 2019 figure`, `their 2030 goal`, `the historic 2024
    /// summit`), or after `respective` (`their respective 2035 Climate Commitments`).
    /// A year that opens a capitalised name after `the` or a possessive is part of the
    /// name (`of the 2020 ASEAN Chairmanship`, `the 2030 Agenda`), as is one after a
    /// capitalised word without a cue (`Vision 2040`) and the year of an act (`the Trade
    /// Act of 1974`); a number before a plural noun is a count (`of 2000
    /// participants`).
    fn year_position(&self, i: usize, next: usize) -> bool {
        let word_after = self
            .tok(next)
            .filter(|t| t.kind == Kind::Word && !t.glued())
            .map(|t| (t.cap(), self.str(next)));
        let count = word_after.is_some_and(|(cap, w)| {
            !cap && w.len() > 3 && w.ends_with('s') && !S_VERBS.contains(&w)
        });
        let lower_after = word_after.is_some_and(|(cap, _)| !cap) && !count;
        let cap_after = word_after.is_some_and(|(cap, _)| cap);
        let before = i.checked_sub(1);
        // A possessive stands where `the` does (`their 2030 goal`, `our 2020 ASEAN
        // Chairmanship`).
        // So does a name's possessive (`the United States’ 2023 host year`, `Japan's
        // 2025 budget`).
        let possessive = before.is_some_and(|b| {
            (self.is_word(b, "s")
                && self.glued(b)
                && b > 0
                && (self.is_punct(b - 1, '\'') || self.is_punct(b - 1, '’')))
                || ((self.is_punct(b, '’') || self.is_punct(b, '\''))
                    && self.glued(b)
                    && b > 0
                    && self.str(b - 1).ends_with('s'))
        });
        let after_the =
            possessive || before.is_some_and(|b| self.word_in(b, &DETERMINERS).is_some());
        if after_the && cap_after && self.names_gathering(next) {
            return true;
        }
        if count || (after_the && cap_after) {
            return false;
        }
        // `the Regional Shipping Act of 1984`: the year names the law.
        if before.is_some_and(|b| self.is_word(b, "of") && b > 0 && self.str(b - 1) == "Act") {
            return false;
        }
        if self.cue(i).is_some() {
            return true;
        }
        // `their respective 2035 Climate Commitments`: the year of what
        // each has, not a name.
        if before.is_some_and(|b| self.is_word(b, "respective")) {
            return true;
        }
        // `the historic 2024 summit`, `the leader's historic 2024 win`: an adjective
        // between a determiner and the year, a noun after it.
        if lower_after && before.is_some_and(|b| self.adjective_after_determiner(b)) {
            return self.word_in(next, &PEOPLE).is_none();
        }
        if self.is_punct(next, '\'') && self.glued(next) && self.is_word(next + 1, "s") {
            return true;
        }
        if before.is_some_and(|b| self.is_punct(b, '(')) && self.is_punct(next, ')') {
            return true;
        }
        // A clause opens at the line start, after a stop, comma, colon or semicolon,
        // or after a dash standing between spaces (`Communist Review - 2021 was ...`).
        let clause_start = match before {
            None => true,
            Some(b) => {
                let t = &self.t[b];
                t.kind == Kind::Punct
                    && (matches!(t.ch(), '.' | '!' | '?' | ',' | ';' | ':')
                        || (t.ch() == '-' && !t.glued() && !self.glued(i)))
            }
        };
        (clause_start || after_the) && lower_after
    }

    /// The capitalised name starting at token `i` ends with the word of a gathering
    /// ([`GATHERINGS`]): capitalised words, abbreviations and hyphenated names up to
    /// it (`U.S.-DPRK Singapore Summit`, `APEC Leaders’ Meeting`), nothing else.
    fn names_gathering(&self, i: usize) -> bool {
        for j in i..i + 16 {
            let Some(t) = self.tok(j) else { return false };
            match t.kind {
                Kind::Word if t.cap() => {
                    if self.word_in(j, &GATHERINGS).is_some()
                        && !self
                            .tok(j + 1)
                            .is_some_and(|n| n.kind == Kind::Word && n.cap() && !n.glued())
                    {
                        return true;
                    }
                }
                // `Leaders’`, `U.S.-DPRK`: a possessive or the dots and hyphens of a name.
                Kind::Punct if matches!(t.ch(), '.' | '-' | '’' | '\'') => {}
                Kind::Word if t.glued() && self.str(j) == "s" => {}
                _ => return false,
            }
        }
        false
    }

    /// Token `b` is a lower-case adjective after a determiner or a possessive `'s`
    /// (`the historic`, `the leader's historic`, `a landmark`), not a word of quantity (`an
    /// estimated`, `the remaining`).
    fn adjective_after_determiner(&self, b: usize) -> bool {
        let adjective = self
            .tok(b)
            .is_some_and(|t| t.kind == Kind::Word && !t.cap() && t.len() > 2)
            && self.word_in(b, &CUES).is_none()
            && self.word_in(b, &RELATIVE).is_none()
            && self.word_in(b, &QUANTITY).is_none()
            && self.word_in(b, &DETERMINERS).is_none();
        let Some(d) = b.checked_sub(1).filter(|_| adjective) else {
            return false;
        };
        self.word_in(d, &DETERMINERS).is_some()
            || self.is_word(d, "a")
            || self.is_word(d, "an")
            || (self.is_word(d, "s") && d > 0 && self.is_punct(d - 1, '\'') && self.glued(d))
    }

    /// Token `i` is a capitalised word (a name touching a month: `Theresa May`).
    fn cap_word(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Word && t.cap() && !t.glued())
            && !self.cue_word(i)
    }

    fn cue_word(&self, i: usize) -> bool {
        self.word_in(i, &CUES).is_some()
    }

    /// A day without a year that names a day recurring every year: `December 27 as
    /// the International Day of ...`, `every December 27`.
    fn recurs(&self, i: usize, next: usize) -> bool {
        if i.checked_sub(1)
            .is_some_and(|b| self.is_word(b, "every") || self.is_word(b, "each"))
        {
            return true;
        }
        if !self.is_word(next, "as") {
            return false;
        }
        // `as [the|an|a] Capitalised Words ... Day`
        let mut k = next + 1;
        if ["the", "an", "a"].iter().any(|w| self.is_word(k, w)) {
            k += 1;
        }
        for _ in 0..6 {
            match self.tok(k) {
                Some(t) if t.kind == Kind::Word && t.cap() => {
                    if self.str(k) == "Day" {
                        return true;
                    }
                    k += 1;
                }
                _ => return false,
            }
        }
        false
    }

    /// The date from token `i` to `next` is not glued to a bigger number or code on
    /// either side: `6,107.31 August` (a decimal), `138-2010-2015` (a telephone
    /// number), `2013/QD-TTg`, `ARMY-2020`, `$2000`, `2020s`.
    fn edges_free(&self, i: usize, next: usize, found: &Found) -> bool {
        let first = &self.t[i];
        let single_year =
            found.items.len() == 1 && matches!(found.items[0], Item::At(p) if p.precision() == 1);
        let full_numeric = found.items.iter().all(|it| {
            let (a, b) = it.ends();
            a.precision() == 3 && b.precision() == 3
        }) && first.kind == Kind::Num;
        // `No. 1/2020`, `No: 2500-2021`: a number that names a document.
        let number_sign = |k: usize| ["no", "nos", "number"].iter().any(|w| self.is_word(k, w));
        if i > 0
            && (number_sign(i - 1)
                || (i > 1
                    && (self.is_punct(i - 1, '.') || self.is_punct(i - 1, ':'))
                    && number_sign(i - 2)))
        {
            return false;
        }
        // `$ 12 December`: an amount, whatever the spacing.
        if i > 0
            && self.t[i - 1].kind == Kind::Punct
            && matches!(self.t[i - 1].ch(), '$' | '€' | '£' | '¥')
        {
            return false;
        }
        if first.glued() && i > 0 {
            let before = &self.t[i - 1];
            match before.kind {
                Kind::Num | Kind::Word => return false,
                Kind::Punct => {
                    if matches!(
                        before.ch(),
                        '$' | '#' | '€' | '£' | '¥' | '@' | '+' | '%' | '_'
                    ) {
                        return false;
                    }
                    if matches!(before.ch(), '.' | ',' | '/' | '-' | ':')
                        && before.glued()
                        && i >= 2
                    {
                        let word = &self.t[i - 2];
                        match word.kind {
                            Kind::Num => return false,
                            Kind::Word => {
                                let mid = ["mid", "early", "late"]
                                    .iter()
                                    .any(|w| self.str(i - 2).eq_ignore_ascii_case(w));
                                // `says:30 December` is a missing space; `ARMY-2020`,
                                // `post-2020`, `No.12` are names and codes.
                                let code = matches!(before.ch(), '-' | '/' | '.');
                                if code && !(mid || (full_numeric && before.ch() == '-')) {
                                    return false;
                                }
                            }
                            Kind::Punct => {}
                        }
                    }
                }
            }
        }
        if let Some(after) = self.tok(next).filter(|t| t.glued()) {
            match after.kind {
                Kind::Num | Kind::Word => return false,
                Kind::Punct => {
                    if after.ch() == '%' {
                        return false;
                    }
                    if matches!(after.ch(), '.' | ',' | '/' | '-' | ':' | '+') {
                        if let Some(n) = self.tok(next + 1).filter(|n| n.glued()) {
                            if n.kind == Kind::Num {
                                return false;
                            }
                            if n.kind == Kind::Word && (single_year || after.ch() == '/') {
                                return false;
                            }
                        }
                    }
                }
            }
        }
        true
    }
}

/// A year written with two or four digits in a numeric date: `74` is 1974, `15` is
/// 2015 (00 to 29 read as 20xx, 30 to 99 as 19xx, the common pivot).
fn expand_year(t: &Token) -> Option<i32> {
    match t.digits {
        4 if YEARS.contains(&t.value) => Some(t.value as i32),
        2 => Some(if t.value < 30 { 2000 } else { 1900 } + t.value as i32),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexer::{is_calendar_noun, lex};
    use proptest::prelude::*;

    use super::{
        CUES, DATE_PREPOSITIONS, DETERMINERS, GATHERINGS, NumericOrder, PEOPLE, Parser, QUANTITY,
        RELATIVE, Words, may_open,
    };

    /// Whether `text` holds what every date expression holds: an ASCII digit, a month's
    /// name, or one of the words the grammar reads dates without digits by (`this year`,
    /// `next month`, `the summer of next year`, `two years ago`). The look
    /// [`scan`](super::scan) made before lexing a paragraph, when it lexed only those
    /// that pass it: the reference its look at the lexer's cues is held to.
    fn has_cue(text: &str) -> bool {
        let b = text.as_bytes();
        if crate::scan::next_digit(b, 0) < b.len() {
            return true;
        }
        b.split(|c| !c.is_ascii_alphabetic())
            .filter(|w| (3..=9).contains(&w.len()))
            .any(|w| super::super::lexer::month_of(w).is_some() || is_calendar_noun(w))
    }

    /// The dates of `text` as [`scan`](super::scan) found them when it lexed and read
    /// only a paragraph that [`has_cue`].
    fn scan_after_has_cue(text: &str, order: super::Order) -> Vec<super::Found> {
        if !has_cue(text) {
            return Vec::new();
        }
        let (mut toks, mut cues) = (Vec::new(), Vec::new());
        super::lex_into(text, &mut toks, &mut cues);
        super::read(text, &toks, &cues, order)
    }

    /// The scan of [`read`](super::read) as it was before it went from cue to cue: at
    /// each token, the first cue at or after it looked for, and the token passed over
    /// when that cue is more than five tokens on. The reference `read` is held to.
    fn reference_read(
        text: &str,
        toks: &[super::Token],
        cues: &[u32],
        order: super::Order,
    ) -> Vec<super::Found> {
        let p = Parser {
            text,
            t: toks,
            order,
        };
        let mut next = 0;
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            while cues.get(next).is_some_and(|&k| (k as usize) < i) {
                next += 1;
            }
            let cue = cues.get(next).map_or(toks.len(), |&k| k as usize);
            if cue - i > super::CUE_REACH {
                i = cue - super::CUE_REACH;
                continue;
            }
            if !may_open(text, &toks[i]) {
                i += 1;
                continue;
            }
            match p.expr(i) {
                Some((found, next)) => {
                    out.push(found);
                    i = next;
                }
                None => i += 1,
            }
        }
        out
    }

    /// [`read`](super::read) and [`reference_read`] on the tokens of `text`.
    fn both_reads(text: &str, order: super::Order) -> (Vec<super::Found>, Vec<super::Found>) {
        let (mut toks, mut cues) = (Vec::new(), Vec::new());
        super::lex_into(text, &mut toks, &mut cues);
        (
            super::read(text, &toks, &cues, order),
            reference_read(text, &toks, &cues, order),
        )
    }

    /// [`read`](super::read) finds what [`reference_read`] finds on every line and
    /// paragraph of the fixtures, in every order.
    #[test]
    fn read_finds_on_the_fixtures_what_the_reference_finds() {
        let mut found = 0;
        each_fixture_part(|part, order| {
            let (new, old) = both_reads(part, order);
            assert_eq!(new, old, "{part:?}");
            found += new.len();
        });
        assert!(found > 1000, "{found}");
    }

    /// Calls `f` with every line and every paragraph of the fixtures, in every numeric
    /// order.
    fn each_fixture_part(mut f: impl FnMut(&str, Option<NumericOrder>)) {
        for text in fixture_texts() {
            for part in text.lines().chain(text.split("\n\n")) {
                for order in [
                    None,
                    Some(NumericOrder::DayFirst),
                    Some(NumericOrder::MonthFirst),
                ] {
                    f(part, order);
                }
            }
        }
    }

    /// Pieces of text for [`scan`](super::scan) against [`scan_after_has_cue`]: cues,
    /// words that open readings, words that hold a cue word among other letters (of
    /// this script or another), digits, signs and spaces.
    const CUE_PIECES: &[&str] = &[
        " ", " ", ", ", "-", ".", "/", "the", "The", "end", "of", "this", "next", "last", "early",
        "from", "to", "between", "and", "in", "first", "half", "year", "years", "Year", "month",
        "summer", "fall", "quarter", "ago", "two", "May", "may", "Sept", "December", "mayor",
        "yearly", "ế", "Thế", "Mayế", "ếyear", "Q", "H", "1", "4", "12", "2020", "2010s", "3rd",
        "٣", "²",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// [`scan`](super::scan), which reads a paragraph only when the lexer finds a
        /// cue in it, finds what it found when it lexed only a paragraph that
        /// [`has_cue`].
        #[test]
        fn scan_finds_what_it_found_after_has_cue(
            text in crate::scan::texts_parted(CUE_PIECES, &[" ", "", ", "], 24),
        ) {
            for order in [None, Some(NumericOrder::DayFirst)] {
                prop_assert_eq!(super::scan(&text, order), scan_after_has_cue(&text, order), "{:?}", text);
            }
        }

        /// The same, on any text.
        #[test]
        fn scan_finds_what_it_found_after_has_cue_on_any_text(text in "\\PC{0,80}") {
            prop_assert_eq!(super::scan(&text, None), scan_after_has_cue(&text, None));
        }

        /// [`read`](super::read) finds what [`reference_read`] finds, in texts of cues,
        /// openers and other words, near and far from each other, glued or spaced.
        #[test]
        fn read_finds_what_the_reference_finds(
            text in crate::scan::texts_parted(CUE_PIECES, &[" ", "", ", ", " a b c d e f "], 40),
        ) {
            for order in [None, Some(NumericOrder::MonthFirst)] {
                let (new, old) = both_reads(&text, order);
                prop_assert_eq!(new, old, "{:?}", text);
            }
        }
    }

    /// The same on every line and paragraph of the fixtures, in every order.
    #[test]
    fn scan_finds_on_the_fixtures_what_it_found_after_has_cue() {
        each_fixture_part(|part, order| {
            assert_eq!(
                super::scan(part, order),
                scan_after_has_cue(part, order),
                "{part:?}"
            );
        });
    }

    /// [`opens_period`] says what looking the word up in [`PERIOD_OPENERS`] says, on
    /// the openers in three cases, words one letter off them, and generated words.
    #[test]
    fn opens_period_is_the_list() {
        let listed = |w: &str| {
            super::lowered::<7>(w.as_bytes()).is_some_and(|(low, len)| {
                super::PERIOD_OPENERS
                    .iter()
                    .any(|o| o.as_bytes() == &low[..len])
            })
        };
        let mut words: Vec<String> = Vec::new();
        for o in super::PERIOD_OPENERS {
            words.push(o.to_string());
            words.push(o.to_ascii_uppercase());
            words.push(o[..1].to_ascii_uppercase() + &o[1..]);
            words.push(format!("{o}s"));
            words.push(o[1..].to_string());
            words.push(o[..o.len() - 1].to_string());
        }
        let letters = "aehlqrstxy";
        for a in letters.chars() {
            for b in letters.chars() {
                for c in ["", "e", "t", "he"] {
                    words.push(format!("{a}{b}{c}"));
                }
            }
            words.push(a.to_string());
        }
        words.extend(["", "thế", "Thé", "earliest", "thes"].map(String::from));
        let mut opened = 0;
        for w in &words {
            assert_eq!(super::opens_period(w), listed(w), "{w:?}");
            opened += usize::from(listed(w));
        }
        assert!(opened >= 3 * super::PERIOD_OPENERS.len());
    }

    /// A text longer than a piece is read in pieces, cut after whitespace (or at a
    /// character boundary), the dates' ranges in the whole text.
    #[test]
    fn a_long_text_is_read_in_pieces() {
        let text = "In 2020 and 2021, on 4 May 2019 ... Thế 12 June 2018";
        let whole = super::scan(text, None);
        let pieces = super::in_pieces(text, 20, |p| super::scan(p, None));
        let spans =
            |f: &[super::Found]| f.iter().map(|f| &text[f.range.clone()]).collect::<Vec<_>>();
        assert_eq!(
            spans(&whole),
            ["2020 and 2021", "4 May 2019", "12 June 2018"]
        );
        assert_eq!(
            spans(&pieces),
            ["2020 and 2021", "4 May 2019", "12 June 2018"]
        );
        // Pieces of twelve bytes: `In 2020 and ` | `2021, on 4 ` | `May 2019 ...` ...
        let short = super::in_pieces(text, 12, |p| super::scan(p, None));
        assert_eq!(spans(&short), ["2020", "May 2019", "12 June 2018"]);
        let unbroken = "ếếếếếếế2020";
        let cut = super::in_pieces(unbroken, 5, |p| super::scan(p, None));
        assert!(cut.iter().all(|f| unbroken.is_char_boundary(f.range.start)));
    }

    /// The text of every fixture.
    fn fixture_texts() -> Vec<String> {
        crate::testing::fixture_texts()
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    /// [`read`](super::read) passes over the tokens [`may_open`] rules out: at each of
    /// them the rules find nothing. Held on every token of the fixtures, of some
    /// phrasings in every case, and of words that share an opener's shape.
    #[test]
    fn a_token_that_may_open_nothing_opens_nothing() {
        let mut texts = fixture_texts();
        let phrases = "the first half of 2022, from 3 to 5 May, between March and June 2020, \
            later this year, Q1 2023, H2 2021, early next month, the end of the year, mid-2020, \
            two years ago, the 2010s, last October, this spring, fall 2019, tho 5 May, \
            fro 2020, the2020, From 1 May, BETWEEN 2019 AND 2020, A year ago, Thé 2020";
        texts.push(phrases.to_string());
        texts.push(phrases.to_uppercase());
        let (mut skipped, mut tried) = (0, 0);
        for text in &texts {
            for line in text.lines() {
                let toks = lex(line);
                for order in [
                    None,
                    Some(NumericOrder::DayFirst),
                    Some(NumericOrder::MonthFirst),
                ] {
                    let p = Parser {
                        text: line,
                        t: &toks,
                        order,
                    };
                    for (i, t) in toks.iter().enumerate() {
                        if may_open(line, t) {
                            tried += 1;
                        } else {
                            skipped += 1;
                            assert!(p.expr(i).is_none(), "{line:?} at {:?}", &line[t.start()..]);
                        }
                    }
                }
            }
        }
        assert!(skipped > tried, "{skipped} skipped, {tried} tried");
    }

    /// [`super::is_opener`] says what [`super::opens_period`] and a comparison with
    /// each of [`super::RANGE_OPENERS`] say, on the openers in three cases, words one
    /// letter off them, generated words, and every word of the fixtures; at the end of
    /// a text too.
    #[test]
    fn is_opener_is_the_lists() {
        let listed = |w: &str| {
            super::opens_period(w)
                || super::RANGE_OPENERS
                    .iter()
                    .any(|o| w.as_bytes().eq_ignore_ascii_case(o.as_bytes()))
        };
        let mut words: Vec<String> = Vec::new();
        for o in super::PERIOD_OPENERS.iter().chain(&super::RANGE_OPENERS) {
            words.push(o.to_string());
            words.push(o.to_ascii_uppercase());
            words.push(o[..1].to_ascii_uppercase() + &o[1..]);
            words.push(format!("{o}s"));
            words.push(format!("{o}ly"));
            words.push(o[1..].to_string());
            words.push(o[..o.len() - 1].to_string());
        }
        let letters = "aefhlmnqrstwxy";
        for a in letters.chars() {
            for b in letters.chars() {
                for c in ["", "e", "t", "he", "om"] {
                    words.push(format!("{a}{b}{c}"));
                }
            }
            words.push(a.to_string());
        }
        words.extend(["thế", "Thé", "earliest", "thes", "fromage", "betweens"].map(String::from));
        let mut opened = 0;
        for w in &words {
            for text in [w.clone(), format!("{w} 2020 and more words after it")] {
                let toks = lex(&text);
                let Some(t) = toks.first() else {
                    continue;
                };
                if t.kind == super::Kind::Word && t.end() == w.len() {
                    assert_eq!(super::is_opener(text.as_bytes(), t), listed(w), "{w:?}");
                    opened += usize::from(listed(w));
                }
            }
        }
        assert!(
            opened >= 2 * 3 * (super::PERIOD_OPENERS.len() + 2),
            "{opened}"
        );
        for text in fixture_texts() {
            for line in text.lines() {
                for t in lex(line).iter().filter(|t| t.kind == super::Kind::Word) {
                    let w = &line[t.start()..t.end()];
                    assert_eq!(super::is_opener(line.as_bytes(), t), listed(w), "{w:?}");
                }
            }
        }
    }

    /// Words that open readings, words of their shapes, numbers, months and signs:
    /// the pieces of the texts [`may_open`] is held to [`Parser::expr`] on.
    const OPENING_PIECES: &[&str] = &[
        " ", ", ", "-", ".", "the", "The", "that", "they", "their", "from", "From", "frog",
        "between", "BETWEEN", "betwixt", "this", "that", "next", "nest", "last", "lost", "first",
        "fires", "half", "a", "A", "one", "once", "two", "tho", "Q", "H", "q1", "early", "earlier",
        "late", "later", "mid", "spring", "summer", "fall", "year", "years", "month", "of", "to",
        "and", "in", "May", "Sept", "December", "1", "4", "2020", "2010s", "3rd", "Thé", "thế",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// At a token [`may_open`] passes over, [`Parser::expr`] reads nothing, in
        /// texts made of words that open readings and words shaped like them.
        #[test]
        fn a_token_passed_over_opens_nothing(
            text in crate::scan::texts_parted(OPENING_PIECES, &[" ", "", ", "], 30),
        ) {
            let toks = lex(&text);
            let p = Parser {
                text: &text,
                t: &toks,
                order: None,
            };
            for (i, t) in toks.iter().enumerate() {
                if !may_open(&text, t) {
                    prop_assert!(p.expr(i).is_none(), "{:?} at {}", text, i);
                }
            }
        }
    }

    /// [`Parser::period`] tries only three rules at `the`: the others find nothing
    /// there. Held at every `the` of the fixtures and of phrasings of every rule, in
    /// every case.
    #[test]
    fn the_opens_no_code_count_or_relative_date() {
        let mut texts = fixture_texts();
        let phrases = "the Q1 2023, the H2 2021, the two years ago, the year ago, the this year, \
            the later this year, the early next month, the next March, the last October, \
            the this past October, The Q3 of 2021, THE 3 years ago";
        texts.push(phrases.to_string());
        texts.push(phrases.to_uppercase());
        let mut seen = 0;
        for text in &texts {
            for line in text.lines() {
                let toks = lex(line);
                let p = Parser {
                    text: line,
                    t: &toks,
                    order: None,
                };
                for i in (0..toks.len()).filter(|&i| p.is_word(i, "the")) {
                    seen += 1;
                    assert!(p.quarter_code(i).is_none(), "{line:?}");
                    assert!(p.relative_year(i).is_none(), "{line:?}");
                    assert!(p.relative_month(i).is_none(), "{line:?}");
                }
            }
        }
        assert!(seen > 100, "{seen}");
    }

    /// [`Words::find`] finds what searching the whole list finds: for every list the
    /// rules read, on its words and words that open or end as they do, in three cases,
    /// every word of up to two letters, and words of other scripts.
    #[test]
    fn words_are_found_as_a_search_of_the_list_finds_them() {
        let lists = [
            &CUES,
            &DATE_PREPOSITIONS,
            &DETERMINERS,
            &QUANTITY,
            &PEOPLE,
            &GATHERINGS,
            &RELATIVE,
            const { &Words::new(&["this", "next", "last"]) },
            const {
                &Words::new(&[
                    "first", "second", "third", "fourth", "last", "final", "latter",
                ])
            },
        ];
        let mut words: Vec<String> = Vec::new();
        for a in b'a'..=b'z' {
            words.push(char::from(a).to_string());
            for b in b'a'..=b'z' {
                words.push(String::from_utf8(vec![a, b]).unwrap());
            }
        }
        for list in lists {
            for w in list.list {
                words.push(w.to_string());
                words.push(format!("{w}s"));
                words.push(format!("a{w}"));
                words.push(w[..w.len() - 1].to_string());
                words.push(format!("{}{}", &w[..w.len() - 1], "\u{e9}"));
            }
        }
        words.extend(
            [
                "",
                "Thé",
                "ễ",
                "\u{1ec5}n",
                "sixteenletterwrd",
                "@n",
                "`n",
                "[n",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for list in lists {
            for w in &words {
                let mut cap = w.clone().into_bytes();
                if let Some(c) = cap.first_mut() {
                    *c = c.to_ascii_uppercase();
                }
                for form in [w.as_bytes().to_vec(), w.to_uppercase().into_bytes(), cap] {
                    let searched = list
                        .list
                        .iter()
                        .copied()
                        .find(|l| l.as_bytes().eq_ignore_ascii_case(&form));
                    assert_eq!(list.find(&form), searched, "{w}");
                    found += usize::from(searched.is_some());
                }
            }
        }
        assert!(found > 3 * 90, "{found}");
    }

    #[test]
    fn calendar_nouns_in_any_case_and_nothing_else() {
        let nouns = [
            "year", "years", "month", "months", "half", "quarter", "spring", "summer", "autumn",
            "fall",
        ];
        for n in nouns {
            for w in [
                n.to_string(),
                n.to_uppercase(),
                format!("{}{}", &n[..1].to_uppercase(), &n[1..]),
            ] {
                assert!(is_calendar_noun(w.as_bytes()), "{w}");
            }
        }
        for w in [
            "", "y", "yea", "yearly", "halves", "quarters", "springs", "fallen", "mont", "monthly",
            "summit", "autumnal", "also", "from", "some", "about", "Mayor",
        ] {
            assert!(!is_calendar_noun(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn a_paragraph_without_digits_months_or_year_words_has_no_cue() {
        for text in [
            "met on 4 May",
            "in October",
            "later this year",
            "two years ago",
            "next month",
            "the summer of next year",
            "Sept. talks",
        ] {
            assert!(has_cue(text), "{text}");
        }
        for text in [
            "the two leaders met",
            "Việt Nam và Nhật Bản",
            "a yearly forum",
            "",
        ] {
            assert!(!has_cue(text), "{text}");
        }
    }
}
