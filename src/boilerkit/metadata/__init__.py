"""Metadata stage: title, authors, dates, site name, language and more.

``extract_metadata`` reads the parsed page *before* cleaning and never mutates it;
``finalize_metadata`` completes it from the selected text. Sources and their order:
``priorities.PRIORITIES`` (and ``docs/metadata.md``).
"""

from __future__ import annotations

from .extract import extract_metadata, finalize_metadata
from .model import Metadata

__all__ = ["Metadata", "extract_metadata", "finalize_metadata"]
