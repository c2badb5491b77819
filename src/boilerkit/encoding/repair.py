# ruff: noqa: RUF001, RUF003  (mojibake and look-alike characters are the subject here)
"""Repair stage: fix mojibake baked into text, and leave every clean string alone.

The stage works in three steps, each cheaper to skip than the next:

1. one precompiled regex over the text looks for the marks every supported chain leaves
   (two Latin-1 letters or symbols in a row, a C1 control, a Latin-1 character touching a
   CJK one, UTF-8 seen through windows-1251 / mac_roman / cp437); clean text stops here;
2. the run of non-ASCII words around a hit is read through every candidate chain
   (``repair_chains``); the plausibility model (``plausibility.cost``) scores one reading
   per chain and a word-by-word reading, and the cheapest replaces the words it changes
   only when it is clearly cheaper than the run as it stands;
3. for Latin single-byte code pages, whose misreadings look like real words one by one
   (Turkish ``deðil`` could be Icelandic), the whole text decides: a chain is applied to
   the words it improves or leaves as good when, over the text, it removes symbols from
   inside words or makes the accented letters fit one alphabet.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from ftfy.fixes import fix_c1_controls
from lxml import etree

from .code_pages import byte_table
from .chains import CJK_TARGETS, Candidate, all_candidates, legacy_candidates
from .plausibility import alphabet_spread, char_info, cost
from .text_stats import ALPHABETS
from .spans import legacy_spans, utf8_spans
from .whole import UTF8_READERS, ftfy_reading, whole_readings

__all__ = [
    "Change",
    "RepairResult",
    "compose",
    "compose_tree",
    "explain_repair",
    "repair_text",
    "repair_tree",
]


@dataclass(frozen=True, slots=True)
class RepairWeights:
    """Thresholds of the accept decision, measured on tests/encoding_cases."""

    min_gain: float = 1.5
    """A run is repaired only when the reading lowers its cost by at least this much..."""
    max_ratio: float = 0.5
    """...and leaves at most this fraction of the original cost."""
    min_suspect: float = 1.0
    """Runs cheaper than this are plausible as they stand and get no candidates."""
    min_text_gain: float = 1.5
    """Text-level pass: cost the chain must remove, counting each accented letter that
    comes to fit the text's alphabet as 1."""
    word_tolerance: float = 1.5
    """Inside a run repaired by one chain, a word follows the chain unless that makes it
    costlier by more than this (short words like ``çà`` -> ``за`` carry little evidence)."""
    spread_weight: float = 1.5
    """Text-level pass, Turkish: gain per accented letter that comes to fit one alphabet."""
    chain_switch: float = 3.0
    """Each extra chain used inside one run (two kinds of damage side by side are rare)."""
    prior_other_utf8: float = 0.3
    """Chain prior: UTF-8 read as windows-1251, mac_roman or cp437 (per layer)."""
    prior_single: float = 0.5
    """Chain prior: a legacy single-byte encoding read as windows-1252, or the mixed form."""
    prior_cjk: float = 1.0
    """Chain prior: a legacy CJK encoding read as windows-1252 (plenty of byte pairs happen
    to be valid GBK or Big5, so these need the most evidence)."""
    whole_gain: float = 0.5
    """A reading of the whole node must lower its cost by this much: that every byte of
    the node reads strictly in the other encoding is evidence already."""
    min_evidence: int = 3
    """A reading boilerkit found must change at least this many characters: ftfy's
    negative cases (``4288×…``, ``5×£35``) are one or two characters each."""
    max_word: int = 2000
    """Longer "words" (a blob of JSON, a base64 string) are left alone: bounds the work."""


WEIGHTS = RepairWeights()

