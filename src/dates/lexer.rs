//! Tokens of a line, for the date grammar: numbers, words and single punctuation
//! characters, each knowing whether whitespace separates it from the token before.
//!
//! Takes: one line of text. Gives: its [`Token`]s, in order, and which of them are
//! cues ([`Token::is_cue`]: numbers, month names, calendar nouns), the places the
//! grammar tries readings near.
//!
//! A hand-rolled scanner over bytes: it runs on every line of every document, and the
//! grammar needs exactly three things from it — where digits are, where letters are,
//! and what is glued to what (`14april`, `2/14/2021`, `6,107.31`, `COVID-19`).

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of ASCII digits, with its ordinal suffix if any (`1st`, `04th`).
    Num,
    /// A run of letters.
    Word,
    /// Any other single character.
    Punct,
}

/// One token of a line: 16 bytes, its byte range as two `u32`s and its yes-or-no
/// facts packed in one byte of flags ([`Token::glued`], [`Token::ordinal`],
/// [`Token::abbr`], [`Token::calendar`], [`Token::cap`]). A line of prose has a token
/// every five or six bytes, and the lexer writes each in one piece. (A line is lexed
/// only up to 4 GiB: [`super::grammar::scan`] reads a longer one in pieces.)
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    /// Byte range in the line ([`Token::start`], [`Token::end`]).
    start: u32,
    end: u32,
    /// `Num`: its value (saturated). `Punct`: the character's code point
    /// ([`Token::ch`]).
    pub value: u32,
    pub kind: Kind,
    /// `Num`: how many digits were written (saturated).
    pub digits: u8,
    /// `Word`: 1 to 12 when the word names a month (`March`, `sept`, `Dec`).
    pub month: u8,
    /// The flags: [`GLUED`], [`ORDINAL`], [`ABBR`], [`CALENDAR`], [`CAP`].
    flags: u8,
}

/// [`Token::glued`]'s flag.
const GLUED: u8 = 1;
/// [`Token::ordinal`]'s flag.
const ORDINAL: u8 = 2;
/// [`Token::abbr`]'s flag.
const ABBR: u8 = 4;
/// [`Token::calendar`]'s flag.
const CALENDAR: u8 = 8;
/// [`Token::cap`]'s flag: bit 5, the bit an ASCII letter has in lower case only
/// ([`lex_into`] takes it from the letter).
const CAP: u8 = 32;

impl Token {
    /// Where the token starts in the line.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the token ends in the line.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// How many bytes the token takes.
    #[inline]
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the token is a number, a month's name, or a noun of the calendar: a
    /// date's cue.
    pub fn is_cue(&self) -> bool {
        match self.kind {
            Kind::Num => true,
            Kind::Word => self.month > 0 || self.calendar(),
            Kind::Punct => false,
        }
    }

    /// No whitespace between this token and the one before.
    #[inline]
    pub fn glued(&self) -> bool {
        self.flags & GLUED != 0
    }

    /// `Num`: an ordinal suffix follows the digits (`1st`, `22nd`, `3rd`, `15th`).
    #[inline]
    pub fn ordinal(&self) -> bool {
        self.flags & ORDINAL != 0
    }

    /// `Word`: the month name is abbreviated (`Jan`, `Sept`).
    #[inline]
    pub fn abbr(&self) -> bool {
        self.flags & ABBR != 0
    }

    /// `Word`: a noun of the calendar ([`is_calendar_noun`]: `year`, `half`, a season).
    #[inline]
    pub fn calendar(&self) -> bool {
        self.flags & CALENDAR != 0
    }

    /// `Word`: the first letter is upper-case.
    #[inline]
    pub fn cap(&self) -> bool {
        self.flags & CAP != 0
    }

    /// `Punct`: the character (`'\0'` for the other kinds).
    #[inline]
    pub fn ch(&self) -> char {
        match self.kind {
            Kind::Punct => char::from_u32(self.value).unwrap_or('\0'),
            _ => '\0',
        }
    }

    /// Whether the token is the sign `c`.
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.value == u32::from(c)
    }
}

/// The tokens of `text`.
#[cfg(test)]
pub(super) fn lex(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    lex_into(text, &mut out, &mut Vec::new());
    out
}

