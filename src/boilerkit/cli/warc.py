"""WARC (and ARC) files: their HTML records as tasks, read by ``boilerkit.warc``.

The reading (which records are pages, their payload and headers, and the checks that
refuse a record cut short) is ``boilerkit.warc.iter_records``, shared with the Spark job;
this module only turns its records into the command line's tasks. A page's JSON output
gains the record's ``warc_record_id`` and ``warc_offset`` (with its file, enough to fetch
the record again), and a damaged record or an unreadable file becomes a ``Failure``: named
on stderr, and exit status 1.
"""

from __future__ import annotations

from collections.abc import Iterator

from .tasks import Failure, Task


def iter_warc(path: str, stem: str, max_bytes: int) -> Iterator[Task | Failure]:
    """The HTML pages of the WARC file at ``path``, in record order, and its failures.

    The WARC reader is imported here, on the first WARC: warcio brings fsspec and asyncio,
    a tenth of the command's start-up, which a batch of HTML files never needs."""
    from ..warc import iter_records

    number = 0
    for record in iter_records(path, max_bytes=max_bytes):
        if record.record_id is None:  # the file itself, not one of its records
            yield Failure(path, record.error or "unreadable WARC")
            continue
        number += 1
        name = f"{path}#{number}" + (f" {record.url}" if record.url else "")
        if record.error is not None:
            yield Failure(name, record.error)
            continue
        task = Task(
            name,
            f"{stem}/{number:06d}",
            data=record.payload,
            url=record.url,
            content_type=record.content_type,
            fetched_at=record.date,
            extra=(("warc_record_id", record.record_id), ("warc_offset", record.offset)),
        )
        del record  # nor this page's bytes while the next record is read: only the task's
        yield task
        del task
