"""The command line: inputs, formats, output files, batches, exit codes."""

from __future__ import annotations

import ctypes
import gzip
import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import boilerkit
from boilerkit.cli import batch, main, pool

ARTICLE = (
    "<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h2>{title}</h2><p>{title} is a page whose paragraph is long enough to be the"
    " article, with a <a href='/more'>link</a> and <b>bold</b> words in it.</p>"
    "<p>A second paragraph about {title}, so the content is clearly prose.</p></article>"
    "<footer>Copyright</footer></body></html>"
)


def page(title: str) -> bytes:
    return ARTICLE.format(title=title).encode()


class Run:
    """What one ``main`` call printed and returned."""

    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err


Runner = Callable[..., Run]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> Runner:
    def call(*argv: str, stdin: bytes = b"") -> Run:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        status = main(list(argv))
        captured = capsysbinary.readouterr()
        return Run(status, captured.out.decode(), captured.err.decode())

    return call


def test_stdin_to_text(run: Runner) -> None:
    result = run(stdin=page("Otters"))
    assert result.status == 0, result.err
    assert result.out == boilerkit.extract(page("Otters")).text + "\n"
    assert "Otters is a page" in result.out


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_formats_match_the_api(run: Runner, tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "otters.html"
    source.write_bytes(page("Otters"))
    result = run(str(source), "-f", fmt, "--url", "https://e.org/a", "--links")
    document = boilerkit.extract(page("Otters"), url="https://e.org/a", include_links=True)
    options = boilerkit.Options(include_links=True)
    assert result.status == 0, result.err
    if fmt == "json":
        data = json.loads(result.out)
        assert data.pop("source") == str(source) and data.pop("fetched_at") is None
        assert data == document.to_dict()
    else:
        expected = boilerkit.render_document(document, fmt, options, base_url="https://e.org/a")
        assert result.out == expected + "\n"
    if fmt == "markdown":
        assert "[link](https://e.org/more)" in result.out


def test_directory_recursive_gzip_and_output_names(run: Runner, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "a.html").write_bytes(page("Alpha"))
    (pages / "sub" / "b.html.gz").write_bytes(gzip.compress(page("Beta")))
    (pages / "c").write_bytes(page("Gamma"))  # no extension: still a page
    (pages / "notes.json").write_text("{}")  # not a page
    (pages / ".hidden.html").write_bytes(page("Hidden"))
    out = tmp_path / "out"
    result = run(str(pages), "-o", str(out), "-f", "markdown", "-q")
    assert result.status == 0, result.err
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["a.md", "c.md", "sub/b.md"]
    assert "Beta is a page" in (out / "sub" / "b.md").read_text()


def test_colliding_output_names_are_made_unique(run: Runner, tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "index.html").write_bytes(page("One"))
    (tmp_path / "y" / "index.htm").write_bytes(page("Two"))
    out = tmp_path / "out"
    result = run(str(tmp_path / "x"), str(tmp_path / "y"), "-o", str(out))
    assert result.status == 0, result.err
    assert "One is" in (out / "index.txt").read_text()
    assert "Two is" in (out / "index-2.txt").read_text()


def test_batch_keeps_input_order_with_a_process_pool(run: Runner, tmp_path: Path) -> None:
    names = [f"Page{n:02d}" for n in range(12)]
    for name in names:
        (tmp_path / f"{name}.html").write_bytes(page(name))
    result = run(str(tmp_path), "--jsonl", "-j", "2")
    assert result.status == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r["source"] for r in records] == [str(tmp_path / f"{n}.html") for n in names]
    expected = [boilerkit.extract(page(name)).text for name in names]
    assert [record["text"] for record in records] == expected


def test_failures_are_named_and_the_rest_still_written(run: Runner, tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_bytes(page("Good"))
    corrupt = tmp_path / "corrupt.html.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00garbage")
    result = run(str(tmp_path / "missing.html"), str(corrupt), str(good))
    assert result.status == 1
    assert "missing.html: no such file or directory" in result.err
    assert "corrupt.html.gz: corrupt gzip file" in result.err
    assert "==> " + str(good) + " <==" in result.out and "Good is a page" in result.out
    assert "Traceback" not in result.err


