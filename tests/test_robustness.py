"""Hostile and broken input: every input gets a Document or a documented error, nothing else.

Each class of input the robustness issue lists is one test here. The pathological sizes
(100,000-deep nesting, a 10 MB text node, a 20 MB attribute) run at full size because they
are fast; the 50 MB page and the 1,000,000 siblings are timed in
``benchmarks/bench_robustness.py``, and here run through the parse stage at full size and
through ``extract`` only with ``BOILERKIT_SLOW=1``.
"""

from __future__ import annotations

import gzip
import os
import random
import re
import socket
import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

import boilerkit
from boilerkit import budget
from boilerkit.page import parse

SLOW = os.environ.get("BOILERKIT_SLOW") == "1"
ARTICLE = (
    "<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Heading</h1><p>First paragraph of the article, long enough to be kept"
    " as main text by any sensible extractor.</p><p>Second paragraph with <b>bold</b> and"
    " <a href='x'>a link</a>, still part of the article body.</p></article>"
    "<footer>Footer</footer></body></html>"
)


def extract_ok(html: bytes | str, **options: object) -> boilerkit.Document:
    """Extract and check the invariants every Document must hold.

    No time budget unless a test asks for one: a loaded CI machine must not turn a slow
    run into a failure (the budget has its own tests).
    """
    options.setdefault("time_budget", None)
    doc = boilerkit.extract(html, **options)  # type: ignore[arg-type]
    assert isinstance(doc.text, str)
    assert "\x00" not in doc.text
    doc.text.encode("utf-8")  # no lone surrogates survive
    return doc


def depth(root: etree._Element) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


# --- Empty, non-HTML and binary input --------------------------------------------------


@pytest.mark.parametrize("html", [b"", "", b"   \n\t ", " \r\n ", b"\x00" * 1000, "\x00\x00"])
def test_empty_input_gives_empty_document(html: bytes | str) -> None:
    assert extract_ok(html).text == ""


@pytest.mark.parametrize(
    ("html", "words"),
    [
        (b'{"title": "Weather report", "items": [1, 2, 3]}', "Weather report"),
        (b"Just a line of plain text, no markup at all.", "plain text"),
        ("Plain text given as str.\nSecond line.", "Second line"),
        (b"<?xml version='1.0'?><rss><channel><title>Feed title</title></channel></rss>", ""),
    ],
)
def test_non_html_text_is_read_best_effort(html: bytes | str, words: str) -> None:
    assert words in extract_ok(html).text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (gzip.compress(ARTICLE.encode()), "gzip"),
        (b"\x7fELF\x02\x01\x01" + bytes(32), "ELF"),
        ("%PDF-1.4 given as str", "PDF"),
    ],
)
def test_binary_file_formats_raise_extraction_error(data: bytes | str, kind: str) -> None:
    with pytest.raises(boilerkit.ExtractionError, match=kind):
        boilerkit.extract(data)


def test_binary_noise_raises_extraction_error() -> None:
    noise = random.Random(7).randbytes(50_000)
    with pytest.raises(boilerkit.ExtractionError, match="binary data"):
        boilerkit.extract(noise)


def test_short_noise_and_stray_controls_are_read() -> None:
    noise = extract_ok(random.Random(8).randbytes(100))
    assert noise.encoding  # read as text in some single-byte code page, not refused
    assert "ab" in extract_ok(b"<p>a\x00b\x01</p>").text


def test_nul_padded_text_is_read() -> None:
    # UTF-16 without a BOM decodes as NUL-padded ASCII; that is text, not binary.
    doc = extract_ok(ARTICLE.encode("utf-16-le"))
    assert "First paragraph" in doc.text


def test_lone_surrogates_in_str_input() -> None:
    doc = extract_ok(ARTICLE.replace("First", "Fi\ud800rst\udfff"))
    assert "Fi\ufffdrst\ufffd" in doc.text


def test_split_surrogate_pair_is_rejoined() -> None:
    doc = extract_ok(ARTICLE.replace("First", "smile \ud83d\ude00 First"))
    assert "smile \U0001f600" in doc.text


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe<\x00p\x00>\x00\x00\xd8a\x00",  # UTF-16LE with a lone high surrogate
        b"\xfe\xff\x00<\x00p\x00>\xdc\x00",  # UTF-16BE with a lone low surrogate
        b"\xff\xfe<\x00p\x00",  # odd length after the BOM
        b"\xff\xfe" + "<p>ok</p>".encode("utf-16-le")[:-1],
    ],
)
def test_malformed_utf16(data: bytes) -> None:
    doc = extract_ok(data)
    assert doc.encoding.startswith("utf-16")
    assert set(doc.text) <= set("\ufffdaok")  # what the page holds, or its replacement


