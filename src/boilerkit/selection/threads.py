"""Forum threads: the posts are the content, the poster's box beside each post is not.

A thread page repeats one shape per post: a small box with the poster's name, rank title
and "Label: value" lines ("Posts: 1,234", "Joined: Mar 2006"; or ``dt``/``dd`` pairs)
beside the post's text. The boxes are found by that structure, whatever the software calls
them, so they can be dropped as furniture; and since every post has one, they say where
the thread is: all its posts are the content, a one-line reply beside a long opening post
as much as the opening post itself.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from lxml import etree

from ..page.roots import is_whole_document
from ..weights import PROFILE_LABEL, STAT_LINE, Weights
from .segment import Block, Segmentation

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Thread:
    """The profile boxes of a forum thread, and the element holding its posts."""

    boxes: tuple[int, ...]
    """Element indexes of the posters' boxes, in document order."""
    root: int
    """The lowest element holding every box: the list of posts."""
    chrome: frozenset[int]
    """Children of ``root`` that are not posts (action bars, ads, "Who is online")."""


def find_thread(segmentation: Segmentation, weights: Weights) -> Thread | None:
    """The page's forum thread: where it has ``thread_min_posts`` profile boxes, or else
    where its markup declares one (``_declared_thread``)."""
    labels = _stat_lines(segmentation, weights)
    if len(labels) < weights.profile_box_min_lines * weights.thread_min_posts:
        return _declared_thread(segmentation)
    prose = _prose_blocks(segmentation, labels, weights)
    found: dict[int, list[str]] = {}
    for node, label in labels.items():
        found.setdefault(_grow(node, segmentation, prose, weights), []).append(label)
    boxes = tuple(
        sorted(
            box
            for box, box_labels in found.items()
            if len(box_labels) >= weights.profile_box_min_lines
            and len(set(box_labels)) == len(box_labels)  # one poster's box, not two
            and any(PROFILE_LABEL.match(label) for label in box_labels)
        )
    )
    if len(boxes) < weights.thread_min_posts:
        return _declared_thread(segmentation)
    root = _common_ancestor(boxes, segmentation)
    boxes = _same_shape_boxes(root, boxes, segmentation, prose, weights)
    return Thread(boxes, root, _chrome(root, boxes, segmentation))


def _same_shape_boxes(
    root: int,
    boxes: tuple[int, ...],
    segmentation: Segmentation,
    prose: list[int],
    weights: Weights,
) -> tuple[int, ...]:
    """The boxes, and the elements of the thread shaped like them (same tag and class),
    small and without prose: the box of a guest or a deleted user, who has no stats."""
    tags, chars, end = segmentation.tags, segmentation.chars, segmentation.end
    classes = segmentation.table.classes
    shapes = {(tags[box], classes[box]) for box in boxes}
    shapes = {shape for shape in shapes if shape[1]}  # a bare <td> says nothing
    if not shapes:
        return boxes
    found = set(boxes)
    for index in range(root + 1, end[root]):
        if (
            (tags[index], classes[index]) in shapes
            and not prose[index]
            and chars[index] <= weights.profile_box_max_chars
        ):
            found.add(index)
    return tuple(sorted(found))


_ITEMTYPES = etree.XPath("//@itemtype")
"""Microdata types (the attribute axis: several times faster than testing every element)."""


def _declared_thread(segmentation: Segmentation) -> Thread | None:
    """The outermost element whose schema.org microdata says it is a forum thread
    (``itemtype=".../DiscussionForumPosting"``, the thread with its replies), holding at
    least one reply (``itemprop="comment"``). Discourse marks its pages up so, and shows
    no poster stats to find boxes by."""
    root = _declaring(segmentation)
    if root is None or segmentation.tags[root] in ("html", "body"):  # the page, not a place
        return None
    if not segmentation.elements[root].xpath("boolean(.//*[@itemprop='comment'])"):
        return None
    return Thread((), root, frozenset())


