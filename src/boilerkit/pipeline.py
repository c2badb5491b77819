"""The pipeline: decode, parse, repair, metadata, clean, select (coarse for huge pages),
second opinion, render.

Also the library's boundary: each stage runs inside ``stage(name)``, where any exception
that is not a ``BoilerkitError`` (an lxml error, a trafilatura bug, a ``MemoryError``)
becomes a ``StageError`` naming the stage, and the document leaves through
``hygiene.clean_fields``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from lxml import etree

from . import budget
from .document import Document
from .encoding import bigrams, text_stats
from .encoding.decode import decode_html
from .encoding.repair import compose, compose_tree, repair_tree
from .errors import BoilerkitError, StageError
from .hygiene import clean_fields
from .metadata import Metadata, extract_metadata, finalize_metadata
from .metadata.jsonld import article_body
from .options import Options
from .page import guard
from .page.clean import Removal, clean_tree
from .page.paragraphs import is_pre_css
from .page.parse import ParsedPage, parse_html
from .render.text import render_text
from .selection.choose import Selection, select_content, with_comments
from .selection.coarse import coarse_selection, coarse_text, is_large
from .selection.second_opinion import (
    SECOND_OPINION_MAX_CHARS,
    ask_second_opinion,
    prefer_article_body,
)

_COUNT_ELEMENTS = etree.XPath("count(//*)")


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the pipeline hands the API: the document and the selection behind it."""

    document: Document
    selection: Selection


def run(
    html: bytes | str,
    *,
    url: str | None,
    content_type: str | None,
    options: Options,
    explain: bool = False,
) -> Extraction:
    """Run every stage on one page within ``options.time_budget`` (see ``budget``)."""
    deadline = budget.Deadline(options.time_budget)
    with budget.active(deadline), stage("pipeline"):
        return _run(
            html,
            url=url,
            content_type=content_type,
            options=options,
            deadline=deadline,
            explain=explain,
        )


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Run a stage; any exception but a ``BoilerkitError`` leaves as a ``StageError``.

    The one ``except Exception`` of the library (the CLI's edge aside): a stage catches
    only the errors it expects, and whatever else a dependency raises is a bug that must
    not take a crawl down with it. Nested stages name the innermost one.
    """
    try:
        yield
    except BoilerkitError:
        raise
    except Exception as error:  # the boundary: see the docstring
        raise StageError(name, error) from error


def _run(
    html: bytes | str,
    *,
    url: str | None,
    content_type: str | None,
    options: Options,
    deadline: budget.Deadline,
    explain: bool,
) -> Extraction:
    """Run every stage on one page."""
    with stage("decode"):
        guard.check_size(html, options.max_bytes)
        guard.check_signature(html)
        utf8 = None  # the page's bytes, when they are the decoded text's UTF-8
        if isinstance(html, bytes):
            tuning = options.weights
            decoded = decode_html(html, content_type, tuning.decode, tuning.plausibility)
            text, encoding = decoded.text, decoded.encoding
            utf8 = html if decoded.verbatim else None
        else:
            text, encoding = html, "unicode"
        guard.check_text(text, utf8)
    deadline.check("decode")
    with stage("parse"):
        page = parse_html(text, url, utf8=utf8)
        deadline.check("parse")
        large = is_large(page.root, len(text))  # the element count of a page past the limit
    with stage("repair"):
        repair_tree(page.root, options.weights.repair, options.weights.plausibility)
    deadline.check("repair")
    with stage("metadata"):
        metadata = extract_metadata(page.root, url, search_body=not large)
        body = article_body(page.root) if not large and "articleBody" in text else None
    deadline.check("metadata")
    with stage("clean"):
        pre_css = not large and is_pre_css(page.markup, options.weights.pre_css_class_share)
        removed: list[Removal] | None = [] if explain else None
        clean_tree(page.root, paragraphs=pre_css, removed=removed)
    deadline.check("clean")
    with stage("select"):
        selection = _select(page, large, metadata, options, explain)
        if removed:
            notes = (*map(str, removed), *selection.notes)
            selection = dataclasses.replace(selection, notes=notes)
    deadline.check("select")
    if (
        options.fallback
        and not large
        and len(text) <= SECOND_OPINION_MAX_CHARS
        and _unsure(selection, metadata, options)
    ):
        with stage("second opinion"):
            selection = ask_second_opinion(
                text,
                selection,
                page.root,
                elements=int(_COUNT_ELEMENTS(page.root)),
                listing=selection.content is None and bool(selection.related),
                weights=options.weights,
                seconds_left=deadline.remaining(),
            )
        deadline.check("second opinion")
    if body is not None:
        with stage("article body"):
            selection = prefer_article_body(selection, body, options.weights)
    with stage("render"):
        return _extraction(selection, metadata, options, large=large, encoding=encoding)


def preload(options: Options) -> None:
    """Build now what extraction otherwise builds on first need, once per process: the
    bigram and CJK tables repair reads and trafilatura's modules (the second opinion's),
    0.1-0.15 s in all. A batch's parent calls this before forking its workers, so they
    share one copy instead of each building its own (0.15-0.25 CPU s less on 300 pages
    at ``-j 2``)."""
    bigrams._frequencies()  # and the tables it is read from
    text_stats.cjk_tiers()
    text_stats.top_chars()
    if options.fallback:
        import trafilatura  # noqa: F401  (deferred in ``second_opinion``; loaded here)


def _select(
    page: ParsedPage, large: int, metadata: Metadata, options: Options, explain: bool
) -> Selection:
    """Block selection, or the coarse one on a page past ``LARGE_PAGE_ELEMENTS``."""
    if large:
        return coarse_selection(page.root, large)
    return select_content(
        page.root,
        weights=options.weights,
        base_url=page.base_url,
        include_comments=options.include_comments,
        scale=options.scale,
        title=metadata.title,
        signed=bool(metadata.author or metadata.date),
        explain=explain,
    )


def _extraction(
    selection: Selection, metadata: Metadata, options: Options, *, large: int, encoding: str
) -> Extraction:
    """The rendered document of ``selection``, every value clean (``hygiene``)."""
    comments = render_text(selection.comments)
    if selection.comments is not None and selection.content is not None:
        selection = with_comments(selection)
    main_text = coarse_text(selection.content) if large else render_text(selection.content)
    if compose(main_text) is not main_text or compose(comments) is not comments:
        compose_tree(selection.content)  # the rare page not in NFC: every output composed
        compose_tree(selection.comments)
        comments = render_text(selection.comments)
        main_text = coarse_text(selection.content) if large else render_text(selection.content)
    metadata = _composed(metadata)
    metadata = finalize_metadata(
        metadata,
        main_text,
        teaser_links=len(selection.related),
        weights=options.weights.page_type,
        listing=selection.content is None and bool(selection.related),
    )
    document = Document(
        **{f.name: getattr(metadata, f.name) for f in dataclasses.fields(metadata)},
        text=main_text,
        comments=comments,
        related=selection.related,
        encoding=encoding,
        content=selection.content,
    )
    return Extraction(document=clean_fields(document), selection=selection)


def _composed(metadata: Metadata) -> Metadata:
    """``metadata`` with its strings in NFC (see ``repair.compose``)."""
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(metadata):
        value = getattr(metadata, field.name)
        if isinstance(value, str):
            composed = compose(value)
            if composed is not value:
                changes[field.name] = composed
        elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            composed_items = tuple(compose(v) for v in value)
            if composed_items != value:
                changes[field.name] = composed_items
    return dataclasses.replace(metadata, **changes) if changes else metadata


def _unsure(selection: Selection, metadata: Metadata, options: Options) -> bool:
    """Whether our selection is doubtful enough to ask trafilatura's second opinion.

    Either we chose content with low confidence, or we found no article on a page whose
    publisher declares one (og:type or JSON-LD): there, "a listing" is our mistake more
    often than theirs.
    """
    if selection.content is not None:
        return selection.confidence < options.weights.low_confidence
    return metadata.page_type == "article" and metadata.page_type_confidence >= 1.0
