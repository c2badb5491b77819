# ruff: noqa: RUF002  (mojibake and look-alike characters are the subject here)
"""One misreading over the whole node, once some repair has shown it.

The finer readings of the repair stage (spans, runs of words, ftfy's pieces) each judge
a piece of a node on its own: the short pieces a misreading leaves beside the words it
repaired (``vá»›i`` beside ``Phần``, ``РІ`` beside ``Есть альбом``) are too short to be
taken alone, and pieces read through a neighbouring code page (``ĂĄ`` -> ``å``, not
``á``) mix two misreadings in one phrase. Once a node is known to be broken, its repairs
are the evidence: the node is read again from the start through each code page UTF-8 may
have been read as, every complete sequence at once, and through the same code page twice
(double encoding is one code page applied twice).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .judge import Change, sound, window
from .plausibility import cost
from .spans import sequence_reading
from .trigger import suspect
from .whole import UTF8_READERS

__all__ = ["consistent_reading", "readers_of"]

# The code pages ftfy reads pieces as (``ftfy.chardata.CHARMAP_ENCODINGS``).
_FTFY_PIECES: tuple[str, ...] = (
    *("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso8859_2"),
    *("mac_roman", "cp437"),
)
_READER_NAMES = {"latin-1": "cp1252", "iso8859_1": "cp1252"}
_ALL_READERS = ("cp1252", *UTF8_READERS, "cp437", "mac_roman")
_FOREIGN_WORD = re.compile(r"(?<!\S)\S*[^\x00-\x7f]\S*")


def _foreign(text: str) -> str:
    """The words of ``text`` that hold a non-ASCII character (the rest costs nothing)."""
    return " ".join(_FOREIGN_WORD.findall(text))


def consistent_reading(
    text: str, repaired: str, changes: Sequence[Change]
) -> tuple[str, tuple[str, ...]] | None:
    """(reading, chain) of ``text`` through one UTF-8 misreading, every sequence at once,
    when it beats ``repaired`` (``text`` as ``changes`` repaired it); else ``None``.

    The reading must cost less, decode at least as much (not one layer where the repair
    undid two) and be ``sound`` on the words it changes. A tie goes to it when the
    repairs mixed two misreadings, when it is a second layer of the code page they undid,
    or when it reads that code page and leaves no mark: the cost model cannot tell
    ``ÄŤe`` from ``če``, nor ``РІ`` from ``в``.
    """
    readers = dict.fromkeys(reader for change in changes for reader in readers_of(change))
    mixed = len(readers) > 1
    best: tuple[str, tuple[str, ...]] | None = None
    best_text = repaired
    best_cost: float | None = None
    for reader in dict.fromkeys((*readers, *_ALL_READERS)):
        once = sequence_reading(text, reader)
        twice = sequence_reading(once, reader)
        for fixed, depth in ((once, 1), (twice, 2)) if twice != once else ((once, 1),):
            if fixed in (text, best_text) or len(fixed) > len(best_text):
                continue  # decodes less than the repair it would replace (a second layer)
            if best_cost is None:
                best_cost = cost(_foreign(best_text))
            fixed_cost = cost(_foreign(fixed))
            again = depth == 2 and reader in readers
            cleaner = reader in readers and suspect(best_text) and not suspect(fixed)
            tie = fixed_cost == best_cost and (mixed or again or cleaner)
            if (fixed_cost < best_cost or tie) and sound(*window(text, fixed), sequences=True):
                best = (fixed, (f"utf-8/{reader}",) * depth)
                best_text, best_cost = fixed, fixed_cost
    return best


def readers_of(change: Change) -> list[str]:
    """The code pages UTF-8 was read as that ``change`` undid. ftfy's pieces are named
    windows-1252 whatever code page ftfy read them as: the first, in ftfy's order, whose
    sequences give the same characters is the one."""
    readers = []
    for step in change.chain:
        if not step.startswith("utf-8/") or step == "utf-8/mixed":
            continue  # ``mixed`` is the seed's form, no code page (``„i Ã¥r“`` crashed)
        name = step.removeprefix("utf-8/")
        if name.endswith(" (pieces)"):
            before, after = change.before, change.after
            found = (r for r in _FTFY_PIECES if sequence_reading(before, r) == after)
            readers += [r for r in (next(found, None),) if r is not None]
        else:
            readers.append(_READER_NAMES.get(name, name))
    return readers
