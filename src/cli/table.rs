//! `bluebook table`: editions side by side. The amounts, percentages or event counts of
//! every input in one table, one row per key, each document in its own columns, so that
//! two editions of a yearly report can be read against each other.
//!
//! **Rows.** The `--by` keys make the rows, sorted by key (a missing value — no single
//! partner, no month — last; documents in input order). `period` is never a row of its
//! own: it is a column of each document, and as a key it lines the values up by period,
//! latest first, so that the 2020 edition's figure for 2020 and the 2021 edition's for
//! 2021 sit on one row. A key that a document states several values for (two amounts for
//! trade with Japan) gets one row per value, numbered by `n`: the n-th value of each
//! document — by period, latest first, when `period` is a key, then in text order. No
//! value is dropped, and none is summed.
//!
//! **Columns.** The keys, `n`, then for each document `_1`, `_2`, ... (input order) its
//! value and where it comes from: `period_1`, `period_kind_1`, the value's fields that
//! are not keys (`counterpart_1`, `metric_1`, `currency_1`), `qualifier_1`, `amount_1`,
//! `change_1`, `doc_1`, `span_1` (`start-end`, bytes of the original input). `change_i`
//! is the value minus the nearest earlier document's value on the same row, given only
//! when the two are alike: the same counterpart, metric, currency (or unit and stated
//! change, for percentages) and period kind — whatever their periods. With `doc` as a
//! key, documents are rows instead: one group of columns without the suffix.
//!
//! **Counted.** Only amounts and percentages with one number: an amount restating another
//! in a second currency (`equivalent_of`), a vague amount (`tens of billions`) and a range
//! (`US$ 2-3 million`) are left out, and their number is reported on standard error, so
//! that a column can be summed without counting a figure twice.
//!
//! **Events** are counted per key and document (`events_1`), with the count's change
//! from the document before (`change_2`) and the spans of the events counted
//! (`spans_1`). An event counts once in the row of each state taking part and of each
//! month (or year) its date names: `three telephone conversations (March, May and August
//! 2020)` counts in March, May and August.
//!
//! **Formats.** CSV (RFC 4180: a header row, fields quoted when they hold a comma, quote
//! or line break, lines ending CRLF) for loading; `--format markdown` for reading: the
//! same rows, the documents named above the table (`_1`, `_2`), numbers grouped by
//! thousands, the period kind written with the period, the qualifier and currency (or
//! `%`, `pp`) with the value.

use bluebook::Record;
use bluebook::number::Decimal;
use bluebook::record::{Change, EventRecord, Metric, PeriodKind, Qualifier, Span};
use clap::builder::{PossibleValue, PossibleValuesParser};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

/// `bluebook table money|percent|events`.
#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    what: What,
}

/// What the table counts.
#[derive(Debug, clap::Subcommand)]
enum What {
    /// Amounts of money, one row per key and value, each document in its own columns.
    ///
    /// Columns: the keys, `n`, then for each document i (input order) `period_i`,
    /// `period_kind_i`, `counterpart_i` / `metric_i` / `currency_i` (those that are not
    /// keys), `qualifier_i`, `amount_i` (exact, in currency units), `change_i` (the amount
    /// minus the nearest earlier document's on the row, when both have the same
    /// counterpart, metric, currency and period kind), `doc_i`, `span_i` (`start-end`,
    /// bytes of the original input).
    ///
    /// `period` as a key lines each document's values up by period, latest first, so that
    /// editions of successive years sit on one row; it is never a row of its own.
    /// Several values for one key in one document make several rows (`n`): none is dropped
    /// or summed. Left out, and counted on standard error: amounts restating another in a
    /// second currency (`equivalent_of`), vague amounts and ranges — a column can be summed
    /// without counting a figure twice.
    Money(FigureArgs<MoneyKey>),
    /// Percentages, one row per key and value, each document in its own columns.
    ///
    /// As `table money`, with `value_i` (as stated), `unit_i` (unless a key) and
    /// `stated_change_i` (`increase` or `decrease` when the text says the figure is a
    /// change) in place of the amount and currency; `change_i` is given when the unit,
    /// the stated change, the counterpart, the metric and the period kind agree. Ranges
    /// and vague percentages are left out and counted on standard error.
    Percent(FigureArgs<PercentKey>),
    /// Events counted per key, each document in its own columns.
    ///
    /// Columns: the keys, then for each document i `events_i` (how many), `change_i` (the
    /// count minus the previous document's), `doc_i`, `spans_i` (the spans of the events
    /// counted, `start-end` separated by spaces). An event counts once in the row of each
    /// state taking part (Viet Nam included) and of each month or year its date names, so
    /// a column summed over countries or months counts some events more than once.
    Events(EventArgs),
}

