"""The contract at the library's boundary: typed errors, clean values, pickling.

``extract`` returns a ``Document`` or raises a ``BoilerkitError``; an exception of a
dependency inside a stage leaves as a ``StageError`` naming the stage (``pipeline.stage``);
every string of a ``Document`` is clean Unicode without control characters and every
date valid ISO 8601 (``hygiene``); a ``Document`` survives pickling, also through a
process pool.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import boilerkit
from boilerkit import StageError, pipeline
from boilerkit.hygiene import clean_string, iso_date
from boilerkit.metadata.dates import parse_date

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*/source.html"))
ARTICLE = (
    "<html><head><title>T</title></head><body><article><h1>Heading</h1>"
    + "<p>First paragraph of the article, long enough to be kept as main text.</p>" * 3
    + "</article></body></html>"
)

# --- Every stage's failure is a StageError naming it ----------------------------------

STAGES = [
    ("decode_html", "decode", b"<p>x</p>"),
    ("parse_html", "parse", ARTICLE),
    ("repair_tree", "repair", ARTICLE),
    ("extract_metadata", "metadata", ARTICLE),
    ("clean_tree", "clean", ARTICLE),
    ("select_content", "select", ARTICLE),
    ("ask_second_opinion", "second opinion", "<div><p>short</p><p>bits</p></div>"),
    ("render_text", "render", ARTICLE),
    ("finalize_metadata", "render", ARTICLE),
]


@pytest.mark.parametrize(("function", "stage", "html"), STAGES, ids=[s[0] for s in STAGES])
def test_a_failing_stage_raises_a_stage_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, function: str, stage: str, html: bytes | str
) -> None:
    original = RuntimeError("a dependency broke")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise original

    monkeypatch.setattr(pipeline, function, broken)
    monkeypatch.setattr(pipeline, "_unsure", lambda *args: True)  # always ask the second opinion
    with pytest.raises(StageError) as caught:
        boilerkit.extract(html, time_budget=None)
    assert caught.value.stage == stage
    assert caught.value.__cause__ is original
    assert isinstance(caught.value, boilerkit.BoilerkitError)


def test_stage_errors_keep_their_type_through_pickling() -> None:
    error = StageError("parse", MemoryError("out"))
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, StageError)
    assert again.stage == "parse"
    assert str(again) == str(error)


def test_library_errors_pass_the_boundary_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_large(*args: Any, **kwargs: Any) -> Any:
        raise boilerkit.InputTooLargeError("dense")

    monkeypatch.setattr(pipeline, "parse_html", too_large)
    with pytest.raises(boilerkit.InputTooLargeError):
        boilerkit.extract(ARTICLE)


# --- Dates are valid ISO 8601 or None ----------------------------------------------------


def test_one_bad_stamp_does_not_fail_the_page() -> None:
    doc = boilerkit.extract(
        b"<meta property=article:published_time content=2020-01-02T01:00:00Z>"
        b"<time datetime=2020-01-01T20:00:99>x</time>"
    )
    assert doc.date is not None
    datetime.fromisoformat(doc.date)


@pytest.mark.parametrize(
    "stamp",
    ["2020-01-01T20:00:99", "2020-01-01T20:00:60", "2020-01-01T20:00:00+99:00"],
)
def test_a_lone_bad_time_keeps_only_its_day(stamp: str) -> None:
    assert parse_date(stamp) == "2020-01-01"
    doc = boilerkit.extract(f"<time datetime={stamp}>x</time>")
    assert doc.date == "2020-01-01"


def test_a_date_field_that_is_not_iso_is_dropped() -> None:
    assert iso_date("2020-01-01T20:00:99") is None
    assert iso_date("2020-13-01") is None
    assert iso_date("2020-01-01") == "2020-01-01"
    assert iso_date("2020-01-01T20:00:00+02:00") == "2020-01-01T20:00:00+02:00"


def test_a_date_value_over_a_few_hundred_characters_is_not_read() -> None:
    assert parse_date("2020-01-01 " + "x" * 400) is None


# --- Strings are clean Unicode without control characters --------------------------------

HOSTILE_JSONLD = (
    '<script type="application/ld+json">{"@type": "NewsArticle",'
    ' "headline": "\\ud800Head\\u001b]0;owned\\u0007line",'
    ' "author": {"@type": "Person", "name": "Jane\\u009b31m Doe\\ud83d"},'
    ' "publisher": {"name": "Site\\u0000\\u001b[2J"}, "description": "d\\u0085e\\rs",'
    ' "datePublished": "2020-01-01T20:00:99"}</script>'
)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


def assert_clean(doc: boilerkit.Document) -> None:
    for text in _strings(doc.to_dict()):
        text.encode("utf-8")  # no lone surrogate
        assert not [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]
    for field in (doc.date, doc.date_modified):
        if field is not None:
            (date.fromisoformat if len(field) == 10 else datetime.fromisoformat)(field)


def test_surrogates_and_terminal_escapes_in_json_ld_leave_clean() -> None:
    doc = boilerkit.extract(HOSTILE_JSONLD + ARTICLE)
    assert_clean(doc)
    assert doc.title is not None and "Head" in doc.title and "\x1b" not in doc.title
    json.loads(doc.to_json())
    doc.to_json().encode("utf-8")


def test_clean_string_keeps_newlines_and_tabs_only() -> None:
    assert clean_string("a\tb\nc") == "a\tb\nc"
    assert clean_string("a\x1b]0;x\x07b\x9bc\rd\x0be") == "a]0;xbc d e"
    assert clean_string("\ud800x") == "\ufffdx"


def test_a_line_of_control_characters_goes_with_them() -> None:
    """Found by hypothesis (``the<div>\x7f</div>``): the text must not end in an empty line."""
    assert clean_string("the\n\x7f") == "the"
    assert clean_string("a\n\x01\x7f\nb") == "a\nb"
    assert clean_string("a\n\n\x7fb") == "a\n\nb"  # a blank line that was blank stays
    assert clean_string("the \x7f") == "the"
    assert clean_string("    \x7fcode") == "    code"  # indentation that was there stays
    assert boilerkit.extract("<p>the</p><div>\x7f</div>", fallback=False).text == "the"


# --- Pickling -----------------------------------------------------------------------------


def _equal(doc: boilerkit.Document, again: boilerkit.Document) -> bool:
    content = (doc.content is None and again.content is None) or (
        doc.content is not None
        and again.content is not None
        and etree.tostring(doc.content) == etree.tostring(again.content)
    )
    return again == doc and content and again.to_markdown() == doc.to_markdown()


def test_document_with_html_root_pickles() -> None:
    doc = boilerkit.extract("<p>" + "Paragraph directly in the body, long enough. " * 5)
    again = pickle.loads(pickle.dumps(doc))
    assert _equal(doc, again)


@pytest.mark.parametrize("source", FIXTURES, ids=[p.parent.name for p in FIXTURES])
def test_fixture_documents_pickle_with_equal_fields(source: Path) -> None:
    doc = boilerkit.extract(source.read_bytes(), time_budget=None)
    assert _equal(doc, pickle.loads(pickle.dumps(doc)))


def _extract_file(path: str) -> boilerkit.Document:
    return boilerkit.extract(Path(path).read_bytes(), time_budget=None)


def test_documents_come_back_from_a_process_pool() -> None:
    paths = [str(p) for p in FIXTURES]
    extract: Callable[[str], boilerkit.Document] = _extract_file
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = list(pool.map(extract, paths))
    for path, doc in zip(paths, pooled, strict=True):
        assert _equal(_extract_file(path), doc)
