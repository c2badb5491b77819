"""The page table: one walk over the cleaned tree, every element measured into flat lists.

Selection reads the page through this table instead of the tree: tag, parent, subtree
extent, class/id/role, link counts and the block texts, each indexed by the element's
position in document order. The walk exists twice, clearly paired:

* ``reference_table`` (this module) is the spec, plain Python over lxml's element API;
* ``_walk.compiled_table`` (``_walk.pyx``) is the same walk compiled with Cython over
  libxml2's node structs, read-only, through lxml's public C API. Python gets element
  proxies from it only for the few nodes it asks for, by index.

Each feature is computed in one function here and in one function of ``_walk.pyx`` with
the same name, so a rule change is mirrored in two known places; the parity tests
(``tests/test_page_table.py``) hold the two equal on fixtures, corpora and generated trees.
``BOILERKIT_PURE=1`` in the environment forces the reference; so does a build without a
C compiler (the extension is optional: a warning at install, the same output).
"""

from __future__ import annotations

import bisect
import importlib
import itertools
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..page.tags import BLOCK_TAGS
from ..render.spaces import collapse
from ..weights import (
    COMMENT_COMPOUND,
    COMMENT_FURNITURE,
    COMMENT_WORDS,
    FORUM_FURNITURE,
    NEGATIVE_PATTERN,
    NEGATIVE_TAGS,
    NEGATIVE_WORDS,
    POSITIVE_TAGS,
    POSITIVE_WORDS,
    STRONG_POSITIVE,
)

HINT_TAGS = POSITIVE_TAGS | NEGATIVE_TAGS
"""Tags that hint at what their subtree is even without a class, id or role."""


