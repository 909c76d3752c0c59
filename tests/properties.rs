//! Properties over generated text: no input makes extraction panic, every record's
//! `text` is exactly the input bytes of its `span`, and spans start and end on
//! character boundaries. Inputs mix the pieces that the stages react to (headings,
//! titles, names, dates, amounts, captions, footnote markers, markdown, page breaks)
//! with arbitrary characters, multi-byte ones among them, and arbitrary bytes. Every
//! record's JSON line is what `serde_json` writes from its type.

use bluebook::{Config, Document, extract, write_record};
use proptest::prelude::*;

/// Pieces of diplomatic prose and PDF-to-text residue, and characters that stress
/// byte offsets.
const PIECES: &[&str] = &[
    "CHAPTER ONE",
    "CHAPTER II",
    "I. ",
    "1. ",
    "a) ",
    "- *Japan:* ",
    "**Energy:** ",
    "Prime Minister ",
    "Minister of Foreign Affairs ",
    "President ",
    "Nguyễn Xuân Phúc",
    "Shinzo Abe",
    "Viet Nam",
    "the ROK",
    "ASEAN",
    "the European Union",
    "Lao PDR",
    " visited ",
    " met ",
    " held talks with ",
    " signed ",
    " telephone conversation ",
    "on 12 February 2020",
    "(Hanoi, 4-6 December 2020) - VNA",
    "March, May and August 2020",
    "in November",
    "2019-2020",
    "3/4/2020",
    "US\\$ 1.3",
    "US$ 39.62",
    " billion",
    " million",
    "VND 5 billion (over US$ 300,000)",
    "2.91%⁵",
    "17 percent",
    "from 5% to 7%",
    "between",
    "¹ ",
    "(2)",
    " - ",
    "–",
    "’",
    "“",
    "”",
    "\u{a0}",
    "\t",
    "ễ",
    "ệ",
    "ự",
    "🙂",
    "\\",
    "*",
    "_",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    " ",
    " ",
    " ",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "TABLE OF CONTENTS",
    "GLOSSARY",
    "ASEM\tAsia - Europe Meeting",
    "Photo: VNA",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z]{1,8}",
        1 => "[0-9]{1,5}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

/// Checks the provenance properties of every record of `raw`.
fn check(raw: &[u8]) -> Result<(), TestCaseError> {
    let Ok(doc) = Document::from_bytes("p.txt", raw.to_vec()) else {
        return Ok(()); // binary input (a NUL byte) is refused, by design
    };
    let records = extract(&doc, &Config::default());
    // Spans count bytes of the input as read: the bytes themselves, or the UTF-8
    // decoding of a UTF-16 input with its byte-order mark (`FF FE ...`).
    let raw = doc.raw();
    let valid = std::str::from_utf8(raw).ok();
    for r in &records {
        let c = r.common();
        let (start, end) = (c.span.0, c.span.1);
        prop_assert!(
            start <= end && end <= raw.len(),
            "span {:?} of {r:?}",
            c.span
        );
        prop_assert_eq!(&c.text, &String::from_utf8_lossy(&raw[start..end]));
        if let Some(s) = valid {
            prop_assert!(
                s.is_char_boundary(start) && s.is_char_boundary(end),
                "{r:?}"
            );
        }
        if let Some(sentence) = c.sentence {
            prop_assert!(sentence.0 <= start && start <= sentence.1, "{r:?}");
        }
        let mut line = Vec::new();
        write_record(r, &mut line);
        let mut by_serde = serde_json::to_vec(r).unwrap();
        by_serde.push(b'\n');
        prop_assert_eq!(String::from_utf8(line), String::from_utf8(by_serde));
    }
    Ok(())
}

proptest! {
    // PROPTEST_CASES sets the number of cases for a longer run.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300)
    ))]

    #[test]
    fn generated_prose_keeps_provenance(t in text()) {
        check(t.as_bytes())?;
    }

    #[test]
    fn arbitrary_bytes_keep_provenance(raw in prop::collection::vec(any::<u8>(), 0..600)) {
        check(&raw)?;
    }

    #[test]
    fn one_long_line_keeps_provenance(t in text()) {
        check(t.replace(['\n', '\r'], " ").as_bytes())?;
    }
}
