"""Issue 8, repro 12: `kill -9` of a scan leaves no worker process behind after 5 seconds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leakwatch.scan.engine import die_with_parent

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running, not merely a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.05)
    return False


def test_kill_9_of_a_scan_takes_its_workers_with_it(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    line = "رقمه 07701234567 وعنوانه بغداد الكرادة محلة 901 " * 4
    with posts.open("w", encoding="utf-8") as out:
        for i in range(60_000):
            out.write(json.dumps({"channel": "c", "id": i, "text": f"{line} {i}"}) + "\n")
    cmd = [sys.executable, "-m", "leakwatch", "scan", str(posts), "-w", "2", "-q"]
    cmd += ["-f", "jsonl", "-o", str(tmp_path / "out.jsonl")]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers: set[int] = set()

        def started() -> bool:
            workers.update(_children(proc.pid))
            return len(workers) >= 2

        assert _wait(started, 60), "the scan never started its workers"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _wait(lambda: not any(_alive(w) for w in workers), 5.0), (
            f"workers still alive 5 s after kill -9: {sorted(w for w in workers if _alive(w))}"
        )
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in _children(proc.pid):
            os.kill(w, signal.SIGKILL)


def test_a_worker_whose_parent_is_already_gone_exits_at_once() -> None:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child: its "parent" pid is not its parent
        try:
            die_with_parent(os.getppid() + 1_000_000)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status)
    assert os.WEXITSTATUS(status) == 1
