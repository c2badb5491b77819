"""The units of a batch: a page to extract (``Task``), an input that failed (``Failure``)."""

from __future__ import annotations

from dataclasses import dataclass

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
