//! Events: the cases of the issue as a table, what gives no event, and reviewed
//! snapshots of every event of the fixtures.

mod common;

use bluebook::Record;
use bluebook::record::EventRecord;

/// The events of a bluebook-like text, read for Viet Nam as `--home-country VN` does
/// (the snippets do not name their publisher).
fn events(text: &str) -> Vec<EventRecord<'static>> {
    common::records_of_viet_nam(text)
        .into_iter()
        .filter_map(|r| match r {
            Record::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// A text inside a country paragraph of a bilateral chapter, as in a bluebook.
fn in_section(country: &str, body: &str) -> String {
    format!(
        "CHAPTER TWO\n\nBILATERAL DIPLOMATIC ACTIVITIES\n\nI. Bilateral relations with neighboring countries\n\n1. {country}:\n\n{body}\n"
    )
}

fn in_laos(body: &str) -> String {
    in_section("Lao PDR", body)
}

fn names<'a>(e: &'a EventRecord) -> Vec<&'a str> {
    e.participants.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn a_coordinated_date_gives_one_event_with_several_values() {
    let e = events(&in_section(
        "Japan",
        "Prime Minister Nguyen Xuan Phuc had three telephone conversations with Prime Minister Shinzo Abe (March, May and August 2020).",
    ));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].kind, "call");
    assert_eq!(e[0].date.values, ["2020-03", "2020-05", "2020-08"]);
    assert_eq!(names(&e[0]), ["Nguyen Xuan Phuc", "Shinzo Abe"]);
    assert_eq!(e[0].countries, ["JP", "VN"]);
}

#[test]
fn each_bracketed_date_of_a_list_is_its_own_event() {
    let e = events(&in_laos(
        "The two sides arranged telephone conversations between their leaders, including the calls between the two General Secretaries and Presidents (August 2020), Prime Ministers (March and November 2020), Presidents of the National Assembly (May 2020), and Ministers of Defense (September 2020).",
    ));
    let got: Vec<(&str, Vec<String>)> = e
        .iter()
        .map(|e| (e.kind.as_str(), e.date.values.clone()))
        .collect();
    let want = [
        ("call", vec!["2020-08"]),
        ("call", vec!["2020-03", "2020-11"]),
        ("call", vec!["2020-05"]),
        ("call", vec!["2020-09"]),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((k, v), (wk, wv)) in got.iter().zip(want) {
        assert_eq!(
            (*k, v.iter().map(String::as_str).collect::<Vec<_>>()),
            (wk, wv)
        );
    }
    assert!(e.iter().all(|e| e.countries == ["LA", "VN"]), "{e:#?}");
}

#[test]
fn participants_named_earlier_belong_to_each_item() {
    let e = events(&in_laos(
        "From Laos to Viet Nam, there were the visits by Prime Minister Thongloun Sisoulith for the 42nd Meeting of the Inter-Governmental Committee (January and December 2020), for work purposes (July 2020) and for the funeral of former General Secretary Le Kha Phieu (August 2020).",
    ));
    assert_eq!(e.len(), 3, "{e:#?}");
    for ev in &e {
        assert_eq!(ev.kind, "visit");
        assert_eq!(
            names(ev),
            ["Thongloun Sisoulith"],
            "the one honoured at a funeral does not take part"
        );
    }
    assert_eq!(e[1].date.values, ["2020-07"]);
}

#[test]
fn a_photo_caption_is_an_event_with_its_place() {
    let text = in_laos(
        "Trade grew.\n\nGeneral Secretary, President Nguyen Phu Trong meeting with Prime Minister of Japan Suga Yoshihide during his official visit to Viet Nam (Hanoi, 19 October 2020) - The World and Viet Nam Report",
    );
    let e = events(&text);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].common.aside, Some(bluebook::record::Aside::Caption));
    assert_eq!(e[0].location.as_deref(), Some("Hanoi"));
    assert_eq!(e[0].date.values, ["2020-10-19"]);
    assert_eq!(names(&e[0]), ["Nguyen Phu Trong", "Suga Yoshihide"]);
}

