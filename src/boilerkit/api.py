"""The public entry points: ``extract`` and ``explain``."""

from __future__ import annotations

import array
import mmap
from typing import Any, Union

from .document import Document
from .errors import InputTooLargeError, OptionTypeError
from .explain import Explanation
from .options import Options, with_overrides
from .pipeline import run

Page = Union[str, bytes, bytearray, memoryview, mmap.mmap, "array.array[int]"]
"""What ``extract`` reads: text, or bytes in any object with the buffer protocol."""

_ACCEPTED = "str or a bytes-like object (bytes, bytearray, memoryview, mmap, array('B'))"


def as_page(html: object, max_bytes: int | None = None) -> bytes | str:
    """``html`` as ``bytes`` or ``str``: every bytes-like is copied into ``bytes`` once.

    Sockets, ``mmap`` and buffers hand out ``bytearray`` and ``memoryview``; the stages
    (regular expressions, lxml) want ``bytes``. Anything else is a ``TypeError`` that says
    what is accepted, rather than a ``len()`` or regex error from deep inside. A buffer
    over ``max_bytes`` is refused before it is copied (a mapped file may be huge).
    """
    if isinstance(html, (bytes, str)):
        return html
    try:
        view = memoryview(html)  # type: ignore[arg-type]  # any object may have the protocol
    except TypeError:
        raise TypeError(f"html must be {_ACCEPTED}, not {type(html).__name__}") from None
    with view:
        if max_bytes is not None and view.nbytes > max_bytes:
            raise InputTooLargeError(f"input is {view.nbytes} bytes, over max_bytes={max_bytes}")
        return view.tobytes()


def _check_hints(url: object, content_type: object) -> None:
    """``url`` and ``content_type`` are text or absent (an ``OptionTypeError`` otherwise)."""
    for name, value in (("url", url), ("content_type", content_type)):
        if value is not None and not isinstance(value, str):
            raise OptionTypeError(f"{name} must be a str or None, not {type(value).__name__}")


def extract(
    html: Page,
    *,
    url: str | None = None,
    content_type: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> Document:
    """Extract the main text and metadata of one page.

    ``html`` is the page as fetched (bytes or any bytes-like, decoded here) or already
    decoded text; anything else raises ``TypeError``.
    ``content_type`` is the HTTP header, whose charset is the first hint for decoding.
    Keyword ``overrides`` replace fields of ``options`` (e.g. ``include_comments=True``);
    an unknown keyword is a ``TypeError``, a bad value an ``OptionError`` (a ``ValueError``).
    A page without main content gives a ``Document`` with empty ``text``.
    Never touches the network or the file system.
    """
    _check_hints(url, content_type)
    settings = with_overrides(options, overrides)
    page = as_page(html, settings.max_bytes)
    return run(page, url=url, content_type=content_type, options=settings).document


def explain(
    html: Page,
    *,
    url: str | None = None,
    content_type: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> Explanation:
    """Like ``extract``, and say why each block was kept or dropped (``str()`` it to read)."""
    _check_hints(url, content_type)
    settings = with_overrides(options, overrides)
    page = as_page(html, settings.max_bytes)
    result = run(page, url=url, content_type=content_type, options=settings, explain=True)
    return Explanation(
        document=result.document,
        verdicts=result.selection.verdicts,
        confidence=result.selection.confidence,
        notes=result.selection.notes,
    )
