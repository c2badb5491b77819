# ruff: noqa: RUF001, RUF002, RUF003  (mojibake and look-alike characters are the subject here)
"""What every repair is judged by: the thresholds in force, chain priors, the guard
against changing clean text (``sound``), and the spans a repair changed (``diff``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, pairwise

from ..weights.encoding import PlausibilityCosts, RepairWeights
from .bigrams import gain, in_word_signs, oddity
from .chains import CJK_TARGETS, Candidate
from .code_pages import cjk_signs
from .host import host_gain, letter_swap, own_gain
from .plausibility import char_info, costs_in_force
from .text_stats import ALPHABETS

__all__ = [
    "WEIGHTS",
    "Change",
    "apply_changes",
    "by_language",
    "diff",
    "prior",
    "sound",
    "tuned",
    "weights",
    "window",
]

WEIGHTS = RepairWeights()
# The thresholds in force (see ``plausibility.costs_in_force``): set by the public entry
# points for the length of one call.
_ACTIVE: ContextVar[RepairWeights] = ContextVar("boilerkit_repair", default=WEIGHTS)


def weights() -> RepairWeights:
    """The repair thresholds in force."""
    return _ACTIVE.get()


@contextmanager
def tuned(table: RepairWeights, costs: PlausibilityCosts) -> Iterator[None]:
    """Repair with ``table`` and judge with ``costs`` inside the block."""
    token = _ACTIVE.set(table)
    try:
        with costs_in_force(costs):
            yield
    finally:
        _ACTIVE.reset(token)


@dataclass(frozen=True, slots=True)
class Change:
    """One repaired span: where it was in the input, what it was, what it became, how."""

    start: int
    end: int
    before: str
    after: str
    chain: tuple[str, ...]
    """Misreadings undone, outermost first, e.g. ``("utf-8/cp1252",)``."""


def prior(chain: tuple[str, ...]) -> float:
    """How unlikely the chain is a priori (UTF-8 read as windows-1252 is the usual one)."""
    total = 0.0
    for step in chain:
        target, _, reader = step.partition("/")
        if target == "utf-8":
            total += 0.0 if reader == "cp1252" else weights().prior_other_utf8
        elif target in CJK_TARGETS:
            total += weights().prior_cjk
        else:
            total += weights().prior_single
    return total


def apply_changes(text: str, changes: list[Change]) -> str:
    parts: list[str] = []
    pos = 0
    for change in sorted(changes, key=lambda c: c.start):
        parts.append(text[pos : change.start])
        parts.append(change.after)
        pos = change.end
    parts.append(text[pos:])
    return "".join(parts)


# Symbols text uses every day: Latin-1's (°, ·), punctuation and currency (€, ₹), ™
# and №. A UTF-8 reading that gives an arrow or a circled letter (``Ôôô`` -> ``ⓓ``) is
# no evidence of anything.
_COMMON_SYMBOL = re.compile("[\u00a0-\u00ff\u2000-\u20cf\u2116\u2122]")


# Cyrillic capitals that look like ASCII ones: typed in Latin words by mistake or to
# dodge filters, not left by a misreading.
# And signs real text puts next to letters (``NESTLÉ®``, ``Copyright©``).
_NOT_EVIDENCE = frozenset("АВЕКМНОРСТХ®©™°")


def sound(before: str, after: str, sequences: bool = False, evidence: bool = False) -> bool:
    """Whether a reading boilerkit found (not ftfy) has evidence enough to be taken.

    Short symbol-heavy strings (``4288×…``, ``(-1/2)! = √π``, ``Offering 5×£35``) read as
    something in most code pages. A reading is refused when it rests on fewer than
    ``min_evidence`` changed characters, or when it brings in a symbol (``³``, ``¾``
    inside words: Latin text with Cyrillic look-alikes read back as windows-1252), or a letter of a
    script the rest of the result does not use (a rarer script, a lone letter), or a
    Latin letter no alphabet has (``ſ``). With ``sequences`` (a reading of UTF-8
    sequences), a symbol that replaces a longer sequence (``¬∞`` -> ``°``, ``Â·`` ->
    ``·``) is structure, not a look-alike, once the reading rests on enough characters
    and the symbol is a common one (``_COMMON_SYMBOL``). With ``evidence`` (the bigram
    model read the change as clearly more like real text), a change of one or two
    characters is not refused for its size alone.
    """
    if _ascii_letters(before) < _ascii_letters(after):
        return False  # no misreading turns a non-ASCII character into an ASCII letter
    changed = [c for c in diff(before, after, ()) if c.after != c.before]
    # UTF-8 sequences read back are evidence by their structure, unless they give a lone
    # letter; a change of one or two characters in place is not evidence
    short = sum(len(c.before) for c in changed) < weights().min_evidence
    if short and evidence and any(_typed(c, before) for c in changed):
        return False  # ``SENSЕ``, ``NESTLÉ®``: a look-alike typed, a sign real text uses
    if evidence and _case_flips(after) > _case_flips(before):
        return False  # ``ŒUVRE`` is no ``åUVRE``
    if short and evidence and any(_raised(c.before, c.after) for c in changed):
        return False  # ``dins òme`` is no ``dins Úme``
    if (
        short
        and not evidence
        and len(before) <= len(after)
        and not _in_words(before, after, changed)
    ):
        return False
    scripts: dict[int, int] = {}
    # every non-ASCII letter is CJK: ASCII words among CJK text (not where bytes were
    # lost: U+FFFD's own bytes read as GBK are ``锟斤拷``)
    cjk_only = not short and "\ufffd" not in before
    for char in after:
        info = char_info(char)
        if info.kind == 3:  # letter
            scripts[info.script] = scripts.get(info.script, 0) + 1
            if char >= "\x80" and not _CJK_LETTER.match(char):
                cjk_only = False
    main = max(scripts, key=scripts.__getitem__, default=None)
    cjk_only = cjk_only and _CJK_LETTER.search(after) is not None
    old = set(before)
    for change in changed:
        # a Latin letter read as another standing alone (mac_roman ``ˆ`` -> French ``à``,
        # ``Ž`` -> Spanish ``é``) is a word on the model's word; a sign turned into one
        # (``= ù``, ``10 Ĺ—``) is not, nor a Cyrillic letter (``Die Firma в Moskau``:
        # the Russian preposition, whatever windows-1252 makes of it)
        was_letter = (
            len(change.before) == len(change.after)
            and change.before.isalpha()
            and not _CYRILLIC.search(change.before)
        )
        for char in set(change.after) - old:
            info = char_info(char)
            category = unicodedata.category(char)
            symbol = category in ("So", "Sm", "Sk", "No", "Co")
            if symbol and sequences and not short and len(change.before) > len(change.after):
                symbol = not _COMMON_SYMBOL.match(char)
            if symbol and char in "²³" and not short and _unit(after, char):
                symbol = False  # ``км²``, ``m³``: a unit's power, after a letter
            if symbol and cjk_only and char in cjk_signs() and not _by_ascii(after, char):
                symbol = False  # ``◎ 파이썬``: a sign of the CJK standards, in CJK text
            # CJK text writes ASCII words among its own (``如何在 Python 中使用 C
            # library?``): there the ASCII letters do not outvote Han, kana or Hangul
            foreign = info.script != main and not cjk_only
            if symbol or (info.kind == 3 and foreign):
                return False
            if evidence and short and not char.isalpha() and not _COMMON_SYMBOL.match(char):
                return False  # ``×`` -> ``׳``: a short change gives letters or common signs
            low = "ı" if char == "İ" else char.lower()  # Turkish İ: "i̇" in lower case
            if info.accented and not any(low in a for a in ALPHABETS):
                return False
            at = after.find(char)
            if short and info.kind == 3 and _mixed(after, at):
                return False
            # a lone letter read as another is a lower-case word (``à``); no language
            # writes a lone capital such as ``Ń`` (mac_roman's em dash ``Ñ``)
            taken = evidence and was_letter and char.islower()
            if short and info.kind == 3 and _lone(after, at) and not taken:
                return False
    return True


_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def _ascii_letters(text: str) -> int:
    """How many ASCII letters ``text`` holds (counted at C speed: ``sound`` judges long
    windows of a node)."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_LETTERS))


