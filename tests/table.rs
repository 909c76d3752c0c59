//! `bluebook table`: two editions side by side. The first edition is the bundled
//! Diplomatic Bluebook 2020; the second, `tests/data/bluebook-2021-excerpt.txt`, is one
//! part of it made into a later edition (see [`second_edition`] for how, which the first
//! test checks against the file). The tables are checked against the edits: the changed
//! figures in the second edition's columns for their partner and metric, the unchanged
//! ones equal, every span slicing its input to the figure it gives.

mod common;

use bluebook::number::Decimal;
use bluebook::{Config, Document, Record};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The first edition.
fn first_path() -> PathBuf {
    common::fixture("diplomatic-bluebook-2020.txt")
}

/// The second edition.
fn second_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/bluebook-2021-excerpt.txt")
}

/// The first heading copied and the one after the last line copied: the part "1. The
/// Asia - Pacific" of chapter two (Japan, the ROK, India, Australia, New Zealand, other
/// Asian countries).
const PART_START: &str = "\n1. The Asia - Pacific:\n";
const PART_END: &str = "\n2. Europe:\n";

/// What the second edition puts before the copied part: the publisher and title of the
/// title page, the chapter and the part above it, as the first edition writes them.
const HEAD: &str = "SOCIALIST REPUBLIC OF VIET NAM\nMINISTRY OF FOREIGN AFFAIRS\n\n\
DIPLOMATIC BLUEBOOK\n\n2020\n\nCHAPTER TWO\n\nBILATERAL DIPLOMATIC ACTIVITIES\n\n\
II. Bilateral relations with other partners:\n\n";

/// An amount changed in the second edition: as the first edition writes it, as the
/// second does, and the partner and metric of the sentence it is in.
struct Edit {
    old: &'static str,
    new: &'static str,
    counterpart: &'static str,
    metric: &'static str,
}

/// The amounts changed, each written once in the copied part.
const MONEY_EDITS: &[Edit] = &[
    // Japan: "In 2020, the bilateral trade turnover reached US\$39.62 billion".
    Edit {
        old: "US\\$39.62 billion",
        new: "US\\$42.15 billion",
        counterpart: "JP",
        metric: "trade_turnover",
    },
    // The ROK: "the two-way trade turnover was US\$66 billion".
    Edit {
        old: "US\\$66 billion",
        new: "US\\$78.5 billion",
        counterpart: "KR",
        metric: "trade_turnover",
    },
    // The ROK: "Viet Nam's import was worth US\$46.9 billion".
    Edit {
        old: "US\\$46.9 billion",
        new: "US\\$52.3 billion",
        counterpart: "KR",
        metric: "import",
    },
    // India: "India's FDI in Viet Nam was US\$30.8 million".
    Edit {
        old: "US\\$30.8 million",
        new: "US\\$45.2 million",
        counterpart: "IN",
        metric: "fdi",
    },
    // Australia: "The bilateral trade turnover in 2020 reached US\$8.3 billion": a fall.
    Edit {
        old: "US\\$8.3 billion",
        new: "US\\$7.9 billion",
        counterpart: "AU",
        metric: "trade_turnover",
    },
];

/// The percentage changed: Japan's trade turnover "a decrease of only 1.8% against
/// 2019" becomes an increase.
const PERCENT_EDIT: (&str, &str) = ("a decrease of only 1.8%", "an increase of 6.4%");

/// Every year from 2000 to 2099 written as a number of its own (not a part of `1,2020`
/// or `2020.5`) moved one year later.
fn move_years(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            let next = text[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&text[i..i + next]);
            i += next;
            continue;
        }
        let end = (i..b.len())
            .find(|&j| !b[j].is_ascii_digit())
            .unwrap_or(b.len());
        let digits = &text[i..end];
        let joined_before = i > 0 && matches!(b[i - 1], b'.' | b',');
        let joined_after = matches!(b.get(end), Some(b'.' | b','))
            && b.get(end + 1).is_some_and(u8::is_ascii_digit);
        if digits.len() == 4 && digits.starts_with("20") && !joined_before && !joined_after {
            let year: u32 = digits.parse().expect("four digits");
            out.push_str(&(year + 1).to_string());
        } else {
            out.push_str(digits);
        }
        i = end;
    }
    out
}

