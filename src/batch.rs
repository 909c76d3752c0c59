//! Batches: expanding paths into inputs, processing them in parallel, keeping order.
//!
//! Takes: the paths given on the command line (files, directories searched recursively
//! for `*.txt`, or `-` for standard input) and a [`Config`]. Gives: one [`Outcome`] per
//! input, in input order, whatever the number of threads: its JSON Lines, its
//! warnings, or the error that stopped it. A failed input never stops the batch.

use crate::config::Config;
use crate::document::Document;
use crate::error::{Error, Warning};
use crate::pipeline::{extract, write_jsonl};
use rayon::prelude::*;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// One input of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input, named `-`.
    Stdin,
}

impl Input {
    /// The input's name: its path as given, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// What processing one input gave.
#[derive(Debug)]
pub struct Outcome {
    /// The input's name.
    pub name: String,
    /// Its records as JSON Lines, or why it failed.
    pub result: Result<Vec<u8>, Error>,
    /// What was noticed while reading it.
    pub warnings: Vec<Warning>,
}

/// Expands command-line paths into inputs: a directory gives its `*.txt` files,
/// recursively, in name order; `-` is standard input. A path that does not exist gives
/// an error in its place, so the rest can still be processed.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, Error>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if path.is_dir() {
            walk(path, &mut out);
        } else {
            match std::fs::metadata(path) {
                Ok(_) => out.push(Ok(Input::File(path.clone()))),
                Err(source) => out.push(Err(Error::Read {
                    path: path.display().to_string(),
                    source,
                })),
            }
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, Error>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            out.push(Err(Error::Read {
                path: dir.display().to_string(),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(Ok(Input::File(path)));
        }
    }
}

/// Reads one input into a document.
pub fn read(input: &Input) -> Result<Document, Error> {
    match input {
        Input::File(path) => Document::read(path),
        Input::Stdin => {
            let mut raw = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut raw) {
                Ok(_) => Document::from_bytes("-", raw),
                Err(source) => Err(Error::Read {
                    path: "-".to_string(),
                    source,
                }),
            }
        }
    }
}

/// Reads and processes one input.
pub fn process(input: &Input, config: &Config) -> Outcome {
    let name = input.name();
    match read(input) {
        Ok(doc) => {
            let records = extract(&doc, config);
            let mut out = Vec::with_capacity(records.len() * 400);
            write_jsonl(&records, &mut out);
            Outcome {
                name,
                result: Ok(out),
                warnings: doc.warnings().to_vec(),
            }
        }
        Err(e) => Outcome {
            name,
            result: Err(e),
            warnings: Vec::new(),
        },
    }
}

/// Processes inputs in parallel and hands each outcome to `each`, in input order.
/// `each` may stop the batch early (a closed output pipe).
pub fn run(
    inputs: Vec<Result<Input, Error>>,
    config: &Config,
    mut each: impl FnMut(Outcome) -> ControlFlow<()>,
) {
    // Chunks keep memory bounded on large batches while every thread stays busy.
    let chunk = rayon::current_num_threads().max(1) * 4;
    let mut inputs = inputs.into_iter().peekable();
    while inputs.peek().is_some() {
        let batch: Vec<Result<Input, Error>> = inputs.by_ref().take(chunk).collect();
        let outcomes: Vec<Outcome> = batch
            .into_par_iter()
            .map(|input| match input {
                Ok(input) => process(&input, config),
                Err(e) => {
                    let name = match &e {
                        Error::Read { path, .. } | Error::Binary { path, .. } => path.clone(),
                        _ => String::new(),
                    };
                    Outcome {
                        name,
                        result: Err(e),
                        warnings: Vec::new(),
                    }
                }
            })
            .collect();
        for outcome in outcomes {
            if each(outcome).is_break() {
                return;
            }
        }
    }
}
