"""Load the two development corpora from ``../shared/datasets`` as plain frozen records.

The corpora are data, not code: they live beside the repository, never inside it, so the
loaders resolve them relative to the repository root (or ``$BOILERKIT_DATASETS``) and
report their absence instead of failing. Pages stay the raw bytes as fetched, because
decoding them is part of what is measured.

Each corpus carries a digest (sha256 over the sorted page ids, the page bytes and the
gold data) so that pinned quality floors are tied to one version of the corpus.

This module needs only the standard library and lxml, so the readability-lxml runner can
import it from its own virtual environment.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

REPO_ROOT = Path(__file__).resolve().parent.parent
TRAFILATURA_EVAL = "trafilatura-eval"
READABILITY_PAGES = "readability-test-pages"
CORPUS_NAMES = (TRAFILATURA_EVAL, READABILITY_PAGES)


@dataclass(frozen=True, slots=True)
class SnippetPage:
    """A trafilatura-eval page: snippets that must and must not appear in the text."""

    id: str
    url: str
    html: bytes = field(repr=False)
    expected: tuple[str, ...]
    """The ``with`` snippets: main text that must be in the output."""
    unwanted: tuple[str, ...]
    """The ``without`` snippets: boilerplate that must not be in the output."""
    truth: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """The whole truth record (title, author, date, ...) for the metadata benchmark."""


@dataclass(frozen=True, slots=True)
class ReferencePage:
    """A readability-test-pages page: the full article text Readability.js extracts."""

    id: str
    html: bytes = field(repr=False)
    expected_text: str = field(repr=False)
    metadata: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """``expected-metadata.json``: title, byline, excerpt, siteName, lang, ..."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """One corpus: its name, its pages in id order and the digest of its content."""

    name: str
    pages: tuple[SnippetPage | ReferencePage, ...]
    digest: str


def datasets_dir() -> Path:
    """Where the corpora live: ``$BOILERKIT_DATASETS`` or ``<repo>/../shared/datasets``."""
    override = os.environ.get("BOILERKIT_DATASETS")
    if override:
        return Path(override)
    return REPO_ROOT.parent / "shared" / "datasets"


def available(name: str, root: Path | None = None) -> bool:
    """Whether corpus ``name`` is present (tests skip, the benchmark says so, when not)."""
    base = (root or datasets_dir()) / name
    marker = "truth.json" if name == TRAFILATURA_EVAL else ""
    return (base / marker).exists() if marker else base.is_dir()


def _digest(items: Iterable[tuple[str, bytes, bytes]]) -> str:
    """sha256 over (id, page bytes, gold bytes) in id order, each part length-prefixed."""
    sha = hashlib.sha256()
    for page_id, html, gold in sorted(items, key=lambda item: item[0]):
        for part in (page_id.encode("utf-8"), html, gold):
            sha.update(len(part).to_bytes(8, "big"))
            sha.update(part)
    return sha.hexdigest()


def _select(ids: Iterable[str], limit: int | None) -> list[str]:
    ordered = sorted(ids)
    return ordered if limit is None else ordered[:limit]


def load_trafilatura_eval(root: Path | None = None, limit: int | None = None) -> Corpus:
    """Load trafilatura-eval: 990 pages, each with ``with``/``without`` snippets.

    ``limit`` keeps the first pages in id order (for quick runs); the digest then covers
    only those pages, so a limited run never matches pinned floors by accident.
    """
    base = (root or datasets_dir()) / TRAFILATURA_EVAL
    truth: dict[str, dict[str, Any]] = json.loads((base / "truth.json").read_bytes())
    pages: list[SnippetPage] = []
    digest_items: list[tuple[str, bytes, bytes]] = []
    for page_id in _select(truth, limit):
        record = truth[page_id]
        html = gzip.decompress((base / "pages" / f"{page_id}.html.gz").read_bytes())
        gold = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
        digest_items.append((page_id, html, gold))
        pages.append(
            SnippetPage(
                id=page_id,
                url=str(record.get("url", "")),
                html=html,
                expected=tuple(record.get("with", ())),
                unwanted=tuple(record.get("without", ())),
                truth=record,
            )
        )
    return Corpus(TRAFILATURA_EVAL, tuple(pages), _digest(digest_items))


def html_to_reference_text(data: bytes) -> str:
    """The text of an ``expected.html``, as the metric defines it: lxml's ``text_content``.

    Readability.js writes these files as UTF-8 without a charset declaration, so decode
    explicitly rather than let lxml guess.
    """
    text = data.decode("utf-8", errors="replace")
    if not text.strip():
        return ""
    return str(lxml_html.fromstring(text).text_content())


def load_readability_pages(root: Path | None = None, limit: int | None = None) -> Corpus:
    """Load readability-test-pages: 130 pages with the article Readability.js extracts."""
    base = (root or datasets_dir()) / READABILITY_PAGES
    names = [entry.name for entry in base.iterdir() if (entry / "source.html.gz").exists()]
    pages: list[ReferencePage] = []
    digest_items: list[tuple[str, bytes, bytes]] = []
    for name in _select(names, limit):
        folder = base / name
        html = gzip.decompress((folder / "source.html.gz").read_bytes())
        expected = gzip.decompress((folder / "expected.html.gz").read_bytes())
        meta_path = folder / "expected-metadata.json"
        metadata = json.loads(meta_path.read_bytes()) if meta_path.exists() else {}
        digest_items.append((name, html, expected))
        pages.append(
            ReferencePage(
                id=name,
                html=html,
                expected_text=html_to_reference_text(expected),
                metadata=metadata,
            )
        )
    return Corpus(READABILITY_PAGES, tuple(pages), _digest(digest_items))


def load_corpus(name: str, root: Path | None = None, limit: int | None = None) -> Corpus:
    """Load a corpus by name (one of ``CORPUS_NAMES``)."""
    if name == TRAFILATURA_EVAL:
        return load_trafilatura_eval(root, limit)
    if name == READABILITY_PAGES:
        return load_readability_pages(root, limit)
    raise ValueError(f"unknown corpus {name!r}; expected one of {', '.join(CORPUS_NAMES)}")
