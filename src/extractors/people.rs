//! People with their titles.
//!
//! Takes: the prose lines of the [`Analysis`], its offices, countries and
//! organizations gazetteers, and the section tree (for the country paragraph a mention
//! sits in). Gives: one `person` record per mention of a named individual, whose span
//! is the name alone, with the titles of that mention as written, their office ids,
//! the state the person serves, the international body they work for, and a
//! `person_id` shared by all mentions of the same person in the document.
//!
//! A mention is found from its titles: a chain of offices (`Member of the Politburo,
//! Deputy Prime Minister, Minister of Foreign Affairs`), each with its complement
//! (`of the Cambodian National Assembly`, `for Arms Control and International Security
//! Affairs`), followed by a name. Where the complement and the name run together in
//! capitals (`of the Republic of Korea Kang Kyung-Wha`), the name is the run of name-like
//! words after the last country, organization or institution word. A qualifier written
//! before the titles stays in the first (`Canadian Prime Minister`, `WHO
//! Director-General`, `Export Credit Agency Director`); a possessive does not
//! (`Malaysia’s Prime Minister`). A title the speaker takes back (`Minister of — Vice
//! Minister of Defense`) gives way to the one that replaces it. Titles after the name in
//! apposition (`Mr. Pham Minh Chinh, Chairman of ...`) belong to the mention; courtesy
//! words (`Mr.`, `Madam`) find a name but are no titles. Signatures (`BUI THANH SON`
//! above a line of titles) and credit lines (`Editor: Bui Huong Giang`) are mentions
//! too. Then every later occurrence of a name already found is a mention of the same
//! person, titles or not.
//!
//! A person's state is what the text says of that mention (the qualifier or possessive
//! before the titles, a complement, `of <Country>` after the name, a country and a noun
//! for a person before the titles, `Australian philanthropists`, which a plural extends
//! to the names joined to the first, the state whose government or people the name is
//! joined to, `President X and the U.S. government`, a family name), else what it says
//! at another mention of the same person or in the front-matter title, else, for a
//! person with an office (not only `Dr.`), the partner of the country paragraphs where
//! most of their mentions sit, else, for the one met in an office of a state, the state
//! the meeting is placed in or the one partner of the front-matter title, else, for a
//! person with an office and no body who is not the one met, the home state when met at
//! least twice or once in a sentence naming the home state alone; never the partner of
//! a section merely because a mention sits in it.

use super::{Earlier, Part};
use crate::analysis::{Analysis, Partner};
use crate::gazetteer::{
    EventKind, Lines, MentionKind, OfficeCategory, WordIndex, WordRoles, name_role,
};
use crate::record::{Common, PersonRecord, Record};
use crate::text::{char_at, char_before, is_ascii_space, skip_ascii_spaces};
use foldhash::{HashMap, HashSet};
use regex::Regex;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

/// An office phrase on the line being read, with offsets relative to the line.
#[derive(Clone, Copy, Debug)]
struct OfficeHit<'g> {
    start: usize,
    end: usize,
    office: &'g crate::gazetteer::Office,
}

/// The offices whose words are courtesy (`Mr.`, `Mrs.`, `Ms.`, `Madam`): they open a
/// name but are no title of the person.
const COURTESY: [&str; 3] = ["mister", "missus", "ms"];

/// How far after an office (bytes) an honour written after a name is looked for: far
/// more than any run of titles' complement and name.
const POST_NOMINAL_REACH: usize = 512;

/// The offices whose words are academic (`Dr.`, `Professor`): titles of the person, but
/// of no state's office.
const ACADEMIC: [&str; 2] = ["doctor", "professor"];

/// The next word of a capitalised run at or after `pos` (spaces skipped): an initial
/// or dotted acronym (`R.`, `U.S.`), a capitalised word with inner apostrophes and
/// hyphens (`Chan-o-cha`, `People's`), a lowercase word (a connector or particle, for
/// the caller to judge), `&`, `-`, or a bracketed acronym (`(LDP)`).
#[inline]
fn run_word(text: &str, pos: usize) -> Option<Range<usize>> {
    // Most words follow plain spaces and are read by their ASCII bytes alone: those are
    // read here, where the caller's loop is, with no slice of the text taken; any other
    // word from the same place by [`run_word_unusual`].
    let bytes = text.as_bytes();
    let mut start = pos;
    while bytes.get(start) == Some(&b' ') {
        start += 1;
    }
    if let Some(&b) = bytes.get(start)
        && b.is_ascii()
        && !is_ascii_space(b)
        && let Some(len) = ascii_run_word_len(&bytes[start..])
    {
        return Some(start..start + len);
    }
    run_word_unusual(text, pos, start - pos)
}

/// [`run_word`] for a word its ASCII bytes do not tell, `spaces` plain spaces after
/// `pos`: other whitespace skipped as `trim_start` skips it, and the word read by its
/// characters. Apart from the loop of [`run_word`], which it would make longer.
#[inline(never)]
fn run_word_unusual(text: &str, pos: usize, spaces: usize) -> Option<Range<usize>> {
    let rest = &text[pos + spaces..];
    let other_space = match rest.as_bytes().first() {
        Some(b) if b.is_ascii() && !is_ascii_space(*b) => 0,
        _ => rest.len() - rest.trim_start().len(),
    };
    let start = pos + spaces + other_space;
    let s = &text[start..];
    if let Some(len) = ascii_run_word_len(s.as_bytes()) {
        return Some(start..start + len);
    }
    let first = s.chars().next()?;
    let len = if first == '&' || first == '-' {
        1
    } else if first == '(' {
        let close = s.find(')')?;
        let inner = &s[1..close];
        let acronym = inner.starts_with(|c: char| c.is_ascii_uppercase())
            && inner
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+&.-".contains(c));
        if !acronym {
            return None;
        }
        close + 1
    } else if first.is_uppercase() {
        let dotted = dotted_len(s);
        if dotted > 0 {
            dotted
        } else {
            let skip = first.len_utf8();
            skip + keep_len(&s[skip..], |c| {
                c.is_alphabetic() || matches!(c, '\'' | '’' | '-')
            })
        }
    } else if first.is_alphabetic() {
        keep_len(s, char::is_alphabetic)
    } else {
        return None;
    };
    Some(start..start + len)
}

/// The length of the [`run_word`] opening `s` when its ASCII bytes tell it (most
/// words): a capital not followed by a dot (no initial or dotted acronym) and then
/// letters, apostrophes and hyphens, or a small letter and then letters; read byte by
/// byte, with no character decoded. None when the word opens otherwise or a byte that
/// is not ASCII (`’`, `é`) may go on with it: [`run_word`] reads it by characters then.
fn ascii_run_word_len(s: &[u8]) -> Option<usize> {
    let (&first, rest) = s.split_first()?;
    let len = if first.is_ascii_uppercase() && rest.first() != Some(&b'.') {
        let name_byte = |b: &&u8| b.is_ascii_alphabetic() || matches!(b, b'\'' | b'-');
        1 + rest.iter().take_while(name_byte).count()
    } else if first.is_ascii_lowercase() {
        1 + rest.iter().take_while(|b| b.is_ascii_alphabetic()).count()
    } else {
        return None;
    };
    s.get(len).is_none_or(u8::is_ascii).then_some(len)
}

/// The length of the characters opening `s` that `keep` accepts: an ASCII byte is its
/// own character, and only the others are decoded.
fn keep_len(s: &str, keep: impl Fn(char) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            // `i` is a character boundary: it only moves on by whole characters.
            match s[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if !keep(c) {
            return i;
        }
        i += c.len_utf8();
    }
    s.len()
}

/// The length of a run of capital-and-period pairs opening `s` (`R.`, `U.S.`), or 0.
fn dotted_len(s: &str) -> usize {
    let mut len = 0;
    let mut chars = s.chars();
    while let (Some(c), Some('.')) = (chars.next(), chars.next()) {
        if !c.is_uppercase() {
            break;
        }
        len += c.len_utf8() + 1;
    }
    len
}

// The three line expressions below leave the number of a name's words unbounded, and
// the functions after them count the words: a bounded repetition of a Unicode class is
// compiled once per repetition, and these three were a fifth of what compiling a run's
// expressions cost. Each is anchored at both ends, so a match spans the same words
// either way.

/// A credit line: `Editor: Bui Huong Giang` (a name of two to six words).
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Editor in Chief|Editor-in-Chief|Editors?|Designers?|Director|Authors?|Translators?|Photographers?|Compilers?)\s*:\s*(\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’\-]*)+)$")
        .expect("valid regex")
});

/// A credit line with any other label (`Photo: Le Van Minh`, `Translated by: Ana
/// Duarte`, `Text: ...`): the label is no title. A label of one to three words, a name
/// of two to five.
static CREDIT_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}\p{Ll}+(?:[ -]\p{Ll}+)*)\s*:\s*(\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*(?:\s+\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*)+)\.?$")
        .expect("valid regex")
});

/// A [`CREDIT_LINE`] of a name of at most six words: the label (1) and the name (2).
fn credit_line(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    // The expression's labels open with one of these, and it has a colon.
    const OPENINGS: [&str; 7] = [
        "Editor",
        "Designer",
        "Director",
        "Author",
        "Translator",
        "Photographer",
        "Compiler",
    ];
    if !OPENINGS.iter().any(|o| text.starts_with(o)) || !text.contains(':') {
        return None;
    }
    // An ASCII line is read by hand, as the expression reads it: the expression is
    // compiled only for a line of other characters.
    let (label, name) = if text.is_ascii() {
        ascii_credit_line(text)?
    } else {
        let c = CREDIT_LINE.captures(text)?;
        (c.get(1)?.range(), c.get(2)?.range())
    };
    crate::text::at_most_words(&text[name.clone()], 6).then_some((label, name))
}

/// The labels of [`CREDIT_LINE`], in the order it tries them; each may take a plural
/// `s` where the expression's does.
const CREDIT_LABELS: [(&str, bool); 9] = [
    ("Editor in Chief", false),
    ("Editor-in-Chief", false),
    ("Editor", true),
    ("Designer", true),
    ("Director", false),
    ("Author", true),
    ("Translator", true),
    ("Photographer", true),
    ("Compiler", true),
];

/// [`CREDIT_LINE`] on an ASCII line: the label (1) and the name (2). On ASCII, `\s` is
/// a space, tab, line feed, vertical tab, form feed or carriage return, `\p{Lu}` a
/// capital, and `[\p{L}\p{M}'’\-]` a letter, an apostrophe or a hyphen. Whitespace,
/// the colon and a name's characters are apart, so each part ends where its
/// characters end: the label is the first that a colon follows (after whitespace),
/// and the rest of the line, after whitespace, is two words or more, each a capital
/// and name characters, with whitespace between them.
fn ascii_credit_line(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    let b = text.as_bytes();
    let spaces_from = |i: usize| skip_ascii_spaces(b, i);
    let label_end = CREDIT_LABELS.iter().find_map(|&(label, plural)| {
        let mut end = label.len();
        if !text.starts_with(label) {
            return None;
        }
        if plural && b.get(end) == Some(&b's') {
            end += 1;
        }
        (b.get(spaces_from(end)) == Some(&b':')).then_some(end)
    })?;
    let start = spaces_from(spaces_from(label_end) + 1);
    let name_char = |c: u8| c.is_ascii_alphabetic() || c == b'\'' || c == b'-';
    ascii_name_to_end(b, start, name_char).then_some((0..label_end, start..b.len()))
}

/// Whether byte `i` of `b` opens a name that runs to its end, as the ASCII lines'
/// expressions read one: two words or more, each an ASCII capital and then bytes that
/// `rest` takes, with [`is_ascii_space`] runs between them.
fn ascii_name_to_end(b: &[u8], mut i: usize, rest: impl Fn(u8) -> bool) -> bool {
    let mut words = 0;
    while i < b.len() {
        if words > 0 {
            let after = skip_ascii_spaces(b, i);
            if after == i {
                return false;
            }
            i = after;
        }
        if !b.get(i).is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        i += 1;
        while b.get(i).is_some_and(|&c| rest(c)) {
            i += 1;
        }
        words += 1;
    }
    words >= 2
}

/// A [`CREDIT_ANY`] of a label of at most three words and a name of at most five: the
/// label (1) and the name (2).
fn credit_any(text: &str) -> Option<regex::Captures<'_>> {
    // The colon the expression matches is the first (its label and the whitespace after
    // it hold none). Before it: a capital, then only small letters, ` `, `-` and
    // whitespace; so no ASCII byte but those, and no ASCII byte first but a capital.
    let head = &text.as_bytes()[..memchr::memchr(b':', text.as_bytes())?];
    let (&first, rest) = head.split_first()?;
    let label_byte = |b: &u8| {
        !b.is_ascii() || b.is_ascii_lowercase() || matches!(b, b' ' | b'-') || is_ascii_space(*b)
    };
    if (first.is_ascii() && !first.is_ascii_uppercase()) || !rest.iter().all(label_byte) {
        return None;
    }
    // After it: whitespace and the name's words (letters, marks, apostrophes, hyphens),
    // and perhaps a stop at the very end; so no other ASCII byte (a sentence of prose
    // has its commas, stops and digits).
    let tail = &text.as_bytes()[head.len() + 1..];
    let tail = tail.strip_suffix(b".").unwrap_or(tail);
    let name_byte = |b: &u8| {
        !b.is_ascii() || b.is_ascii_alphabetic() || matches!(b, b'\'' | b'-') || is_ascii_space(*b)
    };
    if !tail.iter().all(name_byte) {
        return None;
    }
    // The name is the words after the colon: two to five of them.
    let words_after = &text[head.len() + 1..];
    if crate::text::at_most_words(words_after, 1) || !crate::text::at_most_words(words_after, 5) {
        return None;
    }
    CREDIT_ANY.captures(text).filter(|c| {
        c.get(1)
            .is_some_and(|l| l.as_str().matches([' ', '-']).count() <= 2)
            && c.get(2)
                .is_some_and(|n| crate::text::at_most_words(n.as_str(), 5))
    })
}

/// A name in capitals alone on its line (a signature), possibly after `DR.`: two to
/// five words.
static CAPS_NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:DR|MR|MS|MRS)\.?\s+)?(\p{Lu}+(?:\s+\p{Lu}+)+)$").expect("valid regex")
});

/// A [`CAPS_NAME_LINE`] of a name of at most five words: the name (1).
fn caps_name_line(text: &str) -> Option<Range<usize>> {
    // The expression's ASCII characters are capitals, the courtesy word's dot and
    // whitespace.
    let caps_byte =
        |b: &u8| !b.is_ascii() || b.is_ascii_uppercase() || *b == b'.' || is_ascii_space(*b);
    if !text.as_bytes().iter().all(caps_byte) {
        return None;
    }
    // Two to five words of a name, and perhaps the courtesy word before them.
    if crate::text::at_most_words(text, 1) || !crate::text::at_most_words(text, 6) {
        return None;
    }
    // A line of ASCII, Latin letters and whitespace (`THẾ GIỚI PUBLISHERS`) is read by
    // hand, as the expression reads it: the expression is compiled only for a line of
    // other characters.
    let name = if text.chars().all(read_by_hand) {
        read_caps_name_line(text)?
    } else {
        CAPS_NAME_LINE.captures(text)?.get(1)?.range()
    };
    crate::text::at_most_words(&text[name.clone()], 5).then_some(name)
}

/// Whether [`read_caps_name_line`] knows `c` as the expression does: an ASCII
/// character, whitespace, or a letter of the Latin blocks beyond ASCII (`Ế`, `ơ`),
/// whose uppercase characters are the uppercase letters (`\p{Lu}`) in every version of
/// Unicode since long ago, whichever the expression's tables and the standard
/// library's follow.
fn read_by_hand(c: char) -> bool {
    c.is_ascii()
        || c.is_whitespace()
        || (matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic())
}

/// [`CAPS_NAME_LINE`] on a line of characters that are all [`read_by_hand`]: the name
/// (1). `\s` is a whitespace character and `\p{Lu}` an uppercase character. The
/// courtesy words are tried in the expression's order, then none: the first that
/// whitespace follows, and after which the rest of the line is a name, gives it. A
/// name is two words of capitals or more with whitespace between them, to the end of
/// the line.
fn read_caps_name_line(text: &str) -> Option<Range<usize>> {
    debug_assert!(text.chars().all(read_by_hand));
    let name_from = |i: usize| {
        let mut words = 0;
        let mut chars = text[i..].chars().peekable();
        loop {
            let mut capitals = 0;
            while chars.next_if(|c| c.is_uppercase()).is_some() {
                capitals += 1;
            }
            if capitals == 0 {
                return false;
            }
            words += 1;
            let mut spaces = 0;
            while chars.next_if(|c| c.is_whitespace()).is_some() {
                spaces += 1;
            }
            match chars.peek() {
                None => return spaces == 0 && words >= 2,
                Some(_) if spaces == 0 => return false,
                Some(_) => {}
            }
        }
    };
    for courtesy in ["DR", "MR", "MS", "MRS"] {
        let Some(rest) = text.strip_prefix(courtesy) else {
            continue;
        };
        let k = text.len() - rest.strip_prefix('.').unwrap_or(rest).len();
        let start = text.len() - text[k..].trim_start().len();
        if start > k && name_from(start) {
            return Some(start..text.len());
        }
    }
    name_from(0).then_some(0..text.len())
}

