//! Date records: table tests of every form the reports write (sentence and reference
//! year in; text, values, granularity, year source and ambiguity out), negatives
//! (names, codes, counts, votes, telephone numbers), the reference year of each kind
//! of document, and a reviewed snapshot of every date record of each fixture.

mod common;

use bluebook::record::{DateRecord, Granularity, YearFrom};
use bluebook::{Analysis, Config, Document, NumericOrder, Record, ReferenceFrom};

/// The date records of `text`, read against `year` (or the document's own reference
/// year when none).
fn dates(text: &str, year: Option<i32>) -> Vec<DateRecord<'static>> {
    let doc = Document::from_bytes("test.txt", text.as_bytes().to_vec()).expect("text input");
    let config = match year {
        Some(y) => Config::default().with_reference_year(y),
        None => Config::default(),
    };
    bluebook::extract(&doc, &config)
        .into_iter()
        .filter_map(|r| match r {
            Record::Date(d) => Some(d),
            _ => None,
        })
        .collect()
}

/// One expected record: text, values, granularity, year source, ambiguous.
type Row = (
    &'static str,
    &'static [&'static str],
    Granularity,
    Option<YearFrom>,
    bool,
);

/// A record as the tables compare it.
type Got = (String, Vec<String>, Granularity, Option<YearFrom>, bool);

fn check(sentence: &str, year: i32, expected: &[Row]) {
    let got = dates(sentence, Some(year));
    let got: Vec<Got> = got
        .into_iter()
        .map(|d| {
            (
                d.common.text.into_owned(),
                d.values,
                d.granularity,
                d.year_from,
                d.ambiguous,
            )
        })
        .collect();
    let expected: Vec<Got> = expected
        .iter()
        .map(|(t, v, g, f, a)| {
            (
                t.to_string(),
                v.iter().map(|s| s.to_string()).collect(),
                *g,
                *f,
                *a,
            )
        })
        .collect();
    assert_eq!(got, expected, "{sentence:?} (reference year {year})");
}

use Granularity::{Day, Month, Year};
use YearFrom::{Context, Document as Doc, Text};

#[test]
fn every_form_of_the_issue() {
    let table: &[(&str, i32, &[Row])] = &[
        (
            "Trade grew in November 2020.",
            2020,
            &[("November 2020", &["2020-11"], Month, Some(Text), false)],
        ),
        (
            "The two sides met on 29 July 2020 in Hanoi.",
            2020,
            &[("29 July 2020", &["2020-07-29"], Day, Some(Text), false)],
        ),
        (
            "The EVFTA entered into force on 1st August 2020.",
            2020,
            &[("1st August 2020", &["2020-08-01"], Day, Some(Text), false)],
        ),
        (
            "On 12 February 2020, the European Parliament approved the EVFTA.",
            2020,
            &[("12 February 2020", &["2020-02-12"], Day, Some(Text), false)],
        ),
        (
            "the Inter-Governmental Committee (January and December 2020)",
            2020,
            &[(
                "January and December 2020",
                &["2020-01", "2020-12"],
                Month,
                Some(Text),
                false,
            )],
        ),
        (
            "telephone conversations with Prime Minister Shinzo Abe (March, May and August 2020).",
            2020,
            &[(
                "March, May and August 2020",
                &["2020-03", "2020-05", "2020-08"],
                Month,
                Some(Text),
                false,
            )],
        ),
        (
            "during his visit to Viet Nam (Hanoi, 4-6 December 2020) - VNA",
            2020,
            &[(
                "4-6 December 2020",
                &["2020-12-04/2020-12-06"],
                Day,
                Some(Text),
                false,
            )],
        ),
        (
            "the 70th anniversary of diplomatic relations (18 January 1950 - 18 January 2020).",
            2020,
            &[(
                "18 January 1950 - 18 January 2020",
                &["1950-01-18/2020-01-18"],
                Day,
                Some(Text),
                false,
            )],
        ),
        (
            "Viet Nam's initiative on the Resolution to declare December 27 as the International Day of Epidemic Preparedness.",
            2020,
            &[("December 27", &["--12-27"], Day, None, false)],
        ),
        (
            "9:23:48 AM | 2/14/2021",
            2021,
            &[("2/14/2021", &["2021-02-14"], Day, Some(Text), false)],
        ),
        (
            "Published 27/06/2023 by the Ministry.",
            2023,
            &[("27/06/2023", &["2023-06-27"], Day, Some(Text), false)],
        ),
        (
            "The summit opened on September 10, 2023 in New Delhi.",
            2023,
            &[(
                "September 10, 2023",
                &["2023-09-10"],
                Day,
                Some(Text),
                false,
            )],
        ),
        (
            "The meetings ran from October 30 to November 1, 2022 in Phnom Penh.",
            2022,
            &[(
                "from October 30 to November 1, 2022",
                &["2022-10-30/2022-11-01"],
                Day,
                Some(Text),
                false,
            )],
        ),
        (
            "The visit took place on April 10-11, 2023.",
            2023,
            &[(
                "April 10-11, 2023",
                &["2023-04-10/2023-04-11"],
                Day,
                Some(Text),
                false,
            )],
        ),
        (
            "The dialogue is scheduled for February 26-28, 2024.",
            2023,
            &[(
                "February 26-28, 2024",
                &["2024-02-26/2024-02-28"],
                Day,
                Some(Text),
                false,
            )],
        ),
        (
            "The agreement was signed in June 2023.",
            2023,
            &[("June 2023", &["2023-06"], Month, Some(Text), false)],
        ),
        (
            "In November, Canada officially opened its Defense Attaché Office in Viet Nam.",
            2020,
            &[("November", &["2020-11"], Month, Some(Doc), false)],
        ),
        (
            "He congratulated President-elect Joe Biden in January 2021.",
            2020,
            &[("January 2021", &["2021-01"], Month, Some(Text), false)],
        ),
    ];
    for (sentence, year, expected) in table {
        check(sentence, *year, expected);
    }
}

