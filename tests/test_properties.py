"""Property-based tests: random DOM trees, random bytes, mutated pages.

Each property runs ``BOILERKIT_PROPERTY_EXAMPLES`` examples (default 200, so the suite stays
fast); the long run documented in docs/robustness.md sets it to thousands and reports the
counts with ``--hypothesis-show-statistics``. The contract checked everywhere is the one of
``fuzz/harness.py``: a ``Document`` with clean, deterministic text, or a ``BoilerkitError``.
"""

from __future__ import annotations

import html as html_lib
import importlib.util
import os
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

import boilerkit
from boilerkit.page import parse
from boilerkit.render import render_document
from boilerkit.selection import coarse

EXAMPLES = int(os.environ.get("BOILERKIT_PROPERTY_EXAMPLES", "200"))
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ_DIR = Path(__file__).resolve().parent.parent / "fuzz"


def _load_harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_harness", FUZZ_DIR / "harness.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


harness = _load_harness()

# Marks put inside <script>/<style>: they must never reach the text.
HIDDEN_MARK = "HIDDENMARK"
BLOCK_TAGS = ("div", "p", "article", "section", "main", "aside", "nav", "header", "footer",
              "h1", "h2", "h3", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "td",
              "th", "dl", "dt", "dd", "form", "figure", "details", "center")  # fmt: skip
INLINE_TAGS = ("a", "b", "i", "em", "strong", "span", "code", "font", "small", "sup", "q",
               "abbr", "time", "label", "u", "s", "mark")  # fmt: skip
ODD_TAGS = ("svg", "math", "template", "noscript", "frameset", "frame", "iframe", "object",
            "select", "option", "button", "video", "head", "title", "body", "html", "x-card",
            "fb:like", "o:p", "9x", "a-")  # fmt: skip
VOID_TAGS = ("br", "hr", "img", "input", "meta", "link", "wbr", "base", "source")
ATTR_NAMES = ("class", "id", "href", "src", "style", "hidden", "aria-hidden", "itemprop",
              "property", "content", "name", "rel", "lang", "charset", "type", "datetime",
              "role", "xmlns", "xml:lang", "on\u00e9", "data-x", "'", "=", "a\x01")  # fmt: skip
SOUP = ("<", ">", "&", "&amp", "&#", "&#1;", "&#xD800;", "&#65535;", "&nbsp;", "&bogus;",
        "</p>", "</div>", "<p>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>",
        "<?xml version='1.0'?>", "\x00", "\r\n", "\x0c", "\ufeff", "\u2028", "\ud800")  # fmt: skip

any_char = st.characters(exclude_categories=())  # includes controls and lone surrogates
VOCABULARY = (
    "the", "news", "article", "report", "said", "minister", "Zürich", "café", "naïve", "Straße",
    "économie", "Москва", "новости", "αθήνα", "中文", "新闻", "日本語", "عربي", "עברית", "हिन्दी",
    "2024-01-02", "12:30", "€100", "e-mail", "https://example.org/x", "@user", "#tag",
)  # fmt: skip
words = st.sampled_from(VOCABULARY)
leaf_text = st.one_of(
    st.lists(words, min_size=1, max_size=12).map(" ".join),
    st.text(any_char, max_size=30).map(html_lib.escape),
    st.sampled_from(SOUP),
)
attr_value = st.one_of(
    words,
    st.text(any_char, max_size=20),
    st.sampled_from(
        ["display:none", "true", "javascript:alert(1)", "http://[::1", "//x", "", "a" * 300]
    ),
)
attrs = st.lists(st.tuples(st.sampled_from(ATTR_NAMES), attr_value), max_size=4)


def _attrs(pairs: list[tuple[str, str]]) -> str:
    return "".join(f' {name}="{html_lib.escape(value)}"' for name, value in pairs)


@st.composite
def element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    tag = draw(
        st.one_of(
            st.sampled_from(BLOCK_TAGS), st.sampled_from(INLINE_TAGS), st.sampled_from(ODD_TAGS)
        )
    )
    inner = "".join(draw(st.lists(children, max_size=4)))
    close = draw(st.sampled_from(("proper", "proper", "proper", "missing", "mismatched")))
    end = {"proper": f"</{tag}>", "missing": "", "mismatched": "</div>"}[close]
    return f"<{tag}{_attrs(draw(attrs))}>{inner}{end}"


