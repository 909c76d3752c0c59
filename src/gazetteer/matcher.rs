//! The phrase matcher: every searched list compiled into one set, so a text is
//! searched once for all of them. Phrases that open with a word character (all the
//! embedded ones) are looked up by their first word at the text's word starts, read
//! up to 32 bytes at a time; the others go into an Aho-Corasick automaton.
//!
//! **Takes** phrase tables (a phrase and what it means, or a stop-phrase), each with
//! a matching mode, and then texts. **Gives** per table the hits in a text, sorted,
//! with byte offsets into the text as given.
//!
//! Rules, the same for every table:
//!
//! - Phrases match case-sensitively as listed; [`PhraseTable::insert`] adds an
//!   ALL-CAPS variant of every phrase with a lowercase letter or a space, and a
//!   variant with `’` for every `'` and the reverse.
//! - Whole words: when a phrase begins (ends) with a letter or digit, the character
//!   before (after) the match must not be one. A phrase ending in punctuation
//!   (`U.S.`, `ADMM+`) needs no check at that end, and a stem (listed with a trailing
//!   `*`, `commemorat*`) none at its end. Superscript digits are footnote markers, not
//!   word characters.
//! - A run of whitespace in the text matches the single space of a phrase; the
//!   reported range covers the text as it is. A line break matches one too, unless
//!   the search keeps lines apart ([`Lines::Apart`]).
//! - [`Mode::LeftmostLongest`] tables report the leftmost-longest whole-word matches;
//!   a stop-phrase competes like any phrase and, when it wins, hides the words inside
//!   it. [`Mode::All`] tables report every whole-word match, overlapping.

use crate::scan::{HIGH, ascii_in, common_prefix, gallop, word_at};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use foldhash::HashMap;
use std::borrow::Cow;
use std::cmp::Reverse;

/// What a phrase means: something to report, or a stop-phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A phrase to report, with its value (an index into the table's items).
    Hit(u32),
    /// A stop-phrase: reports nothing, hides what it covers.
    Stop,
}

/// Whether a phrase was listed or derived from a listed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Listed,
    Variant,
}

/// Phrases and their meanings, in insertion order. A listed phrase replaces any
/// earlier meaning of the same phrase; a variant never replaces a listed phrase.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseTable {
    phrases: Vec<(String, Entry, Origin)>,
    index: HashMap<String, usize>,
}

impl PhraseTable {
    /// How many phrases (variants included).
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// The meaning of a phrase, if listed.
    pub fn get(&self, phrase: &str) -> Option<Entry> {
        self.index.get(phrase).map(|&i| self.phrases[i].1)
    }

    /// Whether the phrase is in the table.
    pub fn contains(&self, phrase: &str) -> bool {
        self.index.contains_key(phrase)
    }

    /// The phrases and their meanings, variants included, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Entry)> {
        self.phrases.iter().map(|(p, e, _)| (p.as_str(), *e))
    }

    /// Adds a listed phrase (whitespace normalised) and its variants.
    pub fn insert(&mut self, phrase: &str, entry: Entry) {
        let phrase = normalize_space(phrase);
        for variant in variants(&phrase) {
            self.set(variant, entry, Origin::Variant);
        }
        self.set(phrase, entry, Origin::Listed);
    }

    /// Adds a phrase exactly as given, without variants.
    pub fn insert_exact(&mut self, phrase: &str, entry: Entry) {
        self.set(normalize_space(phrase), entry, Origin::Listed);
    }

    fn set(&mut self, phrase: String, entry: Entry, origin: Origin) {
        match self.index.get(&phrase) {
            Some(&i) => {
                let slot = &mut self.phrases[i];
                if origin == Origin::Listed || slot.2 == Origin::Variant {
                    slot.1 = entry;
                    slot.2 = origin;
                }
            }
            None => {
                self.index.insert(phrase.clone(), self.phrases.len());
                self.phrases.push((phrase, entry, origin));
            }
        }
    }
}

/// The derived forms of a phrase: its ALL-CAPS form when it has a lowercase letter or
/// a space, and the forms of both with the other apostrophe.
fn variants(phrase: &str) -> Vec<String> {
    let mut forms = vec![phrase.to_string()];
    if phrase.chars().any(|c| c.is_lowercase() || c == ' ') {
        forms.push(phrase.to_uppercase());
    }
    let mut out = Vec::new();
    for form in forms {
        for (from, to) in [("'", "\u{2019}"), ("\u{2019}", "'")] {
            if form.contains(from) {
                out.push(form.replace(from, to));
            }
        }
        out.push(form);
    }
    out.retain(|form| form != phrase);
    out
}

/// A phrase with runs of whitespace collapsed to one space, trimmed.
pub(crate) fn normalize_space(s: &str) -> String {
    // Most phrases (a document's names, its glossary) are written so already: copied
    // whole, without a list of their words.
    if single_spaced(s) {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `s` is not empty, and its only whitespace is single spaces between other
/// characters: what [`normalize_space`] gives back unchanged.
fn single_spaced(s: &str) -> bool {
    // As if a space came before the first character: one there is not single.
    let mut after_space = true;
    for c in s.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space
}

/// Letters and digits, except superscript and subscript digits: those are footnote
/// markers ("Viet Nam⁷") and do not extend a word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '¹' | '²' | '³' | '⁰'..='⁹' | '₀'..='₉')
}

/// How a table's matches are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The leftmost-longest whole-word matches; stop-phrases hide what they cover.
    LeftmostLongest,
    /// Every whole-word match, overlapping.
    All,
}

/// Whether a line break in the text may stand for the space of a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lines {
    /// A line break is whitespace like any other.
    Joined,
    /// Phrases never run across a line break (the view's logical lines).
    Apart,
}

/// A match of one table: its byte range in the text searched and its value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Found {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The value of its [`Entry::Hit`].
    pub value: u32,
}

/// One compiled pattern: where its meanings are, and which ends need a word boundary.
#[derive(Debug, Clone)]
struct Pattern {
    /// Its first meaning, the one of most patterns.
    first: (u8, Entry),
    /// Where all its meanings are in [`PhraseSet::meanings`].
    meanings: std::ops::Range<u32>,
    check_start: bool,
    check_end: bool,
}

/// Several phrase tables compiled into one set, searched in one pass.
///
/// A phrase that opens with a word character can only match where a word starts: it
/// is listed under its first word ([`FirstWords`]), and a text's word starts are
/// looked up there — most of them ruled out by the first four bytes of their word,
/// read from one 64-bit load. Against the contiguous NFA it replaces, which stepped
/// through every byte (about 47 instructions a byte of prose, and a cache miss at many
/// of them), the search takes about half the time and builds in a fraction of its
/// time. Phrases opening with
/// punctuation (none of the embedded ones; a gazetteer added at run time may have
/// them) go into an automaton without prefilter: a DFA for a short list, else a
/// contiguous NFA.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet {
    /// The patterns that open with a word character (all of the embedded ones), found
    /// at the text's word starts.
    words: FirstWords,
    /// The others, compiled into an automaton (none when there are none), and the
    /// pattern each of its patterns is.
    automaton: Option<(AhoCorasick, Vec<u32>)>,
    patterns: Vec<Pattern>,
    /// (table, entry) per meaning; a pattern listed in several tables has several.
    meanings: Vec<(u8, Entry)>,
    modes: Vec<Mode>,
    /// The text of each pattern.
    #[cfg(test)]
    texts: Vec<String>,
}

/// An automaton matching `texts` (all matches, overlapping): a DFA when `small`,
/// quick to build for a short list, else a contiguous NFA.
fn automaton(texts: &[&str], small: bool) -> Result<AhoCorasick, String> {
    let kind = if small {
        AhoCorasickKind::DFA
    } else {
        AhoCorasickKind::ContiguousNFA
    };
    AhoCorasick::builder()
        .kind(Some(kind))
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(texts)
        .map_err(|e| e.to_string())
}

impl PhraseSet {
    /// Compiles the tables, each with its mode; table `i` of the result is
    /// `tables[i]`. `small` makes a DFA (for a short list), else a contiguous NFA.
    pub fn build(tables: &[(&PhraseTable, Mode)], small: bool) -> Result<Self, String> {
        // One pattern per distinct string, with the meanings of every table.
        let mut by_phrase: HashMap<&str, usize> = HashMap::default();
        let mut strings: Vec<&str> = Vec::new();
        let mut lists: Vec<Vec<(u8, Entry)>> = Vec::new();
        for (t, (table, _)) in tables.iter().enumerate() {
            let t = u8::try_from(t).map_err(|_| "too many phrase tables".to_string())?;
            for (phrase, entry, _) in &table.phrases {
                // A stem is listed with a trailing '*'.
                let (text, _) = stem(phrase);
                if text.is_empty() {
                    continue;
                }
                let i = *by_phrase.entry(phrase.as_str()).or_insert_with(|| {
                    strings.push(phrase.as_str());
                    lists.push(Vec::new());
                    strings.len() - 1
                });
                lists[i].push((t, *entry));
            }
        }
        let mut meanings = Vec::new();
        let mut patterns = Vec::with_capacity(strings.len());
        let mut texts = Vec::with_capacity(strings.len());
        for (phrase, list) in strings.iter().zip(lists) {
            let (text, is_stem) = stem(phrase);
            let from = meanings.len() as u32;
            meanings.extend(list);
            patterns.push(Pattern {
                first: meanings[from as usize],
                meanings: from..meanings.len() as u32,
                check_start: text.chars().next().is_some_and(is_word_char),
                check_end: !is_stem && text.chars().next_back().is_some_and(is_word_char),
            });
            texts.push(text);
        }
        let words = FirstWords::new(
            texts
                .iter()
                .zip(&patterns)
                .enumerate()
                .filter(|(_, (_, p))| p.check_start)
                .map(|(i, (text, p))| (*text, i as u32, p.check_end)),
        );
        let (rest, ids): (Vec<&str>, Vec<u32>) = texts
            .iter()
            .zip(&patterns)
            .enumerate()
            .filter(|(_, (_, p))| !p.check_start)
            .map(|(i, (text, _))| (*text, i as u32))
            .unzip();
        let automaton = if rest.is_empty() {
            None
        } else {
            Some((automaton(&rest, small)?, ids))
        };
        Ok(PhraseSet {
            #[cfg(test)]
            texts: texts.iter().map(|t| t.to_string()).collect(),
            words,
            automaton,
            patterns,
            meanings,
            modes: tables.iter().map(|(_, m)| *m).collect(),
        })
    }

    /// The same set with every pattern in the automaton: what the word index is
    /// tested against.
    #[cfg(test)]
    fn automaton_only(&self) -> PhraseSet {
        let texts: Vec<&str> = self.texts.iter().map(String::as_str).collect();
        PhraseSet {
            words: FirstWords::default(),
            automaton: Some((
                automaton(&texts, false).unwrap(),
                (0..texts.len() as u32).collect(),
            )),
            ..self.clone()
        }
    }

    /// The matches of every table in `text`: `out[t]` gets table `t`'s, sorted by
    /// position. `out` is cleared first.
    pub fn find(&self, text: &str, lines: Lines, out: &mut Vec<Vec<Found>>) {
        self.search(text, lines, out, None);
    }

    /// [`PhraseSet::find`], and the text's [`CapitalStarts`], listed on the way: the
    /// search visits every word start anyway.
    pub fn find_listing_capitals(
        &self,
        text: &str,
        lines: Lines,
        out: &mut Vec<Vec<Found>>,
    ) -> CapitalStarts {
        if u32::try_from(text.len()).is_err() {
            self.find(text, lines, out);
            // No `u32` offset reaches that far: nothing is listed.
            return CapitalStarts {
                starts: Vec::new(),
                too_long: true,
            };
        }
        // Room for a capital every 16 bytes (the bluebook has one every 22, prose with
        // fewer names one every 30 to 50), so that a small document's list is not grown
        // from empty a dozen times, nor copied once more when nearly done.
        let mut starts = Vec::with_capacity(text.len() / 16);
        self.search(text, lines, out, Some(&mut starts));
        CapitalStarts {
            starts,
            too_long: false,
        }
    }

    /// [`PhraseSet::find`], pushing onto `capitals` the word starts that open with a
    /// capital when asked (the text's length fits in `u32`).
    fn search(
        &self,
        text: &str,
        lines: Lines,
        out: &mut Vec<Vec<Found>>,
        capitals: Option<&mut Vec<u32>>,
    ) {
        out.clear();
        // Room for a hit every 64 bytes in each table, so that the lists of a long
        // text are not copied as they grow.
        let room = text.len() / 64;
        out.resize_with(self.modes.len(), || Vec::with_capacity(room));
        let mut stops: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.modes.len()];
        let mut sink = Sink {
            set: self,
            out: &mut *out,
            stops: &mut stops,
        };
        self.words.each_match(text, lines, &mut sink, capitals);
        if let Some((automaton, ids)) = &self.automaton {
            // These patterns open with punctuation: no word start to look from. The
            // text is searched with its whitespace runs folded to one space, and the
            // matches mapped back.
            let hay = Folded::new(text, lines);
            let h: &str = &hay.text;
            for m in automaton.find_overlapping_iter(h) {
                let (start, end) = (m.start(), m.end());
                let pattern = ids[m.pattern().as_usize()];
                let p = &self.patterns[pattern as usize];
                if (p.check_start && word_before(h, start)) || (p.check_end && word_after(h, end)) {
                    continue;
                }
                sink.report(hay.original(start), hay.original_end(end), pattern);
            }
        }
        for (t, found) in out.iter_mut().enumerate() {
            match self.modes[t] {
                Mode::All => sort_nearly_sorted(found, |f| *f),
                Mode::LeftmostLongest => leftmost_longest(found, &stops[t]),
            }
        }
    }

    /// The matches of table `t` in `text` (lines joined).
    pub fn find_table(&self, text: &str, t: usize) -> Vec<Found> {
        let mut out = Vec::new();
        self.find(text, Lines::Joined, &mut out);
        out.swap_remove(t)
    }
}

/// Where a search's matches go: each table's hits and stop-phrases.
struct Sink<'s> {
    set: &'s PhraseSet,
    out: &'s mut Vec<Vec<Found>>,
    stops: &'s mut Vec<Vec<(usize, usize)>>,
}

