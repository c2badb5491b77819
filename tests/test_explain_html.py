"""The visual explain report: marked blocks, a summary, and nothing of the page that runs.

The browser tests load the report in headless Chromium (Debian's ``chromium``, installed by
``.ci/run``), screenshot it and dump its DOM after scripts would have run. They skip only
when no Chromium is installed.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

import boilerkit
from boilerkit.render.explain_html import (
    CONTAINER_COLOUR,
    CSP,
    DROPPED_COLOUR,
    KEPT_COLOUR,
    TEASER_COLOUR,
    SecondOpinion,
)

ROOT = Path(__file__).resolve().parent.parent
SCRIPT_MARK = "ran 42"
"""What the page's scripts would write (``6*7`` computed, so it is never in the source)."""

PARAGRAPH = (
    "The council voted on Tuesday to replace the ageing ferries with an electric fleet, "
    "after a year of breakdowns that left passengers stranded on both sides of the river. "
)
HOSTILE_PAGE = f"""<!DOCTYPE html><html><head><title>Ferries &amp; fleets</title>
<script>document.title = "script {SCRIPT_MARK[:3]}" + " " + (6*7);</script>
<style>body {{ background: url(https://tracker.example/x.png) }}</style>
<link rel="stylesheet" href="https://cdn.example/site.css"></head>
<body onload="document.body.setAttribute('data-onload', 'ran ' + (6*7))">
<nav><a href="javascript:document.title='ran '+(6*7)">Home</a> <a href="/news">News</a>
<a href="/sport">Sport</a> <a href="/contact">Contact</a></nav>
<article><h1>Ferries &amp; fleets</h1>
<p>{PARAGRAPH}<img src="x" onerror="document.title='ran '+(6*7)"></p>
<p>{PARAGRAPH}Text that looks like markup: &lt;script&gt;alert(1)&lt;/script&gt; stays text.</p>
<iframe src="data:text/html,<script>parent.document.title='ran '+(6*7)</script>"></iframe>
<p onclick="document.title='ran '+(6*7)">{PARAGRAPH * 2}</p>
</article>
<aside class="c-list"><h2>Top Stories</h2><ul>
<li><a href="/a/1">Harbour wall repairs begin after storm damage</a></li>
<li><a href="/a/2">New timetable for the river crossing this summer</a></li>
<li><a href="/a/3">Ferry crew praised for rescue of stranded walkers</a></li>
<li><a href="javascript:alert(1)">Council tax rise approved for the coming year</a></li>
</ul></aside></body></html>"""


@pytest.fixture(scope="module")
def report() -> str:
    return boilerkit.explain(HOSTILE_PAGE, url="https://news.example/ferries").to_html()


def test_report_marks_kept_and_dropped_blocks_with_scores_and_reasons(report: str) -> None:
    page = lxml_html.fromstring(report)
    blocks = page.xpath("//main/section")
    kept = [b for b in blocks if "kept" in b.get("class").split()]
    dropped = [b for b in blocks if "dropped" in b.get("class").split()]
    assert kept and dropped
    assert any("in-container" in b.get("class").split() for b in kept)
    first = kept[0]
    assert first.get("title").startswith("KEEP +")  # score and path on hover
    assert first.xpath(".//span[@class='verdict']/text()") == ["KEEP"]
    assert "text +" in first.xpath("string(.//p[@class='reasons'])")  # the rules beside it
    assert "Home News Sport Contact" in " ".join(b.text_content() for b in dropped)


def test_report_marks_teasers_with_their_related_links(report: str) -> None:
    page = lxml_html.fromstring(report)
    teasers = page.xpath("//main/section[contains(@class, 'teaser')]")
    assert teasers
    hrefs = page.xpath("//main//p[@class='related']/a/@href")
    assert "https://news.example/a/1" in hrefs
    listed = page.xpath("//header/details/ul[@class='related']/li")
    assert len(listed) == len(
        boilerkit.extract(HOSTILE_PAGE, url="https://news.example/ferries").related
    )
    assert listed[0].xpath("a/@href") == ["https://news.example/a/1"]
    assert not any(href.lower().startswith("javascript") for href in page.xpath("//@href"))


