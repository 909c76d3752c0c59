//! Character-boundary-safe text helpers: windows before and after an offset, the
//! characters around it, whitespace squeezing and folding.
//!
//! **Takes** a `&str` and byte offsets that may fall inside a character (an offset
//! computed as "60 bytes back" can land in the middle of `ễ`). **Gives** slices whose
//! ends are moved to the nearest character boundary inward, so no caller slices a
//! `&str` off a boundary. Every other module reaches text around an offset through
//! these.

use std::borrow::Cow;

/// Whether `s` starts with the ASCII `prefix`, in any case, without copying it.
pub fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `s` ends with the ASCII `suffix`, in any case, without copying it.
pub fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether `b` is ASCII whitespace as the expressions' `\s` reads it: a space, tab,
/// line feed, vertical tab, form feed or carriage return (`u8::is_ascii_whitespace`
/// leaves out the vertical tab). Readers written by hand in place of an expression use
/// it.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// The first byte at or after `i` of `b` that is not [`is_ascii_space`] (`b.len()`
/// when there is none).
pub(crate) fn skip_ascii_spaces(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_ascii_space(c)) {
        i += 1;
    }
    i
}

/// Whether `s` holds at most `n` words (runs of non-whitespace): read only as far as
/// word `n + 1`, so the cost is that of the first words, not of the whole of `s`.
pub fn at_most_words(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_none()
}

/// Whether `s` holds the ASCII `needle` anywhere, in any case, without copying it: the
/// places of its first byte, in either case, are found by a fast byte search and only
/// those compared.
pub fn contains_ignore_case(s: &str, needle: &str) -> bool {
    let (hay, needle) = (s.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    let Some(last) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, &hay[..=last])
        .any(|i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The largest character boundary of `s` at or before `i` (`s.len()` past the end).
pub fn floor(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `s` at or after `i` (`s.len()` past the end).
pub fn ceil(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// At most `max` bytes of `s` ending at `pos`, cut on character boundaries.
///
/// ```
/// let s = "ễễ visited";
/// assert_eq!(bluebook::text::before(s, 6, 4), "ễ");
/// assert_eq!(bluebook::text::before(s, 3, 60), "ễ");
/// ```
pub fn before(s: &str, pos: usize, max: usize) -> &str {
    let end = floor(s, pos);
    let start = ceil(s, end.saturating_sub(max));
    &s[start..end]
}

/// At most `max` bytes of `s` starting at `pos`, cut on character boundaries.
pub fn after(s: &str, pos: usize, max: usize) -> &str {
    let start = ceil(s, pos);
    let end = floor(s, start.saturating_add(max));
    &s[start..end]
}

/// `s[range]` with both ends moved inward to character boundaries (empty if they
/// cross).
pub fn slice(s: &str, start: usize, end: usize) -> &str {
    let start = ceil(s, start);
    let end = floor(s, end);
    if start >= end { "" } else { &s[start..end] }
}

/// The character just before byte `i`, if any.
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s[..floor(s, i)].chars().next_back()
}

/// The character at byte `i` (or the next boundary after it), if any.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s[ceil(s, i)..].chars().next()
}

/// Letters and digits, except superscript and subscript digits: those are footnote
/// markers (`Viet Nam⁷`) and do not extend a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '¹' | '²' | '³' | '⁰'..='⁹' | '₀'..='₉')
}

/// `s` with every run of whitespace made one space, trimmed; borrowed when it already
/// is.
pub fn squeeze(s: &str) -> Cow<'_, str> {
    let t = s.trim();
    if is_squeezed(t) {
        Cow::Borrowed(t)
    } else {
        // The words pushed one after another: no list of them, no second pass to join.
        let mut out = String::with_capacity(t.len());
        for word in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        Cow::Owned(out)
    }
}

/// The bytes that open the UTF-8 of every whitespace character that is not ASCII (the
/// no-break, thin and ideographic spaces, the line separator, ...).
pub(crate) const WIDE_SPACE_LEADS: [u8; 4] = [0xC2, 0xE1, 0xE2, 0xE3];

