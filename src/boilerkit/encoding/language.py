# ruff: noqa: RUF002  (mojibake and look-alike characters are the subject here)
"""Character bigram model: how much a string reads like some real language's text.

The per-character cost model (``plausibility``) cannot tell readings apart whose letters
all exist somewhere: Turkish read as windows-1252 (``Kasým Þubat``) is Icelandic letter by
letter, Czech read as windows-1252 (``nedìle``) is Italian, a Big5 reading of GBK bytes is
all common Han. Which letters follow which is what tells them apart: no language puts
``ý`` after ``s`` the way Turkish puts ``ı``. ``bits`` is the cost, in bits, of a string
under the language of the tables that reads it most cheaply.

The tables (``data/bigrams.json.gz``, built by ``data/build_bigrams.py``) come from the
translated strings of Django's catalogs, text independent of boilerkit's tests.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["SCALE", "SMOOTHING", "bits", "fold"]

DATA = Path(__file__).with_name("data") / "bigrams.json.gz"
SCALE = 2
"""Costs are stored as integers in 1/SCALE bits (half a bit is finer than the model)."""
SMOOTHING = 4.0
"""Weight of the unigram back-off against a character's bigram counts."""
UNSEEN = 30.0
"""Bits for a character a language's text never uses (a Cyrillic letter in German)."""

_PUNCT = {"Pd": "-", "Pi": '"', "Pf": '"', "Ps": "(", "Pe": ")"}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    cat = unicodedata.category(char)
    if char.isspace() or cat == "Zs":
        return " "
    if cat == "Nd":
        return "0"
    if cat[0] in "LM":
        return char.lower()[0]
    if char < "\x80":
        return char
    if cat == "Sc":
        return "$"
    if cat[0] == "P":
        return _PUNCT.get(cat, ".")
    if cat[0] in "SN":
        return "#"
    return "\x00"  # controls, private use, unassigned: no language's text


def fold(text: str) -> str:
    """``text`` as the tables see it: lower case, every digit ``0``, every space `` ``,
    punctuation and symbols by class (a dash, a quote, a currency sign, any symbol)."""
    return "".join(map(_fold_char, text))


class _Table:
    __slots__ = ("backoff", "chars", "pairs", "unigram")

    def __init__(self, chars: dict[str, list[int]], pairs: dict[str, int]) -> None:
        self.unigram = {c: u / SCALE for c, (u, _) in chars.items()}
        self.backoff = {c: w / SCALE for c, (_, w) in chars.items()}
        self.pairs = {p: n / SCALE for p, n in pairs.items()}
        self.chars = frozenset(chars)

    def bits(self, folded: str) -> float:
        total = 0.0
        prev = " "
        pairs, unigram, backoff = self.pairs, self.unigram, self.backoff
        for char in folded:
            cost = pairs.get(prev + char)
            if cost is None:
                cost = unigram.get(char, UNSEEN) + backoff.get(prev, 0.0)
            total += cost
            prev = char
        return total


@lru_cache(maxsize=1)
def tables() -> dict[str, _Table]:
    """The tables per language, read once (about 5 ms)."""
    raw: dict[str, dict[str, Any]] = json.loads(gzip.decompress(DATA.read_bytes()))
    return {lang: _Table(table["chars"], table["pairs"]) for lang, table in raw.items()}


def bits(text: str) -> tuple[float, str]:
    """(cost in bits, language) of ``text`` under the language that reads it cheapest."""
    folded = fold(text)
    return min((table.bits(folded), lang) for lang, table in tables().items())
