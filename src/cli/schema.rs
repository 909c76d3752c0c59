//! `bluebook schema`: the schema of the records, derived from the record types — the
//! JSON Schema, or the typed schema each loading tool needs to read the JSON Lines
//! without guessing (and truncating) types.

use anyhow::Context;
use bluebook::TYPE_NAMES;
use bluebook::columns::{self, Dialect};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// What to print: `jsonschema` (the JSON Schema of every record), `duckdb` (the
    /// `columns=` struct of `read_json`), `polars` (a Python module defining `SCHEMA`
    /// for `read_ndjson`), `pyarrow` (a Python module defining `SCHEMA` for
    /// `pyarrow.json.read_json`'s `explicit_schema`; pandas reads through it) or
    /// `spark` (a DDL string for `spark.read.schema(...).json(...)`).
    #[arg(long = "for", value_enum, default_value_t = Target::Jsonschema)]
    target: Target,
    /// The columns of one record type only; by default all types as one table (a
    /// field some types lack is null there).
    #[arg(long = "type", value_name = "TYPE", value_parser = clap::builder::PossibleValuesParser::new(TYPE_NAMES))]
    type_name: Option<String>,
}

/// The tools `bluebook schema --for` prints a schema for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Target {
    /// The JSON Schema.
    Jsonschema,
    /// DuckDB's `read_json(..., columns = {...})`.
    Duckdb,
    /// polars' `read_ndjson(..., schema=SCHEMA)`.
    Polars,
    /// pyarrow's `read_json(..., parse_options=ParseOptions(explicit_schema=SCHEMA))`.
    Pyarrow,
    /// Spark's `spark.read.schema(DDL).json(...)`.
    Spark,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dialect = match args.target {
        Target::Jsonschema => {
            if args.type_name.is_some() {
                anyhow::bail!("--type goes with --for duckdb, polars, pyarrow or spark");
            }
            println!("{}", bluebook::schema_json());
            return Ok(ExitCode::SUCCESS);
        }
        Target::Duckdb => Dialect::DuckDb,
        Target::Polars => Dialect::Polars,
        Target::Pyarrow => Dialect::PyArrow,
        Target::Spark => Dialect::Spark,
    };
    let columns = match &args.type_name {
        None => columns::all_columns().context("the record schema")?,
        Some(t) => columns::columns_of(t).with_context(|| format!("no columns for {t}"))?,
    };
    print!("{}", columns::render(&columns, dialect));
    Ok(ExitCode::SUCCESS)
}
