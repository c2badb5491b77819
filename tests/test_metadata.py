"""Metadata stage, source by source, with small hand-written pages."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from boilerkit.metadata import Metadata, extract_metadata, jsonld
from boilerkit.metadata.byline import author_names
from boilerkit.page.parse import parse_html


def meta(head: str, body: str = "", url: str | None = None, lang: str = "") -> Metadata:
    """``extract_metadata`` on a page built from ``head`` and ``body`` markup."""
    page = f"<html{lang}><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(parse_html(page, url).root, url)


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- JSON-LD -------------------------------------------------------------------------


def test_jsonld_news_article_fields() -> None:
    found = meta(
        ld(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "Ferry fleet goes electric",
                "datePublished": "2024-05-14T09:30:00+01:00",
                "dateModified": "2024-05-15",
                "description": "Council backs the plan.",
                "author": {"@type": "Person", "name": "Priya Raman"},
                "publisher": {"@type": "Organization", "name": "The Halden Courier"},
                "image": {"@type": "ImageObject", "url": "/img/ferry.jpg"},
                "articleSection": "Transport",
                "keywords": ["ferries", "climate"],
                "inLanguage": "en-GB",
            }
        ),
        url="https://news.example/2024/ferries",
    )
    assert found.title == "Ferry fleet goes electric"
    assert found.authors == ("Priya Raman",)
    assert found.date == "2024-05-14T09:30:00+01:00"
    assert found.date_modified == "2024-05-15"
    assert found.sitename == "The Halden Courier"
    assert found.description == "Council backs the plan."
    assert found.image == "https://news.example/img/ferry.jpg"
    assert found.categories == ("Transport",)
    assert found.tags == ("ferries", "climate")
    assert found.language == "en-GB"
    assert found.page_type == "article"


def test_jsonld_graph_resolves_author_by_id() -> None:
    found = meta(
        ld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "@id": "#site", "name": "Field Journal"},
                    {
                        "@type": "BlogPosting",
                        "headline": "Puffins lay earlier",
                        "author": {"@id": "#eilidh"},
                        "datePublished": "2024-06-20",
                    },
                    {"@type": "Person", "@id": "#eilidh", "name": "Eilidh MacRae"},
                ],
            }
        )
    )
    assert found.authors == ("Eilidh MacRae",)
    assert found.sitename == "Field Journal"
    assert found.date == "2024-06-20"


def test_jsonld_top_level_list_and_author_list() -> None:
    found = meta(
        ld(
            [
                {"@type": "BreadcrumbList", "itemListElement": []},
                {
                    "@type": ["Article", "NewsArticle"],
                    "headline": "Two writers",
                    "author": [{"@type": "Person", "name": "Ann Lee"}, "Bo Chen"],
                },
            ]
        )
    )
    assert found.title == "Two writers"
    assert found.authors == ("Ann Lee", "Bo Chen")
    assert found.author == "Ann Lee; Bo Chen"


def test_jsonld_article_beats_embedded_videos() -> None:
    video = {"@type": "VideoObject", "name": "A related clip", "uploadDate": "2024-12-07"}
    article = {"@type": "NewsArticle", "headline": "The story", "datePublished": "2024-12-06"}
    found = meta(ld(video) + ld(article))
    assert found.title == "The story"
    assert found.date == "2024-12-06"


def test_jsonld_in_cdata_and_with_trailing_comma() -> None:
    script = (
        '<script type="application/ld+json"><![CDATA[ {"@type": "Article",'
        ' "headline": "Wrapped", "datePublished": "2023-01-02",} ]]></script>'
    )
    found = meta(script)
    assert found.title == "Wrapped"
    assert found.date == "2023-01-02"


@pytest.mark.parametrize(
    ("wrapped", "expected"),
    [
        ('<!-- {"a": 1} -->', ' {"a": 1} '),
        ('\n  // <![CDATA[\n{"a": 1}\n// ]]>\n', '\n{"a": 1}\n'),
        ('{"a": "x-->y"} //  -->  ', '{"a": "x-->y"} '),
        ('{"a": "//"} ///-->', '{"a": "//"} /'),
        ('{"a": "<!--"}', '{"a": "<!--"}'),
        ("<!-->", ">"),
        ("-->", ""),
    ],
)
def test_jsonld_wrappers_come_off_its_ends_only(wrapped: str, expected: str) -> None:
    assert jsonld._unwrapped(wrapped) == expected


def test_broken_jsonld_is_skipped() -> None:
    found = meta(
        '<script type="application/ld+json">{"@type": "Article", headline: }</script>'
        "<title>Fallback title</title>"
    )
    assert found.title == "Fallback title"


# --- OpenGraph, Twitter, Dublin Core, plain meta --------------------------------------------


def test_opengraph_and_article_tags() -> None:
    found = meta(
        '<meta property="og:title" content="Seed saving">'
        '<meta property="og:site_name" content="The Crooked Furrow">'
        '<meta property="og:description" content="Ferment, rinse, dry.">'
        '<meta property="og:type" content="article">'
        '<meta property="og:url" content="https://furrow.example/seeds/">'
        '<meta property="article:published_time" content="2023-08-27T07:00:00Z">'
        '<meta property="article:author" content="https://furrow.example/author/margaret">'
        '<meta property="article:tag" content="tomatoes">'
        '<meta property="article:tag" content="seeds">'
        '<meta property="article:section" content="Garden">'
    )
    assert found.title == "Seed saving"
    assert found.sitename == "The Crooked Furrow"
    assert found.description == "Ferment, rinse, dry."
    assert found.url == "https://furrow.example/seeds/"
    assert found.date == "2023-08-27T07:00:00+00:00"
    assert found.authors == (), "a profile URL is not a name"
    assert found.tags == ("tomatoes", "seeds")
    assert found.categories == ("Garden",)
    assert found.page_type == "article"


def test_twitter_card_fills_in() -> None:
    found = meta(
        '<meta name="twitter:title" content="Card title">'
        '<meta name="twitter:description" content="Card text">'
        '<meta name="twitter:image" content="https://cdn.example/c.png">'
    )
    assert (found.title, found.description) == ("Card title", "Card text")
    assert found.image == "https://cdn.example/c.png"


def test_dublin_core_and_space_separated_keys() -> None:
    found = meta(
        '<meta name="DC.creator" content="Jan de Vries">'
        '<meta name="DC.date.issued" content="2021-03-04">'
        '<meta property="og:title twitter:title" content="Shared title">'
        '<meta property="x:title dc:title" content="Preferred title">'
    )
    assert found.authors == ("Jan de Vries",)
    assert found.date == "2021-03-04"
    assert found.title == "Preferred title"


def test_property_beats_name_for_the_same_key() -> None:
    found = meta(
        '<meta name="dc:title" content="Name form">'
        '<meta property="dc:title" content="Property form">'
    )
    assert found.title == "Property form"


def test_meta_values_are_unescaped_and_repaired() -> None:
    found = meta(
        '<meta name="description" content="L&amp;#039;un des &amp;eacute;crivains">'
        "<title>  Spaced\n   title  </title>"
    )
    assert found.description == "L'un des écrivains"
    assert found.title == "Spaced title"


# --- microdata ------------------------------------------------------------------------


def test_microdata_article() -> None:
    body = """
    <article itemscope itemtype="https://schema.org/Article">
      <h1 itemprop="headline">Microdata headline</h1>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person">
        <span itemprop="name">Rosa Diaz</span></span>
      <time itemprop="datePublished" datetime="2022-02-03">3 Feb</time>
      <div itemprop="publisher" itemscope><meta itemprop="name" content="Micro Times"></div>
    </article>"""
    found = meta("", body)
    assert found.title == "Microdata headline"
    assert found.authors == ("Rosa Diaz",)
    assert found.date == "2022-02-03"
    assert found.sitename == "Micro Times"


def test_microdata_ignores_descriptions_of_other_things() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Person">'
        '<p itemprop="description">A person bio</p></div>'
    )
    assert meta("", body).description is None


# --- bylines --------------------------------------------------------------------------


def test_byline_in_page_when_nothing_is_declared() -> None:
    body = (
        '<article><h1>Report</h1><p class="byline">By Jane Doe and John Roe, '
        "Staff Writers | May 3, 2024</p><p>Text.</p></article>"
    )
    assert meta("", body).authors == ("Jane Doe", "John Roe")


def test_body_search_can_be_left_out() -> None:
    """Pages too large for block selection have only their markup read (``coarse``)."""
    body = (
        '<article><h1>Report</h1><p class="byline">By Jane Doe | May 3, 2024</p>'
        "<p>Text.</p></article>"
    )
    page = f'<html><head><meta name="author" content="Ann Lee"></head><body>{body}</body></html>'
    assert extract_metadata(parse_html(page).root, search_body=False).authors == ("Ann Lee",)
    bare = parse_html(f"<html><body>{body}</body></html>").root
    found = extract_metadata(bare, search_body=False)
    assert (found.authors, found.date) == ((), None)
    assert extract_metadata(parse_html(f"<html><body>{body}</body></html>").root).date == (
        "2024-05-03"
    )


def test_byline_found_by_wording() -> None:
    body = "<article><h1>Neue Brücke</h1><div>Von Lena Schmitz</div><p>Text.</p></article>"
    assert meta("", body).authors == ("Lena Schmitz",)


def test_byline_whose_name_is_a_child_element() -> None:
    # Drupal's "Submitted by <span property=foaf:name>Name</span> on <date>": the text that
    # opens the byline ends at "by"; the name and the date follow in and after the child.
    body = (
        '<article><h1>Why we stopped digging</h1><div class="meta"><span>Submitted by '
        '<span class="username" property="foaf:name">Jill Ambrose</span> on Sun, '
        "09/03/2014 - 17:42</span></div><p>Text.</p></article>"
    )
    assert meta("", body).authors == ("Jill Ambrose",)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Posted by Tom Fairweather on May 21, 2001", ["Tom Fairweather"]),
        ("Submitted by Jill Ambrose on Sun, 09/03/2014 - 17:42", ["Jill Ambrose"]),
        ("By Ann Onslow", ["Ann Onslow"]),  # "on" inside a name is no date's
        ("Автор: Ирина Волкова", ["Ирина Волкова"]),
        ("Иван Петров и Мария Сидорова", ["Иван Петров", "Мария Сидорова"]),
        ("投稿者\uff1a山田花子", ["山田花子"]),  # full-width colon
        ("山田太郎記者", ["山田太郎"]),
        ("记者 李晓燕", ["李晓燕"]),
        ("김민준 기자 minjun@example.co.kr", ["김민준"]),
        ("लेखक: अनीता सिंह", ["अनीता सिंह"]),
        ("Oleh: Budi Santoso", ["Budi Santoso"]),
        ("Oleh Sukhov", ["Oleh Sukhov"]),  # a Ukrainian first name, not the Malay "by"
        ("文在寅", ["文在寅"]),  # 文 ("text") is a label only before a colon
    ],
)
def test_author_labels_and_titles_of_other_languages(raw: str, names: list[str]) -> None:
    assert author_names(raw, strict=True) == names


@pytest.mark.parametrize(
    "line",
    ["Author: Jane Doe", "Автор: Ирина Волкова", "김민준 기자", "लेखक: अनीता सिंह"],
)
def test_byline_found_by_labelled_wording(line: str) -> None:
    body = f"<article><h1>Report</h1><div>{line}</div><p>Text.</p></article>"
    assert meta("", body).authors == tuple(author_names(line))


def test_byline_wording_needs_a_name() -> None:
    body = "<article><p>By the way, this is not a byline.</p></article>"
    assert meta("", body).authors == ()


def test_comment_authors_are_not_article_authors() -> None:
    body = (
        '<article><p>Text.</p></article><ol class="commentlist"><li>'
        '<div class="comment-author">Troll McTroll</div></li></ol>'
    )
    assert meta("", body).authors == ()


def test_author_placeholders_and_site_names_are_dropped() -> None:
    found = meta(
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta name="author" content="Daily Planet">'
    )
    assert found.authors == ()
    assert meta('<meta name="author" content="Staff">').authors == ()


def test_author_cleanup() -> None:
    found = meta('<meta name="author" content="By Grant Tinsley, PhD (grant@example.com)">')
    assert found.authors == ("Grant Tinsley",)


# --- dates ----------------------------------------------------------------------------


def test_date_from_url_path() -> None:
    found = meta("<title>x</title>", url="https://blog.example/2019/06/19/post-name/")
    assert found.date == "2019-06-19"


def test_future_dates_are_refused() -> None:
    found = meta(
        '<meta property="article:published_time" content="2999-01-01">'
        '<meta name="date" content="2020-02-02">'
    )
    assert found.date == "2020-02-02"


def test_copyright_year_is_not_a_date() -> None:
    page = (
        "<html><head><title>t</title></head><body><p>Some text without dates.</p>"
        "<footer>© 2021 Example Ltd</footer></body></html>"
    )
    found = extract_metadata(parse_html(page).root, None)
    assert found.date is None or not found.date.startswith("2021-01-01")


def test_local_time_beats_utc_rendering_of_same_moment() -> None:
    found = meta(
        ld({"@type": "NewsArticle", "headline": "h", "datePublished": "2022-05-04T00:44:52Z"})
        + '<meta name="date" content="2022-05-03T21:44:52-03:00">'
    )
    assert found.date == "2022-05-03T21:44:52-03:00"


def test_modified_before_published_is_dropped() -> None:
    found = meta(
        '<meta property="article:published_time" content="2020-05-05">'
        '<meta property="article:modified_time" content="2020-01-01">'
    )
    assert (found.date, found.date_modified) == ("2020-05-05", None)


# --- titles, site names, URLs, language ----------------------------------------------------


def test_title_suffix_with_declared_site_name() -> None:
    found = meta(
        "<title>Council backs ferry plan | The Halden Courier</title>"
        '<meta property="og:site_name" content="The Halden Courier">'
    )
    assert found.title == "Council backs ferry plan"


def test_title_of_many_separators_is_kept_whole() -> None:
    # A keyword-list (or tag-soup) title is not "Headline | Site": no cut is tried, which
    # on a 100,000-part title used to take minutes.
    keywords = " | ".join(f"keyword {i}" for i in range(100_000))
    found = meta(f'<title>{keywords}</title><meta property="og:site_name" content="keyword 99999">')
    assert found.title == keywords


def test_title_prefix_matching_the_host() -> None:
    found = meta(
        "<title>Wikinews - Storm hits coast</title>", url="https://www.wikinews.example/storm"
    )
    assert found.title == "Storm hits coast"


def test_title_colon_prefix_spelling_the_host_is_the_site() -> None:
    # A blog platform's default title, "Blog Name: Post title", on the blog's own host.
    found = meta(
        "<title>Saltmarsh Notes: Curlews back on the estuary</title>",
        url="https://saltmarshnotes.blogspot.com/2021/03/curlews.html",
    )
    assert (found.title, found.sitename) == ("Curlews back on the estuary", "Saltmarsh Notes")


def test_title_colon_prefix_of_another_word_is_the_headline() -> None:
    # The same shape where the prefix is not the host: a colon opens many headlines.
    found = meta(
        "<title>Curlews: back on the estuary</title>",
        url="https://saltmarshnotes.blogspot.com/2021/03/curlews.html",
    )
    assert found.title == "Curlews: back on the estuary"


def test_title_suffix_named_in_the_footer() -> None:
    found = meta(
        "<title>The Old Mill at Hatherley - Hatherley History Society</title>",
        "<p>Text</p><footer>Hatherley History Society, est. 1974</footer>",
    )
    assert found.title == "The Old Mill at Hatherley"
    assert found.sitename == "Hatherley History Society"


def test_title_headline_chosen_by_h1() -> None:
    found = meta(
        "<title>Section - Real headline here - Site</title>", "<h1>Real headline here</h1>"
    )
    assert found.title == "Real headline here"


def test_logo_h1_is_not_the_headline() -> None:
    found = meta(
        "<title>Story title :: Brand</title>",
        '<h1 class="site-logo">Brand</h1><h2>Story title</h2>',
    )
    assert found.title == "Story title"


def test_title_without_separator_is_kept_whole() -> None:
    assert meta("<title>Covid-19: what we know</title>").title == "Covid-19: what we know"


def test_canonical_url_is_absolute() -> None:
    found = meta('<link rel="canonical" href="/news/a?id=1">', url="https://site.example/x")
    assert found.url == "https://site.example/news/a?id=1"


def test_language_from_html_lang_is_bcp47() -> None:
    assert meta("", lang=' lang="en_us"').language == "en-US"
    assert meta('<meta http-equiv="content-language" content="de">').language == "de"


def test_license_link() -> None:
    found = meta("", '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC</a>')
    assert found.license == "https://creativecommons.org/licenses/by/4.0/"


def test_extract_metadata_does_not_mutate_the_tree() -> None:
    page = (
        "<html><head><title>A | B</title>"
        + ld({"@type": "Article", "headline": "A"})
        + "</head><body><h1>A</h1><p class='byline'>By X Y</p></body></html>"
    )
    root = parse_html(page).root
    before = etree.tostring(root)
    metadata = extract_metadata(root, "https://b.example/2020/01/02/a")
    assert metadata.title == "A"
    assert etree.tostring(root) == before


def test_malformed_urls_are_ignored() -> None:
    found = meta(
        '<link rel="canonical" href="http://[ccpa-preferences]/x"><title>Story - Site</title>',
        url="http://[bad/",
    )
    assert found.url is None
    assert found.title == "Story - Site"


_SITE_HEADER = (
    '<header itemscope itemtype="https://schema.org/WebSite"><a itemprop="url" href="/">'
    '<span itemprop="name">Town Hall</span></a></header>'
)


def _microdata_page(body: str) -> Metadata:
    return extract_metadata(parse_html(f"<html><body>{_SITE_HEADER}{body}</body></html>").root)


def test_one_microdata_article_declares_an_article() -> None:
    found = _microdata_page(
        '<div itemscope itemtype="http://schema.org/Article"><h1 itemprop="headline">Bridge'
        ' closed</h1><span itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<span itemprop="name">A. Clerk</span></span><p>The bridge is closed.</p></div>'
    )
    assert found.page_type == "article"
    assert found.page_type_confidence == 1.0


def test_a_blog_index_of_microdata_posts_declares_nothing() -> None:
    post = (
        '<article itemscope itemtype="https://schema.org/BlogPosting"><h2 itemprop="headline">'
        "Post {n}</h2><p>Teaser {n}.</p></article>"
    )
    found = _microdata_page("".join(post.format(n=n) for n in range(3)))
    assert found.page_type == "other"


def test_a_site_header_item_alone_declares_nothing() -> None:
    found = _microdata_page("<p>Opening hours: Monday to Friday.</p>")
    assert found.page_type == "other"
