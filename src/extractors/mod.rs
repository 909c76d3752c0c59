//! The extractors: each reads the [`crate::pipeline::Analysis`] (and the records made
//! before it) and gives records.

pub(crate) mod dates;
pub(crate) mod structure;
