"""The structure of teaser groups, read off the page table: the reference twins of
``_teasers.pyx`` (and of ``_passes.teaser_candidates``).

A teaser group is a container of sibling items of one shape, each led by a headline link
(see ``teasers``). Whether an element's children make one is a question of the table
alone, bar the texts of the links and items (``PageTable.text``): which elements hold
enough linked children (``teaser_candidates``), which children are alike and each led by
a headline (``teaser_items``, for every candidate at once in ``teaser_groups``), how many
items hold a heading or an image (``item_marks``), which lines may be read-more lines
(``read_more_candidates``). Each function is the spec of the compiled twin of the same
name; ``teasers`` then runs the rules that read the texts of the few groups found.
"""

from __future__ import annotations

import bisect
import itertools

from lxml import html as lxml_html

from ..weights import Weights
from .segment import Segmentation, text_of, weighted_length
from .shapes import shape

_NOT_ITEMS = frozenset({"p", "br", "span", "a", "img", "tr", "td", "option"})
"""Tags that are never teaser items: a run of paragraphs with links is prose."""


def _signature(tag: str, css_class: str | None) -> tuple[str, str]:
    classes = (css_class or "").split()
    return (tag, classes[0] if classes else "")


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
    rank = (
        " ".join(text_of(first).split()) if first is not None and isinstance(first.tag, str) else ""
    )
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
