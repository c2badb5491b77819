"""Memory of a batch on a WARC of decompression bombs: the parent and its workers, peak RSS.

The WARC holds HTML responses whose bodies are gzip-encoded (``Content-Encoding: gzip``):
each record is about 60 kB on disk and 60 MB once decoded. Good pages sit between them, so
the run also shows they still come out. The command line runs as a child process; the RSS
of its whole process tree (the parent, its workers and any process they start) is summed
from ``/proc`` every 10 ms, and the peak of that sum is the figure. It counts pages shared
by a forked worker and its parent twice, so it overstates what the machine gives; the
proportional figure (PSS, each shared page split between its sharers) is shown beside it.
Standard output is read as it comes (a bomb's text is 60 MB of JSON) and only counted.

    python benchmarks/bench_cli_memory.py                   # 45 bombs, -j 4
    python benchmarks/bench_cli_memory.py --bombs 8 --jobs 2 --time-budget 5
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SRC = Path(__file__).resolve().parent.parent / "src"
BOMB_BYTES = 60_000_000
GOOD = (
    b"<html><head><title>Good {n}</title></head><body><article><h1>Good {n}</h1><p>A page"
    b" long enough to be the article, with words enough that it reads as prose.</p>"
    b"</article></body></html>"
)


def write_warc(path: Path, bombs: int) -> None:
    body = b"<html><body><p>" + b"a" * (BOMB_BYTES - 15)
    bomb = gzip.compress(body, compresslevel=9)
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in range(bombs):
            _response(writer, f"https://bomb.example/{n}", bomb, gzipped=True)
            _response(writer, f"https://good.example/{n}", GOOD.replace(b"{n}", b"%d" % n))


def _response(writer: WARCWriter, url: str, payload: bytes, *, gzipped: bool = False) -> None:
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(payload)))]
    if gzipped:
        headers.append(("Content-Encoding", "gzip"))
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), length=len(payload), http_headers=http
    )
    writer.write_record(record)


def memory_kb(pid: int, field: str) -> int:
    """A ``/proc`` memory figure of one process in kB (0 once it is gone)."""
    source = "smaps_rollup" if field == "Pss:" else "status"
    try:
        with open(f"/proc/{pid}/{source}") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (workers, and anything they start)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as listing:
                pending += [int(child) for child in listing.read().split()]
        except OSError:
            pass
    return found


class Output(threading.Thread):
    """Reads the command line's standard output as it comes, counting what matters."""

    def __init__(self, stream: io.BufferedReader) -> None:
        super().__init__(daemon=True)
        self.stream = stream
        self.lines = self.good = self.size = 0

    def run(self) -> None:
        for line in self.stream:
            self.lines += 1
            self.size += len(line)
            self.good += b'"title": "Good' in line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bombs", type=int, default=45)
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--time-budget", type=float, default=None)
    parser.add_argument("--interval", type=float, default=0.01, help="seconds between samples")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        warc = Path(scratch) / "bombs.warc.gz"
        write_warc(warc, args.bombs)
        size = warc.stat().st_size
        argv = [sys.executable, "-m", "boilerkit", str(warc), "--jsonl", "-j", str(args.jobs)]
        if args.time_budget:
            argv += ["--time-budget", str(args.time_budget)]
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        started, cpu = time.monotonic(), os.times()
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert child.stdout is not None and child.stderr is not None
        output = Output(child.stdout)
        output.start()
        errors: list[bytes] = []
        reader = threading.Thread(target=lambda: errors.append(child.stderr.read()), daemon=True)
        reader.start()
        parent_peak = total_peak = pss_peak = samples = 0
        while child.poll() is None:
            pids = tree(child.pid)
            parent = memory_kb(child.pid, "VmRSS:")
            total = parent + sum(memory_kb(pid, "VmRSS:") for pid in pids[1:])
            if total > total_peak or samples % 10 == 0:  # PSS is slower to read
                pss_peak = max(pss_peak, sum(memory_kb(pid, "Pss:") for pid in pids))
            parent_peak, total_peak = max(parent_peak, parent), max(total_peak, total)
            samples += 1
            time.sleep(args.interval)
        output.join()
        reader.join()
        elapsed, spent = time.monotonic() - started, os.times()
    cpu_seconds = spent.children_user + spent.children_system
    cpu_seconds -= cpu.children_user + cpu.children_system
    print(f"WARC: {size} bytes, {args.bombs} bombs of {BOMB_BYTES} bytes decoded")
    print(
        f"-j {args.jobs}: exit {child.returncode} in {elapsed:.1f} s wall, {cpu_seconds:.1f} s CPU"
    )
    print(f"  (load average at the end: {os.getloadavg()[0]:.1f}; {samples} samples)")
    parent_mb, total_mb, pss_mb = parent_peak / 1024, total_peak / 1024, pss_peak / 1024
    print(f"peak RSS: parent {parent_mb:.0f} MB, parent + workers {total_mb:.0f} MB", end="")
    print(f" (PSS {pss_mb:.0f} MB)")
    print(f"documents out: {output.lines} ({output.size / 1e6:.0f} MB of JSON)")
    print(f"good pages out: {output.good} of {args.bombs}")
    text = b"".join(errors).decode(errors="replace").splitlines()
    print("stderr (first lines):", *text[:5], sep="\n  ")


if __name__ == "__main__":
    main()
