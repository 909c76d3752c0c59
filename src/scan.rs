//! Byte scanning for the hot loops of the structure stages.
//!
//! Takes: a byte string and a set of bytes. Gives: the positions of the bytes of the
//! set, in order ([`Marks`]). Most bytes of a text are of no interest to a rule (plain
//! ASCII letters and spaces), and the vectorised searches of `memchr`, for up to three
//! bytes at once, skip them many bytes at a time; a set of up to nine bytes is three
//! such searches, merged.
//!
//! Also [`LinePattern`]: a pattern anchored at the start of a line, tried only on lines
//! whose first byte could open a match ([`ByteSet`]); and [`with_buffer`], the
//! per-thread buffer a per-paragraph loop fills instead of allocating one each time.
//! And [`ascii_regex`]: an expression of English words compiled without Unicode, for
//! the extractors' keyword patterns; and, for look-ups in a large document's sorted
//! lists, [`gallop`] (a partition point looked for from a place near it) and
//! [`Buckets`] (where to look for a position, without bisecting the whole list); and
//! [`by_group`], items put in the order of their groups by a counting sort.

use memchr::memchr3;
use regex::{Captures, Regex};
use std::cell::RefCell;
use std::sync::LazyLock;
use std::thread::LocalKey;

/// Runs `f` with this thread's buffer `cell`, emptied: one buffer serves every
/// paragraph instead of one allocated the size of each. A buffer grown past `keep`
/// elements (a very long paragraph) is let go afterwards, not kept for the rest of the
/// run.
pub(crate) fn with_buffer<T: 'static, R>(
    cell: &'static LocalKey<RefCell<Vec<T>>>,
    keep: usize,
    f: impl FnOnce(&mut Vec<T>) -> R,
) -> R {
    cell.with_borrow_mut(|buf| {
        buf.clear();
        let out = f(buf);
        if buf.capacity() > keep {
            *buf = Vec::new();
        }
        out
    })
}

/// The partition point of `v` from `from` on: the index of the first item at or after
/// `from` for which `before` fails (`v.len()` when none does), where `before` holds of
/// every item before that one and of none after. Found by galloping from `from`, steps
/// that double and then a bisection within the last step: O(log k) for an answer `k`
/// items on, where bisecting the rest of a large list costs O(log n) and a cache miss
/// at most of its steps.
pub(crate) fn gallop<T>(v: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let n = v.len();
    let (mut lo, mut step) = (from.min(n), 1);
    // Every item in from..lo is before.
    while lo < n && before(&v[(lo + step - 1).min(n - 1)]) {
        lo += step;
        step *= 2;
    }
    let lo = lo.min(n);
    let hi = (lo + step).min(n);
    lo + v[lo..hi].partition_point(before)
}

/// Where the items of a list sorted by a byte position lie, per block of positions: a
/// look-up bisects the few items of one block instead of the whole list, whose steps
/// are a cache miss each on a large document. Blocks are a power of two bytes, sized
/// for about two items each; a list longer than `u32::MAX` items gets none and is
/// bisected whole.
#[derive(Debug, Clone, Default)]
pub(crate) struct Buckets {
    /// log2 of a block's size.
    shift: u32,
    /// Per block, the index of its first item (the first whose position is in that
    /// block or a later one); then the list's length. Empty for no buckets.
    first: Vec<u32>,
}

impl Buckets {
    /// The buckets of `items`, sorted by `pos`.
    pub fn new<T>(items: &[T], pos: impl Fn(&T) -> usize) -> Buckets {
        let n = items.len();
        let (Some(last), Ok(len)) = (items.last().map(&pos), u32::try_from(n)) else {
            return Buckets::default();
        };
        let per = (last / n).saturating_mul(2).max(1);
        let shift = usize::BITS - 1 - per.leading_zeros();
        let blocks = (last >> shift) + 1;
        let mut first = Vec::with_capacity(blocks + 1);
        // One pass over the items: each block not yet given a first item, up to the
        // item's own, starts at it. The last item's block is the last block.
        for (i, item) in items.iter().enumerate() {
            let b = pos(item) >> shift;
            if b >= first.len() {
                // i < n, which fits.
                first.resize(b + 1, i as u32);
            }
        }
        first.push(len);
        Buckets { shift, first }
    }

