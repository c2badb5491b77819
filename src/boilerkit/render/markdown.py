"""Markdown (GFM): the article with its structure, in a form a model (or a person) reads well.

Headings, nested lists, quotes, fenced code (with the language from class names), pipe
tables, and, when asked, emphasis, links and images. The promise this module keeps: the
Markdown, rendered by any CommonMark/GFM renderer, shows exactly the words of the text
output. Page text that would read as Markdown syntax is escaped for that: backslashes and
backticks always; brackets in link text, elsewhere only where they could make a link (so
``[1]`` stays bare); ``*``, ``_`` and ``~`` where they could open or close emphasis; ``<``
before a tag name and ``&`` before an entity name; and at the start of a line, anything
that would make a heading, a quote or a list item.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from lxml import html as lxml_html

from ..options import Options
from .blocks import BREAK, Code, Frame, Image, Inline, RenderBlock, Span, shared_frames
from .walk import walk

_ALWAYS = str.maketrans({"\\": "\\\\", "`": "\\`"})
_BRACKETS = str.maketrans({"[": "\\[", "]": "\\]"})
# Outside link text a bracket matters only where it could start a link reference definition
# (a "[" that may begin a line) or close a link: a "]" before "(", "[" or ":" (or before
# whatever follows the text). "[1]" and "[edit]" stay as they are.
_LINK_BRACKET = re.compile(r"^\[|\](?=[(\[:]|$)")
"""Brackets that may matter: a leading "[" and a "]" before "(", "[", ":" or the end."""
_FLANKING = re.compile(r"[*_~]")
_BACKTICKS = re.compile("`+")
_FENCE = re.compile("`{3,}")
# A trailing "#" run (possessive: "###...#x" is not retried from every "#" of the run).
_CLOSING_HASHES = re.compile(r"(^|\s)(#++)$")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# At the start of a line: ATX heading, quote, bullet (+ or - then space), setext underline or
# thematic break (a line of - or =), ordered-list marker ("1." or "1)" then space).
_LINE_START = re.compile(r"^(?:[#>]|[-+](?=\s|$)|[-=]+\s*$|\d{1,9}(?=[.)](?:\s|$)))")
_MARKERS = {"em": "*", "strong": "**", "del": "~~"}
_HARD_BREAK = "\\\n"
"""A backslash at the end of a line: a hard line break (trailing spaces are too fragile)."""
_URL_SAFE = "!#$%&'*+,/:;=?@[]~-._"
"""Characters kept as they are in link destinations; the rest (spaces, parentheses, angle
brackets, backslashes, non-ASCII) is percent-encoded, so no destination needs <...>."""


def _flanking(match: re.Match[str]) -> str:
    """Escape ``*``, ``_`` or ``~`` unless its neighbours make emphasis impossible."""
    text, at = match.string, match.start()
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    char = match.group()
    if before.isspace() and after.isspace():
        return char  # "5 * 3": a lone star between spaces opens nothing
    if char == "_" and before.isalnum() and after.isalnum():
        return char  # snake_case: intraword underscores never open emphasis
    return "\\" + char


def escape(text: str, *, table: bool = False, link: bool = True, following: str = "(") -> str:
    """Page text made literal for Markdown (see the module docstring); ``|`` too in tables.

    ``link`` (inside link text or image alt text) escapes every bracket; elsewhere only the
    brackets that could make a link, given the character ``following`` the text.
    """
    text = text.translate(_ALWAYS)
    if link:
        text = text.translate(_BRACKETS)
    elif "[" in text or "]" in text:
        closes = following[:1] in ("(", "[", ":")
        text = _LINK_BRACKET.sub(
            lambda m: (
                "\\" + m.group() if m.group() == "[" or m.end() < len(text) or closes else m.group()
            ),
            text,
        )
    if "*" in text or "_" in text or "~" in text:
        text = _FLANKING.sub(_flanking, text)
    if "<" in text:
        text = _TAG_START.sub("\\\\<", text)
    if "&" in text:
        text = _ENTITY.sub("\\\\&", text)
    if table and "|" in text:
        text = text.replace("|", "\\|")
    return text


def _escape_line_start(text: str) -> str:
    match = _LINE_START.match(text)
    if match is None:
        return text
    if match.group()[:1].isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]  # "1. x" -> "1\. x"
    return "\\" + text


class _Inline:
    """Writes inline content; ``single_line`` (headings, table cells) turns breaks to spaces."""

    def __init__(self, *, single_line: bool = False, table: bool = False) -> None:
        self.single_line = single_line
        self.table = table
        self.parts: list[str] = []
        self.line_start = True
        self.in_link = False
        """Inside link text, where every bracket is escaped."""
        self.before = ""
        """The character before this writer's output (a span's opening marker)."""
        self.last_code: tuple[int, str] | None = None
        """Where the last code span is in ``parts``, and its code."""

    def write(self, content: list[Inline], after: str = "") -> str:
        """Write ``content``; ``after`` is the character that will follow it ("" for none)."""
        for index, node in enumerate(content):
            if isinstance(node, str):
                self.text(node, _next_markup(content[index + 1 :], after))
            elif isinstance(node, Span):
                following = _first_char(content[index + 1 :])
                self.span(node, after if following is None else following)
            elif isinstance(node, Code):
                self.code(node.text)
            elif isinstance(node, Image):
                alt = escape(node.alt, table=self.table)
                self.emit(f"![{alt}]({quote(node.src, safe=_URL_SAFE)})")
            elif node is BREAK:
                self.line_break()
        return "".join(self.parts)

    def last_char(self, lead: str) -> str:
        if lead:
            return lead[-1]
        for part in reversed(self.parts):
            if part:
                return part[-1]
        return self.before

    def emit(self, markup: str) -> None:
        self.parts.append(markup)
        self.line_start = False

    def text(self, text: str, following: str = "") -> None:
        """Page text, escaped; ``following`` is what the Markdown will show right after it."""
        escaped = escape(text, table=self.table, link=self.in_link, following=following)
        if self.line_start:
            escaped = escaped.lstrip()
            if not escaped:
                return
            self.emit(_escape_line_start(escaped))
        else:
            self.parts.append(escaped)

    def code(self, code: str) -> None:
        if self.last_code is not None and self.last_code[0] == len(self.parts) - 1:
            code = self.last_code[1] + code  # `a``b` would fuse the fences: one span, `ab`
            self.parts.pop()
        self.last_code = (len(self.parts), code)
        if self.table:
            code = code.replace("|", "\\|")
        longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
        fence = "`" * (longest + 1)
        pad = " " if code[:1] == "`" or code[-1:] == "`" else ""
        self.emit(f"{fence}{pad}{code}{pad}{fence}")

    def line_break(self) -> None:
        if self.single_line:
            self.parts.append(" ")
            return
        if self.line_start:
            return  # no empty lines inside a paragraph: a break right after a break is dropped
        while self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1].rstrip(" ")
        self.parts.append(_HARD_BREAK)
        self.line_start = True

    def span(self, span: Span, next_char: str) -> None:
        children = span.children
        while children and children[0] is BREAK:
            self.line_break()
            children = children[1:]
        trailing = 0
        while children and children[-1] is BREAK:
            trailing += 1
            children = children[:-1]
        marker = "[" if span.kind == "link" else _MARKERS[span.kind]
        inner_writer = _Inline(single_line=self.single_line, table=self.table)
        inner_writer.line_start = False  # the span's opening marker comes first
        inner_writer.before = marker[-1]
        inner_writer.in_link = self.in_link or span.kind == "link"
        inner = inner_writer.write(children, "]" if span.kind == "link" else marker[0])
        leading = 0
        while inner.startswith(_HARD_BREAK):  # from a nested span: keep it outside ours
            inner, leading = inner[len(_HARD_BREAK) :], leading + 1
        while inner.rstrip(" ").endswith(_HARD_BREAK):
            inner, trailing = inner.rstrip(" ")[: -len(_HARD_BREAK)], trailing + 1
        for _ in range(leading):
            self.line_break()
        core = inner.strip()
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        after = trail[:1] or ("" if trailing else next_char)
        if core and span.kind == "link":
            if self.parts and self.parts[-1].endswith("!") and not lead:
                self.parts[-1] = self.parts[-1][:-1] + "\\!"  # "![" would make an image
            self.parts.append(lead)
            self.emit(f"[{core}]({quote(span.href, safe=_URL_SAFE)})")
            self.parts.append(trail)
        elif core and _can_flank(self.last_char(lead), core, after):
            marker = _MARKERS[span.kind]
            self.parts.append(lead)
            self.emit(f"{marker}{core}{marker}")
            self.parts.append(trail)
        else:
            self.write(children, after)  # "x*(y)*z" would show its stars: no emphasis here
        for _ in range(trailing):
            self.line_break()


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _can_flank(before: str, core: str, after: str) -> bool:
    """Whether ``*``/``~~`` around ``core`` would open and close emphasis (CommonMark's
    flanking rules): punctuation just inside a marker needs space or punctuation outside."""
    if before in ("*", "~"):
        return False  # right after another span's closing marker: "*a***b**" is ambiguous
    if core[0] in "*_~" or (core[-1] in "*_~" and core[-2:-1] != "\\"):
        return False  # a bare star or tilde inside would run into the marker: "***"
    if _punctuation(core[0]) and before and not (before.isspace() or _punctuation(before)):
        return False
    return not (_punctuation(core[-1]) and after and not (after.isspace() or _punctuation(after)))


def _next_markup(content: list[Inline], after: str) -> str:
    """The character the Markdown shows after a text node: a link's "[", a code span's
    backtick, the next text's first character... (for escaping the text's last bracket)."""
    for node in content:
        if isinstance(node, str):
            if node:
                return node[0]
        elif isinstance(node, Span):
            return "[" if node.kind == "link" else _MARKERS[node.kind][0]
        else:
            return "`" if isinstance(node, Code) else "!" if isinstance(node, Image) else "\n"
    return after


def _first_char(content: list[Inline]) -> str | None:
    """The first character the rest of a paragraph shows ("" for a break, None if nothing
    follows in ``content``). For a span, its text's: it may be written without markers."""
    for node in content:
        if isinstance(node, str):
            if node:
                return node[0]
        elif isinstance(node, Code):
            return "`"
        elif isinstance(node, Image):
            return "!"
        elif isinstance(node, Span):
            first = _first_char(node.children)
            if first is not None:
                return first
        else:
            return ""
    return None


