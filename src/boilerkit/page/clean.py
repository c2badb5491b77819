"""Clean stage: drop what a reader never sees.

This is the last stage that mutates the tree; every later stage only reads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from ..selection.page_table import compiled
from ..weights import (
    QUOTE_HEADER,
    QUOTE_HEADER_MAX_CHARS,
    SHOWN_BY_SCRIPT_MIN_CHARS,
    SHOWN_BY_SCRIPT_SHARE,
)
from .paragraphs import wrap_loose_runs
from .roots import is_whole_document
from .tags import HEADING_TAGS

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
    "amp-ad",
    "amp-embed",
    "amp-sticky-ad",
)
"""Elements whose content is never visible text of the page (``rt``/``rp``: ruby
readings, shown above the text they gloss rather than in it). AMP's ad elements
(``amp-ad``, ``amp-embed``, ``amp-sticky-ad``) hold an ad and the ``placeholder`` and
``fallback`` lines shown in its place ("Loading ad", "Ad failed to load"), never text."""

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
_PERMALINK_TEST = ".//text()[normalize-space() and contains('¶#§🔗', normalize-space())]"
_MAYBE_PERMALINKS = etree.XPath(f"/descendant::a[{_PERMALINK_TEST}]")
_PERMALINK_TEXT = etree.XPath(f"boolean({_PERMALINK_TEST})")
# Attributes that may hide their element, confirmed in Python. The attribute axis is
# several times faster than testing every element's attributes in a predicate.
_HIDING = ("hidden", "aria-hidden", "type", "style")
_MAYBE_HIDING = etree.XPath("|".join(f"//@{name}" for name in _HIDING))
# Elements whose class may name editing chrome ("edit", "Edit", "backlink", "backref"), and
# images that may show a formula, confirmed in Python. (Each string test in an XPath over
# all class attributes costs about a fifth of a millisecond a page: two here.)
_MAYBE_EDITING_CHROME = etree.XPath("//@class[contains(., 'dit') or contains(., 'ack')]/..")
_MAYBE_FORMULA_IMAGES = etree.XPath("/descendant::img[@alt][@class]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass(frozen=True, slots=True)
class Marks:
    """The elements ``clean_tree`` looks at, found in one walk before it changes anything,
    each list in page order. A superset of what each step's own search would find at its
    turn: a mark inside what an earlier step removed is acted on in the removed part, which
    changes nothing in the page, and every step still tests its marks on the tree as it is.
    """

    formula_images: Sequence[lxml_html.HtmlElement]
    """``img`` with ``alt`` and ``class`` (anywhere)."""
    chrome: Sequence[lxml_html.HtmlElement]
    """Elements whose ``class`` holds "dit" or "ack" (anywhere)."""
    has_invisible: bool
    """Whether an element below the root is one of ``INVISIBLE_TAGS``."""
    has_void: bool
    """Whether one of ``VOID_TAGS`` is below the root, outside invisible elements."""
    noscripts: Sequence[lxml_html.HtmlElement]
    """From here on: only outside invisible elements. ``noscript`` elements."""
    anchors: Sequence[lxml_html.HtmlElement]
    """``a`` with a permalink symbol in a text below, or an ``img[alt][class]`` below."""
    cites: Sequence[lxml_html.HtmlElement]
    maths: Sequence[lxml_html.HtmlElement]
    hiding: Sequence[lxml_html.HtmlElement]
    """Elements (void ones but the root aside) with ``hidden``, ``aria-hidden``, ``type``
    or ``style``."""


@dataclass(frozen=True, slots=True)
class Removal:
    """Text ``clean_tree`` took out of the page, or kept against a rule, and why: the
    explain view's notes, since text gone here is text selection never sees."""

    rule: str
    """``invisible``, ``noscript``, ``permalink``, ``editing_chrome``,
    ``quote_attribution``, ``hidden``; ``shown_by_script`` for a hidden element kept."""
    element: str
    """The element as ``tag#id.class``."""
    text: str
    """Its text, spaces collapsed."""

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        verb = "kept" if self.rule == "shown_by_script" else "removed"
        return f"clean {verb} {self.element} ({len(self.text)} chars) {self.rule}: {shown!r}"


_SILENT_TAGS = frozenset(("script", "style", "head", "link", "meta", "svg"))
"""Invisible elements whose text is never the page's (code, styles, the head): not
recorded as removals."""