_HIGH = "\u00a0-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# UTF-8 continuation bytes 80-BF as windows-1251 shows them.
_CONT_1251 = "Ђ-Џђ-џЎўЈҐЁЄЇІіґёєјЅѕї‚„…†‡€‰‹‘’“”•–—™›\u00a0¤¦§©«¬\u00ad®°±µ¶·№»"
_MAC_LEADS = "¬√ƒ≈∆«»…ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔÒÚÛÙ"
# Every mark starts with one of these characters; starting the pattern with this class
# lets the regex engine skip all other text at C speed (the rest of each mark is checked
# by the look-behinds below).
_FIRST = f"\u0080-\u00ff{_HIGH}\ufffdВ-Яа-ф{_MAC_LEADS}\u2500-\u259f"
_SUSPICIOUS = re.compile(
    f"[{_FIRST}](?:"
    "(?<=[\u0080-\u009f\ufffd])"  # C1 control or replacement character
    f"|(?<=[\u00c0-\u00ff])[{_HIGH}\u0100-\uffff]"  # Latin-1 letter, then high or foreign
    f"|(?<=[{_HIGH}])[\u00c0-\u00ff]"
    "|(?<=[\u00a0-\u00bf])[\u00a0-\u00bf]"  # two Latin-1 symbols
    "|(?<=[\u0100-\u02ff\u0370-\uffff][\u00c0-\u00ff])"  # foreign, then Latin-1 letter
    "|(?<=[ðýþÐÝÞ¹³¿¥ºª¾¼ûõÛÕ])"  # Turkish, Polish, Czech, Hungarian letters as cp1252 shows
    f"|(?<=[В-Я])[{_CONT_1251}]|(?<=[а-п])[{_CONT_1251}]{{2}}|(?<=[р-ф])[{_CONT_1251}]{{3}}"
    f"|(?<=[{_MAC_LEADS}])"
    "[ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø]"
    "|(?<=[\u2500-\u259f])[Çüéâäàåçêëèïîì¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐])"
)
# Words are split on ASCII whitespace only: U+00A0 is a UTF-8 continuation byte as
# windows-1252 shows it (``Ã\xa0`` is ``à``), so it must stay inside the word.
_WORD = re.compile(r"[^ \t\n\r\f\v]+")
# Words holding a non-ASCII character, and the whitespace between them. A run starts only
# at the start of a word: without the lookbehind, each position inside a long ASCII word
# (minified script shown as text) rescans the word, quadratic in its length.
_RUN = re.compile(
    r"(?<![^ \t\n\r\f\v])[^ \t\n\r\f\v]*[^\x00-\x7f][^ \t\n\r\f\v]*"
    r"(?:[ \t\n\r\f\v]+[^ \t\n\r\f\v]*[^\x00-\x7f][^ \t\n\r\f\v]*)*"
)
_LATIN_SINGLE = ("cp1250", "iso8859_2", "cp1254")
_C1 = re.compile("[\x80-\x9f]")


def _utf8_shape() -> re.Pattern[str]:
    """A UTF-8 lead byte then a continuation byte, as any reader in ``UTF8_READERS`` shows
    them: the mark every UTF-8 misreading leaves (the class first lets the regex engine
    skip other text at C speed)."""
    leads: set[str] = set()
    parts = []
    for reader in UTF8_READERS:
        table = {chr(cp): byte for cp, byte in byte_table(reader).items() if byte != "\uffff"}
        lead = "".join(re.escape(c) for c, b in table.items() if 0xC2 <= ord(b) <= 0xF4)
        cont = "".join(re.escape(c) for c, b in table.items() if 0x80 <= ord(b) <= 0xBF)
        leads.update(c for c, b in table.items() if 0xC2 <= ord(b) <= 0xF4)
        parts.append(f"(?<=[{lead}])[{cont}]")
    first = "".join(re.escape(c) for c in sorted(leads))
    return re.compile(f"[{first}](?:{'|'.join(parts)})")


_UTF8_SHAPE = _utf8_shape()
# One legacy code page read as another: a Latin letter touching a Cyrillic one (windows-1252
# read as windows-1251), a windows-1252 symbol between Latin letters (mac_roman read as
# windows-1252: ``FremdschlŸssel``), and Cyrillic case gone wrong (KOI8-R and windows-1251
# read as each other swap the cases: ``рТЙЧЕФ``).
_LEGACY_MARKS = re.compile(
    "[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]"
    "|(?<=[A-Za-z])[\x80-\x9f‚ƒ„†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ§](?=[a-z])"
    "|[а-яё][А-ЯЁ]|[А-ЯЁ]{4}|[\u0400-\u04ff][\u2500-\u257f]|[\u2500-\u257f][\u0400-\u04ff]"
)