def _inline(content: list[Inline], **kwargs: bool) -> str:
    text = _Inline(**kwargs).write(content).rstrip(" ")
    while text.endswith(_HARD_BREAK):  # a break ending a paragraph breaks nothing
        text = text[: -len(_HARD_BREAK)].rstrip(" ")
    return text.strip()


def render_markdown(
    content: lxml_html.HtmlElement | None,
    options: Options | None = None,
    base_url: str | None = None,
) -> str:
    """The content tree as GFM Markdown; empty for no content. Never mutates ``content``."""
    return blocks_to_markdown(walk(content, options, base_url))


def blocks_to_markdown(blocks: list[RenderBlock]) -> str:
    """Blocks as Markdown: blank lines between blocks, none between items of a tight list."""
    out: list[str] = []
    started: set[int] = set()
    """Items whose marker has been written (their later blocks are only indented)."""
    previous: RenderBlock | None = None
    for block in blocks:
        lines = _block_lines(block)
        if not lines:
            continue
        if previous is not None and not _tight(previous, block):
            common = shared_frames(previous.frames, block.frames)
            out.append(_prefix(block.frames[:common], started, first=False).rstrip())
        first = _prefix(block.frames, started, first=True)
        rest = _prefix(block.frames, started, first=False)
        out.append(first + lines[0])
        out.extend(rest + line if line else rest.rstrip() for line in lines[1:])
        previous = block
    return "\n".join(out)