def _record(
    removed: list[Removal] | None,
    rule: str,
    element: lxml_html.HtmlElement,
    root: lxml_html.HtmlElement,
) -> None:
    """Append ``element`` to ``removed`` (when recording) if it holds text and is still in
    the page (not inside what an earlier removal took)."""
    if removed is None or element.getroottree().getroot() is not root:
        return
    text = " ".join(element.text_content().split())
    if text:
        name = element.tag + "".join(
            f"{mark}{value.split()[0]}"
            for mark, value in (("#", element.get("id") or ""), (".", element.get("class") or ""))
            if value.split()
        )
        removed.append(Removal(rule, name, text))


def reference_marks(root: lxml_html.HtmlElement) -> Marks:
    """``Marks`` in plain Python: the spec of ``_passes.clean_marks``."""
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    kept = [e for e in elements if e is root or not _removed(e, root)]
    return Marks(
        formula_images=_MAYBE_FORMULA_IMAGES(root),
        chrome=_MAYBE_EDITING_CHROME(root),
        has_invisible=any(e.tag in INVISIBLE_TAGS for e in elements if e is not root),
        has_void=any(e.tag in VOID_TAGS for e in kept if e is not root),
        noscripts=[e for e in kept if e.tag == "noscript"],
        anchors=[e for e in kept if e.tag == "a" and _maybe_permalink(e)],
        cites=[e for e in kept if e.tag == "cite"],
        maths=[e for e in kept if e.tag == "math"],
        hiding=[
            e
            for e in kept
            if (e is root or e.tag not in VOID_TAGS) and any(name in e.attrib for name in _HIDING)
        ],
    )


def _removed(element: lxml_html.HtmlElement, root: lxml_html.HtmlElement) -> bool:
    """Whether ``element`` or an ancestor below ``root`` is one of ``INVISIBLE_TAGS``."""
    while element is not root and element is not None:
        if element.tag in INVISIBLE_TAGS:
            return True
        element = element.getparent()
    return False


def _maybe_permalink(anchor: lxml_html.HtmlElement) -> bool:
    texts: list[str] = anchor.xpath(".//text()")
    return any(symbol in text for text in texts for symbol in PERMALINK_SYMBOLS) or bool(
        anchor.xpath(".//img[@alt][@class]")
    )


def _keep_heading_toggles(root: lxml_html.HtmlElement) -> None:
    """Keep the ``button`` that is a heading's whole text, as a ``span``: the toggle of an
    accordion or disclosure (Bootstrap, Foundation, the ARIA pattern: ``h3 > button``
    "Why is my water cloudy?"), whose text is the heading a reader sees. Other buttons
    ("Share", "Accept cookies") are controls and go with the invisible elements."""
    for button in root.iter("button"):
        heading = button.getparent()
        if (
            heading is not None
            and heading.tag in HEADING_TAGS
            and heading.text_content().strip() == button.text_content().strip() != ""
        ):
            button.tag = "span"


def _marks(root: lxml_html.HtmlElement) -> Marks | None:
    """``Marks`` from the compiled walk, or ``None`` on the pure path (each step then
    searches the tree itself) and where ``root`` is not the whole document (the searches
    cover the whole document: ``roots.is_whole_document``)."""
    walk = compiled("clean_marks")
    if walk is None or not is_whole_document(root):
        return None
    return Marks(*walk(root, INVISIBLE_TAGS, VOID_TAGS))


