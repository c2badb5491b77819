"""Whose content to keep when trafilatura's second opinion disagrees with our selection.

The second opinion is asked only where we are unsure, and it is not always right there:
on pages nobody tuned for it returned a teaser ("… mehr") in place of a whole article, a
truncated paragraph, or a page's navigation joined into one line. So its answer is a
*candidate*, weighed against ours by what the page's text says about each:

- **overlap**: when theirs holds ours and adds a paragraph's worth to it, it found the rest
  of the article (a stock line such as "Comments are closed." is not worth the change);
  when ours holds theirs, theirs is a part (a teaser, a truncation) and ours stays;
- **prose mass**: between two different blocks, the one with more sentence-shaped text
  is the article, and a candidate made mostly of links is navigation, never an article;
- **listings**: where we found a list of teasers and no article, theirs must itself be
  prose to overrule that verdict.

``judge`` returns the verdict with the reason, which the explain view shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

from ..weights import SENTENCE_END, Weights

_WORD = re.compile(r"\w+")
_LINE_TAGS = ("p", "li", "td", "th", "dd", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a candidate's text says about it."""

    chars: int
    """Its characters, whitespace collapsed."""
    prose_chars: int
    """Characters in its prose lines: long enough and ending a sentence."""
    link_chars: int
    """Characters of link text."""
    item_chars: int
    """Characters in list items."""
    shingles: frozenset[tuple[str, ...]]
    """Its word 4-grams (lower case), to measure how much two candidates share."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether to take the second opinion, and why."""

    take: bool
    reason: str


def evidence(
    content: lxml_html.HtmlElement | None,
    weights: Weights,
    page_links: frozenset[str] = frozenset(),
) -> Evidence:
    """The evidence of one candidate (all zero for no candidate).

    Its link text is what its own ``a`` elements hold or, when more, what it holds of the
    page's headline-length link texts (``page_links``): trafilatura drops the relative
    links of a page without a URL, and an archive's titles come back as plain text.
    """
    if content is None:
        return Evidence(0, 0, 0, 0, frozenset())
    text = " ".join(content.text_content().split())
    link_chars = sum(len(" ".join(a.text_content().split())) for a in content.iter("a"))
    if page_links:
        link_chars = max(link_chars, min(len(text), sum(len(t) for t in page_links if t in text)))
    items = sum(len(" ".join(li.text_content().split())) for li in content.iter("li"))
    prose = _prose_chars(content, weights)
    return Evidence(len(text), prose, link_chars, items, _shingles(text))


def page_link_texts(root: lxml_html.HtmlElement, weights: Weights) -> frozenset[str]:
    """The page's link texts long enough to be headlines (at most ``opinion_page_links``
    of them), whitespace collapsed."""
    found: set[str] = set()
    for anchor in root.iter("a"):
        text = " ".join(anchor.text_content().split())
        if len(text) >= weights.teaser_headline_min_chars:
            found.add(text)
            if len(found) >= weights.opinion_page_links:
                break
    return frozenset(found)


def _prose_chars(content: lxml_html.HtmlElement, weights: Weights) -> int:
    """Characters in the lines of ``content`` that read as prose: at least
    ``opinion_prose_line_chars`` long and with a sentence end. A line is the text of a
    paragraph-like element; a bare ``div`` counts its own text only."""
    total = 0
    for element in content.iter(*_LINE_TAGS, "div"):
        if element.tag == "div":
            parts = [element.text or ""] + [child.tail or "" for child in element]
            line = " ".join(" ".join(parts).split())
        else:
            line = " ".join(element.text_content().split())
        if len(line) >= weights.opinion_prose_line_chars and SENTENCE_END.search(line):
            total += len(line)
    return total


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < 4:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + 4]) for i in range(len(words) - 3))


def judge(ours: Evidence, theirs: Evidence, *, listing: bool, weights: Weights) -> Verdict:
    """Take the second opinion only where the page's evidence favours it over ours."""
    if theirs.chars == 0:
        return Verdict(False, "it found nothing")
    if ours.chars == 0 and not listing:
        return Verdict(True, "we found nothing")  # an empty result is the worst answer
    if theirs.link_chars > weights.opinion_max_link_density * theirs.chars:
        return Verdict(False, f"{theirs.link_chars}/{theirs.chars} of its chars are links")
    if ours.chars == 0:  # a listing
        linked = theirs.link_chars > weights.opinion_listing_max_link_density * theirs.chars
        if theirs.prose_chars < weights.opinion_listing_min_prose and linked:
            return Verdict(False, f"a listing, and its {theirs.prose_chars} prose chars no article")
        return Verdict(True, "we found a listing, and it an article")
    shared = len(ours.shingles & theirs.shingles)
    ours_share = shared / len(ours.shingles) if ours.shingles else 0.0
    theirs_share = shared / len(theirs.shingles) if theirs.shingles else 0.0
    if ours_share >= weights.opinion_holds_share:
        gain = theirs.chars - ours.chars
        prose_gain = theirs.prose_chars - ours.prose_chars
        if gain < weights.opinion_min_gain_chars:
            return Verdict(False, f"it holds ours ({ours_share:.2f}) and only {gain} chars more")
        items = theirs.item_chars - ours.item_chars
        if (
            prose_gain < weights.opinion_min_gain_chars
            and items > weights.opinion_max_item_share * gain
        ):
            return Verdict(False, f"it holds ours ({ours_share:.2f}) and adds list items")
        return Verdict(True, f"it holds ours ({ours_share:.2f}) and {gain} chars more")
    if theirs_share >= weights.opinion_holds_share:
        return Verdict(False, f"it is a part of ours ({theirs_share:.2f} of it)")
    prose = f"another block, {theirs.prose_chars} prose chars to our {ours.prose_chars}"
    ratio = weights.opinion_prose_ratio
    if (
        theirs.prose_chars >= weights.opinion_min_prose
        and theirs.prose_chars > ratio * ours.prose_chars
    ):
        return Verdict(True, prose)
    if ours.chars < weights.min_article_chars and theirs.chars > ratio * ours.chars:
        return Verdict(True, f"ours is a scrap of {ours.chars} chars")
    return Verdict(False, prose)
