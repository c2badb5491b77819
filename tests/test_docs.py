"""``docs/algorithm.md`` against the code: it names every rule the selection records and
every weight of the tuning table, and each number it cites beside a name is that name's
value. A rule added without a word in the doc, or a weight retuned without its number
there, fails here."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from boilerkit import weights
from boilerkit.page import parse
from boilerkit.selection import coarse, second_opinion
from boilerkit.weights import Weights

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "algorithm.md").read_text(encoding="utf-8")
SELECTION = ROOT / "src" / "boilerkit" / "selection"

LIMITS = {
    "MAX_DEPTH": parse.MAX_DEPTH,
    "LARGE_PAGE_ELEMENTS": coarse.LARGE_PAGE_ELEMENTS,
    "SECOND_OPINION_MAX_CHARS": second_opinion.SECOND_OPINION_MAX_CHARS,
    "SECOND_OPINION_MAX_ELEMENTS": second_opinion.SECOND_OPINION_MAX_ELEMENTS,
    "SHOWN_BY_SCRIPT_SHARE": weights.SHOWN_BY_SCRIPT_SHARE,
    "SHOWN_BY_SCRIPT_MIN_CHARS": weights.SHOWN_BY_SCRIPT_MIN_CHARS,
}
"""The named limits the doc may cite besides the tuning table (its *Limits* section, and
the clean stage's constants)."""

_CITED = re.compile(r"`(\w+)`\s*\((-?\d[\d,]*(?:\.\d+)?)")


def _rule_names() -> set[str]:
    """The names the selection records in explain reasons: the first argument of every
    ``Reason("...")`` and every ``Hint("...")`` (a hint's kind is the reason's name)."""
    names: set[str] = set()
    for path in SELECTION.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("Reason", "Hint")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names.add(node.args[0].value)
    return names


RULES = sorted(_rule_names())
WEIGHTS = sorted(field.name for field in dataclasses.fields(Weights))


def test_the_rules_are_found() -> None:
    """The walk sees the rules of every module (else the next test would pass on nothing)."""
    assert {"teaser", "link_density", "orphan_heading", "tail", "boilerplate"} <= set(RULES)


@pytest.mark.parametrize("rule", RULES)
def test_the_doc_names_every_rule(rule: str) -> None:
    assert f"`{rule}`" in DOC


@pytest.mark.parametrize("name", WEIGHTS)
def test_the_doc_names_every_weight(name: str) -> None:
    assert f"`{name}`" in DOC or f"`Weights.{name}`" in DOC


def test_every_number_cited_beside_a_name_is_its_value() -> None:
    """``name`` (value) in the doc: the value is the weight's (or the limit's) own."""
    weights = Weights()
    cited = _CITED.findall(DOC)
    assert len(cited) >= 10
    for name, number in cited:
        if name in LIMITS:
            actual: float = LIMITS[name]
        else:
            assert name in WEIGHTS, f"`{name}` ({number}): not a weight of the tuning table"
            actual = getattr(weights, name)
        assert float(number.replace(",", "")) == actual, f"`{name}` ({number}) is {actual}"


def test_the_doc_opens_with_the_source_tree() -> None:
    """The first picture is the folder tree, every stage package in it."""
    opening = DOC.split("```")[1]
    assert opening.lstrip().startswith("src/boilerkit/")
    for stage in ("encoding/", "page/", "selection/", "metadata/", "render/", "cli/", "weights/"):
        assert stage in opening
