"""Render stage: the selected content tree as text, Markdown, JSON or HTML."""

from __future__ import annotations

from .text import render_text

__all__ = ["render_text"]
