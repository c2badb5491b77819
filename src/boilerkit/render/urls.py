"""URLs and class names as the renderers need them: resolved, and safe to put in output.

Every link and image source that reaches any output format passes ``safe_url``: it is
resolved against the page URL and kept only when its scheme is one a reader can follow
without running anything (no ``javascript:``, ``data:``, ``vbscript:``, ``file:``...).
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

from lxml import html as lxml_html

from ..page.parse import join_url

LINK_SCHEMES: Final = frozenset({"http", "https", "mailto", "ftp", "tel"})
IMAGE_SCHEMES: Final = frozenset({"http", "https"})
IMAGE_ATTRIBUTES: Final = ("src", "data-src", "data-original", "data-lazy-src", "data-url")
"""Where pages keep an image's address, lazy-loading attributes included, in order of trust."""

# Browsers strip leading and trailing controls and spaces from a URL and drop tabs and
# newlines anywhere in it, so "java\tscript:" is "javascript:" to them: do the same
# before looking at the scheme.
_EDGES: Final = "".join(map(chr, range(0x21)))
_IGNORED = re.compile(r"[\t\n\r]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# Class names that say a code block's language: "language-python", "lang-js",
# "highlight-source-rust" (GitHub), "highlight-python" (Sphinx), "brush: php" (SyntaxHighlighter).
_LANGUAGE = re.compile(
    r"(?:^|\s)(?:language|lang|highlight-source|highlight)-([A-Za-z0-9_+#.-]{1,30})(?:\s|$)"
    r"|brush:\s*([A-Za-z0-9_+#.-]{1,30})",
)
_NOT_LANGUAGES: Final = frozenset({"none", "plaintext", "text", "default", "notranslate"})


def safe_url(
    raw: str | None, base_url: str | None, schemes: frozenset[str] = LINK_SCHEMES
) -> str | None:
    """``raw`` resolved against ``base_url``, or None when empty or not safe to follow."""
    if not raw:
        return None
    url = _IGNORED.sub("", raw.strip(_EDGES))
    if not url or _CONTROL.search(url):
        return None
    joined = join_url(base_url, url)
    if joined is None:  # e.g. a malformed IPv6 host
        return None
    url = joined
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    if scheme:
        return url if scheme in schemes else None
    # Still relative (no usable base): only a path, query or fragment, never "x:..."
    return None if ":" in url.split("/", 1)[0] else url


def image_source(image: lxml_html.HtmlElement, base_url: str | None) -> str | None:
    """The image's real address (lazy-loading placeholders skipped), if safe."""
    for attribute in IMAGE_ATTRIBUTES:
        src = safe_url(image.get(attribute), base_url, IMAGE_SCHEMES)
        if src:
            return src
    return None


def code_language(pre: lxml_html.HtmlElement) -> str:
    """A code block's language from class names on it, its ``<code>`` or its wrappers."""
    code = pre.find("code")
    candidates = [pre, code] if code is not None else [pre]
    parent = pre.getparent()
    for _ in range(2):
        if parent is None:
            break
        candidates.append(parent)
        parent = parent.getparent()
    for element in candidates:
        match = _LANGUAGE.search(element.get("class") or "")
        if match:
            language = (match.group(1) or match.group(2)).lower()
            if language not in _NOT_LANGUAGES:
                return language
    return ""
