//! Batches: expanding paths into inputs, processing them in parallel, keeping order.
//!
//! Takes: the paths given on the command line (files, directories searched recursively
//! for `*.txt`, or `-` for standard input), a [`Config`] and a [`Sink`]. Gives the sink
//! each input's records as JSON Lines and then its [`Outcome`] (record counts,
//! warnings, or the error that stopped it), in input order, whatever the number of
//! threads. Each input is a fault boundary: a failed input — unreadable, binary, or a
//! panic while extracting — is an outcome naming the file, and the batch goes on.
//!
//! Small inputs are processed in groups of up to 2 MB of them, the groups in
//! parallel, each input into a buffer handed over whole: a group runs each
//! whole-document stage over its documents one after another before extracting them
//! part by part, which spares each stage warming up again for every small document
//! (160 small documents: 13% faster, the same records). An input larger than
//! [`STREAM_ABOVE`] (or the only input) is processed alone and its records are written
//! part by part as the pipeline finishes them, so memory follows one document's
//! analysis, not its records.
//!
//! What can go wrong with an input is found as early as it can be: paths that do not
//! exist, dangling or looping symbolic links and directories holding nothing to read
//! when the paths are expanded ([`expand`]); FIFOs, devices, files that vanished since
//! and unreadable files when it is read ([`read`]); encodings when its bytes are decoded
//! ([`Document::from_bytes`]). Each is an [`Error`] naming the input.

use crate::config::Config;
use crate::document::{Document, explain};
use crate::error::{Error, Warning};
use crate::pipeline::{Prepared, write_record};
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
    /// A document given whole, with its name: a line of a JSON-Lines input
    /// (`{"doc": "...", "text": "..."}`).
    Text {
        /// The document's name, as its records' `doc`.
        name: String,
        /// Its text.
        text: String,
    },
}

impl Input {
    /// The input's name: its path as given, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
            Input::Text { name, .. } => name.clone(),
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
    /// The input's size in bytes as read (0 when it could not be read).
    pub bytes: usize,
}

/// How many records of each type an input gave, and the bytes of their JSON Lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Records per type, in the order of [`TYPE_NAMES`].
    pub records: [usize; TYPE_NAMES.len()],
    /// Bytes of JSON Lines written.
    pub bytes: usize,
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

/// The allocator options a program running batches should give jemalloc (its
/// `malloc_conf`; the command and the bench do): pages freed are kept for the next
/// document instead of handed back to the system (`dirty_decay_ms:-1`,
/// `muzzy_decay_ms:-1`). A large document's text, view and maps are allocated anew for
/// the next one; handed back, their pages were faulted in again for each (four 25 MB
/// documents: 104,000 page faults and 0.20 s of system time; kept, 39,000 and 0.08 s,
/// at the same peak of 158 MB). The process stays at its peak memory until it exits.
///
/// Each thread's cache of freed small blocks is also made larger
/// (`tcache_nslots_small_max:4000`, `lg_tcache_nslots_mul:4`) and trimmed less often
/// (`tcache_gc_incr_bytes:16777216`, every 16 MiB allocated instead of 64 KiB): a
/// document's stages allocate and free their small vectors and strings by the
/// thousand, and with the default sizes the cache is refilled from and flushed to the
/// arena all the time (on a directory of 40 bluebook copies, 1.8% fewer instructions;
/// 2.9 MB more at the peak of a 25 MB document).
pub const JEMALLOC_OPTIONS: &std::ffi::CStr = c"dirty_decay_ms:-1,muzzy_decay_ms:-1,tcache_nslots_small_max:4000,lg_tcache_nslots_mul:4,tcache_gc_incr_bytes:16777216";

/// Inputs larger than this are processed alone, their records written part by part.
pub const STREAM_ABOVE: u64 = 4 << 20;

