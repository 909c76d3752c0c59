//! Reading the words around a figure: what it measures (`metric`, from the metric
//! words of `gazetteers/metric-words.tsv`), whether a percentage is a change (`change`)
//! or a share (`share_of`), and the year it refers to (`period`, `period_kind`).

use crate::gazetteer::metrics::MetricWords;
use crate::scan::ascii_regex;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub(super) use crate::text::is_ascii_space as is_space;

/// [`is_space`] of a character.
fn is_space_char(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_space)
}

/// The word `text` opens with after one or more ASCII spaces: the run of ASCII letters
/// there, empty when none; none when `text` does not open with a space.
fn word_after_space(text: &str) -> Option<&[u8]> {
    let b = text.as_bytes();
    let from = b.iter().take_while(|&&c| is_space(c)).count();
    let end = from
        + b[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    (from > 0).then(|| &b[from..end])
}

/// The word `text` ends with before one or more ASCII spaces: the run of ASCII letters
/// there, empty when none; none when `text` does not end with a space.
fn word_before_space(text: &str) -> Option<&[u8]> {
    word_before_space_at(text).map(|(_, w)| w)
}

/// [`word_before_space`], with where the word starts in `text`.
pub(super) fn word_before_space_at(text: &str) -> Option<(usize, &[u8])> {
    let b = text.as_bytes();
    let end = b.len() - b.iter().rev().take_while(|&&c| is_space(c)).count();
    let from = end
        - b[..end]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    (end < b.len()).then(|| (from, &b[from..end]))
}

/// The longest word a [`WordSet`] holds.
const LONGEST_WORD: usize = 16;

/// Words looked up in any ASCII case: the words of an expression, looked for next to a
/// figure before the expression is run. An expression whose every match ends (or
/// opens) with one of its words, then a space, cannot match where the word there is
/// none of them; most places have none, and the look costs a fraction of a run.
pub(super) struct WordSet(foldhash::HashSet<&'static [u8]>);

impl WordSet {
    /// The set of `words`, in lower case, each at most [`LONGEST_WORD`] bytes.
    pub(super) fn new(words: &[&'static str]) -> WordSet {
        WordSet(words.iter().map(|w| w.as_bytes()).collect())
    }

    /// Whether `word` is in the set, in any ASCII case.
    pub(super) fn holds(&self, word: &[u8]) -> bool {
        if word.is_empty() || word.len() > LONGEST_WORD {
            return false;
        }
        let mut low = [0u8; LONGEST_WORD];
        for (l, c) in low.iter_mut().zip(word) {
            *l = c.to_ascii_lowercase();
        }
        self.0.contains(&low[..word.len()])
    }
}

/// An amount used as an adjective of its noun (`a US$20 million grant`), or followed
/// by what it is counted in (`US$2.34 million in aid`, `in registered capital`, `as a
/// gift`).
static METRIC_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?ix)^\s+(?:
            (?P<noun> loans? | grants? | contracts? | deals? | aid | budget | investments? | FDI | ODA | remittances? | exports? | imports? )\b
          | (?:in|of) \s+ (?:total\s+)? (?:new\s+)? (?P<in> registered\s+capital | investment\s+capital | capital | ODA | official\s+development\s+assistance | aid | assistance | grants? | loans? | remittances? | exports? | imports? | investments? | FDI )\b
          | as \s+ (?:an?\s+)? (?P<as> gift | contribution | donation | aid | grant | loan )s?\b
        )",
    )
});

fn is_word_at(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The metric of a phrase read alone: the first listed that it is (any ASCII case),
/// else the first that it is with its spaces made single and a plural `s` dropped.
fn metric_of(m: &MetricWords, phrase: &str) -> Option<&'static str> {
    let words = m.words();
    words
        .iter()
        .find(|w| w.phrase.eq_ignore_ascii_case(phrase))
        .map(|w| w.metric.as_str())
        .or_else(|| {
            let p = phrase.to_ascii_lowercase();
            let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
            words
                .iter()
                .find(|w| {
                    w.phrase.eq_ignore_ascii_case(&p)
                        || w.phrase.eq_ignore_ascii_case(p.trim_end_matches('s'))
                })
                .map(|w| w.metric.as_str())
        })
}

/// A metric word found in a text: where, its metric, and whether it names money only.
pub(super) type MetricMatch = (Range<usize>, &'static str, bool);

/// The metric words of `text` (whole words), in order: (range, metric, money only).
pub(super) fn metric_words(m: &MetricWords, text: &str) -> Vec<MetricMatch> {
    m.find_iter(text)
        .filter(|(r, _)| is_word_at(text, r))
        .map(|(r, w)| (r, w.metric.as_str(), w.money_only))
        .collect()
}

/// The bytes the metric words are written with, in either ASCII case. A byte outside
/// them stands in no match of the matcher, so no match crosses it: a search of the
/// text after it finds what the search of the whole text finds there (the matcher
/// takes the longest match at the leftmost start and goes on after it, looking at
/// nothing around a match).
#[derive(Debug)]
pub(super) struct MetricBytes([bool; 256]);

impl MetricBytes {
    /// The bytes of the phrases of `m`.
    pub(super) fn of(m: &MetricWords) -> MetricBytes {
        let mut set = [false; 256];
        for b in m.words().iter().flat_map(|w| w.phrase.bytes()) {
            set[usize::from(b.to_ascii_lowercase())] = true;
            set[usize::from(b.to_ascii_uppercase())] = true;
        }
        MetricBytes(set)
    }
}

/// How far back from its end [`last_metric_word`] first searches a text: most figures
/// have their metric word a few words before them, and the matcher reads every byte of
/// a stretch to find its last match, so a short first stretch reads fewer bytes than
/// the calls a longer search back adds cost.
const METRIC_STRETCH: usize = 32;

/// The last of the [`metric_words`] of `text` that `keep` accepts: its metric. Searched
/// from the end back, a stretch at a time, each starting at the start of the text or
/// at a char boundary whose byte is none of `bytes` (the [`MetricBytes`] of `m`), and
/// ending where the one after it starts: each stretch's matches are the text's
/// matches that start in it. Whole words are read in the whole text.
pub(super) fn last_metric_word(
    m: &MetricWords,
    bytes: &MetricBytes,
    text: &str,
    keep: impl Fn(&MetricMatch) -> bool,
) -> Option<&'static str> {
    let b = text.as_bytes();
    let mut end = text.len();
    while end > 0 {
        let mut start = end.saturating_sub(METRIC_STRETCH);
        while start > 0 && (bytes.0[usize::from(b[start])] || !text.is_char_boundary(start)) {
            start -= 1;
        }
        let found = m
            .find_iter(&text[start..end])
            .map(|(r, w)| (start + r.start..start + r.end, w))
            .filter(|(r, _)| is_word_at(text, r))
            .map(|(r, w)| (r, w.metric.as_str(), w.money_only))
            .filter(&keep)
            .last();
        if let Some(w) = found {
            return Some(w.1);
        }
        end = start;
    }
    None
}

