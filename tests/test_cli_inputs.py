"""What the command line reads: stdin sniffing, input lists, special files, odd names."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_cli import Run, Runner, page
from test_cli import run as run_fixture
from test_cli_warc import PAGES, RECORDS, write_warc

import boilerkit

run = run_fixture  # the same ``run`` fixture as test_cli's
SRC = str(Path(boilerkit.__file__).resolve().parent.parent)


def test_gzipped_stdin_is_read(run: Runner) -> None:
    result = run(stdin=gzip.compress(page("Otters")))
    assert result.status == 0, result.err
    assert result.out == boilerkit.extract(page("Otters")).text + "\n"


@pytest.mark.parametrize("compressed", [False, True])
def test_a_warc_on_stdin_is_read_record_by_record(
    run: Runner, tmp_path: Path, compressed: bool
) -> None:
    warc = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    write_warc(warc, gzip=compressed)
    result = run("--jsonl", "-j", "1", stdin=warc.read_bytes())
    assert result.status == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r["url"] for r in records] == [RECORDS[n][1] for n in PAGES]
    assert all(r["source"].startswith("stdin#") for r in records)
    assert not list(Path(os.environ.get("TMPDIR", "/tmp")).glob("boilerkit-stdin-*"))


def test_valid_gzip_followed_by_garbage_is_read(run: Runner, tmp_path: Path) -> None:
    source = tmp_path / "page.html.gz"
    source.write_bytes(gzip.compress(page("Otters")) + b"\x00\x00 trailing junk")
    result = run(str(source))
    assert result.status == 0, result.err
    assert "Otters is a page" in result.out
    piped = run(stdin=source.read_bytes())
    assert piped.status == 0 and piped.out == result.out


def test_truncated_gzip_is_still_an_error(run: Runner, tmp_path: Path) -> None:
    source = tmp_path / "page.html.gz"
    source.write_bytes(gzip.compress(page("Otters") * 20)[:-30])
    result = run(str(source))
    assert result.status == 1 and "corrupt gzip file" in result.err and "truncated" in result.err


def test_gzip_bomb_stops_at_max_bytes(run: Runner, tmp_path: Path) -> None:
    source = tmp_path / "bomb.html.gz"
    source.write_bytes(gzip.compress(b"<p>" + b"x" * 5_000_000))
    result = run(str(source), "--max-bytes", "100000")
    assert result.status == 1 and "over max_bytes=100000" in result.err


def test_input_file_lists_inputs_one_per_line(run: Runner, tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.html").write_bytes(page(name.title() + "page"))
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"{tmp_path / 'a.html'}\n\n  {tmp_path / 'b.html'}  \r\n")
    result = run("-i", str(listing), "--jsonl")
    assert result.status == 0, result.err
    assert [json.loads(line)["title"] for line in result.out.splitlines()] == ["Apage", "Bpage"]
    from_stdin = run("-i", "-", "--jsonl", stdin=listing.read_bytes())
    assert from_stdin.out == result.out


def test_a_missing_input_file_is_a_usage_error(run: Runner, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("-i", str(tmp_path / "nope.txt"))
    assert exit_info.value.code == 2


def _fifo_with_pages(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_bytes(page("Alpha"))
    os.mkfifo(pages / "x.html")  # nobody ever writes to it
    os.mkfifo(pages / "y.warc")
    (pages / "z.html").write_bytes(page("Zulu"))
    return pages


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_fifo_is_refused_at_once_and_the_pages_beside_it_come_out(
    run: Runner, tmp_path: Path, jobs: str
) -> None:
    pages = _fifo_with_pages(tmp_path)
    outcome: list[Run] = []
    worker = threading.Thread(
        target=lambda: outcome.append(run(str(pages), "--jsonl", "-j", jobs)), daemon=True
    )
    worker.start()
    worker.join(60)  # generous: blocking on the FIFO would be forever
    if worker.is_alive():  # unblock the reader so the test run can end, then fail
        for fifo in ("x.html", "y.warc"):
            with open(pages / fifo, "wb", buffering=0):
                pass
        worker.join(10)
        pytest.fail("the command line blocked on a FIFO")
    result = outcome[0]
    assert result.status == 1
    assert "x.html: a FIFO, not a regular file: refused" in result.err
    assert "y.warc: a FIFO, not a regular file: refused" in result.err
    assert [json.loads(line)["title"] for line in result.out.splitlines()] == ["Alpha", "Zulu"]


def test_a_device_named_on_the_command_line_is_refused(run: Runner) -> None:
    result = run("/dev/zero")
    assert result.status == 1 and "a character device, not a regular file" in result.err


def test_an_unreadable_subdirectory_is_reported(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.html").write_bytes(page("Alpha"))
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.html").write_bytes(page("Beta"))
    real = os.scandir

    def scandir(path: str) -> object:  # as chmod 000 would (the tests may run as root)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run(str(tmp_path), "--jsonl", "-j", "1")
    assert result.status == 1
    assert f"{locked}: cannot read this directory: Permission denied" in result.err
    assert [json.loads(line)["title"] for line in result.out.splitlines()] == ["Alpha"]


def test_output_directory_inside_the_inputs_is_not_read_again(run: Runner, tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(page("Alpha"))
    out = tmp_path / "out"
    for _ in range(2):  # the second run would find out/a.html from the first
        result = run(str(tmp_path), "-o", str(out), "-f", "html", "-j", "1")
        assert result.status == 0, result.err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["a.html"]


def test_names_that_are_not_utf8_stay_valid_utf8_in_jsonl(tmp_path: Path) -> None:
    root = os.fsencode(tmp_path)
    with open(os.path.join(root, b"caf\xe9.html"), "wb") as stream:
        stream.write(page("Latin"))
    with open(os.path.join(root, b"bell\x1b]0;x\x07.html"), "wb") as stream:
        stream.write(page("Bell"))
    done = _cli(str(tmp_path), "--jsonl", "-j", "1")
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
    sources = sorted(json.loads(line)["source"] for line in text.splitlines())
    assert sources == [str(tmp_path / "bell\\x1b]0;x\\x07.html"), str(tmp_path / "caf\\xe9.html")]


def test_names_never_reach_the_terminal_raw(tmp_path: Path) -> None:
    root = os.fsencode(tmp_path)
    with open(os.path.join(root, b"evil\x1b[2J\xff.html.gz"), "wb") as stream:
        stream.write(b"\x1f\x8bnot gzip")
    (tmp_path / "good.html").write_bytes(page("Good"))
    done = _cli(str(tmp_path), "-j", "1")
    assert done.returncode == 1
    assert b"\x1b" not in done.stderr and b"\xff" not in done.stderr
    assert b"\x1b" not in done.stdout
    assert "evil\\x1b[2J\\xff.html.gz: corrupt gzip file" in done.stderr.decode("utf-8")


def _cli(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run(
        [sys.executable, "-m", "boilerkit", *argv],
        capture_output=True,
        timeout=120,
        check=False,
        env=env,
        **kwargs,  # type: ignore[arg-type]
    )
