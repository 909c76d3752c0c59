//! Byte scanning for the hot loops of the structure stages.
//!
//! Takes: a byte string and a set of bytes. Gives: the position of the next byte of the
//! set. Most bytes of a text are of no interest to a rule (plain ASCII letters and
//! spaces), so the scan tests eight bytes at a time and only looks at single bytes in
//! a group that holds one of the set.

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
