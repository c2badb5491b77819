"""Second opinions: the page's JSON-LD article body, for pages that render their article
with JavaScript; trafilatura's extraction, for pages where our own selection is unsure.

Measured on trafilatura-eval, our selection is right more often than trafilatura overall,
but on the few pages where our confidence is low (scattered prose, no dominant container)
trafilatura's rule set is right more often. Asking it only there costs its time on those
pages alone. Its output tree uses TEI-like tags; they are mapped back to HTML so every
renderer works on it unchanged.
"""

from __future__ import annotations

import dataclasses
import re

from lxml import etree
from lxml import html as lxml_html

from ..page.clean import clean_tree
from ..page.parse import has_crowded_tag
from ..page.tags import HEADING_TAGS
from ..weights import Weights
from .agreement import evidence, judge, page_link_texts
from .choose import Selection
from .content import SOFT_HYPHEN, xml_safe

SECOND_OPINION_MAX_CHARS = 2_000_000
"""Pages larger than this get no second opinion: trafilatura took 16 s on 200,000 siblings."""
SECOND_OPINION_MAX_ELEMENTS = 20_000
"""Nor do pages with more elements than this: trafilatura spends about 60 µs per element
(1.3 s on 20,000), twice the largest page of both corpora (10,106 elements)."""

# trafilatura's output tags -> HTML tags.
_TAGS = {
    "head": "h2",
    "list": "ul",
    "item": "li",
    "quote": "blockquote",
    "code": "pre",
    "hi": "b",
    "ref": "a",
    "row": "tr",
    "cell": "td",
    "lb": "br",
    "graphic": "img",
    "body": "div",
    "doc": "div",
    "main": "div",
}
_EMPHASIS = {"#i": "i", "#u": "u", "#b": "b", "#t": "code", "#sup": "sup", "#sub": "sub"}


def ask_second_opinion(
    source: str,
    selection: Selection,
    root: lxml_html.HtmlElement,
    *,
    elements: int,
    listing: bool,
    weights: Weights,
    seconds_left: float,
) -> Selection:
    """The selection with trafilatura's content in place of ours, when the page's evidence
    favours it (see ``agreement``); else ours, with a note saying why.

    ``source`` is the page as fetched (decoded): trafilatura sees what it would see on its
    own, not our cleaned tree (``root``, whose link texts tell its navigation).
    ``elements`` is the page's element count, which bounds its time; it is not asked when
    that bound exceeds ``seconds_left``.
    """
    if _whole_article(selection, weights):
        return _noted(
            selection,
            f"second opinion: not asked, ours is a whole article ({selection.confidence:.2f})",
        )
    if elements > SECOND_OPINION_MAX_ELEMENTS:
        return _noted(selection, "second opinion: not asked, page too large")
    if elements * weights.opinion_seconds_per_element > seconds_left:
        return _noted(selection, "second opinion: not asked, not enough time left")
    if _unbounded(source, root):
        return _noted(selection, "second opinion: not asked, tags or table spans too large")
    ours = evidence(selection.content, weights)
    if ours.chars and _page_chars(root) - ours.chars < weights.opinion_min_gain_chars:
        return _noted(selection, "second opinion: not asked, the page holds nothing beyond ours")
    content = second_opinion(source)
    if content is None:
        return _noted(selection, "second opinion: none")
    verdict = judge(
        ours,
        evidence(content, weights, page_link_texts(root, weights)),
        listing=listing,
        weights=weights,
    )
    if not verdict.take:
        return _noted(selection, f"second opinion: asked, ours kept: {verdict.reason}")
    return dataclasses.replace(
        selection,
        content=content,
        notes=(
            *selection.notes,
            f"low confidence: content is trafilatura's second opinion: {verdict.reason}",
        ),
    )


def _whole_article(selection: Selection, weights: Weights) -> bool:
    """Whether ours is an article of its own, where trafilatura's answer did not improve
    on it: at least ``opinion_short_chars`` long and holding enough of the page's prose
    value (confidence ``opinion_whole_confidence``).

    Its answers were better where ours was a scrap, a brief or a part of the article, or
    missed most of the page's prose; beside a whole article of ours they added lines the
    gold ignores, or leaked (19 of the 55 asks on trafilatura-eval, none taken for a
    better page F1). A listing (no content) is always asked.
    """
    content = selection.content
    if content is None or selection.confidence < weights.opinion_whole_confidence:
        return False
    return len(" ".join(content.text_content().split())) >= weights.opinion_short_chars


def _page_chars(root: lxml_html.HtmlElement) -> int:
    """The characters of the page's text, whitespace collapsed: a bound on any answer.

    trafilatura's answer is text of the page, so where the page holds less than
    ``opinion_min_gain_chars`` beyond ours no branch of ``judge`` can take it: it could
    add too little to ours, and be too short to be another article (most of it would be
    ours). Measured on the dev corpora, 5 of the 8 asks on readability-test-pages were
    such pages (one-paragraph test pages), 0 of 59 on trafilatura-eval.
    """
    return len(" ".join(root.text_content().split()))


def _noted(selection: Selection, note: str) -> Selection:
    return dataclasses.replace(selection, notes=(*selection.notes, note))


