"""Every regular expression in the package runs in linear time on page-controlled text.

A pattern that backtracks turns a 40 KB page into minutes of CPU (``\\S+@\\S+\\.\\w+`` was
cubic on "@@@..."), and nothing can interrupt a running match. So every compiled pattern
of every module is found here by walking the package (a new one cannot be missed), and
run on adversarial strings of growing length: the cost of ``findall`` from n to 8n
characters must grow like 8, not like 64 (quadratic) or 512 (cubic). A ratio, not a
timed threshold: the machine's speed and load cancel out.

Every other pattern is a module-level name (a ``re.compile`` in a function body would
escape this walk): ``test_no_pattern_escapes_the_walk`` holds that line, and the two
builders of patterns at run time (``BUILDERS``) have their outputs added here.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import boilerkit
from boilerkit.encoding.chains import UTF8_READERS, utf8_pattern

SRC = Path(boilerkit.__file__).resolve().parent
ADVERSARIAL = (
    "@", "a@", "<a", " ", "\n", ".", "-", " - ", "1", "1 ", "20", "a", "a ", " a", "aa.",
    "a1:", "a=", "a='", "<", "<div>", "&#", "http://", "a@a.", "by ", "é", "中", "Ã", "\u00a0",
)  # fmt: skip
"""Runs that make backtracking patterns explode: the characters a pattern's quantifiers
overlap on (spaces, word characters, "@", "<", digits, punctuation) and non-ASCII ones."""
SHORT = 1_000
GROWTH = 8
MAX_RATIO = 40.0
"""Linear growth from n to 8n is a ratio of 8; quadratic is 64, cubic 512. Alternations
of a hundred words tried after a long run of non-word characters measure up to about 26
(the matcher's backtracking stack outgrows the cache): the bar sits between the two."""
MEASURABLE = 0.002
"""Below 2 ms at 8n the cost is too small to time reliably and too small to matter."""


def _patterns() -> Iterator[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    """Every compiled pattern held by a module of the package, in module-level names,
    tuples, lists, sets or dicts (one level down)."""
    seen: set[int] = set()
    for info in pkgutil.walk_packages(boilerkit.__path__, "boilerkit."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else value
            items = values if isinstance(value, (tuple, list, frozenset, set, dict)) else [value]
            for item in items:
                found = item if isinstance(item, re.Pattern) else None
                if isinstance(item, tuple):  # (pattern, label) pairs
                    found = next((i for i in item if isinstance(i, re.Pattern)), None)
                if found is not None and id(found) not in seen:
                    seen.add(id(found))
                    yield f"{info.name}.{name}", found


BUILDERS = {
    ("encoding/chains.py", "utf8_pattern"): "runs of UTF-8 read as a code page (built per reader)",
    ("metadata/scan.py", "_spellings"): "an alternation of the literal words of a table",
}
"""Functions allowed to compile a pattern, and what they build."""


def _built() -> Iterator[tuple[str, re.Pattern[str]]]:
    for reader in UTF8_READERS:
        for single in (False, True):
            yield f"chains.utf8_pattern({reader!r}, {single})", utf8_pattern(reader, single)


PATTERNS = sorted([*_patterns(), *_built()], key=lambda pair: pair[0])


def _cost(pattern: re.Pattern[str] | re.Pattern[bytes], text: str) -> float:
    subject: str | bytes = text.encode() if isinstance(pattern.pattern, bytes) else text
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        pattern.findall(subject)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - started)
    return best


def test_every_module_pattern_is_found() -> None:
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) > 80
    assert "boilerkit.metadata.byline._TAIL" in names
    assert "boilerkit.page.parse._TAG" in names
    assert any(name.endswith(".TEASER_HEADING") for name in names)


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_runs_in_linear_time(
    name: str, pattern: re.Pattern[str] | re.Pattern[bytes]
) -> None:
    worst: list[tuple[float, str]] = []
    for run in ADVERSARIAL:
        long = _cost(pattern, run * (SHORT * GROWTH))
        if long < MEASURABLE:
            continue
        ratio = long / max(_cost(pattern, run * SHORT), 1e-6)
        if ratio > MAX_RATIO:
            long = _cost(pattern, run * (SHORT * GROWTH))  # a second look past a stall
            ratio = long / max(_cost(pattern, run * SHORT), 1e-6)
        if ratio > MAX_RATIO:
            worst.append((round(ratio, 1), run))
    assert not worst, f"{name} grows superlinearly on {worst}"


def _inline_patterns(path: Path) -> list[str]:
    """``re.*`` calls with a pattern argument inside function bodies of ``path``."""
    tree = ast.parse(path.read_text("utf-8"))
    found: list[str] = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if (path.relative_to(SRC).as_posix(), function.name) in BUILDERS:
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr != "escape"
            ):
                found.append(f"{path.relative_to(SRC)}:{node.lineno} re.{node.func.attr}")
    return found


def test_no_pattern_escapes_the_walk() -> None:
    """A pattern written in a function body is compiled where this test cannot see it:
    every pattern is a module-level name (or in a module-level table)."""
    inline = [hit for path in sorted(SRC.rglob("*.py")) for hit in _inline_patterns(path)]
    assert not inline, inline
