//! The closed vocabularies of the records: each a small enum, written in JSON as its
//! snake_case name, listed in the JSON Schema.
//!
//! **Takes** nothing; **gives** the types that the gazetteers parse their columns into
//! and that the records carry, so that a value outside a vocabulary cannot be written.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: the enum, its names, and parsing from a name.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The value's name, as written in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value of a name, if it is one.
            pub fn from_name(name: &str) -> Option<$name> {
                match name {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The names of every value, for error messages.
            pub fn names() -> String {
                [$($text,)+].join(", ")
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// How a document writes numeric dates.
    NumericOrder {
        /// Day first: `27/06/2023`.
        DayFirst = "day_first",
        /// Month first: `2/14/2021`.
        MonthFirst = "month_first",
    }
}

vocabulary! {
    /// How a country is mentioned.
    MentionKind {
        /// By a name: "Viet Nam", "Lao PDR", "ROK".
        Name = "name",
        /// By an adjective or demonym: "Vietnamese", "Lao", "Filipino".
        Adjective = "adjective",
    }
}

vocabulary! {
    /// The branch an office belongs to (`gazetteers/offices.tsv`); deputies go with the
    /// office they deputise for.
    OfficeCategory {
        /// President, King, Chairman of a state.
        HeadOfState = "head_of_state",
        /// Prime Minister and deputies.
        HeadOfGovernment = "head_of_government",
        /// Minister of Foreign Affairs and deputies.
        ForeignMinister = "foreign_minister",
        /// Other ministers.
        Minister = "minister",
        /// Party offices.
        Party = "party",
        /// Parliamentary offices.
        Parliament = "parliament",
        /// Military ranks and offices.
        Military = "military",
        /// Ambassadors, envoys, consuls.
        Diplomat = "diplomat",
        /// Royal titles and honorifics.
        RoyalOrHonorific = "royal_or_honorific",
        /// The spouse of a head of state or government (`First Lady`), who serves
        /// that state.
        Spouse = "spouse",
        /// Everything else.
        Other = "other",
    }
}

vocabulary! {
    /// What kind of dated action an event is. The order is the precedence when a
    /// clause names several: a visit for a funeral is a visit.
    EventKind {
        /// A visit, trip or tour; a delegation sent.
        Visit = "visit",
        /// A telephone or video call.
        Call = "call",
        /// A summit.
        Summit = "summit",
        /// Signed, adopted, ratified, entered into force.
        Signing = "signing",
        /// Talks, meetings, receptions, consultations, dialogues, sessions.
        Meeting = "meeting",
        /// Conferences, forums, seminars, workshops, exhibitions.
        Conference = "conference",
        /// Ceremonies, celebrations, anniversaries, funerals, openings.
        Ceremony = "ceremony",
        /// Letters and messages.
        Message = "message",
        /// Donations, gifts, aid handed over.
        Aid = "aid",
        /// Other dated acts of states: an office established, a status gained.
        Other = "other",
    }
}

impl EventKind {
    /// The kinds a clause that continues a list names only by its own words; any
    /// other kind it takes from the item before it.
    pub fn is_strong(self) -> bool {
        matches!(
            self,
            EventKind::Visit
                | EventKind::Call
                | EventKind::Summit
                | EventKind::Signing
                | EventKind::Message
                | EventKind::Aid
        )
    }
}

vocabulary! {
    /// What an amount or a percentage measures.
    Metric {
        /// Trade between two partners (turnover, two-way trade).
        TradeTurnover = "trade_turnover",
        /// Exports.
        Export = "export",
        /// Imports.
        Import = "import",
        /// The balance of trade: a surplus or a deficit, which is neither the
        /// turnover nor a flow one way.
        TradeBalance = "trade_balance",
        /// Foreign direct investment.
        Fdi = "fdi",
        /// Official development assistance.
        Oda = "oda",
        /// Aid and assistance.
        Aid = "aid",
        /// Loans.
        Loan = "loan",
        /// Grants.
        Grant = "grant",
        /// Remittances.
        Remittance = "remittance",
        /// Contracts signed.
        Contract = "contract",
        /// Budgets.
        Budget = "budget",
        /// Anything else (GDP, tourism and the rest).
        Other = "other",
    }
}

vocabulary! {
    /// How a figure's qualifier bounds it.
    Qualifier {
        /// About, around, nearly, approximately, some.
        Approx = "approx",
        /// Over, more than, above, exceeding, at least.
        Over = "over",
        /// Under, less than, below, up to, at most.
        Under = "under",
    }
}

vocabulary! {
    /// Whether a figure is a flow of its year or a total to date.
    PeriodKind {
        /// A figure of that year (`in 2020`).
        Flow = "flow",
        /// A total to date (`by the end of 2020`, `in total`, `accumulated`).
        Stock = "stock",
    }
}

vocabulary! {
    /// The unit of a percentage.
    PercentUnit {
        /// Percent.
        Percent = "percent",
        /// A change of a rate in percentage points.
        PercentagePoint = "percentage_point",
    }
}

vocabulary! {
    /// Which way a figure that is a change goes.
    Change {
        /// A rise.
        Increase = "increase",
        /// A fall.
        Decrease = "decrease",
    }
}

vocabulary! {
    /// Where outside the running text a record comes from.
    Aside {
        /// A photo caption.
        Caption = "caption",
        /// A footnote.
        Footnote = "footnote",
    }
}
