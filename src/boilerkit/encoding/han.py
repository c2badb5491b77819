"""Han read through the wrong CJK code page, as a phrase inside clean text.

Korean written as EUC-KR and read as GBK (``1991斥 10岿 8老`` for ``1991년 10월 8일``),
Japanese as Shift_JIS read as GBK, GBK as Big5: the misreading is valid, common Han, and
the node's own reading (``whole``) fails when the clean text around holds a character the
reader's code page cannot write back strictly, or is refused by ``judge.sound`` when the
clean text is Latin (Hangul is "a script the rest does not use"). Each run of Han is
read back on its own, judged by the bigram model with the clean text around it, and
``sound`` on the run alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .bigrams import gain
from .chains import CJK_TARGETS, Candidate
from .judge import sound, weights, window
from .text_stats import CODEC_HOME, cjk_tiers, top_chars
from .whole import LEGACY_READINGS

__all__ = ["SWAPS", "chinese_swap", "han_spans", "odd_chinese"]

_HAN = "\u3400-\u9fff\uf900-\ufaff"
# Han with the digits, spaces and punctuation between (``1991斥 10岿 8老``, ``技拌 茄促.``).
_RUN = re.compile(f"[{_HAN}](?:[{_HAN}]|[0-9 .,:;?!·\u3001\u3002]{{1,4}}(?=[0-9]*[{_HAN}]))*")


def han_spans(text: str) -> list[tuple[int, int, Candidate]]:
    """``(start, end, reading)`` for each run of two Han characters or more that a CJK
    code page read as another explains: the reading the bigram model finds clearly more
    like real text (``language_gain``, under the CJK ceiling), ``sound`` on the run."""
    found = []
    limit = weights().language_gain
    for match in _RUN.finditer(text):
        run, start, end = match.group(), match.start(), match.end()
        if sum(c >= "\u3400" for c in run) < 2:
            continue
        best: tuple[float, Candidate] | None = None
        for fixed, chain in _readings(run):
            old, new = window(text, text[:start] + fixed + text[end:], weights().language_margin)
            saved, after = gain(old, new, limit)
            if saved < limit or after > weights().language_ceiling_cjk * len(new):
                continue
            if (best is None or saved > best[0]) and sound(*window(run, fixed), evidence=True):
                best = (saved, Candidate(fixed, chain, CODEC_HOME.get(chain[0].split("/")[0])))
        if best is not None:
            found.append((start, end, best[1]))
    return found


def _readings(run: str) -> list[tuple[str, tuple[str, ...]]]:
    """``run`` written back through each CJK code page and read as the others, strictly."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for reader, targets in LEGACY_READINGS.items():
        if reader not in CJK_TARGETS:
            continue
        try:
            data = run.encode(reader)
        except UnicodeEncodeError:
            continue
        for target in targets:
            try:
                fixed = data.decode(target)
            except UnicodeDecodeError:
                continue
            if fixed != run:
                out.append((fixed, (f"{target}/{reader}",)))
    return out


# Chinese read through the other Chinese code page. GBK read as Big5 lands half its
# characters in Big5's level 2 (``逄晟岆珨笱髡`` for 语言是一种功) and its full-width
# punctuation on bopomofo and small forms (``ㄗ ㄘ ㄛ ﹜``, its brackets, comma and
# enumeration comma); Big5 read
# as GBK lands Big5's commonest row on GB 2312's kana (``4る 5る`` for 4月 5月). Clean
# Chinese draws nearly all its characters from the level-1 blocks of GB 2312 and Big5.
# Japanese read as GBK lands its kana on GBK's extension rows, which no Chinese text uses
# (``偙偺偨傔`` for このため). (misread as, its encoders, written in): Big5 text is written
# back through each Big5 variant in turn, since decoders differ on its extension rows.
_SWAPS = (
    ("big5hkscs", ("big5", "cp950", "big5hkscs"), "gb18030"),
    ("gb18030", ("gbk",), "big5hkscs"),
    ("gb18030", ("gbk",), "cp932"),
)
SWAPS = frozenset(("gb18030/big5hkscs", "big5hkscs/gb18030"))
"""The chains of Chinese read as Chinese (another reading that gave them is read again;
one that read Japanese from GBK stands)."""
_CJK = "\u3040-\u30ff\u3100-\u312f\u3400-\u9fff\uf900-\ufaff\ufe30-\ufe6f"
# What Chinese text holds besides Han: ASCII, CJK and full-width punctuation (not the
# half-width katakana Shift_JIS reads GBK's lead bytes as).
_NEUTRAL = re.compile("[\x00-\x7f\u3000-\u303f\uff00-\uff60\uffe0-\uffef]+")
_KANA = re.compile("[\u3040-\u30ff]")


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """Level-1 Han of GB 2312 and Big5 (either is everyday Chinese; Big5's level-1 rows
    as Python decodes them hold ETEN's kana too, which are left out)."""
    tiers = cjk_tiers()
    return frozenset(c for c in tiers["zh-hans"][0] | tiers["zh-hant"][0] if c >= "\u3400")