/// The tokens of `text`, in `out`, and the indexes in `out` of its cues
/// ([`Token::is_cue`], in order), in `cues` (both cleared first): a
/// scanner keeps one buffer for every paragraph instead of allocating one the size of
/// each. `text` is at most `u32::MAX` bytes long.
///
/// One pass over the bytes, one test per token on the class of its first byte, most
/// common first. A word of ASCII letters is read from the eight bytes at its start, one
/// load: its length (eight bytes at a time, [`letters`]), its first two letters for
/// the cue-shape table ([`CUE_SHAPES`]) and the byte after it (a space, passed over
/// at once, or a letter of another script) all come from that word. A word of another
/// shape than a month's or a calendar noun's, followed by an ASCII byte, is written at
/// once, and so is an ASCII sign ([`ASCII_SIGN`]), and a number is read in the loop
/// ([`number`]); the other words ([`word`]), and other signs and words of other
/// scripts ([`other`]), are read out of the loop, which keeps it small.
#[inline(never)]
pub(super) fn lex_into(text: &str, out: &mut Vec<Token>, cues: &mut Vec<u32>) {
    let b = text.as_bytes();
    let n = b.len();
    debug_assert!(u32::try_from(n).is_ok());
    out.clear();
    cues.clear();
    out.reserve(n / 4);
    // The flag of the next token: `GLUED` when no whitespace comes before it.
    let mut glued = 0;
    let mut i = 0;
    while i < n {
        let c = b[i];
        if ASCII_LETTER[usize::from(c)] {
            // An ASCII letter (one look in a table: fewer steps than lowering it by
            // bit 5 and comparing). The eight bytes from here, zeros past the end (a
            // zero is no letter and no space).
            let w = if i + 8 <= n {
                u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default())
            } else {
                eight_at(b, i)
            };
            let run = (!crate::scan::ascii_letters(w) & HIGH).trailing_zeros() / 8;
            // The word's end, the byte after it, and its length capped at 15 for the
            // table below (a word of fewer than eight letters needs no cap).
            let (end, after, len) = if run < 8 {
                (i + run as usize, (w >> (run * 8)) as u8, run)
            } else {
                long_word(b, i)
            };
            // The lengths of the cue words opening with these two letters (the table
            // has no bit for one letter, nor for fifteen or more): the low five bits of
            // the first two bytes are the slot, as they stand in the word.
            let shape = CUE_SHAPES[(w & 0x1f1f) as usize];
            if after < 0x80 && shape >> len & 1 == 0 {
                // An ASCII letter is upper-case when its bit 5 is clear: the flag `CAP`
                // is that bit of `!c`.
                let cap = !c & CAP;
                out.push(Token {
                    start: i as u32,
                    end: end as u32,
                    value: 0,
                    kind: Kind::Word,
                    digits: 0,
                    month: 0,
                    flags: glued | cap,
                });
                // A space, the byte most often after a word, passed over at once.
                let space = after == b' ';
                glued = if space { 0 } else { GLUED };
                i = end + usize::from(space);
            } else {
                (i, glued) = word(text, i, end, glued, out, cues);
            }
        } else if ASCII_SIGN[usize::from(c)] {
            // An ASCII sign (`,`, `.`, `(`, `-`), the commonest token after a word: one
            // byte, never a cue, written here rather than through a call to [`other`].
            out.push(punct(i, i + 1, u32::from(c), glued));
            let space = b.get(i + 1) == Some(&b' ');
            glued = if space { 0 } else { GLUED };
            i += 1 + usize::from(space);
        } else if c.is_ascii_whitespace() {
            glued = 0;
            i += 1;
        } else if c.is_ascii_digit() {
            (i, glued) = number(b, i, glued, out, cues);
        } else {
            (i, glued) = other(text, i, glued, out, cues);
        }
    }
}

/// For a word of ASCII letters at `start` running on past its first eight bytes:
/// its end, the byte after it (0 at the end of `b`) and its length capped at 15. The
/// next eight bytes are read from one load, as [`lex_into`] reads the first eight; a
/// word of sixteen letters or more, or one near the end of `b`, is read on by
/// [`crate::scan::ascii_letters_end`].
#[inline(always)]
fn long_word(b: &[u8], start: usize) -> (usize, u8, u32) {
    if let Some(w) = crate::scan::word_at(b, start + 8) {
        let run = (!crate::scan::ascii_letters(w) & HIGH).trailing_zeros() / 8;
        if run < 8 {
            return (start + 8 + run as usize, (w >> (run * 8)) as u8, 8 + run);
        }
    }
    let end = crate::scan::ascii_letters_end(b, start + 8);
    let len = (end - start).min(15) as u32;
    (end, b.get(end).copied().unwrap_or(0), len)
}

/// Per byte, whether it is an ASCII letter: [`lex_into`] tells a word's start by it.
static ASCII_LETTER: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        table[c] = (c as u8).is_ascii_alphabetic();
        c += 1;
    }
    table
};

/// Per byte, whether it is an ASCII sign: ASCII, and neither a letter, a digit nor
/// whitespace. [`lex_into`] writes these one-byte tokens in its loop.
static ASCII_SIGN: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        let b = c as u8;
        table[c] = !b.is_ascii_alphanumeric() && !b.is_ascii_whitespace();
        c += 1;
    }
    table
};

