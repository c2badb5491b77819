# ruff: noqa: RUF001, RUF002, RUF003  (mojibake and look-alike characters are the subject here)
"""Broken legacy runs inside clean text, read back whole.

A GBK, Big5, Shift_JIS, EUC-KR or windows-1251 phrase read as windows-1252 inside an
otherwise clean sentence shows as a run of Latin-1 letters and symbols, broken up by the
ASCII bytes the encoding shares with ASCII (digits, spaces, and the ASCII second bytes of
Big5 and Shift_JIS: ``¤@``, ``¦N``). Read word by word, the short pieces of such a run
(``ºÍ`` for 和, ``ª©`` for 版) carry too little evidence and stay broken; read as one
span, every piece is judged together with the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .bigrams import gain
from .chains import Candidate
from .code_pages import byte_table, encode_as, encode_mixed
from .han import han_spans
from .judge import by_language, prior, sound, weights, window
from .plausibility import cost
from .text_stats import CODEC_HOME
from .whole import ftfy_reading

__all__ = ["ftfy_spans", "glued", "legacy_spans", "pair_spans", "sequence_reading", "utf8_spans"]

_HIGH = "\u0080-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CJK = "\u3000-\u9fff\uac00-\ud7af\uff00-\uffef"  # the seed's form keeps these as UTF-8
_TRAIL = "@A-Za-z\\[\\]^_`{|}~"  # ASCII second bytes of Big5, Shift_JIS and GBK
_GAP = " 0-9.,:;()/\\-"  # ASCII that legacy text keeps between its characters
_SPAN = re.compile(
    f"[{_HIGH}{_CJK}](?:[{_HIGH}{_CJK}]|(?<=[{_HIGH}])[{_TRAIL}](?![A-Za-z])|[{_GAP}]{{1,4}}(?=[{_HIGH}{_CJK}]))*"
)
# Legacy encodings a run is read back as: the CJK ones, and the one-byte code pages of
# scripts other than Latin, whose letters no Latin-1 word holds (Greek read as
# windows-1252, ``ôñÝ÷ åâä``, was read as windows-1251 before windows-1253 was here).
_TARGETS = ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949", "cp1251", "koi8_r", "cp1253")
_MIXED = ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949")


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _readings(span: str) -> Iterator[Candidate]:
    data = encode_as(span, "cp1252")
    if data is not None and _utf8(data):
        return  # UTF-8 read as windows-1252: ftfy's call, also when it leaves it alone
    if data is not None and not data.isascii():
        for target in _TARGETS:
            try:
                yield Candidate(data.decode(target), (f"{target}/cp1252",), CODEC_HOME.get(target))
            except UnicodeDecodeError:
                continue
    if any(ord(c) > 0xFF for c in span) and any(0x80 <= ord(c) <= 0xFF for c in span):
        mixed = encode_mixed(span)
        for target in _MIXED:
            try:
                yield Candidate(mixed.decode(target), (f"{target}/mixed",), CODEC_HOME.get(target))
            except UnicodeDecodeError:
                continue


_GLUED = re.compile("(?<=[0-9])[\u0080-\u2e7f]|[\u0080-\u2e7f](?=[0-9])")


def glued(text: str) -> float:
    """Cost of the characters above ASCII (below the CJK blocks) that touch a digit: a
    CJK date read as windows-1252 glues accented letters to its numbers."""
    return len(_GLUED.findall(text)) * weights().glued_digit


def legacy_spans(text: str) -> list[tuple[int, int, Candidate]]:
    """``(start, end, reading)`` for every span of ``text`` best read as a legacy encoding:
    clearly cheaper than the span as it stands (with one character of context on each
    side, so a reading that breaks its border pays for it) and ``sound``."""
    found = []
    for match in _SPAN.finditer(text):
        span = match.group()
        if span.isascii() or not any("\u0080" <= c <= "\u00ff" for c in span):
            continue
        left = text[max(0, match.start() - 1) : match.start()]
        right = text[match.end() : match.end() + 1]
        base = cost(left + span + right) + glued(left + span + right)
        scored = []
        for i, cand in enumerate(_readings(span)):
            score = cost(left + cand.text + right, cand.home) + prior(cand.chain)
            scored.append((score + glued(left + cand.text + right), i, cand))
        scored.sort()
        if scored and scored[0][2].chain[0].startswith(_GREEK) and not _greek(span, scored):
            greek = scored.pop(0)[2].text  # the next best stands (``ÑÂÍÏÞ`` is Cyrillic),
            # a Cyrillic one only where the model prefers it to the Greek (``ôñÝ÷ åâä``)
            scored = [
                entry
                for entry in scored
                if not entry[2].chain[0].startswith(_CYRILLIC) or gain(greek, entry[2].text)[0] > 0
            ]
        best = (scored[0][0], scored[0][2]) if scored else None
        if (
            best is None
            or base - best[0] < weights().min_gain
            or best[0] > base * weights().max_ratio
        ):
            continue
        if sound(span, best[1].text):
            found.append((match.start(), match.end(), best[1]))
    return found


_GREEK = "cp1253/"
_CYRILLIC = ("cp1251/", "koi8_r/")


def _greek(span: str, scored: list[tuple[float, int, Candidate]]) -> bool:
    """Whether the bigram model takes the best of ``scored``, a windows-1253 reading,
    as clearly more like real text than the span and than its Cyrillic readings: the
    cost model finds Greek and Cyrillic words alike plausible (``ôñÝ÷`` is ``τρέχ`` or
    ``ТЯщВ``), and Portuguese ``Ôôô`` is no ``Τττ``."""
    greek = scored[0][2].text
    others = [c.text for _, _, c in scored if c.chain[0].startswith(_CYRILLIC)]
    limit = weights().language_gain
    return all(gain(old, greek, limit)[0] >= limit for old in (span, *others))


@lru_cache(maxsize=32)
def _repertoire(reader: str) -> re.Pattern[str]:
    """Longest runs of characters ``reader`` can show (its table and ASCII)."""
    chars = "".join(re.escape(chr(cp)) for cp, b in byte_table(reader).items() if b != "\uffff")
    return re.compile(f"[\x00-\x7f{chars}]+")


# Readers ftfy tries on its own: a phrase it could have read as windows-1252 (``¬´``,
# ``DrÃ¥ber``) was left alone by ftfy's judgment, and stays.
_FTFY_READERS = frozenset({"mac_roman", "cp437"})
# A complete UTF-8 multi-byte sequence, as bytes.
_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _sequences(run: str, data: bytes) -> str | None:
    """``run`` with each complete UTF-8 sequence of its bytes (one byte per character)
    read as UTF-8 and every other character kept: the clean characters of a phrase that
    mixes clean text with broken (``München`` beside ``ΓÇö``) stay as they are. ``None``
    when no sequence reads."""
    parts = []
    last = 0
    for match in _SEQUENCE.finditer(data):
        try:
            char = match.group().decode("utf-8")
        except UnicodeDecodeError:
            continue  # an overlong form or a surrogate: no UTF-8 encoder writes it
        parts += [run[last : match.start()], char]
        last = match.end()
    return "".join(parts) + run[last:] if parts else None


def utf8_spans(text: str, readers: tuple[str, ...]) -> list[tuple[int, int, Candidate]]:
    """UTF-8 phrases read as a code page inside clean text, each read back whole.

    The clean text around such a phrase mostly holds characters the code page cannot
    show (a French ``é`` is no KOI8-R character), so the longest runs of characters the
    code page can show isolate the phrase. Clean characters the code page can show stay
    inside the run (``München`` is cp437 text too), so the run is read sequence by
    sequence (``_sequences``), and the words it changes are costed: the reading is taken
    when clearly cheaper and ``sound``. Overlapping candidates: the one that lowers the
    cost most wins.
    """
    found: list[tuple[float, int, int, Candidate]] = []
    for reader in readers:
        for match in _repertoire(reader).finditer(text):
            first = _NON_ASCII.search(match.group())
            if first is None or not _NON_ASCII.search(match.group(), first.end()):
                continue  # a UTF-8 sequence is two bytes above ASCII: none to read here
            run = match.group().strip()
            start = match.start() + match.group().find(run[:1])
            data = encode_as(run, reader)
            if data is None or data.isascii():
                continue
            fixed = _sequences(run, data)
            if fixed is None:
                continue
            old, new = window(run, fixed)
            # windows-1252's bytes, which ftfy read and left: the cost model does not
            # overrule it, only the bigram model with the clean text around (``AHÅ™``,
            # ``Ã’s`` stay; ``«geÅ¡ter»`` in a Spanish sentence is Slovene ``gešter``).
            ftfy_left = data == encode_as(run, "cp1252") or (
                reader in _FTFY_READERS and encode_as(old, "cp1252") is not None
            )
            if len(old) - len(new) < 2 and not any(c.isalpha() for c in set(new) - set(old)):
                continue  # one sequence giving a sign (Persian ``آ،`` is no ``¡``)
            chain = (f"utf-8/{reader}",)
            saved = cost(old) - cost(new) - prior(chain)
            if saved <= 0 and not ftfy_left:
                continue  # the cost model sees nothing to gain (tried: slower, no better)
            end = start + len(run)
            costed = not ftfy_left and saved >= weights().min_gain
            if (costed and sound(old, new, sequences=True)) or _by_language(
                text, text[:start] + fixed + text[end:], chain
            ):
                found.append((saved, start, end, Candidate(fixed, chain)))
    taken: list[tuple[int, int, Candidate]] = []
    for _, start, end, cand in sorted(found, key=lambda f: -f[0]):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, cand))
    return sorted(taken, key=lambda t: t[0])


def _by_language(text: str, reading: str, chain: tuple[str, ...]) -> bool:
    """Whether the bigram model takes ``reading`` of ``text`` on its word, judged on the
    change with the clean text around it: one sequence in a phrase (``po ÄŤe`` for
    ``po če``) is too few characters for ``sound``, and clearly more like real text. Only
    on 12 letters or more (``language_context``), and where no sign real text uses
    stands in the text judged."""
    old, new = window(text, reading, weights().language_margin)
    if sum(c.isalpha() for c in old) < weights().language_context or _SIGNS.search(old):
        return False  # too little text to tell a language by, or a sign real text uses
    return by_language(old, (Candidate(new, chain),)) is not None


# Signs real text puts after a word (``NICIODATĂ™`` is Romanian with a trademark sign, not
# windows-1250's ``Ù``).
_SIGNS = re.compile("[®©™°]")


def sequence_reading(text: str, reader: str) -> str:
    """``text`` with every complete UTF-8 sequence that ``reader`` shows read back, and
    every other character kept: one misreading undone over the whole node, its short
    pieces with its long ones (``cá»§a`` beside ``Phải`` once ``Pháº£i`` is known to
    be UTF-8 read as windows-1254)."""
    parts = []
    last = 0
    for match in _repertoire(reader).finditer(text):
        run = match.group()
        data = None if run.isascii() else encode_as(run, reader)
        fixed = None if data is None else _sequences(run, data)
        if fixed is not None:
            parts += [text[last : match.start()], fixed]
            last = match.end()
    return "".join(parts) + text[last:]


# Text that reads as UTF-8 once written back through a code page: ASCII and complete
# sequences (one character per byte, as ``byte_table`` writes them), nothing else.
_VALID_UTF8 = re.compile(
    "(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})+"
)
_NON_ASCII = re.compile("[^\x00-\x7f]")
_SPACE = re.compile(r"\s")


def ftfy_spans(text: str, readers: tuple[str, ...]) -> list[tuple[int, int, Candidate]]:
    """ftfy's reading of each stretch of ``text`` that could be one misreading as a whole.

    ftfy reads a node as one string: a phrase misread as windows-1252 inside text whose
    other characters are no UTF-8 written as windows-1252 (``Früher war mehr (Mogao na
    joÅ¡ je tada ove.)``: ``ü`` is no sequence) fails its whole-string reading, and its
    pieces judge ``Å¡`` alone. The longest stretches whose bytes in one of ``readers``
    are valid UTF-8 bound the phrase; each is given to ftfy as the string it judges, and
    its reading kept, as ftfy's, when it gives letters (not ``â€™`` -> ``’`` alone)."""
    found: list[tuple[int, int, Candidate]] = []
    for reader in readers:
        written = text.translate(byte_table(reader))
        stretches = [m.span() for m in _VALID_UTF8.finditer(written)]
        clean = _clean_letter(text, stretches)
        for start, end in stretches:
            if end - start == len(text) or not _SPACE.search(text, start, end):
                continue  # ftfy read the whole; a word between two breaks is no phrase
            if len(_NON_ASCII.findall(written, start, end)) < (2 if clean else 4):
                continue  # one sequence beside a dash is what ftfy's must-stay strings show
            if any(start < e and s < end for s, e, _ in found):
                continue
            cand = ftfy_reading(text[start:end])
            if (
                cand is not None
                and not cand.chain[-1].endswith("(pieces)")
                and any(c.isalpha() for c in set(cand.text) - set(text[start:end]))
            ):
                found.append((start, end, cand))
    return sorted(found, key=lambda f: f[0])


