"""The worker pool: in-flight work, and the workers' memory, bounded by bytes, not task count."""

from __future__ import annotations

import dataclasses
import gzip
import itertools
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import page

from boilerkit import Options
from boilerkit.cli import batch, pool
from boilerkit.cli.batch import Job, Result
from boilerkit.cli.pool import run_batch
from boilerkit.cli.tasks import Task
from boilerkit.weights import MemoryWeights, Weights

PAGE_BYTES = 100_000


def test_in_flight_work_is_bounded_by_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    budget, chunk_bytes = 3 * PAGE_BYTES, PAGE_BYTES + PAGE_BYTES // 2
    monkeypatch.setattr(pool, "INFLIGHT_BYTES", budget)
    monkeypatch.setattr(pool, "CHUNK_BYTES", chunk_bytes)
    pulled = 0

    def tasks() -> Iterator[Task]:
        nonlocal pulled
        for n in range(20):
            data = page(f"Page{n:02d}")
            data += b"<!--" + b"x" * (PAGE_BYTES - len(data) - 7) + b"-->"
            pulled += len(data)
            yield Task(f"page{n:02d}", f"page{n:02d}", data=data)

    names, most_held = [], 0
    for result in run_batch(tasks(), Job(fmt="json", jsonl=True), 2):
        assert result.error is None, result.error
        names.append(result.name)
        most_held = max(most_held, pulled - PAGE_BYTES * len(names))
    assert names == [f"page{n:02d}" for n in range(20)]
    # The window may pass its budget by one chunk; one more chunk is being filled and one
    # page was just read. By task count alone (2 jobs x 4 chunks x 2 pages) it is 16 pages.
    assert most_held <= budget + 2 * chunk_bytes + 2 * PAGE_BYTES


def test_big_pages_travel_in_chunks_of_their_own() -> None:
    small = Task("small", "small", data=b"x" * 10)
    big = Task("big", "big", data=b"x" * pool.CHUNK_BYTES)
    chunks = list(pool.chunks([small, big, small, small]))
    assert [[task.name for task in chunk] for chunk in chunks] == [  # type: ignore[union-attr]
        ["small", "big"],
        ["small", "small"],
    ]


def _timed_batch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, batch_bytes: int, pages: int = 6
) -> list[tuple[float, float]]:
    """Run ``pages`` pages of 1 kB, each alone in its chunk, on 3 workers with a memory
    budget of ``batch_bytes``; each worker notes when it began and ended each page."""
    log = tmp_path / "times"
    real_process = batch.process

    def process(task: Task, job: Job) -> Result:  # runs in the forked workers
        began = time.monotonic()
        time.sleep(0.3)
        result = real_process(task, job)
        with open(log, "a") as notes:
            notes.write(f"{began} {time.monotonic()}\n")
        return result

    monkeypatch.setattr(batch, "process", process)
    monkeypatch.setattr(pool, "CHUNK_SIZE", 1)
    memory = dataclasses.replace(MemoryWeights(), batch_bytes=batch_bytes)
    options = Options(weights=dataclasses.replace(Weights(), memory=memory))
    tasks = [Task(f"p{n}", f"p{n}", data=page(f"P{n}").ljust(1000)) for n in range(pages)]
    results = list(run_batch(tasks, Job(options=options), 3))
    assert [result.name for result in results] == [task.name for task in tasks]
    assert all(result.error is None for result in results)
    return [tuple(map(float, line.split())) for line in log.read_text().splitlines()]  # type: ignore[misc]


def _overlaps(spans: list[tuple[float, float]]) -> int:
    spans = sorted(spans)
    return sum(later[0] < earlier[1] for earlier, later in itertools.pairwise(spans))


def test_pages_heavier_than_the_budget_run_one_at_a_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """1 kB x the expansion (16) is over a 10 kB budget: each page runs alone, however many
    workers wait (four workers must not hold four 60 MB pages at once)."""
    spans = _timed_batch(monkeypatch, tmp_path, batch_bytes=10_000)
    assert len(spans) == 6
    assert _overlaps(spans) == 0


def test_pages_within_the_budget_share_the_workers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The same pages under a budget that holds three of them run side by side: the budget
    serializes only what is heavy (the test above is not passing by accident)."""
    spans = _timed_batch(monkeypatch, tmp_path, batch_bytes=50_000)
    assert len(spans) == 6
    assert _overlaps(spans) >= 2


def test_a_page_weighs_its_decompressed_bytes(tmp_path: Path) -> None:
    """Data by its length, a file by its size, a gzip file by the size its trailer records
    (a 60 MB bomb is 60 kB on disk), a URL or a FIFO as nothing (never opened blocking)."""
    plain, packed, fifo = tmp_path / "a.html", tmp_path / "b.html.gz", tmp_path / "c.html"
    plain.write_bytes(b"x" * 5000)
    packed.write_bytes(gzip.compress(b"x" * 3_000_000))
    os.mkfifo(fifo)
    assert pool.page_bytes(Task("d", "d", data=b"x" * 7)) == 7
    assert pool.page_bytes(Task("a", "a", path=str(plain))) == 5000
    assert pool.page_bytes(Task("b", "b", path=str(packed))) == 3_000_000
    assert pool.page_bytes(Task("c", "c", path=str(fifo))) == 0
    assert pool.page_bytes(Task("u", "u", fetch_url="https://example.com/")) == 0
    assert pool.page_bytes(Task("m", "m", path=str(tmp_path / "missing"))) == 0


def test_preload_builds_the_lazy_tables_before_the_workers_fork() -> None:
    """What ``Pool`` loads in the parent, so that forked workers share it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from boilerkit import pipeline\n"
        "from boilerkit.encoding import bigrams, text_stats\n"
        "from boilerkit.options import Options\n"
        "pipeline.preload(Options(fallback=False))\n"
        "print('trafilatura' in sys.modules)\n"
        "pipeline.preload(Options())\n"
        "print(text_stats.cjk_tiers.cache_info().currsize, bigrams._frequencies.cache_info()"
        ".currsize, 'trafilatura' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split("\n")[:2] == ["False", "1 1 True"], done.stderr


def test_workers_collect_rarely_and_the_parent_keeps_its_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Workers run with ``WORKER_GC_THRESHOLD`` (forked after this patch, they report it
    through it); the parent's collector is on again after its preload, at its threshold."""
    import gc

    before = gc.get_threshold()

    def report(task: Task, job: Job) -> Result:
        return Result(task.name, task.stem, output=str(gc.get_threshold()[0]).encode())

    monkeypatch.setattr(batch, "process", report)
    tasks = [Task(f"p{n}", f"p{n}", data=b"<p>x</p>") for n in range(3)]
    results = list(run_batch(tasks, Job(), 2))
    assert [r.output for r in results] == [str(pool.WORKER_GC_THRESHOLD).encode()] * 3
    assert gc.isenabled() and gc.get_threshold() == before
