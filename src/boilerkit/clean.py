"""Clean stage: drop what a reader never sees.

This is the last stage that mutates the tree; every later stage only reads it.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

# Elements whose content is never visible text of the page.
INVISIBLE_TAGS = (
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
    "embed", "canvas", "audio", "video", "source", "track", "map", "input", "button",
    "select", "textarea", "option", "datalist", "dialog", "link", "meta", "frameset",
)

# Marks that hide an element from the reader.
_HIDDEN = etree.XPath(
    "//*[@hidden or @aria-hidden='true' or @type='hidden'"
    " or contains(translate(@style, ' ', ''), 'display:none')"
    " or contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)


def clean_tree(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """Remove invisible and hidden elements in place, keeping their tails; return ``root``."""
    etree.strip_elements(root, *INVISIBLE_TAGS, with_tail=False)
    for element in _HIDDEN(root):
        if element.getparent() is not None and element.tag not in ("html", "body"):
            element.drop_tree()
    return root
