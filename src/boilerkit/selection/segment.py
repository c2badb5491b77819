"""Segment stage: cut the cleaned tree into blocks and measure every element.

A *block* is a block-level element together with the text it holds directly: its own
text and that of its inline descendants, but not that of nested blocks (a ``<div>``
holding "Share" and three ``<p>`` is one block "Share" plus three paragraph blocks).
One ``iterwalk`` pass over the tree, no recursion, so nesting depth costs nothing.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from ..page.tags import BLOCK_TAGS, HEADING_TAGS
from ..weights import SENTENCE_END

_WIDE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def weighted_length(text: str) -> int:
    """Length with CJK characters counted twice: a Chinese sentence says in 30 characters
    what an English one says in 60."""
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


@dataclass(frozen=True, slots=True, eq=False)
class Block:
    """One block of text and its measurements (compared and hashed by identity)."""

    index: int
    node: int
    """The block element's position in ``Segmentation.elements``."""
    element: lxml_html.HtmlElement
    text: str
    link_chars: int
    sentences: int

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def is_heading(self) -> bool:
        return self.element.tag in HEADING_TAGS


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The page's blocks in document order, and every element with its extent.

    Elements are numbered in document order; per-element facts are lists indexed by that
    number, which later stages walk without touching the tree again.
    """

    blocks: tuple[Block, ...]
    elements: list[lxml_html.HtmlElement]
    tags: list[str]
    """Each element's tag; "" for comments and processing instructions."""
    parent: list[int]
    """Index of each element's parent; -1 for the root."""
    end: list[int]
    """One past the index of each element's last descendant: its subtree is ``range(i, end[i])``."""
    index_of: dict[lxml_html.HtmlElement, int]
    block_at: dict[int, Block]
    chars: list[int]
    link_chars: list[int]
    links: list[int]

    def children(self, index: int) -> list[int]:
        """Indexes of an element's children (each subtree is a range: hop range to range)."""
        found: list[int] = []
        child = index + 1
        while child < self.end[index]:
            found.append(child)
            child = self.end[child]
        return found


def segment(root: lxml_html.HtmlElement) -> Segmentation:
    """Measure ``root`` and every element below it.

    This is the one stage that visits every element of the page, so it records what the
    later stages need (tag, parent, subtree range, text measures) in flat lists, and leaves
    the per-element work to lxml's C loops wherever it can: ``iter`` rather than
    ``iterwalk``, libxml2's text serializer rather than a Python walk over text pieces.
    """
    elements: list[lxml_html.HtmlElement] = list(root.iter())
    tags = [tag if tag.__class__ is str else "" for tag in (e.tag for e in elements)]
    index_of = {element: index for index, element in enumerate(elements)}
    parent = [index_of.get(e.getparent(), -1) for e in elements]
    parent[0] = -1
    end = list(range(1, len(elements) + 1))
    for index in range(len(elements) - 1, 0, -1):  # children follow parents: close bottom-up
        up = parent[index]
        if end[index] > end[up]:
            end[up] = end[index]
    links = _Links(elements, tags, end)
    found = _block_texts(elements, tags, parent, end, links)
    chars = [0] * len(elements)
    link_chars = [0] * len(elements)
    for index, text, linked in found:
        chars[index] = len(text)
        link_chars[index] = linked
    blocks = tuple(
        Block(position, index, elements[index], text, linked, len(SENTENCE_END.findall(text + " ")))
        for position, (index, text, linked) in enumerate(found)
    )
    return Segmentation(
        blocks=blocks,
        elements=elements,
        tags=tags,
        parent=parent,
        end=end,
        index_of=index_of,
        block_at={block.node: block for block in blocks},
        chars=_subtree_sums(chars, end),
        link_chars=_subtree_sums(link_chars, end),
        links=links.below,
    )


class _Links:
    """Where the page's ``<a href>`` are: which elements are links, or inside one."""

    def __init__(
        self, elements: list[lxml_html.HtmlElement], tags: list[str], end: list[int]
    ) -> None:
        is_link = [0] * len(elements)
        self.inside = [False] * len(elements)
        """Whether each element is inside a link (so its own text is link text)."""
        self.outer: list[int] = []
        """The links not inside another link, in document order."""
        for index, tag in enumerate(tags):
            if tag == "a" and elements[index].get("href") is not None:
                is_link[index] = 1
                if not self.inside[index]:
                    self.outer.append(index)
                    self.inside[index : end[index]] = [True] * (end[index] - index)
        self.below = _subtree_sums(is_link, end)
        """The number of links in each element's subtree."""


