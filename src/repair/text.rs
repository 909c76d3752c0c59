//! Small text predicates shared by the repair rules. They read a line's *plain* form:
//! markdown removed, quotes and dashes normalised (see [`plain`]).

use crate::scan::{ByteSet, LinePattern, Marks};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Superscript digits, as PDF-to-text output writes footnote markers.
pub(crate) fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

/// What a character reads as in the view: `None` keeps it, `Some("")` drops it.
pub(crate) fn normalised(c: char) -> Option<&'static str> {
    Some(match c {
        '‘' | '’' | '‛' | '′' | '`' => "'",
        '“' | '”' | '„' | '‟' | '″' => "\"",
        '–' | '—' | '‒' | '―' | '−' | '‐' | '‑' => "-",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        _ => return None,
    })
}

/// The bytes that may start something that [`plain`] or the view changes: a markdown
/// escape or emphasis, or the first byte of a character that [`normalised`] replaces
/// (all of those are `` ` `` or start with one of these four UTF-8 lead bytes). Any
/// other byte is kept as it is, so runs of them can be copied at once. In groups of
/// three, for [`Marks`] (the last group is one byte).
pub(crate) const MAY_CHANGE: [[u8; 3]; 3] = [*b"\\*`", [0xC2, 0xE2, 0xE3], [0xEF; 3]];

/// The groups of [`MAY_CHANGE`] that `line` could hold: only the first in ASCII.
pub(crate) fn may_change(line: &str) -> &'static [[u8; 3]] {
    if line.is_ascii() {
        &MAY_CHANGE[..1]
    } else {
        &MAY_CHANGE
    }
}

/// A line with markdown escapes and emphasis removed and characters normalised as in
/// the view, trimmed; for classifying lines, not for spans. Borrowed exactly when the
/// trimmed line holds no byte of [`MAY_CHANGE`], as most lines do: there is nothing
/// to change.
pub(crate) fn plain(line: &str) -> Cow<'_, str> {
    // Whitespace at either end stays whitespace in the plain form (a space, at most),
    // to be trimmed from it: trimmed first, it is neither read nor copied.
    let line = line.trim();
    let bytes = line.as_bytes();
    let mut marks = Marks::new(bytes, may_change(line));
    let first = marks.next_from(0);
    if first == bytes.len() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    // `line[run..i]` is kept as it is and not written yet.
    let mut run = 0;
    let mut i = first;
    loop {
        i = marks.next_from(i);
        let Some(c) = line.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        let replacement = match c {
            // An escape: the backslash goes, what it escapes starts the next run.
            '\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push_str(&line[run..i]);
                run = i + 1;
                i += 2;
                continue;
            }
            '*' => "",
            _ => match normalised(c) {
                Some(s) => s,
                None => {
                    i += len;
                    continue;
                }
            },
        };
        out.push_str(&line[run..i]);
        out.push_str(replacement);
        i += len;
        run = i;
    }
    out.push_str(&line[run..]);
    // What was dropped or normalised may leave whitespace at an end (`* x`).
    out.truncate(out.trim_end().len());
    let lead = out.len() - out.trim_start().len();
    out.drain(..lead);
    Cow::Owned(out)
}

/// Words that cannot end a sentence: a line ending with one of them was cut. Sorted,
/// for a binary search.
const DANGLING: &[&str] = &[
    "a",
    "about",
    "across",
    "after",
    "against",
    "all",
    "also",
    "amid",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "between",
    "both",
    "but",
    "by",
    "cum",
    "during",
    "each",
    "especially",
    "every",
    "five",
    "for",
    "four",
    "from",
    "had",
    "has",
    "have",
    "her",
    "his",
    "if",
    "in",
    "including",
    "into",
    "is",
    "its",
    "many",
    "namely",
    "nor",
    "not",
    "of",
    "on",
    "onto",
    "or",
    "our",
    "over",
    "particularly",
    "per",
    "several",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
    "three",
    "through",
    "to",
    "toward",
    "towards",
    "two",
    "under",
    "upon",
    "via",
    "was",
    "were",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
];

/// The last word of `s` (letters only), lowercased.
fn last_word(s: &str) -> String {
    s.rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

/// Whether `s` ends a sentence or a heading: final `.`, `!`, `?`, `:` or `;`, possibly
/// followed by closing quotes or brackets (and spaces). All of those are ASCII, so the
/// bytes are read, not the characters.
pub(crate) fn terminated(s: &str) -> bool {
    let closing = |b: &&u8| matches!(b, b'"' | b'\'' | b')' | b']' | b' ');
    let mut rest = s.as_bytes().iter().rev().skip_while(closing);
    matches!(rest.next(), Some(b'.' | b'!' | b'?' | b':' | b';'))
}

/// Whether `s` has a sentence end inside it (". " then a capital), so it is prose, not
/// a heading.
fn has_inner_sentence_end(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"[a-z0-9)%]{2}[.!?]["')]?\s+["(]?[A-Z]"#).expect("valid regex")
    });
    RE.is_match(s)
}

