"""Shared pytest options: the goldens' ``--update-goldens`` and ``--write-goldens``.

``--update-goldens`` compares each fixture's ``expected.txt`` with the current output and
fails with the unified diff where they differ; it never writes. Add ``--write-goldens`` to
write the new goldens too, their diffs printed as they are written, so a rewrite is never
silent (``tests/test_fixtures.py`` does both). Tests that read the development corpora
carry the ``corpus`` marker (registered in ``pyproject.toml``): ``python -m pytest -m
"not corpus"`` is the quick local loop.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The benchmark package (corpus loaders, metrics) lives at the repository root, beside src/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="show where fixtures/*/expected.txt differs from the current output, as a "
        "unified diff (fails those fixtures; writes nothing without --write-goldens)",
    )
    parser.addoption(
        "--write-goldens",
        action="store_true",
        default=False,
        help="with --update-goldens: write the new expected.txt files, printing their diffs",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--write-goldens") and not config.getoption("--update-goldens"):
        raise pytest.UsageError("--write-goldens works only with --update-goldens")


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy from the environment: tests that fetch talk to their own loopback server."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
