//! `bluebook extract`: records as JSON Lines, to standard output or a file.

use super::interrupt::{Destination, Temporary};
use super::parquet::ParquetOut;
use super::summary::{self, Summary};
use anyhow::Context;
use bluebook::TYPE_NAMES;
use bluebook::batch::{self, Outcome};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Input files, directories (searched recursively for *.txt), or - for standard
    /// input [default: -].
    paths: Vec<PathBuf>,
    /// Write the records to this file instead of standard output (with `--format
    /// parquet`, to this directory, required). The output is written whole or not at
    /// all.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// What to write: `jsonl`, one JSON record a line, or `parquet`, one typed Parquet
    /// file per record type in the `--output` directory (`money.parquet`, ...): exact
    /// amounts as DECIMAL(38, 9), dates as DATE, vocabularies as dictionary strings,
    /// spans as two integer columns (`span_start`, `span_end`).
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    format: OutputFormat,
    /// Keep only these record types (comma-separated).
    #[arg(long, value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(TYPE_NAMES))]
    types: Vec<String>,
    /// Number of threads [default: one per core]. The output is the same whatever the
    /// number.
    #[arg(short = 'j', long)]
    threads: Option<usize>,
    #[command(flatten)]
    options: super::Options,
    /// What the inputs hold: `text`, one document each, or `jsonl`, one document a
    /// line as `{"doc": "name", "text": "..."}` (a stage of a Spark or shell pipeline:
    /// records come out in line order, a malformed line is reported on standard error
    /// as an error record with its line number, and the run goes on).
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    input: InputFormat,
    /// Do not show progress, warnings or the summary (errors are still reported).
    #[arg(short, long)]
    quiet: bool,
    /// Print a summary at the end on standard error: files read, records by type,
    /// failures and their reasons, bytes, time and speed. Without this option a batch
    /// (several inputs, or a directory) ends with the text summary unless --quiet;
    /// with it, the summary is printed in that format whatever the number of inputs.
    #[arg(long, value_name = "FORMAT", value_enum)]
    summary: Option<summary::Format>,
}

/// What `extract` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum OutputFormat {
    /// JSON Lines.
    Jsonl,
    /// A directory of Parquet files, one per record type.
    Parquet,
}

/// What the inputs of `extract` hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum InputFormat {
    /// One document per file (or standard input).
    Text,
    /// One document per line: `{"doc": "name", "text": "..."}`.
    Jsonl,
}

/// The documents of JSON-Lines inputs, in order: each path's lines (`-` for standard
/// input). A path that cannot be opened is an error naming it.
fn jsonl_inputs(paths: &[PathBuf]) -> Vec<Result<batch::Input, bluebook::Error>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.extend(batch::jsonl_inputs("-", std::io::stdin().lock()));
            continue;
        }
        let name = path.display().to_string();
        match std::fs::File::open(path) {
            Ok(file) => out.extend(batch::jsonl_inputs(&name, std::io::BufReader::new(file))),
            Err(source) => out.push(Err(bluebook::Error::Read { path: name, source })),
        }
    }
    out
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let summary = Summary::start();
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot set the number of threads")?;
    }
    let types = (!args.types.is_empty()).then_some(args.types.as_slice());
    let config = args.options.config(types)?;
    let paths = super::paths_or_stdin(args.paths);
    let inputs = match args.input {
        InputFormat::Text => batch::expand(&paths),
        InputFormat::Jsonl => jsonl_inputs(&paths),
    };
    // A batch: several inputs, or a directory (however many files it held).
    let is_batch = inputs.len() > 1 || paths.iter().any(|p| p.is_dir());
    let progress = if args.quiet || inputs.len() < 2 || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar =
            ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {pos}/{len} documents, {elapsed} (ETA {eta}) {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    };

    let output = match args.format {
        OutputFormat::Jsonl => Output::open(args.output.as_deref())?,
        OutputFormat::Parquet => {
            let Some(dir) = args.output.as_deref() else {
                anyhow::bail!(
                    "--format parquet needs --output DIR: it writes one file per record type"
                );
            };
            let types: Vec<&str> = if args.types.is_empty() {
                TYPE_NAMES.to_vec()
            } else {
                args.types.iter().map(String::as_str).collect()
            };
            Output::Parquet(Box::new(ParquetOut::open(dir, &types)?))
        }
    };
    let mut out = Records {
        output,
        progress,
        quiet: args.quiet,
        summary,
        doc_start: 0,
        failed: None,
    };
    let result = batch::run(inputs, &config, &mut out);
    out.progress.finish_and_clear();
    let Records {
        output,
        summary,
        failed,
        ..
    } = out;
    if let Some(e) = failed {
        // Dropping the output unfinished removes its temporary files.
        return Err(e);
    }
    match result {
        // A closed pipe: whoever read the records has what they wanted; no summary.
        Err(e) if super::is_broken_pipe(&e) => {
            output.finish()?;
            return Ok(summary.exit_code());
        }
        // Dropping the output unfinished removes its temporary file.
        Err(e) => return Err(e).context("cannot write the records"),
        Ok(()) => output.finish()?,
    }
    match args.summary {
        Some(format) => summary.print(format),
        None if is_batch && !args.quiet => summary.print(summary::Format::Text),
        None => {}
    }
    Ok(summary.exit_code())
}

