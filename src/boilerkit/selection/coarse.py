"""Coarse selection: pages far larger than any article, read in bounded time.

Block selection costs tens of microseconds of Python per element (segment, score,
copy-out, render), so a page with a million elements would take tens of seconds. No
article has that many: the largest page of both development corpora has about 10,000
elements. Pages past ``LARGE_PAGE_ELEMENTS`` are data dumps, logs, single-page manuals and
endless threads, whose text is the point. For them the selection keeps ``<body>`` minus
its structural furniture (the tags and ARIA roles that ``weights`` calls negative), found
by one tag walk and one XPath in C, and the text is written by one XSLT pass in libxml2,
a line per block as in ``render.text``. No block is scored; ``explain`` says so.

The time per element is then what libxml2 takes plus a few string operations per line, so
a million-element page extracts in seconds, as ``docs/robustness.md`` states. The compiled
core (``_coarse.pyx``) has twins of the text, the searches and the count, each a walk in C;
the XSLT and lxml calls here are their reference (``BOILERKIT_PURE=1``).
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree
from lxml import html as lxml_html

from ..render.walk import BLOCK_LEVEL_TAGS, CODE_BLOCK_TAGS, SKIPPED_TAGS
from ..weights import NEGATIVE_ROLES, NEGATIVE_TAGS
from .choose import Selection
from .content import SOFT_HYPHEN
from .page_table import compiled

LARGE_PAGE_ELEMENTS: Final = 100_000
"""Pages with more elements than this get the coarse selection: ten times the largest
page of the development corpora, and about 1.5 s of block selection."""

_MIN_CHARS_PER_ELEMENT: Final = 3
"""Markup needs at least ``<a>`` per element: shorter pages are not counted at all."""

_COUNT: Final = etree.XPath("count(//*)")

# Elements below the context whose ARIA role is a negative one (the attribute axis: one
# quick pass).
_FURNITURE_ROLES: Final = etree.XPath(
    ".//@role[{}]/..".format(" or ".join(f". = '{role}'" for role in sorted(NEGATIVE_ROLES)))
)


def _names(tags: frozenset[str]) -> str:
    return "|".join(sorted(tags))


_LINE: Final = "\ufdd1"
"""Ends a line in the XSLT output. Newlines in the page's text are only whitespace; the
line breaks are where the stylesheet says, marked by noncharacters that text practically
never holds (one that does costs at most a line break or a ``- ``)."""
_ITEM: Final = "\ufdd0"
"""Starts a list item: its first line gets ``- ``."""
_CODE: Final = "\ufdd2"
"""Starts a code block, whose own newlines are line breaks."""

_ITEM_END: Final = "\ufdd3"
"""Ends a list item: an item with nothing but whitespace between its marks is empty."""

# The text renderer's rules, as templates: blocks and breaks end lines, table cells are
# joined by a space, and code keeps its line breaks. (The tags the renderer skips are
# gone from the content by then.)
_STYLESHEET: Final = f"""<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="{_names(BLOCK_LEVEL_TAGS - {"li", "td", "th"})}|br">
    <xsl:text>{_LINE}</xsl:text><xsl:apply-templates/><xsl:text>{_LINE}</xsl:text>
  </xsl:template>
  <xsl:template match="li">
    <xsl:text>{_LINE}{_ITEM}</xsl:text>
    <xsl:apply-templates/><xsl:text>{_ITEM_END}{_LINE}</xsl:text>
  </xsl:template>
  <xsl:template match="td|th"><xsl:text> </xsl:text><xsl:apply-templates/></xsl:template>
  <xsl:template match="{_names(CODE_BLOCK_TAGS)}">
    <xsl:text>{_LINE}{_CODE}</xsl:text><xsl:value-of select="."/><xsl:text>{_LINE}</xsl:text>
  </xsl:template>
