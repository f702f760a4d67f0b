"""Latency of the web app's pages under concurrent load.

Builds a register of --claims claims (default 100,000) by bulk inserts (as
benchmarks/ingest.py does), serves it with `materiel serve` (uvicorn, in a
child process, single-user on loopback), and drives --concurrency clients
from this process (httpx in a thread pool) at the register, a dossier and
document pages, --requests times each. Prints p50/p95 per page.

    python benchmarks/web.py [--claims 100000] [--requests 300] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import build_large_store

TARGET_P95_MS = 200.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "materiel", "serve", "--db", db, "--port", str(port),
               "--host", "127.0.0.1", "--single-user"]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until_up(base: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if httpx.get(base + "/api/v1/session", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the server did not start in time")


def pages(kind: str, count: int, documents: int, rng: random.Random) -> list[str]:
    """`count` addresses of one kind of page."""
    if kind == "register":
        choices = ["/claims", "/claims?supplier=CN&recipient=RU", "/claims?category=uav",
                   "/claims?offset=1000", "/claims?supplier=IR&since=2023"]  # fmt: skip
    elif kind == "dossier":
        choices = ["/dossier/CN/RU", "/dossier/IR/RU", "/dossier/KP/UA", "/dossier/US/UA"]
    else:
        return [f"/documents/{rng.randint(1, documents)}" for _ in range(count)]
    return [rng.choice(choices) for _ in range(count)]


def timed(client: httpx.Client, path: str) -> float:
    started = time.perf_counter()
    answer = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code != 200:
        raise SystemExit(f"{path}: HTTP {answer.status_code}")
    return elapsed


def load(base: str, paths: list[str], concurrency: int) -> list[float]:
    with httpx.Client(base_url=base, timeout=30, limits=httpx.Limits(
            max_connections=concurrency)) as client:  # fmt: skip
        for path in paths[:5]:
            client.get(path)  # warm up
        with ThreadPoolExecutor(concurrency) as pool:
            return sorted(pool.map(lambda p: timed(client, p), paths))


def percentile(values: list[float], share: float) -> float:
    return values[min(len(values) - 1, int(len(values) * share))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "web.db")
        started = time.perf_counter()
        build_large_store(db, args.claims)
        print(f"{args.claims:,} claims generated in {time.perf_counter() - started:.0f} s")
        port = free_port()
        server = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base, server)
            report(base, args, rng)
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()


def report(base: str, args: argparse.Namespace, rng: random.Random) -> None:
    documents = args.claims // 5
    print(f"{args.concurrency} concurrent clients, {args.requests} requests per page, "
          f"{os.cpu_count()} CPUs")  # fmt: skip
    for kind in ("register", "dossier", "document"):
        times = load(base, pages(kind, args.requests, documents, rng), args.concurrency)
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        verdict = "ok" if p95 <= TARGET_P95_MS else f"over the {TARGET_P95_MS:.0f} ms target"
        print(f"  {kind:9} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  ({verdict})")


if __name__ == "__main__":
    main()
