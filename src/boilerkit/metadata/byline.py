"""Authors: names only, from metadata values or the page's byline.

Raw author strings carry "By", dates, job titles, e-mail addresses, profile URLs and
"Staff"-like placeholders; ``author_names`` keeps just the names. ``page_bylines`` finds
an author line in the page when no structured source names anyone.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .text import clean_value, fingerprint

# "By", "Von", "Par"... before the names (several languages), and "Written by" forms.
_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|reported|published|text|photos?|story|words|interview)\s+)?"
    r"(?:by|von|par|door|por|av|af|przez|from|autor(?:in)?|author|texte?|auteur)\b"
    r"\s*[:\-–]?\s*",
    re.IGNORECASE,
)
# Where the names end: a date, a time, "Updated", a separator bar.
_TAIL = re.compile(
    r"\s*(?:\||•|·|\u2022|\bupdated\b|\bpublished\b|\bon\s+(?:mon|tue|wed|thu|fri|sat|sun)"
    r"|\baktualisiert\b|\bveröffentlicht\b|\bam\s+\d|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
    r"|\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b).*$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:;|,|&|\+|/|\band\b|\bund\b|\bet\b|\bund\b|\boraz\b|\bi\b|\by\b|\be\b)\s*",
                    re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
# Words that make a segment a job title or a placeholder, not a person's name.
NOT_A_NAME = frozenset("""
staff editor editors editorial reporter reporters correspondent correspondents writer
writers contributor contributors columnist journalist redakteur redakteurin korrespondent
korrespondentin autor autorin author authors admin administrator webmaster newsroom
desk team published updated posted photo photos photographer illustration video
senior chief managing associate deputy contributing special guest freelance
rédaction rédacteur rédactrice journaliste envoyé envoyée
""".split())
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60


def _is_name(segment: str, sitenames: set[str]) -> bool:
    words = segment.split()
    if not words or len(words) > MAX_NAME_WORDS or len(segment) > MAX_NAME_CHARS:
        return False
    if not re.search(r"[^\W\d_]", segment) or segment.startswith(("http", "www.", "/")):
        return False
    folded = {w.casefold().strip(".,:()") for w in words}
    if folded & NOT_A_NAME:
        return False
    return fingerprint(segment) not in sitenames


def author_names(raw: str, sitenames: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """The person names in one raw author value (possibly none)."""
    text = clean_value(raw)
    if not text or text.lower().startswith(("http://", "https://", "www.")):
        return []
    text = _EMAIL.sub(" ", text)
    text = _PREFIX.sub("", text, count=1)
    text = _TAIL.sub("", text)
    if re.search(r"\w", _HANDLE.sub("", text)):
        text = _HANDLE.sub("", text)
    names: list[str] = []
    for segment in _SPLIT.split(text):
        segment = _PREFIX.sub("", segment.strip(" .:-–()[]\"'")).strip(" .:-–()[]\"'")
        segment = segment.lstrip("@")
        if _is_name(segment, sitenames):
            names.append(segment)
    return names


_BYLINE = etree.XPath(
    "//body//*[@rel='author' or contains(@itemprop, 'author')"
    " or contains(translate(@class, 'BYLINEAUTHOR', 'bylineauthor'), 'byline')"
    " or contains(translate(@class, 'BYLINEAUTHOR', 'bylineauthor'), 'author')"
    " or contains(translate(@id, 'BYLINEAUTHOR', 'bylineauthor'), 'byline')"
    " or contains(translate(@id, 'BYLINEAUTHOR', 'bylineauthor'), 'author')]"
)
# Class words that mark an author *box* or a comment's author, not the article byline.
_NOT_BYLINE = re.compile(r"bio|avatar|image|img|photo|comment|related|about|box|desc|social",
                         re.IGNORECASE)
MAX_BYLINE_CHARS = 120


def page_bylines(root: lxml_html.HtmlElement) -> list[str]:
    """Candidate author lines from the visible page, in document order (a few at most)."""
    found: list[str] = []
    for element in _BYLINE(root):
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _NOT_BYLINE.search(marks) or element.tag in ("img", "meta", "link", "body", "html"):
            continue
        if any(a.tag in ("footer",) or _is_comment(a) for a in element.iterancestors()):
            continue
        text = clean_value(element.text_content())
        if text and len(text) <= MAX_BYLINE_CHARS:
            found.append(text)
        if len(found) >= 3:
            break
    return found


def _is_comment(element: lxml_html.HtmlElement) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return "comment" in marks
