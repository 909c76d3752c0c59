//! The currency lexicon: the signs, codes and names that make a number an amount of
//! money, each with its ISO 4217 code.
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

use regex::Regex;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

/// Where a currency form stands relative to its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A sign: before or after.
    Sign,
    /// An ISO code (or a million-prefixed one): before or after.
    Code,
    /// A name: after only.
    Name,
}

/// What a currency form means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Meaning {
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

/// Signs: (form, ISO, assumed, case-insensitive). `$`-forms with a country prefix may
/// have one space before the `$` (`US $`, `c $` in tokenized text).
const SIGNS: &[(&str, &str, bool, bool)] = &[
    ("$", "USD", true, false),
    ("US$", "USD", false, true),
    ("U.S.$", "USD", false, true),
    ("U.S$", "USD", false, true),
    ("USD$", "USD", false, true),
    ("AU$", "AUD", false, false),
    ("A$", "AUD", false, false),
    ("AUD$", "AUD", false, true),
    ("NZ$", "NZD", false, false),
    ("NZD$", "NZD", false, true),
    ("C$", "CAD", false, true),
    ("CA$", "CAD", false, false),
    ("CAN$", "CAD", false, false),
    ("CAD$", "CAD", false, true),
    ("HK$", "HKD", false, true),
    ("HKD$", "HKD", false, true),
    ("S$", "SGD", false, false),
    ("SG$", "SGD", false, false),
    ("SGD$", "SGD", false, true),
    ("NT$", "TWD", false, false),
    ("B$", "BND", false, false),
    ("BND$", "BND", false, true),
    ("MEX$", "MXN", false, true),
    ("MX$", "MXN", false, false),
    ("MXN$", "MXN", false, true),
    ("R$", "BRL", false, false),
    ("€", "EUR", false, false),
    ("£", "GBP", false, false),
    ("¥", "JPY", true, false),
    ("円", "JPY", false, false),
    ("元", "CNY", false, false),
    ("₫", "VND", false, false),
    ("₭", "LAK", false, false),
    ("៛", "KHR", false, false),
    ("₩", "KRW", false, false),
    ("฿", "THB", false, false),
    ("₱", "PHP", false, false),
    ("₹", "INR", false, false),
    ("₽", "RUB", false, false),
    ("₺", "TRY", false, false),
    ("₪", "ILS", false, false),
    ("₴", "UAH", false, false),
    ("₦", "NGN", false, false),
    ("₡", "CRC", false, false),
    ("₾", "GEL", false, false),
    ("₸", "KZT", false, false),
    ("ரூ", "LKR", false, false),
    ("Rs.", "INR", true, false),
    ("Rs", "INR", true, false),
    ("RM", "MYR", false, false),
    ("Rp", "IDR", false, false),
];

/// ISO 4217 codes read in capitals (active codes, and `RMB` for the renminbi).
const CODES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "GBP", "GEL", "GHS", "GMD", "GNF", "GTQ", "GYD", "HKD",
    "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES",
    "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
    "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN",
    "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP",
    "PKR", "PLN", "PYG", "QAR", "RMB", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
    "SEK", "SGD", "SLE", "SOS", "SRD", "SSP", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP",
    "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST",
    "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
    // Active codes the list above lacked, the special drawing right and precious
    // metals, and codes replaced since that older texts still write.
    "CUC", "FKP", "GIP", "SHP", "STN", "SVC", "VED", "XDR", "XAU", "XAG", "XPT", "XPD", "ZWG",
    "HRK", "SLL", "STD", "MRO", "VEF", "ZMK", "BYR", "LTL", "LVL", "EEK", "SKK", "CYP", "FRF",
    "NLG", "BEF", "ATS", "FIM", "IEP", "PTE", "GRD",
];

