//! The end of a batch: what was read, what failed and why, and the exit status.
//!
//! Everything is counted from the outcomes the batch hands back, as they are handed
//! over: records by type as the batch counted them while writing, bytes from the
//! inputs' sizes.

use bluebook::Error;
use bluebook::batch::Outcome;
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

/// How the summary is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum Format {
    /// A few lines for a person to read.
    Text,
    /// One JSON object on one line, for scripts.
    Json,
}

/// What a run met, input by input; it decides the exit status.
#[derive(Debug)]
pub(super) struct Summary {
    started: Instant,
    /// Inputs read and processed.
    read: usize,
    /// Inputs that had warnings.
    warned: usize,
    /// Failed inputs: name and reason.
    failed: Vec<(String, String)>,
    /// Directories given by name that held nothing to read.
    empty: Vec<String>,
    /// Records written, by type.
    records: BTreeMap<String, usize>,
    /// Bytes of input read.
    bytes: usize,
}

impl Summary {
    pub(super) fn start() -> Self {
        Self {
            started: Instant::now(),
            read: 0,
            warned: 0,
            failed: Vec::new(),
            empty: Vec::new(),
            records: BTreeMap::new(),
            bytes: 0,
        }
    }

    /// Counts an outcome whose records were written, and reports its warnings on
    /// standard error unless `quiet`.
    pub(super) fn read(&mut self, outcome: &Outcome, quiet: bool) {
        self.read += 1;
        self.bytes += outcome.bytes;
        if !outcome.warnings.is_empty() {
            self.warned += 1;
        }
        if !quiet {
            for w in &outcome.warnings {
                eprintln!("bluebook: warning: {}: {w}", outcome.name);
            }
        }
        if let Ok(counts) = &outcome.result {
            for (t, n) in bluebook::TYPE_NAMES.iter().zip(counts.records) {
                *self.records.entry(t.to_string()).or_default() += n;
            }
        }
    }

    /// Counts an input that could not be processed and reports it on standard error
    /// (a directory with nothing to read as a warning, anything else as an error).
    pub(super) fn failed(&mut self, name: &str, error: &Error) {
        if let Error::NoText { path } = error {
            eprintln!("bluebook: warning: {error}");
            self.empty.push(path.clone());
        } else if let Error::BadLine {
            path,
            line,
            message,
        } = error
        {
            // A line of a JSON-Lines input: an error record, for the pipeline to read.
            let record = serde_json::json!({
                "type": "error", "doc": path, "line": line, "error": message,
            });
            eprintln!("{record}");
            self.failed.push((path.clone(), error.to_string()));
        } else {
            eprintln!("bluebook: error: {error}");
            let name = error.path().unwrap_or(name).to_string();
            self.failed.push((name, error.to_string()));
        }
    }

    /// The exit status: 1 when an input failed, else 2 when a directory held nothing
    /// to read, else 0.
    pub(super) fn status(&self) -> u8 {
        if !self.failed.is_empty() {
            1
        } else if !self.empty.is_empty() {
            2
        } else {
            0
        }
    }

    pub(super) fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.status())
    }

    /// The summary as text, a few lines, each starting `bluebook: `.
    pub(super) fn text(&self) -> String {
        let secs = self.started.elapsed().as_secs_f64();
        let mut files = plural(self.read, "file") + " read";
        if self.warned > 0 {
            files.push_str(&format!(" ({} with warnings)", self.warned));
        }
        let mut records = plural(self.records.values().sum(), "record");
        let by_type: Vec<String> = self
            .by_type()
            .filter(|(_, n)| *n > 0)
            .map(|(t, n)| format!("{n} {t}"))
            .collect();
        if !by_type.is_empty() {
            records.push_str(&format!(" ({})", by_type.join(", ")));
        }
        let mut out = format!(
            "bluebook: {files}, {} failed; {records}; {} in {secs:.2} s, {:.1} MB/s\n",
            self.failed.len(),
            size(self.bytes),
            mb_per_s(self.bytes, secs),
        );
        for dir in &self.empty {
            out.push_str(&format!("bluebook: nothing to read in {dir}\n"));
        }
        const SHOWN: usize = 20;
        for (_, reason) in self.failed.iter().take(SHOWN) {
            out.push_str(&format!("bluebook: failed: {reason}\n"));
        }
        if self.failed.len() > SHOWN {
            out.push_str(&format!(
                "bluebook: failed: ... and {} more, each reported above\n",
                self.failed.len() - SHOWN
            ));
        }
        out
    }

    /// The summary as one JSON object.
    pub(super) fn json(&self) -> serde_json::Value {
        let secs = self.started.elapsed().as_secs_f64();
        let by_type: serde_json::Map<String, serde_json::Value> = self
            .by_type()
            .map(|(t, n)| (t.to_string(), n.into()))
            .collect();
        let failures: Vec<serde_json::Value> = self
            .failed
            .iter()
            .map(|(path, error)| serde_json::json!({ "path": path, "error": error }))
            .collect();
        serde_json::json!({
            "files_read": self.read,
            "files_failed": self.failed.len(),
            "files_with_warnings": self.warned,
            "failures": failures,
            "nothing_to_read": self.empty,
            "records": self.records.values().sum::<usize>(),
            "records_by_type": by_type,
            "bytes": self.bytes,
            "seconds": (secs * 1000.0).round() / 1000.0,
            "mb_per_s": (mb_per_s(self.bytes, secs) * 100.0).round() / 100.0,
            "exit_status": self.status(),
        })
    }

    /// Prints the summary in `format` on standard error.
    pub(super) fn print(&self, format: Format) {
        match format {
            Format::Text => eprint!("{}", self.text()),
            Format::Json => eprintln!("{}", self.json()),
        }
    }

    /// Every record type with its count, in the order of [`bluebook::TYPE_NAMES`], then
    /// any other type met.
    fn by_type(&self) -> impl Iterator<Item = (&str, usize)> {
        let known = bluebook::TYPE_NAMES
            .iter()
            .map(|t| (*t, self.records.get(*t).copied().unwrap_or(0)));
        let other = self
            .records
            .iter()
            .filter(|(t, _)| !bluebook::TYPE_NAMES.contains(&t.as_str()))
            .map(|(t, n)| (t.as_str(), *n));
        known.chain(other)
    }
}

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    if secs > 0.0 {
        bytes as f64 / 1e6 / secs
    } else {
        0.0
    }
}

/// A size for a person to read: bytes, kB or MB.
fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => plural(bytes, "byte"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