def clean_tree(
    root: lxml_html.HtmlElement,
    *,
    paragraphs: bool = True,
    removed: list[Removal] | None = None,
) -> lxml_html.HtmlElement:
    """Remove invisible and hidden elements and editing chrome in place, keeping their
    tails; return ``root``. Formulas become their text (``linear_math``).

    The elements each step looks at come from one compiled walk (``Marks``) when it is
    built, else from a search of the tree at that step (libxml2 XPath and ``iter``).

    With ``paragraphs``, loose runs of text also get paragraphs of their own
    (``paragraphs.wrap_loose_runs``): block selection needs them, the coarse selection of
    very large pages does not, and there they would cost about a microsecond per element.

    With ``removed``, each element with text that a rule takes out (or ``shown_by_script``
    keeps) is appended to it, in the order of the steps: the explain view's account.
    """
    marks = _marks(root)
    images = marks.formula_images if marks else _MAYBE_FORMULA_IMAGES(root)
    for image in images:  # before hidden ones go: they are aria-hidden
        if MATH_IMAGE_CLASS.search(image.get("class", "")):
            linear_math(image)
    chrome = [
        element
        for element in (marks.chrome if marks else _MAYBE_EDITING_CHROME(root))
        if EDITING_CHROME_CLASS.search(element.get("class", ""))
    ]
    if marks is None or marks.has_invisible:
        _keep_heading_toggles(root)
        if removed is not None:
            for element in root.iter(*INVISIBLE_TAGS):
                if element.tag not in _SILENT_TAGS and not _removed(element.getparent(), root):
                    _record(removed, "invisible", element, root)
        etree.strip_elements(root, *INVISIBLE_TAGS, with_tail=False)
    if marks is None or marks.has_void:
        etree.strip_tags(root, *VOID_TAGS)
    for noscript in marks.noscripts if marks else root.iter("noscript"):
        if len(noscript) and len(noscript.text_content()) > NOSCRIPT_MAX_CHARS:
            noscript.tag = "div"
    if marks is None or marks.noscripts:
        if removed is not None:
            for noscript in root.iter("noscript"):
                _record(removed, "noscript", noscript, root)
        etree.strip_elements(root, "noscript", with_tail=False)
    for anchor in marks.anchors if marks else _MAYBE_PERMALINKS(root):
        if (
            anchor.text_content().strip() in PERMALINK_SYMBOLS
            and anchor.getparent() is not None
            and (marks is None or _PERMALINK_TEXT(anchor))
        ):
            _record(removed, "permalink", anchor, root)
            anchor.drop_tree()
    for element in chrome:
        if element.getparent() is not None:
            _record(removed, "editing_chrome", element, root)
            element.drop_tree()
    cites = marks.cites if marks else root.iter("cite")
    for cite in [cite for cite in cites if _is_quote_attribution(cite)]:
        _record(removed, "quote_attribution", cite, root)
        cite.drop_tree()
    hiding = marks.hiding if marks else dict.fromkeys(v.getparent() for v in _MAYBE_HIDING(root))
    hidden = [
        element
        for element in hiding
        if element.getparent() is not None
        and element.tag not in ("html", "body")
        and _is_hidden(element)
    ]
    shown = shown_by_script(root, hidden)
    for element in hidden:
        if element in shown:
            _record(removed, "shown_by_script", element, root)
        elif element.getparent() is not None:
            _record(removed, "hidden", element, root)
            element.drop_tree()
    for formula in marks.maths if marks else list(root.iter("math")):  # after: only what
        linear_math(formula)  # is visible of it is read
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


def shown_by_script(
    root: lxml_html.HtmlElement, hidden: Sequence[lxml_html.HtmlElement]
) -> set[lxml_html.HtmlElement]:
    """The elements of ``hidden`` that hold the article a script shows, to be kept.

    Pages that reveal their article by script ship it in the markup under an inline
    ``display: none`` (an article shown once a consent or paywall check passes, a
    gallery's slides shown one at a time): dropping it as hidden left selection the page's
    furniture. Such elements are hidden by their style alone, and those alike under one
    parent (same tag and class) together hold most of the page's paragraph text
    (``SHOWN_BY_SCRIPT_SHARE``); a hidden dialog, tab or duplicate holds a small part.
    """
    prose: dict[_Kind, int] = {}
    groups: dict[_Kind, list[lxml_html.HtmlElement]] = {}
    for element in hidden:
        if _hidden_by_style_alone(element):
            kind = (element.getparent(), element.tag, element.get("class"))
            prose[kind] = prose.get(kind, 0) + _paragraph_chars(element)
            groups.setdefault(kind, []).append(element)
    if not prose or max(prose.values()) < SHOWN_BY_SCRIPT_MIN_CHARS:
        return set()
    page = _paragraph_chars(root)
    return {
        element
        for kind, chars in prose.items()
        if chars >= SHOWN_BY_SCRIPT_MIN_CHARS and chars >= SHOWN_BY_SCRIPT_SHARE * page
        for element in groups[kind]
    }


_Kind = tuple[lxml_html.HtmlElement | None, str, str | None]
"""Hidden siblings alike (parent, tag, class): a gallery's slides, one article's parts."""


def _hidden_by_style_alone(element: lxml_html.HtmlElement) -> bool:
    """Hidden by an inline style, which a script changes, and by nothing else."""
    style = element.get("style")
    return (
        style is not None
        and _HIDDEN_STYLE.search(style) is not None
        and element.get("hidden") is None
        and element.get("aria-hidden") != "true"
        and element.get("type") != "hidden"
    )


def _paragraph_chars(element: lxml_html.HtmlElement) -> int:
    """Characters of text in the ``<p>`` elements at or below ``element``, spaces collapsed."""
    return sum(len(" ".join(p.text_content().split())) for p in element.iter("p"))


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
