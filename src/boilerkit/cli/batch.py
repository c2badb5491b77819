"""Running a batch: each task through ``extract`` and a renderer, on a pool of processes.

Workers get tasks in small chunks and send back rendered strings (``Result``), never
``Document`` objects: a string pickles in microseconds, a document with its tree does not.
Results come back in input order through a bounded window of chunks in flight, so memory
stays flat however many pages a directory or WARC file holds. Anything a page makes go
wrong becomes that page's ``Result.error``; a worker process that dies takes only its
chunk down, and the pool is started afresh for the rest.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from ..api import explain, extract
from ..errors import BoilerkitError
from ..options import Options
from ..render import render_document, render_json
from .fetch import fetch
from .inputs import read_page
from .tasks import Failure, Task

CHUNK_SIZE = 4
"""Tasks per round trip to a worker: enough to amortize the pickling, small enough that a
crashed worker loses little and the last chunks still spread over every core."""
CHUNKS_PER_WORKER = 4
"""Chunks in flight per worker: keeps every worker busy while results wait to be written."""
PATIENCE_WITHOUT_BUDGET = 300.0
"""Seconds one page may take in a worker when ``Options.time_budget`` is None."""
GRACE_SECONDS = 60.0
"""Added to a chunk's worst case before its worker is taken for stuck (a busy machine)."""


@dataclass(frozen=True, slots=True)
class Job:
    """What to do with every task of a batch (sent to each worker once)."""

    fmt: str = "text"
    options: Options = field(default_factory=Options)
    explain: bool = False
    jsonl: bool = False
    with_markdown: bool = False
    timeout: float = 30.0


@dataclass(frozen=True, slots=True)
class Result:
    """One input's outcome: the rendered output, or why there is none."""

    name: str
    stem: str
    output: str | None = None
    error: str | None = None


def process(task: Task, job: Job) -> Result:
    """Extract and render one task; never raises (this is the command line's edge)."""
    try:
        return Result(task.name, task.stem, output=_render(task, job))
    except BoilerkitError as error:
        return Result(task.name, task.stem, error=str(error) or type(error).__name__)
    except MemoryError:
        return Result(task.name, task.stem, error="out of memory")
    except Exception as error:  # the CLI edge: one page's bug must not stop a batch
        return Result(
            task.name, task.stem, error=f"internal error ({type(error).__name__}: {error})"
        )


def _render(task: Task, job: Job) -> str:
    url, content_type = task.url, task.content_type
    if task.fetch_url is not None:
        fetched = fetch(task.fetch_url, timeout=job.timeout, max_bytes=job.options.max_bytes)
        data, url, content_type = fetched.data, fetched.url, fetched.content_type
    elif task.path is not None:
        data = read_page(task.path, job.options.max_bytes)
    else:
        data = task.data or b""
    if job.explain:
        explanation = explain(data, url=url, content_type=content_type, options=job.options)
        return explanation.to_html() if job.fmt == "html" else str(explanation)
    document = extract(data, url=url, content_type=content_type, options=job.options)
    if job.fmt != "json":
        return render_document(document, job.fmt, job.options, base_url=url)
    markdown = (
        render_document(document, "markdown", job.options, base_url=url)
        if job.with_markdown
        else None
    )
    extra = {"source": task.name, "fetched_at": task.fetched_at, **dict(task.extra)}
    return render_json(document, markdown=markdown, extra=extra, indent=None if job.jsonl else 2)


_JOB = Job()
"""The batch's job in a worker process (set once by ``_start_worker``)."""


def _start_worker(job: Job) -> None:
    global _JOB
    _JOB = job


def _process_chunk(chunk: list[Task]) -> list[Result]:
    return [process(task, _JOB) for task in chunk]


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_batch(items: Iterable[Task | Failure], job: Job, jobs: int) -> Iterator[Result]:
    """Every item's ``Result``, in input order, on ``jobs`` processes (1: in this one)."""
    if jobs <= 1:
        for item in items:
            yield _failed(item) if isinstance(item, Failure) else process(item, job)
        return
    yield from _Pool(job, jobs).run(items)


