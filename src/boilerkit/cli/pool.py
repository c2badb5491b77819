"""The process pool a batch runs on: isolation, input order, and memory bounded by bytes.

Workers get tasks in small chunks and send back rendered strings (``Result``), never
``Document`` objects: a string pickles in microseconds, a document with its tree does not.
Results come back in input order through a window of chunks in flight, bounded both in
chunks and in the page bytes they carry, so memory stays flat however many pages a
directory or WARC file holds and however large they are once decompressed.

The pool is the hard guarantee behind every limit inside the library: a page that crashes
its worker (a segfault, the OOM killer) or hangs it (a loop in C code that no time budget
can interrupt) is killed with its worker and reported, and every other page still comes
out. Which page it was is found by running the chunks that were in flight again, each
alone and then page by page, so the guilty page is the only one that fails.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from . import batch
from .batch import Job, Result
from .tasks import Failure, Task

CHUNK_SIZE = 4
"""Tasks per round trip to a worker: enough to amortize the pickling, small enough that a
crashed worker loses little and the last chunks still spread over every core."""
CHUNK_BYTES = 4 * 1024 * 1024
"""A chunk also closes once its pages' bytes reach this: big pages travel alone."""
CHUNKS_PER_WORKER = 4
"""Chunks in flight per worker: keeps every worker busy while results wait to be written."""
INFLIGHT_BYTES = 128 * 1024 * 1024
"""Page bytes (WARC records and stdin, decompressed) the parent holds for chunks sent or
waiting. No new chunk is taken in while the window holds this much, so the parent stays
flat even on a WARC of 60 MB decompression bombs; its peak is about twice this (a chunk's
pickled copy on its way to a worker) plus one record being read. 128 MiB still holds
over a thousand ordinary pages, far more than the workers can take at once."""
PATIENCE_WITHOUT_BUDGET = 300.0
"""Seconds one page may take in a worker when ``Options.time_budget`` is None."""
BUDGET_SLACK = 2.0
"""A page is given this many times its time budget (the library promises 1.5x + 0.5 s)."""
GRACE_SECONDS = 60.0
"""Added to a chunk's worst case before its worker is taken for stuck (a busy machine)."""


def chunks(items: Iterable[Task | Failure]) -> Iterator[list[Task] | Failure]:
    """Tasks grouped by ``CHUNK_SIZE`` or ``CHUNK_BYTES``; failures alone, in order."""
    chunk: list[Task] = []
    size = 0
    for item in items:
        if isinstance(item, Failure):
            if chunk:
                yield chunk
                chunk, size = [], 0
            yield item
            continue
        chunk.append(item)
        size += task_bytes(item)
        if len(chunk) >= CHUNK_SIZE or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def task_bytes(task: Task) -> int:
    """The bytes a task holds in this process (files and URLs are read by the worker)."""
    return len(task.data) if task.data is not None else 0


@dataclass(slots=True)
class _Entry:
    """A chunk (or a failed input) in the window, and its future once submitted."""

    work: list[Task] | Failure
    size: int = 0
    future: Future[list[Result]] | None = None
    suspect: bool = False
    """In flight when a worker died: run alone until it is cleared or found guilty."""


class Pool:
    """A process pool fed through a bounded window of chunks, restarted if a worker dies.

    When a worker dies, every chunk in flight fails with it and nobody knows which one
    killed it; those chunks are then run again one at a time, so the one that kills its
    worker again is guilty; a guilty chunk of several pages is split and its pages run
    alone the same way, so only the page that kills its worker is reported. A chunk that
    does not finish in time is the oldest one, so its worker is stuck on it: the same.
    """

    def __init__(self, job: Job, jobs: int) -> None:
        self.job = job
        self.jobs = jobs
        self.window: deque[_Entry] = deque()
        self.window_bytes = 0
        self.executor = self._start()
        budget = job.options.time_budget or PATIENCE_WITHOUT_BUDGET
        self.page_patience = BUDGET_SLACK * budget + 1.0
        """How long one page may take in a worker: its time budget with slack (the
        fetch's deadline is added for a URL)."""

    def _start(self) -> ProcessPoolExecutor:
        # fork: workers inherit the imported library instead of importing it again.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        return ProcessPoolExecutor(
            self.jobs,
            mp_context=context,
            initializer=batch.start_worker,
            initargs=(self.job,),
        )

    def run(self, items: Iterable[Task | Failure]) -> Iterator[Result]:
        finished = False
        try:
            for work in chunks(items):
                size = 0 if isinstance(work, Failure) else sum(map(task_bytes, work))
                self.window.append(_Entry(work, size))
                self.window_bytes += size
                self._submit()
                while self.window and self._full():
                    yield from self._next()
            while self.window:
                yield from self._next()
            finished = True
        finally:
            if not finished:  # interrupted, or the reader went away: stop the workers now
                self._kill_workers()
            self.executor.shutdown(wait=finished, cancel_futures=True)

    def _full(self) -> bool:
        return (
            len(self.window) >= self.jobs * CHUNKS_PER_WORKER or self.window_bytes >= INFLIGHT_BYTES
        )

    def _patience(self, work: list[Task]) -> float:
        """How long to wait for a chunk: every page at its worst case, and a grace period."""
        fetches = sum(task.fetch_url is not None for task in work)
        return len(work) * self.page_patience + fetches * self.job.timeout + GRACE_SECONDS

    def _submit(self) -> None:
        """Send waiting chunks to the pool: all of them, or only the oldest while suspects
        remain (so that a worker that dies again tells which chunk killed it)."""
        alone = any(entry.suspect for entry in self.window)
        for entry in list(self.window)[:1] if alone else self.window:
            if entry.future is None and not isinstance(entry.work, Failure):
                entry.future = self.executor.submit(batch.process_chunk, entry.work)

    def _next(self) -> list[Result]:
        self._submit()
        head = self.window[0]
        if isinstance(head.work, Failure):
            self._pop()
            return [batch.failed(head.work)]
        assert head.future is not None
        patience = self._patience(head.work)
        try:
            results = head.future.result(timeout=patience)
        except BrokenProcessPool:
            self._restart()
            if not head.suspect:
                for entry in self.window:
                    entry.suspect = True
                return []
            reason = "worker process died on this page (crash or out of memory): stopped"
        except TimeoutError:
            self._restart()
            reason = f"no result after {patience:g} s (worker stuck on this page): stopped"
        else:
            self._pop()
            return results
        return self._guilty(head, reason)

    def _guilty(self, head: _Entry, reason: str) -> list[Result]:
        """Report a chunk that killed or held its worker, or split it to find the page."""
        assert not isinstance(head.work, Failure)
        self._pop()
        if len(head.work) == 1:
            task = head.work[0]
            return [Result(task.name, task.stem, error=reason)]
        for task in reversed(head.work):
            self.window.appendleft(_Entry([task], task_bytes(task), suspect=True))
            self.window_bytes += task_bytes(task)
        return []

    def _pop(self) -> None:
        self.window_bytes -= self.window.popleft().size

    def _restart(self) -> None:
        """Kill every worker (one may be stuck in a loop) and start a new pool."""
        self._kill_workers()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        for entry in self.window:
            entry.future = None  # lost with the old pool: submitted again

    def _kill_workers(self) -> None:
        processes = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()  # ProcessPoolExecutor has no public way to stop a busy worker
