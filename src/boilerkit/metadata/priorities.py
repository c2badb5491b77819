"""The single table of metadata sources, in the order they are trusted, per field.

Source names (what ``sources.collect`` records):

- ``jsonld``: schema.org JSON-LD, the article object (``NewsArticle``, ``BlogPosting``...);
  ``jsonld_site``: its ``publisher`` / the ``WebSite`` object; ``jsonld_page``: a
  ``WebPage`` object when the page has no article object.
- ``og``: OpenGraph and ``article:*``; ``twitter``: Twitter cards; ``dc``: Dublin Core
  (``dc.*``, ``dcterms.*``); ``meta``: plain ``<meta name=...>`` (``author``,
  ``description``, ``date``, ``parsely-*``, ``sailthru.*``...).
- ``microdata``: ``itemprop`` attributes on visible elements.
- ``title_tag``: ``<title>``; ``h1``: the page's headline element; ``byline``: an author
  line in the page; ``time``: a ``<time datetime>`` element; ``url``: a date in the URL
  path; ``canonical``: ``<link rel=canonical>``; ``html_lang``: ``<html lang>``;
  ``page``: the date the page shows (``dates.page_date``), read only when the structured
  sources give no date or disagree.

The order was set by measuring normalized-match accuracy on the development corpora
(``benchmarks/bench_metadata.py``): publisher-maintained structured data first, the
page's visible text after it, guesses last.
"""

from __future__ import annotations

PRIORITIES: dict[str, tuple[str, ...]] = {
    "title": ("jsonld", "dc", "og", "twitter", "meta", "microdata", "jsonld_page", "title_tag"),
    "author": ("jsonld", "meta", "dc", "og", "microdata", "jsonld_page"),
    "date": ("og", "jsonld", "microdata", "dc", "meta", "jsonld_page", "time", "url", "page"),
    "date_modified": ("jsonld", "og", "microdata", "dc", "meta", "jsonld_page"),
    "sitename": ("og", "jsonld_site", "meta", "dc", "title_affix", "host"),
    "description": ("og", "dc", "meta", "jsonld", "twitter", "microdata", "jsonld_page"),
    "language": ("html_lang", "meta", "og", "dc", "jsonld", "jsonld_page"),
    "url": ("canonical", "og", "jsonld", "jsonld_page", "page_url"),
    "image": ("og", "twitter", "jsonld", "microdata", "meta", "jsonld_page"),
    "categories": ("jsonld", "og", "meta", "microdata"),
    "tags": ("og", "jsonld", "meta", "microdata"),
    "license": ("link_license", "jsonld", "dc", "meta"),
}
