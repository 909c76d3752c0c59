//! `bluebook sections`: the section tree, indented, for a person to read.

use anyhow::Context;
use bluebook::{Analysis, Config};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Input files, directories (searched recursively for *.txt), or - for standard
    /// input [default: -]. With several, each tree follows a line `==> NAME <==`.
    paths: Vec<PathBuf>,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config::default();
    let mut out = std::io::stdout().lock();
    let mut write_error = None;
    let mut first = true;
    let met = super::each_document(args.paths, |doc, several| {
        let outline = Analysis::new(doc, &config).outline();
        let mut write = || -> std::io::Result<()> {
            if several {
                if !first {
                    writeln!(out)?;
                }
                writeln!(out, "==> {} <==", doc.id())?;
            }
            out.write_all(outline.as_bytes())
        };
        let written = write();
        first = false;
        match written {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                write_error = Some(e);
                ControlFlow::Break(())
            }
        }
    });
    match write_error.map_or_else(|| out.flush(), Err) {
        Err(e) if !super::is_broken_pipe(&e) => Err(e).context("cannot write"),
        _ => Ok(met.exit_code()),
    }
}
