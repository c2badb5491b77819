# ruff: noqa: RUF001  (place names in Cyrillic, typographic quotes and dashes)
"""An independent check of the phrase repairs: text neither the code nor ``wild.py`` reads.

``wild.py`` builds its cases from babel's CLDR dates, lists, prices and measures, jusText's
stoplists and the trafilatura-eval truth snippets, and the repair code was tuned on them.
This module draws on four other sources:

- ``dateparser``'s language data: the relative-date phrases of each language (``před
  3 hodinami``, ``przedwczoraj``, ``geçen hafta``), in languages ``wild.py`` has and
  in some it has not (Sorbian, Faroese, Breton, Romansh, Sakha...);
- ``docutils``' language modules: the labels of a document (``Zusammenfassung``,
  ``Věnování``, ``Dédicace``), short strings as page titles and bylines show them;
- ``tld``'s public suffix list: the names of places written in their own letters
  (``ålesund``, ``bærum``, ``trentino-südtirol``), short strings with one or two
  letters above ASCII;
- Python's own CJK codec test texts (``test/cjkencodings/*-utf8.txt``: Chinese in both
  scripts, Japanese, Korean), cut at their punctuation, read as another CJK code page;
- the sentences of the Readability.js test pages in ``../shared/datasets`` (their
  expected articles and excerpts), as the clean text a broken phrase sits inside.

A phrase is set inside a host sentence as pages have it (a quoted name, a title in
parentheses) and the phrase alone is misread: UTF-8 read as a one-byte code page (its
language's own, windows-1252 or Latin-1, and one drawn at random), or the phrase written
in its legacy code page and read as another. Short strings are misread alone. The clean
twin of every case (the host with the clean phrase, the short string as it is) must come
back unchanged. Cases that lose a byte are left out, so the original is the one answer.

    python tests/encoding_cases/independent.py    # how many cases of each kind
"""

from __future__ import annotations

import gzip
import importlib
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wild import _read  # a browser's reading of bytes, as the generator misreads them

READABILITY = Path(__file__).resolve().parents[2].parent / "shared/datasets/readability-test-pages"

WESTERN = ("cp1252", "iso8859_1", "iso8859_15", "mac_roman", "cp850", "cp437")
CENTRAL = ("cp1250", "iso8859_2")
CYRILLIC = ("cp1251", "koi8_r", "iso8859_5", "mac_cyrillic")
# dateparser locale -> the code pages pages in that language were written in or read as
# (() where none writes it: its text is misread only as a Western code page).
HOMES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "nn", "is", "fo", "ca"),
        WESTERN,
    ),
    **dict.fromkeys(("fi", "br", "rm", "gsw", "lb", "ast", "gl", "eu", "ga", "gd"), WESTERN),
    **dict.fromkeys(("fur", "fy", "wae", "ksh", "af", "kea", "sq"), WESTERN),
    **dict.fromkeys(("cs", "sk", "pl", "sl", "hr", "hu", "ro", "dsb", "hsb"), CENTRAL),
    **dict.fromkeys(("bs-Latn", "sr-Latn"), CENTRAL),
    **dict.fromkeys(("tr", "az-Latn"), ("cp1254", "iso8859_9")),
    "el": ("cp1253", "iso8859_7"),
    **dict.fromkeys(("ru", "be", "bg", "mk", "sr-Cyrl", "kk", "ky", "sah", "os"), CYRILLIC),
    "uk": ("cp1251", "koi8_u", "mac_cyrillic"),
    **dict.fromkeys(("lt", "lv", "et"), ("cp1257",)),
    **dict.fromkeys(("he", "yi"), ("cp1255",)),
    **dict.fromkeys(("ar", "fa", "ur", "ckb"), ("cp1256",)),
    "vi": ("cp1258",),
    **dict.fromkeys(("mt", "eo", "se", "smn", "cy", "ha", "yo", "haw", "tl"), ()),
}
# docutils language module -> dateparser locale (for its home code pages)
DOCUTILS = {
    "af": "af", "ca": "ca", "cs": "cs", "da": "da", "de": "de", "eo": "eo", "es": "es",
    "fa": "fa", "fi": "fi", "fr": "fr", "gl": "gl", "he": "he", "it": "it", "lt": "lt",
    "lv": "lv", "nl": "nl", "pl": "pl", "pt_br": "pt", "ru": "ru", "sk": "sk", "sv": "sv",
}  # fmt: skip
ALL_READERS = (
    *("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257"),
    *("cp1258", "iso8859_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9"),
    *("iso8859_15", "koi8_r", "koi8_u", "mac_roman", "mac_cyrillic", "cp437", "cp850"),
)
# One legacy code page read as another, as pages show it: (written in, read as).
LEGACY_PAIRS = {
    "cp1250": ("cp1252",),
    "iso8859_2": ("cp1252", "iso8859_1"),
    "mac_roman": ("cp1252",),
    "cp1251": ("koi8_r", "cp1252"),
    "koi8_r": ("cp1251",),
    "cp1253": ("cp1252",),
    "cp1254": ("cp1252",),
    "cp1257": ("cp1252",),
}


