"""The fuzz target shared by the atheris harness, the hypothesis fallback and the tests.

``check_input(data)`` turns arbitrary bytes into one ``boilerkit.extract`` call and checks
the contract: the call returns a ``Document`` whose text is clean, or raises a
``BoilerkitError``. Anything else (another exception type, a NUL or a lone surrogate in the
text, a result that differs on a second run) is a finding and raises ``AssertionError`` or
the original exception, which the fuzzer reports as a crash.

The first byte chooses how the rest is fed in, so one corpus covers every input path:
bytes as fetched, with or without a Content-Type, ``str`` decoded with
``surrogateescape`` (lone surrogates) or latin-1, and the option combinations.
"""

from __future__ import annotations

import time

import boilerkit

CONTENT_TYPES = (
    None,
    "text/html; charset=utf-8",
    "text/html; charset=shift_jis",
    "text/html; charset=utf-16",
    "application/xhtml+xml; charset=bogus",
)


def call_for(data: bytes) -> tuple[bytes | str, dict[str, object]]:
    """The ``extract`` input and keyword arguments that ``data`` encodes."""
    if not data:
        return b"", {}
    mode, body = data[0], data[1:]
    kwargs: dict[str, object] = {
        "include_comments": bool(mode & 0x10),
        "include_tables": not mode & 0x20,
        "fallback": bool(mode & 0x40),
        "time_budget": None,
    }
    if mode & 0x80:
        kwargs["url"] = "https://example.org/a/b.html"
    kind = mode & 0x0F
    if kind < 8:
        kwargs["content_type"] = CONTENT_TYPES[kind % len(CONTENT_TYPES)]
        return body, kwargs
    if kind < 12:
        return body.decode("utf-8", "surrogateescape"), kwargs
    return body.decode("latin-1"), kwargs


def check_input(data: bytes, *, repeat: bool = True) -> str:
    """Run one case; return its outcome (``"document"`` or the error class name).

    ``repeat`` runs the case a second time and requires the same result (determinism).
    """
    html, kwargs = call_for(data)
    try:
        doc = boilerkit.extract(html, **kwargs)  # type: ignore[arg-type]
    except boilerkit.BoilerkitError as error:
        return type(error).__name__
    assert isinstance(doc.text, str), type(doc.text)
    assert "\x00" not in doc.text, "NUL in text"
    doc.text.encode("utf-8")  # raises on a lone surrogate
    if not repeat:
        return "document"
    again = boilerkit.extract(html, **kwargs)  # type: ignore[arg-type]
    assert again.text == doc.text, "non-deterministic text"
    assert again.to_dict() == doc.to_dict(), "non-deterministic metadata"
    return "document"


TIME_BUDGET = 1.0
"""The budget of the time-aimed round: short, so that slow inputs stand out."""


def time_limit(budget: float) -> float:
    """What the library promises for ``budget``: 1.5 times it plus half a second."""
    return 1.5 * budget + 0.5


def check_time(data: bytes, budget: float = TIME_BUDGET) -> str:
    """Run one case under ``budget`` and fail if it overruns the promised limit.

    The clock is this process's CPU time, not the wall: the round runs beside other work
    on a shared machine, and a stall that is not ours must not count as a finding. Every
    overrun we look for (a backtracking pattern, a quadratic parse) burns CPU.
    """
    html, kwargs = call_for(data)
    kwargs["time_budget"] = budget
    started = time.process_time()
    try:
        doc = boilerkit.extract(html, **kwargs)  # type: ignore[arg-type]
        outcome = "document"
    except boilerkit.BoilerkitError as error:
        outcome = type(error).__name__
    else:
        doc.to_json().encode("utf-8")  # every output field re-encodes
    spent = time.process_time() - started
    assert spent <= time_limit(budget), f"{spent:.2f} s over a budget of {budget} s"
    return outcome
