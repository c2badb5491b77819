"""What can go wrong with a WARC record apart from its page, as typed errors.

    BoilerkitError (ValueError)
    └── RecordError                  a record that gives no page, for a reason of its own
        ├── TruncatedRecordError     the record is shorter than its Content-Length, or its
        │                            Content-Length is wrong (the file ends early, a bad
        │                            writer): never a silently short text
        ├── UnreadableArchiveError   the file cannot be opened or read on from here
        └── WorkerError              the process extracting the record died or hung on it
            ├── WorkerCrashedError   it died: a segfault, an abort, the OOM killer
            └── WorkerTimeoutError   no result within the hard timeout: it was killed

Errors cross process and engine boundaries as text, ``"Name: message"`` (``describe``),
which is what the ``error`` column of a row holds: a string is all a Parquet file, a JSON
line and a Spark row have in common, and the name keeps it typed for a ``LIKE`` query.
"""

from __future__ import annotations

from ..errors import BoilerkitError


class RecordError(BoilerkitError):
    """A WARC record that gives no page, for a reason other than its HTML."""


class TruncatedRecordError(RecordError):
    """The record is shorter than its Content-Length says, or that length is wrong."""


class UnreadableArchiveError(RecordError):
    """The WARC file cannot be opened, or cannot be read past some point."""


class WorkerError(RecordError):
    """The process that extracted the record died or hung on it."""


class WorkerCrashedError(WorkerError):
    """The extraction process died on this record (a crash in C code, out of memory)."""


class WorkerTimeoutError(WorkerError):
    """The extraction process gave no result within the hard timeout and was killed."""


def describe(error: BaseException) -> str:
    """``"TypeName: message"``: an error as the ``error`` column holds it."""
    message = str(error)
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
