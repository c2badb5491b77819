"""Parity: the compiled plain text (``_plain.plain_lines``) gives what the plain walk gives
(``render_text`` under ``BOILERKIT_PURE=1``), on the fixtures, both corpora, generated
tag soup and every whitespace character ``str.split`` knows."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import html as lxml_html

import boilerkit
from benchmarks.corpora import CORPUS_NAMES
from boilerkit.render.text import render_text
from boilerkit.selection import page_table
from tests.parity import (
    EXAMPLES,
    SLUGS,
    cleaned,
    compiled_only,
    corpus_pages,
    fixture_html,
    tag_soup,
)


def _assert_same_text(tree: lxml_html.HtmlElement | None, label: str) -> None:
    if tree is None:
        return
    assert page_table.compiled("plain_lines") is not None, "_plain is missing: rebuild"
    text = render_text(tree)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOILERKIT_PURE", "1")
        assert render_text(tree) == text, label


def _assert_same_texts(html: bytes | str, label: str) -> None:
    """The whole cleaned page, and the content and comments extraction keeps."""
    _assert_same_text(cleaned(html), label)
    explanation = boilerkit.explain(html, include_comments=True)
    _assert_same_text(explanation.document.content, f"{label} (content)")


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_plain_text_equals_the_walk_on_fixture(slug: str) -> None:
    _assert_same_texts(fixture_html(slug), slug)


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_plain_text_equals_the_walk_on_corpus(name: str) -> None:
    for page in corpus_pages(name):
        _assert_same_texts(page.html, f"{name}/{page.id}")


RENDER_TAGS = (
    "p", "div", "span", "ul", "ol", "li", "h2", "blockquote", "br", "hr", "pre", "code",
    "table", "tr", "td", "th", "caption", "b", "a", "script", "section", "dl", "dd",
)  # fmt: skip
RENDER_TEXTS = (" ", "\n ", "word", " two words ", "a\u00a0b", "\u2003x\u3000", "z\u200by", "")


@compiled_only
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tag_soup(RENDER_TAGS, ("", ' class="x"', ' start="3"', ' value="2"'), RENDER_TEXTS))
def test_plain_text_equals_the_walk_on_tag_soup(markup: str) -> None:
    _assert_same_text(cleaned(f"<html><body>{markup}</body></html>"), markup)


@compiled_only
def test_whitespace_is_what_str_split_takes_for_it() -> None:
    """Every character up to U+3100 between two letters: collapsed exactly where
    ``str.split`` splits (the compiled twin reads UTF-8 bytes, not characters)."""
    root = lxml_html.fromstring("<div></div>")
    for code in range(0x20, 0x3100):
        if not 0xD800 <= code <= 0xDFFF:
            lxml_html.etree.SubElement(root, "p").text = f" a{chr(code)}{chr(code)}b "
    _assert_same_text(root, "whitespace")
    assert render_text(root).split("\n")[0] == "a b"  # U+0020


@compiled_only
def test_lists_breaks_and_rules_in_plain_text() -> None:
    """The structures the compiled twin walks itself, with their expected text."""
    root = lxml_html.fromstring(
        "<div><p>One<br>two <b>bold</b></p><ul><li>first<p>more</p></li><li><ol><li>deep"
        "</li></ol></li></ul><hr><li>stray item</li>tail<pre> code\n  block</pre>"
        "<p>inline <code>x  =  1</code> end</p></div>"
    )
    _assert_same_text(root, "structures")
    assert render_text(root).split("\n") == [
        "One",
        "two bold",
        "- first",
        "more",
        "- deep",
        "- stray item",
        "tail",
        "code",
        "block",
        "inline x = 1 end",
    ]


@compiled_only
def test_tables_in_plain_text() -> None:
    """A data table is one line a row, a cell's blocks and breaks spaces in its line; a
    layout table is walked like nested blocks."""
    root = lxml_html.fromstring(
        "<div><table><caption>Prices <b>2024</b></caption><tr><th>Item</th><th>Cost</th></tr>"
        "<tr><td><p>red</p><p>apple</p></td><td>1<br>EUR</td></tr>"
        "<tr><td colspan='2'><ul><li>both</li></ul></td></tr><tr><td> </td><td></td></tr>"
        "</table><table><tr><td><p>Layout paragraph one.</p></td></tr></table></div>"
    )
    _assert_same_text(root, "tables")
    assert render_text(root).split("\n") == [
        "Prices 2024",
        "Item Cost",
        "red apple 1 EUR",
        "both",
        "Layout paragraph one.",
    ]
