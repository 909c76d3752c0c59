"""Load bluebook's JSON Lines into polars with exact types.

`bluebook schema --for polars` prints a Python module: its `SCHEMA` reads every
column with its type (polars reads JSON numbers as floats, so amounts are read as
Float64 and cast to Decimal(38, 9) by its `read`).
"""
import importlib.util
import os
import subprocess
import sys
import tempfile

import polars as pl

BLUEBOOK = os.environ.get("BLUEBOOK", "bluebook")


def schema_module():
    source = subprocess.run(
        [BLUEBOOK, "schema", "--for", "polars"], check=True, capture_output=True, text=True
    ).stdout
    path = os.path.join(tempfile.mkdtemp(), "bluebook_polars.py")
    with open(path, "w") as f:
        f.write(source)
    spec = importlib.util.spec_from_file_location("bluebook_polars", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bluebook_polars"] = module
    spec.loader.exec_module(module)
    return module


def load(path: str) -> pl.DataFrame:
    return schema_module().read(path)


def load_parquet(directory: str, record_type: str) -> pl.DataFrame:
    """One record type from `bluebook extract --format parquet -o DIR`: typed already."""
    return pl.read_parquet(f"{directory}/{record_type}.parquet")
