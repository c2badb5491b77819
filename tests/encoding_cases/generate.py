# ruff: noqa: RUF001  (mojibake and look-alike characters are the subject here)
"""Seeded generator of decode test pages from the clean multilingual sample text.

Used by tests/test_decode.py and benchmarks/bench_encoding.py. The mojibake suite is
``wild.py``: it is built from text the repair code was never tuned on, where this file's
samples were written beside the code.

    python tests/encoding_cases/generate.py   # prints a summary of the pages
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).with_name("clean_samples.txt")


def load_samples() -> dict[str, list[str]]:
    """Language -> sentences from clean_samples.txt."""
    by_lang: dict[str, list[str]] = {}
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            by_lang.setdefault(lang, []).append(text)
    return by_lang


def _encode_1258(text: str) -> bytes:
    """Vietnamese in windows-1258: precomposed base letters plus combining tone marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for mark in marks:  # fold the mark cp1258 has a precomposed letter for (â, ơ, ư)
            composed = unicodedata.normalize("NFC", base + mark)
            if len(composed) == 1 and composed.encode("cp1258", "ignore"):
                base = composed
                marks.remove(mark)
                break
        out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def _encode(text: str, codec: str) -> bytes | None:
    try:
        return _encode_1258(text) if codec == "cp1258" else text.encode(codec)
    except UnicodeEncodeError:
        return None


# Encodings a page is generated in, with the languages written in each and the label a
# correct declaration uses.
PAGE_ENCODINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "utf-8": ("utf-8", ("en", "fr", "de", "ru", "zh", "ja", "ar", "vi", "el", "th")),
    "cp1252": ("windows-1252", ("en", "fr", "de", "es", "pt", "it", "nl", "da", "sv", "fi")),
    "latin-1": ("iso-8859-1", ("fr", "de", "es", "pt", "is")),
    "cp1250": ("windows-1250", ("pl", "cs", "hu", "hr", "sk")),
    "iso8859_2": ("iso-8859-2", ("pl", "cs", "hu", "hr")),
    "cp1251": ("windows-1251", ("ru", "uk", "bg", "sr")),
    "koi8_r": ("koi8-r", ("ru",)),
    "cp1253": ("windows-1253", ("el",)),
    "iso8859_7": ("iso-8859-7", ("el",)),
    "cp1254": ("windows-1254", ("tr",)),
    "cp1255": ("windows-1255", ("he",)),
    "cp1256": ("windows-1256", ("ar", "fa")),
    "cp874": ("windows-874", ("th",)),
    "cp1258": ("windows-1258", ("vi",)),
    "gbk": ("gbk", ("zh",)),
    "gb2312": ("gb2312", ("zh",)),
    "big5": ("big5", ("zh-tw",)),
    "shift_jis": ("shift_jis", ("ja",)),
    "euc_jp": ("euc-jp", ("ja",)),
    "euc_kr": ("euc-kr", ("ko",)),
    "utf-16-le": ("utf-16", ("en", "ru", "zh", "ja")),
    "utf-16-be": ("utf-16be", ("en", "zh")),
    "utf-32-le": ("utf-32", ("en", "ko")),
}
_WRONG_LABELS = ("utf-8", "iso-8859-1", "windows-1251", "gbk", "shift_jis", "windows-1250")


@dataclass(frozen=True, slots=True)
class Page:
    """A generated page: its bytes, what its server said, and the text it must decode to."""

    condition: str
    """``declared``, ``undeclared``, ``misdeclared`` or ``stray`` (mostly UTF-8)."""
    encoding: str
    data: bytes
    content_type: str | None
    expected: str


def _html(rng: random.Random, sentences: list[str], meta: str) -> str:
    title = sentences[0][:40]
    paras = "".join(f"<p>{s}</p>\n" for s in sentences[1:])
    return (
        f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title>"
        f'<link rel="stylesheet" href="/s.css"></head>\n<body><nav><a href="/">Home'
        f'</a> | <a href="/news">News</a></nav>\n<article><h1>{title}</h1>\n{paras}'
        f"</article><footer>Contact: info@example.org</footer></body></html>\n"
    )


def _page(
    rng: random.Random,
    samples: dict[str, list[str]],
    codec: str,
    label: str,
    lang: str,
    condition: str,
) -> Page | None:
    sentences = rng.sample(samples[lang], min(len(samples[lang]), rng.randint(2, 4)))
    if condition == "declared":
        declared = label
    elif condition == "misdeclared":
        declared = rng.choice(
            [
                w
                for w in _WRONG_LABELS
                if w != label and not (codec in ("cp1252", "latin-1") and w == "iso-8859-1")
            ]
        )
    else:
        declared = None
    in_header = declared is not None and rng.random() < 0.4
    meta = (
        ""
        if declared is None or in_header
        else rng.choice(
            [
                f'<meta charset="{declared}">',
                f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">',
            ]
        )
    )
    text = _html(rng, sentences, meta)
    expected = unicodedata.normalize("NFC", text) if codec == "cp1258" else text
    if codec.startswith(("utf-16", "utf-32")) and rng.random() < 0.5:
        codec_bom = codec.replace("-le", "").replace("-be", "")
        data = text.encode(codec_bom) if codec.endswith("le") else None
        data = data or text.encode(codec)
    else:
        data = _encode(text, codec)
    if data is None:
        return None
    content_type = f"text/html; charset={declared}" if in_header else "text/html"
    return Page(condition, codec, data, content_type, expected)


def _stray_page(rng: random.Random, samples: dict[str, list[str]]) -> Page:
    """UTF-8 page into which a few words were pasted as windows-1252 bytes."""
    lang = rng.choice(["en", "fr", "de", "es", "pt", "it"])
    text = _html(rng, rng.sample(samples[lang], 3), '<meta charset="utf-8">')
    data = text.encode("utf-8")
    pasted = rng.choice(["café", "naïve", "über", "señor", "“quoted”", "10 €", "it’s", "–"])
    cut = data.index(b"</p>")
    data = data[:cut] + b" " + pasted.encode("cp1252") + data[cut:]
    expected = text[: text.index("</p>")] + " " + pasted + text[text.index("</p>") :]
    return Page(
        "stray", "utf-8+cp1252", data, rng.choice([None, "text/html; charset=utf-8"]), expected
    )


def decode_pages(per_encoding: int = 12, seed: int = 3) -> list[Page]:
    """Pages in every encoding of PAGE_ENCODINGS under each declaration condition."""
    rng = random.Random(seed)
    samples = load_samples()
    pages: list[Page] = []
    for codec, (label, langs) in PAGE_ENCODINGS.items():
        for condition in ("declared", "undeclared", "misdeclared"):
            for _ in range(per_encoding):
                page = _page(rng, samples, codec, label, rng.choice(langs), condition)
                if page is not None:
                    pages.append(page)
    pages.extend(_stray_page(rng, samples) for _ in range(per_encoding * 4))
    return pages


if __name__ == "__main__":
    print(len(decode_pages()), "pages,", len(load_samples()), "languages")