#[test]
fn year_level_expressions() {
    let table: &[(&str, i32, &[Row])] = &[
        (
            "In 2020, the bilateral trade reached US$ 5.3 billion.",
            2020,
            &[("2020", &["2020"], Year, Some(Text), false)],
        ),
        (
            "the socio-economic development plan for the 2016-2020 period",
            2020,
            &[("2016-2020", &["2016/2020"], Year, Some(Text), false)],
        ),
        (
            "the 70th anniversary of diplomatic relations (1950-2020).",
            2020,
            &[("1950-2020", &["1950/2020"], Year, Some(Text), false)],
        ),
        (
            "For Viet Nam, 2020 was the last year in the implementation of the plan.",
            2020,
            &[("2020", &["2020"], Year, Some(Text), false)],
        ),
        (
            "a decrease of 10% against 2019, and by the end of 2020 it recovered.",
            2020,
            &[
                ("2019", &["2019"], Year, Some(Text), false),
                ("2020", &["2020"], Year, Some(Text), false),
            ],
        ),
        (
            "Between 2020 and 2021, the Council adopted two resolutions.",
            2021,
            &[(
                "Between 2020 and 2021",
                &["2020/2021"],
                Year,
                Some(Text),
                false,
            )],
        ),
        (
            "the agenda of ASEAN in 2020 and 2021.",
            2021,
            &[("2020 and 2021", &["2020", "2021"], Year, Some(Text), false)],
        ),
        (
            "the Socio-Economic Development Plan for 2021-25",
            2021,
            &[("2021-25", &["2021/2025"], Year, Some(Text), false)],
        ),
        (
            "the budget for the 2010-11 fiscal year",
            2011,
            &[("2010-11", &["2010/2011"], Year, Some(Text), true)],
        ),
        // A fiscal year is named by its year; `FY` stays in the record's text.
        (
            "The agency granted $4 million from FY2019 to FY 2023 for the clinics.",
            2024,
            &[(
                "from FY2019 to FY 2023",
                &["2019/2023"],
                Year,
                Some(Text),
                false,
            )],
        ),
        (
            "It plans further grants in FY2025.",
            2024,
            &[("FY2025", &["2025"], Year, Some(Text), false)],
        ),
        (
            "Communist Review - 2021 was the first year to witness it.",
            2022,
            &[("2021", &["2021"], Year, Some(Text), false)],
        ),
    ];
    for (sentence, year, expected) in table {
        check(sentence, *year, expected);
    }
}