def _block_texts(
    elements: list[lxml_html.HtmlElement],
    tags: list[str],
    parent: list[int],
    end: list[int],
    links: _Links,
) -> list[tuple[int, str, int]]:
    """(element index, text, link chars) of every block with text, in document order."""
    owners = [index for index, tag in enumerate(tags) if tag in BLOCK_TAGS]
    if not owners or owners[0] != 0:
        owners.insert(0, 0)  # the root holds the text outside any block
    is_owner = [False] * len(elements)
    for index in owners:
        is_owner[index] = True
    nested = [0, *itertools.accumulate(tag in BLOCK_TAGS for tag in tags)]  # blocks before i
    found: list[tuple[int, str, int]] = []
    for index in owners:
        stop = end[index]
        if nested[stop] - nested[index] == 1:  # a leaf block: libxml2 joins its text
            element = elements[index]
            text = " ".join((text_of(element) if len(element) else element.text or "").split())
            if links.inside[index]:
                linked = sum(len(piece.strip()) for piece in element.itertext())
            elif links.below[index]:
                linked = _link_text(elements, links.outer, index, stop)
            else:
                linked = 0
        else:
            text, linked = _own_text(index, elements, tags, end, parent, is_owner, links.inside)
        if text:
            found.append((index, text, min(linked, len(text))))
    return found


def _own_text(
    owner: int,
    elements: list[lxml_html.HtmlElement],
    tags: list[str],
    end: list[int],
    parent: list[int],
    is_owner: list[bool],
    in_link: list[bool],
) -> tuple[str, int]:
    """The text a block holds directly, and how much of it is link text.

    Nested blocks are skipped whole (only their tails are ours); the inline elements between
    them are opened and closed in document order, so every tail follows its subtree. As in
    lxml's text serializer, a comment's content is not text but its tail is.
    """
    pieces: list[str] = []
    linked = 0
    text = elements[owner].text
    if text:
        pieces.append(text)
        if in_link[owner]:
            linked += len(text.strip())
    opened: list[int] = []  # inline elements whose tail is still to come
    index, stop = owner + 1, end[owner]
    while index < stop or opened:
        while opened and (end[opened[-1]] <= index or index >= stop):
            closed = opened.pop()
            tail = elements[closed].tail
            if tail:
                pieces.append(tail)
                if in_link[parent[closed]]:
                    linked += len(tail.strip())
        if index >= stop:
            break
        if is_owner[index]:  # a nested block: its text is its own, its tail is ours
            tail = elements[index].tail
            if tail:
                pieces.append(tail)
                if in_link[parent[index]]:
                    linked += len(tail.strip())
            index = end[index]
            continue
        text = elements[index].text if tags[index] else None
        if text:
            pieces.append(text)
            if in_link[index]:
                linked += len(text.strip())
        opened.append(index)
        index += 1
    return " ".join("".join(pieces).split()), linked


def _link_text(
    elements: list[lxml_html.HtmlElement], outer_links: list[int], start: int, stop: int
) -> int:
    """The link characters in ``range(start, stop)``, counted piece by piece like the text."""
    linked = 0
    for position in range(bisect.bisect_left(outer_links, start), len(outer_links)):
        link = outer_links[position]
        if link >= stop:
            break
        element = elements[link]
        if len(element):
            linked += sum(len(piece.strip()) for piece in element.itertext())
        elif element.text:
            linked += len(element.text.strip())
    return linked


def text_of(element: lxml_html.HtmlElement) -> str:
    """All the text below ``element`` (its ``text_content``), joined by libxml2: several
    times faster than ``itertext`` or ``text_content``."""
    text: str = etree.tostring(element, method="text", encoding=str, with_tail=False)
    return text


def _subtree_sums(own: list[int], end: list[int]) -> list[int]:
    """Each element's ``own`` count summed over its subtree (a range: prefix sums)."""
    prefix = [0, *itertools.accumulate(own)]
    return [prefix[stop] - prefix[start] for start, stop in enumerate(end)]
