//! The command line: inputs from files, directories and stdin; errors and exit codes;
//! output files; thread-count independence; a closed pipe.

mod common;

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

fn bluebook(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bluebook"));
    cmd.args(args);
    cmd
}

fn run(args: &[&str]) -> Output {
    bluebook(args).output().expect("bluebook runs")
}

/// Runs bluebook with `input` on standard input.
fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bluebook(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    child.wait_with_output().expect("wait")
}

fn fixture(name: &str) -> String {
    common::fixture(name).display().to_string()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn extract_a_file_to_stdout() {
    let out = run(&["extract", &fixture("diplomatic-bluebook-2020.txt")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = lines(&out);
    assert!(records.len() > 50);
    let first = &records[0];
    // The common fields come first, in this order.
    let line = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    let in_order = |line: &str, keys: &[&str]| {
        let at: Vec<usize> = keys
            .iter()
            .map(|k| {
                line.find(&format!("\"{k}\":"))
                    .unwrap_or_else(|| panic!("no {k} in {line}"))
            })
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
    };
    in_order(
        &line,
        &["type", "doc", "span", "text", "section", "path", "level"],
    );
    // A record from a caption, with its sentence: the common fields still come first.
    let caption = String::from_utf8_lossy(&out.stdout)
        .lines()
        .find(|l| l.contains("\"aside\":\"caption\"") && l.contains("\"type\":\"date\""))
        .expect("a date in a photo caption")
        .to_string();
    in_order(
        &caption,
        &[
            "type", "doc", "span", "text", "section", "sentence", "aside", "values",
        ],
    );
    assert!(
        first["doc"]
            .as_str()
            .expect("doc")
            .ends_with("diplomatic-bluebook-2020.txt")
    );
}

#[test]
fn stdin_is_dash_and_the_default() {
    for args in [&["extract", "-"][..], &["extract"][..]] {
        let out = run_stdin(args, b"CHAPTER ONE\n\nTHE LANDSCAPE\n");
        assert!(out.status.success());
        let records = lines(&out);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0]["doc"], "-");
        assert_eq!(records[0]["path"], serde_json::json!(["THE LANDSCAPE"]));
    }
}

#[test]
fn a_directory_is_searched_for_txt_files_in_name_order() {
    let out = run(&[
        "extract",
        "--types",
        "section",
        &common::fixture("").display().to_string(),
    ]);
    assert!(out.status.success());
    let docs: Vec<String> = lines(&out)
        .iter()
        .map(|r| r["doc"].as_str().unwrap_or_default().to_string())
        .collect();
    let mut order: Vec<&String> = docs.iter().collect();
    order.dedup();
    let names: Vec<&str> = order
        .iter()
        .map(|d| d.rsplit('/').next().unwrap_or(d))
        .collect();
    assert_eq!(
        names,
        [
            "communist-review-2021.txt",
            "diplomatic-bluebook-2020.txt",
            "vbf-interview-2021.txt"
        ]
    );
}

#[test]
fn a_missing_file_is_named_the_rest_are_processed_and_the_exit_status_fails() {
    let good = fixture("vbf-interview-2021.txt");
    let out = run(&["extract", "no/such/file.txt", &good]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
    assert!(!lines(&out).is_empty(), "the good file was still processed");
}

#[test]
fn a_binary_file_is_an_error_naming_it() {
    let dir = std::env::temp_dir().join(format!("bluebook-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bin = dir.join("scan.txt");
    std::fs::write(&bin, b"abc\0def").expect("write");
    let out = run(&["extract", &bin.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("scan.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn invalid_utf8_gives_a_warning_naming_file_and_offset() {
    let out = run_stdin(&["extract", "-"], b"CHAPTER ONE\n\nTHE L\xFFAND\n");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: -: invalid UTF-8 at byte offset 18"),
        "{stderr}"
    );
}

#[test]
fn output_file_and_type_filter() {
    let dir = std::env::temp_dir().join(format!("bluebook-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let dest = dir.join("records.jsonl");
    let out = run(&[
        "extract",
        "--types",
        "footnote",
        "-o",
        &dest.display().to_string(),
        &fixture("diplomatic-bluebook-2020.txt"),
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&dest).expect("output file");
    assert_eq!(written.lines().count(), 10);
    assert!(
        written
            .lines()
            .all(|l| l.starts_with(r#"{"type":"footnote""#))
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != "records.jsonl")
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let inputs = common::FIXTURES
        .iter()
        .map(|f| fixture(f))
        .collect::<Vec<_>>();
    let mut outputs = Vec::new();
    for threads in ["1", "2", "4"] {
        let mut args = vec!["extract", "-j", threads];
        args.extend(inputs.iter().map(String::as_str));
        let out = run(&args);
        assert!(out.status.success());
        outputs.push(out.stdout);
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let bluebook_txt = fixture("diplomatic-bluebook-2020.txt");
    let mut args = vec!["extract"];
    args.extend(std::iter::repeat_n(bluebook_txt.as_str(), 200));
    let mut child = bluebook(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sections_prints_an_indented_tree() {
    let out = run(&["sections", &fixture("diplomatic-bluebook-2020.txt")]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("CHAPTER TWO: BILATERAL DIPLOMATIC ACTIVITIES  [line 221]\n  I. Bilateral relations with neighboring and ASEAN countries  [line 227]\n    1. Lao PDR  [line 229]\n"));
}

#[test]
fn help_everywhere() {
    for args in [
        &["--help"][..],
        &["extract", "--help"],
        &["sections", "--help"],
        &["people", "--help"],
        &["timeline", "--help"],
        &["schema", "--help"],
        &["table", "--help"],
        &["review", "--help"],
        &["eval", "--help"],
    ] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{args:?}"
        );
    }
}

#[test]
fn a_gazetteer_line_passed_with_gazetteers_changes_the_output_without_rebuilding() {
    let dir = std::env::temp_dir().join(format!("bluebook-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join("note.txt");
    std::fs::write(
        &input,
        "Delegates from Freedonia met Envoy-General Rufus Firefly in Hanoi.\n",
    )
    .expect("write");
    let countries = |extra: &[&str]| {
        let mut args = vec!["extract", "--types", "country,person"];
        args.extend_from_slice(extra);
        let path = input.display().to_string();
        let mut cmd = bluebook(&args);
        cmd.arg(path);
        let out = cmd.output().expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        lines(&out)
    };
    let before = countries(&[]);
    assert!(
        before.iter().all(|r| r["text"] != "Freedonia"),
        "{before:?}"
    );
    std::fs::write(
        dir.join("country-names.tsv"),
        "# test additions\nFR\tFreedonia\tname\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("offices.tsv"),
        "envoy_general\tdiplomat\tEnvoy-General\n",
    )
    .expect("write");
    let gaz = dir.display().to_string();
    let after = countries(&["--gazetteers", &gaz]);
    let country = after
        .iter()
        .find(|r| r["type"] == "country")
        .expect("a country record");
    assert_eq!(
        (country["text"].as_str(), country["code"].as_str()),
        (Some("Freedonia"), Some("FR"))
    );
    let person = after
        .iter()
        .find(|r| r["type"] == "person")
        .expect("a person record");
    assert_eq!(person["name"], "Rufus Firefly");
    assert_eq!(person["offices"], serde_json::json!(["envoy_general"]));

    // A malformed line is a clear error naming the file and the line.
    std::fs::write(
        dir.join("country-names.tsv"),
        "# test additions\nFR\tFreedonia\n",
    )
    .expect("write");
    let out = run(&[
        "extract",
        "--gazetteers",
        &gaz,
        &input.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("country-names.tsv:2:"), "{stderr}");
    assert!(out.stdout.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn people_lists_each_person_once_with_mentions() {
    let out = run(&["people", &fixture("diplomatic-bluebook-2020.txt")]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let putin: Vec<&str> = text.lines().filter(|l| l.contains("Putin")).collect();
    assert_eq!(
        putin.len(),
        1,
        "V. Putin and Vladimir Putin are one person:\n{text}"
    );
    assert!(
        putin[0].contains("RU") && putin[0].trim_start().starts_with('2'),
        "{}",
        putin[0]
    );
}

#[test]
fn output_into_a_missing_directory_names_the_output_path() {
    let dest = std::env::temp_dir()
        .join(format!("bluebook-missing-{}", std::process::id()))
        .join("records.jsonl");
    let out = run(&[
        "extract",
        "-o",
        &dest.display().to_string(),
        &fixture("vbf-interview-2021.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}: cannot write: No such file", dest.display())),
        "{stderr}"
    );
    assert!(
        !stderr.contains(".tmp"),
        "the temporary is not named: {stderr}"
    );
}

#[test]
fn output_onto_a_directory_is_refused_before_any_work() {
    let dir = common::TempDir::new("out-dir");
    let out = run(&[
        "extract",
        "-o",
        &dir.path().display().to_string(),
        &fixture("vbf-interview-2021.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("it is a directory"), "{stderr}");
    assert!(std::fs::read_dir(dir.path()).expect("dir").next().is_none());
}

/// The records of `out` counted by type.
fn count_by_type(out: &Output) -> std::collections::BTreeMap<String, u64> {
    let mut counts = std::collections::BTreeMap::new();
    for r in lines(out) {
        *counts
            .entry(r["type"].as_str().unwrap_or_default().to_string())
            .or_default() += 1;
    }
    counts
}

#[test]
fn a_batch_ends_with_a_summary_of_files_records_failures_and_speed() {
    let good = fixture("vbf-interview-2021.txt");
    let other = fixture("communist-review-2021.txt");
    let out = run(&["extract", &good, "no/such/file.txt", &other]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let counts = count_by_type(&out);
    let total: u64 = counts.values().sum();
    let summary = stderr
        .lines()
        .find(|l| l.contains("files read"))
        .unwrap_or_else(|| panic!("no summary in {stderr}"));
    assert!(
        summary.starts_with(&format!(
            "bluebook: 2 files read, 1 failed; {total} records ("
        )),
        "{summary}"
    );
    for (t, n) in &counts {
        assert!(summary.contains(&format!("{n} {t}")), "{t}: {summary}");
    }
    assert!(
        summary.contains(" kB in ") && summary.ends_with(" MB/s"),
        "{summary}"
    );
    assert!(
        stderr.contains("bluebook: failed: no/such/file.txt: cannot read"),
        "{stderr}"
    );

    // Quiet: no summary; a single input: none either.
    let out = run(&["extract", "-q", &good, &other]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["extract", &good]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn summary_json_is_one_object_for_scripts() {
    let good = fixture("vbf-interview-2021.txt");
    let out = run(&[
        "extract",
        "-q",
        "--summary",
        "json",
        "--types",
        "date,country",
        &good,
        "no/such/file.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().expect("a summary line");
    let summary: serde_json::Value = serde_json::from_str(last).expect("JSON");
    let counts = count_by_type(&out);
    assert_eq!(summary["files_read"], 1);
    assert_eq!(summary["files_failed"], 1);
    assert_eq!(summary["failures"][0]["path"], "no/such/file.txt");
    assert!(
        summary["failures"][0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("cannot read")),
        "{summary}"
    );
    assert_eq!(summary["records"], counts.values().sum::<u64>());
    assert_eq!(summary["records_by_type"]["date"], counts["date"]);
    assert_eq!(summary["records_by_type"]["country"], counts["country"]);
    assert_eq!(summary["records_by_type"]["person"], 0);
    let size = std::fs::metadata(&good).expect("fixture").len();
    assert_eq!(summary["bytes"], size);
    assert!(summary["seconds"].as_f64().is_some_and(|s| s > 0.0));
    assert!(summary["mb_per_s"].as_f64().is_some());
    assert_eq!(summary["exit_status"], 1);
}

#[test]
fn sections_takes_several_inputs_each_under_its_name() {
    let a = fixture("vbf-interview-2021.txt");
    let b = fixture("communist-review-2021.txt");
    let out = run(&["sections", &a, &b]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.find(&format!("==> {a} <==\n")).expect("first header");
    let second = text
        .find(&format!("\n\n==> {b} <==\n"))
        .expect("second header");
    assert!(first == 0 && first < second, "{text}");
    assert!(
        text[..second]
            .contains("Vietnam Proactively Advancing International Integration  [line 1]")
    );
    // One input: the tree alone, as before.
    let one = run(&["sections", &a]);
    assert!(String::from_utf8_lossy(&one.stdout).starts_with("Vietnam Proactively"));
}

#[test]
fn people_and_timeline_show_the_document_of_each_row() {
    let dir = common::TempDir::new("views-docs");
    let note = dir.write(
        "note.txt",
        b"NEWS\n\nOn 12 March 2021, Prime Minister Pham Minh Chinh paid an official visit to \
          Japan. Ambassador Rufus Firefly met him.\n",
    );
    let note = note.display().to_string();
    let a = fixture("diplomatic-bluebook-2020.txt");
    let out = run(&["people", &a, &note]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let header = text.lines().next().unwrap_or_default();
    assert!(header.contains("  document  "), "{header}");
    let row = |name: &str| {
        let rows: Vec<&str> = text.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(rows.len(), 1, "one row for {name}:\n{text}");
        rows[0].to_string()
    };
    // Mentioned in both: one row, the first document and one more.
    assert!(
        row("Pham Minh Chinh").contains(&format!("{a} +1")),
        "{text}"
    );
    // Mentioned only in one.
    let firefly = row("Rufus Firefly");
    assert!(
        firefly.contains(&note) && !firefly.contains(" +1"),
        "{firefly}"
    );
    assert!(row("Vladimir Putin").contains(&a), "{text}");

    let out = run(&["timeline", &a, &note]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    assert!(rows.len() > 10);
    assert!(
        rows.iter().all(|r| r.contains(&a) || r.contains(&note)),
        "{text}"
    );
    let visit = rows
        .iter()
        .find(|r| r.starts_with("2021-03-12"))
        .expect("the note's event");
    assert!(
        visit.contains(&note) && visit.contains("Pham Minh Chinh"),
        "{visit}"
    );
}

#[test]
fn jsonl_input_is_one_document_a_line_and_a_bad_line_is_an_error_record() {
    let input = concat!(
        r#"{"doc":"first","text":"Talks were held in Lima on 3 March 2021."}"#,
        "\nnot a document\n\n",
        r#"{"doc":"second","text":"Chile pledged US$ 5 million on 4 May 2021."}"#,
        "\n",
        r#"{"text":"The fund opened on 9 June 2021."}"#,
        "\n"
    );
    let out = run_stdin(
        &["extract", "--input", "jsonl", "--types", "date", "-"],
        input.as_bytes(),
    );
    // The records of each line's document, in line order; the run goes on past line 2.
    let docs: Vec<(String, String)> = lines(&out)
        .iter()
        .map(|r| {
            (
                r["doc"].as_str().unwrap().to_string(),
                r["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        docs,
        [
            ("first".to_string(), "3 March 2021".to_string()),
            ("second".to_string(), "4 May 2021".to_string()),
            ("-:5".to_string(), "9 June 2021".to_string()),
        ]
    );
    // The bad line is an error record on standard error, with its line number, and
    // the exit status says a document failed.
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let error: serde_json::Value = stderr
        .lines()
        .find_map(|l| serde_json::from_str(l).ok())
        .expect("an error record");
    assert_eq!(
        (error["type"].as_str(), error["line"].as_u64()),
        (Some("error"), Some(2))
    );
}

#[test]
fn an_output_that_is_a_device_is_written_to_not_replaced() {
    // `-o /dev/null` must leave the device a device (a temporary file renamed over it
    // would replace it with a regular file).
    let null = std::path::Path::new("/dev/null");
    let Ok(meta) = std::fs::metadata(null) else {
        return;
    };
    use std::os::unix::fs::FileTypeExt;
    if !meta.file_type().is_char_device() {
        common::skipped(
            "an_output_that_is_a_device_is_written_to_not_replaced: /dev/null is not a device here",
        );
        return;
    }
    let out = run(&[
        "extract",
        "-q",
        &fixture("vbf-interview-2021.txt"),
        "-o",
        "/dev/null",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::metadata(null)
            .unwrap()
            .file_type()
            .is_char_device()
    );
}
