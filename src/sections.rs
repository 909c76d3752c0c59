//! The section tree, and the section path of any position.
//!
//! Takes: the [`View`] (its lines and emphasis) and the [`Sentences`] (for headings
//! that are the opening sentence of a paragraph). Gives: [`Sections`]: one
//! [`Section`] per heading, with its level, number as written, title and heading
//! range, and for every line of the view the innermost section it sits in.
//!
//! Levels: 1 title page, front matter (table of contents, foreword, glossary), chapter
//! (`CHAPTER ONE`, `CHAPTER V`, title on the same or the following line), back matter
//! and the publisher's colophon, or an article's headline; 2 roman-numbered part
//! (`I.`), an article's cross-head or a Q&A question; 3 numbered item (`1.`); 4
//! lettered item (`a)`) or a topic paragraph opening with a country or topic
//! (`Brunei:`, `- *Australia:*`, `- The relations *with Japan* ...`). The rules read
//! the shape of lines, never line numbers: a document is a *report* when it has
//! chapters or roman-numbered parts, otherwise an *article* (headline, cross-heads,
//! questions).

use crate::repair::{LineKind, View, all_caps, terminated};
use crate::scan::{ByteSet, gallop};
use crate::sentences::Sentences;
use memchr::memchr;
use regex::{Captures, Regex};
use std::cell::Cell;
use std::ops::Range;
use std::sync::LazyLock;

/// What a section's heading is.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The title page of a report.
    TitlePage,
    /// A front-matter block: table of contents, foreword, glossary.
    FrontMatter,
    /// A chapter.
    Chapter,
    /// A roman-numbered part of a chapter.
    Part,
    /// A numbered item.
    Item,
    /// A lettered item.
    LetteredItem,
    /// A paragraph opening with a country or topic.
    Topic,
    /// Back matter: annexes, references, the publisher's colophon.
    BackMatter,
    /// An article's headline.
    Headline,
    /// An article's cross-head.
    CrossHead,
    /// A question of a question-and-answer article.
    Question,
}

/// One section: a heading and what follows it up to the next heading of its level or
/// above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// 1 to 4, see the module docs.
    pub level: u8,
    /// What the heading is.
    pub kind: SectionKind,
    /// The number as written (`ONE`, `V`, `II`, `3`, `b`), if any.
    pub number: Option<String>,
    /// The heading's cleaned text.
    pub title: String,
    /// The heading's range in the view.
    pub heading: Range<usize>,
    /// The enclosing section.
    pub parent: Option<usize>,
    /// The index of the view line holding the heading.
    pub line: usize,
}

/// The section tree of a document.
#[derive(Clone, Debug, Default)]
pub struct Sections {
    sections: Vec<Section>,
    paths: Vec<Vec<String>>,
    line_section: Vec<Option<usize>>,
}

impl Sections {
    /// The sections in view order.
    pub fn all(&self) -> &[Section] {
        &self.sections
    }

    /// The titles from the root down to section `id`.
    pub fn path(&self, id: usize) -> &[String] {
        &self.paths[id]
    }

    /// The innermost section holding view line `line`.
    pub fn of_line(&self, line: usize) -> Option<usize> {
        self.line_section.get(line).copied().flatten()
    }

    /// The innermost section holding view line `line`, and its enclosing sections,
    /// innermost first.
    pub fn ancestry(&self, line: usize) -> impl Iterator<Item = &Section> {
        std::iter::successors(self.of_line(line), |&id| self.sections[id].parent)
            .map(|id| &self.sections[id])
    }

    /// Builds the tree of `view`.
    pub fn build(view: &View, sentences: &Sentences) -> Sections {
        Builder::new(view, sentences).run()
    }
}

// The line patterns are anchored at the start of a line and tried only on lines whose
// first byte could open a match (see `LinePattern`). A view line holds no line end, so
// a pattern ending in `(\S.*)$` would always run on to the end of the line: the
// patterns stop at the `\S`, and the rest of the line is taken from where it starts.

/// A heading pattern: an expression anchored at the start of a line, the bytes a line
/// it matches can open with (as a [`LinePattern`](crate::scan::LinePattern) has them),
/// and a look at the first bytes of a line that rules out, before the expression
/// runs, most lines it cannot match: a body line opens with a word, where a chapter
/// opens with `CHAPTER`, a part or item with its number and a period.
struct Heading {
    /// Whether the line could open a match: false only where the pattern cannot match.
    look: fn(&[u8]) -> bool,
    opens: ByteSet,
    regex: LazyLock<Regex>,
    /// How a numbered heading's number is written, for [`Heading::numbered`].
    number: Option<Number>,
}

impl Heading {
    /// Whether the line could match, by its first bytes (an empty line always could).
    fn may_match(&self, line: &str) -> bool {
        let b = line.as_bytes();
        b.first().is_none_or(|&c| self.opens.contains(c)) && (self.look)(b)
    }

    /// Whether the pattern matches `line`.
    fn is_match(&self, line: &str) -> bool {
        self.may_match(line) && self.regex.is_match(line)
    }