/// Three capital letters that are common words or acronyms, never read as a code the
/// lexicon does not list ([`shaped_code`]).
const NOT_CODES: &[&str] = &[
    "ADB", "AND", "ARE", "BUT", "CEO", "FDI", "FOR", "FTA", "GDP", "GHG", "GMT", "GNI", "GNP",
    "HAS", "HIV", "ICT", "IMF", "IPO", "ITS", "LNG", "MOU", "NEW", "NGO", "NOT", "ODA", "ONE",
    "OUR", "PPP", "PRC", "ROK", "SIX", "SME", "SOE", "TEN", "THE", "TWO", "UAE", "USA", "UTC",
    "VAT", "WAS", "WHO", "WTO",
];

/// An ISO-4217-shaped code that the lexicon does not list (`ZWG`, a code newer than
/// the lexicon): three capital letters that are no common word or acronym. The caller
/// reads it only next to an amount that writes a scale or groups its digits.
pub(super) fn shaped_code(word: &str) -> Option<Meaning> {
    let shaped = word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase());
    if !shaped || NOT_CODES.contains(&word) || WORD_CODES.contains(&word) {
        return None;
    }
    Some(Meaning {
        iso: intern(word),
        assumed: false,
        kind: Kind::Code,
        scale: 0,
        needs_scale: false,
    })
}

/// A code as a `&'static str`: the listed one, or one kept for the life of the
/// process (at most 26³ of them).
fn intern(code: &str) -> &'static str {
    use std::collections::BTreeSet;
    use std::sync::Mutex;
    if let Some(&known) = CODES.iter().find(|&&c| c == code) {
        return known;
    }
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

/// Codes that are also English words or common acronyms: never read before a number
/// (`ALL 5`, `COP 26`, `SAR 2020`), and `ALL` not after one either.
const WORD_CODES: &[&str] = &[
    "ALL", "AMD", "BAM", "BOB", "COP", "CUP", "GEL", "MAD", "MOP", "PEN", "SAR", "SOS", "TOP",
    "TRY",
];

/// Codes also read in lower case (`10 rmb 20 usd`, `usd 200`): none is an English word.
const LOWER_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "aud", "nzd", "cad", "chf", "sgd", "hkd", "vnd",
    "krw", "inr", "myr", "thb", "idr", "mxn",
];

/// Codes that take a million (`M`) or thousand (`k`, `K`) prefix in business writing
/// (`30 MUSD`, `MAUD 60`, `120 MEUR`).
const SCALED_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "AUD", "CAD", "CHF", "SEK", "NOK", "DKK", "JPY", "CNY", "NZD", "SGD",
];

