"""The process pool a batch runs on: isolation, input order, and memory bounded by bytes.

Workers get tasks in small chunks and send back rendered strings (``Result``), never
``Document`` objects: a string pickles in microseconds, a document with its tree does not.
Results come back in input order through a window of chunks in flight, bounded both in
chunks and in the page bytes they carry, so memory stays flat however many pages a
directory or WARC file holds and however large they are once decompressed.

The workers' memory is bounded by bytes too: a chunk weighs its pages' decompressed size
times ``Weights.memory.page_expansion``, and is sent only when the chunks sent before it
(running, or done and waiting to be written) leave room for it in
``Weights.memory.batch_bytes``; a chunk heavier than the whole budget runs alone. So a
WARC of 60 MB decompression bombs is extracted one bomb at a time, however many workers,
while ordinary pages fill every worker. A worker whose RSS grew past
``Weights.memory.trim_after_bytes`` gives its freed heap back to the system before its
next page, so the arenas a big page left behind do not add up over the pool.

The pool is the hard guarantee behind every limit inside the library: a page that crashes
its worker (a segfault, the OOM killer) or hangs it (a loop in C code that no time budget
can interrupt) is killed with its worker and reported, and every other page still comes
out. A worker notes in shared memory which page of its chunk it began and when, so a page
that holds its worker past its patience is known and killed then, not after the whole
chunk's worst case; the other pages of its chunk run again. Which page killed a worker is
found by running the chunks that were in flight again, each alone and then page by page,
so the guilty page is the only one that fails.
"""

from __future__ import annotations

import ctypes
import gc
import mmap
import multiprocessing
import os
import stat
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from .. import pipeline
from . import batch
from .batch import Job, Result
from .gzipped import MAGIC
from .tasks import Failure, Task

CHUNK_SIZE = 4
"""Tasks per round trip to a worker: enough to amortize the pickling, small enough that a
crashed worker loses little and the last chunks still spread over every core."""
CHUNK_BYTES = 4 * 1024 * 1024
"""A chunk also closes once its pages' bytes reach this: big pages travel alone."""
CHUNKS_PER_WORKER = 4
"""Chunks in flight per worker: keeps every worker busy while results wait to be written."""
INFLIGHT_BYTES = 32 * 1024 * 1024
"""Page bytes (WARC records and stdin, decompressed) the parent holds for chunks sent or
waiting. No new chunk is taken in while the window holds this much, so the parent holds
one 60 MB decompression bomb at a time. 32 MiB is still over 300 ordinary 100 kB pages,
five times what the window's chunk count lets in at ``-j 4``."""
PATIENCE_WITHOUT_BUDGET = 300.0
"""Seconds one page may take in a worker when ``Options.time_budget`` is None."""
BUDGET_SLACK = 2.0
"""A page is given this many times its time budget (the library promises 1.5x + 0.5 s)."""
GRACE_SECONDS = 60.0
"""Added to a page's worst case before its worker is taken for stuck (a busy machine)."""
POLL_SECONDS = 0.5
"""How often the parent looks at the page the oldest chunk's worker is on."""
WORKER_GC_THRESHOLD = 20_000
"""A worker's collector runs after this many more container objects were made than freed
(Python's default: 700). An extraction frees nearly all it makes as it goes, so the young
collections found little and cost 0.07 ms a page (1%); at 20,000 none runs on 300
trafilatura-eval pages, and the resident size is the same."""


def run_batch(
    items: Iterable[Task | Failure], job: Job, jobs: int, *, isolate: bool = True
) -> Iterator[Result]:
    """Every item's ``Result``, in input order: on a pool of ``jobs`` worker processes, or
    in this process when not ``isolate`` (one input: nothing beside it to protect)."""
    if not isolate:
        for item in items:
            yield batch.failed(item) if isinstance(item, Failure) else batch.process(item, job)
        return
    yield from Pool(job, jobs).run(items)


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
        del item  # not alive here while the next page is read (the chunk holds it)
        if len(chunk) >= CHUNK_SIZE or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def task_bytes(task: Task) -> int:
    """The bytes a task holds in this process (files and URLs are read by the worker)."""
    return len(task.data) if task.data is not None else 0


