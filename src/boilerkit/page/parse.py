"""Parse stage: page text to an lxml element tree, safely and in bounded depth.

Safety: libxml2's HTML parser never loads DTDs or resolves external entities (an
``<!ENTITY x SYSTEM "file:...">`` declaration is tag soup to it, as to a browser), and
``no_network`` forbids any fetch on top. Nothing here reads a file or opens a socket.

Size: ``huge_tree`` lifts libxml2's 10 MB limit on the input buffer and on one text
node; without it a page over 10 MB parses to nothing. ``Options.max_bytes`` is the
size guard instead.

Depth: the tree handed to later stages is never deeper than ``MAX_DEPTH`` elements, so
recursive walkers (the text renderer) stay far from Python's recursion limit. Elements
nested deeper have their tags stripped and their text merged into their ancestor at the
cap. libxml2 aborts the whole parse past 2048 levels, dropping everything after, so when
that happens the markup is flattened to ``MAX_DEPTH`` first and parsed again.

Attribute names: tag soup like ``<p a="1"{x=2>`` gives an attribute named ``{x``, which
lxml reads by name (``get``) but, taking it for a broken ``{namespace}name``, refuses in
a mapping or a new element. Such attributes stay in the tree: finding them costs a test
of every attribute of the page (a third of libxml2's parse time), and the only stage
that copies attributes (``content``) leaves names lxml refuses behind.

A fresh parser per call: lxml parsers carry an error log, and sharing one between threads
would mix their logs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from .. import budget
from . import guard
from .roots import is_whole_document

MAX_DEPTH = 256
"""Deepest element nesting kept (``<html>`` is level 1). libxml2's own default limit; the
deepest page of both corpora nests 42 levels."""
MAX_ATTRIBUTES = 128
"""Attributes kept per element; the rest of a tag is dropped before parsing. libxml2 checks
each new attribute against the earlier ones of its element, so one tag of 100,000
attributes took 172 s to parse. 128 per tag costs 1.3 times the parse of ordinary
attributes; real elements carry a few dozen at most."""
PARSE_CHUNK_BYTES = 1 << 20
"""Pages are fed to libxml2 in pieces this large, with the deadline checked between
pieces: libxml2 parses about 20 MB/s, so a piece is about 50 ms, and a page of
``max_bytes`` never holds the budget up for a whole parse."""

# Elements that never have content, so never open a nesting level.
_VOID = frozenset((
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"param", b"source", b"track", b"wbr", b"keygen", b"basefont", b"frame", b"isindex",
))  # fmt: skip
# A start or end tag. Possessive, and never across a "<": on "<a<a<a..." (no ">") each
# try stops at the next "<", so a scan is linear (a lazy ``[^>]*?`` was cubic there).
_TAG = re.compile(rb"<(/?)([A-Za-z][^\s/<>]*+)([^<>]*+)>")
# One attribute as libxml2 reads it: a name, then perhaps "=" and a quoted or bare value.
# Names and bare values stop at "<" and quotes, so a try that starts inside another tag's
# value ends at that value's end (see ``trim_attributes``).
_ATTRIBUTE = rb"""\s*+[^\s/<>="']++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s<>"']*+))?+"""
_CROWDED_TAG = re.compile(rb"<[A-Za-z][^\s/<>]*+(?:%s){%d}" % (_ATTRIBUTE, MAX_ATTRIBUTES))
_TAG_REST = re.compile(rb"(?:%s|\s++|/)*+>?" % _ATTRIBUTE)
# Characters XML (and so lxml's API) forbids, and character references that produce them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Every byte but the C0 controls XML forbids: deleting these leaves only forbidden ones.
_XML_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in (0x09, 0x0A, 0x0D))
_NOT_XML_REF = re.compile(
    rb"&#(?:0*(?:[1-8]|1[1-24-9]|2\d|3[01]|6553[45])(?!\d)"
    rb"|[xX]0*(?:[1-8bBcCeEfF]|1[\da-fA-F]|[fF]{3}[eEfF])(?![\da-fA-F]));?"
)
# Elements at level MAX_DEPTH that still have child elements.
_AT_CAP = etree.XPath("/" + "/".join(["*"] * MAX_DEPTH) + "[*]")
# An element at libxml2's own depth limit (2,048 levels, less a margin): where it stopped.
_LIBXML2_LIMIT = 2040
_AT_LIBXML2_LIMIT = etree.XPath("/" + "/".join(["*"] * _LIBXML2_LIMIT))
_EMPTY_PAGE = "<html><body></body></html>"


