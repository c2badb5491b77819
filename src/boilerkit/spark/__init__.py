"""boilerkit on Spark: WARC files in, a DataFrame of one row per HTML record out.

    df = extract_warcs(spark, ["s3://bucket/a.warc.gz", ...])      # or a manifest path
    df.write.parquet("s3://bucket/text/")

Each WARC file is one Spark task, which opens the file itself (fsspec: local, ``s3://``,
``gs://``...), reads its records, extracts every page in a child process (the fault
layers of ``boilerkit.warc``) and hands rows back as Arrow batches (``mapInArrow``). A
record that is cut short, refused, too slow, or that kills its process is a row with
``error`` set; nothing a record does fails or hangs the job. ``python -m boilerkit.spark``
is the runner; ``docs/scale.md`` covers clusters and cost.

Needs the ``spark`` extra (``pip install "boilerkit[spark]"``) to run; importing this
module does not (the runner can then say what is missing), and ``import boilerkit`` never
imports it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..api import extract
from ..options import Options
from ..warc import COLUMNS, Extractor, open_archive
from .schema import SPARK_SCHEMA

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["COLUMNS", "SPARK_SCHEMA", "extract_warcs", "read_manifest"]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def extract_warcs(
    spark: SparkSession,
    paths_or_manifest: str | Sequence[str],
    *,
    prefix: str = "",
    extractor: Extractor = extract,
    **options: Any,
) -> DataFrame:
    """A DataFrame with a row per HTML record of the WARC files (columns: ``COLUMNS``).

    ``paths_or_manifest`` is a list of WARC paths, one WARC path, or the path of a
    manifest: a text file (gzipped or not) with one WARC path a line, like Common
    Crawl's ``warc.paths.gz``. ``prefix`` is put before every path that has no scheme and
    is not absolute (``"s3://commoncrawl/"`` for Common Crawl's relative paths).
    ``options`` are ``boilerkit.Options`` fields (``time_budget=10``,
    ``include_comments=True``); ``extractor`` replaces ``boilerkit.extract`` (same
    signature), e.g. with a wrapper that picks options by site. Lazy, like every
    DataFrame: nothing runs until it is written or collected.
    """
    from .job import extract_partition  # pyarrow: only once a job is built

    settings = Options(**options)  # a misspelt option fails here, not in every task
    paths = _paths(paths_or_manifest, prefix)
    if not paths:
        raise ValueError("no WARC files to read")
    # One partition per file: range() gives partition i exactly the number i, so each task
    # reads one WARC file, and a slow file never holds others back in the same task. The
    # numbers come from the JVM; the paths travel with the task's function. A DataFrame of
    # the paths themselves (parallelize, createDataFrame) ran a second Python worker in
    # every task to pickle one string, and a garbage collection after it: about 20 ms of
    # CPU a task (``benchmarks/bench_spark.py``).
    numbers = spark.range(len(paths), numPartitions=len(paths))
    task = functools.partial(
        extract_partition, paths=tuple(paths), options=settings, extractor=extractor
    )
    return numbers.mapInArrow(task, SPARK_SCHEMA)


def read_manifest(path: str, prefix: str = "") -> list[str]:
    """The WARC paths a manifest lists (blank lines and ``#`` comments skipped)."""
    import gzip
    import io

    with open_archive(path) as stream:
        data = stream.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    lines = io.StringIO(data.decode("utf-8"))
    return [_prefixed(line.strip(), prefix) for line in lines if line.strip()[:1] not in ("", "#")]


def _paths(paths_or_manifest: str | Sequence[str], prefix: str) -> list[str]:
    if isinstance(paths_or_manifest, str):
        if paths_or_manifest.lower().endswith(WARC_SUFFIXES):
            return [_prefixed(paths_or_manifest, prefix)]
        return read_manifest(paths_or_manifest, prefix)
    return [_prefixed(path, prefix) for path in paths_or_manifest]


def _prefixed(path: str, prefix: str) -> str:
    """``path`` as every executor can open it: a relative local path is made absolute here,
    on the driver, whose working directory the executors do not share."""
    if "://" in path or os.path.isabs(path):
        return path
    if prefix:
        return prefix.rstrip("/") + "/" + path
    return os.path.abspath(path)