def _clean_letter(text: str, stretches: list[tuple[int, int]]) -> bool:
    """Whether a letter outside ``stretches`` breaks the reading: clean text around the
    phrase (``ü`` of ``Früher``), not a dash or a symbol that may be debris of the same
    misreading (``Bremer/Mccoy – DrÃ¥ber``, one of ftfy's must-stay strings)."""
    last = 0
    for start, end in (*stretches, (len(text), len(text))):
        if any(c.isalpha() or c in _QUOTES for c in text[last:start]):
            return True
        last = end
    return False


# Quotation marks: the typography of clean text around a quoted phrase (``«neste mÃ¥nad»``,
# ``“pÅ™ed 3 sekundou”``, ``It’s``), as a clean letter is; not debris of the misreading,
# which leaves them as the last character of a sequence (``â€œ``), inside a stretch.
_QUOTES = frozenset("“”„‘’‚«»‹›")


# One legacy code page read as another, where the reader's characters bound the phrase
# inside Latin text, with what a run must show to be read: Cyrillic read as KOI8-R or
# windows-1251 as each other swaps the cases, so a word shows a lower-case letter before
# an upper-case one (``рТЙЧЕФ``; not box drawing, not ``СПЕЦПРОЕКТЫ`` in capitals); Latin
# read as windows-1251 shows a Cyrillic letter inside a Latin word (``Mфr``; Kazakh
# between its own letters ``ғ`` and ``қ`` is a Cyrillic run too). Readers whose
# repertoire is Latin (windows-1252) would take the clean text around into the phrase.
_CASE_SWAPPED = re.compile("[а-яё][А-ЯЁ]")
_LATIN_CYRILLIC = re.compile("[A-Za-z][\\u0400-\\u04ff]|[\\u0400-\\u04ff][A-Za-z]")
_PAIRS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("koi8_r", "cp1251", _CASE_SWAPPED),
    ("cp1251", "koi8_r", _CASE_SWAPPED),
    ("cp1251", "cp1252", _LATIN_CYRILLIC),
)
_CYRILLIC_OR_BOX = re.compile("[\\u0400-\\u04ff\\u2500-\\u257f]")
# A phrase in lower case read across KOI8-R and windows-1251 comes out in capitals, with
# no case swapped inside a word: three capitals and no lower-case Cyrillic letter.
_CAPITALS = re.compile("[А-ЯЁ]{3}")
_LOWER = re.compile("[а-яё]")


