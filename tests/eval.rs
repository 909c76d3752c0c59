//! The quality floors: `bluebook eval` on each gold set, pooled over its documents,
//! must stay at or above the figures recorded in `tests/gold/floors.tsv`. Also the
//! command itself: its table, its JSON, and a gold file that does not fit its input.

mod common;

use bluebook::eval::{Scores, parse_gold, score};
use bluebook::{Config, Document};
use std::path::{Path, PathBuf};

/// The pooled scores of the documents of `gold_dir` read from `inputs`.
fn pooled(gold_dir: &Path, inputs: &[PathBuf]) -> Scores {
    let mut all = Scores::default();
    for input in inputs {
        let doc = Document::read(input).expect("input reads");
        let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
        let gold = std::fs::read_to_string(gold_dir.join(format!("{stem}.jsonl")))
            .unwrap_or_else(|e| panic!("gold of {stem}: {e}"));
        let gold = parse_gold(&gold, doc.raw()).unwrap_or_else(|e| panic!("gold of {stem}: {e}"));
        let records = bluebook::extract(&doc, &Config::default());
        all.add(&score(&gold, &records).0);
    }
    all
}

/// The figure named `type.f1` or `type.field` of a score table.
fn figure(s: &Scores, name: &str) -> Option<f64> {
    let (t, what) = name.split_once('.')?;
    if what == "f1" {
        return s.types.get(t).map(|c| c.f1());
    }
    s.fields.get(t)?.get(what).map(|c| c.accuracy())
}

/// The recorded floors of one set.
fn floors(set: &str) -> Vec<(String, f64)> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/floors.tsv"),
    )
    .unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0] == set).then(|| (f[1].to_string(), f[2].parse().expect("a number")))
        })
        .collect()
}

fn check(set: &str, scores: &Scores) {
    let floors = floors(set);
    assert!(!floors.is_empty(), "no floors recorded for {set}");
    let mut low = Vec::new();
    for (name, floor) in &floors {
        let got = figure(scores, name).unwrap_or_else(|| panic!("{set}: no figure {name}"));
        // The floors are written with three decimals.
        if got + 0.0005 < *floor {
            low.push(format!("{name}: {got:.3} < {floor:.3}"));
        }
    }
    assert!(
        low.is_empty(),
        "{set} fell below its floors:\n{}",
        low.join("\n")
    );
}

fn txt_files(dir: &Path, stems: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| stems(&p.file_stem().unwrap().to_string_lossy()))
        .collect();
    files.sort();
    files
}

#[test]
fn the_fixtures_stay_at_their_floors() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/fixtures");
    let inputs = txt_files(&common::fixture(""), |_| true);
    check("fixtures", &pooled(&gold, &inputs));
}

#[test]
fn the_development_texts_stay_at_their_floors() {
    let Some(dev) = common::dev_corpus_dir() else {
        return;
    };
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/dev");
    let with_gold = |stem: &str| gold.join(format!("{stem}.jsonl")).is_file();
    let inputs = txt_files(&dev, with_gold);
    assert!(
        inputs.len() >= 4,
        "gold for {} development texts",
        inputs.len()
    );
    check("dev", &pooled(&gold, &inputs));
}

#[test]
fn eval_prints_scores_and_refuses_a_gold_that_does_not_fit() {
    let dir = common::TempDir::new("eval");
    let input = dir.write(
        "note.txt",
        b"Talks were held in Lima on 3 March 2021 and on 5 May 2021.\n",
    );
    std::fs::create_dir_all(dir.path().join("gold")).unwrap();
    let gold = dir.write(
        "gold/note.jsonl",
        br#"{"type":"date","line":1,"text":"3 March 2021","values":["2021-03-03"]}
{"type":"date","line":1,"text":"5 May 2021","values":["2021-05-06"]}
"#,
    );
    let out = common::bluebook(&["eval", "--json", "--gold"])
        .arg(dir.path().join("gold"))
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let date = &v["all"]["types"]["date"];
    assert_eq!(
        (date["gold"].as_u64(), date["matched"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(
        v["all"]["fields"]["date.values"]["correct"].as_u64(),
        Some(1)
    );
    // A text that is not on its line is an error naming the gold file and line.
    std::fs::write(&gold, br#"{"type":"date","line":1,"text":"4 April 2021"}"#).unwrap();
    let out = common::bluebook(&["eval", "--gold"])
        .arg(dir.path().join("gold"))
        .arg(&input)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("note.jsonl: line 1"), "{stderr}");
}
