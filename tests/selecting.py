"""The selection tests' one helper: a body fragment through clean and select, as text."""

from __future__ import annotations

from lxml import html as lxml_html

from boilerkit.page.clean import clean_tree
from boilerkit.render.text import render_text
from boilerkit.selection.choose import select_content


def selected_text(body: str) -> str:
    """The text selection keeps of ``<html><body>{body}</body></html>``, after clean."""
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    clean_tree(root)
    selection = select_content(root)
    assert selection.content is not None
    return render_text(selection.content)