/// Names: (adjectives, `""` standing for the bare name; singular; plural; ISO).
type NameRow = (
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static str,
);
const NAMES: &[NameRow] = &[
    (
        &["US", "U.S.", "American", "United States"],
        "dollar",
        "dollars",
        "USD",
    ),
    (&["Australian"], "dollar", "dollars", "AUD"),
    (&["Canadian"], "dollar", "dollars", "CAD"),
    (&["Hong Kong"], "dollar", "dollars", "HKD"),
    (&["New Zealand"], "dollar", "dollars", "NZD"),
    (&["Singapore", "Singaporean"], "dollar", "dollars", "SGD"),
    (
        &["Taiwan", "Taiwanese", "New Taiwan"],
        "dollar",
        "dollars",
        "TWD",
    ),
    (&["Brunei", "Bruneian"], "dollar", "dollars", "BND"),
    (&["Fiji", "Fijian"], "dollar", "dollars", "FJD"),
    (&["Jamaican"], "dollar", "dollars", "JMD"),
    (&["Namibian"], "dollar", "dollars", "NAD"),
    (&[""], "euro", "euros", "EUR"),
    (&["British"], "pound", "pounds", "GBP"),
    (&[""], "pound sterling", "pounds sterling", "GBP"),
    (&[""], "sterling", "sterling", "GBP"),
    (&["Egyptian"], "pound", "pounds", "EGP"),
    (&["Lebanese"], "pound", "pounds", "LBP"),
    (&["Syrian"], "pound", "pounds", "SYP"),
    (&["Sudanese"], "pound", "pounds", "SDG"),
    (&["South Sudanese"], "pound", "pounds", "SSP"),
    (&["", "Japanese"], "yen", "yen", "JPY"),
    (&["", "Chinese"], "yuan", "yuan", "CNY"),
    (&["", "Chinese"], "renminbi", "renminbi", "CNY"),
    (&["", "Korean", "South Korean"], "won", "won", "KRW"),
    (&["North Korean"], "won", "won", "KPW"),
    (
        &["", "Vietnamese", "Viet Nam", "Vietnam", "VN"],
        "dong",
        "dong",
        "VND",
    ),
    (&["", "Lao", "Laotian"], "kip", "kip", "LAK"),
    (&["", "Cambodian"], "riel", "riels", "KHR"),
    (&["", "Myanmar", "Burmese"], "kyat", "kyats", "MMK"),
    (&["", "Thai"], "baht", "baht", "THB"),
    (&["", "Malaysian", "Malaysia"], "ringgit", "ringgits", "MYR"),
    (&["", "Indonesian"], "rupiah", "rupiahs", "IDR"),
    (&["Philippine"], "peso", "pesos", "PHP"),
    (&["Mexican"], "peso", "pesos", "MXN"),
    (&["Argentine", "Argentinian"], "peso", "pesos", "ARS"),
    (&["Chilean"], "peso", "pesos", "CLP"),
    (&["Colombian"], "peso", "pesos", "COP"),
    (&["Cuban"], "peso", "pesos", "CUP"),
    (&["Uruguayan"], "peso", "pesos", "UYU"),
    (&["Dominican"], "peso", "pesos", "DOP"),
    (&["Indian"], "rupee", "rupees", "INR"),
    (&["Pakistani"], "rupee", "rupees", "PKR"),
    (&["Sri Lankan"], "rupee", "rupees", "LKR"),
    (&["Nepalese", "Nepali"], "rupee", "rupees", "NPR"),
    (&["Mauritian"], "rupee", "rupees", "MUR"),
    (&["", "Russian"], "ruble", "rubles", "RUB"),
    (&["", "Russian"], "rouble", "roubles", "RUB"),
    (&["Turkish"], "lira", "liras", "TRY"),
    (&["Turkish"], "lira", "lire", "TRY"),
    (&["Swiss"], "franc", "francs", "CHF"),
    (&["Kuwaiti"], "dinar", "dinars", "KWD"),
    (&["Jordanian"], "dinar", "dinars", "JOD"),
    (&["Iraqi"], "dinar", "dinars", "IQD"),
    (&["Bahraini"], "dinar", "dinars", "BHD"),
    (&["Libyan"], "dinar", "dinars", "LYD"),
    (&["Tunisian"], "dinar", "dinars", "TND"),
    (&["Algerian"], "dinar", "dinars", "DZD"),
    (&["Serbian"], "dinar", "dinars", "RSD"),
    (&["Saudi"], "riyal", "riyals", "SAR"),
    (&["Qatari"], "riyal", "riyals", "QAR"),
    (&["Yemeni"], "riyal", "riyals", "YER"),
    (&["Omani"], "rial", "rials", "OMR"),
    (&["Iranian"], "rial", "rials", "IRR"),
    (&["UAE", "Emirati"], "dirham", "dirhams", "AED"),
    (&["Moroccan"], "dirham", "dirhams", "MAD"),
    (&["", "Israeli", "new Israeli"], "shekel", "shekels", "ILS"),
    (&["", "Mongolian"], "tugrik", "tugriks", "MNT"),
    (&["", "Mongolian"], "tögrög", "tögrögs", "MNT"),
    (&["", "Bangladeshi"], "taka", "taka", "BDT"),
    (&["", "South African"], "rand", "rand", "ZAR"),
    (&["Brazilian"], "real", "reais", "BRL"),
    (&[""], "reais", "reais", "BRL"),
    (&["Norwegian"], "krone", "kroner", "NOK"),
    (&["Danish"], "krone", "kroner", "DKK"),
    (&["Swedish"], "krona", "kronor", "SEK"),
    (&["Icelandic"], "krona", "kronur", "ISK"),
    (&["", "Polish"], "zloty", "zlotys", "PLN"),
    (&["", "Hungarian"], "forint", "forints", "HUF"),
    (&["Czech"], "koruna", "korunas", "CZK"),
    (&["Romanian"], "leu", "lei", "RON"),
    (&["Bulgarian"], "lev", "leva", "BGN"),
    (&["", "Ukrainian"], "hryvnia", "hryvnias", "UAH"),
    (&["", "Kazakh"], "tenge", "tenge", "KZT"),
    (&["", "Nigerian"], "naira", "naira", "NGN"),
    (&["Kenyan"], "shilling", "shillings", "KES"),
    (&["Ugandan"], "shilling", "shillings", "UGX"),
    (&["Tanzanian"], "shilling", "shillings", "TZS"),
    (&["", "Ghanaian"], "cedi", "cedis", "GHS"),
    (&["", "Ethiopian"], "birr", "birr", "ETB"),
    (&["", "Papua New Guinean"], "kina", "kina", "PGK"),
];

