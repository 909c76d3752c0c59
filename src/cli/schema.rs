//! `bluebook schema`: the JSON Schema of the records, derived from the record types.

use std::process::ExitCode;

pub(super) fn run() -> anyhow::Result<ExitCode> {
    println!("{}", bluebook::schema_json());
    Ok(ExitCode::SUCCESS)
}
