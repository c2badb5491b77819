"""Clean stage: drop what a reader never sees.

This is the last stage that mutates the tree; every later stage only reads it.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from ..weights import QUOTE_HEADER, QUOTE_HEADER_MAX_CHARS
from .paragraphs import wrap_loose_runs

INVISIBLE_TAGS = (
    "script",
    "style",
    "template",
    "head",
    "svg",
    "iframe",
    "object",
    "canvas",
    "audio",
    "video",
    "map",
    "button",
    "select",
    "textarea",
    "option",
    "datalist",
    "dialog",
    "link",
    "meta",
    "frameset",
    "rt",
    "rp",
)
"""Elements whose content is never visible text of the page (``rt``/``rp``: ruby
readings, shown above the text they gloss rather than in it)."""

VOID_TAGS = ("embed", "source", "track", "input", "param", "keygen")
"""Void elements: they hold nothing, but libxml2 nests whatever follows an unclosed one
inside it, so only the tag goes and the page after it stays."""

NOSCRIPT_MAX_CHARS = 1000
"""A ``<noscript>`` holding more text than this is an unclosed one that swallowed the page
(the parser nests everything after it inside): its content is kept. Shorter ones hold
"please enable JavaScript" notices and tracking pixels, and go, and so do longer ones
without elements: a page's fallback markup escaped as text (`&lt;img src=...`), which no
browser shows and a swallowed page, parsed into elements, never is."""

PERMALINK_SYMBOLS = frozenset(("¶", "#", "§", "🔗"))
"""Link texts of the permalink anchors that decorate headings: markup, not text."""

EDITING_CHROME_CLASS = re.compile(
    r"(?<![a-z])(?:edit[-_]?(?:section|link)|(?:cite[-_]?)?backlink|footnote[-_]?backref"
    r"|reversefootnote)",
    re.I,
)
"""Class names of the links a page sets for its editors and its footnote machinery: the
"[edit]" beside headings (MediaWiki's ``mw-editsection``, WordPress's ``post-edit-link``)
and the "^ a b" / "↩" jumps from a footnote back to where it is cited. The footnote
markers in the text and the notes themselves stay: they are the article's."""

MATH_IMAGE_CLASS = re.compile(r"(?<![a-z])(?:la)?tex(?![a-z])|math|equation|formula", re.I)
"""Class names of images that show a formula (MediaWiki's ``mwe-math-fallback-image``,
WordPress's ``latex``): their ``alt`` holds its TeX source."""

_TEX_WRAPPER = re.compile(r"^\s*\{\\(?:displaystyle|textstyle)\s*(.*)\}\s*$", re.S)

