"""Memory of a batch on a WARC of decompression bombs: the parent and its workers, peak RSS.

The WARC holds HTML responses whose bodies are gzip-encoded (``Content-Encoding: gzip``):
each record is about 60 kB on disk and 60 MB once decoded. Good pages sit between them, so
the run also shows they still come out. The command line runs as a child process; its RSS
and its workers' are sampled from ``/proc`` every 20 ms.

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


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as listing:
            return [int(child) for child in listing.read().split()]
    except OSError:
        return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bombs", type=int, default=45)
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--time-budget", type=float, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        warc = Path(scratch) / "bombs.warc.gz"
        write_warc(warc, args.bombs)
        size = warc.stat().st_size
        argv = [sys.executable, "-m", "boilerkit", str(warc), "--jsonl", "-j", str(args.jobs)]
        if args.time_budget:
            argv += ["--time-budget", str(args.time_budget)]
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        started = time.monotonic()
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        parent_peak = total_peak = 0
        while child.poll() is None:
            parent = rss_kb(child.pid)
            total = parent + sum(map(rss_kb, children(child.pid)))
            parent_peak, total_peak = max(parent_peak, parent), max(total_peak, total)
            time.sleep(0.02)
        out, err = child.communicate()
        elapsed = time.monotonic() - started
    good = sum(b'"title": "Good' in line for line in out.splitlines())
    print(f"WARC: {size} bytes, {args.bombs} bombs of {BOMB_BYTES} bytes decoded")
    print(f"-j {args.jobs}: exit {child.returncode} in {elapsed:.1f} s")
    parent_mb, total_mb = parent_peak / 1024, total_peak / 1024
    print(f"peak RSS: parent {parent_mb:.0f} MB, parent + workers {total_mb:.0f} MB")
    print(f"good pages out: {good} of {args.bombs}")
    print("stderr (first lines):", *err.decode(errors="replace").splitlines()[:5], sep="\n  ")


if __name__ == "__main__":
    main()
