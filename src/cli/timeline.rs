//! `bluebook timeline`: the events in date order, for a person to read: date, kind,
//! document, participants, parties and place, then the sentence.

use bluebook::Record;
use bluebook::record::EventRecord;
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Input files, directories (searched recursively for *.txt), or - for standard
    /// input [default: -].
    paths: Vec<PathBuf>,
    #[command(flatten)]
    options: super::Options,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = args.options.config(Some(&["event".to_string()]))?;
    // (first date value, input order, event, its sentence)
    let mut rows: Vec<(String, usize, EventRecord, String)> = Vec::new();
    let met = super::each_document(args.paths, |doc, _| {
        for r in bluebook::extract(doc, &config) {
            let Record::Event(e) = r else { continue };
            let sentence = e.common.sentence.map_or_else(
                || e.common.text.to_string(),
                |s| doc.raw_text(s.0..s.1).into_owned(),
            );
            let first = e
                .date
                .values
                .first()
                .map(|v| v.split('/').next().unwrap_or(v).to_string())
                .unwrap_or_default();
            let order = rows.len();
            rows.push((first, order, e, sentence));
        }
        ControlFlow::Continue(())
    });
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let width = rows
        .iter()
        .map(|r| r.2.common.doc.chars().count())
        .max()
        .unwrap_or(0)
        .min(60);
    let mut out = std::io::stdout().lock();
    let mut write = || -> std::io::Result<()> {
        for (_, _, e, sentence) in &rows {
            let people: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
            let mut parties = e.countries.clone();
            parties.extend(e.orgs.iter().cloned());
            writeln!(
                out,
                "{:<23}  {:<10}  {:<width$}  {}  [{}]{}",
                e.date.values.join(", "),
                e.kind,
                e.common.doc,
                if people.is_empty() {
                    "-".to_string()
                } else {
                    people.join("; ")
                },
                parties.join(", "),
                e.location
                    .as_ref()
                    .map(|l| format!("  @ {l}"))
                    .unwrap_or_default()
            )?;
            let one_line: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(out, "{:<25}  {one_line}", "")?;
        }
        out.flush()
    };
    match write() {
        Err(e) if !super::is_broken_pipe(&e) => return Err(e.into()),
        _ => {}
    }
    Ok(met.exit_code())
}
