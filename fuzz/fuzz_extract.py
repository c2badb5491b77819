"""Coverage-guided fuzzing of ``boilerkit.extract`` with atheris (libFuzzer for Python).

    python fuzz/fuzz_extract.py fuzz/corpus fuzz/seeds -max_total_time=600 \
        -timeout=10 -rss_limit_mb=2048

Every Python module of boilerkit is instrumented for coverage; lxml/libxml2 are C code
run as-is (uninstrumented), so coverage feedback comes from our own branches. A finding
is written to ``crash-*``/``timeout-*``; copy it to ``fuzz/regressions/`` so the test
suite replays it forever (``tests/test_properties.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["boilerkit"]):
    from harness import check_input

    import boilerkit  # noqa: F401  (instrumented here, used by the harness)


def test_one_input(data: bytes) -> None:
    check_input(data)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
