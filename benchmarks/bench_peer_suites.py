"""Score boilerkit and its peers on the peers' own test pages: data nobody here tuned on.

The two development corpora are what the selection was tuned on, so their F1 says little
about pages nobody looked at. Some peers ship test pages with the main text they expect
(newspaper4k: ``tests/data/html/X.html`` and ``tests/data/txt/X.txt``; article-extractor:
28 rendered pages of 2026 blogs and news with a hand-cut ``expected.html``). This script fetches
those source distributions through pip into a cache outside the repository
(``$BOILERKIT_BENCH_CACHE``, else ``~/.cache/boilerkit-bench``), never into it, and skips
cleanly when pip cannot reach an index and nothing is cached.

The pages are split once, by a hash of their name, into a *tuning* half (look at it, fix
what it shows) and a *held-apart* half (score it only at the end); both are reported.
The metric is readability-test-pages' (``metrics.match_shingles``: 4-gram shingles, page
precision and recall averaged, F1 of the averages), since these suites give a whole text.

Other peers' source distributions were looked at and carry no page with an expected main
text: goose3, readabilipy, justext, boilerpy3, news-please and trafilatura keep theirs
out of the sdist (or have none), html-text and inscriptis expect the whole page's text
(they convert, not extract), and dragnet's sdist does not build its metadata. Fetched from
the PyPI JSON API, the sdists of dragnet 2.0.4, extractnet 2.0.7, goose-extractor 1.0.25,
newspaper3k 0.2.8, breadability 0.1.21, libextract 0.0.12 and article-extraction 0.3.0
carry no test page with its expected text either; earlier newspaper4k releases hold no page
that 0.9.6 lacks (their sdists are smaller).

Usage: ``bench_peer_suites.py [--half tuning|held-apart|both] [--errors] [--write]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.metrics import Scores, ShingleMatch, match_shingles, shingle_scores

CACHE = Path(os.environ.get("BOILERKIT_BENCH_CACHE", Path.home() / ".cache/boilerkit-bench"))
DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
BEGIN = "<!-- peer-suites:begin -->"
END = "<!-- peer-suites:end -->"
HALVES = ("tuning", "held-apart")
DEFAULT_READABILITY_PYTHON = "/tmp/readability-venv/bin/python"


@dataclass(frozen=True, slots=True)
class Case:
    """One test page of a peer's suite and the main text that suite expects."""

    suite: str
    name: str
    html: bytes = field(repr=False)
    expected: str = field(repr=False)
    url: str | None = None

    @property
    def half(self) -> str:
        """The fixed half this page belongs to, by a hash of its name (not by its content)."""
        digest = hashlib.sha256(f"{self.suite}/{self.name}".encode()).digest()
        return HALVES[digest[0] % 2]


@dataclass(frozen=True, slots=True)
class Suite:
    """A peer's source distribution and how to read its test pages once unpacked."""

    name: str
    requirement: str
    read: Callable[[Path], Iterator[Case]]


def _newspaper_cases(root: Path) -> Iterator[Case]:
    """newspaper4k: ``html/X.html`` with ``txt/X.txt``, the URL from ``metadata/X.json``."""
    data = root / "tests" / "data"
    for page in sorted((data / "html").glob("*.html")):
        text = data / "txt" / f"{page.stem}.txt"
        if not text.exists():
            continue
        meta = data / "metadata" / f"{page.stem}.json"
        url = json.loads(meta.read_text(encoding="utf-8")).get("url") if meta.exists() else None
        expected = text.read_text(encoding="utf-8")
        yield Case("newspaper4k", page.stem, page.read_bytes(), expected, url or None)


