//! Evaluation against hand-written gold: takes a document's records and its gold
//! file, gives precision, recall and F1 per record type and the accuracy of each
//! gold field on the matched pairs.
//!
//! Gold is one JSON object per line, one file per document (the format is in the
//! README and `tests/gold/GUIDELINES.md`): `type`, where the record is — `span`, or
//! `line` + `text` (+ `occurrence`) resolved against the raw input — and the fields
//! to score. Records and gold are matched one to one within a type, largest byte
//! overlap first. Fields left out of a gold line are not scored; `null` scores
//! "no value".

use crate::Record;
use crate::record::Span;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The record types gold scores.
pub const SCORED_TYPES: &[&str] = &["date", "person", "event", "money", "percent"];

/// The fields [`gold_line`] writes for each scored type, in order.
pub const SCORED_FIELDS: &[(&str, &[&str])] = &[
    ("date", &["values"]),
    ("person", &["name", "titles", "country"]),
    ("event", &["kind", "date", "countries", "participants"]),
    ("money", &["amount", "currency", "min", "max", "vague"]),
    ("percent", &["value", "change", "unit"]),
];

/// One gold record, located in the raw input.
#[derive(Clone, Debug, PartialEq)]
pub struct Gold {
    /// Its record type.
    pub kind: String,
    /// Its byte span in the raw input.
    pub span: Span,
    /// The 1-based line of the gold file it was read from.
    pub gold_line: usize,
    /// The fields to score, by name.
    pub fields: Map<String, Value>,
}

/// A gold file that cannot be read: the line and what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GoldError {
    /// The 1-based line of the gold file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads gold lines against the raw input they annotate. Blank lines are skipped.
pub fn parse_gold(gold: &str, raw: &[u8]) -> Result<Vec<Gold>, GoldError> {
    let line_starts = line_starts(raw);
    let mut out = Vec::new();
    for (i, line) in gold.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| GoldError { line: n, message };
        let Value::Object(mut obj) =
            serde_json::from_str::<Value>(line).map_err(|e| err(e.to_string()))?
        else {
            return Err(err("not a JSON object".into()));
        };
        let kind = match obj.remove("type") {
            Some(Value::String(t)) if SCORED_TYPES.contains(&t.as_str()) => t,
            Some(t) => {
                return Err(err(format!(
                    "type {t} is not one of {}",
                    SCORED_TYPES.join(", ")
                )));
            }
            None => return Err(err("no type".into())),
        };
        let span = locate(&mut obj, raw, &line_starts).map_err(err)?;
        obj.remove("text");
        out.push(Gold {
            kind,
            span,
            gold_line: n,
            fields: obj,
        });
    }
    Ok(out)
}

/// Where a gold line's record is: its `span`, or its `text` on `line` (the
/// `occurrence`-th match starting on that line). Removes the location fields.
fn locate(obj: &mut Map<String, Value>, raw: &[u8], line_starts: &[usize]) -> Result<Span, String> {
    if let Some(span) = obj.remove("span") {
        let span: Span =
            serde_json::from_value(span).map_err(|e| format!("span is not [start, end]: {e}"))?;
        if span.0 >= span.1 || span.1 > raw.len() {
            return Err(format!(
                "span [{}, {}] is not inside the input ({} bytes)",
                span.0,
                span.1,
                raw.len()
            ));
        }
        if let Some(Value::String(text)) = obj.get("text")
            && raw.get(span.0..span.1) != Some(text.as_bytes())
        {
            return Err(format!(
                "the input at [{}, {}] is not {text:?}",
                span.0, span.1
            ));
        }
        obj.remove("line");
        obj.remove("occurrence");
        return Ok(span);
    }
    let line = match obj.remove("line") {
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0) as usize,
        _ => return Err("neither span nor line".into()),
    };
    let occurrence_field = obj.remove("occurrence");
    let Some(Value::String(text)) = obj.get("text") else {
        return Err("line without text".into());
    };
    if text.is_empty() {
        return Err("empty text".into());
    }
    let occurrence = match occurrence_field {
        None => 1,
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0) as usize,
        Some(v) => return Err(format!("occurrence {v} is not a number")),
    };
    if line == 0 || line > line_starts.len() || occurrence == 0 {
        return Err(format!(
            "line {line} (occurrence {occurrence}) is not in the input ({} lines)",
            line_starts.len()
        ));
    }
    let from = line_starts[line - 1];
    let to = line_starts.get(line).copied().unwrap_or(raw.len());
    let needle = text.as_bytes();
    let mut seen = 0;
    for start in from..to {
        if raw[start..].starts_with(needle) {
            seen += 1;
            if seen == occurrence {
                return Ok(Span(start, start + needle.len()));
            }
        }
    }
    Err(format!(
        "{text:?} does not start on line {line} {} time(s)",
        occurrence
    ))
}

/// Byte offsets where each line of `raw` starts.
fn line_starts(raw: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', raw).map(|i| i + 1))
        .filter(|&i| i < raw.len() || i == 0)
        .collect()
}