# A Cyrillic letter between Latin ones; not the look-alikes of Latin letters (а е о с р х
# у і), which a word typed in two keyboard layouts or spam shows (``Pаypal``).
_INSIDE_LATIN = re.compile("(?<=[A-Za-z])[\\u0400-\\u04ff](?<![аеосрхуі])(?=[A-Za-z])")
_TWO_CYRILLIC = re.compile("[\\u0400-\\u04ff]{2}")


def _unmixed(before: str, after: str) -> bool:
    """Whether every letter the reading changes was a Cyrillic letter between two Latin
    ones and became a Latin one (``dйcembre``, ``spдter``): one letter, but a word in two
    scripts is no word, where a lone changed letter elsewhere is no evidence."""
    inside = {m.start() for m in _INSIDE_LATIN.finditer(before)}
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b]
    return (
        len(before) == len(after)
        and bool(changed)
        and all(i in inside and after[i].isalpha() and after[i] > "\x7f" for i in changed)
    )


@lru_cache(maxsize=4)
def _letters(reader: str, target: str) -> dict[int, str]:
    """The Cyrillic letters of ``reader`` as ``target`` reads their bytes, where that is a
    letter too: KOI8-R and windows-1251 put their punctuation at other bytes (windows-1251's
    ``„`` is a box-drawing piece in KOI8-R), and a phrase's quotes are clean text."""
    table = {}
    for code in range(0x400, 0x460):
        try:
            moved = chr(code).encode(reader).decode(target)
        except UnicodeError:
            continue
        if moved.isalpha():
            table[code] = moved
    return table


