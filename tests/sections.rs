//! The section tree: a reviewed snapshot of each fixture's outline, and checks that
//! do not trust the snapshot — against the document's own table of contents, against
//! an independent scan of the raw lines, and a table of Chapter Two's country topics.

mod common;

use bluebook::record::{Record, SectionRecord};
use bluebook::repair::LineKind;
use bluebook::sections::SectionKind;
use bluebook::{Analysis, Config};
use common::{read, records};

fn sections(name: &str) -> Vec<SectionRecord<'static>> {
    records(name)
        .1
        .into_iter()
        .filter_map(|r| match r {
            Record::Section(s) => Some(s),
            _ => None,
        })
        .collect()
}

/// The 1-based input line where a span starts.
/// A section's heading: the last title of its path.
fn heading<'a>(s: &'a SectionRecord) -> &'a str {
    s.path.last().map_or("", String::as_str)
}

fn line_of(raw: &[u8], at: usize) -> usize {
    raw[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

#[test]
fn outline_of_each_fixture() {
    for name in common::FIXTURES {
        let doc = read(name);
        let config = Config::default();
        let outline = Analysis::new(&doc, &config).outline();
        insta::assert_snapshot!(name.replace(".txt", ""), outline);
    }
}

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
fn every_chapter_and_part_of_the_table_of_contents_is_found() {
    let doc = read("diplomatic-bluebook-2020.txt");
    let config = Config::default();
    let analysis = Analysis::new(&doc, &config);
    let found: Vec<String> = analysis
        .sections
        .all()
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Chapter | SectionKind::Part))
        .map(|s| {
            normalize(&format!(
                "{} {}",
                s.number.as_deref().unwrap_or(""),
                s.title
            ))
        })
        .collect();
    let text = analysis.view.text();
    let mut entries = 0;
    for line in analysis
        .view
        .lines()
        .iter()
        .filter(|l| l.kind == LineKind::Toc)
    {
        let entry = text[line.range.clone()].trim_start_matches("- ");
        // "CHAPTER ONE THE ... 11", "I. The global ... 11": drop the page number.
        let entry = match entry.rsplit_once(char::is_whitespace) {
            Some((head, page)) if page.bytes().all(|b| b.is_ascii_digit()) => head,
            _ => entry,
        };
        let entry = entry
            .strip_prefix("CHAPTER ")
            .unwrap_or(entry)
            .replacen('.', "", 1);
        let is_heading =
            entry.starts_with(['I', 'V', 'X']) || text[line.range.clone()].starts_with("CHAPTER");
        if !is_heading {
            continue;
        }
        entries += 1;
        let want = normalize(&entry);
        assert!(
            found.contains(&want),
            "table of contents entry not found as a heading: {want:?}\nfound: {found:#?}"
        );
    }
    assert_eq!(
        entries, 19,
        "5 chapters and 14 parts in the table of contents"
    );
}

#[test]
fn every_numbered_line_is_an_item_at_its_own_line_and_no_toc_line_is_a_heading() {
    let doc = read("diplomatic-bluebook-2020.txt");
    let raw = std::str::from_utf8(doc.raw()).expect("utf-8 fixture");
    let toc_end = raw.find("\nFOREWORD\n").expect("foreword heading");
    // An independent scan: body lines opening with "N. ".
    let numbered: Vec<usize> = raw
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let digits = l.bytes().take_while(u8::is_ascii_digit).count();
            (1..=2).contains(&digits) && l[digits..].starts_with(". ")
        })
        .map(|(i, _)| i + 1)
        .filter(|&n| n > line_of(doc.raw(), toc_end))
        .collect();
    let items: Vec<usize> = sections("diplomatic-bluebook-2020.txt")
        .iter()
        .filter(|s| s.kind == SectionKind::Item)
        .map(|s| line_of(doc.raw(), s.common.span.0))
        .collect();
    assert_eq!(items, numbered);
    for s in sections("diplomatic-bluebook-2020.txt") {
        let at = s.common.span.0;
        let line_start = raw[..at].rfind('\n').map_or(0, |p| p + 1);
        let line = &raw[line_start..];
        if let Some(n) = &s.number {
            let written = line.trim_start_matches("- ");
            assert!(
                written.starts_with(&format!("CHAPTER {n}"))
                    || written.starts_with(&format!("{n}."))
                    || written.starts_with(&format!("{n})")),
                "{n} at line {:?}",
                &line[..40.min(line.len())]
            );
        }
        assert!(
            at > toc_end || heading(&s) == "TABLE OF CONTENTS" || s.kind == SectionKind::TitlePage,
            "heading inside the table of contents: {}",
            heading(&s)
        );
    }
}

