//! The records as typed columns, for the tools data teams load them with.
//!
//! Takes the JSON Schema of the record types (`schemars`, from `record.rs`) and gives,
//! for each record type and for all of them together, the list of its columns with
//! one logical type each: text, closed vocabulary, boolean, integer, exact decimal,
//! date, span, list or struct. Nothing here is written by hand per field: a field
//! added to a record type is a column here, in the Parquet output and in every schema
//! `bluebook schema --for` prints (DuckDB, polars, pyarrow, Spark).
//!
//! All record types together form one table: a field name has one type across the
//! record types (checked by [`all_columns`]), a field that some types lack is
//! nullable there.

use serde_json::Value;
use std::collections::BTreeMap;

/// The precision of the decimal type amounts, values and range ends are read as.
pub const DECIMAL_PRECISION: u8 = 38;
/// The scale (digits after the point) of that decimal type: nine, far more than any
/// amount or percentage a text states; the integer part keeps 29 digits.
pub const DECIMAL_SCALE: i8 = 9;

/// What one column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// Text.
    String,
    /// A closed vocabulary: one of these strings.
    Enum(Vec<String>),
    /// `true` or `false`.
    Boolean,
    /// A whole number (offsets, ids, levels, years).
    Integer,
    /// An exact decimal (amounts, percentages, range ends).
    Decimal,
    /// A calendar day, `YYYY-MM-DD`.
    Date,
    /// A byte span `[start, end)`, a two-element array in JSON.
    Span,
    /// A list of values of one type.
    List(Box<ColumnType>),
    /// An object with named fields.
    Struct(Vec<Column>),
}

/// One column: a field of the records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The field name, as in the JSON Lines.
    pub name: String,
    /// What it holds.
    pub ty: ColumnType,
    /// Whether it may be null (or absent from the JSON object).
    pub nullable: bool,
}

/// Why the columns could not be derived: the schema has a shape this module does not
/// map, or two record types give one field name two types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot derive the columns: {0}")]
pub struct ColumnError(String);

/// The fields every record starts with, in the order the JSON Lines write them.
const COMMON: &[&str] = &[
    "type", "doc", "span", "text", "section", "sentence", "aside",
];

/// The columns of each record type, by type name: `type` first, then the common
/// fields in their JSON order, then the type's own fields by name.
pub fn columns_by_type() -> Result<BTreeMap<String, Vec<Column>>, ColumnError> {
    let schema = serde_json::to_value(schemars::schema_for!(crate::Record))
        .map_err(|e| ColumnError(e.to_string()))?;
    let defs = schema
        .get("$defs")
        .and_then(Value::as_object)
        .ok_or_else(|| ColumnError("no $defs".into()))?;
    let variants = schema
        .get("oneOf")
        .and_then(Value::as_array)
        .ok_or_else(|| ColumnError("no oneOf".into()))?;
    let mut out = BTreeMap::new();
    for variant in variants {
        let name = variant
            .pointer("/properties/type/const")
            .and_then(Value::as_str)
            .ok_or_else(|| ColumnError("a record type without its name".into()))?;
        let body = resolve_ref(defs, variant)?;
        let (ty, _) = column_type(defs, body)?;
        let ColumnType::Struct(fields) = ty else {
            return Err(ColumnError(format!("{name}: not an object")));
        };
        let mut columns = vec![Column {
            name: "type".into(),
            ty: ColumnType::Enum(vec![name.to_string()]),
            nullable: false,
        }];
        for common in &COMMON[1..] {
            if let Some(c) = fields.iter().find(|c| c.name == *common) {
                columns.push(c.clone());
            }
        }
        columns.extend(
            fields
                .into_iter()
                .filter(|c| !COMMON.contains(&c.name.as_str())),
        );
        out.insert(name.to_string(), columns);
    }
    Ok(out)
}

/// The columns of one record type (`money`, `event`...), or `None` for an unknown type.
pub fn columns_of(type_name: &str) -> Option<Vec<Column>> {
    columns_by_type().ok()?.remove(type_name)
}

