"""Encoding stage benchmark: boilerkit beside ftfy, chardet, charset-normalizer, trafilatura.

    python benchmarks/bench_encoding.py            # full run, writes docs/benchmarks-encoding.md
    python benchmarks/bench_encoding.py --quick    # smaller suite, prints only

The repair cases and clean strings come from tests/encoding_cases/wild.py (seeded): CLDR
locale text in 40 languages, the dev corpus's truth snippets and word strings from
jusText's stoplists in 45 languages, pushed through every misreading that happens in the
wild, in two splits (``tune``, and ``held``: kept apart while tuning); ftfy runs on the
same cases. ftfy's own test cases are
read from ../shared/datasets/ftfy-test-cases, the decode pages from
tests/encoding_cases/generate.py, and the timing pages from trafilatura-eval (each part is
skipped when its data is absent).
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import importlib.util
import json
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

from cjk_stdlib import cases as cjk_cases  # noqa: E402
from generate import decode_pages  # noqa: E402
from wild import clean_strings, mojibake_cases  # noqa: E402

DATASETS = ROOT.parent / "shared" / "datasets"
DATASET = DATASETS / "trafilatura-eval" / "pages"
FTFY_CASES = DATASETS / "ftfy-test-cases"
FAMILIES = {
    "utf8": "UTF-8 read as a one-byte code page",
    "double": "double-encoded UTF-8",
    "legacy": "legacy (CJK, cp1251, KOI8) read as cp1252/latin-1",
    "legacy2": "one legacy code page read as another",
    "seed": "the seed's form (UTF-8 with per-byte fallback)",
    "embedded": "a broken phrase inside clean text",
}
OUT = ROOT / "docs" / "benchmarks-encoding.md"
SPLITS = ("tune", "held")


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


TOOLS: dict[str, Callable[[str], str]] = {
    "boilerkit": repair_text,
    "ftfy fix_encoding": ftfy.fix_encoding,
}


def repair_table(quick: bool, split: str) -> list[str]:
    cases = mojibake_cases(per_language=4 if quick else 12, split=split)
    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    pairs: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        few = "few" if sum(c > "\x7f" for c in case.expected) < 3 else "many"
        for name, tool in TOOLS.items():
            got = tool(case.broken)
            for key in ((case.family, name), (f"{case.family}/{few}", name)):
                hits[key][0] += got == case.expected
                hits[key][1] += 1
                hits[key][2] += got != case.broken and got != case.expected
            pairs[(case.family, case.pair, name)][0] += got == case.expected
            pairs[(case.family, case.pair, name)][1] += 1
    rows = [
        f"Split `{split}`: {len(cases)} cases (share turned back into the original exactly; "
        "mis-fixed = changed, but not to the original). *few*: the original has fewer than "
        "3 non-ASCII characters (a price, a date), so the damage is one or two characters.",
        "",
        "| family | cases | "
        + " | ".join(f"{n} fixed" for n in TOOLS)
        + " | "
        + " | ".join(f"{n} mis-fixed" for n in TOOLS)
        + " |",
        "|---|---:|" + "---:|" * (2 * len(TOOLS)),
    ]
    for family, label in FAMILIES.items():
        for key, title in (
            (family, label),
            (f"{family}/few", "  … few"),
            (f"{family}/many", "  … many"),
        ):
            total = hits[(key, "boilerkit")][1]
            if not total:
                continue
            fixed = " | ".join(f"{hits[(key, n)][0] / total:.1%}" for n in TOOLS)
            wrong = " | ".join(f"{hits[(key, n)][2] / total:.1%}" for n in TOOLS)
            rows.append(f"| {title} | {total} | {fixed} | {wrong} |")
    rows += [
        "",
        "Per misreading (boilerkit / ftfy, cases):",
        "",
        "| family | pair | boilerkit | ftfy | cases |",
        "|---|---|---:|---:|---:|",
    ]
    for family, pair, name in sorted(pairs):
        if name != "boilerkit":
            continue
        ok, total = pairs[(family, pair, name)]
        theirs = pairs[(family, pair, "ftfy fix_encoding")][0]
        rows.append(f"| {family} | {pair} | {ok / total:.0%} | {theirs / total:.0%} | {total} |")
    return rows


def ftfy_cases_table() -> list[str]:
    if not FTFY_CASES.is_dir():
        return ["(ftfy-test-cases not found: skipped)"]
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for name in ("in-the-wild", "synthetic", "language-names", "negative"):
        for case in json.loads((FTFY_CASES / f"{name}.json").read_text("utf-8")):
            if case["expect"] != "pass":
                continue
            expected = case.get("fixed-encoding", case["fixed"])
            kind = "must stay unchanged" if expected == case["original"] else "to repair"
            for tool, fix in TOOLS.items():
                counts[(kind, tool)][0] += fix(case["original"]) == expected
                counts[(kind, tool)][1] += 1
    rows = ["| cases | " + " | ".join(TOOLS) + " |", "|---|" + "---:|" * len(TOOLS)]
    for kind in ("to repair", "must stay unchanged"):
        cells = " | ".join(f"{counts[(kind, t)][0]} / {counts[(kind, t)][1]}" for t in TOOLS)
        rows.append(f"| {kind} | {cells} |")
    return rows


def cjk_table() -> list[str]:
    """Legacy CJK misread, on CPython's own codec test texts (never seen by the code or
    the wild suite): per encoding and form, boilerkit beside ftfy."""
    cases = cjk_cases()
    if not cases:
        return ["(CPython's test/cjkencodings not found: skipped)"]
    forms = {"cp1252": "cp1252/latin-1", "iso8859_1": "cp1252/latin-1", "mixed": "seed's form"}
    hits: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for case in cases:
        written, read = case.pair.split("/")
        form = forms.get(read, f"read as {read}")
        for name, tool in TOOLS.items():
            got = tool(case.broken)
            for key in ((written, form, name), ("all", form, name)):
                hits[key][0] += got == case.expected
                hits[key][1] += 1
                hits[key][2] += got != case.broken and got != case.expected
    rows = [
        f"{len(cases)} cases from CPython's `test/cjkencodings/*-utf8.txt` "
        "(`tests/encoding_cases/cjk_stdlib.py`: titles, sentences, lines, paragraphs and "
        "sentences set in ASCII, each encoded and misread). cp949 and big5hkscs are codec "
        "stress texts (chat slang of bare jamo and circled letters; HKSCS's rare "
        "characters with combining marks), euc_kr's holds old Hangul spelt in jamo.",
        "",
        "| written in | misread as | cases | "
        + " | ".join(f"{n} fixed" for n in TOOLS)
        + " | boilerkit mis-fixed |",
        "|---|---|---:|" + "---:|" * (len(TOOLS) + 1),
    ]
    for written, form, name in sorted(hits, key=lambda k: (k[0] == "all", k[0], k[1])):
        if name != "boilerkit":
            continue
        total = hits[(written, form, name)][1]
        fixed = " | ".join(f"{hits[(written, form, n)][0] / total:.1%}" for n in TOOLS)
        wrong = hits[(written, form, name)][2] / total
        rows.append(f"| {written} | {form} | {total} | {fixed} | {wrong:.1%} |")
    return rows


def clean_table(per_language: int) -> list[str]:
    splits = {split: clean_strings(per_language=per_language, split=split) for split in SPLITS}
    languages = len({lang for strings in splits.values() for lang, _ in strings}) - 1
    rows = [
        f"{sum(map(len, splits.values()))} clean strings in {languages} languages: CLDR dates, "
        "name lists, prices and measures, dev-corpus snippets, and word strings from "
        "jusText's stoplists.",
        "",
        "| tool | " + " | ".join(f"`{split}` changed" for split in SPLITS) + " |",
        "|---|" + "---:|" * len(SPLITS),
    ]
    for name, tool in TOOLS.items():
        cells = []
        for strings in splits.values():
            changed = sum(tool(s) != s for _, s in strings)
            cells.append(f"{changed} of {len(strings)}")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
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
    """The repair stage's share of extraction time over the first ``limit`` pages, in CPU
    time (the machine is shared), each page extracted then repaired in turn, after 20
    pages extracted untimed (the one-time costs: imports, compiled patterns, caches)."""
    if not DATASET.is_dir():
        return ["(dataset not found: timing skipped)"]
    total = repair = 0.0
    paths = sorted(DATASET.glob("*.html.gz"))[:limit]
    for path in paths[:20]:
        extract(gzip.decompress(path.read_bytes()))
    for path in paths:
        data = gzip.decompress(path.read_bytes())
        start = time.process_time()
        extract(data)
        total += time.process_time() - start
        root = parse_html(decode_html(data).text).root
        start = time.process_time()
        repair_tree(root)
        repair += time.process_time() - start
    return [
        f"{len(paths)} trafilatura-eval pages, CPU time: extraction "
        f"{total / len(paths) * 1000:.1f} ms/page, repair stage "
        f"{repair / len(paths) * 1000:.2f} ms/page = "
        f"{repair / total:.1%} of extraction time."
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller suites, no file written")
    args = parser.parse_args()
    sections = [
        (
            "Repair: mojibake of text the code was tuned on (`tune`)",
            repair_table(args.quick, "tune"),
        ),
        ("Repair: the held-apart split (`held`)", repair_table(args.quick, "held")),
        ("Legacy CJK on text nobody tuned on (CPython's codec tests)", cjk_table()),
        ("ftfy's own test cases (encoding fixes only)", ftfy_cases_table()),
        ("Clean text: zero changes", clean_table(15 if args.quick else 60)),
        ("Decoding", decode_table(args.quick)),
        ("Speed", timing_table(60 if args.quick else 300)),
    ]
    lines = [
        "# Encoding benchmark",
        "",
        "Generated by `python benchmarks/bench_encoding.py` (seeded suites from "
        "`tests/encoding_cases/wild.py` and `generate.py`; ftfy "
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
