# ruff: noqa: RUF001  (mojibake and look-alike characters are the subject here)
"""The repair stage's trigger: which text can be mojibake at all.

Most non-ASCII text on the web is clean, and reading it (ftfy, costs, whole-node
readings) is the repair stage's main cost. A text is read only when it holds the byte
pattern some misreading leaves, checked per code page, not from a union of them:

- a complete UTF-8 sequence (a lead byte and exactly the continuation bytes it asks
  for) as one code page shows it: ``Ã©`` (windows-1252), ``Ð¿`` (windows-1252), ``РїС``
  (windows-1251). The union of every reader's lead and continuation characters also
  matched German ``öß``, French ``éé`` and Polish ``ół``, which no single code page
  gives as a UTF-8 sequence;
- a C1 control or U+FFFD (a decoder gave up, or latin-1 kept a windows-1252 byte);
- a legacy encoding read as windows-1252 or latin-1: three high Latin-1 characters in a
  row (``Ïðèâåò``, ``ÄãÓÚ``), or two with a symbol among them (``ºÍ`` for 和) or after
  a digit (``1992Äê`` for 1992年), or one
  touching a Han or Hangul character (the seed's form, ``Â鶹``). A no-break space or a
  soft hyphen does not count: ``«\xa0``, runs of ``\xa0`` and ``tö\xadtung`` are how
  French, Chinese and German pages are written;
- the marks of one legacy code page read as another and of Central European and
  Turkish text read as windows-1252 (``runs.CENTRAL_MARKS``, ``LONE_A``, the Icelandic
  letters Turkish turns into), and a Latin letter touching a Cyrillic one.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .code_pages import byte_table
from .han import odd_chinese
from .runs import CENTRAL_MARKS, LONE_A
from .signs import SIGNS
from .whole import LEGACY_SIGNS, UTF8_READERS

__all__ = ["MARK", "suspect", "suspect_texts"]

# Readers of UTF-8 whose misreadings ftfy repairs (boilerkit's own readers are in
# ``whole.UTF8_READERS``); the trigger must see both.
_FTFY_READERS = ("cp1252", "iso8859_1", "mac_roman", "cp437")


def _class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _utf8_sequences() -> str:
    """A complete UTF-8 sequence as one of the readers shows it. The pattern starts with
    a class of every lead character, so the regex engine skips other text at C speed;
    the look-behinds then check the lead and its continuations in one reader. Leads
    DC-DF are left out: they write Syriac, Thaana and NKo, and windows-1252 shows them as
    ``Ü Ý Þ ß``, which German puts before a soft hyphen or a quote (``Groß\xadbritannien``)."""
    alternatives: dict[str, None] = {}
    first: set[str] = set()
    second: set[str] = set()
    for reader in (*_FTFY_READERS, *UTF8_READERS):
        leads: tuple[set[str], set[str], set[str]] = (set(), set(), set())
        conts: set[str] = set()
        for cp, byte in byte_table(reader).items():
            value = ord(byte)
            if byte == "\uffff":
                continue
            if 0x80 <= value <= 0xBF:
                conts.add(chr(cp))
            elif 0xC2 <= value <= 0xDB or 0xE0 <= value <= 0xF4:
                leads[(value >= 0xE0) + (value >= 0xF0)].add(chr(cp))
        first.update(*leads)
        second.update(conts)
        for size, lead in enumerate(leads, start=1):
            alternatives[f"(?<={_class(lead)}){_class(conts)}{{{size}}}"] = None
    body = "|".join(alternatives)
    return f"{_class(first)}(?={_class(second)})(?:{body})"


# The three patterns below are strings: they are only ever matched as parts of ``MARK``
# (compiling each on its own as well cost 13 ms of every start).
_UTF8_SEQUENCE = _utf8_sequences()
# High Latin-1 characters as a legacy CJK or Cyrillic text read as windows-1252 or
# latin-1 shows them, the symbols among them, and the Han/Hangul/kana blocks the seed's
# form mixes them with. No-break space and soft hyphen are left out, and the typographic
# quotes and dashes are no symbols here: ``«\xa0``, ``tö\xadtung`` and ``„Über`` are how
# French, German and Polish pages are written.
_HIGH = (
    "\u00a1-\u00ac\u00ae-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013-\u2122"
)
_SYMBOL = (
    "\u00a1-\u00ac\u00ae-\u00bf\u00d7\u00f7\u02c6\u02dc\u2020\u2021\u2030\u2039\u203a\u20ac\u2122"
)
_HAN = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_LEGACY_AS_LATIN = (
    f"[{_HIGH}\u0080-\u009f\ufffd{_HAN}](?:"
    "(?<=[\u0080-\u009f\ufffd])"
    f"|(?<=[{_HIGH}])[{_HIGH}]{{2}}|(?<=[0-9][{_HIGH}])[{_HIGH}]"
    f"|(?<=[{_SYMBOL}])[{_HIGH}]|(?<=[{_HIGH}])[{_SYMBOL}]"
    f"|(?<=[\u00c0-\u00ff])[{_HAN}]|(?<=[{_HAN}])[\u00c0-\u00ff]"
    "|(?<=\\wñ)(?![aeiouyáéíóúAEIOUY])|(?<=\\w[ìù])(?=[bcdfgjklmpqrstvwxz])"
    "|(?<=[ðþÐÞýÝ])|(?<=[ŠšŽžŒœŸ])[èìòùø]|(?<=[èìòùø])[ŠšŽžŒœŸ])"
)
# One legacy code page read as another: a Latin letter touching a Cyrillic one (windows-1252
# read as windows-1251), a windows-1252 symbol between Latin letters (mac_roman read as
# windows-1252: ``FremdschlŸssel``), and Cyrillic case gone wrong (KOI8-R and windows-1251
# read as each other swap the cases: ``рТЙЧЕФ``).
_SYMBOLS_1252 = "\x80-\x9f‚ƒ„†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ§"
_LEGACY_MARKS = (
    f"[\u0400-\u04ff\u2500-\u257f{_SYMBOLS_1252}](?:"
    "(?<=[A-Za-z][\u0400-\u04ff])|(?<=[\u0400-\u04ff])(?=[A-Za-z])"
    f"|(?<=[A-Za-z][{_SYMBOLS_1252}])(?=[a-z])"
    "|(?<=[а-яё])(?=[А-ЯЁ])|(?<=[А-ЯЁ])(?=[А-ЯЁ]{3})"
    "|(?<=[\u0400-\u04ff][\u2500-\u257f])|(?<=[\u2500-\u257f])(?=[\u0400-\u04ff])"
    "|(?<=[\u0400-\u04ff])(?=[\u2500-\u257f])|(?<=[\u2500-\u257f])(?=[\u2500-\u257f]))"
)


def _parts(pattern: str) -> tuple[str, str]:
    """(the leading character class, the rest) of a pattern that starts with one."""
    end = pattern.index("]", 2) + 1  # a class is never empty, so "]" at 1 is literal
    return pattern[:end], pattern[end:]


def _one_pass(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """All ``patterns`` (each a character class, then checks) as one regex that starts
    with the union of their classes: the engine skips clean text at C speed in a single
    pass (a pass per pattern cost five times the scan), and at a candidate character
    each pattern's checks run behind a look-behind for its own class."""
    parts = [_parts(p) for p in patterns]
    union = "".join(first[1:-1] for first, _ in parts)
    body = "|".join(f"(?<={first})(?:{rest})" for first, rest in parts)
    return re.compile(f"[{union}](?:{body})")


