# ruff: noqa: RUF001  (mojibake and look-alike characters are the subject here)
"""How unlike real text a string looks: the cost model that repair and decode rank by.

Real text, in any language, keeps to one script inside a word, rarely puts a symbol
between two letters, never contains C1 control characters, keeps a word's accented
letters within one language's alphabet, and uses mostly the common characters of its
script. Mojibake breaks these habits in bulk. ``cost`` adds up the broken habits; a
candidate repair is taken only when it costs clearly less than the text it replaces.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from ..weights.encoding import PlausibilityCosts
from .text_stats import (
    ALPHABETS,
    ANY_CONT,
    COMMON_MARKS,
    COMMON_PUNCT,
    HEBREW_FINALS,
    JOINERS,
    LETTER_RANKS,
    ODD_LETTER_OK,
    ODD_LETTER_RANGES,
    ODD_PUNCT,
    RARE_GREEK,
    RARE_SCRIPTS,
    TONOS,
    VOWELS_1258,
    cjk_tiers,
    top_chars,
    utf8_shape,
)

COSTS = PlausibilityCosts()
# The costs in force: ``cost`` is called from some twenty places in decode and repair, so
# the table is set once per stage call (``costs_in_force``) rather than handed down each.
_ACTIVE: ContextVar[PlausibilityCosts] = ContextVar("boilerkit_costs", default=COSTS)


@contextmanager
def costs_in_force(costs: PlausibilityCosts) -> Iterator[None]:
    """Judge with ``costs`` inside the block (per thread and per task, as contextvars are)."""
    token = _ACTIVE.set(costs)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


# Character kinds.
_SPACE, _DIGIT, _PUNCT, _LETTER, _MARK, _SYMBOL, _OTHER = range(7)
# Scripts, for letters only.
_LATIN, _GREEK, _CYRILLIC, _HEBREW, _ARABIC, _THAI, _CJK, _HANGUL, _INDIC, _ELSE = range(10)

# Thai spelling roles: a mark or a following vowel sits on a consonant; a leading vowel
# comes before one. Thai from a wrong code page breaks these at once.
_CONSONANT, _LEADING, _THAI_MARK, _FOLLOWING = 1, 2, 3, 4


def _thai_role(cp: int, cat: str) -> int:
    if 0xE01 <= cp <= 0xE2E:
        return _CONSONANT
    if 0xE40 <= cp <= 0xE44:
        return _LEADING
    if cat == "Mn" and 0xE00 <= cp < 0xE80:
        return _THAI_MARK
    if cp in (0xE30, 0xE32, 0xE33, 0xE45):
        return _FOLLOWING
    return 0


_RANK_COST = ((10, 0.0), (18, 0.25), (25, 0.6), (99, 1.2))


def _rank_cost(char: str) -> float:
    base = unicodedata.normalize("NFD", char.lower())[:1]
    if base == "і":
        return 0.0
    if char in RARE_GREEK:
        return _RANK_COST[-1][1]
    for letters in LETTER_RANKS:
        rank = letters.find(char.lower())
        if rank < 0 and "\u0370" <= char < "\u0400":
            rank = letters.find(base)  # Greek accents do not change a letter's frequency
        if rank >= 0:
            return next(cost for limit, cost in _RANK_COST if rank < limit)
    return _RANK_COST[-1][1]


@dataclass(frozen=True, slots=True)
class CharInfo:
    """What the model needs to know about one character."""

    kind: int
    script: int
    upper: bool
    lower: bool
    accented: bool
    """A Latin letter outside ASCII (checked against the alphabets)."""
    cost: float
    role: int = 0
    """Thai spelling role: consonant, leading vowel, mark or following vowel (0: none)."""


def _script(cp: int) -> int:
    if cp < 0x250 or 0x1E00 <= cp < 0x1F00 or 0xFF21 <= cp < 0xFF5B:
        return _LATIN
    if 0x370 <= cp < 0x400 or 0x1F00 <= cp < 0x2000:
        return _GREEK
    if 0x400 <= cp < 0x530:
        return _CYRILLIC
    if 0x590 <= cp < 0x600:
        return _HEBREW
    if 0x600 <= cp < 0x780 or 0xFB50 <= cp < 0xFF00:
        return _ARABIC
    if 0xE00 <= cp < 0xE80:
        return _THAI
    if 0x900 <= cp < 0xE00:
        return _INDIC
    if 0xAC00 <= cp < 0xD7B0 or 0x1100 <= cp < 0x1200 or 0x3130 <= cp < 0x3190:
        return _HANGUL
    if 0x2E80 <= cp < 0xA000 or 0xF900 <= cp < 0xFB00 or 0xFF66 <= cp < 0xFFA0 or cp >= 0x20000:
        return _CJK
    return _ELSE


def _cjk_cost(char: str, home: str | None, costs: PlausibilityCosts) -> float:
    """Rarity of a CJK character in the writing system the candidate chain implies.

    Tiers: among the most frequent characters (free), in the national standard's level 1
    (``cjk_base``), level 2 (``uncommon_cjk``), anywhere else (``rare_cjk``). A chain
    that reads bytes in the wrong CJK encoding lands on a level-1 character often, but
    on a most-frequent one seldom, so the top tier is what tells the readings apart.
    """
    cp = ord(char)
    if 0xFF66 <= cp < 0xFFA0:
        return costs.halfwidth_kana
    if 0x3040 <= cp < 0x3100:  # kana: Japanese only
        return 0.0 if home in (None, "ja") else costs.rare_cjk
    ideograph = 0x3400 <= cp < 0xA000 or 0xF900 <= cp < 0xFB00 or cp >= 0x20000
    if 0x3130 <= cp < 0x3190 or 0x1100 <= cp < 0x1200:  # bare jamo: chat, not prose
        return costs.uncommon_cjk
    if not ideograph and not 0xAC00 <= cp < 0xD7B0:
        return 0.0  # CJK punctuation, full-width forms
    extra = costs.hanja if home == "ko" and ideograph else 0.0
    if char in top_chars()[home]:
        return extra
    common, known = cjk_tiers()[home]
    if char in common:  # text as it stands (no home) is not charged for level 1
        return extra + (costs.cjk_base if home else 0.0)
    return extra + (costs.uncommon_cjk if char in known else costs.rare_cjk)


def char_info(char: str, costs: PlausibilityCosts = COSTS) -> CharInfo:
    """Classify one character (cached: pages reuse a small alphabet). The default table
    has its own cache keyed by the character alone: hashing a 30-field table on every
    character cost more than the rest of the model."""
    if costs is COSTS:
        return _default_info(char)
    return _tuned_info(char, costs)


@lru_cache(maxsize=8192)
def _default_info(char: str) -> CharInfo:
    return _classify(char, COSTS)


@lru_cache(maxsize=8192)
def _tuned_info(char: str, costs: PlausibilityCosts) -> CharInfo:
    return _classify(char, costs)


def _classify(char: str, costs: PlausibilityCosts) -> CharInfo:
    cp = ord(char)
    cat = unicodedata.category(char)
    if 0x80 <= cp < 0xA0 or cat in ("Co", "Cn", "Cs"):  # before isspace: U+0085 is one
        return CharInfo(_OTHER, _ELSE, False, False, False, costs.control)
    if char.isspace() or cat == "Zs":
        return CharInfo(_SPACE, _ELSE, False, False, False, 0.0)
    if cp == 0xFFFD:
        return CharInfo(_OTHER, _ELSE, False, False, False, costs.replacement)
    if (cat[0] == "N" and cp < 0x80) or cat == "Nd":
        return CharInfo(_DIGIT, _ELSE, False, False, False, costs.native_digit * (cp >= 0x80))
    if (
        (cp < 0x80 and not char.isalpha())
        or char in COMMON_PUNCT
        or (cat[0] == "P" and cp >= 0x2000 and char not in ODD_PUNCT)
    ):
        return CharInfo(_PUNCT, _ELSE, False, False, False, 0.0)
    if 0xFE10 <= cp < 0xFE70:  # vertical and small form variants: GBK/Big5 misreadings
        return CharInfo(_SYMBOL, _ELSE, False, False, False, costs.odd_letter)
    role = _thai_role(cp, cat) if 0xE00 <= cp < 0xE80 else 0
    if any(lo <= cp < hi for lo, hi in RARE_SCRIPTS):
        kind = _MARK if cat[0] == "M" else _LETTER if cat[0] == "L" else _SYMBOL
        return CharInfo(kind, _ELSE, False, False, False, costs.odd_letter)
    if cat[0] == "M":
        script = _script(cp)
        if 0x300 <= cp < 0x370 and char not in COMMON_MARKS:
            return CharInfo(_MARK, script, False, False, False, costs.odd_letter)
        cost = costs.pointing if script in (_HEBREW, _ARABIC) else 0.0
        return CharInfo(_MARK, script, False, False, False, cost, role)
    if cat[0] == "L" and char not in "ªº":
        script = _script(cp)
        cost = 0.0
        if any(lo <= cp < hi for lo, hi in ODD_LETTER_RANGES) and char not in ODD_LETTER_OK:
            cost = costs.odd_letter
        elif script in (_GREEK, _CYRILLIC, _HEBREW, _ARABIC, _THAI):
            cost = _rank_cost(char)
        accented = script == _LATIN and cp >= 0x80 and char != "µ"
        return CharInfo(_LETTER, script, char.isupper(), char.islower(), accented, cost, role)
    if 0x2B0 <= cp < 0x370 and char not in COMMON_MARKS:
        return CharInfo(_SYMBOL, _ELSE, False, False, False, costs.odd_letter)
    cost = costs.math if 0x2200 <= cp < 0x2300 else 0.0
    if 0x2500 <= cp < 0x25A0 or 0x2320 <= cp < 0x2322:
        cost = costs.box_drawing
    return CharInfo(_SYMBOL, _ELSE, False, False, False, cost)


def _pair_cost(
    a: CharInfo, b: CharInfo, a_ascii: bool, b_ascii: bool, costs: PlausibilityCosts
) -> float:
    if a_ascii and b_ascii:
        return 0.0
    if a.kind == _LETTER and b.kind == _LETTER:
        if a.script != b.script:
            cjkish = (_CJK, _HANGUL)
            if a.script in cjkish and b.script in cjkish:
                return 0.0
            if a.script in cjkish or b.script in cjkish:
                return costs.ascii_cjk if (a_ascii or b_ascii) else costs.latin_cjk
            return costs.script_mix
        if a.lower and b.upper and not (a_ascii and b_ascii):
            return costs.case_flip
        return 0.0
    if (a.kind == _LETTER and b.kind == _SYMBOL) or (a.kind == _SYMBOL and b.kind == _LETTER):
        return costs.symbol_in_word
    if a.kind == _SYMBOL and b.kind == _SYMBOL and not (a_ascii or b_ascii):
        return costs.symbol_pair
    if b.kind == _MARK and a.kind != _LETTER and a.kind != _MARK:
        return costs.stray_mark
    if b.kind == _MARK and a.kind == _MARK and b.role != _THAI_MARK:
        return costs.mark_pile
    if b.kind == _MARK and b.script != _ELSE and a.script != b.script:
        return costs.stray_mark
    return _thai_pair_cost(a.role, b.role, costs) if a.role or b.role else 0.0


def _thai_pair_cost(a: int, b: int, costs: PlausibilityCosts) -> float:
    if b in (_THAI_MARK, _FOLLOWING) and a not in (_CONSONANT, _THAI_MARK):
        return costs.stray_mark
    if a == _LEADING and b != _CONSONANT:
        return costs.stray_mark
    return 0.0


def _word_cost(
    accented: list[str], run_excess: int, tonos: int, caps: int, costs: PlausibilityCosts
) -> float:
    cost = costs.accent_run * run_excess
    if tonos > 1:  # a Greek word carries one accent at most
        cost += costs.alphabet_miss
    if caps > 2:
        cost += costs.caps_word * (caps - 2)
    if accented:
        letters = {c.lower()[0] for c in accented} - set("abcdefghijklmnopqrstuvwxyz")
        if letters and not any(letters <= alphabet for alphabet in ALPHABETS):
            cost += costs.alphabet_miss
    return cost


# Spanish ñ is always followed by a vowel (or ends nothing); Polish ń read as windows-1252
# shows as ñ before a consonant (``nauruañski``). Czech ě and ů read as windows-1252 show
# as ì and ù inside words (``nedìle``); Italian puts those accents on a final vowel.
_AFTER_ENYE = frozenset("aeiouyáéíóúAEIOUY")
_CONSONANTS = frozenset("bcdfgjklmpqrstvwxzBCDFGJKLMPQRSTVWXZ")


def _central_face(prev2: str, prev: str, char: str) -> bool:
    """Whether ``prev`` is a Central European letter as windows-1252 shows it, placed
    where no language puts it (see ``_AFTER_ENYE``)."""
    if prev == "ñ":
        return char not in _AFTER_ENYE
    return prev in "ìù" and prev2.isalpha() and char in _CONSONANTS


def cost(text: str, home: str | None = None) -> float:
    """Total badness of ``text``: 0 for ordinary text, higher the more it looks broken.

    ``home`` names the writing system a legacy CJK chain implies (``zh-hans``, ``zh-hant``,
    ``ja``, ``ko``): its characters are then judged by that country's standard.
    """
    costs = _ACTIVE.get()
    total = 0.0
    prev: CharInfo | None = None
    prev_ascii = True
    accented: list[str] = []
    run = run_excess = tonos = caps = 0
    all_caps = True
    spaced = False
    last_script = _ELSE
    prev_char = prev2 = ""
    prev2_kind = _SPACE
    for char in text:
        info = char_info(char, costs)
        is_ascii = char < "\x80"
        total += info.cost
        if info.script == _CJK or info.script == _HANGUL:
            total += _cjk_cost(char, home, costs)
        if prev is not None:
            total += _pair_cost(prev, info, prev_ascii, is_ascii, costs)
            if char in "ÌìÞÒò" and prev_char in VOWELS_1258:
                total += costs.loose_tone
            if prev_char in "ñìù" and _central_face(prev2, prev_char, char):
                total += costs.central_face
            if prev_char in "¼½¾£¥¦¬¯" and info.kind == _LETTER:
                total += costs.glued_digit
            if utf8_shape(prev2, prev_char, char):
                # the soft character must be the first continuation: ``é\u00a0—`` is
                # French typography, ``â‰\u00a0`` (≠) is not
                third = prev_char in ANY_CONT and "\xe0" <= prev2 <= "\xef"
                soft = prev_char in "\u00a0\u00ad" or (
                    char in "\u00a0\u00ad" and not third and prev_char != "Â"
                )  # ``Â\u00a0`` is the UTF-8 no-break space itself, never typography
                total += costs.utf8_soft_pair if soft else costs.utf8_pair
            if (
                prev_char in HEBREW_FINALS
                and info.kind == _LETTER
                and info.script in (_HEBREW, _ARABIC)
            ):
                total += costs.final_form
            if (
                info.kind == _LETTER
                and prev2_kind == _LETTER
                and (
                    prev.kind == _SYMBOL
                    or (prev.kind == _PUNCT and prev_char >= "\x80" and prev_char not in JOINERS)
                )
            ):
                total += costs.symbol_between
        elif info.kind == _MARK:
            total += costs.stray_mark
        if info.kind == _SPACE:
            spaced = True
        else:
            if spaced and info.script == _CJK and last_script == _CJK and (home or "ja")[0] in "zj":
                total += costs.han_space
            spaced = False
            last_script = info.script
        prev2, prev_char = prev_char, char
        if info.kind == _LETTER or info.kind == _MARK:
            if info.accented:
                accented.append(char)
                run += 1
                run_excess += run > 2 and char != prev2  # "nöööö" is emphasis
            else:
                run = 0
            tonos += char in TONOS
            if info.script in (_GREEK, _CYRILLIC) and info.upper:
                caps += 1
            elif info.kind == _LETTER:
                all_caps = False
        else:
            if accented or run_excess or tonos > 1 or caps > 2:
                total += _word_cost(accented, run_excess, tonos, caps if all_caps else 0, costs)
            accented = []
            run = run_excess = tonos = caps = 0
            all_caps = True
        prev2_kind = prev.kind if prev is not None else _SPACE
        prev, prev_ascii = info, is_ascii
    if accented or run_excess or tonos > 1 or caps > 2:
        total += _word_cost(accented, run_excess, tonos, caps if all_caps else 0, costs)
    return total


def alphabet_spread(text: str) -> int:
    """Accented Latin letters of ``text`` left out by the single best-fitting alphabet.

    Word by word, Turkish read as windows-1252 looks Icelandic (``deðil``); only the whole
    text shows that no one language uses both its ``ð`` and its ``ç``.
    """
    counts: dict[str, int] = {}
    for char in text:
        if char >= "\x80" and char_info(char).accented:
            low = char.lower()
            counts[low] = counts.get(low, 0) + 1
    if not counts:
        return 0
    total = sum(counts.values())
    return min(total - sum(n for c, n in counts.items() if c in a) for a in ALPHABETS)
