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
        .enumerate()
        .map(|(id, s)| {
            let mut common = a.mention(s.heading.clone());
            common.section = Some(id as u32);
            Record::Section(SectionRecord {
                common,
                parent: s.parent.map(|p| p as u32),
                path: a.sections.path(id).to_vec(),
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
                common: a.mention(l.range.clone()),
                number,
            })
        })
        .collect()
}
