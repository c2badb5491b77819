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

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from ..page.tags import HEADING_TAGS
from ..weights import (
    BUILDER_WORDS,
    COMMENT_COMPOUND,
    COMMENT_FURNITURE,
    COMMENT_WORDS,
    DIALOG_WORDS,
    FORUM_FURNITURE,
    FRAMEWORK_WORDS,
    NEGATIVE_PATTERN,
    NEGATIVE_ROLES,
    NEGATIVE_TAGS,
    NEGATIVE_WORDS,
    POSITIVE_ROLES,
    POSITIVE_TAGS,
    POSITIVE_WORDS,
    SERVER_ERROR,
    STRONG_POSITIVE,
    WORD_SPLIT,
    Weights,
)
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
class Hint:
    """What an element's markup says about its subtree."""

    kind: str  # "boilerplate", "comments" or "article"
    detail: str  # e.g. "class=related", "tag=nav"
    weak: bool = False
    """An article hint from a common word ("content", "text") rather than a name for the
    article itself: it may pick a container, but does not vouch for a furniture box."""
    firm: bool = False
    """A furniture hint naming what the box is for (``DIALOG_WORDS``: cookie consent): no
    article name inside makes it a misnamed wrapper (a consent dialog has its own
    ``main-content``); only holding nearly all of the page's prose does."""


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


_HINT_TAGS = POSITIVE_TAGS | NEGATIVE_TAGS
_FRAGMENT = "class/id~"


def _furniture_fragment(hint: Hint) -> bool:
    """Whether a hint was read off a furniture fragment inside a compound class name
    (``NEGATIVE_PATTERN``), not a whole word: on a heading, such a fragment names how the
    heading is styled ("anchorWithStickyNavbar" offsets it below a sticky navbar)."""
    detail = hint.detail
    return detail.startswith(_FRAGMENT) and bool(
        NEGATIVE_PATTERN.fullmatch(detail[len(_FRAGMENT) :])
    )


_FORM = "tag=form"


@functools.lru_cache(maxsize=8192)
def _hint_of(tag: str, css_class: str | None, css_id: str | None, role: str | None) -> Hint | None:
    """The hint of a tag/class/id/role combination (pure, so memoized across pages)."""
    if tag in ("html", "body") or not isinstance(tag, str):
        return None
    if (css_class, css_id, role) == (None, None, None) and tag not in _HINT_TAGS:
        return None
    role = (role or "").strip().lower()
    comments, strong, negative, positive = _name_hints(f"{css_class or ''} {css_id or ''}")
    if comments:
        return comments
    if strong:
        return strong
    if tag in POSITIVE_TAGS or role in POSITIVE_ROLES:
        return Hint("article", f"tag={tag}" if tag in POSITIVE_TAGS else f"role={role}")
    if role in NEGATIVE_ROLES:
        return Hint("boilerplate", f"role={role}")
    if tag in NEGATIVE_TAGS:
        return Hint("boilerplate", f"tag={tag}")
    if negative is not None and tag in HEADING_TAGS and _furniture_fragment(negative):
        return positive  # "anchorWithStickyNavbar": a heading's style, not a box's purpose
    return negative or positive


_NameHints = tuple[Hint | None, Hint | None, Hint | None, Hint | None]


@functools.lru_cache(maxsize=8192)
def _name_hints(names: str) -> _NameHints:
    """What a class/id string says, by precedence: comments, strong article body,
    furniture, weak article words. Memoized apart from the tag: pages repeat their
    class names on many tags. A word set or pattern read here must feed
    ``page_table.HINT_WORDS`` too: values holding none of those are never asked."""
    text = names.lower()
    words = set(WORD_SPLIT.split(text)) if text.strip() else set()
    comment_words = words & COMMENT_WORDS or (
        {w for w in words if COMMENT_COMPOUND.match(w)} if "comment" in text else set()
    )
    if comment_words:
        furniture = COMMENT_FURNITURE.search(text)  # "comment-meta": not the comment's prose
        if furniture:
            return Hint("boilerplate", f"class/id~{furniture.group()}"), None, None, None
        comments = Hint("comments", f"class/id={'/'.join(sorted(comment_words))}")
        return comments, None, None, None
    strong = STRONG_POSITIVE.search(text)
    if strong:
        return None, Hint("article", f"class/id~{strong.group()}"), None, None
    negative: Hint | None = None
    builder = not words.isdisjoint(FRAMEWORK_WORDS)
    negatives = words & NEGATIVE_WORDS
    if builder:  # a page builder calls every box a widget: only the other words count
        negatives -= BUILDER_WORDS
    if negatives:
        detail = f"class/id={'/'.join(sorted(negatives))}"
        negative = Hint("boilerplate", detail, firm=bool(negatives & DIALOG_WORDS))
    elif not builder:
        fragment = NEGATIVE_PATTERN.search(text)
        if fragment:
            negative = Hint("boilerplate", f"class/id~{fragment.group()}")
    if negative is None:
        forum = FORUM_FURNITURE.search(text)
        if forum:
            negative = Hint("boilerplate", f"class/id~{forum.group()}")
    positives = words & POSITIVE_WORDS
    positive = (
        Hint("article", f"class/id={'/'.join(sorted(positives))}", weak=True) if positives else None
    )
    return None, None, negative, positive


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


