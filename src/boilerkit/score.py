"""Score stage: what each block is worth, and which region of the page holds the article.

Three signals, each recorded as a ``Reason`` so ``explain`` can show it:

* **hints** — what the markup says an element is: tags (``nav``, ``article``), ARIA roles
  and class/id words ("sidebar", "entry-content"). A hint covers the element's subtree.
* **block value** — prose is worth its length plus a bonus per sentence; link text counts
  against it; every block pays a fixed cost, so runs of short items sum below zero.
  Blocks under a boilerplate hint, or in a teaser block, are worth minus their length.
* **container value** — the sum of the block values below an element. The article is
  the element with the highest sum (a maximum-subtree search): wide enough to take every
  paragraph, split sections included, narrow enough to leave the negative furniture out.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html as lxml_html

from .segment import Block, Segmentation
from .teasers import TeaserGroup
from .weights import (
    COMMENT_WORDS,
    NEGATIVE_ROLES,
    NEGATIVE_TAGS,
    NEGATIVE_WORDS,
    POSITIVE_ROLES,
    POSITIVE_TAGS,
    POSITIVE_WORDS,
    WORD_SPLIT,
    Weights,
)


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule's effect on a block: its name, score delta and a short detail."""

    rule: str
    delta: float
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Hint:
    """What an element's markup says about its subtree."""

    kind: str  # "boilerplate", "comments" or "article"
    detail: str  # e.g. "class=related", "tag=nav"


@dataclass(frozen=True, slots=True)
class Scores:
    """Block values with their reasons, the hint covering each element, container sums."""

    value: dict[Block, float]
    reasons: dict[Block, tuple[Reason, ...]]
    region: dict[lxml_html.HtmlElement, Hint | None]
    total: dict[lxml_html.HtmlElement, float]


def element_hint(element: lxml_html.HtmlElement) -> Hint | None:
    """The hint an element's own tag, role, class and id give, or ``None``."""
    tag = element.tag
    if not isinstance(tag, str) or tag in ("html", "body"):
        return None
    role = (element.get("role") or "").strip().lower()
    marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    words = set(WORD_SPLIT.split(marks)) if marks.strip() else set()
    if words & COMMENT_WORDS:
        return Hint("comments", f"class/id={'/'.join(sorted(words & COMMENT_WORDS))}")
    if tag in POSITIVE_TAGS or role in POSITIVE_ROLES:
        return Hint("article", f"tag={tag}" if tag in POSITIVE_TAGS else f"role={role}")
    if role in NEGATIVE_ROLES:
        return Hint("boilerplate", f"role={role}")
    if tag in NEGATIVE_TAGS:
        return Hint("boilerplate", f"tag={tag}")
    negative = words & NEGATIVE_WORDS
    positive = words & POSITIVE_WORDS
    if negative and not positive:
        return Hint("boilerplate", f"class/id={'/'.join(sorted(negative))}")
    if positive:
        return Hint("article", f"class/id={'/'.join(sorted(positive))}")
    return None


def _regions(root: lxml_html.HtmlElement) -> dict[lxml_html.HtmlElement, Hint | None]:
    """The innermost boilerplate/comment hint covering each element (article hints reset).

    A ``header`` or ``footer`` inside an article hint frames the article itself (headline,
    byline) and does not count as page furniture.
    """
    region: dict[lxml_html.HtmlElement, Hint | None] = {root: None}
    inside_article: dict[lxml_html.HtmlElement, bool] = {root: False}
    for element in root.iterdescendants():
        parent = element.getparent()
        inherited = region[parent]
        in_article = inside_article[parent]
        hint = element_hint(element) if isinstance(element.tag, str) else None
        if hint is None or (in_article and hint.detail in ("tag=header", "tag=footer")):
            region[element] = inherited
        elif hint.kind == "article":
            region[element] = inherited
            in_article = True
        else:
            region[element] = inherited if inherited is not None else hint
        inside_article[element] = in_article
    return region


def block_value(block: Block, weights: Weights, scale: float) -> tuple[float, tuple[Reason, ...]]:
    """A block's worth as prose, with the reasons that make it up."""
    own = block.chars - block.link_chars
    reasons = [Reason("text", float(own), f"{block.chars} chars")]
    if block.link_chars:
        reasons.append(Reason("link_text", -weights.link_penalty * scale * block.link_chars,
                              f"density {block.link_density:.2f}"))
    reasons.append(Reason("block_cost", -weights.block_cost * scale))
    sentences = min(block.sentences, weights.sentence_bonus_cap)
    if sentences:
        reasons.append(Reason("sentences", weights.sentence_bonus * sentences, str(sentences)))
    return sum(r.delta for r in reasons), tuple(reasons)


def score(
    root: lxml_html.HtmlElement,
    segmentation: Segmentation,
    teasers: tuple[TeaserGroup, ...],
    weights: Weights,
    scale: float = 1.0,
) -> Scores:
    """Value every block and sum the values up the tree."""
    region = _regions(root)
    in_teaser = {block for group in teasers for block in group.blocks}
    value: dict[Block, float] = {}
    reasons: dict[Block, tuple[Reason, ...]] = {}
    for block in segmentation.blocks:
        hint = region.get(block.element)
        if block in in_teaser:
            why = (Reason("teaser", weights.boilerplate_factor * block.chars - weights.block_cost,
                          "item of a teaser block"),)
        elif hint is not None:
            why = (Reason(hint.kind, weights.boilerplate_factor * block.chars - weights.block_cost,
                          hint.detail),)
        else:
            _, why = block_value(block, weights, scale)
        value[block] = sum(r.delta for r in why)
        reasons[block] = why
    total: dict[lxml_html.HtmlElement, float] = {}
    for element in reversed(list(root.iter())):
        block = segmentation.block_of.get(element)
        subtotal = total.get(element, 0.0) + (value[block] if block is not None else 0.0)
        total[element] = subtotal
        parent = element.getparent()
        if parent is not None:
            total[parent] = total.get(parent, 0.0) + subtotal
    return Scores(value, reasons, region, total)
