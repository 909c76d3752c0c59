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
//! words after the last country, organization or institution word. Titles after the
//! name in apposition (`Mr. Pham Minh Chinh, Chairman of ...`) belong to the mention;
//! signatures (`BUI THANH SON` above a line of titles) and credit lines (`Editor: Bui
//! Huong Giang`) are mentions too. Then every later occurrence of a name already found
//! is a mention of the same person, titles or not.

use super::{Earlier, Part};
use crate::analysis::{Analysis, Partner};
use crate::gazetteer::{Lines, NameWords, Office, OfficeCategory, WordIndex};
use crate::record::{PersonRecord, Record};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

/// An office phrase on the line being read, with offsets relative to the line.
#[derive(Clone, Copy, Debug)]
struct OfficeHit<'g> {
    start: usize,
    end: usize,
    office: &'g Office,
}

/// The next word of a capitalised run at or after `pos` (spaces skipped): an initial
/// or dotted acronym (`R.`, `U.S.`), a capitalised word with inner apostrophes and
/// hyphens (`Chan-o-cha`, `People's`), a lowercase word (a connector or particle, for
/// the caller to judge), `&`, `-`, or a bracketed acronym (`(LDP)`).
fn run_word(text: &str, pos: usize) -> Option<Range<usize>> {
    let rest = &text[pos..];
    let start = pos + (rest.len() - rest.trim_start().len());
    let s = &text[start..];
    let first = s.chars().next()?;
    let until = |skip: usize, keep: &dyn Fn(char) -> bool| {
        s[skip..]
            .char_indices()
            .find(|&(_, c)| !keep(c))
            .map_or(s.len(), |(i, _)| skip + i)
    };
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
            until(first.len_utf8(), &|c| {
                c.is_alphabetic() || matches!(c, '\'' | '’' | '-')
            })
        }
    } else if first.is_alphabetic() {
        until(0, &|c| c.is_alphabetic())
    } else {
        return None;
    };
    Some(start..start + len)
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

/// A credit line: `Editor: Bui Huong Giang`.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Editor in Chief|Editor-in-Chief|Editors?|Designers?|Director|Authors?|Translators?|Photographers?|Compilers?)\s*:\s*(\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’\-]*){1,5})$")
        .expect("valid regex")
});

/// A name in capitals alone on its line (a signature), possibly after `DR.`.
static CAPS_NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:DR|MR|MS|MRS)\.?\s+)?(\p{Lu}+(?:\s+\p{Lu}+){1,4})$").expect("valid regex")
});

/// One mention found from titles, before the person ids are known.
#[derive(Clone, Debug)]
struct Mention {
    /// The name's range in the view.
    name: Range<usize>,
    titles: Vec<String>,
    offices: Vec<String>,
    country: Option<String>,
    org: Option<String>,
}

/// A person mention with the view range of its name: what later stages (events)
/// read.
#[derive(Clone, Debug)]
pub(crate) struct PersonMention {
    /// The name's range in the view.
    pub view: Range<usize>,
    /// The record made of it.
    pub record: PersonRecord,
}

/// One record per person mention of `part`.
pub(crate) fn extract(a: &Analysis, earlier: &Earlier, part: &Part, out: &mut Vec<Record>) {
    let _ = a;
    let people = &earlier.people;
    let first = people.partition_point(|p| p.view.start < part.view.start);
    let records = people[first..]
        .iter()
        .take_while(|p| part.holds(p.view.start))
        .map(|p| Record::Person(p.record.clone()));
    out.extend(records);
}

/// Every person mention of the document, in view order.
pub(crate) fn find(a: &Analysis) -> Vec<PersonMention> {
    let mut mentions = Vec::new();
    for (i, _) in a.prose_lines() {
        let text = a.line_text(i);
        let offices = line_offices(a, a.view.lines()[i].range.clone());
        titled(a, i, text, &offices, &mut mentions);
        signature(a, i, text, &mut mentions);
    }
    mentions.sort_by_key(|m| (m.name.start, m.name.end));
    mentions.dedup_by_key(|m| m.name.clone());
    let people = People::cluster(a, &mentions);
    untitled(a, &people, &mut mentions);
    mentions.sort_by_key(|m| (m.name.start, m.name.end));
    mentions
        .into_iter()
        .map(|m| {
            let name = a.view.text()[m.name.clone()].to_string();
            let key = people.key_of(&name);
            let person = key.and_then(|k| people.by_key.get(&k));
            let record = PersonRecord {
                common: a.common(m.name.clone()),
                name: clean_name(&name),
                titles: m.titles,
                offices: m.offices,
                country: m.country.or_else(|| person.and_then(|p| p.country.clone())),
                org: m.org.or_else(|| person.and_then(|p| p.org.clone())),
                person_id: person.map_or_else(|| slug(&name), |p| p.id.clone()),
            };
            PersonMention {
                view: m.name,
                record,
            }
        })
        .collect()
}

