//! `bluebook eval`: scores the records of each input against its hand-written gold
//! (`DIR/<stem>.jsonl`), per document and pooled: precision, recall and F1 per type,
//! and the accuracy of each gold field on the matched pairs. `bluebook gold` writes a
//! document's records as gold lines, a start for a person to correct.

use bluebook::eval::{self, Miss, Scores};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The directory of gold files, one `<stem>.jsonl` per input `<stem>.txt`.
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// Input files or directories (searched recursively for *.txt).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print JSON instead of tables.
    #[arg(long, conflicts_with = "markdown")]
    json: bool,
    /// Print Markdown tables.
    #[arg(long)]
    markdown: bool,
    /// Also list what went wrong: gold missed, records without gold, fields that
    /// disagree.
    #[arg(long)]
    errors: bool,
    #[command(flatten)]
    options: super::Options,
}

/// One document's evaluation.
struct DocScores {
    name: String,
    scores: Scores,
    misses: Vec<(Miss, String)>,
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = args.options.config(None)?;
    let mut docs = Vec::new();
    let mut bad = 0;
    let met = super::each_document(args.paths, |doc, _| {
        let stem = std::path::Path::new(doc.id())
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gold_path = args.gold.join(format!("{stem}.jsonl"));
        let gold = match std::fs::read_to_string(&gold_path) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("bluebook: error: {}: {e}", gold_path.display());
                bad += 1;
                return ControlFlow::Continue(());
            }
        };
        let gold = match eval::parse_gold(&gold, doc.raw()) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("bluebook: error: {}: {e}", gold_path.display());
                bad += 1;
                return ControlFlow::Continue(());
            }
        };
        let records = bluebook::extract(doc, &config);
        let (scores, misses) = eval::score(&gold, &records);
        let misses = misses
            .into_iter()
            .map(|m| {
                let span = match &m {
                    Miss::Missed { span, .. }
                    | Miss::Spurious { span, .. }
                    | Miss::Field { span, .. } => *span,
                };
                let line = doc.raw()[..span.0.min(doc.raw().len())]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                let text = doc.raw_text(span.0..span.1);
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                (m, format!("line {line}: {text:?}"))
            })
            .collect();
        docs.push(DocScores {
            name: doc.id().to_string(),
            scores,
            misses,
        });
        ControlFlow::Continue(())
    });
    let mut all = Scores::default();
    for d in &docs {
        all.add(&d.scores);
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut documents = Vec::new();
        for d in &docs {
            let errors = if args.errors {
                serde_json::to_value(d.misses.iter().map(|m| &m.0).collect::<Vec<_>>())?
            } else {
                serde_json::Value::Null
            };
            documents.push(serde_json::json!({
                "doc": d.name,
                "scores": scores_json(&d.scores),
                "errors": errors,
            }));
        }
        let value = serde_json::json!({ "documents": documents, "all": scores_json(&all) });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        for d in &docs {
            write_tables(&mut out, &d.name, &d.scores, args.markdown)?;
            if args.errors {
                for (m, at) in &d.misses {
                    writeln!(out, "  {}  {at}", describe(m))?;
                }
                writeln!(out)?;
            }
        }
        if docs.len() > 1 {
            write_tables(&mut out, "all documents", &all, args.markdown)?;
        }
    }
    out.flush()?;
    Ok(if bad > 0 {
        ExitCode::FAILURE
    } else {
        met.exit_code()
    })
}

