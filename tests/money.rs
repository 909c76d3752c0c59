//! Money and percent records: the forms they are found in, what is never a figure,
//! what they are attributed to, the bilateral trade turnover of every Chapter Two
//! country, and reviewed snapshots of all figures of the fixtures.

mod common;

use bluebook::Record;
use bluebook::record::{MoneyRecord, PercentRecord};

fn money<'a, 'r>(records: &'a [Record<'r>]) -> Vec<&'a MoneyRecord<'r>> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Money(m) => Some(m),
            _ => None,
        })
        .collect()
}

fn percents<'a, 'r>(records: &'a [Record<'r>]) -> Vec<&'a PercentRecord<'r>> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Percent(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// `text = value currency [qualifier "words"] (vague) (eq text)`: what was found.
fn form(m: &MoneyRecord, raw: &str) -> String {
    let value = match (&m.amount, &m.min, &m.max) {
        (Some(a), _, _) => a.to_string(),
        (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
        _ => "?".to_string(),
    };
    let mut s = format!(
        "{} = {value} {}{}",
        m.common.text,
        m.currency,
        if m.currency_assumed { "~" } else { "" }
    );
    if let (Some(q), Some(t)) = (&m.qualifier, &m.qualifier_text) {
        s.push_str(&format!(" [{q} {t:?}]"));
    }
    if m.vague {
        s.push_str(" (vague)");
    }
    if let Some(e) = m.equivalent_of {
        s.push_str(&format!(" (eq {})", &raw[e.0..e.1]));
    }
    s
}

fn percent_form(p: &PercentRecord) -> String {
    let value = match (&p.value, &p.min, &p.max) {
        (Some(v), _, _) => v.to_string(),
        (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
        _ => "?".to_string(),
    };
    let mut s = format!("{} = {value} {}", p.common.text, p.unit);
    if let Some(c) = &p.change {
        s.push_str(&format!(" {c}"));
    }
    if let Some(q) = &p.qualifier {
        s.push_str(&format!(" [{q}]"));
    }
    if let Some(of) = &p.share_of {
        s.push_str(&format!(" of {of:?}"));
    }
    s
}

fn forms(input: &str) -> Vec<String> {
    let records = common::records_of(input);
    money(&records).iter().map(|m| form(m, input)).collect()
}

fn percent_forms(input: &str) -> Vec<String> {
    let records = common::records_of(input);
    percents(&records).iter().map(|p| percent_form(p)).collect()
}

#[test]
fn amounts_in_every_form() {
    let cases: &[(&str, &[&str])] = &[
        (
            r"Total imports and exports reached US\$ 543.9 billion.",
            &[r"US\$ 543.9 billion = 543900000000 USD"],
        ),
        (
            r"The trade turnover reached US\$39.62 billion.",
            &[r"US\$39.62 billion = 39620000000 USD"],
        ),
        (
            r"Australia provided AU\$78.9 million in ODA.",
            &[r"AU\$78.9 million = 78900000 AUD"],
        ),
        (
            r"New Zealand provided Viet Nam with NZ\$170,000 for flood victims.",
            &[r"NZ\$170,000 = 170000 NZD"],
        ),
        (
            r"Test kits worth VND 5 billion (over US\$ 300,000) were provided.",
            &[
                "VND 5 billion = 5000000000 VND",
                r#"US\$ 300,000 = 300000 USD [over "over"] (eq VND 5 billion)"#,
            ],
        ),
        (
            "The import and export turnover exceeded 800 billion USD.",
            &[r#"800 billion USD = 800000000000 USD [over "exceeded"]"#],
        ),
        (
            "Exports reached 900 million USD.",
            &["900 million USD = 900000000 USD"],
        ),
        (
            r"The UK had projects with capital of US\$3.84 billion USD, ranking 15th.",
            &[r"US\$3.84 billion USD = 3840000000 USD"],
        ),
        (
            r"Projects worth US\$ 2 million were signed.",
            &[r"US\$ 2 million = 2000000 USD"],
        ),
        (
            "A grant of AUD $85 million was announced.",
            &["AUD $85 million = 85000000 AUD"],
        ),
        (
            "It paid $2.5 bn and €3m.",
            &["$2.5 bn = 2500000000 USD~", "€3m = 3000000 EUR"],
        ),
        (
            "Prices were £40 and ¥1,200.",
            &["£40 = 40 GBP", "¥1,200 = 1200 JPY~"],
        ),
        (
            "Bonds worth EUR 20 million and JPY 5 billion were issued.",
            &[
                "EUR 20 million = 20000000 EUR",
                "JPY 5 billion = 5000000000 JPY",
            ],
        ),
        (
            "Loans of CNY 3 billion and 100 billion yuan followed.",
            &[
                "CNY 3 billion = 3000000000 CNY",
                "100 billion yuan = 100000000000 CNY",
            ],
        ),
        (
            "The fund holds 2 trillion dollars and 300 thousand euros.",
            &[
                "2 trillion dollars = 2000000000000 USD~",
                "300 thousand euros = 300000 EUR",
            ],
        ),
        (
            "State revenue reached VND1.2 quadrillion and 1.5 quadrillion dong.",
            &[
                "VND1.2 quadrillion = 1200000000000000 VND",
                "1.5 quadrillion dong = 1500000000000000 VND",
            ],
        ),
        (
            "Remittances of 5 billion dong and 10,000 Korean won arrived.",
            &[
                "5 billion dong = 5000000000 VND",
                "10,000 Korean won = 10000 KRW",
            ],
        ),
        ("The deal was worth $10K.", &["$10K = 10000 USD~"]),
        (
            "In 2020 US$ 5 million was pledged.",
            &["US$ 5 million = 5000000 USD"],
        ),
    ];
    for (input, want) in cases {
        assert_eq!(&forms(input), want, "{input}");
    }
}

#[test]
fn qualifiers_are_read_and_left_out_of_the_span() {
    let cases: &[(&str, &str)] = &[
        (
            "worth nearly US$ 300,000",
            r#"US$ 300,000 = 300000 USD [approx "nearly"]"#,
        ),
        (
            "around US$ 9 billion",
            r#"US$ 9 billion = 9000000000 USD [approx "around"]"#,
        ),
        (
            "about $14 million",
            r#"$14 million = 14000000 USD~ [approx "about"]"#,
        ),
        (
            "approximately US$ 3,490,000",
            r#"US$ 3,490,000 = 3490000 USD [approx "approximately"]"#,
        ),
        (
            "some US$ 5 million",
            r#"US$ 5 million = 5000000 USD [approx "some"]"#,
        ),
        (
            "amounted to over US$514 million",
            r#"US$514 million = 514000000 USD [over "over"]"#,
        ),
        (
            "more than US$ 220.7 million",
            r#"US$ 220.7 million = 220700000 USD [over "more than"]"#,
        ),
        (
            "above €5 million",
            r#"€5 million = 5000000 EUR [over "above"]"#,
        ),
        (
            "exceeding US$ 1 billion",
            r#"US$ 1 billion = 1000000000 USD [over "exceeding"]"#,
        ),
        (
            "under US$ 2 million",
            r#"US$ 2 million = 2000000 USD [under "under"]"#,
        ),
        ("less than 7 EUR", r#"7 EUR = 7 EUR [under "less than"]"#),
        ("below $50", r#"$50 = 50 USD~ [under "below"]"#),
        (
            "up to US$ 10 million",
            r#"US$ 10 million = 10000000 USD [under "up to"]"#,
        ),
        (
            "no more than 7 euros",
            r#"7 euros = 7 EUR [under "no more than"]"#,
        ),
        // `over` as a particle of `hand over` is no qualifier.
        (
            "symbolically handing over US$ 50,000",
            "US$ 50,000 = 50000 USD",
        ),
    ];
    for (input, want) in cases {
        assert_eq!(forms(input), [*want], "{input}");
    }
}

#[test]
fn ranges_carry_the_scale_word_over() {
    let cases: &[(&str, &str)] = &[
        (
            "US\\$ 2\u{2013}3 million",
            "US\\$ 2\u{2013}3 million = 2000000..3000000 USD",
        ),
        (
            "between $2 million and $3 million",
            "$2 million and $3 million = 2000000..3000000 USD~",
        ),
        (
            "between 10 and 20 dollars",
            "10 and 20 dollars = 10..20 USD~",
        ),
        (
            "from 10 dollars to 20 dollars",
            "10 dollars to 20 dollars = 10..20 USD~",
        ),
        ("about $10-$20", r#"$10-$20 = 10..20 USD~ [approx "about"]"#),
        (
            "2 to 3 billion USD",
            "2 to 3 billion USD = 2000000000..3000000000 USD",
        ),
    ];
    for (input, want) in cases {
        assert_eq!(forms(input), [*want], "{input}");
    }
    // A change from one amount to another is two amounts.
    assert_eq!(
        forms("Aid rose from US$ 2 million to US$ 3 million."),
        ["US$ 2 million = 2000000 USD", "US$ 3 million = 3000000 USD"]
    );
}

#[test]
fn vague_amounts_have_no_number() {
    assert_eq!(
        forms("Investors brought tens of billions of USD and millions of euros."),
        [
            "tens of billions of USD = ? USD (vague)",
            "millions of euros = ? EUR (vague)",
        ]
    );
    let records = common::records_of("The trade is worth several billion dollars.");
    let m = money(&records);
    assert_eq!(m.len(), 1);
    assert!(m[0].vague && m[0].amount.is_none() && m[0].min.is_none());
}

#[test]
fn a_bare_dollar_is_usd_unless_the_sentence_or_document_says_otherwise() {
    let records = common::records_of("Australia donated AU$10.5 million and $2 million more.");
    let m = money(&records);
    assert_eq!(
        (m[1].currency.as_str(), m[1].currency_assumed),
        ("AUD", true)
    );
    let records =
        common::records_of("All amounts are in Canadian dollars.\n\nThe grant was $5 million.");
    let m = money(&records);
    assert_eq!(
        (m[0].currency.as_str(), m[0].currency_assumed),
        ("CAD", true)
    );
    // A document that writes one other dollar with its sign, and no U.S. dollar.
    let records = common::records_of(
        "Trade was A$24.9 billion in 2023.\n\nAustralian exports to Viet Nam totalled $9.7 billion.",
    );
    let m = money(&records);
    assert_eq!(
        (m[1].currency.as_str(), m[1].currency_assumed),
        ("AUD", true)
    );
    let records = common::records_of(
        "Trade was A$24.9 billion and US$16 billion.\n\nExports totalled $9.7 billion.",
    );
    assert_eq!(money(&records)[2].currency, "USD");
    let records = common::records_of("The grant was $5 million.");
    let m = money(&records);
    assert_eq!(
        (m[0].currency.as_str(), m[0].currency_assumed),
        ("USD", true)
    );
    let records = common::records_of("The grant was US$5 million.");
    assert!(!money(&records)[0].currency_assumed);
    // The nearest dollar the sentence names decides.
    let records = common::records_of("It paid US$ 2 million, $3 million and S$ 5 million.");
    let m = money(&records);
    assert_eq!(m[1].currency, "USD");
    assert_eq!(m[2].currency, "SGD");
}

/// The number of `field` as the JSON line writes it, character for character.
fn written(record: &impl serde::Serialize, field: &str) -> String {
    let line = serde_json::to_string(record).expect("json");
    let key = format!("\"{field}\":");
    let at = line.find(&key).expect("the field is written") + key.len();
    line[at..]
        .split([',', '}'])
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn amounts_are_exact_and_always_written_with_a_fraction() {
    let records = common::records_of(
        "It reached US$ 543.9 billion, US$ 0.1 billion, US$ 2.91 million and US$ 1.1 trillion.",
    );
    let json: Vec<String> = money(&records)
        .iter()
        .map(|m| written(*m, "amount"))
        .collect();
    assert_eq!(
        json,
        [
            "543900000000.0",
            "100000000.0",
            "2910000.0",
            "1100000000000.0"
        ]
    );
    let records = common::records_of("It cost $3.14 and rose 0.84%, then 12%.");
    assert_eq!(written(money(&records)[0], "amount"), "3.14");
    assert_eq!(written(percents(&records)[0], "value"), "0.84");
    assert_eq!(written(percents(&records)[1], "value"), "12.0");
    let records = common::records_of("It cost VND 12,345,678,901,234,567,891.");
    assert_eq!(
        written(money(&records)[0], "amount"),
        "12345678901234567891.0"
    );
}

#[test]
fn percentages_in_every_form() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Viet Nam's GDP grew by 2.91% in 2020.",
            &["2.91% = 2.91 percent increase"],
        ),
        (
            "The world economy plunged into recession (-3.5%).",
            &["-3.5% = -3.5 percent"],
        ),
        (
            "The completed workload (approximately 84%) came into effect.",
            &["84% = 84 percent [approx]"],
        ),
        (
            "The turnover reached US$ 5.32 billion, a year-over-year growth of 0.84%.",
            &["0.84% = 0.84 percent increase"],
        ),
        (
            "The ratio was 17 percent, then 98.37 percent and 5 per cent.",
            &[
                "17 percent = 17 percent",
                "98.37 percent = 98.37 percent",
                "5 per cent = 5 percent",
            ],
        ),
        (
            "Trade fell, a 7% decrease against 2019.",
            &["7% = 7 percent decrease"],
        ),
        (
            "The Eurozone's GDP dropped by 7.2%.",
            &["7.2% = 7.2 percent decrease"],
        ),
        (
            "Arrivals reached 840,000, a decrease of 83.5% in comparison with 2019.",
            &["83.5% = 83.5 percent decrease"],
        ),
        (
            "The Philippines bought rice, accounting for 33.9% of Viet Nam's total rice export volume.",
            &["33.9% = 33.9 percent of \"Viet Nam's total rice export volume\""],
        ),
        (
            "Aid reached US$ 220.7 million, 41.3% of which came from Europe, 36.2% from North America.",
            &[
                "41.3% = 41.3 percent of \"US$ 220.7 million\"",
                "36.2% = 36.2 percent of \"US$ 220.7 million\"",
            ],
        ),
        (
            "The rate rose 0.5 percentage points.",
            &["0.5 percentage points = 0.5 percentage_point increase"],
        ),
        ("Growth was 2-3% a year.", &["2-3% = 2..3 percent increase"]),
        (
            "It brought a 2.5-percent increase and a 0.3-percentage-point drop.",
            &[
                "2.5-percent = 2.5 percent increase",
                "0.3-percentage-point = 0.3 percentage_point decrease",
            ],
        ),
        (
            "Prices were up 5% and down 3 per cent.",
            &["5% = 5 percent increase", "3 per cent = 3 percent decrease"],
        ),
        (
            "It grew a few percent.",
            &["a few percent = ? percent increase"],
        ),
    ];
    for (input, want) in cases {
        assert_eq!(&percent_forms(input), want, "{input}");
    }
    // The items of a list share the change of the first.
    assert_eq!(
        percent_forms("The GDP decline was 5.3% for Japan; 8% for India; and 3.8% for Asia."),
        [
            "5.3% = 5.3 percent decrease",
            "8% = 8 percent decrease",
            "3.8% = 3.8 percent decrease",
        ]
    );
}

#[test]
fn numbers_that_are_no_figures() {
    let text = "In 2020, Viet Nam gifted Japan with 1,190,000 medical face masks and 871,819 \
                tourists came. Due to COVID-19, the G20 and the ASEAN Summit 36 met; SARS-CoV-2 \
                test kits and Resolution No. 12 of 2021 followed at COP 26. The vote was 192/193 \
                at 9:23:48 AM | 2/14/2021. See https://www.test.com/search?q=30%25%2020%20and \
                for the 10-20 visits of the 2020-2021 term. All 70 of us. ALL 5 solutions. \
                Bob called 3 times; the 70th anniversary; 5,000 pounds of rice; in 2020 won.";
    let records = common::records_of(text);
    let found: Vec<&str> = money(&records)
        .iter()
        .map(|m| m.common.text.as_ref())
        .chain(percents(&records).iter().map(|p| p.common.text.as_ref()))
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_footnote_marker_next_to_a_number_is_not_part_of_it() {
    let raw =
        "Viet Nam's GDP grew by 2.91%\u{2075} in 2020.\n\n\u{2075} According to the World Bank.\n";
    let records = common::records_of(raw);
    let p = percents(&records);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].common.text, "2.91%");
    assert_eq!(p[0].value.map(|v| v.to_string()).as_deref(), Some("2.91"));
    assert!(money(&records).is_empty());
}

/// `metric counterpart from>to period/kind`.
fn attribution(m: &MoneyRecord) -> String {
    let dir = m.direction.as_ref().map_or("-".to_string(), |d| {
        format!(
            "{}>{}",
            d.from.as_deref().unwrap_or("?"),
            d.to.as_deref().unwrap_or("?")
        )
    });
    format!(
        "{} {} {dir} {}/{}",
        m.metric.map_or("-", |x| x.as_str()),
        m.counterpart.as_deref().unwrap_or("-"),
        m.period.map_or("-".to_string(), |p| p.to_string()),
        m.period_kind.map_or("-", |x| x.as_str()),
    )
}

#[test]
fn amounts_are_attributed() {
    let report = |body: &str| format!("CHAPTER TWO\n\nBILATERAL ACTIVITIES\n\n{body}\n");
    let cases: &[(&str, &[&str])] = &[
        (
            "1. Lao PDR:\n\nBrunei: The Comprehensive Partnership with Brunei was flourishing this year. The bilateral trade turnover in 2020 reached US\\$ 282 million.",
            &["trade_turnover BN - 2020/flow"],
        ),
        (
            "2. Cambodia:\n\nTo assist Cambodia's efforts to combat COVID-19 in 2020, Viet Nam provided Cambodia with medical equipment worth US\\$ 100,000 and SARS-CoV-2 test kits worth VND 5 billion (over US\\$ 300,000).",
            &[
                "aid KH VN>KH 2020/flow",
                "aid KH VN>KH 2020/flow",
                "aid KH VN>KH 2020/flow",
            ],
        ),
        (
            "3. China:\n\nIn 2020, the bilateral trade turnover totaled US$ 133.1 billion, in which Viet Nam's import was worth US$ 84.2 billion. In total, by the end of 2020, China had 3,123 projects, with a capital of US$ 18.6 billion. The Chinese Government gifted US$ 100,000 to Viet Nam.",
            &[
                "trade_turnover CN - 2020/flow",
                "import CN CN>VN 2020/flow",
                "fdi CN CN>VN 2020/stock",
                "aid CN CN>VN 2020/flow",
            ],
        ),
        (
            "4. Others:\n\nTrade turnover in 2020 between Viet Nam and its partners were US$3.95 billion with Argentina, US$4.73 billion USD with Brazil. The Public Investment Fund of Saudi Arabia signed a US$20.3 million loan agreement in 2020. The U.S. provided a US$20 million grant in 2020. Australia continued to provide AU$78.9 million in official development assistance (ODA) to Viet Nam during the 2020-2021 fiscal year.",
            &[
                "trade_turnover AR - 2020/flow",
                "trade_turnover BR - 2020/flow",
                "loan SA SA>VN 2020/flow",
                "grant US US>VN 2020/flow",
                "oda AU AU>VN -/-",
            ],
        ),
        (
            "5. Lenders:\n\nTrade grew from US$ 3 billion in 2019 to US$ 5 billion in 2020. China lent RMB 10 billion to Viet Nam in 2020; India Rs 5 crore.",
            &[
                "trade_turnover - - 2019/flow",
                "trade_turnover - - 2020/flow",
                "loan CN CN>VN 2020/flow",
                "loan IN IN>VN 2020/flow",
            ],
        ),
        (
            "6. Overseas:\n\nIn 2020, remittance to Viet Nam sent by overseas Vietnamese was US$ 17.2 billion. The foreign NGOs' aid to Viet Nam reached US$ 220.7 million. The world economy grew as global FDI reached US$ 859 billion in 2020.",
            &[
                "remittance - ?>VN 2020/flow",
                "aid - ?>VN 2020/flow",
                "fdi - - 2020/flow",
            ],
        ),
        (
            "7. Donors:\n\nJapan is Viet Nam's largest ODA donor, with commitments of US$ 22 billion since 1992. Korea is Viet Nam's top investor, with US$ 86 billion of investment.",
            &["oda JP JP>VN -/-", "fdi KR KR>VN -/-"],
        ),
        (
            "8. Balances:\n\nIn 2020, Viet Nam's trade surplus with the U.S. was US$ 62.7 billion, while its trade deficit with China reached US$ 35 billion. India extended a line of credit of US$ 100 million to Viet Nam in 2020.",
            &[
                "trade_balance US - 2020/flow",
                "trade_balance CN - 2020/flow",
                "loan IN IN>VN 2020/flow",
            ],
        ),
    ];
    for (body, want) in cases {
        let records = common::records_of_viet_nam(&report(body));
        let got: Vec<String> = money(&records).iter().map(|m| attribution(m)).collect();
        assert_eq!(&got, want, "{body}");
    }
}

#[test]
fn percentages_are_attributed() {
    let text = "CHAPTER ONE\n\nLANDSCAPE\n\nThe Gross Domestic Product (GDP) of the United States fell by 3.4% in 2020 and the Eurozone's GDP dropped by 7.2%. Global foreign direct investment in 2020 reached US$ 859 billion, a year-on-year decrease of 42%. This accounted for 31.5% of the total FDI in Viet Nam.\n";
    let records = common::records_of_viet_nam(text);
    let got: Vec<String> = percents(&records)
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {}",
                p.common.text,
                p.metric.map_or("-", |x| x.as_str()),
                p.counterpart.as_deref().unwrap_or("-"),
                p.period.map_or("-".to_string(), |y| y.to_string())
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "3.4% other US 2020",
            "7.2% other - 2020",
            "42% fdi - 2020",
            "31.5% fdi - 2020",
        ]
    );
}

/// The bilateral trade turnover of every Chapter Two paragraph that states one:
/// (counterpart, period, amount).
#[test]
fn chapter_two_trade_turnover_table() {
    let (_, records) = common::records("diplomatic-bluebook-2020.txt");
    let paths = common::section_paths(&records);
    let mut table: Vec<(Option<String>, Option<u16>, String)> = money(&records)
        .iter()
        .filter(|m| {
            common::path_of(&paths, &m.common)
                .first()
                .map(String::as_str)
                == Some("BILATERAL DIPLOMATIC ACTIVITIES")
                && m.metric == Some(bluebook::record::Metric::TradeTurnover)
        })
        .map(|m| {
            (
                m.counterpart.clone(),
                m.period,
                m.amount.map(|a| a.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    table.sort();
    let want: &[(Option<&str>, u16, &str)] = &[
        (None, 2020, "13000000000"),
        (None, 2020, "17500000000"),
        (Some("AR"), 2020, "3950000000"),
        (Some("AU"), 2020, "8300000000"),
        (Some("BN"), 2020, "282000000"),
        (Some("BR"), 2020, "4730000000"),
        (Some("CA"), 2020, "5090000000"),
        (Some("CL"), 2020, "1280000000"),
        (Some("CN"), 2020, "133100000000"),
        (Some("DE"), 2020, "10000000000"),
        (Some("EU"), 2020, "49790000000"),
        (Some("FR"), 2020, "4820000000"),
        (Some("GB"), 2020, "5640000000"),
        (Some("ID"), 2020, "8210000000"),
        (Some("IN"), 2020, "9670000000"),
        (Some("JP"), 2020, "39620000000"),
        (Some("KH"), 2020, "5320000000"),
        (Some("KR"), 2020, "66000000000"),
        (Some("LA"), 2020, "1300000000"),
        (Some("MX"), 2020, "3680000000"),
        (Some("MY"), 2020, "10000000000"),
        (Some("NZ"), 2020, "1050000000"),
        (Some("PE"), 2020, "391000000"),
        (Some("PH"), 2020, "5300000000"),
        (Some("PK"), 2020, "514000000"),
        (Some("RU"), 2020, "4850000000"),
        (Some("SG"), 2020, "6720000000"),
        (Some("TH"), 2020, "15880000000"),
        (Some("US"), 2020, "90800000000"),
    ];
    let want: Vec<(Option<String>, Option<u16>, String)> = want
        .iter()
        .map(|(c, p, a)| (c.map(str::to_string), Some(*p), a.to_string()))
        .collect();
    assert_eq!(table, want);
    assert!(want.iter().filter(|w| w.0.is_some()).count() >= 15);
}

fn qualifier(q: &Option<bluebook::record::Qualifier>, words: &Option<String>) -> String {
    match (q, words) {
        (Some(q), Some(w)) => format!("{q} {w:?}"),
        _ => "-".to_string(),
    }
}

/// One line per figure. Money: text | value currency (`~` assumed) | qualifier |
/// metric | counterpart | from>to | period kind (| eq restated amount). Percent: text |
/// value unit | qualifier | metric | counterpart | change | share of | period kind.
fn rendering(raw: &str, records: &[Record]) -> String {
    let mut out = String::new();
    let opt = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".to_string());
    fn name<T: std::fmt::Display>(v: &Option<T>) -> String {
        v.as_ref().map_or_else(|| "-".to_string(), T::to_string)
    }
    for r in records {
        let line = match r {
            Record::Money(m) => {
                let dir = m.direction.as_ref().map_or("-".to_string(), |d| {
                    format!("{}>{}", opt(&d.from), opt(&d.to))
                });
                let value = match (&m.amount, &m.min, &m.max) {
                    (Some(a), _, _) => a.to_string(),
                    (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
                    _ => "vague".to_string(),
                };
                let eq = m
                    .equivalent_of
                    .map_or(String::new(), |e| format!(" | eq {:?}", &raw[e.0..e.1]));
                format!(
                    "money {:?} | {value} {}{} | {} | {} | {} | {dir} | {} {}{eq}",
                    m.common.text,
                    m.currency,
                    if m.currency_assumed { "~" } else { "" },
                    qualifier(&m.qualifier, &m.qualifier_text),
                    name(&m.metric),
                    opt(&m.counterpart),
                    m.period.map_or("-".to_string(), |p| p.to_string()),
                    name(&m.period_kind),
                )
            }
            Record::Percent(p) => {
                let value = match (&p.value, &p.min, &p.max) {
                    (Some(v), _, _) => v.to_string(),
                    (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
                    _ => "vague".to_string(),
                };
                format!(
                    "percent {:?} | {value} {} | {} | {} | {} | change {} | of {} | {} {}",
                    p.common.text,
                    p.unit,
                    qualifier(&p.qualifier, &p.qualifier_text),
                    name(&p.metric),
                    opt(&p.counterpart),
                    name(&p.change),
                    opt(&p.share_of),
                    p.period.map_or("-".to_string(), |y| y.to_string()),
                    name(&p.period_kind),
                )
            }
            _ => continue,
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn snapshots_of_all_figures() {
    for name in common::FIXTURES {
        let (doc, records) = common::records(name);
        let raw = String::from_utf8_lossy(doc.raw()).into_owned();
        let snapshot = rendering(&raw, &records);
        insta::assert_snapshot!(name.trim_end_matches(".txt"), snapshot);
    }
}

#[test]
fn counts_per_fixture() {
    let counts: Vec<(&str, usize, usize)> = common::FIXTURES
        .iter()
        .map(|name| {
            let (_, records) = common::records(name);
            (*name, money(&records).len(), percents(&records).len())
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("diplomatic-bluebook-2020.txt", 112, 49),
            ("vbf-interview-2021.txt", 0, 1),
            ("communist-review-2021.txt", 1, 0),
        ]
    );
}