#[test]
fn a_missing_year_comes_from_the_sentence_the_paragraph_or_the_document() {
    // The sentence first.
    check(
        "The talks held in March 2019 were followed by a visit in June.",
        2020,
        &[
            ("March 2019", &["2019-03"], Month, Some(Text), false),
            ("June", &["2019-06"], Month, Some(Context), false),
        ],
    );
    // Then the paragraph.
    check(
        "The forum opened in October 2018. A second session followed in December.",
        2020,
        &[
            ("October 2018", &["2018-10"], Month, Some(Text), false),
            ("December", &["2018-12"], Month, Some(Context), false),
        ],
    );
    // A later sentence lends none when the document has a date: it tells of another
    // time as often as not.
    check(
        "The two leaders last met in May. He visited Hanoi in May 2022.",
        2023,
        &[
            ("May", &["2023-05"], Month, Some(Doc), false),
            ("May 2022", &["2022-05"], Month, Some(Text), false),
        ],
    );
    // Without one, it does.
    let later = dates(
        "Notes\n\nThey met in May. He visited Hanoi in May 2022.\n",
        None,
    );
    assert_eq!(later[0].values, ["2022-05"]);
    // A year the text only compares with lends nothing.
    check(
        "Trade fell 10% against 2019. In March, exports recovered.",
        2020,
        &[
            ("2019", &["2019"], Year, Some(Text), false),
            ("March", &["2020-03"], Month, Some(Doc), false),
        ],
    );
    // A day and a range without a year; a range that runs into the next year.
    check(
        "The festival opened on 18 January and the fair ran from 30 December to 2 January.",
        2020,
        &[
            ("18 January", &["2020-01-18"], Day, Some(Doc), false),
            (
                "from 30 December to 2 January",
                &["2020-12-30/2021-01-02"],
                Day,
                Some(Doc),
                false,
            ),
        ],
    );
    // A year written after the date belongs to it.
    check(
        "Exports rose from April to June in 2017.",
        2020,
        &[(
            "from April to June in 2017",
            &["2017-04/2017-06"],
            Month,
            Some(Text),
            false,
        )],
    );
}

#[test]
fn numeric_dates_by_validity_and_by_the_documents_convention() {
    // Nothing settles 3/4/2020: day first, flagged.
    check(
        "The accord of 3/4/2020 holds.",
        2020,
        &[("3/4/2020", &["2020-04-03"], Day, Some(Text), true)],
    );
    // The same number and the same order: nothing to settle.
    check(
        "On 5/5/2020 it began.",
        2020,
        &[("5/5/2020", &["2020-05-05"], Day, Some(Text), false)],
    );
    // The document writes 24/01/2021 elsewhere: day first.
    check(
        "Report of 24/01/2021. The accord of 3/4/2020 holds.",
        2020,
        &[
            ("24/01/2021", &["2021-01-24"], Day, Some(Text), false),
            ("3/4/2020", &["2020-04-03"], Day, Some(Text), false),
        ],
    );
    // The document writes 2/14/2021 elsewhere: month first.
    check(
        "9:23:48 AM | 2/14/2021\n\nThe accord of 3/4/2020 holds.",
        2020,
        &[
            ("2/14/2021", &["2021-02-14"], Day, Some(Text), false),
            ("3/4/2020", &["2020-03-04"], Day, Some(Text), false),
        ],
    );
    // A caller may fix the convention.
    let doc = Document::from_bytes("t.txt", b"The accord of 3/4/2020 holds.".to_vec()).unwrap();
    let records = bluebook::extract(
        &doc,
        &Config::default().with_numeric_order(NumericOrder::MonthFirst),
    );
    let Record::Date(d) = &records[0] else {
        panic!("{records:?}")
    };
    assert_eq!(
        (d.values.as_slice(), d.ambiguous),
        (&["2020-03-04".to_string()][..], false)
    );
}

#[test]
fn a_day_that_does_not_exist_is_not_turned_into_another() {
    for text in [
        "It was signed on 31 February 2020.",
        "It was signed on 2/30/2020.",
    ] {
        let got = dates(text, Some(2020));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        let d = &got[0];
        assert!(d.values.is_empty(), "{text}: {:?}", d.values);
        assert_eq!((d.start.as_deref(), d.end.as_deref()), (None, None));
        assert_eq!(d.granularity, Day);
    }
    // February 29 exists in 2020, not in 2021.
    assert_eq!(dates("on 29 February 2020", None)[0].values, ["2020-02-29"]);
    assert!(dates("on 29 February 2021", None)[0].values.is_empty());
}