    /// The pattern's match in `line`.
    fn find<'h>(&self, line: &'h str) -> Option<regex::Match<'h>> {
        if self.may_match(line) {
            self.regex.find(line)
        } else {
            None
        }
    }

    /// The pattern's groups in `line`, if it matches.
    fn captures<'h>(&self, line: &'h str) -> Option<Captures<'h>> {
        if self.may_match(line) {
            self.regex.captures(line)
        } else {
            None
        }
    }

    /// For a pattern `(?:[-•]\s+)?(number)[.)]\s+(\S)` ([`PART`], [`ITEM`],
    /// [`LETTERED`]), the number and where the text after it starts, if the pattern
    /// matches `line`. A number in ASCII is read by hand ([`Number::read`]); any other
    /// is read off the match, not found by the slower search for groups: the number
    /// runs from past the bullet and its spaces (no number opens with either) to the
    /// first period or bracket (no number holds one), and the text starts at the last
    /// character matched.
    fn numbered<'h>(&self, line: &'h str) -> Option<(&'h str, usize)> {
        if !self.may_match(line) {
            return None;
        }
        if let Some(read) = self.number.as_ref().and_then(|n| n.read(line)) {
            return read;
        }
        let end = self.regex.find(line)?.end();
        let text = line[..end].char_indices().next_back()?.0;
        let rest = after_bullet_spaces(line);
        Some((&rest[..rest.find(['.', ')'])?], text))
    }
}

/// How a numbered heading pattern writes its number, for [`Heading::numbered`] to
/// read a line whose number is ASCII by hand, without the expression.
struct Number {
    /// Whether a bullet and whitespace may stand before it (`(?:[-•]\s+)?`).
    bullet: bool,
    /// Its digits, and how many at most.
    digit: fn(&u8) -> bool,
    most: usize,
    /// The byte after it: `.` or `)`.
    close: u8,
}

impl Number {
    /// The number of `line` and where the text after it starts, as the pattern reads
    /// them (`Some(None)`: the pattern does not match); `None` when a character
    /// beyond ASCII stands where the number or the byte after it is (`\d` is any
    /// decimal digit), for the expression to read.
    fn read<'h>(&self, line: &'h str) -> Option<Option<(&'h str, usize)>> {
        let mut at = 0;
        if self.bullet
            && let Some(rest) = line.strip_prefix(['-', '•'])
        {
            let spaced = rest.trim_start();
            if spaced.len() == rest.len() {
                // No space after the bullet: the number would have to open the line,
                // where the bullet stands.
                return Some(None);
            }
            at = line.len() - spaced.len();
        }
        let b = line.as_bytes();
        let n = b[at..].iter().take_while(|c| (self.digit)(c)).count();
        match b.get(at + n) {
            Some(c) if !c.is_ascii() => return None,
            Some(&c) if c == self.close && (1..=self.most).contains(&n) => {}
            _ => return Some(None),
        }
        // `\s+`, then the text's first character (`\S`).
        let gap = &line[at + n + 1..];
        let text = gap.trim_start();
        if text.len() == gap.len() || text.is_empty() {
            return Some(None);
        }
        Some(Some((&line[at..at + n], line.len() - text.len())))
    }
}

/// `line` past an opening bullet (`-`, `•`) and the whitespace after it, when the line
/// opens with one: where a heading pattern that matched it reads its number or label.
fn after_bullet_spaces(line: &str) -> &str {
    line.strip_prefix(['-', '•']).map_or(line, str::trim_start)
}

/// The look of a pattern that has none: its first byte is all there is to look at.
fn no_look(_: &[u8]) -> bool {
    true
}

/// Whether `b` is an ASCII byte that `\s` matches.
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The line `b` past the bullet that the numbered heading patterns allow before the
/// number (`-` or `•`, then whitespace), or the whole line when it opens with none.
/// `None` when the bytes do not settle it: a character beyond ASCII after the bullet's
/// spaces (a wide space, which `\s` matches too); the expression is left to decide.
fn after_bullet(b: &[u8]) -> Option<&[u8]> {
    let Some(rest) = b
        .strip_prefix(b"-")
        .or_else(|| b.strip_prefix("•".as_bytes()))
    else {
        return Some(b);
    };
    let spaces = rest.iter().take_while(|&&c| ascii_space(c)).count();
    match rest.get(spaces) {
        Some(c) if !c.is_ascii() => None,
        // No space after it: the bullet is no bullet, and the number must open the
        // line, where the bullet stands.
        _ if spaces == 0 => Some(b),
        _ => Some(&rest[spaces..]),
    }
}

/// The look of [`CHAPTER`]: the word `chapter`, in any case (no character beyond
/// ASCII folds to one of its letters).
fn opens_chapter(b: &[u8]) -> bool {
    b.get(..7)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"chapter"))
}

/// The look of [`PART`]: a run of roman digits, then a period.
fn opens_part(b: &[u8]) -> bool {
    after_bullet(b).is_none_or(|r| {
        let n = r.iter().take_while(|c| b"IVXLC".contains(c)).count();
        n > 0 && r.get(n) == Some(&b'.')
    })
}

