# ruff: noqa: RUF002, RUF003  (mojibake and look-alike characters are the subject here)
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
import math
import re
import unicodedata
from array import array
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["SCALE", "SMOOTHING", "bits", "fold", "gain", "in_word_signs", "oddity", "saving"]

DATA = Path(__file__).with_name("data") / "bigrams.json.gz"
SCALE = 2
"""Costs are stored as integers in 1/SCALE bits (half a bit is finer than the model)."""
SMOOTHING = 4.0
"""Weight of the unigram back-off against a character's bigram counts."""
UNSEEN = 30.0
"""Bits for a character a language's text never uses (a Cyrillic letter in German)."""

UNKNOWN = "\x01"
"""What a letter no table has reads as: a rare letter (``RARE`` bits) in every language."""
RARE = 16.0
READERS = 4
"""Languages a string is read in: those whose text uses its letters most often."""

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


def _known(folded: str) -> str:
    """``folded`` with the letters no table has (``œ``, ``ÿ``, ``ħ``: no catalog used
    them) as ``UNKNOWN``, which every table reads as a rare letter: a reading that
    turns ``cœur`` into ``cúur`` must not gain by leaving the model's blind spot."""
    users = _users()
    if all(c in users or not c.isalpha() for c in dict.fromkeys(folded)):
        return folded
    return "".join(UNKNOWN if c.isalpha() and c not in users else c for c in folded)


def fold(text: str) -> str:
    """``text`` as the tables see it: lower case, every digit ``0``, every space `` ``,
    punctuation and symbols by class (a dash, a quote, a currency sign, any symbol)."""
    return text.translate(_FOLDS)


class _Folds(dict[int, str]):
    """``_fold_char`` of every code point met so far, filled as ``str.translate`` asks (a
    cached call per character cost three times the translation)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLDS = _Folds()


class _Table:
    __slots__ = ("backoff", "chars", "compiled", "pairs", "unigram")

    def __init__(
        self, chars: dict[str, list[int]], pairs: dict[str, int], compiled: Any = None
    ) -> None:
        self.unigram = {c: u / SCALE for c, (u, _) in chars.items()} | {UNKNOWN: RARE}
        self.backoff = {c: w / SCALE for c, (_, w) in chars.items()}
        self.pairs = {p: n / SCALE for p, n in pairs.items()}
        self.chars = frozenset(chars)
        # the compiled twin of ``bits`` (``_front.BigramCosts``), when built
        self.compiled = compiled and compiled(self.pairs, self.unigram, self.backoff, UNSEEN)

    def bits(self, folded: str, limit: float) -> float:
        """Bits of ``folded``; stops past ``limit`` (the reading has lost already)."""
        if self.compiled is not None and not _pure_requested():
            return float(self.compiled.bits(folded, limit))
        total = 0.0
        prev = " "
        pairs, unigram, backoff = self.pairs, self.unigram, self.backoff
        for char in folded:
            cost = pairs.get(prev + char)
            if cost is None:
                cost = unigram.get(char, UNSEEN) + backoff.get(prev, 0.0)
            total += cost
            if total > limit:
                return total
            prev = char
        return total

    def foreign_bits(self, folded: str) -> float:
        """Mean bits of the bigrams that touch a non-ASCII letter, a symbol or a control."""
        if self.compiled is not None and not _pure_requested():
            return float(self.compiled.foreign_bits(folded))
        total = 0.0
        count = 0
        pairs, unigram, backoff = self.pairs, self.unigram, self.backoff
        # the bigrams at a foreign character and right after one, in order (the loop over
        # every character of a mostly ASCII text was most of the cost)
        last = len(folded) - 1
        for at in dict.fromkeys(_at_and_after(folded, last)):
            char = folded[at]
            prev = folded[at - 1] if at else " "
            cost = pairs.get(prev + char)
            if cost is None:
                cost = unigram.get(char, UNSEEN) + backoff.get(prev, 0.0)
            total += cost
            count += 1
        return total / count if count else 0.0


_FOREIGN = re.compile("[^\x00-\x7f]|[#\x00\x01]")


def _at_and_after(folded: str, last: int) -> Iterator[int]:
    """Each foreign character's place and the next, in order (with repeats)."""
    for match in _FOREIGN.finditer(folded):
        at = match.start()
        yield at
        if at < last:
            yield at + 1


