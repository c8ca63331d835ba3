"""The master key: from the environment, else a key file created 0600 on first use and reused."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from leakwatch.errors import StoreError
from leakwatch.store.crypto import ENV_KEY, ENV_KEY_FILE, KeyRing, load_master_key


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_KEY, raising=False)
    monkeypatch.delenv(ENV_KEY_FILE, raising=False)


def test_key_file_is_created_0600_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "leakwatch.key"
    first = load_master_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) == 32
    assert load_master_key(path) == first
    assert KeyRing.load(path) == KeyRing.from_master(first)


def test_key_file_from_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "custom.key"
    monkeypatch.setenv(ENV_KEY_FILE, str(path))
    key = load_master_key()
    assert path.exists()
    assert load_master_key() == key


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660])
def test_a_key_file_others_can_read_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "leakwatch.key"
    load_master_key(path)
    path.chmod(mode)
    with pytest.raises(StoreError, match="readable by others"):
        load_master_key(path)


def test_environment_key_wins_and_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = bytes(range(32))
    monkeypatch.setenv(ENV_KEY, base64.urlsafe_b64encode(key).decode())
    path = tmp_path / "never.key"
    assert load_master_key(path) == key
    assert not path.exists()
    monkeypatch.setenv(ENV_KEY, base64.urlsafe_b64encode(b"short").decode())
    with pytest.raises(StoreError, match="32 bytes"):
        load_master_key(path)


def test_a_damaged_key_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leakwatch.key"
    path.write_bytes(base64.urlsafe_b64encode(b"x" * 16) + b"\n")
    path.chmod(0o600)
    with pytest.raises(StoreError, match="32 bytes"):
        load_master_key(path)