/// The first edition's bytes and the byte range of the copied part in it.
fn first_edition() -> (String, std::ops::Range<usize>) {
    let text = std::fs::read_to_string(first_path()).expect("fixture");
    let start = text.find(PART_START).expect("part heading") + 1;
    let end = text[start..].find(PART_END).expect("next part heading") + start + 1;
    (text, start..end)
}

/// How the second edition was made: [`HEAD`] and the copied part, every year moved one
/// later (so 2020 figures are 2021's, "against 2019" is "against 2020"), then the
/// [`MONEY_EDITS`] and the [`PERCENT_EDIT`].
fn second_edition() -> String {
    let (first, part) = first_edition();
    let mut text = move_years(&format!("{HEAD}{}", &first[part]));
    let edits = MONEY_EDITS
        .iter()
        .map(|e| (e.old, e.new))
        .chain([PERCENT_EDIT]);
    for (old, new) in edits {
        assert_eq!(text.matches(old).count(), 1, "{old} is written once");
        text = text.replace(old, new);
    }
    text
}

fn run(args: &[&str]) -> Output {
    common::bluebook(args).output().expect("bluebook runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// A CSV table read back (RFC 4180): the header and the rows, each as long as the
/// header.
struct Csv {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Csv {
    fn parse(text: &str) -> Csv {
        assert!(
            text.is_empty() || text.ends_with("\r\n"),
            "records end with CRLF"
        );
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => {
                    assert!(field.is_empty(), "a quote opens a field");
                    quoted = true;
                }
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CRLF ends a record");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, '\n') => panic!("a bare LF outside quotes"),
                (false, c) => field.push(c),
            }
        }
        assert!(
            !quoted && record.is_empty() && field.is_empty(),
            "CSV ends whole"
        );
        let mut records = records.into_iter();
        let header = records.next().expect("a header row");
        let rows: Vec<Vec<String>> = records.collect();
        for row in &rows {
            assert_eq!(row.len(), header.len(), "{row:?}");
        }
        Csv { header, rows }
    }

    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    /// The cell of `row` in column `name`.
    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        &row[self.col(name)]
    }

    /// The rows whose cells in the named columns are these.
    fn rows_where(&self, cells: &[(&str, &str)]) -> Vec<&Vec<String>> {
        self.rows
            .iter()
            .filter(|r| cells.iter().all(|(c, v)| self.get(r, c) == *v))
            .collect()
    }
}

/// The bytes `start-end` of `text`.
fn slice<'a>(text: &'a str, span: &str) -> &'a str {
    let (a, b) = span.split_once('-').expect("start-end");
    let (a, b): (usize, usize) = (a.parse().expect("start"), b.parse().expect("end"));
    text.get(a..b)
        .expect("a span inside the input, on character boundaries")
}

