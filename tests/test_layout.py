"""The layout bars of the source tree: the folders show the pipeline, nothing grows too big,
and the modules import each other one way only.

A reader opening ``src/boilerkit/`` sees the stages as packages (``encoding``, ``page``,
``selection``, ``metadata``, ``render``, ``cli``) beside a few shared modules; these tests
keep it that way as the code grows.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "boilerkit"
MAX_TOP_MODULES = 12
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imported(name: str, path: Path) -> Iterator[str]:
    """The package's modules that ``name`` imports anywhere in its source: at the top, in a
    function, under ``TYPE_CHECKING``. ``from pkg import sub`` counts as importing the
    submodule ``pkg.sub`` (``pkg`` is the parent, imported first whatever happens)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            submodules = [
                f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES
            ]
            yield from submodules
            if len(submodules) < len(node.names) and target in MODULES:
                yield target


def _graph() -> dict[str, set[str]]:
    return {
        name: {other for other in _imported(name, path) if other != name}
        for name, path in MODULES.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph``, as the list of modules around it, or ``None``."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                return [*path[path.index(other) :], other]
            if other not in state:
                found = visit(other)
                if found:
                    return found
        path.pop()
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state:
            found = visit(name)
            if found:
                return found
    return None


def test_the_graph_sees_imports_of_every_kind() -> None:
    """The walk finds relative, function-level and package-level imports (else the cycle
    test below could pass by seeing nothing)."""
    graph = _graph()
    assert "boilerkit.render" in graph["boilerkit.document"]
    assert "boilerkit.encoding.decode" in graph["boilerkit.pipeline"]
    assert "boilerkit.budget" in graph["boilerkit.pipeline"]  # from . import budget
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle() -> None:
    assert _cycle(_graph()) is None


def test_few_modules_at_the_top() -> None:
    """Only the public face and what every stage shares stand directly in the package."""
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


@pytest.mark.parametrize("stage", ["encoding", "page", "selection", "metadata", "render", "cli"])
def test_stages_are_packages(stage: str) -> None:
    assert (PACKAGE / stage / "__init__.py").is_file()
    assert not (PACKAGE / f"{stage}.py").exists()


def test_no_source_file_over_the_size_bar() -> None:
    sizes = {
        str(path.relative_to(SRC)): len(path.read_text("utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert sizes
    assert {name: lines for name, lines in sizes.items() if lines > MAX_LINES} == {}


def test_no_module_named_like_the_standard_library() -> None:
    """``select.py`` once shadowed the standard library's ``select`` for anyone running a
    script from inside the package folder."""
    names = {name.rpartition(".")[2] for name in MODULES if name != "boilerkit"}
    assert names
    assert sorted(names & set(sys.stdlib_module_names)) == []