@lru_cache(maxsize=1)
def tables() -> dict[str, _Table]:
    """The tables per language, read once (about 5 ms)."""
    from ..selection.page_table import compiled_class  # here: a cycle at import time otherwise

    raw: dict[str, dict[str, Any]] = json.loads(gzip.decompress(DATA.read_bytes()))["tables"]
    twin = compiled_class("BigramCosts")
    return {lang: _Table(table["chars"], table["pairs"], twin) for lang, table in raw.items()}


def _pure_requested() -> bool:
    """``page_table.pure_requested``: ``BOILERKIT_PURE`` asks for the reference path."""
    from ..selection.page_table import pure_requested

    return pure_requested()


@lru_cache(maxsize=1)
def _users() -> dict[str, tuple[_Table, ...]]:
    """For each character, the tables of the languages whose text uses it."""
    users: dict[str, list[_Table]] = {}
    for table in tables().values():
        for char in table.chars:
            users.setdefault(char, []).append(table)
    return {char: tuple(found) for char, found in users.items()}


def _readers(folded: str, like: str = "") -> list[_Table]:
    """The tables of the ``READERS`` languages whose text uses ``folded``'s non-ASCII
    characters most often (reading under all 80 cost 10 ms a text); for ASCII, those
    of ``like`` (a reading is judged in the languages of the text it replaces), or
    those that use its ASCII letters most often."""
    users = _users()
    # (in code-point order: a set's order varies with PYTHONHASHSEED, and with it the
    # order of the float sums and of the ties below, so the readers did too)
    distinct = set(folded)
    used = sorted(c for c in distinct if c >= "\x80" and c in users)
    if not used:
        used = sorted(c for c in set(fold(like)) if c >= "\x80" and c in users)
    if not used:  # no letter only some languages use: rank by the ASCII letters
        used = sorted(c for c in distinct if c.isalpha() and c in users)
    from ..selection.page_table import compiled  # here: a cycle at import time otherwise

    kernel = compiled("reader_costs")
    everyone = list(tables().values())
    if kernel is None:
        costs, reached = _reader_costs(used)
    else:
        costs, reached = kernel(used, _rows(), len(everyone))
    best = sorted(reached, key=lambda i: (costs[i], i))[:READERS]  # ties: table order
    return [everyone[i] for i in best] or everyone


def _reader_costs(used: list[str]) -> tuple[list[float], list[int]]:
    """(for each table in ``tables()`` order, the bits of the characters of ``used`` it
    uses; the tables in the order the sum first reached them): the spec of
    ``_front.reader_costs``, the compiled twin."""
    frequencies = _frequencies()
    costs: dict[_Table, float] = {}
    for char in used:
        for table, bits in frequencies[char]:
            costs[table] = costs.get(table, 0.0) + bits
    index = _index()
    totals = [0.0] * len(index)
    for table, total in costs.items():
        totals[index[table]] = total
    return totals, [index[table] for table in costs]


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, tuple[tuple[_Table, float], ...]]:
    """For each character, (table, unigram bits less ``UNSEEN``) of the languages using it."""
    return {c: tuple((t, t.unigram[c] - UNSEEN) for t in found) for c, found in _users().items()}


@lru_cache(maxsize=64)
def _identify(folded: str) -> tuple[_Table, ...]:
    """The ``READERS`` languages whose letter frequencies fit ``folded``'s letters best
    (a unigram language guess, ASCII letters counted too: German ``äöü`` alone reads as
    Finnish, and Italian with a Cyrillic ``м`` as Russian)."""
    from ..selection.page_table import compiled  # here: a cycle at import time otherwise

    kernel = compiled("letter_costs")
    order = list(tables().values())
    costs = _letter_costs(folded) if kernel is None else kernel(folded, _rows(), len(order))
    best = sorted(range(len(order)), key=costs.__getitem__)[:READERS]
    return tuple(order[i] for i in best)


def _letter_costs(folded: str) -> list[float]:
    """For each table (in ``tables()`` order), the bits of ``folded``'s letters by their
    unigram frequencies: the spec of ``_front.letter_costs``, the compiled twin (this sum
    was a third of the repair stage's judging)."""
    counts: dict[str, int] = {}
    for char in folded:
        if char.isalpha():
            counts[char] = counts.get(char, 0) + 1
    frequencies = _frequencies()
    costs = dict.fromkeys(tables().values(), 0.0)
    for char in counts:
        n = counts[char]
        for table, bits in frequencies.get(char, ()):
            costs[table] += n * bits
    return list(costs.values())


