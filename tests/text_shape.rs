//! Text shapes other than the bluebook's: YAML front matter, hard-wrapped lines,
//! transcripts. Invented examples of each shape.

mod common;

use bluebook::Record;

/// `(type, text)` of every record of the scored types, in order.
fn found(text: &str) -> Vec<(String, String)> {
    common::records_of(text)
        .into_iter()
        .filter(|r| {
            matches!(
                r.type_name(),
                "date" | "person" | "event" | "money" | "percent"
            )
        })
        .map(|r| (r.type_name().to_string(), r.common().text.to_string()))
        .collect()
}

fn has(records: &[(String, String)], kind: &str, text: &str) -> bool {
    records.iter().any(|(k, t)| k == kind && t == text)
}

#[test]
fn front_matter_is_metadata_not_prose() {
    let text = "---\ndate: '2023-03-14'\npublished_time: 2023-03-14 10:00:00-04:00\ntitle: 'Readout of Secretary Ortiz’s Call with Minister Duarte'\nsource_url: https://example.gov/2023/03/14/readout/\n---\n\nSecretary Ortiz spoke with Minister Duarte in October about the port.\n";
    let records = found(text);
    // Nothing from the block: no date from its fields, no person from its title.
    let body = text.find("Secretary Ortiz spoke").unwrap();
    for r in common::records_of(text) {
        if matches!(r.type_name(), "date" | "person" | "event") {
            assert!(
                r.common().span.0 >= body,
                "{r:?} comes from the front matter"
            );
        }
    }
    // Its date sets the year of a bare month: October before March 2023 is 2022's.
    let october = common::records_of(text).into_iter().find_map(|r| match r {
        Record::Date(d) if d.common.text == "October" => Some(d.values),
        _ => None,
    });
    assert_eq!(october, Some(vec!["2022-10".to_string()]));
    assert!(records.iter().all(|(k, _)| k != "event"), "{records:?}");
}

#[test]
fn hard_wrapped_lines_are_rejoined() {
    // Paragraphs wrapped at 73 columns, with a name, an amount and a date cut by the
    // wrap; the record's text keeps the raw line break.
    let text = "On the second day of the visit, the delegation met Prime Minister Jacinda\nArdern and the ministers of trade and of foreign affairs of the island\nstates in the capital.\n\nAt the close of the talks the donors agreed that the fund should get CHF\n18 million from the bank, paid over five years to the towns of the coast.\n\nThe office has been open to visitors from the whole region since October\n2019, and it has served more than a thousand people from the coast.\n";
    let records = found(text);
    assert!(has(&records, "person", "Jacinda\nArdern"), "{records:?}");
    assert!(has(&records, "money", "CHF\n18 million"), "{records:?}");
    assert!(has(&records, "date", "October\n2019"), "{records:?}");
}

#[test]
fn a_number_the_wrap_moved_to_the_line_start_is_not_a_list_item() {
    // The day of a date cut by the wrap lands at a line start as `12. `; it reads as
    // the end of the sentence, while a real numbered list after a colon stays a list.
    let text = "---\ndate: '2024-05-02'\n---\n\nThe two ministers opened the new consulate in the port city on Friday, and\nthe visit follows their first meeting in the capital of the region on March\n12. Later the ministers toured the harbour and spoke to the dock workers.\n\nThe ministers agreed on the following steps for the rest of the year:\n1. a review of the port fees and of the customs rules for the ships;\n2. a meeting of the joint committee in the capital of the region.\n";
    let records = found(text);
    assert!(has(&records, "date", "March\n12"), "{records:?}");
    assert!(
        records
            .iter()
            .any(|(k, t)| k == "event" && t.contains("first meeting") && t.ends_with("March\n12")),
        "{records:?}"
    );
    let doc = bluebook::Document::from_bytes("t.txt", text.as_bytes().to_vec()).unwrap();
    let view = bluebook::View::build(&doc, bluebook::repair::CaptionRules::embedded());
    assert!(
        view.text()
            .contains("steps for the rest of the year:\n1. a review"),
        "{}",
        view.text()
    );
}

#[test]
fn short_lines_and_list_items_are_not_joined() {
    // A dateline and list items keep their own lines, in a wrapped document.
    let text = "Government House\nWellington, New Zealand\n\nThe minister listed the outcomes of the visit to the region, which\nwere agreed by both sides at the end of the second day of talks:\n-   a new air services agreement signed on 4 May 2021 by the two\n    transport ministers of the region;\n-   a fund of NZ$ 5 million for the islands, and a second fund of\n    NZ$ 2 million for the coast, both to be paid in the coming year.\n";
    let records = found(text);
    assert!(has(&records, "date", "4 May 2021"), "{records:?}");
    assert!(has(&records, "money", "NZ$ 5 million"), "{records:?}");
    assert!(has(&records, "money", "NZ$ 2 million"), "{records:?}");
    // The dateline is not glued onto the prose.
    let doc = bluebook::Document::from_bytes("t.txt", text.as_bytes().to_vec()).unwrap();
    let view = bluebook::View::build(&doc, bluebook::repair::CaptionRules::embedded());
    assert!(
        view.text()
            .starts_with("Government House\nWellington, New Zealand\n")
    );
}

#[test]
fn a_run_in_label_is_not_part_of_the_sentence_after_it() {
    // A bold label and a speaker's label each stand apart from what follows.
    let text = "**Energy:** In May 2021, the two sides signed a treaty on power lines.\n\nTHE PRESIDENT: Minister Duarte visited Lima on 3 March 2021.\n";
    let doc = bluebook::Document::from_bytes("t.txt", text.as_bytes().to_vec()).unwrap();
    let sentences: Vec<String> = bluebook::extract(&doc, &bluebook::Config::default())
        .into_iter()
        .filter(|r| r.type_name() == "event")
        .filter_map(|r| r.common().sentence)
        .map(|s| text[s.0..s.1].to_string())
        .collect();
    assert_eq!(
        sentences,
        [
            "In May 2021, the two sides signed a treaty on power lines.",
            "Minister Duarte visited Lima on 3 March 2021."
        ]
    );
}

#[test]
fn a_no_break_space_glues_words_for_the_wrapper() {
    // `Minister\u{a0}Ana\u{a0}Duarte` is one word to a wrapper: the line before it ends
    // short, and still continues into it.
    let text = "The talks in the capital went on for three days, and the delegation met\nthe two sides at the palace, where the Deputy Foreign Minister greeted\nthe delegates from the coast at the gates, with the Prime\nMinister\u{a0}Ana\u{a0}Duarte\u{a0}Rodrigues\u{a0}de\u{a0}Almeida of the islands.\n";
    let records = found(text);
    assert!(
        records
            .iter()
            .any(|(k, t)| k == "person" && t.starts_with("Ana")),
        "{records:?}"
    );
    let people: Vec<bluebook::record::PersonRecord> = common::records_of(text)
        .into_iter()
        .filter_map(|r| match r {
            Record::Person(p) => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(people[0].titles, ["Prime Minister"]);
}