/// One mention, before the person ids are known.
#[derive(Clone, Debug)]
struct Mention {
    /// The name's range in the view.
    name: Range<usize>,
    /// The view line the name is on.
    line: usize,
    titles: Vec<String>,
    offices: Vec<String>,
    /// The state the text says of this mention, if it says one.
    country: Option<String>,
    org: Option<String>,
    /// Whether one of its titles is an office of a state (head of state or government,
    /// minister, member of parliament or of a party, military): not a diplomat's post,
    /// an international body's, an honorific or a courtesy word.
    stately: bool,
}

/// A person mention with the view range of its name: what later stages (events)
/// read.
#[derive(Clone, Debug)]
pub(crate) struct PersonMention {
    /// The name's range in the view.
    pub view: Range<usize>,
    /// The record made of it, kept past the analysis: its text owned, its `doc` left
    /// empty for [`extract`] to name the document when it hands the record over. Once
    /// the mention's part is done ([`hand_over`]) only its name and id are left.
    pub record: PersonRecord<'static>,
    /// Whether the mention has a title (kept when its titles are handed over).
    pub titled: bool,
}

/// One record per person mention of `part`, with its name and id but its text,
/// titles, offices, state and body left empty: [`hand_over`] moves those in once the
/// part's stages are done (the events stage reads the mentions' names, ids and
/// whether they are titled, of this part and the ones after).
pub(crate) fn extract<'a>(
    a: &'a Analysis,
    earlier: &Earlier,
    part: &Part,
    out: &mut Vec<Record<'a>>,
) {
    let people = &earlier.people;
    let first = earlier.people_from(part.view.start);
    let records = people[first..]
        .iter()
        .take_while(|p| part.holds(p.view.start))
        .map(|p| {
            let c = &p.record.common;
            Record::Person(PersonRecord {
                common: Common {
                    doc: Cow::Borrowed(a.doc.id()),
                    span: c.span,
                    text: Cow::Borrowed(""),
                    section: c.section,
                    sentence: c.sentence,
                    aside: c.aside,
                },
                name: p.record.name.clone(),
                titles: Vec::new(),
                offices: Vec::new(),
                country: None,
                org: None,
                person_id: p.record.person_id.clone(),
            })
        });
    out.extend(records);
}

/// Moves the text, titles, offices, state and body of the person mentions of `part`
/// into its person records among `records`, which [`extract`] made in the same order
/// with those left empty; the mentions keep their ranges, names, ids and whether they
/// are titled, which is all that the events stage of later parts reads of them.
pub(crate) fn hand_over(earlier: &mut Earlier, part: &Part, records: &mut [Record<'_>]) {
    let first = earlier.people_from(part.view.start);
    let mut people = earlier.people[first..]
        .iter_mut()
        .take_while(|p| part.holds(p.view.start));
    for r in records {
        if let Record::Person(r) = r {
            // One mention for each record: a record left without one would lose its text.
            let next = people.next();
            debug_assert!(
                next.is_some(),
                "a person record with no mention of its part"
            );
            let Some(p) = next else {
                continue;
            };
            let from = &mut p.record;
            r.common.text = std::mem::take(&mut from.common.text);
            r.titles = std::mem::take(&mut from.titles);
            r.offices = std::mem::take(&mut from.offices);
            r.country = from.country.take();
            r.org = from.org.take();
        }
    }
}

/// Every person mention of the document, in view order.
pub(crate) fn find(a: &Analysis) -> Vec<PersonMention> {
    let mut mentions = Vec::new();
    let mut scratch = Scratch::default();
    for (i, _) in a.prose_lines() {
        let (at, offices) = reading(a, i);
        titled(a, at, &offices, &mut mentions, &mut scratch);
        post_nominal_names(a, i, &mut mentions);
        signature(a, i, a.line_text(i), &mut mentions);
    }
    mentions.sort_by_key(|m| (m.name.start, m.name.end));
    mentions.dedup_by_key(|m| m.name.clone());
    untitled(a, &mut mentions);
    mentions.sort_by_key(|m| (m.name.start, m.name.end));
    let text = a.view.text();
    // Each name as written, cleaned, with its key for grouping and its id: made once
    // per name as written (a document writes its few names many times), each mention
    // holding the index of its own.
    let mut form_of: HashMap<&str, usize> = HashMap::default();
    // Room for every mention's own form: no table grown and rehashed on the way.
    form_of.reserve(mentions.len());
    let mut cleaned: Vec<String> = Vec::new();
    let mut form_keys: Vec<String> = Vec::new();
    let form: Vec<usize> = mentions
        .iter()
        .map(|m| {
            *form_of
                .entry(&text[m.name.clone()])
                .or_insert_with_key(|name| {
                    cleaned.push(clean_name(name));
                    form_keys.push(key(name));
                    cleaned.len() - 1
                })
        })
        .collect();
    let people = People::cluster(&form_keys);
    let form_ids: Vec<String> = form_keys.iter().map(|k| people.id(k)).collect();
    // Each person numbered in the order first met, from their forms (few), so that a
    // mention's person is an index, not an id hashed for each mention.
    let mut number_of: HashMap<&str, usize> = HashMap::default();
    number_of.reserve(form_ids.len());
    let form_person: Vec<usize> = form_ids
        .iter()
        .map(|id| {
            let next = number_of.len();
            *number_of.entry(id.as_str()).or_insert(next)
        })
        .collect();
    let persons: Vec<usize> = form.iter().map(|&f| form_person[f]).collect();
    let facts = person_facts(a, &mentions, &persons, number_of.len());
    mentions
        .into_iter()
        .zip(form)
        .zip(persons)
        .map(|((m, f), p)| {
            let (id, name) = (form_ids[f].clone(), cleaned[f].clone());
            let person = &facts[p];
            let record = PersonRecord {
                common: detached(a.common(m.name.clone())),
                name,
                titles: m.titles,
                offices: m.offices,
                country: m.country.or_else(|| person.country.clone()),
                org: m.org.or_else(|| person.org.clone()),
                person_id: id,
            };
            PersonMention {
                view: m.name,
                titled: !record.titles.is_empty(),
                record,
            }
        })
        .collect()
}

/// A record's provenance kept past the analysis: its text owned, its document left
/// for [`extract`] to name.
fn detached(common: Common<'_>) -> Common<'static> {
    Common {
        doc: Cow::Borrowed(""),
        ..common
    }
    .into_owned()
}

/// The state and body of one person, from all their mentions.
#[derive(Debug, Default)]
struct Facts {
    country: Option<String>,
    org: Option<String>,
}

/// What the mentions of one person say, gathered for [`person_facts`].
#[derive(Default)]
struct Seen<'m> {
    /// The first state a mention of theirs says.
    country: Option<String>,
    /// The first body a mention of theirs says.
    org: Option<String>,
    /// Their mentions, in document order.
    mentions: Vec<&'m Mention>,
    titled: bool,
    /// Whether a title of theirs is an office, not only an academic title.
    official: bool,
    stately: bool,
}

/// The state and body of each person (by number: `persons` holds each mention's, the
/// people numbered from 0 in the order first met, `count` of them). The state is the first that a mention
/// of theirs says; else what the front-matter title says of their name; else, for a person with an office (not only `Dr.` or `Professor`) and no body, the partner state of the
/// country paragraphs (or the part of a paragraph opened by `With <Country>,`) they
/// are met in, when no other partner's paragraph holds a mention of theirs and more
/// than half of their mentions are in its paragraphs or in sentences that name it;
/// else, for the one met (`a meeting with President X`) in an office of a state, the
/// state where the meeting is (`in Manila` where the text places Manila in it) or the
/// one partner the front-matter title names; else, for a person with an office and no
/// body who is not the one met, the home state when they are met at least twice, or
/// once in a sentence that names the home state and no other.
fn person_facts(a: &Analysis, mentions: &[Mention], persons: &[usize], count: usize) -> Vec<Facts> {
    let titles = front_matter_states(a);
    let declared = front_matter_partner(a);
    let mut places = Places::new(a);
    let text = a.view.text();
    // Each person's mentions gathered under their number. The people are taken in the
    // order they are first met: what `places` keeps is only a memo of answers that do
    // not depend on the order asked.
    let mut seen: Vec<Seen> = std::iter::repeat_with(Seen::default).take(count).collect();
    for (m, &k) in mentions.iter().zip(persons) {
        let s = &mut seen[k];
        if s.country.is_none() {
            s.country = m.country.clone();
        }
        if s.org.is_none() {
            s.org = m.org.clone();
        }
        s.mentions.push(m);
        s.titled |= !m.offices.is_empty();
        s.official |= m
            .offices
            .iter()
            .any(|o| !ACADEMIC.contains(&o.as_str()) && !a.gazetteers().is_honour(o));
        s.stately |= m.stately;
    }
    seen.into_iter()
        .map(|s| {
            // The first of these that says something is the person's state; each later
            // one is read only when the ones before it say nothing.
            let country = s
                .country
                .clone()
                .or_else(|| titled_state(&titles, &s.mentions, text))
                .or_else(|| confined(a, &s))
                .or_else(|| {
                    // The one met (`a meeting with President X`, `welcomed Prime
                    // Minister X`) is the home state's guest, not its official: the host
                    // of the place of the meeting, else the one partner of the document.
                    let mut guests = s.mentions.iter().copied().filter(|m| met_as_guest(a, m));
                    match guests.next() {
                        Some(first) if s.stately && s.org.is_none() => std::iter::once(first)
                            .chain(guests)
                            .find_map(|m| places.meeting_place(m.name.start))
                            .or_else(|| declared.clone()),
                        Some(_) => None,
                        None => home_state(a, &s),
                    }
                });
            Facts {
                country,
                org: s.org,
            }
        })
        .collect()
}

/// What the front-matter title says of a name of the person `mentions` name: the
/// state of the first of `titles` (name key, state) that is the same person as one of
/// them.
fn titled_state(titles: &[(String, String)], mentions: &[&Mention], text: &str) -> Option<String> {
    titles.iter().find_map(|(k, code)| {
        let full: Vec<&str> = k.split(' ').collect();
        mentions
            .iter()
            .any(|m| {
                let short_key = key(&text[m.name.clone()]);
                let short: Vec<&str> = short_key.split(' ').collect();
                same_person(&full, &short) || same_person(&short, &full)
            })
            .then(|| code.clone())
    })
}

/// The one partner state whose paragraphs hold the mentions of a person with an
/// office and no body, when more than half of their mentions are in its paragraphs or
/// in sentences that name it.
fn confined(a: &Analysis, s: &Seen) -> Option<String> {
    if s.org.is_some() || !s.official {
        return None;
    }
    let partners: Vec<Option<String>> = s
        .mentions
        .iter()
        .map(|m| paragraph_label(a, m.line, m.name.start).or_else(|| section_country(a, m.line)))
        .collect();
    let named: BTreeSet<&String> = partners.iter().flatten().collect();
    let [c] = named.into_iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let support = s
        .mentions
        .iter()
        .zip(&partners)
        .filter(|(m, p)| p.is_some() || sentence_names(a, m.name.start, c))
        .count();
    (support * 2 > s.mentions.len()).then(|| c.clone())
}

/// The home state, for a person with an office and no body who is not the one met,
/// when they are met at least twice, or once in a sentence that names the home state
/// and no other.
fn home_state(a: &Analysis, s: &Seen) -> Option<String> {
    let home_sentence = || s.mentions.iter().all(|m| names_only_home(a, m.name.start));
    (s.titled
        && s.org.is_none()
        && !a.home().is_empty()
        && (s.mentions.len() >= 2 || s.stately && home_sentence()))
    .then(|| a.home().to_string())
}

/// Whether the sentence at view offset `at` names the home state and no other.
fn names_only_home(a: &Analysis, at: usize) -> bool {
    let Some(sentence) = a.sentences.at(at) else {
        return false;
    };
    let mut named = a.countries_in(sentence).map(|h| &*h.country.code);
    let home = a.home();
    let first = named.next();
    first == Some(home) && named.all(|c| c == home)
}

/// The one state other than the home state that the document's front-matter title
/// names (`Joint Statement ... between the United States of America and Mongolia`),
/// if it names exactly one.
fn front_matter_partner(a: &Analysis) -> Option<String> {
    let title = front_matter_title(a.doc.text())?;
    let home = a.home();
    let others: BTreeSet<String> = a
        .gazetteers()
        .countries(&title)
        .map(|h| h.country.code.to_string())
        .filter(|c| c != home)
        .collect();
    match others.len() {
        1 => others.into_iter().next(),
        _ => None,
    }
}

/// Where the text places its meetings: the states it names and the places it locates
/// in one (`Manila, the Philippines`), read once, and the answer for each sentence.
struct Places<'a> {
    a: &'a Analysis<'a>,
    /// The places the text locates in a state (`Manila` in `Manila, the Philippines`),
    /// with the state's code; built when first asked.
    located: Option<BTreeMap<&'a str, String>>,
    /// The answer for each sentence asked about, by its start.
    asked: BTreeMap<usize, Option<String>>,
}

impl<'a> Places<'a> {
    fn new(a: &'a Analysis<'a>) -> Self {
        Places {
            a,
            located: None,
            asked: BTreeMap::new(),
        }
    }

    /// The state where the sentence at view offset `at` places a meeting (`in the
    /// Philippines`, `in Manila`), when it places it in one state other than the home
    /// state and names no other state, no international body and no summit or
    /// conference (whose host need not be the host of the one met there).
    fn meeting_place(&mut self, at: usize) -> Option<String> {
        let sentence = self.a.sentences.at(at)?;
        if let Some(known) = self.asked.get(&sentence.start) {
            return known.clone();
        }
        let found = self.place_of(sentence.clone());
        self.asked.insert(sentence.start, found.clone());
        found
    }

    fn place_of(&mut self, sentence: Range<usize>) -> Option<String> {
        let a = self.a;
        let home = a.home();
        if a.orgs_in(sentence.clone()).next().is_some()
            || a.event_words_in(sentence.clone())
                .any(|(_, k)| matches!(k, EventKind::Summit | EventKind::Conference))
        {
            return None;
        }
        let text = a.view.text();
        let located = self.located.get_or_insert_with(|| located_places(a));
        let mut states: BTreeSet<String> = BTreeSet::new();
        let s = &text[sentence.clone()];
        let ins = s.match_indices("in ").chain(s.match_indices("In "));
        for (i, _) in ins {
            if crate::text::char_before(s, i).is_some_and(char::is_alphanumeric) {
                continue;
            }
            let after = &s[i + 3..];
            let skip = if after.starts_with("the ") { 4 } else { 0 };
            let from = sentence.start + i + 3 + skip;
            let country = a
                .countries_in(from..sentence.end)
                .next()
                .filter(|h| h.start == from && h.kind == MentionKind::Name)
                .map(|h| h.country.code.to_string());
            let place = country.or_else(|| {
                let name = place_name(text, from, sentence.end)?;
                located.get(name).cloned()
            });
            states.extend(place);
        }
        let named_elsewhere = a
            .countries_in(sentence)
            .any(|h| &*h.country.code != home && !states.contains(&*h.country.code));
        let mut abroad = states.into_iter().filter(|c| c != home);
        match (abroad.next(), abroad.next()) {
            (Some(state), None) if !named_elsewhere => Some(state),
            _ => None,
        }
    }
}

/// The capitalised words of a place name starting at view offset `from` (`Manila`,
/// `Kuala Lumpur`), up to `end`, if any.
fn place_name(text: &str, from: usize, end: usize) -> Option<&str> {
    let s = &text[from..end];
    let mut len = 0;
    for word in s.split(' ').take(3) {
        let w = word.trim_end_matches(|c: char| !c.is_alphabetic());
        if !w.starts_with(char::is_uppercase) || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
            break;
        }
        len = (len + usize::from(len > 0) + w.len()).min(s.len());
        if w.len() < word.len() {
            break;
        }
    }
    (len > 0).then(|| &s[..len])
}

/// The places the text locates in a state by naming the state right after them (`Manila,
/// the Philippines`, `Hanoi, Viet Nam`), with the state's code: capitalised words that
/// are no state, office or body themselves.
fn located_places<'a>(a: &'a Analysis) -> BTreeMap<&'a str, String> {
    let text = a.view.text();
    let mut out = BTreeMap::new();
    for h in a.countries_in(0..text.len()) {
        if h.kind != MentionKind::Name {
            continue;
        }
        let before = &text[..h.start];
        let before = before.strip_suffix("the ").unwrap_or(before);
        let Some(before) = before.strip_suffix(", ") else {
            continue;
        };
        // The place: up to three capitalised words before the comma.
        let mut start = before.len();
        for word in before.rsplit(' ').take(3) {
            let name_like = word.starts_with(char::is_uppercase)
                && word.chars().all(|c| c.is_alphabetic() || c == '-');
            if !name_like {
                break;
            }
            start -= word.len() + usize::from(start < before.len());
        }
        let start = start.min(before.len());
        if start == before.len() {
            continue;
        }
        let place = start..before.len();
        let taken = a.countries_in(place.clone()).next().is_some()
            || a.offices_in(place.clone()).next().is_some()
            || a.orgs_in(place.clone()).next().is_some();
        if !taken {
            out.entry(&text[place])
                .or_insert_with(|| h.country.code.to_string());
        }
    }
    out
}

