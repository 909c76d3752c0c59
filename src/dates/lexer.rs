//! Tokens of a line, for the date grammar: numbers, words and single punctuation
//! characters, each knowing whether whitespace separates it from the token before.
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

/// One token of a line.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub kind: Kind,
    /// Byte range in the line.
    pub start: usize,
    pub end: usize,
    /// No whitespace between this token and the one before.
    pub glued: bool,
    /// `Num`: its value (saturated); `digits`: how many digits were written.
    pub value: u32,
    pub digits: u8,
    /// `Num`: an ordinal suffix follows the digits (`1st`, `22nd`, `3rd`, `15th`).
    pub ordinal: bool,
    /// `Word`: 1 to 12 when the word names a month (`March`, `sept`, `Dec`).
    pub month: u8,
    /// `Word`: the month name is abbreviated (`Jan`, `Sept`).
    pub abbr: bool,
    /// `Word`: a noun of the calendar ([`is_calendar_noun`]: `year`, `half`, a season).
    pub calendar: bool,
    /// `Word`: the first letter is upper-case.
    pub cap: bool,
    /// `Punct`: the character.
    pub ch: char,
}

impl Token {
    /// Whether the token is a number, a month's name, or a noun of the calendar: a
    /// date's cue.
    pub fn is_cue(&self) -> bool {
        match self.kind {
            Kind::Num => true,
            Kind::Word => self.month > 0 || self.calendar,
            Kind::Punct => false,
        }
    }

    fn new(kind: Kind, start: usize, end: usize, glued: bool) -> Token {
        Token {
            kind,
            start,
            end,
            glued,
            value: 0,
            digits: 0,
            ordinal: false,
            month: 0,
            abbr: false,
            calendar: false,
            cap: false,
            ch: '\0',
        }
    }
}

/// What a byte starts: whitespace, a digit, an ASCII letter, other ASCII, or a
/// multi-byte character.
const SPACE: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const OTHER: u8 = 3;
const MULTI: u8 = 4;

