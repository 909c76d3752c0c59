//! Dated events: who did what with whom, when and where.
//!
//! Takes: the [`Analysis`], the date mentions (view ranges and ISO values) and the
//! person mentions found by the earlier stages. Gives: one `event` record per date
//! expression that dates a diplomatic action — a visit, a call, a meeting, a summit, a
//! conference, a signing, a ceremony, a message, aid — with its participants, the
//! states and international bodies taking part, and the place when the text states
//! it.
//!
//! The text around a date says what it dates. A date that closes a clause (`... had a
//! telephone conversation with Prime Minister Shinzo Abe (March, May and August
//! 2020)`) dates the clause before it, back to the previous date of the sentence; a
//! date that opens one (`On 12 February 2020, the European Parliament ratified ...`)
//! dates the clause after it. The action is read from words in that clause (a
//! `visit`, `telephone conversation`, `talks`, `signed`, `donated`...); a clause that
//! only continues a list (`..., Prime Ministers (March and November 2020), ...`) takes
//! the action and, when it names no one, the participants of the item before it. A
//! date in a clause with no action (`by the end of October 2020, trade volume ...
//! amounted to`) gives no event. A coordinated date gives one event with several
//! values.

use super::{Earlier, Part};
use crate::analysis::{Analysis, Partner};
use crate::extractors::dates::Date;
use crate::extractors::people::PersonMention;
use crate::gazetteer::EventKind;
use crate::record::{DateRef, EventRecord, Granularity, Participant, Record};
use crate::reference;
use crate::repair::LineKind;
use crate::text;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How far before a name (or an office) the words that make the person the one
/// honoured may stand, in bytes.
const HONOURED_REACH: usize = 60;

/// How far before a date its bracket may open, in bytes: `(Hanoi, 19 October 2020)`.
const BRACKET_REACH: usize = 200;

/// One record per date that dates an action.
pub(crate) fn extract<'a>(
    a: &'a Analysis,
    earlier: &Earlier,
    part: &Part,
    out: &mut Vec<Record<'a>>,
) {
    let (dates, people) = (&earlier.dates[..], &earlier.people[..]);
    let person_country = &earlier.person_countries;
    let text = a.view.text();
    // The people named wholly inside a view range.
    let people_in = |range: Range<usize>| {
        let from = earlier.people_from(range.start);
        people[from..]
            .iter()
            .take_while(move |p| p.view.start < range.end)
            .filter(move |p| p.view.end <= range.end)
    };
    let taking_part = |p: &&PersonMention| {
        let lead = text::before(text, p.view.start, HONOURED_REACH);
        !a.honours_in(p.view.start - lead.len()..p.view.start) && !speaks(a, p)
    };
    let sentences = a.sentences.ranges();
    let first = sentences.partition_point(|s| s.start < part.view.start);
    // The first date at or after the start of the sentence read, walked forward with
    // the sentences (both in order): each date is passed over once.
    let mut at_start = 0;
    // A sentence's dates and a clause's action words, in vectors reused from one to
    // the next rather than allocated for each.
    let mut in_sentence: Vec<&Date> = Vec::new();
    let mut hits: Vec<(Range<usize>, EventKind)> = Vec::new();
    // An event's state codes, borrowed until its record is made, in one vector reused
    // from event to event.
    let mut codes: Vec<&str> = Vec::new();
    for sentence in sentences[first..]
        .iter()
        .take_while(|s| part.holds(s.start))
    {
        // A sentence that holds no date from its start dates nothing (with no dateline
        // read, its dates are those from there): most sentences are left here, before
        // their line is looked up.
        while dates
            .get(at_start)
            .is_some_and(|d| d.view.start < sentence.start)
        {
            at_start += 1;
        }
        if dates
            .get(at_start)
            .is_none_or(|d| d.view.end > sentence.end)
        {
            continue;
        }
        let line = a.view.line_at(sentence.start);
        let kind_of_line = a.view.lines()[line].kind;
        if !kind_of_line.is_prose() || kind_of_line == LineKind::Footnote {
            continue;
        }
        // A news dateline opening the paragraph (`Canberra (VNA) – On March 6, ...`,
        // `HANOI, March 3, 2024 - ...`) is no part of a clause, and its date dates the
        // article, not an act: the first clause opens after it.
        // (Looked for only in a paragraph's first sentence, where a date stands.)
        let opens_paragraph = a.view.lines()[line].range.start == sentence.start;
        let dateline = opens_paragraph
            .then(|| reference::dateline(&text[sentence.clone()], a.reference.numeric_order))
            .flatten();
        let start = sentence.start + dateline.map_or(0, |d| d.len);
        let first = if start == sentence.start {
            at_start
        } else {
            dates.partition_point(|d| d.view.start < start)
        };
        // A year alone dates an action only when it is written with the action's own
        // words (`the 2019 declaration`, `trilateral talks in 2022`); a day or a month
        // dates the clause it sits in.
        in_sentence.clear();
        in_sentence.extend(
            dates[first..]
                .iter()
                .take_while(|d| d.view.end <= sentence.end)
                // A day recurring every year ("declare December 27 as the International
                // Day of ...") names the day, not when an action took place; a day
                // whose year the document does not give (`on March 7` in an undated
                // article) does.
                .filter(|d| !d.values.is_empty() && !d.recurring)
                .filter(|d| {
                    d.granularity != Granularity::Year
                        || premodifies(a, text, d, sentence.end).is_some()
                        || closes_action(a, text, d, sentence.start)
                        || closes_funding(a, text, d, sentence.start)
                }),
        );
        // (end, kind, participants); the participants are their mentions, copied into a
        // record only when it is made.
        let mut previous: Option<(usize, EventKind, Vec<&PersonMention>)> = None;
        let mut from = start;
        for (n, date) in in_sentence.iter().enumerate() {
            // The clause the date dates: before it, or after it when it opens the clause
            // or names the action it premodifies (`the June 27 signing of ...`).
            let before = &text[from..date.view.start];
            let premodified = premodifies(a, text, date, sentence.end);
            // A year that dates an action is written with the action's own words.
            let year_only = date.granularity == Granularity::Year;
            let opens = (at_most_two_words(before) || lead_in(before)) && !before.contains('(');
            // Where the next date of the sentence starts (the sentence's end after the
            // last), and the text from this date up to it, cut before the stop found
            // (`stop`: a byte search for ASCII stops) and its trailing space and stop.
            let next = in_sentence
                .get(n + 1)
                .map_or(sentence.end, |d| d.view.start);
            let after = &text[date.view.end..next.max(date.view.end)];
            let up_to = |stop: fn(&[u8]) -> Option<usize>| {
                let stop = stop(after.as_bytes()).unwrap_or(after.len());
                date.view.end + after[..stop].trim_end().trim_end_matches('.').len()
            };
            // The clause, and where its words that name the action end: an object read
            // past a closing date (`for visiting Thai Foreign Minister ...`) names no
            // action of its own.
            let (clause, action_end) = if let Some(end) = premodified {
                let end = in_sentence
                    .get(n + 1)
                    .map_or(end, |d| end.min(d.view.start));
                (date.view.start..end, end)
            } else if opens {
                // Up to a semicolon, else to the sentence's close: a period inside
                // the sentence is no stop (`On November 29, Mr. Kishida held ...`,
                // `US$ 5.5 million`), as the sentence splitter found.
                let end = up_to(|b| memchr::memchr(b';', b));
                (date.view.start..end, end)
            } else {
                // `hosted a reception in Hanoi on March 12 for visiting Thai Foreign
                // Minister Maris Sangiampongsa`, `held talks on 5 May with ...`: the
                // object of the action goes on past the date that closes it, up to
                // the next clause mark; it is the clause's when it names someone.
                let object = ["for ", "with "]
                    .iter()
                    .any(|w| after.trim_start_matches(' ').starts_with(w))
                    .then(|| date.view.end..up_to(clause_mark))
                    .filter(|r| people_in(r.clone()).next().is_some());
                (from..object.map_or(date.view.end, |r| r.end), date.view.end)
            };
            // The clause starts at its first word, after the previous date's bracket and
            // the separator, or a list item's bullet and emphasis (`-   **Through ...`).
            let lead_len = text[clause.clone()].len()
                - text[clause.clone()]
                    .trim_start_matches([')', ',', ';', ' ', '\n', '*', '_', '-', '•'])
                    .len();
            let clause = clause.start + lead_len..clause.end;
            // `... and follows the two leaders’ first meeting in Washington on August
            // 25`: the leaders' own action is the one the date dates.
            let leaders = leaders_action(a, text, clause.clone(), date.view.start);
            let clause = match leaders {
                Some(at) => at..clause.end,
                None => clause,
            };
            let action = clause.start..action_end.clamp(clause.start, clause.end);
            let clause_text = &text[clause.clone()];
            // A date that dates a figure or an instrument (`the 2019 budget`, `Decree
            // of 5 May`), read only for a date that names an action.
            let figure = || {
                let lead = before.trim_end().trim_end_matches('(').trim_end();
                lowered_ends_with(lead, a.gazetteers().figure_leads())
                    || dates_an_instrument(before)
            };
            let continues = previous.is_some() && {
                let t = before.trim_start_matches([')', ' ']);
                t.starts_with(',')
                    || t.starts_with("and ")
                    || t.starts_with(';')
                    || t.starts_with("as well as")
            };
            let kind = match (&previous, continues) {
                (Some(p), true) => kind_in(a, action.clone(), true, &mut hits)
                    .or_else(|| {
                        (premodified.is_some() || year_only)
                            .then(|| kind_in(a, action.clone(), false, &mut hits))
                            .flatten()
                    })
                    .or(Some(p.1)),
                _ => kind_in(a, action.clone(), false, &mut hits),
            };
            // Funds committed with their amount are aid, unless a stronger kind is named.
            let kind = match funding(a, text, action.clone()) {
                Some(_) => Some(kind.map_or(EventKind::Aid, |k| k.min(EventKind::Aid))),
                None => kind,
            };
            // No action named: no event, and nothing more to read for this date.
            if kind.is_none() {
                from = date.view.end;
                continue;
            }
            let mut participants: Vec<&PersonMention> =
                people_in(clause.clone()).filter(taking_part).collect();
            // A list item that names no one and no office ("for work purposes") is the
            // same people's.
            let mut opening = clause_text.trim_start_matches(|c: char| !c.is_alphanumeric());
            // Every leading `and ` off (a prefix stripped in a loop: `trim_start_matches`
            // with a string builds a substring searcher at each call).
            while let Some(rest) = opening.strip_prefix("and ") {
                opening = rest;
            }
            let opens_lowercase = opening.starts_with(char::is_lowercase);
            // An office names someone taking part, unless it is the one honoured (read
            // only for a clause that may take the people of the one before).
            let names_office = || {
                clause_text.contains("members")
                    || a.offices_in(clause.clone()).any(|h| {
                        let from = h.start.saturating_sub(HONOURED_REACH).max(clause.start);
                        !a.honours_in(text::ceil(text, from)..h.start)
                    })
            };
            if participants.is_empty()
                && continues
                && opens_lowercase
                && let Some(p) = &previous
                && !names_office()
            {
                participants = p.2.clone();
            }
            if participants.is_empty() && !continues {
                // Participants named earlier in the sentence.
                participants = people_in(sentence.start..clause.start)
                    .filter(taking_part)
                    .collect();
            }
            if participants.is_empty()
                && let Some(at) = leaders
            {
                participants = last_leaders(&people[..earlier.people_from(at)]);
            }
            // `Building on the November 2022 meeting in Bali ..., the two leaders
            // acknowledged ...`: an action no one is named in, before the two leaders of
            // its sentence, is theirs (not one they welcome: `the two leaders welcomed
            // the announcement ...`).
            if participants.is_empty()
                && !continues
                && names_the_two_leaders(&text[date.view.end..sentence.end])
            {
                participants = last_leaders(&people[..earlier.people_from(sentence.start)]);
            }
            dedup_participants(&mut participants);
            from = date.view.end;
            // A span of years (`18 January 1950 - 18 January 2020`) is an anniversary's
            // reach, not the date of an action.
            // The years over which funds are committed (`$75 million from FY2019 to
            // FY2023`) are the commitment's, though.
            let years_long = date
                .start
                .as_ref()
                .zip(date.end.as_ref())
                .is_some_and(|(s, e)| s.get(..4) != e.get(..4))
                && !closes_funding(a, text, date, sentence.start);
            let Some(kind) = kind.filter(|_| !years_long && !figure()) else {
                continue;
            };
            let mut event =
                |clause: Range<usize>, kind: EventKind, participants: &[&PersonMention]| {
                    // `will depart on 16 November for Thailand and the Philippines`: the
                    // places a trip goes to, named right after the date that closes it.
                    let to = if kind == EventKind::Visit && clause.end <= date.view.end {
                        destinations(a, text, date.view.end, sentence.end)
                    } else {
                        Vec::new()
                    };
                    // The states of the people taking part, then the trip's destinations.
                    codes.clear();
                    let known = participants
                        .iter()
                        .filter_map(|p| person_country.get(&p.record.person_id)?.as_deref());
                    for c in known.chain(to) {
                        add(&mut codes, c);
                    }
                    let orgs = orgs(a, &clause);
                    let countries = countries(
                        a,
                        line,
                        &clause,
                        sentence.end,
                        (&mut codes, !participants.is_empty()),
                        !orgs.is_empty(),
                        kind,
                    );
                    EventRecord {
                        orgs,
                        location: location(a, text, date, &clause),
                        common: a.common(clause),
                        kind,
                        date: DateRef {
                            span: a.raw_span(date.view.clone()).into(),
                            values: date.values.clone(),
                        },
                        participants: participants
                            .iter()
                            .map(|p| Participant {
                                name: p.record.name.clone(),
                                person_id: p.record.person_id.clone(),
                            })
                            .collect(),
                        countries,
                    }
                };
            // `a meeting with X and then a longer meeting with Y`: two actions in a row,
            // each with its own people, on the one date.
            if let Some((first, second)) = in_a_row(a, text, clause.clone()) {
                let people_of = |r: Range<usize>| -> Vec<&PersonMention> {
                    let mut p: Vec<&PersonMention> = people_in(r).filter(taking_part).collect();
                    dedup_participants(&mut p);
                    p
                };
                let (one, two) = (people_of(first.clone()), people_of(second.clone()));
                if !two.is_empty() {
                    let one = if one.is_empty() { &participants } else { &one };
                    let kind_one = kind_in(a, first.clone(), false, &mut hits).unwrap_or(kind);
                    let kind_two = kind_in(a, second.clone(), false, &mut hits).unwrap_or(kind);
                    out.push(Record::Event(event(first, kind_one, one)));
                    out.push(Record::Event(event(second, kind_two, &two)));
                    // The next item of a list takes this date's participants (moved
                    // there once the records are made, not copied).
                    previous = Some((date.view.end, kind, participants));
                    continue;
                }
            }
            out.push(Record::Event(event(clause, kind, &participants)));
            previous = Some((date.view.end, kind, participants));
        }
    }
}

