//! Batches: expanding paths into inputs, processing them in parallel, keeping order.
//!
//! Takes: the paths given on the command line (files, directories searched recursively
//! for `*.txt`, or `-` for standard input), a [`Config`] and a [`Sink`]. Gives the sink
//! each input's records as JSON Lines and then its [`Outcome`] (record counts,
//! warnings, or the error that stopped it), in input order, whatever the number of
//! threads. Each input is a fault boundary: a failed input — unreadable, binary, or a
//! panic while extracting — is an outcome naming the file, and the batch goes on.
//!
//! Small inputs are processed in parallel, each into a buffer handed over whole; an
//! input larger than [`STREAM_ABOVE`] (or the only input) is processed alone and its
//! records are written part by part as the pipeline finishes them, so memory follows
//! one document's analysis, not its records.

use crate::config::Config;
use crate::document::Document;
use crate::error::{Error, Warning};
use crate::pipeline::{extract_each, write_record};
use crate::record::TYPE_NAMES;
use rayon::prelude::*;
use std::cell::RefCell;
use std::io::Read;
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
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
    /// How many records of each type it gave and how many bytes they took, or why it
    /// failed.
    pub result: Result<Counts, Error>,
    /// What was noticed while reading it.
    pub warnings: Vec<Warning>,
}

/// How many records of each type an input gave, and the bytes of their JSON Lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Records per type, in the order of [`TYPE_NAMES`].
    pub records: [usize; TYPE_NAMES.len()],
    /// Bytes of JSON Lines written.
    pub bytes: usize,
    /// Bytes of input read.
    pub input_bytes: usize,
}

impl Counts {
    /// All records, of every type.
    pub fn total(&self) -> usize {
        self.records.iter().sum()
    }

    /// Adds another input's counts.
    pub fn add(&mut self, other: &Counts) {
        for (a, b) in self.records.iter_mut().zip(other.records) {
            *a += b;
        }
        self.bytes += other.bytes;
        self.input_bytes += other.input_bytes;
    }
}

/// Where a batch's records go, input after input, in input order.
pub trait Sink {
    /// The next bytes of JSON Lines of the current input: a small input's all at once,
    /// a large one's part by part.
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()>;

    /// The current input is done; the next bytes belong to the next input. Return
    /// [`ControlFlow::Break`] to stop the batch. When the outcome is an error after
    /// some of the input's bytes were written ([`Error::Internal`] with `written` >
    /// 0), a sink that can take them back (a file not yet renamed) should.
    fn finish(&mut self, outcome: Outcome) -> ControlFlow<()>;
}

/// Inputs larger than this are processed alone, their records written part by part.
pub const STREAM_ABOVE: u64 = 4 << 20;

/// How many bytes of a streamed input's records are gathered before they are written.
const FLUSH_AT: usize = 1 << 16;

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

/// Processes inputs and hands their records and outcomes to `sink`, in input order,
/// whatever the number of threads. Stops early when the sink says so; a write error of
/// the sink stops the batch and is returned.
pub fn run(
    inputs: Vec<Result<Input, Error>>,
    config: &Config,
    sink: &mut dyn Sink,
) -> std::io::Result<()> {
    // The only input streams; so does every large one.
    let alone = inputs.len() == 1;
    let chunk = rayon::current_num_threads().max(1) * 4;
    let mut pending: Vec<Result<Input, Error>> = Vec::new();
    for input in inputs {
        let large = match &input {
            Ok(i) => alone || size_of(i).is_none_or(|n| n > STREAM_ABOVE),
            Err(_) => false,
        };
        match input {
            Ok(input) if large => {
                if run_small(&mut pending, config, sink)?.is_break() {
                    return Ok(());
                }
                let (outcome, io) = process(&input, config, true, &mut |b| sink.write(b));
                io?;
                if sink.finish(outcome).is_break() {
                    return Ok(());
                }
            }
            input => {
                pending.push(input);
                if pending.len() >= chunk && run_small(&mut pending, config, sink)?.is_break() {
                    return Ok(());
                }
            }
        }
    }
    let _ = run_small(&mut pending, config, sink)?;
    Ok(())
}

/// Processes the pending small inputs in parallel, each into its own buffer, and hands
/// them to the sink in order.
fn run_small(
    pending: &mut Vec<Result<Input, Error>>,
    config: &Config,
    sink: &mut dyn Sink,
) -> std::io::Result<ControlFlow<()>> {
    let done: Vec<(Outcome, Vec<u8>)> = std::mem::take(pending)
        .into_par_iter()
        .map(|input| match input {
            Ok(input) => {
                let mut bytes = Vec::new();
                let (outcome, _) = process(&input, config, false, &mut |b| {
                    bytes.extend_from_slice(b);
                    Ok(())
                });
                (outcome, bytes)
            }
            Err(e) => (failed(e), Vec::new()),
        })
        .collect();
    for (outcome, bytes) in done {
        if outcome.result.is_ok() {
            sink.write(&bytes)?;
        }
        if sink.finish(outcome).is_break() {
            return Ok(ControlFlow::Break(()));
        }
    }
    Ok(ControlFlow::Continue(()))
}

