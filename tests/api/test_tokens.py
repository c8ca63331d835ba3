"""API tokens: shown once, stored only as a hash, listed and revoked by an admin, refused once
expired, revoked, unknown or their user deactivated; the CLI around them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from api_seed import World, world

from leakwatch.cli.main import main
from leakwatch.errors import PermissionDenied, UsageError
from leakwatch.store.models import ApiToken, User, utcnow
from leakwatch.workflow.service_audit import audit_log
from leakwatch.workflow.tokens import (
    Unauthenticated,
    authenticate,
    create_token,
    list_tokens,
    revoke_token,
    token_hash,
)


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as w:
        yield w


def test_token_authenticates_its_user_and_only_its_hash_is_stored(w: World) -> None:
    issued = create_token(w.store, w.principal("ada"), "rev", expires_days=7)
    assert issued.secret.startswith("lw_")
    assert len(issued.secret) >= 43 + 3
    p = authenticate(w.store, issued.secret)
    assert (p.name, p.role.value) == ("rev", "reviewer")
    db = w.store.engine.url.database
    assert db is not None
    assert issued.secret.encode() not in Path(db).read_bytes()
    with sqlite3.connect(db) as conn:
        hashes = {r[0] for r in conn.execute("SELECT token_hash FROM api_tokens")}
    assert token_hash(issued.secret) in hashes
    assert issued.view.expires_at - issued.view.created_at == timedelta(days=7)


def test_two_tokens_differ(w: World) -> None:
    ada = w.principal("ada")
    assert create_token(w.store, ada, "ana").secret != create_token(w.store, ada, "ana").secret


@pytest.mark.parametrize("secret", [
    "", "lw_", "lw_nonsense", "Bearer x", "lw_" + "A" * 200, "\x00", "lw_\udcff",
])  # fmt: skip
def test_unknown_tokens_are_refused(w: World, secret: str) -> None:
    with pytest.raises(Unauthenticated, match="missing, unknown, expired or revoked token"):
        authenticate(w.store, secret)


def test_revoked_token_is_refused_and_audited(w: World) -> None:
    ada = w.principal("ada")
    issued = create_token(w.store, ada, "lia")
    view = revoke_token(w.store, ada, issued.view.id)
    assert view.revoked_at is not None
    assert revoke_token(w.store, ada, issued.view.id).revoked_at == view.revoked_at
    with pytest.raises(Unauthenticated):
        authenticate(w.store, issued.secret)
    events = [e.event.value for e in audit_log(w.store, ada, limit=5)]
    assert events[0] == "token_revoked"
    assert events.count("token_revoked") == 1


def test_expired_token_is_refused(w: World) -> None:
    issued = create_token(w.store, w.principal("ada"), "rev", expires_days=1)
    with w.store.session() as s:
        row = s.get(ApiToken, issued.view.id)
        assert row is not None
        row.expires_at = utcnow() - timedelta(seconds=1)
    with pytest.raises(Unauthenticated):
        authenticate(w.store, issued.secret)
    states = {t.id: t.active(utcnow()) for t in list_tokens(w.store, w.principal("ada"))}
    assert states[issued.view.id] is False


def test_deactivated_user_token_is_refused(w: World) -> None:
    with w.store.session() as s:
        user = s.query(User).filter_by(name="rev").one()
        user.active = False
    with pytest.raises(Unauthenticated):
        authenticate(w.store, w.tokens["rev"])


@pytest.mark.parametrize("days", [0, -1, 367, 10**9])
def test_lifetime_is_bounded(w: World, days: int) -> None:
    with pytest.raises(UsageError, match="lifetime"):
        create_token(w.store, w.principal("ada"), "rev", expires_days=days)


@pytest.mark.parametrize("who", ["ana", "rev", "lia", "aud"])
def test_only_an_admin_manages_tokens(w: World, who: str) -> None:
    p = w.principal(who)
    with pytest.raises(PermissionDenied):
        create_token(w.store, p, who)
    with pytest.raises(PermissionDenied):
        list_tokens(w.store, p)
    with pytest.raises(PermissionDenied):
        revoke_token(w.store, p, 1)


def test_list_filters_by_user_and_never_shows_a_secret(w: World) -> None:
    ada = w.principal("ada")
    tokens = list_tokens(w.store, ada, "lia")
    assert [t.user for t in tokens] == ["lia"]
    assert w.tokens["lia"] not in repr(tokens)


def test_cli_create_list_revoke(
    w: World, master_key: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(w.store.engine.url.database)
    assert main(["token", "create", "aud", "--expires-days", "3", "--db", db, "--as", "ada"]) == 0
    out, err = capsys.readouterr()
    secret = out.strip()
    assert "shown once" in err
    assert secret not in err
    assert authenticate(w.store, secret).name == "aud"
    assert main(["token", "list", "--user", "aud", "-f", "json", "--db", db, "--as", "ada"]) == 0
    rows = json.loads(capsys.readouterr().out)
    new = [r for r in rows if r["state"] == "active"]
    assert len(new) == 2
    assert secret not in json.dumps(rows)
    token_id = max(r["id"] for r in rows)
    assert main(["token", "revoke", str(token_id), "--db", db, "--as", "ada"]) == 0
    assert "revoked" in capsys.readouterr().out
    with pytest.raises(Unauthenticated):
        authenticate(w.store, secret)


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["token", "create", "aud", "--expires-days", "0"], 2, "lifetime"),
    (["token", "create", "nobody"], 4, "no active user 'nobody'"),
    (["token", "revoke", "999"], 4, "no token 999"),
    (["token", "list", "--as", "rev"], 5, "may not manage users"),
])  # fmt: skip
def test_cli_refusals_are_one_line(
    w: World,
    master_key: bytes,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    message: str,
) -> None:
    db = str(w.store.engine.url.database)
    who = [] if "--as" in argv else ["--as", "ada"]
    assert main([*argv, "--db", db, *who]) == code
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_cli_default_lifetime_from_the_environment(
    w: World, master_key: bytes, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEAKWATCH_TOKEN_DAYS", "3")
    db = str(w.store.engine.url.database)
    assert main(["token", "create", "aud", "--db", db, "--as", "ada"]) == 0
    capsys.readouterr()
    newest = list_tokens(w.store, w.principal("ada"), "aud")[-1]
    assert newest.expires_at - newest.created_at == timedelta(days=3)
