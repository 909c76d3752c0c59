//! Loading each gazetteer: rows of the files (through [`super::source`]) into lists
//! and phrase tables, checked, with errors naming the file and line.

use super::matcher::{Entry, PhraseTable, normalize_space};
use super::metrics::{MetricWord, MetricWords};
use super::source::{self, Layer, Row};
use super::{
    CONTEXT_FUNDS, CONTEXT_HONOURED, Country, GazetteerError, Office, Org, SentenceWords,
    WordRoles, name_role, sentence_role,
};
use crate::vocab::{EventKind, MentionKind, Metric, OfficeCategory};
use foldhash::{HashMap, HashSet};
use std::collections::hash_map::Entry as Slot;

type CountryTables = (Vec<Country>, HashMap<String, usize>, PhraseTable);

/// A parsed `countries.tsv` row.
pub(super) struct IsoRow {
    pub code: String,
    pub alpha3: String,
    pub name: String,
    pub official_name: String,
    pub common_name: String,
}

pub(super) fn parse_countries(rows: &[Row<'_>]) -> Result<Vec<IsoRow>, GazetteerError> {
    let upper_ascii = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase());
    rows.iter()
        .map(|row| {
            let f = &row.fields;
            if !upper_ascii(f[0], 2) {
                return Err(row.error(format!(
                    "alpha2 must be two capital letters, not {:?}",
                    f[0]
                )));
            }
            if !upper_ascii(f[1], 3) {
                return Err(row.error(format!(
                    "alpha3 must be three capital letters, not {:?}",
                    f[1]
                )));
            }
            Ok(IsoRow {
                code: f[0].to_string(),
                alpha3: f[1].to_string(),
                name: normalize_space(f[2]),
                official_name: normalize_space(f[3]),
                common_name: normalize_space(f[4]),
            })
        })
        .collect()
}

/// The ISO names of a row usable as match phrases: not inverted ("Korea, Republic
/// of"), no parenthesis, no leading article.
pub(super) fn iso_phrases(row: &IsoRow) -> impl Iterator<Item = &str> {
    [&row.name, &row.official_name, &row.common_name]
        .into_iter()
        .map(|s| s.strip_prefix("the ").unwrap_or(s))
        .filter(|s| !s.is_empty() && !s.contains(',') && !s.contains('('))
}

/// The lists whose phrases a stop-phrase may hide.
const STOPPABLE: [&str; 3] = ["countries", "offices", "organizations"];

/// Adds the stop rows of a layer for one gazetteer to its table, each checked to
/// hide a phrase the table has.
fn add_stops(
    layer: &Layer,
    gazetteer: &str,
    table: &mut PhraseTable,
) -> Result<(), GazetteerError> {
    for row in layer.rows(source::STOP_PHRASES)? {
        let f = &row.fields;
        if !STOPPABLE.contains(&f[0]) {
            return Err(row.error(format!(
                "unknown gazetteer {:?} (expected one of {})",
                f[0],
                STOPPABLE.join(", ")
            )));
        }
        let (phrase, hides) = (normalize_space(f[1]), normalize_space(f[2]));
        if !phrase.contains(&hides) {
            return Err(row.error(format!("{hides:?} does not occur in {phrase:?}")));
        }
        if f[0] != gazetteer {
            continue;
        }
        if !table.contains(&hides) {
            return Err(row.error(format!("{hides:?} is not a phrase of this gazetteer")));
        }
        table.insert(&phrase, Entry::Stop);
    }
    Ok(())
}

/// A country table value: the country's index and whether the phrase is an adjective.
fn country_value(country: usize, kind: MentionKind) -> Entry {
    Entry::Hit(((country as u32) << 1) | u32::from(kind == MentionKind::Adjective))
}

