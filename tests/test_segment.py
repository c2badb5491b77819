"""Segment stage: blocks, link text and extents, checked against a plain reference walk.

``segment`` reads the tree through lxml's C loops (``iter``, the text serializer) for
speed; ``_reference`` is the obvious ``iterwalk`` over every text piece that it replaced.
They must agree on every block and every measurement, on tricky inline HTML and on the
golden fixture pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from boilerkit.encoding.decode import decode_html
from boilerkit.page.clean import clean_tree
from boilerkit.page.parse import parse_html
from boilerkit.page.tags import BLOCK_TAGS
from boilerkit.selection.segment import Segmentation, segment
from boilerkit.weights import SENTENCE_END

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

Measures = tuple[list[tuple[int, str, int, int]], list[int], list[int], list[int], list[int]]


def _reference(root: lxml_html.HtmlElement) -> Measures:
    """Blocks (node, text, link chars, sentences) and per-element chars, link chars, links,
    subtree ends: one iterwalk, every text piece appended to the block that owns it."""
    elements: list[lxml_html.HtmlElement] = []
    owners: list[int] = []
    parts: dict[int, list[str]] = {}
    linked: dict[int, int] = {}
    is_link: list[int] = []
    end: list[int] = []
    stack: list[int] = []
    depth = 0
    found: list[tuple[int, str, int, int]] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            index = len(elements)
            elements.append(element)
            end.append(0)
            link = tag == "a" and element.get("href") is not None
            is_link.append(int(link))
            depth += link
            owner = index if tag in BLOCK_TAGS or not owners else owners[-1]
            if owner == index:
                parts[index], linked[index] = [], 0
            owners.append(owner)
            stack.append(index)
            if element.text:
                parts[owner].append(element.text)
                linked[owner] += len(element.text.strip()) if depth else 0
            continue
        index = stack.pop()
        owner = owners.pop()
        end[index] = len(elements)
        depth -= is_link[index]
        if owner == index:
            text = re.sub(r"\s+", " ", "".join(parts.pop(index))).strip()
            if text:
                sentences = len(SENTENCE_END.findall(text + " "))
                found.append((index, text, min(linked.pop(index), len(text)), sentences))
        if owners and element.tail:
            parts[owners[-1]].append(element.tail)
            linked[owners[-1]] += len(element.tail.strip()) if depth else 0
    found.sort()
    own_chars = [0] * len(elements)
    own_links = [0] * len(elements)
    for index, text, link_chars, _ in found:
        own_chars[index], own_links[index] = len(text), link_chars
    chars = [sum(own_chars[i : end[i]]) for i in range(len(elements))]
    link_chars = [sum(own_links[i : end[i]]) for i in range(len(elements))]
    links = [sum(is_link[i : end[i]]) for i in range(len(elements))]
    return found, chars, link_chars, links, end


def _measures(segmentation: Segmentation) -> Measures:
    blocks = [(b.node, b.text, b.link_chars, b.sentences) for b in segmentation.blocks]
    return (
        blocks,
        segmentation.chars,
        segmentation.link_chars,
        segmentation.links,
        segmentation.end,
    )


TRICKY = {
    "inline": "<p>One <b>two <i>three</i></b> four.</p>",
    "nested blocks": "<div>lead <p>para one.</p> between <span>inline <p>deep</p> after</span>"
    " tail</div>",
    "links": '<ul><li><a href="/a">First link</a> - blurb</li><li><a href="/b"><b>Bold'
    "</b> link</a></li><li><a name=x>anchor, not a link</a></li></ul>",
    "block in a link": '<a href="/card"><div><h3>Card title</h3><p>Card text.</p></div> tail</a>',
    "nested links": '<p><a href="/o">outer <a href="/i">inner</a> rest</a> after</p>',
    "whitespace": "<div>\n  <p>\u00a0spaced\u2003out\t text </p>\n  \n</div>",
    "tails everywhere": "<div><span>a</span>b<em>c<br>d</em>e<p>f</p>g</div>",
    "empty": "<div><p> </p><section></section></div>",
    "table": "<table><tr><td>cell <a href='#'>link</a></td><td>two</td></tr></table>",
    "cjk": "<p>这是一个句子。这是另一个\uff01</p>",
}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_segment_matches_reference_walk(name: str) -> None:
    root = lxml_html.document_fromstring(f"<html><body>{TRICKY[name]}</body></html>")
    assert _measures(segment(root)) == _reference(root)


def _fixture_roots() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "source.html").exists())


@pytest.mark.parametrize("slug", _fixture_roots())
def test_segment_matches_reference_walk_on_fixtures(slug: str) -> None:
    page = parse_html(decode_html((FIXTURES / slug / "source.html").read_bytes()).text)
    clean_tree(page.root)
    assert _measures(segment(page.root)) == _reference(page.root)


@pytest.mark.parametrize(
    "body",
    ["<p>a <!-- c --> b</p>", "<div>a <!-- c --> b<p>x</p></div>", "<p>a <b>x<!-- c --></b> b</p>"],
)
def test_comment_content_is_not_text_but_its_tail_is(body: str) -> None:
    """The parser drops comments, but a tree handed in with them reads like lxml's text."""
    parser = lxml_html.HTMLParser(remove_comments=False)
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>", parser)
    blocks = segment(root).blocks
    assert " c " not in " ".join(block.text for block in blocks)
    assert blocks[0].text.startswith("a ") and blocks[0].text.endswith("b")


def test_subtrees_are_index_ranges() -> None:
    root = lxml_html.document_fromstring(
        "<html><body><div><p>x</p><p>y</p></div><p>z</p></body></html>"
    )
    segmentation = segment(root)
    for index, element in enumerate(segmentation.elements):
        below = list(element.iter())
        assert segmentation.elements[index : segmentation.end[index]] == below
        parent = segmentation.parent[index]
        assert (segmentation.elements[parent] if parent >= 0 else None) is element.getparent()


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Prices rose 3.5 per cent in March. Wages did not.", 2),
        ("这是一个句子。这是另一个句子\uff01还有第三个\uff1f", 3),
        ("東京は晴れ。大阪は雨。", 2),
        ("यह पहला वाक्य है। यह दूसरा वाक्य है।", 2),
        ("یہ پہلا جملہ ہے\u06d4 یہ دوسرا جملہ ہے\u06d4", 2),
        ("هذه جملة أولى. هل هذه جملة ثانية؟", 2),
    ],
)
def test_sentence_ends_in_many_scripts(text: str, sentences: int) -> None:
    root = lxml_html.document_fromstring(f"<html><body><p>{text}</p></body></html>")
    assert [block.sentences for block in segment(root).blocks] == [sentences]
