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
