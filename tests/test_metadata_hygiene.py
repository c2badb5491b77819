"""Property: whatever the metadata sources of a page hold, the Document's values are clean.

Hostile values (lone surrogates, C0/C1 controls, terminal escapes, impossible dates,
long runs of "@" and digits) are written into each source boilerkit reads metadata from:
``<meta>`` tags, JSON-LD (as JSON escapes, so ``"\\ud800"`` arrives as a surrogate),
microdata and ``<time datetime>``. Every string of the result must be valid Unicode
without controls but ``\\n`` and ``\\t``, and every date valid ISO 8601 or ``None``
(``hygiene``). 10,000 examples by default: small pages, about a minute.
"""

from __future__ import annotations

import html
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import boilerkit
from tests.test_contract import assert_clean

EXAMPLES = int(os.environ.get("BOILERKIT_HYGIENE_EXAMPLES", "10000"))

HOSTILE = (
    "\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\x9b\ud800\udfff\ud83d\ufeff\u200b\ufffe\uffff"
    "@&#;x<>/b[]0123456789 \n\t-:TZ+.,aé中"
)
"""Characters that break values: C0/C1 controls (ESC and BEL make terminal escapes), lone
surrogates, non-characters, invisible ones, and those that build markup, character
references, e-mail addresses and dates."""
VALUES = st.text(alphabet=HOSTILE, max_size=24)
STAMPS = st.builds(
    "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}".format,
    st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99),
    st.integers(0, 99), st.integers(0, 99), st.integers(0, 99),
    st.sampled_from(["", "Z", "+01:00", "+99:99", "-0530", "\x1b"]),
)  # fmt: skip
DATES = st.one_of(STAMPS, VALUES)
BODY = "<article><h1>Heading</h1><p>" + "Words of the article body here. " * 6 + "</p></article>"


def _attribute(value: str) -> str:
    return html.escape(value.replace("\x00", ""), quote=True)


@st.composite
def pages(draw: st.DrawFn) -> str:
    title, author, site, description, keyword = (draw(VALUES) for _ in range(5))
    published, modified, shown = draw(DATES), draw(DATES), draw(DATES)
    sources = draw(st.sets(st.sampled_from(["meta", "jsonld", "microdata", "time"]), min_size=1))
    head: list[str] = []
    body: list[str] = []
    if "meta" in sources:
        for name, value in (
            ("og:title", title), ("author", author), ("og:site_name", site),
            ("description", description), ("keywords", keyword),
            ("article:published_time", published), ("article:modified_time", modified),
        ):  # fmt: skip
            head.append(f'<meta property="{name}" name="{name}" content="{_attribute(value)}">')
    if "jsonld" in sources:
        data = {
            "@type": "NewsArticle",
            "headline": title,
            "author": {"@type": "Person", "name": author},
            "publisher": {"name": site},
            "datePublished": published,
            "dateModified": modified,
            "keywords": [keyword],
            "description": description,
        }
        # ensure_ascii: surrogates and controls travel as JSON escapes, as pages write them
        payload = json.dumps(data, ensure_ascii=True).replace("</", "<\\/")
        head.append(f'<script type="application/ld+json">{payload}</script>')
    if "microdata" in sources:
        body.append(
            '<div itemscope itemtype="https://schema.org/Article">'
            f'<span itemprop="headline">{html.escape(title)}</span>'
            f'<span itemprop="author">{html.escape(author)}</span>'
            f'<meta itemprop="datePublished" content="{_attribute(published)}"></div>'
        )
    if "time" in sources:
        body.append(f'<time datetime="{_attribute(shown)}">{html.escape(shown)}</time>')
    return f"<html><head>{''.join(head)}</head><body>{''.join(body)}{BODY}</body></html>"


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(page=pages(), as_bytes=st.booleans())
def test_metadata_from_hostile_sources_leaves_clean(page: str, as_bytes: bool) -> None:
    html_input: bytes | str = page.encode("utf-8", "surrogatepass") if as_bytes else page
    doc = boilerkit.extract(html_input, fallback=False, time_budget=None)
    assert_clean(doc)
    json.loads(doc.to_json())
