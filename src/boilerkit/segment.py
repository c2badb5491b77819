"""Segment stage: cut the cleaned tree into blocks and measure every element.

A *block* is a block-level element together with the text it holds directly: its own
text and that of its inline descendants, but not that of nested blocks (a ``<div>``
holding "Share" and three ``<p>`` is one block "Share" plus three paragraph blocks).
One ``iterwalk`` pass over the tree, no recursion, so nesting depth costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from .weights import SENTENCE_END

BLOCK_TAGS = frozenset(
    """
    address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main
    menu nav ol p pre section summary table tbody td tfoot th thead tr ul
    """.split()
)
"""Tags that start a block of their own."""

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SPACE = re.compile(r"\s+")


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
class Extent:
    """What an element holds in all its descendants: the region-level measurements."""

    chars: int
    link_chars: int
    links: int
    blocks: int


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The page's blocks in document order, and every element with its extent.

    Elements are numbered in document order; per-element facts are lists indexed by that
    number, which later stages walk without touching the tree again.
    """

    blocks: tuple[Block, ...]
    elements: list[lxml_html.HtmlElement]
    parent: list[int]
    """Index of each element's parent; -1 for the root."""
    end: list[int]
    """One past the index of each element's last descendant: its subtree is ``range(i, end[i])``."""
    index_of: dict[lxml_html.HtmlElement, int]
    block_at: dict[int, Block]
    chars: list[int]
    link_chars: list[int]
    links: list[int]

    def extent(self, element: lxml_html.HtmlElement) -> Extent | None:
        index = self.index_of.get(element)
        if index is None:
            return None
        block = self.block_at.get(index)
        blocks = 1 if block is not None else 0
        return Extent(self.chars[index], self.link_chars[index], self.links[index], blocks)

    def block_of(self, element: lxml_html.HtmlElement) -> Block | None:
        index = self.index_of.get(element)
        return self.block_at.get(index) if index is not None else None


def segment(root: lxml_html.HtmlElement) -> Segmentation:
    """Measure ``root`` and every element below it in one pass."""
    elements: list[lxml_html.HtmlElement] = []
    parent: list[int] = []
    chars: list[int] = []
    link_chars: list[int] = []
    links: list[int] = []
    end: list[int] = []
    found: list[tuple[int, str, int]] = []  # (element index, text, link chars)
    stack: list[int] = []  # indexes of the open elements
    parts: dict[int, list[str]] = {}  # text pieces of each open block owner
    own_links: dict[int, int] = {}
    owners: list[int] = []  # the block owner of each open element
    link_depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            index = len(elements)
            elements.append(element)
            parent.append(stack[-1] if stack else -1)
            chars.append(0)
            link_chars.append(0)
            links.append(0)
            end.append(0)
            if tag in BLOCK_TAGS or not owners:
                owner = index
                parts[index] = []
                own_links[index] = 0
            else:
                owner = owners[-1]
            stack.append(index)
            owners.append(owner)
            if tag == "a" and element.get("href") is not None:
                link_depth += 1
                links[index] += 1
            if element.text:
                parts[owner].append(element.text)
                if link_depth:
                    own_links[owner] += len(element.text.strip())
            continue
        index = stack.pop()
        owner = owners.pop()
        end[index] = len(elements)
        if tag == "a" and element.get("href") is not None:
            link_depth -= 1
        if owner == index:
            text = _SPACE.sub(" ", "".join(parts.pop(index))).strip()
            linked = min(own_links.pop(index), len(text))
            if text:
                found.append((index, text, linked))
                chars[index] += len(text)
                link_chars[index] += linked
        if stack:
            up = stack[-1]
            chars[up] += chars[index]
            link_chars[up] += link_chars[index]
            links[up] += links[index]
            if element.tail:
                parts[owners[-1]].append(element.tail)
                if link_depth:
                    own_links[owners[-1]] += len(element.tail.strip())
    found.sort()
    blocks = tuple(
        Block(position, index, elements[index], text, linked, len(SENTENCE_END.findall(text + " ")))
        for position, (index, text, linked) in enumerate(found)
    )
    return Segmentation(
        blocks=blocks,
        elements=elements,
        parent=parent,
        end=end,
        index_of={element: index for index, element in enumerate(elements)},
        block_at={block.node: block for block in blocks},
        chars=chars,
        link_chars=link_chars,
        links=links,
    )
