"""Titles: the headline without the site name glued to it.

``<title>`` and often ``og:title`` read "Headline | Site", "Site - Headline" or
"Headline \u2013 Section \u2013 Site". The affix is dropped when it matches a known site name (or
the host name); with no such evidence, a page ``<h1>`` that equals one part decides; else
the longest part wins when the others are short (as site names are).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from lxml import html as lxml_html

from .scan import PageScan
from .text import clean_value, fingerprint, safe_host

# Separators between a headline and a site name, in the order they are tried.
# (A try starts only where a run of spaces starts: linear on long runs of spaces.)
SEPARATORS = re.compile(r"(?<!\s)\s+(?:[|\-\u2013\u2014\u00bb\u00b7\u2022:/]|::|\\|-{2})\s+")
# An affix longer than this many words is not a site name but part of the headline.
MAX_AFFIX_WORDS = 5
MAX_TITLE_PARTS = 12
"""A title cut by more separators than this is not "Headline | Site" (it is tag soup or a
keyword list), and trying every cut of it would be quadratic in its length."""
# Class/id words of a ``<h1>`` (or its close ancestors) that hold the site's logo or name.
_SITE_MARKS = re.compile(
    r"logo|brand|site|masthead|banner|footer|navbar|topbar|header__", re.IGNORECASE
)
# How many ancestors of a ``<h1>`` are checked for ``_SITE_MARKS``.
SITE_MARK_DEPTH = 3
# The first this many ``<h1>`` of a page are headline candidates ...
MAX_HEADLINES = 5
# ... and one this long or longer is a paragraph set in a heading tag, not a headline.
MAX_HEADLINE_CHARS = 300
# A host name this short ("bbc") is too short to match a title's site mark by containment ...
MIN_HOST_CHARS = 4
# ... and a site mark matched that way has at most this many words.
MAX_SITE_MARK_WORDS = 3


def _is_site_heading(element: lxml_html.HtmlElement) -> bool:
    chain = [element, *islice(element.iterancestors(), SITE_MARK_DEPTH)]
    return any(_SITE_MARKS.search(f"{e.get('class') or ''} {e.get('id') or ''}") for e in chain)


def headlines(h1s: Sequence[lxml_html.HtmlElement]) -> list[str]:
    """The texts of the page's headline ``<h1>`` elements (not logos; a few at most)."""
    out: list[str] = []
    for element in h1s[:MAX_HEADLINES]:
        if _is_site_heading(element):
            continue
        text = clean_value(element.text_content())
        if text and len(text) < MAX_HEADLINE_CHARS:
            out.append(text)
    return out


# How much of the page's site-identifying text is read (home links, logos, footers).
MAX_EVIDENCE_ELEMENTS = 30
MAX_EVIDENCE_CHARS = 3000


def site_evidence(elements: Sequence[lxml_html.HtmlElement]) -> str:
    """Fingerprinted text where a page names its own site: home links, logos, footers
    (``PageScan.site``)."""
    pieces: list[str] = []
    for element in elements[:MAX_EVIDENCE_ELEMENTS]:
        pieces.append(element.text_content()[:MAX_EVIDENCE_CHARS])
        pieces.extend(img.get("alt") or "" for img in element.iter("img"))
        pieces.append(element.get("title") or "")
    return f" {fingerprint(' '.join(pieces))} "


class Evidence:
    """``site_evidence`` of one page, read only if a title's affix needs it."""

    def __init__(self, scan: PageScan | None) -> None:
        self._scan = scan
        self._text: str | None = None

    def names(self, part: str) -> bool:
        """Whether the page names its site ``part`` in a home link, logo, footer..."""
        if self._scan is None:
            return False
        if self._text is None:
            self._text = site_evidence(self._scan.site())
        return f" {fingerprint(part)} " in self._text


def _host_words(url: str | None) -> set[str]:
    host = safe_host(url) or ""
    parts = [p for p in host.split(".") if p not in ("www", "com", "org", "net", "co", "uk", "de")]
    return {fingerprint(p) for p in parts if len(p) > 2}


def _is_site(part: str, sites: set[str], hosts: set[str]) -> bool:
    mark = fingerprint(part)
    if not mark:
        return True
    if mark in sites or mark.replace(" ", "") in hosts:
        return True
    return (
        any(
            mark.replace(" ", "") in host or host in mark.replace(" ", "")
            for host in hosts
            if len(host) >= MIN_HOST_CHARS
        )
        and len(mark.split()) <= MAX_SITE_MARK_WORDS
    )


