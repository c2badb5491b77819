"""Read every metadata source of a page and resolve each field by source priority.

Runs on the parsed tree *before* cleaning (JSON-LD lives in ``<script>``, the rest in
``<head>``) and only reads it. ``finalize_metadata`` completes the result once the main
text is known (detected language, a description from the lead paragraph, page type).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from lxml import html as lxml_html

from ..weights import PageTypeWeights
from .byline import author_names, looks_like_person, page_bylines
from .candidates import Candidates
from .dates import page_date, parse_date, prefer_local, url_date
from .jsonld import ARTICLE_TYPES, read_jsonld
from .language import detect_language, normalize_language
from .meta_tags import Meta, PageTags, page_tags, read_links, read_meta_tags, read_time_elements
from .microdata import page_item_types, read_microdata
from .model import Metadata
from .page_type import LISTING_TYPES, decide, markup_votes
from .page_type import WEIGHTS as PAGE_TYPE_WEIGHTS
from .scan import PageScan
from .text import absolute_url, clean_value, fingerprint, host_name, one_page, split_list
from .title import choose_title, headlines, title_affix

# A sitename longer than this is a slogan or a sentence, not a name.
MAX_SITENAME_CHARS = 80
# At most this many category and tag values are read.
MAX_CATEGORY_VALUES = 10
MAX_TAG_VALUES = 20


def _collect(
    root: lxml_html.HtmlElement, tags: PageTags, url: str | None
) -> tuple[Candidates, set[str]]:
    found = Candidates()
    types = read_jsonld(tags.scripts, found)
    read_meta_tags(tags.metas, found)
    read_links(root, tags, found)
    read_microdata(tags.itemprops, found)
    read_time_elements(tags.times, found)
    # The <title> in <head>, else any.
    head = root.find("head")
    title = head.find("title") if head is not None else None
    if title is None and tags.titles:
        title = tags.titles[0]
    if title is not None:
        found.add("title", "title_tag", title.text_content())
    found.add("date", "url", url_date(url))
    found.add("url", "page_url", url)
    return found, types


def _authors(found: Candidates, scan: PageScan | None, sitename: str | None) -> list[str]:
    """Names from the most trusted source that names anyone; the page byline last."""
    sites = frozenset({fingerprint(sitename)} if sitename else ())
    by_source: dict[str, list[str]] = {}
    for source, value in found.each("author"):
        by_source.setdefault(source, []).extend(author_names(value, sites))
    for names in by_source.values():
        if names:
            return _dedupe(names)
    if scan is None:
        return []
    lines, by_wording = page_bylines(scan)
    named = [
        names for names in (author_names(line, sites, strict=by_wording) for line in lines) if names
    ]
    # A line of proper names beats one that merely sits in an "author" box.
    named.sort(key=lambda names: not all(looks_like_person(name) for name in names))
    return _dedupe(named[0]) if named else []


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if fingerprint(name) not in seen:
            seen.add(fingerprint(name))
            out.append(name)
    return out


def _dates(found: Candidates, scan: PageScan | None) -> tuple[str | None, str | None]:
    """Published and modified dates.

    The structured sources decide when they agree on the day. When they give nothing or
    disagree, the page is read (``page_date``): its date settles the dispute if it is one
    of their days (measured on the corpora: this breaks ties better than source order).
    Only when the markup gives no date at all is the whole page read.
    """
    stamps = [d for d in map(parse_date, found.values("date")) if d]
    published = prefer_local(stamps)
    days = {stamp[:10] for stamp in stamps}
    if scan is not None and len(days) != 1:
        shown = page_date(scan, whole_page=not stamps)
        if not stamps:
            published = shown
        elif published:
            # The page's own date settles it if it is one of their days; if the page shows
            # no date, the day most of the structured values name.
            day = published[:10]
            if shown and shown[:10] in days:
                day = shown[:10]
            elif not shown:
                day = _most_named(stamps, day)
            if day != published[:10]:
                published = prefer_local([stamp for stamp in stamps if stamp.startswith(day)])
    modified = next(filter(None, map(parse_date, found.values("date_modified"))), None)
    if published and modified and modified[:10] < published[:10]:
        modified = None
    return published, modified


def _most_named(stamps: list[str], default: str) -> str:
    """The day most ``stamps`` name; ``default`` on a tie with it."""
    counts = Counter(stamp[:10] for stamp in stamps)
    return max(counts, key=lambda day: (counts[day], day == default))


def _sitename(found: Candidates, affix: str | None, url: str | None) -> str | None:
    """Declared names first; else the affix cut off the title; else the host's name."""
    for _, value in found.each("sitename"):
        if len(value) <= MAX_SITENAME_CHARS and not value.startswith(("http", "@")):
            return value
    return affix or host_name(url)


def _structured_type(types: set[str], og_type: str | None) -> str | None:
    if types & ARTICLE_TYPES or (og_type or "").startswith("article"):
        return "article"
    if types & LISTING_TYPES:
        return "listing"
    return None


