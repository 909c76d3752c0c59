//! Unit tests of the gazetteers: the embedded files, matching, layering, errors.

use super::load::{iso_phrases, parse_countries};
use super::source::*;
use super::*;

fn gaz() -> &'static Gazetteers {
    Gazetteers::embedded()
}

/// A country hit as the tests spell it: (matched text, code, kind).
type CountryCase<'t> = (&'t str, &'t str, MentionKind);

/// (matched text, code, kind) of the country hits in `text`.
fn countries_in(text: &str) -> Vec<CountryCase<'_>> {
    gaz()
        .countries(text)
        .map(|h| (&text[h.start..h.end], &*h.country.code, h.kind))
        .collect()
}

/// (matched text, office id) of the office hits in `text`.
fn offices_in(text: &str) -> Vec<(&str, &str)> {
    gaz()
        .offices(text)
        .map(|h| (&text[h.start..h.end], h.office.id.as_str()))
        .collect()
}

/// (matched text, acronym or name) of the organization hits in `text`.
fn orgs_in<'t>(g: &'t Gazetteers, text: &'t str) -> Vec<(&'t str, &'t str)> {
    g.organizations(text)
        .map(|h| {
            let key = if h.org.acronym.is_empty() {
                &h.org.name
            } else {
                &h.org.acronym
            };
            (&text[h.start..h.end], &**key)
        })
        .collect()
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("bluebook-gazetteer-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn write(&self, file: &str, text: &str) -> &Self {
        std::fs::write(self.0.join(file), text).unwrap();
        self
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn embedded_rows(name: &str) -> Vec<Vec<String>> {
    let layer = Layer::embedded();
    layer
        .rows(name)
        .unwrap()
        .into_iter()
        .map(|r| r.fields.iter().map(|f| f.to_string()).collect())
        .collect()
}

fn iso_rows() -> Vec<load::IsoRow> {
    let layer = Layer::embedded();
    parse_countries(&layer.rows(COUNTRIES).unwrap()).unwrap()
}

#[test]
fn embedded_files_parse() {
    let g = Gazetteers::load(&[Layer::embedded()]).expect("embedded gazetteers parse");
    assert_eq!(g.countries.len(), 249);
    assert!(g.offices.len() > 150, "{g:?}");
    assert!(g.orgs.len() > 80, "{g:?}");
    assert_eq!(g.photo_credits().first().map(String::as_str), Some("VNA"));
    assert!(
        g.photo_credits()
            .iter()
            .any(|c| c == "The World and Viet Nam Report")
    );
}

#[test]
fn every_iso_code_is_present() {
    let rows = iso_rows();
    assert_eq!(rows.len(), 249);
    for row in &rows {
        let country = gaz()
            .country(&row.code)
            .unwrap_or_else(|| panic!("{} missing", row.code));
        assert_eq!(country.alpha3, row.alpha3);
        assert!(!country.name.is_empty());
    }
    assert_eq!(gaz().country("vn").map(|c| c.alpha3.as_str()), Some("VNM"));
    assert_eq!(gaz().country("XX"), None);
}

#[test]
fn canonical_names_are_everyday_forms() {
    let cases = [
        ("VN", "Viet Nam"),
        ("KR", "Republic of Korea"),
        ("KP", "Democratic People's Republic of Korea"),
        ("US", "United States"),
        ("GB", "United Kingdom"),
        ("LA", "Laos"),
        ("RU", "Russia"),
        ("IR", "Iran"),
        ("BO", "Bolivia"),
        ("VA", "Holy See"),
        ("TW", "Taiwan"),
        ("FR", "France"),
        ("AQ", "Antarctica"),
    ];
    for (code, name) in cases {
        assert_eq!(&*gaz().country(code).unwrap().name, name, "{code}");
    }
}

#[test]
fn every_unmatchable_iso_name_has_an_everyday_form() {
    let rows = iso_rows();
    let names = embedded_rows(COUNTRY_NAMES);
    let hand_named: Vec<&str> = names
        .iter()
        .filter(|f| f[2] == "name")
        .map(|f| f[0].as_str())
        .collect();
    for row in &rows {
        if row.name.contains(',') || row.name.contains('(') {
            assert!(
                hand_named.contains(&row.code.as_str()),
                "{} {:?}",
                row.code,
                row.name
            );
            let canonical = &gaz().country(&row.code).unwrap().name;
            assert!(!canonical.ends_with(" of"), "{canonical}");
        }
    }
}

/// Within the embedded files a phrase has one meaning: a second row for
/// the same phrase would silently replace the first.
#[test]
fn embedded_phrases_are_not_listed_twice() {
    fn check(file: &str, rows: impl Iterator<Item = (String, String)>) {
        let mut seen: HashMap<String, String> = HashMap::default();
        for (phrase, meaning) in rows {
            if let Some(earlier) = seen.insert(phrase.clone(), meaning.clone()) {
                panic!("{file}: {phrase:?} listed twice ({earlier} and {meaning})");
            }
        }
    }
    let fields = embedded_rows;
    check(
        COUNTRY_NAMES,
        fields(COUNTRY_NAMES)
            .into_iter()
            .map(|f| (f[1].clone(), f[0].clone())),
    );
    check(
        OFFICES,
        fields(OFFICES)
            .into_iter()
            .map(|f| (f[2].clone(), f[0].clone())),
    );
    check(
        ORGANIZATIONS,
        fields(ORGANIZATIONS).into_iter().flat_map(|f| {
            let key = format!("{}/{}", f[0], f[1]);
            let mut phrases = vec![f[0].clone(), f[1].clone()];
            phrases.extend(
                f.get(2)
                    .into_iter()
                    .flat_map(|a| a.split('|').map(str::to_string)),
            );
            phrases.sort();
            phrases.dedup();
            phrases
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(move |p| (p, key.clone()))
        }),
    );
    check(
        STOP_PHRASES,
        fields(STOP_PHRASES)
            .into_iter()
            .map(|f| (format!("{}:{}", f[0], f[1]), f[2].clone())),
    );

    // A hand-kept name may repeat an ISO name, but only for the same country.
    let rows = iso_rows();
    let iso: HashMap<&str, &str> = rows
        .iter()
        .flat_map(|r| iso_phrases(r).map(|p| (p, r.code.as_str())))
        .collect();
    for f in fields(COUNTRY_NAMES) {
        if let Some(code) = iso.get(f[1].as_str()) {
            assert_eq!(*code, f[0], "{:?} is an ISO name of {code}", f[1]);
        }
    }
}

#[test]
fn offices_match_leftmost_longest() {
    let text = "Minister of Foreign Affairs Motegi Toshimitsu";
    let hits: Vec<_> = gaz().offices(text).collect();
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].start, hits[0].end), (0, 27));
    assert_eq!(hits[0].office.id, "foreign_minister");
    assert_eq!(hits[0].office.category.as_str(), "foreign_minister");
    assert_eq!(hits[0].office.canonical, "Minister of Foreign Affairs");

    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Prime Minister Nguyen Xuan Phuc and Deputy Prime Minister Pham Binh Minh",
            &[
                ("Prime Minister", "prime_minister"),
                ("Deputy Prime Minister", "deputy_prime_minister"),
            ],
        ),
        (
            "Deputy Prime Minister, Minister of Foreign Affairs Pham Binh Minh",
            &[
                ("Deputy Prime Minister", "deputy_prime_minister"),
                ("Minister of Foreign Affairs", "foreign_minister"),
            ],
        ),
        (
            "Secretary of State for Foreign, Commonwealth and Development Affairs Dominic Raab",
            &[(
                "Secretary of State for Foreign, Commonwealth and Development Affairs",
                "foreign_secretary",
            )],
        ),
        (
            "Secretary of State Michael R. Pompeo",
            &[("Secretary of State", "secretary_of_state")],
        ),
        (
            "Parliamentary Under Secretary of State Heather Wheeler",
            &[(
                "Parliamentary Under Secretary of State",
                "parliamentary_under_secretary",
            )],
        ),
        (
            "Member of the Politburo, Minister of Public Security, General To Lam",
            &[
                ("Member of the Politburo", "politburo_member"),
                ("Minister of Public Security", "public_security_minister"),
                ("General", "general"),
            ],
        ),
        (
            "General Secretary, President Nguyen Phu Trong",
            &[
                ("General Secretary", "general_secretary"),
                ("President", "president"),
            ],
        ),
        (
            "President of the National Assembly Nguyen Thi Kim Ngan",
            &[(
                "President of the National Assembly",
                "national_assembly_president",
            )],
        ),
        (
            "Chair of the National Assembly",
            &[(
                "Chair of the National Assembly",
                "national_assembly_president",
            )],
        ),
        (
            "His Majesty King Abdullah",
            &[("His Majesty", "his_majesty"), ("King", "king")],
        ),
        (
            "Second Minister of Defense cum Chairman of the National Security Committee Dato Paduka Seri Haji",
            &[
                ("Second Minister of Defense", "second_defence_minister"),
                (
                    "Chairman of the National Security Committee",
                    "national_security_council_chairman",
                ),
                ("Dato Paduka Seri", "dato_paduka_seri"),
            ],
        ),
        (
            "Secretary-General of ASEAN",
            &[("Secretary-General of ASEAN", "asean_secretary_general")],
        ),
        // Not offices: a plural that is not listed, a word inside a longer word,
        // and bodies named with an office word.
        ("the Presidency and the Ministerial meeting", &[]),
        (
            "the UN General Assembly and the General Statistics Office",
            &[],
        ),
        ("the ASEAN Foreign Ministers' Meeting", &[]),
    ];
    for (text, expected) in cases {
        assert_eq!(offices_in(text), *expected, "in {text:?}");
    }
}

