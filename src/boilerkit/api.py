"""The public entry points: ``extract`` and ``explain``."""

from __future__ import annotations

import dataclasses
from typing import Any

from .document import Document
from .explain import Explanation
from .options import Options
from .pipeline import run


def _options(options: Options | None, overrides: dict[str, Any]) -> Options:
    base = options if options is not None else Options()
    return dataclasses.replace(base, **overrides) if overrides else base


def extract(
    html: bytes | str,
    *,
    url: str | None = None,
    content_type: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> Document:
    """Extract the main text and metadata of one page.

    ``html`` is the page as fetched (bytes, decoded here) or already decoded text.
    ``content_type`` is the HTTP header, whose charset is the first hint for decoding.
    Keyword ``overrides`` replace fields of ``options`` (e.g. ``include_comments=True``).
    A page without main content gives a ``Document`` with empty ``text``.
    Never touches the network or the file system.
    """
    return run(
        html, url=url, content_type=content_type, options=_options(options, overrides)
    ).document


def explain(
    html: bytes | str,
    *,
    url: str | None = None,
    content_type: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> Explanation:
    """Like ``extract``, and say why each block was kept or dropped (``str()`` it to read)."""
    result = run(
        html, url=url, content_type=content_type, options=_options(options, overrides), explain=True
    )
    return Explanation(
        document=result.document,
        verdicts=result.selection.verdicts,
        confidence=result.selection.confidence,
        notes=result.selection.notes,
    )
