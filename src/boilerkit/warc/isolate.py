"""Layer 3 of the fault isolation: records are extracted in a forked child process.

Layers 1 and 2 (a ``try`` around each record, boilerkit's cooperative ``time_budget``)
cannot stop everything: a segfault in a C extension kills the interpreter that runs it, and
a hang inside one C call never returns to Python, so no check or ``SIGALRM`` handler ever
runs. Measured in a prototype: without a child, such a record hangs a Spark job or fails
it; with one, each becomes an error row.

So the caller's process (a Spark task, a Ray worker) forks a child that extracts the
records it is sent, one at a time, and waits for each row with a hard timeout, about twice
the time budget. If the child dies or the timeout passes, the record it held gets an error
row, the child is killed and reaped, and a new child is forked for the records after it.
The next record is read from the WARC file while the child extracts the current one, so the
parent's reading costs no wall time; the round trips cost 5-15 % CPU against extracting in
the same process (the prototype's figure).

The child only extracts: it never touches the parent's files or sockets, and leaves with
``os._exit`` so that nothing of the parent (atexit hooks, buffered output) runs twice.
Fork is used rather than spawn because the child then starts with boilerkit imported, in
microseconds instead of about a second, which also makes a restart after a crash cheap.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from typing import Final, NoReturn

from ..api import extract
from ..options import Options
from .errors import WorkerCrashedError, WorkerError, WorkerTimeoutError, describe
from .extract import ExtractedRecord, Extractor, extract_record, failed
from .records import WarcRecord

HARD_TIMEOUT_FACTOR: Final = 2.0
"""The hard timeout, in units of ``Options.time_budget``. The budget is cooperative and a
page may overrun it by one C-level step (bounded by ``max_bytes``), so a page still going
at twice its budget is stuck in C code, not slow."""
TIMEOUT_WITHOUT_BUDGET: Final = 600.0
"""Seconds the child may take on one record when ``Options.time_budget`` is None."""
WARM_UP_PAGE: Final = (
    b"<html><head><title>Warm-up</title></head><body><p>Warm up.</p></body></html>"
)
"""Extracted once in the parent before forking (see ``_warm_up``)."""


def hard_timeout(options: Options) -> float:
    """How long the child may take on one record before it is killed."""
    if options.time_budget is None:
        return TIMEOUT_WITHOUT_BUDGET
    return HARD_TIMEOUT_FACTOR * options.time_budget


class Isolated:
    """Extracts records in a child process, and survives the child's death or hang.

    The child outlives a ``run``: a long-lived caller (a Spark Python worker, which runs
    task after task) keeps one warm child for all of them, as the command line's pool
    keeps its workers. ``close`` (or leaving a ``with`` block) ends it; if the caller dies
    first, the child reads the end of its pipe and leaves.
    """

    def __init__(
        self, options: Options, extractor: Extractor, timeout: float | None = None
    ) -> None:
        self.options = options
        self.extractor = extractor
        self.timeout = timeout if timeout is not None else hard_timeout(options)
        self._child: _Child | None = None

    def __enter__(self) -> Isolated:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """End the child, if there is one."""
        if self._child is not None:
            self._child.stop()
            self._child = None

    def run(self, records: Iterable[WarcRecord]) -> Iterator[ExtractedRecord]:
        """One row per record, in order."""
        _warm_up()
        iterator = iter(records)
        busy = False  # the child holds a record: if this stops now, the child must go
        try:
            record = next(iterator, None)
            while record is not None:
                if record.error is not None:  # a damaged record: nothing to extract
                    yield failed(record, record.error)
                    record = next(iterator, None)
                    continue
                started = time.perf_counter()
                child = self._send(record)
                busy = True
                upcoming = next(iterator, None)  # read on while the child extracts
                outcome = child.receive(started + self.timeout)
                busy = False
                if isinstance(outcome, WorkerError):
                    self._child = None  # dead and reaped: the next record gets a new one
                    elapsed = round((time.perf_counter() - started) * 1000.0, 3)
                    outcome = failed(record, describe(outcome), elapsed)
                yield outcome
                record = upcoming
        finally:
            if busy:
                self.close()

    def _send(self, record: WarcRecord) -> _Child:
        """Send ``record`` to the child, or to a new child if there is none or it is gone
        (killed from outside while it waited: the record is not to blame)."""
        if self._child is not None:
            try:
                self._child.send(record)
                return self._child
            except OSError:
                self.close()
        self._child = _Child(self.options, self.extractor)
        self._child.send(record)
        return self._child


class _Child:
    """A forked process that extracts the records it is sent, one at a time."""

    def __init__(self, options: Options, extractor: Extractor) -> None:
        ours, theirs = multiprocessing.Pipe()
        pid = os.fork()
        if pid == 0:
            ours.close()
            _serve(theirs, options, extractor)
        theirs.close()
        self.pid: int | None = pid
        self.connection = ours

    def send(self, record: WarcRecord) -> None:
        self.connection.send(record)

    def receive(self, deadline: float) -> ExtractedRecord | WorkerError:
        """The child's row for the record it holds, or why there is none (then the child
        is dead and reaped)."""
        try:
            if self.connection.poll(max(deadline - time.perf_counter(), 0.0)):
                row: ExtractedRecord = self.connection.recv()
                return row
        except (EOFError, OSError):
            return WorkerCrashedError(self._died())
        self.stop()
        return WorkerTimeoutError(
            "no result within the hard timeout: the extraction process was killed"
            " (stuck in C code, or swapping)"
        )

    def stop(self) -> None:
        """Kill and reap the child (it is idle or stuck: either way nothing is lost)."""
        self.connection.close()
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None

    def _died(self) -> str:
        self.connection.close()
        assert self.pid is not None
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if os.WIFSIGNALED(status):
            number = os.WTERMSIG(status)
            hint = " (the OOM killer?)" if number == signal.SIGKILL else ""
            name = signal.Signals(number).name
            return f"the extraction process died on this record: signal {name}{hint}"
        code = os.WEXITSTATUS(status)
        return f"the extraction process died on this record: exit status {code}"


_WARM = False


def _warm_up() -> None:
    """Extract a tiny page once in this process before the first fork, so that every child
    starts with the lazily imported parts (the fallback extractor, regex tables) loaded:
    without this, each child spent about 0.4 s on its first record."""
    global _WARM
    if not _WARM:
        extract(WARM_UP_PAGE)
        _WARM = True


def _serve(connection: Connection, options: Options, extractor: Extractor) -> NoReturn:
    """The child's life: extract what comes until the parent closes the pipe."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        while True:
            try:
                record = connection.recv()
            except EOFError:
                break
            connection.send(extract_record(record, options, extractor))
    except BaseException:  # the child's edge: never return into the parent's code
        status = 1
    finally:
        os._exit(status)
