"""Finding marked elements and byline-like texts in ``<body>``, cheaply and lazily.

The byline, the in-page date and the site-name evidence are found by the ``class``, ``id``
and ``data-testid`` of elements anywhere in ``<body>``, compared without regard to case.
Both obvious ways to do that are slow on lxml.html trees: an XPath with ``translate()``
took 30 ms a page, and a Python loop over the elements about 4 ms (each element proxy
goes through lxml.html's Python class lookup). So each search is done in two C-speed
steps: the attribute values are fetched as plain strings and searched with one regex,
which yields the spellings the page actually uses ("author", "Author"); then one XPath
with plain ``contains()`` on just those spellings returns the elements, in page order.

``PageScan`` runs each search at most once per page, and only when a field needs it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..page.roots import is_whole_document
from ..selection.page_table import compiled
from .meta_tags import reference_rdfa

# Class/id/data-testid words (any case) of an element that holds the article's byline.
BYLINE_WORDS = ("byline", "author", "auteur", "autor", "verfasser")
# Class/id words (any case) of an element that shows the publication date.
DATE_WORDS = ("date", "publi", "posted", "datum", "fecha", "stamp")
# Class/id words (as written) of the site's logo, brand or copyright line.
SITE_WORDS = ("logo", "brand", "copyright")
# Distinct spellings of the words above that one page may use (beyond: a generated mess).
MAX_SPELLINGS = 30
# A short text that opens with one of these words is a byline ("By Jane Doe", "Von ...",
# "Автор: ...", "投稿者: ..."); so is a Korean name followed by its title ("김민준 기자").
BYLINE_TEXT = re.compile(
    r"^\s*(?:(?:(?:ein\s+)?(?:artikel|beitrag|bericht)\s+von|written\s+by|posted\s+by|submitted\s+by|by|von|par"
    r"|door|por|av|przez)\b|(?:autor(?:in)?|author|texte?|автор|текст|oleh|yazar)\s?:"
    r"|(?:投稿者|著者|筆者|執筆者?|लेखक|লেখক)\s*[:\uff1a])\s*:?\s*(?=[^\W\d_])"
    r"|^\s*[\uac00-\ud7a3]{2,4}\s?(?:기자|특파원)(?:\s|$)",
    re.IGNORECASE,
)
# The first letters of ``BYLINE_TEXT``'s words: a text that starts otherwise is not tried
# (nor is one that starts with a Hangul syllable, ``_HANGUL``).
_BYLINE_INITIALS = frozenset("abdepstvwoyABDEPSTVWOY\u0430\u0410\u0442\u0422投著筆執लল")
_HANGUL = ("\uac00", "\ud7a3")
# How ``_meta.attribute_hits`` tests a value: it holds a word in any case, as written, or
# is one.
FOLDED, HOLDS, EQUALS = 0, 1, 2
Test = tuple[str, int, tuple[str, ...]]
"""An attribute's name, how its values are tested, the words they are tested for."""
# The attributes searched for ``BYLINE_WORDS`` and ``DATE_WORDS``.
_BYLINE_NAMES = ("class", "id", "data-testid")
_DATE_NAMES = ("class", "id")
# The searches of ``PageScan._searches``, by position.
_BYLINES, _DATES, _SITE = 0, 1, 2
# What the texts ``PageScan.texts_where`` is asked for are like (see there).
OPENING, DATED = 0, 1
# The words ``BYLINE_TEXT`` and ``_BARE_BY`` open with that are written in ASCII: the
# compiled walk makes a string only for a text that opens with one of them (in any case)
# or with a character that is not ASCII. Nine in ten texts that open with one of the
# initials (a, b, d, e, p, ...) open with none of them. A word added to those patterns
# must be added here (``tests/test_meta_parity.py`` reads the patterns for them).
OPENING_WORDS = (
    "artikel",
    "author",
    "autor",
    "av",
    "beitrag",
    "bericht",
    "by",
    "door",
    "ein",
    "oleh",
    "par",
    "por",
    "posted",
    "przez",
    "submitted",
    "text",
    "von",
    "written",
    "yazar",
)
_ASCII_OPENINGS = tuple(word.encode() for word in OPENING_WORDS)
# The code points that are not ASCII a byline-like text may open with: the initials, the
# Hangul syllables and Unicode whitespace (the walk leaves a text that opens with it to
# ``_opens_byline``). A text opening with another script is not made a string.
_NON_ASCII_FIRSTS = frozenset(
    {ord(c) for c in _BYLINE_INITIALS if not c.isascii()}
    | set(range(ord(_HANGUL[0]), ord(_HANGUL[1]) + 1))
    | {code for code in range(128, 0x3001) if chr(code).isspace()}
)
# Texts this long or longer (whitespace collapsed) are running text, not a byline.
MAX_BYLINE_TEXT_CHARS = 80
# At most this many byline-like texts are located (callers stop at the second that holds up).
MAX_BYLINE_TEXTS = 10
# Texts of the body the searches read (``PageScan.texts``): a byline or dateline sits near
# the top of its article, and a catalogue or data page has tens of thousands to millions.
MAX_SEARCH_TEXTS = 20_000

