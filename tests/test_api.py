"""The public API: what ``import boilerkit`` offers and its basic contract."""

from __future__ import annotations

import pickle
import pkgutil

import pytest

import boilerkit


def test_all_is_complete() -> None:
    """Every public name of the package is in ``__all__`` (submodules aside)."""
    submodules = {info.name for info in pkgutil.iter_modules(boilerkit.__path__)}
    public = {name for name in dir(boilerkit) if not name.startswith("_")}
    assert public - submodules - {"annotations"} <= set(boilerkit.__all__)
    for name in boilerkit.__all__:
        assert hasattr(boilerkit, name)


def test_extract_returns_article_text() -> None:
    html = (
        b"<html><head><title>A title</title></head>"
        b"<body><article><p>Hello, world.</p></article></body></html>"
    )
    doc = boilerkit.extract(html)
    assert doc.text == "Hello, world."
    assert doc.title == "A title"


def test_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        boilerkit.extract("<p>x</p>", no_such_option=True)


def test_error_tree() -> None:
    assert issubclass(boilerkit.ExtractionError, boilerkit.BoilerkitError)
    assert issubclass(boilerkit.BoilerkitError, ValueError)
    with pytest.raises(boilerkit.InputTooLargeError):
        boilerkit.extract(b"<p>" + b"x" * 100 + b"</p>", max_bytes=50)


def test_document_pickles_with_content() -> None:
    doc = boilerkit.extract("<html><body><article><p>Some text here.</p></article></body></html>")
    clone = pickle.loads(pickle.dumps(doc))
    assert clone == doc
    assert clone.content is not None


def test_text_is_composed_unicode_without_soft_hyphens() -> None:
    # "য়" as two code points (U+09AF U+09BC) in the title, as one (U+09DF) in the text;
    # "é" decomposed; soft hyphens that only mark where a word may break.
    html = (
        "<html><head><title>কুষ্টিয়া e\u0301t\u00e9</title></head><body><article>"
        "<p>কুষ্টি\u09dfা-১ (দৌলতপুর). Cafe\u0301 im Mit&shy;tel&shy;al\u00adter.</p>"
        "</article></body></html>"
    )
    doc = boilerkit.extract(html.encode())
    assert doc.title == "কুষ্টি\u09af\u09bcা \u00e9t\u00e9"
    assert doc.text == "কুষ্টি\u09af\u09bcা-১ (দৌলতপুর). Caf\u00e9 im Mittelalter."
    markdown = boilerkit.render_document(doc, "markdown")
    assert "Caf\u00e9 im Mittelalter." in markdown


def test_combining_solidus_after_markup_leaves_the_page_as_it_is() -> None:
    # NFC would compose ">" and U+0338 into "≯" and break the tag before it.
    doc = boilerkit.extract("<html><body><article><p>a<b>b</b>\u0338 c.</p></article></body>")
    assert doc.text == "ab\u0338 c."
