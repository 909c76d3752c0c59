//! Who a figure is about: the partner country (`counterpart`) and, for flows with a
//! giver and a receiver, the `direction`.
//!
//! Partners are the countries of the countries gazetteer, the European Union (`EU`,
//! its ISO 3166-1 exceptionally reserved code) and groups of countries or regions
//! (`ASEAN`, `Latin American countries`, `the world`), which name no single partner.
//! Viet Nam is the country the reports speak for, never the counterpart.

use crate::analysis::{Analysis, Partner};
use crate::scan::ascii_regex;
use crate::text;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A mention of a partner in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Mention {
    /// Where, relative to the text searched.
    pub range: Range<usize>,
    /// ISO 3166-1 alpha-2 code (`VN` for Viet Nam, `EU` for the European Union), or
    /// none for a group of countries or a region.
    pub code: Option<String>,
    /// It is the document's home state.
    pub home: bool,
}

/// The partner mentions of `line[span]` (the view line starting at `base`), with
/// ranges relative to the line, in order: the countries of the one search, and the
/// European Union and groups of countries or regions (`gazetteers/partner-groups.tsv`)
/// that are not part of a longer name (`World Bank`, `Asian Development Bank`).
/// Overseas Vietnamese are people abroad, not Viet Nam.
pub(super) fn mentions_in(
    a: &Analysis,
    base: usize,
    line: &str,
    span: Range<usize>,
) -> Vec<Mention> {
    let range = base + span.start..base + span.end;
    let mut out: Vec<Mention> = a
        .countries_in(range.clone())
        .filter(|h| {
            !(&*h.country.code == a.home()
                && text::ends_with_ignore_case(
                    text::slice(line, span.start, h.start - base).trim_end(),
                    "overseas",
                ))
        })
        .map(|h| Mention {
            range: h.start - base..h.end - base,
            code: Some(h.country.code.to_string()),
            home: &*h.country.code == a.home(),
        })
        .collect();
    let countries = out.len();
    for (r, eu) in a.groups_in(range) {
        let r = r.start - base..r.end - base;
        // Part of a name: `World Bank`, `Asian Development Bank`, `Indo-Pacific
        // Business Forum`.
        let next_word = line[r.end..span.end].trim_start_matches([' ', '-']);
        let in_name = line[r.clone()].starts_with(char::is_uppercase)
            && !eu
            && next_word.starts_with(char::is_uppercase)
            && !next_word.starts_with("Viet");
        if in_name
            || out[..countries]
                .iter()
                .any(|k| k.range.start < r.end && r.start < k.range.end)
        {
            continue;
        }
        out.push(Mention {
            range: r,
            code: eu.then(|| "EU".to_string()),
            home: false,
        });
    }
    out.sort_by_key(|m| m.range.start);
    out
}

/// The mentions (in line order) that start in `sentence`, and the one after them: all
/// that a figure of the sentence reads ([`starts_list`] looks one mention on).
pub(super) fn of_sentence<'m>(mentions: &'m [Mention], sentence: &Range<usize>) -> &'m [Mention] {
    let from = mentions.partition_point(|m| m.range.start < sentence.start);
    let to = mentions.partition_point(|m| m.range.start < sentence.end);
    &mentions[from..(to + 1).min(mentions.len())]
}

/// A figure's place: the line's text and the mentions of its sentence ([`of_sentence`]),
/// the sentence and figure ranges (relative to the line), and where the other figures
/// of the sentence start.
pub(super) struct Place<'t> {
    pub line: &'t str,
    pub mentions: &'t [Mention],
    pub sentence: Range<usize>,
    pub figure: Range<usize>,
    /// Start of the next figure in the sentence, or the sentence end.
    pub next_figure: usize,
    /// The document's home state.
    pub home: &'t str,
}

/// What a search for a partner found.
enum Found {
    Partner(String),
    /// A group or region: no single partner.
    Group,
    Nothing,
}

static ADJACENT_PREP: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)^\s*,?\s*(?:with|to|for|from|in)\s+(?:the\s+)?$"));
static LIST_NEXT: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"^\s*(?:,|and)\s*(?:the\s+)?$"));