/// A list or heading marker at the start of a line: `I.`, `1.`, `a)`, `CHAPTER`.
pub(crate) fn starts_with_marker(s: &str) -> bool {
    static MARKER: LinePattern = LinePattern::new(
        // `\d` is any decimal digit, also beyond ASCII; `•` too.
        ByteSet::new(b"-(IVXLC0123456789abcdefghijklmnopqrstuvwxyz").with_non_ascii(),
        LazyLock::new(|| {
            Regex::new(r"^(?:[-•]\s+)?(?:[IVXLC]+\.|\d{1,2}\.|[a-z]\)|\([a-z0-9]{1,3}\)|CHAPTER\b|Chapter\b)\s")
                .expect("valid regex")
        }),
    );
    MARKER.is_match(s)
}

/// The speaker label opening a line of a transcript — words in capitals, then a colon
/// (`THE PRESIDENT:`, `PRIME MINISTER PHẠM:`, `MR. KIRBY:`, `Q:`) — as the byte length
/// of the label without its colon; `None` when the line opens otherwise.
pub(crate) fn speaker_label(s: &str) -> Option<usize> {
    // A label is short: look no further than 60 bytes.
    let colon = s
        .char_indices()
        .take_while(|(i, _)| *i < 60)
        .find(|(_, c)| *c == ':')
        .map(|(i, _)| i)?;
    let label = &s[..colon];
    let mut letters = 0;
    for c in label.chars() {
        if c.is_lowercase() || c.is_ascii_digit() {
            return None;
        }
        if c.is_alphabetic() {
            letters += 1;
        } else if !matches!(c, ' ' | '.' | '-' | '\'' | '’') {
            return None;
        }
    }
    (letters >= 1 && label.starts_with(char::is_uppercase)).then_some(colon)
}

/// A line written in capitals (a title), with at least four letters.
pub(crate) fn all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 4
}

/// Whether the line `next` continues the paragraph whose last line is `prev` (both
/// plain): the PDF's page break, or a caption or footnote placed in between, cut it.
///
/// `prev_alone` says that `prev` is the whole paragraph so far: a lone line that opens
/// with a list marker is a heading unless the cut is plain to see.
pub(crate) fn continues(prev: &str, prev_alone: bool, next: &str) -> bool {
    if prev.is_empty() || next.is_empty() || terminated(prev) {
        return false;
    }
    if next.starts_with("- ")
        || next.starts_with("• ")
        || starts_with_marker(next)
        || all_caps(next)
    {
        return false;
    }
    let Some(first) = next.chars().next() else {
        return false;
    };
    if first.is_lowercase() {
        return true;
    }
    if prev.ends_with([',', '(', '-', '/', '&'])
        || DANGLING.binary_search(&last_word(prev).as_str()).is_ok()
    {
        return true;
    }
    if all_caps(prev) {
        return false;
    }
    let heading_like = prev_alone && starts_with_marker(prev);
    let prose = prev.len() >= 200 || has_inner_sentence_end(prev);
    let capital_run = prev.len() >= 100
        && prev
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && first.is_uppercase();
    !heading_like && (prose || capital_run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_drops_markdown_and_normalises() {
        assert_eq!(
            plain(" - *India*: US\\$ 5 “x” – y "),
            "- India: US$ 5 \"x\" - y"
        );
    }

    #[test]
    fn dangling_words_are_sorted() {
        assert!(DANGLING.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn continuation_rules() {
        let cases = [
            (
                "impacts on all aspects of international",
                true,
                "affairs and relations.",
                true,
            ),
            (
                "Prime Minister Nguyen Xuan Phuc had a telephone conversation with",
                false,
                "Prime Minister Muhyiddin Yassin (June 2020).",
                true,
            ),
            (
                "Regarding economic cooperation,",
                true,
                "China continued to be ...",
                true,
            ),
            (
                "2. Global politics and security",
                true,
                "In 2020, global politics ...",
                false,
            ),
            ("1. Lao PDR:", true, "The great friendship ...", false),
            (
                "CHAPTER ONE",
                true,
                "THE INTERNATIONAL AND REGIONAL LANDSCAPE",
                false,
            ),
            (
                "Global fast and complex developments",
                true,
                "Global complicated developments in 2021 justified ...",
                false,
            ),
            (
                "3. Joining in efforts to advocate and defend the national sovereignty and interests of Viet Nam, enhance external communication, gather and unite overseas Vietnamese",
                true,
                "Viet Nam's mass organizations ...",
                false,
            ),
            (
                "The year was busy. With regards to cooperation in combating",
                false,
                "COVID-19 and fostering recovery, ...",
                true,
            ),
            ("a 6.3%", false, "year-over-year increase.", true),
            (
                "Member of the Party Central Committee, Minister of Foreign Affairs",
                true,
                "Wednesday, July 20, 2022 08:20",
                false,
            ),
        ];
        for (prev, alone, next, want) in cases {
            assert_eq!(continues(prev, alone, next), want, "{prev:?} / {next:?}");
        }
    }
}