/// The options of `table money` (keys [`MoneyKey`]) and `table percent` (keys
/// [`PercentKey`]).
#[derive(Debug, clap::Args)]
struct FigureArgs<K: clap::ValueEnum + Clone + Send + Sync + 'static> {
    /// The row keys, comma-separated, in column order.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "KEY,...",
        default_values = ["counterpart", "period"]
    )]
    by: Vec<K>,
    /// Keep only the figures of these metrics (comma-separated); `trade` stands for
    /// trade_turnover, export and import.
    #[arg(long, value_delimiter = ',', value_name = "M,...", value_parser = metric_parser())]
    metric: Vec<String>,
    #[command(flatten)]
    common: Common,
}

/// The options of `table events`.
#[derive(Debug, clap::Args)]
struct EventArgs {
    /// The row keys, comma-separated, in column order.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "KEY,...",
        default_values = ["country", "month"]
    )]
    by: Vec<EventKey>,
    #[command(flatten)]
    common: Common,
}

/// The options every table takes.
#[derive(Debug, clap::Args)]
struct Common {
    /// `csv` to load, `markdown` to read.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Input files, directories (searched recursively for *.txt), or - for standard
    /// input [default: -].
    paths: Vec<PathBuf>,
    #[command(flatten)]
    options: super::Options,
}

/// How the table is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A Markdown table, the documents named above it.
    Markdown,
}

/// A row key of `table money`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum MoneyKey {
    /// The partner the amount is about (ISO 3166-1 alpha-2; empty for none).
    Counterpart,
    /// The year: lines the documents' values up by period, latest first.
    Period,
    /// What the amount measures (`trade_turnover`, `fdi`, ...).
    Metric,
    /// ISO 4217 code.
    Currency,
    /// The document: documents become rows rather than groups of columns.
    Doc,
}

/// A row key of `table percent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum PercentKey {
    /// The partner the percentage is about (ISO 3166-1 alpha-2; empty for none).
    Counterpart,
    /// The year: lines the documents' values up by period, latest first.
    Period,
    /// What the percentage measures.
    Metric,
    /// `percent` or `percentage_point`.
    Unit,
    /// The document: documents become rows rather than groups of columns.
    Doc,
}

/// A row key of `table events`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum EventKey {
    /// Each state taking part (ISO 3166-1 alpha-2; empty for none).
    Country,
    /// Each month the date names (`2020-03`; empty for a date without one).
    Month,
    /// Each year the date names (empty for a date without one).
    Year,
    /// The kind of event (`visit`, `call`, ...).
    Kind,
    /// The document: documents become rows rather than groups of columns.
    Doc,
}

/// The metric family `--metric trade` names.
const TRADE: &str = "trade";

/// `--metric`: a metric's name, or `trade`; anything else is refused with the list.
fn metric_parser() -> PossibleValuesParser {
    let mut values: Vec<PossibleValue> = Metric::ALL
        .iter()
        .map(|m| PossibleValue::new(m.as_str()))
        .collect();
    values.push(PossibleValue::new(TRADE).help("trade_turnover, export and import"));
    PossibleValuesParser::new(values)
}

/// The metrics `--metric` names keep; none given keeps all.
fn metric_filter(names: &[String]) -> Option<BTreeSet<Metric>> {
    if names.is_empty() {
        return None;
    }
    let mut keep = BTreeSet::new();
    for name in names {
        if name == TRADE {
            keep.extend([Metric::TradeTurnover, Metric::Export, Metric::Import]);
        } else if let Some(m) = Metric::from_name(name) {
            keep.insert(m);
        }
    }
    Some(keep)
}

pub(super) fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Money(a) => {
            let keys = a.by.iter().map(|k| match k {
                MoneyKey::Counterpart => FigureKey::Counterpart,
                MoneyKey::Period => FigureKey::Period,
                MoneyKey::Metric => FigureKey::Metric,
                MoneyKey::Currency => FigureKey::Unit,
                MoneyKey::Doc => FigureKey::Doc,
            });
            figures(FigureKind::Money, dedup(keys), &a.metric, a.common)
        }
        What::Percent(a) => {
            let keys = a.by.iter().map(|k| match k {
                PercentKey::Counterpart => FigureKey::Counterpart,
                PercentKey::Period => FigureKey::Period,
                PercentKey::Metric => FigureKey::Metric,
                PercentKey::Unit => FigureKey::Unit,
                PercentKey::Doc => FigureKey::Doc,
            });
            figures(FigureKind::Percent, dedup(keys), &a.metric, a.common)
        }
        What::Events(a) => events(dedup(a.by.iter().copied()), a.common),
    }
}

/// The keys in the order given, each once.
fn dedup<K: PartialEq>(keys: impl Iterator<Item = K>) -> Vec<K> {
    let mut out = Vec::new();
    for k in keys {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Money and percentages

/// Which figures a table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FigureKind {
    Money,
    Percent,
}

impl FigureKind {
    /// The record type to extract.
    fn type_name(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
        }
    }
}

/// A row key of either figure table: `Unit` is money's currency and a percentage's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FigureKey {
    Counterpart,
    Period,
    Metric,
    Unit,
    Doc,
}