def test_xml_declaration_in_str_input_keeps_the_page() -> None:
    html = "<?xml version='1.0' encoding='iso-8859-1'?>" + ARTICLE
    assert "First paragraph" in extract_ok(html).text


# --- Broken markup ------------------------------------------------------------------------


def test_every_truncation_of_a_page() -> None:
    data = ARTICLE.encode()
    source = ARTICLE + " " + re.sub("<[^>]*>", "", ARTICLE)  # markup, and text without tags
    for end in range(len(data) + 1):
        text = extract_ok(data[:end]).text
        assert all(word in source for word in text.split()), end  # nothing made up
    assert "Second paragraph with bold" in text  # the whole page: the whole article


def test_unclosed_tags_everywhere() -> None:
    tags = ["div", "p", "b", "table", "td", "li", "ul", "span", "h2", "pre", "font"] * 55
    soup = "".join(f"<{tag}>text {i} " for i, tag in enumerate(tags))
    assert "text 604" in parse.parse_html(soup).root.text_content()
    assert "text 604" in extract_ok(soup).text


def test_attribute_names_lxml_reads_as_namespaces() -> None:
    # "{x" reads as a broken "{namespace}name" in lxml: it can be read by name, but not
    # copied into a mapping or a new element. It stays in the parsed tree and is left out
    # of the content copy, in every output format.
    # ("the rest", not "more": a lone "more" line is a teaser heading, and goes.)
    html = '<html {x=1 lang="en"><body><p a="1"{y=2 b="3">kept text</p><div/{z>the rest</div>'
    document = extract_ok(html)
    assert "kept text" in document.text and "the rest" in document.text
    assert document.language == "en"
    assert document.content is not None
    for element in document.content.iter():
        assert not any(name.startswith("{") for name in element.attrib)
    for fmt in ("markdown", "html", "json"):
        assert "kept text" in boilerkit.render_document(document, fmt)


def test_attribute_soup() -> None:
    html = "<p a\x01b=1 =x \"q\"=1 class='a' class='b' 9=9 >kept text</p><p id=" + "x" * 50
    assert extract_ok(html).text == "kept text"


# --- Pathological sizes and shapes ----------------------------------------------------------


@pytest.mark.parametrize("tag", ["div", "b", "span", "table", "li"])
def test_100000_deep_nesting(tag: str) -> None:
    html = f"<{tag}>" * 100_000 + "deep text" + f"</{tag}>" * 100_000 + "<p>after the nest</p>"
    root = parse.parse_html(html).root
    assert depth(root) <= parse.MAX_DEPTH + 1
    assert "deep text" in root.text_content()
    assert "after the nest" in root.text_content()
    text = extract_ok(html).text
    assert "deep text" in text
    assert "after the nest" in text


def test_nesting_between_python_and_libxml2_limits() -> None:
    # 1,500 levels: libxml2 (huge_tree) accepts it, a recursive walker would not.
    html = "<div>" * 1500 + "<p>deep paragraph of text</p>" + "</div>" * 1500
    root = parse.parse_html(html).root
    assert depth(root) <= parse.MAX_DEPTH + 1
    assert "deep paragraph" in root.text_content()
    assert extract_ok(html).text == "deep paragraph of text"


def test_1000000_siblings_parse() -> None:
    root = parse.parse_html("<body>" + "<p>x</p>" * 1_000_000).root
    assert len(root.find("body")) == 1_000_000


@pytest.mark.skipif(not SLOW, reason="extract on 1M siblings is timed by the benchmark")
def test_1000000_siblings_extract() -> None:
    doc = extract_ok(b"<html><body>" + b"<p>sibling text</p>" * 1_000_000 + b"</body></html>")
    assert doc.text.startswith("sibling text")


def test_10mb_text_node() -> None:
    words = "word " * 2_000_000
    html = f"<html><body><article><p>{words}</p></article><p>after</p></body></html>"
    body = parse.parse_html(html).root.find("body")
    assert body is not None
    assert len(body.text_content()) >= 10_000_000
    text = extract_ok(html).text
    assert len(text) >= 9_999_999
    assert text.startswith("word word")


