"""Markdown: GFM structure, and the same words as the text once rendered (markdown-it-py)."""

from __future__ import annotations

import copy
import gzip
import html
import random
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt

import boilerkit
from benchmarks.check_markdown import OPTION_SETS, has_pipe_table, mismatch
from benchmarks.corpora import READABILITY_PAGES, TRAFILATURA_EVAL, datasets_dir
from boilerkit import Options
from boilerkit.render import render_markdown, render_text
from boilerkit.render.tables import is_data_table

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RICH = Options(include_links=True, include_images=True, include_formatting=True)
RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def tree(markup: str) -> lxml_html.HtmlElement:
    return lxml_html.fragment_fromstring(markup, create_parent="div")


def md(markup: str, options: Options | None = None, base: str | None = None) -> str:
    return render_markdown(tree(markup), options, base)


def shown_text(markdown: str) -> str:
    """The text of the first paragraph markdown-it makes of ``markdown``."""
    html = RENDERER.render(markdown)
    paragraph = lxml_html.fragment_fromstring(html, create_parent="div").find(".//p")
    assert paragraph is not None, html
    return str(paragraph.text_content())


def test_headings_paragraphs_and_breaks() -> None:
    assert md("<h1>Title</h1><p>One<br>two</p><h3>Sub</h3>") == ("# Title\n\nOne\\\ntwo\n\n### Sub")


def test_nested_lists_and_numbering() -> None:
    markup = (
        "<ul><li>a<ul><li>a.1</li><li>a.2</li></ul></li><li><p>b</p><p>b more</p></li></ul>"
        "<ol start='3'><li>three</li><li>four</li></ol>"
    )
    assert md(markup) == ("- a\n  - a.1\n  - a.2\n- b\n\n  b more\n\n3. three\n4. four")


def test_blockquote_keeps_its_prefix_on_blank_lines() -> None:
    assert md("<blockquote><p>one</p><p>two</p></blockquote>") == "> one\n>\n> two"


@pytest.mark.parametrize(
    ("markup", "language"),
    [
        ('<pre><code class="language-python">x = 1</code></pre>', "python"),
        ('<pre class="lang-js">x = 1</pre>', "js"),
        ('<div class="highlight-rust notranslate"><pre>x = 1</pre></div>', "rust"),
        ('<div class="highlight highlight-source-go"><pre>x = 1</pre></div>', "go"),
        ('<pre class="brush: php">x = 1</pre>', "php"),
        ("<pre>x = 1</pre>", ""),
    ],
)
def test_fenced_code_language_from_class_names(markup: str, language: str) -> None:
    assert md(markup) == f"```{language}\nx = 1\n```"


def test_code_with_backtick_fences_gets_a_longer_fence() -> None:
    assert md("<pre>a\n```\nb</pre>") == "````\na\n```\nb\n````"
    assert md("<p>run <code>a `b` c</code></p>") == "run ``a `b` c``"


def test_pipe_table_with_spans_filled_by_empty_cells() -> None:
    markup = (
        "<table><tr><th>A</th><th>B</th><th>C</th></tr>"
        "<tr><td rowspan=2>r</td><td colspan=2>wide | cell</td></tr>"
        "<tr><td>2</td><td>3</td></tr></table>"
    )
    assert md(markup) == ("| A | B | C |\n|---|---|---|\n| r | wide \\| cell |  |\n|  | 2 | 3 |")


def test_links_resolved_and_unsafe_ones_dropped() -> None:
    markup = (
        '<p><a href="../b c(1).html">rel</a> <a href="javascript:alert(1)">js</a> '
        '<a href=" JaVa\tScRiPt:x">tab</a> <a href="mailto:a@b.org">mail</a></p>'
    )
    assert md(markup, RICH, "https://example.org/x/y/") == (
        "[rel](https://example.org/x/b%20c%281%29.html) js tab [mail](mailto:a@b.org)"
    )
    assert md(markup) == "rel js tab mail"  # include_links off by default


