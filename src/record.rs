//! The records: the JSON-Lines contract, in one place.
//!
//! Every record is one JSON object with the common fields first — `type`, `doc`,
//! `span`, `text`, `section`, `sentence`, `aside` — then the fields of its type. A
//! field name has one JSON type across all record types, so that every record loads
//! into one table. `bluebook schema` prints the JSON Schema derived from these types.

use crate::number::Decimal;
use crate::sections::SectionKind;
pub use crate::vocab::{
    Aside, Change, EventKind, MentionKind, Metric, PercentUnit, PeriodKind, Qualifier,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A half-open byte range `[start, end)` into the original input, written as a
/// two-element array.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct Span(pub usize, pub usize);

impl Span {
    /// The start offset.
    pub fn start(self) -> usize {
        self.0
    }
    /// The end offset (exclusive).
    pub fn end(self) -> usize {
        self.1
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span(r.start, r.end)
    }
}

/// The fields every record carries: where it comes from. Its strings borrow from the
/// document's analysis while the pipeline hands the record over, and are owned in a
/// record read back or kept ([`Record::into_owned`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Common<'a> {
    /// The input's path as given, or `-` for standard input (shared by all the
    /// document's records).
    #[schemars(with = "String")]
    pub doc: Cow<'a, str>,
    /// Byte offsets `[start, end)` of the record's source in the original input.
    pub span: Span,
    /// Exactly the input bytes of `span` (decoded lossily if they are not UTF-8).
    #[schemars(with = "String")]
    pub text: Cow<'a, str>,
    /// The id of the innermost section holding the record: the `section` of that
    /// section's own record (sections are numbered from 0 in document order); null
    /// before the first heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<u32>,
    /// Byte offsets of the sentence the record comes from: given for the records
    /// whose reading depends on their sentence (dates, people, events, amounts,
    /// percentages), absent for mentions of countries and organizations and for
    /// headings and footnotes, whose span says it all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<Span>,
    /// `caption` when the record comes from a photo caption, `footnote` when from a
    /// footnote; absent for the running text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aside: Option<Aside>,
}

