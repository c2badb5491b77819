"""Trim stage: the passes over the verdicts that read the article's shape.

After every block has its own verdict (``select._Judge``), these look at the kept blocks
in order: headings whose section was dropped, the page's own table of contents, the short
lines after the last paragraph (share prompts, credits) and above the headline (kickers,
"Last updated" lines), and the closing boxes that speak to the reader. Each records its
reason in ``drops``, so ``explain`` shows it like any other verdict.
"""

from __future__ import annotations

import bisect
import itertools
import re

from lxml import html as lxml_html

from ..page.tags import BLOCK_TAGS, HEADING_TAGS, heading_rank
from ..weights import (
    CALL_TO_ACTION,
    DATE_LINE,
    ORDINAL_DAY,
    PUBLISHED_LINE,
    READER_ADDRESS,
    RIGHTS_LINE,
    SENTENCE_END,
    SIGN_OFF,
    TAG_HEADING,
    TEASER_HEADING,
    TOC_HEADING,
    Weights,
)
from .score import Reason
from .segment import Block, Segmentation, weighted_length

HEADLINE = Reason("headline", -1.0, "repeats the title")


def holds(block: Block, segmentation: Segmentation, tag: str) -> bool:
    """Whether a ``tag`` element stands in the block's own content, not in a nested block."""
    tags, end = segmentation.tags, segmentation.end
    index, stop = block.node + 1, end[block.node]
    while index < stop:
        if tags[index] == tag:
            return True
        index = end[index] if tags[index] in BLOCK_TAGS else index + 1
    return False


def drop_orphan_headings(
    segmentation: Segmentation, drops: list[Reason | None], weights: Weights
) -> None:
    """Drop the kept headings whose whole section was dropped ("Related", "Newsletter").

    A heading's section runs to the next heading of the same or a higher rank. When none
    of it is kept and some of it was dropped, the heading introduced furniture. Long
    "headings" are prose set in a heading tag (a lead) and stand on their own. A block
    with nested blocks has text on both sides of them, so its place in the section is
    unknown: a heading inside a kept one is left alone, and a dropped one is no evidence.
    One backward pass finds, for every position, the next kept text, the next dropped
    text and the next heading of each rank, so a page of many headings stays linear.
    """
    tags, blocks, end = segmentation.tags, segmentation.blocks, segmentation.end
    longest, count = weights.orphan_heading_max_chars, len(blocks)
    ranks = [heading_rank(tags[block.node]) for block in blocks]
    if not any(ranks):
        return
    inside = _inside_kept_blocks(segmentation, drops, ranks)
    next_kept = next_dropped = count
    next_heading = [count] * 7  # by rank: the next heading of that rank or higher
    for i in range(count - 1, -1, -1):
        rank, block = ranks[i], blocks[i]
        if rank:
            section_end = next_heading[rank]
            if (
                drops[i] is None
                and block.chars <= longest
                and next_dropped < section_end <= next_kept
                and i not in inside
            ):
                drops[i] = Reason("orphan_heading", -1.0, "nothing of its section is kept")
            for higher in range(rank, 7):
                next_heading[higher] = i
            if drops[i] is None and block.chars > longest:
                next_kept = i  # prose set in a heading tag is text of the section above
        elif drops[i] is None:
            next_kept = i
        elif i + 1 == count or blocks[i + 1].node >= end[block.node]:
            next_dropped = i  # a dropped block without nested blocks


def drop_orphan_labels(
    segmentation: Segmentation, drops: list[Reason | None], weights: Weights
) -> None:
    """Drop a kept label ("Internet links:", a line ending in a colon) whose element holds
    nested blocks, all dropped: the title of a box of links set in a table cell or a
    ``div`` rather than a heading tag. A label leading into kept text stays."""
    blocks, end = segmentation.blocks, segmentation.end
    for i, block in enumerate(blocks):
        if (
            drops[i] is not None
            or block.chars > weights.orphan_heading_max_chars
            or not block.text.endswith(":")
        ):
            continue
        stop, inner = end[block.node], i + 1
        nested = False
        while inner < len(blocks) and blocks[inner].node < stop:
            if drops[inner] is None:
                break
            nested, inner = True, inner + 1
        else:
            if nested:
                drops[i] = Reason("orphan_label", -1.0, "a label over dropped blocks")


