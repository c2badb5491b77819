"""Clean stage, loose runs: text beside blocks or between ``<br><br>`` gets a paragraph.

Each test builds a tiny old-style page and checks the tree after ``clean_tree``: which runs
became ``<p>``, and that no text was lost, moved or duplicated.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from boilerkit.page.clean import clean_tree


def _cleaned(body: str) -> lxml_html.HtmlElement:
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    return clean_tree(root)


def _words(root: lxml_html.HtmlElement) -> list[str]:
    return root.text_content().split()


def _paragraphs(root: lxml_html.HtmlElement) -> list[str]:
    return [" ".join(" ".join(p.itertext()).split()) for p in root.iter("p")]


def test_br_chains_split_a_font_into_paragraphs() -> None:
    root = _cleaned(
        "<td><font>First paragraph.<br><br>Second one,<br>with a line break."
        "<br> <br>&nbsp;<br>Third.</font></td>"
    )
    assert _paragraphs(root) == ["First paragraph.", "Second one, with a line break.", "Third."]
    assert [p.find("br") is not None for p in root.iter("p")] == [False, True, False]


def test_loose_text_beside_blocks_gets_its_own_paragraph() -> None:
    root = _cleaned(
        "<a href='/'>Home</a> | <a href='/e'>Essays</a><hr><h1>Title</h1>Loose first "
        "paragraph.<p>Unclosed paragraph.<blockquote>Quoted.</blockquote>After the quote."
        "<hr>Last modified: 1998"
    )
    assert _paragraphs(root) == [
        "Home | Essays",
        "Loose first paragraph.",
        "Unclosed paragraph.",
        "After the quote.",
        "Last modified: 1998",
    ]


def test_text_is_kept_in_order() -> None:
    body = (
        "Intro <b>bold</b> text<br><br><font>font run<br><br>second <i>run</i></font>"
        "<center>centred</center>tail <a href='x'>link</a><br><br>end"
    )
    before = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    assert _words(_cleaned(body)) == _words(before)


@pytest.mark.parametrize(
    "body",
    [
        "<div>One line<br>another line</div>",  # a single <br> is a line break
        "<p>One<br><br>two</p>",  # no paragraph inside a paragraph
        "<h2>Title<br><br>subtitle</h2>",
        "<ul><li>item<br><br>more</li></ul>",  # an item's text is the item
        "<div>only text<br><br></div>",  # one run: nothing to split
    ],
)
def test_runs_that_stay_as_they_are(body: str) -> None:
    root = _cleaned(body)
    before = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    assert len(list(root.iter("p"))) == len(list(before.iter("p")))


def test_a_font_whose_runs_became_paragraphs_is_a_block_to_its_parent() -> None:
    root = _cleaned(
        "<table><tr><td><font>Home &gt; Articles</font><br><br>"
        "<font>First paragraph.<br><br>Second paragraph.</font><br><br>"
        "<font><i>Text &copy; the Society</i></font></td></tr></table>"
    )
    assert _paragraphs(root) == [
        "Home > Articles",
        "First paragraph.",
        "Second paragraph.",
        "Text © the Society",
    ]
    assert not any(p.find(".//p") is not None for p in root.iter("p"))  # none nested
    assert root.find(".//td/br") is None  # the chains between runs are gone
