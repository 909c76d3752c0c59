//! People with titles: the hard cases as a table, the identity of variant mentions,
//! non-persons, and reviewed snapshots of every person record of the fixtures.

mod common;

use bluebook::Record;
use bluebook::record::PersonRecord;

/// The people of a bluebook-like snippet, read for Viet Nam as `--home-country VN`
/// does (the snippets do not name their publisher).
fn people(text: &str) -> Vec<PersonRecord<'static>> {
    common::records_of_viet_nam(text)
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
            // News style: `PM` and `Deputy PM` are titles; `3 PM` is a time of day.
            "At 3 PM Hanoi time, PM Pham Minh Chinh met Deputy PM Tran Luu Quang; they spoke until 10:30 PM Tuesday.",
            &[
                ("Pham Minh Chinh", &["PM"], Some("VN"), None),
                ("Tran Luu Quang", &["Deputy PM"], Some("VN"), None),
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
        "Macron's Paris Peace Forum opened.",
        "General Motors and General Mills sponsored the fair.",
        "Martin Luther King Jr. was remembered.",
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

/// The people of a snippet read for `home`, as `--home-country` does.
fn people_of(text: &str, home: &str) -> Vec<PersonRecord<'static>> {
    let doc = bluebook::Document::from_bytes("test.txt", text.as_bytes().to_vec()).unwrap();
    let config = bluebook::Config::default().with_home_country(home).unwrap();
    bluebook::extract(&doc, &config)
        .into_iter()
        .filter_map(|r| match r {
            Record::Person(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// Name, titles and country of a mention, as literals.
type Short<'a> = (&'a str, &'a [&'a str], Option<&'a str>);

/// Name, titles and country of each record.
fn summary(p: &[PersonRecord]) -> Vec<(String, Vec<String>, Option<String>)> {
    p.iter()
        .map(|p| (p.name.clone(), p.titles.clone(), p.country.clone()))
        .collect()
}

/// The same, from literals.
fn want(w: &[Short]) -> Vec<(String, Vec<String>, Option<String>)> {
    w.iter()
        .map(|(n, t, c)| {
            (
                n.to_string(),
                t.iter().map(|s| s.to_string()).collect(),
                c.map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn honours_after_a_name_are_titles_and_end_it() {
    let cases: &[(&str, &[Short])] = &[
        (
            "Through their foundation, Dr. Lena Marsh AO and Tom Marsh AO fund the clinics.",
            &[
                ("Lena Marsh", &["Dr.", "AO"], None),
                ("Tom Marsh", &["AO"], None),
            ],
        ),
        (
            "Minister of Trade Paul Reid MP met Jane Holt, KC, and Sir Alan Brook KCB MP.",
            &[
                ("Paul Reid", &["Minister of Trade", "MP"], None),
                ("Jane Holt", &["KC"], None),
                ("Alan Brook", &["Sir", "KCB", "MP"], None),
            ],
        ),
        (
            "Dame Ruth Lane and Lord Hale spoke after Baroness Amos.",
            &[
                ("Ruth Lane", &["Dame"], None),
                ("Hale", &["Lord"], None),
                ("Amos", &["Baroness"], None),
            ],
        ),
        // Only right after a name: a time, an office on its own and a lone capital word
        // are no one.
        (
            "The session opened at 10 AM Eastern Time; the MP voted, and Oxford CBE holders met.",
            &[],
        ),
        (
            "Veteran Labour MP voted against it; Senior Conservative MP spoke.",
            &[],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            summary(&people_of(text, "GB")),
            want(expected),
            "in {text:?}"
        );
    }
}

#[test]
fn titles_are_a_grammar_over_the_offices() {
    let cases: &[(&str, &[Short])] = &[
        (
            "Secretary Ortiz met Administrator Lee and Ambassador Novak in Lima.",
            &[
                ("Ortiz", &["Secretary"], None),
                ("Lee", &["Administrator"], None),
                ("Novak", &["Ambassador"], None),
            ],
        ),
        (
            "Special Envoy for Oceans Moreau spoke after Deputy Minister for Multilateral Affairs Ana Duarte.",
            &[
                ("Moreau", &["Special Envoy for Oceans"], None),
                (
                    "Ana Duarte",
                    &["Deputy Minister for Multilateral Affairs"],
                    None,
                ),
            ],
        ),
        (
            "Export Credit Agency Director Lars Holm signed the loan.",
            &[("Lars Holm", &["Export Credit Agency Director"], None)],
        ),
        (
            "Rep. Jane Doe, Sen. Marco Reyes, Gov. Tim Walsh and Dr. Amina Yusuf attended.",
            &[
                ("Jane Doe", &["Rep."], None),
                ("Marco Reyes", &["Sen."], None),
                ("Tim Walsh", &["Gov."], None),
                ("Amina Yusuf", &["Dr."], None),
            ],
        ),
        (
            "Secretary Ortiz, Administrator Lee, and Secretary Park arrived.",
            &[
                ("Ortiz", &["Secretary"], None),
                ("Lee", &["Administrator"], None),
                ("Park", &["Secretary"], None),
            ],
        ),
        (
            "The talks opened with Prime\nMinister Sato Kenji at the table.",
            &[("Sato Kenji", &["Prime Minister"], None)],
        ),
        (
            "Professor Dr. Lena Berg, Minister of Public Health, and Mr. Omar Haddad, Minister of Trade and Industry, arrived.",
            &[
                (
                    "Lena Berg",
                    &["Professor", "Dr.", "Minister of Public Health"],
                    None,
                ),
                ("Omar Haddad", &["Minister of Trade and Industry"], None),
            ],
        ),
        // Offices in lower case, before a name and after one in apposition.
        (
            "Chilean foreign minister Ana Soto met Kurt Berg, the Danish trade minister, in Lima.",
            &[
                ("Ana Soto", &["Chilean foreign minister"], Some("CL")),
                ("Kurt Berg", &["Danish trade minister"], Some("DK")),
            ],
        ),
        (
            "\"We are ready,\" said Lena Holt, the Norwegian ambassador to Peru.",
            &[("Lena Holt", &["Norwegian ambassador to Peru"], Some("NO"))],
        ),
        // News words for offices: a state's leader, its top diplomat.
        (
            "Norway's top diplomat Lena Holt met North Korean leader Kim Jong Un.",
            &[
                ("Lena Holt", &["top diplomat"], Some("NO")),
                ("Kim Jong Un", &["North Korean leader"], Some("KP")),
            ],
        ),
        // A name set off by commas after its titles; a counterpart is named too.
        (
            "Peru's top diplomat, Rosa Marin, met her Chilean counterpart Ana Soto. The Ambassador, Deputy Head of Mission, left.",
            &[
                ("Rosa Marin", &["top diplomat"], Some("PE")),
                ("Ana Soto", &["Chilean counterpart"], Some("CL")),
            ],
        ),
        // A subject after a clause is no apposition; a body is no name.
        (
            "After the Pacific Leaders Meeting, the Prime Minister will fly home. Oslo Harbour Authority, the Norwegian ambassador said, was closed.",
            &[],
        ),
        // The spouse of a leader serves the leader's state.
        (
            "Chilean First Lady Ana Soto met Second Gentleman Doug Hale in Valparaiso.",
            &[
                ("Ana Soto", &["Chilean First Lady"], Some("CL")),
                ("Doug Hale", &["Second Gentleman"], None),
            ],
        ),
        (
            "Sen. Ida Holm spoke. The island belongs to Prime Minister Samdech Hun Sen. The rest followed.",
            &[
                ("Ida Holm", &["Sen."], None),
                ("Hun Sen", &["Prime Minister", "Samdech"], None),
            ],
        ),
    ];
    for (text, w) in cases {
        assert_eq!(summary(&people_of(text, "IS")), want(w), "{text}");
    }
}

#[test]
fn a_title_taken_back_gives_way_to_the_one_that_replaces_it() {
    let text = "On my right is General Tomas Reyes, Minister of — Vice Minister of Defense; Mr. Ivo Lenz, Chairman of the Government — of the State President’s Office; and Mr. Hal Berg, my assistant.";
    assert_eq!(
        summary(&people_of(text, "IS")),
        want(&[
            (
                "Tomas Reyes",
                &["General", "Vice Minister of Defense"],
                None
            ),
            (
                "Ivo Lenz",
                &["Chairman of the State President’s Office"],
                None
            ),
            ("Hal Berg", &["assistant"], None),
        ])
    );
}

#[test]
fn a_qualifier_stays_in_the_title_and_a_possessive_does_not() {
    let text = "Canadian Prime Minister Mark Tremblay, WHO Director-General Tedros Adhanom, EU High Representative Kaja Kallas and French Foreign Minister Jean Barrot met Malaysia’s Prime Minister Anwar Ibrahim and Prime Minister of Fiji Sitiveni Rabuka.";
    let p = people_of(text, "IS");
    assert_eq!(
        summary(&p),
        want(&[
            ("Mark Tremblay", &["Canadian Prime Minister"], Some("CA")),
            ("Tedros Adhanom", &["WHO Director-General"], None),
            ("Kaja Kallas", &["EU High Representative"], None),
            ("Jean Barrot", &["French Foreign Minister"], Some("FR")),
            ("Anwar Ibrahim", &["Prime Minister"], Some("MY")),
            ("Sitiveni Rabuka", &["Prime Minister"], Some("FJ")),
        ])
    );
    assert_eq!(p[1].org.as_deref(), Some("WHO"));
    assert_eq!(p[2].org.as_deref(), Some("EU"));
}

#[test]
fn courtesy_words_are_no_titles() {
    let text = "Mr. Alan Ross greeted Madam Vice President Kamala Harris and Ms. Rita Gomez.";
    assert_eq!(
        summary(&people_of(text, "IS")),
        want(&[
            ("Alan Ross", &[], None),
            ("Kamala Harris", &["Vice President"], None),
            ("Rita Gomez", &[], None),
        ])
    );
}

#[test]
fn a_country_comes_from_the_person_never_from_the_section_partner_alone() {
    // The home state's leader in a section about Thailand keeps the home state; the
    // qualifier, the possessive and "of <Country>" give the others theirs, and a later
    // mention takes what an earlier one said.
    let text = "**PEACE IN ONE DAY:** Today President Donald J. Trump met leaders.\n\n**STRENGTHENING OUR RELATIONSHIP WITH THAILAND:** President Trump and Prime Minister Kishida Fumio of Japan met Cambodian Prime Minister Hun Manet. Later Prime Minister Kishida’s aide met Hun Manet.\n";
    let p = people_of(text, "US");
    let got: Vec<(&str, Option<&str>, &str)> = p
        .iter()
        .map(|p| (p.name.as_str(), p.country.as_deref(), p.person_id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Donald J. Trump", Some("US"), "donald-j-trump"),
            ("Trump", Some("US"), "donald-j-trump"),
            ("Kishida Fumio", Some("JP"), "kishida-fumio"),
            ("Hun Manet", Some("KH"), "hun-manet"),
            ("Kishida", Some("JP"), "kishida-fumio"),
            ("Hun Manet", Some("KH"), "hun-manet"),
        ]
    );
    assert_eq!(p[3].titles, ["Cambodian Prime Minister"]);
    assert!(p[5].titles.is_empty());
}

#[test]
fn a_person_the_text_places_nowhere_has_no_country() {
    // Met once, with a bare title: the text does not say.
    let p = people_of("Secretary Park arrived in Lima on Monday.", "US");
    assert_eq!(summary(&p), want(&[("Park", &["Secretary"], None)]));
    // Met twice with an office in a document of the home state: the home state's.
    let p = people_of(
        "President Biden met the press. Later President Biden left for Lima.",
        "US",
    );
    assert!(
        p.iter().all(|p| p.country.as_deref() == Some("US")),
        "{p:?}"
    );
}

#[test]
fn names_end_at_a_possessive_and_keep_suffixes_and_initials() {
    let text = "President Joseph R. Biden, Jr. met Prime Minister Kishida Fumio. President Biden welcomed Prime Minister Kishida’s plan. Dr. Martin Luther King Jr. and President George H. W. Bush were remembered. President Macron’s Paris Peace Forum met.";
    let p = people_of(text, "IS");
    let got: Vec<(&str, &str)> = p
        .iter()
        .map(|p| (p.name.as_str(), p.person_id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Joseph R. Biden, Jr.", "joseph-r-biden-jr"),
            ("Kishida Fumio", "kishida-fumio"),
            ("Biden", "joseph-r-biden-jr"),
            ("Kishida", "kishida-fumio"),
            ("Martin Luther King Jr.", "martin-luther-king-jr"),
            ("George H. W. Bush", "george-h-w-bush"),
            ("Macron", "macron"),
        ]
    );
}

#[test]
fn viet_and_nam_are_words_of_names_too() {
    // Vietnamese given names: `Viet` and `Nam` end or stand inside a name; the
    // country `Viet Nam` still ends a title's complement.
    let text = "Deputy Foreign Minister Do Hung Viet met Ambassador Nguyen Viet Dung. \
                Deputy Minister Le Hoai Nam visited Japan. President of Viet Nam Nguyen \
                Phu Trong received them.";
    let got: Vec<(String, Vec<String>)> = people(text)
        .into_iter()
        .map(|p| (p.name, p.titles))
        .collect();
    let want = |n: &str, t: &str| (n.to_string(), vec![t.to_string()]);
    assert_eq!(
        got,
        [
            want("Do Hung Viet", "Deputy Foreign Minister"),
            want("Nguyen Viet Dung", "Ambassador"),
            want("Le Hoai Nam", "Deputy Minister"),
            want("Nguyen Phu Trong", "President"),
        ]
    );
}

#[test]
fn a_title_with_a_complement_after_an_article_is_a_title() {
    let cases: &[(&str, &[Short])] = &[
        (
            "The Ambassador of India to Japan Sibi George attended.",
            &[("Sibi George", &["Ambassador of India to Japan"], Some("IN"))],
        ),
        (
            "the Ambassador to Japan Sibi George attended.",
            &[("Sibi George", &["Ambassador to Japan"], None)],
        ),
    ];
    for (text, w) in cases {
        assert_eq!(summary(&people_of(text, "VN")), want(w), "{text}");
    }
}

#[test]
fn a_person_named_in_full_is_referred_to_by_one_word_later() {
    let text = "Prime Minister Pham Minh Chinh held talks with Prime Minister Anwar \
                Ibrahim. Chinh said Anwar’s visit was timely. Deputy Minister Nguyen \
                Thanh Long and Minister Pham Binh Minh attended; Long stressed the long \
                road ahead, and Pham thanked them.";
    let got: Vec<(String, String)> = people_of(text, "VN")
        .into_iter()
        .map(|p| (p.name, p.person_id))
        .collect();
    let want = |n: &str, id: &str| (n.to_string(), id.to_string());
    assert_eq!(
        got,
        [
            want("Pham Minh Chinh", "pham-minh-chinh"),
            want("Anwar Ibrahim", "anwar-ibrahim"),
            // The word a full name is referred to by: the same person.
            want("Chinh", "pham-minh-chinh"),
            want("Anwar", "anwar-ibrahim"),
            want("Nguyen Thanh Long", "nguyen-thanh-long"),
            want("Pham Binh Minh", "pham-binh-minh"),
            // Not `Long`, a word the text writes in lower case too, nor `Pham`, which
            // opens the names of two people.
        ]
    );
}

#[test]
fn transcript_speaker_labels_are_mentions() {
    let text = "PRESIDENT PHÚC:  Good morning. I welcome Vice President Kamala Devi Harris of the United States.\n\nVICE PRESIDENT HARRIS:  Thank you, Mr. President.\n\nTHE PRESIDENT:  Thank you all.\n";
    let p = people_of(text, "IS");
    assert_eq!(
        summary(&p),
        want(&[
            ("PHÚC", &["PRESIDENT"], None),
            ("Kamala Devi Harris", &["Vice President"], Some("US")),
            ("HARRIS", &["VICE PRESIDENT"], Some("US")),
        ])
    );
    assert_eq!(p[1].person_id, p[2].person_id);
}

#[test]
fn the_front_matter_title_says_whose_a_speaker_is() {
    let text = "---\ndate: '2021-08-24'\ntitle: \"Remarks by Vice President Harris and President Ph\\xFAc of the Socialist Republic\\\n  \\ of Vietnam in Hanoi,\\_Vietnam\"\n---\n\nPRESIDENT PHÚC:  Good morning, everyone.\n";
    let p = people_of(text, "IS");
    assert_eq!(summary(&p), want(&[("PHÚC", &["PRESIDENT"], Some("VN"))]));
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

#[test]
fn a_credit_line_with_any_label_names_a_person_without_a_title() {
    let text = "The school opened on 3 May 2021.\n\nPhoto: Le Van Minh\n\nTranslated by: Ana Duarte\n\nDesigned: Lars Holm\n\nBrunei: Viet Nam Embassy\n\nPhoto: VNA\n";
    let got: Vec<(String, Vec<String>)> = common::records_of(text)
        .into_iter()
        .filter_map(|r| match r {
            Record::Person(p) => Some((p.name, p.titles)),
            _ => None,
        })
        .collect();
    let none: Vec<String> = Vec::new();
    assert_eq!(
        got,
        [
            ("Le Van Minh".to_string(), none.clone()),
            ("Ana Duarte".to_string(), none.clone()),
            ("Lars Holm".to_string(), none)
        ]
    );
}

#[test]
fn the_one_met_is_not_taken_for_a_home_official() {
    // A U.S. page: the President met twice is the home state's; the leader met, named
    // only with a bare title, is nobody's the text says.
    let text = "---\nsource_url: https://www.example.gov/readout/\n---\n\nPresident Lopez held a meeting with President Tanaka on 3 March 2021. President Lopez thanked President Tanaka for the visit.\n";
    let got: Vec<(String, Option<String>)> = common::records_of(text)
        .into_iter()
        .filter_map(|r| match r {
            Record::Person(p) => Some((p.name, p.country)),
            _ => None,
        })
        .collect();
    assert_eq!(
        got[0],
        ("Lopez".to_string(), Some("US".to_string())),
        "{got:?}"
    );
    assert_eq!(got[1], ("Tanaka".to_string(), None), "{got:?}");
}

/// Name and country of each person record of an in-memory text (its home state read
/// from the text, as the command line does).
fn countries_of(text: &str) -> Vec<(String, Option<String>)> {
    common::records_of(text)
        .into_iter()
        .filter_map(|r| match r {
            Record::Person(p) => Some((p.name, p.country)),
            _ => None,
        })
        .collect()
}

/// A name and its country, as literals.
type Named<'a> = (&'a str, Option<&'a str>);

/// The same from literals.
fn named(w: &[Named]) -> Vec<(String, Option<String>)> {
    w.iter()
        .map(|(n, c)| (n.to_string(), c.map(str::to_string)))
        .collect()
}

/// A U.S. page: front matter with a `.gov` address and the given title.
fn us_page(title: &str, body: &str) -> String {
    format!("---\nsource_url: https://www.example.gov/news/\ntitle: \"{title}\"\n---\n\n{body}\n")
}

#[test]
fn a_country_and_a_noun_for_a_person_say_whose_national_they_are() {
    let cases: &[(&str, &[Named])] = &[
        // A plural covers the names joined to the first.
        (
            "A gift came from Canadian philanthropists Mr. Paul Tremblay and the late Mrs. Anne Tremblay in 2019.",
            &[("Paul Tremblay", Some("CA")), ("Anne Tremblay", Some("CA"))],
        ),
        (
            "The minister met his Chilean counterpart Minister Tomas Vidal in 2019.",
            &[("Tomas Vidal", Some("CL"))],
        ),
        // A singular noun says nothing of the next name.
        (
            "A gift came from Canadian philanthropist Mr. Paul Tremblay and Mrs. Anne Roy in 2019.",
            &[("Paul Tremblay", Some("CA")), ("Anne Roy", None)],
        ),
        // Not a noun for a person: a body, a verb.
        (
            "The Canadian delegation thanked Mr. Paul Tremblay in 2019.",
            &[("Paul Tremblay", None)],
        ),
        (
            "Canada thanked Mr. Paul Tremblay in 2019.",
            &[("Paul Tremblay", None)],
        ),
        // Words between the names that are no list.
        (
            "Canadian philanthropists Mr. Paul Tremblay, Chairman of Acme Holdings, and Mrs. Anne Roy gave in 2019.",
            &[("Paul Tremblay", Some("CA")), ("Anne Roy", None)],
        ),
    ];
    for (text, expected) in cases {
        let got: Vec<_> = people_of(text, "IS")
            .into_iter()
            .map(|p| (p.name, p.country))
            .collect();
        assert_eq!(got, named(expected), "{text}");
    }
}

#[test]
fn a_titled_name_joined_to_a_states_government_serves_it() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "We are grateful to President Ana Lopez and the Chilean government and people for the aid.",
            Some("CL"),
        ),
        (
            "We thank President Ana Lopez and the people of the region for the aid.",
            None,
        ),
        // The two sides: after "between", or as the subject opening the clause.
        (
            "Talks between President Ana Lopez and the Chilean government ended.",
            None,
        ),
        (
            "President Ana Lopez and the Chilean government agreed to meet.",
            None,
        ),
        // Not the state's government or people.
        (
            "We are grateful to President Ana Lopez and the Chilean delegation.",
            None,
        ),
    ];
    for (text, country) in cases {
        let got: Vec<_> = people_of(text, "IS")
            .into_iter()
            .map(|p| (p.name, p.country))
            .collect();
        assert_eq!(got, named(&[("Ana Lopez", *country)]), "{text}");
    }
}

#[test]
fn the_one_met_is_the_host_of_the_place_of_the_meeting() {
    let trip = "The Secretary will fly to Lima, Peru, on Sunday.";
    let cases: &[(&str, &[Named])] = &[
        // The text places Lima in Peru; the one met there in an office of a state is
        // Peru's, at every mention.
        (
            "In Lima, she will have a meeting with President Rosa Campos. The focus with President Campos will be trade.",
            &[("Rosa Campos", Some("PE")), ("Campos", Some("PE"))],
        ),
        (
            "On Monday she will hold talks with Foreign Minister Rosa Campos in Peru.",
            &[("Rosa Campos", Some("PE"))],
        ),
        // A place the text does not locate.
        (
            "In Springfield, she will have a meeting with President Rosa Campos.",
            &[("Rosa Campos", None)],
        ),
        // A summit's host need not be the host of the one met there.
        (
            "On the sidelines of the summit in Lima, she will have a meeting with President Rosa Campos.",
            &[("Rosa Campos", None)],
        ),
        // An ambassador met in Lima may be anyone's.
        (
            "In Lima, she will have a meeting with Ambassador Rosa Campos.",
            &[("Rosa Campos", None)],
        ),
        // Another state named in the sentence.
        (
            "In Lima, she will have a meeting with President Rosa Campos on Bolivia.",
            &[("Rosa Campos", None)],
        ),
        // Not the one met.
        (
            "In Lima, President Rosa Campos will give a speech.",
            &[("Rosa Campos", None)],
        ),
    ];
    for (body, expected) in cases {
        let text = us_page("Previewing the Trip", &format!("{trip}\n\n{body}"));
        assert_eq!(countries_of(&text), named(expected), "{body}");
    }
}

#[test]
fn the_one_met_is_of_the_one_partner_the_title_names() {
    let body = "The President welcomed Prime Minister Tomas Vidal to Washington on 3 May 2023.";
    let cases: &[(&str, Option<&str>)] = &[
        ("Joint Statement of the United States and Chile", Some("CL")),
        ("Chile and the United States: a Joint Statement", Some("CL")),
        // Two partners, or none: the title does not say.
        ("Joint Statement of the United States, Chile and Peru", None),
        ("A Joint Statement", None),
    ];
    for (title, country) in cases {
        let text = us_page(title, body);
        assert_eq!(
            countries_of(&text),
            named(&[("Tomas Vidal", *country)]),
            "{title}"
        );
    }
    // Not the one met: the title says nothing of them.
    let text = us_page(
        "Joint Statement of the United States and Chile",
        "Prime Minister Tomas Vidal spoke on 3 May 2023.",
    );
    assert_eq!(countries_of(&text), named(&[("Tomas Vidal", None)]));
}

#[test]
fn a_home_official_met_once_in_a_sentence_of_the_home_state() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "President Ana Lopez launched a plan to cut emissions in the United States in 2022.",
            Some("US"),
        ),
        // Another state in the sentence.
        (
            "President Ana Lopez launched a plan with Chile to cut emissions in the United States in 2022.",
            None,
        ),
        // No state in the sentence.
        ("President Ana Lopez launched a plan in 2022.", None),
        // An academic title is no office of a state.
        (
            "Dr. Ana Lopez launched a plan to cut emissions in the United States in 2022.",
            None,
        ),
        // The one met is a guest.
        (
            "The Secretary held a meeting with President Ana Lopez in the United States in 2022.",
            None,
        ),
    ];
    for (body, country) in cases {
        let text = us_page("A Fact Sheet", body);
        assert_eq!(
            countries_of(&text),
            named(&[("Ana Lopez", *country)]),
            "{body}"
        );
    }
}

#[test]
fn an_academic_title_alone_takes_no_state_from_its_paragraph() {
    let text = "CHAPTER TWO\n\nBILATERAL\n\n- *Japan*: Minister for Foreign Affairs Motegi Toshimitsu visited Viet Nam (March 2020). Dr. Ruth Okafor opened a clinic (May 2020).\n";
    let got: Vec<_> = people(text)
        .into_iter()
        .map(|p| (p.name, p.country))
        .collect();
    assert_eq!(
        got,
        named(&[("Motegi Toshimitsu", Some("JP")), ("Ruth Okafor", None)])
    );
}

#[test]
fn india_s_courtesy_words_open_a_name_and_are_no_titles() {
    let text = "Prime Minister Pham Minh Chinh called on President Smt. Droupadi Murmu and met Vice President Shri Jagdeep Dhankhar.";
    assert_eq!(
        summary(&people_of(text, "IN")),
        want(&[
            ("Pham Minh Chinh", &["Prime Minister"], Some("VN")),
            ("Droupadi Murmu", &["President"], None),
            ("Jagdeep Dhankhar", &["Vice President"], None),
        ])
    );
}

/// Each person's name and titles.
fn titled_names(text: &str) -> Vec<(String, Vec<String>)> {
    people(text)
        .into_iter()
        .map(|p| (p.name, p.titles))
        .collect()
}

/// `(name, titles)` pairs as [`titled_names`] gives them.
fn titled(rows: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    rows.iter()
        .map(|(n, t)| (n.to_string(), t.iter().map(|s| s.to_string()).collect()))
        .collect()
}

#[test]
fn a_commissioner_is_an_office() {
    let text =
        "European Commissioner for Trade Maroš Šefčovič met Commissioner Valdis Dombrovskis.";
    assert_eq!(
        titled_names(text),
        titled(&[
            ("Maroš Šefčovič", &["European Commissioner for Trade"]),
            ("Valdis Dombrovskis", &["Commissioner"]),
        ])
    );
}

#[test]
fn short_forms_of_offices_in_news_are_titles() {
    let text = "On March 11, Deputy PM and FM Bui Thanh Son held phone talks with Singaporean Foreign Minister Vivian Balakrishnan.";
    assert_eq!(
        titled_names(text),
        titled(&[
            ("Bui Thanh Son", &["Deputy PM", "FM"]),
            ("Vivian Balakrishnan", &["Singaporean Foreign Minister"]),
        ])
    );
}

#[test]
fn an_apposition_may_join_two_offices_with_and() {
    let text = "Chinese President Xi Jinping held talks with Nguyen Van An, general secretary of the Communist Party of Viet Nam Central Committee and Vietnamese president, in Beijing.";
    let got: Vec<_> = people(text).into_iter().map(|p| p.name).collect();
    assert_eq!(got, ["Xi Jinping", "Nguyen Van An"]);
}
