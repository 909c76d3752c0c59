//! PDF-to-text repair: building the *view* of a document.
//!
//! Takes: a [`Document`]'s decoded text and the caption rules (photo credits). Gives: a
//! [`View`]: the text as its author wrote it, one logical line per paragraph, heading,
//! caption, footnote or table-of-contents entry, with an offset map back to the
//! decoded text (and through the document, to raw bytes). The raw input is never
//! changed; everything here is a property of the view:
//!
//! - paragraphs cut by page breaks are rejoined, also across a photo caption or a
//!   footnote that the PDF placed between the two halves (those follow the joined
//!   paragraph in the view);
//! - photo captions (`... (Hanoi, 19 October 2020) - VNA`, `_Photo: VGP`,
//!   `(Photo: VNA)`, italic caption blocks) become [`LineKind::Caption`] lines;
//! - footnote bodies (`¹ "World Economic Outlook", ...`, `(1) ...`) become
//!   [`LineKind::Footnote`] lines, and footnote markers in the text (`2.91%⁵`,
//!   `2050(2)`) are dropped, so they never glue onto a number;
//! - the table of contents becomes [`LineKind::Toc`] lines;
//! - markdown escapes (`US\$`) and emphasis (`*India*`, `**...**`) are neutralised, the
//!   emphasised ranges kept in [`View::emphasis`]; curly quotes, dashes and odd spaces
//!   are normalised;
//! - HTML that texts converted from web pages keep is markup, not text: tags read as
//!   nothing (`August 2<sup>nd</sup>` reads `August 2nd`) or, where they break the
//!   text (`<br>`, `<p>`), as a space; comments (`<!-- -->`, a line of which is a blank
//!   line), struck text (`<s>2020</s>`) and footnote markers (`<sup>3</sup>`) read as
//!   nothing, entities (`&amp;`) as their character; a Markdown link `[text](https://...)`
//!   reads as its text, its target is no part of the view.

mod text;

use text::{Markup, plain};
pub(crate) use text::{all_caps, speaker_label, terminated};

use crate::document::Document;
use crate::offsets::OffsetMap;
use crate::scan::{Buckets, ByteSet, LinePattern, Marks};
use memchr::{memchr, memchr_iter, memchr2, memchr2_iter};
use regex::Regex;
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

/// What a line of the view is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Body text: a paragraph or a heading.
    Body,
    /// A photo caption.
    Caption,
    /// A footnote body.
    Footnote,
    /// The table of contents (its heading and entries).
    Toc,
    /// A YAML front-matter block opening the input (`---` ... `---`): metadata, not
    /// prose.
    FrontMatter,
}

impl LineKind {
    /// Whether the line is text to read (body, caption, footnote), not a table of
    /// contents or front matter.
    pub fn is_prose(self) -> bool {
        !matches!(self, LineKind::Toc | LineKind::FrontMatter)
    }
}

/// A logical line of the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Its byte range in [`View::text`] (without the line end).
    pub range: Range<usize>,
    /// What it is.
    pub kind: LineKind,
}

/// The repaired text of a document, with its map back to the decoded text.
#[derive(Clone, Debug)]
pub struct View {
    text: String,
    map: OffsetMap,
    lines: Vec<Line>,
    /// Where to look for the line of a position (by line ends).
    line_ends: Buckets,
    /// The line the last [`View::line_at`] found: records are asked for in order, most
    /// in the line of the last or the next.
    near_line: Cell<usize>,
    emphasis: Vec<Range<usize>>,
}

impl View {
    /// The repaired text: logical lines separated by `\n`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The logical lines, in view order.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The ranges that the source emphasised (`*...*`, `**...**`, `_..._`), in order.
    pub fn emphasis(&self) -> &[Range<usize>] {
        &self.emphasis
    }

    /// The range of the decoded text that a view range came from.
    pub fn source_span(&self, range: Range<usize>) -> Range<usize> {
        self.map.span(range)
    }

    /// [`View::source_span`], and whether the source bytes of the span are the view's
    /// own bytes of `range` (it lies in one stretch copied as it is).
    pub(crate) fn source_span_verbatim(&self, range: Range<usize>) -> (Range<usize>, bool) {
        self.map.span_verbatim(range)
    }

    /// The index of the line holding view byte `pos`.
    pub fn line_at(&self, pos: usize) -> usize {
        // The line found last or the next, if it is the first line to end at or after
        // `pos`: the answer the buckets give.
        let last = self.near_line.get();
        for h in [last, last + 1] {
            if let Some(l) = self.lines.get(h)
                && pos <= l.range.end
                && (h == 0 || self.lines[h - 1].range.end < pos)
            {
                self.near_line.set(h);
                return h;
            }
        }
        let h = self
            .line_ends
            .partition_point(&self.lines, pos, |l| l.range.end < pos)
            .min(self.lines.len().saturating_sub(1));
        self.near_line.set(h);
        h
    }
}

/// The longest caption, in bytes of its plain text.
const MAX_CAPTION: usize = 1500;

/// The rules that recognise photo captions, compiled once per set of photo credits.
#[derive(Clone, Debug)]
pub struct CaptionRules {
    /// The forms of a caption's end that need a dash and no "photo": what is left to
    /// try on a block without "photo" in it, most blocks.
    dashed: Regex,
    /// The `Photo: X` form: with `dashed`, all the forms of a caption's end. Compiled
    /// apart, not as one expression of all the forms: that would compile the forms of
    /// `dashed` twice.
    photo: Regex,
    /// The credits, for ruling out a block that cannot end with one before the
    /// patterns run; `None` when a credit holds whitespace other than a space (the
    /// pattern ignores it), which this test does not follow.
    credits: Option<Credits>,
}

/// The photo credits as the caption pattern reads them.
#[derive(Clone, Debug)]
struct Credits {
    /// The last character of each credit (so that only those ending as the text does
    /// are compared with it), in order: those of one character are looked up
    /// together, not each credit compared in turn.
    last: Vec<char>,
    /// The last bytes of the credits, by value: the last byte of a text is enough to
    /// rule out most texts at once.
    last_bytes: [bool; 256],
    /// The last two bytes of the credits, a bit for each pair (the byte before, then
    /// the last): most texts whose last byte ends a credit, as a word's last letter
    /// does, are ruled out by the byte before it. A credit whose last character is
    /// ASCII and follows a space or nothing takes any byte before it.
    last_pairs: Box<[u64; 1024]>,
    /// Each credit, in the same order.
    parts: Vec<Vec<CreditPart>>,
}

impl Credits {
    /// The credits `parts`, whose last characters are `last`.
    fn new(last: Vec<char>, parts: Vec<Vec<CreditPart>>) -> Credits {
        // Sorted by their last characters (which credit matches does not matter, only
        // whether one does).
        let mut both: Vec<(char, Vec<CreditPart>)> = last.into_iter().zip(parts).collect();
        both.sort_by_key(|(c, _)| *c);
        let (last, parts): (Vec<char>, Vec<Vec<CreditPart>>) = both.into_iter().unzip();
        let mut last_bytes = [false; 256];
        let mut buf = [0u8; 4];
        for c in &last {
            if let Some(&b) = c.encode_utf8(&mut buf).as_bytes().last() {
                last_bytes[usize::from(b)] = true;
            }
        }
        let mut last_pairs = Box::new([0u64; 1024]);
        let mut pair = |before: u8, last: u8| {
            let n = usize::from(before) << 8 | usize::from(last);
            last_pairs[n / 64] |= 1 << (n % 64);
        };
        let last_byte = |c: char| *c.encode_utf8(&mut [0u8; 4]).as_bytes().last().unwrap_or(&0);
        for credit in &parts {
            match credit.as_slice() {
                [.., CreditPart::Char(c)] if !c.is_ascii() => {
                    let mut buf = [0u8; 4];
                    let b = c.encode_utf8(&mut buf).as_bytes();
                    pair(b[b.len() - 2], b[b.len() - 1]);
                }
                [.., CreditPart::Char(before), CreditPart::Char(c)] => {
                    pair(last_byte(*before), last_byte(*c));
                }
                [.., CreditPart::Char(c)] => (0..=255).for_each(|b| pair(b, last_byte(*c))),
                // A credit ends with a character; were one not to, any pair would do.
                _ => (0..=255).for_each(|b| (0..=255).for_each(|l| pair(b, l))),
            }
        }
        Credits {
            last,
            last_bytes,
            last_pairs,
            parts,
        }
    }

