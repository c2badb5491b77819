# ruff: noqa: RUF001, RUF003  (mojibake and look-alike characters are the subject here)
"""Readings of a whole text node: what the node was before one misreading hit all of it.

Mojibake usually hits a whole text node at once (the page, or the database field, was
read with the wrong code page), so the strongest evidence is the node as a whole: when
every character of it writes back to bytes that are valid UTF-8 (or valid GBK, KOI8-R…),
that is no accident for anything longer than a few characters. Reading the node as a
whole also repairs every short piece of a broken run together with the long ones.

UTF-8 read as a one-byte code page is ftfy's job: its badness heuristics have a decade of
real-world reports behind them, and it handles the sloppy forms (lost bytes, a no-break
space turned into a space, pieces inside clean text). The readings here cover what ftfy
does not try: the code pages it does not know (KOI8, ISO-8859-5/7/15, cp1255/1256/1258,
cp850, mac_cyrillic), Latin text read as a Cyrillic or Greek code page (its badness test
looks for the marks Cyrillic or Greek text leaves), and every legacy encoding read as
another one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

import ftfy

from .chains import Candidate
from .code_pages import encode_as, encode_mixed
from .text_stats import CODEC_HOME

__all__ = ["FTFY_CONFIG", "LEGACY_SIGNS", "ftfy_reading", "legacy_readings", "whole_readings"]

# ftfy restricted to its encoding fixes: quotes, widths, ligatures and line breaks are the
# page's own business, and HTML entities were resolved by the parser already.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
)
# ftfy's names for the code pages its plan reads as, in boilerkit's chain notation.
_FTFY_NAMES = {
    "latin-1": "latin-1",
    "iso-8859-2": "iso8859_2",
    "macroman": "mac_roman",
}
# Code pages UTF-8 is read as, tried over the whole node (ISO-8859-9 is covered by the
# windows-1254 table). Not windows-1252, latin-1, mac_roman and cp437: there ftfy's
# judgment is better than ours, and where it leaves a string alone (``AHÅ™``, ``Ã’s``,
# ``¬´``) the string stays.
UTF8_READERS = (
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
    "mac_cyrillic",
    "cp850",
)
# Legacy encodings, each with the code pages it is read as in the wild.
_CJK = ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949")
LEGACY_READINGS: dict[str, tuple[str, ...]] = {
    "cp1252": (
        *_CJK,
        *("cp1251", "koi8_r", "mac_roman", "cp1250", "iso8859_2", "cp1253", "cp1254"),
        *("cp1255", "cp1256", "cp874", "cp1258"),
    ),
    "cp1251": ("cp1252", "koi8_r", "gb18030"),
    "koi8_r": ("cp1251",),
    "gb18030": ("big5hkscs", "cp949", "cp932"),
    "big5hkscs": ("gb18030", "cp932", "cp949"),
}


# Signs of one legacy code page read as another that the trigger's other marks miss, for
# the bigram model to judge (``judge.by_language``): mac_roman's no-break space (``Ê``)
# or KOI8's reading of one (``═``) touching a digit, its em dash (``Ñ``) standing alone,
# its ``á`` and ``é`` (``‡``, ``Ž``) against a letter; a lone Cyrillic letter among
# Latin words, or windows-1251's ``Ј Ґ Ђ`` for windows-1252's ``£ ¥ €`` after a number
# (not ``¹``, ISO-8859-2's ``š``, ending a word: footnotes end words that way).
_OLD_SIGNS = (
    "(?<=[0-9][Ê═])|(?<=[Ê═])(?=[0-9])|(?<= Ñ)(?= )|(?<=[^\\W\\d_]‡)|(?<=‡)(?=[^\\W\\d_])"
    "|(?<=[A-Za-z]Ž)|(?<=[A-Za-z,.][ \u00a0][\u0400-\u04ff])(?![\u0400-\u04ff])"
    "|(?<=[0-9][ \u00a0][ЈҐЂ])"
)
# Letters where no language puts them, as a Latin code page read as windows-1252 leaves
# them (what real text writes there is said beside each):
# - mac_roman: a capital after a lower-case letter (``fŸr``, ``GebŠude``, ``pŒ``:
#   ü ä å; Czech ``Škoda`` starts a word); a sign no language writes inside words
#   against a letter (``lie§``, ``™l``, ``Ÿbernahm``: ß ô Ü; ``Apple™`` puts ™ after);
#   ``ˆ`` ``Ž`` ``‡`` ``Œ`` ``‰`` as a word after a word (French ``à``, ``é``);
# - windows-1250 and ISO-8859-2: ``¿`` between letters (Polish ``ż``; Spanish ``¿``
#   opens a sentence), ``³`` after two letters not ending in ``m`` (``ł``; ``km³``,
#   ``x³``), ``¹ ¾`` opening a word (``ą š ž``; footnotes end one), ``® ©`` before a
#   word (``Ž Š``), ``è`` after a vowel (``č``: ``poèetku``; Catalan ``què``), ``æ``
#   before ``i`` or ending a word (``ć``: ``najveæi``; Danish ``æ`` rarely does),
#   ``õ`` ending a word (Hungarian ``ő``; Portuguese ``õ`` never does), ``ã`` before a
#   consonant but ``s`` or ending a word after ``c g u`` (Romanian ``ă``: ``stãri``,
#   ``cã``; Portuguese ``ão``, ``ães``, ``irmã``), ``œ``
#   ending a word or before a letter but ``u`` ``i`` (Polish ``ś``; French ``œu``,
#   ``œil``).
_LOWER = "a-zß-öø-ÿ"
_LATIN_SIGNS = (
    f"|(?<=[{_LOWER}][ŸŠŽŒ])|(?<=[^\\W\\d_][‡ˆ‰†ƒ˜§])|(?<=[Ÿ‡ˆ‰†ƒ™˜§])(?=[{_LOWER}])"
    "|(?<=[^\\W\\d_] [ˆŽ‡Œ‰])(?=[ .,:;?!])"
    "|(?<=[a-z]¿)(?=[a-z])|(?<=[a-z][a-ln-z]³)|(?<![^\\W\\d_].)(?<=[¹¾®])(?=[a-z]{2})"
    "|(?<=[aeo]è)|(?<=[^qgsQGS]uè)"
    "|(?<=[^\\W\\d_]iè)(?![^\\W\\d_])"
    "|(?<=[^\\W\\d_]æ)(?:(?=i|e(?![^\\W\\d_]))|(?![^\\W\\d_]))"
    "|(?<![^\\W\\d_].)(?<=æ)(?=e(?![^\\W\\d_]))"
    "|(?<=[^\\W\\d_]õ)(?![^\\W\\d_])|(?<![^\\W\\d_].)(?<=õ)(?![^\\W\\d_])"
    "|(?<=ã)(?=[bcdfghjklmnpqrtvwxz])|(?<=[cgu]ã)(?![^\\W\\d_])"
    "|(?<=œ)(?=[a-hj-tv-z])|(?<=[a-z]œ)(?![^\\W\\d_])"
)
# Korean read as GBK: one of the commonest Korean syllables (the 24 the bigram tables'
# Korean uses most, ``KOREAN_COMMON``) as GBK shows it, ending a word after Han or a
# digit (``乐促.`` for 있다., ``2岿 弊绰`` for 2월 그는: Han the Chinese catalogs never
# use), or a Han character between a number and a space (``1995斥 10岿``; Chinese
# writes 1995年10月). Japanese read as GBK: two hiragana in a row as GBK shows them
# (``偺``, ``偼``: Han no Chinese text uses), or its commonest bytes, 、 ー 年, as
# ``丄 乕 擭``.
KOREAN_COMMON = "니다이를습어지하가는번비사세수시요월을의일입자"
_KOREAN_AS_GBK = KOREAN_COMMON.encode("euc_kr").decode("gbk")
_HIRAGANA_AS_GBK = "".join(
    chr(c).encode("shift_jis").decode("gbk", "ignore")
    for c in range(0x3041, 0x3094)  # ぁ-ん
)
_HAN_SIGNS = (
    f"|(?<=[\u4e00-\u9fff0-9][{_KOREAN_AS_GBK}])(?=[ .,:;?!])"
    "|(?<=[0-9][\u4e00-\u9fff])(?= [0-9])"
    f"|(?<=[{_HIRAGANA_AS_GBK}][{_HIRAGANA_AS_GBK}])|(?<=[丄乕擭])"
)
LEGACY_SIGNS = re.compile(
    "[ÊÑ‡Ž═\u0400-\u04ff¹ŸŠŒˆ‰†ƒ˜§™¿³¾®èæõãœ\u4e00-\u9fff](?:"
    + _OLD_SIGNS
    + _LATIN_SIGNS
    + _HAN_SIGNS
    + ")"
)


def _chain_of(plan: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """ftfy's plan as boilerkit chain steps (``("utf-8/cp1252",)`` per layer undone)."""
    steps = []
    for action, name in plan:
        if action == "encode":
            reader = name.removeprefix("sloppy-").replace("windows-", "cp")
            steps.append(f"utf-8/{_FTFY_NAMES.get(reader, reader)}")
        elif action == "apply" and name == "decode_inconsistent_utf8":
            steps.append("utf-8/cp1252 (pieces)")
        elif action == "apply" and name == "fix_c1_controls":
            steps.append("latin-1/cp1252")
    return tuple(steps) or ("ftfy",)