/// Whether a person mention is the speaker's label opening a line of a transcript
/// (`Mao Ning: At the invitation of ...`): the one speaking, not one taking part.
fn speaks(a: &Analysis, p: &PersonMention) -> bool {
    // The colon first: most names are followed by none, and their line is not looked up.
    a.view.text()[p.view.end..]
        .trim_start_matches(' ')
        .starts_with(':')
        && a.view.lines()[a.view.line_at(p.view.start)].range.start == p.view.start
}

/// A clause naming two actions in a row (`she will have a meeting with X and then a
/// longer bilateral meeting with Y`), split where the second begins: each part names
/// an action of its own, the second within a few words of the joining words (`and
/// then`, `, then`, `and later`, `followed by`).
fn in_a_row(
    a: &Analysis,
    text: &str,
    clause: Range<usize>,
) -> Option<(Range<usize>, Range<usize>)> {
    // Asked of every clause: the joining words' searchers are made once.
    static JOINS: LazyLock<[memchr::memmem::Finder<'static>; 4]> = LazyLock::new(|| {
        [" and then ", ", then ", " and later ", ", followed by "].map(memchr::memmem::Finder::new)
    });
    // The two actions are two event words, one on each side of the joining words: a
    // clause with fewer is not searched.
    a.event_words_in(clause.clone()).nth(1)?;
    let body = &text[clause.clone()];
    let (at, len) = JOINS
        .iter()
        .filter_map(|j| j.find(body.as_bytes()).map(|i| (i, j.needle().len())))
        .min()?;
    let join = clause.start + at;
    let second = join + len..clause.end;
    a.event_words_in(clause.start..join).next()?;
    let (word, _) = a.event_words_in(second.clone()).next()?;
    text::at_most_words(&text[second.start..word.start], 3).then_some((clause.start..join, second))
}

/// Where `the two leaders’ <action>` (or `both leaders’`) opens, when the last such
/// phrase of the clause names an action a few words after the possessive, with only
/// its modifiers and places between it and the date (`the two leaders’ first meeting
/// in Washington on`).
fn leaders_action(a: &Analysis, text: &str, clause: Range<usize>, date: usize) -> Option<usize> {
    let body = &text[clause.start..date];
    // Most clauses name no leaders' action: asked of the bytes before lowering the
    // clause.
    if !names_leaders_possessive(body) {
        return None;
    }
    let lower = body.to_lowercase();
    let (at, len) = [
        "the two leaders’",
        "the two leaders'",
        "both leaders’",
        "both leaders'",
    ]
    .iter()
    .filter_map(|p| lower.rfind(p).map(|i| (i, p.len())))
    .max()?;
    // `to_lowercase` keeps these ASCII offsets where they were.
    if lower.len() != body.len() {
        return None;
    }
    let after = clause.start + at + len;
    let (word, _) = a.event_words_in(after..date).next()?;
    let between = &text[after..word.start];
    let rest = &text[word.end..date];
    (text::at_most_words(between, 2)
        && !rest.contains([',', ';', '(', ')'])
        && text::at_most_words(rest, 6))
    .then_some(clause.start + at)
}

