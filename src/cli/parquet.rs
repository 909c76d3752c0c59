//! `bluebook extract --format parquet -o DIR`: one Parquet file per record type in
//! `DIR` (`money.parquet`, `person.parquet`...), each written to a temporary file and
//! renamed into place only when every file is complete.
//!
//! Takes the JSON lines of each document as the batch writes them, keeps them until the
//! document is done (a document that fails leaves nothing), then hands each line to the
//! writer of its type ([`bluebook::columnar::TypeWriter`]).

use super::interrupt::Temporary;
use anyhow::Context;
use bluebook::columnar::TypeWriter;
use std::collections::BTreeMap;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// One type's file being written.
struct Table {
    tmp: Temporary,
    dest: PathBuf,
    writer: TypeWriter<BufWriter<std::fs::File>>,
}

/// The Parquet files of one run.
pub(super) struct ParquetOut {
    tables: BTreeMap<String, Table>,
    /// The current document's JSON lines, not yet handed to the tables.
    pending: Vec<u8>,
    /// Bytes handed over for the documents before the current one.
    committed: u64,
}

impl ParquetOut {
    /// Opens `dir` (made when missing) for the given record types.
    pub(super) fn open(dir: &Path, types: &[&str]) -> anyhow::Result<ParquetOut> {
        if dir.exists() && !dir.is_dir() {
            anyhow::bail!(
                "{}: --format parquet writes a directory of files, one per record type, \
                 and this is not a directory",
                dir.display()
            );
        }
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create", dir.display()))?;
        let mut tables = BTreeMap::new();
        for t in types {
            let dest = dir.join(format!("{t}.parquet"));
            let (tmp, file) = Temporary::beside(&dest)
                .with_context(|| format!("{}: cannot write", dest.display()))?;
            let writer = TypeWriter::new(t, BufWriter::with_capacity(1 << 16, file))
                .with_context(|| format!("{}: cannot write", dest.display()))?;
            tables.insert(t.to_string(), Table { tmp, dest, writer });
        }
        Ok(ParquetOut {
            tables,
            pending: Vec::new(),
            committed: 0,
        })
    }

    /// The next bytes of the current document's JSON lines.
    pub(super) fn write(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// Bytes received so far.
    pub(super) fn position(&self) -> u64 {
        self.committed + self.pending.len() as u64
    }

    /// Takes back what was received after `to` (a document that failed).
    pub(super) fn truncate(&mut self, to: u64) {
        let keep = to.saturating_sub(self.committed);
        self.pending
            .truncate(usize::try_from(keep).unwrap_or(usize::MAX));
    }

    /// The current document is done: its lines go to the tables. A record the files
    /// cannot hold exactly is left out and reported, naming the document and its span.
    pub(super) fn commit(&mut self, doc: &str) -> anyhow::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        for line in pending.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let Some(type_name) = type_of(line) else {
                eprintln!("bluebook: warning: {doc}: a line without its record type");
                continue;
            };
            let Some(table) = self.tables.get_mut(type_name) else {
                continue;
            };
            if let Err(e) = table.writer.push_line(line) {
                if matches!(e, bluebook::columnar::ColumnarError::Parquet(_)) {
                    return Err(e)
                        .with_context(|| format!("{}: cannot write", table.dest.display()));
                }
                eprintln!(
                    "bluebook: warning: {doc}: a {type_name} record at bytes {} left out of {}: {e}",
                    span_of(line).unwrap_or("?"),
                    table.dest.display()
                );
            }
        }
        self.committed += pending.len() as u64;
        Ok(())
    }

    /// Completes every file, then renames each into place.
    pub(super) fn finish(self) -> anyhow::Result<()> {
        let mut done = Vec::new();
        for (_, table) in self.tables {
            let Table { tmp, dest, writer } = table;
            let file = writer
                .finish()
                .map_err(anyhow::Error::from)
                .and_then(|w| w.into_inner().map_err(|e| e.into_error().into()))
                .and_then(|f| f.sync_all().map_err(anyhow::Error::from))
                .with_context(|| format!("{}: cannot write", dest.display()));
            file?;
            done.push((tmp, dest));
        }
        for (tmp, dest) in done {
            tmp.persist(&dest)
                .with_context(|| format!("{}: cannot write", dest.display()))?;
        }
        Ok(())
    }
}

/// The record type a JSON line starts with (`{"type":"money",...`).
fn type_of(line: &[u8]) -> Option<&str> {
    let rest = line.strip_prefix(br#"{"type":""#)?;
    let end = rest.iter().position(|&b| b == b'"')?;
    std::str::from_utf8(&rest[..end]).ok()
}

/// The span a JSON line gives, as written (`[3,20]`), for messages.
fn span_of(line: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(line).ok()?;
    let at = text.find(r#""span":"#)? + 7;
    let end = text[at..].find(']')? + at + 1;
    Some(&text[at..end])
}