def _unit(text: str, char: str) -> bool:
    """Whether every ``char`` in ``text`` ends a word after a letter, as a unit's power
    does (``км²``); inside a word (``u³ywa``) it is a look-alike read back."""
    at = text.find(char)
    while at >= 0:
        after = text[at + 1 : at + 2]
        if at == 0 or not text[at - 1].isalpha() or after.isalpha() or after.isdigit():
            return False
        at = text.find(char, at + 1)
    return True


def _by_ascii(text: str, char: str) -> bool:
    """Whether ``char`` touches an ASCII letter somewhere in ``text`` (``Unterst㉨tze``:
    a sign no CJK text puts inside a Latin word)."""
    at = text.find(char)
    while at >= 0:
        near = text[max(at - 1, 0) : at] + text[at + 1 : at + 2]
        if any(c.isascii() and c.isalpha() for c in near):
            return True
        at = text.find(char, at + 1)
    return False


def _typed(change: Change, text: str) -> bool:
    """Whether ``change`` rests on a look-alike or a sign real text puts beside letters
    (``_NOT_EVIDENCE``). A sign right before a lower-case letter is none of those:
    ``™l`` is mac_roman's ``ôl`` (``Apple™`` puts it after)."""
    found = set(change.before) & _NOT_EVIDENCE
    if not found:
        return False
    return not (found <= _SIGNS and text[change.end : change.end + 1].islower())


