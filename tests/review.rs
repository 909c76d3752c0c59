//! `bluebook review`: the page's structure, without a browser. One highlight id per
//! record, of the record's type and over its text; the document's text reproduced
//! outside the tags; the records embedded as the JSON Lines give them; nothing loaded
//! from outside; the sidebar's links reaching the headings; bad inputs and outputs.
//! (`tests/browser/run.sh` checks the page in a real browser.)

mod common;

use common::{TempDir, bluebook, fixture};
use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Output;

fn run(args: &[&str]) -> Output {
    bluebook(args).output().expect("bluebook runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The records `extract` gives for the same input.
fn extract(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    let out = run(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Makes the page for `args` in `dir`; gives its text.
fn review(dir: &TempDir, args: &[&str]) -> String {
    let page = dir.path().join("report.html");
    let mut all = vec!["review", "-o", page.to_str().expect("UTF-8 path")];
    all.extend_from_slice(args);
    let out = run(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(leftovers(dir.path()), ["report.html"]);
    std::fs::read_to_string(&page).expect("the page is written")
}

/// The files in `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Each highlight id's type, from the `<mark>` tags (an id on several fragments must
/// have one type).
fn highlights(page: &str) -> BTreeMap<usize, String> {
    let tag = Regex::new(r#"<mark data-type="([a-z]+)" data-id="(\d+)""#).expect("regex");
    let mut ids = BTreeMap::new();
    for c in tag.captures_iter(page) {
        let id: usize = c[2].parse().expect("an id");
        let kind = c[1].to_string();
        let before = ids.insert(id, kind.clone());
        assert!(before.is_none_or(|b| b == kind), "id {id} has two types");
    }
    ids
}

/// The text of each document on the page: tags dropped, references read back.
fn texts(page: &str) -> Vec<String> {
    page.split("<div class=\"text\">")
        .skip(1)
        .map(|rest| {
            let html = rest.split("</div>\n</article>").next().expect("closed");
            let mut text = String::new();
            let mut rest = html;
            while let Some(i) = rest.find('<') {
                text.push_str(&rest[..i]);
                rest = &rest[i + rest[i..].find('>').expect("closed tag") + 1..];
            }
            text.push_str(rest);
            unescape(&text)
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#13;", "\r")
        .replace("&amp;", "&")
}

/// The records embedded in the page, in order.
fn embedded(page: &str) -> Vec<Value> {
    let block = Regex::new(
        r#"(?s)<script type="application/json" class="records" data-first="\d+">(.*?)</script>"#,
    )
    .expect("regex");
    block
        .captures_iter(page)
        .flat_map(|c| {
            let list: Vec<Value> = serde_json::from_str(&c[1]).expect("a JSON array");
            list
        })
        .collect()
}

fn counts<'a>(types: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for t in types {
        *counts.entry(t.to_string()).or_insert(0) += 1;
    }
    counts
}

#[test]
fn every_record_of_the_bluebook_is_highlighted_once_over_its_text() {
    let dir = TempDir::new("review-bluebook");
    let path = fixture("diplomatic-bluebook-2020.txt");
    let path = path.to_str().expect("UTF-8 path");
    let records = extract(&[path]);
    let page = review(&dir, &[path]);

    // One highlight id per record, per type, and id N is record N.
    let ids = highlights(&page);
    assert_eq!(
        counts(ids.values().map(String::as_str)),
        counts(records.iter().map(|r| r["type"].as_str().expect("type")))
    );
    assert_eq!(ids.len(), records.len());
    for (id, kind) in &ids {
        assert_eq!(records[*id]["type"], kind.as_str(), "record {id}");
    }
    // The page carries the records exactly as the JSON Lines give them.
    assert_eq!(embedded(&page), records);
    // Outside the tags, the document's text, character for character.
    let text = std::fs::read_to_string(path).expect("fixture");
    assert_eq!(texts(&page), [text]);
    // The counts shown per type.
    for (kind, n) in counts(records.iter().map(|r| r["type"].as_str().expect("type"))) {
        assert!(
            page.contains(&format!("data-type=\"{kind}\" data-total=\"{n}\">{n}<")),
            "count of {kind}"
        );
    }
}

#[test]
fn each_highlight_covers_exactly_its_record_text() {
    let dir = TempDir::new("review-spans");
    // The bluebook: the most records, dates and people nested in events. (Spans that
    // cross are checked on the renderer itself: no fixture has them.)
    let path = fixture("diplomatic-bluebook-2020.txt");
    let path = path.to_str().expect("UTF-8 path");
    let records = extract(&[path]);
    let page = review(&dir, &[path]);
    let html = page
        .split("<div class=\"text\">")
        .nth(1)
        .and_then(|r| r.split("</div>\n</article>").next())
        .expect("the document's text");
    // Walk the tags, gathering each id's text from all its fragments.
    let mut open: Vec<usize> = Vec::new();
    let mut text: BTreeMap<usize, String> = BTreeMap::new();
    let id_of = Regex::new(r#"data-id="(\d+)""#).expect("regex");
    let mut rest = html;
    while !rest.is_empty() {
        let i = rest.find('<').unwrap_or(rest.len());
        let piece = unescape(&rest[..i]);
        for id in &open {
            text.entry(*id).or_default().push_str(&piece);
        }
        rest = &rest[i..];
        if rest.is_empty() {
            break;
        }
        let end = rest.find('>').expect("closed tag") + 1;
        let tag = &rest[..end];
        if tag.starts_with("<mark") {
            let id: usize = id_of.captures(tag).expect("an id")[1].parse().expect("id");
            text.entry(id).or_default();
            open.push(id);
        } else if tag == "</mark>" {
            open.pop().expect("balanced marks");
        }
        rest = &rest[end..];
    }
    assert!(open.is_empty());
    assert_eq!(text.len(), records.len());
    for (id, seen) in text {
        assert_eq!(seen, records[id]["text"], "record {id}");
    }
}

#[test]
fn the_page_loads_nothing_from_outside() {
    let dir = TempDir::new("review-offline");
    let path = fixture("communist-review-2021.txt");
    let page = review(&dir, &[path.to_str().expect("UTF-8 path")]);
    let attr = Regex::new(r#"\b(src|href|action|srcset|data)\s*=\s*"([^"]*)""#).expect("regex");
    for c in attr.captures_iter(&page) {
        assert!(c[2].starts_with('#'), "{}={}", &c[1], &c[2]);
    }
    for resource in ["<link", "<img", "<iframe", "@import", "url(", "<script src"] {
        assert!(!page.contains(resource), "{resource}");
    }
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));
}

#[test]
fn the_sidebar_links_every_heading() {
    let dir = TempDir::new("review-sections");
    let path = fixture("diplomatic-bluebook-2020.txt");
    let path = path.to_str().expect("UTF-8 path");
    let records = extract(&[path]);
    let page = review(&dir, &[path]);
    let link = Regex::new(r##"<a class="l\d" href="#(s0-\d+)" data-id="(\d+)""##).expect("regex");
    let targets: BTreeSet<(String, usize)> = link
        .captures_iter(&page)
        .map(|c| (c[1].to_string(), c[2].parse().expect("id")))
        .collect();
    let sections: Vec<usize> = (0..records.len())
        .filter(|&i| records[i]["type"] == "section")
        .collect();
    assert_eq!(targets.len(), sections.len());
    for (anchor, id) in targets {
        assert_eq!(records[id]["type"], "section");
        assert_eq!(anchor, format!("s0-{}", records[id]["section"]));
        assert!(
            page.contains(&format!(
                "<mark data-type=\"section\" data-id=\"{id}\" id=\"{anchor}\">"
            )),
            "{anchor}"
        );
    }
}

#[test]
fn standard_output_gets_the_same_page_and_types_can_be_kept() {
    let dir = TempDir::new("review-stdout");
    let path = fixture("vbf-interview-2021.txt");
    let path = path.to_str().expect("UTF-8 path");
    let page = review(&dir, &[path]);
    let out = run(&["review", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), page);
    let dash = run(&["review", "-o", "-", path]);
    assert_eq!(dash.stdout, out.stdout);

    let money = run(&["review", "--types", "money,percent", path]);
    assert!(money.status.success(), "{}", stderr(&money));
    let ids = highlights(&String::from_utf8_lossy(&money.stdout));
    let records = extract(&["--types", "money,percent", path]);
    assert!(!records.is_empty());
    assert_eq!(
        counts(ids.values().map(String::as_str)),
        counts(records.iter().map(|r| r["type"].as_str().expect("type")))
    );
}

#[test]
fn odd_bytes_and_line_ends_are_shown_as_read() {
    let dir = TempDir::new("review-bytes");
    // CRLF line ends, a lone CR, invalid UTF-8, markup characters and a date.
    let raw = b"DIPLOMATIC BLUEBOOK 2020\r\n\r\nOn 4 May 2020 <b>Japan</b> & \"Viet Nam\" \xE2\x82 met.\rAgain \xFF in Hanoi.\r\n";
    let input = dir.write("odd.txt", raw);
    let page_path = dir.path().join("odd.html");
    let out = run(&[
        "review",
        input.to_str().expect("UTF-8 path"),
        "-o",
        page_path.to_str().expect("UTF-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(&page_path).expect("the page");
    assert_eq!(texts(&page), [String::from_utf8_lossy(raw).into_owned()]);
    let records = extract(&[input.to_str().expect("UTF-8 path")]);
    assert!(records.iter().any(|r| r["type"] == "date"));
    assert_eq!(highlights(&page).len(), records.len());
    assert!(!page.contains("<b>Japan"), "markup in the text is escaped");
}

#[test]
fn an_unreadable_input_fails_and_leaves_no_page() {
    let dir = TempDir::new("review-bad");
    let page = dir.path().join("report.html");
    let missing = dir.path().join("missing.txt");
    let out = run(&[
        "review",
        missing.to_str().expect("UTF-8 path"),
        "-o",
        page.to_str().expect("UTF-8 path"),
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );

    // A binary input is refused the same way.
    let binary = dir.write("binary.txt", b"a\0b");
    let out = run(&[
        "review",
        binary.to_str().expect("UTF-8 path"),
        "-o",
        page.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(leftovers(dir.path()), ["binary.txt"]);
}

#[test]
fn one_bad_input_among_good_ones_is_left_out_and_fails_the_run() {
    let dir = TempDir::new("review-mixed");
    let page = dir.path().join("report.html");
    let good = fixture("vbf-interview-2021.txt");
    let out = run(&[
        "review",
        good.to_str().expect("UTF-8 path"),
        dir.path().join("missing.txt").to_str().expect("UTF-8 path"),
        "-o",
        page.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("missing.txt"));
    let page = std::fs::read_to_string(&page).expect("the page of the good input");
    assert_eq!(texts(&page).len(), 1);
    assert!(page.contains("vbf-interview-2021.txt"));
}

#[test]
fn an_output_that_cannot_be_written_is_an_error_naming_it() {
    let dir = TempDir::new("review-out");
    let input = fixture("vbf-interview-2021.txt");
    let nowhere = dir.path().join("no-such-dir").join("report.html");
    let out = run(&[
        "review",
        input.to_str().expect("UTF-8 path"),
        "-o",
        nowhere.to_str().expect("UTF-8 path"),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no-such-dir/report.html"),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "review",
        input.to_str().expect("UTF-8 path"),
        "-o",
        dir.path().to_str().expect("UTF-8 path"),
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn several_documents_share_one_page_with_ids_running_on() {
    let dir = TempDir::new("review-several");
    let inputs = TempDir::new("review-several-in");
    for name in ["vbf-interview-2021.txt", "communist-review-2021.txt"] {
        inputs.write(name, &std::fs::read(fixture(name)).expect("fixture"));
    }
    let path = inputs.path().to_str().expect("UTF-8 path");
    let records = extract(&[path]);
    let page = review(&dir, &[path]);
    let ids = highlights(&page);
    assert_eq!(
        ids.keys().copied().collect::<Vec<_>>(),
        (0..records.len()).collect::<Vec<_>>()
    );
    for (id, kind) in &ids {
        assert_eq!(records[*id]["type"], kind.as_str(), "record {id}");
    }
    assert_eq!(embedded(&page), records);
    assert_eq!(texts(&page).len(), 2);
    for doc in 0..2 {
        assert!(page.contains(&format!("<li class=\"doc\"><a href=\"#d{doc}\">")));
        assert!(page.contains(&format!("<article class=\"doc\" id=\"d{doc}\"")));
    }
}
