"""WARC files in, one row per page record out: the engine-neutral core of batch jobs.

    iter_records(path)            -> WarcRecord...        read, with the truncation checks
    extract_records(records)      -> ExtractedRecord...   extract, in a child process

The command line's WARC input reads with ``iter_records``; ``boilerkit.spark`` runs both
in each Spark task, and any other engine (Ray, Dask, a shell loop) can do the same: a
row is a flat frozen dataclass (``dataclasses.asdict`` gives a dict), its fields the
columns of the Parquet output. Nothing here imports an engine.
"""

from __future__ import annotations

from .errors import (
    RecordError,
    TruncatedRecordError,
    UnreadableArchiveError,
    WorkerCrashedError,
    WorkerError,
    WorkerTimeoutError,
)
from .extract import extract_records
from .isolate import hard_timeout
from .records import WarcRecord, iter_records, open_archive
from .rows import COLUMNS, ExtractedRecord, Extractor, extract_record

__all__ = [
    "COLUMNS",
    "ExtractedRecord",
    "Extractor",
    "RecordError",
    "TruncatedRecordError",
    "UnreadableArchiveError",
    "WarcRecord",
    "WorkerCrashedError",
    "WorkerError",
    "WorkerTimeoutError",
    "extract_record",
    "extract_records",
    "hard_timeout",
    "iter_records",
    "open_archive",
]
