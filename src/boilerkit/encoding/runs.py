# ruff: noqa: RUF001, RUF003  (mojibake and look-alike characters are the subject here)
"""Runs of non-ASCII words inside clean text, repaired word by word under one chain.

What the whole-node and span readings leave is read here: one precompiled regex finds the
marks a misreading leaves; the run of non-ASCII words around a hit is read through every
candidate chain (``chains``), one reading per chain and one word by word, and the
cheapest replaces the words it changes when clearly cheaper than the run as it stands.
For Latin single-byte code pages, whose misreadings look like real words one by one
(Turkish ``deðil`` could be Icelandic), the whole text decides (``text_level``).
"""

from __future__ import annotations

import re

from .chains import Candidate, all_candidates, legacy_candidates
from .judge import Change, apply_changes, prior, sound, weights
from .plausibility import alphabet_spread, cost

__all__ = ["CENTRAL_MARKS", "LONE_A", "SUSPICIOUS", "TURKISH_MARKS", "run_changes", "text_level"]

_HIGH = "\u00a0-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# UTF-8 continuation bytes 80-BF as windows-1251 shows them.
_CONT_1251 = "Ђ-Џђ-џЎўЈҐЁЄЇІіґёєјЅѕї‚„…†‡€‰‹‘’“”•–—™›\u00a0¤¦§©«¬\u00ad®°±µ¶·№»"
_MAC_LEADS = "¬√ƒ≈∆«»…ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔÒÚÛÙ"
# Every mark starts with one of these characters; starting the pattern with this class
# lets the regex engine skip all other text at C speed (the rest of each mark is checked
# by the look-behinds below).
_FIRST = f"\u0080-\u00ff{_HIGH}\ufffdВ-Яа-ф{_MAC_LEADS}\u2500-\u259f"
SUSPICIOUS = re.compile(
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


CENTRAL_MARKS = re.compile(
    "[¹³¿¾¼\x9c\x9d\x9f±¶œŸ£¥Œ¯¦¬èìòùÈÌÒÙøØíõû](?:"
    "(?<=\\w[¹³¿¾¼\x9c\x9d\x9f±¶œŸ])(?=\\w)|(?<=[£¥Œ¯¦¬])(?<!\\w.)(?=\\w)"
    "|(?<=[èìòùÈÌÒÙ])(?<!\\w.)(?=\\w)|(?<=[øèìòùØ])\\w*[èìòùø]|(?<=ø)\\w*í|(?<=í)\\w*ø"
    "|(?<=\\w[õû])(?=\\w))"
)
# ``Ã`` alone or ending a lower-case word (``voilÃ le``): ``à`` whose no-break space
# became a space (ftfy repairs it; this only triggers). Starts with the letter itself, so
# the regex engine skips other text at C speed.
LONE_A = re.compile(r"Ã(?<![^ \t\n\r\f\va-zà-ÿ]Ã)(?: (?= ))?(?![^ \t\n\r\f\v])")
_CENTRAL_STRONG = frozenset("¹³¿œŸ£¥Œ¯±¶¼¾\x8c\x8f\x9c\x9f")
# Turkish read as windows-1252 shows ğ ı ş İ Ş Ğ as Icelandic letters; ý alone is Czech
# too, so it counts only in a word with a Turkish letter.
TURKISH_MARKS = re.compile(r"[ðþÐÞ]|[çöüÇÖÜ]\w*[ýÝ]|[ýÝ]\w*[çöüÇÖÜ]")
# Letters a text damaged as a whole by the chain cannot hold: if the text has them, the
# chain is not what happened to it (clean Turkish next to Icelandic ``að``).
_TARGET_LETTERS = {
    "cp1254": frozenset("ğışİŞĞ"),
    "cp1250": frozenset("řěůčňťďłąśźżęćńőűăţŁĄŚŹŻČŘĚĎŇŤŮŐŰľĺŕ"),
    "iso8859_2": frozenset("řěůčňťďłąśźżęćńőűăţŁĄŚŹŻČŘĚĎŇŤŮŐŰľĺŕ"),
}


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
    return total + sum(map(prior, chains)) + weights().chain_switch * (len(chains) - 1)


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
            if chain in opts and opts[chain][1] <= base + weights().word_tolerance
            else None
            for opts, base in zip(options, costs, strict=True)
        ]
        readings.append(picks)
    own: Picks = []
    for opts, base in zip(options, costs, strict=True):
        best = min(opts.values(), key=lambda o: o[1] + prior(o[0].chain), default=None)
        good = best is not None and base - best[1] - prior(best[0].chain) >= weights().min_gain
        own.append(best[0] if good and best else None)
    if len({p.chain for p in own if p}) > 1:  # one chain: its own reading covers it
        readings.append(own)
    return readings


def _fix_run(text: str, run: re.Match[str]) -> list[Change]:
    """Repair a run of non-ASCII words with the most plausible reading, if clearly better.

    Words of a run usually share one misreading, so a chain applied to the whole run wins
    on its summed evidence; a run holding two kinds of damage is read word by word.
    """
    if cost(run.group()) < weights().min_suspect:
        return []
    words = [
        w
        for w in _WORD.finditer(text, run.start(), run.end())
        if len(w.group()) <= weights().max_word
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
        or base - best_score < weights().min_gain
        or (best_score > base * weights().max_ratio)
    ):
        return []
    found = [
        Change(w.start(), w.end(), w.group(), p.text, p.chain)
        for w, p in zip(words, best, strict=True)
        if p is not None
    ]
    before = text[run.start() : run.end()]
    shifted = [
        Change(c.start - run.start(), c.end - run.start(), c.before, c.after, c.chain)
        for c in found
    ]
    return found if sound(before, apply_changes(before, shifted)) else []


def run_changes(text: str) -> list[Change]:
    """Repair every run of non-ASCII words that holds a suspicious mark."""
    hits = [m.start() for m in SUSPICIOUS.finditer(text)]
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


def text_level(text: str, done: list[Change]) -> list[Change]:
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
    current = apply_changes(text, done)
    spread = alphabet_spread(current)
    best: list[Change] = []
    best_gain = weights().min_text_gain
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
            if changes and (codec == "cp1254" or CENTRAL_MARKS.search(text)):
                spread_after = alphabet_spread(apply_changes(text, done + changes))
                if spread_after and not extend:
                    continue  # the chain must leave one language, not a new mixture
                gain += weights().spread_weight * (spread - spread_after)
            if changes and (gain >= best_gain or (extend and gain > 0)):
                best, best_gain = changes, gain
    return best
