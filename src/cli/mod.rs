//! The command line: one module per subcommand.

mod extract;
mod people;
mod schema;
mod sections;
mod timeline;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// bluebook: turns prose reports on diplomacy into structured, verifiable JSON-Lines
/// records, each pointing at the exact bytes of the input it came from.
#[derive(Debug, Parser)]
#[command(name = "bluebook", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract records as JSON Lines.
    Extract(extract::Args),
    /// Print the section tree of a document, indented, for a person to read.
    Sections(sections::Args),
    /// List each distinct person with their titles, country and number of mentions.
    People(people::Args),
    /// Print the events in date order: date, kind, participants, parties, place and
    /// the sentence.
    Timeline(timeline::Args),
    /// Print the JSON Schema of the records.
    Schema,
}

/// Runs the command line; returns the process exit code.
pub fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Sections(args) => sections::run(args),
        Command::People(args) => people::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Schema => schema::run(),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bluebook: error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Whether an error is a closed output pipe (`bluebook ... | head`): not a failure.
fn is_broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

/// Paths as given, `-` when none.
fn paths_or_stdin(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths
    }
}