    /// Whether `text` ends with one of the credits. Its last two bytes, which rule out
    /// most texts, are looked at where this is asked, without a call (left to itself,
    /// the compiler calls it, with the comparison inlined in it).
    #[inline(always)]
    fn end(&self, text: &str) -> bool {
        let could = match text.as_bytes() {
            [.., before, last] => {
                let n = usize::from(*before) << 8 | usize::from(*last);
                self.last_pairs[n / 64] & 1 << (n % 64) != 0
            }
            [last] => self.last_bytes[usize::from(*last)],
            [] => false,
        };
        could && self.end_by_last_char(text)
    }

    /// [`Credits::end`], past the test of the last byte: the credits with the same last
    /// character as `text` are compared with its end.
    #[inline(never)]
    fn end_by_last_char(&self, text: &str) -> bool {
        let Some(last) = text.chars().next_back() else {
            return false;
        };
        let from = self.last.partition_point(|&l| l < last);
        let to = from + self.last[from..].partition_point(|&l| l == last);
        self.parts[from..to]
            .iter()
            .any(|parts| ends_with_credit(text, parts))
    }
}

/// A part of a photo credit, as the caption pattern reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CreditPart {
    /// A character, itself.
    Char(char),
    /// A space: any run of whitespace.
    Space,
}

/// Whether `text` ends with `credit`, as the caption pattern reads it: each space a
/// run of whitespace, one more for each space after it. A credit has no whitespace at
/// either end and none but spaces in it, so each run of spaces in it meets a whole
/// run of whitespace in the text.
fn ends_with_credit(text: &str, credit: &[CreditPart]) -> bool {
    let mut rest = text;
    let mut parts = credit;
    while let Some(&last) = parts.last() {
        match last {
            CreditPart::Char(c) => match rest.chars().next_back() {
                Some(last) if last == c => {
                    rest = &rest[..rest.len() - c.len_utf8()];
                    parts = &parts[..parts.len() - 1];
                }
                _ => return false,
            },
            CreditPart::Space => {
                let spaces = parts
                    .iter()
                    .rev()
                    .take_while(|&&p| p == CreditPart::Space)
                    .count();
                let before = rest.trim_end();
                if rest[before.len()..].chars().count() < spaces {
                    return false;
                }
                rest = before;
                parts = &parts[..parts.len() - spaces];
            }
        }
    }
    true
}

/// Whether `text` could end as `(Hanoi, 4-6 December 2020) - Some Agency` does: a
/// dash, spaces, then one to six words of ASCII letters, `&`, `'` and `.`, each
/// opening with a capital, one whitespace character apart. Read from the end, most
/// text is ruled out by its last word.
fn words_after_dash(text: &str) -> bool {
    // A word's characters are ASCII: it is read back from the end a byte at a time,
    // without decoding characters (a byte that is not ASCII ends it, as its
    // character would).
    let word_byte = |b: &&u8| b.is_ascii_alphabetic() || matches!(b, b'&' | b'\'' | b'.');
    let bytes = text.as_bytes();
    let mut rest = text;
    for _ in 0..6 {
        let end = rest.len();
        let start = end - bytes[..end].iter().rev().take_while(word_byte).count();
        if !(start < end && bytes[start].is_ascii_uppercase()) {
            return false;
        }
        // The word's first byte is ASCII: a character starts there.
        let before = &rest[..start];
        let spaced = before.trim_end();
        if spaced.ends_with('-') {
            return true;
        }
        // Otherwise one whitespace character, and the word before it.
        if before[spaced.len()..].chars().count() != 1 {
            return false;
        }
        rest = spaced;
    }
    false
}

/// Whether `bytes` holds a colon and "photo" in any case (ASCII letters: no other
/// character folds to them), anywhere: a block that does is a caption when it ends in
/// one of the dashed forms, even signed off.
fn mentions_photo(bytes: &[u8]) -> bool {
    memchr(b':', bytes).is_some()
        && memchr2_iter(b'p', b'P', bytes).any(|i| {
            bytes
                .get(i + 1..i + 5)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"hoto"))
        })
}

/// Whether "photo" in any case, then perhaps whitespace, stands before one of the
/// colons of `bytes`, as the `Photo: X` form needs (`photo\s*:`). A byte beyond ASCII
/// is taken for part of a whitespace character: this may say yes where the pattern
/// would not, never no where it would. Each colon is looked back from at most to the
/// colon before it.
fn photo_before_colon(bytes: &[u8]) -> bool {
    memchr_iter(b':', bytes).any(|colon| {
        let spaced = bytes[..colon]
            .iter()
            .rev()
            .take_while(|&&b| b.is_ascii_whitespace() || b == 0x0B || !b.is_ascii())
            .count();
        let end = colon - spaced;
        end >= 5 && bytes[end - 5..end].eq_ignore_ascii_case(b"photo")
    })
}

/// Whether the credit after the last dash of `block` signs off a paragraph whose last
/// sentence has ended (`... and Milton Dick. - VNA`, `... he said." - AFP`): an
/// article's closing words, not a caption, which names its picture's place and date
/// or ends on its own words before the credit.
fn signed_off(block: &str) -> bool {
    block.rfind('-').is_some_and(|dash| {
        let before = block[..dash]
            .trim_end()
            .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}']);
        before.ends_with(['.', '!', '?'])
    })
}

/// The photo credits of a list, trimmed, without the empty ones, longest first (so
/// that "Viet Nam News" wins over a shorter credit it contains).
fn credit_names<S: AsRef<str>>(credits: &[S]) -> Vec<&str> {
    let mut names: Vec<&str> = credits
        .iter()
        .map(|c| c.as_ref().trim())
        .filter(|c| !c.is_empty())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// The forms of a caption's end, as parts of a verbose expression, for the credits
/// `names` ([`credit_names`]): a known credit after a dash, `Photo: X`, and an unknown
/// credit after a dated place.
fn caption_forms(names: &[&str]) -> [String; 3] {
    let alternation = names
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+")) // spaces: any run (verbose pattern)
        .collect::<Vec<_>>()
        .join("|");
    let alternation = if alternation.is_empty() {
        "$^".to_string()
    } else {
        alternation
    };
    let known = format!(
        r"
        # a known credit after a dash: '... (Hanoi, 4 May 2020) - VNA', '...2020)- VNA'
        (?: (?:^|[\s)\]]) - \s* (?:(?i:photo)\s*:\s*)? (?:{alternation}) \.? $ )"
    );
    let photo = r"
        # 'Photo: X' closing the caption: '_Photo: VGP', '(Photo: VNA)', '- Photo: X'
        (?: (?:^|[\s_(]) (?i:photo) \s*:\s* [^()]{1,80} \)? \.? $ )";
    let unknown = r"
        # an unknown credit after a dated place: '(Hanoi, 4-6 December 2020) - Some Agency'
        (?: \( [^()]{2,60} \d{4} \) \s* - \s* [A-Z][A-Za-z&'.]*(?:\s[A-Z][A-Za-z&'.]*){0,5} $ )";
    [known, photo.to_string(), unknown.to_string()]
}