/// The batch's sink: records to the output, outcomes to the progress bar, standard
/// error and the summary.
struct Records {
    output: Output,
    progress: ProgressBar,
    quiet: bool,
    summary: Summary,
    /// Where the current document's records start in the output.
    doc_start: u64,
    /// What stopped the run, when writing the output failed.
    failed: Option<anyhow::Error>,
}

impl batch::Sink for Records {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.output.write(bytes)
    }

    fn finish(&mut self, outcome: Outcome) -> ControlFlow<()> {
        self.progress.inc(1);
        self.progress.set_message(outcome.name.clone());
        match &outcome.result {
            Ok(_) => {
                let (summary, quiet) = (&mut self.summary, self.quiet);
                self.progress.suspend(|| summary.read(&outcome, quiet));
            }
            Err(e) => {
                // A document that failed part-way leaves no records in an output file.
                let taken_back = self.output.truncate(self.doc_start).unwrap_or(false);
                let summary = &mut self.summary;
                self.progress.suspend(|| {
                    summary.failed(&outcome.name, e);
                    if taken_back
                        && matches!(e, bluebook::Error::Internal { written, .. } if *written > 0)
                    {
                        eprintln!(
                            "bluebook: {}: its records were taken out of the output",
                            outcome.name
                        );
                    }
                });
            }
        }
        if let Output::Parquet(p) = &mut self.output
            && let Err(e) = p.commit(&outcome.name)
        {
            self.progress
                .suspend(|| eprintln!("bluebook: error: {e:#}"));
            self.failed = Some(e);
            return ControlFlow::Break(());
        }
        self.doc_start = self.output.position();
        ControlFlow::Continue(())
    }
}

/// Where records go: standard output, or a temporary file renamed into place at the
/// end, so an output file is never left half-written; or, when the output names a
/// device or a pipe (`/dev/null`, a FIFO), straight to it (it cannot be replaced).
enum Output {
    Parquet(Box<ParquetOut>),
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>, u64),
    Special(std::io::BufWriter<std::fs::File>, u64),
    File {
        tmp: Temporary,
        dest: PathBuf,
        file: std::io::BufWriter<std::fs::File>,
        at: u64,
    },
}

impl Output {
    fn open(output: Option<&std::path::Path>) -> anyhow::Result<Output> {
        let Some(dest) = output else {
            return Ok(Output::Stdout(
                std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
                0,
            ));
        };
        Ok(match Destination::open(dest)? {
            Destination::Special(file) => {
                Output::Special(std::io::BufWriter::with_capacity(1 << 16, file), 0)
            }
            Destination::Temporary(tmp, file) => Output::File {
                tmp,
                dest: dest.to_path_buf(),
                file: std::io::BufWriter::with_capacity(1 << 16, file),
                at: 0,
            },
        })
    }

    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Output::Parquet(p) => {
                p.write(bytes);
                Ok(())
            }
            Output::Stdout(w, at) => {
                *at += bytes.len() as u64;
                w.write_all(bytes)
            }
            Output::File { file, at, .. } | Output::Special(file, at) => {
                *at += bytes.len() as u64;
                file.write_all(bytes)
            }
        }
    }

    /// How many bytes were written so far.
    fn position(&self) -> u64 {
        match self {
            Output::Parquet(p) => p.position(),
            Output::Stdout(_, at) | Output::File { at, .. } | Output::Special(_, at) => *at,
        }
    }

    /// Takes back what was written after `to`, when the output is a file; whether it
    /// could.
    fn truncate(&mut self, to: u64) -> std::io::Result<bool> {
        match self {
            Output::Parquet(p) => {
                p.truncate(to);
                Ok(true)
            }
            Output::Stdout(..) | Output::Special(..) => Ok(false),
            Output::File { file, at, .. } => {
                if *at == to {
                    return Ok(true);
                }
                file.flush()?;
                let f = file.get_mut();
                f.set_len(to)?;
                std::io::Seek::seek(f, std::io::SeekFrom::Start(to))?;
                *at = to;
                Ok(true)
            }
        }
    }

    /// Flushes standard output, or syncs the temporary file and renames it into place.
    /// Dropping an output unfinished removes its temporary file.
    fn finish(self) -> anyhow::Result<()> {
        match self {
            Output::Parquet(p) => p.finish(),
            Output::Stdout(mut w, _) => match w.flush() {
                Err(e) if !super::is_broken_pipe(&e) => Err(e).context("cannot write the records"),
                _ => Ok(()),
            },
            Output::Special(mut w, _) => w.flush().context("cannot write the records"),
            Output::File {
                tmp, dest, file, ..
            } => file
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|file| file.sync_all())
                .and_then(|()| tmp.persist(&dest))
                .with_context(|| format!("{}: cannot write", dest.display())),
        }
    }
}