/// The columns of all record types as one table, in the order of
/// [`crate::TYPE_NAMES`]: each field once, at its first appearance; a closed vocabulary
/// shared by several types (`kind`) holds all their values; a field some types lack is
/// nullable. An error when a field name has two types.
pub fn all_columns() -> Result<Vec<Column>, ColumnError> {
    let by_type = columns_by_type()?;
    let mut out: Vec<Column> = Vec::new();
    for type_name in crate::TYPE_NAMES {
        let columns = by_type
            .get(*type_name)
            .ok_or_else(|| ColumnError(format!("no schema for {type_name}")))?;
        for column in columns {
            match out.iter_mut().find(|c| c.name == column.name) {
                None => out.push(column.clone()),
                Some(seen) => {
                    seen.ty = merge(&seen.ty, &column.ty).ok_or_else(|| {
                        ColumnError(format!(
                            "`{}` is {:?} in one record type and {:?} in another",
                            column.name, seen.ty, column.ty
                        ))
                    })?;
                    seen.nullable |= column.nullable;
                }
            }
        }
    }
    for column in &mut out {
        let everywhere = by_type
            .values()
            .all(|cols| cols.iter().any(|c| c.name == column.name));
        column.nullable |= !everywhere;
    }
    Ok(out)
}

/// One type for two uses of a field name: the same type, or two vocabularies joined.
fn merge(a: &ColumnType, b: &ColumnType) -> Option<ColumnType> {
    match (a, b) {
        (ColumnType::Enum(x), ColumnType::Enum(y)) => {
            let mut values = x.clone();
            values.extend(y.iter().filter(|v| !x.contains(v)).cloned());
            Some(ColumnType::Enum(values))
        }
        _ if a == b => Some(a.clone()),
        _ => None,
    }
}

/// The schema a `$ref` points at, or the schema itself.
fn resolve_ref<'a>(
    defs: &'a serde_json::Map<String, Value>,
    schema: &'a Value,
) -> Result<&'a Value, ColumnError> {
    match schema.get("$ref").and_then(Value::as_str) {
        None => Ok(schema),
        Some(r) => {
            let name = r.rsplit('/').next().unwrap_or(r);
            defs.get(name)
                .ok_or_else(|| ColumnError(format!("unknown $ref {r}")))
        }
    }
}

/// The column type of a schema, and whether null is allowed.
fn column_type(
    defs: &serde_json::Map<String, Value>,
    schema: &Value,
) -> Result<(ColumnType, bool), ColumnError> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        if r.ends_with("/Span") {
            return Ok((ColumnType::Span, false));
        }
        return column_type(defs, resolve_ref(defs, schema)?);
    }
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
        let is_null = |s: &Value| s.get("type").and_then(Value::as_str) == Some("null");
        let nullable = any.iter().any(is_null);
        let rest: Vec<&Value> = any.iter().filter(|s| !is_null(s)).collect();
        let [one] = rest.as_slice() else {
            return Err(ColumnError(format!("a union of several types: {schema}")));
        };
        let (ty, inner) = column_type(defs, one)?;
        return Ok((ty, nullable || inner));
    }
    if let Some(one_of) = schema.get("oneOf").and_then(Value::as_array) {
        let values: Option<Vec<String>> = one_of
            .iter()
            .map(|s| s.get("const").and_then(Value::as_str).map(str::to_string))
            .collect();
        return values
            .map(|v| (ColumnType::Enum(v), false))
            .ok_or_else(|| ColumnError(format!("a oneOf that is not a vocabulary: {schema}")));
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let values: Option<Vec<String>> = values
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect();
        return values
            .map(|v| (ColumnType::Enum(v), false))
            .ok_or_else(|| ColumnError(format!("an enum of non-strings: {schema}")));
    }
    let (base, nullable) = match schema.get("type") {
        Some(Value::String(t)) => (t.as_str(), false),
        Some(Value::Array(ts)) => {
            let names: Vec<&str> = ts.iter().filter_map(Value::as_str).collect();
            let rest: Vec<&str> = names.iter().copied().filter(|t| *t != "null").collect();
            let [one] = rest.as_slice() else {
                return Err(ColumnError(format!("several types: {schema}")));
            };
            (*one, names.contains(&"null"))
        }
        _ => return Err(ColumnError(format!("no type: {schema}"))),
    };
    let ty = match base {
        "string" if schema.get("format").and_then(Value::as_str) == Some("date") => {
            ColumnType::Date
        }
        "string" => ColumnType::String,
        "boolean" => ColumnType::Boolean,
        "integer" => ColumnType::Integer,
        "number" => ColumnType::Decimal,
        "array" => {
            let items = schema
                .get("items")
                .ok_or_else(|| ColumnError(format!("an array without items: {schema}")))?;
            ColumnType::List(Box::new(column_type(defs, items)?.0))
        }
        "object" => {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut fields = Vec::new();
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                for (name, prop) in props {
                    let (ty, nullable) = column_type(defs, prop)?;
                    fields.push(Column {
                        name: name.clone(),
                        ty,
                        nullable: nullable || !required.contains(&name.as_str()),
                    });
                }
            }
            ColumnType::Struct(fields)
        }
        other => return Err(ColumnError(format!("type {other}: {schema}"))),
    };
    Ok((ty, nullable))
}

