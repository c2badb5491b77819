"""The runner's Spark session and Parquet writer, with the settings the job wants.

Kept apart from ``extract_warcs`` (which takes any session and returns a DataFrame) so
that the runner, the example and the benchmark start and write the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

LOCAL_JVM_OPTIONS: Final = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
"""For a ``local`` master only, where the JVM shares the cores with the extraction: the
serial collector and the quick (C1) compiler. The JVM does little here (Arrow in, Parquet
out), but with its defaults (G1, C2) its collecting and compiling cost: a 300-page job on
2 cores took 7.2-7.6 s of CPU in all (JVM, workers, children), and 5.5-5.9 s with either
option (``benchmarks/bench_spark.py``'s CPU accounting, busy machine). A cluster's
executors are left as their operators set them."""
UNENCODED_COLUMNS: Final = ("text",)
"""Columns written without a Parquet dictionary: a page's text is unique, so building a
dictionary for it is work thrown away when the writer falls back to plain encoding."""


def start(master: str | None, log_level: str = "ERROR") -> SparkSession:
    """A session named boilerkit; on a ``local`` master, with ``LOCAL_JVM_OPTIONS``.

    ``master=None`` keeps the master (and the JVM) ``spark-submit`` set up.
    """
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("boilerkit")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JVM_OPTIONS)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(log_level)
    return spark


def write_parquet(frame: DataFrame, path: str, *, overwrite: bool = False) -> None:
    """Write the rows as Parquet (snappy), the text column without a dictionary."""
    writer = frame.write.mode("overwrite" if overwrite else "errorifexists")
    for column in UNENCODED_COLUMNS:
        writer = writer.option(f"parquet.enable.dictionary#{column}", "false")
    writer.parquet(path)