pub(super) fn countries(layers: &[Layer]) -> Result<CountryTables, GazetteerError> {
    // All countries first, so that every layer's names can refer to them.
    let mut countries: Vec<Country> = Vec::new();
    let mut by_code: HashMap<String, usize> = HashMap::default();
    let mut iso_rows: Vec<Vec<IsoRow>> = Vec::new();
    for layer in layers {
        let rows = parse_countries(&layer.rows(source::COUNTRIES)?)?;
        for row in &rows {
            let everyday = if row.common_name.is_empty() {
                &row.name
            } else {
                &row.common_name
            };
            let country = Country {
                code: row.code.as_str().into(),
                alpha3: row.alpha3.clone(),
                name: everyday.as_str().into(),
            };
            match by_code.get(&row.code) {
                Some(&i) => countries[i] = country,
                None => {
                    by_code.insert(row.code.clone(), countries.len());
                    countries.push(country);
                }
            }
        }
        iso_rows.push(rows);
    }

    let mut table = PhraseTable::default();
    let mut canonical: HashMap<usize, String> = HashMap::default();
    for (layer, rows) in layers.iter().zip(&iso_rows) {
        for row in rows {
            let entry = country_value(by_code[&row.code], MentionKind::Name);
            for phrase in iso_phrases(row) {
                table.insert(phrase, entry);
            }
        }
        for row in layer.rows(source::COUNTRY_NAMES)? {
            let f = &row.fields;
            let Some(&country) = by_code.get(f[0]) else {
                return Err(row.error(format!(
                    "unknown country code {:?} (not in countries.tsv)",
                    f[0]
                )));
            };
            let Some(kind) = MentionKind::from_name(f[2]) else {
                return Err(row.error(format!(
                    "unknown kind {:?} (expected name or adjective)",
                    f[2]
                )));
            };
            if f[1].starts_with("the ") || f[1].starts_with("The ") {
                return Err(row.error(format!(
                    "drop the leading article of {:?}: phrases match without it",
                    f[1]
                )));
            }
            if kind == MentionKind::Name {
                canonical
                    .entry(country)
                    .or_insert_with(|| normalize_space(f[1]));
            }
            table.insert(f[1], country_value(country, kind));
        }
        add_stops(layer, "countries", &mut table)?;
    }
    for (country, name) in canonical {
        countries[country].name = name;
    }
    Ok((countries, by_code, table))
}

pub(super) fn offices(
    layers: &[Layer],
) -> Result<(Vec<Office>, PhraseTable, PhraseTable), GazetteerError> {
    let mut offices: Vec<Office> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::default();
    let mut table = PhraseTable::default();
    let mut post = PhraseTable::default();
    for layer in layers {
        for row in layer.rows(source::OFFICES)? {
            let (index, category) = office_row(&row, &mut offices, &mut by_id)?;
            let phrase = row.fields[2];
            table.insert(phrase, Entry::Hit(index));
            // News style writes offices in lower case after a name and often before
            // one (`Kurt Campbell, the U.S. deputy secretary of state`, `foreign
            // minister Wang Yi`): the lower-case form of a phrase of several words, or
            // of one word naming a state's head, government, minister or envoy.
            let lower = phrase.to_lowercase();
            let several = phrase.split_whitespace().nth(1).is_some();
            let stately_word = matches!(
                category,
                OfficeCategory::HeadOfState
                    | OfficeCategory::HeadOfGovernment
                    | OfficeCategory::ForeignMinister
                    | OfficeCategory::Minister
                    | OfficeCategory::Diplomat
            );
            if lower != phrase
                && !phrase.contains('.')
                && category != OfficeCategory::RoyalOrHonorific
                && (several || stately_word)
            {
                table.insert(&lower, Entry::Hit(index));
            }
        }
        add_stops(layer, "offices", &mut table)?;
    }
    // After every layer's offices: a post-nominal may name an office of any of them.
    for layer in layers {
        for row in layer.rows(source::POST_NOMINALS)? {
            let (index, _) = office_row(&row, &mut offices, &mut by_id)?;
            post.insert(row.fields[2], Entry::Hit(index));
        }
    }
    Ok((offices, table, post))
}

