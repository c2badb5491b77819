"""Select stage: pick the article's container, judge each of its blocks, copy it out.

The container is the element with the highest summed block value (see ``score``). Inside
it every block gets a verdict, with the rules that decided it: furniture hints, teaser
blocks, link-dense lists and stock lines ("Share", "Advertisement") are dropped; the rest
is the article. The result is a *copy* of the container holding only the kept text, so no
later stage touches the page tree.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import itertools
from dataclasses import dataclass, field

from lxml import html as lxml_html

from .. import budget
from ..document import RelatedLink
from ..page.clean import is_quote_box
from ..weights import (
    BOILERPLATE_LINE,
    BYLINE,
    COUNT_LINE,
    CREDIT_LINE,
    DATE_LINE,
    NAV_SEPARATOR,
    POST_NUMBER,
    PUBLISHED_LINE,
    QUOTE_HEADER,
    QUOTE_HEADER_MAX_CHARS,
    SIGNUP_FORM,
    TEASER_HEADING,
    VIEW_COUNT,
    Weights,
)
from .captions import NOT_CAPTIONS, after_image, image_then_line, under_image_cell
from .comments import comment_sections
from .container import (
    choose_container,
    into_layout_cell,
    into_main_column,
    thread_container,
    thread_range,
    title_unit,
)
from .content import build_content
from .link_runs import with_link_runs
from .listing import is_listing, related_links
from .score import Reason, Scores, is_server_error, score
from .segment import Block, Segmentation, segment
from .teasers import STRUCTURAL, TeaserGroup, find_teasers
from .threads import find_thread
from .trim import (
    HEADLINE,
    drop_orphan_headings,
    drop_orphan_labels,
    drop_teaser_cards,
    drop_toc_headings,
    holds,
    same_words,
    trim_calls_to_action,
    trim_head,
    trim_tail,
)
from .vote import prefer_vote, vote


@dataclass(frozen=True, slots=True)
class BlockVerdict:
    """Why a block was kept or dropped."""

    element: lxml_html.HtmlElement = field(repr=False)
    text: str
    kept: bool
    score: float
    reasons: tuple[Reason, ...] = ()

    @property
    def path(self) -> str:
        """Where the block stands, e.g. ``article.post>div.body>p``."""
        return element_path(self.element)


@dataclass(frozen=True, slots=True)
class Selection:
    """The selected article, the verdict on every block, and the teaser links found."""

    content: lxml_html.HtmlElement | None
    verdicts: tuple[BlockVerdict, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    comments: lxml_html.HtmlElement | None = None
    confidence: float = 0.0
    notes: tuple[str, ...] = ()


def element_path(element: lxml_html.HtmlElement, depth: int = 3) -> str:
    """A short CSS-like path for explain lines: ``article.post>div.body>p``."""
    parts: list[str] = []
    node: lxml_html.HtmlElement | None = element
    while node is not None and len(parts) < depth and node.tag != "html":
        classes = (node.get("class") or "").split()
        parts.append(str(node.tag) + (f".{classes[0]}" if classes else ""))
        node = node.getparent()
    return ">".join(reversed(parts))


def _region_rule(
    index: int, segmentation: Segmentation, scores: Scores, weights: Weights, forms: list[int]
) -> Reason | None:
    """The reason to drop everything below element ``index``, if there is one (``forms``:
    the page's ``form`` elements below the container, in order)."""
    hint = scores.furniture[index]
    if hint is not None:
        element = segmentation.elements[index]
        return Reason(hint.kind, -1.0, f"{element_path(element, 1)} {hint.detail}")
    chars, link_chars = segmentation.chars[index], segmentation.link_chars[index]
    if (
        chars <= weights.form_box_max_chars
        and segmentation.tags[index] != "form"
        and _holds_signup_form(index, segmentation, forms)
    ):
        element = segmentation.elements[index]
        return Reason("form_box", -1.0, f"{element_path(element, 1)} holds a sign-up form")
    if (
        segmentation.links[index] >= weights.region_min_links
        and link_chars > weights.region_max_link_density * chars > 0
        and segmentation.tags[index] not in ("p", "td", "th")
    ):
        element = segmentation.elements[index]
        return Reason(
            "link_region", -1.0, f"{element_path(element, 1)} density {link_chars / chars:.2f}"
        )
    return None


def _holds_signup_form(index: int, segmentation: Segmentation, forms: list[int]) -> bool:
    """Whether element ``index`` holds a sign-up form: one whose action, class, id or name
    says mail, newsletter or subscribe (``SIGNUP_FORM``). Its fields are gone by now (the
    clean stage strips inputs), so the form's own attributes are the evidence; a recipe's
    servings field or a poll are not sign-ups. The forms below it are found by bisection
    in ``forms`` (those of the container, in order): most elements hold none."""
    elements, stop = segmentation.elements, segmentation.end[index]
    for inner in itertools.takewhile(stop.__gt__, forms[bisect.bisect_right(forms, index) :]):
        form = elements[inner]
        names = " ".join(form.get(name) or "" for name in ("action", "class", "id", "name"))
        if SIGNUP_FORM.search(names.lower()):
            return True
    return False


def _linked_prose(block: Block, weights: Weights) -> bool:
    """Whether a link-dense block is a paragraph of prose whose names are links ("Before
    that he was spokesman of <a>Link4</a> and <a>PZU</a>."): a ``p`` that opens with its
    own words, ends a sentence and holds ``linked_prose_min_chars`` of text outside its
    links. A teaser paragraph opens with its headline link; a link list ends no sentence."""
    lead = block.element.text
    return (
        block.tag == "p"
        and block.sentences > 0
        and block.chars - block.link_chars >= weights.linked_prose_min_chars
        and lead is not None
        and bool(lead.strip())
    )


def _is_nav_line(block: Block, weights: Weights) -> bool:
    """Whether a block is a menu or breadcrumb written as a line of text: short items, most
    of them links, between separators ("Home > Articles > The Old Mill")."""
    if (
        block.chars > weights.nav_line_max_chars
        or block.link_density < weights.nav_line_min_link_density
    ):
        return False
    items = [item for item in NAV_SEPARATOR.split(block.text) if item.strip(" []")]
    return len(items) >= weights.nav_line_min_segments and all(
        len(item.strip()) <= weights.nav_item_max_chars for item in items
    )


_TABLE_CELLS = frozenset({"td", "th"})


class _Judge:
    """Verdicts for the blocks inside the chosen container; caches region rules by element."""

    def __init__(
        self,
        container: int,
        segmentation: Segmentation,
        scores: Scores,
        teasers: tuple[TeaserGroup, ...],
        weights: Weights,
        title: str,
        posts: range = range(0),
    ) -> None:
        self.title = title
        self.posts = posts
        self.container = container
        self.segmentation = segmentation
        self.scores = scores
        self.weights = weights
        self.teaser_of = {block: group for group in teasers for block in group.blocks}
        self.cache: dict[int, Reason | None] = {}
        self.forms = segmentation.tagged_below(container, "form")

    def region(self, index: int) -> Reason | None:
        """The first drop rule that an element between ``index`` and the container triggers."""
        chain: list[int] = []
        found: Reason | None = None
        parent = self.segmentation.parent
        while index >= 0 and index != self.container:
            if index in self.cache:
                found = self.cache[index]
                break
            chain.append(index)
            found = _region_rule(index, self.segmentation, self.scores, self.weights, self.forms)
            if found is not None:
                break
            index = parent[index]
        for element in chain:
            self.cache[element] = found
        return found

    def in_quote(self, index: int) -> bool:
        """Whether element ``index`` is inside a quote: a ``blockquote`` or a "quote" box
        (``div.bbcode_quote``, ``div.quoteheader``) below the container."""
        parent, elements = self.segmentation.parent, self.segmentation.elements
        while index >= 0 and index != self.container:
            if is_quote_box(elements[index]):
                return True
            index = parent[index]
        return False

    def drop_reason(self, block: Block) -> Reason | None:
        """The reason to drop a block inside the container, or ``None`` to keep it."""
        if block in self.teaser_of:
            group = self.teaser_of[block]
            return Reason("teaser", -1.0, f"{group.section or 'untitled'}: {group.evidence}")
        region = self.region(block.node)
        if region is not None:
            return region
        if is_server_error(block.text):
            return Reason("server_error", -1.0, "PHP error messages")
        if block.link_density > self.weights.max_link_density and not _linked_prose(
            block, self.weights
        ):
            return Reason("link_density", -1.0, f"{block.link_density:.2f}")
        if _is_nav_line(block, self.weights):
            return Reason("nav_line", -1.0, "menu items between separators")
        short = block.chars < self.weights.short_line_max_chars
        if short and not block.sentences and TEASER_HEADING.match(block.text):
            return Reason("teaser_heading", -1.0)
        if short and (BOILERPLATE_LINE.match(block.text) or VIEW_COUNT.search(block.text)):
            return Reason("boilerplate_line", -1.0)
        if (
            block.chars <= QUOTE_HEADER_MAX_CHARS
            and QUOTE_HEADER.match(block.text)
            and self.in_quote(block.node)
        ):
            return Reason("quote_header", -1.0, "who is quoted, not the quotation")
        if block.node in self.posts and POST_NUMBER.match(block.text):
            return Reason("post_number", -1.0, "the post's number in the thread")
        if (
            block.chars <= self.weights.byline_max_chars
            and not block.sentences
            and BYLINE.match(block.text)
        ):
            return Reason("byline", -1.0)
        if block.chars <= self.weights.credit_max_chars and CREDIT_LINE.search(block.text.lower()):
            return Reason("credit", -1.0)
        tag = self.segmentation.tags[block.node]
        if (
            block.chars <= self.weights.date_line_max_chars
            and tag not in _TABLE_CELLS  # a date in a table is data ("Opened | 1881")
            and any(map(str.isdigit, block.text))
            and DATE_LINE.match(block.text)
        ):
            return Reason("date_line", -1.0)
        if short and tag not in _TABLE_CELLS and COUNT_LINE.match(block.text):
            return Reason("boilerplate_line", -1.0, "a count: slides, photos, stars")
        if (
            block.chars <= self.weights.info_line_max_chars
            and not block.sentences
            and tag not in _TABLE_CELLS
            and len(PUBLISHED_LINE.findall(block.text)) >= 2
        ):
            return Reason("info_line", -1.0, "publication/update stamp")
        if tag == "figcaption":
            return Reason("caption", -1.0)
        if (
            block.chars <= self.weights.image_caption_max_chars
            and not block.sentences
            and tag not in NOT_CAPTIONS
            and (
                (holds(block, self.segmentation, "img") and holds(block, self.segmentation, "br"))
                or (not block.link_chars and after_image(block.element))
            )
        ):
            return Reason("caption", -1.0, "short line under an image")
        if (
            tag == "td"
            and block.chars <= self.weights.image_caption_max_chars
            and not block.sentences
            and under_image_cell(block.element)
        ):
            return Reason("caption", -1.0, "the cell under an image's cell")
        if (
            block.chars <= self.weights.image_caption_max_chars
            and not block.link_chars
            and image_then_line(block.element)
        ):
            return Reason("caption", -1.0, "the line beside an image in its box")
        if tag == "h1" and same_words(block.text, self.title):
            return HEADLINE
        return None


def select_content(
    root: lxml_html.HtmlElement,
    *,
    weights: Weights | None = None,
    base_url: str | None = None,
    include_comments: bool = False,
    scale: float = 1.0,
    title: str | None = None,
    signed: bool = False,
    explain: bool = False,
) -> Selection:
    """Find the article in a cleaned tree and copy it out.

    ``title`` is the page's title: a heading repeating it is the headline, not the text.
    ``signed``: the page names an author or a date, as posts do and listings rarely do.
    With ``explain``, the selection carries a verdict per block (built only on request).
    """
    weights = weights or Weights()
    segmentation = segment(root)
    teasers = find_teasers(segmentation, weights, base_url)
    thread = find_thread(segmentation, weights)
    scores = score(segmentation, teasers, weights, scale, thread.boxes if thread else ())
    teasers = scores.teasers
    container = choose_container(segmentation, scores, teasers, weights)
    container = into_layout_cell(container, segmentation, scores, weights)
    container = into_main_column(container, segmentation, scores, weights)
    container, left_out = thread_container(container, thread, segmentation, scores, weights)
    posts = thread_range(container, thread, segmentation, scores)
    unit = None if posts else title_unit(container, segmentation, scores, weights, title or "")
    if unit is not None:
        container, left_out = unit, frozenset()
    voted = (
        None
        if posts or unit is not None
        else prefer_vote(
            container, left_out, vote(segmentation, scores, weights), segmentation, scores, weights
        )
    )
    if voted is not None:
        container, left_out = voted[0], voted[1]
    end = segmentation.end
    title = title or segmentation.first_text("h1")  # sought only without a title
    judge = _Judge(container, segmentation, scores, teasers, weights, title, posts)
    outside = Reason("outside", -1.0, f"not in {element_path(segmentation.elements[container], 2)}")
    check = budget.current().check
    stop = end[container]
    left = bytearray(stop - container)  # inside a subtree left out, by offset
    for child in left_out:
        first, last = max(child, container), min(end[child], stop)
        if first < last:
            left[first - container : last - container] = b"\x01" * (last - first)
    blocks = segmentation.blocks
    drops: list[Reason | None] = [outside] * len(blocks)
    judged = range(*segmentation.blocks_below(container))  # in document order
    for position in judged:
        check("select")
        block = blocks[position]
        if not left[block.node - container]:
            drops[position] = judge.drop_reason(block)
    trim_calls_to_action(segmentation.blocks, drops, weights, posts)
    drop_orphan_headings(segmentation, drops, weights)
    drop_orphan_labels(segmentation, drops, weights)
    drop_teaser_cards(segmentation, drops, weights)
    drop_toc_headings(segmentation.blocks, drops)
    trim_tail(segmentation, drops, weights, posts)
    trim_head(segmentation, drops, weights, judge.title)
    kept = {blocks[i].node for i in judged if drops[i] is None}  # the trims only drop
    cards = frozenset(i for i in judged if (drop := drops[i]) is not None and drop.rule == "teaser")
    verdicts = (
        tuple(
            BlockVerdict(
                block.element,
                block.text,
                drop is None,
                scores.value[block.index],
                (*scores.reasons(block), drop) if drop else scores.reasons(block),
            )
            for block, drop in zip(segmentation.blocks, drops, strict=True)
        )
        if explain
        else ()
    )
    selection = _finish(
        segmentation,
        scores,
        teasers,
        container,
        kept,
        verdicts,
        weights,
        left_out,
        base_url,
        signed,
        cards,
    )
    if voted is not None:
        selection = dataclasses.replace(selection, notes=(*selection.notes, voted[2]))
    if unit is not None and selection.content is not None:
        # The title vouches for the story: the sibling stories' prose, which our confidence
        # counts against it, is what a second opinion would add back.
        note = f"the title names one story of several: {element_path(segmentation.elements[unit])}"
        selection = dataclasses.replace(selection, confidence=1.0, notes=(*selection.notes, note))
    if posts:
        root = element_path(segmentation.elements[posts.start], 2)
        note = f"forum thread: {len(thread.boxes) if thread else 0} profile boxes in {root}"
        selection = dataclasses.replace(selection, notes=(*selection.notes, note))
    if include_comments:
        selection = dataclasses.replace(
            selection, comments=comment_sections(segmentation, scores, weights)
        )
    return selection


def _furniture_list(group: TeaserGroup, segmentation: Segmentation, scores: Scores) -> bool:
    """Whether a group found by structure alone stands in the page's furniture (a blog's
    archive widget, a menu of long items with their sub-menus): its links are the site's,
    not stories beside the article, so they are neither ``related`` nor evidence of a
    listing. (Its blocks are dropped with the furniture either way.)"""
    return group.evidence in STRUCTURAL and _in_furniture(group, segmentation, scores)


def _in_furniture(group: TeaserGroup, segmentation: Segmentation, scores: Scores) -> bool:
    """Whether a teaser group stands in the page's furniture (a sidebar's "Recent posts"
    widget): its stories are ``related``, but every post has such a box, so it is no
    evidence that the page is a listing."""
    index = segmentation.index_of[group.container]
    hint = scores.hints[index]
    return scores.region[index] is not None or (hint is not None and hint.kind != "article")


def with_comments(selection: Selection) -> Selection:
    """The selection with its comment section appended to the content (``include_comments``)."""
    if selection.content is None or selection.comments is None:
        return selection
    content = copy.deepcopy(selection.content)
    content.append(copy.deepcopy(selection.comments))
    return dataclasses.replace(selection, content=content)


def _finish(
    segmentation: Segmentation,
    scores: Scores,
    teasers: tuple[TeaserGroup, ...],
    container: int,
    kept: set[int],
    verdicts: tuple[BlockVerdict, ...],
    weights: Weights,
    skip: frozenset[int],
    base_url: str | None,
    signed: bool,
    teasers_dropped: frozenset[int] = frozenset(),
) -> Selection:
    """Copy the article out, rate our confidence, list the teaser links. Blocks dropped as
    teasers (``teasers_dropped``, by index: a card's excerpt) are no prose of the page."""
    below = slice(*segmentation.blocks_below(container))
    kept_blocks = [b for b in segmentation.blocks[below] if b.node in kept]  # kept are below
    kept_chars = sum(b.chars for b in kept_blocks)
    positive = sum(filter((0.0).__lt__, scores.value))  # the same values in the same order
    positive -= sum(max(0.0, scores.value[index]) for index in teasers_dropped)
    kept_value = sum(max(0.0, scores.value[b.index]) for b in kept_blocks)
    length = min(1.0, weights.confidence_length_base + kept_chars / weights.confidence_full_length)
    confidence = (kept_value / positive if positive else 0.0) * length
    element = segmentation.elements[container]
    notes = (
        f"container {element_path(element)} value {scores.total[container]:.0f}",
        f"{len(teasers)} teaser blocks",
    )
    teasers = tuple(group for group in teasers if not _furniture_list(group, segmentation, scores))
    if kept_chars < weights.min_article_chars:  # little found: is it an archive's links?
        runs = with_link_runs(teasers, segmentation, weights, base_url)
        teasers = tuple(g for g in runs if not _furniture_list(g, segmentation, scores))
    related = related_links(teasers)
    main = tuple(g for g in teasers if not _in_furniture(g, segmentation, scores))
    if is_listing(kept_blocks, main, weights, signed):
        note = "no article: the page is a listing of other pages"
        return Selection(None, verdicts, related, None, 0.0, (*notes, note))
    content = build_content(container, segmentation, kept, skip, base_url)
    return Selection(content, verdicts, related, None, round(confidence, 3), notes)
