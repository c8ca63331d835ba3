"""Sub-commands (placeholder: being filled in)."""

from __future__ import annotations

from typing import Any


def add_parsers(sub: Any) -> None:
    """Register this module's sub-commands."""