/// The dialects `bluebook schema --for` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// The `columns=` struct of DuckDB's `read_json`.
    DuckDb,
    /// A polars schema (Python), for `read_ndjson`/`scan_ndjson`.
    Polars,
    /// A pyarrow schema (Python), for `pyarrow.json.read_json`'s `explicit_schema`.
    PyArrow,
    /// A Spark DDL string, for `spark.read.schema(...).json(...)`.
    Spark,
}

/// The schema of `columns` in `dialect`, as text to paste.
pub fn render(columns: &[Column], dialect: Dialect) -> String {
    match dialect {
        Dialect::DuckDb => {
            let fields: Vec<String> = columns
                .iter()
                .map(|c| format!("    '{}': '{}'", c.name, duckdb_type(&c.ty)))
                .collect();
            format!("{{\n{}\n}}\n", fields.join(",\n"))
        }
        Dialect::Polars => {
            // polars reads JSON numbers into floats only: the schema reads decimals
            // as Float64 and `read` casts them to exact decimals (a float of up to
            // 15 significant digits casts back to the digits written).
            let fields: Vec<String> = columns
                .iter()
                .map(|c| {
                    let ty = match c.ty {
                        ColumnType::Decimal => "pl.Float64".to_string(),
                        _ => polars_type(&c.ty),
                    };
                    format!("    {:?}: {ty},", c.name)
                })
                .collect();
            format!(
                "import polars as pl\n\n\
                 # Read as Float64 (polars reads JSON numbers as floats); `read` casts them\n\
                 # to exact decimals.\n\
                 DECIMALS = {decimals:?}\n\n\
                 SCHEMA = {{\n{fields}\n}}\n\n\n\
                 def read(path):\n    \
                 \"\"\"Records of a JSON-Lines file as a polars DataFrame with exact types.\"\"\"\n    \
                 return pl.read_ndjson(path, schema=SCHEMA).with_columns(\n        \
                 pl.col(DECIMALS).cast(pl.Decimal({DECIMAL_PRECISION}, {DECIMAL_SCALE}))\n    )\n",
                decimals = names_of(columns, &ColumnType::Decimal),
                fields = fields.join("\n")
            )
        }
        Dialect::PyArrow => {
            // pyarrow's JSON reader takes dates only as numbers: the schema reads them
            // as text and `read` casts them to date32.
            let fields: Vec<String> = columns
                .iter()
                .map(|c| {
                    let ty = match c.ty {
                        ColumnType::Date => "pa.string()".to_string(),
                        _ => pyarrow_type(&c.ty),
                    };
                    let nullable = if c.nullable { "" } else { ", nullable=False" };
                    format!("    pa.field({:?}, {ty}{nullable}),", c.name)
                })
                .collect();
            format!(
                "import pyarrow as pa\nimport pyarrow.json\n\n\
                 # Read as text (pyarrow's JSON reader takes dates only as numbers); `read`\n\
                 # casts them to date32.\n\
                 DATES = {dates:?}\n\n\
                 SCHEMA = pa.schema([\n{fields}\n])\n\n\n\
                 def read(path):\n    \
                 \"\"\"Records of a JSON-Lines file as a pyarrow Table with exact types.\"\"\"\n    \
                 options = pyarrow.json.ParseOptions(explicit_schema=SCHEMA)\n    \
                 table = pyarrow.json.read_json(path, parse_options=options)\n    \
                 for name in DATES:\n        \
                 at = table.schema.get_field_index(name)\n        \
                 table = table.set_column(at, name, table[name].cast(pa.date32()))\n    \
                 return table\n",
                dates = names_of(columns, &ColumnType::Date),
                fields = fields.join("\n")
            )
        }
        Dialect::Spark => {
            let fields: Vec<String> = columns
                .iter()
                .map(|c| format!("`{}` {}", c.name, spark_type(&c.ty)))
                .collect();
            format!("{}\n", fields.join(", "))
        }
    }
}

