//! bluebook