/// Whether a mention is the one met: its titles follow `meeting with`, `met with`,
/// `meet with`, `talks with`, `call with` or `welcomed` directly.
fn met_as_guest(a: &Analysis, m: &Mention) -> bool {
    let text = a.view.text();
    // The mention's titles stand before its name: look before the first of them.
    let lead = crate::text::before(text, m.name.start, 80).to_lowercase();
    let lead = lead.trim_end();
    let without_titles = m.titles.iter().fold(lead.to_string(), |acc, t| {
        let t = t.to_lowercase();
        match acc.rfind(&t) {
            Some(at) if acc[at + t.len()..].trim().len() <= 2 => acc[..at].trim_end().to_string(),
            _ => acc,
        }
    });
    let w = without_titles.trim_end();
    !m.titles.is_empty()
        && [
            "meeting with",
            "met with",
            "meet with",
            "talks with",
            "call with",
            "welcomed",
            "welcome",
        ]
        .iter()
        .any(|cue| w.ends_with(cue))
}

/// The line `i` as titles are read on it, with its office hits: the line itself, or,
/// when the line before ends with the first word of an office that goes on at the
/// start of this one (`... welcomed Prime` / `Minister Oyun-Erdene ...`, a hard wrap
/// the view kept), from that word on.
fn reading<'a>(a: &'a Analysis, i: usize) -> (Place<'a>, Vec<OfficeHit<'a>>) {
    let lines = a.view.lines();
    let range = lines[i].range.clone();
    let mut offices = line_offices(a, range.clone());
    let plain = |base: usize, offices| {
        (
            Place {
                line: i,
                base,
                text: &a.view.text()[base..range.end],
            },
            offices,
        )
    };
    let Some(first) = offices.first().filter(|h| h.start == 0) else {
        return plain(range.start, offices);
    };
    let Some(prev) = i.checked_sub(1).map(|p| lines[p].range.clone()) else {
        return plain(range.start, offices);
    };
    let text = a.view.text();
    let gap = &text[prev.end..range.start];
    if gap.matches('\n').count() != 1 || !gap.trim().is_empty() {
        return plain(range.start, offices);
    }
    let before = &text[prev.clone()];
    let word = before
        .rsplit(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    if !word.starts_with(char::is_uppercase) {
        return plain(range.start, offices);
    }
    let phrase = format!("{word} {}", &text[range.start..range.start + first.end]);
    let whole = a
        .gazetteers()
        .offices(&phrase)
        .find(|h| h.start == 0 && h.end == phrase.len());
    let Some(whole) = whole else {
        return plain(range.start, offices);
    };
    let base = prev.end - word.len();
    let shift = range.start - base;
    for h in &mut offices {
        h.start += shift;
        h.end += shift;
    }
    offices[0] = OfficeHit {
        start: 0,
        end: offices[0].end,
        office: whole.office,
    };
    plain(base, offices)
}

/// The office hits of a view range, relative to its start. Not an office word in a
/// possessive (`the State President’s Office`), which names no one after it; not a
/// short form (`Sen.`) unless a name-like word follows it (`Hun Sen. The two sides`).
fn line_offices<'g>(a: &'g Analysis, range: Range<usize>) -> Vec<OfficeHit<'g>> {
    let base = range.start;
    let text = a.view.text();
    // Sized up front, from the hits that start in the range: grown, the list is
    // reallocated on a line of many offices.
    let within = a.offices_in(range.clone());
    let mut hits = Vec::with_capacity(within.size_hint().1.unwrap_or(0));
    hits.extend(within);
    if hits.is_empty() {
        return Vec::new();
    }
    let nw = a.gazetteers().name_words();
    // The hits come in the order of their starts: whether one starts at a byte is found
    // by halving.
    debug_assert!(hits.is_sorted_by_key(|h| h.start));
    let starts_at = |at: usize| {
        let i = hits.partition_point(|h| h.start < at);
        hits.get(i).is_some_and(|h| h.start == at)
    };
    let mut kept = Vec::with_capacity(hits.len());
    kept.extend(
        hits.iter()
            .filter(|h| !text[h.end..].starts_with("’s") && !text[h.end..].starts_with("'s"))
            .filter(|h| {
                let phrase = &text[h.start..h.end];
                if !phrase.ends_with('.') || phrase.contains(' ') {
                    return true;
                }
                run_word(&text[..range.end], h.end)
                    .is_some_and(|w| !starts_at(w.start) && name_like(nw, &text[w.clone()]))
            })
            .map(|h| OfficeHit {
                start: h.start - base,
                end: h.end - base,
                office: h.office,
            }),
    );
    kept
}

/// A name as written, with line breaks and runs of spaces made single spaces.
fn clean_name(name: &str) -> String {
    crate::text::squeeze(name).into_owned()
}

/// The number of characters of `s` cleaned ([`clean_name`]), counted without the copy:
/// its words' characters and a space between each two.
fn squeezed_chars(s: &str) -> usize {
    // Read byte by byte, no character decoded but one that may be a wide space: a
    // byte that goes on with a character counts for nothing, an ASCII byte is
    // whitespace as `split_whitespace` has it (tab to carriage return, space).
    let (mut chars, mut words, mut in_word) = (0, 0usize, false);
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b & 0xC0 == 0x80 {
            continue;
        }
        let space = if b.is_ascii() {
            matches!(b, b'\t'..=b'\r' | b' ')
        } else {
            crate::text::is_wide_space_at(s, i)
        };
        if space {
            in_word = false;
        } else {
            chars += 1;
            words += usize::from(!in_word);
            in_word = true;
        }
    }
    chars + words.saturating_sub(1)
}

/// A title of a mention: its range on the line (with the qualifier written before
/// it), where its office phrase ends, its office id, and the words the speaker took
/// back inside it (`of the Government — ` in `Chairman of the Government — of the
/// State President’s Office`). The id is the gazetteer's, copied only into the
/// mention a title is kept for.
#[derive(Clone, Debug)]
struct Title<'g> {
    start: usize,
    end: usize,
    phrase_end: usize,
    id: &'g str,
    category: OfficeCategory,
    cut: Option<Range<usize>>,
}

/// A title read from an office hit: the title, its complement, the name after it if
/// one follows, and the index of the next office hit not read.
struct Read<'g> {
    title: Title<'g>,
    complement: Option<Range<usize>>,
    name: Option<Range<usize>>,
    next: usize,
}

/// Reads the title of `offices[j]`: its complement, then the name after it. A title
/// taken back with a dash gives way to what follows: another office (`Minister of —
/// Vice Minister of Defense`) or another complement (`Chairman of the Government — of
/// the State President’s Office`).
fn read_title<'g>(
    a: &Analysis,
    at: Place,
    offices: &[OfficeHit<'g>],
    j: usize,
    words: &mut Vec<RunWord>,
) -> Read<'g> {
    let Place { base, text, .. } = at;
    let w = a.gazetteers().name_words();
    let hit = &offices[j];
    // The honours after the office that may end a name in its run: looked for within
    // a bounded window, so that a line of any length costs the same per office.
    let window = base + hit.end..base + text.len().min(hit.end + POST_NOMINAL_REACH);
    let post: Vec<usize> = a.post_nominals_in(window).map(|h| h.start - base).collect();
    let run = capital_run(w, text, hit.end, offices, j + 1, &post, words);
    let phrase = &text[hit.start..hit.end];
    let (complement, name) = split_run(a, base, text, run, words, phrase);
    let end = complement.as_ref().map_or(hit.end, |c| c.end);
    // "of the Government - of the State President’s Office": the complement again.
    let cut = complement.as_ref().and_then(|c| {
        let t = &text[c.clone()];
        spaced_matches(t, " - ")
            .find_map(|i| {
                taken_back(t, i)
                    .filter(|&at| t[at..].starts_with("of ") || t[at..].starts_with("for "))
            })
            .map(|at| hit.end..c.start + at)
    });
    let read = Read {
        title: Title {
            start: hit.start,
            end,
            phrase_end: hit.end,
            id: &hit.office.id,
            category: hit.office.category,
            cut,
        },
        complement: complement.clone(),
        name,
        next: j + 1,
    };
    if read.name.is_some() {
        return read;
    }
    let Some(pos) = taken_back(text, end) else {
        return read;
    };
    if let Some(k) = (j + 1..offices.len()).find(|&k| offices[k].start == pos) {
        return read_title(a, at, offices, k, words);
    }
    let again = &text[pos..];
    if !["of ", "for ", "to "].iter().any(|p| again.starts_with(p)) {
        return read;
    }
    let next = j + 1 + offices[j + 1..].partition_point(|h| h.start < pos);
    let run = capital_run(w, text, pos, offices, next, &post, words);
    let (Some(complement), name) = split_run(a, base, text, run, words, "") else {
        return read;
    };
    let cut = read.complement.map_or(hit.end, |c| c.start)..complement.start;
    let next = next + offices[next..].partition_point(|h| h.start < complement.end);
    Read {
        title: Title {
            end: complement.end,
            cut: Some(cut),
            ..read.title
        },
        complement: Some(complement),
        name,
        next,
    }
}

/// The places of `needle`, which opens with a space, in `hay`, first to last and not
/// overlapping, as `str::match_indices` gives them: read at the spaces of `hay` (a
/// title or its complement, a few words).
fn spaced_matches<'h>(hay: &'h str, needle: &'static str) -> impl Iterator<Item = usize> + 'h {
    debug_assert!(needle.starts_with(' '));
    let bytes = hay.as_bytes();
    let mut next = 0;
    // A plain loop: a call to a vector search costs more than these few bytes.
    (0..bytes.len()).filter(move |&i| {
        let found = bytes[i] == b' ' && i >= next && bytes[i..].starts_with(needle.as_bytes());
        if found {
            next = i + needle.len();
        }
        found
    })
}

/// The last place of `needle`, which opens with a space, in `hay`, as `str::rfind`
/// gives it.
fn spaced_rfind(hay: &str, needle: &str) -> Option<usize> {
    debug_assert!(needle.starts_with(' '));
    let bytes = hay.as_bytes();
    (0..bytes.len())
        .rev()
        .find(|&i| bytes[i] == b' ' && bytes[i..].starts_with(needle.as_bytes()))
}

/// Where the words after a title start again when the speaker takes the title back
/// with a spaced dash (` of — `, ` - `), if they do.
fn taken_back(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    // Most titles go on with a word or a stop. After the spaces, what is taken back opens
    // with `of`, `for`, `to` or a dash: any other ASCII byte there says at once that
    // nothing is, without trimming or comparing.
    let b = rest.as_bytes();
    match b.get(skip_ascii_spaces(b, 0)) {
        Some(b'o' | b'f' | b't' | b'-') => {}
        Some(c) if !c.is_ascii() => {}
        _ => return None,
    }
    taken_back_read(text, end)
}

/// [`taken_back`] read in full, by trimming and comparing: what the first byte after
/// the spaces lets through.
fn taken_back_read(text: &str, end: usize) -> Option<usize> {
    let t = text[end..].trim_start();
    let t = ["of ", "for ", "to "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim_start();
    // The view writes a spaced dash as ` - `.
    let t = ["—", "–", "--", "-"]
        .iter()
        .find_map(|d| t.strip_prefix(d))?;
    if !t.starts_with(char::is_whitespace) {
        return None;
    }
    let t = t.trim_start();
    Some(text.len() - t.len())
}

/// What [`titled`] reads a chain's titles and a run's words into, kept from one line
/// to the next and from one chain to the next: a document has thousands of office
/// hits, each with a few titles and words, and lists made afresh for each cost more
/// than the reading.
#[derive(Default)]
struct Scratch<'g> {
    titles: Vec<Title<'g>>,
    words: Vec<RunWord>,
}

/// Finds the mentions introduced by titles on a line.
fn titled<'g>(
    a: &'g Analysis,
    at: Place,
    offices: &[OfficeHit<'g>],
    out: &mut Vec<Mention>,
    scratch: &mut Scratch<'g>,
) {
    let Place { line, base, text } = at;
    let Scratch { titles, words } = scratch;
    let mut k = 0;
    // The end of the last name and the state a plural noun for persons before it gave.
    let mut shared: Option<(usize, String)> = None;
    while k < offices.len() {
        let chain_start = offices[k].start;
        titles.clear();
        let mut name: Option<Range<usize>> = None;
        let mut j = k;
        loop {
            let read = read_title(a, at, offices, j, words);
            let after = read.title.end;
            titles.push(read.title);
            j = read.next;
            if let Some(n) = read.name {
                name = Some(n);
                break;
            }
            // No name yet: the chain goes on to an office right after a separator; but
            // "the President and Prime Minister Kishida" are two people.
            let definite = titles.len() == 1 && after_article(&text[..chain_start]);
            match offices.get(j) {
                // A complement may run past the next office ("General of A-General"):
                // then nothing separates them.
                Some(next)
                    if after <= next.start
                        && is_separator(&text[after..next.start])
                        && !(definite
                            && memchr::memmem::find(
                                &text.as_bytes()[after..next.start],
                                b"and",
                            )
                            .is_some()) => {}
                _ => break,
            }
        }
        k = j;
        // No name after the titles: perhaps one before them, in apposition (`Kurt
        // Campbell, the U.S. deputy secretary of state`).
        // What stands before the chain, read at most once.
        let mut before_chain: Option<Lead> = None;
        let Some(mut name) = name.or_else(|| {
            let start = before_chain
                .get_or_insert_with(|| lead(a, at, chain_start))
                .start
                .unwrap_or(chain_start);
            let end = titles.last().map_or(chain_start, |t| t.end);
            apposed_name(a, at, start..end).or_else(|| name_in_commas(a, at, end))
        }) else {
            continue;
        };
        // "Defence Ministers on ...", "Presidents of ...": plural titles name no one.
        if titles.iter().any(|t| plural_title(&text[t.start..t.end])) {
            continue;
        }
        // Honorifics taken into the name are not new chains.
        while offices.get(k).is_some_and(|h| h.start < name.end) {
            k += 1;
        }
        // "The General Market Potential ...": a lone rank or title after an article is
        // a word of a name of a thing, not a title; but one with a complement is a title
        // ("the Ambassador of India to Japan Sibi George").
        let lone = titles.len() == 1
            && titles[0].end == titles[0].phrase_end
            && !text[titles[0].start..titles[0].phrase_end].contains(' ');
        if lone && after_article(&text[..chain_start]) {
            continue;
        }
        name.end += suffix_len(&text[name.end..]);
        // Honours and offices written after the name (`AO`, `, MP`), then titles in
        // apposition: ", Chairman of ..." not followed by a name.
        let mut after_titles = post_nominals(a, at, name.end);
        let tail = after_titles.last().map_or(name.end, |t| t.end);
        let mut apposed = Vec::new();
        let mut m = k;
        if text[tail..].starts_with(", ") {
            let mut expect = tail + 2;
            while let Some(hit) = offices.get(m) {
                // "Mr. Bui Huy Hung, my assistant": a possessive word before the
                // title is not part of it.
                let between = &text[expect.min(hit.start)..hit.start];
                let owner = ["my ", "his ", "her ", "our ", "their "].contains(&between);
                if hit.start < expect || !(is_separator(between) || owner && apposed.is_empty()) {
                    break;
                }
                let read = read_title(a, at, offices, m, words);
                if read.name.is_some() {
                    // ", and Member of the State Council and Minister ... Wang Yi": the
                    // titles were the next person's; but a courtesy word opens a new
                    // chain (", Minister of Health, and Mr. Omar Haddad").
                    if !COURTESY.contains(&hit.office.id.as_str()) {
                        apposed.clear();
                    }
                    break;
                }
                expect = read.title.end;
                apposed.push(read.title);
                m = read.next;
            }
            if !apposed.is_empty() {
                k = m;
            }
        }
        after_titles.extend(apposed);
        let lead = before_chain.unwrap_or_else(|| lead(a, at, chain_start));
        if let (Some(start), Some(first)) = (lead.start, titles.first_mut()) {
            first.start = start;
        }
        titles.extend(after_titles);
        let (mut country, org) = affiliation(a, at, &lead, titles, &name);
        // "Australian philanthropists Mr. A and the late Mrs. B": a plural noun for
        // persons covers the names joined to the first.
        let joined_to = shared
            .take()
            .filter(|(end, _)| *end <= chain_start && joined(&text[*end..chain_start]));
        let inherited = country.is_none() && joined_to.is_some();
        if inherited {
            country = joined_to.map(|(_, code)| code);
        }
        if inherited || (lead.plural && lead.country.is_some() && country == lead.country) {
            shared = country.clone().map(|code| (name.end, code));
        }
        let stately = titles.iter().any(|t| of_a_state(t.category));
        // The titles kept, read twice rather than gathered in a list of their own.
        let kept = || titles.iter().filter(|t| !COURTESY.contains(&t.id));
        out.push(Mention {
            name: base + name.start..base + name.end,
            line,
            titles: kept().map(|t| title_text(a, base, t)).collect(),
            offices: kept().map(|t| t.id.to_string()).collect(),
            country,
            org,
            stately,
        });
    }
}

