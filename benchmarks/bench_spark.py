"""Spark ``local[N]`` against the command line with ``-j N``, on the same WARC files.

The 990 pages of trafilatura-eval are packed, in order, into ``--files`` gzipped WARC
files of consecutive pages, then both run over them, alternating:

    boilerkit WARCS -o OUT --jsonl -j N -q                      (wall time of the command)
    extract_warcs(spark, WARCS), started and written as the runner does, on local[N]

Both read the same records and extract every page; the command line writes JSON Lines,
Spark writes Parquet. Every page's text is then compared between the two outputs (by WARC
record id): they must be equal, and so must the set of records with an error.

    python benchmarks/bench_spark.py                    # 990 pages, 20 files, 2 cores
    python benchmarks/bench_spark.py --limit 200 --repeat 1

Spark runs in a process of its own that starts a session and runs a trivial job (not
counted: the JVM's start-up, its Python workers' start and the JVM's first compilation of
its Arrow and Parquet paths, for a row of the job's own columns, about 20 s on a busy
2-core machine), then the job, twice: the second run has warm extraction children, as
every task but the first of a long job. The first run's Python workers import boilerkit
and warm it up, as the command line's start does: that run is the figure beside the
command line's. Both tools run ``--repeat`` times, alternating; each run is printed, and
the summary gives the median and the range, pages a second and CPU milliseconds a page
(CPU depends less on the load than wall time does; both rise with it).

Files matter at this size: with 20 files a task is ~5 % of the job, so the file that holds
the corpus's 50 MB page (8 s alone) is a straggler if it is scheduled last. Dealt
round-robin, it landed in the last file, and one core idled for its duration; in order,
it is in the fourth. A real job has thousands of files, and no such tail.
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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpora import TRAFILATURA_EVAL, datasets_dir


def write_warcs(limit: int | None, files: int, into: Path) -> tuple[list[Path], int]:
    """The corpus pages in order, in ``files`` WARC files of consecutive pages (as a
    crawler writes them)."""
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
            writer = writers[index * files // len(pages)]
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


def tree_cpu(root: int) -> float:
    """CPU seconds used by ``root`` and every process under it, living or reaped (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = sum(int(value) for value in fields[11:15]) / ticks
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += used.get(pid, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def run_cli(warcs: list[Path], out: Path, jobs: int) -> tuple[float, float, dict[str, str | None]]:
    """Wall and CPU seconds of the command line (its workers are reaped: their CPU counts)."""
    import resource

    argv = [sys.executable, "-m", "boilerkit", *map(str, warcs), "--jsonl", "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(out, "wb") as stream:
        done = subprocess.run([*argv, "-j", str(jobs)], stdout=stream, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode(errors="replace")[-2000:])
    texts = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts[row["warc_record_id"]] = row["text"]
    return seconds, cpu, texts


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
    """Seconds to start the session (the JVM)."""
    warm_up: float
    """A trivial ``mapInArrow`` job writing Parquet: the Python workers start, the JVM loads
    and compiles its Arrow and Parquet paths. Spark's start-up as much as the JVM's."""
    first: float
    """The job, after the warm-up: the figure set beside the command line's."""
    again: float
    """The same job again in the same session (warm extraction children)."""
    first_cpu: float
    """CPU seconds of the first job: the JVM, the Python workers and their children."""
    again_cpu: float


def spark_mode(out: str, warcs: list[str], jobs: int) -> None:
    """Start a session, warm it up, run the job twice; print the timings as JSON."""
    import warnings

    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
    import pyarrow as pa

    from boilerkit.spark import SPARK_SCHEMA, extract_warcs
    from boilerkit.spark.job import to_batch
    from boilerkit.spark.session import start, write_parquet
    from boilerkit.warc import ExtractedRecord

    row = ExtractedRecord("w", "w", "w", 1, 1, "w", *"wwwwww", text="warm", encoding="w", error="w")

    def fake(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        """A row of the job's schema per file: the JVM compiles the same paths."""
        for batch in batches:
            yield to_batch([row] * batch.num_rows)

    started = time.perf_counter()
    spark = start(f"local[{jobs}]")  # as the runner starts it
    seconds = [time.perf_counter() - started]
    started = time.perf_counter()
    numbers = spark.range(len(warcs), numPartitions=len(warcs))
    write_parquet(numbers.mapInArrow(fake, SPARK_SCHEMA), out, overwrite=True)
    seconds.append(time.perf_counter() - started)
    cpu = []
    for _ in range(2):
        started, used = time.perf_counter(), tree_cpu(os.getpid())
        write_parquet(extract_warcs(spark, warcs), out, overwrite=True)
        seconds.append(time.perf_counter() - started)
        cpu.append(tree_cpu(os.getpid()) - used)
    spark.stop()
    names = ("start_up", "warm_up", "first", "again", "first_cpu", "again_cpu")
    print(json.dumps(dict(zip(names, seconds + cpu, strict=True))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--files", type=int, default=20, help="WARC files (default: 20)")
    parser.add_argument("--jobs", type=int, default=2, help="processes / cores (default: 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (default: 3)")
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
        cli_runs: list[tuple[float, float]] = []
        spark_runs: list[Timings] = []
        for number in range(args.repeat):
            order = ("cli", "spark") if number % 2 == 0 else ("spark", "cli")
            for tool in order:
                load = os.getloadavg()[0]
                if tool == "cli":
                    seconds, cpu, cli_texts = run_cli(warcs, root / "cli.jsonl", args.jobs)
                    cli_runs.append((seconds, cpu))
                    print(f"  cli: {seconds:.1f} s, {cpu:.1f} s CPU; load {load:.1f}", flush=True)
                else:
                    timings, spark_texts = run_spark(warcs, root / "spark", args.jobs)
                    spark_runs.append(timings)
                    print(f"  spark: {timings}; load {load:.1f}", flush=True)
        _compare(cli_texts, spark_texts)
        cli = [seconds for seconds, _ in cli_runs]
        first = [run.first for run in spark_runs]
        again = [run.again for run in spark_runs]
        print(f"pages/s, each run, median [min-max] (load now {os.getloadavg()[0]:.1f}):")
        print(f"  CLI -j {args.jobs}: {_rates(pages, cli)}")
        print(f"  Spark local[{args.jobs}], start-up excluded: {_rates(pages, first)}")
        print(f"  Spark, same job again: {_rates(pages, again)}")
        print(
            f"  Spark / CLI, medians: {median(cli) / median(first):.2f}x"
            f" (again: {median(cli) / median(again):.2f}x)"
        )
        print(
            f"CPU ms a page, median [min-max]: CLI {_spread(pages, [c for _, c in cli_runs])};"
            f" Spark {_spread(pages, [run.first_cpu for run in spark_runs])}, again"
            f" {_spread(pages, [run.again_cpu for run in spark_runs])} (JVM, workers, children)"
        )


def _rates(pages: int, seconds: list[float]) -> str:
    each = ", ".join(f"{pages / value:.1f}" for value in seconds)
    low, high = pages / max(seconds), pages / min(seconds)
    return f"{each}; median {pages / median(seconds):.1f} [{low:.1f}-{high:.1f}]"


def _spread(pages: int, cpu: list[float]) -> str:
    low, middle, high = (1000 * value / pages for value in (min(cpu), median(cpu), max(cpu)))
    return f"{middle:.1f} [{low:.1f}-{high:.1f}]"


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
