"""Candidate repairs for one suspicious word: every chain that could have produced it.

A chain step ``"utf-8/cp1252"`` means "bytes written in UTF-8 were read as windows-1252";
undoing it writes the text back with windows-1252 and reads the bytes as UTF-8. The
UTF-8 family is undone sequence by sequence (only the runs of characters that form valid
UTF-8 byte sequences change), so a broken phrase inside clean text keeps its clean
neighbours. The legacy families are undone over a whole word, whose bytes must then read
strictly in the target encoding.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .code_pages import byte_table, encode_as, encode_mixed
from .plausibility import cost
from .text_stats import CODEC_HOME

# Code pages that UTF-8 gets misread as, for pieces inside clean text; ftfy repairs the
# pieces read as windows-1252, latin-1, mac_roman and cp437.
UTF8_READERS = (
    "cp1251",
    "cp1250",
    "cp1253",
    "cp1255",
    "cp1256",
    "cp1257",
    "iso8859_5",
    "iso8859_7",
    "koi8_r",
    "koi8_u",
    "mac_cyrillic",
    "cp850",
)
# Legacy multi-byte encodings, undone from their windows-1252 / mixed readings.
CJK_TARGETS = ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949")
# Legacy single-byte encodings, undone from their windows-1252 reading.
SINGLE_TARGETS = (
    "cp1251",
    "koi8_r",
    "cp1250",
    "iso8859_2",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp874",
    "cp1258",
)
# Bytes a code page leaves undefined: a sloppy decoder dropped them or wrote U+FFFD.
# Ordered by how often each is the victim (U+201D's last byte 9D first for cp1252).
_UNDEFINED = {"cp1252": (0x9D, 0x8D, 0x81, 0x8F, 0x90), "cp1251": (0x98,)}
_MAX_GUESSES = 3  # lost bytes per run; guesses grow as 5**n


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible repair of a word and the chain of misreadings it undoes."""

    text: str
    chain: tuple[str, ...]
    home: str | None = None
    """Writing system the chain implies, for the cost model (``plausibility.cost``)."""


def _chars_for(reader: str, low: int, high: int) -> str:
    table = byte_table(reader)
    chars = {chr(src) for src, dst in table.items() if dst != "\uffff" and low <= ord(dst) <= high}
    return "".join(sorted(re.escape(c) for c in chars))


@lru_cache(maxsize=16)
def utf8_pattern(reader: str, single: bool = False) -> re.Pattern[str]:
    """Runs of characters that are UTF-8 multi-byte sequences as ``reader`` shows them.

    Where the reader has undefined bytes, U+FFFD may stand for a continuation byte, and a
    sequence may end one continuation short (the byte was dropped).
    """
    cont = _chars_for(reader, 0x80, 0xBF)
    lead2, lead3, lead4 = (
        _chars_for(reader, lo, hi) for lo, hi in ((0xC2, 0xDF), (0xE0, 0xEF), (0xF0, 0xF4))
    )
    seq = f"[{lead2}][{cont}]|[{lead3}][{cont}]{{2}}|[{lead4}][{cont}]{{3}}"
    if reader in _UNDEFINED:
        cont += "\ufffd"
        seq = f"[{lead2}][{cont}]|[{lead3}][{cont}]{{2}}|[{lead4}][{cont}]{{3}}"
        short = f"[{lead2}](?![{cont}])|[{lead3}][{cont}](?![{cont}])"
        if single:
            return re.compile(f"{seq}|{short}")
        return re.compile(f"(?:{seq})+(?:{short})?|(?:{short})(?=(?:{seq}))")
    return re.compile(seq if single else f"(?:{seq})+")


def _repairs_of(data: bytes, reader: str, budget: int) -> Iterator[str]:
    """UTF-8 readings of ``data``, restoring up to ``budget`` lost or replaced bytes.

    U+FFFD was written as the placeholder byte 0x00 (never part of a multi-byte run).
    """
    holes = data.find(0)
    if holes >= 0:
        if budget:
            for byte in _UNDEFINED[reader]:
                yield from _repairs_of(
                    data[:holes] + bytes([byte]) + data[holes + 1 :], reader, budget - 1
                )
        return
    try:
        yield data.decode("utf-8")
        return
    except UnicodeDecodeError as error:
        if b"\xed" in data and (joined := _cesu8(data)) is not None:
            yield joined
            return
        if (
            not budget
            or reader not in _UNDEFINED
            or (
                error.reason != "invalid continuation byte" and "unexpected end" not in error.reason
            )
        ):
            return
        at = error.end
    for byte in _UNDEFINED[reader]:
        yield from _repairs_of(data[:at] + bytes([byte]) + data[at:], reader, budget - 1)


