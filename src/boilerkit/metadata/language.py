"""Languages: BCP 47 tags from the page's declarations, else detected from the text.

The detector is deliberately small and fast: the script of the letters settles most
non-Latin languages; Latin-script text is scored against the most common words of the
major languages. It reads at most ``SAMPLE_CHARS`` of text.
"""

from __future__ import annotations

import re
from collections import Counter

_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?\b")
# Declared values that are not languages.
_NOT_LANGUAGES = frozenset({"x", "xx", "und", "mul", "zxx", "nul", "non"})
SAMPLE_CHARS = 3000
# A Latin-script guess needs this many common-word hits, and this lead over the runner-up.
MIN_HITS = 5
MIN_LEAD = 1.5
# A sample with fewer letters than this says too little to guess from.
MIN_LETTERS = 20
# A script holding more than this share of the sample's letters names its language ...
SCRIPT_SHARE = 0.3
# ... except Han that comes with kana above this share of the letters: Japanese.
KANA_SHARE = 0.05

# Unicode ranges -> language, for scripts used by essentially one major language.
SCRIPTS: tuple[tuple[str, str], ...] = (
    ("\u3040-\u30ff", "ja"),
    ("\uac00-\ud7af", "ko"),
    ("\u4e00-\u9fff", "zh"),
    ("\u0600-\u06ff", "ar"),
    ("\u0590-\u05ff", "he"),
    ("\u0370-\u03ff", "el"),
    ("\u0e00-\u0e7f", "th"),
    ("\u0900-\u097f", "hi"),
    ("\u0400-\u04ff", "ru"),
    ("\u0980-\u09ff", "bn"),
    ("\u0b80-\u0bff", "ta"),
    ("\u10a0-\u10ff", "ka"),
    ("\u0530-\u058f", "hy"),
)
_LETTERS = re.compile(r"[^\W\d_]+")
_SCRIPT_PATTERNS = tuple((re.compile(f"[{chars}]"), lang) for chars, lang in SCRIPTS)

# The most frequent function words per language. Lists overlap (e.g. "de"); only the
# totals are compared, and a lead of MIN_LEAD over the runner-up is required.
COMMON_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to is in that it was for on are with as this be at by from have "
        "not but they which you were has had their been would there what about",
        "de": "der die und das ist nicht ein eine zu den von mit sich des auf für im dem "
        "auch es an werden aus er hat dass sie nach bei wird noch wie einem über",
        "fr": "le la les et des est un une du dans que qui pour pas sur au avec ce sont "
        "plus par mais ou il elle nous vous leur été cette aux ses",
        "es": "el los las y del que en un una es por con para se su al lo como más pero "
        "sus le ha este entre cuando muy sin sobre también fue",
        "it": "il di che è e la per un una sono non gli le del della con si da al nel "
        "anche ma come più dei alla questo delle",
        "pt": "o os as de que e do da em um uma para com não por mais dos das se na no ao "
        "como mas foi ele ela são seu sua",
        "nl": "de het een en van in is dat op te zijn met voor niet aan er ook als bij "
        "maar om dan door wordt naar uit nog heeft",
        "pl": "i w na z się nie do to że jest o jak po przez dla od za tak ale są czy "
        "był może tylko jego oraz",
        "sv": "och att det som en på är av för med till den har inte om ett jag var men "
        "de sig så från",
        "da": "og at det som en på er af for med til den har ikke om et jeg var men de sig så fra",
        "cs": "a v se na je že to s z do o k ve pro jako ale by jsou jeho které tak od",
        "tr": "ve bir bu da de için ile olarak çok daha gibi olan ama en sonra kadar her",
        "fi": "ja on ei se että oli hän ovat kun mutta myös tai ole joka kuin jo sen",
        "hu": "a az és hogy nem is egy meg van de csak már el ki mint ez volt",
        "ro": "și în de la cu că nu pe o din un este se mai care sau pentru sunt",
        "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena",
    }.items()
}


def normalize_language(value: str | None) -> str | None:
    """``en_us`` -> ``en-US``; ``None`` for values that are not language tags."""
    if not value:
        return None
    match = _TAG.match(value.strip())
    if not match:
        return None
    primary = match.group(1).lower()
    if primary in _NOT_LANGUAGES:
        return None
    tag = primary
    if match.group(2):
        tag += "-" + match.group(2).title()
    if match.group(3):
        tag += "-" + match.group(3).upper()
    return tag


def detect_language(text: str) -> str | None:
    """The language ``text`` is most likely written in, or ``None`` when unsure."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(1 for char in sample if char.isalpha())
    if letters < MIN_LETTERS:
        return None
    for pattern, lang in _SCRIPT_PATTERNS:
        if len(pattern.findall(sample)) > letters * SCRIPT_SHARE:
            if lang == "zh" and len(_SCRIPT_PATTERNS[0][0].findall(sample)) > letters * KANA_SHARE:
                return "ja"
            return lang
    words = Counter(_LETTERS.findall(sample.lower()))
    scores = {
        lang: sum(count for word, count in words.items() if word in common)
        for lang, common in COMMON_WORDS.items()
    }
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, runner_up = ranked[0], ranked[1]
    if best[1] >= MIN_HITS and best[1] >= MIN_LEAD * runner_up[1]:
        return best[0]
    return None