impl Sink<'_> {
    /// Files a match of `pattern` under each of its meanings. Inlined where the word
    /// index reports: called out of line, the call cost a third of the filing.
    #[inline(always)]
    fn report(&mut self, start: usize, end: usize, pattern: u32) {
        let p = &self.set.patterns[pattern as usize];
        let mut put = |(t, entry): (u8, Entry)| match entry {
            Entry::Hit(value) => self.out[t as usize].push(Found { start, end, value }),
            Entry::Stop => self.stops[t as usize].push((start, end)),
        };
        put(p.first);
        if p.meanings.len() > 1 {
            let rest = p.meanings.start as usize + 1..p.meanings.end as usize;
            self.set.meanings[rest].iter().for_each(|&m| put(m));
        }
    }
}

/// Whether the character before byte `at` of `h` is a word character; ASCII is
/// answered from the byte.
fn word_before(h: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|i| h.as_bytes()[i]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => h[..at].chars().next_back().is_some_and(is_word_char),
    }
}

/// Whether the character at byte `at` of `h` is a word character.
fn word_after(h: &str, at: usize) -> bool {
    match h.as_bytes().get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => h[at..].chars().next().is_some_and(is_word_char),
    }
}

/// A phrase without its stem mark, and whether it had one.
fn stem(phrase: &str) -> (&str, bool) {
    match phrase.strip_suffix('*') {
        Some(text) => (text, true),
        None => (phrase, false),
    }
}

/// Keeps the leftmost-longest of `found` and `stops` together, then drops the stops.
fn leftmost_longest(found: &mut Vec<Found>, stops: &[(usize, usize)]) {
    if found.is_empty() {
        return;
    }
    let key = |f: &Found| (f.start, Reverse(f.end), f.value);
    sort_nearly_sorted(found, key);
    if !stops.is_empty() {
        // Stops carry the marker value u32::MAX while competing; they come in the
        // order of their ends too, and are merged in.
        let mut marked: Vec<Found> = stops
            .iter()
            .map(|&(start, end)| Found {
                start,
                end,
                value: u32::MAX,
            })
            .collect();
        sort_nearly_sorted(&mut marked, key);
        // Merged in place from the back: no second list the size of `found`.
        let (mut a, mut b) = (found.len(), marked.len());
        found.resize(a + b, Found::default());
        while b > 0 {
            if a > 0 && key(&found[a - 1]) > key(&marked[b - 1]) {
                found[a + b - 1] = found[a - 1];
                a -= 1;
            } else {
                found[a + b - 1] = marked[b - 1];
                b -= 1;
            }
        }
    }
    let mut next_free = 0;
    found.retain(|f| {
        if f.start < next_free {
            return false;
        }
        next_free = f.end;
        f.value != u32::MAX
    });
}

/// Sorts `v` by `key`, for a list that is nearly sorted already: the matches of an
/// overlapping search come in the order of their ends, so in the order of their starts
/// but for the few that overlap. Each item is moved back past the greater ones before
/// it; once the moves pass twice the length, the rest is left to `sort_unstable_by_key`,
/// so the cost stays linear on the lists it is for and `n log n` at worst. Items with
/// equal keys are equal here (the key holds every field), so any sort gives the same.
fn sort_nearly_sorted<T: Copy, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let mut budget = 2 * v.len();
    for i in 1..v.len() {
        let item = v[i];
        let k = key(&item);
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > k {
            if budget == 0 {
                v[j] = item;
                v.sort_unstable_by_key(key);
                return;
            }
            budget -= 1;
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = item;
    }
}

/// Whether `text` needs its whitespace runs folded (`compact`: two whitespace
/// characters in a row, or whitespace that is not ASCII), and else where its single
/// ASCII whitespace bytes other than a space stand (tab, carriage return, vertical
/// tab, form feed, and a line feed unless lines are kept apart), to be made spaces.
/// Found with byte searches rather than a look at every byte: such bytes are rare.
fn folding(text: &str, lines: Lines) -> (bool, Vec<usize>) {
    let b = text.as_bytes();
    let joined = lines == Lines::Joined;
    let odd_bytes @ [o0, o1, o2, o3] = ODD_SPACES;
    let odd_byte = |c: u8| odd_bytes.contains(&c) || (joined && c == b'\n');
    let space = |c: u8| c == b' ' || odd_byte(c);
    // Other whitespace opens with one of four bytes.
    let [l0, l1, l2, l3] = crate::text::WIDE_SPACE_LEADS;
    let mut wide = memchr::memchr3_iter(l0, l1, l2, b).chain(memchr::memchr_iter(l3, b));
    let compact = memchr::memmem::find(b, b"  ").is_some()
        || wide.any(|i| crate::text::is_wide_space_at(text, i));
    let mut odd: Vec<usize> = memchr::memchr3_iter(o0, o1, o2, b)
        .chain(memchr::memchr_iter(o3, b))
        .collect();
    if joined {
        odd.extend(memchr::memchr_iter(b'\n', b));
    }
    let compact = compact
        || odd
            .iter()
            .any(|&i| (i > 0 && space(b[i - 1])) || b.get(i + 1).is_some_and(|&c| space(c)));
    odd.sort_unstable();
    (compact, odd)
}

/// ASCII whitespace other than a space and a line feed: tab, carriage return,
/// vertical tab, form feed.
const ODD_SPACES: [u8; 4] = [b'\t', b'\r', 0x0b, 0x0c];

/// `text` with each run of whitespace made one space (a line feed kept when lines are
/// kept apart), and the break points of [`Folded`]: (folded offset, original offset)
/// after each run that is not one byte long, but the last if it ends the text.
fn fold_runs(text: &str, lines: Lines) -> (String, Vec<(usize, usize)>) {
    // The text between runs is copied whole; a run is found from its first byte
    // (an ASCII whitespace byte, or the lead byte of a wide space).
    let b = text.as_bytes();
    let foldable_at = |i: usize| match b[i] {
        c if c == b' ' || ODD_SPACES.contains(&c) => 1,
        b'\n' => usize::from(lines == Lines::Joined),
        c if !c.is_ascii() && crate::text::is_wide_space_at(text, i) => {
            text[i..].chars().next().map_or(1, char::len_utf8)
        }
        _ => 0,
    };
    let mut out = String::with_capacity(text.len());
    let mut breaks = vec![(0, 0)];
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        let mut len = foldable_at(i);
        if len == 0 {
            i += 1;
            continue;
        }
        out.push_str(&text[copied..i]);
        out.push(' ');
        let s = i;
        while len > 0 {
            i += len;
            len = if i < b.len() { foldable_at(i) } else { 0 };
        }
        // The folded space stands for text[s..i]; what follows maps on from i.
        if i - s != 1 && i < b.len() {
            breaks.push((out.len(), i));
        }
        copied = i;
    }
    out.push_str(&text[copied..]);
    (out, breaks)
}

/// A text with runs of whitespace folded to one space, and the way back to the
/// original byte offsets: a few break points, since runs are rare.
struct Folded<'t> {
    text: Cow<'t, str>,
    /// (folded offset, original offset) where the offset difference changes; `None`
    /// when nothing was folded.
    breaks: Option<Vec<(usize, usize)>>,
}

impl<'t> Folded<'t> {
    fn new(text: &'t str, lines: Lines) -> Self {
        // Most texts need no folding, or only single ASCII whitespace bytes made
        // spaces (same length, same offsets).
        let (compact, odd) = folding(text, lines);
        if !compact {
            if odd.is_empty() {
                return Folded {
                    text: Cow::Borrowed(text),
                    breaks: None,
                };
            }
            let mut out = text.as_bytes().to_vec();
            for &i in &odd {
                out[i] = b' ';
            }
            // ASCII bytes replaced by ASCII bytes: still UTF-8.
            let out = String::from_utf8(out)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            return Folded {
                text: Cow::Owned(out),
                breaks: None,
            };
        }
        let (out, breaks) = fold_runs(text, lines);
        Folded {
            text: Cow::Owned(out),
            breaks: Some(breaks),
        }
    }

    /// The original offset of folded offset `i`.
    fn original(&self, i: usize) -> usize {
        match &self.breaks {
            None => i,
            Some(b) => {
                let k = b.partition_point(|&(f, _)| f <= i) - 1;
                let (f, o) = b[k];
                o + (i - f)
            }
        }
    }

    /// The original offset of a match end `i` (exclusive). A match never ends in
    /// whitespace, so its last byte was copied as is.
    fn original_end(&self, i: usize) -> usize {
        self.original(i - 1) + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(phrases: &[&str], mode: Mode) -> PhraseSet {
        let mut t = PhraseTable::default();
        for (i, p) in phrases.iter().enumerate() {
            t.insert(p, Entry::Hit(i as u32));
        }
        PhraseSet::build(&[(&t, mode)], true).unwrap()
    }

    fn found<'t>(s: &PhraseSet, text: &'t str, lines: Lines) -> Vec<&'t str> {
        let mut out = Vec::new();
        s.find(text, lines, &mut out);
        out[0].iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn normalize_space_copies_only_what_splitting_would_give_back() {
        let by_words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in [
            "",
            " ",
            "Viet Nam",
            " Viet Nam",
            "Viet Nam ",
            "Viet  Nam",
            "Viet\tNam",
            "Viet\u{b}Nam",
            "Viet\u{a0}Nam",
            "Viet\u{2003}Nam",
            "Nguyễn Phú Trọng",
            "a",
            "a b c",
            "\u{85}",
        ] {
            assert_eq!(normalize_space(s), by_words(s), "{s:?}");
        }
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(2000));
        runner
            .run(&"[ a\t\u{b}\u{a0}\u{2003}ễ\n]{0,12}", |s| {
                proptest::prop_assert_eq!(normalize_space(&s), by_words(&s));
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn first_word_reads_as_the_characters_do() {
        let by_chars = |s: &str| {
            let end = s
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(s.len(), |(i, _)| i);
            s[..end].to_string()
        };
        for s in [
            "",
            "Viet Nam",
            "Ángel Gurría",
            "Nguyễn Phú Trọng",
            "Viet⁷ Nam",
            "ab9c-d",
            "Phúc",
            "é",
            "x",
            "São",
            "Đà Nẵng",
            "A\u{a0}B",
            "Nam²",
        ] {
            assert_eq!(first_word(s), by_chars(s), "{s:?}");
        }
    }

    /// What [`folding`] says, read a byte at a time.
    fn folding_byte_by_byte(text: &str, lines: Lines) -> (bool, Vec<usize>) {
        let keep = |c: char| c == '\n' && lines == Lines::Apart;
        let foldable = |c: char| c.is_whitespace() && !keep(c);
        let mut odd = Vec::new();
        let mut previous_space = false;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            let (space, is_odd) = match b {
                b' ' => (true, false),
                b'\n' if keep('\n') => (false, false),
                b'\n' | b'\t' | b'\r' | 0x0b | 0x0c => (true, true),
                0xC2 | 0xE1 | 0xE2 | 0xE3 if text[i..].chars().next().is_some_and(foldable) => {
                    return (true, odd);
                }
                _ => (false, false),
            };
            if space && previous_space {
                return (true, odd);
            }
            if is_odd {
                odd.push(i);
            }
            previous_space = space;
        }
        (false, odd)
    }

    #[test]
    fn folding_is_found_as_a_byte_by_byte_look_finds_it() {
        let texts = [
            "",
            "a",
            "a b",
            "a  b",
            "a\tb",
            "a \tb",
            "a\t b",
            "a\t\tb",
            "a\nb",
            "a \nb",
            "a\n b",
            "a\n\nb",
            "a\rb",
            "a\r\nb",
            "\t",
            "x\t",
            "\tx",
            "a\u{a0}b",
            "a\u{2009}b",
            "a\u{3000}b",
            "a\u{85}b",
            "Nguyễn\tPhú",
            "ễ\tễ",
            "a\u{b}b",
            "a\u{c}b",
            "a\u{2028}b",
            "Viet Nam\tand Lao\nPDR",
            "é è\tê\nẞ",
        ];
        // And every string of up to four pieces of these.
        let pieces = [
            "a", " ", "\t", "\n", "\r", "\u{a0}", "ễ", "\u{2009}", "\u{c}",
        ];
        let mut all: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        all.extend(strings_of(&pieces, 4));
        for text in &all {
            let text = text.as_str();
            for lines in [Lines::Joined, Lines::Apart] {
                let (compact, odd) = folding(text, lines);
                let (by_byte, odd_by_byte) = folding_byte_by_byte(text, lines);
                assert_eq!(compact, by_byte, "{text:?} {lines:?}");
                if !compact {
                    assert_eq!(odd, odd_by_byte, "{text:?} {lines:?}");
                }
            }
        }
    }

    #[test]
    fn a_nearly_sorted_list_is_sorted_as_by_a_full_sort() {
        // Matches in the order of their ends, overlapping; a list in reverse (the move
        // budget runs out and the full sort takes over); short and empty lists.
        let mut lists: Vec<Vec<(usize, usize)>> = vec![
            vec![
                (0, 3),
                (4, 9),
                (2, 10),
                (6, 10),
                (0, 12),
                (11, 14),
                (11, 14),
            ],
            (0..200).rev().map(|i| (i, i + 1)).collect(),
            (0..200).map(|i| ((i * 7919) % 200, i)).collect(),
            vec![(1, 2)],
            vec![],
        ];
        let by_end: Vec<(usize, usize)> = (0..300)
            .map(|i| (i / 3 * 2, i / 3 * 2 + 5 - i % 3))
            .collect();
        lists.push(by_end);
        for list in lists {
            let key = |&(s, e): &(usize, usize)| (s, Reverse(e));
            let mut want = list.clone();
            want.sort_unstable_by_key(key);
            let mut got = list.clone();
            sort_nearly_sorted(&mut got, key);
            assert_eq!(got, want, "{list:?}");
        }
    }

    /// Every string of one to `most` of `pieces`, in turn.
    fn strings_of(pieces: &[&str], most: usize) -> Vec<String> {
        let mut all = Vec::new();
        let mut level = vec![String::new()];
        for _ in 0..most {
            level = level
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            all.extend(level.iter().cloned());
        }
        all
    }

    /// What [`fold_runs`] gives, read a character at a time.
    fn fold_runs_by_char(text: &str, lines: Lines) -> (String, Vec<(usize, usize)>) {
        let foldable = |c: char| c.is_whitespace() && !(c == '\n' && lines == Lines::Apart);
        let mut out = String::new();
        let mut breaks = vec![(0, 0)];
        let mut run: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if foldable(c) {
                if run.is_none() {
                    run = Some(i);
                    out.push(' ');
                }
                continue;
            }
            if let Some(s) = run.take()
                && i - s != 1
            {
                breaks.push((out.len(), i));
            }
            out.push(c);
        }
        (out, breaks)
    }

