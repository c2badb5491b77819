"""Check that boilerkit's Markdown shows the same words as its text, page by page.

For each page: extract it, render the content as text and as Markdown (plain, and with
links, images and emphasis), render the Markdown with markdown-it-py (CommonMark plus GFM
tables and strikethrough, raw HTML allowed, as a permissive renderer would), take the
words (``\\w+``) of the result, and compare them with the words of the text, in order.
Any difference means the Markdown lost, gained or split words: an escaping bug.

    python benchmarks/check_markdown.py              # both corpora, every page
    python benchmarks/check_markdown.py --limit 50   # the first 50 pages of each

The tests import ``markdown_words`` and ``mismatch`` from here and run a sample.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import boilerkit
from boilerkit.render import render_markdown, render_text
from boilerkit.render.walk import walk

_WORD = re.compile(r"\w+")
_RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Elements whose boundaries separate words in the rendered HTML (inline ones do not).
_BLOCKS = frozenset(
    {"p", "li", "ul", "ol", "pre", "blockquote", "table", "thead", "tbody", "tr", "td", "th"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "div"}
)
OPTION_SETS = (
    boilerkit.Options(),
    boilerkit.Options(include_links=True, include_images=True, include_formatting=True),
)


def markdown_words(markdown: str) -> list[str]:
    """The words a reader sees once ``markdown`` is rendered to HTML."""
    rendered = _RENDERER.render(markdown)
    if not rendered.strip():
        return []
    root = lxml_html.fragment_fromstring(rendered, create_parent="div")
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = element.tag in _BLOCKS
        if event == "start":
            parts.append(" " if block else "")
            parts.append(element.text or "")
        else:
            parts.append(" " if block else "")
            if element is not root:
                parts.append(element.tail or "")
    return _WORD.findall("".join(parts))


def text_words(text: str) -> list[str]:
    return _WORD.findall(text)


def mismatch(content: lxml_html.HtmlElement | None, options: boilerkit.Options) -> str | None:
    """None if the Markdown of ``content`` shows the words of its text; else where not."""
    expected = text_words(render_text(content))
    markdown = render_markdown(content, options, "https://example.org/page")
    got = markdown_words(markdown)
    if got == expected:
        return None
    at = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), None)
    at = min(len(expected), len(got)) if at is None else at
    return f"word {at}: text has {expected[at : at + 6]}, Markdown shows {got[at : at + 6]}"


def has_pipe_table(content: lxml_html.HtmlElement | None) -> bool:
    """Whether the content holds a data table (which Markdown renders as a pipe table)."""
    return any(block.kind == "table" for block in walk(content))


def _pages(limit: int | None) -> Iterator[tuple[str, bytes]]:
    from benchmarks.corpora import CORPUS_NAMES, available, load_corpus

    for name in CORPUS_NAMES:
        if not available(name):
            print(f"{name}: not found, skipped", file=sys.stderr)
            continue
        for page in load_corpus(name, limit=limit).pages:
            yield f"{name}/{page.id}", page.html


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="pages per corpus (default: all)")
    args = parser.parse_args()
    pages = failures = errors = 0
    for name, html in _pages(args.limit):
        try:
            content = boilerkit.extract(html).content
        except boilerkit.BoilerkitError as error:  # e.g. over the time budget on a busy machine
            print(f"{name}: not extracted ({error})")
            errors += 1
            continue
        pages += 1
        for options in OPTION_SETS:
            problem = mismatch(content, options)
            if problem:
                failures += 1
                print(f"{name}: {problem}")
                break
    print(f"{pages} pages, {failures} with different words in Markdown and text", end="")
    print(f" ({errors} not extracted)" if errors else "")
    return 1 if failures or not pages else 0


if __name__ == "__main__":
    raise SystemExit(main())
