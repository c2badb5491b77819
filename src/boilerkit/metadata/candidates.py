"""Candidate values per field, each tagged with the source it came from."""

from __future__ import annotations

from collections.abc import Iterator

from .priorities import PRIORITIES
from .text import clean_value

MAX_CHARS = {"author": 1_000, "sitename": 300, "date": 300, "date_modified": 300}
"""Values longer than this are not an author, a site's name or a date, whatever the source
says: a page that declares 8,000 "@" as its author gets none, and no pattern runs over
them. (An author list of a dozen names is under 400 characters.)"""


_RANKS = {
    field: {source: index for index, source in enumerate(order)}
    for field, order in PRIORITIES.items()
}
"""Each field's sources and their place in ``PRIORITIES``."""


class Candidates:
    """What every source proposed, field by field, ranked by ``PRIORITIES``.

    Values are cleaned (entities, mojibake, whitespace) when a field is read, not when
    they are added: most fields take their first usable value, and the others a page
    proposes (the same description as ``og:``, ``twitter:``, ``<meta>`` and JSON-LD)
    are then never cleaned. A source may propose several values for one field (e.g.
    several ``article:tag``).
    """

    def __init__(self) -> None:
        self._values: dict[str, list[tuple[str, object]]] = {}
        # Each field's values in ``_raw``'s order, kept until the next ``add`` to it: a
        # field is read several times (the title by every title rule).
        self._ranked: dict[str, list[tuple[str, object]]] = {}

    def add(self, field: str, source: str, value: object) -> None:
        """Record ``value`` for ``field`` unless it is too long to be one (``MAX_CHARS``:
        never searched then); it counts if anything readable is left after cleaning."""
        if value is None or (
            isinstance(value, str) and len(value) > MAX_CHARS.get(field, len(value))
        ):
            return
        self._values.setdefault(field, []).append((source, value))
        self._ranked.pop(field, None)

    def _raw(self, field: str) -> list[tuple[str, object]]:
        ranked = self._ranked.get(field)
        if ranked is None:
            rank = _RANKS.get(field, {})
            last = len(rank)
            ranked = sorted(self._values.get(field, []), key=lambda item: rank.get(item[0], last))
            self._ranked[field] = ranked
        return ranked

    def each(self, field: str) -> Iterator[tuple[str, str]]:
        """``(source, value)`` pairs, most trusted source first, page order within one;
        each value cleaned as it is reached."""
        for source, raw in self._raw(field):
            value = clean_value(raw)
            if value is not None:
                yield source, value

    def ranked(self, field: str) -> list[tuple[str, str]]:
        """Every pair ``each`` gives."""
        return list(self.each(field))

    def first(self, field: str) -> str | None:
        """The value of the most trusted source, or ``None``."""
        return next((value for _, value in self.each(field)), None)

    def values(self, field: str) -> list[str]:
        """Every value for ``field``, ranked."""
        return [value for _, value in self.each(field)]