    #[test]
    fn runs_are_folded_as_a_look_at_each_character_folds_them() {
        let pieces = [
            "a", " ", "\t", "\n", "\r", "\u{a0}", "ễ", "\u{2009}", "\u{c}", "\u{85}", "\u{3000}",
        ];
        for text in &strings_of(&pieces, 4) {
            for lines in [Lines::Joined, Lines::Apart] {
                assert_eq!(
                    fold_runs(text, lines),
                    fold_runs_by_char(text, lines),
                    "{text:?} {lines:?}"
                );
            }
        }
    }

    #[test]
    fn folded_offsets_map_back() {
        let s = set(&["Viet Nam", "Lao PDR"], Mode::LeftmostLongest);
        let text = "In  Viet \t Nam and\u{a0}Lao\nPDR.";
        assert_eq!(found(&s, text, Lines::Joined), ["Viet \t Nam", "Lao\nPDR"]);
        assert_eq!(found(&s, text, Lines::Apart), ["Viet \t Nam"]);
    }

    #[test]
    fn a_word_index_finds_what_a_phrase_set_finds() {
        let phrases = [
            "Senior Officials' Meeting",
            "SOM",
            "Senior Officials",
            "Nguyễn Phú Trọng",
        ];
        let s = set(&phrases, Mode::LeftmostLongest);
        let index =
            WordIndex::new(phrases.iter().enumerate().map(|(i, p)| (*p, i as u32))).unwrap();
        for text in [
            "the Senior Officials' Meeting (SOM) and the Senior  Officials of SOMALIA",
            "SOMSOM SOM, Nguyễn Phú Trọng.\nSenior\nOfficials",
            "the U.S. Congress in Đà Nẵng, A and AB; ĐàĐà Nẵng",
            "",
        ] {
            for lines in [Lines::Joined, Lines::Apart] {
                let mut out = Vec::new();
                s.find(text, lines, &mut out);
                assert_eq!(index.find(text, lines), out[0], "{text:?}");
            }
        }
        assert!(WordIndex::new([("(SOM)", 0)]).is_none());
        // Phrases that all open with a capital: the same matches.
        let phrases = ["Senior Officials", "SOM", "Kang Kyung-Wha", "Kang"];
        let s = set(&phrases, Mode::LeftmostLongest);
        let index =
            WordIndex::new(phrases.iter().enumerate().map(|(i, p)| (*p, i as u32))).unwrap();
        let text = "the minister met senior officials and Kang Kyung-Wha, then the SOM; \
                    xKang and Kangaroo aside, Senior Officials of the ministry met Kang.";
        let mut out = Vec::new();
        s.find(text, Lines::Apart, &mut out);
        assert_eq!(index.find(text, Lines::Apart), out[0]);
        assert_eq!(out[0].len(), 4);
        // A phrase opening with a character that is not ASCII: still all capitalised.
        let phrases = ["Ángel Arzuaga", "Kang", "Øystein"];
        let s = set(&phrases, Mode::LeftmostLongest);
        let index =
            WordIndex::new(phrases.iter().enumerate().map(|(i, p)| (*p, i as u32))).unwrap();
        assert!(index.capitals_only);
        let text = "the envoy Ángel Arzuaga met Kang; xÁngel Arzuaga, éÁngel and \
                    Kangaroo aside, Øystein and Ángel Arzuaga spoke to the ñKang.";
        s.find(text, Lines::Apart, &mut out);
        assert_eq!(index.find(text, Lines::Apart), out[0]);
        assert_eq!(out[0].len(), 4);
    }

