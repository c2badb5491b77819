"""The units of a batch: a page to extract (``Task``), an input that failed (``Failure``).

Also how an input's name is shown (``printable``): names come from file systems (any bytes
but ``/`` and NUL, decoded with surrogate escapes), from WARC headers and from servers, so
they may hold terminal escapes and bytes that are not UTF-8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ..errors import BoilerkitError


class InputError(BoilerkitError):
    """An input that cannot be read (missing, unreadable, too large, corrupt)."""


@dataclass(frozen=True, slots=True)
class Task:
    """One page to extract: read ``path``, take ``data``, or fetch ``fetch_url``."""

    name: str
    """How messages name the input: a path, ``stdin``, a URL, ``file.warc#12 <url>``."""
    stem: str
    """The output file's relative path without its extension."""
    path: str | None = None
    data: bytes | None = None
    fetch_url: str | None = None
    url: str | None = None
    """The page's own URL (``--url``, a WARC record's target), for metadata and links."""
    content_type: str | None = None
    fetched_at: str | None = None
    """When the page was fetched (a WARC record's date)."""
    extra: tuple[tuple[str, str | int | None], ...] = ()
    """Fields JSON output adds for this page (a WARC record's id and offset)."""


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that failed before extraction, and why."""

    name: str
    reason: str


_UNPRINTABLE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""C0 and C1 controls (terminal escapes start with ESC or CSI), the bidirectional controls
that make a name read backwards, line separators, and lone surrogates (a file name's bytes
that were not UTF-8, or a broken escape in JSON)."""


def printable(text: str) -> str:
    """``text`` safe for a terminal and valid UTF-8: each character above as an escape.

    A file name's undecodable byte ``0xff`` (the surrogate escape ``\\udcff``) shows as
    ``\\xff``, so the name can still be told apart from others and found on disk.
    """
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