fn found_of(m: &Mention) -> Found {
    match &m.code {
        Some(c) => Found::Partner(c.clone()),
        None => Found::Group,
    }
}

/// Whether mention `i` starts a list of partners (`for Algeria, Mozambique, ...`).
fn starts_list(p: &Place, i: usize) -> bool {
    p.mentions.get(i + 1).is_some_and(|n| {
        p.line
            .get(p.mentions[i].range.end..n.range.start)
            .is_some_and(|gap| LIST_NEXT.is_match(gap) || gap.trim() == ",")
    })
}

/// The partner the sentence names for the figure: right after it (`US$3.95 billion
/// with Argentina`), else the nearest before it, else the first after it in its clause.
fn in_sentence(p: &Place) -> Found {
    let in_sentence =
        |m: &Mention| p.sentence.start <= m.range.start && m.range.end <= p.sentence.end;
    // Right after the figure, through a preposition.
    for (i, m) in p.mentions.iter().enumerate() {
        if m.range.start < p.figure.end || !in_sentence(m) {
            continue;
        }
        if ADJACENT_PREP.is_match(&p.line[p.figure.end..m.range.start]) && !m.home {
            return if starts_list(p, i) {
                Found::Group
            } else {
                found_of(m)
            };
        }
        break;
    }
    if let Some(m) = p
        .mentions
        .iter()
        .rev()
        .find(|m| in_sentence(m) && m.range.end <= p.figure.start && !m.home)
    {
        return found_of(m);
    }
    if let Some(m) = p.mentions.iter().find(|m| {
        in_sentence(m) && m.range.start >= p.figure.end && m.range.end <= p.next_figure && !m.home
    }) {
        return found_of(m);
    }
    Found::Nothing
}

/// The counterpart of a figure: from its sentence; failing that, from the country
/// section it sits in; in a section about a group of countries (`Other Asian
/// countries`), from the partner its paragraph named last.
pub(super) fn counterpart(
    a: &Analysis,
    line_index: usize,
    base: usize,
    p: &Place,
) -> Option<String> {
    match in_sentence(p) {
        Found::Partner(c) => return Some(c),
        Found::Group => return None,
        Found::Nothing => {}
    }
    let section_line = match a.section_partner(line_index)? {
        (_, Partner::Country(c)) => return Some(c.code.to_string()),
        (_, Partner::Eu) => return Some("EU".to_string()),
        (_, Partner::Home) => return None,
        (id, Partner::Group) => a.sections.all()[id].line,
    };
    // The paragraph before the sentence, then the earlier paragraphs of the section.
    let before = mentions_in(a, base, p.line, 0..p.sentence.start)
        .into_iter()
        .rev()
        .find(|m| !m.home);
    if let Some(m) = before {
        return match found_of(&m) {
            Found::Partner(c) => Some(c),
            _ => None,
        };
    }
    let section = a.sections.of_line(line_index);
    // At most PARAGRAPHS_BACK paragraphs back, each its last stretch: what a reader
    // still has in mind.
    for j in (section_line..line_index).rev().take(PARAGRAPHS_BACK) {
        if a.sections.of_line(j) != section
            || a.view.lines()[j].kind != crate::repair::LineKind::Body
        {
            continue;
        }
        let Some(last) = a.paragraphs(j).last().cloned() else {
            continue;
        };
        let text = &a.view.text()[last.clone()];
        if let Some(m) = mentions_in(a, last.start, text, 0..text.len())
            .iter()
            .rev()
            .find(|m| !m.home)
        {
            return match found_of(m) {
                Found::Partner(c) => Some(c),
                _ => None,
            };
        }
    }
    None
}

/// How many paragraphs back a figure in a section about a group of countries looks for
/// the partner its paragraph named last.
const PARAGRAPHS_BACK: usize = 20;