impl CaptionRules {
    /// Rules for a list of photo credits (agency or publication names).
    pub fn new<S: AsRef<str>>(credits: &[S]) -> Self {
        let names = credit_names(credits);
        let [known, photo, unknown] = caption_forms(&names);
        let compile = |pattern: String| Regex::new(&pattern).expect("caption pattern is valid");
        let parts: Option<Vec<Vec<CreditPart>>> = names
            .iter()
            .map(|n| {
                n.chars()
                    .map(|c| match c {
                        ' ' => Some(CreditPart::Space),
                        c if c.is_whitespace() => None,
                        c => Some(CreditPart::Char(c)),
                    })
                    .collect()
            })
            .collect();
        let credits = parts.map(|parts| {
            // A trimmed credit ends with a character.
            Credits::new(
                names.iter().filter_map(|n| n.chars().next_back()).collect(),
                parts,
            )
        });
        Self {
            dashed: compile(format!("(?x){known}\n| {unknown}")),
            photo: compile(format!("(?x){photo}")),
            credits,
        }
    }

    /// The rules for the embedded list of photo credits.
    pub fn embedded() -> &'static CaptionRules {
        static RULES: LazyLock<CaptionRules> = LazyLock::new(|| {
            let list = include_str!("../../gazetteers/photo-credits.txt");
            let credits: Vec<&str> = list
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            CaptionRules::new(&credits)
        });
        &RULES
    }

    /// Whether `block` ends with a known photo credit (before a final stop or not), or
    /// may, when no credits are known.
    fn may_end_with_credit(&self, block: &str) -> bool {
        match &self.credits {
            Some(credits) => {
                credits.end(block) || block.strip_suffix('.').is_some_and(|b| credits.end(b))
            }
            None => true,
        }
    }

    /// Whether the plain text of a block is a photo caption: it ends in the `Photo: X`
    /// form, or in one of the `dashed` forms and is not signed off ([`signed_off`]),
    /// unless it holds a colon and "photo" ([`mentions_photo`]).
    ///
    /// The patterns are only tried on a block whose end could match one of them: the
    /// `Photo: X` form needs "photo" and perhaps whitespace before a colon
    /// ([`photo_before_colon`]); the others a dash, and to end with a known credit (and
    /// perhaps a period) or with words after a dash. Those tests read a colon's
    /// neighbours and the block's last words: a block is read whole only by the
    /// searches for a colon and a dash.
    fn is_caption(&self, block: &str) -> bool {
        if block.len() > MAX_CAPTION {
            return false;
        }
        let bytes = block.as_bytes();
        if photo_before_colon(bytes) && self.photo.is_match(block) {
            return true;
        }
        // The ends first: most blocks are ruled out by their last word.
        (words_after_dash(block) || self.may_end_with_credit(block))
            && memchr(b'-', bytes).is_some()
            && (mentions_photo(bytes) || !signed_off(block))
            && self.dashed.is_match(block)
    }
}

/// A source line: its range in the decoded text, its plain form, what it is, and what
/// the rules read of it. Those facts are found while the line is first read: read
/// again later, a long document's line would have to come from memory again.
struct SrcLine<'a> {
    range: Range<usize>,
    plain: Cow<'a, str>,
    kind: LineKind,
    block: usize,
    /// The line, trimmed, holds no byte of [`text::MAY_CHANGE`] (its plain form is
    /// borrowed).
    clean: bool,
    /// Its plain form ends a sentence or a heading ([`text::terminated`]).
    terminated: bool,
    /// It is the heading of a table of contents ([`TOC_HEADING`]).
    toc_heading: bool,
    /// It opens a footnote body ([`FOOTNOTE_BODY`]).
    footnote_body: bool,
    /// Its block is a photo caption ([`is_caption_block`]).
    caption_block: bool,
}

/// A logical line being assembled: the source lines it is made of, in order. Most
/// units are one line: the first is kept apart, so that those need no allocation.
struct Unit {
    kind: LineKind,
    first: usize,
    more: Vec<usize>,
}

impl Unit {
    /// A unit of the one line `i`.
    fn new(kind: LineKind, i: usize) -> Unit {
        Unit {
            kind,
            first: i,
            more: Vec::new(),
        }
    }

    /// Adds line `i`.
    fn push(&mut self, i: usize) {
        self.more.push(i);
    }

    /// The last line.
    fn last(&self) -> usize {
        self.more.last().copied().unwrap_or(self.first)
    }

    /// The lines, in order.
    fn pieces(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.first).chain(self.more.iter().copied())
    }
}

/// Builds the view of `doc`.
///
/// ```
/// use bluebook::{Document, repair::{CaptionRules, View}};
/// let doc = Document::from_bytes("t", b"Trade reached US\\$ 5 million in\n\nthe year.\n".to_vec()).unwrap();
/// let view = View::build(&doc, CaptionRules::embedded());
/// assert_eq!(view.text(), "Trade reached US$ 5 million in the year.");
/// ```
impl View {
    /// Builds the view of `doc` with the given caption rules.
    pub fn build(doc: &Document, rules: &CaptionRules) -> View {
        build_view(doc, rules, false)
    }
}

/// Builds the view of `doc`. `every_paren` has the writer look at every `(`, not only
/// in a document with footnote bodies written `(n)`, the only ones where a `(` can open
/// a footnote marker: what it did before, for the tests to compare.
fn build_view(doc: &Document, rules: &CaptionRules, every_paren: bool) -> View {
    let src = doc.text();
    let markups = text::markup(src);
    let mut lines = split_lines(src, rules, &markups);
    classify(src, &mut lines);
    let footnotes = footnote_numbers(&lines);
    let width = wrap_width(src, &lines);
    let units = assemble(src, &lines, width);
    let parens = every_paren || !footnotes.is_empty();
    write(src, &lines, &units, &footnotes, &markups, parens)
}

/// Splits the decoded text into lines; LF, CRLF and lone CR end a line. Blank lines
/// (blank in plain form) separate blocks and are not kept.
fn split_lines<'a>(src: &'a str, rules: &CaptionRules, markups: &[Markup]) -> Vec<SrcLine<'a>> {
    let bytes = src.as_bytes();
    let mut reader = LineReader {
        src,
        rules,
        markups,
        // Room for a line in 128 bytes, which most texts do not fill: a long
        // document's list, grown by doubling, would be copied again at each step.
        lines: Vec::with_capacity(src.len() / 128),
        block_start: 0,
        block: 0,
        joined: String::new(),
    };
    let (mut start, mut i) = (0, 0);
    loop {
        // A line end where the line starts (an empty line, as most blank lines are) is
        // seen at once: a search costs more than the one byte it would read.
        if !matches!(bytes.get(i), Some(b'\n' | b'\r')) {
            match memchr2(b'\n', b'\r', &bytes[i..]) {
                Some(n) => i += n,
                None => break,
            }
        }
        reader.line(start..i);
        i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        start = i;
    }
    if start < bytes.len() {
        reader.line(start..bytes.len());
    }
    reader.close_block();
    reader.lines
}

