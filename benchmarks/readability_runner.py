"""Run readability-lxml over the corpora from its own virtual environment.

readability-lxml pins ``chardet<6`` while boilerkit needs ``chardet>=7``, so it cannot share
boilerkit's environment. ``run.py`` calls this script with the other environment's Python
and reads the JSON it writes: per page, the extracted text and the extraction time.

Set the environment up once with::

    python -m venv /tmp/readability-venv
    /tmp/readability-venv/bin/pip install readability-lxml lxml_html_clean

Usage: ``readability_runner.py OUT.json CORPUS [CORPUS ...] [--limit N]``.
The input is the raw page bytes, as for every other system; readability-lxml decodes them
itself. The timed part is ``Document(html).summary()`` plus turning that HTML into text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib import metadata
from pathlib import Path

from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpora import load_corpus

_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)


def summary_text(summary_html: str) -> str:
    """The text of readability's HTML summary, with a line break after each block.

    ``text_content`` alone would glue the last word of a paragraph to the first of the
    next, which breaks both snippet and token matching.
    """
    if not summary_html.strip():
        return ""
    root = lxml_html.fromstring(summary_html)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return str(root.text_content())


def main() -> int:
    """Extract every page of the named corpora and write texts and times as JSON."""
    from readability import Document

    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("corpora", nargs="+")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    result: dict[str, object] = {"version": metadata.version("readability-lxml")}
    for name in args.corpora:
        corpus = load_corpus(name, limit=args.limit)
        pages: dict[str, dict[str, object]] = {}
        Document(corpus.pages[0].html).summary()  # warm-up, not timed
        for page in corpus.pages:
            start = time.perf_counter()
            try:
                text = summary_text(Document(page.html).summary())
            except Exception as error:  # a peer's crash scores as empty output, not a stop
                print(f"readability-lxml failed on {name}/{page.id}: {error!r}", file=sys.stderr)
                text = ""
            elapsed = (time.perf_counter() - start) * 1000
            pages[page.id] = {"text": text, "ms": elapsed}
        result[name] = {"digest": corpus.digest, "pages": pages}
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