/// The office of one row of `offices.tsv` or `post-nominals.tsv` (id, category,
/// phrase): its index, added when the id is new, and its category.
fn office_row(
    row: &Row,
    offices: &mut Vec<Office>,
    by_id: &mut HashMap<String, usize>,
) -> Result<(u32, OfficeCategory), GazetteerError> {
    let (id, category, phrase) = (row.fields[0], row.fields[1], row.fields[2]);
    let valid_id = id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !valid_id {
        return Err(row.error(format!("office_id {id:?} must use only a-z, 0-9 and _")));
    }
    let Some(category) = OfficeCategory::from_name(category) else {
        return Err(row.error(format!(
            "unknown category {category:?} (expected one of {})",
            OfficeCategory::names()
        )));
    };
    let index = match by_id.get(id) {
        Some(&i) if offices[i].category != category => {
            return Err(row.error(format!(
                "office {id:?} is in category {:?}, not {:?}",
                offices[i].category.as_str(),
                category.as_str()
            )));
        }
        Some(&i) => i,
        None => {
            by_id.insert(id.to_string(), offices.len());
            offices.push(Office {
                id: id.to_string(),
                category,
                canonical: normalize_space(phrase),
            });
            offices.len() - 1
        }
    };
    Ok((index as u32, category))
}

pub(super) fn orgs(layers: &[Layer]) -> Result<(Vec<Org>, PhraseTable), GazetteerError> {
    let mut orgs: Vec<Org> = Vec::new();
    let mut table = PhraseTable::default();
    for layer in layers {
        for row in layer.rows(source::ORGANIZATIONS)? {
            // The acronym may be empty; the aliases column may be left out.
            let (acronym, name) = (
                normalize_space(row.fields[0]),
                normalize_space(row.fields[1]),
            );
            let index = orgs.len() as u32;
            orgs.push(Org {
                acronym: acronym.as_str().into(),
                name: name.as_str().into(),
            });
            let aliases = row.fields[2]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty());
            let phrases = [acronym.as_str(), name.as_str()].into_iter().chain(aliases);
            for phrase in phrases.filter(|p| !p.is_empty()) {
                table.insert(phrase, Entry::Hit(index));
            }
        }
        add_stops(layer, "organizations", &mut table)?;
    }
    Ok((orgs, table))
}

pub(super) fn photo_credits(layers: &[Layer]) -> Result<Vec<String>, GazetteerError> {
    let mut credits: Vec<String> = Vec::new();
    for layer in layers {
        for row in layer.rows(source::PHOTO_CREDITS)? {
            let credit = normalize_space(row.fields[0]);
            if !credits.contains(&credit) {
                credits.push(credit);
            }
        }
    }
    Ok(credits)
}

/// Name (as listed) → ISO code, of a file of `code`, `name` rows (family names, news
/// agencies).
pub(super) fn names_of_states(
    layers: &[Layer],
    codes: &HashMap<String, usize>,
    file: &str,
) -> Result<HashMap<String, String>, GazetteerError> {
    let mut out = HashMap::default();
    for layer in layers {
        for row in layer.rows(file)? {
            if !codes.contains_key(row.fields[0]) {
                return Err(row.error(format!(
                    "unknown country code {:?} (not in countries.tsv)",
                    row.fields[0]
                )));
            }
            out.insert(row.fields[1].to_string(), row.fields[0].to_string());
        }
    }
    Ok(out)
}

/// The person finder's name words by role ([`name_role`]).
pub(super) fn name_words(layers: &[Layer]) -> Result<WordRoles, GazetteerError> {
    use name_role::*;
    let roles = [
        ("institution", INSTITUTION),
        ("connector", CONNECTOR),
        ("particle", PARTICLE),
        ("not_name", NOT_NAME),
        ("person_noun", PERSON_NOUN),
        ("state_noun", STATE_NOUN),
    ];
    word_roles(layers, source::NAME_WORDS, &roles, |row| {
        Ok(row.fields[1].to_string())
    })
}

