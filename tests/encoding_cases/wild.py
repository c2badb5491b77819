"""Mojibake cases built from text the repair code was never tuned on.

The clean text comes from two places nobody on this project wrote:

- CLDR locale data as the ``babel`` package ships it, in 40 languages: full dates, lists
  of country and language names joined the way each language joins lists, prices and
  measurements (symbol-heavy: ``1 234,50 €``, ``12,5 °C``, ``3 キロメートル``);
- the ``with``/``without`` snippets of the trafilatura-eval truth file (real page text in
  its own language), when ``../shared/datasets`` is present;
- the stoplists jusText ships (the most frequent words of Wikipedia in each language),
  in 45 languages, 22 of them never tried before (Belarusian, Kazakh, Urdu, Welsh,
  Basque, Azerbaijani...): word strings drawn by frequency, the way running text
  repeats its commonest words.

Two splits: ``tune`` (the CLDR and corpus text the code was measured on, and two
thirds of the stoplist text) and ``held``, kept apart while tuning: the other third of
the stoplist text (chosen by a hash of the string) and ten languages whose text is all
held (``HELD_LANGUAGES``). Report both: a figure much higher on ``tune`` than on
``held`` means the code has grown too close to the tune text.

Each clean string is then pushed through the misreadings that happen in the wild, by
running the codecs (never by copying a table from ``boilerkit.encoding``); a case is kept
only when the damage lost no byte, so the original is the one right answer.

    python tests/encoding_cases/wild.py    # prints how many cases each family has
"""

from __future__ import annotations