def _failed(failure: Failure) -> Result:
    return Result(failure.name, "", error=failure.reason)


def _chunks(items: Iterable[Task | Failure]) -> Iterator[list[Task] | Failure]:
    chunk: list[Task] = []
    for item in items:
        if isinstance(item, Failure):
            if chunk:
                yield chunk
                chunk = []
            yield item
            continue
        chunk.append(item)
        if len(chunk) >= CHUNK_SIZE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass(slots=True)
class _Entry:
    """A chunk (or a failed input) in the window, and its future once submitted."""

    work: list[Task] | Failure
    future: Future[list[Result]] | None = None
    suspect: bool = False
    """In flight when a worker died: run alone until it is cleared or found guilty."""


class _Pool:
    """A process pool fed through a bounded window of chunks, restarted if a worker dies.

    When a worker dies, every chunk in flight fails with it and nobody knows which one
    killed it; those chunks are then run again one at a time, so the one that kills its
    worker again is the one reported, and the others come out fine. A chunk that does not
    finish in time is the oldest one, so its worker is stuck on it: it fails at once.
    """

    def __init__(self, job: Job, jobs: int) -> None:
        self.job = job
        self.jobs = jobs
        self.window: deque[_Entry] = deque()
        self.executor = self._start()
        budget = job.options.time_budget or PATIENCE_WITHOUT_BUDGET
        self.patience = 2 * CHUNK_SIZE * (budget + job.timeout) + GRACE_SECONDS
        """How long to wait for the oldest chunk: twice its worst case (every page at its
        time budget, after a fetch at its timeout), and a grace period."""

    def _start(self) -> ProcessPoolExecutor:
        # fork: workers inherit the imported library instead of importing it again.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        return ProcessPoolExecutor(
            self.jobs, mp_context=context, initializer=_start_worker, initargs=(self.job,)
        )

    def run(self, items: Iterable[Task | Failure]) -> Iterator[Result]:
        finished = False
        try:
            for work in _chunks(items):
                self.window.append(_Entry(work))
                self._submit()
                while len(self.window) >= self.jobs * CHUNKS_PER_WORKER:
                    yield from self._next()
            while self.window:
                yield from self._next()
            finished = True
        finally:
            self.executor.shutdown(wait=finished, cancel_futures=True)

    def _submit(self) -> None:
        """Send waiting chunks to the pool: all of them, or only the oldest while suspects
        remain (so that a worker that dies again tells which chunk killed it)."""
        alone = any(entry.suspect for entry in self.window)
        for entry in list(self.window)[:1] if alone else self.window:
            if entry.future is None and not isinstance(entry.work, Failure):
                entry.future = self.executor.submit(_process_chunk, entry.work)

    def _next(self) -> list[Result]:
        self._submit()
        head = self.window[0]
        if isinstance(head.work, Failure):
            self.window.popleft()
            return [_failed(head.work)]
        assert head.future is not None
        try:
            results = head.future.result(timeout=self.patience)
        except BrokenProcessPool:
            self._restart()
            if not head.suspect:
                for entry in self.window:
                    entry.suspect = True
                return []
            reason = "worker process died on this page (crash or out of memory)"
        except TimeoutError:
            self._restart()
            reason = f"no result after {self.patience:g} s (worker stuck): stopped"
        else:
            self.window.popleft()
            return results
        self.window.popleft()
        return [Result(task.name, task.stem, error=reason) for task in head.work]

    def _restart(self) -> None:
        """Kill every worker (one may be stuck in a loop) and start a new pool."""
        processes = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()  # ProcessPoolExecutor has no public way to stop a busy worker
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        for entry in self.window:
            entry.future = None  # lost with the old pool: submitted again
