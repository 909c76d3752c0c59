//! The hits of the one phrase search over a document's view, per table, sorted, and
//! looked up by range with binary search.

use crate::gazetteer::Found;
use std::ops::Range;

/// Every hit of the one search, per table (see [`crate::gazetteer`]'s `table`
/// indexes), each table sorted by position, with view offsets.
#[derive(Debug, Default, Clone)]
pub(crate) struct Hits {
    tables: Vec<Vec<Found>>,
}

impl Hits {
    /// Hits from per-table lists, each sorted by position.
    pub fn new(tables: Vec<Vec<Found>>) -> Self {
        Hits { tables }
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
        let from = all.partition_point(|f| f.start < range.start);
        // A range holds few hits: the end is looked for from the start on.
        let to = crate::scan::gallop(all, from, |f| f.start < range.end);
        all[from..to].iter().filter(move |f| f.end <= range.end)
    }

    /// Keeps only the hits of table `t` for which `keep` holds.
    pub fn retain(&mut self, t: usize, keep: impl FnMut(&Found) -> bool) {
        if let Some(v) = self.tables.get_mut(t) {
            v.retain(keep);
        }
    }

    /// Replaces table `t`.
    pub fn set(&mut self, t: usize, hits: Vec<Found>) {
        if t >= self.tables.len() {
            self.tables.resize_with(t + 1, Vec::new);
        }
        self.tables[t] = hits;
    }
}
