"""Teasers by structure alone, for pages whose class names say nothing.

A site built with CSS-in-JS gives every element its own hashed class (``sc-1b4335``), so
no two teaser items share a class, and it may use no ``aside``, ``section`` or ``h3`` at
all. What still repeats is the *shape*: every item of a "Top Stories" list is built by
the same component, ``div > div > (a > div) + div``, under a ``div`` with the section's
title. So a teaser list is recognised from

- sibling items with one tag skeleton (``shape``),
- each led by a link to another page of the same site, with a blurb beside it
  (``linked_blurbs``),
- under a short title line: no link, no sentence, a few words (``title_line_before``).

An archive page lists its posts as bare headline links, with a date at most: a long run
of such items (``headline_list_min_items``), all to the site's own pages, is a teaser
list too, with or without a title line.

A list inside an article that links other sites (a reading list) fails the second test;
a run of paragraphs fails the first (``p`` is never an item).
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from lxml import html as lxml_html

from ..weights import DATE_LINE, SENTENCE_END, Weights
from .segment import text_of


def shape(tags: list[str], end: list[int], index: int, depth: int = 3) -> str:
    """The tag skeleton of element ``index`` to ``depth`` levels: ``div(div(a(div),div))``.

    Read off the page table (``tags``, ``end``; comments and processing instructions,
    tagged "", are no part of it), so no element proxy is made."""
    children: list[int] = []
    child, stop = index + 1, end[index]
    while child < stop:  # hop child to child: each subtree is an index range
        if tags[child]:
            children.append(child)
        child = end[child]
    if depth <= 1 or not children:
        return tags[index]
    return f"{tags[index]}({','.join(shape(tags, end, child, depth - 1) for child in children)})"


def _line(element: lxml_html.HtmlElement) -> str:
    return " ".join(text_of(element).split())


def is_title_line(element: lxml_html.HtmlElement, weights: Weights) -> bool:
    """A section title set as a plain line: short, without links or a sentence end."""
    if not isinstance(element.tag, str) or element.find(".//a") is not None:
        return False
    text = _line(element)
    return 0 < len(text) <= weights.title_line_max_chars and not SENTENCE_END.search(text)


def title_line_before(
    container: lxml_html.HtmlElement, weights: Weights
) -> lxml_html.HtmlElement | None:
    """The title line just before ``container`` (or before its parent, when the container
    is that parent's first element), if there is one."""
    node: lxml_html.HtmlElement | None = container
    for _ in range(2):
        if node is None:
            return None
        previous = node.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()
        if previous is not None:
            return previous if is_title_line(previous, weights) else None
        node = node.getparent()
    return None


@functools.lru_cache(maxsize=4096)
def site(url: str) -> str:
    """The site of a URL: its host without the leftmost labels beyond the registered
    name (``bc.example.com`` -> ``example.com``, ``news.example.co.uk`` ->
    ``example.co.uk``); empty for a relative URL. Memoized: a page's teaser links are
    tested several times, and its own URL for every group."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-2]) <= 3 else 2  # co.uk, com.au
    return ".".join(labels[-keep:])


def same_site(headlines: list[tuple[str, str]], base_url: str | None) -> bool:
    """Whether every headline links another page of the page's own site (relative links
    count as the page's site; without a page URL, the links must share one site)."""
    home = site(base_url or "")
    sites = {found for _, href in headlines if (found := site(href))}
    if home:
        sites.add(home)
    if len(sites) > 1:
        return False  # links to other sites: a reading list, not the site's own stories
    return not any(not href or href.startswith("#") for _, href in headlines)


def linked_blurbs(
    headlines: list[tuple[str, str]], blurbs: list[str], base_url: str | None, weights: Weights
) -> bool:
    """Whether every item links another page of the page's own site and has a blurb, most
    of them written as sentences (a menu's items have their sub-menus beside them)."""
    sentences = sum(1 for blurb in blurbs if SENTENCE_END.search(blurb) or blurb.endswith("…"))
    return (
        same_site(headlines, base_url)
        and all(len(blurb) >= weights.teaser_blurb_min_chars for blurb in blurbs)
        and sentences * 2 > len(blurbs)
    )


def blurb_of(text: str, title: str) -> str:
    """An item's text beside its headline (none when that is only a date); ``text`` is
    all the item's text, whitespace-normalised (``PageTable.text``)."""
    at = text.find(title)
    if at < 0:
        return ""
    rest = f"{text[:at]} {text[at + len(title) :]}"
    if DATE_LINE.match(rest.strip()):
        return ""
    return " ".join(rest.split()).strip(" -\u2013\u2014|:\u00b7\u2022")  # dashes, dots
