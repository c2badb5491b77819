"""Speed: boilerkit compiled and pure beside its peers, CPU time per call, one table.

    python benchmarks/bench_speed.py                  # 200 trafilatura-eval pages, print
    python benchmarks/bench_speed.py --pages 990 --write   # and rewrite the section of
                                                          # docs/benchmarks.md
    python benchmarks/bench_speed.py --huge           # also the million-sibling page

Every system gets the same raw page bytes; the systems take turns page by page in one
process (so they see the same machine load), in reverse order on every other page (a
system that reads a page after another finds memo caches warm: boilerkit's class/id hint
memo misses on a page's unique ids only the first time), and each call is timed with
``time.process_time`` (CPU time of this process: other work on a shared machine slows the
wall clock, much less the CPU time). Each system gets untimed warm-up calls first. The
ratios to ``trafilatura.extract`` are the figures to read; absolute milliseconds depend on
the machine.

boilerkit's per-stage breakdown comes from a separate pass that wraps the pipeline's stage
functions with timers (wrapping costs a little, so the stages sum to slightly more than
the untimed calls).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpora import REPO_ROOT, TRAFILATURA_EVAL, load_corpus

DOCS = REPO_ROOT / "docs" / "benchmarks.md"
START, END = "<!-- speed:start -->", "<!-- speed:end -->"
MILLION_SIBLINGS = b"<html><body>" + b"<p>sibling text</p>" * 1_000_000 + b"</body></html>"
"""The million-sibling page of ``bench_robustness.py`` and ``tests/test_robustness.py``."""


@contextlib.contextmanager
def _pure(on: bool) -> Iterator[None]:
    """``BOILERKIT_PURE=1`` for the duration (the reference walk), else unset."""
    before = os.environ.pop("BOILERKIT_PURE", None)
    if on:
        os.environ["BOILERKIT_PURE"] = "1"
    try:
        yield
    finally:
        os.environ.pop("BOILERKIT_PURE", None)
        if before is not None:
            os.environ["BOILERKIT_PURE"] = before


def _systems() -> dict[str, Callable[[bytes], Any]]:
    """The systems of the table, each ``page bytes -> anything``; absent ones left out."""
    import trafilatura
    from lxml import html as lxml_html

    import boilerkit

    def pure(html: bytes) -> Any:
        with _pure(True):
            return boilerkit.extract(html)

    systems: dict[str, Callable[[bytes], Any]] = {
        "boilerkit (compiled)": boilerkit.extract,
        "boilerkit (pure Python)": pure,
        "trafilatura.extract (text only)": lambda html: trafilatura.extract(
            html, include_comments=False
        ),
        "trafilatura.bare_extraction (with metadata)": lambda html: trafilatura.bare_extraction(
            html, include_comments=False, with_metadata=True
        ),
    }
    with contextlib.suppress(ImportError):
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding

        systems["resiliparse (main content)"] = lambda html: extract_plain_text(
            bytes_to_str(html, detect_encoding(html)), main_content=True
        )
    systems["lxml parse alone"] = lxml_html.document_fromstring
    return systems


def time_systems(
    pages: list[bytes], systems: dict[str, Callable[[bytes], Any]]
) -> dict[str, list[float]]:
    """CPU milliseconds per page for each system, systems alternating page by page."""
    for run in systems.values():
        for html in pages[:3]:
            with contextlib.suppress(Exception):
                run(html)
    times: dict[str, list[float]] = {name: [] for name in systems}
    names = list(systems)
    for number, html in enumerate(pages):
        # every pair of systems runs in each order on half of the pages
        for name in names if number % 2 == 0 else names[::-1]:
            run = systems[name]
            start = time.process_time()
            with contextlib.suppress(Exception):  # benchmark edge: a crash still costs its time
                run(html)
            times[name].append((time.process_time() - start) * 1000)
    return times


_STAGES = {
    "decode": ("decode_html",),
    "parse": ("parse_html",),
    "repair": ("repair_tree", "compose_tree"),
    "metadata": ("extract_metadata", "article_body", "finalize_metadata"),
    "clean": ("clean_tree", "is_pre_css"),
    "select": ("select_content", "coarse_selection"),
    "second opinion": ("ask_second_opinion", "prefer_article_body"),
    "render": ("render_text", "coarse_text"),
}
"""boilerkit's stages, as the names ``pipeline`` calls them by."""