/// One value of a figure table: an amount or a percentage with one number.
#[derive(Clone, Debug)]
struct Figure {
    /// The document's index, in input order.
    doc: usize,
    span: Span,
    counterpart: Option<String>,
    metric: Option<Metric>,
    period: Option<u16>,
    period_kind: Option<PeriodKind>,
    qualifier: Option<Qualifier>,
    value: Decimal,
    /// The currency (money) or the unit (percent).
    unit: String,
    /// Percentages only: the change the text says the figure is.
    stated_change: Option<Change>,
}

impl Figure {
    /// Whether a change from `earlier` to `self` compares like with like.
    fn alike(&self, earlier: &Figure) -> bool {
        self.unit == earlier.unit
            && self.metric == earlier.metric
            && self.counterpart == earlier.counterpart
            && self.period_kind == earlier.period_kind
            && self.stated_change == earlier.stated_change
    }
}

/// Why a figure record is not in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum LeftOut {
    /// It restates another amount in a second currency.
    Restated,
    /// It has no number.
    Vague,
    /// It is a range.
    Range,
}

impl LeftOut {
    /// What the standard-error note calls `n` of them.
    fn describe(self, n: usize) -> &'static str {
        match (self, n) {
            (LeftOut::Restated, _) => "restated in a second currency",
            (LeftOut::Vague, _) => "vague",
            (LeftOut::Range, 1) => "range",
            (LeftOut::Range, _) => "ranges",
        }
    }
}

/// The figure a record gives, `Ok(None)` for another record type, or why it is left
/// out.
fn figure_of(record: Record, kind: FigureKind, doc: usize) -> Result<Option<Figure>, LeftOut> {
    match (record, kind) {
        (Record::Money(m), FigureKind::Money) => {
            if m.equivalent_of.is_some() {
                return Err(LeftOut::Restated);
            }
            if m.vague {
                return Err(LeftOut::Vague);
            }
            let Some(value) = m.amount else {
                return Err(LeftOut::Range);
            };
            Ok(Some(Figure {
                doc,
                span: m.common.span,
                counterpart: m.counterpart,
                metric: m.metric,
                period: m.period,
                period_kind: m.period_kind,
                qualifier: m.qualifier,
                value,
                unit: m.currency,
                stated_change: None,
            }))
        }
        (Record::Percent(p), FigureKind::Percent) => {
            if p.vague {
                return Err(LeftOut::Vague);
            }
            let Some(value) = p.value else {
                return Err(LeftOut::Range);
            };
            Ok(Some(Figure {
                doc,
                span: p.common.span,
                counterpart: p.counterpart,
                metric: p.metric,
                period: p.period,
                period_kind: p.period_kind,
                qualifier: p.qualifier,
                value,
                unit: p.unit.as_str().to_string(),
                stated_change: p.change,
            }))
        }
        _ => Ok(None),
    }
}

/// A cell of a row key. The derived order puts values first, then documents (by input
/// order), then missing values: in one column only one kind of value or a missing one
/// meet, so a missing value sorts last.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum KeyCell {
    Value(String),
    Doc(usize),
    Missing,
}

impl KeyCell {
    fn of(value: Option<&str>) -> KeyCell {
        value.map_or(KeyCell::Missing, |v| KeyCell::Value(v.to_string()))
    }

    fn cell(&self, docs: &[String]) -> Cell {
        match self {
            KeyCell::Value(v) => Cell::text(v.clone()),
            KeyCell::Doc(i) => Cell::text(docs.get(*i).cloned().unwrap_or_default()),
            KeyCell::Missing => Cell::empty(),
        }
    }
}

/// The key cell of a figure for a key other than `period` and `doc`.
fn figure_key(f: &Figure, key: FigureKey) -> KeyCell {
    match key {
        FigureKey::Counterpart => KeyCell::of(f.counterpart.as_deref()),
        FigureKey::Metric => KeyCell::of(f.metric.map(Metric::as_str)),
        FigureKey::Unit => KeyCell::Value(f.unit.clone()),
        FigureKey::Period | FigureKey::Doc => KeyCell::Missing,
    }
}

/// The columns of one document's value, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Period,
    PeriodKind,
    Counterpart,
    Metric,
    Qualifier,
    Value,
    Unit,
    StatedChange,
    Change,
    Doc,
    Span,
}

impl Field {
    fn name(self, kind: FigureKind) -> &'static str {
        match (self, kind) {
            (Field::Period, _) => "period",
            (Field::PeriodKind, _) => "period_kind",
            (Field::Counterpart, _) => "counterpart",
            (Field::Metric, _) => "metric",
            (Field::Qualifier, _) => "qualifier",
            (Field::Value, FigureKind::Money) => "amount",
            (Field::Value, FigureKind::Percent) => "value",
            (Field::Unit, FigureKind::Money) => "currency",
            (Field::Unit, FigureKind::Percent) => "unit",
            (Field::StatedChange, _) => "stated_change",
            (Field::Change, _) => "change",
            (Field::Doc, _) => "doc",
            (Field::Span, _) => "span",
        }
    }

    /// Whether the Markdown table shows the column: the period kind is written with the
    /// period, the qualifier and currency with the amount, the document above the table.
    fn in_markdown(self) -> bool {
        !matches!(
            self,
            Field::PeriodKind | Field::Qualifier | Field::Unit | Field::Doc
        )
    }

    fn numeric(self) -> bool {
        matches!(self, Field::Value | Field::Change)
    }
}

