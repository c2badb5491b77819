"""boilerkit: strip the boilerplate off web pages.

>>> import boilerkit
>>> doc = boilerkit.extract(b"<article><p>Hello, world.</p></article>")
>>> doc.text
'Hello, world.'
"""

from __future__ import annotations

from .api import explain, extract
from .document import Document, RelatedLink
from .encoding.decode import Decoded, decode_html
from .encoding.repair import RepairResult, explain_repair, repair_text
from .errors import (
    BoilerkitError,
    ExtractionError,
    InputTooLargeError,
    OptionError,
    OptionTypeError,
    StageError,
    TimeBudgetExceededError,
)
from .explain import Explanation
from .metadata import Metadata
from .options import Options
from .render import render_document

__version__ = "0.1.0"

__all__ = [
    "BoilerkitError",
    "Decoded",
    "Document",
    "Explanation",
    "ExtractionError",
    "InputTooLargeError",
    "Metadata",
    "OptionError",
    "OptionTypeError",
    "Options",
    "RelatedLink",
    "RepairResult",
    "StageError",
    "TimeBudgetExceededError",
    "__version__",
    "decode_html",
    "explain",
    "explain_repair",
    "extract",
    "render_document",
    "repair_text",
]
