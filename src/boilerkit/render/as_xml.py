"""XML and XML-TEI: the article in the tag set trafilatura's users know (``p``, ``head``,
``list``/``item``, ``quote``, ``code``, ``table``/``row``/``cell``, ``hi``, ``ref``).

Both formats are built element by element from the shared walk's blocks, as the HTML
reader view is, and serialized by lxml: the output is well-formed by construction. Text
and attribute values go through ``xml_text`` first, which drops what XML 1.0 cannot hold
at all (C0 controls but tab and newline, lone surrogates, U+FFFE/U+FFFF); everything else,
``<``, ``&`` and ``]]>`` included, is escaped by the serializer.

``xml`` is one ``<doc>`` whose attributes carry the metadata and whose ``<main>`` holds the
article (and ``<comments>`` the comment section, with ``include_comments``). ``tei``
(``as_tei``) wraps the same body in a TEI P5 document. The two differ only where TEI's
content model is stricter: a heading starts a new ``<div>`` (a TEI ``<head>`` may only open
a division), and a code block is an ``<ab type="code">`` around the ``<code>``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from lxml import etree

from ..options import Options
from .as_html import xml_text
from .blocks import BREAK, Cell, Code, Frame, Image, Inline, RenderBlock, Span, shared_frames
from .record import Record
from .walk import walk

TEI_NS: Final = "http://www.tei-c.org/ns/1.0"
_REND: Final = {"em": "#i", "strong": "#b", "del": "#s"}
_XML_ATTRIBUTES: Final = (
    "title",
    "author",
    "date",
    "date_modified",
    "sitename",
    "description",
    "language",
    "url",
    "image",
    "categories",
    "tags",
    "license",
    "page_type",
)
"""``Record`` fields written as attributes of ``<doc>``, in this order (absent when empty)."""


class Builder:
    """Turns blocks into elements of one vocabulary: plain (``ns=""``) or TEI's namespace."""

    def __init__(self, tei: bool) -> None:
        self.tei = tei
        self.prefix = f"{{{TEI_NS}}}" if tei else ""

    def sub(
        self, parent: etree._Element, tag: str, text: str = "", **attrib: str
    ) -> etree._Element:
        """A child element; ``text`` and attribute values are made XML-safe here."""
        element = etree.SubElement(
            parent, self.prefix + tag, {k: xml_text(v) for k, v in attrib.items() if v}
        )
        if text:
            element.text = xml_text(text)
        return element

    def blocks(self, parent: etree._Element, blocks: list[RenderBlock]) -> None:
        """``blocks`` in order under ``parent``; lists and quotes nested as their frames say."""
        section = parent
        open_frames: list[tuple[Frame, etree._Element]] = []
        for block in blocks:
            if self.tei and block.kind == "heading" and not block.frames:
                section, open_frames = self.sub(parent, "div"), []
            common = shared_frames(tuple(frame for frame, _ in open_frames), block.frames)
            del open_frames[common:]
            container = open_frames[-1][1] if open_frames else section
            for index in range(common, len(block.frames)):
                container = self._open(container, block.frames, index)
                open_frames.append((block.frames[index], container))
            self._block(container, block, framed=bool(block.frames))

    def _open(
        self, parent: etree._Element, frames: tuple[Frame, ...], index: int
    ) -> etree._Element:
        frame = frames[index]
        if frame.kind == "quote":
            return self.sub(parent, "quote")
        if frame.kind == "item":
            return self.sub(parent, "item", n=str(frame.number) if frame.ordered else "")
        return self.sub(parent, "list", rend="numbered" if frame.ordered else "bulleted")

    def _block(self, parent: etree._Element, block: RenderBlock, *, framed: bool) -> None:
        if block.kind in ("para", "heading") and framed:
            # Inside an item or quote: its first paragraph is the item's own text, as in
            # trafilatura's output; later ones follow a line break.
            if len(parent) or (parent.text or "").strip():
                self.sub(parent, "lb")
            self.inline(parent, block.content)
        elif block.kind == "para":
            self.inline(self.sub(parent, "p"), block.content)
        elif block.kind == "heading":
            self.inline(self.sub(parent, "head", rend=f"h{block.level}"), block.content)
        elif block.kind == "code":
            holder = self.sub(parent, "ab", type="code") if self.tei else parent
            self.sub(holder, "code", block.code, lang=block.language)
        elif block.kind == "table":
            self._table(self.sub(parent, "table"), block.rows)

    def _table(self, table: etree._Element, rows: list[list[Cell]]) -> None:
        for row in rows:
            header = all(cell.slot.header for cell in row if not cell.filler)
            element = self.sub(table, "row", role="label" if header else "")
            for cell in row:
                if cell.filler:
                    continue  # covered by another cell's span
                slot = cell.slot
                self.inline(
                    self.sub(
                        element,
                        "cell",
                        role="head" if slot.header and not header else "",
                        cols=str(slot.colspan) if slot.colspan > 1 else "",
                        rows=str(slot.rowspan) if slot.rowspan > 1 else "",
                    ),
                    cell.content,
                )

    def inline(self, parent: etree._Element, content: list[Inline]) -> None:
        """Inline content appended to ``parent``: text, ``hi``, ``ref``, ``code``, ``lb``."""
        last: etree._Element | None = parent[-1] if len(parent) else None
        for node in content:
            if isinstance(node, str):
                if last is None:
                    parent.text = (parent.text or "") + xml_text(node)
                else:
                    last.tail = (last.tail or "") + xml_text(node)
                continue
            if isinstance(node, Code):
                last = self.sub(parent, "code", node.text)
            elif isinstance(node, Image):
                last = self.sub(parent, "graphic", url=node.src)
                if node.alt:
                    self.sub(last, "desc", node.alt)
            elif node is BREAK:
                last = self.sub(parent, "lb")
            elif isinstance(node, Span):
                if node.kind == "link":
                    last = self.sub(parent, "ref", target=node.href)
                else:
                    last = self.sub(parent, "hi", rend=_REND.get(node.kind, "#i"))
                self.inline(last, node.children)


