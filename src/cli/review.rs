//! `bluebook review`: one self-contained HTML page for a person to review the records
//! of some documents.
//!
//! **Takes** input paths (as `extract` does), the common options and `--types`.
//! **Gives** one HTML file with nothing to fetch (style and script inline, a content
//! security policy that forbids loading anything): each document's text with its
//! records marked in place, one colour per record type; the section tree as a sidebar
//! that jumps to each heading; a checkbox and a count per type; a search box over the
//! records' text and fields; and, for the record clicked, its JSON fields. The text is
//! marked in Rust ([`render`]); the records go into the page as JSON, one block per
//! document, and the script reads them from there.
//!
//! The page is written document by document as each is read, to a temporary file
//! renamed into place at the end (whole or not at all), or to standard output with
//! `-o -` or without `-o`. An input that cannot be read is reported and left out, and
//! the exit status follows the other commands' rules; when no input could be read at
//! all, no file is written.

mod render;

use super::interrupt::{Destination, Temporary};
use anyhow::Context;
use bluebook::{Record, TYPE_NAMES};
use render::{Mark, escape, escape_into, fill_template};
use std::collections::HashMap;
use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The page around the documents; `{{DOCUMENTS}}` is where they go.
const PAGE: &str = include_str!("review/page.html");
/// The page's style.
const STYLE: &str = include_str!("review/review.css");
/// The page's script: selection, details, filters, search.
const SCRIPT: &str = include_str!("review/review.js");

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Input files, directories (searched recursively for *.txt), or - for standard
    /// input [default: -].
    paths: Vec<PathBuf>,
    /// Write the page to this file, whole or not at all; `-` or nothing: standard
    /// output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Keep only these record types (comma-separated).
    #[arg(long, value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(TYPE_NAMES))]
    types: Vec<String>,
    #[command(flatten)]
    options: super::Options,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let types = (!args.types.is_empty()).then_some(args.types.as_slice());
    let config = args.options.config(types)?;
    let title = page_title(&args.paths);
    let (head, tail) = PAGE.split_once("{{DOCUMENTS}}").unwrap_or((PAGE, ""));
    let mut output = Output::open(args.output.as_deref())?;
    let mut page = Page::default();

    let mut piece = String::new();
    fill_template(head, &mut piece, |slot, out| match slot {
        "TITLE" => escape_into(out, &title),
        "VERSION" => out.push_str(env!("CARGO_PKG_VERSION")),
        "STYLE" => out.push_str(STYLE),
        _ => {}
    });
    let mut write_error = output.write(piece.as_bytes()).err();
    let mut failed = Vec::new();
    let mut met = super::each_document(args.paths, |doc, _| {
        if write_error.is_some() {
            return ControlFlow::Break(());
        }
        // A bug met on one document leaves that one out, not the whole page.
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let records = bluebook::extract(doc, &config);
            page.document(doc, &records)
        }));
        match rendered {
            Ok(html) => {
                if let Err(e) = output.write(html.as_bytes()) {
                    write_error = Some(e);
                    return ControlFlow::Break(());
                }
            }
            Err(payload) => failed.push(bluebook::Error::Internal {
                path: doc.id().to_string(),
                message: bluebook::batch::panic_message(payload.as_ref()),
                written: 0,
            }),
        }
        ControlFlow::Continue(())
    });
    for e in &failed {
        met.failed("", e);
    }
    if let Some(e) = write_error {
        if super::is_broken_pipe(&e) {
            return Ok(met.exit_code());
        }
        // Dropping the output unfinished removes its temporary file.
        return Err(e).context(format!("{}: cannot write", output.describe()));
    }
    if page.documents.is_empty() && output.is_file() {
        eprintln!(
            "bluebook: no document could be read; {} was not written",
            output.describe()
        );
        return Ok(if met.status() == 0 {
            ExitCode::FAILURE
        } else {
            met.exit_code()
        });
    }
    piece.clear();
    fill_template(tail, &mut piece, |slot, out| match slot {
        "FILTERS" => page.filters_into(out),
        "TOTAL" => out.push_str(&page.counts.iter().sum::<usize>().to_string()),
        "SECTIONS" => page.sections_into(out),
        "SCRIPT" => out.push_str(SCRIPT),
        _ => {}
    });
    let name = output.describe();
    match output
        .write(piece.as_bytes())
        .and_then(|()| output.finish())
    {
        Err(e) if !super::is_broken_pipe(&e) => Err(e).context(format!("{name}: cannot write")),
        _ => Ok(met.exit_code()),
    }
}

/// The page's title: the inputs as given.
fn page_title(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let mut names = if names.is_empty() {
        "standard input".to_string()
    } else {
        names.join(", ")
    };
    if names.chars().count() > 120 {
        names = names.chars().take(119).collect::<String>() + "…";
    }
    format!("bluebook review: {names}")
}