/// The full value of an amount as written: its number times its scale word.
fn amount_of(written: &str) -> Decimal {
    let start = written
        .find(|c: char| c.is_ascii_digit())
        .expect("a number");
    let rest = &written[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let number = Decimal::from_grouped(&rest[..end]).expect("a number");
    let places = if rest.contains("billion") {
        9
    } else if rest.contains("million") {
        6
    } else {
        0
    };
    number.shift(places).expect("in range")
}

fn sub(a: &str, b: &str) -> String {
    let (a, b): (Decimal, Decimal) = (a.parse().expect("a"), b.parse().expect("b"));
    a.checked_sub(b).expect("exact").to_string()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The records of an input, read as the command reads it.
fn records(path: &Path) -> Vec<Record<'static>> {
    let doc = Document::read(path).expect("readable");
    bluebook::extract(&doc, &Config::default())
}

#[test]
fn the_second_edition_is_the_first_ones_part_with_the_edits() {
    let file = std::fs::read_to_string(second_path()).expect("tests/data excerpt");
    assert_eq!(file, second_edition());
}

/// `table money --by counterpart,metric,period` over both editions, as CSV.
fn money_table() -> (Csv, String) {
    let (first, second) = (first_path(), second_path());
    let out = run(&[
        "table",
        "money",
        "--by",
        "counterpart,metric,period",
        path_str(&first),
        path_str(&second),
    ]);
    let text = stdout(&out);
    (
        Csv::parse(&text),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn money_columns_are_the_keys_then_each_edition() {
    let (csv, _) = money_table();
    let mut want: Vec<String> = ["counterpart", "metric", "n"].map(String::from).to_vec();
    for i in 1..=2 {
        for c in [
            "period",
            "period_kind",
            "qualifier",
            "amount",
            "currency",
            "change",
            "doc",
            "span",
        ] {
            want.push(format!("{c}_{i}"));
        }
    }
    assert_eq!(csv.header, want);
    // Sorted by key, a missing counterpart last.
    let keys: Vec<(bool, String, String, u32)> = csv
        .rows
        .iter()
        .map(|r| {
            let cp = csv.get(r, "counterpart");
            (
                cp.is_empty(),
                cp.to_string(),
                csv.get(r, "metric").to_string(),
                csv.get(r, "n").parse().expect("n"),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(keys.first().is_some_and(|k| !k.0) && keys.last().is_some_and(|k| k.0));
}

#[test]
fn changed_amounts_are_in_the_second_editions_columns_for_their_partner_and_metric() {
    let (csv, _) = money_table();
    let (first, _) = first_edition();
    let second = std::fs::read_to_string(second_path()).expect("excerpt");
    for edit in MONEY_EDITS {
        let rows = csv.rows_where(&[("counterpart", edit.counterpart), ("metric", edit.metric)]);
        let row = rows
            .iter()
            .find(|r| {
                let span = csv.get(r, "span_2");
                !span.is_empty() && slice(&second, span) == edit.new
            })
            .unwrap_or_else(|| {
                panic!(
                    "{} in a row of {} {}",
                    edit.new, edit.counterpart, edit.metric
                )
            });
        assert_eq!(slice(&first, csv.get(row, "span_1")), edit.old);
        let (old, new) = (
            amount_of(edit.old).to_string(),
            amount_of(edit.new).to_string(),
        );
        assert_eq!(csv.get(row, "amount_1"), old);
        assert_eq!(csv.get(row, "amount_2"), new);
        assert_eq!(csv.get(row, "change_1"), "");
        assert_eq!(csv.get(row, "change_2"), sub(&new, &old), "{}", edit.new);
        assert_eq!(csv.get(row, "currency_1"), "USD");
        assert_eq!(csv.get(row, "currency_2"), "USD");
        // The years moved with the edition.
        assert_eq!(csv.get(row, "period_1"), "2020");
        assert_eq!(csv.get(row, "period_2"), "2021");
        assert_eq!(csv.get(row, "doc_1"), path_str(&first_path()));
        assert_eq!(csv.get(row, "doc_2"), path_str(&second_path()));
    }
    // A fall is a negative change.
    let au = csv.rows_where(&[("counterpart", "AU"), ("metric", "trade_turnover")]);
    assert!(au[0][csv.col("change_2")].starts_with('-'), "{:?}", au[0]);
}

#[test]
fn unchanged_amounts_match_across_editions_and_every_span_gives_its_amount() {
    let (csv, _) = money_table();
    let (first, _) = first_edition();
    let second = std::fs::read_to_string(second_path()).expect("excerpt");
    let edited: Vec<&str> = MONEY_EDITS.iter().map(|e| e.new).collect();
    let mut unchanged = 0;
    for row in &csv.rows {
        for (i, text) in [(1, &first), (2, &second)] {
            let amount = csv.get(row, &format!("amount_{i}"));
            if amount.is_empty() {
                continue;
            }
            let written = slice(text, csv.get(row, &format!("span_{i}")));
            assert_eq!(amount_of(written).to_string(), amount, "{written:?}");
        }
        let span_2 = csv.get(row, "span_2");
        if span_2.is_empty() || edited.contains(&slice(&second, span_2)) {
            continue;
        }
        // Copied as it was: the same figure, written the same way, a change of 0.
        assert_eq!(
            slice(&second, span_2),
            slice(&first, csv.get(row, "span_1")),
            "{row:?}"
        );
        assert_eq!(csv.get(row, "amount_1"), csv.get(row, "amount_2"));
        assert_eq!(csv.get(row, "change_2"), "0", "{row:?}");
        unchanged += 1;
    }
    // Every amount of the second edition is either edited or unchanged.
    let stated = records(&second_path())
        .iter()
        .filter(
            |r| matches!(r, Record::Money(m) if m.amount.is_some() && m.equivalent_of.is_none()),
        )
        .count();
    assert_eq!(unchanged + MONEY_EDITS.len(), stated);
}

#[test]
fn every_counted_amount_is_in_one_cell_and_the_left_out_are_reported() {
    let (csv, stderr) = money_table();
    for (i, path) in [(1, first_path()), (2, second_path())] {
        let mut counted: Vec<String> = Vec::new();
        let mut left_out = 0;
        for r in records(&path) {
            let Record::Money(m) = r else { continue };
            if m.equivalent_of.is_some() || m.vague || m.amount.is_none() {
                left_out += 1;
            } else {
                counted.push(format!("{}-{}", m.common.span.0, m.common.span.1));
            }
        }
        let mut cells: Vec<String> = csv
            .rows
            .iter()
            .map(|r| csv.get(r, &format!("span_{i}")).to_string())
            .filter(|s| !s.is_empty())
            .collect();
        cells.sort();
        counted.sort();
        assert_eq!(
            cells, counted,
            "document {i}: no amount dropped or repeated"
        );
        if i == 1 {
            assert!(left_out > 0, "the bluebook restates an amount in dollars");
            assert!(
                stderr.contains(&format!("left out {left_out} amount")),
                "{stderr}"
            );
        }
    }
}

#[test]
fn several_amounts_for_one_key_are_rows_of_their_own() {
    let (csv, _) = money_table();
    // China section: "US\$ 500,000", then three gifts of "US\$ 100,000".
    let (first, _) = first_edition();
    let aid = csv.rows_where(&[("counterpart", "CN"), ("metric", "aid")]);
    let written: Vec<&str> = aid
        .iter()
        .map(|r| slice(&first, csv.get(r, "span_1")))
        .collect();
    assert_eq!(
        written,
        [
            "US\\$ 500,000",
            "US\\$ 100,000",
            "US\\$ 100,000",
            "US\\$ 100,000"
        ]
    );
    let n: Vec<&str> = aid.iter().map(|r| csv.get(r, "n")).collect();
    assert_eq!(n, ["1", "2", "3", "4"]);
}

/// The rows of a Markdown table: the cells of each `|` line, header first.
fn markdown_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn markdown_shows_the_same_rows_for_reading() {
    let (csv, _) = money_table();
    let (first, second) = (first_path(), second_path());
    let text = stdout(&run(&[
        "table",
        "money",
        "--by",
        "counterpart,metric,period",
        "--format",
        "markdown",
        path_str(&first),
        path_str(&second),
    ]));
    assert!(text.contains(&format!("- `_1`: {}\n", path_str(&first))));
    assert!(text.contains(&format!("- `_2`: {}\n", path_str(&second))));
    let rows = markdown_rows(&text);
    let header = &rows[0];
    // The period kind, qualifier and currency go with the period and amount; the
    // documents are named above the table.
    let hidden = ["period_kind_", "qualifier_", "currency_", "doc_"];
    let shown: Vec<&String> = csv
        .header
        .iter()
        .filter(|h| !hidden.iter().any(|x| h.starts_with(x)))
        .collect();
    assert_eq!(header.iter().collect::<Vec<_>>(), shown);
    assert!(rows[1].iter().all(|c| c.starts_with("---")));
    let body = &rows[2..];
    assert_eq!(body.len(), csv.rows.len());
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    for (md, row) in body.iter().zip(&csv.rows) {
        for i in 1..=2 {
            assert_eq!(
                md[at(&format!("span_{i}"))],
                csv.get(row, &format!("span_{i}"))
            );
            let amount = csv.get(row, &format!("amount_{i}"));
            if amount.is_empty() {
                continue;
            }
            // `over 514,000,000 USD`: the qualifier, the grouped figure, the currency.
            let mut want = String::new();
            let qualifier = csv.get(row, &format!("qualifier_{i}"));
            if !qualifier.is_empty() {
                want = format!("{qualifier} ");
            }
            let cell = &md[at(&format!("amount_{i}"))];
            assert_eq!(
                cell.replace(',', ""),
                format!("{want}{amount} {}", csv.get(row, &format!("currency_{i}")))
            );
            let change = csv.get(row, &format!("change_{i}"));
            let md_change = md[at(&format!("change_{i}"))].replace([',', '+'], "");
            assert_eq!(md_change, change);
        }
    }
    // Japan's trade as the second edition writes it: US\$42.15 billion, 2.53 billion
    // more than US\$39.62 billion.
    let jp = body
        .iter()
        .find(|r| r[0] == "JP" && r[1] == "trade_turnover")
        .expect("Japan's trade");
    assert_eq!(jp[at("period_2")], "2021 flow");
    assert_eq!(jp[at("amount_2")], "42,150,000,000 USD");
    assert_eq!(jp[at("change_2")], "+2,530,000,000");
}

#[test]
fn percentages_side_by_side_compare_only_like_changes() {
    let (first, second) = (first_path(), second_path());
    let csv = Csv::parse(&stdout(&run(&[
        "table",
        "percent",
        "--by",
        "counterpart,metric,period",
        "--metric",
        "trade",
        path_str(&first),
        path_str(&second),
    ])));
    let (first_text, _) = first_edition();
    let second_text = std::fs::read_to_string(&second).expect("excerpt");
    let jp = csv.rows_where(&[("counterpart", "JP"), ("metric", "trade_turnover")]);
    assert_eq!(jp.len(), 1);
    let jp = jp[0];
    // "a decrease of only 1.8%" became "an increase of 6.4%".
    assert_eq!(slice(&first_text, csv.get(jp, "span_1")), "1.8%");
    assert_eq!(slice(&second_text, csv.get(jp, "span_2")), "6.4%");
    assert_eq!(
        (csv.get(jp, "value_1"), csv.get(jp, "stated_change_1")),
        ("1.8", "decrease")
    );
    assert_eq!(
        (csv.get(jp, "value_2"), csv.get(jp, "stated_change_2")),
        ("6.4", "increase")
    );
    assert_eq!(
        csv.get(jp, "change_2"),
        "",
        "a fall and a rise are not compared"
    );
    // The ROK's "only a 1% decrease", copied as it was.
    let kr = csv.rows_where(&[("counterpart", "KR"), ("metric", "trade_turnover")]);
    assert_eq!(
        (csv.get(kr[0], "value_2"), csv.get(kr[0], "change_2")),
        ("1", "0")
    );
    assert_eq!(slice(&second_text, csv.get(kr[0], "span_2")), "1%");
    // Only the trade family was asked for.
    for row in &csv.rows {
        let metric = csv.get(row, "metric");
        assert!(
            ["trade_turnover", "export", "import"].contains(&metric),
            "{metric}"
        );
    }
}

#[test]
fn events_by_country_and_month_count_each_editions_events() {
    let (first, second) = (first_path(), second_path());
    let csv = Csv::parse(&stdout(&run(&[
        "table",
        "events",
        "--by",
        "country,month",
        path_str(&first),
        path_str(&second),
    ])));
    assert_eq!(
        csv.header,
        [
            "country", "month", "events_1", "change_1", "doc_1", "spans_1", "events_2", "change_2",
            "doc_2", "spans_2"
        ]
    );
    let (first_text, part) = first_edition();
    let second_text = std::fs::read_to_string(&second).expect("excerpt");
    let spans = |row: &[String], i: usize| -> Vec<String> {
        csv.get(row, &format!("spans_{i}"))
            .split_whitespace()
            .map(String::from)
            .collect()
    };
    let mut seen = 0;
    for row in &csv.rows {
        let counts: Vec<usize> = (1..=2)
            .map(|i| csv.get(row, &format!("events_{i}")).parse().expect("count"))
            .collect();
        assert_eq!(counts[0], spans(row, 1).len());
        assert_eq!(counts[1], spans(row, 2).len());
        assert_eq!(
            csv.get(row, "change_2"),
            (counts[1] as i64 - counts[0] as i64).to_string()
        );
        if counts[1] == 0 {
            continue;
        }
        seen += counts[1];
        // The second edition's events are the first's in the copied part, a year later.
        let month = csv.get(row, "month");
        assert!(month.starts_with("2021-"), "{month}");
        let earlier = format!("2020{}", &month[4..]);
        let before = csv.rows_where(&[("country", csv.get(row, "country")), ("month", &earlier)]);
        let copied: Vec<String> = before
            .iter()
            .flat_map(|r| spans(r, 1))
            .filter(|s| {
                let (a, _) = s.split_once('-').expect("span");
                part.contains(&a.parse::<usize>().expect("start"))
            })
            .map(|s| move_years(slice(&first_text, &s)))
            .collect();
        let now: Vec<String> = spans(row, 2)
            .iter()
            .map(|s| slice(&second_text, s).to_string())
            .collect();
        assert_eq!(now, copied, "{row:?}");
    }
    assert!(seen > 0);
    // Japan, January 2021: the four clauses the Japan paragraphs date "(January 2021)".
    let japan = &second_text[second_text.find("with Japan").expect("Japan")
        ..second_text
            .find("The Republic of Korea (ROK)")
            .expect("ROK")];
    let jp = csv.rows_where(&[("country", "JP"), ("month", "2021-01")]);
    assert_eq!(
        csv.get(jp[0], "events_2"),
        japan.matches("(January 2021)").count().to_string()
    );
    for s in spans(jp[0], 2) {
        assert!(slice(&second_text, &s).contains("January 2021"), "{s}");
    }
}

#[test]
fn documents_as_rows_with_doc_as_a_key() {
    let (first, second) = (first_path(), second_path());
    let csv = Csv::parse(&stdout(&run(&[
        "table",
        "money",
        "--by",
        "counterpart,metric,doc",
        "--metric",
        "trade_turnover",
        path_str(&first),
        path_str(&second),
    ])));
    assert_eq!(
        csv.header,
        [
            "counterpart",
            "metric",
            "doc",
            "n",
            "period",
            "period_kind",
            "qualifier",
            "amount",
            "currency",
            "change",
            "span"
        ]
    );
    let jp = csv.rows_where(&[("counterpart", "JP")]);
    let docs: Vec<&str> = jp.iter().map(|r| csv.get(r, "doc")).collect();
    assert_eq!(docs, [path_str(&first), path_str(&second)]);
    let edit = &MONEY_EDITS[0];
    assert_eq!(csv.get(jp[1], "amount"), amount_of(edit.new).to_string());
    assert_eq!(
        csv.get(jp[1], "change"),
        sub(
            &amount_of(edit.new).to_string(),
            &amount_of(edit.old).to_string()
        )
    );
}

#[test]
fn a_path_with_a_comma_and_quotes_is_quoted_and_reads_back() {
    let dir = common::TempDir::new("table-quoting");
    let bytes = std::fs::read(second_path()).expect("excerpt");
    let odd = dir.write("edition \"2021\", excerpt.txt", &bytes);
    let text = stdout(&run(&[
        "table",
        "money",
        "--metric",
        "trade_turnover",
        path_str(&odd),
    ]));
    assert!(
        text.contains("\"\"2021\"\""),
        "quotes doubled inside a quoted field"
    );
    let csv = Csv::parse(&text);
    assert!(!csv.rows.is_empty());
    for row in &csv.rows {
        assert_eq!(csv.get(row, "doc_1"), path_str(&odd));
    }
}

#[test]
fn unknown_keys_and_metrics_are_refused_with_the_valid_ones() {
    let path = first_path();
    let cases: [(&[&str], &[&str]); 3] = [
        (
            &["money", "--by", "partner"],
            &["counterpart", "period", "metric", "currency", "doc"],
        ),
        (
            &["events", "--by", "counterpart"],
            &["country", "month", "year", "kind", "doc"],
        ),
        (
            &["percent", "--metric", "gdp"],
            &["trade_turnover", "fdi", "other", "trade"],
        ),
    ];
    for (args, valid) in cases {
        let mut all = vec!["table"];
        all.extend_from_slice(args);
        all.push(path_str(&path));
        let out = run(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        for v in valid {
            assert!(err.contains(v), "{args:?}: {err}");
        }
    }
}

#[test]
fn a_bad_input_is_reported_and_the_others_tabulated() {
    let dir = common::TempDir::new("table-bad-input");
    let missing = dir.path().join("missing.txt");
    let binary = dir.write("scan.txt", b"\x00\x01\x02PDF");
    let out = run(&[
        "table",
        "money",
        path_str(&missing),
        path_str(&first_path()),
        path_str(&binary),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("missing.txt") && err.contains("scan.txt"),
        "{err}"
    );
    let csv = Csv::parse(&String::from_utf8(out.stdout).expect("UTF-8"));
    // The one document read is the only group of columns.
    assert!(csv.header.iter().any(|h| h == "amount_1"));
    assert!(!csv.header.iter().any(|h| h == "amount_2"));
    let docs: BTreeMap<&str, usize> = csv.rows.iter().fold(BTreeMap::new(), |mut m, r| {
        *m.entry(csv.get(r, "doc_1")).or_default() += 1;
        m
    });
    assert_eq!(
        docs.keys().copied().collect::<Vec<_>>(),
        [path_str(&first_path())]
    );
}
