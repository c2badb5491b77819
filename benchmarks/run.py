"""The benchmark: every system on both corpora in one run, one table.

    python benchmarks/run.py                       # everything; rewrites docs/benchmarks.md
    python benchmarks/run.py --only boilerkit      # quick: boilerkit alone, both corpora
    python benchmarks/run.py --only boilerkit --errors 15   # the worst pages and why
    python benchmarks/run.py --only boilerkit --versus trafilatura   # where it trails the peer
    python benchmarks/run.py --only boilerkit --jobs 2 # quality only, pages over 2 processes
    python benchmarks/run.py --corpus readability-test-pages --limit 20 --dump /tmp/out

Only a full run (all systems, both corpora, no limit) rewrites ``docs/benchmarks.md``,
unless ``--write`` asks for it. Times cover the extraction call alone: corpora are loaded
and decompressed first, each system gets one untimed warm-up call, and the systems take
turns page by page so that they all see the same machine load.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import report
from benchmarks.corpora import (
    CORPUS_NAMES,
    Corpus,
    ReferencePage,
    SnippetPage,
    available,
    datasets_dir,
    load_corpus,
)
from benchmarks.metrics import (
    Scores,
    ShingleMatch,
    SnippetMatch,
    match_shingles,
    match_snippets,
    shingle_scores,
    snippet_scores,
)
from benchmarks.systems import SYSTEMS, Extractor

READABILITY = "readability-lxml"
ALL_SYSTEMS = (*SYSTEMS, READABILITY)
DEFAULT_READABILITY_PYTHON = "/tmp/readability-venv/bin/python"


@dataclass(frozen=True, slots=True)
class Output:
    """One system's text for one page and how long the extraction took."""

    text: str
    ms: float


@dataclass(frozen=True, slots=True)
class Result:
    """One system on one corpus: summary scores, times and the per-page verdicts."""

    system: str
    corpus: Corpus
    scores: Scores
    outputs: tuple[Output, ...]
    matches: tuple[SnippetMatch, ...] | tuple[ShingleMatch, ...]

    @property
    def times(self) -> list[float]:
        """Milliseconds per page, in page order."""
        return [output.ms for output in self.outputs]

    def page_f1(self, index: int) -> float:
        """One page's own F1, to rank pages worst first (the corpus F1 is not their mean)."""
        match = self.matches[index]
        return match.counts.f1() if isinstance(match, SnippetMatch) else match.f1


def _timed_call(system: str, label: str, html: bytes) -> Output:
    """One timed extraction; a crash scores as an empty output (and is reported)."""
    extractor: Extractor = SYSTEMS[system]
    start = time.perf_counter()
    try:
        text = extractor(html) or ""
    except Exception as error:  # benchmark edge: a crash scores as a full miss
        print(f"{system} failed on {label}: {error!r}", file=sys.stderr)
        text = ""
    return Output(text, (time.perf_counter() - start) * 1000)


def extract_all(system: str, corpus: Corpus, jobs: int = 1) -> list[Output]:
    """Run one system over a corpus, timing each call.

    With ``jobs > 1`` the pages are spread over that many worker processes: quicker for
    tuning, but the times then include contention and are not comparable.
    """
    if jobs > 1:
        labels = [f"{corpus.name}/{page.id}" for page in corpus.pages]
        pages = [page.html for page in corpus.pages]
        context = multiprocessing.get_context("spawn")  # forking a threaded process is unsafe
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            return list(pool.map(_timed_call, [system] * len(pages), labels, pages, chunksize=8))
    return extract_interleaved([system], corpus)[system]


def extract_interleaved(systems: list[str], corpus: Corpus) -> dict[str, list[Output]]:
    """Run several systems over a corpus, page by page, each system in turn on each page.

    Interleaving exposes every system to the same machine load, so the time ratios hold
    even when the load drifts during the run (the machine is shared).
    """
    for system in systems:  # warm-up, untimed; a crash here is reported by the timed call
        with contextlib.suppress(Exception):
            SYSTEMS[system](corpus.pages[0].html)
    outputs: dict[str, list[Output]] = {system: [] for system in systems}
    for page in corpus.pages:
        for system in systems:
            outputs[system].append(_timed_call(system, f"{corpus.name}/{page.id}", page.html))
    return outputs


def score(system: str, corpus: Corpus, outputs: list[Output]) -> Result:
    """Apply the corpus's metric to the outputs."""
    if all(isinstance(page, SnippetPage) for page in corpus.pages):
        snippet_matches = tuple(
            match_snippets(out.text, page.expected, page.unwanted)
            for page, out in zip(corpus.pages, outputs, strict=True)
            if isinstance(page, SnippetPage)
        )
        scores = snippet_scores(m.counts for m in snippet_matches)
        return Result(system, corpus, scores, tuple(outputs), snippet_matches)
    shingle_matches = tuple(
        match_shingles(out.text, page.expected_text)
        for page, out in zip(corpus.pages, outputs, strict=True)
        if isinstance(page, ReferencePage)
    )
    return Result(system, corpus, shingle_scores(shingle_matches), tuple(outputs), shingle_matches)


