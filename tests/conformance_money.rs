//! Conformance with the currency and percentage test suites of two mature extraction
//! libraries, read as data from the directory named by `BLUEBOOK_CONFORMANCE_DIR` (by
//! default `../shared/conformance/`; see `common::conformance_dir`, which skips the tests
//! where the suites are absent):
//!
//! - Microsoft Recognizers-Text `Specs/NumberWithUnit/English/CurrencyModel.json`,
//!   `Specs/Number/English/PercentModel.json` and `PercentModelPercentMode.json`;
//! - Duckling `Duckling/AmountOfMoney/EN/Corpus.hs`, whose `examples (VALUE) [...]`
//!   groups are parsed here.
//!
//! Every case runs through the whole pipeline. A case is in scope unless one of the
//! reasons in [`out_of_scope`] applies (the README lists them); negative cases (no
//! result expected) are always in scope. The test prints the pass rate per group
//! (`cargo test --test conformance_money -- --nocapture`) and fails if any in-scope
//! case fails.

mod common;

use bluebook::Record;
use bluebook::number::Decimal;
use bluebook::record::{MoneyRecord, PercentRecord};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The text of the suite file `rel` under the conformance directory `dir`.
fn read(dir: &Path, rel: &str) -> String {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the conformance suite {} ({e})", path.display()));
    text.trim_start_matches('\u{feff}').to_string()
}

/// The money and percent records of a one-line text.
fn figures(text: &str) -> (Vec<MoneyRecord<'static>>, Vec<PercentRecord<'static>>) {
    let mut money = Vec::new();
    let mut percent = Vec::new();
    for r in common::records_of(text) {
        match r {
            Record::Money(m) => money.push(m),
            Record::Percent(p) => percent.push(p),
            _ => {}
        }
    }
    (money, percent)
}

fn dec(s: &str) -> Decimal {
    s.trim_end_matches('%')
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {s}"))
}

/// Words that spell a number out (`one dollar`, `twenty percent`, `1 point 1`).
fn spelled(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "half",
        "quarter",
        "quarters",
        "point",
        "minus",
    ];
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.contains(&w) || w.starts_with("forty") || w.starts_with("twenty"))
        || lower.starts_with("a dollar")
        || lower.contains(" a dollar")
}

/// Sub-units: cents, pence, sen, kopiykas, or a whole amount followed by its cents
/// (`$20 43`, `15 dollars and 50`, `17 USD 25`).
fn cents(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '¢')
        .filter(|w| !w.is_empty())
        .collect();
    let sub_unit = words.iter().enumerate().any(|(i, w)| {
        matches!(
            *w,
            "cent" | "cents" | "pence" | "penny" | "pennies" | "sen" | "sens" | "kopiykas"
        ) || w.ends_with('¢')
            // `43c`, and `10 c` closing the text (`c $` is the Canadian dollar).
            || (w.len() > 1 && w.ends_with('c') && w[..w.len() - 1].chars().all(|c| c.is_ascii_digit()))
            || (*w == "c" && i + 1 == words.len() && !lower.trim_end().ends_with('$'))
    });
    let digit_groups = lower
        .split(|c: char| !c.is_ascii_digit() && c != '.' && c != ',')
        .filter(|g| g.chars().any(|c| c.is_ascii_digit()))
        .count();
    let compound = digit_groups >= 2
        && !lower.contains('-')
        && !lower.contains(" to ")
        && !lower.contains("between");
    sub_unit || compound
}

/// Why a Recognizers-Text currency result is out of scope, if it is.
fn currency_result_scope(text: &str, unit: &str, value: Option<&str>) -> Option<&'static str> {
    if spelled(text) {
        return Some("spelled-out numbers");
    }
    if matches!(unit, "Bitcoin" | "Satoshi") {
        return Some("crypto-currencies");
    }
    if matches!(unit, "Cent" | "Pence" | "Penny" | "Sen") || cents(text) {
        return Some("sub-units and amounts with cents");
    }
    if value.is_none() {
        return Some("a currency named without an amount");
    }
    if matches!(
        unit,
        "Franc" | "Peseta" | "Finnish markka" | "Netherlands guilder"
    ) {
        return Some("currencies without a current ISO 4217 code");
    }
    if text.contains(",34,") {
        return Some("Indian digit grouping");
    }
    if text.to_lowercase().starts_with("dollar ") {
        return Some("a currency name before the number");
    }
    None
}

