"""A whole ``Document`` in one format, and the registry of formats (``REGISTRY``).

Every format is registered once here, with its file extension and media type, and every
way out reads the registry: ``render_document``, the ``Document.to_*`` methods and the
command line's ``-f``. A new format is one module and one ``OutputFormat`` entry.

The text format is ``Document.text`` itself (what ``extract`` produced), re-rendered only
when the options change what it holds. Markdown and HTML are rendered from the content
tree; comments (with ``include_comments``) follow the article after a rule. The HTML
format is a complete page: ``<title>``, ``lang`` and the title as a heading when the
article does not start with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from lxml import etree

from ..options import Options
from .as_csv import csv_header, csv_row
from .as_html import blocks_to_html, html_options, xml_text
from .as_json import render_json
from .as_tei import document_tei
from .as_xml import document_xml
from .blocks import plain_text
from .markdown import blocks_to_markdown, escape_paragraph
from .record import Record
from .source import Renderable
from .text import render_text
from .walk import DEFAULT_OPTIONS, walk

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


Renderer = Callable[[Record, Options, "str | None"], str]
"""``(document, options, base_url) -> str``: what every format provides."""


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One output format: how to render a document, and what a file of it is called."""

    name: str
    extension: str
    media_type: str
    summary: str
    render: Renderer
    """One document as a complete output (a CSV file with its header, an XML document)."""
    record: Renderer | None = None
    """One document as a record of a batch when that differs from ``render`` (CSV: the
    row alone, after ``header``)."""
    header: str = ""
    """What a batch writes once before its records (CSV: the header row)."""

    def render_record(self, document: Record, options: Options, base_url: str | None) -> str:
        """One document as a batch record (see ``record``)."""
        return (self.record or self.render)(document, options, base_url)


def render_document(
    document: Record,
    fmt: str = "text",
    options: Options | None = None,
    *,
    base_url: str | None = None,
    with_markdown: bool = False,
) -> str:
    """``document`` in format ``fmt``, a name in ``REGISTRY`` (``text``, ``markdown``,
    ``json``, ``html``, ``xml``, ``tei``, ``csv``).

    ``base_url`` resolves relative links and images (default: the document's URL).
    ``with_markdown`` adds a ``markdown`` key to the JSON. Raises ``ValueError`` for an
    unknown format.
    """
    options = options or DEFAULT_OPTIONS
    base = base_url or document.url
    if fmt == "json" and with_markdown:
        return render_json(document, markdown=document_markdown(document, options, base))
    return get_format(fmt).render(document, options, base)


def get_format(name: str) -> OutputFormat:
    """The registered format called ``name``; ``ValueError`` naming the known ones."""
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(REGISTRY)
        raise ValueError(f"unknown format {name!r}: expected one of {known}") from None


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


def document_csv(document: Record, options: Options, base_url: str | None) -> str:
    """A CSV file of one document: the header, then its record."""
    return csv_header() + csv_row(document, document_text(document, options))


REGISTRY: Final[Mapping[str, OutputFormat]] = MappingProxyType(
    {
        spec.name: spec
        for spec in (
            OutputFormat(
                "text",
                ".txt",
                "text/plain",
                "the main text, one block per line",
                lambda document, options, _: document_text(document, options),
            ),
            OutputFormat(
                "markdown", ".md", "text/markdown", "GitHub-flavoured Markdown", document_markdown
            ),
            OutputFormat(
                "json",
                ".json",
                "application/json",
                "every field as one JSON object",
                lambda document, _options, _base: render_json(document),
            ),
            OutputFormat("html", ".html", "text/html", "a clean, safe reader view", document_html),
            OutputFormat("xml", ".xml", "application/xml", "trafilatura-style XML", document_xml),
            OutputFormat("tei", ".tei.xml", "application/tei+xml", "XML-TEI P5", document_tei),
            OutputFormat(
                "csv",
                ".csv",
                "text/csv",
                "one row per document: url, title, author, date, language, text",
                document_csv,
                record=lambda document, options, _: csv_row(
                    document, document_text(document, options)
                ),
                header=csv_header(),
            ),
        )
    }
)
"""Every output format by name, in the order ``--help`` lists them."""
