"""Parity: the compiled walk that finds the texts repair reads (``_front.foreign_texts``)
gives what its reference (``//text()`` filtered, and ``repair._skipped``) gives, on the
fixtures, both corpora and generated pages."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from benchmarks.corpora import CORPUS_NAMES
from boilerkit.encoding import repair
from boilerkit.encoding.decode import decode_html
from boilerkit.page.parse import parse_html
from boilerkit.selection import page_table
from tests.parity import (
    EXAMPLES,
    SLUGS,
    compiled_only,
    corpus_pages,
    fixture_html,
    tag_soup,
)


def _assert_same_texts(text: str, label: str, monkeypatch: pytest.MonkeyPatch) -> None:
    root = parse_html(text).root
    assert page_table.compiled("foreign_texts") is not None, "_front is missing: rebuild"
    found = repair._foreign_texts(root)
    with monkeypatch.context() as patch:
        patch.setenv("BOILERKIT_PURE", "1")
        assert repair._foreign_texts(root) == found, label


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_foreign_texts_equal_reference_on_fixture(
    slug: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = fixture_html(slug)
    _assert_same_texts(decode_html(html).text, slug, monkeypatch)


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_foreign_texts_equal_reference_on_corpus(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for page in corpus_pages(name):
        _assert_same_texts(decode_html(page.html).text, f"{name}/{page.id}", monkeypatch)


@compiled_only
def test_skipped_texts_go_wherever_they_stand(monkeypatch: pytest.MonkeyPatch) -> None:
    """A script's text and a code block's tail stay out of the scan; the same string in a
    paragraph does too (the skipped texts are strings, as in the reference)."""
    text = (
        "<html><head><script>var é = 1;</script><title>Café</title></head><body>"
        "<p>var é = 1;</p><code>naïve<b>x</b>tail ü</code><p>tail ü</p><p>Ã©tÃ©</p>"
        "</body></html>"
    )
    _assert_same_texts(text, "hand-made", monkeypatch)
    assert repair._foreign_texts(parse_html(text).root) == ["Café", "Ã©tÃ©"]


_HTML = tag_soup(
    ("p", "div", "script", "style", "code", "template", "b", "pre"),
    ("", "class"),
    ("x", "café", "Ã©tÃ©", "naïve", "ü", "", "var é = 1;"),
)


@compiled_only
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(body=_HTML)
def test_foreign_texts_equal_reference_on_generated_pages(
    body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_same_texts(f"<html><body>{body}</body></html>", "generated", monkeypatch)
