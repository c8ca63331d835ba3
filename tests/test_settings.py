"""One settings object: every LEAKWATCH_* variable typed, empty as unset, bad values one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from leakwatch.errors import UsageError
from leakwatch.settings import Settings, load_settings

DOCS = Path(__file__).resolve().parent.parent / "docs" / "settings.md"


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(f"LEAKWATCH_{name.upper()}", raising=False)


def test_defaults() -> None:
    s = load_settings()
    assert (s.db, s.key, s.key_file, s.user) == (None, None, None, None)
    assert (s.host, s.port, s.token_days) == ("127.0.0.1", 8000, 90)


@pytest.mark.parametrize(("var", "value", "field", "expected"), [
    ("LEAKWATCH_DB", "postgresql://lw@db/lw", "db", "postgresql://lw@db/lw"),
    ("LEAKWATCH_KEY_FILE", "/tmp/k.key", "key_file", Path("/tmp/k.key")),
    ("LEAKWATCH_USER", "rana", "user", "rana"),
    ("LEAKWATCH_USER", "", "user", None),  # empty is unset
    ("LEAKWATCH_KEY_FILE", "  ", "key_file", None),
    ("LEAKWATCH_PORT", "8443", "port", 8443),
    ("leakwatch_host", "0.0.0.0", "host", "0.0.0.0"),  # case-insensitive
    ("LEAKWATCH_TOKEN_DAYS", "7", "token_days", 7),
])  # fmt: skip
def test_each_variable(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str, field: str, expected: object
) -> None:
    monkeypatch.setenv(var, value)
    assert getattr(load_settings(), field) == expected


def test_key_is_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEAKWATCH_KEY", "c2VjcmV0")
    s = load_settings()
    assert s.key is not None
    assert s.key.get_secret_value() == "c2VjcmV0"
    assert "c2VjcmV0" not in repr(s)


@pytest.mark.parametrize(("var", "value"), [
    ("LEAKWATCH_PORT", "eighty"),
    ("LEAKWATCH_PORT", "70000"),
    ("LEAKWATCH_TOKEN_DAYS", "0"),
])  # fmt: skip
def test_a_bad_value_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(UsageError) as err:
        load_settings()
    assert str(err.value).startswith(f"${var}: ")
    assert value not in str(err.value)
    assert "\n" not in str(err.value)


def test_every_setting_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"`LEAKWATCH_{name.upper()}`" in text, name
