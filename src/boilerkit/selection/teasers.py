"""Teaser detection: blocks that list other pages ("Top Stories", "Related", "Most read").

Their items are full sentences, so text density alone keeps them. They are recognised by
structure instead: a container of two or more sibling items of one shape, each led by a
link long enough to be a headline and holding little else (a blurb), optionally under a
heading such as "Top Stories". A genuine list of links inside the article (a reading list,
"Resources") has items whose links are a part of a sentence, not its headline, and no
teaser heading: it stays.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from lxml import html as lxml_html

from ..page.parse import join_url
from ..page.tags import HEADING_TAGS
from ..weights import NEGATIVE_WORDS, SENTENCE_END, TEASER_HEADING, WORD_SPLIT, Weights
from .page_table import compiled
from .segment import Block, Segmentation, text_of, weighted_length
from .shapes import blurb_of, linked_blurbs, same_site, title_line_before
from .teaser_table import (
    _NOT_ITEMS,
    item_marks,
    read_more_candidates,
    teaser_candidates,
    teaser_groups,
)

_TEASER_CLASS = frozenset(
    "teaser teasers card cards tile tiles promo related recommended story-list stories "
    "headlines more-stories morestories trending popular mostread most-read".split()
)


@dataclass(frozen=True, slots=True)
class TeaserItem:
    """One teaser: the headline link of another page."""

    title: str
    url: str
    blurb: str = ""


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
    return " ".join(text_of(element).split())


def _text_in(element: lxml_html.HtmlElement, segmentation: Segmentation) -> str:
    """``_text(element)`` read off the page table (``PageTable.text``: joined in C on the
    compiled path, and kept) when the element is in it."""
    index = segmentation.index_of.get(element)
    return _text(element) if index is None else segmentation.table.text(index)


def heading_before(
    container: lxml_html.HtmlElement, weights: Weights, segmentation: Segmentation
) -> lxml_html.HtmlElement | None:
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
            previous.tag in HEADING_TAGS or _is_label(previous, weights, segmentation)
        ):
            return previous
        if previous is not None:
            break
        node = node.getparent()
    return None


def _is_label(element: lxml_html.HtmlElement, weights: Weights, segmentation: Segmentation) -> bool:
    """A short line without links that heads a section: one holding a heading tag, or one
    saying what a teaser heading says (``<div class="title">Читайте также</div>``; many
    CMSs set section titles in plain ``div``s)."""
    text = _text_in(element, segmentation)
    if len(text) >= weights.short_line_max_chars or element.find(".//a") is not None:
        return False
    return any(h.tag in HEADING_TAGS for h in element.iter()) or bool(TEASER_HEADING.match(text))


def _evidence(
    container: int,
    items: list[int],
    heading: lxml_html.HtmlElement | None,
    segmentation: Segmentation,
    weights: Weights,
    marked: Callable[..., tuple[int, bool, int]],
) -> list[str]:
    """The structural marks that say "teaser", beyond headline-led items (elements by
    index: the marks are read off the table)."""
    marks: list[str] = []
    cut = weights.short_line_max_chars
    if heading is not None and TEASER_HEADING.match(_text_in(heading, segmentation)[:cut]):
        marks.append("heading")
    table, tags, end = segmentation.table, segmentation.tags, segmentation.end
    words: set[str] = set()
    for index in (container, items[0]):
        words |= set(
            WORD_SPLIT.split(f"{table.classes[index] or ''} {table.ids[index] or ''}".lower())
        )
    if words & (
        _TEASER_CLASS | (NEGATIVE_WORDS & {"related", "recommended", "trending", "popular"})
    ):
        marks.append("class")
    headed, linked, pictured = marked(items, tags, end, segmentation.links, HEADING_TAGS)
    if headed * 2 > len(items):
        marks.append("item headings")
        if linked:
            marks.append("linked headings")  # <h3><a>Headline</a></h3>: a story teaser
    if pictured * 2 > len(items):
        marks.append("item images")
    return marks


def find_teasers(
    segmentation: Segmentation, weights: Weights, base_url: str | None
) -> tuple[TeaserGroup, ...]:
    """Every teaser block on the page, outermost first, none nested in another."""
    groups: list[TeaserGroup] = []
    taken = bytearray(len(segmentation.elements))  # elements inside a group's items
    end, tags = segmentation.end, segmentation.tags
    anchors = list(itertools.compress(range(len(tags)), map("a".__eq__, tags)))  # in C
    candidates = (compiled("teaser_candidates") or teaser_candidates)(
        tags,
        end,
        segmentation.links,
        segmentation.chars,
        weights.teaser_min_items,
        weights.teaser_max_item_chars,
        _NOT_ITEMS,
    )
    on_table = not isinstance(segmentation.elements, list)  # the compiled table's handles
    found = ((compiled("teaser_groups") if on_table else None) or teaser_groups)(
        candidates, segmentation, weights, anchors, _NOT_ITEMS, HEADING_TAGS
    )
    marked = compiled("item_marks") or item_marks
    for index, items, headlines in found:
        if taken[index]:
            continue
        group = _group(index, items, headlines, segmentation, weights, base_url, marked)
        if group is not None:
            groups.append(group)
            for member in group.members:
                start = segmentation.index_of[member]
                taken[start : end[start]] = b"\x01" * (end[start] - start)
    groups.extend(_read_more_lines(segmentation, weights, base_url, taken, anchors))
    groups = without_lists_beside_prose(groups, segmentation, weights)
    return tuple(sorted(groups, key=lambda group: segmentation.index_of[group.container]))


HEADLINE_LIST = "same-site headline list"
LINKED_BLURBS = "title line, linked blurbs"
STRUCTURAL = frozenset({HEADLINE_LIST, LINKED_BLURBS})
"""The evidence of groups found by structure alone (see ``shapes``)."""


def without_lists_beside_prose(
    groups: list[TeaserGroup], segmentation: Segmentation, weights: Weights
) -> list[TeaserGroup]:
    """The groups, without the bare headline lists when the page has prose of its own.

    A run of headline links to the site's own pages is what an archive page is made of;
    on a page with an article (two prose paragraphs outside every teaser block) the same
    run may be a list the article gives (changes landed, pages of a guide), so it is
    left to the block verdicts.
    """
    if not any(group.evidence == HEADLINE_LIST for group in groups):
        return groups
    covered = set().union(*(group.blocks for group in groups))
    paragraphs = sum(
        1
        for block in segmentation.blocks
        if block not in covered
        and block.sentences
        and block.chars >= weights.post_paragraph_min_chars
        and not block.link_chars
    )
    if paragraphs < 2:
        return groups
    return [group for group in groups if group.evidence != HEADLINE_LIST]


def _read_more_lines(
    segmentation: Segmentation,
    weights: Weights,
    base_url: str | None,
    taken: bytearray,
    anchors: list[int],
) -> list[TeaserGroup]:
    """One-link teasers set in the text: "Read more: <a>headline</a>", "Lesen Sie auch: ...".

    The element holds a teaser label and one headline link and little else; the outermost
    such element is the teaser, with no section (the label is not a section heading).
    """
    end, elements = segmentation.end, segmentation.elements
    candidates = (compiled("read_more_candidates") or read_more_candidates)(
        anchors,
        segmentation.parent,
        segmentation.links,
        segmentation.chars,
        segmentation.link_chars,
        weights.teaser_max_item_chars,
        weights.read_more_label_min_chars,
        weights.read_more_link_share,
    )
    tags, table, blocks = segmentation.tags, segmentation.table, segmentation.blocks
    found: list[TeaserGroup] = []
    covered = 0  # end of the last line found: lines do not nest
    for index in candidates:
        if index < covered or taken[index]:
            continue
        try:  # the first link at or below the element (``iter("a")``), found in C
            link = tags.index("a", index, end[index])
        except ValueError:
            continue
        text, title = table.text(index), table.text(link)
        label = text[: max(0, len(text) - len(title))]
        if weighted_length(title) < weights.teaser_headline_min_chars or not (
            label and TEASER_HEADING.match(label)
        ):
            continue
        href = elements[link].get("href") or ""
        item = TeaserItem(title, join_url(base_url, href) or href)
        lines = frozenset(blocks[slice(*segmentation.blocks_below(index))])
        element = elements[index]
        found.append(TeaserGroup(element, (element,), None, "", (item,), lines, "read-more line"))
        covered = end[index]
    return found


def _structural_marks(
    heading: lxml_html.HtmlElement | None,
    headlines: list[tuple[str, str]],
    blurbs: list[str],
    base_url: str | None,
    weights: Weights,
    marks: list[str],
) -> list[str]:
    """The marks that need no class name or heading tag (see ``shapes``): same-site
    headline links with blurbs under a title line; or, with no other mark, a long run of
    bare same-site headlines (an archive)."""
    if not marks and heading is not None and linked_blurbs(headlines, blurbs, base_url, weights):
        return [LINKED_BLURBS]
    if (
        not marks
        and len(headlines) >= weights.headline_list_min_items
        and same_site(headlines, base_url)
        and not any(SENTENCE_END.search(blurb) for blurb in blurbs)
    ):
        return [HEADLINE_LIST]  # an archive: bare headlines, a date at most
    return []


def _group(
    container: int,
    items: list[int],
    headlines: list[tuple[str, str]],
    segmentation: Segmentation,
    weights: Weights,
    base_url: str | None,
    marked: Callable[..., tuple[int, bool, int]],
) -> TeaserGroup | None:
    """The teaser group of ``container`` with these ``items`` (by index) led by these
    ``headlines`` (``teaser_groups``), if its marks say it is one (``marked`` is
    ``item_marks`` or its twin)."""
    elements = segmentation.elements
    element = elements[container]
    members = [elements[item] for item in items]
    heading = heading_before(element, weights, segmentation)
    marks = _evidence(container, items, heading, segmentation, weights, marked)
    blurbs = [
        blurb_of(segmentation.table.text(item), title)
        for item, (title, _) in zip(items, headlines, strict=True)
    ]
    if heading is None:
        heading = title_line_before(element, weights)
    marks.extend(_structural_marks(heading, headlines, blurbs, base_url, weights, marks))
    if not marks or (
        len(items) < weights.teaser_unmarked_min_items
        and not {"heading", "class", "linked headings"} & set(marks)
    ):
        return None
    teasers = [
        TeaserItem(title, join_url(base_url, href) or href, blurb)
        for (title, href), blurb in zip(headlines, blurbs, strict=True)
    ]
    if len({teaser.url for teaser in teasers}) < len(teasers) * weights.teaser_distinct_url_share:
        return None
    tops = items
    if heading is not None and heading.getparent() is not element:
        tops = [*items, segmentation.index_of[heading]]
    blocks = segmentation.blocks
    covered = {b for top in tops for b in blocks[slice(*segmentation.blocks_below(top))]}
    section = _text_in(heading, segmentation) if heading is not None else ""
    return TeaserGroup(
        element,
        tuple(members),
        heading,
        section,
        tuple(teasers),
        frozenset(covered),
        ", ".join(marks),
    )
