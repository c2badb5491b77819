"""Shared pytest options: ``--update-goldens`` rewrites the fixtures' expected text."""

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
        help="rewrite fixtures/*/expected.txt from the current output, so changes show in git diff",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites the golden texts instead of only comparing against them."""
    return bool(request.config.getoption("--update-goldens"))
