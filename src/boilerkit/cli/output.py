"""Where results go: standard output, or one file per input in an output directory.

On standard output a batch of several documents is delimited like ``head`` does
(``==> name <==``), except JSON, which becomes JSON Lines (one document per line) since
concatenated JSON documents are no format at all. In an output directory every input gets
its own file, named after the input (``pages/a.html.gz`` -> ``a.md``), made unique with a
``-2``, ``-3``... when two inputs would share a name; ``--jsonl`` writes one
``documents.jsonl`` there instead. All output is UTF-8 whatever the locale.

Nothing is counted as written unless all of it was. Standard output is written unbuffered,
one document at a time, so a failed write (a full disk, ``/dev/full``) belongs to the
document being written. Files are written beside their final name and renamed into place
when complete, so a failed write leaves no empty or partial file; ``documents.jsonl`` is
cut back to its last whole line when a line fails, and renamed into place at the end.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Final

from ..render import REGISTRY
from .batch import Result
from .inputs import safe_stem
from .tasks import printable

EXTENSIONS: Final = {name: spec.extension for name, spec in REGISTRY.items()}
JSONL_NAME: Final = "documents.jsonl"
PART_SUFFIX: Final = ".part"
"""A file being written (hidden, so a directory walk never takes it as a page)."""


class StreamSink:
    """Writes results to a binary stream (standard output)."""

    root: Path | None = None

    def __init__(self, stream: BinaryIO, *, batch: bool, lines: bool, header: str = "") -> None:
        self.stream = stream
        self.batch = batch
        """Several documents: delimit each (or write JSON Lines)."""
        self.lines = lines
        self.header = header
        """Written once, before the first record (a CSV header row)."""

    def write(self, result: Result) -> None:
        if result.output is None:
            return
        if self.lines:
            parts, self.header = _terminated(self.header, result.output), ""
        elif self.batch:
            parts = [*_terminated(f"==> {printable(result.name)} <==\n", result.output), b"\n"]
        else:
            parts = _terminated("", result.output) if result.output else []
        _write_all(self.stream, *parts)

    def close(self) -> str | None:
        self.stream.flush()
        return None


class DirectorySink:
    """Writes each result to its own file under ``root`` (or all to one JSON Lines file)."""

    def __init__(self, root: str, fmt: str, *, lines: bool) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.extension = EXTENSIONS.get(fmt, "." + fmt)
        self.taken: set[str] = set()
        self.mode = _file_mode()
        self.lines = _LinesFile(self.root / JSONL_NAME, self.mode) if lines else None

    def write(self, result: Result) -> None:
        if result.output is None:
            return
        data = _terminated("", result.output)
        if self.lines is not None:
            self.lines.write(data)
            return
        path = self.root / self._name(result.stem)
        path.parent.mkdir(parents=True, exist_ok=True)
        stream, part = _part_file(path, self.mode)
        try:
            with stream:
                _write_all(stream, *data)
            os.replace(part, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(part)
            raise

    def _name(self, stem: str) -> str:
        stem = safe_stem(stem)
        name, number = stem + self.extension, 1
        while name.lower() in self.taken:  # this run's names; an earlier run's are overwritten
            number += 1
            name = f"{stem}-{number}{self.extension}"
        self.taken.add(name.lower())
        return name

    def close(self) -> str | None:
        """Put ``documents.jsonl`` in place; say what went wrong, if anything did."""
        return self.lines.close() if self.lines is not None else None


class _LinesFile:
    """``documents.jsonl``: whole lines only, in place once the batch ends (or stops)."""

    def __init__(self, path: Path, mode: int) -> None:
        self.path = path
        self.stream, self.part = _part_file(path, mode)
        self.size = 0
        self.count = 0

    def write(self, data: list[bytes]) -> None:
        try:
            _write_all(self.stream, *data)
        except OSError:
            with contextlib.suppress(OSError):  # cut the broken line off again
                self.stream.truncate(self.size)
                self.stream.seek(self.size)
            raise
        self.size += sum(map(len, data))
        self.count += 1

    def close(self) -> str | None:
        self.stream.close()
        try:
            if self.count:  # nothing written: no empty file
                os.replace(self.part, self.path)
                return None
        except OSError as error:
            return f"{self.path}: cannot write the output: {error.strerror or error}"
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.part)  # gone already once renamed into place
        return None


def _terminated(head: str, data: bytes) -> list[bytes]:
    """``head`` (as UTF-8) and ``data``, ending with a line break (CSV records come with
    their own CRLF). In pieces, not joined: a page's text may be 60 MB, and each copy of
    it would be another 60 MB in this process."""
    parts = [head.encode("utf-8", "replace"), data] if head else [data]
    return parts if data.endswith(b"\n") else [*parts, b"\n"]


def _part_file(path: Path, mode: int) -> tuple[BinaryIO, str]:
    """An unbuffered file beside ``path``, hidden, with the mode a plain ``open`` gives."""
    fd, part = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=path.parent)
    os.fchmod(fd, mode)
    return open(fd, "wb", buffering=0), part


def _file_mode() -> int:
    """0o666 less the umask (``mkstemp`` makes files only their owner may read)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _write_all(stream: BinaryIO, *parts: bytes) -> None:
    """Write every byte, or raise: unbuffered writes may take only part of a piece."""
    for data in parts:
        view = memoryview(data)
        while view:
            written = stream.write(view)
            if written is None:  # a non-blocking stream that would block: flush it
                stream.flush()
                continue
            view = view[written:]
    stream.flush()