#[test]
fn a_date_that_dates_no_action_gives_no_event() {
    for body in [
        "Regarding trade, by the end of October 2020, trade volume between Viet Nam and Latin American countries amounted to US$ 4 billion.",
        "The two-way trade turnover between Viet Nam and Laos in 2020 reached US$ 1.3 billion.",
        "The two countries celebrated the 70th anniversary of diplomatic relations (18 January 1950 - 18 January 2020) with exhibitions.",
    ] {
        assert_eq!(events(&in_laos(body)).len(), 0, "{body}");
    }
}

#[test]
fn a_day_whose_year_is_unknown_dates_its_event_and_a_recurring_day_none() {
    // An article without a date of its own (no date line, no year in its title).
    let e = events(
        "Ministers meet in Canberra\n\nOn March 6, Prime Minister Pham Minh Chinh held talks with Prime Minister Anthony Albanese.\n",
    );
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].kind.as_str(), e[0].date.values.as_slice()),
        ("meeting", &["--03-06".to_string()][..])
    );
    assert_eq!(names(&e[0]), ["Pham Minh Chinh", "Anthony Albanese"]);
    // A news dateline opening the paragraph is no part of the clause, and its date
    // dates the article, not the talks.
    for text in [
        "Ministers meet in Canberra\n\nCanberra (VNA) – On March 6, Prime Minister Pham Minh Chinh held talks with Prime Minister Anthony Albanese.\n",
        "Ministers meet in Canberra\n\nCANBERRA, March 7, 2024 - On March 6, Prime Minister Pham Minh Chinh held talks with Prime Minister Anthony Albanese.\n",
    ] {
        let e = events(text);
        assert_eq!(e.len(), 1, "{text}");
        assert_eq!(e[0].kind, "meeting");
        assert!(e[0].date.values[0].ends_with("03-06"), "{:?}", e[0].date);
        assert!(
            e[0].common.text.starts_with("March 6, Prime"),
            "{}",
            e[0].common.text
        );
    }
    // A day that recurs every year names the day, not an act.
    let e = events(&in_laos(
        "The two countries welcomed the Resolution to declare December 27 as the International Day of Epidemic Preparedness.",
    ));
    assert_eq!(e.len(), 0);
}

#[test]
fn a_date_that_opens_a_clause_dates_what_follows() {
    let e = events(&in_laos(
        "On 12 February 2020, the European Parliament officially ratified the Free Trade Agreement.",
    ));
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].kind.as_str(), e[0].date.values.as_slice()),
        ("signing", &["2020-02-12".to_string()][..])
    );
}

#[test]
fn the_people_of_an_object_after_the_closing_date_take_part() {
    let e = events(&in_section(
        "Thailand",
        "Prime Minister Pham Minh Chinh hosted a reception in Hanoi on 12 March 2025 for visiting Thai Foreign Minister Maris Sangiampongsa, who was on an official visit.",
    ));
    assert_eq!(e.len(), 1);
    // The object's own words (`visiting`) name no action of the clause.
    assert_eq!(e[0].kind.as_str(), "meeting");
    assert_eq!(names(&e[0]), ["Pham Minh Chinh", "Maris Sangiampongsa"]);
    assert!(
        e[0].common
            .text
            .ends_with("for visiting Thai Foreign Minister Maris Sangiampongsa")
    );
    // No one named after the date: the clause ends with it.
    let e = events(&in_section(
        "Thailand",
        "Prime Minister Pham Minh Chinh will depart on 12 March 2025 for Thailand.",
    ));
    assert!(e[0].common.text.ends_with("12 March 2025"));
}

#[test]
fn a_speakers_label_is_no_participant() {
    let text = "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference\n\nMao Ning: At the invitation of President Vo Van Thuong, President Xi Jinping will pay a state visit to Viet Nam from 12 to 13 December 2023.\n";
    let e = events(text);
    assert_eq!(e.len(), 1);
    assert_eq!(names(&e[0]), ["Vo Van Thuong", "Xi Jinping"]);
}