/// The first of the [`metric_words`] of `text` that `keep` accepts: its metric.
pub(super) fn first_metric_word(
    m: &MetricWords,
    text: &str,
    keep: impl Fn(&MetricMatch) -> bool,
) -> Option<&'static str> {
    m.find_iter(text)
        .filter(|(r, _)| is_word_at(text, r))
        .map(|(r, w)| (r, w.metric.as_str(), w.money_only))
        .find(keep)
        .map(|w| w.1)
}

/// The words a match of [`METRIC_AFTER`] opens with (after its first spaces): a noun,
/// `in`, `of` or `as`.
const METRIC_AFTER_OPENS: [&str; 23] = [
    "loan",
    "loans",
    "grant",
    "grants",
    "contract",
    "contracts",
    "deal",
    "deals",
    "aid",
    "budget",
    "investment",
    "investments",
    "fdi",
    "oda",
    "remittance",
    "remittances",
    "export",
    "exports",
    "import",
    "imports",
    "in",
    "of",
    "as",
];

/// The words that can follow `in` or `of` in a match of [`METRIC_AFTER`] (after
/// spaces): `total`, `new`, or the first word of a noun.
const METRIC_AFTER_IN: [&str; 21] = [
    "total",
    "new",
    "registered",
    "investment",
    "investments",
    "capital",
    "oda",
    "official",
    "aid",
    "assistance",
    "grant",
    "grants",
    "loan",
    "loans",
    "remittance",
    "remittances",
    "export",
    "exports",
    "import",
    "imports",
    "fdi",
];

/// The words that can follow `as` in a match of [`METRIC_AFTER`] (after spaces).
const METRIC_AFTER_AS: [&str; 14] = [
    "a",
    "an",
    "gift",
    "gifts",
    "contribution",
    "contributions",
    "donation",
    "donations",
    "aid",
    "aids",
    "grant",
    "grants",
    "loan",
    "loans",
];

/// What the text right after a figure says it is, if it says.
pub(super) fn metric_after(m: &MetricWords, after: &str) -> Option<&'static str> {
    metric_after_looking(m, after, true)
}

/// [`metric_after`]; with `look`, the expression runs only where the word after the
/// figure can open a match, and after `in`, `of` or `as` the word after it can go on
/// with one (most amounts are followed by neither: `in 2020`, `of the total`); what
/// its tests compare with the expression alone.
fn metric_after_looking(m: &MetricWords, after: &str, look: bool) -> Option<&'static str> {
    static OPENS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&METRIC_AFTER_OPENS));
    static IN_NEXT: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&METRIC_AFTER_IN));
    static AS_NEXT: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&METRIC_AFTER_AS));
    if look {
        let first = word_after_space(after).filter(|w| OPENS.holds(w))?;
        let next = if first.eq_ignore_ascii_case(b"in") || first.eq_ignore_ascii_case(b"of") {
            Some(&*IN_NEXT)
        } else if first.eq_ignore_ascii_case(b"as") {
            Some(&*AS_NEXT)
        } else {
            None
        };
        if let Some(next) = next {
            // The first word is ASCII letters after ASCII spaces: it ends on a boundary.
            let end = after.len() - after.trim_start_matches(is_space_char).len() + first.len();
            if !word_after_space(&after[end..]).is_some_and(|w| next.holds(w)) {
                return None;
            }
        }
    }
    let w = metric_after_words(METRIC_AFTER.find(after)?.as_str());
    match w.to_ascii_lowercase().as_str() {
        "gift" | "contribution" | "donation" => Some("aid"),
        other => metric_of(m, other),
    }
}

/// The words of a match of [`METRIC_AFTER`] that its group (`noun`, `in` or `as`)
/// holds, read from the match: finding it costs a tenth of capturing its groups. The
/// match is its spaces and words apart by spaces; after `in` or `of` it is the rest
/// without `total` and `new` (no word of the group is either), after `as` the last
/// word without the plural `s` (no word of the group ends with one), and otherwise
/// the match's one word, the noun.
fn metric_after_words(matched: &str) -> &str {
    /// The first word of `s` after its spaces, and the text after that word.
    fn split(s: &str) -> (&str, &str) {
        let s = s.trim_start_matches(is_space_char);
        s.split_at(s.find(is_space_char).unwrap_or(s.len()))
    }
    let (first, mut rest) = split(matched);
    if first.eq_ignore_ascii_case("in") || first.eq_ignore_ascii_case("of") {
        for word in ["total", "new"] {
            if split(rest).0.eq_ignore_ascii_case(word) {
                rest = split(rest).1;
            }
        }
        rest.trim_start_matches(is_space_char)
    } else if first.eq_ignore_ascii_case("as") {
        let (mut word, after) = split(rest);
        if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
            word = split(after).0;
        }
        word.strip_suffix(['s', 'S']).unwrap_or(word)
    } else {
        first
    }
}

/// The metric of a figure at `figure` in `sentence` (relative ranges): the text right
/// after it, else the nearest metric word before it, else the first after it up to
/// `clause_end`, else `other`. `bytes` are the [`MetricBytes`] of `m`.
pub(super) fn metric(
    m: &MetricWords,
    bytes: &MetricBytes,
    sentence: &str,
    figure: Range<usize>,
    clause_end: usize,
    money: bool,
) -> &'static str {
    if money && let Some(metric) = metric_after(m, &sentence[figure.end..]) {
        return metric;
    }
    let keep = |w: &MetricMatch| money || !w.2;
    last_metric_word(m, bytes, &sentence[..figure.start], keep)
        .or_else(|| {
            let after = &sentence[figure.end..clause_end.max(figure.end)];
            first_metric_word(m, after, keep)
        })
        .unwrap_or("other")
}

static CHANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?ix)\b(?:
            (?P<up> grew | grow | grows | growing | grown | increased | increase | increases | increasing | rose | rise | rises | rising | risen | up | jumped | jumping | climbed | climbing | surged | surging | gained | gaining | expanded | expanding | soared | soaring | went\s+up | edged\s+up | rebounded | recovered )
                \s+ (?:by\s+)?
          | (?P<down> fell | fall | falls | falling | fallen | dropped | drop | drops | dropping | decreased | decrease | decreases | decreasing | declined | decline | declines | declining | down | shrank | shrink | shrinking | shrunk | contracted | contracting | plunged | plunging | slumped | tumbled | sank | reduced | went\s+down | slid )
                \s+ (?:by\s+)?
          | (?P<upn> {up_nouns} )
                \s+ (?:rate\s+)? (?:of | at | by | was | were | is | reached | stood\s+at | amounted\s+to) \s+
          | (?P<downn> {down_nouns} )
                \s+ (?:of | by | was | were | is | reached | stood\s+at | amounted\s+to) \s+
        )$",
        up_nouns = UP_NOUNS.join(" | "),
        down_nouns = DOWN_NOUNS.join(" | "),
    ))
});
/// A whole match of [`CHANGE_BEFORE`] that reads a rise (its `up` or `upn` words): the
/// words of a rise and of a fall are apart, so a match is one or the other by its
/// first word.
static CHANGE_BEFORE_UP: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?ix)^(?:
            (?: grew | grow | grows | growing | grown | increased | increase | increases | increasing | rose | rise | rises | rising | risen | up | jumped | jumping | climbed | climbing | surged | surging | gained | gaining | expanded | expanding | soared | soaring | went\s+up | edged\s+up | rebounded | recovered )
                \s+ (?:by\s+)?
          | (?: {up_nouns} )
                \s+ (?:rate\s+)? (?:of | at | by | was | were | is | reached | stood\s+at | amounted\s+to) \s+
        )$",
        up_nouns = UP_NOUNS.join(" | "),
    ))
});
static CHANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?ix)^\s+(?:(?:year-on-year|year-over-year|y-o-y|yoy|annual|yearly|monthly|quarterly|on-year)\s+)*(?:
            (?P<up> {up} )
          | (?P<down> {down} )
        )\b",
        up = UP_AFTER.join(" | "),
        down = DOWN_AFTER.join(" | "),
    ))
});
/// Words that may stand between a change word and its figure (`a decrease of only
/// 1.8%`), besides qualifiers.
static FILLER: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)\b(?:only|just|merely|a\s+mere)\s+$"));

/// Where the match of [`FILLER`] in `before` starts, read without the expression (which
/// costs more to compile than all the texts it reads): `only`, `just`, `merely`, or
/// `mere` after `a`, each a whole word ([`word_ending`]).
fn filler_start(before: &str) -> Option<usize> {
    ["only", "just", "merely"]
        .iter()
        .find_map(|w| word_ending(before, w))
        .or_else(|| word_ending(&before[..word_ending(before, "mere")?], "a"))
}

/// Where `word` (ASCII letters, in any ASCII case) starts when `text` ends with it and
/// one or more ASCII spaces, and no ASCII letter, digit or `_` stands before it: where
/// `(?i)\b{word}\s+$`, compiled without Unicode, matches `text`.
pub(super) fn word_ending(text: &str, word: &str) -> Option<usize> {
    let b = text.as_bytes();
    let end = b.len() - b.iter().rev().take_while(|&&c| is_space(c)).count();
    let start = end.checked_sub(word.len())?;
    let glued = start
        .checked_sub(1)
        .is_some_and(|p| b[p].is_ascii_alphanumeric() || b[p] == b'_');
    (end < b.len() && b[start..end].eq_ignore_ascii_case(word.as_bytes()) && !glued)
        .then_some(start)
}

/// `increase` or `decrease` when the words around a percentage say so; `before` ends
/// where the figure (or its qualifier) starts.
pub(super) fn change(before: &str, after: &str) -> Option<&'static str> {
    change_looking(before, after, true)
}

/// [`change`]; with `look`, each expression runs only where a word its matches end
/// (or open) with stands next to the figure (what its tests compare with the
/// expressions alone).
fn change_looking(before: &str, after: &str, look: bool) -> Option<&'static str> {
    // What each expression's matches end (or open) with: a word of it, next to a space.
    static BEFORE_ENDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&CHANGE_BEFORE_ENDS));
    static AFTER_OPENS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&change_after_opens()));
    // The fillers read by hand need no look first: they are a few byte comparisons.
    let filler = if look {
        filler_start(before)
    } else {
        FILLER.find(before).map(|m| m.start())
    };
    let before = match filler {
        Some(start) => &before[..start],
        None => before,
    };
    // What a match reads: found without its groups, then told a rise or a fall by
    // its words (what the tests compare with the groups).
    let before_pick = |m: regex::Match| {
        if CHANGE_BEFORE_UP.is_match(m.as_str()) {
            "increase"
        } else {
            "decrease"
        }
    };
    let after_pick = |m: regex::Match| {
        if after_rises(m.as_str()) {
            "increase"
        } else {
            "decrease"
        }
    };
    static JOINERS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&CHANGE_JOINERS));
    static NOUNS: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(&[&UP_NOUNS[..], &DOWN_NOUNS].concat()));
    // A match ending with a word that joins a change to its figure (`growth of`, `rose
    // by`, `stood at`) has a word of change before it: most words before a figure
    // that end a match (`share of`, `was`) have none.
    let ends = |t: &str| {
        !look
            || word_before_space(t).is_some_and(|w| {
                BEFORE_ENDS.holds(w)
                    && (!JOINERS.holds(w) || {
                        let rest = t.trim_end_matches(is_space_char);
                        word_before_space(&rest[..rest.len() - w.len()])
                            .is_some_and(|p| BEFORE_ENDS.holds(p) || NOUNS.holds(p))
                    })
            })
    };
    let opens = |t: &str| !look || word_after_space(t).is_some_and(|w| AFTER_OPENS.holds(w));
    ends(before)
        .then(|| CHANGE_BEFORE.find(before).map(before_pick))
        .flatten()
        .or_else(|| {
            opens(after)
                .then(|| CHANGE_AFTER.find(after).map(after_pick))
                .flatten()
        })
}

