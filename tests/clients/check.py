"""The records loaded by the real clients: DuckDB, polars, pyarrow, pandas and Spark.

Run by tests/clients/run.sh (which makes the Python environment and the inputs):

    python tests/clients/check.py BINARY WORKDIR

Checks, with each client and the README's recipes (examples/load, examples/spark):
every column has the intended type; no amount loses its decimals (all compared with the
exact text of the JSON Lines); range bounds survive though they are null in the first
rows; the trade-by-partner query gives the bluebook's figures as its text states them;
the Parquet output reads back with the same values; the Spark RDD.pipe job over the
corpus gives the records the command line gives. Exits non-zero on the first failure.
"""
import decimal
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "examples", "load"))
sys.path.insert(0, os.path.join(ROOT, "examples", "spark"))

BINARY = os.path.abspath(sys.argv[1])
WORK = os.path.abspath(sys.argv[2])
os.environ["BLUEBOOK"] = BINARY

CORPUS = os.path.join(WORK, "corpus.jsonl")  # the bundled fixtures
BATCH = os.path.join(WORK, "batch.jsonl")  # enough copies to pass 25,000 records
BATCH_PARQUET = os.path.join(WORK, "batch-parquet")

# Partner totals of two-way trade in 2020, as the bluebook's text states them
# (fixtures/diplomatic-bluebook-2020.txt: "the bilateral trade turnover totaled US\$
# 133.1 billion", ...).
BLUEBOOK_TRADE_2020 = {
    "CN": decimal.Decimal("133100000000"),
    "US": decimal.Decimal("90800000000"),
    "KR": decimal.Decimal("66000000000"),
    "JP": decimal.Decimal("39620000000"),
    "IN": decimal.Decimal("9670000000"),
    "AU": decimal.Decimal("8300000000"),
    "LA": decimal.Decimal("1300000000"),
}

DECIMALS = ["amount", "min", "max", "value"]


def step(name):
    print(f"== {name}", flush=True)
    return time.perf_counter()


def done(started, what):
    print(f"   ok: {what} ({time.perf_counter() - started:.2f} s)", flush=True)


