"""Robustness benchmark: pathological inputs, corrupted corpora, threads, determinism, memory.

    python benchmarks/bench_robustness.py                 # everything, writes the report
    python benchmarks/bench_robustness.py --only sizes    # one part: sizes, corrupt,
                                                          # threads, memory

Parts, each reported in docs/benchmarks-robustness.md:

- **sizes**: a 50 MB page, 100,000-deep nesting, 1,000,000 siblings and a 10 MB text
  node, through ``boilerkit.extract`` and ``trafilatura.extract``, each in a fresh process:
  wall time and peak RSS (``VmHWM``) of that process.
- **corrupt**: every page of both corpora corrupted three ways (truncated at a random
  byte, 1 % of bytes overwritten at random, the markup segments shuffled), seeded; each
  result counted as a document, a documented error, an unexpected exception, a hang
  (over ``--hang`` s) or a crash (the worker died).
- **threads**: every page, 8 threads against a sequential run, and a process pool
  (fresh interpreters, other hash seeds) against the same: results must be identical.
- **memory**: 10,000 consecutive extractions in one process; RSS from
  ``/proc/self/statm`` after warm-up and every 500 extractions.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATASETS = Path(os.environ.get("BOILERKIT_DATASETS", REPO.parent / "shared" / "datasets"))
RESULTS = REPO / "benchmarks" / "results"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SPAWN = multiprocessing.get_context("spawn")  # fresh interpreters: fork after threads can hang
PARAGRAPH = "<p>" + "A sentence of ordinary article text, with words in it. " * 10 + "</p>\n"

SIZE_CASES: dict[str, Callable[[], bytes]] = {
    "50 MB page": lambda: (
        "<html><head><title>Big</title></head><body><article>"
        + PARAGRAPH * (50_000_000 // len(PARAGRAPH))
        + "</article></body></html>"
    ).encode(),
    "100,000-deep nesting": lambda: (
        b"<html><body>"
        + b"<div>" * 100_000
        + b"<p>deep text</p>"
        + b"</div>" * 100_000
        + b"<p>after</p></body></html>"
    ),
    "1,000,000 siblings": lambda: (
        b"<html><body>" + b"<p>sibling text</p>" * 1_000_000 + b"</body></html>"
    ),
    "10 MB text node": lambda: (
        b"<html><body><article><p>" + b"word " * 2_000_000 + b"</p></article></body></html>"
    ),
    # Not in the list: the shape that made select._prune_empty quadratic.
    "100,000 empty inline elements with text tails": lambda: (
        b"<html><body><article><p>" + b"<b></b>word " * 100_000 + b"</p></article></body></html>"
    ),
}


def rss_mb() -> float:
    """Resident set size of this process, from /proc/self/statm (no psutil)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE_SIZE / 1e6


