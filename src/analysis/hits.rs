//! The hits of the one phrase search over a document's view, per table, sorted, and
//! looked up by range: the first hit from the table's [`Buckets`], the last galloping
//! from it.

use crate::gazetteer::Found;
use crate::scan::{Buckets, gallop};
use std::ops::Range;

/// Every hit of the one search, per table (see [`crate::gazetteer`]'s `table`
/// indexes), each table sorted by position, with view offsets.
#[derive(Debug, Default, Clone)]
pub(crate) struct Hits {
    tables: Vec<Vec<Found>>,
    /// Per table, where its hits lie (by start).
    buckets: Vec<Buckets>,
}

impl Hits {
    /// Hits from per-table lists, each sorted by position.
    pub fn new(tables: Vec<Vec<Found>>) -> Self {
        let buckets = tables.iter().map(|t| starts(t)).collect();
        Hits { tables, buckets }
    }

    /// Gives back the room the search reserved beyond the hits.
    pub fn shrink(&mut self) {
        self.tables.iter_mut().for_each(Vec::shrink_to_fit);
    }

    /// All hits of table `t`.
    pub fn all(&self, t: usize) -> &[Found] {
        self.tables.get(t).map_or(&[], Vec::as_slice)
    }

    /// The hits of table `t` that lie wholly inside `range`, in order. Tables whose
    /// hits do not overlap (leftmost-longest) give a contiguous slice; overlapping ones
    /// are filtered on their ends.
    pub fn within(&self, t: usize, range: Range<usize>) -> impl DoubleEndedIterator<Item = &Found> {
        let all = self.all(t);
        let from = match self.buckets.get(t) {
            Some(b) => b.partition_point(all, range.start, |f| f.start < range.start),
            None => 0,
        };
        let to = end_from(all, from, range.end);
        all[from..to].iter().filter(move |f| f.end <= range.end)
    }

    /// Keeps only the hits of table `t` for which `keep` holds.
    pub fn retain(&mut self, t: usize, keep: impl FnMut(&Found) -> bool) {
        if let Some(v) = self.tables.get_mut(t) {
            let len = v.len();
            v.retain(keep);
            // A list that lost nothing keeps its buckets.
            if v.len() != len {
                self.buckets[t] = starts(v);
            }
        }
    }

    /// Replaces table `t`.
    pub fn set(&mut self, t: usize, hits: Vec<Found>) {
        if t >= self.tables.len() {
            self.tables.resize_with(t + 1, Vec::new);
            self.buckets.resize_with(t + 1, Buckets::default);
        }
        self.buckets[t] = starts(&hits);
        self.tables[t] = hits;
    }
}

/// The first of the sorted `hits` from index `from` on that starts at or after `end`
/// (their number when none does). A range holds few hits, mostly none: the first few
/// are looked at one at a time, where a gallop's probes and bisection cost more than the look, and the rest
/// (a long range) galloping on, so that the cost grows with the log of their number.
fn end_from(hits: &[Found], from: usize, end: usize) -> usize {
    let mut to = from;
    for _ in 0..4 {
        match hits.get(to) {
            Some(f) if f.start < end => to += 1,
            _ => return to,
        }
    }
    gallop(hits, to, |f| f.start < end)
}

/// The buckets of a table's hits, by start.
fn starts(hits: &[Found]) -> Buckets {
    Buckets::new(hits, |f| f.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_is_found_where_a_gallop_finds_it() {
        // Sorted starts (repeated ones among them), every place to start from, and
        // ends before, among and after them.
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(2000));
        runner
            .run(
                &proptest::collection::vec(0..40usize, 0..20),
                |mut starts| {
                    starts.sort_unstable();
                    let hits: Vec<Found> = starts
                        .iter()
                        .map(|&start| Found {
                            start,
                            end: start + 1,
                            value: 0,
                        })
                        .collect();
                    for end in 0..=42 {
                        for from in 0..=hits.len() {
                            proptest::prop_assert_eq!(
                                end_from(&hits, from, end),
                                gallop(&hits, from, |f| f.start < end),
                                "{:?} {} {}",
                                starts,
                                from,
                                end
                            );
                        }
                    }
                    Ok(())
                },
            )
            .unwrap();
    }
}