/// The sentence splitter's words by role ([`sentence_role`]).
pub(super) fn sentence_words(layers: &[Layer]) -> Result<SentenceWords, GazetteerError> {
    use sentence_role::*;
    let roles = [
        ("abbreviation", ABBREVIATION),
        ("final_abbreviation", FINAL_ABBREVIATION),
        ("opener", OPENER),
    ];
    let roles = word_roles(layers, source::SENTENCE_WORDS, &roles, |row| {
        let word = row.fields[1];
        if word.contains(char::is_whitespace) {
            return Err(row.error(format!(
                "{word:?} holds a space (a word is read up to the whitespace before it)"
            )));
        }
        // `Dr.` as written in text, or `Dr`: the token is read without its period.
        Ok(word.strip_suffix('.').unwrap_or(word).to_string())
    })?;
    let longest = roles
        .iter()
        .filter(|&(_, r)| r & (ABBREVIATION | FINAL_ABBREVIATION) != 0)
        .map(|(w, _)| w.len())
        .max()
        .unwrap_or(0);
    Ok(SentenceWords { roles, longest })
}

/// The rows of a file of words by role (`role`, `word`), layer by layer: each word
/// with the bits of its roles (`roles` names them), as `word` reads it from its row.
fn word_roles(
    layers: &[Layer],
    file: &str,
    roles: &[(&str, u8)],
    word: impl Fn(&Row) -> Result<String, GazetteerError>,
) -> Result<WordRoles, GazetteerError> {
    let mut out = WordRoles::default();
    for layer in layers {
        for row in layer.rows(file)? {
            let Some(&(_, role)) = roles.iter().find(|(name, _)| *name == row.fields[0]) else {
                let names: Vec<&str> = roles.iter().map(|(name, _)| *name).collect();
                let (last, rest) = names.split_last().unwrap_or((&"", &[]));
                return Err(row.error(format!(
                    "unknown role {:?} (expected {} or {last})",
                    row.fields[0],
                    rest.join(", ")
                )));
            };
            out.add(word(&row)?, role);
        }
    }
    Ok(out)
}

/// The event words: a table whose values are indexes of [`EventKind::ALL`].
pub(super) fn event_words(layers: &[Layer]) -> Result<PhraseTable, GazetteerError> {
    let mut table = PhraseTable::default();
    for layer in layers {
        for row in layer.rows(source::EVENT_WORDS)? {
            let Some(kind) = EventKind::from_name(row.fields[0]) else {
                return Err(row.error(format!(
                    "unknown kind {:?} (expected one of {})",
                    row.fields[0],
                    EventKind::names()
                )));
            };
            let index = EventKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
            for form in inflections(row.fields[1]) {
                for variant in case_variants(&form) {
                    table.insert_exact(&variant, Entry::Hit(index as u32));
                }
            }
        }
    }
    Ok(table)
}

/// The forms of an event phrase: itself, or, for each word marked with a `+`, the
/// phrase with that word inflected (`visit+`: visit, visits, visited, visiting;
/// `telephone call+`: telephone call, telephone calls, ...; `convene+`: convenes,
/// convened, convening; `ratify+`: ratifies, ratified, ratifying). Irregular forms
/// are listed as they are.
pub(crate) fn inflections(phrase: &str) -> Vec<String> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let Some(k) = words.iter().position(|w| w.len() > 1 && w.ends_with('+')) else {
        return vec![phrase.to_string()];
    };
    let word = &words[k][..words[k].len() - 1];
    let vowel = |c: char| "aeiou".contains(c);
    let mut forms = vec![word.to_string()];
    if let Some(stem) = word.strip_suffix('e') {
        forms.extend([format!("{word}s"), format!("{word}d"), format!("{stem}ing")]);
    } else if let Some(stem) = word
        .strip_suffix('y')
        .filter(|s| s.chars().next_back().is_some_and(|c| !vowel(c)))
    {
        forms.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{word}ing"),
        ]);
    } else if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        forms.extend([
            format!("{word}es"),
            format!("{word}ed"),
            format!("{word}ing"),
        ]);
    } else {
        forms.extend([
            format!("{word}s"),
            format!("{word}ed"),
            format!("{word}ing"),
        ]);
    }
    forms
        .into_iter()
        .flat_map(|w| {
            let mut ws: Vec<String> = words.iter().map(|s| s.to_string()).collect();
            ws[k] = w;
            // Another marked word inflects in its turn.
            inflections(&ws.join(" "))
        })
        .collect()
}

