"""Per-document time budget: one pathological page must not stall a whole crawl.

``pipeline.run`` creates a ``Deadline`` from ``Options.time_budget`` and calls
``check()`` between stages; the long loops of the stages (the pieces fed to libxml2,
clean, segmentation, block verdicts, the content copy, the render walk) call it inside
them. A check is one ``time.monotonic()`` call and a comparison (~60 ns), cheap enough
for every iteration of a per-block loop.

The budget is cooperative: what runs between two checks is not interrupted. Each such
step is bounded (a 1 MB piece of parsing, one linear regex pass, the coarse path's XSLT
pass), and the trafilatura second opinion is started only when what is left of the
budget covers three times its estimate. A hard limit needs a process boundary: see
docs/robustness.md.

The deadline of the extraction running on the current thread is also reachable through
``current()``, a context variable, so deep helpers can check it without the deadline
being threaded through every signature. It is set per call and reset afterwards, so it
never leaks between documents or threads.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import TimeBudgetExceededError


class Deadline:
    """A point in (monotonic) time after which extraction of one document gives up."""

    __slots__ = ("_budget", "_expires")

    def __init__(self, budget: float | None) -> None:
        """Start the clock now; ``budget`` is in seconds, ``None`` for no limit."""
        self._budget = budget
        self._expires = float("inf") if budget is None else time.monotonic() + budget

    @property
    def budget(self) -> float | None:
        """The budget this deadline was started with, in seconds."""
        return self._budget

    def remaining(self) -> float:
        """Seconds left (``inf`` without a limit; negative once expired)."""
        return self._expires - time.monotonic()

    @property
    def expired(self) -> bool:
        """Whether the budget is spent."""
        return time.monotonic() > self._expires

    def check(self, stage: str = "") -> None:
        """Raise ``TimeBudgetExceededError`` once the budget is spent; return otherwise."""
        if time.monotonic() > self._expires:
            where = f" (during {stage})" if stage else ""
            raise TimeBudgetExceededError(
                f"extraction ran past time_budget={self._budget} s{where}"
            )


UNLIMITED = Deadline(None)
"""A deadline that never expires: what ``current()`` gives outside an extraction."""

_CURRENT: ContextVar[Deadline] = ContextVar("boilerkit_deadline", default=UNLIMITED)


def current() -> Deadline:
    """The deadline of the extraction running in this context (``UNLIMITED`` if none)."""
    return _CURRENT.get()


@contextmanager
def active(deadline: Deadline) -> Iterator[Deadline]:
    """Make ``deadline`` what ``current()`` returns for the duration of the block."""
    token = _CURRENT.set(deadline)
    try:
        yield deadline
    finally:
        _CURRENT.reset(token)