/// ISO 4217 code of a Recognizers-Text result.
fn recognizers_iso(resolution: &Value) -> Option<String> {
    if let Some(iso) = resolution.get("isoCurrency").and_then(Value::as_str) {
        return Some(iso.to_string());
    }
    let unit = resolution.get("unit").and_then(Value::as_str)?;
    Some(
        match unit {
            "Dollar" => "USD",
            "Pound" | "British pound" => "GBP",
            "Euro" => "EUR",
            "Rupee" => "INR",
            _ => return None,
        }
        .to_string(),
    )
}

/// Tallies per group: (passed in scope, in scope, out of scope by reason).
#[derive(Default)]
struct Tally {
    groups: BTreeMap<String, (usize, usize, BTreeMap<&'static str, usize>)>,
    failures: Vec<String>,
}

impl Tally {
    fn out(&mut self, group: &str, reason: &'static str) {
        if std::env::var_os("CONFORMANCE_LIST_OUT").is_some() {
            println!("out of scope [{group}] {reason}");
        }
        *self
            .groups
            .entry(group.to_string())
            .or_default()
            .2
            .entry(reason)
            .or_default() += 1;
    }

    fn run(&mut self, group: &str, case: &str, failure: Option<String>) {
        let g = self.groups.entry(group.to_string()).or_default();
        g.1 += 1;
        match failure {
            None => g.0 += 1,
            Some(why) => self.failures.push(format!("[{group}] {case:?}: {why}")),
        }
    }