def literal_heads(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which begins every match of ``pattern`` (the literal beginnings of
    its branches), or ``None`` when some branch begins otherwise (a class, a repeat) or
    the pattern has flags that change what a literal matches."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:  # the standard library's own parser: re._parser from 3.11, sre_parse before
        parser: Any = importlib.import_module("re._parser")
    except ImportError:
        parser = importlib.import_module("sre_parse")
    try:
        return _heads(list(parser.parse(pattern.pattern, pattern.flags)), parser)
    except (AttributeError, TypeError, ValueError, IndexError):  # a parser we do not know
        return None


def _heads(items: list[tuple[Any, Any]], parser: Any) -> frozenset[str] | None:
    """``literal_heads`` of a parsed sequence: its leading literal run, else the heads of
    the branches or the group it starts with."""
    literals = itertools.takewhile(lambda item: item[0] is parser.LITERAL, items)
    run = "".join(chr(value) for _, value in literals)
    if run:
        return frozenset({run})
    if not items:
        return None  # an empty branch matches anywhere
    op, value = items[0]
    if op is parser.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            heads = _heads(list(branch), parser)
            if heads is None:
                return None
            found |= heads
        return frozenset(found)
    if op is parser.SUBPATTERN and not value[1] & re.IGNORECASE:  # (?i:...) is no literal
        return _heads(list(value[-1]), parser)
    return None


def _hint_words() -> tuple[str, ...]:
    """``HINT_WORDS``: the class/id words and the heads of the class/id patterns that
    ``hints._name_hints`` reads, without those holding a shorter one; empty (every value
    speaks) if a pattern's heads cannot be read."""
    words = set(NEGATIVE_WORDS | POSITIVE_WORDS | COMMENT_WORDS)
    patterns = (COMMENT_COMPOUND, COMMENT_FURNITURE, STRONG_POSITIVE, NEGATIVE_PATTERN)
    for pattern in (*patterns, FORUM_FURNITURE):
        heads = literal_heads(pattern)
        if heads is None:
            return ()
        words |= heads
    if not all(word.isascii() and word == word.lower() and word for word in words):
        return ()
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


HINT_WORDS = _hint_words()
"""What a class or id value must hold (lower-cased) to hint at anything: every word of the
class/id tables and the literal beginning of every branch of their patterns
(``hints._name_hints`` reads no other). A value without one says nothing, so the page
table leaves its elements out of ``hinted`` and scoring never looks at them: about half
the elements with a class or id on a page."""


def speaks(value: str | None) -> bool:
    """Whether a class or id value may hint: it holds one of ``HINT_WORDS`` lower-cased,
    or it is not ASCII (lower-casing may make ASCII of it: the Kelvin sign is a "k"), or
    ``HINT_WORDS`` is empty. Compiled as ``_walk``'s ``speaks``."""
    if value is None:
        return False
    if not HINT_WORDS or not value.isascii():
        return True
    lowered = value.lower()
    return any(word in lowered for word in HINT_WORDS)


@dataclass(frozen=True, slots=True, eq=False)
class PageTable:
    """Every element of the page (elements, comments, processing instructions) in
    document order, with what selection needs to know about it.

    ``elements`` is a list on the reference path and a lazy sequence on the compiled one
    (a proxy is made on first access, then kept, so identity is stable).
    """

    elements: Sequence[lxml_html.HtmlElement]
    index_of: Mapping[lxml_html.HtmlElement, int]
    tags: list[str]
    """Each element's tag; "" for comments and processing instructions."""
    parent: list[int]
    """Index of each element's parent; -1 for the root."""
    end: list[int]
    """One past the index of each element's last descendant."""
    depth: list[int]
    """Each element's depth below the root (the root is 0)."""
    classes: list[str | None]
    ids: list[str | None]
    roles: list[str | None]
    """The ``class``, ``id`` and ``role`` values (None when absent), one string object per
    distinct value of the page."""
    hinted: list[int]
    """The elements with a role, a tag in ``HINT_TAGS``, or a class or id that
    ``speaks``: the only ones whose markup can hint at anything."""
    itemtypes: dict[int, str]
    """The ``itemtype`` of the elements that have one (microdata), in document order:
    ``threads`` looks for a declared forum thread here instead of searching the tree."""
    links: list[int]
    """The number of ``<a href>`` in each element's subtree."""
    chars: list[int]
    """The block-text characters in each element's subtree."""
    link_chars: list[int]
    """The link-text characters in each element's subtree."""
    blocks: list[tuple[int, str, int]]
    """(element index, whitespace-normalised text, link chars) of every block with text."""

    texts: dict[int, str] = field(default_factory=dict, repr=False)
    """The ``text`` of the elements asked for so far (teaser detection asks for many twice)."""

    def text(self, index: int) -> str:
        """All the text below element ``index``, whitespace-normalised: what a teaser's
        headline or item says. The compiled path joins the text nodes without a proxy."""
        found = self.texts.get(index)
        if found is None:
            text_at = getattr(self.elements, "text", None)
            found = text_at(index) if text_at is not None else element_text(self.elements[index])
            self.texts[index] = found
        return found

    def fields(self) -> dict[str, Any]:
        """The measured fields (all but the element handles), for the parity tests."""
        return {
            name: getattr(self, name)
            for name in PageTable.__slots__
            if name not in ("elements", "index_of", "texts")
        }


def build_table(root: lxml_html.HtmlElement) -> PageTable:
    """The page table of ``root``: compiled when the extension is built and not disabled."""
    if _compiled is not None and not pure_requested():
        return PageTable(*_compiled(root, BLOCK_TAGS, HINT_TAGS, HINT_WORDS))
    return reference_table(root)


def pure_requested() -> bool:
    """Whether ``BOILERKIT_PURE`` asks for the reference path (read on every call, so tests
    and the snapshot tool can switch within one process)."""
    return os.environ.get("BOILERKIT_PURE", "") not in ("", "0")


def compiled(name: str) -> Callable[..., Any] | None:
    """The compiled twin called ``name``, or ``None`` when the extension is not built or
    ``BOILERKIT_PURE`` asks for the reference."""
    if not _modules or pure_requested():
        return None
    for module in _modules:
        function: Callable[..., Any] | None = getattr(module, name, None)
        if function is not None:
            return function
    return None  # a stale in-place build without this twin: the reference does the work


def compiled_class(name: str) -> Any:
    """The compiled class called ``name`` when the extension is built (whatever
    ``BOILERKIT_PURE`` says now: its users check ``pure_requested`` on every call), else
    ``None``."""
    return next((getattr(m, name) for m in _modules if hasattr(m, name)), None)


def _load_modules() -> tuple[Any, ...]:
    """The compiled modules (``_walk.pyx``, ``_passes.pyx``, ``_coarse.pyx``,
    ``_teasers.pyx``, the front stages' ``_front.pyx``, render's ``_plain.pyx``, metadata's
    ``_meta.pyx``), or none."""
    try:
        from . import _coarse, _front, _meta, _passes, _plain, _teasers, _walk  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return ()
    return (_walk, _passes, _coarse, _teasers, _front, _plain, _meta)


_modules = _load_modules()
_compiled: Callable[..., tuple[Any, ...]] | None = compiled("compiled_table")
COMPILED = bool(_modules)
"""Whether the compiled walk is available in this installation."""


# -- the reference walk (the spec) ---------------------------------------------------------


def reference_table(root: lxml_html.HtmlElement) -> PageTable:
    """The page table, in plain Python: the spec the compiled walk must reproduce."""
    elements: list[lxml_html.HtmlElement] = list(root.iter())
    tags = [tag if tag.__class__ is str else "" for tag in (e.tag for e in elements)]
    index_of = {element: index for index, element in enumerate(elements)}
    parent = [index_of.get(e.getparent(), -1) for e in elements]
    parent[0] = -1
    end = list(range(1, len(elements) + 1))
    for index in range(len(elements) - 1, 0, -1):  # children follow parents: close bottom-up
        up = parent[index]
        if end[index] > end[up]:
            end[up] = end[index]
    depth = [0] * len(elements)
    for index in range(1, len(elements)):
        depth[index] = depth[parent[index]] + 1
    classes, ids, roles = (_attribute_values(elements, tags, n) for n in ("class", "id", "role"))
    voiced = {value: speaks(value) for value in {*classes, *ids}}  # each value once
    hinted = [
        index
        for index, tag in enumerate(tags)
        if tag in HINT_TAGS or roles[index] is not None or voiced[classes[index]]
        or voiced[ids[index]]
    ]  # fmt: skip
    itemtypes = {
        index: value
        for index, (element, tag) in enumerate(zip(elements, tags, strict=True))
        if tag and (value := element.get("itemtype")) is not None
    }
    links = _Links(elements, tags, end)
    blocks = block_texts(elements, tags, parent, end, links)
    chars = [0] * len(elements)
    link_chars = [0] * len(elements)
    for index, text, linked in blocks:
        chars[index] = len(text)
        link_chars[index] = linked
    return PageTable(
        elements=elements,
        index_of=index_of,
        tags=tags,
        parent=parent,
        end=end,
        depth=depth,
        classes=classes,
        ids=ids,
        roles=roles,
        hinted=hinted,
        itemtypes=itemtypes,
        links=links.below,
        chars=subtree_sums(chars, end),
        link_chars=subtree_sums(link_chars, end),
        blocks=blocks,
    )


def _attribute_values(
    elements: list[lxml_html.HtmlElement], tags: list[str], name: str
) -> list[str | None]:
    """One attribute of every element (comments have none), each distinct value once."""
    seen: dict[str, str] = {}
    return [
        seen.setdefault(value, value) if (value := e.get(name) if tag else None) is not None
        else None
        for e, tag in zip(elements, tags, strict=True)
    ]  # fmt: skip


class _Links:
    """Where the page's ``<a href>`` are: which elements are links, or inside one."""

    def __init__(
        self, elements: list[lxml_html.HtmlElement], tags: list[str], end: list[int]
    ) -> None:
        is_link = [0] * len(elements)
        self.inside = [False] * len(elements)
        """Whether each element is inside a link (so its own text is link text)."""
        self.outer: list[int] = []
        """The links not inside another link, in document order."""
        for index, tag in enumerate(tags):
            if tag == "a" and elements[index].get("href") is not None:
                is_link[index] = 1
                if not self.inside[index]:
                    self.outer.append(index)
                    self.inside[index : end[index]] = [True] * (end[index] - index)
        self.below = subtree_sums(is_link, end)
        """The number of links in each element's subtree."""


def block_texts(
    elements: list[lxml_html.HtmlElement],
    tags: list[str],
    parent: list[int],
    end: list[int],
    links: _Links,
) -> list[tuple[int, str, int]]:
    """(element index, text, link chars) of every block with text, in document order.

    A *block* is a block-level element with the text it holds directly: its own text and
    that of its inline descendants, not that of nested blocks.
    """
    owners = [index for index, tag in enumerate(tags) if tag in BLOCK_TAGS]
    if not owners or owners[0] != 0:
        owners.insert(0, 0)  # the root holds the text outside any block
    is_owner = [False] * len(elements)
    for index in owners:
        is_owner[index] = True
    nested = [0, *itertools.accumulate(tag in BLOCK_TAGS for tag in tags)]  # blocks before i
    found: list[tuple[int, str, int]] = []
    for index in owners:
        stop = end[index]
        if nested[stop] - nested[index] == 1:  # a leaf block: libxml2 joins its text
            element = elements[index]
            text = collapse(text_of(element) if len(element) else element.text or "")
            if links.inside[index]:
                linked = sum(len(piece.strip()) for piece in element.itertext())
            elif links.below[index]:
                linked = link_text(elements, links.outer, index, stop)
            else:
                linked = 0
        else:
            text, linked = own_text(index, elements, tags, end, parent, is_owner, links.inside)
        if text:
            found.append((index, text, min(linked, len(text))))
    return found


def own_text(
    owner: int,
    elements: list[lxml_html.HtmlElement],
    tags: list[str],
    end: list[int],
    parent: list[int],
    is_owner: list[bool],
    in_link: list[bool],
) -> tuple[str, int]:
    """The text a block holds directly, and how much of it is link text.

    Nested blocks are skipped whole (only their tails are ours); the inline elements between
    them are opened and closed in document order, so every tail follows its subtree. As in
    lxml's text serializer, a comment's content is not text but its tail is.
    """
    pieces: list[str] = []
    linked = 0
    text = elements[owner].text
    if text:
        pieces.append(text)
        if in_link[owner]:
            linked += len(text.strip())
    opened: list[int] = []  # inline elements whose tail is still to come
    index, stop = owner + 1, end[owner]
    while index < stop or opened:
        while opened and (end[opened[-1]] <= index or index >= stop):
            closed = opened.pop()
            tail = elements[closed].tail
            if tail:
                pieces.append(tail)
                if in_link[parent[closed]]:
                    linked += len(tail.strip())
        if index >= stop:
            break
        if is_owner[index]:  # a nested block: its text is its own, its tail is ours
            tail = elements[index].tail
            if tail:
                pieces.append(tail)
                if in_link[parent[index]]:
                    linked += len(tail.strip())
            index = end[index]
            continue
        text = elements[index].text if tags[index] else None
        if text:
            pieces.append(text)
            if in_link[index]:
                linked += len(text.strip())
        opened.append(index)
        index += 1
    return collapse("".join(pieces)), linked


def link_text(
    elements: list[lxml_html.HtmlElement], outer_links: list[int], start: int, stop: int
) -> int:
    """The link characters in ``range(start, stop)``, counted piece by piece like the text."""
    linked = 0
    for position in range(bisect.bisect_left(outer_links, start), len(outer_links)):
        link = outer_links[position]
        if link >= stop:
            break
        element = elements[link]
        if len(element):
            linked += sum(len(piece.strip()) for piece in element.itertext())
        elif element.text:
            linked += len(element.text.strip())
    return linked


def text_of(element: lxml_html.HtmlElement) -> str:
    """All the text below ``element`` (its ``text_content``), joined by libxml2: several
    times faster than ``itertext`` or ``text_content``."""
    text: str = etree.tostring(element, method="text", encoding=str, with_tail=False)
    return text


def element_text(element: lxml_html.HtmlElement) -> str:
    """All the text below ``element``, whitespace-normalised (``Elements.text`` compiled)."""
    return collapse(text_of(element))


def sum_up(values: list[float], parent: list[int]) -> None:
    """Add each element's value into its parent's, deepest first (children follow their
    parents in document order): the subtree sums of ``values``, in place. Compiled as
    ``_passes.sum_up`` (called through ``summed_up``)."""
    for index in range(len(values) - 1, 0, -1):
        values[parent[index]] += values[index]


def summed_up(values: list[float], parent: list[int]) -> list[float]:
    """``values`` with ``sum_up`` applied, compiled when it is built; returns ``values``."""
    compiled_sum_up = compiled("sum_up")
    if compiled_sum_up is None or not compiled_sum_up(values, parent):
        sum_up(values, parent)
    return values


def subtree_sums(own: list[int], end: list[int]) -> list[int]:
    """Each element's ``own`` count summed over its subtree (a range: prefix sums)."""
    prefix = [0, *itertools.accumulate(own)]
    return [prefix[stop] - prefix[start] for start, stop in enumerate(end)]
