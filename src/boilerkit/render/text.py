"""Plain text: one block per line, list items as ``- ``, whitespace normalized."""

from __future__ import annotations

import re

from lxml import html as lxml_html

# Tags that start a new line in the text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "center", "html",
})
_SPACE = re.compile(r"\s+")


def _walk(element: lxml_html.HtmlElement, lines: list[str], current: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "br":
        _flush(lines, current)
    elif tag in BLOCK_TAGS:
        _flush(lines, current)
        if tag == "li":
            current.append("- ")
    if element.text:
        current.append(element.text)
    for child in element:
        _walk(child, lines, current)
        if child.tail:
            current.append(child.tail)
    if tag in ("td", "th"):
        current.append(" ")
    if tag in BLOCK_TAGS:
        _flush(lines, current)


def _flush(lines: list[str], current: list[str]) -> None:
    line = _SPACE.sub(" ", "".join(current)).strip()
    current.clear()
    if line and line != "-":
        lines.append(line)


def render_text(content: lxml_html.HtmlElement | None) -> str:
    """The content tree as plain text; empty for no content."""
    if content is None:
        return ""
    lines: list[str] = []
    current: list[str] = []
    _walk(content, lines, current)
    _flush(lines, current)
    return "\n".join(lines)