    #[test]
    fn an_index_finds_from_the_capital_starts_what_its_scan_finds() {
        let phrases = [
            "Senior Officials",
            "SOM",
            "Kang Kyung-Wha",
            "Kang",
            "Ángel Arzuaga",
            "Øystein",
            "U.S.",
            "Nguyễn Xuân Phúc",
            "Le Duc Anh",
            "Vo",
            "Ng",
            "APEC",
            "A1",
        ];
        let index =
            WordIndex::new(phrases.iter().enumerate().map(|(i, p)| (*p, i as u32))).unwrap();
        assert!(index.capitals_only);
        // The automaton over the same phrases: what the index must find.
        let automaton = set(&phrases, Mode::LeftmostLongest);
        let mut texts: Vec<String> = vec![
            "the minister met Senior  Officials and Kang Kyung-Wha, then the SOM; xKang and \
             Kangaroo aside, Senior\nOfficials met Kang. U.S.Kang, U.S. Kang"
                .to_string(),
            "the envoy Ángel Arzuaga met Kang; xÁngel Arzuaga, éÁngel and Øystein, ñKang, \
             ²Kang, Kang², 5Kang, Nguyễn Xuân Phúc and NguyễnXuân"
                .to_string(),
            "Le Duc Anh, Le² Duc Anh, Lee, Le-Duc Anh, Le\u{2019}s; Vo, Vo², Vow, Vo. Ng, \
             Ngo, Ng\u{e9}; APEC, APECS, APEC\u{2019}s, A1, A12, A1\u{b9}, A"
                .to_string(),
        ];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(&path).unwrap());
            }
        }
        let mut found = 0;
        for text in &texts {
            let starts = CapitalStarts::of(text);
            // The whole text, each line, and stretches opening inside words and
            // characters' neighbourhoods.
            let mut stretches: Vec<std::ops::Range<usize>> = Vec::new();
            stretches.push(0..text.len());
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                stretches.push(at..at + line.len());
                at += line.len();
            }
            for (k, (i, _)) in text.char_indices().enumerate().filter(|(k, _)| k % 7 == 0) {
                let end = crate::text::floor(text, (i + 40 + k % 13).min(text.len()));
                stretches.push(i..end.max(i));
            }
            // One cursor for all: the stretches come in order and out of it.
            let mut cursor = 0;
            for r in stretches {
                let t = &text[r.clone()];
                for lines in [Lines::Joined, Lines::Apart] {
                    let scanned = index.find(t, lines);
                    assert_eq!(
                        index.find_at(t, r.start, &starts, &mut cursor, lines),
                        scanned,
                        "{t:?}"
                    );
                    let mut out = Vec::new();
                    automaton.find(t, lines, &mut out);
                    assert_eq!(scanned, out[0], "{t:?}");
                    found += scanned.len();
                }
            }
        }
        assert!(found > 20, "{found} matches");
    }

    #[test]
    fn an_index_finds_from_the_capital_starts_what_its_scan_finds_in_any_text() {
        // Capitalised phrases of one to three words, and texts of their words, others
        // sharing their first bytes, and separators of every kind.
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(2000));
        let phrase = "(A|Ab|Abc|Ng|Ngô|Ángel|X|A1)( (b|Bc|Ngô|1|Ab)){0,2}";
        let text = "(A|Ab|Abc|Abcd|Ng|Ngô|Ngo|Ángel|X|A1|A12|b|Bc|1|x|é|Đ| |  |\n|-|\\.|²){0,24}";
        runner
            .run(
                &(proptest::collection::vec(phrase, 1..6), text),
                |(phrases, text)| {
                    let index = WordIndex::new(
                        phrases
                            .iter()
                            .enumerate()
                            .map(|(i, p)| (p.as_str(), i as u32)),
                    )
                    .unwrap();
                    let starts = CapitalStarts::of(&text);
                    let mut cursor = 0;
                    let mut at = 0;
                    for r in std::iter::once(0..text.len()).chain(text.split_inclusive('\n').map(
                        |line| {
                            at += line.len();
                            at - line.len()..at
                        },
                    )) {
                        let t = &text[r.clone()];
                        for lines in [Lines::Joined, Lines::Apart] {
                            proptest::prop_assert_eq!(
                                index.find_at(t, r.start, &starts, &mut cursor, lines),
                                index.find(t, lines),
                                "{:?} {:?}",
                                phrases,
                                t
                            );
                        }
                    }
                    Ok(())
                },
            )
            .unwrap();
    }

    /// A [`WordIndex`] as it was built with a map of lists: the phrases of each first
    /// word (longest first, each once) and the bit tables, what the index's own
    /// grouping and tables are held to.
    #[allow(clippy::type_complexity)]
    fn word_index_by_map(
        phrases: &[(&str, u32)],
    ) -> Option<(
        HashMap<String, Vec<(String, u32)>>,
        [Vec<u64>; 3],
        [Vec<bool>; 2],
        bool,
    )> {
        let mut by_first: HashMap<String, Vec<(String, u32)>> = HashMap::default();
        let mut openings = vec![0u64; OPENING_BITS / 64];
        let mut prefixes = vec![0u64; PREFIX_BITS / 64];
        let mut threes = vec![0u64; THREE_BITS / 64];
        let mut first_bytes = vec![false; 256];
        let mut one_byte_words = vec![false; 256];
        let mut capitals_only = true;
        for &(phrase, value) in phrases {
            let phrase = normalize_space(phrase);
            let first = first_word(&phrase);
            if first.is_empty() {
                return None;
            }
            let slot = opening(first.as_bytes());
            openings[slot / 64] |= 1 << (slot % 64);
            if let Some(key) = prefix_key(first.as_bytes()) {
                prefixes[key / 64] |= 1 << (key % 64);
            }
            first_bytes[usize::from(first.as_bytes()[0])] = true;
            match *first.as_bytes() {
                [a] => one_byte_words[usize::from(a)] = true,
                [a, b] => {
                    for c in (0..=u8::MAX).filter(|c| !c.is_ascii_alphanumeric()) {
                        let slot = three_slot(u32::from_le_bytes([a, b, c, 0]));
                        threes[slot / 64] |= 1 << (slot % 64);
                    }
                }
                [a, b, c, ..] => {
                    let slot = three_slot(u32::from_le_bytes([a, b, c, 0]));
                    threes[slot / 64] |= 1 << (slot % 64);
                }
                [] => {}
            }
            let b = first.as_bytes()[0];
            capitals_only &= b.is_ascii_uppercase() || !b.is_ascii();
            let key = first.to_string();
            by_first.entry(key).or_default().push((phrase, value));
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
            list.dedup_by(|a, b| a.0 == b.0);
        }
        Some((
            by_first,
            [openings, prefixes, threes],
            [first_bytes, one_byte_words],
            capitals_only,
        ))
    }

    /// Checks that `phrases` make the index the map of lists made.
    fn assert_index_as_by_map(phrases: &[(&str, u32)]) {
        let index = WordIndex::new(phrases.iter().copied());
        let Some((by_first, bits, flags, capitals_only)) = word_index_by_map(phrases) else {
            assert!(index.is_none(), "{phrases:?}");
            return;
        };
        let index = index.unwrap();
        let groups = index.slots.iter().filter(|r| !r.is_empty()).count();
        assert_eq!(groups, by_first.len(), "{phrases:?}");
        for (word, list) in &by_first {
            let found: Vec<(String, u32)> = index
                .phrases_of(word)
                .iter()
                .map(|p| (index.text[p.start..p.end].to_string(), p.value))
                .collect();
            assert_eq!(&found, list, "{phrases:?}");
        }
        assert!(index.phrases_of("zz-none").is_empty());
        let [openings, prefixes, threes] = bits;
        assert_eq!(
            [&index.openings.0[..], &index.prefixes.0[..]],
            [&openings[..], &prefixes[..]]
        );
        // The bytes tried after a first word of two bytes are those a text can show
        // there: fewer than all that are no letter or digit.
        assert!(index.threes.0.iter().zip(&threes).all(|(n, o)| n & !o == 0));
        assert_eq!(
            [&index.first_bytes.0[..], &index.one_byte_words.0[..]],
            [&flags[0][..], &flags[1][..]]
        );
        assert_eq!(index.capitals_only, capitals_only);
    }

    #[test]
    fn a_word_index_groups_its_phrases_as_a_map_of_lists_did() {
        assert_index_as_by_map(&[]);
        assert_index_as_by_map(&[("Kang", 0), ("Kang Kyung-Wha", 1), ("Kang", 2)]);
        assert_index_as_by_map(&[("Vo  Van", 3), ("Vo\tVan", 1), ("Vo", 2), ("Xi", 0)]);
        assert_index_as_by_map(&[("Ángel Arzuaga", 0), ("(SOM)", 1)]);
        assert_index_as_by_map(&[("  Ng ", 0), ("A1", 1), ("a", 2), ("\u{a0}", 3)]);
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(2000));
        let phrase = "(A|Ab|Abc|Ng|Ngô|Xi|x|1|ễ|-| |  |\t|\u{a0}|\u{b}|\n|\\.){0,5}";
        runner
            .run(
                &proptest::collection::vec((phrase, 0..4u32), 0..12),
                |phrases| {
                    let phrases: Vec<(&str, u32)> =
                        phrases.iter().map(|(p, v)| (p.as_str(), *v)).collect();
                    assert_index_as_by_map(&phrases);
                    Ok(())
                },
            )
            .unwrap();
    }

    /// [`push_normalized`] as it was: its test of a phrase already single spaced read
    /// a byte at a time.
    fn push_normalized_by_bytes(out: &mut String, s: &str) {
        let b = s.as_bytes();
        let plain = |k: usize| match b[k] {
            b' ' => k > 0 && k + 1 < b.len() && b[k + 1] != b' ',
            c => c.is_ascii() && !c.is_ascii_whitespace() && c != 0x0b,
        };
        if !b.is_empty() && (0..b.len()).all(plain) || single_spaced(s) {
            out.push_str(s);
            return;
        }
        for (k, word) in s.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }

    #[test]
    fn phrases_are_appended_as_a_byte_at_a_time() {
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(2000));
        runner
            .run(
                &"([A-Za-z.-]{0,9}|[ \t\n\u{b}\u{c}\r\u{1}]{0,2}|\u{a0}|\u{2003}|ễ){0,8}",
                |s| {
                    let (mut new, mut old) = ("x".to_string(), "x".to_string());
                    push_normalized(&mut new, &s);
                    push_normalized_by_bytes(&mut old, &s);
                    proptest::prop_assert_eq!(new, old);
                    Ok(())
                },
            )
            .unwrap();
    }

    #[test]
    fn phrases_are_appended_as_normalize_space_gives_them() {
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(2000));
        runner
            .run(&"[ a.\t\u{b}\u{c}\r\u{a0}\u{85}\u{2003}ễ\n]{0,12}", |s| {
                let mut out = "x".to_string();
                push_normalized(&mut out, &s);
                proptest::prop_assert_eq!(&out[1..], normalize_space(&s));
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn the_three_bytes_rule_out_no_phrase_the_capital_starts_find() {
        // First words of one, two (ASCII, and one character that is not) and three or
        // more bytes, meeting every kind of byte after them, and the stretch's end.
        let phrases = [
            "U.S.",
            "Vo Van",
            "Vo",
            "Ng",
            "Ö Ö",
            "Kim",
            "Xi Jin",
            "Đà Nẵng",
        ];
        let index =
            WordIndex::new(phrases.iter().enumerate().map(|(i, p)| (*p, i as u32))).unwrap();
        assert!(index.capitals_only);
        let automaton = set(&phrases, Mode::LeftmostLongest);
        let pieces = [
            "Vo",
            "Ng",
            "Ö",
            "U",
            ".S.",
            "Kim",
            "Xi",
            " ",
            "\u{a0}",
            "\n",
            "Van",
            "Jin",
            "\u{2019}s",
            "², ",
            "x",
            "Đà",
            "Nẵng",
        ];
        let mut found = 0;
        for text in strings_of(&pieces, 3) {
            let starts = CapitalStarts::of(&text);
            for lines in [Lines::Joined, Lines::Apart] {
                let listed = index.find_at(&text, 0, &starts, &mut 0, lines);
                assert_eq!(listed, index.find(&text, lines), "{text:?}");
                let mut out = Vec::new();
                automaton.find(&text, lines, &mut out);
                assert_eq!(listed, out[0], "{text:?}");
                found += listed.len();
            }
        }
        assert!(found > 1000, "{found} matches");
        // The bytes past a text's end read as 0.
        assert_eq!(three_at(b"Vo", 0), u32::from_le_bytes([b'V', b'o', 0, 0]));
        assert_eq!(three_at(b"A Vo", 2), three_at(b"A Vo\0\0", 2));
        assert_eq!(three_at(b"Kim Jong", 0), three_at(b"Kim", 0));
    }

    #[test]
    fn bytes_are_the_same_as_a_comparison_of_slices_finds() {
        // Every length up to 20, the same and differing at each place, and lengths
        // that differ.
        let base: Vec<u8> = (0..20u8).map(|b| b'a' + b).collect();
        for n in 0..=20 {
            let a = &base[..n];
            assert!(same_bytes(a, a));
            for k in 0..n {
                let mut b = a.to_vec();
                b[k] ^= 0x20;
                assert_eq!(same_bytes(a, &b), a == b.as_slice(), "{n} {k}");
                assert!(!same_bytes(a, &b), "{n} {k}");
            }
            if n > 0 {
                assert!(!same_bytes(a, &base[..n - 1]));
                assert!(!same_bytes(&base[..n - 1], a));
            }
        }
        assert!(same_bytes("Nguyễn".as_bytes(), "Nguyễn".as_bytes()));
        assert!(!same_bytes("Nguyễn".as_bytes(), "Nguyễm".as_bytes()));
    }

    #[test]
    fn a_capital_is_told_by_its_bits_at_every_byte_a_word_opens_with() {
        for b in 0..=u8::MAX {
            if b.is_ascii_alphanumeric() || !b.is_ascii() {
                assert_eq!(
                    opens_capital_byte(b),
                    !b.is_ascii() | b.is_ascii_uppercase(),
                    "{b:#x}"
                );
            }
        }
    }

    #[test]
    fn a_group_is_found_as_a_look_up_of_the_first_word_finds_it() {
        // Words sharing their first four bytes (one chain), shorter ones, and words
        // with characters that are not ASCII.
        let words = [
            "Minister",
            "Ministers",
            "Ministry",
            "Ministerial",
            "Mini",
            "Min",
            "M",
            "Nam",
            "Namibia",
            "Nguyễn",
            "Đà",
            "ab9c",
            "ab9cd",
            "International",
            "Internationally",
        ];
        let index = FirstWords::new(words.iter().enumerate().map(|(i, w)| (*w, i as u32, true)));
        let pieces = [
            "Minister",
            "s",
            "ial",
            "y",
            "Mini",
            "Min",
            "M",
            " ",
            "-",
            "\u{2019}",
            "é",
            "⁷",
            "Nam",
            "ibia",
            "Nguyễn",
            "Đà",
            "ab9c",
            "d",
            "International",
            "ly",
        ];
        let found: usize = strings_of(&pieces, 3)
            .iter()
            .map(|text| groups_found_as_by_word(&index, text))
            .sum();
        assert!(found > 1000, "{found} found");
    }

    /// Checks that [`FirstWords::group_at`] finds, at every word start of `text`, the
    /// group the word itself is looked up by (or none where it finds none); gives how
    /// many word starts have one.
    fn groups_found_as_by_word(index: &FirstWords, text: &str) -> usize {
        let mut found = 0;
        each_word_start(text, |starts| {
            for &i in starts {
                let word = first_word(&text[i..]);
                let want = index.by_word.get(word).map(|&g| {
                    let c: *const Candidates = &index.groups[g as usize].candidates;
                    (c, word.len())
                });
                let prefix = prefix_bytes(&text.as_bytes()[i..]).unwrap_or(NO_BYTES);
                let got = index
                    .group_at(text, i, prefix, bytes_slot(prefix))
                    .map(|(c, len)| (c as *const Candidates, len));
                assert_eq!(got, want, "{text:?} {i} {word:?}");
                found += usize::from(got.is_some());
            }
        });
        found
    }

    #[test]
    fn groups_sharing_a_slot_are_told_apart_by_their_words() {
        // More words than the table has slots, of three bytes (the prefix is the word)
        // and of six (the prefix is its first four): every slot holds several.
        let letters = |range: std::ops::RangeInclusive<u8>| range.map(char::from);
        let mut words = Vec::new();
        for a in letters(b'A'..=b'Z') {
            for b in letters(b'a'..=b'z') {
                for c in letters(b'a'..=b'z') {
                    words.push(format!("{a}{b}{c}"));
                    if c < 'e' {
                        words.push(format!("{a}{b}{c}de{c}"));
                    }
                }
            }
        }
        assert!(words.len() > GROUP_SLOTS);
        let index = FirstWords::new(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| (w.as_str(), i as u32, true)),
        );
        // The words, and words that are not there: longer, shorter, or one letter
        // other.
        let text = words
            .iter()
            .flat_map(|w| {
                [
                    w.clone(),
                    format!("{w}x"),
                    format!("{w}d"),
                    w[..2].to_string(),
                ]
            })
            .collect::<Vec<_>>()
            .join(" ");
        let found = groups_found_as_by_word(&index, &text);
        assert!(found >= words.len(), "{found} found");
    }

    #[test]
    fn a_phrase_is_matched_fast_where_a_walk_of_its_characters_matches_it() {
        // Phrases of a first word and more words, against texts holding the phrase with
        // its spaces written as runs of whitespace of every kind, then any mix of the
        // phrase's letters, whitespace and characters that are not ASCII.
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(4000));
        runner
            .run(
                &(
                    "[ab é]{0,6}[abé]",
                    proptest::collection::vec(0..6usize, 4),
                    "[ab \t\n\u{a0}\u{2003}é.]{0,8}",
                ),
                |(rest, runs, tail)| {
                    let phrase = normalize_space(&format!("Ab{rest}"));
                    let known = first_word(&phrase).len();
                    // The phrase with each space written as a run of whitespace, then
                    // anything.
                    let spaces = [" ", "  ", "\t", "\n", "\u{a0}", " \u{2003}"];
                    let mut text = phrase[..known].to_string();
                    for (k, piece) in phrase[known..].split(' ').enumerate() {
                        if k > 0 {
                            text.push_str(spaces[runs[k % runs.len()]]);
                        }
                        text.push_str(piece);
                    }
                    text.push_str(&tail);
                    for lines in [Lines::Joined, Lines::Apart] {
                        proptest::prop_assert_eq!(
                            match_fast(&text, 0, known, &phrase, lines),
                            match_at(&text, 0, &phrase, lines),
                            "{:?} {:?}",
                            phrase,
                            text
                        );
                    }
                    Ok(())
                },
            )
            .unwrap();
    }

    #[test]
    fn a_window_rules_out_only_what_a_full_comparison_rules_out() {
        // Phrases of one first word and what may follow it (spaces, letters,
        // characters that are not ASCII), against texts with that word and then runs
        // of whitespace of every kind, letters and signs, short and long.
        let phrases: Vec<String> = strings_of(&[" ", "a", "bc", "é", "-"], 4)
            .into_iter()
            .filter(|t| !t.starts_with(' ') || t.len() > 1)
            .map(|t| format!("Ab{t}"))
            .filter(|p| normalize_space(p) == *p)
            .collect();
        let pieces = [" ", "a", "bc", "  ", "\t", "\n", "é", "\u{2003}"];
        let texts: Vec<String> = strings_of(&pieces, 3)
            .into_iter()
            .flat_map(|t| ["", "abcdefgh", " bcdefgh"].map(|pad| format!("Ab{t}{pad}")))
            .collect();
        let mut ruled_out = 0;
        for phrase in &phrases {
            let window = Window::of(phrase.as_bytes(), 2);
            for text in &texts {
                if window.rules_out(text.as_bytes(), 2) {
                    ruled_out += 1;
                    for lines in [Lines::Joined, Lines::Apart] {
                        assert_eq!(
                            match_fast(text, 0, 2, phrase, lines),
                            None,
                            "{phrase:?} {text:?}"
                        );
                    }
                }
            }
        }
        assert!(ruled_out > 0);
        // The same, seven and eight bytes on (the second eight bytes of the window):
        // the phrases and texts open alike up to there, spaces included.
        let mut ruled_out = 0;
        for lead in [" ab cde", " ab cdef"] {
            for phrase in &phrases {
                let phrase = format!("Ab{lead}{}", &phrase[2..]);
                let window = Window::of(phrase.as_bytes(), 2);
                for text in &texts {
                    let text = format!("Ab{lead}{}", &text[2..]);
                    if window.rules_out(text.as_bytes(), 2) {
                        ruled_out += 1;
                        for lines in [Lines::Joined, Lines::Apart] {
                            assert_eq!(
                                match_fast(&text, 0, 2, &phrase, lines),
                                None,
                                "{phrase:?} {text:?}"
                            );
                        }
                    }
                }
            }
        }
        assert!(ruled_out > 0);
    }

    #[test]
    fn a_prefix_is_read_as_a_byte_at_a_time_reads_it() {
        // Every ASCII byte, and bytes that are not, at each of the first places of a
        // word; and strings of letters, digits, signs and characters that are not
        // ASCII; from every place, up to the end.
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for at in 0..6 {
            for b in (0..=0x80u8).chain([0xC3, 0xE1, 0xFF]) {
                let mut t = b"Abcdefgh".to_vec();
                t[at] = b;
                texts.push(t[..5].to_vec());
                texts.push(t);
            }
        }
        let pieces = ["a", "Z", "9", " ", "é", "-", "\u{2019}", "Đ"];
        texts.extend(strings_of(&pieces, 5).into_iter().map(String::into_bytes));
        for t in &texts {
            for from in 0..=t.len() {
                let s = &t[from..];
                assert_eq!(prefix_word(s), prefix_word_bytewise(s), "{s:?}");
            }
        }
    }

    #[test]
    fn prefix_bytes_with_their_length_are_the_prefix_word() {
        // Any bytes: letters, digits, signs, 0, and bytes that are not ASCII, of every
        // length up to the eight `prefix_word` may look at and beyond.
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(4000));
        let byte = proptest::prop_oneof![
            proptest::sample::select(b"aZ09 -.\0\t".to_vec()),
            proptest::num::u8::ANY,
        ];
        runner
            .run(&proptest::collection::vec(byte, 0..10), |s| {
                proptest::prop_assert_eq!(prefix_bytes(&s).map(with_length), prefix_word(&s));
                Ok(())
            })
            .unwrap();
    }

    /// [`next_key`] as it read the text before its shortcut for one space: a character
    /// at a time.
    fn next_key_by_chars(text: &str, at: usize, lines: Lines) -> Option<u16> {
        let b = *text.as_bytes().get(at)?;
        let spaced = |c: char| c.is_whitespace() && !(c == '\n' && lines == Lines::Apart);
        let is_space = match b {
            b' ' => true,
            _ if b.is_ascii() => spaced(char::from(b)),
            _ => text[at..].chars().next().is_some_and(spaced),
        };
        if !is_space {
            return Some(u16::from(b));
        }
        let run = text[at..]
            .char_indices()
            .find(|&(_, c)| !spaced(c))
            .map_or(text.len(), |(k, _)| at + k);
        text.as_bytes().get(run).map(|&b| SPACED | u16::from(b))
    }

    #[test]
    fn the_key_after_a_word_is_read_as_a_walk_of_its_characters_reads_it() {
        // Runs of whitespace of every kind (a line feed, a vertical tab, wide spaces),
        // control characters that are no whitespace, letters, signs and characters that
        // are not ASCII; from every character on.
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(4000));
        runner
            .run(
                &"[ a.\t\n\r\u{b}\u{c}\u{1c}\u{1f}\u{7f}\u{85}\u{a0}\u{2003}é]{0,8}",
                |text| {
                    for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                        for lines in [Lines::Joined, Lines::Apart] {
                            proptest::prop_assert_eq!(
                                next_key(&text, at, lines),
                                next_key_by_chars(&text, at, lines),
                                "{:?} {}",
                                text,
                                at
                            );
                        }
                    }
                    Ok(())
                },
            )
            .unwrap();
    }

    #[test]
    fn word_starts_are_listed_as_a_look_at_each_character_lists_them() {
        // Words of every length up to five among signs and characters that are not
        // ASCII, up to four starts in eight bytes, and batches filled to the brim.
        let pieces = ["a", "Bc", "def", "9", " ", "-", "é", "⁷", "Nẵng", "x y"];
        let mut texts = strings_of(&pieces, 4);
        texts.push("a b c d e f g h i j ".repeat(40));
        texts.push("é a, b;c.d".repeat(50));
        // The fixtures, whole and line by line.
        for (_, text) in crate::testing::fixture_texts() {
            texts.extend(text.split_inclusive('\n').map(str::to_string));
            texts.push(text);
        }
        for text in &texts {
            assert_eq!(
                word_starts_listed(text),
                word_starts_by_chars(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn word_starts_are_listed_as_a_look_at_each_character_lists_them_on_any_text() {
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(2000));
        runner
            .run(
                &"([A-Za-z0-9]{0,9}|[ ,.'\n-]{0,3}|é|⁷|ễ|\u{2003}|\\PC){0,24}",
                |s| {
                    proptest::prop_assert_eq!(word_starts_listed(&s), word_starts_by_chars(&s));
                    Ok(())
                },
            )
            .unwrap();
    }

    /// The word starts [`each_word_start`] hands over for `text`, each batch checked to
    /// hold [`BLOCK`] at most.
    fn word_starts_listed(text: &str) -> Vec<usize> {
        let mut got = Vec::new();
        each_word_start(text, |starts| {
            assert!(starts.len() <= BLOCK);
            got.extend_from_slice(starts);
        });
        got
    }

    /// The word starts of `text`, a character at a time: what [`each_word_start`] is
    /// held to.
    fn word_starts_by_chars(text: &str) -> Vec<usize> {
        let mut want = Vec::new();
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            if is_word_char(c) && !in_word {
                want.push(i);
            }
            in_word = is_word_char(c);
        }
        want
    }

    #[test]
    fn word_bytes_of_eight_are_told_at_once() {
        // Every ASCII byte at every place, among letters, digits and signs.
        for at in 0..8 {
            for b in 0..0x80u8 {
                let mut chunk = *b"aZ 9-Q.m";
                chunk[at] = b;
                let words = ascii_words(u64::from_le_bytes(chunk));
                for (k, c) in chunk.iter().enumerate() {
                    let flag = words >> (8 * k + 7) & 1 == 1;
                    assert_eq!(flag, c.is_ascii_alphanumeric(), "{chunk:?} {k}");
                }
                assert_eq!(words & !HIGH, 0);
            }
        }
    }

    /// Every table's matches by the word index (and the automaton for the rest) and
    /// by the automaton over every pattern, for lines apart and joined.
    fn assert_index_finds_what_the_automaton_finds(
        index: &PhraseSet,
        automaton: &PhraseSet,
        text: &str,
    ) {
        for lines in [Lines::Apart, Lines::Joined] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            index.find(text, lines, &mut a);
            automaton.find(text, lines, &mut b);
            assert_eq!(a, b, "{lines:?} {text:?}");
        }
    }

    #[test]
    fn the_word_index_finds_what_the_automaton_finds() {
        let mut stop = PhraseTable::default();
        stop.insert("Republic of", Entry::Stop);
        stop.insert("Viet Nam", Entry::Hit(0));
        stop.insert("Republic of Korea", Entry::Hit(1));
        stop.insert("U.S.", Entry::Hit(2));
        stop.insert("US", Entry::Hit(3));
        stop.insert("Lao P.D.R.", Entry::Hit(4));
        stop.insert("Đà Nẵng", Entry::Hit(5));
        stop.insert("Côte d'Ivoire", Entry::Hit(6));
        stop.insert("(SOM)", Entry::Hit(7));
        let mut all = PhraseTable::default();
        for (i, p) in [
            "ratif*",
            "visit",
            "state visit",
            "Nam",
            "Nam*",
            "of",
            "of Korea",
            "K*",
        ]
        .iter()
        .enumerate()
        {
            all.insert(p, Entry::Hit(i as u32));
        }
        let index =
            PhraseSet::build(&[(&stop, Mode::LeftmostLongest), (&all, Mode::All)], false).unwrap();
        assert!(index.automaton.is_some(), "(SOM) opens with punctuation");
        let automaton = index.automaton_only();
        let pieces = [
            "Viet", " ", "Nam", "\t", "\n", "\u{a0}", "  ", "Republic", "of", "Korea", "ratif",
            "ied", "U.S.", "US", "é", "⁷", "-", "Đà", "Nẵng", "(SOM)", "state", "visit", "K", "x",
            "VIET",
        ];
        for text in strings_of(&pieces, 3) {
            assert_index_finds_what_the_automaton_finds(&index, &automaton, &text);
        }
        for text in [
            "the Republic of\u{a0} Korea and Viet \r\n Nam, the U.S.; US$ 5; Lao P.D.R. and \
             Côte d’Ivoire, Côte d'Ivoire; REPUBLIC OF KOREA; a state  visit\tratified; \
             Viet\u{2003}Nam\u{0085}; Nam\u{301} Nam⁷ xNam ratif",
            "",
            " ",
            "Nam",
        ] {
            assert_index_finds_what_the_automaton_finds(&index, &automaton, text);
        }
    }

    #[test]
    fn stems_of_four_letters_or_more_are_found_from_their_prefix() {
        // No stem shorter than four letters: a word start is looked at only when its
        // prefix is a group's or a stem's.
        for mode in [Mode::All, Mode::LeftmostLongest] {
            let index = set(
                &[
                    "commemorat*",
                    "ratif*",
                    "visit",
                    "state visit",
                    "Viet Nam",
                    "Rati",
                ],
                mode,
            );
            assert!(!index.words.short_stem && !index.words.stems.is_empty());
            let automaton = index.automaton_only();
            let pieces = [
                "commemorat",
                "ing",
                "ratif",
                "ied",
                "Rati",
                "rat",
                "visit",
                "state",
                " ",
                "Viet",
                "Nam",
                "x",
                "é",
                "-",
            ];
            for text in strings_of(&pieces, 3) {
                assert_index_finds_what_the_automaton_finds(&index, &automaton, &text);
            }
        }
    }

    #[test]
    fn the_word_index_finds_the_gazetteers_phrases_the_automaton_finds() {
        let index = crate::gazetteer::Gazetteers::embedded().phrases();
        assert!(
            index.automaton.is_none(),
            "every phrase opens with a word character"
        );
        let automaton = index.automaton_only();
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for entry in std::fs::read_dir(fixtures).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_index_finds_what_the_automaton_finds(index, &automaton, &text);
            // Stretches opening and closing anywhere (on a character boundary).
            let cuts: Vec<usize> = (0..text.len())
                .step_by(997)
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for w in cuts.windows(2) {
                let end = (w[1] + 37).min(text.len());
                if text.is_char_boundary(end) {
                    assert_index_finds_what_the_automaton_finds(
                        index,
                        &automaton,
                        &text[w[0]..end],
                    );
                }
            }
        }
    }

    #[test]
    fn the_search_lists_the_capital_starts_a_scan_lists() {
        let index = crate::gazetteer::Gazetteers::embedded().phrases();
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut texts: Vec<String> = std::fs::read_dir(fixtures)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.extend(strings_of(
            &["Ángel", " ", "x", "Nam", "⁷", "9", "éA", "-B"],
            4,
        ));
        for text in &texts {
            let mut out = Vec::new();
            let listed = index.find_listing_capitals(text, Lines::Apart, &mut out);
            assert_eq!(listed.starts, CapitalStarts::of(text).starts, "{text:?}");
            let mut alone = Vec::new();
            index.find(text, Lines::Apart, &mut alone);
            assert_eq!(out, alone);
        }
    }

    #[test]
    fn stems_and_all_mode() {
        let s = set(&["commemorat*", "visit", "state visit"], Mode::All);
        let text = "commemorating the state visit; revisit";
        assert_eq!(
            found(&s, text, Lines::Joined),
            ["commemorat", "state visit", "visit"]
        );
    }

    #[test]
    fn a_phrase_of_several_tables_is_reported_in_each() {
        // One phrase with a meaning in each of three tables (a stop-phrase in the
        // last), and one of the first table alone.
        let mut a = PhraseTable::default();
        a.insert_exact("Foreign Minister", Entry::Hit(1));
        a.insert_exact("Minister", Entry::Hit(2));
        let mut b = PhraseTable::default();
        b.insert_exact("Foreign Minister", Entry::Hit(3));
        let mut c = PhraseTable::default();
        c.insert_exact("Foreign Minister", Entry::Stop);
        c.insert_exact("Minister", Entry::Hit(4));
        let s = PhraseSet::build(
            &[
                (&a, Mode::All),
                (&b, Mode::LeftmostLongest),
                (&c, Mode::LeftmostLongest),
            ],
            true,
        )
        .unwrap();
        let mut out = Vec::new();
        s.find("the Foreign Minister", Lines::Joined, &mut out);
        let at = |start, end, value| Found { start, end, value };
        assert_eq!(out[0], [at(4, 20, 1), at(12, 20, 2)]);
        assert_eq!(out[1], [at(4, 20, 3)]);
        assert_eq!(out[2], []);
        s.find("a Minister", Lines::Joined, &mut out);
        assert_eq!(out, [vec![at(2, 10, 2)], vec![], vec![at(2, 10, 4)]]);
    }
}

