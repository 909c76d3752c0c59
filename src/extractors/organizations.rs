//! Organization mentions.
//!
//! Takes: the organization hits of the [`Analysis`]'s one search (prose only; the
//! document's own glossary of acronyms included). Gives: one `organization` record per
//! mention of an international organization or mechanism, by acronym or name.

use super::{Earlier, Part};
use crate::analysis::Analysis;
use crate::record::{OrganizationRecord, Record};
use std::borrow::Cow;

/// One record per organization mention of `part`.
pub(crate) fn extract<'a>(a: &'a Analysis, _: &Earlier, part: &Part, out: &mut Vec<Record<'a>>) {
    // Pushed one by one: a record is built where it is pushed, not first handed out
    // by an iterator and then copied.
    for hit in a.orgs_in(part.view.clone()) {
        out.push(Record::Organization(OrganizationRecord {
            common: a.mention(hit.start..hit.end),
            acronym: Some(Cow::Borrowed(&*hit.org.acronym)).filter(|s| !s.is_empty()),
            name: Cow::Borrowed(&hit.org.name),
        }));
    }
}
