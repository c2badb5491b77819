"""The second opinion's judge: theirs is taken only where the page's evidence favours it."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from boilerkit.selection.agreement import Evidence, evidence, judge
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
