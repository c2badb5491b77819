"""Presenting benchmark results: the table, the worst pages, dumps, docs/benchmarks.md."""

from __future__ import annotations

import datetime
import os
import platform
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.corpora import REPO_ROOT, Corpus, ReferencePage, SnippetPage
from benchmarks.metrics import SHINGLE_SIZE, ShingleMatch, SnippetMatch, shingles, tokens
from benchmarks.systems import version

if TYPE_CHECKING:
    from benchmarks.run import Result

DOCS = REPO_ROOT / "docs" / "benchmarks.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
BASELINE = "trafilatura"


def system_version(system: str) -> str:
    """The version of an in-process system (readability-lxml reports its own)."""
    return version(system)


def _ratio(value: float, base: float | None) -> str:
    return f"{value / base:.2f}" if base else "-"


def table(results: Sequence[Result]) -> str:
    """A Markdown table: one row per corpus and system, times relative to trafilatura."""
    lines = [
        "| corpus | system | precision | recall | F1 | accuracy | mean ms | median ms "
        "| median ÷ trafilatura | mean ÷ trafilatura |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for corpus in dict.fromkeys(r.corpus.name for r in results):
        rows = [r for r in results if r.corpus.name == corpus]
        base = next((r for r in rows if r.system == BASELINE), None)
        base_median = statistics.median(base.times) if base else None
        base_mean = statistics.mean(base.times) if base else None
        for r in rows:
            s, median, mean = r.scores, statistics.median(r.times), statistics.mean(r.times)
            accuracy = f"{s.accuracy:.3f}" if s.accuracy is not None else "-"
            lines.append(
                f"| {corpus} | {r.system} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
                f"| {accuracy} | {mean:.1f} | {median:.1f} | {_ratio(median, base_median)} "
                f"| {_ratio(mean, base_mean)} |"
            )
    return "\n".join(lines)


def _short(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def differing_phrases(text: str, other: str, count: int = 3) -> list[str]:
    """The longest runs of ``text`` whose shingles ``other`` lacks.

    Turns a page's shingle FN (text = expected) or FP (text = output) into readable
    phrases, longest first.
    """
    words = tokens(text)
    available = shingles(other)
    unmatched: list[int] = []
    for i in range(max(1, len(words) - SHINGLE_SIZE + 1)):
        shingle = tuple(words[i : i + SHINGLE_SIZE])
        if available[shingle] > 0:
            available[shingle] -= 1
        elif shingle:
            unmatched.append(i)
    runs: list[tuple[int, int]] = []
    for i in unmatched:
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    runs.sort(key=lambda run: run[1] - run[0], reverse=True)
    return [" ".join(words[a : b + SHINGLE_SIZE]) for a, b in runs[:count]]


def _page_report(result: Result, index: int) -> list[str]:
    page, output, match = result.corpus.pages[index], result.outputs[index], result.matches[index]
    lines = [f"- {result.corpus.name}/{page.id}  F1 {result.page_f1(index):.3f}  "
             f"{output.ms:.1f} ms  {len(output.text)} chars"]  # fmt: skip
    if isinstance(page, SnippetPage) and isinstance(match, SnippetMatch):
        c = match.counts
        lines[0] += f"  tp {c.tp} fp {c.fp} fn {c.fn} tn {c.tn}  {page.url}"
        lines += [f"    missed: {_short(s)}" for s in match.missed]
        lines += [f"    leaked: {_short(s)}" for s in match.leaked]
    elif isinstance(page, ReferencePage) and isinstance(match, ShingleMatch):
        lines[0] += f"  P {match.precision:.3f} R {match.recall:.3f}"
        lines += [
            f"    missing: {_short(p)}" for p in differing_phrases(page.expected_text, output.text)
        ]
        lines += [
            f"    extra:   {_short(p)}" for p in differing_phrases(output.text, page.expected_text)
        ]
    return lines


def print_errors(results: Sequence[Result], count: int) -> None:
    """Print the ``count`` worst pages of each result, what went wrong, and the slowest pages."""
    for result in results:
        order = sorted(range(len(result.outputs)), key=result.page_f1)
        print(f"\n## {result.system} on {result.corpus.name}: {count} worst pages")
        for index in order[:count]:
            print("\n".join(_page_report(result, index)))
        slowest = sorted(range(len(result.outputs)), key=lambda i: -result.outputs[i].ms)
        print(f"\n## {result.system} on {result.corpus.name}: {min(count, 5)} slowest pages")
        for index in slowest[: min(count, 5)]:
            page = result.corpus.pages[index]
            print(f"- {result.corpus.name}/{page.id}  {result.outputs[index].ms:.1f} ms  "
                  f"{len(page.html)} bytes")  # fmt: skip


def print_versus(mine: Result, peer: Result, count: int) -> None:
    """Print the pages where ``mine`` trails ``peer`` most in page F1, and what went wrong.

    The pages a peer already gets right are where a fix is most likely to generalize.
    """
    gaps = sorted(range(len(mine.outputs)), key=lambda i: mine.page_f1(i) - peer.page_f1(i))
    print(f"\n## {mine.system} vs {peer.system} on {mine.corpus.name}: {count} largest gaps")
    lost = sum(mine.page_f1(i) < peer.page_f1(i) for i in gaps)
    won = sum(mine.page_f1(i) > peer.page_f1(i) for i in gaps)
    print(f"({mine.system} better on {won} pages, worse on {lost})")
    for index in gaps[:count]:
        if mine.page_f1(index) >= peer.page_f1(index):
            break
        lines = _page_report(mine, index)
        lines[0] += f"  ({peer.system} {peer.page_f1(index):.3f})"
        print("\n".join(lines))


def dump(results: Sequence[Result], directory: Path) -> None:
    """Write each output under ``DIR/corpus/system/``, plus a per-system TSV worst-first.

    The readability corpus also gets its expected texts (``DIR/corpus/expected/``) so
    ``diff`` works; snippet pages get a ``.why`` file listing missed and leaked snippets.
    """
    for result in results:
        folder = directory / result.corpus.name / result.system
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for index, page in enumerate(result.corpus.pages):
            (folder / f"{page.id}.txt").write_text(result.outputs[index].text, encoding="utf-8")
            report = _page_report(result, index)
            (folder / f"{page.id}.why").write_text("\n".join(report) + "\n", encoding="utf-8")
            rows.append((result.page_f1(index), page.id))
            if isinstance(page, ReferencePage):
                expected = directory / result.corpus.name / "expected"
                expected.mkdir(exist_ok=True)
                (expected / f"{page.id}.txt").write_text(page.expected_text, encoding="utf-8")
        tsv = "".join(f"{f1:.3f}\t{page_id}\n" for f1, page_id in sorted(rows))
        (directory / result.corpus.name / f"{result.system}.tsv").write_text(tsv, encoding="utf-8")


def _cpu() -> str:
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown CPU"
    model = re.search(r"^model name\s*:\s*(.+)$", info, re.M)
    return model.group(1).strip() if model else platform.processor() or "unknown CPU"


def _load() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def environment(versions: dict[str, str], corpora: Sequence[Corpus]) -> str:
    """The run's date, machine, versions and corpus digests, as Markdown lines."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    import lxml.etree

    lxml_version = ".".join(map(str, lxml.etree.LXML_VERSION[:3]))
    sizes = Counter({c.name: len(c.pages) for c in corpora})
    return "\n".join([
        f"- Date: {now}",
        f"- Machine: {_cpu()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, lxml {lxml_version}",
        f"- Load average when the table was written: {_load()} (the machine is shared; "
        "absolute times wander with it, the ratios to trafilatura less so)",
        "- Versions: " + ", ".join(f"{name} {v}" for name, v in versions.items()),
        "- Corpora: " + ", ".join(f"{c.name} ({sizes[c.name]} pages, digest {c.digest[:12]})"
                                  for c in corpora),
    ])  # fmt: skip


def write_docs(results_table: str, versions: dict[str, str], corpora: Sequence[Corpus]) -> Path:
    """Replace the results section of docs/benchmarks.md (between its markers)."""
    block = f"{START}\n{environment(versions, corpora)}\n\n{results_table}\n{END}"
    text = (
        DOCS.read_text(encoding="utf-8") if DOCS.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    )
    if START not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(head + block + tail, encoding="utf-8")
    return DOCS