/// Writes the token and, for a cue, its index, and passes over a space after it: the
/// next token's index and flag [`GLUED`].
#[inline]
fn push(
    b: &[u8],
    token: Token,
    cue: bool,
    out: &mut Vec<Token>,
    cues: &mut Vec<u32>,
) -> (usize, u8) {
    debug_assert_eq!(cue, token.is_cue());
    if cue {
        cues.push(out.len() as u32);
    }
    out.push(token);
    let i = token.end();
    // A space, the byte most often after a token, passed over at once.
    if b.get(i) == Some(&b' ') {
        (i + 1, 0)
    } else {
        (i, GLUED)
    }
}

/// The word of ASCII letters from `start` to `end` that [`lex_into`] does not write at
/// once: a word whose letters run on in another script (`Thế`: never a cue), or one of
/// the length and first two letters of a month's name or a calendar noun, looked up
/// ([`cue_word`]). Gives what [`push`] gives.
#[inline(never)]
fn word(
    text: &str,
    start: usize,
    mut end: usize,
    glued: u8,
    out: &mut Vec<Token>,
    cues: &mut Vec<u32>,
) -> (usize, u8) {
    let b = text.as_bytes();
    let cap = if b[start] <= b'Z' { CAP } else { 0 };
    let (month, flags) = if b.get(end).is_some_and(|&c| c >= 0x80) && starts_letter(&text[end..]) {
        end = word_end(text, end);
        (0, 0)
    } else if shaped_like_cue(&b[start..end]) {
        cue_word(b, start, end)
    } else {
        (0, 0)
    };
    let cue = month > 0 || flags & CALENDAR != 0;
    let token = word_token(start, end, month, glued | cap | flags);
    push(b, token, cue, out, cues)
}

/// The token at `start` that opens with no ASCII letter nor whitespace: a number
/// ([`number`]), a sign, or a word of other scripts' letters ([`lex_into`] writes ASCII
/// signs and reads numbers itself; this reads them too). Gives what [`push`] gives.
#[inline(never)]
fn other(
    text: &str,
    start: usize,
    glued: u8,
    out: &mut Vec<Token>,
    cues: &mut Vec<u32>,
) -> (usize, u8) {
    let b = text.as_bytes();
    let c = b[start];
    if c.is_ascii_digit() {
        return number(b, start, glued, out, cues);
    }
    // Each branch gives the token and whether it is a cue ([`Token::is_cue`]).
    let (token, cue) = if c < 0x80 {
        // ASCII punctuation: one byte, its own code point.
        (punct(start, start + 1, u32::from(c), glued), false)
    } else if starts_letter(&text[start..]) {
        let end = word_end(text, start);
        let cap = text[start..].chars().next().is_some_and(char::is_uppercase);
        (
            word_token(start, end, 0, glued | if cap { CAP } else { 0 }),
            false,
        )
    } else {
        let ch = text[start..].chars().next().unwrap_or('\0');
        // A sign is never a cue.
        (
            punct(start, start + ch.len_utf8(), u32::from(ch), glued),
            false,
        )
    };
    push(b, token, cue, out, cues)
}

/// The number whose first digit is at `start`, with its ordinal suffix (`1st`) or the
/// `FY` before it (`FY2019`), written and passed over as [`push`] does: the commonest
/// token after words and signs, read in [`lex_into`]'s loop.
#[inline(always)]
fn number(
    b: &[u8],
    start: usize,
    glued: u8,
    out: &mut Vec<Token>,
    cues: &mut Vec<u32>,
) -> (usize, u8) {
    let n = b.len();
    let mut i = start;
    // The value saturates at `u32::MAX`: ten times a `u32` and a digit fit in a
    // `u64`, so one cap per digit does what a saturating multiply and add do.
    let mut wide = 0u64;
    while i < n && b[i].is_ascii_digit() {
        wide = (wide * 10 + u64::from(b[i] - b'0')).min(u64::from(u32::MAX));
        i += 1;
    }
    let value = wide as u32;
    let digits = u8::try_from(i - start).unwrap_or(u8::MAX);
    let ordinal = i + 2 <= n
        && matches!(
            [b[i] | 0x20, b[i + 1] | 0x20],
            [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
        )
        && b.get(i + 2).is_none_or(|c| !c.is_ascii_alphabetic());
    if ordinal {
        i += 2;
    }
    let mut t = Token {
        start: start as u32,
        end: i as u32,
        value,
        kind: Kind::Num,
        digits,
        month: 0,
        flags: glued | if ordinal { ORDINAL } else { 0 },
    };
    // `FY2019`, `FY 2023`: a fiscal year is read as its year, the `FY` kept in the
    // token's text.
    if digits == 4
        && let Some(fy) = out.last()
        && fy.kind == Kind::Word
        && &b[fy.start()..fy.end()] == b"FY"
    {
        t.start = fy.start;
        t.flags = (t.flags & !GLUED) | (fy.flags & GLUED);
        out.pop();
    }
    // A number is always a cue.
    push(b, t, true, out, cues)
}

/// The high bit of each byte of a word.
const HIGH: u64 = crate::scan::HIGH;

/// The fewer than eight bytes of `b` from `i` to its end as one little-endian word,
/// zeros after them.
#[cold]
fn eight_at(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    let rest = &b[i..];
    w[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(w)
}

/// A sign's token.
#[inline]
fn punct(start: usize, end: usize, value: u32, flags: u8) -> Token {
    Token {
        start: start as u32,
        end: end as u32,
        value,
        kind: Kind::Punct,
        digits: 0,
        month: 0,
        flags,
    }
}

/// A word token.
#[inline]
fn word_token(start: usize, end: usize, month: u8, flags: u8) -> Token {
    Token {
        start: start as u32,
        end: end as u32,
        value: 0,
        kind: Kind::Word,
        digits: 0,
        month,
        flags,
    }
}

/// Where the word of `text` whose letters run on at `i` ends: ASCII letters and
/// letters of other scripts, up to the first character that is neither.
fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        i = crate::scan::ascii_letters_end(b, i);
        match text[i..].chars().next() {
            Some(c) if !c.is_ascii() && c.is_alphabetic() => i += c.len_utf8(),
            _ => return i,
        }
    }
}

