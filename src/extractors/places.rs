//! Country mentions.
//!
//! Takes: the prose lines of the [`Analysis`] and its countries gazetteer. Gives: one
//! `country` record per mention of a country by name (`Viet Nam`, `the ROK`, `Lao
//! PDR`) or adjective (`Vietnamese`, `Japanese`), with its ISO 3166-1 alpha-2 code.

use crate::gazetteer::MentionKind;
use crate::pipeline::Analysis;
use crate::record::{CountryRecord, Record};

/// One record per country mention.
pub(crate) fn extract(a: &Analysis) -> Vec<Record> {
    let mut out = Vec::new();
    for (i, line) in a.prose_lines() {
        let text = a.line_text(i);
        for hit in a.gazetteers().countries(text) {
            let at = line.range.start;
            out.push(Record::Country(CountryRecord {
                common: a.common(at + hit.start..at + hit.end),
                code: hit.country.code.clone(),
                name: hit.country.name.clone(),
                kind: match hit.kind {
                    MentionKind::Name => "name",
                    MentionKind::Adjective => "adjective",
                }
                .to_string(),
            }));
        }
    }
    out
}