/// Whether a whole match of [`CHANGE_AFTER`] reads a rise: it ends with its word of
/// change, one of [`UP_AFTER`] or of [`DOWN_AFTER`].
fn after_rises(matched: &str) -> bool {
    let b = matched.as_bytes();
    let letters = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word = &b[b.len() - letters..];
    UP_AFTER
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// The words of [`CHANGE_BEFORE_ENDS`] that join a change to its figure: a match ending
/// with one has a verb or noun of change, `rate`, `stood` or `amounted` before it.
const CHANGE_JOINERS: [&str; 8] = ["by", "of", "at", "was", "were", "is", "reached", "to"];

/// The nouns of a rise that [`CHANGE_BEFORE`] reads (`growth of`), and of a fall.
const UP_NOUNS: [&str; 9] = [
    "growth",
    "increase",
    "rise",
    "gain",
    "jump",
    "surge",
    "expansion",
    "hike",
    "upturn",
];
const DOWN_NOUNS: [&str; 10] = [
    "decrease",
    "decline",
    "drop",
    "fall",
    "reduction",
    "contraction",
    "loss",
    "slump",
    "cut",
    "downturn",
];

/// The words a match of [`CHANGE_BEFORE`] can end with (before its last spaces): a
/// verb of change, or the word after a noun of change (`growth of`, `stood at`).
const CHANGE_BEFORE_ENDS: [&str; 71] = [
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "increased",
    "increase",
    "increases",
    "increasing",
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "up",
    "jumped",
    "jumping",
    "climbed",
    "climbing",
    "surged",
    "surging",
    "gained",
    "gaining",
    "expanded",
    "expanding",
    "soared",
    "soaring",
    "rebounded",
    "recovered",
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "decreased",
    "decrease",
    "decreases",
    "decreasing",
    "declined",
    "decline",
    "declines",
    "declining",
    "down",
    "shrank",
    "shrink",
    "shrinking",
    "shrunk",
    "contracted",
    "contracting",
    "plunged",
    "plunging",
    "slumped",
    "tumbled",
    "sank",
    "reduced",
    "slid",
    "by",
    "of",
    "at",
    "was",
    "were",
    "is",
    "reached",
    "to",
    "stood",
    "amounted",
    "rate",
];

/// The words of a rise that [`CHANGE_AFTER`] reads after a figure (`a 5% increase`),
/// and of a fall.
const UP_AFTER: [&str; 10] = [
    "increase",
    "increases",
    "growth",
    "rise",
    "gain",
    "jump",
    "surge",
    "hike",
    "higher",
    "more",
];
const DOWN_AFTER: [&str; 12] = [
    "decrease",
    "decreases",
    "decline",
    "drop",
    "fall",
    "reduction",
    "contraction",
    "loss",
    "slump",
    "cut",
    "lower",
    "less",
];

/// The words a match of [`CHANGE_AFTER`] can open with (after its first spaces): a
/// word of frequency (`year-on-year`, `y-o-y`, `on-year` by their first letters) or of
/// change ([`UP_AFTER`], [`DOWN_AFTER`]).
fn change_after_opens() -> Vec<&'static str> {
    let frequency = [
        "year",
        "y",
        "yoy",
        "annual",
        "yearly",
        "monthly",
        "quarterly",
        "on",
    ];
    [&frequency[..], &UP_AFTER, &DOWN_AFTER].concat()
}

#[cfg(test)]
static SHARE_OF: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"^\s+of\s+(?P<which>which|whom|them|these|those|this|that|it)?"));

/// The words that may follow `of` in a share of something named before, in the order
/// they are tried (the first that the text goes on with is taken).
const SHARE_WHICH: [&str; 8] = [
    "which", "whom", "them", "these", "those", "this", "that", "it",
];

/// The opening of a share phrase: ASCII spaces, `of`, ASCII spaces and perhaps a word
/// of [`SHARE_WHICH`] (`^\s+of\s+(which|whom|...)?`): where it ends, and whether it
/// ends with such a word. None when `after` does not open so.
fn share_opening(after: &str) -> Option<(usize, bool)> {
    let b = after.as_bytes();
    let from = b.iter().take_while(|&&c| is_space(c)).count();
    if from == 0 || !b[from..].starts_with(b"of") {
        return None;
    }
    let gap = b[from + 2..].iter().take_while(|&&c| is_space(c)).count();
    if gap == 0 {
        return None;
    }
    let at = from + 2 + gap;
    Some(
        SHARE_WHICH
            .iter()
            .find(|w| b[at..].starts_with(w.as_bytes()))
            .map_or((at, false), |w| (at + w.len(), true)),
    )
}
/// Words that end a share phrase.
const SHARE_STOP: &[&str] = &[
    "which",
    "that",
    "who",
    "compared",
    "against",
    "while",
    "whereas",
    "than",
    "since",
    "as",
    "respectively",
    "making",
    "ranking",
];

/// What a percentage is a share of (`33.9% of Viet Nam's total rice export volume`):
/// the phrase after `of`, up to punctuation or a clause word, at most ten words.
/// `Some("")` for `of which` and the like: a share of something named before.
pub(super) fn share_of(after: &str) -> Option<String> {
    // Every match opens with spaces and `of`.
    if word_after_space(after) != Some(b"of") {
        return None;
    }
    // The opening is ASCII: it ends on a char boundary.
    let (end, which) = share_opening(after)?;
    if which
        && after[end..]
            .chars()
            .next()
            .is_none_or(|ch| !ch.is_alphanumeric())
    {
        return Some(String::new());
    }
    let rest = &after[end..];
    let end = rest
        .find([',', ';', ':', '.', '(', ')', '"'])
        .unwrap_or(rest.len());
    let mut words: Vec<&str> = Vec::new();
    for w in rest[..end].split_whitespace() {
        // A period inside a number or abbreviation was cut above; stop words too.
        if (!words.is_empty() && SHARE_STOP.contains(&w.to_ascii_lowercase().as_str()))
            || words.len() == 10
        {
            break;
        }
        words.push(w);
    }
    let phrase = words.join(" ");
    (!phrase.is_empty()).then_some(phrase)
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"\b(?:18|19|20)\d{2}\b"));
static YEAR_RANGE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"^\s*-\s*(?:18|19|20)\d{2}\b"));
static YEAR_RANGE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"\b(?:18|19|20)\d{2}\s*-\s*$"));
/// A year that is the base of a comparison, not the period of the figure.
static YEAR_BASE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(?:(?:against|compared\s+(?:to|with)|comparison\s+with|than|since|versus|vs\.?|relative\s+to|over|from|before|similar\s+to|same\s+as)\s+(?:that\s+of\s+|the\s+same\s+period\s+(?:of|in)\s+|the\s+)?|that\s+of\s+)$",
    )
});
static YEAR_BASE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"^\s+(?:figures?|levels?)\b"));
static STOCK: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(?:by\s+(?:the\s+)?end\s+of|by\s+(?:18|19|20)\d{2}\b|as\s+(?:of|at)\s|in\s+total\b|accumulated|accumulative|cumulative(?:ly)?|altogether|to\s+date|so\s+far|up\s+to\s+now|(?:projects?|investments?)\s+(?:[A-Za-z]+\s+){0,2}in\s+effect)",
    )
});
/// `in total` before the words it quantifies (`in total capital`) is no stock marker.
static IN_TOTAL_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)^\s+(?:registered|investment|capital|new|foreign|committed|disbursed)")
});

