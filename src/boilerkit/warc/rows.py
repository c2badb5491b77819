"""The row of a WARC record: one ``ExtractedRecord`` per page record, whatever happens.

The row is flat and engine-neutral: the Spark module turns a list of them into an Arrow
batch, and a Ray or Dask job can do the same with ``dataclasses.asdict``. Its field order
is the column order of the Parquet output.

Two of the three layers of fault isolation live here: every record is extracted inside
its own ``try`` (layer 1) and under boilerkit's ``time_budget`` (layer 2, in ``Options``).
Layer 3, a child process with a hard timeout, is ``isolate.Isolated``, which runs
``extract_record`` in the child.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields
from typing import Final, Protocol

from .. import __version__
from ..api import extract
from ..document import Document
from ..errors import BoilerkitError
from ..options import Options
from .errors import describe
from .records import WarcRecord


class Extractor(Protocol):
    """What turns a payload into a ``Document``: ``boilerkit.extract``, or a wrapper."""

    def __call__(
        self, html: bytes, *, url: str | None, content_type: str | None, options: Options
    ) -> Document: ...


@dataclass(frozen=True, slots=True)
class ExtractedRecord:
    """One row of output: a page record's place in its WARC file, its metadata and text.

    ``error`` is None on success; otherwise it is ``"ErrorName: message"`` and the page
    fields are None. A record cut short gives such a row, never a short ``text``.
    """

    warc_path: str
    warc_record_id: str | None
    warc_date: str | None
    warc_offset: int | None
    warc_length: int | None
    url: str | None
    """The URL the page was fetched from (``WARC-Target-URI``)."""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    language: str | None = None
    sitename: str | None = None
    page_type: str | None = None
    text: str | None = None
    encoding: str | None = None
    error: str | None = None
    elapsed_ms: float = 0.0
    """Wall time of the extraction (of the wait, for a record its process died on)."""
    boilerkit_version: str = __version__


COLUMNS: Final = tuple(field.name for field in fields(ExtractedRecord))


def failed(record: WarcRecord, error: str, elapsed_ms: float = 0.0) -> ExtractedRecord:
    """The row of a record that gives no page, and why."""
    return ExtractedRecord(
        record.path,
        record.record_id,
        record.date,
        record.offset,
        record.length,
        record.url,
        error=error,
        elapsed_ms=elapsed_ms,
    )


def extract_record(
    record: WarcRecord, options: Options, extractor: Extractor = extract
) -> ExtractedRecord:
    """The row of one record; never raises (layer 1 of the fault isolation)."""
    if record.error is not None:
        return failed(record, record.error)
    started = time.perf_counter()
    try:
        document = extractor(
            record.payload, url=record.url, content_type=record.content_type, options=options
        )
    except BoilerkitError as error:  # a page boilerkit refuses, or its time budget spent
        return failed(record, describe(error), _since(started))
    except MemoryError:
        return failed(record, "MemoryError: out of memory", _since(started))
    except Exception as error:  # the per-record isolation edge: one record's bug, one row
        return failed(record, describe(error), _since(started))
    return ExtractedRecord(
        record.path,
        record.record_id,
        record.date,
        record.offset,
        record.length,
        record.url,
        title=document.title,
        author=document.author,
        date=document.date,
        language=document.language,
        sitename=document.sitename,
        page_type=document.page_type,
        text=document.text,
        encoding=document.encoding,
        elapsed_ms=_since(started),
    )


def _since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000.0, 3)