/// Whether byte `i` of `t` opens a whitespace character that is not ASCII.
pub(crate) fn is_wide_space_at(t: &str, i: usize) -> bool {
    // A lead byte is a character boundary: the slice is only taken after it.
    WIDE_SPACE_LEADS.contains(&t.as_bytes()[i])
        && t[i..].chars().next().is_some_and(char::is_whitespace)
}

/// Whether `t` has no whitespace but single spaces: [`is_squeezed_by_bytes`], eight
/// bytes at a time where they are ASCII above the controls. Chunks of eight bytes
/// step by seven, so that every two neighbouring bytes lie in one chunk; a chunk with
/// a control or a byte that is not ASCII sends the whole text to the byte-by-byte
/// reading (those are rare in what is squeezed: names and titles).
fn is_squeezed(t: &str) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let b = t.as_bytes();
    let mut at = 0;
    while let Some(chunk) = b.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        // A byte at 0x80 or above, or (all bytes below 0x80) one below 0x20.
        if x & HIGH != 0 || x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0 {
            return is_squeezed_by_bytes(t);
        }
        // The spaces, as high bits: each byte XOR 0x20 is below 0x80, so adding 0x7F
        // sets its high bit, with no carry out of it, unless it is 0.
        let spaces = !((x ^ (ONES * 0x20)) + ONES * 0x7F) & HIGH;
        if spaces & (spaces >> 8) != 0 {
            return false;
        }
        if at + 8 >= b.len() {
            return true;
        }
        // The last chunk ends with the text (it overlaps the one before).
        at = (at + 7).min(b.len() - 8);
    }
    // Shorter than eight bytes.
    is_squeezed_by_bytes(t)
}

/// Whether `t` has no whitespace but single spaces, in one pass over its bytes: other
/// whitespace is an ASCII control (tab, line feed, vertical tab, form feed, carriage
/// return) or a character that [`is_wide_space_at`].
fn is_squeezed_by_bytes(t: &str) -> bool {
    let b = t.as_bytes();
    let mut space = false;
    for (i, &c) in b.iter().enumerate() {
        let this = match c {
            b' ' => true,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => return false,
            0x80.. if is_wide_space_at(t, i) => return false,
            _ => false,
        };
        if this && space {
            return false;
        }
        space = this;
    }
    true
}

