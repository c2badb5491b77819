"""XML, XML-TEI and CSV: well-formed, escaped, TEI-valid, and reachable from every way out."""

from __future__ import annotations

import csv
import io
from functools import cache
from pathlib import Path

import pytest
import trafilatura
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

import boilerkit
from boilerkit.render import (
    FORMATS,
    REGISTRY,
    csv_header,
    get_format,
    render_csv,
    render_html,
    render_text,
)
from boilerkit.render.as_html import xml_text

ROOT = Path(__file__).resolve().parent.parent
TEI = "{http://www.tei-c.org/ns/1.0}"
RICH = {"include_links": True, "include_images": True, "include_formatting": True}

# TEI P5's ``tei_corpus`` customisation (shipped by trafilatura) leaves out two modules this
# output uses: ``code`` (tagdocs, a member of model.emphLike) and ``table``/``row``/``cell``
# (figures, ``table`` a member of model.listLike). Declared here as TEI P5 defines them; the
# first declaration of a parameter entity wins, so the two class lists go first.
_TEI_MODULES_BEFORE = """
<!ENTITY % model.emphLike "foreign |emph |distinct |mentioned |soCalled |gloss |term |title
  |code">
<!ENTITY % model.listLike "list |listOrg |listEvent |listPerson |listPlace |listRelation
  |listObject |listNym |table">
"""
_TEI_MODULES_AFTER = """
<!ELEMENT code (#PCDATA)>
<!ATTLIST code xmlns CDATA "http://www.tei-c.org/ns/1.0" %att.global.attributes;
  lang CDATA #IMPLIED>
<!ELEMENT table ((%model.headLike;|%model.global;)*,((row,(%model.global;)*)+),
  ((%model.divBottom;),(%model.global;)*)*)>
<!ATTLIST table xmlns CDATA "http://www.tei-c.org/ns/1.0" %att.global.attributes;
  %att.typed.attributes; rows CDATA #IMPLIED cols CDATA #IMPLIED>
<!ELEMENT row (cell)+>
<!ATTLIST row xmlns CDATA "http://www.tei-c.org/ns/1.0" %att.global.attributes;
  role CDATA #IMPLIED rows CDATA #IMPLIED cols CDATA #IMPLIED>
<!ELEMENT cell %macro.specialPara;>
<!ATTLIST cell xmlns CDATA "http://www.tei-c.org/ns/1.0" %att.global.attributes;
  role CDATA #IMPLIED rows CDATA #IMPLIED cols CDATA #IMPLIED>
"""


@cache
def tei_dtd() -> etree.DTD:
    """The TEI P5 ``tei_corpus`` DTD, with the table and code modules declared."""
    path = Path(trafilatura.__file__).parent / "data" / "tei_corpus.dtd"
    text = _TEI_MODULES_BEFORE + path.read_text(encoding="utf-8") + _TEI_MODULES_AFTER
    return etree.DTD(io.StringIO(text))


def assert_valid_tei(tei: str) -> etree._Element:
    root = etree.fromstring(tei.encode("utf-8"))
    dtd = tei_dtd()
    assert dtd.validate(root), dtd.error_log.filter_from_errors()[:3]
    return root


RICH_CONTENT = """<p>First paragraph with <b>bold</b>, <i>italic</i>,
<a href="/x?a=1&amp;b=2">a link</a>,
<code>inline_code()</code> and <img src="/p.png" alt="a picture"> in it, long enough.</p>
<h2>A section</h2>
<p>Second paragraph: 1 &lt; 2 &amp;&amp; 3 &gt; 2, "quotes" and ]]&gt; all escaped.</p>
<ul><li>First item of the list</li><li>Second item<ul><li>Nested item</li></ul></li></ul>
<ol start="3"><li>Third</li><li>Fourth</li></ol>
<blockquote><p>A quotation that goes on for a while.</p><p>And a second one.</p></blockquote>
<pre><code class="language-python">def f(x):
    return x &lt; 1
</code></pre>
<table><tr><th>Name</th><th>Value</th></tr><tr><td colspan="2">Both</td></tr>
<tr><td>a</td><td>1</td></tr></table>
<h3>Another section</h3><p>The last paragraph of the article, which ends here.</p>"""


@pytest.fixture(scope="module")
def rich() -> boilerkit.Document:
    content = lxml_html.fragment_fromstring(RICH_CONTENT, create_parent="div")
    return boilerkit.Document(
        title="A & B: rich page",
        author="Maria Schmidt",
        authors=("Maria Schmidt",),
        sitename="Example News",
        description="What the page is about.",
        date="2024-03-05T10:00:00+00:00",
        language="en",
        url="https://example.org/news/a",
        text=render_text(content),
        content=content,
    )