def _declaring(segmentation: Segmentation) -> int | None:
    """The first element in document order declaring a forum thread, if it is in the page
    table. The table's ``itemtypes`` answer when the table is the whole document
    (``roots.is_whole_document``); elsewhere ``//@itemtype`` searches the document."""
    if is_whole_document(segmentation.elements[0]):
        itemtypes = segmentation.table.itemtypes.items()
        return next((i for i, value in itemtypes if _FORUM_TYPE in value.lower()), None)
    element = next(
        (
            value.getparent()
            for value in _ITEMTYPES(segmentation.elements[0])
            if _FORUM_TYPE in value.lower()
        ),
        None,
    )
    return segmentation.index_of.get(element) if element is not None else None


_FORUM_TYPE = "discussionforumposting"


def _stat_lines(segmentation: Segmentation, weights: Weights) -> dict[int, str]:
    """The short "Label: value" blocks and ``dt``/``dd`` pairs, by element: their labels."""
    tags, parent = segmentation.tags, segmentation.parent
    blocks = segmentation.blocks
    found: dict[int, str] = {}
    for position, block in enumerate(blocks):
        if block.chars > weights.stat_line_max_chars:
            continue
        if tags[block.node] == "dt" and block.chars <= weights.stat_label_max_chars:
            following = blocks[position + 1] if position + 1 < len(blocks) else None
            if (
                following is not None
                and tags[following.node] == "dd"
                and parent[following.node] == parent[block.node]
                and following.chars <= weights.stat_line_max_chars
            ):
                found[block.node] = _label(block.text)
            continue
        match = STAT_LINE.match(block.text) if ":" in block.text or "\uff1a" in block.text else None
        if match and len(match.group(1)) <= weights.stat_label_max_chars:
            found[block.node] = _label(match.group(1))
    return found


def _label(text: str) -> str:
    return " ".join(text.lower().split()).strip(" :\uff1a")


def _prose_blocks(
    segmentation: Segmentation, labels: dict[int, str], weights: Weights
) -> list[int]:
    """The number of prose blocks (a sentence end, not a stat line) below each element."""
    own = [0] * len(segmentation.elements)
    for block in segmentation.blocks:
        if _is_prose(block, labels, weights):
            own[block.node] = 1
    prefix = [0, *itertools.accumulate(own)]
    return [prefix[stop] - prefix[start] for start, stop in enumerate(segmentation.end)]


def _is_prose(block: Block, labels: dict[int, str], weights: Weights) -> bool:
    return (
        block.sentences > 0
        and block.chars >= weights.box_prose_min_chars
        and block.node not in labels
    )


def _grow(node: int, segmentation: Segmentation, prose: list[int], weights: Weights) -> int:
    """The largest element above a stat line that is still a profile box: small, no prose.

    It stops below the post, whose text is prose: beside the post's body the box holds the
    name, the avatar and the rank title too.
    """
    parent, chars = segmentation.parent, segmentation.chars
    box = node
    up = parent[box]
    while up > 0 and chars[up] <= weights.profile_box_max_chars and not prose[up]:
        box, up = up, parent[up]
    return box


def _common_ancestor(nodes: tuple[int, ...], segmentation: Segmentation) -> int:
    """The lowest element holding all of ``nodes`` (subtrees are index ranges)."""
    parent, end = segmentation.parent, segmentation.end
    first, last = nodes[0], nodes[-1]
    root = parent[first]
    while root > 0 and end[root] <= last:
        root = parent[root]
    return max(root, 0)


def _chrome(root: int, boxes: tuple[int, ...], segmentation: Segmentation) -> frozenset[int]:
    """The children of ``root`` that are not posts.

    A child holding a box is a post; so is a child of the same shape (tag and first class,
    digits aside: ``windowbg``/``windowbg2``), a guest's post without stats. When a box is
    itself a child of ``root``, posts are not wrapped one by one and nothing is left out.
    """
    tags = segmentation.tags
    children = segmentation.children(root)
    if any(box in children for box in boxes):
        return frozenset()

    def shape(index: int) -> tuple[str, str]:
        classes = (segmentation.table.classes[index] or "").split()
        return tags[index], _DIGITS.sub("", classes[0]) if classes else ""

    parent = segmentation.parent
    holding: set[int] = set()
    for box in boxes:
        while parent[box] != root:
            box = parent[box]
        holding.add(box)
    shapes = {shape(c) for c in holding}
    return frozenset(c for c in children if c not in holding and shape(c) not in shapes)