def _pair_readings(run: str, reader: str, target: str) -> Iterator[str]:
    """``run`` read back from ``reader`` as ``target``: every byte; then, across KOI8-R and
    windows-1251, the letters only (the two put their punctuation at other bytes:
    windows-1251's ``„`` around a phrase is a box-drawing piece in KOI8-R)."""
    data = encode_as(run, reader)
    fixed = None if data is None else data.decode(target, "replace")
    if fixed is not None and "\ufffd" not in fixed and fixed != run:
        yield fixed
    if target != "cp1252":
        letters = run.translate(_letters(reader, target))
        if letters not in (run, fixed):
            yield letters


def _pair_saving(run: str, fixed: str, chain: tuple[str, ...], *, capitals: bool) -> float | None:
    """The cost ``fixed`` saves over ``run`` when the reading is taken, else ``None``: on
    the cost model's word and ``sound``; a phrase in capitals, with no case to go by, on
    the bigram model's (``ЧЮЕТБ`` is ``вчера``; ``СПЕЦПРОЕКТЫ`` reads worse every other
    way)."""
    old, new = window(run, fixed)
    target = chain[0].split("/")[0]
    saved = cost(old) - cost(new, CODEC_HOME.get(target)) - prior(chain)
    if capitals:
        limit = weights().language_gain
        return saved if gain(old, new, limit)[0] >= limit and sound(old, new) else None
    if saved >= weights().min_gain and (sound(old, new) or _unmixed(old, new)):
        return saved
    return None