/// The look of [`ITEM`]: a digit, then digits and a period; a character beyond ASCII
/// where a digit may stand is left to the expression (`\d` is any decimal digit).
fn opens_item(b: &[u8]) -> bool {
    after_bullet(b).is_none_or(|r| match r.first() {
        Some(c) if c.is_ascii_digit() => {
            let n = r.iter().take_while(|c| c.is_ascii_digit()).count();
            r.get(n).is_some_and(|&c| c == b'.' || !c.is_ascii())
        }
        Some(c) => !c.is_ascii(),
        None => false,
    })
}

/// The look of [`LETTERED`]: a lower-case ASCII letter, then `)`.
fn opens_lettered(b: &[u8]) -> bool {
    b.len() >= 2 && b[0].is_ascii_lowercase() && b[1] == b')'
}

/// The look of [`FRONT`]: every heading of it opens with two capitals.
fn opens_front(b: &[u8]) -> bool {
    b.get(1).is_some_and(u8::is_ascii_uppercase)
}

static CHAPTER: Heading = Heading {
    look: opens_chapter,
    opens: ByteSet::new(b"cC"), // no other character folds to `c`
    regex: LazyLock::new(|| {
        Regex::new(
            // Roman numerals in capitals only: folded, `[IVXLC]+` would read `civil`.
            r"^(?i:chapter)\s+([IVXLC]+|\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))\b[\s.:-]*(.*)$",
        )
        .expect("valid regex")
    }),
    number: None,
};
/// A roman-numbered part; its title runs from group 2 to the end of the line.
static PART: Heading = Heading {
    look: opens_part,
    opens: ByteSet::new(b"-IVXLC\xE2"), // `\xE2` opens `•`
    regex: LazyLock::new(|| {
        Regex::new(r"^(?:[-•]\s+)?([IVXLC]{1,7})\.\s+(\S)").expect("valid regex")
    }),
    number: Some(Number {
        bullet: true,
        digit: |c| b"IVXLC".contains(c),
        most: 7,
        close: b'.',
    }),
};
static ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$|^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$")
        .expect("valid regex")
});
/// A numbered item; its text runs from group 2 to the end of the line.
static ITEM: Heading = Heading {
    look: opens_item,
    // `\d` is any decimal digit, also beyond ASCII; `•` too.
    opens: ByteSet::new(b"-0123456789").with_non_ascii(),
    regex: LazyLock::new(|| Regex::new(r"^(?:[-•]\s+)?(\d{1,2})\.\s+(\S)").expect("valid regex")),
    number: Some(Number {
        bullet: true,
        digit: u8::is_ascii_digit,
        most: 2,
        close: b'.',
    }),
};
/// A lettered item; its text runs from group 2 to the end of the line.
static LETTERED: Heading = Heading {
    look: opens_lettered,
    opens: ByteSet::new(b"abcdefghijklmnopqrstuvwxyz"),
    regex: LazyLock::new(|| Regex::new(r"^([a-z])\)\s+(\S)").expect("valid regex")),
    number: Some(Number {
        bullet: false,
        digit: u8::is_ascii_lowercase,
        most: 1,
        close: b')',
    }),
};
static FRONT: Heading = Heading {
    look: opens_front,
    opens: ByteSet::new(b"TCFPIEGLA"),
    regex: LazyLock::new(|| {
        Regex::new(
            r"^(?:TABLE OF CONTENTS|CONTENTS|FOREWORDS?|PREFACE|INTRODUCTION|EXECUTIVE SUMMARY|GLOSSARY(?: OF (?:ACRONYMS|TERMS|ABBREVIATIONS))?|(?:LIST OF )?(?:ACRONYMS|ABBREVIATIONS)(?: AND (?:ACRONYMS|ABBREVIATIONS))?|ACKNOWLEDG(?:E)?MENTS?)$",
        )
        .expect("valid regex")
    }),
    number: None,
};
/// The word opening a back-matter heading ([`is_back_matter`]).
static BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:APPENDIX|APPENDICES|ANNEX|ANNEXES|INDEX|REFERENCES|BIBLIOGRAPHY|ENDNOTES)\b")
        .expect("valid regex")
});

/// The first bytes of the words of [`BACK`]: a line opening with none of them is ruled
/// out before its letters are read.
const BACK_OPENS: &[u8] = b"ABEIR";

/// Whether `b` could open a back-matter heading: it opens with the first byte of one of
/// the words of [`BACK`] (which is case-sensitive).
fn opens_back(b: &[u8]) -> bool {
    b.first().is_some_and(|c| BACK_OPENS.contains(c))
}