/// Reads source lines into [`SrcLine`]s, block by block.
struct LineReader<'a, 'r> {
    src: &'a str,
    rules: &'r CaptionRules,
    /// The markup of the whole text ([`text::markup`]).
    markups: &'r [Markup],
    lines: Vec<SrcLine<'a>>,
    /// Where the current block starts in `lines`.
    block_start: usize,
    /// The number of the current block.
    block: usize,
    /// A buffer for joining the lines of a block.
    joined: String,
}

impl<'a> LineReader<'a, '_> {
    /// Reads the source line at `range`.
    fn line(&mut self, range: Range<usize>) {
        // An empty line, as most blank lines are: nothing to read in it.
        if range.is_empty() {
            self.close_block();
            return;
        }
        let line = &self.src[range.clone()];
        let marked = text::markup_in(self.markups, range.clone());
        // A line with markup is read without it (a line of `<!-- -->` is blank).
        let plain = if marked.is_empty() {
            plain(line)
        } else {
            Cow::Owned(plain(&text::without_markup(line, range.start, marked)).into_owned())
        };
        if plain.is_empty() {
            self.close_block();
            return;
        }
        if self.block_start == self.lines.len() {
            self.block += 1;
        }
        self.lines.push(SrcLine {
            range,
            kind: LineKind::Body,
            block: self.block,
            clean: matches!(plain, Cow::Borrowed(_)),
            terminated: text::terminated(&plain),
            toc_heading: opens_toc_heading(&plain) && TOC_HEADING.is_match(&plain),
            footnote_body: opens_footnote_body(&plain) && FOOTNOTE_BODY.is_match(&plain),
            caption_block: false,
            plain,
        });
    }

    /// Ends the current block, if it has lines, at a blank line or the end of the text.
    fn close_block(&mut self) {
        let block = &mut self.lines[self.block_start..];
        if !block.is_empty() && is_caption_block(block, self.rules, &mut self.joined) {
            block.iter_mut().for_each(|l| l.caption_block = true);
        }
        self.block_start = self.lines.len();
    }
}

