"""Page type: ``article``, ``listing`` (home/section/search pages) or ``other``.

Votes from the markup (OpenGraph/JSON-LD types, a date, an author, the URL's shape) and,
once the content is selected, from the text length and the number of teaser links. The
confidence is the winner's share of all votes.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..weights import PageTypeWeights

LISTING_TYPES = frozenset(
    {"collectionpage", "itemlist", "searchresultspage", "website", "blog", "newsmediaorganization"}
)


WEIGHTS = PageTypeWeights()
"""The default votes; the pipeline passes ``Options.weights.page_type``."""


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
            and len(segments[0]) <= weights.root_segment_max_chars
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
    listing_verdict: bool = False,
) -> tuple[str, float]:
    """The page type and its confidence (0..1) from the votes and the content
    (``listing_verdict``: the selection found a listing)."""
    other = 0.0
    listing += weights.listing_verdict * listing_verdict
    if text_chars is not None:
        if text_chars >= weights.long_text_chars:
            article += weights.long_text
        elif text_chars >= weights.short_text_chars:
            article += weights.medium_text
        else:
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
