//! A record written as one JSON object: byte for byte what `serde_json` writes from
//! the types' derived `Serialize` (the type's name in `type`, the common fields, then
//! the type's own in declaration order, absent options left out), without serde's
//! call per field and per key, which was most of the serialization's tenth of a run.
//!
//! **Takes** a [`Record`]; **gives** its JSON object, appended to a buffer. The object
//! is written into a small buffer on the stack ([`Object`]) and handed to the output
//! when the buffer is full and at the end: a field's bytes go where the buffer's write
//! position says, held in a register, with no check of the output's capacity and no
//! store of its length per piece (that bookkeeping cost more than the bytes). Keys are
//! written as they are (they need no escaping), each with the comma before it, and the
//! record's opening with its `type` as one literal per type; a string is copied between
//! quotes unless it holds a byte JSON escapes, and then written with the escapes
//! `serde_json` writes ([`escaped`], held to it by a property test); a short string
//! (most of them: names, codes, mentions) is looked at and copied inline, in chunks of
//! a size known when compiled. Integers are written as `itoa` writes
//! them, those below 10^8 without a division per digit ([`eight_digits`]); amounts as
//! their `Serialize` impl writes them ([`Decimal::write_json_number`]), and the closed
//! vocabularies by their names, each checked against its serde name by a test. Each
//! record type is taken apart field by field, so a field added to a type fails to
//! compile here until it is written; a test holds the output equal to `serde_json`'s on
//! every record of the fixtures, and the property test on arbitrary text.

use crate::number::Decimal;
use crate::record::{
    Common, CountryRecord, DateRecord, DateRef, Direction, EventRecord, FootnoteRecord,
    Granularity, MoneyRecord, OrganizationRecord, Participant, PercentRecord, PersonRecord, Record,
    SectionRecord, Span, YearFrom,
};
use crate::scan::{json_escapes as escapes, word_at};
use crate::sections::SectionKind;

/// A key as written after an earlier field: a comma, the key quoted, its colon. Keys
/// are plain ASCII names.
macro_rules! k {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}

/// The start of a record of type `$name`: the object opened and its `type` field.
macro_rules! open {
    ($name:literal) => {
        concat!("{\"type\":\"", $name, "\"")
    };
}

/// Appends `record`'s JSON object to `out`, and the line break that ends its line
/// (written with the object's closing brace, one piece fewer than pushing it after).
pub(crate) fn write_line(record: &Record, out: &mut Vec<u8>) {
    match record {
        Record::Section(r) => object(out, open!("section"), |o| section(r, o)),
        Record::Footnote(r) => object(out, open!("footnote"), |o| footnote(r, o)),
        Record::Date(r) => object(out, open!("date"), |o| date(r, o)),
        Record::Country(r) => object(out, open!("country"), |o| country(r, o)),
        Record::Organization(r) => object(out, open!("organization"), |o| organization(r, o)),
        Record::Person(r) => object(out, open!("person"), |o| person(r, o)),
        Record::Event(r) => object(out, open!("event"), |o| event(r, o)),
        Record::Money(r) => object(out, open!("money"), |o| money(r, o)),
        Record::Percent(r) => object(out, open!("percent"), |o| percent(r, o)),
    }
}

/// Writes an object to `out`: its start (from [`open!`]: the object and its `type`),
/// its other fields by `fields`, and its end with the line break after it. One function for each record type, with
/// the type's writer inlined: the [`Object`] is its own, so that its write position
/// stays in a register (an object passed to a function not inlined lives in memory,
/// its position stored after every piece).
#[inline(never)]
fn object(out: &mut Vec<u8>, start: &str, fields: impl FnOnce(&mut Object)) {
    let mut room = [0; ROOM];
    let mut o = Object {
        out,
        buf: &mut room,
        at: 0,
    };
    o.raw(start);
    fields(&mut o);
    o.raw("}\n");
    // The record's last piece, handed over here rather than by a call (every record
    // has one; the pieces handed over mid-record are few).
    let Object { out, buf, at } = o;
    out.extend_from_slice(&buf[..at]);
}

/// The common fields, inlined into each type's writer (one call fewer a record).
#[inline(always)]
fn common(c: &Common, o: &mut Object) {
    let Common {
        doc,
        span,
        text,
        section,
        sentence,
        aside,
    } = c;
    o.str(k!("doc"), doc);
    o.span(k!("span"), *span);
    o.str(k!("text"), text);
    o.opt_int(k!("section"), section.map(u64::from));
    o.opt_span(k!("sentence"), *sentence);
    o.opt_name(k!("aside"), aside.map(|a| a.as_str()));
}

