//! A record written as one JSON object: byte for byte what `serde_json` writes from
//! the types' derived `Serialize` (the type's name in `type`, the common fields, then
//! the type's own in declaration order, absent options left out), without serde's
//! call per field and per key, which was most of the serialization's tenth of a run.
//!
//! **Takes** a [`Record`]; **gives** its JSON object, appended to a buffer. Keys are
//! written as they are (they need no escaping), each with the comma before it, and the
//! record's opening with its `type` as one literal per type; a string is copied between
//! quotes unless it holds a byte JSON escapes, and then written by `serde_json`, as are
//! the rare values whose form is serde's to say (some enums); a short string (most of
//! them: names, codes, mentions) is looked at and copied inline, in chunks of a size
//! known when compiled. Integers are written as `itoa` writes them, those below 10^8
//! without a division per digit ([`int`]); amounts as their `Serialize` impl writes
//! them ([`Decimal::write_json_number`]), and the closed vocabularies by their
//! `as_str` names, each checked against its serde name by a test. Each record type is
//! taken apart field by field, so a field added to
//! a type fails to compile here until it is written; a test holds the output equal to
//! `serde_json`'s on every record of the fixtures, and the property test on arbitrary
//! text.

use crate::number::Decimal;
use crate::record::{
    Common, CountryRecord, DateRecord, DateRef, Direction, EventRecord, FootnoteRecord,
    MoneyRecord, OrganizationRecord, Participant, PercentRecord, PersonRecord, Record,
    SectionRecord, Span,
};
use crate::scan::json_escapes as escapes;
use serde::Serialize;

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
        concat!("{\"type\":\"", $name, "\"").as_bytes()
    };
}

/// Appends `record`'s JSON object to `out` (no line break).
pub(crate) fn write(record: &Record, out: &mut Vec<u8>) {
    let mut o = Object { out };
    match record {
        Record::Section(r) => section(r, o.open(open!("section"))),
        Record::Footnote(r) => footnote(r, o.open(open!("footnote"))),
        Record::Date(r) => date(r, o.open(open!("date"))),
        Record::Country(r) => country(r, o.open(open!("country"))),
        Record::Organization(r) => organization(r, o.open(open!("organization"))),
        Record::Person(r) => person(r, o.open(open!("person"))),
        Record::Event(r) => event(r, o.open(open!("event"))),
        Record::Money(r) => money(r, o.open(open!("money"))),
        Record::Percent(r) => percent(r, o.open(open!("percent"))),
    }
    o.out.push(b'}');
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
    o.serde(k!("kind"), kind);
    o.opt_str(k!("number"), number.as_deref());
}

fn footnote(r: &FootnoteRecord, o: &mut Object) {
    let FootnoteRecord { common: c, number } = r;
    common(c, o);
    o.opt_str(k!("number"), number.as_deref());
}

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
    o.serde(k!("granularity"), granularity);
    o.opt_serde(k!("year_from"), year_from);
    o.bool(k!("ambiguous"), *ambiguous);
}

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
        o.raw(if i > 0 { ",{\"name\":" } else { "{\"name\":" });
        string(name, o.out);
        o.str(k!("person_id"), person_id);
        o.out.push(b'}');
    }
    o.out.push(b']');
    o.strs(k!("countries"), countries);
    o.strs(k!("orgs"), orgs);
    o.opt_str(k!("location"), location.as_deref());
}

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
            string(from, o.out);
        }
        if let Some(to) = to {
            o.raw(if from.is_some() {
                ",\"to\":"
            } else {
                "\"to\":"
            });
            string(to, o.out);
        }
        o.out.push(b'}');
    }
    o.opt_int(k!("period"), period.map(u64::from));
    o.opt_name(k!("period_kind"), period_kind.map(|p| p.as_str()));
}

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

/// A JSON object being written, after its first field (the record's `type`): every
/// field from there on is written after a comma ([`k!`]).
struct Object<'o> {
    out: &'o mut Vec<u8>,
}

// The field methods are inlined into each record's writer, so that a key (a literal)
// is copied with a length known when compiled instead of by a call to `memcpy`.
impl<'o> Object<'o> {
    /// Writes the start of the record (from [`open!`]): the object and its `type`.
    #[inline(always)]
    fn open(&mut self, start: &[u8]) -> &mut Self {
        self.out.extend_from_slice(start);
        self
    }

    /// Bytes as they are: a key or punctuation.
    #[inline(always)]
    fn raw(&mut self, bytes: &str) {
        self.out.extend_from_slice(bytes.as_bytes());
    }