/// A short list of phrases looked up by their first word: for a document's own list
/// (its glossary, the names it has introduced), where building an automaton costs more
/// than the search it saves. Every phrase begins with a word character.
///
/// A scan takes each word start of the text, looks its first word up (only when its
/// first bytes open some phrase), and tries that word's phrases longest first: the
/// same leftmost-longest whole-word matches as a [`PhraseSet`] table, with the same
/// whitespace rule (a run of whitespace in the text matches a phrase's space).
#[derive(Debug, Clone, Default)]
pub(crate) struct WordIndex {
    /// The phrases, with runs of whitespace made single spaces, one after another:
    /// one string for all, not one for each.
    text: String,
    /// Each phrase's place in `text`, grouped by first word, longest phrase first in
    /// each group, each phrase once (with the value it was first given).
    phrases: Vec<IndexedPhrase>,
    /// The groups of `phrases` (a range of it) by first word, in open addressing: a
    /// slot for each hash of a first word, the word's group in the first slot from
    /// there on that holds it or is empty (`0..0`). Its length is a power of two, at
    /// least twice the number of groups, so that an empty slot ends every probe.
    ///
    /// A document builds its own indexes, of a hundred phrases or so: ranges into one
    /// list cost less to build and drop than a map of lists of strings.
    slots: Vec<std::ops::Range<usize>>,
    /// Which first two bytes ([`opening`]) open a phrase, as bits.
    ///
    /// The bit tables of an index are kept to 8 KiB each: a document builds its own
    /// indexes, and an allocator hands a larger zeroed block back as fresh pages,
    /// each a page fault when written, there and wherever the block is used next.
    openings: PrefixBits,
    /// Which first words' [`prefix_key`]s some phrase's first word has, as bits.
    prefixes: PrefixBits,
    /// Which first bytes open a phrase. This table and the others have their
    /// lengths in their types: a look-up of a byte or a slot needs no bounds check.
    first_bytes: ByteFlags,
    /// Which three bytes ([`three_at`]) a text shows where a phrase opens, as bits of
    /// their [`three_slot`]s: a first word's own first three, or, for a first word of
    /// two bytes, those two and any byte that may follow the word ([`AFTER_TWO_BYTES`],
    /// the 0 that stands for the text's end among them).
    threes: PrefixBits,
    /// Which first bytes open a first word of one byte: the byte after it is no ASCII
    /// letter or digit, and the next tells nothing.
    one_byte_words: ByteFlags,
    /// Every phrase opens with an ASCII capital or a character that is not ASCII
    /// (`Ángel`): only the text's [`CapitalStarts`] need be tried.
    capitals_only: bool,
}

/// A flag for each byte.
#[derive(Debug, Clone)]
struct ByteFlags(Box<[bool; 256]>);

impl Default for ByteFlags {
    fn default() -> Self {
        ByteFlags(Box::new([false; 256]))
    }
}

/// A phrase of a [`WordIndex`]: where it is in the index's text, and its value.
#[derive(Debug, Clone)]
struct IndexedPhrase {
    start: usize,
    /// Where its first word ends.
    first_end: usize,
    end: usize,
    value: u32,
}

/// The bytes a text may show right after a first word of two bytes
/// ([`WordIndex::threes`]), listed once, not filtered out of all bytes for each such
/// word: an ASCII byte that is no letter or digit (the 0 for the text's end among
/// them), or a byte that opens a character of two bytes or more (what follows a whole
/// character in a `str` is never a continuation byte).
const AFTER_TWO_BYTES: [u8; 117] = {
    let mut out = [0; 117];
    let (mut b, mut k) = (0, 0);
    while b < 256 {
        let c = b as u8;
        if (c.is_ascii() && !c.is_ascii_alphanumeric()) || (c >= 0xC2 && c <= 0xF4) {
            out[k] = c;
            k += 1;
        }
        b += 1;
    }
    out
};

/// The slot of a first word in a [`WordIndex::slots`] of `len` slots (a power of
/// two), where its probe starts.
#[inline]
fn word_slot(word: &[u8], len: usize) -> usize {
    use std::hash::BuildHasher;
    // A fixed seed: an index is built and searched in one process.
    foldhash::fast::FixedState::with_seed(0).hash_one(word) as usize & (len - 1)
}

/// Appends `s` to `out` as [`normalize_space`] gives it back, without a string of its
/// own.
fn push_normalized(out: &mut String, s: &str) {
    // Most phrases are single spaced already (a document's names are squeezed): the
    // squeezing borrows those, told eight bytes at a time.
    out.push_str(&crate::text::squeeze(s));
}

