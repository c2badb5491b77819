"""The command line (interim): HTML from stdin or files, text or JSON out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .api import explain, extract
from .errors import BoilerkitError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="boilerkit", description="Extract the main text of web pages.")
    parser.add_argument("inputs", nargs="*", help="HTML files (default: stdin)")
    parser.add_argument("--url", help="the page's URL, for metadata and links")
    parser.add_argument("--json", action="store_true", help="print the document as JSON")
    parser.add_argument("--explain", action="store_true", help="show why each block was kept or dropped")
    parser.add_argument("--version", action="version", version=f"boilerkit {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sources = [(p, Path(p).read_bytes()) for p in args.inputs] or [("-", sys.stdin.buffer.read())]
    status = 0
    for name, data in sources:
        try:
            if args.explain:
                print(explain(data, url=args.url))
            elif args.json:
                print(json.dumps(extract(data, url=args.url).to_dict(), ensure_ascii=False))
            else:
                print(extract(data, url=args.url).text)
        except BoilerkitError as error:
            print(f"boilerkit: {name}: {error}", file=sys.stderr)
            status = 1
    return status