/// Verbs (and nouns) of giving: their subject gives, their object or the partner after
/// `to`/`for` receives.
const GIVE_WORDS: &str = r"provided|provides|provide|providing|gave|gives|give|giving|given|donated|donates|donate|donating|donations?|gifted|gifts|gift|granted|offered|contributed|contributes|contribute|assisted|assists|assist|pledged|disbursed|lent|loaned|handed\s+over|handing\s+over";
/// Verbs of receiving: their subject receives, the partner after `from` gives.
const RECEIVE_WORDS: &str =
    r"received|receives|receive|receiving|attracted|attracts|attract|attracting";
/// The verbs of giving alone, as [`direction`] first searched them.
#[cfg(test)]
static GIVE: LazyLock<Regex> = LazyLock::new(|| ascii_regex(&format!(r"(?i)\b(?:{GIVE_WORDS})\b")));
/// The verbs of receiving alone, as [`direction`] first searched them.
#[cfg(test)]
static RECEIVE: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(&format!(r"(?i)\b(?:{RECEIVE_WORDS})\b")));
/// The verbs of giving and of receiving in one expression: a text is searched once
/// for both. Each match is a whole word (or `hand... over`) of one of them, and no
/// match of one can open inside a match of the other, so its matches are those of
/// either searched alone.
static GIVE_OR_RECEIVE: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(&format!(r"(?i)\b(?:{GIVE_WORDS}|{RECEIVE_WORDS})\b")));

/// The last verb of giving and the last of receiving in `text`
/// ([`GIVE_OR_RECEIVE`]): the verbs of receiving open with `rec` or `att`, no verb of
/// giving does.
fn last_verbs(text: &str) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let (mut give, mut receive) = (None, None);
    for m in GIVE_OR_RECEIVE.find_iter(text) {
        let b = m.as_str().as_bytes();
        let receives = b.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'r'))
            || b.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(b"at"));
        if receives {
            receive = Some(m.range());
        } else {
            give = Some(m.range());
        }
    }
    (give, receive)
}
/// An investor: `X had ... projects`, `X's FDI`, `X's investment`.
static INVESTOR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:'s|’s)?\s*(?:[A-Za-z]+\s+){0,2}?(?:had|FDI|investments?|invested|investors?|businesses|companies|enterprises)\b")
        .expect("valid regex")
});
/// The giver a possessive names the receiver of (`Viet Nam's largest ODA donor`,
/// `Cambodia's top investor`): read after the possessive's state.
static GIVER_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:'s|’s)\s+(?:[A-Za-z-]+\s+){0,4}?(?:donors?|lenders?|investors?|providers?)\b",
    )
    .expect("valid regex")
});
static INVEST_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:FDI|investments?|projects|invested|investing|capital)\b.*\bin\s+(?:the\s+)?$",
    )
    .expect("valid regex")
});
static OBJECT_GAP: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"(?i)^\s+(?:the\s+)?$"));
static TO_OR_FOR: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)\b(?:to|for)\s+(?:the\s+)?$"));
static FROM_PREP: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"(?i)\bfrom\s+(?:the\s+)?$"));
static HOME_IMPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:'s|’s)\s+(?:total\s+)?(?P<w>imports?|exports?)\b").expect("valid regex")
});

/// Whether `re` ([`GIVER_OF`], [`HOME_IMPORT`]), whose every match opens with a
/// possessive `'s` or `’s`, matches `text`: the expression runs only where a text opens
/// with the apostrophe. Most mentions are followed by none, and the look costs a
/// fraction of a run (and of compiling the expression, for a text that has none).
fn possessive(re: &Regex, text: &str) -> bool {
    text.starts_with(['\'', '’']) && re.is_match(text)
}

/// Whether [`INVEST_IN`] matches `text`: the expression runs only where the text ends
/// with `in` or `the` (in any ASCII case; neither word has another character in any
/// case) and spaces after it, as its every match does.
fn invest_in(text: &str) -> bool {
    let word = text.trim_end();
    word.len() < text.len()
        && (text::ends_with_ignore_case(word, "in") || text::ends_with_ignore_case(word, "the"))
        && INVEST_IN.is_match(text)
}