def _hints(segmentation: Segmentation, weights: Weights) -> list[Hint | None]:
    """Each element's own hint, from its tag, class, id and role.

    Only the elements the page table lists as ``hinted`` (a role, a hint tag, or a class
    or id holding one of ``HINT_WORDS``) can have one; ``_hint_of`` is memoized, so each
    distinct combination is matched once per process.
    """
    table = segmentation.table
    tags, classes, ids, roles = table.tags, table.classes, table.ids, table.roles
    hints: list[Hint | None] = [None] * len(tags)
    for index in table.hinted:
        hint = _hint_of(tags[index], classes[index], ids[index], roles[index])
        if hint is None:
            continue
        css_id = ids[index]
        if (
            hint.kind != "article"
            and css_id
            and _slug_id(index, css_id, segmentation, weights.slug_id_min_words)
        ):
            hint = _hint_of(tags[index], classes[index], None, roles[index])
        hints[index] = hint
    return hints


_SLUG_WORDS = re.compile(r"[^\W_]+")


def _names_its_heading(index: int, css_id: str, segmentation: Segmentation, min_words: int) -> bool:
    """Whether an id is its section's heading made a slug: documentation tools and CMSs
    name sections after their headings ("sharing-with-a-single-developer", "related-work"),
    and a heading is no furniture hint. The heading is one of element ``index``'s first two
    children, read off the table."""
    tags, end = segmentation.tags, segmentation.end
    first = index + 1
    children = (first, end[first]) if first < end[index] else ()
    heading = next((c for c in children if c < end[index] and tags[c] in HEADING_TAGS), None)
    if heading is None:
        return False
    words = _SLUG_WORDS.findall(segmentation.table.text(heading).lower())
    return len(words) >= min_words and _SLUG_WORDS.findall(css_id.lower()) == words


def _slug_id(index: int, css_id: str, segmentation: Segmentation, min_words: int) -> bool:
    """Whether the id of element ``index`` is made from the text it names
    (``_names_its_heading``, ``_anchors_its_text``), not chosen for the box."""
    if segmentation.tags[index] in HEADING_TAGS and _anchors_its_text(index, css_id, segmentation):
        return True
    return _names_its_heading(index, css_id, segmentation, min_words)


def _anchors_its_text(heading: int, css_id: str, segmentation: Segmentation) -> bool:
    """Whether a heading's id is an anchor made of a prefix and the heading's own first
    words (``nav_nur_die_folie__1`` on "Nur die Folie bleibt zurück"): the prefix names
    the table of contents that links there, not the heading. Without a prefix, "share-this"
    over "Share this" is a chosen name and keeps its hint. The heading's words are read
    off the table (``PageTable.text``)."""
    ids = [word for word in _SLUG_WORDS.findall(css_id.lower()) if not word.isdigit()]
    words = _SLUG_WORDS.findall(segmentation.table.text(heading).lower())
    if len(words) < 2 or words[0] not in ids[1:]:
        return False
    run = ids[ids.index(words[0], 1) :]
    return len(run) >= 2 and run == words[: len(run)]


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
    hints = _hints(segmentation, weights)
    for box in profile_boxes:
        hints[box] = PROFILE_BOX
    blocks = segmentation.blocks
    raw = [block_value(block, weights, scale) for block in blocks]
    prose = _prose_mass(segmentation, raw)
    furniture = furniture_hints(segmentation, hints, prose, weights)
    teasers = _plausible_teasers(segmentation, teasers, prose, weights)
    region = _regions(segmentation, hints, furniture)
    in_teaser = frozenset(block for group in teasers for block in group.blocks)
    value = list(raw)
    total = [0.0] * len(segmentation.elements)  # container value: positives minus some negatives
    negative_weight = weights.negative_weight
    for block in blocks:
        if block in in_teaser or region[block.node] is not None:
            worth = boilerplate_value(block, weights)
            value[block.index] = worth
        else:
            worth = value[block.index]
        total[block.node] = worth if worth > 0 else negative_weight * worth
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