/// What the page gathers while the documents go by, for the parts written after
/// them: counts per type and each document's section tree.
#[derive(Default)]
struct Page {
    /// Records by type, in the order of [`TYPE_NAMES`].
    counts: [usize; TYPE_NAMES.len()],
    /// Records on the page so far: the next record's `data-id`.
    records: usize,
    /// Each document's name and headings, in order.
    documents: Vec<(String, Vec<Heading>)>,
}

/// One heading of the sidebar.
struct Heading {
    /// The section's id in its document.
    section: Option<u32>,
    /// The enclosing section's id.
    parent: Option<u32>,
    /// The heading's record on the page.
    id: usize,
    /// Its number as written, and title.
    number: Option<String>,
    title: String,
    level: u8,
}

impl Page {
    /// One document's HTML: its text with the records marked, then its records as
    /// JSON.
    fn document(&mut self, doc: &bluebook::Document, records: &[Record]) -> String {
        let index = self.documents.len();
        let first = self.records;
        let mut headings = Vec::new();
        let marks: Vec<Mark> = records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let id = first + i;
                let span = r.common().span;
                let mut anchor = None;
                if let Record::Section(s) = r {
                    anchor = s.common.section.map(|own| format!("s{index}-{own}"));
                    headings.push(Heading {
                        section: s.common.section,
                        parent: s.parent,
                        id,
                        number: s.number.clone(),
                        title: s.path.last().cloned().unwrap_or_default(),
                        level: s.level,
                    });
                }
                if let Some(k) = TYPE_NAMES.iter().position(|t| *t == r.type_name()) {
                    self.counts[k] += 1;
                }
                Mark {
                    start: span.start(),
                    end: span.end(),
                    kind: r.type_name(),
                    id,
                    anchor,
                }
            })
            .collect();
        self.records += records.len();

        let raw = doc.raw();
        let mut html = String::with_capacity(raw.len() * 2 + records.len() * 400);
        html.push_str(&format!(
            "<article class=\"doc\" id=\"d{index}\" data-first=\"{first}\">\n<h2 class=\"doc-name\">"
        ));
        escape_into(&mut html, doc.id());
        html.push_str("</h2>\n<div class=\"text\">");
        render::highlight(raw, &marks, &mut html);
        html.push_str("</div>\n</article>\n");
        html.push_str(&format!(
            "<script type=\"application/json\" class=\"records\" data-first=\"{first}\">[\n"
        ));
        // One record a line (compact JSON has no line break), so that the script can
        // read one record without parsing them all.
        for (i, r) in records.iter().enumerate() {
            if i > 0 {
                html.push_str(",\n");
            }
            // Plain data always serializes; `<` escaped so that no `</script>` appears.
            let json = serde_json::to_string(r).unwrap_or_else(|_| "null".to_string());
            html.push_str(&json.replace('<', "\\u003c"));
        }
        html.push_str("\n]</script>\n");
        self.documents.push((doc.id().to_string(), headings));
        html
    }

    /// The type filters: a checkbox, a colour and a count per type.
    fn filters_into(&self, out: &mut String) {
        for (name, n) in TYPE_NAMES.iter().zip(self.counts) {
            out.push_str(&format!(
                "<label class=\"filter\" data-type=\"{name}\"><input type=\"checkbox\" \
                 value=\"{name}\" checked{}><span class=\"chip\" data-type=\"{name}\">{name}\
                 </span> <span class=\"count\" data-type=\"{name}\" data-total=\"{n}\">{n}\
                 </span></label>\n",
                if n == 0 { " disabled" } else { "" }
            ));
        }
    }

    /// The section tree of each document, as nested lists of links to the headings.
    fn sections_into(&self, out: &mut String) {
        out.push_str("<ul class=\"tree\">\n");
        for (index, (name, headings)) in self.documents.iter().enumerate() {
            out.push_str(&format!("<li class=\"doc\"><a href=\"#d{index}\">"));
            escape_into(out, name);
            out.push_str("</a>");
            tree_into(out, index, headings);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
}

/// One document's headings as nested lists. A heading's parent is the section it
/// names when that one came before it; otherwise it is a root (so the tree has no
/// cycle whatever the ids). Walked with a stack, not recursion.
fn tree_into(out: &mut String, doc: usize, headings: &[Heading]) {
    let mut seen: HashMap<u32, usize> = HashMap::new();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); headings.len()];
    let mut roots = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        match h.parent.and_then(|p| seen.get(&p)) {
            Some(&p) => children[p].push(i),
            None => roots.push(i),
        }
        if let Some(own) = h.section {
            seen.insert(own, i);
        }
    }
    if roots.is_empty() {
        return;
    }
    enum Step {
        Open(usize),
        Close,
    }
    out.push_str("<ul>");
    let mut steps: Vec<Step> = roots.iter().rev().map(|&i| Step::Open(i)).collect();
    while let Some(step) = steps.pop() {
        let i = match step {
            Step::Close => {
                out.push_str("</ul></li>");
                continue;
            }
            Step::Open(i) => i,
        };
        let h = &headings[i];
        let label = match &h.number {
            Some(n) if !h.title.starts_with(n.as_str()) => format!("{n}. {}", h.title),
            _ => h.title.clone(),
        };
        let href = h
            .section
            .map(|s| format!("#s{doc}-{s}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "<li><a class=\"l{}\" href=\"{href}\" data-id=\"{}\" title=\"{}\">{}</a>",
            h.level,
            h.id,
            escape(&label),
            escape(&label)
        ));
        if children[i].is_empty() {
            out.push_str("</li>");
        } else {
            out.push_str("<ul>");
            steps.push(Step::Close);
            steps.extend(children[i].iter().rev().map(|&c| Step::Open(c)));
        }
    }
    out.push_str("</ul>");
}

