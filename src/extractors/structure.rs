//! Structure records: one `section` record per heading, one `footnote` record per
//! footnote body.
//!
//! Takes: the [`Analysis`]'s section tree and view lines. Gives: [`Record::Section`]
//! and [`Record::Footnote`] records.

use super::{Earlier, Part};
use crate::analysis::Analysis;
use crate::record::{FootnoteRecord, Record, SectionRecord};
use crate::repair::LineKind;

/// The section records of the headings in `part`, then its footnote records.
pub(crate) fn extract<'a>(a: &'a Analysis, _: &Earlier, part: &Part, out: &mut Vec<Record<'a>>) {
    sections(a, part, out);
    footnotes(a, part, out);
}

/// One record per section heading.
fn sections<'a>(a: &'a Analysis, part: &Part, out: &mut Vec<Record<'a>>) {
    let all = a.sections.all();
    let first = all.partition_point(|s| s.line < part.lines.start);
    let records = all[first..]
        .iter()
        .enumerate()
        .take_while(|(_, s)| s.line < part.lines.end)
        .filter(|(_, s)| part.holds(s.heading.start))
        .map(|(k, s)| {
            let id = first + k;
            let mut common = a.mention(s.heading.clone());
            common.section = Some(id as u32);
            Record::Section(SectionRecord {
                common,
                parent: s.parent.map(|p| p as u32),
                path: a.sections.path(id).to_vec(),
                level: s.level,
                kind: s.kind,
                number: s.number.clone(),
            })
        });
    out.extend(records);
}

/// One record per footnote body.
fn footnotes<'a>(a: &'a Analysis, part: &Part, out: &mut Vec<Record<'a>>) {
    let text = a.view.text();
    let records = a.view.lines()[part.lines.clone()]
        .iter()
        .filter(|l| l.kind == LineKind::Footnote && part.holds(l.range.start))
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
        });
    out.extend(records);
}