/// The case forms an event phrase is matched in: as written, lowercase, capitalised,
/// Each Word Capitalised and ALL CAPS (distinct ones, in that order).
pub(crate) fn case_variants(phrase: &str) -> Vec<String> {
    let capitalise = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let lower = phrase.to_lowercase();
    let each = lower
        .split(' ')
        .map(capitalise)
        .collect::<Vec<_>>()
        .join(" ");
    let mut out: Vec<String> = Vec::new();
    for form in [
        phrase.to_string(),
        capitalise(&lower),
        lower,
        each,
        phrase.to_uppercase(),
    ] {
        if !out.contains(&form) {
            out.push(form);
        }
    }
    out
}

/// The searched context phrases (a table: honoured phrases as written, funds verbs
/// inflected and in every case) and the figure leads (a list).
pub(super) fn event_context(
    layers: &[Layer],
) -> Result<(PhraseTable, Vec<String>), GazetteerError> {
    let mut table = PhraseTable::default();
    let mut leads = Vec::new();
    for layer in layers {
        for row in layer.rows(source::EVENT_CONTEXT)? {
            match row.fields[0] {
                "honoured" => table.insert_exact(row.fields[1], Entry::Hit(CONTEXT_HONOURED)),
                "funds" => {
                    for form in inflections(row.fields[1]) {
                        for variant in case_variants(&form) {
                            table.insert_exact(&variant, Entry::Hit(CONTEXT_FUNDS));
                        }
                    }
                }
                "figure_lead" => leads.push(normalize_space(row.fields[1])),
                other => {
                    return Err(row.error(format!(
                        "unknown role {other:?} (expected honoured, funds or figure_lead)"
                    )));
                }
            }
        }
    }
    Ok((table, leads))
}

/// The words of a one-column word list, across layers.
pub(super) fn word_set(layers: &[Layer], name: &str) -> Result<HashSet<String>, GazetteerError> {
    let mut out = HashSet::default();
    for layer in layers {
        for row in layer.rows(name)? {
            out.insert(row.fields[0].to_string());
        }
    }
    Ok(out)
}

/// The partner groups: a table whose value is 1 for the European Union, 0 for a group
/// or region that names no single partner.
pub(super) fn partner_groups(layers: &[Layer]) -> Result<PhraseTable, GazetteerError> {
    let mut table = PhraseTable::default();
    for layer in layers {
        for row in layer.rows(source::PARTNER_GROUPS)? {
            let value = match row.fields[0] {
                "EU" => 1,
                "-" => 0,
                other => {
                    return Err(row.error(format!("unknown code {other:?} (expected EU or -)")));
                }
            };
            table.insert_exact(row.fields[1], Entry::Hit(value));
        }
    }
    Ok(table)
}

/// The metric words, in file order: a row for a phrase already listed, in an earlier
/// row or layer (in any ASCII case, as they are matched), replaces its metric and
/// options in its place.
pub(super) fn metric_words(layers: &[Layer]) -> Result<MetricWords, GazetteerError> {
    let mut words: Vec<MetricWord> = Vec::new();
    let mut by_phrase: HashMap<String, usize> = HashMap::default();
    for layer in layers {
        for row in layer.rows(source::METRIC_WORDS)? {
            let metric = Metric::from_name(row.fields[0]).ok_or_else(|| {
                row.error(format!(
                    "unknown metric {:?} (expected one of {})",
                    row.fields[0],
                    Metric::names()
                ))
            })?;
            let word = MetricWord {
                phrase: normalize_space(row.fields[1]),
                metric,
                money_only: !row.options(2, &["money_only"])?.is_empty(),
            };
            match by_phrase.entry(word.phrase.to_ascii_lowercase()) {
                Slot::Occupied(at) => words[*at.get()] = word,
                Slot::Vacant(at) => {
                    at.insert(words.len());
                    words.push(word);
                }
            }
        }
    }
    MetricWords::new(words).map_err(|message| GazetteerError::Build {
        gazetteer: source::METRIC_WORDS.to_string(),
        message,
    })
}