def drop_teaser_cards(
    segmentation: Segmentation, drops: list[Reason | None], weights: Weights
) -> None:
    """Drop the blurbs of the cards under a teaser heading ("You may also like"), however
    long: a block theme's query loop of other posts, each card a heading that is one link
    (the other post's title) and an excerpt that may be longer than the post's own
    paragraphs, too long for a teaser item.

    Below the heading's parent, after the heading, a kept block goes when the smallest
    element around it that holds a linked heading holds exactly one: a card. At least
    ``teaser_min_items`` such headings must stand there. Paragraphs of the article after a
    box of links are no card's: the element that holds them and a heading holds them all.
    """
    blocks, tags, parent, end = (
        segmentation.blocks,
        segmentation.tags,
        segmentation.parent,
        segmentation.end,
    )
    nodes: list[int] = []  # built on the first teaser heading: most pages have none
    linked: list[int] = []
    covered = 0  # the blocks up to here were judged with an outer box
    for i, block in enumerate(blocks):
        if (
            block.node < covered
            or not block.is_heading
            or block.chars >= weights.short_line_max_chars
            or not TEASER_HEADING.match(block.text)
        ):
            continue
        if not nodes:
            nodes = [b.node for b in blocks]
            linked = [
                b.node for b in blocks if b.is_heading and b.link_density > weights.max_link_density
            ]
        box = parent[block.node]
        stop = end[box] if box >= 0 else len(tags)
        inside = linked[bisect.bisect_left(linked, block.node) : bisect.bisect_left(linked, stop)]
        if len(inside) < weights.teaser_min_items:
            continue
        covered = stop
        for j in range(i + 1, bisect.bisect_left(nodes, stop)):
            if drops[j] is None and _card_of(blocks[j].node, inside, parent, end, box):
                drops[j] = Reason("teaser", -1.0, f"a card under {block.text!r}")


def _card_of(node: int, linked: list[int], parent: list[int], end: list[int], box: int) -> bool:
    """Whether the smallest element around ``node`` (below ``box``) that holds one of the
    ``linked`` headings holds exactly one."""
    while node > box:  # ``linked`` is in document order: count a subtree's by bisection
        inside = bisect.bisect_left(linked, end[node]) - bisect.bisect_left(linked, node)
        if inside:
            return inside == 1
        node = parent[node]
    return False


def drop_toc_headings(blocks: tuple[Block, ...], drops: list[Reason | None]) -> None:
    """Drop a kept "Contents" heading (``TOC_HEADING``) when what stands under it, up to
    the next heading of any rank, was dropped: the page's table of contents, whose links
    lead to the sections below. (The orphan rule misses it: its section, up to the next
    heading of its rank, holds the whole article.)"""
    for i, block in enumerate(blocks):
        if drops[i] is not None or not block.is_heading or not TOC_HEADING.match(block.text):
            continue
        under = itertools.takewhile(lambda j: not blocks[j].is_heading, range(i + 1, len(blocks)))
        verdicts = [drops[j] is None for j in under]
        if verdicts and not any(verdicts):
            drops[i] = Reason("toc_heading", -1.0, "table of contents")


def _inside_kept_blocks(
    segmentation: Segmentation, drops: list[Reason | None], ranks: list[int]
) -> set[int]:
    """The headings (by block position) that sit inside a kept block, whose own text may
    follow them: one forward pass with a stack of the open kept blocks' subtree ends."""
    blocks, end = segmentation.blocks, segmentation.end
    open_ends: list[int] = []
    inside: set[int] = set()
    for i, block in enumerate(blocks):
        node = block.node
        while open_ends and open_ends[-1] <= node:
            open_ends.pop()
        if ranks[i] and open_ends:
            inside.add(i)
        if drops[i] is None and end[node] > node + 1:
            open_ends.append(end[node])
    return inside


