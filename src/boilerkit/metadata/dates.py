"""Dates: any common written form to ISO 8601, plausibility, URL dates, in-page search.

A date is accepted only between ``EARLIEST`` and today (UTC, one day of slack for time
zones): never in the future. Times and zones are kept when the source gives them.

When the markup gives no date, or dates on different days, ``page_date`` reads the page
itself (it replaced htmldate, which cost 5-20 ms a page and found fewer right dates).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from lxml import html as lxml_html

from ..encoding.repair import compose
from .scan import DATED, PageScan, body_of
from .text import remembered_date

EARLIEST = date(1995, 1, 1)
"""The web had few dated pages before this; earlier "dates" are mostly birth years etc."""

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janvier enero gennaio januari janeiro stycznia styczeń января "
        "январь січня ocak",
        "february feb februar février fevrier febrero febbraio februari fevereiro lutego "
        "luty февраля февраль лютого şubat subat",
        "march mar märz maerz mär mars marzo maart março marca marzec марта март березня mart",
        "april apr avril abril aprile kwietnia kwiecień апреля апрель квітня nisan",
        "may mai mayo maggio mei maio maja maj мая май травня mayıs mayis",  # noqa: RUF001 (Turkish dotless i)
        "june jun juni juin junio giugno junho czerwca czerwiec июня июнь червня haziran",
        "july jul juli juillet julio luglio julho lipca lipiec июля июль липня temmuz",
        "august aug août aout agosto augustus sierpnia sierpień августа август серпня "
        "ağustos agustos",
        "september sep sept septembre septiembre setiembre settembre setembro września "
        "wrzesień сентября сентябрь вересня eylül eylul",
        "october oct oktober okt octobre octubre ottobre outubro października październik "
        "октября октябрь жовтня ekim",
        "november nov novembre noviembre novembro listopada listopad ноября ноябрь "
        "листопада kasım kasim",  # noqa: RUF001 (Turkish dotless i)
        "december dec dezember dez décembre decembre diciembre dicembre dezembro grudnia "
        "grudzień декабря декабрь грудня aralık aralik",  # noqa: RUF001 (Turkish dotless i)
    ),
    start=1,
):
    MONTHS.update(dict.fromkeys(_names.split(), _number))
# Indonesian/Malay, Hindi and Bengali names. Keys and looked-up text are NFC: pages write
# a nukta letter (फ़, য়) precomposed or as a letter and a combining mark.
for _number, _names in enumerate(
    (
        "जनवरी জানুয়ারি জানুয়ারী",
        "pebruari फ़रवरी फरवरी ফেব্রুয়ারি ফেব্রুয়ারী",
        "maret मार्च মার্চ",
        "अप्रैल अप्रेल এপ্রিল",
        "मई মে",
        "जून জুন",
        "जुलाई জুলাই",
        "agt agu अगस्त আগস্ট",
        "सितंबर सितम्बर সেপ্টেম্বর",
        "अक्टूबर अक्तूबर অক্টোবর",
        "nopember नवंबर नवम्बर নভেম্বর",
        "desember des दिसंबर दिसम्बर ডিসেম্বর",
    ),
    start=1,
):
    MONTHS.update(dict.fromkeys(unicodedata.normalize("NFC", _names).split(), _number))

_ISO = re.compile(
    r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)")
# A month name: letters, and the vowel signs of the Indic scripts, which are combining
# marks rather than ``\w`` ("मार्च" is म, ा, र, ्, च); two at least ("मई", "মে").
_NAME = r"(?:[^\W\d_]|[\u0900-\u0963\u0980-\u09e3]){2,12}"
_D_MONTH_Y = re.compile(
    r"(?<!\d)(\d{1,2})(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?(" + _NAME + r")\.?,?"
    r"\s+(?:de\s+)?(\d{4})(?!\d)"
)
_MONTH_D_Y = re.compile(r"\b(" + _NAME + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")
# Year, month and day as numbers with their signs: CJK 年月日, Korean 년월일 (spaced or not),
# Vietnamese "12 tháng 3 năm 2024" (day, "month" 3, "year").
_YMD_SIGNS = re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_VI_DMY = re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|,)?\s+(\d{4})(?!\d)")
_RFC2822 = re.compile(r"^[A-Za-z]{3},\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
)


MAX_DATE_CHARS = 300
"""A value longer than this is not a date ("Monday, 3 March 2024, 10:00 CET, updated ..."
is under 100): it is not searched at all."""


def _today() -> date:
    return (datetime.now(timezone.utc) + timedelta(days=1)).date()


def make_date(year: int, month: int, day: int) -> date | None:
    """A real, plausible calendar date, or ``None``."""
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value if EARLIEST <= value <= _today() else None


def _with_time(day: date, match: re.Match[str], first_group: int) -> str:
    hour, minute, second, zone = match.group(
        first_group, first_group + 1, first_group + 2, first_group + 3
    )
    if hour is None or minute is None or int(hour) > 23 or int(minute) > 59:
        return day.isoformat()
    stamp = f"{day.isoformat()}T{int(hour):02d}:{minute}:{second or '00'}"
    if zone:
        zone = "+00:00" if zone == "Z" else zone
        stamp += zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
    try:  # second 60 to 99, a zone past 24 hours: the day stands, the time does not
        datetime.fromisoformat(stamp)
    except ValueError:
        return day.isoformat()
    return stamp


def parse_date(text: str | None) -> str | None:
    """ISO 8601 for the first date written in ``text`` (ISO, numeric, or month names)."""
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    return remembered_date(text, _parse_date)


def _parse_date(text: str) -> str | None:
    text = text.strip()
    match = _ISO.search(text)
    if match:
        day = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return _with_time(day, match, 4) if day else None
    if _RFC2822.match(text):
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            moment = None
        if moment is not None and make_date(moment.year, moment.month, moment.day):
            return moment.isoformat()
    match = _COMPACT.match(text)
    if match:
        day = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return day.isoformat() if day else None
    if _EPOCH.match(text):
        seconds = int(text[:10])
        day = datetime.fromtimestamp(seconds, timezone.utc).date()
        return day.isoformat() if EARLIEST <= day <= _today() else None
    return _parse_written(text.lower())


def _parse_written(text: str) -> str | None:
    text = compose(text)
    signed = _YMD_SIGNS.search(text)
    if signed:
        with_signs = make_date(int(signed.group(1)), int(signed.group(2)), int(signed.group(3)))
        if with_signs:
            return with_signs.isoformat()
    vietnamese = _VI_DMY.search(text)
    if vietnamese:
        with_words = make_date(
            int(vietnamese.group(3)), int(vietnamese.group(2)), int(vietnamese.group(1))
        )
        if with_words:
            return with_words.isoformat()
    for match in _D_MONTH_Y.finditer(text):
        month = MONTHS.get(match.group(2))
        day = month and make_date(int(match.group(3)), month, int(match.group(1)))
        if day:
            return day.isoformat()
    for match in _MONTH_D_Y.finditer(text):
        month = MONTHS.get(match.group(1))
        day = month and make_date(int(match.group(3)), month, int(match.group(2)))
        if day:
            return day.isoformat()
    numeric = _DMY.search(text)
    if numeric:
        first, second, year = int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3))
        # Day first (most of the world) unless that cannot be: then US month/day/year.
        day = make_date(year, second, first) or make_date(year, first, second)
        if day:
            return day.isoformat()
    return None


# A UTC stamp and a local one are the same moment written twice when they differ by no
# more than SAME_MOMENT (zone-aware), or by a time-zone offset (whole quarter hours up to
# MAX_OFFSET, give or take SAME_MOMENT) when the local one has no zone.
SAME_MOMENT = timedelta(minutes=2)
MAX_OFFSET = timedelta(hours=14)
_QUARTER = timedelta(minutes=15)


def _is_utc(stamp: str) -> bool:
    return stamp.endswith(("+00:00", "Z"))


def prefer_local(stamps: list[str]) -> str | None:
    """The first stamp, unless it is UTC and another stamp gives that moment in local time.

    Publishers date a page in their own time zone; "2022-05-04T00:44Z" from a site in
    UTC-3 is the 3rd there. A local stamp (explicit non-UTC zone, or none) within
    ``SAME_MOMENT`` of the UTC one names the day the page's readers saw.
    """
    if not stamps:
        return None
    first = stamps[0]
    if not _is_utc(first) or "T" not in first:
        return first
    moment = datetime.fromisoformat(first)
    for other in stamps[1:]:
        if _is_utc(other) or "T" not in other or other[:10] == first[:10]:
            continue
        local = datetime.fromisoformat(other)
        if local.tzinfo is not None:
            if abs(local - moment) <= SAME_MOMENT:
                return other
            continue
        gap = abs(local - moment.replace(tzinfo=None))
        off_quarter = gap % _QUARTER
        if gap <= MAX_OFFSET and min(off_quarter, _QUARTER - off_quarter) <= SAME_MOMENT:
            return other
    return first


def url_date(url: str | None) -> str | None:
    """A full year/month/day written in the URL path (``/2019/06/19/``, ``/2019-06-19-``)."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    day = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return day.isoformat() if day else None