/// The honours and offices written right after a name ending at `end` (`Andrew
/// Forrest AO`, `Keir Starmer MP`, `Jane Smith, KC`): each after a space or a comma,
/// as titles of the person.
fn post_nominals<'a>(a: &'a Analysis, at: Place, mut end: usize) -> Vec<Title<'a>> {
    let Place { base, text, .. } = at;
    let mut titles = Vec::new();
    let hits: Vec<_> = a
        .post_nominals_in(base + end..base + text.len())
        .take(4)
        .collect();
    for h in hits {
        let start = h.start - base;
        if !matches!(&text[end..start], " " | ", ") {
            break;
        }
        end = h.end - base;
        titles.push(Title {
            start,
            end,
            phrase_end: end,
            id: &h.office.id,
            category: h.office.category,
            cut: None,
        });
    }
    titles
}

/// Names without a title before them, known by an honour written after them (`and
/// Nicola Forrest AO are`): two to four capitalised name words right before it, naming
/// no state, body or office, after a word in lower case, a comma or the line's start.
/// An office written after a name (`MP`) is its title, but finds no name alone.
fn post_nominal_names(a: &Analysis, i: usize, out: &mut Vec<Mention>) {
    let base = a.view.lines()[i].range.start;
    let text = a.line_text(i);
    let nw = a.gazetteers().name_words();
    // Honours only: an office after a word (`Labour MP`, `Veteran Labour MP`) says
    // nothing of a name before it.
    let hits: Vec<_> = a
        .post_nominals_in(base..base + text.len())
        .filter(|h| a.gazetteers().is_honour(&h.office.id))
        .collect();
    for h in hits {
        let end = h.start - base;
        let before = &text[..end];
        let Some(name_end) = before
            .strip_suffix(", ")
            .or_else(|| before.strip_suffix(' '))
            .map(str::len)
        else {
            continue;
        };
        let Some(start) = name_words_before(nw, text, name_end, &[',', '.', ':', ';', '(']) else {
            continue;
        };
        let view = base + start..base + name_end;
        if names_state_or_body(a, view.clone()) || a.offices_in(view.clone()).next().is_some() {
            continue;
        }
        let place = Place {
            line: i,
            base,
            text,
        };
        let titles = post_nominals(a, place, name_end);
        out.push(Mention {
            name: view,
            line: i,
            titles: titles.iter().map(|t| title_text(a, base, t)).collect(),
            offices: titles.iter().map(|t| t.id.to_string()).collect(),
            country: None,
            org: None,
            stately: titles.iter().any(|t| of_a_state(t.category)),
        });
    }
}

/// The name that a chain of titles (`titles`, its qualifiers included) follows in
/// apposition: two to four capitalised name words, naming no state or body, right
/// before `, the `, `, a ` or `, ` (`Kurt Campbell, the U.S. deputy secretary of
/// state, said`), opening the sentence or after a word in lower case (`said Kurt
/// Campbell, ...`); the titles close the apposition (a comma, a stop or the line's
/// end after them), so that a subject after a clause (`after the Leaders Meeting, the
/// Vice President will ...`) is not one.
fn apposed_name(a: &Analysis, at: Place, titles: Range<usize>) -> Option<Range<usize>> {
    let Place { base, text, .. } = at;
    // Up to the comma or stop that closes it, only a complement may follow the
    // titles (`deputy minister of trade,`).
    let rest = &text[titles.end..];
    let segment = &rest[..first_of(rest, *b",.;)\n").unwrap_or(rest.len())];
    let closes = segment.trim().is_empty()
        || [" of ", " for ", " to ", " at ", " in "]
            .iter()
            .any(|p| segment.starts_with(p))
        // `general secretary of the ... Central Committee and Vietnamese president,`:
        // a second office joined by `and`, ending where the apposition does.
        || segment.starts_with(" and ") && {
            let end = base + titles.end + segment.trim_end().len();
            a.offices_in(base + titles.end + 5..end).any(|h| h.end == end)
        };
    if !closes {
        return None;
    }
    let before = &text[..titles.start];
    let before = ["the ", "a ", "an "]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    let end = before.strip_suffix(", ")?.len();
    let nw = a.gazetteers().name_words();
    let start = name_words_before(nw, text, end, &['.', ':', '"', '“', '”'])?;
    (!names_state_or_body(a, base + start..base + end)).then_some(start..end)
}

/// Where the two to four capitalised name words (no possessive) that end at byte `end`
/// of `text` start, when what stands before them opens a name: nothing, one of
/// `stops`, or a word in lower case (`said`).
fn name_words_before(nw: &WordRoles, text: &str, end: usize, stops: &[char]) -> Option<usize> {
    let mut start = end;
    let mut words = 0;
    for word in text[..end].rsplit(' ') {
        if words == 4 || !name_like(nw, word) || possessive_len(word) > 0 {
            break;
        }
        start -= word.len() + usize::from(start < end);
        words += 1;
    }
    let lead = text[..start].trim_end();
    let opens = lead.is_empty()
        || lead.ends_with(stops)
        || lead
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
    ((2..=4).contains(&words) && opens).then_some(start)
}

/// Whether the view range `view` names a state or an international body.
fn names_state_or_body(a: &Analysis, view: Range<usize>) -> bool {
    a.countries_in(view.clone()).next().is_some() || a.orgs_in(view).next().is_some()
}

/// The name set off by commas right after a chain of titles ending at `end`: two to
/// four capitalised name words, naming no state, body or office, then a comma or a stop
/// (`Japan's top diplomat, Yoko Kamikawa, met ...`).
fn name_in_commas(a: &Analysis, at: Place, end: usize) -> Option<Range<usize>> {
    let Place { base, text, .. } = at;
    let rest = text[end..].strip_prefix(", ")?;
    let start = text.len() - rest.len();
    let stop = first_of(rest, *b",.;)")?;
    let run = &rest[..stop];
    let nw = a.gazetteers().name_words();
    let words: Vec<&str> = run.split(' ').collect();
    if !(2..=4).contains(&words.len()) || !words.iter().all(|w| name_like(nw, w)) {
        return None;
    }
    // `Jr.` and initials end in a dot: the run stops before them; a name does not.
    if rest[stop..].starts_with('.') && rest[stop + 1..].starts_with(char::is_alphanumeric) {
        return None;
    }
    let view = base + start..base + start + stop;
    let names_thing = names_state_or_body(a, view.clone()) || a.offices_in(view).next().is_some();
    (!names_thing).then_some(start..start + stop)
}

/// Where the first of the ASCII bytes `stops` is in `text`, as `str::find` finds the
/// first of their characters: byte by byte, without decoding the characters of the
/// rest of a line.
fn first_of<const N: usize>(text: &str, stops: [u8; N]) -> Option<usize> {
    text.bytes().position(|b| stops.contains(&b))
}

/// Whether the words between two names join them in one list: a comma or `and`, with
/// at most two lowercase words after it (`, `, ` and `, ` and the late `).
fn joined(gap: &str) -> bool {
    let mut words = gap.split_whitespace().peekable();
    let comma = gap.trim_start().starts_with(',');
    if words.peek() == Some(&",") {
        words.next();
    }
    let and = words.next_if(|w| *w == "and").is_some();
    let rest: Vec<&str> = words.take(3).collect();
    (comma || and)
        && rest.len() <= 2
        && rest
            .iter()
            .all(|w| w.chars().all(|c| c.is_lowercase() && c.is_alphabetic()))
}

/// Whether `before` ends with an article (`the `, `The `).
fn after_article(before: &str) -> bool {
    before.ends_with("the ") || before.ends_with("The ")
}

/// The length of a suffix that belongs to the name before it (`, Jr.`, ` III`), or 0.
fn suffix_len(after: &str) -> usize {
    let rest = after.strip_prefix(',').unwrap_or(after);
    let Some(word) = rest.strip_prefix(' ') else {
        return 0;
    };
    // Every suffix opens with `J`, `S` or `I`: the word after most names opens
    // otherwise (`said`, `and`), and is no suffix without a comparison with each.
    if !matches!(word.as_bytes().first(), Some(b'J' | b'S' | b'I')) {
        return 0;
    }
    let suffix = ["Jr.", "Sr.", "Jr", "Sr", "III", "II", "IV"]
        .into_iter()
        .find(|s| {
            word.starts_with(s)
                && !word[s.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '.')
        });
    suffix.map_or(0, |s| after.len() - word.len() + s.len())
}

/// A title as written in the document, without the words taken back and without a
/// trailing `of <Country>`.
fn title_text(a: &Analysis, base: usize, t: &Title) -> String {
    let (start, mut end) = (base + t.start, base + t.end);
    let tail_start = t.cut.as_ref().map_or(start, |c| base + c.end);
    let tail = &a.view.text()[tail_start..end];
    // Only a title that ends with a state's name can end with `of <Country>`: the
    // words are looked for in those alone, and " of the " only where " of " is.
    let ends_with_state = a.countries_in(tail_start..end).any(|h| h.end == end);
    let last_of = if ends_with_state {
        spaced_rfind(tail, " of ")
    } else {
        None
    };
    let last_of_the = last_of.and_then(|_| spaced_rfind(tail, " of the "));
    for (found, marker) in [(last_of_the, " of the "), (last_of, " of ")] {
        if let Some(at) = found {
            let rest = tail_start + at + marker.len();
            let whole_country = a
                .countries_in(rest..end)
                .next()
                .is_some_and(|h| h.start == rest && h.end == end);
            if whole_country {
                end = tail_start + at;
                break;
            }
        }
    }
    // The raw text where it is the view's, character for character (curly quotes,
    // dashes); the view's where the view moved text out of the way (a footnote).
    let raw = |r: Range<usize>| {
        let view = &a.view.text()[r.clone()];
        let (_, raw) = a.raw_text(r);
        // Most titles are the same bytes in both: nothing to compare then.
        // The raw text borrowed from the view's own range is the same bytes: not
        // compared again.
        let same = raw.as_ptr() == view.as_ptr() && raw.len() == view.len();
        if same || raw == view || squeezed_chars(&raw) == squeezed_chars(view) {
            raw
        } else {
            view.into()
        }
    };
    match &t.cut {
        Some(cut) => clean_name(&format!(
            "{} {}",
            raw(start..base + cut.start),
            raw(base + cut.end..end)
        )),
        None => clean_name(&raw(start..end)),
    }
}

/// Whether a title is plural (`Ministers`, `Presidents`, `Secretaries`).
fn plural_title(title: &str) -> bool {
    // An ASCII title (most are) is split at its whitespace bytes, which are what
    // `split_whitespace` splits at there: no character is decoded.
    if title.is_ascii() {
        return title
            .as_bytes()
            .split(|&b| is_ascii_space(b))
            .filter(|w| !w.is_empty())
            .take_while(|w| *w != b"of" && *w != b"for")
            .any(plural_word);
    }
    title
        .split_whitespace()
        .take_while(|w| *w != "of" && *w != "for")
        .any(|w| plural_word(w.as_bytes()))
}

/// Whether a word of a title is a plural noun (`Ministers`, `Secretaries`).
fn plural_word(w: &[u8]) -> bool {
    // Every plural ending ends in `s` or `n`: other words are passed over at once.
    matches!(w.last(), Some(b's' | b'n'))
        && [
            "ers", "ents", "ies", "ors", "ads", "oys", "als", "men", "irs",
        ]
        .iter()
        .any(|end| w.ends_with(end.as_bytes()))
        && w != b"Affairs"
}

/// Whether the text between two offices only separates them (`, `, ` cum `, ` and `).
fn is_separator(between: &str) -> bool {
    let t = between.trim();
    t.is_empty() || t == "," || t == "cum" || t == "and" || t == ", and" || t == "/"
}

/// The capitalised run starting at `from`: words, initials, particles, connectors and
/// bracketed acronyms, up to a lowercase word, punctuation, or the office `offices[next]`.
/// An honorific after the first words of a name stays in it (`King Abdullah Sultan Ahmad
/// Shah`), and an `and` that leads to the next office ends the run (`... Tran Ngoc An
/// and British Ambassador ...`).
fn capital_run(
    w: &WordRoles,
    text: &str,
    from: usize,
    offices: &[OfficeHit],
    mut next: usize,
    post_nominals: &[usize],
    words: &mut Vec<RunWord>,
) -> Run {
    let mut end = from;
    let mut pos = from;
    let mut name_words = 0;
    let mut complement = false;
    // The words taken, each where the last one ended: those of the run are its words,
    // unless an office was passed over (its words were not read one by one).
    words.clear();
    let mut passed_over = false;
    while let Some(r) = run_word(text, pos) {
        let word = &text[r.clone()];
        let (start, after) = (r.start, r.end);
        // `Andrew Forrest AO`: an honour after the name ends it.
        if name_words > 0 && post_nominals.binary_search(&start).is_ok() {
            break;
        }
        if pos == from && ["of", "for", "to", "at", "in", "on"].contains(&word) {
            complement = true;
        }
        if let Some(o) = offices.get(next).filter(|o| start >= o.start) {
            if !complement
                && name_words > 0
                && o.office.category == OfficeCategory::RoyalOrHonorific
            {
                pos = o.end;
                end = pos;
                next += 1;
                passed_over = true;
                continue;
            }
            break;
        }
        if word == "and"
            && let Some(o) = offices.get(next)
            && o.start >= after
        {
            // "and British Ambassador": at most one word, no punctuation, before it.
            let between = &text[after..o.start];
            if crate::text::at_most_words(between, 1)
                && between
                    .chars()
                    .all(|c| c.is_alphabetic() || c.is_whitespace())
            {
                break;
            }
        }
        let lowercase = opens_lower(word);
        let roles = w.roles(word);
        if lowercase && roles & (name_role::CONNECTOR | name_role::PARTICLE) == 0 {
            break;
        }
        name_words = if name_like_with(roles, word) {
            name_words + 1
        } else {
            0
        };
        pos = after;
        words.push(RunWord { range: r, roles });
        // A run never ends on a connector: "Vladimir Putin on the occasion".
        if roles & name_role::CONNECTOR == 0 {
            end = pos;
        }
    }
    // The connectors after the last word are no part of the run.
    words.retain(|w| w.range.end <= end);
    Run {
        range: from..end,
        words_read: !passed_over,
    }
}

/// A capitalised run read by [`capital_run`].
struct Run {
    range: Range<usize>,
    /// Whether the list [`capital_run`] was given holds its words as [`words_of`]
    /// reads them, read on the way (else `words_of` reads them again).
    words_read: bool,
}

/// A word of a capitalised run, with its roles among the name words: looked up once,
/// where the run is read, for every question [`split_run`] asks of the word.
struct RunWord {
    range: Range<usize>,
    roles: u8,
}

fn name_like(w: &WordRoles, word: &str) -> bool {
    name_like_with(w.roles(word), word)
}

/// [`name_like`] for a word whose roles are `roles`.
fn name_like_with(roles: u8, word: &str) -> bool {
    if roles & (name_role::NOT_NAME | name_role::INSTITUTION) != 0 {
        return false;
    }
    // A capitalised word not ending with a dot, or an initial (`R.`); a bracketed
    // acronym opens with no capital.
    opens_upper(word) && (word.len() == 2 || !word.ends_with('.'))
}

/// Whether `word` opens with a capital letter, as `starts_with(char::is_uppercase)`
/// says: an ASCII first byte tells without decoding a character.
fn opens_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.starts_with(char::is_uppercase),
    }
}

/// Whether `word` opens with a small letter, as `starts_with(char::is_lowercase)`
/// says: an ASCII first byte tells without decoding a character.
fn opens_lower(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => word.starts_with(char::is_lowercase),
    }
}

/// The length of a possessive ending (`’s`, `'s`) of `word`, or 0.
fn possessive_len(word: &str) -> usize {
    ["’s", "'s"]
        .iter()
        .find(|p| word.len() > p.len() && word.ends_with(*p))
        .map_or(0, |p| p.len())
}

/// Whether an office phrase goes on with a complement: ` of ` or ` for ` is in it
/// (`Minister of Trade`), found in one pass over its few bytes.
fn continues(phrase: &str) -> bool {
    phrase.bytes().enumerate().any(|(i, b)| {
        let rest = &phrase.as_bytes()[i..];
        b == b' ' && (rest.starts_with(b" of ") || rest.starts_with(b" for "))
    })
}

