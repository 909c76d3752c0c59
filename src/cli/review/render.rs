//! The HTML of the review page's parts: a document's text with its records marked in
//! place, HTML escaping, and the filling of the page template.
//!
//! **Takes** a document's raw bytes and the spans of its records (byte offsets, which
//! may be out of order, nested, crossing, empty, past the end or inside a character).
//! **Gives** HTML: the text, escaped, with one `<mark data-type data-id>` element per
//! record, or several when its span crosses another's (the fragments share the
//! `data-id`). The text outside the tags is the raw bytes decoded lossily, whole: a
//! span end inside a character (or inside an invalid sequence) is moved outward to the
//! nearest boundary of the decoding, so every piece decodes to its own part of the
//! whole. Boundaries are sorted once; the work is linear in the text plus the records
//! times the depth of nesting.

use std::borrow::Cow;
use std::fmt::Write as _;

/// One record to mark in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Mark {
    /// Start byte offset into the raw bytes.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The record type, written as `data-type`.
    pub kind: &'static str,
    /// The record's number on the page, written as `data-id`.
    pub id: usize,
    /// An element id for the first fragment (a section heading, for the sidebar to jump
    /// to), or none.
    pub anchor: Option<String>,
}

/// Writes `s` to `out` with the characters HTML gives meaning to escaped, for text or
/// for a double-quoted attribute value. A carriage return is written as a character
/// reference, which HTML keeps, where a bare one would be read as a line feed.
pub(super) fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\r' => "&#13;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// `s` escaped for HTML text or a double-quoted attribute.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

/// Where the lossy decoding of some bytes can be cut so that the pieces decode to
/// the parts of the whole: the character boundaries of valid UTF-8, and the edges of
/// each invalid sequence (each becomes one U+FFFD).
enum Boundaries<'a> {
    Text(&'a str),
    Map(Vec<bool>),
}

impl<'a> Boundaries<'a> {
    fn of(raw: &'a [u8]) -> Self {
        if let Ok(s) = std::str::from_utf8(raw) {
            return Boundaries::Text(s);
        }
        let mut map = vec![false; raw.len() + 1];
        let mut at = 0;
        for chunk in raw.utf8_chunks() {
            for (i, _) in chunk.valid().char_indices() {
                map[at + i] = true;
            }
            at += chunk.valid().len();
            map[at] = true;
            at += chunk.invalid().len();
        }
        map[raw.len()] = true;
        Boundaries::Map(map)
    }

    fn is(&self, i: usize) -> bool {
        match self {
            Boundaries::Text(s) => s.is_char_boundary(i),
            Boundaries::Map(m) => m.get(i).copied().unwrap_or(true),
        }
    }

    /// The nearest boundary at or before `i` (`i` at most the length).
    fn floor(&self, mut i: usize) -> usize {
        while i > 0 && !self.is(i) {
            i -= 1;
        }
        i
    }

    /// The nearest boundary at or after `i` (`i` at most the length).
    fn ceil(&self, mut i: usize) -> usize {
        while !self.is(i) {
            i += 1;
        }
        i
    }
}

/// Which of two marks sharing their span is outside: events hold the others, then
/// headings and footnotes; the rest in the order of the record types.
fn rank(kind: &str) -> usize {
    match kind {
        "event" => 0,
        "section" => 1,
        "footnote" => 2,
        _ => {
            3 + bluebook::TYPE_NAMES
                .iter()
                .position(|t| *t == kind)
                .unwrap_or(bluebook::TYPE_NAMES.len())
        }
    }
}

