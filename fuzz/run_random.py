"""The long fuzz run without coverage guidance: seeded, parallel, hang-aware, replayable.

    python fuzz/run_random.py --cases 100000 --workers 2 --seed 1

Case ``i`` of seed ``s`` is generated from ``random.Random(f"{s}:{i}")`` in one of four
families, so any case can be regenerated from its number alone:

- ``noise``: random bytes (up to 4 KB);
- ``mutant``: a seed page from ``fuzz/seeds`` truncated, with bytes flipped, fragments of
  tag soup inserted, spans deleted or duplicated and tags shuffled;
- ``tree``: a random DOM tree of block, inline, void, odd and raw-text elements with
  random attributes, mis-nested and unclosed tags, entities and control characters;
- ``text``: a random ``str`` with controls and lone surrogates.

Every case goes through ``harness.check_input`` (one in ten twice, for determinism). A case
that raises anything but a ``BoilerkitError``, breaks the text contract, or runs past
``--hang`` seconds is written to ``fuzz/findings/`` as a harness input (with the seed,
case number and traceback beside it), ready to move to ``fuzz/regressions/``.
"""

from __future__ import annotations

import argparse
import faulthandler
import hashlib
import multiprocessing
import random
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import check_input  # noqa: E402  (the harness sits beside this script)

SEEDS = [path.read_bytes() for path in sorted((HERE / "seeds").iterdir())]
TAGS = (
    "div", "p", "span", "a", "b", "i", "em", "strong", "article", "section", "main", "aside",
    "nav", "header", "footer", "h1", "h2", "h3", "ul", "ol", "li", "table", "tr", "td", "th",
    "tbody", "pre", "code", "blockquote", "figure", "figcaption", "form", "label", "font",
    "center", "br", "hr", "img", "input", "meta", "link", "base", "script", "style",
    "template", "noscript", "iframe", "frameset", "frame", "svg", "math", "title", "head",
    "body", "html", "textarea", "select", "option", "plaintext", "xmp", "x-y", "o:p",
)  # fmt: skip
SOUP = (
    "<", ">", "&", "&#", "&#1;", "&#xD800;", "&amp", "&nbsp;", "</p>", "<p>", "<!--", "-->",
    "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>", "\x00", "\x0c", "\ufeff",
    "<script>", "</script>", "<style>", "<title>", "<table>", '"', "'", "=", "/>",
)  # fmt: skip
WORDS = (
    "the", "news", "article", "said", "café", "Straße", "Москва", "αθήνα", "中文", "日本語",
    "عربي", "2024-01-02", "€5",
)  # fmt: skip
ATTR_NAMES = ("class", "id", "href", "style", "hidden", "x", "a\x01", "on\u00e9")
ATTR_VALUES = (*WORDS, "display:none", "javascript:x", "http://[::1", "\x01", "&#1;")


def _noise(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randrange(4000))


def _mutant(rng: random.Random) -> bytes:
    data = bytearray(rng.choice(SEEDS))
    for _ in range(rng.randrange(1, 9)):
        op, at = rng.randrange(6), rng.randrange(1, len(data) + 1)
        if op == 0:
            del data[at:]
        elif op == 1 and at < len(data):
            data[at] = rng.randrange(256)
        elif op == 2:
            data[at:at] = rng.choice(SOUP).encode("utf-8", "surrogatepass")
        elif op == 3:
            del data[at : at + rng.randrange(1, 40)]
        elif op == 4:
            data[at:at] = data[at : at + rng.randrange(1, 200)] * rng.randrange(1, 50)
        else:
            data = bytearray(_shuffle_tags(bytes(data), rng))
    return bytes(data)


def _shuffle_tags(data: bytes, rng: random.Random) -> bytes:
    parts = data.split(b"<")
    head, tags = parts[:1], parts[1:]
    rng.shuffle(tags)
    return b"<".join(head + tags)