def test_report_summary(report: str) -> None:
    page = lxml_html.fromstring(report)
    facts = dict(
        zip(page.xpath("//header//dt/text()"), page.xpath("//header//dd/text()"), strict=True)
    )
    assert facts["URL"] == "https://news.example/ferries"
    assert float(facts["confidence"]) > 0
    page_type = boilerkit.extract(HOSTILE_PAGE, url="https://news.example/ferries").page_type
    assert facts["page type"].startswith(f"{page_type} (")
    assert facts["second opinion"] in {
        SecondOpinion(False, False).describe(),
        SecondOpinion(True, False).describe(),
        SecondOpinion(True, True).describe(),
    }
    assert "kept" in facts["blocks"] and "dropped" in facts["blocks"]


def test_report_copies_nothing_that_runs_or_loads(report: str) -> None:
    page = lxml_html.fromstring(report)
    assert page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [CSP]
    assert not page.xpath("//script | //iframe | //object | //embed | //link | //img | //form")
    assert not [name for e in page.iter() for name in e.attrib if name.startswith("on")]
    assert len(page.xpath("//style")) == 1
    assert "tracker.example" not in report and "cdn.example" not in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report  # the page's text, escaped


@pytest.mark.parametrize(
    ("notes", "asked", "taken"),
    [
        ((), False, False),
        (("second opinion: not asked, page too large",), False, False),
        (("second opinion: none",), True, False),
        (("second opinion: not asked, not enough time left",), False, False),
        (("second opinion: asked, ours kept: the page's article is ours",), True, False),
        (("low confidence: content is trafilatura's second opinion: longer prose",), True, True),
        (("low confidence: content is trafilatura's second opinion",), True, True),
    ],
)
def test_second_opinion_is_read_from_the_notes(
    notes: tuple[str, ...], asked: bool, taken: bool
) -> None:
    assert SecondOpinion.from_notes(notes) == SecondOpinion(asked, taken)


def test_cli_writes_the_report_for_explain_with_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from boilerkit.cli import main

    page = tmp_path / "page.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    assert main(["--explain", "-f", "html", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and 'class="block kept' in out
    assert main(["--explain", str(page)]) == 0
    assert capsys.readouterr().out.startswith("# confidence")


# -- in a real browser ------------------------------------------------------------------


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium installed (.ci/run installs Debian's chromium)")


def run_chromium(tmp_path: Path, *args: str) -> bytes:
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, timeout=120, check=True, cwd=tmp_path)
    return done.stdout


def png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit RGB/RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4
    chunks, offset = b"", 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            chunks += data[offset + 8 : offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(chunks)
    stride = width * channels
    previous = bytearray(stride)
    pixels: list[tuple[int, int, int]] = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + best) & 0xFF
        pixels.extend((line[i], line[i + 1], line[i + 2]) for i in range(0, stride, channels))
        previous = line
    return width, height, pixels


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_the_browser_runs_scripts_of_a_page_that_has_them(tmp_path: Path) -> None:
    """The control for the next test: the same check does see a script that ran."""
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    dom = run_chromium(tmp_path, "--dump-dom", page.as_uri()).decode()
    assert SCRIPT_MARK in dom


def test_the_report_in_a_browser_shows_the_marks_and_runs_nothing(
    tmp_path: Path, report: str
) -> None:
    path = tmp_path / "report.html"
    path.write_text(report, encoding="utf-8")
    dom = run_chromium(tmp_path, "--dump-dom", path.as_uri()).decode()
    assert SCRIPT_MARK not in dom
    assert "<title>boilerkit explain: Ferries &amp; fleets</title>" in dom
    assert 'class="block kept' in dom
    run_chromium(tmp_path, "--window-size=1000,1600", "--screenshot", path.as_uri())
    width, height, pixels = png_pixels((tmp_path / "screenshot.png").read_bytes())
    assert (width, height) == (1000, 1600)
    counts = Counter(pixels)
    for colour in (KEPT_COLOUR, DROPPED_COLOUR, CONTAINER_COLOUR, TEASER_COLOUR):
        assert counts[rgb(colour)] > 200, f"{colour} is not on the screen"


def test_report_of_a_page_without_blocks() -> None:
    report = boilerkit.explain(b"").to_html()
    page = lxml_html.fromstring(report)
    assert not page.xpath("//main/section")
    assert "0 kept, 0 dropped, of 0" in page.xpath("string(//header)")
    assert page.xpath("//header/h1/text()") == ["(no title)"]
