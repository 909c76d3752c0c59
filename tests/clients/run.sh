#!/usr/bin/env bash
# The records loaded by the real clients — DuckDB, polars, pyarrow, pandas, Spark —
# with the README's recipes. Usage: tests/clients/run.sh [BINARY]
# (default target/release/bluebook). Needs Java 17 for Spark; makes the Python
# environment with tests/python/venv.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
binary="$(realpath "${1:-$root/target/release/bluebook}")"
command -v java >/dev/null || { echo "tests/clients: Spark needs Java 17 (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
venv="$("$root/tests/python/venv.sh")"
export SPARK_LOCAL_IP=127.0.0.1 PYTHONWARNINGS=ignore::FutureWarning,ignore::UserWarning
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The bundled corpus, and a batch of enough copies of the bluebook to pass 25,000
# records, ending with a text whose fractional amounts and ranges come after the
# first 20,480 rows (what type inference samples).
mkdir "$work/batch"
for i in 000 001 002 003 004 005 006 007 008 009; do
    cp "$root/fixtures/diplomatic-bluebook-2020.txt" "$work/batch/copy-$i.txt"
done
cp "$root/tests/clients/late-figures.txt" "$work/batch/zz-late-figures.txt"
"$binary" extract -q -o "$work/corpus.jsonl" "$root/fixtures"
"$binary" extract -q -o "$work/batch.jsonl" "$work/batch"
"$binary" extract -q --format parquet -o "$work/batch-parquet" "$work/batch"

"$venv/bin/python" "$root/tests/clients/check.py" "$binary" "$work"
