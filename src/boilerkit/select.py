"""Select stage: pick the article's container, judge each of its blocks, copy it out.

The container is the element with the highest summed block value (see ``score``). Inside
it every block gets a verdict, with the rules that decided it: furniture hints, teaser
blocks, link-dense lists and stock lines ("Share", "Advertisement") are dropped; the rest
is the article. The result is a *copy* of the container holding only the kept text, so no
later stage touches the page tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from .document import RelatedLink
from .score import Hint, Reason, Scores, element_hint, score
from .segment import BLOCK_TAGS, Block, Segmentation, segment
from .teasers import TeaserGroup, find_teasers
from .weights import BOILERPLATE_LINE, Weights


@dataclass(frozen=True, slots=True)
class BlockVerdict:
    """Why a block was kept or dropped."""

    path: str
    text: str
    kept: bool
    score: float
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class Selection:
    """The selected article, the verdict on every block, and the teaser links found."""

    content: lxml_html.HtmlElement | None
    verdicts: tuple[BlockVerdict, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    comments: lxml_html.HtmlElement | None = None
    confidence: float = 0.0
    notes: tuple[str, ...] = ()


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_KEEP_EMPTY = frozenset({"img", "br", "hr", "td", "th"})


def element_path(element: lxml_html.HtmlElement, depth: int = 3) -> str:
    """A short CSS-like path for explain lines: ``article.post>div.body>p``."""
    parts: list[str] = []
    node: lxml_html.HtmlElement | None = element
    while node is not None and len(parts) < depth and node.tag not in ("html",):
        classes = (node.get("class") or "").split()
        parts.append(str(node.tag) + (f".{classes[0]}" if classes else ""))
        node = node.getparent()
    return ">".join(reversed(parts))


def _choose_container(
    root: lxml_html.HtmlElement, scores: Scores, teasers: tuple[TeaserGroup, ...], weights: Weights
) -> lxml_html.HtmlElement:
    """The element whose subtree is worth the most (article-hinted elements get a bonus)."""
    excluded = {element for group in teasers for element in group.container.iter()}
    best, best_value = root, float("-inf")
    for element, total in scores.total.items():
        if element in excluded or scores.region.get(element) is not None:
            continue
        hint = element_hint(element)
        if hint is not None and hint.kind == "article" and total > 0:
            total *= 1 + weights.positive_hint_bonus
        if total > best_value:
            best, best_value = element, total
    return best


def _rule_within(
    block: Block,
    container: lxml_html.HtmlElement,
    segmentation: Segmentation,
    weights: Weights,
    cache: dict[lxml_html.HtmlElement, Reason | None],
) -> Reason | None:
    """The first drop rule that an element between the block and the container triggers."""
    chain: list[lxml_html.HtmlElement] = []
    node: lxml_html.HtmlElement | None = block.element
    found: Reason | None = None
    while node is not None and node is not container:
        if node in cache:
            found = cache[node]
            break
        chain.append(node)
        found = _region_rule(node, segmentation, weights)
        if found is not None:
            break
        node = node.getparent()
    for element in chain:
        cache[element] = found
    return found


def _region_rule(
    element: lxml_html.HtmlElement, segmentation: Segmentation, weights: Weights
) -> Reason | None:
    hint: Hint | None = element_hint(element)
    if hint is not None and hint.kind != "article":
        return Reason(hint.kind, -1.0, f"{element_path(element, 1)} {hint.detail}")
    extent = segmentation.extent.get(element)
    if (
        extent is not None
        and extent.links >= weights.region_min_links
        and extent.chars
        and extent.link_chars > weights.region_max_link_density * extent.chars
        and element.tag not in ("p", "td", "th")
    ):
        density = extent.link_chars / extent.chars
        return Reason("link_region", -1.0, f"{element_path(element, 1)} density {density:.2f}")
    return None


def _verdict(
    block: Block,
    container: lxml_html.HtmlElement,
    teaser_of: dict[Block, TeaserGroup],
    segmentation: Segmentation,
    weights: Weights,
    cache: dict[lxml_html.HtmlElement, Reason | None],
) -> Reason | None:
    """The reason to drop a block inside the container, or ``None`` to keep it."""
    if block in teaser_of:
        group = teaser_of[block]
        return Reason("teaser", -1.0, f"{group.section or 'untitled'}: {group.evidence}")
    region = _rule_within(block, container, segmentation, weights, cache)
    if region is not None:
        return region
    if block.link_density > weights.max_link_density and not block.is_heading:
        return Reason("link_density", -1.0, f"{block.link_density:.2f}")
    if block.chars < 60 and BOILERPLATE_LINE.match(block.text):
        return Reason("boilerplate_line", -1.0)
    return None


def select_content(
    root: lxml_html.HtmlElement,
    *,
    weights: Weights | None = None,
    base_url: str | None = None,
    include_comments: bool = False,
    scale: float = 1.0,
) -> Selection:
    """Find the article in a cleaned tree and copy it out with a verdict per block."""
    weights = weights or Weights()
    segmentation = segment(root)
    teasers = find_teasers(root, segmentation, weights, base_url)
    scores = score(root, segmentation, teasers, weights, scale)
    container = _choose_container(root, scores, teasers, weights)
    inside = set(container.iter())
    teaser_of = {block: group for group in teasers for block in group.blocks}
    cache: dict[lxml_html.HtmlElement, Reason | None] = {}
    verdicts: list[BlockVerdict] = []
    kept: set[lxml_html.HtmlElement] = set()
    for block in segmentation.blocks:
        reasons = scores.reasons[block]
        if block.element in inside:
            drop = _verdict(block, container, teaser_of, segmentation, weights, cache)
        else:
            drop = Reason("outside", -1.0, f"not in {element_path(container, 2)}")
        if drop is None:
            kept.add(block.element)
        else:
            reasons = (*reasons, drop)
        verdicts.append(BlockVerdict(element_path(block.element), block.text, drop is None,
                                     scores.value[block], reasons))
    content = build_content(container, segmentation, kept)
    kept_chars = sum(segmentation.block_of[e].chars for e in kept)
    positive = sum(v for v in scores.value.values() if v > 0)
    kept_value = sum(max(0.0, scores.value[segmentation.block_of[e]]) for e in kept)
    confidence = (kept_value / positive if positive else 0.0) * min(1.0, 0.5 + kept_chars / 1600)
    notes = (f"container {element_path(container)} value {scores.total[container]:.0f}",
             f"{len(teasers)} teaser blocks")
    related = tuple(RelatedLink(item.title, item.url, group.section)
                    for group in teasers for item in group.items)
    teaser_chars = sum(b.chars for group in teasers for b in group.blocks)
    if kept_chars < weights.min_article_chars and teaser_chars > kept_chars:
        return Selection(None, tuple(verdicts), related, None, 0.0,
                         (*notes, "no article: the page is a listing of other pages"))
    return Selection(content, tuple(verdicts), related, None, confidence, notes)


def build_content(
    container: lxml_html.HtmlElement,
    segmentation: Segmentation,
    kept: set[lxml_html.HtmlElement],
) -> lxml_html.HtmlElement:
    """Copy ``container`` keeping only the text of kept blocks (and the inline markup in it)."""
    copies: list[lxml_html.HtmlElement] = []
    owners: list[bool] = []  # whether the text owner of each open element is kept
    result: lxml_html.HtmlElement | None = None
    for event, element in etree.iterwalk(container, events=("start", "end")):
        if event == "start":
            tag = element.tag if isinstance(element.tag, str) else "span"
            if tag in BLOCK_TAGS or not owners:
                keep_text = element in kept or element not in segmentation.block_of
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
    _prune_empty(result)
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
        element = lxml_html.Element(tag)
    except ValueError:
        element = lxml_html.Element("span")
    for key, value in attrib.items():
        try:
            element.set(key, _xml_safe(value))
        except ValueError:
            continue
    if parent is not None:
        parent.append(element)
    return element


def _prune_empty(root: lxml_html.HtmlElement) -> None:
    """Remove elements left without text (their tails move to the previous node)."""
    for element in reversed(list(root.iter())):
        if element is root or len(element) or (element.text and element.text.strip()):
            continue
        if element.tag in _KEEP_EMPTY:
            continue
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)
