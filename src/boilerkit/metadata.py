"""Metadata stage: title, authors, dates, site name, language and more.

Reads the parsed page *before* cleaning (JSON-LD lives in ``<script>`` elements that the
cleaning stage drops) and never mutates it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html as lxml_html


@dataclass(frozen=True)
class Metadata:
    """Everything boilerkit knows about a page apart from its content."""

    title: str | None = None
    author: str | None = None
    """``authors`` joined with ``"; "``."""
    authors: tuple[str, ...] = ()
    date: str | None = None
    """Publication date, ISO 8601."""
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


def extract_metadata(root: lxml_html.HtmlElement, url: str | None = None) -> Metadata:
    """Read the page's metadata from its markup. Interim: the ``<title>`` and ``<html lang>``."""
    title = root.findtext(".//title")
    lang = root.get("lang")
    return Metadata(
        title=" ".join(title.split()) or None if title else None,
        language=lang.strip() or None if lang else None,
        url=url,
    )
