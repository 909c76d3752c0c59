//! The sentence splitter.
//!
//! Takes: the [`View`]. Gives: [`Sentences`], the byte ranges of the sentences of every
//! view line, in view order. A sentence never crosses a line of the view (a paragraph
//! rejoined across a page break is one line, so its sentences are whole). A period
//! ends a sentence unless it belongs to an abbreviation (`U.S.`, `No.`, `Dr.`, `St.`,
//! `e.g.`), an initial (`V. Putin`, `Michael R. Pompeo`), a decimal (`5.3`) or a list
//! marker at the start of a line (`1.`, `I.`). The abbreviations, and the words that
//! tell a sentence-final one (`... with the U.S. The two sides ...`) ends its sentence,
//! are `gazetteers/sentence-words.tsv`.

use crate::gazetteer::{Gazetteers, SentenceWords, sentence_role};
use crate::repair::View;
use crate::scan::Buckets;
use memchr::memchr3;
use std::ops::Range;

/// The sentences of a view, in view order.
#[derive(Clone, Debug, Default)]
pub struct Sentences {
    ranges: Vec<Range<usize>>,
    /// Where to look for the sentence of a position (by sentence ends).
    ends: Buckets,
}

impl Sentences {
    /// Splits every line of `view`, reading abbreviations as the sentence words of
    /// `gazetteers` list them.
    pub fn split(view: &View, gazetteers: &Gazetteers) -> Sentences {
        let words = gazetteers.sentence_words();
        let text = view.text();
        let mut ranges = Vec::with_capacity(view.lines().len() * 3);
        let emphasis = view.emphasis();
        for line in view.lines() {
            let mut range = line.range.clone();
            // A run-in label (`**Energy:** In May ...`, `PRESIDENT PHÚC: Good morning`)
            // is a sentence of its own: what follows does not run into it.
            let label = run_in_label(text, range.clone(), emphasis);
            if label > 0 {
                push_trimmed(&text[range.clone()], range.start, 0..label, &mut ranges);
                range.start += label;
            }
            split_line(text, range, words, &mut ranges);
        }
        let ends = Buckets::new(&ranges, |r| r.end);
        Sentences { ranges, ends }
    }

    /// All sentence ranges, in view order.
    pub fn ranges(&self) -> &[Range<usize>] {
        &self.ranges
    }

    /// The sentence holding view byte `pos`, if any.
    pub fn at(&self, pos: usize) -> Option<Range<usize>> {
        let i = self
            .ends
            .partition_point(&self.ranges, pos, |r| r.end <= pos);
        self.ranges.get(i).filter(|r| r.start <= pos).cloned()
    }
}

/// The byte length of a run-in label opening the line `text[line]`, its colon
/// included, or 0: words ending with a colon that the source emphasised from the start
/// of the line (`**Energy:**`, `*Australia*:`), or a speaker's label in capitals
/// (`THE PRESIDENT:`). A label is short (at most 80 bytes) and is followed by text.
fn run_in_label(text: &str, line: Range<usize>, emphasis: &[Range<usize>]) -> usize {
    const LONGEST: usize = 80;
    let s = &text[line.clone()];
    let colon_after = |end: usize| -> Option<usize> {
        let rest = &s[end..];
        let trimmed = rest.trim_start_matches(' ');
        trimmed
            .starts_with(':')
            .then(|| end + (rest.len() - trimmed.len()) + 1)
    };
    let marker = s.strip_prefix("- ").map_or(0, |_| 2);
    let i = emphasis.partition_point(|e| e.start < line.start + marker);
    let emphasised = emphasis
        .get(i)
        .filter(|e| e.start == line.start + marker && e.end <= line.end)
        .and_then(|e| {
            let end = e.end - line.start;
            if s[..end].ends_with(':') {
                Some(end)
            } else {
                colon_after(end)
            }
        });
    let label = emphasised
        .or_else(|| crate::repair::speaker_label(s).and_then(colon_after))
        .filter(|&end| end <= LONGEST && !s[end..].trim().is_empty());
    label.unwrap_or(0)
}

