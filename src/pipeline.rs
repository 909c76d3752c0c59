//! The pipeline: the extractors in order, run part by part, and their records handed
//! on in document order as each part is done.
//!
//! Takes: a [`Document`] and a [`Config`]. Gives: its records in document order, to a
//! callback ([`extract_each`]) or as a vector ([`extract`]). The [`Analysis`] runs the
//! stages before the extractors (repair, sentences, sections, reference, the one
//! search); the document-wide stage that later ones read runs next (person mentions,
//! whose ids need the whole document) — a batch runs these two for several small
//! documents before their parts ([`Prepared`]); then the document is cut into parts
//! of whole lines where no record of a part can sit after a record of the next, and
//! for each part its dates are read and the extractors run in this order (the list
//! [`STAGES`]):
//!
//! structure (sections, footnotes), dates, places (countries), organizations, people,
//! events (reading dates and people), figures (money and percentages).
//!
//! Memory follows the document's analysis, not the number of its records: a part's
//! records are handed on and dropped before the next part is read. Record spans are
//! only ever made by [`Analysis::common`] and [`Analysis::mention`], through the view's
//! offset map and the document's decoding map, so `text == raw[span]` holds by
//! construction.

use crate::analysis::Analysis;
use crate::config::Config;
use crate::document::Document;
use crate::extractors::{
    Earlier, Extract, Part, dates, events, figures, organizations, people, places, structure,
};
use crate::record::{Record, Span};
use std::ops::{ControlFlow, Range};

/// The extractors in order, each with the record types it gives.
const STAGES: &[(&[&str], Extract)] = &[
    (&["section", "footnote"], structure::extract),
    (&["date"], dates::extract),
    (&["country"], places::extract),
    (&["organization"], organizations::extract),
    (&["person"], people::extract),
    (&["event"], events::extract),
    (&["money", "percent"], figures::extract),
];

/// The view bytes a part holds at least, when the document is longer: large enough that
/// parts cost nothing, small enough that a part's records are a small fraction of a
/// large document's.
const PART_BYTES: usize = 64 * 1024;

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
pub fn extract(doc: &Document, config: &Config) -> Vec<Record<'static>> {
    let mut records = Vec::new();
    let _ = extract_each(doc, config, &mut |r| {
        records.push(r.clone().into_owned());
        ControlFlow::Continue(())
    });
    records
}

/// Runs the whole pipeline on `doc`, handing each record to `each` in document order as
/// each part of the document is done; `each` may stop it early.
pub fn extract_each(
    doc: &Document,
    config: &Config,
    each: &mut dyn FnMut(&Record) -> ControlFlow<()>,
) -> ControlFlow<()> {
    Prepared::new(doc, config).extract_each(each)
}

/// A document whose whole-document stages have run: its [`Analysis`] and its person
/// mentions. What is left, [`Prepared::extract_each`], runs part by part.
///
/// A batch of small documents prepares several before extracting any (the batch's
/// groups, [`Prepared::new_many`]): each whole-document stage then runs on one document
/// after another, while its tables and code are warm, instead of after every other
/// stage of the document before (160 one-copy documents of the bluebook: 37.0 MB/s one
/// at a time, 41.9 in groups, records byte for byte the same).
pub(crate) struct Prepared<'d> {
    a: Analysis<'d>,
    earlier: Earlier,
    /// The configuration it was prepared with, which its extraction follows.
    config: &'d Config,
}

impl<'d> Prepared<'d> {
    /// Runs the stages before the parts on `doc`: the analysis, then the person
    /// mentions when anything `config` keeps reads them.
    pub(crate) fn new(doc: &'d Document, config: &'d Config) -> Self {
        Self::of(Analysis::new(doc, config), config)
    }

