# ruff: noqa: RUF001, RUF002  (mojibake and look-alike characters are the subject here)
"""Signs beside numbers: a price or a measure whose only non-ASCII sign was misread.

A price list or a measure is ASCII but for a currency sign, a degree sign, a middle dot
or a no-break space, and a misreading leaves one or two characters with no word around
them for the bigram model to judge (``judge.by_language`` wants 12 letters). The number
is the evidence instead: these are the signs a number stands beside, and their misread
forms are nothing a number stands beside in clean text:

- a CJK encoding read as windows-1252 or latin-1: the two bytes of a currency or degree
  sign beside a number (``CN¢D1,788`` is Big5's ¥, ``¡ï636`` EUC-JP's ￥, ``252.8¡ãC``
  GBK's °), GB18030's four bytes of one (``\\x810„6`` for ¥), a middle dot standing
  between spaces (``kg ¡¤ CHF``);
- one CJK encoding read as another: a sign's bytes as the other shows them (``﹞`` for
  GBK's ·, ``亸636`` for Shift_JIS's ￥636);
- windows-1252 read as windows-1251: ``Ђ Ґ Ј`` for ``€ ¥ £`` (``4.395,00 Ј``),
  windows-1251 read as windows-1252: ``ˆ`` for ``€``, and windows-1251's no-break space
  read as KOI8-R: ``═`` glued to a number;
- mac_roman read as windows-1252: its no-break space is ``Ê`` glued to a number
  (``442,49Ê$US``, ``RUBÊ2.681,66``), its degree sign ``¡`` (``32,2 ¡C``); a number
  showing one, the whole text is read as
  mac_roman (``Ñ`` for —, ``´`` for ¥, ``Û`` for €) when every character that changes
  becomes a sign or a lower-case letter.

Each sign is read only where every non-ASCII character of the text is one of them (or a
no-break space): text with words of its own is the other readings' to judge.
"""

from __future__ import annotations

import re

from .chains import Candidate
from .code_pages import encode_as

__all__ = ["SIGNS", "number_signs"]

# What a number stands beside.
_NUMBER_SIGNS = frozenset("$¢£¥€₩₹¤￠￡￥°℃·")
# Beside a number: glued or one space away, on either side, a currency code between
# (``CN¢D1``, ``42 CNҐ``); after a number, no letter or digit follows.
_LEFT = "(?<![^\\W\\d_])(?:[A-Z]{1,3})?"
_RIGHT = "(?=[ \xa0]?[0-9])"
_AFTER = "(?:(?<=[0-9])|(?<=[0-9][ \xa0])|(?<=[0-9][ \xa0][A-Z]{2}))"
_END = "(?![^\\W\\d_]|[0-9])"


# CJK encodings a sign is written in, and the code pages it is read as (chain names).
_WRITTEN = {"gbk": "gb18030", "big5": "big5hkscs", "euc_jp": "euc_jp", "euc_kr": "cp949"}
_WRITTEN_TOO = {"shift_jis": "cp932"}
_READ = {"cp1252": "cp1252", "gbk": "gb18030", "big5": "big5hkscs", "cp1251": "cp1251"}


def _pairs() -> dict[str, tuple[str, str]]:
    """A sign's bytes in a CJK encoding as another code page shows them -> (the sign, the
    chain), for the signs of ``_NUMBER_SIGNS``: ``¢D`` (Big5's ¥ as windows-1252),
    ``﹞`` (GBK's · as Big5), ``亸`` (Shift_JIS's ￥ as GBK). A form of one character must
    be Han or a small form (a CJK reading of another's sign is also ``√ ● ★ ‰``, which
    clean text puts beside numbers), and a form two encodings read as different signs is
    left out."""
    found: dict[str, tuple[str, str]] = {}
    clash: set[str] = set()
    for written, home in {**_WRITTEN, **_WRITTEN_TOO}.items():
        for sign in sorted(_NUMBER_SIGNS):
            try:
                data = sign.encode(written)
            except UnicodeEncodeError:
                continue
            for reader, shown_as in _READ.items():
                try:
                    shown = data.decode(reader)
                except UnicodeDecodeError:
                    continue
                if reader == written or shown == sign or shown.isascii() or not _form(shown):
                    continue
                if shown in found and found[shown][0] != sign:
                    clash.add(shown)
                found.setdefault(shown, (sign, f"{home}/{shown_as}"))
    return {shown: value for shown, value in found.items() if shown not in clash}


def _form(shown: str) -> bool:
    """Whether ``shown`` can stand for a sign: two characters, or one Han or small form."""
    return len(shown) == 2 or "\u3400" <= shown <= "\u9fff" or "\ufe50" <= shown <= "\ufe6f"


_PAIRS = _pairs()


# One character of one code page read as another: (the sign, the chain).
_ONE = {
    "Ђ": ("€", "cp1252/cp1251"),
    "Ґ": ("¥", "cp1252/cp1251"),
    "Ј": ("£", "cp1252/cp1251"),
    "ˆ": ("€", "cp1251/cp1252"),
}
# GB18030's four bytes (lead 81-84, a digit, a byte above 80, a digit) as windows-1252 or
# latin-1 shows them.
_FOUR = (
    "[\x81-\x84][0-9]"
    "[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122][0-9]"
)


