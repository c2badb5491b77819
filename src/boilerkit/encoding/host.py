# ruff: noqa: RUF002  (mojibake and look-alike characters are the subject here)
"""The host's language: whether a reading that only swaps letters is better in the
language of the text around it, not only in the language of its own letters.

``bigrams.gain`` reads a window in the languages of its non-ASCII letters, those of the
text as it stands and of the reading. Where the window is a short phrase of one language
inside a long sentence of another, the two sides are read in different languages, and
the host's plain words, which both share, cost less in one than in the other: Czech
``minulý týden`` inside a Spanish sentence is read in Czech, its windows-1254 reading
``minulı tıden`` in Turkish, and the Spanish around it reads 17 bits cheaper in Turkish.
That is no evidence about the phrase. A real misreading of one code page as another is
better in the host's own language too (Croatian ``veæ`` in a Croatian sentence is
``već``), or its own non-ASCII words say so without the host.
"""

from __future__ import annotations

import re

from .bigrams import READERS, fold, gain, tables
from .bigrams import _known as known

__all__ = ["host_gain", "letter_swap", "own_gain"]

_WORDS = re.compile(r"[^ \t\n\r\f\v]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


def letter_swap(old: str, new: str) -> bool:
    """Whether ``new`` differs from ``old`` only by Latin letters turned into other Latin
    letters of the same case (``ý`` -> ``ı``, ``û`` -> ``ű``, ``è`` -> ``č``): the
    readings whose evidence is the bigram model's alone (no sign or capital mended, no
    Cyrillic letter among Latin ones put back)."""
    if len(old) != len(new):
        return False
    return all(
        _LATIN.match(a) and _LATIN.match(b) and a.islower() == b.islower()
        for a, b in zip(old, new, strict=True)
        if a != b
    )


def own_gain(old: str, new: str) -> float:
    """Bits the words ``new`` changes save over the same words of ``old``, read without
    the words around them: the phrase's own evidence (a Czech ``týden`` left beside an
    Italian ``è`` makes ``č týden`` read as one language, which is no evidence for ``č``)."""
    pairs = [
        (a, b) for a, b in zip(_WORDS.findall(old), _WORDS.findall(new), strict=False) if a != b
    ]
    if not pairs:
        return 0.0
    return gain(" ".join(a for a, _ in pairs), " ".join(b for _, b in pairs))[0]


def host_gain(old: str, new: str) -> float:
    """Bits ``new`` saves over ``old``, both read in the ``READERS`` languages that read
    the words both share (the host) cheapest: the host's language, found by the bigram
    costs of its words (letter counts alone take short Slovene for Dutch)."""
    host = " ".join(
        a for a, b in zip(_WORDS.findall(old), _WORDS.findall(new), strict=False) if a == b
    )
    if not host:
        return 0.0
    folded = known(fold(host))
    ranked = sorted(tables().values(), key=lambda t: t.bits(folded, float("inf")))[:READERS]
    before, after = known(fold(old)), known(fold(new))
    return min(t.bits(before, float("inf")) for t in ranked) - min(
        t.bits(after, float("inf")) for t in ranked
    )