/// Splits a capitalised run after an office into its complement (`of the Republic of
/// Korea`) and the person's name (`Kang Kyung-Wha`), either possibly absent. A name
/// ends at a possessive, which is not part of it (`Kishida’s` is `Kishida`). When the
/// office phrase `phrase` the run follows [`continues`] (`Minister of Trade`), a run
/// opening with `and` goes on with its complement (`and Industry`); a complement read
/// again after a title taken back follows no phrase (`""`).
fn split_run(
    a: &Analysis,
    base: usize,
    text: &str,
    run: Run,
    words: &mut Vec<RunWord>,
    phrase: &str,
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let nw = a.gazetteers().name_words();
    if !run.words_read {
        words_of(nw, text, run.range.clone(), words);
    }
    let (run, words) = (run.range, &words[..]);
    if words.is_empty() {
        return (None, None);
    }
    let word = |w: &RunWord| &text[w.range.clone()];
    let name_range = |first: &RunWord, last: &RunWord| {
        first.range.start..last.range.end - possessive_len(word(last))
    };
    let first = word(&words[0]);
    // "and Industry" after "Minister of Trade" goes on with the office's complement.
    // The phrase is read only for the few runs that open with `and`.
    let goes_on = (first == "and" || first == "&") && continues(phrase);
    if goes_on || ["of", "for", "to", "at", "in", "on"].contains(&first) {
        // Complement first: the name is the name-like words after the last country,
        // organization or institution word.
        let abs = base + run.start..base + run.end;
        let blocked: Vec<Range<usize>> = a
            .countries_in(abs.clone())
            .map(|h| h.start - base..h.end - base)
            .chain(a.orgs_in(abs).map(|h| h.start - base..h.end - base))
            .collect();
        let in_blocked = |w: &RunWord| {
            blocked
                .iter()
                .any(|b| b.start <= w.range.start && w.range.end <= b.end)
        };
        // A word that can end a complement: a country, an organization, an institution
        // word or a bracketed acronym.
        let ends_complement = |w: &RunWord| {
            in_blocked(w) || w.roles & name_role::INSTITUTION != 0 || word(w).starts_with('(')
        };
        // The first complement end followed by a name that is itself followed by the end
        // of the run or a connector ("Michael R. Pompeo in Hanoi"), not by more of the
        // complement ("Lao National Assembly").
        for end in 0..words.len() {
            if !ends_complement(&words[end]) {
                continue;
            }
            let n = name_words(text, &words[end + 1..], |w| !in_blocked(w));
            if n == 0 || n > 8 {
                continue;
            }
            let last = &words[end + n];
            let after = words.get(end + 1 + n);
            let closed =
                after.is_none_or(|w| w.roles & name_role::CONNECTOR != 0 && !ends_complement(w));
            if closed {
                let complement = words[0].range.start..words[end].range.end;
                return (Some(complement), Some(name_range(&words[end + 1], last)));
            }
        }
        let (start, last_end) = (words[0].range.start, words[words.len() - 1].range.end);
        let complement = start..trim_connectors(nw, text, start..last_end);
        return (Some(complement), None);
    }
    // Name first: the name-like words up to the first connector.
    let n = name_words(text, words, |_| true);
    if n == 0 || n > 8 {
        return (None, None);
    }
    (None, Some(name_range(&words[0], &words[n - 1])))
}

/// How many of `words` make a name: name-like words, with particles inside
/// ("Ursula von der Leyen"), all accepted by `ok`, up to a possessive.
fn name_words(text: &str, words: &[RunWord], ok: impl Fn(&RunWord) -> bool) -> usize {
    let word = |w: &RunWord| &text[w.range.clone()];
    let name_like = |w: &RunWord| name_like_with(w.roles, word(w));
    let mut n = 0;
    while n < words.len() && ok(&words[n]) {
        if name_like(&words[n]) {
            n += 1;
            if possessive_len(word(&words[n - 1])) > 0 {
                break;
            }
            continue;
        }
        let particles = words[n..]
            .iter()
            .take_while(|w| w.roles & name_role::PARTICLE != 0)
            .count();
        if n > 0 && particles > 0 && words.get(n + particles).is_some_and(name_like) {
            n += particles;
            continue;
        }
        break;
    }
    n
}

/// The words of the run `run` of `text`, as [`run_word`] reads them, with their roles
/// among the name words `nw`, in place of those `out` held.
fn words_of(nw: &WordRoles, text: &str, run: Range<usize>, out: &mut Vec<RunWord>) {
    out.clear();
    let mut pos = run.start;
    while pos < run.end {
        let Some(w) = run_word(&text[..run.end], pos) else {
            break;
        };
        pos = w.end;
        let roles = nw.roles(&text[w.clone()]);
        out.push(RunWord { range: w, roles });
    }
}

fn trim_connectors(nw: &WordRoles, text: &str, r: Range<usize>) -> usize {
    let mut end = r.end;
    let mut t = text[r.start..end].trim_end();
    loop {
        let last = t.rsplit(' ').next().unwrap_or("");
        if !t.contains(' ') || !nw.is(last, name_role::CONNECTOR) {
            break;
        }
        t = t[..t.len() - last.len()].trim_end();
    }
    end = end.min(r.start + t.len());
    end
}

/// Where on the view a mention is read: the line's index, the view offset and the text
/// read (the line, or the line with the last word of the line before).
#[derive(Clone, Copy)]
struct Place<'t> {
    line: usize,
    base: usize,
    text: &'t str,
}

/// What is written just before a chain of titles: a qualifier that belongs to the
/// first title (`Canadian`, `WHO`, `Export Credit Agency`), or a possessive that does
/// not (`Malaysia’s`), with the state or body it names.
#[derive(Debug, Default)]
struct Lead {
    /// Where the first title starts when a qualifier belongs to it.
    start: Option<usize>,
    country: Option<String>,
    org: Option<String>,
    /// Whether the state comes with a plural noun for persons (`Australian
    /// philanthropists`): it covers the names joined to this one.
    plural: bool,
}

/// The qualifier or possessive before the chain of titles starting at `chain_start`.
/// `former` between them is passed over but keeps the qualifier out of the title.
fn lead(a: &Analysis, at: Place, chain_start: usize) -> Lead {
    let Place { base, text, .. } = at;
    let before = &text[..chain_start];
    if !before.ends_with(' ') {
        return Lead::default();
    }
    let mut t = before.trim_end();
    let mut adjacent = true;
    if let Some(rest) = t.strip_suffix("former")
        && (rest.is_empty() || rest.ends_with(' '))
    {
        t = rest.trim_end();
        adjacent = false;
    }
    let mut possessive = false;
    for p in ["’s", "'s"] {
        if let Some(rest) = t.strip_suffix(p) {
            t = rest;
            possessive = true;
        }
    }
    let end = base + t.len();
    let code = |s: usize| {
        a.countries_in(s..end)
            .next_back()
            .filter(|h| h.end == end)
            .map(|h| (h.start - base, h.country.code.to_string()))
    };
    let body = |s: usize| {
        a.orgs_in(s..end)
            .next_back()
            .filter(|h| h.end == end)
            .map(|h| (h.start - base, h.org.acronym.to_string()))
    };
    let keep = |start: usize| (adjacent && !possessive).then_some(start);
    if let Some((start, country)) = code(base) {
        return Lead {
            start: keep(start),
            country: Some(country),
            ..Lead::default()
        };
    }
    if let Some((start, org)) = body(base) {
        return Lead {
            start: keep(start),
            org: Some(org),
            ..Lead::default()
        };
    }
    if possessive {
        return Lead::default();
    }
    // "Australian philanthropist Mr. ...", "his Japanese counterpart Minister ...": a
    // country and a noun for a person say whose national the person is; the words are
    // no title.
    let nw = a.gazetteers().name_words();
    // The last word, split off at the last space (as `rsplit_once` would).
    let last_space = memchr::memrchr(b' ', t.as_bytes());
    if let Some((rest, noun)) = last_space.map(|i| (&t[..i], &t[i + 1..]))
        && nw.is(noun, name_role::PERSON_NOUN)
    {
        let end = base + rest.trim_end().len();
        let country = a
            .countries_in(base..end)
            .next_back()
            .filter(|h| h.end == end)
            .map(|h| h.country.code.to_string());
        if country.is_some() {
            return Lead {
                country,
                plural: noun.ends_with('s') || noun.ends_with("men"),
                ..Lead::default()
            };
        }
    }
    // A body named in capitals: "Export Credit Agency Director". Its last word (the
    // first the loop reads) is capitalised: most leads end in a word in lower case
    // (`the`, `said`), and their words are not split again.
    let last_word = last_space.map_or(t, |i| &t[i + 1..]);
    if !last_word.starts_with(char::is_uppercase) {
        return Lead::default();
    }
    let mut start = t.len();
    let mut last = true;
    for word in t.rsplit(' ') {
        let capital = word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
            && !nw.is(word, name_role::NOT_NAME);
        if !capital || (last && !nw.is(word, name_role::INSTITUTION)) {
            break;
        }
        last = false;
        start -= word.len() + usize::from(start < t.len());
    }
    if start == t.len() {
        return Lead::default();
    }
    let start = start.min(t.len());
    let country = a
        .countries_in(base + start..end)
        .next()
        .map(|h| h.country.code.to_string());
    Lead {
        start: keep(start),
        country,
        ..Lead::default()
    }
}

/// The state the person serves and the international body they work for, as the text
/// says them at this mention.
fn affiliation(
    a: &Analysis,
    at: Place,
    lead: &Lead,
    titles: &[Title],
    name: &Range<usize>,
) -> (Option<String>, Option<String>) {
    let Place { base, text, .. } = at;
    let mut org = lead.org.clone();
    // Countries named in the titles ("Prime Minister of Thailand", "President of the
    // Cambodian National Assembly"); not a receiving state ("Ambassador ... to Viet
    // Nam").
    let mut named: Vec<String> = Vec::new();
    for t in titles {
        let from = t.cut.as_ref().map_or(t.start, |c| c.end);
        let phrase = &text[from..t.end];
        let len = spaced_matches(phrase, " to ")
            .next()
            .unwrap_or(phrase.len());
        for h in a.countries_in(base + from..base + from + len) {
            if !named.iter().any(|n| **n == *h.country.code) {
                named.push(h.country.code.to_string());
            }
        }
    }
    // A bilateral body ("the Japan - Viet Nam Friendship Alliance") names both states:
    // the name decides, else the partner of the home state.
    let home = a.home();
    let bilateral = named.len() > 1;
    let complement_country = named.iter().find(|c| !bilateral || *c != home).cloned();
    if lead.country.is_none() && complement_country.is_none() {
        for t in titles {
            if org.is_none() {
                org = a
                    .orgs_in(base + t.start..base + t.end)
                    .next()
                    .map(|h| h.org.key().to_string());
            }
        }
    }
    // Each source below is looked up only when none before it says the state.
    // "Xi Jinping of China".
    let of_country = || {
        let rest = text[name.end..].strip_prefix(" of ")?;
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let from = base + text.len() - rest.len();
        a.countries_in(from..base + text.len())
            .next()
            .filter(|h| h.start == from)
            .map(|h| h.country.code.to_string())
    };
    let chain_start = titles.first().map_or(name.start, |t| t.start);
    let joined = || joined_state(a, at, chain_start, name.end);
    let family = || family_name_country(a, &text[name.clone()]);
    let country = lead
        .country
        .clone()
        .or_else(|| {
            if bilateral {
                family().or(complement_country)
            } else {
                complement_country
            }
        })
        .or_else(of_country)
        .or_else(joined)
        .or_else(family);
    (country, org.filter(|o| !o.is_empty()))
}

/// The state a titled name is joined to by `and` (`thanks to President Roe and the U.S.
/// government`, `President Roe and the American people`): the person serves it. Not
/// where the two may be the two sides: after `between`, `of` or another `and`, or as
/// the subject that opens a clause (`President Roe and the Japanese government agreed`),
/// which only a lowercase word before the titles rules out.
fn joined_state(a: &Analysis, at: Place, chain_start: usize, name_end: usize) -> Option<String> {
    let Place { base, text, .. } = at;
    let nw = a.gazetteers().name_words();
    let word_before = text[..chain_start].split_whitespace().next_back()?;
    let lowercase = word_before.chars().all(|c| c.is_lowercase());
    if !lowercase || ["between", "of", "and", "or"].contains(&word_before) {
        return None;
    }
    let rest = text[name_end..].trim_start();
    let rest = rest.strip_prefix("and")?;
    let rest = rest.trim_start().strip_prefix("the")?;
    let from = text.len() - rest.trim_start().len();
    if from == text.len() - rest.len() {
        return None;
    }
    let hit = a
        .countries_in(base + from..base + text.len())
        .next()
        .filter(|h| h.start == base + from)?;
    let after = &text[hit.end - base..];
    let noun = after
        .strip_prefix(' ')?
        .split(|c: char| !c.is_alphabetic())
        .next()?;
    nw.is(noun, name_role::STATE_NOUN)
        .then(|| hit.country.code.to_string())
}

/// The state a name of two or more words belongs to by its family name (its first
/// word, folded to ASCII), when the family names gazetteer lists it.
fn family_name_country(a: &Analysis, name: &str) -> Option<String> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    let g = a.gazetteers();
    // An ASCII word is its own folding, and is title-cased byte by byte, in place.
    let mut buf = [0u8; 32];
    if first.is_ascii()
        && let Some(cased) = buf.get_mut(..first.len())
    {
        cased.copy_from_slice(first.as_bytes());
        cased.make_ascii_lowercase();
        cased[0].make_ascii_uppercase();
        let cased = std::str::from_utf8(cased).ok()?;
        return g.family_name_country(cased).map(str::to_string);
    }
    let first = title_case(&crate::text::ascii_fold(first));
    g.family_name_country(&first).map(str::to_string)
}

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// The state of the section a line sits in: the partner its title names.
fn section_country(a: &Analysis, line: usize) -> Option<String> {
    match a.section_partner(line) {
        Some((_, Partner::Country(c))) => Some(c.code.to_string()),
        _ => None,
    }
}

/// The title in the YAML front matter of a document (`title: "Remarks by ... President
/// Ph\xFAc of the Socialist Republic\` ...), its quoting and escapes undone, if any.
fn front_matter_title(text: &str) -> Option<String> {
    let text = text.trim_start_matches('\u{feff}');
    let body = text.strip_prefix("---\n")?;
    let end = body
        .find("\n---")
        .or_else(|| body.find("\n..."))
        .unwrap_or(body.len());
    let body = &body[..end];
    let at = body
        .match_indices("title:")
        .find(|&(i, _)| i == 0 || body[..i].ends_with('\n'))?
        .0;
    let value = body[at + "title:".len()..].trim_start_matches([' ', '\t']);
    let mut out = String::new();
    let mut chars = value.chars().peekable();
    match chars.next()? {
        '"' => {
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some(k @ ('x' | 'u' | 'U')) => {
                            let n = match k {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let hex: String = (0..n).filter_map(|_| chars.next()).collect();
                            out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                        }
                        // An escaped line break joins the lines as they are.
                        Some('\n') => while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {},
                        Some('n' | 't' | '_' | ' ') => out.push(' '),
                        Some(c) => out.push(c),
                        None => break,
                    },
                    '\n' => {
                        while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
                        out.push(' ');
                    }
                    c => out.push(c),
                }
            }
        }
        '\'' => {
            while let Some(c) = chars.next() {
                match c {
                    '\'' if chars.next_if_eq(&'\'').is_some() => out.push('\''),
                    '\'' => break,
                    c => out.push(if c == '\n' { ' ' } else { c }),
                }
            }
        }
        c => {
            out.push(c);
            out.extend(chars.take_while(|c| *c != '\n'));
        }
    }
    Some(clean_name(&out))
}

