//! Figures in the shapes that statements and fact sheets write beyond digits and signs:
//! percentages in words, changes from one level to another, codes and scale letters,
//! amounts written as adjectives or as a bare `billions`, a page number between the
//! halves of a figure, and markup or links around figures. Invented examples, one
//! per shape.

mod common;

use bluebook::Record;

/// `text = value unit [change]` for each money and percent record of `input`, in
/// order: the value is the amount (`?` for none), a range `min..max`; the unit the
/// currency (`~` when assumed, `(vague)` for a vague amount) or `%` / `pp`.
fn figures(input: &str) -> Vec<String> {
    common::records_of(input)
        .into_iter()
        .filter_map(|r| match r {
            Record::Money(m) => {
                let value = match (&m.amount, &m.min, &m.max) {
                    (Some(a), _, _) => a.to_string(),
                    (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
                    _ => "?".to_string(),
                };
                Some(format!(
                    "{} = {value} {}{}{}",
                    m.common.text,
                    m.currency,
                    if m.currency_assumed { "~" } else { "" },
                    if m.vague { " (vague)" } else { "" }
                ))
            }
            Record::Percent(p) => {
                let value = match (&p.value, &p.min, &p.max) {
                    (Some(v), _, _) => v.to_string(),
                    (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
                    _ => "?".to_string(),
                };
                let change = p.change.as_ref().map_or(String::new(), |c| format!(" {c}"));
                Some(format!("{} = {value} {}{change}", p.common.text, p.unit))
            }
            _ => None,
        })
        .collect()
}

fn check(cases: &[(&str, &[&str])]) {
    for (input, want) in cases {
        assert_eq!(&figures(input), want, "{input:?}");
    }
}

#[test]
fn percentages_in_words() {
    check(&[
        (
            "Sixty-five percent of the firms and twenty-five per cent of the farms took part.",
            &[
                "Sixty-five percent = 65 percent",
                "twenty-five per cent = 25 percent",
            ],
        ),
        (
            "Spending reached three per cent of GDP.",
            &["three per cent = 3 percent"],
        ),
        (
            "The school grows by adding forty percent more seats.",
            &["forty percent = 40 percent increase"],
        ),
        (
            "Goods will enter at a zero percent tariff; one hundred percent of lines are covered.",
            &[
                "zero percent = 0 percent",
                "one hundred percent = 100 percent",
            ],
        ),
        (
            "Rates rose by two percentage points.",
            &["two percentage points = 2 percentage_point increase"],
        ),
        // Words that are no number, and numbers that are no percentage.
        ("Some percent of them, and sixty-five delegates.", &[]),
    ]);
}

#[test]
fn a_change_from_one_level_to_another_is_two_figures() {
    check(&[
        (
            "Exports rose from $2 million to $3 million.",
            &["$2 million = 2000000 USD~", "$3 million = 3000000 USD~"],
        ),
        (
            "The partner will reduce its tariffs on these goods from 32 percent to 19 percent.",
            &["32 percent = 32 percent", "19 percent = 19 percent"],
        ),
        (
            "The share grew from 5 to 7 percent.",
            &["5 = 5 percent", "7 percent = 7 percent"],
        ),
        // Ranges stay ranges.
        (
            "Grants of between $2 million and $3 million, US$ 2–3 million, and 10-20%.",
            &[
                "$2 million and $3 million = 2000000..3000000 USD~",
                "US$ 2–3 million = 2000000..3000000 USD",
                "10-20% = 10..20 percent",
            ],
        ),
        (
            "Tickets cost from 10 to 20 dollars.",
            &["10 to 20 dollars = 10..20 USD~"],
        ),
    ]);
}

#[test]
fn codes_and_scale_letters() {
    check(&[
        (
            "Kenya pledged KES 4.5 million and the fund XDR 2 billion.",
            &[
                "KES 4.5 million = 4500000 KES",
                "XDR 2 billion = 2000000000 XDR",
            ],
        ),
        (
            "A new currency: ZWG 300 million, or 12 million ZWG.",
            &[
                "ZWG 300 million = 300000000 ZWG",
                "12 million ZWG = 12000000 ZWG",
            ],
        ),
        (
            "They paid GBP 40 M, USD 5bn, EUR 3 Bn and CHF 10 K.",
            &[
                "GBP 40 M = 40000000 GBP",
                "USD 5bn = 5000000000 USD",
                "EUR 3 Bn = 3000000000 EUR",
                "CHF 10 K = 10000 CHF",
            ],
        ),
        // Three capitals that are no currency.
        (
            "The GDP 5 million figure and NGO 3 million members; ADD 5 MILLION.",
            &[],
        ),
    ]);
}

#[test]
fn vague_amounts_written_as_adjectives_or_bare_scales() {
    check(&[
        (
            "A multi-million-euro deal and a multibillion-dollar plan.",
            &[
                "multi-million-euro = ? EUR (vague)",
                "multibillion-dollar = ? USD~ (vague)",
            ],
        ),
        (
            "The agreements are set to bring billions into the region.",
            &["billions = ? USD~ (vague)"],
        ),
        (
            "After EUR 5 billion last year, the bank will invest billions more in energy.",
            &["EUR 5 billion = 5000000000 EUR", "billions = ? EUR (vague)"],
        ),
        (
            "It brings tens of billions in new investment.",
            &["tens of billions = ? USD~ (vague)"],
        ),
        // People are counted, not paid.
        (
            "The campaign protects millions of women and reaches billions worldwide.",
            &[],
        ),
    ]);
}

#[test]
fn a_page_number_between_the_halves_of_a_figure() {
    check(&[
        (
            "Over the year, sales of the cooperative to its partners abroad kept growing steadily and in the end reached US$ 39.62\n12\nbillion, up from the year before.\n",
            &["US$ 39.62\n12\nbillion = 39620000000 USD"],
        ),
        (
            "Trade reached US$ 39.62\n\n12\n\nbillion in the year.\n",
            &["US$ 39.62\n\n12\n\nbillion = 39620000000 USD"],
        ),
        (
            "Trade reached US$ 39.62 12 billion in the year.",
            &["US$ 39.62 12 billion = 39620000000 USD"],
        ),
    ]);
}

#[test]
fn markup_and_links_around_figures() {
    check(&[
        (
            "A grant of AUD 12.4 million \\[$8 million\\] and [a 5% share](https://example.org/50%25/$20-million).",
            &[
                "AUD 12.4 million = 12400000 AUD",
                "$8 million = 8000000 USD~",
                "5% = 5 percent",
            ],
        ),
        (
            "See https://example.org/report?rate=15%25&cost=$20 and the <sup>3</sup> note; (&gt;50%) of cases.",
            &["50% = 50 percent"],
        ),
    ]);
}