def extract_metadata(
    root: lxml_html.HtmlElement, url: str | None = None, *, search_body: bool = True
) -> Metadata:
    """The page's metadata from its markup; ``search_body`` allows reading the page's body
    for what the markup does not settle (a byline, a date, the site's name in its logo).

    The pipeline does not search the body of pages too large for block selection
    (``coarse``): each search is a pass over every text of the page.
    """
    with one_page():
        return _extract(root, url, search_body)


def _extract(root: lxml_html.HtmlElement, url: str | None, search_body: bool) -> Metadata:
    tags = page_tags(root)
    found, types = _collect(root, tags, url)
    # Each search of the page's body runs once, and only if a field below needs it.
    scan = (
        PageScan(
            root,
            rel_author=any("author" in (rel or "") for rel, _ in (*tags.links, *tags.anchors)),
            itemprop_author=any("author" in (e.get("itemprop") or "") for e in tags.itemprops),
            rdfa=tags.rdfa,
        )
        if search_body
        else None
    )
    sitenames = found.values("sitename")
    title, affix = choose_title(found.ranked("title"), sitenames, url, headlines(tags.h1s), scan)
    sitename = _sitename(
        found, affix or title_affix(found.ranked("title"), sitenames, url, scan), url
    )
    # Only a declared site name disqualifies an author of the same name: a name guessed from
    # the title or host is, on a personal blog, the author's own.
    authors = _authors(found, scan, sitename if sitename in sitenames else None)
    published, modified = _dates(found, scan)
    page_url = next(filter(None, (absolute_url(url, u) for _, u in found.each("url"))), None)
    language = next(filter(None, (normalize_language(v) for _, v in found.each("language"))), None)
    image = next(filter(None, (absolute_url(url, u) for _, u in found.each("image"))), None)
    # Until ``finalize_metadata`` weighs the content, the page type is what the markup declares.
    declared = _structured_type(types, _og_type(tags.metas)) or _microdata_type(tags.itemprops)
    return Metadata(
        title=title,
        author="; ".join(authors) or None,
        authors=tuple(authors),
        date=published,
        date_modified=modified,
        sitename=sitename,
        description=found.first("description"),
        language=language,
        url=page_url,
        image=image,
        categories=split_list(found.values("categories")[:MAX_CATEGORY_VALUES]),
        tags=split_list(found.values("tags")[:MAX_TAG_VALUES]),
        license=found.first("license"),
        page_type=declared or "other",
        page_type_confidence=1.0 if declared else 0.0,
    )


def _microdata_type(itemprops: Sequence[lxml_html.HtmlElement]) -> str | None:
    """``article`` when the page's microdata holds exactly one top-level article item
    (an ``Article`` scope that is no property of another item); a blog's index holds one
    per post and declares nothing. Listing types are not read here: a site's header often
    carries a ``WebSite`` or ``Blog`` item on article pages too."""
    if not itemprops:
        return None
    articles = [kinds for kinds in page_item_types(itemprops) if kinds & ARTICLE_TYPES]
    return "article" if len(articles) == 1 else None


def _og_type(metas: Sequence[Meta]) -> str | None:
    for meta in metas:
        if (meta[0] or meta[1] or "").lower() == "og:type":
            return clean_value(meta[3])
    return None


def finalize_metadata(
    metadata: Metadata,
    text: str,
    *,
    teaser_links: int = 0,
    weights: PageTypeWeights = PAGE_TYPE_WEIGHTS,
    listing: bool = False,
) -> Metadata:
    """Complete ``metadata`` with what only the selected content tells.

    - ``language``: detected from ``text`` when the page declares none;
    - ``description``: the lead paragraph when the page has no description (as reader
      views do);
    - ``page_type``: the markup's declaration weighed with the text length and the number
      of teaser links found around the content (and ``listing``: whether the selection
      found a listing), by ``weights`` (``Weights.page_type``).
    """
    language = metadata.language or detect_language(text)
    description = metadata.description or lead_paragraph(text, metadata.title)
    declared = metadata.page_type if metadata.page_type_confidence >= 1.0 else None
    article, listing_votes = markup_votes(
        declared, bool(metadata.date), bool(metadata.authors), metadata.url, weights
    )
    page_type, confidence = decide(
        article, listing_votes, len(text), teaser_links, weights, listing_verdict=listing
    )
    return dataclasses.replace(
        metadata,
        language=language,
        description=description,
        page_type=page_type,
        page_type_confidence=confidence,
    )


# The lead paragraph must have this many characters to stand in for a description.
MIN_LEAD_CHARS = 40
# ... and be among the first lines of the text (the rest of a huge page is not read).
MAX_LEAD_LINE = 100
# ... and no longer than this: a 60 MB line is a dump, and normalizing it took 800 MB.
MAX_LEAD_CHARS = 5_000


def lead_paragraph(text: str, title: str | None) -> str | None:
    """The first real paragraph of ``text`` (not the headline, not a one-liner)."""
    skip = fingerprint(title) if title else None
    for paragraph in text.split("\n", MAX_LEAD_LINE)[:MAX_LEAD_LINE]:
        paragraph = paragraph.strip()
        if len(paragraph) > MAX_LEAD_CHARS:
            continue
        if len(paragraph) >= MIN_LEAD_CHARS and fingerprint(paragraph) != skip:
            return clean_value(paragraph)
    return None
