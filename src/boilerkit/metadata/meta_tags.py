"""``<meta>``, ``<link>``, ``<html lang>`` and ``<time>``: the head's declarations.

One pass over the ``<meta>`` elements; each ``name``/``property``/``http-equiv`` key
(space-separated keys count separately) is looked up in ``META_KEYS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from ..page.roots import is_whole_document
from ..selection.page_table import compiled
from .candidates import Candidates

# meta key (lower-case) -> (field, source). Keys absent here are ignored.
META_KEYS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("og:title",), ("title", "og")),
    **dict.fromkeys(("twitter:title",), ("title", "twitter")),
    **dict.fromkeys(("dc.title", "dc:title", "dcterms.title", "dcterm:title"), ("title", "dc")),
    **dict.fromkeys(("parsely-title", "sailthru.title", "title", "headline"), ("title", "meta")),
    **dict.fromkeys(("article:author", "og:article:author", "book:author"), ("author", "og")),
    **dict.fromkeys(
        ("dc.creator", "dc:creator", "dcterms.creator", "dcterm:creator"), ("author", "dc")
    ),
    **dict.fromkeys(
        (
            "author",
            "parsely-author",
            "sailthru.author",
            "byl",
            "citation_author",
            "article.author",
            "authors",
        ),
        ("author", "meta"),
    ),
    **dict.fromkeys(
        (
            "article:published_time",
            "og:published_time",
            "article:published",
            "og:article:published_time",
            "og:pubdate",
            "article:published_date",
        ),
        ("date", "og"),
    ),
    **dict.fromkeys(
        (
            "dc.date",
            "dc:date",
            "dc.date.issued",
            "dc.date.created",
            "dcterms.date",
            "dcterms.issued",
            "dcterms.created",
        ),
        ("date", "dc"),
    ),
    **dict.fromkeys(
        (
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "published_time",
            "parsely-pub-date",
            "sailthru.date",
            "datepublished",
            "citation_publication_date",
            "citation_date",
            "article.published",
            "pub_date",
            "originalpublicationdate",
            "date.available",
            "cxenseparse:recs:publishtime",
            "release_date",
            "created",
            "article.created",
            "dateposted",
        ),
        ("date", "meta"),
    ),
    **dict.fromkeys(
        ("article:modified_time", "og:updated_time", "article:modified"), ("date_modified", "og")
    ),
    **dict.fromkeys(("dc.date.modified", "dcterms.modified"), ("date_modified", "dc")),
    **dict.fromkeys(
        ("last-modified", "lastmod", "datemodified", "modified", "revised", "article.updated"),
        ("date_modified", "meta"),
    ),
    **dict.fromkeys(("og:site_name",), ("sitename", "og")),
    **dict.fromkeys(("application-name", "publisher", "sailthru.publisher"), ("sitename", "meta")),
    **dict.fromkeys(("dc.publisher", "dcterms.publisher"), ("sitename", "dc")),
    **dict.fromkeys(("og:description",), ("description", "og")),
    **dict.fromkeys(("twitter:description",), ("description", "twitter")),
    **dict.fromkeys(
        ("dc.description", "dc:description", "dcterms.description", "dcterm:description"),
        ("description", "dc"),
    ),
    **dict.fromkeys(("description", "sailthru.description"), ("description", "meta")),
    **dict.fromkeys(("og:image", "og:image:url", "og:image:secure_url"), ("image", "og")),
    **dict.fromkeys(("twitter:image", "twitter:image:src"), ("image", "twitter")),
    **dict.fromkeys(("thumbnail", "parsely-image-url", "sailthru.image.full"), ("image", "meta")),
    **dict.fromkeys(("content-language", "language", "lang"), ("language", "meta")),
    **dict.fromkeys(("og:locale",), ("language", "og")),
    **dict.fromkeys(("dc.language", "dcterms.language"), ("language", "dc")),
    **dict.fromkeys(("article:section",), ("categories", "og")),
    **dict.fromkeys(("parsely-section", "category", "section"), ("categories", "meta")),
    **dict.fromkeys(("article:tag",), ("tags", "og")),
    **dict.fromkeys(
        ("keywords", "news_keywords", "parsely-tags", "sailthru.tags"), ("tags", "meta")
    ),
    **dict.fromkeys(("dc.rights", "dcterms.license", "dcterms.rights"), ("license", "dc")),
    **dict.fromkeys(("og:url",), ("url", "og")),
}

_KEY_ATTRIBUTES = ("property", "name", "http-equiv")
# Anchors with a ``rel`` (``rel=license``); selected in C, which spares a proxy per ``<a>``.
_ANCHORS = etree.XPath("//a[@rel]")
# Through the attribute nodes: twice as fast in libxml2 as testing every element.
_ITEMPROPS = etree.XPath("//@itemprop/..")
# The elements the metadata sources read, collected in one walk of the tree.
_TAGS = ("meta", "link", "time", "script", "title", "h1")


@dataclass(frozen=True, slots=True)
class PageTags:
    """The page's elements of the ``_TAGS`` kinds, each in page order.

    One ``iter`` over the tree with a tag filter (in C) costs about what one XPath over it
    does; the six separate searches it replaces cost six times that.
    """

    metas: tuple[lxml_html.HtmlElement, ...]
    links: tuple[lxml_html.HtmlElement, ...]
    times: tuple[lxml_html.HtmlElement, ...]
    scripts: tuple[lxml_html.HtmlElement, ...]
    titles: tuple[lxml_html.HtmlElement, ...]
    h1s: tuple[lxml_html.HtmlElement, ...]
    """Only those inside ``<body>``."""
    anchors: tuple[lxml_html.HtmlElement, ...]
    """``<a>`` elements with a ``rel``."""
    itemprops: tuple[lxml_html.HtmlElement, ...]
    """Elements with an ``itemprop``."""


def page_tags(root: lxml_html.HtmlElement) -> PageTags:
    """Collect the page's ``<meta>``, ``<link>``, ``<time>``, ``<script>``, ``<title>``
    and ``<h1>`` elements, ``<a rel>`` and ``itemprop`` elements in one walk: compiled
    (``_passes.collect_tags``, proxies made for the matches only) when it is built."""
    collect = compiled("collect_tags")
    if collect is None or not is_whole_document(root):
        return reference_page_tags(root)
    found, h1_in_body, anchors, itemprops = collect(root, _TAGS)
    return PageTags(
        tuple(found["meta"]),
        tuple(found["link"]),
        tuple(found["time"]),
        tuple(found["script"]),
        tuple(found["title"]),
        tuple(h1 for h1, inside in zip(found["h1"], h1_in_body, strict=True) if inside),
        tuple(anchors),
        tuple(itemprops),
    )


def reference_page_tags(root: lxml_html.HtmlElement) -> PageTags:
    """``page_tags`` in plain Python: the spec of ``_passes.collect_tags``."""
    found: dict[str, list[lxml_html.HtmlElement]] = {tag: [] for tag in _TAGS}
    for element in root.iter(*_TAGS):
        found[element.tag].append(element)
    h1s = [h1 for h1 in found["h1"] if next(h1.iterancestors("body"), None) is not None]
    return PageTags(
        tuple(found["meta"]),
        tuple(found["link"]),
        tuple(found["time"]),
        tuple(found["script"]),
        tuple(found["title"]),
        tuple(h1s),
        tuple(_ANCHORS(root)),
        tuple(_ITEMPROPS(root)),
    )


def read_meta_tags(elements: Sequence[lxml_html.HtmlElement], found: Candidates) -> None:
    """Add every known ``<meta>`` declaration of the page to ``found``.

    ``property=`` declarations (the RDFa form that OpenGraph and Dublin Core specify) are
    read before ``name=`` ones, so they win when a page gives both.
    """
    metas = [m for m in elements if m.get("content") is not None and m.get("itemprop") is None]
    for attribute in _KEY_ATTRIBUTES:
        for element in metas:
            for key in (element.get(attribute) or "").lower().split():
                target = META_KEYS.get(key)
                if target is not None:
                    found.add(target[0], target[1], element.get("content"))


def read_links(root: lxml_html.HtmlElement, tags: PageTags, found: Candidates) -> None:
    """``<link rel=canonical>``, ``rel=license`` (links first, then anchors) and
    ``<html lang>``."""
    for element in [*tags.links, *tags.anchors]:
        rels = (element.get("rel") or "").lower().split()
        href = element.get("href")
        if not href:
            continue
        if "canonical" in rels and element.tag == "link":
            found.add("url", "canonical", href)
        elif "license" in rels:
            found.add("license", "link_license", href)
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        found.add("language", "html_lang", lang)


def read_time_elements(elements: Sequence[lxml_html.HtmlElement], found: Candidates) -> None:
    """``<time datetime>`` elements: ``pubdate`` or an "updated" class says which date."""
    for element in elements:
        value = element.get("datetime")
        if not value or element.get("itemprop"):
            continue
        marks = " ".join((element.get("class") or "", element.get("id") or "")).lower()
        if "updated" in marks or "modified" in marks:
            found.add("date_modified", "time", value)
        else:
            found.add("date", "time", value)