/// The years of `text` that can be a figure's period: (position, year); and whether it
/// names a span of years (`2018 - 2021`, `the 2020-2021 fiscal year`).
pub(super) fn years(text: &str) -> (Vec<(usize, u16)>, bool) {
    let mut out = Vec::new();
    let mut spans = false;
    for m in year_matches(text) {
        match judge(text, m.clone()) {
            Year::Span => spans = true,
            Year::Not => {}
            Year::Period(y) => out.push((m.start, y)),
        }
    }
    (out, spans)
}

/// The matches of [`YEAR`] in `text`, in order, found by hand: the runs of exactly four
/// ASCII digits opening with `18`, `19` or `20`, with no ASCII letter or `_` right
/// before or after them (the expression's word boundaries: a run of digits is whole,
/// so no digit is next to it). Every sentence with a figure is searched for years, and
/// the expression's search costs several times this walk over its digit runs.
fn year_matches(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = text.as_bytes();
    let word = |i: Option<usize>| {
        i.and_then(|i| b.get(i))
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            i = super::scan::next_digit_wide(b, i);
            if i >= b.len() {
                return None;
            }
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let run = &b[start..i];
            if run.len() == 4
                && matches!(&run[..2], b"18" | b"19" | b"20")
                && !word(start.checked_sub(1))
                && !word(Some(i))
            {
                return Some(start..i);
            }
        }
    })
}

/// What a year-shaped number at `m` of `text` is.
enum Year {
    /// One end of a span of years.
    Span,
    /// Part of a number, a code or a name, or the base of a comparison.
    Not,
    /// A year that can be a figure's period.
    Period(u16),
}

/// Whether the year-shaped number ([`YEAR`]) at `m` of `text` is one end of a span of
/// years (`2018 - 2021`).
fn ends_span(text: &str, m: &Range<usize>) -> bool {
    // A dash next to the year first: most years have none, and the look costs a
    // fraction of the runs.
    let (before, after) = (&text[..m.start], &text[m.end..]);
    let dash_after = after.bytes().find(|&b| !is_space(b)) == Some(b'-');
    let dash_before = before.bytes().rev().find(|&b| !is_space(b)) == Some(b'-');
    (dash_after && YEAR_RANGE_AFTER.is_match(after))
        || (dash_before && YEAR_RANGE_BEFORE.is_match(before))
}

/// Whether `text` names a span of years: `years(text).1`, without reading its other
/// years.
pub(super) fn names_span(text: &str) -> bool {
    year_matches(text).any(|m| ends_span(text, &m))
}

/// Whether `before` (the text before a year) may end with what [`YEAR_BASE_BEFORE`]
/// reads: spaces after the last word of one of its phrases (`against`, `compared to`,
/// `vs.`), or after `the`, `that of` or `the same period in` following one. `in`, `of`
/// and `the` end many more texts before a year (`in 2020`) than the expression's
/// matches: for them the word before is looked at too, where the expression ran.
fn may_end_base(before: &str) -> bool {
    // The last words of the phrases before the optional `the`, `that of`, `the same
    // period of`; `vs.` ends with no word.
    static PHRASE_ENDS: LazyLock<WordSet> = LazyLock::new(|| {
        WordSet::new(&[
            "against", "to", "with", "than", "since", "versus", "vs", "over", "from", "before",
            "as",
        ])
    });
    let Some((at, w)) = word_before_space_at(before) else {
        return false;
    };
    let is = |w: &[u8], word: &str| w.eq_ignore_ascii_case(word.as_bytes());
    let previous = || word_before_space(&before[..at]);
    if w.is_empty() {
        true
    } else if is(w, "in") {
        previous().is_some_and(|p| is(p, "period"))
    } else if is(w, "of") {
        previous().is_some_and(|p| is(p, "that") || is(p, "period"))
    } else if is(w, "the") {
        previous().is_some_and(|p| p.is_empty() || PHRASE_ENDS.holds(p))
    } else {
        PHRASE_ENDS.holds(w)
    }
}

/// Reads the year-shaped number ([`YEAR`]) at `m` of `text`, in the words around it.
fn judge(text: &str, m: Range<usize>) -> Year {
    // What the expressions' matches end or open with next to the year: a dash, or one of
    // their words next to a space. Most years have none of them, and the looks cost a
    // fraction of the runs.
    static BASE_OPENS: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(&["figure", "figures", "level", "levels"]));
    if ends_span(text, &m) {
        return Year::Span;
    }
    let (before, after) = (&text[..m.start], &text[m.end..]);
    // Part of a number, a code or a name (`2,020`, `No. 2013/QD`).
    let glued = before.ends_with(|c: char| c.is_alphanumeric() || c == ',' || c == '.')
        || after.starts_with(|c: char| c.is_alphanumeric() || c == '/' || c == '%');
    let base_before = may_end_base(before);
    let base_after = word_after_space(after).is_some_and(|w| BASE_OPENS.holds(w));
    if glued
        || (base_before && YEAR_BASE_BEFORE.is_match(before))
        || (base_after && YEAR_BASE_AFTER.is_match(after))
    {
        return Year::Not;
    }
    text[m].parse().map_or(Year::Not, Year::Period)
}

/// The year-shaped numbers of `text` ([`YEAR`]), for [`last_year_before`].
pub(super) fn year_shapes(text: &str) -> Vec<Range<usize>> {
    year_matches(text).collect()
}

/// The last of the years of `text[..end]`: `years(&text[..end]).0.last()`, read from
/// `shapes` (the [`year_shapes`] of all of `text`, found once) instead of searching the
/// text before `end` again for each figure. The prefix's year-shaped numbers are those
/// of the text that end by `end`, and one ending at `end` where the text's number goes
/// on past it; each is read as [`years`] reads it in the prefix, from the last back.
pub(super) fn last_year_before(
    text: &str,
    shapes: &[Range<usize>],
    end: usize,
) -> Option<(usize, u16)> {
    let prefix = &text[..end];
    let within = &shapes[..shapes.partition_point(|m| m.end <= end)];
    // Four digits that close the prefix are a match of it whatever follows them in the
    // text (they end a word there).
    let closing = end
        .checked_sub(4)
        .filter(|&s| prefix.as_bytes()[s..].iter().all(u8::is_ascii_digit))
        .and_then(|s| YEAR.find_at(prefix, s))
        .map(|m| m.range())
        .filter(|m| m.end == end && within.last() != Some(m));
    closing
        .into_iter()
        .chain(within.iter().rev().cloned())
        .find_map(|m| match judge(prefix, m.clone()) {
            Year::Period(y) => Some((m.start, y)),
            Year::Span | Year::Not => None,
        })
}

static CLAUSE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i),\s+(?:and|while|whereas|but)\s+|;\s+"));

