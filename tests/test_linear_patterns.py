"""Every regular expression in the package runs in linear time on page-controlled text.

A pattern that backtracks turns a 40 KB page into minutes of CPU (``\\S+@\\S+\\.\\w+`` was
cubic on "@@@..."), and nothing can interrupt a running match. So every compiled pattern
of every module is found here by walking the package (a new one cannot be missed), and
run on adversarial strings of growing length: the cost of ``findall`` from n to 16n
characters must grow like 16, not like 256 (quadratic) or 4,096 (cubic). A ratio of CPU
times, not a timed threshold: the machine's speed and load cancel out.

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
from boilerkit.encoding import trigger
from boilerkit.encoding.chains import UTF8_READERS, utf8_pattern
from boilerkit.encoding.han import odd_chinese
from boilerkit.encoding.spans import _repertoire

SRC = Path(boilerkit.__file__).resolve().parent
ADVERSARIAL = (
    "@", "a@", "<a", " ", "\n", ".", "-", " - ", "1", "1 ", "20", "a", "a ", " a", "aa.",
    "a1:", "a=", "a='", "<", "<div>", "&#", "http://", "a@a.", "by ", "é", "中", "Ã", "\u00a0",
)  # fmt: skip
"""Runs that make backtracking patterns explode: the characters a pattern's quantifiers
overlap on (spaces, word characters, "@", "<", digits, punctuation) and non-ASCII ones."""
SHORT = 1_000
GROWTH = 16
MAX_RATIO = 100.0
"""Linear growth from n to 16n is a ratio of 16; quadratic is 256, cubic 4,096.
Alternations of a hundred words tried after a long run of non-word characters measure up
to about 50 on a loaded machine (the matcher's backtracking stack outgrows the cache):
the bar sits between that and quadratic."""
MEASURABLE = 0.002
"""Below 2 ms of CPU at 16n the cost is too small to time reliably and to matter."""
ATTEMPTS = 3
"""A ratio over the bar is measured again (the smallest of the attempts counts): a
quadratic pattern fails every attempt, a preempted measurement does not."""
STEPS = (250, 1_000, 4_000)
"""On the way up, each fourfold length is judged first (``MAX_STEP_RATIO``): a cubic
pattern fails at 1,000 characters in about a second, instead of running for hours at
16,000."""
MAX_STEP_RATIO = 32.0
"""Linear is 4 per step, quadratic 16, cubic 64."""


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
    ("encoding/trigger.py", "_one_pass"): "the trigger's marks as one pattern, built once",
    ("metadata/scan.py", "having"): "an alternation of escaped literal spellings (_spellings)",
    ("encoding/spans.py", "_repertoire"): "one character class run per code page",
    ("encoding/han.py", "odd_chinese"): "a class of rare Han, built on first use",
}
"""Functions allowed to compile a pattern, and what they build."""


def _built() -> Iterator[tuple[str, re.Pattern[str]]]:
    for reader in UTF8_READERS:
        yield f"spans._repertoire({reader!r})", _repertoire(reader)
    for reader in UTF8_READERS:
        for single in (False, True):
            yield f"chains.utf8_pattern({reader!r}, {single})", utf8_pattern(reader, single)
    yield "han.odd_chinese()", odd_chinese()
    for part in ("_UTF8_SEQUENCE", "_LEGACY_AS_LATIN", "_LEGACY_MARKS"):  # parts of MARK
        yield f"trigger.{part}", re.compile(getattr(trigger, part))


PATTERNS = sorted([*_patterns(), *_built()], key=lambda pair: pair[0])


def _cost(pattern: re.Pattern[str] | re.Pattern[bytes], text: str) -> float:
    subject: str | bytes = text.encode() if isinstance(pattern.pattern, bytes) else text
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        pattern.findall(subject)  # type: ignore[arg-type]
        best = min(best, time.process_time() - started)
    return best


def test_every_module_pattern_is_found() -> None:
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) > 80
    assert "boilerkit.metadata.byline._TAIL" in names
    assert "boilerkit.page.parse._TAG" in names
    assert any(name.endswith(".TEASER_HEADING") for name in names)


def _ratio(
    pattern: re.Pattern[str] | re.Pattern[bytes], run: str, short: int, growth: int
) -> float:
    """How much more ``findall`` costs on ``growth`` times the length (0 when too cheap to
    tell); the smallest of up to ``ATTEMPTS`` measurements over the bar."""
    ratio = 0.0
    for _ in range(ATTEMPTS):
        long = _cost(pattern, run * (short * growth))
        if long < MEASURABLE:
            return 0.0
        ratio = long / max(_cost(pattern, run * short), 1e-6)
        bar = MAX_STEP_RATIO if growth == 4 else MAX_RATIO
        if ratio <= bar or ratio > 2 * bar:  # far over the bar: no noise does that
            return ratio
    return ratio


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_runs_in_linear_time(
    name: str, pattern: re.Pattern[str] | re.Pattern[bytes]
) -> None:
    worst: list[tuple[float, str]] = []
    for run in ADVERSARIAL:
        step = 0.0
        for short in STEPS:  # stop at the first step over the bar
            step = _ratio(pattern, run, short, 4)
            if step > MAX_STEP_RATIO:
                break
        if step > MAX_STEP_RATIO:
            worst.append((round(step, 1), run))
            continue
        ratio = _ratio(pattern, run, SHORT, GROWTH)
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
