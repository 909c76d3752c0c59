//! Organization mentions.
//!
//! Takes: the organization hits of the [`Analysis`]'s one search (prose only; the
//! document's own glossary of acronyms included). Gives: one `organization` record per
//! mention of an international organization or mechanism, by acronym or name.

use crate::analysis::Analysis;
use crate::record::{OrganizationRecord, Record};

/// One record per organization mention.
pub(crate) fn extract(a: &Analysis) -> Vec<Record> {
    a.orgs_in(0..a.view.text().len())
        .map(|hit| {
            Record::Organization(OrganizationRecord {
                common: a.mention(hit.start..hit.end),
                acronym: Some(hit.org.acronym.clone()).filter(|s| !s.is_empty()),
                name: hit.org.name.clone(),
            })
        })
        .collect()
}