#[test]
fn office_categories() {
    let cases = [
        ("Secretary of State", "foreign_minister"),
        ("Deputy Foreign Minister", "foreign_minister"),
        ("Speaker of the House of Representatives", "parliament"),
        ("Vice Presidents of the National Assembly", "parliament"),
        ("Vice President", "head_of_state"),
        ("Chancellor", "head_of_government"),
        ("State Counsellor", "head_of_government"),
        ("Samdech", "royal_or_honorific"),
        ("Senior Lieutenant General", "military"),
        ("Consul General", "diplomat"),
        ("Director-General", "other"),
        ("First Secretary", "party"),
        (
            "Head of the Central Party Committee's Commission for External Relations",
            "party",
        ),
        ("State Councilor", "minister"),
    ];
    for (text, category) in cases {
        let hits: Vec<_> = gaz().offices(text).collect();
        assert_eq!(hits.len(), 1, "{text:?}");
        assert_eq!((hits[0].start, hits[0].end), (0, text.len()), "{text:?}");
        assert_eq!(hits[0].office.category.as_str(), category, "{text:?}");
    }
}

#[test]
fn countries_match_whole_words_leftmost_longest() {
    use MentionKind::{Adjective, Name};
    let cases: &[(&str, &[CountryCase])] = &[
        (
            "the U.S. and the ROK",
            &[("U.S.", "US", Name), ("ROK", "KR", Name)],
        ),
        ("1. Lao PDR:", &[("Lao PDR", "LA", Name)]),
        (
            "between Viet Nam and Laos",
            &[("Viet Nam", "VN", Name), ("Laos", "LA", Name)],
        ),
        (
            "the Vietnamese diplomacy",
            &[("Vietnamese", "VN", Adjective)],
        ),
        ("Lao students", &[("Lao", "LA", Adjective)]),
        (
            "SOCIALIST REPUBLIC OF VIET NAM",
            &[("SOCIALIST REPUBLIC OF VIET NAM", "VN", Name)],
        ),
        ("VIET NAM", &[("VIET NAM", "VN", Name)]),
        (
            "Papua New Guinea and Guinea",
            &[("Papua New Guinea", "PG", Name), ("Guinea", "GN", Name)],
        ),
        (
            "Nigeria, not Niger",
            &[("Nigeria", "NG", Name), ("Niger", "NE", Name)],
        ),
        ("Nigerians", &[("Nigerians", "NG", Adjective)]),
        (
            "Chinatown, Omani-owned, Indiana",
            &[("Omani", "OM", Adjective)],
        ),
        ("let us talk", &[]),
        ("Ho Chi Minh City", &[]),
        (
            "citizens from Equatorial Guinea",
            &[("Equatorial Guinea", "GQ", Name)],
        ),
        (
            "the Republic of Korea (ROK)",
            &[("Republic of Korea", "KR", Name), ("ROK", "KR", Name)],
        ),
        ("Meet Korea 2020", &[("Korea", "KR", Name)]),
        ("Korean tourists", &[("Korean", "KR", Adjective)]),
        (
            "the Democratic People's Republic of Korea",
            &[("Democratic People's Republic of Korea", "KP", Name)],
        ),
        (
            "the Democratic People\u{2019}s Republic of Korea",
            &[("Democratic People\u{2019}s Republic of Korea", "KP", Name)],
        ),
        ("the DPRK", &[("DPRK", "KP", Name)]),
        ("the Workers' Party of Korea", &[]),
        ("the nuclear issue on the Korean Peninsula", &[]),
        ("the South China Sea and the East China Sea", &[]),
        ("US$ 28.53 billion and US$39.62 billion", &[]),
        ("US\\$ 859 billion", &[]),
        (
            "in Viet Nam⁷ and Japan²",
            &[("Viet Nam", "VN", Name), ("Japan", "JP", Name)],
        ),
        ("European and US markets", &[("US", "US", Name)]),
        ("the U.S FDI", &[("U.S", "US", Name)]),
        ("USAID and the USS Theodore Roosevelt", &[]),
        (
            "the United States of America",
            &[("United States of America", "US", Name)],
        ),
        ("American volunteers", &[("American", "US", Adjective)]),
        ("Latin American countries", &[]),
        ("American Samoa", &[("American Samoa", "AS", Name)]),
        (
            "the Russian Federation",
            &[("Russian Federation", "RU", Name)],
        ),
        ("the Czech Republic", &[("Czech Republic", "CZ", Name)]),
        (
            "Côte d'Ivoire, Cote d'Ivoire, Ivory Coast",
            &[
                ("Côte d'Ivoire", "CI", Name),
                ("Cote d'Ivoire", "CI", Name),
                ("Ivory Coast", "CI", Name),
            ],
        ),
        ("Brunei Darussalam", &[("Brunei Darussalam", "BN", Name)]),
        ("With the Maldives,", &[("Maldives", "MV", Name)]),
        (
            "Türkiye (Turkey)",
            &[("Türkiye", "TR", Name), ("Turkey", "TR", Name)],
        ),
        ("the Holy See", &[("Holy See", "VA", Name)]),
        ("Viet Nam's", &[("Viet Nam", "VN", Name)]),
        ("Laos' Luang Prabang", &[("Laos", "LA", Name)]),
        (
            "the Viet Nam - UK FTA",
            &[("Viet Nam", "VN", Name), ("UK", "GB", Name)],
        ),
        ("Chinese Taipei", &[("Chinese Taipei", "TW", Name)]),
        ("Guinea-Bissau", &[("Guinea-Bissau", "GW", Name)]),
        (
            "Filipino and Philippine",
            &[
                ("Filipino", "PH", Adjective),
                ("Philippine", "PH", Adjective),
            ],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(countries_in(text), *expected, "in {text:?}");
    }
}

#[test]
fn whitespace_runs_match_one_space_and_offsets_stay_true() {
    let text = "Deputy Prime Minister, Minister\n\nof National Defense Tea Banh";
    let hits: Vec<_> = gaz().offices(text).collect();
    assert_eq!(hits.len(), 2);
    assert_eq!(
        &text[hits[1].start..hits[1].end],
        "Minister\n\nof National Defense"
    );
    assert_eq!(hits[1].office.id, "defence_minister");

    let text = "Viet\u{a0}Nam and\tthe United\r\nStates";
    assert_eq!(
        countries_in(text),
        [
            ("Viet\u{a0}Nam", "VN", MentionKind::Name),
            ("United\r\nStates", "US", MentionKind::Name)
        ]
    );
}

#[test]
fn organizations_match() {
    let g = gaz();
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("ASEAN", &[("ASEAN", "ASEAN")]),
        (
            "the UN Security Council",
            &[("UN Security Council", "UNSC")],
        ),
        (
            "the Security Council and the UN",
            &[("Security Council", "UNSC"), ("UN", "UN")],
        ),
        (
            "the European Union (EU)",
            &[("European Union", "EU"), ("EU", "EU")],
        ),
        (
            "the ASEAN Regional Forum (ARF)",
            &[("ASEAN Regional Forum", "ARF"), ("ARF", "ARF")],
        ),
        (
            "ADMM+ and ADMM-Plus",
            &[("ADMM+", "ADMM+"), ("ADMM-Plus", "ADMM+")],
        ),
        (
            "the ASEAN Defense Ministers\u{2019} Meeting Plus",
            &[("ASEAN Defense Ministers\u{2019} Meeting Plus", "ADMM+")],
        ),
        ("ASEAN+3", &[("ASEAN+3", "APT")]),
        (
            "the 5th Mekong - Lancang Cooperation",
            &[("Mekong - Lancang Cooperation", "MLC")],
        ),
        ("the World Bank", &[("World Bank", "WB")]),
        ("UNCLOSED", &[]),
        (
            "the UN-ASEAN UNCLOS",
            &[("UN", "UN"), ("ASEAN", "ASEAN"), ("UNCLOS", "UNCLOS")],
        ),
        ("SOCIALIST REPUBLIC OF VIET NAM", &[]),
        (
            "the Non-Aligned Movement (NAM)",
            &[("Non-Aligned Movement", "NAM"), ("NAM", "NAM")],
        ),
        ("the National Security Council of Brunei", &[]),
        ("AU$10.5 million from the AU", &[("AU", "AU")]),
        ("the Francophonie", &[("Francophonie", "OIF")]),
    ];
    for (text, expected) in cases {
        assert_eq!(orgs_in(g, text), *expected, "in {text:?}");
    }
}

