"""Document-level rendering: what belongs to the page around the content tree."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

import boilerkit
from boilerkit import Options
from boilerkit.render import FORMATS, render_document


def document(**fields: object) -> boilerkit.Document:
    content = lxml_html.fragment_fromstring(
        "<h2>Sub</h2><p>Body text.</p><table><tr><td>a</td><td>b</td></tr>"
        "<tr><td>1</td><td>2</td></tr></table>",
        create_parent="div",
    )
    return boilerkit.Document(text="Sub\nBody text.\na b\n1 2", content=content, **fields)  # type: ignore[arg-type]


def test_text_is_the_extracted_text_unless_options_change_it() -> None:
    doc = document()
    assert render_document(doc, "text") == doc.text
    assert render_document(doc, "text", Options(include_tables=False)) == "Sub\nBody text."


def test_comments_follow_the_article_only_when_asked() -> None:
    doc = document(comments="First *comment*.\nSecond one.")
    assert "comment" not in doc.to_markdown()
    markdown = doc.to_markdown(include_comments=True)
    assert markdown.endswith("---\n\nFirst \\*comment\\*.\n\nSecond one.")
    html = doc.to_html(include_comments=True)
    assert '<section class="comments"><p>First *comment*.</p><p>Second one.</p></section>' in html
    assert render_document(doc, "text", Options(include_comments=True)).endswith(
        "1 2\nFirst *comment*.\nSecond one."
    )


def test_html_page_has_title_heading_once() -> None:
    assert "<h1>Sub</h1>" not in document(title="Sub").to_html()
    page = document(title="Another title", language="pt-BR").to_html()
    assert '<html lang="pt-BR">' in page and "<h1>Another title</h1><h2>Sub</h2>" in page


def test_every_format_renders_an_empty_document() -> None:
    for fmt in FORMATS:
        assert isinstance(render_document(boilerkit.Document(), fmt), str)
    with pytest.raises(ValueError, match="unknown format"):
        render_document(boilerkit.Document(), "pdf")