/// The fields of one document's value: those that are keys are in the row already.
fn figure_fields(kind: FigureKind, keys: &[FigureKey], wide: bool) -> Vec<Field> {
    let mut fields = vec![Field::Period, Field::PeriodKind];
    if !keys.contains(&FigureKey::Counterpart) {
        fields.push(Field::Counterpart);
    }
    if !keys.contains(&FigureKey::Metric) {
        fields.push(Field::Metric);
    }
    fields.extend([Field::Qualifier, Field::Value]);
    if !keys.contains(&FigureKey::Unit) {
        fields.push(Field::Unit);
    }
    if kind == FigureKind::Percent {
        fields.push(Field::StatedChange);
    }
    fields.push(Field::Change);
    if wide {
        fields.push(Field::Doc);
    }
    fields.push(Field::Span);
    fields
}

/// The cells of one document's value (all empty when it states none).
fn figure_cells(
    fields: &[Field],
    figure: Option<&Figure>,
    change: Option<Decimal>,
    docs: &[String],
    unit_is_key: bool,
) -> Vec<Cell> {
    let Some(f) = figure else {
        return fields.iter().map(|_| Cell::empty()).collect();
    };
    fields
        .iter()
        .map(|field| match field {
            Field::Period => {
                let csv = f.period.map(|p| p.to_string()).unwrap_or_default();
                let md = match f.period_kind {
                    Some(k) => format!("{csv} {k}"),
                    None => csv.clone(),
                };
                Cell { csv, md }
            }
            Field::PeriodKind => Cell::text(f.period_kind.map(|k| k.to_string())),
            Field::Counterpart => Cell::text(f.counterpart.clone()),
            Field::Metric => Cell::text(f.metric.map(|m| m.to_string())),
            Field::Qualifier => Cell::text(f.qualifier.map(|q| q.to_string())),
            Field::Value => {
                let mut md = String::new();
                if let Some(q) = f.qualifier {
                    md.push_str(q.as_str());
                    md.push(' ');
                }
                md.push_str(&grouped(&f.value.to_string()));
                match f.unit.as_str() {
                    "percent" => md.push('%'),
                    "percentage_point" => md.push_str(" pp"),
                    _ if !unit_is_key => {
                        md.push(' ');
                        md.push_str(&f.unit);
                    }
                    _ => {}
                }
                Cell {
                    csv: f.value.to_string(),
                    md,
                }
            }
            Field::Unit => Cell::text(f.unit.clone()),
            Field::StatedChange => Cell::text(f.stated_change.map(|c| c.to_string())),
            Field::Change => change.map_or_else(Cell::empty, Cell::change),
            Field::Doc => Cell::text(docs.get(f.doc).cloned().unwrap_or_default()),
            Field::Span => Cell::text(span_text(f.span)),
        })
        .collect()
}

/// `start-end`.
fn span_text(span: Span) -> String {
    format!("{}-{}", span.start(), span.end())
}

/// Reads the documents, tabulates their figures and writes the table.
fn figures(
    kind: FigureKind,
    keys: Vec<FigureKey>,
    metric: &[String],
    common: Common,
) -> anyhow::Result<ExitCode> {
    let config = common
        .options
        .config(Some(&[kind.type_name().to_string()]))?;
    let keep = metric_filter(metric);
    let mut docs: Vec<String> = Vec::new();
    let mut found: Vec<Figure> = Vec::new();
    let mut left_out: BTreeMap<LeftOut, usize> = BTreeMap::new();
    let met = super::each_document(common.paths, |doc, _| {
        let index = docs.len();
        docs.push(doc.id().to_string());
        for record in bluebook::extract(doc, &config) {
            let metric = match &record {
                Record::Money(m) => m.metric,
                Record::Percent(p) => p.metric,
                _ => None,
            };
            if keep
                .as_ref()
                .is_some_and(|k| metric.is_none_or(|m| !k.contains(&m)))
            {
                continue;
            }
            match figure_of(record, kind, index) {
                Ok(Some(f)) => found.push(f),
                Ok(None) => {}
                Err(why) => *left_out.entry(why).or_default() += 1,
            }
        }
        ControlFlow::Continue(())
    });
    if !left_out.is_empty() {
        let what: Vec<String> = left_out
            .iter()
            .map(|(why, n)| format!("{n} {}", why.describe(*n)))
            .collect();
        let total: usize = left_out.values().sum();
        let noun = match (kind, total) {
            (FigureKind::Money, 1) => "amount",
            (FigureKind::Money, _) => "amounts",
            (FigureKind::Percent, 1) => "percentage",
            (FigureKind::Percent, _) => "percentages",
        };
        eprintln!(
            "bluebook: table: left out {total} {noun}: {}",
            what.join(", ")
        );
    }
    let table = figure_table(kind, &keys, found, docs);
    write_table(&table, common.format, &met)
}

