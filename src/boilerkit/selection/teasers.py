"""Teaser detection: blocks that list other pages ("Top Stories", "Related", "Most read").

Their items are full sentences, so text density alone keeps them. They are recognised by
structure instead: a container of two or more sibling items of one shape, each led by a
link long enough to be a headline and holding little else (a blurb), optionally under a
heading such as "Top Stories". A genuine list of links inside the article (a reading list,
"Resources") has items whose links are a part of a sentence, not its headline, and no
teaser heading: it stays.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from lxml import html as lxml_html

from ..page.parse import join_url
from ..page.tags import HEADING_TAGS
from ..weights import NEGATIVE_WORDS, SENTENCE_END, TEASER_HEADING, WORD_SPLIT, Weights
from .page_table import compiled
from .segment import Block, Segmentation, text_of, weighted_length
from .shapes import blurb_of, linked_blurbs, same_site, shape, title_line_before

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


def _signature(tag: str, css_class: str | None) -> tuple[str, str]:
    classes = (css_class or "").split()
    return (tag, classes[0] if classes else "")


def heading_before(
    container: lxml_html.HtmlElement, weights: Weights
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
        if previous is not None and (previous.tag in HEADING_TAGS or _is_label(previous, weights)):
            return previous
        if previous is not None:
            break
        node = node.getparent()
    return None


def _is_label(element: lxml_html.HtmlElement, weights: Weights) -> bool:
    """A short line without links that heads a section: one holding a heading tag, or one
    saying what a teaser heading says (``<div class="title">Читайте также</div>``; many
    CMSs set section titles in plain ``div``s)."""
    text = _text(element)
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
    if heading is not None and TEASER_HEADING.match(_text(heading)[: weights.short_line_max_chars]):
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


def item_marks(
    items: list[int],
    tags: list[str],
    end: list[int],
    links: list[int],
    heading_tags: frozenset[str],
) -> tuple[int, bool, int]:
    """How many ``items`` hold a heading (themselves or one below), whether every item's
    first heading holds a link, and how many items hold an image below them: the
    table-only part of ``_evidence``. Compiled as ``_teasers.item_marks``."""
    headings = [  # each item's first heading: itself or one below it
        next((h for h in range(item, end[item]) if tags[h] in heading_tags), None) for item in items
    ]
    headed = sum(1 for h in headings if h is not None)
    linked = all(h is not None and links[h] for h in headings)
    pictured = sum(1 for item in items if "img" in tags[item + 1 : end[item]])
    return headed, linked, pictured


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
    block_at = segmentation.block_at
    found: list[TeaserGroup] = []
    covered = 0  # end of the last line found: lines do not nest
    for index in candidates:
        if index < covered or taken[index]:
            continue
        element = elements[index]
        link = next(element.iter("a"), None)
        if link is None:
            continue
        text, title = _text(element), _text(link)
        label = text[: max(0, len(text) - len(title))]
        if weighted_length(title) < weights.teaser_headline_min_chars or not (
            label and TEASER_HEADING.match(label)
        ):
            continue
        href = link.get("href") or ""
        item = TeaserItem(title, join_url(base_url, href) or href)
        blocks = frozenset(block_at[node] for node in range(index, end[index]) if node in block_at)
        found.append(TeaserGroup(element, (element,), None, "", (item,), blocks, "read-more line"))
        covered = end[index]
    return found


def read_more_candidates(
    anchors: list[int],
    parent: list[int],
    links: list[int],
    chars: list[int],
    link_chars: list[int],
    longest: float,
    label_min: float,
    share: float,
) -> list[int]:
    """The elements that may be read-more lines, in document order: from each link, the
    outermost line above it that holds that one link, some text beside it (``label_min``)
    and at most ``longest`` characters, when the link is ``share`` of it. Read off the
    table alone; compiled as ``_teasers.read_more_candidates``."""
    candidates: set[int] = set()
    for anchor in anchors:  # climb from each link to its outermost line holding a label
        node, line = parent[anchor], -1
        while node >= 0 and links[node] == 1 and chars[node] <= longest:
            if chars[node] - link_chars[node] >= label_min:
                line = node
            node = parent[node]
        if line >= 0 and link_chars[line] >= share * chars[line]:
            candidates.add(line)
    return sorted(candidates)


def _headline(
    item: int,
    segmentation: Segmentation,
    weights: Weights,
    anchors: list[int],
    heading_tags: frozenset[str],
) -> tuple[str, str] | None:
    """The item's headline link (text, href), if the item is led by one.

    When the link wraps a whole card, its heading is the headline, not all of its text.
    """
    best: tuple[str, str] | None = None
    tags, end = segmentation.tags, segmentation.end
    stop = end[item]
    for position in range(bisect.bisect_left(anchors, item), len(anchors)):
        link = anchors[position]
        if link >= stop:
            break
        heading = link
        for inner in range(link, end[link]):
            if tags[inner] in heading_tags:
                heading = inner
                break
        text = segmentation.table.text(heading)
        if heading == link and text[:1].isdigit():  # only then can it start with a rank
            text = _without_rank(segmentation.elements[link], text, weights)
        if weighted_length(text) >= weights.teaser_headline_min_chars and (
            best is None or len(text) > len(best[0])
        ):
            best = (text, segmentation.elements[link].get("href") or "")
    return best


def _without_rank(link: lxml_html.HtmlElement, text: str, weights: Weights) -> str:
    """The link's text without the rank number a "most read" list sets in its own element
    at the link's start (``<a><em class="number">1</em><span>Headline</span></a>``)."""
    first = link[0] if len(link) and not (link.text or "").strip() else None
    rank = _text(first) if first is not None and isinstance(first.tag, str) else ""
    if rank.isdigit() and len(rank) <= weights.rank_max_digits and text.startswith(rank):
        return text[len(rank) :].lstrip()
    return text


