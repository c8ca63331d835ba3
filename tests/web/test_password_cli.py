"""`leakwatch user password NAME`: prompted twice or read from stdin, never an argument; an
admin sets anyone's, a user their own; one clear line and an exit code for everything else."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_seed import World, world

from leakwatch.cli.main import main
from leakwatch.web.passwords import login

pytestmark = pytest.mark.usefixtures("master_key")  # the seed's key, as $LEAKWATCH_KEY


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path / "console.db") as w:
        yield w


def _db(w: World) -> str:
    return w.store.engine.url.render_as_string()


def _run(
    w: World, monkeypatch: pytest.MonkeyPatch, stdin: str, *args: str, tty: bool = False
) -> int:
    stream = io.StringIO(stdin)
    monkeypatch.setattr(stream, "isatty", lambda: tty)
    monkeypatch.setattr("sys.stdin", stream)
    return main(["user", "password", *args, "--db", _db(w)])


def test_an_admin_sets_a_password_from_stdin(
    w: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run(w, monkeypatch, "a brand new passphrase\n", "rev", "--password-stdin", "--as=ada")
    assert code == 0
    assert "password set for rev" in capsys.readouterr().out
    principal, _ = login(w.store, "rev", "a brand new passphrase")
    assert principal.name == "rev"


def test_a_user_sets_their_own_at_the_prompt(w: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "my own passphrase")
    assert _run(w, monkeypatch, "", "lia", "--as", "lia", tty=True) == 0
    assert login(w.store, "lia", "my own passphrase")[0].name == "lia"


@pytest.mark.parametrize(
    ("stdin", "args", "tty", "code", "message"),
    [
        ("short\n", ["rev", "--password-stdin", "--as", "ada"], False, 2, "at least 12"),
        ("\n", ["rev", "--password-stdin", "--as", "ada"], False, 2, "no password"),
        ("", ["rev", "--as", "ada"], False, 2, "--password-stdin"),
        ("long enough passphrase\n", ["ada", "--password-stdin", "--as", "rev"], False, 5,
         "may not manage users"),
        ("long enough passphrase\n", ["ghost", "--password-stdin", "--as", "ada"], False, 4,
         "no user 'ghost'"),
    ],
)  # fmt: skip
def test_refusals_are_one_line(
    w: World,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stdin: str,
    args: list[str],
    tty: bool,
    code: int,
    message: str,
) -> None:
    assert _run(w, monkeypatch, stdin, *args, tty=tty) == code
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_two_different_entries_change_nothing(
    w: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["first passphrase 1", "second passphrase 2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert _run(w, monkeypatch, "", "rev", "--as", "ada", tty=True) == 2
    assert "differ" in capsys.readouterr().err