def _suspect(text: str) -> bool:
    """Whether ``text`` holds any mark of a misreading (clean text mostly stops here)."""
    return bool(
        _SUSPICIOUS.search(text)
        or _LONE_A.search(text)
        or _CENTRAL_MARKS.search(text)
        or _UTF8_SHAPE.search(text)
        or _LEGACY_MARKS.search(text)
    )
# What Central European text read as windows-1252 shows and real text does not: ISO-8859-2
# letters that windows-1252 has as symbols, a grave vowel starting a word (Croatian
# ``èetvrtak``), two grave vowels or ``ø`` with one in a word (Czech ``stupòù``, ``Pøíliš``).
_CENTRAL_MARKS = re.compile(
    "[¹³¿¾¼\x9c\x9d\x9f±¶œŸ£¥Œ¯¦¬èìòùÈÌÒÙøØíõû](?:"
    "(?<=\\w[¹³¿¾¼\x9c\x9d\x9f±¶œŸ])(?=\\w)|(?<=[£¥Œ¯¦¬])(?<!\\w.)(?=\\w)"
    "|(?<=[èìòùÈÌÒÙ])(?<!\\w.)(?=\\w)|(?<=[øèìòùØ])\\w*[èìòùø]|(?<=ø)\\w*í|(?<=í)\\w*ø"
    "|(?<=\\w[õû])(?=\\w))"
)
_LONE_A = re.compile(r"(?:(?<![^ \t\n\r\f\v])|(?<=[a-zà-ÿ]))Ã(?: (?= ))?(?![^ \t\n\r\f\v])")
# ``Â`` then a space, not inside a word: the UTF-8 no-break space (C2 A0) whose second
# byte became a space (``Price:Â 5``).
_LONE_A_CIRC = re.compile(r"(?<![A-Za-zÀ-ÿ])Â (?=\S)")
_CENTRAL_STRONG = frozenset("¹³¿œŸ£¥Œ¯±¶¼¾\x8c\x8f\x9c\x9f")
# Turkish read as windows-1252 shows ğ ı ş İ Ş Ğ as Icelandic letters; ý alone is Czech
# too, so it counts only in a word with a Turkish letter.
_TURKISH_MARKS = re.compile(r"[ðþÐÞ]|[çöüÇÖÜ]\w*[ýÝ]|[ýÝ]\w*[çöüÇÖÜ]")
# Letters a text damaged as a whole by the chain cannot hold: if the text has them, the
# chain is not what happened to it (clean Turkish next to Icelandic ``að``).
_TARGET_LETTERS = {
    "cp1254": frozenset("ğışİŞĞ"),
    "cp1250": frozenset("řěůčňťďłąśźżęćńőűăţŁĄŚŹŻČŘĚĎŇŤŮŐŰľĺŕ"),
    "iso8859_2": frozenset("řěůčňťďłąśźżęćńőűăţŁĄŚŹŻČŘĚĎŇŤŮŐŰľĺŕ"),
}


@dataclass(frozen=True, slots=True)
class Change:
    """One repaired span: where it was in the input, what it was, what it became, how."""

    start: int
    end: int
    before: str
    after: str
    chain: tuple[str, ...]
    """Misreadings undone, outermost first, e.g. ``("utf-8/cp1252",)``."""


@dataclass(frozen=True, slots=True)
class RepairResult:
    """The repaired text and every change made to get there."""

    text: str
    changes: tuple[Change, ...]


def _prior(chain: tuple[str, ...]) -> float:
    """How unlikely the chain is a priori (UTF-8 read as windows-1252 is the usual one)."""
    total = 0.0
    for step in chain:
        target, _, reader = step.partition("/")
        if target == "utf-8":
            total += 0.0 if reader == "cp1252" else WEIGHTS.prior_other_utf8
        elif target in CJK_TARGETS:
            total += WEIGHTS.prior_cjk
        else:
            total += WEIGHTS.prior_single
    return total


Picks = list[Candidate | None]


def _word_options(word: str) -> dict[tuple[str, ...], tuple[Candidate, float]]:
    """Each chain's reading of ``word`` with its cost (first reading per chain)."""
    options: dict[tuple[str, ...], tuple[Candidate, float]] = {}
    for cand in all_candidates(word):
        if cand.chain not in options and cand.text != word:
            options[cand.chain] = (cand, cost(cand.text, cand.home))
    return options


