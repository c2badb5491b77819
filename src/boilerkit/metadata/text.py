"""Field-value hygiene shared by every metadata source.

Every value a source yields passes through ``clean_value``: HTML entities unescaped (twice,
for the double-escaped ``&amp;#039;`` that CMS templates produce), stray tags removed,
mojibake repaired by the encoding stage's ``repair_text``, whitespace collapsed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar
from urllib.parse import urlsplit

from ..encoding.repair import repair_text
from ..page.parse import join_url

_TAG = re.compile(r"<[^<>]{1,200}>")
_WORDS = re.compile(r"\w+")
_LIST_SEPARATOR = re.compile(r"[,;|]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


_MEMO: ContextVar[dict[str, str | None] | None] = ContextVar("clean_value_memo", default=None)
"""The values cleaned on the page being read (``one_page``): a page repeats its title, its
description and its authors across sources and searches, and a value that is not ASCII
costs a repair each time."""
_FINGERPRINTS: ContextVar[dict[str, str] | None] = ContextVar("fingerprints", default=None)
"""The fingerprints taken on the page being read: each title candidate is compared with
every headline, site name and part of the others."""
_DATES: ContextVar[dict[str, str | None] | None] = ContextVar("parsed_dates", default=None)
"""The dates ``dates.parse_date`` read on the page being read: a page declares its date
in several sources, and its in-page search reads some of them again (half the calls on
the corpus repeat a string of the same page)."""


@contextmanager
def one_page() -> Iterator[None]:
    """Remember what ``clean_value``, ``fingerprint`` and ``dates.parse_date`` give for
    each string until the page is read."""
    token = _MEMO.set({})
    prints = _FINGERPRINTS.set({})
    dates = _DATES.set({})
    try:
        yield
    finally:
        _DATES.reset(dates)
        _FINGERPRINTS.reset(prints)
        _MEMO.reset(token)


_T = TypeVar("_T")


def _remembered(
    memo_of: ContextVar[dict[str, _T] | None], text: str, read: Callable[[str], _T]
) -> _T:
    """``read(text)``, computed once per string on the page being read (``one_page``)."""
    memo = memo_of.get()
    if memo is None:
        return read(text)
    if text not in memo:
        memo[text] = read(text)
    return memo[text]


def remembered_date(text: str, read: Callable[[str], str | None]) -> str | None:
    """``read(text)`` (``dates.parse_date``'s reading), once per string on the page."""
    return _remembered(_DATES, text, read)


def clean_value(value: object) -> str | None:
    """A tidy one-line string, or ``None`` when nothing readable is left."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    if value.__class__ is not str:
        return _clean(str(value))
    return _remembered(_MEMO, value, _clean)


def _clean(text: str) -> str | None:
    for _ in range(2):
        if "&" not in text:
            break
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if not text.isascii():  # mojibake and invisible characters are all non-ASCII
        text = repair_text(text).translate(_INVISIBLE)
    return " ".join(text.split()) or None  # split() and regex \s: the same whitespace


def fingerprint(text: str) -> str:
    """Case- and punctuation-blind form, to compare values from different sources."""
    return _remembered(_FINGERPRINTS, text, _fingerprint)


def _fingerprint(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORDS.findall(folded))


def absolute_url(base: str | None, value: str | None) -> str | None:
    """``value`` resolved against ``base`` (in ``urljoin``'s order); only http(s) URLs
    survive."""
    if not value:
        return None
    resolved = join_url(base, value.strip())
    if resolved is None:
        return None
    try:
        if resolved.startswith("//"):
            resolved = "https:" + resolved
        parts = urlsplit(resolved)
        _ = parts.hostname  # raises on a malformed "[host]"
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return resolved


MAX_KEYWORD_CHARS = 80
"""A keyword (category, tag) longer than this is a sentence that lost its separators."""


def split_list(values: list[str]) -> tuple[str, ...]:
    """Comma/semicolon-separated keyword strings as a deduplicated tuple."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        for part in _LIST_SEPARATOR.split(value):
            item = clean_value(part)
            if item and len(item) <= MAX_KEYWORD_CHARS and fingerprint(item) not in seen:
                seen.add(fingerprint(item))
                out.append(item)
    return tuple(out)


# Host labels that name no site: "www.", public suffixes and common second levels.
_HOST_NOISE = frozenset(
    (
        "www",
        "www2",
        "m",
        "amp",
        "blog",
        "blogs",
        "news",
        "en",
        "de",
        "fr",
        "com",
        "org",
        "net",
        "co",
        "ac",
        "gov",
        "edu",
    )
)


def host_name(url: str | None) -> str | None:
    """The distinctive label of the URL's host ("gregoryszorc" for gregoryszorc.com)."""
    host = safe_host(url)
    if not host or host.replace(".", "").isdigit():
        return None
    labels = [label for label in host.split(".")[:-1] if label not in _HOST_NOISE]
    return labels[-1] if labels else None


def safe_host(url: str | None) -> str | None:
    """The URL's host name, or ``None`` (also for malformed URLs such as ``http://[x]``)."""
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None
