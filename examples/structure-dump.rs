//! Dumps everything the structure stages give for each input (the view text, its lines
//! and emphasis, the source span of every character, line and sentence, the
//! sentences, the sections and the reference), for checking that a change to these
//! stages leaves their results byte-identical: dump before, dump after, diff.
//!
//! Usage: `structure-dump [--hash] PATH...`; `--hash` prints one digest per input
//! instead of the dump (for inputs too large to diff).
use bluebook::gazetteer::Gazetteers;
use bluebook::repair::CaptionRules;
use bluebook::{Document, Reference, Sections, Sentences, View};
use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hasher};
use std::io::Write as _;

fn dump(doc: &Document) -> String {
    let view = View::build(doc, CaptionRules::embedded());
    let sentences = Sentences::split(&view, Gazetteers::embedded());
    let sections = Sections::build(&view, &sentences);
    let reference = Reference::find(doc, &view, &sections, None, None);
    let text = view.text();
    let mut out = String::new();
    let _ = writeln!(out, "== text ({} bytes)\n{text}", text.len());
    let _ = writeln!(out, "== lines");
    for (i, l) in view.lines().iter().enumerate() {
        let _ = writeln!(
            out,
            "{i}\t{:?}\t{:?}\tsrc {:?}\tsection {:?}",
            l.range,
            l.kind,
            view.source_span(l.range.clone()),
            sections.of_line(i)
        );
    }
    let _ = writeln!(out, "== line_at");
    for p in (0..=text.len()).step_by(7) {
        let _ = writeln!(out, "{p}\t{}", view.line_at(p));
    }
    let _ = writeln!(out, "== emphasis");
    for e in view.emphasis() {
        let _ = writeln!(out, "{e:?}\tsrc {:?}", view.source_span(e.clone()));
    }
    let _ = writeln!(out, "== character spans");
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    for w in bounds.windows(2) {
        let _ = writeln!(
            out,
            "{}\t{:?}\t{:?}",
            w[0],
            view.source_span(w[0]..w[0]),
            view.source_span(w[0]..w[1])
        );
    }
    let _ = writeln!(out, "end\t{:?}", view.source_span(text.len()..text.len()));
    let _ = writeln!(out, "== sentences");
    for s in sentences.ranges() {
        let _ = writeln!(
            out,
            "{s:?}\tsrc {:?}\tat {:?}\t{}",
            view.source_span(s.clone()),
            sentences.at(s.start),
            &text[s.clone()]
        );
    }
    let _ = writeln!(out, "== sections");
    for (id, s) in sections.all().iter().enumerate() {
        let _ = writeln!(out, "{id}\t{s:?}\tpath {:?}", sections.path(id));
    }
    for (i, _) in view.lines().iter().enumerate() {
        let ancestry: Vec<&str> = sections.ancestry(i).map(|s| s.title.as_str()).collect();
        if !ancestry.is_empty() {
            let _ = writeln!(out, "{i}\t{ancestry:?}");
        }
    }
    let _ = writeln!(out, "== reference\n{reference:?}");
    out
}

fn main() {
    let mut hash = false;
    let mut stdout = std::io::stdout().lock();
    for arg in std::env::args().skip(1) {
        if arg == "--hash" {
            hash = true;
            continue;
        }
        let doc = Document::read(std::path::Path::new(&arg)).expect("readable text input");
        let out = dump(&doc);
        if hash {
            let mut h = DefaultHasher::new();
            h.write(out.as_bytes());
            let _ = writeln!(stdout, "{:016x}\t{}\t{arg}", h.finish(), out.len());
        } else {
            let _ = writeln!(stdout, "#### {arg}\n{out}");
        }
    }
}
