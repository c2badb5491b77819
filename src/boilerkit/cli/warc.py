"""WARC (and ARC) files: their HTML responses as tasks, read with warcio.

A record becomes a page when it is a ``response`` with a 2xx HTTP status (or a
``resource``) whose content type is HTML or missing. The payload is taken as the crawler
got it, with transfer and content encodings undone; the HTTP ``Content-Type`` header (its
charset first of all) goes to the decoder, the ``WARC-Target-URI`` becomes the page URL and
the ``WARC-Date`` its fetch date. Other records (requests, metadata, images, redirects,
errors) are skipped silently: a WARC is mostly not pages.

warcio rather than FastWARC: it is pure Python (nothing to build), and reading the records
is a percent or two of a batch's time either way (measured by ``benchmarks/bench_batch.py``
on a WARC of the 990 corpus pages, both libraries; see ``docs/benchmarks-batch.md``).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from .tasks import Failure, Task

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})


def iter_warc(path: str, stem: str, max_bytes: int) -> Iterator[Task | Failure]:
    """The HTML pages of the WARC file at ``path``, in record order."""
    number = 0
    try:
        with open(path, "rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream, arc2warc=True), 1):
                item = _record(record, path, f"{stem}/{number:06d}", number, max_bytes)
                if item is not None:
                    yield item
    except OSError as error:
        yield Failure(path, error.strerror or str(error))
    except (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, zlib.error) as error:
        where = f" after record {number}" if number else ""
        yield Failure(path, f"unreadable WARC{where}: {error}")


def _record(
    record: Any, path: str, stem: str, number: int, max_bytes: int
) -> Task | Failure | None:
    if record.rec_type == "response":
        if record.http_headers is None or not record.http_headers.get_statuscode().startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    if (content_type or "").split(";", 1)[0].strip().lower() not in HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    name = f"{path}#{number}" + (f" {url}" if url else "")
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure(name, f"record is over max_bytes={max_bytes}")
    return Task(
        name,
        stem,
        data=data,
        url=url,
        content_type=content_type,
        fetched_at=record.rec_headers.get_header("WARC-Date"),
    )
