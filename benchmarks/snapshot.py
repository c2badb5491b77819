"""Snapshot every output boilerkit gives on the fixtures and both corpora, and diff two snapshots.

A refactor that claims "no change in behaviour" proves it here: take a snapshot before,
one after, and ``diff`` them. Each page records the document's JSON, its Markdown and
its explain view, so a change in any field, any format or any verdict shows.

    python benchmarks/snapshot.py take before.jsonl.gz        # on the old code
    python benchmarks/snapshot.py take after.jsonl.gz         # on the new code
    python benchmarks/snapshot.py diff before.jsonl.gz after.jsonl.gz

``take --pure`` sets ``BOILERKIT_PURE=1`` first, so the compiled and pure paths can be
compared the same way. ``take --rich`` also records each page extracted with links,
images, formatting and comments, as Markdown and HTML (the default record leaves links'
URLs out; a change in how links resolve shows only here). Compare a ``--rich`` snapshot
with another ``--rich`` one. Corpora absent from ``../shared/datasets`` are left out (and said).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpora import CORPUS_NAMES, available, load_corpus

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _pages() -> Iterator[tuple[str, bytes, str | None]]:
    """(key, page bytes, url) for every fixture and every corpus page, in a fixed order."""
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "source.html").exists()):
        meta = folder / "expected.json"
        url = json.loads(meta.read_text("utf-8")).get("url") if meta.exists() else None
        yield f"fixture/{folder.name}", (folder / "source.html").read_bytes(), url
    for name in CORPUS_NAMES:
        if not available(name):
            print(f"snapshot: corpus {name} absent, left out", file=sys.stderr)
            continue
        for page in load_corpus(name).pages:
            yield f"{name}/{page.id}", page.html, getattr(page, "url", None) or None


def _record(html: bytes, url: str | None, rich: bool) -> dict[str, str]:
    import boilerkit

    try:
        explanation = boilerkit.explain(html, url=url)
    except boilerkit.BoilerkitError as error:
        return {"error": f"{type(error).__name__}: {error}"}
    document = explanation.document
    record = {
        "json": document.to_json(),
        "markdown": document.to_markdown(),
        "explain": str(explanation),
    }
    if rich:
        options = boilerkit.Options(  # everything the renderers can show
            include_links=True, include_images=True, include_formatting=True, include_comments=True
        )
        full = boilerkit.extract(html, url=url, options=options)
        record["rich_markdown"] = full.to_markdown(options)
        record["rich_html"] = full.to_html(options)
    return record


def take(out: Path, rich: bool = False) -> int:
    count = 0
    with gzip.open(out, "wt", encoding="utf-8") as sink:
        for key, html, url in _pages():
            record = {"key": key, **_record(html, url, rich)}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    print(f"snapshot: {count} pages written to {out}")
    return 0


def _load(path: Path) -> dict[str, dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as source:
        return {rec["key"]: rec for rec in map(json.loads, source)}


def diff(before: Path, after: Path, show: int) -> int:
    old, new = _load(before), _load(after)
    changed = [k for k in old if k in new and old[k] != new[k]]
    missing = sorted(old.keys() ^ new.keys())
    for key in changed[:show]:
        fields = [
            f
            for f in ("json", "markdown", "explain", "error", "rich_markdown", "rich_html")
            if old[key].get(f) != new[key].get(f)
        ]
        print(f"CHANGED {key}: {', '.join(fields)}")
    for key in missing[:show]:
        print(f"ONLY IN ONE {key}")
    print(
        f"snapshot diff: {len(old)} vs {len(new)} pages, {len(changed)} changed, "
        f"{len(missing)} in one only"
    )
    return 1 if changed or missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    take_p = sub.add_parser("take", help="write a snapshot")
    take_p.add_argument("out", type=Path)
    take_p.add_argument("--pure", action="store_true", help="force the pure-Python path")
    take_p.add_argument(
        "--rich", action="store_true", help="also record links, images and comments"
    )
    diff_p = sub.add_parser("diff", help="compare two snapshots; exit 1 on any difference")
    diff_p.add_argument("before", type=Path)
    diff_p.add_argument("after", type=Path)
    diff_p.add_argument("--show", type=int, default=20, help="how many differences to list")
    args = parser.parse_args()
    if args.command == "take":
        if args.pure:
            os.environ["BOILERKIT_PURE"] = "1"
        return take(args.out, rich=args.rich)
    return diff(args.before, args.after, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
