//! Records as Parquet: one file per record type, typed from the record schema.
//!
//! Takes the JSON lines [`crate::write_jsonl`] writes and gives, per record type, a
//! Parquet file whose columns are [`crate::columns::columns_of`] that type: exact
//! amounts and percentages as `DECIMAL(38, 9)`, `start`/`end` as `DATE`, closed
//! vocabularies as dictionary-encoded strings, a span as two integer columns
//! (`span_start`, `span_end`; `date.span` inside an event's `date` likewise), lists as
//! lists and objects as structs. Numbers are read from the JSON text as written, never
//! through a double.
//!
//! A [`TypeWriter`] keeps a bounded number of rows in memory and writes them as a row
//! group; it does not decide where the file goes (the command line writes to a
//! temporary file and renames it into place).

use crate::columns::{Column, ColumnType, DECIMAL_PRECISION, DECIMAL_SCALE};
use crate::number::Decimal;
use arrow_array::types::{Date32Type, Int32Type};
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Decimal128Array, DictionaryArray, Int64Array, ListArray,
    RecordBatch, StringArray, StructArray,
};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;

/// Rows kept in memory before they are written as a row group.
const ROWS_PER_GROUP: usize = 64 * 1024;

/// Why records could not be written as Parquet.
#[derive(Debug, thiserror::Error)]
pub enum ColumnarError {
    /// A line is not a record of the writer's type.
    #[error("not a {expected} record: {reason}")]
    Line {
        /// The writer's record type.
        expected: String,
        /// What is wrong with the line.
        reason: String,
    },
    /// A number the decimal columns cannot hold exactly.
    #[error("`{field}` = {value} does not fit DECIMAL(38, 9) exactly")]
    Decimal {
        /// The field.
        field: String,
        /// The number as written.
        value: String,
    },
    /// The record schema could not be turned into columns.
    #[error(transparent)]
    Columns(#[from] crate::columns::ColumnError),
    /// Arrow refused the arrays (a bug: the arrays are built from the schema).
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// The Parquet writer failed (most often the file could not be written).
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

/// One row: each field's JSON, decimals kept as their exact text.
type Row = BTreeMap<String, Value>;

/// Writes the records of one type to one Parquet file.
pub struct TypeWriter<W: Write + Send> {
    type_name: String,
    columns: Vec<Column>,
    schema: SchemaRef,
    rows: Vec<Row>,
    writer: ArrowWriter<W>,
    written: usize,
}

impl<W: Write + Send> TypeWriter<W> {
    /// A writer of `type_name` records (`money`, `event`...) to `out`.
    pub fn new(type_name: &str, out: W) -> Result<Self, ColumnarError> {
        let columns = crate::columns::columns_of(type_name).ok_or_else(|| ColumnarError::Line {
            expected: type_name.to_string(),
            reason: "no such record type".into(),
        })?;
        let schema = Arc::new(Schema::new(arrow_fields(&columns, true)));
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("bluebook {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
        Ok(TypeWriter {
            type_name: type_name.to_string(),
            columns,
            schema,
            rows: Vec::new(),
            writer,
            written: 0,
        })
    }

    /// The Arrow schema of the file.
    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    /// Adds one record, given as its JSON line.
    pub fn push_line(&mut self, line: &[u8]) -> Result<(), ColumnarError> {
        let row = self.row(line)?;
        self.rows.push(row);
        if self.rows.len() >= ROWS_PER_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    /// How many records were added.
    pub fn len(&self) -> usize {
        self.written + self.rows.len()
    }

    /// Whether no record was added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the rows kept so far as a row group.
    fn flush(&mut self) -> Result<(), ColumnarError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows: Vec<Option<&Row>> = self.rows.iter().map(Some).collect();
        let arrays = struct_arrays(&self.columns, &rows)?;
        let batch = RecordBatch::try_new(self.schema.clone(), arrays)?;
        self.writer.write(&batch)?;
        self.written += self.rows.len();
        self.rows.clear();
        Ok(())
    }

    /// Writes what is left and the file's footer; gives the output back.
    pub fn finish(mut self) -> Result<W, ColumnarError> {
        self.flush()?;
        Ok(self.writer.into_inner()?)
    }

    /// A JSON line as a row: its fields, decimals as their exact text.
    fn row(&self, line: &[u8]) -> Result<Row, ColumnarError> {
        let bad = |reason: String| ColumnarError::Line {
            expected: self.type_name.clone(),
            reason,
        };
        let raw: BTreeMap<String, Box<RawValue>> =
            serde_json::from_slice(line).map_err(|e| bad(e.to_string()))?;
        let ty = raw.get("type").map(|t| t.get());
        if ty != Some(format!("\"{}\"", self.type_name).as_str()) {
            return Err(bad(format!("its type is {}", ty.unwrap_or("missing"))));
        }
        let mut row = Row::new();
        for column in &self.columns {
            let Some(raw) = raw.get(&column.name) else {
                continue;
            };
            let value = if column.ty == ColumnType::Decimal && raw.get() != "null" {
                let text = Value::String(raw.get().to_string());
                decimal(&column.name, &text)?;
                text
            } else {
                serde_json::from_str(raw.get()).map_err(|e| bad(e.to_string()))?
            };
            row.insert(column.name.clone(), value);
        }
        Ok(row)
    }
}

/// The Arrow fields of `columns`, spans as two integer fields. Only the top level
/// says which fields are never null; inside a struct every field may be.
fn arrow_fields(columns: &[Column], top: bool) -> Vec<Field> {
    let mut fields = Vec::new();
    for c in columns {
        let nullable = c.nullable || !top;
        if c.ty == ColumnType::Span {
            fields.push(Field::new(
                format!("{}_start", c.name),
                DataType::Int64,
                nullable,
            ));
            fields.push(Field::new(
                format!("{}_end", c.name),
                DataType::Int64,
                nullable,
            ));
        } else {
            fields.push(Field::new(&c.name, data_type(&c.ty), nullable));
        }
    }
    fields
}

/// The Arrow type of a column (a span is never a column of its own: see
/// [`arrow_fields`]).
fn data_type(ty: &ColumnType) -> DataType {
    match ty {
        ColumnType::String => DataType::Utf8,
        ColumnType::Enum(_) => {
            DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
        }
        ColumnType::Boolean => DataType::Boolean,
        ColumnType::Integer => DataType::Int64,
        ColumnType::Decimal => DataType::Decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        ColumnType::Date => DataType::Date32,
        ColumnType::Span => DataType::List(Arc::new(Field::new("item", DataType::Int64, true))),
        ColumnType::List(item) => {
            DataType::List(Arc::new(Field::new("item", data_type(item), true)))
        }
        ColumnType::Struct(fields) => DataType::Struct(Fields::from(arrow_fields(fields, false))),
    }
}

/// The arrays of `columns` over `rows` (a missing row is null in every column).
fn struct_arrays(
    columns: &[Column],
    rows: &[Option<&Row>],
) -> Result<Vec<ArrayRef>, ColumnarError> {
    let mut arrays: Vec<ArrayRef> = Vec::new();
    for c in columns {
        let values: Vec<Option<&Value>> = rows
            .iter()
            .map(|r| r.and_then(|r| r.get(&c.name)).filter(|v| !v.is_null()))
            .collect();
        if c.ty == ColumnType::Span {
            for end in 0..2 {
                let ends: Int64Array = values
                    .iter()
                    .map(|v| v.and_then(|v| v.get(end)).and_then(Value::as_i64))
                    .collect();
                arrays.push(Arc::new(ends));
            }
        } else {
            arrays.push(array(&c.name, &c.ty, &values)?);
        }
    }
    Ok(arrays)
}

/// The array of one column over its values.
fn array(
    name: &str,
    ty: &ColumnType,
    values: &[Option<&Value>],
) -> Result<ArrayRef, ColumnarError> {
    Ok(match ty {
        ColumnType::String => Arc::new(
            values
                .iter()
                .map(|v| v.and_then(Value::as_str))
                .collect::<StringArray>(),
        ),
        ColumnType::Enum(_) => Arc::new(
            values
                .iter()
                .map(|v| v.and_then(Value::as_str))
                .collect::<DictionaryArray<Int32Type>>(),
        ),
        ColumnType::Boolean => Arc::new(
            values
                .iter()
                .map(|v| v.and_then(Value::as_bool))
                .collect::<BooleanArray>(),
        ),
        ColumnType::Integer => Arc::new(
            values
                .iter()
                .map(|v| v.and_then(Value::as_i64))
                .collect::<Int64Array>(),
        ),
        ColumnType::Decimal => {
            let scaled: Result<Vec<Option<i128>>, ColumnarError> = values
                .iter()
                .map(|v| v.map(|v| decimal(name, v)).transpose())
                .collect();
            Arc::new(
                Decimal128Array::from(scaled?)
                    .with_precision_and_scale(DECIMAL_PRECISION, DECIMAL_SCALE)?,
            )
        }
        ColumnType::Date => Arc::new(
            values
                .iter()
                .map(|v| {
                    v.and_then(Value::as_str)
                        .and_then(|s| s.parse::<chrono::NaiveDate>().ok())
                        .map(Date32Type::from_naive_date)
                })
                .collect::<Date32Array>(),
        ),
        ColumnType::Span => {
            let items = ColumnType::List(Box::new(ColumnType::Integer));
            array(name, &items, values)?
        }
        ColumnType::List(item) => {
            let mut offsets = vec![0i32];
            let mut children: Vec<Option<&Value>> = Vec::new();
            for v in values {
                if let Some(items) = v.and_then(Value::as_array) {
                    children.extend(items.iter().map(|i| Some(i).filter(|i| !i.is_null())));
                }
                offsets.push(i32::try_from(children.len()).unwrap_or(i32::MAX));
            }
            let child = array(name, item, &children)?;
            let field = Arc::new(Field::new("item", data_type(item), true));
            Arc::new(ListArray::try_new(
                field,
                OffsetBuffer::new(offsets.into()),
                child,
                nulls(values),
            )?)
        }
        ColumnType::Struct(fields) => {
            let rows: Vec<Row> = values
                .iter()
                .map(|v| {
                    v.and_then(Value::as_object)
                        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                        .unwrap_or_default()
                })
                .collect();
            let present: Vec<Option<&Row>> = values
                .iter()
                .zip(&rows)
                .map(|(v, r)| v.map(|_| r))
                .collect();
            let arrays = struct_arrays(fields, &present)?;
            let arrow: Vec<FieldRef> = arrow_fields(fields, false)
                .into_iter()
                .map(Arc::new)
                .collect();
            Arc::new(StructArray::try_new(
                Fields::from(arrow),
                arrays,
                nulls(values),
            )?)
        }
    })
}

/// Which values are present, when any is missing.
fn nulls(values: &[Option<&Value>]) -> Option<NullBuffer> {
    values
        .iter()
        .any(Option::is_none)
        .then(|| NullBuffer::from(values.iter().map(Option::is_some).collect::<Vec<bool>>()))
}

/// A decimal written in the JSON line, as a count of `10^-9` units.
fn decimal(name: &str, v: &Value) -> Result<i128, ColumnarError> {
    let text = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    text.parse::<Decimal>()
        .ok()
        .and_then(|d| d.to_scaled(DECIMAL_SCALE.unsigned_abs().into()))
        .ok_or(ColumnarError::Decimal {
            field: name.to_string(),
            value: text,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn round_trip(type_name: &str, lines: &[&str]) -> RecordBatch {
        let mut w = TypeWriter::new(type_name, Vec::new()).expect("writer");
        for line in lines {
            w.push_line(line.as_bytes()).expect("a record");
        }
        let bytes = w.finish().expect("finished");
        let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes))
            .expect("a parquet file")
            .build()
            .expect("a reader");
        let batches: Vec<RecordBatch> = reader.map(|b| b.expect("a batch")).collect();
        arrow_select_concat(&batches)
    }

    fn arrow_select_concat(batches: &[RecordBatch]) -> RecordBatch {
        assert_eq!(batches.len(), 1, "one batch in these tests");
        batches[0].clone()
    }

    #[test]
    fn amounts_are_exact_decimals_and_spans_two_columns() {
        let batch = round_trip(
            "money",
            &[
                r#"{"type":"money","doc":"a.txt","span":[3,20],"text":"US$ 3.14","amount":3.14,"currency":"USD","currency_assumed":false,"vague":false,"metric":"trade_turnover","period":2020}"#,
                r#"{"type":"money","doc":"a.txt","span":[30,50],"text":"VND …","amount":12345678901234567891.0,"currency":"VND","currency_assumed":false,"vague":false,"direction":{"from":"JP"}}"#,
            ],
        );
        let amount = batch
            .column_by_name("amount")
            .expect("amount")
            .as_any()
            .downcast_ref::<Decimal128Array>()
            .expect("decimal");
        assert_eq!(amount.value_as_string(0), "3.140000000");
        assert_eq!(amount.value_as_string(1), "12345678901234567891.000000000");
        let start = batch
            .column_by_name("span_start")
            .expect("span_start")
            .as_any()
            .downcast_ref::<Int64Array>()
            .expect("int");
        assert_eq!((start.value(0), start.value(1)), (3, 30));
        let period = batch.column_by_name("period").expect("period");
        assert!(period.is_null(1));
        let metric = batch.column_by_name("metric").expect("metric");
        assert!(matches!(metric.data_type(), DataType::Dictionary(..)));
        let direction = batch
            .column_by_name("direction")
            .expect("direction")
            .as_any()
            .downcast_ref::<StructArray>()
            .expect("struct");
        assert!(direction.is_null(0));
        assert!(direction.is_valid(1));
    }

    #[test]
    fn dates_are_dates_and_event_dates_keep_their_span() {
        let batch = round_trip(
            "date",
            &[
                r#"{"type":"date","doc":"a","span":[0,4],"text":"2020","values":["2020"],"start":"2020-01-01","end":"2020-12-31","granularity":"year","year_from":"text","ambiguous":false}"#,
            ],
        );
        assert_eq!(
            batch.column_by_name("start").expect("start").data_type(),
            &DataType::Date32
        );
        let event = round_trip(
            "event",
            &[
                r#"{"type":"event","doc":"a","span":[0,40],"text":"x","kind":"visit","date":{"span":[5,9],"values":["2020"]},"participants":[{"name":"A B","person_id":"a-b"}],"countries":["JP","VN"],"orgs":[]}"#,
            ],
        );
        let DataType::Struct(fields) = event.column_by_name("date").expect("date").data_type()
        else {
            panic!("date is a struct")
        };
        let names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, ["span_start", "span_end", "values"]);
    }

    #[test]
    fn a_line_of_another_type_or_not_json_is_an_error() {
        let mut w = TypeWriter::new("money", Vec::new()).expect("writer");
        let err = w
            .push_line(br#"{"type":"percent","doc":"a","span":[0,1],"text":"x"}"#)
            .expect_err("wrong type");
        assert!(err.to_string().contains("not a money record"), "{err}");
        assert!(w.push_line(b"{not json").is_err());
        assert!(TypeWriter::new("nothing", Vec::new()).is_err());
    }

    #[test]
    fn a_decimal_too_fine_for_the_column_is_an_error_not_a_rounding() {
        let mut w = TypeWriter::new("percent", Vec::new()).expect("writer");
        let err = w
            .push_line(br#"{"type":"percent","doc":"a","span":[0,1],"text":"x","value":0.0000000001,"vague":false,"unit":"percent"}"#)
            .expect_err("cannot be written exactly");
        assert!(err.to_string().contains("0.0000000001"), "{err}");
        assert!(w.is_empty());
    }
}
