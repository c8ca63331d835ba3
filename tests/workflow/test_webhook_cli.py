"""`leakwatch webhook …` end to end in process: register an endpoint (secret printed once), deliver
with `deliver --once` to a real loopback receiver, list, dead letters, replay, remove; bad input
and a role that may not are one line and a non-zero exit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hook_receiver import Receiver, running_receiver
from wf_seed import World, world

from leakwatch.cli.main import main
from leakwatch.workflow.cases import open_channel_cases
from leakwatch.workflow.notices import submit_notice
from leakwatch.workflow.review import decide


@pytest.fixture
def db(tmp_path: Path, master_key: bytes) -> Iterator[tuple[World, str]]:
    path = tmp_path / "cli.db"
    with world(f"sqlite:///{path}") as built:
        yield built, str(path)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as r:
        yield r


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_deliver_list_replay_remove(
    db: tuple[World, str], receiver: Receiver, capsys: pytest.CaptureFixture[str]
) -> None:
    w, path = db
    code, out, err = _run(capsys, "webhook", "add", receiver.url, "--db", path, "--as", "ada")
    assert code == 0
    assert "shown once" in err
    receiver.secret = out.strip()
    case = open_channel_cases(w.store, w.as_("ana")).opened[0]
    decide(w.store, w.as_("rev"), case, "remove", "identity_bundle")
    code, out, _ = _run(capsys, "webhook", "deliver", "--once", "--db", path)
    assert (code, out.strip()) == (0, "delivered 1, failed 0, dead-lettered 0")
    assert [a["event"] for a in receiver.accepted] == ["decision"]
    assert receiver.bad_signatures == 0

    receiver.status = 503
    submit_notice(
        w.store, w.as_("lia"), "CMC", "CMC/1", "Law 1", "personal_data", ["telegram:200/1"]
    )
    code, out, err = _run(
        capsys, "webhook", "deliver", "--once", "--max-attempts", "1", "--db", path
    )
    assert code == 0
    assert "dead-lettered 1" in out
    assert "HTTP 503" in err
    code, out, _ = _run(capsys, "webhook", "dead", "--db", path, "--as", "ada", "-f", "json")
    (dead,) = json.loads(out)
    assert dead["last_error"] == "HTTP 503"
    code, out, _ = _run(capsys, "webhook", "list", "--db", path, "--as", "ada", "-f", "json")
    (listed,) = json.loads(out)
    assert listed["dead_letters"] == 1
    assert receiver.secret not in out

    receiver.status = 200
    code, out, err = _run(capsys, "webhook", "rotate-secret", "1", "--db", path, "--as", "ada")
    assert code == 0
    assert "shown once" in err
    assert out.strip() != receiver.secret
    receiver.secret = out.strip()
    code, out, _ = _run(capsys, "webhook", "replay", "1", "--db", path, "--as", "ada")
    assert (code, "1 dead letter(s) requeued" in out) == (0, True)
    code, out, _ = _run(capsys, "webhook", "deliver", "--once", "--db", path)
    assert "delivered 1" in out
    assert [a["event"] for a in receiver.accepted] == ["decision", "notice.submitted"]
    code, out, _ = _run(capsys, "webhook", "remove", "1", "--db", path, "--as", "ada")
    assert code == 0
    code, out, _ = _run(capsys, "webhook", "list", "--db", path, "--as", "ada")
    assert out == ""


@pytest.mark.parametrize(
    ("argv", "exit_code", "says"),
    [
        (["webhook", "add", "ftp://example.org/x", "--as", "ada"], 2, "https://"),
        (["webhook", "add", "https://example.org/x", "--as", "rev"], 5, "may not manage webhooks"),
        (["webhook", "remove", "7", "--as", "ada"], 4, "no webhook 7"),
        (["webhook", "replay", "7", "--as", "ada"], 4, "no webhook 7"),
        (["webhook", "deliver", "--once", "--poll", "0"], 2, "--poll"),
        (["webhook", "deliver", "--once", "--max-attempts", "0"], 2, "at least 1"),
    ],
)
def test_bad_input_is_one_line(
    db: tuple[World, str],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    exit_code: int,
    says: str,
) -> None:
    _, path = db
    code, _, err = _run(capsys, *argv, "--db", path)
    assert code == exit_code
    assert says in err
    assert err.count("\n") == 1


def test_the_delivery_loop_runs_until_stopped(
    db: tuple[World, str], receiver: Receiver, capsys: pytest.CaptureFixture[str]
) -> None:
    """`webhook deliver` as a service runs it: a process that keeps delivering new actions as
    they are decided, and stops cleanly on SIGTERM."""
    w, path = db
    _, out, _ = _run(capsys, "webhook", "add", receiver.url, "--db", path, "--as", "ada")
    receiver.secret = out.strip()
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    cmd = [sys.executable, "-m", "leakwatch", "webhook", "deliver", "--poll", "0.1", "--db", path]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        case = open_channel_cases(w.store, w.as_("ana")).opened[0]
        decide(w.store, w.as_("rev"), case, "remove", "identity_bundle")
        submit_notice(
            w.store, w.as_("lia"), "CMC", "CMC/1", "Law 1", "personal_data", ["telegram:200/1"]
        )
        deadline = time.monotonic() + 60
        while len(receiver.accepted) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [a["event"] for a in receiver.accepted] == ["decision", "notice.submitted"]
        assert proc.poll() is None  # still running, waiting for more
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert receiver.bad_signatures == 0
