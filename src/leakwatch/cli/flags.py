"""Checks on options before a service sees them, so the message names the option the user typed.

Services word their own refusals without any option name (another interface has none); where the
command line can say which option to change, it checks first, here.
"""

from __future__ import annotations

from leakwatch.errors import UsageError


def at_least_one(value: int | None, option: str) -> None:
    """Refuse `option` below 1 (None: not given, nothing to check)."""
    if value is not None and value < 1:
        raise UsageError(f"{option} must be at least 1")


def one_of(first: object, second: object, what: str) -> None:
    """Refuse both or neither of two alternatives (`what` says which, with their options)."""
    if (first is None) == (second is None):
        raise UsageError(f"{what}, not both or neither")