def _teaser_headline(
    item: int,
    segmentation: Segmentation,
    weights: Weights,
    anchors: list[int],
    heading_tags: frozenset[str],
) -> tuple[str, str] | None:
    """The headline link of an item shaped like a teaser (short, led by that link)."""
    chars = segmentation.chars[item]
    if chars == 0 or chars > weights.teaser_max_item_chars:
        return None
    headline = _headline(item, segmentation, weights, anchors, heading_tags)
    if headline is None or len(headline[0]) < weights.teaser_min_headline_share * chars:
        return None
    probe = headline[0][: weights.teaser_headline_probe_chars]
    if segmentation.table.text(item).find(probe) > weights.teaser_headline_offset:
        return None
    return headline


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


def _alike(
    children: list[int], segmentation: Segmentation, weights: Weights, not_items: frozenset[str]
) -> list[int]:
    """The children of the most common shape, when enough share one that can be an item.

    Alike by tag and first class; on pages whose classes are all unique (hashed by a
    CSS-in-JS build) by tag skeleton instead (see ``shapes``).
    """
    tags = segmentation.tags
    children = [child for child in children if tags[child]]  # no comments
    classes = segmentation.table.classes
    signatures = [_signature(tags[child], classes[child]) for child in children]
    signature, count = _most_common(signatures)
    if count < weights.teaser_min_items:  # no two items alike by class: by shape
        end = segmentation.end
        signatures = [(tags[child], shape(tags, end, child)) for child in children]
        signature, count = _most_common(signatures)
    if count < weights.teaser_min_items or signature[0] in not_items:
        return []
    return [child for child, sign in zip(children, signatures, strict=True) if sign == signature]


def _most_common(signatures: list[tuple[str, str]]) -> tuple[tuple[str, str], int]:
    """The first of the most frequent signatures, and how often it occurs."""
    counts: dict[tuple[str, str], int] = {}
    for signature in signatures:
        counts[signature] = counts.get(signature, 0) + 1
    best = max(counts, key=counts.__getitem__, default=("", ""))
    return best, counts.get(best, 0)


