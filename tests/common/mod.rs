//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod spans;

use bluebook::{Config, Document, Record};
use std::path::PathBuf;

/// The fixture texts, by file name.
pub const FIXTURES: &[&str] = &[
    "diplomatic-bluebook-2020.txt",
    "vbf-interview-2021.txt",
    "communist-review-2021.txt",
];

/// The path of a fixture.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Reads a fixture.
pub fn read(name: &str) -> Document {
    Document::read(&fixture(name)).expect("fixture is readable")
}

/// All records of a fixture.
pub fn records(name: &str) -> (Document, Vec<Record<'static>>) {
    let doc = read(name);
    let records = bluebook::extract(&doc, &Config::default());
    (doc, records)
}

/// The records of an in-memory text.
pub fn records_of(text: &str) -> Vec<Record<'static>> {
    let doc = Document::from_bytes("test.txt", text.as_bytes().to_vec()).expect("text input");
    bluebook::extract(&doc, &Config::default())
}

/// The records of an in-memory bluebook-like snippet, read for Viet Nam as
/// `--home-country VN` does: the snippets do not name their publisher, and the state
/// they name most is their partner.
pub fn records_of_viet_nam(text: &str) -> Vec<Record<'static>> {
    let doc = Document::from_bytes("test.txt", text.as_bytes().to_vec()).expect("text input");
    let config = Config::default()
        .with_home_country("VN")
        .expect("VN is in the gazetteer");
    bluebook::extract(&doc, &config)
}

/// The section paths of a document's records, by section id (from its section
/// records).
pub fn section_paths(records: &[Record]) -> std::collections::HashMap<u32, Vec<String>> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Section(s) => Some((s.common.section?, s.path.clone())),
            _ => None,
        })
        .collect()
}

/// The section path of a record: the titles from the root down to its section.
pub fn path_of(
    paths: &std::collections::HashMap<u32, Vec<String>>,
    common: &bluebook::Common,
) -> Vec<String> {
    common
        .section
        .and_then(|id| paths.get(&id).cloned())
        .unwrap_or_default()
}

/// A command running the built `bluebook` binary with `args`.
pub fn bluebook(args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_bluebook"));
    cmd.args(args);
    cmd
}

/// A fresh directory under the system's temporary directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates `bluebook-NAME-PID` (emptied first if a previous run left it).
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("bluebook-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }

    /// The directory's path.
    pub fn path(&self) -> &std::path::Path {
        &self.0
    }

    /// Writes `bytes` to the file `name` in the directory; gives its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(&path, bytes).expect("write");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The shared material beside the repository: the directory named by
/// `BLUEBOOK_SHARED_DIR`, else `../shared` beside the crate root.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("BLUEBOOK_SHARED_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    )
}

/// The development texts (`corpus/dev/` of [`shared_dir`]), or `None` — the calling
/// test skipped, or failing where `CI` is set — when they are absent.
pub fn dev_corpus_dir() -> Option<PathBuf> {
    let dir = shared_dir().join("corpus/dev");
    if dir.is_dir() {
        return Some(dir);
    }
    let why = format!(
        "the development texts are not at {}; set BLUEBOOK_SHARED_DIR to the directory \
         holding corpus/dev/",
        dir.display()
    );
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("{why} (CI is set: they must be there)");
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    skipped(&format!("{test}: {why}"));
    None
}

/// The directory of the conformance suites (holding `recognizers-text/` and
/// `duckling/`): the one named by `BLUEBOOK_CONFORMANCE_DIR`, else `conformance/` of
/// [`shared_dir`].
///
/// Where it is absent the calling test is skipped: this says so on standard error and
/// gives `None`, and the test returns, passing. Where the environment variable `CI` is
/// set (and not empty), absence is a failure instead: CI always has the suites.
pub fn conformance_dir() -> Option<PathBuf> {
    const VAR: &str = "BLUEBOOK_CONFORMANCE_DIR";
    let dir = std::env::var_os(VAR).map_or_else(|| shared_dir().join("conformance"), PathBuf::from);
    if dir.is_dir() {
        return Some(dir);
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("a conformance test")
        .to_string();
    let why = format!(
        "the conformance suites are not at {}; set {VAR} to the directory holding \
         recognizers-text/ and duckling/",
        dir.display()
    );
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("{why} (CI is set: the suites must be there)");
    }
    skipped(&format!("{test}: {why}"));
    None
}

/// Says that a test, or a part of it, is skipped and why: straight to the stderr handle,
/// not through `eprintln!`, which the test harness captures, so that it shows in the
/// output of `cargo test` although the test passes.
pub fn skipped(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {why}");
}