/// One record. Serialized with its type name in the field `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Record<'a> {
    /// A heading of the section tree.
    Section(SectionRecord<'a>),
    /// A footnote body.
    Footnote(FootnoteRecord<'a>),
    /// A date: a day, month or year, a list of them, or a range.
    Date(DateRecord<'a>),
    /// A mention of a country.
    Country(CountryRecord<'a>),
    /// A mention of an international organization or mechanism.
    Organization(OrganizationRecord<'a>),
    /// A mention of a named individual.
    Person(PersonRecord<'a>),
    /// A dated diplomatic action.
    Event(EventRecord<'a>),
    /// A stated amount of money.
    Money(MoneyRecord<'a>),
    /// A stated percentage or change in percentage points.
    Percent(PercentRecord<'a>),
}

impl Record<'_> {
    /// The fields common to all records.
    pub fn common(&self) -> &Common<'_> {
        match self {
            Record::Section(r) => &r.common,
            Record::Footnote(r) => &r.common,
            Record::Date(r) => &r.common,
            Record::Country(r) => &r.common,
            Record::Organization(r) => &r.common,
            Record::Person(r) => &r.common,
            Record::Event(r) => &r.common,
            Record::Money(r) => &r.common,
            Record::Percent(r) => &r.common,
        }
    }

    /// The record's type name, as written in the field `type`.
    pub fn type_name(&self) -> &'static str {
        TYPE_NAMES[self.type_index()]
    }

    /// The index of the record's type in [`TYPE_NAMES`].
    pub fn type_index(&self) -> usize {
        match self {
            Record::Section(_) => 0,
            Record::Footnote(_) => 1,
            Record::Date(_) => 2,
            Record::Country(_) => 3,
            Record::Organization(_) => 4,
            Record::Person(_) => 5,
            Record::Event(_) => 6,
            Record::Money(_) => 7,
            Record::Percent(_) => 8,
        }
    }

    /// The record with every string it borrows owned: what outlives the document's
    /// analysis.
    pub fn into_owned(self) -> Record<'static> {
        match self {
            Record::Section(r) => Record::Section(r.into_owned()),
            Record::Footnote(r) => Record::Footnote(r.into_owned()),
            Record::Date(r) => Record::Date(r.into_owned()),
            Record::Country(r) => Record::Country(r.into_owned()),
            Record::Organization(r) => Record::Organization(r.into_owned()),
            Record::Person(r) => Record::Person(r.into_owned()),
            Record::Event(r) => Record::Event(r.into_owned()),
            Record::Money(r) => Record::Money(r.into_owned()),
            Record::Percent(r) => Record::Percent(r.into_owned()),
        }
    }
}

impl Common<'_> {
    /// The fields with every string they borrow owned.
    pub fn into_owned(self) -> Common<'static> {
        Common {
            doc: Cow::Owned(self.doc.into_owned()),
            span: self.span,
            text: Cow::Owned(self.text.into_owned()),
            section: self.section,
            sentence: self.sentence,
            aside: self.aside,
        }
    }
}

/// `into_owned` for a record type: its common fields owned, the strings listed after
/// `owned` (and, inside their `Option`, after `optional`) made owned, the other fields
/// moved as they are.
macro_rules! into_owned {
    ($name:ident { $($field:ident),* } $(owned { $($cow:ident),* })? $(optional { $($opt:ident),* })?) => {
        impl $name<'_> {
            /// The record with every string it borrows owned.
            pub fn into_owned(self) -> $name<'static> {
                $name {
                    common: self.common.into_owned(),
                    $($field: self.$field,)*
                    $($($cow: Cow::Owned(self.$cow.into_owned()),)*)?
                    $($($opt: self.$opt.map(|s| Cow::Owned(s.into_owned())),)*)?
                }
            }
        }
    };
}

into_owned!(SectionRecord {
    parent,
    path,
    level,
    kind,
    number
});
into_owned!(FootnoteRecord { number });
into_owned!(CountryRecord { kind } owned { code, name });
into_owned!(OrganizationRecord {} owned { name } optional { acronym });
into_owned!(PersonRecord {
    name,
    titles,
    offices,
    country,
    org,
    person_id
});
into_owned!(DateRecord {
    values,
    start,
    end,
    granularity,
    year_from,
    ambiguous
});
into_owned!(EventRecord {
    kind,
    date,
    participants,
    countries,
    orgs,
    location
});
into_owned!(MoneyRecord {
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
    period_kind
});
into_owned!(PercentRecord {
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
    period_kind
});

/// The record type names, in the order the pipeline produces them.
pub const TYPE_NAMES: &[&str] = &[
    "section",
    "footnote",
    "date",
    "country",
    "organization",
    "person",
    "event",
    "money",
    "percent",
];

/// A heading: one per section of the tree. Its `section` is its own id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SectionRecord<'a> {
    /// Provenance.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// The id of the enclosing section, or null for a top-level section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    /// The cleaned titles from the root down to this section, itself included: the
    /// last is this section's heading (markup removed, trailing colon dropped).
    pub path: Vec<String>,
    /// 1 chapter or front/back-matter block (or an article's headline), 2 part (or
    /// cross-head, question), 3 numbered item, 4 lettered item or topic.
    pub level: u8,
    /// What the heading is.
    pub kind: SectionKind,
    /// The number as written (`ONE`, `V`, `II`, `3`, `b`), or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// A footnote body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FootnoteRecord<'a> {
    /// Provenance.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// The footnote's number as written (superscripts in ASCII digits), or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// A mention of a country, by name or adjective.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CountryRecord<'a> {
    /// Provenance.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// ISO 3166-1 alpha-2 code.
    #[schemars(with = "String")]
    pub code: Cow<'a, str>,
    /// The country's canonical short name (`Viet Nam`, `Republic of Korea`).
    #[schemars(with = "String")]
    pub name: Cow<'a, str>,
    /// `name` (`Japan`, `the ROK`) or `adjective` (`Japanese`).
    pub kind: MentionKind,
}

