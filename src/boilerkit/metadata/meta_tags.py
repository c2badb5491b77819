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

# The attributes of ``<meta>`` that hold its key, in the order they are read.
_KEY_ATTRIBUTES = ("property", "name", "http-equiv")
# Anchors with a ``rel`` (``rel=license``); selected in C, which spares a proxy per ``<a>``.
_ANCHORS = etree.XPath("//a[@rel]")
# Through the attribute nodes: twice as fast in libxml2 as testing every element.
_ITEMPROPS = etree.XPath("//@itemprop/..")
# RDFa on visible elements (the attribute axis: one quick pass over the attributes).
_RDFA = etree.XPath("//body//@property/parent::*[@content]")
# The elements the metadata sources read, collected in one walk of the tree.
_TAGS = ("meta", "link", "time", "script", "title", "h1")

Meta = tuple[str | None, str | None, str | None, str | None, str | None]
"""A ``<meta>``'s ``property``, ``name``, ``http-equiv``, ``content`` and ``itemprop``."""
Link = tuple[str | None, str | None]
"""A ``<link>``'s or ``<a>``'s ``rel`` and ``href``."""
Time = tuple[str | None, str | None, str | None, str | None]
"""A ``<time>``'s ``datetime``, ``itemprop``, ``class`` and ``id``."""
Script = tuple[str, str | None]
"""A JSON-LD ``<script>``'s ``type`` and text."""


@dataclass(frozen=True, slots=True)
class PageTags:
    """What the metadata sources read, each kind in page order: the declarations as
    attribute strings, proxies only for the few elements read further.

    One walk of the tree (compiled: ``_meta.page_sources``); an element proxy costs
    about a microsecond (lxml.html's class lookup), so the hundred ``<meta>``, ``<link>``,
    ``<a rel>`` and ``<script>`` elements of a page are read in C instead.
    """

    metas: tuple[Meta, ...]
    links: tuple[Link, ...]
    anchors: tuple[Link, ...]
    """``<a>`` elements with a ``rel``."""
    times: tuple[Time, ...]
    scripts: tuple[Script, ...]
    """Only those whose ``type`` holds "ld+json" (any case)."""
    titles: tuple[lxml_html.HtmlElement, ...]
    h1s: tuple[lxml_html.HtmlElement, ...]
    """Only those inside ``<body>``."""
    itemprops: tuple[lxml_html.HtmlElement, ...]
    """Elements with an ``itemprop``."""
    rdfa: tuple[tuple[str, str], ...]
    """The ``property`` and ``content`` of ``<body>`` and the elements in it that have
    both (RDFa: ``<span property="schema:datePublished" content=...>``)."""


def page_tags(root: lxml_html.HtmlElement) -> PageTags:
    """Collect what ``PageTags`` holds in one walk: compiled (``_meta.page_sources``) when
    it is built and ``root`` is the whole document."""
    collect = compiled("page_sources")
    if collect is None or not is_whole_document(root):
        return reference_page_tags(root)
    metas, links, anchors, times, scripts, titles, h1s, h1_in_body, itemprops, rdfa = collect(root)
    return PageTags(
        tuple(metas),
        tuple(links),
        tuple(anchors),
        tuple(times),
        tuple(scripts),
        tuple(titles),
        tuple(h1 for h1, inside in zip(h1s, h1_in_body, strict=True) if inside),
        tuple(itemprops),
        tuple(rdfa),
    )


def reference_page_tags(root: lxml_html.HtmlElement) -> PageTags:
    """``page_tags`` in plain Python: the spec of ``_meta.page_sources``."""
    found: dict[str, list[lxml_html.HtmlElement]] = {tag: [] for tag in _TAGS}
    for element in root.iter(*_TAGS):
        found[element.tag].append(element)
    h1s = [h1 for h1 in found["h1"] if next(h1.iterancestors("body"), None) is not None]
    return PageTags(
        tuple(
            (
                m.get("property"),
                m.get("name"),
                m.get("http-equiv"),
                m.get("content"),
                m.get("itemprop"),
            )
            for m in found["meta"]
        ),
        tuple((e.get("rel"), e.get("href")) for e in found["link"]),
        tuple((e.get("rel"), e.get("href")) for e in _ANCHORS(root)),
        tuple(
            (e.get("datetime"), e.get("itemprop"), e.get("class"), e.get("id"))
            for e in found["time"]
        ),
        tuple(
            (kind, e.text)
            for e in found["script"]
            if (kind := e.get("type")) is not None and "ld+json" in kind.lower()
        ),
        tuple(found["title"]),
        tuple(h1s),
        tuple(_ITEMPROPS(root)),
        reference_rdfa(root),
    )


def reference_rdfa(root: lxml_html.HtmlElement) -> tuple[tuple[str, str], ...]:
    """``PageTags.rdfa`` by an XPath over the document."""
    return tuple((e.get("property"), e.get("content")) for e in _RDFA(root))


def read_meta_tags(metas: Sequence[Meta], found: Candidates) -> None:
    """Add every known ``<meta>`` declaration of the page to ``found``.

    ``property=`` declarations (the RDFa form that OpenGraph and Dublin Core specify) are
    read before ``name=`` ones, so they win when a page gives both.
    """
    declared = [meta for meta in metas if meta[3] is not None and meta[4] is None]
    for position in range(len(_KEY_ATTRIBUTES)):
        for meta in declared:
            for key in (meta[position] or "").lower().split():
                target = META_KEYS.get(key)
                if target is not None:
                    found.add(target[0], target[1], meta[3])


def read_links(root: lxml_html.HtmlElement, tags: PageTags, found: Candidates) -> None:
    """``<link rel=canonical>``, ``rel=license`` (links first, then anchors) and
    ``<html lang>``."""
    for is_link, (rel, href) in [
        *((True, link) for link in tags.links),
        *((False, anchor) for anchor in tags.anchors),
    ]:
        if not href:
            continue
        rels = (rel or "").lower().split()
        if "canonical" in rels and is_link:
            found.add("url", "canonical", href)
        elif "license" in rels:
            found.add("license", "link_license", href)
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        found.add("language", "html_lang", lang)


def read_time_elements(times: Sequence[Time], found: Candidates) -> None:
    """``<time datetime>`` elements: ``pubdate`` or an "updated" class says which date."""
    for value, itemprop, classes, ids in times:
        if not value or itemprop:
            continue
        marks = " ".join((classes or "", ids or "")).lower()
        if "updated" in marks or "modified" in marks:
            found.add("date_modified", "time", value)
        else:
            found.add("date", "time", value)