/// Whether `t` is a back-matter heading: its word, then at most 80 characters to the
/// end of the line. (Counted here: a bounded repetition of `.` in the expression
/// compiles the Unicode automaton of a character once per repetition.)
fn is_back_matter(t: &str) -> bool {
    BACK.find(t).is_some_and(|m| {
        let rest = &t[m.end()..];
        !rest.contains('\n') && rest.chars().nth(80).is_none()
    })
}
/// A topic label: a short capitalised phrase, a colon, then the paragraph; with
/// [`label_at`], which counts what the expression leaves open.
static LABEL: Heading = Heading {
    look: no_look,
    opens: ByteSet::new(b"-ABCDEFGHIJKLMNOPQRSTUVWXYZ\xE2"),
    regex: LazyLock::new(|| {
        Regex::new(
            r"^(?:[-•]\s+)?([A-Z][\w'.-]*(?:\s+(?:[A-Z(][\w'.()-]*|of|the|and|de|da|du|del|la|le|y|and))*)\s*:\s+\S",
        )
        .expect("valid regex")
    }),
    number: None,
};

/// The label of a [`LABEL`] line (the range of its group 1): a phrase of at most six
/// words, and at least 30 more characters of the line after the paragraph's first
/// (only the label is read). Both are counted here rather than written as bounded
/// repetitions, each of which would compile a Unicode class once per repetition.
///
/// The label is read off the match, not found by the slower search for groups: it
/// runs from past the bullet and its spaces (it opens with a capital) to the spaces
/// before the first colon (it holds no colon, and ends with no space).
fn label_at(t: &str) -> Option<Range<usize>> {
    let whole = LABEL.find(t)?;
    let rest = after_bullet_spaces(t);
    let start = t.len() - rest.len();
    let label = rest[..rest.find(':')?].trim_end();
    let more = t[whole.end()..]
        .chars()
        .take_while(|&ch| ch != '\n')
        .nth(29);
    (crate::text::at_most_words(label, 6) && more.is_some()).then_some(start..start + label.len())
}
/// First words that make a `Word ...:` opening a clause, not a topic label.
const NOT_LABELS: &[&str] = &[
    "Within",
    "With",
    "In",
    "On",
    "At",
    "Regarding",
    "As",
    "For",
    "From",
    "By",
    "To",
    "Note",
    "Notably",
    "Source",
    "Photo",
    "Tel",
    "Fax",
    "Email",
    "E-mail",
    "Address",
    "Website",
    "Editor",
    "Designer",
    "Headquarter",
    "Branch",
    "ISBN",
    "However",
    "Moreover",
    "Accordingly",
    "Additionally",
    "Particularly",
    "Specifically",
    "Namely",
    "Example",
    "Examples",
    "Q",
    "A",
    "Question",
    "Answer",
    "Date",
    "Time",
    "Subject",
];
static COLOPHON_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:ISBN|publishers?|publication|printing|printed|tel|fax|e-?mail|website|copyright)\b|©")
        .expect("valid regex")
});

/// A search for the partition point of a sorted list (where a predicate true on a
/// prefix of it turns false), for questions asked mostly in increasing order, as the
/// lines are read: it gallops on from the last answer, instead of a binary search
/// over the whole list that, on a long document, fetches most of its steps from
/// memory. A question asked out of order gets a binary search over what lies before.
#[derive(Default)]
struct Cursor(Cell<usize>);

impl Cursor {
    fn partition_point<T>(&self, items: &[T], before: impl Fn(&T) -> bool) -> usize {
        let lo = self.0.get().min(items.len());
        let answer = if lo > 0 && !before(&items[lo - 1]) {
            items[..lo].partition_point(&before)
        } else {
            // `before` holds on all of `items[..lo]`.
            gallop(items, lo, &before)
        };
        self.0.set(answer);
        answer
    }
}

struct Builder<'a> {
    view: &'a View,
    sentences: &'a Sentences,
    sections: Vec<Section>,
    stack: Vec<usize>,
    line_section: Vec<Option<usize>>,
    /// Where the last search of the sentences, and of the emphasis, ended.
    sentence_cursor: Cursor,
    emphasis_cursor: Cursor,
}

impl<'a> Builder<'a> {
    fn new(view: &'a View, sentences: &'a Sentences) -> Self {
        Builder {
            view,
            sentences,
            sections: Vec::new(),
            stack: Vec::new(),
            line_section: vec![None; view.lines().len()],
            sentence_cursor: Cursor::default(),
            emphasis_cursor: Cursor::default(),
        }
    }

    /// The sentence holding view byte `pos`, as [`Sentences::at`] finds it.
    fn sentence_at(&self, pos: usize) -> Option<Range<usize>> {
        let ranges = self.sentences.ranges();
        let i = self
            .sentence_cursor
            .partition_point(ranges, |r| r.end <= pos);
        ranges.get(i).filter(|r| r.start <= pos).cloned()
    }

    /// The index of the first emphasised range starting at or after view byte `pos`.
    fn first_emphasis_from(&self, pos: usize) -> usize {
        self.emphasis_cursor
            .partition_point(self.view.emphasis(), |r| r.start < pos)
    }

