"""Ingest throughput: messages/s of `leakwatch ingest` into SQLite and PostgreSQL, 100k messages.

    python benchmarks/ingest.py --messages 100000 --markdown      # what `make bench-ingest` runs

The synthetic export is the one `benchmarks/throughput.py` uses (generated once into `.bench/`).
For each backend, on a fresh, migrated database:

* first ingest: `leakwatch.store.ingest.ingest` end to end: reading and parsing the export, the
  scan worker pool, sealing texts (AES-GCM), fingerprinting and masking findings, and the batched
  transactions;
* store writes alone: the first ingest's batches (already scanned, sealed and fingerprinted)
  written again, one transaction each, into a second fresh database with nothing else running:
  what the store itself costs, which the end-to-end figure hides behind the scan;
* re-ingest: the same export again, which stores nothing (every message is found below its
  channel's checkpoint and skipped before scanning).

SQLite is a file in a temporary directory (WAL, synchronous=NORMAL, as the store configures it).
PostgreSQL is a throwaway server from Debian's binaries on a loopback port (tests/pgserver.py) with
its default durability settings (fsync on). Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import leakwatch.store.ingest as ingest_mod
from leakwatch.store.batch import BatchResult, write_batch
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store, open_store
from leakwatch.store.message_rows import PendingMessage
from leakwatch.workflow.principal import resolve
from leakwatch.workflow.users import bootstrap_admin

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from throughput import ensure_dataset, machine_info, usable_cores  # noqa: E402

from pgserver import PgServer  # noqa: E402

ACTOR = "bench"


def _log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@dataclass(frozen=True, slots=True)
class Row:
    """One backend's figures; `*_s` are seconds."""

    backend: str
    messages: int
    stored: int
    findings: int
    ingest_s: float
    writes_s: float
    reingest_s: float

    @property
    def ingest_rate(self) -> float:
        return self.messages / self.ingest_s

    @property
    def writes_rate(self) -> float:
        return self.stored / self.writes_s if self.writes_s else 0.0

    @property
    def reingest_rate(self) -> float:
        return self.messages / self.reingest_s

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {
            "ingest_messages_per_s": self.ingest_rate,
            "writes_messages_per_s": self.writes_rate,
            "reingest_messages_per_s": self.reingest_rate,
        }


@contextmanager
def _captured() -> Iterator[list[list[PendingMessage]]]:
    """Keep every batch `ingest` writes, to replay them later without scanning."""
    batches: list[list[PendingMessage]] = []
    real = write_batch

    def keeping(store: Store, actor: str, batch: Sequence[PendingMessage]) -> BatchResult:
        batches.append(list(batch))
        return real(store, actor, batch)

    setattr(ingest_mod, "write_batch", keeping)  # noqa: B010 - the module's own name for it
    try:
        yield batches
    finally:
        setattr(ingest_mod, "write_batch", real)  # noqa: B010


def _fresh(url: str) -> tuple[Store, KeyRing]:
    keys = KeyRing.from_master(os.urandom(32))
    store = open_store(url, keys=keys)  # a store is bound to its key; its audit chain needs it
    bootstrap_admin(store, ACTOR)
    return store, keys


def measure(backend: str, urls: tuple[str, str], export: Path, workers: int, batch: int) -> Row:
    """First ingest and re-ingest of `export` into the fresh database `urls[0]`; the first
    ingest's batches replayed alone into the fresh database `urls[1]` (the store's own cost)."""
    store, keys = _fresh(urls[0])
    admin = resolve(store, ACTOR)
    last = [time.perf_counter()]

    def progress(read: int, stored: int) -> None:
        now = time.perf_counter()
        if now - last[0] >= 15:
            last[0] = now
            _log(f"  {backend}: {read:,} read, {stored:,} stored")

    _log(f"{backend}: first ingest ...")
    with _captured() as batches:
        started = time.perf_counter()
        first = ingest_mod.ingest(store, keys, admin, [str(export)], workers, batch, progress)
        ingest_s = time.perf_counter() - started
    _log(f"{backend}: {first.stored:,} stored in {ingest_s:.1f} s; re-ingest ...")
    started = time.perf_counter()
    again = ingest_mod.ingest(store, keys, admin, [str(export)], workers, batch)
    reingest_s = time.perf_counter() - started
    store.close()
    assert again.stored == 0, "re-ingest stored something"

    _log(f"{backend}: store writes alone ...")
    replay, _ = _fresh(urls[1])
    gc.collect()
    gc.freeze()  # the kept batches are the benchmark's buffer: keep the collector off them
    started = time.perf_counter()
    for b in batches:
        write_batch(replay, ACTOR, b)
    writes_s = time.perf_counter() - started
    gc.unfreeze()
    replay.close()
    return Row(backend, first.read, first.stored, first.findings, ingest_s, writes_s, reingest_s)


def _postgres_urls(server: PgServer) -> tuple[str, str]:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=server.port, user="leakwatch", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute("CREATE DATABASE bench")
        conn.execute("CREATE DATABASE bench_writes")
    return server.url("bench"), server.url("bench_writes")


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| backend | messages | first ingest | messages/s | store writes alone | "
        "messages/s | re-ingest (nothing new) | messages/s |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.backend} | {r.messages:,} | {r.ingest_s:.1f} s | **{r.ingest_rate:,.0f}** | "
            f"{r.writes_s:.1f} s | {r.writes_rate:,.0f} | {r.reingest_s:.1f} s | "
            f"{r.reingest_rate:,.0f} |"
        )
    return "\n".join(lines)


def markdown(rows: Sequence[Row], info: dict[str, Any], args: argparse.Namespace) -> str:
    findings = rows[0].findings if rows else 0
    return "\n".join(
        [
            f"`python benchmarks/ingest.py --messages {args.messages} --workers {args.workers} "
            f"--batch {args.batch}` on {time.strftime('%Y-%m-%d')}: {info['cpu']} "
            f"({info['usable_cores']} usable cores), Python {info['python']}; "
            f"{findings:,} findings stored.",
            "",
            table(rows),
        ]
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Ingest throughput into SQLite and PostgreSQL.")
    p.add_argument("--messages", type=int, default=100_000, help="synthetic messages (100000)")
    p.add_argument("--seed", type=int, default=11, help="seed of the synthetic export (11)")
    p.add_argument(
        "--workers", type=int, default=usable_cores(), help="scan processes (all usable cores)"
    )
    p.add_argument("--batch", type=int, default=ingest_mod.DEFAULT_BATCH, help="batch size")
    p.add_argument(
        "--backends",
        default="sqlite,postgresql",
        help="comma-separated: sqlite, postgresql (default both)",
    )
    p.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    p.add_argument("--markdown", action="store_true", help="print a docs-ready block")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    export = ensure_dataset(args.messages, args.seed)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="leakwatch-bench-") as tmp:
        for backend in backends:
            if backend == "sqlite":
                urls = (f"sqlite:///{Path(tmp) / 'bench.db'}", f"sqlite:///{Path(tmp) / 'w.db'}")
                rows.append(measure("SQLite", urls, export, args.workers, args.batch))
            elif backend == "postgresql":
                server = PgServer.start(durable=True)
                try:
                    urls = _postgres_urls(server)
                    rows.append(measure("PostgreSQL", urls, export, args.workers, args.batch))
                finally:
                    server.stop()
            else:
                raise SystemExit(f"unknown backend {backend!r}")
    info = machine_info()
    print(markdown(rows, info, args) if args.markdown else table(rows))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"machine": info, "rows": [r.as_dict() for r in rows]}, indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
