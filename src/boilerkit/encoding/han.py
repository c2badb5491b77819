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

from .bigrams import gain
from .chains import CJK_TARGETS, Candidate
from .judge import sound, weights, window
from .text_stats import CODEC_HOME
from .whole import LEGACY_READINGS

__all__ = ["han_spans"]

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
