"""Memory on big pages: a page's peak costs a bounded multiple of its size.

Each measure runs in a fresh interpreter (``ru_maxrss`` only grows), with the input built
before the baseline is read. The bound is per byte of page; the batch's budget
(``Weights.memory.page_expansion``) relies on it.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from boilerkit.render import spaces
from boilerkit.selection.segment import LIST_COUNT_CHARS, sentences
from boilerkit.weights import SENTENCE_END, MemoryWeights

_MEASURE = """
import json, resource, sys
import boilerkit
data = b"<html><body><p>" + sys.argv[1].encode() * int(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
document = boilerkit.extract(data, options=boilerkit.Options(time_budget=None))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
grown = (peak - before) * 1024
print(json.dumps({"bytes": len(data), "grown": grown, "chars": len(document.text)}))
"""


def _growth(unit: str, count: int) -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, unit, str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("unit", ["word and more words. ", "a"])
def test_one_big_block_costs_a_bounded_multiple_of_its_size(unit: str) -> None:
    """16 MB in one block: splitting it into words (12x its size, as the compiled walk did)
    took 17x in all; collapsed in 1 MB pieces and counted match by match, it is 7x."""
    measured = _growth(unit, 16_000_000 // len(unit))
    assert measured["chars"] > 15_000_000
    assert measured["grown"] < 10 * measured["bytes"]
    assert measured["grown"] < MemoryWeights().page_expansion * measured["bytes"]


@pytest.mark.parametrize("text", ["A. B! C? ", "end.", "句。句。", "“Quoted.” Then", "x." * 40_000])
def test_long_texts_count_sentences_as_short_ones_do(text: str) -> None:
    long = text * (LIST_COUNT_CHARS // len(text) + 1)
    assert len(long) > LIST_COUNT_CHARS
    assert sentences(long) == len(SENTENCE_END.findall(long + " "))


def test_long_texts_collapse_as_short_ones_do(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slices of 4 characters: words cut by a slice's end, across several slices, and
    slices of whitespace only, against ``" ".join(text.split())``."""
    monkeypatch.setattr(spaces, "CHUNK_CHARS", 4)
    rng = random.Random(3)
    alphabet = ["a", "b", " ", "\n", "\u3000", "\t", "é"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert spaces.collapse(text) == " ".join(text.split()), repr(text)
    assert spaces.collapse("abcdefghij  k") == "abcdefghij k"
