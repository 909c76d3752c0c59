//! `bluebook sections`: the section tree, indented, for a person to read.

use anyhow::Context;
use bluebook::{Analysis, Config, batch};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The input file, or - for standard input.
    path: PathBuf,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let input = match batch::expand(std::slice::from_ref(&args.path))
        .into_iter()
        .next()
    {
        Some(Ok(input)) => input,
        Some(Err(e)) => return Err(e.into()),
        None => anyhow::bail!("{}: no input", args.path.display()),
    };
    let doc = batch::read(&input)?;
    for w in doc.warnings() {
        eprintln!("bluebook: warning: {}: {w}", doc.id());
    }
    let config = Config::default();
    let analysis = Analysis::new(&doc, &config);
    let mut out = std::io::stdout().lock();
    match out
        .write_all(analysis.outline().as_bytes())
        .and_then(|_| out.flush())
    {
        Err(e) if !super::is_broken_pipe(&e) => Err(e).context("cannot write"),
        _ => Ok(ExitCode::SUCCESS),
    }
}