def _article_extractor_cases(root: Path) -> Iterator[Case]:
    """article-extractor: ``HOST/CASE/raw.html`` (rendered page) and ``expected.html``.

    The expected article is HTML cut from the page by a hand-picked selector; its text is
    taken as readability-lxml's summary is (a line break after each block).
    """
    from benchmarks.readability_runner import summary_text

    fixtures = root / "tests" / "fixtures" / "fullpage_to_article_html"
    for meta in sorted(fixtures.glob("*/*/meta.json")):
        raw, expected = meta.parent / "raw.html", meta.parent / "expected.html"
        if not raw.exists() or not expected.exists():
            continue
        url = json.loads(meta.read_text(encoding="utf-8")).get("url")
        text = summary_text(expected.read_text(encoding="utf-8"))
        name = f"{meta.parent.parent.name}/{meta.parent.name}"
        yield Case("article-extractor", name, raw.read_bytes(), text, url or None)


SUITES = (
    Suite("newspaper4k", "newspaper4k==0.9.6", _newspaper_cases),
    Suite("article-extractor", "article-extractor==0.5.9", _article_extractor_cases),
)


def unpacked(suite: Suite) -> Path | None:
    """The suite's unpacked sdist in the cache, fetched through pip when missing."""
    folder = CACHE / "src" / suite.requirement.replace("==", "-")
    if folder.exists():
        return next(folder.iterdir(), None)
    sdists = CACHE / "sdists"
    sdists.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
    # only the sdist's files are read: a suite needing a newer Python than ours is fine
    command += ["--ignore-requires-python", "-q", "-d", str(sdists), suite.requirement]
    if subprocess.run(command, check=False, capture_output=True).returncode != 0:
        print(f"{suite.name} skipped: pip could not fetch {suite.requirement}", file=sys.stderr)
        return None
    name, version = suite.requirement.split("==")
    archive = next(sdists.glob(f"{name.replace('-', '_')}-{version}.tar.gz"), None)
    archive = archive or next(sdists.glob(f"{name}-{version}.tar.gz"), None)
    if archive is None:
        print(f"{suite.name} skipped: no sdist of {suite.requirement}", file=sys.stderr)
        return None
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return next(folder.iterdir(), None)


def load_cases() -> list[Case]:
    """Every page of every suite that could be fetched (none when offline and uncached)."""
    cases: list[Case] = []
    for suite in SUITES:
        root = unpacked(suite)
        if root is not None:
            cases.extend(suite.read(root))
    return cases


# --- the systems --------------------------------------------------------------------


def _boilerkit(case: Case) -> str:
    import boilerkit

    return boilerkit.extract(case.html, url=case.url).text


def _trafilatura(case: Case, favor_recall: bool = False) -> str:
    import trafilatura

    text = trafilatura.extract(
        case.html, url=case.url, include_comments=False, favor_recall=favor_recall
    )
    return text or ""


SYSTEMS: dict[str, Callable[[Case], str]] = {
    "boilerkit": _boilerkit,
    "trafilatura": _trafilatura,
    "trafilatura favor_recall": lambda case: _trafilatura(case, favor_recall=True),
}

_READABILITY = """
import json, sys
sys.path.insert(0, sys.argv[1])
from readability import Document
from benchmarks.readability_runner import summary_text
out = {}
for name, path in json.loads(open(sys.argv[2]).read()).items():
    try:
        out[name] = summary_text(Document(open(path, "rb").read()).summary())
    except Exception:  # a peer's crash scores as empty output
        out[name] = ""
print(json.dumps(out))
"""