def peak_rss_mb() -> float:
    """Peak resident set size of this process (VmHWM)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3
    return float("nan")


def load_pages() -> list[tuple[str, bytes]]:
    files = sorted((DATASETS / "trafilatura-eval" / "pages").glob("*.html.gz"))
    files += sorted((DATASETS / "readability-test-pages").glob("*/source.html.gz"))
    return [(str(path.relative_to(DATASETS)), gzip.decompress(path.read_bytes())) for path in files]


# --- sizes ------------------------------------------------------------------------------


def one_size_case(case: str, tool: str) -> dict[str, Any]:
    """Run one pathological case in this (fresh) process; called through a subprocess.

    The tool is imported before the clock starts: the time is the extraction's, not the
    interpreter's first import (0.5-0.7 s here, where PYTHONDONTWRITEBYTECODE makes every
    import compile its sources).
    """
    if tool == "boilerkit":
        import boilerkit
    else:
        import trafilatura

    data = SIZE_CASES[case]()
    baseline = rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    if tool == "boilerkit":
        try:
            chars = len(boilerkit.extract(data, time_budget=None).text)
            outcome = f"{chars:,} chars"
        except boilerkit.BoilerkitError as error:
            outcome = f"{type(error).__name__}: {error}"
    else:
        text = trafilatura.extract(data)
        outcome = "None" if text is None else f"{len(text):,} chars"
    return {
        "case": case,
        "tool": tool,
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_started,
        "peak_rss_mb": peak_rss_mb(),
        "input_rss_mb": baseline,
        "outcome": outcome,
    }


def run_sizes(timeout: float, tools: list[str], cases: list[str]) -> list[dict[str, Any]]:
    rows = []
    for case in cases:
        for tool in tools:
            command = [sys.executable, __file__, "--size-case", case, "--tool", tool]
            try:
                done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
                row = (
                    json.loads(done.stdout.strip().splitlines()[-1])
                    if done.returncode == 0
                    else {
                        "case": case,
                        "tool": tool,
                        "outcome": f"exit {done.returncode}: "
                        + done.stderr.strip().splitlines()[-1][:200],
                    }
                )
            except subprocess.TimeoutExpired:
                row = {"case": case, "tool": tool, "outcome": f"timeout after {timeout:.0f} s"}
            print(row, flush=True)
            rows.append(row)
    return rows


# --- corrupt ----------------------------------------------------------------------------


def corrupt(data: bytes, how: str, rng: random.Random) -> bytes:
    if how == "truncated":
        return data[: rng.randrange(len(data) + 1)]
    if how == "bytes flipped":
        out = bytearray(data)
        for _ in range(max(1, len(out) // 100)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    parts = data.split(b"<")
    tags = parts[1:]
    rng.shuffle(tags)
    return b"<".join(parts[:1] + tags)


class Hang(Exception):
    """Raised by SIGALRM in a worker: the case ran past the hang limit."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def corrupt_case(job: tuple[str, bytes, str, int, float]) -> tuple[str, str]:
    import boilerkit

    name, data, how, seed, hang = job
    rng = random.Random(f"{seed}:{name}:{how}")
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, hang)
    try:
        try:
            boilerkit.extract(corrupt(data, how, rng), time_budget=None)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        result = "document"
    except boilerkit.BoilerkitError as error:
        result = f"documented error ({type(error).__name__})"
    except Hang:
        result = f"HANG ({name})"
    except BaseException as error:  # counting every failure is the point
        result = f"UNEXPECTED {type(error).__name__}: {str(error)[:80]} ({name})"
    return how, result


def run_corrupt(
    pages: list[tuple[str, bytes]], workers: int, seed: int, hang: float
) -> Counter[tuple[str, str]]:
    jobs = [
        (name, data, how, seed, hang)
        for name, data in pages
        for how in ("truncated", "bytes flipped", "tags shuffled")
    ]
    counts: Counter[tuple[str, str]] = Counter()
    with SPAWN.Pool(workers, maxtasksperchild=200) as pool:
        results = pool.imap_unordered(corrupt_case, jobs)
        for _ in jobs:
            try:
                counts[results.next(timeout=hang * 3 + 120)] += 1
            except multiprocessing.TimeoutError:
                counts[("?", "CRASH (worker lost)")] += 1
                break
    return counts


# --- threads and determinism --------------------------------------------------------------


def outcome_digest(data: bytes) -> str:
    import boilerkit

    try:
        doc = boilerkit.extract(data, time_budget=None)
        blob = json.dumps(doc.to_dict(), sort_keys=True, ensure_ascii=False)
    except boilerkit.BoilerkitError as error:
        blob = f"ERROR {type(error).__name__}: {error}"
    digest = hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()
    return blob[:120] if blob.startswith("ERROR") else digest


