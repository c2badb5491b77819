"""Parity: the metadata stage's compiled walks (``_meta.page_sources``,
``_meta.body_texts``) give what their references (``meta_tags.reference_page_tags``,
``scan.reference_body_texts``) give, on the fixtures, both corpora and generated pages
made of what they look at."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from lxml import html as lxml_html

from benchmarks.corpora import CORPUS_NAMES
from boilerkit.encoding.decode import decode_html
from boilerkit.metadata import dates, meta_tags, scan
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


def _assert_same(root: lxml_html.HtmlElement, label: str) -> None:
    assert page_table.compiled("body_texts") is not None, "_meta is missing: rebuild"
    assert meta_tags.page_tags(root) == meta_tags.reference_page_tags(root), label
    for accept, kind, max_chars, limit in (
        (scan._opens_byline, scan.OPENING, 0, scan.MAX_BYLINE_TEXTS),
        (dates._is_dateline, scan.DATED, dates.MAX_YEAR_TEXT_CHARS, scan.MAX_SEARCH_TEXTS),
        (_any_year, scan.DATED, dates.MAX_YEAR_TEXT_CHARS, scan.MAX_SEARCH_TEXTS),
    ):
        found = scan.PageScan(root).texts_where(accept, kind, max_chars=max_chars, limit=limit)
        expected = scan.reference_body_texts(scan.PageScan(root), accept, limit)
        assert [(n.owner, n.text, n.is_tail) for n in found] == [
            (n.owner, n.text, n.is_tail) for n in expected
        ], label


def _any_year(text: str) -> bool:
    """What the compiled walk's ``DATED`` test must let through: short, with a year."""
    return len(text) <= dates.MAX_YEAR_TEXT_CHARS and dates._YEAR.search(text) is not None


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_meta_walks_equal_reference_on_fixture(slug: str) -> None:
    html = fixture_html(slug)
    _assert_same(parse_html(decode_html(html).text).root, slug)


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_meta_walks_equal_reference_on_corpus(name: str) -> None:
    for page in corpus_pages(name):
        _assert_same(parse_html(decode_html(page.html).text).root, f"{name}/{page.id}")


@compiled_only
def test_byline_texts_are_found_with_their_owners() -> None:
    """A tail belongs to the element (or comment) before it; leading Unicode whitespace
    and other scripts' initials are read in Python, the rest is told by its first byte."""
    root = lxml_html.document_fromstring(
        "<html><head><title>t</title></head><body><p>By Jane Doe</p><div><b>x</b>"
        " Von Max Muster</div><!--c-->\u00a0Par Jean Dupont<p>\u0410\u0432\u0442\u043e\u0440:"
        " \u0418\u0432\u0430\u043d</p><p>Bystander text that is long</p>"
        "<p>\uae40\ubbfc\uc900 \uae30\uc790</p><p>zzz</p></body></html>"
    )
    _assert_same(root, "hand-made")
    found = scan.PageScan(root).byline_texts()
    assert [(n.owner.tag, n.is_tail) for n in found] == [
        ("p", False),
        ("b", True),
        (etree.Comment, True),
        ("p", False),
        ("p", False),
    ]


_HTML = tag_soup(
    ("p", "div", "script", "body", "meta", "link", "time", "title", "h1", "a", "span"),
    (
        "",
        " content='c'",
        " property='og:title'",
        " name='author'",
        " http-equiv='content-language'",
        " rel='author'",
        " rel='canonical'",
        " href='/x'",
        " itemprop='name'",
        " itemprop=''",
        " datetime='2020-01-02'",
        " class='updated'",
        " type='application/LD+json'",
        " type='text/javascript'",
    ),
    (
        "",
        " ",
        "By Jane Doe",
        "  von Max",
        "\u00a0Par Jean",
        "\u3000\u6295\u7a3f\u8005\uff1a\u5c71\u7530",
        "\uae40\ubbfc\uc900 \uae30\uc790",
        "\u0430\u0432\u0442\u043e\u0440: \u0418\u0432\u0430\u043d",
        "Bystander",
        '{"@type": "NewsArticle"}',
        "\n\t",
        "Stand: 08.05.2019",
        "\u0968\u0966\u0967\u096f \u092e\u093e\u0930\u094d\u091a \u0967\u0968",
        "\u09e7\u09ef\u09ef\u09ee",
        "\u00e9t\u00e9 \u0662\u0660\u0662\u0663",
        "12 March 2020 and a longer text after it that goes on " * 3,
        "1920",
    ),
    comments=True,
)


