"""CSV: one row per document (url, title, author, date, language, text), RFC 4180.

For spreadsheets and data frames: a header row, then one record per document, fields
separated by commas, records by CRLF, and a field quoted (its quotes doubled) when it holds
a comma, a quote or a line break, which every text with more than one paragraph does.
Missing values are empty fields. NUL, which no CSV reader takes, is dropped; nothing else
is changed (the text keeps its line breaks inside its quoted field).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Final

from .record import Record

CSV_COLUMNS: Final = ("url", "title", "author", "date", "language", "text")


def _line(values: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(
        value.replace("\x00", "") for value in values
    )
    return out.getvalue()


def csv_header() -> str:
    """The header record, CRLF included."""
    return _line(CSV_COLUMNS)


def csv_row(document: Record, text: str | None = None) -> str:
    """One document as one CSV record, CRLF included (no header).

    ``text`` replaces ``document.text`` (the text as the options render it).
    """
    values = {"text": document.text if text is None else text}
    return _line(values.get(name, getattr(document, name) or "") for name in CSV_COLUMNS)


def render_csv(documents: Iterable[Record]) -> str:
    """A whole CSV file: the header, then one record per document."""
    return csv_header() + "".join(csv_row(document) for document in documents)