/// The table of the figures found in `docs`.
fn figure_table(
    kind: FigureKind,
    keys: &[FigureKey],
    found: Vec<Figure>,
    docs: Vec<String>,
) -> Table {
    let wide = !keys.contains(&FigureKey::Doc);
    let by_period = keys.contains(&FigureKey::Period);
    // The keys that tell rows apart across documents.
    let base: Vec<FigureKey> = keys
        .iter()
        .copied()
        .filter(|k| !matches!(k, FigureKey::Period | FigureKey::Doc))
        .collect();
    let mut groups: BTreeMap<Vec<KeyCell>, Vec<Vec<Figure>>> = BTreeMap::new();
    for f in found {
        let cells: Vec<KeyCell> = base.iter().map(|k| figure_key(&f, *k)).collect();
        let per_doc = groups.entry(cells).or_default();
        if per_doc.len() <= f.doc {
            per_doc.resize_with(f.doc + 1, Vec::new);
        }
        if let Some(list) = per_doc.get_mut(f.doc) {
            list.push(f);
        }
    }
    let fields = figure_fields(kind, keys, wide);
    let unit_is_key = keys.contains(&FigureKey::Unit);

    let mut columns: Vec<Column> = keys
        .iter()
        .filter(|k| **k != FigureKey::Period && (!wide || **k != FigureKey::Doc))
        .map(|k| {
            let name = match k {
                FigureKey::Counterpart => "counterpart",
                FigureKey::Metric => "metric",
                FigureKey::Unit => Field::Unit.name(kind),
                FigureKey::Doc => "doc",
                FigureKey::Period => "period",
            };
            Column::new(name, true, false)
        })
        .collect();
    columns.push(Column::new("n", true, true));
    let groups_of_columns = if wide { docs.len() } else { 1 };
    for i in 0..groups_of_columns {
        for field in &fields {
            let name = if wide {
                format!("{}_{}", field.name(kind), i + 1)
            } else {
                field.name(kind).to_string()
            };
            columns.push(Column::new(&name, field.in_markdown(), field.numeric()));
        }
    }

    let mut rows: Vec<(Vec<KeyCell>, usize, Vec<Cell>)> = Vec::new();
    for (cells, mut per_doc) in groups {
        per_doc.resize_with(docs.len(), Vec::new);
        if by_period {
            // Latest period first, a missing one last; text order within a period.
            for list in &mut per_doc {
                list.sort_by_key(|f| {
                    (
                        std::cmp::Reverse(f.period.map(i32::from).unwrap_or(-1)),
                        f.span,
                    )
                });
            }
        }
        let slots = per_doc.iter().map(Vec::len).max().unwrap_or(0);
        for n in 0..slots {
            let row: Vec<Option<&Figure>> = per_doc.iter().map(|list| list.get(n)).collect();
            let changes = figure_changes(&row);
            // The row key as the columns show it, `doc` where it was asked for.
            let key_of = |doc: Option<usize>| -> Vec<KeyCell> {
                let mut base_cells = cells.iter();
                keys.iter()
                    .filter(|k| **k != FigureKey::Period && (!wide || **k != FigureKey::Doc))
                    .map(|k| match (k, doc) {
                        (FigureKey::Doc, Some(d)) => KeyCell::Doc(d),
                        _ => base_cells.next().cloned().unwrap_or(KeyCell::Missing),
                    })
                    .collect()
            };
            if wide {
                let key = key_of(None);
                let mut out: Vec<Cell> = key.iter().map(|c| c.cell(&docs)).collect();
                out.push(Cell::count(n + 1));
                for (f, change) in row.iter().zip(&changes) {
                    out.extend(figure_cells(&fields, *f, *change, &docs, unit_is_key));
                }
                rows.push((key, n, out));
            } else {
                for (d, (f, change)) in row.iter().zip(&changes).enumerate() {
                    if f.is_none() {
                        continue;
                    }
                    let key = key_of(Some(d));
                    let mut out: Vec<Cell> = key.iter().map(|c| c.cell(&docs)).collect();
                    out.push(Cell::count(n + 1));
                    out.extend(figure_cells(&fields, *f, *change, &docs, unit_is_key));
                    rows.push((key, n, out));
                }
            }
        }
    }
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    Table {
        columns,
        rows: rows.into_iter().map(|r| r.2).collect(),
        docs,
        wide,
    }
}