/// A mention of an international organization or mechanism.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OrganizationRecord<'a> {
    /// Provenance.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// Its acronym (`ASEAN`), or null when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub acronym: Option<Cow<'a, str>>,
    /// Its full name.
    #[schemars(with = "String")]
    pub name: Cow<'a, str>,
}

/// A mention of a named individual.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PersonRecord<'a> {
    /// Provenance; the span is the name alone, without titles.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// The name as written (line breaks made spaces).
    pub name: String,
    /// The titles of this mention, in text order, as written, without a trailing `of
    /// <Country>`.
    pub titles: Vec<String>,
    /// The canonical office ids of those titles (`gazetteers/offices.tsv`).
    pub offices: Vec<String>,
    /// ISO 3166-1 alpha-2 code of the state the person serves, or null when the text
    /// does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Acronym of the international body the person serves (`EU`, `UN`), or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// One id per person, the same for every mention of the person in the document:
    /// the folded, hyphenated fullest form of the name (`nguyen-phu-trong`).
    pub person_id: String,
}

/// A date as the text writes it: a day, a month or a year, a list of them sharing a
/// year (`January and December 2020`), or a range (`4-6 December 2020`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateRecord<'a> {
    /// Provenance.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// ISO 8601 values, one per coordinated date: a day `2020-07-29`, a month
    /// `2020-11`, a year `2020`, a day recurring every year `--12-27`, a range as an
    /// interval `2020-12-04/2020-12-06` (both ends included). Empty when the text
    /// names a day that does not exist (`31 February 2020`): it is not turned into
    /// another one.
    pub values: Vec<String>,
    /// The first day the values cover, `YYYY-MM-DD` (`2020-11` starts on
    /// `2020-11-01`); null without a year or a valid value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date"))]
    pub start: Option<String>,
    /// The last day the values cover, `YYYY-MM-DD` (`2020-11` ends on `2020-11-30`);
    /// null without a year or a valid value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date"))]
    pub end: Option<String>,
    /// The finest unit the text writes: `day`, `month` or `year`.
    pub granularity: Granularity,
    /// Where the year comes from: `text` (written in the date, or shared with the
    /// dates it is listed or ranged with), `context` (the nearest written year in
    /// the sentence, else the paragraph), `document` (the document's reference
    /// year); null when there is none (a recurring day, or no year known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_from: Option<YearFrom>,
    /// A numeric date whose day/month order neither its numbers nor the document's
    /// own convention settle (`3/4/2020`): read day first.
    pub ambiguous: bool,
}

/// The finest unit of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// Where a date's year comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum YearFrom {
    /// Written in the date (or shared with the dates listed or ranged with it).
    Text,
    /// The nearest written year in the sentence, else the paragraph.
    Context,
    /// The document's reference year.
    Document,
}

/// A dated diplomatic action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventRecord<'a> {
    /// Provenance; the span is the clause the date dates.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// What kind of action it is.
    pub kind: EventKind,
    /// The date that dates the event: its span and ISO 8601 values.
    pub date: DateRef,
    /// The people taking part.
    pub participants: Vec<Participant>,
    /// ISO 3166-1 alpha-2 codes of the states taking part, VN included when Viet Nam
    /// does.
    pub countries: Vec<String>,
    /// The international bodies taking part (acronyms, or names for bodies without).
    pub orgs: Vec<String>,
    /// Where it took place, when the text says (`Hanoi`, `New York`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// The date of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateRef {
    /// The span of the date record.
    pub span: Span,
    /// Its ISO 8601 values.
    pub values: Vec<String>,
}

