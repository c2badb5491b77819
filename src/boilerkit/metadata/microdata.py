"""schema.org microdata: ``itemprop`` attributes on the page's elements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from .candidates import Candidates

# itemprop name -> field. ``name`` is read only inside an author/publisher scope.
ITEMPROPS: dict[str, str] = {
    "headline": "title",
    "author": "author",
    "creator": "author",
    "datepublished": "date",
    "datecreated": "date",
    "datemodified": "date_modified",
    "description": "description",
    "publisher": "sitename",
    "image": "image",
    "articlesection": "categories",
    "keywords": "tags",
    "inlanguage": "language",
}

_NAME = etree.XPath(".//*[@itemprop='name' or @itemprop='legalName']")
# Scopes whose ``description``/``image``/``headline`` describe something else than the page.
_FOREIGN_SCOPES = ("person", "organization", "comment", "review", "offer", "product", "rating")

# Beyond this many itemprops the page is a catalogue; the first ones are the article's.
MAX_ITEMPROPS = 400


def item_value(element: lxml_html.HtmlElement) -> str | None:
    """The value microdata assigns to an element (its attribute or its text)."""
    value: str | None = _raw_item_value(element)
    return value


def _raw_item_value(element: lxml_html.HtmlElement) -> Any:
    tag = element.tag
    if tag == "meta":
        return element.get("content")
    if tag == "time":
        return element.get("datetime") or element.text_content()
    if tag in ("a", "link", "area"):
        return element.get("href")
    if tag in ("img", "audio", "video", "source", "iframe", "embed"):
        return element.get("src")
    if tag in ("data", "meter"):
        return element.get("value")
    return element.get("content") or element.text_content()


def _in_foreign_scope(element: lxml_html.HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None:
            kind = (ancestor.get("itemtype") or "").lower()
            return any(word in kind for word in _FOREIGN_SCOPES)
    return False


def read_microdata(elements: Sequence[lxml_html.HtmlElement], found: Candidates) -> None:
    """Add the article-level microdata properties of ``elements`` (the page's elements
    with an ``itemprop``, ``meta_tags.PageTags.itemprops``) to ``found``."""
    for element in elements[:MAX_ITEMPROPS]:
        for prop in (element.get("itemprop") or "").lower().split():
            field = ITEMPROPS.get(prop)
            if field is None:
                continue
            if field in ("author", "sitename"):
                names = _NAME(element)
                if names:
                    found.add(field, "microdata", item_value(names[0]))
                elif element.get("itemscope") is None or element.tag in ("meta", "a"):
                    value = element.text_content() if element.tag == "a" else item_value(element)
                    found.add(field, "microdata", value)
                continue
            if field in ("description", "image", "title") and _in_foreign_scope(element):
                continue
            found.add(field, "microdata", item_value(element))


def page_item_types(elements: Sequence[lxml_html.HtmlElement]) -> list[set[str]]:
    """The schema.org types of the page's top-level items, one set per item, found from
    their properties (``elements``, the page's ``itemprop`` elements).

    A top-level item is an ``itemscope`` that is no property of another item: a page's
    ``Article`` is one, its author's ``Person`` is not. Types are the last segment of each
    ``itemtype`` URL, lower-cased (``http://schema.org/NewsArticle`` -> ``newsarticle``).
    """
    items: list[lxml_html.HtmlElement] = []
    for element in elements[:MAX_ITEMPROPS]:
        scope = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
        if scope is not None and scope.get("itemprop") is None and scope not in items:
            items.append(scope)
    return [
        {
            kind.rstrip("/").rsplit("/", 1)[-1].lower()
            for kind in (item.get("itemtype") or "").split()
        }
        for item in items
    ]
