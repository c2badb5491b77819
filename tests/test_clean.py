"""Clean stage: what a reader never sees goes, and formulas become text a reader can read."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

import boilerkit
from boilerkit.page.clean import clean_tree


def _cleaned_text(body: str) -> str:
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    clean_tree(root)
    return " ".join(root.text_content().split())


def test_mediawiki_formula_becomes_its_tex_once() -> None:
    # MediaWiki ships each formula twice: hidden MathML for screen readers and a visible
    # image whose alt holds the TeX. The reader sees one formula; so does the text.
    tex = r"{\displaystyle a_{ij}={\overline {a_{ji}}}}"
    body = (
        f'<p>for all indices <span class="mwe-math-element"><span style="display: none;">'
        f'<math alttext="{tex}"><semantics><mrow><mi>a</mi></mrow>'
        f'<annotation encoding="application/x-tex">{tex}</annotation></semantics></math>'
        f'</span><img class="mwe-math-fallback-image-inline" aria-hidden="true" alt="{tex}"'
        ' src="f.svg"></span> holds.</p>'
    )
    assert _cleaned_text(body) == r"for all indices a_{ij}={\overline {a_{ji}}} holds."


def test_mathml_without_tex_reads_as_spaced_symbols() -> None:
    body = "<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two.</p>"
    assert _cleaned_text(body) == "When a ≠ 0, there are two."


def test_display_math_is_a_block_of_its_own() -> None:
    root = lxml_html.document_fromstring(
        '<html><body><p>So</p><math display="block"><mi>x</mi><mo>=</mo><mn>2</mn></math>'
        "</body></html>"
    )
    clean_tree(root)
    formula = root.find(".//div")
    assert formula is not None and formula.get("class") == "math" and formula.text == "x = 2"


@pytest.mark.parametrize(
    ("image", "kept"),
    [
        ('<img class="latex" alt="e^{i\\pi}+1=0" src="l.png">', "e^{i\\pi}+1=0"),
        ('<img class="wp-image-12" alt="A heron at dawn" src="h.jpg">', ""),
        ('<img class="flatexpress-logo" alt="Flatex" src="f.png">', ""),
    ],
)
def test_only_formula_images_give_their_alt_as_text(image: str, kept: str) -> None:
    assert _cleaned_text(f"<p>See {image} here.</p>") == " ".join(f"See {kept} here.".split())


def test_extract_finds_formulas_and_edit_links_through_the_markup_check() -> None:
    prose = "The council voted on Tuesday to extend the tram line to the northern districts. "
    page = (
        "<html><body><article><h2>Method<span class='mw-editsection'>[<a href='/e'>edit"
        f"</a>]</span></h2><p>{prose * 3}For all <img class='latex' alt='a_i' src='f.png'>"
        " it holds.</p></article></body></html>"
    )
    text = boilerkit.extract(page, fallback=False).text
    assert "Method" in text.splitlines() and "edit" not in text
    assert "For all a_i it holds." in text


def test_noscript_of_escaped_markup_goes_and_a_swallowed_page_stays() -> None:
    """Fallback markup escaped as text is no browser's text, however long; an unclosed
    ``noscript`` that swallowed the page holds elements, and they stay."""
    escaped = "&lt;img src=&quot;https://stats.example.com/pixel?site=news&quot;/&gt; " * 30
    prose = "<p>" + "The article goes on below the unclosed tag. " * 30 + "</p>"
    root = lxml_html.document_fromstring(
        f"<html><body><noscript>{escaped}</noscript><noscript>{prose}</noscript></body></html>"
    )
    clean_tree(root)
    text = root.text_content()
    assert "<img" not in text
    assert "The article goes on" in text


_PROSE = "A sentence of the story that goes on long enough to be read as prose. " * 4


def test_an_article_hidden_until_a_script_shows_it_stays() -> None:
    # The body under display:none holds most of the page's paragraph text: a script shows
    # it. The small hidden box beside it (a pop-up) still goes.
    body = (
        "<p>The lead, visible.</p>"
        f'<div class="story-body" style="display: none"><p>{_PROSE}</p><p>{_PROSE}</p></div>'
        '<div class="popup" style="display:none"><p>Sign up for our newsletter.</p></div>'
    )
    text = _cleaned_text(body)
    assert text.startswith("The lead, visible.") and "A sentence of the story" in text
    assert "newsletter" not in text


def test_slides_hidden_one_by_one_stay_together() -> None:
    # A gallery's slides: siblings, each hidden but the first, together the page's prose.
    slides = "".join(f'<div class="slide" style="display: none;"><p>{_PROSE}</p></div>' * 3)
    text = _cleaned_text(
        f'<div class="gallery"><div class="slide"><p>First.</p></div>{slides}</div>'
    )
    assert text.count("A sentence of the story") == 12


def test_a_hidden_box_holding_a_small_share_goes() -> None:
    # A hidden dialog beside a visible article: hidden, however long it is.
    body = f"<p>{_PROSE}</p><p>{_PROSE}</p><div style='display:none'><p>{_PROSE}</p></div>"
    assert _cleaned_text(body).count("A sentence of the story") == 8


@pytest.mark.parametrize("attribute", ['hidden=""', 'aria-hidden="true"'])
def test_only_a_style_a_script_changes_shows_an_article(attribute: str) -> None:
    # The ``hidden`` attribute and aria-hidden are not what "display: none" toggles are:
    # a page's screen-reader or hidden copy goes whatever its share.
    body = f'<p>Lead.</p><div {attribute} style="display:none"><p>{_PROSE}</p></div>'
    assert _cleaned_text(body) == "Lead."


def test_hidden_parts_inside_a_shown_article_still_go() -> None:
    body = (
        f'<div style="display: none"><p>{_PROSE}</p><p>{_PROSE}</p>'
        '<p style="display:none">Print-only note.</p></div>'
    )
    text = _cleaned_text(body)
    assert "A sentence of the story" in text
    assert "Print-only" not in text


def test_explain_lists_what_clean_removed_and_kept() -> None:
    page = (
        "<html><body><main><h1>Ferry</h1><p>The lead.</p>"
        f'<div id="story" class="body" style="display:none"><p>{_PROSE}</p><p>{_PROSE}</p></div>'
        '<div class="popup" style="display:none"><p>Join our newsletter.</p></div>'
        "<script>var x = 1;</script></main></body></html>"
    )
    notes = boilerkit.explain(page).notes
    assert any(n.startswith("clean kept div#story.body") and "shown_by_script" in n for n in notes)
    assert any(n.startswith("clean removed div.popup") and "hidden" in n for n in notes)
    assert not any("var x" in n for n in notes)  # scripts are not listed
