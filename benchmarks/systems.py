"""The extractors under comparison, each as ``raw page bytes -> text`` (or ``None``).

Every system is fed the same input: the raw bytes as fetched (what trafilatura's own
evaluation feeds it), so each one does its own decoding and the time of decoding counts.
Settings are each library's defaults, except ``include_comments=False`` for trafilatura,
as its published benchmarks run it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import metadata

Extractor = Callable[[bytes], "str | None"]

# jusText needs a stoplist per language. The page's declared language (``<html lang>``,
# primary subtag) picks one; pages that declare none, or a language jusText has no list
# for, use the union of all its lists, which is what trafilatura's own jusText fallback does.
_LANG_ATTR = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?\s*([a-zA-Z]{2,3})", re.I)
_JUSTEXT_LANGUAGES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "nb": "Norwegian_Bokmal", "nl": "Dutch",
    "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian",
    "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese",
}  # fmt: skip


def extract_boilerkit(html: bytes) -> str | None:
    """boilerkit with default options."""
    import boilerkit

    return boilerkit.extract(html).text


def extract_trafilatura(html: bytes) -> str | None:
    """trafilatura, default settings, comments excluded."""
    import trafilatura

    result: str | None = trafilatura.extract(html, include_comments=False)
    return result


@cache
def _stoplist(language: str | None) -> frozenset[str]:
    import justext  # type: ignore[import-untyped]  # jusText ships no type hints

    if language is not None:
        return frozenset(justext.get_stoplist(language))
    words: set[str] = set()
    for name in justext.get_stoplists():
        words.update(justext.get_stoplist(name))
    return frozenset(words)


def justext_language(html: bytes) -> str | None:
    """The jusText stoplist name for the page's declared language, if it has one."""
    match = _LANG_ATTR.search(html[:20000])
    code = match.group(1).decode("ascii").lower()[:2] if match else ""
    return _JUSTEXT_LANGUAGES.get(code)


def extract_justext(html: bytes) -> str | None:
    """jusText, default thresholds, boilerplate paragraphs dropped, paragraphs one a line."""
    import justext

    stoplist = _stoplist(justext_language(html))
    paragraphs = justext.justext(html, stoplist)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


SYSTEMS: dict[str, Extractor] = {
    "boilerkit": extract_boilerkit,
    "trafilatura": extract_trafilatura,
    "justext": extract_justext,
}
"""In-process systems, in table order. readability-lxml runs from its own environment."""

_DISTRIBUTIONS = {"boilerkit": "boilerkit", "trafilatura": "trafilatura", "justext": "jusText"}


def version(system: str) -> str:
    """The installed version of an in-process system."""
    try:
        return metadata.version(_DISTRIBUTIONS.get(system, system))
    except metadata.PackageNotFoundError:
        return "?"