fn scores_json(s: &Scores) -> serde_json::Value {
    let types: serde_json::Map<String, serde_json::Value> = s
        .types
        .iter()
        .map(|(t, c)| {
            (
                t.clone(),
                serde_json::json!({
                    "gold": c.gold, "predicted": c.predicted, "matched": c.matched,
                    "precision": round(c.precision()), "recall": round(c.recall()), "f1": round(c.f1()),
                }),
            )
        })
        .collect();
    let fields: serde_json::Map<String, serde_json::Value> = s
        .fields
        .iter()
        .flat_map(|(t, fs)| {
            fs.iter().map(move |(f, c)| {
                (
                    format!("{t}.{f}"),
                    serde_json::json!({
                        "compared": c.compared, "correct": c.correct, "accuracy": round(c.accuracy()),
                    }),
                )
            })
        })
        .collect();
    serde_json::json!({ "types": types, "fields": fields })
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn write_tables(
    out: &mut impl Write,
    name: &str,
    s: &Scores,
    markdown: bool,
) -> std::io::Result<()> {
    if markdown {
        writeln!(out, "**{name}**\n")?;
        writeln!(out, "| type | gold | found | matched | P | R | F1 |")?;
        writeln!(out, "|---|---:|---:|---:|---:|---:|---:|")?;
        for (t, c) in &s.types {
            writeln!(
                out,
                "| {t} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                c.gold,
                c.predicted,
                c.matched,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        writeln!(out, "\n| field | compared | correct | accuracy |")?;
        writeln!(out, "|---|---:|---:|---:|")?;
        for (t, fs) in &s.fields {
            for (f, c) in fs {
                writeln!(
                    out,
                    "| {t}.{f} | {} | {} | {:.3} |",
                    c.compared,
                    c.correct,
                    c.accuracy()
                )?;
            }
        }
        return writeln!(out);
    }
    writeln!(out, "{name}")?;
    writeln!(
        out,
        "  {:<10} {:>6} {:>6} {:>7} {:>6} {:>6} {:>6}",
        "type", "gold", "found", "matched", "P", "R", "F1"
    )?;
    for (t, c) in &s.types {
        writeln!(
            out,
            "  {t:<10} {:>6} {:>6} {:>7} {:>6.3} {:>6.3} {:>6.3}",
            c.gold,
            c.predicted,
            c.matched,
            c.precision(),
            c.recall(),
            c.f1()
        )?;
    }
    writeln!(
        out,
        "  {:<24} {:>8} {:>7} {:>8}",
        "field", "compared", "correct", "accuracy"
    )?;
    for (t, fs) in &s.fields {
        for (f, c) in fs {
            writeln!(
                out,
                "  {:<24} {:>8} {:>7} {:>8.3}",
                format!("{t}.{f}"),
                c.compared,
                c.correct,
                c.accuracy()
            )?;
        }
    }
    writeln!(out)
}

fn describe(m: &Miss) -> String {
    match m {
        Miss::Missed {
            kind, gold_line, ..
        } => format!("missed    {kind:<8} (gold line {gold_line})"),
        Miss::Spurious { kind, .. } => format!("spurious  {kind:<8}"),
        Miss::Field {
            kind,
            field,
            gold,
            predicted,
            gold_line,
            ..
        } => format!(
            "field     {kind}.{field}: gold {gold}, found {predicted} (gold line {gold_line})"
        ),
    }
}

/// `bluebook gold`: the records of each input as gold lines.
#[derive(Debug, clap::Args)]
pub(super) struct GoldArgs {
    /// Input files, directories (searched recursively for *.txt), or - for standard
    /// input [default: -].
    paths: Vec<PathBuf>,
    #[command(flatten)]
    options: super::Options,
}

pub(super) fn gold(args: GoldArgs) -> anyhow::Result<ExitCode> {
    let config = args.options.config(None)?;
    let mut out = std::io::stdout().lock();
    let mut error = None;
    let met = super::each_document(args.paths, |doc, _| {
        for r in bluebook::extract(doc, &config) {
            if let Some(line) = eval::gold_line(&r)
                && let Err(e) = writeln!(out, "{line}")
            {
                error = Some(e);
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    });
    match error {
        Some(e) if !super::is_broken_pipe(&e) => return Err(e.into()),
        _ => {}
    }
    Ok(met.exit_code())
}
