"""Layer 3 of the fault isolation: records are extracted in a forked child process.

Layers 1 and 2 (a ``try`` around each record, boilerkit's cooperative ``time_budget``)
cannot stop everything: a segfault in a C extension kills the interpreter that runs it, and
a hang inside one C call never returns to Python, so no check or ``SIGALRM`` handler ever
runs. Measured in a prototype: without a child, such a record hangs a Spark job or fails
it; with one, each becomes an error row.

So the caller's process (a Spark task, a Ray worker) forks a child that extracts the
records it is sent, in order, and waits for each row with a hard timeout, about twice the
time budget. If the child dies or the timeout passes, the record it was on (the oldest
without a row) gets an error row, the child is killed and reaped, and a new child gets the
records after it.

A few records are in flight at a time (``IN_FLIGHT``): the child always has its next
record waiting in the pipe and never waits for the parent, which reads the WARC file and
hands rows on meanwhile. One record at a time, each record cost two wake-ups of a process;
on a busy machine each waits its turn for a core, and the job ran at half the command
line's speed although it used only 20 % more CPU. The records in flight never exceed what
the pipe holds, so the parent's writes never block on a busy child (a record larger than
that is sent alone, to an idle child that reads it as it comes). Extracting in the child
costs 4-10 % more CPU than in the same process (measured on 300 corpus pages).

The child only extracts: it never touches the parent's files or sockets, and leaves with
``os._exit`` so that nothing of the parent (atexit hooks, buffered output) runs twice.
Fork is used rather than spawn because the child then starts with boilerkit imported, in
microseconds instead of about a second, which also makes a restart after a crash cheap.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Final, NoReturn

from ..api import extract
from ..options import Options
from .errors import WorkerCrashedError, WorkerError, WorkerTimeoutError, describe
from .records import WarcRecord
from .rows import ExtractedRecord, Extractor, extract_record, failed

HARD_TIMEOUT_FACTOR: Final = 2.0
"""The hard timeout, in units of ``Options.time_budget``. The budget is cooperative and a
page may overrun it by one C-level step (bounded by ``max_bytes``), so a page still going
at twice its budget is stuck in C code, not slow."""
TIMEOUT_WITHOUT_BUDGET: Final = 600.0
"""Seconds the child may take on one record when ``Options.time_budget`` is None."""
IN_FLIGHT: Final = 4
"""Records sent to the child ahead of their rows: enough that it never waits for the
parent (two would do on an idle machine), few enough that a crash sends little again."""
PIPE_BYTES: Final = 1 << 20
"""The record pipe's size (Linux lets any process raise a pipe to 1 MiB): half of it may
be in flight, several typical pages."""
WARM_UP_PAGE: Final = (
    b"<html><head><title>Warm-up</title></head><body><p>Warm up.</p></body></html>"
)
"""Extracted once in the parent before forking (see ``warm_up``)."""


def hard_timeout(options: Options) -> float:
    """How long the child may take on one record before it is killed."""
    if options.time_budget is None:
        return TIMEOUT_WITHOUT_BUDGET
    return HARD_TIMEOUT_FACTOR * options.time_budget


@dataclass(frozen=True, slots=True)
class _Item:
    """A record on its way to the child, pickled once."""

    record: WarcRecord
    data: bytes
    """The pickled record: what it takes of the pipe until the child reads it."""
    sent: float = 0.0
    """When it was sent (``time.perf_counter``); 0 while it waits."""


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
        if not hasattr(os, "fork"):
            raise NotImplementedError("a child process needs os.fork: pass isolate=False")
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
        warm_up()
        source = iter(records)
        waiting: deque[_Item] = deque()  # read (or to be sent again), not sent yet
        window: deque[_Item] = deque()  # sent, no row back yet
        try:
            while True:
                self._fill(source, waiting, window)
                if not window:
                    return
                yield self._next_row(window, waiting)
        finally:
            if window:  # stopped while the child holds records: it must go
                self.close()

    def _fill(
        self, source: Iterator[WarcRecord], waiting: deque[_Item], window: deque[_Item]
    ) -> None:
        """Send records while the pipe has room, and keep the next one read."""
        fresh = False  # a child forked in this call: if it cannot be sent to, give up
        while True:
            if not waiting:
                upcoming = next(source, None)
                if upcoming is None:
                    return
                waiting.append(_Item(upcoming, pickle.dumps(upcoming, pickle.HIGHEST_PROTOCOL)))
            if self._child is None:
                self._child, fresh = _Child(self.options, self.extractor), True
            in_flight = sum(len(item.data) for item in window) + len(waiting[0].data)
            if window and (len(window) >= IN_FLIGHT or in_flight > self._child.room):
                return
            try:
                self._child.send(waiting[0].data)
            except OSError:
                if window:  # it died on a record in flight: receiving will tell which
                    return
                if fresh:
                    raise
                self.close()  # it died while idle (killed from outside): a new one
                continue
            window.append(replace(waiting.popleft(), sent=time.perf_counter()))

    def _next_row(self, window: deque[_Item], waiting: deque[_Item]) -> ExtractedRecord:
        """The row of the oldest record in flight, or an error row if the child failed it."""
        assert self._child is not None
        head = window[0]
        started = max(head.sent, self._child.last_row)  # when the child took it up
        outcome = self._child.receive(started + self.timeout)
        window.popleft()
        if isinstance(outcome, WorkerError):
            self._child = None  # dead and reaped
            self._restart(window, waiting)
            elapsed = round((time.perf_counter() - started) * 1000.0, 3)
            return failed(head.record, describe(outcome), elapsed)
        return outcome

    def _restart(self, window: deque[_Item], waiting: deque[_Item]) -> None:
        """Forget the child; the records it held go to the next one, in order."""
        self.close()
        waiting.extendleft(reversed(window))
        window.clear()


class _Child:
    """A forked process that extracts the records it is sent, in order."""

    def __init__(self, options: Options, extractor: Extractor) -> None:
        records_out, records_in = multiprocessing.Pipe(duplex=False)  # (reader, writer)
        rows_out, rows_in = multiprocessing.Pipe(duplex=False)
        pid = os.fork()
        if pid == 0:
            records_in.close()
            rows_out.close()
            _serve(records_out, rows_in, options, extractor)
        records_out.close()
        rows_in.close()
        self.pid: int | None = pid
        self.records = records_in
        self.rows = rows_out
        self.room = _pipe_room(records_in.fileno())
        """Pickled bytes that may be in flight without a write ever blocking."""
        self.last_row = 0.0
        """When the last row came back: the child took up its next record then."""

    def send(self, data: bytes) -> None:
        self.records.send_bytes(data)

    def receive(self, deadline: float) -> ExtractedRecord | WorkerError:
        """The child's row for its oldest record, or why there is none (then the child
        is dead and reaped)."""
        try:
            if self.rows.poll(max(deadline - time.perf_counter(), 0.0)):
                row: ExtractedRecord = self.rows.recv()
                self.last_row = time.perf_counter()
                return row
        except (EOFError, OSError):
            return WorkerCrashedError(self._died())
        self.stop()
        return WorkerTimeoutError(
            "no result within the hard timeout: the extraction process was killed"
            " (stuck in C code, or swapping)"
        )

    def stop(self) -> None:
        """Kill and reap the child (idle, or stuck: either way nothing is lost)."""
        self.records.close()
        self.rows.close()
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None

    def _died(self) -> str:
        self.records.close()
        self.rows.close()
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


def _pipe_room(descriptor: int) -> int:
    """Half the pipe's capacity, enlarged to ``PIPE_BYTES`` where Linux allows: the bytes
    of records in flight. Half, because a pipe counts pages, and a message's 4-byte
    header written apart may take a page of its own."""
    import fcntl  # POSIX only, as fork is

    capacity = 65536  # pipes hold at least this much on every system with fork
    if hasattr(fcntl, "F_SETPIPE_SZ"):
        try:
            capacity = fcntl.fcntl(descriptor, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        except OSError:  # above /proc/sys/fs/pipe-max-size: keep what it has
            capacity = fcntl.fcntl(descriptor, fcntl.F_GETPIPE_SZ)
    return capacity // 2


_WARM = False


def warm_up() -> None:
    """Extract a tiny page once in this process before the first fork, so that every child
    starts with the lazily imported parts (the fallback extractor, regex tables) loaded:
    without this, each child spent about 0.4 s on its first record."""
    global _WARM
    if not _WARM:
        extract(WARM_UP_PAGE)
        _WARM = True


def _serve(
    records: Connection, rows: Connection, options: Options, extractor: Extractor
) -> NoReturn:
    """The child's life: extract what comes until the parent closes the pipe."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        while True:
            try:
                record = pickle.loads(records.recv_bytes())
            except EOFError:
                break
            rows.send(extract_record(record, options, extractor))
    except BaseException:  # the child's edge: never return into the parent's code
        status = 1
    finally:
        os._exit(status)
