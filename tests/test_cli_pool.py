"""The worker pool: in-flight work is bounded by the bytes it holds, not by task count."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_cli import page

from boilerkit.cli import pool
from boilerkit.cli.batch import Job
from boilerkit.cli.pool import run_batch
from boilerkit.cli.tasks import Task

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
