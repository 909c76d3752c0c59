//! The currency lexicon: the signs, codes and names that make a number an amount of
//! money, each with its ISO 4217 code.
//!
//! **Takes** the rows of `currencies.tsv` (the ISO 4217 list, generated from Debian's
//! iso-codes), `currency-codes.tsv`, `currency-signs.tsv` and `currency-names.tsv`.
//! **Gives** a [`Lexicon`]: the matchers for the text before and after a number, the
//! meaning of every form, and a cheap look-around that tells whether a number may be
//! a figure at all.
//!
//! Three kinds of form, because they sit differently around a number:
//!
//! - **signs** (`$`, `US$`, `AU$`, `NZ$`, `C$`, `€`, `£`, `¥`, `₫`, `₭`, `Rs`, `RM`,
//!   `AUD $`) go before or after the number, glued or with one space;
//! - **codes** (`USD`, `VND`, `EUR`, `MUSD` = millions of USD) go before or after it;
//!   they are read in capitals (and a few unambiguous ones in lower case too), and codes
//!   that are English words (`ALL`, `TOP`, `PEN`, `BOB`, `COP`...) never stand before a
//!   number, so `ALL 5 solutions` and `COP 26` are no amounts;
//! - **names** (`dollars`, `US dollars`, `euros`, `yuan`, `Kuwaiti dinars`) only follow
//!   it; a name shared by several currencies needs its country adjective (`dinars`
//!   alone is no currency), and a few names that are also common words (`won`, `dong`,
//!   `kip`, `rand`) need a scale word or digit grouping (`5 billion dong`, `200,000
//!   dong`, but not `2020 won`).
//!
//! A form that names several currencies is read as the most common one and says so
//! (`assumed`): `$` and `dollars` as USD, `¥` as JPY, `pounds` as GBP, `Rs` and
//! `rupees` as INR.

use super::GazetteerError;
use super::source::{self, Layer};
use foldhash::{HashMap, HashSet};
use regex::Regex;
use std::sync::OnceLock;

/// Where a currency form stands relative to its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A sign: before or after.
    Sign,
    /// An ISO code (or a million-prefixed one): before or after.
    Code,
    /// A name: after only.
    Name,
}

/// What a currency form means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Meaning {
    /// ISO 4217 code.
    pub iso: &'static str,
    /// The form names several currencies and this is the usual one.
    pub assumed: bool,
    /// Sign, code or name.
    pub kind: Kind,
    /// Powers of ten the form itself carries (`MUSD` = millions of USD: 6).
    pub scale: u32,
    /// A bare name that is also a common word: it needs a scale word or digit
    /// grouping.
    pub needs_scale: bool,
}

/// A code as a `&'static str`, kept for the life of the process: the codes of the
/// lexicon (a few hundred, per set of gazetteers loaded) and the unlisted codes read
/// in texts (at most 26³ of them).
fn intern(code: &str) -> &'static str {
    use std::collections::BTreeSet;
    use std::sync::Mutex;
    static SEEN: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut seen = SEEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&s) = seen.get(code) {
        return s;
    }
    let s: &'static str = Box::leak(code.to_owned().into_boxed_str());
    seen.insert(s);
    s
}

/// Three capital letters: perhaps a code ([`shaped_code`]).
fn code_shaped(word: &[u8]) -> bool {
    word.len() == 3 && word.iter().all(u8::is_ascii_uppercase)
}

/// What a cue word tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    /// A currency code, sign, name or a country adjective of a name.
    Money,
    /// `percent`, `per cent`, `pct`, `pp`.
    Percent,
}

/// Cue words by their bytes.
type CueMap = HashMap<Vec<u8>, Cue>;

/// The longest cue word looked up; longer words of the lists are not cues.
const LONGEST_CUE: usize = 32;

/// A row of `currency-signs.tsv`.
#[derive(Clone, Debug)]
struct Sign {
    form: String,
    iso: &'static str,
    assumed: bool,
    any_case: bool,
}

/// A row of `currency-names.tsv`.
#[derive(Clone, Debug)]
struct Name {
    iso: &'static str,
    singular: String,
    plural: String,
    /// The words before the name; `""` is the name alone.
    adjectives: Vec<String>,
    /// The name alone stands for several currencies and this is the usual one.
    assumed: bool,
    /// The name alone is also a common word.
    needs_scale: bool,
}

