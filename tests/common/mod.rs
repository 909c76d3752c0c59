//! Helpers shared by the integration tests.
#![allow(dead_code)]

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
pub fn records(name: &str) -> (Document, Vec<Record>) {
    let doc = read(name);
    let records = bluebook::extract(&doc, &Config::default());
    (doc, records)
}

/// The records of an in-memory text.
pub fn records_of(text: &str) -> Vec<Record> {
    let doc = Document::from_bytes("test.txt", text.as_bytes().to_vec()).expect("text input");
    bluebook::extract(&doc, &Config::default())
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
