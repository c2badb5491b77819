"""HTML: the reader view is clean and safe whatever the page held."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

import boilerkit
from boilerkit import Options
from boilerkit.render import render_html

ALL = Options(include_links=True, include_images=True)
ALLOWED_TAGS = {
    "article", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
    "code", "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "del", "a", "img",
    "br", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"href", "src", "alt", "rel", "start", "colspan", "rowspan", "class"}

HOSTILE = """
<p onclick="alert(1)" style="color:red" id="x">Hello <a href="javascript:alert(1)">js</a>
<a href="  jav&#x09;ascript:alert(2)">tab</a> <a href="vbscript:x">vb</a>
<a href="data:text/html,<script>alert(3)</script>">data</a> <a href="/ok" onmouseover="x">ok</a>
<img src="x" onerror="alert(4)"> <img src="data:image/svg+xml,<svg onload=alert(5)>">
<img src="javascript:alert(6)"></p>
<script>alert(7)</script><style>body{background:url(javascript:alert(8))}</style>
<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x">
<form action="/steal"><input name="q" value="typed"><button>Go</button>form text</form>
<svg><script>alert(9)</script></svg><math><mi>x</mi></math>
<p>&lt;script&gt;alert(10)&lt;/script&gt; stays text</p>
<pre class="language-py&quot; onclick=&quot;x">code</pre>
<table onload="x"><tr><td colspan="2" bgcolor="red">a</td></tr><tr><td>b</td><td>c</td></tr></table>
<base href="javascript:alert(11)//"><meta http-equiv="refresh" content="0;url=javascript:x">
<a href="https://ok.example/?q=&quot;&gt;&lt;script&gt;">quoted</a>
"""


def test_hostile_page_gives_only_allowed_tags_and_attributes() -> None:
    content = lxml_html.fragment_fromstring(HOSTILE, create_parent="div")
    output = render_html(content, ALL, "https://site.example/a/")
    root = lxml_html.fragment_fromstring(output)
    for element in root.iter():
        assert element.tag in ALLOWED_TAGS, element.tag
        assert set(element.attrib) <= ALLOWED_ATTRIBUTES, element.attrib
        for name in ("href", "src"):
            if element.get(name) is not None:
                assert re.match(r"(https?|mailto):", element.get(name)), element.get(name)
        if element.get("class") is not None:
            assert re.fullmatch(r"language-[a-z0-9_+#.-]+", element.get("class"))
    lowered = output.lower()
    for needle in (
        "<script",
        "javascript:",
        "vbscript:",
        "data:",
        "onerror",
        "onclick",
        "<iframe",
        "<form",
        "<input",
        "<svg",
        "style=",
        "<object",
        "<embed",
    ):
        assert needle not in lowered, needle
    assert "&lt;script&gt;alert(10)&lt;/script&gt; stays text" in output
    assert 'href="https://site.example/ok"' in output
    assert "form text" in output  # a form's text stays, the form does not


@pytest.mark.parametrize(
    "title",
    ["</title><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a & b \"q\" 'q'"],
)
def test_document_page_escapes_metadata(title: str) -> None:
    document = boilerkit.Document(title=title, language='en" onload="x', text="x")
    page = document.to_html()
    assert page.startswith("<!DOCTYPE html>")
    root = lxml_html.document_fromstring(page)
    assert root.findtext(".//title") == title
    assert root.find(".//script") is None and root.find(".//img") is None
    assert root.get("lang") is None  # not a language tag: left out
    assert root.find(".//h1").text_content() == title


def test_structure_survives() -> None:
    content = lxml_html.fragment_fromstring(
        "<h2>Sub</h2><p>One <em>two</em><br>three</p><ol start=2><li>a<ul><li>b</li></ul>"
        "</li></ol><blockquote><p>q</p></blockquote><pre class='language-py'>x = 1</pre>",
        create_parent="div",
    )
    assert render_html(content) == (
        '<article><h2>Sub</h2><p>One <em>two</em><br>three</p><ol start="2"><li><p>a</p>'
        "<ul><li><p>b</p></li></ul></li></ol><blockquote><p>q</p></blockquote>"
        '<pre><code class="language-py">x = 1</code></pre></article>'
    )


def test_links_and_images_follow_the_options() -> None:
    content = lxml_html.fragment_fromstring(
        '<p><a href="/a">link</a> <img src="/i.png" alt="pic"></p>', create_parent="div"
    )
    assert render_html(content, base_url="https://e.org/") == "<article><p>link</p></article>"
    assert render_html(content, ALL, "https://e.org/") == (
        '<article><p><a href="https://e.org/a" rel="nofollow noopener noreferrer">link</a> '
        '<img src="https://e.org/i.png" alt="pic"></p></article>'
    )