def test_huge_attribute() -> None:
    html = f"<html><body><p title='{'a' * 20_000_000}'>x</p><p>text after</p></body></html>"
    assert "text after" in parse.parse_html(html).root.text_content()
    text = extract_ok(html).text
    assert text.endswith("text after") and "aaaa" not in text  # the attribute is never text


@pytest.mark.skipif(not SLOW, reason="the 50 MB page is timed by the benchmark")
def test_50mb_page() -> None:
    paragraph = "<p>" + "A sentence of ordinary article text. " * 20 + "</p>\n"
    html = "<html><body><article>" + paragraph * (50_000_000 // len(paragraph)) + "</article>"
    assert extract_ok(html.encode()).text.startswith("A sentence of ordinary article text.")


def test_50mb_page_parse() -> None:
    paragraph = "<p>" + "ordinary article text " * 30 + "</p>\n"
    html = "<html><body>" + paragraph * (50_000_000 // len(paragraph))
    assert "ordinary" in parse.parse_html(html).root.find("body")[-1].text


def test_max_bytes_counts_characters_for_str() -> None:
    text = "<p>" + "é" * 100 + "</p>"
    assert extract_ok(text, max_bytes=len(text)).text == "é" * 100
    with pytest.raises(boilerkit.InputTooLargeError, match="characters"):
        boilerkit.extract(text, max_bytes=len(text) - 1)
    with pytest.raises(boilerkit.InputTooLargeError, match="bytes"):
        boilerkit.extract(text.encode(), max_bytes=len(text))


# --- Time budget --------------------------------------------------------------------------


def test_time_budget_is_enforced() -> None:
    with pytest.raises(boilerkit.TimeBudgetExceededError, match="time_budget"):
        boilerkit.extract(ARTICLE * 200, time_budget=1e-9)


def test_no_time_budget() -> None:
    assert "First paragraph" in extract_ok(ARTICLE, time_budget=None).text


def test_deadline_does_not_leak_out_of_an_extraction() -> None:
    with pytest.raises(boilerkit.TimeBudgetExceededError):
        boilerkit.extract(ARTICLE, time_budget=1e-9)
    assert budget.current() is budget.UNLIMITED
    budget.current().check()
    assert not budget.Deadline(None).expired
    assert budget.Deadline(-1.0).expired


# --- Entities, external resources ----------------------------------------------------------


@pytest.fixture
def secret_file() -> Iterator[tuple[Path, str]]:
    marker = f"SECRET-{uuid.uuid4().hex}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "secret.txt"
        path.write_text(marker)
        yield path, marker


@pytest.fixture
def listener() -> Iterator[tuple[str, socket.socket]]:
    """A local TCP port; any connection to it (by libxml2 or anyone) is queued and seen."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield f"http://127.0.0.1:{server.getsockname()[1]}/x", server
    server.close()


def assert_no_connection(server: socket.socket) -> None:
    with pytest.raises(BlockingIOError):
        server.accept()


def entity_pages(target: str) -> list[str]:
    return [
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{target}">]>'
        "<html><body><p>before &x; after</p></body></html>",
        f'<!DOCTYPE html [<!ENTITY % p SYSTEM "{target}"> %p;]><p>param &x;</p>',
        f'<!DOCTYPE html SYSTEM "{target}"><html><body><p>doctype</p></body></html>',
        f'<?xml-stylesheet href="{target}"?><html><body><p>stylesheet</p></body></html>',
        f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><xi:include href="{target}"'
        ' parse="text"/><p>xinclude</p></body></html>',
        f'<html><head><base href="{target}"><link rel="stylesheet" href="{target}"></head>'
        f'<body><img src="{target}"><iframe src="{target}"></iframe><p>links</p></body></html>',
    ]


def test_external_entities_are_never_read(secret_file: tuple[Path, str]) -> None:
    path, marker = secret_file
    for target in (path.as_uri(), str(path)):
        for page in entity_pages(target):
            for html in (page, page.encode()):
                doc = extract_ok(html, fallback=True)
                assert marker not in doc.text
                assert marker not in repr(doc.to_dict())


def test_external_entities_never_open_the_file() -> None:
    """A FIFO shows an open even when nothing is read: the writer's open only returns then."""
    with tempfile.TemporaryDirectory() as folder:
        fifo = Path(folder) / "pipe"
        os.mkfifo(fifo)
        opened = threading.Event()

        def writer() -> None:
            with open(fifo, "wb"):  # blocks until someone opens the FIFO to read
                opened.set()

        thread = threading.Thread(target=writer, daemon=True)
        thread.start()
        texts = [extract_ok(page.encode()).text for page in entity_pages(fifo.as_uri())]
        assert not opened.is_set()
        assert "before &x; after" in texts[0]  # the reference stays unexpanded
        # Release the writer, keeping the read end open until it is through: a writer
        # that reaches its open() only after a quick open-and-close would block forever.
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        try:
            thread.join(timeout=30)
        finally:
            os.close(reader)
        assert opened.is_set()  # the probe itself works


def test_no_network_access(listener: tuple[str, socket.socket]) -> None:
    url, server = listener
    texts = [extract_ok(page.encode(), fallback=True, url=url).text for page in entity_pages(url)]
    assert_no_connection(server)
    assert "before &x; after" in texts[0]  # the reference stays unexpanded


def test_billion_laughs_is_not_expanded() -> None:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    for head in ('<?xml version="1.0"?>', ""):
        html = f"{head}<!DOCTYPE lolz [{''.join(levels)}]><html><body><p>&lol9;</p></body></html>"
        doc = extract_ok(html)
        assert "lollol" not in doc.text
        assert len(doc.text) < len(html)


def test_quadratic_blowup_entity_is_not_expanded() -> None:
    html = f'<!DOCTYPE r [<!ENTITY a "{"x" * 50_000}">]><p>{"&a;" * 10_000}</p>'
    assert len(extract_ok(html).text) < len(html)


# --- Odd but legal markup ------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<frameset><frame src='a.html'><frame src='b.html'></frameset>",
        "<html><frameset><noframes><p>No frames text</p></noframes></frameset></html>",
        "<body><template><p>template text</p></template><p>visible</p></body>",
        "<body><noscript><p>enable js</p></noscript><p>visible</p></body>",
        "<body><!--[if IE]><p>ie only</p><![endif]--><p>visible</p></body>",
        "<body><![if !IE]><p>not ie</p><![endif]><p>visible</p></body>",
        "<body><svg><foreignObject><p>in svg</p></foreignObject></svg><math><mi>x</mi></math>",
        "<body><script>document.write('<p>')</script><style>p{}</style><p>visible</p></body>",
        "<body><p>a<![CDATA[ cdata ]]>b</p><?php echo 1 ?></body>",
        "<body><plaintext><p>raw</p>",
        "<body><textarea><p>in textarea</textarea><p>visible</p></body>",
        "<body><select><option>o</option></select><table><tr><td>cell<table><td>nested",
    ],
)
def test_odd_legal_markup(html: str) -> None:
    doc = extract_ok(html)
    assert "<!--" not in doc.text and "[endif]" not in doc.text