_ATTRIBUTE_VALUES = {
    name: etree.XPath(f"//body//@{name}", smart_strings=False)
    for name in ("class", "id", "data-testid")
}
# The attributes ``BodyAttributes`` indexes: those of ``_ATTRIBUTE_VALUES`` and the two
# the byline search reads.
INDEXED = ("class", "id", "data-testid", "rel", "itemprop")
# The body's texts (scripts and styles too: leaving them out in XPath costs four times
# more than skipping them in Python).
_BODY_TEXTS = etree.XPath("//body//text()", smart_strings=False)


@dataclass(frozen=True, slots=True)
class TextNode:
    """A text in the page: the element it belongs to, and whether it is that one's tail."""

    owner: lxml_html.HtmlElement
    text: str
    is_tail: bool


def _having(attributes: tuple[str, ...], spellings: set[str], scope: str = "//body/") -> str:
    """XPath: the elements one of whose ``attributes`` contains one of ``spellings``.

    Tested on the attribute nodes (``//@class[...]/..``), which is five times faster in
    libxml2 than testing ``@class`` on every element. The spellings are regex-free plain
    words found in the page's own values: safe inside an XPath literal.
    """
    test = " or ".join(f"contains(., '{word}')" for word in sorted(spellings))
    return " | ".join(f"{scope}/@{name}[{test}]/.." for name in attributes)