def ftfy_reading(text: str) -> Candidate | None:
    """ftfy's repair of ``text`` restricted to its encoding fixes, if it changed anything."""
    fixed, plan = ftfy.fix_encoding_and_explain(text, FTFY_CONFIG)
    if fixed == text:
        return None
    return Candidate(fixed, _chain_of(plan or []))


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf8_layers(text: str) -> Iterator[Candidate]:
    """The node written back through each code page and read as UTF-8, up to 3 layers
    (cp437 too: ftfy reads one cp437 layer but not two, ``Γö¼ΓûæC`` for ``°C``)."""
    frontier = [Candidate(text, ())]
    seen = {text}
    as_1252 = encode_as(text, "cp1252")
    for _layer in range(3):
        found = []
        for cand in frontier:
            for reader in (*UTF8_READERS, "cp437"):
                data = encode_as(cand.text, reader)
                if data is None or data.isascii() or (not cand.chain and data == as_1252):
                    continue  # bytes ftfy saw through windows-1252 and left alone
                fixed = _utf8(data)
                if fixed is not None and fixed not in seen:
                    seen.add(fixed)
                    found.append(Candidate(fixed, (*cand.chain, f"utf-8/{reader}")))
        yield from found
        frontier = found[:6]


def _strict(data: bytes, codec: str) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return unicodedata.normalize("NFC", text) if codec == "cp1258" else text


