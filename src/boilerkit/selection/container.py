"""Where the article is: the container choice of the select stage.

The container is the element with the highest summed block value (see ``score``), stepped
down into a layout table's article cell, widened to the article's sibling parts (and the
parts between them), or set to a forum thread's posts. ``choose`` judges the blocks inside.
"""

from __future__ import annotations

from ..weights import DATE_LINE, Weights
from .hints import Hint
from .page_table import compiled
from .score import Scores
from .segment import Segmentation
from .teasers import TeaserGroup
from .threads import Thread
from .trim import same_words

_LIST_TAGS = frozenset({"ul", "ol", "li", "dl", "dd", "dt"})


def choose_container(
    segmentation: Segmentation, scores: Scores, teasers: tuple[TeaserGroup, ...], weights: Weights
) -> int:
    """The element whose subtree is worth the most (article-hinted elements get a bonus)."""
    excluded = bytearray(len(segmentation.elements))  # inside a teaser item
    for group in teasers:
        for member in group.members:
            start = segmentation.index_of[member]
            excluded[start : segmentation.end[start]] = b"\x01" * (segmentation.end[start] - start)
    best, best_value = (compiled("best_container") or best_container)(
        scores.total,
        scores.region,
        scores.hints,
        segmentation.tags,
        excluded,
        weights.positive_hint_bonus,
        weights.list_container_factor,
        _LIST_TAGS,
    )
    if best_value <= 0:  # no prose anywhere (a page of a few short lines): all of it
        return next((i for i, tag in enumerate(segmentation.tags) if tag == "body"), 0)
    return best


def best_container(
    total: list[float],
    region: list[Hint | None],
    hints: list[Hint | None],
    tags: list[str],
    excluded: bytearray,
    bonus: float,
    list_factor: float,
    list_tags: frozenset[str],
) -> tuple[int, float]:
    """The element of the highest total, article-hinted ones raised by ``bonus`` and list
    elements scaled by ``list_factor`` (the first of equals), and that value; elements
    in furniture or ``excluded`` do not compete. Compiled as ``_passes.best_container``."""
    best, best_value = 0, float("-inf")
    for index, (value, covered, hint, tag) in enumerate(
        zip(total, region, hints, tags, strict=True)
    ):
        if covered is not None or excluded[index]:
            continue
        if hint is not None and hint.kind == "article" and value > 0:
            value *= 1 + bonus
        if tag in list_tags:
            value *= list_factor
        if value > best_value:
            best, best_value = index, value
    return best, best_value


def into_layout_cell(
    container: int, segmentation: Segmentation, scores: Scores, weights: Weights
) -> int:
    """Step down into the layout-table cell that holds the article.

    A page laid out in a table (nav column, article cell, footer row) gives its best value
    to the table, since every cell adds its prose. When one cell, down through rows and
    cells, holds nearly all of the container's value, the other cells are furniture.
    """
    tags, total = segmentation.tags, scores.total
    floor = weights.layout_cell_share * total[container]
    node, cell = container, container
    while True:
        best = max(segmentation.children(node), key=total.__getitem__, default=-1)
        if best < 0 or total[best] < floor:
            return cell
        node = best
        if tags[node] in ("td", "th"):
            cell = node


def into_main_column(
    container: int, segmentation: Segmentation, scores: Scores, weights: Weights
) -> int:
    """Step down into the column that holds the article, beside a column of boxes.

    A page laid out in ``div`` columns (Bootstrap's ``col-lg-8`` + ``col-lg-4``) gives its
    best value to the row, since the side column's cards ("Media enquiries" with its
    address and a sentence for journalists, "Report a problem") are prose too. Down
    through wrappers (an only child worth anything), at the first element with more than
    one child of positive value: when the best child holds ``column_share`` of it and
    every other such child is a column of boxes (``_box_column``) and it is neither a
    list nor one itself (one list of teaser cards beside another), the best child is the
    container. Anything else leaves the container as it was.
    """
    total, node = scores.total, container
    while True:
        children = [child for child in segmentation.children(node) if segmentation.tags[child]]
        best = max(children, key=total.__getitem__, default=-1)
        if best < 0 or total[best] <= 0:
            return container
        others = [child for child in children if child != best and total[child] > 0]
        if not others:
            node = best
            continue
        if (
            total[best] >= weights.column_share * total[node]
            and all(_box_column(child, segmentation, weights) for child in others)
            and segmentation.tags[best] not in _LIST_TAGS  # sidebars are lists, articles not
            and not _box_column(best, segmentation, weights)
        ):
            return best
        return container