#[test]
fn a_period_inside_the_sentence_does_not_end_the_clause_a_date_opens() {
    let e = events(&in_section(
        "Japan",
        "On 27 November 2023, Mr. Kishida Fumio, Prime Minister of Japan, held a summit meeting with H.E. Mr. Vo Van Thuong, President of Viet Nam.",
    ));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].kind.as_str(), "summit");
    assert_eq!(names(&e[0]), ["Kishida Fumio", "Vo Van Thuong"]);
    assert_eq!(
        e[0].common.text,
        "27 November 2023, Mr. Kishida Fumio, Prime Minister of Japan, held a summit meeting with H.E. Mr. Vo Van Thuong, President of Viet Nam"
    );
}

/// One line per event, for the reviewed snapshots.
fn render(name: &str) -> String {
    let (_, records) = common::records(name);
    let mut out = String::new();
    for r in records {
        if let Record::Event(e) = r {
            out.push_str(&format!(
                "{} | {} | {} | {} | {} | {} | {}\n",
                e.kind,
                e.date.values.join(","),
                names(&e).join("; "),
                e.countries.join(","),
                e.orgs.join(","),
                e.location.as_deref().unwrap_or("-"),
                e.common
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .take(110)
                    .collect::<String>()
            ));
        }
    }
    out
}

#[test]
fn events_of_each_fixture() {
    for name in common::FIXTURES {
        insta::assert_snapshot!(format!("events-{}", name.replace(".txt", "")), render(name));
    }
}

#[test]
fn the_bluebook_timeline_covers_every_month_of_2020() {
    let (_, records) = common::records("diplomatic-bluebook-2020.txt");
    for month in 1..=12 {
        let prefix = format!("2020-{month:02}");
        let n = records.iter().filter(|r| matches!(r, Record::Event(e) if e.date.values.iter().any(|v| v.starts_with(&prefix)))).count();
        assert!(n >= 5, "{prefix}: only {n} events");
    }
}

