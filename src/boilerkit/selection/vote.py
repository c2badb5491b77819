"""A second scorer: paragraphs vote for their ancestors (the idea of Readability, 2009).

Our container choice (``choose``) sums block values over subtrees. It can stop short: on a
portal page the strongest subtree may hold the date line and four short paragraphs while
the table and the rest of the article sit in sibling blocks, each too weak alone to join.
Ancestor voting sees those pages differently: every paragraph of some length votes for
its parent (full weight), its grandparent (half) and three more ancestors (a third of a
vote per level), weighted by its length and commas; an element's own name adds or takes
(``article`` vs furniture hints), link text takes its share. The best-voted element's
siblings join it when they score close to it, or when they are prose themselves.

The vote is a *candidate*: ``prefer_vote`` in ``choose`` takes it only where it holds our
container and adds prose to it (see its rule there). The blocks inside are judged as ever.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..page.tags import HEADING_TAGS
from ..weights import SENTENCE_END, Weights
from .score import Scores
from .segment import Segmentation

_TAG_PRIOR = {"div": 5.0, "pre": 3.0, "td": 3.0, "blockquote": 3.0, "article": 5.0}
_TAG_PRIOR.update(dict.fromkeys(("address", "ol", "ul", "dl", "dd", "dt", "li", "form"), -3.0))
_TAG_PRIOR.update(dict.fromkeys((*HEADING_TAGS, "th"), -5.0))
"""Readability's prior per tag: containers of text up, lists and headings down."""
_ANCESTORS = 5


@dataclass(frozen=True, slots=True)
class Vote:
    """The voted container: an element, or its parent with the siblings that joined."""

    container: int
    left_out: frozenset[int]
    """Children of ``container`` that did not join (empty when ``container`` is the
    best-voted element itself)."""
    score: float


def vote(segmentation: Segmentation, scores: Scores, weights: Weights) -> Vote | None:
    """The best-voted container of the page, or ``None`` when no paragraph votes."""
    votes: dict[int, float] = {}
    parent, tags = segmentation.parent, segmentation.tags
    for block in segmentation.blocks:
        if block.chars < weights.vote_min_chars or block in scores.in_teaser:
            continue
        if scores.region[block.node] is not None or tags[block.node] in HEADING_TAGS:
            continue
        value = 1 + block.text.count(",") + block.text.count("،") + min(block.chars / 100, 3)
        node = parent[block.node]
        for level in range(_ANCESTORS):
            if node <= 0:
                break
            share = 1.0 if level == 0 else 0.5 if level == 1 else 1 / (level * 3)
            votes[node] = votes.get(node, 0.0) + value * share
            node = parent[node]
    if not votes:
        return None
    final = {node: _final(node, got, segmentation, scores, weights) for node, got in votes.items()}
    best = max(final, key=final.__getitem__)
    return _with_siblings(best, final, segmentation, weights)


def _final(
    node: int, votes: float, segmentation: Segmentation, scores: Scores, weights: Weights
) -> float:
    """An element's score: its prior and votes, less its share of link text."""
    prior = _TAG_PRIOR.get(segmentation.tags[node], 0.0)
    hint = scores.hints[node]
    if hint is not None:
        prior += weights.vote_class_weight if hint.kind == "article" else -weights.vote_class_weight
    chars = segmentation.chars[node]
    density = segmentation.link_chars[node] / chars if chars else 0.0
    return (prior + votes) * (1 - density)


def _with_siblings(
    best: int, final: dict[int, float], segmentation: Segmentation, weights: Weights
) -> Vote:
    """``best`` with the siblings that score close to it or are prose themselves."""
    top = final[best]
    parent = segmentation.parent[best]
    if parent <= 0:
        return Vote(best, frozenset(), top)
    threshold = max(weights.vote_sibling_min, weights.vote_sibling_share * top)
    siblings = segmentation.children(parent)
    joined = {best}
    for sibling in siblings:
        if sibling != best and (
            final.get(sibling, 0.0) >= threshold or _is_prose(sibling, segmentation, weights)
        ):
            joined.add(sibling)
    if len(joined) == 1:
        return Vote(best, frozenset(), top)
    return Vote(parent, frozenset(siblings) - joined, top)


def _is_prose(index: int, segmentation: Segmentation, weights: Weights) -> bool:
    """A paragraph beside the best element that joins on its own: long with few links,
    or short, linkless and ending a sentence."""
    block = segmentation.block_at.get(index)
    if block is None or block.tag != "p":
        return False
    if block.chars > weights.vote_prose_chars:
        return block.link_density < weights.sibling_max_link_density
    return not block.link_chars and bool(SENTENCE_END.search(block.text))


def _inside(index: int, container: int, left_out: frozenset[int], seg: Segmentation) -> bool:
    return container <= index < seg.end[container] and not any(
        child <= index < seg.end[child] for child in left_out
    )


def _prose(container: int, left_out: frozenset[int], seg: Segmentation, scores: Scores) -> float:
    """The positive value of the blocks in a region, teasers and furniture aside."""
    return sum(
        max(0.0, scores.value[block.index])
        for block in seg.blocks
        if block not in scores.in_teaser
        and scores.region[block.node] is None
        and _inside(block.node, container, left_out, seg)
    )


def prefer_vote(
    container: int,
    left_out: frozenset[int],
    voted: Vote | None,
    segmentation: Segmentation,
    scores: Scores,
    weights: Weights,
) -> tuple[int, frozenset[int], str] | None:
    """The voted region instead of ours, with a note, when it is ours and more.

    The rule: the voted region holds our container, and the prose it adds (the positive
    value of the blocks outside ours, teasers and furniture aside) is at least
    ``vote_gain_share`` of what ours holds. A region that holds less than ours, or only
    ours with furniture around it, leaves ours as it is.
    """
    if voted is None or (voted.container, voted.left_out) == (container, left_out):
        return None
    if not _inside(container, voted.container, voted.left_out, segmentation):
        return None
    ours = _prose(container, left_out, segmentation, scores)
    theirs = _prose(voted.container, voted.left_out, segmentation, scores)
    if theirs - ours < weights.vote_gain_share * ours:
        return None
    note = f"ancestor vote widened the container: prose {ours:.0f} -> {theirs:.0f}"
    return voted.container, voted.left_out, note