#[inline(always)]
fn section(r: &SectionRecord, o: &mut Object) {
    let SectionRecord {
        common: c,
        parent,
        path,
        level,
        kind,
        number,
    } = r;
    common(c, o);
    o.opt_int(k!("parent"), parent.map(u64::from));
    o.strs(k!("path"), path);
    o.int(k!("level"), u64::from(*level));
    o.name(k!("kind"), section_kind(*kind));
    o.opt_str(k!("number"), number.as_deref());
}

#[inline(always)]
fn footnote(r: &FootnoteRecord, o: &mut Object) {
    let FootnoteRecord { common: c, number } = r;
    common(c, o);
    o.opt_str(k!("number"), number.as_deref());
}

#[inline(always)]
fn date(r: &DateRecord, o: &mut Object) {
    let DateRecord {
        common: c,
        values,
        start,
        end,
        granularity,
        year_from,
        ambiguous,
    } = r;
    common(c, o);
    o.strs(k!("values"), values);
    o.opt_str(k!("start"), start.as_deref());
    o.opt_str(k!("end"), end.as_deref());
    o.name(k!("granularity"), granularity_name(*granularity));
    o.opt_name(k!("year_from"), year_from.map(year_from_name));
    o.bool(k!("ambiguous"), *ambiguous);
}

#[inline(always)]
fn country(r: &CountryRecord, o: &mut Object) {
    let CountryRecord {
        common: c,
        code,
        name,
        kind,
    } = r;
    common(c, o);
    o.str(k!("code"), code);
    o.str(k!("name"), name);
    o.name(k!("kind"), kind.as_str());
}

#[inline(always)]
fn organization(r: &OrganizationRecord, o: &mut Object) {
    let OrganizationRecord {
        common: c,
        acronym,
        name,
    } = r;
    common(c, o);
    o.opt_str(k!("acronym"), acronym.as_deref());
    o.str(k!("name"), name);
}

#[inline(always)]
fn person(r: &PersonRecord, o: &mut Object) {
    let PersonRecord {
        common: c,
        name,
        titles,
        offices,
        country,
        org,
        person_id,
    } = r;
    common(c, o);
    o.str(k!("name"), name);
    o.strs(k!("titles"), titles);
    o.strs(k!("offices"), offices);
    o.opt_str(k!("country"), country.as_deref());
    o.opt_str(k!("org"), org.as_deref());
    o.str(k!("person_id"), person_id);
}

#[inline(always)]
fn event(r: &EventRecord, o: &mut Object) {
    let EventRecord {
        common: c,
        kind,
        date,
        participants,
        countries,
        orgs,
        location,
    } = r;
    common(c, o);
    o.name(k!("kind"), kind.as_str());
    let DateRef { span, values } = date;
    // The nested objects' first fields are always there: written without a comma.
    o.raw(concat!(",\"date\":{", "\"span\":"));
    o.span_value(*span);
    o.strs(k!("values"), values);
    o.raw(concat!("}", k!("participants"), "["));
    for (i, p) in participants.iter().enumerate() {
        let Participant { name, person_id } = p;
        if i > 0 {
            o.byte(b',');
        }
        o.raw("{\"name\":");
        o.string(name);
        o.str(k!("person_id"), person_id);
        o.byte(b'}');
    }
    o.byte(b']');
    o.strs(k!("countries"), countries);
    o.strs(k!("orgs"), orgs);
    o.opt_str(k!("location"), location.as_deref());
}

#[inline(always)]
fn money(r: &MoneyRecord, o: &mut Object) {
    let MoneyRecord {
        common: c,
        amount,
        currency,
        currency_assumed,
        qualifier,
        qualifier_text,
        min,
        max,
        vague,
        equivalent_of,
        metric,
        counterpart,
        direction,
        period,
        period_kind,
    } = r;
    common(c, o);
    o.opt_decimal(k!("amount"), *amount);
    o.str(k!("currency"), currency);
    o.bool(k!("currency_assumed"), *currency_assumed);
    o.opt_name(k!("qualifier"), qualifier.map(|q| q.as_str()));
    o.opt_str(k!("qualifier_text"), qualifier_text.as_deref());
    o.opt_decimal(k!("min"), *min);
    o.opt_decimal(k!("max"), *max);
    o.bool(k!("vague"), *vague);
    o.opt_span(k!("equivalent_of"), *equivalent_of);
    o.opt_name(k!("metric"), metric.map(|m| m.as_str()));
    o.opt_str(k!("counterpart"), counterpart.as_deref());
    if let Some(Direction { from, to }) = direction {
        o.raw(concat!(k!("direction"), "{"));
        if let Some(from) = from {
            o.raw("\"from\":");
            o.string(from);
        }
        if let Some(to) = to {
            if from.is_some() {
                o.byte(b',');
            }
            o.raw("\"to\":");
            o.string(to);
        }
        o.byte(b'}');
    }
    o.opt_int(k!("period"), period.map(u64::from));
    o.opt_name(k!("period_kind"), period_kind.map(|p| p.as_str()));
}

