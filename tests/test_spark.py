"""The Spark job end to end on ``local[1]``: the runner's Parquet, and poison records.

Needs the ``spark`` extra and Java (CI installs both); skipped without them. One Spark
session serves the module, so the JVM starts once. The WARC files are built from the
repository's fixture pages, so nothing here needs the network or the shared corpora.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="the spark extra is not installed")
pytest.importorskip("pyarrow", reason="the spark extra is not installed")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java", allow_module_level=True)

import pyarrow.parquet as pq
import warcs
from pyspark import cloudpickle
from pyspark.sql import SparkSession
from warcs import JUNK, Page, fixture_pages, poisoned, truncate, write_warc

import boilerkit
from boilerkit.spark import COLUMNS, extract_warcs
from boilerkit.spark.__main__ import main


@pytest.fixture(scope="module")
def spark() -> Any:
    session = (
        SparkSession.builder.master("local[1]")
        .appName("boilerkit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_runner_writes_a_row_per_record_with_errors_for_junk_and_truncation(
    spark: Any, tmp_path: Path
) -> None:
    pages = fixture_pages(22)
    junk = Page("https://junk.example/binary", JUNK)
    write_warc(tmp_path / "a.warc.gz", [*pages[:10], junk])
    write_warc(tmp_path / "b.warc.gz", pages[10:20])
    cut = tmp_path / "c.warc.gz"
    write_warc(cut, pages[20:22])
    truncate(cut, cut.stat().st_size - 400)  # inside the last page
    out = tmp_path / "out"
    warcs_ = [str(tmp_path / name) for name in ("a.warc.gz", "b.warc.gz", "c.warc.gz")]
    assert main([*warcs_, "-o", str(out)]) == 0

    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS)
    rows = {row["url"]: row for row in table.to_pylist()}
    assert len(rows) == table.num_rows == 23  # 22 pages and the junk record
    errors = {url: row["error"] for url, row in rows.items() if row["error"] is not None}
    assert set(errors) == {junk.url, pages[21].url}
    assert errors[junk.url].startswith("ExtractionError: ")
    assert errors[pages[21].url].startswith("TruncatedRecordError: ")
    for page in pages[:21]:
        row = rows[page.url]
        expected = boilerkit.extract(page.body, url=page.url, content_type="text/html")
        assert row["text"] == expected.text and row["title"] == expected.title
        assert row["boilerkit_version"] == boilerkit.__version__
        assert row["warc_record_id"].startswith("<urn:uuid:") and row["warc_offset"] > 0
    assert {row["warc_path"] for row in rows.values()} == set(warcs_)


def test_records_that_hang_or_crash_become_error_rows_and_the_job_finishes(
    spark: Any, tmp_path: Path
) -> None:
    cloudpickle.register_pickle_by_value(warcs)  # the test-only extractor, sent to workers
    try:
        body = b"<article><p>A fine page, long enough to be the article.</p></article>"
        urls = ["https://p.example/ok1", "https://p.example/hang", "https://p.example/crash",
                "https://p.example/ok2"]  # fmt: skip
        path = tmp_path / "poison.warc.gz"
        write_warc(path, [Page(url, body) for url in urls])
        frame = extract_warcs(spark, [str(path)], extractor=poisoned, time_budget=2.0)
        rows = {row["url"]: row for row in (r.asDict() for r in frame.collect())}
    finally:
        cloudpickle.unregister_pickle_by_value(warcs)
    assert list(rows) == urls
    assert rows["https://p.example/ok1"]["error"] is None
    assert rows["https://p.example/ok2"]["text"] == "A fine page, long enough to be the article."
    assert rows["https://p.example/hang"]["error"].startswith("WorkerTimeoutError: ")
    assert rows["https://p.example/crash"]["error"].startswith("WorkerCrashedError: ")
    assert "SIGSEGV" in rows["https://p.example/crash"]["error"]


def test_a_manifest_names_the_files_and_each_is_one_task(spark: Any, tmp_path: Path) -> None:
    pages = fixture_pages(3)
    write_warc(tmp_path / "m1.warc.gz", pages[:2])
    write_warc(tmp_path / "m2.warc.gz", pages[2:])
    manifest = tmp_path / "warc.paths.gz"
    manifest.write_bytes(gzip.compress(b"# two WARC files\nm1.warc.gz\n\nm2.warc.gz\n"))
    frame = extract_warcs(spark, str(manifest), prefix=str(tmp_path))
    assert frame.rdd.getNumPartitions() == 2
    assert sorted(row.url for row in frame.select("url").collect()) == sorted(p.url for p in pages)