    /// The partition point of `items` (the list these buckets were made of) for
    /// `before`, which must hold of an item whose position is before `at` and fail for
    /// one past it (`p < at` or `p <= at`, on the position the buckets were made by).
    pub fn partition_point<T>(&self, items: &[T], at: usize, before: impl Fn(&T) -> bool) -> usize {
        if self.first.is_empty() {
            return items.partition_point(before);
        }
        debug_assert_eq!(self.first.last().map(|&n| n as usize), Some(items.len()));
        let b = at >> self.shift;
        match (self.first.get(b), self.first.get(b + 1)) {
            (Some(&lo), Some(&hi)) => {
                let (mut lo, hi) = (lo as usize, hi as usize);
                // A block holds about two items: they are looked at one at a time,
                // cheaper than the set-up of a bisection; a crowded block's rest is
                // bisected.
                for _ in 0..3 {
                    match items[..hi].get(lo) {
                        Some(item) if before(item) => lo += 1,
                        _ => return lo,
                    }
                }
                lo + items[lo..hi].partition_point(before)
            }
            // Past the last block: every item lies before `at`.
            _ => items.len(),
        }
    }
}

/// Eight bytes of `hay` from `at` as one little-endian word, or none past its end.
#[inline]
pub(crate) fn word_at(hay: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = hay.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The high bit of each byte of a word.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
/// 1 in each byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// For a word of eight ASCII bytes (no high bit set), the high bit of each byte in
/// `first..=last`: two sums set a byte's high bit from `first` up and from just past
/// `last` up, and no sum of an ASCII byte carries into the next.
#[inline]
pub(crate) fn ascii_in(w: u64, first: u8, last: u8) -> u64 {
    debug_assert_eq!(w & HIGH, 0);
    w.wrapping_add(u64::from(0x80 - first) * ONES)
        & !w.wrapping_add(u64::from(0x80 - last - 1) * ONES)
        & HIGH
}

/// The position of the first ASCII digit of `hay` at or after `from`, or the length of
/// `hay`: eight bytes looked at at once ([`ascii_in`] over the bytes with their high
/// bits cleared; a byte that is not ASCII is then left out by its own high bit).
pub(crate) fn next_digit(hay: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(w) = word_at(hay, i) {
        let digits = ascii_in(w & !HIGH, b'0', b'9') & !w;
        if digits != 0 {
            return i + (digits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    hay.get(i..)
        .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
        .map_or(hay.len(), |k| i + k)
}

/// The high bit of each byte of `w` that is an ASCII letter: lowered by setting each
/// byte's 0x20 bit, which lands a byte in `a..=z` only when it is a letter; a byte
/// that is not ASCII is left out by its own high bit.
#[inline]
pub(crate) fn ascii_letters(w: u64) -> u64 {
    ascii_in((w & !HIGH) | (0x20 * ONES), b'a', b'z') & !w
}

/// Where the run of ASCII letters of `hay` starting at `from` ends: eight bytes looked
/// at at once (lowered by setting each byte's 0x20 bit, which lands a byte in `a..=z`
/// only when it is a letter; a byte that is not ASCII is left out by its own high bit).
pub(crate) fn ascii_letters_end(hay: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(w) = word_at(hay, i) {
        let run = (!ascii_letters(w) & HIGH).trailing_zeros() / 8;
        i += run as usize;
        if run < 8 {
            return i;
        }
    }
    while hay.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// Whether any byte of `hay` is a control character (below 0x20), `"` or `\\`: the
/// bytes a JSON string escapes. Sixteen bytes looked at at once ([`json_escapes`]).
pub(crate) fn has_json_escape(hay: &[u8]) -> bool {
    let escapes = json_escapes;
    let n = hay.len();
    if n < 8 {
        // Padded with a letter to one word.
        let mut word = [b'a'; 8];
        word[..n].copy_from_slice(hay);
        return escapes(u64::from_le_bytes(word)) != 0;
    }
    let mut i = 0;
    while let (Some(a), Some(b)) = (word_at(hay, i), word_at(hay, i + 8)) {
        if escapes(a) | escapes(b) != 0 {
            return true;
        }
        i += 16;
    }
    if let Some(a) = word_at(hay, i) {
        if escapes(a) != 0 {
            return true;
        }
        i += 8;
    }
    // The last eight bytes, some of them looked at already.
    i < n && word_at(hay, n - 8).is_some_and(|w| escapes(w) != 0)
}

/// The high bit of each byte of `w` that JSON escapes (a control character below 0x20,
/// `"`, `\`), and in no byte when it has none: a word has a byte below `n` (at most
/// 0x80) exactly when `(w - n..) & !w & 0x80..` is not zero (the bits it sets may spill
/// past that byte, never into a word without one), so it has a zero byte when that
/// holds for `n` = 1, and a quote or backslash when its bytes xor-ed with them have one.
#[inline(always)]
pub(crate) fn json_escapes(w: u64) -> u64 {
    let below = |w: u64, n: u8| w.wrapping_sub(u64::from(n) * ONES) & !w;
    (below(w, 0x20)
        | below(w ^ (u64::from(b'"') * ONES), 1)
        | below(w ^ (u64::from(b'\\') * ONES), 1))
        & HIGH
}

/// How many bytes `a` and `b` have in common at their start: eight bytes compared at
/// once, the first that differs told from the lowest set bit of their difference.
#[inline]
pub(crate) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut k = 0;
    while let (Some(x), Some(y)) = (word_at(a, k), word_at(b, k)) {
        let diff = x ^ y;
        if diff != 0 {
            return k + (diff.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while k < n && a[k] == b[k] {
        k += 1;
    }
    k
}

/// Items numbered into groups, in the order of their groups by a counting sort
/// (linear, and stable: a group's items keep their order): item `k` is in group
/// `group_of[k]`, and group `g` holds `sizes[g]` of them. Gives each item's
/// `value(k)` in that order, and where each group's items end: group `g`'s are
/// `order[ends[g] - sizes[g]..ends[g]]`. For many small groups, where a sort of all
/// the items would compare far more.
pub(crate) fn by_group(
    group_of: &[usize],
    sizes: &[usize],
    value: impl Fn(usize) -> usize,
) -> (Vec<usize>, Vec<usize>) {
    let mut ends: Vec<usize> = sizes
        .iter()
        .scan(0, |at, &n| {
            *at += n;
            Some(*at - n)
        })
        .collect();
    let mut order = vec![0usize; group_of.len()];
    for (k, &g) in group_of.iter().enumerate() {
        order[ends[g]] = value(k);
        ends[g] += 1;
    }
    (order, ends)
}

/// A set of bytes, as a table: `true` for a member.
pub(crate) struct ByteSet([bool; 256]);

impl ByteSet {
    /// The set of `members`.
    pub(crate) const fn new(members: &[u8]) -> ByteSet {
        let mut table = [false; 256];
        let mut i = 0;
        while i < members.len() {
            table[members[i] as usize] = true;
            i += 1;
        }
        ByteSet(table)
    }

    /// The same set with every byte that is not ASCII added: the first bytes of all
    /// characters beyond ASCII (and the bytes that follow them).
    pub(crate) const fn with_non_ascii(self) -> ByteSet {
        let mut table = self.0;
        let mut b = 0x80;
        while b < 256 {
            table[b] = true;
            b += 1;
        }
        ByteSet(table)
    }

    /// Whether `b` is in the set.
    #[inline]
    pub(crate) fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b)]
    }
}

/// The positions of the bytes of a set, in increasing order: up to three searches of
/// up to three bytes each, merged. A search runs again only once the position asked
/// for has passed what it found last, so the haystack is read at most once per search.
pub(crate) struct Marks<'h> {
    hay: &'h [u8],
    /// The groups of bytes searched for, and how many there are.
    groups: [[u8; 3]; 3],
    count: usize,
    /// For each group, the first of its bytes at or after where it was last searched
    /// from (the haystack's length for none); `None` before the first search.
    found: [Option<usize>; 3],
}

impl<'h> Marks<'h> {
    /// The positions in `hay` of the bytes of `groups` (at most three groups).
    pub(crate) fn new(hay: &'h [u8], groups: &[[u8; 3]]) -> Marks<'h> {
        let count = groups.len().min(3);
        let mut all = [[0; 3]; 3];
        all[..count].copy_from_slice(&groups[..count]);
        Marks {
            hay,
            groups: all,
            count,
            found: [None; 3],
        }
    }

    /// The position of the first byte of the set at or after `from`, or the length of
    /// the haystack. `from` must not be less than it was the last time.
    pub(crate) fn next_from(&mut self, from: usize) -> usize {
        let hay = self.hay;
        let mut next = hay.len();
        let groups = &self.groups[..self.count];
        for (&[a, b, c], found) in groups.iter().zip(&mut self.found) {
            let at = match *found {
                Some(at) if at >= from => at,
                _ => hay
                    .get(from..)
                    .and_then(|rest| memchr3(a, b, c, rest))
                    .map_or(hay.len(), |n| from + n),
            };
            *found = Some(at);
            next = next.min(at);
        }
        next
    }
}

/// `pattern`, an expression of English words, digits and ASCII signs, compiled without
/// Unicode: `\b`, `\s`, `\d` and `(?i)` are ASCII only. Over the view, whose wide
/// spaces are already spaces, it matches what the Unicode forms match, but where a
/// keyword is glued to a letter or digit that is not ASCII (`2020ở` holds a word
/// boundary for it and not for Unicode), is written with digits that are not ASCII
/// (`٢٠٢٠`, which Unicode `\d` reads), or stands beside a line or paragraph separator
/// (U+2028, U+2029), U+0085 or U+1680, which the view keeps and Unicode `\s` takes for a
/// space. The regex engine's fast matcher gives up on Unicode word boundaries over a
/// text holding a character that is not ASCII, and Unicode classes make larger
/// automata: such keyword patterns take a tenth or more of the figure scanner's time in
/// Unicode. `pattern` must not match what is not UTF-8 (no `.`, `\S` or negated
/// class): it is a fixed pattern, so that is a bug.
pub(crate) fn ascii_regex(pattern: &str) -> Regex {
    regex::RegexBuilder::new(pattern)
        .unicode(false)
        .build()
        .expect("valid ASCII regex")
}

/// A pattern anchored at the start of a line (`^...`), and the bytes that a line it
/// matches can open with. Most lines open with a byte the pattern cannot start with:
/// they are ruled out at once, without running it. An empty line is always tried.
pub(crate) struct LinePattern {
    opens: ByteSet,
    regex: LazyLock<Regex>,
}

impl LinePattern {
    /// `regex`, which only matches lines opening with a byte of `opens`.
    pub(crate) const fn new(opens: ByteSet, regex: LazyLock<Regex>) -> LinePattern {
        LinePattern { opens, regex }
    }

    fn may_match(&self, line: &str) -> bool {
        line.as_bytes()
            .first()
            .is_none_or(|&b| self.opens.contains(b))
    }

    /// Whether the pattern matches `line`.
    pub(crate) fn is_match(&self, line: &str) -> bool {
        self.may_match(line) && self.regex.is_match(line)
    }

    /// The pattern's groups in `line`, if it matches. Whether it matches is asked
    /// first: that is cheaper than looking for groups, and the answer is most often no.
    pub(crate) fn captures<'h>(&self, line: &'h str) -> Option<Captures<'h>> {
        if self.may_match(line) && self.regex.is_match(line) {
            self.regex.captures(line)
        } else {
            None
        }
    }
}

/// Texts of up to `most` of `pieces`, in any order and repeated: what the property
/// tests that hold a reader to a reference read.
#[cfg(test)]
pub(crate) fn texts_of(
    pieces: &[&'static str],
    most: usize,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop::collection::vec(prop::sample::select(pieces.to_vec()), 0..most).prop_map(|p| p.concat())
}

/// Texts of up to `most` of `pieces`, each followed by one of `seps`: [`texts_of`] with
/// the words glued, spaced or parted as the separators say.
#[cfg(test)]
pub(crate) fn texts_parted(
    pieces: &[&'static str],
    seps: &[&'static str],
    most: usize,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pair = (
        prop::sample::select(pieces.to_vec()),
        prop::sample::select(seps.to_vec()),
    );
    prop::collection::vec(pair, 0..most).prop_map(|v| v.iter().flat_map(|&(p, s)| [p, s]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_prefix_is_what_a_byte_by_byte_look_finds() {
        let naive = |a: &[u8], b: &[u8]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let base = b"Minister of Foreign Affairs of the Socialist Republic";
        for len in [0, 1, 7, 8, 9, 15, 16, 17, 30, base.len()] {
            let a = &base[..len];
            for at in 0..=len {
                for flip in [0x01u8, 0x20, 0x80] {
                    let mut b = a.to_vec();
                    if at < len {
                        b[at] ^= flip;
                    }
                    for cut in [0, len / 2, len] {
                        assert_eq!(common_prefix(a, &b[..cut]), naive(a, &b[..cut]));
                        assert_eq!(common_prefix(&b[..cut], a), naive(a, &b[..cut]));
                    }
                }
            }
        }
    }

    /// Asserts that `fast` gives what `naive` gives for every byte value at every
    /// place of `base`, from every start.
    fn agrees_at_every_byte(
        base: &[u8],
        fast: impl Fn(&[u8], usize) -> usize,
        naive: impl Fn(&[u8], usize) -> usize,
    ) {
        for at in 0..base.len() {
            for b in 0..=255u8 {
                let mut h = base.to_vec();
                h[at] = b;
                for from in 0..=h.len() {
                    assert_eq!(fast(&h, from), naive(&h, from), "{h:?} from {from}");
                }
            }
        }
    }

    #[test]
    fn next_digit_finds_what_a_byte_by_byte_look_finds() {
        let naive = |h: &[u8], from: usize| {
            (from..h.len())
                .find(|&i| h[i].is_ascii_digit())
                .unwrap_or(h.len())
        };
        agrees_at_every_byte(b"ab 12,cd\xff9 xyz/:0 qrst", next_digit, naive);
        assert_eq!(next_digit(b"", 0), 0);
        assert_eq!(next_digit(b"abc", 3), 3);
        assert_eq!(next_digit("Thế ễ ⁹ 7".as_bytes(), 0), "Thế ễ ⁹ ".len());
    }

    #[test]
    fn ascii_letters_end_finds_what_a_byte_by_byte_look_finds() {
        let naive = |h: &[u8], from: usize| {
            (from..h.len())
                .find(|&i| !h[i].is_ascii_alphabetic())
                .unwrap_or(h.len())
        };
        // Letter runs longer and shorter than eight, and the bytes next to `A`-`Z` and
        // `a`-`z`.
        agrees_at_every_byte(
            b"abcdefghijKLMNOPQRS tuv@wxyz[Za`z{",
            ascii_letters_end,
            naive,
        );
        assert_eq!(ascii_letters_end("Thế".as_bytes(), 0), 2);
    }

    #[test]
    fn has_json_escape_finds_what_a_byte_by_byte_look_finds() {
        let naive = |h: &[u8]| h.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        let base = b"plain text, with some words, and some more of them.";
        for len in 0..base.len() {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut h = base[..len].to_vec();
                    h[at] = b;
                    assert_eq!(has_json_escape(&h), naive(&h), "{h:?}");
                }
            }
        }
        assert!(!has_json_escape("Thế giới ễ — “quoted”".as_bytes()));
    }

    #[test]
    fn buckets_find_what_a_bisection_finds() {
        // Lists of positions with gaps, runs of one position, and one or no item.
        let lists: Vec<Vec<usize>> = vec![
            vec![],
            vec![0],
            vec![7],
            (0..50).map(|i| i * 3).collect(),
            (0..50).map(|i| (i / 4) * 100).collect(),
            (0..40).map(|i| i * i).collect(),
            vec![5, 5, 5, 1000],
        ];
        for v in &lists {
            let b = Buckets::new(v, |&p| p);
            let end = v.last().map_or(10, |&l| l + 10);
            for at in 0..end {
                assert_eq!(
                    b.partition_point(v, at, |&p| p < at),
                    v.partition_point(|&p| p < at),
                    "{v:?} < {at}"
                );
                assert_eq!(
                    b.partition_point(v, at, |&p| p <= at),
                    v.partition_point(|&p| p <= at),
                    "{v:?} <= {at}"
                );
            }
        }
    }

    /// The buckets' first items as they were found before: a walk per block. The
    /// reference for [`Buckets::new`].
    fn first_by_blocks(items: &[usize]) -> (u32, Vec<u32>) {
        let n = items.len();
        let Some(&last) = items.last() else {
            return (0, Vec::new());
        };
        let per = (last / n).saturating_mul(2).max(1);
        let shift = usize::BITS - 1 - per.leading_zeros();
        let blocks = (last >> shift) + 1;
        let mut first = Vec::with_capacity(blocks + 1);
        let mut i = 0;
        for b in 0..blocks {
            while i < n && items[i] < b << shift {
                i += 1;
            }
            first.push(i as u32);
        }
        first.push(n as u32);
        (shift, first)
    }

    proptest::proptest! {
        #[test]
        fn buckets_are_made_as_a_walk_per_block_makes_them_and_find_what_a_bisection_finds(
            mut v in proptest::collection::vec(0..300usize, 0..40),
            wide in proptest::bool::ANY,
        ) {
            // Close positions (many to a block, repeated ones) and spread ones.
            if wide {
                v.iter_mut().for_each(|p| *p *= 97);
            }
            v.sort_unstable();
            let b = Buckets::new(&v, |&p| p);
            let (shift, first) = first_by_blocks(&v);
            if !v.is_empty() {
                proptest::prop_assert_eq!(b.shift, shift);
            }
            proptest::prop_assert_eq!(&b.first, &first);
            let end = v.last().map_or(10, |&l| l + 10);
            for at in 0..end {
                proptest::prop_assert_eq!(
                    b.partition_point(&v, at, |&p| p < at),
                    v.partition_point(|&p| p < at)
                );
                proptest::prop_assert_eq!(
                    b.partition_point(&v, at, |&p| p <= at),
                    v.partition_point(|&p| p <= at)
                );
            }
        }
    }

    #[test]
    fn a_gallop_finds_what_a_bisection_finds() {
        for n in 0..70 {
            let v: Vec<usize> = (0..n).map(|i| i / 3).collect();
            for x in 0..=n / 3 + 1 {
                let want = v.partition_point(|&y| y < x);
                for from in 0..=want {
                    assert_eq!(gallop(&v, from, |&y| y < x), want, "{n} {x} {from}");
                }
                // From past the end.
                assert_eq!(gallop(&v, n + 2, |&y| y < x), n.max(want));
            }
        }
    }

    #[test]
    fn marks_are_found_in_order_once_each() {
        let hay = "a*b\\c`d\u{a0}e\u{2019}f\u{3000}g\u{feff}h_i(j".as_bytes();
        let groups = [*b"\\*`", [0xC2, 0xE2, 0xE3], [0xEF, b'_', b'(']];
        let want: Vec<usize> = (0..hay.len())
            .filter(|&i| groups.iter().flatten().any(|&b| b == hay[i]))
            .collect();
        let mut marks = Marks::new(hay, &groups);
        let mut found = Vec::new();
        let mut at = 0;
        while at < hay.len() {
            at = marks.next_from(at);
            if at < hay.len() {
                found.push(at);
                at += 1;
            }
        }
        assert_eq!(found, want);
        assert_eq!(Marks::new(b"abc", &[]).next_from(0), 3);
        assert_eq!(Marks::new(b"", &groups).next_from(0), 0);
    }

    #[test]
    fn a_line_pattern_is_tried_only_on_lines_it_could_open() {
        static DIGITS: LinePattern = LinePattern::new(
            ByteSet::new(b"0123456789"),
            LazyLock::new(|| Regex::new(r"^\d+$").expect("valid regex")),
        );
        assert!(DIGITS.is_match("2020"));
        assert!(!DIGITS.is_match("x2020"));
        assert_eq!(DIGITS.captures("12").map(|c| c[0].len()), Some(2));
    }

    #[test]
    fn an_ascii_regex_reads_english_keywords_as_unicode_does_over_the_view() {
        // Keywords, years, spaces and case as the extractors' patterns write them.
        let pattern = r"(?i)\b(?:so\s+far|in\s+total\b|by\s+(?:18|19|20)\d{2}\b|per\s+cent\b)";
        let (ascii, unicode) = (ascii_regex(pattern), Regex::new(pattern).unwrap());
        let ranges = |re: &Regex, t: &str| -> Vec<(usize, usize)> {
            re.find_iter(t).map(|m| (m.start(), m.end())).collect()
        };
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut found = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let raw = std::fs::read(&path).unwrap();
                let doc =
                    crate::document::Document::from_bytes(path.display().to_string(), raw).unwrap();
                let view =
                    crate::repair::View::build(&doc, crate::repair::CaptionRules::embedded());
                let text = view.text();
                assert_eq!(ranges(&ascii, text), ranges(&unicode, text), "{path:?}");
                found += ranges(&ascii, text).len();
            }
        }
        assert!(found > 10, "the fixtures hold such keywords: {found}");
        // Wide spaces are spaces in the view; diacritics beside a keyword are not.
        let text = "So far in total by 2020, ĐÀ NẴNG per cent; Việt Nam per  cent";
        assert_eq!(ranges(&ascii, text), ranges(&unicode, text));
        // Where the two differ: a keyword glued to a letter that is not ASCII.
        assert!(ascii.is_match("by 2020ở") && !unicode.is_match("by 2020ở"));
        assert!(!ascii.is_match("so\u{2028}far") && unicode.is_match("so\u{2028}far"));
    }
}
