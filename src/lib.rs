//! # bluebook
//!
//! Turns prose reports on diplomacy — yearly diplomatic bluebooks converted from PDF to
//! text, news articles, fact sheets — into structured JSON-Lines records that can be
//! verified: every record carries the document, the byte span of its source in the
//! original input (its `text` is exactly those bytes), the sentence and the section
//! path it came from.
//!
//! ## The stages, in order
//!
//! | stage | takes | gives |
//! |---|---|---|
//! | [`Document`] | an input's bytes | the raw bytes kept untouched, their decoding (BOM skipped, bad UTF-8 read lossily, UTF-16 with a BOM decoded to UTF-8), warnings; binary input rejected |
//! | [`repair`] ([`View::build`]) | the decoded text, caption rules | the *view*: paragraphs rejoined across page breaks, captions, footnotes and the table of contents set apart, markup neutralised; an offset map back to the input |
//! | [`sentences`] ([`Sentences::split`]) | the view | sentence ranges |
//! | [`sections`] ([`Sections::build`]) | the view, sentences | the section tree and the section of every line |
//! | [`reference`](mod@reference) ([`Reference::find`]) | the document, view, sections | the reference year (title, date line, front-matter `date:`) and the numeric date convention |
//! | extractors ([`extract`]), in order: structure, dates (ISO 8601 values; a year-less date takes its year from its sentence, paragraph or the reference year), countries, organizations, people, events | the [`Analysis`]; events also read the date and person mentions found before them | [`Record`]s |
//! | [`write_jsonl`] | records | JSON Lines, one record a line, in document order |
//!
//! [`batch`] runs the pipeline over many inputs in parallel, keeping input order.
//!
//! ## Example
//!
//! ```
//! use bluebook::{Config, Document, Record, extract};
//! let raw = "1. Lao PDR:\n\nTrade between the two countries reached US\\$ 1.3\n\nbillion.\n";
//! let doc = Document::from_bytes("laos.txt", raw.as_bytes().to_vec()).unwrap();
//! // Read for Viet Nam (without this, the home state is the one the text names most).
//! let config = Config::default().with_home_country("VN").unwrap();
//! let records = extract(&doc, &config);
//! let Record::Section(item) = &records[0] else { panic!() };
//! assert_eq!((item.level, item.number.as_deref()), (3, Some("1")));
//! assert_eq!(item.path, ["Lao PDR"]);
//! assert_eq!(item.common.span, bluebook::Span(0, 11));
//! assert_eq!(&raw[0..11], "1. Lao PDR:");
//! // The amount, rejoined across the page break, attributed to the section's country.
//! let money = records.iter().find_map(|r| match r {
//!     Record::Money(m) => Some(m),
//!     _ => None,
//! });
//! let money = money.unwrap();
//! assert_eq!(money.common.text, "US\\$ 1.3\n\nbillion");
//! assert_eq!(money.amount.map(|a| a.to_string()).as_deref(), Some("1300000000"));
//! assert_eq!(money.currency, "USD");
//! assert_eq!(money.metric, Some(bluebook::record::Metric::TradeTurnover));
//! assert_eq!(money.counterpart.as_deref(), Some("LA"));
//! ```
//!
//! Dates, read against the document's reference year:
//!
//! ```
//! use bluebook::{Config, Document, Record, extract};
//! let raw = "DIPLOMATIC BLUEBOOK 2020\n\nIn November, Canada opened an office (Hanoi, 4-6 December 2020).\n";
//! let doc = Document::from_bytes("b.txt", raw.as_bytes().to_vec()).unwrap();
//! let dates: Vec<_> = extract(&doc, &Config::default())
//!     .into_iter()
//!     .filter_map(|r| match r { Record::Date(d) => Some(d), _ => None })
//!     .collect();
//! assert_eq!(dates[0].common.text, "November");
//! assert_eq!(dates[0].values, ["2020-11"]);
//! assert_eq!(dates[1].common.span, bluebook::Span(71, 88));
//! assert_eq!(dates[1].values, ["2020-12-04/2020-12-06"]);
//! ```
#![deny(missing_docs)]

mod analysis;
pub mod batch;
pub mod columnar;
pub mod columns;
mod config;
mod dates;
mod document;
mod encoding;
mod error;
pub mod eval;
mod extractors;
pub mod gazetteer;
mod jsonl;
pub mod number;
mod offsets;
mod pipeline;
pub mod record;
pub mod reference;
pub mod repair;
mod scan;
pub mod sections;
pub mod sentences;
pub mod text;
pub mod vocab;

pub use analysis::Analysis;
pub use config::Config;
pub use document::Document;
pub use encoding::Encoding;
pub use error::{Error, Warning};
pub use pipeline::{extract, extract_each, write_jsonl, write_record};
pub use record::{Common, Record, Span, TYPE_NAMES};
pub use reference::{NumericOrder, Reference, ReferenceFrom};
pub use repair::View;
pub use sections::Sections;
pub use sentences::Sentences;

/// The JSON Schema of the records, derived from the record types.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Record);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// What the unit tests share.
#[cfg(test)]
mod testing;