@dataclass(frozen=True, slots=True)
class Markup:
    """Counts of the page's markup, for the clean stage's pre-CSS test
    (``paragraphs.is_pre_css``): read with the parse stage's own pass over the bytes."""

    tags: int
    """``<`` in the markup."""
    classes: int
    """``class=`` in the markup."""


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """A parsed page, the URL its relative links resolve against, and its markup's counts."""

    root: lxml_html.HtmlElement
    base_url: str | None
    markup: Markup


_PROXY_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)
"""The classes of the tree's element proxies, chosen in C. ``lxml.html``'s own lookup runs
a Python method for every proxy made (to give forms and inputs classes of their own,
which boilerkit never uses): 12% of the median page's time on trafilatura-eval, for the
same output on both corpora."""


def _new_parser() -> lxml_html.HTMLParser:
    parser = lxml_html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        default_doctype=False,
        collect_ids=False,
        huge_tree=True,
    )
    parser.set_element_class_lookup(_PROXY_CLASSES)
    return parser


def to_utf8(text: str) -> bytes:
    """``text`` as UTF-8 that yields a tree of XML-compatible strings only.

    lxml refuses, through its API, names and values with C0 controls or U+FFFE/U+FFFF, yet
    its parser lets them into the tree: reading such an attribute raises. So they go here,
    literal (form feed, HTML whitespace, becomes a space) or as character references.
    Lone surrogates reach us from ``str`` built by careless decoding (JSON ``\\ud800``
    escapes, ``surrogateescape``): they become U+FFFD, and a split pair is rejoined.

    Every check runs on the encoded bytes first (C speed); the regexes run only on the
    rare page that needs them.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        data = text.encode("utf-8")
    # (U+FFFE/U+FFFF are looked for in the str: instant unless it holds 16-bit characters.)
    if data.translate(None, _XML_BYTES) or "\ufffe" in text or "\uffff" in text:
        data = _NOT_XML.sub("", text.replace("\x0c", " ")).encode("utf-8")
    if b"&#" in data:
        data = _NOT_XML_REF.sub("\ufffd".encode(), data)  # not "": "&&#1;#1;" would re-form one
    return data


def utf8_as_is(data: bytes, text: str) -> bytes:
    """``to_utf8(text)`` when ``data`` is ``text``'s UTF-8 already (``Decoded.verbatim``):
    the same checks, and ``data`` itself when they find nothing (valid UTF-8 holds no lone
    surrogate). U+FFFE/U+FFFF are looked for in ``text``: a search for their three bytes
    in the page's UTF-8 took seven times longer. Called only where ``scan_markup`` found
    something to change."""
    if data.translate(None, _XML_BYTES) or "\ufffe" in text or "\uffff" in text:
        return to_utf8(text)
    if b"&#" in data:
        data = _NOT_XML_REF.sub("\ufffd".encode(), data)
    return data


def scan_markup(data: bytes) -> tuple[int, int, bool]:
    """(``<`` count, ``class=`` count, whether ``utf8_as_is`` would change ``data``) of a
    page's UTF-8: one compiled pass (``_plain.scan_markup``, 0.08 ms on the mean
    trafilatura-eval page, where the counts and ``utf8_as_is``'s searches took 0.25), or
    ``reference_scan`` on the pure path."""
    scan = _compiled("scan_markup")
    if scan is None:
        return reference_scan(data)
    found: tuple[int, int, bool] = scan(data)
    return found


def reference_scan(data: bytes) -> tuple[int, int, bool]:
    """``scan_markup`` in searches at C speed, one each: the spec of its compiled twin. In
    valid UTF-8 the bytes of U+FFFE and U+FFFF stand for nothing else."""
    unsafe = (
        bool(data.translate(None, _XML_BYTES))
        or b"\xef\xbf\xbe" in data
        or b"\xef\xbf\xbf" in data
        or _NOT_XML_REF.search(data) is not None
    )
    return data.count(b"<"), data.count(b"class="), unsafe


def flatten_markup(data: bytes, max_depth: int = MAX_DEPTH) -> bytes:
    """Drop start and end tags nested deeper than ``max_depth``, keeping all text.

    The nesting is counted naively (every non-void start tag opens a level, every end tag
    closes one), which over-counts tag soup; this only runs on pages libxml2 refused as
    too deep, where keeping the text matters more than the structure.
    """
    depth = 0

    def replace(match: re.Match[bytes]) -> bytes:
        nonlocal depth
        closing, name = match.group(1), match.group(2).lower()
        selfclosing = match.group(3).endswith(b"/")
        if closing:
            depth = max(depth - 1, 0)
            return match.group(0) if depth < max_depth else b" "
        if selfclosing or name in _VOID:
            return match.group(0) if depth < max_depth else b" "
        depth += 1
        return match.group(0) if depth <= max_depth else b" "

    return _TAG.sub(replace, data)


def has_crowded_tag(text: str) -> bool:
    """Whether ``text`` holds a tag of more than ``MAX_ATTRIBUTES`` attributes."""
    return _crowded(text.encode("utf-8", "surrogatepass"))


def _crowded(data: bytes) -> bool:
    """Whether ``_CROWDED_TAG`` finds a tag in ``data``: its compiled twin
    (``_passes.has_crowded_tag``, a byte loop) where built, the regex (a try at every
    ``<``) on the pure path."""
    search = _compiled("has_crowded_tag")
    if search is None:
        return _CROWDED_TAG.search(data) is not None
    found: bool = search(data, MAX_ATTRIBUTES)
    return found


def _compiled(name: str) -> Callable[..., Any] | None:
    from ..selection.page_table import compiled  # here: selection imports this module

    return compiled(name)


def trim_attributes(data: bytes) -> bytes:
    """``data`` with every tag cut to its first ``MAX_ATTRIBUTES`` attributes.

    One search over the page finds the crowded tags (a page has none as a rule, and the
    search is all it costs: ``_crowded``); each is cut after its last kept attribute and
    closed.
    """
    if not _crowded(data):
        return data
    crowded = _CROWDED_TAG.search(data)
    if crowded is None:
        return data
    pieces: list[bytes] = []
    start = 0
    while crowded is not None:
        pieces.append(data[start : crowded.end()])
        pieces.append(b">")
        start = _TAG_REST.match(data, crowded.end()).end()  # type: ignore[union-attr]
        crowded = _CROWDED_TAG.search(data, start)
    pieces.append(data[start:])
    return b"".join(pieces)


def _parse_once(data: bytes) -> tuple[lxml_html.HtmlElement | None, bool]:
    """The tree (``None`` when there is none) and whether libxml2 gave up as too deep.

    A page of one piece is parsed in one call; a larger one is fed piece by piece, with
    the deadline and the tree's memory (``guard.MAX_TREE_BYTES``) checked between pieces
    (see ``PARSE_CHUNK_BYTES``).
    """
    parser = _new_parser()
    if len(data) > PARSE_CHUNK_BYTES:
        root = _fed(parser, _pieces(data))
        # Fed in pieces, libxml2 stops at its depth limit without a word in the log.
        too_deep = root is not None and _depth_marks(root)[1]
    else:
        try:
            root = etree.fromstring(data, parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            root = None
        too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    return (root if isinstance(root, lxml_html.HtmlElement) else None), too_deep


def _pieces(data: bytes) -> Iterator[bytes]:
    """``data`` in pieces of ``PARSE_CHUNK_BYTES``, checking the deadline and the tree's
    memory before each piece and after the last."""
    deadline, growth = budget.current(), guard.TreeGrowth()
    for offset in range(0, len(data), PARSE_CHUNK_BYTES):
        deadline.check("parse")
        piece = data[offset : offset + PARSE_CHUNK_BYTES]
        growth.check(piece)
        yield piece
    growth.check()


def _fed(parser: lxml_html.HTMLParser, pieces: Iterable[bytes]) -> etree._Element | None:
    """The tree libxml2 builds from ``pieces``, or ``None`` when it builds none.

    The checks between pieces raise through this (a ``BoilerkitError`` is a
    ``ValueError``, so it is not caught with libxml2's own errors).
    """
    for piece in pieces:
        try:
            parser.feed(piece)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return None
    try:
        return parser.close()
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _parse_bytes(data: bytes) -> lxml_html.HtmlElement | None:
    data = trim_attributes(data)
    root, too_deep = _parse_once(data)
    if too_deep:
        root, _ = _parse_once(flatten_markup(data))
    return root


def cap_depth(root: lxml_html.HtmlElement) -> None:
    """Strip the tags of elements deeper than ``MAX_DEPTH``, merging their text upward."""
    for element in _depth_marks(root, limit=False)[0]:
        etree.strip_tags(element, "*")


def _depth_marks(
    root: etree._Element, *, limit: bool = True
) -> tuple[list[lxml_html.HtmlElement], bool]:
    """(``_AT_CAP``'s elements, whether an element is at ``_LIBXML2_LIMIT``): one compiled
    walk (``_passes.depth_marks``), where each XPath took a step per level over a node
    set of the whole level (0.04 s each on the million-sibling page). On the pure path
    and where ``root`` is not the whole document (``roots.is_whole_document``), the
    XPaths (the second only when ``limit``)."""
    walk = _compiled("depth_marks")
    if walk is None or not is_whole_document(root):
        return _AT_CAP(root), limit and bool(_AT_LIBXML2_LIMIT(root))
    capped, reached = walk(root, MAX_DEPTH, _LIBXML2_LIMIT)
    return capped, reached


def join_url(base: str | None, href: str) -> str | None:
    """``href`` resolved against ``base`` (``href`` itself without a base), or ``None`` when
    either is malformed (``urljoin`` raises on a bad IPv6 host: ``http://[not-an-ipv6]``).

    The one URL-joining helper: the page's ``<base href>``, teaser links, the content's
    links, metadata URLs and rendered links all resolve through it, and each caller says
    what a malformed URL falls back to.
    """
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return None


_HEAD_TAGS = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})
"""What may stand in ``<head>``; a browser ends the head at any other element."""


def restore_head(root: lxml_html.HtmlElement) -> None:
    """Move what libxml2 left in ``<head>`` after an element that cannot stand there back
    into ``<body>``, where a browser shows it.

    An unknown element before ``<body>`` (``<mbox>`` on old pages) ends the head for a
    browser: that element and everything after it is the body's. libxml2 instead keeps it
    in the head and, when it is never closed, nests the whole ``<body>`` inside it, so the
    page's text sits under ``<head>`` and no article is found. Head elements after it
    (``meta``, ``title``) stay where metadata is looked for; a ``<body>`` nested in the
    moved part gives up its tag and keeps its content.
    """
    head = root.find("head")
    if head is None:
        return
    stray = next((c for c in head if isinstance(c.tag, str) and c.tag not in _HEAD_TAGS), None)
    if stray is None:
        return
    moved = [stray, *(c for c in stray.itersiblings() if c.tag not in _HEAD_TAGS)]
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    for element in reversed(moved):
        body.insert(0, element)
    if body.find(".//body") is not None:
        etree.strip_tags(body, "body")


def parse_html(text: str, url: str | None = None, *, utf8: bytes | None = None) -> ParsedPage:
    """Parse ``text`` into a tree with an ``<html>`` root, whatever the input looks like.

    ``utf8``: the page's bytes, when decoding found them to be ``text``'s UTF-8 as they are
    (``Decoded.verbatim``); they are parsed without encoding ``text`` again.
    """
    if utf8 is None:
        data, markup = to_utf8(text), Markup(text.count("<"), text.count("class="))
    else:
        tags, classes, changed = scan_markup(utf8)
        data, markup = utf8_as_is(utf8, text) if changed else utf8, Markup(tags, classes)
    # (``isspace`` stops at the first other byte; ``strip`` copied the page.)
    root = _parse_bytes(data) if data and not data.isspace() else None
    if root is None:
        root = lxml_html.document_fromstring(_EMPTY_PAGE, parser=_new_parser())
    cap_depth(root)
    restore_head(root)
    # (``iterdescendants`` tests tags in C; ``find`` made a proxy of every element.)
    base = next((b for b in root.iterdescendants("base") if b.get("href") is not None), None)
    base_url = url
    if base is not None:
        href = (base.get("href") or "").strip()
        if href:
            base_url = join_url(url, href) or url  # a malformed one keeps the page's URL
    return ParsedPage(root=root, base_url=base_url, markup=markup)
