//! Offset maps: from byte positions in a derived text back to byte offsets in the text
//! it was derived from.
//!
//! Takes: the pieces of a derived text as they are written (copied verbatim, or
//! replaced). Gives: for any byte range of the derived text, the source range from the
//! first byte of its first character's source to the last byte of its last character's
//! source. Deleted source bytes (markup, footnote markers) have no piece of their own;
//! a range over them still covers them, because it runs from its first to its last
//! character.

use crate::scan::Buckets;
use std::cell::Cell;
use std::ops::Range;
use std::sync::OnceLock;

/// One piece of the derived text and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seg {
    /// Start of the piece in the derived text.
    dst: usize,
    /// Length of the piece in the derived text.
    dst_len: usize,
    /// Start of its source.
    src: usize,
    /// Length of its source.
    src_len: usize,
    /// The piece is a verbatim copy: byte `dst + i` came from byte `src + i`.
    exact: bool,
}

impl Seg {
    /// One past its last derived byte.
    fn end(&self) -> usize {
        self.dst + self.dst_len
    }
}

/// A map from positions in a derived text to positions in its source.
///
/// Every byte of the derived text belongs to exactly one piece, pushed in order.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    segs: Vec<Seg>,
    len: usize,
    /// Where to look for a position's piece, made on the first look-up: the records'
    /// ranges come stage by stage, each stage from the start of a part again, so some
    /// look-ups land far behind the last one.
    index: OnceLock<Index>,
    /// The pieces the last two look-ups found, the latest first: the ranges of one
    /// stage's records come in order, most in the piece found last or the next, and a
    /// record's look-up and its sentence's take turns, each near its own last piece.
    near: Cell<[usize; 2]>,
}

/// The pieces' [`Buckets`], by their last derived byte, and the map they were made
/// for: a map pieces were pushed to since is looked up by bisection instead.
#[derive(Clone, Debug)]
struct Index {
    /// The number of pieces and the derived length when the buckets were made.
    made_for: (usize, usize),
    buckets: Buckets,
}

impl OffsetMap {
    /// An empty map, for a derived text that will be written piece by piece.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// An empty map with room for the pieces of a derived text of about `len` bytes
    /// written from a source with repairs (the bluebook's view: a piece for every 40
    /// to 75 bytes), so that a small document's map is not grown from empty a dozen
    /// times. A large text's room is capped: one with few repairs needs few pieces.
    pub(crate) fn for_len(len: usize) -> Self {
        Self {
            segs: Vec::with_capacity((len / 64).min(1 << 16)),
            ..Self::default()
        }
    }

    /// Records that the next `len` derived bytes are a verbatim copy of the source
    /// bytes at `src..src + len`.
    pub(crate) fn copy(&mut self, src: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.segs.last_mut()
            && last.exact
            && last.src + last.src_len == src
        {
            last.dst_len += len;
            last.src_len += len;
            self.len += len;
            return;
        }
        self.push(Seg {
            dst: self.len,
            dst_len: len,
            src,
            src_len: len,
            exact: true,
        });
    }

    /// Records that the next `dst_len` derived bytes stand for the source bytes
    /// `src..src + src_len` as a whole (a normalised quote, a joined line break).
    pub(crate) fn replace(&mut self, dst_len: usize, src: usize, src_len: usize) {
        if dst_len == 0 {
            return;
        }
        self.push(Seg {
            dst: self.len,
            dst_len,
            src,
            src_len,
            exact: false,
        });
    }

    fn push(&mut self, seg: Seg) {
        self.len += seg.dst_len;
        self.segs.push(seg);
    }

    /// The index of the piece holding derived byte `pos` (the last piece for a
    /// position past the end), searching from piece `from` on: `pos` must not lie
    /// before piece `from`. Most ranges end in the piece they start in or a few pieces
    /// on: the search gallops from `from` rather than bisecting everything after it.
    fn seg_index(&self, pos: usize, from: usize) -> usize {
        let i = crate::scan::gallop(&self.segs, from, |s| s.end() <= pos);
        i.min(self.segs.len() - 1)
    }

