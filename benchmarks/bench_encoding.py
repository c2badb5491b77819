"""Encoding stage benchmark: boilerkit beside ftfy, chardet, charset-normalizer, trafilatura.

    python benchmarks/bench_encoding.py            # full run, writes docs/benchmarks-encoding.md
    python benchmarks/bench_encoding.py --quick    # smaller suite, prints only

Every suite comes from tests/encoding_cases/generate.py (seeded): the repair cases, the
10,000 clean strings and the generated pages. The timing part reads real UTF-8 pages from
../shared/datasets/trafilatura-eval and is skipped when that folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import importlib.util
import sys
import time
import types
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import chardet
import ftfy
from charset_normalizer import from_bytes

from boilerkit import decode_html, extract, repair_text
from boilerkit.encoding.repair import repair_tree
from boilerkit.page.parse import parse_html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "encoding_cases"))

from generate import clean_strings, decode_pages, mojibake_cases  # noqa: E402

DATASET = ROOT.parent / "shared" / "datasets" / "trafilatura-eval" / "pages"
OUT = ROOT / "docs" / "benchmarks-encoding.md"


def _trafilatura_decode() -> Callable[[bytes], str] | None:
    """trafilatura.utils.decode_file, even when trafilatura's package import fails."""
    try:
        from trafilatura.utils import decode_file
    except ImportError:
        spec = importlib.util.find_spec("trafilatura")
        if spec is None or not spec.submodule_search_locations:
            return None
        sys.modules.pop("trafilatura", None)
        package = types.ModuleType("trafilatura")
        package.__path__ = list(spec.submodule_search_locations)
        sys.modules["trafilatura"] = package
        try:
            decode_file = importlib.import_module("trafilatura.utils").decode_file
        except ImportError:
            return None
    return lambda data: str(decode_file(data))


def _family(case_family: str, chain: str) -> str:
    if case_family == "utf8":
        return "UTF-8 " + chain.replace("utf-8/", "as ")
    return {
        "utf8-sloppy": "UTF-8 as cp1252, sloppy (lossy)",
        "cjk": "legacy CJK as cp1252/latin-1",
        "mixed": "seed's mixed form",
        "single": "legacy single-byte as cp1252",
        "embedded": "broken span inside clean text",
    }[case_family]


def repair_table(quick: bool) -> list[str]:
    cases = mojibake_cases(per_sentence=1 if quick else 2)
    tools: dict[str, Callable[[str], str]] = {
        "boilerkit": repair_text,
        "ftfy fix_encoding": ftfy.fix_encoding,
        "ftfy defaults": ftfy.fix_text,
    }
    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for case in cases:
        family = _family(case.family, case.chain)
        overall = "ALL reversible" if case.reversible else "ALL lossy"
        for name, tool in tools.items():
            got = tool(case.broken)
            for key in ((family, name), (overall, name)):
                hits[key][0] += got == case.expected
                hits[key][1] += 1
                hits[key][2] += got != case.broken and got != case.expected
    rows = [
        "| family | cases | "
        + " | ".join(f"{n} fixed" for n in tools)
        + " | "
        + " | ".join(f"{n} mis-fixed" for n in tools)
        + " |",
        "|---|---:|" + "---:|" * (2 * len(tools)),
    ]
    for family in sorted({f for f, _ in hits}):
        total = hits[(family, "boilerkit")][1]
        fixed = " | ".join(f"{hits[(family, n)][0] / total:.1%}" for n in tools)
        wrong = " | ".join(f"{hits[(family, n)][2] / total:.1%}" for n in tools)
        rows.append(f"| {family} | {total} | {fixed} | {wrong} |")
    return rows


def clean_table(n: int) -> list[str]:
    strings = [s for _, s in clean_strings(n, seed=1)]
    langs = {lang for lang, _ in clean_strings(n, seed=1)}
    rows = [
        f"{n} clean strings in {len(langs)} languages/scripts (incl. look-alikes).",
        "",
        "| tool | strings changed |",
        "|---|---:|",
    ]
    for name, tool in (
        ("boilerkit", repair_text),
        ("ftfy fix_encoding", ftfy.fix_encoding),
        ("ftfy defaults", ftfy.fix_text),
    ):
        changed = sum(tool(s) != s for s in strings)
        rows.append(f"| {name} | {changed} ({changed / n:.2%}) |")
    return rows


