"""Checks on free text that goes into a store column: one clear line instead of a database error.

SQLite would store an over-long value; PostgreSQL refuses it (and any NUL character) with a
traceback half-way through a transaction. Checking here keeps both backends alike.
"""

from __future__ import annotations

from leakwatch.errors import UsageError

#: A user name goes into audit subjects (`user:<name>`, 100 characters) as well.
USER_NAME = 64
AUTHORITY = 200
REFERENCE = 200
LEGAL_BASIS = 500
LINK = 500
APPELLANT = 200


def checked(what: str, value: str, limit: int | None = None) -> str:
    """`value` if it fits `limit` characters and holds no NUL; otherwise a usage error naming
    `what` (the value itself is not echoed: it may be personal data)."""
    if "\x00" in value:
        raise UsageError(f"{what} contains a NUL character")
    if limit is not None and len(value) > limit:
        raise UsageError(f"{what} is {len(value):,} characters long; at most {limit:,} allowed")
    return value
