"""ftfy's own test cases, run through boilerkit's repair (skipped when the data is absent).

The cases live in ``../shared/datasets/ftfy-test-cases/`` (Apache-2.0, ftfy commit 74dd045):
real and synthetic mojibake, language names, and strings that must stay as they are. The
expected text is the result of ftfy's encoding fixes alone (``fixed-encoding``, else
``fixed``): repair does not uncurl quotes or fold widths, which are the page's own business.
ftfy's known failures (``expect: fail``) are left out: ftfy itself does not pass them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boilerkit import repair_text

CASES_DIR = Path(__file__).resolve().parents[1].parent / "shared/datasets/ftfy-test-cases"
FILES = ("in-the-wild", "synthetic", "language-names", "negative")
# Cases boilerkit decides not to match, with the reason (run as strict xfail).
NOT_FIXED: dict[str, str] = {}


def _cases() -> list[object]:
    if not CASES_DIR.is_dir():
        return [pytest.param("", "", id="ftfy-cases-absent", marks=pytest.mark.skip)]
    params = []
    for name in FILES:
        for i, case in enumerate(json.loads((CASES_DIR / f"{name}.json").read_text("utf-8"))):
            if case["expect"] != "pass":
                continue
            expected = case.get("fixed-encoding", case["fixed"])
            reason = NOT_FIXED.get(case["original"])
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            kind = "stays" if expected == case["original"] else "fixed"
            params.append(
                pytest.param(case["original"], expected, id=f"{name}-{i}-{kind}", marks=marks)
            )
    return params


@pytest.mark.parametrize(("original", "expected"), _cases())
def test_ftfy_case(original: str, expected: str) -> None:
    assert repair_text(original) == expected