def _decode_chardet(data: bytes) -> str:
    guess = chardet.detect(data).get("encoding") or "utf-8"
    try:
        return data.decode(guess, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


def _decode_normalizer(data: bytes) -> str:
    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", "replace")


def decode_table(quick: bool) -> list[str]:
    pages = decode_pages(per_encoding=4 if quick else 12)
    tools: dict[str, Callable[[bytes, str | None], str]] = {
        "boilerkit": lambda d, ct: decode_html(d, ct).text,
        "chardet": lambda d, ct: _decode_chardet(d),
        "charset-normalizer": lambda d, ct: _decode_normalizer(d),
    }
    trafilatura = _trafilatura_decode()
    if trafilatura is not None:
        tools["trafilatura"] = lambda d, ct: trafilatura(d)
    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    seconds: dict[str, float] = defaultdict(float)
    for page in pages:
        for name, tool in tools.items():
            start = time.perf_counter()
            ok = tool(page.data, page.content_type) == page.expected
            seconds[name] += time.perf_counter() - start
            hits[(page.condition, name)][0] += ok
            hits[(page.condition, name)][1] += 1
    encodings = len({p.encoding for p in pages if p.condition != "stray"})
    rows = [
        f"{len(pages)} generated pages in {encodings} encodings "
        "(right text = the decoded page equals the original exactly).",
        "",
        "| declaration | pages | " + " | ".join(tools) + " |",
        "|---|---:|" + "---:|" * len(tools),
    ]
    for condition in ("declared", "undeclared", "misdeclared", "stray"):
        total = hits[(condition, "boilerkit")][1]
        cells = " | ".join(f"{hits[(condition, n)][0] / total:.1%}" for n in tools)
        rows.append(f"| {condition} | {total} | {cells} |")
    cells = " | ".join(f"{seconds[n] / len(pages) * 1000:.2f}" for n in tools)
    rows.append(f"| ms per page | | {cells} |")
    return rows


def timing_table(limit: int) -> list[str]:
    if not DATASET.is_dir():
        return ["(dataset not found: timing skipped)"]
    pages = []
    for path in sorted(DATASET.glob("*.html.gz")):
        data = gzip.decompress(path.read_bytes())
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        pages.append(data)
        if len(pages) >= limit:
            break
    total = stage = 0.0
    for data in pages:
        start = time.perf_counter()
        extract(data)
        total += time.perf_counter() - start
        start = time.perf_counter()
        text = decode_html(data).text
        stage += time.perf_counter() - start
        root = parse_html(text).root
        start = time.perf_counter()
        repair_tree(root)
        stage += time.perf_counter() - start
    per_page = total / len(pages) * 1000
    return [
        f"{len(pages)} real UTF-8 pages (trafilatura-eval): extraction {per_page:.1f} "
        f"ms/page, decode + repair {stage / len(pages) * 1000:.2f} ms/page = "
        f"{stage / total:.2%} of extraction time."
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller suites, no file written")
    args = parser.parse_args()
    sections = [
        (
            "Repair: generated mojibake (share of cases turned back into the original exactly; "
            "mis-fixed = changed but not to the original)",
            repair_table(args.quick),
        ),
        ("Clean text: zero changes", clean_table(2000 if args.quick else 10000)),
        ("Decoding", decode_table(args.quick)),
        ("Speed on clean UTF-8 pages", timing_table(20 if args.quick else 80)),
    ]
    lines = [
        "# Encoding benchmark",
        "",
        "Generated by `python benchmarks/bench_encoding.py` (seeded suites from "
        "`tests/encoding_cases/generate.py`; ftfy "
        + ftfy.__version__
        + ", chardet "
        + chardet.__version__
        + ").",
        "",
    ]
    for title, rows in sections:
        lines += [f"## {title}", "", *rows, ""]
    report = "\n".join(lines)
    print(report)
    if not args.quick:
        OUT.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