def run_threads(pages: list[tuple[str, bytes]], workers: int) -> dict[str, Any]:
    datas = [data for _, data in pages]
    started = time.perf_counter()
    sequential = [outcome_digest(data) for data in datas]
    seq_time = time.perf_counter() - started
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(outcome_digest, datas))
    thread_time = time.perf_counter() - started
    again = [outcome_digest(data) for data in datas]
    with ProcessPoolExecutor(max_workers=workers, mp_context=SPAWN) as pool:
        processes = list(pool.map(outcome_digest, datas, chunksize=8))
    return {
        "pages": len(datas),
        "sequential_s": seq_time,
        "threads_s": thread_time,
        "thread_mismatches": sum(a != b for a, b in zip(sequential, threaded, strict=True)),
        "rerun_mismatches": sum(a != b for a, b in zip(sequential, again, strict=True)),
        "process_mismatches": sum(a != b for a, b in zip(sequential, processes, strict=True)),
        "errors": [result for result in sequential if result.startswith("ERROR")],
        "digest": hashlib.sha256("".join(sequential).encode()).hexdigest()[:16],
    }


# --- memory -------------------------------------------------------------------------------


def run_memory(pages: list[tuple[str, bytes]], total: int, warmup: int) -> dict[str, Any]:
    import boilerkit

    cycle = sorted((data for _, data in pages), key=len)[: max(1, len(pages) // 4)]
    samples: list[tuple[int, float]] = []
    started = time.perf_counter()
    for index in range(1, total + 1):
        with contextlib.suppress(boilerkit.BoilerkitError):
            boilerkit.extract(cycle[index % len(cycle)], time_budget=None)
        if index == warmup or (index > warmup and index % 500 == 0):
            samples.append((index, rss_mb()))
    after_warmup = samples[0][1]
    return {
        "extractions": total,
        "distinct_pages": len(cycle),
        "warmup": warmup,
        "seconds": time.perf_counter() - started,
        "samples": samples,
        "rss_after_warmup_mb": after_warmup,
        "rss_final_mb": samples[-1][1],
        "max_growth_mb": max(rss for _, rss in samples) - after_warmup,
    }


# --- report -------------------------------------------------------------------------------


def _sizes_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "| input | tool | wall time (s) | CPU time (s) | peak RSS (MB) | result |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        seconds = f"{row['seconds']:.1f}" if "seconds" in row else "-"
        peak = f"{row['peak_rss_mb']:.0f}" if "peak_rss_mb" in row else "-"
        cpu = f"{row['cpu_seconds']:.1f}" if "cpu_seconds" in row else "-"
        out.append(
            f"| {row['case']} | {row['tool']} | {seconds} | {cpu} | {peak} | {row['outcome']} |"
        )
    return out


def _corrupt_table(counts: list[list[Any]]) -> list[str]:
    out = ["| corruption | outcome | pages |", "| --- | --- | ---: |"]
    out += [f"| {how} | {result} | {n} |" for how, result, n in sorted(counts)]
    bad = sum(n for _, result, n in counts if result.startswith(("UNEXPECTED", "HANG", "CRASH")))
    out += [
        "",
        f"Crashes, hangs and unexpected exceptions: **{bad}** of {sum(n for *_, n in counts)}.",
    ]
    return out


def write_report(results: dict[str, Any], path: Path) -> None:
    lines = [
        "# Robustness benchmark",
        "",
        "Written by `python benchmarks/bench_robustness.py` (the guarantees behind it are in",
        "`docs/robustness.md`). Machine: 2 shared cores, 24 GB RAM, CPython"
        f" {sys.version.split()[0]}. Measured {results.get('when', '?')}.",
    ]
    if "sizes" in results:
        lines += [
            "",
            "## Pathological inputs (fresh process each; boilerkit with time_budget=None)",
            "",
            *_sizes_table(results["sizes"]),
        ]
    if "corrupt" in results:
        lines += [
            "",
            "## Corrupted corpora (seed "
            f"{results['corrupt_seed']}, hang limit {results['hang']:.0f} s)",
            "",
            *_corrupt_table(results["corrupt"]),
        ]
    if "threads" in results:
        t = results["threads"]
        lines += [
            "",
            "## Threads, processes, determinism",
            "",
            f"{t['pages']} pages. Sequential {t['sequential_s']:.0f} s, 8 threads"
            f" {t['threads_s']:.0f} s. Mismatches against the sequential run: 8 threads"
            f" **{t['thread_mismatches']}**, second sequential run **{t['rerun_mismatches']}**,"
            f" process pool (fresh interpreters, other hash seeds)"
            f" **{t['process_mismatches']}**. Digest of all results: `{t['digest']}`.",
            "",
            f"Pages refused with an error: {len(t.get('errors', []))}"
            + "".join(f"; {error}" for error in t.get("errors", [])),
        ]
    if "memory" in results:
        m = results["memory"]
        samples = ", ".join(
            f"{i}: {rss:.0f}" for i, rss in m["samples"][:: max(1, len(m["samples"]) // 10)]
        )
        lines += [
            "",
            "## Memory over consecutive extractions",
            "",
            f"{m['extractions']:,} extractions cycling over the {m['distinct_pages']} smallest"
            f" quarter of corpus pages in {m['seconds']:.0f} s. RSS after {m['warmup']}"
            f" warm-up extractions {m['rss_after_warmup_mb']:.1f} MB, final"
            f" {m['rss_final_mb']:.1f} MB, largest growth over warm-up"
            f" **{m['max_growth_mb']:.1f} MB**.",
            "",
            f"RSS (MB) by extraction: {samples}.",
        ]
    notes = REPO / "benchmarks" / "robustness_notes.md"
    if notes.exists():
        lines += ["", notes.read_text().strip()]
    path.write_text("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", action="append", choices=("sizes", "corrupt", "threads", "memory")
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--hang", type=float, default=60.0)
    parser.add_argument("--extractions", type=int, default=10_000)
    parser.add_argument("--size-timeout", type=float, default=600.0)
    parser.add_argument("--size-tools", default="boilerkit,trafilatura")
    parser.add_argument("--size-case-filter", help="only the size cases starting with this")
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the report from the stored results"
    )
    parser.add_argument("--size-case", help=argparse.SUPPRESS)
    parser.add_argument("--tool", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.size_case:
        print(json.dumps(one_size_case(args.size_case, args.tool)))
        return 0
    parts = [] if args.report_only else args.only or ["sizes", "corrupt", "threads", "memory"]
    RESULTS.mkdir(parents=True, exist_ok=True)
    store = RESULTS / "robustness.json"
    results: dict[str, Any] = json.loads(store.read_text()) if store.exists() else {}
    if parts:
        results["when"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    pages = load_pages() if {"corrupt", "threads", "memory"} & set(parts) else []
    if not pages and set(parts) - {"sizes"}:
        print(f"corpora not found under {DATASETS}: only the sizes part can run")
    if "sizes" in parts:
        tools = args.size_tools.split(",")
        cases = [case for case in SIZE_CASES if case.startswith(args.size_case_filter or "")]
        fresh = run_sizes(args.size_timeout, tools, cases)
        done = {(row["case"], row["tool"]) for row in fresh}
        kept = [row for row in results.get("sizes", []) if (row["case"], row["tool"]) not in done]
        order = list(SIZE_CASES)
        results["sizes"] = sorted(kept + fresh, key=lambda r: (order.index(r["case"]), r["tool"]))
    if "corrupt" in parts and pages:
        counts = run_corrupt(pages, args.workers, args.seed, args.hang)
        results["corrupt"] = [[how, result, n] for (how, result), n in counts.items()]
        results["corrupt_seed"], results["hang"] = args.seed, args.hang
    if "threads" in parts and pages:
        results["threads"] = run_threads(pages, args.workers)
    if "memory" in parts and pages:
        results["memory"] = run_memory(pages, args.extractions, warmup=1000)
    store.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    write_report(results, REPO / "docs" / "benchmarks-robustness.md")
    print((REPO / "docs" / "benchmarks-robustness.md").read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
