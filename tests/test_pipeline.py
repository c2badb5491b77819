"""When the pipeline asks trafilatura's second opinion, and what it does with the answer."""

from __future__ import annotations

import html as html_lib
import json

import pytest
from lxml import html as lxml_html

import boilerkit
from boilerkit.selection import second_opinion as fallback
from boilerkit.weights import Weights

TEASER_CARDS = "".join(
    f'<div class="card"><h3><a href="/story-{i}">Story {i} about the council budget vote</a>'
    f"</h3><p>A blurb about story {i}: what happened at the meeting and why it matters.</p>"
    "</div>"
    for i in range(8)
)


def listing_page(og_type: str) -> str:
    return (
        f'<html><head><title>News</title><meta property="og:type" content="{og_type}">'
        f"</head><body><main><h2>Top Stories</h2>{TEASER_CARDS}</main></body></html>"
    )


ARTICLE = (
    "<html><head><title>Budget passes</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Budget passes</h1>"
    + "".join(
        f"<p>Paragraph {i} of the report on the vote, in full sentences, as articles are"
        " written, with enough words to read as prose rather than navigation.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


OPINION_PARAGRAPH = (
    "The second opinion's text, written as an article is written: in full sentences,"
    " long enough to read as prose and not as a line of navigation links."
)
OPINION = "<div>" + f"<p>{OPINION_PARAGRAPH}</p>" * 4 + "</div>"
NAVIGATION = (
    "<div><p>" + " ".join(f"<a href='/p{i}'>Post {i}</a>" for i in range(40)) + "</p></div>"
)


def _canned(monkeypatch: pytest.MonkeyPatch, markup: str) -> list[str]:
    """Make trafilatura's answer ``markup``; record each time it is asked (and whether it
    was given the page as fetched)."""
    asked: list[str] = []

    def answer(source: str) -> lxml_html.HtmlElement:
        asked.append("Top Stories" if "<h2>Top Stories</h2>" in source else source[:40])
        return lxml_html.fragment_fromstring(markup)

    monkeypatch.setattr(fallback, "second_opinion", answer)
    return asked


@pytest.fixture
def canned_opinion(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """trafilatura answers with four paragraphs of prose."""
    return _canned(monkeypatch, OPINION)


def test_declared_article_without_one_asks_the_second_opinion(canned_opinion: list[str]) -> None:
    document = boilerkit.extract(listing_page("article"))
    assert canned_opinion == ["Top Stories"]
    assert document.text == "\n".join([OPINION_PARAGRAPH] * 4)


def test_second_opinion_of_navigation_never_overrules_a_listing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _canned(monkeypatch, NAVIGATION)
    explanation = boilerkit.explain(listing_page("article"))
    assert asked == ["Top Stories"]
    assert explanation.document.text == ""
    assert any("ours kept" in note for note in explanation.notes)


def test_second_opinion_that_is_part_of_ours_is_not_taken() -> None:
    """trafilatura once returned "start words here" for this page (its tree depth limit);
    a truncation of our block must never replace it."""
    page = "<p>start words here " + "<b>" * 1100 + "x" + "</b>" * 1100 + " end words here"
    document = boilerkit.extract(page)
    assert document.text == "start words here x end words here"


def test_second_opinion_is_skipped_without_time_for_it(canned_opinion: list[str]) -> None:
    weights = Weights(opinion_seconds_per_element=1000.0)
    explanation = boilerkit.explain(
        listing_page("article"), options=boilerkit.Options(weights=weights)
    )
    assert canned_opinion == []
    assert any("not enough time left" in note for note in explanation.notes)


def test_undeclared_listing_stays_empty(canned_opinion: list[str]) -> None:
    document = boilerkit.extract(listing_page("website"))
    assert canned_opinion == []
    assert document.text == ""
    assert document.page_type == "listing"
    assert len(document.related) == 8


def test_confident_article_is_not_second_guessed(canned_opinion: list[str]) -> None:
    document = boilerkit.extract(ARTICLE)
    assert canned_opinion == []
    assert document.text.startswith("Paragraph 0 of the report")


def test_fallback_off_never_asks(canned_opinion: list[str]) -> None:
    document = boilerkit.extract(listing_page("article"), fallback=False)
    assert canned_opinion == []
    assert document.text == ""


def test_explain_says_whose_content_it_is(canned_opinion: list[str]) -> None:
    lines = boilerkit.explain(listing_page("article")).lines()
    assert any("second opinion" in line for line in lines)


def test_second_opinion_maps_trafilatura_tags_to_html() -> None:
    content = fallback.second_opinion(ARTICLE)
    assert content is not None
    tags = {element.tag for element in content.iter()}
    assert "p" in tags
    assert not tags & {"head", "hi", "list", "item", "ref"}
    assert "Paragraph 5 of the report" in content.text_content()


def test_no_second_opinion_on_pages_too_large_for_it(
    canned_opinion: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fallback, "SECOND_OPINION_MAX_ELEMENTS", 10)
    explanation = boilerkit.explain(listing_page("article"))
    assert canned_opinion == []
    assert explanation.document.text == ""
    assert any("page too large" in line for line in explanation.lines())


BODY_SENTENCE = (
    "The ferry service to the outer islands resumes on Monday after a month of repairs. "
    "Timetables stay as they were before the harbour wall was damaged in the storm. "
)


def _ld_page(body_markup: str, *bodies: str) -> str:
    scripts = "".join(
        '<script type="application/ld+json">'
        + json.dumps({"@type": "NewsArticle", "headline": "Ferries", "articleBody": body})
        + "</script>"
        for body in bodies
    )
    return f"<html><head><title>Ferries</title>{scripts}</head><body>{body_markup}</body></html>"


def test_javascript_page_takes_its_json_ld_article_body() -> None:
    body = "\n".join([BODY_SENTENCE * 2, BODY_SENTENCE, BODY_SENTENCE * 3])
    page = _ld_page("<div id='app'><p class='caption'>The harbour at dawn.</p></div>", body)
    explanation = boilerkit.explain(page, fallback=False)
    assert explanation.document.text.split("\n") == [
        " ".join((BODY_SENTENCE * 2).split()),
        " ".join(BODY_SENTENCE.split()),
        " ".join((BODY_SENTENCE * 3).split()),
    ]
    assert any("articleBody" in note for note in explanation.notes)


def test_escaped_html_article_body_keeps_its_paragraphs() -> None:
    escaped = html_lib.escape(f"<p>{BODY_SENTENCE * 3}</p><p>Caf&eacute; {BODY_SENTENCE}</p>")
    doc = boilerkit.extract(_ld_page("<div id='app'></div>", escaped), fallback=False)
    assert doc.text.split("\n")[1].startswith("Café The ferry service")


def test_article_in_the_markup_wins_over_its_json_ld_body() -> None:
    markup = f"<article><p>Seen in the markup only. {BODY_SENTENCE * 3}</p></article>"
    doc = boilerkit.extract(_ld_page(markup, BODY_SENTENCE * 4), fallback=False)
    assert "Seen in the markup only." in doc.text


def test_two_article_bodies_say_nothing() -> None:
    page = _ld_page("<div id='app'><p>At dawn.</p></div>", BODY_SENTENCE * 4, "Other " * 200)
    assert "ferry service" not in boilerkit.extract(page, fallback=False).text


ARCHIVE_TITLES = [
    "Spring planting at the allotment",
    "The shed roof, finally fixed",
    "Seed swap at the village hall",
    "Why I stopped using peat",
    "Rhubarb forcing: the results",
    "A new cold frame from old windows",
]


@pytest.mark.parametrize(
    "links",
    [
        "<div>"
        + "".join(f"<a href='/p/{i}.html'>{t}</a><br>" for i, t in enumerate(ARCHIVE_TITLES))
        + "</div>",
        "".join(f"<p><a href='/p/{i}.html'>{t}</a></p>" for i, t in enumerate(ARCHIVE_TITLES)),
        "<table>"
        + "".join(
            f"<tr><td>{i + 1}.3.2019</td><td><a href='/p/{i}.html'>{t}</a></td></tr>"
            for i, t in enumerate(ARCHIVE_TITLES)
        )
        + "</table>",
    ],
    ids=["br", "p", "table"],
)
def test_an_archive_of_bare_links_is_a_listing_and_never_their_navigation(links: str) -> None:
    """trafilatura's answer on such pages is the menu and the titles joined into one line."""
    page = (
        "<html><head><title>Archive</title><meta property='og:type' content='article'></head>"
        "<body><div><a href='/'>Plot Notes</a> | <a href='/about'>About</a></div>"
        f"<div id='main'><h1>Archive</h1>{links}</div></body></html>"
    )
    document = boilerkit.extract(page)
    assert document.text == ""
    assert document.page_type == "listing"
    assert [link.title for link in document.related] == ARCHIVE_TITLES


SHORT_ON_A_LONG_PAGE = (
    "<html><head><title>Council notes</title></head><body><main><article><h1>Council notes"
    "</h1><p>The council met on Tuesday and agreed the new parking rules for the centre,"
    " which take effect in May after a month of consultation.</p></article></main><footer>"
    + "".join(
        f"<p>Footer notice {i}: opening hours, addresses, the terms of use and the privacy"
        " policy of the site, repeated on every page of it.</p>"
        for i in range(40)
    )
    + "</footer></body></html>"
)


def test_second_opinion_runs_trafilatura_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Recall mode in one pass: not balanced mode and its retry on a short answer, nor
    the text of the answer, which we never read (``second_opinion``'s docstring)."""
    import trafilatura.core

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("trafilatura ran work the second opinion does not need")

    monkeypatch.setattr(trafilatura.core, "_recall_retry", forbidden)
    monkeypatch.setattr(trafilatura.core, "xmltotxt", forbidden)
    content = fallback.second_opinion(SHORT_ON_A_LONG_PAGE)
    assert content is not None
    assert "new parking rules" in content.text_content()
