"""A real, throwaway PostgreSQL server for the tests: Debian's binaries, a temporary data
directory, a free loopback port. `make test` installs the package when it is missing.

initdb refuses to run as root, so as root the server runs as the `postgres` system user that the
Debian package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def find_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bindir: Path
    root: Path
    port: int
    user: str | None  # system user the server runs as (None: ourselves)

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://leakwatch@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://leakwatch@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    @classmethod
    def start(cls, *, durable: bool = False) -> PgServer:
        """Start a server; tests skip fsync (`durable=False`), benchmarks keep PostgreSQL's
        defaults so that their figures mean what they would on a real server."""
        bindir = find_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        root = Path(tempfile.mkdtemp(prefix="leakwatch-pg-"))
        user = "postgres" if os.geteuid() == 0 else None
        if user:
            shutil.chown(root, user)
        server = cls(bindir, root, _free_port(), user)
        data = root / "data"
        server._run(
            "initdb",
            "-D",
            str(data),
            "-U",
            "leakwatch",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        opts = f"-p {server.port} -c listen_addresses=127.0.0.1 -k {root} -c max_connections=50"
        if not durable:
            opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        server._run("pg_ctl", "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        return server

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
