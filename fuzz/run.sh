#!/usr/bin/env bash
# Fuzzes bluebook::Document::from_bytes + bluebook::extract for MINUTES minutes
# (default 10) with cargo-fuzz (libFuzzer, nightly toolchain). Not part of CI.
#
#   cargo install cargo-fuzz; rustup toolchain install nightly --profile minimal
#   fuzz/run.sh 10
#
# It goes on past crashes (libFuzzer's fork mode): each lands in
# fuzz/artifacts/extract/. `fuzz/triage.sh` lists them by panic location;
# `cargo +nightly fuzz tmin extract FILE` shrinks one, and a shrunk input belongs in
# tests/fuzz_regressions.rs.
#
# No sanitizer: the crate has no unsafe code, so AddressSanitizer would find nothing
# that a panic does not, at a third of the speed.
set -euo pipefail
cd "$(dirname "$0")"
minutes=${1:-10}
[ -n "$(ls -A corpus/extract 2>/dev/null)" ] || ./seed.sh
# Inputs up to 8 KB: big enough for sections, captions and page breaks, small enough
# to keep many runs a second.
exec cargo +nightly fuzz run --sanitizer none extract corpus/extract -- \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time=$((minutes * 60)) -max_len=8192 -timeout=20 \
  -dict=extract.dict -print_final_stats=1
