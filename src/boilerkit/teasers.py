"""Teaser detection: blocks that list other pages ("Top Stories", "Related", "Most read").

Their items are full sentences, so text density alone keeps them. They are recognised by
structure instead: a container of two or more sibling items of one shape, each led by a
link long enough to be a headline and holding little else (a blurb), optionally under a
heading such as "Top Stories". A genuine list of links inside the article (a reading list,
"Resources") has items whose links are a part of a sentence, not its headline, and no
teaser heading: it stays.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import html as lxml_html

from .segment import HEADING_TAGS, Block, Segmentation
from .weights import NEGATIVE_WORDS, TEASER_HEADING, WORD_SPLIT, Weights

_SPACE = re.compile(r"\s+")
_TEASER_CLASS = frozenset(
    "teaser teasers card cards tile tiles promo related recommended story-list stories "
    "headlines more-stories morestories trending popular mostread most-read".split()
)


_NOT_ITEMS = frozenset({"p", "br", "span", "a", "img", "tr", "td", "option"})
"""Tags that are never teaser items: a run of paragraphs with links is prose."""


@dataclass(frozen=True, slots=True)
class TeaserItem:
    """One teaser: the headline link of another page."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class TeaserGroup:
    """A teaser block: its container, heading, items and the blocks it covers."""

    container: lxml_html.HtmlElement
    members: tuple[lxml_html.HtmlElement, ...]
    """The item elements (the container may hold other children too)."""
    heading: lxml_html.HtmlElement | None
    section: str
    items: tuple[TeaserItem, ...]
    blocks: frozenset[Block]
    evidence: str


def _text(element: lxml_html.HtmlElement) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def _signature(element: lxml_html.HtmlElement) -> tuple[str, str]:
    classes = (element.get("class") or "").split()
    return (str(element.tag), classes[0] if classes else "")


def _headline(item: lxml_html.HtmlElement, weights: Weights) -> tuple[str, str] | None:
    """The item's headline link (text, href), if the item is led by one.

    When the link wraps a whole card, its heading is the headline, not all of its text.
    """
    best: tuple[str, str] | None = None
    for link in item.iter("a"):
        heading = next((h for h in link.iter() if h.tag in HEADING_TAGS), None)
        text = _text(heading if heading is not None else link)
        if len(text) >= weights.teaser_headline_min_chars and (
            best is None or len(text) > len(best[0])
        ):
            best = (text, link.get("href") or "")
    return best


def _absolute(base_url: str | None, href: str) -> str:
    """``href`` resolved against the page; as written when either is not a valid URL."""
    try:
        return urljoin(base_url or "", href)
    except ValueError:  # e.g. "http://[not-an-ipv6]"
        return href


def _heading_before(container: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The section heading of a container: its first child, or a heading just before it."""
    first = container[0] if len(container) else None
    if first is not None and first.tag in HEADING_TAGS:
        return first
    node: lxml_html.HtmlElement | None = container
    for _ in range(2):  # the container itself, then its parent
        if node is None:
            break
        previous = node.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()
        if previous is not None and (
            previous.tag in HEADING_TAGS
            or (
                len(_text(previous)) < 60
                and previous.find(".//a") is None
                and any(h.tag in HEADING_TAGS for h in previous.iter())
            )
        ):
            return previous
        if previous is not None:
            break
        node = node.getparent()
    return None


def _evidence(
    container: lxml_html.HtmlElement,
    items: list[lxml_html.HtmlElement],
    heading: lxml_html.HtmlElement | None,
) -> list[str]:
    """The structural marks that say "teaser", beyond headline-led items."""
    marks: list[str] = []
    if heading is not None and TEASER_HEADING.match(_text(heading)[:60]):
        marks.append("heading")
    words = set()
    for element in (container, items[0]):
        words |= set(
            WORD_SPLIT.split(f"{element.get('class') or ''} {element.get('id') or ''}".lower())
        )
    if words & (
        _TEASER_CLASS | (NEGATIVE_WORDS & {"related", "recommended", "trending", "popular"})
    ):
        marks.append("class")
    if sum(1 for item in items if any(h.tag in HEADING_TAGS for h in item.iter())) * 2 > len(items):
        marks.append("item headings")
    if sum(1 for item in items if item.find(".//img") is not None) * 2 > len(items):
        marks.append("item images")
    return marks


def find_teasers(
    segmentation: Segmentation, weights: Weights, base_url: str | None
) -> tuple[TeaserGroup, ...]:
    """Every teaser block on the page, outermost first, none nested in another."""
    groups: list[TeaserGroup] = []
    taken: set[lxml_html.HtmlElement] = set()
    links, end = segmentation.links, segmentation.end
    for index, container in enumerate(segmentation.elements):
        if links[index] < weights.teaser_min_items or container in taken:
            continue
        linked_children = 0
        child = index + 1
        while child < end[index]:  # hop child to child: each subtree is an index range
            linked_children += links[child] > 0
            child = end[child]
        if linked_children < weights.teaser_min_items:
            continue
        group = _group(container, segmentation, weights, base_url)
        if group is not None:
            groups.append(group)
            taken.update(e for member in group.members for e in member.iter())
    return tuple(groups)


def _teaser_headline(
    item: lxml_html.HtmlElement, segmentation: Segmentation, weights: Weights
) -> tuple[str, str] | None:
    """The headline link of an item shaped like a teaser (short, led by that link)."""
    extent = segmentation.extent(item)
    if extent is None or extent.chars == 0 or extent.chars > weights.teaser_max_item_chars:
        return None
    headline = _headline(item, weights)
    if headline is None or len(headline[0]) < weights.teaser_min_headline_share * extent.chars:
        return None
    if _text(item).find(headline[0][:20]) > weights.teaser_headline_offset:
        return None
    return headline


def _group(
    container: lxml_html.HtmlElement,
    segmentation: Segmentation,
    weights: Weights,
    base_url: str | None,
) -> TeaserGroup | None:
    children = [child for child in container if isinstance(child.tag, str)]
    shapes = Counter(_signature(child) for child in children)
    shape, count = shapes.most_common(1)[0] if shapes else (("", ""), 0)
    if count < weights.teaser_min_items:
        return None
    if shape[0] in _NOT_ITEMS:
        return None
    candidates = [child for child in children if _signature(child) == shape]
    items: list[lxml_html.HtmlElement] = []
    headlines: list[TeaserItem] = []
    for item in candidates:
        headline = _teaser_headline(item, segmentation, weights)
        if headline is not None:
            items.append(item)
            headlines.append(TeaserItem(headline[0], _absolute(base_url, headline[1])))
    if len(items) < max(weights.teaser_min_items, weights.teaser_item_share * len(candidates)):
        return None
    heading = _heading_before(container)
    marks = _evidence(container, items, heading)
    if len({item.url for item in headlines}) < len(headlines) * 0.8 or not marks:
        return None
    if len(items) < 3 and not {"heading", "class"} & set(marks):
        return None
    covered = [element for item in items for element in item.iter()]
    if heading is not None and heading.getparent() is not container:
        covered.extend(heading.iter())
    blocks = {block for e in covered if (block := segmentation.block_of(e)) is not None}
    section = _text(heading) if heading is not None else ""
    return TeaserGroup(
        container,
        tuple(items),
        heading,
        section,
        tuple(headlines),
        frozenset(blocks),
        ", ".join(marks),
    )
