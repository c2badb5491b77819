"""Where results go: standard output, or one file per input in an output directory.

On standard output a batch of several documents is delimited like ``head`` does
(``==> name <==``), except JSON, which becomes JSON Lines (one document per line) since
concatenated JSON documents are no format at all. In an output directory every input gets
its own file, named after the input (``pages/a.html.gz`` -> ``a.md``), made unique with a
``-2``, ``-3``... when two inputs would share a name; ``--jsonl`` writes one
``documents.jsonl`` there instead. All output is UTF-8 whatever the locale.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Final

from ..render import REGISTRY
from .batch import Result
from .inputs import safe_stem

EXTENSIONS: Final = {name: spec.extension for name, spec in REGISTRY.items()}
JSONL_NAME: Final = "documents.jsonl"


class StreamSink:
    """Writes results to a binary stream (standard output)."""

    def __init__(self, stream: BinaryIO, *, batch: bool, lines: bool) -> None:
        self.stream = stream
        self.batch = batch
        """Several documents: delimit each (or write JSON Lines)."""
        self.lines = lines

    def write(self, result: Result) -> None:
        if result.output is None:
            return
        if self.lines:
            text = result.output + "\n"
        elif self.batch:
            text = f"==> {result.name} <==\n{result.output}\n\n"
        else:
            text = result.output + "\n" if result.output else ""
        self.stream.write(text.encode("utf-8", "surrogateescape"))
        if not self.batch:
            self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class DirectorySink:
    """Writes each result to its own file under ``root`` (or all to one JSON Lines file)."""

    def __init__(self, root: str, fmt: str, *, lines: bool) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.extension = EXTENSIONS[fmt]
        self.taken: set[str] = set()
        self.lines = (self.root / JSONL_NAME).open("wb") if lines else None

    def write(self, result: Result) -> None:
        if result.output is None:
            return
        data = (result.output + "\n").encode("utf-8", "surrogateescape")
        if self.lines is not None:
            self.lines.write(data)
            return
        path = self.root / self._name(result.stem)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as stream:
            stream.write(data)

    def _name(self, stem: str) -> str:
        stem = safe_stem(stem)
        name, number = stem + self.extension, 1
        while name.lower() in self.taken:  # this run's names; an earlier run's are overwritten
            number += 1
            name = f"{stem}-{number}{self.extension}"
        self.taken.add(name.lower())
        return name

    def close(self) -> None:
        if self.lines is not None:
            self.lines.close()
