"""What the parity tests share: each compiled pass is checked against its pure-Python twin
on every fixture, on both corpora and on random tag soup no one wrote by hand, built from a
vocabulary of tags, attributes and texts that the pass under test looks at."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import strategies as st
from lxml import html as lxml_html

from benchmarks.corpora import ReferencePage, SnippetPage, available, load_corpus
from boilerkit.encoding.decode import decode_html
from boilerkit.page.clean import clean_tree
from boilerkit.page.parse import parse_html
from boilerkit.selection import page_table

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SLUGS = sorted(p.name for p in FIXTURES.iterdir() if (p / "source.html").exists())
EXAMPLES = int(os.environ.get("BOILERKIT_PROPERTY_EXAMPLES", "200"))
"""Generated trees per property test (CI may raise it)."""

compiled_only = pytest.mark.skipif(
    not page_table.COMPILED and not os.environ.get("BOILERKIT_REQUIRE_COMPILED"),
    reason="the compiled walk is not built (python setup.py build_ext --inplace)",
)
"""Skips a parity test where no extension is built, unless CI says one must be."""


def fixture_html(slug: str) -> bytes:
    """A fixture page's bytes, as fetched."""
    return (FIXTURES / slug / "source.html").read_bytes()


def corpus_pages(name: str) -> tuple[SnippetPage | ReferencePage, ...]:
    """Every page of a development corpus; skips the calling test where it is absent."""
    if not available(name):
        pytest.skip(f"corpus {name} not found")
    return load_corpus(name).pages


def cleaned(html: bytes | str) -> lxml_html.HtmlElement:
    """A page as selection sees it: decoded, parsed and cleaned."""
    text = decode_html(html, None).text if isinstance(html, bytes) else html
    root = parse_html(text, None).root
    clean_tree(root)
    return root


def tag_soup(
    tags: Sequence[str],
    attributes: Sequence[str],
    texts: Sequence[str],
    *,
    max_depth: int = 5,
    attributes_per_tag: int = 2,
    comments: bool = False,
    tails: bool = True,
) -> st.SearchStrategy[str]:
    """Markup of up to four nodes per level, ``max_depth`` levels deep: texts, elements
    with ``attributes_per_tag`` attributes drawn from ``attributes`` (``""`` draws none),
    comments when asked, and a text after each element when ``tails``."""

    @st.composite
    def soup(draw: st.DrawFn, depth: int = 0) -> str:
        parts: list[str] = []
        for _ in range(draw(st.integers(0, 4 if depth < max_depth else 0))):
            kind = draw(st.integers(0, 5 if comments else 4))
            if kind == 5:
                parts.append("<!--c-->")
            elif kind <= 1:
                parts.append(draw(st.sampled_from(texts)))
            else:
                tag = draw(st.sampled_from(tags))
                attrs = "".join(
                    draw(st.sampled_from(attributes)) for _ in range(attributes_per_tag)
                )
                inner = draw(soup(depth + 1))
                tail = draw(st.sampled_from(texts)) if tails else ""
                parts.append(f"<{tag}{attrs}>{inner}</{tag}>{tail}")
        return "".join(parts)

    return soup()