/// Whether `text` holds `leaders’` (or `leaders'`) in any case, as every phrase
/// [`leaders_action`] looks for in the lowered text does. The only characters besides
/// ASCII letters that lower to one of its letters are the Kelvin sign (to `k`) and `İ`
/// (to `i` and a combining dot), in none of them: a look in any ASCII case finds what a
/// look in the lowered text finds. The apostrophes, rare, are looked for first: `'`,
/// and the last byte of `’` (a byte that ends other characters too).
fn names_leaders_possessive(text: &str) -> bool {
    const CURLY: &[u8] = "’".as_bytes();
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\'', CURLY[2], bytes).any(|i| {
        let end = if bytes[i] == b'\'' {
            i
        } else if bytes[..=i].ends_with(CURLY) {
            i + 1 - CURLY.len()
        } else {
            return false;
        };
        bytes[..end].len() >= 7 && bytes[end - 7..end].eq_ignore_ascii_case(b"leaders")
    })
}

/// Whether a sentence speaks of `the two leaders` (or `both leaders`).
fn names_the_two_leaders(sentence: &str) -> bool {
    // Every form holds `leaders`: most sentences are ruled out by one fast search.
    static LEADERS: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("leaders"));
    if LEADERS.find(sentence.as_bytes()).is_none() {
        return false;
    }
    [
        "the two leaders",
        "both leaders",
        "The two leaders",
        "Both leaders",
    ]
    .iter()
    .any(|p| {
        sentence.match_indices(p).any(|(at, _)| {
            !sentence[at + p.len()..]
                .starts_with(|c: char| c.is_alphanumeric() || c == '’' || c == '\'')
        })
    })
}

/// The two people named last with a title in `before` (the mentions before a
/// place): the leaders `the two leaders` speaks of.
fn last_leaders(before: &[PersonMention]) -> Vec<&PersonMention> {
    let mut out: Vec<&PersonMention> = Vec::new();
    for p in before.iter().rev() {
        if !p.titled || out.iter().any(|o| o.record.person_id == p.record.person_id) {
            continue;
        }
        out.push(p);
        if out.len() == 2 {
            out.reverse();
            return out;
        }
    }
    Vec::new()
}

/// How far after a date the action it premodifies may be named, in bytes.
const PREMODIFIER_REACH: usize = 40;

/// Where the clause ends when `date` premodifies an action (`the June 27 signing of a
/// memorandum`, `the 2019 declaration of ...`, `a November 2022 meeting in Bali`):
/// event words follow it within a few words, with nothing but words between (no
/// punctuation, no number). The clause runs to the next `;`, `.`, bracket or relative
/// clause (`, which`), the next date, or the sentence end.
fn premodifies(a: &Analysis, text: &str, date: &Date, sentence_end: usize) -> Option<usize> {
    // The words between the date and the action open with a space (see `plain_words`):
    // a date followed by anything else premodifies nothing, and no word is looked up.
    if !space_at(text, date.view.end) {
        return None;
    }
    let reach = text::ceil(text, (date.view.end + PREMODIFIER_REACH).min(sentence_end));
    let (word, _) = a.event_words_in(date.view.end..reach).next()?;
    let between = &text[date.view.end..word.start];
    // Modifiers only (`trilateral`, `first-ever`), not a clause (`2000 that entered
    // into force`), and the action a noun, not a verb in the past.
    const CLAUSE_WORDS: &[&str] = &[
        "that", "which", "who", "and", "or", "but", "was", "were", "is", "are", "has", "have",
        "had", "will", "to", "when", "while", "as",
    ];
    // Words of a name may carry dots, hyphens and a possessive (`U.S.-DPRK`,
    // `Leaders’`), not a stop.
    let plain_words = between
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '’' | '\''))
        && !between.contains(". ")
        && between.starts_with(' ')
        && text::at_most_words(between, 3)
        && !between
            .split_whitespace()
            .any(|w| CLAUSE_WORDS.contains(&w.to_lowercase().as_str()))
        && !text[word.clone()].ends_with("ed");
    if !plain_words || !heads_phrase(a, text, word.end, sentence_end) {
        return None;
    }
    let rest = &text[word.end..sentence_end];
    let mut end = rest.find([';', '.', '(']).unwrap_or(rest.len());
    // A relative clause says something else of it.
    for relative in [", which", ", who", ", where", ", that"] {
        if let Some(at) = rest[..end].find(relative) {
            end = at;
        }
    }
    Some(word.end + end)
}

/// Whether byte `at` of `text` is a space: the first look of [`premodifies`], before
/// the words between a date and an action, which open with one.
fn space_at(text: &str, at: usize) -> bool {
    text.as_bytes().get(at) == Some(&b' ')
}

/// Whether the action word ending at `end` heads its phrase, as the action a date
/// premodifies does (`the 2019 visit to Hanoi`, `the 2022 talks were`, `the June 27
/// signing ceremony`), rather than qualifying another noun (`the 2023 host year`, `the
/// 2019 Games organisers`): what follows it is a stop, a small word of the clause, or
/// another action word.
fn heads_phrase(a: &Analysis, text: &str, end: usize, sentence_end: usize) -> bool {
    const FOLLOWERS: &[&str] = &[
        "of", "in", "on", "at", "to", "with", "between", "among", "for", "and", "or", "by", "from",
        "during", "under", "was", "were", "is", "are", "has", "have", "had", "will", "would",
        "took", "that", "which", "where", "when", "as", "held", "hosted",
    ];
    let rest = &text[end..sentence_end];
    let trimmed = rest.trim_start_matches([' ', '\n']);
    if !trimmed.starts_with(char::is_alphabetic) {
        return true;
    }
    let next = trimmed
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    if FOLLOWERS.contains(&next.to_lowercase().as_str()) {
        return true;
    }
    let at = sentence_end - trimmed.len();
    a.event_words_in(at..text::ceil(text, (at + next.len()).min(sentence_end)))
        .next()
        .is_some_and(|(w, _)| w.start == at)
}

/// Whether a year closes a phrase naming an action: `in 2022` (or `later this year`)
/// right after words that name it, a few words back (`trilateral talks in 2022`,
/// `last held in 2017`, `plan to hold a meeting in Mongolia later this year`).
fn closes_action(a: &Analysis, text: &str, date: &Date, sentence_start: usize) -> bool {
    let lead = text::before(text, date.view.start, 60);
    // `in 2022`; a year written in words follows the action as it is (`later this
    // year`, `next year`).
    let relative = text[date.view.clone()].starts_with(char::is_lowercase);
    let Some(words) = lead
        .strip_suffix("in ")
        .or_else(|| lead.strip_suffix("in\n"))
        .or(relative.then_some(lead))
    else {
        return false;
    };
    // A year in words closing its sentence dates the action the sentence names (`the
    // two sides plan to hold a meeting of the council in Mongolia later this year.`).
    if relative
        && text[date.view.end..]
            .trim_start_matches([')', '"', ' '])
            .starts_with(['.', ';'])
        && a.event_words_in(sentence_start..date.view.start)
            .next()
            .is_some()
    {
        return true;
    }
    let lead_start = date.view.start - lead.len();
    let from = lead_start.max(sentence_start);
    let near = lead_start + words.len();
    // Only words between the action and the year (no clause break).
    a.event_words_in(from..near).last().is_some_and(|(w, _)| {
        let between = &text[w.end..near];
        if held_since(between) {
            return true;
        }
        !between.contains([',', ';', '(', ')', ':'])
            && !between.contains(|c: char| c.is_ascii_digit())
            && text::at_most_words(between, 6)
            && !between.split_whitespace().any(|w| w == "in")
    })
}

/// How far after a funds verb its amount may start, in bytes.
const FUNDS_REACH: usize = 48;

/// A funds verb's amount, as [`funding`] reads it: white space, up to four small words
/// ([`AMOUNT_LEADS`], or `a total of`), and an amount: a sign or code then a digit, or
/// a number, a scale word or none, and a currency word. The definition [`amount_end`]
/// reads by hand, and the reader where the bytes cannot tell; built from the same lists.
static AMOUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let any = |words: &[&str]| -> String {
        words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    Regex::new(&format!(
        r"^\s+(?:(?:{}|a total of)\s+){{0,4}}(?:(?:[A-Z]{{1,3}}\$|[A-Z]{{3}} ?|{}) ?[0-9]|[0-9][0-9.,]*(?: (?:{}))? (?:{})\b)",
        any(&AMOUNT_LEADS),
        any(&AMOUNT_SIGNS),
        any(&AMOUNT_SCALES),
        any(&AMOUNT_CURRENCY_WORDS),
    ))
    .expect("valid regex")
});

/// A commitment of funds inside `range`: a funds verb of `event-context.tsv`
/// (`committed`, `invest`) followed within a few small words by an amount
/// (`committed approximately $75 million`, `will invest an initial US$ 12 million`,
/// `contributed 5 million euros`). Gives the range from the verb to the amount's first
/// digit.
fn funding(a: &Analysis, text: &str, range: Range<usize>) -> Option<Range<usize>> {
    a.funds_in(range.clone()).find_map(|verb| {
        let end = text::ceil(text, (verb.end + FUNDS_REACH).min(range.end));
        let after = &text[verb.end..end];
        // Read by hand (the expression cost more to compile than all its searches of a
        // document): the expression itself only where the bytes cannot tell.
        amount_end(after)
            .unwrap_or_else(|| AMOUNT_AFTER.find(after).map(|m| m.end()))
            .map(|e| verb.start..verb.end + e)
    })
}

