"""Mojibake cases built from text the repair code was never tuned on.

The clean text comes from two places nobody on this project wrote:

- CLDR locale data as the ``babel`` package ships it, in 40 languages: full dates, lists
  of country and language names joined the way each language joins lists, prices and
  measurements (symbol-heavy: ``1 234,50 €``, ``12,5 °C``, ``3 キロメートル``);
- the ``with``/``without`` snippets of the trafilatura-eval truth file (real page text in
  its own language), when ``../shared/datasets`` is present.

Each clean string is then pushed through the misreadings that happen in the wild, by
running the codecs (never by copying a table from ``boilerkit.encoding``); a case is kept
only when the damage lost no byte, so the original is the one right answer.

    python tests/encoding_cases/wild.py    # prints how many cases each family has
"""

from __future__ import annotations

import datetime
import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import babel.dates
import babel.lists
import babel.numbers
import babel.units
from babel import Locale

TRUTH = Path(__file__).resolve().parents[2].parent / "shared/datasets/trafilatura-eval/truth.json"

WESTERN = ("cp1252", "iso8859_1", "iso8859_15", "mac_roman", "cp850", "cp437")
CENTRAL = ("cp1250", "iso8859_2")
CYRILLIC = ("cp1251", "koi8_r", "iso8859_5", "mac_cyrillic")
# language -> (CLDR locale, code pages its pages were written in or read as)
LANGUAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "de": ("de", WESTERN),
    "fr": ("fr", WESTERN),
    "es": ("es", WESTERN),
    "pt": ("pt", WESTERN),
    "it": ("it", WESTERN),
    "nl": ("nl", WESTERN),
    "sv": ("sv", WESTERN),
    "da": ("da", WESTERN),
    "is": ("is", WESTERN),
    "ca": ("ca", WESTERN),
    "fi": ("fi", WESTERN),
    "pl": ("pl", CENTRAL),
    "cs": ("cs", CENTRAL),
    "sk": ("sk", CENTRAL),
    "hu": ("hu", CENTRAL),
    "ro": ("ro", CENTRAL),
    "hr": ("hr", CENTRAL),
    "sl": ("sl", CENTRAL),
    "tr": ("tr", ("cp1254", "iso8859_9")),
    "el": ("el", ("cp1253", "iso8859_7")),
    "ru": ("ru", CYRILLIC),
    "uk": ("uk", ("cp1251", "koi8_u", "mac_cyrillic")),
    "bg": ("bg", ("cp1251", "iso8859_5")),
    "sr": ("sr", ("cp1251",)),
    "mk": ("mk", ("cp1251",)),
    "lt": ("lt", ("cp1257",)),
    "lv": ("lv", ("cp1257",)),
    "et": ("et", ("cp1257",)),
    "he": ("he", ("cp1255",)),
    "ar": ("ar", ("cp1256",)),
    "fa": ("fa", ("cp1256",)),
    "vi": ("vi", ("cp1258",)),
    "th": ("th", ("cp874",)),
    "zh": ("zh_Hans", ("gbk", "gb18030")),
    "zh-tw": ("zh_Hant", ("big5",)),
    "ja": ("ja", ("shift_jis", "euc_jp")),
    "ko": ("ko", ("euc_kr",)),
    "en": ("en", ("cp1252",)),
    "hi": ("hi", ()),
    "ka": ("ka", ()),
}
UTF8_READERS = (
    *("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257"),
    *("cp1258", "iso8859_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9"),
    *("iso8859_15", "koi8_r", "koi8_u", "mac_roman", "mac_cyrillic", "cp437", "cp850"),
)
LEGACY = ("gbk", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp1251", "koi8_r")
# one legacy code page read as another: (written in, read as)
LEGACY_PAIRS = (
    ("mac_roman", "cp1252"),
    ("cp1252", "cp1251"),
    ("koi8_r", "cp1251"),
    ("cp1251", "koi8_r"),
    ("cp1250", "cp1252"),
    ("iso8859_2", "cp1252"),
    ("cp1253", "cp1252"),
    ("cp1254", "cp1252"),
    ("gbk", "big5"),
    ("big5", "gbk"),
    ("shift_jis", "gbk"),
    ("euc_kr", "gbk"),
    ("gbk", "cp1251"),
)
CJK_SEED = ("gbk", "big5", "shift_jis", "euc_jp", "euc_kr")
_UNITS = ("temperature-celsius", "length-kilometer", "mass-kilogram", "duration-hour")
_CURRENCIES = ("EUR", "USD", "GBP", "JPY", "RUB", "CNY", "PLN", "TRY", "INR", "CHF")


@dataclass(frozen=True, slots=True)
class Case:
    """One damaged string, the text before the damage, and how it was damaged."""

    family: str
    pair: str
    """The misreading(s), written ``written/read`` (``utf-8/cp1250``, ``gbk/mixed``)."""
    lang: str
    broken: str
    expected: str


def _cldr_phrase(rng: random.Random, locale: Locale) -> str:
    day = datetime.date(rng.randrange(1990, 2030), rng.randrange(1, 13), rng.randrange(1, 29))
    names = list(rng.choice((locale.territories, locale.languages)).values())
    kind = rng.randrange(5)
    if kind == 0:
        return babel.dates.format_date(day, rng.choice(("full", "long")), locale=locale)
    if kind == 1:
        return babel.lists.format_list(rng.sample(names, rng.randrange(2, 5)), locale=locale)
    if kind == 2:
        amount = rng.randrange(1, 10**6) / 100
        return babel.numbers.format_currency(amount, rng.choice(_CURRENCIES), locale=locale)
    if kind == 3:
        value = rng.randrange(1, 5000) / 10
        return babel.units.format_unit(
            value, rng.choice(_UNITS), locale=locale, length=rng.choice(("long", "short"))
        )
    months = list(locale.months["format"]["wide"].values())
    days = list(locale.days["format"]["wide"].values())
    return " ".join(rng.sample(months, 2) + rng.sample(days, 1))


@lru_cache(maxsize=4)
def _corpus_snippets() -> tuple[str, ...]:
    if not TRUTH.is_file():
        return ()
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    found = {s for page in truth.values() for s in page.get("with", []) + page.get("without", [])}
    return tuple(sorted(s for s in found if not s.isascii() and 8 <= len(s) <= 300))


def clean_texts(rng: random.Random, per_language: int) -> list[tuple[str, str]]:
    """(language, text): CLDR phrases in every language (one to three joined), then the
    non-ASCII snippets of the dev corpus (language ``corpus``)."""
    out = []
    for lang, (code, _) in LANGUAGES.items():
        locale = Locale.parse(code)
        for _ in range(per_language):
            parts = [_cldr_phrase(rng, locale) for _ in range(rng.choice((1, 1, 2, 3)))]
            out.append((lang, rng.choice((", ", " · ", ". ", " — ")).join(parts)))
    snippets = _corpus_snippets()
    out += [("corpus", s) for s in rng.sample(snippets, min(len(snippets), per_language * 10))]
    return out


def _read(data: bytes, codec: str) -> str | None:
    """``data`` read as ``codec`` the way a browser does (windows-1252's five undefined
    bytes become C1 controls); ``None`` when the reading loses bytes."""
    if codec == "cp1252":
        return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if text.encode(codec) == data else None


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


def _encode(text: str, codec: str) -> bytes | None:
    try:
        return text.encode(codec)
    except UnicodeEncodeError:
        return None


def damaged(rng: random.Random, lang: str, text: str) -> Iterator[Case]:
    """Every misreading that fits ``text`` (UTF-8 readers: the language's own code pages
    and two picked at random)."""
    home = LANGUAGES.get(lang, ("", ()))[1]
    data = text.encode("utf-8")
    readers = {r for r in home if r in UTF8_READERS} | set(rng.sample(UTF8_READERS, 2))
    for reader in sorted(readers):
        broken = _read(data, reader)
        if broken is not None:
            yield Case("utf8", f"utf-8/{reader}", lang, broken, text)
    twice = rng.choice(("cp1252", "cp1252", "iso8859_1", *[r for r in home if r in readers]))
    once = _read(data, twice)
    again = None if once is None else _read(once.encode("utf-8"), twice)
    if again is not None:
        yield Case("double", f"utf-8/{twice} x2", lang, again, text)
    for codec in (c for c in LEGACY if c in home):
        raw = _encode(text, codec)
        if raw is None or raw.isascii():
            continue
        for reader in ("cp1252", "iso8859_1"):
            broken = _read(raw, reader)
            if broken is not None:
                yield Case("legacy", f"{codec}/{reader}", lang, broken, text)
        if codec in CJK_SEED:
            yield Case("seed", f"{codec}/mixed", lang, _read_mixed(raw), text)
    for written, reader in (p for p in LEGACY_PAIRS if p[0] in home):
        raw = _encode(text, written)
        broken = None if raw is None or raw.isascii() else _read(raw, reader)
        if broken is not None:
            yield Case("legacy2", f"{written}/{reader}", lang, broken, text)


def mojibake_cases(seed: int = 7, per_language: int = 12) -> list[Case]:
    """Every family over fresh clean text, plus broken phrases inside clean sentences."""
    rng = random.Random(seed)
    texts = clean_texts(rng, per_language)
    cases = [c for lang, text in texts for c in damaged(rng, lang, text)]
    hosts = [t for lang, t in texts if lang in ("en", "de", "fr", "corpus")] or ["Text"]
    for lang, text in texts:
        options = [c for c in damaged(rng, lang, text) if c.family != "double"]
        if not options:
            continue
        case = rng.choice(options)
        host = rng.choice(hosts)
        cut = host.find(" ", len(host) // 2)
        cut = len(host) if cut < 0 else cut
        cases.append(
            Case(
                "embedded",
                case.pair,
                lang,
                f"{host[:cut]} ({case.broken}){host[cut:]}",
                f"{host[:cut]} ({text}){host[cut:]}",
            )
        )
    return [c for c in cases if c.broken != c.expected]


def clean_strings(seed: int = 11, per_language: int = 40) -> list[tuple[str, str]]:
    """Clean strings that must come back unchanged."""
    return clean_texts(random.Random(seed), per_language)


if __name__ == "__main__":
    suite = mojibake_cases()
    print(Counter(c.family for c in suite), len(clean_strings()))
    print(Counter(c.pair for c in suite if c.family == "legacy2"))
