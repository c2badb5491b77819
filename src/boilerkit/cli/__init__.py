"""The command line: ``boilerkit`` and ``python -m boilerkit``.

Reads pages from stdin, files, directories, gzip and WARC files and URLs (``inputs``,
``warc``, ``fetch``), extracts and renders each on a pool of processes (``batch``), and
writes the results in input order (``output``). Exit status: 0 when every input went
well (or was skipped by ``--language``), 1 when some failed (each named on stderr with its
reason; the others are still written), 2 for usage errors, 130 on Ctrl-C. A reader that
goes away (``| head``) ends the run quietly: what was written stands. Bad input never
shows a traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..options import Favor, Options
from ..render import get_format
from . import args as arguments
from .batch import Job, Result, default_jobs
from .inputs import count_pages, is_url, is_warc, iter_inputs
from .output import DirectorySink, StreamSink
from .pool import run_batch
from .stdin import Stdin, read_stdin
from .tasks import printable

__all__ = ["main"]


@dataclass(slots=True)
class Tally:
    """What became of the inputs so far: the summary, and the exit status."""

    written: int = 0
    failed: int = 0
    skipped: int = 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = arguments.parser()
    args = parser.parse_args(argv)
    arguments.check(parser, args)
    if args.output_dir and os.path.exists(args.output_dir) and not os.path.isdir(args.output_dir):
        parser.error(f"--output-dir {args.output_dir}: not a directory")
    if args.input_file == "-" and "-" in args.inputs:
        parser.error("stdin cannot be both the list of inputs (-i -) and an input (-)")
    if not args.inputs and args.input_file is None and sys.stdin is not None and sys.stdin.isatty():
        parser.error("no input: name files, directories, WARC files or URLs, or pipe a page in")
    try:
        listed = _open_list(args.input_file)
    except OSError as error:
        parser.error(f"--input-file {args.input_file}: {error.strerror or error}")
    tally = Tally()
    try:
        _run(args, listed, tally)
    except KeyboardInterrupt:
        print("boilerkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): what it read was written; stop quietly, as
        # other Unix tools do, and let nothing more be flushed into the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        if listed is not None and args.input_file != "-":
            listed.close()
    return 1 if tally.failed else 0


def _open_list(path: str | None) -> BinaryIO | None:
    if path is None:
        return None
    if path != "-":
        return open(path, "rb")  # closed by main
    if sys.stdin is None:
        raise OSError("standard input is closed")
    return sys.stdin.buffer


def _listed_inputs(args: argparse.Namespace, listed: BinaryIO | None) -> Iterator[str]:
    """The inputs named on the command line, then those of ``-i FILE`` (read lazily)."""
    yield from args.inputs or ([] if listed is not None else ["-"])
    if listed is None:
        return
    for line in listed:
        name = os.fsdecode(line.rstrip(b"\r\n")).strip()
        if name:
            yield name


def _job(args: argparse.Namespace, lines: bool) -> Job:
    favor: Favor = "precision" if args.precision else "recall" if args.recall else "balanced"
    options = Options(
        include_links=args.links,
        include_images=args.images,
        include_formatting=args.formatting,
        include_tables=not args.no_tables,
        include_comments=args.comments,
        favor=favor,
        fallback=not args.no_fallback,
        max_bytes=args.max_bytes,
        time_budget=args.time_budget,
    )
    fmt = "json" if args.jsonl else args.format
    language = args.language.lower() if args.language else None
    return Job(fmt, options, args.explain, lines, args.with_markdown, args.timeout, language)


def _is_batch(args: argparse.Namespace, stdin: Stdin) -> bool:
    """Several documents may come out: more than one input, a list, a directory or a WARC."""
    inputs: list[str] = args.inputs
    return (
        args.input_file is not None
        or len(inputs) > 1
        or stdin.warc is not None
        or any(not is_url(arg) and (os.path.isdir(arg) or is_warc(arg)) for arg in inputs)
    )


def _read_stdin(args: argparse.Namespace) -> Stdin:
    """Standard input, if it is one of the inputs (read before anything else: whether it
    holds one page or a WARC decides how the output looks)."""
    if "-" in args.inputs or (not args.inputs and args.input_file is None):
        if sys.stdin is None:  # started with standard input closed (``<&-``)
            return Stdin(failure="no standard input (it is closed)")
        return read_stdin(sys.stdin.buffer, args.max_bytes)
    return Stdin()


def _run(args: argparse.Namespace, listed: BinaryIO | None, tally: Tally) -> None:
    stdin = _read_stdin(args)
    try:
        _extract_all(args, listed, stdin, tally)
    finally:
        stdin.close()


def _extract_all(
    args: argparse.Namespace, listed: BinaryIO | None, stdin: Stdin, tally: Tally
) -> None:
    batch = _is_batch(args, stdin)
    # One record per document: always with --jsonl; for JSON (JSON Lines) and CSV (a header,
    # then rows) to standard output when several documents share it. In a directory, each
    # document gets its own file.
    header = "" if args.jsonl else get_format(args.format).header
    shared = batch and not args.output_dir and (args.format == "json" or bool(header))
    lines = not args.explain and (args.jsonl or shared)
    job = _job(args, lines)
    try:
        sink: StreamSink | DirectorySink = (
            DirectorySink(
                args.output_dir,
                "text" if job.explain and job.fmt != "html" else job.fmt,
                lines=lines,
            )
            if args.output_dir
            else StreamSink(
                _unbuffered(sys.stdout.buffer),
                batch=batch,
                lines=lines,
                header=header if lines else "",
            )
        )
    except OSError as error:
        _tell(f"boilerkit: {args.output_dir}: {error.strerror or error}", None)
        tally.failed += 1
        return
    items = iter_inputs(
        _listed_inputs(args, listed),
        url=args.url,
        stdin=stdin,
        max_bytes=job.options.max_bytes,
        exclude=sink.root,
    )
    jobs = args.jobs or default_jobs()
    progress = _progress(args, sink.root) if batch else None
    try:
        for result in run_batch(items, job, jobs, isolate=batch):
            _record(result, sink, tally, progress, batch=batch)
            del result  # a 60 MB page's text must not stay alive while the next is read
    finally:
        problem = sink.close()
        if progress is not None:
            progress.close()
    if problem:
        tally.failed += 1
        _tell(f"boilerkit: {problem}", None)
    if batch and not args.quiet and (tally.failed or tally.skipped):
        _tell(_summary(tally, job.language), None)


def _unbuffered(stream: BinaryIO) -> BinaryIO:
    """Standard output's file itself, so a failed write fails its own document's write
    (a buffer would keep the failed bytes and fail the next document's instead)."""
    raw = getattr(stream, "raw", None)
    return raw if isinstance(raw, io.RawIOBase) else stream  # type: ignore[return-value]


def _record(
    result: Result, sink: StreamSink | DirectorySink, tally: Tally, progress: Any, *, batch: bool
) -> None:
    """Write one result, or say why there is none; count it either way."""
    if result.error is not None:
        tally.failed += 1
        _tell(f"boilerkit: {result.name}: {result.error}", progress)
    elif result.skipped is not None:
        tally.skipped += 1
        if not batch:  # in a batch, the summary counts them: one line each would drown it
            _tell(f"boilerkit: {result.name}: skipped ({result.skipped})", progress)
    else:
        try:
            sink.write(result)
        except BrokenPipeError:
            raise
        except (OSError, UnicodeError) as error:
            tally.failed += 1
            reason = getattr(error, "strerror", None) or error
            _tell(f"boilerkit: {result.name}: cannot write the output: {reason}", progress)
        else:
            tally.written += 1
    if progress is not None:
        progress.update()


def _summary(tally: Tally, language: str | None) -> str:
    parts = [f"{tally.written} written", f"{tally.failed} failed"]
    if tally.skipped or language:
        parts.append(f"{tally.skipped} skipped (not in language {language})")
    return "boilerkit: " + ", ".join(parts)


def _progress(args: argparse.Namespace, exclude: Path | None) -> Any:
    """A progress bar on stderr, only when a person is watching it."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked later
    total = None if args.input_file is not None else count_pages(args.inputs or ["-"], exclude)
    return tqdm(total=total, file=sys.stderr, unit="page", dynamic_ncols=True)


def _tell(message: str, progress: Any) -> None:
    """A message on stderr, with file names and servers' words made safe for a terminal."""
    message = printable(message)
    if progress is not None:
        progress.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)
