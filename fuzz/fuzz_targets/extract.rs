//! Arbitrary bytes through `Document::from_bytes` and the whole pipeline: no panic,
//! every record's text is the lossy decoding of `raw[span]`, and every span (the record's
//! and its sentence's) starts and ends on a character boundary of the decoded text. The
//! check is the one the regression tests run (`tests/common/spans.rs`).
#![no_main]

#[path = "../../tests/common/spans.rs"]
mod spans;

use bluebook::Config;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

fuzz_target!(|data: &[u8]| {
    spans::check_records(data, &CONFIG);
});
