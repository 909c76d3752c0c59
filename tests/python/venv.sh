#!/usr/bin/env bash
# Makes (once) the Python environment of the client and browser tests and prints its
# directory. The environment lives in $BLUEBOOK_VENV, else target/python-venv; it is
# rebuilt when requirements.txt changes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${BLUEBOOK_VENV:-$here/../../target/python-venv}"
stamp="$venv/.requirements"
if ! cmp -s "$here/requirements.txt" "$stamp" 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
    cp "$here/requirements.txt" "$stamp"
fi
cd "$venv" && pwd
