"""What the caller asks for: the knobs of ``extract`` that are about output, not tuning.

Tuning numbers (scores, thresholds) live in ``weights.Weights``; this module holds only
what a user chooses per call. Override with ``dataclasses.replace`` or keyword arguments
to ``extract``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .weights import Weights

Favor = Literal["balanced", "precision", "recall"]


@dataclass(frozen=True, slots=True)
class Options:
    """Per-call choices. Every default is what most users want."""

    include_comments: bool = False
    """Append the page's comment section to the text (it is always kept out otherwise)."""
    include_tables: bool = True
    """Keep tables that belong to the article."""
    include_links: bool = False
    """Render links (Markdown/HTML output); the plain text never carries URLs."""
    include_images: bool = False
    """Render images as ``![alt](src)`` in Markdown and ``<img>`` in HTML."""
    include_formatting: bool = False
    """Keep emphasis (bold/italic) in Markdown output."""
    favor: Favor = "balanced"
    """``precision`` drops borderline blocks, ``recall`` keeps them."""
    fallback: bool = True
    """Ask trafilatura for a second opinion when our own selection has low confidence."""
    max_bytes: int = 64 * 1024 * 1024
    """Larger inputs raise ``InputTooLargeError`` instead of being parsed."""
    time_budget: float | None = 30.0
    """Seconds one document may take; ``None`` for no limit."""
    weights: Weights = Weights()  # noqa: RUF009 (frozen, so one shared default is safe)
    """The scoring table; tune with ``dataclasses.replace(Weights(), ...)``."""

    @property
    def scale(self) -> float:
        """How hard block costs and link penalties bite, from ``favor``."""
        if self.favor == "precision":
            return self.weights.precision_scale
        if self.favor == "recall":
            return self.weights.recall_scale
        return 1.0
