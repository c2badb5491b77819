"""The one place every value leaves the library clean.

Whatever a page or a dependency put into a field, the ``Document`` that ``extract``
returns holds only:

- strings of Unicode scalar values: a lone surrogate (a JSON-LD ``"\\ud800"`` escape, a
  ``str`` decoded with ``surrogateescape``) becomes U+FFFD, so every field encodes as
  UTF-8 and ``to_json`` never fails;
- no C0 or C1 control characters but ``\\n`` and ``\\t``: a terminal escape
  (``"\\u001b]0;...\\u0007"``) in a title would act on the terminal of whoever prints it.
  Vertical tab, form feed, carriage return and NEL become a space, the rest are dropped;
- dates that are valid ISO 8601 (what ``datetime.fromisoformat`` reads), or ``None``.

The stages try to produce such values already; this is the boundary that makes it a
guarantee rather than a hope, at the cost of one C-speed regex search per string.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from typing import Any, TypeVar

_UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACES = dict.fromkeys(map(ord, "\x0b\x0c\r\x85"), " ")
_DROPPED = {
    code: None for code in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(code) not in "\t\n"
}
_TABLE = {**_DROPPED, **_SPACES, **dict.fromkeys(range(0xD800, 0xE000), "\ufffd")}
DATE_FIELDS = frozenset({"date", "date_modified"})
"""The fields that hold an ISO 8601 date."""

T = TypeVar("T")


def clean_string(value: str) -> str:
    """``value`` without lone surrogates and control characters (see the module).

    A line that held only such characters goes with them (``"the\n\x7f"`` is ``"the"``,
    not a text ending in an empty line), and a line that did not begin or end in a space
    does not after them (``"the \x7f"`` is ``"the"``); lines without them are untouched.
    """
    if not _UNCLEAN.search(value):
        return value
    lines = [
        _clean_line(old, new)
        for old, new in zip(value.split("\n"), value.translate(_TABLE).split("\n"), strict=True)
    ]
    return "\n".join(line for line in lines if line is not None)


def _clean_line(old: str, new: str) -> str | None:
    if new == old:
        return new
    if not new.strip():
        return None if old.strip() else new
    if old[:1].isspace() or old[-1:].isspace():
        return new
    return new.strip()


def iso_date(value: str | None) -> str | None:
    """``value`` when it is a valid ISO 8601 date or date-time, else ``None``."""
    if not value:
        return None
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        return None
    return value


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_string(value)
    if isinstance(value, tuple):  # a value left empty by cleaning is left out
        return tuple(item for item in map(_clean, value) if item != "")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return clean_fields(value)
    return value


def clean_fields(record: T) -> T:
    """``record`` (a dataclass) with every string in it, nested ones too, made clean and
    every date field a valid ISO 8601 date or ``None``."""
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(record):  # type: ignore[arg-type]
        if not field.init:
            continue
        value = getattr(record, field.name)
        if field.name in DATE_FIELDS and value:
            cleaned = iso_date(clean_string(value))
        else:
            cleaned = _clean(value)
            if cleaned == "" and field.default is None:  # an optional field left empty
                cleaned = None
        if cleaned is not value and cleaned != value:
            changes[field.name] = cleaned
    return dataclasses.replace(record, **changes) if changes else record  # type: ignore[type-var]