/// The office hits of a view range, relative to its start.
fn line_offices<'g>(a: &'g Analysis, range: Range<usize>) -> Vec<OfficeHit<'g>> {
    let base = range.start;
    a.offices_in(range)
        .map(|h| OfficeHit {
            start: h.start - base,
            end: h.end - base,
            office: h.office,
        })
        .collect()
}

/// A name as written, with line breaks and runs of spaces made single spaces.
fn clean_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds the mentions introduced by titles on line `i`.
fn titled(a: &Analysis, i: usize, text: &str, offices: &[OfficeHit], out: &mut Vec<Mention>) {
    let base = a.view.lines()[i].range.start;
    let w = a.gazetteers().name_words();
    let mut k = 0;
    while k < offices.len() {
        let chain_start = offices[k].start;
        let mut titles: Vec<(usize, usize, String)> = Vec::new(); // (start, end, office id)
        let mut complements: Vec<Range<usize>> = Vec::new();
        let mut name: Option<Range<usize>> = None;
        let mut pos;
        let mut j = k;
        loop {
            let hit = &offices[j];
            pos = hit.end;
            let mut title_end = hit.end;
            let run = capital_run(w, text, pos, offices, j + 1);
            let (complement, found) = split_run(a, base, text, run.clone());
            if let Some(c) = complement.clone() {
                complements.push(c.clone());
                title_end = c.end;
            }
            titles.push((hit.start, title_end, hit.office.id.clone()));
            if let Some(n) = found {
                name = Some(n);
                j += 1;
                break;
            }
            // No name yet: the chain goes on to an office right after a separator.
            let after = complement.map_or(hit.end, |c| c.end);
            match offices.get(j + 1) {
                // A complement may run past the next office ("General of A-General"):
                // then nothing separates them.
                Some(next) if after <= next.start && is_separator(&text[after..next.start]) => {
                    j += 1
                }
                _ => {
                    j += 1;
                    break;
                }
            }
        }
        k = j;
        let Some(name) = name else { continue };
        // "Defence Ministers on ...", "Presidents of ...": plural titles name no one.
        if titles.iter().any(|(s, e, _)| plural_title(&text[*s..*e])) {
            continue;
        }
        // Honorifics taken into the name are not new chains.
        while offices.get(k).is_some_and(|h| h.start < name.end) {
            k += 1;
        }
        // "The General Market Potential ...": a lone rank or title after an article is
        // a word of a name of a thing, not a title.
        let lone = titles.len() == 1
            && !text[offices[k.saturating_sub(1)].start..offices[k.saturating_sub(1)].end]
                .contains(' ');
        if lone && (text[..chain_start].ends_with("the ") || text[..chain_start].ends_with("The "))
        {
            continue;
        }
        // Titles after the name, in apposition: ", Chairman of ..." not followed by a name.
        let mut after_titles = Vec::new();
        let mut apposition_complements = Vec::new();
        let mut m = k;
        if text[name.end..].starts_with(", ") {
            let mut expect = name.end + 2;
            while let Some(hit) = offices.get(m).filter(|h| {
                h.start == expect
                    || is_separator(&text[expect.min(h.start)..h.start]) && h.start >= expect
            }) {
                let run = capital_run(w, text, hit.end, offices, m + 1);
                let (complement, found) = split_run(a, base, text, run);
                if found.is_some() {
                    after_titles.clear();
                    break;
                }
                let end = complement.as_ref().map_or(hit.end, |c| c.end);
                if let Some(c) = complement {
                    apposition_complements.push(c);
                }
                after_titles.push((hit.start, end, hit.office.id.clone()));
                m += 1;
                expect = end;
            }
            if !after_titles.is_empty() {
                k = m;
            }
        }
        let mut all_titles = titles;
        all_titles.extend(after_titles);
        complements.extend(apposition_complements);
        let (country, org) = affiliation(
            a,
            Place {
                line: i,
                base,
                text,
            },
            chain_start,
            &all_titles,
            &complements,
            &name,
        );
        out.push(Mention {
            name: base + name.start..base + name.end,
            titles: all_titles
                .iter()
                .map(|(s, e, _)| title_text(a, base + *s..base + *e))
                .collect(),
            offices: all_titles.iter().map(|(_, _, id)| id.clone()).collect(),
            country,
            org,
        });
    }
}

