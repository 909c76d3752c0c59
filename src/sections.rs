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
use crate::scan::{ByteSet, LinePattern, gallop};
use crate::sentences::Sentences;
use memchr::memchr;
use regex::Regex;
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

static CHAPTER: LinePattern = LinePattern::new(
    ByteSet::new(b"cC"), // no other character folds to `c`
    LazyLock::new(|| {
        Regex::new(
            r"(?i)^chapter\s+([IVXLC]+|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b[\s.:-]*(.*)$",
        )
        .expect("valid regex")
    }),
);
/// A roman-numbered part; its title runs from group 2 to the end of the line.
static PART: LinePattern = LinePattern::new(
    ByteSet::new(b"-IVXLC\xE2"), // `\xE2` opens `•`
    LazyLock::new(|| Regex::new(r"^(?:[-•]\s+)?([IVXLC]{1,7})\.\s+(\S)").expect("valid regex")),
);
static ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$|^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$")
        .expect("valid regex")
});
/// A numbered item; its text runs from group 2 to the end of the line.
static ITEM: LinePattern = LinePattern::new(
    // `\d` is any decimal digit, also beyond ASCII; `•` too.
    ByteSet::new(b"-0123456789").with_non_ascii(),
    LazyLock::new(|| Regex::new(r"^(?:[-•]\s+)?(\d{1,2})\.\s+(\S)").expect("valid regex")),
);
/// A lettered item; its text runs from group 2 to the end of the line.
static LETTERED: LinePattern = LinePattern::new(
    ByteSet::new(b"abcdefghijklmnopqrstuvwxyz"),
    LazyLock::new(|| Regex::new(r"^([a-z])\)\s+(\S)").expect("valid regex")),
);
static FRONT: LinePattern = LinePattern::new(
    ByteSet::new(b"TCFPIEGLA"),
    LazyLock::new(|| {
        Regex::new(
            r"^(?:TABLE OF CONTENTS|CONTENTS|FOREWORDS?|PREFACE|INTRODUCTION|EXECUTIVE SUMMARY|GLOSSARY(?: OF (?:ACRONYMS|TERMS|ABBREVIATIONS))?|(?:LIST OF )?(?:ACRONYMS|ABBREVIATIONS)(?: AND (?:ACRONYMS|ABBREVIATIONS))?|ACKNOWLEDG(?:E)?MENTS?)$",
        )
        .expect("valid regex")
    }),
);
/// The word opening a back-matter heading ([`is_back_matter`]).
static BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:APPENDIX|APPENDICES|ANNEX|ANNEXES|INDEX|REFERENCES|BIBLIOGRAPHY|ENDNOTES)\b")
        .expect("valid regex")
});

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
static LABEL: LinePattern = LinePattern::new(
    ByteSet::new(b"-ABCDEFGHIJKLMNOPQRSTUVWXYZ\xE2"),
    LazyLock::new(|| {
        Regex::new(
            r"^(?:[-•]\s+)?([A-Z][\w'.-]*(?:\s+(?:[A-Z(][\w'.()-]*|of|the|and|de|da|du|del|la|le|y|and))*)\s*:\s+\S",
        )
        .expect("valid regex")
    }),
);

/// The label of a [`LABEL`] line: a phrase of at most six words, and at least 30
/// more characters of the line after the paragraph's first (only the label is read).
/// Both are counted here rather than written as bounded repetitions, each of which
/// would compile a Unicode class once per repetition.
fn label_at(t: &str) -> Option<regex::Match<'_>> {
    let c = LABEL.captures(t)?;
    let (whole, label) = (c.get(0)?, c.get(1)?);
    let more = t[whole.end()..]
        .chars()
        .take_while(|&ch| ch != '\n')
        .nth(29);
    (crate::text::at_most_words(label.as_str(), 6) && more.is_some()).then_some(label)
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
                    .captures(t)
                    .is_some_and(|c| ROMAN.is_match(&c[1]) && !terminated(t))
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
            let mut path = s.parent.map(|p| paths[p].clone()).unwrap_or_default();
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
        if all_caps(t) && is_back_matter(t) {
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
        if let Some(c) = PART.captures(t)
            && ROMAN.is_match(&c[1])
            && !terminated(t.trim_end_matches(':'))
            && t.len() <= 250
        {
            let (number, title) = (
                c.get(1).map_or("", |m| m.as_str()),
                c.get(2).map_or("", |m| &t[m.start()..]),
            );
            self.open(2, SectionKind::Part, Some(number), title, range, i);
            return None;
        }
        if let Some(c) = ITEM.captures(t) {
            let number = c.get(1).map_or("", |m| m.as_str());
            let (title, heading) = self.opening(i, c.get(2).map_or(0, |m| m.start()));
            self.open(3, SectionKind::Item, Some(number), &title, heading, i);
            return None;
        }
        if let Some(c) = LETTERED.captures(t) {
            let number = c.get(1).map_or("", |m| m.as_str());
            let body_at = base + c.get(2).map_or(0, |m| m.start());
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
        let first_word = label.as_str().split_whitespace().next().unwrap_or("");
        if NOT_LABELS.contains(&first_word) {
            return None;
        }
        Some((
            label.as_str().to_string(),
            range.start + label.start()..range.start + label.end(),
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

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
            prop_assert_eq!(label_at(&t).map(|m| m.range()), bounded);
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