def test_deeply_nested_json_ld() -> None:
    html = (
        '<html><head><script type="application/ld+json">'
        + "[" * 100_000
        + "]" * 100_000
        + '</script><script type="application/ld+json">{"@type": "Article", "headline": '
        + '{"a": ' * 50_000
        + "1"
        + "}" * 50_000
        + "}</script></head><body>"
        + ARTICLE[12:]
    )
    assert "First paragraph" in extract_ok(html).text


def test_hostile_urls() -> None:
    html = "<html><head><base href='http://[::1'></head><body><a href='http://[bad'>x</a></body>"
    assert extract_ok(html, url="http://[::1/page").text == "x"
    for url in ("javascript:alert(1)", "\x00\ud800"):
        doc = extract_ok(ARTICLE, url=url)
        assert doc.url is None  # not an http(s) URL: never reported as the page's
        assert "First paragraph" in doc.text


def test_hostile_urls_in_teaser_links() -> None:
    items = "".join(
        f"<li><a href='http://[bad/{i}'>Story number {i} headline</a></li>" for i in range(4)
    )
    html = (
        "<html><body><article><p>Main article text, long enough to be the body of this page."
        f"</p></article><aside><h3>Related</h3><ul>{items}</ul></aside></body></html>"
    )
    related = extract_ok(html, url="https://example.org/x").related
    assert [link.url for link in related] == [f"http://[bad/{i}" for i in range(4)]  # as written
