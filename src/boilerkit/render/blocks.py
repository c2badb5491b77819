"""The blocks model: what the shared walk makes of the content tree, and every format prints.

A ``RenderBlock`` is a paragraph, heading, code block, table or rule, in reading order; its
``frames`` are the lists, list items and quotes it sits in, outermost first (the same
``Frame`` object for every block of one item, so a renderer can tell a new item from a
continued one). Inline content is a list of ``str`` (whitespace collapsed), ``Code``,
``Image``, ``BREAK`` and ``Span`` (emphasis or a link, with children).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from .tables import Slot


class Break:
    """A forced line break (``<br>``): a new line in text, a hard break in Markdown."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "BREAK"


BREAK: Final = Break()


@dataclass(frozen=True, slots=True)
class Code:
    """Inline code; its text is rendered verbatim (never escaped, never emphasised)."""

    text: str


@dataclass(frozen=True, slots=True)
class Image:
    """An image, made only when ``include_images`` asks; ``src`` is already safe."""

    src: str
    alt: str


@dataclass(slots=True)
class Span:
    """Emphasis (``em``, ``strong``, ``del``) or a link (``link`` with a safe ``href``)."""

    kind: str
    children: list[Inline] = field(default_factory=list)
    href: str = ""


Inline = str | Code | Image | Break | Span


@dataclass(slots=True, eq=False)
class Frame:
    """A container a block sits in: ``quote``, ``list`` or ``item`` (compared by identity)."""

    kind: str
    ordered: bool = False
    number: int = 0
    """For a list, the number its next item gets; for an item, its own number."""


@dataclass(slots=True)
class RenderBlock:
    """One block of the article, in reading order, as the formats print it (not to be
    confused with ``selection.segment.Block``, the run of text the scoring judges)."""

    kind: str
    """``para``, ``heading``, ``code``, ``table`` or ``rule``."""
    frames: tuple[Frame, ...]
    content: list[Inline] = field(default_factory=list)
    level: int = 0
    """Heading level, 1 to 6."""
    code: str = ""
    """A code block's text, line breaks and indentation kept."""
    language: str = ""
    rows: list[list[Cell]] = field(default_factory=list)
    """A table's grid, one ``Cell`` per column (spans expanded into filler cells)."""


def trim_end(content: list[Inline]) -> None:
    """Drop the whitespace the last string of a block ends with (it separates nothing)."""
    if content and isinstance(content[-1], str):
        content[-1] = content[-1].rstrip()
        if not content[-1]:
            content.pop()


def shared_frames(a: tuple[Frame, ...], b: tuple[Frame, ...]) -> int:
    """How many containers (outermost first) two blocks share."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x is not y:
            break
        count += 1
    return count


def has_words(content: list[Inline]) -> bool:
    """Whether inline content shows anything: text, code or an image."""
    for node in content:
        if isinstance(node, str):
            if not node.isspace():
                return True
        elif isinstance(node, Span):
            if has_words(node.children):
                return True
        elif isinstance(node, Image) or (isinstance(node, Code) and node.text):
            return True
    return False


def plain_text(content: list[Inline], brk: str = "\n") -> str:
    """Inline content as plain text: spans unwrapped, images dropped, breaks as ``brk``."""
    parts: list[str] = []
    for node in content:
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, Code):
            parts.append(node.text)
        elif node is BREAK:
            parts.append(brk)
        elif isinstance(node, Span):
            parts.append(plain_text(node.children, brk))
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Cell:
    """One column of a table row: its inline content and where it came from in the grid."""

    content: list[Inline]
    slot: Slot

    @property
    def filler(self) -> bool:
        """A position covered by another cell's row/colspan (no element of its own)."""
        return self.slot.element is None
