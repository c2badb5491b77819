"""The corpus benchmark: loaders, metrics, the systems compared and the report.

A package so the tests (``tests/test_quality_gate.py``, ``tests/test_metrics.py``) can
import it; ``python benchmarks/run.py`` is the command that runs it.
"""