@dataclass(frozen=True, slots=True)
class Case:
    """One string, what it was before the damage (itself for a clean twin), and how."""

    kind: str
    """``phrase`` (inside a host sentence), ``short`` (alone) or ``clean`` (a twin)."""
    pair: str
    """The misreading, ``written/read`` (``utf-8/cp1250``, ``cp1250/cp1252``)."""
    lang: str
    broken: str
    expected: str


def _locale(name: str) -> dict[str, object]:
    module = importlib.import_module(f"dateparser.data.date_translation_data.{name}")
    return dict(module.info)


@lru_cache(maxsize=1)
def date_phrases() -> tuple[tuple[str, str], ...]:
    """(language, phrase): dateparser's relative-date phrases above ASCII, per language
    of ``HOMES`` (the ``{0}`` of a counted phrase filled with a number)."""
    out = []
    for lang in HOMES:
        try:
            info = _locale(lang)
        except ImportError:
            continue
        found: dict[str, None] = {}
        for key in ("relative-type", "relative-type-regex"):
            for values in dict(info.get(key, {})).items():  # type: ignore[call-overload]
                for value in values[1]:
                    text = re.sub(r"\(\\d\+[^)]*\)|\\d\+", "3", str(value))
                    if re.search(r"[\\()\[\]^$|?*+{}]", text):
                        continue
                    if not text.isascii() and 4 <= len(text) <= 40:
                        found[text] = None
        out += [(lang, text) for text in found]
    return tuple(out)


@lru_cache(maxsize=1)
def label_strings() -> tuple[tuple[str, str], ...]:
    """(language, label): docutils' document labels above ASCII."""
    out = []
    for module, lang in DOCUTILS.items():
        try:
            labels = importlib.import_module(f"docutils.languages.{module}").labels
        except ImportError:
            continue
        out += [(lang, v) for v in dict.fromkeys(labels.values()) if not v.isascii()]
    return tuple(out)


@lru_cache(maxsize=1)
def place_names() -> tuple[tuple[str, str], ...]:
    """(language, name): the place names of the public suffix list written in Latin,
    Greek or Cyrillic letters, 2-12 letters, one or two above ASCII (``bærum``); the
    language is a guess by its top-level domain, for its home code pages."""
    try:
        resource = Path(importlib.import_module("tld").__file__ or "").parent
    except ImportError:
        return ()
    path = resource / "res" / "effective_tld_names.dat.txt"
    if not path.is_file():
        return ()
    by_tld = {"no": "nb", "it": "it", "fr": "fr", "ci": "fr", "pl": "pl", "de": "de", "se": "sv",
              "dk": "da", "fi": "fi", "is": "is", "tr": "tr", "hu": "hu", "cz": "cs", "ru": "ru",
              "рус": "ru", "рф": "ru", "gr": "el", "ελ": "el", "br": "pt", "es": "es"}  # fmt: skip
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("//") or line.isascii() or "." not in line:
            continue
        name, top = line.split(".")[0].lstrip("*!"), line.rsplit(".", 1)[1]
        letters = sum(c.isalpha() for c in name)
        high = sum(c > "\x7f" for c in name)
        if not 2 <= letters <= 12 or not 1 <= high <= 2 or not re.fullmatch(r"[\w-]+", name):
            continue
        if any(ord(c) > 0x4FF for c in name) or top not in by_tld:
            continue
        out[name] = by_tld[top]
    return tuple((lang, name) for name, lang in out.items())


@lru_cache(maxsize=1)
def host_sentences() -> tuple[str, ...]:
    """Sentences of the Readability.js test pages (40-200 characters, Latin script):
    their excerpts, and the expected articles of the pages not in English."""
    if not READABILITY.is_dir():
        return ()
    from lxml import html

    found: dict[str, None] = {}
    for meta in sorted(READABILITY.glob("*/expected-metadata.json")):
        info = json.loads(meta.read_text(encoding="utf-8"))
        texts = [str(info.get("excerpt") or "")]
        if str(info.get("lang") or "")[:2] in ("fr", "es", "de", "cs", "pt"):
            data = gzip.decompress((meta.parent / "expected.html.gz").read_bytes())
            texts.append(html.fromstring(data.decode("utf-8")).text_content())
        for text in texts:
            for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
                if 40 <= len(sentence) <= 200 and all(
                    ord(c) < 0x250 or c in "’“”–—…" for c in sentence
                ):
                    found[sentence] = None
    return tuple(found)


