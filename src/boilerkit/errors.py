"""The exception tree, in one place.

    BoilerkitError (ValueError)          base of everything boilerkit raises on bad input
    ├── OptionError                      an option has a value it does not accept
    │   └── OptionTypeError (TypeError)  ... or a value of the wrong type
    ├── ExtractionError                  the input cannot be read as a page at all
    │   ├── InputTooLargeError           over ``Options.max_bytes``, or a tree too dense
    │   └── TimeBudgetExceededError      extraction ran past ``Options.time_budget``
    └── StageError                       a dependency failed inside a stage (``.stage``
                                         names it; the original is ``__cause__``)

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
``UnicodeError``, ``MemoryError`` or an lxml error. ``pipeline`` runs each stage inside
``pipeline.stage(name)``, the one place that turns any other exception into a
``StageError``; the stages themselves catch only the specific errors they expect. The
tests in ``tests/test_robustness.py``, ``tests/test_contract.py`` and
``tests/test_properties.py`` hold that line.
"""

from __future__ import annotations

from typing import Any


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


class StageError(BoilerkitError):
    """A stage failed on an exception of a dependency (lxml, trafilatura, the standard
    library): a bug to report, raised as a ``BoilerkitError`` so that one page never stops
    a crawl. ``stage`` names the stage; the original exception is ``__cause__``."""

    def __init__(self, stage: str, error: BaseException) -> None:
        super().__init__(f"{stage} failed: {type(error).__name__}: {error}")
        self.stage = stage

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled across a process pool with its stage (the cause does not travel).
        return (_stage_error, (self.stage, str(self)))


def _stage_error(stage: str, message: str) -> StageError:
    error = StageError.__new__(StageError)
    BoilerkitError.__init__(error, message)
    error.stage = stage
    return error