def test_oversize_input_fails_cleanly(run: Runner, tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(page("Big"))
    result = run(str(big), "--max-bytes", "100")
    assert result.status == 1 and "over max_bytes=100" in result.err


def test_explain(run: Runner) -> None:
    result = run("--explain", stdin=page("Otters"))
    assert result.status == 0
    assert result.out == str(boilerkit.explain(page("Otters"))) + "\n"


def test_output_options_reach_the_renderer(run: Runner) -> None:
    result = run("-f", "markdown", "--formatting", stdin=page("Otters"))
    assert "**bold**" in result.out
    plain = run("-f", "markdown", stdin=page("Otters"))
    assert "**" not in plain.out and "bold" in plain.out


@pytest.mark.parametrize(
    "argv",
    [["--jobs", "0", "x"], ["-f", "pdf", "x"], ["--precision", "--recall", "x"], ["--nope"]],
)
def test_usage_errors_exit_2(run: Runner, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(*argv)
    assert exit_info.value.code == 2


def test_python_dash_m_and_no_traceback_on_binary_input(tmp_path: Path) -> None:
    binary = tmp_path / "image.html"
    binary.write_bytes(bytes(range(256)) * 64)
    done = subprocess.run(
        [sys.executable, "-m", "boilerkit", str(binary)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1)
    version = subprocess.run(
        [sys.executable, "-m", "boilerkit", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert version.stdout.strip() == f"boilerkit {boilerkit.__version__}"
    helped = subprocess.run(
        [sys.executable, "-m", "boilerkit", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "examples:" in helped.stdout and "exit status" in helped.stdout


def _misbehaving(crash: str, hang: str) -> Callable[..., boilerkit.Document]:
    """``extract``, except that it kills its worker on one page and hangs it on another."""
    real = batch.extract

    def extract(data: bytes, **kwargs: Any) -> boilerkit.Document:
        if crash.encode() in data:
            os._exit(3)  # a segfault in C code looks like this to the pool
        if hang.encode() in data:
            # Stuck in C code holding the GIL: no time budget, signal handler or thread
            # can stop this; only killing the process can.
            ctypes.PyDLL(None).sleep(600)
        return real(data, **kwargs)

    return extract


def test_a_page_that_crashes_or_hangs_in_c_code_is_killed_and_the_rest_come_out(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ["a", "b", "crash", "c", "d", "hang", "e", "f"]
    for name in names:
        (tmp_path / f"{name}.html").write_bytes(page(f"Title{name}"))
    monkeypatch.setattr(pool, "GRACE_SECONDS", 2.0)
    monkeypatch.setattr(batch, "extract", _misbehaving("Titlecrash", "Titlehang"))
    # Workers are forked after the patch, so they run the misbehaving ``extract``. Chunks
    # hold 4 pages: the one that crashes is found by running its chunk's pages alone; the
    # one that hangs is known from its worker's notes after one page's patience (2 x 0.25 +
    # 1 + 2 s), and the pages before and after it in its chunk run again.
    started = time.monotonic()
    result = run(str(tmp_path), "--jsonl", "-j", "2", "--time-budget", "0.25")
    assert result.status == 1
    assert "crash.html: worker process died" in result.err
    assert "hang.html: no result after 3.5 s (worker stuck on this page)" in result.err
    sources = [Path(json.loads(line)["source"]).stem for line in result.out.splitlines()]
    assert sources == ["a", "b", "c", "d", "e", "f"]
    assert time.monotonic() - started < 120  # generous: the hang is 600 s
    assert "2 failed" in result.err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.html").write_bytes(page(name.title()))
    (tmp_path / "d.html.gz").write_bytes(b"\x1f\x8bnot gzip")
    plain = run(str(tmp_path), "-o", str(tmp_path / "out1"))
    # the failure and the summary: no progress bar, stderr is not a terminal
    assert plain.err.splitlines()[1:] == ["boilerkit: 3 written, 1 failed"]
    quiet = run(str(tmp_path), "-o", str(tmp_path / "out3"), "-q")
    assert quiet.err.count("\n") == 1  # just the failure
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    result = run(str(tmp_path), "-o", str(tmp_path / "out2"), "-j", "1")
    assert result.status == 1
    shown = terminal.getvalue()
    assert "4/4" in shown and "page" in shown
    assert "d.html.gz: corrupt gzip file" in shown


def test_jsonl_into_a_directory_and_empty_directories(run: Runner, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_bytes(page("Alpha"))
    (pages / "b.html").write_bytes(page("Beta"))
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    result = run(str(pages), str(tmp_path / "empty"), "--jsonl", "-o", str(out))
    assert result.status == 1 and "empty: no page or WARC files" in result.err
    assert [p.name for p in out.iterdir()] == ["documents.jsonl"]
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Alpha", "Beta"]


def test_start_up_leaves_the_warc_reader_and_http_out(tmp_path: Path) -> None:
    """A batch of HTML files imports neither warcio (with fsspec and asyncio) nor the
    fetcher's http.client and ssl: a tenth of the command's start-up."""
    (tmp_path / "a.html").write_bytes(page("Alpha"))
    code = (
        "import sys; from boilerkit.cli import main; main([sys.argv[1], '-o', sys.argv[2]]);"
        " print(sorted({'warcio', 'fsspec', 'asyncio', 'http.client', 'ssl'} & set(sys.modules)))"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(boilerkit.__file__).parent.parent)}
    argv = [sys.executable, "-c", code, str(tmp_path / "a.html"), str(tmp_path / "out")]
    done = subprocess.run(argv, capture_output=True, env=env, check=True)
    assert done.stdout.split() == [b"[]"]
    assert (tmp_path / "out" / "a.txt").read_text().startswith("Alpha")