/// `s` folded to ASCII (diacritics dropped: `Nguyễn` → `Nguyen`). ASCII control
/// characters (line breaks, tabs) still part words: the transliteration table drops
/// them after the first character that is not ASCII, so they are made spaces first.
pub fn ascii_fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    if s.bytes().any(|b| b.is_ascii_control()) {
        let spaced: String = s
            .chars()
            .map(|c| if c.is_ascii_control() { ' ' } else { c })
            .collect();
        return Cow::Owned(deunicode::deunicode(&spaced));
    }
    Cow::Owned(deunicode::deunicode(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_ignore_case_finds_what_a_look_at_every_place_finds() {
        let naive = |s: &str, n: &str| {
            s.as_bytes()
                .windows(n.len())
                .any(|w| w.eq_ignore_ascii_case(n.as_bytes()))
        };
        let hays = [
            "",
            "l",
            "Leaders",
            "the two LEADERS met",
            "leaderleaders",
            "lLeAdErS",
            "ễ leaders ễ",
            "xleader",
            "LEADERS",
            "-- 2020 --",
            "a-b-c",
            "ab",
        ];
        for s in hays {
            for n in ["leaders", "l", "ab", "-", "20", "LEADERS", "ễ"] {
                assert_eq!(contains_ignore_case(s, n), naive(s, n), "{s:?} {n:?}");
            }
        }
        assert!(contains_ignore_case("anything", ""));
    }

    #[test]
    fn at_most_words_counts_as_a_split_does() {
        for t in [
            "",
            " ",
            "a",
            " a ",
            "a b",
            "a\tb\nc",
            "Việt  Nam  ở",
            "a b c d e f g",
        ] {
            for n in 0..9 {
                assert_eq!(
                    at_most_words(t, n),
                    t.split_whitespace().count() <= n,
                    "{t:?} {n}"
                );
            }
        }
    }

    #[test]
    fn every_wide_space_opens_with_a_listed_byte() {
        let mut buf = [0u8; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let s: &str = c.encode_utf8(&mut buf);
            assert_eq!(is_wide_space_at(s, 0), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn squeezed_as_the_characters_say() {
        let by_chars =
            |t: &str| !t.contains("  ") && !t.chars().any(|c| c.is_whitespace() && c != ' ');
        for t in [
            "",
            "a",
            "a b",
            "a  b",
            "a\tb",
            "a\nb",
            "a\u{a0}b",
            "a\u{2009}b",
            "a\u{3000}b",
            "a\u{85}b",
            "Nguyễn Phú",
            "é ",
            "a \u{a0}",
            "\u{1680}",
            "\u{202f}x",
            "ẞ ß",
            "a\u{1c}b",
        ] {
            assert_eq!(is_squeezed(t), by_chars(t), "{t:?}");
            assert_eq!(is_squeezed_by_bytes(t), by_chars(t), "{t:?}");
        }
    }

    /// [`squeeze`] as it was: the words split out, collected and joined.
    fn squeeze_by_join(s: &str) -> Cow<'_, str> {
        let t = s.trim();
        if is_squeezed_by_bytes(t) {
            Cow::Borrowed(t)
        } else {
            Cow::Owned(t.split_whitespace().collect::<Vec<_>>().join(" "))
        }
    }

    proptest::proptest! {
        /// Eight bytes at a time, the same answers as a byte at a time; the words
        /// pushed, the same text as joined.
        #[test]
        fn squeezed_by_chunks_as_by_bytes(
            t in "([a-zA-Z.,'-]{0,9}|[ \t\n\u{b}\u{c}\r\u{1}\u{1f}]{0,3}|\u{a0}|\u{3000}|é|ễ){0,12}|\\PC{0,20}",
        ) {
            proptest::prop_assert_eq!(is_squeezed(&t), is_squeezed_by_bytes(&t));
            let (new, old) = (squeeze(&t), squeeze_by_join(&t));
            proptest::prop_assert_eq!(&new, &old);
            proptest::prop_assert_eq!(matches!(new, Cow::Borrowed(_)), matches!(old, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn squeezed_on_the_fixture_lines_as_by_bytes() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut lines = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) else {
                continue;
            };
            // Each line, and each stretch of up to three lines (with their breaks).
            let all: Vec<&str> = text.split_inclusive('\n').collect();
            for k in 0..all.len() {
                let joined: String = all[k..(k + 3).min(all.len())].concat();
                for t in [all[k], joined.as_str()] {
                    assert_eq!(is_squeezed(t), is_squeezed_by_bytes(t), "{t:?}");
                    assert_eq!(squeeze(t), squeeze_by_join(t), "{t:?}");
                }
                lines += 1;
            }
        }
        assert!(lines > 100, "the fixtures hold lines: {lines}");
    }

    #[test]
    fn windows_never_cut_a_character() {
        let s = "ễễễ visited and met";
        for pos in 0..=s.len() + 2 {
            for max in 0..12 {
                let b = before(s, pos, max);
                let a = after(s, pos, max);
                assert!(b.len() <= max && a.len() <= max);
                assert!(s.contains(b) && s.contains(a));
            }
            assert!(char_before(s, pos).is_some() || floor(s, pos) == 0);
            let _ = char_at(s, pos);
            for end in 0..=s.len() + 1 {
                let _ = slice(s, pos, end);
            }
        }
    }

    #[test]
    fn squeeze_and_fold() {
        assert_eq!(squeeze(" Prime\n Minister "), "Prime Minister");
        assert!(matches!(squeeze("Prime Minister"), Cow::Borrowed(_)));
        assert_eq!(ascii_fold("Nguyễn Phú Trọng"), "Nguyen Phu Trong");
        assert_eq!(
            ascii_fold("Nguyễn Xuân\nPhúc\tTrọng"),
            "Nguyen Xuan Phuc Trong"
        );
    }
}
