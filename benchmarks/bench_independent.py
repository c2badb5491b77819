"""The independent check of the phrase repairs: boilerkit beside ftfy on text neither the
code nor the wild suite reads (``tests/encoding_cases/independent.py``).

    python benchmarks/bench_independent.py                 # the table
    python benchmarks/bench_independent.py --misses F      # and every miss, as JSON lines

ftfy is restricted to its encoding fixes (``fix_encoding``), as in ``bench_encoding.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import ftfy

from boilerkit import repair_text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "encoding_cases"))

from independent import independent_cases  # noqa: E402

TOOLS: dict[str, Callable[[str], str]] = {
    "boilerkit": repair_text,
    "ftfy fix_encoding": ftfy.fix_encoding,
}


def _group(kind: str, pair: str) -> str:
    if kind == "clean":
        return f"clean ({pair})"
    source = "UTF-8 read as a code page" if pair.startswith("utf-8/") else "legacy read as another"
    return f"{kind}: {source}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", type=Path, help="write boilerkit's misses here")
    parser.add_argument("--pairs", action="store_true", help="also a row per misreading")
    args = parser.parse_args()
    cases = independent_cases()
    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    for case in cases:
        keys = [_group(case.kind, case.pair)]
        if args.pairs and case.kind != "clean":
            keys.append(f"{case.kind} {case.pair}")
        for name, tool in TOOLS.items():
            got = tool(case.broken)
            for key in keys:
                row = hits[(key, name)]
                row[0] += got == case.expected
                row[1] += 1
                row[2] += got != case.broken and got != case.expected
            if name == "boilerkit" and got != case.expected:
                misses.append(
                    {"kind": case.kind, "pair": case.pair, "lang": case.lang,
                     "broken": case.broken, "got": got, "expected": case.expected}
                )  # fmt: skip
    names = list(TOOLS)
    print("| cases | n | " + " | ".join(f"{n} fixed" for n in names) + " | "
          + " | ".join(f"{n} mis-fixed" for n in names) + " |")  # fmt: skip
    print("|---|---:|" + "---:|" * (2 * len(names)))
    for key in sorted({k for k, _ in hits}):
        total = hits[(key, names[0])][1]
        fixed = " | ".join(f"{hits[(key, n)][0] / total:.1%}" for n in names)
        wrong = " | ".join(f"{hits[(key, n)][2] / total:.1%}" for n in names)
        print(f"| {key} | {total} | {fixed} | {wrong} |")
    if args.misses:
        args.misses.write_text(
            "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misses), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
