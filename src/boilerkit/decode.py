"""Decode stage: bytes as fetched to ``str``.

Interim version: BOM, declared charset when the bytes agree, UTF-8, chardet.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import chardet

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded page text and how the encoding was chosen."""

    text: str
    encoding: str
    reason: str
    confidence: float


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030",
            "gbk": "gb18030"}.get(name, name)


def decode_html(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode ``data``; never raises."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(enc, "replace"), enc, "bom", 1.0)
    declared = None
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        declared = _codec(m.group(1)) if m else None
    if declared is None:
        m2 = _META_CHARSET.search(data[:4096])
        declared = _codec(m2.group(1).decode("ascii", "replace")) if m2 else None
    try:
        text = data.decode("utf-8")
        return Decoded(text, "utf-8", "valid utf-8", 0.99)
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared, "declared", 0.9)
        except UnicodeDecodeError:
            pass
    guess = chardet.detect(data[:65536])
    enc = _codec(guess.get("encoding")) or "cp1252"
    return Decoded(data.decode(enc, "replace"), enc, "detected", float(guess.get("confidence") or 0))