/// How many bytes of a streamed input's records are gathered before they are written.
const FLUSH_AT: usize = 1 << 16;

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
        Input::Text { name, text } => Document::from_bytes(name.clone(), text.as_bytes().to_vec()),
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
    let mut pending = Pending::new(rayon::current_num_threads().max(1));
    for input in inputs {
        // The size of a small input; none for one that streams.
        let small = match &input {
            Ok(_) if alone => None,
            Ok(i) => size_of(i).filter(|&n| n <= STREAM_ABOVE),
            Err(_) => Some(0),
        };
        match (input, small) {
            (Ok(input), None) => {
                if run_small(&mut pending, config, sink)?.is_break() {
                    return Ok(());
                }
                let (outcome, io) = process(&input, config, &mut |b| sink.write(b));
                io?;
                if sink.finish(outcome).is_break() {
                    return Ok(());
                }
            }
            (input, size) => {
                pending.push(input, size.unwrap_or(0));
                if pending.is_full() && run_small(&mut pending, config, sink)?.is_break() {
                    return Ok(());
                }
            }
        }
    }
    let _ = run_small(&mut pending, config, sink)?;
    Ok(())
}

/// How many bytes of small inputs are processed as one group, at most (a group of one
/// may hold more): their analyses are held at once.
const GROUP_BYTES: u64 = 2 << 20;

/// How many small inputs are processed as one group, at most.
const GROUP_INPUTS: usize = 64;

/// The small inputs waiting to be processed, with their sizes and their total.
struct Pending {
    inputs: Vec<(Result<Input, Error>, u64)>,
    bytes: u64,
    /// The threads that will process them.
    threads: usize,
}

impl Pending {
    fn new(threads: usize) -> Self {
        Pending {
            inputs: Vec::new(),
            bytes: 0,
            threads,
        }
    }

    fn push(&mut self, input: Result<Input, Error>, size: u64) {
        self.inputs.push((input, size));
        self.bytes += size;
    }

    /// Whether they make a full group for each thread.
    fn is_full(&self) -> bool {
        self.inputs.len() >= self.threads * GROUP_INPUTS
            || self.bytes >= self.threads as u64 * GROUP_BYTES
    }

    /// Takes them all, in groups of [`GROUP_BYTES`] and [`GROUP_INPUTS`] at most, and
    /// of a thread's share of them, so that every thread gets a group when there are
    /// inputs enough.
    fn take_groups(&mut self) -> Vec<Vec<Result<Input, Error>>> {
        let most_bytes = self.bytes.div_ceil(self.threads as u64).min(GROUP_BYTES);
        let most_inputs = self.inputs.len().div_ceil(self.threads).min(GROUP_INPUTS);
        self.bytes = 0;
        let mut groups: Vec<Vec<Result<Input, Error>>> = Vec::new();
        let mut bytes = 0;
        for (input, size) in std::mem::take(&mut self.inputs) {
            match groups.last_mut() {
                Some(g) if g.len() < most_inputs && bytes + size <= most_bytes => {
                    g.push(input);
                    bytes += size;
                }
                _ => {
                    groups.push(vec![input]);
                    bytes = size;
                }
            }
        }
        groups
    }
}

/// Processes the pending small inputs in groups ([`Pending::take_groups`]), the groups
/// in parallel, each input into its own buffer, and hands them to the sink in order.
/// On one thread the groups come one after another anyway: each input is handed over
/// as soon as it is done, from one buffer used again for the next, which stays in
/// the cache (a group's buffers, four times its 2 MB of input, do not).
fn run_small(
    pending: &mut Pending,
    config: &Config,
    sink: &mut dyn Sink,
) -> std::io::Result<ControlFlow<()>> {
    let groups = pending.take_groups();
    if rayon::current_num_threads() == 1 {
        let mut buf = Vec::new();
        let mut io = Ok(ControlFlow::Continue(()));
        for group in groups {
            let flow = process_group(group, config, &mut buf, &mut |outcome, bytes| {
                io = hand_over(sink, outcome, bytes);
                bytes.clear();
                match &io {
                    Ok(flow) => *flow,
                    Err(_) => ControlFlow::Break(()),
                }
            });
            if flow.is_break() {
                return io;
            }
        }
        return Ok(ControlFlow::Continue(()));
    }
    let done: Vec<Vec<(Outcome, Vec<u8>)>> = groups
        .into_par_iter()
        .map(|group| {
            let mut done = Vec::with_capacity(group.len());
            let _ = process_group(group, config, &mut Vec::new(), &mut |outcome, bytes| {
                done.push((outcome, std::mem::take(bytes)));
                ControlFlow::Continue(())
            });
            done
        })
        .collect();
    for (outcome, bytes) in done.into_iter().flatten() {
        if hand_over(sink, outcome, &bytes)?.is_break() {
            return Ok(ControlFlow::Break(()));
        }
    }
    Ok(ControlFlow::Continue(()))
}

