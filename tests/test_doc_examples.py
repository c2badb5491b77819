"""Docs match the code: every example in README.md and docs/ runs, and every sample is real.

- ```` ```python ```` blocks run, in order, one namespace per file, in a directory where
  ``samples/`` and ``fixtures/`` are the repository's (so ``open("samples/...")`` works).
- ```` ```sh ```` lines that call ``boilerkit`` (or ``python -m boilerkit.spark``) run
  through the command line, there too, and must exit 0 and print or write something. A
  line that needs the network says ``not run`` in its comment. Lines that call something
  else (``pip``, ``python benchmarks/...``, cluster tools) are not run; their block says
  ``not run`` just above it or in a comment on its first line, except the install lines
  (``pip install .``, ``".[test]"``, ``".[spark]"``), which ``.ci/run`` does.
- A Python block that needs what a test cannot have (a cluster, a bucket) says so the
  same way, and is not run.
- Output samples are compared with the real output: the ```` ```text ````,
  ```` ~~~~markdown ````, ```` ```xml ```` and ```` ```csv ```` blocks of docs/formats/ with
  the rendering of the example that docs/formats.md builds, ``KEEP``/``DROP`` lines with
  ``explain`` on the bundled sample, the JSON sample's keys with ``to_json``, and the
  exception tree in docs/robustness.md with ``boilerkit.errors``.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import boilerkit

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "docs").glob("*/*.md")])
SAMPLE = ROOT / "samples" / "news-article.html"
_FENCE = re.compile(r"^(```+|~~~+)(\S*)[^\n]*\n(.*?)^\1\s*$", re.M | re.S)
_INSTALL_AND_TEST = re.compile(
    r"^pip install (-e )?\"?(\.|boilerkit)(\[(test|spark)\])?\"?( && python -m pytest)?$"
)


@dataclass(frozen=True)
class Block:
    """One fenced block of a doc: its language, its text, and the prose just above it."""

    path: Path
    line: int
    language: str
    text: str
    before: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    source = path.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        before = "\n".join(source[: match.start()].splitlines()[-3:])
        found.append(Block(path, line, match.group(2), match.group(3), before))
    return found


def all_blocks(*languages: str) -> list[Block]:
    return [b for path in DOCS for b in blocks(path) if b.language in languages]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory with the repository's samples and fixtures, where examples run."""
    for name in ("samples", "fixtures"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_docs_have_examples() -> None:
    assert len(all_blocks("python")) >= 5
    assert len(all_blocks("sh")) >= 4


# -- Python --------------------------------------------------------------------------


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples_run(path: Path, workdir: Path) -> None:
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for block in blocks(path):
        if block.language == "python" and not _says_not_run(block):
            code = compile(block.text, block.where, "exec")
            exec(code, namespace)  # the docs' own examples, run as a reader would


def _says_not_run(block: Block) -> bool:
    """The block says it is not run: in the prose just above it, or a comment on its first
    line (``# needs a cluster: not run by the tests``)."""
    first = block.text.lstrip().splitlines()[0] if block.text.strip() else ""
    return "not run" in block.before or (first.startswith("#") and "not run" in first)


# -- the command line ------------------------------------------------------------------


def shell_lines() -> list[tuple[Block, str]]:
    lines = []
    for block in all_blocks("sh", "bash", "shell", "console"):
        for line in block.text.splitlines():
            if line.strip():
                lines.append((block, line))
    return lines


def _command(line: str) -> tuple[str, str]:
    """The command of a shell line and its comment (a ``#`` after a space, outside quotes)."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].strip(), line[index + 1 :].strip()
    return line.strip(), ""


def _calls_boilerkit(command: str) -> bool:
    """The command runs ``boilerkit`` or ``python -m boilerkit[.spark]``."""
    return any(
        part.split()[:1] == ["boilerkit"] or part.split()[:3] in _PYTHON_M_BOILERKIT
        for part in re.split(r"\||&&|;", command)
    )


_PYTHON_M_BOILERKIT = [["python", "-m", "boilerkit"], ["python", "-m", "boilerkit.spark"]]


def test_every_shell_line_runs_or_says_why_not() -> None:
    for block, line in shell_lines():
        command, comment = _command(line)
        if _calls_boilerkit(command) or "not run" in comment or _says_not_run(block):
            continue
        assert _INSTALL_AND_TEST.match(command), (
            f"{block.where}: {line!r} neither calls boilerkit nor says why it is not run"
        )


@pytest.mark.parametrize(
    "line",
    [
        line
        for block, line in shell_lines()
        if _calls_boilerkit(_command(line)[0])
        and "not run" not in _command(line)[1]
        and not _says_not_run(block)
    ],
)
def test_shell_examples_run(line: str, workdir: Path) -> None:
    command, _ = _command(line)
    command = re.sub(r"^pip install [^&]*&&\s*", "", command)  # installed already
    if "boilerkit.spark" in command:
        pytest.importorskip("pyspark", reason="the spark extra is not installed")
        if shutil.which("java") is None:
            pytest.skip("Spark needs Java")
    python = shlex.quote(sys.executable)
    prelude = f'boilerkit() {{ {python} -m boilerkit "$@"; }}\npython() {{ {python} "$@"; }}\n'
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", prelude + command],
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr.decode()
    written = [p for p in workdir.rglob("*") if p.is_file() and not p.is_symlink()]
    assert done.stdout.strip() or written, f"{line!r} printed and wrote nothing"


# -- output samples ----------------------------------------------------------------------


@cache
def format_example() -> boilerkit.Document:
    """The ``doc`` that docs/formats.md builds."""
    namespace: dict[str, Any] = {}
    for block in blocks(ROOT / "docs" / "formats.md"):
        if block.language == "python":
            exec(compile(block.text, block.where, "exec"), namespace)
    document = namespace["doc"]
    assert isinstance(document, boilerkit.Document)
    return document


_SAMPLES = {
    ("text.md", "text"): lambda doc: doc.text,
    ("markdown.md", "markdown"): lambda doc: doc.to_markdown(include_formatting=True),
    ("xml.md", "xml"): lambda doc: doc.to_xml(),
    ("tei.md", "xml"): lambda doc: doc.to_tei(),
    ("csv.md", "csv"): lambda doc: doc.to_csv(),
}


@pytest.mark.parametrize(("page", "language"), list(_SAMPLES))
def test_format_samples_are_real_output(page: str, language: str) -> None:
    samples = [b for b in blocks(ROOT / "docs" / "formats" / page) if b.language == language]
    assert samples, f"docs/formats/{page} has no {language} sample"
    expected = _SAMPLES[page, language](format_example())
    assert samples[0].text.rstrip("\n") == expected.replace("\r\n", "\n").rstrip("\n")


def test_explain_lines_in_the_docs_are_real() -> None:
    output = str(boilerkit.explain(SAMPLE.read_bytes())).splitlines()
    cited = [
        line
        for path in DOCS
        for line in re.findall(r"`((?:KEEP|DROP) [+-]\d[^`]*)`", path.read_text(encoding="utf-8"))
    ]
    assert cited
    for line in cited:
        assert line in output, f"{line!r} is not what explain prints for {SAMPLE.name}"


def test_json_sample_keys_are_real() -> None:
    (sample,) = all_blocks("json")
    keys = re.findall(r'"(\w+)":', sample.text)
    real = json.loads(boilerkit.extract(SAMPLE.read_bytes()).to_json())
    assert keys and set(keys) - {"source", "fetched_at"} <= set(real)


def test_robustness_error_tree_is_the_real_one() -> None:
    (tree,) = [b for b in blocks(ROOT / "docs" / "robustness.md") if "BoilerkitError" in b.text]
    named = set(re.findall(r"\b([A-Z]\w+Error)\b", tree.text))
    from boilerkit import errors

    real = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.BoilerkitError)
    }
    assert named - {"ValueError", "TypeError"} == real


def test_images_in_the_docs_exist_and_are_small() -> None:
    images = [
        (path, target)
        for path in DOCS
        for target in re.findall(
            r"!\[[^\]]*\]\(([^)\s]+\.(?:png|jpe?g|gif|svg))\)", path.read_text(encoding="utf-8")
        )
    ]
    assert any(path.name == "README.md" for path, _ in images)  # the explain report's picture
    for path, target in images:
        image = (path.parent / target).resolve()
        assert image.is_file(), f"{path.name}: {target} is missing"
        assert image.stat().st_size < 200_000, f"{target} is over 200 KB"
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
