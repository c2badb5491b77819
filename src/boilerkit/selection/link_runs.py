"""Archive lists that are not built of items: runs of headline links in one element.

``teasers`` finds lists whose items are sibling elements of one shape. Many archive pages
set their posts' titles as bare links in one block instead: separated by ``<br>``, one
link per ``<p>`` (paragraphs are never teaser items), or in table rows beside a date. Such
an element is a run of headline links when it is nearly all link text, holds at least
``headline_list_min_items`` links long enough to be headlines (most of its links), all to
other pages of the page's own site. The innermost such element is the run; it becomes a
teaser group with the evidence of an archive list (``HEADLINE_LIST``), so the same rules
hold: beside an article's prose it counts for nothing, in furniture it is no listing.

Runs are looked for only where the selection kept less than ``min_article_chars``: a data
page's table of linked values (a drug's ingredients, a product's makers) looks the same,
and there the selection has found the page's content already.
"""

from __future__ import annotations

from ..page.parse import join_url
from ..weights import Weights
from .page_table import compiled
from .segment import Segmentation, text_of, weighted_length
from .shapes import same_site, title_line_before
from .teasers import (
    HEADLINE_LIST,
    TeaserGroup,
    TeaserItem,
    heading_before,
    without_lists_beside_prose,
)


def with_link_runs(
    groups: tuple[TeaserGroup, ...],
    segmentation: Segmentation,
    weights: Weights,
    base_url: str | None,
) -> tuple[TeaserGroup, ...]:
    """``groups`` and the runs of headline links outside them, in document order."""
    taken = bytearray(len(segmentation.elements))
    for found in groups:
        start = segmentation.index_of[found.container]
        taken[start : segmentation.end[start]] = b"\x01" * (segmentation.end[start] - start)
    runs: list[TeaserGroup] = []
    starts = (compiled("run_elements") or run_elements)(
        segmentation.tags,
        segmentation.links,
        segmentation.link_chars,
        segmentation.chars,
        weights.headline_list_min_items,
        weights.link_run_min_share,
    )
    covered = 0  # runs do not nest: the innermost wins (see run_elements)
    for position, index in enumerate(starts):
        if index < covered or taken[index]:
            continue
        following = starts[position + 1] if position + 1 < len(starts) else len(taken)
        inner = following if following < segmentation.end[index] else index  # the first inside
        group = _group(inner, segmentation, weights, base_url)
        if group is not None:
            runs.append(group)
            covered = segmentation.end[index]
    if not runs:
        return groups
    kept = without_lists_beside_prose([*groups, *runs], segmentation, weights)
    return tuple(sorted(kept, key=lambda group: segmentation.index_of[group.container]))


def run_elements(
    tags: list[str],
    links: list[int],
    link_chars: list[int],
    chars: list[int],
    min_links: float,
    min_share: float,
) -> list[int]:
    """The elements that may be runs, in document order: the cheap test, many links
    (``min_links``) and nearly all the element's text (``min_share``), read off the table
    alone. Compiled as ``_teasers.run_elements``."""
    return [
        index
        for index, tag in enumerate(tags)
        if links[index] >= min_links
        and link_chars[index] >= min_share * chars[index] > 0
        and tag not in ("html", "body", "a")
    ]


def _group(
    index: int, segmentation: Segmentation, weights: Weights, base_url: str | None
) -> TeaserGroup | None:
    """The run of element ``index`` as a teaser group, if its links are headlines of the
    site's own pages."""
    element = segmentation.elements[index]
    anchors = list(element.iter("a"))
    headlines = [
        (" ".join(text_of(a).split()), a.get("href") or "")
        for a in anchors
        if weighted_length(" ".join(text_of(a).split())) >= weights.teaser_headline_min_chars
    ]
    if (
        len(headlines) < weights.headline_list_min_items
        or len(headlines) < weights.teaser_item_share * len(anchors)
        or not same_site(headlines, base_url)
        or len({href for _, href in headlines}) < weights.teaser_distinct_url_share * len(headlines)
    ):
        return None
    heading = heading_before(element, weights, segmentation)
    if heading is None:
        heading = title_line_before(element, weights)
    block_at, end = segmentation.block_at, segmentation.end
    blocks = {block_at[node] for node in range(index, end[index]) if node in block_at}
    if heading is not None and heading.getparent() is not element:
        start = segmentation.index_of.get(heading)
        if start is not None:
            blocks |= {block_at[node] for node in range(start, end[start]) if node in block_at}
    items = tuple(TeaserItem(title, join_url(base_url, href) or href) for title, href in headlines)
    section = " ".join(text_of(heading).split()) if heading is not None else ""
    return TeaserGroup(
        element, (element,), heading, section, items, frozenset(blocks), HEADLINE_LIST
    )