#[inline(always)]
fn percent(r: &PercentRecord, o: &mut Object) {
    let PercentRecord {
        common: c,
        value,
        min,
        max,
        vague,
        unit,
        change,
        metric,
        counterpart,
        share_of,
        qualifier,
        qualifier_text,
        period,
        period_kind,
    } = r;
    common(c, o);
    o.opt_decimal(k!("value"), *value);
    o.opt_decimal(k!("min"), *min);
    o.opt_decimal(k!("max"), *max);
    o.bool(k!("vague"), *vague);
    o.name(k!("unit"), unit.as_str());
    o.opt_name(k!("change"), change.map(|c| c.as_str()));
    o.opt_name(k!("metric"), metric.map(|m| m.as_str()));
    o.opt_str(k!("counterpart"), counterpart.as_deref());
    o.opt_str(k!("share_of"), share_of.as_deref());
    o.opt_name(k!("qualifier"), qualifier.map(|q| q.as_str()));
    o.opt_str(k!("qualifier_text"), qualifier_text.as_deref());
    o.opt_int(k!("period"), period.map(u64::from));
    o.opt_name(k!("period_kind"), period_kind.map(|p| p.as_str()));
}

/// A section kind's serde name (checked by a test for every value).
fn section_kind(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::TitlePage => "title_page",
        SectionKind::FrontMatter => "front_matter",
        SectionKind::Chapter => "chapter",
        SectionKind::Part => "part",
        SectionKind::Item => "item",
        SectionKind::LetteredItem => "lettered_item",
        SectionKind::Topic => "topic",
        SectionKind::BackMatter => "back_matter",
        SectionKind::Headline => "headline",
        SectionKind::CrossHead => "cross_head",
        SectionKind::Question => "question",
    }
}

/// A granularity's serde name (checked by a test for every value).
fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Day => "day",
        Granularity::Month => "month",
        Granularity::Year => "year",
    }
}

/// Where a year comes from, by its serde name (checked by a test for every value).
fn year_from_name(y: YearFrom) -> &'static str {
    match y {
        YearFrom::Text => "text",
        YearFrom::Context => "context",
        YearFrom::Document => "document",
    }
}

/// The bytes of a record held on the stack before they are handed to the output: most
/// records fit (countries, organizations and dates take 140 to 240 bytes); a longer one
/// is handed over in pieces. Zeroing it (a call to `memset`) costs a record about 40
/// instructions, less than keeping the output's length and capacity up to date piece
/// by piece did.
const ROOM: usize = 256;

/// A JSON object being written, after its first field (the record's `type`): every
/// field from there on is written after a comma ([`k!`]). Its bytes go to `buf` up to
/// `at`, and to `out` when `buf` has no room for the next piece ([`Object::room`]), when
/// a string is long or escaped, and at the end ([`object`]).
struct Object<'o> {
    out: &'o mut Vec<u8>,
    buf: &'o mut [u8; ROOM],
    at: usize,
}