/// Splits the sentences of the line `text[line]` into `out`.
pub(crate) fn split_line(
    text: &str,
    line: Range<usize>,
    words: &SentenceWords,
    out: &mut Vec<Range<usize>>,
) {
    let s = &text[line.clone()];
    let bytes = s.as_bytes();
    let skip = list_marker_len(s);
    let mut start = 0;
    let mut i = skip;
    while i < bytes.len() {
        let Some(n) = memchr3(b'.', b'!', b'?', &bytes[i..]) else {
            break;
        };
        i += n;
        let b = bytes[i];
        // Closing quotes and brackets belong to the sentence they close.
        let mut end = i + 1;
        while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')' | b']') {
            end += 1;
        }
        let next = end + s[end..].len() - s[end..].trim_start().len();
        let gap = next > end;
        if gap
            && next < bytes.len()
            && opens_sentence(&s[next..])
            && (b != b'.' || period_ends(s, i, &s[next..], words))
        {
            push_trimmed(s, line.start, start..end, out);
            start = next;
            i = next;
            continue;
        }
        i = end;
    }
    push_trimmed(s, line.start, start..bytes.len(), out);
}

/// The longest sentence, in bytes: a run of text without a stop longer than this (a
/// table or a list dumped on one line, a text without stops) is cut after the last
/// clause mark before it (else at its last whitespace), and so on. The reports'
/// longest sentences are about a thousand bytes; the readers that look over a
/// mention's whole sentence (each date's, each figure's) then cost at most this much
/// per mention, never a run's length.
pub const LONGEST_SENTENCE: usize = 4096;

/// Pushes `s[r]`, trimmed, as one sentence (several when it is longer than
/// [`LONGEST_SENTENCE`]), with offsets `base` on.
fn push_trimmed(s: &str, base: usize, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let (lead, len) = trimmed_bounds(&s[r.clone()]);
    if len == 0 {
        return;
    }
    let (mut start, end) = (r.start + lead, r.start + lead + len);
    while end - start > LONGEST_SENTENCE {
        let limit = crate::text::floor(s, start + LONGEST_SENTENCE);
        let window = &s[start..limit];
        // After the last clause mark (`,` `;` `:` and whitespace), else at the last
        // whitespace, else (a word this long) at the limit: never inside `US$ 5
        // million` when the run has clauses.
        let clause = window
            .as_bytes()
            .windows(2)
            .rposition(|w| matches!(w[0], b',' | b';' | b':') && w[1].is_ascii_whitespace())
            .map(|p| p + 1);
        let cut = clause
            .or_else(|| window.rfind(char::is_whitespace))
            .filter(|&p| p > 0)
            .map_or(limit, |p| start + p);
        out.push(base + start..base + start + s[start..cut].trim_end().len());
        start = end - s[cut..end].trim_start().len();
    }
    out.push(base + start..base + end);
}

/// Where `piece` trimmed starts in it, and its length: what [`str::trim`] leaves. Most
/// pieces start and end with an ASCII byte that is no whitespace, and are their own
/// trimmed form; only the others are read as characters.
fn trimmed_bounds(piece: &str) -> (usize, usize) {
    let b = piece.as_bytes();
    // The ASCII bytes that are whitespace (`char::is_whitespace`): tab to carriage
    // return, and the space.
    let solid = |&c: &u8| c.is_ascii() && !matches!(c, b'\t'..=b'\r' | b' ');
    if b.first().is_some_and(solid) && b.last().is_some_and(solid) {
        return (0, b.len());
    }
    let rest = piece.trim_start();
    (piece.len() - rest.len(), rest.trim_end().len())
}

/// The length of a list marker opening the line (`1. `, `IV. `, `a) `, `- `), or 0.
fn list_marker_len(s: &str) -> usize {
    let t = s.strip_prefix("- ").unwrap_or(s);
    let lead = s.len() - t.len();
    let word = t.split(' ').next().unwrap_or("");
    let is_marker = word.len() <= 5
        && (word.strip_suffix('.').is_some_and(|w| {
            !w.is_empty()
                && (w.bytes().all(|b| b.is_ascii_digit())
                    || w.bytes().all(|b| b"IVXLC".contains(&b)))
        }) || word
            .strip_suffix(')')
            .is_some_and(|w| w.len() == 1 && w.bytes().all(|b| b.is_ascii_lowercase())));
    if is_marker && t.len() > word.len() {
        lead + word.len() + 1
    } else {
        0
    }
}

/// Whether text starting here can open a sentence.
fn opens_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '(' | '[')
    })
}

