//! `bluebook extract`: records as JSON Lines, to standard output or a file.

use super::interrupt::Temporary;
use anyhow::Context;
use bluebook::batch::{self, Outcome};
use bluebook::{Config, TYPE_NAMES};
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
    /// Write the records to this file instead of standard output. The file is written
    /// whole or not at all.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Keep only these record types (comma-separated).
    #[arg(long, value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(TYPE_NAMES))]
    types: Vec<String>,
    /// Number of threads [default: one per core]. The output is the same whatever the
    /// number.
    #[arg(short = 'j', long)]
    threads: Option<usize>,
    /// A directory of gazetteer files (countries.tsv, country-names.tsv, offices.tsv,
    /// organizations.tsv, stop-phrases.tsv, photo-credits.txt) whose rows are added to,
    /// or replace, the embedded ones.
    #[arg(long, value_name = "DIR")]
    gazetteers: Option<PathBuf>,
    /// Do not show progress or warnings (errors are still reported).
    #[arg(short, long)]
    quiet: bool,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot set the number of threads")?;
    }
    let mut config = Config::default();
    if let Some(dir) = &args.gazetteers {
        config = config.with_gazetteer_dir(dir)?;
    }
    if !args.types.is_empty() {
        config = config.with_types(args.types.iter().cloned());
    }
    let inputs = batch::expand(&super::paths_or_stdin(args.paths));
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

    let mut sink = Sink::open(args.output.as_deref())?;
    let mut failed = 0usize;
    let mut write_error = None;
    batch::run(inputs, &config, |outcome: Outcome| {
        progress.inc(1);
        progress.set_message(outcome.name.clone());
        if !args.quiet {
            for w in &outcome.warnings {
                progress.suspend(|| eprintln!("bluebook: warning: {}: {w}", outcome.name));
            }
        }
        match outcome.result {
            Ok(bytes) => match sink.write(&bytes) {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) if super::is_broken_pipe(&e) => ControlFlow::Break(()),
                Err(e) => {
                    write_error = Some(e);
                    ControlFlow::Break(())
                }
            },
            Err(e) => {
                failed += 1;
                progress.suspend(|| eprintln!("bluebook: error: {e}"));
                ControlFlow::Continue(())
            }
        }
    });
    progress.finish_and_clear();
    if let Some(e) = write_error {
        drop(sink);
        return Err(e).context("cannot write the records");
    }
    sink.finish()?;
    if failed > 0 {
        eprintln!("bluebook: {failed} input(s) failed");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Where records go: standard output, or a temporary file renamed into place at the
/// end, so an output file is never left half-written.
enum Sink {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    File {
        tmp: Temporary,
        dest: PathBuf,
        file: std::io::BufWriter<std::fs::File>,
    },
}

impl Sink {
    fn open(output: Option<&std::path::Path>) -> anyhow::Result<Sink> {
        let Some(dest) = output else {
            return Ok(Sink::Stdout(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout().lock(),
            )));
        };
        if dest.is_dir() {
            anyhow::bail!("{}: cannot write: it is a directory", dest.display());
        }
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dest.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let (tmp, file) =
            Temporary::create(tmp).with_context(|| format!("{}: cannot write", dest.display()))?;
        Ok(Sink::File {
            tmp,
            dest: dest.to_path_buf(),
            file: std::io::BufWriter::new(file),
        })
    }

    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(bytes),
            Sink::File { file, .. } => file.write_all(bytes),
        }
    }

    /// Flushes standard output, or syncs the temporary file and renames it into place.
    /// Dropping a sink unfinished removes its temporary file.
    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut w) => match w.flush() {
                Err(e) if !super::is_broken_pipe(&e) => Err(e).context("cannot write the records"),
                _ => Ok(()),
            },
            Sink::File { tmp, dest, file } => file
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|file| file.sync_all())
                .and_then(|()| tmp.persist(&dest))
                .with_context(|| format!("{}: cannot write", dest.display())),
        }
    }
}
