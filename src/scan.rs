//! Byte scanning for the hot loops of the structure stages.
//!
//! Takes: a byte string and a set of bytes. Gives: the position of the next byte of the
//! set. Most bytes of a text are of no interest to a rule (plain ASCII letters and
//! spaces), so the scan tests eight bytes at a time and only looks at single bytes in
//! a group that holds one of the set. (A set of one to three bytes is searched with
//! `memchr`, vectorised, faster still; [`ByteSet`] is for the larger sets.)
//!
//! Also [`LinePattern`]: a pattern anchored at the start of a line, tried only on lines
//! whose first byte could open a match.

use regex::{Captures, Regex};
use std::sync::LazyLock;

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

    /// The position of the first byte of `hay[from..]` in the set, or `hay.len()`.
    #[inline]
    pub(crate) fn find(&self, hay: &[u8], from: usize) -> usize {
        let mut i = from;
        // A group of eight is tested as a whole, without a branch per byte.
        while let Some(group) = hay.get(i..i + 8) {
            if group.iter().fold(false, |hit, &b| hit | self.contains(b)) {
                break;
            }
            i += 8;
        }
        while i < hay.len() && !self.contains(hay[i]) {
            i += 1;
        }
        i.min(hay.len())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_member_or_the_end() {
        const SET: ByteSet = ByteSet::new(b"\n\r");
        let hay = b"0123456789abcdef\r\n012345678901234567890\n";
        assert_eq!(SET.find(hay, 0), 16);
        assert_eq!(SET.find(hay, 16), 16);
        assert_eq!(SET.find(hay, 17), 17);
        assert_eq!(SET.find(hay, 18), hay.len() - 1);
        assert_eq!(SET.find(hay, hay.len()), hay.len());
        assert_eq!(SET.find(b"no member here", 3), 14);
        for from in 0..hay.len() {
            let want = (from..hay.len())
                .find(|&i| SET.contains(hay[i]))
                .unwrap_or(hay.len());
            assert_eq!(SET.find(hay, from), want);
        }
    }
}
