"""Decode stage: a page's bytes to ``str``, whatever its declarations say.

Evidence is weighed in the browser's order (WHATWG Encoding Standard): a byte-order mark,
then the HTTP ``Content-Type`` charset, then ``<meta charset>`` / ``http-equiv`` / the XML
declaration in the first bytes, then detection. A declaration is trusted only when the
bytes agree with it, because pages that say UTF-8 but are windows-1252 or GBK, and pages
that say ISO-8859-1 but are UTF-8, are common on the web:

- bytes that are valid UTF-8 (and not plain ASCII) are UTF-8, whatever was declared;
- bytes that are UTF-8 apart from a few stray windows-1252 bytes (a template in UTF-8
  with a pasted legacy snippet) are UTF-8 with those bytes read as windows-1252;
- otherwise each candidate (the declarations, the usual legacy encodings, chardet's
  guess) is decoded over a sample of the page's non-ASCII words and scored with the
  repair stage's plausibility model; the declared one wins unless another is clearly
  more plausible.

UTF-16 and UTF-32 are recognised by their BOM or, without one, by where the zero bytes
of the ASCII markup fall. ``decode_html`` never raises.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import chardet

from ..weights.encoding import DecodeWeights, PlausibilityCosts
from .code_pages import codec_for_label
from .plausibility import COSTS, alphabet_spread, cost, costs_in_force
from .text_stats import CODEC_HOME

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^\s"';,]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:()-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
# Words are runs of bytes between whitespace, "<" and ">"; ``_high_words`` finds those
# holding a high byte by searching for the byte and widening to its word.
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_WORD_REST = re.compile(rb"[^\s<>]*")
_WORD_BOUNDARIES = tuple(bytes([b]) for b in b" \t\n\r\f\v<>")
# Legacy encodings tried when the declaration is missing or contradicted, most common
# first (a tie goes to the earlier one).
_CANDIDATES = (
    "cp1252",
    "gb18030",
    "cp1251",
    "cp932",
    "big5hkscs",
    "cp949",
    "euc_jp",
    "cp1250",
    "iso8859-2",
    "cp1254",
    "cp1253",
    "iso8859-7",
    "cp1256",
    "cp1255",
    "cp874",
    "koi8-r",
    "cp1258",
    "cp1257",
)


WEIGHTS = DecodeWeights()


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded page text and how the encoding was chosen."""

    text: str
    encoding: str
    reason: str
    confidence: float
    stray_bytes: int = 0
    """Bytes of a mostly-UTF-8 page that were not UTF-8 and were read as windows-1252."""
    verbatim: bool = False
    """Whether ``text`` is the bytes read as UTF-8 (or ASCII) unchanged, so that the bytes
    are its UTF-8: the parse stage then hands them to libxml2 without encoding ``text``."""


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the offending bytes as windows-1252 (C1 if undefined)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    raw = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in raw), error.end


codecs.register_error("boilerkit-cp1252", _cp1252_fallback)


def _declared(
    data: bytes, content_type: str | None, weights: DecodeWeights
) -> tuple[str | None, str | None]:
    """(codec named by the HTTP header, codec named inside the document)."""
    http = None
    if content_type:
        found = _HEADER_CHARSET.search(content_type)
        http = codec_for_label(found.group(1)) if found else None
    head = data[: weights.prescan_bytes]
    found_b = _XML_DECL.search(head) or _META_CHARSET.search(head)
    meta = codec_for_label(found_b.group(1).decode("ascii", "replace")) if found_b else None
    if meta and meta.startswith(("utf-16", "utf-32")):
        meta = "utf-8"  # a document that can state it in ASCII is not UTF-16 (WHATWG)
    return http, meta


def _sniff_wide(data: bytes, weights: DecodeWeights) -> str | None:
    """UTF-16/32 without BOM: the zero bytes of ASCII markup fall in fixed lanes."""
    head = data[:1024]
    if len(head) < 8 or head.count(0) < len(head) * weights.zero_ratio / 2:
        return None
    lanes = [head[i::4].count(0) / max(1, len(head[i::4])) for i in range(4)]
    full, empty = weights.lane_full, weights.lane_empty
    if lanes[2] > full and lanes[3] > full and lanes[0] < empty:  # BMP text: top bytes zero
        return "utf-32-le"
    if lanes[0] > full and lanes[1] > full and lanes[3] < empty:
        return "utf-32-be"
    odd, even = (lanes[1] + lanes[3]) / 2, (lanes[0] + lanes[2]) / 2
    if (
        odd > weights.zero_ratio and even < weights.lane_clean
    ):  # markup's high bytes; text's never zero
        return "utf-16-le"
    if even > weights.zero_ratio and odd < weights.lane_clean:
        return "utf-16-be"
    return None


def _is_utf8(word: bytes) -> bool:
    try:
        word.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _sample(data: bytes, budget: int) -> bytes:
    """Whole words holding high bytes, up to a budget: all the evidence, little of the work."""
    words: list[bytes] = []
    size = 0
    for word in _high_words(data):
        if _is_utf8(word):
            continue  # a UTF-8 snippet inside a legacy page says nothing of the page
        words.append(word)
        size += len(word) + 1
        if size > budget:
            break
    return b" ".join(words)


def _high_words(data: bytes) -> Iterator[bytes]:
    """The words of ``data`` that hold a high byte, in order.

    Found from the high bytes outward (a search for the byte, ``rfind`` back to the word's
    start): a regex matched at every word start tried every ASCII word of a legacy page,
    4-7 times slower (2.3-3.9 ms on a 100-300 kB page, called twice when the declaration
    does not read cleanly). The last word ended on a boundary byte, so the ``rfind``s
    from there always find one.
    """
    pos = 0
    while (high := _HIGH_BYTE.search(data, pos)) is not None:
        at = high.start()
        start = max(data.rfind(boundary, pos, at) for boundary in _WORD_BOUNDARIES) + 1
        end = _WORD_REST.match(data, at).end()  # type: ignore[union-attr]  # matches empty
        yield data[start:end]
        pos = end