/// Bare names read as the usual currency of several (`dollars` as USD).
const ASSUMED_BARE: &[(&str, &str, &str)] = &[
    ("dollar", "dollars", "USD"),
    ("pound", "pounds", "GBP"),
    ("rupee", "rupees", "INR"),
];

/// Bare names that are also common words: read only with a scale word or grouping.
const NEEDS_SCALE: &[&str] = &[
    "won", "dong", "kip", "riel", "riels", "kyat", "kyats", "rand", "taka", "kina", "birr", "cedi",
    "naira", "tenge", "lev", "leu", "lei", "real",
];

/// What a cue word tells.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A currency code, sign, name or a country adjective of a name.
    Money,
    /// `percent`, `per cent`, `pct`, `pp`.
    Percent,
}

/// FNV-1a: a fast hash for the short words of a cue look-up.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap = HashMap<Vec<u8>, Cue, std::hash::BuildHasherDefault<Fnv>>;

/// The longest cue word looked up (`percentage`, `Singaporean`).
const LONGEST_CUE: usize = 12;

/// The characters of the signs that are not ASCII (`ரூ` by its first letter).
const SIGN_CHARS: &str = "€£¥円元₫₭៛₩฿₱₹₽₺₪₴₦₡₾₸ர";

/// The words that can stand next to a figure, for a quick look around a number before
/// the matchers run: codes and letter signs as written; names, their country
/// adjectives and the percent words in any case.
struct CueWords {
    exact: FnvMap,
    any_case: FnvMap,
}

impl CueWords {
    fn build() -> CueWords {
        let mut exact = FnvMap::default();
        let mut any_case = FnvMap::default();
        for &(form, _, _, _) in SIGNS {
            let letters: String = form.chars().filter(char::is_ascii_alphabetic).collect();
            if !letters.is_empty() {
                exact.insert(letters.into_bytes(), Cue::Money);
            }
        }
        for c in CODES.iter().chain(LOWER_CODES) {
            exact.insert(c.as_bytes().to_vec(), Cue::Money);
        }
        for c in SCALED_CODES {
            exact.insert(format!("M{c}").into_bytes(), Cue::Money);
            exact.insert(format!("k{c}").into_bytes(), Cue::Money);
        }
        let mut words: Vec<&str> = Vec::new();
        for &(adjectives, singular, plural, _) in NAMES {
            words.extend(
                adjectives
                    .iter()
                    .filter_map(|a| a.split_whitespace().next()),
            );
            words.extend(
                [singular, plural]
                    .iter()
                    .filter_map(|n| n.split_whitespace().next()),
            );
        }
        words.extend(ASSUMED_BARE.iter().flat_map(|n| [n.0, n.1]));
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
        CueWords { exact, any_case }
    }

