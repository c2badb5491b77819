"""Neighbouring code pages: a UTF-8 repair through one may have been a misreading as
the other, and the bigram model picks.

windows-1250 and ISO-8859-2, windows-1252 and ISO-8859-15, windows-1253 and ISO-8859-7,
windows-1254 and ISO-8859-9, KOI8-R and KOI8-U, cp437 and cp850 show most UTF-8
sequences alike and a few bytes differently; the cost model reads both as plausible.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .bigrams import gain, saving
from .consistent import readers_of
from .judge import Change, sound, weights, window
from .spans import sequence_reading

__all__ = ["sibling_reading"]

# Code pages that show most UTF-8 sequences alike and some differently: a repair through
# one may have been a misreading as the other (``ĹĄ`` is ``ť`` through windows-1250 and
# ``š`` through ISO-8859-2; ``Ã€`` is ``À`` through windows-1252, ``ä`` through
# ISO-8859-15).
_SIBLINGS = {
    "cp1250": ("iso8859_2",),
    "iso8859_2": ("cp1250",),
    "cp1252": ("iso8859_15",),
    "iso8859_15": ("cp1252",),
    "cp1253": ("iso8859_7",),
    "iso8859_7": ("cp1253",),
    "cp1254": ("iso8859_9",),
    "iso8859_9": ("cp1254",),
    "koi8_r": ("koi8_u",),
    "koi8_u": ("koi8_r",),
    "cp437": ("cp850",),
    "cp850": ("cp437",),
}


def sibling_reading(text: str, repaired: str, changes: Sequence[Change]) -> tuple[str, str] | None:
    """(``text`` read through the sibling of the code page ``changes`` read its UTF-8
    sequences as, that sibling) when the bigram model finds the reading clearly more like
    real text than ``repaired`` (``RepairWeights.sibling_gain``): the cost model cannot
    tell the two apart. ``None`` otherwise, or when a change is no UTF-8 reading."""
    if not changes or any(
        not step.startswith("utf-8/") for change in changes for step in change.chain
    ):
        return None
    readers = dict.fromkeys(r for change in changes for r in readers_of(change))
    best: tuple[float, str, str] | None = None
    for sibling in dict.fromkeys(s for r in readers for s in _SIBLINGS.get(r, ())):
        cand = sequence_reading(text, sibling)
        if cand in (text, repaired) or len(cand) != len(repaired):
            continue
        old, new = window(repaired, cand, weights().language_margin)
        changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        if not all(
            a.isalpha() and b.isalpha() and not (a.islower() and b.isupper()) for a, b in changed
        ):
            continue  # ``ÂĄ`` is ``¥`` or ``¡``, ``iÃšr`` no ``iÚr``: letters, no capital
        saved = saving(old, new, window(repaired, cand, 60)[0])
        if _inner_capitals(new) < _inner_capitals(old):
            saved = max(saved, weights().sibling_gain)  # ``ZÀit`` is no word: ``Zäit``
        elif saved > 0 and gain(old, new)[0] <= 0:
            continue  # read in its own languages, the sibling's letter is no better
        if (
            saved >= weights().sibling_gain
            and (best is None or saved > best[0])
            and sound(*window(text, cand), sequences=True)
        ):
            best = (saved, cand, sibling)
    return None if best is None else best[1:]


_INNER_CAPITAL = re.compile("(?<=[^\\W\\d_])[À-ÖØ-Þ](?=[a-zß-öø-ÿ])")


def _inner_capitals(text: str) -> int:
    """Accented capitals inside a word, before a lower-case letter (``ZÀit``, ``MÀrz``):
    no language writes them, the bigram model (lower case) cannot see them."""
    return len(_INNER_CAPITAL.findall(text))
