# ruff: noqa: RUF002, RUF003  (mojibake and look-alike characters are the subject here)
"""A legacy phrase inside clean text, read back word by word and judged as a whole.

A phrase written in one code page and read as another inside an otherwise clean node
(``Entwurf für einen (Die er zu ist der MŠrz der WŠhrend) Gedöns``) cannot be read with
its node: the clean words around it are no bytes of the phrase's code page, or read as
something worse (``für`` as mac_roman is ``f¸r``). Read word by word, every word of the
phrase is undone by the same misreading, and the clean words are left where the reading
fails on them or spoils them: the clean text bounds the phrase. The phrase is then judged
as a whole, with the clean text beside it as evidence of the language, by the bigram
model (``judge.by_language``): one or two changed letters per word, which the cost model
cannot tell from real text, are many letters over a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .bigrams import gain
from .chains import CJK_TARGETS, Candidate
from .code_pages import encode_as
from .judge import sound, weights, window
from .text_stats import CODEC_HOME
from .trigger import MARK
from .whole import LEGACY_READINGS

__all__ = ["WORDS", "phrase_readings", "spoiled", "word_reading", "worse"]

# Words as a misreading leaves them: split on ASCII whitespace only, which every reading
# keeps in place (U+00A0 is a byte of a UTF-8 sequence as windows-1252 shows it).
WORDS = re.compile(r"[^ \t\n\r\f\v]+")
_ASCII_LETTER = re.compile("[A-Za-z]")
# Letters of the scripts other than Latin that a reading may give (Greek, Cyrillic,
# Armenian, Hebrew, Arabic, Thai, kana, Han, Hangul).
_OTHER_LETTER = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0530-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)
# A symbol, control or format character between two letters (``f¸r``, ``gef‰llt``,
# windows-1255's left-to-right mark for ``ý`` in ``t\u200eden``; not an apostrophe, a
# no-break space or a soft hyphen).
_SYMBOL_INSIDE = re.compile(
    "(?<=[^\\W\\d_])[\u0080-\u009f\u00a1-\u00ac\u00ae-\u00bf\u00d7\u00f7\u2020-\u2022\u2030\u2122\u200b-\u200f\u2190-\u2bff]"
    "(?=[^\\W\\d_])"
)


# The legacy readings of a node (``whole.LEGACY_READINGS``), and Baltic text written as
# windows-1257 and read as windows-1252 (``prieð 3 valandà`` for ``prieš 3 valandą``).
# Read word by word (``word_reading``) only where it changes two words or more: a word
# alone gives too few letters to tell windows-1257's ``æ`` for ``¿`` from mac_roman's ``ø``.
_READINGS = {**LEGACY_READINGS, "cp1252": (*LEGACY_READINGS["cp1252"], "cp1257")}
_BALTIC = ("cp1257/cp1252",)


# French ``œ`` before ``u`` (``cœur``, ``chœur``, ``œuvre``): the trigger's marks take it
# for windows-1252's reading of Polish ``ś`` or mac_roman's ``ú``; no mark for a phrase.
_OE = re.compile("[œŒ](?=[uU])")


_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_CJK_TOUCHING_ASCII = re.compile(f"[A-Za-z][{_CJK}]|[{_CJK}][A-Za-z]")
_LATIN_HIGH = re.compile("[\u00c0-\u024f]")


def _cjk_beside_ascii(before: str, after: str) -> bool:
    """Whether ``after`` is CJK text beside ASCII words, as CJK pages write it
    (``Python（派森）``, ``このため、Guido``), not a Latin word turned half Han: no CJK
    character touches an ASCII letter (``für`` as GBK is ``f黵``, ``Größe`` is
    ``Gr鰿e``; ``iPhone手机`` is left to the finer readings), no accented Latin letter
    is left half read, and no byte was lost (U+FFFD's bytes read as GBK are ``锟斤拷``)."""
    return (
        _CJK_CHAR.search(after) is not None
        and _CJK_TOUCHING_ASCII.search(after) is None
        and _LATIN_HIGH.search(after) is None
        and "\ufffd" not in before
    )


def spoiled(before: str, after: str) -> bool:
    """Whether a reading turns ``before``, a clean word, into no word: half Latin and half
    another script (``Unterstьtze``, ``f黵``), or a symbol between two letters where
    there was none (``f¸r``). Such a word was not part of the misreading."""
    if (
        _ASCII_LETTER.search(after)
        and _OTHER_LETTER.search(after)
        and not _OTHER_LETTER.search(before)
    ):
        return not _cjk_beside_ascii(before, after)
    if _lost_space(before, after):
        return True
    return len(_SYMBOL_INSIDE.findall(after)) > len(_SYMBOL_INSIDE.findall(before))


_WIDE_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def _lost_space(before: str, after: str) -> bool:
    """Whether a reading of the same length turns a no-break or narrow space into
    something else: the code pages a misreading moves between keep it (mac_roman's
    dagger for windows-1252's no-break space in ``6.299,09\xa0€`` is no reading)."""
    if len(before) != len(after) or not _WIDE_SPACE.search(before):
        return False  # (words are split on ASCII spaces: only the others can be inside)
    return any(a != b and a.isspace() for a, b in zip(before, after, strict=True))


def _read(word: str, reader: str, target: str) -> str | None:
    """``word`` read back from ``reader`` as ``target``; ``None`` when no byte changes
    or the bytes do not decode strictly."""
    data = encode_as(word, reader)
    if data is None or data.isascii():
        return None
    try:
        fixed = data.decode(target)
    except UnicodeDecodeError:
        return None
    return fixed if fixed != word else None


def phrase_readings(text: str) -> Iterator[Candidate]:
    """The readings of ``_readings`` that leave some non-ASCII word as it was: a phrase in
    clean text (when every word changes, the node's own reading covers it)."""
    words = sum(1 for m in WORDS.finditer(text) if not m.group().isascii())
    if words >= 2:
        yield from (cand for cand, changed in _readings(text) if changed < words)


def word_reading(text: str) -> Candidate | None:
    """The phrase reading whose changed words, each read alone by the bigram model, save
    the most bits, at least ``RepairWeights.word_gain``: read with the clean text around
    (``judge.by_language``), a window of English reads cheapest in English, where the
    phrase's own letters are rare (``“dziœ”``, ``(pro¹le g)``, ``pøíští``). Every changed
    character must become a letter, of the same case if it was one (``však`` as KOI8's
    no-break space, ``çò`` as ``ÁÚ``, are no reading). The caller reads it only where the
    text's marked words read oddly (``bigrams.oddity``), as for the other phrase readings."""
    best: tuple[float, Candidate] | None = None
    for cand, changed in _readings(text):
        if cand.chain == _BALTIC and changed < 2:
            continue  # alone, ``b¿mlo`` is mac_roman's ``bømlo`` as well as ``bæmlo``
        saved = _word_gain(text, cand.text)
        if saved is None or saved < weights().word_gain or (best and saved <= best[0]):
            continue
        if sound(*window(text, cand.text, margin=100), evidence=True):
            best = (saved, cand)
    return None if best is None else best[1]


def _word_gain(text: str, reading: str) -> float | None:
    """Bits the changed words of ``reading`` save over those of ``text``, each read alone
    (words in capitals count nothing: ftfy's must-stay ``MÄ£ÄM ÌÑÌ Q £ÄGÌ`` read as
    windows-1250 gains a little on each); ``None`` when a changed character becomes no
    letter or changes case, or a changed word is mostly no letters (a table's rule
    ``───┼───`` is no KOI8-R misreading of Serbian ``ЂЂЂЉЂЂЂ``)."""
    total = 0.0
    for old, new in zip(WORDS.findall(text), WORDS.findall(reading), strict=False):
        if old == new:
            continue
        if (
            len(old) != len(new)
            or 2 * sum(c.isalpha() for c in old) < len(old)
            or any(
                a != b and (not b.isalpha() or (a.isalpha() and a.islower() != b.islower()))
                for a, b in zip(old, new, strict=True)
            )
        ):
            return None
        if not old.isupper():  # the model reads lower case: ``MÄ£ÄM ÌÑÌ`` says nothing
            total += gain(old, new)[0]
    return total


@lru_cache(maxsize=64)
def _readings(text: str) -> tuple[tuple[Candidate, int], ...]:
    """``_each_reading``, kept: ``phrase_readings`` and ``word_reading`` read the same
    node one after the other."""
    return tuple(_each_reading(text))


def _each_reading(text: str) -> Iterator[tuple[Candidate, int]]:
    """(``text`` with every word that one legacy misreading undoes read back, how many
    words it changed), the others (the clean words, and those the reading cannot decode
    or would spoil) left: one reading per misreading that reads a marked word (``JP¥``
    in clean Czech is a yen sign, not windows-1250's ``Ą``) and spoils none
    (``d’hier\xa0à`` as mac_roman is ``díhier†‡``: the misreading is another). A word
    without a mark that the reading makes less like real text (the bigram model's
    ``gain``: ``tamaño`` as windows-1250 is ``tamańo``) is left too."""
    words = [m for m in WORDS.finditer(text) if not m.group().isascii()]
    marked = [m for m in words if MARK.search(_OE.sub("oe", m.group()))]
    if not marked:
        return
    for reader, targets in _READINGS.items():
        if reader in CJK_TARGETS:
            # ``encode_as`` writes back one-byte code pages only: through GBK's table it
            # took Latin-1 letters for bytes (``MÄ£ÄM`` read as cp932, ``Mﾄ｣ﾄM``), a reading
            # of no Han text that the Han-as-Han ceiling of ``by_language`` let through.
            continue
        for target in targets:
            readings = [_read(m.group(), reader, target) for m in marked]
            if not any(readings) or any(
                r is not None and spoiled(m.group(), r)
                for m, r in zip(marked, readings, strict=True)
            ):
                continue  # no marked word read, or one spoiled: the misreading is another
            parts = []
            last = 0
            for match in words:
                fixed = _read(match.group(), reader, target)
                if fixed is None or spoiled(match.group(), fixed):
                    continue
                if match in marked or not worse(match.group(), fixed):
                    parts += [text[last : match.start()], fixed]
                    last = match.end()
            if parts:
                chain = (f"{target}/{reader}",)
                home = CODEC_HOME.get(target)
                yield Candidate("".join(parts) + text[last:], chain, home), len(parts) // 2


def worse(word: str, fixed: str) -> bool:
    """Whether the reading makes ``word``, a word of four letters or more, less like real
    text (``tamańo`` for ``tamaño``); a shorter word is too little to read by itself."""
    return sum(c.isalpha() for c in word) >= 4 and gain(word, fixed)[0] < 0
