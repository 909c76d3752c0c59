//! Reviewed snapshots of the development texts (`corpus/dev/` of the shared material,
//! not in the repository): every date, person, event, amount and percentage, one line
//! each, so that a change to what they give is read as a diff. Skipped, with a note,
//! where the texts are absent.

mod common;

use bluebook::{Config, Document, Record};

/// One line per scored record: type, the text (white space collapsed, cut at 70
/// characters), and what it reads.
fn render(doc: &Document) -> String {
    let mut out = String::new();
    for r in bluebook::extract(doc, &Config::default()) {
        let what = match &r {
            Record::Date(d) => d.values.join(","),
            Record::Person(p) => format!(
                "{} | {} | {}",
                p.name.split_whitespace().collect::<Vec<_>>().join(" "),
                p.titles.join("; "),
                p.country.as_deref().unwrap_or("-")
            ),
            Record::Event(e) => format!(
                "{} | {} | {} | {}",
                e.kind,
                e.date.values.join(","),
                e.countries.join(","),
                e.participants
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Record::Money(m) => format!(
                "{} {}{}",
                m.amount.map_or("-".to_string(), |a| a.to_string()),
                m.currency,
                if m.vague { " vague" } else { "" }
            ),
            Record::Percent(p) => format!(
                "{} {}",
                p.value.map_or("-".to_string(), |v| v.to_string()),
                p.change.map_or("", |c| c.as_str())
            ),
            _ => continue,
        };
        let text: String = r
            .common()
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(70)
            .collect();
        out.push_str(&format!("{} {:?} | {what}\n", r.type_name(), text));
    }
    out
}

#[test]
fn records_of_each_development_text() {
    let Some(dir) = common::dev_corpus_dir() else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let doc = Document::read(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(format!("dev-{name}"), render(&doc));
    }
}