</xsl:stylesheet>"""
_TO_TEXT: Final = etree.XSLT(
    etree.XML(_STYLESHEET), access_control=etree.XSLTAccessControl.DENY_ALL
)


def is_large(root: lxml_html.HtmlElement, markup_chars: int) -> int:
    """The element count of a page with more than ``LARGE_PAGE_ELEMENTS``, else 0.

    Pages whose markup is too short to hold that many elements are not counted.
    """
    if markup_chars < LARGE_PAGE_ELEMENTS * _MIN_CHARS_PER_ELEMENT:
        return 0
    twin = compiled("count_elements")
    count = int(twin(root) if twin else _COUNT(root))
    return count if count > LARGE_PAGE_ELEMENTS else 0


def coarse_selection(root: lxml_html.HtmlElement, elements: int) -> Selection:
    """The selection of a page of ``elements`` elements (see the module docstring)."""
    note = (
        f"coarse selection: {elements:,} elements, over {LARGE_PAGE_ELEMENTS:,}: <body> kept"
        " without nav, aside, form, footer and furniture roles; no block was scored"
    )
    return Selection(coarse_content(root), confidence=1.0, notes=(note,))


def coarse_content(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """``<body>`` with its furniture and the tags no renderer shows removed (in place), or
    ``None`` if it holds no text. The searches are one compiled walk when the extension
    is built (``_coarse.furniture``, ``has_text``); the lxml calls below are the spec."""
    body = root.find("body")
    if body is None:
        body = root
    twin = compiled("furniture")
    found = twin(body, NEGATIVE_TAGS, NEGATIVE_ROLES, SKIPPED_TAGS) if twin else None
    if found is None:
        furniture = [
            element
            for element in body.iter(*NEGATIVE_TAGS)
            if element.tag != "footer" or next(element.iterancestors("article"), None) is None
        ]
        furniture.extend(_FURNITURE_ROLES(body))
        skipped = True
    else:
        tagged, roled, skipped = found
        furniture = tagged + roled
    for element in furniture:
        if element is not body and element.getparent() is not None:  # not dropped already
            element.drop_tree()  # (a <nav role="navigation"> is listed twice)
    if skipped:
        etree.strip_elements(body, *SKIPPED_TAGS, with_tail=False)  # as the renderers do
    return body if _has_text(body) else None


def _has_text(content: lxml_html.HtmlElement) -> bool:
    twin = compiled("has_text")
    found: bool | None = twin(content) if twin else None
    if found is None:
        return bool(etree.tostring(content, method="text", encoding=str).strip())
    return found


_ITEM_START: Final = re.compile(f"(?:{_ITEM}[ \n]*)+(?=\\S)")
_EMPTY_ITEM: Final = re.compile(f"{_ITEM}[\\s{_LINE}]*{_ITEM_END}")
_EMPTY_ITEM_PASSES: Final = 8
"""Empty items nested in empty items are dropped this deep; deeper ones (tag soup) give
their ``- `` to the next line."""


_KINDS: Final = {
    **dict.fromkeys(BLOCK_LEVEL_TAGS - {"li", "td", "th"} | {"br"}, 1),
    "li": 2,
    "td": 3,
    "th": 3,
    **dict.fromkeys(CODE_BLOCK_TAGS, 4),
}
"""The stylesheet's templates by tag, for its compiled twin: 1 a block, 2 a list item, 3 a
table cell, 4 a code block (``_coarse.pyx`` numbers them so)."""


def coarse_text(content: lxml_html.HtmlElement | None) -> str:
    """``content`` as plain text, one block per line (the format of ``render.text``):
    the compiled twin (``_coarse.coarse_text``) when it is built, else the reference."""
    if content is None:
        return ""
    twin = compiled("coarse_text")
    text: str | None = twin(content, _KINDS) if twin is not None else None
    return reference_coarse_text(content) if text is None else text


def reference_coarse_text(content: lxml_html.HtmlElement | None) -> str:
    """``coarse_text`` by an XSLT pass in libxml2 and string passes: the spec.

    String methods on the whole text rather than a loop over lines: a million lines take
    a second in a Python loop, a tenth of that this way.
    """
    if content is None:
        return ""
    text = str(_TO_TEXT(content)).replace(SOFT_HYPHEN, "")
    if _ITEM in text:
        for _ in range(_EMPTY_ITEM_PASSES):
            text, dropped = _EMPTY_ITEM.subn("", text)
            if not dropped:
                break
        text = text.replace(_ITEM_END, "")
    if _CODE in text:
        return _with_code(text)
    text = " ".join(text.split()).replace(f" {_LINE}", _LINE).replace(f"{_LINE} ", _LINE)
    text = "\n".join(filter(None, text.split(_LINE)))
    return _ITEM_START.sub("- ", text).replace(_ITEM, "") if _ITEM in text else text


def _with_code(text: str) -> str:
    """``coarse_text`` line by line, for output with code blocks (whose newlines count)."""
    lines: list[str] = []
    item = False  # a list item has started and its first line is still to come
    for piece in text.split(_LINE):
        if piece[:1] == _ITEM:
            item, piece = True, piece[1:]
        if piece[:1] == _CODE:
            found = [" ".join(line.split()) for line in piece[1:].split("\n")]
        else:
            found = [" ".join(piece.split())]
        for line in found:
            if line:
                lines.append("- " + line if item else line)
                item = False
    return "\n".join(lines)