def trim_tail(
    segmentation: Segmentation,
    drops: list[Reason | None],
    weights: Weights,
    posts: range = range(0),
) -> None:
    """Drop the short kept blocks after the article's last paragraph (share prompts, credits).

    A short block set in several lines (a stanza, an address) counts as a paragraph here:
    furniture is one line, and the lines between two stanzas ("Repeat chorus") stay. A
    block nested in the last paragraph's element comes after it in block order but stands
    before the paragraph's own closing text (a quote opening a forum post), so it is not
    after the paragraph. The elements in ``posts`` are a forum thread's posts: a short
    reply after a long one is a post, not a tail. A heading right above a kept item with a
    sentence ("References") stays with it, and so does a line that leads into it ("The
    roads to be closed are:").
    """
    blocks, minimum = segmentation.blocks, weights.tail_min_chars
    last = next(
        (
            i
            for i in range(len(blocks) - 1, -1, -1)
            if drops[i] is None
            and (
                blocks[i].chars >= minimum
                or weighted_length(blocks[i].text) >= minimum
                or holds(blocks[i], segmentation, "br")
            )
        ),
        len(blocks),
    )
    inside = segmentation.end[blocks[last].node] if last < len(blocks) else 0
    followed = False  # walking back: whether the next block is a kept item or sentence
    for i in range(len(blocks) - 1, last, -1):  # (a heading over one, "References", stays)
        block, tag = blocks[i], blocks[i].tag
        if block.node < inside or block.node in posts:
            followed = drops[i] is None and (
                block.sentences > 0 or (tag in _TAIL_ITEMS and not block.link_chars)
            )
            continue
        heading_over_item = followed and tag in HEADING_TAGS and not TAG_HEADING.match(block.text)
        lead_in = followed and not block.link_chars and block.text.rstrip().endswith(":")
        signed = (  # the writer's sign-off: "x Franzi", "Liebe Grüße, Anna"
            not block.link_chars
            and block.chars <= weights.sign_off_max_chars
            and SIGN_OFF.match(block.text.strip()) is not None
        )
        if (
            drops[i] is None
            and tag not in _TAIL_ITEMS
            and not heading_over_item
            and not lead_in
            and not signed
            and not is_closing_sentence(blocks, drops, i)
        ):
            drops[i] = Reason("tail", -1.0, "short block after the last paragraph")
        followed = drops[i] is None and (
            block.sentences > 0 or (tag in _TAIL_ITEMS and not block.link_chars)
        )


_TAIL_ITEMS = frozenset({"li", "pre", "td", "th"})
"""Blocks the tail trim keeps: a list or table ends many articles ("Opening hours"). Its
heading stays with it when the items are plain text; over links ("External links",
"Keywords") it goes."""


def trim_head(
    segmentation: Segmentation, drops: list[Reason | None], weights: Weights, title: str
) -> None:
    """Drop the short lines above the article's headline: kickers, section labels, "Home >
    News" trails ("Verkehr in Bonn" over "Neue Radbrücke ..."). Only lines without a
    sentence end go; a standfirst above the headline stays. A page without an ``h1`` sets
    its headline in a ``<font>`` or ``<b>``: a line above the first paragraph that repeats
    the title is the headline then. Old pages' furniture lines above the article ("Last
    updated ...", visitor counters) go too (``_trim_head_furniture``)."""
    blocks, tags = segmentation.blocks, segmentation.tags
    headline = next(
        (
            i
            for i, block in enumerate(blocks)
            if tags[block.node] == "h1" and (drops[i] is None or drops[i] == HEADLINE)
        ),
        -1,
    )
    if headline < 0 or _paragraph_before(blocks, drops, weights, headline):
        headline = _title_line(blocks, drops, weights, title)
    for i in range(headline):
        block = blocks[i]
        if drops[i] is None and block.chars < weights.tail_min_chars and not _sentence(block):
            drops[i] = Reason("kicker", -1.0, "short line above the headline")
    _trim_head_furniture(blocks, drops, weights)


