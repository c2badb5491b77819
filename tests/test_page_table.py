"""Parity: the compiled page-table walk equals its Python reference, field by field.

The reference (``page_table.reference_table``) is the spec; the compiled twin
(``_walk.compiled_table``) must give the same table on the fixtures, on both development
corpora (skipped when absent) and on generated trees, and ``extract`` must give the same
document either way. Without the extension these tests skip, unless
``BOILERKIT_REQUIRE_COMPILED=1`` (CI sets it) turns its absence into a failure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

import boilerkit
from benchmarks.corpora import CORPUS_NAMES, available, load_corpus
from boilerkit.encoding.decode import decode_html
from boilerkit.metadata import meta_tags
from boilerkit.page.clean import clean_tree
from boilerkit.page.parse import parse_html
from boilerkit.render.spaces import collapse
from boilerkit.selection import hints, page_table, teasers
from boilerkit.selection.content import COPIED_ATTRIBUTES
from boilerkit.selection.page_table import (
    BLOCK_TAGS,
    HINT_TAGS,
    HINT_WORDS,
    PageTable,
    reference_table,
)
from boilerkit.weights import COMMENT_WORDS, NEGATIVE_WORDS, POSITIVE_WORDS, STRONG_POSITIVE
from tests.parity import (
    EXAMPLES,
    SLUGS,
    cleaned,
    compiled_only,
    corpus_pages,
    fixture_html,
    tag_soup,
)


def _compiled_table(root: lxml_html.HtmlElement) -> PageTable:
    assert page_table._compiled is not None, "the compiled walk is not built"
    return PageTable(*page_table._compiled(root, BLOCK_TAGS, HINT_TAGS, HINT_WORDS))


def _assert_same_table(root: lxml_html.HtmlElement, label: str) -> None:
    expected = reference_table(root)
    found = _compiled_table(root)
    for name, value in expected.fields().items():
        assert getattr(found, name) == value, f"{label}: field {name} differs"
    assert len(found.elements) == len(expected.elements)
    handles: Any = found.elements  # the compiled Elements: text and tail by index too
    for index, element in enumerate(expected.elements):  # the same nodes, by index
        assert found.elements[index] is element, f"{label}: element {index} differs"
        assert found.index_of[element] == index
        assert found.text(index) == expected.text(index), f"{label}: text of {index} differs"
        assert handles.text_at(index) == element.text, f"{label}: .text of {index}"
        assert handles.tail_at(index) == element.tail, f"{label}: .tail of {index}"
        copied = {k: v for k, v in element.items() if k in COPIED_ATTRIBUTES}
        assert handles.attributes_in(index, COPIED_ATTRIBUTES) == copied, f"{label}: {index}"
    _assert_same_candidates(expected, label)


def _assert_same_candidates(table: PageTable, label: str) -> None:
    """``teasers.teaser_candidates`` and its compiled twin agree (default weights, and
    looser ones that let more elements through)."""
    compiled_candidates = page_table.compiled("teaser_candidates")
    assert compiled_candidates is not None
    for min_items, max_chars in ((2, 450), (1, 20), (3, 1e9)):
        arguments = (table.tags, table.end, table.links, table.chars, min_items, max_chars)
        expected = teasers.teaser_candidates(*arguments, teasers._NOT_ITEMS)
        assert compiled_candidates(*arguments, teasers._NOT_ITEMS) == expected, label


@compiled_only
def test_the_extension_is_built_when_ci_requires_it() -> None:
    assert page_table.COMPILED
    twins = ("compiled_table", "page_sources", "sum_up", "teaser_candidates", "clean_marks")
    twins += ("depth_marks", "body_attributes", "site_marks", "has_crowded_tag")
    twins += ("texts_are_ascii", "copy_out", "NameTest", "HintOf", "foreign_texts")
    twins += ("best_container", "body_texts", "attribute_hits")
    for name in twins:  # not stale
        assert page_table.compiled(name) is not None, f"_walk.{name} is missing: rebuild"


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_compiled_table_equals_reference_on_fixture(slug: str) -> None:
    html = fixture_html(slug)
    _assert_same_table(parse_html(decode_html(html, None).text, None).root, f"{slug} raw")
    _assert_same_table(cleaned(html), f"{slug} cleaned")


@compiled_only
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_compiled_table_equals_reference_on_corpus(name: str) -> None:
    for page in corpus_pages(name):
        root = parse_html(decode_html(page.html, None).text, None).root
        _assert_same_page_tags(root, f"{name}/{page.id}")  # metadata reads the raw tree
        clean_tree(root)
        table = reference_table(root)
        assert _compiled_table(root).fields() == table.fields(), f"{name}/{page.id}"
        _assert_same_candidates(table, f"{name}/{page.id}")


def _assert_same_page_tags(root: lxml_html.HtmlElement, label: str) -> None:
    expected = meta_tags.reference_page_tags(root)
    found = meta_tags.page_tags(root)
    for name in expected.__slots__:
        assert list(getattr(found, name)) == list(getattr(expected, name)), f"{label}: {name}"


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_compiled_page_tags_equal_reference_on_fixture(slug: str) -> None:
    html = fixture_html(slug)
    _assert_same_page_tags(parse_html(decode_html(html, None).text, None).root, slug)


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_extract_is_identical_compiled_or_pure(slug: str, monkeypatch: pytest.MonkeyPatch) -> None:
    html = fixture_html(slug)
    compiled = boilerkit.extract(html)
    compiled_md = compiled.to_markdown()
    monkeypatch.setenv("BOILERKIT_PURE", "1")
    pure = boilerkit.extract(html)
    assert compiled.to_dict() == pure.to_dict()
    assert compiled_md == pure.to_markdown()


@compiled_only
def test_compiled_handles_behave_as_sequence_and_mapping() -> None:
    root = lxml_html.fromstring("<div><p>One</p><!-- c --><p>Two</p></div>")
    table = _compiled_table(root)
    assert isinstance(table.elements, Sequence) and isinstance(table.index_of, Mapping)
    assert table.elements[-1] is table.elements[3] and table.elements[0] is root
    assert [e.tag for e in table.elements[1:2]] == ["p"]
    assert dict(table.index_of.items()) == {e: i for i, e in enumerate(root.iter())}
    assert table.index_of.get(lxml_html.fromstring("<p>elsewhere</p>")) is None
    assert table.index_of.get("not an element", -1) == -1
    with pytest.raises(IndexError):
        table.elements[4]
    assert table.text(0) == "OneTwo" and table.text(2) == reference_table(root).text(2)


@compiled_only
def test_compiled_sum_up_equals_reference_to_the_last_bit() -> None:
    parent = [-1, 0, 1, 1, 0, 4, 4, 6]
    values = [0.1, 0.2, 1e-17, 3.3, -7.25, 1 / 3, 2.0**60, -(2.0**60)]
    expected, found = list(values), list(values)
    page_table.sum_up(expected, parent)
    compiled_sum_up = page_table.compiled("sum_up")
    assert compiled_sum_up is not None and compiled_sum_up(found, parent) is True
    assert found == expected
    ints = [1, 2, 3, 4, 5, 6, 7, 8]
    assert compiled_sum_up(ints, parent) is False and ints == [1, 2, 3, 4, 5, 6, 7, 8]
    assert page_table.summed_up(ints, parent)[0] == 36  # the reference keeps ints


def test_pure_switch_forces_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    root = lxml_html.fromstring("<div><p>One <a href='x'>two</a></p></div>")
    monkeypatch.setenv("BOILERKIT_PURE", "1")
    table = page_table.build_table(root)
    assert isinstance(table.elements, list)  # the reference keeps a plain list of proxies
    assert table.blocks == [(1, "One two", 3)]


def test_reference_table_measures_blocks_links_and_attributes() -> None:
    root = lxml_html.fromstring(
        "<div class='a b' id='main'><p>Hello <a href='/x'>big</a> world.</p>"
        "<!-- note --><ul role='list'><li><a href='/y'>one</a></li><li itemtype=''>two</li>"
        "</ul></div>"
    )
    table = reference_table(root)
    assert table.tags == ["div", "p", "a", "", "ul", "li", "a", "li"]
    assert table.parent == [-1, 0, 1, 0, 0, 4, 5, 4]
    assert table.end == [8, 3, 3, 4, 8, 7, 7, 8]
    assert table.depth == [0, 1, 2, 1, 1, 2, 3, 2]
    assert (table.classes[0], table.ids[0], table.roles[4]) == ("a b", "main", "list")
    assert table.hinted == [0, 4]
    assert table.itemtypes == {7: ""}
    assert table.blocks == [(1, "Hello big world.", 3), (5, "one", 3), (7, "two", 0)]
    assert table.links[0] == 2 and table.chars[0] == 22 and table.link_chars[4] == 3


# -- generated trees ------------------------------------------------------------------------

_TAGS = ("div", "p", "span", "a", "b", "li", "ul", "table", "td", "h1", "br", "section", "meta")
_WORDS = ("word", "Ünïcode", "中文字", " ", "\u00a0", "\t\n", "end. ", "", "&amp;", "x y")
_WORDS += ("\u3000", "\u2028x\u2029", "\u200b", "\u0085", "\u2003 \u202f")
_ATTRS = ("", " href='/a'", " class='c d'", " id='i'", " role='nav'", " class=''", " href")
_ATTRS += (
    " rel=x",
    " itemprop='name'",
    " colspan='12345'",
    " title='t' alt=''",
    " class='Entry-Content x'",
    " id='\u212aey'",
    " itemtype='https://schema.org/DiscussionForumPosting'",
    " itemtype=''",
)


_HTML = tag_soup(_TAGS, _ATTRS, _WORDS, comments=True)


@compiled_only
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_HTML)
def test_compiled_table_equals_reference_on_generated_trees(body: str) -> None:
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    _assert_same_table(root, "generated")
    _assert_same_page_tags(root, "generated")
    etree.strip_tags(root, "b")  # lxml merges the text around stripped tags: still equal
    _assert_same_table(root, "generated, stripped")


# -- the class/id words that may hint ---------------------------------------------------------


def test_literal_heads_are_the_beginnings_of_every_branch() -> None:
    assert page_table.literal_heads(re.compile(r"(?:ab|cd)e|f[gh]")) == {"ab", "cd", "f"}
    assert page_table.literal_heads(STRONG_POSITIVE) is not None
    assert {"article", "main", "markdown-body"} <= page_table.literal_heads(STRONG_POSITIVE)
    for unknown in (r"a|b", r"x+y", r"ab|", r"(?i:ab)c", r"\w+"):  # no literal begins them
        assert page_table.literal_heads(re.compile(unknown)) is None, unknown
    assert page_table.literal_heads(re.compile("ab", re.IGNORECASE)) is None


def test_hint_words_hold_every_table_word() -> None:
    assert HINT_WORDS  # every pattern's heads were read: the filter is on
    for word in NEGATIVE_WORDS | POSITIVE_WORDS | COMMENT_WORDS:
        assert any(hint in word for hint in HINT_WORDS), word


_NAME_PIECES = (*sorted(NEGATIVE_WORDS | POSITIVE_WORDS | COMMENT_WORDS), "rich-text", "who")
_NAME_PIECES += ("news_letter", "user-info", "comments-meta", "share", "d", "-", "_", " ", "x")
_NAME_PIECES += ("\u212a", "\u0130", "\u03a3", "Ab", "COMMENT", "9", "wp-block", "online")


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=6), st.text(max_size=8))
def test_a_value_that_does_not_speak_hints_nothing(pieces: list[str], noise: str) -> None:
    """``speaks`` is the filter ``hinted`` applies: a value it leaves out must be one
    ``hints._name_hints`` finds nothing in, alone or beside another such value."""
    for value in ("".join(pieces), "".join(pieces)[1:], noise + "".join(pieces)[:-1]):
        silent = not page_table.speaks(value)
        assert not silent or hints._name_hints.__wrapped__(value) == (None,) * 4, value
        assert not silent or hints._name_hints.__wrapped__(f"{value} grid") == (None,) * 4


@compiled_only
@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=6), st.sampled_from(("", " ", "Q")))
def test_compiled_speaks_equals_reference(pieces: list[str], glue: str) -> None:
    value = glue.join(pieces)
    root = lxml_html.fromstring("<div><p>x</p></div>")
    root[0].set("class", value)
    expected = [1] if page_table.speaks(value) else []
    assert reference_table(root).hinted == expected
    assert _compiled_table(root).hinted == expected


_HEADS = ("articlebody", "story_text", "main-content", "newsletter", "news-letter", "shared")
_HEADS += ("share", "user_info", "whos-online", "comment", "comments-meta", "commentary")
_HEADS += ("commentsection", "comments_reply ", "elementor", "vc", "et", "block", "widget")
_HEADS += ("meta", "cookie", "gdpr", "sidebar", "\x00", "\t", "\u00a0", "\u212a", "\u0130")


@compiled_only
@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(st.sampled_from(_NAME_PIECES + _HEADS), max_size=8),
    st.sampled_from(("", " ", "-", "Q", "  \n")),
)
def test_compiled_name_test_equals_reference(pieces: list[str], glue: str) -> None:
    """``_walk.NameTest`` gives ``hints._name_hints``'s answer, hints equal field by field."""
    assert hints._NAME_TEST is not None
    names = glue.join(pieces)
    for value in (names, names.upper(), f"{names} {names[::-1]}"):
        assert hints._NAME_TEST.hints(value) == hints._name_hints.__wrapped__(value), value


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_compiled_name_test_equals_reference_on_corpus(name: str) -> None:
    """Every class/id string of the corpus pages' hinted elements, as ``_hint_of`` joins
    them, says the same through both."""
    if not available(name):
        pytest.skip(f"corpus {name} not found")
    assert hints._NAME_TEST is not None
    for page in load_corpus(name).pages:
        table = reference_table(cleaned(page.html))
        for index in table.hinted:
            value = f"{table.classes[index] or ''} {table.ids[index] or ''}"
            expected = hints._name_hints.__wrapped__(value)
            assert hints._NAME_TEST.hints(value) == expected, f"{page.id}: {value!r}"


