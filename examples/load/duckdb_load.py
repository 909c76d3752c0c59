"""Load bluebook's JSON Lines into DuckDB with exact types.

The column types come from `bluebook schema --for duckdb`: amounts as DECIMAL(38, 9),
dates as DATE, spans and lists as lists, whatever the first rows hold (DuckDB's own
inference samples the first 20,480 rows only).
"""
import os
import subprocess

import duckdb

BLUEBOOK = os.environ.get("BLUEBOOK", "bluebook")


def load(con: duckdb.DuckDBPyConnection, path: str, table: str = "records") -> None:
    columns = subprocess.run(
        [BLUEBOOK, "schema", "--for", "duckdb"], check=True, capture_output=True, text=True
    ).stdout
    con.execute(
        f"CREATE TABLE {table} AS SELECT * FROM read_json(?, format = 'newline_delimited', "
        f"columns = {columns})",
        [path],
    )


def load_parquet(con: duckdb.DuckDBPyConnection, directory: str, record_type: str):
    """One record type from `bluebook extract --format parquet -o DIR`: typed already."""
    return con.sql(f"SELECT * FROM read_parquet('{directory}/{record_type}.parquet')")