/// The signs that open an amount (`$5`, `€ 5`).
const AMOUNT_SIGNS: [&str; 5] = ["$", "€", "£", "¥", "₫"];

/// The scale words between a number and its currency word (`5 million dollars`).
const AMOUNT_SCALES: [&str; 3] = ["million", "billion", "trillion"];

/// The currency words after a number (`5 million euros`).
const AMOUNT_CURRENCY_WORDS: [&str; 6] = ["dollars", "euros", "yen", "pounds", "dong", "francs"];

/// The small words an amount may follow after a funds verb (`a total of` aside), in
/// the order [`AMOUNT_AFTER`] tries them.
const AMOUNT_LEADS: [&str; 24] = [
    "a",
    "an",
    "the",
    "some",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "over",
    "more",
    "than",
    "up",
    "to",
    "at",
    "least",
    "additional",
    "initial",
    "further",
    "another",
    "extra",
    "total",
    "of",
];

/// Where the match of [`AMOUNT_AFTER`] in `after` ends, read by hand:
/// white space, up to four small words each followed by white space, and an amount.
/// `None` when only the expression can tell: a currency word followed by a character
/// beyond ASCII, which may be a word character (`\b`).
///
/// The expression's first match is the one read. A small word opens with a lowercase
/// ASCII letter and an amount never does, so at each place only one of them can go on;
/// the one choice is `a` against `a total of`, the first tried first.
fn amount_end(after: &str) -> Option<Option<usize>> {
    let at = skip_white(after, 0);
    if at == 0 {
        return Some(None);
    }
    leads_then_amount(after, at, 4)
}

/// The end of the white space of `s` from `at` (`\s`: Unicode's white space, as
/// `char::is_whitespace` reads it).
fn skip_white(s: &str, at: usize) -> usize {
    let rest = &s[at..];
    at + rest.len() - rest.trim_start().len()
}

/// [`amount_end`] from `at`, with at most `left` more small words.
fn leads_then_amount(s: &str, at: usize, left: usize) -> Option<Option<usize>> {
    let bytes = s.as_bytes();
    if !bytes.get(at).is_some_and(u8::is_ascii_lowercase) {
        return amount_at(s, at);
    }
    if left == 0 {
        return Some(None);
    }
    let word_end = bytes[at..]
        .iter()
        .position(|b| !b.is_ascii_lowercase())
        .map_or(bytes.len(), |n| at + n);
    // A small word, then white space (at least one character of it).
    let then_white = |end: usize| {
        let next = skip_white(s, end);
        (next > end).then_some(next)
    };
    if AMOUNT_LEADS.contains(&&s[at..word_end])
        && let Some(next) = then_white(word_end)
    {
        match leads_then_amount(s, next, left - 1) {
            Some(None) => {}
            found => return found,
        }
    }
    if s[at..].starts_with("a total of")
        && let Some(next) = then_white(at + "a total of".len())
    {
        return leads_then_amount(s, next, left - 1);
    }
    Some(None)
}

/// The end of an amount opening at `at`, as [`AMOUNT_AFTER`] reads one: a currency sign
/// or code then a digit (`US$ 5`, `EUR 5`, `€5`), or a number then a currency word
/// (`5 million dollars`).
fn amount_at(s: &str, at: usize) -> Option<Option<usize>> {
    let bytes = s.as_bytes();
    let byte = |i: usize| bytes.get(i).copied();
    let is_digit = |i: usize| byte(i).is_some_and(|b| b.is_ascii_digit());
    // `\ ?[0-9]` from `i`.
    let digit_from = |i: usize| {
        if byte(i) == Some(b' ') && is_digit(i + 1) {
            Some(i + 2)
        } else {
            is_digit(i).then_some(i + 1)
        }
    };
    let capitals = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    // `[A-Z]{1,3}\$`, then `\ ?[0-9]`.
    if (1..=3).contains(&capitals)
        && byte(at + capitals) == Some(b'$')
        && let Some(end) = digit_from(at + capitals + 1)
    {
        return Some(Some(end));
    }
    // `[A-Z]{3}\ ?`, then `\ ?[0-9]`: up to two spaces before the digit.
    if capitals >= 3 {
        let mut i = at + 3;
        for _ in 0..2 {
            if byte(i) == Some(b' ') {
                i += 1;
            }
        }
        if is_digit(i) {
            return Some(Some(i + 1));
        }
    }
    // `[$€£¥₫]`, then `\ ?[0-9]`.
    if let Some(sign) = AMOUNT_SIGNS.iter().find(|sign| s[at..].starts_with(**sign))
        && let Some(end) = digit_from(at + sign.len())
    {
        return Some(Some(end));
    }
    // `[0-9][0-9.,]*`, a scale word or none, and a currency word.
    if !is_digit(at) {
        return Some(None);
    }
    let mut end = at
        + 1
        + bytes[at + 1..]
            .iter()
            .take_while(|b| matches!(b, b'0'..=b'9' | b'.' | b','))
            .count();
    // ` ` and one of `words`, at `end`: the length of both.
    let spaced = |end: usize, words: &[&str]| {
        let rest = s[end..].strip_prefix(' ')?;
        words
            .iter()
            .find(|w| rest.starts_with(**w))
            .map(|w| 1 + w.len())
    };
    if let Some(n) = spaced(end, &AMOUNT_SCALES) {
        end += n;
    }
    let Some(n) = spaced(end, &AMOUNT_CURRENCY_WORDS) else {
        return Some(None);
    };
    end += n;
    // `\b`: the end of the text, or a character that is no word character.
    match byte(end) {
        None => Some(Some(end)),
        Some(b) if b.is_ascii() => Some((!(b.is_ascii_alphanumeric() || b == b'_')).then_some(end)),
        Some(_) => None,
    }
}

/// Whether a year closes a commitment of funds: a funds verb and its amount, then the
/// rest of the figure and a few words with no stop (`committed $75 million from FY2019
/// to FY2023`, `plans to invest an initial $12 million into the agreement this year`).
fn closes_funding(a: &Analysis, text: &str, date: &Date, sentence_start: usize) -> bool {
    let lead = text::before(text, date.view.start, 120);
    let from = (date.view.start - lead.len()).max(sentence_start);
    funding(a, text, from..date.view.start).is_some_and(|f| {
        let between = text[f.end..date.view.start]
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        !between.contains([',', ';', '(', ')', ':'])
            && !between.contains(|c: char| c.is_ascii_digit())
            && text::at_most_words(between, 6)
    })
}

/// Whether the lowercased `text` ends with one of `ends`. Only the tail that can hold
/// them is lowered: as many of the last characters as the longest end has bytes (a
/// character lowers to one byte or more), and the whole text when that tail holds a
/// capital sigma, whose lowercase depends on the characters before it.
fn lowered_ends_with(text: &str, ends: &[String]) -> bool {
    let most = ends.iter().map(String::len).max().unwrap_or(0);
    // An ASCII tail (its bytes are its characters) lowers byte by byte, compared from
    // the end.
    let ascii = &text.as_bytes()[text.len().saturating_sub(most)..];
    if ascii.is_ascii() {
        return ends.iter().any(|e| {
            ascii.len() >= e.len()
                && ascii
                    .iter()
                    .rev()
                    .zip(e.as_bytes().iter().rev())
                    .all(|(t, e)| t.to_ascii_lowercase() == *e)
        });
    }
    let from = text
        .char_indices()
        .rev()
        .nth(most.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let tail = &text[from..];
    let lowered = if tail.contains('Σ') {
        text.to_lowercase()
    } else {
        tail.to_lowercase()
    };
    ends.iter().any(|e| lowered.ends_with(e.as_str()))
}

/// A numbered instrument and `of` (or `dated`) closing a text, as [`dates_an_instrument`]
/// reads it.
static INSTRUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z][a-z]+\s+(?:No\.\s*)?\d[\w/.-]*\s+(?:dated\s+|of\s+)$")
        .expect("valid regex")
});

/// Whether the text before a date ends with a numbered instrument and `of` (`Executive
/// Order 14257 of`, `Resolution 2231 of`, `Decree No. 15/2020/ND-CP of`): the date is
/// the instrument's, not that of the clause's action.
fn dates_an_instrument(before: &str) -> bool {
    let tail = &before[text::floor(before, before.len().saturating_sub(80))..];
    // A match ends the text with `of` or `dated` and white space (`\s` is Unicode's
    // white space, as `trim_end` takes it): other text is not searched.
    let words = tail.trim_end();
    words.len() < tail.len()
        && (words.ends_with("of") || words.ends_with("dated"))
        && INSTRUMENT.is_match(tail)
}

/// Whether the words between an action and `in <year>` only say when it took place:
/// `, last held`, ` held`, `, first staged`, ` which took place` (`the naval exercise,
/// last held in 2017`).
fn held_since(between: &str) -> bool {
    const WHEN: &[&str] = &[
        "last",
        "first",
        "previously",
        "recently",
        "most",
        "also",
        "originally",
        "which",
        "that",
        "was",
        "were",
    ];
    const TOOK_PLACE: &[&str] = &[
        "held",
        "conducted",
        "staged",
        "organized",
        "organised",
        "hosted",
        "took",
        "place",
    ];
    let words: Vec<&str> = between
        .trim_start()
        .trim_start_matches(',')
        .split_whitespace()
        .collect();
    let Some((last, lead)) = words.split_last() else {
        return false;
    };
    TOOK_PLACE.contains(last)
        && lead.len() <= 3
        && lead
            .iter()
            .all(|w| WHEN.contains(w) || TOOK_PLACE.contains(w))
        && !between.contains([';', '(', ')', ':'])
        && between.matches(',').count() <= 1
}

