"""The shared walk: the content tree as a flat list of blocks that every format renders.

Walking the tree once, into one small model (``blocks``), is what keeps the formats in
agreement: the text, Markdown and HTML renderers print the same blocks with the same
words, and differ only in markup. Spans and images are made only when an option asks for
them, and a plain walk (for text, on the hot path of every extraction) makes neither.

The walk never mutates the tree and never emits anything it did not find: tags it does not
know are transparent, and the content of scripts, styles, forms' controls and embedded
objects is never rendered.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree
from lxml import html as lxml_html

from .. import budget
from ..options import Options
from ..page.tags import HEADING_TAGS
from .blocks import (
    BREAK,
    Cell,
    Code,
    Frame,
    Image,
    Inline,
    RenderBlock,
    Span,
    has_words,
    trim_end,
)
from .spaces import collapse, squeeze
from .tables import is_data_table, table_grid
from .urls import code_language, image_source, safe_url

# What each tag means to the walk. Tags not listed are inline and transparent.
_BLOCK, _HEADING, _LIST, _ITEM, _QUOTE, _PRE, _TABLE, _RULE = range(8)
_BREAK, _LINK, _IMAGE, _EM, _STRONG, _DEL, _CODE, _SKIP = range(8, 16)


def _tags(names: str, role: int) -> dict[str, int]:
    return dict.fromkeys(names.split(), role)


TAG_ROLES: Final[dict[str, int]] = {
    **_tags(
        """address article aside body caption center dd details dialog div dl dt fieldset
        figcaption figure footer form header hgroup html legend main nav p section summary
        search tbody thead tfoot tr td th""",
        _BLOCK,
    ),
    **dict.fromkeys(sorted(HEADING_TAGS), _HEADING),
    **_tags("ul ol menu", _LIST),
    **_tags("pre listing xmp plaintext", _PRE),
    **{"li": _ITEM, "blockquote": _QUOTE, "table": _TABLE, "hr": _RULE, "br": _BREAK},
    **{"a": _LINK, "img": _IMAGE},
    **_tags("em i cite dfn", _EM),
    **_tags("strong b", _STRONG),
    **_tags("del s strike", _DEL),
    **_tags("code kbd samp tt", _CODE),
    # Never visible as text, or not the page's own text: the whole subtree is skipped.
    # Void elements (embed, input, source, meta...) are not here: they hold no text, and
    # what libxml2 sometimes nests in them (all that follows an <embed>) is page content.
    **_tags(
        """script style noscript template head title iframe frame frameset object applet
        svg math canvas audio video map button select option optgroup textarea datalist
        rp slot""",
        _SKIP,
    ),
}
_SPAN_KINDS: Final = {_EM: "em", _STRONG: "strong", _DEL: "del"}
SKIPPED_TAGS: Final = frozenset(tag for tag, role in TAG_ROLES.items() if role == _SKIP)
"""Tags whose subtree is never rendered."""
BLOCK_LEVEL_TAGS: Final = frozenset(
    tag for tag, role in TAG_ROLES.items() if _BLOCK <= role <= _RULE and role != _PRE
)
"""Tags that start and end a block (a line of text), code blocks apart."""
CODE_BLOCK_TAGS: Final = frozenset(tag for tag, role in TAG_ROLES.items() if role == _PRE)
"""Tags of code blocks, whose line breaks are kept."""
PLAIN_ROLES: Final = {
    tag: role for tag, role in TAG_ROLES.items() if role not in (_LINK, _IMAGE, *_SPAN_KINDS)
}
"""The roles a plain walk acts on: links, images and emphasis are transparent there."""
_SPACE = re.compile(r"\s+")
_EVENTS: Final = ("start", "end", "comment", "pi")
"""Comments and processing instructions come as their own events: only their tails count."""


class Builder:
    """Collects blocks while ``walk`` visits the tree; one instance per walk (or table cell).

    ``flat`` builders (table cells) never cut blocks: a block boundary becomes a space, so
    a cell's whole content is one line of inline content.
    """

    def __init__(
        self, options: Options, base_url: str | None, *, plain: bool, flat: bool = False
    ) -> None:
        self.options = options
        self.base_url = base_url
        self.flat = flat
        self.plain = plain
        """Plain walks (the hot path of text) keep raw strings and normalize them per block."""
        self.blocks: list[RenderBlock] = []
        self.frames: list[Frame] = []
        self.root: list[Inline] = []
        self.raw: list[str] = []
        """A plain walk's text so far, whitespace and all (``_BREAK_MARK`` for ``<br>``)."""
        self.spans: list[Span] = []
        self.owners: list[lxml_html.HtmlElement] = []
        """The element that opened each span in ``spans``."""
        self.implicit: list[lxml_html.HtmlElement] = []
        """``<li>`` elements outside any list, for which a list frame was made up."""
        self.space = True
        """Whether the last thing added ends in whitespace (or nothing was added yet)."""
        self.heading = 0

    # -- adding inline content ------------------------------------------------------------

    def add(self, node: Inline) -> None:
        """Append inline content; adjacent strings are merged (escaping sees whole runs)."""
        target = self.spans[-1].children if self.spans else self.root
        if isinstance(node, str) and target and isinstance(target[-1], str):
            target[-1] += node
        else:
            target.append(node)

    def text(self, raw: str) -> None:
        """Add text, collapsing whitespace runs, also across element boundaries."""
        if self.plain:
            self.raw.append(raw)
            return
        text = squeeze(raw)
        if self.space and text[:1] == " ":
            text = text[1:]
        if text:
            self.add(text)
            self.space = text[-1] == " "

    def separate(self) -> None:
        """A block boundary inside a flat builder: just a space."""
        if self.plain:
            self.raw.append(" ")
        elif not self.space:
            self.add(" ")
            self.space = True

    def line_break(self) -> None:
        if self.flat:
            self.separate()
        elif self.plain:
            self.raw.append(_BREAK_MARK)
        else:
            self.add(BREAK)
            self.space = True

    def flush(self) -> None:
        """End the current block (if it has words) and start a new one inside the same spans."""
        if self.flat:
            self.separate()
            return
        if self.plain:
            if self.raw:
                joined = "".join(self.raw)
                content = plain_content(joined) if joined and not joined.isspace() else None
                if content:
                    kind = "heading" if self.heading else "para"
                    self.blocks.append(RenderBlock(kind, tuple(self.frames), content, self.heading))
                self.raw.clear()  # in place: ``run`` holds on to its ``append``
            return
        if has_words(self.root):
            trim_end(self.root)
            kind = "heading" if self.heading else "para"
            self.blocks.append(RenderBlock(kind, tuple(self.frames), self.root, level=self.heading))
        self.root = []
        if self.spans:
            reopened: list[Span] = []
            for span in self.spans:
                copy = Span(span.kind, [], span.href)
                (reopened[-1].children if reopened else self.root).append(copy)
                reopened.append(copy)
            self.spans = reopened
        self.space = True

    def open_span(self, element: lxml_html.HtmlElement, kind: str, href: str = "") -> None:
        if any(span.kind == kind for span in self.spans):
            return  # <b> inside <b>, <a> inside <a>: the outer one already says it
        target = self.spans[-1].children if self.spans else self.root
        last = target[-1] if target else None
        if isinstance(last, Span) and last.kind == kind and last.href == href:
            span = last  # <em>b</em><em>y</em>: one span, not two that would touch
        else:
            span = Span(kind, [], href)
            target.append(span)
        self.spans.append(span)
        self.owners.append(element)

    def close_span(self, element: lxml_html.HtmlElement) -> None:
        if self.owners and self.owners[-1] is element:
            self.owners.pop()
            self.spans.pop()

    # -- visiting elements ----------------------------------------------------------------

    def run(self, root: lxml_html.HtmlElement) -> None:
        """Visit ``root``'s subtree in document order (not its tail).

        The loop looks each tag up once and handles transparent inline tags itself: this is
        the hot path of every extraction.
        """
        roles = PLAIN_ROLES if self.plain else TAG_ROLES
        text = self.raw.append if self.plain else self.text
        events = etree.iterwalk(root, events=_EVENTS)
        flush, start, end = self.flush, self.start, self.end
        raw, rich = self.raw, not self.plain  # a plain walk has nothing to flush if raw is empty
        check = budget.current().check
        for event, element in events:
            if event == "start":
                role = roles.get(element.tag, -1)
                if role == _BLOCK:
                    check("render")
                    if rich or raw:
                        flush()
                elif role >= 0 and start(element, role):
                    events.skip_subtree()
                    continue
                if element.text:
                    text(element.text)
                continue
            if event == "end":
                role = roles.get(element.tag, -1)
                if role == _BLOCK:
                    if rich or raw:
                        flush()
                elif role >= 0:
                    end(element, role)
            # "end", "comment" or "pi" (whose own text is not page text): the tail follows
            if element.tail and element is not root:
                text(element.tail)

    def start(self, element: lxml_html.HtmlElement, role: int) -> bool:
        """Handle an opening tag; return True when its subtree is done with (or skipped)."""
        if role == _BLOCK:
            self.flush()
        elif role <= _RULE:
            return self.start_structure(element, role)
        elif role == _SKIP:
            return True
        elif role in _SPAN_KINDS:
            if self.options.include_formatting:
                self.open_span(element, _SPAN_KINDS[role])
        elif role == _LINK:
            href = self.options.include_links and safe_url(element.get("href"), self.base_url)
            if href:
                self.open_span(element, "link", href)
        elif role == _BREAK:
            self.line_break()
            return True
        elif role == _CODE:
            self.inline_code(element)
            return True
        elif role == _IMAGE:
            self.image(element)
            return True
        return False

    def start_structure(self, element: lxml_html.HtmlElement, role: int) -> bool:
        """Headings, lists, items, quotes, code blocks, tables and rules."""
        if role == _TABLE:
            return self.table(element)
        if role == _PRE:
            self.pre(element)
            return True
        self.flush()
        if self.flat:
            return role == _RULE
        if role == _HEADING:
            self.heading = int(element.tag[1])
        elif role == _LIST:
            start = _number(element.get("start")) if element.tag == "ol" else None
            self.frames.append(Frame("list", element.tag == "ol", 1 if start is None else start))
        elif role == _ITEM:
            self.open_item(element)
        elif role == _QUOTE:
            self.frames.append(Frame("quote"))
        elif role == _RULE:
            self.blocks.append(RenderBlock("rule", tuple(self.frames)))
            return True
        return False

    def end(self, element: lxml_html.HtmlElement, role: int) -> None:
        if role in (_BLOCK, _TABLE):
            self.flush()
        elif role in _SPAN_KINDS or role == _LINK:
            self.close_span(element)
        elif role in (_HEADING, _LIST, _ITEM, _QUOTE):
            self.flush()
            if self.flat:
                return
            if role == _HEADING:
                self.heading = 0
            elif role == _ITEM:
                self.frames.pop()
                if self.implicit and self.implicit[-1] is element:
                    self.implicit.pop()
                    self.frames.pop()
            else:
                self.frames.pop()

    def open_item(self, element: lxml_html.HtmlElement) -> None:
        parent = self.frames[-1] if self.frames else None
        if parent is None or parent.kind != "list":
            parent = Frame("list", False, 1)  # an <li> outside any list
            self.frames.append(parent)
            self.implicit.append(element)
        value = _number(element.get("value"))
        if value is not None:
            parent.number = value
        self.frames.append(Frame("item", parent.ordered, parent.number))
        parent.number += 1

    # -- leaves: code, images, tables -------------------------------------------------------

    def inline_code(self, element: lxml_html.HtmlElement) -> None:
        raw = raw_text(element, " ")
        if self.plain:
            self.raw.append(raw)
            return
        code = _SPACE.sub(" ", raw).strip()
        if not code:
            self.text(raw)
            return
        if raw[:1].isspace():
            self.text(" ")
        self.add(Code(code))
        self.space = False
        if raw[-1:].isspace():
            self.text(" ")

    def image(self, element: lxml_html.HtmlElement) -> None:
        if not self.options.include_images:
            return
        src = image_source(element, self.base_url)
        if src:
            self.add(Image(src, _SPACE.sub(" ", element.get("alt") or "").strip()))
            self.space = False

    def pre(self, element: lxml_html.HtmlElement) -> None:
        lines = [line.rstrip() for line in raw_text(element, "\n").splitlines()]
        while lines and not lines[-1]:
            lines.pop()
        first = next((i for i, line in enumerate(lines) if line), len(lines))
        code = "\n".join(lines[first:])
        if self.flat:
            self.inline_code(element)
            return
        self.flush()
        if code:
            self.blocks.append(
                RenderBlock("code", tuple(self.frames), code=code, language=code_language(element))
            )

    def table(self, element: lxml_html.HtmlElement) -> bool:
        """A data table becomes one block; a layout table is walked like nested ``div``s."""
        if self.flat or not is_data_table(element):
            self.flush()
            return False
        self.flush()
        if not self.options.include_tables:
            return True
        caption = element.find("caption")
        if caption is not None:
            content = self.cell(caption)
            if has_words(content):
                self.blocks.append(RenderBlock("para", tuple(self.frames), content))
        rows = [
            [
                Cell(self.cell(slot.element) if slot.element is not None else [], slot)
                for slot in row
            ]
            for row in table_grid(element)
        ]
        rows = [row for row in rows if any(has_words(cell.content) for cell in row)]
        if rows:
            self.blocks.append(RenderBlock("table", tuple(self.frames), rows=rows))
        return True

    def cell(self, element: lxml_html.HtmlElement) -> list[Inline]:
        builder = Builder(self.options, self.base_url, plain=self.plain, flat=True)
        builder.run(element)
        if self.plain:
            return plain_content("".join(builder.raw))
        trim_end(builder.root)
        return builder.root


