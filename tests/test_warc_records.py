"""``boilerkit.warc.iter_records``: every page record whole, or an error; never a short one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from warcs import JUNK, Page, fixture_pages, raw_record, truncate, write_raw, write_warc

from boilerkit.warc import WarcRecord, iter_records


def error_name(record: WarcRecord) -> str | None:
    return record.error.split(":", 1)[0] if record.error else None


@pytest.mark.parametrize("compress", [True, False])
def test_whole_records_come_out_as_written(tmp_path: Path, compress: bool) -> None:
    pages = [*fixture_pages(3), Page("https://x.example/logo", b"\x89PNG", "image/png")]
    path = tmp_path / ("a.warc.gz" if compress else "a.warc")
    write_warc(path, pages, gzip=compress)
    records = list(iter_records(str(path)))
    assert [r.url for r in records] == [p.url for p in pages[:3]]  # the image is skipped
    assert [r.payload for r in records] == [p.body for p in pages[:3]]
    assert all(r.error is None and r.record_id and r.date for r in records)
    assert all(r.content_type == "text/html" for r in records)
    data = path.read_bytes()
    for record in records:  # offset and length locate the record in the file, as an index does
        assert record.offset is not None and record.length is not None
        chunk = data[record.offset : record.offset + record.length]
        if compress:
            import gzip

            chunk = gzip.decompress(chunk)
        assert chunk.startswith(b"WARC/1.") and record.record_id.encode() in chunk


def test_a_file_that_ends_early_gives_an_error_for_its_last_record(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, fixture_pages(3))
    truncate(path, path.stat().st_size - 500)
    records = list(iter_records(str(path)))
    assert [error_name(r) for r in records] == [None, None, "TruncatedRecordError"]
    last = records[-1]
    assert last.payload == b"" and last.url == fixture_pages(3)[2].url
    assert last.error is not None and "file ends early" in last.error


@pytest.mark.parametrize("compress", [True, False])
def test_a_content_length_too_long_is_an_error(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / "long.warc"
    records = [raw_record(0, b"<p>zero</p>"), raw_record(1, b"<p>one</p>", declared=500)]
    write_raw(path, [*records, raw_record(2, b"<p>two</p>")], compress=compress)
    found = list(iter_records(str(path)))
    assert [error_name(r) for r in found][:2] == [None, "TruncatedRecordError"]
    assert found[1].record_id == "<urn:test:1>"
    if compress:  # each record is its own gzip member: the reader goes on after it
        assert [r.record_id for r in found] == ["<urn:test:0>", "<urn:test:1>", "<urn:test:2>"]
        assert found[2].payload == b"<p>two</p>" and found[2].error is None


@pytest.mark.parametrize("compress", [True, False])
def test_a_content_length_too_short_is_an_error_not_a_cut_page(
    tmp_path: Path, compress: bool
) -> None:
    path = tmp_path / "short.warc"
    records = [raw_record(0, b"<p>zero</p>"), raw_record(1, b"<p>one</p>", declared=20)]
    write_raw(path, [*records, raw_record(2, b"<p>two</p>")], compress=compress)
    found = list(iter_records(str(path)))
    assert found[0].error is None and found[0].payload == b"<p>zero</p>"
    assert error_name(found[1]) == "TruncatedRecordError"
    assert all(r.error is not None for r in found[1:])  # nothing after it passes for a page
    assert "Content-Length is wrong" in (found[1].error or "")


def test_an_unreadable_file_is_one_error_row(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(JUNK)
    (found,) = list(iter_records(str(junk)))
    assert error_name(found) == "UnreadableArchiveError" and found.record_id is None
    (missing,) = list(iter_records(str(tmp_path / "missing.warc.gz")))
    assert error_name(missing) == "UnreadableArchiveError"
    assert "No such file" in (missing.error or "")


def test_a_record_over_max_bytes_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    pages = fixture_pages(2)
    write_warc(path, pages)
    limit = min(len(p.body) for p in pages) + 1
    found = list(iter_records(str(path), max_bytes=limit))
    sizes = [len(p.body) > limit for p in pages]
    assert [error_name(r) == "InputTooLargeError" for r in found] == sizes
    assert any(sizes) and not all(sizes)


def test_file_urls_and_plain_paths_read_the_same(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    write_warc(path, fixture_pages(2))
    by_url = [replace(r, path="") for r in iter_records(f"file://{path}")]
    assert by_url == [replace(r, path="") for r in iter_records(str(path))]
    assert len(by_url) == 2
