//! Country and organization mentions: the glossary's own acronyms, and reviewed
//! snapshots of every distinct mention (text, code) of the fixtures with its count.

mod common;

use bluebook::Record;
use std::collections::BTreeMap;

#[test]
fn the_glossary_adds_bodies_not_notions() {
    let text = "GLOSSARY OF ACRONYMS\n\nZZAM\tZedland Assembly Meeting\nFDI\tForeign Direct Investment\n\nCHAPTER ONE\n\nTITLE\n\nThe ZZAM discussed FDI flows with ASEAN.\n";
    let orgs: Vec<(String, Option<String>)> = common::records_of(text)
        .into_iter()
        .filter_map(|r| match r {
            Record::Organization(o) => {
                Some((o.common.text.into_owned(), o.acronym.map(|a| a.to_string())))
            }
            _ => None,
        })
        .collect();
    let in_body: Vec<&str> = orgs.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        in_body.contains(&"ZZAM") && in_body.contains(&"ASEAN"),
        "{orgs:?}"
    );
    assert!(
        !in_body.contains(&"FDI"),
        "a notion is not an organization: {orgs:?}"
    );
}

fn render(name: &str) -> String {
    let (_, records) = common::records(name);
    let mut seen: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for r in records {
        let key = match r {
            Record::Country(c) => ("country".to_string(), c.common.text, c.code.to_string()),
            Record::Organization(o) => (
                "organization".to_string(),
                o.common.text,
                o.acronym.unwrap_or_else(|| o.name.clone()).to_string(),
            ),
            _ => continue,
        };
        let key = (
            key.0,
            key.1.split_whitespace().collect::<Vec<_>>().join(" "),
            key.2,
        );
        *seen.entry(key).or_default() += 1;
    }
    seen.into_iter()
        .map(|((t, text, code), n)| format!("{t} | {text} | {code} | {n}\n"))
        .collect()
}

#[test]
fn country_and_organization_mentions_of_each_fixture() {
    for name in common::FIXTURES {
        insta::assert_snapshot!(
            format!("mentions-{}", name.replace(".txt", "")),
            render(name)
        );
    }
}