_SIGNS = frozenset("®©™")
_CJK_LETTER = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _case_flips(text: str) -> int:
    """How often a lower-case letter comes right before an upper-case one."""
    return sum(a.islower() and b.isupper() for a, b in pairwise(text))


def _raised(before: str, after: str) -> bool:
    """Whether a change turns a lower-case letter into an upper-case one."""
    return any(a.islower() and b.isupper() for a, b in zip(before, after, strict=False))


def _in_words(before: str, after: str, changed: list[Change]) -> bool:
    """Whether every change turns a letter into a letter inside a word (``œroda`` ->
    ``środa``, ``paŸdziernika``): the few changes a one-byte misreading of real words
    makes, unlike a symbol turned into a letter (``5×£35``) or a lone letter."""
    for change in changed:
        if len(change.before) != len(change.after):
            return False
        for i, (a, b) in enumerate(zip(change.before, change.after, strict=True)):
            at = change.start + i
            if a != b and (not (a.isalpha() and b.isalpha()) or _lone(after, at)):
                return False
    return sum(len(c.before) for c in changed) >= 2  # one changed letter is no evidence


def _mixed(text: str, at: int) -> bool:
    """Whether the letter at ``at`` touches a letter of another script (``Ԭo``)."""
    script = char_info(text[at]).script
    return any(
        0 <= i < len(text) and text[i].isalpha() and char_info(text[i]).script != script
        for i in (at - 1, at + 1)
    )


def _lone(text: str, at: int) -> bool:
    """Whether the letter at ``at`` has no letter on either side (``= ù``, ``10 Ĺ—``)."""
    return not (at > 0 and text[at - 1].isalpha()) and not (
        at + 1 < len(text) and text[at + 1].isalpha()
    )


def by_language(text: str, readings: Iterable[Candidate]) -> Candidate | None:
    """The reading of ``text`` that the bigram model (``bigrams.bits``) finds clearly
    more like real text than ``text`` itself, and that ``sound`` lets through.

    For readings the per-character costs cannot tell from the text as it stands: a
    legacy code page read as another one keeps every letter a letter of some language
    (``Kasým Þubat``, ``nedìle``), and only which letters follow which gives it away.
    Text whose non-ASCII letters read as some language's already is not read at all.
    """
    table = weights()
    if oddity(text[: table.language_span]) < table.language_oddity:
        return None
    scored = []
    for i, cand in enumerate(readings):
        if cand.text == text or not _keeps_spaces(text, cand.text) or _C1.search(cand.text):
            continue
        if cand.chain == _MAC and _only_czech_letters(text, cand.text):
            continue
        old, new = window(text, cand.text, table.language_margin)
        span = table.language_span
        saved, after = gain(old[:span], new[:span], table.language_gain)
        cjk = set(cand.chain[0].split("/")) <= set(CJK_TARGETS)  # Han read as other Han
        ceiling = table.language_ceiling_cjk if cjk else table.language_ceiling
        mended = in_word_signs(old) - in_word_signs(new)
        if mended > 0 and saved < table.language_gain:  # the gain stopped short: in full
            saved, after = gain(old[:span], new[:span])
        if after > ceiling * len(new):
            continue
        if not (saved >= table.language_gain or (mended > 0 and saved >= table.mended_gain)):
            continue
        if _case_flips(new) > _case_flips(old):
            continue  # a capital after a lower-case letter: ``apparaître`` is no ``apparaÓtre``
        if mended <= 0 and not _own_or_host(old, new):
            continue
        scored.append((-saved - mended * table.language_gain, i, cand))
    if not scored:
        return None
    enough = table.language_context  # (letters counted up to what it takes, at C speed)
    context = len(list(islice(filter(str.isalpha, text), enough))) >= enough
    for saved, _, cand in sorted(scored):
        strong = -saved >= table.language_evidence and context
        if sound(*window(text, cand.text, margin=100), evidence=strong):
            return cand
    return None