def _paragraph_before(
    blocks: tuple[Block, ...], drops: list[Reason | None], weights: Weights, headline: int
) -> bool:
    """Whether a kept paragraph stands before the ``h1``: then it is no headline of the
    article but a box's title after it ("While you are here..." over a donation appeal),
    and the short lines above it are the article's subheadings, not kickers."""
    return any(
        drops[i] is None and blocks[i].sentences and blocks[i].chars >= weights.tail_min_chars
        for i in range(headline)
    )


def _sentence(block: Block) -> bool:
    """Whether a short line says a sentence; a day's ordinal dot ("02. November 2021")
    ends none, so "Pressemitteilung Aktuell 02. November 2021" is a kicker."""
    return bool(block.sentences) and bool(SENTENCE_END.search(ORDINAL_DAY.sub(" ", block.text)))


def _title_line(
    blocks: tuple[Block, ...], drops: list[Reason | None], weights: Weights, title: str
) -> int:
    """The kept line before the first paragraph that repeats the title (now dropped as
    the headline), or -1. It must say at least half of the title: "Home" is no headline.
    An old page may set the date and the headline in one block, split by a ``<br>``
    ("Tuesday, 5 November, 2002, 10:32 GMT / Ferry firm to axe winter sailings"): a
    line that is a date (``DATE_LINE``) and then the whole title is the headline too."""
    title_words = _WORD.findall(title.lower())
    for i, block in enumerate(blocks):
        if drops[i] is not None:
            continue
        if _dated_title(block.text, title_words):
            drops[i] = HEADLINE
            return i
        if block.sentences or block.chars >= weights.tail_min_chars:
            return -1
        words = _WORD.findall(block.text.lower())
        if 2 * len(words) >= len(title_words) and same_words(block.text, title):
            drops[i] = HEADLINE
            return i
    return -1


def _dated_title(text: str, title_words: list[str]) -> bool:
    """Whether ``text`` is a date line followed by the whole title."""
    words = list(_WORD.finditer(text))
    count = len(title_words)
    if not count or len(words) <= count:
        return False
    if [word.group().lower() for word in words[-count:]] != title_words:
        return False
    date = text[: words[-count].start()].strip()
    return any(c.isdigit() for c in date) and DATE_LINE.match(date) is not None


def _trim_head_furniture(
    blocks: tuple[Block, ...], drops: list[Reason | None], weights: Weights
) -> None:
    """Drop the short lines before the article's first paragraph that use the words of
    ``CALL_TO_ACTION`` ("Last updated 12 April 1999", "You are visitor number 4321") or
    open with a publication stamp (``PUBLISHED_LINE``: "Published: Feb. 27, 2024 at 5:15
    PM", whose abbreviations read as sentence ends); only when a paragraph follows, so a
    page of contact lines keeps them. A standfirst without a sentence end is no paragraph
    here: the stamp under it ("Publicado em 06/06/2019 às 10h32 - Por Redação") is still
    above the article. Headings are left alone: a headline or subtitle may well be about a
    subscription or a commission."""
    furniture: list[int] = []
    for i, block in enumerate(blocks):
        if drops[i] is not None:
            continue
        if (
            block.chars <= weights.head_furniture_max_chars
            and not block.is_heading
            and (
                CALL_TO_ACTION.search(block.text.lower())
                or PUBLISHED_LINE.match(block.text) is not None
            )
        ):
            furniture.append(i)
        elif block.chars >= weights.tail_min_chars and _sentence(block):
            for line in furniture:
                drops[line] = Reason("head_furniture", -1.0, "page furniture above the article")
            return