    fn line(&self, i: usize) -> &'a str {
        &self.view.text()[self.view.lines()[i].range.clone()]
    }

    fn open(
        &mut self,
        level: u8,
        kind: SectionKind,
        number: Option<&str>,
        title: &str,
        heading: Range<usize>,
        line: usize,
    ) {
        while self
            .stack
            .last()
            .is_some_and(|&top| self.sections[top].level >= level)
        {
            self.stack.pop();
        }
        let id = self.sections.len();
        self.sections.push(Section {
            level,
            kind,
            number: number.map(str::to_string),
            title: clean_title(title),
            heading,
            parent: self.stack.last().copied(),
            line,
        });
        self.stack.push(id);
    }

    fn run(mut self) -> Sections {
        let lines = self.view.lines();
        let body: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].kind == LineKind::Body)
            .collect();
        let report = body.iter().any(|&i| {
            let t = self.line(i);
            CHAPTER.is_match(t)
                || PART
                    .numbered(t)
                    .is_some_and(|(number, _)| ROMAN.is_match(number) && !terminated(t))
        });
        let colophon = self.colophon_start();
        let title_page = report && self.opens_with_title_page();
        let mut headline_done = false;
        let mut prose_seen = false;
        let mut consumed: Option<usize> = None;
        for (i, line) in lines.iter().enumerate() {
            let t = self.line(i);
            let range = line.range.clone();
            if consumed == Some(i) {
                self.line_section[i] = self.stack.last().copied();
                continue;
            }
            if colophon == Some(i) {
                self.stack.clear();
                self.open(1, SectionKind::BackMatter, None, "Colophon", range, i);
            } else if colophon.is_some_and(|c| i > c) {
                // Inside the colophon: no headings.
            } else if title_page && i == 0 {
                self.open(1, SectionKind::TitlePage, None, "Title page", range, i);
            } else if line.kind == LineKind::FrontMatter {
                // Metadata: no headings.
            } else if line.kind == LineKind::Toc {
                if self.sections.last().is_none_or(|s| {
                    s.kind != SectionKind::FrontMatter || !s.title.contains("CONTENTS")
                }) {
                    self.open(1, SectionKind::FrontMatter, None, t, range, i);
                }
            } else if line.kind == LineKind::Body {
                consumed = self.heading(i, t, report, &mut headline_done, prose_seen);
                if t.len() >= 200 {
                    prose_seen = true;
                }
            }
            self.line_section[i] = self.stack.last().copied();
        }
        let mut paths: Vec<Vec<String>> = Vec::with_capacity(self.sections.len());
        for s in &self.sections {
            // The parent's path and the title, made at its length: a copy of the
            // parent's path alone would be made again to take the title.
            let parent: &[String] = s.parent.map_or(&[], |p| &paths[p]);
            let mut path = Vec::with_capacity(parent.len() + 1);
            path.extend_from_slice(parent);
            path.push(s.title.clone());
            paths.push(path);
        }
        Sections {
            sections: self.sections,
            paths,
            line_section: self.line_section,
        }
    }

    /// Opens the section that body line `i` heads, if it heads one. Returns the index
    /// of a following line the heading took in (a chapter's title line).
    fn heading(
        &mut self,
        i: usize,
        t: &str,
        report: bool,
        headline_done: &mut bool,
        prose_seen: bool,
    ) -> Option<usize> {
        let range = self.view.lines()[i].range.clone();
        let base = range.start;
        if FRONT.is_match(t) {
            self.stack.clear();
            self.open(1, SectionKind::FrontMatter, None, t, range, i);
            return None;
        }
        if opens_back(t.as_bytes()) && all_caps(t) && is_back_matter(t) {
            self.stack.clear();
            self.open(1, SectionKind::BackMatter, None, t, range, i);
            return None;
        }
        if let Some(c) = CHAPTER.captures(t) {
            let number = c.get(1).map_or("", |m| m.as_str());
            let rest = c.get(2).map_or("", |m| m.as_str()).trim();
            self.stack.clear();
            if !rest.is_empty() {
                self.open(1, SectionKind::Chapter, Some(number), rest, range, i);
                return None;
            }
            // The title is on the following line, when that line is a title.
            let next = i + 1;
            let title_line = self.view.lines().get(next).filter(|l| {
                let nt = &self.view.text()[l.range.clone()];
                l.kind == LineKind::Body && all_caps(nt) && nt.len() <= 300
            });
            return match title_line {
                Some(l) => {
                    let title = self.view.text()[l.range.clone()].to_string();
                    self.open(
                        1,
                        SectionKind::Chapter,
                        Some(number),
                        &title,
                        range.start..l.range.end,
                        i,
                    );
                    Some(next)
                }
                None => {
                    self.open(1, SectionKind::Chapter, Some(number), t, range, i);
                    None
                }
            };
        }
        if let Some((number, at)) = PART.numbered(t)
            && ROMAN.is_match(number)
            && !terminated(t.trim_end_matches(':'))
            && t.len() <= 250
        {
            self.open(2, SectionKind::Part, Some(number), &t[at..], range, i);
            return None;
        }
        if let Some((number, at)) = ITEM.numbered(t) {
            let (title, heading) = self.opening(i, at);
            self.open(3, SectionKind::Item, Some(number), &title, heading, i);
            return None;
        }
        if let Some((number, at)) = LETTERED.numbered(t) {
            let body_at = base + at;
            let (title, heading) = match self.emphasis_from(body_at, range.end) {
                Some(e) => (self.view.text()[e.clone()].to_string(), range.start..e.end),
                None => self.opening(i, body_at - base),
            };
            self.open(
                4,
                SectionKind::LetteredItem,
                Some(number),
                &title,
                heading,
                i,
            );
            return None;
        }
        if let Some((title, heading)) = self.topic(i, t) {
            self.open(4, SectionKind::Topic, None, &title, heading, i);
            return None;
        }
        if report {
            return None;
        }
        // An article: headline, questions, cross-heads.
        if !*headline_done {
            *headline_done = true;
            if t.len() <= 250 && !t.ends_with('.') {
                self.open(1, SectionKind::Headline, None, t, range, i);
            }
            return None;
        }
        if t.ends_with('?') && t.len() <= 400 {
            self.open(2, SectionKind::Question, None, t, range, i);
            return None;
        }
        if prose_seen && self.cross_head(i, t) {
            self.open(2, SectionKind::CrossHead, None, t, range, i);
        }
        None
    }

    /// The title and heading range of an item whose text starts at byte `at` of line
    /// `i`: the whole line when it is a heading, else its opening sentence.
    fn opening(&self, i: usize, at: usize) -> (String, Range<usize>) {
        let range = self.view.lines()[i].range.clone();
        let t = self.line(i);
        // The opening sentence, when it ends inside the line and after the item's text
        // starts (a sentence cut at `0.` may end before it).
        let first = self
            .sentence_at(range.start)
            .filter(|s| s.end < range.end && s.end >= range.start + at);
        match first {
            Some(s) => (self.view.text()[range.start + at..s.end].to_string(), s),
            None => (t[at..].to_string(), range),
        }
    }

    /// An emphasised range starting at `at` (allowing for spaces) and ending by `end`.
    fn emphasis_from(&self, at: usize, end: usize) -> Option<Range<usize>> {
        let e = self.view.emphasis();
        let i = self.first_emphasis_from(at);
        e.get(i).filter(|r| r.start == at && r.end <= end).cloned()
    }

    /// A topic paragraph: `Brunei: ...`, `- *Australia:* ...`, `- The relations *with
    /// Japan* ...`, `Relations with *the Communist Party of China* ...`.
    fn topic(&self, i: usize, t: &str) -> Option<(String, Range<usize>)> {
        let range = self.view.lines()[i].range.clone();
        // An emphasised phrase within the first four words.
        let e = self.view.emphasis();
        let first = self.first_emphasis_from(range.start);
        if let Some(r) = e.get(first).filter(|r| r.end <= range.end) {
            let before = &self.view.text()[range.start..r.start];
            let before = before
                .strip_prefix("- ")
                .or_else(|| before.strip_prefix("• "))
                .unwrap_or(before);
            // Counted up to 11: only "at most 4" and "at most 10" matter.
            let words = before.split_whitespace().take(11).count();
            let phrase = &self.view.text()[r.clone()];
            // "Relations with *X*", or a longer lead that ends in "with": "The special
            // friendship and close bond and great solidarity with *the Communist Party of
            // Cuba* ...".
            let lead_ok = words <= 4 || (words <= 10 && before.trim_end().ends_with(" with"));
            if lead_ok && phrase.len() <= 100 && !before.contains([',', '.', ';', ':']) {
                let lead = phrase.len() - phrase.trim_start().len();
                let trimmed = phrase
                    .trim()
                    .trim_end_matches([':', ',', '.', ';'])
                    .trim_end();
                let (skip, title) = match trimmed
                    .strip_prefix("with ")
                    .or_else(|| trimmed.strip_prefix("With "))
                {
                    Some(rest) => (trimmed.len() - rest.len(), rest),
                    None => (0, trimmed),
                };
                let names_something = title.starts_with(char::is_uppercase)
                    || title.starts_with("the ")
                    || title.starts_with("other ");
                if names_something {
                    let start = r.start + lead + skip;
                    return Some((title.to_string(), start..start + title.len()));
                }
            }
        }
        // A label ends with a colon; most lines have none.
        memchr(b':', t.as_bytes())?;
        let label = label_at(t)?;
        let first_word = t[label.clone()].split_whitespace().next().unwrap_or("");
        if NOT_LABELS.contains(&first_word) {
            return None;
        }
        Some((
            t[label.clone()].to_string(),
            range.start + label.start..range.start + label.end,
        ))
    }

    /// An article's cross-head: a short unpunctuated line between paragraphs.
    /// The cheap looks come first: most lines are paragraphs, longer than a cross-head.
    fn cross_head(&self, i: usize, t: &str) -> bool {
        let words = || {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
        };
        let next_is_prose = || {
            self.view.lines()[i + 1..]
                .iter()
                .find(|l| l.kind == LineKind::Body)
                .is_some_and(|l| l.range.len() >= 150)
        };
        t.len() <= 150
            && t.starts_with(char::is_uppercase)
            && !terminated(t)
            && !t.contains([',', ';', ':', '|'])
            && (3..=20).contains(&words())
            && next_is_prose()
    }

    /// Whether the report opens with a title page: a short line in capitals.
    fn opens_with_title_page(&self) -> bool {
        self.view.lines().first().is_some_and(|first| {
            let t = &self.view.text()[first.range.clone()];
            first.kind == LineKind::Body
                && all_caps(t)
                && t.len() <= 80
                && !CHAPTER.is_match(t)
                && !FRONT.is_match(t)
        })
    }

    /// The first line of the publisher's colophon: the trailing run of short lines,
    /// when it holds publishing details (ISBN, publisher, printing, telephone, e-mail).
    fn colophon_start(&self) -> Option<usize> {
        let lines = self.view.lines();
        let mut start = None;
        let mut marks = 0;
        for i in (0..lines.len()).rev() {
            let t = self.line(i);
            if lines[i].kind == LineKind::Body
                && (t.len() > 120 || !crate::text::at_most_words(t, 16))
            {
                break;
            }
            if lines[i].kind == LineKind::Body {
                start = Some(i);
                marks += usize::from(COLOPHON_MARK.is_match(t));
            }
        }
        start.filter(|_| marks >= 2)
    }
}