static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        table[i] = if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c >= 0x80 {
            MULTI
        } else {
            OTHER
        };
        i += 1;
    }
    table
};

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
/// each.
pub(super) fn lex_into(text: &str, out: &mut Vec<Token>, cues: &mut Vec<u32>) {
    let b = text.as_bytes();
    let n = b.len();
    out.clear();
    cues.clear();
    out.reserve(n / 5);
    let mut i = 0;
    let mut glued = false;
    while i < n {
        let class = CLASS[usize::from(b[i])];
        if class == SPACE {
            glued = false;
            i += 1;
            continue;
        }
        let start = i;
        let letter = class == LETTER || (class == MULTI && starts_letter(&text[i..]));
        if class == DIGIT {
            i += 1;
            while i < n && CLASS[usize::from(b[i])] == DIGIT {
                i += 1;
            }
            let digits = i - start;
            let value = b[start..i].iter().fold(0u32, |v, d| {
                v.saturating_mul(10).saturating_add(u32::from(d - b'0'))
            });
            let ordinal = i + 2 <= n
                && matches!(
                    [b[i] | 0x20, b[i + 1] | 0x20],
                    [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
                )
                && b.get(i + 2)
                    .is_none_or(|&c| CLASS[usize::from(c)] != LETTER);
            if ordinal {
                i += 2;
            }
            let mut t = Token::new(Kind::Num, start, i, glued);
            t.value = value;
            t.digits = u8::try_from(digits).unwrap_or(u8::MAX);
            t.ordinal = ordinal;
            // `FY2019`, `FY 2023`: a fiscal year is read as its year, the `FY` kept in
            // the token's text.
            if digits == 4
                && let Some(fy) = out.last()
                && fy.kind == Kind::Word
                && &text[fy.start..fy.end] == "FY"
            {
                t.start = fy.start;
                t.glued = fy.glued;
                out.pop();
            }
            // A number is always a cue ([`Token::is_cue`]).
            cues.push(out.len() as u32);
            out.push(t);
        } else if letter {
            loop {
                i = crate::scan::ascii_letters_end(b, i);
                if i < n && CLASS[usize::from(b[i])] == MULTI && starts_letter(&text[i..]) {
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                } else {
                    break;
                }
            }
            let mut t = Token::new(Kind::Word, start, i, glued);
            let word = &text[start..i];
            // Month names and calendar nouns are ASCII: most words are passed over on
            // their first two letters and length, one look in a table.
            if class == LETTER && may_be_cue(word.as_bytes()) {
                if let Some((m, abbr)) = month_of(word) {
                    t.month = m;
                    t.abbr = abbr;
                } else {
                    t.calendar = is_calendar_noun(word.as_bytes());
                }
            }
            t.cap = if class == LETTER {
                b[start].is_ascii_uppercase()
            } else {
                word.chars().next().is_some_and(char::is_uppercase)
            };
            if t.is_cue() {
                cues.push(out.len() as u32);
            }
            out.push(t);
        } else {
            let ch = text[i..].chars().next().unwrap_or('\0');
            i += ch.len_utf8();
            let mut t = Token::new(Kind::Punct, start, i, glued);
            t.ch = ch;
            // A sign is never a cue.
            out.push(t);
        }
        glued = true;
    }
}

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

/// Per first two letters (lowered, `a` to `z` each), the lengths (as bits) of the
/// [`MONTH_WORDS`] and [`CALENDAR_NOUNS`] opening with them: what [`may_be_cue`]
/// lets through to [`month_of`] and [`is_calendar_noun`].
static CUE_SHAPES: [u16; 26 * 26] = {
    let mut table = [0u16; 26 * 26];
    let mut k = 0;
    while k < MONTH_WORDS.len() + CALENDAR_NOUNS.len() {
        let w = if k < MONTH_WORDS.len() {
            MONTH_WORDS[k].0.as_bytes()
        } else {
            CALENDAR_NOUNS[k - MONTH_WORDS.len()].as_bytes()
        };
        table[(w[0] - b'a') as usize * 26 + (w[1] - b'a') as usize] |= 1 << w.len();
        k += 1;
    }
    table
};

/// Whether a word, in any ASCII case, has the first two letters and the length of a
/// month's name or a calendar noun: most words fail here, on one look in a table.
#[inline]
fn may_be_cue(word: &[u8]) -> bool {
    let &[a, b, ..] = word else {
        return false;
    };
    // An ASCII letter, and only one, lowers into `a..=z` by its bit 5.
    let (a, b) = (a | 0x20, b | 0x20);
    word.len() < 16
        && a.is_ascii_lowercase()
        && b.is_ascii_lowercase()
        && CUE_SHAPES[usize::from(a - b'a') * 26 + usize::from(b - b'a')] & (1 << word.len()) != 0
}

/// Whether a word, in any case, is a noun of the calendar the rules without digits
/// read: `year`, `month`, `half`, `quarter`, a season ([`CALENDAR_NOUNS`]).
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
pub(super) fn month_of(word: &str) -> Option<(u8, bool)> {
    if !may_be_cue(word.as_bytes()) || !word.is_ascii() {
        return None;
    }
    let (buf, len) = lowered::<9>(word.as_bytes())?;
    MONTH_WORDS
        .iter()
        .find(|m| m.0.as_bytes() == &buf[..len])
        .map(|&(_, month, abbr)| (month, abbr))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str, bool)> {
        lex(text)
            .iter()
            .map(|t| (t.kind, &text[t.start..t.end], t.glued))
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
        assert!(t[0].ordinal && t[0].value == 4 && t[0].digits == 2);
        assert_eq!((t[1].value, t[1].digits, t[1].ordinal), (2020, 4, false));
        assert_eq!(t[2].kind, Kind::Word);
        assert!(!t[3].ordinal, "a suffix glued to more letters is not one");
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
                assert_eq!(month_of(word), month, "{word}");
                assert_eq!(is_calendar_noun(&form), noun, "{word}");
                named += usize::from(month.is_some() || noun);
            }
        }
        // The cue words, in three cases, and the abbreviations again among the short
        // words.
        assert_eq!(named, 3 * (24 + 10 + 12), "{named}");
        for word in ["Mä", "mäy", "Ma", "M", "", "Marche", "ﬁrst", "Thế"] {
            assert_eq!(month_of(word), None, "{word}");
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
            .map(|&k| &text[toks[k as usize].start..toks[k as usize].end])
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
        assert_eq!(month_of("Sept"), Some((9, true)));
        assert_eq!(month_of("DECEMBER"), Some((12, false)));
        assert_eq!(month_of("Ma"), None);
        assert_eq!(month_of("Marche"), None);
    }
}