/// The currency rows of the gazetteers, as loaded: what [`Lexicon::build`] compiles.
#[derive(Clone, Debug, Default)]
pub(crate) struct Forms {
    /// Codes read in capitals, with the ISO code each stands for (itself, or the one
    /// an alias names).
    codes: Vec<(String, &'static str)>,
    /// Codes that are English words or acronyms: never before a number.
    word: HashSet<String>,
    /// Codes never read.
    never: HashSet<String>,
    /// Codes also read in lower case, with their ISO code.
    lower: Vec<(String, &'static str)>,
    /// Codes read with a million or thousand prefix.
    scaled: Vec<&'static str>,
    /// Three capitals never read as an unlisted code.
    not_code: HashSet<String>,
    signs: Vec<Sign>,
    names: Vec<Name>,
}

/// Whether `code` is three capital letters.
fn is_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reads the four currency files, layer by layer. Rows of a later layer come first in
/// each list, so that where two rows give the same form a meaning, the later one is
/// read.
pub(super) fn load(layers: &[Layer]) -> Result<Forms, GazetteerError> {
    let mut forms = Forms::default();
    let mut known: HashSet<&'static str> = HashSet::default();
    for layer in layers.iter().rev() {
        for row in layer.rows(source::CURRENCIES)? {
            let code = row.fields[0];
            if !is_code(code) {
                return Err(row.error(format!("{code:?} is not three capital letters")));
            }
            let iso = intern(code);
            known.insert(iso);
            forms.codes.push((code.to_string(), iso));
        }
    }
    for layer in layers.iter().rev() {
        for row in layer.rows(source::CURRENCY_CODES)? {
            let (role, code) = (row.fields[0], row.fields[1]);
            let means = row.fields.get(2).copied().unwrap_or("").trim();
            let code_ok = if role == "lower" {
                code.len() == 3 && code.bytes().all(|b| b.is_ascii_lowercase())
            } else {
                is_code(code)
            };
            if !code_ok {
                return Err(row.error(format!("{code:?} is not a code of three letters")));
            }
            if !means.is_empty() && !is_code(means) {
                return Err(row.error(format!("{means:?} is not three capital letters")));
            }
            match role {
                "extra" => {
                    let iso = intern(code);
                    known.insert(iso);
                    forms.codes.push((code.to_string(), iso));
                }
                "alias" => {
                    if means.is_empty() {
                        return Err(row.error("an alias names the code it stands for"));
                    }
                    forms.codes.push((code.to_string(), intern(means)));
                }
                "word" => {
                    forms.word.insert(code.to_string());
                }
                "never" => {
                    forms.never.insert(code.to_string());
                }
                "lower" => {
                    let iso = if means.is_empty() {
                        code.to_ascii_uppercase()
                    } else {
                        means.to_string()
                    };
                    forms.lower.push((code.to_string(), intern(&iso)));
                }
                "scaled" => forms.scaled.push(intern(code)),
                "not_code" => {
                    forms.not_code.insert(code.to_string());
                }
                other => {
                    return Err(row.error(format!(
                        "unknown role {other:?} (expected extra, alias, word, never, lower, scaled or not_code)"
                    )));
                }
            }
        }
    }
    let listed = |row: &source::Row<'_>, code: &str| -> Result<&'static str, GazetteerError> {
        let iso = intern(code);
        if known.contains(iso) {
            Ok(iso)
        } else {
            Err(row.error(format!(
                "{code:?} is not a code of currencies.tsv or an extra code of currency-codes.tsv"
            )))
        }
    };
    for layer in layers.iter().rev() {
        for row in layer.rows(source::CURRENCY_SIGNS)? {
            let opts = row.options(2, &["assumed", "any_case"])?;
            forms.signs.push(Sign {
                form: row.fields[0].to_string(),
                iso: listed(&row, row.fields[1])?,
                assumed: opts.contains(&"assumed"),
                any_case: opts.contains(&"any_case"),
            });
        }
    }
    for layer in layers.iter().rev() {
        for row in layer.rows(source::CURRENCY_NAMES)? {
            let opts = row.options(4, &["assumed", "needs_scale"])?;
            let adjectives: Vec<String> = row
                .fields
                .get(3)
                .copied()
                .unwrap_or("*")
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| {
                    if a == "*" {
                        String::new()
                    } else {
                        a.to_string()
                    }
                })
                .collect();
            forms.names.push(Name {
                iso: listed(&row, row.fields[0])?,
                singular: row.fields[1].to_string(),
                plural: row.fields[2].to_string(),
                adjectives,
                assumed: opts.contains(&"assumed"),
                needs_scale: opts.contains(&"needs_scale"),
            });
        }
    }
    Ok(forms)
}

/// The words that can stand next to a figure, for a quick look around a number before
/// the matchers run: codes and letter signs as written; names, their country
/// adjectives and the percent words in any case.
#[derive(Clone)]
struct CueWords {
    exact: CueMap,
    any_case: CueMap,
    /// The first characters of the signs that are not ASCII (`ரூ` by its first
    /// letter).
    sign_chars: HashSet<char>,
    /// A sieve of the words' shapes ([`shape_bit`]) of either map, as bits: most words
    /// next to a number (`the`, `of`, `years`) are ruled out here, before they are
    /// hashed and looked up in both maps.
    shapes: Vec<u64>,
}

/// The bits of the sieve of cue words' shapes ([`shape_bit`]).
const SHAPE_BITS: usize = 1 << 16;

/// A word's place in the sieve of shapes: its length and its first, second and last
/// bytes in ASCII lower case, mixed; none for the empty word. Two words equal in ASCII
/// case have one place, so a word whose place holds no key's is no key in any case.
fn shape_bit(word: &[u8]) -> Option<usize> {
    let (&first, &last) = (word.first()?, word.last()?);
    let second = word.get(1).copied().unwrap_or(0);
    let lower = |b: u8| u32::from(b.to_ascii_lowercase());
    // The length is at most LONGEST_CUE here or in the caller; its low byte is enough.
    let packed =
        ((word.len() as u32) << 24) | (lower(first) << 16) | (lower(second) << 8) | lower(last);
    // Fibonacci hashing: the high bits of the product mix all of the packed ones.
    Some((packed.wrapping_mul(0x9E37_79B1) >> 16) as usize)
}

impl CueWords {
    fn build(forms: &Forms) -> CueWords {
        let mut exact = CueMap::default();
        let mut any_case = CueMap::default();
        let mut sign_chars = HashSet::default();
        for sign in &forms.signs {
            let letters: String = sign
                .form
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect();
            if !letters.is_empty() {
                exact.insert(letters.into_bytes(), Cue::Money);
            }
            if let Some(c) = sign.form.chars().next().filter(|c| !c.is_ascii()) {
                sign_chars.insert(c);
            }
        }
        for (c, _) in forms.codes.iter().chain(&forms.lower) {
            exact.insert(c.as_bytes().to_vec(), Cue::Money);
        }
        for c in &forms.scaled {
            exact.insert(format!("M{c}").into_bytes(), Cue::Money);
            exact.insert(format!("k{c}").into_bytes(), Cue::Money);
        }
        let mut words: Vec<&str> = Vec::new();
        for name in &forms.names {
            words.extend(
                name.adjectives
                    .iter()
                    .filter_map(|a| a.split_whitespace().next()),
            );
            words.extend(
                [&name.singular, &name.plural]
                    .iter()
                    .filter_map(|n| n.split_whitespace().next()),
            );
        }
        for w in words {
            any_case.insert(w.replace('.', "").to_lowercase().into_bytes(), Cue::Money);
        }
        for w in [
            "percent",
            "percents",
            "per",
            "percentage",
            "pct",
            "pp",
            "ppt",
            "ppts",
        ] {
            any_case.insert(w.as_bytes().to_vec(), Cue::Percent);
        }
        exact.retain(|k, _| k.len() <= LONGEST_CUE);
        any_case.retain(|k, _| k.len() <= LONGEST_CUE);
        let mut shapes = vec![0u64; SHAPE_BITS / 64];
        for k in exact.keys().chain(any_case.keys()) {
            if let Some(bit) = shape_bit(k) {
                shapes[bit / 64] |= 1 << (bit % 64);
            }
        }
        CueWords {
            exact,
            any_case,
            sign_chars,
            shapes,
        }
    }

