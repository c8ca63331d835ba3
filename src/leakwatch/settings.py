"""Every setting leakwatch reads from the environment, in one typed object (`LEAKWATCH_*`).

Interfaces read `load_settings()` where they need a default and pass plain values on; services
take arguments, never the environment. There is no cached singleton: each call reads the
environment afresh, so a test sets a variable and nothing has to be reset. An empty variable
counts as unset (`LEAKWATCH_KEY=` switches the key variable off). No `.env` file is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from leakwatch.errors import UsageError

PREFIX = "LEAKWATCH_"


class Settings(BaseSettings):
    """The environment's settings; each field is `LEAKWATCH_<NAME>` (case-insensitive)."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, extra="ignore", frozen=True)

    #: The store: a SQLite file path or a database URL (else leakwatch.db in the data directory).
    db: str | None = None
    #: The store's master key, URL-safe base64 (before any key file).
    key: SecretStr | None = None
    #: The key file (else leakwatch.key in the user data directory).
    key_file: Path | None = None
    #: The acting user of the command line (else the login name).
    user: str | None = None
    #: The shared corpora and examples (else ../shared/data beside the repository).
    shared_data: Path | None = None
    #: Where `leakwatch serve` listens.
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=1, le=65535)] = 8000
    #: How many days a new API token lives unless told otherwise.
    token_days: Annotated[int, Field(ge=1, le=366)] = 90

    @field_validator("db", "key", "key_file", "user", "shared_data", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


def load_settings() -> Settings:
    """The settings as the environment gives them now; one line naming the variable if one is
    not valid."""
    try:
        return Settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        name = PREFIX + str(err["loc"][0]).upper() if err["loc"] else PREFIX.rstrip("_")
        raise UsageError(f"${name}: {err['msg']}") from None