    #[inline(always)]
    fn str(&mut self, key: &str, value: &str) {
        self.raw(key);
        string(value, self.out);
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
        self.out.push(b'"');
        copy(value.as_bytes(), self.out);
        self.out.push(b'"');
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
        self.out.push(b'[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            string(v, self.out);
        }
        self.out.push(b']');
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
    /// ([`Decimal::to_json_number`]), without the string that takes.
    #[inline(always)]
    fn opt_decimal(&mut self, key: &str, value: Option<Decimal>) {
        if let Some(v) = value {
            self.raw(key);
            v.write_json_number(self.out);
        }
    }

    fn opt_serde(&mut self, key: &str, value: &Option<impl Serialize>) {
        if let Some(v) = value {
            self.serde(key, v);
        }
    }

    #[inline(always)]
    fn int(&mut self, key: &str, value: u64) {
        self.raw(key);
        int(value, self.out);
    }

    #[inline(always)]
    fn bool(&mut self, key: &str, value: bool) {
        self.raw(key);
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
    }

    #[inline(always)]
    fn span(&mut self, key: &str, span: Span) {
        self.raw(key);
        self.span_value(span);
    }

    /// A span's value: its two offsets in an array.
    #[inline(always)]
    fn span_value(&mut self, span: Span) {
        self.out.push(b'[');
        int(span.0 as u64, self.out);
        self.out.push(b',');
        int(span.1 as u64, self.out);
        self.out.push(b']');
    }

    /// A value whose JSON form is its `Serialize` impl's to say.
    fn serde(&mut self, key: &str, value: &impl Serialize) {
        self.raw(key);
        // Plain data into a Vec: serializing cannot fail.
        let _ = serde_json::to_writer(&mut *self.out, value);
    }
}

/// Appends `s` to `out`. Up to 32 bytes, without a call to `memcpy`: the first and the
/// last chunk of a fixed size that together cover `s` (overlapping when `s` is shorter
/// than two), each copied with its length known when compiled, the first cut back to
/// where the last starts.
#[inline(always)]
fn copy(s: &[u8], out: &mut Vec<u8>) {
    let n = s.len();
    let at = out.len();
    if let (Some(a), Some(z)) = (s.first_chunk::<16>(), s.last_chunk::<16>())
        && n <= 32
    {
        out.extend_from_slice(a);
        out.truncate(at + n - 16);
        out.extend_from_slice(z);
    } else if let (Some(a), Some(z)) = (s.first_chunk::<8>(), s.last_chunk::<8>())
        && n <= 16
    {
        out.extend_from_slice(a);
        out.truncate(at + n - 8);
        out.extend_from_slice(z);
    } else if let (Some(a), Some(z)) = (s.first_chunk::<4>(), s.last_chunk::<4>())
        && n <= 8
    {
        out.extend_from_slice(a);
        out.truncate(at + n - 4);
        out.extend_from_slice(z);
    } else if let (Some(&a), Some(&z)) = (s.first(), s.last())
        && n <= 3
    {
        // One to three bytes: the first, the middle and the last, cut back to `n`.
        out.extend_from_slice(&[a, s.get(n / 2).copied().unwrap_or(a), z]);
        out.truncate(at + n);
    } else {
        out.extend_from_slice(s);
    }
}

/// `s` as a JSON string: copied between quotes when no byte of it needs escaping (a
/// quote, a backslash, a control character), else written by `serde_json`. Up to 32
/// bytes, inlined and without a call: `s` is read as the first and the last chunk of a
/// fixed size that together cover it (overlapping when it is shorter than two), both
/// looked at for escapes ([`escapes`]) and copied with their quotes, the first cut
/// back to where the last starts.
#[inline(always)]
fn string(s: &str, out: &mut Vec<u8>) {
    let b = s.as_bytes();
    let n = b.len();
    let at = out.len();
    if let (Some(a), Some(z)) = (b.first_chunk::<8>(), b.last_chunk::<8>())
        && n <= 16
    {
        if escapes(u64::from_le_bytes(*a)) | escapes(u64::from_le_bytes(*z)) == 0 {
            out.extend_from_slice(&quote_first::<8, 9>(a));
            out.truncate(at + n - 7);
            out.extend_from_slice(&quote_last::<8, 9>(z));
            return;
        }
    } else if let (Some(a), Some(z)) = (b.first_chunk::<16>(), b.last_chunk::<16>())
        && n <= 32
    {
        let (a0, a1) = halves(a);
        let (z0, z1) = halves(z);
        if escapes(a0) | escapes(a1) | escapes(z0) | escapes(z1) == 0 {
            out.extend_from_slice(&quote_first::<16, 17>(a));
            out.truncate(at + n - 15);
            out.extend_from_slice(&quote_last::<16, 17>(z));
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
            out.extend_from_slice(&quote_first::<4, 5>(a));
            out.truncate(at + n - 3);
            out.extend_from_slice(&quote_last::<4, 5>(z));
            return;
        }
    } else if let (Some(&first), Some(&last)) = (b.first(), b.last())
        && n < 4
    {
        // One to three bytes: the first, the middle and the last (the whole string,
        // some of it repeated), quoted in one word and cut back to `n` and its quotes.
        let mid = b.get(n / 2).copied().unwrap_or(first);
        let three = u64::from_le_bytes([first, mid, last, 0, 0, 0, 0, 0]);
        let word = three & !(u64::MAX << (8 * n));
        if escapes(word | LETTERS << (8 * n)) == 0 {
            let quoted = u64::from(b'"') | word << 8 | u64::from(b'"') << (8 * (n + 1));
            out.extend_from_slice(&quoted.to_le_bytes());
            out.truncate(at + n + 2);
            return;
        }
    } else if n == 0 {
        out.extend_from_slice(b"\"\"");
        return;
    }
    long_string(s, out);
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

/// [`string`] for the strings it does not write inline: longer than 32 bytes, or
/// needing escapes.
#[inline(never)]
fn long_string(s: &str, out: &mut Vec<u8>) {
    let b = s.as_bytes();
    let n = b.len();
    // Up to 32 bytes: written inline unless escaped.
    let clean = n > 32 && !crate::scan::has_json_escape(b);
    if clean {
        out.reserve(n + 2);
        out.push(b'"');
        copy(b, out);
        out.push(b'"');
    } else {
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

/// `v` in decimal, as `itoa` (and `serde_json`) writes it. Below 10^8, without a
/// division per digit: its eight digits, leading zeros included, are worked out in one
/// word, a byte each (the halves, their hundreds and their tens split off lane by lane,
/// each product small enough to stay within its lane), and the leading zeros dropped.
#[inline(always)]
fn int(v: u64, out: &mut Vec<u8>) {
    match u32::try_from(v) {
        Ok(v) if v < 100_000_000 => {
            let d = eight_digits(v);
            // Leading zero digits are the low zero bytes; a zero keeps one digit.
            let lead = (d.trailing_zeros() / 8).min(7);
            let ascii = (d | 0x3030_3030_3030_3030) >> (8 * lead);
            let at = out.len();
            out.extend_from_slice(&ascii.to_le_bytes());
            out.truncate(at + 8 - lead as usize);
        }
        _ => out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
    }
}

/// The eight decimal digits of `v` (below 10^8), most significant first, one in each
/// byte of a little-endian word (digit values, not ASCII).
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

    /// Every record of a text, written here and by `serde_json`: the same bytes. The
    /// records' type names.
    fn same_as_serde(name: &str, text: &[u8]) -> Vec<&'static str> {
        let doc = Document::from_bytes(name, text.to_vec()).unwrap();
        let records = extract(&doc, &Config::default());
        for r in &records {
            let mut ours = Vec::new();
            write(r, &mut ours);
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
    }

    /// `s` written by [`string`] after `before`, and by `serde_json`.
    fn both_ways(before: &[u8], s: &str) -> (Vec<u8>, Vec<u8>) {
        let mut ours = before.to_vec();
        string(s, &mut ours);
        let mut theirs = before.to_vec();
        serde_json::to_writer(&mut theirs, s).unwrap();
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
                    let (ours, theirs) = both_ways(before, t);
                    assert_eq!(ours, theirs, "{t:?}");
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
        ) {
            let (ours, theirs) = both_ways(&before, &t);
            prop_assert_eq!(ours, theirs);
        }

        /// Any integer: what `itoa` writes.
        #[test]
        fn any_integer_is_written_as_itoa_writes_it(v in any::<u64>(), small in 0..200_000_000u64) {
            for v in [v, small, v % 1_000, v % 100_000_000] {
                let mut ours = b"[".to_vec();
                int(v, &mut ours);
                let theirs = [b"[", itoa::Buffer::new().format(v).as_bytes()].concat();
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
        ) {
            let mut ours = before.clone();
            copy(&s, &mut ours);
            prop_assert_eq!(ours, [before, s].concat());
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
            let mut ours = Vec::new();
            int(v, &mut ours);
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
        let mut out = Vec::new();
        string("a\"b\\c\u{0}\u{1f}é\u{7f}", &mut out);
        assert_eq!(
            out,
            serde_json::to_vec("a\"b\\c\u{0}\u{1f}é\u{7f}").unwrap()
        );
    }
}
