"""Build ``bigrams.json.gz``, the character bigram tables of ``encoding.bigrams``.

    pip download django==5.2.20 --no-deps -d /tmp/dl        # the wheel only; not installed
    python src/boilerkit/encoding/data/build_bigrams.py /tmp/dl/django-5.2.20-py3-none-any.whl

The text is the translated strings (``msgstr``) of the ``.po`` catalogs inside Django's
wheel: real interface sentences in about 90 languages, written by Django's translators
(BSD-3-Clause, Copyright (c) Django Software Foundation and individual contributors).
Nothing of boilerkit's test text (CLDR, jusText's stoplists, the dev corpora) is used.
Regional variants are pooled with their language (``es_AR`` with ``es``); English is left
out (its catalogs are empty: the source strings are English).
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from boilerkit.encoding.bigrams import SCALE, SMOOTHING, fold

OUT = Path(__file__).with_name("bigrams.json.gz")
SOURCE = (
    "Character bigram tables built by build_bigrams.py from the translated strings (msgstr) "
    "of the .po catalogs in django-5.2.20-py3-none-any.whl (BSD-3-Clause, Copyright (c) "
    "Django Software Foundation and individual contributors). Costs in 1/SCALE bits."
)
MIN_CHARS = 7_000  # languages with less translated text than this give noisy tables
MIN_PAIR = 2  # bigrams seen once are left to the back-off (halves the file)
_PATH = re.compile(r"django/(?:conf|contrib/[a-z_]+)/locale/([A-Za-z_]+)/LC_MESSAGES/\w+\.po$")
_STRING = re.compile(r'^(msgid|msgstr(?:\[\d+\])?|msgctxt)?\s*"(.*)"\s*$')
# Placeholders and markup are not language: %(name)s, %s, {name}, <a href=...>, &amp;
_SPACES = re.compile(" +")
_NOISE = re.compile(r"%\([^)]*\)[sd]|%[sdr]|\{[^}]*\}|<[^>]*>|&\w+;")


def messages(po: str) -> list[str]:
    """The translated strings of one catalog (the header entry left out)."""
    out: list[str] = []
    key = ""
    parts: list[str] = []
    for line in [*po.splitlines(), 'msgid ""']:
        match = _STRING.match(line)
        if match is None:
            continue
        if match.group(1):
            if key.startswith("msgstr") and parts:
                out.append("".join(parts))
            key, parts = match.group(1), []
        raw = match.group(2)
        parts.append(raw.replace(r"\n", " ").replace(r"\"", '"').replace("\\\\", "\\"))
    return [_NOISE.sub(" ", m) for m in out if m and "Content-Type:" not in m]


def main(wheel: str) -> None:
    texts: dict[str, list[str]] = defaultdict(list)
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            match = _PATH.search(name)
            if not match:
                continue
            lang = match.group(1).split("_")[0].lower()
            if match.group(1) in ("zh_Hans", "zh_Hant", "sr_Latn"):
                lang = match.group(1).lower().replace("_", "-")
            if lang != "en":
                texts[lang] += messages(archive.read(name).decode("utf-8"))
    tables = {}
    for lang, found in sorted(texts.items()):
        text = " ".join(fold(m) for m in found)
        text = _SPACES.sub(" ", text)
        if len(text) < MIN_CHARS:
            continue
        tables[lang] = table(text)
    output = {"source": SOURCE, "tables": tables}
    data = json.dumps(output, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(data.encode("utf-8"), 9, mtime=0))
    print(f"{len(tables)} languages, {OUT.stat().st_size:,} bytes")


def table(text: str) -> dict[str, object]:
    """Unigram cost and back-off weight per character, cost per frequent bigram, in
    1/``SCALE`` bits: cost(a, b) = -log2((n(ab) + k p(b)) / (n(a) + k))."""
    chars = Counter(text)
    pairs = Counter(text[i : i + 2] for i in range(len(text) - 1))
    total = sum(chars.values())
    unigram = {c: -math.log2(n / total) for c, n in chars.items()}
    backoff = {c: math.log2((n + SMOOTHING) / SMOOTHING) for c, n in chars.items()}
    costs = {}
    for pair, n in pairs.items():
        if n >= MIN_PAIR:
            p = (n + SMOOTHING * 2 ** -unigram[pair[1]]) / (chars[pair[0]] + SMOOTHING)
            costs[pair] = round(-math.log2(p) * SCALE)
    return {
        "chars": {c: [round(unigram[c] * SCALE), round(backoff[c] * SCALE)] for c in chars},
        "pairs": costs,
    }


if __name__ == "__main__":
    main(sys.argv[1])
