//! Small text predicates shared by the repair rules. They read a line's *plain* form:
//! markdown removed, quotes and dashes normalised (see [`plain`]).

use crate::scan::{ByteSet, LinePattern, Marks};
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
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

/// The groups of [`MAY_CHANGE`] that a line could hold: only the first in ASCII.
pub(crate) fn may_change(ascii: bool) -> &'static [[u8; 3]] {
    if ascii { &MAY_CHANGE[..1] } else { &MAY_CHANGE }
}

/// Whether an ASCII line holds no byte of [`MAY_CHANGE`], as most lines are: one
/// search of its three ASCII bytes tells.
fn unchanged_ascii(line: &[u8]) -> bool {
    let [[a, b, c], ..] = MAY_CHANGE;
    memchr::memchr3(a, b, c, line).is_none()
}

/// Whether `bytes` are all ASCII, as [`slice::is_ascii`] tells. They are read whole,
/// not up to the first byte beyond ASCII: most lines are ASCII, read whole either way,
/// and without a way out of the loop the compiler reads them sixteen bytes at a time,
/// their last bytes too (the library reads those one at a time).
fn all_ascii(bytes: &[u8]) -> bool {
    bytes.iter().fold(0, |all, &b| all | b) < 0x80
}

/// `line` without whitespace at either end, as [`str::trim`] gives it. A line that
/// opens and ends with a visible ASCII character, as most do, has none to trim: two
/// bytes tell, without decoding a character at either end.
fn trim(line: &str) -> &str {
    match line.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => line,
        _ => line.trim(),
    }
}

/// A line with markdown escapes and emphasis removed and characters normalised as in
/// the view, trimmed; for classifying lines, not for spans. Borrowed exactly when the
/// trimmed line holds no byte of [`MAY_CHANGE`], as most lines do: there is nothing
/// to change.
pub(crate) fn plain(line: &str) -> Cow<'_, str> {
    // Whitespace at either end stays whitespace in the plain form (a space, at most),
    // to be trimmed from it: trimmed first, it is neither read nor copied.
    let line = trim(line);
    let bytes = line.as_bytes();
    // Whether the line is ASCII is read once: the quick look and the marks both ask.
    let ascii = all_ascii(bytes);
    if ascii && unchanged_ascii(bytes) {
        return Cow::Borrowed(line);
    }
    let mut marks = Marks::new(bytes, may_change(ascii));
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

/// A piece of markup in the decoded text: HTML tags, comments and entities, struck
/// text, footnote markers in `<sup>`, and the brackets and target of a Markdown link.
/// It is not text: the view writes `rep` in its place (a space where the tag breaks
/// the text, `<br>`, `<p>`; the character an entity stands for; else nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Markup {
    /// Its byte range in the decoded text.
    pub start: usize,
    pub end: usize,
    /// What the view reads in its place.
    pub rep: &'static str,
}

/// The longest tag read, in bytes (`<a href="...">` with a long link).
const MAX_TAG: usize = 2048;
/// The longest struck text read (`<s>...</s>`).
const MAX_STRUCK: usize = 256;
/// The longest footnote marker read (`<sup>12</sup>`, `<sup><a href="#fn12">[12]</a></sup>`),
/// with its closing tag.
const MAX_MARKER: usize = 160;

/// Inline tags: they read as nothing (`2<sup>nd</sup>` is `2nd`).
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "big", "cite", "code", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q",
    "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];
/// Tags that break the text: they read as a space (`a<br>b` is `a b`).
const BREAKING_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "img",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];
/// Tags whose content was struck out: the tag and its content read as nothing (`in
/// June <s>2019</s> [2021]`: the author replaced the year).
const STRUCK_TAGS: &[&str] = &["del", "s", "strike"];

/// HTML entities and the characters they stand for.
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("apos", "'"),
    ("gt", ">"),
    ("hellip", "..."),
    ("laquo", "\""),
    ("ldquo", "\""),
    ("lsquo", "'"),
    ("lt", "<"),
    ("mdash", "-"),
    ("nbsp", " "),
    ("ndash", "-"),
    ("quot", "\""),
    ("raquo", "\""),
    ("rdquo", "\""),
    ("rsquo", "'"),
    ("shy", ""),
];

