"""Clean HTML, the "reader view": the article rebuilt from the shared walk's blocks.

Safe by construction rather than by filtering: the output is built element by element
from the blocks, so the only tags it can contain are the ones written here (``p``,
headings, lists, ``blockquote``, ``pre``/``code``, tables, ``em``/``strong``/``del``,
``a``, ``img``, ``br``, ``hr``), and the only attributes are ``href`` and ``src`` (which
passed ``urls.safe_url``), ``alt``, ``rel``, ``start``, ``colspan``/``rowspan`` and a
sanitized ``language-*`` class. No scripts, styles, event handlers, iframes or forms can
come through, whatever the page held; text is escaped by the serializer.

Emphasis is always kept (it is part of a reader view); links and images follow
``include_links`` and ``include_images``.
"""

from __future__ import annotations

import dataclasses
import re

from lxml import etree
from lxml import html as lxml_html

from ..options import Options
from .blocks import BREAK, Cell, Code, Frame, Image, Inline, RenderBlock, Span, shared_frames
from .walk import DEFAULT_OPTIONS, walk

_SPAN_TAGS = {"em": "em", "strong": "strong", "del": "del", "link": "a"}
_LINK_REL = "nofollow noopener noreferrer"
# Characters XML (and so lxml) refuses in text: C0 controls but tab/newline/CR, and U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` without the characters an XML/HTML tree cannot hold."""
    return _NOT_XML.sub("", text)


def render_html(
    content: lxml_html.HtmlElement | None,
    options: Options | None = None,
    base_url: str | None = None,
) -> str:
    """The content tree as a safe ``<article>`` fragment; never mutates ``content``."""
    article = blocks_to_html(walk(content, html_options(options), base_url))
    html: str = etree.tostring(article, encoding="unicode", method="html")
    return html


def html_options(options: Options | None) -> Options:
    """The options as HTML uses them: emphasis always on."""
    return dataclasses.replace(options or DEFAULT_OPTIONS, include_formatting=True)


def blocks_to_html(blocks: list[RenderBlock]) -> etree._Element:
    """Blocks as an ``<article>`` element, lists and quotes nested as the frames say."""
    article = etree.Element("article")
    open_frames: list[tuple[Frame, etree._Element]] = []
    for block in blocks:
        common = shared_frames(tuple(frame for frame, _ in open_frames), block.frames)
        del open_frames[common:]
        parent = open_frames[-1][1] if open_frames else article
        for index in range(common, len(block.frames)):
            parent = _open(parent, block.frames, index)
            open_frames.append((block.frames[index], parent))
        _block(parent, block)
    return article


def _open(parent: etree._Element, frames: tuple[Frame, ...], index: int) -> etree._Element:
    frame = frames[index]
    if frame.kind == "quote":
        return etree.SubElement(parent, "blockquote")
    if frame.kind == "item":
        return etree.SubElement(parent, "li")
    element = etree.SubElement(parent, "ol" if frame.ordered else "ul")
    following = frames[index + 1] if index + 1 < len(frames) else None
    if frame.ordered and following is not None and following.number != 1:
        element.set("start", str(following.number))
    return element


def _block(parent: etree._Element, block: RenderBlock) -> None:
    if block.kind == "para":
        _inline(etree.SubElement(parent, "p"), block.content)
    elif block.kind == "heading":
        _inline(etree.SubElement(parent, f"h{block.level}"), block.content)
    elif block.kind == "code":
        code = etree.SubElement(etree.SubElement(parent, "pre"), "code")
        if block.language:
            code.set("class", f"language-{block.language}")
        code.text = xml_text(block.code)
    elif block.kind == "table":
        _table(etree.SubElement(parent, "table"), block)
    elif block.kind == "rule":
        etree.SubElement(parent, "hr")


def _table(table: etree._Element, block: RenderBlock) -> None:
    rows = block.rows
    if rows and all(cell.slot.header for cell in rows[0] if not cell.filler):
        _row(etree.SubElement(etree.SubElement(table, "thead"), "tr"), rows[0])
        rows = rows[1:]
    body = etree.SubElement(table, "tbody")
    for row in rows:
        _row(etree.SubElement(body, "tr"), row)


def _row(tr: etree._Element, row: list[Cell]) -> None:
    for cell in row:
        if cell.filler:
            continue  # covered by a span: the browser lays the grid out again
        element = etree.SubElement(tr, "th" if cell.slot.header else "td")
        if cell.slot.colspan > 1:
            element.set("colspan", str(cell.slot.colspan))
        if cell.slot.rowspan > 1:
            element.set("rowspan", str(cell.slot.rowspan))
        _inline(element, cell.content)


def _inline(parent: etree._Element, content: list[Inline]) -> None:
    last: etree._Element | None = None
    for node in content:
        if isinstance(node, str):
            text = xml_text(node)
            if last is None:
                parent.text = (parent.text or "") + text
            else:
                last.tail = (last.tail or "") + text
            continue
        if isinstance(node, Code):
            last = etree.SubElement(parent, "code")
            last.text = xml_text(node.text)
        elif isinstance(node, Image):
            last = etree.SubElement(parent, "img", src=node.src, alt=xml_text(node.alt))
        elif node is BREAK:
            last = etree.SubElement(parent, "br")
        elif isinstance(node, Span):
            last = etree.SubElement(parent, _SPAN_TAGS[node.kind])
            if node.kind == "link":
                last.set("href", node.href)
                last.set("rel", _LINK_REL)
            _inline(last, node.children)