/// A title as written (the view range `title`), without a trailing `of <Country>`.
fn title_text(a: &Analysis, title: Range<usize>) -> String {
    let t = &a.view.text()[title.clone()];
    for marker in [" of the ", " of "] {
        if let Some(at) = t.rfind(marker) {
            let rest = title.start + at + marker.len();
            let whole_country = a
                .countries_in(rest..title.end)
                .next()
                .is_some_and(|h| h.start == rest && h.end == title.end);
            if whole_country {
                return clean_name(&t[..at]);
            }
        }
    }
    clean_name(t)
}

/// Whether a title is plural (`Ministers`, `Presidents`, `Secretaries`).
fn plural_title(title: &str) -> bool {
    title
        .split_whitespace()
        .take_while(|w| *w != "of" && *w != "for")
        .any(|w| {
            [
                "ers", "ents", "ies", "ors", "ads", "oys", "als", "men", "irs",
            ]
            .iter()
            .any(|end| w.ends_with(end))
                && w != "Affairs"
        })
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
    w: &NameWords,
    text: &str,
    from: usize,
    offices: &[OfficeHit],
    mut next: usize,
) -> Range<usize> {
    let mut end = from;
    let mut pos = from;
    let mut name_words = 0;
    let mut complement = false;
    while let Some(r) = run_word(text, pos) {
        let word = &text[r.clone()];
        let (start, after) = (r.start, r.end);
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
                continue;
            }
            break;
        }
        if word == "and"
            && let Some(o) = offices.get(next)
            && text[after..o.start.max(after)].split_whitespace().count() <= 1
        {
            break;
        }
        let lowercase = word.starts_with(char::is_lowercase);
        if lowercase && !w.connector.contains(word) && !w.particle.contains(word) {
            break;
        }
        name_words = if name_like(w, word) {
            name_words + 1
        } else {
            0
        };
        pos = after;
        // A run never ends on a connector: "Vladimir Putin on the occasion".
        if !w.connector.contains(word) {
            end = pos;
        }
    }
    from..end
}

fn name_like(w: &NameWords, word: &str) -> bool {
    if w.not_name.contains(word) || w.institution.contains(word) {
        return false;
    }
    let initial =
        word.len() == 2 && word.ends_with('.') && word.starts_with(|c: char| c.is_uppercase());
    initial
        || (word.starts_with(|c: char| c.is_uppercase())
            && !word.ends_with('.')
            && !word.starts_with('('))
}

/// Splits a capitalised run after an office into its complement (`of the Republic of
/// Korea`) and the person's name (`Kang Kyung-Wha`), either possibly absent.
fn split_run(
    a: &Analysis,
    base: usize,
    text: &str,
    run: Range<usize>,
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let nw = a.gazetteers().name_words();
    let words: Vec<Range<usize>> = words_of(text, run.clone());
    if words.is_empty() {
        return (None, None);
    }
    let word = |r: &Range<usize>| &text[r.clone()];
    let first = word(&words[0]);
    if ["of", "for", "to", "at", "in", "on"].contains(&first) {
        // Complement first: the name is the name-like words after the last country,
        // organization or institution word.
        let abs = base + run.start..base + run.end;
        let blocked: Vec<Range<usize>> = a
            .countries_in(abs.clone())
            .map(|h| h.start - base..h.end - base)
            .chain(a.orgs_in(abs).map(|h| h.start - base..h.end - base))
            .collect();
        let in_blocked =
            |r: &Range<usize>| blocked.iter().any(|b| b.start <= r.start && r.end <= b.end);
        // A word that can end a complement: a country, an organization, an institution
        // word or a bracketed acronym.
        let ends_complement = |w: &Range<usize>| {
            in_blocked(w) || nw.institution.contains(word(w)) || word(w).starts_with('(')
        };
        // The first complement end followed by a name that is itself followed by the end
        // of the run or a connector ("Michael R. Pompeo in Hanoi"), not by more of the
        // complement ("Lao National Assembly").
        for end in 0..words.len() {
            if !ends_complement(&words[end]) {
                continue;
            }
            let n = name_words(nw, text, &words[end + 1..], |w| !in_blocked(w));
            if n == 0 || n > 8 {
                continue;
            }
            let after = words.get(end + 1 + n);
            let closed =
                after.is_none_or(|w| nw.connector.contains(word(w)) && !ends_complement(w));
            if closed {
                let complement = words[0].start..words[end].end;
                return (
                    Some(complement),
                    Some(words[end + 1].start..words[end + n].end),
                );
            }
        }
        let complement =
            words[0].start..trim_connectors(nw, text, words[0].start..words[words.len() - 1].end);
        return (Some(complement), None);
    }
    // Name first: the name-like words up to the first connector.
    let n = name_words(nw, text, &words, |_| true);
    if n == 0 || n > 8 {
        return (None, None);
    }
    (None, Some(words[0].start..words[n - 1].end))
}

