"""The explain view: every candidate block, its score, and why it was kept or dropped."""

from __future__ import annotations

from dataclasses import dataclass

from .document import Document
from .selection.choose import BlockVerdict


@dataclass(frozen=True)
class Explanation:
    """The document plus the verdict on each block, in page order."""

    document: Document
    verdicts: tuple[BlockVerdict, ...]
    confidence: float
    notes: tuple[str, ...] = ()

    def lines(self, width: int = 60) -> list[str]:
        """One line per block: ``KEEP +3.5 div.body>p "Text..." rule +1.0, ...``."""
        out = [f"# confidence {self.confidence:.2f}"]
        out.extend(f"# {note}" for note in self.notes)
        for verdict in self.verdicts:
            preview = (
                verdict.text if len(verdict.text) <= width else verdict.text[: width - 3] + "..."
            )
            reasons = ", ".join(
                f"{r.rule} {r.delta:+.1f}" + (f" ({r.detail})" if r.detail else "")
                for r in verdict.reasons
            )
            out.append(
                f"{'KEEP' if verdict.kept else 'DROP'} {verdict.score:+.1f} {verdict.path} "
                f'"{preview}" {reasons}'.rstrip()
            )
        return out

    def to_html(self) -> str:
        """A self-contained HTML report: every block outlined kept (green) or dropped (red),
        its score and reasons beside it, and a summary on top (see ``render.explain_html``)."""
        from .render.explain_html import explanation_html

        return explanation_html(self.document, self.verdicts, self.confidence, self.notes)

    def __str__(self) -> str:
        return "\n".join(self.lines())