impl WordIndex {
    /// An index of `phrases`, or none when one does not begin with a word character.
    pub fn new<'p>(phrases: impl IntoIterator<Item = (&'p str, u32)>) -> Option<WordIndex> {
        let phrases = phrases.into_iter();
        let mut index = WordIndex {
            text: String::new(),
            phrases: Vec::with_capacity(phrases.size_hint().0),
            slots: Vec::new(),
            openings: PrefixBits::default(),
            prefixes: PrefixBits::default(),
            first_bytes: ByteFlags::default(),
            threes: PrefixBits::default(),
            one_byte_words: ByteFlags::default(),
            capitals_only: true,
        };
        for (phrase, value) in phrases {
            let start = index.text.len();
            push_normalized(&mut index.text, phrase);
            let first = first_word(&index.text[start..]).as_bytes();
            if first.is_empty() {
                return None;
            }
            index.openings.set(opening(first));
            if let Some(key) = prefix_key(first) {
                index.prefixes.set(key);
            }
            index.first_bytes.0[usize::from(first[0])] = true;
            match *first {
                [a] => index.one_byte_words.0[usize::from(a)] = true,
                [a, b] => {
                    for c in AFTER_TWO_BYTES {
                        index
                            .threes
                            .set(three_slot(u32::from_le_bytes([a, b, c, 0])));
                    }
                }
                [a, b, c, ..] => {
                    index
                        .threes
                        .set(three_slot(u32::from_le_bytes([a, b, c, 0])));
                }
                [] => {}
            }
            let b = first[0];
            index.capitals_only &= b.is_ascii_uppercase() || !b.is_ascii();
            let first_end = start + first.len();
            index.phrases.push(IndexedPhrase {
                start,
                first_end,
                end: index.text.len(),
                value,
            });
        }
        index.group();
        Some(index)
    }

    /// Groups the phrases by first word, longest first in each group, each phrase
    /// once, and fills the table of groups ([`WordIndex::slots`]).
    fn group(&mut self) {
        let text = &self.text;
        let all = &self.phrases;
        let first = |k: usize| &text.as_bytes()[all[k].start..all[k].first_end];
        let len = (2 * all.len()).next_power_of_two().max(2);
        // The group of each phrase (its first word's number, the words numbered as
        // met), the slots holding each group's number plus one while the words are
        // told apart, and the size of each group.
        let mut numbers = vec![0usize; len];
        let mut group_of = Vec::with_capacity(all.len());
        let mut first_of_group: Vec<usize> = Vec::new();
        let mut sizes: Vec<usize> = Vec::new();
        for k in 0..all.len() {
            let word = first(k);
            let mut s = word_slot(word, len);
            let group = loop {
                match numbers[s] {
                    0 => {
                        first_of_group.push(k);
                        sizes.push(0);
                        numbers[s] = first_of_group.len();
                        break first_of_group.len() - 1;
                    }
                    n if first(first_of_group[n - 1]) == word => break n - 1,
                    _ => s = (s + 1) & (len - 1),
                }
            };
            sizes[group] += 1;
            group_of.push(group);
        }
        // The phrases in group order (a counting sort: the groups are many and small,
        // a sort of them all would compare far more), then each group sorted.
        let (mut order, next) = crate::scan::by_group(&group_of, &sizes, |k| k);
        let phrase = |k: usize| &text.as_bytes()[all[k].start..all[k].end];
        let mut phrases = Vec::with_capacity(all.len());
        let mut ranges = Vec::with_capacity(sizes.len());
        let mut from = 0;
        for (&size, &to) in sizes.iter().zip(&next) {
            let members = &mut order[to - size..to];
            // Longest first; the same phrase given twice keeps its first value (the
            // one given first: the order numbers the phrases as given).
            members.sort_unstable_by(|&a, &b| {
                phrase(b)
                    .len()
                    .cmp(&phrase(a).len())
                    .then_with(|| phrase(a).cmp(phrase(b)))
                    .then(a.cmp(&b))
            });
            let mut last: Option<usize> = None;
            for &k in members.iter() {
                if last.is_none_or(|l| phrase(l) != phrase(k)) {
                    phrases.push(all[k].clone());
                    last = Some(k);
                }
            }
            ranges.push(from..phrases.len());
            from = phrases.len();
        }
        self.slots = numbers
            .iter()
            .map(|&n| if n == 0 { 0..0 } else { ranges[n - 1].clone() })
            .collect();
        self.phrases = phrases;
    }

    /// The phrases whose first word is `word`, longest first.
    #[inline]
    fn phrases_of(&self, word: &str) -> &[IndexedPhrase] {
        let len = self.slots.len();
        if len == 0 {
            return &[];
        }
        let word = word.as_bytes();
        let mut s = word_slot(word, len);
        loop {
            let group = &self.phrases[self.slots[s].clone()];
            match group.first() {
                None => return &[],
                Some(p) if &self.text.as_bytes()[p.start..p.first_end] == word => return group,
                Some(_) => s = (s + 1) & (len - 1),
            }
        }
    }

    /// Whether the index holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The leftmost-longest whole-word matches in `text`, in order.
    pub fn find(&self, text: &str, lines: Lines) -> Vec<Found> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        // Whether the character before `i` is a word character.
        let mut in_word = false;
        while i < n {
            let b = bytes[i];
            if b.is_ascii() {
                // The common case, decided from the byte: a word character that starts
                // no phrase only moves on.
                let word_char = b.is_ascii_alphanumeric();
                if !word_char || in_word || !self.first_bytes.0[usize::from(b)] {
                    in_word = word_char;
                    i += 1;
                    continue;
                }
            }
            let (word_char, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (is_word_char(c), c.len_utf8())
            };
            if !word_char || in_word {
                in_word = word_char;
                i += len;
                continue;
            }
            // A word starts at i.
            if let Some(found) = self.try_at(text, i, lines) {
                in_word = word_before(text, found.end);
                i = found.end;
                out.push(found);
                continue;
            }
            in_word = true;
            i += len;
        }
        out
    }

    /// The longest phrase that matches, whole words, at the word start `i` of `text`.
    #[inline]
    fn try_at(&self, text: &str, i: usize, lines: Lines) -> Option<Found> {
        if !self.openings.has(text_opening(text, i)) {
            return None;
        }
        if let Some(key) = prefix_key(&text.as_bytes()[i..])
            && !self.prefixes.has(key)
        {
            return None;
        }
        self.longest_at(text, i, lines)
    }

    /// [`WordIndex::try_at`] past its looks at the first bytes: the phrases of the word
    /// at `i`, longest first.
    fn longest_at(&self, text: &str, i: usize, lines: Lines) -> Option<Found> {
        let word = first_word(&text[i..]);
        self.phrases_of(word).iter().find_map(|p| {
            let phrase = &self.text[p.start..p.end];
            // The phrase opens with the word found at `i`.
            let end = match_fast(text, i, word.len(), phrase, lines)?;
            let whole =
                !phrase.chars().next_back().is_some_and(is_word_char) || !word_after(text, end);
            whole.then_some(Found {
                start: i,
                end,
                value: p.value,
            })
        })
    }

    /// What [`WordIndex::find`] gives for `text`, the stretch of a larger text starting
    /// at byte `base` of it, found from `starts`, that text's [`CapitalStarts`]: only
    /// the places listed are tried, not every byte scanned, when every phrase opens
    /// with a capital (else the text is scanned). `cursor` is where in the list to look
    /// from, moved on to the stretch's end: stretches asked for in order (a document's
    /// lines) cost what their places are, not a bisection of the whole list each.
    pub fn find_at(
        &self,
        text: &str,
        base: usize,
        starts: &CapitalStarts,
        cursor: &mut usize,
        lines: Lines,
    ) -> Vec<Found> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        if !self.capitals_only || starts.too_long {
            return self.find(text, lines);
        }
        let listed = starts.within(base, base + text.len(), cursor);
        // The stretch's first character opens a word of the stretch even when a word
        // character stands before it in the larger text.
        let first = (listed.first().map(|&s| s as usize) != Some(base) && opens_capital(text, 0))
            .then_some(0);
        // The first place apart, not chained before the others: a chain of the two
        // cost a test of which one it is in at every place.
        if let Some(found) = first.and_then(|i| self.capital_at(text, i, lines)) {
            out.push(found);
        }
        let mut next = out.last().map_or(0, |f| f.end);
        for &s in listed {
            let i = s as usize - base;
            if i < next {
                continue;
            }
            if let Some(found) = self.capital_at(text, i, lines) {
                next = found.end;
                out.push(found);
            }
        }
        out
    }

    /// [`WordIndex::longest_at`] at the word start `i` of `text`, but first the cheap
    /// looks of [`WordIndex::find_at`], inlined into its loop: most capitalised words
    /// open no phrase, told from their first byte, then their first three bytes, then
    /// the prefix of the word ([`prefix_key`]), before any call.
    #[inline(always)]
    fn capital_at(&self, text: &str, i: usize, lines: Lines) -> Option<Found> {
        let bytes = text.as_bytes();
        // The first byte and the first three ([`three_at`]) from one read.
        let (b, three) = match bytes.get(i..).and_then(<[u8]>::first_chunk::<4>) {
            Some(&[a, b, c, _]) => (a, u32::from_le_bytes([a, b, c, 0])),
            None => (*bytes.get(i)?, three_at(bytes, i)),
        };
        if b.is_ascii() && !self.first_bytes.0[usize::from(b)] {
            return None;
        }
        // A first word of one byte is followed by no letter or digit.
        let one_byte_word = || {
            self.one_byte_words.0[usize::from(b)] && !((three >> 8) as u8).is_ascii_alphanumeric()
        };
        if !self.threes.has(three_slot(three)) && !one_byte_word() {
            return None;
        }
        if let Some(key) = prefix_key(&bytes[i..])
            && !self.prefixes.has(key)
        {
            return None;
        }
        self.longest_at(text, i, lines)
    }
}

/// The patterns of a [`PhraseSet`] that open with a word character, looked up at each
/// word start of a text by the word there: every pattern that matches, as the
/// automaton over all of them would report it (whole words, overlapping, a run of
/// whitespace in the text for a space of the phrase), without stepping through every
/// byte of the text.
#[derive(Debug, Clone, Default)]
struct FirstWords {
    /// The patterns of each first word.
    groups: Vec<Group>,
    /// The groups by their word.
    by_word: HashMap<Box<str>, u32>,
    /// The first group of each [`GroupSlots`] slot (of the words that have
    /// [`prefix_bytes`]); the others of the slot follow it through [`Group::next`].
    /// One load finds the chain, where a hash map of the prefixes was hashed and
    /// probed at every word looked up. The slot is the one [`FirstWords::looked_at`]
    /// tests, hashed once for both; an empty chain rules the word out.
    by_slot: GroupSlots,
    /// Stems that are one word (`commemorat*`): the text's word need only open with
    /// them, so they are not found by a whole first word. (text, pattern)
    stems: Vec<(Box<str>, u32)>,
    /// Which [`bytes_slot`]s the stems opening with four letters or digits have: a
    /// word can open with such a stem only if its prefix is the stem's.
    stem_keys: PrefixBits,
    /// Whether some stem opens otherwise (shorter, or with punctuation or a character
    /// that is not ASCII in its first four bytes): tried at every word start.
    short_stem: bool,
    /// Which [`bytes_slot`]s of their [`prefix_bytes`] word starts are looked at for:
    /// those of the groups' words and of the stems of `stem_keys`, or all when a stem
    /// is short. Most words of a text are ruled out here, by a slot that needs no
    /// length.
    looked_at: PrefixBits,
}

/// A first word and its patterns.
#[derive(Debug, Clone)]
struct Group {
    /// The word.
    word: Box<str>,
    /// Its patterns.
    candidates: Candidates,
    /// The word's [`prefix_bytes`] ([`NO_BYTES`] for none).
    prefix: u32,
    /// The next group whose word's prefix has the same [`GroupSlots`] slot, or
    /// [`NO_GROUP`].
    next: u32,
}

/// The end of a chain of groups ([`Group::next`]).
const NO_GROUP: u32 = u32::MAX;

/// How many slots [`GroupSlots`] has: a quarter of the [`bytes_slot`]s, so that the
/// table stays small (64 KiB); words whose prefixes share a slot share its chain.
const GROUP_SLOTS: usize = PREFIX_BITS / 4;

/// The first group of each slot ([`GroupSlots::of`]), or [`NO_GROUP`].
#[derive(Debug, Clone)]
struct GroupSlots(Box<[u32; GROUP_SLOTS]>);

impl Default for GroupSlots {
    fn default() -> Self {
        GroupSlots(Box::new([NO_GROUP; GROUP_SLOTS]))
    }
}

impl GroupSlots {
    /// The slot of a [`bytes_slot`].
    #[inline]
    fn of(bytes_slot: usize) -> usize {
        bytes_slot / 4 % GROUP_SLOTS
    }
}

/// The patterns of one first word.
#[derive(Debug, Clone, Default)]
struct Candidates {
    /// The pattern that is the word alone, if any.
    alone: Option<u32>,
    /// The longer patterns, by [`next_key`] of what follows the first word: (key,
    /// the [`Window`] of the sixteen bytes after the first word, text, pattern, whether
    /// its end must end a word).
    longer: Vec<(u16, Window, Box<str>, u32, bool)>,
    /// The keys of `longer`, each as the bit of its value modulo 64: most words of a
    /// text that have a group are followed by no key of it, told here without a
    /// search of the list.
    keys: u64,
}

/// The key of what follows a first word: the next byte, or, after a space of the
/// phrase (a run of whitespace in the text), `SPACED` and the byte after it.
const SPACED: u16 = 0x100;