def test_images_only_when_asked_and_never_data_urls() -> None:
    markup = (
        '<p><img src="/i.png" alt="An [odd] alt"><img src="data:image/png;base64,AA">'
        '<img data-src="/lazy.png" src="data:image/gif;base64,R0"></p>'
    )
    assert md(markup, RICH, "https://e.org/") == (
        "![An \\[odd\\] alt](https://e.org/i.png)![](https://e.org/lazy.png)"
    )
    assert md(markup) == ""


def test_emphasis_only_with_formatting() -> None:
    markup = "<p>a <b>bold </b><i>it</i>al<em>ic</em> <del>gone</del></p>"
    assert md(markup, Options(include_formatting=True)) == "a **bold** *it*al*ic* ~~gone~~"
    assert md(markup) == "a bold italic gone"


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading",
        "1. not a list",
        "2) not a list either",
        "- not an item",
        "+ not an item",
        "> not a quote",
        "*stars* and _underscores_ and __dunder__ and snake_case_name",
        "5 * 3 * 2 = 30 and 2*3*4",
        "[not a link](http://x) and [ref]: /url",
        "<div>not html</div> <b>nor this</b> <!-- nor this -->",
        "&copy; &#169; &amp; stay entities",
        "C:\\path\\to\\file and a trailing \\",
        "`not code` and ``also not``",
        "~~not struck~~ and ~tilde~",
        "!not an image [x](y)",
        "===",
        "---",
        "***",
        "___",
        "| a | b |",
        "trailing hashes ##",
        "<https://not.an.autolink>",
    ],
)
def test_text_that_reads_as_markdown_is_escaped(text: str) -> None:
    paragraph = lxml_html.Element("p")
    paragraph.text = text
    assert shown_text(render_markdown(paragraph)) == text


@pytest.mark.parametrize("text", ["# hash", "Title ##", "1. one"])
def test_heading_text_is_escaped(text: str) -> None:
    heading = lxml_html.Element("h2")
    heading.text = text
    html = RENDERER.render(render_markdown(heading))
    assert lxml_html.fromstring(html).text_content() == text


def test_never_mutates_the_tree() -> None:
    content = tree("<p>a <a href='/x'>b</a> <img src='/i.png'></p><pre>x</pre>")
    before = etree.tostring(copy.deepcopy(content))
    markdown = render_markdown(content, RICH, "https://e.org/")
    assert "[b](https://e.org/x)" in markdown
    assert etree.tostring(content) == before


@pytest.mark.parametrize(
    "markup",
    [
        "<p><b>3. Bold start<br></b>after</p>",
        "<p>a<em>b</em><em>c</em>d <i>(x)</i>y</p>",
        "<p>x<b>(y)</b>z <a href='/a'>!</a><a href='/b'>link</a></p>",
        "<ul><li>a<ol start=4><li>four</li></ol></li></ul>",
        "<table><tr><td>a_b</td><td>*x*</td></tr><tr><td>`</td><td>|</td></tr></table>",
    ],
)
def test_same_words_on_tricky_markup(markup: str) -> None:
    for options in OPTION_SETS:
        assert mismatch(tree(markup), options) is None


def _fixture_slugs() -> list[str]:
    return sorted(p.parent.name for p in FIXTURES.glob("*/source.html"))


@pytest.mark.parametrize("slug", _fixture_slugs())
def test_fixture_markdown_shows_the_words_of_the_text(slug: str) -> None:
    document = boilerkit.extract((FIXTURES / slug / "source.html").read_bytes())
    for options in OPTION_SETS:
        assert mismatch(document.content, options) is None
    assert render_text(document.content) == document.text


@pytest.mark.parametrize("slug", _fixture_slugs())
def test_fixture_tables_are_pipe_tables(slug: str) -> None:
    document = boilerkit.extract((FIXTURES / slug / "source.html").read_bytes())
    if not has_pipe_table(document.content):
        pytest.skip("no data table in this fixture's article")
    lines = render_markdown(document.content).splitlines()
    assert any(line.startswith("|---") for line in lines)
    html = RENDERER.render("\n".join(lines))
    assert "<table>" in html


def _fixture_data_tables() -> list[tuple[str, int]]:
    cases = []
    for slug in _fixture_slugs():
        root = lxml_html.fromstring((FIXTURES / slug / "source.html").read_bytes())
        cases += [(slug, n) for n, table in enumerate(root.iter("table")) if is_data_table(table)]
    return cases