    // Inlined: it runs for most words next to a number, most of which the sieve
    // rules out in a few instructions, fewer than a call's.
    #[inline]
    fn word(&self, word: &[u8]) -> Option<Cue> {
        if word.len() > LONGEST_CUE {
            return None;
        }
        // A word matches a key of either map only if their shapes agree.
        if let Some(bit) = shape_bit(word)
            && self.shapes[bit / 64] & (1 << (bit % 64)) == 0
        {
            return None;
        }
        if let Some(&cue) = self.exact.get(word) {
            return Some(cue);
        }
        let mut lower = [0u8; LONGEST_CUE];
        for (l, c) in lower.iter_mut().zip(word) {
            *l = c.to_ascii_lowercase();
        }
        self.any_case.get(&lower[..word.len()]).copied()
    }

    /// Whether a currency or percent form may stand before and after the number at
    /// `s..e`: a sign or code right before it; a sign, `%` or cue word among the three
    /// tokens after it (`5 billion dong`, `125 million australian dollars`, `10k$`).
    fn sides(&self, line: &str, s: usize, e: usize) -> (bool, bool) {
        (self.before(line, s), self.after(line, e))
    }

    /// Whether a sign starts at byte `at` of `line`: `$`, or the first character of
    /// a sign that is not ASCII.
    #[inline]
    fn is_sign(&self, line: &str, at: usize) -> bool {
        let b = line.as_bytes()[at];
        b == b'$' || (b >= 0x80 && self.sign_char_at(line, at))
    }

    /// Whether the character at byte `at` of `line` (not ASCII) opens a sign.
    fn sign_char_at(&self, line: &str, at: usize) -> bool {
        line[at..]
            .chars()
            .next()
            .is_some_and(|c| self.sign_chars.contains(&c))
    }

    fn after(&self, line: &str, e: usize) -> bool {
        let bytes = line.as_bytes();
        let is_sign = |at: usize| self.is_sign(line, at);
        // Up to three tokens, stopping at the next number.
        let mut i = e;
        for _ in 0..3 {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'-' | b'.') {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else { break };
            if b == b'%' || is_sign(i) {
                return true;
            }
            if !b.is_ascii_alphabetic() {
                break;
            }
            let start = i;
            i = crate::scan::ascii_letters_end(bytes, i);
            if self.word(&bytes[start..i]).is_some() || code_shaped(&bytes[start..i]) {
                return true;
            }
        }
        false
    }

    /// A sign, or a code or letter sign (`USD3.14`, `Rs. 20`, `RM 42`), right before
    /// byte `s`.
    fn before(&self, line: &str, s: usize) -> bool {
        let bytes = line.as_bytes();
        let is_sign = |at: usize| self.is_sign(line, at);
        let mut j = s;
        while j > 0 && matches!(bytes[j - 1], b' ' | b'-' | b'+' | b'.') && s - j < 2 {
            j -= 1;
        }
        if j == 0 {
            return false;
        }
        // The character before: most are ASCII, a byte long.
        let prev = if bytes[j - 1] < 0x80 {
            1
        } else {
            line[..j].chars().next_back().map_or(0, char::len_utf8)
        };
        if is_sign(j - prev) {
            return true;
        }
        let end = j;
        while j > 0 && bytes[j - 1].is_ascii_alphabetic() {
            j -= 1;
        }
        j < end && (self.word(&bytes[j..end]) == Some(Cue::Money) || code_shaped(&bytes[j..end]))
    }
}

/// The lexicon, compiled once per set of gazetteers: the matchers for the text before
/// and after a number, and the meaning of every form.
#[derive(Clone)]
pub(crate) struct Lexicon {
    /// The forms, longest first (at one position the first that matches wins), the
    /// matchers are compiled from when first needed: most short inputs have no figure,
    /// and compiling them is most of a start-up.
    forms: Vec<Form>,
    /// The matchers of all forms, before and after a number ([`Lexicon::before`],
    /// [`Lexicon::after`]).
    before: OnceLock<Regex>,
    after: OnceLock<Regex>,
    /// The matchers of the forms by the byte a match opens or ends with
    /// ([`Lexicon::after_end`], [`Lexicon::before_start`]), when first needed.
    parts: OnceLock<Parts>,
    /// The cue words of every form, to tell quickly whether a number may be a figure.
    cues: CueWords,
    /// The codes and names, as a regex alternation: what can follow `of` in a vague
    /// amount (`billions of USD`).
    pub vague_tail: String,
    /// The most whitespace-separated words a text matched by [`Lexicon::vague_tail`]
    /// can have.
    pub vague_tail_words: usize,
    meanings: HashMap<String, Meaning>,
    /// The codes read in capitals, by code.
    codes: HashMap<String, &'static str>,
    /// Three capitals never read as an unlisted code: the `not_code`, `word` and
    /// `never` rows.
    not_code: HashSet<String>,
    /// The regex the figures grammar builds of [`Lexicon::vague_tail`], when first
    /// needed.
    derived: OnceLock<Regex>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("meanings", &self.meanings.len())
            .field("codes", &self.codes.len())
            .finish()
    }
}

/// The key a matched form is looked up by: case folded, spaces and dots removed.
fn key(form: &str) -> String {
    form.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The longest form whose key [`ascii_key`] builds on the stack.
const ASCII_KEY_BYTES: usize = 32;

/// The [`key`] of an ASCII `form` of at most [`ASCII_KEY_BYTES`] bytes, built in `buf`;
/// none for another form. Over ASCII, a character's lower case is its ASCII lower case
/// and its whitespace is the bytes `char::is_whitespace` takes: most matched forms
/// (`US$`, `USD`, `dollars`) are looked up without a string allocated for their key.
fn ascii_key<'b>(form: &str, buf: &'b mut [u8; ASCII_KEY_BYTES]) -> Option<&'b str> {
    if form.len() > ASCII_KEY_BYTES || !form.is_ascii() {
        return None;
    }
    let mut n = 0;
    for &b in form.as_bytes() {
        if !char::from(b).is_whitespace() && b != b'.' {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// A regex for a form: its letters as written (or in any case), any run of ASCII
/// whitespace for a space (the view has made wide spaces spaces), at most one space
/// before a `$` that follows letters (`US $`), and the last dot of `U.S.$` optional.
fn pattern(form: &str, insensitive: bool) -> String {
    let mut p = String::new();
    let chars: Vec<char> = form.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            ' ' if next == Some('$') => {}
            ' ' => p.push_str(r"(?-u:\s)+"),
            '.' if next == Some('$') => p.push_str(r"\.?"),
            '$' if i > 0 && (chars[i - 1].is_alphabetic() || matches!(chars[i - 1], '.' | ' ')) => {
                p.push_str(r"(?-u:\s)?\$");
            }
            _ => p.push_str(&regex::escape(&c.to_string())),
        }
    }
    // Codes and names need a word boundary before them; signs (`$`, `元`, `ரூ`) do not.
    let starts_with_letter = chars.first().is_some_and(char::is_ascii_alphanumeric);
    // A form of ASCII letters is matched in any ASCII case: Unicode case folding
    // would add only `ſ` and the Kelvin sign to it, and multiply what it costs to
    // compile (the lexicon has hundreds of forms).
    let body = match (insensitive, form.is_ascii()) {
        (false, _) => p,
        (true, true) => format!("(?i-u:{p})"),
        (true, false) => format!("(?i:{p})"),
    };
    if starts_with_letter {
        format!(r"(?-u:\b){body}")
    } else {
        body
    }
}

