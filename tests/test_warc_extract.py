"""``boilerkit.warc.extract_records``: one row per record, whatever the record does.

The poison records are made by a test-only extractor (the isolation code knows nothing of
it): one blocks inside a C call (``os.read`` on a pipe nobody writes to), one kills its
own process with SIGSEGV, one raises a plain Python bug.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from warcs import JUNK, Page, fixture_pages, poisoned, truncate, write_warc

import boilerkit
from boilerkit import Options
from boilerkit.warc import COLUMNS, WarcRecord, extract_records, iter_records

HARD_TIMEOUT = 5.0
"""Seconds before a stuck child is killed in these tests (the default is 2 x the budget)."""


def record(url: str, body: bytes = b"<article><p>A fine page.</p></article>") -> WarcRecord:
    return WarcRecord("test.warc", f"<urn:{url}>", None, 0, 1, url, "text/html", body)


def test_rows_match_extract_in_and_out_of_the_child(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    write_warc(path, [*fixture_pages(4), Page("https://x.example/junk", JUNK)])
    isolated = list(extract_records(iter_records(str(path))))
    inline = list(extract_records(iter_records(str(path)), isolate=False))
    assert [r.text for r in isolated] == [r.text for r in inline]
    for row, page in zip(isolated[:4], fixture_pages(4), strict=True):
        assert row.error is None and row.url == page.url
        assert row.text == boilerkit.extract(page.body, url=page.url, content_type="text/html").text
    junk = isolated[4]
    assert junk.text is None and (junk.error or "").startswith("ExtractionError: ")
    assert junk.boilerkit_version == boilerkit.__version__
    assert list(COLUMNS)[:6] == ["warc_path", "warc_record_id", "warc_date", "warc_offset",
                                 "warc_length", "url"]  # fmt: skip


def test_a_record_that_hangs_in_c_code_becomes_an_error_row() -> None:
    records = [record("https://p.example/ok1"), record("https://p.example/hang"),
               record("https://p.example/ok2")]  # fmt: skip
    rows = list(extract_records(records, extractor=poisoned, hard_timeout=HARD_TIMEOUT))
    assert [r.error is None for r in rows] == [True, False, True]
    assert (rows[1].error or "").startswith("WorkerTimeoutError: ")
    assert rows[1].elapsed_ms >= HARD_TIMEOUT * 1000 * 0.9
    assert rows[2].text == "A fine page."  # a new child took over after the killed one


def test_a_record_that_crashes_the_interpreter_becomes_an_error_row() -> None:
    records = [record("https://p.example/crash"), record("https://p.example/ok"),
               record("https://p.example/crash"), record("https://p.example/bug")]  # fmt: skip
    rows = list(extract_records(records, extractor=poisoned, hard_timeout=HARD_TIMEOUT))
    assert [r.url for r in rows] == [r.url for r in records]
    assert "WorkerCrashedError" in (rows[0].error or "") and "SIGSEGV" in (rows[0].error or "")
    assert rows[1].error is None and rows[1].text == "A fine page."
    assert (rows[2].error or "").startswith("WorkerCrashedError: ")
    assert rows[3].error == "KeyError: 'a bug'"  # layer 1: caught in the child, which lives on


def test_without_isolation_a_python_bug_is_still_one_row() -> None:
    rows = list(extract_records([record("https://p.example/bug")], extractor=poisoned,
                                isolate=False))  # fmt: skip
    assert [r.error for r in rows] == ["KeyError: 'a bug'"]


def test_damaged_records_keep_their_place_and_their_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, fixture_pages(2))
    truncate(path, path.stat().st_size - 300)
    rows = list(extract_records(iter_records(str(path)), options=Options(time_budget=5.0)))
    assert rows[0].error is None and rows[0].text
    assert (rows[1].error or "").startswith("TruncatedRecordError: ") and rows[1].text is None


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_the_child_is_gone_when_the_rows_are_abandoned() -> None:
    before = _children()  # earlier tests' helpers (a resource tracker) may live on
    rows = extract_records([record("https://p.example/a"), record("https://p.example/b")])
    assert next(rows).error is None
    children = _children() - before
    rows.close()  # a consumer that stops early (a Spark limit, an exception)
    assert len(children) == 1 and not (_children() & children)


def _children() -> set[int]:
    """This process's child processes (Linux: /proc)."""
    own = str(os.getpid())
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == own:
            found.add(int(entry.name))
    return found


def test_import_boilerkit_does_not_import_pyspark() -> None:
    code = (
        "import sys, boilerkit, boilerkit.warc; print('pyspark' in sys.modules);"
        " import boilerkit.spark; print({'pyspark', 'pyarrow'} & set(sys.modules) or None)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(boilerkit.__file__).parent.parent)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
    assert done.stdout.split() == [b"False", b"None"]  # the runner can say what is missing


def test_rows_keep_record_order_through_a_crash_and_a_page_larger_than_the_pipe() -> None:
    big = b"<article>" + b"<p>Long words here.</p>" * 120_000 + b"</article>"  # ~2.8 MB
    urls = [f"https://p.example/{name}" for name in
            ("a", "b", "crash", "c", "d", "big", "e", "f", "g")]  # fmt: skip
    records = [record(url, big if url.endswith("/big") else b"<p>Page %d.</p>" % n)
               for n, url in enumerate(urls)]  # fmt: skip
    rows = list(extract_records(records, extractor=poisoned, hard_timeout=60.0))
    assert [row.url for row in rows] == urls
    assert [row.error is not None for row in rows] == [url.endswith("/crash") for url in urls]
    assert rows[5].text is not None and rows[5].text.count("Long words here.") == 120_000
    assert [row.text for row in rows[6:]] == ["Page 6.", "Page 7.", "Page 8."]


@pytest.mark.parametrize(
    "argv",
    [
        ["-o", "out"],
        ["a.warc.gz", "--manifest", "m.paths", "-o", "out"],
        ["a.warc.gz", "-o", "out", "--time-budget", "0"],
    ],
)
def test_spark_runner_usage_errors_exit_2_before_starting_spark(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from boilerkit.spark.__main__ import main

    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2 and "error:" in capsys.readouterr().err
