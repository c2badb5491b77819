"""The corpus loaders on a tiny corpus tree made here, so they are tested without the data."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from benchmarks.corpora import (
    READABILITY_PAGES,
    TRAFILATURA_EVAL,
    ReferencePage,
    SnippetPage,
    available,
    load_corpus,
)


def _write_gz(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data))


@pytest.fixture
def datasets(tmp_path: Path) -> Path:
    traf = tmp_path / TRAFILATURA_EVAL
    truth = {
        "b2": {"url": "https://b.example/", "with": ["Body"], "without": ["Menu"], "title": "B"},
        "a1": {"url": "https://a.example/", "with": ["Caf\u00e9"], "without": []},
    }
    _write_gz(traf / "pages" / "a1.html.gz", "<p>Caf\u00e9</p>".encode("cp1252"))
    _write_gz(traf / "pages" / "b2.html.gz", b"<p>Body</p><nav>Menu</nav>")
    (traf / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    case = tmp_path / READABILITY_PAGES / "case-1"
    _write_gz(case / "source.html.gz", b"<html><body><p>Hello there</p></body></html>")
    _write_gz(case / "expected.html.gz", "<div><p>Hello</p>\n<p>th\u00e9re</p></div>".encode())
    (case / "expected-metadata.json").write_text('{"title": "Hi"}', encoding="utf-8")
    return tmp_path


def test_snippet_corpus_keeps_raw_bytes_and_id_order(datasets: Path) -> None:
    corpus = load_corpus(TRAFILATURA_EVAL, root=datasets)
    assert [p.id for p in corpus.pages] == ["a1", "b2"]
    first, second = corpus.pages
    assert isinstance(first, SnippetPage) and isinstance(second, SnippetPage)
    assert first.html == "<p>Caf\u00e9</p>".encode("cp1252")
    assert (second.expected, second.unwanted, second.truth["title"]) == (("Body",), ("Menu",), "B")


def test_reference_corpus_reads_the_expected_text(datasets: Path) -> None:
    (page,) = load_corpus(READABILITY_PAGES, root=datasets).pages
    assert isinstance(page, ReferencePage)
    assert page.id == "case-1"
    assert page.expected_text == "Hello\nth\u00e9re"
    assert page.metadata == {"title": "Hi"}


def test_digest_follows_content_and_limit(datasets: Path) -> None:
    digest = load_corpus(TRAFILATURA_EVAL, root=datasets).digest
    assert load_corpus(TRAFILATURA_EVAL, root=datasets).digest == digest
    assert load_corpus(TRAFILATURA_EVAL, root=datasets, limit=1).digest != digest
    _write_gz(datasets / TRAFILATURA_EVAL / "pages" / "b2.html.gz", b"<p>Body!</p>")
    assert load_corpus(TRAFILATURA_EVAL, root=datasets).digest != digest


def test_absent_corpora_are_reported_not_raised(tmp_path: Path) -> None:
    assert not available(TRAFILATURA_EVAL, tmp_path)
    assert not available(READABILITY_PAGES, tmp_path)


def test_unknown_corpus_name_is_an_error(datasets: Path) -> None:
    with pytest.raises(ValueError, match="unknown corpus"):
        load_corpus("nope", root=datasets)