    /// The source offset where the character at derived byte `pos` begins, given the
    /// piece that holds it.
    fn start_in(s: &Seg, pos: usize) -> usize {
        if s.exact {
            s.src + (pos - s.dst).min(s.src_len)
        } else {
            s.src
        }
    }

    /// The source offset just past the character that ends at derived byte `end`
    /// (exclusive), given the piece that holds byte `end - 1`.
    fn end_in(s: &Seg, end: usize) -> usize {
        if s.exact {
            s.src + (end - s.dst).min(s.src_len)
        } else {
            s.src + s.src_len
        }
    }

    /// The source range of a derived range. The piece holding its end is looked for
    /// from the piece holding its start on, most often that very piece.
    pub(crate) fn span(&self, range: Range<usize>) -> Range<usize> {
        self.span_verbatim(range).0
    }

    /// [`OffsetMap::span`], and whether the range lies in one verbatim piece: then its
    /// source bytes are its own bytes. A map of one piece (a text decoded as it is)
    /// is answered inline, with nothing to look for.
    #[inline]
    pub(crate) fn span_verbatim(&self, range: Range<usize>) -> (Range<usize>, bool) {
        if let [seg] = self.segs.as_slice() {
            let start = Self::start_in(seg, range.start);
            if range.is_empty() {
                return (start..start, true);
            }
            let verbatim = seg.exact && range.end <= seg.end();
            return (start..Self::end_in(seg, range.end), verbatim);
        }
        self.span_verbatim_in_pieces(range)
    }

    /// [`OffsetMap::span_verbatim`] in a map of any number of pieces. Kept out of line,
    /// so that the answer for a map of one piece (most decoded inputs) is inlined
    /// where it is asked for, without the cost of a call that saves registers for
    /// this search.
    #[inline(never)]
    fn span_verbatim_in_pieces(&self, range: Range<usize>) -> (Range<usize>, bool) {
        if self.segs.is_empty() {
            return (0..0, range.is_empty());
        }
        let first = self.seg_near(range.start);
        let seg = &self.segs[first];
        let start = Self::start_in(seg, range.start);
        if range.is_empty() {
            return (start..start, true);
        }
        // Most ranges end in the piece they start in: verbatim if it is a copy. One
        // that ends past it spans two pieces (or the end of the text), never verbatim.
        if range.end <= seg.end() {
            return (start..Self::end_in(seg, range.end), seg.exact);
        }
        let last = &self.segs[self.seg_index(range.end - 1, first)];
        (start..Self::end_in(last, range.end), false)
    }

    /// The index of the piece holding derived byte `pos` (the last piece for a
    /// position past the end): one of the pieces the last two look-ups found, or the
    /// next of either, else looked for in the few pieces of its bucket
    /// ([`Buckets`], made on the first look-up), so a look-up anywhere costs about
    /// the same; by bisection in a map pieces were pushed to since.
    fn seg_near(&self, pos: usize) -> usize {
        let [a, b] = self.near.get();
        if let Some(h) = self.at_or_next(a, pos) {
            self.near.set([h, b]);
            return h;
        }
        if let Some(h) = self.at_or_next(b, pos) {
            self.near.set([h, a]);
            return h;
        }
        let n = self.segs.len();
        let made_for = (n, self.len);
        let index = self.index.get_or_init(|| Index {
            made_for,
            // Every piece holds at least one byte; their last bytes are in order.
            buckets: Buckets::new(&self.segs, |s| s.end() - 1),
        });
        let before = |s: &Seg| s.end() <= pos;
        let i = if index.made_for == made_for {
            index.buckets.partition_point(&self.segs, pos, before)
        } else {
            self.segs.partition_point(before)
        };
        let i = i.min(n.saturating_sub(1));
        self.near.set([i, a]);
        i
    }

