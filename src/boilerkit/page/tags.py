"""The tag vocabulary every stage reads the cleaned tree with: which tags start a block of
their own and which are headings. One set of each, so the paragraph pass, the segmenter,
the selection rules and the renderers agree on what a block and a heading are."""

from __future__ import annotations

BLOCK_TAGS = frozenset(
    """
    address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main
    menu nav ol p pre section summary table tbody td tfoot th thead tr ul
    """.split()
)
"""Tags that start a block of their own."""

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
"""Heading tags; ``h1`` ranks highest."""


def heading_rank(tag: str) -> int:
    """A heading tag's rank (1 for ``h1`` ... 6 for ``h6``), 0 for any other tag."""
    return int(tag[1]) if tag in HEADING_TAGS else 0