def pair_spans(text: str) -> list[tuple[int, int, Candidate]]:
    """Phrases of ``text`` written in one legacy code page and read as another, each read
    back whole: the longest runs of characters the reader can show (a German ``ä`` is
    neither KOI8-R nor windows-1251) that hold a non-ASCII one, taken when clearly
    cheaper (with the chain's prior) and ``sound``. The reading of a whole node
    (``whole``) cannot see them: the clean text around is not in the reader's table."""
    found: list[tuple[float, int, int, Candidate]] = []
    for reader, target, evidence in _PAIRS:
        for match in _repertoire(reader).finditer(text):
            if match.group().isascii():
                continue
            run = match.group().strip()
            start = match.start() + match.group().find(run[:1])
            capitals = target != "cp1252" and bool(_CAPITALS.search(run)) and not _LOWER.search(run)
            if run.isascii() or not (evidence.search(run) or capitals):
                continue
            if target == "cp1252" and _TWO_CYRILLIC.search(run):
                continue  # Latin-1 text has no two accented letters in a row (``Mocквa``)
            if _CYRILLIC_OR_BOX.search(text, 0, start) or _CYRILLIC_OR_BOX.search(
                text, start + len(run)
            ):
                continue  # the misreading goes on past the run: no phrase in clean text
            chain = (f"{target}/{reader}",)
            for fixed in _pair_readings(run, reader, target):
                saved = _pair_saving(run, fixed, chain, capitals=capitals)
                if saved is not None:
                    found.append((saved, start, start + len(run), Candidate(fixed, chain)))
                    break
    found += [(0.0, start, end, cand) for start, end, cand in han_spans(text)]
    taken: list[tuple[int, int, Candidate]] = []
    for _, start, end, cand in sorted(found, key=lambda f: -f[0]):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, cand))
    return sorted(taken, key=lambda t: t[0])
