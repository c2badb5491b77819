"""Repair stage: fix mojibake baked into the text. Interim: no repairs yet."""

from __future__ import annotations


def repair_text(text: str) -> str:
    """Return ``text`` with mojibake repaired; clean text comes back unchanged."""
    return text
