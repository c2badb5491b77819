"""What the caller asks for: the knobs of ``extract`` that are about output, not tuning.

Tuning numbers (scores, thresholds) live in ``weights.Weights``; this module holds only
what a user chooses per call. Override with ``dataclasses.replace`` or keyword arguments
to ``extract``.

Options are checked when they are made (``__post_init__``, so ``dataclasses.replace`` and
``extract(**overrides)`` are checked too), against one table (``_CHECKS``): a typo such as
``favor="Precision"`` or ``max_bytes="10MB"`` fails at once with an ``OptionError`` that
names the option and what it accepts, instead of being taken silently for the default or
failing deep inside a stage.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal, get_args

from .errors import OptionError, OptionTypeError
from .weights import Weights

Favor = Literal["balanced", "precision", "recall"]
FAVORS: Final[tuple[str, ...]] = get_args(Favor)


@dataclass(frozen=True, slots=True)
class Options:
    """Per-call choices. Every default is what most users want."""

    include_comments: bool = False
    """Append the page's comment section to the text (it is always kept out otherwise)."""
    include_tables: bool = True
    """Keep tables that belong to the article."""
    include_links: bool = False
    """Render links (Markdown/HTML output); the plain text never carries URLs."""
    include_images: bool = False
    """Render images as ``![alt](src)`` in Markdown and ``<img>`` in HTML."""
    include_formatting: bool = False
    """Keep emphasis (bold/italic) in Markdown output."""
    favor: Favor = "balanced"
    """``precision`` drops borderline blocks, ``recall`` keeps them."""
    fallback: bool = True
    """Ask trafilatura for a second opinion when our own selection has low confidence."""
    max_bytes: int = 64 * 1024 * 1024
    """Larger inputs raise ``InputTooLargeError`` instead of being parsed."""
    time_budget: float | None = 30.0
    """Seconds one document may take; ``None`` for no limit."""
    weights: Weights = Weights()  # noqa: RUF009 (frozen, so one shared default is safe)
    """The scoring table; tune with ``dataclasses.replace(Weights(), ...)``."""

    def __post_init__(self) -> None:
        for name, check, accepted in _CHECKS:
            value = getattr(self, name)
            verdict = check(value)
            if verdict is not None:
                error = OptionTypeError if verdict == "type" else OptionError
                shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
                raise error(f"option {name}={shown} is invalid: expected {accepted}")

    @property
    def scale(self) -> float:
        """How hard block costs and link penalties bite, from ``favor``."""
        if self.favor == "precision":
            return self.weights.precision_scale
        if self.favor == "recall":
            return self.weights.recall_scale
        return 1.0


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "type"


def _is_favor(value: Any) -> str | None:
    if not isinstance(value, str):
        return "type"
    return None if value in FAVORS else "value"


def _is_count(value: Any) -> str | None:
    # numbers.Integral/Real rather than int/float: NumPy's scalars are numbers too.
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        return "type"
    return None if int(value) >= 1 else "value"


def _is_seconds(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return "type"
    seconds = float(value)
    return None if math.isfinite(seconds) and seconds > 0 else "value"


def _is_weights(value: Any) -> str | None:
    return None if isinstance(value, Weights) else "type"


_BOOL = "True or False"
_CHECKS: Final[tuple[tuple[str, Callable[[Any], str | None], str], ...]] = (
    ("include_comments", _is_bool, _BOOL),
    ("include_tables", _is_bool, _BOOL),
    ("include_links", _is_bool, _BOOL),
    ("include_images", _is_bool, _BOOL),
    ("include_formatting", _is_bool, _BOOL),
    ("favor", _is_favor, " or ".join(map(repr, FAVORS))),
    ("fallback", _is_bool, _BOOL),
    ("max_bytes", _is_count, "a whole number of bytes, at least 1"),
    ("time_budget", _is_seconds, "a finite number of seconds above 0, or None for no limit"),
    ("weights", _is_weights, "a boilerkit.weights.Weights (tune it with dataclasses.replace)"),
)
"""Each option, how it is checked ("type", "value" or None when fine), and what it accepts."""

OPTION_NAMES: Final[tuple[str, ...]] = tuple(f.name for f in dataclasses.fields(Options))


def with_overrides(options: Options | None, overrides: Mapping[str, Any]) -> Options:
    """``options`` (default ``Options()``) with ``overrides`` replacing fields.

    An unknown key is a ``TypeError`` that lists the valid ones, as for any function
    called with a wrong keyword; a bad value is an ``OptionError``.
    """
    base = options if options is not None else Options()
    if not isinstance(base, Options):
        raise OptionTypeError(f"options must be a boilerkit.Options, not {type(base).__name__}")
    unknown = sorted(set(overrides) - set(OPTION_NAMES))
    if unknown:
        raise TypeError(
            f"unknown option{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}: "
            f"valid options are {', '.join(OPTION_NAMES)}"
        )
    return dataclasses.replace(base, **overrides) if overrides else base
