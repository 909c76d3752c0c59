//! Each input is a fault boundary: a document whose extraction panics is reported by
//! name, the batch goes on, the exit status says so, and no temporary file is left.
//! The panic is injected through a debug-build test hook (`BLUEBOOK_FAULT_INJECTION`).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MARKER: &str = "FAULT-INJECTION-MARKER-7f3a";

/// Whether the binary under test honours the fault-injection hook (debug builds).
fn injectable() -> bool {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: fault injection exists in debug builds only (run `cargo test`)");
    }
    cfg!(debug_assertions)
}

fn run_injected(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bluebook"))
        .args(args)
        .env("BLUEBOOK_FAULT_INJECTION", MARKER)
        .output()
        .expect("bluebook runs")
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("bluebook-fault-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).expect("write input");
        path
    }

    fn leftovers(&self, keep: &[&Path]) -> Vec<PathBuf> {
        std::fs::read_dir(&self.0)
            .expect("list")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| !keep.contains(&p.as_path()))
            .collect()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const GOOD: &str = "1. Japan:\n\nPrime Minister Nguyen Xuan Phuc visited Tokyo on 12 February 2020. \
                    Trade reached US$ 39.6 billion.\n";

#[test]
fn a_panicking_document_in_a_batch_is_reported_and_the_rest_goes_on() {
    if !injectable() {
        return;
    }
    let dir = TempDir::new("batch");
    let inputs = dir.0.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::write(inputs.join("a.txt"), GOOD).unwrap();
    std::fs::write(inputs.join("b.txt"), format!("{GOOD}\n{MARKER}\n")).unwrap();
    std::fs::write(inputs.join("c.txt"), GOOD).unwrap();
    let output = dir.0.join("records.jsonl");
    let out = run_injected(&[
        "extract",
        "-q",
        &inputs.display().to_string(),
        "-o",
        &output.display().to_string(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("b.txt: internal error (fault injected for a test at src/"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("panicked"),
        "the panic is reported once, by file: {stderr}"
    );
    let written = std::fs::read_to_string(&output).expect("the output file is written");
    let docs: Vec<String> = written
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].to_string())
        .collect();
    for name in ["a.txt", "c.txt"] {
        assert!(docs.iter().any(|d| d.contains(name)), "{name} has records");
    }
    assert!(!docs.iter().any(|d| d.contains("b.txt")), "b.txt has none");
    assert_eq!(dir.leftovers(&[&inputs, &output]), Vec::<PathBuf>::new());
}

#[test]
fn a_large_document_that_panics_leaves_no_partial_output_file() {
    if !injectable() {
        return;
    }
    // Large enough to be streamed part by part: records are written before the fault.
    let dir = TempDir::new("large");
    let mut text = String::new();
    while text.len() < 5 << 20 {
        text.push_str(GOOD);
        text.push('\n');
    }
    text.push_str(MARKER);
    let input = dir.file("large.txt", &text);
    let good = dir.file("good.txt", GOOD);
    let output = dir.0.join("records.jsonl");
    let out = run_injected(&[
        "extract",
        "-q",
        &good.display().to_string(),
        &input.display().to_string(),
        "-o",
        &output.display().to_string(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("large.txt: internal error"), "{stderr}");
    let written = std::fs::read_to_string(&output).expect("the output file is written");
    assert!(
        written.lines().all(|l| l.contains("good.txt")),
        "only good.txt's records"
    );
    assert!(!written.is_empty());
    assert_eq!(
        dir.leftovers(&[&input, &good, &output]),
        Vec::<PathBuf>::new()
    );
}

/// Multi-byte characters just before a word that the event reader looks back from
/// (here 28 × `ễ` before `visited`): no byte window may cut a character.
#[test]
fn multibyte_text_before_an_event_word_does_not_panic() {
    let text = format!(
        "{} visited and met Prime Minister Shinzo Abe on 12 February 2020.\n",
        "ễ".repeat(28)
    );
    let records = common::records_of(&text);
    assert!(
        records.iter().any(|r| r.type_name() == "event"),
        "{records:?}"
    );
    for r in &records {
        let c = r.common();
        assert_eq!(c.text.as_bytes(), &text.as_bytes()[c.span.0..c.span.1]);
    }
}