def _host_colon_prefix(title: str, url: str | None) -> str | None:
    """The prefix of "Blog Name: Post title" (a blog platform's default title) when it spells
    the host's own label ("hedgerowkitchen"); a colon otherwise opens a headline ("Brexit:
    what next") too often to cut there."""
    head, colon, rest = title.partition(": ")
    if not colon or not rest.strip() or len(head.split()) > MAX_AFFIX_WORDS:
        return None
    return head.strip() if fingerprint(head).replace(" ", "") in _host_words(url) else None


def split_title(
    title: str,
    sitenames: list[str],
    url: str | None,
    h1s: list[str],
    evidence: Evidence | None = None,
) -> tuple[str, str | None]:
    """``(headline, affix)``: the title without its site-name affix, and that affix."""
    colon = _host_colon_prefix(title, url)
    if colon:
        return title[len(colon) + 1 :].strip(), colon
    parts = SEPARATORS.split(title)
    if not 2 <= len(parts) <= MAX_TITLE_PARTS:
        return title, None
    # "Site - Slogan" as og:site_name still names the site by its first part.
    sites = {fingerprint(part) for name in sitenames for part in [name, SEPARATORS.split(name)[0]]}
    hosts = _host_words(url)
    separators = SEPARATORS.findall(title)
    marks = {fingerprint(h) for h in h1s}
    for cut in range(1, len(parts)):
        head = title[: _offset(title, parts, separators, cut)]
        tail = title[_offset(title, parts, separators, cut) + len(separators[cut - 1]) :]
        if fingerprint(head) in marks:
            return head.strip(), tail.strip()
        if fingerprint(tail) in marks:
            return tail.strip(), head.strip()
    for part in parts:
        if fingerprint(part) in marks:
            return part.strip(), None
    if len(parts[-1].split()) <= MAX_AFFIX_WORDS and (
        _is_site(parts[-1], sites, hosts) or (evidence is not None and evidence.names(parts[-1]))
    ):
        return title[: title.rfind(separators[-1])].strip(), parts[-1]
    # A prefix needs a declared name or the host: page text names products as often as sites.
    if _is_site(parts[0], sites, hosts) and len(parts[0].split()) <= MAX_AFFIX_WORDS:
        return title[len(parts[0]) + len(separators[0]) :].strip(), parts[0]
    return title, None


def _offset(title: str, parts: list[str], separators: list[str], cut: int) -> int:
    return sum(len(p) for p in parts[:cut]) + sum(len(s) for s in separators[: cut - 1])


def choose_title(
    candidates: list[tuple[str, str]],
    sitenames: list[str],
    url: str | None,
    h1s: list[str],
    scan: PageScan | None = None,
) -> tuple[str | None, str | None]:
    """The best headline and the site-name affix stripped from it (if any).

    A ``<h1>`` equal to a candidate, or to a candidate without its affix, is the most
    reliable: it is what the reader sees as the headline.
    """
    marks = {fingerprint(h): h for h in h1s}
    evidence = Evidence(scan)
    split: list[tuple[str, str, str | None]] = []
    for source, raw in candidates:
        headline, affix = split_title(raw, sitenames, url, h1s, evidence)
        if fingerprint(headline) in marks or fingerprint(raw) in marks:
            return headline, affix
        split.append((source, headline, affix))
    # No headline element decides. When the most trusted source offers two titles (JSON-LD
    # ``headline`` and ``name``), take the one another source confirms.
    top = split[0][0] if split else None
    for source, headline, affix in split:
        mark = fingerprint(headline)
        if source == top and any(o != top and fingerprint(h) == mark for o, h, _ in split):
            return headline, affix
    if split:
        return split[0][1], split[0][2]
    return (h1s[0], None) if h1s else (None, None)


def title_affix(
    candidates: list[tuple[str, str]],
    sitenames: list[str],
    url: str | None,
    scan: PageScan | None,
) -> str | None:
    """The site-name affix of any title candidate (e.g. ``<title>`` when ``og:title`` is bare)."""
    evidence = Evidence(scan)
    for _source, raw in candidates:
        if not SEPARATORS.search(raw) and not _host_colon_prefix(raw, url):
            continue
        _headline, affix = split_title(raw, sitenames, url, [], evidence)
        if affix:
            return affix
    return None
