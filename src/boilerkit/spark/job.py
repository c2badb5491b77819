"""What runs in each Spark task: WARC paths in, Arrow batches of rows out.

This is the function handed to ``DataFrame.mapInArrow``. Its input is the task's
partition of a column of numbers (one number: ``extract_warcs`` makes one partition per
file), which index the job's tuple of paths; it opens each file itself, through fsspec for
remote paths, so no WARC byte ever passes through the JVM (``binaryFiles`` would hold each
whole file there and again in Python).
Rows go back as Arrow record batches, which Spark takes without converting a value.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Final

import pyarrow as pa

from ..options import Options
from ..warc import COLUMNS, ExtractedRecord, Extractor, iter_records
from ..warc.isolate import Isolated, warm_up
from .schema import COLUMN_TYPES

ROWS_PER_BATCH: Final = 64
"""Rows per Arrow batch sent back to Spark: about 0.4 MB of text at the corpus's 6 kB a page,
large enough to amortize a batch's overhead, small enough that a WARC's rows stream out
while it is read instead of piling up in the worker."""

ARROW_SCHEMA: Final = pa.schema(
    [
        (column, {"bigint": pa.int64(), "double": pa.float64()}.get(kind, pa.string()))
        for column, kind in COLUMN_TYPES
    ]
)
"""The output's columns and types as Arrow, in ``ExtractedRecord``'s field order."""


def extract_partition(
    batches: Iterable[pa.RecordBatch],
    paths: Sequence[str],
    options: Options,
    extractor: Extractor,
) -> Iterator[pa.RecordBatch]:
    """The rows of the WARC files whose numbers ``batches`` hold (column ``id``), in
    batches."""
    isolated = _isolated(options, extractor)
    for batch in batches:
        for number in batch.column("id").to_pylist():
            path = paths[number]
            rows = isolated.run(iter_records(path, max_bytes=options.max_bytes))
            while chunk := list(islice(rows, ROWS_PER_BATCH)):
                yield to_batch(chunk)


_WORKER: dict[tuple[Options, Extractor], Isolated] = {}
"""This Python worker's extraction child, kept from task to task (Spark reuses its Python
workers): a new child per WARC file would start cold each time. Measured on the corpus,
a fresh child's first pages take 0.1-0.4 s more (lazy tables, caches), a warm one's not."""


def _isolated(options: Options, extractor: Extractor) -> Isolated:
    """The worker's ``Isolated`` for these settings (a task with others ends the old one)."""
    key = (options, extractor)
    if key not in _WORKER:
        for other in _WORKER.values():
            other.close()
        _WORKER.clear()
        _WORKER[key] = Isolated(options, extractor)
        warm_up()
        # Spark's daemon runs a full garbage collection after every task of a reused worker
        # (``pyspark/daemon.py``). Here that walks pyspark's, pandas', pyarrow's and
        # boilerkit's 100,000 long-lived objects each time: 50-60 ms of CPU a task, and a
        # pause before the next one. Frozen, they are skipped; the task's own garbage is
        # still collected.
        gc.freeze()
    return _WORKER[key]


def to_batch(rows: list[ExtractedRecord]) -> pa.RecordBatch:
    """Rows as one Arrow record batch of ``ARROW_SCHEMA``."""
    columns = {column: [getattr(row, column) for row in rows] for column in COLUMNS}
    return pa.RecordBatch.from_pydict(columns, schema=ARROW_SCHEMA)
