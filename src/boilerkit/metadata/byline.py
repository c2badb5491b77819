"""Authors: names only, from metadata values or the page's byline.

Raw author strings carry "By", dates, job titles, e-mail addresses, profile URLs and
"Staff"-like placeholders; ``author_names`` keeps just the names. ``page_bylines`` finds
an author line in the page when no structured source names anyone.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from .dates import MONTHS
from .scan import BYLINE_TEXT, PageScan
from .text import clean_value, fingerprint

# "By", "Von", "Par"... before the names (several languages), and "Written by" forms.
_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|submitted|reported|published|text|photos?|story|words|interview|ein"
    r"|erstellt|verfasst|geschrieben|artikel|beitrag|bericht)\s+)*"
    r"(?:by|von|par|door|por|av|af|przez|from|autor(?:in)?|author|texte?|auteur|interview"
    r"|redaktion|fotos?|автор[ыа]?|текст|фото|oleh(?=\s*:)|penulis|yazar|tác\s+giả|bởi)\b"
    r"\s*[:\-\u2013]?\s*|^\s*by(?=[A-Z])"
    # Labels of scripts without case or spaces: 投稿者 "poster", 著者/筆者/執筆 "author",
    # 记者/記者 "reporter" (before the name in Chinese), लेखक/লেখক "writer", 文/글 "text".
    r"|^\s*(?:投稿者|著者|筆者|執筆者?|作者|记者|記者|लेखक|লেখক|(?:文|글)(?=\s*[:\uff1a]))\s*[:\uff1a]?\s*",
    re.IGNORECASE,
)
_WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag"
    r"|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche"
)
_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 2), key=len, reverse=True))
# Where the names end: a date, a time, "Updated", a separator bar. A try starts only where
# a run of spaces starts (the look-behind): started inside every run, it was quadratic.
_TAIL = re.compile(
    r"(?<!\s)\s*(?:\||•|·|\u2022|\bupdated\b|\bpublished\b|\bedited\s+by\b|\baktualisiert\b"
    r"|\bveröffentlicht\b|\b(?:am|on)\s+(?=\d|(?:"
    + _WEEKDAYS
    + r"|mon|tue|wed|thu|fri|sat|sun|"
    + _MONTH_NAMES
    + r")\b)|\b(?:"
    + _WEEKDAYS
    + r")\b|\d"
    r"|\s[-\u2013]\s+(?:" + _MONTH_NAMES + r")\b|\b(?:" + _MONTH_NAMES + r")\.?\s+\d"
    # Korean and Japanese write the title after the name: "김민준 기자", "山田太郎記者".
    r"|(?:기자|특파원|통신원|記者|特派員)(?=\W|$)).*$",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"(?<!\s)\s*(?:;|,|&|\+|/|、|\uff0c)\s*|(?<!\s)\s+(?:and|und|et|oraz|i|y|e|en|og|och|и|dan|ve|và|और)\s+",
    re.IGNORECASE,
)
# After an "@" that is not a word's first character: a dot, then a word character. Tested
# per word (``_is_email``); the single pattern ``\S+@\S+\.\w+`` was cubic on "@@@...".
_EMAIL_DOMAIN_END = re.compile(r"\.\w")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w")
# Words that make a segment a job title or a placeholder, not a person's name.
NOT_A_NAME = frozenset(
    (
        "staff",
        "editor",
        "editors",
        "editorial",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "writer",
        "writers",
        "contributor",
        "contributors",
        "columnist",
        "journalist",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "autor",
        "autorin",
        "author",
        "authors",
        "admin",
        "administrator",
        "webmaster",
        "newsroom",
        "desk",
        "team",
        "published",
        "updated",
        "posted",
        "photo",
        "photos",
        "photographer",
        "illustration",
        "video",
        "senior",
        "chief",
        "managing",
        "associate",
        "deputy",
        "contributing",
        "special",
        "guest",
        "freelance",
        "rédaction",
        "rédacteur",
        "rédactrice",
        "journaliste",
        "envoyé",
        "envoyée",
        "auteurs",
        "autoren",
        "redaktion",
        "редакция",
        "корреспондент",
        "редактор",
        "संवाददाता",
        "編集部",
        "编辑部",
        "redaksi",
        "phd",
        "md",
        "msc",
        "mba",
        "sign",
        "login",
        "log",
        "follow",
        "subscribe",
        "share",
        "more",
        "last",
        "view",
        "profile",
        "posts",
        "fail",
    )
)
# Punctuation trimmed off both ends of a name.
_TRIM = " .:-\u2013()[]\"'"
# A name has at most this many words and chars; longer, the segment is a sentence.
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60
# A byline in running text names a person in at most this many capitalized words.
MAX_PERSON_WORDS = 4


def _is_email(word: str) -> bool:
    """Whether ``word`` holds an e-mail address: "@" after its first character, then a
    dot and a word character at least one character later."""
    at = word.find("@", 1)
    return at > 0 and _EMAIL_DOMAIN_END.search(word, at + 2) is not None


def _is_name(segment: str, sitenames: frozenset[str]) -> bool:
    words = segment.split()
    if not words or len(words) > MAX_NAME_WORDS or len(segment) > MAX_NAME_CHARS:
        return False
    if not _LETTER.search(segment) or segment.startswith(("http", "www.", "/")):
        return False
    folded = {w.casefold().strip(".,:()") for w in words}
    if folded & NOT_A_NAME:
        return False
    return fingerprint(segment) not in sitenames


# Lower-case words allowed inside a person's name ("Ursula von der Leyen").
PARTICLES = frozenset(
    (
        "von",
        "van",
        "der",
        "den",
        "de",
        "di",
        "da",
        "du",
        "del",
        "della",
        "la",
        "le",
        "ter",
        "ten",
        "zu",
        "bin",
        "al",
        "dos",
        "das",
    )
)


def looks_like_person(name: str) -> bool:
    """Capitalized words (or name particles): what a byline in running text looks like.
    Scripts without case (Hangul, Han, Devanagari) pass on their letters alone."""
    words = name.split()
    return 1 <= len(words) <= MAX_PERSON_WORDS and all(
        w[0].isupper() or w in PARTICLES or (w[0].isalpha() and not w[0].islower()) for w in words
    )


def author_names(
    raw: str, sitenames: frozenset[str] = frozenset(), *, strict: bool = False
) -> list[str]:
    """The person names in one raw author value (possibly none).

    ``strict`` (for text found in the page rather than declared as the author) also
    requires capitalized words, so that "By the way..." yields nothing.
    """
    text = clean_value(raw)
    if not text or text.lower().startswith(("http://", "https://", "www.")):
        return []
    if "@" in text:
        text = " ".join(word for word in text.split() if not _is_email(word))
    text = text.lstrip("©").strip()
    text = _PREFIX.sub("", text, count=1)
    text = _TAIL.sub("", text)
    if _WORD.search(_HANDLE.sub("", text)):
        text = _HANDLE.sub("", text)
    names: list[str] = []
    for segment in _SPLIT.split(text):
        segment = _PREFIX.sub("", segment.strip(_TRIM)).strip(_TRIM)
        segment = segment.lstrip("@")
        if _is_name(segment, sitenames) and (not strict or looks_like_person(segment)):
            names.append(segment)
    return names


# Class words that mark an author *box* or a comment's author, not the article byline.
_NOT_BYLINE = re.compile(
    r"bio|avatar|image|img|photo|comment|related|about|box|desc|social", re.IGNORECASE
)
# A byline element holds at most this many chars (more, and it is an author box's bio) ...
MAX_BYLINE_CHARS = 120
# ... and reading stops at this many byline elements.
MAX_BYLINE_ELEMENTS = 3
# An element whose text holds more than this many characters besides whitespace is not
# cleaned to be measured: eight times ``MAX_BYLINE_CHARS``, far more than a repair shrinks
# a text (a layer of UTF-8 read as a single-byte code page takes 2 to 4 characters for one;
# on the corpora, the shortest cleaned text of such an element held 1,229). Cleaning
# an 8,000-character author bio cost 36 ms, a tenth of the metadata stage of 300 pages.
MAX_BYLINE_SOURCE_CHARS = 8 * MAX_BYLINE_CHARS


def page_bylines(scan: PageScan) -> tuple[list[str], bool]:
    """Candidate author lines from the visible page (a few at most), and whether they were
    found only by their wording ("By ...") rather than marked up as the author."""
    found: list[str] = []
    for element in scan.bylines():
        classes = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _NOT_BYLINE.search(classes) or element.tag in ("img", "meta", "link", "body", "html"):
            continue
        ancestors = list(element.iterancestors())
        tags = {a.tag for a in ancestors}
        # The page footer's names are the site's; an article's own footer holds its byline.
        if ("footer" in tags and "article" not in tags) or any(map(_is_comment, ancestors)):
            continue
        raw = element.text_content()
        text = clean_value(raw) if _may_be_short(raw) else None
        if text and len(text) <= MAX_BYLINE_CHARS:
            found.append(text)
        if len(found) >= MAX_BYLINE_ELEMENTS:
            break
    return (found, False) if found else (_text_bylines(scan), True)


def _may_be_short(raw: str) -> bool:
    """Whether ``raw`` may clean to a byline's length (``MAX_BYLINE_SOURCE_CHARS``)."""
    return len(raw) <= MAX_BYLINE_SOURCE_CHARS or (
        len("".join(raw.split())) <= MAX_BYLINE_SOURCE_CHARS
    )


def _text_bylines(scan: PageScan) -> list[str]:
    """Lines such as "By Jane Doe | 3 May": a short text that opens with "By"/"Von"/..."""
    found: list[str] = []
    for node in scan.byline_texts():
        parent = node.owner
        if parent.tag in ("script", "style", "a", "title", "option"):
            continue
        if node.is_tail:
            parent = parent.getparent() if parent.getparent() is not None else parent
        raw = parent.text_content()
        text = clean_value(raw) if _may_be_short(raw) else None
        if text and len(text) <= MAX_BYLINE_CHARS and BYLINE_TEXT.match(text):
            found.append(text)
        if len(found) >= 2:
            break
    return found


_COMMENT_BLOCK = re.compile(r"^(?:comments?|commentlist|comment-(?:list|body|content|\d+))$")


def _is_comment(element: lxml_html.HtmlElement) -> bool:
    """A reader comment (whose author is not the article's); ``<body>`` classes such as
    ``comments-open`` say nothing."""
    if element.tag in ("body", "html"):
        return False
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    return any(_COMMENT_BLOCK.match(token) for token in tokens)
