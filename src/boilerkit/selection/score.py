"""Score stage: what each block is worth, and which region of the page holds the article.

Three signals, each recorded as a ``Reason`` so ``explain`` can show it:

* **hints** — what the markup says an element is: tags (``nav``, ``article``), ARIA roles
  and class/id words ("sidebar", "entry-content"), read in ``hints``. A hint covers the
  element's subtree.
* **block value** — prose is worth its length plus a bonus per sentence; link text counts
  against it; every block pays a fixed cost, so runs of short items sum below zero.
  Blocks under a boilerplate hint, or in a teaser block, are worth minus their length.
* **container value** — the sum of the block values below an element. The article is
  the element with the highest sum (a maximum-subtree search): wide enough to take every
  paragraph, split sections included, narrow enough to leave the negative furniture out.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from ..weights import SERVER_ERROR, Weights
from .hints import Hint, element_hints
from .page_table import summed_up
from .segment import Block, Segmentation
from .teasers import TeaserGroup


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule's effect on a block: its name, score delta and a short detail."""

    rule: str
    delta: float
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Scores:
    """Block values with their reasons, the hint covering each element, container sums."""

    value: list[float]
    """Each block's value, by block index."""
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
        penalty = boilerplate_value(block, self.weights)
        if block in self.in_teaser:
            return (Reason("teaser", penalty, "item of a teaser block"),)
        hint = self.region[block.node]
        if hint is not None:
            return (Reason(hint.kind, penalty, hint.detail),)
        return block_reasons(block, self.weights, self.scale)


_FORM = "tag=form"


def furniture_hints(
    segmentation: Segmentation, hints: list[Hint | None], prose: list[float], weights: Weights
) -> list[Hint | None]:
    """Each element's own furniture/comment hint, minus those on misnamed wrappers.

    ``prose`` is the summed positive block value below each element. A furniture wrapper
    is misnamed (``class="has-sidebar"`` around everything) when most of its prose sits in
    an element that says "article", or when it holds nearly all the prose of the page; a
    ``form`` holding prose is a shop's product form. A dialog's name (cookie consent) is
    waived only by the page share. A weak article word on a ``p`` ("message-text") styles
    one paragraph and vouches for no wrapper: a consent overlay's notice is such a ``p``.
    Comment hints are waived only on a page with no article beside them (less than
    ``comments_only_max_prose`` of prose outside the sections): a forum that calls its
    posts comments. Elsewhere a comment section may well outweigh its article.
    """
    end = segmentation.end
    hinted = list(itertools.compress(range(len(hints)), hints))  # hints are sparse
    tags = segmentation.tags
    articles = [
        i
        for i in hinted
        if (h := hints[i]) is not None and h.kind == "article" and not (h.weak and tags[i] == "p")
    ]
    strong = [i for i in articles if (h := hints[i]) is not None and not h.weak]
    page = prose[0] if prose else 0.0
    small = weights.furniture_weak_page_share * page
    result: list[Hint | None] = [None] * len(hints)
    for index in hinted:
        hint = hints[index]
        if hint is None or hint.kind == "article":
            continue
        if hint.kind == "boilerplate":
            if prose[index] > weights.furniture_page_share * page:
                continue
            if hint.detail == _FORM and _holds_paragraphs(segmentation, index, weights):
                continue  # a product form around the description
            if hint.firm:  # a dialog's "main-content" is the dialog's
                result[index] = hint
                continue
            vouching = strong if prose[index] < small else articles
            first = bisect.bisect_left(vouching, index)
            if first == len(vouching) or vouching[first] >= end[index]:
                result[index] = hint  # no article name inside: nothing vouches
                continue
            after = map(vouching.__getitem__, range(first, len(vouching)))  # no copy
            inside = itertools.takewhile(end[index].__gt__, after)
            article_mass = max((prose[i] for i in inside), default=0.0)
            if article_mass > weights.furniture_max_share * prose[index]:
                continue
        result[index] = hint
    if _comments_only(segmentation, result, prose, weights, articles):
        result = [None if h is not None and h.kind == "comments" else h for h in result]
    return result


def _holds_paragraphs(segmentation: Segmentation, index: int, weights: Weights) -> bool:
    """Whether element ``index`` holds ``form_paragraphs`` prose paragraphs."""
    blocks, stop = segmentation.blocks, segmentation.end[index]
    first = bisect.bisect_left(blocks, index, key=lambda block: block.node)
    found, shortest = 0, weights.form_paragraph_min_chars
    for block in itertools.islice(blocks, first, None):
        if block.node >= stop:
            return False
        if block.sentences and block.chars >= shortest:
            found += 1
            if found >= weights.form_paragraphs:
                return True
    return False


def _comments_only(
    segmentation: Segmentation,
    hints: list[Hint | None],
    prose: list[float],
    weights: Weights,
    articles: list[int],
) -> bool:
    """Whether the page's prose is all in its comment sections (the outermost ones).

    Not when an element that says "article" holds prose apart from them: however short
    (a brief of twenty words under thirty comments), that is the article, and the comments
    are its readers'.
    """
    end = segmentation.end
    inside, covered = 0.0, 0
    sections: list[int] = []
    for index in itertools.compress(range(len(hints)), hints):
        hint = hints[index]
        if hint is not None and hint.kind == "comments" and index >= covered:
            inside += prose[index]
            covered = end[index]
            sections.append(index)
    outside = (prose[0] if prose else 0.0) - inside
    if not (inside > outside and outside < weights.comments_only_max_prose):
        return False
    return not any(
        prose[article] > 0
        and not any(article <= s < end[article] or s <= article < end[s] for s in sections)
        for article in articles
    )