def _comments(document: Record, options: Options) -> list[str]:
    if not (options.include_comments and document.comments):
        return []
    return [line for line in document.comments.splitlines() if line.strip()]


def fill_body(
    builder: Builder,
    main: etree._Element,
    document: Record,
    options: Options,
    base_url: str | None,
    comments: Callable[[], etree._Element],
) -> None:
    """The article's blocks under ``main``, the comment lines under ``comments()``."""
    builder.blocks(main, walk(document.content, options, base_url))
    lines = _comments(document, options)
    if lines:
        holder = comments()
        for line in lines:
            builder.sub(holder, "p", line)


def attribute_value(value: object) -> str:
    """A metadata value as one attribute string: tuples joined with commas, as trafilatura."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ",".join(str(item) for item in value)
    return str(value)


def document_xml(document: Record, options: Options, base_url: str | None) -> str:
    """The document as trafilatura-style XML: ``<doc ...metadata><main>...</main></doc>``."""
    builder = Builder(tei=False)
    root = etree.Element("doc")
    for name in _XML_ATTRIBUTES:
        value = xml_text(attribute_value(getattr(document, name)))
        if value:
            root.set(name, value)
    main = builder.sub(root, "main")
    fill_body(builder, main, document, options, base_url, lambda: builder.sub(root, "comments"))
    return serialize(root)


def serialize(root: etree._Element) -> str:
    """``root`` as an XML document with its declaration, indented where no text is.

    libxml2's pretty printer leaves mixed content (``<p>a <hi>b</hi> c</p>``) as it is,
    unlike ``etree.indent``, which would add whitespace to the text.
    """
    xml: str = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml
