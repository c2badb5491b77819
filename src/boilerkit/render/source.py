"""What the render stage reads of a whole document, as a structural type.

``Document`` renders itself (``Document.to_markdown`` calls ``render_document``), so
``document`` imports ``render``. Were ``render`` to import ``Document`` back, the two would
form an import cycle; instead it names here the fields it reads, and any ``Document``
(any frozen dataclass with these fields) fits. The dependency runs one way.
"""

from __future__ import annotations

from dataclasses import Field
from typing import Any, ClassVar, Protocol

from lxml import html as lxml_html


class Renderable(Protocol):
    """A document as the renderers see it: a dataclass with its content tree, its text and
    comments, and the metadata a page format prints (title, language, URL)."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def title(self) -> str | None: ...

    @property
    def language(self) -> str | None: ...

    @property
    def url(self) -> str | None: ...

    @property
    def text(self) -> str: ...

    @property
    def comments(self) -> str: ...

    @property
    def content(self) -> lxml_html.HtmlElement | None: ...