#[test]
fn country_paragraphs_of_chapter_two_are_topics_under_the_right_part_and_item() {
    let chapter = "BILATERAL DIPLOMATIC ACTIVITIES";
    let part_one = "Bilateral relations with neighboring and ASEAN countries";
    let part_two = "Bilateral relations with other partners";
    let table: &[(&str, &str, &str)] = &[
        ("Brunei", part_one, "Other ASEAN Member States"),
        ("Indonesia", part_one, "Other ASEAN Member States"),
        ("Malaysia", part_one, "Other ASEAN Member States"),
        ("Myanmar", part_one, "Other ASEAN Member States"),
        ("The Philippines", part_one, "Other ASEAN Member States"),
        ("Singapore", part_one, "Other ASEAN Member States"),
        ("Thailand", part_one, "Other ASEAN Member States"),
        ("Japan", part_two, "The Asia - Pacific"),
        (
            "The Republic of Korea (ROK)",
            part_two,
            "The Asia - Pacific",
        ),
        ("India", part_two, "The Asia - Pacific"),
        ("Australia", part_two, "The Asia - Pacific"),
        ("New Zealand", part_two, "The Asia - Pacific"),
        ("Other Asian countries", part_two, "The Asia - Pacific"),
        ("The Russian Federation", part_two, "Europe"),
        ("The European Union (EU)", part_two, "Europe"),
        ("other European countries", part_two, "Europe"),
        (
            "Viet Nam - Germany Strategic Partnership",
            part_two,
            "Europe",
        ),
        ("Viet Nam - United Kingdom (UK)", part_two, "Europe"),
        ("Viet Nam - France", part_two, "Europe"),
        ("The United States (U.S.)", part_two, "The Americas"),
        ("Canada", part_two, "The Americas"),
        ("Cuba", part_two, "The Americas"),
    ];
    let all = sections("diplomatic-bluebook-2020.txt");
    for (title, part, item) in table {
        let s = all
            .iter()
            .find(|s| heading(s) == *title)
            .unwrap_or_else(|| panic!("no topic {title}"));
        assert_eq!((s.level, s.kind), (4, SectionKind::Topic), "{title}");
        assert_eq!(s.path, [chapter, part, item, title], "{title}");
    }
    for (n, country) in [("1", "Lao PDR"), ("2", "Cambodia"), ("3", "China")] {
        let s = all.iter().find(|s| heading(s) == country).expect(country);
        assert_eq!((s.level, s.number.as_deref()), (3, Some(n)));
        assert_eq!(s.path, [chapter, part_one, country]);
    }
}

#[test]
fn the_source_numbering_slip_is_kept_as_written() {
    let all = sections("diplomatic-bluebook-2020.txt");
    let part = "Overseas Vietnamese-related activities and citizens and legal persons protection";
    let numbers: Vec<&str> = all
        .iter()
        .filter(|s| s.kind == SectionKind::Item && s.path.get(1).is_some_and(|p| p == part))
        .filter_map(|s| s.number.as_deref())
        .collect();
    assert_eq!(numbers, ["1", "2", "2"]);
}

#[test]
fn articles_get_headline_cross_heads_and_questions() {
    let interview = sections("vbf-interview-2021.txt");
    assert_eq!(interview[0].kind, SectionKind::Headline);
    assert_eq!(
        interview
            .iter()
            .filter(|s| s.kind == SectionKind::Question)
            .count(),
        5
    );
    let review = sections("communist-review-2021.txt");
    assert_eq!(review[0].kind, SectionKind::Headline);
    let heads: Vec<&str> = review
        .iter()
        .filter(|s| s.kind == SectionKind::CrossHead)
        .map(heading)
        .collect();
    assert_eq!(
        heads,
        [
            "Global fast and complex developments",
            "Viet Nam's diplomatic highlights in 2021",
            "Building Viet Nam's comprehensive and modern diplomacy for national development and national defense in the new period"
        ]
    );
}
