"""The command line: ``boilerkit`` and ``python -m boilerkit``.

Reads pages from stdin, files, directories, gzip and WARC files and URLs (``inputs``,
``warc``, ``fetch``), extracts and renders each on a pool of processes (``batch``), and
writes the results in input order (``output``). Exit status: 0 when every input went
well, 1 when some failed (each named on stderr with its reason; the others are still
written), 2 for usage errors. Bad input never shows a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..options import Favor, Options
from ..render import FORMATS
from .batch import Job, Result, default_jobs, run_batch
from .fetch import is_url
from .inputs import count_pages, is_warc, iter_inputs
from .output import DirectorySink, StreamSink

__all__ = ["main"]

_DEFAULT_OPTIONS = Options()

EXAMPLES = """\
examples:
  curl -s https://example.org/post | boilerkit          main text of a piped page
  boilerkit page.html --url https://example.org/post -f markdown --links
  boilerkit https://example.org/post -f json            fetch, then extract
  boilerkit crawl/ -o out/ -f markdown                  a directory (recursive, .gz too)
  boilerkit crawl.warc.gz --jsonl > docs.jsonl          every HTML response of a WARC
  boilerkit page.html --explain                         why each block was kept or dropped

exit status: 0 all inputs done, 1 some inputs failed (named on stderr), 2 usage error
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boilerkit",
        description="Extract the main text of web pages as text, Markdown, JSON or clean HTML.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="HTML file (gzipped or not), directory (recursively), WARC file (.warc, "
        ".warc.gz), http(s) URL, or - for stdin (the default)",
    )
    out = parser.add_argument_group("output")
    out.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="text",
        help="output format (default: text)",
    )
    out.add_argument("--jsonl", action="store_true", help="JSON, one document per line")
    out.add_argument("--with-markdown", action="store_true", help="add Markdown to JSON output")
    out.add_argument("-o", "--output-dir", metavar="DIR", help="write one file per input here")
    out.add_argument("--explain", action="store_true", help="why each block was kept or dropped")
    opts = parser.add_argument_group("extraction")
    opts.add_argument("--url", help="the page's URL (for metadata and relative links)")
    opts.add_argument("--links", action="store_true", help="keep links (Markdown, HTML)")
    opts.add_argument("--images", action="store_true", help="keep images (Markdown, HTML)")
    opts.add_argument("--formatting", action="store_true", help="keep bold/italic (Markdown)")
    opts.add_argument("--no-tables", action="store_true", help="leave data tables out")
    opts.add_argument("--comments", action="store_true", help="add the page's comments")
    favor = opts.add_mutually_exclusive_group()
    favor.add_argument("--precision", action="store_true", help="less noise, maybe less text")
    favor.add_argument("--recall", action="store_true", help="more text, maybe more noise")
    opts.add_argument("--no-fallback", action="store_true", help="never ask trafilatura")
    opts.add_argument(
        "--max-bytes",
        type=int,
        default=_DEFAULT_OPTIONS.max_bytes,
        metavar="N",
        help="larger pages fail (default: %(default)s)",
    )
    opts.add_argument(
        "--time-budget",
        type=float,
        default=_DEFAULT_OPTIONS.time_budget,
        metavar="S",
        help="seconds one page may take (default: %(default)s)",
    )
    opts.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="for URLs (default: %(default)s)"
    )
    run = parser.add_argument_group("batch")
    run.add_argument("-j", "--jobs", type=int, metavar="N", help="processes (default: all cores)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--version", action="version", version=f"boilerkit {__version__}")
    return parser


def _job(args: argparse.Namespace) -> Job:
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
    return Job(fmt, options, args.explain, args.jsonl, args.with_markdown, args.timeout)


def _is_batch(inputs: Sequence[str]) -> bool:
    """Several documents may come out: more than one input, a directory or a WARC file."""
    return len(inputs) > 1 or any(
        not is_url(arg) and (os.path.isdir(arg) or is_warc(arg)) for arg in inputs
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.max_bytes < 1 or args.timeout <= 0 or args.time_budget <= 0:
        parser.error("--max-bytes, --timeout and --time-budget must be positive")
    if args.output_dir and os.path.exists(args.output_dir) and not os.path.isdir(args.output_dir):
        parser.error(f"--output-dir {args.output_dir}: not a directory")
    if not args.inputs and sys.stdin.isatty():
        parser.error("no input: name files, directories, WARC files or URLs, or pipe a page in")
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("boilerkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _run(args: argparse.Namespace) -> int:
    job = _job(args)
    batch = _is_batch(args.inputs)
    lines = job.fmt == "json" and not job.explain and (args.jsonl or batch)
    try:
        sink: StreamSink | DirectorySink = (
            DirectorySink(
                args.output_dir,
                "text" if job.explain and job.fmt != "html" else job.fmt,
                lines=lines,
            )
            if args.output_dir
            else StreamSink(sys.stdout.buffer, batch=batch, lines=lines)
        )
    except OSError as error:
        print(f"boilerkit: {args.output_dir}: {error.strerror or error}", file=sys.stderr)
        return 1
    items = iter_inputs(
        args.inputs, url=args.url, stdin=sys.stdin.buffer, max_bytes=job.options.max_bytes
    )
    jobs = (args.jobs or default_jobs()) if batch else 1
    progress = _progress(args) if batch else None
    failures = 0
    for result in run_batch(items, job, jobs):
        problem = result.error or _write(sink, result)
        if problem:
            failures += 1
            _tell(f"boilerkit: {result.name}: {problem}", progress)
        if progress is not None:
            progress.update()
    sink.close()
    if progress is not None:
        progress.close()
    return 1 if failures else 0


def _write(sink: StreamSink | DirectorySink, result: Result) -> str | None:
    try:
        sink.write(result)
    except BrokenPipeError:
        raise
    except OSError as error:
        return f"cannot write the output: {error.strerror or error}"
    return None


def _progress(args: argparse.Namespace) -> Any:
    """A progress bar on stderr, only when a person is watching it."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked later
    return tqdm(total=count_pages(args.inputs), file=sys.stderr, unit="page", dynamic_ncols=True)


def _tell(message: str, progress: Any) -> None:
    if progress is not None:
        progress.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)
