"""The in-page searches: marked elements (``scan.PageScan``) and the page's own date."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from boilerkit.metadata import extract_metadata
from boilerkit.metadata.dates import page_date
from boilerkit.metadata.scan import PageScan
from boilerkit.page.parse import parse_html


def root_of(body: str, head: str = "") -> lxml_html.HtmlElement:
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>").root


# --- marked elements -------------------------------------------------------------------


def test_byline_marks_match_in_any_case_and_in_page_order() -> None:
    root = root_of(
        '<div class="ArticleByLine">A</div><span id="AUTHOR-box">B</span>'
        '<p data-testid="story-author">C</p><p class="authorship">D</p><p class="x">E</p>'
    )
    assert [e.text for e in PageScan(root).bylines()] == ["A", "B", "C", "D"]


def test_byline_marks_include_rel_and_itemprop_author() -> None:
    root = root_of('<a rel="author" href="/u/1">A</a><span itemprop="author">B</span><b>C</b>')
    assert [e.text for e in PageScan(root).bylines()] == ["A", "B"]
    assert PageScan(root, rel_author=False, itemprop_author=False).bylines() == []


def test_date_marks_are_class_or_id_only() -> None:
    root = root_of('<p class="PostDate">1</p><p id="published">2</p><p data-testid="date">3</p>')
    assert [e.text for e in PageScan(root).dates()] == ["1", "2"]


def test_site_marks_home_links_footer_and_logo() -> None:
    root = root_of(
        '<a href="/">Home</a><div class="site-logo">Logo</div><p>x</p><footer>Foot</footer>'
    )
    assert [e.text for e in PageScan(root).site()] == ["Home", "Logo", "Foot"]


def test_byline_texts_in_page_order_with_tails() -> None:
    root = root_of("<div><b>Posted</b> by Ann Lee</div><p>By Bo Chen</p><p>Bystanders</p>")
    found = [(node.text.strip(), node.is_tail) for node in PageScan(root).byline_texts()]
    assert found == [("by Ann Lee", True), ("By Bo Chen", False)]


def test_long_texts_are_not_byline_texts() -> None:
    root = root_of(f"<p>By {'word ' * 30}</p>")
    assert list(PageScan(root).byline_texts()) == []


# --- the page's own date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # RDFa date property on a visible element
        (
            '<span property="schema:datePublished" content="2021-03-04T10:00:00Z"></span>'
            "<p>Posted 1 May 2020</p>",
            "2021-03-04T10:00:00+00:00",
        ),
        # right under the headline, before the date-marked teaser list
        (
            '<h1>Big news</h1><p>12.11.2021</p>\n<ul><li class="date">4 Nov 2021</li></ul>',
            "2021-11-12",
        ),
        # right above the headline
        ("<p>Jan 18, 2019</p><h1>Future of work</h1><p>Text.</p>", "2019-01-18"),
        # a date-marked element: its text, else its title attribute
        (
            '<div><span class="updated" title="2013-04-04T18:52:11+00:00"></span></div>',
            "2013-04-04T18:52:11+00:00",
        ),
        # the top of the text
        ("<nav>Menu</nav><p>Stand: 08.05.2019, 05:02 Uhr</p>", "2019-05-08"),
    ],
)
def test_page_date_sources(body: str, expected: str) -> None:
    assert page_date(PageScan(root_of(body)), whole_page=True) == expected


def test_the_whole_page_only_when_the_markup_has_no_date() -> None:
    filler = "<p>" + "filler text " * 600 + "</p>"
    root = root_of(
        filler + "<p>Archived on 2 March 2015 by the editors of this page</p><p>3 May 2016</p>"
    )
    assert page_date(PageScan(root), whole_page=False) is None
    # A short text that is a date beats the first date in running text.
    assert page_date(PageScan(root), whole_page=True) == "2016-05-03"
    root = root_of(filler + "<p>Archived on 2 March 2015 by the editors of this page</p>")
    assert page_date(PageScan(root), whole_page=True) == "2015-03-02"


def test_the_page_settles_a_dispute_between_structured_dates() -> None:
    head = (
        '<meta property="article:published_time" content="2022-03-01">'
        '<meta name="date" content="2022-02-27">'
    )
    page = f"<html><head>{head}</head><body><h1>T</h1><p>27.02.2022</p></body></html>"
    assert extract_metadata(parse_html(page).root).date == "2022-02-27"


def test_a_dispute_the_page_cannot_settle_goes_to_the_most_named_day() -> None:
    head = (
        '<meta property="article:published_time" content="2015-12-11">'
        '<script type="application/ld+json">{"@type": "Article", "headline": "h",'
        '"datePublished": "2015-10-15", "dateCreated": "2015-10-15"}</script>'
    )
    page = f"<html><head>{head}</head><body><p>No date here.</p></body></html>"
    assert extract_metadata(parse_html(page).root).date == "2015-10-15"
    one_each = f"<html><head>{head.split('<script')[0]}<meta name='date' content='2015-10-15'>"
    page = one_each + "</head><body><p>No date here.</p></body></html>"
    assert extract_metadata(parse_html(page).root).date == "2015-12-11"
