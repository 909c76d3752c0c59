"""bluebook as a stage of a Spark job.

`records(spark, documents)` pipes documents through `bluebook extract --input jsonl -`
(one `{"doc": ..., "text": ...}` line per document in, the records of each out, in
order) and reads the records with the schema of `bluebook schema --for spark`.
`parquet(spark, directory, record_type)` reads the output of
`bluebook extract --format parquet -o DIR`.

Run alone: BLUEBOOK=target/release/bluebook python examples/spark/pipe.py FILE...
"""
import json
import os
import shutil
import subprocess
import sys

from pyspark.sql import DataFrame, SparkSession


def binary() -> str:
    """The absolute path of the bluebook binary: executors run it from elsewhere."""
    name = os.environ.get("BLUEBOOK", "bluebook")
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name}: not found (set BLUEBOOK to the binary)")
    return os.path.abspath(found)


def records(spark: SparkSession, documents, partitions: int = 2) -> DataFrame:
    """The records of (doc, text) pairs, typed by `bluebook schema --for spark`."""
    lines = spark.sparkContext.parallelize(
        [json.dumps({"doc": doc, "text": text}) for doc, text in documents], partitions
    )
    # checkCode=True: a failing bluebook fails the task instead of giving no records.
    out = lines.pipe(f"{binary()} extract --input jsonl --quiet -", checkCode=True)
    ddl = subprocess.run(
        [binary(), "schema", "--for", "spark"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return spark.read.schema(ddl).json(out)


def parquet(spark: SparkSession, directory: str, record_type: str) -> DataFrame:
    """One record type of `bluebook extract --format parquet -o DIR`."""
    return spark.read.parquet(os.path.join(directory, f"{record_type}.parquet"))


if __name__ == "__main__":
    spark = SparkSession.builder.master("local[2]").appName("bluebook").getOrCreate()
    docs = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            docs.append((path, f.read()))
    frame = records(spark, docs)
    frame.groupBy("type").count().orderBy("type").show()
    spark.stop()