def test_the_registry_is_every_format() -> None:
    assert tuple(REGISTRY) == FORMATS
    assert {"xml", "tei", "csv"} <= set(REGISTRY)
    for name, spec in REGISTRY.items():
        assert spec.name == name
        assert spec.extension.startswith(".")
    with pytest.raises(ValueError, match="unknown format 'pdf': expected one of text, "):
        get_format("pdf")


def test_every_format_is_reachable_from_the_document(rich: boilerkit.Document) -> None:
    assert rich.to_xml() == boilerkit.render_document(rich, "xml")
    assert rich.to_tei() == boilerkit.render_document(rich, "tei")
    assert rich.to_csv() == boilerkit.render_document(rich, "csv")
    assert rich.to_xml(include_links=True) != rich.to_xml()


def test_xml_carries_metadata_and_structure(rich: boilerkit.Document) -> None:
    root = etree.fromstring(rich.to_xml(**RICH).encode())
    assert root.tag == "doc"
    assert root.get("title") == "A & B: rich page"
    assert root.get("author") == "Maria Schmidt"
    assert root.get("sitename") == "Example News"
    assert root.get("url") == "https://example.org/news/a"
    assert root.get("date", "").startswith("2024-03-05")
    main = root.find("main")
    assert main is not None
    assert [h.text for h in main.iter("head")] == ["A section", "Another section"]
    assert main.find("head").get("rend") == "h2"  # type: ignore[union-attr]
    assert main.find("p/hi[@rend='#b']").text == "bold"  # type: ignore[union-attr]
    ref = main.find("p/ref")
    assert ref is not None and ref.get("target") == "https://example.org/x?a=1&b=2"
    assert main.find("p/graphic").get("url") == "https://example.org/p.png"  # type: ignore[union-attr]
    lists = main.findall("list")
    assert [item.text for item in lists[1]] == ["Third", "Fourth"]
    assert lists[1].get("rend") == "numbered" and lists[1][0].get("n") == "3"
    assert lists[0].get("rend") == "bulleted" and lists[0][0].get("n") is None
    assert lists[0].find("item/list/item").text == "Nested item"  # type: ignore[union-attr]
    assert main.find("quote").text.startswith("A quotation")  # type: ignore[union-attr]
    code = main.find("code")
    assert code is not None and code.get("lang") == "python"
    assert code.text == "def f(x):\n    return x < 1"
    rows = main.findall("table/row")
    assert rows[0].get("role") == "label"
    assert rows[1][0].get("cols") == "2"
    assert "1 < 2 && 3 > 2" in "".join(main.itertext())


def test_tei_is_valid_tei_p5_with_the_header_trafilatura_users_know(
    rich: boilerkit.Document,
) -> None:
    root = assert_valid_tei(rich.to_tei(**RICH))
    assert root.tag == f"{TEI}TEI"
    assert root.nsmap[None] == "http://www.tei-c.org/ns/1.0"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    ns = {"t": TEI[1:-1]}
    file_desc = "t:teiHeader/t:fileDesc"
    assert root.xpath(f"{file_desc}/t:titleStmt/t:title[@type='main']/text()", namespaces=ns) == [
        "A & B: rich page"
    ]
    assert root.xpath(f"{file_desc}/t:titleStmt/t:author/text()", namespaces=ns) == [
        "Maria Schmidt"
    ]
    assert root.xpath(f"{file_desc}/t:publicationStmt/t:publisher/text()", namespaces=ns) == [
        "Example News"
    ]
    bibl = root.xpath(f"{file_desc}/t:sourceDesc/t:bibl[not(@type)]", namespaces=ns)[0]
    assert bibl.xpath("t:ptr/@target", namespaces=ns) == ["https://example.org/news/a"]
    assert bibl.xpath("t:idno[@type='URL']/text()", namespaces=ns) == ["https://example.org/news/a"]
    assert bibl.xpath("t:date/@when", namespaces=ns) == ["2024-03-05"]
    assert bibl.xpath("t:publisher/text()", namespaces=ns) == ["Example News"]
    entry = root.xpath("t:text/t:body/t:div[@type='entry']", namespaces=ns)[0]
    assert entry.xpath("t:p", namespaces=ns)  # the paragraph before the first heading
    sections = entry.xpath("t:div", namespaces=ns)
    assert [div[0].tag for div in sections] == [f"{TEI}head", f"{TEI}head"]
    assert entry.xpath(".//t:ab[@type='code']/t:code/@lang", namespaces=ns) == ["python"]
    assert entry.xpath(".//t:table/t:row/t:cell", namespaces=ns)
    assert entry.xpath(".//t:list/t:item", namespaces=ns)
    assert entry.xpath(".//t:quote", namespaces=ns)