@lru_cache(maxsize=1)
def odd_chinese() -> re.Pattern[str]:
    """Two characters outside everyday Chinese (rare Han, bopomofo, small forms; not
    kana, which Japanese writes) at most two characters apart: the trigger's mark of
    Chinese read as the other Chinese code page."""
    common = _common()
    odd = [c for lo, hi in _RANGES for c in map(chr, range(lo, hi + 1)) if c not in common]
    ranges: list[list[int]] = []
    for code in sorted(map(ord, odd)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    cls = "".join(chr(lo) if lo == hi else f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges)
    return re.compile(f"[{cls}](?=[^ ]{{0,2}}[{cls}])")


_RANGES = ((0x3105, 0x312F), (0x3400, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE6F))


def _odd(text: str, common: frozenset[str]) -> tuple[int, int, int]:
    """(Han outside ``common``, other characters outside it, characters but ASCII and
    punctuation) of ``text``: Han beyond the BMP, letters of other scripts and (for
    Chinese) kana, bopomofo and small forms are odd."""
    chars = _NEUTRAL.sub("", text)
    han = sum(c not in common and ("\u3400" <= c <= "\u9fff" or c >= "\U00020000") for c in chars)
    return han, sum(c not in common for c in chars) - han, len(chars)


def chinese_swap(text: str) -> Candidate | None:
    """``text`` with each run of CJK characters read back through the other Chinese code
    page (or, Japanese read as GBK, through Shift_JIS), as ``_swapped`` judges it. Runs,
    not the whole node: Big5-HKSCS writes ``é`` too, and a French host would be read
    with its phrase."""
    pieces: list[str] = []
    chains: dict[str, None] = {}
    last = 0
    for match in _SWAP_RUN.finditer(text):
        found = _swapped(match.group())
        if found is not None:
            pieces += [text[last : match.start()], found.text]
            chains.update(dict.fromkeys(found.chain))
            last = match.end()
    if not pieces:
        return None
    return Candidate("".join(pieces) + text[last:], tuple(chains))


# A run of CJK characters with what a misreading of Chinese puts among them (punctuation,
# Big5's Greek, Cyrillic and bopomofo for GBK's full-width rows, ETEN's Roman and circled
# numbers, ``③`` for 请) and short ASCII stretches: a run is read whole, never in pieces
# (``のファンである Guido は``).
_AMONG = "\u0370-\u03ff\u0400-\u04ff\u2160-\u217f\u2460-\u24ff\u3000-\u303f\uff00-\uffef"
_SWAP_RUN = re.compile(
    f"[{_CJK}\u2160-\u217f\u2460-\u24ff](?:[{_CJK}{_AMONG}]|[ -~]{{1,12}}(?=[{_CJK}]))*"
)


def _swapped(text: str) -> Candidate | None:
    """The reading of ``text`` when it turns a text of odd characters (``swap_odd`` of
    its characters or more) into everyday text of the reading's writing system (a
    quarter as many odd ones at most, ``swap_left``) and is ``sound``. Two odd Han at
    least, and no more kana than those: kana read back from GBK or HKSCS are Chinese's
    commonest Han (``ひらがな`` is ``浦祈瓢莆``), and a misreading of Chinese holds few
    kana (Big5's ETEN rows), Japanese many."""
    han, other, total = _odd(text, _common())
    odd = han + other
    if han < 2 or odd < weights().swap_odd * total or len(_KANA.findall(text)) > han:
        return None
    for misread, encoders, written in _SWAPS:
        for encoder in encoders:
            try:
                fixed = text.encode(encoder).decode(written)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            left_han, left_other, count = _odd(fixed, _everyday(written))
            left = left_han + left_other
            if not count or left > weights().swap_left * odd or not _frequent(fixed, written):
                continue
            if sound(text, fixed, evidence=True):
                return Candidate(fixed, (f"{written}/{misread}",), CODEC_HOME[written])
    return None


def _frequent(text: str, written: str) -> bool:
    """Whether ``text`` draws its Han from the writing system's most frequent characters
    (``text_stats.top_chars``) as real text does: ``swap_top`` of them at least, all of
    them in a text of three or fewer. Rare characters read through another code page
    land on its level 1 at random, a quarter of them among the most frequent."""
    top = top_chars()[CODEC_HOME[written]]
    han = [c for c in text if "\u3400" <= c <= "\u9fff"]
    kana = len(_KANA.findall(text))
    frequent = sum(c in top for c in han) + kana
    total = len(han) + kana
    return frequent == total if total <= 3 else frequent >= weights().swap_top * total


def _everyday(written: str) -> frozenset[str]:
    """The everyday characters of the writing system ``written`` is for."""
    return cjk_tiers()["ja"][0] if written == "cp932" else _common()