    /// Piece `h` or the next one, if it holds derived byte `pos`. Pieces follow one
    /// another without a gap, so a piece holds `pos` when it starts at or before it
    /// and ends after it.
    #[inline]
    fn at_or_next(&self, h: usize, pos: usize) -> Option<usize> {
        let s = self.segs.get(h)?;
        if pos < s.dst {
            return None;
        }
        if pos < s.end() {
            return Some(h);
        }
        let next = self.segs.get(h + 1)?;
        (pos < next.end()).then_some(h + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The answer of [`OffsetMap::span_verbatim`] worked out the plain way, as the map
    /// first did: both ends' pieces found by bisection, verbatim inside one copy.
    fn span_verbatim_by_bisection(m: &OffsetMap, range: Range<usize>) -> (Range<usize>, bool) {
        if m.segs.is_empty() {
            return (0..0, range.is_empty());
        }
        let find = |pos: usize| {
            m.segs
                .partition_point(|s| s.end() <= pos)
                .min(m.segs.len() - 1)
        };
        let first = find(range.start);
        let start = OffsetMap::start_in(&m.segs[first], range.start);
        if range.is_empty() {
            return (start..start, true);
        }
        let last = find(range.end - 1);
        let seg = &m.segs[last];
        let verbatim = last == first && seg.exact && range.end <= seg.end();
        (start..OffsetMap::end_in(seg, range.end), verbatim)
    }

    /// Pushes pieces to `m`: (copied, derived length 1 to 4, source bytes skipped
    /// before it, a replacement's extra source bytes).
    fn push_pieces(m: &mut OffsetMap, pieces: &[(bool, usize, usize, usize)]) {
        let mut src = m.segs.last().map_or(0, |s| s.src + s.src_len);
        for &(copied, len, skip, extra) in pieces {
            src += skip;
            if copied {
                m.copy(src, len);
                src += len;
            } else {
                m.replace(len, src, len + extra);
                src += len + extra;
            }
        }
    }

    proptest! {
        #[test]
        fn look_ups_in_turn_answer_what_bisection_does(
            pieces in prop::collection::vec((any::<bool>(), 1usize..5, 0usize..2, 0usize..3), 0..60),
            more in prop::collection::vec((any::<bool>(), 1usize..5, 0usize..2, 0usize..3), 0..10),
            ranges in prop::collection::vec((0usize..260, 0usize..24), 0..80),
        ) {
            let mut m = OffsetMap::new();
            push_pieces(&mut m, &pieces);
            // Looked up in the order given (forwards, backwards, taking turns), then
            // again after more pieces are pushed.
            for round in 0..2 {
                for &(start, len) in &ranges {
                    let r = start..start + len;
                    prop_assert_eq!(
                        m.span_verbatim(r.clone()),
                        span_verbatim_by_bisection(&m, r.clone()),
                        "{:?} in round {}", r, round
                    );
                }
                push_pieces(&mut m, &more);
            }
        }
    }

    #[test]
    fn look_ups_find_the_piece_a_bisection_finds() {
        // Pieces of one to four bytes, alternately copied and replaced.
        let mut m = OffsetMap::new();
        let mut src = 0;
        for i in 0..500 {
            let len = 1 + i % 4;
            if i % 2 == 0 {
                m.copy(src, len);
            } else {
                m.replace(len, src, len + 1);
            }
            src += len + 1;
        }
        let bisect = |pos: usize| {
            m.segs
                .partition_point(|s| s.end() <= pos)
                .min(m.segs.len() - 1)
        };
        // Forward, backward, far jumps both ways, and past the end.
        let mut order: Vec<usize> = (0..m.len + 3).collect();
        order.extend((0..m.len).rev());
        order.extend((0..m.len).step_by(97).flat_map(|p| [p, m.len - 1 - p]));
        for pos in order {
            assert_eq!(m.seg_near(pos), bisect(pos), "at {pos}");
        }
        // From any piece at or before the one holding the position.
        for pos in (0..m.len + 3).step_by(7) {
            for from in (0..=bisect(pos)).step_by(3) {
                assert_eq!(m.seg_index(pos, from), bisect(pos), "at {pos} from {from}");
            }
        }
        // Pieces pushed after a look-up, and a copy that grows the last one.
        m.copy(src, 3);
        m.replace(2, src + 3, 1);
        m.copy(src + 4, 2);
        m.copy(src + 6, 5);
        let bisect = |pos: usize| {
            m.segs
                .partition_point(|s| s.end() <= pos)
                .min(m.segs.len() - 1)
        };
        for pos in 0..m.len + 3 {
            assert_eq!(m.seg_near(pos), bisect(pos), "at {pos} after pushes");
        }
        // Buckets made after them.
        let fresh = OffsetMap {
            segs: m.segs.clone(),
            len: m.len,
            index: OnceLock::new(),
            near: Cell::new([0, 0]),
        };
        for pos in (0..m.len + 3).rev() {
            assert_eq!(
                fresh.seg_near(pos),
                bisect(pos),
                "at {pos} made after pushes"
            );
        }
    }

    #[test]
    fn copies_merge_and_map_linearly() {
        let mut m = OffsetMap::new();
        m.copy(10, 4);
        m.copy(14, 2);
        assert_eq!(m.segs.len(), 1);
        assert_eq!(m.span(1..5), 11..15);
        // One piece is answered without a look-up: verbatim inside it, not past it.
        assert_eq!(m.span_verbatim(1..5), (11..15, true));
        assert_eq!(m.span_verbatim(2..2), (12..12, true));
        assert_eq!(m.span_verbatim(4..9), (14..16, false));
        let mut r = OffsetMap::new();
        r.replace(3, 20, 5);
        assert_eq!(r.span_verbatim(0..3), (20..25, false));
        assert_eq!(r.span_verbatim(1..2), (20..25, false));
    }

    #[test]
    fn deleted_bytes_are_covered_by_a_span_over_them() {
        // source "US\$ 5": the backslash (byte 2) is deleted, derived "US$ 5"
        let mut m = OffsetMap::new();
        m.copy(0, 2);
        m.copy(3, 3);
        assert_eq!(m.span(0..5), 0..6);
        assert_eq!(m.span(2..3), 3..4);
    }

    #[test]
    fn a_range_is_verbatim_only_inside_one_copied_piece() {
        // source "US\$ “a” b", derived "US$ \"a\" b": a deleted byte splits the copy,
        // the quotes are replaced.
        let source = "US\\$ “a” b";
        let derived = "US$ \"a\" b";
        let mut m = OffsetMap::new();
        m.copy(0, 2);
        m.copy(3, 2);
        m.replace(1, 5, 3);
        m.copy(8, 1);
        m.replace(1, 9, 3);
        m.copy(12, 2);
        assert_eq!(m.len, derived.len());
        for start in 0..=derived.len() {
            for end in start..=derived.len() {
                let (span, verbatim) = m.span_verbatim(start..end);
                assert_eq!(span, m.span(start..end));
                if verbatim {
                    assert_eq!(&derived[start..end], &source[span], "{start}..{end}");
                }
            }
        }
        assert!(m.span_verbatim(0..2).1 && m.span_verbatim(2..4).1 && m.span_verbatim(7..9).1);
        assert!(!m.span_verbatim(1..3).1, "across the deleted backslash");
        assert!(!m.span_verbatim(4..5).1, "a replaced quote");
        assert!(!m.span_verbatim(5..7).1, "a copy and a replaced quote");
    }

    #[test]
    fn replacements_map_to_their_whole_source() {
        // source "“a”" (3 + 1 + 3 bytes), derived "\"a\""
        let mut m = OffsetMap::new();
        m.replace(1, 0, 3);
        m.copy(3, 1);
        m.replace(1, 4, 3);
        assert_eq!(m.span(0..3), 0..7);
        assert_eq!(m.span(1..2), 3..4);
        assert_eq!(m.span(0..1), 0..3);
    }
}