def legacy_readings(text: str) -> Iterator[Candidate]:
    """The node read back as each legacy encoding it may have been written in."""
    han = len(_HAN.findall(text))  # (regexes and codecs count at C speed: a long node)
    high = len(text) - len(text.encode("ascii", "ignore"))
    for reader, targets in LEGACY_READINGS.items():
        if reader in _CJK and han * 2 < high:
            continue  # what a CJK encoding misread shows is mostly Han (``├┤`` is not)
        data = encode_as(text, reader) if reader == "cp1252" else _encode(text, reader)
        if data is None or data.isascii():
            continue
        if reader == "cp1252" and len(_FOUR_BYTES.findall(data)) >= 2:
            targets = ("gb18030",)  # GB18030's four-byte sequences: nothing else reads so
        for target in targets:
            fixed = _strict(data, target)
            if fixed is not None and fixed != text:
                yield Candidate(fixed, (f"{target}/{reader}",), _home(target, fixed))
    if high and max(text) > "\xff" and _LATIN1_HIGH.search(text):
        mixed = encode_mixed(text)
        for target in _CJK:
            fixed = _strict(mixed, target)
            if fixed is not None:
                yield Candidate(fixed, (f"{target}/mixed",), _home(target, fixed))


def _home(target: str, fixed: str) -> str | None:
    """The writing system a reading as ``target`` implies: GB18030 writes every Unicode
    character, Korean in four-byte sequences (``ƒ5Ç1`` for 파) when the page is GB18030,
    so a GB18030 reading that gives mostly Hangul is judged as Korean."""
    home = CODEC_HOME.get(target)
    if target == "gb18030" and len(_HANGUL.findall(fixed)) > len(_HAN.findall(fixed)):
        return "ko"
    return home


# A four-byte GB18030 sequence (``ƒ1ó9`` for 서): high byte, digit, high byte, digit.
# Read as a one-byte code page it is letters glued to digits (``É1Û9`` as mac_roman),
# which the cost model does not mind; two of them are no accident.
_FOUR_BYTES = re.compile(b"[\x81-\xfe][0-9][\x81-\xfe][0-9]")
_HANGUL = re.compile("[\uac00-\ud7af]")
_HAN = re.compile("[\u3400-\u9fff]")


_LATIN1_HIGH = re.compile("[\x80-\xff]")


def _encode(text: str, codec: str) -> bytes | None:
    try:
        return text.encode(codec)
    except UnicodeEncodeError:
        return None


def whole_readings(text: str) -> Iterator[Candidate]:
    """Every reading of the whole node: UTF-8 layers first, then the legacy encodings."""
    yield from _utf8_layers(text)
    yield from legacy_readings(text)
