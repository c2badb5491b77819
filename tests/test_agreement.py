"""The second opinion's judge: theirs is taken only where the page's evidence favours it."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from boilerkit.selection import second_opinion
from boilerkit.selection.agreement import Evidence, evidence, judge
from boilerkit.selection.choose import Selection
from boilerkit.weights import Weights

WEIGHTS = Weights()
SENTENCE = "The council voted on Tuesday to extend the tram line to the northern districts."
ARTICLE = "".join(f"<p>{SENTENCE} Paragraph {i} of the report, in full.</p>" for i in range(8))


def _evidence(markup: str | None, page_links: frozenset[str] = frozenset()) -> Evidence:
    content = lxml_html.fragment_fromstring(markup, create_parent="div") if markup else None
    return evidence(content, WEIGHTS, page_links)


@pytest.mark.parametrize(
    ("ours", "theirs", "listing", "take"),
    [
        (None, ARTICLE, False, True),  # we found nothing
        (ARTICLE[:400], ARTICLE, False, True),  # theirs holds ours and adds paragraphs
        (ARTICLE, ARTICLE[:300], False, False),  # theirs is a part (a teaser, a truncation)
        (ARTICLE, ARTICLE + "<p>Comments are closed.</p>", False, False),  # a stock line
        (
            None,
            "<p>" + "".join(f"<a href='/{i}'>Post {i}</a> " for i in range(30)) + "</p>",
            True,
            False,
        ),
        ("<p>Diese Website verwendet Cookies.</p>", ARTICLE, False, True),  # ours a scrap
        ("<p>" + SENTENCE * 8 + "</p>", "<p>Another block of text, short.</p>", False, False),
    ],
    ids=["nothing", "holds", "part", "stock-line", "navigation", "scrap", "weaker-block"],
)
def test_judge(ours: str | None, theirs: str, listing: bool, take: bool) -> None:
    verdict = judge(_evidence(ours), _evidence(theirs), listing=listing, weights=WEIGHTS)
    assert verdict.take is take, verdict.reason


def test_titles_without_their_links_still_count_as_links() -> None:
    """trafilatura drops the relative links of a page without a URL: the titles come back
    as plain text, which the page's own link texts still tell apart from prose."""
    titles = [f"A post title number {i} about the plot" for i in range(10)]
    theirs = "<p>" + " ".join(titles) + "</p>"
    plain = _evidence(theirs)
    linked = _evidence(theirs, frozenset(titles))
    assert plain.link_chars == 0
    assert linked.link_chars > 0.9 * linked.chars
    verdict = judge(_evidence(None), linked, listing=True, weights=WEIGHTS)
    assert not verdict.take


def _whole_page_selection(markup: str) -> tuple[Selection, lxml_html.HtmlElement]:
    root = lxml_html.document_fromstring(f"<html><body>{markup}</body></html>")
    content = lxml_html.fragment_fromstring(markup, create_parent="div")
    return Selection(content, confidence=0.5), root


def test_not_asked_where_the_page_holds_nothing_beyond_ours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its answer is text of the page: with under ``opinion_min_gain_chars`` beyond ours,
    no branch of the judge could take it, so trafilatura is not run."""
    calls: list[object] = []
    monkeypatch.setattr(second_opinion, "second_opinion", calls.append)
    markup = "<p>One short paragraph, the whole page.</p>"
    selection, root = _whole_page_selection(markup)
    result = second_opinion.ask_second_opinion(
        markup, selection, root, elements=4, listing=False, weights=WEIGHTS, seconds_left=1.0
    )
    assert calls == []
    assert result.content is selection.content
    assert result.notes[-1] == "second opinion: not asked, the page holds nothing beyond ours"
    wider = markup + f"<p>{SENTENCE}</p>"
    _, root = _whole_page_selection(wider)
    second_opinion.ask_second_opinion(
        wider, selection, root, elements=5, listing=False, weights=WEIGHTS, seconds_left=1.0
    )
    assert calls == [wider]


def test_what_it_adds_is_list_items_of_a_menu() -> None:
    """Theirs holds ours and adds a menu and a "more articles" list (their links often
    lost, hence plain items): ours stays. Paragraphs it adds are still taken."""
    items = "".join(f"<li>Another headline of the site, number {i}</li>" for i in range(8))
    ours = f"<p>{SENTENCE}</p>"
    verdict = judge(
        _evidence(ours), _evidence(f"<ul>{items}</ul>{ours}"), listing=False, weights=WEIGHTS
    )
    assert not verdict.take
    assert "list items" in verdict.reason
    more = judge(_evidence(ours), _evidence(ours + ARTICLE), listing=False, weights=WEIGHTS)
    assert more.take


@pytest.mark.parametrize(
    ("markup", "confidence", "asked"),
    [
        (ARTICLE, 0.6, False),  # a whole article holding most of the page's prose value
        (ARTICLE, 0.45, True),  # most of the page's prose is elsewhere
        (f"<p>{SENTENCE}</p>", 0.6, True),  # a scrap: the rest may be elsewhere
    ],
    ids=["whole", "minority", "short"],
)
def test_asked_only_where_it_can_change_the_answer(
    monkeypatch: pytest.MonkeyPatch, markup: str, confidence: float, asked: bool
) -> None:
    """Beside a whole article of ours (``opinion_short_chars`` long, confidence at least
    ``opinion_whole_confidence``) trafilatura's answers did not improve on it, so it is
    not run; a short article of ours, or one holding a minority of the page's prose, is
    still worth its time."""
    calls: list[object] = []
    monkeypatch.setattr(second_opinion, "second_opinion", calls.append)
    page = markup + "".join(f"<p>{SENTENCE} Aside {i}.</p>" for i in range(6))
    root = lxml_html.document_fromstring(f"<html><body>{page}</body></html>")
    content = lxml_html.fragment_fromstring(markup, create_parent="div")
    selection = Selection(content, confidence=confidence)
    result = second_opinion.ask_second_opinion(
        page, selection, root, elements=20, listing=False, weights=WEIGHTS, seconds_left=1.0
    )
    assert (calls == [page]) is asked
    assert ("ours is a whole article" in result.notes[-1]) is not asked