    /// [`Prepared::new`] for each of `docs`, in order, each stage over all of them
    /// before the next ([`Analysis::new_many`]).
    pub(crate) fn new_many(docs: &[&'d Document], config: &'d Config) -> Vec<Self> {
        Analysis::new_many(docs, config)
            .into_iter()
            .map(|a| Self::of(a, config))
            .collect()
    }

    /// The analysed document `a` with its person mentions.
    fn of(a: Analysis<'d>, config: &'d Config) -> Self {
        // Events read dates and people: those run when anything that reads them does.
        // People need the whole document (a short name takes the id of a full one);
        // dates are read part by part.
        let earlier = Earlier::with_people(if wants(config, &["person", "event"]) {
            people::find(&a)
        } else {
            Vec::new()
        });
        Prepared { a, earlier, config }
    }

    /// Runs the extractors part by part, handing each record to `each` in document
    /// order as each part is done; `each` may stop it early.
    pub(crate) fn extract_each(
        self,
        each: &mut dyn FnMut(&Record) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let Prepared {
            a,
            mut earlier,
            config,
        } = self;
        let stages: Vec<Extract> = STAGES
            .iter()
            .filter(|(types, _)| wants(config, types))
            .map(|&(_, f)| f)
            .collect();
        let read_dates = wants(config, &["date", "event"]);
        // The records of a part, in a vector a thread keeps from one document to the
        // next (taken out, so that a document read inside `each` gets a vector of its
        // own).
        thread_local! {
            static RECORDS: std::cell::Cell<Vec<Record<'static>>> = const { std::cell::Cell::new(Vec::new()) };
        }
        let mut records: Vec<Record<'_>> = RECORDS.take();
        let mut order: Vec<u128> = Vec::new();
        let mut near: Vec<u64> = Vec::new();
        for part in parts(&a) {
            if read_dates {
                earlier.dates = dates::dates(&a, &part);
            }
            for stage in &stages {
                stage(&a, &earlier, &part, &mut records);
            }
            dates::hand_over(&mut earlier.dates, &part, &mut records);
            people::hand_over(&mut earlier, &part, &mut records);
            records.retain(|r| config.keeps_type(r.type_name()));
            // Document order: by position in the input; records at the same position
            // keep the order of the stages that made them. The keys are sorted, not the
            // records: each packed in one number, of 64 bits when the part's spans lie
            // within 16 MiB of each other and it has at most 65,536 records (a part is
            // about 64 KiB: only a paragraph longer than that makes one wider), else of
            // 128 ([`order_key`]).
            let (low, high) = records.iter().fold((usize::MAX, 0), |(low, high), r| {
                let span = r.common().span;
                (low.min(span.0), high.max(span.0).max(span.1))
            });
            if high.saturating_sub(low) <= NEAR_MAX && records.len() <= NEAR_RECORDS {
                near.clear();
                near.extend(
                    records
                        .iter()
                        .enumerate()
                        .map(|(i, r)| near_key(r.common().span, low, i)),
                );
                near.sort_unstable();
                in_order(&records, near.iter().map(|&k| near_index(k)), each)?;
            } else {
                order.clear();
                order.extend(records.iter().enumerate().map(|(i, r)| {
                    let span = r.common().span;
                    order_key(span.0, span.1, i)
                }));
                // Unique keys (the index is part of each): any sort gives the one order.
                order.sort_unstable();
                if high > OFFSET_MAX {
                    // Offsets too wide for the key: by the offsets themselves.
                    let span = |key: &u128| {
                        let i = key_index(*key);
                        records.get(i).map(|r| (r.common().span, i))
                    };
                    order.sort_unstable_by_key(span);
                }
                in_order(&records, order.iter().map(|&k| key_index(k)), each)?;
            }
            records.clear();
        }
        if records.capacity() <= KEPT_RECORDS {
            RECORDS.set(kept(records));
        }
        ControlFlow::Continue(())
    }
}

/// The widest offset a sort key holds exactly ([`order_key`]).
const OFFSET_MAX: usize = (1 << 48) - 1;

/// A record's sort key: its span's start, its end, its index among the part's
/// records (as `u32`, as the keys' tuples had it), packed into one number (48, 48 and
/// 32 bits) whose order is theirs, so that a comparison is one of two words. Offsets
/// wider than [`OFFSET_MAX`] (no input held in memory has them) are cut to it: the
/// part's keys are then sorted again by the spans themselves.
fn order_key(start: usize, end: usize, i: usize) -> u128 {
    let offset = |v: usize| v.min(OFFSET_MAX) as u128;
    offset(start) << 80 | offset(end) << 32 | u128::from(i as u32)
}

/// The widest distance between a part's spans that a 64-bit key holds ([`near_key`]).
const NEAR_MAX: usize = (1 << 24) - 1;

/// The most records of a part that a 64-bit key tells apart ([`near_key`]).
const NEAR_RECORDS: usize = 1 << 16;

/// [`order_key`] in 64 bits, for a part whose spans lie within [`NEAR_MAX`] bytes from
/// `low` (the least start) and whose records are at most [`NEAR_RECORDS`]: the start
/// and end past `low` (24 bits each) and the index (16 bits), in the same order as
/// [`order_key`]'s, at half the width to compare and move.
fn near_key(span: Span, low: usize, i: usize) -> u64 {
    debug_assert!(span.1 - low <= NEAR_MAX && span.0 >= low && i < NEAR_RECORDS);
    ((span.0 - low) as u64) << 40 | ((span.1 - low) as u64) << 16 | i as u64 & 0xFFFF
}

/// The record index of a 64-bit sort key ([`near_key`]).
fn near_index(key: u64) -> usize {
    key as u16 as usize
}

/// Hands `records` to `each` in the order of `indices`, stopping when `each` says so.
fn in_order(
    records: &[Record<'_>],
    indices: impl Iterator<Item = usize>,
    each: &mut dyn FnMut(&Record) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for i in indices {
        if let Some(r) = records.get(i) {
            each(r)?;
        }
    }
    ControlFlow::Continue(())
}

/// The record index of a sort key ([`order_key`]).
fn key_index(key: u128) -> usize {
    key as u32 as usize
}

/// The room of an emptied vector of records, for the next document's: collected in
/// place (the records of another document borrow from another analysis).
fn kept(records: Vec<Record<'_>>) -> Vec<Record<'static>> {
    debug_assert!(records.is_empty());
    records.into_iter().map(Record::into_owned).collect()
}

/// Whether `config` keeps any of `types`.
fn wants(config: &Config, types: &[&str]) -> bool {
    types.iter().any(|t| config.keeps_type(t))
}

/// The most records whose vector a thread keeps for the next document: a part's
/// records are a few thousand.
const KEPT_RECORDS: usize = 1 << 12;

/// The parts of a document: runs of view lines of at least [`PART_BYTES`], each
/// ending where every input byte of its lines comes before every input byte of the
/// lines after it (a caption or footnote set after its paragraph in the view keeps
/// them in one part). A line longer than a part (a text dump on one line) is cut
/// between its paragraphs, whose input bytes come in order.
fn parts(a: &Analysis) -> Vec<Part> {
    let lines = a.view.lines();
    let view_end = a.view.text().len();
    if lines.is_empty() || view_end <= PART_BYTES {
        return vec![Part {
            lines: 0..lines.len(),
            view: 0..view_end,
        }];
    }
    let raw: Vec<Range<usize>> = lines.iter().map(|l| a.raw_span(l.range.clone())).collect();
    // The smallest input offset of the lines from each line on.
    let mut min_after = vec![usize::MAX; lines.len() + 1];
    for i in (0..lines.len()).rev() {
        min_after[i] = min_after[i + 1].min(raw[i].start);
    }
    let mut out = Vec::new();
    // The current part: its first line and where it starts in the view.
    let (mut first, mut start) = (0, 0);
    let mut max_end = 0;
    for i in 0..lines.len() {
        let line = &lines[i].range;
        if line.len() > PART_BYTES {
            // Cut inside the line, between paragraphs, where everything before ends
            // and everything after starts (lines set after it in the view included) in
            // the input.
            for p in a.paragraphs(i) {
                let at = raw_start(a, p);
                if p.start > start
                    && p.start - start >= PART_BYTES
                    && max_end <= at
                    && min_after[i + 1] >= at
                {
                    out.push(Part {
                        lines: first..i + 1,
                        view: start..p.start,
                    });
                    (first, start) = (i, p.start);
                }
            }
        }
        max_end = max_end.max(raw[i].end);
        let next = lines.get(i + 1).map_or(view_end, |l| l.range.start);
        if next - start >= PART_BYTES && max_end <= min_after[i + 1] && i + 1 < lines.len() {
            out.push(Part {
                lines: first..i + 1,
                view: start..next,
            });
            (first, start) = (i + 1, next);
        }
    }
    out.push(Part {
        lines: first..lines.len(),
        view: start..view_end,
    });
    out
}

/// Where the input bytes of a paragraph start.
fn raw_start(a: &Analysis, p: &Range<usize>) -> usize {
    a.raw_span(p.start..p.end).start
}

/// Writes records as JSON Lines.
pub fn write_jsonl(records: &[Record], out: &mut Vec<u8>) {
    for r in records {
        write_record(r, out);
    }
}

/// Writes one record as a JSON line.
pub fn write_record(record: &Record, out: &mut Vec<u8>) {
    crate::jsonl::write_line(record, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Sort keys are in the order of the tuples they pack, and give back the
        /// index.
        #[test]
        fn sort_keys_order_as_their_tuples(
            a in (0..=OFFSET_MAX, 0..=OFFSET_MAX, 0..=u32::MAX as usize),
            b in (0..=OFFSET_MAX, 0..=OFFSET_MAX, 0..=u32::MAX as usize),
            near in 0..4usize,
        ) {
            // Near ties too: the same start, or the same span.
            let b = match near {
                0 => (a.0, b.1, b.2),
                1 => (a.0, a.1, b.2),
                _ => b,
            };
            let (ka, kb) = (order_key(a.0, a.1, a.2), order_key(b.0, b.1, b.2));
            proptest::prop_assert_eq!(ka.cmp(&kb), a.cmp(&b));
            proptest::prop_assert_eq!((key_index(ka), key_index(kb)), (a.2, b.2));
        }

        /// The 64-bit keys of a near part are in the order of the 128-bit ones, and
        /// give back the index.
        #[test]
        fn near_keys_order_as_the_wide_ones(
            low in 0..=OFFSET_MAX - NEAR_MAX,
            a in (0..=NEAR_MAX, 0..=NEAR_MAX, 0..NEAR_RECORDS),
            b in (0..=NEAR_MAX, 0..=NEAR_MAX, 0..NEAR_RECORDS),
            near in 0..4usize,
        ) {
            let b = match near {
                0 => (a.0, b.1, b.2),
                1 => (a.0, a.1, b.2),
                _ => b,
            };
            // Spans as records have them: the start not past the end.
            let span = |t: (usize, usize, usize)| Span(low + t.0.min(t.1), low + t.0.max(t.1));
            let (sa, sb) = (span(a), span(b));
            let (na, nb) = (near_key(sa, low, a.2), near_key(sb, low, b.2));
            let (wa, wb) = (order_key(sa.0, sa.1, a.2), order_key(sb.0, sb.1, b.2));
            proptest::prop_assert_eq!(na.cmp(&nb), wa.cmp(&wb));
            proptest::prop_assert_eq!((near_index(na), near_index(nb)), (a.2, b.2));
        }
    }

    #[test]
    fn an_emptied_record_vector_keeps_its_room() {
        let records: Vec<Record<'_>> = Vec::with_capacity(KEPT_RECORDS);
        let at = records.as_ptr() as usize;
        let kept = kept(records);
        assert_eq!(kept.capacity(), KEPT_RECORDS);
        assert_eq!(kept.as_ptr() as usize, at);
    }
}