/// How many of `words` make a name: name-like words, with particles inside
/// ("Ursula von der Leyen"), all accepted by `ok`.
fn name_words(
    nw: &NameWords,
    text: &str,
    words: &[Range<usize>],
    ok: impl Fn(&Range<usize>) -> bool,
) -> usize {
    let word = |r: &Range<usize>| &text[r.clone()];
    let mut n = 0;
    while n < words.len() && ok(&words[n]) {
        if name_like(nw, word(&words[n])) {
            n += 1;
            continue;
        }
        let particles = words[n..]
            .iter()
            .take_while(|w| nw.particle.contains(word(w)))
            .count();
        if n > 0
            && particles > 0
            && words
                .get(n + particles)
                .is_some_and(|w| name_like(nw, word(w)))
        {
            n += particles;
            continue;
        }
        break;
    }
    n
}

fn words_of(text: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = run.start;
    while pos < run.end {
        let Some(w) = run_word(&text[..run.end], pos) else {
            break;
        };
        pos = w.end;
        out.push(w);
    }
    out
}

fn trim_connectors(nw: &NameWords, text: &str, r: Range<usize>) -> usize {
    let mut end = r.end;
    let mut t = text[r.start..end].trim_end();
    loop {
        let last = t.rsplit(' ').next().unwrap_or("");
        if !t.contains(' ') || !nw.connector.contains(last) {
            break;
        }
        t = t[..t.len() - last.len()].trim_end();
    }
    end = end.min(r.start + t.len());
    end
}

/// Where on the view a mention is read: the line's index, its view offset and text.
#[derive(Clone, Copy)]
struct Place<'t> {
    line: usize,
    base: usize,
    text: &'t str,
}

/// The state the person serves and the international body they work for.
fn affiliation(
    a: &Analysis,
    at: Place,
    chain_start: usize,
    titles: &[(usize, usize, String)],
    complements: &[Range<usize>],
    name: &Range<usize>,
) -> (Option<String>, Option<String>) {
    let Place { line, base, text } = at;
    // An adjective or organization just before the titles: "Japanese Prime Minister",
    // "ASEAN Secretary-General".
    let before = &text[..chain_start];
    let trimmed = before.trim_end().trim_end_matches("former").trim_end();
    let lead = base..base + trimmed.len();
    let adjective = a
        .countries_in(lead.clone())
        .next_back()
        .filter(|h| h.end == lead.end)
        .map(|h| h.country.code.clone());
    let mut org = a
        .orgs_in(lead.clone())
        .next_back()
        .filter(|h| h.end == lead.end)
        .map(|h| h.org.acronym.clone());
    // Countries named in the titles' complements ("of Thailand", "of the Cambodian
    // National Assembly"); not a receiving state ("Ambassador ... to Viet Nam").
    let mut named: Vec<String> = Vec::new();
    for c in complements {
        let phrase = &text[c.clone()];
        let len = phrase.find(" to ").unwrap_or(phrase.len());
        if phrase.starts_with("to ") {
            continue;
        }
        for h in a.countries_in(base + c.start..base + c.start + len) {
            if !named.contains(&h.country.code) {
                named.push(h.country.code.clone());
            }
        }
    }
    // A bilateral body ("the Japan - Viet Nam Friendship Alliance") names both states:
    // the name decides, else the partner of the home state.
    let home = a.home();
    let bilateral = named.len() > 1;
    let complement_country = named.iter().find(|c| !bilateral || *c != home).cloned();
    if adjective.is_none() && complement_country.is_none() {
        for (s, e, _) in titles {
            if org.is_none() {
                org = a
                    .orgs_in(base + *s..base + *e)
                    .next()
                    .map(|h| h.org.key().to_string());
            }
        }
    }
    // "Xi Jinping of China".
    let after_name = text[name.end..]
        .strip_prefix(" of ")
        .map(|rest| rest.strip_prefix("the ").unwrap_or(rest));
    let of_country = after_name.and_then(|rest| {
        let from = base + text.len() - rest.len();
        a.countries_in(from..base + text.len())
            .next()
            .filter(|h| h.start == from)
            .map(|h| h.country.code.clone())
    });
    let by_family_name = family_name_country(a, &text[name.clone()]);
    let family = || by_family_name.clone();
    let country = adjective
        .or_else(|| {
            if bilateral {
                family().or(complement_country)
            } else {
                complement_country
            }
        })
        .or(of_country)
        .or_else(family)
        .or_else(|| {
            if org.is_some() {
                None
            } else {
                section_country(a, line).or_else(|| sentence_country(a, base + name.start))
            }
        });
    (country, org.filter(|o| !o.is_empty()))
}