/// Reads one input and hands its records, as JSON Lines, to `write`: in pieces of
/// about [`FLUSH_AT`] bytes when `stream`, else all at once at the end. A panic while
/// extracting becomes [`Error::Internal`] naming the input.
fn process(
    input: &Input,
    config: &Config,
    stream: bool,
    write: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> (Outcome, std::io::Result<()>) {
    let name = input.name();
    let doc = match read(input) {
        Ok(doc) => doc,
        Err(e) => {
            let outcome = Outcome {
                name,
                result: Err(e),
                warnings: Vec::new(),
            };
            return (outcome, Ok(()));
        }
    };
    let mut counts = Counts {
        input_bytes: doc.raw().len(),
        ..Counts::default()
    };
    let capacity = if stream {
        FLUSH_AT * 2
    } else {
        doc.raw().len() * 4
    };
    let mut buf = Vec::with_capacity(capacity);
    let mut written = 0;
    let mut io = Ok(());
    let run = catch_unwind(AssertUnwindSafe(|| {
        CURRENT_PANIC.with(|p| p.borrow_mut().take());
        IN_DOCUMENT.with(|d| d.set(true));
        inject_fault(&doc);
        let _ = extract_each(&doc, config, &mut |record| {
            let kind = TYPE_NAMES
                .iter()
                .position(|t| *t == record.type_name())
                .unwrap_or(0);
            counts.records[kind] += 1;
            write_record(record, &mut buf);
            if stream && buf.len() >= FLUSH_AT {
                counts.bytes += buf.len();
                if let Err(e) = write(&buf) {
                    io = Err(e);
                    return ControlFlow::Break(());
                }
                written += buf.len();
                buf.clear();
            }
            ControlFlow::Continue(())
        });
    }));
    IN_DOCUMENT.with(|d| d.set(false));
    let result = match run {
        Ok(()) => {
            counts.bytes += buf.len();
            if io.is_ok() && !buf.is_empty() {
                io = write(&buf);
            }
            Ok(counts)
        }
        Err(payload) => {
            let message = CURRENT_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| panic_message(payload.as_ref()));
            Err(Error::Internal {
                path: name.clone(),
                message,
                written,
            })
        }
    };
    let outcome = Outcome {
        name,
        result,
        warnings: doc.warnings().to_vec(),
    };
    (outcome, io)
}

thread_local! {
    /// Set while a document is being extracted on this thread.
    static IN_DOCUMENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Where and why the last panic inside a document happened on this thread.
    static CURRENT_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// In debug builds only, a test hook: a document holding the text of the environment
/// variable `BLUEBOOK_FAULT_INJECTION` panics here, so the tests can check the fault
/// boundary. Release builds never read the variable.
fn inject_fault(doc: &Document) {
    if cfg!(debug_assertions)
        && let Ok(marker) = std::env::var("BLUEBOOK_FAULT_INJECTION")
        && !marker.is_empty()
        && doc.text().contains(&marker)
    {
        panic!("fault injected for a test");
    }
}

/// The text of a panic's payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Makes a panic inside a document quiet: instead of the default report on standard
/// error, its place and message go into that document's [`Error::Internal`]. Panics
/// anywhere else are reported as before. For programs that run batches (the CLI calls
/// it once at start).
pub fn report_panics_per_document() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if IN_DOCUMENT.with(|d| d.get()) {
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let message = format!("{}{place}", panic_message(info.payload()));
            CURRENT_PANIC.with(|p| *p.borrow_mut() = Some(message));
        } else {
            previous(info);
        }
    }));
}

/// The size of an input when it is a file that can be asked (`None` for standard
/// input or a file that cannot).
fn size_of(input: &Input) -> Option<u64> {
    match input {
        Input::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
        Input::Stdin => None,
    }
}

/// The outcome of an input that could not even be listed.
fn failed(e: Error) -> Outcome {
    let name = match &e {
        Error::Read { path, .. } | Error::Binary { path, .. } | Error::Internal { path, .. } => {
            path.clone()
        }
        _ => String::new(),
    };
    Outcome {
        name,
        result: Err(e),
        warnings: Vec::new(),
    }
}
