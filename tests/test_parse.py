"""Parse stage: the tree a browser would build, where libxml2 builds another."""

from __future__ import annotations

from lxml import etree

import boilerkit
from boilerkit.page.parse import parse_html

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