# A date written in running text, in the forms ``parse_date`` reads (text lower-cased).
_WRITTEN = re.compile(
    r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}"
    r"|\d{1,2}(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?" + _NAME + r"\.?,?\s+(?:de\s+)?\d{4}"
    r"|\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]"
    r"|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm|,)?\s+\d{4})(?!\d)"
    r"|\b" + _NAME + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)"
)
# A year of the web's era; anchors the search for written dates (a literal prefix keeps
# the scan fast even on long pages). In ASCII, Devanagari or Bengali digits.
_YEAR = re.compile(r"(?:20|19|२०|१९|২০|১৯)\d\d(?!\d)")
# Characters around a year that can hold the rest of its date ("3. Dezember 2019").
_BEFORE_YEAR, _AFTER_YEAR = 24, 12
# Years read per text before giving up on it.
MAX_YEARS = 300


def _written_date(text: str) -> str | None:
    """The first plausible date written in ``text``: found at its years, not scanned for."""
    for count, year in enumerate(_YEAR.finditer(text)):
        if count >= MAX_YEARS:
            break
        start, end = year.span()
        around = text[max(0, start - _BEFORE_YEAR) : end + _AFTER_YEAR].lower()
        for match in _WRITTEN.finditer(around):
            found = parse_date(match.group())
            if found:
                return found
    return None