/// The markup of `src`, in order, none overlapping another. One pass over the bytes
/// that can open markup (`<`, `[`, `]`, `&`, `\`, and line ends for blank lines); a
/// tag is read up to the next `<` or `>`, a comment or struck text once to its end.
///
/// A Markdown link `[text](target)` keeps its text: the brackets and the target go
/// (`](https://...)`, a path, an anchor). `![alt](target)` goes whole: an image is
/// not text. An escaped bracket (`\[`) opens no link.
pub(crate) fn markup(src: &str) -> Vec<Markup> {
    read_markup(src, true)
}

/// [`markup`], with `lines_while_open`: a line end is looked at only while a bracket
/// is open, the only time it matters (it empties the stack of open brackets at a blank
/// line; with none open, what it skips is spaces, no byte that opens markup). Most
/// texts have a line end on every line and no bracket, and the search then passes
/// over them. Without it, every line end is looked at: what the search did before,
/// for the tests to compare.
fn read_markup(src: &str, lines_while_open: bool) -> Vec<Markup> {
    let b = src.as_bytes();
    if memchr::memchr3(b'<', b']', b'&', b).is_none() {
        return Vec::new();
    }
    let mut out: Vec<Markup> = Vec::new();
    // The `[` of the links found, in order (links do not nest: the stack of open
    // brackets is emptied at each link and at each blank line).
    let mut openers: Vec<Markup> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut marks = Marks::new(b, &[*b"<[]", *b"&\\\n"]);
    let mut marks_but_lines = Marks::new(b, &[*b"<[]", *b"&\\\\"]);
    let mut i = 0;
    // No `-->` after a `<!--` seen: none after any later one either.
    let mut comments = true;
    let drop = |start: usize, end: usize| Markup {
        start,
        end,
        rep: "",
    };
    loop {
        i = if lines_while_open && open.is_empty() {
            marks_but_lines.next_from(i)
        } else {
            marks.next_from(i)
        };
        if i >= b.len() {
            break;
        }
        match b[i] {
            b'\\' => {
                i += if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) {
                    2
                } else {
                    1
                }
            }
            b'\n' => {
                let mut j = i + 1;
                while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                if j >= b.len() || b[j] == b'\n' {
                    open.clear();
                }
                i = j;
            }
            b'[' => {
                open.push(i);
                i += 1;
            }
            b']' => match open.pop().and_then(|o| link(b, o, i).map(|end| (o, end))) {
                Some((o, end)) => {
                    let image = o > 0 && b[o - 1] == b'!' && !(o > 1 && b[o - 2] == b'\\');
                    if image {
                        openers.push(drop(o - 1, end));
                    } else {
                        openers.push(drop(o, o + 1));
                        out.push(drop(i, end));
                    }
                    open.clear();
                    i = end;
                }
                None => i += 1,
            },
            b'&' => match entity(b, i) {
                Some((end, rep)) => {
                    out.push(Markup { start: i, end, rep });
                    i = end;
                }
                None => i += 1,
            },
            _ => {
                // `<`
                if b[i..].starts_with(b"<!--") {
                    if comments && let Some(n) = memchr::memmem::find(&b[i + 4..], b"-->") {
                        let end = i + 4 + n + 3;
                        out.push(drop(i, end));
                        i = end;
                        continue;
                    }
                    comments = false;
                    i += 1;
                    continue;
                }
                match tag(src, i) {
                    Some(t) => {
                        let end = t.content_end(src).unwrap_or(t.end);
                        out.push(Markup {
                            start: i,
                            end,
                            rep: t.rep,
                        });
                        i = end;
                    }
                    None => i += 1,
                }
            }
        }
    }
    if openers.is_empty() {
        return out;
    }
    // Merge the two ordered lists; an image's drop may cover markup found in its
    // alternative text.
    let mut merged = Vec::with_capacity(out.len() + openers.len());
    let mut rest = out.into_iter().peekable();
    for o in openers {
        while let Some(m) = rest.next_if(|m| m.start < o.start) {
            merged.push(m);
        }
        while rest.next_if(|m| m.start < o.end).is_some() {}
        merged.push(o);
    }
    merged.extend(rest);
    merged
}