@compiled_only
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_HTML)
def test_meta_walks_equal_reference_on_generated_pages(body: str) -> None:
    _assert_same(parse_html(f"<html><head></head><body>{body}</body></html>").root, "generated")
    _assert_same(lxml_html.document_fromstring(f"<html>{body}</html>"), "generated, no body")


@compiled_only
@pytest.mark.parametrize("spellings", [3, scan.MAX_SPELLINGS - 1, scan.MAX_SPELLINGS + 5])
def test_marked_elements_equal_reference_up_to_and_past_the_spelling_cap(
    spellings: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``attribute_hits`` answers while the index would see every spelling of the words;
    past ``MAX_SPELLINGS`` the index answers (it stops counting there)."""
    words = [
        "".join(c.upper() if n >> i & 1 else c for i, c in enumerate("author"))
        for n in range(spellings)
    ]
    body = "".join(
        f"<p class='{w}'>{n}</p><span id='x-Date-{n}'>d</span>" for n, w in enumerate(words)
    )
    text = f"<html><body><div rel=author>r</div><i itemprop='xauthor'>i</i>{body}</body></html>"
    found = scan.PageScan(parse_html(text).root)
    compiled = [[e.text for e in found.bylines()], [e.text for e in found.dates()]]
    with monkeypatch.context() as patch:
        patch.setenv("BOILERKIT_PURE", "1")
        pure = scan.PageScan(parse_html(text).root)
        assert [[e.text for e in pure.bylines()], [e.text for e in pure.dates()]] == compiled
    assert compiled[0][:2] == ["r", "i"]
    assert len(compiled[1]) == spellings


def test_opening_words_cover_the_byline_patterns() -> None:
    """Every ASCII word an alternative of ``BYLINE_TEXT`` or ``_BARE_BY`` opens with is
    one of ``OPENING_WORDS``, the compiled walk's filter (``in`` only continues
    ``autor``); a word added to a pattern and not there would be missed by the walk."""
    patterns = scan.BYLINE_TEXT.pattern + scan._BARE_BY.pattern
    opened = set(re.findall(r"(?:\(\?:|\||\^\\s\*)([a-z]+)", patterns)) - {"in"}
    assert opened
    assert {w for w in opened if not w.startswith(scan.OPENING_WORDS)} == set()


@compiled_only
def test_texts_are_filtered_by_their_opening_words() -> None:
    """Each opening word in any case is read; an ASCII text that opens otherwise is not
    offered to ``accept``; a letter that is not ASCII where a word's letter is expected
    ("po\u017fted": ``re.IGNORECASE`` folds ``\u017f`` to "s") leaves the text to it; of
    the texts that open with a character that is not ASCII, those that open with another
    script's initial, a Hangul syllable or Unicode whitespace are offered, others not."""
    texts = [f"{word.upper()} x" for word in scan.OPENING_WORDS]
    texts += ["Bravo", "b", "po\u017fted by X", " \tauthor: X", "Autorin: X"]
    texts += ["\u0410\u0432\u0442\u043e\u0440: X", "\u03a9mega", "\u00a0By X", "\uae40\ubbfc\uc900"]
    body = "".join(f"<p>{text}</p>" for text in texts)
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    offered: list[str] = []

    def accept(text: str) -> bool:
        offered.append(text)
        return False

    scan.PageScan(root).texts_where(accept, scan.OPENING)
    assert offered == [t for t in texts if t not in ("Bravo", "b", "\u03a9mega")]