/// A person taking part in an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Participant {
    /// The name as written.
    pub name: String,
    /// The person's id (as in the `person` records).
    pub person_id: String,
}

/// Who gives and who receives in a flow of money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Direction {
    /// ISO 3166-1 alpha-2 code of the giver (investor, donor, lender, exporter), or
    /// null when the text does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// ISO 3166-1 alpha-2 code of the receiver, or null when the text does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// A stated amount of money: one per amount, range or vague amount.
///
/// The span covers the currency sign or code, the number, the scale word and a
/// trailing code (`US$ 543.9 billion`, `800 billion USD`, `US$3.84 billion USD`), for a
/// range both ends (`US$ 2-3 million`, `$2 million and $3 million`), for a vague amount
/// the whole phrase (`tens of billions of USD`); never the qualifier (`over`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MoneyRecord<'a> {
    /// Provenance.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// The full value in currency units, exact (`543.9 billion` is `543900000000`);
    /// null for a range or a vague amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
    /// ISO 4217 code (`US$` is `USD`, `AU$` `AUD`, `NZ$` `NZD`, `VND`).
    pub currency: String,
    /// The text names several currencies (`$`, `dollars`, `¥`, `pounds`, `Rs`) and
    /// `currency` is the usual one, or the one the sentence or document states
    /// elsewhere.
    pub currency_assumed: bool,
    /// `approx` (about, around, nearly, approximately, some), `over` (over, more than,
    /// above, exceeding, at least) or `under` (under, less than, below, up to, at most),
    /// or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The qualifier's words as written (`more than`), or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier_text: Option<String>,
    /// A range's lower end (`US$ 2-3 million`: `2000000`; a scale word carries over),
    /// else null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// A range's upper end, else null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// The amount has no number (`tens of billions of USD`).
    pub vague: bool,
    /// For an amount restating another in a second currency (`VND 5 billion (over US$
    /// 300,000)`), the span of the first; else null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equivalent_of: Option<Span>,
    /// What the amount measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    /// ISO 3166-1 alpha-2 code of the partner the amount is about (never `VN`; `EU`
    /// for the European Union), from the sentence or else the country section; null
    /// when it is about no single partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<String>,
    /// Giver and receiver of a flow (aid, grant, loan, ODA, FDI, remittance, import,
    /// export) when known; else null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The year the amount refers to, or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<u16>,
    /// `flow` for a figure of that year (`in 2020`), `stock` for a total to date (`by
    /// the end of 2020`, `in total`, `accumulated`), or null when `period` is null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_kind: Option<PeriodKind>,
}

/// A stated percentage, or a change of a rate in percentage points.
///
/// The span covers the sign, the number and `%` or its word (`-3.5%`, `17 percent`,
/// `0.5 percentage points`), for a range both ends (`2-3%`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PercentRecord<'a> {
    /// Provenance.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// The value as stated (`2.91`, `-3.5`), exact; null for a range or a vague
    /// percentage (`a few percent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    /// A range's lower end (`2-3%`: `2`), else null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// A range's upper end, else null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// The percentage has no number (`a few percent`).
    pub vague: bool,
    /// `percent`, or `percentage_point` for a change of a rate.
    pub unit: PercentUnit,
    /// `increase` or `decrease` when the clause says the figure is a change (`a 7%
    /// decrease`, `grew by 2.91%`), else null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// What the percentage measures, from the same vocabulary as money (`other` for
    /// GDP, tourism and the rest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    /// ISO 3166-1 alpha-2 code of the partner the percentage is about, as for money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<String>,
    /// What the percentage is a share of (`Viet Nam's total rice export volume`; for
    /// `41.3% of which`, the amount named before), else null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_of: Option<String>,
    /// `approx`, `over`, `under` or null, as for money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The qualifier's words as written, or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier_text: Option<String>,
    /// The year the percentage refers to, or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<u16>,
    /// `flow` or `stock` as for money, or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_kind: Option<PeriodKind>,
}
