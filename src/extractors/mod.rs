//! The extractors: each reads the [`crate::analysis::Analysis`] (and the records made
//! before it) and gives records.

pub(crate) mod dates;
pub(crate) mod events;
pub(crate) mod figures;
pub(crate) mod organizations;
pub(crate) mod people;
pub(crate) mod places;
pub(crate) mod structure;
