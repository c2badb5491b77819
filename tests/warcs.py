"""Building WARC files for tests: from the repository's own fixture pages, always present."""

from __future__ import annotations

import faulthandler
import gzip
import io
import os
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import boilerkit
from boilerkit import Document

REPO = Path(__file__).resolve().parent.parent
JUNK = bytes(range(256)) * 64
"""A payload served as text/html that is binary noise: boilerkit refuses it."""


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    content_type: str = "text/html"


def fixture_pages(count: int) -> list[Page]:
    """``count`` real pages: the golden fixtures' sources, then the bundled sample."""
    sources = [*sorted(REPO.glob("fixtures/*/source.html")), REPO / "samples/news-article.html"]
    assert len(sources) >= count, "not enough fixture pages"
    return [
        Page(f"https://fixtures.example/{path.parent.name}", path.read_bytes())
        for path in sources[:count]
    ]


def write_warc(path: Path, pages: list[Page], *, gzip: bool = True) -> None:
    """A WARC of response records (each after its request), as crawlers write them."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for page in pages:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(
                    page.url, "request", payload=io.BytesIO(b""), length=0, http_headers=request
                )
            )
            fields = [("Content-Type", page.content_type), ("Content-Length", str(len(page.body)))]
            http = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                page.url,
                "response",
                payload=io.BytesIO(page.body),
                length=len(page.body),
                http_headers=http,
            )
            writer.write_record(record)


def truncate(path: Path, keep: int) -> None:
    """Cut the file after ``keep`` bytes, as an interrupted download leaves it."""
    path.write_bytes(path.read_bytes()[:keep])


def raw_record(number: int, body: bytes, *, declared: int | None = None) -> bytes:
    """One WARC response record by hand, with a ``Content-Length`` that may lie."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    length = len(http) if declared is None else declared
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:test:{number}>\r\n"
        f"WARC-Target-URI: https://raw.example/{number}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def write_raw(path: Path, records: list[bytes], *, compress: bool) -> None:
    """Records as given, each its own gzip member when ``compress``."""
    path.write_bytes(b"".join(gzip.compress(r) if compress else r for r in records))


def poisoned(html: bytes, *, url: str | None, content_type: str | None, **rest: Any) -> Document:
    """``boilerkit.extract``, except for the URLs that hang, crash or raise."""
    if url and url.endswith("/hang"):
        read_end, _write_end = os.pipe()
        os.read(read_end, 1)  # blocks in C for ever: nobody writes to the pipe
    if url and url.endswith("/crash"):
        faulthandler.disable()  # pytest's crash report would fill the log: the crash is meant
        os.kill(os.getpid(), signal.SIGSEGV)
    if url and url.endswith("/bug"):
        raise KeyError("a bug")
    return boilerkit.extract(html, url=url, content_type=content_type, **rest)
