"""Coverage-guided fuzzing of ``boilerkit.extract`` aimed at time (atheris).

Each input runs under a 1 s ``time_budget`` and must end, with a ``Document`` or a
``BoilerkitError``, within what the library promises (1.5 x budget + 0.5 s of this
process's CPU time, ``harness.check_time``): an input that overruns is a crash, so
slowness counts as a failure. libFuzzer's own ``-timeout`` is the backstop for a call
that never returns. The command is in ``fuzz/README.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["boilerkit"]):
    from harness import check_time

    import boilerkit  # noqa: F401  (instrumented here, used by the harness)


def test_one_input(data: bytes) -> None:
    check_time(data)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
