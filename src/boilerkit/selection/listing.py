"""The listing verdict: a page whose main column lists other pages has no article.

A listing needs positive evidence: teaser blocks (story cards, an archive's run of
headline links; see ``teasers``) holding more text than what is left for an article.
The absence of a long article is not enough. A post stays an article however many
teasers and menus surround it: a page that names its author or date with two prose
paragraphs of its own is a short post, not a listing (short news briefs among many
teasers came back empty before this rule).

``related_links`` gives the teaser items as ``RelatedLink``s, each linked page once.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..document import RelatedLink
from ..weights import Weights
from .segment import Block
from .teasers import TeaserGroup


def is_listing(
    kept: list[Block], teasers: tuple[TeaserGroup, ...], weights: Weights, signed: bool
) -> bool:
    """Whether the page is a listing: little kept text beside much more teaser text, and
    the kept text no signed post (``signed``: the page names an author or a date)."""
    kept_chars = sum(block.chars for block in kept)
    teaser_chars = sum(block.chars for group in teasers for block in group.blocks)
    few = kept_chars < weights.min_article_chars and teaser_chars > kept_chars
    short = (
        kept_chars < weights.listing_max_chars
        and teaser_chars > weights.listing_teaser_ratio * kept_chars
    )
    return (few or short) and not (signed and _prose_paragraphs(kept, weights) >= 2)


def _prose_paragraphs(blocks: list[Block], weights: Weights) -> int:
    return sum(
        1
        for block in blocks
        if block.sentences
        and block.chars >= weights.post_paragraph_min_chars
        and not block.link_chars
    )


def related_links(teasers: tuple[TeaserGroup, ...]) -> tuple[RelatedLink, ...]:
    """The teaser items as related links, each linked page once, where it first appears
    (home pages repeat their top stories)."""
    return _unique(
        RelatedLink(item.title, item.url, group.section, item.blurb)
        for group in teasers
        for item in group.items
    )


def _unique(links: Iterable[RelatedLink]) -> tuple[RelatedLink, ...]:
    seen: set[str] = set()
    unique: list[RelatedLink] = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            unique.append(link)
    return tuple(unique)
