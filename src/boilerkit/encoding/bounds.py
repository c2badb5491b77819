# ruff: noqa: RUF002  (mojibake and look-alike characters are the subject here)
"""The words a reading of the whole node leaves as they were: those of the clean text
around a broken phrase.

A reading of the whole node (``whole``) reads every non-ASCII word of it, those of the
host around a broken phrase too. The host's words that the reading spoils, or whose
letters it only swaps for ones that read worse, were not part of the misreading, and
are put back: the clean words bound the phrase, as they do for the phrase readings
(``phrases``).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress, count
from operator import ne

from .chains import CJK_TARGETS, Candidate
from .host import letter_swap
from .phrases import WORDS, spoiled, worse
from .trigger import MARK

__all__ = ["bounded", "unmixed"]


def unmixed(text: str, cand: Candidate) -> Candidate:
    """``cand`` with the words of the clean text around a broken phrase put back.

    A reading of the whole node changes every non-ASCII word, those of the clean text
    around a broken phrase too: the phrase reads as Russian, and ``Unterstütze`` beside
    it becomes ``Unterstьtze``; a GBK phrase reads as Chinese, and ``für`` beside it
    becomes ``f黵``. A word the reading spoils (``phrases.spoiled``) was not part of the
    misreading: the clean words around a phrase bound it. A reading that spoils a marked
    word is wrong, and reads nothing (``d’hier\xa0à`` as mac_roman is ``díhier†‡``,
    ``nöööö`` as windows-874 ``n๖๖๖๖``).
    """
    new = cand.text
    if new == text:
        return cand
    old_words = _words(text)
    new_words = WORDS.findall(new)
    if len(old_words) != len(new_words):
        return cand
    # the words a reading changes, found at C speed (most of a long node's words stay)
    changed = compress(count(), map(ne, old_words, new_words))
    spoilt = [i for i in changed if spoiled(old_words[i], new_words[i])]
    if not spoilt:
        return cand
    if any(MARK.search(old_words[i]) for i in spoilt):
        return Candidate(text, cand.chain, cand.home)  # it spoils a marked word: wrong
    return _put_back(cand, old_words, spoilt)


def _put_back(cand: Candidate, old_words: tuple[str, ...], back: list[int]) -> Candidate:
    """``cand`` with its words at ``back`` (indices of ``WORDS``) as they were."""
    bounds = [match.span() for match in WORDS.finditer(cand.text)]
    parts = []
    last = 0
    for i in back:
        start, end = bounds[i]
        parts += [cand.text[last:start], old_words[i]]
        last = end
    return Candidate("".join(parts) + cand.text[last:], cand.chain, cand.home)


def bounded(text: str, cand: Candidate) -> Candidate:
    """``cand``, a one-byte legacy reading of the whole node, with the words put back that
    hold no mark and whose letters it only swaps for others that read worse
    (``phrases.worse``: the host's ``très`` beside a Sorbian phrase is no ``trčs``), as
    the phrase readings leave them; a sign read as a letter (mac_roman's ``discurr“``
    for ``discurrì``) is the misreading's own structure, and stays read."""
    target = cand.chain[0].split("/")[0]
    if target in ("utf-8", "ftfy", *CJK_TARGETS) or len(cand.chain) > 1:
        return cand
    old_words = _words(text)
    new_words = WORDS.findall(cand.text)
    if len(old_words) != len(new_words):
        return cand
    back = [
        i
        for i in compress(count(), map(ne, old_words, new_words))
        if letter_swap(old_words[i], new_words[i])
        and not MARK.search(old_words[i])
        and worse(old_words[i], new_words[i])
    ]
    return _put_back(cand, old_words, back) if back else cand


@lru_cache(maxsize=8)
def _words(text: str) -> tuple[str, ...]:
    """The words of ``text`` (``phrases.WORDS``): every reading of a node is compared
    with the same node, word by word."""
    return tuple(WORDS.findall(text))
