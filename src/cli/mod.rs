//! The command line: one module per subcommand.

mod eval;
mod extract;
mod interrupt;
mod parquet;
mod people;
mod review;
mod schema;
mod sections;
mod summary;
mod table;
mod timeline;

use clap::{Parser, Subcommand};
use std::ops::ControlFlow;
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
    /// Print the section tree of each document, indented, for a person to read.
    Sections(sections::Args),
    /// List each distinct person with their titles, country, number of mentions and the
    /// documents that mention them.
    People(people::Args),
    /// Print the events in date order: date, kind, document, participants, parties,
    /// place and the sentence.
    Timeline(timeline::Args),
    /// Print the schema of the records: the JSON Schema, or what DuckDB, polars,
    /// pyarrow or Spark need to read the JSON Lines with exact types.
    Schema(schema::Args),
    /// Editions side by side: amounts, percentages or event counts of every input in
    /// one table, one row per key, each document in its own columns (CSV or Markdown).
    Table(table::Args),
    /// Write one self-contained HTML page to review the records by eye.
    ///
    /// Each document's text with its records highlighted in place, one colour per type;
    /// the section tree as a sidebar; a filter and a count per type; a search box over
    /// the records' text and fields; the fields of the record clicked.
    Review(review::Args),
    /// Score the records of each input against hand-written gold: precision, recall
    /// and F1 per type, and the accuracy of each gold field.
    Eval(eval::Args),
    /// Print the records of each input as gold lines, for a person to correct.
    Gold(eval::GoldArgs),
}

/// Runs the command line; returns the process exit code.
pub fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    bluebook::batch::report_panics_per_document();
    if let Err(e) = interrupt::install() {
        eprintln!("bluebook: warning: cannot handle interruptions: {e}");
    }
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Sections(args) => sections::run(args),
        Command::People(args) => people::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Table(args) => table::run(args),
        Command::Review(args) => review::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Gold(args) => eval::gold(args),
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

/// The options every command reading documents takes.
#[derive(Debug, clap::Args)]
struct Options {
    /// A directory of gazetteer files whose rows are added to, or replace, the
    /// embedded ones (see `gazetteers/README.md` for the files).
    #[arg(long, value_name = "DIR")]
    gazetteers: Option<PathBuf>,
    /// The state the documents speak for, as an ISO 3166-1 alpha-2 code (`VN`,
    /// `US`); without it each document's is read from the document itself.
    #[arg(long, value_name = "CC")]
    home_country: Option<String>,
}

impl Options {
    /// The configuration these options give, keeping only `types` when given.
    fn config(&self, types: Option<&[String]>) -> anyhow::Result<bluebook::Config> {
        let mut config = bluebook::Config::default();
        if let Some(dir) = &self.gazetteers {
            config = config.with_gazetteer_dir(dir)?;
        }
        if let Some(code) = &self.home_country {
            config = config.with_home_country(code)?;
        }
        if let Some(types) = types {
            config = config.with_types(types.iter().cloned());
        }
        Ok(config)
    }
}

/// Reads the documents of `paths` in turn (`-` when none) and hands each to `each`,
/// with whether it is one of several; warnings are reported, an input that cannot be
/// read is reported and skipped. `each` may stop early (a closed output pipe). Gives
/// what was met, for the exit status.
fn each_document(
    paths: Vec<PathBuf>,
    mut each: impl FnMut(&bluebook::Document, bool) -> ControlFlow<()>,
) -> summary::Summary {
    let mut met = summary::Summary::start();
    let inputs = bluebook::batch::expand(&paths_or_stdin(paths));
    let several = inputs.len() > 1;
    for input in inputs {
        match input.and_then(|i| bluebook::batch::read(&i)) {
            Ok(doc) => {
                for w in doc.warnings() {
                    eprintln!("bluebook: warning: {}: {w}", doc.id());
                }
                if each(&doc, several).is_break() {
                    break;
                }
            }
            Err(e) => met.failed("", &e),
        }
    }
    met
}

/// Paths as given, `-` when none.
fn paths_or_stdin(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths
    }
}
