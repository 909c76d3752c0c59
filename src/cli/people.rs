//! `bluebook people`: each distinct person with their titles, country, number of
//! mentions and the documents that mention them, for a person to read. Mentions of one
//! person in several documents make one row (by `person_id`); its document column names
//! the first document and how many more.

use bluebook::Record;
use bluebook::record::PersonRecord;
use std::collections::BTreeMap;
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

/// What is known of one person across their mentions.
#[derive(Default)]
struct Person {
    names: BTreeMap<String, usize>,
    titles: Vec<String>,
    country: Option<String>,
    org: Option<String>,
    mentions: usize,
    /// The documents that mention them, in input order.
    docs: Vec<String>,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = args.options.config(Some(&["person".to_string()]))?;
    let mut people: BTreeMap<String, Person> = BTreeMap::new();
    let met = super::each_document(args.paths, |doc, _| {
        for r in bluebook::extract(doc, &config) {
            let Record::Person(PersonRecord {
                name,
                titles,
                country,
                org,
                person_id,
                ..
            }) = r
            else {
                continue;
            };
            let p = people.entry(person_id).or_default();
            *p.names.entry(name).or_default() += 1;
            for t in titles {
                if !p.titles.contains(&t) {
                    p.titles.push(t);
                }
            }
            p.country = p.country.take().or(country);
            p.org = p.org.take().or(org);
            p.mentions += 1;
            if p.docs.last().is_none_or(|d| d != doc.id()) {
                p.docs.push(doc.id().to_string());
            }
        }
        ControlFlow::Continue(())
    });
    let mut rows: Vec<(&String, &Person)> = people.iter().collect();
    rows.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(b.0)));
    // The document column: the document, or the first one and how many more.
    let documents = |p: &Person| match p.docs.as_slice() {
        [one] => one.clone(),
        [first, more @ ..] => format!("{first} +{}", more.len()),
        [] => "-".to_string(),
    };
    let width = rows
        .iter()
        .map(|(_, p)| documents(p).chars().count())
        .max()
        .unwrap_or(0)
        .clamp("document".len(), 60);
    let mut out = std::io::stdout().lock();
    let write = || -> std::io::Result<()> {
        writeln!(
            out,
            "{:>8}  {:<7}  {:<40}  {:<width$}  titles",
            "mentions", "country", "name", "document"
        )?;
        for (_, p) in rows {
            // The name written most often, the longest on a tie.
            let name = p
                .names
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())))
                .map_or("", |n| n.0);
            let affiliation = match (&p.country, &p.org) {
                (Some(c), _) => c.clone(),
                (None, Some(o)) => o.clone(),
                (None, None) => "-".to_string(),
            };
            writeln!(
                out,
                "{:>8}  {:<7}  {:<40}  {:<width$}  {}",
                p.mentions,
                affiliation,
                name,
                documents(p),
                p.titles.join("; ")
            )?;
        }
        out.flush()
    };
    match write() {
        Err(e) if !super::is_broken_pipe(&e) => return Err(e.into()),
        _ => {}
    }
    Ok(met.exit_code())
}