def _score(
    picks: Picks, costs: list[float], options: list[dict[tuple[str, ...], tuple[Candidate, float]]]
) -> float:
    total = sum(options[i][p.chain][1] if p else costs[i] for i, p in enumerate(picks))
    chains = {p.chain for p in picks if p}
    return total + sum(map(_prior, chains)) + WEIGHTS.chain_switch * (len(chains) - 1)


def _readings(
    costs: list[float],
    options: list[dict[tuple[str, ...], tuple[Candidate, float]]],
) -> list[Picks]:
    """One reading per chain (each word follows it unless that makes the word clearly
    worse), plus the reading where every word takes its own best chain."""
    readings: list[Picks] = []
    for chain in dict.fromkeys(c for opts in options for c in opts):  # stable order
        picks: Picks = [
            opts[chain][0]
            if chain in opts and opts[chain][1] <= base + WEIGHTS.word_tolerance
            else None
            for opts, base in zip(options, costs, strict=True)
        ]
        readings.append(picks)
    own: Picks = []
    for opts, base in zip(options, costs, strict=True):
        best = min(opts.values(), key=lambda o: o[1] + _prior(o[0].chain), default=None)
        good = best is not None and base - best[1] - _prior(best[0].chain) >= WEIGHTS.min_gain
        own.append(best[0] if good and best else None)
    if len({p.chain for p in own if p}) > 1:  # one chain: its own reading covers it
        readings.append(own)
    return readings


def _fix_run(text: str, run: re.Match[str]) -> list[Change]:
    """Repair a run of non-ASCII words with the most plausible reading, if clearly better.

    Words of a run usually share one misreading, so a chain applied to the whole run wins
    on its summed evidence; a run holding two kinds of damage is read word by word.
    """
    if cost(run.group()) < WEIGHTS.min_suspect:
        return []
    words = [
        w
        for w in _WORD.finditer(text, run.start(), run.end())
        if len(w.group()) <= WEIGHTS.max_word
    ]
    costs = [cost(w.group()) for w in words]
    options = [{} if w.group().isascii() else _word_options(w.group()) for w in words]
    base = sum(costs)
    best: Picks | None = None
    best_score = base
    for picks in _readings(costs, options):
        if any(picks) and (score := _score(picks, costs, options)) < best_score:
            best, best_score = picks, score
    if (
        best is None
        or base - best_score < WEIGHTS.min_gain
        or (best_score > base * WEIGHTS.max_ratio)
    ):
        return []
    found = [
        Change(w.start(), w.end(), w.group(), p.text, p.chain)
        for w, p in zip(words, best, strict=True)
        if p is not None
    ]
    before = text[run.start() : run.end()]
    shifted = [Change(c.start - run.start(), c.end - run.start(), c.before, c.after, c.chain) for c in found]
    context = text[max(0, run.start() - 200) : run.start()] + text[run.end() : run.end() + 200]
    return found if _sound(before, _apply(before, shifted), context) else []


def _run_changes(text: str) -> list[Change]:
    """Repair every run of non-ASCII words that holds a suspicious mark."""
    hits = [m.start() for m in _SUSPICIOUS.finditer(text)]
    changes: list[Change] = []
    next_hit = 0
    for run in _RUN.finditer(text):
        while next_hit < len(hits) and hits[next_hit] < run.start():
            next_hit += 1
        if next_hit == len(hits):
            break
        if hits[next_hit] < run.end():
            changes.extend(_fix_run(text, run))
    return changes


def _apply(text: str, changes: list[Change]) -> str:
    parts: list[str] = []
    pos = 0
    for change in sorted(changes, key=lambda c: c.start):
        parts.append(text[pos : change.start])
        parts.append(change.after)
        pos = change.end
    parts.append(text[pos:])
    return "".join(parts)


def _strong_only(before: str, cand: Candidate) -> bool:
    """Every changed character is one that windows-1250 text read as windows-1252 is full
    of and real text rarely has (``œrodowiska``, ``a¿``): enough to follow a chain that
    the same text already showed."""
    return all(a == b or a in _CENTRAL_STRONG for a, b in zip(before, cand.text, strict=False))


