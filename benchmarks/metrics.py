"""The two corpus metrics, exactly as ``../shared/datasets/README.md`` defines them.

trafilatura-eval (the metric trafilatura publishes): every ``with`` snippet found in the
output is a true positive, else a false negative; every ``without`` snippet found is a
false positive, else a true negative; precision, recall, F1 and accuracy are pooled over
all snippets of all pages. Matching is plain substring search after collapsing runs of
whitespace to one space on both sides, which is what trafilatura's own evaluation
(``tests/eval_common.py``: ``norm`` and ``count_item``) does; no case folding.

readability-test-pages (the ScrapingHub article-extraction-benchmark metric): tokens are
the ``\\w+`` matches, shingles the 4-grams of tokens (a shorter text is one shorter
shingle); per page, TP/FP/FN compare the multisets of shingles; precision and recall are
averaged over pages and F1 is the harmonic mean of the two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHINGLE_SIZE = 4
TOKEN = re.compile(r"\w+")

Shingle = tuple[str, ...]


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (Unicode-aware, so NBSP too) into one space."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Scores:
    """Summary scores of one system on one corpus."""

    precision: float
    recall: float
    f1: float
    accuracy: float | None = None
    """Only the snippet metric has true negatives, hence accuracy."""


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


# --- trafilatura-eval: snippets ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """Confusion counts of the snippet metric, for one page or pooled over many."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn
        )

    def f1(self) -> float:
        """This count's F1; a page with nothing wrong scores 1 even without positives."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


@dataclass(frozen=True, slots=True)
class SnippetMatch:
    """One page's verdict, with the snippets that went wrong (for ``--errors``)."""

    counts: SnippetCounts
    missed: tuple[str, ...]
    """``with`` snippets absent from the output."""
    leaked: tuple[str, ...]
    """``without`` snippets present in the output."""


def match_snippets(
    output: str | None, expected: Sequence[str], unwanted: Sequence[str]
) -> SnippetMatch:
    """Score one page's output against its snippets. ``None`` (no output) misses all."""
    text = normalize_space(output or "")
    missed = tuple(s for s in expected if normalize_space(s) not in text)
    leaked = tuple(s for s in unwanted if normalize_space(s) in text)
    counts = SnippetCounts(
        tp=len(expected) - len(missed),
        fp=len(leaked),
        fn=len(missed),
        tn=len(unwanted) - len(leaked),
    )
    return SnippetMatch(counts, missed, leaked)


def snippet_scores(counts: Iterable[SnippetCounts]) -> Scores:
    """Pool page counts over the corpus and score them (zero where undefined)."""
    total = sum(counts, SnippetCounts())
    precision = total.tp / (total.tp + total.fp) if total.tp + total.fp else 0.0
    recall = total.tp / (total.tp + total.fn) if total.tp + total.fn else 0.0
    segments = total.tp + total.fp + total.fn + total.tn
    accuracy = (total.tp + total.tn) / segments if segments else 0.0
    return Scores(precision, recall, _f1(precision, recall), accuracy)


# --- readability-test-pages: token shingles ------------------------------------------


def tokens(text: str) -> list[str]:
    """The metric's tokens: every ``\\w+`` match, case kept."""
    return TOKEN.findall(text)


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """The multiset of ``size``-grams of tokens; fewer tokens make one shorter shingle."""
    words = tokens(text)
    if not words:
        return Counter()
    return Counter(tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1)))


@dataclass(frozen=True, slots=True)
class ShingleMatch:
    """One page's shingle counts and its precision and recall."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """TP/(TP+FP); an empty output is 0 unless the expected text is empty too."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        """TP/(TP+FN); an empty expected text is recalled by an empty output only."""
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        """The page's own F1 (for ranking the worst pages; the corpus F1 differs)."""
        return _f1(self.precision, self.recall)


def match_shingles(output: str | None, expected: str) -> ShingleMatch:
    """Compare the shingle multisets of one page's output and its expected text."""
    got = shingles(output or "")
    want = shingles(expected)
    tp = sum((got & want).values())
    return ShingleMatch(tp=tp, fp=sum(got.values()) - tp, fn=sum(want.values()) - tp)


def shingle_scores(matches: Iterable[ShingleMatch]) -> Scores:
    """Average page precision and recall over pages; F1 of the two averages."""
    pages = list(matches)
    if not pages:
        return Scores(0.0, 0.0, 0.0)
    precision = sum(m.precision for m in pages) / len(pages)
    recall = sum(m.recall for m in pages) / len(pages)
    return Scores(precision, recall, _f1(precision, recall))