/// What the word of ASCII letters of `b` from `start` to `end` says as a cue: the
/// month it names (0 for none), and the flags [`ABBR`] (an abbreviated month name) and
/// [`CALENDAR`] (a noun of the calendar): [`month_of`] and [`is_calendar_noun`] at
/// once, for a word [`shaped_like_cue`]. One hashed look-up ([`CUE_KEYS`]) instead
/// of a search of the lists.
fn cue_word(b: &[u8], start: usize, end: usize) -> (u8, u8) {
    let len = end - start;
    if len > 9 {
        return (0, 0);
    }
    let w = crate::scan::word_at(b, start).unwrap_or_else(|| {
        b[start..end]
            .iter()
            .rev()
            .fold(0, |w, &c| w << 8 | u64::from(c))
    });
    let key = (w | 0x2020_2020_2020_2020) & (u64::MAX >> (64 - 8 * len.min(8)));
    let e = &CUE_KEYS[cue_slot(key)];
    let ninth = b.get(start + 8).map_or(0, |&c| c | 0x20);
    if e.key == key && usize::from(e.len) == len && (len < 9 || ninth == e.ninth) {
        (e.month, e.flags)
    } else {
        (0, 0)
    }
}

/// The multiplier of [`cue_slot`]'s hash: one under which no two words of
/// [`CUE_KEYS`] share a slot (its table would not build otherwise).
const CUE_HASH: u64 = 0x8711_3fc5_eb46_e1f9;

/// The slot of [`CUE_KEYS`] a word's key is looked for at.
#[inline]
const fn cue_slot(key: u64) -> usize {
    (key.wrapping_mul(CUE_HASH) >> 58) as usize
}

/// A cue word in [`CUE_KEYS`]: its key (its first eight letters, lower case, as a
/// little-endian number), its length, its ninth letter (0 for a shorter word), the
/// month it names (0 for none) and its flags ([`ABBR`], [`CALENDAR`]).
#[derive(Clone, Copy)]
struct CueKey {
    key: u64,
    len: u8,
    ninth: u8,
    month: u8,
    flags: u8,
}

/// The [`MONTH_WORDS`] and [`CALENDAR_NOUNS`], each at the slot of its key
/// ([`cue_slot`]); the other slots hold no word (length 0).
static CUE_KEYS: [CueKey; 64] = {
    let none = CueKey {
        key: 0,
        len: 0,
        ninth: 0,
        month: 0,
        flags: 0,
    };
    let mut table = [none; 64];
    let mut k = 0;
    while k < MONTH_WORDS.len() + CALENDAR_NOUNS.len() {
        let (w, month, flags) = if k < MONTH_WORDS.len() {
            let (w, month, abbr) = MONTH_WORDS[k];
            (w.as_bytes(), month, if abbr { ABBR } else { 0 })
        } else {
            (
                CALENDAR_NOUNS[k - MONTH_WORDS.len()].as_bytes(),
                0,
                CALENDAR,
            )
        };
        assert!(w.len() <= 9);
        let mut key = 0u64;
        let mut j = 0;
        while j < w.len() && j < 8 {
            key |= (w[j] as u64) << (8 * j);
            j += 1;
        }
        let slot = cue_slot(key);
        assert!(table[slot].len == 0, "two cue words share a slot");
        table[slot] = CueKey {
            key,
            len: w.len() as u8,
            ninth: if w.len() > 8 { w[8] } else { 0 },
            month,
            flags,
        };
        k += 1;
    }
    table
};

