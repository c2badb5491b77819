"""Segmentation's compiled twins (``_teasers.pyx``) against their references:
``segment.make_blocks`` and ``segment.sentences``, on every fixture, on both development
corpora and on generated text.

Skipped when the extension is not built; ``BOILERKIT_REQUIRE_COMPILED=1`` (CI) fails then.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from benchmarks.corpora import CORPUS_NAMES, available, load_corpus
from boilerkit.selection import page_table, segment
from boilerkit.selection.page_table import reference_table
from boilerkit.weights import SENTENCE_END
from tests.parity import EXAMPLES, FIXTURES, SLUGS, cleaned, compiled_only

TWINS = ("make_blocks", "sentences")


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
    return [
        (b.index, b.node, b.text, b.link_chars, b.sentences, b.tag, b.chars)
        for b in segmentation.blocks
    ]


def _assert_same(root: lxml_html.HtmlElement, label: str) -> None:
    found, expected = _segmentations(root)
    assert _blocks(found) == _blocks(expected), f"{label}: blocks differ"
    assert all(block.elements is found.elements for block in found.blocks)
    table = reference_table(root)
    rows = segment.make_blocks(table.blocks, table.elements, table.tags, segment.Block)
    assert [b.sentences for b in rows] == [segment.sentences(t) for _, t, _ in table.blocks]


@compiled_only
def test_the_twins_are_built_when_ci_requires_it() -> None:
    for name in TWINS:
        _twin(name)


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_twins_equal_the_reference_on_fixture(slug: str) -> None:
    _assert_same(cleaned((FIXTURES / slug / "source.html").read_bytes()), slug)


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_twins_equal_the_reference_on_corpus(name: str) -> None:
    if not available(name):
        pytest.skip(f"corpus {name} not found")
    for page in load_corpus(name).pages:
        _assert_same(cleaned(page.html), f"{name}/{page.id}")


# -- sentences and weighted lengths, character by character ----------------------------------

_MARKS = ".!?\u061f\u0964\u06d4\u1362\u3002\uff01\uff1f"
_AFTER = " \t\n\u00a0\u3000\u2028\"'\u201d\u2019\u00bbx5.\u3002\uff01\uff1f\u201c"


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
def test_sentences_on_generated_text(text: str) -> None:
    assert _twin("sentences")(text) == segment.sentences(text)