@pytest.mark.parametrize(
    "slug", sorted(p.parent.name for p in (ROOT / "fixtures").glob("*/source.html"))
)
def test_tei_and_xml_of_every_fixture_are_valid(slug: str) -> None:
    data = (ROOT / "fixtures" / slug / "source.html").read_bytes()
    doc = boilerkit.extract(data, url=f"https://example.org/{slug}")
    assert_valid_tei(doc.to_tei(include_comments=True, **RICH))
    root = etree.fromstring(doc.to_xml(include_links=True).encode())
    main = root.find("main")
    assert main is not None
    # The same walk as the reader view: the same words in the same order.
    article = lxml_html.fragment_fromstring(render_html(doc.content))
    assert "".join("".join(main.itertext()).split()) == "".join("".join(article.itertext()).split())


HOSTILE = "ctl\x00\x01\x08\x0b\x0c\x1b[31m\x7f\x85 sur\ud800rogate \ufffe ]]> <&> \"'"


def test_hostile_strings_are_escaped_or_dropped() -> None:
    doc = boilerkit.Document(
        title=HOSTILE,
        author=HOSTILE,
        sitename=HOSTILE,
        url="https://example.org/?a=1&b=<2>",
        date="2024-01-02",
        description=HOSTILE,
        tags=(HOSTILE, "b"),
        text=HOSTILE,
        comments=HOSTILE,
        content=boilerkit.extract(
            f"<article><p>{HOSTILE}</p></article>".encode("utf-8", "surrogatepass")
        ).content,
    )
    for name in ("xml", "tei"):
        out = boilerkit.render_document(doc, name, boilerkit.Options(include_comments=True))
        out.encode("utf-8")  # no lone surrogate left
        root = etree.fromstring(out.encode("utf-8"))
        text = " ".join(root.itertext()) + " ".join(
            v for e in root.iter() for v in e.attrib.values()
        )
        assert "]]> <&>" in text
        assert not any(c in text for c in "\x00\x01\x08\x0b\x0c\ud800\ufffe")
    assert_valid_tei(doc.to_tei(include_comments=True))


def test_empty_document_gives_valid_tei_and_xml() -> None:
    doc = boilerkit.extract(b"")
    assert_valid_tei(doc.to_tei())
    assert etree.fromstring(doc.to_xml().encode()).find("main") is not None


def test_csv_is_rfc_4180_with_a_header(rich: boilerkit.Document) -> None:
    out = rich.to_csv()
    assert out.startswith("url,title,author,date,language,text\r\n")
    assert out.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["url", "title", "author", "date", "language", "text"]
    assert len(rows) == 2
    url, title, author, date, language, text = rows[1]
    assert (url, title, author, language) == (rich.url, rich.title, "Maria Schmidt", "en")
    assert date == rich.date
    assert text == rich.text and "\n" in text


def test_csv_quotes_what_must_be_quoted() -> None:
    doc = boilerkit.Document(title='Say "hi", then\r\nleave', text="a\x00b", url=None)
    out = doc.to_csv()
    assert out == csv_header() + ',"Say ""hi"", then\r\nleave",,,,ab\r\n'
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[1][1] == 'Say "hi", then\r\nleave'


def test_csv_of_many_documents_has_one_header(rich: boilerkit.Document) -> None:
    other = boilerkit.Document(title="Other", text="Other text.")
    out = render_csv([rich, other])
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert [row[1] for row in rows] == ["title", rich.title, "Other"]
    spec = REGISTRY["csv"]
    assert spec.header == csv_header()
    options = boilerkit.Options()
    assert spec.header + spec.render_record(other, options, None) == other.to_csv()


ANY_TEXT = st.lists(
    st.one_of(
        st.text(st.characters(codec=None, exclude_categories=()), max_size=8),
        st.sampled_from(["\ud800", "\udfff", "\x00", "\x1b", "\x85", "\ufffe", "]]>", "<", "&"]),
    ),
    max_size=8,
).map("".join)
"""Any text, with lone surrogates, controls and XML's special strings drawn often."""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, author=ANY_TEXT, paragraph=ANY_TEXT, tag=ANY_TEXT)
def test_any_text_gives_well_formed_xml_tei_and_csv(
    title: str, author: str, paragraph: str, tag: str
) -> None:
    content = lxml_html.fragment_fromstring("<p>x</p>", create_parent="div")
    content[0].text = xml_text(paragraph)  # what an lxml tree can hold at all
    doc = boilerkit.Document(
        title=title, author=author, tags=(tag,), url=title, text=paragraph, content=content
    )
    for name in ("xml", "tei"):
        out = boilerkit.render_document(doc, name)
        root = etree.fromstring(out.encode("utf-8"))
        assert len(root)
    rows = list(csv.reader(io.StringIO(doc.to_csv(), newline="")))
    assert len(rows) == 2
    assert rows[1][1] == title.replace("\x00", "")


def test_tei_names_boilerkit_and_its_version() -> None:
    root = etree.fromstring(boilerkit.Document().to_tei().encode())
    (application,) = root.iter(f"{TEI}application")
    assert application.get("ident") == "boilerkit"
    assert application.get("version") == boilerkit.__version__