/// A record as gold: its type, span, text and scored fields, one JSON line. `None`
/// for a type gold does not score.
pub fn gold_line(record: &Record) -> Option<String> {
    let value = serde_json::to_value(record).ok()?;
    let kind = record.type_name();
    let fields = SCORED_FIELDS.iter().find(|(t, _)| *t == kind)?.1;
    let mut obj = Map::new();
    obj.insert("type".into(), Value::String(kind.into()));
    obj.insert(
        "span".into(),
        value.get("span").cloned().unwrap_or(Value::Null),
    );
    obj.insert(
        "text".into(),
        value.get("text").cloned().unwrap_or(Value::Null),
    );
    for f in fields {
        obj.insert((*f).into(), predicted_field(&value, kind, f));
    }
    serde_json::to_string(&Value::Object(obj)).ok()
}

/// The value a record gives for a gold field: most are the record's own field
/// (absent is null); an event's `date` is its date's values and its `participants`
/// their names.
fn predicted_field(record: &Value, kind: &str, field: &str) -> Value {
    match (kind, field) {
        ("event", "date") => record
            .get("date")
            .and_then(|d| d.get("values"))
            .cloned()
            .unwrap_or(Value::Null),
        ("event", "participants") => Value::Array(
            record
                .get("participants")
                .and_then(Value::as_array)
                .map(|ps| {
                    ps.iter()
                        .filter_map(|p| p.get("name").cloned())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
        ),
        _ => record.get(field).cloned().unwrap_or(Value::Null),
    }
}

/// Counts for one record type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct TypeScore {
    /// Gold records.
    pub gold: usize,
    /// Records the pipeline gave.
    pub predicted: usize,
    /// Pairs matched.
    pub matched: usize,
}

impl TypeScore {
    /// Matched over predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    /// Matched over gold (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Counts for one gold field on the matched pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct FieldScore {
    /// Matched pairs whose gold scores the field.
    pub compared: usize,
    /// Of those, the pairs that agree.
    pub correct: usize,
}

impl FieldScore {
    /// Correct over compared (1 when nothing was compared).
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.compared)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// What went wrong, for a person reading the errors.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum Miss {
    /// A gold record no record matched.
    Missed {
        /// Its type.
        kind: String,
        /// Its span.
        span: Span,
        /// The 1-based gold line.
        gold_line: usize,
    },
    /// A record no gold matched.
    Spurious {
        /// Its type.
        kind: String,
        /// Its span.
        span: Span,
    },
    /// A matched pair that disagrees on a field.
    Field {
        /// Its type.
        kind: String,
        /// The field.
        field: String,
        /// The gold span.
        span: Span,
        /// The 1-based gold line.
        gold_line: usize,
        /// The gold value.
        gold: Value,
        /// The record's value.
        predicted: Value,
    },
}

/// Scores of one document, or of several pooled.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// By record type.
    pub types: BTreeMap<String, TypeScore>,
    /// By record type, then field.
    pub fields: BTreeMap<String, BTreeMap<String, FieldScore>>,
}

impl Scores {
    /// Adds another document's counts.
    pub fn add(&mut self, other: &Scores) {
        for (t, s) in &other.types {
            let e = self.types.entry(t.clone()).or_default();
            e.gold += s.gold;
            e.predicted += s.predicted;
            e.matched += s.matched;
        }
        for (t, fs) in &other.fields {
            for (f, s) in fs {
                let e = self
                    .fields
                    .entry(t.clone())
                    .or_default()
                    .entry(f.clone())
                    .or_default();
                e.compared += s.compared;
                e.correct += s.correct;
            }
        }
    }
}

/// Scores `records` against `gold`; gives the scores and what went wrong, in span
/// order.
pub fn score(gold: &[Gold], records: &[Record]) -> (Scores, Vec<Miss>) {
    let mut scores = Scores::default();
    let mut misses = Vec::new();
    for &kind in SCORED_TYPES {
        let g: Vec<&Gold> = gold.iter().filter(|g| g.kind == kind).collect();
        let p: Vec<(Span, Value)> = records
            .iter()
            .filter(|r| r.type_name() == kind)
            .filter_map(|r| serde_json::to_value(r).ok().map(|v| (r.common().span, v)))
            .collect();
        let pairs = match_spans(
            &g.iter().map(|g| g.span).collect::<Vec<_>>(),
            &p.iter().map(|p| p.0).collect::<Vec<_>>(),
        );
        let ts = scores.types.entry(kind.to_string()).or_default();
        ts.gold = g.len();
        ts.predicted = p.len();
        ts.matched = pairs.len();
        let mut gold_matched = vec![false; g.len()];
        let mut pred_matched = vec![false; p.len()];
        for &(gi, pi) in &pairs {
            gold_matched[gi] = true;
            pred_matched[pi] = true;
            for (field, want) in &g[gi].fields {
                let got = predicted_field(&p[pi].1, kind, field);
                let fs = scores
                    .fields
                    .entry(kind.to_string())
                    .or_default()
                    .entry(field.clone())
                    .or_default();
                fs.compared += 1;
                if agree(field, want, &got) {
                    fs.correct += 1;
                } else {
                    misses.push(Miss::Field {
                        kind: kind.into(),
                        field: field.clone(),
                        span: g[gi].span,
                        gold_line: g[gi].gold_line,
                        gold: want.clone(),
                        predicted: got,
                    });
                }
            }
        }
        for (gi, g) in g.iter().enumerate() {
            if !gold_matched[gi] {
                misses.push(Miss::Missed {
                    kind: kind.into(),
                    span: g.span,
                    gold_line: g.gold_line,
                });
            }
        }
        for (pi, p) in p.iter().enumerate() {
            if !pred_matched[pi] {
                misses.push(Miss::Spurious {
                    kind: kind.into(),
                    span: p.0,
                });
            }
        }
    }
    misses.sort_by_key(|m| match m {
        Miss::Missed { span, .. } | Miss::Spurious { span, .. } | Miss::Field { span, .. } => *span,
    });
    (scores, misses)
}