// The field methods are inlined into each record's writer, so that a key (a literal)
// is copied with a length known when compiled instead of by a call to `memcpy`. Each
// piece is preceded by `room` for its size, so that the buffer's indexes are in range.
impl Object<'_> {
    /// Makes room for `n` bytes (at most [`ROOM`]) after `at`, handing the buffer's
    /// bytes to the output if it has not.
    #[inline(always)]
    fn room(&mut self, n: usize) {
        if self.at > ROOM - n {
            self.flush();
        }
    }

    /// Hands the buffer's bytes to the output.
    #[inline(always)]
    fn flush(&mut self) {
        spill(self.out, self.buf, self.at);
        self.at = 0;
    }

    /// `N` bytes at `at`, which [`Object::room`] made room for; `at` is left where it
    /// was.
    #[inline(always)]
    fn put<const N: usize>(&mut self, at: usize, chunk: [u8; N]) {
        self.buf[at..at + N].copy_from_slice(&chunk);
    }

    /// A byte.
    #[inline(always)]
    fn byte(&mut self, b: u8) {
        self.room(1);
        self.buf[self.at] = b;
        self.at += 1;
    }

    /// Bytes as they are: a key or punctuation (a literal, short).
    #[inline(always)]
    fn raw(&mut self, bytes: &str) {
        let b = bytes.as_bytes();
        self.room(b.len());
        let at = self.at;
        self.buf[at..at + b.len()].copy_from_slice(b);
        self.at = at + b.len();
    }

    #[inline(always)]
    fn str(&mut self, key: &str, value: &str) {
        self.raw(key);
        self.string(value);
    }

    #[inline(always)]
    fn opt_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    /// A closed vocabulary's name (an `as_str`), which holds no byte JSON escapes
    /// (checked by a test for every value): copied between quotes unchecked.
    #[inline(always)]
    fn name(&mut self, key: &str, value: &'static str) {
        self.raw(key);
        let v = value.as_bytes();
        if v.len() <= 32 {
            self.room(34);
            let at = self.at;
            self.put(at, [b'"']);
            self.copy_at(at + 1, v);
            self.put(at + 1 + v.len(), [b'"']);
            self.at = at + v.len() + 2;
        } else {
            self.byte(b'"');
            self.bytes(v);
            self.byte(b'"');
        }
    }

    #[inline(always)]
    fn opt_name(&mut self, key: &str, value: Option<&'static str>) {
        if let Some(v) = value {
            self.name(key, v);
        }
    }

    /// An array of strings.
    #[inline(always)]
    fn strs(&mut self, key: &str, values: &[String]) {
        self.raw(key);
        self.byte(b'[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.byte(b',');
            }
            self.string(v);
        }
        self.byte(b']');
    }

    #[inline(always)]
    fn opt_int(&mut self, key: &str, value: Option<u64>) {
        if let Some(v) = value {
            self.int(key, v);
        }
    }

    #[inline(always)]
    fn opt_span(&mut self, key: &str, span: Option<Span>) {
        if let Some(s) = span {
            self.span(key, s);
        }
    }

    /// An exact number, as its `Serialize` impl writes it
    /// ([`Decimal::to_json_number`]), without the string that takes: written to the
    /// output after the buffer's bytes (amounts are few).
    #[inline(always)]
    fn opt_decimal(&mut self, key: &str, value: Option<Decimal>) {
        if let Some(v) = value {
            self.raw(key);
            self.flush();
            v.write_json_number(self.out);
        }
    }

    #[inline(always)]
    fn int(&mut self, key: &str, value: u64) {
        self.raw(key);
        self.number(value);
    }

    #[inline(always)]
    fn bool(&mut self, key: &str, value: bool) {
        self.raw(key);
        if value {
            self.raw("true");
        } else {
            self.raw("false");
        }
    }

    #[inline(always)]
    fn span(&mut self, key: &str, span: Span) {
        self.raw(key);
        self.span_value(span);
    }

    /// A span's value: its two offsets in an array.
    #[inline(always)]
    fn span_value(&mut self, span: Span) {
        self.byte(b'[');
        self.number(span.0 as u64);
        self.byte(b',');
        self.number(span.1 as u64);
        self.byte(b']');
    }

    /// `s` as it is. Up to 32 bytes, without a call to `memcpy` ([`Object::copy_at`]).
    #[inline(always)]
    fn bytes(&mut self, s: &[u8]) {
        if s.len() > 32 {
            self.flush();
            self.out.extend_from_slice(s);
            return;
        }
        self.room(32);
        let at = self.at;
        self.copy_at(at, s);
        self.at = at + s.len();
    }

    /// `s`, of at most 32 bytes, at `at`, which [`Object::room`] made room for: the
    /// first and the last chunk of a fixed size that together cover `s` (overlapping
    /// when `s` is shorter than two), each copied with its length known when compiled,
    /// the last where it ends `s`. Bytes past `s` may be written too.
    #[inline(always)]
    fn copy_at(&mut self, at: usize, s: &[u8]) {
        let n = s.len();
        if let (Some(a), Some(z)) = (s.first_chunk::<16>(), s.last_chunk::<16>()) {
            self.put(at, *a);
            self.put(at + n - 16, *z);
        } else if let (Some(a), Some(z)) = (s.first_chunk::<8>(), s.last_chunk::<8>()) {
            self.put(at, *a);
            self.put(at + n - 8, *z);
        } else if let (Some(a), Some(z)) = (s.first_chunk::<4>(), s.last_chunk::<4>()) {
            self.put(at, *a);
            self.put(at + n - 4, *z);
        } else if let (Some(&a), Some(&z)) = (s.first(), s.last()) {
            // One to three bytes: the first, the middle and the last, of which the first
            // `n` are `s`.
            self.put(at, [a, s.get(n / 2).copied().unwrap_or(a), z]);
        }
    }

    /// `s` as a JSON string: copied between quotes when no byte of it needs escaping (a
    /// quote, a backslash, a control character), else with its escapes ([`escaped`]). Up to 32
    /// bytes, inlined and without a call: `s` is read as the first and the last chunk
    /// of a fixed size that together cover it (overlapping when it is shorter than
    /// two), both looked at for escapes ([`escapes`]) and copied with their quotes, the
    /// last where it ends `s`.
    #[inline(always)]
    fn string(&mut self, s: &str) {
        let b = s.as_bytes();
        let n = b.len();
        if let (Some(a), Some(z)) = (b.first_chunk::<8>(), b.last_chunk::<8>())
            && n <= 16
        {
            if escapes(u64::from_le_bytes(*a)) | escapes(u64::from_le_bytes(*z)) == 0 {
                self.room(18);
                let at = self.at;
                self.put(at, quote_first::<8, 9>(a));
                self.put(at + n - 7, quote_last::<8, 9>(z));
                self.at = at + n + 2;
                return;
            }
        } else if let (Some(a), Some(z)) = (b.first_chunk::<16>(), b.last_chunk::<16>())
            && n <= 32
        {
            let (a0, a1) = halves(a);
            let (z0, z1) = halves(z);
            if escapes(a0) | escapes(a1) | escapes(z0) | escapes(z1) == 0 {
                self.room(34);
                let at = self.at;
                self.put(at, quote_first::<16, 17>(a));
                self.put(at + n - 15, quote_last::<16, 17>(z));
                self.at = at + n + 2;
                return;
            }
        } else if let (Some(a), Some(z)) = (b.first_chunk::<4>(), b.last_chunk::<4>())
            && n < 8
        {
            // Four to seven bytes: both chunks in one word (equal where they overlap),
            // the rest of it letters.
            let (wa, wz) = (u32::from_le_bytes(*a), u32::from_le_bytes(*z));
            let word = u64::from(wa) | u64::from(wz) << (8 * (n - 4)) | LETTERS << (8 * n);
            if escapes(word) == 0 {
                self.room(9);
                let at = self.at;
                self.put(at, quote_first::<4, 5>(a));
                self.put(at + n - 3, quote_last::<4, 5>(z));
                self.at = at + n + 2;
                return;
            }
        } else if let (Some(&first), Some(&last)) = (b.first(), b.last())
            && n < 4
        {
            // One to three bytes: the first, the middle and the last (the whole string,
            // some of it repeated), quoted in one word of which `n` and its quotes are
            // kept.
            let mid = b.get(n / 2).copied().unwrap_or(first);
            let three = u64::from_le_bytes([first, mid, last, 0, 0, 0, 0, 0]);
            let word = three & !(u64::MAX << (8 * n));
            if escapes(word | LETTERS << (8 * n)) == 0 {
                let quoted = u64::from(b'"') | word << 8 | u64::from(b'"') << (8 * (n + 1));
                self.room(8);
                let at = self.at;
                self.put(at, quoted.to_le_bytes());
                self.at = at + n + 2;
                return;
            }
        } else if n == 0 {
            self.raw("\"\"");
            return;
        }
        long_string(&self.buf[..self.at], s, self.out);
        self.at = 0;
    }

    /// `v` in decimal, as `itoa` (and `serde_json`) writes it. Below 10^8, without a
    /// division per digit: its eight digits, leading zeros included, are worked out in
    /// one word ([`eight_digits`]), and the leading zeros dropped.
    #[inline(always)]
    fn number(&mut self, v: u64) {
        match u32::try_from(v) {
            Ok(v) if v < 100_000_000 => {
                let d = eight_digits(v);
                // Leading zero digits are the low zero bytes; a zero keeps one digit.
                let lead = (d.trailing_zeros() / 8).min(7);
                let ascii = (d | 0x3030_3030_3030_3030) >> (8 * lead);
                self.room(8);
                let at = self.at;
                self.put(at, ascii.to_le_bytes());
                self.at = at + 8 - lead as usize;
            }
            _ => {
                let mut digits = itoa::Buffer::new();
                let d = digits.format(v).as_bytes();
                self.room(d.len());
                let at = self.at;
                self.buf[at..at + d.len()].copy_from_slice(d);
                self.at = at + d.len();
            }
        }
    }
}