def stage_breakdown(pages: list[bytes]) -> dict[str, float]:
    """Mean CPU milliseconds per page in each stage (compiled path)."""
    import boilerkit
    from boilerkit import pipeline

    spent = dict.fromkeys(_STAGES, 0.0)
    originals: dict[str, Any] = {}

    def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.process_time() - start

        return run

    for stage, names in _STAGES.items():
        for name in names:
            originals[name] = getattr(pipeline, name)
            setattr(pipeline, name, timed(stage, originals[name]))
    total = 0.0
    try:
        for html in pages:
            start = time.process_time()
            boilerkit.extract(html)
            total += time.process_time() - start
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)
    result = {stage: seconds * 1000 / len(pages) for stage, seconds in spent.items()}
    result["other (API, budget, hand-offs)"] = total * 1000 / len(pages) - sum(result.values())
    return result


def huge_page(repeat: int = 3) -> tuple[float, float]:
    """CPU seconds of ``boilerkit.extract`` and of lxml's parse on the million-sibling page,
    the best of ``repeat`` alternating runs of each (one run swings by 2x on a busy machine)."""
    from lxml import html as lxml_html

    import boilerkit

    extract, parse = float("inf"), float("inf")
    for _ in range(repeat):
        start = time.process_time()
        lxml_html.document_fromstring(MILLION_SIBLINGS)
        parse = min(parse, time.process_time() - start)
        start = time.process_time()
        boilerkit.extract(MILLION_SIBLINGS)
        extract = min(extract, time.process_time() - start)
    return extract, parse


def table(times: dict[str, list[float]]) -> str:
    """The Markdown table: median and mean per system, and their ratios to trafilatura."""
    base = times["trafilatura.extract (text only)"]
    with_meta = times["trafilatura.bare_extraction (with metadata)"]
    rows = [
        "| system | median ms | mean ms | median / traf. extract | mean / traf. extract "
        "| median / traf. with metadata |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, values in times.items():
        median, mean = statistics.median(values), statistics.mean(values)
        ratios = (
            median / statistics.median(base),
            mean / statistics.mean(base),
            median / statistics.median(with_meta),
        )
        rows.append(
            f"| {name} | {median:.2f} | {mean:.2f} | "
            + " | ".join(f"{r:.2f}x" for r in ratios)
            + " |"
        )
    return "\n".join(rows)


def write_docs(section: str) -> None:
    """Replace the speed section of docs/benchmarks.md (between its markers)."""
    text = DOCS.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    DOCS.write_text(f"{head}{START}\n{section}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200, help="trafilatura-eval pages")
    parser.add_argument("--huge", action="store_true", help="also the million-sibling page")
    parser.add_argument("--write", action="store_true", help="rewrite docs/benchmarks.md")
    args = parser.parse_args(argv)
    from boilerkit.selection.page_table import COMPILED

    if not COMPILED:
        print("warning: the compiled walk is not built; both rows are pure", file=sys.stderr)
    pages = [page.html for page in load_corpus(TRAFILATURA_EVAL).pages[: args.pages]]
    lines = [
        f"{len(pages)} trafilatura-eval pages, CPU time per call, systems alternating page "
        "by page in one process.",
        "",
        table(time_systems(pages, _systems())),
        "",
        "boilerkit's stages (compiled path), mean CPU ms per page:",
        "",
        "| stage | ms | share |",
        "|---|---:|---:|",
    ]
    stages = stage_breakdown(pages)
    total = sum(stages.values())
    lines += [f"| {stage} | {ms:.2f} | {ms / total:.0%} |" for stage, ms in stages.items()]
    if args.huge:
        extract, parse = huge_page()
        lines += [
            "",
            f"The million-sibling page (best of 3 each): boilerkit {extract:.2f} s CPU, "
            f"lxml's parse alone {parse:.2f} s: {extract / parse:.1f}x the parse. "
            "Its stages, CPU s (one run; the coarse selection is `select`, its text "
            "`render`):",
            "",
            "| stage | s | share |",
            "|---|---:|---:|",
        ]
        huge = stage_breakdown([MILLION_SIBLINGS])
        huge_total = sum(huge.values())
        lines += [
            f"| {stage} | {ms / 1000:.3f} | {ms / huge_total:.0%} |" for stage, ms in huge.items()
        ]
    section = "\n".join(lines)
    print(section)
    if args.write:
        write_docs(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
