"""Copy-out: ``build_content`` against the plain copy-everything-then-prune reference.

``build_content`` decides from the index arrays which copies would end up empty and never
creates them; ``_reference`` copies every element (one ``iterwalk``) and then runs
``prune_empty``. Both must serialize to the same tree, whatever blocks are kept, and the
fast link resolution must match lxml's ``make_links_absolute``.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from benchmarks.corpora import CORPUS_NAMES
from boilerkit.encoding.decode import decode_html
from boilerkit.page.clean import clean_tree
from boilerkit.page.parse import parse_html
from boilerkit.page.tags import BLOCK_TAGS
from boilerkit.selection import page_table
from boilerkit.selection.content import (
    _KEEP_EMPTY,
    _UNWANTED,
    COPIED_ATTRIBUTES,
    _copy_element,
    _make_links_absolute,
    build_content,
    copy_out,
    prune_empty,
    xml_safe,
)
from boilerkit.selection.segment import Segmentation, segment
from tests.parity import (
    EXAMPLES,
    SLUGS,
    cleaned,
    compiled_only,
    corpus_pages,
    fixture_html,
    tag_soup,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BASE = "https://example.com/dir/page.html"


def _reference(
    container: int, segmentation: Segmentation, kept: set[int], skip: frozenset[int]
) -> lxml_html.HtmlElement:
    elements = segmentation.elements
    kept_elements = {elements[i] for i in kept}
    skipped = {elements[i] for i in skip}
    copies: list[lxml_html.HtmlElement] = []
    owners: list[bool] = []
    result = None
    walker = etree.iterwalk(elements[container], events=("start", "end"))
    for event, element in walker:
        if event == "start":
            if element in skipped:
                walker.skip_subtree()
                keep = False
            elif element.tag in BLOCK_TAGS or not owners:
                index = segmentation.index_of[element]
                keep = element in kept_elements or index not in segmentation.block_at
            else:
                keep = owners[-1]
            attrib = {k: v for k, v in element.attrib.items() if k in COPIED_ATTRIBUTES}
            if copies:
                new = etree.SubElement(copies[-1], element.tag, attrib)
            else:
                new = lxml_html.Element(element.tag, attrib)
            if keep and element.text:
                new.text = element.text
            copies.append(new)
            owners.append(keep)
            continue
        new = copies.pop()
        owners.pop()
        if owners and owners[-1] and element.tail:
            new.tail = element.tail
        if not copies:
            result = new
    assert result is not None
    prune_empty(result)
    return result


PAGES = {
    "article": "<div><h1>Title</h1> lead <p>One <a href='a'>link</a> two.</p><div class=ad>"
    "<p>Buy</p></div> between <ul><li>x</li><li> </li></ul><p><img src=i.png> caption</p>"
    "<table><tr><td></td><td>cell</td></tr></table><br> end </div>",
    "inline nests": "<div><span><b> </b>t1<i>t2</i></span> t3 <em><p>deep</p> t4</em></div>",
    "empty runs": "<div>" + "<p> </p> x " * 20 + "<span></span>y</div>",
}


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("seed", range(8))
def test_build_content_matches_copy_then_prune(name: str, seed: int) -> None:
    root = lxml_html.document_fromstring(f"<html><body>{PAGES[name]}</body></html>")
    segmentation = segment(root)
    rng = random.Random(seed)
    kept = {block.node for block in segmentation.blocks if rng.random() < 0.6}
    body = segmentation.tags.index("body")
    container = body + 1
    children = [i for i, up in enumerate(segmentation.parent) if up == container]
    skip = frozenset(rng.sample(children, 1)) if seed % 2 else frozenset()
    expected = _reference(container, segmentation, kept, skip)
    got = build_content(container, segmentation, kept, skip)
    assert lxml_html.tostring(got) == lxml_html.tostring(expected)


@pytest.mark.parametrize(
    "slug", sorted(p.name for p in FIXTURES.iterdir() if (p / "source.html").exists())
)
def test_build_content_matches_copy_then_prune_on_fixtures(slug: str) -> None:
    page = parse_html(decode_html(fixture_html(slug)).text)
    clean_tree(page.root)
    segmentation = segment(page.root)
    kept = {block.node for block in segmentation.blocks if len(block.text) > 40}
    container = segmentation.tags.index("body")
    expected = _reference(container, segmentation, kept, frozenset())
    got = build_content(container, segmentation, kept)
    assert lxml_html.tostring(got) == lxml_html.tostring(expected)


LINKS = [
    '<div><a href=" x.html ">a</a><img src="//cdn/x.png"><a href="http://[bad">b</a>'
    '<form action="f"></form><q cite="c"></q><a name="n">z</a></div>',
    '<div><a href="">e</a><a href="#frag">f</a><a href="mailto:x@y">m</a>'
    '<a href="https://abs/x">abs</a></div>',
    '<div><p style="background:url(a.png)">s</p><a href="r">r</a></div>',
    '<div><p style="color:red">s</p><meta http-equiv="Refresh" content="0; url=z"></div>',
    '<div><param valuetype="REF" value="v"><a href="r">r</a></div>',
    '<div><object data="d" codebase="cb/"></object></div>',
    '<div><base href="http://other/"><a href="x">x</a></div>',
]


@pytest.mark.parametrize("source", LINKS)
def test_links_resolve_like_lxml(source: str) -> None:
    expected = lxml_html.fromstring(source)
    got = copy.deepcopy(expected)
    expected.make_links_absolute(BASE, resolve_base_href=False, handle_failures="ignore")
    _make_links_absolute(got, list(got.iter()), BASE)
    assert lxml_html.tostring(got) == lxml_html.tostring(expected)


# -- the compiled copy-out (``_passes.copy_out``) against ``copy_out`` -----------------------


def _assert_same_copies(
    container: int, segmentation: Segmentation, kept: set[int], skip: frozenset[int], label: str
) -> None:
    """The compiled copy-out gives the reference's tree and its copies in the same order."""
    compiled_copy = page_table.compiled("copy_out")
    assert compiled_copy is not None, "the compiled copy-out is not built"
    expected_root, expected = copy_out(container, segmentation, kept, skip)
    found = compiled_copy(
        segmentation.elements, container, segmentation.tags, segmentation.parent,
        segmentation.end, BLOCK_TAGS, kept, segmentation.block_at, skip, COPIED_ATTRIBUTES,
        _KEEP_EMPTY, _copy_element, xml_safe, lambda stage: None,
    )  # fmt: skip
    assert found is not None, label
    root, copies = found
    assert lxml_html.tostring(root) == lxml_html.tostring(expected_root), label
    assert [(c.tag, c.text, c.tail, c.items()) for c in copies] == [
        (c.tag, c.text, c.tail, c.items()) for c in expected
    ], label
    assert copies[0] is root


