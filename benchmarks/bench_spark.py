"""Spark ``local[N]`` against the command line with ``-j N``, on the same WARC files.

The 990 pages of trafilatura-eval are packed into ``--files`` gzipped WARC files (pages
dealt round-robin, so the large pages spread out), then both run over them, alternating:

    boilerkit WARCS -o OUT --jsonl -j N -q                      (wall time of the command)
    boilerkit.spark.extract_warcs(spark, WARCS).write.parquet(OUT)  on local[N]

Both read the same records and extract every page; the command line writes JSON Lines,
Spark writes Parquet. Every page's text is then compared between the two outputs (by WARC
record id): they must be equal, and so must the set of records with an error.

    python benchmarks/bench_spark.py                    # 990 pages, 20 files, 2 cores
    python benchmarks/bench_spark.py --limit 200 --repeat 1

Spark runs in a process of its own that starts a session (not counted: the JVM's start-up)
and runs the job twice: the first run pays for starting the Python workers and for the
JVM compiling its Arrow and Parquet paths; the second shows what a long job runs at.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpora import TRAFILATURA_EVAL, datasets_dir


def write_warcs(limit: int | None, files: int, into: Path) -> tuple[list[Path], int]:
    """The corpus pages dealt round-robin into ``files`` WARC files."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = sorted((datasets_dir() / TRAFILATURA_EVAL / "pages").glob("*.html.gz"))[:limit]
    if not pages:
        raise SystemExit("corpus not found: trafilatura-eval")
    paths = [into / f"part-{number:03d}.warc.gz" for number in range(files)]
    streams = [open(path, "wb") for path in paths]  # noqa: SIM115 (closed below)
    try:
        writers = [WARCWriter(stream, gzip=True) for stream in streams]
        for index, page in enumerate(pages):
            body = gzip.decompress(page.read_bytes())
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer = writers[index % files]
            writer.write_record(
                writer.create_warc_record(
                    f"https://pages.example/{page.name[:-8]}",
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=http,
                )
            )
    finally:
        for stream in streams:
            stream.close()
    return paths, len(pages)


def run_cli(warcs: list[Path], out: Path, jobs: int) -> tuple[float, dict[str, str | None]]:
    argv = [sys.executable, "-m", "boilerkit", *map(str, warcs), "--jsonl", "-q"]
    started = time.perf_counter()
    with open(out, "wb") as stream:
        done = subprocess.run([*argv, "-j", str(jobs)], stdout=stream, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode(errors="replace")[-2000:])
    texts = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts[row["warc_record_id"]] = row["text"]
    return seconds, texts


def run_spark(warcs: list[Path], out: Path, jobs: int) -> tuple[Timings, dict[str, str | None]]:
    """Spark in a process of its own (this script's ``--spark`` mode), its texts read back."""
    import pyarrow.parquet as pq

    argv = [sys.executable, __file__, "--spark", str(out), "--jobs", str(jobs), *map(str, warcs)]
    done = subprocess.run(argv, capture_output=True, check=False)
    lines = done.stdout.decode().splitlines()
    if done.returncode != 0 or not lines:
        raise SystemExit(done.stderr.decode(errors="replace")[-3000:])
    timings = Timings(**json.loads(lines[-1]))
    rows = pq.read_table(out, columns=["warc_record_id", "text"]).to_pylist()
    return timings, {row["warc_record_id"]: row["text"] for row in rows}


@dataclass(frozen=True)
class Timings:
    start_up: float
    """Seconds to start the session (the JVM): not counted."""
    cold: float
    """The job, run first: Python workers start, the JVM compiles its code paths."""
    warm: float
    """The same job again in the same session: the throughput of a long job."""


def spark_mode(out: str, warcs: list[str], jobs: int) -> None:
    """Start a session, run the job twice, print the timings as JSON (the last line)."""
    import warnings

    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
    from pyspark.sql import SparkSession

    from boilerkit.spark import extract_warcs

    started = time.perf_counter()
    spark = (
        SparkSession.builder.master(f"local[{jobs}]")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    seconds = [time.perf_counter() - started]
    for _ in range(2):
        started = time.perf_counter()
        extract_warcs(spark, warcs).write.mode("overwrite").parquet(out)
        seconds.append(time.perf_counter() - started)
    spark.stop()
    print(json.dumps(dict(zip(("start_up", "cold", "warm"), seconds, strict=True))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--files", type=int, default=20, help="WARC files (default: 20)")
    parser.add_argument("--jobs", type=int, default=2, help="processes / cores (default: 2)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each (default: 2)")
    parser.add_argument("--spark", metavar="OUT", help=argparse.SUPPRESS)
    parser.add_argument("warcs", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.spark:
        spark_mode(args.spark, args.warcs, args.jobs)
        return
    with tempfile.TemporaryDirectory(prefix="bench-spark-") as work:
        root = Path(work)
        warcs, pages = write_warcs(args.limit, args.files, root)
        print(f"{pages} pages in {len(warcs)} WARC files; load {os.getloadavg()}", flush=True)
        cli_runs, spark_runs = [], []
        for number in range(args.repeat):
            order = ("cli", "spark") if number % 2 == 0 else ("spark", "cli")
            for tool in order:
                if tool == "cli":
                    seconds, cli_texts = run_cli(warcs, root / "cli.jsonl", args.jobs)
                    cli_runs.append(seconds)
                    print(f"  cli: {seconds:.1f} s ({pages / seconds:.1f} pages/s)", flush=True)
                else:
                    timings, spark_texts = run_spark(warcs, root / "spark", args.jobs)
                    spark_runs.append(timings)
                    print(f"  spark: {timings}", flush=True)
        _compare(cli_texts, spark_texts)
        cli = min(cli_runs)
        cold = min(run.cold for run in spark_runs)
        warm = min(run.warm for run in spark_runs)
        print(
            f"best: CLI -j {args.jobs} {cli:.1f} s ({pages / cli:.1f} pages/s);"
            f" Spark local[{args.jobs}], JVM start-up excluded: first job {cold:.1f} s"
            f" ({pages / cold:.1f} pages/s, {cli / cold:.2f}x), same job again {warm:.1f} s"
            f" ({pages / warm:.1f} pages/s, {cli / warm:.2f}x); load {os.getloadavg()}"
        )


def _compare(cli: dict[str, str | None], spark: dict[str, str | None]) -> None:
    """Every record the command line extracted has the same text in Spark's output."""
    missing = [key for key in cli if key not in spark]
    different = [key for key in cli if key in spark and spark[key] != cli[key]]
    errors = [key for key, text in spark.items() if text is None]
    print(
        f"compared {len(cli)} pages: {len(missing)} missing in Spark's output,"
        f" {len(different)} with another text; Spark's error rows: {len(errors)}"
        f" (the command line's failures: {len(spark) - len(cli)})"
    )


if __name__ == "__main__":
    main()
