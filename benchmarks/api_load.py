"""API load: N concurrent clients on loopback against the queue, case and scan endpoints, on
SQLite and on PostgreSQL. A benchmark, not a test: nothing here asserts a timing.

    python benchmarks/api_load.py --clients 8 --seconds 30 --markdown   # what `make bench-api` runs

For each backend a fresh store gets a synthetic export ingested (2,000 messages over 40
channels by default, generated once into `.bench/`) and a case opened per leaking channel; then
`leakwatch serve` runs as its own process (one uvicorn worker, as shipped) and `--clients`
threads, each with its own HTTP connection and a reviewer's bearer token, call one endpoint as
fast as it answers for `--seconds`:

* queue: `GET /queue?limit=20` (the review queue, SLA first);
* case: `GET /cases/{id}` (one case with its messages' masked findings), cycling over the cases;
* scan: `POST /scan/text` with a typical leaking post (Arabic name, phone, address).

Every answer other than 200 counts as an error, and so does a transport failure. Latency is per
request as the client sees it (connection reused). SQLite is a file in a temporary directory;
PostgreSQL a throwaway server from Debian's binaries (tests/pgserver.py).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from throughput import CACHE, machine_info, usable_cores  # noqa: E402

from pgserver import PgServer  # noqa: E402

MASTER = bytes(range(32))
POST = (
    "تسريب: الاسم علي حسن كاظم الجبوري، رقم الهاتف 07701234567، "
    "العنوان بغداد الكرادة محلة 905 زقاق 12 دار 7"
)


def _log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@dataclass(frozen=True, slots=True)
class Row:
    backend: str
    endpoint: str
    clients: int
    seconds: float
    requests: int
    errors: int
    rps: float
    p50_ms: float
    p99_ms: float


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_export(messages: int, channels: int, seed: int = 7) -> Path:
    """A synthetic export of `messages` over `channels`, generated on first use."""
    out = CACHE / f"api-m{messages}-c{channels}-s{seed}"
    done = out / ".complete"
    if not done.exists():
        from leakwatch.synth.generate import generate

        _log(f"generating {messages} messages over {channels} channels into {out} ...")
        generate(out, messages=messages, channels=channels, seed=seed)
        done.touch()
    return out


def _prepare(url: str, export: Path) -> tuple[str, list[int]]:
    """Ingest `export` into the store at `url`, open cases, and return a reviewer's token and
    the case ids."""
    from leakwatch.store.crypto import KeyRing
    from leakwatch.store.db import open_store
    from leakwatch.store.ingest import ingest
    from leakwatch.store.models import User
    from leakwatch.workflow.cases import list_cases, open_channel_cases
    from leakwatch.workflow.principal import resolve
    from leakwatch.workflow.tokens import create_token

    keys = KeyRing.from_master(MASTER)
    store = open_store(url, keys=keys)
    try:
        with store.session() as s:
            s.add_all([User(name="bench-admin", role="admin"), User(name="rev", role="reviewer")])
        admin = resolve(store, "bench-admin")
        report = ingest(store, keys, admin, [str(export)], workers=max(1, usable_cores() - 1))
        _log(f"  ingested {report}")
        open_channel_cases(store, admin, min_leaks=1, min_severity="low")
        cases = [c.id for c in list_cases(store, admin)]
        token = create_token(store, admin, "rev", 1).secret
    finally:
        store.close()
    return token, cases


@contextmanager
def _server(url: str) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "LEAKWATCH_KEY": base64.urlsafe_b64encode(MASTER).decode()}
    cmd = [sys.executable, "-m", "leakwatch", "serve", "--port", str(port), "--db", url]
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )  # its access log would cost more than the requests
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("leakwatch serve did not start")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


Call = Callable[[httpx.Client, int], httpx.Response]


def _load(
    base: str, token: str, call: Call, clients: int, seconds: float
) -> tuple[int, int, list[float]]:
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    stop = time.monotonic() + seconds

    def worker(i: int) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
            n = i
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                try:
                    ok = call(client, n).status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies[i].append(time.perf_counter() - t0)
                errors[i] += not ok
                n += clients

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    flat = [x for xs in latencies for x in xs]
    return len(flat), sum(errors), flat


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def run_backend(name: str, url: str, export: Path, clients: int, seconds: float) -> list[Row]:
    _log(f"{name}: preparing the store")
    token, cases = _prepare(url, export)
    calls: dict[str, Call] = {
        "queue": lambda c, n: c.get("/queue", params={"limit": 20}),
        "case": lambda c, n: c.get(f"/cases/{cases[n % len(cases)]}"),
        "scan": lambda c, n: c.post("/scan/text", json={"text": POST}),
    }
    rows = []
    with _server(url) as base:
        for endpoint, call in calls.items():
            _log(f"{name}: {endpoint}, {clients} clients, {seconds:g} s")
            started = time.monotonic()
            count, errors, lat = _load(base, token, call, clients, seconds)
            elapsed = time.monotonic() - started
            rows.append(
                Row(name, endpoint, clients, round(elapsed, 1), count, errors,
                    round(count / elapsed, 1), round(_quantile(lat, 0.5) * 1000, 1),
                    round(_quantile(lat, 0.99) * 1000, 1))
            )  # fmt: skip
    return rows


def markdown(rows: list[Row]) -> str:
    lines = [
        "| backend | endpoint | clients | requests/s | p50 ms | p99 ms | errors |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    lines += [
        f"| {r.backend} | {r.endpoint} | {r.clients} | {r.rps:,.1f} | {r.p50_ms:,.1f} | "
        f"{r.p99_ms:,.1f} | {r.errors} |"
        for r in rows
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--messages", type=int, default=2000, help="synthetic export size")
    parser.add_argument("--channels", type=int, default=40, help="channels in the export")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table, not JSON")
    args = parser.parse_args()
    export = ensure_export(args.messages, args.channels)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="leakwatch-bench-api-") as folder:
        if args.backend in ("sqlite", "both"):
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
            rows += run_backend("SQLite", url, export, args.clients, args.seconds)
        if args.backend in ("postgresql", "both"):
            server = PgServer.start()
            try:
                import psycopg

                with psycopg.connect(
                    host="127.0.0.1", port=server.port, user="leakwatch", dbname="postgres",
                    autocommit=True,
                ) as conn:  # fmt: skip
                    conn.execute("CREATE DATABASE bench")
                rows += run_backend(
                    "PostgreSQL", server.url("bench"), export, args.clients, args.seconds
                )
            finally:
                server.stop()
    if args.markdown:
        print(markdown(rows))
        print()
        print(f"machine: {json.dumps(machine_info())}")
    else:
        print(json.dumps({"rows": [asdict(r) for r in rows], "machine": machine_info()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