fn duckdb_type(ty: &ColumnType) -> String {
    match ty {
        ColumnType::String | ColumnType::Enum(_) => "VARCHAR".into(),
        ColumnType::Boolean => "BOOLEAN".into(),
        ColumnType::Integer => "BIGINT".into(),
        ColumnType::Decimal => format!("DECIMAL({DECIMAL_PRECISION}, {DECIMAL_SCALE})"),
        ColumnType::Date => "DATE".into(),
        ColumnType::Span => "BIGINT[]".into(),
        ColumnType::List(item) => format!("{}[]", duckdb_type(item)),
        ColumnType::Struct(fields) => {
            let inner: Vec<String> = fields
                .iter()
                .map(|f| format!("\"{}\" {}", f.name, duckdb_type(&f.ty)))
                .collect();
            format!("STRUCT({})", inner.join(", "))
        }
    }
}

fn polars_type(ty: &ColumnType) -> String {
    match ty {
        ColumnType::String | ColumnType::Enum(_) => "pl.String".into(),
        ColumnType::Boolean => "pl.Boolean".into(),
        ColumnType::Integer => "pl.Int64".into(),
        ColumnType::Decimal => format!("pl.Decimal({DECIMAL_PRECISION}, {DECIMAL_SCALE})"),
        ColumnType::Date => "pl.Date".into(),
        ColumnType::Span => "pl.List(pl.Int64)".into(),
        ColumnType::List(item) => format!("pl.List({})", polars_type(item)),
        ColumnType::Struct(fields) => {
            let inner: Vec<String> = fields
                .iter()
                .map(|f| format!("{:?}: {}", f.name, polars_type(&f.ty)))
                .collect();
            format!("pl.Struct({{{}}})", inner.join(", "))
        }
    }
}

/// The names of the columns of type `ty`.
fn names_of<'a>(columns: &'a [Column], ty: &ColumnType) -> Vec<&'a str> {
    columns
        .iter()
        .filter(|c| c.ty == *ty)
        .map(|c| c.name.as_str())
        .collect()
}

/// A field inside a struct: nullable, as pyarrow's JSON reader wants a struct's fields
/// when the struct itself is null.
fn pyarrow_field(c: &Column) -> String {
    format!("pa.field({:?}, {})", c.name, pyarrow_type(&c.ty))
}

fn pyarrow_type(ty: &ColumnType) -> String {
    match ty {
        ColumnType::String | ColumnType::Enum(_) => "pa.string()".into(),
        ColumnType::Boolean => "pa.bool_()".into(),
        ColumnType::Integer => "pa.int64()".into(),
        ColumnType::Decimal => format!("pa.decimal128({DECIMAL_PRECISION}, {DECIMAL_SCALE})"),
        ColumnType::Date => "pa.date32()".into(),
        ColumnType::Span => "pa.list_(pa.int64())".into(),
        ColumnType::List(item) => format!("pa.list_({})", pyarrow_type(item)),
        ColumnType::Struct(fields) => {
            let inner: Vec<String> = fields.iter().map(pyarrow_field).collect();
            format!("pa.struct([{}])", inner.join(", "))
        }
    }
}

