"""What the command line reads: stdin, files, directories, gzip and WARC files and URLs.

Every argument becomes a stream of ``Task`` (one page to extract) or ``Failure`` (an input
that could not even be listed, with its reason), lazily and in input order, so a WARC file
of a million records is never held in memory. Files are read by the worker that extracts
them (``read_page``); stdin (``stdin.py``) and WARC records come with their bytes; URLs are
fetched by the worker.

Directories are walked recursively in sorted order, skipping hidden entries and the output
directory (were it inside, its files would be read again as inputs), and taking the files
that look like pages: HTML-ish suffixes or none, optionally gzipped, and WARC files. A file
named on the command line is always taken, whatever its name. A directory that cannot be
read is a failure, not a silent gap.

Only regular files are read. A FIFO, socket or device (which may never end, or block the
reader forever) is refused by looking at it, without opening it; opening then happens
non-blocking and is checked again, in case the name changed in between.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import Final

from .gzipped import MAGIC, GzipError, gunzip
from .stdin import Stdin
from .tasks import Failure, InputError, Task
from .warc import iter_warc

PAGE_SUFFIXES: Final = frozenset(
    {"", ".html", ".htm", ".xhtml", ".xht", ".shtml", ".php", ".asp", ".aspx", ".jsp"}
)
"""Files a directory walk takes as pages (after a ``.gz``)."""
WARC_SUFFIXES: Final = (".warc", ".warc.gz", ".arc", ".arc.gz")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def is_url(argument: str) -> bool:
    """Whether a command-line argument is a URL to fetch (rather than a file name)."""
    return argument.lower().startswith(("http://", "https://"))


def iter_inputs(
    arguments: Iterable[str],
    *,
    url: str | None,
    stdin: Stdin,
    max_bytes: int,
    exclude: Path | None = None,
) -> Iterator[Task | Failure]:
    """Every page the arguments name, in order (stdin for ``-``); never ``exclude``."""
    for argument in arguments:
        if argument == "-":
            yield from stdin.items(url)
        elif is_url(argument):
            yield Task(argument, url_stem(argument), fetch_url=argument)
        elif os.path.isdir(argument):
            found = False
            for path in walk_directory(argument, exclude):
                if isinstance(path, Failure):
                    yield path
                    continue
                found = True
                yield from _file(
                    path, strip_suffixes(os.path.relpath(path, argument)), url, max_bytes
                )
            if not found:
                yield Failure(argument, "no page or WARC files in this directory")
        elif os.path.lexists(argument):
            yield from _file(argument, strip_suffixes(os.path.basename(argument)), url, max_bytes)
        else:
            yield Failure(argument, "no such file or directory")


def count_pages(arguments: Iterable[str], exclude: Path | None = None) -> int | None:
    """How many pages the arguments hold, for a progress bar; None if unknown (WARC)."""
    total = 0
    for argument in arguments:
        if os.path.isdir(argument):
            paths: Iterable[str | Failure] = walk_directory(argument, exclude)
        else:
            paths = [argument]
        for path in paths:
            if isinstance(path, str) and is_warc(path):
                return None
            total += 1
    return total


def walk_directory(root: str, exclude: Path | None = None) -> Iterator[str | Failure]:
    """The page and WARC files under ``root``, recursively, sorted, hidden entries skipped,
    and ``exclude`` (a directory) left out; a directory that cannot be read, as a failure."""
    errors: list[OSError] = []
    skip = _identity(exclude) if exclude is not None else None
    for directory, subdirectories, files in os.walk(root, onerror=errors.append):
        yield from map(_unreadable, errors)
        errors.clear()
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith(".")
            and (skip is None or _identity(Path(directory, name)) != skip)
        )
        for name in sorted(files):
            if name.startswith("."):
                continue
            bare = name[:-3] if name.lower().endswith(".gz") else name
            if is_warc(name) or os.path.splitext(bare)[1].lower() in PAGE_SUFFIXES:
                yield os.path.join(directory, name)
    yield from map(_unreadable, errors)


def _unreadable(error: OSError) -> Failure:
    return Failure(str(error.filename), f"cannot read this directory: {error.strerror}")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


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
    if not is_warc(path):
        yield Task(path, stem, path=path, url=url)  # checked and read by the worker
        return
    try:
        refuse_special(os.stat(path))
    except (OSError, InputError) as error:
        yield Failure(path, getattr(error, "strerror", None) or str(error))
        return
    yield from iter_warc(path, stem, max_bytes)


def refuse_special(info: os.stat_result) -> None:
    """Raise ``InputError`` unless ``info`` is a regular file's."""
    if stat.S_ISREG(info.st_mode):
        return
    kinds = [
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ]
    kind = next((name for test, name in kinds if test(info.st_mode)), "not a regular file")
    raise InputError(f"{kind}, not a regular file: refused (pipe it to stdin instead)")


def read_page(path: str, max_bytes: int) -> bytes:
    """A page file's bytes, gunzipped if gzipped (by its magic bytes, not its name)."""
    try:
        refuse_special(os.stat(path))
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as stream:
            refuse_special(os.fstat(fd))  # the name may have changed since the first look
            if stream.read(len(MAGIC)) == MAGIC:
                stream.seek(0)
                data = gunzip(stream, max_bytes)
            else:
                stream.seek(0)
                data = stream.read(max_bytes + 1)
    except GzipError as error:
        raise InputError(f"corrupt gzip file: {error}") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    if len(data) > max_bytes:
        raise InputError(f"input is over max_bytes={max_bytes}")
    return data