#[test]
fn glossary_adds_document_acronyms() {
    let pairs: Vec<(String, String)> = [
        ("SOM", "Senior Officials' Meeting"),
        ("APEC", "Asia-Pacific Economic Cooperation Forum"),
        ("UAE", "United Arab Emirates"),
        ("", "Nothing"),
    ]
    .iter()
    .map(|(a, n)| (a.to_string(), n.to_string()))
    .collect();
    let g = gaz();
    let glossary = Glossary::new(g, &pairs).expect("the glossary adds phrases");
    // SOM is new; APEC stays the one embedded body; UAE stays a country.
    assert_eq!(
        glossary.orgs,
        [Org {
            acronym: "SOM".into(),
            name: "Senior Officials' Meeting".into()
        }]
    );
    let org = |value: u32| -> &Org {
        let i = value as usize;
        g.orgs()
            .get(i)
            .unwrap_or_else(|| &glossary.orgs[i - g.orgs().len()])
    };
    let text = "the SOM, the Senior Officials\u{2019} Meeting, the UAE and the \
                Asia-Pacific Economic Cooperation Forum";
    let found: Vec<(&str, &str)> = glossary
        .find(text, &CapitalStarts::of(text), Lines::Joined)
        .iter()
        .map(|f| (&text[f.start..f.end], &*org(f.value).acronym))
        .collect();
    // APEC's wording is already an alias of the embedded body: the base search finds
    // it, the glossary adds nothing for it.
    assert_eq!(
        found,
        [("SOM", "SOM"), ("Senior Officials\u{2019} Meeting", "SOM")]
    );
    let apec = g
        .organizations("Asia-Pacific Economic Cooperation Forum")
        .next()
        .unwrap();
    assert_eq!(&*apec.org.acronym, "APEC");
    // The gazetteers themselves are untouched.
    assert!(g.organizations("SOM").next().is_none());
    assert_eq!(countries_in("UAE"), [("UAE", "AE", MentionKind::Name)]);
    // A glossary adding nothing is none.
    assert!(Glossary::new(g, &[("UAE".into(), "United Arab Emirates".into())]).is_none());
}