def _some_choices(
    segmentation: Segmentation, rng: random.Random
) -> list[tuple[int, set[int], frozenset[int]]]:
    """Containers (the root, the body, a random element) with random kept blocks and a
    random skipped child."""
    elements = [i for i, tag in enumerate(segmentation.tags) if tag]
    body = segmentation.tags.index("body") if "body" in segmentation.tags else 0
    choices = []
    for container in {0, body, rng.choice(elements)}:
        kept = {block.node for block in segmentation.blocks if rng.random() < 0.6}
        children = segmentation.children(container)
        skip = (
            frozenset(rng.sample(children, 1)) if children and rng.random() < 0.5 else frozenset()
        )
        choices.append((container, kept, skip))
    return choices


@compiled_only
@pytest.mark.parametrize("slug", SLUGS)
def test_compiled_copy_out_equals_reference_on_fixture(slug: str) -> None:
    segmentation = segment(cleaned(fixture_html(slug)))
    for container, kept, skip in _some_choices(segmentation, random.Random(slug)):
        _assert_same_copies(container, segmentation, kept, skip, f"{slug} at {container}")


@compiled_only
@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_compiled_copy_out_equals_reference_on_corpus(name: str) -> None:
    for page in corpus_pages(name):
        segmentation = segment(cleaned(page.html))
        for container, kept, skip in _some_choices(segmentation, random.Random(page.id)):
            _assert_same_copies(container, segmentation, kept, skip, f"{page.id} at {container}")


_TAGS = ("div", "p", "span", "a", "b", "li", "td", "img", "br", "h2", "table", "x:y", "fo&o")
_TEXTS = ("word", " ", "\u00a0", "soft\u00adhyphen", "bell\x07", "\x0bv", "t\u00fcr", "")
_TEXTS += ("\u20ac\u00ad", "\u20ac\x1f", "\u20ac", "\U0001f600\u00ad", "\U0001f600")  # wider
_ATTRS = ("", " href='/a'", " class='c'", " colspan='12345'", " rowspan=' 99999999 '")
_ATTRS += (" src='i.png'", " style='x'", " data-x='1'", " title='\u00e9'", " {x='1'")
_ATTRS += (" title='a\x07b'", " alt='\x0b'")  # lxml refuses these values: the fallback


@compiled_only
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(tag_soup(_TAGS, _ATTRS, _TEXTS, comments=True), st.integers(0, 2**32))
def test_compiled_copy_out_equals_reference_on_generated_trees(body: str, seed: int) -> None:
    segmentation = segment(lxml_html.document_fromstring(f"<html><body>{body}</body></html>"))
    for container, kept, skip in _some_choices(segmentation, random.Random(seed)):
        _assert_same_copies(container, segmentation, kept, skip, f"{body!r} at {container}")


def test_the_unwanted_characters_are_those_the_twin_was_written_for() -> None:
    """``_passes._unwanted`` spells ``_UNWANTED`` out in C (the copy-out calls ``xml_safe``
    only on a text holding one): a change to the pattern fails here until the twin follows."""
    assert _UNWANTED.pattern == "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\u00ad]"
    found = {c for c in map(chr, range(0x110000)) if _UNWANTED.search(c)}
    assert found == {*map(chr, [*range(9), 11, 12, *range(14, 32)]), "\ufffe", "\uffff", "\xad"}


def test_the_copy_out_falls_back_to_the_reference_off_the_compiled_table() -> None:
    compiled_copy = page_table.compiled("copy_out")
    if compiled_copy is None:
        pytest.skip("the compiled copy-out is not built")
    arguments = (0, [], [], [], frozenset(), set(), {}, frozenset(), frozenset(), frozenset())
    assert compiled_copy([], *arguments, None, None, None) is None
