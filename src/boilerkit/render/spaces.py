"""Whitespace collapsing in bounded memory.

``" ".join(text.split())`` and ``re.sub(r"\\s+", " ", text)`` make one string object per
word before joining them: about 55 bytes per word, twelve times the text. On a page of
60 MB of prose that was 750 MB for one call, and a worker must stay under 1 GB. Texts
over ``CHUNK_CHARS`` are therefore collapsed a piece at a time, each piece ending just
before a run of whitespace so that no run is split; the result is the same string.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CHUNK_CHARS = 1 << 20
"""Texts longer than this are collapsed in pieces of about this many characters."""

_SPACE = re.compile(r"\s+")  # the whitespace of str.split(), one run at a time


def _pieces(text: str) -> Iterator[str]:
    """``text`` in consecutive pieces of at least ``CHUNK_CHARS``, each cut where a run of
    whitespace starts."""
    start = 0
    while start < len(text):
        run = _SPACE.search(text, start + CHUNK_CHARS)
        end = run.start() if run else len(text)
        yield text[start:end]
        start = end


def squeeze(text: str) -> str:
    """``text`` with every run of whitespace made one space (``re.sub(r"\\s+", " ")``)."""
    if len(text) <= CHUNK_CHARS:
        return _SPACE.sub(" ", text)
    return "".join(_SPACE.sub(" ", piece) for piece in _pieces(text))


def collapse(text: str) -> str:
    """``" ".join(text.split())``: runs of whitespace made one space, ends stripped.

    A long text is split a fixed-size slice at a time (``str.split`` is C-fast, a regex
    over 60 MB without a space took 0.7 s); a word cut by a slice's end is carried, in
    parts, into the next slice.
    """
    if len(text) <= CHUNK_CHARS:
        return " ".join(text.split())
    runs: list[str] = []
    cut: list[str] = []  # the parts of a word that runs across slices
    for start in range(0, len(text), CHUNK_CHARS):
        piece = text[start : start + CHUNK_CHARS]
        words = piece.split()
        if cut and words and not piece[0].isspace():  # the slice goes on with the cut word
            cut.append(words[0])
            if len(words) == 1 and not piece[-1].isspace():
                continue  # and runs on past it
            words = words[1:]
        if cut:
            runs.append("".join(cut))
            cut.clear()
        if words and not piece[-1].isspace():
            cut.append(words.pop())
        if words:
            runs.append(" ".join(words))
    if cut:
        runs.append("".join(cut))
    return " ".join(runs)
