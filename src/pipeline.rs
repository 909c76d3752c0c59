//! The pipeline: the extractors in order, and writing their records.
//!
//! Takes: a [`Document`] and a [`Config`]. Gives: its records in document order. The
//! [`Analysis`] runs the stages before the extractors (repair, sentences, sections,
//! reference, the one search); then the extractors run in this order, each reading
//! the analysis and what the earlier ones found:
//!
//! structure (sections, footnotes), dates, places (countries), organizations, people,
//! events (reading dates and people), then figures (money and percentages).
//!
//! Record spans are only ever made by [`Analysis::common`], through the view's offset
//! map and the document's decoding map, so `text == raw[span]` holds by construction.

use crate::analysis::Analysis;
use crate::config::Config;
use crate::document::Document;
use crate::extractors;
use crate::record::Record;

/// Runs the whole pipeline on `doc`: its records, in document order.
///
/// ```
/// use bluebook::{Config, Document, Record, extract};
/// let raw = b"CHAPTER ONE\n\nTHE LANDSCAPE\n\nI. The global economy\n\nTrade fell.\n".to_vec();
/// let doc = Document::from_bytes("d.txt", raw).unwrap();
/// let records = extract(&doc, &Config::default());
/// let Record::Section(part) = &records[1] else { panic!() };
/// assert_eq!(part.common.span, bluebook::Span(28, 49));
/// assert_eq!(part.common.text, "I. The global economy");
/// // Sections are numbered in document order; a record names its section by id.
/// assert_eq!((part.common.section, part.parent), (Some(1), Some(0)));
/// assert_eq!(part.path, ["THE LANDSCAPE", "The global economy"]);
/// ```
pub fn extract(doc: &Document, config: &Config) -> Vec<Record> {
    let analysis = Analysis::new(doc, config);
    let mut records = Vec::new();
    records.extend(extractors::structure::sections(&analysis));
    records.extend(extractors::structure::footnotes(&analysis));
    let dates = extractors::dates::dates(&analysis);
    records.extend(extractors::dates::records(&analysis, &dates));
    records.extend(extractors::places::extract(&analysis));
    records.extend(extractors::organizations::extract(&analysis));
    let people = extractors::people::find(&analysis);
    records.extend(people.iter().map(|p| Record::Person(p.record.clone())));
    // Events read the dates and people found above.
    records.extend(extractors::events::extract(&analysis, &dates, &people));
    let figures = extractors::figures::extract(&analysis, &records);
    records.extend(figures);
    records.retain(|r| config.keeps_type(r.type_name()));
    // Document order: by position in the input. The sort is stable, so records at the
    // same position keep the order of the stages that made them.
    records.sort_by_key(|r| (r.common().span.0, r.common().span.1));
    records
}

/// Writes records as JSON Lines.
pub fn write_jsonl(records: &[Record], out: &mut Vec<u8>) {
    for r in records {
        // Serializing plain data into a Vec cannot fail.
        if serde_json::to_writer(&mut *out, r).is_ok() {
            out.push(b'\n');
        }
    }
}
