"""The coarse path's compiled twins (``_coarse.pyx``) against their reference in
``selection/coarse.py``: the text (the XSLT pass and string passes), the furniture search,
the text check and the element count, on fixtures, hand-written edge cases, generated
trees and pages past ``LARGE_PAGE_ELEMENTS``.

Skipped when the extension is not built; ``BOILERKIT_REQUIRE_COMPILED=1`` (CI) fails then.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from lxml import html as lxml_html

import boilerkit
from boilerkit.encoding.decode import decode_html
from boilerkit.page.parse import parse_html
from boilerkit.selection import coarse, page_table
from tests.parity import EXAMPLES, SLUGS, cleaned, compiled_only, fixture_html, tag_soup

TWINS = ("coarse_text", "furniture", "has_text", "count_elements")


def _twin(name: str) -> Any:
    twin = page_table.compiled(name)
    assert twin is not None, f"_coarse.{name} is missing: rebuild"
    return twin


def _assert_same_text(element: lxml_html.HtmlElement, label: str) -> None:
    expected = coarse.reference_coarse_text(element)
    found = _twin("coarse_text")(element, coarse._KINDS)
    if found is not None:  # None: the twin declined, the reference writes it
        assert found == expected, f"{label}: <{element.tag}> differs"


def _assert_same_content(root: lxml_html.HtmlElement, label: str) -> None:
    """``coarse_content`` leaves the same tree (or none) either way, and the text of what
    it leaves is the same."""
    assert _twin("count_elements")(root) == int(coarse._COUNT(root)), label
    pure, twin = copy.deepcopy(root), copy.deepcopy(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOILERKIT_PURE", "1")
        expected = coarse.coarse_content(pure)
    found = coarse.coarse_content(twin)
    assert (found is None) == (expected is None), label
    if found is not None and expected is not None:
        assert etree.tostring(found) == etree.tostring(expected), label
        _assert_same_text(found, label)


@compiled_only
def test_the_twins_are_built_when_ci_requires_it() -> None:
    for name in TWINS:
        _twin(name)


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_twins_equal_the_reference_on_fixture(slug: str) -> None:
    html = fixture_html(slug)
    raw = parse_html(decode_html(html, None).text, None).root
    for root, label in ((raw, f"{slug} raw"), (cleaned(html), f"{slug} cleaned")):
        for element in root.iter(etree.Element):
            _assert_same_text(element, label)
        _assert_same_content(root, label)


# Each case: a body, and its coarse text (hand-checked against the reference).
EDGE_CASES = {
    "empty items are dropped, nested ones too": (
        "<ul><li>one</li><li> </li><li><ul><li>\n</li></ul></li><li>two</li></ul>",
        "- one\n- two",
    ),
    "an item whose text starts in a paragraph": (
        "<ol><li><p>first</p><p>second</p></li></ol>",
        "- first\nsecond",
    ),
    "soft hyphens vanish, an item of soft hyphens is empty": (
        "<p>hy\xadphen</p><ul><li>\xad</li></ul>",
        "hyphen",
    ),
    "cells joined by a space, rows on lines": (
        "<table><tr><td>a</td><th> b </th></tr><tr><td>c\nd</td></tr></table>",
        "a b\nc d",
    ),
    "code keeps its lines; an item's code gets the dash": (
        "<p>x</p><pre>  one\n   <b>two</b>\n\n three</pre><ul><li><pre>in item</pre></li></ul>",
        "x\none\ntwo\nthree\n- in item",
    ),
    "line breaks and non-breaking spaces": (
        "<div>a\u00a0 b<br>c<span>d</span></div>",
        "a b\ncd",
    ),
    "items nested past the passes keep a dash for the next line": (
        "<ul>" + "<li><ul>" * 9 + "<li> </li>" + "</ul></li>" * 9 + "</ul><p>after</p>",
        "- after",
    ),
}


@compiled_only
@pytest.mark.parametrize("case", sorted(EDGE_CASES))
def test_edge_cases_give_the_same_text_either_way(case: str) -> None:
    body_html, expected = EDGE_CASES[case]
    root = lxml_html.document_fromstring(f"<html><body>{body_html}</body></html>")
    body = root.find("body")
    assert body is not None
    assert coarse.reference_coarse_text(body) == expected
    assert _twin("coarse_text")(body, coarse._KINDS) == expected


@compiled_only
def test_the_twin_declines_text_holding_a_marker() -> None:
    """Page text with one of the stylesheet's marker characters: the reference's call."""
    body = lxml_html.fragment_fromstring(f"<div><p>a{coarse._LINE}b</p></div>")
    assert _twin("coarse_text")(body, coarse._KINDS) is None
    assert coarse.coarse_text(body) == coarse.reference_coarse_text(body)


# -- generated trees ------------------------------------------------------------------------

_TAGS = ("div", "p", "span", "li", "ul", "td", "th", "tr", "pre", "xmp", "br", "h1", "b")
_TAGS += ("nav", "footer", "article", "aside", "form", "script", "button", "section")
_WORDS = ("word", "Ünïcode", "中文字", " ", "\u00a0", "\t\n", "end. ", "", "x\xady", "\xad")
_WORDS += ("\u3000", "a\n b", "😀", "&amp;")
_ATTRS = ("", " role='navigation'", " role='main'", " role='banner'", " class='c'")


_HTML = tag_soup(_TAGS, _ATTRS, _WORDS, max_depth=6, attributes_per_tag=1, comments=True)


@compiled_only
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_HTML)
def test_twins_equal_the_reference_on_generated_trees(body: str) -> None:
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    for element in root.iter(etree.Element):
        _assert_same_text(element, "generated")
    _assert_same_content(root, "generated")
    etree.strip_tags(root, "b", "span")  # lxml merges the text around stripped tags
    _assert_same_text(root, "generated, stripped")


# -- pages past the threshold ------------------------------------------------------------------


def _rows(count: int, row: str) -> str:
    return "".join(row.format(i=i) for i in range(count))


LARGE_PAGES = {
    "lists": _rows(25_000, "<li>item {i}</li><li> </li><li><ul><li></li></ul></li>"),
    "tables": _rows(25_000, "<tr><td>a{i}</td><th> b </th><td><p>c\n d</p></td></tr>"),
    "code": _rows(20_000, "<p>p{i}</p><pre>  code {i}\n  <b>b</b>\n</pre><li><pre>c</pre></li>"),
    "furniture": _rows(
        20_000,
        "<p>hy\xadphen{i}</p><div role=navigation><a href=#>n</a></div><footer>f</footer>"
        "<article><footer>by {i}</footer></article><script>s</script>",
    ),
}


@compiled_only
@pytest.mark.parametrize("name", sorted(LARGE_PAGES))
def test_extract_of_a_large_page_is_identical_compiled_or_pure(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = f"<html><body><nav>menu</nav>{LARGE_PAGES[name]}</body></html>"
    assert coarse.is_large(parse_html(html, None).root, len(html))
    compiled_text = boilerkit.extract(html, time_budget=None).to_json()
    monkeypatch.setenv("BOILERKIT_PURE", "1")
    assert boilerkit.extract(html, time_budget=None).to_json() == compiled_text