/// Where the first clause mark of `s` stands: a comma, a semicolon or an opening
/// bracket, ASCII, looked for as bytes.
fn clause_mark(s: &[u8]) -> Option<usize> {
    memchr::memchr3(b',', b';', b'(', s)
}

/// Whether `s` holds at most two words, as [`text::at_most_words`] reads them: ASCII
/// text is read byte by byte (its white space is that of `char::is_whitespace`), other
/// text as that reads it.
fn at_most_two_words(s: &str) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        if !b.is_ascii() {
            return text::at_most_words(s, 2);
        }
        let space = matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        if !space && !in_word {
            words += 1;
            if words > 2 {
                return false;
            }
        }
        in_word = !space;
    }
    true
}

/// Whether the words before a date are a lead-in that opens its clause: `On the
/// morning of`, `On the sidelines of the summit on`, `In early`, `During` — a
/// preposition opening them and another (or `early`, `late`, `mid`) closing them,
/// with no punctuation between.
fn lead_in(before: &str) -> bool {
    let t = before.trim();
    // The cheap looks first: the text before most dates is a longer clause.
    if t.len() > 80
        || memchr::memchr3(b',', b';', b'.', t.as_bytes()).is_some()
        || memchr::memchr2(b'(', b')', t.as_bytes()).is_some()
    {
        return false;
    }
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let opening = matches!(
        first.to_ascii_lowercase().as_str(),
        "on" | "in" | "at" | "during" | "since" | "from" | "by" | "until" | "throughout"
    );
    let last = t.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    let closing = matches!(
        last.as_str(),
        "on" | "in" | "of" | "early" | "late" | "mid" | "mid-" | "since" | "from" | "during"
    );
    opening && closing
}

/// The kind of the action a clause names, by precedence; only the strong kinds when
/// `strong_only` (see [`EventKind::is_strong`]).
///
/// Words inside a longer phrase that names an action are that phrase's: `meeting` in
/// `working group meeting` is a conference's. `hits` is room for the clause's action
/// words, reused from call to call (its contents are replaced).
fn kind_in(
    a: &Analysis,
    clause: Range<usize>,
    strong_only: bool,
    hits: &mut Vec<(Range<usize>, EventKind)>,
) -> Option<EventKind> {
    let text = a.view.text();
    hits.clear();
    hits.extend(a.event_words_in(clause.clone()));
    // `a meeting of the Joint Committee`, `a meeting of the ... Council`: the body's
    // session, a conference.
    let bodies: Vec<Range<usize>> = hits
        .iter()
        .filter(|(_, k)| *k == EventKind::Conference)
        .map(|(r, _)| r.clone())
        .collect();
    for (r, kind) in hits.iter_mut() {
        if *kind != EventKind::Meeting
            || !text::starts_with_ignore_case(&text[r.clone()], "meeting")
        {
            continue;
        }
        let phrase = meeting_phrase(&text[r.end..clause.end]);
        let end = r.end + phrase.len();
        if phrase.starts_with(" of ")
            && (bodies.iter().any(|b| b.start >= r.end && b.end <= end)
                || phrase
                    .split_whitespace()
                    .any(|w| matches!(w, "Council" | "Committee" | "Commission")))
        {
            *kind = EventKind::Conference;
        }
    }
    // `welcomed X to Washington`: the guest came, a visit.
    for (r, kind) in hits.iter_mut() {
        if !text::starts_with_ignore_case(&text[r.clone()], "welcom") {
            continue;
        }
        let after = &text[r.end..clause.end];
        let near = &after[..text::floor(after, 100)];
        let to_place = near
            .split(['.', ';'])
            .next()
            .and_then(|s| s.find(" to ").map(|at| &s[at + 4..]))
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        if to_place {
            *kind = EventKind::Visit;
        }
    }
    // `welcomed` names a meeting only when nothing else names the action (`welcomed
    // the announcement` is the announcement's).
    let hits = &hits[..];
    let welcome = |i: usize| {
        hits[i].1 == EventKind::Meeting
            && text::starts_with_ignore_case(&text[hits[i].0.clone()], "welcom")
    };
    least_kind(hits, strong_only, welcome)
}

/// Whether hit `i` of `hits` (sorted by start) lies inside a longer one: looked for
/// among the eight hits on each side (phrases are a few words long).
fn inside_another(hits: &[(Range<usize>, EventKind)], i: usize) -> bool {
    let r = &hits[i].0;
    hits[i.saturating_sub(8)..(i + 8).min(hits.len())]
        .iter()
        .any(|(o, _)| o.start <= r.start && r.end <= o.end && o.len() > r.len())
}

/// The first kind (by precedence) of the `hits` not inside another, welcomes aside
/// (`welcome(i)`: whether hit `i` is one), else with them; only the strong kinds when
/// `strong_only`. Both are read in one pass. Hits are sorted by start; a hit inside
/// another starts at or after it, within a few hits (phrases are a few words long).
fn least_kind(
    hits: &[(Range<usize>, EventKind)],
    strong_only: bool,
    welcome: impl Fn(usize) -> bool,
) -> Option<EventKind> {
    let inside = |i: usize| inside_another(hits, i);
    let (mut without_welcome, mut with_welcome) = (None::<EventKind>, None::<EventKind>);
    for (i, &(_, kind)) in hits.iter().enumerate() {
        if strong_only && !kind.is_strong() || inside(i) {
            continue;
        }
        with_welcome = Some(with_welcome.map_or(kind, |k| k.min(kind)));
        if !welcome(i) {
            without_welcome = Some(without_welcome.map_or(kind, |k| k.min(kind)));
        }
    }
    without_welcome.or(with_welcome)
}

/// How far the phrase after `meeting` may run, in bytes.
const MEETING_PHRASE: usize = 120;

/// The phrase after `meeting` (`after`: the clause after it), to its end: a comma,
/// semicolon or bracket, or a period before a space (`U.S.-Mongolia`), within
/// [`MEETING_PHRASE`] bytes. The stops are looked for only as far as the phrase may
/// run (and a `. ` on its last byte), not to the clause's end; they are ASCII, looked
/// for as bytes.
fn meeting_phrase(after: &str) -> &str {
    let bytes = after.as_bytes();
    let head = text::floor(after, MEETING_PHRASE);
    let mark = clause_mark(&bytes[..head]).unwrap_or(head);
    let period = memchr::memchr_iter(b'.', &bytes[..mark])
        .find(|&i| bytes.get(i + 1) == Some(&b' '))
        .unwrap_or(mark);
    &after[..period]
}

/// Keeps the first mention of each person (by id).
fn dedup_participants(p: &mut Vec<&PersonMention>) {
    first_of_each(p, |m| m.record.person_id.as_str());
}

/// How many items [`first_of_each`] compares with those kept, not through a set.
const FEW: usize = 8;

/// Keeps the first of the items with one key, in order. Most lists hold one item or
/// a few: up to [`FEW`] are compared with those kept (a bounded number of
/// comparisons), more are counted in a set.
fn first_of_each<T: Copy, K: Ord>(items: &mut Vec<T>, key: impl Fn(T) -> K) {
    if items.len() > FEW {
        let mut seen = std::collections::BTreeSet::new();
        items.retain(|&x| seen.insert(key(x)));
        return;
    }
    let mut kept = 0;
    for i in 0..items.len() {
        let item = items[i];
        if !items[..kept].iter().any(|&k| key(k) == key(item)) {
            items[kept] = item;
            kept += 1;
        }
    }
    items.truncate(kept);
}

