"""JSON: every ``Document`` field with stable keys."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..document import Document


def document_to_dict(document: Document) -> dict[str, Any]:
    """The document's fields (not the content tree) as JSON-ready values."""
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