@st.composite
def void_or_hidden(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(("void", "script", "style", "comment")))
    if kind == "void":
        return f"<{draw(st.sampled_from(VOID_TAGS))}{_attrs(draw(attrs))}>"
    if kind == "comment":
        return f"<!-- {HIDDEN_MARK} -->"
    body = f"var x = '{HIDDEN_MARK}'; // </p>" if kind == "script" else f".a{{}}/*{HIDDEN_MARK}*/"
    return f"<{kind}>{body}</{kind}>"


nodes = st.recursive(
    st.one_of(leaf_text, void_or_hidden()),
    lambda children: element(children),
    max_leaves=24,
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    head = draw(
        st.sampled_from(
            (
                "",
                "<!DOCTYPE html>",
                "<?xml version='1.0'?>",
                '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            )
        )
    )
    title = draw(st.one_of(st.just(""), words.map(lambda w: f"<title>{w}</title>")))
    body = "".join(draw(st.lists(nodes, min_size=1, max_size=5)))
    if draw(st.booleans()):
        return f"{head}<html><head>{title}</head><body>{body}</body></html>"
    return head + title + body


ENCODINGS = ("utf-8", "cp1252", "utf-16", "shift_jis", "gb18030", "koi8-r", "iso-8859-7")


def check(html: bytes | str, **kwargs: object) -> boilerkit.Document | None:
    """The contract: a clean, deterministic Document, or a BoilerkitError (``None``)."""
    try:
        doc = boilerkit.extract(html, time_budget=None, **kwargs)  # type: ignore[arg-type]
    except boilerkit.BoilerkitError:
        return None
    assert "\x00" not in doc.text
    doc.text.encode("utf-8")
    assert boilerkit.extract(html, time_budget=None, **kwargs).text == doc.text  # type: ignore[arg-type]
    return doc


XSS = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "<a href='javascript:alert(1)'>j</a>", "<a href=' jav&#x09;ascript:alert(1)'>t</a>",
    "<a href='&#106;avascript:alert(1)'>e</a>", "<a href='data:text/html,<script>x</script>'>d</a>",
    "<iframe src='javascript:alert(1)'></iframe>", "<math><mi xlink:href='javascript:x'>m</mi>",
    "<p style='background:url(javascript:x)' onclick='x()'>styled</p>", "<object data='x.swf'>",
    "<a href='vbscript:msgbox(1)'>v</a>", "<img src='data:image/svg+xml,<svg onload=x>'>",
    "<form action='javascript:x'><button formaction='javascript:x'>b</button></form>",
    "<base href='javascript:x//'>", "<meta http-equiv='refresh' content='0;url=javascript:x'>",
)  # fmt: skip
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "link", "meta",
                  "base", "form", "button", "frame", "frameset", "applet", "template"}  # fmt: skip
UNSAFE_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file):", re.IGNORECASE)


@PROFILE
@given(st.lists(st.one_of(st.sampled_from(XSS), nodes), min_size=1, max_size=8))
def test_html_output_has_nothing_executable(parts: list[str]) -> None:
    html = "<html><body><article><p>Article text.</p>" + "".join(parts) + "</article></body></html>"
    doc = check(html, fallback=False)
    assert doc is not None
    options = boilerkit.Options(include_links=True, include_images=True, include_formatting=True)
    out = render_document(doc, "html", options, base_url="https://example.org/")
    for element in lxml_html.fragment_fromstring(out, create_parent="div").iter():
        assert not isinstance(element.tag, str) or element.tag not in DANGEROUS_TAGS, out
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), out
            url = re.sub(r"[\x00-\x20]", "", value)
            assert not UNSAFE_SCHEME.match(url), out
    markdown = render_document(doc, "markdown", options, base_url="https://example.org/")
    assert not re.search(r"\]\(\s*(?:javascript|vbscript|data|file):", markdown, re.IGNORECASE)