/// The state a name of two or more words belongs to by its family name (its first
/// word, folded to ASCII), when the family names gazetteer lists it.
fn family_name_country(a: &Analysis, name: &str) -> Option<String> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    let first = title_case(&crate::text::ascii_fold(first));
    a.gazetteers()
        .family_name_country(&first)
        .map(str::to_string)
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
        Some((_, Partner::Country(c))) => Some(c.code.clone()),
        _ => None,
    }
}

/// The one foreign country the sentence of a mention at view offset `at` names, if it
/// names exactly one.
fn sentence_country(a: &Analysis, at: usize) -> Option<String> {
    let sentence = a.sentences.at(at)?;
    let mut found: Option<String> = None;
    for h in a.countries_in(sentence) {
        match &found {
            _ if h.country.code == a.home() => {}
            None => found = Some(h.country.code.clone()),
            Some(f) if *f != h.country.code => return None,
            Some(_) => {}
        }
    }
    found
}

/// Signatures and credit lines: a name in capitals next to a line of titles, or
/// `Editor: Bui Huong Giang`.
fn signature(a: &Analysis, i: usize, text: &str, out: &mut Vec<Mention>) {
    let base = a.view.lines()[i].range.start;
    if let Some(c) = CREDIT_LINE.captures(text) {
        let (Some(label), Some(name)) = (c.get(1), c.get(2)) else {
            return;
        };
        out.push(Mention {
            name: base + name.start()..base + name.end(),
            titles: vec![label.as_str().to_string()],
            offices: Vec::new(),
            country: None,
            org: None,
        });
        return;
    }
    let Some(c) = CAPS_NAME_LINE.captures(text) else {
        return;
    };
    // Sections are in line order: a heading line is found by halving, not by a scan
    // (a document of many sections has many such lines).
    let sections = a.sections.all();
    if sections
        .get(sections.partition_point(|s| s.line < i))
        .is_some_and(|s| s.line == i)
    {
        return;
    }
    let Some(name) = c.get(1) else { return };
    if a.countries_in(base..base + text.len()).next().is_some()
        || a.offices_in(base + name.start()..base + name.end())
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
        let country = family_name_country(a, name.as_str());
        out.push(Mention {
            name: base + name.start()..base + name.end(),
            titles: hits
                .iter()
                .map(|h| clean_name(&t[h.start..h.end]))
                .collect(),
            offices: hits.iter().map(|h| h.office.id.clone()).collect(),
            country,
            org: None,
        });
        return;
    }
}

/// The people of a document: mentions grouped by person, each with a stable id.
struct People {
    /// Person by the key of each name variant.
    by_key: BTreeMap<String, Person>,
}

#[derive(Clone, Debug)]
struct Person {
    id: String,
    country: Option<String>,
    org: Option<String>,
}

