"""Threads, processes and run order never change a result.

``extract`` keeps no mutable global state: parsers are made per call, the time budget
lives in a context variable reset after each call. These tests hold that on real pages
(a sample of both corpora here; every page in benchmarks/bench_robustness.py).
"""

from __future__ import annotations

import functools
import gzip
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import boilerkit

DATASETS = Path(
    os.environ.get(
        "BOILERKIT_DATASETS", Path(__file__).resolve().parents[2] / "shared" / "datasets"
    )
)
SAMPLE = int(os.environ.get("BOILERKIT_CONCURRENCY_PAGES", "24"))


def corpus_sample(limit: int) -> list[bytes]:
    """Every n-th page of both corpora, ``limit`` pages in all (none without the corpora)."""
    files = sorted((DATASETS / "trafilatura-eval" / "pages").glob("*.html.gz"))
    files += sorted((DATASETS / "readability-test-pages").glob("*/source.html.gz"))
    if not files:
        return []
    step = max(1, len(files) // limit)
    return [gzip.decompress(path.read_bytes()) for path in files[::step][:limit]]


PAGES = corpus_sample(SAMPLE)
needs_corpus = pytest.mark.skipif(not PAGES, reason=f"corpora not found under {DATASETS}")


def outcome(html: bytes) -> dict[str, Any] | str:
    """Everything ``extract`` says about a page, comparable with ``==``."""
    try:
        return boilerkit.extract(html, time_budget=None).to_dict()
    except boilerkit.BoilerkitError as error:
        return f"{type(error).__name__}: {error}"


@pytest.mark.corpus
@needs_corpus
def test_eight_threads_match_sequential() -> None:
    sequential = [outcome(page) for page in PAGES]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(outcome, PAGES * 2))
    assert threaded[: len(PAGES)] == sequential
    assert threaded[len(PAGES) :] == sequential


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of fresh interpreters: ``fork`` after threads have run can deadlock a child."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


@pytest.mark.corpus
@needs_corpus
def test_process_pool_matches_sequential() -> None:
    pages = [page for page in PAGES[:8] if isinstance(outcome(page), dict)]
    extract = functools.partial(boilerkit.extract, time_budget=None)
    with process_pool(2) as pool:
        docs = list(pool.map(extract, pages))
    assert [doc.to_dict() for doc in docs] == [outcome(page) for page in pages]


def test_documents_cross_process_boundaries() -> None:
    html = b"<html><body><article><p>Text for a process pool.</p></article></body></html>"
    with process_pool(1) as pool:
        doc = pool.submit(boilerkit.extract, html).result()
    assert doc == boilerkit.extract(html)
    assert doc.content is not None


@pytest.mark.corpus
@needs_corpus
def test_run_order_does_not_matter() -> None:
    first = [outcome(page) for page in PAGES[:6]]
    reverse = [outcome(page) for page in reversed(PAGES[:6])]
    assert first == list(reversed(reverse))


@pytest.mark.corpus
@needs_corpus
def test_byte_identical_text_across_runs() -> None:
    for page in PAGES[:6]:
        runs = {boilerkit.extract(page, time_budget=None).text.encode("utf-8") for _ in range(3)}
        assert len(runs) == 1


def test_a_spent_budget_in_one_thread_does_not_touch_others() -> None:
    html = (
        "<html><body><article><p>" + "Words of the article. " * 200 + "</p></article></body></html>"
    )

    def run(budget: float | None) -> str:
        try:
            return boilerkit.extract(html, time_budget=budget).text
        except boilerkit.TimeBudgetExceededError:
            return "timeout"

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, [1e-9, None] * 8))
    assert results[0::2] == ["timeout"] * 8
    assert all(text.startswith("Words of the article.") for text in results[1::2])
