"""Teaser detection's and segmentation's compiled twins (``_teasers.pyx``) against their
references: ``teaser_table.teaser_items`` (the items of a group and their headlines),
``teaser_table.teaser_groups`` (all of a page's), ``teaser_table.read_more_candidates``,
``teaser_table.item_marks``, ``link_runs.run_elements`` and ``segment.make_blocks`` (with
``segment.sentences`` and ``weighted_length``), on every fixture, on both development
corpora and on generated trees; ``find_teasers`` gives the same groups either way.

Skipped when the extension is not built; ``BOILERKIT_REQUIRE_COMPILED=1`` (CI) fails then.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from benchmarks.corpora import CORPUS_NAMES
from boilerkit.page.tags import HEADING_TAGS
from boilerkit.selection import link_runs, page_table, segment, teaser_table, teasers
from boilerkit.selection.page_table import reference_table
from boilerkit.weights import SENTENCE_END, Weights
from tests.parity import (
    EXAMPLES,
    SLUGS,
    cleaned,
    compiled_only,
    corpus_pages,
    fixture_html,
    tag_soup,
)

TWINS = ("teaser_groups", "teaser_items", "read_more_candidates", "item_marks", "make_blocks")
TWINS += ("sentences", "weighted_length", "run_elements")
LOOSE = Weights(
    teaser_min_items=1,
    teaser_max_item_chars=2000,
    teaser_headline_min_chars=2,
    teaser_item_share=0.3,
    teaser_min_headline_share=0.01,
    teaser_headline_offset=200,
    read_more_label_min_chars=1,
    read_more_link_share=0.2,
    headline_list_min_items=2,
    link_run_min_share=0.3,
)
"""Weights that let many more elements through every test, so the twins are compared on
far more groups than the default weights find."""


def _twin(name: str) -> Any:
    twin = page_table.compiled(name)
    assert twin is not None, f"_teasers.{name} is missing: rebuild"
    return twin


def _segmentations(root: lxml_html.HtmlElement) -> tuple[Any, Any]:
    """The page's segmentation on the compiled table and on the reference table."""
    found = segment.segment(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOILERKIT_PURE", "1")
        expected = segment.segment(root)
    assert not isinstance(expected.elements, type(found.elements))
    return found, expected


def _blocks(segmentation: Any) -> list[tuple[Any, ...]]:
    """Every field of every block but ``elements`` (the table's handles, compared apart):
    a field added to ``Block`` and not to the twin fails here."""
    names = [f.name for f in dataclasses.fields(segment.Block) if f.name != "elements"]
    return [tuple(getattr(block, name) for name in names) for block in segmentation.blocks]


def _assert_same(root: lxml_html.HtmlElement, label: str) -> None:
    found, expected = _segmentations(root)
    assert _blocks(found) == _blocks(expected), f"{label}: blocks differ"
    assert all(block.elements is found.elements for block in found.blocks)
    assert all(block.elements is expected.elements for block in expected.blocks)
    table = reference_table(root)
    rows = segment.make_blocks(table.blocks, table.elements, table.tags, segment.Block)
    assert [b.sentences for b in rows] == [segment.sentences(t) for _, t, _ in table.blocks]
    anchors = [i for i, tag in enumerate(expected.tags) if tag == "a"]
    for weights in (Weights(), LOOSE):
        arguments = (found.tags, found.end, found.links, found.chars)
        candidates = teaser_table.teaser_candidates(
            *arguments,
            weights.teaser_min_items,
            weights.teaser_max_item_chars,
            teaser_table._NOT_ITEMS,
        )
        groups = (candidates, found, weights, anchors, teaser_table._NOT_ITEMS, HEADING_TAGS)
        expected_groups = teaser_table.teaser_groups(
            candidates, expected, weights, anchors, teaser_table._NOT_ITEMS, HEADING_TAGS
        )
        assert _twin("teaser_groups")(*groups) == expected_groups, f"{label}: groups differ"
        for index, children, leaders in candidates:
            twin = _twin("teaser_items")(
                children, frozenset(leaders), found, weights, anchors, teaser_table._NOT_ITEMS,
                HEADING_TAGS,
            )  # fmt: skip
            reference = teaser_table.teaser_items(
                children, frozenset(leaders), expected, weights, anchors, teaser_table._NOT_ITEMS,
                HEADING_TAGS,
            )  # fmt: skip
            assert twin == reference, f"{label}: items of {index} differ"
            if reference is not None:
                marks = (reference[0], found.tags, found.end, found.links, HEADING_TAGS)
                assert _twin("item_marks")(*marks) == teaser_table.item_marks(*marks), label
        lines = (
            anchors,
            found.parent,
            found.links,
            found.chars,
            found.link_chars,
            weights.teaser_max_item_chars,
            weights.read_more_label_min_chars,
            weights.read_more_link_share,
        )
        assert _twin("read_more_candidates")(*lines) == teaser_table.read_more_candidates(*lines)
        runs = (found.tags, found.links, found.link_chars, found.chars)
        runs += (weights.headline_list_min_items, weights.link_run_min_share)
        assert _twin("run_elements")(*runs) == link_runs.run_elements(*runs), label
        for base in (None, "https://example.com/a/b"):
            twin_groups = teasers.find_teasers(found, weights, base)
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("BOILERKIT_PURE", "1")
                groups = teasers.find_teasers(expected, weights, base)
            assert [_group(g, found) for g in twin_groups] == [
                _group(g, expected) for g in groups
            ], f"{label}: groups differ"
            twin_runs = link_runs.with_link_runs((), found, weights, base)
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("BOILERKIT_PURE", "1")
                expected_runs = link_runs.with_link_runs((), expected, weights, base)
            assert [_group(g, found) for g in twin_runs] == [
                _group(g, expected) for g in expected_runs
            ], f"{label}: link runs differ"


def _group(group: teasers.TeaserGroup, segmentation: Any) -> tuple[Any, ...]:
    index = segmentation.index_of
    return (
        index[group.container],
        [index[m] for m in group.members],
        None if group.heading is None else index[group.heading],
        group.section,
        group.items,
        sorted(block.index for block in group.blocks),
        group.evidence,
    )


@compiled_only
def test_the_twins_are_built_when_ci_requires_it() -> None:
    for name in TWINS:
        _twin(name)


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_twins_equal_the_reference_on_fixture(slug: str) -> None:
    _assert_same(cleaned(fixture_html(slug)), slug)


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_twins_equal_the_reference_on_corpus(name: str) -> None:
    for page in corpus_pages(name):
        _assert_same(cleaned(page.html), f"{name}/{page.id}")


# -- sentences and weighted lengths, character by character ----------------------------------

_MARKS = ".!?\u061f\u0964\u06d4\u1362\u3002\uff01\uff1f"
_AFTER = " \t\n\x1c\x85\u00a0\u3000\u2028\"'\u201d\u2019\u00bbx5.\u3002\uff01\uff1f\u201c"
"""The characters after a mark: Latin-1 ones (``\\x1c`` and ``\\x85`` are whitespace to
``str.split``) on the twin's one-byte path, wider ones on its other."""


def test_the_patterns_are_those_the_twins_were_written_for() -> None:
    """``_teasers.sentences`` and ``weighted_length`` spell ``SENTENCE_END`` and
    ``segment._WIDE`` out in C: a change to either pattern fails here until the twin (and
    ``_MARKS`` below) follow it."""
    assert SENTENCE_END.pattern == (
        "[.!?\u061f\u0964\u06d4\u1362\u3002\uff01\uff1f]"
        "(?:(?<=[\u3002\uff01\uff1f])(?![\u3002\uff01\uff1f])|\\s|$|[\\\"'\u201d\u2019\u00bb])"
    )
    assert segment._WIDE.pattern == "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"


@compiled_only
def test_sentences_equal_the_pattern_on_every_pair() -> None:
    """Every mark before every kind of character (and at the end): the twin counts what
    ``SENTENCE_END`` finds."""
    sentences = _twin("sentences")
    for mark, after in itertools.product(_MARKS, [*_AFTER, ""]):
        for text in (f"{mark}{after}", f"a{mark}{after}b", f"{mark}{mark}{after}"):
            assert sentences(text) == len(SENTENCE_END.findall(text + " ")), repr(text)
            assert sentences(text) == segment.sentences(text), repr(text)


@compiled_only
def test_sentences_count_a_long_text_like_the_reference() -> None:
    text = "Ein Satz. 一句。二句\uff01 Wirklich?\u201d " * (segment.LIST_COUNT_CHARS // 20)
    assert len(text) > segment.LIST_COUNT_CHARS  # counted by finditer in the reference
    assert _twin("sentences")(text) == segment.sentences(text) == text.count("Satz") * 4


@compiled_only
@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(st.text(alphabet=st.sampled_from(f"{_MARKS}{_AFTER}ab 中한ｱ\uf900\u30ff\u3040")))
def test_sentences_and_weighted_length_on_generated_text(text: str) -> None:
    assert _twin("sentences")(text) == segment.sentences(text)
    assert _twin("weighted_length")(text) == segment.weighted_length(text)


# -- generated trees ------------------------------------------------------------------------

_TAGS = ("div", "li", "ul", "a", "h3", "h2", "span", "p", "img", "em", "article", "section")
_ATTRS = ("", " class='card'", " class='card x'", " class=' '", " href='/s/1'")
_ATTRS += (" href='https://example.com/s/2'", " href='#top'", " href='https://other.org/x'")
_TEXTS = ("", " ", "Read more: ", "12", "3", "A headline long enough to lead an item")
_TEXTS += ("A blurb that says something. ", "長い見出しの文章です。", "Related stories", "\n")


_HTML = tag_soup(_TAGS, _ATTRS, _TEXTS, max_depth=5, attributes_per_tag=2, comments=True)


@compiled_only
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_HTML)
def test_twins_equal_the_reference_on_generated_trees(body: str) -> None:
    _assert_same(lxml_html.document_fromstring(f"<html><body>{body}</body></html>"), "generated")


@compiled_only
def test_make_blocks_refuses_a_block_class_with_other_fields() -> None:
    """The twin sets ``Block``'s fields one by one: a class with other fields is an error,
    not a block with a field unset."""

    @dataclasses.dataclass(frozen=True, slots=True, eq=False)
    class Wider:
        index: int
        node: int
        elements: Any
        text: str
        link_chars: int
        sentences: int
        tag: str
        chars: int
        extra: int = 0

    with pytest.raises(TypeError, match="fields"):
        _twin("make_blocks")([(0, "text.", 0)], [None], ["p"], Wider)
    (block,) = _twin("make_blocks")([(0, "text.", 0)], [None], ["p"], segment.Block)
    assert (block.index, block.node, block.text, block.sentences, block.chars) == (
        0,
        0,
        "text.",
        1,
        5,
    )


# Each case: a container (id "list") and the headlines (text, href) its items give.
ITEM_CASES = {
    "ranks taken off the headlines": (
        "<ol id='list'>"
        + "".join(
            f"<li><a href='/r/{n}'><em>{n}</em><span>Story number {n} of the most read</span></a>"
            "</li>"
            for n in (1, 2, 3)
        )
        + "</ol>",
        [(f"Story number {n} of the most read", f"/r/{n}") for n in (1, 2, 3)],
    ),
    "classes hashed, items alike by shape": (
        "<div id='list'>"
        + "".join(
            f"<div class='x{n}a'><a href='/s/{n}'><div>A headline long enough {n}</div></a>"
            f"<div>A blurb.</div></div>"
            for n in (1, 2)
        )
        + "</div>",
        [(f"A headline long enough {n}", f"/s/{n}") for n in (1, 2)],
    ),
    "a card's heading is its headline, the first href its link": (
        "<ul id='list'>"
        + "".join(
            f"<li><a href='/c/{n}' hreflang='x'><h3>長い見出しの文章です{n}</h3>"
            "<p>Blurb text.</p></a></li>"
            for n in (1, 2)
        )
        + "</ul>",
        [(f"長い見出しの文章です{n}", f"/c/{n}") for n in (1, 2)],
    ),
}


@compiled_only
@pytest.mark.parametrize("case", sorted(ITEM_CASES))
def test_items_of_hand_written_groups(case: str) -> None:
    markup, headlines = ITEM_CASES[case]
    root = lxml_html.document_fromstring(f"<html><body>{markup}</body></html>")
    found, expected = _segmentations(root)
    container = found.table.ids.index("list")
    children = found.children(container)
    anchors = [i for i, tag in enumerate(found.tags) if tag == "a"]
    arguments = (frozenset(children), Weights(), anchors, teaser_table._NOT_ITEMS, HEADING_TAGS)
    reference = teaser_table.teaser_items(children, arguments[0], expected, *arguments[1:])
    assert reference == (children, headlines)
    assert _twin("teaser_items")(children, arguments[0], found, *arguments[1:]) == reference
