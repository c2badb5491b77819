"""Reading a WARC file record by record, and telling a whole record from a cut one.

A record becomes a page when it is a ``response`` with a 2xx HTTP status (or a
``resource``) whose content type is HTML or missing. The payload is taken as the crawler
got it, with transfer and content encodings undone; the HTTP ``Content-Type`` header (its
charset first of all) goes to the decoder. Other records (requests, metadata, images,
redirects) are skipped: a WARC is mostly not pages.

A record cut short must never become a page with a short text. Two checks, made on every
record (pages or not, since either way the file is damaged there):

- the body must be as long as its ``Content-Length``: a file that ends early, or a length
  that runs past the end of its gzip member, leaves bytes unread (warcio returns the short
  body without a word);
- the body must be followed by the blank lines that end a record: if not, its
  ``Content-Length`` is wrong, and the body read is not the record's.

Such a record comes out with ``error`` set, and so does a file that cannot be opened or
read on (its row has no record id): reading stops there, since the next record's start is
unknown. warcio rather than FastWARC: reading is about 3 % of the time extraction takes
(``docs/benchmarks-batch.md``), and pure Python needs nothing built.

Paths with a scheme (``s3://``, ``gs://``, ``https://``) are opened with fsspec (the
``spark`` extra); local paths need nothing beyond boilerkit's own dependencies.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any, Final

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from ..errors import BoilerkitError, InputTooLargeError
from ..options import Options
from .errors import TruncatedRecordError, UnreadableArchiveError, describe

HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml", ""})
"""Content types taken as pages (a missing type too: many servers send none)."""
DEFAULT_MAX_BYTES: Final = Options().max_bytes
_BLOCK: Final = 1024 * 1024
"""Bytes asked of a record's body at a time."""
_UNREADABLE: Final = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    zlib.error,
    ValueError,  # warcio's int() of a malformed Content-Length
)


@dataclass(frozen=True, slots=True)
class WarcRecord:
    """One page record of a WARC file (or a damaged record), with where it came from."""

    path: str
    record_id: str | None = None
    """``WARC-Record-ID``; None only for a file that gave no record at all."""
    date: str | None = None
    """``WARC-Date``: when the page was fetched."""
    offset: int | None = None
    """Where the record starts in the file (of its gzip member in a ``.warc.gz``)."""
    length: int | None = None
    """Its length in the file, compressed: with ``offset``, a range request fetches it."""
    url: str | None = None
    """``WARC-Target-URI``: the URL the page was fetched from."""
    content_type: str | None = None
    """The HTTP ``Content-Type`` header (its charset is the decoder's first hint)."""
    payload: bytes = b""
    error: str | None = None
    """Why the record gives no page (``"TruncatedRecordError: ..."``); None if whole."""


@contextmanager
def open_archive(path: str) -> Iterator[IO[bytes]]:
    """The file at ``path``: local with ``open``, anything with a scheme with fsspec."""
    scheme = path.split("://", 1)[0] if "://" in path else ""
    if scheme in ("", "file"):
        with open(path.removeprefix("file://"), "rb") as stream:
            yield stream
        return
    import fsspec  # only remote paths need the spark extra

    with fsspec.open(path, "rb") as stream:
        yield stream


def iter_records(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[WarcRecord]:
    """The page records of the WARC (or ARC) file at ``path``, in file order, and a record
    with ``error`` set for every damaged record and for a file that cannot be read on."""
    try:
        with open_archive(path) as stream:
            yield from _records(path, stream, max_bytes)
    except OSError as error:
        reason = UnreadableArchiveError(f"cannot read {path}: {error.strerror or error}")
        yield WarcRecord(path, error=describe(reason))


def _records(path: str, stream: IO[bytes], max_bytes: int) -> Iterator[WarcRecord]:
    archive = ArchiveIterator(stream, arc2warc=True)
    number, offset = 0, 0
    try:
        for record in archive:
            number += 1
            found = _record(path, archive, record, max_bytes)
            offset = archive.offset
            if found is not None:
                yield found
            del found  # its payload is not kept here while the next record is read
    except _UNREADABLE as error:
        where = f" after record {number}" if number else ""
        reason = UnreadableArchiveError(f"unreadable WARC{where}: {error}".strip())
        yield WarcRecord(path, offset=offset, error=describe(reason))


def _record(path: str, archive: Any, record: Any, max_bytes: int) -> WarcRecord | None:
    """The record as a ``WarcRecord`` if it is a page or damaged; None to skip it."""
    content_type = _page_type(record)
    payload = b""
    error: BoilerkitError | None = None
    if content_type is not None:
        try:
            payload = _read(record.content_stream(), max_bytes + 1)
        except (zlib.error, OSError, EOFError) as problem:  # a broken content encoding
            error = TruncatedRecordError(f"cannot decode the body: {problem}")
        if len(payload) > max_bytes:
            payload, error = b"", InputTooLargeError(f"record is over max_bytes={max_bytes}")
    errors_before = archive.err_count
    archive.read_to_end()  # reads what is left, and the blank lines after it
    declared = int(record.rec_headers.get_header("Content-Length") or 0)
    missing = record.raw_stream.limit
    if missing > 0:
        error = TruncatedRecordError(
            f"the record ends after {declared - missing} of its {declared} bytes"
            " (the file ends early, or its Content-Length is wrong)"
        )
    elif archive.err_count > errors_before:
        error = TruncatedRecordError(
            f"the record's {declared} bytes are not followed by the end of a record:"
            " its Content-Length is wrong"
        )
    if content_type is None and error is None:
        return None
    offset, length = archive.member_info
    headers = record.rec_headers
    return WarcRecord(
        path,
        record_id=headers.get_header("WARC-Record-ID"),
        date=headers.get_header("WARC-Date"),
        offset=offset,
        length=length,
        url=headers.get_header("WARC-Target-URI"),
        content_type=content_type or None,
        payload=b"" if error is not None else payload,
        error=describe(error) if error is not None else None,
    )


def _read(stream: Any, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``, in one growing buffer: warcio's ``read``
    joins a list of blocks, two copies of a 60 MB page at once."""
    buffer = io.BytesIO()
    while (room := limit - buffer.tell()) > 0:
        block = stream.read(min(room, _BLOCK))
        if not block:
            break
        buffer.write(block)
    return buffer.getvalue()


def _page_type(record: Any) -> str | None:
    """The record's content type if it is a page ("" when it has none), else None."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not http.get_statuscode().startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if content_type.split(";", 1)[0].strip().lower() not in HTML_TYPES:
        return None
    return content_type