def _prose_mass(segmentation: Segmentation, raw: list[float]) -> list[float]:
    """Summed positive block value below each element, hints aside."""
    mass = [0.0] * len(segmentation.elements)
    for block, value in zip(segmentation.blocks, raw, strict=True):
        if value > 0:
            mass[block.node] = value
    parent = segmentation.parent
    summed_up(mass, parent)
    return mass


def _regions(
    segmentation: Segmentation, hints: list[Hint | None], furniture: list[Hint | None]
) -> list[Hint | None]:
    """The outermost furniture/comment hint covering each element.

    A ``header`` or ``footer`` inside an article frames the article itself (headline,
    byline) and is not page furniture. Hints are sparse, so this visits hinted elements
    only and fills each region's index range at once.
    """
    end = segmentation.end
    region: list[Hint | None] = [None] * len(hints)
    articles: list[int] = []  # ends of the open article-hinted elements
    covered = 0  # end of the last region
    for index in itertools.compress(range(len(hints)), hints):  # the hinted elements
        hint = hints[index]
        if hint is None:
            continue
        while articles and articles[-1] <= index:
            articles.pop()
        if hint.kind == "article":
            articles.append(end[index])
            continue
        hint = furniture[index]
        if hint is None or index < covered:
            continue
        if articles and hint.detail in ("tag=header", "tag=footer"):
            continue
        covered = end[index]
        region[index:covered] = [hint] * (covered - index)
    return region


def is_server_error(text: str) -> bool:
    """Whether PHP error messages make up most of a block's text."""
    if " on line " not in text:  # the cheap test first: nearly every block stops here
        return False
    return 2 * sum(len(m.group()) for m in SERVER_ERROR.finditer(text)) > len(text)


def block_value(block: Block, weights: Weights, scale: float) -> float:
    """A block's worth as prose (``block_reasons`` itemises it)."""
    if is_server_error(block.text):
        return -float(block.chars)
    return (
        block.chars
        - (1 + weights.link_penalty * scale) * block.link_chars
        - weights.block_cost * scale
        + weights.sentence_bonus * min(block.sentences, weights.sentence_bonus_cap)
    )


def block_values(blocks: tuple[Block, ...], weights: Weights, scale: float) -> list[float]:
    """``block_value`` of every block, with the weights' terms read once for the page
    (the same arithmetic, term by term, so the same floats)."""
    link_factor = 1 + weights.link_penalty * scale
    cost = weights.block_cost * scale
    bonus, cap = weights.sentence_bonus, weights.sentence_bonus_cap
    return [
        -float(block.chars)
        if " on line " in block.text and is_server_error(block.text)
        else block.chars - link_factor * block.link_chars - cost + bonus * min(block.sentences, cap)
        for block in blocks
    ]


def boilerplate_value(block: Block, weights: Weights) -> float:
    """A block's worth inside furniture or a teaser block, whatever its prose: its chars
    count against it (``boilerplate_factor``) and it pays the block cost, unscaled."""
    return weights.boilerplate_factor * block.chars - weights.block_cost


def block_reasons(block: Block, weights: Weights, scale: float) -> tuple[Reason, ...]:
    """The terms of ``block_value``, for the explain view."""
    if is_server_error(block.text):
        return (Reason("server_error", -float(block.chars), "PHP error messages"),)
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


PROFILE_BOX = Hint("boilerplate", "profile box")
"""The hint of a forum poster's box, found by structure (``threads.find_thread``)."""


def score(
    segmentation: Segmentation,
    teasers: tuple[TeaserGroup, ...],
    weights: Weights,
    scale: float = 1.0,
    profile_boxes: tuple[int, ...] = (),
) -> Scores:
    """Value every block and sum the values up the tree.

    ``profile_boxes`` are elements known to be forum posters' boxes: furniture whatever
    their markup says.
    """
    hints = element_hints(segmentation, weights)
    for box in profile_boxes:
        hints[box] = PROFILE_BOX
    blocks = segmentation.blocks
    raw = block_values(blocks, weights, scale)
    prose = _prose_mass(segmentation, raw)
    furniture = furniture_hints(segmentation, hints, prose, weights)
    teasers = _plausible_teasers(segmentation, teasers, prose, weights)
    region = _regions(segmentation, hints, furniture)
    in_teaser = frozenset(block for group in teasers for block in group.blocks)
    value = list(raw)
    total = [0.0] * len(segmentation.elements)  # container value: positives minus some negatives
    negative_weight = weights.negative_weight
    factor, cost = weights.boilerplate_factor, weights.block_cost  # boilerplate_value's
    for block in blocks:
        node = block.node
        if region[node] is not None or block in in_teaser:
            worth = factor * block.chars - cost
            value[block.index] = worth
        else:
            worth = value[block.index]
        total[node] = worth if worth > 0 else negative_weight * worth
    parent = segmentation.parent
    summed_up(total, parent)
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
