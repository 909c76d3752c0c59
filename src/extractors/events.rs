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

use crate::extractors::dates::Date;
use crate::extractors::people::PersonMention;
use crate::pipeline::Analysis;
use crate::record::{DateRef, EventRecord, Granularity, Participant, Record};
use crate::repair::LineKind;
use aho_corasick::AhoCorasick;
use std::ops::Range;
use std::sync::LazyLock;

/// The kinds of action, each with the words that name it, in order of precedence: a
/// clause that names a visit and an anniversary is a visit.
#[rustfmt::skip]
const KINDS: &[(&str, &[&str])] = &[
    ("visit", &["visit", "visits", "visited", "visiting", "trip", "tour", "paid a visit", "port call", "port calls", "led a delegation", "delegations visiting", "delegation to"]),
    ("call", &["telephone conversation", "telephone conversations", "phone call", "phone calls", "telephone call", "telephone calls", "calls", "call", "video call", "video conference call"]),
    ("summit", &["summit", "Summit", "summits"]),
    ("signing", &["signed", "signing", "Signing", "adopted", "adoption", "ratified", "ratification", "ratifying", "ratify", "entered into force", "came into force", "entry into force", "concluded", "initialled"]),
    ("meeting", &[
        "talks", "meeting", "Meeting", "meetings", "met", "received", "receiving", "reception", "welcomed", "welcoming", "hosted",
        "hosting", "co-chaired", "co-chairing", "consultation", "Consultation", "consultations", "Consultations", "dialogue",
        "Dialogue", "session", "Session", "sessions", "Joint Committee", "Joint Commission", "Retreat", "exchanged views",
        "videoconference", "videoconferences",
    ]),
    ("conference", &["conference", "Conference", "forum", "Forum", "seminar", "Seminar", "workshop", "Workshop", "debate", "Debate", "Games", "exhibition", "festival", "Festival"]),
    ("ceremony", &["ceremony", "Ceremony", "celebration", "celebrations", "celebrated", "celebrate", "commemorat", "anniversary", "funeral", "mourning", "inaugurat", "opened", "opening"]),
    ("message", &["letter", "letters", "message", "messages", "congratulations", "congratulatory", "condolences", "sympathy", "remarks", "speech"]),
    ("aid", &["donated", "donation", "donations", "aid", "assistance", "gifted", "handed over", "handing over", "provided"]),
    // Other dated acts of states: an office opened, a status gained.
    ("other", &["established", "establishment", "became", "launched", "set up", "joined", "elected", "appointed", "assumed", "upgraded"]),
];

/// The kinds a clause that continues a list names only by its own strong words; else
/// it takes the kind of the item before it.
const STRONG: &[&str] = &["visit", "call", "summit", "signing", "message", "aid"];

/// Words shortly before a name that make the person the one honoured, not one taking
/// part (`for the funeral of former General Secretary Le Kha Phieu`).
const HONOURED: &[&str] = &[
    "funeral of",
    "passing of",
    "death of",
    "birthday of",
    "birth of",
    "memory of",
    "mourning for",
    "tribute to",
    "funeral ceremony of",
];

/// Words before a date that make it the date of a figure, not of an action.
const NOT_ACTIONS: &[&str] = &[
    "by the end of",
    "as of",
    "by",
    "until",
    "since",
    "up to",
    "for",
];