/// The people the document's front-matter title names with their state
/// (`President Phúc of the Socialist Republic of Vietnam`, `Prime Minister Kishida of
/// Japan`): the keys of their names with the state's code. A title is no prose and
/// makes no mention, but it says who is whose.
fn front_matter_states(a: &Analysis) -> Vec<(String, String)> {
    let Some(title) = front_matter_title(a.doc.text()) else {
        return Vec::new();
    };
    let g = a.gazetteers();
    let nw = g.name_words();
    let countries: Vec<_> = g.countries(&title).collect();
    let mut out = Vec::new();
    for h in g.offices(&title) {
        let mut pos = h.end;
        let mut name: Option<Range<usize>> = None;
        while let Some(w) = run_word(&title, pos) {
            let word = &title[w.clone()];
            if !name_like(nw, word) || countries.iter().any(|c| c.start == w.start) {
                break;
            }
            pos = w.end;
            name = Some(name.map_or(w.start, |n| n.start)..w.end - possessive_len(word));
            if possessive_len(word) > 0 {
                break;
            }
        }
        let Some(name) = name.filter(|n| n.end == pos) else {
            continue;
        };
        // "of the Socialist Republic of Vietnam": capitalised words up to the state.
        let Some(rest) = title[pos..].strip_prefix(" of ") else {
            continue;
        };
        let from = title.len() - rest.len();
        let stop = rest
            .split(' ')
            .scan(from, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .find(|(_, w)| !(w.starts_with(char::is_uppercase) || ["of", "the"].contains(w)))
            .map_or(title.len(), |(start, _)| start);
        if let Some(c) = countries.iter().find(|c| c.start >= from && c.end <= stop) {
            out.push((key(&title[name]), c.country.code.to_string()));
        }
    }
    out
}

/// Whether the sentence at view offset `at` names the state `code`.
fn sentence_names(a: &Analysis, at: usize, code: &str) -> bool {
    a.sentences
        .at(at)
        .is_some_and(|r| a.countries_in(r).any(|h| *h.country.code == *code))
}

/// The state a paragraph is about from a sentence that opens with `With <Country>,`
/// (`With the Maldives, Deputy Prime Minister ...`) up to the next such sentence: a
/// country paragraph inside a paragraph. `line` is the view line of view offset `at`.
fn paragraph_label(a: &Analysis, line: usize, at: usize) -> Option<String> {
    let view = a.view.text();
    let start = a.view.lines()[line].range.start;
    let ranges = a.sentences.ranges();
    let upto = ranges.partition_point(|r| r.start <= at);
    let from = ranges[..upto].partition_point(|r| r.end <= start);
    ranges[from..upto].iter().rev().find_map(|sentence| {
        let rest = view[sentence.clone()].strip_prefix("With ")?;
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let from = sentence.end - rest.len();
        a.countries_in(from..sentence.end)
            .next()
            .filter(|h| h.start == from && view[h.end..].starts_with(','))
            .map(|h| h.country.code.to_string())
    })
}

/// Signatures and credit lines: a name in capitals next to a line of titles, or
/// `Editor: Bui Huong Giang`.
fn signature(a: &Analysis, i: usize, text: &str, out: &mut Vec<Mention>) {
    // A credit line has its colon, a name in capitals no small letter: most lines have
    // neither, and are passed over without running the expressions.
    let colon = memchr::memchr(b':', text.as_bytes()).is_some();
    if !colon && text.bytes().any(|b| b.is_ascii_lowercase()) {
        return;
    }
    let base = a.view.lines()[i].range.start;
    if let Some((label, name)) = credit_line(text) {
        out.push(Mention {
            name: base + name.start..base + name.end,
            line: i,
            titles: vec![text[label].to_string()],
            offices: Vec::new(),
            country: None,
            org: None,
            stately: false,
        });
        return;
    }
    if let Some(c) = credit_any(text)
        && let (Some(label), Some(name)) = (c.get(1), c.get(2))
    {
        let range = base + name.start()..base + name.end();
        // Not a place, a body, an office or an agency's credit.
        let credit = a
            .gazetteers()
            .photo_credits()
            .iter()
            .any(|p| p == name.as_str());
        let named = a.countries_in(base..range.end).next().is_some()
            || a.orgs_in(range.clone()).next().is_some()
            || a.offices_in(range.clone()).next().is_some();
        if !credit && !named && label.as_str().len() <= 30 {
            out.push(Mention {
                name: range,
                line: i,
                titles: Vec::new(),
                offices: Vec::new(),
                country: None,
                org: None,
                stately: false,
            });
        }
        return;
    }
    // Sections are in line order: a heading line is found by halving, not by a scan
    // (a document of many sections has many such lines). A heading in capitals is no
    // signature: it is passed over before the expression runs.
    let sections = a.sections.all();
    if sections
        .get(sections.partition_point(|s| s.line < i))
        .is_some_and(|s| s.line == i)
    {
        return;
    }
    let Some(name) = caps_name_line(text) else {
        return;
    };
    if a.countries_in(base..base + text.len()).next().is_some()
        || a.offices_in(base + name.start..base + name.end)
            .next()
            .is_some()
    {
        return;
    }
    // The titles are on the next line (a signature) or the line before (a credit).
    let neighbours = [i + 1, i.wrapping_sub(1)];
    for n in neighbours {
        let Some(line) = a.view.lines().get(n) else {
            continue;
        };
        let t = &a.view.text()[line.range.clone()];
        let hits = line_offices(a, line.range.clone());
        let covered: usize = hits.iter().map(|h| h.end - h.start).sum();
        if hits.is_empty() || hits[0].start > 0 || covered * 2 < t.len() {
            continue;
        }
        let country = family_name_country(a, &text[name.clone()]);
        out.push(Mention {
            name: base + name.start..base + name.end,
            line: i,
            titles: hits
                .iter()
                .map(|h| clean_name(&t[h.start..h.end]))
                .collect(),
            offices: hits.iter().map(|h| h.office.id.clone()).collect(),
            country,
            org: None,
            stately: hits.iter().any(|h| of_a_state(h.office.category)),
        });
        return;
    }
}

/// The key of a name: folded to ASCII, lowercase, words (hyphenated ones whole) in
/// order, whatever whitespace separates them.
fn key(name: &str) -> String {
    // ASCII after folding, so letters and digits are ASCII ones, lowered byte by byte.
    let folded = crate::text::ascii_fold(name);
    // Most names are words of letters, digits, dots and hyphens, single spaced: their
    // key is the name lowered, copied whole.
    if single_spaced_words(folded.as_bytes(), |c| {
        c.is_ascii_alphanumeric() || c == b'.' || c == b'-'
    }) {
        return folded.to_ascii_lowercase();
    }
    let mut out = Vec::with_capacity(folded.len());
    // Byte by byte: a word's bytes are ASCII, and any other byte (of a character that is
    // not ASCII too) only parts words, as the whole character would.
    let mut parted = false;
    for &b in folded.as_bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
            if parted && !out.is_empty() {
                out.push(b' ');
            }
            parted = false;
            out.push(b.to_ascii_lowercase());
        } else {
            parted = true;
        }
    }
    // Only ASCII bytes are kept: the check never fails.
    String::from_utf8(out).unwrap_or_default()
}

/// Whether `b` is words of bytes that are all `word` bytes, one space between each two
/// and none before the first or after the last (not empty).
fn single_spaced_words(b: &[u8], word: impl Fn(u8) -> bool) -> bool {
    // As if a space came before the first byte: one there is not single.
    let mut after_space = true;
    b.iter().all(|&c| {
        let fits = if c == b' ' { !after_space } else { word(c) };
        after_space = c == b' ';
        fits
    }) && !after_space
}

/// The id of a name, from its [`key`]: the key with hyphens.
fn slug(key: &str) -> String {
    // Most keys are words without dots, single spaced: their spaces made hyphens.
    if single_spaced_words(key.as_bytes(), |c| c != b'.' && c != b' ') {
        return key.replace(' ', "-");
    }
    // The words of the key without their dots, those left empty dropped, joined by
    // hyphens: in one pass.
    // Byte by byte: only ASCII bytes are dropped or put in, between characters, so
    // what is left is whole characters and the check never fails.
    let mut out = Vec::with_capacity(key.len());
    let mut parted = false;
    for &b in key.as_bytes() {
        match b {
            b'.' => {}
            b' ' => parted = true,
            b => {
                if parted && !out.is_empty() {
                    out.push(b'-');
                }
                parted = false;
                out.push(b);
            }
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The people of a document: the names found, grouped by person, each with a stable id.
struct People<'k> {
    /// Person id by the key of each name found.
    by_key: HashMap<&'k str, String>,
}

impl<'k> People<'k> {
    /// Groups the mentions by the keys of their names: the same name folded (`Nguyễn
    /// Phú Trọng`, `NGUYEN PHU TRONG`), the same words in another order (`Suga
    /// Yoshihide`, `Yoshihide Suga`), an initial for a given name (`V. Putin`), a middle
    /// name left out (`Kamala Harris`), or a single family name that only one full name
    /// of the document carries (`President Biden`).
    fn cluster(keys: &'k [String]) -> People<'k> {
        // Full names first (more words first), so short forms find them.
        let fullness = |k: &str| {
            let words = k.split(' ');
            let initials = words.clone().filter(|w| is_initial(w)).count();
            (
                std::cmp::Reverse(words.count()),
                initials,
                std::cmp::Reverse(k.len()),
            )
        };
        // Distinct keys first (a document names the same people again and again: a set,
        // not a sort of them all), in order, then each key's fullness computed once.
        // The keys in order are compared by their first eight bytes as a number (read
        // once a key), and in full only where those tie.
        let distinct: HashSet<&str> = keys.iter().map(String::as_str).collect();
        let mut names: Vec<(u64, &str)> =
            distinct.into_iter().map(|k| (first_eight(k), k)).collect();
        names.sort_unstable_by(|x, y| x.0.cmp(&y.0).then_with(|| x.1.cmp(y.1)));
        let mut names: Vec<&str> = names.into_iter().map(|(_, k)| k).collect();
        names.sort_by_cached_key(|k| fullness(k));
        let mut canon: Vec<(Vec<&str>, String)> = Vec::new();
        // The full names holding each word, in `canon` order: a short form can only
        // name a full name that holds every word of it but initials and suffixes, so
        // the shortest of those lists is searched, not every full name.
        let mut holding: HashMap<&str, Vec<usize>> = HashMap::default();
        let no_one: Vec<usize> = Vec::new();
        let mut by_key = HashMap::default();
        // Room up front (a name has a few words): no table grown and rehashed.
        holding.reserve(2 * names.len());
        by_key.reserve(names.len());
        for k in names {
            let words: Vec<&str> = k.split(' ').collect();
            let candidates = words
                .iter()
                .copied()
                .filter(|w| !SUFFIXES.contains(w) && !is_initial(w))
                .map(|w| holding.get(w).unwrap_or(&no_one))
                .min_by_key(|list| list.len());
            let is_same = |&c: &usize| same_person(&canon[c].0, &words);
            let found = match candidates {
                Some(list) => list.iter().copied().find(is_same),
                None => (0..canon.len()).find(is_same),
            };
            let id = match found {
                Some(c) => canon[c].1.clone(),
                None => {
                    let id = slug(k);
                    for w in &words {
                        let list = holding.entry(w).or_default();
                        if list.last() != Some(&canon.len()) {
                            list.push(canon.len());
                        }
                    }
                    canon.push((words, id.clone()));
                    id
                }
            };
            by_key.insert(k, id);
        }
        People { by_key }
    }

    /// The person id of a name, by its key: its person's, or its own slug.
    fn id(&self, key: &str) -> String {
        self.by_key.get(key).cloned().unwrap_or_else(|| slug(key))
    }
}

/// The suffixes after a name (`Jr.`, `III`), as its key writes them.
const SUFFIXES: [&str; 7] = ["jr.", "sr.", "jr", "sr", "ii", "iii", "iv"];

/// The words of a name's key without a suffix (`jr.`, `iii`).
fn without_suffix<'w>(words: &[&'w str]) -> Vec<&'w str> {
    words
        .iter()
        .copied()
        .filter(|w| !SUFFIXES.contains(w))
        .collect()
}

/// Whether a word is an initial (`v.`, `R.`).
fn is_initial(word: &str) -> bool {
    word.len() == 2 && word.ends_with('.')
}

/// Whether `short` names the same person as the full name `full` (both keys' words).
fn same_person(full: &[&str], short: &[&str]) -> bool {
    if full == short {
        return true;
    }
    let (full, short) = (without_suffix(full), without_suffix(short));
    if full.is_empty() || short.is_empty() {
        return false;
    }
    if full == short {
        return true;
    }
    if full.len() == short.len() && same_words(&full, &short) {
        return true;
    }
    // "v. putin" ~ "vladimir putin": initials stand for the given names.
    if full.len() == short.len() && full.len() >= 2 {
        let matches = full
            .iter()
            .zip(&short)
            .all(|(f, s)| f == s || (is_initial(s) && f.starts_with(&s[..1])));
        if matches {
            return true;
        }
    }
    // "kamala harris" ~ "kamala devi harris": the same first and last words, the
    // middle ones left out.
    if short.len() >= 2
        && short.len() < full.len()
        && full[0] == short[0]
        && full.last() == short.last()
    {
        let mut rest = full.iter();
        if short.iter().all(|s| rest.any(|f| f == s)) {
            return true;
        }
    }
    // "biden" ~ "joe biden": a lone family name (first or last word of the full name).
    short.len() == 1
        && full.len() >= 2
        && (full.last() == short.first() || full.first() == short.first())
}

/// Whether `x` and `y` hold the same words, as sets (in any order, each counted
/// once): sorted and deduplicated in place, no word copied.
fn same_words(x: &[&str], y: &[&str]) -> bool {
    fn set<'w>(w: &[&'w str]) -> Vec<&'w str> {
        let mut w = w.to_vec();
        w.sort_unstable();
        w.dedup();
        w
    }
    set(x) == set(y)
}

/// Mentions without titles: other occurrences of names already found, a lone family
/// name too (`Trump` in `the Trump Administration`), and the word a full name is
/// referred to by later ([`lone_words`]: `Chinh` after `Prime Minister Pham Minh
/// Chinh`, `Anwar` after `Anwar Ibrahim`).
fn untitled(a: &Analysis, mentions: &mut Vec<Mention>) {
    let text = a.view.text();
    // The names as written, each once (a set: a document writes its few names many
    // times), then cleaned (two ways of writing a name may clean to one).
    let written: HashSet<&str> = mentions.iter().map(|m| &text[m.name.clone()]).collect();
    // Borrowed where already clean (most are), each once, in no order: a set, not a
    // sort (nothing found depends on their order).
    let names: HashSet<Cow<str>> = written.into_iter().map(crate::text::squeeze).collect();
    let names: Vec<Cow<str>> = names.into_iter().collect();
    if names.is_empty() {
        return;
    }
    let lone = lone_words(a.gazetteers().name_words(), &names);
    // A document's few names, looked up by their first word: cheaper than building an
    // automaton for them. The lone words come after the names (values from
    // `names.len()` on).
    let Some(index) = WordIndex::new(
        names
            .iter()
            .map(|n| n.as_ref())
            .chain(lone.iter().copied())
            .enumerate()
            .map(|(i, n)| (n, i as u32)),
    ) else {
        return;
    };
    // The mentions of lone words, kept apart until the words the document also writes
    // in lower case are known.
    let mut lone_found: Vec<(u32, Mention)> = Vec::new();
    let taken: Vec<Range<usize>> = mentions.iter().map(|m| m.name.clone()).collect();
    let overlaps = |r: &Range<usize>| {
        let i = taken.partition_point(|t| t.end <= r.start);
        taken.get(i).is_some_and(|t| t.start < r.end)
    };
    let mut cursor = 0;
    for (i, line) in a.prose_lines() {
        let t = a.line_text(i);
        for m in a.index_in_line(&index, i, &mut cursor, Lines::Apart) {
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if word(char_before(t, m.start)) || word(char_at(t, m.end)) {
                continue;
            }
            // "Ho Chi Minh City", "USS Theodore Roosevelt": part of a longer name.
            // The words up to the next space and back to the one before (as `split`
            // and `rsplit` would cut them).
            let next_word = t[m.end..]
                .strip_prefix(' ')
                .map(|r| &r[..memchr::memchr(b' ', r.as_bytes()).unwrap_or(r.len())])
                .unwrap_or("");
            let prev_word = t[..m.start]
                .strip_suffix(' ')
                .map(|r| &r[memchr::memrchr(b' ', r.as_bytes()).map_or(0, |i| i + 1)..])
                .unwrap_or("");
            // But "the Trump Administration" is the person's.
            let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
            let longer = capital(next_word) && !next_word.starts_with("Administration");
            if longer || (capital(prev_word) && !prev_word.ends_with(['.', ','])) {
                continue;
            }
            let r = line.range.start + m.start..line.range.start + m.end;
            if overlaps(&r) {
                continue;
            }
            let lone = m.value as usize >= names.len();
            let mention = Mention {
                name: r,
                line: i,
                titles: Vec::new(),
                offices: Vec::new(),
                country: None,
                org: None,
                stately: false,
            };
            if lone {
                lone_found.push((m.value, mention));
            } else {
                mentions.push(mention);
            }
        }
    }
    // A lone word the document also writes in lower case is a common word (`Long`,
    // `To`), capitalised where it opens a sentence or a list item: no name alone. Nor
    // is one inside an office, country or organization phrase.
    let mut found_words: Vec<u32> = lone_found.iter().map(|(v, _)| *v).collect();
    found_words.sort_unstable();
    found_words.dedup();
    let words: Vec<&str> = found_words
        .iter()
        .map(|&v| lone[v as usize - names.len()])
        .collect();
    let common = written_in_lower_case(text, &words);
    mentions.extend(
        lone_found
            .into_iter()
            .filter(|(v, m)| {
                found_words.binary_search(v).is_ok_and(|k| !common[k])
                    && !part_of_a_phrase(a, &m.name)
            })
            .map(|(_, m)| m),
    );
}