/// Whether a block, read as the plain forms of its lines joined by spaces, is a photo
/// caption. Most blocks are a single line, read as it is, or too long to be a caption,
/// not joined at all; `joined` is the buffer for the others.
fn is_caption_block(block: &[SrcLine<'_>], rules: &CaptionRules, joined: &mut String) -> bool {
    let len = block.iter().map(|l| l.plain.len() + 1).sum::<usize>() - 1;
    len <= MAX_CAPTION
        && match block {
            [line] => rules.is_caption(&line.plain),
            _ => {
                joined.clear();
                for (n, line) in block.iter().enumerate() {
                    if n > 0 {
                        joined.push(' ');
                    }
                    joined.push_str(&line.plain);
                }
                rules.is_caption(joined)
            }
        }
}

/// The heading of the table of contents.
static TOC_HEADING: LinePattern = LinePattern::new(
    ByteSet::new(b"tTcC"), // no other character folds to `t` or `c`
    LazyLock::new(|| Regex::new(r"(?i)^(?:table\s+of\s+contents|contents)$").expect("valid regex")),
);
/// Whether a plain line could be [`TOC_HEADING`]: it opens with `table` or `content`,
/// in any case (no character beyond ASCII folds to one of their letters). Most lines
/// that open with a `t` or a `c` are ruled out before the pattern runs.
fn opens_toc_heading(line: &str) -> bool {
    let b = line.as_bytes();
    b.get(..5).is_some_and(|w| w.eq_ignore_ascii_case(b"table"))
        || b.get(..7)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"content"))
}
static TOC_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(?:\d{1,4}|[ivxlc]{1,6})$|^Page$").expect("valid regex"));
/// A footnote body: `¹ "World Economic Outlook", ...`, `(1) ...`.
static FOOTNOTE_BODY: LinePattern = LinePattern::new(
    // `\xC2` opens `¹²³`, `\xE2` the other superscript digits.
    ByteSet::new(b"(\xC2\xE2"),
    LazyLock::new(|| {
        Regex::new(r#"^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\((\d{1,3})\))\s+\S"#).expect("valid regex")
    }),
);

/// Whether a plain line could be a [`FOOTNOTE_BODY`]: it opens with a superscript
/// digit (`¹²³` are `\xC2` then `\xB9`, `\xB2`, `\xB3`; the others `\xE2\x81`), or with
/// `(` and a digit (beyond ASCII too: `\d` is any decimal digit). Lines opening with a
/// bracket or a quote are ruled out before the pattern runs.
fn opens_footnote_body(line: &str) -> bool {
    match line.as_bytes() {
        [b'(', c, ..] => c.is_ascii_digit() || !c.is_ascii(),
        [0xC2, 0xB2 | 0xB3 | 0xB9, ..] | [0xE2, 0x81, ..] => true,
        _ => false,
    }
}

/// The index just past the block (blank-line-separated group) that line `i` opens.
fn block_end(lines: &[SrcLine<'_>], i: usize) -> usize {
    let block = lines[i].block;
    lines[i..]
        .iter()
        .position(|l| l.block != block)
        .map_or(lines.len(), |n| i + n)
}

/// Marks front matter, the table of contents, captions and footnotes; the rest stays
/// body.
fn classify(src: &str, lines: &mut [SrcLine<'_>]) {
    // Front matter: a `---` line opening the input, through the `---` or `...` line
    // that closes it (unclosed, it is not front matter).
    let fence = |l: &SrcLine<'_>| src[l.range.clone()].trim_end();
    if let Some(first) = lines.first()
        && fence(first) == "---"
        && src[..first.range.start]
            .trim_start_matches('\u{feff}')
            .trim()
            .is_empty()
        && let Some(close) = lines[1..]
            .iter()
            .position(|l| matches!(fence(l), "---" | "..."))
    {
        lines[..close + 2]
            .iter_mut()
            .for_each(|l| l.kind = LineKind::FrontMatter);
    }
    // The table of contents: its heading, then whole blocks whose last line ends with a
    // page number.
    if let Some(head) = lines.iter().position(|l| l.toc_heading) {
        lines[head].kind = LineKind::Toc;
        let mut i = head + 1;
        while i < lines.len() {
            let end = block_end(lines, i);
            let toc_like = TOC_ENTRY.is_match(&lines[end - 1].plain)
                || lines[i..end].iter().all(|l| l.plain == "Page");
            if !toc_like {
                break;
            }
            lines[i..end]
                .iter_mut()
                .for_each(|l| l.kind = LineKind::Toc);
            i = end;
        }
    }
    // Captions: whole blocks, unless the table of contents opens them.
    let mut i = 0;
    while i < lines.len() {
        let end = block_end(lines, i);
        if lines[i].kind == LineKind::Body && lines[i].caption_block {
            lines[i..end]
                .iter_mut()
                .for_each(|l| l.kind = LineKind::Caption);
        }
        i = end;
    }
    // Footnote bodies: from a line opening with a footnote number to the end of its block.
    let mut in_note: Option<usize> = None;
    for line in lines.iter_mut().filter(|l| l.kind == LineKind::Body) {
        if in_note == Some(line.block) || line.footnote_body {
            line.kind = LineKind::Footnote;
            in_note = Some(line.block);
        } else {
            in_note = None;
        }
    }
}

/// The numbers of the footnote bodies written as `(n)`: only those make an `(n)` glued
/// to a word a marker.
fn footnote_numbers(lines: &[SrcLine<'_>]) -> BTreeSet<String> {
    lines
        .iter()
        .filter(|l| l.kind == LineKind::Footnote)
        .filter_map(|l| {
            FOOTNOTE_BODY
                .captures(&l.plain)
                .and_then(|c| c.get(2))
                .map(|m| m.as_str().to_string())
        })
        .collect()
}

/// The width a hard-wrapped document's lines were wrapped at (`Some(72)` for text
/// wrapped at 72 columns), or `None` when its lines are not wrapped at a width.
///
/// Read from the lines that another line of their block follows: in wrapped text most
/// of them end near the width (a word further would not have fit), so their upper
/// tenth marks it. Paragraphs written one to a line give too few such lines, or
/// lengths spread too wide.
fn wrap_width(src: &str, lines: &[SrcLine<'_>]) -> Option<usize> {
    let mut lengths: Vec<usize> = lines
        .windows(2)
        .filter(|w| w[0].block == w[1].block && w[0].kind == LineKind::Body)
        .map(|w| src[w[0].range.clone()].trim_end().chars().count())
        .filter(|&n| n >= 30)
        .collect();
    if lengths.len() < 3 {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 9 / 10];
    let near = lengths.iter().filter(|&&n| n + 20 >= width).count();
    (width <= 160 && near * 10 >= lengths.len() * 6).then_some(width)
}

/// Whether `next` continues the hard-wrapped line `prev` of the same block: `prev`
/// is as long as the wrap width allows (the first word of `next` would not have fit
/// on it), does not end with a Markdown line break (two spaces), and `next` does not
/// open a list item or a speaker's turn (`MR. LEE:`).
fn wraps_into(prev_raw: &str, next_raw: &str, next: &SrcLine<'_>, width: usize) -> bool {
    if prev_raw.ends_with("  ") || prev_raw.ends_with('\t') {
        return false;
    }
    let next_plain = next.plain.as_ref();
    if next_plain.starts_with(['-', '*', '•', '+'])
        || (text::starts_with_marker(next_plain) && !number_cut_by_wrap(prev_raw, next_plain))
        || text::speaker_label(next_plain).is_some()
    {
        return false;
    }
    // The first word as the wrapper saw it: up to a breaking space (a no-break space
    // glues `Minister Oyun-Erdene` into one), its markup counted too (a link's
    // target). Lines wrapped by a proportional font (a PDF's) end less evenly: some
    // slack.
    let first_plain = next_plain.split(' ').next().unwrap_or("").chars().count();
    let first_raw = next_raw
        .trim_start_matches([' ', '\t'])
        .split([' ', '\t'])
        .next()
        .unwrap_or("")
        .chars()
        .count();
    let word = first_plain.max(first_raw);
    prev_raw.trim_end().chars().count() + 1 + word + width / 8 > width
}

/// Whether a line opening with a number and a period (`25. Notably, ...`) is the rest of
/// a sentence the wrap cut, not a numbered item: the line before runs on mid-sentence
/// (it ends with a letter or digit: no colon, no stop) and is not an item itself. A
/// numbered list starts after a colon or a finished sentence, or goes on from an item.
fn number_cut_by_wrap(prev_raw: &str, next_plain: &str) -> bool {
    let prev = prev_raw.trim();
    let numbered = next_plain.split_once(". ").is_some_and(|(n, _)| {
        !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
    });
    numbered
        && prev.ends_with(|c: char| c.is_alphanumeric())
        && !text::starts_with_marker(prev.trim_start_matches(['-', '*', '•', '+', ' ']))
        && !prev.starts_with(['-', '*', '•', '+'])
}

/// Groups source lines into logical lines, joining paragraphs across page breaks and,
/// in a document hard-wrapped at `width`, the wrapped lines of a paragraph.
fn assemble(src: &str, lines: &[SrcLine<'_>], width: Option<usize>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut current: Option<Unit> = None;
    let mut pending: Vec<Unit> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            LineKind::Body => {
                if let Some(cur) = current.as_mut() {
                    let last = &lines[cur.last()];
                    if let Some(width) = width
                        && cur.last() + 1 == i
                        && last.block == line.block
                        && wraps_into(
                            &src[last.range.clone()],
                            &src[line.range.clone()],
                            line,
                            width,
                        )
                    {
                        cur.push(i);
                        continue;
                    }
                    // A terminated line ends its paragraph: the first thing
                    // `continues` asks, known already.
                    if !last.terminated
                        && text::continues(&last.plain, cur.more.is_empty(), &line.plain)
                    {
                        cur.push(i);
                        continue;
                    }
                }
                out.extend(current.take());
                out.append(&mut pending);
                current = Some(Unit::new(LineKind::Body, i));
            }
            LineKind::Caption | LineKind::Footnote => {
                let same_unit = |u: &Unit| {
                    u.kind == line.kind
                        && (line.kind == LineKind::Caption || !line.footnote_body)
                        && lines[u.last()].block == line.block
                };
                let target = if current.is_some() {
                    &mut pending
                } else {
                    &mut out
                };
                match target.last_mut() {
                    Some(u) if same_unit(u) => u.push(i),
                    _ => target.push(Unit::new(line.kind, i)),
                }
            }
            LineKind::FrontMatter => out.push(Unit::new(LineKind::FrontMatter, i)),
            LineKind::Toc => {
                out.extend(current.take());
                out.append(&mut pending);
                match out.last_mut() {
                    Some(u)
                        if u.kind == LineKind::Toc
                            && !lines[u.last()].toc_heading
                            && !TOC_ENTRY.is_match(&lines[u.last()].plain) =>
                    {
                        u.push(i)
                    }
                    _ => out.push(Unit::new(LineKind::Toc, i)),
                }
            }
        }
    }
    out.extend(current.take());
    out.append(&mut pending);
    out
}

/// Writes the view text, piece by piece, with its offset map. `parens` says a `(` may
/// open a footnote marker (see [`Writer::parens`]).
fn write(
    src: &str,
    lines: &[SrcLine<'_>],
    units: &[Unit],
    footnotes: &BTreeSet<String>,
    markups: &[Markup],
    parens: bool,
) -> View {
    let mut w = Writer {
        src,
        markups,
        text: String::with_capacity(src.len()),
        map: OffsetMap::for_len(src.len()),
        emphasis: Vec::new(),
        open: None,
        footnotes,
        parens,
        line_break: None,
        line_start: None,
    };
    let mut out_lines = Vec::with_capacity(units.len());
    for unit in units {
        // The line end stands for the source's line break(s) before this unit; it is
        // written with the unit's first character, so an empty unit leaves no trace.
        w.line_break = (!w.text.is_empty()).then_some(lines[unit.first].range.start);
        w.line_start = None;
        let mut prev: Option<&SrcLine<'_>> = None;
        for piece in unit.pieces().map(|p| &lines[p]) {
            if let Some(prev) = prev.filter(|_| w.line_start.is_some()) {
                let hyphenated =
                    prev.plain.ends_with('-') && piece.plain.starts_with(char::is_lowercase);
                if !hyphenated {
                    w.put(" ", prev.range.end, piece.range.start - prev.range.end);
                }
            }
            w.piece(
                piece.range.clone(),
                piece.clean,
                unit.kind == LineKind::Footnote && prev.is_none(),
            );
            prev = Some(piece);
        }
        w.open = None;
        if let Some(start) = w.line_start {
            out_lines.push(Line {
                range: start..w.text.len(),
                kind: unit.kind,
            });
        }
    }
    View {
        text: w.text,
        map: w.map,
        line_ends: Buckets::new(&out_lines, |l| l.range.end),
        near_line: Cell::new(0),
        lines: out_lines,
        emphasis: w.emphasis,
    }
}

/// The bytes that may start something [`Writer::piece`] does not copy as it is:
/// [`text::MAY_CHANGE`], and `_` (emphasis) and, when `parens`, `(` (a footnote marker
/// `2050(2)`); in a clean line (no byte of [`text::MAY_CHANGE`]), only the last two,
/// and in ASCII only the ASCII ones.
fn piece_marks(line: &str, clean: bool, parens: bool) -> Marks<'_> {
    let paren = if parens { b'(' } else { b'_' };
    let markers = [b'_', paren, paren];
    let [escapes, leads, [last, ..]] = text::MAY_CHANGE;
    let bytes = line.as_bytes();
    if clean {
        Marks::new(bytes, &[markers])
    } else if line.is_ascii() {
        Marks::new(bytes, &[escapes, markers])
    } else {
        Marks::new(bytes, &[escapes, leads, [last, b'_', paren]])
    }
}

/// Writes cleaned pieces of source into the view.
struct Writer<'a> {
    src: &'a str,
    /// The markup of the whole text ([`text::markup`]).
    markups: &'a [Markup],
    text: String,
    map: OffsetMap,
    emphasis: Vec<Range<usize>>,
    open: Option<usize>,
    footnotes: &'a BTreeSet<String>,
    /// Whether a `(` may open a footnote marker, to be looked at: only where there are
    /// `footnotes` (most documents have none, and a `(` in them is text).
    parens: bool,
    /// Where the source's line break before the current line is, until it is written.
    line_break: Option<usize>,
    /// Where the current line starts in the view, once it has a character.
    line_start: Option<usize>,
}

impl Writer<'_> {
    /// Starts the current line on its first character.
    fn begin(&mut self) {
        if self.line_start.is_none() {
            if let Some(at) = self.line_break.take() {
                self.text.push('\n');
                self.map.replace(1, at, 0);
            }
            self.line_start = Some(self.text.len());
        }
    }

    fn copy(&mut self, at: usize, len: usize) {
        self.begin();
        self.text.push_str(&self.src[at..at + len]);
        self.map.copy(at, len);
    }

    fn put(&mut self, s: &str, at: usize, len: usize) {
        self.begin();
        self.text.push_str(s);
        self.map.replace(s.len(), at, len);
    }

    /// Writes the source bytes `run..end` of the line starting at source byte `base`,
    /// verbatim, if there are any.
    fn copy_run(&mut self, base: usize, run: usize, end: usize) {
        if end > run {
            self.copy(base + run, end - run);
        }
    }

    /// Writes one source line, trimmed, with markup neutralised. `clean` says the
    /// trimmed line holds no byte of [`text::MAY_CHANGE`]; `note` that it opens a
    /// footnote body, whose superscript number is written in ASCII digits.
    ///
    /// Most bytes are kept as they are: they are written in runs, and the loop only
    /// looks closer at a byte of [`piece_marks`].
    fn piece(&mut self, range: Range<usize>, clean: bool, note: bool) {
        let line = &self.src[range.clone()];
        let lead = line.len() - line.trim_start().len();
        let trail = line.trim_end().len();
        let base = range.start;
        let s = &line[..trail];
        let bytes = s.as_bytes();
        let mut marks = piece_marks(s, clean, self.parens);
        // `s[run..i]` is kept verbatim and not written yet.
        let mut run = lead;
        let mut i = lead;
        // Nothing but superscript digits so far in a line opening a footnote body.
        let mut leading_number = note;
        // The markup of the line, relative to it: written as the view reads it.
        let mut markups = text::markup_in(self.markups, range.clone())
            .iter()
            .map(|m| {
                let start = m.start.saturating_sub(base).max(lead);
                (start, (m.end - base.min(m.end)).min(bytes.len()), m.rep)
            })
            .filter(|&(start, end, _)| start < end && start < bytes.len())
            .peekable();
        let written = self.text.len();
        loop {
            i = marks.next_from(i);
            if let Some((start, end, rep)) = markups.next_if(|m| m.0 <= i) {
                self.copy_run(base, run, start);
                // A tag that breaks the text reads as a space between words, not at
                // either end of a line or next to a space.
                let edge = self.text.len() == written
                    || end >= bytes.len()
                    || self.text.ends_with(char::is_whitespace)
                    || s[end..].starts_with(char::is_whitespace);
                if !(rep.is_empty() || (rep == " " && edge)) {
                    self.put(rep, base + start, end - start);
                }
                i = end;
                if self.text.len() == written || self.text.ends_with(' ') {
                    // Nothing written yet, or a space: the spaces after the markup go.
                    i += s[i..].len() - s[i..].trim_start_matches(' ').len();
                }
                run = i;
                continue;
            }
            let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let len = c.len_utf8();
            if let Some(d) = text::superscript_digit(c) {
                // A marker, dropped; or the number of the footnote body, kept.
                leading_number &= run == i;
                self.copy_run(base, run, i);
                if leading_number {
                    let mut buf = [0u8; 4];
                    self.put(d.encode_utf8(&mut buf), base + i, len);
                }
                i += len;
                run = i;
                continue;
            }
            leading_number = false;
            match c {
                '\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                    // A markdown escape: drop the backslash, keep what it escapes.
                    self.copy_run(base, run, i);
                    run = i + 1;
                    i += 2;
                }
                '*' | '_' => {
                    let n = s[i..].bytes().take_while(|&b| b == c as u8).count();
                    let before = s[..i].chars().next_back();
                    let after = s[i + n..].chars().next();
                    // CommonMark's flanking rules: a run opens emphasis when it leans on
                    // the text after it, closes when it leans on the text before it.
                    let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                    let punct = |x: Option<char>| {
                        x.is_some_and(|x| x.is_ascii_punctuation() || !x.is_alphanumeric())
                    };
                    let opens = !space(after) && (!punct(after) || space(before) || punct(before));
                    let closes = !space(before) && (!punct(before) || space(after) || punct(after));
                    let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
                    // '_' only at the edge of a word, never inside snake_case.
                    let delimiter =
                        (opens || closes) && (c == '*' || !(word(before) && word(after)));
                    if delimiter {
                        self.copy_run(base, run, i);
                        if closes && self.open.is_some() {
                            if let Some(start) = self.open.take() {
                                self.emphasis.push(start..self.text.len());
                            }
                        } else if opens {
                            self.begin();
                            self.open = Some(self.text.len());
                        }
                        run = i + n;
                    }
                    i += n;
                }
                '(' if i > 0 && !s[..i].ends_with(char::is_whitespace) => {
                    // '2050(2)': a footnote marker, when a footnote (2) exists.
                    let digits = bytes[i + 1..]
                        .iter()
                        .take_while(|b| b.is_ascii_digit())
                        .count();
                    let close = i + 1 + digits;
                    if digits > 0
                        && bytes.get(close) == Some(&b')')
                        && self.footnotes.contains(&s[i + 1..close])
                    {
                        self.copy_run(base, run, i);
                        i = close + 1;
                        run = i;
                    } else {
                        i += 1;
                    }
                }
                _ => {
                    if let Some(rep) = text::normalised(c) {
                        self.copy_run(base, run, i);
                        if !rep.is_empty() {
                            self.put(rep, base + i, len);
                        }
                        run = i + len;
                    }
                    i += len;
                }
            }
        }
        self.copy_run(base, run, bytes.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> View {
        let doc = Document::from_bytes("t", s.as_bytes().to_vec()).unwrap();
        View::build(&doc, CaptionRules::embedded())
    }

    #[test]
    fn caption_tests_rule_out_only_what_the_patterns_would() {
        let credits = [
            "VNA",
            "Viet  Nam News",
            "Corp.",
            "A-B Press",
            "Nhân Dân",
            "Tuổi Trẻ",
        ];
        let rules = CaptionRules::new(&credits);
        // All the forms in one expression.
        let [known, photo, unknown] = caption_forms(&credit_names(&credits));
        let credit = Regex::new(&format!("(?x){known}\n| {photo}\n| {unknown}")).unwrap();
        let ends = [
            "- VNA",
            "-VNA",
            ") - VNA.",
            " - Viet Nam News",
            " - Viet  Nam News",
            " - Viet \u{a0}\t Nam News",
            " - Viet\u{2003}\u{2003}Nam News",
            " - Corp.",
            " - Corp..",
            " - A-B Press",
            " - A-B  Press",
            " - Nhân Dân",
            " - Tuổi Trẻ",
            " - Tuổi  Trẻ.",
            // The same last byte as `ẻ`, other characters.
            " - Tuổi Trỻ",
            " - Tuổi Tr»",
            " - Photo: VNA",
            " - photo : Corp.",
            "(Hanoi, 4 May 2020) - Some Agency",
            "(Hanoi, 4 May 2020)- Agency Name.",
            "(Hanoi, 2020) - One Two Three Four Five Six",
            "(Hanoi, 2020) - one",
            "(Hanoi, 2020) - A & B's",
            "(Hanoi, 2020) -  Two  Spaces",
            "(Hanoi, 2020) -\u{2003}Em Space",
            "(Hanoi, 2020) - One Two Three Four Five Six Seven",
            "(Hanoi, 2020)-X",
            "(Hanoi, 2020) - X ",
            "(Hanoi, 2020) - Mr. O'Neil & Co.",
            "(Hanoi, 2020) - Ébène",
            "(Hanoi, 2020) -\tTab\tWords",
            "_Photo: VGP",
            "(Photo: VNA)",
            "(PHOTO: x)",
            "Photo:",
            "- VNA is here",
            "cooperation.",
            "COVID-19.",
            "- ",
            "-",
            "",
            " VNA",
        ];
        let leads = [
            "",
            "Text ",
            "The leaders met ",
            "Caption (Hanoi, 9 May 2020)",
            "x\u{a0}",
        ];
        let mut captions = 0;
        for lead in leads {
            for end in ends {
                let block = format!("{lead}{end}");
                let want = block.len() <= MAX_CAPTION && credit.is_match(&block);
                assert_eq!(rules.is_caption(&block), want, "{block:?}");
                captions += usize::from(want);
            }
        }
        // Both answers are asked for, many times.
        assert!((50..150).contains(&captions), "{captions}");
    }

    /// [`words_after_dash`] as it was first written, a character at a time: what the
    /// byte reader is held to.
    fn words_after_dash_by_char(text: &str) -> bool {
        let word_char = |c: char| c.is_ascii_alphabetic() || matches!(c, '&' | '\'' | '.');
        let mut rest = text;
        for _ in 0..6 {
            let before = rest.trim_end_matches(word_char);
            if !rest[before.len()..].starts_with(|c: char| c.is_ascii_uppercase()) {
                return false;
            }
            let spaced = before.trim_end();
            if spaced.ends_with('-') {
                return true;
            }
            if before[spaced.len()..].chars().count() != 1 {
                return false;
            }
            rest = spaced;
        }
        false
    }

    #[test]
    fn words_after_a_dash_are_read_as_a_look_at_each_character_reads_them() {
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(4000));
        runner
            .run(&"[-AaZz&'. \t\u{a0}\u{2003}Éé1]{0,24}", |text| {
                proptest::prop_assert_eq!(
                    words_after_dash(&text),
                    words_after_dash_by_char(&text),
                    "{:?}",
                    text
                );
                Ok(())
            })
            .unwrap();
        for line in crate::testing::fixture_lines() {
            assert_eq!(
                words_after_dash(&line),
                words_after_dash_by_char(&line),
                "{line:?}"
            );
        }
    }

    /// [`CaptionRules::is_caption`] as it was first written, with "photo" and a colon
    /// looked for anywhere before the `Photo: X` form is tried: what the test of the
    /// words before each colon is held to.
    fn is_caption_by_any_photo(rules: &CaptionRules, block: &str) -> bool {
        if block.len() > MAX_CAPTION {
            return false;
        }
        let bytes = block.as_bytes();
        if mentions_photo(bytes) {
            return rules.photo.is_match(block) || rules.dashed.is_match(block);
        }
        (words_after_dash(block) || rules.may_end_with_credit(block))
            && memchr(b'-', bytes).is_some()
            && !signed_off(block)
            && rules.dashed.is_match(block)
    }

    #[test]
    fn captions_are_found_as_a_look_for_photo_anywhere_finds_them() {
        let rules = CaptionRules::new(&["VNA", "Viet  Nam News", "Corp.", "Nhân Dân"]);
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(4000));
        runner
            .run(
                &"(Photo|photo|PHOTO|pHoTo|VNA|Viet Nam News|Corp\\.|Nhân Dân|\\(Hanoi, 4 May 2020\\)|he said\\.\"|[-:()_ .\t\u{a0}\u{2003}\u{b}phoPHOtTaZé1]){0,14}",
                |text| {
                    proptest::prop_assert_eq!(
                        rules.is_caption(&text),
                        is_caption_by_any_photo(&rules, &text),
                        "{:?}",
                        text
                    );
                    Ok(())
                },
            )
            .unwrap();
        let embedded = CaptionRules::embedded();
        for line in crate::testing::fixture_lines() {
            assert_eq!(
                embedded.is_caption(&line),
                is_caption_by_any_photo(embedded, &line),
                "{line:?}"
            );
        }
    }

    #[test]
    fn a_credit_after_a_space_or_alone_is_found_after_any_byte() {
        let rules = CaptionRules::new(&["Photo X", "Y", "Z é", "Tổ"]);
        let found = rules.credits.as_ref().unwrap();
        for text in [
            "X",
            "a X",
            "a\u{a0}X",
            "Photo X",
            "Photo\u{2003}X",
            "Y",
            "aY",
            "éY",
            "Z é",
            "Z\té",
            "Tổ",
            "aTổ",
            "x",
            "ax",
            "é",
            "Z e",
            "ổ",
        ] {
            let want = ["Photo X", "Y", "Z é", "Tổ"].iter().any(|credit| {
                let parts: Vec<CreditPart> = credit
                    .chars()
                    .map(|c| match c {
                        ' ' => CreditPart::Space,
                        c => CreditPart::Char(c),
                    })
                    .collect();
                ends_with_credit(text, &parts)
            });
            assert_eq!(found.end(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_credit_is_found_at_the_end_as_a_look_at_every_credit_finds_it() {
        let credits = [
            "VNA",
            "AFP",
            "Viet Nam News",
            "Nhân Dân",
            "Tuổi Trẻ",
            "Anna",
            "A",
        ];
        let rules = CaptionRules::new(&credits);
        let found = rules.credits.as_ref().unwrap();
        // Every credit, compared in turn.
        let names = credit_names(&credits);
        let parts: Vec<Vec<CreditPart>> = names
            .iter()
            .map(|n| {
                n.chars()
                    .map(|c| match c {
                        ' ' => CreditPart::Space,
                        c => CreditPart::Char(c),
                    })
                    .collect()
            })
            .collect();
        let by_each = |text: &str| parts.iter().any(|p| ends_with_credit(text, p));
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(4000));
        runner
            .run(
                &(
                    "[- a]{0,3}",
                    proptest::sample::select(credits.to_vec()),
                    "[ aAN.ẻ]{0,2}",
                ),
                |(lead, credit, tail)| {
                    let text = format!("{lead}{credit}{tail}");
                    for t in [text.as_str(), text.trim_end(), ""] {
                        proptest::prop_assert_eq!(found.end(t), by_each(t), "{:?}", t);
                    }
                    Ok(())
                },
            )
            .unwrap();
    }

    #[test]
    fn toc_heading_and_footnote_looks_rule_out_only_what_the_patterns_would() {
        let mut lines: Vec<String> = crate::testing::fixture_lines()
            .iter()
            .map(|l| plain(l).into_owned())
            .collect();
        let opens = [
            "",
            "Table",
            "TABLE",
            "table",
            "tAbLe",
            "Contents",
            "CONTENTS",
            "contents",
            "contentſ",
            "Content",
            "Tables",
            "(",
            "(1",
            "(1)",
            "(12)",
            "(\u{661})",
            "(x)",
            "¹",
            "²",
            "³",
            "⁴",
            "⁰",
            "⁹",
            "\u{201c}",
            "—",
            "\u{a0}",
            "Ⅰ",
            "»",
        ];
        let rests = [
            "",
            " ",
            " of contents",
            "  of \t contents",
            "s",
            " x",
            ") Note",
            " Note",
            "\u{2003}Note",
            "¹ x",
            "²³ y",
        ];
        for a in opens {
            for b in rests {
                lines.push(format!("{a}{b}"));
            }
        }
        let (mut headings, mut notes) = (0, 0);
        for line in &lines {
            let heading = TOC_HEADING.is_match(line);
            assert!(!heading || opens_toc_heading(line), "{line:?}");
            let note = FOOTNOTE_BODY.is_match(line);
            assert!(!note || opens_footnote_body(line), "{line:?}");
            headings += usize::from(heading);
            notes += usize::from(note);
        }
        assert!(headings > 5 && notes > 20, "{headings} {notes}");
    }

    #[test]
    fn no_character_beyond_ascii_folds_to_a_letter_of_the_toc_heading_words() {
        crate::testing::assert_no_char_beyond_ascii_matches("(?i)^[tablecon]$");
    }

    #[test]
    fn looking_at_parens_only_where_there_are_footnotes_writes_the_same_view() {
        let mut texts: Vec<String> = crate::testing::fixture_texts()
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        texts.push("By 2050(2) at COP(26). Article 5(1) (see x)(12)\n\n(2) Net zero.\n".into());
        texts.push("By 2050(2) at COP(26). Article 5(1) (see x)(12)\n\n¹ Net zero.\n".into());
        texts.push("“By” 2050(2) at_COP(26) *x* (\n\n(12) Net zero, ễ(1).\n".into());
        for text in texts {
            let doc = Document::from_bytes("t", text.into_bytes()).unwrap();
            let rules = CaptionRules::embedded();
            let (ours, every) = (
                build_view(&doc, rules, false),
                build_view(&doc, rules, true),
            );
            assert_eq!(ours.text(), every.text());
            assert_eq!(ours.lines(), every.lines());
            assert_eq!(ours.emphasis(), every.emphasis());
            let ends = (0..ours.text().len()).filter(|&i| ours.text().is_char_boundary(i));
            for i in ends {
                for r in [0..i, i..ours.text().len()] {
                    let want = every.source_span_verbatim(r.clone());
                    assert_eq!(ours.source_span_verbatim(r), want);
                }
            }
        }
    }

    /// [`split_lines`] as it was: a search for every line end, an empty line's too.
    fn split_lines_by_search<'a>(
        src: &'a str,
        rules: &CaptionRules,
        markups: &[Markup],
    ) -> Vec<SrcLine<'a>> {
        let bytes = src.as_bytes();
        let mut reader = LineReader {
            src,
            rules,
            markups,
            lines: Vec::new(),
            block_start: 0,
            block: 0,
            joined: String::new(),
        };
        let (mut start, mut i) = (0, 0);
        while let Some(n) = memchr2(b'\n', b'\r', &bytes[i..]) {
            i += n;
            reader.line(start..i);
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
        }
        if start < bytes.len() {
            reader.line(start..bytes.len());
        }
        reader.close_block();
        reader.lines
    }

    /// What the tests compare of source lines: range, block, plain form, caption block.
    fn line_facts(lines: &[SrcLine<'_>]) -> Vec<(Range<usize>, usize, String, bool)> {
        lines
            .iter()
            .map(|l| {
                (
                    l.range.clone(),
                    l.block,
                    l.plain.to_string(),
                    l.caption_block,
                )
            })
            .collect()
    }

    #[test]
    fn lines_are_split_as_a_search_for_every_line_end_splits_them() {
        let rules = CaptionRules::embedded();
        let split = |text: &str| {
            let markups = text::markup(text);
            (
                line_facts(&split_lines(text, rules, &markups)),
                line_facts(&split_lines_by_search(text, rules, &markups)),
            )
        };
        for (_, text) in crate::testing::fixture_texts() {
            let (ours, by_search) = split(&text);
            assert_eq!(ours, by_search);
        }
        proptest::proptest!(|(
            text in crate::scan::texts_of(
                &["a", "b c", "\n", "\r", "\r\n", " ", "(Hanoi, 4 May 2020) - VNA", "<!-- -->"],
                40,
            ),
        )| {
            let (ours, by_search) = split(&text);
            proptest::prop_assert_eq!(ours, by_search);
        });
    }

    /// The line of a view position by bisection over the lines, as [`View::line_at`]
    /// first found it.
    fn line_by_bisection(v: &View, pos: usize) -> usize {
        v.lines
            .partition_point(|l| l.range.end < pos)
            .min(v.lines.len().saturating_sub(1))
    }

    /// Asks `v` for the lines of `positions` in turn, against a bisection.
    fn assert_lines_found(v: &View, positions: impl IntoIterator<Item = usize>) {
        for pos in positions {
            assert_eq!(v.line_at(pos), line_by_bisection(v, pos), "at {pos}");
        }
    }

    #[test]
    fn line_look_ups_in_any_order_find_what_bisection_finds() {
        for (_, text) in crate::testing::fixture_texts() {
            let v = view(&text);
            let len = v.text().len();
            // Forwards, backwards, far jumps both ways, and past the end.
            assert_lines_found(&v, 0..len + 3);
            assert_lines_found(&v, (0..len).rev());
            assert_lines_found(&v, (0..len).step_by(97).flat_map(|p| [p, len - 1 - p]));
        }
        assert_lines_found(&view(""), [0, 1, 5]);
        proptest::proptest!(|(
            text in crate::scan::texts_of(&["a", "bc ", "\n", "\n\n", "¹ x", "“", "*"], 40),
            positions in proptest::collection::vec(0usize..120, 0..40),
        )| {
            let v = view(&text);
            for &pos in &positions {
                proptest::prop_assert_eq!(v.line_at(pos), line_by_bisection(&v, pos));
            }
        });
    }

    #[test]
    fn emphasis_is_recorded() {
        let v = view("- *Australia:* The partnership grew.\n");
        assert_eq!(v.text(), "- Australia: The partnership grew.");
        let e = &v.emphasis()[0];
        assert_eq!(&v.text()[e.clone()], "Australia:");
    }

    #[test]
    fn footnote_paren_marker_needs_a_footnote_body() {
        let v = view("Neutral by 2050(2) at COP 26. Article 5(1) applies.\n\n(2) Net zero.\n");
        assert_eq!(v.lines()[0].kind, LineKind::Body);
        assert_eq!(
            &v.text()[v.lines()[0].range.clone()],
            "Neutral by 2050 at COP 26. Article 5(1) applies."
        );
        assert_eq!(v.lines()[1].kind, LineKind::Footnote);
    }
}
