"""The result of a per-message pass, kept for the other readers of the same message.

Several recognizers (and the assessment) read the same shared pass over one message; the pass
runs once and the others take its result. One entry is enough, as a message is analyzed
start to finish before the next; a compiled attribute read and an identity test cost far less
than an `lru_cache` call, which builds and hashes a key tuple every time.
"""

from __future__ import annotations

from typing import Any


class LastText:
    """The value computed for the last (text, key) pair.

    The entry is one tuple, replaced whole: a reader in another thread sees an old entry or a
    new one, never half of each.
    """

    __slots__ = ("entry",)

    def __init__(self) -> None:
        self.entry: tuple[str, int, Any] | None = None

    def get(self, text: str, key: int) -> Any:
        """The value stored for (text, key), or None."""
        entry = self.entry
        if entry is not None and entry[1] == key and (entry[0] is text or entry[0] == text):
            return entry[2]
        return None

    def put(self, text: str, key: int, value: Any) -> None:
        self.entry = (text, key, value)