/// Where the clauses of `sentence` break (`, and`, `, while`, `, but`, `;`), in order:
/// found once for all the figures of a sentence, each read by [`clause`].
pub(super) fn clause_breaks(sentence: &str) -> Vec<Range<usize>> {
    CLAUSE_BREAK
        .find_iter(sentence)
        .map(|m| m.range())
        .collect()
}

/// The clause holding byte `at` of a sentence `len` bytes long whose [`clause_breaks`]
/// are `breaks`.
pub(super) fn clause(breaks: &[Range<usize>], len: usize, at: usize) -> Range<usize> {
    let mut start = 0;
    for m in breaks {
        if m.start >= at {
            return start..m.start;
        }
        start = m.end;
    }
    start..len
}

/// Whether `sentence` says its figures are totals to date.
pub(super) fn is_stock(sentence: &str) -> bool {
    STOCK.find_iter(sentence).any(|m| {
        let w = m.as_str().to_ascii_lowercase();
        !(w.starts_with("in")
            && w.ends_with("total")
            && IN_TOTAL_NOUN.is_match(&sentence[m.end()..]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`years`] with the expressions of [`judge`] alone.
    fn years_by_expressions(text: &str) -> (Vec<(usize, u16)>, bool) {
        let mut out = Vec::new();
        let mut spans = false;
        for m in YEAR.find_iter(text) {
            let (before, after) = (&text[..m.start()], &text[m.end()..]);
            if YEAR_RANGE_AFTER.is_match(after) || YEAR_RANGE_BEFORE.is_match(before) {
                spans = true;
                continue;
            }
            let glued = before.ends_with(|c: char| c.is_alphanumeric() || c == ',' || c == '.')
                || after.starts_with(|c: char| c.is_alphanumeric() || c == '/' || c == '%');
            if glued || YEAR_BASE_BEFORE.is_match(before) || YEAR_BASE_AFTER.is_match(after) {
                continue;
            }
            if let Ok(y) = m.as_str().parse() {
                out.push((m.start(), y));
            }
        }
        (out, spans)
    }

    /// The words of an expression's source, in lower case.
    fn words_of(re: &Regex) -> Vec<String> {
        re.as_str()
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// A share phrase's opening read by hand is the expression's match.
        #[test]
        fn a_share_opening_is_read_as_the_expression_reads_it(
            t in crate::scan::texts_of(&[
                " ", "\t", "\n", "of", "o", "f", "Of", "which", "whom", "them", "the", "these",
                "those", "this", "that", "it", "its", "wh", "x", "ễ", ",", "5", "\u{a0}",
            ], 8)
        ) {
            let want = SHARE_OF
                .captures(&t)
                .map(|c| (c.get(0).map_or(0, |m| m.end()), c.name("which").is_some()));
            proptest::prop_assert_eq!(share_opening(&t), want, "{:?}", t);
        }
    }

    /// What [`change_looking`] read from the groups of the expressions: `increase` for
    /// `up` or `upn`, else `decrease`.
    fn change_by_groups(before: &str, after: &str) -> Option<&'static str> {
        let pick = |c: regex::Captures| {
            if c.name("up").is_some() || c.name("upn").is_some() {
                "increase"
            } else {
                "decrease"
            }
        };
        let before = FILLER.find(before).map_or(before, |m| &before[..m.start()]);
        CHANGE_BEFORE
            .captures(before)
            .map(pick)
            .or_else(|| CHANGE_AFTER.captures(after).map(pick))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// A change told by its match's words is the one its groups tell.
        #[test]
        fn a_change_is_told_by_its_words_as_by_its_groups(
            before in crate::scan::texts_of(&[
                " ", "  ", "went", "up", "down", "grew", "fell", "growth", "decline", "rise",
                "rate", "of", "by", "stood", "at", "was", "increase", "decrease", "cut", "x",
                "Went", "UP", "ễ", ",", "amounted", "to", "edged", "jump",
            ], 7),
            after in crate::scan::texts_of(&[
                " ", "  ", "year-on-year", "annual", "increase", "increases", "decrease",
                "higher", "lower", "more", "less", "cut", "Growth", "LOSS", "x", "ễ", ",",
                "yoy", "-", "s",
            ], 6),
        ) {
            proptest::prop_assert_eq!(
                change_looking(&before, &after, false),
                change_by_groups(&before, &after),
                "{:?} {:?}", before, after
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]

        /// A text before a year that the look rules out is none the expression of a
        /// comparison's base matches.
        #[test]
        fn a_base_before_a_year_is_let_through_by_the_look(
            t in crate::scan::texts_of(&[
                "compared", "to", "with", "comparison", "than", "since", "versus", "vs", "VS",
                "vs.", "relative", "over", "from", "before", "similar", "same", "as", "that",
                "of", "the", "THE", "period", "in", "In", "against", "moreover", "x", "ễ", " ",
                "  ", "\t", "\u{b}", "\n", "\u{a0}", ".", ",", "-",
            ], 10)
        ) {
            proptest::prop_assert!(!YEAR_BASE_BEFORE.is_match(&t) || may_end_base(&t), "{:?}", t);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]

        /// The filler words read by hand start where the expression's match does.
        #[test]
        fn a_filler_is_read_as_the_expression_reads_it(
            t in crate::scan::texts_of(&[
                "only", "ONLY", "just", "merely", "Merely", "mere", "a", "A", "x", "_", "5", "ễ",
                " ", "  ", "\t", "\u{b}", "\n", "\u{a0}", "-", ".",
            ], 8)
        ) {
            proptest::prop_assert_eq!(filler_start(&t), FILLER.find(&t).map(|m| m.start()), "{:?}", t);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The years found by hand are the expression's matches.
        #[test]
        fn years_are_found_as_the_expression_finds_them(
            t in crate::scan::texts_of(&[
                "18", "19", "20", "21", "2", "0", "9", "199", "2020", "a", "Z", "_", " ", "-",
                ".", ",", "ễ", "٢", "/", "%",
            ], 12)
        ) {
            let ours: Vec<Range<usize>> = year_matches(&t).collect();
            let want: Vec<Range<usize>> = YEAR.find_iter(&t).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(ours, want, "{:?}", t);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The last metric word searched for a stretch at a time from the end back is
        /// the last of the text's, and the first searched for lazily the first.
        #[test]
        fn the_last_metric_word_searched_back_is_the_last_of_the_text(
            t in crate::scan::texts_of(&[
                "trade", " ", "turnover", "s", "import", "-", "export", " and ", "aid", "ODA",
                "FDI", "x", "ễ", "5", "US$", "capital", "registered ", "total ", ",", "(",
                "donated", "balance of trade", "  ", "Ä",
            ], 60),
        ) {
            let m = crate::gazetteer::Gazetteers::embedded().metric_words();
            let bytes = MetricBytes::of(m);
            for money in [true, false] {
                let keep = |w: &MetricMatch| money || !w.2;
                let all = metric_words(m, &t);
                proptest::prop_assert_eq!(
                    last_metric_word(m, &bytes, &t, keep),
                    all.iter().rev().find(|w| keep(w)).map(|w| w.1),
                    "{:?}", t
                );
                proptest::prop_assert_eq!(
                    first_metric_word(m, &t, keep),
                    all.iter().find(|w| keep(w)).map(|w| w.1),
                    "{:?}", t
                );
            }
        }
    }

    #[test]
    fn the_last_metric_word_before_a_figure_is_the_last_of_the_text_before_it() {
        let m = crate::gazetteer::Gazetteers::embedded().metric_words();
        let bytes = MetricBytes::of(m);
        let mut found = 0;
        for line in crate::testing::fixture_lines() {
            // The text before every digit run, as before a figure.
            let starts = line
                .char_indices()
                .filter(|&(i, c)| {
                    c.is_ascii_digit() && !line[..i].ends_with(|p: char| p.is_ascii_digit())
                })
                .map(|(i, _)| i);
            for start in starts {
                let before = &line[..start];
                let all = metric_words(m, before);
                for money in [true, false] {
                    let keep = |w: &MetricMatch| money || !w.2;
                    let want = all.iter().rev().find(|w| keep(w)).map(|w| w.1);
                    found += usize::from(want.is_some());
                    assert_eq!(
                        last_metric_word(m, &bytes, before, keep),
                        want,
                        "{before:?}"
                    );
                }
            }
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn a_clause_read_from_the_breaks_is_the_one_the_expression_splits() {
        let plain = |sentence: &str, at: usize| {
            let mut start = 0;
            for m in CLAUSE_BREAK.find_iter(sentence) {
                if m.start() >= at {
                    return start..m.start();
                }
                start = m.end();
            }
            start..sentence.len()
        };
        let mut lines = crate::testing::fixture_lines();
        lines.push("A; b, and c , while d,  BUT e;f; ".to_string());
        for line in &lines {
            let breaks = clause_breaks(line);
            for at in 0..=line.len() {
                assert_eq!(clause(&breaks, line.len(), at), plain(line, at), "{line:?}");
            }
        }
    }

    #[test]
    fn years_of_the_fixtures_are_found_as_the_expression_finds_them() {
        let mut found = 0;
        for (path, text) in crate::testing::fixture_texts() {
            let want: Vec<Range<usize>> = YEAR.find_iter(&text).map(|m| m.range()).collect();
            found += want.len();
            assert_eq!(year_matches(&text).collect::<Vec<_>>(), want, "{path:?}");
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn the_word_sets_hold_every_word_that_can_end_or_open_a_match() {
        // Flags, escapes and group names, and the words that stand only inside a match.
        let inside = [
            "ix",
            "i",
            "b",
            "s",
            "p",
            "up",
            "down",
            "upn",
            "downn",
            "noun",
            "which",
            "went",
            "edged",
            "growth",
            "gain",
            "jump",
            "surge",
            "expansion",
            "hike",
            "upturn",
            "reduction",
            "contraction",
            "loss",
            "slump",
            "cut",
            "downturn",
            "over",
            "o",
        ];
        let before: Vec<&str> = CHANGE_BEFORE_ENDS.to_vec();
        for w in words_of(&CHANGE_BEFORE) {
            assert!(
                before.contains(&w.as_str()) || inside.contains(&w.as_str()),
                "{w}"
            );
        }
        for w in words_of(&CHANGE_AFTER) {
            assert!(
                change_after_opens().contains(&w.as_str())
                    || ["ix", "s", "b", "p", "up", "down", "over", "o"].contains(&w.as_str()),
                "{w}"
            );
        }
        let sets = WordSet::new(&CHANGE_BEFORE_ENDS);
        assert!(sets.holds(b"GREW") && sets.holds(b"by") && !sets.holds(b"the"));
        assert!(!sets.holds(b"") && !sets.holds(&[b'a'; LONGEST_WORD + 1]));
        for w in CHANGE_BEFORE_ENDS.iter().chain(&change_after_opens()) {
            assert!(w.len() <= LONGEST_WORD, "{w}");
        }
    }

    #[test]
    fn the_looks_before_the_expressions_change_nothing() {
        // Texts: the fixtures' lines, then each word of the expressions next to spaces
        // and the phrases their matches end or open with.
        let mut lines = crate::testing::fixture_lines();
        let mut words: Vec<String> = [
            &*CHANGE_BEFORE,
            &CHANGE_AFTER,
            &FILLER,
            &SHARE_OF,
            &METRIC_AFTER,
            &YEAR_BASE_BEFORE,
            &YEAR_BASE_AFTER,
        ]
        .iter()
        .flat_map(|re| words_of(re))
        .collect();
        words.extend(
            [
                "went up",
                "edged  up",
                "went up by",
                "rise was",
                "decline  by",
                "share of",
                "rose to",
                "jump reached",
                "growth rate of",
                "stood at",
                "amounted to",
                "compared to the same period of",
                "compared with the same period in",
                "against that of",
                "SINCE THE",
                "vs. the",
                "in the",
                "of the",
                "vs.",
                "vs",
                "that of",
                "only",
                "a mere",
                "year-on-year increase",
                "y-o-y drop",
                "on-year rise",
                "of which",
                "of them",
                "in registered capital",
                "in  total new FDI",
                "of new investment capital",
                "in official development assistance",
                "as a gift",
                "as an AID",
                "as donations",
                "in 2020",
                "of which",
                "as  contributions",
                "figures",
                "levels",
            ]
            .map(String::from),
        );
        words.sort();
        words.dedup();
        for w in &words {
            for (a, b) in [(" ", " "), ("\t", "  "), ("\u{b}", "\n"), ("", "")] {
                for form in [w.clone(), w.to_uppercase()] {
                    lines.push(format!("x {form}{a}12.5%{b}{form} y"));
                    lines.push(format!("In {form}{a}2020{b}{form} 2019 - 2021{a}{form}"));
                    lines.push(format!("{form}{a}-{b}2020, {form} by only{a}7%{b}of which"));
                }
            }
        }
        let m = crate::gazetteer::Gazetteers::embedded().metric_words();
        let mut read = [0usize; 4];
        for line in &lines {
            let (ours, plain) = (years(line), years_by_expressions(line));
            read[0] += ours.0.len() + usize::from(ours.1);
            assert_eq!(ours, plain, "{line:?}");
            assert_eq!(names_span(line), plain.1, "{line:?}");
            // Split at every digit run, as at a figure.
            let b = line.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if !b[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                let end = i + usize::from(b.get(i) == Some(&b'%'));
                let (before, after) = (&line[..start], &line[end..]);
                let c = change(before, after);
                read[1] += usize::from(c.is_some());
                assert_eq!(
                    c,
                    change_looking(before, after, false),
                    "{line:?} at {start}"
                );
                let sh = share_of(after);
                read[2] += usize::from(sh.is_some());
                let plain = SHARE_OF.captures(after).map(|_| ());
                assert!(sh.is_none() || plain.is_some(), "{line:?} at {start}");
                if plain.is_some() {
                    assert_eq!(word_after_space(after), Some(&b"of"[..]), "{after:?}");
                }
                if let Some(c) = METRIC_AFTER.captures(after) {
                    let w = c.name("noun").or(c.name("in")).or(c.name("as"));
                    let found = c.get(0).map(|m| metric_after_words(m.as_str()));
                    assert_eq!(found, w.map(|w| w.as_str()), "{after:?}");
                }
                let ma = metric_after(m, after);
                read[3] += usize::from(ma.is_some());
                assert_eq!(ma, metric_after_looking(m, after, false), "{after:?}");
                if METRIC_AFTER.is_match(after) {
                    let w = word_after_space(after).unwrap_or_default();
                    let w = String::from_utf8_lossy(w).to_ascii_lowercase();
                    assert!(METRIC_AFTER_OPENS.contains(&w.as_str()), "{after:?}");
                }
            }
        }
        assert!(read.iter().all(|&n| n > 20), "{read:?}");
    }

    #[test]
    fn change_from_the_words_around() {
        let cases = [
            ("Viet Nam's GDP grew by ", "", Some("increase")),
            ("the Eurozone's GDP dropped by ", "", Some("decrease")),
            ("a year-on-year growth of ", "", Some("increase")),
            ("a decrease of only ", " against 2019", Some("decrease")),
            ("a ", " year-over-year increase", Some("increase")),
            ("only a ", " decrease compared", Some("decrease")),
            ("The GDP decline was ", " for Japan", Some("decrease")),
            ("recording positive growth at ", ".", Some("increase")),
            ("accounting for ", " of the total", None),
            ("The ratio of women serving these missions was ", ",", None),
        ];
        for (before, after, want) in cases {
            assert_eq!(change(before, after), want, "{before}|{after}");
        }
    }

    #[test]
    fn share_phrases() {
        assert_eq!(
            share_of(" of Viet Nam's total rice export volume.").as_deref(),
            Some("Viet Nam's total rice export volume")
        );
        assert_eq!(share_of(" of global GDP.").as_deref(), Some("global GDP"));
        assert_eq!(share_of(" of which came from").as_deref(), Some(""));
        assert_eq!(share_of(" decrease against 2019"), None);
    }

    #[test]
    fn the_last_year_before_a_place_is_the_last_year_of_the_text_up_to_it() {
        let texts = [
            "In 2019, trade grew. By 2020 it fell against 2019 figures. 2018 - 2021 ODA. 20195 2021",
            "No. 2013/QD of 2,020 in 2020%. Since 2017 the 2020-2021 year; 1999.2000 and 2001",
            "a 2019\n2020 b 20202021 in 2022 levels 2023",
        ];
        let mut tried = 0;
        for text in texts {
            let shapes = year_shapes(text);
            for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                let want = years(&text[..end]).0.last().copied();
                assert_eq!(
                    last_year_before(text, &shapes, end),
                    want,
                    "{text:?} up to {end}"
                );
                tried += usize::from(want.is_some());
            }
        }
        assert!(tried > 50);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8000))]

        /// The words of a match read from it are those its group captures.
        #[test]
        fn the_metric_words_after_a_figure_are_read_as_captured(
            t in crate::scan::texts_of(&[
                "in", "IN", "of", "as", "As", "a", "an", "total", "new", "registered", "capital",
                "investment", "investments", "official", "development", "assistance", "aid",
                "aids", "grant", "grants", "loans", "gift", "gifts", "ODA", "FDI", "x", "5",
                " ", "  ", "\t", "\x0b", "\n", ",", "-", "é",
            ], 8)
        ) {
            if let Some(c) = METRIC_AFTER.captures(&t) {
                let w = c.name("noun").or(c.name("in")).or(c.name("as")).map(|w| w.as_str());
                let found = c.get(0).map(|m| metric_after_words(m.as_str()));
                proptest::prop_assert_eq!(found, w, "{:?}", t);
            }
        }
    }

    #[test]
    fn years_that_are_periods() {
        let (ys, spans) =
            years("In 2020, trade fell 10% against 2019 and compared to the 2019 figure.");
        assert_eq!(ys, vec![(3, 2020)]);
        assert!(!spans);
        let (ys, spans) = years("ODA of NZ$26.7 million for Viet Nam for 2018 - 2021");
        assert!(ys.is_empty() && spans);
        assert!(is_stock(
            "In total, by the end of 2020, China had 3,123 projects"
        ));
        assert!(!is_stock(
            "In 2020, India's FDI was US$30.8 million in total registered capital"
        ));
        assert!(is_stock(
            "in 2020 Germany had 378 projects in effect worth a total of"
        ));
    }

    #[test]
    fn metrics() {
        let m = crate::gazetteer::Gazetteers::embedded().metric_words();
        let bytes = MetricBytes::of(m);
        let s = "In 2020, the bilateral trade turnover totaled US$ 133.1 billion, in which Viet Nam's import was worth US$ 84.2 billion.";
        let at = |t: &str| {
            let i = s.find(t).expect("in sentence");
            i..i + t.len()
        };
        assert_eq!(
            metric(m, &bytes, s, at("US$ 133.1 billion"), s.len(), true),
            "trade_turnover"
        );
        assert_eq!(
            metric(m, &bytes, s, at("US$ 84.2 billion"), s.len(), true),
            "import"
        );
        let s =
            "the Public Investment Fund of Saudi Arabia signed a US$20.3 million loan agreement";
        let i = s.find("US$").expect("amount");
        assert_eq!(
            metric(m, &bytes, s, i..i + "US$20.3 million".len(), s.len(), true),
            "loan"
        );
        let s = "the U.S. had 1,072 projects worth US$9.44 billion, ranking 11th among countries with investment in Viet Nam.";
        let i = s.find("US$").expect("amount");
        assert_eq!(
            metric(m, &bytes, s, i..i + "US$9.44 billion".len(), s.len(), true),
            "fdi"
        );
    }
}