def exact_records(path):
    """The records of a JSON-Lines file, numbers read as exact decimals."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line, parse_float=decimal.Decimal) for line in f]


def want_decimals(records):
    """(row, field, exact value) of every decimal the JSON Lines hold."""
    out = []
    for i, r in enumerate(records):
        for field in DECIMALS:
            if r.get(field) is not None:
                out.append((i, field, decimal.Decimal(r[field])))
    return out


def same(a, b):
    return a is not None and decimal.Decimal(a) == decimal.Decimal(b)


def check_late_rows(records):
    """The batch's last rows hold what the first 20,480 lack: fractional amounts and
    range bounds. The checks below are only meaningful if that holds."""
    first = records[:20480]
    assert not any(r.get("min") is not None for r in first if r["type"] == "money"), (
        "a range among the first rows: the late-range check would prove nothing"
    )
    late = records[20480:]
    assert any(r.get("min") is not None for r in late), "no late range"
    assert any(
        r.get("amount") is not None and r["amount"] != r["amount"].to_integral_value()
        for r in late
    ), "no late fractional amount"


def duckdb_checks(records, wanted):
    import duckdb
    import duckdb_load

    t = step("DuckDB: read_json with the columns of `bluebook schema --for duckdb`")
    con = duckdb.connect()
    duckdb_load.load(con, BATCH)
    n = con.execute("SELECT count(*) FROM records").fetchall()[0][0]
    assert n == len(records), (n, len(records))
    types = dict(con.sql("SELECT column_name, column_type FROM (DESCRIBE records)").fetchall())
    for field in DECIMALS:
        assert types[field] == "DECIMAL(38,9)", (field, types[field])
    for field, want in [
        ("span", "BIGINT[]"),
        ("start", "DATE"),
        ("end", "DATE"),
        ("period", "BIGINT"),
        ("vague", "BOOLEAN"),
        ("offices", "VARCHAR[]"),
        ("direction", 'STRUCT("from" VARCHAR, "to" VARCHAR)'),
        ("participants", "STRUCT(\"name\" VARCHAR, person_id VARCHAR)[]"),
    ]:
        assert types[field] == want, (field, types[field], want)
    rows = con.sql("SELECT amount, \"min\", \"max\", value FROM records").fetchall()
    for i, field, value in wanted:
        got = rows[i][DECIMALS.index(field)]
        assert same(got, value), (i, field, got, value)
    done(t, f"{n} records; {len(wanted)} decimals exact; types as intended")

    t = step("DuckDB: the trade-by-partner query (examples/load/trade_by_partner.sql)")
    with open(os.path.join(ROOT, "examples", "load", "trade_by_partner.sql")) as f:
        query = f.read()
    con.execute("CREATE TABLE one AS SELECT * FROM records WHERE doc LIKE '%copy-000%'")
    rows = con.sql(query.replace("FROM records", "FROM one")).fetchall()
    totals = {(c, p): (total, cur) for c, p, cur, total, _ in rows}
    for partner, amount in BLUEBOOK_TRADE_2020.items():
        total, currency = totals[(partner, 2020)]
        assert currency == "USD" and total == amount, (partner, total, amount)
    done(t, f"{len(rows)} partner-years; {len(BLUEBOOK_TRADE_2020)} totals as the text states them")

    t = step("DuckDB: people by office (examples/load/people_by_office.sql)")
    with open(os.path.join(ROOT, "examples", "load", "people_by_office.sql")) as f:
        rows = con.sql(f.read().replace("FROM records", "FROM one")).fetchall()
    offices = {r[0]: r[1] for r in rows}
    persons = [r for r in exact_records(CORPUS) if r["type"] == "person"]
    bluebook_pm = {
        r["person_id"]
        for r in records
        if r["type"] == "person" and "prime_minister" in r["offices"] and "copy-000" in r["doc"]
    }
    assert offices.get("prime_minister") == len(bluebook_pm) > 0, (offices.get("prime_minister"), len(bluebook_pm))
    assert persons, "persons in the corpus"
    done(t, f"{len(rows)} offices; prime ministers: {offices['prime_minister']}")

    t = step("DuckDB: Parquet output")
    money = duckdb_load.load_parquet(con, BATCH_PARQUET, "money")
    types = dict(zip(money.columns, [str(t) for t in money.types]))
    assert types["amount"] == "DECIMAL(38,9)", types["amount"]
    assert types["span_start"] == "BIGINT", types["span_start"]
    dates = duckdb_load.load_parquet(con, BATCH_PARQUET, "date")
    assert str(dict(zip(dates.columns, dates.types))["start"]) == "DATE"
    parquet_amounts = [r[0] for r in money.select("amount").fetchall()]
    json_amounts = [r.get("amount") for r in records if r["type"] == "money"]
    assert len(parquet_amounts) == len(json_amounts)
    for got, want in zip(parquet_amounts, json_amounts):
        assert (got is None and want is None) or same(got, want), (got, want)
    done(t, f"{len(parquet_amounts)} amounts equal to the JSON Lines'")

    t = step("DuckDB: read_json_auto with its defaults no longer truncates")
    auto = con.sql(f"SELECT amount FROM read_json_auto('{BATCH}')").fetchall()
    for i, field, value in wanted:
        if field == "amount":
            assert auto[i][0] is not None and abs(float(auto[i][0]) - float(value)) <= abs(float(value)) * 1e-15, (i, auto[i][0], value)
    done(t, "every amount keeps its decimals with type inference too")


def polars_checks(records, wanted):
    import polars as pl
    import polars_load

    t = step("polars: read_ndjson with `bluebook schema --for polars`")
    df = polars_load.load(BATCH)
    assert df.height == len(records)
    for field in DECIMALS:
        assert df.schema[field] == pl.Decimal(38, 9), (field, df.schema[field])
    assert df.schema["start"] == pl.Date
    assert df.schema["span"] == pl.List(pl.Int64)
    assert df.schema["period"] == pl.Int64
    assert df.schema["direction"] == pl.Struct({"from": pl.String, "to": pl.String})
    columns = {f: df[f].to_list() for f in DECIMALS}
    for i, field, value in wanted:
        assert same(columns[field][i], value), (i, field, columns[field][i], value)
    done(t, f"{df.height} records; {len(wanted)} decimals exact")

    t = step("polars: Parquet output")
    money = polars_load.load_parquet(BATCH_PARQUET, "money")
    assert money.schema["amount"] == pl.Decimal(38, 9)
    json_amounts = [r.get("amount") for r in records if r["type"] == "money"]
    for got, want in zip(money["amount"].to_list(), json_amounts):
        assert (got is None and want is None) or same(got, want), (got, want)
    done(t, f"{money.height} amounts equal to the JSON Lines'")


def pyarrow_pandas_checks(records, wanted):
    import pandas as pd
    import pandas_load
    import pyarrow as pa

    t = step("pyarrow: read_json with `bluebook schema --for pyarrow`")
    table = pandas_load.load_arrow(BATCH)
    assert table.num_rows == len(records)
    for field in DECIMALS:
        assert table.schema.field(field).type == pa.decimal128(38, 9)
    assert table.schema.field("start").type == pa.date32()
    assert table.schema.field("span").type == pa.list_(pa.int64())
    columns = {f: table[f].to_pylist() for f in DECIMALS}
    for i, field, value in wanted:
        assert same(columns[field][i], value), (i, field, columns[field][i], value)
    done(t, f"{table.num_rows} records; {len(wanted)} decimals exact")

    t = step("pandas: through pyarrow, with ArrowDtype")
    df = pandas_load.load(BATCH)
    assert len(df) == len(records)
    assert str(df["period"].dtype) == "int64[pyarrow]", df["period"].dtype
    assert str(df["amount"].dtype) == "decimal128(38, 9)[pyarrow]", df["amount"].dtype
    assert str(df["start"].dtype) == "date32[day][pyarrow]", df["start"].dtype
    money = df[df["type"] == "money"]
    json_amounts = [r.get("amount") for r in records if r["type"] == "money"]
    for got, want in zip(money["amount"].tolist(), json_amounts):
        assert (want is None and pd.isna(got)) or same(got, want), (got, want)
    done(t, f"{len(df)} records; years stay integers, amounts exact")

    t = step("pandas: Parquet output")
    money = pandas_load.load_parquet(BATCH_PARQUET, "money")
    assert str(money["amount"].dtype) == "decimal128(38, 9)[pyarrow]", money["amount"].dtype
    assert len(money) == len(json_amounts)
    done(t, f"{len(money)} money rows")


def spark_checks(records, wanted):
    import pipe
    from pyspark.sql import SparkSession

    t = step("Spark: starting a local session")
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bluebook-clients")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    done(t, "up")

    t = step("Spark: spark.read.schema(`bluebook schema --for spark`).json")
    ddl = subprocess.run(
        [BINARY, "schema", "--for", "spark"], check=True, capture_output=True, text=True
    ).stdout.strip()
    frame = spark.read.schema(ddl).json(BATCH)
    types = dict(frame.dtypes)
    assert types["amount"] == "decimal(38,9)", types["amount"]
    assert types["start"] == "date", types["start"]
    assert types["span"] == "array<bigint>", types["span"]
    rows = frame.select(*DECIMALS).collect()
    assert len(rows) == len(records)
    for i, field, value in wanted:
        assert same(rows[i][field], value), (i, field, rows[i][field], value)
    done(t, f"{len(rows)} records; {len(wanted)} decimals exact")

    t = step("Spark: RDD.pipe over the corpus gives the command line's records")
    docs = []
    for name in sorted(os.listdir(os.path.join(ROOT, "fixtures"))):
        if name.endswith(".txt"):
            with open(os.path.join(ROOT, "fixtures", name), encoding="utf-8") as f:
                docs.append((name, f.read()))
    lines_in = os.path.join(WORK, "corpus-docs.jsonl")
    with open(lines_in, "w", encoding="utf-8") as f:
        for doc, text in docs:
            f.write(json.dumps({"doc": doc, "text": text}) + "\n")
    cli = subprocess.run(
        [BINARY, "extract", "--input", "jsonl", "--quiet", lines_in],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    piped = pipe.records(spark, docs, partitions=2)
    got = [json.loads(r, parse_float=decimal.Decimal) for r in piped.toJSON().collect()]
    want = [json.loads(line, parse_float=decimal.Decimal) for line in cli]
    assert len(got) == len(want), (len(got), len(want))
    for g, w in zip(got, want):
        for key in ("type", "doc", "span", "text", "section"):
            assert g.get(key) == w.get(key), (key, g.get(key), w.get(key))
        for field in DECIMALS:
            if w.get(field) is not None:
                assert same(g[field], w[field]), (field, g[field], w[field])
    done(t, f"{len(got)} records, in the same order, from {len(docs)} documents")

    t = step("Spark: spark.read.parquet")
    money = pipe.parquet(spark, BATCH_PARQUET, "money")
    assert dict(money.dtypes)["amount"] == "decimal(38,9)"
    assert money.count() == sum(1 for r in records if r["type"] == "money")
    done(t, f"{money.count()} money rows")
    spark.stop()


def main():
    records = exact_records(BATCH)
    print(f"batch: {len(records)} records", flush=True)
    assert len(records) > 25000, len(records)
    check_late_rows(records)
    wanted = want_decimals(records)
    duckdb_checks(records, wanted)
    polars_checks(records, wanted)
    pyarrow_pandas_checks(records, wanted)
    spark_checks(records, wanted)
    print("all clients: ok")


if __name__ == "__main__":
    main()