def teaser_candidates(
    tags: list[str],
    end: list[int],
    links: list[int],
    chars: list[int],
    min_items: float,
    max_item_chars: float,
    not_items: frozenset[str],
) -> list[tuple[int, list[int], list[int]]]:
    """(element, its children, its leaders) of every element that may hold a teaser
    group, in document order: ``min_items`` links or more, as many children holding one,
    and as many *leaders* of one tag that can be an item (not in ``not_items``). Leaders
    are the children that may be teasers: some text, at most ``max_item_chars``, and an
    ``<a>`` in them. A cheap necessary condition, read off the table alone; compiled as
    ``_passes.teaser_candidates``."""
    before = [0, *itertools.accumulate(tag == "a" for tag in tags)]  # anchors before each
    found: list[tuple[int, list[int], list[int]]] = []
    for index, count in enumerate(links):
        if count < min_items:
            continue
        children: list[int] = []
        leaders: list[int] = []
        linked_children = 0
        child = index + 1
        while child < end[index]:  # hop child to child: each subtree is an index range
            children.append(child)
            linked_children += links[child] > 0
            stop = end[child]
            if 0 < chars[child] <= max_item_chars and before[stop] > before[child]:
                leaders.append(child)
            child = stop
        alike: dict[str, int] = {}
        for leader in leaders:
            if tags[leader] not in not_items:
                alike[tags[leader]] = alike.get(tags[leader], 0) + 1
        if linked_children >= min_items and max(alike.values(), default=0) >= min_items:
            found.append((index, children, leaders))
    return found


def teaser_items(
    children: list[int],
    leaders: frozenset[int],
    segmentation: Segmentation,
    weights: Weights,
    anchors: list[int],
    not_items: frozenset[str],
    heading_tags: frozenset[str],
) -> tuple[list[int], list[tuple[str, str]]] | None:
    """The items of a would-be group and their headlines (text, href): the children of the
    most common shape, enough of them among the ``leaders`` and each led by a headline
    link; None when too few are. The structural part of ``_group``, read off the table
    (the headlines' texts through ``PageTable.text``); compiled as
    ``_teasers.teaser_items``. ``not_items`` and ``heading_tags`` are ``_NOT_ITEMS`` and
    ``HEADING_TAGS``, passed so that the twin reads the same sets."""
    candidates = _alike(children, segmentation, weights, not_items)
    if not candidates:
        return None
    needed = max(weights.teaser_min_items, weights.teaser_item_share * len(candidates))
    if sum(item in leaders for item in candidates) < needed:
        return None  # too few items could be teasers: spare the headline search
    items: list[int] = []
    headlines: list[tuple[str, str]] = []
    missing = 0
    for item in candidates:
        headline = _teaser_headline(item, segmentation, weights, anchors, heading_tags)
        if headline is not None:
            items.append(item)
            headlines.append(headline)
        else:
            missing += 1
            if len(candidates) - missing < needed:
                return None  # the rest cannot make up the numbers
    return items, headlines


def teaser_groups(
    candidates: list[tuple[int, list[int], list[int]]],
    segmentation: Segmentation,
    weights: Weights,
    anchors: list[int],
    not_items: frozenset[str],
    heading_tags: frozenset[str],
) -> list[tuple[int, list[int], list[tuple[str, str]]]]:
    """(element, items, headlines) of every candidate (``teaser_candidates``) whose
    ``teaser_items`` are found, in order: the structure of every would-be group, before
    the rules that read its texts. Compiled as ``_teasers.teaser_groups``."""
    found: list[tuple[int, list[int], list[tuple[str, str]]]] = []
    for index, children, leaders in candidates:
        items = teaser_items(
            children, frozenset(leaders), segmentation, weights, anchors, not_items, heading_tags
        )
        if items is not None:
            found.append((index, *items))
    return found


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
    end, elements = segmentation.end, segmentation.elements
    element = elements[container]
    members = [elements[item] for item in items]
    heading = heading_before(element, weights)
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
    covered = [node for item in items for node in range(item, end[item])]
    if heading is not None and heading.getparent() is not element:
        start = segmentation.index_of[heading]
        covered.extend(range(start, end[start]))
    block_at = segmentation.block_at
    blocks = {block_at[node] for node in covered if node in block_at}
    section = _text(heading) if heading is not None else ""
    return TeaserGroup(
        element,
        tuple(members),
        heading,
        section,
        tuple(teasers),
        frozenset(blocks),
        ", ".join(marks),
    )