def _edge_only(before: str, after: str) -> bool:
    """The only changes are marks standing at a word's edge (``¹see``, ``vérité\u00a0»``)."""
    last = len(before) - 1
    inner = [i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b]
    return all(
        before[i] in "¹²³ªº°«»¦¬"
        and (i == 0 or i == last or before[i - 1] == "\u00a0" or before[i + 1] == "\u00a0")
        for i in inner
    )


def _text_level(text: str, done: list[Change]) -> list[Change]:
    """Apply one Latin single-byte chain to every word it improves or leaves as good.

    Word by word, Czech or Turkish read as windows-1252 often looks like some other
    language; the chain is taken when, over the whole text, it removes symbols from inside
    words or makes the accented letters fit one alphabet, and makes no word worse.
    """
    taken = [(c.start, c.end) for c in done]
    words = [
        m
        for m in _WORD.finditer(text)
        if not m.group().isascii() and not any(s < m.end() and m.start() < e for s, e in taken)
    ]
    if not words:
        return []
    current = _apply(text, done)
    spread = alphabet_spread(current)
    best: list[Change] = []
    best_gain = WEIGHTS.min_text_gain
    used = {c.chain for c in done}
    for codec in _LATIN_SINGLE:
        chain = (f"{codec}/cp1252",)
        extend = chain in used  # the text already showed this chain: follow it
        if not extend and not _TARGET_LETTERS[codec].isdisjoint(text):
            continue
        changes = []
        gain = 0.0
        for m in words:
            cand = next((c for c in legacy_candidates(m.group()) if c.chain == chain), None)
            if cand is None or cand.text == m.group():
                continue
            delta = cost(m.group()) - cost(cand.text)
            if extend and delta <= 0 and codec != "cp1254" and not _strong_only(m.group(), cand):
                continue
            if delta < 0:
                break
            if not _edge_only(m.group(), cand.text):
                gain += delta
            changes.append(Change(m.start(), m.end(), m.group(), cand.text, chain))
        else:
            if changes and (codec == "cp1254" or _CENTRAL_MARKS.search(text)):
                spread_after = alphabet_spread(_apply(text, done + changes))
                if spread_after and not extend:
                    continue  # the chain must leave one language, not a new mixture
                gain += WEIGHTS.spread_weight * (spread - spread_after)
            if changes and (gain >= best_gain or (extend and gain > 0)):
                best, best_gain = changes, gain
    return best


def _lone_a_grave(text: str, done: list[Change]) -> list[Change]:
    """``Ã`` alone or ending a lower-case word (``voilÃ``) in text that had UTF-8 read as
    windows-1252: ``à`` whose second byte (U+00A0) became a plain space on the way (that
    space is taken back when another follows); likewise ``Â`` + space for U+00A0 itself.
    There ``Ã`` and ``Â`` are no word in any language, so only the chain the text already
    showed explains them."""
    spans = [(c.start, c.end) for c in done]
    found = [(m, "à") for m in _LONE_A.finditer(text)]
    found += [(m, "\u00a0") for m in _LONE_A_CIRC.finditer(text)]
    return [
        Change(m.start(), m.end(), m.group(), fixed, ("utf-8/cp1252",))
        for m, fixed in found
        if not any(s < m.end() and m.start() < e for s, e in spans)
    ]


# mac_roman read as windows-1252 turns accented letters into windows-1252 symbols (80-9F):
# without one, the text was not written in mac_roman (``Ôôô``).
_MAC = ("mac_roman/cp1252",)
_MAC_EVIDENCE = re.compile("[\x80-\x9f‚ƒ„†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ]")


def _whole_reading(text: str) -> Candidate | None:
    """The best reading of the whole node, or ``None`` when the node reads best as it is.

    Where ftfy read the node as UTF-8, its repair stands unless a clearly more plausible
    UTF-8 reading beats it (or any reading, when ftfy only mended pieces). Otherwise
    boilerkit's best sound reading is taken when clearly more plausible than the node,
    and ftfy's mending of C1 controls when there is none.
    """
    ftfy_cand = ftfy_reading(text)
    best, best_score = _best_sound(text)
    if ftfy_cand is not None and any(s.startswith("utf-8/") for s in ftfy_cand.chain):
        pieces = all(s.endswith("(pieces)") for s in ftfy_cand.chain)
        rival = best is not None and (pieces or best.chain[0].startswith("utf-8/"))
        if rival and best_score <= cost(ftfy_cand.text) - WEIGHTS.min_gain:
            return best
        return ftfy_cand
    base = cost(text)
    if best is None or base - best_score < WEIGHTS.whole_gain or best_score > base * WEIGHTS.max_ratio:
        return ftfy_cand
    return best


