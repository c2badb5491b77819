"""Copy-out: the kept text of the chosen container as a standalone element tree.

The selection never edits the page tree; it copies the container's kept text, with the
inline markup in it (links, emphasis, code, tables), into a new tree that the renderers
walk. One ``iterwalk`` pass and one pruning pass, both linear in the container's size.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .segment import BLOCK_TAGS, Segmentation

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_KEEP_EMPTY = frozenset({"img", "br", "hr", "td", "th"})


def build_content(
    container: lxml_html.HtmlElement,
    segmentation: Segmentation,
    kept: set[lxml_html.HtmlElement],
    skip: set[lxml_html.HtmlElement] | None = None,
) -> lxml_html.HtmlElement:
    """Copy ``container`` keeping only the text of kept blocks (and the inline markup in it),
    leaving out the subtrees in ``skip``."""
    copies: list[lxml_html.HtmlElement] = []
    owners: list[bool] = []  # whether the text owner of each open element is kept
    result: lxml_html.HtmlElement | None = None
    walker = etree.iterwalk(container, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            tag = element.tag if isinstance(element.tag, str) else "span"
            if skip and element in skip:
                walker.skip_subtree()
                keep_text = False
            elif tag in BLOCK_TAGS or not owners:
                keep_text = element in kept or segmentation.block_of(element) is None
            else:
                keep_text = owners[-1]
            copy = _copy_element(tag, element, copies[-1] if copies else None)
            if keep_text and element.text:
                copy.text = _xml_safe(element.text)
            copies.append(copy)
            owners.append(keep_text)
            continue
        copy = copies.pop()
        owners.pop()
        if owners and owners[-1] and element.tail:
            copy.tail = _xml_safe(element.tail)
        if not copies:
            result = copy
    assert result is not None
    prune_empty(result)
    return result


def _xml_safe(text: str) -> str:
    """Text lxml accepts through its API (the parser lets C0 controls through)."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def _copy_element(
    tag: str, source: lxml_html.HtmlElement, parent: lxml_html.HtmlElement | None
) -> lxml_html.HtmlElement:
    """A shallow copy of ``source`` under ``parent``; odd tag-soup names become a span."""
    attrib = dict(source.attrib)
    try:
        if parent is None:
            return lxml_html.Element(tag, attrib)
        return etree.SubElement(parent, tag, attrib)
    except ValueError:  # a tag or attribute name the parser let through but lxml refuses
        pass
    element = lxml_html.Element(tag if _NAME.fullmatch(tag) else "span")
    for key, value in attrib.items():
        if _NAME.fullmatch(key):
            element.set(key, _xml_safe(value))
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
