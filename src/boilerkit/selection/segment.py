"""Segment stage: cut the cleaned tree into blocks and measure every element.

A *block* is a block-level element together with the text it holds directly: its own
text and that of its inline descendants, but not that of nested blocks (a ``<div>``
holding "Share" and three ``<p>`` is one block "Share" plus three paragraph blocks).
The element walk itself is the page table's (``page_table``: compiled, with a Python
reference); this stage turns its rows into blocks.
"""

from __future__ import annotations

import bisect
import dataclasses
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import html as lxml_html

from ..page.tags import HEADING_TAGS
from ..weights import SENTENCE_END
from .page_table import PageTable, build_table, compiled, text_of

__all__ = ["Block", "Segmentation", "segment", "text_of"]

LIST_COUNT_CHARS = 1 << 16
"""Blocks up to this long count their sentences with ``findall``, the fastest way."""
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
    elements: Sequence[lxml_html.HtmlElement] = dataclasses.field(repr=False)
    text: str
    link_chars: int
    sentences: int
    tag: str
    chars: int
    """``len(text)``, stored: the most read measure of all."""

    @property
    def element(self) -> lxml_html.HtmlElement:
        """The block's element (its proxy is made on first access on the compiled path)."""
        return self.elements[self.node]

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADING_TAGS


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The page's blocks in document order, and every element with its extent.

    Elements are numbered in document order; per-element facts are lists indexed by that
    number, which later stages walk without touching the tree again.
    """

    blocks: tuple[Block, ...]
    elements: Sequence[lxml_html.HtmlElement]
    tags: list[str]
    """Each element's tag; "" for comments and processing instructions."""
    parent: list[int]
    """Index of each element's parent; -1 for the root."""
    end: list[int]
    """One past the index of each element's last descendant: its subtree is ``range(i, end[i])``."""
    index_of: Mapping[lxml_html.HtmlElement, int]
    block_at: dict[int, Block]
    chars: list[int]
    link_chars: list[int]
    links: list[int]
    table: PageTable
    """The page table behind these lists (class/id/role values, hinted elements)."""

    def blocks_below(self, index: int) -> tuple[int, int]:
        """The positions in ``blocks`` of the blocks in element ``index``'s subtree: one
        run, since blocks are in document order, found by bisection."""
        first = bisect.bisect_left(self.blocks, index, key=_NODE)
        return first, bisect.bisect_left(self.blocks, self.end[index], lo=first, key=_NODE)

    def tagged_below(self, index: int, tag: str) -> list[int]:
        """The ``tag`` elements in element ``index``'s subtree, in order (the first found
        in C: most subtrees hold none)."""
        try:
            first = self.tags.index(tag, index, self.end[index])
        except ValueError:
            return []
        return [i for i in range(first, self.end[index]) if self.tags[i] == tag]

    def first_text(self, tag: str) -> str:
        """The text of the first block of a ``tag`` element ("" if none), found by the
        ``tag`` elements in the tags (in C), not by testing every block."""
        at = -1
        while True:
            try:
                at = self.tags.index(tag, at + 1)
            except ValueError:
                return ""
            if at in self.block_at:
                return self.block_at[at].text

    def children(self, index: int) -> list[int]:
        """Indexes of an element's children (each subtree is a range: hop range to range)."""
        found: list[int] = []
        child = index + 1
        while child < self.end[index]:
            found.append(child)
            child = self.end[child]
        return found


_NODE = operator.attrgetter("node")


def sentences(text: str) -> int:
    """How many sentence ends ``text`` holds. A long text is counted match by match, not
    through ``findall``'s list (one string per match) of ``text + " "`` (a copy): on one
    64 MiB block of prose those two came to about 300 MB."""
    if len(text) <= LIST_COUNT_CHARS:
        return len(SENTENCE_END.findall(text + " "))
    return sum(1 for _ in SENTENCE_END.finditer(text))  # the same count: see the tests


def make_blocks(
    rows: list[tuple[int, str, int]],
    elements: Sequence[lxml_html.HtmlElement],
    tags: list[str],
    block: type[Block],
) -> tuple[Block, ...]:
    """A ``Block`` for every (element index, text, link chars) row of the page table, in
    order, its sentences counted. Compiled as ``_teasers.make_blocks`` (which sets the
    same fields without the dataclass's ``__init__`` call); ``block`` is ``Block``,
    passed so that the twin makes the same class."""
    return tuple(
        block(position, index, elements, text, linked, sentences(text), tags[index], len(text))
        for position, (index, text, linked) in enumerate(rows)
    )


def segment(root: lxml_html.HtmlElement) -> Segmentation:
    """Measure ``root`` and every element below it, and cut its text into blocks.

    This is the one stage that visits every element of the page, through the page table
    (one compiled walk, or its Python reference); later stages read the table's flat
    lists instead of the tree.
    """
    table = build_table(root)
    blocks = (compiled("make_blocks") or make_blocks)(
        table.blocks, table.elements, table.tags, Block
    )
    return Segmentation(
        blocks=blocks,
        elements=table.elements,
        tags=table.tags,
        parent=table.parent,
        end=table.end,
        index_of=table.index_of,
        block_at={block.node: block for block in blocks},
        chars=table.chars,
        link_chars=table.link_chars,
        links=table.links,
        table=table,
    )