_PATTERNS = (
    _UTF8_SEQUENCE,
    _LEGACY_AS_LATIN,
    "[Ã]" + LONE_A.pattern.removeprefix("Ã"),
    CENTRAL_MARKS.pattern,
    _LEGACY_MARKS,
    LEGACY_SIGNS.pattern,
    SIGNS.pattern,
)
MARK = _one_pass(_PATTERNS)


# Any Han: a page without is spared ``han.odd_chinese`` (and building its class of rare
# Han, 35 ms a process).
_ANY_HAN = re.compile("[\u3400-\u9fff]")


def suspect(text: str) -> bool:
    """Whether ``text`` holds any mark of a misreading (clean text mostly stops here).
    Text marked only by ``han.odd_chinese`` is not: it is read by ``han.chinese_swap``
    alone."""
    return MARK.search(text) is not None


def suspect_texts(joined: str, starts: list[int]) -> list[int]:
    """Indexes of the texts (starting at ``starts`` in ``joined``) that hold a mark or,
    on a page with Han, ``han.odd_chinese``'s."""
    found = _hits(MARK, joined, starts)
    if _ANY_HAN.search(joined):
        found = sorted({*found, *_hits(odd_chinese(), joined, starts)})
    return found


def _hits(pattern: re.Pattern[str], joined: str, starts: list[int]) -> list[int]:
    """Indexes of the texts ``pattern`` finds in; the scan jumps to the next text after a
    hit (a page can hold thousands of marks)."""
    found: list[int] = []
    match = pattern.search(joined)
    while match:
        index = bisect_right(starts, match.start()) - 1
        found.append(index)
        match = pattern.search(joined, starts[index + 1])
    return found
