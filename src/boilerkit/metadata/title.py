"""Titles: the headline without the site name glued to it.

``<title>`` and often ``og:title`` read "Headline | Site", "Site - Headline" or
"Headline – Section – Site". The affix is dropped when it matches a known site name (or
the host name); with no such evidence, a page ``<h1>`` that equals one part decides; else
the longest part wins when the others are short (as site names are).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from .text import clean_value, fingerprint

# Separators between a headline and a site name, in the order they are tried.
SEPARATORS = re.compile(r"\s+(?:[|\-–—»·•:/]|::|\\|–|-{2})\s+")
# An affix longer than this many words is not a site name but part of the headline.
MAX_AFFIX_WORDS = 5
_H1 = etree.XPath("//body//h1")


def headlines(root: lxml_html.HtmlElement) -> list[str]:
    """The texts of the page's ``<h1>`` elements (at most a few)."""
    out: list[str] = []
    for element in _H1(root)[:5]:
        text = clean_value(element.text_content())
        if text and len(text) < 300:
            out.append(text)
    return out


def _host_words(url: str | None) -> set[str]:
    host = urlsplit(url).hostname or "" if url else ""
    parts = [p for p in host.split(".") if p not in ("www", "com", "org", "net", "co", "uk", "de")]
    return {fingerprint(p) for p in parts if len(p) > 2}


def _is_site(part: str, sites: set[str], hosts: set[str]) -> bool:
    mark = fingerprint(part)
    if not mark:
        return True
    if mark in sites or mark.replace(" ", "") in hosts:
        return True
    return any(mark.replace(" ", "") in host or host in mark.replace(" ", "")
               for host in hosts if len(host) > 3) and len(mark.split()) <= 3


def split_title(title: str, sitenames: list[str], url: str | None,
                h1s: list[str]) -> tuple[str, str | None]:
    """``(headline, affix)``: the title without its site-name affix, and that affix."""
    parts = SEPARATORS.split(title)
    if len(parts) < 2:
        return title, None
    sites = {fingerprint(name) for name in sitenames}
    hosts = _host_words(url)
    separators = SEPARATORS.findall(title)
    marks = {fingerprint(h) for h in h1s}
    for cut in range(1, len(parts)):
        head = title[: _offset(title, parts, separators, cut)]
        tail = title[_offset(title, parts, separators, cut) + len(separators[cut - 1]):]
        if fingerprint(head) in marks:
            return head.strip(), tail.strip()
        if fingerprint(tail) in marks:
            return tail.strip(), head.strip()
    if _is_site(parts[-1], sites, hosts) and len(parts[-1].split()) <= MAX_AFFIX_WORDS:
        return title[: title.rfind(separators[-1])].strip(), parts[-1]
    if _is_site(parts[0], sites, hosts) and len(parts[0].split()) <= MAX_AFFIX_WORDS:
        return title[len(parts[0]) + len(separators[0]):].strip(), parts[0]
    return title, None


def _offset(title: str, parts: list[str], separators: list[str], cut: int) -> int:
    return sum(len(p) for p in parts[:cut]) + sum(len(s) for s in separators[: cut - 1])


def choose_title(candidates: list[tuple[str, str]], sitenames: list[str], url: str | None,
                 h1s: list[str]) -> tuple[str | None, str | None]:
    """The best headline and the site-name affix stripped from it (if any).

    A ``<h1>`` equal to a candidate, or to a candidate without its affix, is the most
    reliable: it is what the reader sees as the headline.
    """
    marks = {fingerprint(h): h for h in h1s}
    fallback: tuple[str | None, str | None] = (None, None)
    for _source, raw in candidates:
        headline, affix = split_title(raw, sitenames, url, h1s)
        if fingerprint(headline) in marks or fingerprint(raw) in marks:
            return headline, affix
        if fallback[0] is None:
            fallback = (headline, affix)
    if fallback[0] is None and h1s:
        return h1s[0], None
    return fallback
