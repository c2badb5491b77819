"""Comment sections: the prose of the page's comments, for ``include_comments``."""

from __future__ import annotations

from lxml import html as lxml_html

from ..weights import (
    BOILERPLATE_LINE,
    CALL_TO_ACTION,
    DATE_LINE,
    QUOTE_HEADER,
    QUOTE_HEADER_MAX_CHARS,
    Weights,
)
from .content import build_content, prune_empty
from .score import Scores
from .segment import Block, Segmentation


def comment_sections(
    segmentation: Segmentation, scores: Scores, weights: Weights
) -> lxml_html.HtmlElement | None:
    """The page's comment sections as one tree: their prose, without names, dates, "Reply".

    A comment section is an outermost element whose class/id says "comments". Inside it,
    furniture hints (``comment-meta``, ``comment-author``), link-dense blocks, headings and
    stock lines are left out.
    """
    sections: list[int] = []
    index = 0
    while index < len(segmentation.elements):
        hint = scores.furniture[index]  # the comment hints that count (see furniture_hints)
        if hint is not None and hint.kind == "comments":
            sections.append(index)
            index = segmentation.end[index]
        else:
            index += 1
    if not sections:
        return None
    kept: set[int] = set()
    for section in sections:
        for node in range(section, segmentation.end[section]):
            block = segmentation.block_at.get(node)
            if block is not None and _comment_text(block, section, segmentation, scores, weights):
                kept.add(node)
    if not kept:
        return None
    combined = lxml_html.Element("section", {"class": "comments"})
    for section in sections:
        combined.append(build_content(section, segmentation, kept))
    prune_empty(combined)
    return combined if len(combined) else None


def _comment_text(
    block: Block, section: int, segmentation: Segmentation, scores: Scores, weights: Weights
) -> bool:
    """Whether a block inside a comment section is comment prose.

    A comment opens with who wrote it and when, "Dave Says: June 3, 2014 at 9:40 am",
    the same line as a quote's attribution (``QUOTE_HEADER``): furniture, not prose. A
    short line without a sentence that asks the reader to act (``CALL_TO_ACTION``: "Log in
    or register to post comments") is the section's stock line, not a comment.
    """
    if block.is_heading or block.link_density > weights.max_link_density:
        return False
    if block.chars <= QUOTE_HEADER_MAX_CHARS and QUOTE_HEADER.match(block.text):
        return False
    if block.chars < weights.short_line_max_chars and (
        BOILERPLATE_LINE.match(block.text)
        or DATE_LINE.match(block.text)
        or (not block.sentences and CALL_TO_ACTION.search(block.text.lower()))
    ):
        return False
    node = block.node
    while node > section:
        hint = scores.hints[node]
        if hint is not None and hint.kind == "boilerplate":
            return False
        node = segmentation.parent[node]
    return True