    fn report(&self, title: &str) -> (usize, usize) {
        println!("\n{title}");
        println!(
            "{:<48} {:>9} {:>7}  out of scope",
            "group", "in scope", "passed"
        );
        let (mut passed, mut total) = (0, 0);
        for (name, (p, n, out)) in &self.groups {
            let out: Vec<String> = out.iter().map(|(r, c)| format!("{c} {r}")).collect();
            println!("{name:<48} {n:>9} {p:>7}  {}", out.join("; "));
            passed += p;
            total += n;
        }
        println!("{:<48} {total:>9} {passed:>7}", "all");
        (passed, total)
    }
}

/// Checks the money records of `input` against Recognizers-Text results.
fn check_recognizers_money(input: &str, results: &[Value]) -> Option<String> {
    let (money, _) = figures(input);
    if money.len() != results.len() {
        let got: Vec<&str> = money.iter().map(|m| m.common.text.as_ref()).collect();
        return Some(format!(
            "{} records {got:?}, want {}",
            money.len(),
            results.len()
        ));
    }
    for r in results {
        let text = r["Text"].as_str().unwrap_or("");
        let start_char = r["Start"].as_u64().unwrap_or(0) as usize;
        let start = input
            .char_indices()
            .nth(start_char)
            .map_or(input.len(), |(b, _)| b);
        let res = &r["Resolution"];
        let want_value = res.get("value").and_then(Value::as_str).map(dec);
        let want_iso = recognizers_iso(res);
        let hit = money.iter().find(|m| m.common.span.0 == start);
        let Some(m) = hit else {
            return Some(format!("no record at {start} for {text:?}"));
        };
        if m.common.text.to_lowercase() != text.to_lowercase() {
            return Some(format!("text {:?}, want {text:?}", m.common.text));
        }
        if m.amount != want_value {
            return Some(format!("amount {:?}, want {want_value:?}", m.amount));
        }
        if want_iso.as_deref() != Some(m.currency.as_str()) {
            return Some(format!("currency {}, want {want_iso:?}", m.currency));
        }
    }
    None
}

#[test]
fn recognizers_text_currency_model() {
    let Some(dir) = common::conformance_dir() else {
        return;
    };
    let json: Value = serde_json::from_str(&read(
        &dir,
        "recognizers-text/Specs/NumberWithUnit/English/CurrencyModel.json",
    ))
    .expect("valid JSON");
    let mut tally = Tally::default();
    for case in json.as_array().expect("an array of cases") {
        let input = case["Input"].as_str().expect("input");
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        let group = results
            .first()
            .and_then(|r| r["Resolution"]["unit"].as_str())
            .unwrap_or("negative (no result)")
            .to_string();
        let scope = results.iter().find_map(|r| {
            currency_result_scope(
                r["Text"].as_str().unwrap_or(""),
                r["Resolution"]["unit"].as_str().unwrap_or(""),
                r["Resolution"]["value"].as_str(),
            )
        });
        match scope {
            Some(reason) => tally.out(&group, reason),
            None => tally.run(&group, input, check_recognizers_money(input, &results)),
        }
    }
    finish(tally, "Recognizers-Text CurrencyModel.json");
}

/// Why a Recognizers-Text percentage result is out of scope, if it is.
fn percent_result_scope(text: &str, value: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    if value == "null" {
        return Some("the word percent without a number");
    }
    if lower.starts_with("per") {
        return Some("percent before the number (percent of 10)");
    }
    if lower.contains(" of")
        || lower.contains(" in ")
        || lower.contains("out of")
        || lower.contains('/')
    {
        return Some("fractions read as percentages");
    }
    // Percentages in words are read (`twenty percent`); not the forms reports do not
    // write: `thirty percentage`, `one hundred percents`, a sign in words.
    if spelled(text)
        && (lower.contains("percents")
            || (lower.contains("percentage") && !lower.contains("percentage point"))
            || lower.contains("minus"))
    {
        return Some("spelled-out numbers in forms reports do not write");
    }
    None
}

fn check_recognizers_percent(input: &str, results: &[Value]) -> Option<String> {
    let (_, percent) = figures(input);
    if percent.len() != results.len() {
        let got: Vec<&str> = percent.iter().map(|m| m.common.text.as_ref()).collect();
        return Some(format!(
            "{} records {got:?}, want {}",
            percent.len(),
            results.len()
        ));
    }
    for r in results {
        let text = r["Text"].as_str().unwrap_or("");
        let start = r["Start"].as_u64().unwrap_or(0) as usize;
        let want = r["Resolution"]["value"].as_str().map(dec);
        let Some(p) = percent.iter().find(|p| p.common.span.0 == start) else {
            return Some(format!("no record at {start} for {text:?}"));
        };
        if p.common.text.to_lowercase() != text.to_lowercase() || p.value != want {
            return Some(format!(
                "{:?} = {:?}, want {text:?} = {want:?}",
                p.common.text, p.value
            ));
        }
    }
    None
}

#[test]
fn recognizers_text_percent_models() {
    let Some(dir) = common::conformance_dir() else {
        return;
    };
    let mut tally = Tally::default();
    for file in ["PercentModel.json", "PercentModelPercentMode.json"] {
        let json: Value = serde_json::from_str(&read(
            &dir,
            &format!("recognizers-text/Specs/Number/English/{file}"),
        ))
        .expect("valid JSON");
        for case in json.as_array().expect("an array of cases") {
            let input = case["Input"].as_str().expect("input");
            let results = case["Results"].as_array().cloned().unwrap_or_default();
            let kind = if results.is_empty() {
                "negative (no result)"
            } else {
                "percentages"
            };
            let group = format!("{} {kind}", file.trim_end_matches(".json"));
            let scope = results.iter().find_map(|r| {
                percent_result_scope(
                    r["Text"].as_str().unwrap_or(""),
                    r["Resolution"]["value"].as_str().unwrap_or("null"),
                )
            });
            match scope {
                Some(reason) => tally.out(&group, reason),
                None => tally.run(&group, input, check_recognizers_percent(input, &results)),
            }
        }
    }
    finish(
        tally,
        "Recognizers-Text PercentModel.json, PercentModelPercentMode.json",
    );
}

/// One Duckling example group: the corpus it belongs to, the value expression as
/// written, and its input strings.
struct Group {
    corpus: String,
    value: String,
    inputs: Vec<String>,
}

/// Tokens of a Haskell source read as data: identifiers and symbols, and string
/// literals with their escapes decoded. Comments are dropped.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String, bool),
    Str(String),
    Sym(char),
}