def _finish(text: str, codec: str) -> str:
    return unicodedata.normalize("NFC", text) if codec == "cp1258" else text


def _score(sample: bytes, codec: str) -> float | None:
    """Plausibility cost of the sample in ``codec`` (``None`` if it does not decode)."""
    try:
        text = sample.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    text = _finish(text, codec)
    return cost(text, CODEC_HOME.get(codec)) + alphabet_spread(text)


def _pick_legacy(
    data: bytes, preferred: list[str], weights: DecodeWeights
) -> tuple[str, str, float]:
    """Choose among the declared encodings and the usual legacy ones by plausibility.

    A declared encoding under which the page reads cleanly is taken at once. Otherwise
    every candidate is scored on a short sample and the three best again on a longer one.
    """
    sample = _sample(data, weights.sample_bytes)
    for codec in preferred:
        score = _score(sample, codec)
        if score is not None and score <= weights.clean_cost:
            return codec, "declared, bytes agree", 0.95
    order = list(dict.fromkeys([*preferred, *_CANDIDATES]))
    short = _sample(data, weights.short_sample_bytes)
    first = {c: s for c in order if (s := _score(short, c)) is not None}
    finalists = sorted(first, key=lambda c: (first[c], order.index(c)))[:3]
    if not first or first[finalists[0]] > weights.poor_cost * max(1, len(short) / 100):
        # None of the usual encodings explains the page: ask chardet for an unusual one.
        guess = codec_for_label(chardet.detect(data[:16384]).get("encoding"))
        if guess and guess not in order:
            order.append(guess)
            finalists.append(guess)
    finalists += [c for c in preferred if c in first and c not in finalists]
    scores = {c: s for c in finalists if (s := _score(sample, c)) is not None}
    if not scores:
        return (preferred[0] if preferred else "cp1252"), "nothing decodes cleanly", 0.3
    best = min(scores, key=lambda c: (scores[c], order.index(c)))
    for codec in preferred:
        if codec in scores and scores[codec] <= scores[best] + weights.switch_margin:
            return codec, "declared, bytes agree", 0.9
    reason = "declared encoding contradicted; detected" if preferred else "detected"
    runner_up = min((s for c, s in scores.items() if c != best), default=scores[best] + 10)
    return best, reason, min(0.95, 0.5 + (runner_up - scores[best]) / 20)


def _mostly_utf8(data: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 sequences, invalid bytes) in ``data``.

    Counted by codecs alone: what ``ignore`` drops are the invalid bytes, and what it keeps
    beyond ASCII are the valid sequences (a loop over the characters took 9 ms on a
    300 kB legacy page, this 0.04 ms)."""
    text = data.decode("utf-8", "ignore")
    return len(text) - len(text.encode("ascii", "ignore")), len(data) - len(text.encode("utf-8"))


def _decode(data: bytes, content_type: str | None, weights: DecodeWeights) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(codec, "replace"), codec, "byte-order mark", 1.0)
    wide = _sniff_wide(data, weights)
    if wide:
        return Decoded(data.decode(wide, "replace"), wide, "zero-byte pattern", 0.9)
    http, meta = _declared(data, content_type, weights)
    preferred = [c for c in (http, meta) if c]
    wide_declared = [c for c in preferred if c.startswith(("utf-16", "utf-32"))]
    preferred = [c for c in preferred if c not in wide_declared]
    if wide_declared and not preferred:
        return Decoded(data.decode(wide_declared[0], "replace"), wide_declared[0], "declared", 0.7)
    if data.isascii():
        encoding = preferred[0] if preferred else "ascii"
        return Decoded(data.decode("ascii"), encoding, "ascii bytes", 1.0, verbatim=True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not preferred:
            reason = "valid UTF-8"
        elif preferred[0] == "utf-8":
            reason = "declared, bytes agree"
        else:
            reason = "valid UTF-8 overrides declared " + preferred[0]
        return Decoded(text, "utf-8", reason, 0.99, verbatim=True)
    valid, invalid = _mostly_utf8(data)
    if valid and valid >= invalid * weights.stray_ratio:
        text = data.decode("utf-8", "boilerkit-cp1252")
        return Decoded(text, "utf-8", "UTF-8 with stray windows-1252 bytes", 0.8, invalid)
    legacy = [c for c in preferred if c != "utf-8"]
    codec, reason, confidence = _pick_legacy(data, legacy, weights)
    text = _finish(data.decode(codec, "boilerkit-cp1252" if "1252" in codec else "replace"), codec)
    return Decoded(text, codec, reason, confidence)


def decode_html(
    data: bytes,
    content_type: str | None = None,
    weights: DecodeWeights = WEIGHTS,
    costs: PlausibilityCosts = COSTS,
) -> Decoded:
    """Decode ``data``; never raises (any byte string gives some text).

    ``weights`` and ``costs`` are the decode and plausibility sections of the tuning
    table (``Weights.decode``, ``Weights.plausibility``).
    """
    try:
        with costs_in_force(costs):
            return _decode(bytes(data), content_type, weights)
    except (LookupError, UnicodeError, ValueError, TypeError) as error:
        text = bytes(data).decode("cp1252", "boilerkit-cp1252")
        return Decoded(text, "cp1252", f"fallback after {type(error).__name__}", 0.1)