#[test]
fn with_dir_adds_and_replaces_phrases() {
    let dir = TempDir::new("adds");
    dir.write(COUNTRIES, "XK\tXKX\tKosovo\t\t\n")
        .write(
            COUNTRY_NAMES,
            "# local names\nVN\tNước Việt\tname\nKP\tKorea\tname\nXK\tKosovar\tadjective\n",
        )
        .write(
            OFFICES,
            "foreign_minister\tforeign_minister\tTop Diplomat\nchief_scout\tother\tChief Scout\n",
        )
        .write(
            ORGANIZATIONS,
            "MSF\tMédecins Sans Frontières\tDoctors Without Borders\n",
        )
        .write(STOP_PHRASES, "countries\tGeorgia\tGeorgia\n")
        .write(PHOTO_CREDITS, "Dân Trí\nVNA\n");
    let g = Gazetteers::with_dir(&dir.0).unwrap();
    let names = |text: &str| -> Vec<String> {
        g.countries(text)
            .map(|h| h.country.code.to_string())
            .collect()
    };
    assert_eq!(names("Nước Việt and Viet Nam"), ["VN", "VN"]);
    assert_eq!(names("Korea and KOREA"), ["KP", "KP"]);
    assert_eq!(names("Kosovo and the Kosovar side"), ["XK", "XK"]);
    assert_eq!(names("Georgia"), Vec::<String>::new());
    assert_eq!(&*g.country("XK").unwrap().name, "Kosovo");
    assert_eq!(&*g.country("VN").unwrap().name, "Viet Nam");

    let offices: Vec<_> = g
        .offices("Top Diplomat and Chief Scout")
        .map(|h| h.office.id.clone())
        .collect();
    assert_eq!(offices, ["foreign_minister", "chief_scout"]);
    let orgs: Vec<_> = g
        .organizations("MSF (Doctors Without Borders)")
        .map(|h| h.org.acronym.to_string())
        .collect();
    assert_eq!(orgs, ["MSF", "MSF"]);
    assert_eq!(
        g.photo_credits().last().map(String::as_str),
        Some("Dân Trí")
    );
    assert_eq!(g.photo_credits().iter().filter(|c| *c == "VNA").count(), 1);
    // A post-nominal added: an honour, and one naming an office of offices.tsv.
    let dir = TempDir::new("post-nominals");
    dir.write(
        POST_NOMINALS,
        "member_of_parliament\tparliament\tMLA\nprivy_counsellor\tother\tPC\n",
    );
    let g = Gazetteers::with_dir(&dir.0).unwrap();
    assert!(g.is_honour("privy_counsellor") && g.is_honour("officer_order_of_australia"));
    assert!(!g.is_honour("member_of_parliament"));

    // The embedded gazetteers are untouched.
    assert_eq!(countries_in("Korea"), [("Korea", "KR", MentionKind::Name)]);
}

