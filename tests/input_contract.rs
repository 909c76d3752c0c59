//! The input contract: bytes, not a promise of UTF-8.

mod common;

use bluebook::{Config, Document, Error, Warning, extract};

fn records(raw: &[u8]) -> Vec<bluebook::Record<'static>> {
    let doc = Document::from_bytes("in.txt", raw.to_vec()).expect("text input");
    extract(&doc, &Config::default())
}

const SAMPLE: &str =
    "CHAPTER ONE\n\nTHE LANDSCAPE\n\nI. The global economy\n\nTrade fell by 9.6%.\n";

#[test]
fn a_bom_is_skipped_but_counted_in_spans() {
    let plain = records(SAMPLE.as_bytes());
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(SAMPLE.as_bytes());
    let bom = records(&with_bom);
    assert_eq!(plain.len(), bom.len());
    for (a, b) in plain.iter().zip(&bom) {
        assert_eq!(a.common().text, b.common().text);
        assert_eq!(a.common().span.0 + 3, b.common().span.0);
    }
}

#[test]
fn crlf_and_lone_cr_are_line_ends() {
    let lf = records(SAMPLE.as_bytes());
    for sep in ["\r\n", "\r"] {
        let raw = SAMPLE.replace('\n', sep);
        let other = records(raw.as_bytes());
        // Each record's section, and each section's path: the same tree either way.
        let titles = |rs: &[bluebook::Record]| {
            rs.iter()
                .map(|r| match r {
                    bluebook::Record::Section(s) => (r.common().section, s.path.clone()),
                    _ => (r.common().section, Vec::new()),
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(&lf), titles(&other), "line end {sep:?}");
        for r in &other {
            let c = r.common();
            assert_eq!(c.text.as_bytes(), &raw.as_bytes()[c.span.0..c.span.1]);
            assert!(
                !c.text.ends_with('\r'),
                "a line end is not part of a heading: {:?}",
                c.text
            );
        }
    }
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning_naming_the_offset() {
    let mut raw = b"CHAPTER ONE\n\nTHE LAND\xFFSCAPE\n\nI. The global economy\n".to_vec();
    let doc = Document::from_bytes("bad.txt", raw.clone()).expect("still text");
    assert_eq!(doc.warnings(), &[Warning::InvalidUtf8 { offset: 21 }]);
    assert!(doc.warnings()[0].to_string().contains("byte offset 21"));
    let records = extract(&doc, &Config::default());
    let chapter = &records[0].common();
    assert_eq!(chapter.span, bluebook::Span(0, 27));
    assert_eq!(chapter.text, String::from_utf8_lossy(&raw[0..27]));
    // Records after the bad byte still point at the right raw bytes.
    let part = records[1].common();
    raw.truncate(part.span.1);
    assert_eq!(&raw[part.span.0..], b"I. The global economy");
}

#[test]
fn nul_bytes_make_a_binary_file_an_error_naming_it() {
    let err = Document::from_bytes("image.png", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec()).unwrap_err();
    assert!(matches!(err, Error::Binary { offset: 8, .. }));
    let message = err.to_string();
    assert!(
        message.contains("image.png") && message.contains("binary"),
        "{message}"
    );
}

#[test]
fn an_empty_file_gives_no_records_and_no_error() {
    assert!(records(b"").is_empty());
    assert!(records(b"\n\n  \n").is_empty());
    assert!(records(b"\xEF\xBB\xBF").is_empty());
}