def _best_sound(text: str) -> tuple[Candidate | None, float]:
    """The cheapest whole-node reading that passes ``_sound``, with its score."""
    scored = sorted(
        (cost(c.text, c.home) + _prior(c.chain), i, c) for i, c in enumerate(whole_readings(text))
    )
    for score, _, cand in scored:
        if cand.chain == _MAC and not _MAC_EVIDENCE.search(text):
            continue
        if _sound(text, cand.text):
            return cand, score
    return None, float("inf")


def _sound(before: str, after: str, context: str = "") -> bool:
    """Whether a reading boilerkit found (not ftfy) has evidence enough to be taken.

    Short symbol-heavy strings (``4288×…``, ``(-1/2)! = √π``, ``Offering 5×£35``) read as
    something in most code pages. A reading is refused when it rests on fewer than
    ``min_evidence`` changed characters, or when it brings in a symbol, or a letter of a
    script the rest of the result does not use (a rarer script, a lone letter), or a
    Latin letter no alphabet has (``ſ``). ``context`` is the text around ``before``.
    """
    if sum(c < "\x80" and c.isalpha() for c in before) < sum(
        c < "\x80" and c.isalpha() for c in after
    ):
        return False  # no misreading turns a non-ASCII character into an ASCII letter
    changed = [c for c in _diff(before, after, ()) if c.after != c.before]
    # UTF-8 sequences read back are evidence by their structure, unless they give a lone
    # letter; a change of one or two characters in place is not evidence
    short = sum(len(c.before) for c in changed) < WEIGHTS.min_evidence
    if short and len(before) <= len(after) and not _in_words(before, after, changed):
        return False
    scripts: dict[int, int] = {}
    for char in after:
        info = char_info(char)
        if info.kind == 3:  # letter
            scripts[info.script] = scripts.get(info.script, 0) + 1
    main = max(scripts, key=scripts.__getitem__, default=None)
    old = set(before)
    for change in changed:
        for char in set(change.after) - old:
            info = char_info(char)
            category = unicodedata.category(char)
            if category in ("So", "Sm", "Sk", "Co") or (info.kind == 3 and info.script != main):
                return False
            if info.accented and not any(char.lower() in a for a in ALPHABETS):
                return False
            at = after.find(char)
            if short and info.kind == 3 and (_lone(after, at) or _mixed(after, at)):
                return False
    return True


def _in_words(before: str, after: str, changed: list[Change]) -> bool:
    """Whether every change turns a letter into a letter inside a word (``œroda`` ->
    ``środa``, ``paŸdziernika``): the few changes a one-byte misreading of real words
    makes, unlike a symbol turned into a letter (``5×£35``) or a lone letter."""
    for change in changed:
        if len(change.before) != len(change.after):
            return False
        for i, (a, b) in enumerate(zip(change.before, change.after, strict=True)):
            at = change.start + i
            if not (a.isalpha() and b.isalpha()) or _lone(after, at):
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