#[test]
fn with_dir_reports_malformed_lines_with_file_and_line() {
    let cases = [
        (
            COUNTRY_NAMES,
            "# header\n\nVN\tViet Nam\n",
            3,
            "expected 3 tab-separated columns",
        ),
        (
            COUNTRY_NAMES,
            "VN\tViet Nam\tname\nZZ\tZedland\tname\n",
            2,
            "unknown country code \"ZZ\"",
        ),
        (
            COUNTRY_NAMES,
            "VN\tVietnamese\tdemonym\n",
            1,
            "unknown kind \"demonym\"",
        ),
        (
            COUNTRY_NAMES,
            "MV\tthe Maldives\tname\n",
            1,
            "leading article",
        ),
        (
            OFFICES,
            "envoy\tdiplomats\tEnvoy\n",
            1,
            "unknown category \"diplomats\"",
        ),
        (OFFICES, "Envoy\tdiplomat\tEnvoy\n", 1, "office_id"),
        (
            OFFICES,
            "envoy\tother\tEnvoy\n",
            1,
            "is in category \"diplomat\"",
        ),
        (
            ORGANIZATIONS,
            "ASEAN\n",
            1,
            "expected 2 to 3 tab-separated columns",
        ),
        (COUNTRIES, "Vn\tVNM\tViet Nam\t\t\n", 1, "alpha2"),
        (
            STOP_PHRASES,
            "countries\tNew Guinea\tPapua\n",
            1,
            "does not occur",
        ),
        (
            STOP_PHRASES,
            "countries\tGreat Barrier Reef\tBarrier\n",
            1,
            "not a phrase of this gazetteer",
        ),
        (
            STOP_PHRASES,
            "places\tNew Guinea\tGuinea\n",
            1,
            "unknown gazetteer",
        ),
        (
            CURRENCIES,
            "usd\t840\tUS Dollar\n",
            1,
            "three capital letters",
        ),
        (
            CURRENCY_CODES,
            "retired\tFRF\n",
            1,
            "unknown role \"retired\"",
        ),
        (CURRENCY_CODES, "alias\tRMB\n", 1, "names the code"),
        (CURRENCY_SIGNS, "Z$\tZZZ\n", 1, "\"ZZZ\" is not a code"),
        (
            CURRENCY_SIGNS,
            "Z$\tZWL\tusual\n",
            1,
            "unknown option \"usual\"",
        ),
        (
            CURRENCY_NAMES,
            "EUR\teuro\n",
            1,
            "expected 3 to 5 tab-separated columns",
        ),
        (
            POST_NOMINALS,
            "# an office of offices.tsv keeps its category\nmember_of_parliament\tother\tMLA\n",
            2,
            "office \"member_of_parliament\" is in category \"parliament\"",
        ),
        (
            METRIC_WORDS,
            "aid\trelief\nturnover\tswap\n",
            2,
            "unknown metric \"turnover\"",
        ),
        (
            METRIC_WORDS,
            "aid\tdonation\tgift\n",
            1,
            "unknown option \"gift\"",
        ),
        (
            SENTENCE_WORDS,
            "abbreviation\tSec\ntitle\tAmb\n",
            2,
            "unknown role \"title\"",
        ),
        (
            SENTENCE_WORDS,
            "abbreviation\tet al\n",
            1,
            "\"et al\" holds a space",
        ),
    ];
    for (i, (file, text, line, message)) in cases.into_iter().enumerate() {
        let dir = TempDir::new(&format!("malformed-{i}"));
        dir.write(file, text);
        let err = Gazetteers::with_dir(&dir.0).expect_err(text);
        let shown = err.to_string();
        let path = dir.0.join(file).display().to_string();
        assert!(shown.starts_with(&format!("{path}:{line}: ")), "{shown}");
        assert!(shown.contains(message), "{shown}");
        match err {
            GazetteerError::Malformed {
                file: f, line: l, ..
            } => assert_eq!((f, l), (path, line)),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn with_dir_needs_a_directory() {
    let missing = std::env::temp_dir().join("bluebook-gazetteer-no-such-dir");
    let err = Gazetteers::with_dir(&missing).unwrap_err();
    assert!(matches!(err, GazetteerError::Io { .. }), "{err:?}");
    assert!(
        err.to_string().contains("bluebook-gazetteer-no-such-dir"),
        "{err}"
    );
}

/// The bluebook fixture: what a reader sees in it is what the matchers find.
#[test]
fn bluebook_fixture_mentions() {
    let text = include_str!("../../fixtures/diplomatic-bluebook-2020.txt");
    let g = gaz();

    let countries: Vec<_> = g.countries(text).collect();
    let count = |code: &str| {
        countries
            .iter()
            .filter(|h| &*h.country.code == code)
            .count()
    };
    assert!(count("VN") > 300, "{}", count("VN"));
    for code in [
        "LA", "KH", "CN", "JP", "KR", "KP", "US", "GB", "RU", "DE", "FR", "CU", "CI", "AE", "GQ",
        "MV",
    ] {
        assert!(count(code) > 0, "{code} not found");
    }
    // "US$" is a currency, not a mention of the United States.
    assert!(text.contains("US\\$"));
    assert!(
        countries
            .iter()
            .all(|h| !text[h.end..].starts_with('$') && !text[h.end..].starts_with("\\$"))
    );
    // Offsets are char boundaries of the original text.
    for h in &countries {
        assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
    }

    let offices: Vec<_> = g.offices(text).collect();
    let fm = text.matches("Minister of Foreign Affairs").count()
        - text.matches("Deputy Minister of Foreign Affairs").count();
    let found = offices
        .iter()
        .filter(|h| &text[h.start..h.end] == "Minister of Foreign Affairs")
        .count();
    assert_eq!(found, fm);
    for id in [
        "first_deputy_foreign_minister",
        "secretary_of_state",
        "foreign_secretary",
        "speaker",
        "chancellor",
        "samdech",
        "samdech_krolahom",
        "dato_paduka_seri",
        "his_majesty",
        "party_external_relations_head",
        "party_organization_head",
        "first_secretary",
        "national_assembly_vice_president",
        "european_commission_president",
        "governor_general",
        "special_envoy",
    ] {
        assert!(offices.iter().any(|h| h.office.id == id), "{id} not found");
    }

    let orgs: Vec<_> = g.organizations(text).collect();
    for acronym in [
        "ASEAN", "UN", "UNSC", "UNGA", "WTO", "APEC", "ASEM", "EU", "WHO", "UNESCO", "AIPA", "G20",
        "OECD", "OIF", "ILO", "UNHRC", "RCEP", "EAS", "ARF", "ADMM", "ADMM+", "ACMECS", "MLC",
        "APPF", "IPU", "AU", "GCC", "WB", "NAM", "MRC", "SCO", "ICAPP", "IMCWP", "UNCTAD",
        "UNCITRAL", "ECOSOC",
    ] {
        assert!(
            orgs.iter().any(|h| &*h.org.acronym == acronym),
            "{acronym} not found"
        );
    }
}

#[test]
fn every_iso_4217_code_is_a_currency_code() {
    let rows = embedded_rows(CURRENCIES);
    assert_eq!(rows.len(), 181, "the iso-codes 4.15.0 list");
    let lexicon = gaz().currency();
    for row in &rows {
        let code = row[0].as_str();
        if ["ALL", "XXX", "XTS"].contains(&code) {
            continue;
        }
        let meaning = lexicon
            .meaning(code)
            .unwrap_or_else(|| panic!("{code} is not read"));
        assert_eq!(meaning.iso, code);
    }
    // An alias and a withdrawn code.
    assert_eq!(lexicon.meaning("RMB").map(|m| m.iso), Some("CNY"));
    assert_eq!(lexicon.meaning("FRF").map(|m| m.iso), Some("FRF"));
    assert_eq!(lexicon.meaning("XXX"), None);
}

#[test]
fn with_dir_adds_and_replaces_metric_words() {
    let words = |g: &Gazetteers, text: &str| -> Vec<(String, &'static str, bool)> {
        g.metric_words()
            .find_iter(text)
            .map(|(r, w)| (text[r].to_string(), w.metric.as_str(), w.money_only))
            .collect()
    };
    let text = "Stimulus and TOURISM after Bilateral Trade fell; US$ 2 million donated";
    assert_eq!(
        words(gaz(), text),
        [
            ("TOURISM".to_string(), "other", false),
            ("Bilateral Trade".to_string(), "trade_turnover", false),
            ("donated".to_string(), "aid", true),
        ]
    );
    let dir = TempDir::new("metric-words");
    // `stimulus` added; `tourism` made aid, in another case, and read for amounts only.
    dir.write(METRIC_WORDS, "budget\tstimulus\naid\tTourism\tmoney_only\n");
    let g = Gazetteers::with_dir(&dir.0).unwrap();
    assert_eq!(
        words(&g, text),
        [
            ("Stimulus".to_string(), "budget", false),
            ("TOURISM".to_string(), "aid", true),
            ("Bilateral Trade".to_string(), "trade_turnover", false),
            ("donated".to_string(), "aid", true),
        ]
    );
    // Replaced in place, not listed twice.
    let listed = |g: &Gazetteers| g.metric_words().words().len();
    assert_eq!(listed(&g), listed(gaz()) + 1);
    // Read end to end: the amount's metric comes from the added word.
    let doc = crate::Document::from_bytes(
        "stimulus.txt",
        b"The city spent US$ 2 million on the stimulus in 2020.\n".to_vec(),
    )
    .unwrap();
    let metric = |config: &crate::Config| {
        crate::extract(&doc, config)
            .into_iter()
            .find_map(|r| match r {
                crate::Record::Money(m) => m.metric,
                _ => None,
            })
    };
    let config = crate::Config::default();
    assert_eq!(metric(&config), Some(crate::vocab::Metric::Other));
    let config = crate::Config::default().with_gazetteer_dir(&dir.0).unwrap();
    assert_eq!(metric(&config), Some(crate::vocab::Metric::Budget));
}

#[test]
fn with_dir_adds_sentence_words() {
    let text = "It was signed by Sec. Blinken on 3 May 2021. Talks went on with the U.S. \
                The two sides met.";
    let split = |g: &Gazetteers| -> Vec<String> {
        let mut out = Vec::new();
        crate::sentences::split_line(text, 0..text.len(), g.sentence_words(), &mut out);
        out.into_iter().map(|r| text[r].to_string()).collect()
    };
    // `Sec` is no abbreviation of the embedded file: its period ends a sentence.
    assert_eq!(
        split(gaz()),
        [
            "It was signed by Sec.",
            "Blinken on 3 May 2021.",
            "Talks went on with the U.S.",
            "The two sides met."
        ]
    );
    let dir = TempDir::new("sentence-words");
    // `Sec` added as an abbreviation, and an opener that no word of the text is.
    // (`Sec.` with its period: read as `Sec`.)
    dir.write(SENTENCE_WORDS, "abbreviation\tSec.\nopener\tTwo\n");
    let g = Gazetteers::with_dir(&dir.0).unwrap();
    assert_eq!(
        split(&g),
        [
            "It was signed by Sec. Blinken on 3 May 2021.",
            "Talks went on with the U.S.",
            "The two sides met."
        ]
    );
    assert_eq!(g.sentence_words().longest, gaz().sentence_words().longest);
    // Read end to end: the date's sentence is the whole first one with the directory.
    let doc = crate::Document::from_bytes("sec.txt", format!("{text}\n").into_bytes()).unwrap();
    let sentence = |config: &crate::Config| {
        crate::extract(&doc, config)
            .into_iter()
            .find_map(|r| match r {
                crate::Record::Date(d) => d.common.sentence,
                _ => None,
            })
    };
    let start_of = |s: &str| text.find(s).unwrap();
    let config = crate::Config::default();
    assert_eq!(sentence(&config).map(|s| s.0), Some(start_of("Blinken")));
    let config = crate::Config::default().with_gazetteer_dir(&dir.0).unwrap();
    assert_eq!(sentence(&config).map(|s| s.0), Some(0));
}

#[test]
fn with_dir_adds_currency_forms() {
    let dir = TempDir::new("currency");
    dir.write(CURRENCY_CODES, "extra\tXCG\nlower\tsek\n")
        // A later layer's meaning of a form is the one read: `¥` for yuan.
        .write(CURRENCY_SIGNS, "Cg\tXCG\n¥\tCNY\tassumed\n")
        .write(CURRENCY_NAMES, "XCG\tguilder\tguilders\tCaribbean\n");
    let g = Gazetteers::with_dir(&dir.0).unwrap();
    let iso = |form: &str| g.currency().meaning(form).map(|m| m.iso);
    assert_eq!(iso("XCG"), Some("XCG"));
    assert_eq!(iso("sek"), Some("SEK"));
    assert_eq!(iso("Caribbean guilders"), Some("XCG"));
    assert_eq!(iso("¥"), Some("CNY"));
    // The embedded lexicon is untouched.
    assert_eq!(gaz().currency().meaning("¥").map(|m| m.iso), Some("JPY"));
    assert_eq!(gaz().currency().meaning("Caribbean guilders"), None);
}