def _cesu8(data: bytes) -> str | None:
    """CESU-8 / Java's modified UTF-8: astral characters (emoji) written as two UTF-8
    encoded surrogates. Read the halves and join each pair; ``None`` if one is left alone."""
    try:
        halves = data.decode("utf-8", "surrogatepass")
        text = halves.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeError:
        return None
    return text


def _utf8_options(run: str, reader: str) -> list[str]:
    """UTF-8 readings of ``run`` written back as ``reader`` (several if bytes were lost)."""
    data = encode_as(run.replace("\ufffd", "\x00"), reader)
    if data is None:
        return []
    return list(islice(_repairs_of(data, reader, _MAX_GUESSES), 8))


def undo_utf8_once(word: str, reader: str) -> str:
    """``word`` with every UTF-8 sequence seen through ``reader`` decoded; others kept.

    Where a lost byte leaves several readings, the one that fits the word best wins
    (``žluťou?ký`` takes č, which Czech has, over ĝ).
    """

    def pick(options: list[str], match: re.Match[str], text: str) -> str:
        if not options:
            return match.group()
        if len(options) == 1:
            return options[0]
        before, after = text[max(0, match.start() - 20) : match.start()], text[match.end() :]
        return min(options, key=lambda o: cost(before + o + after[:20]))

    def fix(match: re.Match[str]) -> str:
        options = _utf8_options(match.group(), reader)
        if not options and reader in _UNDEFINED and "\ufffd" in match.group():
            run = match.group()  # too many lost bytes for one guess: one character at a time
            return utf8_pattern(reader, single=True).sub(
                lambda m: pick(_utf8_options(m.group(), reader), m, run), run
            )
        return pick(options, match, word)

    return utf8_pattern(reader).sub(fix, word)


def utf8_candidates(word: str) -> Iterator[Candidate]:
    """Each UTF-8 misreading undone once, then again on its result (up to three layers)."""
    frontier = [Candidate(word, ())]
    as_1252 = encode_as(word, "cp1252")
    for _layer in range(3):
        nxt = []
        for cand in frontier:
            for reader in UTF8_READERS:
                if not cand.chain and as_1252 is not None and encode_as(word, reader) == as_1252:
                    continue  # windows-1252's bytes: ftfy's call
                fixed = undo_utf8_once(cand.text, reader)
                if fixed != cand.text:
                    found = Candidate(fixed, (*cand.chain, f"utf-8/{reader}"))
                    nxt.append(found)
                    yield found
        frontier = nxt[:4]
        if not frontier:
            return


def _decode(data: bytes, codec: str) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if codec == "cp1258":  # tones come as combining marks; the writer typed composed ones
        text = unicodedata.normalize("NFC", text)
    return text


def legacy_candidates(word: str) -> Iterator[Candidate]:
    """Legacy multi-byte and single-byte encodings read as windows-1252 or in mixed form."""
    as_1252 = encode_as(word, "cp1252")
    if as_1252 is not None and not as_1252.isascii():
        for codec in CJK_TARGETS:
            text = _decode(as_1252, codec)
            if text is not None:
                yield Candidate(text, (f"{codec}/cp1252",), CODEC_HOME[codec])
        for codec in SINGLE_TARGETS:
            text = _decode(as_1252, codec)
            if text is not None:
                yield Candidate(text, (f"{codec}/cp1252",))
    if any(ord(c) > 0xFF for c in word) and any(0x80 <= ord(c) <= 0xFF for c in word):
        mixed = encode_mixed(word)
        for codec in ("utf-8", *CJK_TARGETS):
            text = _decode(mixed, codec)
            if text is not None:
                yield Candidate(text, (f"{codec}/mixed",), CODEC_HOME.get(codec))


def all_candidates(word: str) -> Iterator[Candidate]:
    """Every chain that reads ``word`` back to something else."""
    yield from utf8_candidates(word)
    yield from legacy_candidates(word)