/// Whether the period at byte `dot` of `s` ends a sentence, given the text after it.
fn period_ends(s: &str, dot: usize, next: &str, words: &SentenceWords) -> bool {
    // The token before the period: just past the last whitespace or opening mark (which
    // may be several bytes long). Only the last few bytes are looked at, so a line
    // without spaces costs no more per period: a longer token is no abbreviation.
    let before = crate::text::before(s, dot, 32);
    let token_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let token = &before[token_start..];
    if token_start == 0 && before.len() < dot {
        return true;
    }
    if token.is_empty() {
        return true;
    }
    // An initial: a single capital letter ("V. Putin", "R. Pompeo").
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return false;
    }
    if token.len() > words.longest {
        return true;
    }
    let roles = words.roles.roles(token);
    if roles & sentence_role::FINAL_ABBREVIATION != 0 {
        let next_word: &str = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        return words.roles.is(next_word, sentence_role::OPENER);
    }
    roles & sentence_role::ABBREVIATION == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_line(
            s,
            0..s.len(),
            Gazetteers::embedded().sentence_words(),
            &mut out,
        );
        out.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn trimmed_bounds_are_what_trim_leaves() {
        let mut pieces = crate::testing::fixture_lines();
        let ends = [
            "", "a", ".", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1c}", "\u{1f}", "\u{7f}",
            "\u{85}", "\u{a0}", "\u{2003}", "\u{3000}", "ễ", "\"",
        ];
        for a in ends {
            for b in ends {
                pieces.push(format!("{a}{b}"));
                pieces.push(format!("{a}x y{b}"));
            }
        }
        for p in &pieces {
            let want = (p.len() - p.trim_start().len(), p.trim().len());
            assert_eq!(trimmed_bounds(p), want, "{p:?}");
        }
    }

    #[test]
    fn a_run_without_stops_is_cut_at_whitespace_into_sentences_of_bounded_length() {
        let run = "on 12 March 2020, ".repeat(1000);
        let word = "ễ".repeat(3000);
        for text in [
            format!("{run}and it ended. Then more."),
            format!("{word} {run}"),
        ] {
            let pieces = split(&text);
            assert!(pieces.len() > 3, "{}", pieces.len());
            assert!(pieces.iter().all(|p| p.len() <= LONGEST_SENTENCE));
            // Nothing but whitespace is left out, and every piece is trimmed.
            let kept: String = pieces.concat();
            let words: String = text.split_whitespace().collect();
            assert_eq!(kept.split_whitespace().collect::<String>(), words);
            assert!(pieces.iter().all(|p| p.trim() == *p && !p.is_empty()));
        }
    }

    #[test]
    fn splits_where_sentences_end_and_nowhere_else() {
        let cases: &[(&str, &[&str])] = &[
            (
                "It grew 5.3 percent. Trade fell.",
                &["It grew 5.3 percent.", "Trade fell."],
            ),
            (
                "He met V. Putin in Moscow. Then he left.",
                &["He met V. Putin in Moscow.", "Then he left."],
            ),
            (
                "Secretary Michael R. Pompeo visited. Good.",
                &["Secretary Michael R. Pompeo visited.", "Good."],
            ),
            (
                "Directive No. 45 was reviewed by Dr. Lam at St. Paul. Done.",
                &[
                    "Directive No. 45 was reviewed by Dr. Lam at St. Paul.",
                    "Done.",
                ],
            ),
            (
                "Ties with the U.S. Center grew. Fine.",
                &["Ties with the U.S. Center grew.", "Fine."],
            ),
            (
                "Ties with the U.S. The two sides met.",
                &["Ties with the U.S.", "The two sides met."],
            ),
            (
                "1. The community consists of 5 million people. It grew.",
                &["1. The community consists of 5 million people.", "It grew."],
            ),
            (
                "He said \"Yes.\" Then (July 2020). Next!",
                &["He said \"Yes.\"", "Then (July 2020).", "Next!"],
            ),
            (
                "a) Due to COVID-19, trade fell. Growth slowed.",
                &["a) Due to COVID-19, trade fell.", "Growth slowed."],
            ),
            ("What now? We go.", &["What now?", "We go."]),
        ];
        for (input, want) in cases {
            assert_eq!(&split(input), want, "{input}");
        }
    }
}