def _tree(rng: random.Random, budget: list[int]) -> str:
    """Random markup of at most ``budget[0]`` nodes (shared across the recursion)."""
    out = []
    for _ in range(rng.randrange(1, 6)):
        budget[0] -= 1
        roll = rng.random()
        if roll < 0.35 or budget[0] <= 0:
            out.append(" ".join(rng.choices(WORDS, k=rng.randrange(1, 15))))
        elif roll < 0.45:
            out.append(rng.choice(SOUP))
        else:
            tag = rng.choice(TAGS)
            attrs = "".join(
                f' {rng.choice(ATTR_NAMES)}="{rng.choice(ATTR_VALUES)}"'
                for _ in range(rng.randrange(3))
            )
            end = rng.choice((f"</{tag}>", f"</{tag}>", "", "</div>"))
            out.append(f"<{tag}{attrs}>{_tree(rng, budget)}{end}")
    return "".join(out)


def _text(rng: random.Random) -> str:
    return "".join(
        chr(rng.choice((rng.randrange(0x80), rng.randrange(0x110000))))
        for _ in range(rng.randrange(400))
    )


def make_case(seed: int, index: int) -> tuple[str, bytes]:
    """Case ``index`` of ``seed``: its family and the harness input (mode byte + body)."""
    rng = random.Random(f"{seed}:{index}")
    family = rng.choice(("noise", "mutant", "mutant", "tree", "tree", "text"))
    mode = rng.randrange(256)
    if family == "noise":
        return family, bytes([mode]) + _noise(rng)
    if family == "mutant":
        return family, _mutant(rng)
    body = _tree(rng, [rng.randrange(10, 300)]) if family == "tree" else _text(rng)
    mode = (mode & 0xF0) | rng.choice((0, 1, 8, 9))  # bytes (utf-8 / declared) or str
    errors = "surrogatepass" if mode & 8 else "replace"  # str mode: lone surrogates
    return family, bytes([mode]) + body.encode("utf-8", errors)


class Hang(Exception):
    """Raised by SIGALRM in a worker: the case ran past ``--hang`` seconds."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def _record(findings: Path, data: bytes, header: str) -> None:
    name = hashlib.sha1(data).hexdigest()[:16]
    findings.mkdir(exist_ok=True)
    (findings / name).write_bytes(data)
    (findings / f"{name}.txt").write_text(f"{header}\n{traceback.format_exc()}")


def run_case(job: tuple[int, int, float, Path]) -> tuple[str, str]:
    """One case in a worker. A hang in Python code is interrupted by SIGALRM; one in C
    code (where signals wait) is ended by ``faulthandler``, which kills the worker."""
    seed, index, hang, findings = job
    family, data = make_case(seed, index)
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, hang)
    faulthandler.dump_traceback_later(hang * 3, exit=True)
    try:
        try:
            outcome = check_input(data, repeat=index % 10 == 0)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            faulthandler.cancel_dump_traceback_later()
    except Hang:
        _record(findings, data, f"seed {seed} case {index}: HANG over {hang} s")
        outcome = "FAIL hang"
    except BaseException as error:  # a fuzz runner records every failure
        _record(findings, data, f"seed {seed} case {index}")
        outcome = f"FAIL {type(error).__name__}"
    return family, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--start", type=int, default=0, help="first case number")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--hang", type=float, default=60.0, help="seconds before a case is a hang")
    parser.add_argument("--findings", type=Path, default=HERE / "findings")
    args = parser.parse_args()
    jobs = [
        (args.seed, i, args.hang, args.findings) for i in range(args.start, args.start + args.cases)
    ]
    counts: Counter[tuple[str, str]] = Counter()
    started = time.monotonic()
    with multiprocessing.get_context("spawn").Pool(args.workers, maxtasksperchild=2000) as pool:
        results = pool.imap_unordered(run_case, jobs)
        for done in range(1, len(jobs) + 1):
            try:
                counts[results.next(timeout=args.hang * 3 + 120)] += 1
            except multiprocessing.TimeoutError:
                counts[("?", "FAIL worker lost (hang in C code?)")] += 1
                break
            if done % 5000 == 0:
                print(f"{done} cases, {time.monotonic() - started:.0f} s", flush=True)
    failures = sum(n for (_, outcome), n in counts.items() if outcome.startswith("FAIL"))
    print(
        f"{sum(counts.values())} cases in {time.monotonic() - started:.0f} s,"
        f" {failures} failures (seed {args.seed}, cases {args.start}..)"
    )
    for (family, outcome), n in sorted(counts.items()):
        print(f"  {family:7s} {outcome:26s} {n}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