/// Writes `raw` as HTML with `marks` in place (see the module's description).
pub(super) fn highlight(raw: &[u8], marks: &[Mark], out: &mut String) {
    let bounds = Boundaries::of(raw);
    let len = raw.len();
    // Each mark's span, clamped to the text and widened to boundaries of the decoding.
    let spans: Vec<(usize, usize)> = marks
        .iter()
        .map(|m| {
            let start = bounds.floor(m.start.min(len));
            let end = bounds.ceil(m.end.clamp(m.start.min(len), len));
            (start, end)
        })
        .collect();
    // Opened in start order; at one start, the longer outside.
    let mut opening: Vec<usize> = (0..marks.len()).collect();
    opening.sort_by(|&a, &b| {
        let (ka, kb) = (&marks[a], &marks[b]);
        (
            spans[a].0,
            std::cmp::Reverse(spans[a].1),
            rank(ka.kind),
            ka.id,
        )
            .cmp(&(
                spans[b].0,
                std::cmp::Reverse(spans[b].1),
                rank(kb.kind),
                kb.id,
            ))
    });
    let mut closing: Vec<usize> = (0..marks.len())
        .filter(|&i| spans[i].0 < spans[i].1)
        .collect();
    closing.sort_by_key(|&i| spans[i].1);

    // The open marks, outermost first, and each mark's place in that stack.
    let mut stack: Vec<usize> = Vec::new();
    let mut place: Vec<Option<usize>> = vec![None; marks.len()];
    let mut anchored = vec![false; marks.len()];
    let (mut next_open, mut next_close, mut written) = (0, 0, 0);
    let mut reopen: Vec<usize> = Vec::new();
    let breaks = paragraph_starts(raw);
    let mut next_break = 0;
    out.push_str("<div class=\"p\">");
    loop {
        let at = [
            opening.get(next_open).map(|&o| spans[o].0),
            closing.get(next_close).map(|&c| spans[c].1),
            breaks.get(next_break).copied(),
        ]
        .into_iter()
        .flatten()
        .min();
        let Some(at) = at else { break };
        text_into(out, &raw[written..at]);
        written = at;

        // Close what ends here: everything above the lowest of them comes off the
        // stack, and what does not end here is opened again as another fragment.
        let mut lowest = stack.len();
        while let Some(&c) = closing.get(next_close) {
            if spans[c].1 != at {
                break;
            }
            if let Some(p) = place[c] {
                lowest = lowest.min(p);
            }
            next_close += 1;
        }
        if lowest < stack.len() {
            reopen.clear();
            for &m in &stack[lowest..] {
                out.push_str("</mark>");
                place[m] = None;
                if spans[m].1 != at {
                    reopen.push(m);
                }
            }
            stack.truncate(lowest);
            for &m in &reopen {
                open_into(out, &marks[m], false);
                place[m] = Some(stack.len());
                stack.push(m);
            }
        }

        // A new paragraph block, where no mark is open.
        if breaks.get(next_break) == Some(&at) {
            next_break += 1;
            if stack.is_empty() {
                out.push_str("</div><div class=\"p\">");
            }
        }

        // Open what starts here; an empty span opens and closes at once.
        while let Some(&o) = opening.get(next_open) {
            if spans[o].0 != at {
                break;
            }
            open_into(out, &marks[o], !anchored[o]);
            anchored[o] = true;
            if spans[o].0 == spans[o].1 {
                out.push_str("</mark>");
            } else {
                place[o] = Some(stack.len());
                stack.push(o);
            }
            next_open += 1;
        }
    }
    text_into(out, &raw[written..]);
    for _ in stack {
        out.push_str("</mark>");
    }
    out.push_str("</div>");
}

/// A block longer than this (in bytes) is cut at the next line start even without a
/// blank line.
const LONGEST_BLOCK: usize = 8 * 1024;

/// Where the text is cut into blocks (`<div class="p">`), which the page lays out one
/// by one and skips while they are off screen: at the start of each line that follows a
/// blank line, or of any line once a block is long. The cuts are ASCII positions, so
/// boundaries of the decoding.
fn paragraph_starts(raw: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let (mut line_ends, mut line_start, mut block_start) = (0, 0, 0);
    for (i, &b) in raw.iter().enumerate() {
        match b {
            b'\n' => {
                line_ends += 1;
                line_start = i + 1;
            }
            b'\r' => {
                if raw.get(i + 1) != Some(&b'\n') {
                    line_ends += 1;
                }
                line_start = i + 1;
            }
            b' ' | b'\t' | b'\x0c' => {}
            _ => {
                let cut = line_ends >= 2 || (line_ends == 1 && i - block_start > LONGEST_BLOCK);
                if cut && line_start > block_start {
                    starts.push(line_start);
                    block_start = line_start;
                }
                line_ends = 0;
            }
        }
    }
    starts
}