impl FirstWords {
    /// An index of `patterns`: (text, pattern id, whether its end must end a word),
    /// each text opening with a word character.
    fn new<'p>(patterns: impl IntoIterator<Item = (&'p str, u32, bool)>) -> FirstWords {
        let mut index = FirstWords {
            ..FirstWords::default()
        };
        for (text, pattern, check_end) in patterns {
            let first = first_word(text);
            if first.len() == text.len() && !check_end {
                match prefix_word(text.as_bytes()).filter(|p| p >> 32 == 4) {
                    Some(p) => {
                        let slot = bytes_slot(p as u32);
                        index.stem_keys.set(slot);
                        index.looked_at.set(slot);
                    }
                    None => index.short_stem = true,
                }
                index.stems.push((text.into(), pattern));
                continue;
            }
            let g = match index.by_word.get(first) {
                Some(&g) => g as usize,
                None => {
                    let g = index.groups.len();
                    index.by_word.insert(first.into(), g as u32);
                    let mut next = NO_GROUP;
                    let prefix = prefix_bytes(first.as_bytes());
                    if let Some(bytes) = prefix {
                        let slot = bytes_slot(bytes);
                        index.looked_at.set(slot);
                        // The new group opens the chain of its slot.
                        let head = &mut index.by_slot.0[GroupSlots::of(slot)];
                        next = std::mem::replace(head, g as u32);
                    }
                    index.groups.push(Group {
                        word: first.into(),
                        candidates: Candidates::default(),
                        prefix: prefix.unwrap_or(NO_BYTES),
                        next,
                    });
                    g
                }
            };
            let entry = &mut index.groups[g].candidates;
            if first.len() == text.len() {
                entry.alone = Some(pattern);
            } else {
                let rest = &text.as_bytes()[first.len()..];
                let key = match rest {
                    [b' ', b, ..] => SPACED | u16::from(*b),
                    [b, ..] => u16::from(*b),
                    [] => unreachable!("a longer phrase"),
                };
                let window = Window::of(text.as_bytes(), first.len());
                entry.keys |= 1 << (key % 64);
                entry
                    .longer
                    .push((key, window, text.into(), pattern, check_end));
            }
        }
        for group in &mut index.groups {
            group.candidates.longer.sort_by_key(|l| l.0);
        }
        if index.short_stem {
            index.looked_at.0.fill(u64::MAX);
        }
        index
    }

    /// The group of the word starting at byte `i` of `text`, and the word's length,
    /// given the word's [`prefix_bytes`] ([`NO_BYTES`] for none) and their
    /// [`bytes_slot`].
    #[inline]
    fn group_at(
        &self,
        text: &str,
        i: usize,
        prefix: u32,
        slot: usize,
    ) -> Option<(&Candidates, usize)> {
        if prefix == NO_BYTES {
            // A byte that is not ASCII near the start: the word itself looked up.
            let word = first_word(&text[i..]);
            let g = *self.by_word.get(word)?;
            return Some((&self.groups[g as usize].candidates, word.len()));
        }
        let rest = &text.as_bytes()[i..];
        let mut g = self.by_slot.0[GroupSlots::of(slot)];
        while let Some(group) = self.groups.get(g as usize) {
            g = group.next;
            if group.prefix != prefix {
                continue;
            }
            let w = group.word.as_bytes();
            if w.len() < 4 {
                // The whole word is in the prefix (the text's word ends where the
                // group's does): this group has it.
                return Some((&group.candidates, w.len()));
            }
            // The text's word is a group's word when it opens with it and no word
            // character follows: at most one of the chain is.
            if rest.get(..w.len()).is_some_and(|head| same_bytes(head, w))
                && !word_char_at(text, i + w.len())
            {
                return Some((&group.candidates, w.len()));
            }
        }
        None
    }

    /// Calls `sink.report(start, end, pattern)` for every match in `text`, in the order of
    /// their starts; pushes onto `capitals`, if given, each word start that opens with
    /// an ASCII capital or a character that is not ASCII (`text` is shorter than 4 GiB).
    ///
    /// Two passes over each batch of word starts ([`each_word_start`]): the first
    /// keeps, without a branch, those whose prefix some group or stem has (a third of
    /// them in prose, in no order a branch could guess) and the capitals; the second
    /// looks each kept one up.
    fn each_match(
        &self,
        text: &str,
        lines: Lines,
        sink: &mut Sink,
        mut capitals: Option<&mut Vec<u32>>,
    ) {
        if self.groups.is_empty() && self.stems.is_empty() && capitals.is_none() {
            return;
        }
        let bytes = text.as_bytes();
        // A batch's kept word starts with their [`prefix_bytes`] (`NO_BYTES` for
        // none), and its capitals (listed whether asked for or not: a branch costs
        // more): a batch holds [`BLOCK`] word starts at most.
        // Both lists in one place, so that one register reaches them: with one for
        // each, the loop ran out of registers and reloaded two at every word start.
        let mut batch = Batch {
            kept: [(0, 0); BLOCK],
            caps: [0; BLOCK],
        };
        each_word_start(text, |starts| {
            let (mut n, mut c) = (0, 0);
            for &i in starts {
                let rest = &bytes[i..];
                // The word's first four bytes, read once for its first byte and its
                // prefix (the text's last bytes a byte at a time).
                let (b, prefix) = match rest.first_chunk::<4>() {
                    Some(&four) => {
                        let w = u32::from_le_bytes(four);
                        (w as u8, prefix_of_four(w))
                    }
                    None => (rest.first().copied().unwrap_or(0), prefix_bytes(rest)),
                };
                // `c` and `n` stay below the batch's length, at most `BLOCK`: taken
                // modulo `BLOCK`, they index the arrays without a bounds check.
                batch.caps[c % BLOCK] = i as u32;
                c += usize::from(opens_capital_byte(b));
                let (prefix, keep) = match prefix {
                    Some(p) => (p, self.looked_at.has(bytes_slot(p))),
                    None => (NO_BYTES, true),
                };
                batch.kept[n % BLOCK] = (i, prefix);
                n += usize::from(keep);
            }
            if let Some(list) = capitals.as_deref_mut() {
                list.extend_from_slice(&batch.caps[..c]);
            }
            for &(i, prefix) in &batch.kept[..n] {
                self.matches_at(text, i, prefix, lines, sink);
            }
        });
    }

    /// Reports the matches starting at the word start `i` of `text`, whose
    /// [`prefix_bytes`] are `prefix` ([`NO_BYTES`] for none).
    #[inline]
    fn matches_at(&self, text: &str, i: usize, prefix: u32, lines: Lines, sink: &mut Sink) {
        let bytes = text.as_bytes();
        let slot = bytes_slot(prefix);
        // No stem, no key and no short stem.
        if self.short_stem || (prefix != NO_BYTES && self.stem_keys.has(slot)) {
            for (stem, pattern) in &self.stems {
                if bytes[i..].starts_with(stem.as_bytes()) {
                    sink.report(i, i + stem.len(), *pattern);
                }
            }
        }
        let Some((c, len)) = self.group_at(text, i, prefix, slot) else {
            return;
        };
        let after = i + len;
        if let Some(pattern) = c.alone {
            sink.report(i, after, pattern);
        }
        if c.longer.is_empty() {
            return;
        }
        let Some(key) = next_key(text, after, lines) else {
            return;
        };
        if c.keys & (1 << (key % 64)) == 0 {
            return;
        }
        let from = c.longer.partition_point(|l| l.0 < key);
        for (k, window, phrase, pattern, check_end) in &c.longer[from..] {
            if *k != key {
                break;
            }
            // Phrases sharing a first word and the byte after it ("Minister of …")
            // mostly part within the next eight bytes.
            if window.rules_out(bytes, after) {
                continue;
            }
            if let Some(end) = match_fast(text, i, len, phrase, lines)
                && !(*check_end && word_after(text, end))
            {
                sink.report(i, end, *pattern);
            }
        }
    }
}

/// A batch of word starts looked at by [`FirstWords::each_match`]: those kept, with
/// their [`prefix_bytes`] ([`NO_BYTES`] for none), and those opening with a capital.
struct Batch {
    kept: [(usize, u32); BLOCK],
    caps: [u32; BLOCK],
}

/// Whether a word opening with the byte `b` (an ASCII letter or digit, or the first
/// byte of a character that is not ASCII, as at every word start) opens with an ASCII
/// capital or a character that is not ASCII: `b` has its 0x80 bit set, or its 0x20
/// bit clear, which among ASCII letters and digits only the capitals have. Two
/// instructions fewer than the two tests a word start.
#[inline]
fn opens_capital_byte(b: u8) -> bool {
    (b ^ 0x20) & 0xA0 != 0
}

/// Whether `a` and `b` hold the same bytes: from four bytes on, compared as two
/// words of four or as words of eight (the last one overlapping the one before), not
/// a byte at a time.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let four = |s: &[u8], at: usize| s.get(at..at + 4).and_then(|w| <[u8; 4]>::try_from(w).ok());
    match n {
        0..4 => a == b,
        4..=8 => four(a, 0) == four(b, 0) && four(a, n - 4) == four(b, n - 4),
        _ => {
            let mut k = 0;
            while k + 8 < n {
                if word_at(a, k) != word_at(b, k) {
                    return false;
                }
                k += 8;
            }
            word_at(a, n - 8) == word_at(b, n - 8)
        }
    }
}

/// Whether the character at byte `at` of `text` is a word character ([`word_after`]),
/// with an ASCII byte answered here.
#[inline]
fn word_char_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => word_after(text, at),
    }
}

/// How many word starts [`each_word_start`] hands over at once, at most.
const BLOCK: usize = 128;

/// No [`prefix_bytes`]: a word start's are never 0, its first byte being a letter or
/// a digit.
const NO_BYTES: u32 = 0;

/// The key ([`SPACED`]) of what follows byte `at` of `text`, where a first word ends:
/// the byte there, or, when a run of whitespace starts there (not a line break when
/// lines are kept apart), `SPACED` and the byte after the run. None at the end.
#[inline]
fn next_key(text: &str, at: usize, lines: Lines) -> Option<u16> {
    let bytes = text.as_bytes();
    let b = *bytes.get(at)?;
    // Most words of prose part at one space before an ASCII byte that is no
    // whitespace (`char::is_whitespace` holds for no other ASCII byte than these): the
    // key is told from the two bytes, without walking the run a character at a time.
    if b == b' '
        && let Some(&c) = bytes.get(at + 1)
        && c.is_ascii()
        && c != b' '
        && !(b'\t'..=b'\r').contains(&c)
    {
        return Some(SPACED | u16::from(c));
    }
    let spaced = |c: char| c.is_whitespace() && !(c == '\n' && lines == Lines::Apart);
    let is_space = match b {
        b' ' => true,
        _ if b.is_ascii() => spaced(char::from(b)),
        _ => text[at..].chars().next().is_some_and(spaced),
    };
    if !is_space {
        return Some(u16::from(b));
    }
    let run = text[at..]
        .char_indices()
        .find(|&(_, c)| !spaced(c))
        .map_or(text.len(), |(k, _)| at + k);
    text.as_bytes().get(run).map(|&b| SPACED | u16::from(b))
}

/// [`match_at`] for a phrase whose first word (`known` bytes) is known to stand at
/// byte `at` of `text`: the bytes compared eight at a time, and the character by
/// character walk only where the two part at a space of the phrase (where the text
/// may hold a longer run of whitespace, or another whitespace character). Inlined
/// into each of its two callers: called out of line, the phrase search's loop costs
/// more than the call saves in code.
#[inline(always)]
fn match_fast(text: &str, at: usize, known: usize, phrase: &str, lines: Lines) -> Option<usize> {
    let p = phrase.as_bytes();
    let k = known + common_prefix(&text.as_bytes()[at + known..], &p[known..]);
    if k == p.len() {
        return Some(at + k);
    }
    // A space of the phrase matched one in the text, or stands where the text has
    // something else: they part for good unless the text goes on with whitespace
    // (ASCII, or a character that is not ASCII and may be whitespace).
    let spaced = p[k] == b' ' || (k > 0 && p[k - 1] == b' ');
    let may_be_space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b) || !b.is_ascii();
    if spaced
        && text
            .as_bytes()
            .get(at + k)
            .is_some_and(|&b| may_be_space(b))
    {
        return match_at(text, at, phrase, lines);
    }
    None
}

/// Sixteen bytes of a phrase from the end of its first word on, fewer when it ends
/// sooner, as two little-endian words: a place of a text where [`match_fast`] cannot
/// find the phrase is mostly told from one or two loads of the text's bytes there.
/// Sixteen rather than eight: phrases sharing a first word often share the next eight
/// bytes too (`Minister of Foreign Affairs`, `Minister of Foreign Trade`), and each
/// one not ruled out costs a comparison of the whole phrase.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Window {
    /// The phrase's bytes, 0 past its end.
    bytes: [u64; 2],
    /// All ones in each byte of the phrase.
    mask: [u64; 2],
    /// The high bit of each byte that is a space or follows one: where the text may
    /// hold other whitespace, or a longer run of it.
    spaced: [u64; 2],
}

impl Window {
    /// The window of `phrase` from byte `from` (where its first word ends) on.
    fn of(phrase: &[u8], from: usize) -> Window {
        let mut w = Window::default();
        for d in 0..16 {
            let Some(&b) = phrase.get(from + d) else {
                break;
            };
            let (half, shift) = (d / 8, 8 * (d % 8));
            w.bytes[half] |= u64::from(b) << shift;
            w.mask[half] |= 0xFF << shift;
            let after_space = (from + d)
                .checked_sub(1)
                .and_then(|k| phrase.get(k))
                .is_some_and(|&p| p == b' ');
            if b == b' ' || after_space {
                w.spaced[half] |= 0x80 << shift;
            }
        }
        w
    }

    /// Whether the phrase, its first word standing in `bytes` up to byte `at`, cannot
    /// be found there by [`match_fast`]: the bytes at `at` part from the phrase's at a
    /// byte that is no space of the phrase and follows none, or where the text's byte
    /// cannot be whitespace. The second eight bytes are looked at only when the first
    /// eight are the phrase's: the text and the phrase are then still in step. False
    /// when fewer bytes are left than are looked at.
    #[inline]
    fn rules_out(&self, bytes: &[u8], at: usize) -> bool {
        for half in 0..2 {
            if self.mask[half] == 0 {
                return false;
            }
            let Some(x) = word_at(bytes, at + 8 * half) else {
                return false;
            };
            let diff = (x ^ self.bytes[half]) & self.mask[half];
            if diff == 0 {
                continue;
            }
            let shift = diff.trailing_zeros() & !7;
            if (self.spaced[half] >> shift) & 0x80 == 0 {
                return true;
            }
            let b = (x >> shift) as u8;
            return !(b == b' ' || (b'\t'..=b'\r').contains(&b) || !b.is_ascii());
        }
        false
    }
}

