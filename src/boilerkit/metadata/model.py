"""The ``Metadata`` hand-off: what the metadata stage knows about a page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Metadata:
    """Everything boilerkit knows about a page apart from its content."""

    title: str | None = None
    author: str | None = None
    """``authors`` joined with ``"; "``."""
    authors: tuple[str, ...] = ()
    date: str | None = None
    """Publication date, ISO 8601 (``YYYY-MM-DD``, with time and zone when known)."""
    date_modified: str | None = None
    sitename: str | None = None
    description: str | None = None
    language: str | None = None
    """BCP 47 tag, from the page or detected from the text."""
    url: str | None = None
    """Canonical absolute URL."""
    image: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    license: str | None = None
    page_type: str = "other"
    """``article``, ``listing`` or ``other``."""
    page_type_confidence: float = 0.0