@lru_cache(maxsize=1)
def _index() -> dict[_Table, int]:
    """Each table's place in ``tables()`` order: the compiled twins' columns."""
    return {table: i for i, table in enumerate(tables().values())}


@lru_cache(maxsize=1)
def _rows() -> dict[str, array[float]]:
    """For each character, its unigram bits less ``UNSEEN`` in each table (``tables()``
    order), NaN in the tables that do not use it: ``_letter_costs``' sums as arrays."""
    index = _index()
    rows = {}
    for char, found in _frequencies().items():
        row = array("d", [math.nan] * len(index))
        for table, bits in found:
            row[index[table]] = bits
        rows[char] = row
    return rows


# A sign windows-1252 has where a legacy code page has a letter, between two letters
# (``It‡lia`` for ``Itália``): counted as a symbol. Not ’, which real text puts there.
# So is an accented capital before a lower-case letter inside a word (``GebŠude``,
# ``zwŽi``: mac_roman's ä and é), which no language writes and folding to lower case
# would hide.
_IN_WORD = re.compile(
    r"(?<=[^\W\d_])[\u00a1-\u00bf\u2020-\u203a\u02c6\u02dc](?=[^\W\d_])"
    "|(?<=[^\\W\\d_])[ŠŽŒŸÀ-ÖØ-Þ](?=[a-zß-öø-ÿ])"
)


def in_word_signs(text: str) -> int:
    """How many signs and accented capitals ``text`` holds inside words (``_IN_WORD``):
    places no language writes, so a reading that turns them into letters shows what
    the text was, whatever the bigram tables make of the letters."""
    return len(_IN_WORD.findall(text))


def oddity(text: str) -> float:
    """Mean bits of the bigrams that touch a non-ASCII letter, in the language its
    letters fit best: a cheap first look (clean text mostly reads 3-6 bits, one legacy
    code page read as another 8 or more), where ``bits`` reads every character."""
    folded = _known(fold(_IN_WORD.sub("#", text)))
    if folded.isascii() and not any(c in folded for c in "#\x00\x01"):
        return 0.0
    return min(table.foreign_bits(folded) for table in _identify(folded))


def bits(text: str) -> float:
    """Cost in bits of ``text`` under the language that reads it cheapest."""
    folded = _known(fold(text))
    return min(_cost(table, folded) for table in _readers(folded))


@lru_cache(maxsize=256)
def _cost(table: _Table, folded: str) -> float:
    """``table``'s cost of ``folded`` (the text as it stands is read against every
    candidate reading of it: once per language is enough)."""
    return table.bits(folded, float("inf"))


def gain(old: str, new: str, limit: float = float("-inf")) -> tuple[float, float]:
    """(bits ``new`` saves over ``old``, bits of ``new``), both read in the same
    languages: those that use the non-ASCII letters of ``old`` and of ``new`` most.
    Each in its own, French with a Czech name read as Slovak (``» du`` as ``ť du``) was
    compared with the French not among the Slovak reading's languages. A sign between
    two letters reads as a symbol, as in ``oddity``: as punctuation, Polish ``tak¿e``
    (``także``) cost about what ``także`` does. Once ``new`` cannot save ``limit`` bits,
    reading stops (the gain returned is below ``limit``)."""
    before, after = _known(fold(_IN_WORD.sub("#", old))), _known(fold(_IN_WORD.sub("#", new)))
    readers = dict.fromkeys([*_readers(before), *_readers(after, old)])
    cost = min(_cost(table, before) for table in readers)
    best = float("inf")
    for table in readers:
        best = min(best, table.bits(after, min(best, cost - limit)))
    return cost - best, best


def saving(old: str, new: str, context: str) -> float:
    """Bits ``new`` saves over ``old``, both read in the languages whose letters fit
    ``context`` best (ASCII letters counted: ``_identify``). For two readings a letter
    apart (``später``, ``spàter``), ``gain`` reads each in the languages of its own
    accented letters, and a short word can read cheaper in a language the text around
    it is not in; ``context`` (the node) says which language to read both in."""
    tables = _identify(_known(fold(context)))
    before, after = _known(fold(old)), _known(fold(new))
    if after.count(UNKNOWN) > before.count(UNKNOWN):
        return 0.0  # a letter no table has reads as merely rare: no evidence (``ŷe``)
    return min(_cost(t, before) for t in tables) - min(_cost(t, after) for t in tables)
