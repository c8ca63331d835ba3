"""One error type for the whole system.

Services raise `LeakwatchError` (or a subclass) carrying both an HTTP status and a process exit
code; only the API maps it to HTTP, only the CLI maps it to an exit code. The message is one
line, safe to show a user, and never contains personal data.
"""

from __future__ import annotations


class LeakwatchError(Exception):
    """Base error: a one-line, user-facing message plus how each interface should report it."""

    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message.replace("\n", " ").strip()

    def __str__(self) -> str:
        return self.message


class InputError(LeakwatchError):
    """Input that cannot be read: missing path, not an export, truncated, binary, wrong types."""

    exit_code = 2
    http_status = 422


class UsageError(LeakwatchError):
    """Arguments that do not make sense together."""

    exit_code = 2
    http_status = 400


class StoreError(LeakwatchError):
    """The store cannot be opened or used (bad URL, server down, schema newer than this code)."""

    exit_code = 3
    http_status = 503


class NotFound(LeakwatchError):
    """A case, notice, channel or user that does not exist."""

    exit_code = 4
    http_status = 404


class PermissionDenied(LeakwatchError):
    """The actor's role may not do this (workflow.roles)."""

    exit_code = 5
    http_status = 403


class Conflict(LeakwatchError):
    """Someone else changed the same thing first (two reviewers deciding one case)."""

    exit_code = 6
    http_status = 409