/// One-to-one pairs `(gold, predicted)` of overlapping spans, the largest overlap
/// first (ties to the earlier gold, then the earlier record).
fn match_spans(gold: &[Span], predicted: &[Span]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..predicted.len()).collect();
    order.sort_by_key(|&i| predicted[i]);
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        // Records are sorted by start; those starting at or after the gold's end
        // cannot overlap it.
        let upto = order.partition_point(|&i| predicted[i].0 < g.1);
        for &pi in &order[..upto] {
            let p = predicted[pi];
            let overlap = g.1.min(p.1).saturating_sub(g.0.max(p.0));
            if overlap > 0 {
                candidates.push((overlap, gi, pi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (_, gi, pi) in candidates {
        if !gold_used[gi] && !pred_used[pi] {
            gold_used[gi] = true;
            pred_used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Whether a record's value agrees with gold: numbers as exact decimals, strings
/// with their white space collapsed, `countries` and `participants` as sets, other
/// lists in order; null and absent are the same.
pub fn agree(field: &str, gold: &Value, got: &Value) -> bool {
    let unordered = matches!(field, "countries" | "participants");
    norm(gold, unordered) == norm(got, unordered)
}

fn norm(v: &Value, unordered: bool) -> Value {
    match v {
        Value::Number(n) => Value::String(decimal(&n.to_string())),
        Value::String(s) => {
            let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if looks_numeric(&collapsed) {
                Value::String(decimal(&collapsed))
            } else {
                Value::String(collapsed)
            }
        }
        Value::Array(items) => {
            let mut items: Vec<Value> = items.iter().map(|i| norm(i, false)).collect();
            if unordered {
                items.sort_by_key(|i| i.to_string());
            }
            Value::Array(items)
        }
        other => other.clone(),
    }
}

fn looks_numeric(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && s.bytes().filter(|&b| b == b'.').count() <= 1
        && s.bytes().any(|b| b.is_ascii_digit())
}

/// A decimal string without trailing fractional zeros (`70.50` → `70.5`, `3.0` →
/// `3`); other text as it is.
fn decimal(s: &str) -> String {
    if !looks_numeric(s) {
        return s.to_string();
    }
    let mut s = s.to_string();
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" { "0".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_and_text_locate_the_bytes() {
        let raw = b"one two\nthree two two\n";
        let gold = r#"{"type":"date","line":2,"text":"two","occurrence":2,"values":[]}"#;
        let g = parse_gold(gold, raw).unwrap();
        assert_eq!(g[0].span, Span(18, 21));
        assert_eq!(g[0].fields.len(), 1);
        let bad = r#"{"type":"date","line":1,"text":"three"}"#;
        assert!(
            parse_gold(bad, raw)
                .unwrap_err()
                .to_string()
                .contains("line 1")
        );
    }

    #[test]
    fn matching_is_one_to_one_by_largest_overlap() {
        let gold = [Span(0, 10), Span(8, 20)];
        let predicted = [Span(9, 20), Span(0, 9)];
        assert_eq!(match_spans(&gold, &predicted), vec![(0, 1), (1, 0)]);
        assert_eq!(match_spans(&[Span(0, 5)], &[Span(5, 9)]), vec![]);
    }

    #[test]
    fn values_agree_as_decimals_and_sets() {
        assert!(agree(
            "amount",
            &"70000000000".into(),
            &serde_json::json!(7e10)
        ));
        assert!(agree("value", &"2.50".into(), &serde_json::json!(2.5)));
        assert!(!agree("value", &"25".into(), &serde_json::json!(2.5)));
        let a = serde_json::json!(["US", "MY"]);
        let b = serde_json::json!(["MY", "US"]);
        assert!(agree("countries", &a, &b));
        assert!(!agree("titles", &a, &b));
        assert!(agree("country", &Value::Null, &Value::Null));
    }

    #[test]
    fn scores_count_matches_misses_and_fields() {
        let s = TypeScore {
            gold: 4,
            predicted: 2,
            matched: 2,
        };
        assert_eq!((s.precision(), s.recall()), (1.0, 0.5));
        assert!((s.f1() - 2.0 / 3.0).abs() < 1e-12);
    }
}