def test_the_pure_path_asks_the_reference_name_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOILERKIT_PURE", "1")
    assert hints._names_test() is hints._name_hints
    monkeypatch.delenv("BOILERKIT_PURE")
    built = hints._NAME_TEST.hints if hints._NAME_TEST is not None else hints._name_hints
    assert hints._names_test() == built


@compiled_only
def test_compiled_collapse_equals_the_reference_on_every_character() -> None:
    """The walk collapses whitespace and measures stripped pieces in UTF-8 bytes
    (``_handles.collapse_utf8``, ``stripped_length``): the same as
    ``render.spaces.collapse`` and ``len(text.strip())`` for every character (but NUL,
    which no text node holds), alone, doubled and between words."""
    from boilerkit.selection._handles import collapse_and_strip

    characters = [c for c in range(1, 0x110000) if not 0xD800 <= c < 0xE000]
    for start in range(0, len(characters), 4096):
        text = "".join(f"x{chr(c)}{chr(c)}y{chr(c)}" for c in characters[start : start + 4096])
        assert collapse_and_strip(text) == (collapse(text), len(text.strip())), hex(start)
    for c in characters:
        if chr(c).isspace() or c < 0x100:
            text = f"{chr(c)}\u00e9{chr(c)}"
            assert collapse_and_strip(text) == (collapse(text), len(text.strip())), hex(c)
    for text in ("", " ", " \t\u3000 ", "\u00a0a\u2028b\u0085", "\u00e9\u00a0\u00e9 "):
        assert collapse_and_strip(text) == (collapse(text), len(text.strip())), repr(text)
