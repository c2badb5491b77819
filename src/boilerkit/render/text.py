"""Plain text: one block per line, list items as ``- ``, whitespace normalized.

A paragraph's forced line breaks become separate lines; a table row is one line, its cells
joined by one space; a code block keeps its line breaks (each non-blank line is a line,
its indentation normalized away like all whitespace). This is the format of the golden
``expected.txt`` files in ``fixtures/``. Links, images and emphasis never show in text.
This runs on every extraction, so it takes the shortest path through the shared walk
(a plain walk: no spans, no images).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final

from lxml import html as lxml_html

from .. import budget
from ..options import Options
from .blocks import Frame, Inline, RenderBlock, plain_text
from .spaces import collapse
from .tables import is_data_table, table_grid
from .walk import DEFAULT_OPTIONS, PLAIN_ROLES, Builder, raw_text, walk

CELL_SEPARATOR = " "


def render_text(
    content: lxml_html.HtmlElement | None,
    options: Options | None = None,
    base_url: str | None = None,
) -> str:
    """The content tree as plain text; empty for no content.

    Read off the tree by the compiled twin (``selection/_plain.pyx``: 0.15 against 0.35 ms
    a page on trafilatura-eval) where it is built, else by the plain walk (the spec).
    """
    if content is None:
        return ""
    from ..selection.page_table import compiled  # here: selection imports render

    fast = compiled("plain_lines")
    if fast is not None:
        check = budget.current().check
        special = partial(_special, fast, check, options or DEFAULT_OPTIONS, base_url)
        lines = fast(content, _ROLES_BY_NAME, check, special)
        if lines is not None:
            return "\n".join(lines)
    return blocks_to_text(walk(content, options, base_url, plain=True), plain=True)


_ROLES_BY_NAME: Final = {tag.encode(): role for tag, role in PLAIN_ROLES.items()}
"""The plain walk's roles by the tag names libxml2 holds (UTF-8), for the compiled twin."""


def _special(
    fast: Callable[..., list[str] | None],
    check: Callable[[str], None],
    options: Options,
    base_url: str | None,
    kind: str,
    element: lxml_html.HtmlElement,
) -> str | list[list[str]] | None:
    """What the compiled twin asks the plain walk for: the raw text of inline ``code``,
    the lines of each block of a ``pre`` or of a data ``table`` (``None`` for a layout
    table, which is walked like nested blocks). A data table's cells are read by the
    compiled twin too (``flat``), each one line as ``Builder.cell`` makes it."""
    if kind == "code":
        return raw_text(element, " ")
    if kind == "pre":
        builder = Builder(options, base_url, plain=True)
        builder.pre(element)
        return [_plain_lines(block) for block in builder.blocks]
    if not is_data_table(element):
        return None
    if not options.include_tables:
        return []
    special = partial(_special, fast, check, options, base_url)

    def cell(cell: lxml_html.HtmlElement) -> str:
        line = fast(cell, _ROLES_BY_NAME, check, special, True)
        return line[0] if line else ""

    caption = element.find("caption")
    blocks = [[text] for text in ([cell(caption)] if caption is not None else []) if text]
    rows = (
        CELL_SEPARATOR.join(
            text
            for text in (cell(slot.element) for slot in row if slot.element is not None)
            if text
        )
        for row in table_grid(element)
    )
    lines = [row for row in rows if row]
    return [*blocks, lines] if lines else blocks


def _plain_lines(block: RenderBlock) -> list[str]:
    if block.kind == "para" or block.kind == "heading":
        return [node for node in block.content if isinstance(node, str)]
    return _block_lines(block)


def blocks_to_text(blocks: list[RenderBlock], *, plain: bool = False) -> str:
    """Blocks as lines of text (see the module docstring).

    ``plain`` says the blocks come from a plain walk, whose paragraphs are already
    normalized lines between breaks: they are taken as they are.
    """
    lines: list[str] = []
    seen: set[int] = set()
    for block in blocks:
        new_lines = _plain_lines(block) if plain else _block_lines(block)
        if new_lines and _starts_item(block.frames, seen):
            new_lines[0] = "- " + new_lines[0]
        lines.extend(new_lines)
    return "\n".join(lines)


def _block_lines(block: RenderBlock) -> list[str]:
    if block.kind == "table":
        rows = (
            CELL_SEPARATOR.join(text for text in (_line(cell.content) for cell in row) if text)
            for row in block.rows
        )
        return [row for row in rows if row]
    if block.kind == "code":
        return [" ".join(line.split()) for line in block.code.split("\n") if line.strip()]
    if block.kind == "rule":
        return []
    lines = (collapse(line) for line in plain_text(block.content).split("\n"))
    return [line for line in lines if line]


def _line(content: list[Inline]) -> str:
    return collapse(plain_text(content))


def _starts_item(frames: tuple[Frame, ...], seen: set[int]) -> bool:
    """Whether this block is the first of a list item (and so gets the ``- ``)."""
    starts = False
    for frame in frames:
        if frame.kind == "item" and id(frame) not in seen:
            seen.add(id(frame))
            starts = True
    return starts
