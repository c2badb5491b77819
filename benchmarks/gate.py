"""The quality gate's floors: one pinned F1 per corpus, tied to the corpus digest.

``floors.json`` holds, per corpus, the digest of the corpus it was measured on and the F1
boilerkit may not fall below. A floor is only meaningful for that exact corpus, so a
different digest means "not comparable" (the test skips and says so), never a silent pass
or fail. Raise floors as boilerkit improves (``python benchmarks/gate.py --raise``);
lowering one is a decision to make in review, by editing the file by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpora import CORPUS_NAMES, Corpus, available, load_corpus
from benchmarks.metrics import Scores

FLOORS = Path(__file__).resolve().parent / "floors.json"
MARGIN = 0.005
"""How far below the measured F1 a new floor is set: room for harmless noise (such as
a tie broken differently), not for a regression."""


@dataclass(frozen=True, slots=True)
class Floor:
    """The pinned minimum F1 for one corpus and the digest of the corpus it holds for."""

    corpus: str
    digest: str
    f1: float


def load_floors(path: Path = FLOORS) -> dict[str, Floor]:
    """The pinned floors by corpus name."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: Floor(name, entry["digest"], float(entry["f1"])) for name, entry in data.items()}


def save_floors(floors: dict[str, Floor], path: Path = FLOORS) -> None:
    data = {f.corpus: {"digest": f.digest, "f1": round(f.f1, 4)} for f in floors.values()}
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def boilerkit_scores(corpus: Corpus, jobs: int | None = None) -> Scores:
    """boilerkit's scores on a corpus, scored exactly as the benchmark scores them.

    Nothing is timed here, so the pages are spread over the machine's cores.
    """
    from benchmarks.run import extract_all, score

    outputs = extract_all("boilerkit", corpus, jobs or os.cpu_count() or 1)
    return score("boilerkit", corpus, outputs).scores


def main(argv: list[str] | None = None) -> int:
    """Measure boilerkit and raise each floor to the measured F1 minus ``MARGIN``."""
    parser = argparse.ArgumentParser(description="Show or raise the quality-gate floors.")
    parser.add_argument(
        "--raise",
        dest="raise_",
        action="store_true",
        help="raise floors to measured F1 - margin (never lowers one)",
    )
    args = parser.parse_args(argv)  # fmt: skip
    floors = load_floors() if FLOORS.exists() else {}
    for name in CORPUS_NAMES:
        if not available(name):
            print(f"{name}: corpus absent, skipped")
            continue
        corpus = load_corpus(name)
        f1 = boilerkit_scores(corpus).f1
        old = floors.get(name)
        same = old is not None and old.digest == corpus.digest
        print(f"{name}: F1 {f1:.4f}, floor {old.f1 if same and old else 'none for this digest'}")
        if args.raise_ and (not same or old is None or f1 - MARGIN > old.f1):
            floors[name] = Floor(name, corpus.digest, f1 - MARGIN)
    if args.raise_:
        save_floors(floors)
        print(f"wrote {FLOORS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