import datetime
import json
import random
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import babel.dates
import babel.lists
import babel.numbers
import babel.units
import justext
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
# jusText stoplist -> (language, code pages its pages were written in or read as); ()
# where no legacy code page writes the language (its text is misread as UTF-8 only).
STOPLISTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "German": ("de", WESTERN),
    "French": ("fr", WESTERN),
    "Spanish": ("es", WESTERN),
    "Portuguese": ("pt", WESTERN),
    "Norwegian_Bokmal": ("nb", WESTERN),
    "Afrikaans": ("af", WESTERN),
    "Albanian": ("sq", ("cp1252", "iso8859_1", "cp1250")),
    "Basque": ("eu", WESTERN),
    "Galician": ("gl", WESTERN),
    "Irish": ("ga", WESTERN),
    "Welsh": ("cy", WESTERN),
    "Luxembourgish": ("lb", WESTERN),
    "Occitan": ("oc", WESTERN),
    "Icelandic": ("is", WESTERN),
    "Polish": ("pl", CENTRAL),
    "Czech": ("cs", CENTRAL),
    "Slovak": ("sk", CENTRAL),
    "Hungarian": ("hu", CENTRAL),
    "Slovenian": ("sl", CENTRAL),
    "Croatian": ("hr", CENTRAL),
    "Bosnian": ("bs", CENTRAL),
    "Romanian": ("ro", CENTRAL),
    "Turkish": ("tr", ("cp1254", "iso8859_9")),
    "Azerbaijani": ("az", ("cp1254",)),
    "Greek": ("el", ("cp1253", "iso8859_7")),
    "Russian": ("ru", CYRILLIC),
    "Ukrainian": ("uk", ("cp1251", "koi8_u", "mac_cyrillic")),
    "Belarusian": ("be", ("cp1251", "iso8859_5", "mac_cyrillic")),
    "Bulgarian": ("bg", ("cp1251", "iso8859_5")),
    "Macedonian": ("mk", ("cp1251",)),
    "Serbian": ("sr", ("cp1251",)),
    "Kazakh": ("kk", ("cp1251",)),
    "Kyrgyz": ("ky", ("cp1251",)),
    "Lithuanian": ("lt", ("cp1257",)),
    "Latvian": ("lv", ("cp1257",)),
    "Estonian": ("et", ("cp1257",)),
    "Hebrew": ("he", ("cp1255",)),
    "Arabic": ("ar", ("cp1256",)),
    "Persian": ("fa", ("cp1256",)),
    "Urdu": ("ur", ("cp1256",)),
    "Vietnamese": ("vi", ("cp1258",)),
    "Korean": ("ko", ("euc_kr",)),
    "Esperanto": ("eo", ()),
    "Maltese": ("mt", ()),
    "Armenian": ("hy", ()),
}
# Languages whose text is all in the held split.
HELD_LANGUAGES = frozenset({"be", "sq", "gl", "ur", "kk", "bs", "cy", "lb", "az", "eu"})
# Code pages per language (CLDR's entries first: the cases measured before stay the same).
HOMES = {lang: pages for lang, pages in STOPLISTS.values()} | {
    lang: pages for lang, (_, pages) in LANGUAGES.items()
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


@lru_cache(maxsize=64)
def _stopwords(name: str) -> tuple[str, ...]:
    path = Path(justext.__file__).parent / "stoplists" / f"{name}.txt"
    return tuple(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


def _stoplist_phrase(rng: random.Random, words: tuple[str, ...]) -> str:
    """Five to fourteen words drawn with a falling weight by frequency rank, capitalised
    and punctuated like a sentence."""
    top = words[:400]
    picked = rng.choices(
        top, weights=[1 / (rank + 5) for rank in range(len(top))], k=rng.randrange(5, 15)
    )
    if rng.random() < 0.4:
        picked.insert(rng.randrange(1, len(picked)), rng.choice(top) + ",")
    text = " ".join(picked)
    return text[:1].upper() + text[1:] + rng.choice((".", ".", "?", ":", ""))


def held(text: str) -> bool:
    """Whether a stoplist ``text`` belongs to the held split (see the module docstring)."""
    return zlib.crc32(text.encode("utf-8")) % 3 == 0


def _stoplist_texts(seed: int, per_language: int, split: str) -> list[tuple[str, str]]:
    """(language, text) of the stoplist source in one split (``tune`` or ``held``); a
    generator of its own, so the CLDR and corpus cases stay the ones measured before."""
    rng = random.Random(seed)
    out = []
    for name, (lang, _) in STOPLISTS.items():
        words = _stopwords(name)
        found = 0
        for _ in range(per_language * 20):
            text = _stoplist_phrase(rng, words)
            if not text.isascii():
                out.append((lang, text))
                found += 1
            if found == per_language:
                break
    want = split == "held"
    return [(lang, t) for lang, t in out if (lang in HELD_LANGUAGES or held(t)) is want]


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
    home = HOMES.get(lang, ())
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


def mojibake_cases(seed: int = 7, per_language: int = 12, split: str = "tune") -> list[Case]:
    """Every family over fresh clean text, plus broken phrases inside clean sentences:
    on ``tune``, the CLDR and corpus text then the tune stoplist text; on ``held``, the
    held stoplist text (hosts of the embedded phrases: CLDR and corpus text either way)."""
    rng = random.Random(seed)
    texts = clean_texts(rng, per_language)
    hosts = [t for lang, t in texts if lang in ("en", "de", "fr", "corpus")] or ["Text"]
    stop = _stoplist_texts(seed + 1, per_language * 2, split)
    if split == "held":
        return _cases(random.Random(seed + 2), stop, hosts)
    return _cases(rng, texts, hosts) + _cases(random.Random(seed + 2), stop, hosts)


def _cases(rng: random.Random, texts: list[tuple[str, str]], hosts: list[str]) -> list[Case]:
    cases = [c for lang, text in texts for c in damaged(rng, lang, text)]
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


def clean_strings(
    seed: int = 11, per_language: int = 40, split: str = "tune"
) -> list[tuple[str, str]]:
    """Clean strings that must come back unchanged (on ``tune``, the CLDR and corpus
    strings then the tune stoplist text; on ``held``, the held stoplist text)."""
    stop = _stoplist_texts(seed + 1, per_language, split)
    if split == "held":
        return stop
    return clean_texts(random.Random(seed), per_language) + stop


if __name__ == "__main__":
    for split in ("tune", "held"):
        suite = mojibake_cases(split=split)
        print(split, Counter(c.family for c in suite), len(clean_strings(split=split)))
