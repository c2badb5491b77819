"""Render stage: the selected content tree as text, Markdown, JSON, HTML, XML, TEI or CSV.

Two levels, as in html-text: ``render_text``/``render_markdown``/``render_html`` take a
content tree (``Document.content``), and ``render_document`` takes a whole ``Document``
and adds what belongs to the page rather than the tree (title, comments, metadata).
All of them read the tree through one walk (``walk.walk``) and never mutate it.
"""

from __future__ import annotations

from typing import Final, Literal

from .as_csv import CSV_COLUMNS, csv_header, csv_row, render_csv
from .as_html import render_html
from .as_json import render_json
from .formats import REGISTRY, OutputFormat, get_format, render_document
from .markdown import render_markdown
from .text import render_text

Format = Literal["text", "markdown", "json", "html", "xml", "tei", "csv"]
FORMATS: Final[tuple[Format, ...]] = ("text", "markdown", "json", "html", "xml", "tei", "csv")
"""The names in ``REGISTRY`` (a test holds the two together)."""

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "REGISTRY",
    "Format",
    "OutputFormat",
    "csv_header",
    "csv_row",
    "get_format",
    "render_csv",
    "render_document",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
]