/// The end of the Markdown link whose text runs from `[` at `open` to `]` at `close`:
/// just past the `)` of its target, when `(` follows the `]` and the target is a URL,
/// a path or an anchor without spaces (balanced parentheses allowed, and a quoted
/// title after it).
fn link(b: &[u8], open: usize, close: usize) -> Option<usize> {
    if b.get(close + 1) != Some(&b'(') || close == open + 1 {
        return None;
    }
    let start = close + 2;
    let rest = &b[start..b.len().min(start + MAX_TAG)];
    let lower = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    let url = [
        &b"http://"[..],
        b"https://",
        b"ftp://",
        b"mailto:",
        b"www.",
        b"/",
        b"#",
        b"./",
        b"../",
    ]
    .iter()
    .any(|p| lower(p));
    if !url {
        return None;
    }
    let mut depth = 0usize;
    for (k, &c) in rest.iter().enumerate() {
        match c {
            b'(' => depth += 1,
            b')' if depth == 0 => return Some(start + k + 1),
            b')' => depth -= 1,
            b' ' | b'\t' => {
                // A title: `(url "Title")`.
                let after = &rest[k..];
                let t = after.iter().position(|&c| c != b' ' && c != b'\t')?;
                if after[t] != b'"' {
                    return None;
                }
                let q = memchr::memchr(b'"', &after[t + 1..])?;
                let close = t + 1 + q + 1;
                return (after.get(close) == Some(&b')')).then_some(start + k + close + 1);
            }
            b'\n' | b'\r' | b'<' | b'>' | b'[' | b']' => return None,
            _ => {}
        }
    }
    None
}

/// The HTML entity at `at` (`&amp;`, `&#39;`, `&#x2019;`): its end and what it stands
/// for. A numeric entity reads as a space when it is one, else as nothing but a
/// quote or dash.
fn entity(b: &[u8], at: usize) -> Option<(usize, &'static str)> {
    let rest = &b[at + 1..b.len().min(at + 12)];
    let semi = memchr::memchr(b';', rest)?;
    let name = &rest[..semi];
    let end = at + 1 + semi + 1;
    if let Some(num) = name.strip_prefix(b"#") {
        let value = match num.first() {
            Some(b'x' | b'X') => u32::from_str_radix(std::str::from_utf8(&num[1..]).ok()?, 16),
            _ => std::str::from_utf8(num).ok()?.parse::<u32>(),
        }
        .ok()?;
        let c = char::from_u32(value)?;
        let rep = match c {
            '\'' | '‘' | '’' => "'",
            '"' | '“' | '”' => "\"",
            '&' => "&",
            '<' => "<",
            '>' => ">",
            '–' | '—' | '-' => "-",
            c if c.is_whitespace() => " ",
            _ => return None,
        };
        return Some((end, rep));
    }
    let name = std::str::from_utf8(name).ok()?;
    ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, rep)| (end, rep))
}

/// An HTML tag read at a `<`.
struct Tag {
    /// Just past its `>`.
    end: usize,
    /// Its name, lower-case.
    name: String,
    /// A closing tag (`</sup>`).
    closing: bool,
    /// What it reads as.
    rep: &'static str,
}

impl Tag {
    /// For an opening tag whose content is markup too, the end of its closing tag:
    /// struck text (`<s>2020</s>`), and a footnote marker (`<sup>2</sup>`,
    /// `<sup>1,3</sup>`). Looked for in the next [`MAX_STRUCK`] (or [`MAX_MARKER`])
    /// bytes, not past a blank line.
    fn content_end(&self, src: &str) -> Option<usize> {
        if self.closing {
            return None;
        }
        let struck = STRUCK_TAGS.contains(&self.name.as_str());
        if !struck && self.name != "sup" {
            return None;
        }
        let limit = if struck { MAX_STRUCK } else { MAX_MARKER };
        let rest = &src.as_bytes()[self.end..src.len().min(self.end + limit)];
        let close = format!("</{}>", self.name);
        let n = memchr::memmem::find_iter(rest, b"</").find(|&n| {
            rest[n..].len() >= close.len()
                && rest[n..n + close.len()].eq_ignore_ascii_case(close.as_bytes())
        })?;
        let content = &rest[..n];
        let blank = content
            .split(|&c| c == b'\n')
            .skip(1)
            .any(|l| l.iter().all(u8::is_ascii_whitespace));
        if blank {
            return None;
        }
        // The marker's text: without the tags in it (`<a href="#fn1">1</a>`) and the
        // brackets around it (`[1]`, `(2)`).
        let mut text = Vec::with_capacity(12);
        let mut in_tag = false;
        for &c in content {
            match c {
                b'<' => in_tag = true,
                b'>' => in_tag = false,
                _ if !in_tag && !matches!(c, b'[' | b']' | b'(' | b')') => text.push(c),
                _ => {}
            }
        }
        let marker = !text.is_empty()
            && text.len() <= 12
            && text
                .iter()
                .all(|c| c.is_ascii_digit() || matches!(c, b',' | b'-' | b' '))
            && text.first().is_some_and(u8::is_ascii_digit);
        (struck || marker).then_some(self.end + n + close.len())
    }
}

