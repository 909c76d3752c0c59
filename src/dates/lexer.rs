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
    /// `Word`: the first letter is upper-case.
    pub cap: bool,
    /// `Punct`: the character.
    pub ch: char,
}

impl Token {
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
            cap: false,
            ch: '\0',
        }
    }
}

/// The tokens of `text`.
pub(super) fn lex(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 4);
    let mut i = 0;
    let mut glued = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            glued = false;
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let digits = i - start;
            let value = b[start..i].iter().fold(0u32, |v, d| {
                v.saturating_mul(10).saturating_add(u32::from(d - b'0'))
            });
            let ordinal = i + 2 <= b.len()
                && matches!(
                    [b[i].to_ascii_lowercase(), b[i + 1].to_ascii_lowercase()],
                    [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
                )
                && b.get(i + 2).is_none_or(|n| !n.is_ascii_alphabetic());
            if ordinal {
                i += 2;
            }
            let mut t = Token::new(Kind::Num, start, i, glued);
            t.value = value;
            t.digits = u8::try_from(digits).unwrap_or(u8::MAX);
            t.ordinal = ordinal;
            out.push(t);
        } else if c.is_ascii_alphabetic() || (c >= 0x80 && starts_letter(&text[i..])) {
            while i < b.len() {
                if b[i].is_ascii_alphabetic() {
                    i += 1;
                } else if b[i] >= 0x80 && starts_letter(&text[i..]) {
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                } else {
                    break;
                }
            }
            let mut t = Token::new(Kind::Word, start, i, glued);
            let word = &text[start..i];
            if let Some((m, abbr)) = month_of(word) {
                t.month = m;
                t.abbr = abbr;
            }
            t.cap = word.chars().next().is_some_and(char::is_uppercase);
            out.push(t);
        } else {
            let ch = text[i..].chars().next().unwrap_or('\0');
            i += ch.len_utf8().max(1);
            let mut t = Token::new(Kind::Punct, start, i, glued);
            t.ch = ch;
            out.push(t);
        }
        glued = true;
    }
    out
}

fn starts_letter(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
}

/// The month a word names, and whether it is abbreviated.
pub(super) fn month_of(word: &str) -> Option<(u8, bool)> {
    if !(3..=9).contains(&word.len()) || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 9];
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    Some(match &buf[..word.len()] {
        b"january" => (1, false),
        b"february" => (2, false),
        b"march" => (3, false),
        b"april" => (4, false),
        b"may" => (5, false),
        b"june" => (6, false),
        b"july" => (7, false),
        b"august" => (8, false),
        b"september" => (9, false),
        b"october" => (10, false),
        b"november" => (11, false),
        b"december" => (12, false),
        b"jan" => (1, true),
        b"feb" => (2, true),
        b"mar" => (3, true),
        b"apr" => (4, true),
        b"jun" => (6, true),
        b"jul" => (7, true),
        b"aug" => (8, true),
        b"sep" | b"sept" => (9, true),
        b"oct" => (10, true),
        b"nov" => (11, true),
        b"dec" => (12, true),
        _ => return None,
    })
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

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_of("Sept"), Some((9, true)));
        assert_eq!(month_of("DECEMBER"), Some((12, false)));
        assert_eq!(month_of("Ma"), None);
        assert_eq!(month_of("Marche"), None);
    }
}