def second_opinion(source: str | lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """trafilatura's main content of the page as an HTML tree, or ``None``.

    trafilatura runs in its fast mode, without comparing its extraction with its
    readability and jusText ones: on the pages that ask (60 of trafilatura-eval, 2 of
    readability-test-pages) the full mode cost 70% more of its time (1.94 s against
    1.15 s) for corpus F1 0.9440 / 0.9584 against 0.9438 / 0.9584 (0.9484 / 0.9581 against
    0.9483 / 0.9581 after the selection changes of the same day). Where its fast answer
    is a teaser of our article (361 chars of a 5,000-char one, on one dev page), ``judge``
    keeps ours.

    It runs with ``favor_recall``: we ask where ours is short, and there its balanced mode
    finds its own answer short too and runs again in recall mode (``_recall_retry``, after
    its text of the whole page, ``html2txt``), so recall mode gives the same answer on 36
    of the 41 dev and peer pages that run it, in one pass: 37% less of its CPU time on
    them, the same corpus F1 on both dev corpora and the peers' pages (on two pages its
    answer adds a line the gold calls boilerplate, on one it leaves out one: page F1 1.00
    -> 0.67 and 0.80, 0.75 -> 1.00). ``output_format="txt"`` spares the
    Markdown text it would otherwise build beside the tree we read (the same tree, 5% less).
    """
    import trafilatura  # deferred: it takes a while to import and is rarely needed

    try:
        result = trafilatura.bare_extraction(
            source,
            fast=True,
            favor_recall=True,
            output_format="txt",
            include_comments=False,
            with_metadata=False,
            include_links=True,
            include_formatting=True,
            include_images=True,
            include_tables=True,
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None
    body = getattr(result, "body", None)
    if body is None or not "".join(body.itertext()).strip():
        return None
    try:
        return _to_html(body)
    except (ValueError, etree.ParserError):  # tag soup lxml will not re-serialize
        return None


def _to_html(body: etree._Element) -> lxml_html.HtmlElement:
    """Rename trafilatura's tags to HTML in place and re-root the tree as HTML elements
    (soft hyphens left out, as our own copy leaves them out)."""
    for element in body.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        rend = element.get("rend", "")
        if tag == "head":
            element.tag = rend if rend in HEADING_TAGS else "h2"
        elif tag == "hi":
            element.tag = _EMPHASIS.get(rend, "b")
        elif tag == "list":
            element.tag = "ol" if rend == "ol" else "ul"
        elif tag == "ref":
            element.tag = "a"
            if element.get("target"):
                element.set("href", element.get("target", ""))
        elif tag == "cell" and element.get("role") == "head":
            element.tag = "th"
        elif tag == "graphic":
            element.tag = "img"
        elif tag in _TAGS:
            element.tag = _TAGS[tag]
        for attribute in ("rend", "target", "role"):
            element.attrib.pop(attribute, None)
    markup = etree.tostring(body, encoding="unicode").replace(SOFT_HYPHEN, "")
    return lxml_html.fragment_fromstring(markup)


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r?\n")
_MARKUP = re.compile(r"</?(?:p|br|div|h[1-6]|ul|ol|li|blockquote|a|b|i|em|strong)\b", re.I)


def prefer_article_body(selection: Selection, body: str, weights: Weights) -> Selection:
    """The selection with the page's JSON-LD ``articleBody`` as its content, when ours
    holds much less text than it (``article_body_share``); else the selection as it is."""
    ours = selection.content.text_content() if selection.content is not None else ""
    ours_chars, body_chars = len(" ".join(ours.split())), len(" ".join(body.split()))
    if body_chars < weights.article_body_min_chars or (
        ours_chars >= weights.article_body_share * body_chars
    ):
        return selection
    content = _body_tree(body)
    if content is None:
        return selection
    return dataclasses.replace(
        selection,
        content=content,
        confidence=1.0,
        notes=(
            *selection.notes,
            f"content is the page's JSON-LD articleBody ({body_chars} chars; "
            f"the markup's article held {ours_chars})",
        ),
    )


def _body_tree(body: str) -> lxml_html.HtmlElement | None:
    """``articleBody`` as a tree: its own HTML when it carries some, else one paragraph per
    line of text."""
    if _MARKUP.search(body):
        try:
            content = lxml_html.fragment_fromstring(body, create_parent="div")
        except (ValueError, etree.ParserError):
            return None
        return clean_tree(content)
    content = lxml_html.Element("div")
    for line in _PARAGRAPH_BREAK.split(body):
        if line.strip():
            paragraph = etree.SubElement(content, "p")
            paragraph.text = xml_safe(" ".join(line.split()))
    return content if len(content) else None


SECOND_OPINION_MAX_SPAN = 10
"""trafilatura lays a table out cell by cell, so spans multiply: 800 rows of
``colspan=1000 rowspan=65534`` took 122 s and 2.1 GB in it (it caps spans at 100; 100 rows
of 100 x 100 took 18 s, of 10 x 10, 0.09 s). It reads the page's source itself, so a page
with wider spans is not given to it."""


def _unbounded(source: str, root: lxml_html.HtmlElement) -> bool:
    """Whether trafilatura's own parse of ``source`` would be unbounded: a tag of more
    than ``parse.MAX_ATTRIBUTES`` attributes (libxml2 is quadratic in them; our parse trims
    them, its does not), or a table cell spanning more than ``SECOND_OPINION_MAX_SPAN``."""
    if has_crowded_tag(source):
        return True
    for cell in root.iter("td", "th"):
        for name in ("colspan", "rowspan"):
            digits = (cell.get(name) or "").strip()
            if digits.isdecimal() and (len(digits) > 2 or int(digits) > SECOND_OPINION_MAX_SPAN):
                return True
    return False