/// Hands an input's records (if it did not fail) and then its outcome to `sink`.
fn hand_over(
    sink: &mut dyn Sink,
    outcome: Outcome,
    bytes: &[u8],
) -> std::io::Result<ControlFlow<()>> {
    if outcome.result.is_ok() {
        sink.write(bytes)?;
    }
    Ok(sink.finish(outcome))
}

/// Where a streamed input's records go, a piece at a time.
type Write<'w> = &'w mut dyn FnMut(&[u8]) -> std::io::Result<()>;

/// Reads one input and hands its records, as JSON Lines, to `write` in pieces of about
/// [`FLUSH_AT`] bytes (it streams). A panic while extracting becomes [`Error::Internal`]
/// naming the input.
fn process(input: &Input, config: &Config, write: Write<'_>) -> (Outcome, std::io::Result<()>) {
    let name = input.name();
    match read(input) {
        Ok(doc) => {
            let prepared = prepare(&doc, config);
            extract(name, &doc, prepared, Some(write), &mut Vec::new())
        }
        Err(e) => (read_failed(name, e), Ok(())),
    }
}

/// Processes a group of small inputs in order, each into `buf`, handing each outcome
/// with its records to `done`, which may stop the group (the records are left in the
/// buffer for `done` to take or clear). All are read and their whole-document stages
/// run ([`Prepared`]) before any is extracted part by part, so that each stage runs on
/// one document after another. Each input stays a fault boundary of its own.
fn process_group(
    group: Vec<Result<Input, Error>>,
    config: &Config,
    buf: &mut Vec<u8>,
    done: &mut dyn FnMut(Outcome, &mut Vec<u8>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    // Each input in order: the outcome of one that failed as it was read, or the name
    // of one read (its document next in `docs`).
    let mut inputs: Vec<Result<String, Outcome>> = Vec::with_capacity(group.len());
    let mut docs: Vec<Document> = Vec::new();
    for input in group {
        inputs.push(match input {
            Ok(input) => {
                let name = input.name();
                match read(&input) {
                    Ok(doc) => {
                        docs.push(doc);
                        Ok(name)
                    }
                    Err(e) => Err(read_failed(name, e)),
                }
            }
            Err(e) => Err(failed(e)),
        });
    }
    let refs: Vec<&Document> = docs.iter().collect();
    let prepared: Vec<Result<Prepared, String>> = match guarded(|| {
        refs.iter().for_each(|doc| inject_fault(doc));
        Prepared::new_many(&refs, config)
    }) {
        Ok(all) => all.into_iter().map(Ok).collect(),
        // A document of the group panicked: each is prepared alone, so that it fails
        // alone, with its own message.
        Err(_) => refs.iter().map(|doc| prepare(doc, config)).collect(),
    };
    let mut read = docs.iter().zip(prepared);
    for input in inputs {
        let outcome = match input {
            Ok(name) => match read.next() {
                Some((doc, prepared)) => extract(name, doc, prepared, None, buf).0,
                None => unreachable!("a document for each input read"),
            },
            Err(outcome) => {
                buf.clear();
                outcome
            }
        };
        done(outcome, buf)?;
    }
    ControlFlow::Continue(())
}

/// The outcome of the input `name` that could not be read.
fn read_failed(name: String, e: Error) -> Outcome {
    Outcome {
        name,
        result: Err(e),
        warnings: Vec::new(),
        bytes: 0,
    }
}

/// Runs the whole-document stages on `doc` ([`Prepared::new`]); a panic there is its
/// message.
fn prepare<'d>(doc: &'d Document, config: &'d Config) -> Result<Prepared<'d>, String> {
    guarded(|| {
        inject_fault(doc);
        Prepared::new(doc, config)
    })
}

/// Runs `f` as the work of one document: a panic inside is caught and given back as its
/// message (with its place, from the panic hook of [`report_panics_per_document`]).
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    CURRENT_PANIC.with(|p| p.borrow_mut().take());
    IN_DOCUMENT.with(|d| d.set(true));
    let run = catch_unwind(AssertUnwindSafe(f));
    IN_DOCUMENT.with(|d| d.set(false));
    run.map_err(|payload| {
        CURRENT_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| panic_message(payload.as_ref()))
    })
}