/// One record per date that dates an action.
pub(crate) fn extract(a: &Analysis, dates: &[Date], people: &[PersonMention]) -> Vec<Record> {
    let mut out = Vec::new();
    let text = a.view.text();
    for sentence in a.sentences.ranges() {
        let line = a.view.line_at(sentence.start);
        let kind_of_line = a.view.lines()[line].kind;
        if kind_of_line == LineKind::Toc || kind_of_line == LineKind::Footnote {
            continue;
        }
        let first = dates.partition_point(|d| d.view.start < sentence.start);
        // A year alone dates no action; a day or a month does.
        let in_sentence: Vec<&Date> = dates[first..]
            .iter()
            .take_while(|d| d.view.end <= sentence.end)
            // A day recurring every year ("declare December 27 as the International Day
            // of ...") names the day, not when an action took place.
            .filter(|d| {
                d.granularity != Granularity::Year
                    && !d.values.is_empty()
                    && !d.values.iter().any(|v| v.starts_with("--"))
            })
            .collect();
        let mut previous: Option<(usize, &'static str, Vec<Participant>)> = None; // (end, kind, participants)
        let mut from = sentence.start;
        for (n, date) in in_sentence.iter().enumerate() {
            // The clause the date dates: before it, or after it when it opens the clause.
            let before = &text[from..date.view.start];
            let opens = before.split_whitespace().count() <= 2 && !before.contains('(');
            let clause = if opens {
                let end = in_sentence
                    .get(n + 1)
                    .map_or(sentence.end, |d| d.view.start);
                let after = &text[date.view.end..end];
                let stop = after.find(['.', ';']).map_or(end, |p| date.view.end + p);
                date.view.start..stop
            } else {
                from..date.view.end
            };
            // The clause starts at its first word, after the previous date's bracket and
            // the separator.
            let lead_len = text[clause.clone()].len()
                - text[clause.clone()]
                    .trim_start_matches([')', ',', ';', ' '])
                    .len();
            let clause = clause.start + lead_len..clause.end;
            let clause_text = &text[clause.clone()];
            let lead = before
                .trim_end()
                .trim_end_matches('(')
                .trim_end()
                .to_lowercase();
            let figure = NOT_ACTIONS.iter().any(|w| lead.ends_with(w));
            let continues = previous.is_some() && {
                let t = before.trim_start_matches([')', ' ']);
                t.starts_with(',')
                    || t.starts_with("and ")
                    || t.starts_with(';')
                    || t.starts_with("as well as")
            };
            let kind = match (&previous, continues) {
                (Some(p), true) => kind_in(clause_text, STRONG).or(Some(p.1)),
                _ => kind_in(clause_text, &[]),
            };
            let taking_part = |p: &&PersonMention| {
                let lead = &text[p.view.start.saturating_sub(60)..p.view.start];
                !HONOURED.iter().any(|h| lead.contains(h))
            };
            let mut participants: Vec<Participant> = people
                .iter()
                .filter(|p| clause.start <= p.view.start && p.view.end <= clause.end)
                .filter(taking_part)
                .map(|p| Participant {
                    name: p.record.name.clone(),
                    person_id: p.record.person_id.clone(),
                })
                .collect();
            // A list item that names no one and no office ("for work purposes") is the
            // same people's.
            let opens_lowercase = clause_text
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_start_matches("and ")
                .starts_with(char::is_lowercase);
            // An office names someone taking part, unless it is the one honoured.
            let names_office = clause_text.contains("members")
                || a.gazetteers().offices(clause_text).any(|h| {
                    let lead = &clause_text[h.start.saturating_sub(60)..h.start];
                    !HONOURED.iter().any(|w| lead.contains(w))
                });
            if participants.is_empty()
                && continues
                && opens_lowercase
                && !names_office
                && let Some(p) = &previous
            {
                participants = p.2.clone();
            }
            if participants.is_empty() && !continues {
                // Participants named earlier in the sentence.
                participants = people
                    .iter()
                    .filter(|p| sentence.start <= p.view.start && p.view.end <= clause.start)
                    .filter(taking_part)
                    .map(|p| Participant {
                        name: p.record.name.clone(),
                        person_id: p.record.person_id.clone(),
                    })
                    .collect();
            }
            dedup_participants(&mut participants);
            from = date.view.end;
            // A span of years (`18 January 1950 - 18 January 2020`) is an anniversary's
            // reach, not the date of an action.
            let years_long = date
                .start
                .as_ref()
                .zip(date.end.as_ref())
                .is_some_and(|(s, e)| s.get(..4) != e.get(..4));
            let Some(kind) = kind.filter(|_| !figure && !years_long) else {
                continue;
            };
            let countries = countries(a, line, &clause, &participants, people);
            let orgs = orgs(a, &clause);
            let location = location(a, text, date, &clause);
            previous = Some((date.view.end, kind, participants.clone()));
            out.push(Record::Event(EventRecord {
                common: a.common(clause.clone()),
                kind: kind.to_string(),
                date: DateRef {
                    span: a.raw_span(date.view.clone()).into(),
                    values: date.values.clone(),
                },
                participants,
                countries,
                orgs,
                location,
            }));
        }
    }
    out
}

/// The kind of the action a clause names, by precedence, among `only` (all kinds when
/// empty).
fn kind_in(clause: &str, only: &[&str]) -> Option<&'static str> {
    // Every word of every kind, in one automaton built once: (kind index, is a stem).
    static WORDS: LazyLock<(AhoCorasick, Vec<(usize, bool)>)> = LazyLock::new(|| {
        let mut patterns = Vec::new();
        let mut meaning = Vec::new();
        for (k, (_, words)) in KINDS.iter().enumerate() {
            for w in *words {
                patterns.push(*w);
                // Stems ("commemorat") match the start of a word.
                meaning.push((k, w.ends_with("at")));
            }
        }
        let ac = AhoCorasick::new(&patterns).expect("the kind words make a valid automaton");
        (ac, meaning)
    });
    let (ac, meaning) = &*WORDS;
    let mut found = [false; 16];
    for m in ac.find_overlapping_iter(clause) {
        let (kind, stem) = meaning[m.pattern().as_usize()];
        let before = clause[..m.start()].chars().next_back();
        let after = clause[m.end()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric)
            && (stem || !after.is_some_and(char::is_alphanumeric))
        {
            found[kind] = true;
        }
    }
    KINDS
        .iter()
        .enumerate()
        .filter(|(k, (name, _))| found[*k] && (only.is_empty() || only.contains(name)))
        .map(|(_, (name, _))| *name)
        .next()
}