def _block_lines(block: RenderBlock) -> list[str]:
    if block.kind == "para":
        text = _inline(block.content)
        return text.split("\n") if text else []
    if block.kind == "heading":
        text = _inline(block.content, single_line=True)
        if not text:
            return []
        closing = _CLOSING_HASHES.search(text)  # a trailing "#" run would close the heading
        if closing:
            text = text[: closing.start(2)] + "\\" + text[closing.start(2) :]
        return ["#" * block.level + " " + text]
    if block.kind == "code":
        longest = max((len(run) for run in _FENCE.findall(block.code)), default=2)
        fence = "`" * (longest + 1)
        return [fence + block.language, *block.code.split("\n"), fence]
    if block.kind == "table":
        return _table_lines(block)
    return ["---"] if block.kind == "rule" else []


def _table_lines(block: RenderBlock) -> list[str]:
    rows = [
        [_inline(cell.content, single_line=True, table=True) for cell in row] for row in block.rows
    ]
    width = max(len(row) for row in rows)
    lines = []
    for number, row in enumerate(rows):
        row.extend([""] * (width - len(row)))
        lines.append("| " + " | ".join(row) + " |")
        if number == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return lines


def _tight(previous: RenderBlock, block: RenderBlock) -> bool:
    """Whether ``block`` follows ``previous`` without a blank line (a tight list).

    True for the next item of a list, and for a list nested right after its parent
    item's first paragraph, unless that list is numbered from other than 1 (which could
    not interrupt the paragraph before it).
    """
    if previous.kind not in ("para", "heading") or block.kind not in ("para", "heading"):
        return False
    common = shared_frames(previous.frames, block.frames)
    new = block.frames[common:]
    if not new:
        return False
    if new[0].kind == "item":
        return True
    nested = common == len(previous.frames) and common > 0 and previous.frames[-1].kind == "item"
    return (
        nested
        and new[0].kind == "list"
        and len(new) > 1
        and new[1].kind == "item"
        and (not new[1].ordered or new[1].number == 1)
    )


def _prefix(frames: tuple[Frame, ...], started: set[int], *, first: bool) -> str:
    """What goes before a line: ``> `` per quote, a marker or indent per list item."""
    parts: list[str] = []
    for frame in frames:
        if frame.kind == "quote":
            parts.append("> ")
        elif frame.kind == "item":
            marker = f"{frame.number}. " if frame.ordered else "- "
            if first and id(frame) not in started:
                started.add(id(frame))
                parts.append(marker)
            else:
                parts.append(" " * len(marker))
    return "".join(parts)


def escape_paragraph(text: str) -> str:
    """Plain text (one line) as a Markdown paragraph showing exactly that text."""
    return _Inline().write([" ".join(text.split())])
