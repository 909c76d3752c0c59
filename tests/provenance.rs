//! Every record of every fixture points at real input bytes: `text == raw[span]`, its
//! sentence holds its start, and records come in document order.

mod common;

use common::{FIXTURES, records};

#[test]
fn text_is_exactly_the_raw_bytes_of_span() {
    for name in FIXTURES {
        let (doc, records) = records(name);
        assert!(!records.is_empty(), "{name}: no records");
        for r in &records {
            let c = r.common();
            let raw = &doc.raw()[c.span.0..c.span.1];
            assert_eq!(c.text.as_bytes(), raw, "{name}: {r:?}");
            assert!(c.span.0 < c.span.1, "{name}: empty span {r:?}");
        }
    }
}

/// The records whose reading depends on their sentence carry it; mentions of countries
/// and organizations, headings and footnotes do not.
#[test]
fn the_sentence_of_a_record_holds_its_start() {
    for name in FIXTURES {
        let (_, records) = records(name);
        for r in &records {
            let c = r.common();
            let carries = !matches!(
                r.type_name(),
                "country" | "organization" | "section" | "footnote"
            );
            assert_eq!(c.sentence.is_some(), carries, "{name}: {r:?}");
            let Some(s) = c.sentence else { continue };
            assert!(
                s.0 <= c.span.0 && c.span.0 < s.1,
                "{name}: sentence {s:?} does not hold {r:?}"
            );
        }
    }
}

#[test]
fn records_come_in_document_order_and_the_same_every_time() {
    for name in FIXTURES {
        let (_, first) = records(name);
        let (_, second) = records(name);
        assert_eq!(first, second, "{name}: output differs between runs");
        assert!(
            first
                .windows(2)
                .all(|w| w[0].common().span <= w[1].common().span),
            "{name}: not in document order"
        );
    }
}

#[test]
fn a_record_rejoined_across_a_page_break_spans_the_break() {
    // An item heading whose opening sentence runs over a page break and a caption.
    let text = "CHAPTER ONE\n\nTITLE\n\n1. Cooperation with partners was sustained and\n\n\n\nA leader meeting a guest (Hanoi, 4 May 2020) - VNA\n\nexpanded across the board. It grew.\n";
    let records = common::records_of(text);
    let item = records
        .iter()
        .find(|r| r.type_name() == "section" && r.common().text.starts_with("1."))
        .expect("item");
    assert!(
        item.common().text.contains("- VNA"),
        "the span covers the raw bytes in between: {:?}",
        item.common().text
    );
    assert!(item.common().text.ends_with("across the board."));
}