/// The key of a name: folded to ASCII, lowercase, words in order.
fn key(name: &str) -> String {
    deunicode::deunicode(name)
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The id of a name: its key with hyphens.
fn slug(name: &str) -> String {
    key(name)
        .replace('.', "")
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

impl People {
    /// Groups the titled mentions: the same name folded (`Nguyễn Phú Trọng`, `NGUYEN PHU
    /// TRONG`), the same words in another order (`Suga Yoshihide`, `Yoshihide Suga`),
    /// an initial for a given name (`V. Putin`), or a single family name that only one
    /// full name of the document carries (`President Biden`).
    fn cluster(a: &Analysis, mentions: &[Mention]) -> People {
        let text = a.view.text();
        // Full names first (more words first), so short forms find them.
        let mut names: Vec<(String, &Mention)> = mentions
            .iter()
            .map(|m| (key(&text[m.name.clone()]), m))
            .collect();
        let fullness = |k: &str| {
            let words = k.split(' ');
            let initials = words
                .clone()
                .filter(|w| w.len() == 2 && w.ends_with('.'))
                .count();
            (
                std::cmp::Reverse(words.count()),
                initials,
                std::cmp::Reverse(k.len()),
            )
        };
        names.sort_by(|x, y| fullness(&x.0).cmp(&fullness(&y.0)).then(x.0.cmp(&y.0)));
        let mut canon: Vec<(Vec<String>, Person)> = Vec::new();
        let mut by_key = BTreeMap::new();
        for (k, m) in names {
            if by_key.contains_key(&k) {
                let p: &mut Person = by_key.get_mut(&k).expect("present");
                if p.country.is_none() {
                    p.country = m.country.clone();
                }
                continue;
            }
            let words: Vec<String> = k.split(' ').map(str::to_string).collect();
            let same = canon
                .iter()
                .find(|(full, _)| same_person(full, &words))
                .map(|(_, p)| p.clone());
            let person = match same {
                Some(p) => p,
                None => {
                    let p = Person {
                        id: slug(&k),
                        country: m.country.clone(),
                        org: m.org.clone(),
                    };
                    canon.push((words, p.clone()));
                    p
                }
            };
            by_key.insert(k, person);
        }
        People { by_key }
    }

    fn key_of(&self, name: &str) -> Option<String> {
        let k = key(name);
        self.by_key.contains_key(&k).then_some(k)
    }
}

/// Whether `short` names the same person as the full name `full` (both keys' words).
fn same_person(full: &[String], short: &[String]) -> bool {
    if full == short {
        return true;
    }
    let sorted = |w: &[String]| w.iter().cloned().collect::<BTreeSet<_>>();
    if full.len() == short.len() && sorted(full) == sorted(short) {
        return true;
    }
    // "v. putin" ~ "vladimir putin": initials stand for the given names.
    if full.len() == short.len() && full.len() >= 2 {
        let matches = full
            .iter()
            .zip(short)
            .all(|(f, s)| f == s || (s.len() == 2 && s.ends_with('.') && f.starts_with(&s[..1])));
        if matches {
            return true;
        }
    }
    // "biden" ~ "joe biden": a lone family name (first or last word of the full name).
    short.len() == 1
        && full.len() >= 2
        && (full.last() == short.first() || full.first() == short.first())
}

/// Mentions without titles: later occurrences of names already found.
fn untitled(a: &Analysis, people: &People, mentions: &mut Vec<Mention>) {
    let text = a.view.text();
    let mut names: Vec<String> = mentions
        .iter()
        .map(|m| clean_name(&text[m.name.clone()]))
        .filter(|n| n.split(' ').count() >= 2)
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return;
    }
    // A document's few names, looked up by their first word: cheaper than building an
    // automaton for them.
    let Some(index) = WordIndex::new(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i as u32)),
    ) else {
        return;
    };
    let taken: Vec<Range<usize>> = mentions.iter().map(|m| m.name.clone()).collect();
    let overlaps = |r: &Range<usize>| {
        let i = taken.partition_point(|t| t.end <= r.start);
        taken.get(i).is_some_and(|t| t.start < r.end)
    };
    for (i, line) in a.prose_lines() {
        let t = a.line_text(i);
        for m in index.find(t, Lines::Apart) {
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if word(t[..m.start].chars().next_back()) || word(t[m.end..].chars().next()) {
                continue;
            }
            // "Ho Chi Minh City", "USS Theodore Roosevelt": part of a longer name.
            let next_word = t[m.end..]
                .strip_prefix(' ')
                .and_then(|r| r.split(' ').next())
                .unwrap_or("");
            let prev_word = t[..m.start]
                .strip_suffix(' ')
                .and_then(|r| r.rsplit(' ').next())
                .unwrap_or("");
            let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
            if capital(next_word) || (capital(prev_word) && !prev_word.ends_with(['.', ','])) {
                continue;
            }
            let r = line.range.start + m.start..line.range.start + m.end;
            if overlaps(&r) {
                continue;
            }
            let person = people
                .key_of(&names[m.value as usize])
                .and_then(|k| people.by_key.get(&k).cloned());
            mentions.push(Mention {
                name: r,
                titles: Vec::new(),
                offices: Vec::new(),
                country: person.as_ref().and_then(|p| p.country.clone()),
                org: person.and_then(|p| p.org),
            });
        }
    }
}
