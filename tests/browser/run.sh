#!/usr/bin/env bash
# The review page in a real browser: makes the page and the JSON Lines of the bluebook
# fixture with the given binary, then checks the page in headless Chromium through
# Playwright (tests/browser/test_review.py), and saves a screenshot to docs/review.png.
#
#   tests/browser/run.sh [BLUEBOOK]    # default: target/release/bluebook
#
# Needs Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) and the Python environment
# of tests/python/venv.sh; Playwright's own browsers are not used.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-target/release/bluebook}"
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
chromium="${CHROMIUM:-/usr/bin/chromium}"
screenshot="${SCREENSHOT:-$root/docs/review.png}"

if [ ! -x "$bin" ]; then
    echo "run.sh: no bluebook binary at $bin (build it: cargo build --release)" >&2
    exit 2
fi
if [ ! -x "$chromium" ]; then
    echo "run.sh: no Chromium at $chromium (install it: apt-get install chromium)" >&2
    exit 2
fi
venv="$("$root/tests/python/venv.sh")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Named from the root, as a person would: the page shows the document's name.
cd "$root"
fixture="fixtures/diplomatic-bluebook-2020.txt"
"$bin" extract "$fixture" > "$work/records.jsonl"
"$bin" review "$fixture" -o "$work/report.html"
echo "made $work/report.html ($(wc -c < "$work/report.html") bytes) and $(wc -l < "$work/records.jsonl") records"
"$venv/bin/python" tests/browser/test_review.py \
    --page "$work/report.html" --records "$work/records.jsonl" --text "$fixture" \
    --screenshot "$screenshot" --chromium "$chromium"
