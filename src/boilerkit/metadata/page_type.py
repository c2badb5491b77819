"""Page type: ``article``, ``listing`` (home/section/search pages) or ``other``.

Votes from the markup (OpenGraph/JSON-LD types, a date, an author, the URL's shape) and,
once the content is selected, from the text length and the number of teaser links. The
confidence is the winner's share of all votes.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

LISTING_TYPES = frozenset(
    {"collectionpage", "itemlist", "searchresultspage", "website", "blog", "newsmediaorganization"}
)


@dataclass(frozen=True, slots=True)
class PageTypeWeights:
    """Votes per signal. Override with ``dataclasses.replace``."""

    structured_article: float = 3.0
    """og:type ``article`` or a JSON-LD article type: the publisher says so."""
    structured_listing: float = 2.0
    """JSON-LD ``CollectionPage``/``ItemList``/... and no article type."""
    dated: float = 1.0
    """A publication date: articles have one, listings rarely do."""
    authored: float = 1.0
    """A named author."""
    root_url: float = 2.0
    """The URL path is empty or one short segment ("/", "/news/"): a home or section page."""
    long_text_chars: int = 1500
    long_text: float = 2.0
    """Selected text at least ``long_text_chars`` long: something to read."""
    short_text_chars: int = 300
    short_text: float = 1.5
    """Selected text under ``short_text_chars``: a listing, or neither (other)."""
    teaser_link: float = 0.3
    teaser_cap: float = 3.0
    """Per teaser link found, up to the cap: link grids are what listings are made of."""
    min_votes: float = 2.0
    """Below this many votes for the leader, the page is ``other``."""


WEIGHTS = PageTypeWeights()


def markup_votes(
    structured: str | None,
    has_date: bool,
    has_author: bool,
    url: str | None,
    weights: PageTypeWeights = WEIGHTS,
) -> tuple[float, float]:
    """``(article, listing)`` votes from what the markup says."""
    article = listing = 0.0
    if structured == "article":
        article += weights.structured_article
    elif structured == "listing":
        listing += weights.structured_listing
    article += weights.dated * has_date + weights.authored * has_author
    if url:
        segments = [s for s in urlsplit(url).path.split("/") if s]
        if not segments or (
            len(segments) == 1
            and len(segments[0]) <= 20
            and "." not in segments[0]
            and "-" not in segments[0]
        ):
            listing += weights.root_url
    return article, listing


def decide(
    article: float,
    listing: float,
    text_chars: int | None,
    teaser_links: int,
    weights: PageTypeWeights = WEIGHTS,
) -> tuple[str, float]:
    """The page type and its confidence (0..1) from the votes and the content."""
    other = 0.0
    if text_chars is not None:
        if text_chars >= weights.long_text_chars:
            article += weights.long_text
        elif text_chars < weights.short_text_chars:
            listing += weights.short_text
            other += weights.short_text
    listing += min(weights.teaser_cap, weights.teaser_link * teaser_links)
    best = max(article, listing)
    if best < weights.min_votes:
        other += weights.min_votes
    total = article + listing + other
    if total <= 0:
        return "other", 0.0
    if other >= best:
        return "other", round(other / total, 2)
    kind = "article" if article >= listing else "listing"
    return kind, round(best / total, 2)
