"""Clean stage: drop what a reader never sees.

This is the last stage that mutates the tree; every later stage only reads it.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

INVISIBLE_TAGS = (
    "script",
    "style",
    "template",
    "head",
    "svg",
    "math",
    "iframe",
    "object",
    "canvas",
    "audio",
    "video",
    "map",
    "button",
    "select",
    "textarea",
    "option",
    "datalist",
    "dialog",
    "link",
    "meta",
    "frameset",
    "rt",
    "rp",
)
"""Elements whose content is never visible text of the page (``rt``/``rp``: ruby
readings, shown above the text they gloss rather than in it)."""

VOID_TAGS = ("embed", "source", "track", "input", "param", "keygen")
"""Void elements: they hold nothing, but libxml2 nests whatever follows an unclosed one
inside it, so only the tag goes and the page after it stays."""

NOSCRIPT_MAX_CHARS = 1000
"""A ``<noscript>`` holding more text than this is an unclosed one that swallowed the page
(the parser nests everything after it inside): its content is kept. Shorter ones hold
"please enable JavaScript" notices and tracking pixels, and go."""

# Permalink anchors that decorate headings ("¶", "#", "§"): markup, not text.
_PERMALINKS = etree.XPath(
    "//a[normalize-space()='¶' or normalize-space()='#' or normalize-space()='§'"
    " or normalize-space()='🔗']"
)

# Candidates for hidden elements; the style test is confirmed with _HIDDEN_STYLE.
_MAYBE_HIDDEN = etree.XPath(
    "//*[@hidden or @aria-hidden='true' or @type='hidden'"
    " or contains(@style, 'none') or contains(@style, 'hidden')]"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def clean_tree(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """Remove invisible and hidden elements in place, keeping their tails; return ``root``."""
    etree.strip_elements(root, *INVISIBLE_TAGS, with_tail=False)
    etree.strip_tags(root, *VOID_TAGS)
    for noscript in root.iter("noscript"):
        if len(noscript.text_content()) > NOSCRIPT_MAX_CHARS:
            noscript.tag = "div"
    etree.strip_elements(root, "noscript", with_tail=False)
    for anchor in _PERMALINKS(root):
        anchor.drop_tree()
    for element in _MAYBE_HIDDEN(root):
        if element.getparent() is None or element.tag in ("html", "body"):
            continue
        style = element.get("style")
        if (
            style is not None
            and not _HIDDEN_STYLE.search(style)
            and not (
                element.get("hidden") is not None
                or element.get("aria-hidden") == "true"
                or element.get("type") == "hidden"
            )
        ):
            continue
        element.drop_tree()
    return root
