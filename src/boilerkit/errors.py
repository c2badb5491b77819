"""The exception tree, in one place.

    BoilerkitError (ValueError)          base of everything boilerkit raises on bad input
    └── ExtractionError                  the input cannot be read as a page at all
        ├── InputTooLargeError           the input exceeds ``Options.max_bytes``
        └── TimeBudgetExceededError      extraction ran past ``Options.time_budget``

"No main content" is not an error: ``extract`` returns a ``Document`` with empty
``text``, and ``explain`` says why.
"""

from __future__ import annotations


class BoilerkitError(ValueError):
    """Base class of every error boilerkit raises for input it cannot handle."""


class ExtractionError(BoilerkitError):
    """The input cannot be read as an HTML page (binary data, a non-HTML document)."""


class InputTooLargeError(ExtractionError):
    """The input is larger than ``Options.max_bytes``."""


class TimeBudgetExceededError(ExtractionError):
    """Extraction took longer than ``Options.time_budget`` seconds."""