#[test]
fn start_and_end_are_the_first_and_last_days_covered() {
    let d = &dates("(January and December 2020)", None)[0];
    assert_eq!(
        (d.start.as_deref(), d.end.as_deref()),
        (Some("2020-01-01"), Some("2020-12-31"))
    );
    let d = &dates("(Hanoi, 4-6 December 2020)", None)[0];
    assert_eq!(
        (d.start.as_deref(), d.end.as_deref()),
        (Some("2020-12-04"), Some("2020-12-06"))
    );
    let d = &dates("in February 2024", None)[0];
    assert_eq!(d.end.as_deref(), Some("2024-02-29"));
    let d = &dates(
        "declare December 27 as the International Day of Peace",
        None,
    )[0];
    assert_eq!((d.start.as_deref(), d.end.as_deref()), (None, None));
}

/// The text and values of each date record of `body`, in a document dated `date`
/// (front matter).
fn dated(date: &str, body: &str) -> Vec<(String, Vec<String>)> {
    let text = format!("---\ndate: '{date}'\n---\n\n{body}\n");
    dates(&text, None)
        .into_iter()
        .map(|d| (d.common.text.into_owned(), d.values))
        .collect()
}

/// An expected date: its text and values.
type Dated = (&'static str, &'static [&'static str]);

fn pairs(rows: &[Dated]) -> Vec<(String, Vec<String>)> {
    rows.iter()
        .map(|(t, v)| (t.to_string(), v.iter().map(|s| s.to_string()).collect()))
        .collect()
}

#[test]
fn years_and_months_counted_from_the_documents_date() {
    let cases: &[(&str, &[Dated])] = &[
        (
            "The council will meet later this year and again early next year.",
            &[
                ("later this year", &["2023"]),
                ("early next year", &["2024"]),
            ],
        ),
        (
            "Last year trade grew; this year's talks and earlier this year a visit.",
            &[
                ("Last year", &["2022"]),
                ("this year", &["2023"]),
                ("earlier this year", &["2023"]),
            ],
        ),
        (
            "They met last October and will meet next March, next September and this coming May.",
            &[
                ("last October", &["2022-10"]),
                ("next March", &["2024-03"]),
                ("next September", &["2023-09"]),
                ("this coming May", &["2024-05"]),
            ],
        ),
        (
            "The talks held this past June and this October.",
            &[
                ("this past June", &["2023-06"]),
                ("this October", &["2023-10"]),
            ],
        ),
        (
            "Tariffs fall in the first half of next year.",
            &[("the first half of next year", &["2024-01/2024-06"])],
        ),
        (
            "Last month the envoys met; they meet again next month and later this month.",
            &[
                ("Last month", &["2023-07"]),
                ("next month", &["2023-09"]),
                ("later this month", &["2023-08"]),
            ],
        ),
        (
            "The country will free the sailors held since October.",
            &[("October", &["2022-10"])],
        ),
        (
            "The plan is to be adopted before the end of the year, the fund by the end of next year, the law at the beginning of this year.",
            &[
                ("the end of the year", &["2023-12"]),
                ("the end of next year", &["2024-12"]),
                ("the beginning of this year", &["2023-01"]),
            ],
        ),
        // Spans of time, and the year after another: not counted from the document.
        (
            "Over the last year, and for the next year, in the last quarter of a century.",
            &[],
        ),
    ];
    for (body, want) in cases {
        assert_eq!(dated("2023-08-02", body), pairs(want), "{body:?}");
    }
    // Without a document date there is nothing to count from.
    assert!(dates("The council will meet later this year.", None).is_empty());
}

#[test]
fn a_year_opening_the_name_of_a_gathering_or_after_a_possessive_is_a_date() {
    let cases: &[(&str, &[Dated])] = &[
        (
            "They recalled the 2016 U.K.-Chile Santiago Summit and the 2021 Leaders’ Meeting.",
            &[("2016", &["2016"]), ("2021", &["2021"])],
        ),
        (
            "It was the kingdom’s 2022 host year, and Chile's 2019 budget.",
            &[("2022", &["2022"]), ("2019", &["2019"])],
        ),
        // A year opening another name is part of it.
        (
            "They back the 2030 Agenda and the 2025 Plan of Action.",
            &[],
        ),
    ];
    for (body, want) in cases {
        assert_eq!(dated("2023-08-02", body), pairs(want), "{body:?}");
    }
}

#[test]
fn parts_of_years_decades_and_odd_punctuation() {
    let cases: &[(&str, &[Dated])] = &[
        (
            "Visits from 1 Jan. to 5 Feb. 2024, between 3 Sept. and 6 Oct. 2023, and on 2 Dec. 2022.",
            &[
                ("from 1 Jan. to 5 Feb. 2024", &["2024-01-01/2024-02-05"]),
                (
                    "between 3 Sept. and 6 Oct. 2023",
                    &["2023-09-03/2023-10-06"],
                ),
                ("2 Dec. 2022", &["2022-12-02"]),
            ],
        ),
        (
            "A summit in the first half of 2022 and a meeting in the first quarter of 2022.",
            &[
                ("the first half of 2022", &["2022-01/2022-06"]),
                ("the first quarter of 2022", &["2022-01/2022-03"]),
            ],
        ),
        (
            "Growth in the second half of 2021, the fourth quarter of 2020, Q3 2019 and H1 2018.",
            &[
                ("the second half of 2021", &["2021-07/2021-12"]),
                ("the fourth quarter of 2020", &["2020-10/2020-12"]),
                ("Q3 2019", &["2019-07/2019-09"]),
                ("H1 2018", &["2018-01/2018-06"]),
            ],
        ),
        (
            "Emissions fall in the 2020s, as they did in the early 1990s.",
            &[
                ("the 2020s", &["2020/2029"]),
                ("the early 1990s", &["1990/1999"]),
            ],
        ),
        // A decade that ends a name is part of it.
        (
            "They set up the Task Force on Clean Energy Transition in the 2030s.",
            &[],
        ),
        (
            "Signed on July, 14, 2021, and met on November 16th and the 21st of November.",
            &[
                ("July, 14, 2021", &["2021-07-14"]),
                ("November 16th", &["2021-11-16"]),
                ("the 21st of November", &["2021-11-21"]),
            ],
        ),
        (
            "The minister hosted her counterpart on August 2<sup>nd</sup> for talks.",
            &[("August 2<sup>nd", &["2023-08-02"])],
        ),
        (
            "The forum in Lisbon in June <s>2019</s> \\[2021\\] was a success.",
            &[("June <s>2019</s> \\[2021\\]", &["2021-06"])],
        ),
        (
            "Under the Regional Shipping Act of 1984 and their respective 2035 Climate Commitments.",
            &[("2035", &["2035"])],
        ),
        // A date in a link is no date of the text.
        (
            "See https://example.org/2023/07/14/report and [the report](https://example.org/2022/05/01/x) of 2021.",
            &[("2021", &["2021"])],
        ),
    ];
    for (body, want) in cases {
        assert_eq!(dated("2023-08-02", body), pairs(want), "{body:?}");
    }
}

#[test]
fn no_dates_from_names_codes_counts_and_numbers() {
    for text in [
        "the APEC Putrajaya Vision 2040 on grounds of mutual respect",
        "Viet Nam continued to advance the 2030 Agenda for Sustainable Development.",
        "It implements Agenda 2030.",
        "the COVID-19 pandemic and post-Covid 19 recovery",
        "under Resolution 2254 of the Security Council",
        "USS Theodore Roosevelt (CVN-71) paid a port call",
        "This article was published in the Communist Review No. 984.",
        "CHAPTER ONE\n\nTHE LANDSCAPE\n\nI. The global economy 11\n\nGrowth fell.",
        "more than 33 calls of senior leaders, 10-20 visits each year, for the next 3-5 years",
        "joined by 1,500 overseas Vietnamese from 30 countries",
        "as we won the largest votes in the history of the Security Council, at 192/193.",
        "Tel: 0084.24.3825.3814 / 00.84.24.3826.9578",
        "Tel: +86 138-2010-2015",
        "ISBN: 978-604-77-9851-3",
        "9 786047 798513",
        "Publication Plan Registration No: 2500-2021/CXBIPH/02-164/ThG",
        "Decision No. 2013/QD-TTg of the Prime Minister",
        "Viet Nam's GDP grew by 2.91% and trade reached US$ 4.22 billion.",
        "the International Military-Technical Forum (ARMY-2020) and the APEC post-2020 vision",
        "Viet Nam successfully completed the 2020 ASEAN Chairmanship.",
        "organized \"Homeland Spring 2020\" and the ASEAN Law Forum 2020",
        "Article 2 may be amended, and the soldiers march on.",
        "It may be right, and it may not.",
        "deliver 2000 pieces of equipment",
        "a total of 2000 participants attended",
        "Industry 4.0 and COP 26",
        "the two cities of Vinh and Sa Dec",
        "the 42nd and 43rd Meetings of the Committee",
        "a score of 3-1 and a ratio of 4/5",
        "The troops will march 3 km.",
        "Directive No. 1/2020 and Decree No. 15/2020/ND-CP took effect.",
        "the model QX2020 and the code ZF2020",
        "24/7 service since 9/11",
        "Tel: 024 3825 3814, at 10.30 and at 08:20",
    ] {
        let got = dates(text, Some(2020));
        assert!(got.is_empty(), "{text:?} gave {got:?}");
    }
}

#[test]
fn the_reference_year_of_each_kind_of_document() {
    let reference = |doc: &Document| Analysis::new(doc, &Config::default()).reference;
    // A report: its title, on two lines; the imprint `Hanoi - 2021` is not the title.
    let r = reference(&common::read("diplomatic-bluebook-2020.txt"));
    assert_eq!((r.year, r.from), (Some(2020), Some(ReferenceFrom::Title)));
    assert_eq!(r.source.as_deref(), Some("DIPLOMATIC BLUEBOOK 2020"));
    assert_eq!(r.numeric_order, Some(NumericOrder::DayFirst));
    // Articles: their date lines.
    let r = reference(&common::read("vbf-interview-2021.txt"));
    assert_eq!(
        (r.year, r.from),
        (Some(2021), Some(ReferenceFrom::DateLine))
    );
    assert_eq!(r.numeric_order, Some(NumericOrder::MonthFirst));
    let r = reference(&common::read("communist-review-2021.txt"));
    assert_eq!(
        (r.year, r.from),
        (Some(2022), Some(ReferenceFrom::DateLine))
    );
    assert_eq!(r.source.as_deref(), Some("Wednesday, July 20, 2022 08:20"));

    let doc = |text: &str| Document::from_bytes("t.txt", text.as_bytes().to_vec()).unwrap();
    let r = reference(&doc(
        "Canada opens an office\n\n27/06/2023\n\nIn November, Canada officially opened its office.\n",
    ));
    assert_eq!(
        (r.year, r.from),
        (Some(2023), Some(ReferenceFrom::DateLine))
    );
    // A front-matter `date:`.
    let text = "---\ntitle: Canada opens an office\ndate: 2023-06-27\n---\n\nIn November, Canada officially opened its office.\n";
    let r = reference(&doc(text));
    assert_eq!(
        (r.year, r.from),
        (Some(2023), Some(ReferenceFrom::FrontMatter))
    );
    let november = dates(text, None)
        .into_iter()
        .find(|d| d.common.text == "November")
        .expect("the bare month");
    // Told in the past in a June text, November is the year before's.
    assert_eq!(
        (november.values.as_slice(), november.year_from),
        (&["2022-11".to_string()][..], Some(Doc))
    );
    // About the future, a month before June is the year after's; a later one stays.
    let text = "---\ndate: 2023-06-27\n---\n\nCanada will open an office in February and a consulate in September.\n";
    let values: Vec<Vec<String>> = dates(text, None).into_iter().map(|d| d.values).collect();
    assert_eq!(
        values,
        [vec!["2024-02".to_string()], vec!["2023-09".to_string()]]
    );
    // A title line ending with a year.
    let r = reference(&doc(
        "DIPLOMATIC BLUEBOOK 2019\n\nIn March, the Ministry met.\n",
    ));
    assert_eq!((r.year, r.from), (Some(2019), Some(ReferenceFrom::Title)));
    // A news dateline opening the first paragraph: the place, the date, maybe the
    // agency, a dash. It says when the text was written, as a date line does.
    for (text, year, source) in [
        (
            "Viet Nam, Japan boost trade\n\nHANOI, March 3, 2024 - Two-way trade reached $12.5bn in 2023. On 3rd March, the ministers met.\n",
            2024,
            "HANOI, March 3, 2024",
        ),
        (
            "Hanoi, 15 May 2024 (VNA) – Foreign Minister Bui Thanh Son met his counterpart in 2023.\n",
            2024,
            "Hanoi, 15 May 2024",
        ),
        (
            "WASHINGTON, D.C., Jan. 5, 2023 (Reuters) — The two sides met in December 2022.\n",
            2023,
            "WASHINGTON, D.C., Jan. 5, 2023",
        ),
        // Two hyphens for the dash.
        (
            "TOKYO, Nov. 27, 2023 (Kyodo) -- The leaders met in May 2022.\n",
            2023,
            "TOKYO, Nov. 27, 2023",
        ),
    ] {
        let r = reference(&doc(text));
        assert_eq!(
            (r.year, r.from, r.source.as_deref()),
            (Some(year), Some(ReferenceFrom::DateLine), Some(source)),
            "{text}"
        );
    }
    let march = dates(
        "HANOI, March 3, 2024 - Trade grew.\n\nOn 1st March, the ministers met.\n",
        None,
    )
    .into_iter()
    .find(|d| d.common.text == "1st March")
    .expect("the day without a year");
    assert_eq!(
        (march.values.as_slice(), march.year_from),
        (&["2024-03-01".to_string()][..], Some(Doc))
    );
    // Not datelines: a place in lower case, a date without its day, no dash after it.
    for text in [
        "Hanoi, the capital, on 5 May 2020 - hosted the meeting.\n",
        "In Hanoi, May 2020 - the meeting.\n",
        "HANOI, March 3, 2024, the ministers met.\n",
    ] {
        assert_ne!(
            reference(&doc(text)).from,
            Some(ReferenceFrom::DateLine),
            "{text}"
        );
    }
    // No year anywhere: a bare month keeps none.
    let r = reference(&doc("Notes\n\nIn March, the Ministry met.\n"));
    assert_eq!(r.year, None);
    let d = &dates("Notes\n\nIn March, the Ministry met.\n", None)[0];
    assert_eq!(
        (d.values.as_slice(), d.year_from),
        (&["--03".to_string()][..], None)
    );
    // The caller's year wins.
    let vbf = common::read("vbf-interview-2021.txt");
    let a = Analysis::new(&vbf, &Config::default().with_reference_year(2020));
    assert_eq!(
        (a.reference.year, a.reference.from),
        (Some(2020), Some(ReferenceFrom::Config))
    );
}

/// One line per date record: where, what, and how it was read.
fn render(records: &[Record]) -> String {
    let mut out = String::new();
    for r in records {
        let Record::Date(d) = r else { continue };
        let from = match d.year_from {
            Some(Text) => "text",
            Some(Context) => "context",
            Some(Doc) => "document",
            None => "-",
        };
        let granularity = match d.granularity {
            Day => "day",
            Month => "month",
            Year => "year",
        };
        out.push_str(&format!(
            "{:>6} {:?} -> [{}] {granularity} year:{from}{}\n",
            d.common.span.0,
            d.common.text,
            d.values.join(", "),
            if d.ambiguous { " ambiguous" } else { "" }
        ));
    }
    out
}

#[test]
fn every_date_record_of_each_fixture() {
    for name in common::FIXTURES {
        let (_, records) = common::records(name);
        insta::assert_snapshot!(
            format!("dates-{}", name.replace(".txt", "")),
            render(&records)
        );
    }
}

#[test]
fn seasons_and_years_ago_count_from_the_document() {
    let text = "---\ndate: 2024-09-21\n---\n\nThe fund opened two years ago; she spoke in the summer of 2021 and will return in the spring of next year.\n";
    let got: Vec<(String, Vec<String>)> = common::records_of(text)
        .into_iter()
        .filter_map(|r| match r {
            bluebook::Record::Date(d) => Some((d.common.text.into_owned(), d.values)),
            _ => None,
        })
        .collect();
    let want = [
        ("two years ago", "2022"),
        ("the summer of 2021", "2021-06/2021-08"),
        ("the spring of next year", "2025-03/2025-05"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((t, v), (wt, wv)) in got.iter().zip(want) {
        assert_eq!((t.as_str(), v[0].as_str()), (wt, wv));
    }
}
