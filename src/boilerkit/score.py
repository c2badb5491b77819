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

import functools
from dataclasses import dataclass

from lxml import etree

from .segment import Block, Segmentation
from .teasers import TeaserGroup
from .weights import (
    COMMENT_FURNITURE,
    COMMENT_WORDS,
    FRAMEWORK_WORDS,
    NEGATIVE_PATTERN,
    NEGATIVE_ROLES,
    NEGATIVE_TAGS,
    NEGATIVE_WORDS,
    POSITIVE_ROLES,
    POSITIVE_TAGS,
    POSITIVE_WORDS,
    STRONG_POSITIVE,
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
    hints: list[Hint | None]
    """The hint of each element's own markup, by element index."""
    furniture: list[Hint | None]
    """The furniture/comment hints that count (misnamed wrappers left out), by index."""
    region: list[Hint | None]
    """The furniture/comment hint covering each element, by element index."""
    total: list[float]
    """The summed block value below each element, by element index."""
    teasers: tuple[TeaserGroup, ...]
    """The teaser groups that survived the plausibility check."""
    in_teaser: frozenset[Block]
    weights: Weights
    scale: float

    def reasons(self, block: Block) -> tuple[Reason, ...]:
        """Why a block is worth what it is (built on demand: only explain asks)."""
        penalty = self.weights.boilerplate_factor * block.chars - self.weights.block_cost
        if block in self.in_teaser:
            return (Reason("teaser", penalty, "item of a teaser block"),)
        hint = self.region[block.node]
        if hint is not None:
            return (Reason(hint.kind, penalty, hint.detail),)
        return block_reasons(block, self.weights, self.scale)


_HINT_TAGS = POSITIVE_TAGS | NEGATIVE_TAGS


@functools.lru_cache(maxsize=8192)
def _hint_of(tag: str, css_class: str | None, css_id: str | None, role: str | None) -> Hint | None:
    """The hint of a tag/class/id/role combination (pure, so memoized across pages)."""
    if tag in ("html", "body") or not isinstance(tag, str):
        return None
    if (css_class, css_id, role) == (None, None, None) and tag not in _HINT_TAGS:
        return None
    role = (role or "").strip().lower()
    text = f"{css_class or ''} {css_id or ''}".lower()
    words = set(WORD_SPLIT.split(text)) if text.strip() else set()
    if words & COMMENT_WORDS:
        furniture = COMMENT_FURNITURE.search(text)  # "comment-meta": not the comment's prose
        if furniture:
            return Hint("boilerplate", f"class/id~{furniture.group()}")
        return Hint("comments", f"class/id={'/'.join(sorted(words & COMMENT_WORDS))}")
    strong = STRONG_POSITIVE.search(text)
    if strong:
        return Hint("article", f"class/id~{strong.group()}")
    if tag in POSITIVE_TAGS or role in POSITIVE_ROLES:
        return Hint("article", f"tag={tag}" if tag in POSITIVE_TAGS else f"role={role}")
    if role in NEGATIVE_ROLES:
        return Hint("boilerplate", f"role={role}")
    if tag in NEGATIVE_TAGS:
        return Hint("boilerplate", f"tag={tag}")
    if not words & FRAMEWORK_WORDS:
        negative = words & NEGATIVE_WORDS
        if negative:
            return Hint("boilerplate", f"class/id={'/'.join(sorted(negative))}")
        fragment = NEGATIVE_PATTERN.search(text)
        if fragment:
            return Hint("boilerplate", f"class/id~{fragment.group()}")
    positive = words & POSITIVE_WORDS
    if positive:
        return Hint("article", f"class/id={'/'.join(sorted(positive))}")
    return None


def furniture_hints(
    segmentation: Segmentation, hints: list[Hint | None], prose: list[float], weights: Weights
) -> list[Hint | None]:
    """Each element's own furniture/comment hint, minus those on misnamed wrappers.

    ``prose`` is the summed positive block value below each element. A furniture wrapper
    is misnamed (``class="has-sidebar"`` around everything) when most of its prose sits in
    an element that says "article", or when it holds nearly all the prose of the page.
    Comment hints are never waived: a comment section may well outweigh its article.
    """
    article_mass = [0.0] * len(hints)
    for index in range(len(hints) - 1, -1, -1):
        hint = hints[index]
        if hint is not None and hint.kind == "article":
            article_mass[index] = max(article_mass[index], prose[index])
        up = segmentation.parent[index]
        if up >= 0 and article_mass[index] > article_mass[up]:
            article_mass[up] = article_mass[index]
    page = prose[0] if prose else 0.0
    result: list[Hint | None] = []
    for index, hint in enumerate(hints):
        if (
            hint is None
            or hint.kind == "article"
            or (
                hint.kind == "boilerplate"
                and (
                    article_mass[index] > weights.furniture_max_share * prose[index]
                    or prose[index] > weights.furniture_page_share * page
                )
            )
        ):
            result.append(None)
        else:
            result.append(hint)
    return result


def _prose_mass(segmentation: Segmentation, raw: dict[Block, float]) -> list[float]:
    """Summed positive block value below each element, hints aside."""
    mass = [0.0] * len(segmentation.elements)
    for block, value in raw.items():
        if value > 0:
            mass[block.node] = value
    parent = segmentation.parent
    for index in range(len(mass) - 1, 0, -1):
        mass[parent[index]] += mass[index]
    return mass


def _regions(segmentation: Segmentation, hints: list[Hint | None]) -> list[Hint | None]:
    """The outermost furniture/comment hint covering each element.

    A ``header`` or ``footer`` inside an article frames the article itself (headline,
    byline) and is not page furniture.
    """
    region: list[Hint | None] = []
    in_article: list[bool] = []
    for index, parent in enumerate(segmentation.parent):
        inherited = region[parent] if parent >= 0 else None
        article = in_article[parent] if parent >= 0 else False
        hint = hints[index]
        if hint is not None and hint.kind == "article":
            article = True
        elif (
            hint is not None
            and inherited is None
            and not (article and hint.detail in ("tag=header", "tag=footer"))
        ):
            inherited = hint
        region.append(inherited)
        in_article.append(article)
    return region


def block_value(block: Block, weights: Weights, scale: float) -> float:
    """A block's worth as prose (``block_reasons`` itemises it)."""
    return (
        block.chars
        - (1 + weights.link_penalty * scale) * block.link_chars
        - weights.block_cost * scale
        + weights.sentence_bonus * min(block.sentences, weights.sentence_bonus_cap)
    )


def block_reasons(block: Block, weights: Weights, scale: float) -> tuple[Reason, ...]:
    """The terms of ``block_value``, for the explain view."""
    reasons = [Reason("text", float(block.chars - block.link_chars), f"{block.chars} chars")]
    if block.link_chars:
        reasons.append(
            Reason(
                "link_text",
                -weights.link_penalty * scale * block.link_chars,
                f"density {block.link_density:.2f}",
            )
        )
    reasons.append(Reason("block_cost", -weights.block_cost * scale))
    sentences = min(block.sentences, weights.sentence_bonus_cap)
    if sentences:
        reasons.append(Reason("sentences", weights.sentence_bonus * sentences, str(sentences)))
    return tuple(reasons)


_MARKED = etree.XPath(
    "//*[@class or @id or @role or self::article or self::main or self::nav or self::aside"
    " or self::footer or self::form]"
)


def _hints(segmentation: Segmentation) -> list[Hint | None]:
    """Each element's own hint; only elements with marks are looked at."""
    hints: list[Hint | None] = [None] * len(segmentation.elements)
    if not segmentation.elements:
        return hints
    index_of = segmentation.index_of
    for element in _MARKED(segmentation.elements[0]):
        index = index_of.get(element)
        if index is not None:
            hints[index] = _hint_of(
                element.tag, element.get("class"), element.get("id"), element.get("role")
            )
    return hints


def score(
    segmentation: Segmentation,
    teasers: tuple[TeaserGroup, ...],
    weights: Weights,
    scale: float = 1.0,
) -> Scores:
    """Value every block and sum the values up the tree."""
    hints = _hints(segmentation)
    raw = {block: block_value(block, weights, scale) for block in segmentation.blocks}
    prose = _prose_mass(segmentation, raw)
    furniture = furniture_hints(segmentation, hints, prose, weights)
    teasers = _plausible_teasers(segmentation, teasers, prose, weights)
    counted = [
        h if h is None or h.kind == "article" else f for h, f in zip(hints, furniture, strict=True)
    ]
    region = _regions(segmentation, counted)
    in_teaser = frozenset(block for group in teasers for block in group.blocks)
    value: dict[Block, float] = {}
    total = [0.0] * len(segmentation.elements)  # container value: positives minus some negatives
    negative_weight = weights.negative_weight
    for block in segmentation.blocks:
        if block in in_teaser or region[block.node] is not None:
            worth = weights.boilerplate_factor * block.chars - weights.block_cost
        else:
            worth = raw[block]
        value[block] = worth
        total[block.node] = worth if worth > 0 else negative_weight * worth
    parent = segmentation.parent
    for index in range(len(total) - 1, 0, -1):
        total[parent[index]] += total[index]
    return Scores(value, hints, furniture, region, total, teasers, in_teaser, weights, scale)


def _plausible_teasers(
    segmentation: Segmentation,
    teasers: tuple[TeaserGroup, ...],
    prose: list[float],
    weights: Weights,
) -> tuple[TeaserGroup, ...]:
    """Teaser groups minus those that hold most of the page's prose under no teaser heading:
    paragraphs with an image and a link each can look like cards, but they are the article.
    """
    limit = weights.teaser_max_prose_share * (prose[0] if prose else 0.0)
    return tuple(
        group
        for group in teasers
        if "heading" in group.evidence
        or sum(prose[segmentation.index_of[member]] for member in group.members) <= limit
    )
