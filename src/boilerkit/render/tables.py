"""Tables: telling data tables from layout tables, and laying cells out on a grid.

A data table renders as a table (a pipe table in Markdown, one line per row in text); a
layout table (one that holds the page's columns or paragraphs) renders as the blocks it
contains, since squeezing an article into one table row would make it unreadable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from lxml import etree
from lxml import html as lxml_html

LONG_CELL: Final = 400
"""A cell with more text than this holds prose, not data: its table is for layout."""
MAX_COLSPAN: Final = 64
MAX_ROWSPAN: Final = 256
"""Spans are clamped so that hostile markup (``colspan=100000``) cannot blow up the grid."""
MAX_COLUMNS: Final = 256

_ROWS = etree.XPath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
_CELLS = etree.XPath("./td | ./th")
_PROSE = etree.XPath(
    ".//*[self::table or self::h1 or self::h2 or self::h3 or self::h4 or self::h5"
    " or self::h6 or self::pre or self::blockquote or self::article or self::section]"
)


@dataclass(frozen=True, slots=True)
class Slot:
    """One grid position: a cell, or (``element`` None) a position another cell spans over."""

    element: lxml_html.HtmlElement | None
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


def is_data_table(table: lxml_html.HtmlElement) -> bool:
    """Whether ``table`` holds data (render as a table) rather than page layout."""
    if table.get("role") in ("presentation", "none"):
        return False
    rows = _ROWS(table)
    if not rows:
        return False
    cells = [_CELLS(row) for row in rows]
    if max(len(row) for row in cells) < 2:
        return False
    for row in cells:
        for cell in row:
            if _PROSE(cell) or len(cell.text_content()) > LONG_CELL:
                return False
    return True


def _span(value: str | None, limit: int) -> int:
    if value is None:
        return 1
    value = value.strip()
    return max(1, min(int(value), limit)) if value.isdigit() else 1


def table_grid(table: lxml_html.HtmlElement) -> list[list[Slot]]:
    """The table's rows with every row/colspan expanded, so column ``i`` lines up in all rows."""
    grid: list[list[Slot]] = []
    pending: dict[int, int] = {}
    """Column -> rows still covered there by a rowspan from above."""
    for row in _ROWS(table):
        header_row = row.getparent().tag == "thead"
        out: list[Slot] = []
        for cell in _CELLS(row):
            _fill(out, pending, stop_at_free=True)
            colspan = _span(cell.get("colspan"), MAX_COLSPAN)
            rowspan = _span(cell.get("rowspan"), MAX_ROWSPAN)
            header = header_row or cell.tag == "th"
            for k in range(colspan):
                if len(out) >= MAX_COLUMNS:
                    break
                if rowspan > 1:
                    pending[len(out)] = rowspan - 1
                out.append(Slot(cell, header, colspan, rowspan) if k == 0 else Slot(None, header))
        _fill(out, pending, stop_at_free=False)
        grid.append(out)
    return grid


def _fill(out: list[Slot], pending: dict[int, int], *, stop_at_free: bool) -> None:
    """Add filler slots for the columns that rowspans from above cover at the row's end.

    With ``stop_at_free`` only up to the first column free for the next cell; otherwise up
    to the last covered column (free columns in between become fillers too).
    """
    last = max((col for col, left in pending.items() if left > 0), default=-1)
    while len(out) <= last and len(out) < MAX_COLUMNS:
        col = len(out)
        if pending.get(col, 0) > 0:
            pending[col] -= 1
        elif stop_at_free:
            return
        out.append(Slot(None))
