"""``extract_records``: rows for records, in a child process (layer 3) or in this one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..api import extract
from ..options import Options
from .isolate import Isolated
from .records import WarcRecord
from .rows import ExtractedRecord, Extractor, extract_record


def extract_records(
    records: Iterable[WarcRecord],
    *,
    options: Options | None = None,
    isolate: bool = True,
    extractor: Extractor = extract,
    hard_timeout: float | None = None,
) -> Iterator[ExtractedRecord]:
    """One row per record, in order; a record that crashes or hangs its process included.

    ``isolate=False`` extracts in this process: faster to start, but a crash in C code
    takes the caller down with it and a hang in C code is never interrupted. The hard
    timeout defaults to about twice the time budget (``isolate.hard_timeout``).
    """
    options = options if options is not None else Options()
    if not isolate:
        for record in records:
            yield extract_record(record, options, extractor)
        return
    with Isolated(options, extractor, hard_timeout) as isolated:
        yield from isolated.run(records)