def readability_outputs(
    corpora: list[Corpus], python: str, limit: int | None
) -> tuple[dict[str, list[Output]], str] | None:
    """readability-lxml's outputs per corpus, from its own environment (cached by digest).

    Returns ``None`` (and says why) when that environment is missing or the run fails.
    """
    if not Path(python).exists():
        print(f"readability-lxml skipped: no environment at {python} "
              "(see benchmarks/readability_runner.py)", file=sys.stderr)  # fmt: skip
        return None
    key = "-".join(c.digest[:12] for c in corpora)
    cache = Path(tempfile.gettempdir()) / "boilerkit-bench" / f"readability-{key}.json"
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        runner = Path(__file__).resolve().parent / "readability_runner.py"
        command = [python, str(runner), str(cache), *(c.name for c in corpora)]
        if limit is not None:
            command += ["--limit", str(limit)]
        print(f"running readability-lxml in {python} ...", file=sys.stderr)
        if subprocess.run(command, check=False).returncode != 0:
            print("readability-lxml skipped: its runner failed", file=sys.stderr)
            return None
    data = json.loads(cache.read_text(encoding="utf-8"))
    outputs = {}
    for corpus in corpora:
        pages = data[corpus.name]["pages"]
        outputs[corpus.name] = [
            Output(pages[p.id]["text"], pages[p.id]["ms"]) for p in corpus.pages
        ]
    return outputs, str(data["version"])


def _peer_cache(system: str, corpus: Corpus) -> Path:
    """Where a peer's outputs on a corpus are kept: peers do not change while tuning."""
    name = f"{system}-{report.system_version(system)}-{corpus.name}-{corpus.digest[:16]}.json"
    folder = Path(tempfile.gettempdir()) / "boilerkit-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def peer_outputs(system: str, corpus: Corpus, jobs: int) -> list[Output]:
    """A peer's outputs for ``--versus``: from the cache of an earlier run, else computed."""
    cache = _peer_cache(system, corpus)
    if cache.exists():
        return [Output(text, ms) for text, ms in json.loads(cache.read_text(encoding="utf-8"))]
    print(f"{system} on {corpus.name} (for --versus) ...", file=sys.stderr)
    outputs = extract_all(system, corpus, jobs)
    cache.write_text(json.dumps([[o.text, o.ms] for o in outputs]), encoding="utf-8")
    return outputs


def print_versus(args: argparse.Namespace, corpora: list[Corpus], results: list[Result]) -> None:
    """For each corpus, the pages where the first system trails the ``--versus`` peer most."""
    for corpus in corpora:
        mine = next(r for r in results if r.corpus is corpus)
        ran = [r for r in results if r.corpus is corpus and r.system == args.versus]
        peer = (
            ran[0]
            if ran
            else score(args.versus, corpus, peer_outputs(args.versus, corpus, args.jobs))
        )
        report.print_versus(mine, peer, args.errors or 15)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only", action="append", choices=ALL_SYSTEMS, help="run only this system (repeatable)"
    )
    parser.add_argument(
        "--corpus", action="append", choices=CORPUS_NAMES, help="run only this corpus (repeatable)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="spread pages over N processes: faster tuning, times not comparable",
    )
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    parser.add_argument(
        "--errors",
        type=int,
        metavar="N",
        default=0,
        help="list the N pages with the worst F1 of the first system, and why",
    )
    parser.add_argument(
        "--versus",
        choices=[name for name in SYSTEMS if name != "boilerkit"],
        help="list the pages where the first system trails this peer most (peer outputs cached)",
    )
    parser.add_argument(
        "--dump",
        type=Path,
        metavar="DIR",
        help="write every page's output (and what went wrong) under DIR",
    )
    parser.add_argument(
        "--write", action="store_true", help="rewrite docs/benchmarks.md even for a partial run"
    )
    parser.add_argument(
        "--readability-python",
        default=DEFAULT_READABILITY_PYTHON,
        help="the Python of readability-lxml's own environment",
    )
    return parser.parse_args(argv)  # fmt: skip


def run_all(args: argparse.Namespace, corpora: list[Corpus]) -> tuple[list[Result], dict[str, str]]:
    """Every requested system on every loaded corpus; also the versions that ran."""
    systems = args.only or list(ALL_SYSTEMS)
    in_process = [system for system in systems if system in SYSTEMS]
    versions = {system: report.system_version(system) for system in in_process}
    results: list[Result] = []
    for corpus in corpora:
        print(f"{', '.join(in_process)} on {corpus.name} ...", file=sys.stderr)
        if args.jobs > 1:
            outputs = {system: extract_all(system, corpus, args.jobs) for system in in_process}
        else:
            outputs = extract_interleaved(in_process, corpus)
        for system in in_process:
            if system != "boilerkit" and args.jobs == 1:
                _peer_cache(system, corpus).write_text(
                    json.dumps([[o.text, o.ms] for o in outputs[system]]), encoding="utf-8"
                )
            results.append(score(system, corpus, outputs[system]))
    if READABILITY in systems:
        found = readability_outputs(corpora, args.readability_python, args.limit)
        if found is not None:
            per_corpus, versions[READABILITY] = found
            results += [score(READABILITY, c, per_corpus[c.name]) for c in corpora]
    return results, versions


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = args.corpus or list(CORPUS_NAMES)
    missing = [name for name in names if not available(name)]
    if missing:
        print(f"corpora not found under {datasets_dir()}: {', '.join(missing)}", file=sys.stderr)
        names = [name for name in names if name not in missing]
        if not names:
            return 1
    corpora = [load_corpus(name, limit=args.limit) for name in names]
    results, versions = run_all(args, corpora)
    table = report.table(results)
    print(table)
    if args.errors:
        report.print_errors([r for r in results if r.system == results[0].system], args.errors)
    if args.versus:
        print_versus(args, corpora, results)
    if args.dump:
        report.dump(results, args.dump)
    partial = args.only or args.corpus or args.limit or args.jobs > 1
    full = not partial and len(corpora) == len(CORPUS_NAMES)
    if full or args.write:
        path = report.write_docs(table, versions, corpora)
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
