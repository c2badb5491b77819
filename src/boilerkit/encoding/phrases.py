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

from .bigrams import gain
from .chains import CJK_TARGETS, Candidate
from .code_pages import encode_as
from .text_stats import CODEC_HOME
from .trigger import MARK
from .whole import LEGACY_READINGS

__all__ = ["WORDS", "phrase_readings", "spoiled"]

# Words as a misreading leaves them: split on ASCII whitespace only, which every reading
# keeps in place (U+00A0 is a byte of a UTF-8 sequence as windows-1252 shows it).
WORDS = re.compile(r"[^ \t\n\r\f\v]+")
_ASCII_LETTER = re.compile("[A-Za-z]")
# Letters of the scripts other than Latin that a reading may give (Greek, Cyrillic,
# Armenian, Hebrew, Arabic, Thai, kana, Han, Hangul).
_OTHER_LETTER = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0530-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)
# A symbol or control between two letters (``f¸r``, ``gef‰llt``; not an apostrophe, a
# no-break space or a soft hyphen).
_SYMBOL_INSIDE = re.compile(
    "(?<=[^\\W\\d_])[\u0080-\u009f\u00a1-\u00ac\u00ae-\u00bf\u00d7\u00f7\u2020-\u2022\u2030\u2122\u2190-\u2bff]"
    "(?=[^\\W\\d_])"
)


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
    return len(_SYMBOL_INSIDE.findall(after)) > len(_SYMBOL_INSIDE.findall(before))


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
    """``text`` with every word that one legacy misreading undoes read back, the others
    (the clean words, and those the reading cannot decode or would spoil) left: one
    reading per misreading that reads a marked word (``JP¥`` in clean Czech is a yen
    sign, not windows-1250's ``Ą``) and spoils none (``d’hier\xa0à`` as mac_roman is
    ``díhier†‡``: the misreading is another). A word without a mark that the reading
    makes less like real text (the bigram model's ``gain``: ``tamaño`` as windows-1250
    is ``tamańo``) is left too. Not when every non-ASCII word changes: the node's own
    reading covers that."""
    words = [m for m in WORDS.finditer(text) if not m.group().isascii()]
    if len(words) < 2:
        return
    marked = [m for m in words if MARK.search(_OE.sub("oe", m.group()))]
    for reader, targets in LEGACY_READINGS.items():
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
                if match in marked or not _worse(match.group(), fixed):
                    parts += [text[last : match.start()], fixed]
                    last = match.end()
            if len(parts) < 2 * len(words):
                chain = (f"{target}/{reader}",)
                yield Candidate("".join(parts) + text[last:], chain, CODEC_HOME.get(target))


def _worse(word: str, fixed: str) -> bool:
    """Whether the reading makes ``word``, a word of four letters or more, less like real
    text (``tamańo`` for ``tamaño``); a shorter word is too little to read by itself."""
    return sum(c.isalpha() for c in word) >= 4 and gain(word, fixed)[0] < 0
