//! The JSON Schema printed by `bluebook schema` is derived from the record types; real
//! output of every fixture validates against it, and one field name has one JSON type.

mod common;

use serde_json::Value;
use std::collections::BTreeMap;

#[test]
fn every_record_of_every_fixture_validates_against_the_schema() {
    let schema: Value = serde_json::from_str(&bluebook::schema_json()).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema is valid");
    for name in common::FIXTURES {
        let (_, records) = common::records(name);
        for r in &records {
            let value = serde_json::to_value(r).expect("record serializes");
            if let Err(e) = validator.validate(&value) {
                panic!("{name}: {e}\n{value}");
            }
        }
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[test]
fn one_field_name_has_one_json_type_across_record_types() {
    let mut seen: BTreeMap<String, (&'static str, String)> = BTreeMap::new();
    for name in common::FIXTURES {
        for r in common::records(name).1 {
            let value = serde_json::to_value(&r).expect("record serializes");
            for (key, v) in value.as_object().expect("object") {
                if v.is_null() {
                    continue;
                }
                let t = json_type(v);
                let (first, from) = seen
                    .entry(key.clone())
                    .or_insert((t, r.type_name().to_string()));
                assert_eq!(
                    *first,
                    t,
                    "field {key}: {t} in {} but {first} in {from}",
                    r.type_name()
                );
            }
        }
    }
}

/// What `bluebook schema` prints for `args`, and whether it succeeded.
fn schema_cli(args: &[&str]) -> (bool, String, String) {
    let out = common::bluebook(&["schema"])
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every field of every record of the fixtures has a column in each tool's schema, and
/// each tool's schema names every column once.
#[test]
fn each_tool_schema_names_every_field_the_records_have() {
    let mut fields: std::collections::BTreeSet<String> = Default::default();
    for name in common::FIXTURES {
        let (_, records) = common::records(name);
        for r in &records {
            let value = serde_json::to_value(r).expect("record serializes");
            fields.extend(value.as_object().expect("object").keys().cloned());
        }
    }
    let columns = bluebook::columns::all_columns().expect("columns");
    for (dialect, quote) in [
        // Top-level columns: one a line, indented, in the first three.
        ("duckdb", ("\n    '", "': ")),
        ("polars", ("\n    \"", "\": ")),
        ("pyarrow", ("\n    pa.field(\"", "\", ")),
        ("spark", ("`", "` ")),
    ] {
        let (ok, out, err) = schema_cli(&["--for", dialect]);
        assert!(ok, "{dialect}: {err}");
        for field in &fields {
            let named = format!("{}{field}{}", quote.0, quote.1);
            assert_eq!(out.matches(&named).count(), 1, "{dialect}: {field}\n{out}");
        }
        assert!(columns.len() >= fields.len());
    }
}

#[test]
fn one_type_s_columns_and_the_json_schema_alone() {
    let (ok, money, _) = schema_cli(&["--for", "spark", "--type", "money"]);
    assert!(ok);
    assert!(money.contains("`amount` DECIMAL(38,9)"), "{money}");
    assert!(!money.contains("`title`"), "{money}");
    let (ok, _, err) = schema_cli(&["--for", "jsonschema", "--type", "money"]);
    assert!(!ok);
    assert!(err.contains("--type goes with"), "{err}");
    let (ok, json, _) = schema_cli(&[]);
    assert!(ok);
    assert_eq!(json.trim_end(), bluebook::schema_json());
}