/// A heading's text as a title: trailing colon and spaces removed.
fn clean_title(t: &str) -> String {
    let t = t.trim().trim_end_matches([':', ' ']).trim_end();
    let t = t
        .strip_suffix('.')
        .filter(|s| !s.ends_with(char::is_uppercase) || s.len() > 3)
        .unwrap_or(t);
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Heading-like lines: words, spaces, colons, back-matter words, characters of
    /// several bytes, and runs long enough to cross the counted bounds.
    fn heading_text() -> impl Strategy<Value = String> {
        crate::scan::texts_of(
            &[
                "ANNEX",
                "ANNEXES",
                "INDEX",
                "A",
                "Trade",
                "of",
                "the",
                "(EU)",
                "Việt",
                "x",
                " ",
                " ",
                "  ",
                ":",
                ": ",
                "- ",
                "• ",
                "\n",
                "ABCDEFGHIJ",
                "abcdefghij ",
                "ễễễễễ",
                "0123456789",
            ],
            30,
        )
    }

    /// Label lines: an optional bullet, zero to nine label words, a colon, and a
    /// paragraph of some length.
    fn label_text() -> impl Strategy<Value = String> {
        (
            prop::sample::select(vec!["", "- ", "• "]),
            prop::collection::vec(
                prop::sample::select(vec!["Trade", "of", "the", "(EU)", "Việt", "ASEAN", "x"]),
                0..10,
            ),
            prop::sample::select(vec![":", ": ", " : ", ":  "]),
            prop::sample::select(vec!["", "a", "ễ"]),
            0..40usize,
        )
            .prop_map(|(bullet, words, colon, c, n)| {
                format!("{bullet}{}{colon}{}", words.join(" "), c.repeat(n))
            })
    }

    /// Lines that open like headings and like body text: bullets, spaces (wide ones
    /// too), roman and decimal digits (beyond ASCII too), periods, the heading words.
    fn opening_text() -> impl Strategy<Value = String> {
        crate::scan::texts_of(
            &[
                "-",
                "•",
                " ",
                "\t",
                "\u{a0}",
                "\u{2003}",
                "I",
                "V",
                "X",
                "C",
                "L",
                "IV",
                ".",
                ")",
                "1",
                "12",
                "\u{663}",
                "\u{ff11}",
                "a",
                "x",
                "chapter",
                "CHAPTER",
                "Chapter",
                "ONE",
                "two",
                "TABLE OF CONTENTS",
                "CONTENTS",
                "PREFACE",
                "Trade",
                "ſ",
                "ễ",
                ":",
            ],
            8,
        )
    }

    /// The heading patterns, each with its look and without it.
    fn headings() -> [(&'static str, &'static Heading); 5] {
        [
            ("chapter", &CHAPTER),
            ("part", &PART),
            ("item", &ITEM),
            ("lettered", &LETTERED),
            ("front", &FRONT),
        ]
    }

    #[test]
    fn heading_looks_rule_out_only_lines_the_patterns_do_not_match() {
        let mut lines = crate::testing::fixture_lines();
        for (_, text) in crate::testing::fixture_texts() {
            let doc = crate::Document::from_bytes("t", text.into_bytes()).unwrap();
            let view = View::build(&doc, crate::repair::CaptionRules::embedded());
            lines.extend(
                view.lines()
                    .iter()
                    .map(|l| view.text()[l.range.clone()].to_string()),
            );
        }
        let mut matched = [0; 5];
        for line in &lines {
            for (n, (name, h)) in headings().into_iter().enumerate() {
                let want = h.regex.is_match(line);
                assert_eq!(h.is_match(line), want, "{name}: {line:?}");
                assert_eq!(h.captures(line).is_some(), want, "{name}: {line:?}");
                assert_eq!(h.find(line).is_some(), want, "{name}: {line:?}");
                matched[n] += usize::from(want);
            }
            for h in [&PART, &ITEM, &LETTERED] {
                assert_eq!(h.numbered(line), groups(h, line), "{line:?}");
            }
        }
        assert!(matched.iter().all(|&n| n > 0), "{matched:?}");
    }

    /// What [`Heading::numbered`] reads off the match, as the expression's groups give
    /// it: group 1, and where group 2 starts.
    fn groups<'h>(h: &Heading, line: &'h str) -> Option<(&'h str, usize)> {
        let c = h.regex.captures(line)?;
        Some((c.get(1)?.as_str(), c.get(2)?.start()))
    }

    #[test]
    fn back_matter_look_rules_out_only_lines_the_pattern_does_not_match() {
        for word in [
            "APPENDIX",
            "APPENDICES",
            "ANNEX",
            "ANNEXES",
            "INDEX",
            "REFERENCES",
            "BIBLIOGRAPHY",
            "ENDNOTES",
        ] {
            assert!(BACK.is_match(word) && opens_back(word.as_bytes()), "{word}");
        }
        let mut lines = crate::testing::fixture_lines();
        lines.extend(["", "appendix", " ANNEX", "\u{feff}INDEX", "ÉNDNOTES"].map(String::from));
        for line in &lines {
            if BACK.is_match(line) {
                assert!(opens_back(line.as_bytes()), "{line:?}");
            }
        }
    }

    #[test]
    fn a_chapter_is_numbered_by_a_capital_roman_numeral_a_number_or_a_word() {
        let number = |t: &str| CHAPTER.captures(t).map(|c| c[1].to_string());
        assert_eq!(number("CHAPTER IV: ASEAN").as_deref(), Some("IV"));
        assert_eq!(number("Chapter XII The economy").as_deref(), Some("XII"));
        assert_eq!(number("CHAPTER ONE").as_deref(), Some("ONE"));
        assert_eq!(number("Chapter two - Partners").as_deref(), Some("two"));
        assert_eq!(number("chapter 3. Trade").as_deref(), Some("3"));
        // Words made of the numerals' letters are no numerals.
        assert_eq!(number("Chapter civil war"), None);
        assert_eq!(number("CHAPTER Civil society"), None);
    }

    #[test]
    fn no_character_beyond_ascii_folds_to_a_letter_of_chapter() {
        crate::testing::assert_no_char_beyond_ascii_matches("(?i)^[chapter]$");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// A heading's look rules out no line its pattern matches, and the number
        /// and text read off a match are the expression's groups.
        #[test]
        fn heading_looks_agree_with_the_patterns(t in opening_text()) {
            for (name, h) in headings() {
                let want = h.regex.is_match(&t);
                prop_assert_eq!(h.is_match(&t), want, "{}: {:?}", name, t);
            }
            for h in [&PART, &ITEM, &LETTERED] {
                prop_assert_eq!(h.numbered(&t), groups(h, &t), "{:?}", t);
            }
        }

        /// The back-matter and label lines, their bounds counted after the
        /// expression, are those the expressions with the bounds written in them
        /// matched, with the same label.
        #[test]
        fn counted_bounds_match_as_bounded_repetitions_did(
            t in prop_oneof![heading_text(), label_text()]
        ) {
            static BOUNDED: LazyLock<[Regex; 2]> = LazyLock::new(|| [
                Regex::new(r"^(?:APPENDIX|APPENDICES|ANNEX|ANNEXES|INDEX|REFERENCES|BIBLIOGRAPHY|ENDNOTES)\b.{0,80}$").unwrap(),
                Regex::new(r"^(?:[-•]\s+)?([A-Z][\w'.-]*(?:\s+(?:[A-Z(][\w'.()-]*|of|the|and|de|da|du|del|la|le|y|and)){0,5})\s*:\s+\S.{30}").unwrap(),
            ]);
            let [back, label] = &*BOUNDED;
            prop_assert_eq!(is_back_matter(&t), back.is_match(&t));
            let bounded = label.captures(&t).and_then(|c| c.get(1)).map(|m| m.range());
            prop_assert_eq!(label_at(&t), bounded);
        }
    }

    #[test]
    fn the_cursor_finds_what_a_binary_search_finds() {
        let items: Vec<usize> = (0..200).map(|i| i * 3 / 2).collect();
        let cursor = Cursor::default();
        let mut asks: Vec<usize> = (0..320).step_by(7).collect();
        asks.extend([0, 299, 5, 5, 150, 149, 400, 0, 1]);
        for pos in asks {
            let want = items.partition_point(|&x| x < pos);
            assert_eq!(cursor.partition_point(&items, |&x| x < pos), want, "{pos}");
        }
        assert_eq!(
            Cursor::default().partition_point(&[] as &[usize], |_| true),
            0
        );
    }
}
