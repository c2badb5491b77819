# ruff: noqa: RUF001  (mojibake and look-alike characters are the subject here)
"""Seeded generator of encoding test cases from the clean multilingual sample text.

Used by tests/test_repair.py, tests/test_decode.py (small samples) and by
benchmarks/bench_encoding.py (the full suite). Every case is built by actually running
the misreading it names, so "expected" is always the text before the damage.

    python tests/encoding_cases/generate.py   # prints a summary of the suite
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
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


def _fragment(rng: random.Random, sentence: str) -> str:
    words = sentence.split(" ")
    if len(words) < 4 or rng.random() < 0.4:
        return sentence
    start = rng.randrange(0, len(words) - 2)
    end = rng.randrange(start + 2, len(words) + 1)
    return " ".join(words[start:end])


def clean_strings(n: int, seed: int = 1) -> list[tuple[str, str]]:
    """``n`` clean (language, string) pairs: fragments, joins, capitals, look-alikes."""
    rng = random.Random(seed)
    samples = load_samples()
    langs = sorted(samples)
    lookalikes = [
        "€",
        "™",
        "©",
        "®",
        "§",
        "¶",
        "°",
        "±",
        "½",
        "µ",
        "·",
        "×",
        "÷",
        "¿",
        "¡",
        "«",
        "»",
        "–",
        "—",
        "…",
        "‘",
        "’",
        "“",
        "”",
        "•",
        "ª",
        "º",
        "²",
        "¹",
        "³",
    ]
    out = []
    for _ in range(n):
        lang = rng.choice(langs)
        text = _fragment(rng, rng.choice(samples[lang]))
        roll = rng.random()
        if roll < 0.15:
            text = text.upper()
        elif roll < 0.3:
            other = rng.choice(langs)
            text = f"{text} {_fragment(rng, rng.choice(samples[other]))}"
        elif roll < 0.4:
            mark = rng.choice(lookalikes)
            text = rng.choice(
                [
                    f"{mark}{text}",
                    f"{text} {mark}",
                    f"{text}{mark}",
                    f"{mark} {text}",
                    f"{text} {mark}{rng.randint(1, 99)}",
                ]
            )
        elif roll < 0.45:
            text = text.title()
        out.append((lang, text))
    return out


@dataclass(frozen=True, slots=True)
class Case:
    """One damaged string, the text before the damage, and how it was damaged."""

    family: str
    chain: str
    broken: str
    expected: str
    reversible: bool
    """The damage lost nothing: every byte is still there to read back."""


def _read_1252(data: bytes) -> str:
    """windows-1252 the browser way: undefined bytes become C1 controls."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in data)


def _read_mixed(data: bytes) -> str:
    """The seed's form: UTF-8 sequences for characters above U+00FF, else Latin-1 bytes."""
    out = []
    i = 0
    while i < len(data):
        for size in (4, 3, 2):
            try:
                char = data[i : i + size].decode("utf-8")
            except UnicodeDecodeError:
                continue
            if len(char) == 1 and ord(char) > 0xFF:
                out.append(char)
                i += size
                break
        else:
            out.append(chr(data[i]))
            i += 1
    return "".join(out)


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


UTF8_READERS = {
    "cp1252": _read_1252,
    "latin-1": lambda b: b.decode("latin-1"),
    "cp1251": lambda b: b.decode("cp1251", "replace"),
    "mac_roman": lambda b: b.decode("mac_roman"),
    "cp437": lambda b: b.decode("cp437"),
}
CJK = {"zh": ("gbk",), "zh-tw": ("big5",), "ja": ("shift_jis", "euc_jp"), "ko": ("euc_kr",)}
SINGLE = {
    "ru": ("cp1251", "koi8_r"),
    "uk": ("cp1251",),
    "bg": ("cp1251",),
    "sr": ("cp1251",),
    "pl": ("cp1250", "iso8859_2"),
    "cs": ("cp1250", "iso8859_2"),
    "sk": ("cp1250",),
    "hu": ("cp1250",),
    "hr": ("cp1250",),
    "el": ("cp1253",),
    "tr": ("cp1254",),
    "he": ("cp1255",),
    "ar": ("cp1256",),
    "fa": ("cp1256",),
    "th": ("cp874",),
    "vi": ("cp1258",),
}


def _utf8_cases(rng: random.Random, text: str) -> Iterator[Case]:
    data = text.encode("utf-8")
    for name, reader in UTF8_READERS.items():
        broken = reader(data)
        yield Case("utf8", f"utf-8/{name}", broken, text, "\ufffd" not in broken)
    twice = _read_1252(_read_1252(data).encode("utf-8"))
    yield Case("utf8", "utf-8/cp1252 x2", twice, text, True)
    if rng.random() < 0.3:
        thrice = _read_1252(twice.encode("utf-8"))
        yield Case("utf8", "utf-8/cp1252 x3", thrice, text, True)
    yield Case("utf8-sloppy", "utf-8/cp1252 replace", data.decode("cp1252", "replace"), text, False)
    yield Case("utf8-sloppy", "utf-8/cp1252 drop", data.decode("cp1252", "ignore"), text, False)


def _legacy_cases(lang: str, text: str) -> Iterator[Case]:
    for codec in CJK.get(lang, ()):
        data = _encode(text, codec)
        if data is not None:
            yield Case("cjk", f"{codec}/cp1252", _read_1252(data), text, True)
            yield Case("cjk", f"{codec}/latin-1", data.decode("latin-1"), text, True)
            if codec == "gbk" or codec == "big5":
                yield Case("mixed", f"{codec}/mixed", _read_mixed(data), text, True)
    for codec in SINGLE.get(lang, ()):
        data = _encode(text, codec)
        if data is not None:
            yield Case("single", f"{codec}/cp1252", _read_1252(data), text, True)


def mojibake_cases(seed: int = 2, per_sentence: int = 2) -> list[Case]:
    """Every family of damage over fragments of every sample sentence."""
    rng = random.Random(seed)
    samples = load_samples()
    cases: list[Case] = []
    for lang in sorted(samples):
        for sentence in samples[lang]:
            for k in range(per_sentence):
                text = sentence if k == 0 else _fragment(rng, sentence)
                if text.isascii():
                    continue
                cases.extend(_utf8_cases(rng, text))
                cases.extend(_legacy_cases(lang, text))
    cases.extend(_embedded_cases(rng, samples))
    return [c for c in cases if c.broken != c.expected]


def _embedded_cases(rng: random.Random, samples: dict[str, list[str]]) -> list[Case]:
    """A damaged phrase inside clean text: only the phrase may change."""
    out = []
    hosts = samples["en"] + samples["fr"] + samples["de"]
    for lang in sorted(samples):
        for sentence in samples[lang]:
            phrase = _fragment(rng, sentence)
            if phrase.isascii():
                continue
            cases = [
                c
                for c in [*_utf8_cases(rng, phrase), *_legacy_cases(lang, phrase)]
                if c.reversible and " x" not in c.chain
            ]
            case = rng.choice(cases)
            host = rng.choice(hosts)
            cut = host.find(" ", len(host) // 2)
            before, after = host[:cut], host[cut:]
            out.append(
                Case(
                    "embedded",
                    case.chain,
                    f"{before} {case.broken}{after}",
                    f"{before} {phrase}{after}",
                    True,
                )
            )
    return out


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
    from collections import Counter

    all_cases = mojibake_cases()
    print(Counter((c.family, c.reversible) for c in all_cases))
    print(len(clean_strings(10000)), "clean strings,", len(load_samples()), "languages")