/// A set of bytes, as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ByteSet([u64; 4]);

impl ByteSet {
    const ALL: ByteSet = ByteSet([u64::MAX; 4]);
    const NONE: ByteSet = ByteSet([0; 4]);
    /// The bytes [`crate::text::is_ascii_space`] takes: tab, line feed, vertical tab, form feed,
    /// carriage return and space.
    const SPACES: ByteSet = ByteSet([
        (1 << b'\t') | (1 << b'\n') | (1 << 0x0b) | (1 << 0x0c) | (1 << b'\r') | (1 << b' '),
        0,
        0,
        0,
    ]);

    fn with(mut self, b: u8) -> ByteSet {
        self.0[usize::from(b / 64)] |= 1 << (b % 64);
        self
    }

    fn holds(self, b: u8) -> bool {
        (self.0[usize::from(b / 64)] >> (b % 64)) & 1 == 1
    }

    fn union(self, other: ByteSet) -> ByteSet {
        ByteSet(std::array::from_fn(|w| self.0[w] | other.0[w]))
    }

    /// The bytes of the set, in order.
    fn bytes(self) -> impl Iterator<Item = usize> {
        (0..4).flat_map(move |w| {
            let mut bits = self.0[w];
            std::iter::from_fn(move || {
                let bit = bits.trailing_zeros() as usize;
                (bits != 0).then(|| {
                    bits &= bits - 1;
                    w * 64 + bit
                })
            })
        })
    }
}

/// The bytes a text that the [`pattern`] of `form` matches can open with (`first`) or
/// end with: those of its first or last character as written, in either ASCII case
/// where the form is read in any case, and in a form read in any Unicode case (one
/// with a character that is not ASCII) those of `ſ` for an `s` and of the Kelvin sign
/// for a `k`, the only characters not ASCII that fold to ASCII letters. Any byte
/// where the pattern's edge is not one character as written: a space (any run of
/// ASCII whitespace), a dot that may be left out (`.$`), a character that is not
/// ASCII in a form read in any case, or the empty form.
fn edge_bytes(form: &str, insensitive: bool, first: bool) -> ByteSet {
    let edge = if first {
        form.chars().next()
    } else {
        form.chars().next_back()
    };
    let Some(c) = edge else {
        return ByteSet::ALL;
    };
    if c == ' ' || (first && c == '.') || (insensitive && !c.is_ascii()) {
        return ByteSet::ALL;
    }
    let mut buf = [0u8; 4];
    let bytes = c.encode_utf8(&mut buf).as_bytes();
    let b = if first {
        bytes[0]
    } else {
        bytes[bytes.len() - 1]
    };
    if !insensitive {
        return ByteSet::NONE.with(b);
    }
    let mut set = ByteSet::NONE
        .with(b.to_ascii_lowercase())
        .with(b.to_ascii_uppercase());
    if !form.is_ascii() {
        let fold = match b.to_ascii_lowercase() {
            b's' => Some('\u{17F}'),
            b'k' => Some('\u{212A}'),
            _ => None,
        };
        if let Some(f) = fold {
            let bytes = f.encode_utf8(&mut buf).as_bytes();
            set = set.with(if first {
                bytes[0]
            } else {
                bytes[bytes.len() - 1]
            });
        }
    }
    set
}

/// One byte-long step of a form's [`pattern`]: the bytes it reads, whether it may be
/// left out, and whether it may repeat.
#[derive(Clone, Copy, Debug)]
struct ByteStep {
    set: ByteSet,
    optional: bool,
    repeats: bool,
}