/// A short word lowered to ASCII lower case in a buffer of `N` bytes, with its length;
/// none when it is longer.
#[inline]
pub(super) fn lowered<const N: usize>(word: &[u8]) -> Option<([u8; N], usize)> {
    if word.len() > N {
        return None;
    }
    let mut low = [0u8; N];
    for (l, c) in low.iter_mut().zip(word) {
        *l = c.to_ascii_lowercase();
    }
    Some((low, word.len()))
}

/// The months' names and abbreviations, in lower case: (word, month, abbreviated).
const MONTH_WORDS: [(&str, u8, bool); 24] = [
    ("january", 1, false),
    ("february", 2, false),
    ("march", 3, false),
    ("april", 4, false),
    ("may", 5, false),
    ("june", 6, false),
    ("july", 7, false),
    ("august", 8, false),
    ("september", 9, false),
    ("october", 10, false),
    ("november", 11, false),
    ("december", 12, false),
    ("jan", 1, true),
    ("feb", 2, true),
    ("mar", 3, true),
    ("apr", 4, true),
    ("jun", 6, true),
    ("jul", 7, true),
    ("aug", 8, true),
    ("sep", 9, true),
    ("sept", 9, true),
    ("oct", 10, true),
    ("nov", 11, true),
    ("dec", 12, true),
];

/// The nouns of the calendar the rules without digits read, in lower case.
const CALENDAR_NOUNS: [&str; 10] = [
    "year", "years", "month", "months", "half", "quarter", "spring", "summer", "autumn", "fall",
];

/// The slot of [`CUE_SHAPES`] of a word opening with the bytes `a` and `b`: their low
/// five bits, `a`'s as the low byte of the slot and `b`'s as the high one, which is
/// what a little-endian load of the word masked with `0x1f1f` gives ([`lex_into`]).
#[inline]
const fn shape_slot(a: u8, b: u8) -> usize {
    (a & 0x1f) as usize | ((b & 0x1f) as usize) << 8
}

/// Per first two letters (each by its low five bits, which tell the letters apart in
/// either case: `a` and `A` are 1, `z` and `Z` 26; at [`shape_slot`]), the lengths (as
/// bits) of the [`MONTH_WORDS`] and [`CALENDAR_NOUNS`] opening with them: what
/// [`lex_into`] and [`shaped_like_cue`] let through to the look-ups. The slots of
/// one second letter lie in 64 bytes.
static CUE_SHAPES: [u16; 0x1f20] = {
    let mut table = [0u16; 0x1f20];
    let mut k = 0;
    while k < MONTH_WORDS.len() + CALENDAR_NOUNS.len() {
        let w = if k < MONTH_WORDS.len() {
            MONTH_WORDS[k].0.as_bytes()
        } else {
            CALENDAR_NOUNS[k - MONTH_WORDS.len()].as_bytes()
        };
        // [`lex_into`] reads no bit for one letter, nor for fifteen or more.
        assert!(w.len() >= 2 && w.len() < 15);
        table[shape_slot(w[0], w[1])] |= 1 << w.len();
        k += 1;
    }
    table
};

/// Whether a word of ASCII letters has the length and the first two letters of a
/// month's name or a calendar noun ([`CUE_SHAPES`]): most words fail here.
#[inline]
fn shaped_like_cue(word: &[u8]) -> bool {
    match *word {
        [a, b, ..] if word.len() < 16 => CUE_SHAPES[shape_slot(a, b)] & (1 << word.len()) != 0,
        _ => false,
    }
}

/// Whether a word, in any ASCII case, has the first two letters and the length of a
/// month's name or a calendar noun: most words fail here, on one look in a table.
/// (The lexer tells cues by [`cue_word`]; this and the two below serve the tests.)
#[cfg(test)]
#[inline]
fn may_be_cue(word: &[u8]) -> bool {
    match *word {
        [a, b, ..] => a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && shaped_like_cue(word),
        _ => false,
    }
}

/// Whether a word, in any case, is a noun of the calendar the rules without digits
/// read: `year`, `month`, `half`, `quarter`, a season ([`CALENDAR_NOUNS`]).
#[cfg(test)]
pub(super) fn is_calendar_noun(word: &[u8]) -> bool {
    if !may_be_cue(word) {
        return false;
    }
    let Some((low, len)) = lowered::<7>(word) else {
        return false;
    };
    CALENDAR_NOUNS.iter().any(|n| n.as_bytes() == &low[..len])
}

fn starts_letter(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
}

