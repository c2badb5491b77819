"""Loose runs of text become paragraphs: the last tree change of the clean stage.

Pages written before CSS mark paragraphs with ``<br><br>`` or an unclosed ``<p>`` and put
their text straight into ``<body>``, a ``<td>`` or a ``<font>``. A block's text is the
text it holds directly (``segment``), so such a page is one block holding the navigation
line, the article and the footer together, and no verdict can tell them apart.

Browsers give the same text a box of its own (CSS "anonymous block boxes"): a run of
inline content beside block-level siblings is a block. This module does that in the
tree, and also ends a run at a chain of two or more ``<br>`` (a blank line, how the
author marked a paragraph). Each run with text is wrapped in a ``<p>``; a single
``<br>`` stays inside its run as a line break. Elements are handled children first, so
an inline ``<font>`` whose runs became paragraphs is itself a block to its parent.
"""

from __future__ import annotations

from lxml import html as lxml_html

from .. import budget
from .parse import Markup
from .tags import BLOCK_TAGS

NO_PARAGRAPHS_INSIDE = frozenset(
    """
    p h1 h2 h3 h4 h5 h6 pre a li dt caption figcaption summary legend label code address
    """.split()
)
"""Elements whose runs are not wrapped, nor those of anything inside them: a paragraph
inside them would be invalid (``p``, headings, links) or would change what they are (a
list item's text is the item, an address is one block of lines)."""

NOT_RUN_PARENTS = frozenset("html head title table thead tbody tfoot tr ul ol dl dir menu".split())
"""Elements whose stray text is no paragraph (text between table rows or list items); what
is inside their cells and items is handled as usual."""

_BLOCK_LIST = tuple(sorted(BLOCK_TAGS - {"html", "body"}))


def is_pre_css(markup: Markup, class_share: float) -> bool:
    """Whether the page is marked up the way pages were before CSS: fewer than
    ``class_share`` class attributes per ``<`` in its markup (counted by the parse stage,
    ``parse.Markup``). Those pages hold their text in loose runs; a page styled by classes
    gives its text elements of their own, and wrapping its stray runs cost 4 ms a page on
    the dev corpora for no gain (F1 -0.0007)."""
    return markup.classes < class_share * markup.tags


def wrap_loose_runs(root: lxml_html.HtmlElement) -> None:
    """Wrap each run of loose inline content that shares its parent with a block-level
    sibling or a ``<br><br>`` in a ``<p>`` of its own, in place."""
    memo: dict[lxml_html.HtmlElement, tuple[int, bool]] = {}
    candidates: list[tuple[int, lxml_html.HtmlElement]] = []
    for element in _candidates(root):
        depth, blocked = _place(element, memo)
        if not blocked and element.tag not in NOT_RUN_PARENTS:
            candidates.append((depth, element))
    candidates.sort(key=lambda pair: pair[0], reverse=True)  # the deepest first: their runs
    check = budget.current().check
    for _, element in candidates:  # are settled before their parents look at them
        check("clean")
        _wrap(element)


def _candidates(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The parents of a ``<br><br>`` chain, and of block-level elements beside loose text.

    libxml2 finds the ``<br>`` and the block elements; Python looks at each of their
    parents once, and only at its direct text and children.
    """
    found: dict[lxml_html.HtmlElement, bool] = {}
    for br in root.iter("br"):
        parent = br.getparent()
        if parent is not None and parent not in found and _starts_chain(br):
            found[parent] = True
    for block in root.iter(*_BLOCK_LIST):
        parent = block.getparent()
        if parent is not None and parent not in found:
            found[parent] = _has_loose_text(parent)
    return [element for element, loose in found.items() if loose]


def _has_loose_text(element: lxml_html.HtmlElement) -> bool:
    """Whether ``element`` holds non-blank text outside its block-level children."""
    if element.text and element.text.strip():
        return True
    for child in element:
        if child.tail and child.tail.strip():
            return True
        tag = child.tag
        if isinstance(tag, str) and tag not in BLOCK_TAGS and _has_text(None, [child]):
            return True
    return False


def _place(
    element: lxml_html.HtmlElement, memo: dict[lxml_html.HtmlElement, tuple[int, bool]]
) -> tuple[int, bool]:
    """``element``'s depth, and whether it is or stands inside one of
    ``NO_PARAGRAPHS_INSIDE``; memoized on the way up, so a page nested 100,000 deep costs
    one walk, not one per element."""
    path: list[lxml_html.HtmlElement] = []
    node: lxml_html.HtmlElement | None = element
    while node is not None and node not in memo:
        path.append(node)
        node = node.getparent()
    depth, inside = memo[node] if node is not None else (-1, False)
    for step in reversed(path):
        depth, inside = depth + 1, inside or step.tag in NO_PARAGRAPHS_INSIDE
        memo[step] = (depth, inside)
    return depth, inside


def _starts_chain(br: lxml_html.HtmlElement) -> bool:
    """Whether ``br`` is followed, with only blank text between, by another ``<br>``."""
    following = br.getnext()
    return following is not None and following.tag == "br" and not (br.tail or "").strip()


def _is_block(child: lxml_html.HtmlElement) -> bool:
    """A block-level child, or an inline one holding blocks (it breaks the run as well)."""
    tag = child.tag
    if not isinstance(tag, str):
        return False
    return tag in BLOCK_TAGS or next(child.iter(*BLOCK_TAGS), None) is not None


def _wrap(element: lxml_html.HtmlElement) -> None:
    """Split ``element``'s children into runs at block children and ``<br>`` chains, and
    wrap each run holding text in a ``<p>`` (nothing changes for a single run).

    A run is its leader (the separator before it, whose tail starts the run's text; none
    for the first run, which starts with the element's own text) and its inline children.
    """
    children = list(element)
    leaders: list[lxml_html.HtmlElement | None] = [None]
    runs: list[list[lxml_html.HtmlElement]] = [[]]
    blocks = 0
    chains: list[lxml_html.HtmlElement] = []  # the <br> of the chains, removed at the end
    index = 0
    while index < len(children):
        child = children[index]
        if child.tag == "br" and _starts_chain(child):
            stop = index
            while stop + 1 < len(children) and _starts_chain(children[stop]):
                stop += 1
            chains.extend(children[index : stop + 1])
            leaders.append(children[stop])
            runs.append([])
            index = stop + 1
            continue
        if _is_block(child):
            leaders.append(child)
            runs.append([])
            blocks += 1
        else:
            runs[-1].append(child)
        index += 1
    texts = [element.text, *(leader.tail for leader in leaders[1:] if leader is not None)]
    with_text = [i for i, run in enumerate(runs) if _has_text(texts[i], run)]
    if not with_text or (len(with_text) == 1 and not blocks):
        return
    for i in reversed(with_text):  # later runs first: the earlier ones keep their places
        paragraph = lxml_html.Element("p")
        paragraph.text = texts[i]
        paragraph.extend(runs[i])  # moves them, tails included
        leader = leaders[i]
        if leader is None:
            element.text = None
            element.insert(0, paragraph)
        else:
            leader.tail = None
            leader.addnext(paragraph)
    for br in chains:
        br.drop_tree()  # its tail, blank or moved into a paragraph, joins the text before it


def _has_text(text: str | None, members: list[lxml_html.HtmlElement]) -> bool:
    if text and text.strip():
        return True
    for member in members:
        if member.tail and member.tail.strip():
            return True
        if isinstance(member.tag, str) and any(piece.strip() for piece in member.itertext()):
            return True
    return False
