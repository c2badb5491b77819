"""Parity: the parse stage's compiled pass over a page's bytes (``_plain.scan_markup``)
gives what its searches give (``parse.reference_scan``): on the fixtures, both corpora,
bytes drawn from what the pass looks at, and every character reference near a forbidden
one; and ``parse_html`` hands libxml2 the same bytes either way."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpora import CORPUS_NAMES
from boilerkit.page import parse
from boilerkit.selection import page_table
from tests.parity import EXAMPLES, SLUGS, compiled_only, corpus_pages, fixture_html


def _assert_same(data: bytes, label: str) -> None:
    scan = page_table.compiled("scan_markup")
    assert scan is not None, "_plain is missing scan_markup: rebuild"
    assert scan(data) == parse.reference_scan(data), label


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_scan_equals_the_searches_on_fixture(slug: str) -> None:
    _assert_same(fixture_html(slug), slug)


@pytest.mark.corpus
@compiled_only
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_scan_equals_the_searches_on_corpus(name: str) -> None:
    for page in corpus_pages(name):
        _assert_same(page.html, f"{name}/{page.id}")


_PIECES = [
    b"<", b"class=", b"clas=", b"lass=", b"c", b"&", b"&#", b"&#x", b"&#X", b";", b" ",
    b"0", b"00", b"1", b"8", b"9", b"13", b"31", b"32", b"65534", b"65535", b"65536",
    b"b", b"F", b"fffe", b"FFFF", b"1f", b"20", b"a", b"\t", b"\n", b"\r", b"\x00", b"\x08",
    b"\x0b", b"\x0c", b"\x1f", b"\x7f", b"\xef", b"\xbf", b"\xbe", "\ufffe".encode(),
    "\uffff".encode(), "\ufffd".encode(), "é".encode(),
]  # fmt: skip


@compiled_only
@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=40))
def test_scan_equals_the_searches_on_generated_bytes(pieces: list[bytes]) -> None:
    _assert_same(b"".join(pieces), repr(pieces))


@compiled_only
@pytest.mark.parametrize("hexadecimal", [False, True])
def test_every_reference_up_to_past_the_last_forbidden_one(hexadecimal: bool) -> None:
    """Every value to 0x10010 (the last forbidden is 0xFFFF), with and without leading
    zeros, at the end and before a letter: each flagged exactly when the regex finds it."""
    scan = page_table.compiled("scan_markup")
    assert scan is not None
    flagged = 0
    for value in range(0x10010):
        digits = f"{value:x}" if hexadecimal else str(value)
        mark = "x" if hexadecimal else ""
        for reference in (f"&#{mark}{digits}", f"&#{mark}00{digits};", f"&#{mark}{digits}g"):
            data = f"<p>a{reference}".encode()
            found = parse._NOT_XML_REF.search(data) is not None
            assert scan(data)[2] == found, reference
            flagged += found
    assert flagged == 3 * 30  # 1-8, 11, 12, 14-31, 65534, 65535: three writings each


@pytest.mark.parametrize(
    "page",
    [
        "<p class=a>plain</p>",
        "<p>caf\u00e9 &#8217; &#x2019;</p>",
        "<p>bell \x07 here</p>",
        "<p>&#1; and &#x1F;</p>",
        "<p>non-character \ufffe</p>",
        "<p>nothing &#13; &#x9; &#0;</p>",
    ],
)
def test_parse_reads_the_same_bytes_compiled_and_pure(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    utf8 = page.encode()
    compiled = parse.parse_html(page, utf8=utf8)
    monkeypatch.setenv("BOILERKIT_PURE", "1")
    pure = parse.parse_html(page, utf8=utf8)
    assert compiled.markup == pure.markup == parse.Markup(page.count("<"), page.count("class="))
    text = re.sub(r"\s+", " ", compiled.root.text_content())
    assert text == re.sub(r"\s+", " ", pure.root.text_content())
    assert text == re.sub(r"\s+", " ", parse.parse_html(page).root.text_content())
