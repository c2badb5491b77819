"""Parse stage: page text to an lxml element tree, safely.

The parser never resolves entities, never touches the network and never reads files;
it tolerates any tag soup, and libxml2's own depth limit keeps deep nesting bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

_PARSER = lxml_html.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    default_doctype=False,
    collect_ids=False,
)


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """A parsed page and the URL its relative links resolve against."""

    root: lxml_html.HtmlElement
    base_url: str | None


def parse_html(text: str, url: str | None = None) -> ParsedPage:
    """Parse ``text`` into a tree with an ``<html>`` root, whatever the input looks like."""
    text = text.replace("\x00", "")
    root = None
    if text.strip():
        try:
            root = etree.fromstring(text, _PARSER)
        except (etree.ParserError, ValueError):
            root = None
    if root is None or not isinstance(root, lxml_html.HtmlElement):
        root = lxml_html.document_fromstring("<html><body></body></html>", parser=_PARSER)
    base = root.find(".//base[@href]")
    base_url = url
    if base is not None:
        href = (base.get("href") or "").strip()
        if href:
            base_url = urljoin(url or "", href) if url else href
    return ParsedPage(root=root, base_url=base_url)
