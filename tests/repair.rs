//! Snapshots of the repair stage on small crafted inputs: each line of the view with
//! its kind, and the raw bytes it came from.

mod common;

use bluebook::repair::{CaptionRules, View};
use bluebook::{Config, Document};
use proptest::prelude::*;

/// The view as text: `[kind] view line` then `    raw: "..."` (the raw bytes the
/// line spans), and the emphasised ranges.
fn render(input: &str) -> String {
    let doc = Document::from_bytes("t.txt", input.as_bytes().to_vec()).expect("text");
    let view = View::build(&doc, CaptionRules::embedded());
    let mut out = String::new();
    for line in view.lines() {
        let span = doc.raw_span(view.source_span(line.range.clone()));
        out.push_str(&format!(
            "[{:?}] {}\n    raw: {:?}\n",
            line.kind,
            &view.text()[line.range.clone()],
            &input[span]
        ));
    }
    for e in view.emphasis() {
        out.push_str(&format!("emphasis: {:?}\n", &view.text()[e.clone()]));
    }
    out
}

#[test]
fn page_break_join() {
    insta::assert_snapshot!(render(
        "The pandemic had severe impacts on all aspects of international\n\naffairs and relations, which may persist.\n\nRegarding economic cooperation,\n\nChina continued to be the top import market.\n"
    ));
}

#[test]
fn caption_between_the_halves_of_a_sentence() {
    insta::assert_snapshot!(render(
        "Prime Minister Nguyen Xuan Phuc had a telephone conversation with\n\n\n\nMember of the Politburo, General To Lam meeting with His Majesty King Abdullah (Kuala Lumpur, 13 February 2020)- VNA\n\nPrime Minister Muhyiddin Yassin (June 2020).\n"
    ));
}

#[test]
fn caption_forms() {
    insta::assert_snapshot!(render(
        "A leader at the summit (Hanoi, 4-6 December 2020) - The World and Viet Nam Report\n\nA park was recognized in July 2020 - Viet Nam Pictorial\n\nVaccine diplomacy, (doses from Germany) _Photo: VNA\n\nDelegates at the opening (Photo: VNA)\n\n*ASEAN Foreign Ministers' Retreat (Nha Trang, 17 January 2020)\n- The World and Viet Nam Report*\n\nAn envoy visits the port (Da Nang, 3 May 2020) - Saigon Giai Phong\n\nTrade fell in 2020 - a hard year for all.\n"
    ));
}

#[test]
fn an_agencys_sign_off_is_no_caption() {
    insta::assert_snapshot!(render(
        "PM Chinh meeting with Governor-General David Hurley (Canberra, 6 March 2024) - VNA\n\nThe two leaders discussed trade.\n\nEarlier on March 6, PM Chinh met with Governor-General David Hurley and the Speaker, Milton Dick. - VNA\n"
    ));
    insta::assert_snapshot!(render(
        "\"The ministers agreed to meet again,\" he said. \"Trade will grow.\" - AFP\n"
    ));
}

#[test]
fn markdown_escapes_and_emphasis() {
    insta::assert_snapshot!(render(
        "- *Australia:* Trade reached US\\$ 28.53 billion and AU\\$0.7 million.\n\n- The relations *with Japan* grew; **DIPLOMATIC BLUEBOOK 2020** and snake_case_name and _Photo stay.\n\nA star * here and 3 * 4.\n"
    ));
}

#[test]
fn footnote_markers_and_bodies() {
    insta::assert_snapshot!(render(
        "Growth was 2.91%⁵ in 2020, a 10% increase.⁶ By the end of 2020,\n\n⁶ Statistics are cited from the General Statistics Office.\n\nthere were 413 projects. Carbon neutrality in 2050(2) at COP 26.\n\n¹⁰ The Treaty Supplementing the 1985 Treaty.\n\n(2) Net zero, or any emissions are balanced.\n"
    ));
}

#[test]
fn quotes_dashes_and_odd_spaces() {
    insta::assert_snapshot!(render(
        "Under the theme “Cohesive and Responsive” – ASEAN’s year,\u{00A0}2020\u{200B}.\n"
    ));
}

#[test]
fn table_of_contents() {
    insta::assert_snapshot!(render(
        "TABLE OF CONTENTS\n\n\tPage\nFOREWORD\t7\nCHAPTER ONE THE LANDSCAPE\t11\nI. The global landscape\t11\n\n- III. Overseas Vietnamese-related activities and citizens\nand legal persons protection 61\n\nBUI THANH SON\n\nFOREWORD\n\nThe year 2020 was an extraordinary year.\n"
    ));
}

#[test]
fn html_markup_comments_and_entities() {
    insta::assert_snapshot!(render(
        "The envoys met on August 2<sup>nd</sup> in the 21<sup>st</sup> year of the <u>treaty</u>.\n\n    <!-- -->\n\n-   <span style=\"color: red\">Orders of\n    grain</span> &amp; trade rose<sup>3</sup> (&gt;50%)<br>in <s>2019</s> \\[2020\\].\n\n<!-- a comment\nover two lines -->\n\na < b and c > d, <unknown> stays.\n"
    ));
}

#[test]
fn markdown_links_keep_their_text() {
    insta::assert_snapshot!(render(
        "Announced at the [Regional Leaders\nForum.](https://example.org/2024/09/21/declaration_(final)/) with a ![chart](https://example.org/c.png) and [a page](/news/2023 \"Title\") here, \\[moderator\\] and [1] stay.\n"
    ));
}

/// Markup, links and the figures and dates around them, for generated inputs.
const MARKUP_PIECES: &[&str] = &[
    "<sup>",
    "</sup>",
    "nd",
    "12",
    "<s>",
    "</s>",
    "<u>",
    "</u>",
    "<br>",
    "<span style=\"x\">",
    "</span>",
    "<a href=\"https://example.org/2020/01/02\">",
    "</a>",
    "<!--",
    "-->",
    "<!-- -->",
    "[",
    "]",
    "](https://example.org/2020/01/02/x_(y))",
    "](/path 'T')",
    "![",
    "\\[",
    "\\]",
    "&amp;",
    "&gt;",
    "&#8217;",
    "&#x",
    "&",
    ";",
    "<",
    ">",
    "August ",
    "2",
    " 2022",
    "US$ 39.62",
    "\n12\n",
    " billion",
    " percent",
    "fifty",
    "-five",
    " per cent",
    "the first half of 2022",
    "the 2020s",
    "later this year",
    "last October",
    "from $2 million to $3 million",
    "KES 4.5 million",
    "multi-million-euro",
    " deliver billions",
    "é",
    "🙂",
    " ",
    "\n",
    "\n\n",
];

fn markup_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(MARKUP_PIECES), 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
    ))]

    /// No arrangement of markup makes extraction panic, and every record's text is the
    /// input bytes of its span.
    #[test]
    fn markup_keeps_provenance(t in markup_text()) {
        common::spans::check_records(t.as_bytes(), &Config::default());
    }
}
