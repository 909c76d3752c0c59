//! `extract --format parquet -o DIR`: one typed file per record type holding exactly
//! the records of the JSON Lines, with exact amounts, the same bytes whatever the
//! number of threads, and nothing written where the run fails.

mod common;

use arrow_array::{Array, Decimal128Array, RecordBatch};
use bluebook::number::Decimal;
use common::{TempDir, bluebook, fixture};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::collections::BTreeMap;
use std::path::Path;

/// The rows of a Parquet file.
fn read_parquet(path: &Path) -> Vec<RecordBatch> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    ParquetRecordBatchReaderBuilder::try_new(file)
        .expect("a parquet file")
        .build()
        .expect("a reader")
        .map(|b| b.expect("a batch"))
        .collect()
}

fn rows(path: &Path) -> usize {
    read_parquet(path).iter().map(RecordBatch::num_rows).sum()
}

/// The JSON records of `args` (an `extract` run to standard output).
fn jsonl(args: &[&str], paths: &[&Path]) -> Vec<serde_json::Value> {
    let out = bluebook(&["extract", "-q"])
        .args(args)
        .args(paths)
        .output()
        .expect("runs");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn parquet(dir: &Path, args: &[&str], paths: &[&Path]) -> std::process::Output {
    bluebook(&["extract", "-q", "--format", "parquet", "-o"])
        .arg(dir)
        .args(args)
        .args(paths)
        .output()
        .expect("runs")
}

#[test]
fn each_type_has_its_file_with_the_records_of_the_json_lines() {
    let tmp = TempDir::new("parquet-types");
    let inputs = [
        fixture("diplomatic-bluebook-2020.txt"),
        fixture("vbf-interview-2021.txt"),
    ];
    let paths: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    let out = parquet(tmp.path(), &[], &paths);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = jsonl(&[], &paths);
    let mut by_type: BTreeMap<String, usize> = BTreeMap::new();
    for r in &records {
        *by_type
            .entry(r["type"].as_str().expect("type").to_string())
            .or_default() += 1;
    }
    for t in bluebook::TYPE_NAMES {
        let file = tmp.path().join(format!("{t}.parquet"));
        assert_eq!(
            rows(&file),
            by_type.get(*t).copied().unwrap_or(0),
            "{t}: rows against JSON records"
        );
    }
    // Only the files: no temporary left.
    let mut names: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), bluebook::TYPE_NAMES.len(), "{names:?}");
}

#[test]
fn amounts_are_the_exact_decimals_of_the_json_lines_in_order() {
    let tmp = TempDir::new("parquet-amounts");
    let input = fixture("diplomatic-bluebook-2020.txt");
    let out = parquet(tmp.path(), &["--types", "money,percent"], &[&input]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !tmp.path().join("date.parquet").exists(),
        "only the types asked for"
    );
    for (t, field) in [("money", "amount"), ("percent", "value")] {
        let want: Vec<Option<Decimal>> = jsonl(&["--types", t], &[&input])
            .iter()
            .map(|r| {
                r[field]
                    .as_f64()
                    .map(|_| r[field].to_string().parse().expect("decimal"))
            })
            .collect();
        let mut got: Vec<Option<Decimal>> = Vec::new();
        for batch in read_parquet(&tmp.path().join(format!("{t}.parquet"))) {
            let column = batch
                .column_by_name(field)
                .expect("the column")
                .as_any()
                .downcast_ref::<Decimal128Array>()
                .expect("a decimal column")
                .clone();
            for i in 0..column.len() {
                got.push(
                    column
                        .is_valid(i)
                        .then(|| column.value_as_string(i).parse().expect("decimal")),
                );
            }
        }
        assert!(
            want.iter().flatten().count() > 10,
            "{t}: figures to compare"
        );
        assert_eq!(got, want, "{t}");
    }
}

#[test]
fn the_files_are_the_same_bytes_whatever_the_number_of_threads() {
    let tmp = TempDir::new("parquet-threads");
    let inputs = tmp.path().join("inputs");
    std::fs::create_dir(&inputs).expect("dir");
    for (i, name) in common::FIXTURES.iter().enumerate() {
        std::fs::copy(fixture(name), inputs.join(format!("{i}.txt"))).expect("copy");
    }
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    assert!(parquet(&one, &["-j", "1"], &[&inputs]).status.success());
    assert!(parquet(&two, &["-j", "2"], &[&inputs]).status.success());
    for t in bluebook::TYPE_NAMES {
        let name = format!("{t}.parquet");
        let a = std::fs::read(one.join(&name)).expect("one");
        let b = std::fs::read(two.join(&name)).expect("two");
        assert!(a == b, "{name} differs between 1 and 2 threads");
    }
}

#[test]
fn a_bad_input_is_reported_and_the_others_are_written() {
    let tmp = TempDir::new("parquet-bad");
    let good = fixture("vbf-interview-2021.txt");
    let missing = tmp.path().join("missing.txt");
    let out_dir = tmp.path().join("out");
    let out = parquet(&out_dir, &[], &[&missing, &good]);
    assert_eq!(out.status.code(), Some(1), "a failed input: exit 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let want = jsonl(&["--types", "person"], &[&good]).len();
    assert!(want > 0);
    assert_eq!(rows(&out_dir.join("person.parquet")), want);
}

#[test]
fn parquet_needs_a_directory() {
    let tmp = TempDir::new("parquet-dir");
    let input = fixture("vbf-interview-2021.txt");
    let out = bluebook(&["extract", "--format", "parquet"])
        .arg(&input)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--format parquet needs --output DIR"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = tmp.write("a-file", b"not a directory");
    let out = parquet(&file, &[], &[&input]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a-file") && stderr.contains("not a directory"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&file).expect("kept"), b"not a directory");
}

#[test]
fn json_lines_in_give_parquet_out_and_a_bad_line_is_reported() {
    let tmp = TempDir::new("parquet-jsonl");
    let lines = tmp.write(
        "docs.jsonl",
        "{\"doc\": \"a\", \"text\": \"It reached US$ 3.14 billion in 2020.\"}\nnot json\n{\"doc\": \"b\", \"text\": \"It cost VND 12 billion.\"}\n"
            .as_bytes(),
    );
    let out_dir = tmp.path().join("out");
    let out = parquet(
        &out_dir,
        &["--input", "jsonl", "--types", "money"],
        &[&lines],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("\"line\":2"), "{stderr}");
    let batches = read_parquet(&out_dir.join("money.parquet"));
    let amounts: Vec<String> = batches
        .iter()
        .flat_map(|b| {
            let c = b
                .column_by_name("amount")
                .expect("amount")
                .as_any()
                .downcast_ref::<Decimal128Array>()
                .expect("decimal")
                .clone();
            (0..c.len()).map(move |i| c.value_as_string(i))
        })
        .collect();
    assert_eq!(amounts, ["3140000000.000000000", "12000000000.000000000"]);
}
