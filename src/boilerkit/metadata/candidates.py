"""Candidate values per field, each tagged with the source it came from."""

from __future__ import annotations

from .priorities import PRIORITIES
from .text import clean_value

MAX_CHARS = {"author": 1_000, "sitename": 300, "date": 300, "date_modified": 300}
"""Values longer than this are not an author, a site's name or a date, whatever the source
says: a page that declares 8,000 "@" as its author gets none, and no pattern runs over
them. (An author list of a dozen names is under 400 characters.)"""


class Candidates:
    """What every source proposed, field by field, ranked by ``PRIORITIES``.

    Values are cleaned on the way in (entities, mojibake, whitespace); a source may
    propose several values for one field (e.g. several ``article:tag``).
    """

    def __init__(self) -> None:
        self._values: dict[str, list[tuple[str, str]]] = {}

    def add(self, field: str, source: str, value: object) -> None:
        """Record ``value`` for ``field`` if anything readable is left after cleaning, and
        if it is not too long to be one (``MAX_CHARS``: never searched then)."""
        if isinstance(value, str) and len(value) > MAX_CHARS.get(field, len(value)):
            return
        text = clean_value(value)
        if text is not None:
            self._values.setdefault(field, []).append((source, text))

    def ranked(self, field: str) -> list[tuple[str, str]]:
        """``(source, value)`` pairs, most trusted source first, page order within one."""
        order = PRIORITIES.get(field, ())
        rank = {source: index for index, source in enumerate(order)}
        return sorted(self._values.get(field, []), key=lambda item: rank.get(item[0], len(order)))

    def first(self, field: str) -> str | None:
        """The value of the most trusted source, or ``None``."""
        ranked = self.ranked(field)
        return ranked[0][1] if ranked else None

    def values(self, field: str, source: str | None = None) -> list[str]:
        """Every value for ``field`` (from ``source`` only, when given), ranked."""
        return [value for src, value in self.ranked(field) if source is None or src == source]

    def sources(self, field: str) -> set[str]:
        """The sources that proposed anything for ``field``."""
        return {source for source, _ in self._values.get(field, [])}