/// `(kind, date values, text)` of the events of a text read as it comes (its home
/// state read from it).
fn kinds(text: &str) -> Vec<(String, Vec<String>, String)> {
    common::records_of(text)
        .into_iter()
        .filter_map(|r| match r {
            Record::Event(e) => Some((
                e.kind.as_str().to_string(),
                e.date.values,
                e.common.text.into_owned(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn trigger_words_match_in_any_case_and_inflection() {
    let cases = [
        (
            "The Minister Receives the Envoy of Chile on 3 March 2021.",
            "meeting",
        ),
        (
            "The council convened in Geneva on 3 March 2021.",
            "conference",
        ),
        (
            "Both navies patrolled the strait together on 3 March 2021.",
            "conference",
        ),
        (
            "The two sides HOLD TALKS in Lima on 3 March 2021.",
            "meeting",
        ),
        (
            "The minister headed a business mission to Kenya on 3 March 2021.",
            "visit",
        ),
        (
            "The agency launched a fund for the delta on 3 March 2021.",
            "ceremony",
        ),
        (
            "The two sides held a telephone call on 3 March 2021.",
            "call",
        ),
        // Phone talks are a call, though `talks` alone is a meeting.
        (
            "The two ministers held phone talks on 3 March 2021.",
            "call",
        ),
        (
            "The minister talked over the phone with his counterpart on 3 March 2021.",
            "call",
        ),
        (
            "Chile and Peru released a joint statement on 3 March 2021.",
            "other",
        ),
        (
            "The minister will depart for Lima on 3 March 2021.",
            "visit",
        ),
        // A meeting of a council or committee is its session: a conference.
        (
            "The two sides held a meeting of the U.S.-Chile Trade Council in Lima on 3 March 2021.",
            "conference",
        ),
        // A courtesy call is paid in person: a meeting, not a call.
        (
            "The ambassador paid a courtesy call on the minister in Lima on 3 March 2021.",
            "meeting",
        ),
        (
            "The ambassador presented his credentials to the President on 3 March 2021.",
            "ceremony",
        ),
        // A word inside a longer phrase is the phrase's: a working group's meeting.
        (
            "The working group meeting opened in Lima on 3 March 2021.",
            "conference",
        ),
    ];
    for (text, kind) in cases {
        let got = kinds(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, kind, "{text}");
    }
}

#[test]
fn a_date_dates_its_clause_after_a_lead_in_or_a_label() {
    for text in [
        "On the morning of 4 July 2021, the two ministers signed a treaty on fisheries.",
        "On the sidelines of the summit on 12 May 2021, the leaders signed a treaty.",
        "Energy: In May 2021, the two sides signed a treaty on power lines.",
    ] {
        let got = kinds(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, "signing", "{text}");
        assert!(got[0].2.contains("signed"), "{got:?}");
    }
}

#[test]
fn a_date_before_the_action_it_names_dates_it() {
    let got = kinds(
        "The ministers praised the June 27 signing of a fisheries accord, which has helped both coasts, and the 2019 declaration of a partnership.",
    );
    let got: Vec<(&str, &str)> = got
        .iter()
        .map(|(k, _, t)| (k.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("signing", "June 27 signing of a fisheries accord"),
            ("other", "2019 declaration of a partnership")
        ]
    );
}

#[test]
fn a_year_dates_only_the_action_written_with_it() {
    // A year closing the words of an action dates it; a year opening a report's
    // sentence, or one after a figure, does not.
    let got = kinds("The two navies held joint exercises in 2019 and patrols in 2020.");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1, ["2019"]);
    assert_eq!(got[1].1, ["2020"]);
    assert!(kinds("In 2020, the two sides held talks and signed many accords.").is_empty());
    // A year in words closing its sentence dates the action the sentence names.
    let got = kinds(
        "---\ndate: 2023-03-14\n---\n\nThe two sides plan to hold a joint commission in Lima later this year.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "conference");
    // A year before a clause is not a modifier of its verb.
    let got =
        kinds("It builds on the fisheries accord signed in 2005 that entered into force in 2006.");
    let got: Vec<(&str, &str)> = got
        .iter()
        .map(|(k, v, _)| (k.as_str(), v[0].as_str()))
        .collect();
    assert_eq!(got, [("signing", "2005"), ("signing", "2006")]);
    assert!(kinds("The city welcomed 3.8 million tourists in 2020.").is_empty());
}

#[test]
fn welcomed_names_a_meeting_only_when_nothing_else_names_the_action() {
    let got = kinds("The two leaders welcomed the announcement of a new fund on 3 March 2021.");
    assert_eq!(got[0].0, "other", "{got:?}");
    let got = kinds("The minister welcomed the envoy of Chile on 3 March 2021.");
    assert_eq!(got[0].0, "meeting", "{got:?}");
    // Welcomed to a place: the guest came.
    let got = kinds("The minister welcomed the envoy of Chile to Lima on 3 March 2021.");
    assert_eq!(got[0].0, "visit", "{got:?}");
}

#[test]
fn an_office_named_with_the_and_no_holder_is_the_home_states() {
    let text = "---\nsource_url: https://www.example.gov/briefing/\n---\n\nOn 18 November 2022, the Vice President will hold talks with Prime Minister Lee in Lima. The United States and Peru agree.\n";
    let doc = bluebook::Document::from_bytes("t.txt", text.as_bytes().to_vec()).unwrap();
    let events: Vec<EventRecord> = bluebook::extract(&doc, &bluebook::Config::default())
        .into_iter()
        .filter_map(|r| match r {
            Record::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        events[0].countries.contains(&"US".to_string()),
        "{events:?}"
    );
}

/// The events of a text with a document date, read for the state `home`.
fn events_dated(date: &str, body: &str) -> Vec<EventRecord<'static>> {
    let text = format!("---\ndate: '{date}'\n---\n\n{body}\n");
    let doc = bluebook::Document::from_bytes("t.txt", text.into_bytes()).expect("document");
    let config = bluebook::Config::default()
        .with_home_country("CL")
        .expect("a country");
    bluebook::extract(&doc, &config)
        .into_iter()
        .filter_map(|r| match r {
            Record::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn kinds_and_dates(events: &[EventRecord]) -> Vec<(String, Vec<String>)> {
    events
        .iter()
        .map(|e| (e.kind.to_string(), e.date.values.clone()))
        .collect()
}

#[test]
fn a_year_opening_a_gathering_s_name_dates_it() {
    let e = events_dated(
        "2023-05-04",
        "The two presidents pledged to carry out the declaration of the 2016 U.K.-Chile Santiago Summit.",
    );
    assert_eq!(
        kinds_and_dates(&e),
        [("summit".to_string(), vec!["2016".to_string()])]
    );
    assert!(
        e[0].common
            .text
            .starts_with("2016 U.K.-Chile Santiago Summit")
    );
    // A year before a word the action word only qualifies dates no action.
    let e = events_dated(
        "2023-05-04",
        "The ministers prepared for the kingdom’s 2024 host year of the regional forum.",
    );
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn an_action_last_held_in_a_year_is_dated_by_it() {
    let e = events_dated(
        "2023-05-04",
        "Both navies agreed to resume the joint TIDEWATER naval exercise, last held in 2015.",
    );
    assert_eq!(
        kinds_and_dates(&e),
        [("conference".to_string(), vec!["2015".to_string()])]
    );
    // Another verb between the action and the year: the year is not the action's.
    let e = events_dated(
        "2023-05-04",
        "Both navies agreed to resume the joint exercise, and trade grew in 2015.",
    );
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn the_end_of_the_year_dates_what_is_to_be_done_by_then() {
    let e = events_dated(
        "2023-05-04",
        "The two governments will draft a work plan, to be adopted by the Joint Council before the end of the year.",
    );
    assert_eq!(
        kinds_and_dates(&e),
        [("signing".to_string(), vec!["2023-12".to_string()])]
    );
    // After `by`, a figure's date: no event.
    let e = events_dated(
        "2023-05-04",
        "By the end of the year, the fund had signed up 400 firms.",
    );
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn the_date_of_a_numbered_instrument_dates_no_action() {
    let e = events_dated(
        "2023-05-04",
        "The tariff will be provided under Executive Order 10101 of March 3, 2023, to all goods.",
    );
    assert!(e.is_empty(), "{e:?}");
    let e = events_dated(
        "2023-05-04",
        "The two ministers signed the port agreement on March 3, 2023.",
    );
    assert_eq!(
        kinds_and_dates(&e),
        [("signing".to_string(), vec!["2023-03-03".to_string()])]
    );
}

#[test]
fn the_two_leaders_own_action_is_the_one_a_date_closing_it_dates() {
    let e = events_dated(
        "2023-05-04",
        "President Ana Ruiz of Chile received Prime Minister Tom Hale of New Zealand for a state visit on April 20. The visit was hosted in Valparaiso and follows the two leaders’ first meeting in Santiago on March 2.",
    );
    let march: Vec<&EventRecord> = e
        .iter()
        .filter(|e| e.date.values == ["2023-03-02"])
        .collect();
    assert_eq!(march.len(), 1, "{e:?}");
    assert_eq!(march[0].kind.to_string(), "meeting");
    assert!(
        march[0]
            .common
            .text
            .starts_with("the two leaders’ first meeting")
    );
    assert_eq!(names(march[0]), ["Ana Ruiz", "Tom Hale"]);
    // The two leaders welcoming what others did: the partner from the rest of the
    // sentence, and no participants read into it.
    let e = events_dated(
        "2023-05-04",
        "The two leaders welcomed the announcement in March by Peruvian firms of new investments.",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].countries, ["CL", "PE"]);
    assert!(e[0].participants.is_empty());
}

#[test]
fn two_actions_in_a_row_on_one_date_are_two_events() {
    let e = events_dated(
        "2023-05-04",
        "On Monday, the 8th of May, in Lima, the Minister will have a meeting with Vice President Ana Soto of Peru and then a longer bilateral meeting with President Luis Vega of Peru.",
    );
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(names(&e[0]), ["Ana Soto"]);
    assert_eq!(names(&e[1]), ["Luis Vega"]);
    assert!(e[1].common.text.starts_with("a longer bilateral meeting"));
    assert!(e.iter().all(|e| e.date.values == ["2023-05-08"]));
    // The home state's office meeting a foreign leader: both states take part.
    assert_eq!(e[0].countries, ["CL", "PE"]);
    // One action with two people: one event.
    let e = events_dated(
        "2023-05-04",
        "On Monday, the 8th of May, the Minister met Vice President Ana Soto and President Luis Vega of Peru.",
    );
    assert_eq!(e.len(), 1, "{e:?}");
}

#[test]
fn funds_committed_with_their_amount_are_aid_dated_by_the_years_that_follow() {
    // A funds verb and its amount, then the year or the years of the commitment.
    let e = events_dated(
        "2024-09-21",
        "Norway has committed roughly $40 million from FY2020 to FY2024 in the region to clean water.",
    );
    assert_eq!(
        kinds_and_dates(&e),
        [("aid".to_string(), vec!["2020/2024".to_string()])]
    );
    // The giver acting alone in its own section gives with no home state.
    let e = events_dated(
        "2024-09-21",
        "**Norway**\n\nNorway has committed roughly $40 million from FY2020 to FY2024 in the region to clean water.",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].countries, ["NO"]);
    let e = events_dated(
        "2023-05-04",
        "The development agency plans to invest an initial $9 million in the water compact this year.",
    );
    assert_eq!(
        kinds_and_dates(&e),
        [("aid".to_string(), vec!["2023".to_string()])]
    );
    let e = events_dated(
        "2023-05-04",
        "The fund will contribute 3 million euros to the programme in 2024.",
    );
    assert_eq!(
        kinds_and_dates(&e),
        [("aid".to_string(), vec!["2024".to_string()])]
    );
    // Without an amount a funds verb names no action, and a span of years no event.
    for text in [
        "Both governments remain committed to open markets in 2024.",
        "The two countries committed to free trade from 2019 to 2023.",
        "The firm invested heavily in the region in 2022.",
    ] {
        let e = events_dated("2024-09-21", text);
        assert!(e.is_empty(), "{text}: {e:?}");
    }
}

#[test]
fn a_trip_goes_to_the_states_named_after_its_date() {
    let e = events_dated(
        "2023-05-04",
        "The Foreign Minister will depart on Monday, May 8, for Peru and the Dominican Republic.",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].kind.to_string(), "visit");
    assert_eq!(e[0].countries, ["CL", "DO", "PE"]);
    // A state named after another word is not a destination.
    let e = events_dated(
        "2023-05-04",
        "The Foreign Minister will depart on Monday, May 8, to discuss trade with Peru.",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].countries, ["CL"]);
}

#[test]
fn an_action_before_the_two_leaders_of_its_sentence_is_theirs() {
    let e = events_dated(
        "2023-05-04",
        "President Ana Ruiz of Chile spoke with Prime Minister Tom Hale of New Zealand. Building on the March 2023 meeting in Auckland, the two leaders agreed to expand trade.",
    );
    let march: Vec<&EventRecord> = e.iter().filter(|e| e.date.values == ["2023-03"]).collect();
    assert_eq!(march.len(), 1, "{e:?}");
    assert_eq!(names(march[0]), ["Ana Ruiz", "Tom Hale"]);
    assert_eq!(march[0].countries, ["CL", "NZ"]);
}