def _box_column(index: int, segmentation: Segmentation, weights: Weights) -> bool:
    """Whether element ``index`` is a column of boxes: two or more children of one tag and
    first class (a sidebar's cards or widgets) holding most of its text, each opening
    with a title line (a block up to ``title_line_max_chars`` without links or a sentence
    end: "Media enquiries") and holding more than that title, none longer than
    ``box_max_chars``. An article's sections are long, or are not boxes of one class."""
    classes, tags, end = segmentation.table.classes, segmentation.tags, segmentation.end
    shapes: dict[tuple[str, str], list[int]] = {}
    for child in segmentation.children(index):
        if tags[child]:
            first = (classes[child] or "").split()[:1]
            shapes.setdefault((tags[child], first[0] if first else ""), []).append(child)
    boxes = max(shapes.values(), key=len, default=[])
    if len(boxes) < 2 or sum(map(segmentation.chars.__getitem__, boxes)) < (
        weights.box_column_share * segmentation.chars[index]
    ):
        return False
    block_at = segmentation.block_at
    for box in boxes:
        if segmentation.chars[box] > weights.box_max_chars:
            return False
        title = next((block_at[n] for n in range(box, end[box]) if n in block_at), None)
        if (
            title is None
            or title.chars > weights.title_line_max_chars
            or title.link_chars
            or title.sentences
            or title.chars >= segmentation.chars[box]
        ):
            return False
    return True


def _widen(
    container: int, segmentation: Segmentation, scores: Scores, weights: Weights
) -> tuple[int, frozenset[int]]:
    """Take in the container's prose siblings: a lead before the body, a split-off part.

    The strongest container is often the article *body*, with the standfirst or intro in a
    sibling just before it, or an article split by a widget into sibling parts. Returns the
    new container (the parent, when a sibling joins) and the children left out of it.
    """
    parent = segmentation.parent[container]
    if parent < 0:
        return container, frozenset()
    siblings = segmentation.children(parent)
    joined = {container}
    for sibling in siblings:
        if not _prose_sibling(sibling, container, segmentation, scores, weights):
            continue
        value = scores.total[sibling]
        lead = sibling < container and (
            max(value, _lead_prose(sibling, segmentation, scores)) >= weights.lead_min_value
        )
        if lead or value >= weights.sibling_share * scores.total[container]:
            joined.add(sibling)
    if len(joined) == 1:
        return _lead_beside_wrapper(container, segmentation, scores, weights)
    joined |= _sandwiched(siblings, joined, segmentation, scores, weights)
    return parent, frozenset(siblings) - joined


def _lead_prose(sibling: int, segmentation: Segmentation, scores: Scores) -> float:
    """The value of the prose a sibling before the body holds: its blocks worth something
    that are no heading, outside furniture and teasers. The article's header holds the
    standfirst beside the headline, breadcrumbs, byline and share links: their negative
    values, summed, hide the standfirst from the lead rule, and the headline is no lead."""
    block_at, value = segmentation.block_at, scores.value
    return sum(
        max(0.0, value[block.index])
        for node in range(sibling, segmentation.end[sibling])
        if (block := block_at.get(node)) is not None
        and not block.is_heading
        and scores.region[node] is None
        and block not in scores.in_teaser
    )