/// Appends the first `n` bytes of `buf` to `out`: the buffer of an [`Object`] handed
/// over.
#[inline(never)]
fn spill(out: &mut Vec<u8>, buf: &[u8; ROOM], n: usize) {
    out.extend_from_slice(&buf[..n]);
}

/// Eight bytes of ASCII letters: what a short string is padded with to a word.
const LETTERS: u64 = 0x6161_6161_6161_6161;

/// The two words of a chunk of 16 bytes.
#[inline(always)]
fn halves(chunk: &[u8; 16]) -> (u64, u64) {
    let v = u128::from_le_bytes(*chunk);
    (v as u64, (v >> 64) as u64)
}

/// A quote, then `chunk`: `M` is `N + 1`.
#[inline(always)]
fn quote_first<const N: usize, const M: usize>(chunk: &[u8; N]) -> [u8; M] {
    const { assert!(M == N + 1) };
    let mut q = [b'"'; M];
    let (_, rest) = q.split_at_mut(1);
    for (q, c) in rest.iter_mut().zip(chunk) {
        *q = *c;
    }
    q
}

/// `chunk`, then a quote: `M` is `N + 1`.
#[inline(always)]
fn quote_last<const N: usize, const M: usize>(chunk: &[u8; N]) -> [u8; M] {
    const { assert!(M == N + 1) };
    let mut q = [b'"'; M];
    for (q, c) in q.iter_mut().zip(chunk) {
        *q = *c;
    }
    q
}

