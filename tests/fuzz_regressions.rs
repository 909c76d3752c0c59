//! What the fuzzer (`fuzz/`) found, shrunk to a few bytes, as tables: each input runs
//! through `Document::from_bytes` and `extract`, which must not panic, and every record
//! must keep its span property (`common::spans::check_records`).
//!
//! Each crash the fuzzer found is a test of its own, named after what it was, and stays
//! as a regression test once fixed; a crash not fixed yet would be ignored with the
//! place it panics as its reason, so the suite stays green and `cargo test -- --ignored`
//! shows what is left. When a fix lands, its rows move to `PASSING`.

mod common;

use bluebook::Config;

/// Inputs on the edges of the input contract, and crashes once they are fixed.
const PASSING: &[(&str, &[u8])] = &[
    ("a UTF-8 byte-order mark alone", b"\xEF\xBB\xBF"),
    ("a UTF-16LE byte-order mark alone", b"\xFF\xFE"),
    ("UTF-16BE with an odd last byte", b"\xFE\xFF\0A\0"),
    ("a lone high surrogate", b"\xFF\xFE\x3D\xD8A\0"),
    (
        "control characters around a heading",
        b"\x01\x02CHAPTER ONE\x0c\n\nTHE\x1b LANDSCAPE\x7f\n",
    ),
    (
        "bad bytes inside a figure",
        b"Trade reached US$ 1.\xFF5 billion, up 3\xC3%.\n",
    ),
];

fn run(cases: &[(&str, &[u8])]) {
    let config = Config::default();
    for (name, input) in cases {
        let result = std::panic::catch_unwind(|| common::spans::check_records(input, &config));
        assert!(result.is_ok(), "{name}: {input:?}");
    }
}

#[test]
fn edge_inputs_and_fixed_crashes_keep_the_span_property() {
    run(PASSING);
}

#[test]
fn events_lead_before_a_participant_inside_a_character() {
    run(&[
        (
            "bad bytes before a minister",
            b"\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8\xc8 Minister Ns(Nov 2020)",
        ),
        (
            "bad bytes between two presidents",
            b"May2020\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbcPresident\xff\xff\xff\xff\xffPresident C",
        ),
        (
            "Vietnamese with its diacritics before a president",
            "Hà Nội và Việt Nam đã ký kết hiệp định thương mại ở Hà Nội năm. In May 2020 \
             President Nguyen Phu Trong visited Japan.\n"
                .as_bytes(),
        ),
    ]);
}

#[test]
fn events_lead_before_an_office_inside_a_character() {
    run(&[(
        "bad bytes before an office",
        b"May2020\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbc\xbchry and work of President",
    )]);
}

#[test]
fn a_period_after_a_multibyte_space() {
    run(&[
        (
            "UTF-16 with a paragraph separator",
            b"\xff\xfeT0) .\x00 \x00T\x00",
        ),
        (
            "UTF-8 with a paragraph separator",
            "A\u{2029}. T\n".as_bytes(),
        ),
    ]);
}

#[test]
fn an_office_chain_whose_complement_overlaps_the_next_office() {
    run(&[("a hyphenated title", b"General of A-General")]);
}

#[test]
fn an_office_after_a_wide_character_is_read_without_a_panic() {
    // The three bytes before an office were part of an emoji: the check for `the`
    // before it sliced inside the character.
    let text = "- VNAệ56592 Minister of Foreign Affairs <JKgfqbTbetweenự1373🙂 Minister of Foreign Affairs visited Lima on 3 March 2021.\n";
    let doc = bluebook::Document::from_bytes("t.txt", text.as_bytes().to_vec()).unwrap();
    let _ = bluebook::extract(&doc, &bluebook::Config::default());
}
