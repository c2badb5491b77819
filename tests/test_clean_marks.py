"""Parity: the compiled walk that finds what clean looks at (``_passes.clean_marks``)
equals its reference (``clean.reference_marks``), and cleaning gives the same tree either
way, on the fixtures, both corpora and generated pages."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from lxml import html as lxml_html

from benchmarks.corpora import CORPUS_NAMES
from boilerkit.encoding.decode import decode_html
from boilerkit.page import clean
from boilerkit.page.parse import parse_html
from boilerkit.selection import page_table
from tests.parity import (
    EXAMPLES,
    SLUGS,
    compiled_only,
    corpus_pages,
    fixture_html,
    tag_soup,
)


def _assert_same_marks(root: lxml_html.HtmlElement, label: str) -> None:
    walk = page_table.compiled("clean_marks")
    assert walk is not None, "_passes.clean_marks is missing: rebuild"
    expected = clean.reference_marks(root)
    found = clean.Marks(*walk(root, clean.INVISIBLE_TAGS, clean.VOID_TAGS))
    for name in clean.Marks.__slots__:
        want, got = getattr(expected, name), getattr(found, name)
        if isinstance(want, bool):
            assert got is want, f"{label}: {name}"
        else:  # the same proxies, in the same order
            assert [id(e) for e in got] == [id(e) for e in want], f"{label}: {name}"


def _assert_same_cleaning(text: str, label: str, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled_root, pure_root = parse_html(text).root, parse_html(text).root
    _assert_same_marks(compiled_root, label)
    clean.clean_tree(compiled_root)
    with monkeypatch.context() as patch:
        patch.setenv("BOILERKIT_PURE", "1")
        clean.clean_tree(pure_root)
    assert etree.tostring(compiled_root) == etree.tostring(pure_root), label


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_clean_marks_and_cleaning_equal_reference_on_fixture(
    slug: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = fixture_html(slug)
    _assert_same_cleaning(decode_html(html).text, slug, monkeypatch)


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_clean_marks_and_cleaning_equal_reference_on_corpus(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for page in corpus_pages(name):
        _assert_same_cleaning(decode_html(page.html).text, f"{name}/{page.id}", monkeypatch)


def test_reference_marks_skip_what_invisible_elements_hold() -> None:
    root = parse_html(
        "<html><head><title>t</title></head><body style='x'>"
        "<div hidden><a href='#'>¶</a><cite>c</cite></div><input type=hidden><p>x</p>"
        "<object><span style='a'>in</span><noscript>n</noscript></object>"
        "<img alt='x^2' class='tex'><p class='mw-editsection'>e</p></body></html>"
    ).root
    marks = clean.reference_marks(root)
    assert marks.has_invisible and marks.has_void
    assert [e.tag for e in marks.hiding] == ["body", "div"]  # not the input, not in object
    assert [e.tag for e in marks.anchors] == ["a"] and [e.tag for e in marks.cites] == ["cite"]
    assert marks.noscripts == [] and marks.maths == []
    assert [e.tag for e in marks.formula_images] == ["img"]
    assert [e.tag for e in marks.chrome] == ["p"]


def test_a_formula_in_a_link_may_make_it_a_permalink() -> None:
    root = parse_html("<html><body><p>x<a href='#s'><img alt='#' class='tex'></a></p></body>")
    marks = clean.reference_marks(root.root)
    assert [e.tag for e in marks.anchors] == ["a"]
    clean.clean_tree(root.root)
    assert root.root.find(".//a") is None  # became "#", a permalink symbol: dropped


# -- generated pages ------------------------------------------------------------------------

_TAGS = ("div", "p", "a", "cite", "blockquote", "noscript", "script", "math", "img", "input")
_TAGS += ("span", "object", "select", "head", "br", "annotation")
_WORDS = ("word", "¶", " # ", "§", "\u00a0¶", "🔗", "", "tom wrote:", "x" * 1001, "&amp;")
_ATTRS = ("", " class='edit-link'", " class='back'", " style='display:none'", " hidden")
_ATTRS += (" aria-hidden='true'", " type=hidden", " alt='x' class='tex'", " class='quote'")
_ATTRS += (" href='#a'", " alt='#'", " display='block'", " style='color: red'")


_HTML = tag_soup(_TAGS, _ATTRS, _WORDS)


@compiled_only
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(body=_HTML)
def test_clean_marks_and_cleaning_equal_reference_on_generated_pages(
    body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_same_cleaning(f"<html><body>{body}</body></html>", "generated", monkeypatch)


@compiled_only
def test_markup_after_the_html_end_tag_is_cleaned_either_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = "<html><body><p>x</p></body></html><div hidden><a class=backlink>y</a></div>"
    compiled_root, pure_root = parse_html(page).root, parse_html(page).root
    clean.clean_tree(compiled_root)
    with monkeypatch.context() as patch:
        patch.setenv("BOILERKIT_PURE", "1")
        clean.clean_tree(pure_root)
    assert compiled_root.xpath("count(//*)") == pure_root.xpath("count(//*)") == 4
