//! bluebook
#![deny(missing_docs)]

pub mod gazetteer;
