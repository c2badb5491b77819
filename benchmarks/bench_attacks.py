"""The attack pages of the robustness issues, each in a fresh process: time and peak RSS.

    python benchmarks/bench_attacks.py                  # every attack, default budget and 1 s
    python benchmarks/bench_attacks.py spans-800-rows   # some of them

Each attack runs in its own interpreter (``--one NAME BUDGET``), so its peak RSS
(``ru_maxrss``) is its own; wall time and this process's CPU time are both printed,
since a shared machine inflates the first. The bar: within 1.5 x budget + 0.5 s, under
1 GB, a ``Document`` or a typed error. Run the memory-heavy ones alone on a quiet machine.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from collections.abc import Callable

ARTICLE = "<article><h1>Heading</h1><p>" + "Some words of the article body. " * 8 + "</p></article>"


def _attributes(count: int, boolean: bool = False) -> str:
    return " ".join(f"a{i}" if boolean else f"a{i}=x" for i in range(count))


ATTACKS: dict[str, Callable[[], str]] = {
    "meta-author-at-3000": lambda: f'<meta name="author" content="{"@" * 3000}">' + ARTICLE,
    "meta-author-at-8000": lambda: f'<meta name="author" content="{"@" * 8000}">' + ARTICLE,
    "jsonld-author-at-8000": lambda: (
        '<script type="application/ld+json">{"@type": "Article", "author": {"name": "'
        + "@" * 8000
        + '"}}</script>'
        + ARTICLE
    ),
    "deep-then-open-tags": lambda: "<div>" * 3000 + "<a" * 1500,
    "deep-then-open-tags-6mb": lambda: "<div>" * 3000 + "<a" * 3_000_000,
    "attributes-100k": lambda: f"<p {_attributes(100_000)}>text</p>" + ARTICLE,
    "attributes-1m": lambda: f"<p {_attributes(1_000_000)}>text</p>" + ARTICLE,
    "attributes-dense-60mb": lambda: f"<p {_attributes(120, True)}>" * 120_000,
    "spans-800-rows": lambda: (
        "<table>" + "<tr><td colspan=1000 rowspan=65534>x</td></tr>" * 800 + "</table>"
    ),
    "spans-400k-rows": lambda: (
        "<p>intro</p><table>"
        + "<tr><td colspan=1000 rowspan=65534>x</td></tr>" * 400_000
        + "</table>"
    ),
    "p-x-10m": lambda: "<p>" * 10_000_001,
    "p-aaaa-x-6m": lambda: "<p>aaaa</p>" * 6_000_000,
    "siblings-1m": lambda: "<html><body>" + "<p>word</p>" * 1_000_000 + "</body></html>",
    "blocks-99k": lambda: (
        "<html><body>"
        + "<div><p>word word. more words here</p><a href=x>link</a></div>" * 33_000
        + "</body></html>"
    ),
    "nesting-100k": lambda: "<div>" * 100_000 + "text" + "</div>" * 100_000,
    "text-60mb": lambda: "<html><body><p>" + "word " * 12_000_000 + "</p></body></html>",
}


def run_one(name: str, budget: float) -> None:
    import boilerkit

    html = ATTACKS[name]()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        doc = boilerkit.extract(html, time_budget=budget)
        outcome = f"Document ({len(doc.text):,} chars)"
    except boilerkit.BoilerkitError as error:
        outcome = f"{type(error).__name__}: {str(error)[:60]}"
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
    bound = 1.5 * budget + 0.5
    verdict = "ok" if wall <= bound and peak <= 1024 else "OVER"
    figures = f"{budget:5.1f} s {wall:7.2f} s {cpu:7.2f} s {peak:6} MB"
    print(f"{name:24} {figures}  {verdict:4} {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="attacks to run (default: all)")
    parser.add_argument("--budgets", default="30,1", help="comma-separated time budgets")
    parser.add_argument("--one", nargs=2, metavar=("NAME", "BUDGET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(args.one[0], float(args.one[1]))
        return
    print(f"{'attack':24} {'budget':>7} {'wall':>9} {'cpu':>9} {'peak':>9}")
    for name in args.names or ATTACKS:
        for budget in args.budgets.split(","):
            subprocess.run([sys.executable, __file__, "--one", name, budget], check=False)


if __name__ == "__main__":
    main()
