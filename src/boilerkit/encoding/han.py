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
from .text_stats import CODEC_HOME, cjk_tiers
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
# (misread as, its encoders, written in): Big5 text is written back through each Big5
# variant in turn, since what a page's decoder made of the extension rows differs.
_SWAPS = (
    ("big5hkscs", ("big5", "cp950", "big5hkscs"), "gb18030"),
    ("gb18030", ("gbk",), "big5hkscs"),
)
SWAPS = frozenset(f"{written}/{misread}" for misread, _, written in _SWAPS)
"""The chains of ``chinese_swap``."""
_CJK = "\u3040-\u30ff\u3100-\u312f\u3400-\u9fff\uf900-\ufaff\ufe30-\ufe6f"
# What Chinese text holds besides Han: ASCII, CJK and full-width punctuation.
_NEUTRAL = re.compile("[\x00-\x7f\u3000-\u303f\uff00-\uffef]+")
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
    kana, which Japanese writes) at most one character apart: the trigger's mark of
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
    return re.compile(f"[{cls}](?=[{_CJK}]?[{cls}])")


_RANGES = ((0x3105, 0x312F), (0x3400, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE6F))


def _odd(text: str) -> tuple[int, int, int]:
    """(Han outside everyday Chinese, other characters outside it, characters but
    ASCII and punctuation) of ``text``: Han beyond the BMP, kana, bopomofo, small forms
    and letters of other scripts are odd."""
    common = _common()
    chars = _NEUTRAL.sub("", text)
    han = sum(c not in common and ("\u3400" <= c <= "\u9fff" or c >= "\U00020000") for c in chars)
    return han, sum(c not in common for c in chars) - han, len(chars)


def chinese_swap(text: str) -> Candidate | None:
    """``text`` read back through the other Chinese code page, when the reading turns a
    text of odd characters (``swap_odd`` of its CJK characters or more) into everyday
    Chinese (a quarter as many odd ones at most, ``swap_left``) and is ``sound``. Two odd
    Han at least, and no more kana than those: kana read back from GBK or HKSCS are
    Chinese's commonest Han (``ひらがな`` is ``浦祈瓢莆``), and a misreading of Chinese
    holds few kana (Big5's ETEN rows), Japanese many."""
    han, other, total = _odd(text)
    odd = han + other
    if han < 2 or odd < weights().swap_odd * total or len(_KANA.findall(text)) > han:
        return None
    for misread, encoders, written in _SWAPS:
        for encoder in encoders:
            try:
                fixed = text.encode(encoder).decode(written)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            left_han, left_other, count = _odd(fixed)
            left = left_han + left_other
            if count and left <= weights().swap_left * odd and sound(text, fixed, evidence=True):
                return Candidate(fixed, (f"{written}/{misread}",), CODEC_HOME[written])
    return None
