"""The output's schema: the row's fields with their Spark SQL types (no pyspark needed)."""

from __future__ import annotations

from typing import Final

from ..warc import COLUMNS

_TYPES: Final = {"warc_offset": "bigint", "warc_length": "bigint", "elapsed_ms": "double"}

COLUMN_TYPES: Final = tuple((column, _TYPES.get(column, "string")) for column in COLUMNS)
"""``(column, Spark SQL type)`` in ``ExtractedRecord``'s field order; the rest are strings."""
SPARK_SCHEMA: Final = ", ".join(f"{column} {kind}" for column, kind in COLUMN_TYPES)
"""The same as Spark DDL, which ``mapInArrow`` takes."""