/// The month a word names ([`MONTH_WORDS`], in any ASCII case), and whether it is
/// abbreviated.
#[cfg(test)]
pub(super) fn month_of(word: &[u8]) -> Option<(u8, bool)> {
    if !may_be_cue(word) || !word.is_ascii() {
        return None;
    }
    let (buf, len) = lowered::<9>(word)?;
    MONTH_WORDS
        .iter()
        .find(|m| m.0.as_bytes() == &buf[..len])
        .map(|&(_, month, abbr)| (month, abbr))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The lexer as it was before it read a word's length, first letters and next byte
    /// from one load and took numbers, signs and other scripts out of its loop: the
    /// reference [`lex_into`] is held to.
    fn reference_lex(text: &str) -> (Vec<Token>, Vec<u32>) {
        let b = text.as_bytes();
        let n = b.len();
        let (mut out, mut cues): (Vec<Token>, Vec<u32>) = (Vec::new(), Vec::new());
        let mut glued = 0;
        let mut i = 0;
        while i < n {
            let start = i;
            let c = b[i];
            let (token, cue) = if (c | 0x20).wrapping_sub(b'a') < 26 {
                i = crate::scan::ascii_letters_end(b, i);
                let cap = if c <= b'Z' { CAP } else { 0 };
                if i < n && b[i] >= 0x80 && starts_letter(&text[i..]) {
                    i = word_end(text, i);
                    (word_token(start, i, 0, glued | cap), false)
                } else {
                    let (month, flags) = if shaped_like_cue(&b[start..i]) {
                        reference_cue_word(&b[start..i])
                    } else {
                        (0, 0)
                    };
                    let cue = month > 0 || flags & CALENDAR != 0;
                    (word_token(start, i, month, glued | cap | flags), cue)
                }
            } else if c.is_ascii_whitespace() {
                glued = 0;
                i += 1;
                continue;
            } else if c.is_ascii_digit() {
                let mut value = 0u32;
                while i < n && b[i].is_ascii_digit() {
                    value = value
                        .saturating_mul(10)
                        .saturating_add(u32::from(b[i] - b'0'));
                    i += 1;
                }
                let digits = u8::try_from(i - start).unwrap_or(u8::MAX);
                let ordinal = i + 2 <= n
                    && matches!(
                        [b[i] | 0x20, b[i + 1] | 0x20],
                        [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
                    )
                    && b.get(i + 2).is_none_or(|c| !c.is_ascii_alphabetic());
                if ordinal {
                    i += 2;
                }
                let mut t = Token {
                    start: start as u32,
                    end: i as u32,
                    value,
                    kind: Kind::Num,
                    digits,
                    month: 0,
                    flags: glued | if ordinal { ORDINAL } else { 0 },
                };
                if digits == 4
                    && let Some(fy) = out.last()
                    && fy.kind == Kind::Word
                    && &b[fy.start()..fy.end()] == b"FY"
                {
                    t.start = fy.start;
                    t.flags = (t.flags & !GLUED) | (fy.flags & GLUED);
                    out.pop();
                }
                (t, true)
            } else if c >= 0x80 && starts_letter(&text[i..]) {
                i = word_end(text, i);
                let cap = text[start..].chars().next().is_some_and(char::is_uppercase);
                (
                    word_token(start, i, 0, glued | if cap { CAP } else { 0 }),
                    false,
                )
            } else {
                let ch = text[i..].chars().next().unwrap_or('\0');
                i += ch.len_utf8();
                (punct(start, i, u32::from(ch), glued), false)
            };
            if cue {
                cues.push(out.len() as u32);
            }
            out.push(token);
            if i < n && b[i] == b' ' {
                glued = 0;
                i += 1;
            } else {
                glued = GLUED;
            }
        }
        (out, cues)
    }

    /// What an ASCII word says as a cue, as [`cue_word`] said it before it looked the
    /// word up by its hashed key: the word lowered and searched for in the lists. The
    /// reference [`cue_word`] is held to.
    fn reference_cue_word(word: &[u8]) -> (u8, u8) {
        let Some((low, len)) = lowered::<9>(word) else {
            return (0, 0);
        };
        let low = &low[..len];
        if let Some(&(_, month, abbr)) = MONTH_WORDS.iter().find(|m| m.0.as_bytes() == low) {
            return (month, if abbr { ABBR } else { 0 });
        }
        let noun = CALENDAR_NOUNS.iter().any(|w| w.as_bytes() == low);
        (0, if noun { CALENDAR } else { 0 })
    }

    /// [`cue_word`] says what [`reference_cue_word`] says: on the cue words and words
    /// one letter off them or sharing their first eight letters, in three cases, every
    /// word of up to three of the letters cue words are made of, and every word of the
    /// fixtures; each alone and followed by more text.
    #[test]
    fn cue_words_are_told_as_the_reference_tells_them() {
        let mut words: Vec<Vec<u8>> = Vec::new();
        for w in MONTH_WORDS.iter().map(|m| m.0).chain(CALENDAR_NOUNS) {
            let w = w.as_bytes();
            words.push(w.to_vec());
            words.push([w, b"s"].concat());
            words.push(w[1..].to_vec());
            words.push(w[..w.len() - 1].to_vec());
            words.push([&w[..w.len() - 1], b"x"].concat());
            words.push([w, b"ber"].concat());
        }
        words.extend([
            b"septembex".to_vec(),
            b"septembers".to_vec(),
            b"decembe".to_vec(),
        ]);
        let letters = b"jfmasondyhqueritlcbpvgk";
        let mut short: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..3 {
            short = short
                .iter()
                .flat_map(|w| letters.iter().map(move |&c| [w.as_slice(), &[c]].concat()))
                .collect();
            words.extend(short.iter().cloned());
        }
        for (_, text) in crate::testing::fixture_texts() {
            for w in text.split(|c: char| !c.is_ascii_alphabetic()) {
                words.push(w.as_bytes().to_vec());
            }
        }
        let mut named = 0;
        for w in words.iter().filter(|w| !w.is_empty()) {
            let mut cap = w.clone();
            cap[0] = cap[0].to_ascii_uppercase();
            for form in [w.clone(), w.to_ascii_uppercase(), cap] {
                let want = reference_cue_word(&form);
                named += usize::from(want != (0, 0));
                for after in [&b""[..], b" and 2020", b"-12345678"] {
                    let text = [form.as_slice(), after].concat();
                    assert_eq!(
                        cue_word(&text, 0, form.len()),
                        want,
                        "{:?}",
                        String::from_utf8_lossy(&text)
                    );
                }
            }
        }
        assert!(named >= 3 * 34, "{named}");
    }

    /// Every fact of the tokens of `text` and its cues, as [`lex_into`] gives them and
    /// as [`reference_lex`] does.
    fn both(text: &str) -> (String, String) {
        let show = |(toks, cues): (Vec<Token>, Vec<u32>)| {
            let facts: Vec<_> = toks
                .iter()
                .map(|t| (t.start, t.end, t.value, t.kind, t.digits, t.month, t.flags))
                .collect();
            format!("{facts:?} {cues:?}")
        };
        let (mut toks, mut cues) = (Vec::new(), Vec::new());
        lex_into(text, &mut toks, &mut cues);
        (show((toks, cues)), show(reference_lex(text)))
    }

    /// Pieces that make tokens of every kind and the bytes around them: cue words and
    /// words of their shapes, long words, numbers and ordinals, `FY`, signs, spaces of
    /// every kind, and letters and signs of other scripts.
    const PIECES: &[&str] = &[
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "\x0b",
        "\x0c",
        ",",
        ".",
        "-",
        "/",
        "'",
        "’",
        "(",
        "$",
        "%",
        "\u{a0}",
        "ế",
        "ä",
        "Thế",
        "—",
        "ﬁ",
        "the",
        "The",
        "of",
        "FY",
        "Q",
        "s",
        "st",
        "th",
        "nd",
        "rd",
        "May",
        "may",
        "MARCH",
        "Sept",
        "sep",
        "dec",
        "December",
        "year",
        "Years",
        "month",
        "half",
        "quarter",
        "summer",
        "fall",
        "spring",
        "autumn",
        "mayor",
        "decade",
        "yea",
        "marches",
        "international",
        "Communication",
        "a",
        "x",
        "1",
        "4",
        "12",
        "31",
        "2020",
        "05",
        "99999999999",
        "1st",
        "4th",
        "3rd",
        "22nd",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// [`lex_into`] gives what [`reference_lex`] gives, on text made of the pieces
        /// in any order, glued or spaced.
        #[test]
        fn lexes_as_the_reference(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60)) {
            let text: String = pieces.concat();
            let (new, old) = both(&text);
            prop_assert_eq!(new, old, "{:?}", text);
        }
    }

    #[test]
    fn lexes_the_fixtures_as_the_reference() {
        for (_, text) in crate::testing::fixture_texts() {
            for line in text.lines() {
                let (new, old) = both(line);
                assert_eq!(new, old, "{line:?}");
            }
            let (new, old) = both(&text);
            assert_eq!(new, old);
        }
    }

    fn kinds(text: &str) -> Vec<(Kind, &str, bool)> {
        lex(text)
            .iter()
            .map(|t| (t.kind, &text[t.start()..t.end()], t.glued()))
            .collect()
    }

    #[test]
    fn numbers_words_and_glue() {
        use Kind::*;
        assert_eq!(
            kinds("on 1st May, 14april COVID-19"),
            [
                (Word, "on", false),
                (Num, "1st", false),
                (Word, "May", false),
                (Punct, ",", true),
                (Num, "14", false),
                (Word, "april", true),
                (Word, "COVID", false),
                (Punct, "-", true),
                (Num, "19", true),
            ]
        );
        let t = lex("04th 2020 Thế 1stly");
        assert!(t[0].ordinal() && t[0].value == 4 && t[0].digits == 2);
        assert_eq!((t[1].value, t[1].digits, t[1].ordinal()), (2020, 4, false));
        assert_eq!(t[2].kind, Kind::Word);
        assert!(!t[3].ordinal(), "a suffix glued to more letters is not one");
    }

    /// What [`month_of`] and [`is_calendar_noun`] say, spelled out word by word.
    fn spelled_out(word: &str) -> (Option<(u8, bool)>, bool) {
        let low = word.to_ascii_lowercase();
        let month = match low.as_str() {
            "january" => Some((1, false)),
            "february" => Some((2, false)),
            "march" => Some((3, false)),
            "april" => Some((4, false)),
            "may" => Some((5, false)),
            "june" => Some((6, false)),
            "july" => Some((7, false)),
            "august" => Some((8, false)),
            "september" => Some((9, false)),
            "october" => Some((10, false)),
            "november" => Some((11, false)),
            "december" => Some((12, false)),
            "jan" => Some((1, true)),
            "feb" => Some((2, true)),
            "mar" => Some((3, true)),
            "apr" => Some((4, true)),
            "jun" => Some((6, true)),
            "jul" => Some((7, true)),
            "aug" => Some((8, true)),
            "sep" | "sept" => Some((9, true)),
            "oct" => Some((10, true)),
            "nov" => Some((11, true)),
            "dec" => Some((12, true)),
            _ => None,
        };
        let noun = matches!(
            low.as_str(),
            "year"
                | "years"
                | "month"
                | "months"
                | "half"
                | "quarter"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
        );
        (month, noun)
    }

    #[test]
    fn months_and_calendar_nouns_are_told_as_spelled_out() {
        // Every ASCII word of up to three letters made of the letters that open or
        // end a cue word, the cue words, and words that open or end as they do; in
        // three cases each.
        let letters = b"jfmasondyhqueritlcbpvgk";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut all = Vec::new();
        for _ in 0..3 {
            words = words
                .iter()
                .flat_map(|w| letters.iter().map(move |&c| [w.as_slice(), &[c]].concat()))
                .collect();
            all.extend(words.iter().cloned());
        }
        let cues = "january february march april may june july august september october \
                    november december jan feb mar apr jun jul aug sep sept oct nov dec \
                    year years month months half quarter spring summer autumn fall \
                    janu marches mayor sepia septs decade novel octave augury aprils \
                    yearly yea halves quarters springs fallen mont monthly summit autumnal \
                    junes julys februarys septembers";
        for cue in cues.split_whitespace() {
            all.push(cue.as_bytes().to_vec());
        }
        let mut named = 0;
        for w in all {
            for form in [w.clone(), w.to_ascii_uppercase(), {
                let mut c = w.clone();
                c[0] = c[0].to_ascii_uppercase();
                c
            }] {
                let word = std::str::from_utf8(&form).unwrap();
                let (month, noun) = spelled_out(word);
                assert_eq!(month_of(word.as_bytes()), month, "{word}");
                assert_eq!(is_calendar_noun(&form), noun, "{word}");
                named += usize::from(month.is_some() || noun);
            }
        }
        // The cue words, in three cases, and the abbreviations again among the short
        // words.
        assert_eq!(named, 3 * (24 + 10 + 12), "{named}");
        for word in ["Mä", "mäy", "Ma", "M", "", "Marche", "ﬁrst", "Thế"] {
            assert_eq!(month_of(word.as_bytes()), None, "{word}");
            assert!(!is_calendar_noun(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn the_cues_are_the_numbers_months_and_calendar_nouns() {
        let text = "In FY2019 and early May, the second half of the year, 3rd Sept; Thế 1stly";
        let mut toks = Vec::new();
        let mut cues = Vec::new();
        lex_into(text, &mut toks, &mut cues);
        let words: Vec<&str> = cues
            .iter()
            .map(|&k| &text[toks[k as usize].start()..toks[k as usize].end()])
            .collect();
        assert_eq!(words, ["FY2019", "May", "half", "year", "3rd", "Sept", "1"]);
        // On every line of the fixtures: the listed tokens are the cues, all of them.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                lex_into(line, &mut toks, &mut cues);
                let want: Vec<u32> = (0..toks.len() as u32)
                    .filter(|&k| toks[k as usize].is_cue())
                    .collect();
                assert_eq!(cues, want, "{line}");
            }
        }
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_of(b"Sept"), Some((9, true)));
        assert_eq!(month_of(b"DECEMBER"), Some((12, false)));
        assert_eq!(month_of(b"Ma"), None);
        assert_eq!(month_of(b"Marche"), None);
    }
}
