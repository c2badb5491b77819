"""schema.org JSON-LD: ``@graph``, lists, nested and ``@id``-referenced objects.

The article object is the first object whose ``@type`` is an article type; its
``author`` and ``publisher`` may be strings, objects, lists of either, or ``{"@id": ...}``
references resolved against every object on the page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from .candidates import Candidates
from .meta_tags import Script

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "technicalarticle",
        "techarticle",
        "scholarlyarticle",
        "report",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "medicalscholarlyarticle",
        "satiricalarticle",
        "advertisercontentarticle",
    }
)
# Works that stand for the page only when it has no article object: a page of related
# videos embeds many ``VideoObject`` entries beside its one ``NewsArticle``.
OTHER_WORK_TYPES = frozenset(
    {
        "review",
        "recipe",
        "howto",
        "videoobject",
        "podcastepisode",
        "creativework",
        "event",
        "product",
        "course",
        "book",
    }
)
PAGE_TYPES = frozenset(
    {
        "webpage",
        "itempage",
        "aboutpage",
        "profilepage",
        "qapage",
        "faqpage",
        "collectionpage",
        "searchresultspage",
        "medicalwebpage",
    }
)
SITE_TYPES = frozenset({"website", "organization", "newsmediaorganization", "corporation"})

# HTML-comment and CDATA wrappers some CMSs put around the JSON: an opening one at its
# start, a closing one (perhaps after a JavaScript "//") at its end.
_OPENING = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)")  # ^: linear in a search
_CLOSINGS = ("-->", "]]>")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_TYPE_PREFIX = re.compile(r"[/:#]")  # "https://schema.org/NewsArticle", "schema:Article"


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {_TYPE_PREFIX.split(str(name))[-1].lower() for name in names if name}


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every object in ``value``, depth first, in document order."""
    if isinstance(value, list):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict):
        yield value
        for key, item in value.items():
            if key != "@context" and isinstance(item, (dict, list)):
                yield from _walk(item)


def _unwrapped(text: str) -> str:
    """``text`` without its wrappers: what a regex with the closing pattern anchored at the
    end by ``$`` removed, but read from the two ends, where that regex tried every
    position of the JSON (most of the time JSON-LD took)."""
    opening = _OPENING.match(text)
    if opening:
        text = text[opening.end() :]
    body = text.rstrip()
    if not body.endswith(_CLOSINGS):
        return text
    cut = len(body) - 3
    before = body[:cut].rstrip()
    return before[:-2] if before.endswith("//") else body[:cut]


_last: tuple[tuple[str | None, ...], list[dict[str, Any]]] = ((), [])
"""The texts ``parse_scripts`` read last and what it found there: the pipeline reads a
page's scripts twice (its metadata, then its ``articleBody``), and an article's JSON-LD
that carries the whole text cost most of the second read."""


def parse_scripts(texts: Iterable[str | None]) -> list[dict[str, Any]]:
    """Every JSON object in the texts of the page's ld+json scripts (broken JSON is
    skipped). Nobody may change what it returns: the objects of the last texts read are
    given again for the same texts."""
    global _last
    key = tuple(texts)
    last = _last  # read once: another thread may put its page there meanwhile
    if key == last[0]:
        return last[1]
    objects: list[dict[str, Any]] = []
    for script in key:
        text = _unwrapped(script or "").strip()
        if not text:
            continue
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            try:
                data = json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)
            except (ValueError, RecursionError):
                continue
        except RecursionError:  # JSON nested deeper than Python's stack: not metadata
            continue
        try:
            objects.extend(_walk(data))
        except RecursionError:
            continue
    _last = (key, objects)
    return objects


def _names(value: Any, index: dict[str, dict[str, Any]]) -> Iterator[Any]:
    """Names of persons/organizations in any JSON-LD shape."""
    if isinstance(value, list):
        for item in value:
            yield from _names(item, index)
    elif isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str):
            value = index.get(value["@id"], value)
        name = value.get("name")
        if isinstance(name, list):
            yield from name
        elif name is None and (value.get("givenName") or value.get("familyName")):
            yield f"{value.get('givenName') or ''} {value.get('familyName') or ''}"
        else:
            yield name
    else:
        yield value