def _prose_sibling(
    sibling: int, body: int, segmentation: Segmentation, scores: Scores, weights: Weights
) -> bool:
    """Whether a sibling of the body may join it: worth something, no furniture, not links."""
    if sibling == body or scores.region[sibling] is not None or scores.total[sibling] <= 0:
        return False
    chars = segmentation.chars[sibling]
    return segmentation.link_chars[sibling] <= weights.sibling_max_link_density * chars


def _lead_beside_wrapper(
    container: int, segmentation: Segmentation, scores: Scores, weights: Weights
) -> tuple[int, frozenset[int]]:
    """The lead before the wrapper the body sits in (``div.article-intro`` beside
    ``div.article-content > div.rtf-wrapper``), up ``lead_wrapper_levels`` wrappers.

    A wrapper whose other children are worth nothing and hold little text (tags, a source
    line; not an ingredient list in the tab beside the steps) is the body in another box;
    a lead before it joins as it would beside the body itself. Those other children stay
    out, and so does everything after the body. Not when the element that holds them all
    is worth nothing (a page of menus and teasers around a player): that is no article
    around its body.
    """
    body, left_out = container, set()
    for _ in range(weights.lead_wrapper_levels):
        wrapper = segmentation.parent[body]
        grand = segmentation.parent[wrapper] if wrapper >= 0 else -1
        others = [child for child in segmentation.children(wrapper) if child != body]
        if (
            grand < 0
            or any(scores.total[child] > 0 for child in others)
            or sum(segmentation.chars[child] for child in others)
            > weights.lead_wrapper_share * segmentation.chars[body]
        ):
            break
        left_out.update(others)
        body = wrapper
        siblings = segmentation.children(grand)
        tags, end = segmentation.tags, segmentation.end
        headline = max(  # a lead stands below the headline: a site notice stands above it
            (s for s in siblings if s < body and "h1" in tags[s : end[s]]), default=-1
        )
        leads = {
            sibling
            for sibling in siblings
            if headline <= sibling < body
            and _prose_sibling(sibling, body, segmentation, scores, weights)
            and scores.total[sibling] >= weights.lead_min_value
        }
        if leads and scores.total[grand] > 0:
            joined = {body, *leads}
            joined |= _sandwiched(siblings, joined, segmentation, scores, weights)
            return grand, frozenset(siblings) - joined | left_out
    return container, frozenset()


def _sandwiched(
    siblings: list[int],
    joined: set[int],
    segmentation: Segmentation,
    scores: Scores,
    weights: Weights,
) -> set[int]:
    """The siblings between two joined parts of the article that are not furniture.

    An article has no holes: a block between two of its parts is a part too (the results
    table between a report's opening and its closing paragraphs), however little its
    short cells are worth, unless it says furniture or is mostly links. Its blocks are
    still judged one by one, so an ad or a "Read more" line in it still goes.
    """
    first, last = min(joined), max(joined)
    return {
        sibling
        for sibling in siblings
        if first < sibling < last
        and sibling not in joined
        and scores.region[sibling] is None
        and segmentation.link_chars[sibling]
        <= weights.sibling_max_link_density * segmentation.chars[sibling]
    }


def thread_container(
    container: int,
    thread: Thread | None,
    segmentation: Segmentation,
    scores: Scores,
    weights: Weights,
) -> tuple[int, frozenset[int]]:
    """On a forum thread, the element holding all its posts, without the board's chrome.

    The strongest container is often one long post; the others are as much the thread's
    content, however short. A container holding the thread shrinks to it when it holds
    little else (``thread_outside_share``), or keeps what it holds minus the chrome
    between the posts. A thread inside a comment section or furniture is left
    alone, and so is a container beside it: an article's readers may have profile boxes.
    Otherwise the container is widened as for an article (``_widen``).
    """
    posts = thread_range(container, thread, segmentation, scores)
    if thread is None or not posts:
        return _widen(container, segmentation, scores, weights)
    root, total = thread.root, scores.total
    beside = total[container] - total[root]
    if root <= container < posts.stop or beside <= weights.thread_outside_share * total[root]:
        return root, thread.chrome
    container, left_out = _widen(container, segmentation, scores, weights)
    return container, left_out | thread.chrome