/// The bytes that can stand at offset `k` of a text that the [`pattern`] of `form`
/// matches: a superset, read from its byte-long steps as [`pattern`] writes them
/// (a character's bytes as written, an ASCII character in either case where the
/// form is read in any case, one or more spaces, an optional space before a `$`
/// that may stand apart and an optional dot before it). Any byte where a match may
/// end before it, or the form is read in any Unicode case.
fn bytes_at(form: &str, insensitive: bool, k: usize) -> ByteSet {
    /// The most steps read: those of the first characters, up to `k + 1` steps that
    /// must read a byte (past them no match is `k + 1` bytes long).
    const MOST: usize = 16;
    if insensitive && !form.is_ascii() {
        return ByteSet::ALL;
    }
    let spaces = ByteSet::SPACES;
    let one = |set: ByteSet| ByteStep {
        set,
        optional: false,
        repeats: false,
    };
    let mut steps = [one(ByteSet::NONE); MOST];
    let mut n = 0;
    let mut push = |step: ByteStep| {
        if let Some(slot) = steps.get_mut(n) {
            *slot = step;
            n += 1;
        }
    };
    let mut prev: Option<char> = None;
    let mut chars = form.chars().peekable();
    let mut needed = 0;
    while let Some(c) = chars.next() {
        if needed > k {
            break;
        }
        let next = chars.peek().copied();
        match c {
            ' ' if next == Some('$') => {}
            ' ' => {
                push(ByteStep {
                    repeats: true,
                    ..one(spaces)
                });
                needed += 1;
            }
            '.' if next == Some('$') => push(ByteStep {
                optional: true,
                ..one(ByteSet::NONE.with(b'.'))
            }),
            '$' if prev.is_some_and(|p| p.is_alphabetic() || matches!(p, '.' | ' ')) => {
                push(ByteStep {
                    optional: true,
                    ..one(spaces)
                });
                push(one(ByteSet::NONE.with(b'$')));
                needed += 1;
            }
            _ => {
                let mut buf = [0u8; 4];
                for &b in c.encode_utf8(&mut buf).as_bytes() {
                    push(one(if insensitive {
                        ByteSet::NONE
                            .with(b.to_ascii_lowercase())
                            .with(b.to_ascii_uppercase())
                    } else {
                        ByteSet::NONE.with(b)
                    }));
                    needed += 1;
                }
            }
        }
        prev = Some(c);
    }
    if n == MOST {
        return ByteSet::ALL;
    }
    let steps = &steps[..n];
    // The places a match may be at after each byte, as bits: the steps that read the
    // last byte (a repeating one may read more, any may be left); at first, none read.
    let mut places: u32 = 0;
    for offset in 0..=k {
        let mut open: u32 = 0;
        let read = offset > 0;
        for i in 0..n.max(1) {
            if (!read && i != 0) || (read && (places >> i) & 1 == 0) {
                continue;
            }
            // Past the steps that may be left; the end of the steps read may end a match.
            let mut j = i;
            let mut left = read;
            loop {
                let Some(step) = steps.get(j) else {
                    return ByteSet::ALL;
                };
                if !read || j != i || step.repeats {
                    open |= 1 << j;
                }
                if !(left || step.optional) {
                    break;
                }
                j += 1;
                left = false;
            }
        }
        if offset == k {
            return (0..n)
                .filter(|j| (open >> j) & 1 == 1)
                .fold(ByteSet::NONE, |set, j| set.union(steps[j].set));
        }
        places = open;
    }
    ByteSet::ALL
}

/// Whether `b` is in the class `(?-u:\s)`: ASCII whitespace, vertical tab included.
fn is_class_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// A form's place in the matchers.
#[derive(Clone, Debug)]
struct Form {
    pattern: String,
    /// The bytes a text it matches can open and end with ([`edge_bytes`]), and
    /// follow its first byte with ([`bytes_at`]).
    first: ByteSet,
    last: ByteSet,
    second: ByteSet,
    /// The bytes that can stand third in a text it matches ([`bytes_at`]).
    third: ByteSet,
    len: usize,
    /// The most whitespace-separated words a text the pattern matches can have: one
    /// more than its spaces, and one more for a `$` that may stand apart (`US $`).
    words: usize,
    before: bool,
    vague: bool,
}

/// The forms that a match can open (after a number) or end (before it) with one byte,
/// in their order, and their matcher.
#[derive(Clone, Debug)]
struct Part {
    /// Indices into the forms.
    members: Vec<usize>,
    /// The bytes that can follow the first byte of a match of one of them, and that
    /// can stand third in one.
    second: ByteSet,
    third: ByteSet,
    regex: OnceLock<Option<Regex>>,
}

impl Default for Part {
    fn default() -> Part {
        Part {
            members: Vec::new(),
            second: ByteSet::NONE,
            third: ByteSet::NONE,
            regex: OnceLock::new(),
        }
    }
}

impl Part {
    /// The matcher of the part, the alternation of its `forms` wrapped by `wrap`,
    /// compiled when first needed; none for no form.
    fn regex(&self, forms: &[Form], wrap: fn(&str) -> String) -> Option<&Regex> {
        self.regex
            .get_or_init(|| {
                if self.members.is_empty() {
                    return None;
                }
                let alt = self
                    .members
                    .iter()
                    .map(|&i| forms[i].pattern.as_str())
                    .collect::<Vec<_>>()
                    .join("|");
                Some(Regex::new(&wrap(&alt)).expect("valid regex"))
            })
            .as_ref()
    }
}

/// The matchers of the forms by byte: [`Lexicon::after_end`], [`Lexicon::before_start`].
#[derive(Clone, Debug)]
struct Parts {
    /// By the byte a match opens with, all forms.
    after: Vec<Part>,
    /// By the byte a match ends with, the forms read before a number.
    before: Vec<Part>,
    /// No form is empty: a match opens and ends with a byte, so each is in the part of
    /// that byte.
    split: bool,
}

impl Parts {
    fn of(forms: &[Form]) -> Parts {
        let mut after = vec![Part::default(); 256];
        let mut before = vec![Part::default(); 256];
        for (i, f) in forms.iter().enumerate() {
            for b in f.first.bytes() {
                after[b].members.push(i);
                after[b].second = after[b].second.union(f.second);
                after[b].third = after[b].third.union(f.third);
            }
            if f.before {
                for b in f.last.bytes() {
                    before[b].members.push(i);
                }
            }
        }
        Parts {
            after,
            before,
            split: forms.iter().all(|f| f.len > 0),
        }
    }

    /// These parts, where each match is in the part of its byte.
    fn split(&self) -> Option<&Parts> {
        self.split.then_some(self)
    }

    /// The matcher of the `forms` a match opening with `h` can be, at the start of the
    /// haystack; none where no match of them opens with its first three bytes (those
    /// it has).
    fn after<'p>(&'p self, forms: &[Form], h: &[u8]) -> Option<&'p Regex> {
        let part = &self.after[usize::from(*h.first()?)];
        if h.get(1).is_some_and(|&b| !part.second.holds(b))
            || h.get(2).is_some_and(|&b| !part.third.holds(b))
        {
            return None;
        }
        part.regex(forms, |alt| format!("^(?:{alt})"))
    }

    /// The matcher of the `forms` read before a number that a match ending with `b`
    /// can be, at the end of the haystack with at most one ASCII space after it.
    fn before<'p>(&'p self, forms: &[Form], b: u8) -> Option<&'p Regex> {
        self.before[usize::from(b)].regex(forms, |alt| format!(r"(?:{alt})(?-u:\s)?$"))
    }
}

