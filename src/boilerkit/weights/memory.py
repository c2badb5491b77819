"""The command line's memory numbers: what a page costs a batch, and what a batch may hold.

``Weights.memory`` holds one; override a number with ``dataclasses.replace`` like any other
section of the table. Measured with ``benchmarks/bench_cli_memory.py`` (a WARC of
decompression bombs) and the hostile shapes of ``docs/robustness.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MemoryWeights"]

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class MemoryWeights:
    """How a batch's pool keeps its workers' memory bounded by bytes, not by page count."""

    page_expansion: float = 16.0
    """Peak memory extracting and rendering a page adds to its worker, per byte of the page
    as decompressed. Measured peaks: 7x for one 60 MB text node, 18x for 21 MB of short
    paragraphs (the worst shape measured); typical pages sit far below the budget anyway."""
    batch_bytes: int = 512 * MIB
    """What the pages in flight (sent to the workers, or done and waiting to be written)
    may weigh together, each page its size times ``page_expansion``. A page heavier than
    this runs alone, so four workers never hold four 60 MB pages; 512 MiB still admits
    hundreds of ordinary 100 kB pages at once, more than the window sends."""
    trim_after_bytes: int = 64 * MIB
    """A worker whose RSS grew this much past its start gives its freed heap back to the
    system (glibc ``malloc_trim``) before the next page: a page of many small elements
    leaves ~250 MB of freed arenas resident, which the trim brings back to ~1 MB."""