def _urls(value: Any) -> Iterator[Any]:
    if isinstance(value, list):
        for item in value:
            yield from _urls(item)
    elif isinstance(value, dict):
        yield value.get("url") or value.get("contentUrl") or value.get("@id")
    else:
        yield value


def _add_object(
    obj: dict[str, Any], source: str, index: dict[str, dict[str, Any]], found: Candidates
) -> None:
    """The fields of one article (or page) object."""
    for key in ("headline", "name"):
        if isinstance(obj.get(key), str):
            found.add("title", source, obj[key])
    for key in ("author", "creator"):
        for name in _names(obj.get(key), index):
            found.add("author", source, name)
    for key in ("datePublished", "dateCreated", "uploadDate"):
        found.add("date", source, obj.get(key))
    found.add("date_modified", source, obj.get("dateModified"))
    found.add("description", source, obj.get("description"))
    for url in _urls(obj.get("image") or obj.get("thumbnailUrl")):
        found.add("image", source, url)
    section = obj.get("articleSection")
    for item in section if isinstance(section, list) else [section]:
        found.add("categories", source, item)
    keywords = obj.get("keywords")
    for item in keywords if isinstance(keywords, list) else [keywords]:
        found.add("tags", source, item)
    language = obj.get("inLanguage")
    found.add("language", source, language.get("name") if isinstance(language, dict) else language)
    license_ = obj.get("license")
    found.add("license", source, license_ if isinstance(license_, str) else None)
    main = obj.get("mainEntityOfPage")
    for url in (obj.get("url"), main.get("@id") if isinstance(main, dict) else main):
        found.add("url", source, url if isinstance(url, str) else None)
    for name in _names(obj.get("publisher"), index):
        found.add("sitename", "jsonld_site", name)


def read_jsonld(scripts: Sequence[Script], found: Candidates) -> set[str]:
    """Add the JSON-LD fields of the page's ld+json ``scripts`` to ``found``; return every
    ``@type`` seen (for page_type)."""
    objects = parse_scripts(text for _, text in scripts)
    index = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str) and len(obj) > 1}
    seen: set[str] = set()
    article: dict[str, Any] | None = None
    work: dict[str, Any] | None = None
    page: dict[str, Any] | None = None
    sites: list[tuple[bool, str]] = []
    for obj in objects:
        types = _types(obj)
        seen |= types
        titled = bool(obj.get("headline") or obj.get("name"))
        if article is None and types & ARTICLE_TYPES and titled:
            article = obj
        elif work is None and types & OTHER_WORK_TYPES and titled:
            work = obj
        elif page is None and types & PAGE_TYPES:
            page = obj
        elif types & SITE_TYPES and isinstance(obj.get("name"), str):
            sites.append(("website" not in types, obj["name"]))
    article = article or work
    if article is not None:
        _add_object(article, "jsonld", index, found)
    if page is not None:
        _add_object(page, "jsonld_page", index, found)
    for _, name in sorted(sites, key=lambda site: site[0]):
        found.add("sitename", "jsonld_site", name)
    return seen


_LD_SCRIPTS = etree.XPath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]")


def article_body(root: lxml_html.HtmlElement) -> str | None:
    """The ``articleBody`` the page's JSON-LD gives for its article, or ``None``.

    Pages that render their article with JavaScript often ship it here in full, while
    their markup holds a caption and a teaser. Only one distinct body counts: a page
    describing several articles says nothing about which one it shows. Entity-escaped
    bodies are unescaped. (``isAccessibleForFree: false`` is not a reason to skip one:
    metered sites mark every article so, and the text is in the page as delivered.)
    """
    bodies = {
        html.unescape(body).strip()
        for obj in parse_scripts(
            script.text
            for script in _LD_SCRIPTS(root)
            if "ld+json" in (script.get("type") or "").lower()
        )
        if isinstance(body := obj.get("articleBody"), str) and body.strip()
    }
    return bodies.pop() if len(bodies) == 1 else None