/// Extracts a prepared document (or reports the panic that stopped its preparing): its
/// records as JSON Lines, handed to `write` in pieces if given (streamed), else left
/// whole in `buf` (emptied first); and its outcome.
fn extract(
    name: String,
    doc: &Document,
    prepared: Result<Prepared<'_>, String>,
    mut write: Option<Write<'_>>,
    buf: &mut Vec<u8>,
) -> (Outcome, std::io::Result<()>) {
    let mut counts = Counts::default();
    // A whole document's records: the bluebook's take 4 to 4.2 times its size, with
    // the document's name in each; room for a little more spares a copy as it grows.
    let capacity = if write.is_some() {
        FLUSH_AT * 2
    } else {
        doc.raw().len() * 9 / 2
    };
    buf.clear();
    buf.reserve(capacity);
    let mut written = 0;
    let mut io = Ok(());
    let run = prepared.and_then(|prepared| {
        guarded(|| {
            let _ = prepared.extract_each(&mut |record| {
                counts.records[record.type_index()] += 1;
                write_record(record, buf);
                if let Some(write) = write.as_mut()
                    && buf.len() >= FLUSH_AT
                {
                    counts.bytes += buf.len();
                    if let Err(e) = write(buf) {
                        io = Err(e);
                        return ControlFlow::Break(());
                    }
                    written += buf.len();
                    buf.clear();
                }
                ControlFlow::Continue(())
            });
        })
    });
    let result = match run {
        Ok(()) => {
            counts.bytes += buf.len();
            if let Some(write) = write.as_mut()
                && io.is_ok()
                && !buf.is_empty()
            {
                io = write(buf);
                buf.clear();
            }
            Ok(counts)
        }
        Err(message) => Err(Error::Internal {
            path: name.clone(),
            message,
            written,
        }),
    };
    let outcome = Outcome {
        name,
        result,
        warnings: doc.warnings().to_vec(),
        bytes: doc.source_len(),
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
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
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
        Input::Text { text, .. } => Some(text.len() as u64),
    }
}

/// The documents of a JSON-Lines input named `source` (`-` for standard input): one
/// per line, `{"doc": "name", "text": "..."}`, in order. A line that is not such an
/// object is an [`Error::BadLine`] naming `source` and the line; blank lines are
/// skipped. A document without `doc` is named `source:LINE`.
pub fn jsonl_inputs(source: &str, reader: impl std::io::BufRead) -> Vec<Result<Input, Error>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Line {
        doc: Option<String>,
        text: String,
    }
    let mut out = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        let n = i + 1;
        let bad = |message: String| Error::BadLine {
            path: source.to_string(),
            line: n,
            message,
        };
        let line = match line {
            Ok(line) => line,
            Err(source_error) => {
                out.push(Err(Error::Read {
                    path: source.to_string(),
                    source: source_error,
                }));
                break;
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push(match serde_json::from_slice::<Line>(&line) {
            Ok(Line { doc, text }) => Ok(Input::Text {
                name: doc.unwrap_or_else(|| format!("{source}:{n}")),
                text,
            }),
            Err(e) => Err(bad(format!(
                "not a {{\"doc\": ..., \"text\": ...}} object: {e}"
            ))),
        });
    }
    out
}

/// The outcome of an input that could not even be listed.
fn failed(e: Error) -> Outcome {
    read_failed(e.path().unwrap_or_default().to_string(), e)
}
