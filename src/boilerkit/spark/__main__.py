"""The runner: ``python -m boilerkit.spark WARC... -o OUT [--master local[*]]``.

Starts a Spark session (or joins the one ``spark-submit`` made: pass no ``--master``
there), extracts every HTML record of the WARC files and writes them as Parquet, one row
per record. Rows with ``error`` set are data, not a failure: the exit status is 0 when the
job ran, whatever the records held, 1 when Spark failed, 2 for usage errors. A summary
(rows, error rows, seconds, pages per second, Spark's start-up apart) goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..options import Options

_DEFAULTS = Options()

EXAMPLES = """\
examples:
  python -m boilerkit.spark crawl/*.warc.gz -o text.parquet --master 'local[*]'
  python -m boilerkit.spark --manifest warc.paths.gz --prefix s3://commoncrawl/ -o s3://b/t/
  spark-submit --master yarn examples/spark_warc_job.py ...   clusters: docs/scale.md

exit status: 0 the job ran (rows may carry errors), 1 Spark failed, 2 usage error
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m boilerkit.spark",
        description="Extract the main text of every HTML record of WARC files, on Spark, "
        "into Parquet (one row per record).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("warcs", nargs="*", metavar="WARC", help="WARC files (any fsspec URL)")
    parser.add_argument("-o", "--output", required=True, help="Parquet directory to write")
    parser.add_argument("--manifest", help="a file listing WARC paths, one a line (.gz too)")
    parser.add_argument("--prefix", default="", help="put before relative paths of a manifest")
    parser.add_argument("--master", help="Spark master (default: local[*], or spark-submit's)")
    parser.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    parser.add_argument("--log-level", default="ERROR", help="Spark's (default: %(default)s)")
    opts = parser.add_argument_group("extraction")
    opts.add_argument("--comments", action="store_true", help="add the page's comments")
    opts.add_argument("--no-tables", action="store_true", help="leave data tables out")
    favor = opts.add_mutually_exclusive_group()
    favor.add_argument("--precision", action="store_true", help="less noise, maybe less text")
    favor.add_argument("--recall", action="store_true", help="more text, maybe more noise")
    opts.add_argument("--no-fallback", action="store_true", help="never ask trafilatura")
    opts.add_argument("--max-bytes", type=int, default=_DEFAULTS.max_bytes, metavar="N")
    opts.add_argument(
        "--time-budget",
        type=float,
        default=_DEFAULTS.time_budget,
        metavar="S",
        help="seconds one page may take; its process is killed at twice that "
        "(default: %(default)s)",
    )
    parser.add_argument("--version", action="version", version=f"boilerkit {__version__}")
    return parser


def _options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "include_comments": args.comments,
        "include_tables": not args.no_tables,
        "favor": "precision" if args.precision else "recall" if args.recall else "balanced",
        "fallback": not args.no_fallback,
        "max_bytes": args.max_bytes,
        "time_budget": args.time_budget,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the job; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if bool(args.warcs) == bool(args.manifest):
        parser.error("name WARC files or a --manifest (one of the two)")
    if args.max_bytes < 1 or args.time_budget <= 0:
        parser.error("--max-bytes and --time-budget must be positive")
    # mapInArrow goes through pandas_udf, and PySpark warns under pandas 3 when it loads
    # that; the job passes Arrow batches through untouched and never converts to pandas.
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    try:
        from pyspark.sql import SparkSession

        from .session import start
    except ImportError:
        print(
            'boilerkit.spark: needs the spark extra: pip install "boilerkit[spark]"',
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    spark = SparkSession.getActiveSession()  # a notebook's or a caller's: used, left running
    owned = spark is None
    if spark is None:
        master = args.master or (None if _submitted() else "local[*]")
        spark = start(master, args.log_level)
    try:
        return _run(spark, args, time.perf_counter() - started)
    finally:
        if owned:
            spark.stop()


def _run(spark: Any, args: argparse.Namespace, start_up: float) -> int:
    from py4j.protocol import Py4JJavaError
    from pyspark.errors import PySparkException

    from . import extract_warcs
    from .session import write_parquet

    started = time.perf_counter()
    try:
        frame = extract_warcs(
            spark, args.warcs or args.manifest, prefix=args.prefix, **_options(args)
        )
        write_parquet(frame, args.output, overwrite=args.overwrite)
    except (PySparkException, Py4JJavaError, OSError, ValueError) as error:
        print(f"boilerkit.spark: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    from pyspark.sql import functions

    written = spark.read.parquet(args.output).agg(
        functions.count("*").alias("rows"), functions.count("error").alias("errors")
    )
    rows, errors = written.first()
    print(
        f"boilerkit.spark: {rows} rows ({errors} with an error) in {args.output}:"
        f" {seconds:.1f} s, {rows / seconds:.1f} pages/s"
        f" (Spark start-up {start_up:.1f} s not counted)",
        file=sys.stderr,
    )
    return 0


def _submitted() -> bool:
    """Whether ``spark-submit`` started this Python (it hands over its JVM's port), which
    then has a master already."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


if __name__ == "__main__":
    sys.exit(main())
