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
from lxml import etree
from lxml import html as lxml_html

from boilerkit.encoding.decode import decode_html
from boilerkit.page.clean import clean_tree
from boilerkit.page.parse import parse_html
from boilerkit.page.tags import BLOCK_TAGS
from boilerkit.selection.content import (
    COPIED_ATTRIBUTES,
    _make_links_absolute,
    build_content,
    prune_empty,
)
from boilerkit.selection.segment import Segmentation, segment

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
    page = parse_html(decode_html((FIXTURES / slug / "source.html").read_bytes()).text)
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