def trim_calls_to_action(
    blocks: tuple[Block, ...],
    drops: list[Reason | None],
    weights: Weights,
    posts: range = range(0),
) -> None:
    """Drop the closing boxes at the article's end ("Subscribe to our newsletter", "Follow
    us", "© 2021 ..."): from the last kept block back to the last paragraph that does not
    speak to the reader, the boxes that do and the short lines after the first of them.
    An ``<address>`` there is one too: the page's contact details, by definition."""
    run: list[int] = []  # kept blocks after the article's last plain paragraph, last first
    first_call = -1
    for i in range(len(blocks) - 1, -1, -1):
        if drops[i] is not None:
            continue
        block = blocks[i]
        if block.node in posts:  # a forum thread's last post: the thread ends there
            break
        if block.chars <= weights.cta_max_chars and (
            _is_call(blocks, drops, i) or block.tag == "address"
        ):
            first_call = i
        elif block.chars >= weights.tail_min_chars:
            break
        run.append(i)
    if first_call < 0 or len(run) == sum(1 for drop in drops if drop is None):
        return
    for i in run:
        if i >= first_call:
            drops[i] = Reason("call_to_action", -1.0, "closing box after the article")


def is_closing_sentence(blocks: tuple[Block, ...], drops: list[Reason | None], i: int) -> bool:
    """Whether block ``i`` is a short last sentence of the article's run of paragraphs: a
    ``p`` with a sentence end and no link, beside the kept paragraph (or list) before it,
    that asks nothing of the reader ("A spokesperson for the developer declined to
    comment."). A page that sets its paragraphs in ``div``s (CSS-in-JS builds) has no
    ``p``: there a block of the same tag and class as the kept paragraph before it, in
    the same parent, is one of the run ("Tickets go on sale Friday.")."""
    block = blocks[i]
    if not block.sentences or block.link_chars:
        return False
    text = block.text.lower()
    if len(_WORD.findall(text)) < 2:  # "." or "Ende.": a mark, not a sentence
        return False
    if READER_ADDRESS.search(text) or RIGHTS_LINE.search(text):
        return False
    if block.tag != "p":
        return _twin_of_kept(blocks, drops, i)
    before = next((j for j in range(i - 1, -1, -1) if drops[j] is None), -1)
    if before < 0:
        return False
    previous, parent = blocks[before], block.element.getparent()
    if previous.tag == "li":  # the paragraph after a list the article ends with
        items = previous.element.getparent()
        return items is not None and items.getparent() is parent
    return previous.tag == "p" and _beside(previous.element.getparent(), parent)


def _twin_of_kept(blocks: tuple[Block, ...], drops: list[Reason | None], i: int) -> bool:
    """Whether block ``i`` repeats the tag and class of the kept block before it, under
    the same parent: a paragraph of a page without ``p`` tags."""
    before = next((j for j in range(i - 1, -1, -1) if drops[j] is None), -1)
    if before < 0:
        return False
    one, other = blocks[before].element, blocks[i].element
    return (
        one.tag == other.tag
        and bool(one.get("class"))
        and one.get("class") == other.get("class")
        and one.getparent() is other.getparent()
        and blocks[before].sentences > 0
    )


def _beside(one: lxml_html.HtmlElement | None, other: lxml_html.HtmlElement | None) -> bool:
    """Whether two paragraphs' parents make them neighbours: the same element, or twin
    wrappers (same tag and class, one parent) that some CMSs put around each paragraph."""
    if one is None or other is None or one is other:
        return one is other
    return (
        one.tag == other.tag
        and one.get("class") == other.get("class")
        and one.getparent() is other.getparent()
        and len(one) == len(other) == 1
    )


def _is_call(blocks: tuple[Block, ...], drops: list[Reason | None], i: int) -> bool:
    """Whether block ``i`` asks the reader to act (see ``trim_calls_to_action``).

    A paragraph that goes on from the article's paragraphs (a ``p`` beside the kept
    paragraph before it) and reports rather than addresses the reader is a closing
    sentence of the article, whatever words it uses: "A spokesperson for the developer
    declined to comment", "Residents can sign up at the clerk's office". A call to action
    speaks to the reader (``READER_ADDRESS``) or is a rights line.
    """
    if not CALL_TO_ACTION.search(blocks[i].text.lower()):
        return False
    return not is_closing_sentence(blocks, drops, i)


_WORD = re.compile(r"\w+")


def same_words(text: str, title: str) -> bool:
    """Whether a heading says what the title says (the title may add a site name)."""
    heading = _WORD.findall(text.lower())
    return bool(heading) and " ".join(heading) in " ".join(_WORD.findall(title.lower()))
