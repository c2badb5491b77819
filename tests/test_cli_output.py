"""What the command line writes: JSON forms, a closed pipe, full disks, hostile pages."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import Runner, page
from test_cli import run as run_fixture

import boilerkit
from boilerkit.render import CSV_COLUMNS, FORMATS

run = run_fixture  # the same ``run`` fixture as test_cli's
SRC = str(Path(boilerkit.__file__).resolve().parent.parent)
LONG = "<p>{title} goes on. " + "A sentence that makes this article long enough. " * 100 + "</p>"
HOSTILE = (
    b'<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline":'
    b' "\\ud800 bad \\u001b]0;pwned\\u0007", "author": {"name": "\\udfff"}}</script></head>'
    b"<body><article><p>A page whose metadata holds a lone surrogate and a terminal escape,"
    b" long enough to be taken for the article.</p></article></body></html>"
)


def _cli(*argv: str, preamble: str = "") -> subprocess.CompletedProcess[bytes]:
    """The command line in a child process (``preamble`` runs first, e.g. to set limits)."""
    code = f"import sys\n{preamble}\nfrom boilerkit.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": SRC},
    )


def _pages(root: Path, titles: list[str], *, long: bool = False) -> Path:
    root.mkdir(exist_ok=True)
    for title in titles:
        body = page(title)
        if long:
            body = body.replace(b"</article>", LONG.format(title=title).encode() + b"</article>")
        (root / f"{title}.html").write_bytes(body)
    return root


def test_json_is_pretty_for_one_input_and_one_per_line_for_several(
    run: Runner, tmp_path: Path
) -> None:
    single = run("--json", stdin=page("Otters"))
    assert single.status == 0, single.err
    assert single.out.startswith("{\n  ") and json.loads(single.out)["title"] == "Otters"
    pages = _pages(tmp_path / "pages", ["Alpha", "Beta"])
    for flag in (["--json"], ["-f", "json"], ["--jsonl"]):
        batch = run(str(pages), *flag, "-j", "1")
        assert [json.loads(line)["title"] for line in batch.out.splitlines()] == ["Alpha", "Beta"]
    assert json.loads(run("--jsonl", stdin=page("Otters")).out)["title"] == "Otters"
    files = run(str(pages), "--json", "-o", str(tmp_path / "out"), "-j", "1")
    assert files.status == 0, files.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Alpha.json", "Beta.json"]
    assert json.loads((tmp_path / "out" / "Beta.json").read_text())["title"] == "Beta"


@pytest.mark.parametrize("argv", [["--jso"], ["--form", "json"], ["--json", "--format=pdf"]])
def test_abbreviated_options_are_usage_errors(run: Runner, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(*argv, stdin=page("Otters"))
    assert exit_info.value.code == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_registered_format_is_on_the_command_line(run: Runner, fmt: str) -> None:
    result = run("-f", fmt, stdin=page("Otters"))
    assert result.status == 0, result.err
    assert "Otters" in result.out


def test_a_closed_pipe_ends_quietly_with_status_0(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages", [f"Page{n:02d}" for n in range(40)], long=True)
    child = subprocess.Popen(
        [sys.executable, "-m", "boilerkit", str(pages), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": SRC},
    )
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()  # as ``| head -1`` does, then goes away
    child.stdout.close()
    status = child.wait(timeout=120)
    err = child.stderr.read()
    child.stderr.close()
    assert first.startswith(b"==> ") and b"Page00.html" in first
    assert status == 0 and err == b""  # 200 kB of output: the pipe was full, then closed


def test_a_full_device_counts_nothing_as_written(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages", ["Alpha", "Beta", "Gamma"])
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "boilerkit", str(pages), "--jsonl", "-j", "1"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
            env={**os.environ, "PYTHONPATH": SRC},
        )
    err = done.stderr.decode()
    assert done.returncode == 1
    assert err.count("cannot write the output: No space left on device") == 3
    assert err.splitlines()[-1] == "boilerkit: 0 written, 3 failed"
    assert "Traceback" not in err


FILE_LIMIT = """
import resource, signal
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
"""


def test_a_failed_write_leaves_no_empty_or_partial_file(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages", ["Alpha", "Beta"])
    _pages(pages, ["Long"], long=True)  # its text is over the limit: its write fails
    out = tmp_path / "out"
    done = _cli(str(pages), "-o", str(out), "-j", "1", preamble=FILE_LIMIT.format(limit=2000))
    err = done.stderr.decode()
    assert done.returncode == 1
    assert "Long.html: cannot write the output: File too large" in err
    assert err.splitlines()[-1] == "boilerkit: 2 written, 1 failed"
    assert sorted(p.name for p in out.iterdir()) == ["Alpha.txt", "Beta.txt"]  # no .part
    assert (out / "Beta.txt").read_text().startswith("Beta")


def test_a_failed_jsonl_line_is_cut_off_and_not_counted(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages", [f"Page{n:02d}" for n in range(8)], long=True)
    out = tmp_path / "out"
    limit = 16_000  # a few of the ~5 kB lines fit
    done = _cli(
        str(pages), "--jsonl", "-o", str(out), "-j", "1", preamble=FILE_LIMIT.format(limit=limit)
    )
    assert done.returncode == 1
    lines = (out / "documents.jsonl").read_bytes().split(b"\n")
    assert lines[-1] == b""  # ends with a whole line
    written = [json.loads(line)["title"] for line in lines[:-1]]
    assert 1 <= len(written) < 8
    assert written == [f"Page{n:02d}" for n in range(len(written))]
    summary = done.stderr.decode().splitlines()[-1]
    assert summary == f"boilerkit: {len(written)} written, {8 - len(written)} failed"
    assert [p.name for p in out.iterdir()] == ["documents.jsonl"]


@pytest.mark.parametrize("argv", [["--jsonl"], ["-f", "json"], ["-o", "OUT"], ["-f", "html"]])
def test_a_hostile_page_in_a_batch_is_written_as_valid_utf8(
    tmp_path: Path, argv: list[str]
) -> None:
    pages = _pages(tmp_path / "pages", ["Alpha"])
    (pages / "hostile.html").write_bytes(HOSTILE)
    _pages(pages, ["Zulu"])
    argv = [str(tmp_path / "out") if arg == "OUT" else arg for arg in argv]
    done = _cli(str(pages), *argv, "-j", "1")
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    outputs = [done.stdout] + [p.read_bytes() for p in (tmp_path / "out").glob("*")]
    text = "".join(output.decode("utf-8") for output in outputs)  # strict UTF-8
    assert "Alpha is a page" in text and "Zulu is a page" in text
    assert "lone surrogate" in text and "\x1b" not in text


def test_language_keeps_only_documents_in_that_language(run: Runner, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, lang in [("a", "de"), ("b", "fr"), ("c", "de-AT"), ("d", "en")]:
        (pages / f"{name}.html").write_bytes(
            page(name.upper()).replace(b"<html>", f"<html lang={lang}>".encode())
        )
    result = run(str(pages), "--jsonl", "--language", "DE", "-j", "1")
    assert result.status == 0, result.err
    assert [json.loads(line)["title"] for line in result.out.splitlines()] == ["A", "C"]
    assert result.err.splitlines() == [
        "boilerkit: 2 written, 0 failed, 2 skipped (not in language de)"
    ]
    single = run(str(pages / "b.html"), "--language", "de")
    assert single.status == 0 and single.out == ""
    assert "b.html: skipped (language fr)" in single.err


@pytest.mark.parametrize("code", ["german", "d", "de_DE", ""])
def test_language_must_be_a_code(run: Runner, code: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("--language", code, stdin=page("Otters"))
    assert exit_info.value.code == 2


def test_csv_of_a_batch_is_one_table(run: Runner, tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages", ["Alpha", "Beta"])
    result = run(str(pages), "-f", "csv", "-j", "1")
    assert result.status == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out, newline="")))
    assert rows[0] == list(CSV_COLUMNS)
    assert [row[CSV_COLUMNS.index("title")] for row in rows[1:]] == ["Alpha", "Beta"]
    single = run(str(pages / "Alpha.html"), "-f", "csv")
    assert single.out == boilerkit.extract(page("Alpha")).to_csv()
    files = run(str(pages), "-f", "csv", "-o", str(tmp_path / "out"), "-j", "1")
    assert files.status == 0, files.err
    table = (tmp_path / "out" / "Beta.csv").read_bytes().decode("utf-8")
    header, row = csv.reader(io.StringIO(table, newline=""))
    assert header == list(CSV_COLUMNS) and row[CSV_COLUMNS.index("title")] == "Beta"
