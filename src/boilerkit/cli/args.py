"""The command line's arguments: the parser, and the checks argparse cannot make itself.

Abbreviated options are off (``allow_abbrev=False``): with them ``--json`` silently meant
``--jsonl`` and ``--form`` meant ``--format``, and adding an option could change what an
existing script's abbreviation means. ``-f`` takes its choices from the render format
registry, so a renderer added there is on the command line without another change here.
"""

from __future__ import annotations

import argparse
import re
from typing import Final

from .. import __version__
from ..options import Options
from ..render import FORMATS

_DEFAULT_OPTIONS: Final = Options()
LANGUAGE_CODE: Final = re.compile(r"[A-Za-z]{2,3}")
"""What ``--language`` takes: an ISO 639 code (``de``, ``fr``, ``haw``)."""

EXAMPLES = """\
examples:
  curl -s https://example.org/post | boilerkit          main text of a piped page
  zcat crawl.warc.gz | boilerkit --jsonl                stdin may be gzip or a WARC too
  boilerkit page.html --url https://example.org/post -f markdown --links
  boilerkit https://example.org/post --json             fetch, then extract
  boilerkit -i urls.txt --jsonl --language de           inputs listed in a file, German only
  boilerkit crawl/ -o out/ -f markdown                  a directory (recursive, .gz too)
  boilerkit crawl.warc.gz --jsonl > docs.jsonl          every HTML response of a WARC
  boilerkit page.html --explain                         why each block was kept or dropped

exit status: 0 all inputs done (or skipped by --language), 1 some inputs failed (named on
stderr), 2 usage error; a closed output pipe (| head) ends quietly
"""


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boilerkit",
        description="Extract the main text of web pages as text, Markdown, JSON or clean HTML.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="HTML file (gzipped or not), directory (recursively), WARC file (.warc, "
        ".warc.gz), http(s) URL, or - for stdin (the default; gzip and WARC are recognised)",
    )
    parser.add_argument(
        "-i", "--input-file", metavar="FILE", help="read inputs from FILE, one per line (- stdin)"
    )
    _output_arguments(parser.add_argument_group("output"))
    _extraction_arguments(parser.add_argument_group("extraction"))
    run = parser.add_argument_group("batch")
    run.add_argument("-j", "--jobs", type=int, metavar="N", help="processes (default: all cores)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    parser.add_argument("--version", action="version", version=f"boilerkit {__version__}")
    return parser


def _output_arguments(out: argparse._ArgumentGroup) -> None:
    out.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="text",
        help="output format (default: text)",
    )
    out.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="JSON: pretty-printed for one input, one document per line for several",
    )
    out.add_argument("--jsonl", action="store_true", help="JSON, one document per line")
    out.add_argument("--with-markdown", action="store_true", help="add Markdown to JSON output")
    out.add_argument("-o", "--output-dir", metavar="DIR", help="write one file per input here")
    out.add_argument("--explain", action="store_true", help="why each block was kept or dropped")


def _extraction_arguments(opts: argparse._ArgumentGroup) -> None:
    opts.add_argument("--url", help="the page's URL (for metadata and relative links)")
    opts.add_argument(
        "--language",
        metavar="CODE",
        help="keep only documents in this language (ISO 639 code: de, fr...); skip the others",
    )
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
        help="larger pages fail, also once decompressed (default: %(default)s)",
    )
    opts.add_argument(
        "--time-budget",
        type=float,
        default=_DEFAULT_OPTIONS.time_budget,
        metavar="S",
        help="seconds one page may take (default: %(default)s)",
    )
    opts.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="S",
        help="for a URL: the whole fetch, connect to last byte (default: %(default)s)",
    )


def check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Exit with status 2 for values argparse's types let through."""
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if not args.max_bytes >= 1 or not args.timeout > 0 or not args.time_budget > 0:
        parser.error("--max-bytes, --timeout and --time-budget must be positive")
    if args.timeout == float("inf") or args.time_budget == float("inf"):
        parser.error("--timeout and --time-budget must be finite")
    if args.language is not None and not LANGUAGE_CODE.fullmatch(args.language):
        parser.error(f"--language {args.language!r}: expected an ISO 639 code such as de or fr")