impl Lexicon {
    /// Compiles the loaded currency rows.
    pub(super) fn build(rows: &Forms) -> Lexicon {
        let mut meanings = HashMap::default();
        let mut forms: Vec<Form> = Vec::new();
        let mut add = |form: &str, insensitive: bool, before: bool, m: Meaning| {
            meanings.entry(key(form)).or_insert(m);
            forms.push(Form {
                pattern: pattern(form, insensitive),
                first: edge_bytes(form, insensitive, true),
                last: edge_bytes(form, insensitive, false),
                second: bytes_at(form, insensitive, 1),
                third: bytes_at(form, insensitive, 2),
                len: form.len(),
                words: form.split_whitespace().count() + form.matches('$').count(),
                before,
                vague: m.kind != Kind::Sign && m.scale == 0,
            });
        };
        for sign in &rows.signs {
            let m = Meaning {
                iso: sign.iso,
                assumed: sign.assumed,
                kind: Kind::Sign,
                scale: 0,
                needs_scale: false,
            };
            add(&sign.form, sign.any_case, true, m);
        }
        let code = |iso: &'static str, scale: u32| Meaning {
            iso,
            assumed: false,
            kind: Kind::Code,
            scale,
            needs_scale: false,
        };
        for (c, iso) in &rows.codes {
            if rows.never.contains(c) {
                continue;
            }
            add(c, false, !rows.word.contains(c), code(iso, 0));
            // `AUD $85 million`: a dollar code and a sign.
            if c.ends_with('D') || c == "MXN" {
                let m = Meaning {
                    kind: Kind::Sign,
                    ..code(iso, 0)
                };
                add(&format!("{c} $"), false, true, m);
            }
        }
        for (c, iso) in &rows.lower {
            add(c, false, true, code(iso, 0));
        }
        for &c in &rows.scaled {
            add(&format!("M{c}"), false, true, code(c, 6));
            add(&format!("k{c}"), false, true, code(c, 3));
        }
        for name in &rows.names {
            for adjective in &name.adjectives {
                for n in [&name.singular, &name.plural] {
                    let form = if adjective.is_empty() {
                        n.to_string()
                    } else {
                        format!("{adjective} {n}")
                    };
                    let alone = adjective.is_empty();
                    let m = Meaning {
                        iso: name.iso,
                        assumed: alone && name.assumed,
                        kind: Kind::Name,
                        scale: 0,
                        needs_scale: alone && name.needs_scale,
                    };
                    add(&form, true, false, m);
                }
            }
        }
        // Longest first: at one position the first alternative that matches wins. The
        // same pattern from two rows keeps the most permissive place.
        forms.sort_by(|a, b| b.len.cmp(&a.len).then_with(|| a.pattern.cmp(&b.pattern)));
        let mut merged: Vec<Form> = Vec::with_capacity(forms.len());
        for f in forms {
            match merged.last_mut() {
                Some(last) if last.pattern == f.pattern => {
                    last.before |= f.before;
                    last.vague |= f.vague;
                }
                _ => merged.push(f),
            }
        }
        let alternation = |pick: &dyn Fn(&Form) -> bool| {
            merged
                .iter()
                .filter(|f| pick(f))
                .map(|f| f.pattern.as_str())
                .collect::<Vec<_>>()
                .join("|")
        };
        Lexicon {
            before: OnceLock::new(),
            after: OnceLock::new(),
            parts: OnceLock::new(),
            cues: CueWords::build(rows),
            vague_tail: alternation(&|f| f.vague),
            vague_tail_words: merged
                .iter()
                .filter(|f| f.vague)
                .map(|f| f.words)
                .max()
                .unwrap_or(0),
            meanings,
            codes: rows
                .codes
                .iter()
                .map(|(c, iso)| (c.clone(), *iso))
                .collect(),
            not_code: rows
                .not_code
                .iter()
                .chain(&rows.word)
                .chain(&rows.never)
                .cloned()
                .collect(),
            derived: OnceLock::new(),
            forms: merged,
        }
    }

    /// The patterns of the forms `pick` keeps, as one alternation, longest first.
    fn alternation(&self, pick: impl Fn(&Form) -> bool) -> String {
        self.forms
            .iter()
            .filter(|f| pick(f))
            .map(|f| f.pattern.as_str())
            .collect::<Vec<_>>()
            .join("|")
    }

    /// The matchers by byte, built on first use.
    fn parts(&self) -> &Parts {
        self.parts.get_or_init(|| Parts::of(&self.forms))
    }

    /// Where the currency form that `rest` (the text after a number or its scale word)
    /// opens with ends, at most one ASCII space before it: where [`Lexicon::after`]'s
    /// match ends. At each place a form may start (after the space, then at the
    /// start) only the forms that open with the byte there are tried, in their order:
    /// a matcher of a few forms, compiled when a text first needs it, and the match
    /// of all forms, whose alternatives that cannot match there are left out.
    pub fn after_end(&self, rest: &str) -> Option<usize> {
        let Some(parts) = self.parts().split() else {
            return self.after().find(rest).map(|m| m.end());
        };
        let b = rest.as_bytes();
        let at = |p: usize| {
            let m = parts
                .after(&self.forms, b.get(p..)?)?
                .find(rest.get(p..)?)?;
            Some(p + m.end())
        };
        if b.first().is_some_and(|&c| is_class_space(c))
            && let Some(end) = at(1)
        {
            return Some(end);
        }
        at(0)
    }

    /// Where the currency form that `window` (the text before a number) ends with
    /// starts, at most one ASCII space after it: where [`Lexicon::before`]'s match
    /// starts. Only the forms that end with the byte before the end, or before the
    /// space that ends it, are tried: the leftmost start of their matchers is the
    /// leftmost of all forms.
    pub fn before_start(&self, window: &str) -> Option<usize> {
        let Some(parts) = self.parts().split() else {
            return self.before().find(window).map(|m| m.start());
        };
        let b = window.as_bytes();
        let start = |c: u8| {
            parts
                .before(&self.forms, c)?
                .find(window)
                .map(|m| m.start())
        };
        let &last = b.last()?;
        let at_end = start(last);
        if is_class_space(last)
            && b.len() >= 2
            && let Some(s) = start(b[b.len() - 2])
        {
            return Some(at_end.map_or(s, |x| x.min(s)));
        }
        at_end
    }

    /// A form ending at the end of the haystack (the text before a number), with at
    /// most one space after it.
    pub fn before(&self) -> &Regex {
        self.before.get_or_init(|| {
            let alt = self.alternation(|f| f.before);
            Regex::new(&format!(r"(?:{alt})(?-u:\s)?$")).expect("valid regex")
        })
    }

    /// A form at the start of the haystack (the text after a number or its scale
    /// word), with at most one space before it.
    pub fn after(&self) -> &Regex {
        self.after.get_or_init(|| {
            let alt = self.alternation(|_| true);
            Regex::new(&format!(r"^(?-u:\s)?(?:{alt})")).expect("valid regex")
        })
    }

    /// The regex that `make` builds from [`Lexicon::vague_tail`], built on first use.
    pub fn derived(&self, make: impl FnOnce(&str) -> Regex) -> &Regex {
        self.derived.get_or_init(|| make(&self.vague_tail))
    }

    /// An ISO-4217-shaped code that the lexicon does not list (`ZWG`, a code newer than
    /// the lexicon): three capital letters that are no common word or acronym. The
    /// caller reads it only next to an amount that writes a scale or groups its digits.
    pub fn shaped_code(&self, word: &str) -> Option<Meaning> {
        if !is_code(word) || self.not_code.contains(word) {
            return None;
        }
        Some(Meaning {
            iso: self
                .codes
                .get(word)
                .copied()
                .unwrap_or_else(|| intern(word)),
            assumed: false,
            kind: Kind::Code,
            scale: 0,
            needs_scale: false,
        })
    }

    /// Whether a currency or percent form may stand before and after the number at
    /// `s..e` of `line`. Cheap; the matchers decide.
    pub fn cue_sides(&self, line: &str, s: usize, e: usize) -> (bool, bool) {
        self.cues.sides(line, s, e)
    }

    /// The meaning of a matched form (spaces and dots ignored, any case).
    pub fn meaning(&self, form: &str) -> Option<Meaning> {
        let mut buf = [0; ASCII_KEY_BYTES];
        match ascii_key(form, &mut buf) {
            Some(k) => self.meanings.get(k).copied(),
            None => self.meanings.get(&key(form)).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Gazetteers;
    use super::super::source::Layer;
    use super::{ByteSet, Forms, Lexicon, Name, Sign};
    use proptest::prelude::*;

    #[test]
    fn the_spaces_set_holds_the_bytes_an_ascii_space_is() {
        for b in 0..=u8::MAX {
            assert_eq!(
                ByteSet::SPACES.holds(b),
                crate::text::is_ascii_space(b),
                "{b:#04x}"
            );
        }
    }

    /// The forms of `rows` as written, in ASCII lower and upper case too, with the
    /// spaces, dots, signs and words that stand around them.
    fn pieces_of(rows: &Forms) -> Vec<String> {
        let mut forms: Vec<String> = rows.signs.iter().map(|s| s.form.clone()).collect();
        forms.extend(rows.codes.iter().chain(&rows.lower).map(|c| c.0.clone()));
        forms.extend(rows.scaled.iter().map(|c| format!("M{c}")));
        for n in &rows.names {
            for a in &n.adjectives {
                for w in [&n.singular, &n.plural] {
                    forms.push(format!("{a} {w}").trim().to_string());
                }
            }
        }
        let mut pieces: Vec<String> = Vec::new();
        for f in forms {
            pieces.push(f.to_ascii_lowercase());
            pieces.push(f.to_ascii_uppercase());
            pieces.push(f);
        }
        for p in [
            " ", "  ", "\t", "\u{b}", "\u{c}", "\n", "\u{a0}", ".", "$", "-", "_", "5", "2020",
            "x", "é", "ſ", "\u{212a}", "Ö", "ö", "the", "of", "in", "s", "k", "S", "K",
        ] {
            pieces.push(p.to_string());
        }
        pieces.sort();
        pieces.dedup();
        pieces
    }

    /// The matchers by byte against the matchers of all forms, over `text` split at
    /// each of its characters: what follows and what precedes the split.
    fn assert_reads_as_matchers(lx: &Lexicon, text: &str) {
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let rest = &text[i..];
            let want = lx.after().find(rest).map(|m| m.end());
            assert_eq!(lx.after_end(rest), want, "after {rest:?}");
            let window = &text[..i];
            let want = lx.before().find(window).map(|m| m.start());
            assert_eq!(lx.before_start(window), want, "before {window:?}");
        }
    }

    fn embedded_pieces() -> &'static [String] {
        static PIECES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
            pieces_of(&super::load(&[Layer::embedded()]).expect("embedded currency rows"))
        });
        &PIECES
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// A short ASCII form's key built on the stack is the key [`super::key`] builds,
        /// and every other form is left to it.
        #[test]
        fn an_ascii_key_is_the_key(
            t in crate::scan::texts_of(&[
                "US", "u.s.", "$", "Dollars", "VND", " ", "\t", "\u{b}", "\u{c}", "\r", "\n",
                "\u{1c}", ".", "x", "é", "ſ", "\u{a0}", "\u{212a}", "0",
            ], 24)
        ) {
            let mut buf = [0; super::ASCII_KEY_BYTES];
            let fits = t.is_ascii() && t.len() <= super::ASCII_KEY_BYTES;
            match super::ascii_key(&t, &mut buf) {
                Some(k) => prop_assert!(fits && k == super::key(&t), "{:?}", t),
                None => prop_assert!(!fits, "{:?}", t),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Over texts of the forms, in every case, with spaces, dots and signs between
        /// them, the matchers by byte end and start forms where the matchers of all
        /// forms put them.
        #[test]
        fn forms_are_found_by_byte_as_by_the_matchers_of_all(
            picks in prop::collection::vec(0..embedded_pieces().len(), 0..7)
        ) {
            let text: String = picks.iter().map(|&k| embedded_pieces()[k].as_str()).collect();
            assert_reads_as_matchers(Gazetteers::embedded().currency(), &text);
        }
    }

    #[test]
    fn forms_next_to_the_fixtures_numbers_are_found_by_byte_as_by_the_matchers_of_all() {
        let lx = Gazetteers::embedded().currency();
        let mut found = 0;
        for line in crate::testing::fixture_lines() {
            let b = line.as_bytes();
            for (i, &c) in b.iter().enumerate() {
                let edge = c.is_ascii_digit()
                    && (i == 0
                        || !b[i - 1].is_ascii_digit()
                        || b.get(i + 1).is_none_or(|n| !n.is_ascii_digit()));
                if !edge {
                    continue;
                }
                let from = crate::text::floor(&line, i.saturating_sub(32));
                let window = &line[from..crate::text::floor(&line, i)];
                let want = lx.before().find(window).map(|m| m.start());
                assert_eq!(lx.before_start(window), want, "before {window:?}");
                found += usize::from(want.is_some());
                let at = crate::text::ceil(&line, i + 1);
                let rest = &line[at..crate::text::floor(&line, (at + 80).min(line.len()))];
                let want = lx.after().find(rest).map(|m| m.end());
                assert_eq!(lx.after_end(rest), want, "after {rest:?}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 50, "{found} forms next to numbers");
    }

    #[test]
    fn the_forms_parts_are_small() {
        let lx = Gazetteers::embedded().currency();
        let parts = lx.parts();
        assert!(parts.split().is_some());
        let largest = |ps: &[super::Part]| ps.iter().map(|p| p.members.len()).max();
        // Every form in the part of each byte it can open with; only those.
        let total: usize = parts.after.iter().map(|p| p.members.len()).sum();
        assert!(total < lx.forms.len() * 3, "{total}");
        assert!(largest(&parts.after) < Some(lx.forms.len() / 8));
        assert!(largest(&parts.before) < Some(lx.forms.len() / 4));
    }

    #[test]
    fn odd_forms_are_found_by_byte_as_by_the_matchers_of_all() {
        let sign = |form: &str, any_case: bool| Sign {
            form: form.to_string(),
            iso: "USD",
            assumed: false,
            any_case,
        };
        let name = |singular: &str, adjectives: &[&str]| Name {
            iso: "EUR",
            singular: singular.to_string(),
            plural: format!("{singular}s"),
            adjectives: adjectives.iter().map(|a| a.to_string()).collect(),
            assumed: false,
            needs_scale: false,
        };
        let mut rows = Forms::default();
        for (f, any) in [
            (" $", false),
            (".$", true),
            ("x.$", true),
            ("a  b", false),
            ("q .", true),
            ("US . $", true),
            ("ſ$", true),
            ("\u{212a}$", true),
            ("€", false),
            ("ரூ", false),
            ("K.", true),
            ("S", true),
        ] {
            rows.signs.push(sign(f, any));
        }
        rows.codes.push(("USD".to_string(), "USD"));
        rows.codes.push(("SEK".to_string(), "SEK"));
        rows.names.push(name("tögrög", &["", "Mongolian"]));
        rows.names.push(name("kroner", &["", "Danish"]));
        rows.names.push(name("straße", &["sk"]));
        rows.names.push(name("sol", &["Peruvian  new", "ſ"]));
        let lx = Lexicon::build(&rows);
        let pieces = pieces_of(&rows);
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(300));
        runner
            .run(&prop::collection::vec(0..pieces.len(), 0..6), |picks| {
                let text: String = picks.iter().map(|&k| pieces[k].as_str()).collect();
                assert_reads_as_matchers(&lx, &text);
                Ok(())
            })
            .unwrap();
    }

    fn before(text: &str) -> Option<(&str, &'static str)> {
        let lx = Gazetteers::embedded().currency();
        let m = lx.before().find(text)?;
        let form = m.as_str().trim_end();
        Some((form, lx.meaning(form)?.iso))
    }

    fn after(text: &str) -> Option<(&str, &'static str)> {
        let lx = Gazetteers::embedded().currency();
        let m = lx.after().find(text)?;
        let form = m.as_str().trim_start();
        Some((form, lx.meaning(form)?.iso))
    }

    #[test]
    fn cue_words_ruled_out_by_shape_are_no_cue_words() {
        let cues = &Gazetteers::embedded().currency().cues;
        // The maps alone, without the look at the first byte and the length.
        let plain = |w: &[u8]| {
            cues.exact.get(w).copied().or_else(|| {
                let low: Vec<u8> = w.iter().map(u8::to_ascii_lowercase).collect();
                cues.any_case.get(&low).copied()
            })
        };
        let mut words: Vec<Vec<u8>> = cues
            .exact
            .keys()
            .chain(cues.any_case.keys())
            .cloned()
            .collect();
        let upper: Vec<Vec<u8>> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
        words.extend(upper);
        for w in [
            "", "of", "people", "years", "billion", "Million", "DONG", "dollars", "per", "Per",
            "percent", "tons", "USD", "usd", "VND", "x", "đồng", "€",
        ] {
            words.push(w.as_bytes().to_vec());
        }
        let mut found = 0;
        for w in words.iter().filter(|w| w.len() <= super::LONGEST_CUE) {
            assert_eq!(cues.word(w), plain(w), "{}", String::from_utf8_lossy(w));
            found += usize::from(plain(w).is_some());
        }
        assert!(found > 100, "{found} cue words");
    }

    #[test]
    fn forms_before_a_number() {
        let cases = [
            ("worth US$ ", Some(("US$", "USD"))),
            ("worth US$", Some(("US$", "USD"))),
            ("provide AU$", Some(("AU$", "AUD"))),
            ("with NZ$", Some(("NZ$", "NZD"))),
            ("worth VND ", Some(("VND", "VND"))),
            ("about c $ ", Some(("c $", "CAD"))),
            ("to hk $ ", Some(("hk $", "HKD"))),
            ("is u.s $ ", Some(("u.s $", "USD"))),
            ("spend AUD $", Some(("AUD $", "AUD"))),
            ("exceeds a $ ", Some(("$", "USD"))),
            ("paid Rs. ", Some(("Rs.", "INR"))),
            ("costs €", Some(("€", "EUR"))),
            ("ALL ", None),
            ("(COP ", None),
            ("call Bob ", None),
            ("basic ", None),
        ];
        for (text, want) in cases {
            assert_eq!(before(text), want, "{text:?}");
        }
    }

    #[test]
    fn forms_after_a_number() {
        let cases = [
            (" USD with Brazil", Some(("USD", "USD"))),
            (
                " australian dollars of",
                Some(("australian dollars", "AUD")),
            ),
            (" dollars", Some(("dollars", "USD"))),
            (" Kuwaiti dinars", Some(("Kuwaiti dinars", "KWD"))),
            (" yuan for", Some(("yuan", "CNY"))),
            ("€,", Some(("€", "EUR"))),
            (" MUSD were", Some(("MUSD", "USD"))),
            (" swiss francs", Some(("swiss francs", "CHF"))),
            (" US$", Some(("US$", "USD"))),
            (" dinars", None),
            (" times", None),
        ];
        for (text, want) in cases {
            assert_eq!(after(text), want, "{text:?}");
        }
    }
}
