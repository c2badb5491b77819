"""What runs in each Spark task: WARC paths in, Arrow batches of rows out.

This is the function handed to ``DataFrame.mapInArrow``. Its input is the task's
partition of the path column (one path: ``extract_warcs`` makes one partition per file);
it opens each file itself, through fsspec for remote paths, so no WARC byte ever passes
through the JVM (``binaryFiles`` would hold each whole file there and again in Python).
Rows go back as Arrow record batches, which Spark takes without converting a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Final

import pyarrow as pa

from ..options import Options
from ..warc import COLUMNS, ExtractedRecord, Extractor, iter_records
from ..warc.isolate import Isolated
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
    batches: Iterable[pa.RecordBatch], options: Options, extractor: Extractor
) -> Iterator[pa.RecordBatch]:
    """The rows of every WARC file named in ``batches`` (column ``path``), in batches."""
    isolated = _isolated(options, extractor)
    for batch in batches:
        for path in batch.column("path").to_pylist():
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
    return _WORKER[key]


def to_batch(rows: list[ExtractedRecord]) -> pa.RecordBatch:
    """Rows as one Arrow record batch of ``ARROW_SCHEMA``."""
    columns = {column: [getattr(row, column) for row in rows] for column in COLUMNS}
    return pa.RecordBatch.from_pydict(columns, schema=ARROW_SCHEMA)