def _elements(path: str, root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    found: list[lxml_html.HtmlElement] = etree.XPath(path)(root)
    return found


class BodyAttributes:
    """The ``INDEXED`` attributes of ``<body>`` and the elements in it, read in one compiled
    walk (``_passes.body_attributes``): their values joined per attribute, as the XPath
    ``//body//@name`` gives them, and the elements whose value holds a word, found by a
    regex over the joined values instead of an XPath over the tree (each search of the
    tree cost as much as the whole walk)."""

    def __init__(self, values: list[list[str]], owners: list[list[int]], elements: Any) -> None:
        self._values = dict(zip(INDEXED, values, strict=True))
        self._owners = dict(zip(INDEXED, owners, strict=True))
        self._elements: Sequence[lxml_html.HtmlElement] = elements
        self._joined: dict[str, tuple[str, list[int]]] = {}

    def joined(self, name: str) -> str:
        """The values of attribute ``name``, one a line."""
        return self._lines(name)[0]

    def _lines(self, name: str) -> tuple[str, list[int]]:
        if name not in self._joined:
            values = self._values[name]
            starts = list(accumulate((len(value) + 1 for value in values), initial=0))
            self._joined[name] = ("\n".join(values), starts)
        return self._joined[name]

    def having(self, name: str, words: set[str]) -> set[int]:
        """The elements (by index) whose attribute ``name`` contains one of ``words``
        (no word holds a line break: each match lies within one value)."""
        joined, starts = self._lines(name)
        pattern = re.compile("|".join(map(re.escape, sorted(words))))
        owners = self._owners[name]
        return {
            owners[bisect.bisect_right(starts, match.start()) - 1]
            for match in pattern.finditer(joined)
        }

    def equal(self, name: str, value: str) -> set[int]:
        """The elements (by index) whose attribute ``name`` is ``value``."""
        owners = self._owners[name]
        return {owners[i] for i, found in enumerate(self._values[name]) if found == value}

    def elements(self, indexes: set[int]) -> list[lxml_html.HtmlElement]:
        """The elements at ``indexes``, in page order."""
        return [self._elements[index] for index in sorted(indexes)]


def body_attributes(root: lxml_html.HtmlElement) -> BodyAttributes | None:
    """``BodyAttributes`` of the page, or ``None`` on the pure path and where ``root`` is
    not the whole document (``roots.is_whole_document``): the XPaths of the searches then
    run, as its reference."""
    walk = compiled("body_attributes")
    if walk is None or not is_whole_document(root):
        return None
    return BodyAttributes(*walk(root, INDEXED))


def reference_body_attributes(
    root: lxml_html.HtmlElement,
) -> tuple[list[list[str]], list[list[lxml_html.HtmlElement]]]:
    """The spec of ``_passes.body_attributes``: per ``INDEXED`` attribute, its values on
    ``<body>`` and the elements in it, and the element of each value (``owners`` as
    elements)."""
    values, owners = [], []
    for name in INDEXED:
        found = etree.XPath(f"//body//@{name}")(root)
        values.append([str(value) for value in found])
        owners.append([value.getparent() for value in found])
    return values, owners


class PageScan:
    """The marked elements of one page, each kind searched the first time it is asked for."""

    def __init__(
        self,
        root: lxml_html.HtmlElement,
        *,
        rel_author: bool = True,
        itemprop_author: bool = True,
        rdfa: Sequence[tuple[str, str]] | None = None,
    ) -> None:
        """``rel_author``/``itemprop_author``: whether the page may have ``rel=author`` or
        ``itemprop=author`` elements at all (known from the source readers' own searches;
        each saves a search of the tree when false); ``rdfa``: the RDFa ``property`` and
        ``content`` pairs of the body when known (``meta_tags.PageTags.rdfa``)."""
        self.root = root
        self._rdfa = rdfa
        self._whole_document: bool | None = None
        self._rel_author = rel_author
        self._itemprop_author = itemprop_author
        self._values: dict[str, str] = {}
        self._bylines: list[lxml_html.HtmlElement] | None = None
        self._dates: list[lxml_html.HtmlElement] | None = None
        self._site: list[lxml_html.HtmlElement] | None = None
        self._texts: list[str] | None = None
        self._index: BodyAttributes | bool | None = False  # False: not read yet

    def _whole(self) -> bool:
        """Whether ``root`` is its whole document (``roots.is_whole_document``): where
        the compiled walks may stand for the XPaths."""
        if self._whole_document is None:
            self._whole_document = is_whole_document(self.root)
        return self._whole_document

    def rdfa(self) -> Sequence[tuple[str, str]]:
        """The RDFa ``property`` and ``content`` pairs of the body (searched if not given)."""
        if self._rdfa is None:
            self._rdfa = reference_rdfa(self.root)
        return self._rdfa

    def _indexed(self) -> BodyAttributes | None:
        if self._index is False:
            self._index = body_attributes(self.root)
        return self._index  # type: ignore[return-value]

    def _attribute_values(self, name: str) -> str:
        if name not in self._values:
            index = self._indexed()
            self._values[name] = (
                index.joined(name) if index else "\n".join(_ATTRIBUTE_VALUES[name](self.root))
            )
        return self._values[name]

    def _spellings(self, name: str, words: tuple[str, ...]) -> set[str]:
        """How the page writes ``words`` (any case) in its values of attribute ``name``."""
        values = self._attribute_values(name)
        lower = values.lower()
        if len(lower) != len(values):  # a character that changes length when lower-cased
            pattern = re.compile("|".join(words), re.IGNORECASE)
            return {match.group() for match in pattern.finditer(values)}
        found: set[str] = set()
        for word in words:
            start = lower.find(word)
            while start >= 0 and len(found) < MAX_SPELLINGS:
                found.add(values[start : start + len(word)])
                start = lower.find(word, start + len(word))
        return found

    def _marked(self, names: tuple[str, ...], words: tuple[str, ...]) -> list[str]:
        """XPaths of the elements whose attribute ``names`` contain ``words`` (any case)."""
        paths = []
        for name in names:
            spellings = self._spellings(name, words)
            if spellings:
                paths.append(_having((name,), spellings))
        return paths

    def _marked_in(
        self, index: BodyAttributes, names: tuple[str, ...], words: tuple[str, ...]
    ) -> set[int]:
        """``_marked`` answered by ``index``: the elements, not an XPath to find them."""
        found: set[int] = set()
        for name in names:
            spellings = self._spellings(name, words)
            if spellings:
                found |= index.having(name, spellings)
        return found

    def _searches(self) -> tuple[list[Test], list[Test], list[Test]]:
        """The tests of ``bylines``, ``dates`` and ``site`` (``_meta.attribute_hits``)."""
        bylines: list[Test] = [(name, FOLDED, BYLINE_WORDS) for name in _BYLINE_NAMES]
        if self._rel_author:
            bylines.append(("rel", EQUALS, ("author",)))
        if self._itemprop_author:
            bylines.append(("itemprop", HOLDS, ("author",)))
        dates: list[Test] = [(name, FOLDED, DATE_WORDS) for name in _DATE_NAMES]
        site: list[Test] = [("class", HOLDS, SITE_WORDS), ("id", HOLDS, ("logo", "copyright"))]
        return bylines, dates, site

    def _hits(self, search: int) -> list[Any] | None:
        """The hits of ``_searches()[search]`` (see ``_meta.attribute_hits``), or ``None``
        on the pure path and where ``root`` is not the whole document. Each search walks
        the tree on its own: the tests, not the walk, are most of its cost (the proxies of
        the elements hit above all), so one walk for all three was slower."""
        walk = compiled("attribute_hits")
        if walk is None or not self._whole():
            return None
        encoded = [
            (name.encode(), how, tuple(w.encode() for w in words))
            for name, how, words in self._searches()[search]
        ]
        found: list[Any] = walk(self.root, encoded)
        return found

    def _marked_hits(
        self, search: int, names: tuple[str, ...]
    ) -> list[lxml_html.HtmlElement] | None:
        """The elements that pass the tests of search ``search`` (its first tests: the
        words, any case, in the attributes ``names``), in page order, found in one
        compiled walk without a string made per value; ``None`` where the index must
        answer (no extension, a value not in ASCII, ``MAX_SPELLINGS`` or more spellings
        of the words: the index stops counting there)."""
        hits = self._hits(search)
        if hits is None:
            return None
        for found in hits[: len(names)]:
            if found is None or len({spelling for _, _, spelling in found}) >= MAX_SPELLINGS:
                return None
        elements = {number: element for found in hits for number, element, _ in found}
        return [elements[number] for number in sorted(elements)]

    def bylines(self) -> list[lxml_html.HtmlElement]:
        """``rel=author``, an ``itemprop`` with "author", or a ``BYLINE_WORDS``
        class/id/data-testid, in page order."""
        if self._bylines is None:
            self._bylines = self._marked_hits(_BYLINES, _BYLINE_NAMES)
        index = self._indexed() if self._bylines is None else None
        if self._bylines is None and index is not None:
            found = self._marked_in(index, _BYLINE_NAMES, BYLINE_WORDS)
            if self._rel_author:
                found |= index.equal("rel", "author")
            if self._itemprop_author:
                found |= index.having("itemprop", {"author"})
            self._bylines = index.elements(found)
        if self._bylines is None:
            paths = self._marked(_BYLINE_NAMES, BYLINE_WORDS)
            if self._rel_author:
                paths.append("//body//@rel[. = 'author']/..")
            if self._itemprop_author:
                paths.append("//body//@itemprop[contains(., 'author')]/..")
            self._bylines = _elements(" | ".join(paths), self.root) if paths else []
        return self._bylines

    def dates(self) -> list[lxml_html.HtmlElement]:
        """Elements with a ``DATE_WORDS`` class or id, in page order."""
        if self._dates is None:
            self._dates = self._marked_hits(_DATES, _DATE_NAMES)
        index = self._indexed() if self._dates is None else None
        if self._dates is None and index is not None:
            self._dates = index.elements(self._marked_in(index, _DATE_NAMES, DATE_WORDS))
        if self._dates is None:
            paths = self._marked(_DATE_NAMES, DATE_WORDS)
            self._dates = _elements(" | ".join(paths), self.root) if paths else []
        return self._dates

    def site(self) -> list[lxml_html.HtmlElement]:
        """Home links, ``<footer>``s, the first ``img[alt]`` and logo/brand/copyright
        elements, in page order."""
        if self._site is None:
            tests = self._searches()[_SITE]
            hits = self._hits(_SITE)
            marked = (
                [{spelling for _, _, spelling in found} for found in hits]
                if hits is not None
                else [
                    {word for word in words if word in self._attribute_values(name)}
                    for name, _, words in tests
                ]
            )
            walk = compiled("site_marks") if hits is not None else None
            if walk is not None:  # one walk, where the XPath below searched the tree 3-5 times
                needles = [tuple(word.encode() for word in sorted(words)) for words in marked]
                self._site = walk(self.root, *needles)
            else:
                path = "//a[@href='/' or @rel='home'] | //footer | (//body//img[@alt])[1]"
                for name, spellings in zip(("class", "id"), marked, strict=True):
                    if spellings:
                        path += " | " + _having((name,), spellings, scope="/")
                self._site = _elements(path, self.root)
        return self._site

    def texts(self) -> list[str]:
        """The body's first ``MAX_SEARCH_TEXTS`` text nodes as plain strings, in page order
        (fetched once)."""
        if self._texts is None:
            self._texts = _BODY_TEXTS(self.root)[:MAX_SEARCH_TEXTS]
        return self._texts

    def locate(self, indexes: list[int]) -> list[TextNode]:
        """The text nodes at these positions of ``texts()``, with their elements."""
        if not indexes:
            return []
        wanted = " or ".join(f"position() = {index + 1}" for index in indexes)
        nodes = etree.XPath(f"(//body//text())[{wanted}]")(self.root)
        return [TextNode(node.getparent(), str(node), bool(node.is_tail)) for node in nodes]

    def byline_texts(self) -> list[TextNode]:
        """Short texts of ``<body>`` that open like a byline (``BYLINE_TEXT``), in page
        order (at most ``MAX_BYLINE_TEXTS``)."""
        return self.texts_where(_opens_byline, OPENING, limit=MAX_BYLINE_TEXTS)

    def texts_where(
        self,
        accept: Callable[[str], bool],
        kind: int,
        *,
        max_chars: int = 0,
        limit: int = MAX_SEARCH_TEXTS,
    ) -> list[TextNode]:
        """The texts of ``texts()`` that ``accept`` takes (at most ``limit``), located.

        ``kind`` says what every text ``accept`` takes is like (``OPENING``: it opens, after
        its leading whitespace, with one of ``OPENING_WORDS`` in any case or one of the
        other initials, a Hangul syllable or Unicode whitespace;
        ``DATED``: it is at most ``max_chars`` long and holds "19" or "20" or a Devanagari
        or Bengali digit, as ``dates._YEAR`` needs): the compiled walk
        (``_meta.body_texts``) makes strings only for texts that may be so.
        """
        walk = compiled("body_texts")
        if walk is None or not self._whole():
            return reference_body_texts(self, accept, limit)
        found = walk(
            self.root,
            kind,
            _ASCII_OPENINGS,
            _NON_ASCII_FIRSTS,
            max_chars,
            accept,
            MAX_SEARCH_TEXTS,
            limit,
        )
        return [TextNode(owner, text, is_tail) for owner, text, is_tail in found]


def reference_body_texts(
    scan: PageScan, accept: Callable[[str], bool], limit: int
) -> list[TextNode]:
    """``PageScan.texts_where`` among the plain texts of ``scan.texts()``, then located:
    the spec of ``_meta.body_texts``."""
    candidates = []
    for index, text in enumerate(scan.texts()):
        if accept(text):
            candidates.append(index)
            if len(candidates) >= limit:
                break
    return scan.locate(candidates)


def _opens_byline(text: str) -> bool:
    """Whether ``text`` opens like a byline and is short enough to be one."""
    first = text[:1]
    if first.isspace():
        first = text.lstrip()[:1]
    return (
        (first in _BYLINE_INITIALS or _HANGUL[0] <= first <= _HANGUL[1])
        and (BYLINE_TEXT.match(text) is not None or _BARE_BY.match(text) is not None)
        and _short(text)
    )


# "Submitted by " alone: the name follows in a child element (Drupal's
# ``Submitted by <span property="foaf:name">``); the caller reads the parent's whole text.
_BARE_BY = re.compile(r"^\s*(?:written|posted|submitted)\s+by\s*$", re.IGNORECASE)


def _short(text: str) -> bool:
    return len(text) < MAX_BYLINE_TEXT_CHARS or len(" ".join(text.split())) < (
        MAX_BYLINE_TEXT_CHARS
    )


def body_of(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The page's ``<body>`` (``None`` for a fragment without one)."""
    if root.tag == "body":
        return root
    body = root.find("body")
    return body if body is not None else next(root.iter("body"), None)
