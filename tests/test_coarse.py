"""Coarse selection: pages past ``LARGE_PAGE_ELEMENTS`` keep their body minus furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

import boilerkit
from boilerkit.page.clean import clean_tree
from boilerkit.page.parse import parse_html
from boilerkit.render.text import render_text
from boilerkit.selection import coarse

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PAGE = """<html><head><title>Server log</title></head><body>
<header role="banner"><a href="/">Logs home</a></header>
<nav><ul><li><a href="/a">Archive</a></li><li><a href="/b">About</a></li></ul></nav>
<main>
  <h1>Build log, 3 March</h1>
  <p>First   line of the
     log.</p>
  <div role="navigation"><a href="/prev">Previous log</a></div>
  <ol><li>step one</li><li><p>step two</p><p>still step two</p></li><li></li></ol>
  <table><tr><td>exit</td><td>0</td></tr></table>
  <pre>  indented
    code line</pre>
  <p>after<br>the break</p>
  <article><p>An entry.</p><footer>Entry by Jo Smith</footer></article>
</main>
<aside>Sponsored: buy a server</aside>
<form><p>Search the logs</p></form>
<footer>© Logs Inc.</footer>
</body></html>"""

EXPECTED = """Build log, 3 March
First line of the log.
- step one
- step two
still step two
exit 0
indented
code line
after
the break
An entry.
Entry by Jo Smith"""


@pytest.fixture
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send hand-written pages through the coarse path (real ones have 100,000+ elements)."""
    monkeypatch.setattr(coarse, "LARGE_PAGE_ELEMENTS", 10)
    monkeypatch.setattr(coarse, "_MIN_CHARS_PER_ELEMENT", 0)


@pytest.mark.usefixtures("small_threshold")
def test_coarse_page_keeps_body_text_without_furniture() -> None:
    document = boilerkit.extract(PAGE)
    assert document.text == EXPECTED
    assert document.title == "Server log"


@pytest.mark.usefixtures("small_threshold")
def test_explain_says_no_block_was_scored() -> None:
    explanation = boilerkit.explain(PAGE)
    assert explanation.verdicts == ()
    assert any("coarse selection" in note for note in explanation.notes)


@pytest.mark.usefixtures("small_threshold")
def test_markdown_of_a_coarse_page_has_the_same_words() -> None:
    document = boilerkit.extract(PAGE)
    markdown = boilerkit.render_document(document, "markdown")
    assert "[Archive]" not in markdown and "Sponsored" not in markdown
    assert _words(markdown) == _words(document.text)


def _words(text: str) -> list[str]:
    stripped = (word.strip("#-*`0123456789.|\\") for word in text.split())
    return [word for word in stripped if word]


def test_small_pages_are_not_counted() -> None:
    page = parse_html(PAGE)
    assert coarse.is_large(page.root, len(PAGE)) == 0


def test_a_page_past_the_threshold_is_coarse() -> None:
    count = coarse.LARGE_PAGE_ELEMENTS + 10
    html = "<html><body><nav>Menu</nav>" + "<p>row</p>" * count + "</body></html>"
    explanation = boilerkit.explain(html, time_budget=None)
    assert any("coarse selection" in note for note in explanation.notes)
    lines = explanation.document.text.split("\n")
    assert lines == ["row"] * count


@pytest.mark.parametrize(
    "slug", sorted(path.name for path in FIXTURES.iterdir() if (path / "source.html").exists())
)
def test_coarse_text_has_the_text_renderers_words(slug: str) -> None:
    """On whole fixture bodies, the XSLT text has the walk's words (list-item dashes in
    table cells aside, which the walk flattens)."""
    page = parse_html(boilerkit.decode_html((FIXTURES / slug / "source.html").read_bytes()).text)
    clean_tree(page.root)
    body = page.root.find("body")
    assert body is not None
    walked = [word for word in render_text(body).split() if word != "-"]
    written = [word for word in coarse.coarse_text(body).split() if word != "-"]
    assert written == walked


def test_furniture_listed_by_tag_and_by_role_is_dropped_once() -> None:
    """``<nav role="navigation">`` is found by its tag and by its role: dropping it twice
    failed the select stage on every such page past the threshold."""
    count = coarse.LARGE_PAGE_ELEMENTS + 10
    html = (
        '<html><body><nav role="navigation">Menu</nav><footer role="contentinfo">(c)</footer>'
        + "<p>row</p>" * count
        + "</body></html>"
    )
    document = boilerkit.extract(html, time_budget=None)
    assert document.text.split("\n") == ["row"] * count