/// The HTML tag opening at `at` (a `<`), when it is one of the tags that texts
/// converted from web pages keep (`<sup>`, `</u>`, `<span style="...">`, `<br/>`,
/// `<a href="...">`): up to the first `>`, with no `<` before it.
fn tag(src: &str, at: usize) -> Option<Tag> {
    let b = src.as_bytes();
    let mut i = at + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && b[i].is_ascii_alphanumeric() && i - name_start < 12 {
        i += 1;
    }
    if i == name_start || !b[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = src[name_start..i].to_ascii_lowercase();
    let rep = if BREAKING_TAGS.contains(&name.as_str()) {
        " "
    } else if INLINE_TAGS.contains(&name.as_str()) || STRUCK_TAGS.contains(&name.as_str()) {
        ""
    } else {
        return None;
    };
    // Attributes (not on a closing tag), then `>` or `/>`.
    match b.get(i) {
        Some(b'>') => {}
        Some(b'/') if b.get(i + 1) == Some(&b'>') => i += 1,
        Some(c) if c.is_ascii_whitespace() && !closing => {
            let rest = &b[i..b.len().min(i + MAX_TAG)];
            let n = rest.iter().position(|&c| c == b'>' || c == b'<')?;
            if rest[n] != b'>' {
                return None;
            }
            i += n;
        }
        _ => return None,
    }
    Some(Tag {
        end: i + 1,
        name,
        closing,
        rep,
    })
}

/// The markup of `markups` that overlaps `range` (both in decoded-text bytes): found
/// by binary search, the list being ordered and without overlaps.
pub(crate) fn markup_in(markups: &[Markup], range: Range<usize>) -> &[Markup] {
    let first = markups.partition_point(|m| m.end <= range.start);
    let last = first + markups[first..].partition_point(|m| m.start < range.end);
    &markups[first..last]
}

/// `line` (starting at decoded byte `base`) with `markups` (those overlapping it)
/// written as the view reads them.
pub(crate) fn without_markup(line: &str, base: usize, markups: &[Markup]) -> String {
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for m in markups {
        let start = m.start.saturating_sub(base).min(line.len());
        let end = (m.end - base.min(m.end)).min(line.len());
        if start > at {
            out.push_str(&line[at..start]);
        }
        out.push_str(m.rep);
        at = at.max(end);
    }
    out.push_str(&line[at.min(line.len())..]);
    out
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

/// The last word of `s` (letters, digits and `'`).
fn last_word(s: &str) -> &str {
    s.rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

/// Whether the last word of `s`, lowercased, is one of [`DANGLING`]. An ASCII word
/// is compared as it is, in any case, without a lowercased copy; another is
/// lowercased first (a character beyond ASCII may lowercase to an ASCII letter: the
/// Kelvin sign to `k`).
fn ends_dangling(s: &str) -> bool {
    let word = last_word(s);
    if word.is_ascii() {
        let lower = word.bytes().map(|b| b.to_ascii_lowercase());
        DANGLING
            .binary_search_by(|d| d.bytes().cmp(lower.clone()))
            .is_ok()
    } else {
        DANGLING
            .binary_search(&word.to_lowercase().as_str())
            .is_ok()
    }
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
    // A label ends at a colon within 60 bytes: a line without one there is none.
    memchr::memchr(b':', &s.as_bytes()[..s.len().min(60)])?;
    label_to_colon(s)
}

/// [`speaker_label`], read character by character.
fn label_to_colon(s: &str) -> Option<usize> {
    // One pass to the colon, which a label (short) has within 60 bytes; most lines
    // show a lower-case letter first.
    let mut letters = 0;
    for (i, c) in s.char_indices() {
        if i >= 60 {
            return None;
        }
        if c == ':' {
            return (letters >= 1 && s.starts_with(char::is_uppercase)).then_some(i);
        }
        if c.is_lowercase() || c.is_ascii_digit() {
            return None;
        }
        if c.is_alphabetic() {
            letters += 1;
        } else if !matches!(c, ' ' | '.' | '-' | '\'' | '’') {
            return None;
        }
    }
    None
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
    if prev.ends_with([',', '(', '-', '/', '&']) || ends_dangling(prev) {
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
    fn speaker_labels_are_capitals_then_a_colon_within_sixty_bytes() {
        for (line, label) in [
            ("THE PRESIDENT: Thank you.", Some("THE PRESIDENT")),
            (
                "PRIME MINISTER PHẠM: Thank you.",
                Some("PRIME MINISTER PHẠM"),
            ),
            ("MR. KIRBY: Good afternoon.", Some("MR. KIRBY")),
            ("Q: And the tariffs?", Some("Q")),
            ("The President: said", None),
            ("MR KIRBY said nothing", None),
            ("12:30 PM", None),
            (": nothing before", None),
            ("... : dots only", None),
            ("G20: leaders", None),
        ] {
            assert_eq!(speaker_label(line).map(|n| &line[..n]), label, "{line}");
        }
        let long = format!("{}: x", "A".repeat(60));
        assert_eq!(speaker_label(&long), None);
        let just = format!("{}: x", "A".repeat(59));
        assert_eq!(speaker_label(&just), Some(59));
    }

    #[test]
    fn the_ascii_look_finds_unchanged_what_the_marks_find_unchanged() {
        let mut lines = crate::testing::fixture_lines();
        for line in [
            "", "a", "a*b", "`x`", "US\\$ 5", "“x”", "x\u{a0}y", "ễ", "x_y",
        ] {
            lines.push(line.to_string());
        }
        let mut unchanged = 0;
        for line in &lines {
            let bytes = line.as_bytes();
            let marked = Marks::new(bytes, may_change(line.is_ascii())).next_from(0) < bytes.len();
            if line.is_ascii() && unchanged_ascii(bytes) {
                assert!(!marked, "{line:?}");
                unchanged += 1;
            }
        }
        assert!(unchanged > 100, "{unchanged}");
    }

    #[test]
    fn bytes_are_ascii_as_is_ascii_finds_them() {
        proptest::proptest!(|(line in "[a ~\u{7f}\u{80}é\u{a0}ễ\u{10000}]{0,80}")| {
            proptest::prop_assert_eq!(all_ascii(line.as_bytes()), line.is_ascii());
        });
        proptest::proptest!(|(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..100))| {
            proptest::prop_assert_eq!(all_ascii(&bytes), bytes.is_ascii());
        });
        for line in crate::testing::fixture_lines() {
            assert_eq!(all_ascii(line.as_bytes()), line.is_ascii(), "{line:?}");
        }
    }

    #[test]
    fn lines_are_trimmed_as_str_trim_trims_them() {
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(4000));
        runner
            .run(
                &"[ a.\t\n\r\u{b}\u{c}\u{1f}\u{85}\u{a0}\u{2003}\u{3000}é\u{0}~]{0,8}",
                |line| {
                    proptest::prop_assert_eq!(trim(&line), line.trim(), "{:?}", line);
                    Ok(())
                },
            )
            .unwrap();
        proptest::proptest!(|(line in "\\PC{0,12}")| {
            proptest::prop_assert_eq!(trim(&line), line.trim());
        });
        for line in crate::testing::fixture_lines() {
            assert_eq!(trim(&line), line.trim(), "{line:?}");
        }
    }

    #[test]
    fn plain_drops_markdown_and_normalises() {
        assert_eq!(
            plain(" - *India*: US\\$ 5 “x” – y "),
            "- India: US$ 5 \"x\" - y"
        );
    }

    /// The text with its markup as the view reads it.
    fn read(text: &str) -> String {
        without_markup(text, 0, &markup(text))
    }

    #[test]
    fn markup_reads_as_the_view_reads_it() {
        let cases = [
            ("August 2<sup>nd</sup>", "August 2nd"),
            ("rose<sup>12</sup> and 10<SUP>6</SUP>", "rose and 10"),
            (
                "2.9%<sup><a href=\"#fn1\">[1]</a></sup> a<sup>(2)</sup>",
                "2.9% a",
            ),
            ("<u>a</u><br/>b<BR>c<p class=\"x\">d", "a b c d"),
            ("in <s>2020</s> [2022] <del>x</del>", "in  [2022] "),
            ("a <!-- x -->b <!-- open", "a b <!-- open"),
            (
                "R&amp;D &gt;5% &#8217; &nbsp; AT&T; &bogus;",
                "R&D >5% '   AT&T; &bogus;",
            ),
            (
                "[text](https://a.b/c_(d)) [x](/p \"T\") ![i](https://a/i.png)!",
                "text x !",
            ),
            (
                "\\[not](https://a) \\<b>bold",
                "\\[not](https://a) \\<b>bold",
            ),
            ("[a [b](https://x) c](https://y)", "[a b c](https://y)"),
            (
                "[note](see below) a < b > c <unknown>",
                "[note](see below) a < b > c <unknown>",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text:?}");
        }
    }

    /// Texts of markup, brackets, escapes and line ends, blank lines among them.
    fn markup_text() -> impl proptest::strategy::Strategy<Value = String> {
        crate::scan::texts_of(
            &[
                "[",
                "]",
                "(https://a.b/c)",
                "(/p \"T\")",
                "(see)",
                "!",
                "\\",
                "\\[",
                "\n",
                "\n\n",
                "\n \t\r\n",
                "\r\n",
                " ",
                "\t",
                "text",
                "<b>",
                "</b>",
                "<br/>",
                "<sup>",
                "</sup>",
                "1",
                "<s>",
                "</s>",
                "<!--",
                "-->",
                "&amp;",
                "&#39;",
                "&",
                ";",
                "<",
                ">",
                "ễ",
            ],
            24,
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]

        /// Passing over the line ends while no bracket is open finds what looking at
        /// every line end found.
        #[test]
        fn markup_passes_over_line_ends_as_looking_at_them_read(t in markup_text()) {
            proptest::prop_assert_eq!(read_markup(&t, true), read_markup(&t, false));
        }
    }

    #[test]
    fn markup_of_the_fixtures_is_read_as_looking_at_every_line_end_read() {
        let mut found = 0;
        for (_, text) in crate::testing::fixture_texts() {
            // The fixtures as they are, and with brackets, links and tags on some of
            // their lines, across their line ends and blank lines.
            let marked: String = text
                .split_inclusive('\n')
                .enumerate()
                .map(|(n, line)| match n % 5 {
                    0 => format!("[{line}"),
                    1 => format!("{line}](https://a.b/c) <b>x</b>"),
                    2 => format!("&amp; [y]({line}"),
                    _ => line.to_string(),
                })
                .collect();
            for text in [text, marked] {
                let want = read_markup(&text, false);
                found += want.len();
                assert_eq!(read_markup(&text, true), want);
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn markup_is_read_in_linear_time() {
        for unit in ["<a ", "<s>", "](/", "[", "<!--", "&#", "<sup>1"] {
            let text = unit.repeat(200_000);
            let found = markup(&text);
            assert!(found.windows(2).all(|w| w[0].end <= w[1].start), "{unit}");
        }
    }

    #[test]
    fn the_colon_look_rules_out_only_lines_without_a_label() {
        let mut lines = crate::testing::fixture_lines();
        for line in [
            "THE PRESIDENT: Thank you.",
            "Q: x",
            ":",
            "A:",
            "PRIME MINISTER PHẠM: x",
            "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ: x",
            "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ: x",
        ] {
            lines.push(line.to_string());
            lines.push(format!("{}{line}", "A".repeat(40)));
        }
        let mut labels = 0;
        for line in &lines {
            let want = label_to_colon(line);
            assert_eq!(speaker_label(line), want, "{line:?}");
            labels += usize::from(want.is_some());
        }
        assert!(labels > 5, "{labels}");
    }

    #[test]
    fn dangling_words_are_read_as_their_lowercased_copies_are() {
        let mut lines = crate::testing::fixture_lines();
        for end in [
            "of", "OF", "Of", "the", "THE", "with", "Within", "\u{212a}", "k", "İn", "ĐẾN", "and'",
            "x of", "x, the", "", " ", "5", "ſo", "SO",
        ] {
            lines.push(end.to_string());
            lines.push(format!("we met {end}"));
        }
        let mut dangling = 0;
        for line in &lines {
            let want = DANGLING
                .binary_search(&last_word(line).to_lowercase().as_str())
                .is_ok();
            assert_eq!(ends_dangling(line), want, "{line:?}");
            dangling += usize::from(want);
        }
        assert!(dangling > 10, "{dangling}");
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
