"""The extractors under comparison, each as ``raw page bytes -> text`` (or ``None``).

Every system is fed the same input: the raw bytes as fetched (what trafilatura's own
evaluation feeds it), so each one does its own decoding and the time of decoding counts.
Settings are each library's defaults, except ``include_comments=False`` for trafilatura,
as its published benchmarks run it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import metadata

Extractor = Callable[[bytes], "str | None"]


def extract_boilerkit(html: bytes) -> str | None:
    """boilerkit with default options."""
    import boilerkit

    return boilerkit.extract(html).text


def extract_trafilatura(html: bytes) -> str | None:
    """trafilatura, default settings, comments excluded."""
    import trafilatura

    result: str | None = trafilatura.extract(html, include_comments=False)
    return result


# jusText needs a stoplist. Measured on trafilatura-eval (jusText 3.0.2, default thresholds):
# the union of all its stoplists F1 0.849, the stoplist of the page's declared language
# (union when none) 0.826. The union is also what trafilatura's own jusText fallback uses.
# (trafilatura's tuned thresholds 50/150/0.1/0.2/0.25 with the union reach 0.873; they are
# not jusText's defaults, so the table does not use them.)
@cache
def _union_stoplist() -> frozenset[str]:
    import justext  # type: ignore[import-untyped]  # jusText ships no type hints

    return frozenset(w for name in justext.get_stoplists() for w in justext.get_stoplist(name))


def extract_justext(html: bytes) -> str | None:
    """jusText, default thresholds, union stoplist, good paragraphs one per line."""
    import justext

    paragraphs = justext.justext(html, _union_stoplist())
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