def thread_range(
    container: int, thread: Thread | None, segmentation: Segmentation, scores: Scores
) -> range:
    """The elements of the thread's posts, when the container is in the thread or holds it
    (empty otherwise: no thread, or one beside the article or in its comments)."""
    if thread is None or scores.region[thread.root] is not None:
        return range(0)
    root, end = thread.root, segmentation.end
    if root <= container < end[root] or container < root < end[container]:
        return range(root, end[root])
    return range(0)


def title_unit(
    container: int, segmentation: Segmentation, scores: Scores, weights: Weights, title: str
) -> int | None:
    """The one story of a stream of stories that the page's title names, inside the
    container; ``None`` when there is no such stream.

    A news brief of a few sentences often stands among the site's other briefs, each a
    heading and its prose under one parent, and the container, the element worth the
    most, holds them all (a short brief came back with a thousand words of page). The
    page's title says which of them the page is: the unit whose heading repeats it (not a
    part of it: "What is X?" heads a section of "What is X and what is it for?"), when
    at least ``title_unit_min_siblings`` siblings beside it are units of the same shape (a
    heading and prose), and only one heading repeats it. Each story carries its own date
    (a ``time`` or a date line): the sections of one page, the first headed as the page
    is, carry none.
    """
    words = len(title.split())
    if words < weights.title_unit_min_words:
        return None
    at, least = segmentation.block_at, weights.title_unit_title_share * words
    named = [
        node
        for node in range(container, segmentation.end[container])
        if node in at
        and at[node].is_heading
        and len(at[node].text.split()) >= least
        and same_words(at[node].text, title)
    ]
    if len(named) != 1:
        return None
    parent, tags = segmentation.parent, segmentation.tags
    shape = tags[named[0]]
    unit = parent[named[0]]
    while unit > container:
        if _story_heading(unit, segmentation, weights) == named[0] and _dated(
            unit, segmentation, weights
        ):
            stories = sum(
                1
                for sibling in segmentation.children(parent[unit])
                if sibling != unit
                and tags[sibling] == tags[unit]
                and _story_tag(sibling, segmentation, weights) == shape
                and _dated(sibling, segmentation, weights)
            )
            if stories >= weights.title_unit_min_siblings:
                return unit
        unit = parent[unit]
    return None


def _story_tag(index: int, segmentation: Segmentation, weights: Weights) -> str:
    """The tag of the heading of element ``index`` when it is a story, else ``""``."""
    heading = _story_heading(index, segmentation, weights)
    return segmentation.tags[heading] if heading >= 0 else ""


def _story_heading(index: int, segmentation: Segmentation, weights: Weights) -> int:
    """The heading of element ``index`` when it is a story (a heading before any prose,
    then a prose block; a kicker or a topic link may stand above the heading), else -1."""
    heading = -1
    for node in range(index, segmentation.end[index]):
        block = segmentation.block_at.get(node)
        if block is None:
            continue
        prose = block.sentences and block.chars >= weights.title_unit_prose_chars
        if heading < 0 and block.is_heading:
            heading = node
        elif prose:
            return heading
    return -1


def _dated(index: int, segmentation: Segmentation, weights: Weights) -> bool:
    """Whether element ``index`` carries a date of its own: a ``time`` or a date line."""
    for node in range(index, segmentation.end[index]):
        if segmentation.tags[node] == "time":
            return True
        block = segmentation.block_at.get(node)
        if (
            block is not None
            and block.chars <= weights.date_line_max_chars
            and any(c.isdigit() for c in block.text)
            and DATE_LINE.match(block.text)
        ):
            return True
    return False
