"""Select stage (interim): the whole body."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html as lxml_html

from .document import RelatedLink


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule's effect on a block: its name, score delta and a short detail."""

    rule: str
    delta: float
    detail: str = ""


@dataclass(frozen=True, slots=True)
class BlockVerdict:
    """Why a block was kept or dropped."""

    path: str
    text: str
    kept: bool
    score: float
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class Selection:
    """The selected article, the verdict on every block, and the teaser links found."""

    content: lxml_html.HtmlElement | None
    verdicts: tuple[BlockVerdict, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    comments: lxml_html.HtmlElement | None = None
    confidence: float = 0.0
    notes: tuple[str, ...] = field(default=())


def select_content(root: lxml_html.HtmlElement) -> Selection:
    body = root.find("body")
    return Selection(content=body if body is not None else root, confidence=0.0)
