//! The extractors: each reads the [`Analysis`], what the stages before it found
//! ([`Earlier`]) and one part of the document ([`Part`]), and pushes that part's
//! records. They share one signature, [`Extract`]; the pipeline lists them in order.

use crate::analysis::Analysis;
use crate::record::Record;
use crate::scan::Buckets;
use foldhash::HashMap;
use std::ops::Range;

pub(crate) mod dates;
pub(crate) mod events;
pub(crate) mod figures;
pub(crate) mod organizations;
pub(crate) mod people;
pub(crate) mod places;
pub(crate) mod structure;

/// What the stages before an extractor found: the dates of the part (with their
/// values) and the person mentions of the document (with their ids, which need the
/// whole document). Empty when no extractor that is run needs them.
#[derive(Debug, Default)]
pub(crate) struct Earlier {
    /// The dates of the current part, in view order.
    pub dates: Vec<dates::Date>,
    /// The person mentions of the document, in view order.
    pub people: Vec<people::PersonMention>,
    /// Where to look for the mentions from a view position on (by start).
    people_starts: Buckets,
    /// The state of each person (by `person_id`): that of the first mention of the
    /// person, computed once with the mentions.
    pub person_countries: HashMap<String, Option<String>>,
    /// What the figures stage reads of the whole document, once.
    pub figures: figures::DocumentFacts,
}

impl Earlier {
    /// With the person mentions of the document, and each person's state.
    pub fn with_people(people: Vec<people::PersonMention>) -> Earlier {
        let mut person_countries = HashMap::default();
        for p in &people {
            person_countries
                .entry(p.record.person_id.clone())
                .or_insert_with(|| p.record.country.clone());
        }
        Earlier {
            dates: Vec::new(),
            people_starts: Buckets::new(&people, |p| p.view.start),
            people,
            person_countries,
            figures: figures::DocumentFacts::default(),
        }
    }

    /// The index of the first person mention starting at or after view byte `pos`.
    pub fn people_from(&self, pos: usize) -> usize {
        self.people_starts
            .partition_point(&self.people, pos, |p| p.view.start < pos)
    }
}

/// A part of the document: whole view lines, cut where no record of one part can sit
/// after a record of the next in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Part {
    /// The view lines of the part.
    pub lines: Range<usize>,
    /// The view range of those lines.
    pub view: Range<usize>,
}

impl Part {
    /// Whether view offset `at` is in the part.
    pub fn holds(&self, at: usize) -> bool {
        self.view.contains(&at) || (self.view.is_empty() && at == self.view.start)
    }
}

/// The one signature of an extractor: the records of `part`, pushed to `out`.
pub(crate) type Extract = for<'a> fn(&'a Analysis<'_>, &Earlier, &Part, &mut Vec<Record<'a>>);
