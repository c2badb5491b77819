"""The pipeline: decode -> repair -> parse -> metadata -> clean -> select -> render."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .decode import decode_html
from .document import Document
from .errors import InputTooLargeError
from .metadata import extract_metadata
from .options import Options
from .parse import parse_html
from .clean import clean_tree
from .render.text import render_text
from .repair import repair_text
from .select import Selection, select_content


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the pipeline hands the API: the document and the selection behind it."""

    document: Document
    selection: Selection


def run(
    html: bytes | str,
    *,
    url: str | None,
    content_type: str | None,
    options: Options,
) -> Extraction:
    """Run every stage on one page."""
    if len(html) > options.max_bytes:
        raise InputTooLargeError(f"input is {len(html)} bytes, over max_bytes={options.max_bytes}")
    if isinstance(html, bytes):
        decoded = decode_html(html, content_type)
        text, encoding = decoded.text, decoded.encoding
    else:
        text, encoding = html, "unicode"
    text = repair_text(text)
    page = parse_html(text, url)
    metadata = extract_metadata(page.root, url)
    clean_tree(page.root)
    selection = select_content(page.root)
    document = Document(
        **{f.name: getattr(metadata, f.name) for f in dataclasses.fields(metadata)},
        text=render_text(selection.content),
        related=selection.related,
        encoding=encoding,
        content=selection.content,
    )
    return Extraction(document=document, selection=selection)