/// Where the page goes: standard output, a temporary file renamed into place at the
/// end, or straight to a device or pipe named as the output (it cannot be replaced).
enum Output {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    Special(PathBuf, std::io::BufWriter<std::fs::File>),
    File {
        tmp: Temporary,
        dest: PathBuf,
        file: std::io::BufWriter<std::fs::File>,
    },
}

impl Output {
    fn open(output: Option<&Path>) -> anyhow::Result<Output> {
        let dest = match output {
            Some(dest) if dest.as_os_str() != "-" => dest,
            _ => {
                return Ok(Output::Stdout(std::io::BufWriter::new(
                    std::io::stdout().lock(),
                )));
            }
        };
        Ok(match Destination::open(dest)? {
            Destination::Special(file) => {
                Output::Special(dest.to_path_buf(), std::io::BufWriter::new(file))
            }
            Destination::Temporary(tmp, file) => Output::File {
                tmp,
                dest: dest.to_path_buf(),
                file: std::io::BufWriter::with_capacity(1 << 16, file),
            },
        })
    }

    /// Whether the page goes to a file that is renamed into place.
    fn is_file(&self) -> bool {
        matches!(self, Output::File { .. })
    }

    /// The output's name, for messages.
    fn describe(&self) -> String {
        match self {
            Output::Stdout(_) => "standard output".to_string(),
            Output::Special(dest, _) | Output::File { dest, .. } => dest.display().to_string(),
        }
    }

    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(bytes),
            Output::Special(_, w) | Output::File { file: w, .. } => w.write_all(bytes),
        }
    }

    /// Flushes, or syncs the temporary file and renames it into place.
    fn finish(self) -> std::io::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush(),
            Output::Special(_, mut w) => w.flush(),
            Output::File { tmp, dest, file } => file
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|file| file.sync_all())
                .and_then(|()| tmp.persist(&dest)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_style_and_script_cannot_end_their_element_or_fetch_anything() {
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
        for asset in [PAGE, STYLE, SCRIPT] {
            for fetch in [
                "http:",
                "https:",
                "url(",
                "@import",
                "fetch(",
                "XMLHttpRequest",
            ] {
                assert!(!asset.contains(fetch), "{fetch}");
            }
        }
        let slots = ["TITLE", "VERSION", "STYLE", "DOCUMENTS", "FILTERS", "TOTAL"];
        for slot in slots.iter().chain(&["SECTIONS", "SCRIPT"]) {
            assert_eq!(
                PAGE.matches(&format!("{{{{{slot}}}}}")).count(),
                1,
                "{slot}"
            );
        }
    }

    #[test]
    fn a_heading_whose_parent_is_unknown_or_later_is_a_root() {
        let heading = |section, parent, id| Heading {
            section: Some(section),
            parent,
            id,
            number: None,
            title: format!("h{section}"),
            level: 1,
        };
        // 1 names a parent that comes later, 2 one that does not exist, 3 is 0's child.
        let headings = [
            heading(0, None, 10),
            heading(1, Some(3), 11),
            heading(2, Some(9), 12),
            heading(3, Some(0), 13),
        ];
        let mut out = String::new();
        tree_into(&mut out, 0, &headings);
        // In page order: 0 with its child 3, then the roots 1 and 2.
        let order: Vec<&str> = out
            .split("<li>")
            .skip(1)
            .map(|li| li.split('"').nth(3).unwrap_or_default())
            .collect();
        assert_eq!(order, ["#s0-0", "#s0-3", "#s0-1", "#s0-2"]);
        assert!(out.contains("h0</a><ul><li><a class=\"l1\" href=\"#s0-3\""));
        assert_eq!(out.matches("<ul>").count(), out.matches("</ul>").count());
        assert_eq!(out.matches("<li>").count(), out.matches("</li>").count());
    }
}