    fn word(&self, word: &[u8]) -> Option<Cue> {
        if word.len() > LONGEST_CUE {
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

    fn after(&self, line: &str, e: usize) -> bool {
        let bytes = line.as_bytes();
        let is_sign = |at: usize| {
            bytes[at] == b'$'
                || (bytes[at] >= 0x80
                    && line[at..]
                        .chars()
                        .next()
                        .is_some_and(|c| SIGN_CHARS.contains(c)))
        };
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
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
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
        let is_sign = |at: usize| {
            bytes[at] == b'$'
                || (bytes[at] >= 0x80
                    && line[at..]
                        .chars()
                        .next()
                        .is_some_and(|c| SIGN_CHARS.contains(c)))
        };
        let mut j = s;
        while j > 0 && matches!(bytes[j - 1], b' ' | b'-' | b'+' | b'.') && s - j < 2 {
            j -= 1;
        }
        if j == 0 {
            return false;
        }
        let prev = line[..j].chars().next_back().map_or(0, char::len_utf8);
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

/// The lexicon, compiled once: the matchers for the text before and after a number,
/// and the meaning of every form.
pub(super) struct Lexicon {
    /// The alternations the two matchers are compiled from, when first needed: most
    /// short inputs have no figure, and compiling them is most of a start-up.
    before_alt: String,
    after_alt: String,
    before: OnceLock<Regex>,
    after: OnceLock<Regex>,
    /// The cue words of every form, to tell quickly whether a number may be a figure.
    cues: CueWords,
    /// The codes and names, as a regex alternation: what can follow `of` in a vague
    /// amount (`billions of USD`).
    pub vague_tail: String,
    meanings: HashMap<String, Meaning>,
}

/// The key a matched form is looked up by: case folded, spaces and dots removed.
fn key(form: &str) -> String {
    form.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A regex for a form: its letters as written (or in any case), any run of spaces for
/// a space, at most one space before a `$` that follows letters (`US $`), and the last
/// dot of `U.S.$` optional.
fn pattern(form: &str, insensitive: bool) -> String {
    let mut p = String::new();
    let chars: Vec<char> = form.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            ' ' if next == Some('$') => {}
            ' ' => p.push_str(r"\s+"),
            '.' if next == Some('$') => p.push_str(r"\.?"),
            '$' if i > 0 && (chars[i - 1].is_alphabetic() || matches!(chars[i - 1], '.' | ' ')) => {
                p.push_str(r"\s?\$");
            }
            _ => p.push_str(&regex::escape(&c.to_string())),
        }
    }
    // Codes and names need a word boundary before them; signs (`$`, `元`, `ரூ`) do not.
    let starts_with_letter = chars.first().is_some_and(char::is_ascii_alphanumeric);
    let body = if insensitive { format!("(?i:{p})") } else { p };
    if starts_with_letter {
        format!(r"\b{body}")
    } else {
        body
    }
}

/// A form's place in the matchers.
struct Form {
    pattern: String,
    len: usize,
    before: bool,
    vague: bool,
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut meanings = HashMap::new();
        let mut forms: Vec<Form> = Vec::new();
        let mut add = |form: &str, insensitive: bool, before: bool, m: Meaning| {
            meanings.entry(key(form)).or_insert(m);
            forms.push(Form {
                pattern: pattern(form, insensitive),
                len: form.len(),
                before,
                vague: m.kind != Kind::Sign && m.scale == 0,
            });
        };
        for &(form, iso, assumed, insensitive) in SIGNS {
            let m = Meaning {
                iso,
                assumed,
                kind: Kind::Sign,
                scale: 0,
                needs_scale: false,
            };
            add(form, insensitive, true, m);
        }
        let code = |iso: &'static str, scale: u32| Meaning {
            iso,
            assumed: false,
            kind: Kind::Code,
            scale,
            needs_scale: false,
        };
        for &c in CODES {
            if c == "ALL" {
                continue;
            }
            let iso = if c == "RMB" { "CNY" } else { c };
            add(c, false, !WORD_CODES.contains(&c), code(iso, 0));
            // `AUD $85 million`: a dollar code and a sign.
            if c.ends_with('D') || c == "MXN" {
                let m = Meaning {
                    kind: Kind::Sign,
                    ..code(iso, 0)
                };
                add(&format!("{c} $"), false, true, m);
            }
        }
        for &c in LOWER_CODES {
            let iso = if c == "rmb" { "CNY" } else { c };
            let iso = CODES
                .iter()
                .copied()
                .find(|k| k.eq_ignore_ascii_case(iso))
                .unwrap_or("USD");
            add(c, false, true, code(iso, 0));
        }
        for &c in SCALED_CODES {
            add(&format!("M{c}"), false, true, code(c, 6));
            add(&format!("k{c}"), false, true, code(c, 3));
        }
        for &(adjectives, singular, plural, iso) in NAMES {
            for adjective in adjectives {
                for name in [singular, plural] {
                    let form = if adjective.is_empty() {
                        name.to_string()
                    } else {
                        format!("{adjective} {name}")
                    };
                    let m = Meaning {
                        iso,
                        assumed: false,
                        kind: Kind::Name,
                        scale: 0,
                        needs_scale: adjective.is_empty() && NEEDS_SCALE.contains(&name),
                    };
                    add(&form, true, false, m);
                }
            }
        }
        for &(singular, plural, iso) in ASSUMED_BARE {
            for name in [singular, plural] {
                let m = Meaning {
                    iso,
                    assumed: true,
                    kind: Kind::Name,
                    scale: 0,
                    needs_scale: false,
                };
                add(name, true, false, m);
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
        let before_alt = alternation(&|f| f.before);
        let after_alt = alternation(&|_| true);
        Lexicon {
            before_alt,
            after_alt,
            before: OnceLock::new(),
            after: OnceLock::new(),
            cues: CueWords::build(),
            vague_tail: alternation(&|f| f.vague),
            meanings,
        }
    }

    /// A form ending at the end of the haystack (the text before a number), with at
    /// most one space after it.
    pub fn before(&self) -> &Regex {
        self.before.get_or_init(|| {
            Regex::new(&format!(r"(?:{})\s?$", self.before_alt)).expect("valid regex")
        })
    }

    /// A form at the start of the haystack (the text after a number or its scale
    /// word), with at most one space before it.
    pub fn after(&self) -> &Regex {
        self.after.get_or_init(|| {
            Regex::new(&format!(r"^\s?(?:{})", self.after_alt)).expect("valid regex")
        })
    }

    /// The lexicon, compiled once per process.
    pub fn get() -> &'static Lexicon {
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);
        &LEXICON
    }

    /// Whether a currency or percent form may stand before and after the number at
    /// `s..e` of `line`. Cheap; the matchers decide.
    pub fn cue_sides(&self, line: &str, s: usize, e: usize) -> (bool, bool) {
        self.cues.sides(line, s, e)
    }

    /// The meaning of a matched form (spaces and dots ignored, any case).
    pub fn meaning(&self, form: &str) -> Option<Meaning> {
        self.meanings.get(&key(form)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(text: &str) -> Option<(&str, &'static str)> {
        let lx = Lexicon::get();
        let m = lx.before().find(text)?;
        let form = m.as_str().trim_end();
        Some((form, lx.meaning(form)?.iso))
    }

    fn after(text: &str) -> Option<(&str, &'static str)> {
        let lx = Lexicon::get();
        let m = lx.after().find(text)?;
        let form = m.as_str().trim_start();
        Some((form, lx.meaning(form)?.iso))
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
