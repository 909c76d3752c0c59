#!/usr/bin/env bash
# Lists the crashes in fuzz/artifacts/extract/ by panic location: how many inputs, and
# the smallest one, for each.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)/
for f in artifacts/extract/*; do
  [ -f "$f" ] || continue
  at=$(cargo +nightly fuzz run --sanitizer none extract "$f" 2>&1 | grep -m1 'panicked at' \
    | sed "s/.*panicked at //; s/:\$//; s|$root||") || true
  echo "$(stat -c %s "$f") ${at:-no-panic} $f"
done | sort -k2,2 -k1,1n | awk '{ n[$2]++; if (!($2 in first)) first[$2] = $1 " bytes: " $3 }
  END { for (k in n) print n[k] " input(s) at " k "; smallest " first[k] }'