fn tokens(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line_start = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            line_start = false;
            i += 1;
            continue;
        }
        if c == '-' && chars.get(i + 1) == Some(&'-') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '{' && chars.get(i + 1) == Some(&'-') {
            while i + 1 < chars.len() && !(chars[i] == '-' && chars[i + 1] == '}') {
                i += 1;
            }
            i += 2;
            continue;
        }
        if c == '"' {
            let mut s = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                    match chars.get(i) {
                        Some('x') => {
                            let mut hex = String::new();
                            i += 1;
                            while i < chars.len() && chars[i].is_ascii_hexdigit() {
                                hex.push(chars[i]);
                                i += 1;
                            }
                            s.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                            continue;
                        }
                        Some(d) if d.is_ascii_digit() => {
                            let mut dec = String::new();
                            while i < chars.len() && chars[i].is_ascii_digit() {
                                dec.push(chars[i]);
                                i += 1;
                            }
                            s.extend(dec.parse().ok().and_then(char::from_u32));
                            continue;
                        }
                        Some('&') => {}
                        Some('n') => s.push('\n'),
                        Some('t') => s.push('\t'),
                        Some(&other) => s.push(other),
                        None => {}
                    }
                    i += 1;
                    continue;
                }
                s.push(chars[i]);
                i += 1;
            }
            i += 1;
            out.push(Token::Str(s));
            line_start = false;
            continue;
        }
        if c.is_alphanumeric() || c == '_' || c == '.' {
            let mut w = String::new();
            while i < chars.len()
                && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '.' | '\''))
            {
                w.push(chars[i]);
                i += 1;
            }
            out.push(Token::Word(w, line_start));
            line_start = false;
            continue;
        }
        out.push(Token::Sym(c));
        line_start = false;
        i += 1;
    }
    out
}

/// The example groups of a Duckling corpus file: `examples (VALUE) [ "input", ... ]`
/// inside each top-level definition, and the plain string list of the negative corpus.
fn duckling_groups(src: &str) -> Vec<Group> {
    let toks = tokens(src);
    let mut groups = Vec::new();
    let mut corpus = String::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Token::Word(w, true) => corpus = w.clone(),
            Token::Word(w, false) if w == "examples" => {
                let mut j = i + 1;
                let mut value = String::new();
                if toks.get(j) == Some(&Token::Sym('=')) {
                    value = "negative".to_string();
                    j += 1;
                } else if toks.get(j) == Some(&Token::Sym('(')) {
                    let mut depth = 0;
                    while j < toks.len() {
                        match &toks[j] {
                            Token::Sym('(') => {
                                if depth > 0 {
                                    value.push('(');
                                }
                                depth += 1;
                            }
                            Token::Sym(')') => {
                                depth -= 1;
                                if depth == 0 {
                                    j += 1;
                                    break;
                                }
                                value.push(')');
                            }
                            Token::Sym(c) => value.push(*c),
                            Token::Word(w, _) => {
                                if !value.is_empty() && !value.ends_with(['(', ' ']) {
                                    value.push(' ');
                                }
                                value.push_str(w);
                            }
                            Token::Str(s) => value.push_str(&format!("{s:?}")),
                        }
                        j += 1;
                    }
                } else {
                    i += 1;
                    continue;
                }
                if toks.get(j) == Some(&Token::Sym('[')) {
                    let mut inputs = Vec::new();
                    j += 1;
                    while j < toks.len() && toks[j] != Token::Sym(']') {
                        if let Token::Str(s) = &toks[j] {
                            inputs.push(s.clone());
                        }
                        j += 1;
                    }
                    groups.push(Group {
                        corpus: corpus.clone(),
                        value,
                        inputs,
                    });
                    i = j;
                }
            }
            _ => {}
        }
        i += 1;
    }
    groups
}

/// A Duckling value: `simple CUR x`, `between CUR (a, b)`, `under CUR x`, `above CUR x`.
#[derive(Debug)]
struct Expected {
    kind: String,
    currency: String,
    amount: Option<Decimal>,
    range: Option<(Decimal, Decimal)>,
}

fn parse_value(value: &str) -> Option<Expected> {
    let cleaned: String = value
        .chars()
        .map(|c| if matches!(c, '(' | ')' | ',') { ' ' } else { c })
        .collect();
    let parts: Vec<&str> = cleaned.split_whitespace().collect();
    let (kind, currency) = (parts.first()?.to_string(), parts.get(1)?.to_string());
    let nums: Vec<Decimal> = parts[2..].iter().filter_map(|p| p.parse().ok()).collect();
    let (amount, range) = match (kind.as_str(), nums.as_slice()) {
        ("between", [a, b]) => (None, Some((*a, *b))),
        (_, [a]) => (Some(*a), None),
        _ => return None,
    };
    Some(Expected {
        kind,
        currency,
        amount,
        range,
    })
}

fn duckling_iso(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "Dollar" | "USD" => "USD",
        "Pound" | "GBP" => "GBP",
        "EUR" => "EUR",
        "INR" => "INR",
        "CAD" => "CAD",
        "CHF" => "CHF",
        "CNY" => "CNY",
        "KWD" => "KWD",
        "LBP" => "LBP",
        "EGP" => "EGP",
        "QAR" => "QAR",
        "SAR" => "SAR",
        "BGN" => "BGN",
        "MYR" => "MYR",
        "ILS" => "ILS",
        "MNT" => "MNT",
        "UAH" => "UAH",
        _ => return None,
    })
}

