"""Plain text: one block per line, list items as "- ", tables one line per row."""

from __future__ import annotations

import copy

import pytest
from lxml import etree
from lxml import html as lxml_html

from boilerkit import Options
from boilerkit.render import render_text


def tree(markup: str) -> lxml_html.HtmlElement:
    return lxml_html.fragment_fromstring(markup, create_parent="div")


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>One  para\n graph.</p><p>Two</p>", "One para graph.\nTwo"),
        ("<h2>Head</h2>text after<div>in div</div>tail", "Head\ntext after\nin div\ntail"),
        ("<p>a<br>b<br><br>c</p>", "a\nb\nc"),
        ("<ul><li>one</li><li>two <b>bold</b></li></ul>", "- one\n- two bold"),
        ("<ol><li><p>first</p><p>more</p></li></ol>", "- first\nmore"),
        ("<ul><li>a<ul><li>a.1</li></ul>after</li></ul>", "- a\n- a.1\nafter"),
        ("<li>stray item</li>", "- stray item"),
        ("<p>x<script>var a;</script>y<style>p{}</style>z</p>", "xyz"),
        ("<p>un<b>believ</b>able <i>words</i></p>", "unbelievable words"),
        ("<blockquote><p>quoted</p></blockquote>", "quoted"),
        ("<pre>def f():\n    return 1\n\n</pre>", "def f():\nreturn 1"),
        ("<p>a<code> x = 1 </code>b</p>", "a x = 1 b"),
        ("<p>&nbsp;</p><p>\u00a0 real \u00a0</p><hr>", "real"),
        ("<p>A<!-- a comment -->B</p>", "AB"),
        ("<p><img src='x.png' alt='alt text'></p><p>after</p>", "after"),
    ],
)
def test_blocks(markup: str, expected: str) -> None:
    assert render_text(tree(markup)) == expected


def test_data_table_is_one_line_per_row() -> None:
    table = tree(
        "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr>"
        "<tr><td colspan=2>total</td></tr></table>"
    )
    assert render_text(table) == "Name Age\nAnn 31\ntotal"
    assert render_text(table, Options(include_tables=False)) == ""


def test_layout_table_is_read_as_blocks() -> None:
    prose = "A long paragraph of prose that fills a layout cell. " * 10
    page = tree(f"<table><tr><td>nav</td><td><p>{prose}</p><p>Second.</p></td></tr></table>")
    lines = render_text(page).splitlines()
    assert lines == ["nav", prose.strip(), "Second."]
    # Layout tables hold the article: include_tables=False must not drop them.
    assert render_text(page, Options(include_tables=False)) == render_text(page)


def test_none_and_empty() -> None:
    assert render_text(None) == ""
    assert render_text(tree("<div> \n </div>")) == ""


def test_never_mutates_the_tree() -> None:
    content = tree("<p>a <a href='/x'>b</a></p><table><tr><td>1</td><td>2</td></tr></table>")
    before = etree.tostring(copy.deepcopy(content))
    for options in (Options(), Options(include_links=True, include_formatting=True)):
        assert render_text(content, options).startswith("a b")
    assert etree.tostring(content) == before


def test_deep_nesting_does_not_recurse() -> None:
    content = leaf = lxml_html.Element("div")
    for _ in range(5000):  # deeper than Python's recursion limit
        leaf = etree.SubElement(leaf, "div")
    leaf.text = "deep"
    assert render_text(content) == "deep"
