//! Organization mentions.
//!
//! Takes: the prose lines of the [`Analysis`] and its organizations gazetteer (with the
//! document's own glossary of acronyms added). Gives: one `organization` record per
//! mention of an international organization or mechanism, by acronym or name.

use crate::pipeline::Analysis;
use crate::record::{OrganizationRecord, Record};

/// One record per organization mention.
pub(crate) fn extract(a: &Analysis) -> Vec<Record> {
    let mut out = Vec::new();
    for (i, line) in a.prose_lines() {
        let text = a.line_text(i);
        for hit in a.gazetteers().organizations(text) {
            let at = line.range.start;
            out.push(Record::Organization(OrganizationRecord {
                common: a.common(at + hit.start..at + hit.end),
                acronym: Some(hit.org.acronym.clone()).filter(|s| !s.is_empty()),
                name: hit.org.name.clone(),
            }));
        }
    }
    out
}