/// For each document's value on a row, its change from the nearest earlier document's
/// value on the row, when the two are alike.
fn figure_changes(row: &[Option<&Figure>]) -> Vec<Option<Decimal>> {
    let mut earlier: Option<&Figure> = None;
    row.iter()
        .map(|f| {
            let f = (*f)?;
            let change = earlier
                .filter(|e| f.alike(e))
                .and_then(|e| f.value.checked_sub(e.value));
            earlier = Some(f);
            change
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Events

/// What is counted for one key in one document.
#[derive(Clone, Debug, Default)]
struct Count {
    events: usize,
    spans: Vec<Span>,
}

/// The `YYYY-MM` of an ISO 8601 value (a range's start), if it names a month.
fn month_of(value: &str) -> Option<String> {
    let start = value.split('/').next().unwrap_or(value);
    let b = start.as_bytes();
    let ok = b.len() >= 7
        && b.get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && b.get(4) == Some(&b'-')
        && b.get(5..7)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit));
    ok.then(|| start.get(..7).map(str::to_string)).flatten()
}

/// The `YYYY` of an ISO 8601 value (a range's start), if it names a year.
fn year_of(value: &str) -> Option<String> {
    let start = value.split('/').next().unwrap_or(value);
    let b = start.as_bytes();
    let ok = b.get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && b.get(4).is_none_or(|c| *c == b'-');
    ok.then(|| start.get(..4).map(str::to_string)).flatten()
}

/// The row keys an event counts under (keys other than `doc`): every combination of
/// its states, months or years and kind, each once.
fn event_keys(e: &EventRecord, keys: &[EventKey]) -> BTreeSet<Vec<KeyCell>> {
    let distinct = |values: Vec<KeyCell>| -> Vec<KeyCell> {
        let set: BTreeSet<KeyCell> = values.into_iter().collect();
        if set.is_empty() {
            vec![KeyCell::Missing]
        } else {
            set.into_iter().collect()
        }
    };
    let mut combos: Vec<Vec<KeyCell>> = vec![Vec::new()];
    for key in keys {
        let options = match key {
            EventKey::Country => distinct(
                e.countries
                    .iter()
                    .map(|c| KeyCell::Value(c.clone()))
                    .collect(),
            ),
            EventKey::Month => distinct(
                e.date
                    .values
                    .iter()
                    .map(|v| KeyCell::of(month_of(v).as_deref()))
                    .collect(),
            ),
            EventKey::Year => distinct(
                e.date
                    .values
                    .iter()
                    .map(|v| KeyCell::of(year_of(v).as_deref()))
                    .collect(),
            ),
            EventKey::Kind => vec![KeyCell::Value(e.kind.as_str().to_string())],
            EventKey::Doc => continue,
        };
        combos = combos
            .iter()
            .flat_map(|c| {
                options.iter().map(move |o| {
                    let mut c = c.clone();
                    c.push(o.clone());
                    c
                })
            })
            .collect();
    }
    combos.into_iter().collect()
}

/// Reads the documents, counts their events and writes the table.
fn events(keys: Vec<EventKey>, common: Common) -> anyhow::Result<ExitCode> {
    let config = common.options.config(Some(&["event".to_string()]))?;
    let mut docs: Vec<String> = Vec::new();
    let mut counts: BTreeMap<Vec<KeyCell>, Vec<Count>> = BTreeMap::new();
    let met = super::each_document(common.paths, |doc, _| {
        let index = docs.len();
        docs.push(doc.id().to_string());
        for record in bluebook::extract(doc, &config) {
            let Record::Event(e) = record else { continue };
            for key in event_keys(&e, &keys) {
                let per_doc = counts.entry(key).or_default();
                if per_doc.len() <= index {
                    per_doc.resize_with(index + 1, Count::default);
                }
                if let Some(c) = per_doc.get_mut(index) {
                    c.events += 1;
                    c.spans.push(e.common.span);
                }
            }
        }
        ControlFlow::Continue(())
    });
    let table = event_table(&keys, counts, docs);
    write_table(&table, common.format, &met)
}

/// The table of the event counts of `docs`.
fn event_table(
    keys: &[EventKey],
    counts: BTreeMap<Vec<KeyCell>, Vec<Count>>,
    docs: Vec<String>,
) -> Table {
    let wide = !keys.contains(&EventKey::Doc);
    let shown: Vec<EventKey> = keys
        .iter()
        .copied()
        .filter(|k| !wide || *k != EventKey::Doc)
        .collect();
    let mut columns: Vec<Column> = shown
        .iter()
        .map(|k| {
            let name = match k {
                EventKey::Country => "country",
                EventKey::Month => "month",
                EventKey::Year => "year",
                EventKey::Kind => "kind",
                EventKey::Doc => "doc",
            };
            Column::new(name, true, false)
        })
        .collect();
    let group = |suffix: &str| -> Vec<Column> {
        let mut c = vec![
            Column::new(&format!("events{suffix}"), true, true),
            Column::new(&format!("change{suffix}"), true, true),
        ];
        if wide {
            c.push(Column::new(&format!("doc{suffix}"), false, false));
        }
        c.push(Column::new(&format!("spans{suffix}"), true, false));
        c
    };
    if wide {
        for i in 0..docs.len() {
            columns.extend(group(&format!("_{}", i + 1)));
        }
    } else {
        columns.extend(group(""));
    }

    let group_cells = |per_doc: &[Count], d: usize| -> Vec<Cell> {
        let here = per_doc.get(d).map_or(0, |c| c.events);
        let change = d
            .checked_sub(1)
            .map(|p| here as i128 - per_doc.get(p).map_or(0, |c| c.events) as i128);
        let spans: Vec<String> = per_doc
            .get(d)
            .map(|c| c.spans.iter().map(|s| span_text(*s)).collect())
            .unwrap_or_default();
        let mut cells = vec![
            Cell::count(here),
            change.map_or_else(Cell::empty, |c| Cell::change(Decimal::new(c, 0))),
        ];
        if wide {
            cells.push(Cell::text(docs.get(d).cloned().unwrap_or_default()));
        }
        cells.push(Cell::text(spans.join(" ")));
        cells
    };

    let mut rows: Vec<(Vec<KeyCell>, Vec<Cell>)> = Vec::new();
    for (cells, per_doc) in &counts {
        let key_of = |doc: Option<usize>| -> Vec<KeyCell> {
            let mut base = cells.iter();
            shown
                .iter()
                .map(|k| match (k, doc) {
                    (EventKey::Doc, Some(d)) => KeyCell::Doc(d),
                    _ => base.next().cloned().unwrap_or(KeyCell::Missing),
                })
                .collect()
        };
        if wide {
            let key = key_of(None);
            let mut out: Vec<Cell> = key.iter().map(|c| c.cell(&docs)).collect();
            for d in 0..docs.len() {
                out.extend(group_cells(per_doc, d));
            }
            rows.push((key, out));
        } else {
            for d in 0..docs.len() {
                if per_doc.get(d).is_none_or(|c| c.events == 0) {
                    continue;
                }
                let key = key_of(Some(d));
                let mut out: Vec<Cell> = key.iter().map(|c| c.cell(&docs)).collect();
                out.extend(group_cells(per_doc, d));
                rows.push((key, out));
            }
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    Table {
        columns,
        rows: rows.into_iter().map(|r| r.1).collect(),
        docs,
        wide,
    }
}

// ---------------------------------------------------------------------------------------
// Writing

/// A column of the table.
#[derive(Clone, Debug)]
struct Column {
    name: String,
    /// Whether the Markdown table shows it.
    markdown: bool,
    /// Right-aligned in Markdown.
    numeric: bool,
}

impl Column {
    fn new(name: &str, markdown: bool, numeric: bool) -> Column {
        Column {
            name: name.to_string(),
            markdown,
            numeric,
        }
    }
}

/// A cell, as CSV and as Markdown write it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Cell {
    csv: String,
    md: String,
}

impl Cell {
    fn empty() -> Cell {
        Cell::text(String::new())
    }

    fn text(value: impl Into<Option<String>>) -> Cell {
        let s = value.into().unwrap_or_default();
        Cell {
            csv: s.clone(),
            md: s,
        }
    }

    fn count(n: usize) -> Cell {
        Cell::text(n.to_string())
    }

    /// A change: signed in Markdown (`+2,530,000,000`), plain in CSV.
    fn change(d: Decimal) -> Cell {
        let csv = d.to_string();
        let md = if csv.starts_with('-') || csv == "0" {
            grouped(&csv)
        } else {
            format!("+{}", grouped(&csv))
        };
        Cell { csv, md }
    }
}

/// A table ready to write.
#[derive(Debug)]
struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
    /// The documents, in input order.
    docs: Vec<String>,
    /// Each document in its own columns (`_1`, `_2`, ...).
    wide: bool,
}

/// Writes the table on standard output; a closed pipe is not an error.
fn write_table(
    table: &Table,
    format: Format,
    met: &super::summary::Summary,
) -> anyhow::Result<ExitCode> {
    let text = match format {
        Format::Csv => csv(table),
        Format::Markdown => markdown(table),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if !super::is_broken_pipe(&e) => return Err(e.into()),
        _ => {}
    }
    Ok(met.exit_code())
}

/// The table as RFC 4180 CSV.
fn csv(table: &Table) -> String {
    let mut out = csv_line(table.columns.iter().map(|c| c.name.as_str()));
    for row in &table.rows {
        out.push_str(&csv_line(row.iter().map(|c| c.csv.as_str())));
    }
    out
}

/// One CSV record, CRLF-terminated.
fn csv_line<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut line = fields.map(csv_field).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// A CSV field: quoted when it holds a comma, a double quote, CR or LF, its quotes
/// doubled (RFC 4180).
fn csv_field(field: &str) -> std::borrow::Cow<'_, str> {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

/// The table as Markdown: the documents, then the table.
fn markdown(table: &Table) -> String {
    let mut out = String::new();
    if table.wide {
        for (i, doc) in table.docs.iter().enumerate() {
            out.push_str(&format!("- `_{}`: {}\n", i + 1, md_cell(doc)));
        }
        out.push('\n');
    }
    let shown: Vec<usize> = (0..table.columns.len())
        .filter(|i| table.columns.get(*i).is_some_and(|c| c.markdown))
        .collect();
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(
        shown
            .iter()
            .filter_map(|i| table.columns.get(*i))
            .map(|c| md_cell(&c.name))
            .collect(),
    ));
    out.push_str(&line(
        shown
            .iter()
            .filter_map(|i| table.columns.get(*i))
            .map(|c| if c.numeric { "---:" } else { "---" }.to_string())
            .collect(),
    ));
    for row in &table.rows {
        out.push_str(&line(
            shown
                .iter()
                .map(|i| row.get(*i).map_or_else(String::new, |c| md_cell(&c.md)))
                .collect(),
        ));
    }
    out
}