/// [`Object::string`] for the strings it does not write inline: longer than 32 bytes,
/// or needing escapes. `held` (the object's buffered bytes) goes to `out` first, in
/// the same call.
#[inline(never)]
fn long_string(held: &[u8], s: &str, out: &mut Vec<u8>) {
    let b = s.as_bytes();
    let n = b.len();
    // Up to 32 bytes: written inline unless escaped.
    let clean = n > 32 && !crate::scan::has_json_escape(b);
    out.reserve(held.len() + n + 2);
    out.extend_from_slice(held);
    if clean {
        out.push(b'"');
        out.extend_from_slice(b);
        out.push(b'"');
    } else {
        escaped(b, out);
    }
}

/// A string's bytes `b` as a JSON string with the escapes `serde_json` writes: a quote
/// or a backslash after a backslash, the controls that have a short form by it (`\b`,
/// `\t`, `\n`, `\f`, `\r`), the other controls as `\u00` and two lower-case hex
/// digits; every other byte as it is. The bytes between escapes are copied as runs,
/// found eight bytes at a time ([`next_escape`]).
fn escaped(b: &[u8], out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let mut run = 0;
    while let Some(at) = next_escape(b, run) {
        out.extend_from_slice(&b[run..at]);
        let c = b[at];
        let short = match c {
            b'"' | b'\\' => c,
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            _ => 0,
        };
        if short != 0 {
            out.extend_from_slice(&[b'\\', short]);
        } else {
            let hex = |d: u8| HEX[usize::from(d & 0xf)];
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(c >> 4), hex(c)]);
        }
        run = at + 1;
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

/// Where the first byte of `b` from `from` on that JSON escapes is (a quote, a
/// backslash, a control character), if any: eight bytes looked at at once, the first
/// found told by the lowest bit [`escapes`] sets (exact: no bit below it is set by a
/// borrow, which only runs upwards); the last few, byte by byte.
fn next_escape(b: &[u8], from: usize) -> Option<usize> {
    let found = |at: usize, w: u64| {
        let e = escapes(w);
        (e != 0).then(|| at + (e.trailing_zeros() / 8) as usize)
    };
    let mut at = from;
    while let Some(w) = word_at(b, at) {
        if let Some(i) = found(at, w) {
            return Some(i);
        }
        at += 8;
    }
    // Fewer than eight left: byte by byte.
    let tail = b.get(at..)?;
    let found = tail
        .iter()
        .position(|&c| c < 0x20 || c == b'"' || c == b'\\');
    found.map(|i| at + i)
}

