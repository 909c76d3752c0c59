#!/usr/bin/env bash
# Builds the seed corpus of the `extract` fuzz target in fuzz/corpus/extract (not
# committed): the fixtures cut into pieces of at most 4 KB at line ends, a few of them
# in UTF-16 and with a UTF-8 byte-order mark, CRLF line ends and invalid UTF-8.
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/extract
mkdir -p "$out"
for f in ../fixtures/*.txt; do
  split -C 4000 -d -a 3 "$f" "$out/$(basename "$f" .txt)-"
done
n=0
for piece in "$out"/diplomatic-bluebook-2020-00{1,5,9} "$out"/communist-review-2021-001; do
  [ -f "$piece" ] || continue
  n=$((n + 1))
  if command -v iconv >/dev/null; then
    iconv -f UTF-8 -t UTF-16 "$piece" > "$out/utf16-$n" || rm -f "$out/utf16-$n"
  fi
  { printf '\xEF\xBB\xBF'; cat "$piece"; } > "$out/bom-$n"
  sed 's/$/\r/' "$piece" > "$out/crlf-$n"
  { head -c 700 "$piece"; printf '\xFF\xC3('; tail -c +701 "$piece"; } > "$out/latin-$n"
done
echo "seed corpus: $(ls "$out" | wc -l) files in fuzz/$out"
