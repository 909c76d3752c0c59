//! The home state: read from the document (its front-matter address, else the state
//! of the news agency its dateline names, else the state its prose names most) or
//! given with `--home-country`. Invented examples.

mod common;

use bluebook::{Config, Document, Record};

fn money_directions(text: &str, config: &Config) -> Vec<(Option<String>, Option<String>)> {
    let doc = Document::from_bytes("t.txt", text.as_bytes().to_vec()).unwrap();
    bluebook::extract(&doc, config)
        .into_iter()
        .filter_map(|r| match r {
            Record::Money(m) => m.direction.map(|d| (d.from, d.to)),
            _ => None,
        })
        .collect()
}

const AID: &str = "Fiji received a grant of US$ 5 million in 2021. Fiji and Samoa thanked Fiji's partners; Fiji will report on it.\n";

#[test]
fn the_home_state_completes_a_flow() {
    // Read for Australia, the grant to Fiji comes from Australia.
    let au = Config::default().with_home_country("au").unwrap();
    assert_eq!(
        money_directions(AID, &au),
        [(Some("AU".to_string()), Some("FJ".to_string()))]
    );
    // A front-matter address on a New Zealand domain makes it New Zealand's.
    let text = format!("---\nsource_url: https://www.mfat.govt.nz/en/media/\n---\n\n{AID}");
    assert_eq!(
        money_directions(&text, &Config::default()),
        [(Some("NZ".to_string()), Some("FJ".to_string()))]
    );
}

#[test]
fn a_state_news_agency_in_the_dateline_tells_the_home_state() {
    // The text names Fiji most; a dateline naming Viet Nam's news agency makes it
    // Viet Nam's, so the grant to Fiji comes from Viet Nam.
    let text = format!("Suva (VNA) – {AID}");
    assert_eq!(
        money_directions(&text, &Config::default()),
        [(Some("VN".to_string()), Some("FJ".to_string()))]
    );
    // An international agency speaks for no state: the prose decides (Fiji, named
    // most, gives no flow to itself).
    let text = format!("SUVA (Reuters) - {AID}");
    assert_eq!(
        money_directions(&text, &Config::default()),
        money_directions(AID, &Config::default())
    );
}

#[test]
fn an_unknown_code_is_refused() {
    assert!(Config::default().with_home_country("XX").is_err());
    let out = common::bluebook(&["extract", "--home-country", "XX", "-"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("\"XX\""), "{stderr}");
}
