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


@dataclass(frozen=True, slots=True)
class Block:
    """One block of text and its measurements."""

    index: int
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
    """The page's blocks in document order, and the extent of every element."""

    blocks: tuple[Block, ...]
    block_of: dict[lxml_html.HtmlElement, Block]
    extent: dict[lxml_html.HtmlElement, Extent]


class _Open:
    """Mutable accumulator for an element while the walk is inside it."""

    __slots__ = ("blocks", "chars", "link_chars", "links", "own_links", "parts", "start")

    def __init__(self, start: int) -> None:
        self.chars = self.link_chars = self.links = self.blocks = self.own_links = 0
        self.start = start
        self.parts: list[str] = []


def segment(root: lxml_html.HtmlElement) -> Segmentation:
    """Measure ``root`` and every element below it in one pass."""
    found: list[tuple[int, lxml_html.HtmlElement, str, int]] = []
    extent: dict[lxml_html.HtmlElement, Extent] = {}
    stack: list[_Open] = []  # one accumulator per open element
    owners: list[_Open] = []  # the accumulator of each open element's block owner
    link_depth = 0
    position = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            position += 1
            current = _Open(position)
            owner = current if tag in BLOCK_TAGS or not owners else owners[-1]
            stack.append(current)
            owners.append(owner)
            if tag == "a":
                link_depth += 1
                current.links += 1
            if element.text:
                owner.parts.append(element.text)
                if link_depth:
                    owner.own_links += len(element.text.strip())
            continue
        current = stack.pop()
        owners.pop()
        if tag == "a":
            link_depth -= 1
        if tag in BLOCK_TAGS or not stack:
            text = _SPACE.sub(" ", "".join(current.parts)).strip()
            if text:
                found.append((current.start, element, text, min(current.own_links, len(text))))
                current.chars += len(text)
                current.link_chars += found[-1][3]
                current.blocks += 1
        extent[element] = Extent(current.chars, current.link_chars, current.links, current.blocks)
        if stack:
            _merge(stack[-1], current)
            if element.tail:
                owners[-1].parts.append(element.tail)
                if link_depth:
                    owners[-1].own_links += len(element.tail.strip())
    found.sort(key=lambda item: item[0])
    blocks = tuple(
        Block(index, element, text, link_chars, len(SENTENCE_END.findall(text + " ")))
        for index, (_, element, text, link_chars) in enumerate(found)
    )
    return Segmentation(blocks, {block.element: block for block in blocks}, extent)


def _merge(parent: _Open, child: _Open) -> None:
    parent.chars += child.chars
    parent.link_chars += child.link_chars
    parent.links += child.links
    parent.blocks += child.blocks
