//! A record written as one JSON object: byte for byte what `serde_json` writes from
//! the types' derived `Serialize` (the type's name in `type`, the common fields, then
//! the type's own in declaration order, absent options left out), without serde's
//! call per field and per key, which was most of the serialization's tenth of a run.
//!
//! **Takes** a [`Record`]; **gives** its JSON object, appended to a buffer. Keys are
//! written as they are (they need no escaping); a string is copied between quotes
//! unless it holds a byte JSON escapes, and then written by `serde_json`, as are the
//! rare values whose form is serde's to say (some enums); amounts are written as their
//! `Serialize` impl writes them ([`Decimal::write_json_number`]), and the closed
//! vocabularies by their `as_str` names, each checked against its serde name by a
//! test. Each record type is taken apart field by field, so a field added to
//! a type fails to compile here until it is written; a test holds the output equal to
//! `serde_json`'s on every record of the fixtures, and the property test on arbitrary
//! text.

use crate::number::Decimal;
use crate::record::{
    Common, CountryRecord, DateRecord, DateRef, Direction, EventRecord, FootnoteRecord,
    MoneyRecord, OrganizationRecord, Participant, PercentRecord, PersonRecord, Record,
    SectionRecord, Span,
};
use serde::Serialize;

/// A key as written: quoted, with its colon. Keys are plain ASCII names.
macro_rules! k {
    ($name:literal) => {
        concat!("\"", $name, "\":")
    };
}

/// Appends `record`'s JSON object to `out` (no line break).
pub(crate) fn write(record: &Record, out: &mut Vec<u8>) {
    let mut o = Object::open(out);
    o.str(k!("type"), record.type_name());
    match record {
        Record::Section(r) => section(r, &mut o),
        Record::Footnote(r) => footnote(r, &mut o),
        Record::Date(r) => date(r, &mut o),
        Record::Country(r) => country(r, &mut o),
        Record::Organization(r) => organization(r, &mut o),
        Record::Person(r) => person(r, &mut o),
        Record::Event(r) => event(r, &mut o),
        Record::Money(r) => money(r, &mut o),
        Record::Percent(r) => percent(r, &mut o),
    }
    o.close();
}

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
    o.opt_str(k!("aside"), aside.map(|a| a.as_str()));
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
    o.str(k!("kind"), kind.as_str());
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
    o.str(k!("kind"), kind.as_str());
    let DateRef { span, values } = date;
    o.key(k!("date"));
    let mut d = Object::open(&mut *o.out);
    d.span(k!("span"), *span);
    d.strs(k!("values"), values);
    d.close();
    o.key(k!("participants"));
    o.out.push(b'[');
    for (i, p) in participants.iter().enumerate() {
        if i > 0 {
            o.out.push(b',');
        }
        let Participant { name, person_id } = p;
        let mut p = Object::open(&mut *o.out);
        p.str(k!("name"), name);
        p.str(k!("person_id"), person_id);
        p.close();
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
    o.opt_str(k!("qualifier"), qualifier.map(|q| q.as_str()));
    o.opt_str(k!("qualifier_text"), qualifier_text.as_deref());
    o.opt_decimal(k!("min"), *min);
    o.opt_decimal(k!("max"), *max);
    o.bool(k!("vague"), *vague);
    o.opt_span(k!("equivalent_of"), *equivalent_of);
    o.opt_str(k!("metric"), metric.map(|m| m.as_str()));
    o.opt_str(k!("counterpart"), counterpart.as_deref());
    if let Some(Direction { from, to }) = direction {
        o.key(k!("direction"));
        let mut d = Object::open(&mut *o.out);
        d.opt_str(k!("from"), from.as_deref());
        d.opt_str(k!("to"), to.as_deref());
        d.close();
    }
    o.opt_int(k!("period"), period.map(u64::from));
    o.opt_str(k!("period_kind"), period_kind.map(|p| p.as_str()));
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
    o.str(k!("unit"), unit.as_str());
    o.opt_str(k!("change"), change.map(|c| c.as_str()));
    o.opt_str(k!("metric"), metric.map(|m| m.as_str()));
    o.opt_str(k!("counterpart"), counterpart.as_deref());
    o.opt_str(k!("share_of"), share_of.as_deref());
    o.opt_str(k!("qualifier"), qualifier.map(|q| q.as_str()));
    o.opt_str(k!("qualifier_text"), qualifier_text.as_deref());
    o.opt_int(k!("period"), period.map(u64::from));
    o.opt_str(k!("period_kind"), period_kind.map(|p| p.as_str()));
}

/// A JSON object being written: its buffer, and whether a field has been written.
struct Object<'o> {
    out: &'o mut Vec<u8>,
    empty: bool,
}

// The field methods are inlined into each record's writer, so that a key (a literal)
// is copied with a length known when compiled instead of by a call to `memcpy`.
impl<'o> Object<'o> {
    fn open(out: &'o mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, empty: true }
    }

    fn close(self) {
        self.out.push(b'}');
    }

    /// A field's key, quoted and with its colon ([`k!`]).
    #[inline(always)]
    fn key(&mut self, quoted: &str) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.out.extend_from_slice(quoted.as_bytes());
    }

    #[inline(always)]
    fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        string(value, self.out);
    }

    #[inline(always)]
    fn opt_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    fn strs(&mut self, key: &str, values: &[String]) {
        self.key(key);
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
            self.key(key);
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
        self.key(key);
        self.out
            .extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    #[inline(always)]
    fn bool(&mut self, key: &str, value: bool) {
        self.key(key);
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
    }

    #[inline(always)]
    fn span(&mut self, key: &str, span: Span) {
        self.key(key);
        let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
        let (a, b) = (a.format(span.0).as_bytes(), b.format(span.1).as_bytes());
        self.out.reserve(a.len() + b.len() + 3);
        self.out.push(b'[');
        self.out.extend_from_slice(a);
        self.out.push(b',');
        self.out.extend_from_slice(b);
        self.out.push(b']');
    }

    /// A value whose JSON form is its `Serialize` impl's to say.
    fn serde(&mut self, key: &str, value: &impl Serialize) {
        self.key(key);
        // Plain data into a Vec: serializing cannot fail.
        let _ = serde_json::to_writer(&mut *self.out, value);
    }
}

/// `s` as a JSON string: copied between quotes when no byte of it needs escaping (a
/// quote, a backslash, a control character), else written by `serde_json`.
fn string(s: &str, out: &mut Vec<u8>) {
    if !crate::scan::has_json_escape(s.as_bytes()) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document, extract};

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
