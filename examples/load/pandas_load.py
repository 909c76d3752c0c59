"""Load bluebook's JSON Lines into pandas (through pyarrow) with exact types.

`bluebook schema --for pyarrow` prints a Python module whose `read` gives a pyarrow
Table with the intended types; `types_mapper=pd.ArrowDtype` keeps them in pandas
(integers stay integers when some are null, amounts stay exact decimals).
"""
import importlib.util
import os
import subprocess
import sys
import tempfile

import pandas as pd
import pyarrow as pa

BLUEBOOK = os.environ.get("BLUEBOOK", "bluebook")


def schema_module():
    source = subprocess.run(
        [BLUEBOOK, "schema", "--for", "pyarrow"], check=True, capture_output=True, text=True
    ).stdout
    path = os.path.join(tempfile.mkdtemp(), "bluebook_pyarrow.py")
    with open(path, "w") as f:
        f.write(source)
    spec = importlib.util.spec_from_file_location("bluebook_pyarrow", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bluebook_pyarrow"] = module
    spec.loader.exec_module(module)
    return module


def load_arrow(path: str) -> pa.Table:
    return schema_module().read(path)


def load(path: str) -> pd.DataFrame:
    return load_arrow(path).to_pandas(types_mapper=pd.ArrowDtype)


def load_parquet(directory: str, record_type: str) -> pd.DataFrame:
    """One record type from `bluebook extract --format parquet -o DIR`: typed already."""
    return pd.read_parquet(f"{directory}/{record_type}.parquet", dtype_backend="pyarrow")
