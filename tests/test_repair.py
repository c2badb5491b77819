# ruff: noqa: RUF001  (mojibake and look-alike characters are the subject here)
"""Repair stage: hand-picked strings, the generated mojibake suite, and clean text."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from boilerkit import explain_repair, repair_text
from boilerkit.encoding.repair import repair_tree

CASES_DIR = Path(__file__).with_name("encoding_cases")
sys.path.insert(0, str(CASES_DIR))

from wild import clean_strings, mojibake_cases  # noqa: E402

HAND_PICKED = json.loads((CASES_DIR / "hand_picked.json").read_text(encoding="utf-8"))


def _param(case: dict[str, str]) -> object:
    marks = (
        [pytest.mark.xfail(strict=True, reason=case["comment"])] if case["expect"] == "fail" else []
    )
    return pytest.param(case["original"], case["fixed"], id=case["comment"][:40], marks=marks)


@pytest.mark.parametrize(("original", "fixed"), [_param(c) for c in HAND_PICKED])
def test_hand_picked(original: str, fixed: str) -> None:
    assert repair_text(original) == fixed


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Â鶹´«Ã½", "麻豆传媒"),
        ("Ã©tÃ©", "été"),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"),
    ],
)
def test_issue_examples(broken: str, fixed: str) -> None:
    assert repair_text(broken) == fixed


# Floors measured on a sample of the wild suite's tune split (tests/encoding_cases/wild.py:
# CLDR text in 40 languages, dev-corpus snippets and jusText stoplist text in 45, seed 7,
# 4 texts per language); raise them when repair improves, never lower them silently.
# (Lowered once, for double 0.96 -> 0.95 and embedded 0.55 -> 0.50, when the stoplist
# text joined the suite: the same code measures 0.954 and 0.511 on the larger sample.)
# (Raised for double 0.95 -> 0.99 and embedded 0.50 -> 0.78 by the phrase work: 1.000
# and 0.807 on this sample; legacy2 0.30 -> 0.55 by the bigram model,
# encoding/bigrams.py: 0.579.) (Raised for legacy2 0.55 -> 0.70 by the legacy signs,
# in-word evidence and Han read as other Han: 0.589 -> 0.723 on this sample.)
# benchmarks/bench_encoding.py runs the full suite, both splits, beside ftfy.
FLOORS = {
    "utf8": 0.92,
    "double": 0.99,
    "legacy": 0.80,
    "legacy2": 0.70,
    "seed": 0.80,
    "embedded": 0.78,
}


@pytest.fixture(scope="module")
def family_rates() -> dict[str, float]:
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in mojibake_cases(per_language=4):
        hits[case.family][0] += repair_text(case.broken) == case.expected
        hits[case.family][1] += 1
    return {family: ok / total for family, (ok, total) in hits.items()}


@pytest.mark.parametrize("family", sorted(FLOORS))
def test_wild_family_rate(family_rates: dict[str, float], family: str) -> None:
    assert family_rates[family] >= FLOORS[family]


@pytest.mark.parametrize("split", ["tune", "held"])
def test_clean_text_is_never_changed(split: str) -> None:
    strings = clean_strings(per_language=15, split=split)
    assert [s for _, s in strings if repair_text(s) != s] == []


def test_clean_suite_covers_thirty_languages() -> None:
    assert len({lang for lang, _ in clean_strings(per_language=1)}) >= 30


def test_explain_lists_spans_and_chains() -> None:
    text = "Le cafÃ© est prÃ¨s, Ïðèâåò!"
    result = explain_repair(text)
    assert result.text == "Le café est près, Привет!"
    # ftfy mends the UTF-8 pieces, boilerkit the windows-1251 word: both steps are named
    steps = {step.split(" ")[0] for c in result.changes for step in c.chain}
    assert steps == {"utf-8/cp1252", "cp1251/cp1252"}
    replay = text
    for change in sorted(result.changes, key=lambda c: -c.start):
        assert text[change.start : change.end] == change.before
        replay = replay[: change.start] + change.after + replay[change.end :]
    assert replay == result.text


def test_explain_on_clean_text_is_empty() -> None:
    assert explain_repair("São Paulo, 25 °C").changes == ()


def test_layers_are_listed_in_order() -> None:
    result = explain_repair("ÃƒÂ©tÃƒÂ©")
    assert result.text == "été"
    # two layers of UTF-8 undone (ftfy names the second reading latin-1: same bytes here)
    assert [step[:6] for step in result.changes[0].chain] == ["utf-8/", "utf-8/"]


def test_repair_tree_fixes_text_not_markup() -> None:
    root = lxml_html.fromstring(
        "<html><head><title>CafÃ© du coin</title></head><body>"
        '<p title="Ã©tÃ©"><a href="/Ã©tÃ©">Ã©tÃ©</a> tail Ã©tÃ©</p>'
        '<script>var s = "Ã©tÃ©";</script></body></html>'
    )
    changed = repair_tree(root)
    assert changed == 3
    assert root.findtext(".//title") == "Café du coin"
    link = root.find(".//a")
    assert link.text == "été" and link.tail == " tail été"
    assert link.get("href") == "/Ã©tÃ©"
    assert root.find(".//p").get("title") == "Ã©tÃ©"
    assert "Ã©tÃ©" in root.findtext(".//script")


def test_repair_tree_on_clean_tree_changes_nothing() -> None:
    root = lxml_html.fromstring("<p>Größe: 42 € — naïve café</p>")
    assert repair_tree(root) == 0
    assert root.text == "Größe: 42 € — naïve café"


def test_long_ascii_words_beside_mojibake() -> None:
    # Minified script shown as text: one 300,000-character "word". Finding the non-ASCII
    # runs used to rescan it from every position (hours); now it is one pass.
    script = "var a=1;" * 37_500
    text = f"{script} Ã©tÃ© {script}"
    assert repair_text(text) == f"{script} été {script}"


def test_ascii_is_returned_as_is() -> None:
    text = "plain ASCII text"
    assert repair_text(text) is text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF), max_size=60))
def test_never_raises_and_leaves_ascii_alone(text: str) -> None:
    fixed = repair_text(text)
    assert isinstance(fixed, str)
    if text.isascii():
        assert fixed == text