fn dedup_participants(p: &mut Vec<Participant>) {
    let mut seen = std::collections::BTreeSet::new();
    p.retain(|x| seen.insert(x.person_id.clone()));
}

/// The states taking part: those of the participants, those the clause names, the
/// country of the section (a bilateral chapter's country paragraph), and Viet Nam
/// when a Vietnamese official takes part or the clause names it.
fn countries(
    a: &Analysis,
    line: usize,
    clause: &Range<usize>,
    participants: &[Participant],
    people: &[PersonMention],
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in participants {
        if let Some(c) = people
            .iter()
            .find(|m| m.record.person_id == p.person_id)
            .and_then(|m| m.record.country.as_deref())
        {
            add(&mut out, c);
        }
    }
    for hit in a.gazetteers().countries(&a.view.text()[clause.clone()]) {
        add(&mut out, &hit.country.code);
    }
    if out.iter().all(|c| c == "VN") {
        // "Both sides ...": the partner named last before, in the paragraph.
        let before = &a.view.text()[a.view.lines()[line].range.start..clause.start];
        if let Some(hit) = a
            .gazetteers()
            .countries(before)
            .filter(|h| h.country.code != "VN")
            .last()
        {
            add(&mut out, &hit.country.code);
            add(&mut out, "VN");
        }
    }
    let section_country = a.sections.ancestry(line).find_map(|s| {
        a.gazetteers()
            .countries(&s.title)
            .next()
            .map(|h| h.country.code.clone())
    });
    if let Some(c) = section_country {
        add(&mut out, &c);
        // A country paragraph of a bilateral chapter is about Viet Nam's relations.
        add(&mut out, "VN");
    }
    out.sort();
    out
}

/// Adds a code once.
fn add(out: &mut Vec<String>, code: &str) {
    if !out.iter().any(|x| x == code) {
        out.push(code.to_string());
    }
}

/// The international bodies the clause names.
fn orgs(a: &Analysis, clause: &Range<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for hit in a.gazetteers().organizations(&a.view.text()[clause.clone()]) {
        let id = if hit.org.acronym.is_empty() {
            hit.org.name.clone()
        } else {
            hit.org.acronym.clone()
        };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// Where the event took place, when the text says: `(Hanoi, 19 October 2020)`,
/// `(New York - 9 January 2020)`, `... in Vientiane (February 2020)`.
fn location(a: &Analysis, text: &str, date: &Date, clause: &Range<usize>) -> Option<String> {
    // Inside the date's brackets, before it.
    let open = text[..date.view.start].rfind('(');
    if let Some(open) = open.filter(|&o| !text[o..date.view.start].contains(')')) {
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
    let near = text[clause.start..date.view.start]
        .char_indices()
        .rev()
        .filter(|(_, c)| *c == ' ')
        .nth(7)
        .map_or(clause.start, |(i, _)| clause.start + i);
    let c = &text[near..date.view.start];
    let mut found = None;
    for (at, _) in c.match_indices(" in ") {
        let rest = &c[at + 4..];
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
        let is_org = a.gazetteers().organizations(&place).next().is_some();
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