# Python's CJK test texts -> (language, written in, read as), as pages misread them.
CJK_TEXTS = {
    "gb2312": ("zh", "gbk", "big5"),
    "big5": ("zh-tw", "big5", "gbk"),
    "euc_kr": ("ko", "euc_kr", "gbk"),
    "shift_jis": ("ja", "shift_jis", "gbk"),
}


@lru_cache(maxsize=1)
def cjk_phrases() -> tuple[tuple[str, str, str, str], ...]:
    """(language, phrase, written in, read as): the pieces of Python's CJK codec test
    texts between punctuation, 4-20 characters with two CJK ones or more."""
    import sysconfig

    folder = Path(sysconfig.get_paths()["stdlib"]) / "test" / "cjkencodings"
    out = []
    for name, (lang, written, read) in CJK_TEXTS.items():
        path = folder / f"{name}-utf8.txt"
        if not path.is_file():
            continue
        pieces = re.split(
            r"[\n、。，,.．「」（）()!?！？:：;；]+", path.read_text(encoding="utf-8")
        )
        for piece in dict.fromkeys(p.strip() for p in pieces):
            if 4 <= len(piece) <= 20 and sum(c >= "\u3040" for c in piece) >= 2:
                out.append((lang, piece, written, read))
    return tuple(out)


def _misreadings(rng: random.Random, lang: str, text: str) -> list[tuple[str, str]]:
    """(pair, broken) for the misreadings of ``text`` pages show: UTF-8 read as the
    language's code pages, windows-1252, Latin-1 and one at random; the language's legacy
    code page read as another."""
    home = HOMES.get(lang, ())
    readers = dict.fromkeys((*home, "cp1252", "iso8859_1", rng.choice(ALL_READERS)))
    out = []
    data = text.encode("utf-8")
    for reader in readers:
        broken = _read(data, reader)
        if broken is not None and broken != text:
            out.append((f"utf-8/{reader}", broken))
    for written in home:
        try:
            raw = text.encode(written)
        except UnicodeEncodeError:
            continue
        for reader in LEGACY_PAIRS.get(written, ()):
            broken = _read(raw, reader)
            if broken is not None and broken != text:
                out.append((f"{written}/{reader}", broken))
    return out


_FRAMES = ("({})", "„{}“", "“{}”", "«{}»", "'{}'", "{}", "({}) ")


def independent_cases(seed: int = 5, per_phrase: int = 1) -> list[Case]:
    """Every case, and the clean twins: phrases (dateparser's, docutils' labels) inside a
    host sentence, short strings (docutils' labels of one word, place names) alone."""
    rng = random.Random(seed)
    hosts = host_sentences() or ("The text around it is plain English prose here.",)
    cases: list[Case] = []
    phrases = [*date_phrases(), *((lang, t) for lang, t in label_strings() if " " in t)]
    for lang, phrase in phrases:
        for pair, broken in _pick(rng, _misreadings(rng, lang, phrase), per_phrase):
            host = rng.choice(hosts)
            cut = host.find(" ", rng.randrange(len(host) // 3, len(host)))
            cut = len(host) if cut < 0 else cut
            frame = rng.choice(_FRAMES)
            before, after = host[:cut] + " ", host[cut:]
            cases.append(
                Case(
                    "phrase",
                    pair,
                    lang,
                    before + frame.format(broken) + after,
                    before + frame.format(phrase) + after,
                )
            )
            clean = before + frame.format(phrase) + after
            cases.append(Case("clean", "phrase", lang, clean, clean))
    shorts = [*((lang, t) for lang, t in label_strings() if " " not in t), *place_names()]
    for lang, word in shorts:
        for pair, broken in _pick(rng, _misreadings(rng, lang, word), 3 * per_phrase):
            cases.append(Case("short", pair, lang, broken, word))
        cases.append(Case("clean", "short", lang, word, word))
    crng = random.Random(seed + 1)  # its own: the cases above stay the ones measured before
    for lang, phrase, written, read in cjk_phrases():
        broken = _read(phrase.encode(written), read) if phrase.isprintable() else None
        if broken is None or broken == phrase:
            continue
        host = crng.choice(hosts)
        cut = host.find(" ", crng.randrange(len(host) // 3, len(host)))
        cut = len(host) if cut < 0 else cut
        before, after = host[:cut] + " (", ")" + host[cut:]
        pair = f"{written}/{read}"
        cases.append(Case("phrase", pair, lang, before + broken + after, before + phrase + after))
        cases.append(
            Case("clean", "phrase", lang, before + phrase + after, before + phrase + after)
        )
    return cases


def _pick(rng: random.Random, options: list[tuple[str, str]], k: int) -> list[tuple[str, str]]:
    return rng.sample(options, min(k, len(options)))


if __name__ == "__main__":
    suite = independent_cases()
    print(Counter(c.kind for c in suite), Counter(c.pair for c in suite).most_common(40))
    print(len(date_phrases()), len(label_strings()), len(place_names()), len(host_sentences()))