/// The words a person named in full may be referred to by alone: the first and the
/// last word of each name of two words or more (initials, suffixes and particles
/// aside: `Xi` and `Jinping` of `Xi Jinping`, `Anwar` of `Anwar Ibrahim`, `Chinh` of
/// `Pham Minh Chinh`), each of at least two letters and like a name, when it is no
/// name of the document itself and opens or closes the names of one person only (the
/// family name `Nguyen` of two people names neither).
fn lone_words<'n>(roles: &WordRoles, names: &'n [Cow<str>]) -> Vec<&'n str> {
    // The first and the last word of each name, with the name's index (room for two a
    // name: no vector grown as it fills).
    let mut ends: Vec<(&str, usize)> = Vec::with_capacity(2 * names.len());
    for (i, name) in names.iter().enumerate() {
        let mut words = name
            .split(' ')
            .map(|w| w.trim_end_matches(','))
            .filter(|w| {
                name_like(roles, w)
                    && !is_initial(w)
                    && !SUFFIXES.iter().any(|s| w.eq_ignore_ascii_case(s))
            });
        let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
            continue;
        };
        for w in [first, last] {
            if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                ends.push((w, i));
            }
        }
    }
    // The names of each word, the words numbered as met by hashing and the names
    // gathered by a counting sort (a few hundred words a document, most of them met
    // once: no sort of them all).
    let mut number: HashMap<&str, usize> = HashMap::default();
    number.reserve(ends.len());
    let mut words: Vec<&str> = Vec::with_capacity(ends.len());
    let mut sizes: Vec<usize> = Vec::with_capacity(ends.len());
    let group_of: Vec<usize> = ends
        .iter()
        .map(|&(w, _)| {
            let g = *number.entry(w).or_insert_with(|| {
                words.push(w);
                sizes.push(0);
                words.len() - 1
            });
            sizes[g] += 1;
            g
        })
        .collect();
    let (mut order, next) = crate::scan::by_group(&group_of, &sizes, |k| ends[k].1);
    // A word that is a name of the document itself (a name of one word) is no lone
    // word of another.
    let mut is_name = vec![false; words.len()];
    for n in names.iter().filter(|n| !n.contains(' ')) {
        if let Some(&g) = number.get(n.as_ref()) {
            is_name[g] = true;
        }
    }
    let mut out: Vec<(u64, &str)> = Vec::with_capacity(words.len());
    for (g, &w) in words.iter().enumerate() {
        if is_name[g] {
            continue;
        }
        let group = &mut order[next[g] - sizes[g]..next[g]];
        // One person's: every name of it is the fullest one, or a short form of it.
        // The names in their order: the fullest is the last of the longest keys.
        let one_person = group.len() == 1 || {
            group.sort_unstable_by(|&x, &y| names[x].cmp(&names[y]));
            let keys: Vec<String> = group.iter().map(|&i| key(&names[i])).collect();
            let keys: Vec<Vec<&str>> = keys.iter().map(|k| k.split(' ').collect()).collect();
            let fullest = keys.iter().max_by_key(|k| k.len()).unwrap_or(&keys[0]);
            keys.iter().all(|k| k == fullest || same_person(fullest, k))
        };
        if one_person {
            out.push((first_eight(w), w));
        }
    }
    // In the words' order: compared by their first eight bytes as a number (read once
    // for each word), and in full only where those tie.
    out.sort_unstable_by(|x, y| x.0.cmp(&y.0).then_with(|| x.1.cmp(y.1)));
    // Borrowed from the names: no copy of each word.
    out.into_iter().map(|(_, w)| w).collect()
}

