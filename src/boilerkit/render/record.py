"""What the record formats (XML, XML-TEI, CSV) read of a document, as a structural type.

``Renderable`` (``source``) names what the page formats read; these formats print every
metadata field as well, so ``Record`` adds them. Any ``Document`` fits both, and ``render``
never imports ``document`` (see ``source``). ``render_document`` takes a ``Record``, since
any format may be asked for.
"""

from __future__ import annotations

from typing import Protocol

from .source import Renderable


class Record(Renderable, Protocol):
    """A document as the XML, TEI and CSV formats see it: all its metadata as well."""

    @property
    def author(self) -> str | None: ...
    @property
    def authors(self) -> tuple[str, ...]: ...
    @property
    def date(self) -> str | None: ...
    @property
    def date_modified(self) -> str | None: ...
    @property
    def sitename(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def image(self) -> str | None: ...
    @property
    def categories(self) -> tuple[str, ...]: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def license(self) -> str | None: ...
    @property
    def page_type(self) -> str: ...
