"""Parity: the compiled walk over ``<body>``'s attributes (``_passes.body_attributes``)
equals its reference (``scan.reference_body_attributes``), and ``PageScan`` finds the same
elements and values with it as with its XPaths, on the fixtures, both corpora and
generated pages."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from benchmarks.corpora import CORPUS_NAMES
from boilerkit.encoding.decode import decode_html
from boilerkit.metadata import scan
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


def _searches(found: scan.PageScan) -> tuple[object, ...]:
    values = [found._attribute_values(name) for name in ("class", "id", "data-testid")]
    return found.bylines(), found.dates(), found.site(), values


def _assert_same(text: str, label: str, monkeypatch: pytest.MonkeyPatch) -> None:
    root = parse_html(text).root
    walk = page_table.compiled("body_attributes")
    assert walk is not None, "_passes.body_attributes is missing: rebuild"
    values, owners, elements = walk(root, scan.INDEXED)
    expected_values, expected_owners = scan.reference_body_attributes(root)
    assert values == expected_values, label
    assert [[elements[i] for i in found] for found in owners] == expected_owners, label
    compiled = _searches(scan.PageScan(root))
    with monkeypatch.context() as patch:
        patch.setenv("BOILERKIT_PURE", "1")
        assert _searches(scan.PageScan(root)) == compiled, label


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_body_attributes_equal_reference_on_fixture(
    slug: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = fixture_html(slug)
    _assert_same(decode_html(html).text, slug, monkeypatch)


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_body_attributes_equal_reference_on_corpus(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for page in corpus_pages(name):
        _assert_same(decode_html(page.html).text, f"{name}/{page.id}", monkeypatch)


def test_the_index_finds_words_within_one_value_only() -> None:
    index = scan.BodyAttributes(
        [["by", "line", "Byline x"], [], [], ["author", "authors"], []],
        [[0, 1, 1], [], [], [0, 2], []],
        ["e0", "e1", "e2"],
    )
    assert index.joined("class") == "by\nline\nByline x"
    assert index.having("class", {"byline"}) == set()  # "by\nline" is no match
    assert index.having("class", {"Byline", "line"}) == {1}
    assert index.equal("rel", "author") == {0}
    assert index.elements({2, 0}) == ["e0", "e2"]


_TAGS = ("div", "p", "span", "a", "body", "time", "header", "footer", "img")
_ATTRS = ("", " class='byline'", " class='Author-name x'", " id='post-date'", " rel=author")
_ATTRS += (" itemprop='author'", " data-testid='AuthorLine'", " class='PUBLISHED'")
_ATTRS += (" rel='author home'", " class=''", " id='logo'", " href='/'", " rel=home", " alt=''")
_ATTRS += (" class='brand copyright'", " id='Logo'", " class='\u24b6uthor \u017ftamp'")


_HTML = tag_soup(_TAGS, _ATTRS, ("By Jane", "x", " ", "İ"), max_depth=4, tails=False)


@compiled_only
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(head=_HTML, body=_HTML)
def test_body_attributes_equal_reference_on_generated_pages(
    head: str, body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = f"<html><head></head>{head}<body class='Byline'>{body}</body></html>"
    _assert_same(page, "generated", monkeypatch)


@compiled_only
def test_markup_after_the_html_end_tag_is_searched_either_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = "<html><body class=copyright><p>x</p></body></html><a class=copyright>y</a>"
    _assert_same(page, "after </html>", monkeypatch)
    assert [e.tag for e in scan.PageScan(parse_html(page).root).site()] == ["body", "a"]