@pytest.mark.parametrize(("slug", "number"), _fixture_data_tables())
def test_every_data_table_of_the_fixtures_is_a_pipe_table(slug: str, number: int) -> None:
    root = lxml_html.fromstring((FIXTURES / slug / "source.html").read_bytes())
    table = list(root.iter("table"))[number]
    lines = render_markdown(table).splitlines()
    rows = [line for line in lines if line.startswith("| ")]
    assert lines[lines.index(rows[0]) + 1].startswith("|---")
    assert len(rows) == len(table.xpath(".//tr[td or th]"))
    assert "<table>" in RENDERER.render("\n".join(lines))


SAMPLE_EVERY = 40
"""Every 40th page of the corpora (28 pages); the full run is benchmarks/check_markdown.py."""


def _corpus_sample() -> list[Path]:
    root = datasets_dir()
    pages = sorted((root / TRAFILATURA_EVAL / "pages").glob("*.html.gz"))
    pages += sorted((root / READABILITY_PAGES).glob("*/source.html.gz"))
    return pages[::SAMPLE_EVERY]


@pytest.mark.corpus
@pytest.mark.parametrize("page", _corpus_sample() or [None], ids=lambda page: page and page.name)
def test_corpus_sample_markdown_shows_the_words_of_the_text(page: Path | None) -> None:
    if page is None:
        pytest.skip("corpora not found (../shared/datasets)")
    content = boilerkit.extract(gzip.decompress(page.read_bytes())).content
    for options in OPTION_SETS:
        assert mismatch(content, options) is None


# Random markup that mixes Markdown's special characters with nested inline elements,
# breaks, lists, quotes, code and tables: the kind of input that found escaping bugs.
_TOKENS = [
    "a", "b_c", "_x", "x_", "*", "**", "5*3", "#", "1.", "2)", "-", "+", ">", "<div>",
    "&amp;", "&copy;", "[", "]", "(", ")", "!", "`", "``", "~", "~~", "|", "\\", "=",
    "---", "___", "***", "word", "éü", "日本", "x.", ":", "http://x.y", "  ", "\n",
]  # fmt: skip
_INLINE = ["b", "i", "em", "strong", "a", "code", "span", "del", "sub", "kbd"]


def _random_inline(rng: random.Random, depth: int = 0) -> str:
    if depth > 2 or rng.random() < 0.4:
        words = "".join(rng.choice(_TOKENS) + rng.choice(["", " "]) for _ in range(3))
        return html.escape(words, quote=False)
    tag = rng.choice(_INLINE)
    attributes = ' href="/u"' if tag == "a" else ""
    inner = _random_inline(rng, depth + 1) + (_random_inline(rng, depth + 1) * rng.randint(0, 1))
    return f"<{tag}{attributes}>{inner}</{tag}>" + rng.choice(["", " ", "<br>"])


def _random_block(rng: random.Random) -> str:
    inner = "".join(_random_inline(rng) for _ in range(rng.randint(1, 3)))
    kind = rng.choice(["p", "div", "li", "h2", "blockquote", "pre", "td"])
    if kind == "li":
        return f"<ul><li>{inner}<ol><li>{_random_inline(rng)}</li></ol></li></ul>"
    if kind == "td":
        return f"<table><tr><td>{inner}</td><td>{_random_inline(rng)}</td></tr></table>"
    return f"<{kind}>{inner}</{kind}>"


@pytest.mark.parametrize("seed", range(10))
def test_random_markup_keeps_its_words(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        markup = "".join(_random_block(rng) for _ in range(rng.randint(1, 3)))
        content = tree(markup)
        for options in OPTION_SETS:
            assert mismatch(content, options) is None, markup


def test_brackets_that_cannot_make_links_stay_bare() -> None:
    assert md("<h2>History[edit]</h2><p>A claim.[1] See [a][b] and [c](d).</p>") == (
        "## History[edit]\n\nA claim.[1] See [a\\][b] and [c\\](d)."
    )
    assert md('<p>[x] <a href="/y">y</a></p>', RICH, "https://e.org/") == (
        "\\[x] [y](https://e.org/y)"
    )
