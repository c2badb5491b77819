"""XML-TEI: the document as a TEI P5 file, the structure digital-humanities corpora use.

The header follows what trafilatura writes, so corpora built with either read the same::

    TEI (xmlns=http://www.tei-c.org/ns/1.0, xml:lang)
    ├── teiHeader
    │   ├── fileDesc
    │   │   ├── titleStmt: title type=main, author (one per author)
    │   │   ├── publicationStmt: publisher (the site) + availability (the license),
    │   │   │                    or an empty p when neither is known
    │   │   └── sourceDesc: bibl (title, author, publisher, date, the URL as idno and ptr),
    │   │                   bibl type=sigle ("site, date")
    │   ├── profileDesc: abstract (description), textClass/keywords (categories, tags)
    │   └── encodingDesc/appInfo/application ident=boilerkit
    └── text/body: div type=entry (the article), div type=comments

The body is ``as_xml``'s, in TEI's namespace. The tests validate the output against the
TEI P5 ``tei_corpus`` DTD that trafilatura ships.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from lxml import etree

from ..options import Options
from .as_xml import TEI_NS, Builder, attribute_value, fill_body, serialize
from .record import Record

_LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_ISO_DATE: Final = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"


@cache
def _version() -> str:
    """boilerkit's version, from the installed metadata, read on first use: the lookup and
    ``importlib.metadata`` cost about 5 ms at every start of a process otherwise (and every
    start of the command line). Importing ``boilerkit.__version__`` here would make the
    package import itself (render is imported by the package's own __init__)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("boilerkit")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def document_tei(document: Record, options: Options, base_url: str | None) -> str:
    """The document as a TEI P5 XML file (see the module docstring for its structure)."""
    builder = Builder(tei=True)
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    if document.language and _LANGUAGE_TAG.fullmatch(document.language):
        root.set(_XML_LANG, document.language)
    header = builder.sub(root, "teiHeader")
    _file_desc(builder, builder.sub(header, "fileDesc"), document)
    _profile_desc(builder, header, document)
    application = builder.sub(
        builder.sub(builder.sub(header, "encodingDesc"), "appInfo"),
        "application",
        ident="boilerkit",
        version=_version(),
    )
    builder.sub(application, "label", "boilerkit")
    body = builder.sub(builder.sub(root, "text"), "body")
    entry = builder.sub(body, "div", type="entry")
    fill_body(
        builder,
        entry,
        document,
        options,
        base_url,
        lambda: builder.sub(body, "div", type="comments"),
    )
    if not len(entry) and not (entry.text or "").strip():
        builder.sub(entry, "p")  # a div must hold something: no main content is an empty p
    return serialize(root)


def _file_desc(builder: Builder, file_desc: etree._Element, document: Record) -> None:
    title_stmt = builder.sub(file_desc, "titleStmt")
    builder.sub(title_stmt, "title", document.title or "", type="main")
    authors = document.authors or ((document.author,) if document.author else ())
    for author in authors:
        builder.sub(title_stmt, "author", author)
    publication = builder.sub(file_desc, "publicationStmt")
    if document.sitename or document.license:
        builder.sub(publication, "publisher", document.sitename or "")
        if document.license:
            builder.sub(builder.sub(publication, "availability"), "p", document.license)
    else:
        builder.sub(publication, "p")
    source = builder.sub(file_desc, "sourceDesc")
    bibl = builder.sub(source, "bibl")
    if document.title:
        builder.sub(bibl, "title", document.title, type="main")
    for author in authors:
        builder.sub(bibl, "author", author)
    if document.sitename:
        builder.sub(bibl, "publisher", document.sitename)
    if document.date:
        when = document.date if _ISO_DATE.fullmatch(document.date[:10]) else ""
        builder.sub(bibl, "date", document.date, when=when[:10])
    if document.url:
        builder.sub(bibl, "idno", document.url, type="URL")
        builder.sub(bibl, "ptr", type="URL", target=document.url)
    sigle = ", ".join(filter(None, [document.sitename, document.date]))
    if sigle:
        builder.sub(source, "bibl", sigle, type="sigle")


def _profile_desc(builder: Builder, header: etree._Element, document: Record) -> None:
    if not (document.description or document.categories or document.tags):
        return
    profile = builder.sub(header, "profileDesc")
    if document.description:
        builder.sub(builder.sub(profile, "abstract"), "p", document.description)
    if document.categories or document.tags:
        keywords = builder.sub(builder.sub(profile, "textClass"), "keywords")
        for kind in ("categories", "tags"):
            value = attribute_value(getattr(document, kind))
            if value:
                builder.sub(keywords, "term", value, type=kind)
