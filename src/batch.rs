//! Batches: expanding paths into inputs, processing them in parallel, keeping order.
//!
//! Takes: the paths given on the command line (files, directories searched recursively
//! for `*.txt`, or `-` for standard input) and a [`Config`]. Gives: one [`Outcome`] per
//! input, in input order, whatever the number of threads: its JSON Lines, its
//! warnings, or the error that stopped it. A failed input never stops the batch.
//!
//! What can go wrong with an input is found as early as it can be: paths that do not
//! exist, dangling or looping symbolic links and directories holding nothing to read
//! when the paths are expanded ([`expand`]); FIFOs, devices, files that vanished since
//! and unreadable files when it is read ([`read`]); encodings when its bytes are decoded
//! ([`Document::from_bytes`]). Each is an [`Error`] naming the input.

use crate::document::{Document, explain};
use crate::error::{Error, Warning};
use crate::pipeline::{Config, extract, write_jsonl};
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
    /// The input's size in bytes as read (0 when it could not be read).
    pub bytes: usize,
}

/// Expands command-line paths into inputs: a directory gives its `*.txt` files,
/// recursively, in name order; `-` is standard input. A path that cannot be used gives
/// an error in its place, so the rest can still be processed:
///
/// - a path that does not exist, a dangling symbolic link or a symbolic link loop: an
///   [`Error::Read`] saying which;
/// - a directory given by name that holds no `*.txt` file: an [`Error::NoText`];
/// - met while walking a directory: a `*.txt` entry that cannot be looked at (dangling
///   or looping link), an entry that loops whatever its name (it may be a directory), and
///   a symbolic link back to a directory being walked (not followed): each an
///   [`Error::Read`]. Other entries that are not `*.txt` files are passed over.
///
/// Whether a file is a regular file is checked when it is [`read`].
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, Error>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = out.len();
                walk(path, &mut Vec::new(), &mut out);
                if out.len() == before {
                    out.push(Err(Error::NoText {
                        path: path.display().to_string(),
                    }));
                }
            }
            Ok(_) => out.push(Ok(Input::File(path.clone()))),
            Err(e) => out.push(Err(read_error(path, explain(path, e)))),
        }
    }
    out
}

fn read_error(path: &Path, source: std::io::Error) -> Error {
    Error::Read {
        path: path.display().to_string(),
        source,
    }
}

/// Pushes the `*.txt` files under `dir`, in name order. `ancestors` are the directories
/// being walked, resolved: a symbolic link back to one of them is a loop.
fn walk(dir: &Path, ancestors: &mut Vec<PathBuf>, out: &mut Vec<Result<Input, Error>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            out.push(Err(read_error(dir, source)));
            return;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(source) => out.push(Err(read_error(dir, source))),
        }
    }
    paths.sort();
    ancestors.push(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()));
    for path in paths {
        let is_txt = path.extension().is_some_and(|e| e == "txt");
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                let resolved = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if ancestors.contains(&resolved) {
                    let loop_error = std::io::Error::other(format!(
                        "symbolic link loop: it leads back to {}; not followed",
                        resolved.display()
                    ));
                    out.push(Err(read_error(&path, loop_error)));
                } else {
                    walk(&path, ancestors, out);
                }
            }
            Ok(_) if is_txt => out.push(Ok(Input::File(path))),
            Ok(_) => {}
            // A dangling link is passed over unless it is named like an input (editors
            // leave dangling lock links); a loop is not, since it may stand for a
            // directory.
            Err(e) if is_txt || e.kind() != std::io::ErrorKind::NotFound => {
                let e = explain(&path, e);
                out.push(Err(read_error(&path, e)));
            }
            Err(_) => {}
        }
    }
    ancestors.pop();
}

/// Reads one input into a document.
pub fn read(input: &Input) -> Result<Document, Error> {
    match input {
        // A file was there when the paths were expanded: if it is missing now, say so.
        Input::File(path) => Document::read(path).map_err(|e| match e {
            Error::Read { path, source } if source.kind() == std::io::ErrorKind::NotFound => {
                let source = std::io::Error::new(
                    source.kind(),
                    format!("{source}; it was there when the inputs were listed"),
                );
                Error::Read { path, source }
            }
            e => e,
        }),
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
                bytes: doc.source_len(),
            }
        }
        Err(e) => Outcome {
            name,
            result: Err(e),
            warnings: Vec::new(),
            bytes: 0,
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
                Err(e) => Outcome {
                    name: e.path().unwrap_or_default().to_string(),
                    result: Err(e),
                    warnings: Vec::new(),
                    bytes: 0,
                },
            })
            .collect();
        for outcome in outcomes {
            if each(outcome).is_break() {
                return;
            }
        }
    }
}