_BREAK_MARK: Final = "\x00"
"""Stands for ``<br>`` in a plain walk's raw strings (NUL never occurs in parsed text)."""


def plain_content(raw: str) -> list[Inline]:
    """A plain walk's raw text as inline content: normalized lines between breaks."""
    content: list[Inline] = []
    for number, part in enumerate(raw.split(_BREAK_MARK)):
        if number:
            content.append(BREAK)
        line = collapse(part)  # squeeze(part).strip(), without the regex: 2.4x faster
        if line:
            content.append(line)
    return content if len(content) > content.count(BREAK) else []


def raw_text(element: lxml_html.HtmlElement, brk: str) -> str:
    """All visible text under ``element`` as it stands (no collapsing); ``<br>`` as ``brk``."""
    parts: list[str] = []
    events = etree.iterwalk(element, events=_EVENTS)
    for event, node in events:
        tag = node.tag
        if event == "start":
            if TAG_ROLES.get(tag) == _SKIP:
                events.skip_subtree()
            elif tag == "br":
                parts.append(brk)
            elif node.text:
                parts.append(node.text)
        elif node.tail and node is not element:
            parts.append(node.tail)
    return "".join(parts)


def _number(value: str | None) -> int | None:
    """A list's ``start`` or an item's ``value``, if it is a sane number."""
    if value is None or not value.strip().isdigit():
        return None
    return min(int(value), 999_999_999)  # Markdown list numbers have at most nine digits


DEFAULT_OPTIONS: Final = Options()


def walk(
    content: lxml_html.HtmlElement | None,
    options: Options | None = None,
    base_url: str | None = None,
    *,
    plain: bool = False,
) -> list[RenderBlock]:
    """The content tree as blocks, honouring the rendering options; never mutates ``content``.

    ``base_url`` resolves relative links and image sources; unsafe URLs are dropped.
    A ``plain`` walk makes no spans, images or inline code (only text and breaks): the
    fast path for plain text.
    """
    if content is None:
        return []
    builder = Builder(options or DEFAULT_OPTIONS, base_url, plain=plain)
    builder.run(content)
    builder.flush()
    return builder.blocks