/// A Markdown table cell: `|` escaped, line breaks made spaces.
fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// A decimal with its integer part grouped by thousands: `-2530000000.5` is
/// `-2,530,000,000.5`.
fn grouped(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", number),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads CSV back the way RFC 4180 writes it, for the round trip.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("JP"), "JP");
        assert_eq!(csv_field(""), "");
        assert_eq!(csv_field("42906-42923"), "42906-42923");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\r"), "\"cr\r\"");
        assert_eq!(csv_field("\""), "\"\"\"\"");
    }

    #[test]
    fn csv_lines_read_back_as_written() {
        let fields = [
            "plain",
            "",
            "comma, inside",
            "\"quoted\"",
            "line\r\nbreak",
            "dir/my \"report\", 2021.txt",
        ];
        let text = csv_line(fields.iter().copied()) + &csv_line(["x", "y"].into_iter());
        assert!(text.ends_with("\r\n"));
        let rows = parse_csv(&text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], fields);
        assert_eq!(rows[1], ["x", "y"]);
    }

    #[test]
    fn numbers_are_grouped_by_thousands_for_reading() {
        assert_eq!(grouped("39620000000"), "39,620,000,000");
        assert_eq!(grouped("-400000000"), "-400,000,000");
        assert_eq!(grouped("514000"), "514,000");
        assert_eq!(grouped("999"), "999");
        assert_eq!(grouped("1234.5678"), "1,234.5678");
        assert_eq!(grouped("0.84"), "0.84");
        assert_eq!(Cell::change(Decimal::new(253, 0)).md, "+253");
        assert_eq!(Cell::change(Decimal::new(-4000, 0)).md, "-4,000");
        assert_eq!(Cell::change(Decimal::new(0, 0)).md, "0");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn months_and_years_of_iso_values() {
        assert_eq!(month_of("2020-10").as_deref(), Some("2020-10"));
        assert_eq!(month_of("2020-10-19").as_deref(), Some("2020-10"));
        assert_eq!(
            month_of("2020-12-04/2020-12-06").as_deref(),
            Some("2020-12")
        );
        assert_eq!(month_of("2020"), None);
        assert_eq!(month_of("--12-27"), None);
        assert_eq!(month_of("é"), None);
        assert_eq!(year_of("2020-10-19").as_deref(), Some("2020"));
        assert_eq!(year_of("2020").as_deref(), Some("2020"));
        assert_eq!(year_of("--12-27"), None);
        assert_eq!(year_of("20201"), None);
    }

    fn figure(doc: usize, value: &str, period: u16, metric: Metric) -> Figure {
        Figure {
            doc,
            span: Span(doc * 10, doc * 10 + 5),
            counterpart: Some("JP".into()),
            metric: Some(metric),
            period: Some(period),
            period_kind: Some(PeriodKind::Flow),
            qualifier: None,
            value: value.parse().expect("decimal"),
            unit: "USD".into(),
            stated_change: None,
        }
    }

    #[test]
    fn a_change_compares_like_with_like_from_the_nearest_earlier_document() {
        let a = figure(0, "39620000000", 2020, Metric::TradeTurnover);
        let b = figure(2, "42150000000", 2021, Metric::TradeTurnover);
        let fdi = figure(3, "2370000000", 2021, Metric::Fdi);
        let changes = figure_changes(&[Some(&a), None, Some(&b), Some(&fdi)]);
        let shown: Vec<Option<String>> = changes.iter().map(|c| c.map(|d| d.to_string())).collect();
        assert_eq!(
            shown,
            [None, None, Some("2530000000".to_string()), None],
            "the third document is compared with the first; trade is not compared with FDI"
        );
    }

    #[test]
    fn several_values_of_a_key_make_several_rows_latest_period_first() {
        let docs = vec!["a.txt".to_string(), "b.txt".to_string()];
        let found = vec![
            figure(0, "1", 2019, Metric::TradeTurnover),
            figure(0, "2", 2020, Metric::TradeTurnover),
            figure(1, "3", 2021, Metric::TradeTurnover),
        ];
        let keys = [FigureKey::Counterpart, FigureKey::Period];
        let table = figure_table(FigureKind::Money, &keys, found, docs);
        let col = |name: &str| {
            table
                .columns
                .iter()
                .position(|c| c.name == name)
                .expect(name)
        };
        let cells: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| {
                [
                    "counterpart",
                    "n",
                    "period_1",
                    "amount_1",
                    "period_2",
                    "amount_2",
                    "change_2",
                ]
                .iter()
                .map(|c| r[col(c)].csv.as_str())
                .collect()
            })
            .collect();
        assert_eq!(
            cells,
            [
                ["JP", "1", "2020", "2", "2021", "3", "1"],
                ["JP", "2", "2019", "1", "", "", ""],
            ]
        );
    }
}