/// Calls `f` with the places of `text` where a word starts (a word character with
/// none before it), in order, a batch of at most [`BLOCK`] at a time. ASCII is looked
/// at thirty-two bytes at a time where it can be (one test of the batch's room and
/// of the text's end for all four words of eight), else sixteen or eight, and the first two of the up to four
/// word starts of eight bytes are written without a branch on how many there are.
#[inline]
fn each_word_start(text: &str, mut f: impl FnMut(&[usize])) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut batch = [0usize; BLOCK];
    let mut k = 0;
    let mut i = 0;
    // Whether the character before `i` is a word character: 0x80 if it is, else 0
    // (the high bit of the byte before the first of eight read at `i`, as
    // `ascii_words` would mark it).
    let mut in_word = 0u64;
    while i < n {
        // Thirty-two bytes open sixteen words at most.
        if k > BLOCK - 16 {
            f(&batch[..k]);
            k = 0;
        }
        if let Some(chunk) = bytes[i..].first_chunk::<32>() {
            let w: [u64; 4] = std::array::from_fn(|h| word_at(chunk, 8 * h).unwrap_or(0));
            if (w[0] | w[1] | w[2] | w[3]) & HIGH == 0 {
                for (h, &w) in w.iter().enumerate() {
                    in_word = ascii_word_starts(w, in_word, i + 8 * h, &mut batch, &mut k);
                }
                i += 32;
                continue;
            }
        }
        if let Some(chunk) = bytes[i..].first_chunk::<16>() {
            let lo = u64::from_le_bytes(*chunk.first_chunk::<8>().unwrap_or(&[0; 8]));
            let hi = u64::from_le_bytes(*chunk.last_chunk::<8>().unwrap_or(&[0; 8]));
            if (lo | hi) & HIGH == 0 {
                in_word = ascii_word_starts(lo, in_word, i, &mut batch, &mut k);
                in_word = ascii_word_starts(hi, in_word, i + 8, &mut batch, &mut k);
                i += 16;
                continue;
            }
        }
        if let Some(chunk) = bytes[i..].first_chunk::<8>() {
            let w = u64::from_le_bytes(*chunk);
            if w & HIGH == 0 {
                in_word = ascii_word_starts(w, in_word, i, &mut batch, &mut k);
                i += 8;
                continue;
            }
        }
        // Near the end, or a character that is not ASCII: one character.
        let b = bytes[i];
        let (word_char, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (is_word_char(c), c.len_utf8())
        };
        if word_char && in_word == 0 {
            batch[k % BLOCK] = i;
            k += 1;
        }
        in_word = if word_char { 0x80 } else { 0 };
        i += len;
    }
    if k > 0 {
        f(&batch[..k]);
    }
}

/// Writes into `batch` from `k` on the word starts of the eight ASCII bytes `w` read
/// at byte `i` (the word characters with no letter or digit before them), given
/// `in_word` for the byte before them ([`each_word_start`]), and gives that of their
/// last byte. Four at most: a word start follows a byte that is none. `k` stays
/// below [`BLOCK`] (the caller makes room), so that taken modulo `BLOCK` it indexes
/// the batch without a bounds check.
#[inline(always)]
fn ascii_word_starts(
    w: u64,
    in_word: u64,
    i: usize,
    batch: &mut [usize; BLOCK],
    k: &mut usize,
) -> u64 {
    let words = ascii_words(w);
    let before = (words << 8) | in_word;
    let mut open = words & !before;
    // Two written without a branch on whether they are there (eight bytes of prose
    // open one or two words at most, mostly), any others one by one.
    for _ in 0..2 {
        batch[*k % BLOCK] = i + (open.trailing_zeros() / 8) as usize;
        *k += usize::from(open != 0);
        open &= open.wrapping_sub(1);
    }
    while open != 0 {
        batch[*k % BLOCK] = i + (open.trailing_zeros() / 8) as usize;
        *k += 1;
        open &= open.wrapping_sub(1);
    }
    words >> 56
}

/// How many bits the table of first words' prefixes has.
const PREFIX_BITS: usize = 1 << 16;

/// The word opening `s` told by its first four bytes, or all of it when it is
/// shorter, and its length (up to four), packed in a `u64`: two words with the same
/// letters there share it. None when it cannot be told from the bytes alone: a byte
/// that is not ASCII among those first four or right after a shorter word (the word
/// may go on, or end, with that character).
#[inline]
fn prefix_word(s: &[u8]) -> Option<u64> {
    let Some(w) = s.get(..4).and_then(|w| <[u8; 4]>::try_from(w).ok()) else {
        return prefix_word_bytewise(s);
    };
    // Four bytes at once: the letters and digits among them (a byte that is not
    // ASCII is none), and the high bit of the first byte that is not one.
    let w = u32::from_le_bytes(w);
    let high = w & HIGH as u32;
    let words = ascii_words(u64::from(w & !HIGH as u32)) as u32 & !high;
    let stops = !words & HIGH as u32;
    let first = stops & stops.wrapping_neg();
    if first & high != 0 {
        // That byte is not ASCII: the word may go on, or end, with its character.
        return None;
    }
    // The bytes before it (all four when there is none) and their number.
    let bytes = w & (first >> 7).wrapping_sub(1);
    Some(u64::from(bytes) | u64::from(first.trailing_zeros() / 8) << 32)
}

/// The bytes of [`prefix_word`] without its length: the first four bytes of the word
/// opening `s`, or all of it when it is shorter, 0 past its end. A word holds no 0
/// byte, so they tell the length too ([`with_length`]).
#[inline]
fn prefix_bytes(s: &[u8]) -> Option<u32> {
    match s.first_chunk::<4>() {
        Some(&w) => prefix_of_four(u32::from_le_bytes(w)),
        None => prefix_word_bytewise(s).map(|p| p as u32),
    }
}

/// [`prefix_bytes`] of four bytes or more, given the first four as a little-endian
/// `u32`.
#[inline]
fn prefix_of_four(w: u32) -> Option<u32> {
    // As in `prefix_word`.
    let high = w & HIGH as u32;
    let words = ascii_words(u64::from(w & !HIGH as u32)) as u32 & !high;
    let stops = !words & HIGH as u32;
    let first = stops & stops.wrapping_neg();
    if first & high != 0 {
        return None;
    }
    Some(w & (first >> 7).wrapping_sub(1))
}

/// The [`prefix_word`] of [`prefix_bytes`]: the bytes and their number (those that are
/// not 0).
#[cfg(test)]
fn with_length(bytes: u32) -> u64 {
    let len = (u32::BITS - bytes.leading_zeros()).div_ceil(8);
    u64::from(bytes) | u64::from(len) << 32
}

/// The slot of a [`prefix_bytes`] in a table of [`PREFIX_BITS`] bits.
#[inline]
fn bytes_slot(bytes: u32) -> usize {
    (bytes.wrapping_mul(0x9E37_79B1) >> (32 - PREFIX_BITS.trailing_zeros())) as usize
}

/// [`prefix_word`] a byte at a time, for the last bytes of a text.
fn prefix_word_bytewise(s: &[u8]) -> Option<u64> {
    let mut key = [0u8; 4];
    let mut len = 0;
    while len < 4 {
        match s.get(len) {
            Some(&b) if b.is_ascii_alphanumeric() => key[len] = b,
            Some(b) if !b.is_ascii() => return None,
            _ => break,
        }
        len += 1;
    }
    Some(u64::from(u32::from_le_bytes(key)) | (len as u64) << 32)
}

/// The slot of a [`prefix_word`] in a table of [`PREFIX_BITS`] bits.
#[inline]
fn prefix_slot(word: u64) -> usize {
    (word.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - PREFIX_BITS.trailing_zeros())) as usize
}

/// A table of [`PREFIX_BITS`] bits, one per [`prefix_slot`] (or per slot of another
/// hash of as many bits). Kept to 8 KiB: a document builds the tables of its word
/// indexes ([`WordIndex::openings`]).
#[derive(Debug, Clone)]
struct PrefixBits(Box<[u64; PREFIX_BITS / 64]>);

impl Default for PrefixBits {
    fn default() -> Self {
        PrefixBits(Box::new([0; PREFIX_BITS / 64]))
    }
}

impl PrefixBits {
    /// Sets the bit of `slot`.
    fn set(&mut self, slot: usize) {
        self.0[slot / 64 % (PREFIX_BITS / 64)] |= 1 << (slot % 64);
    }

    /// Whether the bit of `slot` is set: a slot past the table (none is) wraps round.
    #[inline]
    fn has(&self, slot: usize) -> bool {
        self.0[slot / 64 % (PREFIX_BITS / 64)] & (1 << (slot % 64)) != 0
    }
}

/// The bits of a table of three bytes ([`WordIndex::threes`]).
const THREE_BITS: usize = 1 << 16;

/// The bits of a table of two bytes ([`WordIndex::openings`]): one for each.
const OPENING_BITS: usize = 1 << 16;

// The word index's tables are [`PrefixBits`]: they must have as many bits.
const _: () = assert!(THREE_BITS == PREFIX_BITS && OPENING_BITS == PREFIX_BITS);

/// The bytes at `i`, `i + 1` and `i + 2` of `bytes`, a 0 for each past its end, as the
/// low bytes of a little-endian `u32`: a text's raw opening at a word start.
#[inline]
fn three_at(bytes: &[u8], i: usize) -> u32 {
    match bytes.get(i..i + 4) {
        Some(&[a, b, c, _]) => u32::from_le_bytes([a, b, c, 0]),
        _ => {
            let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
            u32::from_le_bytes([at(0), at(1), at(2), 0])
        }
    }
}

/// The slot of three bytes ([`three_at`]) in a table of [`THREE_BITS`] bits.
#[inline]
fn three_slot(bytes: u32) -> usize {
    (bytes.wrapping_mul(0x9E37_79B1) >> (32 - THREE_BITS.trailing_zeros())) as usize
}

/// The slot of the word opening `s` in a table of prefixes ([`prefix_word`], hashed).
#[inline]
fn prefix_key(s: &[u8]) -> Option<usize> {
    prefix_word(s).map(prefix_slot)
}

/// Whether the character at byte `i` of `text` is an ASCII capital or a word character
/// that is not ASCII: what a phrase of a [`WordIndex`] of capitalised phrases opens with.
fn opens_capital(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => text[i..].chars().next().is_some_and(is_word_char),
        None => false,
    }
}

/// The places of a text where a word opens with an ASCII capital or a word character
/// that is not ASCII, in order: where a phrase of a [`WordIndex`] whose phrases all
/// open so can start. Listed once per text — by the phrase search over a document's
/// view ([`PhraseSet::find_listing_capitals`]), which visits every word start anyway —
/// and read by every index searched over the text or its stretches.
#[derive(Debug, Clone, Default)]
pub(crate) struct CapitalStarts {
    starts: Vec<u32>,
    /// The text is longer than `u32` offsets reach: nothing is listed.
    too_long: bool,
}

impl CapitalStarts {
    /// The word starts of `text` that open with a capital, read a character at a
    /// time: what the phrase search's list is tested against.
    #[cfg(test)]
    pub fn of(text: &str) -> CapitalStarts {
        let mut starts = Vec::new();
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            let word_char = is_word_char(c);
            if word_char && !in_word && (c.is_ascii_uppercase() || !c.is_ascii()) {
                starts.push(i as u32);
            }
            in_word = word_char;
        }
        CapitalStarts {
            starts,
            too_long: false,
        }
    }

    /// The places listed from byte `start` up to `end`, looked for from the list's
    /// index `cursor` on (from its start when the cursor is past `start`), which is
    /// moved on to the first place at or after `end`.
    fn within(&self, start: usize, end: usize, cursor: &mut usize) -> &[u32] {
        let v = &self.starts;
        // Galloping from the cursor needs every place before it to lie before `start`.
        let hint = if *cursor > 0 && v.get(*cursor - 1).is_none_or(|&s| s as usize >= start) {
            0
        } else {
            *cursor
        };
        let from = gallop(v, hint, |&s| (s as usize) < start);
        let to = gallop(v, from, |&s| (s as usize) < end);
        *cursor = to;
        &v[from..to]
    }
}

/// For eight ASCII bytes as one little-endian word: the high bit of each byte that is a
/// letter or a digit. A byte with its 0x20 bit set is in `a..=z` exactly when it is a
/// letter of either case.
#[inline]
fn ascii_words(w: u64) -> u64 {
    ascii_in(w | 0x2020_2020_2020_2020, b'a', b'z') | ascii_in(w, b'0', b'9')
}

/// The table slot of the word starting at byte `at` of `text`: its first two bytes, as
/// [`opening`] takes them of a phrase's first word (the second 0 when the word is one
/// ASCII character long).
fn text_opening(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let a = bytes[at];
    let b = match bytes.get(at + 1) {
        Some(&b) if !a.is_ascii() => b,
        Some(&b) if b.is_ascii() && b.is_ascii_alphanumeric() => b,
        Some(&b) if !b.is_ascii() && text[at + 1..].chars().next().is_some_and(is_word_char) => b,
        _ => 0,
    };
    ((a as usize) << 8) | b as usize
}

/// The leading run of word characters of `s`.
fn first_word(s: &str) -> &str {
    // ASCII letters and digits decided from the byte; a character is decoded only
    // where the word meets a byte that is not ASCII.
    let b = s.as_bytes();
    let mut from = 0;
    // Eight ASCII bytes at a time, while they are all letters and digits.
    while let Some(w) = word_at(b, from) {
        if w & HIGH != 0 {
            break;
        }
        let stops = !ascii_words(w) & HIGH;
        if stops != 0 {
            return &s[..from + (stops.trailing_zeros() / 8) as usize];
        }
        from += 8;
    }
    let ascii = b[from..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .map_or(s.len(), |k| from + k);
    if s.as_bytes().get(ascii).is_none_or(u8::is_ascii) {
        return &s[..ascii];
    }
    let end = s[ascii..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(s.len(), |(i, _)| ascii + i);
    &s[..end]
}

/// The table slot of a word's first two bytes.
fn opening(word: &[u8]) -> usize {
    let a = word.first().copied().unwrap_or(0) as usize;
    let b = word.get(1).copied().unwrap_or(0) as usize;
    (a << 8) | b
}

/// Where `phrase` ends when it starts at byte `at` of `text`: its characters in order,
/// a space of the phrase matching a run of whitespace (not a line break when lines
/// are kept apart).
fn match_at(text: &str, at: usize, phrase: &str, lines: Lines) -> Option<usize> {
    let t = text.as_bytes();
    let mut j = at;
    for &p in phrase.as_bytes() {
        if p == b' ' {
            let run_start = j;
            while j < t.len() {
                let c = text[j..].chars().next()?;
                if !c.is_whitespace() || (c == '\n' && lines == Lines::Apart) {
                    break;
                }
                j += c.len_utf8();
            }
            if j == run_start {
                return None;
            }
        } else {
            if t.get(j) != Some(&p) {
                return None;
            }
            j += 1;
        }
    }
    Some(j)
}