def page_bytes(task: Task) -> int:
    """The bytes a task's page will be in its worker, decompressed, as far as known here:
    its data; a file's size, or a gzip file's own record of its decompressed size when
    larger (a liar still stops at ``max_bytes``); nothing for a URL (its body is capped)."""
    if task.data is not None:
        return len(task.data)
    if task.path is None:
        return 0
    try:
        if not stat.S_ISREG(os.stat(task.path).st_mode):
            return 0  # refused by the worker, never opened (a device may act on an open)
        fd = os.open(task.path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return 0  # reported by the worker
    try:
        size = os.fstat(fd).st_size
        if size < 18 or os.pread(fd, len(MAGIC), 0) != MAGIC:
            return size
        trailer = os.pread(fd, 4, size - 4)  # ISIZE: the size mod 2**32
        return max(size, int.from_bytes(trailer, "little"))
    except OSError:
        return 0
    finally:
        os.close(fd)


@dataclass(slots=True)
class _Entry:
    """A chunk (or a failed input) in the window, and its future once submitted."""

    work: list[Task] | Failure
    size: int = 0
    """Page bytes this process holds for it (``task_bytes``)."""
    cost: int = 0
    """What its pages weigh in the workers' budget (``page_bytes`` x the expansion)."""
    future: Future[list[Result]] | None = None
    slot: int | None = None
    """Where its worker notes its progress in ``_Clocks`` (while submitted)."""
    suspect: bool = False
    """In flight when a worker died: run alone until it is cleared or found guilty."""


@dataclass(frozen=True, slots=True)
class _Stuck:
    """A chunk's worker held one page too long: which (None if it never began), and how long."""

    index: int | None
    seconds: float


class _Clocks:
    """Which page of its chunk each worker began, and when: memory the workers write and
    the parent reads (anonymous shared pages, inherited by the forked workers: no file to
    create, so nothing that a full ``/dev/shm`` or a file size limit can refuse). One slot
    per chunk submitted; slots are taken in window order and all given back when the pool
    restarts, so the oldest chunk always has one. Without fork the workers cannot write
    here, and a stuck page is found by its chunk's patience instead."""

    def __init__(self, size: int) -> None:
        self._pages = mmap.mmap(-1, size * (ctypes.sizeof(ctypes.c_double) + 4))
        self.started = (ctypes.c_double * size).from_buffer(self._pages)
        offset = size * ctypes.sizeof(ctypes.c_double)
        self.position = (ctypes.c_int32 * size).from_buffer(self._pages, offset)
        self.free = list(range(size - 1, -1, -1))

    def take(self) -> int | None:
        if not self.free:
            return None
        slot = self.free.pop()
        self.started[slot] = 0.0
        return slot

    def give_back(self, slot: int | None) -> None:
        if slot is not None:
            self.free.append(slot)


_SHARED: tuple[Any, Any] | None = None
"""A worker process's view of ``_Clocks`` (its arrays, set by ``_start_worker``)."""
_TRIM_ABOVE = 0
"""RSS in bytes past which a worker trims its heap after a page (set by ``_start_worker``)."""


def _preload(job: Job) -> None:
    """``pipeline.preload`` with the collector off: what it builds lives as long as the
    process, so collections while it is built find nothing (0.03 CPU s at every start,
    a full one of 14 ms among them, before any worker can begin)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        pipeline.preload(job.options)
    finally:
        if enabled:
            gc.enable()


def _start_worker(job: Job, started: Any, position: Any) -> None:
    global _SHARED, _TRIM_ABOVE
    batch.start_worker(job)
    gc.set_threshold(WORKER_GC_THRESHOLD)
    _SHARED = (started, position) if started is not None else None
    _TRIM_ABOVE = _rss() + job.options.weights.memory.trim_after_bytes


def _rss() -> int:
    """This process's resident set in bytes (0 where ``/proc`` is missing)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * mmap.PAGESIZE
    except (OSError, IndexError, ValueError):
        return 0


def _load_trim() -> Any:
    """glibc's ``malloc_trim``, or None (another C library: nothing to trim).

    Looked up among the symbols this process has loaded already (Python's own C library):
    ``ctypes.util.find_library`` runs ``ldconfig -p`` in a subprocess, 3-6 ms at every
    start of the command line."""
    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except OSError:
        return None


_MALLOC_TRIM = _load_trim()


def _trim() -> None:
    """Give freed heap back to the system once a big page has left this worker large:
    glibc keeps the arenas a tree of small nodes was freed into, and four workers each
    keeping their last big page's would add up to what the budget was meant to prevent."""
    if _MALLOC_TRIM is not None and _TRIM_ABOVE and _rss() > _TRIM_ABOVE:
        _MALLOC_TRIM(0)


def _run_chunk(chunk: list[Task], slot: int) -> list[Result]:
    results = []
    for index, task in enumerate(chunk):
        if _SHARED is not None:
            started, position = _SHARED
            position[slot] = index
            started[slot] = time.monotonic()  # one clock for every process on the machine
        results.append(batch.process(task, batch.worker_job()))
        _trim()
    return results


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
        memory = job.options.weights.memory
        self.expansion, self.budget = memory.page_expansion, memory.batch_bytes
        self.reserved = 0
        """What the chunks sent and not yet written weigh (their ``cost``)."""
        methods = multiprocessing.get_all_start_methods()
        # fork: workers inherit the imported library instead of importing it again.
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.clocks = _Clocks(2 * jobs * CHUNKS_PER_WORKER + 4 * CHUNK_SIZE)
        self.shared = self.context.get_start_method() == "fork"
        if self.shared:
            _preload(job)  # once here, not once per worker
        self.executor = self._start()
        budget = job.options.time_budget or PATIENCE_WITHOUT_BUDGET
        self.page_patience = BUDGET_SLACK * budget + 1.0
        """How long one page may take in a worker: its time budget with slack (the
        fetch's deadline is added for a URL)."""

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(
            self.jobs,
            mp_context=self.context,
            initializer=_start_worker,
            initargs=(
                self.job,
                *((self.clocks.started, self.clocks.position) if self.shared else (None, None)),
            ),
        )
        # Fork the workers now, before this process holds any page: a worker forked later
        # starts with a copy of every page in the window resident in it.
        executor.submit(int)
        return executor

    def _entry(self, work: list[Task] | Failure, *, suspect: bool = False) -> _Entry:
        """A window entry for ``work``, weighed, and counted in the window's bytes."""
        if isinstance(work, Failure):
            return _Entry(work)
        size = sum(map(task_bytes, work))
        cost = int(sum(map(page_bytes, work)) * self.expansion)
        self.window_bytes += size
        return _Entry(work, size, cost, suspect=suspect)

    def run(self, items: Iterable[Task | Failure]) -> Iterator[Result]:
        finished = False
        try:
            for work in chunks(items):
                self.window.append(self._entry(work))
                del work  # the window holds it, and lets it go once written
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

    def _patience(self, task: Task) -> float:
        """How long a page may hold its worker: its worst case, and a grace period."""
        fetch = self.job.timeout if task.fetch_url is not None else 0.0
        return self.page_patience + fetch + GRACE_SECONDS

    def _submit(self) -> None:
        """Send waiting chunks to the pool, in order, while the budget has room for them
        (a chunk heavier than the whole budget goes when nothing else is out): all of
        them, or only the oldest while suspects remain (so that a worker that dies again
        tells which chunk killed it)."""
        alone = any(entry.suspect for entry in self.window)
        for entry in list(self.window)[:1] if alone else self.window:
            if entry.future is None and not isinstance(entry.work, Failure):
                if self.reserved and self.reserved + entry.cost > self.budget:
                    return  # it waits for room, and the rest behind it: order is kept
                entry.slot = self.clocks.take()
                if entry.slot is None:
                    return  # the rest wait for a slot
                entry.future = self.executor.submit(_run_chunk, entry.work, entry.slot)
                self.reserved += entry.cost
                if entry.size >= CHUNK_BYTES:
                    # The queue's feeder thread keeps the last message it pickled until it
                    # sends another: a no-op after a big chunk lets its copy go.
                    self.executor.submit(int)

    def _next(self) -> list[Result]:
        self._submit()
        head = self.window[0]
        if isinstance(head.work, Failure):
            self._pop()
            return [batch.failed(head.work)]
        try:
            outcome = self._wait(head)
        except BrokenProcessPool:
            self._restart()
            if not head.suspect:
                for entry in self.window:
                    entry.suspect = True
                return []
            return self._guilty(head, "worker process died on this page (crash or out of memory)")
        if isinstance(outcome, list):
            self._pop()
            return outcome
        self._restart()
        reason = f"no result after {outcome.seconds:g} s (worker stuck on this page): stopped"
        if outcome.index is None:
            return self._guilty(head, reason)
        return self._stuck(head, outcome.index, reason)

    def _wait(self, head: _Entry) -> list[Result] | _Stuck:
        """The head chunk's results, or which of its pages holds its worker too long."""
        assert head.future is not None and head.slot is not None
        assert not isinstance(head.work, Failure)
        waiting = time.monotonic()
        while True:
            try:
                return head.future.result(timeout=POLL_SECONDS)
            except TimeoutError:
                pass
            now, started = time.monotonic(), self.clocks.started[head.slot]
            if started:
                index = self.clocks.position[head.slot]
                patience = self._patience(head.work[index])
                if now - started > patience:
                    return _Stuck(index, patience)
            else:  # never began: a worker that cannot even start
                patience = sum(map(self._patience, head.work))
                if now - waiting > patience:
                    return _Stuck(None, patience)

    def _stuck(self, head: _Entry, index: int, reason: str) -> list[Result]:
        """Fail the page that held its worker; run the rest of its chunk again."""
        assert not isinstance(head.work, Failure)
        self._pop()
        before, page, after = head.work[:index], head.work[index], head.work[index + 1 :]
        parts: list[list[Task] | Failure] = [before, Failure(page.name, reason), after]
        for work in reversed(parts):
            if work:
                self.window.appendleft(self._entry(work))
        return []

    def _guilty(self, head: _Entry, reason: str) -> list[Result]:
        """Report a chunk that killed or held its worker, or split it to find the page."""
        assert not isinstance(head.work, Failure)
        self._pop()
        if len(head.work) == 1:
            task = head.work[0]
            return [Result(task.name, task.stem, error=reason)]
        for task in reversed(head.work):
            self.window.appendleft(self._entry([task], suspect=True))
        return []

    def _pop(self) -> None:
        entry = self.window.popleft()
        self.window_bytes -= entry.size
        if entry.future is not None:
            self.reserved -= entry.cost
        self.clocks.give_back(entry.slot)

    def _restart(self) -> None:
        """Kill every worker (one may be stuck in a loop) and start a new pool."""
        self._kill_workers()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        self.reserved = 0
        for entry in self.window:
            self.clocks.give_back(entry.slot)
            entry.future, entry.slot = None, None  # lost with the old pool: submitted again

    def _kill_workers(self) -> None:
        processes = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()  # ProcessPoolExecutor has no public way to stop a busy worker
        # A worker killed while it wrote a result leaves half a message in the result pipe;
        # the pool's manager thread then waits for the rest forever, and the interpreter's
        # exit waits for that thread. With this process's own write end closed as well,
        # the dead workers' ends are the last: the thread reads an end of file instead.
        writer = getattr(getattr(self.executor, "_result_queue", None), "_writer", None)
        if writer is not None:
            writer.close()