/// The eight decimal digits of `v` (below 10^8), most significant first, one in each
/// byte of a little-endian word (digit values, not ASCII): the halves, their hundreds
/// and their tens split off lane by lane, each product small enough to stay within its
/// lane.
#[inline(always)]
fn eight_digits(v: u32) -> u64 {
    // Two lanes of 32 bits: the first four digits, then the last four.
    let x = u64::from(v / 10_000) | u64::from(v % 10_000) << 32;
    // Each lane's hundreds (x / 100 for x < 10^4, as x * 10486 >> 20) into the low 16
    // bits, the rest into the high.
    let h = ((x * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let x = h | (x - h * 100) << 16;
    // Each 16-bit lane's tens (x / 10 for x < 100, as x * 103 >> 10) into its low byte.
    let t = ((x * 103) >> 10) & 0x000f_000f_000f_000f;
    t | (x - t * 10) << 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document, extract};
    use proptest::prelude::*;
    use serde::Serialize;

    /// Every record of a text, written here and by `serde_json`: the same bytes. The
    /// records' type names.
    fn same_as_serde(name: &str, text: &[u8]) -> Vec<&'static str> {
        let doc = Document::from_bytes(name, text.to_vec()).unwrap();
        let records = extract(&doc, &Config::default());
        for r in &records {
            let mut ours = Vec::new();
            write_line(r, &mut ours);
            assert_eq!(ours.pop(), Some(b'\n'));
            let theirs = serde_json::to_vec(r).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
            // The type's index (what the batch counts records by) is its name's.
            assert_eq!(crate::record::TYPE_NAMES[r.type_index()], r.type_name());
        }
        records.iter().map(Record::type_name).collect()
    }

    #[test]
    fn every_fixture_record_is_written_as_serde_writes_it() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut types = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read(&path).unwrap();
                types.extend(same_as_serde(&path.to_string_lossy(), &text));
            }
        }
        assert!(types.len() > 2_000, "{} records", types.len());
        // Every type is among them.
        for t in crate::record::TYPE_NAMES {
            assert!(types.contains(t), "no {t} record");
        }
    }

    #[test]
    fn every_vocabulary_value_is_written_by_its_serde_name() {
        use crate::vocab::{
            Aside, Change, EventKind, MentionKind, Metric, PercentUnit, PeriodKind, Qualifier,
        };
        fn check<T: Serialize + Copy>(all: &[T], name: impl Fn(T) -> &'static str) {
            for &v in all {
                assert_eq!(
                    serde_json::to_string(&v).unwrap(),
                    format!("\"{}\"", name(v))
                );
            }
        }
        check(Aside::ALL, Aside::as_str);
        check(Change::ALL, Change::as_str);
        check(EventKind::ALL, EventKind::as_str);
        check(MentionKind::ALL, MentionKind::as_str);
        check(Metric::ALL, Metric::as_str);
        check(PercentUnit::ALL, PercentUnit::as_str);
        check(PeriodKind::ALL, PeriodKind::as_str);
        check(Qualifier::ALL, Qualifier::as_str);
        use SectionKind as S;
        check(
            &[
                S::TitlePage,
                S::FrontMatter,
                S::Chapter,
                S::Part,
                S::Item,
                S::LetteredItem,
                S::Topic,
                S::BackMatter,
                S::Headline,
                S::CrossHead,
                S::Question,
            ],
            section_kind,
        );
        check(
            &[Granularity::Day, Granularity::Month, Granularity::Year],
            granularity_name,
        );
        check(
            &[YearFrom::Text, YearFrom::Context, YearFrom::Document],
            year_from_name,
        );
    }

    /// What `f` writes to an [`Object`] over an output holding `before`, whose buffer
    /// holds `pad` dots already (so that a piece meets the buffer's end at every
    /// place), with the buffer handed over at the end.
    fn written(before: &[u8], pad: usize, f: impl FnOnce(&mut Object)) -> Vec<u8> {
        let mut out = before.to_vec();
        let mut room = [b'.'; ROOM];
        let mut o = Object {
            out: &mut out,
            buf: &mut room,
            at: pad,
        };
        f(&mut o);
        o.flush();
        out
    }

    /// `before`, `pad` dots, then `rest`: what [`written`] should give.
    fn expected(before: &[u8], pad: usize, rest: &[u8]) -> Vec<u8> {
        [before, &vec![b'.'; pad], rest].concat()
    }

    /// The places of the buffer a piece is tried at: its start, and each place near
    /// its end.
    fn pads() -> impl Iterator<Item = usize> {
        (0..2).chain(ROOM - 40..=ROOM)
    }

    /// `s` written by [`Object::string`] after `before` and `pad` dots, and by
    /// `serde_json`.
    fn both_ways(before: &[u8], pad: usize, s: &str) -> (Vec<u8>, Vec<u8>) {
        let ours = written(before, pad, |o| o.string(s));
        let theirs = expected(before, pad, &serde_json::to_vec(s).unwrap());
        (ours, theirs)
    }

    #[test]
    fn strings_of_every_short_length_are_written_as_serde_writes_them() {
        // Every length up to past the long strings' cut-offs, each byte in turn one
        // that JSON escapes, one not, or one of a longer character; with and without
        // bytes already in the buffer.
        let plain = "Viet Nam and Japan, a list of 40 words: « é » and the rest of them";
        for n in 0..=40 {
            let base = &plain.as_bytes()[..n];
            let mut cases = vec![String::from_utf8(base.to_vec()).unwrap()];
            for at in 0..n {
                for b in [0u8, 0x1f, b' ', b'"', b'\\', b'a', 0x7f] {
                    let mut t = base.to_vec();
                    t[at] = b;
                    if let Ok(t) = String::from_utf8(t) {
                        cases.push(t);
                    }
                }
                let mut t = base[..at].to_vec();
                t.extend_from_slice("é".as_bytes());
                t.extend_from_slice(&base[at..n - 1]);
                cases.extend(String::from_utf8(t).ok());
            }
            for t in &cases {
                for before in [&b""[..], b"{", b"0123456789abcdef0"] {
                    let (ours, theirs) = both_ways(before, 0, t);
                    assert_eq!(ours, theirs, "{t:?}");
                }
                for pad in pads() {
                    let (ours, theirs) = both_ways(b"{", pad, t);
                    assert_eq!(ours, theirs, "{t:?} after {pad}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Any string, from the few characters that matter most: what `serde_json`
        /// writes.
        #[test]
        fn any_string_is_written_as_serde_writes_it(
            t in crate::scan::texts_of(&[
                "a", "Z", " ", "\"", "\\", "\n", "\t", "\u{0}", "\u{1f}", "\u{7f}", "é", "—",
                "€", "🙂", "/", "0123456789", "Viet Nam",
            ], 24),
            before in proptest::collection::vec(any::<u8>(), 0..20),
            pad in 0..=ROOM,
        ) {
            let (ours, theirs) = both_ways(&before, pad, &t);
            prop_assert_eq!(ours, theirs);
        }

        /// Any string at all, escaped: what `serde_json` writes, which is what the
        /// writer used before (kept as the reference).
        #[test]
        fn any_string_is_escaped_as_serde_escapes_it(
            t in any::<String>(),
            controls in proptest::collection::vec((0..0x20u8, any::<prop::sample::Index>()), 0..6),
        ) {
            // Control characters and the bytes JSON escapes put in at random places
            // (at character boundaries), as arbitrary strings seldom hold them.
            let mut t = t;
            for (c, at) in controls {
                let mut at = at.index(t.len() + 1);
                while !t.is_char_boundary(at) {
                    at -= 1;
                }
                let c = match c {
                    0x1e => '"',
                    0x1f => '\\',
                    c => char::from(c),
                };
                t.insert(at, c);
            }
            let mut ours = Vec::new();
            escaped(t.as_bytes(), &mut ours);
            prop_assert_eq!(ours, serde_json::to_vec(&t).unwrap());
        }

        /// Any integer: what `itoa` writes.
        #[test]
        fn any_integer_is_written_as_itoa_writes_it(
            v in any::<u64>(),
            small in 0..200_000_000u64,
            pad in 0..=ROOM,
        ) {
            for v in [v, small, v % 1_000, v % 100_000_000] {
                let ours = written(b"[", pad, |o| o.number(v));
                let theirs = expected(b"[", pad, itoa::Buffer::new().format(v).as_bytes());
                prop_assert_eq!(ours, theirs);
            }
        }

        /// A word has a byte that JSON escapes exactly when one of its bytes is one.
        #[test]
        fn a_word_escapes_when_one_of_its_bytes_does(w in any::<u64>(), at in 0..8u32, b in any::<u8>()) {
            let w = w & !(0xff << (8 * at)) | u64::from(b) << (8 * at);
            let naive = w.to_le_bytes().iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
            prop_assert_eq!(escapes(w) != 0, naive);
        }

        /// Copying any bytes appends them.
        #[test]
        fn copying_appends_the_bytes(
            s in proptest::collection::vec(any::<u8>(), 0..80),
            before in proptest::collection::vec(any::<u8>(), 0..20),
            pad in 0..=ROOM,
        ) {
            let ours = written(&before, pad, |o| o.bytes(&s));
            prop_assert_eq!(ours, expected(&before, pad, &s));
        }
    }

    #[test]
    fn integers_are_written_as_itoa_writes_them() {
        // Every number up to a million and around each power of ten; the eight
        // digits' steps lane by lane (each lane's four digits take every value).
        let powers = (0..20).map(|e| 10u64.pow(e));
        let around = powers.flat_map(|p| [p - 1, p, p + 1]);
        for v in (0..1_000_000)
            .chain(around)
            .chain([u64::MAX, u64::from(u32::MAX)])
        {
            let ours = written(b"", 0, |o| o.number(v));
            assert_eq!(ours, itoa::Buffer::new().format(v).as_bytes(), "{v}");
        }
        for hi in 0..10_000 {
            for lo in [0, 1, 9, 10, 99, 100, 999, 1_000, 9_999] {
                for v in [hi * 10_000 + lo, lo * 10_000 + hi] {
                    let digits = eight_digits(v);
                    let expected = format!("{v:08}")
                        .bytes()
                        .map(|b| b - b'0')
                        .collect::<Vec<_>>();
                    assert_eq!(digits.to_le_bytes().to_vec(), expected, "{v}");
                }
            }
        }
    }

    #[test]
    fn strings_that_need_escaping_are_written_as_serde_writes_them() {
        let text = "1. \"Quoted\" \\ back\tslash:\n\nOn 3 May 2020, Viet Nam and \u{1}Laos \
                    signed a deal worth US$ 5 million; the \"Mekong\" fund grew 10%.\n";
        assert!(same_as_serde("we\"ird\\name\u{7f}.txt", text.as_bytes()).len() > 3);
        let out = written(b"", 0, |o| o.string("a\"b\\c\u{0}\u{1f}é\u{7f}"));
        assert_eq!(
            out,
            serde_json::to_vec("a\"b\\c\u{0}\u{1f}é\u{7f}").unwrap()
        );
    }
}