# Anchors holding a text node that could be a permalink symbol, confirmed in Python. (One
# test per text node is cheaper than normalize-space() over every anchor.)
# (``/descendant::a`` rather than ``//a``: libxml2 then tests only the anchors, which is
# twice as fast on the corpora and five times on a page of a million elements.)
_MAYBE_PERMALINKS = etree.XPath(
    "/descendant::a[.//text()[normalize-space() and contains('¶#§🔗', normalize-space())]]"
)
# Attributes that may hide their element, confirmed in Python. The attribute axis is
# several times faster than testing every element's attributes in a predicate.
_MAYBE_HIDING = etree.XPath("//@hidden|//@aria-hidden|//@type|//@style")
# Elements whose class may name editing chrome ("edit", "Edit", "backlink", "backref"), and
# images that may show a formula, confirmed in Python. (Each string test in an XPath over
# all class attributes costs about a fifth of a millisecond a page: two here.)
_MAYBE_EDITING_CHROME = etree.XPath("//@class[contains(., 'dit') or contains(., 'ack')]/..")
_MAYBE_FORMULA_IMAGES = etree.XPath("/descendant::img[@alt][@class]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def clean_tree(root: lxml_html.HtmlElement, *, paragraphs: bool = True) -> lxml_html.HtmlElement:
    """Remove invisible and hidden elements and editing chrome in place, keeping their
    tails; return ``root``. Formulas become their text (``linear_math``).

    With ``paragraphs``, loose runs of text also get paragraphs of their own
    (``paragraphs.wrap_loose_runs``): block selection needs them, the coarse selection of
    very large pages does not, and there they would cost about a microsecond per element.
    """
    for image in _MAYBE_FORMULA_IMAGES(root):  # before hidden ones go: they are aria-hidden
        if MATH_IMAGE_CLASS.search(image.get("class", "")):
            linear_math(image)
    chrome = [
        element
        for element in _MAYBE_EDITING_CHROME(root)
        if EDITING_CHROME_CLASS.search(element.get("class", ""))
    ]
    etree.strip_elements(root, *INVISIBLE_TAGS, with_tail=False)
    etree.strip_tags(root, *VOID_TAGS)
    for noscript in root.iter("noscript"):
        if len(noscript) and len(noscript.text_content()) > NOSCRIPT_MAX_CHARS:
            noscript.tag = "div"
    etree.strip_elements(root, "noscript", with_tail=False)
    for anchor in _MAYBE_PERMALINKS(root):
        if anchor.text_content().strip() in PERMALINK_SYMBOLS:
            anchor.drop_tree()
    for element in chrome:
        if element.getparent() is not None:
            element.drop_tree()
    for cite in [cite for cite in root.iter("cite") if _is_quote_attribution(cite)]:
        cite.drop_tree()
    for element in dict.fromkeys(value.getparent() for value in _MAYBE_HIDING(root)):
        if (
            element.getparent() is not None
            and element.tag not in ("html", "body")
            and _is_hidden(element)
        ):
            element.drop_tree()
    for formula in list(root.iter("math")):  # after: only what is visible of it is read
        linear_math(formula)
    if paragraphs:
        wrap_loose_runs(root)
    return root


def linear_math(formula: lxml_html.HtmlElement) -> None:
    """Turn a MathML ``<math>`` or a formula image into a ``span.math`` (a ``div`` for
    display math) holding the formula as one line of text, in place.

    The line is the formula's TeX where the page gives it (MathML's TeX ``annotation``,
    its ``alttext``, the image's ``alt``; MediaWiki's ``{\\displaystyle ...}`` wrapper
    taken off), else MathML's symbols set apart by spaces ("x = a + b"). Readers see
    the formula; dropping it left sentences with holes ("for all indices  and").
    """
    if formula.tag == "img":
        tex = formula.get("alt", "")
    else:
        tex = next(
            (
                note.text_content()
                for note in formula.iter("annotation")
                if "tex" in note.get("encoding", "").lower()
            ),
            "",
        ) or formula.get("alttext", "")
    if tex.strip():
        unwrapped = _TEX_WRAPPER.match(tex)
        line = " ".join((unwrapped.group(1) if unwrapped else tex).split())
    else:
        etree.strip_elements(formula, "annotation", "annotation-xml", with_tail=False)
        line = " ".join(" ".join(formula.itertext()).split())
    block = formula.get("display") == "block"
    formula.clear(keep_tail=True)
    formula.tag = "div" if block else "span"
    formula.set("class", "math")
    formula.text = line


def _is_hidden(element: lxml_html.HtmlElement) -> bool:
    """Whether an attribute of ``element`` hides it from readers."""
    style = element.get("style")
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or element.get("type") == "hidden"
        or (style is not None and _HIDDEN_STYLE.search(style) is not None)
    )


def _is_quote_attribution(cite: lxml_html.HtmlElement) -> bool:
    """Whether a ``<cite>`` is the "tom wrote: ↑ Sun Oct 13" line that opens a quote.

    Forum software (phpBB, MyBB, FluxBB) writes the attribution inline, at the start of the
    quote's text, so no later stage could drop it without the quotation. It must open the
    quote: first in a ``blockquote`` or "quote" box, or in the first child of one. A
    ``cite`` closing a quotation ("— Albert Camus") is not a forum header and stays.
    """
    parent = cite.getparent()
    if parent is None or (parent.text or "").strip() or cite.getprevious() is not None:
        return False
    box = parent
    if not is_quote_box(box):
        box = parent.getparent()
        if box is None or not is_quote_box(box) or parent.getprevious() is not None:
            return False
    text = " ".join(cite.text_content().split())
    return len(text) <= QUOTE_HEADER_MAX_CHARS and QUOTE_HEADER.match(text) is not None


def is_quote_box(element: lxml_html.HtmlElement) -> bool:
    """A ``blockquote``, or an element whose class says "quote" (``div.quotebox``)."""
    return element.tag == "blockquote" or "quote" in (element.get("class") or "").lower()
