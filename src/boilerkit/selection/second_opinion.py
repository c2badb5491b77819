"""Second opinions: the page's JSON-LD article body, for pages that render their article
with JavaScript; trafilatura's extraction, for pages where our own selection is unsure.

Measured on trafilatura-eval, our selection is right more often than trafilatura overall,
but on the few pages where our confidence is low (scattered prose, no dominant container)
trafilatura's rule set is right more often. Asking it only there costs its time on those
pages alone. Its output tree uses TEI-like tags; they are mapped back to HTML so every
renderer works on it unchanged.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import sys

from lxml import etree
from lxml import html as lxml_html

from .. import budget
from ..page.clean import clean_tree
from ..page.tags import HEADING_TAGS
from ..weights import Weights
from .choose import Selection
from .content import SOFT_HYPHEN, xml_safe

SECOND_OPINION_MAX_CHARS = 2_000_000
"""Pages larger than this get no second opinion: trafilatura took 16 s on 200,000 siblings."""
SECOND_OPINION_MAX_ELEMENTS = 20_000
"""Nor do pages with more elements than this: trafilatura spends about 60 µs per element
(1.3 s on 20,000), twice the largest page of both corpora (10,106 elements)."""
SECOND_OPINION_MAX_SPAN = 10
"""trafilatura is given table cells spanning at most this many columns and rows: it lays
a table out cell by cell, so spans multiply (800 rows of ``colspan=1000 rowspan=65534``
took 122 s and 2.1 GB; 100 rows of 100 x 100, 18 s; of 10 x 10, 0.09 s)."""
SECOND_OPINION_SECONDS_PER_ELEMENT = 60e-6
"""trafilatura's cost per element (and per cell a span lays out), measured as above."""
SECOND_OPINION_IMPORT_SECONDS = 0.5
"""Importing trafilatura the first time (0.26 s measured, doubled for a loaded machine)."""
SECOND_OPINION_TIME_MARGIN = 3.0
"""The second opinion is asked only when this many times its estimated cost is left of
the budget: it cannot be interrupted, so it must not start what it cannot finish."""

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
_COUNT_ELEMENTS = etree.XPath("count(//*)")
_EMPHASIS = {"#i": "i", "#u": "u", "#b": "b", "#t": "code", "#sup": "sup", "#sub": "sub"}


def ask_second_opinion(root: lxml_html.HtmlElement, selection: Selection) -> Selection:
    """The selection with trafilatura's content in place of ours, when it has any.

    Not asked when the page is too large or when what is left of the time budget could
    not cover it (see ``SECOND_OPINION_TIME_MARGIN``); trafilatura sees a copy of the page
    with its table spans bounded.
    """
    elements = int(_COUNT_ELEMENTS(root))
    if elements > SECOND_OPINION_MAX_ELEMENTS:
        return _noted(selection, "second opinion: not asked, page too large")
    laid_out, oversized = _span_cost(root)
    estimate = (elements + laid_out) * SECOND_OPINION_SECONDS_PER_ELEMENT
    if "trafilatura" not in sys.modules:
        estimate += SECOND_OPINION_IMPORT_SECONDS
    if estimate * SECOND_OPINION_TIME_MARGIN > budget.current().remaining():
        return _noted(
            selection, f"second opinion: not asked, too little time left ({estimate:.2f} s)"
        )
    content = second_opinion(_bounded_spans(root) if oversized else root)
    if content is None:
        return dataclasses.replace(selection, notes=(*selection.notes, "second opinion: none"))
    return dataclasses.replace(
        selection,
        content=content,
        notes=(*selection.notes, "low confidence: content is trafilatura's second opinion"),
    )


def _noted(selection: Selection, note: str) -> Selection:
    return dataclasses.replace(selection, notes=(*selection.notes, note))


def _declared_span(value: str | None) -> int:
    """A span attribute's number (1 when it is none); digits past seven read as 10**7."""
    digits = (value or "").strip()
    if not digits.isdecimal():
        return 1
    return int(digits) if len(digits) <= 7 else 10_000_000


def _span_cost(root: lxml_html.HtmlElement) -> tuple[int, bool]:
    """The cells trafilatura lays out for the page's spans (beyond one per cell), and
    whether some span exceeds ``SECOND_OPINION_MAX_SPAN``."""
    laid_out, oversized = 0, False
    for cell in root.iter("td", "th"):
        colspan = _declared_span(cell.get("colspan"))
        rowspan = _declared_span(cell.get("rowspan"))
        if colspan == rowspan == 1:
            continue
        cap = SECOND_OPINION_MAX_SPAN
        laid_out += min(colspan, cap) * min(rowspan, cap) - 1
        oversized = oversized or max(colspan, rowspan) > cap
    return laid_out, oversized


def _bounded_spans(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A copy of the page whose cells span at most ``SECOND_OPINION_MAX_SPAN``."""
    bounded: lxml_html.HtmlElement = copy.deepcopy(root)
    for cell in bounded.iter("td", "th"):
        for name in ("colspan", "rowspan"):
            if cell.get(name) is not None:
                cell.set(name, str(min(_declared_span(cell.get(name)), SECOND_OPINION_MAX_SPAN)))
    return bounded


def second_opinion(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """trafilatura's main content of the (cleaned) page as an HTML tree, or ``None``.

    trafilatura runs in its fast mode, without the readability and jusText extractions it
    otherwise compares its own with. Measured on the pages that ask (62 of trafilatura-eval,
    8 of readability-test-pages): 40% and 50% less time for the second opinion, F1 -0.0002
    and unchanged.
    """
    import trafilatura  # deferred: it takes a while to import and is rarely needed

    try:
        result = trafilatura.bare_extraction(
            root,
            include_comments=False,
            with_metadata=False,
            include_links=True,
            include_formatting=True,
            include_images=True,
            include_tables=True,
            fast=True,  # without its own readability/jusText fallbacks: see the docstring
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
