"""Parity: the compiled element hints (``_walk.HintOf``) equal their Python reference.

``hints._hint_of`` and ``hints.own_hints`` are the spec; ``HintOf.hint_of`` and
``HintOf.own_hints`` must give equal hints (field by field) on every hinted element of the
fixtures and both corpora, on generated tag/class/id/role combinations, and the same
``element_hints`` on generated trees.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpora import CORPUS_NAMES
from boilerkit.options import Options
from boilerkit.selection import hints
from boilerkit.selection.page_table import PageTable, reference_table
from boilerkit.selection.segment import segment
from boilerkit.weights import NEGATIVE_ROLES, NEGATIVE_WORDS, POSITIVE_ROLES, POSITIVE_WORDS
from tests.parity import (
    EXAMPLES,
    SLUGS,
    cleaned,
    compiled_only,
    corpus_pages,
    fixture_html,
    tag_soup,
)


def _reference(tag: str, css_class: str | None, css_id: str | None, role: str | None) -> object:
    return hints._hint_of.__wrapped__(tag, css_class, css_id, role, hints._name_hints)


def _assert_same_hints(table: PageTable, label: str) -> None:
    compiled = hints._HINT_OF
    assert compiled is not None, "_walk.HintOf is not built"
    tags, classes, ids, roles = table.tags, table.classes, table.ids, table.roles
    for index in table.hinted:
        row = (tags[index], classes[index], ids[index], roles[index])
        assert compiled.hint_of(*row) == _reference(*row), f"{label}: {row}"
    expected = hints.own_hints(tags, classes, ids, roles, table.hinted, hints._name_hints)
    assert compiled.own_hints(tags, classes, ids, roles, table.hinted) == expected, label


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_compiled_hints_equal_reference_on_fixture(slug: str) -> None:
    root = cleaned(fixture_html(slug))
    _assert_same_hints(reference_table(root), slug)


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_compiled_hints_equal_reference_on_corpus(name: str) -> None:
    for page in corpus_pages(name):
        _assert_same_hints(reference_table(cleaned(page.html)), f"{name}/{page.id}")


_TAGS = ("div", "nav", "aside", "footer", "form", "article", "main", "h2", "h3", "p", "html")
_TAGS += ("body", "section", "header", "")
_WORDS = (*sorted(NEGATIVE_WORDS)[:12], *sorted(POSITIVE_WORDS)[:8], "comment", "comments")
_WORDS += ("entry-content", "anchorWithStickyNavbar", "sticky-navbar", "widget", "elementor")
_WORDS += ("cookie", "x", "Main", "\u212a", "share-this", "related-posts", "who-is-online")
_ROLES = (*sorted(NEGATIVE_ROLES), *sorted(POSITIVE_ROLES), " Main ", "MAIN", "", "x")
_VALUES = st.none() | st.lists(st.sampled_from(_WORDS), max_size=4).map(" ".join)


@compiled_only
@settings(max_examples=EXAMPLES, deadline=None)
@given(st.sampled_from(_TAGS), _VALUES, _VALUES, st.none() | st.sampled_from(_ROLES))
def test_compiled_hint_of_equals_reference(
    tag: str, css_class: str | None, css_id: str | None, role: str | None
) -> None:
    """Every combination, asked twice (the memo's answer is the first one's)."""
    assert hints._HINT_OF is not None
    expected = _reference(tag, css_class, css_id, role)
    assert hints._HINT_OF.hint_of(tag, css_class, css_id, role) == expected
    assert hints._HINT_OF.hint_of(tag, css_class, css_id, role) == expected


_ATTRIBUTES = ('class="sidebar"', 'id="related-work"', 'role="navigation"', 'class="content"')
_ATTRIBUTES += ('id="nav_share_this__1"', 'class="comments"', 'class="entry-content"', "")
_SOUP = tag_soup(
    ("div", "nav", "h2", "h3", "p", "section", "a", "aside"),
    _ATTRIBUTES,
    ("Share this", "Related work", "Sharing with a single developer", "text"),
)


@compiled_only
@settings(max_examples=EXAMPLES, deadline=None)
@given(_SOUP)
def test_element_hints_are_the_same_compiled_or_pure(body: str) -> None:
    """The whole of ``element_hints`` (the slug ids read again without the id) either way."""
    segmentation = segment(cleaned(f"<html><body>{body}</body></html>"))
    weights = Options().weights
    compiled = hints.element_hints(segmentation, weights)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOILERKIT_PURE", "1")
        assert hints.element_hints(segmentation, weights) == compiled
