"""Parse stage: the tree a browser would build, where libxml2 builds another."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import boilerkit
from boilerkit.errors import ExtractionError
from boilerkit.page.guard import check_text, noise_bound, noise_share
from boilerkit.page.parse import parse_html, to_utf8, utf8_as_is

ARTICLE = "".join(
    f"<p>Paragraph {i} of the club's history, in full sentences, as a page of the"
    " nineties would set it, long enough to be read as the article.</p>"
    for i in range(4)
)


def test_unknown_element_in_head_does_not_swallow_the_body() -> None:
    page = f"<html><head><title>Club history</title><mbox>\n<body>{ARTICLE}</body></html>"
    root = parse_html(page).root
    head, body = root.find("head"), root.find("body")
    assert head is not None and body is not None
    assert head.find(".//p") is None
    assert len(body.findall(".//p")) == 4
    assert body.find(".//body") is None
    assert boilerkit.extract(page, fallback=False).text.startswith("Paragraph 0 of the club")


def test_head_elements_after_the_stray_one_stay_in_head() -> None:
    page = (
        "<html><head><title>T</title><mbox>Notice</mbox><meta name='author' content='Ann'>"
        f"</head><body>{ARTICLE}</body></html>"
    )
    root = parse_html(page).root
    assert [child.tag for child in root.find("head")] == ["title", "meta"]
    assert etree.tostring(root.find("body")).startswith(b"<body><mbox>Notice</mbox><p>")


def test_a_well_formed_head_is_left_alone() -> None:
    page = f"<html><head><title>T</title><style>p{{}}</style></head><body>{ARTICLE}</body></html>"
    root = parse_html(page).root
    assert [child.tag for child in root.find("head")] == ["title", "style"]


_PIECES = ("a", "<", "&#1;", "&#x7;", "é", "\ufffe", "\uffff", "\x0c", "\x01", "\ufffd", "中")
_TEXT = st.lists(st.sampled_from(_PIECES)).map("".join)


@given(text=_TEXT)
def test_verbatim_bytes_give_what_encoding_the_text_gives(text: str) -> None:
    data = text.encode("utf-8")
    assert utf8_as_is(data, text) == to_utf8(text)


@given(text=_TEXT, pad=st.integers(0, 70_000))
def test_the_noise_bound_on_bytes_is_never_below_the_share(text: str, pad: int) -> None:
    text = "é" * pad + text * 50
    assert noise_bound(text, text.encode("utf-8")) >= noise_share(text)


def test_a_noisy_page_is_refused_with_or_without_its_bytes() -> None:
    noise = "\x01\x02\ufffd" * 200 + "é" * 100
    for utf8 in (None, noise.encode("utf-8")):
        with pytest.raises(ExtractionError, match="binary data"):
            check_text(noise, utf8)
    check_text("é" * 5000 + "\x01" * 10, ("é" * 5000 + "\x01" * 10).encode("utf-8"))


@pytest.mark.parametrize("levels", [1, 254, 255, 256, 300, 2038, 2039, 2045])
def test_the_compiled_depth_walk_equals_the_xpaths(levels: int) -> None:
    from lxml import html as lxml_html

    from boilerkit.page import parse
    from boilerkit.selection.page_table import compiled

    walk = compiled("depth_marks")
    if walk is None:
        pytest.skip("the compiled walk is not built")
    root = lxml_html.document_fromstring("<html><body><p>x</p></body></html>")
    element = root.find("body")
    for level in range(levels):  # body is level 2; a comment and a sibling on the way
        element = etree.SubElement(element, "div")
        if level % 97 == 0:
            element.append(etree.Comment("c"))
            etree.SubElement(element.getparent(), "span").text = "s"
    capped, reached = walk(root, parse.MAX_DEPTH, parse._LIBXML2_LIMIT)
    assert capped == parse._AT_CAP(root)
    assert reached == bool(parse._AT_LIBXML2_LIMIT(root))
    assert reached == (levels + 2 >= parse._LIBXML2_LIMIT)


_SOUP = st.lists(
    st.sampled_from([b"<", b">", b"a", b"B", b" ", b"=", b'"', b"'", b"/", b"\t", b"x=1 ", b"<p "])
).map(b"".join)


@given(data=_SOUP, wanted=st.integers(1, 5))
def test_the_compiled_crowded_tag_search_equals_the_regex(data: bytes, wanted: int) -> None:
    from boilerkit.page import parse
    from boilerkit.selection.page_table import compiled

    search = compiled("has_crowded_tag")
    if search is None:
        pytest.skip("the compiled walk is not built")
    pattern = re.compile(rb"<[A-Za-z][^\s/<>]*+(?:%s){%d}" % (parse._ATTRIBUTE, wanted))
    assert search(data, wanted) == (pattern.search(data) is not None)


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_a_tag_is_crowded_from_max_attributes_on(extra: int) -> None:
    from boilerkit.page import parse

    attributes = " ".join(f'a{i}="<v>"' for i in range(parse.MAX_ATTRIBUTES + extra))
    data = f"<html><body><p {attributes}>x</p></body></html>".encode()
    assert parse._crowded(data) == (extra >= 0) == (parse._CROWDED_TAG.search(data) is not None)


def test_markup_after_the_html_end_tag_makes_the_root_not_the_whole_document() -> None:
    from boilerkit.page.roots import is_whole_document

    assert is_whole_document(parse_html("<html><body><p>x</p></body></html>").root)
    stray = parse_html("<html><body><p>x</p></body></html><a class=copyright>y</a>").root
    assert not is_whole_document(stray)  # libxml2 opens a second <html> for the <a>
    assert stray.xpath("count(//a)") == 1 and next(stray.iter("a"), None) is None


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>plain</p></body></html>",
        "<html><body><p>caf\u00e9</p></body></html>",
        "<html><body><p title='caf\u00e9'>x</p></body></html>",  # attributes are not text
        "<html><head><title>\u4e2d</title></head><body></body></html>",
        "<html><body><p>x</p></body></html><a>\u00e9</a>",  # after </html>
        "<html><body><script>var s = '\u00e9'</script></body></html>",
    ],
)
def test_the_compiled_ascii_check_equals_the_text_xpath(page: str) -> None:
    from boilerkit.selection.page_table import compiled

    ascii_only = compiled("texts_are_ascii")
    if ascii_only is None:
        pytest.skip("the compiled walk is not built")
    root = parse_html(page).root
    root.append(etree.Comment("\u00e9 comments are not text"))
    assert ascii_only(root) == "".join(root.xpath("//text()")).isascii()
