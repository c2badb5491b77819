"""A whole ``Document`` in one format: the content tree plus what belongs to the page.

The text format is ``Document.text`` itself (what ``extract`` produced), re-rendered only
when the options change what it holds. Markdown and HTML are rendered from the content
tree; comments (with ``include_comments``) follow the article after a rule. The HTML
format is a complete page: ``<title>``, ``lang`` and the title as a heading when the
article does not start with it.
"""

from __future__ import annotations

import re

from lxml import etree

from ..options import Options
from .as_html import blocks_to_html, html_options, xml_text
from .as_json import render_json
from .blocks import plain_text
from .markdown import blocks_to_markdown, escape_paragraph
from .source import Renderable
from .text import render_text
from .walk import DEFAULT_OPTIONS, walk

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


def render_document(
    document: Renderable,
    fmt: str = "text",
    options: Options | None = None,
    *,
    base_url: str | None = None,
    with_markdown: bool = False,
) -> str:
    """``document`` as ``text``, ``markdown``, ``json`` or ``html``.

    ``base_url`` resolves relative links and images (default: the document's URL).
    ``with_markdown`` adds a ``markdown`` key to the JSON. Raises ``ValueError`` for an
    unknown format.
    """
    options = options or DEFAULT_OPTIONS
    base = base_url or document.url
    if fmt == "text":
        return document_text(document, options)
    if fmt == "markdown":
        return document_markdown(document, options, base)
    if fmt == "html":
        return document_html(document, options, base)
    if fmt == "json":
        markdown = document_markdown(document, options, base) if with_markdown else None
        return render_json(document, markdown=markdown)
    raise ValueError(f"unknown format {fmt!r}: expected text, markdown, json or html")


def _comments(document: Renderable, options: Options) -> list[str]:
    if not (options.include_comments and document.comments):
        return []
    return [line for line in document.comments.splitlines() if line.strip()]


def document_text(document: Renderable, options: Options) -> str:
    text = document.text
    if not options.include_tables:
        text = render_text(document.content, options)
    comments = _comments(document, options)
    if comments and document.comments not in text:
        text = "\n".join([text, *comments]) if text else "\n".join(comments)
    return text


def document_markdown(document: Renderable, options: Options, base_url: str | None) -> str:
    markdown = blocks_to_markdown(walk(document.content, options, base_url))
    comments = _comments(document, options)
    if comments:
        parts = [markdown, "---"] if markdown else []
        markdown = "\n\n".join([*parts, *map(escape_paragraph, comments)])
    return markdown


def document_html(document: Renderable, options: Options, base_url: str | None) -> str:
    blocks = walk(document.content, html_options(options), base_url)
    root = etree.Element("html")
    if document.language and _LANGUAGE_TAG.fullmatch(document.language):
        root.set("lang", document.language)
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "meta", name="viewport", content="width=device-width")
    body = etree.SubElement(root, "body")
    article = blocks_to_html(blocks)
    body.append(article)
    title = " ".join(xml_text(document.title or "").split())
    if title:
        etree.SubElement(head, "title").text = title
        first = next((b for b in blocks if b.kind == "heading"), None)
        if first is None or " ".join(plain_text(first.content).split()) != title:
            heading = etree.Element("h1")
            heading.text = title
            article.insert(0, heading)
    comments = _comments(document, options)
    if comments:
        section = etree.SubElement(body, "section", {"class": "comments"})
        for line in comments:
            etree.SubElement(section, "p").text = xml_text(line)
    page: str = etree.tostring(root, encoding="unicode", method="html")
    return "<!DOCTYPE html>\n" + page