/// The opening tag of one fragment of `mark`, with its anchor when `first`.
fn open_into(out: &mut String, mark: &Mark, first: bool) {
    let _ = write!(
        out,
        "<mark data-type=\"{}\" data-id=\"{}\"",
        mark.kind, mark.id
    );
    match (&mark.anchor, first) {
        (Some(anchor), true) => {
            out.push_str(" id=\"");
            escape_into(out, anchor);
            out.push_str("\">");
        }
        (_, true) => out.push('>'),
        (_, false) => out.push_str(" class=\"cont\">"),
    }
}

/// Raw bytes as escaped text.
fn text_into(out: &mut String, bytes: &[u8]) {
    let text: Cow<'_, str> = String::from_utf8_lossy(bytes);
    escape_into(out, &text);
}

/// Fills the `{{NAME}}` slots of `template` in one pass: `fill` writes the value of each
/// slot; text outside the slots is copied as it is, and values are never read again
/// for slots.
pub(super) fn fill_template(
    template: &str,
    out: &mut String,
    mut fill: impl FnMut(&str, &mut String),
) {
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open + 2..].find("}}") else {
            break;
        };
        out.push_str(&rest[..open]);
        fill(&rest[open + 2..open + 2 + close], out);
        rest = &rest[open + 2 + close + 2..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, kind: &'static str, id: usize) -> Mark {
        Mark {
            start,
            end,
            kind,
            id,
            anchor: None,
        }
    }

    fn render(raw: &[u8], marks: &[Mark]) -> String {
        let mut out = String::new();
        highlight(raw, marks, &mut out);
        out
    }

    /// The text of rendered HTML: tags dropped, the references `escape` writes read
    /// back.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            rest = &rest[i + rest[i..].find('>').expect("closed tag") + 1..];
        }
        out.push_str(rest);
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#13;", "\r")
            .replace("&amp;", "&")
    }

    #[test]
    fn nested_marks_are_nested_elements() {
        let html = render(
            b"Met on 4 May in Hanoi.",
            &[mark(0, 21, "event", 0), mark(7, 12, "date", 1)],
        );
        assert_eq!(
            html,
            "<div class=\"p\"><mark data-type=\"event\" data-id=\"0\">Met on \
             <mark data-type=\"date\" data-id=\"1\">4 May</mark> in Hanoi</mark>.</div>"
        );
    }

    #[test]
    fn crossing_marks_become_fragments_sharing_an_id() {
        let html = render(b"abcdef", &[mark(0, 4, "event", 0), mark(2, 6, "date", 1)]);
        assert_eq!(
            html,
            "<div class=\"p\"><mark data-type=\"event\" data-id=\"0\">ab\
             <mark data-type=\"date\" data-id=\"1\">cd</mark></mark>\
             <mark data-type=\"date\" data-id=\"1\" class=\"cont\">ef</mark></div>"
        );
        assert_eq!(text_of(&html), "abcdef");
    }

    #[test]
    fn same_span_puts_the_event_outside_and_keeps_the_anchor_on_the_first_fragment() {
        let mut heading = mark(0, 3, "section", 1);
        heading.anchor = Some("s0-4".to_string());
        let html = render(b"abc", &[mark(0, 3, "country", 0), heading]);
        assert_eq!(
            html,
            "<div class=\"p\"><mark data-type=\"section\" data-id=\"1\" id=\"s0-4\">\
             <mark data-type=\"country\" data-id=\"0\">abc</mark></mark></div>"
        );
    }

    #[test]
    fn text_is_escaped_and_carriage_returns_survive() {
        let html = render(b"a<b> & \"c\"\r\n", &[mark(1, 4, "date", 0)]);
        assert_eq!(
            html,
            "<div class=\"p\">a<mark data-type=\"date\" data-id=\"0\">&lt;b&gt;</mark> &amp; \
             &quot;c&quot;&#13;\n</div>"
        );
        assert_eq!(text_of(&html), "a<b> & \"c\"\r\n");
    }

    #[test]
    fn spans_inside_characters_past_the_end_or_reversed_do_not_panic() {
        let raw = "Việt Nam".as_bytes();
        // 2..3 falls inside `ệ` (bytes 1..4): it widens to the whole character.
        let html = render(
            raw,
            &[
                mark(2, 3, "country", 0),
                mark(5, 99, "date", 1),
                mark(7, 6, "person", 2),
                mark(200, 300, "money", 3),
            ],
        );
        assert_eq!(text_of(&html), "Việt Nam");
        assert!(html.contains("<mark data-type=\"country\" data-id=\"0\">ệ</mark>"));
        for id in 0..4 {
            assert!(html.contains(&format!("data-id=\"{id}\"")), "{html}");
        }
    }

    #[test]
    fn invalid_utf8_is_cut_only_between_decoded_characters() {
        let raw = b"a\xE2\x82b\xF0\x9F\x98\x80c\xFF";
        // Cuts inside the invalid sequence, the emoji and the last byte.
        let marks = [
            mark(2, 5, "date", 0),
            mark(6, 11, "country", 1),
            mark(10, 10, "money", 2),
        ];
        let html = render(raw, &marks);
        assert_eq!(text_of(&html), String::from_utf8_lossy(raw));
        // The date widens to `\u{FFFD}b😀` (bytes 1..8), the country to `😀c\u{FFFD}`
        // (4..10): they cross, so the country comes in two fragments.
        assert!(html.contains("<mark data-type=\"date\" data-id=\"0\">\u{FFFD}b"));
        assert!(html.contains("<mark data-type=\"country\" data-id=\"1\">😀</mark>"));
        assert!(html.contains("class=\"cont\">c\u{FFFD}</mark>"));
        assert!(html.contains("<mark data-type=\"money\" data-id=\"2\"></mark>"));
    }

    #[test]
    fn every_mark_appears_whatever_the_order_of_many_overlapping_spans() {
        let raw: Vec<u8> = (0..200).map(|i| b'a' + (i % 26) as u8).collect();
        let kinds = ["event", "date", "person", "country", "money"];
        let marks: Vec<Mark> = (0..150)
            .map(|i| {
                let start = (i * 37) % 190;
                let end = start + (i * 13) % 40;
                mark(start, end, kinds[i % kinds.len()], i)
            })
            .collect();
        let html = render(&raw, &marks);
        assert_eq!(text_of(&html), String::from_utf8_lossy(&raw));
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
        for m in &marks {
            let tag = format!("data-type=\"{}\" data-id=\"{}\"", m.kind, m.id);
            assert!(html.contains(&tag), "{tag}");
        }
        // Well nested: a stack of open tags never closes below zero.
        let mut depth: i64 = 0;
        for piece in html.split('<').skip(1) {
            if piece.starts_with("/mark") {
                depth -= 1;
            } else if piece.starts_with("mark") {
                depth += 1;
            }
            assert!(depth >= 0);
        }
        assert_eq!(depth, 0);
    }

    #[test]
    fn blocks_start_after_blank_lines_where_no_mark_is_open() {
        let raw = b"One.\n\nTwo \r\n \r\n  Three\nfour.\n\nFive\n\nSix.";
        // A blank line of spaces and CRLF counts; `Five\n\nSix` is one mark: no block
        // starts inside it.
        let five = raw.windows(4).position(|w| w == b"Five").expect("Five");
        let html = render(raw, &[mark(five, raw.len() - 1, "person", 0)]);
        assert_eq!(text_of(&html), String::from_utf8_lossy(raw));
        let blocks: Vec<&str> = html.split("<div class=\"p\">").skip(1).collect();
        assert_eq!(blocks.len(), 4, "{html}");
        assert!(blocks[0].starts_with("One."));
        assert!(blocks[1].starts_with("Two &#13;\n &#13;\n</div>"));
        assert!(blocks[2].starts_with("  Three\nfour."));
        assert!(blocks[3].starts_with("<mark data-type=\"person\" data-id=\"0\">Five"));
        assert_eq!(html.matches("<div").count(), html.matches("</div>").count());
    }

    #[test]
    fn a_long_text_without_blank_lines_is_cut_at_line_starts() {
        let line = "a line of text\n";
        let raw = line.repeat(2000);
        let html = render(raw.as_bytes(), &[]);
        assert_eq!(text_of(&html), raw);
        let blocks = html.matches("<div class=\"p\">").count();
        assert!((3..=5).contains(&blocks), "{blocks} blocks");
    }

    #[test]
    fn template_slots_are_filled_once() {
        let mut out = String::new();
        fill_template("<p>{{A}} and {{B}}</p>{{", &mut out, |name, out| {
            out.push_str(if name == "A" { "{{B}}" } else { "b" });
        });
        assert_eq!(out, "<p>{{B}} and b</p>{{");
    }
}