def _own_or_host(old: str, new: str) -> bool:
    """Whether a reading that only swaps Latin letters (``host.letter_swap``) saves
    ``language_gain`` on the words it changes alone, or read in the language of the words
    it keeps: the window's gain may come from the host's plain words alone, read in
    the phrase's language on one side and the reading's on the other (``host``)."""
    if not letter_swap(old, new):
        return True
    bar = weights().language_gain
    return own_gain(old, new) >= bar or host_gain(old, new) >= bar


_SPACE = re.compile(r"\s")
_C1 = re.compile("[\x80-\x9f]")  # a reading that leaves a C1 control read nothing


_MAC = ("mac_roman/cp1252",)


def _only_czech_letters(text: str, reading: str) -> bool:
    """Whether a reading of the same length changes only ``š`` and ``ž``: mac_roman's
    ``ö`` and ``û`` as windows-1252 shows them, but letters Finnish, Estonian and the
    Slavic languages write (``Tšekki`` is Finnish, not ``Töekki``), and which the
    bigram tables of those languages barely know."""
    if len(text) != len(reading):
        return False
    return {a for a, b in zip(text, reading, strict=True) if a != b} <= {"š", "ž"}


def _keeps_spaces(text: str, reading: str) -> bool:
    """Whether a reading of the same length keeps every space of ``text``, and splits no
    word with a new one: the code pages a legacy reading moves between keep the no-break
    space (mac_roman's dagger for it is no evidence), and KOI8-R's no-break space for
    windows-1252's ``š`` (``maršalli``) is none either (mac_roman's for ``Ê`` stands
    between digits: ``9Ê153,57ÊTRY``)."""
    if len(text) != len(reading):
        return True
    spaces = _spaces(text)  # (``\s`` is ``str.isspace``: the places where each has a space)
    new = _spaces(reading)
    if not spaces <= new:
        return False
    return not any(
        text[i - 1 : i].isalpha() and text[i + 1 : i + 2].isalpha() for i in new - spaces
    )


@lru_cache(maxsize=4)
def _spaces(text: str) -> frozenset[int]:
    """Where ``text`` has a space: every reading of a node is compared with the node."""
    return frozenset(match.start() for match in _SPACE.finditer(text))


_TOKENS = re.compile(r"\s+|\S+")


def _common(a: str, b: str) -> int:
    """Length of the common prefix of ``a`` and ``b`` (slice compares run at C speed)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_end(a: str, b: str, limit: int) -> int:
    """Length of the common suffix of ``a`` and ``b``, at most ``limit``."""
    lo, hi = 0, min(len(a), len(b), limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def window(before: str, after: str, margin: int = 0) -> tuple[str, str]:
    """The part of two readings that differs, widened to whitespace and then by about
    ``margin`` characters: what a judgment needs to look at. A reading of a long node
    changes a few words of it; costing only those keeps long nodes cheap."""
    start, old_stop, new_stop = _bounds(before, after, margin)
    return before[start:old_stop], after[start:new_stop]


def _bounds(before: str, after: str, margin: int) -> tuple[int, int, int]:
    head = _common(before, after)
    tail = _common_end(before, after, min(len(before), len(after)) - head)
    start = max(before.rfind(c, 0, max(0, head - margin)) for c in " \n\t") + 1
    stop = len(before) - tail
    ends = [i for c in " \n\t" if (i := before.find(c, stop + margin)) >= 0]
    extra = (min(ends) if ends else len(before)) - stop
    return start, stop + extra, len(after) - tail + extra


def diff(before: str, after: str, chain: tuple[str, ...]) -> list[Change]:
    """The spans where ``after`` differs from ``before``: the differing middle found at C
    speed, its words aligned (characters would be quadratic on long nodes), each changed
    stretch then trimmed to the characters that differ."""
    start, old_stop, new_stop = _bounds(before, after, 0)
    return [
        Change(c.start + start, c.end + start, c.before, c.after, chain)
        for c in _diff_middle(before[start:old_stop], after[start:new_stop], chain)
    ]


def _diff_middle(before: str, after: str, chain: tuple[str, ...]) -> list[Change]:
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    old_at = [0]
    for token in old:
        old_at.append(old_at[-1] + len(token))
    new_at = [0]
    for token in new:
        new_at.append(new_at[-1] + len(token))
    changes = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = before[old_at[i1] : old_at[i2]], after[new_at[j1] : new_at[j2]]
        head = _common(a, b)
        tail = _common_end(a, b, min(len(a), len(b)) - head)
        start = old_at[i1] + head
        changes.append(
            Change(
                start, old_at[i2] - tail, a[head : len(a) - tail], b[head : len(b) - tail], chain
            )
        )
    return changes
