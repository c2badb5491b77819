"""Gzip as the command line meets it: files, stdin and HTTP bodies, bounded and forgiving.

``gzip.GzipFile`` rejects a whole stream when valid data is followed by anything that is not
another gzip member (padding, a truncated copy, junk a server appended), although the data
itself is whole: browsers and ``zcat`` show it. Here the members are read one after
another and whatever follows the last complete one is ignored. A member that breaks off
(a truncated file) is still an error, since part of the page is lost. Output stops just
past ``limit`` bytes, so a small bomb never grows past the cap in memory.
"""

from __future__ import annotations

import zlib
from typing import Final, Protocol

MAGIC: Final = b"\x1f\x8b"
_GZIP_WBITS: Final = 16 + zlib.MAX_WBITS
"""zlib's window bits for a gzip header and trailer around the deflate data."""
_CHUNK: Final = 64 * 1024


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class GzipError(ValueError):
    """The gzip data is corrupt or breaks off before its end."""


def gunzip(stream: Readable, limit: int) -> bytes:
    """The data of the gzip members at the start of ``stream``; at most ``limit + 1`` bytes.

    A result longer than ``limit`` means the data goes on past it (the caller refuses it).
    """
    out = bytearray()
    decompressor = zlib.decompressobj(_GZIP_WBITS)
    pending = b""
    while len(out) <= limit:
        if len(pending) < len(MAGIC):
            pending += stream.read(_CHUNK)
            if not pending:
                break
        if decompressor.eof:
            if not pending.startswith(MAGIC):
                return bytes(out)  # trailing garbage after a complete member: ignored
            decompressor = zlib.decompressobj(_GZIP_WBITS)
        try:
            out += decompressor.decompress(pending, limit + 1 - len(out))
        except zlib.error as error:
            raise GzipError(str(error)) from None
        pending = decompressor.unused_data if decompressor.eof else decompressor.unconsumed_tail
    if len(out) <= limit and not decompressor.eof:
        raise GzipError("the data breaks off before the end of the gzip stream (truncated)")
    return bytes(out)