/// The states taking part: those already known (`known.0`: the participants' and a
/// trip's destinations, each once, in a vector the rest are added to; `known.1`:
/// whether anyone is named taking part), those the
/// clause names, the partner of the section (a bilateral chapter's country paragraph),
/// and the home state when one of its officials takes part or the clause names it.
/// `names_org`: whether the clause names an international body.
fn countries<'a>(
    a: &'a Analysis,
    line: usize,
    clause: &Range<usize>,
    sentence_end: usize,
    known: (&mut Vec<&'a str>, bool),
    names_org: bool,
    kind: EventKind,
) -> Vec<String> {
    // The codes are borrowed until the list is whole.
    let (out, named_people) = known;
    for hit in a.countries_in(clause.clone()) {
        add(out, &hit.country.code);
    }
    let home = a.home();
    // "The two sides", "both countries", "the two leaders": the home state and the one
    // partner named.
    // Asked only where it decides something: most clauses need not be searched.
    let both_sides = || names_both_sides(&a.view.text()[clause.clone()]);
    if !home.is_empty() && out.len() == 1 && !same(out[0], home) && both_sides() {
        add(out, home);
    }
    // `the Vice President will travel ...`: an office named with `the` and no holder
    // is the home state's own.
    if !home.is_empty() && !out.iter().any(|c| same(c, home)) && bare_office(a, clause) {
        add(out, home);
    }
    if out.iter().all(|c| same(c, home)) {
        // "Both sides ...": the partner named last before, in the paragraph.
        let paragraph = a.view.lines()[line].range.start..clause.start;
        // Else, for "the two leaders ...", the partner the rest of the sentence names
        // (`the two leaders welcomed the announcement in August by Chilean firms`).
        let after = || {
            a.countries_in(clause.end..sentence_end)
                .find(|h| !same(&h.country.code, home))
                .filter(|_| both_sides())
        };
        if let Some(hit) = a
            .countries_in(paragraph)
            .rev()
            .find(|h| !same(&h.country.code, home))
            .or_else(after)
        {
            add(out, &hit.country.code);
            add(out, home);
        }
    }
    // A country paragraph of a bilateral chapter is about the home state's relations
    // with its state, which takes part unless the clause names other states or an
    // international body.
    let names_foreign = out.iter().any(|c| !same(c, home)) || names_org;
    match a.section_partner(line) {
        Some((_, Partner::Country(c))) => {
            // The partner giving aid alone, named as the giver (`Japan has committed
            // $75 million ... in the Indo-Pacific`, in a section listing each state's
            // own pledges), gives it with no home state; aid to the home state names it
            // (`Japan provided Viet Nam with ...`).
            let alone = kind == EventKind::Aid
                && out.len() == 1
                && same(out[0], &c.code)
                && !named_people
                && a.countries_in(clause.clone())
                    .any(|h| same(&h.country.code, &c.code));
            if !names_foreign {
                add(out, &c.code);
            }
            if !alone {
                add(out, home);
            }
        }
        Some((_, Partner::Home)) => add(out, home),
        _ => {}
    }
    out.sort_unstable_by(|x, y| x.bytes().cmp(y.bytes()));
    out.iter().map(|c| String::from(*c)).collect()
}

/// Whether the clause names an office on its own, the way a document names its own
/// state's officials: `the President`, `the Vice President` — after `the`, with no
/// name, `of <Country>` or `'s` after it, and no state named in the rest of its phrase.
fn bare_office(a: &Analysis, clause: &Range<usize>) -> bool {
    let text = a.view.text();
    a.offices_in(clause.clone()).any(|h| {
        let before = text[clause.start..h.start].trim_end();
        let after = &text[h.end..clause.end];
        // Compared as bytes: the three before the office may be part of a wider
        // character.
        let bytes = before.as_bytes();
        let the = bytes.len() >= 3
            && bytes[bytes.len() - 3..].eq_ignore_ascii_case(b"the")
            && !before[..before.len() - 3].ends_with(char::is_alphanumeric);
        let next = after.trim_start();
        // Nor a state named further in its phrase (`the Second Minister of Defense and
        // Chairman of ... of Brunei Darussalam,`): the phrase runs on through names and
        // `of`, `and`, `the`, `for`, and ends at a comma or at the verb (`the Vice
        // President will meet Prime Minister X of Y`: Y is not the office's).
        let stop = clause_mark(after.as_bytes()).unwrap_or(after.len());
        let mut phrase_len = 0;
        for word in after[..stop].split_inclusive(' ') {
            let w = word.trim();
            let continues = w.is_empty()
                || w.starts_with(char::is_uppercase)
                || matches!(w, "of" | "and" | "the" | "for");
            if !continues {
                break;
            }
            phrase_len += word.len();
        }
        let phrase_end = h.end + phrase_len;
        the && !next.starts_with("of ")
            && !next.starts_with(['\'', '’'])
            && !next.starts_with(char::is_uppercase)
            && a.countries_in(h.end..phrase_end).next().is_none()
    })
}

/// Adds a code once.
fn add<'a>(out: &mut Vec<&'a str>, code: &'a str) {
    if !out.iter().any(|c| same(c, code)) {
        out.push(code);
    }
}

/// Whether two state codes are the same, compared byte by byte in line: the codes are
/// a few letters, and a call to compare each pair cost more than the comparison.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// How far after a date a trip's destinations may end, in bytes.
const DESTINATION_REACH: usize = 100;

/// The states a trip goes to, named right after the date that closes its clause: `for`
/// or `to`, then countries joined by commas and `and` (`, for Thailand and the
/// Philippines`, `to Japan, Korea and Mongolia`), and nothing else between them.
fn destinations<'a>(
    a: &'a Analysis,
    text: &str,
    date_end: usize,
    sentence_end: usize,
) -> Vec<&'a str> {
    let after = &text[date_end..sentence_end];
    let rest = after.trim_start_matches([',', ' ', '\n', ')']);
    let Some(words) = ["for ", "to ", "For ", "To "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return Vec::new();
    };
    let from = sentence_end - words.len();
    let end = text::ceil(text, (from + DESTINATION_REACH).min(sentence_end));
    let mut out = Vec::new();
    let mut at = from;
    for hit in a.countries_in(from..end) {
        let gap = text[at..hit.start].trim_matches([' ', '\n', ',']);
        let gap = gap.strip_suffix("the").unwrap_or(gap).trim_end();
        let joins = gap.is_empty() || gap == "and" || gap == "as well as";
        if !joins || hit.kind != crate::gazetteer::MentionKind::Name {
            break;
        }
        out.push(hit.country.code.as_str());
        at = hit.end;
    }
    out
}

/// The international bodies the clause names.
fn orgs(a: &Analysis, clause: &Range<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for hit in a.orgs_in(clause.clone()) {
        let id = hit.org.key();
        if !out.iter().any(|o| o == id) {
            out.push(id.to_string());
        }
    }
    out
}

/// Where the event took place, when the text says: `(Hanoi, 19 October 2020)`,
/// `(New York - 9 January 2020)`, `... in Vientiane (February 2020)`.
fn location(a: &Analysis, text: &str, date: &Date, clause: &Range<usize>) -> Option<String> {
    // Inside the date's brackets, before it.
    let lead = text::before(text, date.view.start, BRACKET_REACH);
    let lead_start = date.view.start - lead.len();
    if let Some(open) = open_bracket(lead.as_bytes()).map(|o| lead_start + o) {
        let inside = text[open + 1..date.view.start]
            .trim()
            .trim_end_matches([',', '-'])
            .trim();
        if !inside.is_empty()
            && inside.starts_with(char::is_uppercase)
            && inside.len() <= 40
            && !inside.chars().any(|c| c.is_ascii_digit())
        {
            return Some(inside.to_string());
        }
    }
    // "in <Place>" just before the date: capitalised words that are not an
    // organization.
    if date.view.start <= clause.start {
        return None;
    }
    let near = clause.start + last_words(&text[clause.start..date.view.start]);
    let c = &text[near..date.view.start];
    let mut found = None;
    for at in ins(c) {
        let rest = &c[at + 4..];
        let rest_start = near + at + 4;
        let words: Vec<&str> = rest
            .split(' ')
            .take_while(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|ch| ch.is_alphabetic() || ch == '-' || ch == ',')
            })
            .collect();
        if words.is_empty() {
            continue;
        }
        let place = words.join(" ");
        let place = place.split(',').next().unwrap_or("").trim().to_string();
        let is_org = a
            .orgs_in(rest_start..rest_start + place.len())
            .next()
            .is_some();
        let is_month = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
        .contains(&place.as_str());
        if !place.is_empty() && !is_org && !is_month && place != "The" {
            found = Some(place);
        }
    }
    found
}

/// Where the last bracket of `lead` stands when it opens one, with no closing bracket
/// after it: found in one search back for either bracket, not a search back for the
/// opening one and another forward for a closing one.
fn open_bracket(lead: &[u8]) -> Option<usize> {
    memchr::memrchr2(b'(', b')', lead).filter(|&o| lead[o] == b'(')
}

/// Where the last words before a date that may name its place start in `s`: at the
/// eighth space from the end, else at the start. A space is one byte, never part of
/// another character: it is looked for byte by byte.
fn last_words(s: &str) -> usize {
    // The spaces are close together: one pass back, not a search per space. Blocks of
    // sixteen bytes are counted whole until the block that holds the eighth space.
    let bytes = s.as_bytes();
    let mut spaces = 0;
    let mut end = bytes.len();
    while let Some(block) = end
        .checked_sub(16)
        .and_then(|start| <&[u8; 16]>::try_from(&bytes[start..end]).ok())
    {
        let n = block.iter().filter(|&&b| b == b' ').count();
        if spaces + n >= 8 {
            break;
        }
        spaces += n;
        end -= 16;
    }
    for (i, &b) in bytes[..end].iter().enumerate().rev() {
        if b == b' ' {
            spaces += 1;
            if spaces == 8 {
                return i;
            }
        }
    }
    0
}

/// Where each ` in ` of `s` starts, overlapping ones left out (as `match_indices` leaves
/// them).
fn ins(s: &str) -> impl Iterator<Item = usize> + '_ {
    // Asked of every event: the searcher is made once.
    static IN: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" in "));
    IN.find_iter(s.as_bytes())
}

/// The words by which a clause speaks of both parties.
const BOTH_SIDES: [&str; 6] = [
    "two sides",
    "both sides",
    "two countries",
    "both countries",
    "two leaders",
    "both leaders",
];

