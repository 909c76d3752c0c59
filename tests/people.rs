//! People with titles: the hard cases as a table, the identity of variant mentions,
//! non-persons, and reviewed snapshots of every person record of the fixtures.

mod common;

use bluebook::Record;
use bluebook::record::PersonRecord;

/// The people of a bluebook-like snippet, read for Viet Nam as `--home-country VN`
/// does (the snippets do not name their publisher).
fn people(text: &str) -> Vec<PersonRecord> {
    let doc = bluebook::Document::from_bytes("test.txt", text.as_bytes().to_vec()).unwrap();
    let config = bluebook::Config::default().with_home_country("VN").unwrap();
    bluebook::extract(&doc, &config)
        .into_iter()
        .filter_map(|r| match r {
            Record::Person(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// One person mention: name, titles, country, org.
type Want<'a> = (&'a str, &'a [&'a str], Option<&'a str>, Option<&'a str>);
/// The same, owned.
type Mention = (String, Vec<String>, Option<String>, Option<String>);

#[test]
fn hard_cases() {
    let cases: &[(&str, &[Want])] = &[
        (
            "Member of the Politburo, Deputy Prime Minister, Minister of Foreign Affairs Pham Binh Minh met the press.",
            &[(
                "Pham Binh Minh",
                &[
                    "Member of the Politburo",
                    "Deputy Prime Minister",
                    "Minister of Foreign Affairs",
                ],
                Some("VN"),
                None,
            )],
        ),
        (
            "Prime Minister Nguyen Xuan Phuc had a telephone conversation with Prime Minister of Thailand Prayut Chan-o-cha (November 2020).",
            &[
                ("Nguyen Xuan Phuc", &["Prime Minister"], Some("VN"), None),
                ("Prayut Chan-o-cha", &["Prime Minister"], Some("TH"), None),
            ],
        ),
        (
            "He welcomed Secretary of State of the United States Michael R. Pompeo in Hanoi.",
            &[(
                "Michael R. Pompeo",
                &["Secretary of State"],
                Some("US"),
                None,
            )],
        ),
        (
            "The leaders met President of the European Commission Ursula von der Leyen (29 June 2020).",
            &[(
                "Ursula von der Leyen",
                &["President of the European Commission"],
                None,
                Some("EU"),
            )],
        ),
        (
            "There was the visit by Second Minister of Defense cum Chairman of the National Security Committee Dato Paduka Seri Haji Awang Halbi bin Haji Mohd Yussof (February 2020).",
            &[(
                "Haji Awang Halbi bin Haji Mohd Yussof",
                &[
                    "Second Minister of Defense",
                    "Chairman of the National Security Committee",
                    "Dato Paduka Seri",
                ],
                None,
                None,
            )],
        ),
        (
            "General Secretary, President Nguyen Phu Trong met Japanese Prime Minister Suga Yoshihide.",
            &[
                (
                    "Nguyen Phu Trong",
                    &["General Secretary", "President"],
                    Some("VN"),
                    None,
                ),
                (
                    "Suga Yoshihide",
                    &["Japanese Prime Minister"],
                    Some("JP"),
                    None,
                ),
            ],
        ),
        (
            "Minister of Foreign Affairs of the Republic of Korea Kang Kyung-Wha visited Viet Nam.",
            &[(
                "Kang Kyung-Wha",
                &["Minister of Foreign Affairs"],
                Some("KR"),
                None,
            )],
        ),
        (
            "President of the Cambodian National Assembly Samdech Heng Samrin arrived.",
            &[(
                "Heng Samrin",
                &["President of the Cambodian National Assembly", "Samdech"],
                Some("KH"),
                None,
            )],
        ),
        (
            "Vietnamese Ambassador to the UK Tran Ngoc An and British Ambassador to Viet Nam Gareth Ward signed it.",
            &[
                (
                    "Tran Ngoc An",
                    &["Vietnamese Ambassador to the UK"],
                    Some("VN"),
                    None,
                ),
                (
                    "Gareth Ward",
                    &["British Ambassador to Viet Nam"],
                    Some("GB"),
                    None,
                ),
            ],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<Mention> = people(text)
            .into_iter()
            .map(|p| (p.name, p.titles, p.country, p.org))
            .collect();
        let want: Vec<Mention> = want
            .iter()
            .map(|(n, t, c, o)| {
                (
                    n.to_string(),
                    t.iter().map(|s| s.to_string()).collect(),
                    c.map(str::to_string),
                    o.map(str::to_string),
                )
            })
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn titles_in_apposition_belong_to_the_mention_and_courtesy_words_are_no_titles() {
    let p = people(
        "He met with Mr. Pham Minh Chinh, Chairman of the Organizational Commission of the Party Central Committee, in Tokyo.",
    );
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].name, "Pham Minh Chinh");
    assert_eq!(
        p[0].titles,
        ["Chairman of the Organizational Commission of the Party Central Committee"]
    );
}

#[test]
fn the_name_span_is_the_name_alone() {
    let text =
        "Deputy Prime Minister, Minister of Foreign Affairs Pham Binh Minh joined the talks.";
    let p = &people(text)[0];
    assert_eq!(p.common.text, "Pham Binh Minh");
    assert_eq!(&text[p.common.span.0..p.common.span.1], "Pham Binh Minh");
}

#[test]
fn a_foreign_counterpart_takes_the_country_of_its_paragraph() {
    let text = "CHAPTER TWO\n\nBILATERAL\n\n- *Japan*: Minister of Foreign Affairs Pham Binh Minh had a call with Minister for Foreign Affairs Motegi Toshimitsu (March 2020).\n";
    let p = people(text);
    let got: Vec<(&str, Option<&str>)> = p
        .iter()
        .map(|p| (p.name.as_str(), p.country.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Pham Binh Minh", Some("VN")),
            ("Motegi Toshimitsu", Some("JP"))
        ]
    );
}

#[test]
fn variant_mentions_share_a_person_id_and_different_people_do_not() {
    let text = "President Vladimir Putin spoke. Later President V. Putin wrote. General Secretary Nguyễn Phú Trọng met General Secretary Nguyen Phu Trong's guests. Minister of Public Security To Lam and General To Lam. Prime Minister Samdech Hun Sen met Hun Sen. President-elect Joe Biden and President Biden. Prime Minister Suga Yoshihide and Prime Minister Yoshihide Suga. Prime Minister Nguyen Xuan Phuc met President Nguyen Phu Trong.";
    let p = people(text);
    let id = |name: &str| {
        p.iter()
            .find(|p| p.name == name)
            .map(|p| p.person_id.clone())
            .unwrap_or_else(|| panic!("no {name}: {p:#?}"))
    };
    assert_eq!(id("V. Putin"), id("Vladimir Putin"));
    assert_eq!(id("Nguyễn Phú Trọng"), id("Nguyen Phu Trong"));
    assert_eq!(id("Nguyen Phu Trong"), "nguyen-phu-trong");
    assert_eq!(id("Biden"), id("Joe Biden"));
    assert_eq!(id("Suga Yoshihide"), id("Yoshihide Suga"));
    assert_ne!(id("Nguyen Xuan Phuc"), id("Nguyen Phu Trong"));
    let hun_sen: Vec<_> = p.iter().filter(|p| p.name == "Hun Sen").collect();
    assert_eq!(hun_sen.len(), 2, "the untitled mention counts too");
    assert!(hun_sen.iter().all(|p| p.person_id == "hun-sen"));
    let to_lam: Vec<_> = p
        .iter()
        .filter(|p| p.name == "To Lam")
        .map(|p| p.titles.clone())
        .collect();
    assert_eq!(
        to_lam,
        [
            vec!["Minister of Public Security".to_string()],
            vec!["General".to_string()]
        ]
    );
}

#[test]
fn not_persons() {
    for text in [
        "He consulted the Prime Minister of the Czech Republic on trade.",
        "Flights landed in Ho Chi Minh City and Hanoi.",
        "Viet Nam welcomed the USS Theodore Roosevelt (CVN-71) in Da Nang.",
        "They exhibited Truyen Kieu translations in Paris.",
        "The General Market Potential of Halal Food was discussed at the General Assembly.",
        "Viet Nam was the President of the Security Council for January 2020.",
    ] {
        assert_eq!(
            people(text)
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>(),
            Vec::<&str>::new(),
            "{text}"
        );
    }
}

#[test]
fn signatures_in_capitals_and_credit_lines() {
    let text = "FOREWORD\n\nThe book is proudly presented to you.\n\nBUI THANH SON\n\nMember of the Party Central Committee, Minister of Foreign Affairs.\n\nEditor: Bui Huong Giang\n";
    let p = people(text);
    assert_eq!(p[0].name, "BUI THANH SON");
    assert_eq!(
        p[0].titles,
        [
            "Member of the Party Central Committee",
            "Minister of Foreign Affairs"
        ]
    );
    assert_eq!(
        (p[0].country.as_deref(), p[0].person_id.as_str()),
        (Some("VN"), "bui-thanh-son")
    );
    assert_eq!(
        (p[1].name.as_str(), p[1].titles.as_slice()),
        ("Bui Huong Giang", &["Editor".to_string()][..])
    );
}

/// One line per person record, for the reviewed snapshots.
fn render(name: &str) -> String {
    let (_, records) = common::records(name);
    let mut out = String::new();
    for r in records {
        if let Record::Person(p) = r {
            out.push_str(&format!(
                "{:?} | {} | {} | {} | {} | {}\n",
                p.common.span,
                p.name,
                p.titles.join("; "),
                p.country.as_deref().unwrap_or("-"),
                p.org.as_deref().unwrap_or("-"),
                p.person_id
            ));
        }
    }
    out
}

#[test]
fn person_records_of_each_fixture() {
    for name in common::FIXTURES {
        insta::assert_snapshot!(format!("people-{}", name.replace(".txt", "")), render(name));
    }
}