/// The giver and receiver of a flow (`aid`, `grant`, `loan`, `oda`, `fdi`,
/// `remittance`, `import`, `export`), as far as the sentence says, completed with the
/// counterpart: a flow the reports give between Viet Nam and its partner has the
/// partner on the side the sentence leaves open. `clause_start` gives where the
/// figure's clause starts in the line, read only for a flow.
pub(super) fn direction(
    metric: &str,
    counterpart: Option<&str>,
    p: &Place,
    clause_start: impl FnOnce() -> usize,
) -> (Option<String>, Option<String>) {
    let in_sentence =
        |m: &&Mention| p.sentence.start <= m.range.start && m.range.end <= p.sentence.end;
    let code = |m: &Mention| m.code.clone();
    let ms: Vec<&Mention> = p.mentions.iter().filter(in_sentence).collect();
    let (mut from, mut to): (Option<String>, Option<String>) = (None, None);
    match metric {
        "aid" | "grant" | "loan" | "oda" | "remittance" | "fdi" => {
            // The last verb before the figure in its clause (`...; India Rs 5 crore`),
            // else in the clause before, whose verb it shares (`X donated A to Y and B
            // ...`): the last before it in the sentence either way. A search of the
            // clause finds what the search of the sentence finds in it: a clause break
            // ends with a space (the verbs' word boundary reads the same after it as at
            // the start of a text), and no match of the verbs crosses a break's end
            // (their only spaces are those of `handed over`, and a break's last spaces
            // follow `;`, `and`, `while`, `whereas` or `but`).
            let start = p.sentence.start;
            let shift = |r: Range<usize>| start + r.start..start + r.end;
            let (give, receive) = last_verbs(&p.line[start..p.figure.start]);
            let (give, receive) = (give.map(shift), receive.map(shift));
            let after_prep = |re: &Regex, from_at: usize| {
                ms.iter().enumerate().find_map(|(i, m)| {
                    (m.range.start >= from_at && re.is_match(&p.line[..m.range.start]))
                        .then(|| {
                            let list = ms.get(i + 1).is_some_and(|n| {
                                LIST_NEXT.is_match(&p.line[m.range.end..n.range.start])
                            });
                            if list { None } else { code(m) }
                        })
                        .flatten()
                })
            };
            match (give, receive) {
                (Some(g), r) if r.as_ref().is_none_or(|r| r.start < g.start) => {
                    let (gs, ge) = (g.start, g.end);
                    // The object right after the verb, else the partner after to/for.
                    to = ms
                        .iter()
                        .find(|m| {
                            m.range.start >= ge && OBJECT_GAP.is_match(&p.line[ge..m.range.start])
                        })
                        .and_then(|m| code(m))
                        .or_else(|| after_prep(&TO_OR_FOR, ge));
                    // The subject: before the verb, or for a shared verb the partner that
                    // opens the figure's own clause.
                    let giver = |lo: usize, hi: usize| {
                        ms.iter()
                            .rev()
                            .filter(|m| lo <= m.range.start && m.range.end <= hi)
                            .find(|m| m.code.is_some() && m.code != to)
                            .and_then(|m| code(m))
                    };
                    let clause_start = clause_start();
                    from = if gs < clause_start {
                        giver(clause_start, p.figure.start)
                    } else {
                        None
                    }
                    .or_else(|| giver(0, gs));
                }
                (_, Some(r)) => {
                    let rs = r.start;
                    to = ms
                        .iter()
                        .rev()
                        .find(|m| m.range.end <= rs)
                        .and_then(|m| code(m));
                    from = after_prep(&FROM_PREP, rs);
                }
                _ => {
                    // `Japan is Viet Nam's largest ODA donor, with ...`: the possessive's
                    // state receives, the one named before it gives.
                    let giver_of = ms.iter().enumerate().find(|(_, m)| {
                        m.range.end <= p.figure.start
                            && m.code.is_some()
                            && possessive(&GIVER_OF, &p.line[m.range.end..p.figure.start])
                    });
                    if let Some((i, m)) = giver_of {
                        to = code(m);
                        from = ms[..i]
                            .iter()
                            .rev()
                            .find(|g| g.code.is_some() && g.code != to)
                            .and_then(|g| code(g));
                    } else if metric == "fdi" {
                        from = ms
                            .iter()
                            .rev()
                            .filter(|m| m.range.end <= p.figure.start)
                            .find(|m| INVESTOR_AFTER.is_match(&p.line[m.range.end..]))
                            .and_then(|m| code(m));
                        to = ms
                            .iter()
                            .find(|m| {
                                m.code != from
                                    && invest_in(&p.line[p.sentence.start..m.range.start])
                            })
                            .and_then(|m| code(m));
                    } else {
                        to = after_prep(&TO_OR_FOR, p.sentence.start);
                        from = ms
                            .iter()
                            .rev()
                            .filter(|m| m.range.end <= p.figure.start)
                            .find(|m| m.code.is_some() && m.code != to)
                            .and_then(|m| code(m));
                    }
                }
            }
        }
        "import" | "export" => {
            // `Viet Nam's import(s)`: Viet Nam buys from, or sells to, the partner.
            let vn_subject = ms.iter().any(|m| {
                m.home
                    && m.range.end <= p.figure.start
                    && possessive(&HOME_IMPORT, &p.line[m.range.end..])
            });
            if vn_subject {
                if metric == "import" {
                    to = Some(p.home.to_string());
                } else {
                    from = Some(p.home.to_string());
                }
            }
        }
        _ => return (None, None),
    }
    // Complete a flow between Viet Nam and the partner.
    if let Some(c) = counterpart {
        let home = Some(p.home).filter(|h| !h.is_empty());
        match (from.as_deref(), to.as_deref()) {
            (f @ Some(_), None) if f == home => to = Some(c.to_string()),
            (None, t @ Some(_)) if t == home => from = Some(c.to_string()),
            (Some(f), None) if f == c => to = home.map(str::to_string),
            (None, Some(t)) if t == c => from = home.map(str::to_string),
            _ => {}
        }
    }
    if from.is_some() && from == to {
        return (None, None);
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extractors::figures::words;

    /// The verb [`direction`] reads before `end` of `sentence`, as first written: the
    /// last in the clause holding `end`, searched alone, else the last in the
    /// sentence before `end`. Where the clause would start after `end` (inside a
    /// clause break, where no figure starts) it is taken to start at `end`.
    fn verb_by_clause(re: &Regex, sentence: &str, end: usize) -> Option<Range<usize>> {
        let breaks = words::clause_breaks(sentence);
        let clause_start = words::clause(&breaks, sentence.len(), end).start.min(end);
        let last = |from: usize| {
            re.find_iter(&sentence[from..end])
                .last()
                .map(|m| from + m.start()..from + m.end())
        };
        last(clause_start).or_else(|| last(0))
    }

    /// The verb as [`direction`] reads it: the last before `end` in the sentence.
    fn verb_by_sentence(re: &Regex, sentence: &str, end: usize) -> Option<Range<usize>> {
        re.find_iter(&sentence[..end])
            .last()
            .map(|m| m.start()..m.end())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The looks before the expressions of investors and possessives change nothing.
        #[test]
        fn the_looks_before_the_partner_expressions_change_nothing(
            t in crate::scan::texts_of(&[
                "'s", "’s", "'S", "’ſ", "'", "’", " ", "\u{a0}", "\t", "Viet Nam", "largest",
                "ODA", "donor", "imports", "total", "FDI", "investments", "projects", "in",
                "IN", "the", "The", "x", "5", ",", "ễ", "\u{2003}",
            ], 12)
        ) {
            proptest::prop_assert_eq!(invest_in(&t), INVEST_IN.is_match(&t), "{:?}", t);
            for re in [&*GIVER_OF, &*HOME_IMPORT] {
                proptest::prop_assert_eq!(possessive(re, &t), re.is_match(&t), "{:?}", t);
            }
        }

        /// The last verb before a place in its sentence is the one a search of its
        /// clause, then of the sentence, finds.
        #[test]
        fn the_last_verb_of_the_sentence_is_the_one_the_clause_search_finds(
            t in crate::scan::texts_of(&[
                "handed", "handing", " ", "  ", "over", ";", ",", " and ", ", and ", ", BUT ",
                ", while ", "whereas", "gave", "Gave", "received", "attracted", "x", "5", "\t",
                "ed", "and", "ễ", "donations", "lent", "but", "(", "_", ".", "$", "-",
            ], 48),
            at in 0usize..400,
        ) {
            let end = crate::text::floor(&t, at.min(t.len()));
            for re in [&*GIVE, &*RECEIVE] {
                proptest::prop_assert_eq!(
                    verb_by_sentence(re, &t, end),
                    verb_by_clause(re, &t, end),
                    "{:?} {}", t, end
                );
            }
        }
    }

    #[test]
    fn the_looks_before_the_partner_expressions_change_nothing_in_the_fixtures() {
        let mut found = [0; 3];
        for line in crate::testing::fixture_lines() {
            // Where a mention could start or end: before a capital or an apostrophe.
            let line = &line[..crate::text::floor(&line, 1000)];
            let cuts = line
                .char_indices()
                .filter(|&(_, c)| c.is_uppercase() || c == '\'' || c == '’')
                .map(|(i, _)| i);
            for at in cuts {
                let (before, after) = (&line[..at], &line[at..]);
                let want = [
                    INVEST_IN.is_match(before),
                    GIVER_OF.is_match(after),
                    HOME_IMPORT.is_match(after),
                ];
                for (n, w) in found.iter_mut().zip(want) {
                    *n += usize::from(w);
                }
                assert_eq!(invest_in(before), want[0], "{before:?}");
                assert_eq!(possessive(&GIVER_OF, after), want[1], "{after:?}");
                assert_eq!(possessive(&HOME_IMPORT, after), want[2], "{after:?}");
            }
        }
        assert!(found[0] > 0 && found[2] > 0, "{found:?}");
    }

    /// The last verbs of giving and of receiving, each searched alone.
    fn last_verbs_apart(text: &str) -> (Option<Range<usize>>, Option<Range<usize>>) {
        let last = |re: &Regex| re.find_iter(text).last().map(|m| m.range());
        (last(&GIVE), last(&RECEIVE))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// One search for both kinds of verb finds the last of each as two searches.
        #[test]
        fn the_verbs_searched_together_are_those_searched_apart(
            t in crate::scan::texts_of(&[
                "handed", "handing", " ", "  ", "over", "gave", "Gave", "received", "Receive",
                "attracted", "ATTRACTS", "assist", "assists", "donation", "donations", "lent",
                "given", "x", "5", "_", "\t", "ễ", "-", ".", "re", "at", "ed", "s",
            ], 16)
        ) {
            proptest::prop_assert_eq!(last_verbs(&t), last_verbs_apart(&t), "{:?}", t);
        }
    }

    #[test]
    fn the_verbs_of_the_fixtures_searched_together_are_those_searched_apart() {
        let mut found = 0;
        for line in crate::testing::fixture_lines() {
            let want = last_verbs_apart(&line);
            found += usize::from(want.0.is_some()) + usize::from(want.1.is_some());
            assert_eq!(last_verbs(&line), want, "{line:?}");
        }
        assert!(found > 20, "{found}");
    }

    #[test]
    fn the_last_verb_of_a_fixture_sentence_is_the_one_the_clause_search_finds() {
        let mut found = 0;
        for line in crate::testing::fixture_lines() {
            let ends = line
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit() || *c == '$')
                .map(|(i, _)| i);
            for end in ends {
                for re in [&*GIVE, &*RECEIVE] {
                    let want = verb_by_clause(re, &line, end);
                    found += usize::from(want.is_some());
                    assert_eq!(verb_by_sentence(re, &line, end), want, "{line:?} {end}");
                }
            }
        }
        assert!(found > 100, "{found}");
    }
}
