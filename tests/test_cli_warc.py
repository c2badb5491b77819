"""WARC input: record for record, what ``extract`` gives for the same bytes and headers."""

from __future__ import annotations

import io
import json
import sys
import zlib
from gzip import compress as gzip_compress
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import boilerkit
from boilerkit.cli import main

ARTICLE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{body} This paragraph is long enough to be taken for the article itself.</p>"
    "<p>A second paragraph, so that the page clearly holds some prose.</p></article></body></html>"
)

# (record type, URL, HTTP status, Content-Type, body, WARC date): the pages a WARC may hold.
RECORDS = [
    ("response", "https://a.example/utf8", "200 OK", "text/html; charset=utf-8",
     ARTICLE.format(title="Grüße", body="Ünïcödé text.").encode("utf-8"), "2024-05-01T10:00:00Z"),
    ("response", "https://a.example/latin", "200 OK", "text/html; charset=windows-1252",
     ARTICLE.format(title="Café", body="Crème brûlée, naïve.").encode("cp1252"),
     "2024-05-01T10:01:00Z"),
    ("response", "https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n",
     "2024-05-01T10:02:00Z"),
    ("response", "https://a.example/gone", "404 Not Found", "text/html",
     ARTICLE.format(title="Not found", body="Missing.").encode(), "2024-05-01T10:03:00Z"),
    ("resource", "https://a.example/stored", None, "text/html",
     ARTICLE.format(title="Stored", body="A resource record.").encode(), "2024-05-01T10:04:00Z"),
    ("response", "https://a.example/no-type", "200 OK", None,
     ARTICLE.format(title="Untyped", body="No content type at all.").encode(),
     "2024-05-01T10:05:00Z"),
]  # fmt: skip
PAGES = [0, 1, 4, 5]
"""The records that are HTML pages (the image and the 404 are skipped)."""


def write_warc(path: Path, *, gzip: bool) -> None:
    """A WARC as crawlers write them (lengths given, so warcio needs no temporary files)."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for kind, url, status, content_type, body, date in RECORDS:
            headers = {"WARC-Date": date}
            if kind == "resource":
                record = writer.create_warc_record(
                    url,
                    "resource",
                    payload=io.BytesIO(body),
                    length=len(body),
                    warc_content_type=content_type,
                    warc_headers_dict=headers,
                )
            else:
                fields = [("Content-Type", content_type)] if content_type else []
                fields.append(("Content-Length", str(len(body))))
                http = StatusAndHeaders(status, fields, protocol="HTTP/1.1")
                request = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "a.example")], is_http_request=True
                )
                writer.write_record(
                    writer.create_warc_record(
                        url, "request", payload=io.BytesIO(b""), length=0, http_headers=request
                    )
                )
                record = writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=http,
                    warc_headers_dict=headers,
                )
            writer.write_record(record)


def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes], *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    status = main(list(argv))
    captured = capsysbinary.readouterr()
    return status, captured.out.decode(), captured.err.decode()


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_records_match_extract(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
    name: str,
    gzip: bool,
) -> None:
    warc = tmp_path / name
    write_warc(warc, gzip=gzip)
    status, out, err = run_cli(monkeypatch, capsysbinary, str(warc), "--jsonl", "-j", "2")
    assert status == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(PAGES)
    data = warc.read_bytes()
    for record, index in zip(records, PAGES, strict=True):
        _, url, _, content_type, body, date = RECORDS[index]
        expected = boilerkit.extract(body, url=url, content_type=content_type).to_dict()
        assert record.pop("source").endswith(f" {url}")
        assert record.pop("fetched_at") == date
        record_id, offset = record.pop("warc_record_id"), record.pop("warc_offset")
        head = data[offset : offset + 4096]  # the record is there, as an index would say
        head = zlib.decompressobj(31).decompress(head) if gzip else head
        assert head.startswith(b"WARC/1.") and record_id.encode() in head
        assert record == expected
    titles = [record["title"] for record in records]
    assert titles == ["Grüße", "Café", "Stored", "Untyped"]  # cp1252 decoded from the header


def test_warc_to_output_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, gzip=True)
    out = tmp_path / "out"
    status, _, err = run_cli(monkeypatch, capsysbinary, str(warc), "-o", str(out), "-f", "markdown")
    assert status == 0, err
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert len(files) == len(PAGES) and all(f.startswith("crawl/") for f in files)
    assert "Crème brûlée" in (out / files[1]).read_text(encoding="utf-8")


def test_corrupt_warc_is_a_failure_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    warc = tmp_path / "broken.warc.gz"
    write_warc(warc, gzip=True)
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) // 2] + b"\x00garbage" * 10)
    good = tmp_path / "good.html"
    good.write_bytes(ARTICLE.format(title="Good", body="Fine.").encode())
    status, out, err = run_cli(monkeypatch, capsysbinary, str(warc), str(good), "--jsonl")
    assert status == 1
    assert "broken.warc.gz" in err and "Traceback" not in err
    assert json.loads(out.splitlines()[-1])["title"] == "Good"


def test_a_truncated_warc_is_an_error_never_a_short_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    warc = tmp_path / "cut.warc.gz"
    write_warc(warc, gzip=True)
    warc.write_bytes(warc.read_bytes()[:-100])  # the download stopped inside the last page
    status, out, err = run_cli(monkeypatch, capsysbinary, str(warc), "--jsonl")
    assert status == 1
    assert [json.loads(line)["title"] for line in out.splitlines()] == ["Grüße", "Café", "Stored"]
    assert "cut.warc.gz#4 https://a.example/no-type: TruncatedRecordError: " in err


def test_a_wrong_content_length_does_not_swallow_the_records_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    def member(number: int, declared: int | None = None) -> bytes:
        body = ARTICLE.format(title=f"Page {number}", body="Text.").encode()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:test:{number}>\r\n"
            f"WARC-Target-URI: https://b.example/{number}\r\nContent-Length: "
            f"{declared or len(http)}\r\n\r\n"
        )
        return gzip_compress(head.encode() + http + b"\r\n\r\n")

    warc = tmp_path / "lying.warc.gz"
    warc.write_bytes(member(1) + member(2, declared=99999) + member(3))
    status, out, err = run_cli(monkeypatch, capsysbinary, str(warc), "--jsonl")
    assert status == 1
    assert [json.loads(line)["title"] for line in out.splitlines()] == ["Page 1", "Page 3"]
    assert "lying.warc.gz#2 https://b.example/2: TruncatedRecordError: " in err


def test_a_decompression_bomb_is_refused_while_it_streams(tmp_path: Path) -> None:
    """A record whose gzip-encoded body inflates to 200 MB, under a 1 MB ``max_bytes``: it
    is refused with the cap named, and never held whole (nor in two copies) on the way."""
    import tracemalloc

    from boilerkit.cli.warc import iter_warc

    bomb = gzip_compress(b"<html><body><p>" + b"a" * 200_000_000, compresslevel=9)
    warc = tmp_path / "bomb.warc.gz"
    with open(warc, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://bomb.example/",
                "response",
                payload=io.BytesIO(bomb),
                length=len(bomb),
                http_headers=http,
            )
        )
    tracemalloc.start()
    try:
        (item,) = list(iter_warc(str(warc), "bomb", 1_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "over max_bytes=1000000" in getattr(item, "reason", "")
    # warcio inflates 16 kB of input at a time (~16 MB of "a"), a few such blocks at once
    assert peak < 64_000_000
