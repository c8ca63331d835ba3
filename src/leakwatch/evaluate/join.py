"""Pair each labelled message with the scan's record of it.

The key is (channel_id, message_id). When either side has no channel id (JSONL inputs carry
none) the key falls back to (source, message_id), where two sources match if they are equal or
one is a path suffix of the other: labels say `chan/result.json`, a scan of the corpus directory
says `corpus/chan/result.json`. Messages absent from the scan were scanned clear with no findings.
"""

from __future__ import annotations

from collections.abc import Iterable

from leakwatch.evaluate.labels import Record


def _norm(source: str) -> str:
    return source.replace("\\", "/").removeprefix("./")


def same_source(a: str, b: str) -> bool:
    """Whether two source paths name the same file (equal, or one a path suffix of the other)."""
    a, b = _norm(a), _norm(b)
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


class ScanIndex:
    """The scan's records, looked up by label; remembers which ones were matched."""

    def __init__(self, records: Iterable[Record]) -> None:
        self._by_channel: dict[tuple[int, int], int] = {}
        self._by_message: dict[int, list[int]] = {}
        self._records: list[Record] = []
        self.duplicates = 0
        for rec in records:
            if rec.channel_id is not None:
                key = (rec.channel_id, rec.message_id)
                if key in self._by_channel:
                    self.duplicates += 1
                    continue
                self._by_channel[key] = len(self._records)
            self._by_message.setdefault(rec.message_id, []).append(len(self._records))
            self._records.append(rec)
        self._matched: set[int] = set()

    def match(self, label: Record) -> Record | None:
        """The scan record of `label`'s message, or None when the scan has none."""
        if label.channel_id is not None:
            idx = self._by_channel.get((label.channel_id, label.message_id))
            if idx is not None:
                self._matched.add(idx)
                return self._records[idx]
        for idx in self._by_message.get(label.message_id, ()):
            rec = self._records[idx]
            comparable = rec.channel_id is None or label.channel_id is None
            if comparable and idx not in self._matched and same_source(rec.source, label.source):
                self._matched.add(idx)
                return rec
        return None

    @property
    def unmatched(self) -> int:
        """Scan records no label claimed (a join problem, or a scan of other files)."""
        return len(self._records) - len(self._matched)
