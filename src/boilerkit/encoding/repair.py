# ruff: noqa: RUF001, RUF002  (mojibake and look-alike characters are the subject here)
"""Repair stage: fix mojibake baked into text, and leave every clean string alone.

Each text node is read at the coarsest grain that explains it, finest last:

1. the whole node, through ftfy (UTF-8 read as a one-byte code page: its badness
   heuristics have a decade of real-world reports) and through every other code page
   and legacy encoding (``whole``);
2. broken spans inside clean text: legacy runs and UTF-8 phrases, each read back whole
   (``spans``);
3. runs of non-ASCII words, chain by chain and word by word (``runs``).

Every reading boilerkit finds must pass ``judge.sound``: short symbol-heavy strings
(``4288×…``, ``(-1/2)! = √π``) read as something in most code pages, and stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, islice

from ftfy.fixes import fix_c1_controls
from lxml import etree

from ..page.roots import is_whole_document
from ..weights.encoding import PlausibilityCosts, RepairWeights
from .bigrams import gain, oddity
from .bounds import bounded, unmixed
from .chains import CJK_TARGETS, Candidate
from .consistent import consistent_reading
from .han import SWAPS, chinese_swap, odd_chinese
from .judge import (
    WEIGHTS,
    Change,
    apply_changes,
    by_language,
    diff,
    prior,
    sound,
    tuned,
    weights,
    window,
)
from .phrases import phrase_readings, word_reading
from .plausibility import COSTS, cost
from .runs import CENTRAL_MARKS, SUSPICIOUS, TURKISH_MARKS, run_changes, text_level
from .siblings import sibling_reading
from .signs import SIGNS, number_signs
from .spans import ftfy_spans, glued, legacy_spans, pair_spans, utf8_spans
from .trigger import MARK, suspect, suspect_texts
from .whole import UTF8_READERS, ftfy_reading, legacy_readings, whole_readings

_C1 = re.compile("[\x80-\x9f]")
# Han in a marked word: CJK read as another CJK code page costs nothing in the cost model
# (valid, common Han), and is read by ``han.han_spans`` (``1991斥 10岿`` for ``1991년 10월``).
_HAN = re.compile("[\u3400-\u9fff]")

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
class RepairResult:
    """The repaired text and every change made to get there."""

    text: str
    changes: tuple[Change, ...]


_MAC = ("mac_roman/cp1252",)
_MAC_EVIDENCE = re.compile("[\x80-\x9f‚ƒ„†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ]")


def _whole_reading(text: str) -> Candidate | None:
    """The best reading of the whole node, or ``None`` when the node reads best as it is.

    Where ftfy read the node as UTF-8, its repair stands unless a clearly more plausible
    UTF-8 reading beats it (or any reading, when ftfy only mended pieces). Otherwise
    boilerkit's best reading is taken when clearly more plausible than the node, and
    ftfy's mending of C1 controls when there is none. Readings are compared by the cost
    they add or remove (``_delta``), so only the words they change are costed; the
    ``sound`` guard runs only on readings that would be taken.
    """
    ftfy_cand = ftfy_reading(text)
    decoded = ftfy_cand is not None and any(s.startswith("utf-8/") for s in ftfy_cand.chain)
    ftfy_delta = _delta(text, ftfy_cand, {}) if ftfy_cand and decoded else None
    bar = ftfy_delta[0] - weights().ftfy_margin if ftfy_delta else 0.0
    pieces = ftfy_cand is not None and all(s.endswith("(pieces)") for s in ftfy_cand.chain)
    memo: dict[str, float] = {}
    deltas = (
        (_delta(text, c, memo, None if decoded else _needed(c)), i, c)
        for i, c in enumerate(unmixed(text, r) for r in whole_readings(text))
    )
    scored = sorted((d, i, c) for d, i, c in deltas if d is not None)
    for (change, after, before), _, cand in scored:
        if decoded:
            if change > bar or not (pieces or cand.chain[0].startswith("utf-8/")):
                continue
        elif after > before * weights().max_ratio or -change < _needed(cand):
            continue
        if cand.chain == _MAC and not _MAC_EVIDENCE.search(text):
            continue
        utf8 = all(step.startswith("utf-8/") for step in cand.chain)
        if sound(*window(text, cand.text, margin=100), sequences=utf8):
            return cand
    return ftfy_cand


def _needed(cand: Candidate) -> float:
    """Gain a reading must bring: every byte string reads in a one-byte code page, so
    only a strict multi-byte reading (UTF-8, CJK) is evidence by itself."""
    target = cand.chain[0].split("/")[0]
    strict = target == "utf-8" or target in CJK_TARGETS
    return weights().whole_gain if strict else weights().min_gain


def _delta(
    text: str, cand: Candidate, memo: dict[str, float], needed: float | None = None
) -> tuple[float, float, float] | None:
    """(cost change, cost of the changed words after, before) of reading ``text`` as
    ``cand``, chain prior included; ``None`` when the words cost less than ``needed`` to
    begin with (no reading could gain enough). ``memo`` keeps the cost of the words
    as they stand: one-byte readings all change the same words."""
    old, new = window(text, cand.text)
    words = _foreign(old)
    before = memo[words] if words in memo else memo.setdefault(words, cost(words))
    if needed is not None and before - prior(cand.chain) < needed:
        return None
    after = cost(_foreign(new), cand.home) + prior(cand.chain)
    return after - before, after, before


# (Tried at word starts only: from every position of a long ASCII word it was quadratic.)
_FOREIGN_WORD = re.compile(r"(?<!\S)\S*[^\x00-\x7f]\S*")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@lru_cache(maxsize=8)
def _marked(text: str) -> str:
    """The words of ``text`` that hold a mark of a misreading: the trigger's marks and the
    broader ones of ``runs.SUSPICIOUS`` (a lone ``¾`` or ``³``, any two Latin-1 letters):
    the text is suspect already, and what its words cost decides whether it is read."""
    words = []
    for pattern in (MARK, SUSPICIOUS):
        for match in pattern.finditer(text):
            start = max(text.rfind(c, 0, match.start()) for c in " \n\t") + 1
            ends = [i for c in " \n\t" if (i := text.find(c, match.end())) >= 0]
            words.append(text[start : min(ends, default=len(text))])
    return " ".join(dict.fromkeys(words))


def _foreign(text: str) -> str:
    """The words of ``text`` that hold a non-ASCII character: every reading keeps ASCII
    bytes as they are, so the rest costs the same before and after and need not be
    costed (most of a page's text, read in Python a character at a time)."""
    return " ".join(_FOREIGN_WORD.findall(text))


def explain_repair(
    text: str, weights: RepairWeights = WEIGHTS, costs: PlausibilityCosts = COSTS
) -> RepairResult:
    """Repair ``text`` and say which spans changed and by which chain.

    ``weights`` and ``costs`` are the repair section and the plausibility section of the
    tuning table (``Weights.repair``, ``Weights.plausibility``). A repaired text that
    still holds a mark is read once more: one reading often leaves a second layer or a
    second misreading behind (``Åžubat`` once ftfy undid the outer layer; the pieces of
    a GBK run a UTF-8 reading did not reach).
    """
    if text.isascii():
        return RepairResult(text, ())
    if not suspect(text):  # no mark; odd Chinese is read by han.chinese_swap alone
        with tuned(weights, costs):
            swap = _HAN.search(text) and odd_chinese().search(text) and chinese_swap(text)
        changes = tuple(diff(text, swap.text, swap.chain)) if swap else ()
        return RepairResult(swap.text if swap else text, changes)
    page = _PAGE.get()
    key = (text, weights, costs)
    if page is not None and key in page:
        return page[key]
    result = _judged(text, weights, costs)
    if page is not None and len(page) < _PAGE_LIMIT:
        page[key] = result
    return result


# The judgments made on the page being extracted (``repair_tree`` starts a new one): the
# metadata stage repairs the title and description the tree holds, several times over
# (``og:title``, ``twitter:title``, ``<title>``). Only the same page reuses them: a page
# extracted twice is judged twice, as it would be in another process.
_PAGE_LIMIT = 4096
"""Judgments kept at most (``repair_text`` called on and on after a page is not a page)."""
_PAGE: ContextVar[dict[tuple[str, RepairWeights, PlausibilityCosts], RepairResult] | None] = (
    ContextVar("boilerkit_repair_page", default=None)
)


def _judged(text: str, weights: RepairWeights, costs: PlausibilityCosts) -> RepairResult:
    """``explain_repair`` of a text with a mark."""
    with tuned(weights, costs):
        # a misread sign beside a number, the rest ASCII; then the readings of the node
        if SIGNS.search(text) and (signs := number_signs(text)) is not None:
            return RepairResult(signs.text, tuple(diff(text, signs.text, signs.chain)))
        result = _by_language(text, _explain(text))
        chains = {s for c in result.changes for s in c.chain}  # none, or Chinese as Chinese
        if chains <= SWAPS and odd_chinese().search(text) and (swap := chinese_swap(text)):
            return RepairResult(swap.text, tuple(diff(text, swap.text, swap.chain)))
        if result.text == text:
            return result
        if suspect(result.text):
            again = _explain(result.text)
            if again.text != result.text:
                chain = tuple(
                    dict.fromkeys(s for c in (*result.changes, *again.changes) for s in c.chain)
                )
                result = RepairResult(again.text, tuple(diff(text, again.text, chain)))
        found = consistent_reading(text, result.text, result.changes)
        if found is not None:
            result = RepairResult(found[0], tuple(diff(text, found[0], found[1])))
        sibling = sibling_reading(text, result.text, result.changes)
        if sibling is None:
            return result
        return RepairResult(sibling[0], tuple(diff(text, sibling[0], (f"utf-8/{sibling[1]}",))))


# Finders of broken spans inside clean text, in the order they are trusted.
_SPAN_FINDERS: tuple[Callable[[str], list[tuple[int, int, Candidate]]], ...] = (
    legacy_spans,
    partial(ftfy_spans, readers=("cp1252", "mac_roman", "cp437")),
    partial(utf8_spans, readers=(*UTF8_READERS, "cp437", "mac_roman")),
    pair_spans,
)


def _by_language(text: str, result: RepairResult) -> RepairResult:
    """``result``, or the legacy reading the bigram model finds clearly more like real
    text (``judge.by_language``) when ``result`` changed nothing or read the node as
    one-byte code pages only and the model's reading beats it too (German with mac_roman's
    dash and ``ü``, ``Montag Ñ ... zurŸck``, is no Polish ``Montag Ń ... zurźck``)."""
    legacy = all(
        step.split("/")[0] not in ("utf-8", "ftfy", *CJK_TARGETS)
        for change in result.changes
        for step in change.chain
    )
    if not legacy:
        return result
    cand = by_language(text, (unmixed(text, c) for c in legacy_readings(text)))
    if cand is None and oddity(_marked(text)) >= weights().language_oddity:
        # a phrase, its marked words reading as no language's (one look for both)
        cand = _phrase_by_language(text)
        if cand is None and result.text == text:
            cand = word_reading(text)  # judged word by word: only where nothing else read
    if cand is None or cand.text == result.text:
        return result
    if result.text != text and gain(result.text, cand.text)[0] < weights().language_gain:
        return result
    return RepairResult(cand.text, tuple(diff(text, cand.text, cand.chain)))


def _phrase_by_language(text: str) -> Candidate | None:
    """The reading of a legacy phrase inside ``text`` (``phrases``) that the bigram model
    takes, judged on the phrase with the clean text around it, not on the whole node:
    a phrase in a long clean node would not show in the node's first characters."""
    if len(list(islice(_FOREIGN_WORD.finditer(text, 0, 2000), 2))) < 2:
        return None  # a word alone (the caller saw the marked words read oddly)
    best: tuple[float, Candidate] | None = None
    margin = weights().language_margin
    for cand in phrase_readings(text):
        old, new = window(text, cand.text, margin)
        found = by_language(old, (Candidate(new, cand.chain, cand.home),))
        if found is None:
            continue
        saved = gain(old, new)[0]
        if best is None or saved > best[0]:
            best = (saved, cand)
    return None if best is None else best[1]


def _explain(text: str) -> RepairResult:
    """The whole node first (one misreading of all of it); failing that, broken legacy
    spans, then runs of non-ASCII words, each inside otherwise clean text; C1 controls
    left at the end are windows-1252 characters a latin-1 decoder kept as bytes.

    Text whose marked words cost less than any reading must gain is left to ftfy: no
    reading of boilerkit's could be taken (most clean text with a trigger ends here);
    not when they hold Han, which the cost model reads as plausible however misread.
    """
    marked = _marked(text)
    if cost(marked) + glued(marked) < weights().whole_gain and not _HAN.search(marked):
        ftfy_cand = ftfy_reading(text)
        if ftfy_cand is None:
            return RepairResult(text, ())
        return RepairResult(ftfy_cand.text, tuple(diff(text, ftfy_cand.text, ftfy_cand.chain)))
    whole = _whole_reading(text)
    if whole is not None and set(whole.chain) <= {"ftfy", "latin-1/cp1252"}:
        whole = None  # ftfy mended C1 controls only: other code pages need the bytes first
    if whole is None:
        return _finer(text, None)
    if not whole.chain[-1].endswith("(pieces)"):
        whole = bounded(text, whole)
        if whole.text == text:
            return _finer(text, None)
        return RepairResult(whole.text, tuple(diff(text, whole.text, whole.chain)))
    mended = _finer(text, whole)
    alone = _finer(text, None)
    if alone.text != text and cost(_foreign(alone.text)) < cost(_foreign(mended.text)):
        return alone
    return mended


def _finer(text: str, whole: Candidate | None) -> RepairResult:
    """Broken spans, then runs of non-ASCII words, read inside ``text`` (or inside
    ``whole``, ftfy's mending of its pieces, when given)."""
    source = text if whole is None else whole.text
    chains: list[str] = [] if whole is None else list(whole.chain)
    spans: list[Change] = []
    for finder in _SPAN_FINDERS:  # in order: a span overlapping an earlier one is dropped
        spans += [
            Change(start, end, source[start:end], cand.text, cand.chain)
            for start, end, cand in finder(source)
            if all(end <= c.start or start >= c.end for c in spans)
        ]
    if spans:
        source = apply_changes(source, spans)
        chains += [step for change in spans for step in change.chain]
    changes = run_changes(source)
    if TURKISH_MARKS.search(source) or CENTRAL_MARKS.search(source):
        level = text_level(source, changes)
        if level and sound(source, apply_changes(source, level)):
            changes += level
    changes.sort(key=lambda c: c.start)
    fixed = apply_changes(source, changes)
    if _C1.search(fixed):
        fixed = fix_c1_controls(fixed)
        chains.append("latin-1/cp1252")
    if not chains:
        return RepairResult(fixed, tuple(changes))
    chains += [step for change in changes for step in change.chain]
    return RepairResult(fixed, tuple(diff(text, fixed, tuple(dict.fromkeys(chains)))))


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


def repair_text(
    text: str, weights: RepairWeights = WEIGHTS, costs: PlausibilityCosts = COSTS
) -> str:
    """Return ``text`` with mojibake repaired; clean text comes back unchanged."""
    if text.isascii():
        return text
    return explain_repair(text, weights, costs).text


# Plain strings (no back-references to elements): the cheap first look at a page.
_PLAIN_TEXTS = etree.XPath("//text()", smart_strings=False)
_SKIP_TAGS = ("script", "style", "template", "code")


def _skipped(root: etree._Element) -> set[str]:
    """The texts of ``script``/``style``/code blocks, left as written (an element walk
    filtered by tag in C: a third cheaper than the same XPath)."""
    texts = set()
    for element in root.iter(*_SKIP_TAGS):
        if element.text:
            texts.add(element.text)
        texts.update(child.tail for child in element if child.tail)
    return texts


def _foreign_texts(root: etree._Element) -> list[str]:
    """The non-ASCII texts of the page, but those of ``script``/``style``/code blocks
    (most of a page's non-ASCII text: not scanned for marks).

    One compiled walk (``_front.foreign_texts``) makes a string of the non-ASCII texts
    only; the XPath below made one of every text node, a third of the stage's time on
    the median page. The pure path, and a ``root`` that is not the whole document
    (``roots.is_whole_document``), take the XPath: the spec.
    """
    from ..selection.page_table import compiled  # here: a cycle at import time otherwise

    walk = compiled("foreign_texts")
    if walk is not None and is_whole_document(root):
        found, skipped = walk(root, _SKIP_TAGS)
    else:
        texts = _PLAIN_TEXTS(root)
        if "".join(texts).isascii():  # at C speed: a page of a million texts has no loop
            return []
        found, skipped = [text for text in texts if not text.isascii()], _skipped(root)
    return [text for text in found if text not in skipped]


def repair_tree(
    root: etree._Element, weights: RepairWeights = WEIGHTS, costs: PlausibilityCosts = COSTS
) -> int:
    """Repair the text and tails of every element in place; return how many changed.

    Attribute values (``href``, ``src`` and the rest) are never read, and the contents of
    ``script``/``style``/code blocks are left as written. The text nodes are first read
    as plain strings (no element objects are made) and repaired as strings; the tree is
    walked only when some text actually changed, so a clean page costs one scan of its
    non-ASCII text.
    """
    _PAGE.set({})
    foreign = _foreign_texts(root)
    if not foreign:
        return 0
    joined = "\n".join(foreign)  # one regex scan of the page, not one call per text node
    starts = list(accumulate((len(text) + 1 for text in foreign), initial=0))
    hits = suspect_texts(joined, starts)
    if not hits:
        return 0
    fixes = {}
    for text in dict.fromkeys(foreign[i] for i in hits):  # a page repeats its texts
        fixed = explain_repair(text, weights, costs).text
        if fixed != text:  # a repair may bring back what lxml refuses (U+FFFE, controls)
            fixes[text] = _NOT_XML.sub("", fixed)
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