# RDFa date properties on visible elements (``meta_tags.PageTags.rdfa``).
_RDFA_DATE = re.compile(r"datepublished|datecreated|dc:date|dcterms:(?:created|issued)")
# Longer texts in a date-marked element are a teaser or an article, not a dateline.
MAX_DATELINE_CHARS = 200
# Attributes of a date-marked element that can hold its date when its text does not.
_DATE_ATTRIBUTES = ("datetime", "content", "title")
# A dateline sits right above or under the headline: this many characters before and after
# the first <h1>'s text are read.
BEFORE_HEADLINE_CHARS = 150
AFTER_HEADLINE_CHARS = 300
# How much of the page's text, from the top of <body>, is searched for a written date
# before the rest of the page. The date of an article sits above or beside its headline;
# further down, dates are those of comments, related stories and archives. Measured on
# the development corpora: 5,000 characters beat 20,000 and the whole page.
TEXT_WINDOW = 5000


# A text node this short (whitespace collapsed) that holds a date is a dateline wherever it
# sits ("Aktualisiert: 30.12.2016", "Posted November 22, 2011"). Measured on
# trafilatura-eval without htmldate: 20, 30 and 40 characters gave 633 right dates of 727,
# 25 gave 635, 80 gave 632; 40 is taken from the plateau, not the peak.
MAX_DATELINE_TEXT_CHARS = 40


def _rdfa_date(scan: PageScan) -> str | None:
    for prop, content in scan.rdfa():
        if _RDFA_DATE.search(prop.lower()):
            found = parse_date(content)
            if found:
                return found
    return None


def _after_headline(body: lxml_html.HtmlElement, text: str) -> str | None:
    headline = next(body.iter("h1"), None)
    title = headline.text_content().strip() if headline is not None else ""
    start = text.find(title) if title else -1
    if start < 0:
        return None
    end = start + len(title) + AFTER_HEADLINE_CHARS
    return _written_date(text[max(0, start - BEFORE_HEADLINE_CHARS) : end])


def _marked_date(scan: PageScan) -> str | None:
    for element in scan.dates():
        if element.tag in ("script", "style", "meta", "link"):
            continue
        text = element.text_content()
        found = parse_date(text) if len(text) <= MAX_DATELINE_CHARS else None
        for name in _DATE_ATTRIBUTES:
            found = found or parse_date(element.get(name))
        if found:
            return found
    return None


def _dateline_text(scan: PageScan) -> str | None:
    """The first short text anywhere in the body that is a date ("Stand: 08.05.2019")."""
    for node in scan.texts_where(_is_dateline, DATED, max_chars=MAX_YEAR_TEXT_CHARS):
        parent = node.owner.getparent() if node.is_tail else node.owner
        if parent is None or parent.tag not in ("script", "style"):
            return _written_date(" ".join(node.text.split()))
    return None


# Texts longer than this are not read for a dateline (nor collapsed to see if they are one).
MAX_YEAR_TEXT_CHARS = 3 * MAX_DATELINE_TEXT_CHARS


def _is_dateline(text: str) -> bool:
    if len(text) <= MAX_YEAR_TEXT_CHARS and _YEAR.search(text):
        text = " ".join(text.split())
        return len(text) <= MAX_DATELINE_TEXT_CHARS and _written_date(text) is not None
    return False


def page_date(scan: PageScan, *, whole_page: bool) -> str | None:
    """The date the page shows, for when its markup gives none or disagrees with itself.

    In this order (measured on the corpora): RDFa date properties in the body; a date
    right above or under the headline; the first date-marked element
    (``scan.DATE_WORDS``) with a date in its text or its ``datetime``/``content``/``title``;
    the first date written in the top of the text. With ``whole_page`` (when the markup
    has no date at all), then: the first short text that is a date, and the first date
    written in the rest of the text.
    """
    body = body_of(scan.root)
    if body is None:
        return None
    text = body.text_content()
    found = (
        _rdfa_date(scan)
        or _after_headline(body, text)
        or _marked_date(scan)
        or _written_date(text[:TEXT_WINDOW])
    )
    if found or not whole_page:
        return found
    return _dateline_text(scan) or _written_date(text[TEXT_WINDOW:])
