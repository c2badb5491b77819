"""The result of ``extract``: the page's metadata plus its main content."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from .metadata import Metadata
from .options import Options, with_overrides
from .render import render_document
from .render.as_json import document_to_dict


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """One item of a teaser block ("Top Stories", "Related"): a link to another page."""

    title: str
    url: str
    section: str = ""
    """The heading the item stood under, e.g. ``"Top Stories"``; empty when there was none."""
    blurb: str = ""
    """The item's text beside its headline (the standfirst of the linked story); empty
    when the item is the headline alone."""


@dataclass(frozen=True)
class Document(Metadata):
    """An extracted page. ``text`` is empty when the page has no main content."""

    text: str = ""
    comments: str = ""
    """The page's comment section as text (filled only with ``include_comments``)."""
    related: tuple[RelatedLink, ...] = ()
    encoding: str = "utf-8"
    """The encoding the input bytes were decoded with."""
    content: lxml_html.HtmlElement | None = field(default=None, repr=False, compare=False)
    """The selected article as a standalone element tree (what the renderers walk)."""

    def to_dict(self) -> dict[str, Any]:
        """Every field but ``content``, with JSON-friendly values and stable keys."""
        return document_to_dict(self)

    def to_markdown(self, options: Options | None = None, **overrides: Any) -> str:
        """The article as GFM Markdown; ``overrides`` as in ``extract`` (``include_links=True``)."""
        return self._render("markdown", options, overrides)

    def to_html(self, options: Options | None = None, **overrides: Any) -> str:
        """The article as a clean, safe HTML page (the reader view)."""
        return self._render("html", options, overrides)

    def to_json(self, options: Options | None = None, **overrides: Any) -> str:
        """Every field (as ``to_dict``) as one JSON object."""
        return self._render("json", options, overrides)

    def to_xml(self, options: Options | None = None, **overrides: Any) -> str:
        """The document as trafilatura-style XML (``<doc>`` with the metadata, ``<main>``)."""
        return self._render("xml", options, overrides)

    def to_tei(self, options: Options | None = None, **overrides: Any) -> str:
        """The document as a TEI P5 XML file (``teiHeader`` with the metadata, ``text/body``)."""
        return self._render("tei", options, overrides)

    def to_csv(self, options: Options | None = None, **overrides: Any) -> str:
        """A CSV file of this document: header, then url, title, author, date, language, text."""
        return self._render("csv", options, overrides)

    def _render(self, fmt: str, options: Options | None, overrides: dict[str, Any]) -> str:
        return render_document(self, fmt, with_overrides(options, overrides))

    def __getstate__(self) -> dict[str, Any]:
        """The fields, with ``content`` as XML: lxml elements do not pickle.

        XML, not HTML: it gives back the very tree (an ``<html>`` root, a ``<tr>`` outside
        a table, empty elements), where an HTML fragment parse rebuilds some of them
        differently or refuses them (a pickled ``<html>`` root failed to unpickle, and a
        process pool that received one died).
        """
        state = dict(self.__dict__)
        content = state.pop("content")
        state["_content_xml"] = (
            etree.tostring(content, encoding="unicode", with_tail=False)
            if content is not None
            else None
        )
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        content_xml = state.pop("_content_xml", None)
        content_html = state.pop("_content_html", None)  # pickled by an older version
        for key, value in state.items():
            object.__setattr__(self, key, value)
        content = None
        if content_xml:
            content = etree.fromstring(content_xml, _content_parser())
        elif content_html:
            content = lxml_html.fragment_fromstring(content_html)
        object.__setattr__(self, "content", content)


def _content_parser() -> etree.XMLParser:
    """An XML parser that makes HTML elements and reads nothing but the string."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False
    )
    parser.set_element_class_lookup(lxml_html.HtmlElementClassLookup())
    return parser