# A misread sign beside a number: before one (a), after one (b), a middle dot between
# spaces (c), a degree sign before C or F (d).
_ANY_SIGN = (
    "(?:"
    + "|".join(re.escape(p) for p in sorted(_PAIRS, key=len, reverse=True))
    + "|["
    + "".join(_ONE)
    + "]|"
    + _FOUR
    + ")"
)
_SIGN = re.compile(
    f"{_LEFT}(?P<a>{_ANY_SIGN}){_RIGHT}|{_AFTER}(?P<b>{_ANY_SIGN}){_END}"
    f"|(?<= )(?P<c>{_ANY_SIGN})(?= )|{_AFTER}(?P<d>{_ANY_SIGN})(?=[CF](?![^\\W\\d_]))"
)


# mac_roman's no-break space glued to a number or its degree sign (``¡``) after one and
# before ``C`` or ``F``, and the characters a mac_roman reading may give (signs and
# lower-case letters).
_MAC_SPACE = re.compile(
    "(?<=[0-9])Ê(?=[^\\s])|(?<=[^\\s])Ê(?=[0-9])|(?<=[0-9])[ \xa0]?¡(?=[CF](?![^\\W\\d_]))"
)
# windows-1251's no-break space as KOI8-R shows it, glued to a number (``244,49═INR``).
_KOI8_SPACE = re.compile("(?<=[0-9])═(?=[^\\s])|(?<=[^\\s])═(?=[0-9])")
_MAC_GIVES = frozenset("\xa0$¢£¥€°·–—‘’“”…áàâäãåçéèêëíìîïñóòôöõúùûüÿæœß")
# The trigger's part: each form of ``_PAIRS`` (its first character, then the rest), the
# windows-1251 and GB18030 forms beside a number, mac_roman's and KOI8-R's.
SIGNS = re.compile(
    "["
    + re.escape("".join(sorted({p[0] for p in _PAIRS} | set("ЂҐЈˆÊ═¡"))))
    + "\x81-\x84](?:"
    + "|".join(f"(?<={re.escape(p[0])}){re.escape(p[1:])}" for p in sorted(_PAIRS))
    + "|(?<=[ЂҐЈˆ])|(?<=[\x81-\x84])[0-9]|(?<=[0-9][Ê═])|(?<=[Ê═])(?=[0-9])|(?<=¡)(?=[CF]))"
)


def number_signs(text: str) -> Candidate | None:
    """``text`` with its misread signs beside numbers read back, or ``None``."""
    if _MAC_SPACE.search(text):
        return _mac_roman(text)
    if _KOI8_SPACE.search(text):
        fixed = _KOI8_SPACE.sub("\xa0", text)
        return Candidate(fixed, ("cp1251/koi8_r",)) if _plain(fixed) else None
    pieces: list[str] = []
    chains: list[str] = []
    last = 0
    for match in _SIGN.finditer(text):
        group = next(g for g in "abcd" if match.group(g) is not None)
        start, end = match.span(group)
        read = _read(match.group(group), group)
        if read is None or not _plain(text[last:start]):
            return None
        pieces += [text[last:start], read[0]]
        chains.append(read[1])
        last = end
    if not pieces or not _plain(text[last:]):
        return None
    return Candidate("".join(pieces) + text[last:], tuple(dict.fromkeys(chains)))


def _read(shown: str, group: str) -> tuple[str, str] | None:
    """(the sign, the chain) ``shown`` stands for, found as ``_SIGN``'s ``group``: a sign
    standing alone between spaces must be a middle dot, one before ``C`` or ``F`` a degree
    sign, and ``ˆ`` comes after its number (``10ˆ6`` is a power)."""
    if len(shown) == 4:
        data = encode_as(shown, "cp1252")
        try:
            read = (data or b"").decode("gb18030")
        except UnicodeDecodeError:
            return None
        found = (read, "gb18030/cp1252") if read in _NUMBER_SIGNS else None
    else:
        found = _PAIRS.get(shown) or _ONE.get(shown)
    if found is None:
        return None
    fits = {
        "a": shown != "ˆ" and found[0] not in "°℃·",
        "b": found[0] != "·",
        "c": found[0] == "·",
        "d": found[0] in "°℃",
    }
    return found if fits[group] else None


def _plain(text: str) -> bool:
    """Whether ``text`` is ASCII but for no-break spaces."""
    return text.isascii() or text.replace("\xa0", " ").isascii()


def _mac_roman(text: str) -> Candidate | None:
    """The whole of ``text`` read as mac_roman, when every character that changes becomes
    a sign or a lower-case letter (``_MAC_GIVES``)."""
    data = encode_as(text, "cp1252")
    if data is None:
        return None
    try:
        fixed = data.decode("mac_roman")
    except UnicodeDecodeError:
        return None
    if any(a != b and b not in _MAC_GIVES for a, b in zip(text, fixed, strict=True)):
        return None
    return Candidate(fixed, ("mac_roman/cp1252",))
