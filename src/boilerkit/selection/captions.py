"""Captions set apart from their image, which no class name marks.

A block of its own right after an ``a > img`` (Plone's ``p.discreet``), the cell under an
image's cell in an old page's layout table, or a ``div`` whose first child is the image
and whose text follows it in a sibling (K2's ``div.itemImageBlock``). Read by
``choose._Judge.drop_reason``.
"""

from __future__ import annotations

from lxml import html as lxml_html

from ..page.tags import HEADING_TAGS

NOT_CAPTIONS = frozenset({"td", "th", "li"}) | HEADING_TAGS
"""Blocks that stand beside an image without captioning it: cells, items, headings."""

_IMAGE_WRAPPERS = frozenset({"a", "span", "picture"})


def under_image_cell(cell: lxml_html.HtmlElement) -> bool:
    """Whether a table cell is the only one of its row, under a row whose only cell holds
    an image and no text: the layout-table figure of old pages (``<table align=right>``,
    the picture in one row, its caption in the next)."""
    row = cell.getparent()
    if row is None or row.tag != "tr" or len(row) != 1:
        return False
    above = _previous_element(row)
    if above is None or above.tag != "tr" or len(above) != 1:
        return False
    image_cell = above[0]
    return next(image_cell.iter("img"), None) is not None and not image_cell.text_content().strip()


def after_image(element: lxml_html.HtmlElement) -> bool:
    """Whether the element right before ``element`` is an image, or an inline wrapper of
    one (``a > img``, a lightbox link): a short line there, set apart from the image in a
    block of its own (Plone's ``a > img`` then ``p.discreet``), is the image's caption. A
    block before it (a ``p`` holding an image) is no such evidence."""
    before = _previous_element(element)
    if before is None:
        return False
    if before.tag == "img":
        return True
    return before.tag in _IMAGE_WRAPPERS and next(before.iter("img"), None) is not None


def _previous_element(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The previous sibling that is an element (comments and processing instructions skipped)."""
    before = element.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    return before


def image_then_line(element: lxml_html.HtmlElement) -> bool:
    """Whether a ``div`` opens with a child holding an image and no text, and holds its
    text only in the children after it: an image box with its caption beside the image
    (``span.itemImage > a > img`` then ``span.itemImageCaption``), whatever the caption's
    punctuation. A paragraph with an icon inline in its text is a ``p`` and is not asked."""
    if element.tag != "div" or (element.text or "").strip() or len(element) < 2:
        return False
    first = element[0]
    if not isinstance(first.tag, str) or first.tag in ("p", "div"):
        return False
    if next(first.iter("img"), None) is None or first.text_content().strip():
        return False
    return not (first.tail or "").strip()