/// The first eight bytes of `w` (fewer followed by zeros) as a big-endian number: two
/// words compare as these numbers do, or tie.
fn first_eight(w: &str) -> u64 {
    let mut bytes = [0; 8];
    let n = w.len().min(8);
    bytes[..n].copy_from_slice(&w.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

/// Whether the view range `r` overlaps an office, country or organization phrase
/// (`Sen.` for a senator is no `Sen` of `Hun Sen`): looked for within a bounded
/// window, so that a long line costs the same per word.
fn part_of_a_phrase(a: &Analysis, r: &Range<usize>) -> bool {
    const REACH: usize = 64;
    let window = r.start.saturating_sub(REACH)..r.end + REACH;
    let overlaps = |start: usize, end: usize| start < r.end && r.start < end;
    a.offices_in(window.clone())
        .any(|h| overlaps(h.start, h.end))
        || a.countries_in(window.clone())
            .any(|h| overlaps(h.start, h.end))
        || a.orgs_in(window).any(|h| overlaps(h.start, h.end))
}

/// Which of `words` (capitalised words) `text` also writes in lower case, as a whole
/// word. The search stops once every word is found so written: a common word (`To`)
/// shows early in the text, and the rest is not read.
fn written_in_lower_case(text: &str, words: &[&str]) -> Vec<bool> {
    let mut common = vec![false; words.len()];
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let searched: Vec<usize> = (0..words.len()).filter(|&k| lower[k] != words[k]).collect();
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let whole = |start: usize, end: usize| {
        !is_word(char_before(text, start)) && !is_word(char_at(text, end))
    };
    match searched[..] {
        [] => {}
        // One word (what most documents search): a substring search, with no automaton
        // to build. Its matches, each looked for past the one before, are those of the
        // automaton below for the word alone.
        [k] => {
            let word = lower[k].as_bytes();
            common[k] = memchr::memmem::find_iter(text.as_bytes(), word)
                .any(|start| whole(start, start + word.len()));
        }
        _ => {
            // Leftmost-longest: a match inside a longer word (`son` in `person`) covers
            // no whole-word match of another word (it would have to open after a
            // letter).
            let Ok(automaton) = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(searched.iter().map(|&k| &lower[k]))
            else {
                return common;
            };
            let mut left = searched.len();
            for m in automaton.find_iter(text) {
                let k = searched[m.pattern().as_usize()];
                if !common[k] && whole(m.start(), m.end()) {
                    common[k] = true;
                    left -= 1;
                    if left == 0 {
                        break;
                    }
                }
            }
        }
    }
    common
}

/// Whether an office of this branch is an office of a state, held for it (not a
/// diplomat's post, which may be anyone's where it is met, nor an international
/// body's, nor an honorific or a courtesy word).
fn of_a_state(category: OfficeCategory) -> bool {
    matches!(
        category,
        OfficeCategory::HeadOfState
            | OfficeCategory::HeadOfGovernment
            | OfficeCategory::ForeignMinister
            | OfficeCategory::Minister
            | OfficeCategory::Party
            | OfficeCategory::Parliament
            | OfficeCategory::Military
            | OfficeCategory::Spouse
    )
}

#[cfg(test)]
mod tests {
    use super::{
        CAPS_NAME_LINE, SUFFIXES, WordRoles, caps_name_line, char_at, char_before, clean_name,
        credit_any, credit_line, first_eight, first_of, is_initial, key, lone_words, name_like,
        name_like_with, name_role, opens_lower, opens_upper, plural_title, read_by_hand,
        read_caps_name_line, run_word, same_person, same_words, slug, spaced_matches, spaced_rfind,
        squeezed_chars, suffix_len, taken_back, taken_back_read, written_in_lower_case,
    };
    use proptest::prelude::*;
    use regex::Regex;
    use std::borrow::Cow;
    use std::ops::Range;

    /// The groups' ranges of a match.
    fn groups(c: Option<regex::Captures<'_>>) -> Option<Vec<Option<(usize, usize)>>> {
        c.map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
    }

    /// Words joined by separators: mostly single spaces, some that the expressions
    /// take otherwise or not at all.
    fn joined(words: Vec<&'static str>, seps: Vec<&'static str>) -> String {
        let mut s = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                s.push_str(seps[i % seps.len()]);
            }
            s.push_str(w);
        }
        s
    }

    /// Lines shaped as the expressions read them, with zero to nine words on each side:
    /// a label, a colon and a name; a name in capitals after a courtesy title.
    fn credit_text() -> impl Strategy<Value = String> {
        let sep = || {
            prop::collection::vec(
                prop::sample::select(vec![
                    " ", " ", " ", " ", "  ", "\t", "\u{a0}", "-", ", ", "\u{b}", "\r",
                ]),
                1..4,
            )
        };
        let name = prop::collection::vec(
            prop::sample::select(vec![
                "Bui",
                "Huong",
                "Giang",
                "Ánh",
                "Đặng",
                "O’Brien",
                "O'Brien",
                "d'Arc",
                "-Le",
                "Kyung-Wha",
                "Le",
                "van",
                "2020",
            ]),
            0..10,
        );
        let caps = prop::collection::vec(
            prop::sample::select(vec!["BUI", "HUONG", "GIANG", "LE", "ĐẶNG", "VAN", "Van"]),
            0..10,
        );
        let label = (
            prop::sample::select(vec!["Photo", "Translated", "by", "Text"]),
            prop::collection::vec(prop::sample::select(vec!["by", "credit", "of", "Le"]), 0..5),
        )
            .prop_map(|(first, rest)| [vec![first], rest].concat());
        let label = prop_oneof![Just(Vec::new()), label];
        let label_sep = prop::collection::vec(prop::sample::select(vec![" ", "-", "  "]), 1..3);
        let credit = (
            prop::sample::select(vec![
                "",
                "Editor in Chief",
                "Editors",
                "Designer",
                "Editor-in-Chief",
                "Editor",
                "Director",
                "Directors",
                "Authors",
                "Photographer",
                "Compilers",
                "Translator",
                "Editor in Chiefs",
                "Editorial",
            ]),
            label,
            label_sep,
            prop::sample::select(vec![":", ": ", " : ", "", "::"]),
            name,
            sep(),
            prop::sample::select(vec!["", "", ".", " "]),
        )
            .prop_map(|(o, l, ls, c, n, ns, e)| {
                format!("{o}{}{c}{}{e}", joined(l, ls), joined(n, ns))
            });
        let signature = (
            prop::sample::select(vec![
                "", "", "DR ", "MR. ", "MRS  ", "DR.", "MS\t", "MR", "MRS.", "DRX ",
            ]),
            caps,
            sep(),
        )
            .prop_map(|(o, n, ns)| format!("{o}{}", joined(n, ns)));
        prop_oneof![credit, signature]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// The line expressions with their names' words counted after the match
        /// accept, and capture, what the expressions with the counts written in them
        /// did.
        #[test]
        fn counted_names_match_as_bounded_repetitions_did(t in credit_text()) {
            static BOUNDED: std::sync::LazyLock<[Regex; 3]> = std::sync::LazyLock::new(|| [
                Regex::new(r"^(Editor in Chief|Editor-in-Chief|Editors?|Designers?|Director|Authors?|Translators?|Photographers?|Compilers?)\s*:\s*(\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’\-]*){1,5})$").unwrap(),
                Regex::new(r"^(\p{Lu}\p{Ll}+(?:[ -]\p{Ll}+){0,2})\s*:\s*(\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*(?:\s+\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*){1,4})\.?$").unwrap(),
                Regex::new(r"^(?:(?:DR|MR|MS|MRS)\.?\s+)?(\p{Lu}+(?:\s+\p{Lu}+){1,4})$").unwrap(),
            ]);
            let [line, any, caps] = &*BOUNDED;
            let label_and_name = |c: regex::Captures<'_>| (c.get(1).unwrap().range(), c.get(2).unwrap().range());
            prop_assert_eq!(credit_line(&t), line.captures(&t).map(label_and_name));
            prop_assert_eq!(groups(credit_any(&t)), groups(any.captures(&t)));
            let name = |c: regex::Captures<'_>| c.get(1).unwrap().range();
            prop_assert_eq!(caps_name_line(&t), caps.captures(&t).map(name));
        }
    }

    /// [`lone_words`] as it was over names sorted and looked up by bisection.
    fn lone_words_of_sorted(roles: &WordRoles, names: &[String]) -> Vec<String> {
        let mut ends: Vec<(&str, usize)> = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let mut words = name
                .split(' ')
                .map(|w| w.trim_end_matches(','))
                .filter(|w| {
                    name_like(roles, w)
                        && !is_initial(w)
                        && !SUFFIXES.iter().any(|s| w.eq_ignore_ascii_case(s))
                });
            let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
                continue;
            };
            for w in [first, last] {
                if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                    ends.push((w, i));
                }
            }
        }
        ends.sort_unstable();
        let mut out = Vec::new();
        for group in ends.chunk_by(|x, y| x.0 == y.0) {
            let w = group[0].0;
            if names.binary_search_by(|n| n.as_str().cmp(w)).is_ok() {
                continue;
            }
            let one_person = group.len() == 1 || {
                let keys: Vec<String> = group.iter().map(|&(_, i)| key(&names[i])).collect();
                let keys: Vec<Vec<&str>> = keys.iter().map(|k| k.split(' ').collect()).collect();
                let fullest = keys.iter().max_by_key(|k| k.len()).unwrap_or(&keys[0]);
                keys.iter().all(|k| k == fullest || same_person(fullest, k))
            };
            if one_person {
                out.push(w.to_string());
            }
        }
        out
    }

    proptest! {
        /// Words whose first eight bytes differ as numbers compare the same way.
        #[test]
        fn first_eight_bytes_order_words_as_strings_do(
            x in "[ab\u{0}\u{e9}ễ]{0,10}",
            y in "[ab\u{0}\u{e9}ễ]{0,10}",
        ) {
            let (fx, fy) = (first_eight(&x), first_eight(&y));
            prop_assert!(fx == fy || fx.cmp(&fy) == x.cmp(&y), "{:?} {:?}", x, y);
        }
    }

    proptest! {
        /// The lone words of names in any order are those of the names sorted.
        #[test]
        fn lone_words_in_any_order_as_of_the_names_sorted(
            names in proptest::collection::vec(
                "(Xi|Jinping|V\\.|Vladimir|Putin|Kim|Nguyen|Van|Jr\\.|Le|Anwar|Ibrahim|x)( (Xi|Jinping|V\\.|Vladimir|Putin|Kim|Nguyen|Van|Jr\\.|Le|Anwar|Ibrahim|x)){0,3}",
                0..8,
            ),
            turn in 0..8usize,
        ) {
            let roles = crate::gazetteer::Gazetteers::embedded().name_words();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            let mut any: Vec<Cow<str>> = sorted.iter().map(|n| Cow::Borrowed(n.as_str())).collect();
            any.reverse();
            let turn = turn % any.len().max(1);
            any.rotate_left(turn);
            prop_assert_eq!(lone_words(roles, &any), lone_words_of_sorted(roles, &sorted));
        }
    }

    /// [`key`] as it pushed characters into a string, before it pushed bytes.
    fn key_by_chars(name: &str) -> String {
        let folded = crate::text::ascii_fold(name);
        let mut out = String::with_capacity(folded.len());
        let mut parted = false;
        for &b in folded.as_bytes() {
            if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
                if parted && !out.is_empty() {
                    out.push(' ');
                }
                parted = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                parted = true;
            }
        }
        out
    }

    /// [`slug`] as it read characters, before it read bytes.
    fn slug_by_chars(key: &str) -> String {
        let mut out = String::with_capacity(key.len());
        let mut parted = false;
        for c in key.chars() {
            match c {
                '.' => {}
                ' ' => parted = true,
                c => {
                    if parted && !out.is_empty() {
                        out.push('-');
                    }
                    parted = false;
                    out.push(c);
                }
            }
        }
        out
    }

    proptest! {
        /// Keys and slugs made of bytes are the ones made of characters, of any text
        /// (a slug of one that is no key too).
        #[test]
        fn keys_and_slugs_of_bytes_as_of_characters(name in r"[a-zA-Z0-9 .,’'()\t\n-]{0,16}|[ĐặễÁa-z .\u{a0}-]{0,12}|\PC{0,12}") {
            prop_assert_eq!(key(&name), key_by_chars(&name));
            prop_assert_eq!(slug(&name), slug_by_chars(&name));
            let k = key(&name);
            prop_assert_eq!(slug(&k), slug_by_chars(&k));
        }
    }

    /// [`same_words`] as it compared sets of copied words.
    fn same_words_by_sets(x: &[&str], y: &[&str]) -> bool {
        let sorted = |w: &[&str]| {
            w.iter()
                .map(|s| s.to_string())
                .collect::<std::collections::BTreeSet<_>>()
        };
        sorted(x) == sorted(y)
    }

    proptest! {
        /// Words sorted and deduplicated in place are the same as sets of their copies.
        #[test]
        fn same_words_as_sets_of_copies(
            x in proptest::collection::vec("[ab.]{0,3}|\\PC{0,3}", 0..6),
            y in proptest::collection::vec("[ab.]{0,3}|\\PC{0,3}", 0..6),
        ) {
            let (x, y): (Vec<&str>, Vec<&str>) =
                (x.iter().map(String::as_str).collect(), y.iter().map(String::as_str).collect());
            prop_assert_eq!(same_words(&x, &y), same_words_by_sets(&x, &y));
            let mut turned = x.clone();
            turned.reverse();
            prop_assert!(same_words(&x, &turned));
        }
    }

    #[test]
    fn same_words_of_the_fixture_lines_as_sets_of_copies() {
        for (_, text) in crate::testing::fixture_texts() {
            let lines: Vec<&str> = text.lines().collect();
            for pair in lines.windows(2) {
                let (x, y): (Vec<&str>, Vec<&str>) =
                    (pair[0].split(' ').collect(), pair[1].split(' ').collect());
                assert_eq!(same_words(&x, &y), same_words_by_sets(&x, &y), "{pair:?}");
                assert_eq!(same_words(&x, &x), same_words_by_sets(&x, &x), "{pair:?}");
                let mut turned = x.clone();
                turned.reverse();
                assert!(same_words(&x, &turned), "{pair:?}");
            }
        }
    }

    #[test]
    fn keys_and_slugs_of_the_fixture_lines_as_of_characters() {
        for line in crate::testing::fixture_lines() {
            assert_eq!(key(&line), key_by_chars(&line), "{line:?}");
            assert_eq!(slug(&line), slug_by_chars(&line), "{line:?}");
        }
    }

    proptest! {
        /// A key and a slug made in one pass over the bytes are what splitting the
        /// name into words and joining them gave.
        #[test]
        fn keys_and_slugs_as_split_words_gave(name in "[a-zA-Z0-9 .,’'()\t\n-]{0,16}|[ĐặễÁa-z .\u{a0}-]{0,12}") {
            let folded = crate::text::ascii_fold(&name);
            let split_key = folded
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '.' && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect::<Vec<_>>()
                .join(" ");
            prop_assert_eq!(key(&name), split_key);
            let k = key(&name);
            let split_slug = k
                .replace('.', "")
                .split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            prop_assert_eq!(slug(&k), split_slug);
        }

        /// The spaced words are found where `str::match_indices` and `str::rfind`
        /// find them.
        #[test]
        fn spaced_words_found_as_str_finds_them(hay in "[ oft-]{0,24}") {
            for needle in [" of ", " - ", " of the ", " to ", " "] {
                let found: Vec<usize> = spaced_matches(&hay, needle).collect();
                let by_str: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
                prop_assert_eq!(found, by_str);
                prop_assert_eq!(spaced_rfind(&hay, needle), hay.rfind(needle));
            }
        }
    }

    /// Every end [`taken_back`] reads in `text`, at each character boundary, is read as
    /// by [`taken_back_read`].
    fn assert_taken_back_as_by_str(text: &str) {
        for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                taken_back(text, end),
                taken_back_read(text, end),
                "{text:?} at {end}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// The words after a title, dashes and spaces of every kind among them, are
        /// read as by trimming and comparing.
        #[test]
        fn taken_back_as_by_str(t in "([ \t\u{b}\u{a0}\u{3000}]|of |for |to |[—–-]|--|[a-zA-Z,.]|\\PC){0,10}") {
            assert_taken_back_as_by_str(&t);
        }
    }

    /// [`suffix_len`] as it compared every word with each suffix.
    fn suffix_len_by_list(after: &str) -> usize {
        let rest = after.strip_prefix(',').unwrap_or(after);
        let Some(word) = rest.strip_prefix(' ') else {
            return 0;
        };
        let suffix = ["Jr.", "Sr.", "Jr", "Sr", "III", "II", "IV"]
            .into_iter()
            .find(|s| {
                word.starts_with(s)
                    && !word[s.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '.')
            });
        suffix.map_or(0, |s| after.len() - word.len() + s.len())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// The suffix after a name is read as by comparing the word with each suffix.
        #[test]
        fn suffixes_as_by_list(t in "(,|, | |Jr|Sr|III|II|IV|I|J|S|V|r|\\.|x|é|ǅ|1| |,){0,6}") {
            prop_assert_eq!(suffix_len(&t), suffix_len_by_list(&t), "{:?}", t);
        }
    }

    #[test]
    fn suffixes_on_the_fixture_lines_as_by_list() {
        for line in crate::testing::fixture_lines() {
            for (i, _) in line.char_indices() {
                let after = &line[i..];
                assert_eq!(suffix_len(after), suffix_len_by_list(after), "{after:?}");
            }
        }
    }

    #[test]
    fn taken_back_on_the_fixture_lines_as_by_str() {
        for line in crate::testing::fixture_lines() {
            assert_taken_back_as_by_str(&line);
        }
    }

    /// [`run_word`] as it read every word, by its characters.
    fn run_word_by_chars(text: &str, pos: usize) -> Option<Range<usize>> {
        let rest = &text[pos..];
        let start = pos + rest.len() - rest.trim_start().len();
        let s = &text[start..];
        let first = s.chars().next()?;
        let len = if first == '&' || first == '-' {
            1
        } else if first == '(' {
            let close = s.find(')')?;
            let inner = &s[1..close];
            let acronym = inner.starts_with(|c: char| c.is_ascii_uppercase())
                && inner
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+&.-".contains(c));
            if !acronym {
                return None;
            }
            close + 1
        } else if first.is_uppercase() {
            let mut dotted = 0;
            let mut chars = s.chars();
            while let (Some(c), Some('.')) = (chars.next(), chars.next()) {
                if !c.is_uppercase() {
                    break;
                }
                dotted += c.len_utf8() + 1;
            }
            if dotted > 0 {
                dotted
            } else {
                let skip = first.len_utf8();
                let tail = &s[skip..];
                skip + tail
                    .find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '-')))
                    .unwrap_or(tail.len())
            }
        } else if first.is_alphabetic() {
            s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len())
        } else {
            return None;
        };
        Some(start..start + len)
    }

    /// Every word [`run_word`] reads in `text`, from each character boundary, is the
    /// one [`run_word_by_chars`] reads.
    fn assert_run_words_as_by_chars(text: &str) {
        for (pos, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                run_word(text, pos),
                run_word_by_chars(text, pos),
                "{text:?} at {pos}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// The words of a capitalised run, ASCII or not, are read as by characters.
        #[test]
        fn run_words_as_by_chars(t in "([A-Za-z'’.&()+-]|[ÁéĐặ]|[ \t\u{a0}\u{3000}\n]|\\(LDP\\)|U\\.S\\.|R\\. |O’Brien|Chan-o-cha){0,12}") {
            assert_run_words_as_by_chars(&t);
        }

        /// Any text, punctuation, digits and controls among its bytes, is read as by
        /// characters.
        #[test]
        fn run_words_of_any_text_as_by_chars(t in "[\\x00-\\x7f]{0,16}|\\PC{0,16}|.{0,12}") {
            assert_run_words_as_by_chars(&t);
        }
    }

    #[test]
    fn run_words_on_the_fixture_lines_as_by_chars() {
        for line in crate::testing::fixture_lines() {
            assert_run_words_as_by_chars(&line);
        }
    }

    /// [`plural_title`] as it read every title, splitting it at its characters.
    fn plural_title_by_chars(title: &str) -> bool {
        title
            .split_whitespace()
            .take_while(|w| *w != "of" && *w != "for")
            .any(|w| {
                matches!(w.as_bytes().last(), Some(b's' | b'n'))
                    && [
                        "ers", "ents", "ies", "ors", "ads", "oys", "als", "men", "irs",
                    ]
                    .iter()
                    .any(|end| w.ends_with(end))
                    && w != "Affairs"
            })
    }

    /// Titles-like text: words that are plural or not, `of` and `for`, and whitespace
    /// of every kind, ASCII or not.
    fn title_text_strategy() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "Ministers",
            "Minister",
            "Affairs",
            "of",
            "for",
            "Presidents",
            "Secretaries",
            "Chairmen",
            "Envoys",
            "Ambassadors",
            "Heads",
            "Ministérs",
            "men",
            "s",
            "n",
            "",
            "Offic\u{e9}rs",
            ",",
            ".",
            ")",
            ";",
        ]);
        let sep = prop::sample::select(vec![
            " ", " ", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2009}",
            "\u{3000}", "\u{85}", "\u{1f}", "-",
        ]);
        prop::collection::vec((word, sep), 0..8).prop_map(|ws| {
            ws.into_iter()
                .map(|(w, s)| format!("{w}{s}"))
                .collect::<String>()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// A title is plural where splitting it at its characters found it so, and the
        /// stops of an apposition are found where a search for their characters finds
        /// them.
        #[test]
        fn plural_titles_and_stops_as_chars_found_them(t in title_text_strategy()) {
            prop_assert_eq!(plural_title(&t), plural_title_by_chars(&t));
            prop_assert_eq!(first_of(&t, *b",.;)\n"), t.find([',', '.', ';', ')', '\n']));
            prop_assert_eq!(first_of(&t, *b",.;)"), t.find([',', '.', ';', ')']));
        }
    }

    #[test]
    fn plural_titles_and_stops_on_the_fixture_lines_as_chars_found_them() {
        for line in crate::testing::fixture_lines() {
            assert_eq!(
                plural_title(&line),
                plural_title_by_chars(&line),
                "{line:?}"
            );
            // Each word's tail, as titles of one to a few words are.
            for (i, _) in line.match_indices(' ') {
                let t = &line[i + 1..];
                let t = &t[..t.char_indices().nth(40).map_or(t.len(), |(k, _)| k)];
                assert_eq!(plural_title(t), plural_title_by_chars(t), "{t:?}");
            }
            assert_eq!(
                first_of(&line, *b",.;)\n"),
                line.find([',', '.', ';', ')', '\n'])
            );
        }
    }

    /// [`name_like_with`] as it asked each question of the word by its characters.
    fn name_like_with_by_chars(roles: u8, word: &str) -> bool {
        if roles & (name_role::NOT_NAME | name_role::INSTITUTION) != 0 {
            return false;
        }
        let initial =
            word.len() == 2 && word.ends_with('.') && word.starts_with(|c: char| c.is_uppercase());
        initial
            || (word.starts_with(|c: char| c.is_uppercase())
                && !word.ends_with('.')
                && !word.starts_with('('))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// Name-like words, and words opening with a capital or a small letter, are
        /// told as by their characters.
        #[test]
        fn name_like_words_as_by_chars(
            word in "[A-Za-z.(é É ǅ ß 1'’-]{0,4}|\\PC{0,4}",
            roles in any::<u8>(),
        ) {
            prop_assert_eq!(
                name_like_with(roles, &word),
                name_like_with_by_chars(roles, &word),
                "{:?} {}", word, roles
            );
            prop_assert_eq!(opens_upper(&word), word.starts_with(char::is_uppercase));
            prop_assert_eq!(opens_lower(&word), word.starts_with(char::is_lowercase));
        }
    }

    #[test]
    fn name_like_words_of_the_fixture_lines_as_by_chars() {
        let nw = crate::gazetteer::Gazetteers::embedded().name_words();
        for line in crate::testing::fixture_lines() {
            for word in line.split([' ', ',', ';', ':']) {
                let roles = nw.roles(word);
                assert_eq!(
                    name_like_with(roles, word),
                    name_like_with_by_chars(roles, word),
                    "{word:?}"
                );
                assert_eq!(opens_upper(word), word.starts_with(char::is_uppercase));
                assert_eq!(opens_lower(word), word.starts_with(char::is_lowercase));
            }
        }
    }

    /// [`squeezed_chars`] as it counted the characters of each word, split at the
    /// whitespace.
    fn squeezed_chars_by_words(s: &str) -> usize {
        let (mut chars, mut words) = (0, 0usize);
        for word in s.split_whitespace() {
            chars += word.chars().count();
            words += 1;
        }
        chars + words.saturating_sub(1)
    }

    proptest! {
        /// The characters of a name cleaned, counted without the copy.
        #[test]
        fn squeezed_chars_as_of_the_cleaned_name(s in "([a-zA-Z’'.-]{0,6}|[ \t\n\u{a0}\u{3000}]{0,3}|ễ){0,8}|\\PC{0,16}") {
            prop_assert_eq!(squeezed_chars(&s), clean_name(&s).chars().count());
        }

        /// Counted byte by byte, as when each word was split off and its characters
        /// counted; whitespace of every kind among them.
        #[test]
        fn squeezed_chars_as_by_words(s in "([a-zA-Z’'.-]{0,6}|[ \t\n\u{b}\u{c}\r\u{1c}\u{1f}\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}]{0,3}|ễ|é|€){0,8}|\\PC{0,16}|.{0,16}") {
            prop_assert_eq!(squeezed_chars(&s), squeezed_chars_by_words(&s), "{:?}", s);
        }
    }

    #[test]
    fn squeezed_chars_of_the_fixture_lines_as_by_words() {
        for line in crate::testing::fixture_lines() {
            assert_eq!(
                squeezed_chars(&line),
                squeezed_chars_by_words(&line),
                "{line:?}"
            );
        }
        for (_, text) in crate::testing::fixture_texts() {
            assert_eq!(squeezed_chars(&text), squeezed_chars_by_words(&text));
        }
    }

    #[test]
    fn clean_names_are_the_words_with_single_spaces() {
        for (raw, clean) in [
            ("Pham Binh Minh", "Pham Binh Minh"),
            ("Pham  Binh\nMinh", "Pham Binh Minh"),
            (" Kang Kyung-Wha ", "Kang Kyung-Wha"),
            ("Joe\u{a0}Biden", "Joe Biden"),
            ("", ""),
        ] {
            assert_eq!(clean_name(raw), clean, "{raw:?}");
        }
    }

    #[test]
    fn a_name_key_is_its_words_folded_and_lowered() {
        for (name, want) in [
            ("Nguyễn Xuân Phúc", "nguyen xuan phuc"),
            ("Kang Kyung-Wha", "kang kyung-wha"),
            ("Joseph R. Biden Jr.", "joseph r. biden jr."),
            ("  ĐẶNG\n\tThị   Ngọc Thịnh,", "dang thi ngoc thinh"),
            ("Nguyễn Xuân\nPhúc", "nguyen xuan phuc"),
            ("O’Brien (Ms)", "o brien ms"),
            ("Ōsaka Ōkubo", "osaka okubo"),
            ("", ""),
        ] {
            assert_eq!(key(name), want, "{name:?}");
        }
    }

    /// [`written_in_lower_case`] as it searched every text: one automaton for all the
    /// words, read to the end.
    fn written_in_lower_case_by_automaton(text: &str, words: &[&str]) -> Vec<bool> {
        let mut common = vec![false; words.len()];
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let searched: Vec<usize> = (0..words.len()).filter(|&k| lower[k] != words[k]).collect();
        if searched.is_empty() {
            return common;
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(searched.iter().map(|&k| &lower[k]))
            .unwrap();
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        for m in automaton.find_iter(text) {
            if !is_word(char_before(text, m.start())) && !is_word(char_at(text, m.end())) {
                common[searched[m.pattern().as_usize()]] = true;
            }
        }
        common
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// The words found written in lower case, by a substring search for one word or
        /// an automaton stopped when all are found, are those the automaton read to the
        /// end found.
        #[test]
        fn lower_case_words_as_the_whole_search_found_them(
            text in "(to|To|son|person|Son|ab-c|c-d|b-c|ab|o|é|É|Éo|éo|ß|SS|[ .,'’-]){0,24}",
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "To", "Son", "Ab-C", "C-D", "B-C", "Ab", "O", "É", "Éo", "SS", "son", "Person",
                ]),
                0..4,
            ),
        ) {
            prop_assert_eq!(
                written_in_lower_case(&text, &words),
                written_in_lower_case_by_automaton(&text, &words)
            );
        }
    }

    #[test]
    fn lower_case_words_of_the_fixtures_as_the_whole_search_found_them() {
        for (_, text) in crate::testing::fixture_texts() {
            // The capitalised words of the text, each alone and in fours.
            let mut words: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.starts_with(char::is_uppercase))
                .collect();
            words.sort_unstable();
            words.dedup();
            words.truncate(60);
            for w in &words {
                let one = [*w];
                assert_eq!(
                    written_in_lower_case(&text, &one),
                    written_in_lower_case_by_automaton(&text, &one),
                    "{w:?}"
                );
            }
            for four in words.chunks(4) {
                assert_eq!(
                    written_in_lower_case(&text, four),
                    written_in_lower_case_by_automaton(&text, four),
                    "{four:?}"
                );
            }
        }
    }

    /// What [`read_caps_name_line`] reads, by the expression.
    fn caps_name_by_expression(text: &str) -> Option<Range<usize>> {
        Some(CAPS_NAME_LINE.captures(text)?.get(1)?.range())
    }

    /// The characters read by hand are uppercase where the expression's are, and
    /// whitespace where its `\s` is.
    #[test]
    fn characters_read_by_hand_as_the_expression_reads_them() {
        let lu = Regex::new(r"^\p{Lu}$").unwrap();
        let space = Regex::new(r"^\s$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(c.is_whitespace(), space.is_match(s), "{c:?}");
            if read_by_hand(c) {
                assert_eq!(c.is_uppercase(), lu.is_match(s), "{c:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// A line in capitals, ASCII or not, is read as the expression reads it.
        #[test]
        fn caps_name_lines_as_the_expression_reads_them(
            t in "(DR|MR|MS|MRS|[A-Z]{1,3}|ẾỚ|Đ|GIỚI|Ⅳ|Ⓐ|ǅ|ß|Ω|[.a]|[ \t\x0b\r\n\u{85}\u{a0}\u{2009}\u{1c}]){0,10}"
        ) {
            if t.chars().all(read_by_hand) {
                prop_assert_eq!(read_caps_name_line(&t), caps_name_by_expression(&t));
            }
            let bounded = caps_name_by_expression(&t).filter(|n| {
                crate::text::at_most_words(&t[n.clone()], 5)
                    && !crate::text::at_most_words(&t, 1)
                    && crate::text::at_most_words(&t, 6)
            });
            prop_assert_eq!(caps_name_line(&t), bounded);
        }
    }

    #[test]
    fn caps_name_lines_of_the_fixtures_as_the_expression_reads_them() {
        for line in crate::testing::fixture_lines() {
            if line.chars().all(read_by_hand) {
                assert_eq!(
                    read_caps_name_line(&line),
                    caps_name_by_expression(&line),
                    "{line:?}"
                );
            }
            assert_eq!(
                caps_name_line(&line),
                caps_name_by_expression(&line).filter(|n| crate::text::at_most_words(
                    &line[n.clone()],
                    5
                ) && !crate::text::at_most_words(
                    &line, 1
                ) && crate::text::at_most_words(
                    &line, 6
                )),
                "{line:?}"
            );
        }
    }
}