/// Whether `text` speaks of both parties ([`BOTH_SIDES`]), in any case. The phrases are
/// ASCII letters and spaces. The only characters besides those letters that lower to
/// one of them are the Kelvin sign (to `k`, in none of the phrases) and `İ` (to `i` and
/// a combining dot, which breaks any phrase it stands in): an ASCII look in any case
/// finds what a look in the lowered text finds, without lowering it.
///
/// Each phrase opens with `two ` or `both `: the places of a `w` or a `b`, in either
/// case, are found by a fast byte search and only those compared.
fn names_both_sides(text: &str) -> bool {
    let bytes = text.as_bytes();
    let matches_at = |start: usize| {
        BOTH_SIDES.iter().any(|p| {
            bytes
                .get(start..start + p.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
        })
    };
    memchr::memchr2_iter(b'w', b'W', bytes).any(|i| i > 0 && matches_at(i - 1))
        || memchr::memchr2_iter(b'b', b'B', bytes).any(matches_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::texts_of;
    use proptest::prelude::*;

    /// The figure leads of `event-context.tsv`, and ends that take the lowering's
    /// harder ways: a final sigma, letters that lower to ASCII from other characters.
    fn ends() -> Vec<String> {
        [
            "by the end of",
            "as of",
            "by",
            "until",
            "since",
            "up to",
            "for",
            "ς",
            "aς",
            "σ",
            "k",
            "i\u{307}",
            "of σ",
            "FOR",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn lead_ins_open_and_close_with_a_preposition_and_hold_no_break() {
        for yes in [
            "On the morning of",
            "  On the sidelines of the summit on ",
            "In early",
            "During",
            "from mid-",
        ] {
            assert!(lead_in(yes), "{yes:?}");
        }
        let long = format!("On {} of", "the words ".repeat(8));
        assert!(long.trim().len() > 80);
        for no in [
            "",
            "The visit of",
            "On the morning",
            "On the morning, of",
            "On the sidelines (of",
            "In the year. In",
            "On the 3rd; on",
            long.as_str(),
        ] {
            assert!(!lead_in(no), "{no:?}");
        }
    }

    /// `least_kind` as it was written before its two passes were made one.
    fn least_kind_reference(
        hits: &[(Range<usize>, EventKind)],
        strong_only: bool,
        welcome: impl Fn(usize) -> bool,
    ) -> Option<EventKind> {
        let inside = |i: usize| inside_another(hits, i);
        let kinds = |skip_welcome: bool| {
            (0..hits.len())
                .filter(|&i| !(inside(i) || skip_welcome && welcome(i)))
                .map(|i| hits[i].1)
                .filter(|k| !strong_only || k.is_strong())
                .min()
        };
        kinds(true).or_else(|| kinds(false))
    }

    /// Pieces of text around the words the looks of this module search for.
    const PIECES: &[&str] = &[
        "leaders",
        "LEADERS",
        "Leaders",
        "lead",
        "ers",
        "’",
        "'",
        "‘",
        "≙",
        "the two ",
        "both ",
        "\u{212A}",
        "İ",
        "ễ",
        "x",
        " ",
        "\n",
        "\u{a0}",
        "Σ",
        "σ",
        "ς",
        "by",
        "BY",
        "the end of",
        "AS OF",
        "as of",
        "for",
        "of",
        "Of",
        "dated",
        "Decree",
        "Order",
        "No.",
        "15",
        "/2020",
        "-",
        "٣",
        "(",
        " in ",
        "in",
        ",",
        "On",
        "early",
        "during",
        ".",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The ends are found as in the lowered text.
        #[test]
        fn lowered_ends_are_found_as_in_the_lowered_text(t in texts_of(PIECES, 10)) {
            let ends = ends();
            let lowered = t.to_lowercase();
            let want = ends.iter().any(|e| lowered.ends_with(e.as_str()));
            prop_assert_eq!(lowered_ends_with(&t, &ends), want, "{:?}", t);
        }

        /// An instrument is found where the expression finds it.
        #[test]
        fn instruments_are_found_as_the_expression_finds_them(t in texts_of(PIECES, 12)) {
            let tail = &t[text::floor(&t, t.len().saturating_sub(80))..];
            prop_assert_eq!(dates_an_instrument(&t), INSTRUMENT.is_match(tail), "{:?}", t);
        }

        /// A possessive of the leaders is found wherever the lowered text holds one of
        /// the phrases `leaders_action` looks for.
        #[test]
        fn leaders_possessives_are_found_as_in_the_lowered_text(t in texts_of(PIECES, 10)) {
            let lowered = t.to_lowercase();
            let want = ["leaders’", "leaders'"].iter().any(|p| lowered.contains(p));
            prop_assert_eq!(names_leaders_possessive(&t), want, "{:?}", t);
        }

        /// The last words and the ` in `s are found as the characters' look finds them.
        #[test]
        fn place_words_are_found_as_the_characters_give_them(t in texts_of(PIECES, 24)) {
            let near = t
                .char_indices()
                .rev()
                .filter(|(_, c)| *c == ' ')
                .nth(7)
                .map_or(0, |(i, _)| i);
            prop_assert_eq!(last_words(&t), near, "{:?}", t);
            let want: Vec<usize> = t.match_indices(" in ").map(|(i, _)| i).collect();
            prop_assert_eq!(ins(&t).collect::<Vec<_>>(), want, "{:?}", t);
        }

        /// The words between a date and an action open with a space only where the
        /// first look of `premodifies` finds one.
        #[test]
        fn no_words_open_with_a_space_where_none_is(t in texts_of(PIECES, 8), at in 0usize..40) {
            let at = text::floor(&t, at);
            for end in (at..=t.len()).filter(|&e| t.is_char_boundary(e)) {
                prop_assert!(space_at(&t, at) || !t[at..end].starts_with(' '), "{:?}", t);
            }
        }

        /// The least kind is read as in two passes.
        #[test]
        fn least_kinds_are_read_as_in_two_passes(
            hits in prop::collection::vec((0usize..30, 1usize..12, 0usize..EventKind::ALL.len(), any::<bool>()), 0..24),
            strong_only in any::<bool>(),
        ) {
            let mut hits = hits;
            hits.sort_by_key(|h| h.0);
            let welcomes: Vec<bool> = hits.iter().map(|h| h.3).collect();
            let hits: Vec<(Range<usize>, EventKind)> = hits
                .iter()
                .map(|&(start, len, k, _)| (start..start + len, EventKind::ALL[k]))
                .collect();
            prop_assert_eq!(
                least_kind(&hits, strong_only, |i| welcomes[i]),
                least_kind_reference(&hits, strong_only, |i| welcomes[i])
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Two words are counted as the general reading counts them.
        #[test]
        fn two_words_are_counted_as_the_general_reading_counts_them(
            t in texts_of(&[
                " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}", "\u{3000}",
                "a", "word", "ễ", "On", "(",
            ], 8)
        ) {
            prop_assert_eq!(at_most_two_words(&t), text::at_most_words(&t, 2), "{:?}", t);
        }

        /// The first clause mark is the one the characters' look finds.
        #[test]
        fn clause_marks_are_found_as_the_characters_give_them(t in texts_of(PIECES, 12)) {
            prop_assert_eq!(clause_mark(t.as_bytes()), t.find([',', ';', '(']), "{:?}", t);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The first item of each key is kept, as a set of the keys seen keeps it.
        #[test]
        fn the_first_of_each_key_is_kept_as_a_set_keeps_it(
            items in prop::collection::vec((0u8..6, any::<u8>()), 0..20)
        ) {
            let mut ours = items.clone();
            first_of_each(&mut ours, |(k, _)| k);
            let mut want = items;
            let mut seen = std::collections::BTreeSet::new();
            want.retain(|(k, _)| seen.insert(*k));
            prop_assert_eq!(ours, want);
        }
    }

    /// The phrase after `meeting` as it was cut before its stops were looked for only
    /// as far as it may run.
    fn meeting_phrase_reference(after: &str) -> &str {
        let stop = after
            .find([',', ';', '('])
            .into_iter()
            .chain(memchr::memmem::find(after.as_bytes(), b". "))
            .min()
            .unwrap_or(after.len());
        let phrase = &after[..stop];
        &phrase[..text::floor(phrase, 120)]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The phrase after `meeting` is cut where it was.
        #[test]
        fn meeting_phrases_are_cut_as_before(
            t in texts_of(&[
                " of the Joint Committee", " Council", ",", ";", "(", ".", ". ", " ", "ễ", "x",
                "U.S.", "abcdefghij", "\n",
            ], 40)
        ) {
            prop_assert_eq!(meeting_phrase(&t), meeting_phrase_reference(&t), "{:?}", t);
        }

        /// Both sides are found as in the lowered text.
        #[test]
        fn both_sides_are_found_as_in_the_lowered_text_of_any_pieces(
            t in texts_of(&[
                "two", "TWO", "Two", "both", "BOTH", "bOth", " ", "  ", "sides", "SIDES",
                "countries", "leaders", "\u{212A}", "İ", "ễ", "w", "b", "t", "s", "x", "’",
            ], 12)
        ) {
            let lowered = t.to_lowercase();
            let want = BOTH_SIDES.iter().any(|p| lowered.contains(p));
            prop_assert_eq!(names_both_sides(&t), want, "{:?}", t);
        }
    }

    /// `in_a_row` as it was written before it counted the clause's event words first.
    fn in_a_row_reference(
        a: &Analysis,
        text: &str,
        clause: Range<usize>,
    ) -> Option<(Range<usize>, Range<usize>)> {
        let body = &text[clause.clone()];
        let (at, len) = [" and then ", ", then ", " and later ", ", followed by "]
            .iter()
            .filter_map(|j| body.find(j).map(|i| (i, j.len())))
            .min()?;
        let join = clause.start + at;
        let second = join + len..clause.end;
        a.event_words_in(clause.start..join).next()?;
        let (word, _) = a.event_words_in(second.clone()).next()?;
        text::at_most_words(&text[second.start..word.start], 3)
            .then_some((clause.start..join, second))
    }

    #[test]
    fn actions_in_a_row_of_the_fixtures_are_read_as_before() {
        let config = crate::Config::default();
        // The fixtures join no actions: a text that does is read too.
        let joined = "On 12 March, the Vice President will have a meeting with Prime Minister \
            Lee Hsien Loong and then a longer bilateral meeting with President Halimah Yacob. \
            The two sides held talks, followed by a signing ceremony. The Minister visited \
            Hanoi and later attended a conference in Da Nang, then a reception.\n";
        let texts = crate::testing::fixture_texts()
            .into_iter()
            .chain([("joined".into(), joined.to_string())]);
        let (mut found, mut two_words) = (0, 0);
        for (path, text) in texts {
            let doc = crate::Document::from_bytes("fixture", text.into_bytes()).unwrap();
            let a = Analysis::new(&doc, &config);
            let text = a.view.text();
            for sentence in a.sentences.ranges() {
                // Each sentence, and each of its tails from a word on.
                let starts = std::iter::once(sentence.start).chain(
                    memchr::memchr_iter(b' ', text[sentence.clone()].as_bytes())
                        .map(|i| sentence.start + i + 1),
                );
                for start in starts {
                    let clause = start..sentence.end;
                    let want = in_a_row_reference(&a, text, clause.clone());
                    found += usize::from(want.is_some());
                    two_words += usize::from(a.event_words_in(clause.clone()).nth(1).is_some());
                    assert_eq!(
                        in_a_row(&a, text, clause.clone()),
                        want,
                        "{path:?} {clause:?}"
                    );
                }
            }
        }
        assert!(found > 0 && two_words > found, "{found} {two_words}");
    }

    #[test]
    fn instruments_of_the_fixtures_are_found_as_the_expression_finds_them() {
        let mut found = 0;
        for line in crate::testing::fixture_lines() {
            for (at, _) in line.match_indices(' ') {
                let before = &line[..=at];
                let tail = &before[text::floor(before, before.len().saturating_sub(80))..];
                let want = INSTRUMENT.is_match(tail);
                found += usize::from(want);
                assert_eq!(dates_an_instrument(before), want, "{before:?}");
            }
        }
        assert!(found > 0, "{found}");
    }

    /// Pieces of the texts after a funds verb: white space, the small words and near
    /// misses, signs and codes, numbers, scale and currency words, word characters and
    /// others beyond ASCII after them.
    const AMOUNT_PIECES: &[&str] = &[
        " ",
        "  ",
        "\n",
        "\u{a0}",
        "\u{2003}",
        "a",
        "an",
        "a ",
        "a total of",
        "a total of ",
        "total ",
        "of ",
        "up to ",
        "at least ",
        "the",
        "about ",
        "abouts ",
        "Up ",
        "US$",
        "A$",
        "ABCD$",
        "EUR",
        "EURO",
        "VN",
        "$",
        "€",
        "£",
        "¥",
        "₫",
        "5",
        "12",
        ".",
        ",",
        "5.5",
        " million",
        " billion",
        " trillion",
        " dollars",
        " euros",
        " yen",
        " pounds",
        " dong",
        " francs",
        "dollars",
        "x",
        "_",
        "é",
        "’",
        "\u{301}",
        "²",
    ];

    /// [`AMOUNT_AFTER`] as it was written before it was built from its word lists.
    static AMOUNT_AFTER_AS_WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^\s+
            (?:(?:a|an|the|some|about|around|approximately|roughly|nearly|almost|over|more|than|
                up|to|at|least|additional|initial|further|another|extra|total|of|a\ total\ of)\s+){0,4}
            (?:
                (?:[A-Z]{1,3}\$|[A-Z]{3}\ ?|[$€£¥₫])\ ?[0-9]
              | [0-9][0-9.,]*(?:\ (?:million|billion|trillion))?\ (?:dollars|euros|yen|pounds|dong|francs)\b
            )",
        )
        .expect("valid regex")
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]

        /// The amount after a funds verb ends where the expression's match ends, when
        /// the bytes tell; with the expression where they do not, always. The
        /// expression built from the lists matches where the one written out did.
        #[test]
        fn amounts_are_read_as_the_expression_reads_them(t in texts_of(AMOUNT_PIECES, 10)) {
            let want = AMOUNT_AFTER.find(&t).map(|m| m.end());
            prop_assert_eq!(want, AMOUNT_AFTER_AS_WRITTEN.find(&t).map(|m| m.end()), "{:?}", t);
            if let Some(got) = amount_end(&t) {
                prop_assert_eq!(got, want, "{:?}", t);
            }
        }

        /// Texts that open as amounts do, with white space and a small word or two.
        #[test]
        fn amounts_after_small_words_are_read_as_the_expression_reads_them(
            lead in texts_of(&[" ", "\n", "a ", "an ", "up to ", "a total of ", "of ", "some "], 6),
            t in texts_of(AMOUNT_PIECES, 6),
        ) {
            let t = format!(" {lead}{t}");
            let want = AMOUNT_AFTER.find(&t).map(|m| m.end());
            if let Some(got) = amount_end(&t) {
                prop_assert_eq!(got, want, "{:?}", t);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Codes compared byte by byte are the same where the strings are equal, and
        /// sorted by their bytes as strings sort.
        #[test]
        fn codes_compare_and_sort_as_strings_do(
            codes in prop::collection::vec(texts_of(&["V", "N", "US", "é", "", "\u{0}"], 3), 0..6),
        ) {
            for x in &codes {
                for y in &codes {
                    prop_assert_eq!(same(x, y), x == y, "{:?} {:?}", x, y);
                }
            }
            let mut by_bytes: Vec<&str> = codes.iter().map(String::as_str).collect();
            by_bytes.sort_unstable_by(|x, y| x.bytes().cmp(y.bytes()));
            let mut sorted: Vec<&str> = codes.iter().map(String::as_str).collect();
            sorted.sort();
            prop_assert_eq!(by_bytes, sorted);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The bracket a date sits in is found as a search back for the opening bracket
        /// and one forward for a closing bracket after it find it.
        #[test]
        fn open_brackets_are_found_as_two_searches_find_them(
            t in texts_of(&["(", ")", "Hanoi", ", ", " ", "’", "19 October"], 12),
        ) {
            let b = t.as_bytes();
            let want = memchr::memrchr(b'(', b).filter(|&o| !b[o..].contains(&b')'));
            prop_assert_eq!(open_bracket(b), want, "{:?}", t);
        }
    }

    #[test]
    fn amounts_of_the_fixtures_are_read_as_the_expression_reads_them() {
        let (mut found, mut told) = (0, 0);
        for line in crate::testing::fixture_lines() {
            for (at, _) in line.match_indices(' ') {
                let after = &line[at..text::ceil(&line, at + FUNDS_REACH)];
                let want = AMOUNT_AFTER.find(after).map(|m| m.end());
                assert_eq!(want, AMOUNT_AFTER_AS_WRITTEN.find(after).map(|m| m.end()));
                found += usize::from(want.is_some());
                if let Some(got) = amount_end(after) {
                    told += 1;
                    assert_eq!(got, want, "{after:?}");
                }
            }
        }
        assert!(found > 0 && told > found, "{found} {told}");
        // Known answers, the expression's.
        for (t, want) in [
            (" approximately $75 million", Some(17)),
            (" an initial US$ 12 million", Some(17)),
            (" 5 million euros to", Some(16)),
            (" a total of a total of some €5", Some(32)),
            (" about about about about about $5", None),
            (" EUR  5", Some(7)),
            (" 5 dollars_", None),
            ("$5", None),
        ] {
            assert_eq!(AMOUNT_AFTER.find(t).map(|m| m.end()), want, "{t:?}");
            assert_eq!(amount_end(t), Some(want), "{t:?}");
        }
    }

    #[test]
    fn both_sides_are_found_as_in_the_lowered_text() {
        let texts = [
            "The two sides agreed",
            "BOTH COUNTRIES signed",
            "the Two Leaders met",
            "both\u{212A}ides",
            "two sİdes",
            "TWO SİDES",
            "two  sides",
            "two countrie",
            "Both Leaders\u{2019} meeting",
            "the two side",
            "",
        ];
        for t in texts {
            let lowered = t.to_lowercase();
            let want = BOTH_SIDES.iter().any(|p| lowered.contains(p));
            assert_eq!(names_both_sides(t), want, "{t:?}");
        }
    }
}
