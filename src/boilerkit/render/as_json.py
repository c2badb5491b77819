"""JSON: every ``Document`` field with stable keys, plus the Markdown when asked for."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .source import Renderable


def document_to_dict(document: Renderable) -> dict[str, Any]:
    """The document's fields (not the content tree) as JSON-ready values, in field order."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(document):
        if f.name == "content":
            continue
        value = getattr(document, f.name)
        if f.name == "related":
            value = [dataclasses.asdict(link) for link in value]
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


def render_json(
    document: Renderable,
    *,
    markdown: str | None = None,
    extra: dict[str, Any] | None = None,
    indent: int | None = None,
) -> str:
    """The document as one JSON object: its fields, then ``markdown`` (when given) and ``extra``.

    Keys always come in the same order, so outputs diff and ``jq`` cleanly; non-ASCII
    text is written as it is, not as ``\\u`` escapes.
    """
    out = document_to_dict(document)
    if markdown is not None:
        out["markdown"] = markdown
    if extra:
        out.update(extra)
    return json.dumps(out, ensure_ascii=False, indent=indent)