/// Why a Duckling input is out of scope, if it is.
fn duckling_scope(corpus: &str, expected: Option<&Expected>, input: &str) -> Option<&'static str> {
    if corpus == "latentCorpus" {
        return Some("bare numbers as latent amounts");
    }
    let e = expected?;
    match e.currency.as_str() {
        "Cent" => return Some("sub-units and amounts with cents"),
        "Unnamed" => return Some("slang without a currency (bucks)"),
        "Dinar" | "Rial" | "Riyal" => return Some("a name several currencies share, no country"),
        _ => {}
    }
    if spelled(input) {
        return Some("spelled-out numbers");
    }
    if cents(input) {
        return Some("sub-units and amounts with cents");
    }
    let lower = input.to_lowercase();
    if lower.split_whitespace().any(|w| {
        matches!(
            w,
            "le" | "l.e" | "l.e." | "geneh" | "genihat" | "egyptianpound" | "saudiriyal"
        )
    }) {
        return Some("colloquial or run-together names (LE, geneh, Saudiriyal)");
    }
    if lower.contains("€ur") {
        return Some("playful spellings (€ur)");
    }
    if lower.starts_with("ringgit") || lower.starts_with("malaysia") {
        return Some("a currency name before the number");
    }
    if e.kind == "between" && lower.contains("lakh") {
        return Some("the suite does not carry a scale word over a range (7-9 lakh = 7 to 900000)");
    }
    if duckling_iso(&e.currency).is_none() {
        return Some("currencies without an ISO 4217 code");
    }
    None
}

fn check_duckling(e: Option<&Expected>, input: &str) -> Option<String> {
    let (money, _) = figures(input);
    let Some(e) = e else {
        return (!money.is_empty())
            .then(|| format!("a negative case gave {} records", money.len()));
    };
    let [m] = money.as_slice() else {
        let got: Vec<&str> = money.iter().map(|m| m.common.text.as_ref()).collect();
        return Some(format!("{} records {got:?}, want 1", money.len()));
    };
    let iso = duckling_iso(&e.currency).unwrap_or("?");
    if m.currency != iso {
        return Some(format!("currency {}, want {iso}", m.currency));
    }
    let ok = match e.kind.as_str() {
        "simple" => m.amount == e.amount && m.min.is_none(),
        "between" => e.range == m.min.zip(m.max),
        "under" => m.amount == e.amount && m.qualifier.is_some_and(|q| q == "under"),
        "above" => m.amount == e.amount && m.qualifier.is_some_and(|q| q == "over"),
        _ => false,
    };
    (!ok).then(|| {
        format!(
            "got amount {:?} min {:?} max {:?} qualifier {:?}",
            m.amount, m.min, m.max, m.qualifier
        )
    })
}

#[test]
fn duckling_amount_of_money_corpus() {
    let Some(dir) = common::conformance_dir() else {
        return;
    };
    let src = read(&dir, "duckling/Duckling/AmountOfMoney/EN/Corpus.hs");
    let groups = duckling_groups(&src);
    let inputs: usize = groups.iter().map(|g| g.inputs.len()).sum();
    assert_eq!(inputs, 147, "the corpus holds 147 inputs");
    let mut tally = Tally::default();
    for g in &groups {
        let expected = if g.value == "negative" {
            None
        } else {
            Some(parse_value(&g.value).unwrap_or_else(|| panic!("value {:?}", g.value)))
        };
        let name = format!("{}: {}", g.corpus, g.value);
        for input in &g.inputs {
            match duckling_scope(&g.corpus, expected.as_ref(), input) {
                Some(reason) => tally.out(&name, reason),
                None => tally.run(&name, input, check_duckling(expected.as_ref(), input)),
            }
        }
    }
    finish(tally, "Duckling AmountOfMoney/EN/Corpus.hs");
}

fn finish(tally: Tally, title: &str) {
    let (passed, total) = tally.report(title);
    for f in &tally.failures {
        println!("FAIL {f}");
    }
    assert!(total > 0, "{title}: no case in scope");
    assert!(
        tally.failures.is_empty(),
        "{title}: {} of {total} in-scope cases fail ({passed} pass):\n{}",
        tally.failures.len(),
        tally.failures.join("\n")
    );
}
