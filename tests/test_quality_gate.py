"""The quality gate: boilerkit's F1 on each development corpus may not fall below its floor.

Floors live in ``benchmarks/floors.json``, each tied to the digest of the corpus it was
measured on. Absent corpora skip; a corpus whose digest differs from the pinned one skips
with a message too (re-pin with ``python benchmarks/gate.py --raise``): comparing a floor
against another corpus version would be meaningless either way.
"""

from __future__ import annotations

import pytest

from benchmarks.corpora import CORPUS_NAMES, available, datasets_dir, load_corpus
from benchmarks.gate import FLOORS, boilerkit_scores, load_floors

pytestmark = pytest.mark.corpus  # whole corpora: the slowest tests; CI runs them


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_f1_does_not_fall_below_the_pinned_floor(name: str) -> None:
    if not available(name):
        pytest.skip(f"corpus {name} not found under {datasets_dir()}")
    floor = load_floors().get(name)
    if floor is None:
        pytest.skip(f"no floor pinned for {name} in {FLOORS}")
    corpus = load_corpus(name)
    if corpus.digest != floor.digest:
        pytest.skip(
            f"{name} digest {corpus.digest[:12]} differs from the pinned {floor.digest[:12]}: "
            "the floor was measured on another version of the corpus; re-pin it"
        )
    f1 = boilerkit_scores(corpus).f1
    assert f1 >= floor.f1, f"{name}: boilerkit F1 {f1:.4f} fell below the floor {floor.f1:.4f}"
