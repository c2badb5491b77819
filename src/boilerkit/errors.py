"""The exception tree, in one place.

    BoilerkitError (ValueError)          base of everything boilerkit raises on bad input
    ├── OptionError                      an option has a value it does not accept
    │   └── OptionTypeError (TypeError)  ... or a value of the wrong type
    └── ExtractionError                  the input cannot be read as a page at all
        ├── InputTooLargeError           the input exceeds ``Options.max_bytes``
        └── TimeBudgetExceededError      extraction ran past ``Options.time_budget``

``OptionTypeError`` is both a ``ValueError`` and a ``TypeError``: ``max_bytes="10MB"`` is a
bad option value to those who catch ``ValueError`` and a wrong type to those who catch
``TypeError``. A page that is not ``str`` or bytes-like (``extract(None)``) is a plain
``TypeError``: a programming error, not bad input.

What "cannot be read as a page" means (the checks live in ``guard``):

- the input starts with the signature of a binary file format: PDF, PNG/GIF/JPEG,
  ZIP/gzip/zstd/bzip2/xz/7z, executables, media and font files;
- the decoded text is binary noise: more than 6 % of its first 64 Ki characters are
  control characters or bytes that no encoding could map (real pages: under 0.05 %).

Everything else gives a best-effort ``Document``: empty or whitespace-only input, plain
text, JSON, truncated HTML, tag soup, NUL bytes, lone surrogates in ``str`` input. "No main
content" is not an error either: ``extract`` returns a ``Document`` with empty ``text``,
and ``explain`` says why.

No other exception type escapes ``extract`` for any input: not ``RecursionError``,
``UnicodeError``, ``MemoryError`` (within ``max_bytes``) or an lxml error. The tests in
``tests/test_robustness.py`` and ``tests/test_properties.py`` hold that line.
"""

from __future__ import annotations


class BoilerkitError(ValueError):
    """Base class of every error boilerkit raises for input it cannot handle."""


class OptionError(BoilerkitError):
    """An option (``Options`` field or ``extract`` keyword) has a value it does not accept."""


class OptionTypeError(OptionError, TypeError):
    """An option has a value of the wrong type (``max_bytes="10MB"``, ``weights={}``)."""


class ExtractionError(BoilerkitError):
    """The input cannot be read as an HTML page (binary data, a non-HTML document)."""


class InputTooLargeError(ExtractionError):
    """The input is larger than ``Options.max_bytes``."""


class TimeBudgetExceededError(ExtractionError):
    """Extraction took longer than ``Options.time_budget`` seconds."""
