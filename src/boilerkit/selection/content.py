"""Copy-out: the kept text of the chosen container as a standalone element tree.

The selection never edits the page tree; it copies the container's kept text, with the
inline markup in it (links, emphasis, code, tables), into a new tree that the renderers
walk. It works on the segmentation's index arrays, not the tree: one pass decides each
copy's text, one (children before parents) which copies would be left empty, and only the
others are created. Every pass is linear in the container's size.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lxml import etree
from lxml import html as lxml_html
from lxml.html import defs

from .. import budget
from ..page.parse import join_url
from ..page.tags import BLOCK_TAGS
from ..render.urls import IMAGE_ATTRIBUTES
from .page_table import compiled
from .segment import Segmentation

SOFT_HYPHEN = "\u00ad"
"""Only says where a word may break; the extracted text leaves it out everywhere."""
_UNWANTED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff{SOFT_HYPHEN}]")
_KEEP_EMPTY = frozenset({"img", "br", "hr", "td", "th"})
COPIED_ATTRIBUTES = frozenset(
    {
        *IMAGE_ATTRIBUTES,
        *("href", "alt", "title", "class", "id", "lang", "dir", "role", "type"),
        *("colspan", "rowspan", "headers", "scope", "start", "value", "reversed"),
        *("datetime", "cite"),
    }
)
"""The attributes copied into the content tree: links and images (lazy-loading sources
too), table spans, list numbering, the code language (``class``), and the few that say
what an element is."""
SPAN_CAPS = (("colspan", 1_000), ("rowspan", 65_534))
"""Table spans clamped in the copy as browsers clamp them (HTML's table model)."""
_COPIES = lxml_html.HTMLParser()
_COPIES.set_element_class_lookup(
    etree.ElementDefaultClassLookup(element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment)
)
"""Makes the copies, with the proxy classes of the page tree (``page.parse``) chosen in C:
``lxml.html.Element`` runs a Python lookup for every element made."""


def build_content(
    container: int,
    segmentation: Segmentation,
    kept: set[int],
    skip: frozenset[int] = frozenset(),
    base_url: str | None = None,
) -> lxml_html.HtmlElement:
    """Copy element ``container`` keeping only the text of the kept blocks (and the inline
    markup in it), leaving out the subtrees in ``skip`` and the elements left without text.
    With ``base_url``, links are made absolute (against it, not the reader's location).

    Elements are given by their index in ``segmentation``. The result is what copying
    everything and then calling ``prune_empty`` gives, but the elements to drop are known
    from the index arrays first, so they are never created. The copies are made by
    ``_passes.copy_out`` over the compiled table, by ``copy_out`` here otherwise.
    """
    compiled_copy = compiled("copy_out")
    made = None
    if compiled_copy is not None:
        check = budget.current().check
        made = compiled_copy(
            segmentation.elements, container, segmentation.tags, segmentation.parent,
            segmentation.end, BLOCK_TAGS, kept, segmentation.block_at, skip,
            COPIED_ATTRIBUTES, _KEEP_EMPTY, _copy_element, xml_safe, check,
        )  # fmt: skip
    root, copies = made if made is not None else copy_out(container, segmentation, kept, skip)
    if base_url:
        _make_links_absolute(root, copies, base_url)
    return root


def copy_out(
    container: int, segmentation: Segmentation, kept: set[int], skip: frozenset[int]
) -> tuple[lxml_html.HtmlElement, list[lxml_html.HtmlElement]]:
    """The copy of element ``container`` (see ``build_content``) and every copy in it, in
    document order, the root first. Compiled as ``_passes.copy_out``."""
    members, text, tail = _copied_text(container, segmentation, kept, skip)
    alive = _surviving(container, members, segmentation, text, tail)
    tags, parent = segmentation.tags, segmentation.parent
    attributes = _attribute_reader(segmentation.elements)
    copies: list[lxml_html.HtmlElement | None] = [None] * len(text)
    last: list[int] = [-1] * len(text)  # the last copied child of each copy, by offset
    root = _copy_element(tags[container] or "span", attributes(container), None)
    copies[0] = root
    check = budget.current().check
    for index in members[1:]:
        check("select")
        offset, up = index - container, parent[index] - container
        above = copies[up]
        if above is None:  # inside an element left out
            continue
        if alive[offset]:
            copies[offset] = _copy_element(tags[index] or "span", attributes(index), above)
            last[up] = offset
            continue
        piece = tail[offset]  # an element left out: its tail joins the text before it
        if piece:
            before = last[up]
            if before < 0:
                text[up] = (text[up] or "") + piece
            else:
                tail[before] = (tail[before] or "") + piece
    for copy, own, after in zip(copies, text, tail, strict=True):
        if copy is not None:
            if own:
                copy.text = own
            if after:
                copy.tail = after
    return root, [copy for copy in copies if copy is not None]


def _copied_text(
    container: int, segmentation: Segmentation, kept: set[int], skip: frozenset[int]
) -> tuple[list[int], list[str | None], list[str | None]]:
    """The elements to copy, and the text and tail each copy gets, by offset from
    ``container``: a block's text is copied when the block is kept (or holds no text),
    inline elements follow the block they are in, skipped subtrees are left empty."""
    tags, parent = segmentation.tags, segmentation.parent
    end, block_at = segmentation.end, segmentation.block_at
    text_at, tail_at = _readers(segmentation.elements)
    size = end[container] - container
    keep_text = [False] * size
    text: list[str | None] = [None] * size
    tail: list[str | None] = [None] * size
    members: list[int] = []
    index = container
    while index < size + container:
        offset = index - container
        members.append(index)
        if index != container and keep_text[parent[index] - container]:
            after = tail_at(index)
            if after:
                tail[offset] = xml_safe(after)
        if index in skip:
            index = end[index]
            continue
        if index == container or tags[index] in BLOCK_TAGS:
            keep = index in kept or index not in block_at
        else:
            keep = keep_text[parent[index] - container]
        keep_text[offset] = keep
        if keep and tags[index]:  # a comment's content is not text
            own = text_at(index)
            if own:
                text[offset] = xml_safe(own)
        index += 1
    return members, text, tail


def _readers(
    elements: Sequence[lxml_html.HtmlElement],
) -> tuple[Callable[[int], str | None], Callable[[int], str | None]]:
    """Read an element's ``text`` and ``tail`` by index: without a proxy on the compiled
    path (``Elements.text_at``, ``tail_at``), through the element on the reference."""
    text_at = getattr(elements, "text_at", None)
    tail_at = getattr(elements, "tail_at", None)
    if text_at is not None and tail_at is not None:
        return text_at, tail_at
    return (lambda index: elements[index].text), (lambda index: elements[index].tail)


def _attribute_reader(
    elements: Sequence[lxml_html.HtmlElement],
) -> Callable[[int], dict[str, str]]:
    """Read an element's ``COPIED_ATTRIBUTES`` by index: without a proxy on the compiled
    path (``Elements.attributes_in``), through the element on the reference."""
    attributes_in = getattr(elements, "attributes_in", None)
    if attributes_in is not None:
        return lambda index: attributes_in(index, COPIED_ATTRIBUTES)
    return lambda index: {
        key: value for key, value in elements[index].items() if key in COPIED_ATTRIBUTES
    }


def _surviving(
    container: int,
    members: list[int],
    segmentation: Segmentation,
    text: list[str | None],
    tail: list[str | None],
) -> list[bool]:
    """Which copies keep some text (``prune_empty``'s verdict, children before parents)."""
    tags, parent = segmentation.tags, segmentation.parent
    alive = [False] * len(text)
    has_text = [False] * len(text)  # a surviving child, or a child's tail with text
    for index in reversed(members):
        offset = index - container
        own = text[offset]
        alive[offset] = bool(tags[index]) and (  # comments are not copied, their tails are
            has_text[offset] or tags[index] in _KEEP_EMPTY or bool(own and own.strip())
        )
        if index != container and not has_text[parent[index] - container]:
            after = tail[offset]
            if alive[offset] or (after and after.strip()):
                has_text[parent[index] - container] = True
    return alive


_LINK_ATTRIBUTES = defs.link_attrs


def _make_links_absolute(
    root: lxml_html.HtmlElement, copies: list[lxml_html.HtmlElement], base_url: str
) -> None:
    """``root.make_links_absolute(base_url, handle_failures="ignore")`` on a tree whose
    elements are ``copies``, faster: lxml's ``iterlinks`` tests some sixteen attribute
    names on every element in Python, this reads
    each element's names once. The rare trees with links in other places (object, base,
    style, refresh and param tags; CSS ``url()`` in style attributes) go to lxml itself."""
    targets: list[lxml_html.HtmlElement] = []
    for element in copies:
        names = element.keys()
        if not names:  # most copies: only the tag can hold a link (_links_elsewhere)
            if element.tag in _LINKING_TAGS or element.tag[0] == "{":
                _rewrite_all_links(root, base_url)
                return
            continue
        if _links_elsewhere(element, names):
            _rewrite_all_links(root, base_url)
            return
        if not _LINK_ATTRIBUTES.isdisjoint(names):
            targets.append(element)
    for element in targets:
        for name in _LINK_ATTRIBUTES.intersection(element.keys()):
            link = element.get(name)
            resolved = join_url(base_url, link.strip()) or link.strip()
            if resolved != link:
                element.set(name, resolved)


def _rewrite_all_links(root: lxml_html.HtmlElement, base_url: str) -> None:
    """What ``make_links_absolute`` does, lxml finding every link, minus its one crash.

    lxml resolves ``<base href>`` first (links against it, then the element dropped); a
    ``<base>`` that is the root of the copy cannot be dropped and lxml asserts. Here it
    stays, and everything else happens as in lxml.
    """
    bases = root.xpath("descendant-or-self::base[@href]")
    href = bases[-1].get("href") if bases else None
    for base in bases:
        if base.getparent() is not None:
            base.drop_tree()
    base = (join_url(base_url, href.strip()) or href.strip()) if href else base_url
    root.rewrite_links(
        lambda link: join_url(base, link.strip()) or link.strip(), resolve_base_href=False
    )


_LINKING_TAGS = frozenset({"object", "base", "style"})
"""Tags lxml finds links in whatever their attributes (their content, their ``data``)."""


def _links_elsewhere(element: lxml_html.HtmlElement, names: list[str]) -> bool:
    """Whether lxml would find links in this element beyond its plain link attributes."""
    tag = element.tag
    return (
        tag in _LINKING_TAGS
        or tag[0] == "{"
        or (tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh")
        or (tag == "param" and (element.get("valuetype") or "").lower() == "ref")
        or ("style" in names and "url(" in (element.get("style") or "").lower())
    )


def xml_safe(text: str) -> str:
    """Text lxml accepts through its API (the parser lets C0 controls through), without
    soft hyphens, which only say where a word may break ("Mit\u00adtel\u00adal\u00adter")."""
    return _UNWANTED.sub("", text) if _UNWANTED.search(text) else text


def _copy_element(
    tag: str, attrib: dict[str, str], parent: lxml_html.HtmlElement | None
) -> lxml_html.HtmlElement:
    """A shallow copy of an element (its tag and ``attrib``) under ``parent``; odd tag-soup
    names become a span, and attribute names lxml refuses (``{x``, see ``parse``) are left
    out.

    Only the attributes a renderer or a reader of ``Document.content`` uses are copied
    (``COPIED_ATTRIBUTES``, see ``_attribute_reader``): lxml checks each new attribute
    against those already set, so copying all of them was quadratic in an element's
    attribute count.
    """
    for name, cap in SPAN_CAPS:
        value = attrib.get(name)
        if value is not None and value.strip().isdecimal() and len(value.strip()) > 3:
            attrib[name] = str(min(int(value.strip()[:6]), cap))
    try:
        if parent is None:
            return _COPIES.makeelement(tag, attrib)
        return etree.SubElement(parent, tag, attrib)
    except ValueError:  # a tag or attribute name the parser let through but lxml refuses
        pass
    element = _COPIES.makeelement(tag if _NAME.fullmatch(tag) else "span")
    for key, value in attrib.items():
        if _NAME.fullmatch(key):
            element.set(key, xml_safe(value))
    if parent is not None:
        parent.append(element)
    return element


_NAME = re.compile(r"[A-Za-z_][\w.-]*")


def prune_empty(root: lxml_html.HtmlElement) -> None:
    """Remove elements left without text; their tails join the previous node's text.

    Children go before parents (so emptiness propagates up), one pass over each parent's
    children with the moved tails joined once: linear even for 100,000 empty siblings.
    """
    for element in reversed(list(root.iter())):
        if not len(element):
            continue
        lead: list[str] = [element.text or ""]  # text before the first surviving child
        pieces = lead
        survivor: lxml_html.HtmlElement | None = None
        for child in list(element):
            if _is_empty(child):
                if child.tail:
                    pieces.append(child.tail)
                element.remove(child)
                continue
            if survivor is not None:
                survivor.tail = "".join(pieces) or None
            survivor, pieces = child, [child.tail or ""]
        if survivor is not None:
            survivor.tail = "".join(pieces) or None
        element.text = "".join(lead) or None


def _is_empty(element: lxml_html.HtmlElement) -> bool:
    return (
        not len(element)
        and element.tag not in _KEEP_EMPTY
        and not (element.text and element.text.strip())
    )