def _diff(before: str, after: str, chain: tuple[str, ...]) -> list[Change]:
    """The spans where ``after`` differs from ``before``, for the explain output (spans
    one character apart are one)."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if spans and spans[-1][1] >= i1 - 1:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return [Change(i1, i2, before[i1:i2], after[j1:j2], chain) for i1, i2, j1, j2 in spans]


def explain_repair(text: str) -> RepairResult:
    """Repair ``text`` and say which spans changed and by which chain.

    The whole node first (one misreading of all of it); failing that, broken legacy
    spans, then runs of non-ASCII words, each inside otherwise clean text; C1 controls
    left at the end are windows-1252 characters a latin-1 decoder kept as bytes.
    """
    if text.isascii() or not _suspect(text):
        return RepairResult(text, ())
    whole = _whole_reading(text)
    if whole is not None and set(whole.chain) <= {"ftfy", "latin-1/cp1252"}:
        whole = None  # ftfy mended C1 controls only: other code pages need the bytes first
    if whole is not None and not whole.chain[-1].endswith("(pieces)"):
        return RepairResult(whole.text, tuple(_diff(text, whole.text, whole.chain)))
    source = text if whole is None else whole.text
    chains: list[str] = [] if whole is None else list(whole.chain)
    spans = [
        Change(start, end, source[start:end], cand.text, cand.chain)
        for start, end, cand in legacy_spans(source, _prior, _sound, WEIGHTS)
    ]
    spans += [
        Change(start, end, source[start:end], cand.text, cand.chain)
        for start, end, cand in utf8_spans(source, UTF8_READERS, _prior, _sound, WEIGHTS)
        if all(end <= c.start or start >= c.end for c in spans)
    ]
    if spans:
        source = _apply(source, spans)
        chains += [step for change in spans for step in change.chain]
    changes = _run_changes(source)
    if _TURKISH_MARKS.search(source) or _CENTRAL_MARKS.search(source):
        level = _text_level(source, changes)
        if level and _sound(source, _apply(source, level)):
            changes += level
    changes.sort(key=lambda c: c.start)
    fixed = _apply(source, changes)
    if _C1.search(fixed):
        fixed = fix_c1_controls(fixed)
        chains.append("latin-1/cp1252")
    if not chains:
        return RepairResult(fixed, tuple(changes))
    chains += [step for change in changes for step in change.chain]
    return RepairResult(fixed, tuple(_diff(text, fixed, tuple(dict.fromkeys(chains)))))


def compose(text: str) -> str:
    """``text`` in Unicode's composed form (NFC), the form text is compared, searched and
    deduplicated in: "য়" typed as two code points and as one are the same letter."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def compose_tree(root: etree._Element | None) -> None:
    """Put every text and tail under ``root`` in NFC, in place (see ``compose``).

    The pipeline calls it on the extracted content only when the content's text is not in
    NFC already (about 5% of pages): checking the whole page's markup cost 0.5 ms a page,
    checking the article's text costs a hundredth of that.
    """
    if root is None:
        return
    for element in root.iter():
        if element.text:
            element.text = compose(element.text)
        if element.tail is not None and element is not root:
            element.tail = compose(element.tail)


def repair_text(text: str) -> str:
    """Return ``text`` with mojibake repaired; clean text comes back unchanged."""
    if text.isascii():
        return text
    return explain_repair(text).text


# Plain strings (no back-references to elements): the cheap first look at a page.
_PLAIN_TEXTS = etree.XPath("//text()", smart_strings=False)
_SKIPPED_TEXTS = etree.XPath(
    "//script/text()|//style/text()|//template/text()|//code/text()", smart_strings=False
)
_SKIP_TAGS = frozenset({"script", "style", "template", "code"})


def repair_tree(root: etree._Element) -> int:
    """Repair the text and tails of every element in place; return how many changed.

    Attribute values (``href``, ``src`` and the rest) are never read, and the contents of
    ``script``/``style``/code blocks are left as written. The text nodes are first read
    as plain strings (no element objects are made) and repaired as strings; the tree is
    walked only when some text actually changed, so a clean page costs one scan of its
    non-ASCII text.
    """
    texts = _PLAIN_TEXTS(root)
    if "".join(texts).isascii():  # at C speed: a page of a million texts has no loop here
        return 0
    foreign = [text for text in texts if not text.isascii()]
    joined = "\n".join(foreign)  # one regex scan of the page, not one call per text node
    if not _suspect(joined):
        return 0
    fixes = {}
    skipped = set(_SKIPPED_TEXTS(root))
    for text in foreign:
        if text in fixes or text in skipped:
            continue
        if _suspect(text):
            fixed = repair_text(text)
            if fixed != text:
                fixes[text] = fixed
    if not fixes:
        return 0
    changed = 0
    for el in root.iter():
        if el.text in fixes and isinstance(el.tag, str) and el.tag not in _SKIP_TAGS:
            el.text = fixes[el.text]
            changed += 1
        if el.tail in fixes:
            el.tail = fixes[el.tail]
            changed += 1
    return changed
