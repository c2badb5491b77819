"""Parity: the compiled container choice (``_passes.best_container``) equals its reference.

``container.best_container`` is the spec; the twin must name the same element with the
same value on every fixture, on both corpora and on generated score lists (ties, zeros,
negatives, infinities, hints of every kind, list tags).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpora import CORPUS_NAMES
from boilerkit.options import Options
from boilerkit.selection import container, page_table
from boilerkit.selection.hints import Hint
from boilerkit.selection.score import score
from boilerkit.selection.segment import segment
from boilerkit.selection.teasers import find_teasers
from tests.parity import (
    EXAMPLES,
    SLUGS,
    cleaned,
    compiled_only,
    corpus_pages,
    fixture_html,
)

_LIST_TAGS = container._LIST_TAGS


def _assert_same_choice(html: bytes, label: str) -> None:
    twin = page_table.compiled("best_container")
    assert twin is not None, "_passes.best_container is not built"
    weights = Options().weights
    segmentation = segment(cleaned(html))
    scores = score(segmentation, find_teasers(segmentation, weights, None), weights)
    excluded = bytearray(len(segmentation.tags))
    excluded[len(excluded) // 2 :] = b"\x01" * (len(excluded) - len(excluded) // 2)
    for mask in (bytearray(len(excluded)), excluded):
        arguments = (scores.total, scores.region, scores.hints, segmentation.tags, mask)
        for bonus, factor in ((0.25, 0.8), (weights.positive_hint_bonus, 1.5), (0.0, -1.0)):
            expected = container.best_container(*arguments, bonus, factor, _LIST_TAGS)
            assert twin(*arguments, bonus, factor, _LIST_TAGS) == expected, label


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_compiled_container_choice_equals_reference_on_fixture(slug: str) -> None:
    _assert_same_choice(fixture_html(slug), slug)


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_compiled_container_choice_equals_reference_on_corpus(name: str) -> None:
    for page in corpus_pages(name):
        _assert_same_choice(page.html, f"{name}/{page.id}")


_HINTS = st.sampled_from(
    (
        None,
        Hint("article", "tag=article"),
        Hint("article", "class/id=content", weak=True),
        Hint("boilerplate", "tag=nav"),
        Hint("comments", "class/id=comments"),
    )
)
_VALUES = st.sampled_from((0.0, -0.0, 1.0, 2.5, -3.0, 100.0, float("inf"), float("-inf")))
_ROWS = st.lists(
    st.tuples(
        _VALUES | st.floats(-1e6, 1e6),
        st.sampled_from((None, Hint("boilerplate", "tag=aside"))),
        _HINTS,
        st.sampled_from(("div", "li", "ul", "p", "", "article")),
        st.booleans(),
    ),
    max_size=30,
)


@compiled_only
@settings(max_examples=EXAMPLES, deadline=None)
@given(_ROWS, st.sampled_from((0.0, 0.25, 1.0)), st.sampled_from((0.5, 1.0, -1.0, 0.0)))
def test_compiled_container_choice_equals_reference_on_generated_scores(
    rows: list[tuple[float, Hint | None, Hint | None, str, bool]], bonus: float, factor: float
) -> None:
    twin = page_table.compiled("best_container")
    assert twin is not None
    total = [row[0] for row in rows]
    region, hints, tags = (
        [row[1] for row in rows],
        [row[2] for row in rows],
        [row[3] for row in rows],
    )
    excluded = bytearray(row[4] for row in rows)
    arguments = (total, region, hints, tags, excluded, bonus, factor, _LIST_TAGS)
    assert twin(*arguments) == container.best_container(*arguments)