fn spark_type(ty: &ColumnType) -> String {
    match ty {
        ColumnType::String | ColumnType::Enum(_) => "STRING".into(),
        ColumnType::Boolean => "BOOLEAN".into(),
        ColumnType::Integer => "BIGINT".into(),
        ColumnType::Decimal => format!("DECIMAL({DECIMAL_PRECISION},{DECIMAL_SCALE})"),
        ColumnType::Date => "DATE".into(),
        ColumnType::Span => "ARRAY<BIGINT>".into(),
        ColumnType::List(item) => format!("ARRAY<{}>", spark_type(item)),
        ColumnType::Struct(fields) => {
            let inner: Vec<String> = fields
                .iter()
                .map(|f| format!("`{}`: {}", f.name, spark_type(&f.ty)))
                .collect();
            format!("STRUCT<{}>", inner.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(columns: &'a [Column], name: &str) -> &'a Column {
        columns
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    #[test]
    fn every_record_type_has_its_columns_with_the_common_ones_first() {
        let by_type = columns_by_type().expect("columns");
        assert_eq!(by_type.len(), crate::TYPE_NAMES.len());
        for (name, columns) in &by_type {
            let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(&names[..4], ["type", "doc", "span", "text"], "{name}");
            assert_eq!(columns[0].ty, ColumnType::Enum(vec![name.clone()]));
        }
    }

    #[test]
    fn field_types_follow_the_record_types() {
        let money = columns_of("money").expect("money");
        assert_eq!(find(&money, "amount").ty, ColumnType::Decimal);
        assert!(find(&money, "amount").nullable);
        assert_eq!(find(&money, "currency").ty, ColumnType::String);
        assert!(!find(&money, "currency").nullable);
        assert_eq!(find(&money, "span").ty, ColumnType::Span);
        assert_eq!(find(&money, "period").ty, ColumnType::Integer);
        let ColumnType::Enum(metrics) = &find(&money, "metric").ty else {
            panic!("metric is a vocabulary")
        };
        assert!(metrics.contains(&"trade_turnover".to_string()));
        let ColumnType::Struct(direction) = &find(&money, "direction").ty else {
            panic!("direction is a struct")
        };
        assert_eq!(direction.len(), 2);
        let date = columns_of("date").expect("date");
        assert_eq!(find(&date, "start").ty, ColumnType::Date);
        assert_eq!(
            find(&date, "values").ty,
            ColumnType::List(Box::new(ColumnType::String))
        );
        let event = columns_of("event").expect("event");
        let ColumnType::List(p) = &find(&event, "participants").ty else {
            panic!("participants is a list")
        };
        assert!(matches!(**p, ColumnType::Struct(_)));
        assert!(columns_of("nothing").is_none());
    }

    #[test]
    fn all_types_form_one_table_with_one_type_per_name() {
        let all = all_columns().expect("one type per field name");
        let mut names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "each field once");
        // A field of one type only is nullable in the table; `doc` is everywhere.
        assert!(find(&all, "amount").nullable);
        assert!(!find(&all, "doc").nullable);
        let ColumnType::Enum(kinds) = &find(&all, "kind").ty else {
            panic!("kind is a vocabulary")
        };
        for k in ["visit", "name", "chapter"] {
            assert!(kinds.contains(&k.to_string()), "{k}");
        }
    }

    #[test]
    fn dialects_quote_what_they_must() {
        let all = all_columns().expect("columns");
        let duck = render(&all, Dialect::DuckDb);
        assert!(duck.contains("'amount': 'DECIMAL(38, 9)'"));
        assert!(duck.contains("'span': 'BIGINT[]'"));
        assert!(duck.contains("'direction': 'STRUCT(\"from\" VARCHAR, \"to\" VARCHAR)'"));
        let spark = render(&all, Dialect::Spark);
        assert!(spark.contains("`end` DATE"));
        assert!(spark.contains("`amount` DECIMAL(38,9)"));
        let polars = render(&all, Dialect::Polars);
        assert!(polars.contains("\"start\": pl.Date,"));
        assert!(polars.contains("\"amount\": pl.Float64,"));
        assert!(polars.contains("DECIMALS = [\"amount\", \"max\", \"min\", \"value\"]"));
        let arrow = render(&all, Dialect::PyArrow);
        assert!(arrow.contains("pa.field(\"doc\", pa.string(), nullable=False)"));
        assert!(arrow.contains("DATES = [\"end\", \"start\"]"));
    }
}