def readability(cases: list[Case], python: str) -> dict[str, str] | None:
    """readability-lxml's texts, from its own environment (see readability_runner.py)."""
    if not Path(python).exists():
        print(f"readability-lxml skipped: no environment at {python}", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for i, case in enumerate(cases):
            path = Path(folder) / f"{i}.html"
            path.write_bytes(case.html)
            paths[f"{case.suite}/{case.name}"] = str(path)
        listing = Path(folder) / "pages.json"
        listing.write_text(json.dumps(paths), encoding="utf-8")
        repo = str(Path(__file__).resolve().parent.parent)
        command = [python, "-c", _READABILITY, repo, str(listing)]
        done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        print("readability-lxml skipped: its run failed", file=sys.stderr)
        return None
    texts: dict[str, str] = json.loads(done.stdout)
    return texts


# --- scoring and the table ----------------------------------------------------------


def outputs(cases: list[Case], python: str) -> dict[str, dict[str, str]]:
    """Every system's text per page key (``suite/name``)."""
    result = {
        system: {f"{c.suite}/{c.name}": run(c) for c in cases} for system, run in SYSTEMS.items()
    }
    found = readability(cases, python)
    if found is not None:
        result["readability-lxml"] = found
    return result


def table(cases: list[Case], texts: dict[str, dict[str, str]], halves: list[str]) -> str:
    """A Markdown table: each system's P, R, F1 and empty outputs, per suite and half."""
    rows = ["| suite | pages | system | P | R | F1 | empty |", "|---|---|---|---:|---:|---:|---:|"]
    suites = sorted({c.suite for c in cases})
    for suite in suites:
        for half in [*halves, "both"] if len(halves) > 1 else halves:
            chosen = [c for c in cases if c.suite == suite and half in ("both", c.half)]
            for system, by_page in texts.items():
                page_texts = [by_page[f"{c.suite}/{c.name}"] for c in chosen]
                scores: Scores = shingle_scores(
                    match_shingles(t, c.expected) for t, c in zip(page_texts, chosen, strict=True)
                )
                empty = sum(1 for t in page_texts if not t.strip())
                rows.append(
                    f"| {suite} | {half} ({len(chosen)}) | {system} | {scores.precision:.3f} "
                    f"| {scores.recall:.3f} | {scores.f1:.3f} | {empty} |"
                )
    return "\n".join(rows)


def errors(cases: list[Case], texts: dict[str, dict[str, str]]) -> str:
    """Per page: boilerkit's F1 beside each peer's, worst margin first."""
    lines = []
    for case in cases:
        key = f"{case.suite}/{case.name}"
        match: dict[str, ShingleMatch] = {
            system: match_shingles(by_page[key], case.expected) for system, by_page in texts.items()
        }
        ours = match["boilerkit"]
        best = max(m.f1 for s, m in match.items() if s != "boilerkit")
        peers = " ".join(f"{s}={m.f1:.2f}" for s, m in match.items() if s != "boilerkit")
        line = f"{best - ours.f1:+.2f} {key} [{case.half}] boilerkit={ours.f1:.2f} "
        line += f"(P {ours.precision:.2f} R {ours.recall:.2f}) {peers}"
        lines.append((best - ours.f1, line))
    return "\n".join(line for _, line in sorted(lines, reverse=True))


def write_docs(section: str) -> None:
    """Replace the peer-suite table in docs/benchmarks.md (between its two markers)."""
    page = DOCS.read_text(encoding="utf-8")
    start, end = page.index(BEGIN) + len(BEGIN), page.index(END)
    DOCS.write_text(page[:start] + "\n" + section + "\n" + page[end:], encoding="utf-8")


def main() -> int:
    """Fetch the suites, run every system, print the table (and write it with --write)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=[*HALVES, "both"], default="tuning")
    parser.add_argument("--errors", action="store_true", help="per-page F1, worst first")
    parser.add_argument("--write", action="store_true", help="write the table to the docs")
    parser.add_argument("--readability-python", default=DEFAULT_READABILITY_PYTHON)
    args = parser.parse_args()
    cases = load_cases()
    if not cases:
        print("no peer suite available (offline and nothing cached): skipped", file=sys.stderr)
        return 0
    halves = list(HALVES) if args.half == "both" else [args.half]
    cases = [c for c in cases if args.half == "both" or c.half == args.half]
    texts = outputs(cases, args.readability_python)
    result = table(cases, texts, halves)
    print(result)
    if args.errors:
        print(errors(cases, texts))
    if args.write:
        if args.half != "both":
            print("--write needs --half both: the docs show both halves", file=sys.stderr)
            return 2
        write_docs(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
