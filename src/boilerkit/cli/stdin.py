"""Standard input, told apart by its first bytes as files are: a page, a gzipped page, or a
WARC file (gzipped or not), so ``zcat``, ``curl`` and ``cat x.warc.gz`` all pipe in.

A WARC is spooled to a temporary file first (``$TMPDIR``): the WARC reader takes records
from a file, one at a time, and a WARC may be far larger than memory. A page is read whole,
up to ``max_bytes`` (after gzip).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from .gzipped import MAGIC, GzipError, Readable, gunzip
from .tasks import Failure, Task
from .warc import iter_warc

WARC_STARTS: Final = (b"WARC/", b"filedesc://")
"""How a WARC record (and an ARC file) begins."""
_SNIFF: Final = 64 * 1024
"""Bytes read to tell what stdin holds: enough gzip to show what it decompresses to."""
_GZIP_WBITS: Final = 16 + zlib.MAX_WBITS


@dataclass(frozen=True, slots=True)
class Stdin:
    """What standard input held: a page's bytes, a WARC's temporary copy, or a failure."""

    data: bytes = b""
    warc: str | None = None
    failure: str | None = None
    max_bytes: int = 0

    def items(self, url: str | None) -> Iterator[Task | Failure]:
        if self.failure is not None:
            yield Failure("stdin", self.failure)
        elif self.warc is None:
            yield Task("stdin", "stdin", data=self.data, url=url)
        else:
            for item in iter_warc(self.warc, "stdin", self.max_bytes):
                if item.name.startswith(self.warc):  # name the records after stdin
                    item = dataclasses.replace(item, name="stdin" + item.name[len(self.warc) :])
                yield item
                del item  # its page is not kept here while the next record is read

    def close(self) -> None:
        if self.warc is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.warc)


def read_stdin(stream: Readable, max_bytes: int) -> Stdin:
    """Read ``stream`` once and say what it held."""
    try:
        head = stream.read(_SNIFF)
        rest = _Prefixed(head, stream)
        gzipped = head.startswith(MAGIC)
        if _decompressed_start(head).startswith(WARC_STARTS):
            return _spool(rest, max_bytes)
        data = gunzip(rest, max_bytes) if gzipped else rest.read(max_bytes + 1)
    except GzipError as error:
        return Stdin(failure=f"corrupt gzip data: {error}")
    except OSError as error:
        return Stdin(failure=f"cannot read: {error.strerror or error}")
    if len(data) > max_bytes:
        return Stdin(failure=f"input is over max_bytes={max_bytes}")
    return Stdin(data=data)


def _decompressed_start(head: bytes) -> bytes:
    if not head.startswith(MAGIC):
        return head
    try:
        return zlib.decompressobj(_GZIP_WBITS).decompress(head, 16)
    except zlib.error:
        return b""  # corrupt: reported when the page is read


def _spool(stream: Readable, max_bytes: int) -> Stdin:
    with tempfile.NamedTemporaryFile(
        prefix="boilerkit-stdin-", suffix=".warc", delete=False
    ) as copy:
        try:
            shutil.copyfileobj(stream, copy)
        except OSError as error:
            copy.close()
            os.unlink(copy.name)
            return Stdin(failure=f"cannot keep the WARC from stdin: {error.strerror or error}")
    return Stdin(warc=copy.name, max_bytes=max_bytes)


class _Prefixed:
    """``stream`` with ``prefix`` (bytes already read from it) put back in front."""

    def __init__(self, prefix: bytes, stream: Readable) -> None:
        self.prefix = prefix
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            data, self.prefix = self.prefix + self.stream.read(), b""
            return data
        part, self.prefix = self.prefix[:size], self.prefix[size:]
        return part + self.stream.read(size - len(part)) if len(part) < size else part
