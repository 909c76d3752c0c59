//! Country mentions.
//!
//! Takes: the country hits of the [`Analysis`]'s one search (prose only). Gives: one
//! `country` record per mention of a country by name (`Viet Nam`, `the ROK`, `Lao
//! PDR`) or adjective (`Vietnamese`, `Japanese`), with its ISO 3166-1 alpha-2 code.

use super::{Earlier, Part};
use crate::analysis::Analysis;
use crate::record::{CountryRecord, Record};
use std::borrow::Cow;

/// One record per country mention of `part`.
pub(crate) fn extract<'a>(a: &'a Analysis, _: &Earlier, part: &Part, out: &mut Vec<Record<'a>>) {
    // Pushed one by one: a record is built where it is pushed, not first handed out
    // by an iterator and then copied.
    for hit in a.countries_in(part.view.clone()) {
        out.push(Record::Country(CountryRecord {
            common: a.mention(hit.start..hit.end),
            code: Cow::Borrowed(&hit.country.code),
            name: Cow::Borrowed(&hit.country.name),
            kind: hit.kind,
        }));
    }
}
