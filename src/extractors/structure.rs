//! Structure records: one `section` record per heading, one `footnote` record per
//! footnote body.
//!
//! Takes: the [`Analysis`]'s section tree and view lines. Gives: [`Record::Section`]
//! and [`Record::Footnote`] records.

use crate::analysis::Analysis;
use crate::record::{FootnoteRecord, Record, SectionRecord};
use crate::repair::LineKind;

/// One record per section heading.
pub(crate) fn sections(a: &Analysis) -> Vec<Record> {
    a.sections
        .all()
        .iter()
        .map(|s| {
            Record::Section(SectionRecord {
                common: a.common(s.heading.clone()),
                level: s.level,
                kind: s.kind,
                number: s.number.clone(),
                title: s.title.clone(),
            })
        })
        .collect()
}

/// One record per footnote body.
pub(crate) fn footnotes(a: &Analysis) -> Vec<Record> {
    let text = a.view.text();
    a.view
        .lines()
        .iter()
        .filter(|l| l.kind == LineKind::Footnote)
        .map(|l| {
            let body = &text[l.range.clone()];
            let number = body
                .strip_prefix('(')
                .unwrap_or(body)
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .filter(|n| !n.is_empty())
                .map(str::to_string);
            Record::Footnote(FootnoteRecord {
                common: a.common(l.range.clone()),
                number,
            })
        })
        .collect()
}