@PROFILE
@given(st.binary(max_size=3000))
def test_random_bytes_through_the_fuzz_harness(data: bytes) -> None:
    assert harness.check_input(data) in {
        "document",
        "ExtractionError",
        "InputTooLargeError",
        "TimeBudgetExceededError",
    }


@PROFILE
@given(documents(), st.booleans(), st.sampled_from(ENCODINGS), st.booleans())
def test_random_dom_trees(doc: str, as_str: bool, encoding: str, declare: bool) -> None:
    if declare:
        doc = f'<meta charset="{encoding}">' + doc
    html: bytes | str = doc if as_str else doc.encode(encoding, "replace")
    result = check(html, fallback=False)
    # What the page says once decoded: its own encoding, so that a UTF-16 page's "<!" is
    # seen (read as latin-1 it is "<\x00!\x00", and the guard below missed it).
    raw = html if isinstance(html, str) else html.decode(encoding, "replace")
    # "<?" and "<!" open bogus comments that end at the first ">" (an encoding's "?"
    # replacement can make one): after it a browser shows the script's text as text too.
    if result is not None and "<?" not in raw and "<!" not in raw:
        assert HIDDEN_MARK not in result.text


@PROFILE
@given(documents(), st.lists(st.sampled_from(XSS), max_size=3))
def test_random_dom_trees_through_the_coarse_selection(doc: str, xss: list[str]) -> None:
    """Every page through the path of pages past ``LARGE_PAGE_ELEMENTS`` (threshold lowered):
    the same contract, no line marker of the XSLT left in the text, safe HTML."""
    html = doc + "".join(xss)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(coarse, "LARGE_PAGE_ELEMENTS", 0)
        patch.setattr(coarse, "_MIN_CHARS_PER_ELEMENT", 0)
        result = check(html)
        if result is None:
            return
        assert not COARSE_MARKS.intersection(result.text)
        assert "\n\n" not in result.text and result.text == result.text.strip()
        out = render_document(result, "html", base_url="https://example.org/")
    for element in lxml_html.fragment_fromstring(out, create_parent="div").iter():
        assert not isinstance(element.tag, str) or element.tag not in DANGEROUS_TAGS, out


COARSE_MARKS = {"\ufdd0", "\ufdd1", "\ufdd2"}


@PROFILE
@given(documents(), st.data())
def test_mutated_documents(doc: str, data: st.DataObject) -> None:
    raw = bytearray(doc.encode("utf-8", "surrogatepass"))
    for _ in range(data.draw(st.integers(0, 8))):
        op = data.draw(st.sampled_from(("truncate", "flip", "insert", "delete")))
        at = data.draw(st.integers(0, len(raw)))
        if op == "truncate":
            del raw[at:]
        elif op == "flip" and at < len(raw):
            raw[at] = data.draw(st.integers(0, 255))
        elif op == "insert":
            raw[at:at] = data.draw(st.sampled_from(SOUP)).encode("utf-8", "surrogatepass")
        else:
            del raw[at : at + data.draw(st.integers(1, 20))]
    check(bytes(raw))


@PROFILE
@given(st.text(any_char, max_size=400))
def test_random_str(text: str) -> None:
    check(text, fallback=False)


@PROFILE
@given(st.sampled_from(BLOCK_TAGS + INLINE_TAGS), st.integers(200, 5000), words)
def test_deep_nesting_keeps_depth_bounded_and_text(tag: str, levels: int, word: str) -> None:
    page = parse.parse_html(f"<{tag}>" * levels + f"<p>{word}</p>" + f"</{tag}>" * levels).root
    stack, deepest = [(page, 1)], 0
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node)
    assert deepest <= parse.MAX_DEPTH + 1
    assert word in page.text_content()


def _replay_files() -> list[Path]:
    folders = [FUZZ_DIR / "seeds", FUZZ_DIR / "regressions"]
    return sorted(path for folder in folders if folder.is_dir() for path in folder.iterdir())


@pytest.mark.parametrize(
    "path", _replay_files(), ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_fuzz_seeds_and_regressions(path: Path) -> None:
    assert harness.check_input(path.read_bytes()) in {"document", "ExtractionError"}
