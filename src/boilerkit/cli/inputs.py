"""What the command line reads: stdin, files, directories, gzip, WARC files and URLs.

Every argument becomes a stream of ``Task`` (one page to extract) or ``Failure`` (an input
that could not even be listed, with its reason), lazily and in input order, so a WARC file
of a million records is never held in memory. Files are read by the worker that extracts
them (``read_page``); stdin and WARC records come with their bytes; URLs are fetched by
the worker.

Directories are walked recursively in sorted order, skipping hidden entries and taking the
files that look like pages: HTML-ish suffixes or none, optionally gzipped, and WARC files.
A file named on the command line is always taken, whatever its name.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import BinaryIO, Final

from .fetch import is_url
from .tasks import Failure, InputError, Task
from .warc import iter_warc

PAGE_SUFFIXES: Final = frozenset(
    {"", ".html", ".htm", ".xhtml", ".xht", ".shtml", ".php", ".asp", ".aspx", ".jsp"}
)
"""Files a directory walk takes as pages (after a ``.gz``)."""
WARC_SUFFIXES: Final = (".warc", ".warc.gz", ".arc", ".arc.gz")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def iter_inputs(
    arguments: Sequence[str], *, url: str | None, stdin: BinaryIO, max_bytes: int
) -> Iterator[Task | Failure]:
    """Every page the arguments name, in order (stdin when there are none, or for ``-``)."""
    for argument in arguments or ["-"]:
        if argument == "-":
            data = stdin.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Failure("stdin", f"input is over max_bytes={max_bytes}")
            else:
                yield Task("stdin", "stdin", data=data, url=url)
        elif is_url(argument):
            yield Task(argument, url_stem(argument), fetch_url=argument)
        elif os.path.isdir(argument):
            found = False
            for path in walk_directory(argument):
                found = True
                stem = strip_suffixes(os.path.relpath(path, argument))
                yield from _file(path, stem, url, max_bytes)
            if not found:
                yield Failure(argument, "no page or WARC files in this directory")
        elif os.path.exists(argument):
            yield from _file(argument, strip_suffixes(os.path.basename(argument)), url, max_bytes)
        else:
            yield Failure(argument, "no such file or directory")


def count_pages(arguments: Sequence[str]) -> int | None:
    """How many pages the arguments hold, for a progress bar; None if unknown (WARC)."""
    total = 0
    for argument in arguments or ["-"]:
        if os.path.isdir(argument):
            paths: Iterator[str] | list[str] = walk_directory(argument)
        else:
            paths = [argument]
        for path in paths:
            if is_warc(path):
                return None
            total += 1
    return total


def walk_directory(root: str) -> Iterator[str]:
    """The page and WARC files under ``root``, recursively, sorted, hidden entries skipped."""
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            bare = name[:-3] if name.lower().endswith(".gz") else name
            if is_warc(name) or os.path.splitext(bare)[1].lower() in PAGE_SUFFIXES:
                yield os.path.join(directory, name)


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def strip_suffixes(path: str) -> str:
    """``a/b.html.gz`` -> ``a/b``: the output name without the input's own extensions."""
    if path.lower().endswith(".gz"):
        path = path[:-3]
    base, suffix = os.path.splitext(path)
    return base if suffix.lower() in PAGE_SUFFIXES | {".warc", ".arc"} and base else path


def url_stem(url: str) -> str:
    """A file name for a fetched URL: its host and path, with anything odd made ``_``."""
    bare = url.split("://", 1)[-1].split("#", 1)[0]
    return _UNSAFE_NAME.sub("_", bare).strip("._")[:100] or "page"


def safe_stem(stem: str) -> str:
    """A relative path that stays inside the output directory (no ``..``, no root)."""
    parts = [part.lstrip(".") for part in PurePath(stem.replace("\\", "/")).parts]
    parts = [_UNSAFE_NAME.sub("_", part) for part in parts if part and part != "/"]
    return "/".join(parts) or "page"


def _file(path: str, stem: str, url: str | None, max_bytes: int) -> Iterator[Task | Failure]:
    if is_warc(path):
        yield from iter_warc(path, stem, max_bytes)
    else:
        yield Task(path, stem, path=path, url=url)


def read_page(path: str, max_bytes: int) -> bytes:
    """A page file's bytes, gunzipped if gzipped (by its magic bytes, not its name)."""
    try:
        with open(path, "rb") as stream:
            if stream.read(2) == b"\x1f\x8b":
                stream.seek(0)
                with gzip.GzipFile(fileobj=stream) as unzipped:
                    data = unzipped.read(max_bytes + 1)
            else:
                stream.seek(0)
                data = stream.read(max_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise InputError(f"corrupt gzip file: {error}") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    if len(data) > max_bytes:
        raise InputError(f"input is over max_bytes={max_bytes}")
    return data
